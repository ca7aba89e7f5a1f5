"""The repository layer: every query the bot, the exports, the reminders and the CLI need.

One ``Repo`` wraps one ``AsyncSession`` (one per update in the bot). Methods that change data flush but
never commit: the caller's unit of work does (in the bot, the update's session, committed before any message
goes out: docs/architecture.md). ``set_answer(commit=True)`` is for scripts and tests storing one answer.
"""

from __future__ import annotations

import functools
import secrets
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import orjson
from sqlalchemy import (
    Date,
    Text,
    and_,
    bindparam,
    cast,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from dialogs import lifecycle
from dialogs.issuer import Issuer, default_issuer
from dialogs.issuer import from_dict as issuer_from_dict
from dialogs.lifecycle import Lock, Status, UnlockState
from dialogs.review import NOTIFY_BATCH_MINUTES, UNLOCK_HOURS
from storage.models import (
    Account,
    AccountScope,
    Answer,
    AnswerRevision,
    ConversationPosition,
    Invite,
    IssuerSetting,
    JoinRequest,
    NotifyQueue,
    OutboundFailure,
    OutlineDraft,
    OutlineVersion,
    Period,
    ReminderLog,
    Submission,
    SubmissionEvent,
    Unit,
    UnlockRequest,
    WebLink,
)


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


def _answers_doc(dialect: str, submission_id: Any) -> Any:
    """The answers of a submission as one JSON object built by the database (a correlated subquery)."""
    if dialect == "postgresql":
        agg = cast(func.json_object_agg(Answer.question_key, Answer.value), Text)
    else:
        agg = type_coerce(func.json_group_object(Answer.question_key, func.json(Answer.value)), Text)
    return select(agg).where(Answer.submission_id == submission_id).correlate(Submission).scalar_subquery()


@functools.cache
def _hot(dialect: str) -> SimpleNamespace:
    """The statements of the bot's hot path, built once per dialect with bound parameters: SQLAlchemy then
    neither rebuilds them nor recomputes their cache key on every answer."""
    mod = pg_dialect if dialect == "postgresql" else sqlite_dialect
    a, r, sub = Answer.__table__, AnswerRevision.__table__, Submission.__table__

    def p(name: str, col: Any) -> Any:
        return bindparam(name, type_=col.type)

    ins = mod.insert(a).values(submission_id=p("p_sid", a.c.submission_id), question_key=p("p_key", a.c.question_key),
                               value=p("p_value", a.c.value), num=p("p_num", a.c.num), version=1,
                               set_by=p("p_by", a.c.set_by), set_at=p("p_now", a.c.set_at), via=p("p_via", a.c.via),
                               reason=p("p_reason", a.c.reason))
    upsert = ins.on_conflict_do_update(
        index_elements=[a.c.submission_id, a.c.question_key],
        set_={"value": ins.excluded.value, "num": ins.excluded.num, "set_by": ins.excluded.set_by,
              "set_at": ins.excluded.set_at, "via": ins.excluded.via, "reason": ins.excluded.reason,
              "version": a.c.version + 1},
    ).returning(a.c.version)
    rev = dict(submission_id=p("p_sid", r.c.submission_id), question_key=p("p_key", r.c.question_key),
               version=p("p_version", r.c.version), new_value=p("p_value", r.c.new_value),
               changed_by=p("p_by", r.c.changed_by), changed_at=p("p_now", r.c.changed_at), via=p("p_via", r.c.via),
               reason=p("p_reason", r.c.reason))
    old = select(r.c.new_value).where(r.c.submission_id == rev["submission_id"], r.c.question_key == rev["question_key"],
                                      r.c.version == rev["version"] - 1).scalar_subquery()
    context = (
        select(Account, ConversationPosition, Submission, Period, Unit, _answers_doc(dialect, Submission.id))
        .outerjoin(ConversationPosition, ConversationPosition.account_id == Account.id)
        .outerjoin(Submission, Submission.id == ConversationPosition.submission_id)
        .outerjoin(Period, Period.id == Submission.period_id)
        .outerjoin(Unit, Unit.id == Submission.unit_id)
        .where(Account.telegram_id == bindparam("p_tg", type_=Account.__table__.c.telegram_id.type))
    )
    pos, acc = ConversationPosition.__table__, Account.__table__

    def write(table: Any, key: Any, *cols: Any) -> Any:
        # for Repo._write_through: parameters 'p_<table>__pk' and 'p_<table>_<column>', unique across the tables, so
        # that writes deferred and joined into one statement (_joined) never share a parameter by accident
        return (update(table).where(key == p(f"p_{table.name}__pk", key))
                .values({c.name: p(f"p_{table.name}_{c.name}", c) for c in cols}))

    return SimpleNamespace(
        move_position=write(pos, pos.c.account_id, pos.c.submission_id, pos.c.question_key, pos.c.mode,
                            pos.c.state, pos.c.nonce, pos.c.updated_at),
        note_updates=write(acc, acc.c.id, acc.c.recent_updates),
        upsert_answer=upsert,
        revision_first=insert(r).values(old_value=None, **rev),
        revision_next=insert(r).values(old_value=old, **rev),
        touch_submission=update(sub).where(sub.c.id == p("p_sid", sub.c.id)).values(updated_at=p("p_now", sub.c.updated_at)),
        context=context,
    )


@functools.cache
def _joined(dialect: str, main: str, extras: tuple[str, ...]) -> Any:
    """Hot statement ``main`` carrying the hot writes ``extras`` as data-modifying CTEs (PostgreSQL): one round
    trip instead of several. The statements share parameter names only where the values are the same."""
    hot = _hot(dialect)
    stmt = getattr(hot, main)
    for name in extras:
        stmt = stmt.add_cte(getattr(hot, name).cte(name))
    return stmt


# session.info key: hot writes put off until the session's next hot statement or its commit, whichever is first
# (PostgreSQL then sends them with that statement: a round trip less per write)
_DEFERRED = "deferred_hot_writes"
NOTICES_QUEUED = "notices_queued"  # session.info: this session queued supervisors' notices


def _hot_plan(dialect: str, name: str, params: dict[str, Any], also: tuple[str, ...],
              pending: dict[str, dict[str, Any]]) -> list[tuple[Any, dict[str, Any]]]:
    """The statements that run hot statement ``name`` with the hot statements ``also`` (same parameters) and the
    ``pending`` deferred writes, ``name``'s last: on PostgreSQL one statement (data-modifying CTEs, one round
    trip), on SQLite (which has none) one after another. A statement never carries two writes of one kind (their
    parameters would be shared): a pending write of the same row is replaced, another row's is made first."""
    hot = _hot(dialect)
    pending = dict(pending)
    plan: list[tuple[Any, dict[str, Any]]] = []
    for same in {name, *also} & pending.keys():
        earlier = pending.pop(same)
        pk = next((k for k in earlier if k.endswith("__pk")), None)
        if pk is None or earlier[pk] != params.get(pk):
            plan.append((getattr(hot, same), earlier))
    if dialect == "postgresql" and (also or pending):
        merged: dict[str, Any] = {}
        for extra_params in pending.values():
            merged.update(extra_params)
        return [*plan, (_joined(dialect, name, also + tuple(pending)), {**merged, **params})]
    plan += [(getattr(hot, extra), params) for extra in also]
    plan += [(getattr(hot, extra), extra_params) for extra, extra_params in pending.items()]
    return [*plan, (getattr(hot, name), params)]


@event.listens_for(Session, "before_commit")
def _write_deferred(session: Session) -> None:
    """The deferred hot writes are part of the transaction: written just before it commits."""
    pending: dict[str, dict[str, Any]] | None = session.info.get(_DEFERRED)
    if not pending:
        return
    conn = session.connection()
    first, *rest = pending
    for stmt, params in _hot_plan(conn.dialect.name, first, pending[first], (), {k: pending[k] for k in rest}):
        conn.execute(stmt, params)
    # only once written: a failed write leaves them pending, so a second commit cannot skip them
    session.info.pop(_DEFERRED, None)


@event.listens_for(Session, "after_rollback")
def _drop_deferred(session: Session) -> None:
    session.info.pop(_DEFERRED, None)


class Repo:
    def __init__(self, session: AsyncSession):
        self.s = session
        # read ahead by account_context (the bot's one read per update), each used once, then read again
        self._context: dict[int, tuple[ConversationPosition, Submission, Period, Unit]] = {}
        self._answers: dict[int, dict[str, Any]] = {}
        # objects whose writes are deferred: held, so the session's (weak) identity map keeps them and a later
        # read of the same row returns them, not the row as stored before the deferred write
        self._held: list[Any] = []

    # ------------------------------------------------------------------ helpers
    @property
    def dialect(self) -> str:
        return self.s.bind.dialect.name if self.s.bind is not None else "sqlite"

    def _insert(self, model: Any):
        mod = pg_dialect if self.dialect == "postgresql" else sqlite_dialect
        return mod.insert(model)

    async def commit(self) -> None:
        await self.s.commit()

    # ------------------------------------------------------------------ units
    async def unit(self, unit_id: int) -> Unit | None:
        return await self.s.get(Unit, unit_id)

    async def unit_by_code(self, code: str) -> Unit | None:
        return (await self.s.execute(select(Unit).where(Unit.code == code))).scalar_one_or_none()

    async def units_by_ids(self, ids: Iterable[int]) -> dict[int, Unit]:
        ids = list(set(ids))
        out: dict[int, Unit] = {}
        for i in range(0, len(ids), 900):
            rows = await self.s.execute(select(Unit).where(Unit.id.in_(ids[i:i + 900])))
            out.update({u.id: u for u in rows.scalars()})
        return out

    async def list_units(self, under: Unit | None = None, *, include_root: bool = True,
                         active_only: bool = True, kinds: Sequence[str] | None = None) -> list[Unit]:
        q = select(Unit)
        if under is not None:
            cond = Unit.path.startswith(under.path, autoescape=True)
            q = q.where(cond if include_root else and_(cond, Unit.id != under.id))
        if active_only:
            q = q.where(Unit.active.is_(True))
        if kinds:
            q = q.where(Unit.kind.in_(list(kinds)))
        return list((await self.s.execute(q.order_by(Unit.path))).scalars())

    async def children(self, unit: Unit) -> list[Unit]:
        q = select(Unit).where(Unit.parent_id == unit.id, Unit.active.is_(True)).order_by(Unit.name)
        return list((await self.s.execute(q)).scalars())

    # ------------------------------------------------------------------ accounts
    async def account(self, account_id: int) -> Account | None:
        return await self.s.get(Account, account_id)

    async def account_by_tg(self, telegram_id: int) -> Account | None:
        q = select(Account).where(Account.telegram_id == telegram_id)
        return (await self.s.execute(q)).scalar_one_or_none()

    async def ensure_account(self, telegram_id: int, full_name: str = "", username: str | None = None,
                             *, role: str = "officer") -> Account:
        """The account of a Telegram user, created on first contact (race-safe)."""
        acc = await self.account_by_tg(telegram_id)
        if acc is not None:
            if full_name and (acc.full_name != full_name or acc.username != username):
                acc.full_name, acc.username = full_name, username
            if acc.blocked:
                acc.blocked = False
            return acc
        stmt = self._insert(Account).values(
            telegram_id=telegram_id, full_name=full_name, username=username, role=role, blocked=False,
            active=True, created_at=utcnow(),
        ).on_conflict_do_nothing(index_elements=[Account.telegram_id])
        await self.s.execute(stmt)
        acc = await self.account_by_tg(telegram_id)
        assert acc is not None
        return acc

    async def account_context(self, telegram_id: int, full_name: str = "", username: str | None = None
                              ) -> Account:
        """:meth:`ensure_account` for the bot's hot path: the account, its conversation position, the position's
        submission, period and unit and the submission's answers, in one statement. The position stays in the
        session (``position`` reads it without a query); :meth:`position_context` and :meth:`answers` are
        answered once from what was read here."""
        row = (await self.s.execute(_hot(self.dialect).context, {"p_tg": telegram_id})).first()
        if row is None:
            return await self.ensure_account(telegram_id, full_name, username)
        acc, pos, sub, period, unit, doc = row
        if pos is not None and sub is not None and period is not None and unit is not None:
            self._context[acc.id] = (pos, sub, period, unit)
            self._answers[sub.id] = (doc if isinstance(doc, dict) else orjson.loads(doc)) if doc else {}
        if full_name and (acc.full_name != full_name or acc.username != username):
            acc.full_name, acc.username = full_name, username
        if acc.blocked:
            acc.blocked = False
        return acc

    async def list_accounts(self, role: str | None = None) -> list[Account]:
        q = select(Account).where(Account.active.is_(True))
        if role:
            q = q.where(Account.role == role)
        return list((await self.s.execute(q.order_by(Account.id))).scalars())

    async def set_account(self, acc: Account, *, role: str | None = None, unit: Unit | None = None) -> None:
        if role is not None:
            acc.role = role
        if unit is not None:
            acc.unit_id = unit.id
            if (role or acc.role) == "supervisor":
                await self.add_scope(acc, unit)
        acc.active = True
        await self.s.flush()

    async def add_scope(self, acc: Account, unit: Unit) -> None:
        stmt = self._insert(AccountScope).values(account_id=acc.id, unit_id=unit.id).on_conflict_do_nothing()
        await self.s.execute(stmt)

    async def scopes(self, acc: Account) -> list[Unit]:
        q = select(Unit).join(AccountScope, AccountScope.unit_id == Unit.id).where(AccountScope.account_id == acc.id)
        return list((await self.s.execute(q.order_by(Unit.path))).scalars())

    async def remove_account(self, acc: Account) -> None:
        await self.s.execute(delete(AccountScope).where(AccountScope.account_id == acc.id))
        await self.s.execute(delete(ConversationPosition).where(ConversationPosition.account_id == acc.id))
        acc.active = False
        acc.unit_id = None
        acc.role = "officer"
        await self.s.flush()

    async def mark_blocked(self, telegram_id: int, blocked: bool = True) -> None:
        await self.s.execute(update(Account).where(Account.telegram_id == telegram_id).values(blocked=blocked))

    async def supervisors_of(self, unit: Unit) -> list[Account]:
        """Supervisors whose scope contains ``unit`` (a scope is a unit and its whole subtree)."""
        ids = [int(x) for x in unit.path.strip("/").split("/") if x]
        scoped = select(AccountScope.account_id).where(AccountScope.unit_id.in_(ids))
        q = select(Account).where(Account.id.in_(scoped), Account.role.in_(["supervisor", "admin"]),
                                  Account.active.is_(True))
        return list((await self.s.execute(q)).scalars())

    async def officers_of(self, unit_ids: Iterable[int]) -> dict[int, list[Account]]:
        ids = list(set(unit_ids))
        out: dict[int, list[Account]] = defaultdict(list)
        for i in range(0, len(ids), 900):
            q = select(Account).where(Account.unit_id.in_(ids[i:i + 900]), Account.role == "officer",
                                      Account.active.is_(True))
            for a in (await self.s.execute(q)).scalars():
                out[a.unit_id].append(a)  # type: ignore[index]
        return out

    async def in_scope(self, acc: Account, unit: Unit) -> bool:
        if acc.role == "admin":
            return True
        if acc.role == "officer":
            return acc.unit_id == unit.id
        for sc in await self.scopes(acc):
            if unit.path.startswith(sc.path):
                return True
        return False

    # ------------------------------------------------------------------ invites
    async def create_invite(self, unit: Unit, role: str, *, uses: int = 1, days: int | None = 30,
                            created_by: Account | None = None, now: datetime | None = None) -> Invite:
        now = now or utcnow()
        inv = Invite(
            code=secrets.token_urlsafe(9).replace("-", "x").replace("_", "y"),
            unit_id=unit.id, role=role, max_uses=uses, uses=0,
            expires_at=(now + timedelta(days=days)) if days else None,
            created_at=now, created_by=created_by.id if created_by else None,
        )
        self.s.add(inv)
        await self.s.flush()
        return inv

    async def redeem_invite(self, code: str, acc: Account, *, now: datetime | None = None) -> InviteResult:
        """Use one of an invite's uses atomically and bind the account; says why when it cannot."""
        now = now or utcnow()
        inv = await self.s.get(Invite, code)
        if inv is None:
            return InviteResult("not_found")
        if inv.expires_at is not None and inv.expires_at <= now:
            return InviteResult("expired")
        res = await self.s.execute(
            update(Invite)
            .where(Invite.code == code, Invite.uses < Invite.max_uses)
            .values(uses=Invite.uses + 1)
            .execution_options(synchronize_session=False)
        )
        if res.rowcount != 1:
            return InviteResult("used_up")
        unit = await self.unit(inv.unit_id)
        await self.set_account(acc, role=inv.role if acc.role != "admin" else "admin", unit=unit)
        if inv.role == "supervisor" and unit is not None:
            await self.add_scope(acc, unit)
        return InviteResult("ok", unit, inv.role)

    # ------------------------------------------------------------------ join requests
    async def create_join_request(self, telegram_id: int, full_name: str, unit: Unit) -> JoinRequest:
        jr = JoinRequest(telegram_id=telegram_id, full_name=full_name, unit_id=unit.id, status="pending",
                         created_at=utcnow())
        self.s.add(jr)
        await self.s.flush()
        return jr

    async def join_request(self, jr_id: int) -> JoinRequest | None:
        return await self.s.get(JoinRequest, jr_id)

    # ------------------------------------------------------------------ outlines
    async def register_outline(self, outline_id: str, version: int, content_hash: str, source_file: str,
                               title: str, yaml_text: str | None = None) -> int:
        """The id of this outline content, registered if new (``yaml_text``: an outline published as text)."""
        q = select(OutlineVersion.id).where(OutlineVersion.outline_id == outline_id,
                                            OutlineVersion.content_hash == content_hash)
        found = (await self.s.execute(q)).scalar_one_or_none()
        if found is not None:
            return found
        stmt = self._insert(OutlineVersion).values(
            outline_id=outline_id, version=version, content_hash=content_hash, source_file=source_file,
            title=title, created_at=utcnow(), yaml_text=yaml_text,
        ).on_conflict_do_nothing()
        await self.s.execute(stmt)
        return (await self.s.execute(q)).scalar_one()

    async def latest_outline_versions(self) -> list[OutlineVersion]:
        """The newest registered version of every outline (published text or file)."""
        newest = select(func.max(OutlineVersion.id)).group_by(OutlineVersion.outline_id)
        q = select(OutlineVersion).where(OutlineVersion.id.in_(newest)).order_by(OutlineVersion.id)
        return list((await self.s.execute(q)).scalars())

    async def max_outline_version_id(self) -> int:
        return (await self.s.execute(select(func.max(OutlineVersion.id)))).scalar_one() or 0

    async def save_outline_draft(self, account_id: int, filename: str, yaml_text: str) -> None:
        await self.s.execute(delete(OutlineDraft).where(OutlineDraft.account_id == account_id))
        self.s.add(OutlineDraft(account_id=account_id, filename=filename, yaml_text=yaml_text, updated_at=utcnow()))
        await self.s.flush()

    async def outline_draft(self, account_id: int) -> OutlineDraft | None:
        q = select(OutlineDraft).where(OutlineDraft.account_id == account_id)
        return (await self.s.execute(q)).scalar_one_or_none()

    async def delete_outline_draft(self, account_id: int) -> None:
        await self.s.execute(delete(OutlineDraft).where(OutlineDraft.account_id == account_id))

    # ------------------------------------------------------------------ periods
    async def period(self, period_id: int) -> Period | None:
        return await self.s.get(Period, period_id)

    async def open_period(self, outline_id: str, label: str, *, deadline: datetime,
                          starts_on: date | None = None, ends_on: date | None = None,
                          closes_at: datetime | None = None, unit_ids: list[int] | None = None,
                          now: datetime | None = None) -> tuple[Period, bool]:
        """Open (or find) the period with this label; returns (period, created). Safe across processes."""
        stmt = self._insert(Period).values(
            outline_id=outline_id, label=label, starts_on=starts_on, ends_on=ends_on, deadline=deadline,
            closes_at=closes_at, status="open", created_at=now or utcnow(), unit_scope=unit_ids or None,
        ).on_conflict_do_nothing(index_elements=[Period.outline_id, Period.label]).returning(Period.id)
        new_id = (await self.s.execute(stmt)).scalar_one_or_none()
        q = select(Period).where(Period.outline_id == outline_id, Period.label == label)
        p = (await self.s.execute(q)).scalar_one()
        return p, new_id is not None

    async def list_periods(self, outline_id: str | None = None, status: str | None = None) -> list[Period]:
        q = select(Period)
        if outline_id:
            q = q.where(Period.outline_id == outline_id)
        if status:
            q = q.where(Period.status == status)
        return list((await self.s.execute(q.order_by(Period.deadline, Period.id))).scalars())

    async def close_period(self, period: Period) -> None:
        period.status = "closed"
        await self.s.flush()

    async def previous_period(self, period: Period) -> Period | None:
        """The period before ``period`` in its outline's sequence (:func:`period_order`): "last period"."""
        return (await self.s.execute(before_in_sequence(self.dialect, period).limit(1))).scalar_one_or_none()

    async def latest_period(self, outline_id: str) -> Period | None:
        start = period_start(self.dialect)
        q = select(Period).where(Period.outline_id == outline_id).order_by(start.desc(), Period.id.desc()).limit(1)
        return (await self.s.execute(q)).scalar_one_or_none()

    @staticmethod
    def period_covers(period: Period, unit: Unit, respondent_kinds: Sequence[str]) -> bool:
        return lifecycle.covers(period.unit_scope, unit.id, unit.kind, respondent_kinds)

    # ------------------------------------------------------------------ submissions
    async def submission(self, submission_id: int) -> Submission | None:
        return await self.s.get(Submission, submission_id)

    async def find_submission(self, unit_id: int, period_id: int) -> Submission | None:
        q = select(Submission).where(Submission.unit_id == unit_id, Submission.period_id == period_id)
        return (await self.s.execute(q)).scalar_one_or_none()

    async def ensure_submission(self, unit_id: int, period_id: int, outline_version_id: int | None = None,
                                *, now: datetime | None = None) -> Submission:
        sub = await self.find_submission(unit_id, period_id)
        if sub is not None:
            return sub
        now = now or utcnow()
        stmt = self._insert(Submission).values(
            unit_id=unit_id, period_id=period_id, outline_version_id=outline_version_id, status=Status.DRAFT,
            created_at=now, updated_at=now,
        ).on_conflict_do_nothing(index_elements=[Submission.unit_id, Submission.period_id])
        await self.s.execute(stmt)
        sub = await self.find_submission(unit_id, period_id)
        assert sub is not None
        return sub

    async def answers(self, submission_id: int) -> dict[str, Any]:
        ahead = self._answers.pop(submission_id, None)
        if ahead is not None:
            return ahead
        q = select(Answer.question_key, Answer.value).where(Answer.submission_id == submission_id)
        return {k: v for k, v in (await self.s.execute(q)).all()}

    async def answer_count(self, submission_id: int) -> int:
        q = select(func.count()).select_from(Answer).where(Answer.submission_id == submission_id)
        return int((await self.s.execute(q)).scalar_one())

    async def set_answer(self, submission_id: int, key: str, value: Any, *, num: float | None = None,
                         by: int | None = None, via: str = "bot", now: datetime | None = None,
                         commit: bool = False, reason: str | None = None) -> int:
        """Store an answer and its revision (old → new) atomically; returns the answer's new version.

        ``reason`` is the officer's reason for a large change; a new value without one clears the old reason.
        Callers check :meth:`can_edit` first (approved or closed submissions are locked).

        The upsert comes first so the row (PostgreSQL) or the database (SQLite, BEGIN IMMEDIATE) is locked
        before the old value is read: two officers writing at once both get a revision, in order.
        """
        now = now or utcnow()
        hot = _hot(self.dialect)
        conn = await self.s.connection()
        params = {"p_sid": submission_id, "p_key": key, "p_value": value, "p_num": num, "p_by": by, "p_now": now,
                  "p_via": via, "p_reason": reason}
        version = (await conn.execute(hot.upsert_answer, params)).scalar_one()
        self._answers.pop(submission_id, None)
        params["p_version"] = version
        # from the second version on, the old value is the previous revision's new value, read by the insert
        # (a statement of its own: it must see what was committed while the upsert waited for the row's lock)
        await self._run_hot("revision_next" if version > 1 else "revision_first", params, "touch_submission")
        if commit:
            await self.s.commit()
        return version

    async def answer_rows(self, period_id: int) -> list[tuple[Any, ...]]:
        """Every answer of a period for the CSV export: unit code and name, status, key, value, version, time, via."""
        q = (
            select(Unit.code, Unit.name, Submission.status, Answer.question_key, Answer.value, Answer.version,
                   Answer.set_at, Answer.via)
            .join(Submission, Submission.id == Answer.submission_id)
            .join(Unit, Unit.id == Submission.unit_id)
            .where(Submission.period_id == period_id)
            .order_by(Unit.code, Answer.question_key)
        )
        return [tuple(r) for r in (await self.s.execute(q)).all()]

    async def revisions(self, submission_id: int, key: str | None = None) -> list[AnswerRevision]:
        q = select(AnswerRevision).where(AnswerRevision.submission_id == submission_id)
        if key:
            q = q.where(AnswerRevision.question_key == key)
        return list((await self.s.execute(q.order_by(AnswerRevision.question_key, AnswerRevision.version))).scalars())

    async def submit(self, sub: Submission, by: Account, *, now: datetime | None = None) -> UnlockRequest | None:
        """Send the report (``lifecycle.submit``); sending ends an active unlock (nothing more is accepted under
        it): returns that unlock, if there was one."""
        sub.status = lifecycle.submit(sub.status)
        sub.submitted_by = by.id
        sub.submitted_at = now or utcnow()
        sub.updated_at = sub.submitted_at
        await self.add_event(sub, Status.SUBMITTED, by, now=sub.submitted_at)
        return await self.end_unlock(sub, sub.submitted_at)

    async def submissions_of_period(self, period_id: int) -> dict[int, Submission]:
        q = select(Submission).where(Submission.period_id == period_id)
        return {s.unit_id: s for s in (await self.s.execute(q)).scalars()}

    async def answer_counts(self, period_id: int) -> dict[int, int]:
        q = (
            select(Submission.unit_id, func.count(Answer.id))
            .join(Answer, Answer.submission_id == Submission.id)
            .where(Submission.period_id == period_id)
            .group_by(Submission.unit_id)
        )
        return {u: int(c) for u, c in (await self.s.execute(q)).all()}

    async def period_answers(self, period: Period, unit_ids: Sequence[int] | None = None,
                             under: Unit | None = None, prev_keys: Sequence[str] | None = None) -> PeriodAnswers:
        """Current and previous answers of every unit (optionally: in ``unit_ids`` or under ``under``),
        in one round trip: the previous period (:meth:`previous_period`) is chosen by a subquery in the same
        statement, and each submission's answers come back as one JSON object aggregated by the database."""
        prev_id_sq = before_in_sequence(self.dialect, period).with_only_columns(Period.id).limit(1).scalar_subquery()
        if self.dialect == "postgresql":
            agg = cast(func.json_object_agg(Answer.question_key, Answer.value), Text)
        else:
            agg = type_coerce(func.json_group_object(Answer.question_key, func.json(Answer.value)), Text)
        doc_q = select(agg).where(Answer.submission_id == Submission.id)
        if prev_keys is not None:
            # of the previous period, only what the comparison needs (numbers, list lengths)
            doc_q = doc_q.where(or_(Submission.period_id == period.id, Answer.question_key.in_(list(prev_keys))))
        doc = doc_q.correlate(Submission).scalar_subquery()
        q = (
            select(Submission.unit_id, Submission.period_id, Submission.status, Submission.submitted_at,
                   doc.label("doc"), prev_id_sq.label("prev_id"))
            .where(or_(Submission.period_id == period.id, Submission.period_id == prev_id_sq))
        )
        if under is not None:
            q = q.join(Unit, Unit.id == Submission.unit_id).where(Unit.path.startswith(under.path, autoescape=True))
        wanted = set(unit_ids) if unit_ids is not None else None
        cur: dict[int, dict[str, Any]] = {}
        prev: dict[int, dict[str, Any]] = {}
        status: dict[int, str] = {}
        prev_status: dict[int, str] = {}
        submitted_at: dict[int, datetime | None] = {}
        prev_id: int | None = None
        loads = orjson.loads
        result = await self.s.execute(q)
        for unit_id, period_id, st, sat, raw, pid in result:
            if wanted is not None and unit_id not in wanted:
                continue
            prev_id = pid
            answers = (raw if isinstance(raw, dict) else loads(raw)) if raw else {}
            if period_id == period.id:
                status[unit_id] = st
                submitted_at[unit_id] = sat
                cur[unit_id] = answers
            else:
                prev[unit_id] = answers
                prev_status[unit_id] = st
        if prev_id is None:
            prev_id = (await self.s.execute(select(prev_id_sq))).scalar_one_or_none()
        cur = {u: a for u, a in cur.items() if a}
        prev = {u: a for u, a in prev.items() if a}
        return PeriodAnswers(period.id, prev_id, cur, prev, status, submitted_at, prev_status)

    # ------------------------------------------------------------------ conversation positions
    async def position(self, account_id: int) -> ConversationPosition | None:
        return await self.s.get(ConversationPosition, account_id)

    async def save_position(self, account_id: int, *, submission_id: int | None, question_key: str | None,
                            mode: str = "question", state: dict[str, Any] | None = None,
                            bump: bool = True, defer: bool = False) -> ConversationPosition:
        """Move the account's position (``bump``: a new nonce, so buttons of older messages go stale).
        ``defer``: written with the session's next hot write (an answer) or just before it commits."""
        pos = await self.s.get(ConversationPosition, account_id)
        now = utcnow()
        if pos is None:
            pos = ConversationPosition(account_id=account_id, submission_id=submission_id,
                                       question_key=question_key, mode=mode, state=state or {}, nonce=1,
                                       updated_at=now)
            self.s.add(pos)
            await self.s.flush()
            return pos
        values = {"submission_id": submission_id, "question_key": question_key, "mode": mode,
                  "state": dict(state or {}), "nonce": (pos.nonce or 0) + 1 if bump else pos.nonce,
                  "updated_at": now}
        await self._write_through(pos, "move_position", values, defer=defer)
        return pos

    async def note_updates(self, acc: Account, recent: list[int]) -> None:
        """Remember the update ids the account's last updates had (a redelivered one is then recognised).

        Written with the update's next write (the answer) or when it commits, not before: a redelivered update
        is recognised exactly when what it stored is stored."""
        await self._write_through(acc, "note_updates", {"recent_updates": recent}, defer=True)

    async def _write_through(self, obj: Any, name: str, values: dict[str, Any], *, defer: bool = False) -> None:
        """Update a loaded row with the prepared Core statement ``name`` of :func:`_hot` and record the new values
        on the object as the stored ones: the bot's hot path without the ORM's unit of work (a flush cost ~1 ms
        per answer). An object with other pending changes goes through the ORM as usual. ``defer``: the write
        goes with the session's next hot statement, or is made just before the session commits."""
        state = sa_inspect(obj)
        if state.modified:
            for k, v in values.items():
                setattr(obj, k, v)
            await self.s.flush()
            return
        table = state.mapper.local_table.name
        pk = f"p_{table}__pk"
        params = {pk: state.identity[0], **{f"p_{table}_{k}": v for k, v in values.items()}}
        for k, v in values.items():
            set_committed_value(obj, k, v)
        if defer:
            # the transaction is opened now, as an immediate write would (the middleware may have just committed):
            # the deferred write then always has a transaction to be committed or rolled back with
            await self.s.connection()
            pending = self.s.info.get(_DEFERRED, {})
            if name in pending and pending[name][pk] != params[pk]:
                # another row's write of the same kind: made now (with the rest of what waits)
                await self._run_hot(name, pending.pop(name))
            self.s.info.setdefault(_DEFERRED, {})[name] = params
            self._held.append(obj)
            return
        await self._run_hot(name, params)

    async def _run_hot(self, name: str, params: dict[str, Any], *also: str) -> Any:
        """Execute the hot statement ``name`` with the hot statements ``also`` and the deferred writes
        (:func:`_hot_plan`); returns ``name``'s result."""
        pending: dict[str, dict[str, Any]] = self.s.info.pop(_DEFERRED, None) or {}
        conn = await self.s.connection()
        *before, (stmt, stmt_params) = _hot_plan(self.dialect, name, params, also, pending)
        for extra, extra_params in before:
            await conn.execute(extra, extra_params)
        return await conn.execute(stmt, stmt_params)

    async def position_context(self, account_id: int
                               ) -> tuple[ConversationPosition, Submission, Period, Unit] | None:
        """The position with its submission, period and unit, in one statement (the bot's hot path)."""
        ahead = self._context.pop(account_id, None)
        if ahead is not None and ahead[0].submission_id == ahead[1].id:
            return ahead
        q = (
            select(ConversationPosition, Submission, Period, Unit)
            .join(Submission, Submission.id == ConversationPosition.submission_id)
            .join(Period, Period.id == Submission.period_id)
            .join(Unit, Unit.id == Submission.unit_id)
            .where(ConversationPosition.account_id == account_id)
        )
        row = (await self.s.execute(q)).first()
        return tuple(row) if row is not None else None  # type: ignore[return-value]

    # ------------------------------------------------------------------ reminder log
    async def claim_reminder(self, period_id: int, unit_id: int, kind: str, account_id: int,
                             *, now: datetime | None = None, text: str | None = None) -> int | None:
        """Record the intent to send (and the text) before sending. Returns the log id, or None when already claimed."""
        stmt = self._insert(ReminderLog).values(
            period_id=period_id, unit_id=unit_id, kind=kind, account_id=account_id, status="pending",
            attempts=0, created_at=now or utcnow(), text=text,
        ).on_conflict_do_nothing().returning(ReminderLog.id)
        return (await self.s.execute(stmt)).scalar_one_or_none()

    async def finish_reminder(self, log_id: int, status: str, *, error: str | None = None,
                              attempts: int = 1, now: datetime | None = None) -> None:
        await self.s.execute(
            update(ReminderLog).where(ReminderLog.id == log_id).values(
                status=status, error=error, attempts=attempts, sent_at=(now or utcnow()) if status == "sent" else None,
            )
        )

    async def claimed_reminders(self, period_id: int, kinds: Sequence[str]) -> set[tuple[int, str, int]]:
        """(unit id, kind, account id) of every message of ``kinds`` already claimed for the period."""
        q = select(ReminderLog.unit_id, ReminderLog.kind, ReminderLog.account_id).where(
            ReminderLog.period_id == period_id, ReminderLog.kind.in_(list(kinds)))
        return {(u, k, a) for u, k, a in (await self.s.execute(q)).all()}

    async def pending_reminders(self, older_than: datetime) -> list[tuple[ReminderLog, int]]:
        """Messages claimed before ``older_than`` and never finished (their process died): with the chat id."""
        q = (select(ReminderLog, Account.telegram_id).join(Account, Account.id == ReminderLog.account_id)
             .where(ReminderLog.status == "pending", ReminderLog.created_at < older_than,
                    ReminderLog.text.is_not(None)))
        return [(r, tg) for r, tg in (await self.s.execute(q)).all()]

    # ------------------------------------------------------------------ review: history, return, approve
    async def add_event(self, sub: Submission, kind: str, by: Account | None, *, comment: str | None = None,
                        keys: Sequence[str] | None = None, now: datetime | None = None) -> SubmissionEvent:
        ev = SubmissionEvent(submission_id=sub.id, kind=kind, by_account=by.id if by else None, at=now or utcnow(),
                             comment=comment, keys=[str(k) for k in keys] if keys else None)
        self.s.add(ev)
        await self.s.flush()
        return ev

    async def history(self, sub: Submission) -> list[SubmissionEvent]:
        q = select(SubmissionEvent).where(SubmissionEvent.submission_id == sub.id)
        return list((await self.s.execute(q.order_by(SubmissionEvent.at, SubmissionEvent.id))).scalars())

    async def last_event(self, sub: Submission, kind: str) -> SubmissionEvent | None:
        q = (select(SubmissionEvent).where(SubmissionEvent.submission_id == sub.id, SubmissionEvent.kind == kind)
             .order_by(SubmissionEvent.at.desc(), SubmissionEvent.id.desc()).limit(1))
        return (await self.s.execute(q)).scalar_one_or_none()

    async def values_at(self, submission_id: int, keys: Sequence[str], at: datetime) -> dict[str, Any]:
        """The answers to ``keys`` as they stood at ``at``: the old value of the first change after it, else the
        current answer (a key unanswered then is left out)."""
        q = (select(AnswerRevision.question_key, AnswerRevision.old_value)
             .where(AnswerRevision.submission_id == submission_id, AnswerRevision.question_key.in_(list(keys)),
                    AnswerRevision.changed_at > at)
             .order_by(AnswerRevision.question_key, AnswerRevision.version))
        out: dict[str, Any] = {}
        for k, old in (await self.s.execute(q)).all():
            out.setdefault(k, old)
        current = await self.answers(submission_id)
        out.update({k: current[k] for k in keys if k not in out and k in current})
        return {k: v for k, v in out.items() if v is not None}

    async def return_submission(self, sub: Submission, by: Account, comment: str, keys: Sequence[str] = (),
                                *, now: datetime | None = None) -> None:
        """Send a submission back to its unit with a comment (and the questions concerned): editable again."""
        now = now or utcnow()
        sub.status = lifecycle.return_(sub.status)
        sub.comment = comment
        sub.returned_by = by.id
        sub.returned_at = now
        sub.updated_at = now
        await self.add_event(sub, "returned", by, comment=comment, keys=keys, now=now)
        await self.end_unlock(sub, now)

    async def approve(self, sub: Submission, by: Account, *, comment: str | None = None,
                      now: datetime | None = None) -> bool:
        """Approve and lock a submission; False (nothing done) when its status cannot be approved."""
        if sub.status not in lifecycle.APPROVABLE:
            return False
        now = now or utcnow()
        sub.status = lifecycle.approve(sub.status)
        sub.updated_at = now
        await self.add_event(sub, "approved", by, comment=comment, now=now)
        return True

    @staticmethod
    def period_closed(period: Period, now: datetime) -> bool:
        return lifecycle.period_closed(period.status, period.closes_at, now)

    async def lock(self, sub: Submission, now: datetime | None = None) -> Lock | None:
        """Why the unit may not change this submission now (``lifecycle.can_edit``), or None when it may."""
        now = now or utcnow()
        period = await self.s.get(Period, sub.period_id)
        closed = period is not None and self.period_closed(period, now)
        if not closed and sub.status not in (Status.APPROVED, Status.CORRECTED, Status.UNLOCKED):
            return None  # the common case, without reading the unlocks
        last = await self._last_unlock(sub)
        approved = last is not None and last.status == "approved"
        active = approved and last.expires_at is not None and last.expires_at > now
        return lifecycle.can_edit(sub.status, closed, UnlockState(active=active, ended=approved and not active))

    async def can_edit(self, sub: Submission, now: datetime | None = None) -> tuple[bool, Lock | None]:
        """Whether the unit may change this submission now, and if not why (a reason code)."""
        why = await self.lock(sub, now)
        return why is None, why

    async def _last_unlock(self, sub: Submission) -> UnlockRequest | None:
        q = select(UnlockRequest).where(UnlockRequest.submission_id == sub.id).order_by(UnlockRequest.id.desc())
        return (await self.s.execute(q.limit(1))).scalar_one_or_none()

    # ------------------------------------------------------------------ review: unlock after the period closed
    async def request_unlock(self, sub: Submission, by: Account, reason: str,
                             *, now: datetime | None = None) -> tuple[UnlockRequest, bool]:
        """Ask to reopen; returns (request, created). A pending request is reused, not duplicated."""
        q = select(UnlockRequest).where(UnlockRequest.submission_id == sub.id, UnlockRequest.status == "pending")
        found = (await self.s.execute(q.limit(1))).scalar_one_or_none()
        if found is not None:
            return found, False
        now = now or utcnow()
        req = UnlockRequest(submission_id=sub.id, requested_by=by.id, reason=reason, status="pending", created_at=now)
        self.s.add(req)
        await self.add_event(sub, "unlock_requested", by, comment=reason, now=now)
        return req, True

    async def unlock_request(self, request_id: int) -> UnlockRequest | None:
        return await self.s.get(UnlockRequest, request_id)

    async def decide_unlock(self, req: UnlockRequest, by: Account, approve: bool, *, hours: float = UNLOCK_HOURS,
                            comment: str | None = None, now: datetime | None = None) -> bool:
        """Approve or refuse a pending request. Only the first decision counts (two supervisors tapping at
        once): returns False when it had already been decided. Approving opens the report (``lifecycle.unlock``)
        until the unlock expires."""
        now = now or utcnow()
        expires = now + timedelta(hours=hours) if approve else None
        res = await self.s.execute(
            update(UnlockRequest).where(UnlockRequest.id == req.id, UnlockRequest.status == "pending")
            .values(status="approved" if approve else "refused", decided_by=by.id, decided_at=now, expires_at=expires)
            .execution_options(synchronize_session=False)
        )
        await self.s.refresh(req)
        if res.rowcount != 1:
            return False
        sub = await self.s.get(Submission, req.submission_id)
        assert sub is not None
        await self.add_event(sub, "unlock_approved" if approve else "unlock_refused", by, comment=comment, now=now)
        if approve:
            sub.status = lifecycle.unlock(sub.status)
            sub.updated_at = now
        return True

    async def unlocked_periods(self, unit_id: int, now: datetime | None = None) -> list[Period]:
        """Periods (closed or past their closing time) this unit may still edit: an approved unlock not expired."""
        now = now or utcnow()
        # no DISTINCT over the row: PostgreSQL cannot compare its JSON column (unit_scope)
        ids = (select(Submission.period_id).join(UnlockRequest, UnlockRequest.submission_id == Submission.id)
               .where(Submission.unit_id == unit_id, UnlockRequest.status == "approved", UnlockRequest.expires_at > now))
        q = select(Period).where(Period.id.in_(ids))
        return list((await self.s.execute(q)).scalars())

    async def active_unlock(self, sub: Submission, now: datetime | None = None) -> UnlockRequest | None:
        now = now or utcnow()
        q = select(UnlockRequest).where(UnlockRequest.submission_id == sub.id, UnlockRequest.status == "approved",
                                        UnlockRequest.expires_at > now)
        return (await self.s.execute(q.order_by(UnlockRequest.expires_at.desc()).limit(1))).scalar_one_or_none()

    async def relock_expired(self, now: datetime | None = None) -> list[tuple[UnlockRequest, Submission]]:
        """Close each approved unlock that has expired, once (for the scheduler): a "relocked" event, and an
        unlocked report goes back to the supervisor for approval (``lifecycle.relock``)."""
        now = now or utcnow()
        res = await self.s.execute(
            update(UnlockRequest).where(UnlockRequest.status == "approved", UnlockRequest.expires_at <= now,
                                        UnlockRequest.relocked_at.is_(None))
            .values(relocked_at=now).returning(UnlockRequest.id).execution_options(synchronize_session=False)
        )
        ids = [r for (r,) in res.all()]
        if not ids:
            return []
        reqs = list((await self.s.execute(select(UnlockRequest).where(UnlockRequest.id.in_(ids))
                                          .execution_options(populate_existing=True))).scalars())
        subs = {s.id: s for s in (await self.s.execute(
            select(Submission).where(Submission.id.in_([r.submission_id for r in reqs])))).scalars()}
        for r in reqs:
            sub = subs[r.submission_id]
            sub.status = lifecycle.relock(sub.status)
            sub.updated_at = now
            await self.add_event(sub, "relocked", None, now=now)
        return [(r, subs[r.submission_id]) for r in reqs]

    async def end_unlock(self, sub: Submission, now: datetime) -> UnlockRequest | None:
        """End the submission's active unlock now (the officer sent the report again, or it was returned):
        nothing more is accepted under it. Returns the unlock ended, if there was one."""
        active = await self.active_unlock(sub, now)
        if active is not None:
            active.expires_at = now
            active.relocked_at = now
            await self.s.flush()
        return active

    async def unlock_changes(self, req: UnlockRequest) -> list[str]:
        """The question keys changed while the unlock was open (from its decision to its end), in order."""
        q = select(AnswerRevision.question_key).where(AnswerRevision.submission_id == req.submission_id)
        if req.decided_at is not None:
            q = q.where(AnswerRevision.changed_at >= req.decided_at)
        end = req.relocked_at or req.expires_at
        if end is not None:
            q = q.where(AnswerRevision.changed_at <= end)
        rows = (await self.s.execute(q.order_by(AnswerRevision.changed_at, AnswerRevision.id))).scalars()
        return list(dict.fromkeys(rows))

    # ------------------------------------------------------------------ review: reasons and views
    async def set_reason(self, submission_id: int, key: str, reason: str | None) -> bool:
        """Attach (or clear) the large-change reason of an answer already stored, and of its latest revision."""
        res = await self.s.execute(
            update(Answer).where(Answer.submission_id == submission_id, Answer.question_key == key)
            .values(reason=reason).returning(Answer.version).execution_options(synchronize_session=False)
        )
        version = res.scalar_one_or_none()
        if version is None:
            return False
        await self.s.execute(
            update(AnswerRevision).where(AnswerRevision.submission_id == submission_id,
                                         AnswerRevision.question_key == key, AnswerRevision.version == version)
            .values(reason=reason).execution_options(synchronize_session=False)
        )
        return True

    async def period_reasons(self, period_id: int, under: Unit | None = None) -> dict[int, dict[str, str]]:
        """The officers' reasons for large changes in a period: unit id → question key → reason."""
        q = (select(Submission.unit_id, Answer.question_key, Answer.reason)
             .join(Submission, Submission.id == Answer.submission_id)
             .where(Submission.period_id == period_id, Answer.reason.is_not(None)))
        if under is not None:
            q = q.join(Unit, Unit.id == Submission.unit_id).where(Unit.path.startswith(under.path, autoescape=True))
        out: dict[int, dict[str, str]] = {}
        for unit_id, key, reason in (await self.s.execute(q)).all():
            out.setdefault(unit_id, {})[key] = reason
        return out

    async def answer_reasons(self, submission_id: int) -> dict[str, str]:
        q = select(Answer.question_key, Answer.reason).where(Answer.submission_id == submission_id,
                                                              Answer.reason.is_not(None))
        return {k: r for k, r in (await self.s.execute(q)).all()}

    async def unit_previous_answers(self, unit_id: int, period: Period) -> tuple[Period | None, dict[str, Any] | None]:
        """The previous period of the outline and this unit's answers in it (None when it did not answer)."""
        prev = await self.previous_period(period)
        if prev is None:
            return None, None
        sub = await self.find_submission(unit_id, prev.id)
        return prev, (await self.answers(sub.id) if sub is not None else None)

    async def scope_submissions(self, acc: Account, period: Period,
                                respondent_kinds: Sequence[str]) -> list[tuple[Unit, Submission | None]]:
        """The units a supervisor oversees that answer this period, each with its submission (or None), by name.
        Admins see every unit; an officer only their own."""
        if acc.role == "admin":
            units = await self.list_units(kinds=None if period.unit_scope else respondent_kinds)
        elif acc.role == "officer":
            own = await self.unit(acc.unit_id) if acc.unit_id else None
            units = [own] if own is not None else []
        else:
            seen: dict[int, Unit] = {}
            for sc in await self.scopes(acc):
                for u in await self.list_units(sc, kinds=None if period.unit_scope else respondent_kinds):
                    seen[u.id] = u
            units = list(seen.values())
        units = [u for u in units if self.period_covers(period, u, respondent_kinds)]
        subs = await self.submissions_of_period(period.id)
        return [(u, subs.get(u.id)) for u in sorted(units, key=lambda u: u.name)]

    # ------------------------------------------------------------------ supervisors' notices, batched
    async def enqueue_notice(self, account_ids: Iterable[int], kind: str, text: str, *, unit_id: int | None = None,
                             period_id: int | None = None, now: datetime | None = None) -> int:
        now = now or utcnow()
        rows = [NotifyQueue(account_id=a, kind=kind, unit_id=unit_id, period_id=period_id, text=text, created_at=now)
                for a in dict.fromkeys(account_ids)]
        self.s.add_all(rows)
        if rows:
            self.s.info[NOTICES_QUEUED] = True  # the caller may wake the sender once this commits
        await self.s.flush()
        return len(rows)

    async def enqueue_for_supervisors(self, unit: Unit, kind: str, text: str, *, period_id: int | None = None,
                                      now: datetime | None = None) -> int:
        """One queued notice for each supervisor whose scope holds ``unit``."""
        sups = await self.supervisors_of(unit)
        return await self.enqueue_notice([a.id for a in sups], kind, text, unit_id=unit.id, period_id=period_id,
                                         now=now)

    async def take_due_notices(self, now: datetime | None = None, *, batch_minutes: float = NOTIFY_BATCH_MINUTES,
                               stale_minutes: float = 10) -> list[NoticeBatch]:
        """Claim the notices of every supervisor who got no notice in the last ``batch_minutes``: one batch per
        supervisor, all their waiting notices (the first after a quiet spell goes at once, the next ones together). Claimed notices left unsent for ``stale_minutes`` (the process
        died) are claimed again. Call :meth:`finish_notices` after sending."""
        now = now or utcnow()
        waiting = and_(NotifyQueue.sent_at.is_(None),
                       or_(NotifyQueue.claimed_at.is_(None),
                           NotifyQueue.claimed_at < now - timedelta(minutes=stale_minutes)))
        # the first notice after a quiet spell goes at once; the ones that follow within ``batch_minutes`` of the
        # last message (sent, or being sent) wait and go together
        since = now - timedelta(minutes=batch_minutes)
        recent = select(NotifyQueue.account_id).where(or_(NotifyQueue.sent_at > since, NotifyQueue.claimed_at > since))
        due = (select(NotifyQueue.account_id).where(waiting, NotifyQueue.account_id.not_in(recent))
               .group_by(NotifyQueue.account_id))
        due_ids = [a for (a,) in (await self.s.execute(due)).all()]
        if not due_ids:
            return []
        res = await self.s.execute(
            update(NotifyQueue).where(waiting, NotifyQueue.account_id.in_(due_ids), NotifyQueue.created_at <= now)
            .values(claimed_at=now).returning(NotifyQueue.id).execution_options(synchronize_session=False)
        )
        claimed = [i for (i,) in res.all()]
        q = (select(NotifyQueue, Account.telegram_id).join(Account, Account.id == NotifyQueue.account_id)
             .where(NotifyQueue.id.in_(claimed)).order_by(NotifyQueue.account_id, NotifyQueue.created_at,
                                                          NotifyQueue.id)
             .execution_options(populate_existing=True))
        batches: dict[int, NoticeBatch] = {}
        for n, tg in (await self.s.execute(q)).all():
            b = batches.setdefault(n.account_id, NoticeBatch(n.account_id, tg, []))
            b.notices.append(n)
        return list(batches.values())

    async def finish_notices(self, ids: Iterable[int], *, now: datetime | None = None) -> None:
        await self.s.execute(update(NotifyQueue).where(NotifyQueue.id.in_(list(ids)))
                             .values(sent_at=now or utcnow()).execution_options(synchronize_session=False))

    # ------------------------------------------------------------------ messages Telegram would not take
    async def record_undeliverable(self, chat_id: int, method: str, text: str | None, reason: str,
                                   now: datetime | None = None) -> OutboundFailure:
        row = OutboundFailure(chat_id=chat_id, method=method[:64], text=text[:4096] if text is not None else None,
                              reason=reason, created_at=now or utcnow())
        self.s.add(row)
        await self.s.flush()
        return row


    # ------------------------------------------------------------------ the web form (issue 24)
    async def create_web_link(self, acc: Account, period_id: int | None, *, hours: float,
                              now: datetime | None = None) -> WebLink:
        """A new revocable link row for ``acc`` (and one period), valid ``hours``."""
        now = now or utcnow()
        link = WebLink(id=secrets.token_urlsafe(12), account_id=acc.id, period_id=period_id, created_at=now,
                       expires_at=now + timedelta(hours=hours))
        self.s.add(link)
        await self.s.flush()
        return link

    async def web_link(self, link_id: str) -> WebLink | None:
        return await self.s.get(WebLink, link_id)

    async def web_links(self, account_ids: Iterable[int] | None = None) -> list[WebLink]:
        q = select(WebLink)
        if account_ids is not None:
            q = q.where(WebLink.account_id.in_(list(account_ids)))
        return list((await self.s.execute(q.order_by(WebLink.created_at))).scalars())

    async def revoke_web_links(self, *, link_id: str | None = None, account_id: int | None = None,
                               now: datetime | None = None) -> int:
        """Revoke one link, or every link of an account; returns how many were revoked now."""
        q = update(WebLink).where(WebLink.revoked_at.is_(None)).values(revoked_at=now or utcnow())
        if link_id is not None:
            q = q.where(WebLink.id == link_id)
        if account_id is not None:
            q = q.where(WebLink.account_id == account_id)
        return (await self.s.execute(q)).rowcount or 0

    async def ensure_web_account(self, unit: Unit, full_name: str) -> Account:
        """An officer account for someone outside Telegram: a negative placeholder id (never a real Telegram
        user), marked blocked so no Telegram message is tried for it (reminders skip blocked accounts)."""
        # -1, -2, …: far above the Zalo accounts' synthetic addresses (storage/channels.py, from -10**15 down)
        q = select(func.min(Account.telegram_id)).where(Account.telegram_id > -(10**14))
        lowest = (await self.s.execute(q)).scalar_one_or_none() or 0
        acc = Account(telegram_id=min(int(lowest), 0) - 1, full_name=full_name, username=None, role="officer",
                      unit_id=unit.id, blocked=True, active=True, created_at=utcnow())
        self.s.add(acc)
        await self.s.flush()
        return acc

    async def answer_versions(self, submission_id: int) -> dict[str, tuple[int, int | None, datetime, str]]:
        """Each answer's (version, set_by, set_at, via)."""
        q = select(Answer.question_key, Answer.version, Answer.set_by, Answer.set_at, Answer.via).where(
            Answer.submission_id == submission_id)
        return {k: (v, by, at, via) for k, v, by, at, via in (await self.s.execute(q)).all()}

    async def revisions_after(self, submission_id: int, after_id: int, *, not_by: int | None = None,
                              limit: int = 50) -> list[AnswerRevision]:
        """Revisions of a submission newer than ``after_id`` (optionally: made by someone else), oldest first."""
        q = select(AnswerRevision).where(AnswerRevision.submission_id == submission_id, AnswerRevision.id > after_id)
        if not_by is not None:
            q = q.where((AnswerRevision.changed_by != not_by) | AnswerRevision.changed_by.is_(None))
        return list((await self.s.execute(q.order_by(AnswerRevision.id).limit(limit))).scalars())

    async def last_revision_id(self, submission_id: int) -> int:
        q = select(func.max(AnswerRevision.id)).where(AnswerRevision.submission_id == submission_id)
        return int((await self.s.execute(q)).scalar_one_or_none() or 0)

    async def account_by_username(self, username: str) -> Account | None:
        """An active account by its Telegram @username (without the @)."""
        q = select(Account).where(Account.username == username, Account.active.is_(True)).order_by(Account.id)
        return (await self.s.execute(q.limit(1))).scalar_one_or_none()

    async def web_session_account(self, account_id: int, link_id: str | None) -> Account | None:
        """The account of a web session, in one statement: None when it is gone, inactive, or the session's
        link was revoked."""
        if link_id is None:
            acc = await self.s.get(Account, account_id)
            return acc if acc is not None and acc.active else None
        q = _web_statements()["session"]
        return (await self.s.execute(q, {"p_acc": account_id, "p_link": link_id})).scalar_one_or_none()

    async def report_context(self, unit_id: int, period_id: int) -> tuple[Unit, Period, Submission | None] | None:
        """A unit, a period and the unit's submission for it (None when not started), in one statement."""
        row = (await self.s.execute(_web_statements()["report"], {"p_unit": unit_id, "p_period": period_id})).first()
        return (row[0], row[1], row[2]) if row is not None else None

    async def answer_version(self, submission_id: int, key: str) -> tuple[int, int | None, datetime, str] | None:
        """One answer's (version, set_by, set_at, via), or None when it has none yet."""
        row = (await self.s.execute(_web_statements()["version"], {"p_sid": submission_id, "p_key": key})).first()
        return tuple(row) if row is not None else None  # type: ignore[return-value]


    # ================================================================== issuers (issue 20)
    # Who issues each scope's consolidated report. Kept in one block at the end so it can move out whole.

    async def issuer_for(self, scope_code: str | None, fallback: Issuer) -> Issuer:
        """The issuer of a scope's report: what was set for it, else derived from the unit data. Over all units
        (``scope_code`` None): what was set for "*", else the only top-level unit's, else ``fallback``."""
        row = await self.s.get(IssuerSetting, scope_code or ALL_SCOPE)
        if row is not None:
            return issuer_from_dict(row.data)
        if scope_code:
            unit = await self.unit_by_code(scope_code)
            if unit is None:
                return fallback
            parent = await self.unit(unit.parent_id) if unit.parent_id else None
            return default_issuer(unit.name, unit.kind, unit.code, parent.name if parent else None)
        q = select(Unit.code).where(Unit.parent_id.is_(None), Unit.active.is_(True)).limit(2)
        roots = list((await self.s.execute(q)).scalars())
        return await self.issuer_for(roots[0], fallback) if len(roots) == 1 else fallback

    async def issuer_is_set(self, scope_code: str | None) -> bool:
        return await self.s.get(IssuerSetting, scope_code or ALL_SCOPE) is not None

    async def set_issuer(self, scope_code: str | None, issuer: Issuer, *, by: int | None = None,
                         now: datetime | None = None) -> None:
        row = await self.s.get(IssuerSetting, scope_code or ALL_SCOPE)
        data = issuer.as_dict()
        data.pop("derived", None)
        if row is None:
            self.s.add(IssuerSetting(scope=scope_code or ALL_SCOPE, data=data, updated_at=now or utcnow(), updated_by=by))
        else:
            row.data, row.updated_at, row.updated_by = data, now or utcnow(), by
        await self.s.flush()

    async def reset_issuer(self, scope_code: str | None) -> bool:
        """Back to the defaults from the unit data; False when nothing was set."""
        row = await self.s.get(IssuerSetting, scope_code or ALL_SCOPE)
        if row is None:
            return False
        await self.s.delete(row)
        await self.s.flush()
        return True


@functools.cache
def _web_statements() -> dict[str, Any]:
    """The web form's per-request statements, built once (bound parameters)."""
    from sqlalchemy import bindparam

    return {
        "session": (select(Account).join(WebLink, WebLink.account_id == Account.id)
                    .where(Account.id == bindparam("p_acc"), Account.active.is_(True), WebLink.id == bindparam("p_link"),
                           WebLink.revoked_at.is_(None))),
        "report": (select(Unit, Period, Submission).select_from(Unit).join(Period, Period.id == bindparam("p_period"))
                   .outerjoin(Submission, (Submission.unit_id == Unit.id) & (Submission.period_id == Period.id))
                   .where(Unit.id == bindparam("p_unit"))),
        "version": select(Answer.version, Answer.set_by, Answer.set_at, Answer.via).where(
            Answer.submission_id == bindparam("p_sid"), Answer.question_key == bindparam("p_key")),
    }
