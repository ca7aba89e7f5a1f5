"""Word tables → Biểu: header rows flattened into column labels with their group path, row labels with
their group rows, total rows and formula hints as computed, numbering rows dropped."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from dialogs.averages import weighted_rows
from dialogs.figures import counted_rate, rate_row
from dialogs.importer.document import Grid
from dialogs.importer.given_columns import drop_given_columns, points_only
from dialogs.importer.header_units import header_bracket, trailing_unit
from dialogs.importer.keys import KeyMaker
from dialogs.importer.repeated_rows import name_repeated_rows
from dialogs.text import fold

ROWNO_RE = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}(?:[.,]\d{1,2})*\.?|[a-zđ]\)?|[-+*•]|\.{2,}|…)$")
NUMROW_CELL = re.compile(r"^\(?\s*(?:\d{1,2}|[A-D])\s*\)?(?:\s*=\s*\(?\d{1,2}\)?(?:\s*[+\-/x×]\s*\(?\d{1,2}\)?)+)?$")
PLACEHOLDER = re.compile(r"^[.…\s]*$")
GROUP_SEP = " › "
UNIT_COL = re.compile(r"^(?:don vi tinh|dv tinh|dvt)$")
METADATA_COL = re.compile(r"^(?:don vi tinh|dv tinh|dvt|ma so|ma chi tieu)$")


@dataclass
class TableDraft:
    code: str | None
    title: str
    columns: list[dict]
    rows: list[dict]
    notes: list[str] = field(default_factory=list)  # unsure points
    note: str | None = None
    cells: int = 0
    captioned: bool = True  # False: no 'Biểu N …' line above it, the title is the paragraph before the table
    more: list[TableDraft] = field(default_factory=list)  # the next Biểu a catalogue names (named_bieu.py)


def _cell(grid: Grid, r: int, c: int) -> str:
    row = grid.cells[r]
    return row[c][0].strip() if c < len(row) else ""


def _numbering_row(grid: Grid, r: int) -> dict[int, str] | None:
    vals = {c: t.strip() for c, (t, _) in enumerate(grid.cells[r]) if t.strip()}
    if len(vals) >= 3 and all(NUMROW_CELL.match(v) for v in vals.values()):
        return vals
    return None


def _header_count(grid: Grid) -> tuple[int, int | None]:
    """(number of header rows, index of a numbering row or None). No header row when the first row is already a
    numbered data row ('II | CHUYÊN MÔN, NGHIỆP VỤ | | |')."""
    first, second = _cell(grid, 0, 0), _cell(grid, 0, 1)
    rest = [_cell(grid, 0, c) for c in range(2, len(grid.cells[0]))]
    if first and ROWNO_RE.match(first) and second and not any(rest) and len(rest) >= 2:
        return 0, None
    merged_to = 0  # the first column's header cell merged down to this row: the header ends below it at least
    for r in range(len(grid.cells)):
        if _numbering_row(grid, r) is not None and r >= 1:
            return r, r
        if r == 0:
            continue
        first = _cell(grid, r, 0)
        origin_above = grid.cells[r][0][1] == grid.cells[r - 1][0][1] and grid.merged_known
        if origin_above:
            merged_to = r if merged_to == r - 1 else merged_to
            continue
        if first and ROWNO_RE.match(first) or _band(grid, r):  # a band over the width ('A. KHỐI TỈNH') is a row
            return r, None
        if (not first or re.fullmatch(r"[A-ZĐ]", first)) and _cell(grid, r, 1) \
                and not any(_cell(grid, r, c) for c in range(2, len(grid.cells[r]))):  # (a lettered band: 'A | Thu')
            return r, None
    return merged_to + 1, None


def _band(grid: Grid, r: int) -> bool:
    """A row that is one merged cell over the whole width, with a name in it."""
    row = grid.cells[r]
    return grid.merged_known and len(row) >= 3 and len({o for _, o in row}) == 1 and bool(row[0][0].strip())


def _text_fill(grid: Grid, h: int) -> list[list[str]]:
    """Header texts with spans guessed for tab-separated tables (an empty cell continues the one on its left
    when the row below has text under it)."""
    rows = [[_cell(grid, r, c) for c in range(len(grid.cells[r]))] for r in range(h)]
    if grid.merged_known:
        return rows
    for r in range(h):
        for c in range(1, len(rows[r])):
            if not rows[r][c] and r + 1 < h and c < len(rows[r + 1]) and rows[r + 1][c] and rows[r][c - 1]:
                below_left = rows[r + 1][c - 1] if c - 1 < len(rows[r + 1]) else ""
                if below_left:
                    rows[r][c] = rows[r][c - 1]
    return rows


def _col_type(label: str) -> str:
    f = fold(label)
    if re.search(r"ghi chu|don vi tinh|\bdvt\b|trich yeu|\bten\b|noi dung|so hieu|ky hieu|vi tri|phuong an"
                 r"|ghi cu the|hinh thuc|ly do|nhan xet|y kien|ket luan|mo ta|dia chi|chuc vu|^chi tieu$"
                 r"|kiem chung|minh chung|^tai lieu\b|dia diem", f):
        return "text"
    if re.search(r"\bngay\b|thoi gian|thoi han", f) and "so " not in f[:3]:
        return "date"
    if re.search(r"ty le|ty trong|%", f):
        return "percent"
    if re.search(r"kinh phi|so tien|trieu dong|ty dong|du toan", f):
        return "money"
    return "integer"


def _row_level(no: str) -> int | None:
    if not no:
        return None
    if re.fullmatch(r"[IVX]+\.?", no):
        return 0
    if re.fullmatch(r"[A-ZĐ]\.?", no):  # 'A. KHỐI TỈNH' over 'I', '1' …
        return -1
    if re.fullmatch(r"\d+\.?", no):
        return 1
    if re.fullmatch(r"\d+[.,]\d+\.?", no) or re.fullmatch(r"[a-zđ]\)?", no):
        return 2
    if no in ("-", "+", "*", "•"):
        return 3
    return None


def _is_total(label: str, no: str) -> bool:
    f = fold(label).strip(" :.")
    return bool(
        f in ("tong", "tong so", "tong cong", "cong", "tong so chung", "toan tinh", "tong chung")
        or re.match(r"^tong cong\b", f)
        or re.search(r"\b[ivx]+\s*\+\s*[ivx]+\b", f)
        or re.fullmatch(r"[IVX]+\s*\+\s*[IVX]+", no.strip())
    )


def build_table(grid: Grid, code: str | None, title: str, keys: KeyMaker) -> TableDraft | None:
    if not grid.cells or len(grid.cells[0]) < 2:
        return None
    if len(grid.cells) < 2 and not _header_only(grid.cells[0]):
        return None
    h, numrow = _header_count(grid)
    header = _text_fill(grid, h)
    width = max(len(r) for r in grid.cells)
    headerless = h == 0
    no_col = 0 if headerless or fold(header[0][0] if header and header[0] else "") in TT_WORDS else None
    label_col = 1 if no_col == 0 else 0
    # 'Danh sách cán bộ tham gia:' names the table; '… như sau:' / '… dưới đây:' only leads to it
    draft = TableDraft(code, re.sub(r"\s+(?:như sau|sau đây|dưới đây)$", "", title.strip().rstrip(" :")), [], [])
    body = [r for r in range(h, len(grid.cells)) if r != numrow]
    data_rows, label_col = _data_rows(grid, header, body, (no_col, label_col), keys, draft)
    register = any(r.get("open") for r in data_rows) and all(
        r.get("open") or r.get("level", 0) == 0 for r in data_rows)
    first_col = label_col if register else label_col + 1
    seen_origin: set[tuple[int, int]] = set()
    ckeys = keys.scope()
    numbers: dict[str, str] = {}
    where: dict[str, int] = {}  # column key → its grid column
    for c in range(first_col, width):
        path: list[str] = []
        for r in range(h):
            t = header[r][c] if c < len(header[r]) else ""
            if t and (not path or path[-1] != t):
                path.append(t)
        origin = grid.cells[0][c][1] if grid.merged_known else (0, c)
        if not path:
            if not headerless and (origin in seen_origin or not any(_cell(grid, r, c) for r in body)):
                continue
            path = [f"Cột {c + 1}"]
            if not headerless:
                draft.notes.append(f"cột {c + 1} không có tiêu đề")
        seen_origin.add(origin)
        col = _new_column(path, ckeys)
        if numrow is not None:
            numbers[col["key"]] = _cell(grid, numrow, c)
        draft.columns.append(col)
        where[col["key"]] = c
    if headerless:
        draft.notes.append("biểu không có hàng tiêu đề: các cột tạm đặt «Cột N», hãy ghi tên cột")
    _column_kinds(draft, numbers)
    if not draft.columns:
        return None
    draft.rows = data_rows
    if not register:
        _given_columns(draft, grid, body, where, label_col)
    _finish_rows(draft)
    if not draft.rows:
        return None
    name_repeated_rows(draft.rows)  # ('Thẩm định …' under two parents: each with its parent's name)
    _measure_rows(draft)
    if not draft.title and not code:  # no caption, no paragraph naming it: its columns say what it holds
        draft.title = f"Biểu ({', '.join(c['label'] for c in draft.columns[:3])}{', …' * (len(draft.columns) > 3)})"
    draft.cells = sum(1 for r in draft.rows) * len(draft.columns)
    return draft


def _new_column(path: list[str], ckeys: KeyMaker) -> dict:
    """A column from its header path: its name, its group, its kind; a bracket under the name ('(m3/ngày đêm)',
    '(Bền vững/…)') or after it ('Diện tích (ha)') gives its unit, kind or choices (header_units.py)."""
    path, said = header_bracket(path)
    label = path[-1]
    col = {"key": ckeys.make(label), "label": label}
    if len(path) > 1:
        col["group"] = GROUP_SEP.join(path[:-1])
    typ = _col_type(label)
    if not said and typ in ("integer", "date", "money"):  # 'Công suất (m3/ngày đêm)': a measure, never a date
        said = trailing_unit(label, _col_type(re.sub(r"\s*\([^()]*\)$", "", label)))
    if said and (typ in ("integer", "date") or typ == said["type"]):
        typ = said.pop("type")
    else:
        said = {}
    if typ == "integer" and not said and len(path) > 1:  # 'Kế hoạch' under 'Năng suất (tạ/ha)': the group's kind
        typ, said = _group_kind(path[-2])
    if typ == "integer" and re.search(r"\b(?:binh quan|trung binh)\b|\([^()/]+/[^()/]+\)\s*$", fold(label)) \
            and not re.match(r"(?:so|dan so|tong so)\b", fold(label)):
        typ = "decimal"  # 'Bình quân nhân khẩu/hộ (người/hộ)': an average, 3,5 is typed
    if typ != "integer":
        col["type"] = typ
    col.update(said)
    return col


def _group_kind(group: str) -> tuple[str, dict]:
    """The kind of a plain column under a group header that names a measure: «Diện tích (ha)» → decimal (59,1 is
    typed), «Tỷ lệ (%)» → percent, «Giá trị (tỷ đồng)» → money in tỷ đồng; a count («Số hộ (hộ)») stays integer."""
    name = _col_type(re.sub(r"\s*\([^()]*\)$", "", group))
    said = trailing_unit(group, name) if name in ("integer", "money") else {}
    if said.get("type") == "money":
        return "money", {"unit": said["unit"]}
    if said.get("type") in ("decimal", "percent"):
        return said["type"], {}
    return (name, {}) if name == "percent" else ("integer", {})


def _measure_rows(draft: TableDraft) -> None:
    """An indicator Biểu («Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện») whose rows are measures, rates or amounts per
    head (tạ/ha, %, triệu đồng/người): its plain number columns take decimals (59,1 tạ/ha; 3,5 %)."""
    if not any(r.get("unit") and trailing_unit(f"X ({r['unit']})", "integer") for r in draft.rows):
        return
    for c in draft.columns:
        if c.get("type", "integer") == "integer":
            c["type"] = "decimal"


def _given_columns(draft: TableDraft, grid: Grid, body: list[int], where: dict[str, int], label_col: int) -> None:
    """A column printed filled beside blank ones ('Điểm tối đa' beside 'Điểm tự chấm'): dialogs/importer/given_columns.py."""
    rows = [r for r in body if (lab := _cell(grid, r, label_col)) and not PLACEHOLDER.match(lab)
            and not _is_total(lab, _cell(grid, r, 0))]
    cells = {k: [_cell(grid, r, c) for r in rows] for k, c in where.items() if any(k == col["key"] for col in draft.columns)}
    drop_given_columns(draft, cells, [_cell(grid, r, label_col) for r in rows])


def _column_kinds(draft: TableDraft, numbers: dict[str, str]) -> None:
    """The columns' metadata dropped, yes/no and money columns typed, computed columns read off the numbering row."""
    _drop_metadata(draft)
    _yes_no_columns(draft)
    _money_kin(draft)
    _computed_columns(draft, numbers)


