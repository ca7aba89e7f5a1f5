"""Repair Vietnamese text damaged by a PDF font map that drops or swaps letters.

"cơng tác" → "công tác", "khái qt" → "khái quát", "ngun nhân" → "nguyên nhân". A token that is not a
Vietnamese syllable is replaced by a syllable with the same consonants whose vowels contain the token's
vowels, chosen by syllable bigrams with its neighbours. Once the text is known to be damaged, a valid but
unattested syllable with a well-attested replacement in context ("ngun nhân") is repaired too.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from dialogs.importer.syllables import (
    base_letters,
    is_valid,
    load_bigrams,
    skeleton,
    skeleton_index,
)

TOKEN_RE = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+")
FN_MARK = re.compile(r"⟦fn:\w+⟧")
# an address, a file name or a slug is not Vietnamese text: 'giang-vien.html' stays as written
LINK_RE = re.compile(r"\S*(?:://|www\.|@\w|\.(?:html?|aspx?|php|docx?|xlsx?|pdf)\b)\S*|[A-Za-z0-9]+(?:-+[A-Za-z0-9]+){3,}")
VIET_MARKS = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)


@dataclass
class RepairReport:
    damaged: bool = False
    accentless: bool = False  # typed without Vietnamese marks ('Ho va ten'): no font damage, nothing to repair
    repairs: Counter[str] = field(default_factory=Counter)  # "cơng → công": count
    unsure: Counter[str] = field(default_factory=Counter)  # tokens left as they were

    def lines(self) -> list[str]:
        return [f"{k} ({n} lần)" for k, n in self.repairs.most_common()]


def _is_acronym(tok: str) -> bool:
    """TTHC, VBQPPL, BCĐTW: upper case with no vowel marks (Đ allowed), or no vowel at all."""
    if not tok.isupper() or len(tok) > 8:
        return False
    return not VIET_MARKS.search(tok.replace("Đ", "D")) or not re.search(r"[AEIOUY]", base_letters(tok))


@lru_cache(maxsize=65536)
def _vowels(s: str) -> str:
    return "".join(base_letters(ch) for ch in s if base_letters(ch) in "aeiouy" and ch != "đ")


def _subseq(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


@lru_cache(maxsize=8192)
def candidates(tok: str) -> tuple[str, ...]:
    """Syllables with the token's consonants whose vowels contain the token's vowels."""
    low = tok.lower()
    sk = skeleton(low)
    vw = _vowels(low)
    out = []
    for cand in skeleton_index().get(sk, ()):
        if cand == low or len(cand) < len(low):
            continue
        if _subseq(vw, _vowels(cand)) and _order_ok(low, cand):
            out.append(cand)
    return out


@lru_cache(maxsize=65536)
def _order_ok(low: str, cand: str) -> bool:
    """The token's letters (on base letters) appear in order in the candidate."""
    return _subseq(base_letters(low).replace("đ", "d"), base_letters(cand).replace("đ", "d"))


def _score(cand: str, prev: str | None, nxt: str | None) -> float:
    uni, bi = load_bigrams()
    s = 0.0
    if prev:
        s += 4 * math.log1p(bi.get((prev, cand), 0))
    if nxt:
        s += 4 * math.log1p(bi.get((cand, nxt), 0))
    return s + 0.5 * math.log1p(uni.get(cand, 0))


