"""Reporting periods: opened, closed, in sequence, and which units a period covers. A mixin of
:class:`storage.repo.Repo` (docs/architecture.md, storage)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select

from dialogs import lifecycle
from storage.models import Period, Unit
from storage.repos.base import RepoBase, before_in_sequence, period_start, utcnow


class PeriodsRepo(RepoBase):
    # ------------------------------------------------------------------ periods
    async def period(self, period_id: int) -> Period | None:
        return await self.session.get(Period, period_id)

    async def open_period(self, outline_id: str, label: str, *, deadline: datetime,
                          starts_on: date | None = None, ends_on: date | None = None,
                          closes_at: datetime | None = None, unit_ids: list[int] | None = None,
                          now: datetime | None = None, cutoff_on: date | None = None,
                          level_deadlines: dict[str, datetime] | None = None,
                          kind: str = "periodic") -> tuple[Period, bool]:
        """Open (or find) the period with this label; returns (period, created). Safe across processes."""
        levels = {lv: d.isoformat() for lv, d in (level_deadlines or {}).items()} or None
        stmt = self._insert(Period).values(
            outline_id=outline_id, label=label, starts_on=starts_on, ends_on=ends_on, deadline=deadline,
            closes_at=closes_at, status="open", created_at=now or utcnow(), unit_scope=unit_ids or None,
            cutoff_on=cutoff_on, level_deadlines=levels, kind=kind,
        ).on_conflict_do_nothing(index_elements=[Period.outline_id, Period.label]).returning(Period.id)
        new_id = (await self.session.execute(stmt)).scalar_one_or_none()
        q = select(Period).where(Period.outline_id == outline_id, Period.label == label)
        p = (await self.session.execute(q)).scalar_one()
        return p, new_id is not None

    async def list_periods(self, outline_id: str | None = None, status: str | None = None) -> list[Period]:
        q = select(Period)
        if outline_id:
            q = q.where(Period.outline_id == outline_id)
        if status:
            q = q.where(Period.status == status)
        return list((await self.session.execute(q.order_by(Period.deadline, Period.id))).scalars())

    async def close_period(self, period: Period) -> None:
        period.status = "closed"
        await self.session.flush()

    async def previous_period(self, period: Period) -> Period | None:
        """The period before ``period`` in its outline's sequence (:func:`period_order`): "last period"."""
        return (await self.session.execute(before_in_sequence(self.dialect, period).limit(1))).scalar_one_or_none()

    async def latest_period(self, outline_id: str) -> Period | None:
        start = period_start(self.dialect)
        q = select(Period).where(Period.outline_id == outline_id).order_by(start.desc(), Period.id.desc()).limit(1)
        return (await self.session.execute(q)).scalar_one_or_none()

    @staticmethod
    def period_covers(period: Period, unit: Unit, respondent_kinds: Sequence[str]) -> bool:
        return lifecycle.covers(period.unit_scope, unit.id, unit.kind, respondent_kinds)

    @staticmethod
    def period_closed(period: Period, now: datetime) -> bool:
        return lifecycle.period_closed(period.status, period.closes_at, now)
