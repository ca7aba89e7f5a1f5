"""Typed answers: reading an officer's text into the stored value of a question, writing it back,
comparing it with last period's, and checking cross-question rules.

Stored values are plain JSON (string keys only):
  integer → int; decimal → float; money → int (đồng); percent → {"value", "num"?, "den"?};
  date → "YYYY-MM-DD"; text/longtext → str; yesno → bool; choice → option key; multichoice → [keys];
  list/documents → [{field: value}]; table → {"rows": {row: {col: value}}, "items": {row: [{"label", col…}]}}.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from dialogs.figures import aggregate_of, may_be_negative, may_exceed_100, summed_rows
from dialogs.outline import NUMERIC_TYPES, Column, ListField, Outline, Question, Table
from dialogs.parsing import (
    ParseError,
    Percent,
    clean_input,
    format_date,
    format_decimal,
    format_integer,
    format_money,
    format_percent,
    is_none_answer,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_integer,
    parse_money,
    parse_multichoice,
    parse_percent,
    parse_yesno,
    shown,
    unit_words,
)
from dialogs.rules import compile_rule, evaluate
from dialogs.text import fold

NONE_TEXT = "Không"


# --------------------------------------------------------------------------- expected forms


def expected_form(q: Question | ListField | Column, *, unit: str | None = None) -> str:
    """One line telling the officer what to type, with an example."""
    t = q.type
    u = unit if unit is not None else getattr(q, "unit", None)
    us = f" {u}" if u and u != "%" else ""
    if t == "integer":
        return f"Gõ một số nguyên{(' (' + u + ')') if u else ''}. Ví dụ: 12 hoặc 1.234"
    if t == "decimal":
        return f"Gõ một số, dùng dấu phẩy cho phần thập phân. Ví dụ: 12,5{us}"
    if t == "percent":
        return "Gõ tỷ lệ phần trăm hoặc dạng tử số/mẫu số. Ví dụ: 49%; 49,5% hoặc 47/96"
    if t == "money":
        return f"Gõ số tiền. Ví dụ: 350 triệu; 1,2 tỷ hoặc 350 (số không kèm đơn vị hiểu là {u or 'triệu đồng'})"
    if t == "date":
        return "Gõ ngày. Ví dụ: 19/6/2025 hoặc ngày 19 tháng 6 năm 2025"
    if t == "yesno":
        return "Trả lời «có» hoặc «không»"
    if t == "choice":
        opts = getattr(q, "options", None) or []
        return "Chọn một: " + "; ".join(f"{i}. {o.label}" for i, o in enumerate(opts, 1)) + " (gõ số thứ tự)"
    if t == "multichoice":
        opts = getattr(q, "options", None) or []
        return "Chọn một hoặc nhiều, cách nhau bằng dấu phẩy: " + "; ".join(
            f"{i}. {o.label}" for i, o in enumerate(opts, 1)
        ) + ". Ví dụ: 1, 3 (chọn mục 1 và mục 3)"
    if t == "text":
        return "Gõ câu trả lời ngắn"
    if t == "longtext":
        return "Gõ nội dung; có thể gửi nhiều tin nhắn rồi bấm «Xong»"
    if t in ("list", "documents"):
        return "Nhập từng mục; mỗi mục có thể gõ trong một tin, mỗi trường một dòng; bấm «Xong» khi hết"
    if t == "table":
        return "Nhập từng dòng của biểu: gõ các số cách nhau bằng dấu cách, ví dụ: 12 5 3 0"
    return "Gõ câu trả lời"


# --------------------------------------------------------------------------- parsing


def parse_scalar(
    item: Question | ListField | Column,
    text: str,
    *,
    window: tuple[date | None, date | None] | None = None,
    default_year: int | None = None,
    none_ok: bool = True,
) -> Any:
    """Read ``text`` as a value of ``item``'s type (integer, decimal, percent, money, date, text, yesno, choice…)."""
    text = clean_input(text)
    t = item.type
    unit = getattr(item, "unit", None)
    lo = getattr(item, "min", None)
    hi = getattr(item, "max", None)
    if t == "integer":  # a count is never below 0, a change («Tăng, giảm so với cùng kỳ») may be
        return parse_integer(text, unit=unit, none_ok=none_ok,
                             min_value=(None if may_be_negative(item) else 0) if lo is None else lo, max_value=hi)
    if t == "decimal":
        return parse_decimal(text, unit=unit, none_ok=none_ok, min_value=lo, max_value=hi)
    if t == "percent":
        return parse_percent(text, none_ok=none_ok, min_value=(None if may_be_negative(item) else 0) if lo is None else lo,
                             max_value=(None if may_exceed_100(item) else 100) if hi is None else hi).to_json()
    if t == "money":
        return parse_money(text, unit=unit or "triệu đồng", none_ok=none_ok, allow_negative=may_be_negative(item))
    if t == "date":
        d = parse_date(text, default_year=default_year, window=window, none_ok=none_ok)
        return d.isoformat() if d else None
    if t == "yesno":
        return parse_yesno(text)
    if t in ("choice", "multichoice"):
        opts = [(o.key, o.label) for o in (getattr(item, "options", None) or [])]
        return parse_choice(text, opts) if t == "choice" else parse_multichoice(text, opts)
    if t in ("text", "longtext"):
        s = text.strip()
        if not s:
            raise ParseError("Câu trả lời đang trống. Hãy gõ nội dung, hoặc «không» nếu không có.")
        if is_none_answer(s):
            return NONE_TEXT
        return s
    raise ParseError("Câu hỏi này không nhận câu trả lời một dòng.")


