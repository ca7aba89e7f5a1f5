"""What the repositories share: the session they work on (:class:`RepoBase`, ``session``), the order of periods, the current
time and the small result types. The repositories themselves are in this package, one module per aggregate."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, and_, cast, func, or_, select, type_coerce
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ConversationPosition, NotifyQueue, Period, Submission, Unit


def period_order(p: Period) -> tuple[date, int]:
    """An outline's periods in sequence: by start (a period without one: its deadline's day, UTC), then creation
    (two rounds with the same dates still follow each other). :func:`before_in_sequence` is the same in SQL."""
    return (p.starts_on or p.deadline.astimezone(UTC).date(), p.id)


def period_start(dialect: str) -> Any:
    """SQL for :func:`period_order`'s first part."""
    day = func.date(Period.deadline) if dialect == "sqlite" else cast(func.timezone("UTC", Period.deadline), Date)
    return type_coerce(func.coalesce(Period.starts_on, day), Date)


def before_in_sequence(dialect: str, period: Period, *, inclusive: bool = False) -> Any:
    """The periods of ``period``'s outline before it in the sequence (``inclusive``: and itself), newest first."""
    start, (key, pid) = period_start(dialect), period_order(period)
    same = Period.id <= pid if inclusive else Period.id < pid
    return (select(Period).where(Period.outline_id == period.outline_id, or_(start < key, and_(start == key, same)))
            .order_by(start.desc(), Period.id.desc()))


ALL_SCOPE = "*"  # the issuer of the report over all units (issue 20)


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class InviteResult:
    status: str  # "ok", "not_found", "expired", "used_up"
    unit: Unit | None = None
    role: str | None = None


@dataclass
class PeriodAnswers:
    """Current and previous answers of many units for one outline and period."""

    period_id: int
    previous_period_id: int | None
    # unit_id → {question_key: value}
    current: dict[int, dict[str, Any]]
    previous: dict[int, dict[str, Any]]
    # unit_id → submission status / submitted_at for the current period
    status: dict[int, str]
    submitted_at: dict[int, datetime | None]
    previous_status: dict[int, str] = field(default_factory=dict)  # unit_id → the previous period's status


@dataclass
class NoticeBatch:
    """The waiting notices of one supervisor, to be sent as one message."""

    account_id: int
    telegram_id: int
    notices: list[NotifyQueue]

    @property
    def ids(self) -> list[int]:
        return [n.id for n in self.notices]


NOTICES_QUEUED = "notices_queued"  # session.info: this session queued supervisors' notices


class RepoBase:
    """The session a repository works on; :class:`storage.repo.Repo` sets it up (one per update in the bot)."""

    session: AsyncSession
    # read ahead by account_context (the bot's one read per update), each used once, then read again
    _context: dict[int, tuple[ConversationPosition, Submission, Period, Unit]]
    _answers: dict[int, dict[str, Any]]
    # objects whose writes are deferred: held, so the session's (weak) identity map keeps them and a later
    # read of the same row returns them, not the row as stored before the deferred write
    _held: list[Any]

    @property
    def dialect(self) -> str:
        return self.session.bind.dialect.name if self.session.bind is not None else "sqlite"

    def _insert(self, model: Any):
        mod = pg_dialect if self.dialect == "postgresql" else sqlite_dialect
        return mod.insert(model)
