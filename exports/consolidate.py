"""Consolidation: many units' answers to one outline and period → one report's figures (no Telegram here).

Only sent reports (:data:`dialogs.figures.SENT_STATUSES`: submitted, approved, unlocked, corrected) count, unless a supervisor
asks for provisional figures (``include_drafts``: drafts and returned reports count too, and the documents
say so). For each question, in the outline's order:
  numbers     → the aggregate the outline declares or its default (:func:`dialogs.figures.aggregate_of`):
                sum, mean (percentages given as "47/96" by every unit: recomputed from the summed parts),
                ratio recomputed from two summed questions, min, max or none; units answering; change
                against the previous period, like with like: when the units with a figure differ between the
                two periods (or a rate was pooled in one and a plain mean in the other), the change is measured
                only on the units with a figure in both, by one method (:class:`Compared`);
  lists       → one merged list with the unit on each row, with counts by status;
  Biểu        → summed cell by cell in the Biểu's own layout (computed rows/columns); rates averaged or
                recomputed from summed parts, shares recomputed from the summed counts; each unit's own table kept;
  narratives  → each unit's text; only near-identical texts that state the same figures, dates and
                documents are grouped ("N đơn vị nêu: …"), most common first;
plus completeness: units submitted on time, late, in draft, not started — by name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from math import isfinite
from typing import Any

from rapidfuzz import fuzz, process

from dialogs.answers import is_blank, numeric, table_grid
from dialogs.figures import (  # noqa: F401 (one_measure: re-exported)
    SENT_STATUSES,
    aggregate_of,
    one_measure,
    row_aggregates,
    summed_rows,
    total_row,
)
from dialogs.lifecycle import Status, is_sent
from dialogs.outline import NUMERIC_TYPES, Outline, QuestionRef, Table
from dialogs.parsing import Percent
from dialogs.text import fold, norm_words
from exports.ratio_pairs import Paired, paired


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name: str
    kind: str
    parent: str | None = None


@dataclass(frozen=True)
class Compared:
    """The change measured like with like: over the ``units`` units with a figure in both periods, by the same
    method (``prev`` and ``cur``: their aggregate in each period; None when no unit has both)."""
    units: int
    prev: float | None
    cur: float | None
    plain_mean: bool = False  # a rate pooled from parts in one period only: averaged in both

    @property
    def delta(self) -> float | None:
        return None if self.prev is None or self.cur is None else self.cur - self.prev


@dataclass
class NumericSummary:
    total: float = 0.0
    count: int = 0
    prev_total: float | None = None
    prev_count: int = 0
    # "sum", "average" (mean), "fraction" (a mean of percentages all given as parts: recomputed from them),
    # "weighted" (carried-up means, each with the number of units it stands for: num = Σ mean × n, den = Σ n),
    # "ratio" (recomputed from two summed questions), "min", "max", "none"
    mode: str = "sum"
    num: float = 0.0
    den: float = 0.0
    prev_num: float = 0.0
    prev_den: float = 0.0
    minimum: float | None = None
    maximum: float | None = None
    prev_minimum: float | None = None
    prev_maximum: float | None = None
    prev_mode: str | None = None  # the previous period's, when it differs ("average" against "fraction")
    per_unit: list[tuple[UnitInfo, float, float | None]] = field(default_factory=list)
    compared: Compared | None = None  # set when the whole figures are not like with like (see Compared)

    @staticmethod
    def _of(mode: str, total: float, count: int, num: float, den: float, lo: float | None,
            hi: float | None) -> float | None:
        if count == 0 or mode == "none":
            return None
        if mode in ("fraction", "ratio"):
            return num * 100 / den if den else None
        if mode == "weighted":  # carried-up means weighted by the units each stands for
            return num / den if den else None
        if mode == "average":
            return total / count
        if mode == "min":
            return lo
        if mode == "max":
            return hi
        return total

    @property
    def value(self) -> float | None:
        return self._of(self.mode, self.total, self.count, self.num, self.den, self.minimum, self.maximum)

    @property
    def prev_value(self) -> float | None:
        if self.prev_total is None:
            return None
        return self._of(self.prev_mode or self.mode, self.prev_total, self.prev_count, self.prev_num, self.prev_den,
                        self.prev_minimum, self.prev_maximum)

    @property
    def delta(self) -> float | None:
        """The change against the previous period: like with like (:attr:`compared`) when the whole figures are not."""
        if self.compared is not None:
            return self.compared.delta
        v, p = self.value, self.prev_value
        return None if v is None or p is None else v - p

    @property
    def delta_base(self) -> float | None:
        """The previous figure the change is measured from."""
        return self.compared.prev if self.compared is not None else self.prev_value


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
    compared: tuple[int, int, int] | None = None  # (units, their items last period, now) when not like with like

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def delta(self) -> int | None:
        """The change in items against the previous period, like with like: only over the units that answered
        in both periods when the units answering differ."""
        if self.compared is not None:
            return self.compared[2] - self.compared[1]
        return None if self.prev_count is None else self.count - self.prev_count


@dataclass
class TableSummary:
    table: Table
    grid: dict[str, dict[str, float | None]] = field(default_factory=dict)
    prev_grid: dict[str, dict[str, float | None]] | None = None
    per_unit: list[tuple[UnitInfo, dict[str, dict[str, Any]]]] = field(default_factory=list)
    items: dict[str, list[tuple[UnitInfo, dict[str, Any]]]] = field(default_factory=dict)
    texts: dict[tuple[str, str], list[tuple[UnitInfo, str]]] = field(default_factory=dict)
    units: int = 0
    mean_counted: tuple[int, int] | None = None  # the fewest and most units a plain mean of a cell is over
    pairs: Paired | None = None  # the ratio cells' parts paired unit by unit (exports.ratio_pairs)


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
    include_drafts: bool = False  # provisional figures: drafts and returned reports counted too

    @property
    def provisional(self) -> list[UnitInfo]:
        """The units whose unsent answers are in the figures (only with ``include_drafts``)."""
        if not self.include_drafts:
            return []
        return sorted([u for u, _ in self.draft] + self.returned, key=lambda u: u.name)

    @property
    def counted(self) -> int:
        """Units whose answers are in the figures."""
        return self.submitted + len(self.provisional)

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
    cutoff_on: date | None = None  # Nghị định 09/2019/NĐ-CP: the last day the figures count

    def state(self, u: UnitInfo, base: str) -> str:
        """A submitted unit's state label, with "đã duyệt" when its report was approved."""
        return f"{base} (đã duyệt)" if u.id in self.completeness.approved else base

    def item(self, key: str) -> Item:
        for it in self.items:
            if it.ref.key == key:
                return it
        raise KeyError(key)


