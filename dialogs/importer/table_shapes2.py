"""More flattened tables known by their shape (after table_shapes.py).

A pipe header whose body rows a web page broke into one cell a line: 'STT | Tên hoạt động | Thời gian | Ghi chú |'
then '1 |' / '|' / '|' / '|' / '2 |' / '|' … — each line a cell ending in '|' ('|' alone an empty cell). The cells are
regrouped into rows of the header's width and handed on as tab-separated rows, so the tab-grid reader rebuilds the
table (a list with no fixed rows when the rows are only numbers). Nothing else is changed."""

from __future__ import annotations

import re

BAR_CELL = re.compile(r"^[^|]{0,60}\|$")
MORE_ROWS = re.compile(
    r"^(?:\.{2,}|…+|[nNkKmM]|\d{1,3}\s*[.…]{2,})$"
)  # '…' / 'N': 'and so on' rows of a numbered list


def _header_cells(line: str) -> list[str] | None:
    s = line.strip()
    if s.count("|") < 2:
        return None
    cells = [c.strip() for c in s.strip("|").split("|")]
    if len(cells) < 3 or sum(bool(c) for c in cells) < 3:
        return None
    return cells


def _bar_cells(lines: list[str], start: int) -> tuple[list[str], int]:
    """Cells one a line from ``start`` (blank lines skipped); returns the cells and the index after them."""
    cells: list[str] = []
    j = start
    while j < len(lines):
        s = lines[j].strip()
        if not s:
            j += 1
            continue
        if not BAR_CELL.match(s):
            break
        cells.append(s[:-1].strip())
        j += 1
    while j > start and not lines[j - 1].strip():
        j -= 1
    return cells, j


def broken_pipe_rows(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """A pipe header at ``lines[i]`` whose body rows follow as one cell a line: the table as tab-separated rows and
    the index after it; None for any other shape (the body must make two full rows at least, each opening with a
    filled cell)."""
    head = _header_cells(lines[i])
    if head is None:
        return None
    width = len(head)
    cells, j = _bar_cells(lines, i + 1)
    if len(cells) < 2 * width or len(cells) % width:
        return None
    rows = [cells[k : k + width] for k in range(0, len(cells), width)]
    if not all(r[0] for r in rows):
        return None
    if not any(c for r in rows for c in r[1:]):  # only numbers: the '…' / 'N' rows say 'more rows', not rows
        rows = [r for r in rows if not MORE_ROWS.match(r[0])] or rows
    return ["\t".join(head)] + ["\t".join(r) for r in rows], j


# A table run into one line whose header has no row-label heading ('Chỉ tiêu', 'Nội dung' …): the column codes
# 'A B 1 2 3' (letters then figures from 1) are the anchor; the header's names are the capitalised words before them,
# after the last field of the form's head ('Đơn vị tính: USD') or the last sentence end. The row-label heading is
# implied ('Chỉ tiêu' is written for it).
LETTER_CODES = re.compile(r"(?<!\S)(?:[A-E]\s+){1,4}(?:\d{1,2}\s+){1,12}\d{1,2}(?!\S)")
HEAD_START = re.compile(r"(?:[:.;]\s*\S+|[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")
IMPLIED = re.compile(r"(?P<lab>)")


def bare_codes_head(line: str) -> tuple[re.Match, int, int] | None:
    """The implied heading (an empty match where the header's names begin), where the codes begin and end; None when
    no letter-and-figure code run has a short header of capitalised names before it."""
    from dialogs.importer.grids import _numbering

    for codes in LETTER_CODES.finditer(line):
        tokens = codes.group(0).split()
        if _numbering(tokens, 0) != len(tokens):
            continue
        window = line[max(0, codes.start() - 160) : codes.start()]
        starts = [m.end() for m in HEAD_START.finditer(window)]
        if not starts:
            continue
        head = window[starts[-1] :]
        words = head.split()
        if not 3 <= len(words) <= 14 or sum(w[:1].isupper() for w in words) < 2:
            continue
        return IMPLIED.match(line, codes.start() - len(head)), codes.start(), codes.end()
    return None
