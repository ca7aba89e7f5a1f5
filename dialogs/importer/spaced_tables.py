"""Filled tables flattened into text with their figures, rebuilt as Biểu, or named among the unsure points.

A web page or a PDF without ruling gives a statistics table as lines of text:
- a row a line, cells separated by spaces: a header line 'Chỉ tiêu ĐV tính 2021 2022 2023' (the rows' heading, a unit
  column, the columns' names) over rows 'Số trạm y tế trạm 14 14 15' (a label, its unit, as many figures as columns);
- the same with a two-level header: 'Tỉnh 2020 2022' over 'Diện tích Sản lượng Diện tích Sản lượng' (each group's
  names repeated) over rows 'Đắk Lắk 210,000 560,000 212,000 580,000';
- a cell a line (an HTML table whose '|' lines were taken out): the header's names, a row of units '(ha)', then
  rows of a label (perhaps a year) and as many figures as names;
- a list's header 'Stt Họ tên Quan hệ Giới …' (perhaps over a line or two more of its names) over rows numbered
  1, 2, 3 … left blank: a list Biểu whose rows the unit writes.
The figures are what one unit wrote, never labels: the Biểu keeps the structure (columns from the header, rows from
the labels, each row's unit). A table seen but not rebuilt — rows of a label and figures, a cell run of figures — is
never lost silently and never read as questions with figures in their prompt: it is one unsure point naming the line
it starts on and its first header words."""

from __future__ import annotations

import re

from dialogs.text import fold

FIG = re.compile(r"^[-+]?\d[\d.,]*%?$|^[-–—]$")  # '210,000', '96.5', '412204.00', '23,92', '-'
YEAR = re.compile(r"^(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$")
GROUP_TOKEN = re.compile(r"^(?:(?:19|20)\d{2}|[IVX]{1,4})$")  # a group named by its year (or quarter numeral)
UNIT_HEAD = re.compile(r"(?i)\s*\b(?:đơn vị tính|đv tính|đvt|đơn vị)\s*$")
ROW_HEAD = re.compile(
    r"^(?:s?tt|so tt|chi tieu|noi dung|danh muc|tieu chi|hang muc|chi so|nam|ky|thang|quy|tinh|huyen|xa|don vi|"
    r"khu vuc|vung|dia ban|loai|nganh|linh vuc|nhom|doi tuong|truong|co so|co quan|phuong|thon|xom|ban|to|ten [\w ]+)\b"
)
MARK = re.compile(r"^(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+|^[-–+•]\s+")
UNIT_CELL = re.compile(r"^\((?P<u>[^()]{1,20})\)$")  # '(ha)', '(kg/ha/năm)': a column's unit in a row of units
PERIOD_HEAD = re.compile(r"^(?:nam|nam hoc|ky|quy|thang|giai doan|thoi gian|nien do)\b")
NUMBERED = re.compile(r"^(?P<no>\d{1,3})\.?$")


def _fig(tok: str) -> bool:
    return bool(FIG.match(tok))


def _letters(s: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2}", s))


def figure_tail(line: str) -> tuple[str, list[str]]:
    """A line's words before its trailing figures, and the figures ('Số bác sĩ người 20 22 25' → 'Số bác sĩ người',
    ['20', '22', '25'])."""
    toks = line.split()
    n = 0
    while n < len(toks) and _fig(toks[len(toks) - 1 - n]):
        n += 1
    return " ".join(toks[: len(toks) - n]), toks[len(toks) - n :]


def figure_row(line: str, least: int = 2) -> bool:
    """A table's row run into a line: a label (a name, not a sentence, not a field 'X: …') then ``least`` figures or
    more. Such a line is never a question: its figures are what one unit wrote."""
    label, figs = figure_tail(line.strip())
    label = MARK.sub("", label)
    if re.search(r"(?:19|20)\d\d\s*[-–—]\s*(?:(?:19|20)?\d\d)?$", line.strip()) and len(figs) <= 3:
        return False  # 'năm học 2021 - 2022', 'nhiệm kỳ 2016 -2021': a period, no figures
    return (
        sum(not re.fullmatch(r"[-–—]", f) for f in figs) >= least
        and _letters(label)
        and len(label.split()) <= 16
        and not label.endswith((":", ".", ";", "?", "…"))
        and not re.search(r"[.…_]{3,}", label)
        and not re.search(r"(?i)\b(?:ngày|tháng|năm|năm học|nhiệm kỳ|giai đoạn|học kỳ|khóa|khoá|số điện thoại|điện thoại|"
                          r"fax|sđt|mã số thuế|thông tư|nghị định|quyết định|số)$", label)
    )


