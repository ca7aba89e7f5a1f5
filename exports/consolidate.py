"""Consolidation: many units' answers to one outline and period → one report's figures (no Telegram here).

For each question, in the outline's order:
  numbers     → total, units answering, change against the previous period (total and per unit);
  percentages → recomputed from summed parts when given as "47/96", else average and range;
  lists       → one merged list with the unit on each row, with counts by status;
  Biểu        → summed cell by cell in the Biểu's own layout (computed rows/columns), each unit's own table kept;
  narratives  → each unit's text, similar texts grouped ("N đơn vị nêu: …") most common first;
plus completeness: units submitted on time, late, in draft, not started — by name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rapidfuzz import fuzz, process

from dialogs.answers import is_blank, numeric, table_grid
from dialogs.lifecycle import Status, is_sent
from dialogs.outline import NUMERIC_TYPES, Outline, QuestionRef, Table
from dialogs.parsing import Percent
from dialogs.text import norm_words


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name: str
    kind: str
    parent: str | None = None


@dataclass
class NumericSummary:
    total: float = 0.0
    count: int = 0
    prev_total: float | None = None
    prev_count: int = 0
    # percentages
    mode: str = "sum"  # "sum", "fraction", "average"
    num: float = 0.0
    den: float = 0.0
    prev_num: float = 0.0
    prev_den: float = 0.0
    minimum: float | None = None
    maximum: float | None = None
    per_unit: list[tuple[UnitInfo, float, float | None]] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        if self.count == 0:
            return None
        if self.mode == "fraction":
            return self.num * 100 / self.den if self.den else None
        if self.mode == "average":
            return self.total / self.count
        return self.total

    @property
    def prev_value(self) -> float | None:
        if self.prev_total is None or self.prev_count == 0:
            return None
        if self.mode == "fraction":
            return self.prev_num * 100 / self.prev_den if self.prev_den else None
        if self.mode == "average":
            return self.prev_total / self.prev_count
        return self.prev_total

    @property
    def delta(self) -> float | None:
        v, p = self.value, self.prev_value
        return None if v is None or p is None else v - p


@dataclass
class ChoiceSummary:
    counts: Counter = field(default_factory=Counter)
    per_unit: list[tuple[UnitInfo, Any]] = field(default_factory=list)


@dataclass
class ListSummary:
    rows: list[tuple[UnitInfo, dict[str, Any]]] = field(default_factory=list)
    units_with_items: int = 0
    by_field: dict[str, Counter] = field(default_factory=dict)  # choice fields and document kinds
    prev_count: int | None = None

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass
class TableSummary:
    table: Table
    grid: dict[str, dict[str, float | None]] = field(default_factory=dict)
    prev_grid: dict[str, dict[str, float | None]] | None = None
    per_unit: list[tuple[UnitInfo, dict[str, dict[str, Any]]]] = field(default_factory=list)
    items: dict[str, list[tuple[UnitInfo, dict[str, Any]]]] = field(default_factory=dict)
    texts: dict[tuple[str, str], list[tuple[UnitInfo, str]]] = field(default_factory=dict)
    units: int = 0


@dataclass
class NarrativeGroup:
    text: str
    units: list[UnitInfo]
    texts: list[str]


@dataclass
class NarrativeSummary:
    groups: list[NarrativeGroup] = field(default_factory=list)  # 2+ units, most units first
    singles: list[tuple[UnitInfo, str]] = field(default_factory=list)
    none_units: list[UnitInfo] = field(default_factory=list)  # answered "không"

    @property
    def count(self) -> int:
        return sum(len(g.units) for g in self.groups) + len(self.singles)


@dataclass
class Item:
    ref: QuestionRef
    kind: str  # numeric, choice, list, table, narrative, date
    summary: Any
    answered: int = 0
    eligible: int = 0


@dataclass
class Completeness:
    on_time: list[tuple[UnitInfo, datetime | None]] = field(default_factory=list)
    late: list[tuple[UnitInfo, datetime | None]] = field(default_factory=list)
    draft: list[tuple[UnitInfo, int]] = field(default_factory=list)
    returned: list[UnitInfo] = field(default_factory=list)
    not_started: list[UnitInfo] = field(default_factory=list)
    approved: set[int] = field(default_factory=set)  # unit ids of the submitted whose report was approved

    @property
    def expected(self) -> int:
        return len(self.on_time) + len(self.late) + len(self.draft) + len(self.returned) + len(self.not_started)

    @property
    def submitted(self) -> int:
        return len(self.on_time) + len(self.late)


@dataclass
class Consolidation:
    outline: Outline
    period_label: str
    deadline: datetime | None
    previous_label: str | None
    scope_name: str
    units: list[UnitInfo]
    items: list[Item]
    completeness: Completeness
    current: dict[int, dict[str, Any]]
    previous: dict[int, dict[str, Any]]
    reasons: dict[int, dict[str, str]] = field(default_factory=dict)  # unit id → key → reason for a large change

    def state(self, u: UnitInfo, base: str) -> str:
        """A submitted unit's state label, with "đã duyệt" when its report was approved."""
        return f"{base} (đã duyệt)" if u.id in self.completeness.approved else base

    def item(self, key: str) -> Item:
        for it in self.items:
            if it.ref.key == key:
                return it
        raise KeyError(key)


