"""Who has reported: per period and scope, submitted / in draft / not started, with drill-down by sub-unit.
Used by /tiendo, `baocao period status`, the deadline digest and the reminders."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from dialogs.lifecycle import Status, is_sent
from dialogs.outline import Outline
from exports.load import expected_units
from storage.models import Period, Unit
from storage.repo import Repo


@dataclass
class UnitState:
    unit: Unit
    status: str  # on_time, late, draft, returned, not_started
    answered: int
    total: int
    submitted_at: datetime | None = None
    approved: bool = False

    @property
    def submitted(self) -> bool:
        return self.status in ("on_time", "late")


@dataclass
class Progress:
    period: Period
    outline: Outline
    scope: Unit | None
    states: list[UnitState] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(s.status for s in self.states)

    @property
    def total(self) -> int:
        return len(self.states)

    @property
    def submitted(self) -> int:
        return sum(1 for s in self.states if s.submitted)

    @property
    def draft(self) -> int:
        return sum(1 for s in self.states if s.status in ("draft", "returned"))

    @property
    def approved(self) -> int:
        return sum(1 for s in self.states if s.approved)

    @property
    def not_started(self) -> int:
        return sum(1 for s in self.states if s.status == "not_started")

    @property
    def percent(self) -> float:
        return 100.0 * self.submitted / self.total if self.total else 0.0

    @property
    def missing(self) -> list[UnitState]:
        return [s for s in self.states if not s.submitted]

    def by_child(self, children: list[Unit]) -> list[tuple[Unit, Progress]]:
        out = []
        for ch in children:
            sub = Progress(self.period, self.outline, ch, [s for s in self.states if s.unit.path.startswith(ch.path)])
            if sub.states:
                out.append((ch, sub))
        return out

    def sub_counts(self, children: list[Unit]) -> list[SubCount]:
        """Counts per sub-unit in one pass (see :func:`sub_unit_counts`)."""
        return sub_unit_counts(self.states, children)

    def to_json(self) -> dict:
        return {
            "period": {"id": self.period.id, "label": self.period.label, "outline": self.outline.id,
                       "deadline": self.period.deadline.isoformat(), "status": self.period.status},
            "scope": self.scope.code if self.scope else None,
            "total": self.total, "submitted": self.submitted, "on_time": self.counts.get("on_time", 0),
            "late": self.counts.get("late", 0), "draft": self.draft, "not_started": self.not_started,
            "percent": round(self.percent, 1),
            "units": [{"code": s.unit.code, "name": s.unit.name, "status": s.status, "answered": s.answered,
                       "questions": s.total,
                       "submitted_at": s.submitted_at.isoformat() if s.submitted_at else None,
                       "approved": s.approved} for s in self.states],
        }


@dataclass(frozen=True)
class SubCount:
    """Submitted / in progress / not started among the units under one sub-unit (for /tiendo's picture)."""
    name: str
    total: int
    submitted: int
    draft: int  # in progress, including returned for correction
    not_started: int
    late: int = 0  # of the submitted, after the deadline
    unit_id: int | None = None
    answered: int | None = None  # a single unit: questions answered of ``questions``
    questions: int | None = None

    @property
    def share(self) -> float:
        return self.submitted / self.total if self.total else 0.0


def sub_unit_counts(states: list[UnitState], children: list[Unit], *, rest_label: str = "Đơn vị trực thuộc khác"
                    ) -> list[SubCount]:
    """Per child unit, the counts of the states under it (its materialised path is a prefix of theirs), in one
    pass over the states. A child that is itself a reporting unit counts itself (so the communes of a province
    can be the "sub-units"); states under no child are counted in one extra row named ``rest_label``.
    Children without any expected unit are left out. Order: the children's order."""
    by_path = {ch.path: ch for ch in children}
    depths = sorted({ch.path.count("/") for ch in children}, reverse=True)  # the deepest child first
    acc: dict[int | None, list[int]] = {}  # unit id → [total, submitted, draft, not_started, late]
    single: dict[int | None, UnitState] = {}
    for st in states:
        path = st.unit.path
        owner = None
        for d in depths:
            cut = _path_prefix(path, d)
            ch = by_path.get(cut) if cut else None
            if ch is not None:
                owner = ch.id
                break
        a = acc.setdefault(owner, [0, 0, 0, 0, 0])
        a[0] += 1
        if st.submitted:
            a[1] += 1
            a[4] += st.status == "late"
        elif st.status == "not_started":
            a[3] += 1
        else:
            a[2] += 1
        single[owner] = st
    out = []
    for ch in children:
        a = acc.get(ch.id)
        if a is None:
            continue
        st = single[ch.id]
        one = a[0] == 1 and st.unit.id == ch.id
        out.append(SubCount(ch.name, a[0], a[1], a[2], a[3], a[4], ch.id, st.answered if one else None,
                            st.total if one else None))
    if None in acc:
        a = acc[None]
        out.append(SubCount(rest_label, a[0], a[1], a[2], a[3], a[4]))
    return out


def _path_prefix(path: str, slashes: int) -> str | None:
    """"/1/57/90/" cut to its first ``slashes`` slashes: 3 → "/1/57/"."""
    i = -1
    for _ in range(slashes):
        i = path.find("/", i + 1)
        if i < 0:
            return None
    return path[: i + 1]


async def period_progress(repo: Repo, outline: Outline, period: Period, scope: Unit | None) -> Progress:
    units = await expected_units(repo, period, outline.respondents, scope)
    subs = await repo.submissions.submissions_of_period(period.id)
    counts = await repo.submissions.answer_counts(period.id)
    totals: dict[tuple[str, str], int] = {}
    p = Progress(period, outline, scope)
    has_code_conditions = any(
        (r.question.visible_if and r.question.visible_if.unit_codes) or any(s.visible_if and s.visible_if.unit_codes for s in r.path)
        for r in outline.refs)
    for u in sorted(units, key=lambda x: x.name):
        key = (u.code if has_code_conditions else "", u.kind)
        if key not in totals:
            totals[key] = len(outline.visible_refs(u.code, u.kind))
        sub = subs.get(u.id)
        n = counts.get(u.id, 0)
        if sub is not None and is_sent(sub.status):
            late = sub.submitted_at is not None and sub.submitted_at > period.deadline
            st = "late" if late else "on_time"
        elif sub is not None and sub.status == Status.RETURNED:
            st = "returned"
        elif n > 0:
            st = "draft"
        else:
            st = "not_started"
        p.states.append(UnitState(u, st, n, totals[key], sub.submitted_at if sub else None,
                                  approved=sub is not None and sub.status == Status.APPROVED))
    return p
