"""The province's own report for the level above, drafted from the consolidation of its communes.

Figures are carried from the consolidation (the same sums, averages and recomputed shares as /tonghop — only sent
reports count), each with its source ("tổng của 12/150 xã đã gửi"); narrative answers are drafted from the grouped
commune answers, for the province to edit. Lists, tables and choices are not carried: the province answers them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exports.consolidate import Consolidation, NarrativeSummary, NumericSummary

NARRATIVE_TYPES = ("text", "longtext")
DRAFT_LIMIT = 3500


@dataclass
class Rollup:
    figures: dict[str, Any] = field(default_factory=dict)  # question key → the value to store
    sources: dict[str, str] = field(default_factory=dict)  # question key → where the figure comes from
    narrative: dict[str, str] = field(default_factory=dict)  # question key → the drafted text
    sent: int = 0
    expected: int = 0


def _figure(typ: str, s: NumericSummary) -> Any:
    v = s.value
    if v is None:
        return None
    if typ == "percent":
        if s.mode == "fraction":
            return {"value": round(v, 2), "num": s.num, "den": s.den}
        return {"value": round(v, 2)}
    if typ == "integer":
        return int(round(v))
    return v


def _source(typ: str, s: NumericSummary, sent: int) -> str:
    how = {"fraction": "tính lại từ tử số/mẫu số", "average": "bình quân"}.get(s.mode, "tổng") \
        if typ == "percent" else "tổng"
    return f"{how} của {s.count}/{sent} đơn vị đã gửi"


def _draft(s: NarrativeSummary) -> str:
    """Grouped answers first (the same words from several communes once, with their names), then the others."""
    lines = []
    for g in s.groups:
        names = ", ".join(u.name for u in g.units[:6]) + (f" và {len(g.units) - 6} đơn vị khác" if len(g.units) > 6 else "")
        lines.append(f"- {g.text} ({names}).")
    for u, text in s.singles:
        lines.append(f"- {u.name}: {text}")
    text = "\n".join(lines)
    return text if len(text) <= DRAFT_LIMIT else text[:DRAFT_LIMIT - 1].rstrip() + "…"


def rollup(c: Consolidation) -> Rollup:
    """The province's figures and narrative drafts from its communes' consolidation."""
    out = Rollup(sent=c.completeness.submitted, expected=c.completeness.expected)
    for it in c.items:
        q = it.ref.question
        if it.kind == "numeric" and isinstance(it.summary, NumericSummary):
            value = _figure(q.type, it.summary)
            if value is not None:
                out.figures[q.key] = value
                out.sources[q.key] = _source(q.type, it.summary, out.sent)
        elif it.kind == "narrative" and isinstance(it.summary, NarrativeSummary) and q.type in NARRATIVE_TYPES:
            text = _draft(it.summary)
            if text:
                out.narrative[q.key] = text
    return out


# --------------------------------------------------------------------------- timeliness per level


@dataclass
class LevelCount:
    """One level's reports as the regime counts them: on time, late, missing (deadline passed, not sent), pending."""

    level: str
    deadline: Any
    total: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    pending: int = 0
    missing_names: list[str] = field(default_factory=list)

    @property
    def sent(self) -> int:
        return self.on_time + self.late

    def add(self, name: str, submitted_at: Any, now: Any) -> None:
        from dialogs.regime import timeliness

        self.total += 1
        t = timeliness(submitted_at, self.deadline, now)
        setattr(self, t, getattr(self, t) + 1)
        if t == "missing":
            self.missing_names.append(name)


async def level_counts(repo: Any, outline: Any, period: Any, states: list, scope: Any, now: Any) -> list[LevelCount]:
    """The communes' level (from /tiendo's unit states) and, when provinces report this period upward, the
    provinces' level against their own deadline (within ``scope``)."""
    from dialogs.lifecycle import is_sent
    from exports.load import reporting_provinces

    communes = LevelCount("commune", period.deadline)
    for st in states:
        communes.add(st.unit.name, st.submitted_at if st.submitted else None, now)
    out = [communes]
    provinces = [p for p in await reporting_provinces(repo, period, outline.respondents)
                 if scope is None or p.path.startswith(scope.path)]
    if provinces:
        subs = await repo.submissions.submissions_of_period(period.id)
        level = LevelCount("province", period.level_deadline("province") or period.deadline)
        for p in provinces:
            sub = subs.get(p.id)
            level.add(p.name, sub.submitted_at if sub is not None and is_sent(sub.status) else None, now)
        out.append(level)
    return out
