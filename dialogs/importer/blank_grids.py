"""A blank form's table copied one cell a line under its caption, read by shape.

A statistics form printed for the units to fill ('I/ Khách theo thị trường', then 'Loại khách', 'Số lượng khách',
… 'Nam', 'Nữ', then 'Người trong nước', 'Cộng (1)', …) reaches us from a web page one cell a line and without a
single figure, and its row-label heading is any short name, not 'STT' or 'Chỉ tiêu'. It is read as a table only when
a caption numbered in Roman figures or a capital letter ('I/', 'II.', 'B)') stands right above that heading, the header
names four columns or more, and the table shows what prose never does: a row totalling the others ('Cộng', 'Tổng
cộng', 'Tổng số') or the same column names under each of its groups ('Nội địa', 'Quốc tế' over 'Số lượt', 'So cùng
kỳ (%)' twice). The next caption of the same kind ('II/ …') or a note ('Ghi chú: …') ends it; a header with no row
under it (the page cut it off) is a Biểu whose rows the unit adds. Otherwise the lines are left to the other readers."""

from __future__ import annotations

import re

from dialogs.importer.grids import END_CELL, _body, _header, two_level
from dialogs.importer.textgrid import FlatGrid, _grid, _text
from dialogs.text import fold

CAPTION = re.compile(r"^(?P<no>[IVX]{1,4}|[A-EĐ])\s*(?P<sep>[/.)])\s*[^\W\d_]")
TOTAL = re.compile(r"^(?:cong|tong cong|tong so)\b")
RANGE = re.compile(r"\d{1,3}\s*[-–]\s*\d{1,3}")  # '18 -30': an age range, the end of a name cut before it
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _heading(cell: str) -> bool:
    """A row-label heading: one to four words, letters only, no sentence ('Loại khách', 'Phương tiện')."""
    s = cell.strip()
    return 1 <= len(s.split()) <= 4 and _text(s) and not re.search(r"[\d:;.,?!]", s)


def _caption_above(run: list[str], k: int) -> re.Match | None:
    j = k - 1
    while j >= 0 and not run[j].strip():
        j -= 1
    return CAPTION.match(run[j].strip()) if j >= 0 and len(run[j].split()) <= 30 else None


def _later(cell: str, cap: re.Match) -> bool:
    """A caption after ``cap`` of the same kind: the next table's ('II/ …' after 'I/ …')."""
    m = CAPTION.match(cell)
    if not m or m.group("sep") != cap.group("sep") or len(cell.split()) > 30:
        return False
    a, b = cap.group("no"), m.group("no")
    return ROMAN.get(b, 0) > ROMAN.get(a, 99) if a in ROMAN and b in ROMAN else b > a


def split_groups(names: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Group names, then the same leaves once per group, then the rows' names ('A', 'B', 'x', 'y', 'x', 'y', 'r1',
    'r2') → the leaves, the group over each and the rows; ([], [], names) when the names do not tile so."""
    folded = [fold(n) for n in names]
    for s in range(2, len(names) // 2 + 1):
        for p in range(len(names) // s - 1, 0, -1):
            leaves = folded[s : s + s * p]
            if (
                len(leaves) == s * p
                and len(set(leaves[:p])) == p
                and not set(leaves[:p]) & set(folded[:s])
                and all(leaves[i] == leaves[i % p] for i in range(len(leaves)))
            ):
                return names[s : s + p * s], [g for g in names[:s] for _ in range(p)], names[s + s * p :]
    return [], [], names


def _cells(lines: list[str]) -> tuple[list[str], list[int]]:
    """The cells of a run and the line each begins at. The form has no figure, so its empty cells say nothing:
    blank lines are dropped; a name cut before its range ('Từ' / '18 - 30') is joined again."""
    cells: list[str] = []
    index: list[int] = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s and cells and RANGE.fullmatch(s) and len(cells[-1].split()) == 1 and _text(cells[-1]):
            cells[-1] = f"{cells[-1]} {s}"
        elif s:
            cells.append(s)
            index.append(i)
    return cells, index


def _end(cells: list[str], h: int, cap: re.Match) -> int:
    for i in range(h, len(cells)):
        if _later(cells[i], cap) or END_CELL.match(fold(cells[i]).lstrip("* ")):
            return i
    return len(cells)


def _listed(cells: list[str]) -> tuple[list[str], list[str], list[list[str]]] | None:
    """The header's names, the group over each and the rows: the grouped leaves when they tile, else the header
    read to the first numbered row and the rows below it; None when the rows do not read as a table's."""
    leaves, groups, names = split_groups(cells[1:])
    if groups:
        return leaves, groups, [["", r] for r in names if _text(r)]
    head, h = _header(cells)
    rows, used = _body(cells[h:], False, False, True)
    if h + used < len(cells) or any(len(r[1].split()) > 12 for r in rows):
        return None
    return [n for n in head[1:] if n], [], [[r[0], r[1]] for r in rows]