# --------------------------------------------------------------------------- a row a line, spaced cells


def _names(text: str) -> list[str]:
    """'Kế hoạch Thực hiện Tỷ lệ' → the names a capital (or a year, a '%') starts."""
    out: list[str] = []
    for w in text.split():
        if w[:1].isupper() or _fig(w) or w[:1] in "%(" or not out:
            out.append(w)
        else:
            out[-1] += f" {w}"
    return out


def _head_parts(line: str) -> tuple[str, bool, list[str]] | None:
    """A header line: (the rows' heading, a unit column?, the columns' tokens after them) or None. The columns are the
    trailing years ('2021 2022 2023') or, after a unit heading, the names a capital starts."""
    s = line.strip()
    if not s or s.endswith((".", ";", "?", ":")) or len(s.split()) > 24 or "|" in s \
            or re.match(r"(?i)^(?:stt|tt|số tt)\b", s) or re.search(r"(?i)\bmã số\b", s):
        return None  # ('STT Chỉ tiêu Đơn vị tính Mã số …' over numbered rows: the statistics form's own readers)
    label, years = figure_tail(s)
    if len(years) >= 2 and all(YEAR.match(y) or GROUP_TOKEN.match(y) for y in years):
        unit = bool(UNIT_HEAD.search(label))
        head = UNIT_HEAD.sub("", label).strip(" ,")
        return (head, unit, years) if head and _letters(head) and len(head.split()) <= 5 else None
    m = re.search(r"(?i)\b(?:đơn vị tính|đv tính|đvt)\b", s)
    if not m or _fig(s.split()[0]):
        return None
    head, cols = s[: m.start()].strip(" ,"), _names(s[m.end() :])
    if not head or not ROW_HEAD.match(fold(head)) or len(cols) < 2 or any(len(c.split()) > 6 for c in cols):
        return None
    return head, True, cols


def _named_groups(run: list[str], k: int) -> tuple[str, bool, list[str]] | None:
    """A two-level header's first line whose groups are names ('Xã Năm trước Năm nay' over 'Nam Nữ Nam Nữ'): the rows'
    heading and the groups, when the line under it repeats its names once a group."""
    s = run[k].strip()
    nxt = run[k + 1].strip() if k + 1 < len(run) else ""
    if not nxt or re.search(r"[.,;:?|]", s) or any(_fig(w) for w in s.split()) or len(s.split()) > 16:
        return None
    names = _names(s)
    if len(names) < 3 or not ROW_HEAD.match(fold(names[0])) or any(len(n.split()) > 4 for n in names):
        return None
    groups = names[1:]
    for per in range(1, 6):
        if _split_names(nxt, len(groups), per * len(groups)):
            return names[0], False, groups
    return None


def _split_names(line: str, groups: int, width: int) -> list[str] | None:
    """The leaf names of a two-level header, ``width`` of them, the same ``width // groups`` names repeated under each
    group ('Diện tích Sản lượng Diện tích Sản lượng')."""
    toks = line.split()
    if groups < 2 or width % groups or len(toks) % groups or any(_fig(t) for t in toks):
        return None
    per = len(toks) // groups
    part = toks[:per]
    if any(toks[g * per : (g + 1) * per] != part for g in range(groups)):
        return None
    names = _names(" ".join(part))
    return names * groups if len(names) == width // groups else None


