"""Writing the questionnaire: one sheet per top-level section, one per Biểu in its own layout, last period's
answers pre-filled and marked, Excel data validation, sheets protected except the answer cells."""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dialogs.answers import (
    expected_form,
    table_grid,
)
from dialogs.outline import NUMERIC_TYPES, Outline, Question, QuestionRef, Table
from exports.template.cells import (
    COMPUTED_FILL,
    EMPTY_ITEM_ROWS,
    EMPTY_LIST_ROWS,
    HEAD_FONT,
    INPUT_FILL,
    LABEL_COLUMN,
    LISTS_SHEET,
    META_SHEET,
    NUM_FORMATS,
    OPEN,
    PREV_FILL,
    TITLE_FONT,
    Item,
    example_for,
    to_cell,
)
from exports.template.sign import write_meta
from exports.xlsx_report import safe_text
from exports.xlsx_style import BOX, HEAD_FILL, WRAP, sheet_title

# --------------------------------------------------------------------------- writing



class _Writer:
    def __init__(self, outline: Outline, answers: dict[str, Any], previous: dict[str, Any] | None):
        self.o = outline
        self.answers = answers
        self.previous = previous or {}
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.used = {META_SHEET.casefold(), LISTS_SHEET.casefold()}
        self.cells: list[list[str]] = []  # [sheet, cell, *path]
        self.lists: Worksheet | None = None
        self.list_refs: dict[tuple[str, ...], str] = {}
        self.dvs: dict[tuple[Any, ...], DataValidation] = {}
        self.note = f"🕘 {outline.period.previous_label}: giữ nguyên nếu không đổi, sửa nếu khác"

    def value(self, key: str) -> tuple[Any, bool]:
        """The value to pre-fill and whether it is last period's."""
        if key in self.answers:
            return self.answers[key], False
        if key in self.previous:
            return self.previous[key], True
        return None, False

    def sheet(self, title: str, widths: list[float]) -> Worksheet:
        ws = self.wb.create_sheet(sheet_title(title, self.used))
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        return ws

    def title(self, ws: Worksheet, text: str) -> None:
        c = ws.cell(1, 1, safe_text(text))
        c.font = TITLE_FONT

    def fixed(self, ws: Worksheet, row: int, col: int, value: Any, *, bold: bool = False,
              fill: PatternFill | None = None, fmt: str | None = None) -> Any:
        c = ws.cell(row, col, safe_text(value) if isinstance(value, str) else value)
        c.alignment = WRAP
        if bold:
            c.font = HEAD_FONT
        if fill is not None:
            c.fill = fill
            c.border = BOX
        if fmt:
            c.number_format = fmt
        return c

    def head(self, ws: Worksheet, row: int, col: int, value: str) -> None:
        self.fixed(ws, row, col, value, bold=True, fill=HEAD_FILL)

    def answer(self, ws: Worksheet, row: int, col: int, item: Item, value: Any, *, prev: bool,
               path: list[str]) -> None:
        shown = to_cell(item, value)
        c = ws.cell(row, col, shown)
        if isinstance(shown, str):
            c.data_type = "s"
        c.protection = OPEN
        c.border = BOX
        c.alignment = WRAP
        c.fill = PREV_FILL if prev and shown is not None else INPUT_FILL
        if item.type in NUM_FORMATS:
            c.number_format = NUM_FORMATS[item.type]
        if prev and shown is not None:
            c.comment = Comment(self.note, "Trợ lý báo cáo")
        self._validate(ws, c, item)
        self.cells.append([ws.title, c.coordinate, *path])

    def _choices(self, item: Item) -> str:
        labels = tuple(o.label for o in getattr(item, "options", None) or [])
        ref = self.list_refs.get(labels)
        if ref is None:
            if self.lists is None:
                self.lists = self.wb.create_sheet(LISTS_SHEET)
                self.lists.sheet_state = "veryHidden"
            col = get_column_letter(len(self.list_refs) + 1)
            for i, lab in enumerate(labels, 1):
                self.lists[f"{col}{i}"] = safe_text(lab)
            ref = f"'{LISTS_SHEET}'!${col}$1:${col}${max(1, len(labels))}"
            self.list_refs[labels] = ref
        return ref

    def _rule(self, item: Item) -> dict[str, Any] | None:
        t, lo, hi = item.type, getattr(item, "min", None), getattr(item, "max", None)
        if t == "integer":
            return {"type": "whole", "operator": "between", "formula1": str(int(lo or 0)),
                    "formula2": str(int(hi if hi is not None else 10**12))}
        if t == "decimal":
            return {"type": "decimal", "operator": "between", "formula1": str(lo if lo is not None else -10**15),
                    "formula2": str(hi if hi is not None else 10**15)}
        if t == "percent":
            # a warning only: "47/96" typed as text is a valid answer too
            return {"type": "decimal", "operator": "between", "formula1": "0", "formula2": "100",
                    "errorStyle": "warning"}
        if t == "money":
            return {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"}
        if t == "date":
            # a warning only: a date typed as text ("19/6/2025" where Excel reads dates otherwise) is still read
            return {"type": "date", "operator": "between", "formula1": "DATE(1990,1,1)",
                    "formula2": "DATE(2100,12,31)", "errorStyle": "warning"}
        if t == "yesno":
            return {"type": "list", "formula1": '"Có,Không"'}
        if t == "choice":
            return {"type": "list", "formula1": self._choices(item)}
        return None

    def _validate(self, ws: Worksheet, cell: Any, item: Item) -> None:
        rule = self._rule(item)
        if rule is None:
            return
        hint = expected_form(item)
        sig = (ws.title, hint, *sorted(rule.items()))
        dv = self.dvs.get(sig)
        if dv is None:
            dv = DataValidation(allow_blank=True, showErrorMessage=True, showInputMessage=True,
                                errorTitle="Giá trị chưa đúng", error=hint[:225], promptTitle="Cách ghi",
                                prompt=hint[:250], **rule)
            ws.add_data_validation(dv)
            self.dvs[sig] = dv
        dv.add(cell)

    def protect(self) -> None:
        for ws in self.wb.worksheets:
            if ws.sheet_state == "visible":
                _fit_rows(ws)
                ws.protection.sheet = True
                ws.protection.formatColumns = False
                ws.protection.formatRows = False
        self.wb.security = WorkbookProtection(lockStructure=True)


def _fit_rows(ws: Worksheet, first: int = 3) -> None:
    """Row heights for wrapped text (spreadsheets do not grow rows on opening a generated file)."""
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    merged = {c for rng in ws.merged_cells.ranges for row in rng.rows for c in row}
    for row in ws.iter_rows(min_row=first):
        if ws.row_dimensions[row[0].row].height is not None:
            continue  # set by the sheet's own layout
        lines = 1
        for c in row:
            if not isinstance(c.value, str) or (c.row, c.column) in merged:
                continue
            per_line = max(4, int((widths.get(c.column_letter) or 10) * 1.15))
            lines = max(lines, sum(-(-max(1, len(part)) // per_line) for part in c.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = min(400, 15 * lines)


def _info_line(unit: Any, period: Any, prev_label: str) -> str:
    return (f"Đơn vị: {unit.name} · Kỳ: {period.label}. Ghi vào các ô có viền; ô màu vàng là số liệu {prev_label} "
            "(giữ nguyên nếu không đổi, sửa nếu khác). Gửi lại tệp này cho bot khi xong.")


def _section_sheet(w: _Writer, title: str, refs: list[tuple[int, QuestionRef]], info: str,
                   table_sheets: dict[str, str]) -> None:
    ws = w.sheet(title, [6, 9, 62, 38, 44, 24, 24, 24, 24])
    w.title(ws, title)
    w.fixed(ws, 2, 1, info)
    ws.merge_cells("A2:E2")
    ws.row_dimensions[2].height = 45
    for col, h in enumerate(["Câu", "Số", "Câu hỏi", "Cách ghi", "Trả lời"], 1):
        w.head(ws, 3, col, h)
    ws.freeze_panes = "A4"
    r, current = 4, refs[0][1].path[0] if refs else None
    for i, ref in refs:
        if ref.section is not current and len(ref.path) > 1:
            current = ref.section
            w.fixed(ws, r, 2, ref.section_number, bold=True)
            w.fixed(ws, r, 3, ref.section.title, bold=True)
            r += 1
        q = ref.question
        w.fixed(ws, r, 1, i)
        w.fixed(ws, r, 2, ref.number)
        w.fixed(ws, r, 3, q.prompt + (f"\n({q.help})" if q.help else ""))
        w.fixed(ws, r, 4, expected_form(q) + f". Ví dụ: {example_for(q)}" if q.type in NUMERIC_TYPES
                else expected_form(q))
        value, prev = w.value(q.key)
        if q.type == "table":
            name = table_sheets[q.key]
            c = w.fixed(ws, r, 5, f"→ Nhập ở trang «{name}»", bold=True)
            c.hyperlink = f"#'{name}'!A1"
            r += 1
        elif q.type in ("list", "documents"):
            w.answer(ws, r, 5, q, "Không" if value == [] else None, prev=prev, path=["q", q.key])
            r = _list_block(w, ws, r + 1, q, value, prev)
        else:
            w.answer(ws, r, 5, q, value, prev=prev, path=["q", q.key])
            r += 1


def _list_block(w: _Writer, ws: Worksheet, r: int, q: Question, value: Any, prev: bool) -> int:
    """A list question as a small table under it: one row per item, one column per field, empty rows after."""
    fields = q.record_fields
    w.fixed(ws, r, 3, "Mỗi mục một dòng ở bảng bên phải; nếu không có mục nào, gõ «không» vào ô trả lời ở trên. "
                      "Cột có dấu * là bắt buộc.")
    w.head(ws, r, 2, "Mục")
    for j, f in enumerate(fields):
        w.head(ws, r, 5 + j, f.label + (" *" if f.required else ""))
    items = value if isinstance(value, list) else []
    for n in range(len(items) + EMPTY_LIST_ROWS):
        r += 1
        rec = items[n] if n < len(items) and isinstance(items[n], dict) else {}
        w.fixed(ws, r, 2, n + 1)
        for j, f in enumerate(fields):
            w.answer(ws, r, 5 + j, f, rec.get(f.key), prev=prev, path=["l", q.key, str(n), f.key])
    return r + 2


def _table_header(w: _Writer, ws: Worksheet, r: int, t: Table) -> int:
    grouped = any(c.group for c in t.columns)
    h2 = r + 1 if grouped else r
    for col, label in ((1, "TT"), (2, "Nội dung")):
        w.head(ws, r, col, label)
        if grouped:
            ws.merge_cells(start_row=r, start_column=col, end_row=h2, end_column=col)
    j = 0
    while j < len(t.columns):
        c = t.columns[j]
        label = c.label + (f" ({c.unit})" if c.unit else "") + (" (tự tính)" if c.computed else "")
        if not c.group:
            w.head(ws, r, 3 + j, label)
            if grouped:
                ws.merge_cells(start_row=r, start_column=3 + j, end_row=h2, end_column=3 + j)
            j += 1
            continue
        k = j
        while k + 1 < len(t.columns) and t.columns[k + 1].group == c.group:
            k += 1
        w.head(ws, r, 3 + j, c.group)
        if k > j:
            ws.merge_cells(start_row=r, start_column=3 + j, end_row=r, end_column=3 + k)
        for m in range(j, k + 1):
            cm = t.columns[m]
            w.head(ws, h2, 3 + m, cm.label + (f" ({cm.unit})" if cm.unit else "") + (" (tự tính)" if cm.computed else ""))
        j = k + 1
    longest = max(len(c.label) + len(c.unit or "") + 10 for c in t.columns)
    lines = -(-longest // 14)
    if grouped:
        ws.row_dimensions[r].height = 45
        ws.row_dimensions[h2].height = max(30, 15 * lines - 45)
    else:
        ws.row_dimensions[r].height = max(30, 15 * lines)
    return h2 + 1


def _computed_cells(w: _Writer, ws: Worksheet, r: int, t: Table, cells: dict[str, Any], bold: bool) -> None:
    for j, c in enumerate(t.columns):
        v = to_cell(c, cells.get(c.key)) if c.type in NUMERIC_TYPES else None
        w.fixed(ws, r, 3 + j, v, bold=bold, fill=COMPUTED_FILL, fmt=NUM_FORMATS.get(c.type))


def _table_rows(w: _Writer, ws: Worksheet, r: int, key: str, t: Table, value: Any, prev: bool) -> int:
    grid = table_grid(t, value) if value else {}
    rows_v = value.get("rows") or {} if isinstance(value, dict) else {}
    items_v = value.get("items") or {} if isinstance(value, dict) else {}
    for row in t.rows:
        bold = row.kind != "data" or row.computed
        w.fixed(ws, r, 1, row.no or "", bold=bold)
        w.fixed(ws, r, 2, "   " * row.level + row.label, bold=bold)
        if row.asked:
            src = rows_v.get(row.key) or {}
            for j, c in enumerate(t.columns):
                if c.computed:
                    w.fixed(ws, r, 3 + j, to_cell(c, grid.get(row.key, {}).get(c.key)), fill=COMPUTED_FILL,
                            fmt=NUM_FORMATS.get(c.type))
                else:
                    w.answer(ws, r, 3 + j, c, src.get(c.key), prev=prev, path=["r", key, row.key, c.key])
            r += 1
            continue
        if row.computed or row.open:
            _computed_cells(w, ws, r, t, grid.get(row.key, {}), bold)
        r += 1
        if row.open:
            items = items_v.get(row.key) or []
            for n in range(len(items) + EMPTY_ITEM_ROWS):
                it = items[n] if n < len(items) else {}
                w.fixed(ws, r, 1, "•")
                w.answer(ws, r, 2, LABEL_COLUMN, it.get("label"), prev=prev, path=["i", key, row.key, str(n), "label"])
                for j, c in enumerate(t.columns):
                    if c.computed:
                        w.fixed(ws, r, 3 + j, None, fill=COMPUTED_FILL)
                    else:
                        w.answer(ws, r, 3 + j, c, it.get(c.key), prev=prev, path=["i", key, row.key, str(n), c.key])
                r += 1
    return r


def _table_sheet(w: _Writer, title: str, ref: QuestionRef, info: str) -> None:
    q = ref.question
    t = q.table
    assert t is not None
    widths = [7, 48] + [max(13.0, min(30.0, len(c.label) * 0.6)) for c in t.columns]
    ws = w.sheet(title, widths)
    w.title(ws, t.title)
    ws.cell(1, 1).alignment = WRAP
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2 + len(t.columns))
    ws.row_dimensions[1].height = 32
    hint = ("Dòng có tên in đậm, nền xám là dòng tổng: bot tự tính, không cần ghi. Dưới dòng «…» có dấu • là chỗ "
            "ghi từng mục (ghi tên ở cột «Nội dung»).")
    w.fixed(ws, 2, 1, f"{info} {hint} Câu {ref.number}: {q.prompt}")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=2 + len(t.columns))
    ws.row_dimensions[2].height = 60
    first = _table_header(w, ws, 4, t)
    ws.freeze_panes = ws.cell(first, 3)
    value, prev = w.value(q.key)
    _table_rows(w, ws, first, q.key, t, value, prev)


def make_template(outline: Outline, unit: Any, period: Any, answers: dict[str, Any] | None,
                  previous: dict[str, Any] | None, version: int, *, secret: str | bytes,
                  now: datetime | None = None) -> bytes:
    """The unit's own questionnaire as .xlsx (only the questions visible for it). ``unit`` has code, kind and
    name; ``period`` has id and label; ``answers`` are this period's so far, ``previous`` last period's
    (pre-filled and marked where this period has none); ``version`` is the outline version the file is for."""
    answers = answers or {}
    w = _Writer(outline, answers, previous)
    visible = outline.visible_refs(unit.code, unit.kind, answers)
    info = _info_line(unit, period, outline.period.previous_label)
    tops: dict[int, list[tuple[int, QuestionRef]]] = defaultdict(list)
    for i, ref in enumerate(visible, 1):
        tops[id(ref.top_section)].append((i, ref))
    table_sheets: dict[str, str] = {}
    for ref in visible:
        if ref.question.type == "table" and ref.question.table is not None:
            t = ref.question.table
            table_sheets[ref.key] = sheet_title(f"Biểu {t.code}" if t.code else f"Biểu {ref.number}", w.used)
    for top in outline.sections:
        refs = tops.get(id(top))
        if refs:
            name = f"{top.no} {top.title}".strip()
            _section_sheet(w, name, refs, info, table_sheets)
    for ref in visible:
        if ref.key in table_sheets:
            w.used.discard(table_sheets[ref.key].casefold())
            _table_sheet(w, table_sheets[ref.key], ref, info)
    write_meta(w, secret, [outline.id, str(version), str(unit.code), str(period.id),
                            (now or datetime.now(UTC)).isoformat(), str(unit.name), str(period.label)])
    w.protect()
    buf = io.BytesIO()
    w.wb.save(buf)
    return buf.getvalue()