# the same amount at another stage or time as a money column beside it: «Thực hiện 6 tháng» next to «Dự toán năm»
_MONEY_KIN = re.compile(r"^(?:uoc\s+)?(?:thuc hien|luy ke|cung ky|ke hoach|du toan|giai ngan|th|kh|dt|uth|uoc th)\b")


def _money_kin(draft: TableDraft) -> None:
    """A plain number column that is the same amount as a money column beside it (what was done, the plan, last
    year's — «Dự toán năm | Thực hiện 6 tháng») is money too: kept in đồng like it, so a ratio of the two is right."""
    if not any(c.get("type") == "money" for c in draft.columns):
        return
    for c in draft.columns:
        if c.get("type", "integer") in ("integer", "decimal") and not c.get("unit") \
                and _MONEY_KIN.match(fold(c["label"])) and not re.search(r"\b(?:so|nguoi|ho|%)\b|\(", fold(c["label"])):
            c["type"] = "money"


def _drop_metadata(draft: TableDraft) -> None:
    """'Đơn vị tính', 'Mã số': the form's own information, not asked."""
    meta = [c for c in draft.columns if METADATA_COL.match(fold(c["label"]).strip(" :.()")) and not c.get("group")]
    if meta and len(meta) < len(draft.columns):
        draft.columns = [c for c in draft.columns if c not in meta]
        draft.notes.append("cột " + ", ".join(f"«{c['label']}»" for c in meta) + " là thông tin của biểu, không hỏi")


