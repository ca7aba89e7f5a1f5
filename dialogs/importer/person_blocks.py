"""Forms asking the same fields of several persons: each repeated label gets the person of its block.

Shape: a line naming a person or party («Họ, chữ đệm, tên người mẹ: ……», «Người cha:», «Bên A:», «Chủ hộ:»)
heads a block of labelled blanks; a label found in two or more blocks («Dân tộc: …… Quốc tịch: ……» under each
person) is asked of each person apart: «Dân tộc (người mẹ)». A lead sentence ending in ':' opens an unnamed
block (its labels stay as they are); a form with no repeated label is left untouched.
"""
from __future__ import annotations

import re

from dialogs.importer.document import Grid

_BLANK = r"\s*(?:\(\d{1,2}\)\s*)?(?:…|[….]{2,})"
_LABEL = re.compile(r"(?P<label>[^\W\d_][^:…;()]{0,50}?)\s*:(?=" + _BLANK + ")")
_PERSON = re.compile(r"(?:^|\s)(?P<who>(?:[Nn]gười|[Bb]ên)\s+[^\W\d_][^\s:]*(?:\s+[^\W\d_][^\s:]*){0,3}|[Cc]hủ hộ)$")
_BARE_HEAD = re.compile(r"^\s*(?:[-–•]\s*)?(?P<who>(?:Người|Bên)\s+[^\W\d_][^:]{0,30}?|Chủ hộ)\s*:?\s*$")
_LEAD = re.compile(r"^[^….]{12,}:\s*$")


def _head(line: str) -> str | None:
    if m := _BARE_HEAD.match(line):
        return m.group("who")
    labels = list(_LABEL.finditer(line))
    if labels and labels[0].start() < 3 and (m := _PERSON.search(labels[0].group("label"))):
        return m.group("who")
    return None


def _person(who: str) -> str:
    return who[0].lower() + who[1:] if who.split()[0] in ("Người", "Chủ") else who


def _blocks(lines: list[tuple[int, str]]) -> list[tuple[str | None, list[int]]]:
    blocks: list[tuple[str | None, list[int]]] = [(None, [])]
    for i, s in lines:
        if (who := _head(s)) is not None:
            blocks.append((_person(who), []))
        elif _LEAD.match(s) and not _LABEL.search(s):
            blocks.append((None, []))
        else:
            blocks[-1][1].append(i)
    return blocks


def _key(label: str) -> str:
    return " ".join(label.lower().split())


def person_blocks(seq: list[str | Grid]) -> list[str | Grid]:
    lines = [(i, s) for i, s in enumerate(seq) if isinstance(s, str)]
    blocks = _blocks(lines)
    if sum(who is not None for who, _ in blocks) < 2:
        return seq
    seen: dict[str, set[int]] = {}
    for b, (_, idx) in enumerate(blocks):
        for i in idx:
            for m in _LABEL.finditer(seq[i]):
                seen.setdefault(_key(m.group("label")), set()).add(b)
    repeated = {k for k, bs in seen.items() if len(bs) > 1}
    if not repeated:
        return seq
    out = list(seq)
    for who, idx in blocks:
        for i in idx if who else ():
            out[i] = _LABEL.sub(lambda m, who=who: (f"{m.group('label')} ({who}):" if _key(m.group("label")) in repeated
                                                    else m.group(0)), out[i])
    return out
