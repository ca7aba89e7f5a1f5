"""The repository layer: every query the bot, the exports, the reminders and the CLI need.

One ``Repo`` wraps one ``AsyncSession`` (one per update in the bot). Methods that change data flush but
never commit: the caller's unit of work does (in the bot, the update's session, committed before any message
goes out: docs/architecture.md). ``set_answer(commit=True)`` is for scripts and tests storing one answer.

``Repo`` is assembled from one repository per aggregate (``storage/repos/``), each a mixin owning its tables'
queries; the hot path's machinery is ``storage/hot.py``. A caller names the aggregate:
``repo.units.unit_by_code(...)`` (docs/architecture.md, storage); a flat ``repo.unit_by_code(...)`` is an error.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.hot import DeferredWrites, HotPath
from storage.models import ConversationPosition, Period, Submission, Unit
from storage.repos.accounts import AccountsRepo
from storage.repos.answers import AnswersRepo
from storage.repos.base import (
    ALL_SCOPE,
    NOTICES_QUEUED,
    InviteResult,
    NoticeBatch,
    PeriodAnswers,
    before_in_sequence,
    period_order,
    period_start,
    utcnow,
)
from storage.repos.issuers import IssuersRepo
from storage.repos.onboarding import OnboardingRepo
from storage.repos.outbox import OutboxRepo
from storage.repos.outlines import OutlinesRepo
from storage.repos.periods import PeriodsRepo
from storage.repos.positions import PositionsRepo
from storage.repos.review import ReviewRepo
from storage.repos.units import UnitsRepo
from storage.repos.web import WebRepo

__all__ = [
    "ALL_SCOPE", "NOTICES_QUEUED", "DeferredWrites", "InviteResult", "NoticeBatch", "PeriodAnswers", "Repo",
    "Repositories",
    "before_in_sequence", "period_order", "period_start", "utcnow",
]


class Repositories(UnitsRepo, AccountsRepo, OnboardingRepo, OutlinesRepo, PeriodsRepo, AnswersRepo, ReviewRepo,
                   PositionsRepo, OutboxRepo, IssuersRepo, WebRepo, HotPath):
    """Every aggregate's queries on one session: the one object each holder of a :class:`Repo` returns. Inside it
    the queries call each other flat (``self.find_submission(...)``); outside ``storage/`` nobody sees it flat."""

    def __init__(self, session: AsyncSession):
        self.session = session
        self._context: dict[int, tuple[ConversationPosition, Submission, Period, Unit]] = {}
        self._answers: dict[int, dict[str, Any]] = {}
        self._held: list[Any] = []


class Repo:
    """One unit of work's repositories, by aggregate: ``repo.periods.latest_period(...)``. There is no flat
    ``repo.latest_period(...)`` (an ``AttributeError``): a caller names the aggregate it uses. Every holder is the
    same :class:`Repositories` on the same session, typed as that aggregate's class, so it costs nothing and one
    commit covers them all."""

    def __init__(self, session: AsyncSession):
        self.session = session
        self._all = Repositories(session)

    async def commit(self) -> None:
        await self.session.commit()

    # ------------------------------------------------------------------ the aggregates, by name
    @property
    def units(self) -> UnitsRepo:
        return self._all

    @property
    def accounts(self) -> AccountsRepo:
        return self._all

    @property
    def onboarding(self) -> OnboardingRepo:
        return self._all

    @property
    def outlines(self) -> OutlinesRepo:
        return self._all

    @property
    def periods(self) -> PeriodsRepo:
        return self._all

    @property
    def submissions(self) -> AnswersRepo:
        """Submissions and their answers (``repo.answers(...)`` is already the answers of one submission)."""
        return self._all

    @property
    def review(self) -> ReviewRepo:
        return self._all

    @property
    def positions(self) -> PositionsRepo:
        return self._all

    @property
    def outbox(self) -> OutboxRepo:
        return self._all

    @property
    def issuers(self) -> IssuersRepo:
        return self._all

    @property
    def web(self) -> WebRepo:
        return self._all