YES_NO = {("co", "khong"), ("dat", "khong dat"), ("dat", "chua dat"), ("co", "chua"), ("da", "chua")}


def _yes_no_columns(draft: TableDraft) -> None:
    """'Có' | 'Không' (or 'Đạt' | 'Chưa đạt') side by side: the two boxes of one yes/no answer a row — one column."""
    cols = draft.columns
    for i in range(len(cols) - 2, -1, -1):
        a, b = cols[i], cols[i + 1]
        pair = (fold(a["label"]).strip(" :."), fold(b["label"]).strip(" :."))
        if pair in YES_NO and a.get("group") == b.get("group"):
            a.update({"label": f"{a['label']}/{b['label'][:1].lower()}{b['label'][1:]}", "type": "yesno"})
            del cols[i + 1]


def _data_rows(grid: Grid, header: list[list[str]], body: list[int], cols: tuple[int | None, int], keys: KeyMaker,
               draft: TableDraft) -> tuple[list[dict], int]:
    """The rows to fill and the column of their names: a list (one open row), a group column merged over named
    rows, or rows named in the names column."""
    no_col, label_col = cols
    listed = _list_from(grid, header, body)
    if listed is not None:  # a list to fill: every column after the numbering one is asked, rows added one by one
        lead = header[0][0] if listed and header and header[0] else ""
        name = lead if lead and fold(lead) not in TT_WORDS else "Danh sách"
        return [{"key": keys.scope().make(name), "label": name, "open": True}], listed
    if _group_column(grid, body, label_col):  # 'Cấp tỉnh' merged down over 'Sở Nội vụ', 'Sở Tư pháp'
        return _grouped_rows(grid, body, label_col, keys), label_col + 1
    return _rows(grid, body, (no_col, label_col, _units(grid, header)), keys, draft), label_col


