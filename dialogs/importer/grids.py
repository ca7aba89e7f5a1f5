"""General readers for statistics tables (Biểu) that reached us as text, by shape rather than by document.

Three shapes, each anchored on something a table always has and prose never does:

- **cells a line**: a Word/HTML table copied one cell per line (blank lines between cells or none). It opens with the
  row-label heading alone on its line ('STT', 'TT', 'Chỉ tiêu', 'Nội dung'); the header's column names follow, then
  an optional column-numbering row ('1', '2', … or 'A', 'B', '1' …), then the rows: each a label (its number, '1',
  '2.1', 'II', 'a)', alone on the line before it or written in front of it), then its unit, code and figures, which
  may be filled, blank or missing altogether. A header with no row under it (a form whose rows the unit adds) is a
  Biểu with the header's columns.
- **rows a line under a numbering row**: a PDF table without ruling whose header lines run down to a line of column
  codes ('A B C 1 2 3', '(1) (2) (3)'); each line below is a row ('1 Thu kinh phí 22', '- Con trong giá thú'); a line
  in lower case continues the row above.
- **a table run into one line**: 'TT Chỉ tiêu ĐVT Số lượng I GIA ĐÌNH 1. Tổng số hộ Hộ 1.1 …' — cut into cells at the
  row numbers, then read as cells a line.

Each reader checks its result (enough rows, columns named) and otherwise leaves the text to the others."""

from __future__ import annotations

import re

from dialogs.importer.flat_groups import few_numbered_rows, heading_after, repeated_leaves, state_groups
from dialogs.importer.nested_headers import tiered
from dialogs.importer.textgrid import (
    DITTO,
    GROUP_HEAD,
    METADATA,
    PERIOD_WORD,
    YEAR,
    FlatGrid,
    _grid,
    _text,
    group_only,
)
from dialogs.text import fold

ROW_HEAD = re.compile(r"^(?:s?tt|so tt|so thu tu|chi tieu|ten chi tieu(?: thong ke)?|noi dung|danh muc|tieu chi|hang muc|chi so)$")
NUMBER_HEAD = re.compile(r"^(?:s?tt|so tt|so thu tu)$")  # a numbers column: the cell after it heads the labels
ROW_NUMBER = re.compile(r"^(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]?$")
INLINE_NUMBER = re.compile(r"^(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]\s*(?=\S)|^(?:[IVX]{1,4}|\d{1,2}"
                           r"(?:\.\d{1,2}){1,3})\s+(?=\S)|^[-–+•]\s*")
FIGURE = re.compile(r"^(?:[-+]?\d[\d.,]*\s*%?|[-–—x×]|[.…_]+|\(\d{1,2}\))$", re.I)
COLUMN_CODE = re.compile(r"^(?:[A-E]|\(?\d{1,2}\)?|\(\s*[A-E]\s*\))$")
END_CELL = re.compile(r"^(?:(?:ghi chu|luu y|chu thich)\s*[:(*]|nguoi lap|nguoi kiem tra|nguoi ky|thu truong|noi nhan|ngay\s*\S*\s*thang(?!\s*,?\s*nam\s*sinh)|\(ky|tm\.|xac nhan"
                      r")")
GROUP_PREFIX = re.compile(r"(?i)^(?:trong đó|chia ra|chia theo|bao gồm|gồm)\s*:\s*")
DOTTED = re.compile(r"\.{5,}|…{2,}|…\.{2,}|\.{2,}…")  # a blank to fill (a sample's "THPT ...." is no blank)
UNIT_WORD = re.compile(r"^[\w./%]+(?:\s+[\w./]+)?$")


def _is_figure(cell: str) -> bool:
    return bool(FIGURE.match(cell))


def _label_cell(c: str) -> bool:
    """A row's label: letters, not a figure nor a row number ('II' after a row's last figure '0' is the next row's
    number, not a label)."""
    return _text(c) and not _is_figure(c) and not ROW_NUMBER.match(c) and not _ended(c)


def _follows(prev: str, no: str) -> bool:
    """``no`` may number the row after one numbered ``prev``: the next at some level ('2' after '1.3', '1.4' after
    '1.3'), the first under it ('1.3.1'), a restart ('1' under a group) or a Roman or letter number; '20' after '3'
    is a figure."""
    no = no.rstrip(".)")
    if not prev or not re.fullmatch(r"\d+(?:\.\d+)*", no) or not re.fullmatch(r"\d+(?:\.\d+)*", prev):
        return True
    a = [int(x) for x in prev.split(".")]
    b = [int(x) for x in no.split(".")]
    return b[-1] == 1 or (len(b) <= len(a) and b[:-1] == a[:len(b) - 1] and b[-1] == a[len(b) - 1] + 1)


def _numbering(cells: list[str], k: int) -> int:
    """How many column codes start at cells[k] ('1', '2', '3' … or 'A', 'B', '1', '2'): 0 when not a numbering row.
    The figures start at 1 and run on by one (the first row's number '1' after '… 3', '4' is not one of them); the
    letters come before them; at least two figures, or letters and a figure."""
    j = k
    last = 0
    letters = 0
    while j < len(cells) and COLUMN_CODE.match(cells[j]):
        c = cells[j].strip("()").strip()
        if c.isdigit():
            if int(c) != last + 1:
                break
            last = int(c)
        elif last:
            break  # a letter after the figures
        else:
            letters += 1
        j += 1
    if last < 1 or (last < 2 and not letters):
        return 0
    return j - k


ROW_LINE = re.compile(r"^(?:(?P<no>[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+)?(?P<label>[^\W\d_].*?)"
                      r"(?P<figures>(?:\s+(?:[-+]?\d[\d.,]*%?|[-–x…\"“”〃]))+)$")  # '1 Số hộ nghèo 120 115'


def _row_line(c: str) -> bool:
    """A whole row run into one cell: its label and at least two figures after it."""
    m = ROW_LINE.match(c)
    if not m or re.search(r"\d\s*[-–]\s*\d", m.group("figures")):  # 'từ 16 - 59': a range in the label
        return False
    return sum(any(ch.isdigit() for ch in t) for t in m.group("figures").split()) >= 2 and _text(m.group("label"))


def _row_start(cells: list[str], k: int) -> bool:
    """A row begins here: a number alone then a label, a label with its number in front, or a whole row on one
    line."""
    c = cells[k]
    if _row_line(c):
        return True
    if ROW_NUMBER.match(c) and k + 1 < len(cells) and _label_cell(cells[k + 1]):
        return not _numbering(cells, k)
    return bool(INLINE_NUMBER.match(c)) and _text(c) and not c.startswith(("(", "-", "–", "+"))


def _caps_heading(c: str) -> bool:
    """'NỘI DUNG KẾ HOẠCH CHIẾN LƯỢC': a heading of the text in capitals, not a column's name."""
    letters = [x for x in c if x.isalpha()]
    return len(c.split()) >= 3 and bool(letters) and all(x.isupper() for x in letters)


def _header(cells: list[str]) -> tuple[list[str], int]:
    """The header's names from the row-label heading to the numbering row or the first row; names broken over two
    lines ('Đơn vị' / 'tính', 'Kinh phí (triệu' / 'đồng)', 'Nữ' / '(Người)') joined."""
    head: list[str] = []
    k = 0
    while k < len(cells):
        c = cells[k]
        if c == "" and head:
            j = next((i for i in range(k, len(cells)) if cells[i]), len(cells))
            if j < len(cells) and (_numbering(cells, j) or _row_start(cells, j)):
                k = j  # empty cells a merged header left, then the numbering row or the first row
                break
            if _first_row_in_header(cells, list(head), k) >= 0:
                break  # the header's last name is the first row's label, its figures left empty
            k += 1
            continue
        if head and _caption_over(cells, k):
            k += 1  # a long cell merged over the names after it (a ballot's question over 'Đồng ý'): no column
            continue
        if _numbering(cells, k) or (head and _row_start(cells, k)) or not (_text(c) or YEAR.match(c)) or _ended(c) \
                or len(c.split()) > 16 or _caps_heading(c):
            break
        if re.match(r"(?i)^bạn đang xem\b", c):  # a web page's own line inside the table
            k += 1
            continue
        lower = c[:1].islower() or c.startswith("(") and not head[-1:] == [] and c.count("(") <= 1
        period = YEAR.match(c) and head and PERIOD_WORD.search(head[-1])  # 'Năm học' / '2017-2018'
        opened = head[-1:] and head[-1].count("(") > head[-1].count(")") and (")" in c or not c[:1].isupper())
        if head and (lower or period or opened):  # ('Thiệt hại (1.000 đ' cut off, then 'Tổng số': a new name)
            head[-1] = f"{head[-1]} {c}"
        else:
            head.append(c)
        k += 1
    return head, k


