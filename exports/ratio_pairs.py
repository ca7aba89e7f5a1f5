"""A Biểu's ratios (a ratio column «Năng suất» = «Sản lượng» / «Diện tích» × 10, a ratio row «Thu nhập bình quân»
= «Tổng thu nhập» / «Dân số») recomputed over the units' parts paired unit by unit, as a ratio question is: a unit
counts only when it gave both parts. A unit that gave an output but no area never adds its output to another unit's
area; one that gave an area and its own yield but no output is left out too (its yield is named in its own table).

Each ratio cell keeps its parts (:class:`Pair`): the summed numerator and denominator of the units counted, how
many were counted and how many gave any of the three figures — the note under the Biểu says which cells were
computed on fewer units than gave figures, and which are empty because no unit gave both parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dialogs.answers import table_grid
from dialogs.figures import aggregate_of, row_aggregates
from dialogs.outline import NUMERIC_TYPES, Table
from dialogs.parsing import format_decimal, money_shown


@dataclass
class Pair:
    num: float = 0.0
    den: float = 0.0
    counted: int = 0  # units that gave both parts
    given: int = 0  # units that gave any of the parts or the ratio


def _num(x: Any) -> float | None:
    x = x.get("value") if isinstance(x, dict) else x
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


def unit_parts(n: float | None, d: float | None) -> tuple[float, float] | None:
    """One unit's numerator and denominator, when it gave both (its own ratio alone makes neither)."""
    return (n, d) if n is not None and d is not None else None


def _add(pairs: dict[str, Pair], rk: str, n: Any, d: Any, r: Any) -> None:
    n, d, r = _num(n), _num(d), _num(r)
    if n is None and d is None and r is None:
        return
    p = pairs.setdefault(rk, Pair())
    p.given += 1
    if (nd := unit_parts(n, d)) is not None:
        p.num, p.den, p.counted = p.num + nd[0], p.den + nd[1], p.counted + 1


def ratio_columns(t: Table) -> list[Any]:
    return [c for c in t.input_columns if c.type in NUMERIC_TYPES and aggregate_of(c) == "ratio"
            and c.numerator and c.denominator]


def ratio_rows(t: Table) -> list[Any]:
    aggs = row_aggregates(t)
    return [r for r in t.rows if aggs.get(r.key) == "ratio" and r.numerator and r.denominator]


def column_pairs(t: Table, values: list[Any]) -> dict[str, dict[str, Pair]]:
    """Each ratio column → each data or open row → its units' paired parts (an open row: over its items)."""
    cols = ratio_columns(t)
    out: dict[str, dict[str, Pair]] = {c.key: {} for c in cols}
    if not cols:
        return out
    for v in values:
        srcs = list((v.get("rows") or {}).items())
        srcs += [(rk, it) for rk, its in (v.get("items") or {}).items() for it in its or ()]
        for rk, cells in srcs:
            if not isinstance(cells, dict):
                continue
            for c in cols:
                _add(out[c.key], rk, cells.get(c.numerator), cells.get(c.denominator), cells.get(c.key))
    return out


def column_grid(t: Table, col: Any, pairs: dict[str, Pair]) -> dict[str, dict[str, Any]]:
    """The paired numerator and denominator of ``col`` on every row, group rows summing their rows' pairs."""
    opened = {r.key for r in t.rows if r.open}
    rows = {rk: {col.numerator: p.num, col.denominator: p.den} for rk, p in pairs.items()
            if p.counted and rk not in opened}
    items = {rk: [{col.numerator: p.num, col.denominator: p.den}] for rk, p in pairs.items()
             if p.counted and rk in opened}
    return table_grid(t, {"rows": rows, "items": items})


def row_pairs(t: Table, values: list[Any], columns: list[str]) -> dict[tuple[str, str], Pair]:
    """Each ratio row and summed column → its units' paired parts (the unit's own numerator and denominator rows,
    group rows computed within the unit)."""
    rrows = ratio_rows(t)
    out: dict[tuple[str, str], Pair] = {}
    if not rrows:
        return out
    asked = {r.key for r in t.rows if r.asked}
    for v in values:
        own = v.get("rows") or {}
        if any(k not in asked for r in rrows for k in (r.numerator, r.denominator)):
            own = table_grid(t, v)
        for r in rrows:
            cn, cd, cr = own.get(r.numerator) or {}, own.get(r.denominator) or {}, own.get(r.key) or {}
            for ck in columns:
                per: dict[str, Pair] = {}
                if (p := out.get((r.key, ck))) is not None:
                    per[r.key] = p
                _add(per, r.key, cn.get(ck), cd.get(ck), cr.get(ck))
                if r.key in per:
                    out[(r.key, ck)] = per[r.key]
    return out


def _part(v: Any, col: Any) -> str:
    if not isinstance(v, int | float):
        return "—"
    return format_decimal(money_shown(v, col.unit), 3) if col.type == "money" else format_decimal(v)