def _row(line: str, unit: bool, width: int) -> tuple[str, str, str] | None:
    """A row under the header: (its number, its label, its unit) when it has one to ``width`` figures."""
    s = line.strip()
    if not figure_row(s) and not (unit and figure_row(s, 1)):
        return None
    label, figs = figure_tail(s)
    if len(figs) > width:
        return None
    m = MARK.match(label)
    no = m.group(0).strip(" .)-–+•") if m else ""
    label = label[m.end() :] if m else label
    u = ""
    if unit:
        cut = label.rsplit(" ", 1)
        if len(cut) < 2 or len(cut[1]) > 12:
            return None
        label, u = cut
    return (no, label.strip(" ,:–-"), u) if _letters(label) else None


def spaced_rows_table(run: list[str], k: int):
    """The grid of a table from run[k] whose header line (and for a two-level header, its line of leaf names) is over
    rows of a label and figures, a row a line; (grid, lines used) or None."""
    from dialogs.importer.textgrid import FlatGrid, _grid

    parts = (_head_parts(run[k]) or _named_groups(run, k)) if k < len(run) else None
    if parts is None:
        return None
    head, unit, cols = parts
    j = k + 1
    leaves = None
    if j < len(run) and (all(YEAR.match(c) or GROUP_TOKEN.match(c) for c in cols) or not unit and not _head_parts(run[k])):
        nxt = run[j].strip()
        for per in range(1, 6):
            leaves = _split_names(nxt, len(cols), per * len(cols)) if nxt else None
            if leaves:
                j += 1
                break
    width = len(leaves) if leaves else len(cols)
    rows: list[tuple[str, str, str]] = []
    end = j
    for a in range(j, min(len(run), j + 400)):
        s = run[a].strip()
        if not s:
            continue
        row = _row(s, unit, width)
        if row is None:
            if rows or len(s.split()) > 8 or a - j > 1:
                break
            continue  # the caption a page prints again under the header ('3. GIẢM NGHÈO'): taken in
        rows.append(row)
        end = a + 1
    if len(rows) < 2 or sum(len(figure_tail(run[a].strip())[1]) >= max(2, width - 1) for a in range(j, end)) < 2:
        return None
    what = f"«{run[k].strip()[:50]}»" + (f" / «{run[k + 1].strip()[:40]}»" if leaves else "")
    note = (f"bảng chép mỗi dòng một hàng, các ô cách nhau bằng dấu cách (tiêu đề {what}): đã dựng lại {width} cột, "
            f"{len(rows)} dòng; số liệu đã điền không giữ lại" + ("; các cột là năm: hãy xem có cần giữ các năm "
                                                                   "không hay chỉ một cột kỳ báo cáo"
                                                                   if not leaves and YEAR.match(cols[0]) else ""))
    body = [[no, label] for no, label, _ in rows]
    if leaves:
        grid = _two_level(["TT", head], cols, leaves, body, note)
    else:
        grid = _grid(["TT", head, *cols], body, note)
    if unit:
        grid.units = {1 + (1 if leaves else 0) + i: r[2] for i, r in enumerate(rows) if r[2]}
    assert isinstance(grid, FlatGrid)
    grid.first = run[k].strip()
    return grid, end - k


def _two_level(lead: list[str], groups: list[str], leaves: list[str], body: list[list[str]], note: str):
    """A grid with a header of two rows: the lead cells merged down, each group merged across its leaves."""
    from dialogs.importer.textgrid import FlatGrid

    per = len(leaves) // len(groups)
    top = [(t, (0, c)) for c, t in enumerate(lead)]
    low = [(t, (0, c)) for c, t in enumerate(lead)]
    for g, name in enumerate(groups):
        at = len(lead) + g * per
        top += [(name, (0, at))] * per
        low += [(leaves[g * per + x], (1, at + x)) for x in range(per)]
    width = len(top)
    cells = [top, low]
    for r, row in enumerate(body, start=2):
        row = row + [""] * (width - len(row))
        cells.append([(t, (r, c)) for c, t in enumerate(row)])
    return FlatGrid(cells=cells, merged_known=True, note=note)



# --------------------------------------------------------------------------- a cell a line


