"""A form's table copied from a web page with '|' between cells, its empty cells kept but its spanned cells lost.

'Vụ | Trà | Giai đoạn | Diện tích (ha) |' over '…… | Sớm | | |', then 'Chính vụ | | |' and 'Tổng: | |': a cell merged
down over several rows (the season's name) is written once, so the rows under it have fewer cells, and the row's
name belongs in the column where the full rows have theirs. A row broken one cell a line ('- Cây ăn quả: |' / '|' /
'|') is joined again. The rows are handed on as tab-separated rows of the header's width, so the tab-grid reader
rebuilds the table (a row's name loses its closing ':' and its dash); a run whose rows all have the header's width is left to the plain '|' reader."""

from __future__ import annotations

import re

BLANK = re.compile(r"^[\s.…_:]*$")  # an empty cell or one of dots: a name left to write, not a row's name


def _cells(line: str) -> list[str]:
    s = line.strip()
    s = s[:-1] if s.endswith("|") else s
    return [c.strip() for c in s.split("|")]


def _header(line: str) -> list[str] | None:
    s = line.strip()
    if s.count("|") < 2 or s.startswith("|"):
        return None
    cells = _cells(s)
    if len(cells) < 3 or not all(c and len(c.split()) <= 12 and not BLANK.match(c) for c in cells):
        return None
    return cells


def _body(lines: list[str], i: int, width: int) -> tuple[list[list[str]], int, bool]:
    """The rows under the header at lines[i - 1], a lone '|' line adding an empty cell to the row above; whether
    one was joined so."""
    rows: list[list[str]] = []
    joined = False
    j = i
    while j < len(lines) and "|" in lines[j]:
        s = lines[j].strip()
        if not s.strip("| "):
            if not rows or len(rows[-1]) + s.count("|") > width:
                break
            rows[-1] += [""] * s.count("|")
            joined = True
        else:
            cells = _cells(s)
            if len(cells) > width:
                break  # a wider row: the next table
            rows.append(cells)
        j += 1
    return rows, j, joined


def _names(line: str) -> list[str] | None:
    s = line.strip()
    if "|" not in s or s.startswith("|"):
        return None
    cells = _cells(s)
    return cells if all(len(c.split()) <= 12 and sum(ch.isalpha() for ch in c) >= 2 for c in cells) else None


def pipe_two_row_header(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """A '|' header over two lines at ``lines[i]`` (see the module): the table as tab-separated rows and the index
    after it; None for any other shape."""
    top = _names(lines[i])
    low = _names(lines[i + 1]) if top and i + 1 < len(lines) else None
    if not top or not low or len(top) < 2 or len(low) < 3 or len(low) <= len(top):
        return None
    head = [*top[:-1], *low]
    rows, j, _ = _body(lines, i + 2, len(head))
    if any(len(r) != len(head) for r in rows):
        return None
    return ["\t".join(head), *("\t".join(r) for r in rows or [["…"] + [""] * (len(head) - 1)])], j


def _name(cell: str) -> str:
    """A cell without its closing ':' (it would read as a form's field) nor its leading dash."""
    cell = re.sub(r"^[-–+•]\s+(?=\S)", "", cell)
    return cell[:-1].rstrip() if cell.endswith(":") and cell[:-1].strip() else cell


def _name_column(rows: list[list[str]], width: int) -> int:
    """Where the full rows write their name: the first cell that is neither empty nor dots (the commonest)."""
    firsts = [next((k for k, c in enumerate(r) if not BLANK.match(c)), 0) for r in rows if len(r) == width]
    return max(set(firsts), key=firsts.count) if firsts else 0


def pipe_form_rows(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """A '|' header at ``lines[i]`` over rows some of which are short of cells (see the module): the table as
    tab-separated rows and the index after it; None for fewer than three rows or the plain reader's shape (every row
    whole, two cells of it written)."""
    head = _header(lines[i])
    if head is None:
        return None
    width = len(head)
    rows, j, joined = _body(lines, i + 1, width)
    if len(rows) < 3 or not joined and all(len(r) == width and sum(bool(c) for c in r) >= 2 for r in rows):
        return None  # the plain '|' reader's shape
    at = _name_column(rows, width)
    table = [head]
    for r in rows:
        pad = min(at, width - len(r))
        full = [""] * pad + [_name(c) for c in r]
        full += [""] * (width - len(full))
        if not all(BLANK.match(c) for c in full):  # a row of dots: 'and so on', no row
            table.append(full)
    if at and all(BLANK.match(c) for r in table[1:] for c in r[:at]):  # blanks before the names: columns to fill,
        table = [[r[at], *r[:at], *r[at + 1 :]] for r in table]  # the names go first, where the reader seeks them
    return ["\t".join(r) for r in table], j