# --------------------------------------------------------------------------- building


def counted_units(status: dict[int, str], current: dict[int, dict[str, Any]], include_drafts: bool = False) -> set[int]:
    """The units whose answers go into the figures: those that sent their report; with ``include_drafts``,
    also every unit with answers in a draft or returned report."""
    return {u for u, a in current.items() if status.get(u) in SENT_STATUSES or (include_drafts and a)}


def consolidate(outline: Outline, *, units: list[UnitInfo], current: dict[int, dict[str, Any]],
                previous: dict[int, dict[str, Any]] | None, status: dict[int, str],
                submitted_at: dict[int, datetime | None], period_label: str, deadline: datetime | None,
                previous_label: str | None = None, scope_name: str = "", similarity: int = 90,
                reasons: dict[int, dict[str, str]] | None = None, include_drafts: bool = False,
                previous_status: dict[int, str] | None = None) -> Consolidation:
    """``current`` holds every unit's answers whatever its report's status; only the counted ones
    (:func:`counted_units`) reach the figures. ``previous_status``: the previous period's statuses (its
    unsent reports are left out of the comparison); without it every previous answer counts."""
    comp = _completeness(units, current, status, submitted_at, deadline)
    comp.include_drafts = include_drafts
    counted = counted_units(status, current, include_drafts)
    all_current = current
    current = {u: a for u, a in current.items() if u in counted}
    previous = previous or {}
    if previous_status is not None:
        previous = {u: a for u, a in previous.items() if previous_status.get(u) in SENT_STATUSES}
    has_prev = bool(previous)
    items: list[Item] = []
    hidden: dict[int, set[str]] = {}  # unit → the questions it is not asked (a stale answer there is no figure)
    prev_hidden: dict[int, set[str]] = {}
    cur = Columns(units, current)
    prev = Columns(units, previous) if has_prev else None
    for ref in outline.refs:
        q = ref.question
        key = q.key
        # who could answer: units for whom the question is visible
        eligible = _eligible(ref, units, all_current)
        among = None if eligible is units else {u.id for u in eligible}
        # last period's figures over last period's own askees (a unit asked then but not now still counts then)
        prev_among = among if prev is None else _among(_eligible(ref, units, previous), units)
        _note_hidden(hidden, key, units, among, current)
        _note_hidden(prev_hidden, key, units, prev_among, previous)
        pairs = cur.pairs(key, among)
        n, n_eligible = len(pairs), len(eligible)
        if q.type in NUMERIC_TYPES:
            span = eligible if prev_among == among else units if among is None or prev_among is None \
                else [u for u in units if u.id in among or u.id in prev_among]
            s = _numeric(outline, q, span, among, cur, prev, prev_among=prev_among)
            items.append(Item(ref, "numeric", s, s.count if s.mode == "ratio" else n, n_eligible))
        elif q.type in ("yesno", "choice", "multichoice"):
            items.append(Item(ref, "choice", _choice_summary(pairs), n, n_eligible))
        elif q.type in ("list", "documents"):
            ls = _list_summary(q, pairs, prev.pairs(key, prev_among) if prev else None)
            items.append(Item(ref, "list", ls, n, n_eligible))
        elif q.type == "table" and q.table is not None:
            ts = _table(q.table, pairs, prev.pairs(key, prev_among) if prev else None,
                        keep=n_eligible <= PER_UNIT_TABLES_MAX)
            items.append(Item(ref, "table", ts, n, n_eligible))
        elif q.type == "date":
            items.append(Item(ref, "date", ChoiceSummary(per_unit=list(pairs)), n, n_eligible))
        else:
            items.append(Item(ref, "narrative", group_narratives(pairs, similarity), n, n_eligible))
    return Consolidation(outline, period_label, deadline, previous_label, scope_name, units, items, comp,
                         _asked_only(current, hidden), _asked_only(previous, prev_hidden),
                         {u: r for u, r in (reasons or {}).items() if u in counted})


