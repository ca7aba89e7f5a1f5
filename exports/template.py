"""The spreadsheet path: a unit's own questionnaire as an .xlsx to fill on a computer, and reading it back.

``make_template`` writes one sheet per top-level section (number, question, expected form, answer cell; list
questions as a small table, one row per item), one sheet per Biểu in its own layout (grouped headers, row
groups, computed rows as values the bot recomputes — never formulas), last period's answers pre-filled and
marked, Excel data validation, sheets protected except the answer cells, and a very hidden sheet that says
which outline, version, unit and period the file is for and which cell holds which answer, signed with an
HMAC so that a file not made by the bot is refused.

``read_template`` refuses (``TemplateRefused``, a Vietnamese reason) before reading anything a file that is
too big or not a spreadsheet, then one not made by the bot or made for another unit, period or outline
version; otherwise it reads every answer cell with the same parsers as a chat answer (formulas as their
cached values, never evaluated) and returns the answers and the cells in error with their address.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import orjson
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dialogs.answers import (
    expected_form,
    failing_rules,
    parse_answer,
    parse_scalar,
    table_grid,
)
from dialogs.outline import NUMERIC_TYPES, Column, ListField, Outline, Question, QuestionRef, Table
from dialogs.parsing import ParseError, Percent, format_integer, is_none_answer, money_scale
from exports.xlsx_report import FORMULA_START, safe_text

MAX_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED = 200 * 1024 * 1024  # a zip bomb is refused before openpyxl inflates it
META_SHEET = "_baocao"
LISTS_SHEET = "_luachon"
MAP_START = 10  # first row of the cell map on the meta sheet
EMPTY_LIST_ROWS = 5
EMPTY_ITEM_ROWS = 3
MAX_LISTED_ERRORS = 30

HEAD_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=13)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFFFFF")
PREV_FILL = PatternFill("solid", fgColor="FFF2CC")
COMPUTED_FILL = PatternFill("solid", fgColor="EDEDED")
THIN = Side(style="thin", color="9E9E9E")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
OPEN = Protection(locked=False)
NUM_FORMATS = {"integer": "#,##0", "decimal": "#,##0.##", "money": "#,##0.###", "percent": "0.00%",
               "date": "dd/mm/yyyy"}
EXAMPLES = {"integer": "12", "decimal": "12,5", "percent": "49%", "money": "350", "date": "19/6/2025",
            "yesno": "Có", "text": "nội dung", "longtext": "nội dung"}

Item = Question | ListField | Column


class TemplateRefused(ValueError):
    """A file refused as a whole; ``reason`` (Vietnamese) says why and what to do."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CellError:
    sheet: str
    cell: str
    message: str
    example: str

    def line(self) -> str:
        s = f"Trang «{self.sheet}», ô {self.cell}: {self.message}"
        if self.example and "Ví dụ" not in self.message:
            s += f" Ví dụ: {self.example}"
        return s


@dataclass
class TemplateResult:
    answers: dict[str, Any]
    errors: list[CellError] = field(default_factory=list)
    cells: int = 0  # answer cells read without error
    warnings: list[str] = field(default_factory=list)  # cross-question rules that fail

    def summary(self) -> str:
        """"Đã nhận 124 ô (30 câu), 3 ô lỗi: …" — Vietnamese, numbers with "." thousands."""
        head = f"Đã nhận {format_integer(self.cells)} ô ({format_integer(len(self.answers))} câu)"
        if not self.errors:
            lines = [head + ", không có ô lỗi."]
        else:
            lines = [head + f", {format_integer(len(self.errors))} ô lỗi (chưa lưu, hãy sửa trong tệp rồi gửi lại):"]
            lines += [f"• {e.line()}" for e in self.errors[:MAX_LISTED_ERRORS]]
            if len(self.errors) > MAX_LISTED_ERRORS:
                lines.append(f"… và {format_integer(len(self.errors) - MAX_LISTED_ERRORS)} ô lỗi khác.")
        if self.warnings:
            lines.append("⚠️ Cần kiểm tra lại:")
            lines += [f"• {w}" for w in self.warnings]
        return "\n".join(lines)


