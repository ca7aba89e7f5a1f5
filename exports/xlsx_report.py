"""The consolidated report as .xlsx: a summary sheet, one sheet per Biểu in its layout with the total row,
every unit's figures with change columns, one sheet per list, and completeness.

Written with openpyxl in write-only mode (streamed, so 5.000 units fit in memory and in seconds). Frozen
headers, widths, number formats ("#,##0" → 1.234 and "0.0%" → 12,5% in a Vietnamese locale), filters.
Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is neutralised.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dialogs.answers import format_scalar, numeric
from dialogs.outline import NUMERIC_TYPES
from exports.consolidate import Consolidation, Item, ListSummary, TableSummary
from exports.phrases import clean

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
INT_FMT = "#,##0"
DEC_FMT = "#,##0.##"
PCT_FMT = "0.0%"


def safe_text(value: Any) -> str:
    """Text for a cell: XML-safe, and never run as a formula (a leading apostrophe makes it plain text)."""
    s = clean(value)
    if s.startswith(FORMULA_START):
        return "'" + s
    return s


class _Sheet:
    def __init__(self, wb: Workbook, title: str, widths: list[float], freeze: str | None = "A2"):
        self.ws = wb.create_sheet(title=_sheet_title(title, wb))
        for i, w in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = w
        if freeze:
            self.ws.freeze_panes = freeze
        self.rows = 0
        self.ncols = len(widths)
        self._templates: dict[tuple[int, str | None, bool], WriteOnlyCell] = {}

    def cell(self, value: Any, fmt: str | None = None, *, bold: bool = False, head: bool = False) -> WriteOnlyCell:
        if isinstance(value, str):
            value = safe_text(value)
        c = WriteOnlyCell(self.ws, value=value)
        if isinstance(value, str):
            c.data_type = "s"
        if fmt:
            c.number_format = fmt
        if head:
            c.font = HEAD_FONT
            c.fill = HEAD_FILL
            c.alignment = WRAP
        elif bold:
            c.font = HEAD_FONT
        return c

    def fast(self, col: int, value: Any, fmt: str | None, bold: bool = False) -> Any:
        """A styled cell reused across rows (write-only rows are written at append, so this is safe)."""
        if value is None:
            return None
        key = (col, fmt, bold)
        c = self._templates.get(key)
        if c is None:
            c = WriteOnlyCell(self.ws)
            if fmt:
                c.number_format = fmt
            if bold:
                c.font = HEAD_FONT
            self._templates[key] = c
        c.value = value
        return c

    def head(self, values: list[Any]) -> None:
        self.ws.append([self.cell(v, head=True) for v in values])
        self.rows += 1

    def append(self, values: list[Any]) -> None:
        self.ws.append(values)
        self.rows += 1

    def filter(self, header_row: int = 1) -> None:
        if self.rows > header_row:
            self.ws.auto_filter.ref = f"A{header_row}:{get_column_letter(self.ncols)}{self.rows}"


def _sheet_title(title: str, wb: Workbook) -> str:
    bad = '[]:*?/\\'
    t = "".join("-" if ch in bad else ch for ch in title)[:31]
    base, n = t, 2
    while t in wb.sheetnames:
        suffix = f" ({n})"
        t = base[: 31 - len(suffix)] + suffix
        n += 1
    return t


def _num_cell(sh: _Sheet, qtype: str, v: float | None, *, bold: bool = False, col: int | None = None) -> Any:
    """A number with its format; pass ``col`` (the column index) on big sheets to reuse styled cells."""
    if v is None:
        return None
    if qtype == "percent":
        v, fmt = v / 100, PCT_FMT
    elif qtype == "money":
        v, fmt = v / 1_000_000, DEC_FMT  # triệu đồng
    elif qtype == "integer":
        fmt = INT_FMT
    else:
        fmt = DEC_FMT
    if col is not None:
        return sh.fast(col, v, fmt, bold)
    return sh.cell(v, fmt, bold=bold)


def build_xlsx(c: Consolidation) -> bytes:
    wb = Workbook(write_only=True)
    _summary(wb, c)
    for it in c.items:
        if it.kind == "table":
            _table_sheet(wb, c, it)
    _per_unit(wb, c)
    for it in c.items:
        if it.kind == "list":
            _list_sheet(wb, c, it)
    _narratives(wb, c)
    _completeness(wb, c)
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _unit_label(q) -> str:
    if q.type == "money":
        return "triệu đồng"
    return q.unit or ""


def _summary(wb: Workbook, c: Consolidation) -> None:
    prev = c.outline.period.previous_label
    sh = _Sheet(wb, "Tổng hợp", [6, 10, 70, 12, 16, 16, 14, 12], freeze="A4")
    sh.append([sh.cell(f"TỔNG HỢP: {c.outline.title}", bold=True)])
    sh.append([sh.cell(f"Kỳ: {c.period_label} · Phạm vi: {c.scope_name} · Đã nộp {c.completeness.submitted}/"
                       f"{c.completeness.expected} đơn vị")])
    sh.head(["STT", "Mục", "Câu hỏi", "Đơn vị tính", "Tổng", f"Kỳ trước ({prev})", "Thay đổi", "Số đơn vị trả lời"])
    for i, it in enumerate([x for x in c.items if x.kind == "numeric"], 1):
        q = it.ref.question
        s = it.summary
        sh.append([sh.cell(i), sh.cell(it.ref.number), sh.cell(q.prompt), sh.cell(_unit_label(q)),
                   _num_cell(sh, q.type, s.value), _num_cell(sh, q.type, s.prev_value),
                   _num_cell(sh, q.type, s.delta), sh.cell(s.count, INT_FMT)])
    sh.filter(3)


def _table_sheet(wb: Workbook, c: Consolidation, it: Item) -> None:
    s: TableSummary = it.summary
    t = s.table
    name = f"Biểu {t.code}" if t.code else f"Biểu {it.ref.key}"
    widths = [7, 48] + [max(12, min(30, len(col.label) * 0.6)) for col in t.columns]
    groups = [col.group for col in t.columns]
    header_rows = 5 if any(groups) else 4
    sh = _Sheet(wb, name, widths, freeze=f"C{header_rows}")
    sh.append([sh.cell(t.title, bold=True)])
    sh.append([sh.cell(f"Tổng hợp {s.units} đơn vị · {c.period_label} · {c.scope_name}")])
    if any(groups):
        sh.head(["", ""] + [g or "" for g in groups])
    sh.head(["TT", "Nội dung"] + [col.label + (f" ({col.unit})" if col.unit else "") for col in t.columns])
    for r in t.rows:
        cells = s.grid.get(r.key, {})
        bold = r.kind != "data" or r.computed
        row: list[Any] = [sh.cell(r.no or "", bold=bold), sh.cell(("   " * r.level) + r.label, bold=bold)]
        for col in t.columns:
            if col.type in NUMERIC_TYPES:
                row.append(_num_cell(sh, col.type, cells.get(col.key), bold=bold))
            else:
                texts = s.texts.get((r.key, col.key), [])
                row.append(sh.cell("; ".join(f"{u.name}: {x}" for u, x in texts)) if texts else None)
        sh.append(row)
        for u, item in s.items.get(r.key, []):
            sh.append([None, safe_text(f"   • {item.get('label', '')} ({u.name})")]
                      + [_num_cell(sh, col.type, item.get(col.key), col=i) if col.type in NUMERIC_TYPES
                         else (safe_text(item.get(col.key)) if item.get(col.key) not in (None, "") else None)
                         for i, col in enumerate(t.columns)])
    total_rows = [r for r in t.rows if r.kind == "total"]
    if not total_rows:
        # a total row over the Biểu's top-level rows
        top = [r for r in t.rows if r.level == 0]
        row = [sh.cell("", bold=True), sh.cell("Tổng cộng", bold=True)]
        for col in t.columns:
            if col.type in NUMERIC_TYPES and col.type != "percent":
                vals = [s.grid.get(r.key, {}).get(col.key) for r in top]
                vals = [v for v in vals if isinstance(v, int | float)]
                row.append(_num_cell(sh, col.type, sum(vals) if vals else None, bold=True))
            else:
                row.append(None)
        sh.append(row)
    # each unit's own table, below
    if s.per_unit and len(s.per_unit) <= 300:
        sh.append([])
        sh.append([sh.cell("Biểu của từng đơn vị", bold=True)])
        for u, grid in s.per_unit:
            sh.append([sh.cell(u.name, bold=True)])
            for r in t.rows:
                cells = grid.get(r.key, {})
                if not any(v not in (None, "") for v in cells.values()):
                    continue
                sh.append([sh.cell(r.no or ""), sh.cell(r.label)]
                          + [_num_cell(sh, col.type, cells.get(col.key)) if col.type in NUMERIC_TYPES
                             else (sh.cell(cells.get(col.key)) if cells.get(col.key) else None) for col in t.columns])


def _per_unit(wb: Workbook, c: Consolidation) -> None:
    nums = [it for it in c.items if it.kind == "numeric"]
    has_prev = bool(c.previous)
    widths = [10, 36, 24] + ([14, 11] if has_prev else [14]) * len(nums)
    sh = _Sheet(wb, "Từng đơn vị", widths, freeze="D2")
    head = ["Mã", "Đơn vị", "Trực thuộc"]
    for it in nums:
        label = f"{it.ref.number} {it.ref.question.prompt}"[:120]
        head.append(label)
        if has_prev:
            head.append(f"Δ {it.ref.number}")
    sh.head(head)
    for u in c.units:
        cur = c.current.get(u.id, {})
        prv = c.previous.get(u.id, {}) if has_prev else {}
        if not cur and not prv:
            continue
        row: list[Any] = [safe_text(u.code), safe_text(u.name), safe_text(u.parent or "")]
        for i, it in enumerate(nums):
            q = it.ref.question
            v = numeric(q, cur.get(it.ref.key))
            row.append(_num_cell(sh, q.type, v, col=2 * i))
            if has_prev:
                p = numeric(q, prv.get(it.ref.key))
                row.append(_num_cell(sh, q.type, None if v is None or p is None else v - p, col=2 * i + 1))
        sh.append(row)
    sh.filter()


def _list_sheet(wb: Workbook, c: Consolidation, it: Item) -> None:
    s: ListSummary = it.summary
    q = it.ref.question
    fields = q.record_fields
    sh = _Sheet(wb, f"DS {it.ref.number} {q.key}", [6, 34] + [28 for _ in fields])
    sh.head(["STT", "Đơn vị"] + [f.label for f in fields])
    for i, (u, rec) in enumerate(s.rows, 1):
        row: list[Any] = [i, safe_text(u.name)]
        for j, f in enumerate(fields):
            v = rec.get(f.key)
            if v in (None, ""):
                row.append(None)
            elif f.type in ("integer", "decimal", "money", "percent"):
                row.append(_num_cell(sh, f.type, numeric(f, v), col=j))
            else:
                row.append(safe_text(format_scalar(f, v)))
        sh.append(row)
    sh.filter()


def _narratives(wb: Workbook, c: Consolidation) -> None:
    items = [it for it in c.items if it.kind == "narrative" and it.summary.count]
    if not items:
        return
    sh = _Sheet(wb, "Ý kiến", [10, 50, 8, 40, 80])
    sh.head(["Mục", "Câu hỏi", "Số đơn vị", "Đơn vị", "Nội dung"])
    for it in items:
        q = it.ref.question
        for g in it.summary.groups:
            sh.append([sh.cell(it.ref.number), sh.cell(q.prompt), sh.cell(len(g.units), INT_FMT),
                       sh.cell(", ".join(u.name for u in g.units)), sh.cell(g.text)])
        for u, text in it.summary.singles:
            sh.append([sh.cell(it.ref.number), sh.cell(q.prompt), sh.cell(1, INT_FMT), sh.cell(u.name), sh.cell(text)])
    sh.filter()


def _completeness(wb: Workbook, c: Consolidation) -> None:
    comp = c.completeness
    sh = _Sheet(wb, "Tiến độ", [10, 40, 24, 16, 22])
    sh.head(["Mã", "Đơn vị", "Trực thuộc", "Tình trạng", "Thời điểm nộp / số câu"])

    def at(x) -> Any:
        return x.astimezone().replace(tzinfo=None) if x else None

    for u, t in comp.on_time:
        sh.append([sh.cell(u.code), sh.cell(u.name), sh.cell(u.parent or ""), sh.cell("Đúng hạn"),
                   sh.cell(at(t), "dd/mm/yyyy hh:mm")])
    for u, t in comp.late:
        sh.append([sh.cell(u.code), sh.cell(u.name), sh.cell(u.parent or ""), sh.cell("Muộn"),
                   sh.cell(at(t), "dd/mm/yyyy hh:mm")])
    for u, n in comp.draft:
        sh.append([sh.cell(u.code), sh.cell(u.name), sh.cell(u.parent or ""), sh.cell("Đang làm"),
                   sh.cell(f"{n} câu")])
    for u in comp.returned:
        sh.append([sh.cell(u.code), sh.cell(u.name), sh.cell(u.parent or ""), sh.cell("Trả lại để sửa"), None])
    for u in comp.not_started:
        sh.append([sh.cell(u.code), sh.cell(u.name), sh.cell(u.parent or ""), sh.cell("Chưa làm"), None])
    sh.filter()