def _note_hidden(hidden: dict[int, set[str]], key: str, units: list[UnitInfo], among: set[int] | None,
                 answers: dict[int, dict[str, Any]]) -> None:
    """Record ``key`` as not asked of the units outside ``among`` that still hold an answer to it (a question hidden
    after it was answered: «Có dự án không?» changed to «Không» — the 40 dự án typed before stay in the database)."""
    if among is None:
        return
    for uid, a in answers.items():
        if uid not in among and key in a:
            hidden.setdefault(uid, set()).add(key)


def _asked_only(answers: dict[int, dict[str, Any]], hidden: dict[int, set[str]]) -> dict[int, dict[str, Any]]:
    """Each unit's answers without those to questions it is not asked (the annexes and sheets of each unit's own
    figures read these: a hidden answer is neither printed nor added into their «Tổng cộng»)."""
    if not hidden:
        return answers
    return {u: ({k: v for k, v in a.items() if k not in hidden[u]} if u in hidden else a) for u, a in answers.items()}


class Columns:
    """The units' answers by question: key → [(unit, value)] in the units' order, read in one pass over each
    unit's answers (a loop per question over thousands of units' answer dicts is many times slower); with
    ``keys``, only those questions."""

    def __init__(self, units: list[UnitInfo], answers: dict[int, dict[str, Any]], keys: list[str] | None = None):
        cols: dict[str, list[tuple[UnitInfo, Any]]] = {}
        for u in units:
            a = answers.get(u.id)
            if not a:
                continue
            for k, v in (a.items() if keys is None else [(k, a[k]) for k in keys if k in a]):
                col = cols.get(k)
                if col is None:
                    col = cols[k] = []
                col.append((u, v))
        self.cols = cols

    def pairs(self, key: str, among: set[int] | None = None) -> list[tuple[UnitInfo, Any]]:
        """The units (of ``among``, unit ids, when given) that answered ``key``, with their answers."""
        col = self.cols.get(key, [])
        return col if among is None else [(u, v) for u, v in col if u.id in among]

    def values(self, key: str, among: set[int] | None = None) -> dict[int, Any]:
        """Unit id → its answer to ``key``."""
        return {u.id: v for u, v in self.pairs(key, among)}


def _eligible(ref: QuestionRef, units: list[UnitInfo], answers: dict[int, dict[str, Any]]) -> list[UnitInfo]:
    """The units for whom the question is visible (its sections' and its own conditions hold)."""
    q = ref.question
    conds = [s.visible_if for s in ref.path if s.visible_if] + ([q.visible_if] if q.visible_if else [])
    if not conds:
        return units
    return [u for u in units if all(c.holds(u.code, u.kind, answers.get(u.id, {})) for c in conds)]


def _choice_summary(pairs: list[tuple[UnitInfo, Any]]) -> ChoiceSummary:
    cs = ChoiceSummary()
    cs.per_unit.extend(pairs)
    for _, v in pairs:
        for k in (v if isinstance(v, list) else [v]):
            cs.counts[k] += 1
    return cs