def _name_cell(s: str) -> bool:
    return _letters(s) and not _fig(s) and len(s.split()) <= 8 and not s.endswith((".", ";", "?", ":"))


def _cells_from(run: list[str], k: int, stop: int) -> list[tuple[int, str]]:
    return [(a, run[a].strip()) for a in range(k, min(len(run), stop))]


def cell_figures_table(run: list[str], k: int):
    """A filled table a cell a line: its header's names ('Năm', 'Số trường', 'Số học sinh'), perhaps a row of units
    ('(trường)', '(em)'), then rows each a label — a name or a year — and one figure a column; (grid, lines used)."""
    from dialogs.importer.textgrid import _grid

    cells = [(a, s) for a, s in _cells_from(run, k, k + 1500)]
    if len(cells) > 4 and not cells[1][1] and not cells[3][1] and cells[2][1]:
        cells = [(a, s) for a, s in cells if s]  # a blank line between the cells: no empty cell, a separator
    if not cells or not _name_cell(cells[0][1]) or YEAR.match(cells[0][1]):
        return None
    p = 0
    names: list[str] = []
    while p < len(cells) and cells[p][1] and _name_cell(cells[p][1]) and not UNIT_CELL.match(cells[p][1]):
        names.append(cells[p][1])
        p += 1
    n = len(names) - 1
    if n < 2 or n > 20:
        return None
    units: list[str] = []
    while p < len(cells) and (UNIT_CELL.match(cells[p][1]) or not cells[p][1] and units):
        if cells[p][1]:
            units.append(UNIT_CELL.match(cells[p][1]).group("u"))
        p += 1
    if units and len(units) not in (n, n + 1):
        return None
    rows: list[str] = []
    end = p
    while p < len(cells):
        if not cells[p][1]:
            p += 1
            continue
        label, figs = cells[p][1], [c for _, c in cells[p + 1 : p + 1 + n]]
        after = cells[p + 1 + n][1] if p + 1 + n < len(cells) else ""
        if not (_name_cell(label) or YEAR.match(label)) or len(figs) < n or not all(_fig(f) for f in figs) \
                or _fig(after) and not YEAR.match(after) or YEAR.match(label) and any(YEAR.match(f) for f in figs):
            break  # (a row's figures end where the next row's label stands)
        rows.append(label)
        p += n + 1
        end = p
    if len(rows) < 2 or YEAR.match(rows[0]) and not PERIOD_HEAD.match(fold(names[0])):
        return None  # rows of years under a heading that is no period's ('Porverty rate'): a header cut in two
    used = cells[end - 1][0] + 1 - k
    cols = [f"{c} ({u})" for c, u in zip(names[1:], units[-n:], strict=False)] if units else names[1:]
    note = (f"bảng HTML chép mỗi ô một dòng (từ «{names[0][:30]}»): đã dựng lại {n} cột, {len(rows)} dòng; số liệu "
            "đã điền không giữ lại, hãy kiểm tra tên cột")
    grid = _grid(["TT", names[0], *cols], [["", r] for r in rows], note)
    grid.first = names[0]
    return grid, used


# --------------------------------------------------------------------------- a list's header over numbered rows


LIST_HEAD = re.compile(r"^(?:STT|Stt|TT|Số TT)\s+(?=[A-ZĐÀ-Ỹ])")


LEGEND = re.compile(r"^(?P<name>[^\d:;.]{2,40}?)?\s*\d{1,2}\s*\.\s*\S[^:]*?\s\d{1,2}\s*\.\s*\S")  # 'Giới tính 1. Nam 2. Nữ'


