"""Column widths of a Word table from its content, in twips (1/20 pt), for Times New Roman.

Each column gets at least its longest unbreakable word (so "10/11/2026" or "1.234.567" never wraps inside
itself) and at most its longest line; when the table's natural width does not fit the text width, the room
left after the minimums is shared in proportion to how much each column would still like (the classic
automatic table layout). Widths come from Times New Roman's advance widths (Liberation Serif has the same),
Vietnamese letters measured as their base letter."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

# Times New Roman advance widths, 1/1000 em
_NARROW = dict.fromkeys(" .,:;'!|ijlt", 278) | dict.fromkeys("fr()[]-", 333) | {"/": 278, "s": 389, "I": 333, "J": 389}
_WIDE = dict.fromkeys("mMW%", 889) | dict.fromkeys("wADGHKNOQUVXY", 722) | dict.fromkeys("BCRÐ", 667)
_MID = dict.fromkeys("ELTZ", 611) | dict.fromkeys("FPS", 556) | dict.fromkeys("aceza", 444)
ADV = {**_MID, **_NARROW, **_WIDE, "…": 1000, "•": 350, "+": 564, "=": 564, "«": 500, "»": 500, "Δ": 612}
DEFAULT_ADV = 500  # digits and most lower-case letters
CELL_PAD = 120 + 80  # left and right cell margins (60 twips each) and some slack
BOLD = 1.08


def _base(ch: str) -> str:
    if ch in ("đ", "Đ"):
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[0]


_CACHE: dict[str, int] = {}


def _adv(ch: str) -> int:
    a = _CACHE.get(ch)
    if a is None:
        b = _base(ch)
        a = _CACHE[ch] = ADV.get(b, 722 if b.isupper() else DEFAULT_ADV)
    return a


@functools.lru_cache(maxsize=1 << 16)
def _advance(text: str) -> int:
    """The summed advance widths of ``text`` (1/1000 em): unit names, numbers and words come back often."""
    return sum(map(_adv, text))


def text_twips(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of ``text`` on one line."""
    return _advance(text) * size_pt * 20 / 1000 * (BOLD if bold else 1.0)


def word_twips(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of the longest word (what cannot wrap)."""
    return max((text_twips(w, size_pt, bold) for w in text.split()), default=0.0)


def measure(header_rows: Sequence[Sequence[str | None]], rows: Sequence[Sequence[str]], ncols: int, size_pt: float,
            *, skip_header: set[tuple[int, int]] | None = None) -> tuple[list[float], list[float]]:
    """Per column: (minimum, desired) widths. Header cells wrap at words and want at most ~2,5 cm more than
    the body needs; ``skip_header`` (row, column) cells span several columns and do not count."""
    lo = [0.0] * ncols
    hi = [0.0] * ncols
    for row in rows:
        for i, text in enumerate(row[:ncols]):
            if text:
                w = text_twips(text, size_pt)
                if w > hi[i]:
                    hi[i] = w
                    lo[i] = max(lo[i], word_twips(text, size_pt))
                elif " " in text:
                    lo[i] = max(lo[i], word_twips(text, size_pt))
    for r, row in enumerate(header_rows):
        for i, text in enumerate(row[:ncols]):
            if text and (r, i) not in (skip_header or set()):
                word = word_twips(text, size_pt, True)
                lo[i] = max(lo[i], word)
                hi[i] = max(hi[i], min(text_twips(text, size_pt, True), max(hi[i], word, 1400)))
    return [x + CELL_PAD for x in lo], [max(h, x) + CELL_PAD for h, x in zip(hi, lo, strict=True)]


def fit(lo: Sequence[float], hi: Sequence[float], avail: float) -> list[int]:
    """Widths that sum to at most ``avail``: the desired ones when they fit, else the minimums plus the room
    left shared in proportion to what each column still wants (minimums scaled down when even they do not
    fit — then long words break)."""
    if sum(hi) <= avail:
        return [int(x) for x in hi]
    if sum(lo) >= avail:
        k = avail / sum(lo)
        return [int(x * k) for x in lo]
    room = avail - sum(lo)
    want = [h - x for h, x in zip(hi, lo, strict=True)]
    total = sum(want) or 1
    return [int(x + room * w / total) for x, w in zip(lo, want, strict=True)]