def _list_summary(q: Any, pairs: list[tuple[UnitInfo, Any]], previous: list[tuple[UnitInfo, Any]] | None) -> ListSummary:
    """Every unit's items, the units with any, counts by each choice field, and last period's item count."""
    ls = ListSummary()
    choice_fields = [f for f in q.record_fields if f.type == "choice" or f.key == "loai"]
    for f in choice_fields:
        ls.by_field[f.key] = Counter()
    for u, rows in pairs:
        if not rows:
            continue
        ls.units_with_items += 1
        for r in rows:
            ls.rows.append((u, r))
            for f in choice_fields:
                val = r.get(f.key)
                if val not in (None, ""):
                    ls.by_field[f.key][_label(f, val)] += 1
    if previous is not None:
        ls.prev_count = sum(len(v or []) for _, v in previous)
        now, before = ({u.id: len(v or []) for u, v in xs if v is not None} for xs in (pairs, previous))
        if before and set(now) != set(before):
            both = set(now) & set(before)
            ls.compared = (len(both), sum(before[u] for u in both), sum(now[u] for u in both))
    return ls


def _label(f: Any, val: Any) -> str:
    for o in getattr(f, "options", None) or []:
        if o.key == val:
            return o.label
    return str(val)


def numeric_summary(outline: Outline, key: str, eligible: list[UnitInfo], current: dict[int, dict[str, Any]],
             previous: dict[int, dict[str, Any]] | None) -> NumericSummary:
    """One number over the units, by its aggregation (:func:`dialogs.figures.aggregate_of`)."""
    q = outline.question(key)
    keys = [key] + [k for k in (q.numerator, q.denominator) if k]
    return _numeric(outline, q, eligible, None, Columns(eligible, current, keys),
                    Columns(eligible, previous, keys) if previous is not None else None)


def _among(eligible: list[UnitInfo], units: list[UnitInfo]) -> set[int] | None:
    return None if eligible is units else {u.id for u in eligible}


def _numeric(outline: Outline, q: Any, eligible: list[UnitInfo], among: set[int] | None, current: Columns,
             previous: Columns | None, *, prev_among: set[int] | None = None) -> NumericSummary:
    """``eligible``: the units asked in either period; ``among`` / ``prev_among``: the ids of those asked this
    period / last period (None: all)."""
    prev_among = among if prev_among is None else prev_among
    s = _numeric_whole(outline, q, eligible, among, current, previous, prev_among)
    if previous is not None:
        s.compared = _like_with_like(outline, q, s, eligible, (among, prev_among), current, previous)
    return s


def _like_with_like(outline: Outline, q: Any, s: NumericSummary, eligible: list[UnitInfo],
                    amongs: tuple[set[int] | None, set[int] | None], current: Columns, previous: Columns) -> Compared | None:
    """None when the whole figures already compare like with like (the same units have a figure in both periods,
    aggregated the same way); otherwise the change over the units with a figure in both, by one method (a rate
    pooled from parts in one period and averaged in the other is averaged in both)."""
    agg = aggregate_of(q)
    if agg == "none":
        return None
    if agg == "ratio":
        cur = _with_parts(outline, q, eligible, amongs[0], current)
        prv = _with_parts(outline, q, eligible, amongs[1], previous)
    else:
        cur = {u.id for u, c, _ in s.per_unit if c is not None}
        prv = {u.id for u, _, p in s.per_unit if p is not None}
    if not prv or (cur == prv and (s.prev_mode or s.mode) == s.mode):
        return None
    both = [u for u in eligible if u.id in cur and u.id in prv]
    if not both:
        return Compared(0, None, None)
    sub = _numeric_whole(outline, q, both, amongs[0], current, previous, amongs[1])
    mixed = (sub.prev_mode or sub.mode) != sub.mode
    if mixed:
        sub.mode = sub.prev_mode = "average"
    return Compared(len(both), sub.prev_value, sub.value, plain_mean=mixed)


def _with_parts(outline: Outline, q: Any, eligible: list[UnitInfo], among: set[int] | None, answers: Columns) -> set[int]:
    """The units that gave both parts of a declared ratio."""
    nq, dq = outline.question(q.numerator or ""), outline.question(q.denominator or "")
    return set(_ratio_parts(answers, q.key, nq, dq, eligible, among))