def pairs_note(t: Table, cols: dict[str, dict[str, Pair]], rows: dict[tuple[str, str], Pair],
               fractions: dict[tuple[str, str], Pair] | None = None, partial: list[str] | None = None) -> str | None:
    """The sentence under the Biểu naming the ratio cells computed on fewer units than gave figures, and those
    left empty because no unit gave both parts; None when every unit that gave a figure was counted."""
    names = {r.key: r.label for r in t.rows}
    fewer: list[str] = []
    empty: list[str] = []
    for ck, per in cols.items():
        col = t.column(ck)
        for rk, p in per.items():
            _describe(f"«{col.label}», dòng «{names.get(rk, rk)}»", p, fewer, empty)
    for (rk, ck), p in rows.items():
        _describe(f"«{names.get(rk, rk)}», cột «{t.column(ck).label}»", p, fewer, empty)
    parts = []
    if fractions:
        parts.append("riêng các ô sau, mọi đơn vị nhập dạng tử/mẫu nên tính lại từ tổng tử số và tổng mẫu số (không "
                     "phải trung bình cộng): " + "; ".join(_cut([f"«{t.column(ck).label}», dòng «{names.get(rk, rk)}» "
                                                 f"({_n(p.num)}/{_n(p.den)})" for (rk, ck), p in fractions.items()])))
    if fewer:
        parts.append("tỷ lệ, bình quân chỉ tính trên các đơn vị có đủ cả hai số (đơn vị nhập thiếu một số không được "
                     "tính): " + "; ".join(_cut(fewer)))
    if empty:
        parts.append("để trống vì không đơn vị nào nhập đủ cả hai số: " + "; ".join(_cut(empty)))
    if partial:
        parts.append("tỷ lệ của dòng tổng chỉ tính trên các số của đơn vị nhập đủ cả hai phần: " + "; ".join(_cut(partial)))
    if not parts:
        return None
    text = ". ".join(p[0].upper() + p[1:] for p in parts)
    return f"Ghi chú: {text}."


def _n(x: float) -> str:
    return format_decimal(x)


def _describe(where: str, p: Pair, fewer: list[str], empty: list[str]) -> None:
    if p.counted == 0:
        empty.append(where)
    elif p.counted < p.given:
        fewer.append(f"{where}: {p.counted}/{p.given} đơn vị")


def _cut(xs: list[str], most: int = 8) -> list[str]:
    return xs if len(xs) <= most else xs[:most] + [f"và {len(xs) - most} ô khác"]


@dataclass
class Paired:
    cols: dict[str, dict[str, Pair]]  # ratio column → row → parts
    grids: dict[str, dict[str, dict[str, Any]]]  # ratio column → its parts on every row (group rows too)
    rows: dict[tuple[str, str], Pair]  # (ratio row, summed column) → parts
    fractions: dict[tuple[str, str], Pair] = field(default_factory=dict)  # (row, mean % column) → «47/96» parts
    partial: list[str] = field(default_factory=list)  # total rows whose ratio is not that of the sums beside it

    def note(self, t: Table) -> str | None:
        return pairs_note(t, self.cols, self.rows, self.fractions, self.partial)

    def check_totals(self, t: Table, grid: dict[str, dict[str, Any]]) -> None:
        """Name each computed row («Tổng cộng», a group row) whose ratio is worked from parts paired unit by unit
        that are not the two sums printed on the same row (a unit gave one part only): the reader sees why."""
        for ck, per in self.grids.items():
            col = t.column(ck)
            for r in t.rows:
                if not (r.computed or r.kind == "total") or grid.get(r.key, {}).get(ck) is None:
                    continue
                mine, shown = per.get(r.key) or {}, grid.get(r.key, {})
                pn, pd = mine.get(col.numerator), mine.get(col.denominator)
                sn, sd = shown.get(col.numerator), shown.get(col.denominator)
                if any(isinstance(x, int | float) and isinstance(y, int | float) and abs(x - y) > 1e-9
                       for x, y in ((pn, sn), (pd, sd))):
                    a, b = t.column(col.numerator), t.column(col.denominator)
                    self.partial.append(f"«{col.label}», dòng «{r.label}»: {_part(pn, a)}/{_part(pd, b)}, không phải "
                                        f"{_part(sn, a)}/{_part(sd, b)} của hai cột in bên cạnh")


def paired(t: Table, values: list[Any], summed: list[str]) -> Paired:
    """The ratio columns' and ratio rows' parts of a Biểu, paired unit by unit."""
    cols = column_pairs(t, values)
    grids = {ck: column_grid(t, t.column(ck), per) for ck, per in cols.items()}
    return Paired(cols, grids, row_pairs(t, values, summed), fraction_cells(t, values))


def fraction_cells(t: Table, values: list[Any]) -> dict[tuple[str, str], Pair]:
    """The cells of a rate column averaged over the units («Tỷ lệ giải quyết đúng hạn (%)», ``mean``) that every
    unit giving a figure typed as parts («47/96», «3/4»): their summed parts — the rate is recomputed from them
    (50/100 = 50 %, not the mean of 48,96 % and 75 %), as for a rate question."""
    cols = [c.key for c in t.input_columns if c.type == "percent" and aggregate_of(c) == "mean"]
    out: dict[tuple[str, str], Pair] = {}
    if not cols:
        return out
    whole: set[tuple[str, str]] = set()
    for v in values:
        for rk, cells in (v.get("rows") or {}).items():
            for ck in cols:
                x = cells.get(ck) if isinstance(cells, dict) else None
                if _num(x) is None:
                    continue
                p = out.setdefault((rk, ck), Pair())
                p.given += 1
                n, d = (x.get("num"), x.get("den")) if isinstance(x, dict) else (None, None)
                if _num(n) is not None and _num(d):
                    p.num, p.den, p.counted = p.num + float(n), p.den + float(d), p.counted + 1
                else:
                    whole.add((rk, ck))
    return {k: p for k, p in out.items() if k not in whole and p.den}