def blank_form_grid(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    """The table whose row-label heading is run[k] (see the module); the grid and how many lines it used."""
    cap = _caption_above(run, k) if k < len(run) and _heading(run[k]) else None
    if cap is None:
        return None
    lines = run[k : k + 400]
    cells, index = _cells(lines)
    end = _end(cells, 1, cap)
    got = _listed(cells[:end])
    if got is None:
        return None
    names, groups, rows = got
    totals = any(TOTAL.match(fold(r[1])) for r in rows)
    # a column named twice: the same leaves under each group
    twice = len({fold(n) for n in names}) < len(names)
    if len(names) < 4 and not groups or not (totals and len(rows) >= 3 or twice):
        return None
    note = (
        f"bảng của mẫu để trống, chép mỗi ô một dòng (từ «{cells[0][:30]}»): đã dựng lại {len(names)} cột, "
        + (f"{len(rows)} dòng" if rows else "các dòng do đơn vị thêm")
        + "; tiêu đề nhiều tầng không còn phân biệt được, hãy kiểm tra tên và thứ tự cột"
    )
    grid = _grid(["TT", cells[0], *names], rows or [["", "…"]], note)
    if groups:
        two_level(grid, groups)
    grid.first = cells[0]
    return grid, index[end] if end < len(index) else len(lines)


# A register's header copied from a web page with its cells parted by '|' ('STT | Ngày nhận | Họ và tên …' and
# '| Nội dung | Kết quả | Ghi chú | |' on the next line), maybe a second header row of short names, maybe the column
# numbers '(1) | (2) | …', then rows left empty ('|' alone) or nothing: the book's pages, to be filled entry by entry.
TT_BAR = re.compile(r"^(?:s?tt|so tt|so thu tu)\s*\|")
BAR_CODE = re.compile(r"^\(?\d{1,2}\)?$")
SIGNED = re.compile(r"^(?:chu ky|ky ten|ky,)")


def _bars(line: str) -> list[str]:
    return [c.strip() for c in line.split("|") if c.strip()]


def _register_header(run: list[str], k: int) -> tuple[list[str], list[str], int, int]:
    """The top names, the second row's names, how many column numbers and where the header (and its empty rows)
    end."""
    top, sub, codes = _bars(run[k]), [], 0
    j = k + 1
    while j < len(run):
        t = run[j].strip()
        cells = _bars(t)
        if cells and all(BAR_CODE.match(c) for c in cells) and "|" in t:
            codes, j = len(cells), j + 1
            break
        if t.startswith("|") and cells and not sub:
            top += cells
        elif "|" in t and len(cells) >= 2 and not sub and all(len(c.split()) <= 12 for c in cells):
            sub = cells
        else:
            break
        j += 1
    while j < len(run) and "|" in run[j] and not _bars(run[j]):
        j += 1  # the empty rows
    return top, sub, codes, j


def _overlap(a: str, b: str) -> float:
    x, y = set(fold(a).replace(",", " ").split()), set(fold(b).replace(",", " ").split())
    return len(x & y) / len(x | y) if x | y else 0.0


def pipe_register(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    """A register's '|' header with no row (see above): a Biểu of its columns whose rows the unit adds; the second
    row's names are the leaves of the top name they share the most words with."""
    if k >= len(run) or not TT_BAR.match(fold(run[k].strip())):
        return None
    top, sub, codes, end = _register_header(run, k)
    cols = [c for c in top[1:] if not SIGNED.match(fold(c))]
    # a row written under the header: a table the other readers take
    filled = end < len(run) and "|" in run[end] and bool(_bars(run[end]))
    if len(cols) < 3 or any(len(c.split()) > 30 for c in cols) or filled or sub and not codes:
        return None
    leaves, groups = list(cols), [""] * len(cols)
    if sub:
        g = max(range(len(cols)), key=lambda i: _overlap(cols[i], " ".join(sub)))
        leaves[g : g + 1] = sub
        groups[g : g + 1] = [cols[g]] * len(sub)
    note = (
        f"sổ (danh sách) chép từ trang web, các ô ngăn bằng «|», chỉ có tiêu đề (từ «{top[0][:30]}»): đã dựng lại "
        f"{len(leaves)} cột" + (f" (hàng số cột có {codes})" if codes else "") + ", các dòng do đơn vị thêm; "
        "tiêu đề nhiều tầng không còn phân biệt được, hãy kiểm tra tên và thứ tự cột"
    )
    grid = _grid(["TT", *leaves], [["", "…"]], note)
    if any(groups):
        two_level(grid, groups[1:])
    grid.first = top[0]
    return grid, end - k