TT_WORDS = ("tt", "stt", "so tt", "so thu tu")
ORDINAL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.?|[a-zđ][.)]?|[-+*•]|…+|\.{2,})?$")
NOT_A_NAME = re.compile(r"^[\d\s/.,:%-]*$")  # a date, a figure: an example filled in, no row's name


def _group_column(grid: Grid, body: list[int], col: int) -> bool:
    """The names column merged down over several rows, each of which names itself in the next column ('Cấp tỉnh'
    over 'Sở Nội vụ', 'Sở Tư pháp'): the merged cell is a group, the next column the rows' names."""
    if not grid.merged_known or col + 1 >= len(grid.cells[0]) or len(body) < 2:
        return False
    merged = any(grid.cells[a][col][1] == grid.cells[b][col][1] and _cell(grid, a, col)
                 for a, b in zip(body, body[1:], strict=False) if b == a + 1)
    named = [r for r in body if grid.cells[r][col + 1][1] != grid.cells[r][col][1] and _name(_cell(grid, r, col + 1))]
    return merged and len(named) >= 2


def _grouped_rows(grid: Grid, body: list[int], col: int, keys: KeyMaker) -> list[dict]:
    rows: list[dict] = []
    rkeys = keys.scope()
    seen: set[tuple[int, int]] = set()
    for r in body:
        (text, origin), (sub, sub_origin) = grid.cells[r][col], grid.cells[r][col + 1]
        text, sub = text.strip(), sub.strip()
        if sub_origin == origin or not sub:  # one name over both columns ('Tổng cộng')
            if text:
                total = _is_total(text, "")
                rows.append({"key": rkeys.make(text), "label": text,
                             **({"kind": "total", "sum_of": "all"} if total else {"level": 0})})
            continue
        if text and origin not in seen:
            seen.add(origin)
            rows.append({"key": rkeys.make(text), "label": text, "level": 0})
        rows.append({"key": rkeys.make(sub), "label": sub, "level": 1 if text else 0})
    return rows


def _units(grid: Grid, header: list[list[str]]) -> dict[int, str]:
    """The unit of each row ('Hộ', 'Người'), from the 'Đơn vị tính' column or as a flattened table recorded it:
    rows of different units are never summed."""
    found = getattr(grid, "units", None)
    if found:
        return found
    col = next((c for c, t in enumerate(header[-1] if header else []) if UNIT_COL.match(fold(t).strip(" :.()"))), None)
    return {} if col is None else {r: _cell(grid, r, col) for r in range(len(header), len(grid.cells))}


def _header_only(row: list[tuple[str, tuple[int, int]]]) -> bool:
    """One row of short column names ('STT | Họ và tên | Chức vụ | Ghi chú'): a list whose rows the unit adds."""
    texts = [t.strip() for t, _ in row]
    return sum(1 for t in texts if _name(t)) >= 3 and all(len(t.split()) <= 8 for t in texts)


def _name(v: str) -> bool:
    return sum(ch.isalpha() for ch in v) >= 2 and not NOT_A_NAME.match(v) and not ORDINAL.match(v)


def _list_from(grid: Grid, header: list[list[str]], body: list[int]) -> int | None:
    """A list to fill ('Lần | Ngày | Nội dung | Nhận xét', 'STT | Tên văn bản | Ngày ban hành'): a header, then rows
    numbered 1, 2, 3, … (or empty) whose cells name no row — empty, or an example filled in. Returns the first column
    to fill (1 after a numbering column, else 0); None when the rows are named ('1 | Sở Nội vụ | …')."""
    if not header or len(grid.cells[0]) < 2:
        return None
    firsts = [_cell(grid, r, 0) for r in body]
    start = 1 if all(ORDINAL.match(v) for v in firsts) and (any(firsts) or fold(header[0][0]) in TT_WORDS) else 0
    named = [r for r in body if any(_name(_cell(grid, r, c)) for c in (0, 1))]
    if len(named) * 2 >= len(body) and body:
        return None
    return start


