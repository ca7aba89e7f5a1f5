"""Reading a filled questionnaire back: the file's size and container checked before anything is parsed, the
signature and identity, then every answer cell with the same parsers as a chat answer (formulas as their cached
values, never evaluated)."""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from openpyxl import load_workbook

from dialogs.answers import (
    failing_rules,
    parse_answer,
    parse_scalar,
)
from dialogs.outline import Outline, Question
from dialogs.parsing import ParseError, format_integer, is_none_answer
from exports.template.cells import (
    LABEL_COLUMN,
    MAX_BYTES,
    MAX_UNZIPPED,
    CellError,
    Item,
    TemplateRefused,
    TemplateResult,
    example_for,
    from_cell,
)
from exports.template.sign import NOT_OURS, check_identity, read_meta


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




@dataclass
class _Reading:
    outline: Outline
    today: date
    answers: dict[str, Any] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)
    cells: int = 0

    def parse(self, sheet: str, coord: str, item: Item, raw: Any, question: bool = False) -> tuple[bool, Any]:
        """(True, value) for a cell read without error; (False, None) for an empty or wrong one."""
        text = from_cell(item, raw)
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
    meta, cells = read_meta(wb, secret)
    check_identity(meta, outline, getattr(expect_unit, "code", expect_unit),
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
            if from_cell(q, raw) and is_none_answer(from_cell(q, raw)):
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
        if all(not from_cell(fields[k], raw) for k, (_, _, raw) in cells.items() if k in fields):
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
            elif f.required and not from_cell(f, raw):
                rd.missing(sheet, coord, f, f.label)
                complete = False
            elif from_cell(f, raw):
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
        filled = filled or bool(from_cell(LABEL_COLUMN, raw))
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
