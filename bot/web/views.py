"""Server-rendered pages (Jinja2, autoescaped; templates in ``bot/web/templates/``): what each page shows,
built from a :class:`bot.web.service.Report` and the outline. No script or style inline (the CSP forbids
it): the page's behaviour is ``static/form.js``, its data in ``data-`` attributes."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson
from jinja2 import Environment, FileSystemLoader, select_autoescape

from dialogs.answers import _plan, expected_form, format_scalar, format_value, table_grid
from dialogs.outline import NUMERIC_TYPES, Column, ListField, Question, QuestionRef, Table
from dialogs.parsing import Percent, format_decimal, format_integer, format_money
from dialogs.review import STATUS_VI

HERE = Path(__file__).parent
INPUTMODE = {"integer": "numeric", "money": "decimal", "decimal": "decimal", "percent": "decimal", "date": "numeric"}


@lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                    trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    e.filters["json"] = lambda v: orjson.dumps(v).decode()
    return e


def render(name: str, **ctx: Any) -> str:
    return env().get_template(name).render(**ctx)


def input_text(item: Question | ListField | Column, value: Any) -> str:
    """A stored value as an officer would type it (what the input shows; read back by the same parser)."""
    if value is None:
        return ""
    t = item.type
    try:
        if t == "integer":
            return format_integer(value)
        if t == "decimal":
            return format_decimal(value)
        if t == "percent":
            p = Percent.from_json(value)
            if p.num is not None and p.den is not None:
                return f"{format_decimal(p.num)}/{format_decimal(p.den)}"
            return f"{format_decimal(p.value)}%"
        if t == "money":
            return format_money(value, getattr(item, "unit", None) or "triệu đồng")
        if t == "date":
            d = date.fromisoformat(value)
            return f"{d.day}/{d.month}/{d.year}"
    except (TypeError, ValueError, KeyError):
        return str(value)
    if t == "yesno":
        return "có" if value else "không"
    return str(value)


def _cell_view(c: Column | ListField, value: Any) -> dict[str, Any]:
    return {"key": c.key, "label": c.label, "type": c.type, "mode": INPUTMODE.get(c.type, "text"),
            "text": input_text(c, value), "hint": expected_form(c), "options": c.options or []}


WEB_HINTS = {  # where the chat's wording speaks of messages and buttons the page does not have
    "longtext": "Gõ nội dung; có thể xuống dòng. Nội dung được lưu khi bạn rời ô.",
    "multichoice": "Chọn một hoặc nhiều mục.",
    "choice": "Chọn một mục.",
}


def scalar_view(q: Question, value: Any) -> dict[str, Any]:
    v: dict[str, Any] = {"mode": INPUTMODE.get(q.type, "text"), "text": input_text(q, value),
                         "hint": WEB_HINTS.get(q.type) or expected_form(q)}
    if q.type in ("choice", "multichoice"):
        chosen = set(value if isinstance(value, list) else [value])
        v["options"] = [{"n": i, "label": o.label, "on": o.key in chosen} for i, o in enumerate(q.options or [], 1)]
    if q.type == "yesno":
        v["yes"] = value is True
        v["no"] = value is False
    return v


def list_view(q: Question, value: Any) -> dict[str, Any]:
    fields = q.record_fields
    items = [[{**_cell_view(f, it.get(f.key)), "required": f.required} for f in fields]
             for it in (value if isinstance(value, list) else [])]
    return {"fields": [{**_cell_view(f, None), "required": f.required} for f in fields], "rows": items}


def table_view(q: Question, value: Any, prev: Any) -> dict[str, Any]:
    """The Biểu as a grid: column groups, rows (input, computed, group header, open group with named rows)."""
    t = q.table
    assert t is not None
    grid = table_grid(t, value)
    pgrid = table_grid(t, prev) if prev is not None else {}
    stored = (value or {}).get("rows") or {} if isinstance(value, dict) else {}
    items = (value or {}).get("items") or {} if isinstance(value, dict) else {}
    rows = []
    for r in t.rows:
        row: dict[str, Any] = {"key": r.key, "no": r.no or "", "label": r.label, "level": r.level,
                               "kind": "open" if r.open else "input" if r.asked else "sum" if r.computed else "head"}
        row["cells"] = [_grid_cell(c, r.asked, (stored.get(r.key) or {}).get(c.key), grid.get(r.key, {}).get(c.key),
                                   pgrid.get(r.key, {}).get(c.key)) for c in t.columns]
        if r.open:
            row["named"] = [{"label": it.get("label", ""),
                             "cells": [_cell_view(c, it.get(c.key)) for c in t.input_columns]}
                            for it in items.get(r.key) or []]
        rows.append(row)
    return {"title": t.title, "code": t.code, "groups": _column_groups(t), "columns": t.columns, "rows": rows,
            "input_columns": [_cell_view(c, None) for c in t.input_columns], "plan": grid_plan(t), "note": t.note}


def _grid_cell(c: Column, asked: bool, stored: Any, shown: Any, prev: Any) -> dict[str, Any]:
    editable = asked and not c.computed
    return {"col": c.key, "type": c.type, "edit": editable, "mode": INPUTMODE.get(c.type, "text"),
            "text": input_text(c, stored) if editable else _shown(c, shown),
            "prev": _shown(c, prev) if prev not in (None, "") else "", "label": c.label,
            "options": c.options or []}


def _shown(c: Column, v: Any) -> str:
    if v in (None, ""):
        return ""
    if c.type == "percent" and isinstance(v, int | float):
        return f"{format_decimal(v)}%"
    return format_scalar(c, v) if c.type != "integer" else format_integer(v) if isinstance(v, int | float) else str(v)


def _column_groups(t: Table) -> list[dict[str, Any]]:
    """The header's top row: a grouped heading over its columns, or an empty cell spanning the rows."""
    out: list[dict[str, Any]] = []
    for c in t.columns:
        if out and c.group and out[-1]["label"] == c.group:
            out[-1]["span"] += 1
        else:
            out.append({"label": c.group or "", "span": 1})
    return out


