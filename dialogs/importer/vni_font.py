"""Text typed in the old VNI-Windows font and read as Latin-1: 'BAÙO CAÙO' (BÁO CÁO), 'Soá hoä daân' (Số hộ dân),
'trieäu ñoàng' (triệu đồng). VNI writes a vowel as its plain letter followed by a mark character ('aù' á, 'oä' ộ,
'aê' ă), and đ, ơ, ư and the marked i/y as one character each ('ñ', 'ô', 'ö', 'ò' …).

A word is read again only where the text shows this font map: a plain vowel followed by a mark character that
Unicode Vietnamese never writes after a vowel ('aù', 'oä', 'eà' …), or 'ñ', 'ö'. A line is read as VNI when at
least two of its words become Vietnamese syllables that were none before (or one, once the document is known to be
VNI); in such a line a word is rewritten only when it becomes a syllable and either was none or carries a
vowel-and-mark pair, so a valid Unicode syllable without the font's trace ('công') is never turned into another."""

from __future__ import annotations

import re
import unicodedata

TONE = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}  # circumflex + tone
BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}  # breve + tone (on a)
LETTERS = {"ñ": "đ", "ô": "ơ", "ö": "ư", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
VOWELS = set("aeiouyơư")
PLAIN = VOWELS | {c.upper() for c in VOWELS}  # a vowel with no mark yet: a mark character may follow it
WORD = re.compile(r"[^\W\d_]+")
# a vowel and a mark that Unicode Vietnamese never writes in a row, or a letter Vietnamese never uses
TRACE = re.compile(r"(?i)[aeiouyôö][ùøûõïâáàåãäêéèúüë]|[ñö]")


def _mark(base: str, mark: str) -> str | None:
    """The vowel `base` with the VNI mark character `mark` (lower case), or None when they do not combine."""
    low = base.lower()
    if mark in TONE and low in VOWELS:
        out = base + TONE[mark]
    elif mark in HAT and low in "aeo":
        out = base + "\u0302" + HAT[mark]
    elif mark in BREVE and low == "a":
        out = base + "\u0306" + BREVE[mark]
    else:
        return None
    return unicodedata.normalize("NFC", out)


def decode_word(word: str) -> str:
    """The word's letters read through the VNI table (case kept)."""
    out: list[str] = []
    for ch in word:
        joined = _mark(out[-1], ch.lower()) if out and out[-1] in PLAIN else None
        if joined is not None:
            out[-1] = joined
            continue
        mapped = LETTERS.get(ch.lower(), ch)
        out.append(mapped.upper() if ch.isupper() else mapped)
    return "".join(out)


def _gain(word: str, syllables: frozenset[str]) -> bool:
    """The word is no syllable and becomes one when read as VNI."""
    return word.lower() not in syllables and decode_word(word).lower() in syllables


def vni_gains(line: str, syllables: frozenset[str]) -> int:
    return sum(1 for w in WORD.findall(line) if TRACE.search(w) and _gain(w, syllables))


def repair_vni(line: str, syllables: frozenset[str], known: bool) -> str:
    """The line read again as VNI when it shows the font map (see the module's note); any other line unchanged."""
    if vni_gains(line, syllables) < (1 if known else 2):
        return line

    def fix(m: re.Match) -> str:
        w = m.group(0)
        new = decode_word(w)
        if new == w or new.lower() not in syllables:
            return w
        return new if (TRACE.search(w) or w.lower() not in syllables) else w

    return WORD.sub(fix, line)
