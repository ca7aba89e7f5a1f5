"""A rating grid whose table a copy flattened a cell a line: the header 'TT' / 'TIÊU CHÍ …' (or 'NỘI DUNG …') / a
group header ('CẤP ĐỘ THỰC HIỆN', 'MỨC ĐỘ …') / three levels or more ('Xuất sắc', 'Tốt', 'Trung bình', 'Kém'), then
the rows: a group's Roman number and its name ('I' / 'Về xây dựng tập thể …'), an item's number and its criterion
('1' / 'Việc thực hiện nguyên tắc …'). Each criterion is one choice among the levels, numbered as the grid numbers
it (the group a heading of its own); the sequence is unchanged when no such header is found.
"""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.surveys import carry_as
from dialogs.text import fold

ROMAN = re.compile(r"^[IVX]{1,4}$")
NUMBER = re.compile(r"^\d{1,2}$")
CRITERION = re.compile(r"^(?:tieu chi|noi dung|chi tieu)\b")
LEVEL = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s[^\W\d_]+){0,3}$")
MIN_LEVELS = 3


def _cells(seq: list, k: int) -> list[tuple[int, str]]:
    """The non-empty lines from `k` on, with their positions, up to a table or the end."""
    out = []
    for j in range(k, len(seq)):
        if not isinstance(seq[j], str):
            break
        if seq[j].strip():
            out.append((j, seq[j].strip()))
    return out


def _levels(cells: list[tuple[int, str]]) -> tuple[list[str], int] | None:
    """After 'TT': the criterion's header, maybe a group header, then the levels — (levels, cells used)."""
    if len(cells) < 3 or not CRITERION.match(fold(cells[1][1])):
        return None
    i = 2
    while i < min(len(cells), 4) and cells[i][1].isupper():  # the levels' group header ('CẤP ĐỘ THỰC HIỆN')
        i += 1
    levels = []
    while i < len(cells) and LEVEL.match(cells[i][1]) and not ROMAN.match(cells[i][1]) and not cells[i][1].isupper():
        levels.append(cells[i][1])
        i += 1
    return (levels, i) if len(levels) >= MIN_LEVELS else None


def _rows(cells: list[tuple[int, str]], levels: list[str]) -> tuple[list[str], int]:
    """The grid's rows as outline lines: 'I. group' headings and '1. ⟦ask⟧' criteria; (lines, cells used)."""
    out: list[str] = []
    i = 0
    while i + 1 < len(cells) and (ROMAN.match(cells[i][1]) or NUMBER.match(cells[i][1])):
        no, label = cells[i][1], cells[i + 1][1]
        if NUMBER.match(label) or ROMAN.match(label) or len(label.split()) > 60:
            break
        i += 2
        while i < len(cells) and cells[i][1][:1].islower():  # a label wrapped over lines
            label += " " + cells[i][1]
            i += 1
        if ROMAN.match(no):
            out.append(f"{no}. {label}")
        else:
            ask = Ask(label.strip(" ,;"), "choice", options=list(levels))
            out.append(carry_as(f"{no}. x", ask, numbered=True))
    return out, i


def rated_grid(seq: list) -> list:
    """The sequence with each flattened rating grid (see the module's notes) read as its criteria, one choice each."""
    for k, s in enumerate(seq):
        if not isinstance(s, str) or fold(s.strip()) not in ("tt", "stt", "so tt"):
            continue
        cells = _cells(seq, k)
        found = _levels(cells)
        if found is None:
            continue
        levels, used = found
        rows, n = _rows(cells[used:], levels)
        if sum("⟦ask:" in r for r in rows) < 2:
            continue
        end = cells[used + n - 1][0] + 1
        return [*seq[:k], *rows, *rated_grid(seq[end:])]
    return seq