def _caption_over(cells: list[str], k: int) -> bool:
    """cells[k] is a long name (more than 16 words, no sentence) inside a header, two short names after it: a cell
    merged over the columns that follow, not one of them."""
    c = cells[k]
    after = cells[k + 1:k + 3]
    return len(c.split()) > 16 and _text(c) and not c.endswith((".", ":", ";", "?")) and ": " not in c \
        and len(after) == 2 and all(_text(x) and len(x.split()) <= 6 and not _ended(x) for x in after)


def _columns(head: list[str], codes: list[str]) -> list[str]:
    """The columns to fill: the row-label heading (and, after a numbers column, the cell heading the labels), the
    metadata ('Đơn vị tính', 'Mã số') and bare group words ('Trong đó', 'Chia ra') dropped; footnote stars too."""
    cells = list(head)
    if cells and NUMBER_HEAD.match(fold(cells[0])) and len(cells) > 2 and not ROW_HEAD.match(fold(cells[1])):
        cells = cells[2:]
    cols = [re.sub(r"\s*\*+\s*$", "", c).strip() for c in cells
            if not ROW_HEAD.match(fold(c)) and not METADATA.match(fold(c).strip(" :"))
            and not group_only(c)]
    figures = sum(c.strip("()").isdigit() for c in codes)
    letters = len(codes) - figures
    if figures and len(cols) > figures and letters:  # 'A B 1 2': as many columns to fill as figures
        cols = cols[-figures:]
    return [c for c in cols if c]


def _named_cells(head: list[str]) -> list[str]:
    """The header's names but the row-label heading and the metadata ('Mã số', 'Đơn vị tính')."""
    return [c for c in head if not ROW_HEAD.match(fold(c)) and not METADATA.match(fold(c).strip(" :"))]


def _groups(head: list[str], codes: list[str]) -> list[str]:
    """The group over each column when the header names more cells than the numbering row has figures and the extra
    names, before the leaves, share them evenly ('Năm 2023', 'Năm 2024' over 'Kế hoạch', 'Thực hiện' twice: a web
    page copies a header row by row); [] otherwise."""
    figures = sum(c.strip("()").isdigit() for c in codes)
    cells = [re.sub(r"\s*\*+\s*$", "", c).strip() for c in head
             if not ROW_HEAD.match(fold(c)) and not METADATA.match(fold(c).strip(" :"))]
    if NUMBER_HEAD.match(fold(head[0])) and len(head) > 2 and not ROW_HEAD.match(fold(head[1])):
        cells = cells[1:]  # the cell heading the labels
    inner = [i for i, c in enumerate(cells) if group_only(c)]
    if figures and len(inner) == 1 and 0 < inner[0] < len(cells) - 2 and len(cells) - 1 == figures:
        p = inner[0]  # 'Tổng số' / 'Chia ra' / 'Công lập' / 'Tư thục': the total alone, the split grouped
        return [""] * p + [cells[p]] * (figures - p)
    extra = cells[:len(cells) - figures] if figures else []
    if not extra or figures % len(extra) or figures == len(extra) or any(GROUP_HEAD.match(fold(e)) for e in extra):
        return []
    span = figures // len(extra)
    return [g for g in extra for _ in range(span)]


def _grouped_grid(grid: FlatGrid, groups: list[str]) -> None:
    """A second header row over the leaves: each group merged over its columns; 'TT' and 'Chỉ tiêu' over both
    rows. The body's cells move one row down."""
    top = [(t, (0, c)) for c, (t, _) in enumerate(grid.cells[0][:2])]
    start = 2
    for c, g in enumerate(groups, start=2):
        start = c if c == 2 or groups[c - 3] != g else start
        top.append((g, (0, start)))
    rows = [[(t, (r + 1, c)) for c, (t, _) in enumerate(row)] for r, row in enumerate(grid.cells)]
    rows[0][0] = (rows[0][0][0], (0, 0))
    rows[0][1] = (rows[0][1][0], (0, 1))
    grid.cells = [top, *rows]


def _clean_label(label: str) -> str:
    """The label without its number or bullet; 'Trong đó: + …' keeps its group words (a subset is never a summand)
    without the bullet after them."""
    label = INLINE_NUMBER.sub("", label).strip()
    m = GROUP_PREFIX.match(label)
    if m:
        return f"{m.group(0).strip()} {label[m.end():].strip(' +-–:')}".strip()
    return label.strip(" +-–:")


OUTLINE_NO = re.compile(r"^(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]\s*[^\W\d_]")


def _numbered_row_near(cells: list[str], k: int, span: int = 12) -> bool:
    """A row with its own number cell ('1' / 'Tổng số lao động') within ``span`` cells: a numbered line before it
    ('I. Tình hình lao động') is a group row of the table, not the outline going on."""
    for a in range(k, min(k + span, len(cells) - 1)):
        if OUTLINE_NO.match(cells[a]) and a > k or len(cells[a].split()) > 30:
            continue
        if re.fullmatch(r"\d{1,2}\.?", cells[a]) and _label_cell(cells[a + 1]):
            return True
    return False


def _explained(cells: list[str], k: int, since: int) -> bool:
    """cells[k] right after a row's label is a long text of the row (how the figure is counted), not the next row:
    a figure follows it within three cells ('Tỷ lệ …' / 'Số cán bộ … /tổng số …' / '%' / '100')."""
    return since == 0 and len(cells[k].split()) > 12 and any(_is_figure(x) for x in cells[k + 1:k + 4])


def _noted(cells: list[str], k: int, since: int, last: str) -> bool:
    """cells[k] after a numbered row's value cells is a long text right before the next row's number: the row's
    last cell (its note, 'Số liệu … không tính trùng …'), not a row without a number."""
    nxt = cells[k + 1] if k + 1 < len(cells) else ""
    return since >= 1 and len(cells[k].split()) > 12 and bool(ROW_NUMBER.match(nxt)) and bool(last) \
        and _follows(last, nxt) and nxt.rstrip(".)") != last


def _outline_goes_on(cells: list[str], k: int, inline: bool) -> bool:
    """Before any row, an outline heading at cells[k] is the text after the table: a header whose rows have their
    own 'TT' cells, then 'II. Đánh giá chung'; or only empty rows under the numbering row, then 'III. Phân loại …'."""
    if not OUTLINE_NO.match(cells[k]):
        return False
    return not inline and not _numbered_row_near(cells, k + 1) or k >= 2 and not any(cells[:k])


def _heading_next(cells: list[str], k: int) -> bool:
    """A row-label heading ('STT') right after cells[k], maybe past an empty cell a blank line left."""
    return bool(ROW_HEAD.match(fold(next((x for x in cells[k + 1:k + 3] if x), ""))))