# --------------------------------------------------------------------------- values in cells


def example_for(item: Item) -> str:
    if item.type in ("choice", "multichoice") and getattr(item, "options", None):
        return item.options[0].label  # type: ignore[union-attr]
    if item.type == "money":
        return f"350 (hiểu là {getattr(item, 'unit', None) or 'triệu đồng'})"
    return EXAMPLES.get(item.type, "nội dung")


def _to_cell(item: Item, value: Any) -> Any:
    """A stored value as the cell shows it: numbers as numbers (money in the item's unit, percent as a
    fraction formatted as %), dates as dates, choices by label, text neutralised."""
    if value is None:
        return None
    t = item.type
    if t in ("integer", "decimal"):
        return value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if t == "money":
        return float(Decimal(int(value)) / money_scale(getattr(item, "unit", None) or "triệu đồng"))
    if t == "percent":
        try:
            p = Percent.from_json(value)
        except (KeyError, TypeError, ValueError):
            return None
        if p.num is not None and p.den is not None:
            return f"{_num_text(p.num)}/{_num_text(p.den)}"  # "47/96" keeps its parts
        return float(Decimal(repr(p.value)) / 100)
    if t == "date":
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            return None
    if t == "yesno":
        return "Có" if value else "Không"
    labels = {o.key: o.label for o in getattr(item, "options", None) or []}
    if t == "choice":
        return labels.get(value, str(value))
    if t == "multichoice":
        return "; ".join(labels.get(k, k) for k in value or []) or None
    return safe_text(value)


def _num_text(v: float | int) -> str:
    """A number as the chat parsers read it: 1234.5 → "1234,5"."""
    if isinstance(v, int):
        return str(v)
    d = Decimal(f"{v:.12g}").normalize()  # 12 significant digits: no binary artefacts (55.00000000000001)
    return f"{d:f}".replace(".", ",")


