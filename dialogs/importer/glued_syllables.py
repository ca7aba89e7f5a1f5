"""Words a copy ran together by losing their spaces ('BÁO CÁOTỔNGHỢPTHÔNGTIN', 'MẪUBÁOCÁO', 'nội dung báocáo',
'cấp ủy đảngHĐND') → 'BÁO CÁO TỔNG HỢP THÔNG TIN', 'MẪU BÁO CÁO', 'báo cáo', 'đảng HĐND'.

A token that is no Vietnamese syllable, written in one case with a Vietnamese letter in it, is cut into common
syllables (those of the importer's syllable counts): the cut with the fewest pieces, then the one whose neighbours
are seen together most often. A lower-case word run into an acronym ('đảngHĐND') is cut where the case changes.
English words, codes and acronyms ('Documents', 'B/GTVT-HH', 'UBND') hold no Vietnamese letter or cut into no
common syllables: they stay."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from dialogs.importer.syllables import is_valid, load_bigrams

TOKEN = re.compile(r"[^\W\d_]{5,}")
VIET = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)
VOWEL = re.compile(r"[aeiouyà-ỹ]")
MAX_PIECE = 7


def _piece(piece: str, uni: dict[str, int]) -> bool:
    """A syllable a cut may hold: a common one, or any Vietnamese syllable of two letters or more with a vowel."""
    return piece in uni or (len(piece) >= 2 and is_valid(piece) and bool(VOWEL.search(piece)))


@lru_cache(maxsize=4096)
def _cut(low: str) -> tuple[str, ...] | None:
    """The best cut of a lower-case run into common syllables, or None."""
    uni, bi = load_bigrams()
    # best[i]: (pieces, -bigram score, -unigram score, cut) for low[:i]
    best: list[tuple[int, float, float, tuple[str, ...]] | None] = [None] * (len(low) + 1)
    best[0] = (0, 0.0, 0.0, ())
    for i in range(1, len(low) + 1):
        for j in range(max(0, i - MAX_PIECE), i):
            piece, prev = low[j:i], best[j]
            if prev is None or not _piece(piece, uni):
                continue
            link = bi.get((prev[3][-1], piece), 0) if prev[3] else 0
            cand = (
                prev[0] + 1,
                prev[1] - math.log1p(link),
                prev[2] - math.log1p(uni.get(piece, 0)),
                (*prev[3], piece),
            )
            if best[i] is None or cand[:3] < best[i][:3]:
                best[i] = cand
    done = best[len(low)]
    return done[3] if done is not None and len(done[3]) >= 2 else None


def _one(word: str) -> str:
    if is_valid(word.lower()) or not VIET.search(word) or not (word.isupper() or word.islower()):
        return word
    if not VOWEL.search(word.lower().replace("đ", "")):  # no vowel at all ('à-ỹ' spans 'đ'): acronyms run together ('BCĐBHĐND'), no syllables
        return word
    cut = _cut(word.lower())
    if cut is None:
        return word
    out, k = [], 0
    for piece in cut:  # the pieces keep the word's own letters (its case)
        out.append(word[k : k + len(piece)])
        k += len(piece)
    return " ".join(out)


def _case_change(line: str) -> str:
    """A space where a lower-case word runs into an acronym: 'đảngHĐND' → 'đảng HĐND'."""
    cuts = [
        i
        for i in range(2, len(line) - 1)
        if line[i - 2].islower()
        and line[i - 1].islower()
        and line[i].isupper()
        and line[i + 1].isupper()
        and not set(re.match(r"[^\W\d_]*", line[i:]).group(0)) <= set("IVX")
    ]
    # ('emII. Tình hình': a glued Roman numeral, the structure's to cut)
    for i in reversed(cuts):
        line = f"{line[:i]} {line[i:]}"
    return line


def unglue_syllables(line: str) -> str:
    """The line with its run-together words cut into syllables (the line as it was when none is)."""
    if not VIET.search(line):
        return line
    nfc = unicodedata.normalize("NFC", line)
    out = TOKEN.sub(lambda m: _one(m.group(0)), _case_change(nfc))
    return line if out == nfc else out


def unglue_lines(lines: list[str]) -> list[str]:
    """Each line with its run-together words cut; the same list when no line has any."""
    out = [unglue_syllables(line) for line in lines]
    return lines if out == lines else out