def _match_case(src: str, repl: str) -> str:
    if src.isupper() and len(src) > 1:
        return repl.upper()
    if src[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


def _unhook(lines: list[str]) -> tuple[list[str], int]:
    """'ƣ' (o with a horn, a letter of no Vietnamese word) is what many PDF fonts give for 'ư': 'ngƣời' is 'người'."""
    n = sum(line.count("ƣ") + line.count("Ƣ") for line in lines)
    return ([line.replace("ƣ", "ư").replace("Ƣ", "Ư") for line in lines] if n else lines), n


def accentless(lines: list[str]) -> bool:
    """A text typed without marks ('Ho va ten chu ho', 'Dan toc'): hardly a word carries one, most words read as
    unmarked syllables. Its missing marks are not a font's damage: guessing them ('Nng' → 'Nông' for 'Nùng') is
    never sure, so nothing is repaired and the draft says so."""
    words = [t for line in lines for t in TOKEN_RE.findall(FN_MARK.sub(" ", line)) if len(t) > 1 and not _is_acronym(t)]
    if len(words) < 12:
        return False
    marked = sum(bool(VIET_MARKS.search(t)) for t in words)
    plain = sum(is_valid(t.lower()) and not VIET_MARKS.search(t) for t in words)
    return marked <= 0.03 * len(words) and plain >= 0.6 * len(words)


def detect(lines: list[str]) -> bool:
    marked_bad, total = _broken(lines)
    return marked_bad >= 2 and marked_bad / max(total, 1) > 0.004


def _broken(lines: list[str]) -> tuple[int, int]:
    """(tokens that no syllable reads and that show a broken glyph, tokens counted)."""
    bad = total = marked_bad = 0
    for line in lines:
        for tok in TOKEN_RE.findall(FN_MARK.sub(" ", line)):
            if _is_acronym(tok) or len(tok) > 7 or len(tok) < 2:
                continue
            total += 1
            if not is_valid(tok.lower()):
                bad += 1
                if VIET_MARKS.search(tok) or not re.search(r"[aeiouy]", base_letters(tok.lower())):
                    marked_bad += 1
    return marked_bad, total


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@lru_cache(maxsize=65536)
def _tone(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if ch in TONES)


def _same_shape(low: str, cand: str) -> bool:
    """Same length, one letter differs: a swapped vowel glyph ('sớ' for 'số', 'đờng' for 'đồng')."""
    return len(low) == len(cand) and sum(a != b for a, b in zip(low, cand, strict=True)) == 1


def _choose(tok: str, prev: str | None, nxt: str | None, damaged: bool,
            swapped: frozenset[str] = frozenset()) -> str | None:
    low = tok.lower()
    valid = is_valid(low)
    if valid and not damaged:
        return None
    cands = candidates(low)
    if not cands:
        return None
    tone = _tone(low)
    if not valid and _vowels(low):
        # the token kept its vowel and so its tone mark: a repair never adds or changes a tone ('tơng' is 'tông',
        # never 'tổng')
        cands = tuple(c for c in cands if _tone(c) == tone)
        if not cands:
            return None  # a broken font map swaps the vowel's glyph, not its tone: 'đờng' is 'đồng', not 'đông'
    # a swapped glyph keeps the word's length ('đờng' is 'đồng' rather than 'đường')
    scored = sorted(((_score(c, prev, nxt) + (1.5 if tone and _tone(c) == tone else 0)
                      + (1.0 if not valid and _same_shape(low, c) else 0), c) for c in cands), reverse=True)
    best_score, best = scored[0]
    uni, _ = load_bigrams()
    if valid and not uni.get(low, 0) and swapped:  # a syllable the texts never use ('sớ') next to a common one ('số')
        shaped = [c for _, c in scored if _same_shape(low, c) and _tone(c) == tone and uni.get(c, 0) >= 20
                  and _diff_char(low, c) in swapped]
        if shaped:
            return max(shaped, key=lambda c: uni.get(c, 0))
    if valid:
        if _tone(best) != tone:  # a valid syllable never changes its tone: 'Cụ thể họ tên' stays, never 'hóa tên'
            return None
        own = _score(low, prev, nxt)
        uni, bi = load_bigrams()
        ctx = (bi.get((prev, best), 0) if prev else 0) + (bi.get((best, nxt), 0) if nxt else 0)
        if uni.get(low, 0) > 0 or ctx < 2 or best_score <= own + 2:
            return None
    elif best_score <= 0.5 * math.log1p(1) and len(scored) > 1:
        return None
    elif len(scored) > 1 and best_score - scored[1][0] < 1.0:
        best = _closer_reading([c for sc, c in scored if best_score - sc < 1.0], prev, nxt)
        if best is None:
            return None  # two readings, nothing in context to choose: reported, not applied
    if not valid and not _attested_or_swapped(tok, best):
        return None
    return best


def _closer_reading(close: list[str], prev: str | None, nxt: str | None) -> str | None:
    """Of readings scored alike, the one its neighbours go with: the share of its uses next to them, at least twice
    any other's ('khái qt' is 'khái quát', two of its two uses, not 'quyết', once in 83 before 'những'); None when
    the context does not tell them apart."""
    uni, bi = load_bigrams()

    def share(c: str) -> float:
        return ((bi.get((prev, c), 0) if prev else 0) + (bi.get((c, nxt), 0) if nxt else 0)) / max(uni.get(c, 0), 1)

    ranked = sorted(close, key=share, reverse=True)
    if not share(ranked[0]) or (len(ranked) > 1 and share(ranked[0]) < 2 * share(ranked[1])):
        return None
    return ranked[0]


def _attested_or_swapped(tok: str, best: str) -> bool:
    """A repair of a broken token is sure only when its reading is a syllable the texts use, or one glyph of a
    marked token swapped for another ('nuơi' → 'nuôi'). 'phịng' → 'phiệng' (never written) and a web address's
    'bieu' → 'biêu' are reported, not applied."""
    uni, _ = load_bigrams()
    return uni.get(best, 0) > 0 or (bool(VIET_MARKS.search(tok)) and _same_shape(tok.lower(), best))


def _diff_char(a: str, b: str) -> str:
    """The first letter of `a` that differs from `b`, without its tone ('sớ'/'số' → 'ơ')."""
    ch = next((x for x, y in zip(a, b, strict=False) if x != y), "")
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch) if c not in TONES))