# --------------------------------------------------------------------------- building


def consolidate(outline: Outline, *, units: list[UnitInfo], current: dict[int, dict[str, Any]],
                previous: dict[int, dict[str, Any]] | None, status: dict[int, str],
                submitted_at: dict[int, datetime | None], period_label: str, deadline: datetime | None,
                previous_label: str | None = None, scope_name: str = "", similarity: int = 82,
                reasons: dict[int, dict[str, str]] | None = None) -> Consolidation:
    previous = previous or {}
    has_prev = bool(previous)
    items: list[Item] = []
    for ref in outline.refs:
        q = ref.question
        # who could answer: units for whom the question is visible
        eligible = [u for u in units if _visible(outline, ref, u, current.get(u.id, {}))]
        answered = [u for u in eligible if ref.key in current.get(u.id, {})]
        if q.type in NUMERIC_TYPES:
            s = _numeric(q.type, ref.key, eligible, current, previous if has_prev else None, q)
            items.append(Item(ref, "numeric", s, len(answered), len(eligible)))
        elif q.type in ("yesno", "choice", "multichoice"):
            cs = ChoiceSummary()
            for u in answered:
                v = current[u.id][ref.key]
                cs.per_unit.append((u, v))
                for k in (v if isinstance(v, list) else [v]):
                    cs.counts[k] += 1
            items.append(Item(ref, "choice", cs, len(answered), len(eligible)))
        elif q.type in ("list", "documents"):
            ls = ListSummary()
            choice_fields = [f for f in q.record_fields if f.type == "choice" or f.key == "loai"]
            for f in choice_fields:
                ls.by_field[f.key] = Counter()
            prev_n = 0
            for u in eligible:
                rows = current.get(u.id, {}).get(ref.key) or []
                if rows:
                    ls.units_with_items += 1
                for r in rows:
                    ls.rows.append((u, r))
                    for f in choice_fields:
                        val = r.get(f.key)
                        if val not in (None, ""):
                            ls.by_field[f.key][_label(f, val)] += 1
                if has_prev:
                    prev_n += len(previous.get(u.id, {}).get(ref.key) or [])
            ls.prev_count = prev_n if has_prev else None
            items.append(Item(ref, "list", ls, len(answered), len(eligible)))
        elif q.type == "table" and q.table is not None:
            items.append(Item(ref, "table", _table(q.table, ref.key, eligible, current, previous if has_prev else None),
                              len(answered), len(eligible)))
        elif q.type == "date":
            ds = ChoiceSummary()
            for u in answered:
                ds.per_unit.append((u, current[u.id][ref.key]))
            items.append(Item(ref, "date", ds, len(answered), len(eligible)))
        else:
            texts = [(u, str(current[u.id][ref.key])) for u in answered]
            items.append(Item(ref, "narrative", group_narratives(texts, similarity), len(answered), len(eligible)))
    comp = _completeness(units, current, status, submitted_at, deadline)
    return Consolidation(outline, period_label, deadline, previous_label, scope_name, units, items, comp,
                         current, previous, reasons or {})