def _body(cells: list[str], units: bool, numbers: bool = True, inline: bool = True) -> tuple[list[list[str]], int]:
    """The rows from cells[0]: returns [number, label] rows and how many cells they used. When most rows carry
    figures, rows with none after the last filled one are the text after the table ('3. Cán bộ …'), not rows."""
    rows: list[list[str]] = []
    starts: list[int] = []  # the cell each row begins at
    filled: list[bool] = []  # the row has a figure
    k = 0
    last = ""  # the last row number
    since = 0  # cells since the last label: a unit may follow a label only
    while k < len(cells):
        c = cells[k]
        f = fold(c)
        explained = rows and (_explained(cells, k, since) or numbers and _noted(cells, k, since, last))  # a row's text
        if END_CELL.match(f.lstrip("* ")) or len(c.split()) > 45 and not explained:  # ('* Ghi chú: …' too)
            break
        if rows and _heading_next(cells, k) or ROW_HEAD.match(f) \
                or rows and heading_after([r[0] for r in rows], c, cells[k + 1] if k + 1 < len(cells) else ""):
            break  # the next table's caption or heading; the outline's next heading ('II. KIẾN NGHỊ' after rows 1, 2)
        if rows and _text(c) and DOTTED.search(c):
            break  # a form's line with its blank to fill ('Tổng số cử tri là: ……… người'): the text after the table
        if not rows and _outline_goes_on(cells, k, inline):
            break
        number = (numbers or not _is_figure(c)) and ROW_NUMBER.match(c) and k + 1 < len(cells) \
            and _label_cell(cells[k + 1]) and not re.match(r"^[-–+•]", cells[k + 1]) \
            and _follows(last, c)  # without a numbers column, a figure before a label is the row's last
        if (_is_figure(c) and not number or not number and not _text(c) or explained) \
                and not (units and rows and c == "%" and since <= 1):  # '%' after a row's code: its unit
            filled[-1:] = [True] if filled and (_is_figure(c) or DITTO.match(c)) else filled[-1:]  # '"': the value above again
            k, since = k + 1, since + 1
            continue
        after_code = since == 1 and re.fullmatch(r"\d{2,3}", cells[k - 1]) is not None \
            and not (k + 1 < len(cells) and re.fullmatch(r"\d{2,3}", cells[k + 1])
                     and int(cells[k + 1]) == int(cells[k - 1]) + 1)  # 'Doanh thu' / '01' / its unit, not 'Nam' / '02'
        if units and rows and (since == 0 or after_code) and len(c) <= 15 and len(c.split()) <= 2 and UNIT_WORD.match(c) \
                and not INLINE_NUMBER.match(c) and not number \
                and (k + 1 >= len(cells) or not _label_cell(cells[k + 1]) or len(c.split()) == 1 or after_code):  # one
            # word, or figures or the next row follow it ('Số người được' / 'tập huấn' / 'người' / '3')
            rows[-1][2:] = [c]  # the row's unit
            k, since = k + 1, since + 1
            continue
        if not number and rows and since == 0 and c[:1].islower():
            rows[-1][1] += f" {c}"  # a label broken over two lines ('Số hộ được' / 'hỗ trợ vay vốn')
            k += 1
            continue
        whole = None if number else ROW_LINE.match(c) if _row_line(c) else None  # '1 Số hộ nghèo 120 115'
        m = None if number or whole else INLINE_NUMBER.match(c)
        label = cells[k + 1] if number else whole.group("label") if whole else c
        no = c.rstrip(".") if number else (whole.group("no") or "") if whole else m.group(0).strip(" -–+•.)") if m else ""
        rows.append([no, _clean_label(label)])
        last = no.rstrip(".)") or last
        starts.append(k)
        filled.append(bool(whole))
        k += 2 if number else 1
        since = 0
    if sum(filled) * 2 >= len(rows) > 0:
        while not filled[-1]:
            k = starts.pop()
            filled.pop()
            rows.pop()
    return [r for r in rows if _text(r[1])], k


def _ended(cell: str) -> bool:
    """The text after a table: a note ('Ghi chú: …'), the signatures ('Người lập biểu'); 'Ghi chú' alone is a
    column."""
    return bool(END_CELL.match(fold(cell).strip()))


