"""Stable, ASCII, unique keys from Vietnamese text."""

from __future__ import annotations

import re

from dialogs.text import norm_words

STOP = {"cac", "cua", "va", "la", "duoc", "nhung", "trong", "ve", "viec", "thuc", "hien", "cho", "de", "voi",
        "theo", "tai", "tu", "den", "o", "co", "mot", "nay", "do", "da", "luong", "so", "tong", "nhu", "the", "nao"}


def slug(text: str, words: int = 3) -> str:
    toks = [t for t in norm_words(text).split() if t.isascii() and t.isalnum()]
    main = [t for t in toks if t not in STOP] or toks
    s = "_".join(main[:words])
    s = re.sub(r"[^a-z0-9_]", "", s)
    if not s or not s[0].isalpha():
        s = "k_" + s if s else "muc"
    return s[:40].rstrip("_")


class KeyMaker:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, text: str, prefix: str = "") -> str:
        base = slug(text)
        key = f"{prefix}_{base}" if prefix else base
        key = re.sub(r"_+", "_", key).strip("_")
        if not key[0].isalpha():
            key = "q_" + key
        cand, n = key, 2
        while cand in self.used:
            cand = f"{key}_{n}"
            n += 1
        self.used.add(cand)
        return cand

    def scope(self) -> KeyMaker:
        return KeyMaker()


def no_slug(path: list[str]) -> str:
    """['II.', '3.', 'a)'] → 'ii3a'; bullets add nothing."""
    out = ""
    for no in path:
        s = re.sub(r"[^0-9A-Za-z]", "", no).lower()
        out += s
    return out