def _rows(grid: Grid, body: list[int], cols: tuple[int | None, int, dict[int, str]], keys: KeyMaker,
          draft: TableDraft) -> list[dict]:
    no_col, label_col, unit_col = cols
    rows: list[dict] = []
    rkeys = keys.scope()
    last_level = 0
    for r in body:
        no = _cell(grid, r, no_col) if no_col is not None else ""
        label = _cell(grid, r, label_col)
        if no and no_col is not None and grid.cells[r][no_col][1] == grid.cells[r][label_col][1]:
            m = re.match(r"^([IVX]{1,4}|[A-ZĐ]|\d{1,2})[.)]\s+(\S.*)$", label)  # one cell over both: 'B. KHỐI XÃ'
            no, label = (m.group(1), m.group(2)) if m else ("", label)
        if not label and no and not ROWNO_RE.match(no):
            label, no = no, ""
        if not label or PLACEHOLDER.match(label):
            if rows and (label or no):
                for prev in reversed(rows):
                    if prev.get("kind") != "total":
                        prev["open"] = True
                        break
            continue
        row: dict = {"key": rkeys.make(label), "label": label}
        if unit_col.get(r):
            row["_unit"] = fold(unit_col[r])
            row["_unit_text"] = " ".join(unit_col[r].split())  # the row's unit as written: Row.unit
        if no and not PLACEHOLDER.match(no):
            row["no"] = no
        if _is_total(label, no):
            row["kind"] = "total"
            row["sum_of"] = "all"
        else:
            lvl = _row_level(no.strip())
            level = lvl if lvl is not None else _nested(rows, label, last_level)
            row["level"] = level
            last_level = level
        rows.append(row)
    return rows


def _nested(rows: list[dict], label: str, last_level: float) -> float:
    """An unnumbered 'Trong đó …' / 'Chia ra:' line right under a numbered row is that row's subset or split, one
    level below it (the rows after it follow it down, until the next numbered row): 'Thu bổ sung' / 'Chia ra:' /
    'Bổ sung cân đối' / 'Bổ sung có mục tiêu' / '4 Dự phòng'."""
    above = rows[-1] if rows else None
    f = fold(label)
    if above is not None and "level" in above and _row_level(above.get("no", "").strip()) in (-1, 0, 1, 2) \
            and (SUBSET.match(f) or SPLIT_LABEL.match(f)):
        return above["level"] + 0.5
    return last_level


def _finish_rows(draft: TableDraft) -> None:
    rows = draft.rows
    levels = sorted({r["level"] for r in rows if "level" in r})
    remap = {lv: i for i, lv in enumerate(levels)}
    for r in rows:
        if "level" in r:
            r["level"] = min(remap[r["level"]], 5)
    numeric = any(c.get("type", "integer") in ("integer", "decimal", "percent", "money") and "sum_of" not in c
                  for c in draft.columns)
    for i, r in enumerate(rows):
        if r.get("kind") == "total":
            continue
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        has_kids = nxt is not None and nxt.get("kind") != "total" and nxt.get("level", 0) > r["level"]
        if has_kids:
            r["kind"] = "group"
            if r.get("open"):
                r.pop("open")
            if numeric:
                r["sum_of"] = "children"
            elif not any(c.get("type") == "yesno" for c in draft.columns):  # a checklist's heading is a label only
                r["open"] = True
    if not any(r.get("kind", "data") == "data" and not r.get("sum_of") or r.get("open") for r in rows):
        for r in rows:
            if r.get("kind") == "group":
                r.pop("sum_of", None)
                r["open"] = True
    if not any((r.get("kind", "data") == "data" and not r.get("sum_of")) or r.get("open") for r in rows) \
            and any(r.get("kind") != "total" for r in rows):  # (a total alone is asked: _some_row_to_fill)
        rows[:] = [r for r in rows if r.get("kind") != "total"]
        for r in rows:
            r["kind"] = "data"
            r.pop("sum_of", None)
    _subsets(draft)
    _split_out(draft)
    _total_without_subsets(draft)
    _mixed_units(draft)
    _indicator_groups(draft)
    _percent_rows(draft)
    _some_row_to_fill(rows)
    for r in rows:
        _row_unit(draft, r)
        if r.get("level") == 0:
            r.pop("level")
        if r.get("kind") == "data":
            r.pop("kind")
    _no_sum_over_rates(draft)
    _weighted_rows(draft)


def _weighted_rows(draft: TableDraft) -> None:
    """A row per something whose parts are rows of the Biểu ('Năng suất lúa | tạ/ha' beside 'Diện tích lúa | ha',
    'Sản lượng lúa | tấn') is recomputed from them once summed (dialogs/averages.py), with an unsure point; not
    consolidated when the parts are there but not certain."""
    guesses = weighted_rows(draft.rows)
    if any(c.get("type") == "money" for c in draft.columns):  # kept in đồng: a row's own unit is not its cells' unit
        guesses = {k: {"aggregate": "none"} for k in guesses}
    for r in draft.rows:
        guess = guesses.get(r["key"])
        if guess is None or r.get("aggregate") or r.get("sum_of") or r.get("open"):
            continue
        r.update(guess)
        if guess["aggregate"] == "ratio":
            names = {k["key"]: k["label"] for k in draft.rows}
            draft.notes.append(f"dòng «{r['label']}» tính lại từ «{names[guess['numerator']]}» / "
                               f"«{names[guess['denominator']]}» đã cộng (× {guess['factor']}), không lấy trung bình "
                               "cộng các đơn vị")
        else:
            draft.notes.append(f"dòng «{r['label']}»: biểu có các số làm nên nó nhưng chưa chắc dòng nào hay đơn vị nào, "
                               "để «aggregate: none» (không tổng hợp); ghi «aggregate: ratio» kèm numerator, "
                               "denominator, factor nếu biết")