def question_window(outline: Outline, q: Question) -> tuple[date | None, date | None] | None:
    if not q.within_window:
        return None
    return (outline.period.window_from, outline.period.window_to)


def parse_answer(outline: Outline, q: Question, text: str, *, today: date | None = None) -> Any:
    """A one-message answer to a scalar question."""
    if q.type in ("list", "documents", "table"):
        raise ParseError("Câu này được nhập theo từng mục/từng dòng.")
    text = clean_input(text)
    if is_none_answer(text) and not q.none_ok and q.type not in ("yesno",):
        raise ParseError(f"Câu này cần câu trả lời cụ thể, không nhận «{shown(text)}». {expected_form(q)}.")
    return parse_scalar(q, text, window=question_window(outline, q),
                        default_year=(today or date.today()).year, none_ok=q.none_ok)


def none_value(q: Question) -> Any:
    """The value stored when the officer answers "Không có"."""
    t = q.type
    if t in ("integer", "money"):
        return 0
    if t == "decimal":
        return 0.0
    if t == "percent":
        return {"value": 0.0}
    if t in ("list", "documents", "multichoice"):
        return []
    if t == "table":
        return {"rows": {}, "items": {}}
    if t == "yesno":
        return False
    if t == "date":
        return None
    return NONE_TEXT


_LABELED = re.compile(r"^\s*([^:：]{1,60})[:：]\s*(.*)$")


def parse_record(fields: list[ListField], text: str, *, default_year: int | None = None) -> dict[str, Any]:
    """One list item typed in one message: one field per line, in order, or "Nhãn: giá trị" lines."""
    from dialogs.text import norm_words

    lines = [ln.strip() for ln in clean_input(text).strip().splitlines() if ln.strip()]
    if len(lines) == 1 and len(fields) > 1 and ";" in lines[0]:
        lines = [p.strip() for p in lines[0].split(";")]
    values: dict[str, str] = {}
    by_label = {norm_words(f.label): f for f in fields} | {f.key: f for f in fields}
    positional: list[str] = []
    for ln in lines:
        m = _LABELED.match(ln)
        if m and norm_words(m.group(1)) in by_label:
            values[by_label[norm_words(m.group(1))].key] = m.group(2).strip()
        else:
            positional.append(ln)
    free = [f for f in fields if f.key not in values]
    if len(positional) > len(free):
        raise ParseError(
            f"Có {len(positional)} dòng nhưng chỉ còn {len(free)} trường: "
            + ", ".join(f.label for f in free)
            + ". Mỗi trường một dòng, theo đúng thứ tự."
        )
    for f, v in zip(free, positional, strict=False):
        values[f.key] = v
    out: dict[str, Any] = {}
    for f in fields:
        raw = values.get(f.key, "").strip()
        if not raw or raw == "-":
            if f.required:
                raise ParseError(f"Thiếu «{f.label}». {expected_form(f)}.")
            continue
        try:
            out[f.key] = parse_scalar(f, raw, default_year=default_year)
        except ParseError as e:
            raise ParseError(f"«{f.label}»: {e.message}") from None
    return out