def _ratio_parts(answers: Columns, key: str, nq: Any, dq: Any, eligible: list[UnitInfo],
                 who: set[int] | None) -> dict[int, tuple[float, float]]:
    """Each unit's two parts of a declared ratio: the parts its own answer carries as ``paired`` (a province's report
    carried up holds the parts paired commune by commune — its two summed questions may include a commune that gave
    one part only: :func:`exports.upward.rollup`), else its answers to the two questions, when it gave both."""
    own, xs, ys = answers.values(key, who), answers.values(nq.key, who), answers.values(dq.key, who)
    nconv, dconv = number_of(nq), number_of(dq)
    out: dict[int, tuple[float, float]] = {}
    for u in eligible:
        mine = own.get(u.id)
        if isinstance(mine, dict) and mine.get("paired") and isinstance(mine.get("num"), int | float) \
                and isinstance(mine.get("den"), int | float):
            out[u.id] = float(mine["num"]), float(mine["den"])
            continue
        x, y = xs.get(u.id), ys.get(u.id)
        x, y = (None if x is None else nconv(x)), (None if y is None else dconv(y))
        if x is not None and y is not None:
            out[u.id] = x, y
    return out


def _numeric_whole(outline: Outline, q: Any, eligible: list[UnitInfo], among: set[int] | None, current: Columns,
                   previous: Columns | None, prev_among: set[int] | None = None) -> NumericSummary:
    key = q.key
    agg = aggregate_of(q)
    s = NumericSummary(mode={"mean": "average"}.get(agg, agg))
    conv = number_of(q)
    cur_of = current.values(key, among)
    prv_of = previous.values(key, prev_among) if previous is not None else None
    for u in eligible:
        cur = cur_of.get(u.id)
        c = None if cur is None else conv(cur)
        prv = prv_of.get(u.id) if prv_of else None
        p = None if prv is None else conv(prv)
        if c is not None or p is not None:
            s.per_unit.append((u, c, p))  # type: ignore[arg-type]
    if agg == "ratio":
        nq, dq = outline.question(q.numerator or ""), outline.question(q.denominator or "")

        def parts(answers: Columns, who: set[int] | None) -> tuple[float, float, int]:
            num = den = 0.0
            n = 0
            for x, y in _ratio_parts(answers, key, nq, dq, eligible, who).values():
                num, den, n = num + x, den + y, n + 1
            return num, den, n

        s.num, s.den, s.count = parts(current, among)
        if previous is not None:
            s.prev_num, s.prev_den, s.prev_count = parts(previous, prev_among)
            s.prev_total = 0.0
        return s
    _spread(s, q, agg, cur_of, prv_of)
    return s


def _spread(s: NumericSummary, q: Any, agg: str, cur_of: dict[int, Any], prv_of: dict[int, Any] | None) -> None:
    """Total, count, minimum and maximum (this period's and the previous one's); a mean of percentages all
    given as parts becomes the rate of the summed parts."""
    vals = [c for _, c, _ in s.per_unit if c is not None]
    s.total, s.count = float(sum(vals)), len(vals)
    if vals:
        s.minimum, s.maximum = min(vals), max(vals)
    if prv_of is not None:
        pvals = [p for _, _, p in s.per_unit if p is not None]
        s.prev_total, s.prev_count = float(sum(pvals)), len(pvals)
        if pvals:
            s.prev_minimum, s.prev_maximum = min(pvals), max(pvals)
    if q.type == "percent" and agg == "mean":
        # when every unit gave its parts ("47/96"): the rate of the summed parts; when every unit's figure is a mean
        # carried up from its own units ({"value", "n"}: a province's report): their mean weighted by those units
        cur = [cur_of[u.id] for u, c, _ in s.per_unit if c is not None]
        s.mode, (s.num, s.den) = _rate_mode(cur, s.mode, (s.num, s.den))
        if prv_of is not None:
            prv = [prv_of[u.id] for u, _, p in s.per_unit if p is not None]
            s.prev_mode, (s.prev_num, s.prev_den) = _rate_mode(prv, "average", (s.prev_num, s.prev_den))


def _rate_mode(values: list[Any], mode: str, nd: tuple[float, float]) -> tuple[str, tuple[float, float]]:
    """How a mean of percentages is found over ``values``: "fraction" from their parts, "weighted" by the units each
    carried-up mean stands for, else ``mode`` (a plain mean) — with the two sums it is found from."""
    parts = _parts(values)
    if parts is not None:
        return "fraction", parts
    ns = [v.get("n") if isinstance(v, dict) else None for v in values]
    if values and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in ns):
        return "weighted", (float(sum(Percent.from_json(v).value * n for v, n in zip(values, ns, strict=True))),
                            float(sum(ns)))  # type: ignore[arg-type]
    return mode, nd


_BIG = 1e300  # an integer beyond this is left to numeric() (it may not fit a float)


def number_of(q: Any) -> Callable[[Any], float | None]:
    """:func:`dialogs.answers.numeric` for one question or column, with plain numbers read without a call."""
    if q.type not in ("integer", "decimal", "money"):
        return lambda v: numeric(q, v)

    def plain(v: Any) -> float | None:
        t = type(v)
        if t is float:
            return v if isfinite(v) else None
        if t is int and -_BIG < v < _BIG:
            return float(v)
        return numeric(q, v)

    return plain