def _row_unit(draft: TableDraft, r: dict) -> None:
    """The row's unit as written (Row.unit, the «ĐVT» column). A "Tỷ lệ …" row counted in "hộ" contradicts
    itself: which one holds only the author knows, so it is not consolidated ("aggregate: none") until they say."""
    r.pop("_unit", None)
    unit = r.pop("_unit_text", None)
    if not unit or len(unit) > 40 or not re.search(r"[^\W\d_]|[%‰]", unit):
        unit = None
    if r.get("sum_of") and rate_row(r["label"], unit):  # 'Tỷ lệ dân số tham gia BHYT' over '7.1 Số người …'
        r.pop("sum_of")
        r["kind"] = "data"
        draft.notes.append(f"dòng «{r['label']}» là tỷ lệ/bình quân, không phải tổng các dòng dưới: hãy nhập trực tiếp")
    if unit is None:
        return
    r["unit"] = unit
    if counted_rate(r["label"], unit):
        r["aggregate"] = "none"
        if r.pop("sum_of", None):
            r["kind"] = "data"
        draft.notes.append(f"dòng «{r['label']}» ghi tỷ lệ nhưng đơn vị tính «{unit}»: chưa rõ là tỷ lệ hay số đếm, "
                           "để «aggregate: none» (không cộng); sửa đơn vị thành «%» hoặc ghi «aggregate: sum»")


def _no_sum_over_rates(draft: TableDraft) -> None:
    """A row is never computed as the sum of rows that are rates or averages (a count read as per head — «TS bà
    mẹ/trẻ SS …» — or a «Tỷ lệ …» under a heading): it is asked instead, with an unsure point, so the draft never
    needs the checker's salvage."""
    rows = draft.rows
    if points_only(draft.columns):  # a scoring grid: a «Tỷ lệ … trên 80%» criterion is scored in points, added up
        return
    for i, r in enumerate(rows):
        how = r.get("sum_of")
        if not how:
            continue
        if how == "children":
            lvl = r.get("level", 0)
            parts = list(itertools.takewhile(lambda k, lvl=lvl: k.get("level", 0) > lvl, rows[i + 1:]))
        elif how == "all":
            parts = [k for k in rows if k is not r and not k.get("sum_of") and k.get("kind", "data") == "data"]
        else:
            parts = [k for k in rows if k.get("key") in set(how)]
        if any(k.get("aggregate", "") != "sum" and rate_row(k["label"], k.get("unit")) for k in parts):
            r.pop("sum_of")
            if r.get("kind") == "total":
                r.pop("kind")
            draft.notes.append(f"dòng «{r['label']}» không tính bằng tổng: các dòng dưới có tỷ lệ hay số bình quân, "
                               "hãy nhập trực tiếp")


def _indicator_groups(draft: TableDraft) -> None:
    """In a Biểu of indicators (each row with its «ĐVT»), a row over numbered rows is never their computed sum unless
    the Biểu says they are its parts ('Chia ra', 'Phân theo', 'Trong đó' — see _subsets): a heading («I. DÂN SỐ VÀ
    LAO ĐỘNG») over different indicators is a label, an indicator with its own unit («Tổng số hộ | hộ» over «Số hộ
    nghèo», «Số hộ cận nghèo») is asked — the unit knows its total — with an unsure point."""
    rows = draft.rows
    if sum(bool(r.get("_unit")) for r in rows) < 2:
        return
    for i, r in enumerate(rows):
        if not r.get("sum_of") or r.get("kind") == "total":
            continue
        if not r.get("_unit") and not re.match(r"^(?:tong|cong)\b", fold(r["label"])):
            r.pop("sum_of")  # a heading over indicators ('HỘ GIA ĐÌNH' over 'Tổng số hộ', 'Số hộ theo khu vực')
            r["kind"] = "group"
            continue
        if r["sum_of"] != "children":  # its parts named by 'Trong đó', 'Chia ra' (_subsets)
            continue
        lvl = r.get("level", 0)
        kids = list(itertools.takewhile(lambda k, lvl=lvl: k.get("level", 0) > lvl and k.get("kind") != "total",
                                        rows[i + 1:]))
        if any(SPLIT_LABEL.match(fold(k["label"])) or LABEL_ONLY.match(fold(k["label"]).strip()) for k in kids):
            continue
        r.pop("sum_of")
        r["kind"] = "data"
        draft.notes.append(f"dòng «{r['label']}»: các dòng dưới chưa chắc là các bộ phận của nó, hãy nhập trực tiếp")


def _some_row_to_fill(rows: list[dict]) -> None:
    """A Biểu always has a row to fill: when its only rows are a total and group labels ('Tổng số', 'Phân theo
    nhóm ngành' — the unit adds the branches), the total is asked, not computed."""
    if rows and not any(r.get("kind", "data") == "data" and not r.get("sum_of") or r.get("open") for r in rows):
        for r in rows:
            if r.get("kind") == "total" or r.get("sum_of"):
                r["kind"] = "data"
                r.pop("sum_of", None)


SUBSET = re.compile(r"^(?:trong do|trong tong so|trd|tr\.d)\b")
LABEL_ONLY = re.compile(r"^(?:trong do|trong tong so|chia ra|chia ra theo [\w ,]+|phan theo [\w ,]+)\s*:?$")


