"""A bilingual form's labels: each Vietnamese label followed by its English translation after a slash ('Họ tên/ (Full
name) ……', 'Họ và tên/Full name: ……', 'cấp ngày/ (on day) ……', a copy cut inside it: '……/ (To suffer from occu').
The translation is no part of the label: it is dropped, so that the label reads and is typed as a Vietnamese one. A
slash between two Vietnamese words ('Quận/huyện', 'Số sổ BHXH/Mã số BHXH') or before a unit ('Khối lượng/(m3)') stays,
and a line with no Vietnamese letters (a copy without accents) is never touched."""

from __future__ import annotations

import re

IN_BRACKETS = re.compile(r"/\s*\((?P<g>[A-Za-z][A-Za-z0-9 ,.:;'’/&\-]*?)(?:\)|$)")
BARE = re.compile(r"/\s*(?P<g>[A-Z][a-z]+(?: [A-Za-z]+){1,5})(?=\s*(?::|…|\.{2,}|_{2,}|$))")
VIETNAMESE = re.compile(r"[à-ỹđĐÀ-Ỹ]")


def _english(gloss: str) -> bool:
    words = re.findall(r"[A-Za-z]+", gloss)
    return any(len(w) >= 3 for w in words) and not all(w.isupper() for w in words)


# the translation with no slash, right after a Vietnamese word and before the label's colon or blank ('- Địa chỉ cư trú
# Residential address: ……'): two to five words, none of them a Vietnamese syllable (so a name or a copy without
# accents stays)
NO_SLASH = re.compile(r"(?P<vi>[^\W\d_]*[à-ỹđ][^\W\d_]*) (?P<g>[A-Z][a-z]+(?: [A-Za-z]+){1,4})(?=\s*(?::|…|\.{2,}|_{2,}))")


def _bare_gloss(line: str) -> str:
    from dialogs.importer.syllables import is_valid

    def cut(m: re.Match) -> str:
        words = m.group("g").lower().split()
        return m.group("vi") if not any(is_valid(w) for w in words) else m.group()

    return NO_SLASH.sub(cut, line)


def drop_gloss(line: str) -> str:
    """'Họ tên/ (Full name) ……' → 'Họ tên ……'; any other line as it is."""
    if not VIETNAMESE.search(line):
        return line
    line = _bare_gloss(line)
    if "/" not in line:
        return line

    def cut(m: re.Match) -> str:
        return " " if _english(m.group("g")) else m.group()

    out = BARE.sub(cut, IN_BRACKETS.sub(cut, line))
    return re.sub(r"\s+(?=:)", "", re.sub(r" {2,}(?=\S)", " ", out)).rstrip() if out != line else line


# a one-word translation a form prints after its label: the usual ones only ('Số/ No', 'Chức vụ / Position'), a bare
# word after a slash being as often an option written without its marks ('Nữ/Nam'). (Left in the lines, as a line's
# layout tells other readers things; dropped from the field's label.)
ONE_WORD = re.compile(r"\s*/\s*(?:No|Date|Name|Position|Title|Address|Nationality|Occupation|Signature|Gender|Sex|"
                      r"Note|Remarks)\.?\s*$")


def without_gloss(label: str) -> str:
    """'Số/ No' → 'Số'; any other label as it is."""
    cut = ONE_WORD.sub("", label)
    return cut if cut != label and VIETNAMESE.search(cut) else label