def split_cells(text: str, cols: list[Column]) -> list[str]:
    """The cells of a Biểu row typed in one message: by ";" (or "|", line breaks) when there is one; otherwise
    by spaces, a unit word staying with its number ("350 triệu 49% 12 người" → 3 cells)."""
    s = clean_input(text).strip()
    if any(sep in s for sep in (";", "|", "\n")):
        return [p.strip() for p in re.split(r"[;|\n]", s)]
    units = [w.split() for w in unit_words([c.unit for c in cols])]
    tokens = s.split()
    cells: list[str] = []
    i = 0
    while i < len(tokens):
        n = _unit_at(tokens, i, units) if cells and re.search(r"\d", cells[-1]) else 0
        if n:
            cells[-1] = " ".join([cells[-1], *tokens[i:i + n]])
            i += n
        else:
            cells.append(tokens[i])
            i += 1
    return cells


def _unit_at(tokens: list[str], i: int, units: list[list[str]]) -> int:
    """How many tokens from ``i`` make a unit word (0: none); ``units`` folded, longest first."""
    for words in units:
        if [fold(t) for t in tokens[i:i + len(words)]] == words:
            return len(words)
    return 0


def parse_row(table: Table, text: str, *, with_label: bool = False) -> dict[str, Any]:
    """A Biểu row typed in one message: "12 5 3 0" (numbers by spaces) or cells separated by ";".

    With ``with_label`` (an item row under an open group), the first cell is the item's name.
    """
    cols = table.input_columns
    text = clean_input(text)
    cells = split_cells(text, cols)
    if with_label:
        parts = [p.strip() for p in re.split(r"[;|\n]", text.strip())]
        if len(parts) == len(cols) and cols and cols[0].type == "text" and len(cols) > 1:
            # no separate name: the first column (e.g. "Tên loại văn bản") names the row
            parts = [parts[0], *parts]
        if len(parts) < 2:
            raise ParseError(
                "Gõ tên rồi đến các cột, cách nhau bằng dấu chấm phẩy. Ví dụ: "
                + "; ".join(["Tên đơn vị"] + [cell_example(c) for c in cols])
            )
        cells = parts
    expected = len(cols) + (1 if with_label else 0)
    if len(cells) < expected:
        # trailing text columns (notes) may be left out: "1 2 3 4 5 6" for six numbers and a "Ghi chú"
        given = len(cells) - (1 if with_label else 0)
        if given >= 1 and all(c.type == "text" for c in cols[given:]):
            cells = cells + [""] * (expected - len(cells))
    if len(cells) != expected:
        names = ", ".join(c.label for c in cols)
        numeric_only = all(c.type in NUMERIC_TYPES for c in cols)
        sep = " " if numeric_only and not with_label else "; "
        example = sep.join((["Tên"] if with_label else []) + [cell_example(c) for c in cols])
        raise ParseError(
            f"Dòng này cần {expected} giá trị ({'tên, ' if with_label else ''}{names}), bạn gõ {len(cells)}. "
            f"Ví dụ: {example}"
        )
    out: dict[str, Any] = {}
    if with_label:
        label = cells[0].strip()
        if not label:
            raise ParseError("Thiếu tên ở ô đầu tiên.")
        out["label"] = label
        cells = cells[1:]
    for c, raw in zip(cols, cells, strict=True):
        raw = raw.strip()
        if raw in ("", "-"):
            continue
        try:
            out[c.key] = parse_scalar(c, raw)
        except ParseError as e:
            raise ParseError(f"Cột «{c.label}»: {e.message}") from None
    return out


def cell_example(c: Column) -> str:
    return {"integer": "12", "decimal": "12,5", "percent": "49%", "money": "350", "date": "19/6/2025",
            "yesno": "có", "choice": "1"}.get(c.type, "nội dung")


# --------------------------------------------------------------------------- numbers out of values