def _subsets(draft: TableDraft) -> None:
    """A total sums its direct parts only: a 'Trong đó …' row (and the rows after a bare 'Trong đó:') is a subset,
    never a summand; a bare 'Trong đó:' / 'Chia ra:' line is a label, not a row to fill. When no part is left the
    total is asked, with an unsure point."""
    rows = draft.rows
    for r in rows:
        if LABEL_ONLY.match(fold(r["label"]).strip()):
            r["kind"] = "group"
            r.pop("sum_of", None)
            r.pop("open", None)
    for i, r in enumerate(rows):
        if r.get("sum_of") != "children":
            continue
        lvl = r.get("level", 0)
        kids = []
        for k in rows[i + 1:]:
            if k.get("kind") == "total" or k.get("level", 0) <= lvl:
                break
            kids.append(k)
        direct = min((k.get("level", 0) for k in kids), default=lvl + 1)
        parts: list[dict] = []
        subset = under = False  # under: after a bare 'Trong đó:' every sibling is a subset
        labels = 0
        for k in kids:
            if k.get("level", 0) != direct:
                continue
            f = fold(k["label"])
            labels += bool(LABEL_ONLY.match(f.strip()))
            if SUBSET.match(f):
                subset = True
                under = under or bool(LABEL_ONLY.match(f.strip()))
                continue  # 'Trong đó: Số hộ gia đình' is a subset of the row above it, never a summand
            if not under and not LABEL_ONLY.match(f.strip()):
                parts.append(k)
        if sum(bool(SPLIT_LABEL.match(fold(k["label"]))) for k in kids if k.get("level", 0) == direct) > 1:
            _sum_parts(draft, r, [], "được chia theo nhiều cách")  # 'Phân theo giới tính' and 'Phân theo tuổi'
        elif subset or labels or any(SUBSET.match(fold(k["label"])) or SPLIT_LABEL.match(fold(k["label"])) for k in kids):
            _sum_parts(draft, r, parts)  # its direct parts, named: never a subset or a split further down


def _sum_parts(draft: TableDraft, r: dict, parts: list[dict], why: str = "các dòng dưới là «trong đó»") -> None:
    """The row sums the parts left once the 'Trong đó' rows and bare labels ('Chia ra:') are set aside; asked, with
    an unsure point, if none."""
    if parts:
        r["sum_of"] = [k["key"] for k in parts]
        return
    r.pop("sum_of")
    r["kind"] = "data"
    draft.notes.append(f"dòng «{r['label']}»: {why}, không cộng thành tổng được, hãy nhập trực tiếp")


SPLIT_LABEL = re.compile(r"^(?:chia ra|chia theo|phan theo|phan ra)\b")


def _split_out(draft: TableDraft) -> None:
    """'Tổng số cán bộ' then a bare 'Chia ra:' and the rows it splits into ('Nam', 'Nữ'): the total is their sum —
    up to a 'Trong đó' row, a label or a row above them."""
    rows = draft.rows
    for i, r in enumerate(rows[:-2]):
        label = rows[i + 1]
        if (r.get("sum_of") or r.get("kind") == "total" or not re.match(r"^tong so\b", fold(r["label"]))
                or not LABEL_ONLY.match(fold(label["label"]).strip()) or not SPLIT_LABEL.match(fold(label["label"]))):
            continue
        level = rows[i + 2].get("level", 0)
        parts = list(itertools.takewhile(
            lambda k, lv=level: k.get("level", 0) == lv and k.get("kind") != "total" and not k.get("sum_of")
            and not SUBSET.match(fold(k["label"])) and not LABEL_ONLY.match(fold(k["label"]).strip()), rows[i + 2:]))
        if len(parts) >= 2 and level >= label.get("level", 0):
            r["sum_of"] = [k["key"] for k in parts]


def _total_without_subsets(draft: TableDraft) -> None:
    """A 'Tổng số' over every row sums the rows to fill but never a 'Trong đó …' row, nor the rows under a bare
    'Trong đó:' (at its level and below, until a row above it); when nothing is left the total is asked."""
    for r in draft.rows:
        if r.get("kind") != "total" or r.get("sum_of") != "all":
            continue
        parts: list[dict] = []
        subset, under = False, None
        for k in draft.rows:
            f, lvl = fold(k["label"]), k.get("level", 0)
            under = None if under is not None and lvl < under else under
            if k is r or k.get("kind") == "total":
                continue
            if SUBSET.match(f):
                subset = True
                under = lvl if LABEL_ONLY.match(f.strip()) else under
                continue
            if under is None and ((k.get("kind", "data") == "data" and not k.get("sum_of")) or k.get("open")):
                parts.append(k)
        if subset:
            _sum_parts(draft, r, parts)


def _mixed_units(draft: TableDraft) -> None:
    """A row over rows of different units ('HỘ VÀ NHÂN KHẨU' over households and persons) sums nothing: a heading
    is a label only, a row with its own unit is asked — with an unsure point."""
    rows = draft.rows
    for i, r in enumerate(rows):
        if not r.get("sum_of") or r.get("kind") == "total" and r["sum_of"] == "all" and not r.get("_unit"):
            continue
        if isinstance(r["sum_of"], list):
            parts = [k for k in rows if k["key"] in r["sum_of"]]
        else:
            lvl = r.get("level", 0)
            parts = list(itertools.takewhile(lambda k, lvl=lvl: k.get("level", 0) > lvl and k.get("kind") != "total",
                                             rows[i + 1:])) if r["sum_of"] == "children" else rows
        units = {k["_unit"] for k in parts if k.get("_unit")} | ({r["_unit"]} if r.get("_unit") else set())
        if len(units) < 2:
            continue
        r.pop("sum_of")
        if r.get("_unit"):
            r["kind"] = "data"
            draft.notes.append(f"dòng «{r['label']}»: các dòng dưới khác đơn vị tính, không cộng thành tổng, hãy nhập "
                               "trực tiếp")