def _visible(outline: Outline, ref: QuestionRef, u: UnitInfo, answers: dict[str, Any]) -> bool:
    conds = [s.visible_if for s in ref.path if s.visible_if] + ([ref.question.visible_if] if ref.question.visible_if else [])
    return all(c.holds(u.code, u.kind, answers) for c in conds)


def _label(f: Any, val: Any) -> str:
    for o in getattr(f, "options", None) or []:
        if o.key == val:
            return o.label
    return str(val)


def _numeric(qtype: str, key: str, eligible: list[UnitInfo], current: dict[int, dict[str, Any]],
             previous: dict[int, dict[str, Any]] | None, q: Any) -> NumericSummary:
    s = NumericSummary()
    if previous is not None:
        s.prev_total = 0.0
    fractions = 0
    plain = 0
    vals: list[float] = []
    for u in eligible:
        cur = current.get(u.id, {}).get(key)
        prv = previous.get(u.id, {}).get(key) if previous is not None else None
        c = numeric(q, cur)
        p = numeric(q, prv)
        if c is not None:
            s.total += c
            s.count += 1
            vals.append(c)
            if qtype == "percent":
                pc = Percent.from_json(cur)
                if pc.num is not None and pc.den:
                    s.num += pc.num
                    s.den += pc.den
                    fractions += 1
                else:
                    plain += 1
        if p is not None and s.prev_total is not None:
            s.prev_total += p
            s.prev_count += 1
            if qtype == "percent":
                pp = Percent.from_json(prv)
                if pp.num is not None and pp.den:
                    s.prev_num += pp.num
                    s.prev_den += pp.den
        if c is not None or p is not None:
            s.per_unit.append((u, c, p))  # type: ignore[arg-type]
    if qtype == "percent":
        s.mode = "fraction" if fractions and not plain else "average"
    if vals:
        s.minimum, s.maximum = min(vals), max(vals)
    return s


PER_UNIT_TABLES_MAX = 300  # each unit's own Biểu is kept (for the .xlsx) up to this many units


