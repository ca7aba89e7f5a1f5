"""Flattened tables known by their shape when the other readers of textgrid.py / grids.py miss them.

A web page copied cell by cell drops the empty cells of a row, so rows are no longer of one width: 'Nội dung' /
'Tổng số' / 'Số nữ' / 'Đạt chuẩn' / 'Ban giám hiệu' / '' / 'Giáo viên' / '' / 'X' / 'X' / 'Tổng cộng' (the first row's
name runs on from the header; a row is a name followed by empty cells, crossed-out cells 'X' or figures, or a name
opened by a dash '– Số lớp'). A table of names only after a caption ending in ':' ('Xếp loại giáo viên:' / 'Tổng số
giáo viên' / 'Tổng số GV giỏi' / 'Số GV giỏi chia ra' / 'Khá' / 'Ghi chú' / …, up to the next numbered heading) is a
header whose rows the unit adds. A numbered list of names whose column names a PDF interleaved with the rows ('Số
phiếu bầu /Số phiếu' / 'Họ và tên' / 'phát ra' / 'TT' / '1 Hoàng Văn A' / 'Ghi chú (Tỷ lệ%)' / '2 Lê Thị B' …) is
a table of those rows. Never counted as columns: the row-label heading, 'STT', 'Mã số', 'Đơn vị tính', a bare
'Ghi chú', group words ('… chia ra', 'Trong đó'), a heading in capitals over the columns."""

from __future__ import annotations

import re

from dialogs.importer.structure import parse_marker
from dialogs.importer.textgrid import (
    GROUP_HEAD,
    LABEL_HEAD,
    METADATA,
    NUMBER,
    FlatGrid,
    _grid,
    _short,
    _text,
    group_only,
)
from dialogs.text import fold

ROW_HEADING = re.compile(
    r"^(?:s?tt|so tt|so thu tu|chi tieu|ten chi tieu|noi dung|danh muc|tieu chi|hang muc)$"
)
CROSSED = re.compile(r"^(?:[xX×]|[-–—]|\.{2,}|…+)$")
DASHED = re.compile(r"^[-–+•]\s+(?=\S)")
GROUP_TAIL = re.compile(r"\b(?:chia ra|chia theo|trong do|bao gom)\s*:?$")
NAMED_ROW = re.compile(r"^(?P<no>\d{1,2})\s+(?P<name>[A-ZĐÀ-Ỹ][^\d.;:!?]{2,60})$")


def _value_cell(c: str) -> bool:
    return c == "" or bool(CROSSED.match(c)) or bool(NUMBER.match(c))


def _name_cell(c: str) -> bool:
    return (
        bool(c)
        and _text(c)
        and _short(c)
        and len(c.split()) <= 10
        and (DASHED.match(c) or not parse_marker(c))
        and not c.endswith((".", ";", "?", "!", ":"))
    )


def _column(c: str) -> bool:
    """A header cell that is a column to fill (see the module's note)."""
    f = fold(c).strip(" :*")
    letters = [x for x in c if x.isalpha()]
    caps = len(c.split()) >= 3 and all(x.isupper() for x in letters)
    return not (
        LABEL_HEAD.match(f)
        or ROW_HEADING.match(f)
        or METADATA.match(f)
        or f == "ghi chu"
        or group_only(c)
        or GROUP_TAIL.search(f)
        or caps
    )


def _cells(lines: list[str]) -> tuple[list[str], list[int]]:
    from dialogs.importer.grids import _split_cells

    return _split_cells(lines)


def _ragged_body(cells: list[str], k: int, width: int) -> tuple[list[str], int]:
    """Row names from cells[k]: a name then at most ``width`` value cells (or a dashed name); returns the names and
    where the rows end."""
    rows: list[str] = []
    values = 0
    while k < len(cells):
        c = cells[k]
        if _value_cell(c):
            if not rows or values >= width:
                break
            values += 1
        elif _name_cell(c) and (DASHED.match(c) or k + 1 >= len(cells) or _value_cell(cells[k + 1])):
            if rows and values == 0 and not DASHED.match(rows[-1]) and not DASHED.match(c):
                break
            rows.append(c)
            values = 0
        else:
            break
        k += 1
    return rows, k


