"""Tables flattened into text, rebuilt as grids for the Biểu builder.

Web pages and PDFs without ruling give a table as text: one cell per line ('Số huyện' / 'Số xã' / … then
'Tụ huyết trùng' / 'Trâu bò' / '' / …), a row per line with its unit, code and figures ('1. Tổng số trường
trường 01 1 1' under 'TT Chỉ tiêu Đơn vị tính Mã số Tổng số Công lập …'), or HTML cells ending in '|'. The grid
is recognised by its row labels repeating a pattern of values; the header's several levels cannot be told apart
once flattened, so the leaf labels are kept in order and the Biểu carries an unsure point saying so."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from dialogs.importer.document import Grid
from dialogs.importer.structure import parse_marker
from dialogs.text import fold

NUMBER = re.compile(r"^[-+]?\d[\d.,]*\s*%?$|^[-–—]$")
DITTO = re.compile(r"^(?:\"|''|“|”|〃|nt|-)$", re.I)
NUMBERING = re.compile(r"^(?:[A-E]|\(\d{1,2}\)|\d{1,2})$")
YEAR = re.compile(r"^(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$")  # '2021', a school year '2021-2022'
TOTAL_CELL = re.compile(r"(?i)^(?:cộng|tổng)\b")  # 'Cộng' after a row's figures is the total row, no unit
PERIOD_WORD = re.compile(r"(?i)(?:năm học|năm|học kỳ|quý|tháng)$")
LABEL_HEAD = re.compile(r"^(?:tt|stt|so tt|chi tieu|noi dung|ten [\w ]+|danh muc|don vi)$")
METADATA = re.compile(r"^(?:dvt|don vi tinh|ma so|ma)$")
GROUP_HEAD = re.compile(r"^(?:chia (?:ra|theo)|phan theo|trong do)\b")


def group_only(cell: str) -> bool:
    """A cell heading a group of columns ('Trong đó', 'Chia theo giới tính'), not a column itself: 'Trong đó lao
    động nữ' names the one column of the subset, so it is a column."""
    f = fold(cell).strip(" :")
    return bool(GROUP_HEAD.match(f)) and not re.match(r"^trong do\s*:?\s*\S", f)
STAT_HEADER = re.compile(r"\b(?:chi tieu|noi dung)\b.*\b(?:don vi tinh|dvt|ma so)\b")
STAT_ROW = re.compile(r"^(?P<no>(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*\.?|[-–+•])\s+)?(?P<label>.+?)\s+(?P<unit>\S+)\s+"
                      r"(?P<code>\d{2,3})(?P<vals>(?:\s+[\d.,]+)*)\s*$")


@dataclass
class FlatGrid(Grid):
    note: str = ""
    first: str = ""  # the header's first cell: the lines above it in the run are the table's caption
    units: dict[int, str] = field(default_factory=dict)  # grid row → the unit written for that row


def _value(cell: str) -> bool:
    return cell == "" or bool(NUMBER.match(cell)) or bool(DITTO.match(cell)) or bool(re.fullmatch(r"[.…]+", cell))


def _text(cell: str) -> bool:
    return sum(c.isalpha() for c in cell) >= 2 and not DITTO.match(cell)


PLACEHOLDER_ROW = re.compile(r"^(?:\d{1,2}|[a-zđ])[.)]?\s*(?:\.{3,}|…+)$")  # '3. ...': the rows go on, the unit writes them


def _short(cell: str) -> bool:
    return len(cell.split()) <= 14 and len(cell) <= 120 and not cell.rstrip().endswith((".", ";", "?")) or _value(cell) \
        or bool(PLACEHOLDER_ROW.match(cell))


def _grid(header: list[str], rows: list[list[str]], note: str) -> FlatGrid:
    width = max(len(header), *(len(r) for r in rows))
    cells = [[(t, (r, c)) for c, t in enumerate(row + [""] * (width - len(row)))]
             for r, row in enumerate([header, *rows])]
    return FlatGrid(cells=cells, merged_known=True, note=note)


CODE_NUMBERING = re.compile(r"^(?:[A-E]\s+)+\d{1,2}(?:\s+\d{1,2})*$")  # 'A B 1 2': the columns' codes
CODED_ROW = re.compile(r"^(?P<label>[^\d(].*?[^\W\d_)].*?)\s+(?P<code>\d{2,3})$")
SIGNATURE = re.compile(r"^(?:nguoi lap|nguoi kiem tra|thu truong|ngay\b|\(ky|ghi chu)")


def _coded_columns(head: list[str], n: int) -> list[str]:
    """The n columns under a numbering row from the header lines above it: 'Tổng số Trong đó: Thanh niên' →
    ['Tổng số', 'Thanh niên'] (a group word splits a line; the n last pieces are the columns)."""
    parts: list[str] = []
    for h in head:
        if METADATA.match(fold(h).strip(" :")) or UNIT_LINE.match(fold(h)):
            continue
        parts += [p.strip(" :") for p in re.split(r"(?i)\s*\b(?:trong đó|chia ra|chia theo)\s*:\s*", h) if p.strip(" :")]
    parts = [p for p in parts if not group_only(p)]  # 'Chia theo trình độ đào tạo' heads the columns after it
    return parts[-n:] if len(parts) >= n else [f"Cột {k}" for k in range(1, n + 1)]