def _split_cells(lines: list[str]) -> tuple[list[str], list[int]]:
    """The cells of a run and the line each begins at. A page whose cells are separated by blank lines (a web page's
    paragraphs) shows an empty cell as a further pair of blank lines; a page with a cell on each line shows it as a
    blank line. Empty cells are kept as ''."""
    texts = [ln.strip() for ln in lines]
    filled = [i for i, t in enumerate(texts) if t]
    head = filled[:40]  # the page's habit, read where the table begins
    adjacent = sum(1 for a, b in zip(head, head[1:], strict=False) if b == a + 1)
    spaced = adjacent <= 0.1 * len(head)
    cells: list[str] = []
    index: list[int] = []
    for j, i in enumerate(filled):
        blanks = i - filled[j - 1] - 1 if j else 0
        empty = (max(blanks - 1, 0) // 2 if spaced else blanks) if j else 0
        cells += [""] * empty + [texts[i]]
        index += [i] * (empty + 1)
    return cells, index


def _first_row_in_header(cells: list[str], head: list[str], k: int) -> int:
    """The header ran on into the first row ('Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Số trường', then '12', '10' or
    empty cells): when the rows below repeat one width (a label, then as many figures or empty cells as the header
    has columns), the header's last name is the first row's label; returns where the rows begin, -1 otherwise."""
    labels = [i for i in range(k, min(len(cells), k + 400)) if _label_cell(cells[i])]
    starts = [k - 1, *labels]
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    if len(gaps) < 2:
        return -1
    width = max(set(gaps), key=gaps.count)
    steady = sum(g == width for g in gaps[:-1] or gaps) >= 0.75 * len(gaps[:-1] or gaps)
    if width < 2 or gaps[0] != width or not steady or len(_columns(head[:-1], [])) != width - 1:
        return -1
    head.pop()
    return k - 1


def _numbered_list(cells: list[str], head: list[str], k: int, n: int) -> FlatGrid | None:
    """A list to fill under a 'STT' heading: its rows are numbered lines with nothing after them ('1', '2', … '20'),
    more numbers than the header has names, so no numbering row of the columns. Every name after 'STT' is a column
    (a list asks the name too); the unit writes the rows."""
    codes = cells[k:k + n]
    after = cells[k + n] if k + n < len(cells) else ""
    if not head or not NUMBER_HEAD.match(fold(head[0])) or n < max(len(head) + 2, 5) \
            or not all(c.isdigit() for c in codes) or after and (_is_figure(after) or _label_cell(after) and not _ended(after)
                                                              and len(after.split()) <= 3):
        return None
    cols = [c for c in head[1:] if not METADATA.match(fold(c).strip(" :")) and not group_only(c)]
    if len(cols) < 2 or any(len(c.split()) > 24 for c in cols):
        return None
    note = (f"danh sách chép mỗi ô một dòng (từ «{head[0][:30]}»), các dòng đánh số 1–{n} để trống: đã dựng lại "
            f"{len(cols)} cột, các dòng do đơn vị thêm; hãy kiểm tra tên và thứ tự cột")
    return _grid(["TT", *cols], [["", "…"]], note)


def _sample(cell: str) -> bool:
    return bool(cell) and not cell.isdigit()


def _sampled_numbers(cells: list[str], k: int) -> int:
    """How many cells from cells[k] are a list's row numbers 1, 2, 3 … (five or more) with a short sample fill after
    one or two of them ('1' / 'Chủ hộ' / '2' / '3' …): 0 when not so."""
    j, no, samples = k, 1, 0
    while j < len(cells) and cells[j] == str(no):
        nxt = cells[j + 1] if j + 1 < len(cells) else ""
        if nxt and not nxt.isdigit() and _text(nxt) and len(nxt.split()) <= 3 and not _ended(nxt) \
                and j + 2 < len(cells) and cells[j + 2] == str(no + 1):
            samples += 1
            j += 1
        j, no = j + 1, no + 1
    return j - k if no > 5 and 0 < samples <= 2 else 0


def _numbered_first(cells: list[str], k: int) -> bool:
    """The rows open with their numbers though the header names no numbers column (its 'TT' cell left empty or
    dropped by the copy): '1' / 'Số người …' / '' / '2' / 'Số người …' — a figure never stands before the first row's
    label, so '1' there, '2' at the next row and so on are the rows' numbers."""
    if not (k + 1 < len(cells) and cells[k] == "1" and _label_cell(cells[k + 1])):
        return False
    found = [c for i, c in enumerate(cells[k:k + 60], k) if re.fullmatch(r"\d{1,2}", c) and i + 1 < len(cells)
             and _label_cell(cells[i + 1])]
    return found[:3] == ["1", "2", "3"]


def cell_grid(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """Cells a line (see the module's note). Returns the grid and how many lines it used."""
    if not lines or not ROW_HEAD.match(fold(lines[0].strip())):
        return None
    cells, index = _split_cells(lines)
    head, k = _header(cells)
    n = _numbering(cells, k)
    listed = _numbered_list(cells, head, k, n)
    if listed is None and not n:  # the first rows' sample fill among the numbers ('1' / 'Chủ hộ' / '2' / '3' …)
        n = _sampled_numbers(cells, k)
        bare = cells[:k] + [c for c in cells[k:k + n] if not _sample(c)] + cells[k + n:]
        listed = _numbered_list(bare, head, k, n - sum(_sample(c) for c in cells[k:k + n])) if n else None
    if listed is not None:
        return listed, index[k + n] if k + n < len(index) else len(lines)
    if k < len(cells) and not n and not _row_start(cells, k) and not _ended(cells[k]):
        k = _first_row_in_header(cells, head, k)
        if k < 0:
            return None  # the header runs into something neither a numbering row nor a row: not a table
    codes = cells[k:k + n]
    k += n
    cols = _columns(head, codes)
    units = any(fold(h).startswith(("don vi", "dvt")) for h in head)
    numbers = bool(NUMBER_HEAD.match(fold(head[0]))) or _numbered_first(cells, k)
    rows, used = _body(cells[k:], units, numbers, inline=not numbers or bool(n))
    end = index[k + used] if k + used < len(index) else len(lines)
    values = sum(c == "" or _is_figure(c) for c in cells[k:k + used])
    if len(cols) < 1 or len(head) < 2 or any(len(h.split()) > 16 for h in head) \
            or not (numbers or n or units or values >= 2):
        return None  # short lines under 'Nội dung' with nothing of a table: the outline
    after = cells[k + used] if k + used < len(cells) else ""
    if len(rows) < 3 and not few_numbered_rows(rows, cols, numbers and (not after or _ended(after) or bool(OUTLINE_NO.match(after)))):
        total = len(rows) == 1 and re.match(r"^(?:tong so|tong cong|cong)$", fold(rows[0][1])) and n  # the total row
        if rows and not total or len(cols) < 4 or not (numbers or n) or after and not _ended(after) \
                and not (_text(after) and DOTTED.search(after)) \
                and not (numbers and OUTLINE_NO.match(after)):  # only a 'TT' column or a numbering row says table
            return None
        rows = [["", "…"], *rows] if total else [["", "…"]]  # a header with no row (or only its total): the unit adds rows
        note = (f"biểu chép mỗi ô một dòng, chỉ có hàng tiêu đề (từ «{head[0][:30]}»): đã dựng lại {len(cols)} cột, "
                "các dòng do đơn vị thêm; tiêu đề nhiều tầng không còn phân biệt được, hãy kiểm tra tên và thứ tự cột")
    else:
        note = (f"bảng bị dàn mỗi ô một dòng khi chép (từ «{head[0][:30]}»): đã dựng lại {len(cols)} cột, {len(rows)} "
                "dòng; tiêu đề nhiều tầng không còn phân biệt được, hãy kiểm tra tên và thứ tự cột")
    names = head[1] if len(head) > 1 and NUMBER_HEAD.match(fold(head[0])) else "Chỉ tiêu"
    groups = _groups(head, codes)
    cols = cols[-len(groups):] if groups else cols
    if not groups:  # 'Kết quả giải quyết' over 'Đã cấp giấy' / 'Chưa cấp': a group, no column (flat_groups.py)
        width = len(cols)
        cols, groups = repeated_leaves(cols)
        cols, groups = state_groups(cols) if not any(groups) else (cols, groups)
        groups = groups if any(groups) else []
        note = note.replace(f"{width} cột", f"{len(cols)} cột", 1)
    grid = _grid(["TT", names if rows == [["", "…"]] else "Chỉ tiêu", *cols], [r[:2] for r in rows], note)
    if groups:
        (two_level if "" in groups else _grouped_grid)(grid, groups)
    else:  # a header of three tiers or more over a numbering row (nested_headers.py)
        tiered(grid, _named_cells(head), len(head), codes)
    if units:  # each row's unit: the Biểu never sums rows of different units
        top = len(grid.cells) - len(rows)
        grid.units = {top + i: r[2] for i, r in enumerate(rows) if len(r) > 2}
    return grid, end


LINE_CODES = re.compile(r"^(?:(?:[A-E]|\(\s*[A-E]\s*\))\s+)*(?:\(?\d{1,2}\)?\s*)+$")
LETTER_SECTION = re.compile(r"^[A-EĐ]\s*[-.)]\s+\S")


FORMULA_CODE = re.compile(r"(?<!\S)(\(?\d{1,2}\)?)\s*=\s*[\d()+\-*/x×:.,]+(?!\S)")  # '6=5-4', '7=5/4*100'


def _line_codes(line: str) -> list[str] | None:
    s = FORMULA_CODE.sub(r"\1", line.strip())  # a computed column's code: its number (the formula in the note)
    if not LINE_CODES.match(s):
        return None
    codes = s.replace("(", " (").split()
    return codes if _numbering(codes, 0) == len(codes) and len(codes) >= 3 else None


GROUP_WORDS = ("chia theo", "chia ra", "phan theo", "trong do")


def _head_columns(head: list[str], n: int) -> list[str]:
    """The n columns named by header lines a PDF copy broke: the row-label heading and metadata words dropped, a
    group phrase ('Chia theo giới tính') dropped with its words in lower case, a capital starting a column and a word
    in lower case continuing one."""
    cols: list[str] = []
    grouping = False  # a bare group phrase's words go on over the next line ('Chia theo' / 'loại hình')
    for line in head:
        s = re.sub(r"(?i)^(?:s?tt|số tt)\b\s*", "", line.strip())
        s = re.sub(r"(?i)(?:nội dung|tên chỉ tiêu|chỉ tiêu|mã số|đơn vị tính|đvt)(?=\s|$)", " ", s)
        s = re.sub(r"(…|\.{3})(?=[^\W\d_])", r"\1 ", s)  # 'KHOẢN …KHOẢN …': a blank's dots end a name
        words = s.split()
        i = 0
        while grouping and i < len(words) and words[i][:1].islower():
            i += 1
        grouping = False
        while i < len(words):
            w = words[i]
            if fold(" ".join(words[i:i + 2])).strip(":") in GROUP_WORDS:
                i += 2
                bare = i >= len(words) or not words[i][:1].islower()  # 'Chia theo' with its object on the next line
                while i < len(words) and words[i][:1].islower():
                    i += 1
                grouping = bare and i >= len(words)
                continue
            if w[:1].isupper() or not cols:
                cols.append(w)
            else:
                cols[-1] += f" {w}"
            i += 1
    cols = [c.strip(" :") for c in cols if _text(c)]
    return cols[-n:] if len(cols) >= n else cols


def header_lines(out: list) -> int:
    """How many lines at the end of ``out`` may be a table's header broken by a PDF copy: short lines back to the one
    opening with the row-label heading ('Tt Nội dung Mã số') or to a blank line, a sentence or a unit line."""
    n = 0
    for item in reversed(out[-60:]):
        if not isinstance(item, str):
            break
        s = item.strip()
        f = fold(s)
        if n >= 12 and (len(s.split()) > 3 or ":" in s):
            break  # past twelve lines, only a header cut into fragments ('Tổng' / 'số' / 'Con trong') goes on
        if s.startswith("(") and s.endswith(")") and n:
            n += 1  # a note inside a header cell ('(Chỉ tính các sản phẩm …)')
            continue
        if not s or s.endswith((".", ":", ";", "?")) or len(s.split()) > 24 or OUTLINE_NO.match(s) \
                or LETTER_SECTION.match(s) \
                or len(s.split()) > 12 and not _names_line(s) or f.startswith(("don vi tinh", "dvt")):
            break
        n += 1
        if re.match(r"^(?:s?tt|so tt|noi dung|chi tieu)\b", f):
            break
    return n


def _names_line(s: str) -> bool:
    """A long header line of column names run together ('Khối lượng sản phẩm sản xuất Khối lượng sản phẩm tồn kho
    Tổng số'): three names or more, each opened by a capital, no sentence's comma."""
    return sum(w[:1].isupper() for w in s.split()) >= 3 and not re.search(r"[,;]", s)


def _open_rows(lines: list[str]) -> int:
    """Empty numbered lines under the numbering row ('1.', '2.', '3.'): a list Biểu whose rows the unit writes.
    Returns how many such lines (0 when fewer than two, or not numbered 1, 2, … in order)."""
    n = 0
    while n < len(lines) and re.fullmatch(rf"{n + 1}[.)]?", lines[n].strip()):
        n += 1
    return n if n >= 2 else 0


def _unit_split(label: str) -> tuple[str, str]:
    """'Số ổ dịch được xử lý Ổ dịch' → the label and its unit: the words from the last capital after the first word,
    two at most ('' when none)."""
    words = label.split()
    at = max((i for i, w in enumerate(words) if i and w[:1].isupper()), default=0)
    if at and len(words) - at <= 2 and all(len(w) <= 8 for w in words[at:]):
        return " ".join(words[:at]), " ".join(words[at:])
    return label, ""


GLUED_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}\.?)(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")  # '1Số', '2.1Thu'
DASHED = re.compile(r"^\s*[-–+•]\s*\S")


def _line_rows(lines: list[str], units: bool) -> tuple[list[list[str]], int]:
    """A row a line ('1 Thu kinh phí 22', '- Con trong giá thú', '2 Số người Người 300 280') until a blank line, a
    signature, a lettered part or a sentence; a line in lower case continues the row above; figures and codes at
    the end dropped, and the unit after the label when the header has a unit column. Returns [number, label, unit]
    rows and how many lines they used."""
    rows: list[list[str]] = []
    used = 0
    last = ""  # the row's last line when it ended with no figure
    for ln in lines:
        s = ln.strip()
        f = fold(s)
        if not s or END_CELL.match(f) or END_CELL.match(re.sub(r"^\d{1,3}\s+", "", f)) or LETTER_SECTION.match(s) \
                or len(s.split()) > 30:
            break  # (the signatures after the page's number: '66 Người lập Người kiểm tra')
        used += 1
        s = GLUED_NUMBER.sub(r"\1 ", s)  # '1Số tuyến': the row's number glued to its label
        label = re.sub(r"(?:\s+(?:[\d.,]+|[-–x…\"“”〃]|-nt-|nt))+$", "", s)  # its code, figures and ditto marks
        coded = re.match(r"^(.+?[^\W\d_)])\s+\d{2,3}\s+([^\W\d_][^\d]{0,14})$", label) if units else None
        if coded and len(coded.group(2).split()) <= 2:  # 'Doanh thu thuần 01 Triệu đồng': label, code, unit
            label = f"{coded.group(1)} {coded.group(2)[:1].upper()}{coded.group(2)[1:]}"
        if not _text(label):
            continue
        if (label[:1].islower() or _dangling(last)) and rows:
            rows[-1][1] += f" {label}"
            last = label if label == s else ""
            continue
        last = label if label == s else ""  # (a row closed by its figures or code ends there)
        m = INLINE_NUMBER.match(label) or re.match(r"^(?:[IVX]{1,4}|\d{1,2})\s+(?=\S)", label)
        label, unit = _unit_split(label) if units else (label, "")
        rows.append([m.group(0).strip(" -–+•.)") if m else "", _clean_label(label[m.end():] if m else label), unit])
    return [r for r in rows if _text(r[1])], used


DANGLING = {"ở", "của", "và", "cho", "tại", "với", "các", "những", "được", "theo", "trong", "về", "từ", "đến", "hoặc"}


def _dangling(line: str) -> bool:
    """A row's line cut after a word that never ends a name ('- Dự toán còn dư ở' / 'Kho bạc 04'): the next line
    goes on with it, capital or not."""
    words = line.split()
    return len(words) >= 2 and words[-1] in DANGLING


def _line_grid(cols: list[str], rows: list[list[str]], note: str) -> FlatGrid:
    grid = _grid(["TT", "Chỉ tiêu", *cols], [r[:2] for r in rows], note)
    if any(r[2] for r in rows):  # each row's unit: the Biểu never sums rows of different units
        grid.units = {1 + i: r[2] for i, r in enumerate(rows) if r[2]}
    return grid


def _has_units(head: list[str]) -> bool:
    return any(re.search(r"(?i)\b(?:đơn vị tính|đvt)\b", h) for h in head)


def numbered_rows_grid(lines: list[str], head: list[str]) -> tuple[FlatGrid, int] | None:
    """Rows a line under a numbering row: lines[0] is the numbering row, ``head`` the header lines above it. Returns
    the grid and how many lines (from the numbering row) it used."""
    codes = _line_codes(lines[0]) if lines else None
    if not codes:
        return None
    figures = sum(c.strip("()").isdigit() for c in codes)
    head = [h for h in head if not (h.strip().startswith("(") and len(h.split()) > 4)]  # notes in a header cell
    open_rows = _open_rows(lines[1:])
    if open_rows:  # a list Biểu: the header's first name (the column 'A') names the rows the unit writes
        names = _head_columns(head, 99)
        cols = [names[0], *names[-figures:]] if len(names) > figures else []
        if len(codes) == figures or len(cols) < 2 or not _text(cols[0]):
            return None
        note = (f"danh sách chép từ PDF, dưới hàng mã cột «{lines[0].strip()}» chỉ có các dòng đánh số trống: đã dựng "
                f"lại {figures + 1} cột, các dòng do đơn vị ghi; tên cột ghép từ các dòng tiêu đề bị cắt, hãy kiểm tra")
        return _grid(["TT", cols[0], *cols[-figures:]], [["", "…"]], note), open_rows + 1
    rows, used = _line_rows(lines[1:], _has_units(head))
    cols = _head_columns(head, figures)
    if len(rows) < 3 or not cols:
        return None
    note = (f"bảng chép từ PDF mỗi dòng một hàng, dưới hàng mã cột «{lines[0].strip()}»: đã dựng lại {len(cols)} cột, "
            f"{len(rows)} dòng; tên cột ghép từ các dòng tiêu đề bị cắt, hãy kiểm tra")
    return _line_grid(cols, rows, note), used + 1


HEAD_LINE = re.compile(r"^(?:(?:STT|TT|Số TT)\s+)?(?:Chỉ tiêu|Nội dung|Tên chỉ tiêu|Danh mục)\s+\S")


def _paragraph_rows(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines under a header line, and where each stands: a page that set each row apart as a paragraph (blank
    lines under the header) gives its rows with the blank lines dropped, up to a wider gap (five blank lines) — else
    the lines as they are."""
    if len(lines) < 3 or lines[1].strip():
        return lines[1:], list(range(1, len(lines)))
    body: list[str] = []
    index: list[int] = []
    gap = 0
    for i, ln in enumerate(lines[1:], 1):
        if not ln.strip():
            gap += 1
            if gap >= 5 and body:
                break
            continue
        gap = 0
        body.append(ln)
        index.append(i)
    return body, index


def _after_heading(first: str) -> str:
    """A header line's column names: what follows the rows' heading and its words in lower case ('TT Nội dung đánh
    giá Điểm chuẩn' → 'Điểm chuẩn')."""
    m = HEAD_LINE.match(first)
    words = first[m.end() - 1:].split() if m else first.split()
    while words and words[0][:1].islower():
        words.pop(0)
    return " ".join(words)


def header_rows_grid(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """'STT Chỉ tiêu Đơn vị tính Kế hoạch Thực hiện' on one line, then a row a line with no numbering row between:
    a PDF table without ruling; a capital starts each column's name."""
    first = lines[0].strip() if lines else ""
    if not HEAD_LINE.match(first) or first.endswith((".", ":", ";")) or len(first.split()) > 14 \
            or re.search(r"(?i)\bsố\s+\d+/", first):  # a sentence, or one citing a document: not a header
        return None
    if len(lines) > 1 and _line_codes(lines[1]):
        return None  # the column codes under it: the numbering-row reader takes the header and its rows
    body, index = _paragraph_rows(lines)
    rows, used = _line_rows(body, _has_units(lines[:1]))
    end = index[used - 1] + 1 if used else 1
    lines = [lines[0], *body]
    cols = _head_columns([_after_heading(first)], 99)
    unit_col = re.search(r"\bChỉ tiêu\b", first) and any(fold(c) == "don vi" for c in cols)
    if unit_col:  # 'Chỉ tiêu Đơn vị Kết quả': 'Đơn vị' is each row's unit, not asked
        cols = [c for c in cols if fold(c) != "don vi"]
    numbered = sum(bool(r[0]) for r in rows)
    if re.match(r"(?:STT|TT|Số TT)\s", first):  # a numbers column: a dashed line is a row under a numbered one
        numbered = sum(bool(r[0]) or bool(DASHED.match(ln)) for r, ln in zip(rows, lines[1:used + 1], strict=False))
    filled = sum(bool(re.search(r"\s[\d.,]+$", ln.strip())) for ln in lines[1:used + 1])
    names = len(cols) >= (1 if unit_col else 2) and all(_text(c) and len(c.split()) <= 6 for c in cols)
    if len(rows) < 3 or max(numbered, filled) * 2 < len(rows) or not names or len(cols) > 12:
        return None
    note = (f"bảng chép từ PDF mỗi dòng một hàng (từ «{lines[0].strip()[:40]}»): đã dựng lại {len(cols)} cột, "
            f"{len(rows)} dòng; tên cột tách theo chữ hoa, hãy kiểm tra")
    return _line_grid(cols, rows, note), end


RUN_HEAD = re.compile(r"(?<!\S)(?P<no>STT|TT|Số TT)\s+(?P<lab>Chỉ tiêu|Nội dung|Tên chỉ tiêu)(?=\s)")
RUN_ROW = re.compile(r"\s(?=(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s+(\w))")


RUN_TAIL = re.compile(r"\s(?=(?:Người lập|NGƯỜI LẬP|Ghi chú\s*:|GHI CHÚ\s*:|Thủ trưởng|THỦ TRƯỞNG|Xác nhận|"
                      r"XÁC NHẬN|Nơi nhận|TM\.\s)|(?:\S+,\s*)?ngày\s+\S+\s+tháng)")


def _row_pieces(text: str) -> list[str]:
    """Cut at each row number followed by a capital ('1.1 Số hộ', 'II BẠO LỰC'); '2 thế hệ' stays whole."""
    cuts = [m.start() for m in RUN_ROW.finditer(text) if m.group(1)[:1].isupper()]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=False)]


RUN_LABEL_HEAD = re.compile(r"(?<!\S)(?P<lab>Tên chỉ tiêu|Chỉ tiêu|Nội dung)(?=\s)")
RUN_CODES = re.compile(r"(?<!\S)(?:[A-E]\s+){1,4}(?:\d{1,2}\s+){0,12}\d{1,2}(?!\S)")  # 'A B C 1 2'
DITTO_CUT = re.compile(r"(?<=\s)[\"“”〃](?=\s+[A-ZĐ])")  # a ditto mark closes its row; a capital opens the next


def _coded_run_head(line: str) -> tuple[re.Match, int, int] | None:
    """A row-label heading with no numbers column ('Tên chỉ tiêu Mã số Đơn vị tính') whose column codes ('A B C 1')
    follow within a few words: the codes say it is a table's header, not a sentence saying 'nội dung'. Returns the
    heading and where the codes begin and end."""
    for m in RUN_LABEL_HEAD.finditer(line):
        codes = RUN_CODES.search(line, m.end(), m.end() + 120)
        if not codes or len(line[m.end():codes.start()].split()) > 12:
            continue
        tokens = codes.group(0).split()
        n = _numbering(tokens, 0)
        if n >= 2:
            end = codes.start()
            for t in tokens[:n]:
                end = line.index(t, end) + len(t)
            return m, codes.start(), end
    from dialogs.importer.table_shapes2 import bare_codes_head

    return bare_codes_head(line)  # no row-label heading: the codes alone anchor the header (table_shapes2.py)


def _name_words(text: str) -> list[str]:
    names: list[str] = []
    for w in text.split():
        if w[:1].isupper() or not names:
            names.append(w)
        else:
            names[-1] += f" {w}"
    return names


def _second_line(names: list[str], words: list[str]) -> None:
    """The header's second line run in after a metadata name, a word for each name before it ('Kế hoạch Thực hiện
    So với năm trước Mã số năm năm (%)'): each word ends its name ('Kế hoạch năm', …, 'So với năm trước (%)')."""
    named = [i for i, x in enumerate(names[:-1]) if not METADATA.match(fold(x))]
    if len(words) == len(named) >= 2 and all(w[:1].islower() or w.startswith("(") for w in words):
        for i, w in zip(named, words, strict=True):
            names[i] = f"{names[i]} {w}"


def _coded_run_names(before: str, head: str) -> tuple[str, list[str]]:
    """The header's names between the heading and the codes; a column name printed before the heading ('Tháng báo'
    — a tall cell's text a PDF copy wrote first) is taken from the text before, and a word in lower case left after a
    metadata name ('Đơn vị tính cáo') ends it. Returns the text before the table and the names."""
    names = _name_words(head)
    words = before.split()
    span = next((n for n in range(1, 5) if len(words) > n and words[-n][:1].isupper() and words[-n][1:].islower()
                 and all(w.islower() for w in words[len(words) - n + 1:])), 0)
    first = " ".join(words[len(words) - span:]) if span else ""
    out: list[str] = []
    for n in names:
        meta = re.match(r"(?i)(đơn vị tính|mã số|đvt)\s+(\S.*)$", n)
        if meta and meta.group(2)[:1].islower():
            out.append(meta.group(1))
            first = f"{first} {meta.group(2)}" if first else first
            if not first:
                _second_line(out, meta.group(2).split())
        else:
            out.append(n)
    if first:
        before = " ".join(words[:len(words) - span])
        out.append(first)
    return before, out


def _row_cells(piece: str, units: bool = False) -> list[str]:
    """A row's piece as cells: its number, its label (and its unit, when the header has a unit column: 'Triệu đồng'
    after the label), then its code, figures and ditto marks a cell each."""
    p = piece.strip()
    m = re.match(r"^(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3})[.)]?(?=\s)", p)
    no, rest = (m.group(0), p[m.end():].strip()) if m else ("", p)
    words = rest.split()
    k = len(words)
    while k > 1 and (DITTO.match(words[k - 1]) or _is_figure(words[k - 1])):
        k -= 1
    label, unit = _unit_split(" ".join(words[:k])) if units else (" ".join(words[:k]), "")
    return ([no] if no else []) + [label, *([unit] if unit else []), *words[k:]]


PART_HEADING = re.compile(r"(?<!\S)(?:[A-EĐ]|[IVX]{1,4})\.\s+[A-ZĐÀ-Ỹ]{2,}(?:\s+[A-ZĐÀ-Ỹ]{2,}){0,6}$")


def _coded_run(line: str) -> tuple[str, list[str]] | None:
    """A table run into one line with no numbers column: 'Tên chỉ tiêu Mã số Đơn vị tính A B C 1 01 I. Hoạt động …
    Triệu đồng 1. Lương thực 02 " Trong đó: bán lẻ " 2. …' → (the text before it, its cells a line); rows cut at their
    numbers and after a ditto mark."""
    got = _coded_run_head(line)
    if not got:
        return None
    m, start, end = got
    tail = RUN_TAIL.search(line, end)
    cut = tail.start() if tail else len(line)
    body = DITTO_CUT.sub(lambda x: f"{x.group(0)} \u2029", line[end:cut])
    lead = re.match(r"^\s*((?:\d{1,3}\s+)*)", body)  # the first row's code before its number
    pieces = [q for p in body[lead.end():].split("\u2029") for q in _row_pieces(" " + p) if q.strip()]
    if len(pieces) < 5:
        return None
    before, names = _coded_run_names(line[:m.start()].strip(), line[m.end():start])
    cells = [m.group("lab") or "Chỉ tiêu", *names, *line[start:end].split(), *lead.group(1).split()]
    units = _has_units(names)
    for p in pieces:
        cells += _row_cells(p, units)
    heading = PART_HEADING.search(before)  # 'B. SỐ LIỆU' right before the table: its section's heading, a line
    if heading:
        before, cells = before[:heading.start()].strip(), [before[heading.start():].strip(), *cells]
    return before, cells + ([line[cut:].strip()] if tail else [])


def split_run_line(line: str) -> tuple[str, list[str]] | None:
    """A table run into one line → (the text before it, its cells a line): the header's names (a capital starts one)
    then each row's number, label and unit."""
    m = RUN_HEAD.search(line)
    if len(line) < 200:
        return None
    if not m:
        return _coded_run(line)
    tail = RUN_TAIL.search(line, m.end())  # the signatures or a note after the table
    cut = tail.start() if tail else len(line)
    pieces = _row_pieces(" " + line[m.end():cut])
    if len(pieces) < 6:
        return None
    names = _name_words(pieces[0])
    cells = [m.group("no"), m.group("lab"), *names]
    units = any(fold(n).startswith(("dvt", "don vi")) for n in names)
    for p in pieces[1:]:
        no, _, rest = p.strip().partition(" ")
        words = rest.split()
        cells.append(no)
        if units and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) <= 10 \
                and not _caps_heading(rest) and not rest.isupper():  # 'I CÂU LẠC BỘ': a group row, no unit
            cells += [" ".join(words[:-1]), words[-1]]
        else:
            cells.append(rest)
    return line[:m.start()].strip(), cells + ([line[cut:].strip()] if tail else [])


def _fragment(cell: str) -> bool:
    """A piece of a header cell a PDF copy put on its own line ('Chia theo th', 'ời', 'Con', 'trong'): short, no
    field (':'), no sentence, no outline number, no signature."""
    return 0 < len(cell.split()) <= 6 and ":" not in cell and not cell.endswith((".", ";", "?")) \
        and not OUTLINE_NO.match(cell) and not _ended(cell) and not ROW_HEAD.match(fold(cell))


def coded_cells_start(run: list[str], k: int, span: int = 150, whole: bool = False) -> int | None:
    """Where the column-code cells ('A' / '1' / '2' … a line each) close a header of fragments that begins at
    run[k]; None when a line that is no header fragment comes first."""
    if not _fragment(run[k].strip()) or COLUMN_CODE.match(run[k].strip()):
        return None
    for j in range(k + 1, min(len(run), k + span)):
        s = run[j].strip()
        if not s:
            continue
        if COLUMN_CODE.match(s):
            cells = [c.strip() for c in run[j:j + 40] if c.strip()]
            n = _numbering(cells, 0)
            return j if n and sum(c.strip("()").isdigit() for c in cells[:n]) >= 3 else None
        if not _fragment(" ".join(s.split()[:6])) or len(s.split()) > (12 if whole else 8):
            return None  # (under a sub-table's heading, a whole name: 'Tuổi kết hôn trung bình lần đầu (Tuổi)')
    return None


def _header_names(fragments: list[str]) -> list[str]:
    """Column names from a header's fragments: a fragment in lower case (or closing a parenthesis) goes on the name
    above ('Con' / 'trong' / 'giá' / 'thú'), and so does a figure after a word in lower case ('Từ 0 đến dưới' /
    '6 tuổi'), and a unit in parentheses ('(người)'); a capital starts a name."""
    names: list[str] = []
    for f in fragments:
        ends_low = bool(names) and names[-1].split()[-1][:1].islower()
        unit = re.fullmatch(r"\([^()]{1,20}\)?", f) is not None and len(f.split()) <= 3  # '(người)', '(Lượt': a unit
        if names and (f[:1].islower() or f[:1].isdigit() and ends_low or names[-1].count("(") > names[-1].count(")")
                      or unit):
            names[-1] += f" {f}"
        else:
            names.append(f)
    return names


def _cut_word(cells: list[str], i: int) -> bool:
    """cells[i] is a lone capital a PDF copy cut from the rest of its word ('CẤP' / 'T' / 'ỈNH'): the label before
    is in capitals and the piece after is capitals too."""
    return 0 < i < len(cells) - 1 and len(cells[i]) == 1 and cells[i].isupper() and cells[i - 1].isupper() \
        and len(cells[i - 1].split()) >= 2 and cells[i + 1].isalpha() and cells[i + 1].isupper() \
        and len(cells[i + 1]) <= 6


def _glue_caps(cells: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(cells):
        if _cut_word(cells, i):
            out[-1] = f"{out[-1]} {cells[i]}{cells[i + 1]}"
            i += 2
            continue
        out.append(cells[i])
        i += 1
    return out


def _glued_before(cells: list[str], used: int) -> int:
    """How many cells of the original list the first ``used`` glued cells stand for."""
    i = j = 0
    while j < used and i < len(cells):
        i += 2 if _cut_word(cells, i) else 1
        j += 1
    return i - used


def coded_cell_grid(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    """A header with no row-label heading, its names broken into fragments a line each, closed by the column codes
    a line each ('A' / '1' … '14'), then the rows (a label, maybe a number in front, figures or none) to the
    signatures: the header names the columns, as many as the codes have figures, the leaves read last. A sub-table
    of the same Biểu ('III. KẾT HÔN' over a header and codes of its own) ends the rows; read from its heading, the
    heading is its one row when no row follows its codes. Returns the grid and how many lines it used."""
    caption = _sub_caption(run[k].strip())
    h = next((i for i in range(k + 1, min(len(run), k + 4)) if run[i].strip()), k) if caption else k
    c = coded_cells_start(run, h, whole=caption is not None)
    if c is None:
        return None
    cells, index = _split_cells(run[c:c + 1500])
    if not _numbering(cells, 0):  # the codes copied a blank line apart: blank lines are no empty cells here
        kept = [(x, i) for x, i in zip(cells, index, strict=True) if x]
        cells, index = [x for x, _ in kept], [i for _, i in kept]
    n = _numbering(cells, 0)
    figures = sum(x.strip("()").isdigit() for x in cells[:n])
    names = [x for x in _header_names([s.strip() for s in run[h:c] if s.strip()])
             if not group_only(x) and not METADATA.match(fold(x).strip(" :"))
             and not ROW_HEAD.match(fold(x))]
    body = _glue_caps(cells[n:])
    cut = _next_sub_table(body)
    rows, used = _body(body[:cut], units=False, numbers=False)
    used += len(cells) - n - len(body) if used >= len(body) else _glued_before(cells[n:], used)
    rows = rows or ([list(caption)] if caption else [["", "…"]] if figures >= 4 and _blank_to_end(body) else [])
    alone = caption or cut < len(body) or rows == [["", "…"]]  # (a sub-table after the rows; a header only)
    if len(names) < figures or len(rows) < (1 if alone else 2):
        return None
    cols, groups = leaf_columns(names, figures)
    note = (f"bảng chép từ PDF mỗi ô một dòng, tiêu đề không có cột «STT/Chỉ tiêu» (từ «{names[0][:30]}», hàng mã cột "
            f"«{' '.join(cells[:n])[:30]}»): đã dựng lại {len(cols)} cột, {len(rows)} dòng; tiêu đề nhiều tầng không "
            "còn phân biệt được, hãy kiểm tra tên và thứ tự cột")
    end = index[n + used] if n + used < len(index) else len(run) - c
    grid = _grid(["TT", "Chỉ tiêu", *cols], [r[:2] for r in rows], note)
    if any(groups):
        two_level(grid, groups)
    return grid, c - k + end


def _blank_to_end(body: list[str]) -> bool:
    """Only empty cells after the column codes, then the signatures ('Người lập biểu'): a header whose rows the unit
    adds."""
    first = next((x for x in body if x.strip()), "")
    return bool(first) and _ended(first)


def _sub_caption(cell: str) -> tuple[str, str] | None:
    """'III. KẾT HÔN': a numbered heading in capitals (a few words) that may head a sub-table — (number, name)."""
    m = OUTLINE_NO.match(cell)
    rest = cell[m.end() - 1:].strip() if m else ""
    if not m or not _caps_heading(f"{rest} X Y") or len(rest.split()) > 8:
        return None
    return cell[:m.end() - 1].strip(" .)"), rest[:1] + rest[1:].lower()


ROMAN_HEADING = re.compile(r"^[IVX]{1,4}\.\s*[^\W\d_]")


def _next_sub_table(body: list[str]) -> int:
    """Where a sub-table begins among the rows: a heading in capitals ('III. KẾT HÔN') over header fragments closed by
    column codes of their own; the end of the rows otherwise."""
    for p in range(1, len(body)):
        if not COLUMN_CODE.match(body[p]) or _numbering([x for x in body[p:p + 40] if x], 0) < 3:
            continue
        h = p
        while h > 0 and (not body[h - 1] or _fragment(" ".join(body[h - 1].split()[:6]))
                         and len(body[h - 1].split()) <= 12):  # (a header's name may be longer than a fragment)
            h -= 1
        if h > 0 and h < p and (_sub_caption(body[h - 1]) or ROMAN_HEADING.match(body[h - 1])
                                and len(body[h - 1].split()) <= 9):
            return h - 1  # ('II. Phân loại TNLĐ' over its own header: a part of the Biểu in any case)
    return len(body)


BY_GROUP = re.compile(r"^(?:theo|chia theo|phan theo|phan loai theo)\s+\w")  # 'Theo giới tính' over 'Nam', 'Nữ'


def leaf_columns(names: list[str], figures: int) -> tuple[list[str], list[str]]:
    """The columns to fill (as many as the column codes have figures) from a header copied row by row: 'Tổng số',
    'Theo giới tính', 'Theo thời điểm đăng ký', 'Đăng ký lại' (the top row), then 'Nam', 'Nữ', 'Đúng hạn', 'Quá
    hạn' (the row under the groups). When the names beyond the figures are the group heads ('Theo …', 'Chia theo
    …'), the rows are told apart by the count — the groups share the second row evenly, two leaves or more each, the
    top row as long as it can be — and the leaves come in the table's order with their group; else the last names."""
    for drop in (0, 1):  # (the first name may head the label column: 'SỰ KIỆN HỘ TỊCH')
        top = names[drop:]
        heads = [i for i, x in enumerate(top) if BY_GROUP.match(fold(x))]
        if not heads or len(top) - len(heads) != figures:
            continue
        for t in range(len(top) - 2, heads[-1], -1):
            below = top[t:]
            per = len(below) // len(heads)
            if len(below) % len(heads) or per < 2:
                continue
            cols: list[str] = []
            groups: list[str] = []
            parts = iter(below[j:j + per] for j in range(0, len(below), per))
            for i, x in enumerate(top[:t]):
                leaves = next(parts) if i in heads else [x]
                cols += leaves
                groups += [x if i in heads else ""] * len(leaves)
            return cols, groups
    return names[-figures:], [""] * figures


def two_level(grid: FlatGrid, groups: list[str]) -> None:
    """The header as two rows: each group merged over its leaves, a column without group over both rows (as do
    'TT' and 'Chỉ tiêu'); the body moves one row down."""
    head = grid.cells[0]
    top, low = [], []
    first = 0
    for c, (t, _) in enumerate(head):
        g = groups[c - 2] if c >= 2 and c - 2 < len(groups) else ""
        first = c if not g or c == 2 or groups[c - 3] != g else first
        top.append((g or t, (0, first if g else c)))
        low.append((t, (1, c)) if g else (t, (0, c)))
    body = [[(t, (r + 2, c)) for c, (t, _) in enumerate(row)] for r, row in enumerate(grid.cells[1:])]
    grid.cells = [top, low, *body]


def _shape_row(line: str) -> tuple[str, str, int] | None:
    """A row a line with its figures ('An Bình 120 115 95,8'): (its number, its label, how many figures); None for a
    field ('Diện tích: 120'), a sentence or a range in the label."""
    s = line.strip()
    m = ROW_LINE.match(s)
    if not m or ":" in m.group("label") or len(m.group("label").split()) > 14 or s.endswith((".", ";")) \
            or re.search(r"\d\s*[-–]\s*\d", m.group("figures")):
        return None
    return m.group("no") or "", _clean_label(m.group("label")), len(m.group("figures").split())


def shape_rows_grid(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """A header line of column names with no row-label heading ('Tên xã Kế hoạch Thực hiện Tỷ lệ (%)'), then three
    rows or more of one shape: a label and as many figures as the header names columns after the label's. The
    repetition of the shape says table; a capital starts each name. Returns the grid and how many lines it used."""
    first = lines[0].strip() if lines else ""
    if not first or first.endswith((".", ":", ";", "?", ",")) or len(first.split()) > 14 or _shape_row(first) \
            or OUTLINE_NO.match(first) or ":" in first:
        return None
    rows: list[tuple[str, str, int]] = []
    for ln in lines[1:]:
        got = _shape_row(ln)
        if not got or rows and got[2] != rows[0][2]:
            break
        rows.append(got)
    if len(rows) < 3:
        return None
    width = rows[0][2]
    names = [n for n in _name_words(first) if not METADATA.match(fold(n))]
    if len(names) not in (width, width + 1) or any(len(n.split()) > 6 for n in names) or width + 1 < 2:
        return None
    note = (f"bảng chép mỗi dòng một hàng, không có cột «STT/Chỉ tiêu» (từ «{first[:40]}»): đã dựng lại {width} cột, "
            f"{len(rows)} dòng theo hình dạng lặp lại của các dòng (tên và {width} số); tên cột tách theo chữ hoa, "
            "hãy kiểm tra")
    return _grid(["TT", "Chỉ tiêu", *names[-width:]], [[no, label] for no, label, _ in rows], note), len(rows) + 1


def _value_cell(cell: str) -> bool:
    return _is_figure(cell) or bool(DITTO.match(cell))


def _name_cell(cell: str) -> bool:
    return _text(cell) and len(cell.split()) <= 8 and ":" not in cell and not cell.endswith((".", ";", "?")) \
        and not OUTLINE_NO.match(cell) and not _ended(cell)


def shape_cells_grid(lines: list[str]) -> tuple[FlatGrid, int] | None:
    """Cells a line with no row-label heading and no column codes: the header's names, then rows each a label and
    the same number of figures (or ditto marks) — two at least; the first row's label is the last name before the
    first figure, and the header names as many columns as the rows have figures (or one more: the labels' heading).
    The repetition of the shape says table. Returns the grid and how many lines it used."""
    if not lines or not _name_cell(lines[0].strip()):
        return None
    first = next((i for i, ln in enumerate(lines[:14]) if _value_cell(ln.strip())), None)
    if first is None or first < 3:
        return None
    cells, index = _split_cells(lines[:600])
    t = next(i for i, c in enumerate(cells) if _value_cell(c))
    if t < 3 or not all(_name_cell(c) for c in cells[:t]):
        return None
    head, k = cells[:t - 1], t - 1
    width = next((j for j in range(k + 1, len(cells)) if not _value_cell(cells[j])), len(cells)) - k - 1
    rows: list[list[str]] = []
    while k + width < len(cells) and _name_cell(cells[k]) and all(map(_value_cell, cells[k + 1:k + 1 + width])) \
            and (k + 1 + width >= len(cells) or not _value_cell(cells[k + 1 + width])):
        m = INLINE_NUMBER.match(cells[k])
        rows.append([m.group(0).strip(" -–+•.)") if m else "", _clean_label(cells[k])])
        k += 1 + width
    if width < 2 or len(rows) < 3 or len(head) not in (width, width + 1):
        return None
    note = (f"bảng chép mỗi ô một dòng, không có cột «STT/Chỉ tiêu» (từ «{head[0][:30]}»): đã dựng lại {width} cột, "
            f"{len(rows)} dòng theo hình dạng lặp lại của các dòng (tên và {width} số); hãy kiểm tra tên cột")
    end = index[k] if k < len(index) else len(lines)
    return _grid(["TT", "Chỉ tiêu", *head[-width:]], rows, note), end
