"""What writing and reading the questionnaire share: the limits, the sheets' names, the looks, the results, and
an answer turned into a cell's value and back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl.styles import Font, PatternFill, Protection

from dialogs.outline import Column, ListField, Question
from dialogs.parsing import Percent, format_integer, money_scale
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
INPUT_FILL = PatternFill("solid", fgColor="FFFFFF")
PREV_FILL = PatternFill("solid", fgColor="FFF2CC")
COMPUTED_FILL = PatternFill("solid", fgColor="EDEDED")
OPEN = Protection(locked=False)
NUM_FORMATS = {"integer": "#,##0", "decimal": "#,##0.##", "money": "#,##0.###", "percent": "0.00%",
               "date": "dd/mm/yyyy"}
EXAMPLES = {"integer": "12", "decimal": "12,5", "percent": "49%", "money": "350", "date": "19/6/2025",
            "yesno": "Có", "text": "nội dung", "longtext": "nội dung"}

Item = Question | ListField | Column
LABEL_COLUMN = Column(key="label", label="Tên", type="text")  # a Biểu's row label, read like a text cell


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


def to_cell(item: Item, value: Any) -> Any:
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


def from_cell(item: Item, raw: Any) -> str:
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


