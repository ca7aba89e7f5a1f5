"""Text helpers for Vietnamese: accent folding and normalisation used by parsers and searches."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse white space: "Xã Giồng Riềng" → "xa giong rieng"."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", text).strip().lower()


def norm_words(text: str) -> str:
    """fold() and drop punctuation, for fuzzy matching of free text."""
    return _SPACES.sub(" ", re.sub(r"[^\w\s]", " ", fold(text))).strip()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