def numbered_list_table(run: list[str], k: int):
    """'Stt Họ tên Quan hệ Giới Ngày tháng …' (perhaps over a line or two more of its names, which a PDF may have
    mixed) then rows numbered 1, 2, 3 … and nothing else: a list Biểu whose rows the unit writes; (grid, used)."""
    from dialogs.importer.named_bieu import _header_grid

    first = run[k].strip() if k < len(run) else ""
    m = LIST_HEAD.match(first)
    if not m or first.endswith((".", ";", "?", ":")) or any(_fig(w) for w in first.split()):
        return None
    cols = _names(first[m.end() :])
    j = k + 1
    mixed = False
    while j < len(run) and j <= k + 3 and run[j].strip() and not NUMBERED.match(run[j].strip()):
        s = run[j].strip()
        if len(s.split()) > 20 or any(_fig(w) for w in s.split()) or s.endswith((".", ";", "?")):
            return None
        if s[:1].isupper() and all(w[:1].isupper() for w in s.split()[:1]):
            cols += _names(s)
        else:
            mixed = True  # 'với chủ hộ tính năm sinh …': the names' second lines, mixed across the columns
        j += 1
    numbers = 0
    while j < len(run) and (not run[j].strip() or NUMBERED.match(run[j].strip())):
        s = run[j].strip()
        if s:
            if int(NUMBERED.match(s).group("no")) != numbers + 1:
                break
            numbers += 1
        j += 1
    if numbers < 3 or len(cols) < 2 or any(len(c.split()) > 5 for c in cols):
        return None
    legends: list[str] = []
    while j < len(run) and LEGEND.match(run[j].strip()):
        if not re.match(r"^\d{1,2}\.", run[j].strip()):
            legends.append(LEGEND.match(run[j].strip()).group("name"))
        j += 1  # 'Giới tính 1. Nam 2. Nữ' under the list: the codes its columns are written in
    note = (f"bảng danh sách dưới hàng tiêu đề «{first[:50]}», các dòng đánh số 1…{numbers} để trống: đã dựng lại "
            f"Biểu danh sách {len(cols)} cột, các dòng do đơn vị thêm"
            + ("; tiêu đề cột bị trộn giữa các dòng khi chép, hãy sửa tên cột cho đủ" if mixed else "")
            + (f"; các cột ghi theo mã ({', '.join(legends)}): hãy đặt các lựa chọn cho từng cột" if legends else ""))
    grid = _header_grid(cols, [], -1, note)
    grid.first = first
    return grid, j - k



# --------------------------------------------------------------------------- seen, not rebuilt

AT_LINE = "{dòng}"  # replaced by the line of the document the table starts on (build.py, ``at_lines``)


def _measured(s: str) -> bool:
    """A figure that is a measure, not a scale's mark or a list's number: a separator or three digits."""
    return bool(FIG.match(s)) and (bool(re.search(r"\d[.,]\d", s)) or len(re.sub(r"\D", "", s)) >= 3)


def _flag(first: str, what: str):
    from dialogs.importer.textgrid import FlatGrid

    note = (f"có một bảng ở dòng {AT_LINE} (từ «{first[:50]}»): {what}, không dựng lại được thành Biểu — số liệu "
            "không thành câu hỏi; hãy nhập biểu bằng tay hoặc nhập tệp .docx gốc")
    return FlatGrid(cells=[[(first, (0, 0))]], merged_known=True, note=note, first=first)


def _header_above(seq: list, a: int) -> int:
    """The header line over rows at ``a`` (a short line of names or years, no figure of a row): its index, else a."""
    b = a - 1
    while b >= 0 and isinstance(seq[b], str) and not seq[b].strip():
        b -= 1
    s = seq[b].strip() if b >= 0 and isinstance(seq[b], str) else ""
    if not s or s.endswith((".", ";", "?", ":")) or len(s.split()) > 24 or figure_row(s) or MARK.match(s):
        return a
    years = sum(bool(YEAR.match(w)) for w in s.split())
    capitals = sum(w[:1].isupper() for w in s.split())
    return b if years >= 2 or capitals >= 4 and not re.search(r"[,;]", s) else a


def _figure_rows_at(seq: list, a: int) -> int:
    """Where a run of rows a line (a label and two figures or more) from ``a`` ends; ``a`` when fewer than two, unless
    the one row stands under a header line ('Chỉ tiêu ĐV tính 2022 2023')."""
    b = a
    rows = 0
    while b < len(seq) and isinstance(seq[b], str) and (not seq[b].strip() or figure_row(seq[b])):
        rows += bool(seq[b].strip())
        b += 1
    top = _header_above(seq, a)
    return b if rows >= 2 or rows == 1 and top < a and _head_parts(seq[top]) is not None else a