def coded_rows_table(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """A statistics Biểu copied from a PDF, a row a line with its code ('Nam 02'): 'Mã số', the header lines, the
    numbering row 'A B 1 2', then rows and group lines ('Chia theo giới tính') until the signatures. Returns the grid
    (its columns from the header, as many as the numbering row's figures) and how many lines it used."""
    if fold(lines[0].strip()) not in ("ma so", "ma so:"):
        return None
    at = next((k for k in range(1, min(len(lines), 8)) if CODE_NUMBERING.match(lines[k].strip())), None)
    if at is None:
        return None
    n = sum(t.isdigit() for t in lines[at].split())
    rows: list[list[str]] = []
    used = at + 1
    for ln in lines[at + 1:]:
        s = ln.strip()
        row = CODED_ROW.match(s)
        if s and SIGNATURE.match(fold(s)) or s and not row and (len(s.split()) > 12 or s.endswith((".", "?"))):
            break
        used += 1
        if row and not s.startswith("("):
            rows.append(["", row.group("label").strip(" –-+"), row.group("code")])
        elif s and not row and not s.startswith("("):
            rows.append(["", s.strip(" :")])
    while rows and len(rows[-1]) == 2:  # a group line left with no row under it ('Chia theo quận/huyện …')
        rows.pop()
    if sum(len(r) == 3 for r in rows) < 4:
        return None
    cols = _coded_columns([t.strip() for t in lines[1:at] if t.strip()], n)
    note = ("biểu thống kê chép mỗi dòng một hàng kèm mã số: đã dựng lại, cột lấy từ tiêu đề theo dòng đánh số "
            f"«{lines[at].strip()}»; hãy kiểm tra tên cột")
    codes = lines[at].split()
    letters = [t for t in codes if not t.isdigit()][-3:]
    numbering = [""] * (3 - len(letters)) + letters + [t for t in codes if t.isdigit()]
    return _grid(["TT", "Chỉ tiêu", "Mã số", *cols], [numbering, *rows], note), used  # the codes row ends the header


def _leaf_columns(head: list[str], numbering: list[str]) -> tuple[list[str], str | None]:
    """The columns to fill from a flattened header: label and metadata headers dropped, 'Chia theo …' group heads
    dropped; with a numbering row of k figures, the k last header cells (their group, if one cell is left before
    them, kept as the group)."""
    cells = [c for c in head if not LABEL_HEAD.match(fold(c)) and not METADATA.match(fold(c).strip(" :"))]
    digits = [n for n in numbering if n.strip("()").isdigit()]
    group = None
    if digits and len(cells) == len(digits) + 1 and not re.match(r"(?i)^(?:số|tổng|tỷ)", cells[0]):
        return cells[1:], None  # 'Cấp học' / 'Học sinh …' / '(1)': the first cell heads the row labels
    if digits and len(cells) > len(digits):
        extra = cells[: len(cells) - len(digits)]
        cells = cells[len(cells) - len(digits):]
        if len(extra) == 1 and not GROUP_HEAD.match(fold(extra[0])):
            group = extra[0]
        elif any(not GROUP_HEAD.match(fold(e)) for e in extra):
            cells = [c for c in head if not LABEL_HEAD.match(fold(c)) and not METADATA.match(fold(c).strip(" :"))
                     and not GROUP_HEAD.match(fold(c))]
    return [c for c in cells if not GROUP_HEAD.match(fold(c))], group


def _cells(lines: list[str]) -> list[str]:
    """A run's cells. When cells are separated by blank lines (a web page's paragraphs), one blank line separates
    two cells and each further pair of blank lines is an empty cell; lines with no blank between are one cell
    ('Trong' / 'tổng' / 'số' written down a merged cell)."""
    texts = [ln.strip() for ln in lines]
    filled = [t for t in texts if t]
    adjacent = sum(1 for a, b in zip(texts, texts[1:], strict=False) if a and b)
    if not filled or adjacent > max(1.0, 0.1 * len(filled)):  # (one cell over two lines: "Giảm NS" / "30-70%")
        return texts
    cells: list[str] = []
    blanks = 0
    for t in texts:
        if not t:
            blanks += 1
            continue
        if cells and blanks == 0:
            cells[-1] = f"{cells[-1]} {t}"
        else:
            cells.extend([""] * (max(blanks - 1, 0) // 2 if cells else 0))
            cells.append(t)
        blanks = 0
    cells.extend([""] * (max(blanks - 1, 0) // 2))
    return cells


META_CELL = re.compile(r"^[^:]{2,40}:\s*\S")
ROW_NO = re.compile(r"^(?P<no>\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?=\s)|[a-zđ][.)]|[IVX]{1,4}\.)\s*(?=\S)")


def _title_cell(c: str) -> bool:
    letters = [x for x in c if x.isalpha()]
    return (c.startswith("(") or (len(c.split()) >= 4 and letters and all(x.isupper() for x in letters))
            or bool(META_CELL.match(c)))


def _header_cells(cells: list[str]) -> tuple[list[str], list[str], int]:
    """The header's text cells, its numbering row ('A', 'B', '1', '2' …) and where the rows begin."""
    k = 0
    head: list[str] = []
    numbering: list[str] = []
    while k < len(cells) and cells[k] and (_text(cells[k]) or YEAR.match(cells[k])):
        if re.fullmatch(r"\([^()]{1,20}\)", cells[k]) and head:
            head[-1] = f"{head[-1]} {cells[k]}"  # 'Học sinh bỏ học' / '(người)': the unit of the cell above
        elif YEAR.match(cells[k]) and head and PERIOD_WORD.search(head[-1]):
            head[-1] = f"{head[-1]} {cells[k]}"  # 'Năm học' / '2017-2018': one column's name broken in two
        elif not META_CELL.match(cells[k]):
            head.append(cells[k])
        k += 1
    while k < len(cells) and NUMBERING.match(cells[k]) and not _codes_over(numbering, cells[k]):
        numbering.append(cells[k])
        k += 1
    numbering = numbering[_codes_start(numbering):]  # 'Mũi' '1' '2' '3' … then the codes '1' … '22'
    figures = [int(n.strip("()")) for n in numbering if n.strip("()").isdigit()]
    if any(b != a + 1 for a, b in zip(figures, figures[1:], strict=False)):
        k -= len(numbering)  # '4', '4', '3': the first row's figures, not a numbering row '1', '2', '3'
        numbering = []
    lead = next((i for i, c in enumerate(head) if LABEL_HEAD.match(fold(c))), 0)
    if all(c.isupper() for c in head[:lead]):
        head = head[lead:]  # 'NĂM …' above 'Tên chỉ tiêu': the form's heading in capitals, no column
    if head and not numbering and (ROW_NO.match(head[-1]) or head[-1].startswith(("-", "–", "+"))):
        head.pop()  # '1.Tổng số trường mầm non' is the first row, not a header
        k -= 1
        while k > 0 and cells[k] != "" and not ROW_NO.match(cells[k]) and not cells[k].startswith(("-", "–", "+")):
            k -= 1
    return head, numbering, k


def _codes_start(numbering: list[str]) -> int:
    """Where the columns' codes begin when small figures stand before them: a register's header gives its sub-columns
    as bare figures ('1', '2', '3' under a vaccine's name) before the codes '1' … '22', which end the header and run
    on by one to at least four more than the figures before them."""
    if not all(n.isdigit() for n in numbering):
        return 0
    figures = [int(n) for n in numbering]
    for j in range(1, len(figures)):
        tail = figures[j:]
        if tail == list(range(1, len(tail) + 1)) and len(tail) >= max(4, j + 4) and max(figures[:j]) <= 9:
            return j
    return 0


CROSSED = re.compile(r"^[xX](?:\s+[xX])*$")  # 'x x': cells crossed out in a statistics form, no name


def _blank_numbered(leading: list[str], numbering: list[str]) -> bool:
    """Under the codes ('1' … '14'), rows numbered '01', '02' … and left blank before a named row ('Cộng'): the rows
    the unit fills, then the total."""
    figures = sum(n.strip("()").isdigit() for n in numbering)
    nos = [x for x in leading if x]
    return figures >= 4 and len(nos) >= 2 and all(re.fullmatch(r"\d{1,3}", x) for x in nos)


def _no_rows(rows: list[list[str]], leading: list[str], numbering: list[str]) -> bool:
    """A header closed by its column codes ('1' … '22') with no row under it, only the text after the table (a label
    'Mục đích:' or none): a register whose rows the unit adds."""
    figures = sum(n.strip("()").isdigit() for n in numbering)
    return figures >= 4 and not leading and len(rows) <= 1 and all(len(r) == 1 for r in rows)


def _empty_rows(rows: list[list[str]], leading: list[str], head: list[str]) -> bool:
    """A header of three short names or more with no row under it, only empty cells — a full row of them at least —
    to the end of the run: a web page's blank table (its cells a space each), whose rows the unit adds."""
    short = all(len(c.split()) <= 5 and not c.endswith((":", ".", ";", "?")) and not c[:1].islower() for c in head)
    return not rows and len(head) >= 3 and short and len(leading) >= len(head) and not any(leading)


def _blank_columns(head: list[str]) -> list[str]:
    """A blank table's columns: every name but a heading of the rows' names first ('Đơn vị' after 'Chủng loại' is
    the unit each row is measured in, a column to fill)."""
    return [c for i, c in enumerate(head) if (i or not LABEL_HEAD.match(fold(c))) and not METADATA.match(fold(c).strip(" :"))]


def _codes_over(numbering: list[str], cell: str) -> bool:
    """'1' … '14' then '01': four column codes or more running on from 1 end where the rows' own numbers begin."""
    figures = [int(n.strip("()")) for n in numbering if n.strip("()").isdigit()]
    c = cell.strip("()")
    return len(figures) >= 4 and figures == list(range(1, len(figures) + 1)) and c.isdigit() \
        and int(c) != len(figures) + 1


def _field_cell(c: str) -> bool:
    """'Tỉnh, thành phố:' above a table: a form's label waiting for its value, not a column's name."""
    return c.endswith(":") and len(c.split()) >= 2 and not GROUP_HEAD.match(fold(c))


def _joined_words(head: list[str], numbering: list[str]) -> list[str]:
    """A header a PDF broke word by word down the lines ('Diện' / 'tích'), more names than the codes have figures:
    a fragment in lower case goes on the name above."""
    from dialogs.importer.grids import _header_names

    figures = sum(n.strip("()").isdigit() for n in numbering)
    if figures < 4 or len(head) <= figures or sum(c[:1].islower() for c in head) < 2:
        return head
    return _header_names(head)


def _two_row_header(cells: list[str]) -> list[str]:
    """A blank form's two-row header a cell a paragraph: the first row's names, a few empty cells, the second row's
    names, then only empty cells, as many as whole rows of the leaves ('Thời gian' 'Cây trồng' 'Diện tích (ha)' '' ''
    'Giảm NS' 'Mất trắng' … then 4 × 7 empty cells). The first row's last name is the group over the second row: it
    goes, with the gap, so the leaves make one header row; the cells as they were for any other shape."""
    texts = [i for i, c in enumerate(cells) if c]
    if len(texts) < 4 or texts[0] != 0:
        return cells
    gap = next((i for i in range(len(texts) - 1) if texts[i + 1] - texts[i] > 1), None)
    if gap is None or gap < 1 or not 1 <= texts[gap + 1] - texts[gap] - 1 <= 3:
        return cells
    second = texts[gap + 1 :]
    if second != list(range(second[0], second[-1] + 1)) or len(second) < 2:
        return cells
    leaves = gap + len(second)  # the first row's names but its last, and the second row's
    body = len(cells) - second[-1] - 1
    if not body or body % leaves:
        return cells
    return [*cells[:gap], *cells[second[0] : second[-1] + 1], *cells[second[-1] + 1 :]]


def _run_cells(lines: list[str]) -> tuple[list[str], bool]:
    """A run's cells from its header's first name on; whether they are a blank form's two-row header (its names may
    then be long)."""
    cells = _cells(lines)
    while cells and (not cells[0] or _title_cell(cells[0]) or _field_cell(cells[0])):
        cells.pop(0)
    two = _two_row_header(cells)
    return two, two is not cells


def cell_run_table(lines: list[str]) -> FlatGrid | None:
    """One cell per line: a header of text cells (years and a numbering row 'A', 'B', '1', '2' … allowed), then rows
    each made of a label and its value cells (figures, blanks, ditto marks, one unit word)."""
    cells, blank_form = _run_cells(lines)
    head, numbering, k = _header_cells(cells)
    head = _joined_words(head, numbering)
    head = head[1:] if len(head) > 2 and parse_marker(head[0]) and len(head[0].split()) >= 3 else head  # a caption
    if len(head) < 2:
        return None
    if _word_fragments(head):  # a PDF header whose column names ran word by word across the lines
        return FlatGrid(cells=[[(head[0], (0, 0))]], merged_known=True, note=_fragments_note(head))
    units = any(METADATA.match(fold(c).strip(" :")) and fold(c).startswith(("don vi", "dvt")) for c in head)
    rows: list[list[str]] = []
    leading: list[str] = []
    body_cells = cells[k:]
    for i, c in enumerate(body_cells):
        if not rows and not _text(c):
            leading.append(c)
            continue
        after = body_cells[i + 1] if i + 1 < len(body_cells) else None
        unit = (rows and len(c) <= 12 and len(c.split()) <= 2 and not ROW_NO.match(c) and not TOTAL_CELL.match(c)
                and all(not _text(x) for x in rows[-1][1:]) and len(rows[-1]) <= 3 and not rows[-1][0].endswith(":")
                and after is not None and _value(after))  # a unit is followed by the row's figures
        unit = unit or bool(units and rows and len(rows[-1]) == 1 and len(c) <= 12 and len(c.split()) <= 2
                            and not ROW_NO.match(c) and not c.isupper() and not rows[-1][0].endswith(":"))
        if _text(c) and not unit and not CROSSED.match(c):
            rows.append([c])
        elif rows:
            rows[-1].append(c)
    if not numbering and rows:
        _header_into_first_row(head, rows, leading)
    labelled = [r for r in rows if any(x and not _text(x) for x in r[1:]) or len(r) > 2]
    if _no_rows(rows, leading, numbering) or _empty_rows(rows, leading, head) or blank_form and not rows:
        rows = labelled = [["…"]]  # a register's header over its codes: the unit adds the rows
    elif _write_in_labels(rows):
        return None
    if len(rows) < (1 if _blank_numbered(leading, numbering) or rows == [["…"]] else 2) or (len(labelled) * 2 < len(rows) and len(numbering) < 2):
        return None
    cols, group = _leaf_columns(head, numbering) if numbering or rows != [["…"]] else (_blank_columns(head), None)
    if not cols:
        return None
    register = rows == [["…"]]
    header = ["TT", *cols] if register else ["TT", "Chỉ tiêu", *cols]  # a register: a list, a child a row
    body = [[""]] if register else _numbered_labels(rows)
    made = "các dòng do đơn vị thêm" if register else f"{len(body)} dòng"
    note = (f"bảng bị dàn mỗi ô một dòng khi chép (từ «{head[0][:30]}»): đã dựng lại {len(cols)} cột, {made}; "
            "tiêu đề nhiều tầng không còn phân biệt được, hãy kiểm tra tên và thứ tự cột")
    grid = _grid(header, body, note)
    grid.first = head[0]
    if group:  # the group over the leaf labels: a second header row
        top = [(t if c < 2 else group, (0, c if c < 2 else 2)) for c, (t, _) in enumerate(grid.cells[0])]
        grid.cells.insert(0, top)
        for c in range(2):
            grid.cells[1][c] = (grid.cells[0][c][0], (0, c))
    if units:  # each row's unit: the Biểu never sums rows of different units
        top = len(grid.cells) - len(rows)
        grid.units = {top + i: r[1] for i, r in enumerate(rows) if len(r) > 1 and _text(r[1])}
    return grid


def _numbered_labels(rows: list[list[str]]) -> list[list[str]]:
    """[number, label] of each row, its bullet dropped and its number ('1.', 'a)') apart."""
    body = []
    for r in rows:
        lab = re.sub(r"^[-–+•]\s*", "", r[0])
        m = ROW_NO.match(lab)
        body.append([m.group("no"), lab[m.end():].strip()] if m else ["", lab])
    return body


def _word_fragments(head: list[str]) -> bool:
    """Column names a PDF gave word by word, the words of several columns interleaved ('Tình', 'hình', 'thi', 'Đơn',
    'hành', 'vị xử'): three names or more, half of them or more, open in lower case — a column's name never does —
    and nearly all are a word or two (a name broken inside a word, 'Hình th' / 'ức tuyên truyền', is joined back)."""
    lower = [c for c in head if c[:1].islower()]
    short = [c for c in head if len(c.split()) <= 2]
    return len(lower) >= 3 and len(lower) * 2 >= len(head) and len(short) * 5 >= len(head) * 4


def _fragments_note(head: list[str]) -> str:
    return (f"bảng chép từ PDF có tiêu đề cột bị xé thành từng chữ xen kẽ giữa các cột (từ «{' '.join(head[:6])[:50]}»): "
            "không dựng lại được thành Biểu, hãy nhập biểu bằng tay hoặc nhập tệp .docx gốc")


def _header_into_first_row(head: list[str], rows: list[list[str]], leading: list[str]) -> None:
    """No numbering row: the header ran on into the first row ('Tổng đàn trâu', 'Con') — its last one or two cells,
    with the value cells before the first label, make the first row when that gives the rows' common width."""
    common = Counter(len(r) for r in rows).most_common(1)[0][0]
    for take in (2, 1):
        if len(head) > take + 1 and take + len(leading) == common:
            rows.insert(0, head[-take:] + leading)
            del head[-take:]
            return


def _write_in_labels(rows: list[list[str]]) -> bool:
    """Labels each closed by ':' with one dotted line under them and no figure anywhere ('LỜI MỞ ĐẦU:' / '……'):
    headings of a report to write, each a question, not the rows of a table."""
    closed = [r for r in rows if r[0].rstrip().endswith(":")]
    return (len(closed) * 2 > len(rows) and all(len([x for x in r[1:] if x]) <= 1 for r in rows)
            and all(not x or re.fullmatch(r"[.…]+", x) for r in rows for x in r[1:]))


def _unitish(cell: str) -> bool:
    """A unit written after a row's label ('Tấn', 'Con', 'Tr.viên', 'Trâu bò')."""
    return len(cell) <= 12


def stat_rows_table(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """'TT Chỉ tiêu Đơn vị tính Mã số Tổng số Công lập Tư thục Dân lập' then a row per line ('1. Tổng số trường
    trường 01 1 1'), group lines ('Chia ra theo vùng:', 'Trong đó:') kept as labels. Returns the grid and how many
    lines it used."""
    f = fold(lines[0])
    if not STAT_HEADER.search(f):
        return None
    metas = list(re.finditer(r"(?i)\b(?:mã số|đơn vị tính|đvt)\b", lines[0]))
    if not metas:
        return None
    cols: list[str] = []
    for w in lines[0][metas[-1].end():].split():  # 'Tổng số Công lập Tư thục Dân lập': a capital starts a column
        if w[:1].isupper() or not cols:
            cols.append(w)
        else:
            cols[-1] += f" {w}"
    used = 1
    rows: list[list[str]] = []
    stat = 0
    kept = (0, 1)
    for ln in lines[1:]:
        s = ln.strip()
        if not s:
            used += 1
            continue
        if re.fullmatch(r"(?:[A-E]\s+)+\d(?:\s+\d{1,2})*", s):  # 'A B C 1 2 3 4'
            used += 1
            continue
        row = STAT_ROW.match(s)
        if row:
            no = (row.group("no") or "").strip()
            label, unit = row.group("label").strip(" –-+"), row.group("unit")
            cut = label.rsplit(" ", 1)
            if len(cut) == 2 and cut[1][:1].isupper() and not cut[1].isupper() and unit[:1].islower() \
                    and cut[0][-1:].islower():
                label, unit = cut[0], f"{cut[1]} {unit}"  # a unit of two words ('Cơ sở', 'Học sinh'), never 'NTM xã'
            rows.append([no, label, unit, row.group("code")])
            stat += 1
            kept = (len(rows), used + 1)
        elif len(s.split()) <= 8 and not s.endswith((".", "?")):
            parts = s.split(None, 1)
            no = parts[0] if len(parts) == 2 and re.fullmatch(r"[IVX]{1,4}|[-–+]", parts[0]) else ""
            rows.append([no, (parts[1] if no else s).strip(" –-+")])
        else:
            break
        used += 1
    if stat < 3 or not cols:
        return None
    rows, used = rows[:kept[0]], kept[1]  # short lines after the last row ('Người lập biểu'): the text after it
    header = ["TT", "Chỉ tiêu", "Đơn vị tính", "Mã số", *cols]
    note = "biểu chép mỗi dòng một hàng (không kẻ ô): đã dựng lại từ dòng tiêu đề, hãy kiểm tra tên cột"
    return _grid(header, [r + [""] * 0 for r in rows], note), used


def pipe_table(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """HTML cells copied as lines ending in '|', a line '|' opening each row."""
    if not lines or lines[0].strip() != "|":
        return None
    rows: list[list[str]] = []
    used = 0
    for ln in lines:
        s = ln.strip()
        if s == "|":
            rows.append([])
        elif s.endswith("|") and rows:
            cell = s.rstrip("|").strip()
            if cell:
                rows[-1].append(cell)
        else:
            break
        used += 1
    rows = [r for r in rows if r]
    if len(rows) < 3:
        return None
    numbering = next((i for i, r in enumerate(rows) if len(r) >= 3 and all(x.isdigit() for x in r)), None)
    if numbering is None:
        return None
    head = [c for r in rows[1:numbering] for c in r] if numbering > 1 else rows[0]
    cols = [c for c in head if not LABEL_HEAD.match(fold(c)) and not GROUP_HEAD.match(fold(c))]
    body = []
    for r in rows[numbering + 1:]:
        label = r[1] if len(r) > 1 and re.fullmatch(r"[IVX]{1,4}|\d{1,2}", r[0]) else r[0]
        no = r[0] if label is not r[0] else ""
        body.append([no, label])
    if not body or not cols:
        return None
    header = ["TT", rows[0][1] if len(rows[0]) > 1 else "Tên", *cols]
    note = ("bảng HTML chép thành từng ô «|»: tiêu đề nhiều tầng không còn phân biệt được, các cột là tên ở tầng "
            "dưới, hãy kiểm tra")
    return _grid(header, body, note), used


CODE = re.compile(r"^(?:[A-E]|\(\d{1,2}\)|\d{1,2})$")


def _bar_cells(lines: list[str]) -> tuple[list[str], int]:
    """HTML cells copied one a line, each ending in '|' ('Nam |'); '|' alone is an empty cell, '||||' four."""
    cells: list[str] = []
    used = 0
    for ln in lines:
        s = ln.strip()
        if s and not s.endswith("|"):
            break
        used += 1
        if s and set(s) == {"|"}:
            cells += [""] * len(s)
        elif s:
            cells.append(s.rstrip("| ").strip())
    return cells, used


def _bar_leaves(rows: list[list[str]]) -> list[str]:
    """The header's leaf names: a cell with a name under it in the next header row is a group ('Chia theo giới
    tính' over 'Nam', 'Nữ'); the top-left cell heads the rows' names."""
    out: list[str] = []
    for k, row in enumerate(rows):
        below = rows[k + 1] if k + 1 < len(rows) else []
        for c, t in enumerate(row):
            if not _text(t) or (k == 0 and c == 0) or LABEL_HEAD.match(fold(t)) or GROUP_HEAD.match(fold(t)) \
                    or METADATA.match(fold(t).strip(" :")):  # ('Đơn vị tính' is the rows' unit, no column)
                continue
            if c < len(below) and _text(below[c]):
                continue
            out.append(t)
    return out


def bar_table(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """A table whose HTML cells were copied one a line ending in '|': its header rows, a column-code row ('A', '(1)',
    '(2)' …), then its rows, all padded to one width. The width is the distance between the rows' names; each row's
    name with the number before it; the header's leaf names as columns (their groups only in the unsure point)."""
    cells, used = _bar_cells(lines)
    a = next((i for i in range(len(cells) - 2) if CODE.match(cells[i]) and CODE.match(cells[i + 1])
              and CODE.match(cells[i + 2])), None)
    if a is None or len(cells) < 20:
        return None
    while a >= 2 and not cells[a - 1] and re.fullmatch(r"[A-E]", cells[a - 2]):
        a -= 2  # 'A |', '|' before '1 |', '2 |': the code row begins at its letter (under the rows' names)
    b = a
    while b < len(cells) and (CODE.match(cells[b]) or not cells[b] and b + 1 < len(cells) and CODE.match(cells[b + 1])):
        b += 1
    names = [p for p in range(b, len(cells)) if _text(cells[p])]
    unit_col = any(METADATA.match(fold(c).strip(" :")) for c in cells[:a])
    if unit_col:  # a unit column: 'Hộ', 'Người' after each name
        names = [p for p in names if not (p - 1 in names and _unitish(cells[p]) and len(cells[p].split()) <= 2)]
    gaps = Counter(y - x for x, y in zip(names, names[1:], strict=False))
    if len(names) < 2 or not gaps:
        return None
    width = gaps.most_common(1)[0][0]
    base = a % width
    head = [cells[base + k * width: base + (k + 1) * width] for k in range((a - base) // width)]
    leaves = _bar_leaves(head)
    body: dict[int, list[str]] = {}
    for p in names:
        body.setdefault((p - base) // width, [cells[p - 1] if ROWNO_CELL.match(cells[p - 1]) else "", cells[p]])
    if not leaves or len(body) < 2:
        return None
    codes = sum(1 for c in cells[a:b] if re.search(r"\d", c))
    note = (f"bảng HTML chép mỗi ô một dòng «|»: đã dựng lại {len(leaves)} cột (hàng mã cột có {codes}), "
            f"{len(body)} dòng; tiêu đề nhiều tầng không còn phân biệt được, hãy kiểm tra tên và thứ tự cột")
    grid = _grid(["TT", "Chỉ tiêu", *leaves], list(body.values()), note)
    units = {row[1]: cells[p + 1] for p in names for row in [body[(p - base) // width]]
             if unit_col and p + 1 < len(cells) and p + 1 not in names and _text(cells[p + 1]) and row[1] == cells[p]}
    grid.units = {1 + i: units[r[1]] for i, r in enumerate(body.values()) if r[1] in units}  # ('Hộ', 'Người')
    return grid, used


MIXED_HEAD = re.compile(r"^STT\s+[A-ZĐÀ-Ỹ]\S*(?:\s+\S+){3,}$")


def mixed_header(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """'STT Ngày, Nội dung tuyên Số lượng …' then 'tháng, truyền, huấn tuyên Chứng', 'năm luyện Lực lượng …': a
    table's header whose column names a PDF copy mixed across lines. It cannot be rebuilt; it is kept as a table
    that the unsure points name (never read as questions)."""
    first = lines[0].strip() if lines else ""
    capitals = sum(1 for w in first.split()[1:] if w[:1].isupper())  # column names: 'Ngày,', 'Nội dung', 'Số lượng'
    if not MIXED_HEAD.match(first) or first.endswith((".", ";", "?", ":")) or capitals < 3:
        return None
    used = 1
    broken = 0
    for ln in lines[1:]:
        s = ln.strip()
        if s and (parse_marker(s) or s.endswith(":") or len(s.split()) > 12 or s.endswith((".", "?"))):
            break
        used += 1
        broken += bool(s) and s[0].islower()
    if broken < 2:
        return None
    note = (f"bảng có tiêu đề cột bị trộn giữa các dòng khi chép từ PDF (từ «{first[:40]}»): không dựng lại được, hãy "
            "nhập biểu bằng tay")
    return FlatGrid(cells=[[(first, (0, 0))]], merged_known=True, note=note), used


SERIES = re.compile(r"(Quý|Tháng|Năm|Đợt|Tuần|Kỳ|Lần)\s+([IVX]{1,4}|\d{1,4})\b")


def series_table(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """'STT Bệnh/triệu chứng Số trường hợp' then 'Quý I Quý II Quý III Quý IV Cảm, sốt cao' and a row's name a line:
    a PDF copy that kept the columns as one series (one word with an ordinal: quarters, months, years) running on into
    the first row's name. The series are the columns; each line after it names a row (its number dropped)."""
    first = lines[0].strip() if lines else ""
    if not re.match(r"^(?:STT|TT)\s+\S", first) or len(lines) < 3:
        return None
    text = lines[1].strip()
    run: list[re.Match[str]] = []
    for m in SERIES.finditer(text):
        if m.start() != (run[-1].end() + 1 if run else 0) or (run and m.group(1) != run[0].group(1)):
            break
        run.append(m)
    if len(run) < 3:
        return None
    names = [text[run[-1].end():].strip()]
    used = 2
    for ln in lines[2:40]:
        t = ln.strip()
        if not t or t.endswith(":") or len(t.split()) > 12 or (len(t.split()) > 1 and t.isupper()):
            break
        names.append(re.sub(r"^[\d().\s]+", "", t))
        used += 1
    rows = [["", n] for n in names if _text(n)]
    if len(rows) < 2:
        return None
    note = (f"bảng chép từ PDF mất ô (từ «{first[:40]}»): cột là dãy «{run[0].group(0)} … {run[-1].group(0)}», mỗi dòng "
            "sau là tên một dòng (có thể hai tên dính nhau); hãy kiểm tra")
    return _grid(["TT", "Chỉ tiêu", *(m.group(0) for m in run)], rows, note), used


ROWNO_CELL = re.compile(r"^(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)\.?$")
UNIT_LINE = re.compile(r"^(?:don vi tinh|dvt)\s*:\s*\S")


def header_run_table(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """A statistics form copied without its rows: 'Đơn vị tính: Vụ việc' then its header one cell per line ('Phân
    theo lĩnh vực …', 'Tổng số', 'Chia ra', 'Kỳ trước chuyển qua' …) to the end of the text. The leaf names become
    the columns of a Biểu whose rows the unit adds; returns the grid and how many lines it used (the unit line too)."""
    if not lines or not UNIT_LINE.match(fold(lines[0].strip())):
        return None
    cells: list[str] = []
    used = 1
    for ln in lines[1:]:
        s = ln.strip()
        if s and (not _short(s) or parse_marker(s) or _value(s) or CODE_NUMBERING.match(s)):
            break  # ('A B 1 2 3': the columns' codes, the coded rows follow — the reader of coded rows takes it)
        used += 1
        if s:
            cells.append(s)
    heads = [c for c in cells if GROUP_HEAD.match(fold(c)) or re.match(r"^tong so\b", fold(c))]
    if any(c.endswith("|") for c in cells) or len(cells) < 6 or len(heads) < 2 or used < len(lines) and lines[used].strip() and _text(lines[used]):
        return None
    if LABEL_HEAD.match(fold(cells[0])) or re.match(r"^(?:phan|chia) theo\b", fold(cells[0])):
        cells = cells[1:]  # 'Phân theo lĩnh vực …' heads the rows' names
    cols: list[str] = []
    for c in cells:
        if not GROUP_HEAD.match(fold(c)) and c not in cols:
            cols.append(c)
    note = (f"biểu chép mỗi ô tiêu đề một dòng, không có dòng nào (từ «{cells[0][:30]}»): đã dựng lại {len(cols)} cột "
            "từ các tên ở tầng dưới, các dòng do đơn vị thêm; hãy kiểm tra tên, thứ tự cột và tiêu đề nhiều tầng")
    return _grid(["TT", "Chỉ tiêu", *cols], [["", "…"]], note), used


def rebuild(seq: list) -> tuple[list, int]:
    """Replace each flattened table in a sequence of lines (and grids) by a FlatGrid; returns the new sequence and
    how many tables were rebuilt."""
    out: list = []
    i = 0
    n = 0
    while i < len(seq):
        it = seq[i]
        if not isinstance(it, str):
            out.append(it)
            i += 1
            continue
        j = i
        while j < len(seq) and isinstance(seq[j], str):
            j += 1
        run = _split_run_lines(seq[i:j])
        k = 0
        while k < len(run):
            got = _spaced(run, k, out) or _general(run, k, out)
            if got:
                out.append(got[0])
                k += got[1]
                n += 1
                continue
            got = (_blank_form(run, k) or stat_rows_table(run[k:k + 400]) or coded_rows_table(run[k:k + 400]) or _coded_run(run, k) or pipe_table(run[k:k + 400]) or bar_table(run[k:k + 1500])
                   or header_run_table(run[k:k + 400]) or series_table(run[k:k + 40]) or mixed_header(run[k:k + 60])
                   or _header_rows(run[k:k + 400]) or _shaped(run, k) or _header_line(run[k:k + 20]))
            if got:
                out.append(got[0])
                k += got[1]
                n += 1
                continue
            end = _run_cut(run, k, _cell_run_end(run, k))
            grid = cell_run_table(run[k:end]) if end - k >= 12 else None
            if grid is not None:
                while k < end and run[k].strip() != grid.first:  # the caption above the header stays a line
                    out.append(run[k])
                    k += 1
                out.append(grid)
                k = end
                n += 1
                continue
            out.append(run[k])
            out += _unbuilt_run(run[k])
            k += 1
        i = j
    return _banded(_fields_after_tables(_unbuilt_headers(_unbuilt_figures(_unbuilt_cell_runs(out))))), n


def _banded(seq: list) -> list:
    from dialogs.importer.band_tables import banded_parts

    return banded_parts(seq)  # a grid of several lettered parts, a Biểu each (band_tables.py)


def _header_line(lines: list[str]) -> tuple[Grid, int] | None:
    from dialogs.importer.named_bieu import header_line_table

    return header_line_table(lines)  # a header line of names with no row under it (named_bieu.py)


def _unbuilt_headers(seq: list) -> list:
    from dialogs.importer.named_bieu import unbuilt_headers

    return unbuilt_headers(seq)  # a header line no reader rebuilt: an unsure point (named_bieu.py)


LABELLED_BLANK = re.compile(r"^[^:…]{2,80}?\s*:\s*(?:…|\.{3,}|_{3,})[….\s_]*\)?$")
OTHER_ROW = re.compile(r"(?i)^(?:[\dA-Za-z]{1,3}[.)]\s*)?(?:loại\s+|nguồn\s+)?khác\b")


def _fields_after_tables(seq: list) -> list:
    """A form's labelled blank just under a table copied one cell a line ('Ý kiến khác (nếu có): ……' under a
    ballot's rows) is read by the grid as its last row: it is a line of its own after the table. A last row
    'Khác (ghi rõ): ……' is a row of the table (its 'other' kind)."""
    out: list = []
    for x in seq:
        out.append(x)
        if not isinstance(x, FlatGrid):
            continue
        moved: list[str] = []
        while len(x.cells) > 2:
            texts = {c[0].strip() for c in x.cells[-1] if c[0].strip()}
            label = next(iter(texts), "")
            if len(texts) != 1 or not LABELLED_BLANK.match(label) or OTHER_ROW.match(label):
                break
            unopened = label.endswith(")") and label.count(")") > label.count("(")  # '…: ……)': a stray bracket
            moved.insert(0, label[:-1] if unopened else label)
            x.cells.pop()
        out.extend(moved)
    return out


def _unbuilt_figures(seq: list) -> list:
    from dialogs.importer.spaced_tables import unbuilt_figure_tables

    return unbuilt_figure_tables(seq)  # a table of figures no reader rebuilt: an unsure point (spaced_tables.py)


def _spaced(run: list[str], k: int, out: list) -> tuple[FlatGrid, int] | None:
    """A filled table, a row a line or a cell a line, with its figures, from k or a line or two after it (the lines
    before it stay lines), before a general reader takes those lines as its caption (spaced_tables.py)."""
    from dialogs.importer.spaced_tables import spaced_table

    for a in range(k, min(k + 3, len(run))):
        got = spaced_table(run, a)
        if got:
            out.extend(run[k:a])
            return got[0], got[1] + a - k
    return None


def _coded_run(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    from dialogs.importer.coded_runs import coded_run_grid

    return coded_run_grid(run, k)  # coded rows run together, the header among them (coded_runs.py)


def _blank_form(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    from dialogs.importer.blank_grids import blank_form_grid, pipe_register
    from dialogs.importer.scrambled_rows import scrambled_rows_grid

    return blank_form_grid(run, k) or pipe_register(run, k) or scrambled_rows_grid(run, k)  # a blank form's table a cell a line under its caption (blank_grids.py)


def _unbuilt_run(line: str) -> list:
    from dialogs.importer.table_shapes2 import unbuilt_run_line

    got = unbuilt_run_line(line)  # a table run into a line that no reader cut: an unsure point (table_shapes2.py)
    return [got] if got is not None else []


def _split_run_lines(run: list[str]) -> list[str]:
    """A table run into one line is cut into its cells, a line each (the text before it stays a line)."""
    from dialogs.importer.grids import split_run_line
    from dialogs.importer.run_headers import spread_run_headers

    out: list[str] = []
    for ln in run:
        got = split_run_line(ln) if len(ln) >= 200 else None
        out += ([got[0]] if got and got[0] else []) + got[1] if got else [ln]
    return spread_run_headers(out)  # a statistics header run into a line or two, a cell a line (run_headers.py)


def _interleaved(run: list[str], k: int, ahead: int, out: list) -> tuple[FlatGrid, int] | None:
    """A numbered list whose header a PDF interleaved with it, from k to the row heading (the lines before stay)."""
    from dialogs.importer.table_shapes import interleaved_list

    for a in range(k, ahead + 1):
        got = interleaved_list(run, a)
        if got:
            out.extend(run[k:a])
            return got[0], got[1] + a - k
    return None


def _codes_a_line(run: list[str], k: int, ahead: int, out: list) -> tuple[FlatGrid, int] | None:
    """A header whose column codes stand a line each, from the row heading (the lines before it stay)."""
    from dialogs.importer.table_shapes import codes_a_line_grid

    got = codes_a_line_grid(run[ahead:ahead + 400])
    if got:
        out.extend(run[k:ahead])
        return got[0], got[1] + ahead - k
    return None


def _shaped(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    from dialogs.importer.table_shapes import captioned_header, header_to_end, interleaved_list, ragged_grid
    from dialogs.importer.table_shapes2 import instructed_grid, numbered_lines_grid

    return (ragged_grid(run[k:k + 600]) or captioned_header(run, k) or interleaved_list(run, k)
            or header_to_end(run, k) or numbered_lines_grid(run, k) or instructed_grid(run, k))


ROW_HEAD_CELL = re.compile(r"^(?:s?tt|so tt|chi tieu|ten chi tieu(?: thong ke)?|noi dung|danh muc|tieu chi|hang muc|chi so)$")


def _header_rows(lines: list[str]) -> tuple[FlatGrid, int] | None:
    from dialogs.importer.grids import header_rows_grid

    return header_rows_grid(lines)


def _other_table(run: list[str], a: int) -> bool:
    return bool(stat_rows_table(run[a:a + 400]) or coded_rows_table(run[a:a + 400]) or pipe_table(run[a:a + 400])
                or bar_table(run[a:a + 1500]) or series_table(run[a:a + 40]) or mixed_header(run[a:a + 60]))


def _unit_first(run: list[str], k: int, out: list) -> tuple[FlatGrid, int] | None:
    """A statistics Biểu whose header opens on 'Đơn vị tính', the row-label heading left blank over its column code
    'A' ('Đơn vị tính' / 'Thực hiện …' / … / 'A' / 'B' / '1' …): read from a row-label heading put back."""
    from dialogs.importer.grids import cell_grid

    u = next((a for a in range(k, min(k + 12, len(run))) if fold(run[a].strip()) in ("don vi tinh", "dvt")), None)
    if u is None:
        return None
    cells = [c.strip() for c in run[u:u + 40] if c.strip()]
    if not any(a == "A" and b == "B" for a, b in zip(cells, cells[1:], strict=False)):
        return None
    got = cell_grid(["Chỉ tiêu", *run[u:u + 1500]])
    if not got:
        return None
    out.extend(run[k:u])
    return got[0], got[1] - 1 + u - k


def _general(run: list[str], k: int, out: list) -> tuple[FlatGrid, int] | None:
    """The general readers (grids.py): cells a line from a row-label heading; rows a line under a numbering row,
    whose header lines (already passed, at the end of ``out``) are taken back into the table."""
    from dialogs.importer.grids import (
        cell_grid,
        coded_cell_grid,
        header_lines,
        numbered_rows_grid,
        shape_cells_grid,
        shape_rows_grid,
    )

    ahead = next((a for a in range(k, min(k + 12, len(run))) if ROW_HEAD_CELL.match(fold(run[a].strip()))), None)
    if ahead is not None and any(_other_table(run, a) for a in range(k, ahead)):
        ahead = None  # another kind of table starts before the heading: its reader takes it
    got = _interleaved(run, k, ahead, out) if ahead is not None else None
    if got:
        return got
    got = cell_grid(run[ahead:ahead + 1500]) if ahead is not None else None
    if got:  # the lines before the heading (a caption, a unit line) stay lines
        out.extend(run[k:ahead])
        return got[0], got[1] + ahead - k
    got = _codes_a_line(run, k, ahead, out) if ahead is not None else None
    if got:
        return got
    got = _unit_first(run, k, out) if ahead is None else None
    if got:
        return got
    for a in range(k, min(k + 6, len(run)) if ahead is None else k):
        got = shape_cells_grid(run[a:a + 600])  # no row-label heading, no codes: rows of one shape under names
        if got:
            out.extend(run[k:a])
            return got[0], got[1] + a - k
    if ahead is None:  # no row-label heading: a header of fragments closed by the column codes, a line each
        for a in range(k, min(k + 12, len(run))):
            got = coded_cell_grid(run, a)
            if got:
                out.extend(run[k:a])
                return got[0], got[1] + a - k
    head = header_lines(out)
    got = numbered_rows_grid(run[k:k + 400], out[len(out) - head:]) if head else None
    if got:
        del out[len(out) - head:]
        return got
    if stat_rows_table(run[k:k + 400]):
        return None  # 'STT Chỉ tiêu Đơn vị tính Mã số …' over its rows: every row kept, its unit too
    return shape_rows_grid(run[k:k + 400])


CELL_END = re.compile(r".{0,80}\|\s*$")  # a web page's table copied with its cells ending in '|'


def _unbuilt_cell_runs(seq: list, least: int = 8) -> list:
    """A run of ``least`` or more lines ending in '|' that no rebuilder took is a table seen but not rebuilt: it is
    named among the unsure points (like a mixed PDF header) instead of its cells becoming questions."""
    out: list = []
    i = 0
    while i < len(seq):
        j = i
        while j < len(seq) and isinstance(seq[j], str) and (CELL_END.match(seq[j].strip()) or not seq[j].strip()):
            j += 1
        cells = [s.strip() for s in seq[i:j] if s.strip()]
        if len(cells) < least:
            out.append(seq[i])
            i += 1
            continue
        first = next((c.rstrip("| ").strip() for c in cells if c.rstrip("| ").strip()), "")
        grid = _bar_header_only([c.rstrip("| ").strip() for c in cells])
        if grid is not None:
            out.append(grid)
            i = j
            continue
        note = (f"bảng chép từ trang web, các ô ngăn bằng «|» ({len(cells)} dòng, từ «{first[:40]}»): không dựng lại "
                "được thành Biểu, hãy nhập biểu bằng tay hoặc nhập tệp .docx gốc")
        out.append(FlatGrid(cells=[[(first or "bảng", (0, 0))]], merged_known=True, note=note))
        i = j
    return out


def _bar_header_only(cells: list[str]) -> FlatGrid | None:
    """'|' cells that are all names before any figure ('Tổng số |', 'Trong đó nữ |' … then '|||', 'x |', 'x |'): a
    header whose rows were left blank or crossed out — a Biểu of these columns whose rows the unit adds. The groups
    over the names cannot be told apart, so every name is a column and the unsure point says so."""
    names = [c for c in cells if c]
    first_value = next((i for i, c in enumerate(names) if not _text(c)), len(names))
    head = names[:first_value]
    if len(head) < 4 or any(_text(c) for c in names[first_value:]) or any(len(c.split()) > 14 for c in head):
        return None
    cols = [c for c in head if not LABEL_HEAD.match(fold(c)) and not group_only(c)]
    note = (f"bảng HTML chép thành từng ô «|», chỉ có tiêu đề (từ «{head[0][:30]}»): đã dựng lại {len(cols)} cột, các "
            "dòng do đơn vị thêm; tên nhóm và tên cột không còn phân biệt được, hãy kiểm tra tên và thứ tự cột")
    return _grid(["TT", "Chỉ tiêu", *cols], [["", "…"]], note)


def _cell_run_end(run: list[str], k: int) -> int:
    """Where a run of short lines that could be cells ends (a sentence or a long line ends it)."""
    if not run[k].strip() or not _text(run[k].strip()) or not _short(run[k].strip()) or parse_marker(run[k].strip()):
        return k  # (a numbered line of the outline never opens a table)
    end = k
    values = numbers = codes = 0
    while end < len(run) and (_short(run[end].strip()) or (codes or _figured_label(run, end, values))
                              and _row_label(run[end].strip())):
        cell = run[end].strip()
        mk = parse_marker(cell) if end > k and values >= 4 else None
        if mk is not None and len(mk.rest.split()) >= 3 and LABEL_HEAD.match(fold(_next_cell(run, end))):
            break  # '2. Cơ cấu khối công trình …' over 'TT': the next table's caption ends this one
        if mk is not None and mk.rest.strip().endswith(":") and not _value(_next_cell(run, end)):
            break  # '3. Tình hình khác:' over its bullets: the outline's next heading, after the table
        if _value(cell) and cell:
            values += 1
        if NUMBERING.match(cell) and cell.startswith("("):
            numbers += 1
        if re.fullmatch(r"[A-E]", cell) and end + 2 < len(run) and NUMBERING.match(_next_cell(run, end)):
            codes += 1  # 'A' then '1', '2' …: the column codes of a statistics form, the rows follow
        if not cell and end + 1 < len(run) and not run[end + 1].strip():
            values += 1  # two blank lines: an empty cell
        end += 1
    return end if values >= 4 or numbers >= 2 or (codes and values >= 2) else k


def _figured_label(run: list[str], i: int, values: int) -> bool:
    """A row's long name inside a run already holding four values or more, with its figure or row number on the very
    next line ('… hủy bỏ quyết định tạm giữ theo khoản 3 Điều 86' / '15'): a cell of the table, not the text after it."""
    nxt = run[i + 1].strip() if i + 1 < len(run) else ""
    return values >= 4 and bool(nxt) and bool(NUMBER.match(nxt)) and not run[i].strip().endswith(":")


def _run_cut(run: list[str], k: int, end: int) -> int:
    """A run of cells ends where the text after a table begins (the signatures, a note) or where another table's
    row-label heading opens a table the general reader rebuilds: one run never swallows two tables."""
    from dialogs.importer.grids import _ended, cell_grid

    total = False  # the total row under a row left to write ('3. …' then 'Tổng cộng'): a numbered heading after ends it
    for a in range(k + 1, end):
        cell = run[a].strip()
        if _ended(cell) or ROW_HEAD_CELL.match(fold(cell)) and cell_grid(run[a:a + 1500]):
            return a
        if total and re.match(r"^(?:\d{1,2}|[IVX]{1,4})\.\s*[^\W\d_]", cell):
            return a
        total = total or fold(cell) == "tong cong" and any(PLACEHOLDER_ROW.match(x.strip()) for x in run[k:a])
        if a >= 8 and LABELLED_BLANK.match(cell) and not any(x.strip() for x in run[a - 8:a]) \
                and all(_text(x.strip()) for x in run[k:a] if x.strip()):
            return a  # a form's labelled blank after names and a stretch of empty cells: the text after a blank table
    return end


def _next_cell(run: list[str], i: int) -> str:
    return next((x.strip() for x in run[i + 1:i + 4] if x.strip()), "")


def _row_label(cell: str) -> bool:
    """A row's long name in a statistics form ('Tổng số hộ dân cư (hộ tập thể + hộ gia đình) tính đến cuối năm')."""
    return len(cell.split()) <= 30 and not cell.endswith((".", ";", "?", "!"))