def _from_cell(item: Item, raw: Any) -> str:
    """A cell's content as the text an officer would type in chat (so the same parser reads it)."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "có" if raw else "không"
    if isinstance(raw, datetime | date):
        return f"{raw.day}/{raw.month}/{raw.year}"
    if isinstance(raw, int | float):
        if item.type == "percent":
            # a %-formatted cell holds 0,49 for 49%; a plain 49 typed where % entry is off means 49%
            return _num_text(raw * 100 if 0 <= raw <= 1 else raw) + "%"
        return _num_text(raw)
    s = str(raw).strip()
    if len(s) > 1 and s[0] == "'" and s[1:].startswith(FORMULA_START):
        s = s[1:]  # our own neutralisation of text that looked like a formula
    return s


# --------------------------------------------------------------------------- signature and map


def _sign(secret: str | bytes, meta: list[str], cells: list[list[str]]) -> str:
    key = secret.encode() if isinstance(secret, str) else secret
    payload = orjson.dumps([meta, cells])
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def _sheet_title(text: str, used: set[str]) -> str:
    t = "".join("-" if ch in '[]:*?/\\' else ch for ch in " ".join(text.split()))[:31].strip() or "Trang"
    base, n = t, 2
    while t.lower() in used:
        suffix = f" ({n})"
        t = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(t.lower())
    return t


# --------------------------------------------------------------------------- writing

LABEL_COLUMN = Column(key="label", label="Tên", type="text")


class _Writer:
    def __init__(self, outline: Outline, answers: dict[str, Any], previous: dict[str, Any] | None):
        self.o = outline
        self.answers = answers
        self.previous = previous or {}
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.used = {META_SHEET.lower(), LISTS_SHEET.lower()}
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
        ws = self.wb.create_sheet(_sheet_title(title, self.used))
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
        shown = _to_cell(item, value)
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
        v = _to_cell(c, cells.get(c.key)) if c.type in NUMERIC_TYPES else None
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
                    w.fixed(ws, r, 3 + j, _to_cell(c, grid.get(row.key, {}).get(c.key)), fill=COMPUTED_FILL,
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
            table_sheets[ref.key] = _sheet_title(f"Biểu {t.code}" if t.code else f"Biểu {ref.number}", w.used)
    for top in outline.sections:
        refs = tops.get(id(top))
        if refs:
            name = f"{top.no} {top.title}".strip()
            _section_sheet(w, name, refs, info, table_sheets)
    for ref in visible:
        if ref.key in table_sheets:
            w.used.discard(table_sheets[ref.key].lower())
            _table_sheet(w, table_sheets[ref.key], ref, info)
    _write_meta(w, secret, [outline.id, str(version), str(unit.code), str(period.id),
                            (now or datetime.now(UTC)).isoformat(), str(unit.name), str(period.label)])
    w.protect()
    buf = io.BytesIO()
    w.wb.save(buf)
    return buf.getvalue()


META_NAMES = ("outline", "version", "unit", "period", "made_at", "unit_name", "period_label")
SIGNATURE_ROW = len(META_NAMES) + 1


def _write_meta(w: _Writer, secret: str | bytes, meta: list[str]) -> None:
    ws = w.wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    for i, (name, v) in enumerate(zip(META_NAMES, meta, strict=True), 1):
        ws.cell(i, 1, name)
        ws.cell(i, 2, v).data_type = "s"
    ws.cell(SIGNATURE_ROW, 1, "signature")
    ws.cell(SIGNATURE_ROW, 2, _sign(secret, meta, w.cells))
    for k, row in enumerate(w.cells):
        ws.cell(MAP_START + k, 1, row[0]).data_type = "s"
        ws.cell(MAP_START + k, 2, row[1])
        ws.cell(MAP_START + k, 3, orjson.dumps(row[2:]).decode())


# --------------------------------------------------------------------------- reading

NOT_OURS = ("Tệp này không phải mẫu do bot tạo (hoặc đã bị sửa ngoài các ô trả lời), nên không đọc được. "
            "Hãy gõ /mau để lấy mẫu mới, điền vào các ô trả lời rồi gửi lại.")


def check_container(data: bytes) -> None:
    """Size and zip checks before any spreadsheet parsing."""
    if len(data) > MAX_BYTES:
        raise TemplateRefused(f"Tệp nặng {format_integer(len(data) // (1024 * 1024))} MB, quá giới hạn 20 MB. "
                              "Hãy gửi đúng tệp mẫu .xlsx đã điền (thường chỉ vài trăm KB).")
    if not data.startswith(b"PK\x03\x04"):
        raise TemplateRefused("Tệp này không phải bảng tính Excel (.xlsx). Hãy gửi lại đúng tệp mẫu nhận bằng /mau, "
                              "lưu dạng .xlsx (không phải .xls, .csv hay ảnh chụp).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = sum(i.file_size for i in z.infolist())
            names = set(z.namelist())
    except zipfile.BadZipFile:
        raise TemplateRefused("Tệp .xlsx bị hỏng, không mở được. Hãy lưu lại tệp bằng Excel rồi gửi lại.") from None
    if total > MAX_UNZIPPED or "xl/workbook.xml" not in names:
        raise TemplateRefused("Tệp này không phải bảng tính Excel (.xlsx) hợp lệ. Hãy gửi lại đúng tệp mẫu "
                              "nhận bằng /mau.")


def _open(data: bytes) -> Any:
    try:
        # data_only: a formula in an answer cell counts as the value Excel last computed, never evaluated here
        return load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # noqa: BLE001 — any failure to parse is the same refusal for the officer
        raise TemplateRefused("Không đọc được tệp bảng tính này. Hãy mở bằng Excel, lưu dạng .xlsx rồi gửi lại.") from None


def _read_meta(wb: Any, secret: str | bytes) -> tuple[dict[str, str], list[list[str]]]:
    if META_SHEET not in wb.sheetnames:
        raise TemplateRefused(NOT_OURS)
    ws = wb[META_SHEET]
    meta = [str(ws.cell(i, 2).value or "") for i in range(1, len(META_NAMES) + 1)]
    sig = str(ws.cell(SIGNATURE_ROW, 2).value or "")
    cells: list[list[str]] = []
    for row in ws.iter_rows(min_row=MAP_START, max_col=3, values_only=True):
        if not row[0]:
            break
        try:
            path = orjson.loads(row[2])
        except (orjson.JSONDecodeError, TypeError):
            raise TemplateRefused(NOT_OURS) from None
        cells.append([str(row[0]), str(row[1]), *map(str, path)])
    if not sig or not hmac.compare_digest(sig, _sign(secret, meta, cells)):
        raise TemplateRefused(NOT_OURS)
    return dict(zip(META_NAMES, meta, strict=True)), cells


def _check_identity(meta: dict[str, str], outline: Outline, unit_code: str, period_id: int, version: int) -> None:
    if meta["outline"] != outline.id:
        raise TemplateRefused(f"Tệp này là mẫu của một báo cáo khác, không phải «{outline.short}». "
                              "Hãy gõ /mau để lấy đúng mẫu.")
    if meta["unit"] != str(unit_code):
        raise TemplateRefused(f"Tệp này là mẫu của đơn vị «{meta['unit_name']}», không phải đơn vị của bạn. "
                              "Mỗi đơn vị chỉ gửi mẫu của mình: gõ /mau để lấy mẫu của đơn vị bạn.")
    if meta["period"] != str(period_id):
        raise TemplateRefused(f"Tệp này là mẫu của kỳ «{meta['period_label']}», không phải kỳ đang báo cáo. "
                              "Gõ /mau để lấy mẫu của kỳ này.")
    if meta["version"] != str(version):
        raise TemplateRefused("Tệp này làm theo phiên bản cũ của đề cương, các câu hỏi đã thay đổi. "
                              "Gõ /mau để lấy mẫu mới, chép số liệu sang rồi gửi lại.")


@dataclass
class _Reading:
    outline: Outline
    today: date
    answers: dict[str, Any] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)
    cells: int = 0

    def parse(self, sheet: str, coord: str, item: Item, raw: Any, question: bool = False) -> tuple[bool, Any]:
        """(True, value) for a cell read without error; (False, None) for an empty or wrong one."""
        text = _from_cell(item, raw)
        if not text or text == "-":
            return False, None
        try:
            if question and isinstance(item, Question):
                value = parse_answer(self.outline, item, text, today=self.today)
            else:
                value = parse_scalar(item, text, default_year=self.today.year)
        except ParseError as e:
            self.errors.append(CellError(sheet, coord, e.message, example_for(item)))
            return False, None
        self.cells += 1
        return True, value

    def missing(self, sheet: str, coord: str, item: Item, what: str) -> None:
        self.errors.append(CellError(sheet, coord, f"Thiếu «{what}».", example_for(item)))


def read_template(data: bytes, *, expect_unit: Any, expect_period: Any, expect_outline_version: int,
                  secret: str | bytes, outline: Outline, today: date | None = None) -> TemplateResult:
    """Read a filled template. ``expect_unit`` is the unit (or its code), ``expect_period`` the period (or its
    id). Raises :class:`TemplateRefused` for a file that must not be read at all."""
    check_container(data)
    wb = _open(data)
    meta, cells = _read_meta(wb, secret)
    _check_identity(meta, outline, getattr(expect_unit, "code", expect_unit),
                    getattr(expect_period, "id", expect_period), expect_outline_version)
    rd = _Reading(outline, today or date.today())
    lists: dict[str, dict[int, dict[str, tuple[str, str, Any]]]] = defaultdict(lambda: defaultdict(dict))
    tables: dict[str, list[list[str]]] = defaultdict(list)
    none_lists: set[str] = set()
    for sheet, coord, kind, key, *rest in cells:
        if sheet not in wb.sheetnames or not outline.has(key):
            raise TemplateRefused(NOT_OURS)
        raw = wb[sheet][coord].value
        q = outline.question(key)
        if kind == "q" and q.type in ("list", "documents"):
            if _from_cell(q, raw) and is_none_answer(_from_cell(q, raw)):
                none_lists.add(key)
        elif kind == "q":
            ok, value = rd.parse(sheet, coord, q, raw, question=True)
            if ok:
                rd.answers[key] = value
        elif kind == "l":
            lists[key][int(rest[0])][rest[1]] = (sheet, coord, raw)
        else:
            tables[key].append([sheet, coord, kind, *rest])
    for key, items in lists.items():
        _read_list(rd, outline.question(key), items, key in none_lists)
    for key in none_lists - set(lists):
        rd.answers[key] = []
    for key, entries in tables.items():
        _read_table(rd, wb, outline.question(key), entries)
    warnings = [f.message for f in failing_rules(outline, rd.answers)]
    return TemplateResult(rd.answers, rd.errors, rd.cells, warnings)


def _read_list(rd: _Reading, q: Question, items: dict[int, dict[str, tuple[str, str, Any]]], none: bool) -> None:
    fields = {f.key: f for f in q.record_fields}
    out: list[dict[str, Any]] = []
    for n in sorted(items):
        cells = items[n]
        if all(not _from_cell(fields[k], raw) for k, (_, _, raw) in cells.items() if k in fields):
            continue
        rec: dict[str, Any] = {}
        complete = True
        for f in q.record_fields:
            if f.key not in cells:
                continue
            sheet, coord, raw = cells[f.key]
            ok, value = rd.parse(sheet, coord, f, raw)
            if ok:
                rec[f.key] = value
            elif f.required and not _from_cell(f, raw):
                rd.missing(sheet, coord, f, f.label)
                complete = False
            elif _from_cell(f, raw):
                complete = False
        if complete:
            out.append(rec)
    if out or none:
        rd.answers[q.key] = out


def _read_table(rd: _Reading, wb: Any, q: Question, entries: list[list[str]]) -> None:
    t = q.table
    assert t is not None
    rows: dict[str, dict[str, Any]] = defaultdict(dict)
    items: dict[str, dict[int, dict[str, Any]]] = defaultdict(lambda: defaultdict(dict))
    label_cells: dict[tuple[str, int], tuple[str, str]] = {}
    filled = False
    for sheet, coord, kind, row_key, *rest in entries:
        raw = wb[sheet][coord].value
        if kind == "r":
            ok, value = rd.parse(sheet, coord, t.column(rest[0]), raw)
            if ok:
                rows[row_key][rest[0]] = value
        else:
            n, col = int(rest[0]), rest[1]
            item = LABEL_COLUMN if col == "label" else t.column(col)
            if col == "label":
                label_cells[(row_key, n)] = (sheet, coord)
            ok, value = rd.parse(sheet, coord, item, raw)
            if ok:
                items[row_key][n][col] = value
        filled = filled or bool(_from_cell(LABEL_COLUMN, raw))
    value_items: dict[str, list[dict[str, Any]]] = {}
    for row_key, by_n in items.items():
        kept = []
        for n in sorted(by_n):
            it = by_n[n]
            if "label" not in it:
                sheet, coord = label_cells[(row_key, n)]
                rd.missing(sheet, coord, LABEL_COLUMN, "tên ở cột Nội dung")
                continue
            kept.append({"label": it["label"], **{k: v for k, v in it.items() if k != "label"}})
        if kept:
            value_items[row_key] = kept
    if filled:
        rd.answers[q.key] = {"rows": dict(rows), "items": value_items}