def ragged_grid(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """Cells a line from a row-label heading, rows whose empty cells the copy dropped (see the module's note)."""
    if not lines or not ROW_HEADING.match(fold(lines[0].strip())):
        return None
    cells, index = _cells(lines)
    cells = cells[:600]
    first = next(
        (i for i in range(1, len(cells)) if not _name_cell(cells[i]) or DASHED.match(cells[i])), len(cells)
    )
    if first >= len(cells):
        return None
    start = first if DASHED.match(cells[first]) else first - 1  # the first row's name ran on from the header
    cols = [c for c in cells[1:start] if _column(c)]
    if len(cols) < 2 or any(len(c.split()) > 10 for c in cells[1:start]):
        return None
    names, end = _ragged_body(cells, start, len(cols))
    dashed = sum(bool(DASHED.match(n)) for n in names)
    if len(names) < (2 if dashed == len(names) else 3):
        return None
    rows = [["", DASHED.sub("", n).strip(" :")] for n in names]
    note = (
        f"bảng chép mỗi ô một dòng, các ô trống của dòng bị mất khi chép (từ «{cells[0][:30]}»): đã dựng lại "
        f"{len(cols)} cột, {len(rows)} dòng; hãy kiểm tra tên cột và các ô"
    )
    used = index[end] if end < len(index) else len(lines)
    return _grid(["TT", "Chỉ tiêu", *cols], rows, note), used


def captioned_header(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    """Names only, a line each, after a caption ending in ':' and up to a numbered heading or the end: a header whose
    rows the unit adds. At least six names, two of them a total or a group ('Tổng số …', '… chia ra')."""
    prev = next((run[j].strip() for j in range(k - 1, max(k - 4, -1), -1) if run[j].strip()), "")
    if not prev.endswith(":") or not run[k].strip() or len(prev.split()) > 12:
        return None
    names: list[str] = []
    used = 0
    for ln in run[k : k + 80]:
        s = ln.strip()
        if s and not _name_cell(s) and not (GROUP_HEAD.match(fold(s)) and len(s.split()) <= 4):
            break  # ('Trong đó:' is a group word of the header)
        used += 1
        if s:
            names.append(s)
    after = run[k + used].strip() if k + used < len(run) else ""
    heads = [
        c
        for c in names
        if re.match(r"^tong so\b", fold(c)) or GROUP_HEAD.match(fold(c)) or GROUP_TAIL.search(fold(c))
    ]
    if len(names) < 6 or len(heads) < 2 or after and not parse_marker(after) or len(set(names)) < len(names):
        return None
    cols = [c for c in names if _column(c)]
    note = (
        f"biểu chép mỗi ô tiêu đề một dòng, không có dòng nào (từ «{names[0][:30]}»): đã dựng lại {len(cols)} cột "
        "từ các tên, các dòng do đơn vị thêm; tên nhóm và tên cột không còn phân biệt được, hãy kiểm tra tên và thứ tự cột"
    )
    return _grid(["TT", "Chỉ tiêu", *cols], [["", "…"]], note), used


def _named_rows(cells: list[str]) -> list[int]:
    """Where the rows '1 Name', '2 Name' … numbered from 1 on stand among the cells."""
    at: list[int] = []
    for i, c in enumerate(cells):
        m = NAMED_ROW.match(c)
        if m and int(m.group("no")) == len(at) + 1:
            at.append(i)
    return at


def interleaved_list(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    """A numbered list of names whose header a PDF interleaved with it (see the module's note): from a 'Họ và tên'
    or 'TT' cell near k, the other short names before and between the rows are the columns ('phát ra' in lower case
    goes on the name above)."""
    cells = [s.strip() for s in run[k : k + 60]]
    if not cells or not _name_cell(cells[0]) or NAMED_ROW.match(cells[0]):
        return None
    at = _named_rows(cells)
    if (
        len(at) < 3
        or at[0] > 8
        or not any(ROW_HEADING.match(fold(c)) or fold(c) == "ho va ten" for c in cells[: at[0]])
    ):
        return None
    last = at[-1]
    if last - at[0] == len(at) - 1:
        return None  # no column name among the rows: not interleaved (the grid readers take a plain list)
    if any(not c for c in cells[:last]) or any(
        not _name_cell(c) for c in cells[:last] if not NAMED_ROW.match(c)
    ):
        return None
    head: list[str] = []
    for c in (c for i, c in enumerate(cells[:last]) if i not in at):
        tail = re.match(
            r"^(?P<h>[Hh]ọ và tên|S?TT)\s+(?P<t>[a-zđ\u00e0-\u1ef9].*)$", c
        )  # a line joined on the heading
        if tail:
            head.append(tail.group("h"))
            c = tail.group("t")
        cut = next(
            (j for j in range(len(head) - 1, -1, -1) if _column(head[j]) and fold(head[j]) != "ho va ten"),
            None,
        )
        if c[:1].islower() and cut is not None:  # the rest of a column's name broken over a line
            head[cut] = f"{head[cut]} {c}"
        else:
            head.append(c)
    cols = [c for c in head if _column(c) and fold(c) != "ho va ten"]
    if not cols or len(cols) > 8:
        return None
    rows = [["", NAMED_ROW.match(cells[i]).group("name").strip()] for i in at]  # type: ignore[union-attr]
    note = (
        f"bảng chép từ PDF, tên cột xen giữa các dòng (từ «{cells[0][:30]}»): đã dựng lại {len(cols)} cột, "
        f"{len(rows)} dòng; hãy kiểm tra tên và thứ tự cột"
    )
    return _grid(["TT", "Họ và tên", *cols], rows, note), last + 1


NUMBERS_HEADING = re.compile(r"^(?:s?tt|so tt|so thu tu)$")


def header_to_end(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    """A table cut off after its header (the page ends): a caption ending in ':', a 'Số TT' heading, then names a line
    each to the end of the text — a list whose rows the unit adds ('(Vợ, chồng …' goes on the name above)."""
    prev = next((run[j].strip() for j in range(k - 1, max(k - 4, -1), -1) if run[j].strip()), "")
    if not prev.endswith(":") or not NUMBERS_HEADING.match(fold(run[k].strip())):
        return None
    rest = [s.strip() for s in run[k + 1 :] if s.strip()]
    if not 2 <= len(rest) <= 12 or not all(_name_cell(c) or c.startswith("(") for c in rest):
        return None
    head: list[str] = []
    for c in rest:
        if head and (c.startswith("(") or c[:1].islower()):
            head[-1] = f"{head[-1]} {c}"
        else:
            head.append(c)
    cols = [c for c in head if _column(c) or re.match(r"^ten\b", fold(c))]  # a list asks the name too
    if len(cols) < 2:
        return None
    note = (
        f"bảng chép mỗi ô một dòng, văn bản dừng sau hàng tiêu đề (từ «{run[k].strip()[:30]}»): đã dựng lại "
        f"{len(cols)} cột, các dòng do đơn vị thêm; hãy kiểm tra tên cột"
    )
    return _grid(["TT", *cols], [["1", ""], ["2", ""]], note), len(run) - k


CODE_CELL = re.compile(r"^(?:[A-E]|\(?\d{1,2}\)?)$")
CODED_LINE = re.compile(
    r"^(?:(?P<no>[IVX]{1,4}|[A-E]|\d{1,2}(?:\.\d{1,2}){0,2}|[-–+•])\.?\s+)?(?P<label>[^\W\d_].*?)(?:\s+(?P<code>\d{2,3}))?$"
)


def _code_run(lines: list[str], k: int) -> tuple[list[str], int]:
    """The column codes a line each from lines[k] ('A', '', 'B', 'C', '1', '', '2' …), blank lines between them."""
    codes: list[str] = []
    while k < len(lines) and (not lines[k].strip() or CODE_CELL.match(lines[k].strip())):
        if lines[k].strip():
            codes.append(lines[k].strip())
        k += 1
    return codes, k


def codes_a_line_grid(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """A header a name a line from 'STT', its column codes a line each ('A', 'B', 'C', '1' … '7'), then the rows a
    line each ('I Khoản đầu tư 01', '- Ngắn hạn 02') up to a blank line: the columns are as many as the codes' figures,
    the last names of the header (a group name after 'Tổng số' left out)."""
    if not lines or not NUMBERS_HEADING.match(fold(lines[0].strip())):
        return None
    k = 1
    names: list[str] = []
    while k < len(lines) and lines[k].strip() and not CODE_CELL.match(lines[k].strip()):
        names.append(lines[k].strip())
        k += 1
    codes, k = _code_run(lines, k)
    figures = [c for c in codes if c.strip("()").isdigit()]
    if len(figures) < 2 or [int(c.strip("()")) for c in figures] != list(range(1, len(figures) + 1)):
        return None
    if any(n[:1].islower() for n in names):
        return None  # words of a PDF header cut across its columns ('ngày chức vi', 'tháng phạm'): not names
    names = [n for n in names if _column(n) and len(n.split()) <= 30]
    if len(names) < len(figures):
        return None
    cols = names[-len(figures) :]
    if len(names) == len(figures) + 1 and re.match(r"^tong (?:so|cong)\b", fold(names[0])):
        cols = [names[0], *names[2:]]  # 'Tổng số', then the group heading the other columns
    rows: list[list[str]] = []
    while k < len(lines) and (m := CODED_LINE.match(lines[k].strip())) and len(lines[k].split()) <= 30:
        rows.append([(m.group("no") or "").strip("–-+• "), m.group("label").strip()])
        k += 1
    marked = sum(
        bool(r[0]) or bool(re.search(r"\s\d{2,3}$", ln.strip()))
        for r, ln in zip(rows, lines[k - len(rows) :], strict=False)
    )
    if len(rows) < 3 or marked * 2 < len(rows) or any(r[1][:1].islower() for r in rows):
        return None
    note = (
        f"biểu chép mỗi ô tiêu đề một dòng, mã cột mỗi mã một dòng (từ «{lines[0].strip()[:30]}»): đã dựng lại "
        f"{len(cols)} cột, {len(rows)} dòng; tên nhóm và tên cột không còn phân biệt được, hãy kiểm tra tên và thứ tự cột"
    )
    return _grid(["TT", "Chỉ tiêu", *cols], rows, note), k