def numeric(q: Question | Column | ListField, value: Any) -> float | None:
    if value is None:
        return None
    t = q.type
    try:
        if t in ("integer", "decimal", "money"):
            n = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        elif t == "percent":
            n = Percent.from_json(value).value
        else:
            return None
    except (KeyError, TypeError, ValueError, OverflowError):  # e.g. a 400-digit integer stored before the limits
        return None
    return n if n is not None and math.isfinite(n) else None


@dataclass(frozen=True)
class _GridPlan:
    numeric_cols: tuple[str, ...]
    computed_cols: tuple[tuple[str, tuple[str, ...]], ...]
    all_cols: tuple[str, ...]
    percent_cols: frozenset[str]
    open_rows: tuple[str, ...]
    asked_rows: tuple[str, ...]
    computed_rows: tuple[tuple[str, tuple[str, ...]], ...]  # in dependency order
    unsummed_rows: frozenset[str] = frozenset()  # rates and averages: no computed column, never a summand


_PLANS: dict[int, tuple[Table, _GridPlan]] = {}


def _plan(table: Table) -> _GridPlan:
    hit = _PLANS.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    # only summed columns add up over rows (a rate, a share or a mean does not)
    numeric_cols = tuple(c.key for c in table.columns if c.type in NUMERIC_TYPES and c.type != "percent"
                         and (c.computed or aggregate_of(c) == "sum"))
    computed_cols = tuple((c.key, tuple(c.sum_of)) for c in table.columns if c.sum_of)
    known = {r.key for r in table.rows if r.asked or r.open}
    summed = summed_rows(table)
    pending = [r for r in table.rows if r.computed]
    ordered: list[tuple[str, tuple[str, ...]]] = []
    for _ in range(len(pending) + 1):
        progressed = False
        for r in list(pending):
            srcs = tuple(x.key for x in table.row_sum_sources(r) if x.key in summed)  # never a rate or average
            if all(k in known for k in srcs):
                ordered.append((r.key, srcs))
                known.add(r.key)
                pending.remove(r)
                progressed = True
        if not pending or not progressed:
            break
    plan = _GridPlan(numeric_cols, computed_cols, tuple(c.key for c in table.columns),
                     frozenset(c.key for c in table.columns if c.type == "percent"),
                     tuple(r.key for r in table.rows if r.open), tuple(r.key for r in table.rows if r.asked),
                     tuple(ordered), frozenset(r.key for r in table.rows if r.key not in summed))
    _PLANS[id(table)] = (table, plan)
    return plan


def _is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def table_grid(table: Table, value: Any) -> dict[str, dict[str, float | str | None]]:
    """Every cell of a Biểu, computed rows and columns included: {row_key: {col_key: value}}."""
    plan = _plan(table)
    rows_v = value.get("rows") or {} if isinstance(value, dict) else {}
    items_v = value.get("items") or {} if isinstance(value, dict) else {}
    grid: dict[str, dict[str, Any]] = {}

    def with_computed_cols(cells: dict[str, Any], rk: str) -> dict[str, Any]:
        if rk in plan.unsummed_rows:  # a sum of columns on a rate or average row means nothing
            for key, _ in plan.computed_cols:
                cells[key] = None
            return cells
        for key, parts in plan.computed_cols:
            nums = [cells.get(k) for k in parts]
            nums = [n for n in nums if _is_num(n)]
            cells[key] = sum(nums) if nums else None
        return cells

    for rk in plan.open_rows:
        agg: dict[str, Any] = {}
        for it in () if rk in plan.unsummed_rows else items_v.get(rk) or ():  # a rate row's items: no sum
            for ck in plan.numeric_cols:
                v = it.get(ck)
                if _is_num(v):
                    agg[ck] = (agg.get(ck) or 0) + v
        grid[rk] = with_computed_cols(agg, rk)
    for rk in plan.asked_rows:
        src = rows_v.get(rk) or {}
        cells = {}
        for ck in plan.all_cols:
            v = src.get(ck)
            if ck in plan.percent_cols and isinstance(v, dict):
                v = v.get("value")
            cells[ck] = v
        grid[rk] = with_computed_cols(cells, rk)
    for rk, srcs in plan.computed_rows:
        cells = {}
        for ck in plan.numeric_cols:
            nums = [grid[s].get(ck) for s in srcs]
            nums = [n for n in nums if _is_num(n)]
            cells[ck] = sum(nums) if nums and rk not in plan.unsummed_rows else None
        grid[rk] = with_computed_cols(cells, rk)
    return grid


