"""The key figures of an outline × scope over the last periods (up to 8): each numeric question's total per
period, oldest first, for /tonghop's picture and the .xlsx charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dialogs.figures import aggregate_of
from dialogs.labels import report_label
from dialogs.outline import NUMERIC_TYPES, Outline
from exports.consolidate import Consolidation

MAX_PERIODS = 8


@dataclass
class Series:
    key: str
    number: str  # the outline's numbering, "I.1.a"
    label: str  # the question's report label (dialogs/labels.py)
    unit: str  # measure word ("nhiệm vụ", "%", "triệu đồng")
    qtype: str
    values: list[float | None] = field(default_factory=list)  # one per period, oldest first; money in triệu đồng

    @property
    def known(self) -> list[float]:
        return [v for v in self.values if v is not None]

    def change_score(self) -> float:
        """How much the series moved over the window, relative to its size (0 when fewer than 2 values)."""
        vals = self.known
        if len(vals) < 2:
            return 0.0
        spread = max(vals) - min(vals)
        return spread / max(abs(max(vals)), abs(min(vals)), 1.0)


@dataclass
class History:
    outline_id: str
    scope_name: str
    labels: list[str]  # period labels, oldest first; the last is the reported period
    series: list[Series]  # every numeric question, in the outline's order

    def top(self, n: int = 5) -> list[Series]:
        """The numeric questions with the largest changes over the window (at least two known values,
        and a change), largest first; ties in the outline's order."""
        moving = [(s.change_score(), abs(s.known[-1] - s.known[0]) if len(s.known) > 1 else 0, -i, s)
                  for i, s in enumerate(self.series)]
        moving = [m for m in moving if m[0] > 0]
        moving.sort(key=lambda m: (m[0], m[1], m[2]), reverse=True)
        return [m[3] for m in moving[:n]]

    def with_current(self, c: Consolidation) -> History:
        """The same history with the last period's figures taken from the consolidation (so a chart and the
        summary sheet show the very same totals)."""
        now = {it.ref.key: it.summary.value for it in c.items if it.kind == "numeric"}
        series = [Series(s.key, s.number, s.label, s.unit, s.qtype,
                         s.values[:-1] + [_scaled(s.qtype, now.get(s.key))]) for s in self.series]
        return History(self.outline_id, self.scope_name, self.labels, series)


def _scaled(qtype: str, v: float | None) -> float | None:
    if v is None:
        return None
    return v / 1_000_000 if qtype == "money" else v


def measure(q: Any) -> str:
    if q.type == "money":
        return "triệu đồng"
    if q.type == "percent":
        return "%"
    return q.unit or ""


def history_from_consolidation(c: Consolidation) -> History:
    """Two periods (the previous and this one) from a consolidation alone; one when there is no previous."""
    labels = ([c.previous_label or c.outline.period.previous_label] if c.previous else []) + [c.period_label]
    series = []
    for it in c.items:
        if it.kind != "numeric":
            continue
        q = it.ref.question
        vals = ([_scaled(q.type, it.summary.prev_value)] if c.previous else []) + [_scaled(q.type, it.summary.value)]
        series.append(Series(q.key, it.ref.number, report_label(q), measure(q), q.type, vals))
    return History(c.outline.id, c.scope_name, labels, series)


def aggregate(outline: Outline, labels: list[str], period_ids: list[int], scope_name: str,
              sums: dict[tuple[int, str], tuple[float, int]], values: dict[int, dict[int, dict[str, Any]]]) -> History:
    """Build the history from per period × question sums (count, total) of the summed questions, and the
    units' raw answers (``values``: period → unit → key → answer) of the others, aggregated by the very
    code of the consolidation (mean, recomputed ratio, percentages from their parts, min, max)."""
    from exports.consolidate import UnitInfo, numeric_summary

    free = sums_free(outline)
    series = []
    for ref in outline.refs:
        q = ref.question
        if q.type not in NUMERIC_TYPES:
            continue
        vals: list[float | None] = []
        for pid in period_ids:
            if q.key in free:
                answers = values.get(pid, {})
                units = [UnitInfo(uid, "", "", "") for uid in answers]
                vals.append(_scaled(q.type, numeric_summary(outline, q.key, units, answers, None).value))
            else:
                total, count = sums.get((pid, q.key), (0.0, 0))
                vals.append(_scaled(q.type, total) if count else None)
        series.append(Series(q.key, ref.number, report_label(q), measure(q), q.type, vals))
    return History(outline.id, scope_name, labels, series)


def sums_free(outline: Outline) -> set[str]:
    """The numeric questions whose figure is not the plain sum of the answers."""
    return {q.key for q in outline.questions
            if q.type in NUMERIC_TYPES and (q.type == "percent" or aggregate_of(q) != "sum")}


async def period_history(session, outline: Outline, period, scope=None, *, periods: int = MAX_PERIODS) -> History:
    """The last ``periods`` periods of ``period``'s outline up to and including it, under ``scope`` (a Unit or
    None for every unit), with each numeric question's total per period. ``session``: an open AsyncSession."""
    from storage.history import numeric_sums, recent_periods, unit_values

    plist = await recent_periods(session, period, limit=periods)
    ids = [p.id for p in plist]
    nums = [r.question for r in outline.refs if r.question.type in NUMERIC_TYPES]
    free = sums_free(outline)
    parts = {k for q in nums if q.key in free for k in (q.key, q.numerator, q.denominator) if k}
    sums = await numeric_sums(session, ids, [q.key for q in nums if q.key not in free], under=scope)
    raw = await unit_values(session, ids, sorted(parts), under=scope)
    return aggregate(outline, [p.label for p in plist], ids, scope.name if scope else "Tất cả đơn vị", sums, raw)


async def load_history(db, catalogue, period_id: int, scope_code: str | None = None, *,
                       periods: int = MAX_PERIODS) -> History:
    """:func:`period_history` by period id and scope code, in its own read session (for the CLI)."""
    from exports.load import ExportError
    from storage.repo import Repo

    async with db.read_session() as s:
        repo = Repo(s)
        period = await repo.periods.period(period_id)
        if period is None:
            raise ExportError(f"không có kỳ báo cáo số {period_id}; xem danh sách bằng: baocao period list")
        scope = None
        if scope_code:
            scope = await repo.units.unit_by_code(scope_code)
            if scope is None:
                raise ExportError(f"không có đơn vị mã «{scope_code}»; tìm mã bằng: baocao units find TÊN")
        return await period_history(s, catalogue.get(period.outline_id), period, scope, periods=periods)
