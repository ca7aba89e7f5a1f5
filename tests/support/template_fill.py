"""Filling an Excel template and the values expected in it, for the template tests."""

from __future__ import annotations

import io
from datetime import datetime

import orjson
from openpyxl import load_workbook

from dialogs.outline import Outline
from dialogs.parsing import money_scale
from exports import template as tpl
from exports.template import META_SHEET


def _cell_map(wb) -> list[tuple[str, str, list[str]]]:
    ws = wb[META_SHEET]
    out = []
    for row in ws.iter_rows(min_row=tpl.MAP_START, max_col=3, values_only=True):
        if not row[0]:
            break
        out.append((row[0], row[1], orjson.loads(row[2])))
    return out


class Typist:
    """Writes values into cells the way an officer does in Excel: numbers as numbers, dates as dates, choices by
    their label, percentages as 49,5% text, as a %-formatted number, or as 47/96."""

    def __init__(self):
        self.n = 0

    def cell(self, item, value):
        t = item.type
        if t in ("integer", "decimal"):
            return value
        if t == "money":
            return value / float(money_scale(getattr(item, "unit", None) or "triệu đồng"))
        if t == "percent":
            if "num" in value:
                return f"{value['num']}/{value['den']}"
            self.n += 1
            return value["value"] / 100 if self.n % 2 else f"{value['value']}%".replace(".", ",")
        if t == "date":
            return datetime.fromisoformat(value)
        if t == "yesno":
            return "Có" if value else "Không"
        labels = {o.key: o.label for o in getattr(item, "options", None) or []}
        if t == "choice":
            return labels[value]
        if t == "multichoice":
            return "; ".join(labels[k] for k in value)
        return value


def _fill(data: bytes, o: Outline, answers: dict) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    typist = Typist()
    for sheet, coord, path in _cell_map(wb):
        kind, key, *rest = path
        q = o.question(key)
        v = answers.get(key)
        if v is None:
            continue
        if kind == "q":
            if q.type in ("list", "documents"):
                wb[sheet][coord] = "không" if v == [] else None
            else:
                wb[sheet][coord] = typist.cell(q, v)
        elif kind == "l":
            n, fkey = int(rest[0]), rest[1]
            if n < len(v) and fkey in v[n]:
                f = next(f for f in q.record_fields if f.key == fkey)
                wb[sheet][coord] = typist.cell(f, v[n][fkey])
        elif kind == "r":
            cell = (v.get("rows") or {}).get(rest[0], {}).get(rest[1])
            if cell is not None:
                wb[sheet][coord] = typist.cell(q.table.column(rest[1]), cell)
        else:
            items = (v.get("items") or {}).get(rest[0], [])
            n, col = int(rest[1]), rest[2]
            if n < len(items) and items[n].get(col) is not None:
                item = tpl.LABEL_COLUMN if col == "label" else q.table.column(col)
                wb[sheet][coord] = typist.cell(item, items[n][col])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _expected(o: Outline, answers: dict) -> dict:
    out = {}
    for k, v in answers.items():
        q = o.question(k)
        if q.type == "multichoice" and not v or q.type == "table" and not v["rows"] and not v["items"]:
            continue  # empty cells are no answer
        out[k] = v
    return out
