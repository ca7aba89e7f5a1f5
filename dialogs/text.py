"""Text helpers for Vietnamese: accent folding and normalisation used by parsers and searches."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


def _build_fold_table() -> dict[int, str | None]:
    """Every precomposed Latin letter with diacritics → its base letter; combining marks → removed."""
    table: dict[int, str | None] = {}
    for cp in range(0x00C0, 0x2000):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
        if base != ch and base.isascii():
            table[cp] = base
    for cp in range(0x0300, 0x0370):
        table[cp] = None
    table[ord("Đ")] = "D"
    table[ord("đ")] = "d"
    return table


_FOLD = _build_fold_table()


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse white space: "Xã Giồng Riềng" → "xa giong rieng"."""
    return _SPACES.sub(" ", text.translate(_FOLD)).strip().lower()


@lru_cache(maxsize=65536)
def slug(text: str, limit: int = 40) -> str:
    """For file names: folded, runs of other characters as one "-" ("Đợt 1/2026" → "dot-1-2026")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:limit].strip("-")


def norm_words(text: str) -> str:
    """fold() and drop punctuation, for fuzzy matching of free text."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", fold(text))).strip()
