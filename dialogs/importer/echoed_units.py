"""A figure's unit that repeats the words of its label: 'Số tổ chức đảng được kiểm tra: …… tổ chức.', 'Số thôn, tổ
dân phố đạt chuẩn: …… thôn, tổ dân phố.' → the label as the prompt, the words after the blank its unit (a unit of
two words or more, which the count nouns of one word would cut: 'tổ' + 'chức')."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, ask_of
from dialogs.importer.forms import BLANK
from dialogs.text import fold

LINE = re.compile(r"^[-+•–*\s]*(?:\d{1,2}[.)]\s+)?(?P<l>[^:…]{3,160}?)\s*:\s*(?P<b>(?:…|\.{2,}|_{2,})[….\s_]*)(?P<u>[^\W\d_][^…_:;()]{1,40}?)"
                  r"\s*[.;]?\s*$")
COUNT_LABEL = re.compile(r"(?i)^(?:tổng\s+)?số\b")


def echoed_unit(text: str) -> list[Ask]:
    """[Ask(label, integer, unit)] for such a line; [] unless the unit has two words or more, all of them in the
    label in that order, and the label is a count ('Số …', 'Tổng số …')."""
    m = LINE.match(text.strip())
    if not m or len(BLANK.findall(text)) != 1:
        return []
    label, unit = m.group("l").strip(), m.group("u").strip(" .;,")
    words = [w for w in re.split(r"[\s,]+", unit) if w]
    if len(words) < 2 or not COUNT_LABEL.match(label):
        return []
    if not re.search(r"(?<!\w)" + r"[\s,]+".join(map(re.escape, map(fold, words))) + r"(?!\w)", fold(label)):
        return []
    ask = ask_of(f"{label} ⟦u:{unit}⟧")
    return [ask] if ask.type in ("integer", "decimal") else []


def echoed_parts(parts: list[tuple[str, str, str]], head: str) -> list[tuple[str, str, str]]:
    """blank_clauses' (words before, noun, words after) of each clause: the words after a noun that, with it, repeat
    the clause's label ('Số tổ chức đảng …: …… tổ chức' read as 'tổ' + 'chức') are the unit's, not the sentence's."""
    out = []
    for before, noun, rest in parts:
        unit = f"{noun} {rest}".strip()
        label = fold(before or head)
        if noun and rest and len(rest.split()) <= 3 and re.search(r"(?<!\w)" + re.escape(fold(unit)) + r"(?!\w)", label):
            out.append((before, unit, ""))
        else:
            out.append((before, noun, rest))
    return out