def _table(t: Table, key: str, eligible: list[UnitInfo], current: dict[int, dict[str, Any]],
           previous: dict[int, dict[str, Any]] | None) -> TableSummary:
    """Sum the Biểu's input cells over units, then compute totals once: the totals are linear, so the
    total of the sums is the sum of each unit's totals (percentages are averaged instead)."""
    ts = TableSummary(t)
    keep = len(eligible) <= PER_UNIT_TABLES_MAX
    text_cols = [c for c in t.columns if c.type not in NUMERIC_TYPES]
    pct_cols = [c.key for c in t.input_columns if c.type == "percent"]
    sum_cols = [c.key for c in t.input_columns if c.type in NUMERIC_TYPES and c.type != "percent"]

    def accumulate(values: list[Any]) -> tuple[dict[str, Any], dict[tuple[str, str], list[float]]]:
        rows: dict[str, dict[str, float]] = {}
        pct: dict[tuple[str, str], list[float]] = defaultdict(list)
        for v in values:
            for rk, cells in (v.get("rows") or {}).items():
                acc = rows.setdefault(rk, {})
                for ck in sum_cols:
                    x = cells.get(ck)
                    if isinstance(x, int | float) and not isinstance(x, bool):
                        acc[ck] = acc.get(ck, 0) + x
                for ck in pct_cols:
                    x = cells.get(ck)
                    x = x.get("value") if isinstance(x, dict) else x
                    if isinstance(x, int | float) and not isinstance(x, bool):
                        pct[(rk, ck)].append(float(x))
        return rows, pct

    values = []
    for u in eligible:
        v = current.get(u.id, {}).get(key)
        if not isinstance(v, dict):
            continue
        values.append(v)
        ts.units += 1
        if keep:
            ts.per_unit.append((u, table_grid(t, v)))
        for rk, items in (v.get("items") or {}).items():
            for it in items:
                ts.items.setdefault(rk, []).append((u, it))
        for rk, cells in (v.get("rows") or {}).items():
            for c in text_cols:
                val = cells.get(c.key)
                if val not in (None, ""):
                    ts.texts.setdefault((rk, c.key), []).append((u, str(val)))
    rows, pct = accumulate(values)
    agg_items = {rk: [it for _, it in lst] for rk, lst in ts.items.items()}
    ts.grid = table_grid(t, {"rows": rows, "items": agg_items})
    for (rk, ck), vals in pct.items():
        ts.grid.setdefault(rk, {})[ck] = sum(vals) / len(vals)
    if previous is not None:
        pvals = [pv for u in eligible if isinstance(pv := previous.get(u.id, {}).get(key), dict)]
        prow, _ = accumulate(pvals)
        pitems: dict[str, list[Any]] = {}
        for pv in pvals:
            for rk, items in (pv.get("items") or {}).items():
                pitems.setdefault(rk, []).extend(items)
        ts.prev_grid = table_grid(t, {"rows": prow, "items": pitems})
    return ts


def group_narratives(texts: list[tuple[UnitInfo, str]], similarity: int = 82, max_clusters: int = 400) -> NarrativeSummary:
    """Group texts that say much the same thing (rapidfuzz over normalised text), most units first."""
    ns = NarrativeSummary()
    reps: list[str] = []
    members: list[list[tuple[UnitInfo, str]]] = []
    for u, t in texts:
        if is_blank(t) or norm_words(t) in ("khong", "khong co"):
            ns.none_units.append(u)
            continue
        key = norm_words(t)[:400]
        hit = process.extractOne(key, reps, scorer=fuzz.token_sort_ratio, score_cutoff=similarity) if reps else None
        if hit is not None:
            members[hit[2]].append((u, t))
        elif len(reps) < max_clusters:
            reps.append(key)
            members.append([(u, t)])
        else:
            ns.singles.append((u, t))
    for m in members:
        if len(m) >= 2:
            # the representative: the most common exact text, else the shortest
            common = Counter(t.strip() for _, t in m).most_common(1)[0]
            rep = common[0] if common[1] > 1 else min((t for _, t in m), key=len)
            ns.groups.append(NarrativeGroup(rep.strip(), [u for u, _ in m], [t for _, t in m]))
        else:
            ns.singles.append(m[0])
    ns.groups.sort(key=lambda g: (-len(g.units), g.text))
    return ns


def _completeness(units: list[UnitInfo], current: dict[int, dict[str, Any]], status: dict[int, str],
                  submitted_at: dict[int, datetime | None], deadline: datetime | None) -> Completeness:
    c = Completeness()
    for u in sorted(units, key=lambda x: x.name):
        st = status.get(u.id)
        n = len(current.get(u.id, {}))
        if is_sent(st):
            if st == Status.APPROVED:
                c.approved.add(u.id)
            at = submitted_at.get(u.id)
            if deadline is not None and at is not None and at > deadline:
                c.late.append((u, at))
            else:
                c.on_time.append((u, at))
        elif st == Status.RETURNED:
            c.returned.append(u)
        elif n > 0:
            c.draft.append((u, n))
        else:
            c.not_started.append(u)
    return c