def rule_values(outline: Outline, answers: dict[str, Any]) -> dict[str, float]:
    vals: dict[str, float] = {}
    for key, v in answers.items():
        if not outline.has(key):
            continue
        q = outline.question(key)
        if q.type == "table" and q.table is not None:
            for rk, cells in table_grid(q.table, v).items():
                for ck, cv in cells.items():
                    if isinstance(cv, int | float) and not isinstance(cv, bool):
                        vals[f"{key}.{rk}.{ck}"] = float(cv)
        else:
            n = numeric(q, v)
            if n is not None:
                vals[key] = n
    return vals


@dataclass(frozen=True)
class RuleFailure:
    check: str
    message: str
    keys: tuple[str, ...]


def failing_rules(outline: Outline, answers: dict[str, Any], involving: str | None = None) -> list[RuleFailure]:
    """Rules whose answers all exist and that fail; with ``involving``, only rules naming that key — and then only
    the answers those rules name are read (a field save in a full report: the one Biểu or two a rule names, not
    every table's grid)."""
    rules, needed = _rule_index(outline).get(involving, ([], frozenset()))
    if not rules:
        return []
    vals = rule_values(outline, answers if involving is None else {k: answers[k] for k in needed if k in answers})
    return [RuleFailure(r.check, r.message, keys) for r, cr, keys in rules if evaluate(cr, vals) is False]


Indexed = tuple[Any, Any, tuple[str, ...]]  # a rule, compiled, and the answer keys it names


def _rule_index(outline: Outline) -> dict[str | None, tuple[list[Indexed], frozenset[str]]]:
    """The outline's rules compiled once: by each key they name (with every key those rules read), and all of them
    under None; rebuilt when the outline's list of rules is another."""
    hit = outline.__dict__.get("_rule_index")
    if hit is not None and hit[0] is outline.rules and hit[1] == len(outline.rules):
        return hit[2]
    every: list[Indexed] = []
    by_key: dict[str | None, list[Indexed]] = {}
    for r in outline.rules:
        cr = compile_rule(r.check)
        keys = tuple(dict.fromkeys(n.split(".")[0] for n in cr.names))
        every.append((r, cr, keys))
        for k in keys:
            by_key.setdefault(k, []).append((r, cr, keys))
    index: dict[str | None, tuple[list[Indexed], frozenset[str]]] = {
        k: (rs, frozenset(x for _, _, ks in rs for x in ks)) for k, rs in by_key.items()}
    index[None] = (every, frozenset())
    outline.__dict__["_rule_index"] = (outline.rules, len(outline.rules), index)
    return index


# --------------------------------------------------------------------------- formatting and change


def format_scalar(item: Question | ListField | Column, value: Any) -> str:
    if value is None:
        return "—"
    t = item.type
    unit = getattr(item, "unit", None)
    if t == "integer":  # a figure carried up as a mean of whole numbers keeps its decimals (22,5 học sinh/lớp)
        shown = format_integer(value) if float(value).is_integer() else format_decimal(value)
        return shown + (f" {unit}" if unit and unit != "%" else "")
    if t == "decimal":
        return format_decimal(value) + (f"{unit}" if unit == "%" else f" {unit}" if unit else "")
    if t == "percent":
        return format_percent(Percent.from_json(value))
    if t == "money":
        return format_money(value, unit or "triệu đồng")
    if t == "date":
        try:
            return format_date(date.fromisoformat(value))
        except (TypeError, ValueError):
            return str(value)
    if t == "yesno":
        return "Có" if value else "Không"
    if t == "choice":
        for o in getattr(item, "options", None) or []:
            if o.key == value:
                return o.label
        return str(value)
    if t == "multichoice":
        labels = {o.key: o.label for o in getattr(item, "options", None) or []}
        return ", ".join(labels.get(k, k) for k in value) or NONE_TEXT
    return str(value)


SOURCE_KEY = "_nguon"
"""A list item carried upward from a lower unit (the province's report to the centre) names that unit here: the
key cannot be an outline's field (keys start with a letter)."""