def _parts(values: list[Any]) -> tuple[float, float] | None:
    """The summed numerators and denominators of percentages, when every one was given as parts."""
    ps = [Percent.from_json(v) for v in values]
    if not ps or not all(p.num is not None and p.den for p in ps):
        return None
    return float(sum(p.num for p in ps)), float(sum(p.den for p in ps))  # type: ignore[misc]


PER_UNIT_TABLES_MAX = 300  # each unit's own Biểu is kept (for the .xlsx) up to this many units


def _table(t: Table, pairs: list[tuple[UnitInfo, Any]], previous: list[tuple[UnitInfo, Any]] | None, *,
           keep: bool) -> TableSummary:
    """Sum the Biểu's summed columns over units, then compute totals once: the totals are linear, so the
    total of the sums is the sum of each unit's totals. Columns of other aggregations: see :func:`table_figures`.
    ``keep``: each unit's own table too."""
    ts = TableSummary(t)
    text_cols = [c.key for c in t.columns if c.type not in NUMERIC_TYPES]
    values = []
    by_row = ts.items
    for u, v in pairs:
        if not isinstance(v, dict):
            continue
        values.append(v)
        ts.units += 1
        if keep:
            ts.per_unit.append((u, table_grid(t, v)))
        for rk, items in (v.get("items") or {}).items():
            if items:
                mine = by_row.get(rk)
                if mine is None:
                    mine = by_row[rk] = []
                mine.extend([(u, it) for it in items])
        if text_cols:
            for rk, cells in (v.get("rows") or {}).items():
                for ck in text_cols:
                    val = cells.get(ck)
                    if val not in (None, ""):
                        ts.texts.setdefault((rk, ck), []).append((u, str(val)))
    kept: list[Paired] = []
    ts.grid = table_figures(t, values, kept)
    ts.pairs = kept[0]
    ts.mean_counted = mean_counted(t, values)
    if previous is not None:
        ts.prev_grid = table_figures(t, [pv for _, pv in previous if isinstance(pv, dict)])
    return ts


def mean_counted(t: Table, values: list[Any]) -> tuple[int, int] | None:
    """The fewest and most units whose figures a plain mean of the Biểu is over (a mean column on an asked row, a
    summed column on a mean row: the cells with a figure), for the note's «trung bình cộng của N đơn vị»; None
    when nothing is so averaged."""
    row_aggs = row_aggregates(t)
    cols = {c.key: aggregate_of(c) for c in t.input_columns if c.type in NUMERIC_TYPES}
    cells = [(r.key, ck) for r in t.rows if r.asked for ck, a in cols.items()
             if a == "mean" and row_aggs[r.key] == "sum" or a == "sum" and row_aggs[r.key] == "mean"]
    counts = [n for rk, ck in cells
              if (n := sum(_cell_number(((v.get("rows") or {}).get(rk) or {}).get(ck)) is not None for v in values))]
    return (min(counts), max(counts)) if counts else None


def _cell_number(x: Any) -> float | None:
    x = x.get("value") if isinstance(x, dict) else x
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


