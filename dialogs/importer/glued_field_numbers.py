"""A form's field number glued to its label with no separator ('8Địa chỉ cư trú …'), a copy having lost the '- ' or
'. ' its neighbours keep ('7- Hộ chiếu số …', '9- Nhập cảnh …'): the number gets the separator of the numbered line
before it. Only when the numbering runs on through it — the nearest numbered line above is N-1 and the nearest below
is N+1 — and the label opens with a capital then a small letter, so '3D', '4G' or a code stays as it is."""

from __future__ import annotations

import re

NUMBERED = re.compile(r"^\s*(?P<no>\d{1,2})\s*(?P<sep>[-.)–])\s*\S")
GLUED = re.compile(r"^(?P<ws>\s*)(?P<no>\d{1,2})(?P<label>\w\w.*)$")


def _number(line: str) -> tuple[int, str] | None:
    m = NUMBERED.match(line)
    return (int(m.group("no")), m.group("sep")) if m else None


def _glued(line: str) -> re.Match[str] | None:
    m = GLUED.match(line)
    if not m:
        return None
    a, b = m.group("label")[0], m.group("label")[1]
    return m if a.isupper() and b.islower() else None


def _nearest(lines: list[str], start: int, step: int) -> tuple[int, str] | None:
    k = start
    while 0 <= k < len(lines):
        found = _number(lines[k])
        if found or _glued(lines[k]):
            return found
        k += step
    return None


def separate_glued_numbers(lines: list[str]) -> list[str]:
    """'7- A…', '8Bcd…', '9- E…' → the middle line becomes '8- Bcd…'."""
    out = list(lines)
    for i, line in enumerate(lines):
        m = _glued(line)
        if not m:
            continue
        no = int(m.group("no"))
        before, after = _nearest(lines, i - 1, -1), _nearest(lines, i + 1, 1)
        if before and after and before[0] == no - 1 and after[0] == no + 1:
            out[i] = f"{m.group('ws')}{no}{before[1]} {m.group('label')}"
    return out