def item_source(rec: Any) -> str | None:
    """The lower unit a list item was carried from (:data:`SOURCE_KEY`), if any."""
    src = rec.get(SOURCE_KEY) if isinstance(rec, dict) else None
    return src if isinstance(src, str) and src else None


def item_unit(unit_name: str, rec: Any) -> str:
    """The unit a list item is shown under: "Tỉnh An Giang — Xã Mỹ Hòa Hưng" for an item the province carried up."""
    src = item_source(rec)
    return f"{unit_name} — {src}" if src else unit_name


def format_record(fields: list[ListField], rec: dict[str, Any]) -> str:
    parts = [format_scalar(f, rec[f.key]) for f in fields if rec.get(f.key) not in (None, "")]
    src = item_source(rec)
    return (f"[{src}] " if src else "") + "; ".join(parts)


def format_value(q: Question, value: Any, *, limit: int | None = None) -> str:
    """A human-readable rendering of any answer (several lines for lists and tables)."""
    if q.type in ("list", "documents"):
        items = value or []
        if not items:
            return NONE_TEXT
        lines = [f"{i}. {format_record(q.record_fields, it)}" for i, it in enumerate(items, 1)]
        s = "\n".join(lines)
    elif q.type == "table" and q.table is not None:
        s = format_table(q.table, value)
    else:
        s = format_scalar(q, value)
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return s


def format_table(table: Table, value: Any) -> str:
    grid = table_grid(table, value)
    items_v = (value or {}).get("items", {}) if isinstance(value, dict) else {}
    lines = []
    for r in table.rows:
        cells = grid.get(r.key, {})
        shown = [f"{c.label}: {format_scalar(c, cells.get(c.key))}" for c in table.columns
                 if cells.get(c.key) not in (None, "")]
        prefix = f"{r.no} " if r.no else ""
        if shown:
            lines.append(f"{prefix}{r.label} — " + "; ".join(shown))
        for it in items_v.get(r.key, []) or []:
            parts = [format_scalar(c, it.get(c.key)) for c in table.input_columns if it.get(c.key) not in (None, "")]
            lines.append(f"   • {it.get('label', '')}: " + "; ".join(parts))
    return "\n".join(lines) if lines else NONE_TEXT


@dataclass(frozen=True)
class Change:
    kind: str  # "new", "same", "up", "down", "changed"
    delta: float | None = None

    def label(self, q: Question | None = None, previous_label: str = "kỳ trước") -> str:
        if self.kind == "new":
            return "mới"
        if self.kind == "same":
            return "= không đổi"
        if self.kind in ("up", "down") and self.delta is not None:
            arrow = "▲" if self.kind == "up" else "▼"
            sign = "+" if self.delta > 0 else "−"
            mag = abs(self.delta)
            if q is not None and q.type == "percent":
                num = format_decimal(mag) + " điểm %"
            elif q is not None and q.type == "money":
                num = format_money(mag, q.unit or "triệu đồng")
            elif q is not None and q.type == "integer":
                num = format_integer(mag)
            else:
                num = format_decimal(mag)
            return f"{arrow} {sign}{num} so với {previous_label}"
        return f"✎ đã thay đổi so với {previous_label}"

    @property
    def changed(self) -> bool:
        return self.kind not in ("same",)


def compare(q: Question, current: Any, previous: Any, *, has_previous: bool = True) -> Change:
    if not has_previous or previous is None:
        return Change("new")
    if q.type in NUMERIC_TYPES:
        a, b = numeric(q, current), numeric(q, previous)
        if a is None or b is None:
            return Change("new" if b is None else "changed")
        if abs(a - b) < 1e-9:
            return Change("same")
        return Change("up" if a > b else "down", a - b)
    if q.type == "table" and q.table is not None:
        return Change("same" if table_grid(q.table, current) == table_grid(q.table, previous)
                      and (current or {}).get("items") == (previous or {}).get("items") else "changed")
    if isinstance(current, str) and isinstance(previous, str):
        return Change("same" if current.strip() == previous.strip() else "changed")
    return Change("same" if current == previous else "changed")


def is_blank(value: Any) -> bool:
    return value is None or value == "" or value == NONE_TEXT or value == [] or value == {"rows": {}, "items": {}}