def _cell_run_at(seq: list, a: int) -> int:
    """Where a run of short lines from ``a`` holding a table a cell a line (eight measured figures, four of them
    side by side with another figure) ends; ``a`` when it holds none."""
    b = a
    while b < len(seq) and isinstance(seq[b], str) and (not seq[b].strip() or len(seq[b].split()) <= 8
                                                        and not seq[b].strip().endswith((".", ";", "?"))):
        b += 1
    cells = [s.strip() for s in seq[a:b] if s.strip()]
    measured = sum(_measured(c) for c in cells)
    paired = sum(_measured(x) and _fig(y) for x, y in zip(cells, cells[1:], strict=False))
    return b if measured >= 8 and paired >= 4 else a


def _cells_head(seq: list, a: int, end: int) -> int:
    """The first of the (at most eight) names over a run of cells' first figure: where the table begins."""
    f = next(b for b in range(a, end) if isinstance(seq[b], str) and _fig(seq[b].strip()))
    names = [b for b in range(a, f) if seq[b].strip()]
    return names[-8:][0] if names else f


SIGN_ROLES = re.compile(r"(?i)^(?:\d{1,3}\s+)?(?:(?:kế toán(?: trưởng)?|người (?:lập(?: biểu)?|duyệt|kiểm tra|ký)|giám đốc|"
                        r"thủ trưởng(?: đơn vị)?|trưởng phòng)\s*)+$")  # 'Kế toán Người duyệt': the signatures