def _percent(r: dict) -> bool:
    return r.get("_unit") == "%" or bool(re.search(r"\(%\)|^(?:\d+[.)]?\s*)?ty le\b", fold(r["label"])))


def _percent_rows(draft: TableDraft) -> None:
    """A row in % ('Tỷ lệ trẻ 5 tuổi ra lớp', unit '%') is never summed: a row over it is asked, not computed; and
    a 'Tổng số' column is no sum of its parts on that row, so it is asked too — each with an unsure point."""
    rows = draft.rows
    pct = [r for r in rows if _percent(r)] if not points_only(draft.columns) else []
    if not pct:
        return
    for i, r in enumerate(rows):
        if not r.get("sum_of"):
            continue
        if isinstance(r["sum_of"], list):
            parts = [k for k in rows if k["key"] in r["sum_of"]]
        elif r["sum_of"] == "children":
            lvl = r.get("level", 0)
            parts = list(itertools.takewhile(lambda k, lvl=lvl: k.get("level", 0) > lvl and k.get("kind") != "total",
                                             rows[i + 1:]))
        else:
            parts = [k for k in rows if k is not r and k.get("kind", "data") == "data" and not k.get("sum_of")]
        if any(k in pct for k in parts):
            r.pop("sum_of")
            r["kind"] = "data"
            draft.notes.append(f"dòng «{r['label']}»: có dòng tính bằng %, không cộng thành tổng được, hãy nhập trực tiếp")
    summed = [c for c in draft.columns if c.get("sum_of")]
    for c in summed:
        c.pop("sum_of")
    if summed:
        draft.notes.append("cột " + ", ".join(f"«{c['label']}»" for c in summed) + f": dòng «{pct[0]['label']}» tính "
                           "bằng %, không cộng các cột thành tổng được, hãy nhập trực tiếp")


def _numbered_formula(col: dict, expr: str, by_no: dict[str, str]) -> None:
    """A column's formula in the numbering row: '4+13+22' a sum (computed); '(2)/(1)' over a rate column the ratio
    of the two (recomputed when consolidated); anything else ('1+2-3', '2x3') the unit enters, never a sum of part
    of it."""
    expr = re.sub(r"[()\s]", "", expr)
    if re.fullmatch(r"\d{1,2}(?:\+\d{1,2})+", expr):
        srcs = [by_no[p] for p in expr.split("+") if p in by_no and by_no[p] != col["key"]]
        if len(srcs) == expr.count("+") + 1:
            col["sum_of"] = srcs
    elif (m := re.fullmatch(r"(\d{1,2})/(\d{1,2})", expr)) and m[1] in by_no and m[2] in by_no \
            and ("%" in col["label"] or re.search(r"\bty le\b|\bdat\b|\bso sanh\b", fold(col["label"]))
                 and not re.search(r"/|\blan\b|‰", fold(col["label"]))):
        col.update(type="percent", aggregate="ratio", numerator=by_no[m[1]], denominator=by_no[m[2]])


def _computed_columns(draft: TableDraft, numbers: dict[str, str]) -> None:
    """'1=4+13+22' in the numbering row, or 'Tổng số' before a 'Trong đó' group → a computed column."""
    by_no = {re.sub(r"\D", "", v.split("=")[0]): k for k, v in numbers.items() if v}
    for col in draft.columns:
        spec = numbers.get(col["key"], "")
        if "=" in spec:
            _numbered_formula(col, spec.split("=", 1)[1], by_no)
    cols = draft.columns
    for i, col in enumerate(cols):
        if "sum_of" in col or not re.match(r"^tong\b", fold(col["label"])) or i + 1 >= len(cols):
            continue
        path = col.get("group", "")
        grp = cols[i + 1].get("group") or ""
        last = grp.split(GROUP_SEP)[-1]
        # 'Tổng số' then 'Chia ra: …' (its parts, one level below, however deep they go) is computed; 'Trong đó: …'
        # is a subset, never its parts (asked)
        if (grp.rsplit(GROUP_SEP, 1)[0] if GROUP_SEP in grp else "") != path:
            continue
        if re.match(r"^(?:trong do\s*:?\s*)?(?:chia ra|chia theo|phan theo|phan ra)\b", fold(last)):
            members = list(itertools.takewhile(lambda c, g=grp: (c.get("group") or "").startswith(g), cols[i + 1:]))
            deeper = [(c.get("group") or "")[len(grp):] for c in members]
            if len(members) >= 2 and not any(re.search(r"trong do", fold(d)) for d in deeper):
                col["sum_of"] = [c["key"] for c in members]
    for col in cols:
        if "sum_of" in col:
            col.pop("type", None)
    if all("sum_of" in c for c in cols):
        for c in cols:
            c.pop("sum_of")