def grid_plan(t: Table) -> dict[str, Any]:
    """What the page needs to add up a Biểu as one types (the same plan as ``table_grid``)."""
    p = _plan(t)
    return {"num": list(p.numeric_cols), "ccols": [[k, list(v)] for k, v in p.computed_cols],
            "crows": [[k, list(v)] for k, v in p.computed_rows], "open": list(p.open_rows),
            "asked": list(p.asked_rows), "plain": sorted(p.unsummed_rows)}


def question_view(ref: QuestionRef, number: int, rep: Any, visible: set[str]) -> dict[str, Any]:
    q = ref.question
    value = rep.answers.get(q.key)
    prev_label = rep.outline.period.previous_label
    has_prev = bool(rep.previous) and q.key in rep.previous
    prev = rep.previous.get(q.key) if has_prev else None
    v: dict[str, Any] = {"key": q.key, "n": number, "number": ref.number, "prompt": q.prompt, "help": q.help,
                         "type": q.type, "unit": q.unit, "none_ok": q.none_ok, "answered": q.key in rep.answers,
                         "hidden": q.key not in visible, "version": rep.versions.get(q.key, (0,))[0],
                         "has_prev": has_prev, "prev_label": prev_label,
                         "prev": format_value(q, prev, limit=400) if has_prev else "",
                         "display": format_value(q, value, limit=300) if q.key in rep.answers else ""}
    if q.type == "table":
        v["table"] = table_view(q, value, prev)
    elif q.type in ("list", "documents"):
        v["list"] = list_view(q, value)
    else:
        v["scalar"] = scalar_view(q, value)
    return v


def form_sections(rep: Any, engine: Any) -> list[dict[str, Any]]:
    """The questions the unit answers, grouped by section (the chat's table of contents), in order."""
    visible = {r.key for r in engine.visible}
    shown = [r for r in rep.outline.refs if _unit_visible(r, rep.unit)]
    sections: list[dict[str, Any]] = []
    numbers = {r.key: i for i, r in enumerate(engine.visible, 1)}
    for r in shown:
        num = r.section_number
        if not sections or sections[-1]["number"] != num:
            sections.append({"number": num, "title": r.section.title, "questions": [], "answered": 0})
        qv = question_view(r, numbers.get(r.key, 0), rep, visible)
        sections[-1]["questions"].append(qv)
        sections[-1]["answered"] += qv["answered"] and not qv["hidden"]
    for s in sections:
        s["total"] = sum(1 for q in s["questions"] if not q["hidden"])
    return sections


def _unit_visible(ref: QuestionRef, unit: Any) -> bool:
    """Shown for this unit whatever its answers (conditions on answers hide and show questions as one types)."""
    conds = [s.visible_if for s in ref.path if s.visible_if] + ([ref.question.visible_if] if ref.question.visible_if else [])
    for c in conds:
        if c.unit_codes is not None and unit.code not in c.unit_codes:
            return False
        if c.unit_kinds is not None and unit.kind not in c.unit_kinds:
            return False
    return True


def status_vi(status: str | None) -> str:
    return STATUS_VI.get(status or "draft", status or "")


def numeric_type(t: str) -> bool:
    return t in NUMERIC_TYPES