def _repeated(s: str) -> bool:
    """A header line naming the same columns under each group ('VNĐ’000 DKK VNĐ’000 DKK', '31/12/2025 31/12/2026'
    is no repeat; '30/6/20XX 30/6/20XX' is): two copies or more of the same words, no sentence."""
    toks = s.split()
    if len(toks) < 2 or s.endswith((".", ";", "?", ":")) or len(toks) > 16:
        return False
    for per in range(1, len(toks) // 2 + 1):
        if len(toks) % per == 0 and toks == toks[:per] * (len(toks) // per):
            return len(toks) >= 4 or bool(re.search(r"[\d/’']", toks[0]))
    return False


def _repeated_head_at(seq: list, a: int) -> int:
    """Where a table opened at ``a`` by repeated header lines ends: at the signatures under it ('Kế toán Người
    duyệt'), the body being short lines with no figure, or at the end of such lines; ``a`` when no repeat opens."""
    from dialogs.importer.grids import _ended

    nxt = next((x.strip() for x in seq[a + 1 : a + 3] if isinstance(x, str) and x.strip()), "")
    if not _repeated(seq[a].strip()) and not (seq[a].strip() == nxt and 2 <= len(nxt.split()) <= 8
                                              and re.search(r"\d{1,2}/\d{1,2}/", nxt)):
        return a  # (a group's name with its date on two lines alike: 'Năm kết thúc 31/12/20XX' twice)
    b = a + 1
    while b < len(seq) and b - a < 60 and isinstance(seq[b], str):
        t = seq[b].strip()
        if t and (_ended(t) or _ended(re.sub(r"^\d{1,3}\s+", "", t)) or SIGN_ROLES.match(t) or len(t.split()) > 32
                  or t.endswith((".", "?", ";")) or parse_marker_text(t) or figure_row(t)):
            break
        b += 1
    return b if b - a >= 3 else a


def unbuilt_figure_tables(seq: list) -> list:
    """Each table of figures left as lines once the readers are done — rows a line with a label and figures, or a
    run of cells a line with figures — becomes one unsure point (a one-cell grid carrying the reason) in place of
    its lines: a table is never lost silently, and its figures never end up in a question's prompt."""
    out: list = []
    a = 0
    while a < len(seq):
        s = seq[a]
        if not isinstance(s, str) or not s.strip():
            out.append(s)
            a += 1
            continue
        if SIGN_ROLES.match(s.strip()) and out and not isinstance(out[-1], str):
            a += 1  # the signatures under a table ('66 Người lập Người kiểm tra'): no ask
            continue
        end = _figure_rows_at(seq, a)
        if end > a:
            top = _header_above(seq, a)
            if top < a and len(out) >= a - top:
                del out[len(out) - (a - top):]
            out.append(_flag(seq[top].strip(), "các hàng có số liệu chép mỗi hàng một dòng"))
            a = end
            continue
        end = _repeated_head_at(seq, a)
        if end > a:
            prev = out[-1].strip() if out and isinstance(out[-1], str) else ""
            if prev and len(prev.split()) <= 6 and not parse_marker_text(prev) and not re.search(r"[.:;?,…]", prev) \
                    and not _repeated(prev):
                s = out.pop()  # the groups' names over the repeated ones ('Quý này Lũy kế'): the header's first line
            out.append(_flag(s.strip(), "tiêu đề hai tầng lặp lại tên cột, các dòng dưới không tách được ô"))
            a = end
            continue
        end = _cell_run_at(seq, a) if not parse_marker_text(s) else a
        if end > a:
            top = _cells_head(seq, a, end)
            out.extend(seq[a:top])  # the lines before the header's names (a page's heading) stay lines
            out.append(_flag(seq[top].strip(), "bảng chép mỗi ô một dòng có số liệu"))
            a = end
            continue
        out.append(s)
        a += 1
    return out


def parse_marker_text(s: str) -> bool:
    from dialogs.importer.structure import parse_marker

    return parse_marker(s.strip()) is not None


def at_lines(note: str, first: str, lines: list[str]) -> str:
    """The note with the line the table starts on (the first line holding ``first``, counted from 1)."""
    if AT_LINE not in note:
        return note
    key = " ".join(first.split())[:40]
    at = next((i for i, ln in enumerate(lines, 1) if key and key in " ".join(ln.split())), None)
    return note.replace(f"ở dòng {AT_LINE} ", f"ở dòng {at} " if at else "").replace(AT_LINE, str(at or ""))


# --------------------------------------------------------------------------- HTML rows 'a | b | c | |'

VIETNAMESE = re.compile(r"[à-ỹđĐÀ-Ỹ]")


def _vi_only(text: str) -> str:
    """'Tiểu học - Primary school' → 'Tiểu học': a yearbook's English after a dash is no part of the label."""
    parts = re.split(r"\s+[-–]\s+", text.strip())
    if len(parts) > 1 and VIETNAMESE.search(parts[0]) and not any(VIETNAMESE.search(p) for p in parts[1:]) \
            and any(re.search(r"[A-Za-z]{3}", p) for p in parts[1:]):
        return parts[0].strip()
    return text.strip()


def _pipe_row(line: str) -> list[str] | None:
    s = line.strip()
    if "|" not in s or not (s.startswith("|") or s.endswith("|")):
        return None
    cells = [c.strip() for c in s.strip("|").split("|")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _figure_cell(c: str) -> bool:
    return bool(FIG.match(c.replace(" ", "").replace("\u00a0", ""))) if c else False


def pipe_figure_rows(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """An HTML table copied a row a line with its cells between '|' ('Toàn tỉnh | 120 | 122 | 125 | |'), its header's
    periods on a row of their own ('| 2021 | 2022 | 2023 | |') and its unit on another ('| Trạm | |'): the table as
    tab-separated rows, the unit in a column 'Đơn vị tính' (its English after a dash dropped), and the index after it;
    None for any other shape. A row of one cell among the rows heads a group."""
    j = i
    rows: list[list[str]] = []
    while j < len(lines) and (cells := _pipe_row(lines[j])) is not None:
        rows.append(cells)
        j += 1
    data = [r for r in rows if len(r) >= 3 and _letters(r[0]) and all(_figure_cell(c) for c in r[1:])]
    if len(data) < 2:
        return None
    width = max(set(len(r) for r in data), key=[len(r) for r in data].count) - 1
    first = rows.index(data[0])
    periods = next((r for r in reversed(rows[:first]) if len(r) == width and all(
        re.search(r"(?:19|20)\d{2}", c) for c in r)), None)
    if periods is None:
        return None
    unit = next((r[0] for r in reversed(rows[:first]) if len(r) == 1 and len(_vi_only(r[0]).split()) <= 3
                 and not re.search(r"\d", r[0])), "")
    unit = _vi_only(unit)
    lead = ["Chỉ tiêu", "Đơn vị tính"] if unit else ["Chỉ tiêu"]  # each row's unit, as a statistics Biểu writes it
    out = ["\t".join([*lead, *(_vi_only(p) for p in periods)])]
    for r in rows[first:]:
        if r in data and len(r) - 1 <= width:
            out.append("\t".join([_vi_only(r[0]), *([unit] if unit else []), *([""] * width)]))
        elif len(r) == 1 and _letters(r[0]):
            out.append("\t".join([_vi_only(r[0]), *([""] * (width + len(lead) - 1))]))  # a group's heading row
            unit = "%" if unit and "%" in r[0] else unit  # ('Chỉ số phát triển … - %': the rows under it in %)
    return out, j


TITLE_WORD = re.compile(r"(?i)^(?:báo cáo|đề cương|phiếu|biểu|kế hoạch|danh sách|bảng|mẫu|tờ khai|quyết định|thông báo)\b")


def _filled_row(s: str, width: int) -> bool:
    """A filled list's row under its header line: as many words as names at least, no sentence, no field, no
    heading."""
    return (bool(s) and len(s.split()) >= width and len(s.split()) <= 4 * width and not re.search(r"[:;?!…]", s)
            and not s.endswith(".") and not parse_marker_text(s) and not s.isupper())


def names_line_table(run: list[str], k: int):
    """A table's header line alone, no row-number heading, no row under it ('Kỳ Năm Chỉ số cũ Chỉ số mới Tiêu thụ
    Giá bán …' at the end of the text or over the next numbered heading): six names or more a capital starts, each of
    four words at most, two of them of several words (a title in capitals or in title case, a sentence: none). A list
    Biểu whose rows the unit writes; (grid, lines used) or None."""
    from dialogs.importer.named_bieu import _header_grid

    s = run[k].strip() if k < len(run) else ""
    if not s or re.search(r"[.,;:?!…_()|]", s) or s.isupper() or TITLE_WORD.match(s) or parse_marker_text(s) \
            or any(_fig(w) for w in s.split()) or re.match(r"(?i)^(?:stt|tt|số tt|số thứ tự)\b", s) \
            or re.search(r"(?i)\b(?:mã số|đơn vị tính|chỉ tiêu)\b", s):
        return None  # (a row-number heading, a statistics form's header: the readers of their own shapes)
    cols = _names(s)
    if len(cols) < 6 or any(len(c.split()) > 4 for c in cols) or sum(len(c.split()) > 1 for c in cols) < 2:
        return None
    j = k + 1
    filled = 0
    while j < len(run) and _filled_row(run[j].strip(), len(cols)):
        filled += 1  # a list already filled ('Nguyễn Văn An 1985 Thôn 2 Nông dân'): its rows are one unit's
        j += 1
    if filled == 1:
        return None
    while j < len(run) and not run[j].strip():
        j += 1
    if j < len(run) and not (parse_marker_text(run[j]) and _letters(run[j])):
        return None
    what = f"{filled} dòng đã điền không giữ lại" if filled else "không có dòng nào"
    note = (f"bảng chỉ có hàng tiêu đề viết liền một dòng (từ «{s[:50]}»), {what}: đã dựng lại Biểu danh "
            f"sách {len(cols)} cột, tách tên cột theo chữ hoa đầu tên — hãy kiểm tra tên và thứ tự cột")
    grid = _header_grid(cols, [], -1, note)
    grid.first = s
    return grid, j - k


def spaced_table(run: list[str], k: int):
    """The first of the readers in this module that rebuilds a table from run[k]: (grid, lines used) or None."""
    return (spaced_rows_table(run, k) or cell_figures_table(run, k) or numbered_list_table(run, k)
            or names_line_table(run, k))
