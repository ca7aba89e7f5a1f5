"""A spreadsheet copied as text with its empty cells kept as a run of bars ('Công trình: | ||||||||||||',
'1 | Công việc 1 | |||||||||||'): the title and label lines above its header row are lines, the header row and the rows
under it a tab-separated table of the header's width."""

from __future__ import annotations

import re

EMPTY_RUN = re.compile(
    r"\s*\|[\s|]*\|{3,}\s*$"
)  # the row's empty cells, written as bars with no space between
MIN_ROWS = 4


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in EMPTY_RUN.sub("", line).split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _line(cells: list[str]) -> str:
    """A row above the header as a line: a label's empty cells are its blank ('Công trình: | ||||' → 'Công trình: ……')."""
    s = " ".join(c for c in cells if c)
    return f"{s} ……" if s.endswith(":") else s


def _header_at(rows: list[list[str]]) -> int | None:
    for k, cells in enumerate(rows):
        if sum(bool(c) for c in cells) >= 3 and not all(re.fullmatch(r"[\d()]*", c) for c in cells):
            return k
    return None


def _block(lines: list[str]) -> list[str]:
    rows = [_cells(s) for s in lines]
    head = _header_at(rows)
    if head is None:
        return lines
    width = len(rows[head])
    last = max(
        k for k, cells in enumerate(rows) if len(cells) >= 2
    )  # the table ends at its last row of cells
    out = [_line(cells) for cells in rows[:head]]
    for cells in rows[head : last + 1]:
        if len(cells) != width and all(re.fullmatch(r"[\d()]+", c) for c in cells):
            continue  # the columns' numbers, one a day of a schedule: no row to fill
        out.append("\t".join((cells + [""] * width)[:width]))
    out += [" ".join(c for c in cells if c) for cells in rows[last + 1 :]]
    return out


def spreadsheet_rows(lines: list[str]) -> list[str]:
    """The lines with each run of four lines or more ending in empty bar cells read as a spreadsheet's rows."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and EMPTY_RUN.search(lines[j]):
            j += 1
        if j - i >= MIN_ROWS:
            out += _block(lines[i:j])
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out