def table_figures(t: Table, values: list[Any], keep: list[Paired] | None = None) -> dict[str, dict[str, Any]]:
    """The consolidated grid of a Biểu from the units' answers: summed columns added cell by cell (computed
    rows and columns from the sums); mean/min/max columns over the units' cells of data and open rows (none
    on computed rows); ratio columns and rows recomputed from their numerator and denominator paired unit by unit
    (a unit counts only with both parts: :mod:`exports.ratio_pairs`); share columns recomputed from the summed counts (a row's count over the count of the row it is
    summed into). A rate or average row (:func:`dialogs.figures.row_aggregates`: "Tỷ lệ hộ nghèo | %", "Thu
    nhập bình quân | triệu đồng/người") is never summed: its summed columns take the row's mean, min or max
    over the units' cells (empty for ``none``), its ratio, share and computed columns are empty, and it is no
    part of a computed row."""
    aggs = {c.key: aggregate_of(c) for c in t.input_columns if c.type in NUMERIC_TYPES}
    row_aggs = row_aggregates(t)
    plain = {k: a for k, a in row_aggs.items() if a != "sum"}
    sums = [k for k, a in aggs.items() if a == "sum"]
    spread = {k: a for k, a in aggs.items() if a in ("mean", "min", "max")}
    spread_all = list(spread) + (sums if plain else [])
    rows: dict[str, dict[str, float]] = {}
    items: dict[str, list[dict[str, Any]]] = {}
    cells_of: dict[tuple[str, str], list[float]] = defaultdict(list)
    for v in values:
        for rk, cells in (v.get("rows") or {}).items():
            acc = rows.get(rk)
            if acc is None:
                acc = rows[rk] = {}
            for ck in sums:
                x = cells.get(ck)
                if x is not None and (type(x) is int or type(x) is float):  # not a bool, not text
                    acc[ck] = acc.get(ck, 0) + x
            if spread_all:
                for ck in spread_all:
                    if (x := _cell_number(cells.get(ck))) is not None:
                        cells_of[(rk, ck)].append(x)
        for rk, its in (v.get("items") or {}).items():
            items.setdefault(rk, []).extend(its)
            if spread_all:
                for it in its:
                    for ck in spread_all:
                        if (x := _cell_number(it.get(ck))) is not None:
                            cells_of[(rk, ck)].append(x)
    grid = table_grid(t, {"rows": rows, "items": items})
    pairs = paired(t, values, sums)
    if keep is not None:  # the ratio cells' parts, for the added «Tổng cộng» row and the note
        keep.append(pairs)
    _other_columns(t, grid, aggs, cells_of, pairs.grids)
    pairs.check_totals(t, grid)
    for (rk, ck), p in pairs.fractions.items():  # a rate every unit typed as parts («47/96»): from the parts
        grid.setdefault(rk, {})[ck] = rate_of(p.num, p.den)
    opened = {r.key for r in t.rows if r.open}
    for rk, agg in plain.items():  # rates and averages: the row's own aggregation in place of the sum
        cell = grid.setdefault(rk, {})
        row = t.row(rk) if agg == "ratio" else None
        for ck in sums:  # an open rate row: its items are listed, each unit's own; no figure over them
            if row is not None:  # recomputed from the two rows it is made of, paired unit by unit (ratio_pairs)
                p = pairs.rows.get((rk, ck))
                cell[ck] = None if rk in opened or p is None or not p.counted else rate_of(p.num, p.den, row.factor)
            else:
                cell[ck] = None if rk in opened else _spread_of(agg, cells_of.get((rk, ck)))
        for ck, a in aggs.items():
            if a in ("ratio", "share"):
                cell[ck] = None
    return grid


def _spread_of(agg: str, xs: list[float] | None) -> float | None:
    """The mean, minimum or maximum of the units' cells (None for ``none`` or no cell)."""
    if not xs or agg not in ("mean", "min", "max"):
        return None
    return sum(xs) / len(xs) if agg == "mean" else min(xs) if agg == "min" else max(xs)


def _other_columns(t: Table, grid: dict[str, dict[str, Any]], aggs: dict[str, str],
                   cells_of: dict[tuple[str, str], list[float]], parts: dict[str, dict[str, dict[str, Any]]]) -> None:
    """The cells of the columns not summed: mean/min/max over the units' cells, ratio recomputed from the parts
    paired unit by unit (``parts``: :func:`exports.ratio_pairs.paired`), share recomputed."""
    for ck, agg in aggs.items():
        if agg == "sum":
            continue
        col = t.column(ck)
        parent = share_parents(t) if agg == "share" else {}
        whole = _added_whole(t, grid, col.of) if agg == "share" and not parent else None
        for r in t.rows:
            cell = grid.setdefault(r.key, {})
            if agg in ("mean", "min", "max"):
                cell[ck] = _spread_of(agg, cells_of.get((r.key, ck)))
            elif agg == "ratio":
                mine = parts.get(ck, {}).get(r.key) or {}
                cell[ck] = rate_of(mine.get(col.numerator or ""), mine.get(col.denominator or ""), col.factor)
            elif agg == "share":
                up = parent.get(r.key)
                cell[ck] = rate_of(cell.get(col.of or ""), grid.get(up, {}).get(col.of or "")) if up else \
                    rate_of(cell.get(col.of or ""), whole) if whole is not None and r.level == 0 else None
            else:
                cell[ck] = None


def _added_whole(t: Table, grid: dict[str, dict[str, Any]], of: str | None) -> float | None:
    """A share's whole in a Biểu with no total row of its own: the «Tổng cộng» row added under it (the sum of the
    top-level summed rows), when one is added (:func:`dialogs.figures.total_row`); else None (shares left empty)."""
    if not of or not total_row(t):
        return None
    summed = summed_rows(t)
    vals = [v for r in t.rows if r.level == 0 and r.key in summed and isinstance(v := grid.get(r.key, {}).get(of), int | float)]
    return sum(vals) if vals else None