def repair_lines(lines: list[str]) -> tuple[list[str], RepairReport]:
    lines, hooked = _unhook(lines)
    report = RepairReport(damaged=detect(lines), accentless=accentless(lines))
    if hooked:
        report.repairs["ƣ → ư"] += hooked
    if not report.damaged or report.accentless:
        return lines, report
    # a valid syllable ('Họ', 'ngun') is read as another only where the text shows much damage (six broken words, or
    # one in 25): two or three in a web page ('cp', 'cong') never turn 'Họ và tên' into 'Hội và tên'
    broken, counted = _broken(lines)
    sure = broken >= MANY_BROKEN or broken >= 0.04 * counted
    out = [_repair_line(unicodedata.normalize("NFC", line), report, valid=sure) for line in lines]
    # the glyphs this document's font map swapped ('cơng → công': ơ), learnt from the sure repairs; a valid but
    # unused syllable with such a glyph ('sớ người') is then read as its common twin ('số người')
    swapped = frozenset(_diff_char(a.lower(), b.lower()) for a, _, b in (k.partition(" → ") for k in report.repairs)
                        if _same_shape(a.lower(), b.lower()) and not is_valid(a.lower()))
    if swapped:
        out = [_repair_line(line, report, swapped, valid=sure) for line in out]
    return out, report


MANY_BROKEN = 6


def _lost_name(tok: str, i: int) -> bool:
    """A capitalised word inside a line that lost every vowel ('Nng', 'Qung') is a name: its vowel and tone could be
    any ('Nùng' or 'Nông', 'Quảng' or 'Quang'), the texts rarely hold it, so it is reported, not guessed."""
    low = tok.lower()
    onset = 2 if low[:2] in ("qu", "gi") and len(low) > 2 else 0  # 'Qung', 'Ging': the onset's vowel letter is no vowel
    return i > 0 and tok[:1].isupper() and tok[1:].islower() and not _vowels(low[onset:])


def _repair_line(line: str, report: RepairReport, swapped: frozenset[str] = frozenset(), valid: bool = True) -> str:
    links = [m.span() for m in LINK_RE.finditer(line)]
    toks = [t for t in TOKEN_RE.finditer(line) if not any(a <= t.start() < b for a, b in links)]
    words = [t.group(0).lower() for t in toks]
    pieces = []
    last = 0
    for i, m in enumerate(toks):
        tok = m.group(0)
        if line[max(m.start() - 1, 0)] == "⟦" or _is_acronym(tok) or len(tok) > 7 or len(tok) < 2:
            continue
        prev = words[i - 1] if i > 0 else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        best = None if _lost_name(tok, i) else _choose(tok, prev, nxt, valid, swapped)
        if best is None:
            if not is_valid(tok.lower()) and VIET_MARKS.search(tok):
                report.unsure[tok] += 1
            continue
        repl = _match_case(tok, best)
        words[i] = best
        report.repairs[f"{tok} → {repl}"] += 1
        pieces.append(line[last:m.start()] + repl)
        last = m.end()
    pieces.append(line[last:])
    return "".join(pieces)