def rate_of(num: Any, den: Any, factor: float | None = None) -> float | None:
    """``num`` / ``den`` × ``factor`` (100, a percentage, unless the outline says: 10 for tấn/ha → tạ/ha)."""
    if not isinstance(num, int | float) or not isinstance(den, int | float) or not den:
        return None
    return num * (100 if factor is None else factor) / den


def share_parents(t: Table) -> dict[str, str]:
    """Each row → the computed row it is summed into (the closest: its group rather than a grand total)."""
    out: dict[str, str] = {}
    grand: set[str] = set()
    for r in t.rows:
        if not r.computed:
            continue
        if r.sum_of == "all":
            grand.add(r.key)
        for src in t.row_sum_sources(r):
            if src.key not in out or (out[src.key] in grand and r.sum_of != "all"):
                out[src.key] = r.key
    return out


_FACT_RE = re.compile(r"\d(?:[\w./,\-]*\w)?")
_POLARITY = frozenset({"khong", "chua", "chang", "tang", "giam"})


@lru_cache(maxsize=65536)
def statement_facts(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """What two texts must share to be one statement: every figure, date and document number (in order, as
    written: "12", "19/6/2025", "12/kh-ubnd") and the words that turn a statement round (không, chưa, chẳng,
    tăng, giảm)."""
    return tuple(_FACT_RE.findall(fold(text))), _POLARITY.intersection(norm_words(text).split())


class _Group:
    """The texts grouped as one statement: their units and texts in order, and how often each exact text came."""

    __slots__ = ("units", "texts", "counts")

    def __init__(self) -> None:
        self.units: list[UnitInfo] = []
        self.texts: list[str] = []
        self.counts: dict[str, int] = {}

    def add(self, u: UnitInfo, t: str) -> None:
        self.units.append(u)
        self.texts.append(t)
        self.counts[t] = self.counts.get(t, 0) + 1

    def shown(self) -> str:
        """The text shown: the most common exact text (its spaces trimmed), else the first written (they differ
        only in wording)."""
        trimmed: Counter[str] = Counter()
        for t, n in self.counts.items():  # in the order first written, as a count over every member's text
            trimmed[t.strip()] += n
        common = trimmed.most_common(1)[0]
        return common[0] if common[1] > 1 else self.texts[0]


def group_narratives(texts: list[tuple[UnitInfo, Any]], similarity: int = 90, max_clusters: int = 400) -> NarrativeSummary:
    """Group texts that say the same thing, most units first: texts are grouped only when they state the same
    figures, dates and documents and the same negations (:func:`statement_facts`), and their normalised
    wording is at least ``similarity`` % alike (rapidfuzz token sort ratio) — near-duplicates, written once
    with every unit that wrote them. Any other text stays its unit's own. (A text that is not a string is read
    as ``str(text)``. Each text is read in one pass: on thousands of units, every further pass over the texts
    costs as much as the grouping.)"""
    ns = NarrativeSummary()
    reps: dict[tuple, list[str]] = {}  # facts → the normalised texts of the groups stating them
    members: dict[tuple, list[_Group]] = {}
    clusters = 0
    placed: dict[str, _Group] = {}  # an exact text → the group it joined
    order: dict[int, int] = {}
    for i, (u, t) in enumerate(texts):
        order[u.id] = i
        if type(t) is not str:
            t = str(t)
        same = placed.get(t)
        if same is not None:  # written word for word by an earlier unit
            same.add(u, t)
            continue
        words = norm_words(t)
        if is_blank(t) or words in ("khong", "khong co"):
            ns.none_units.append(u)
            continue
        facts = statement_facts(t)
        key = words[:400]
        bucket = reps.setdefault(facts, [])
        groups = members.setdefault(facts, [])
        hit = process.extractOne(key, bucket, scorer=fuzz.token_sort_ratio, score_cutoff=similarity) if bucket else None
        if hit is not None:
            groups[hit[2]].add(u, t)
            placed[t] = groups[hit[2]]
        elif clusters < max_clusters:
            bucket.append(key)
            g = placed[t] = _Group()
            g.add(u, t)
            groups.append(g)
            clusters += 1
        else:
            ns.singles.append((u, t))
    for groups in members.values():
        for g in groups:
            if len(g.units) >= 2:
                ns.groups.append(NarrativeGroup(g.shown().strip(), g.units, g.texts))
            else:
                ns.singles.append((g.units[0], g.texts[0]))
    ns.groups.sort(key=lambda g: (-len(g.units), g.text))
    if len(ns.singles) > 1:
        ns.singles.sort(key=lambda ut: order.get(ut[0].id, 0))
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

