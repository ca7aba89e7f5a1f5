"""The bot's hot path: statements prepared once per dialect (:func:`_hot`, parameters named
``p_<table>_<column>``), hot statements joined into one (:func:`_joined`, PostgreSQL), and the writes a session puts
off (:class:`DeferredWrites`): they go with the session's next hot statement, or just before it commits, and are
dropped when it rolls back. :class:`HotPath` is the repositories' side of it (docs/architecture.md, step 4)."""

from __future__ import annotations

import functools
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Text, bindparam, cast, event, func, insert, select, type_coerce, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from storage.models import Account, Answer, AnswerRevision, ConversationPosition, Period, Submission, Unit
from storage.repos.base import RepoBase


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
    touch = (update(sub).where(sub.c.id == p("p_sid", sub.c.id))
             .values(updated_at=p("p_now", sub.c.updated_at), answers_rev=sub.c.answers_rev + 1))

    def write(table: Any, key: Any, *cols: Any) -> Any:
        # for HotPath._write_through: parameters 'p_<table>__pk' and 'p_<table>_<column>', unique across the tables, so
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
        touch_submission=touch,
        touch_returning=touch.returning(sub.c.answers_rev),
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


class DeferredWrites:
    """The hot writes a session has put off, kept in its ``session.info`` (under :attr:`KEY`) until its next hot
    statement or its commit, whichever is first: PostgreSQL then sends them with that statement (a round trip less
    per write), SQLite just before it. Dropped when the session rolls back. ``pending``: hot statement name →
    its parameters, one write of each kind."""

    KEY = "deferred_hot_writes"

    def __init__(self) -> None:
        self.pending: dict[str, dict[str, Any]] = {}

    @classmethod
    def of(cls, session: Session | AsyncSession) -> DeferredWrites:
        """The session's deferred writes (an empty set made on first use)."""
        return session.info.setdefault(cls.KEY, cls())

    @classmethod
    def take(cls, session: Session | AsyncSession) -> dict[str, dict[str, Any]]:
        """What waits, removed from the session: to be sent now with a hot statement."""
        found: DeferredWrites | None = session.info.pop(cls.KEY, None)
        return found.pending if found is not None else {}

    @classmethod
    def write_before_commit(cls, session: Session) -> None:
        """Write what waits on the session's connection (the transaction about to commit)."""
        found: DeferredWrites | None = session.info.get(cls.KEY)
        if found is None or not found.pending:
            session.info.pop(cls.KEY, None)
            return
        pending = found.pending
        conn = session.connection()
        first, *rest = pending
        for stmt, params in _hot_plan(conn.dialect.name, first, pending[first], (), {k: pending[k] for k in rest}):
            conn.execute(stmt, params)
        # only once written: a failed write leaves them pending, so a second commit cannot skip them
        session.info.pop(cls.KEY, None)

    @classmethod
    def drop(cls, session: Session) -> None:
        session.info.pop(cls.KEY, None)


@event.listens_for(Session, "before_commit")
def _write_deferred(session: Session) -> None:
    """The deferred hot writes are part of the transaction: written just before it commits."""
    DeferredWrites.write_before_commit(session)


@event.listens_for(Session, "after_rollback")
def _drop_deferred(session: Session) -> None:
    DeferredWrites.drop(session)


class HotPath(RepoBase):
    """The repositories' hot writes: a loaded row updated by a prepared statement, now or deferred."""

    async def _write_through(self, obj: Any, name: str, values: dict[str, Any], *, defer: bool = False) -> None:
        """Update a loaded row with the prepared Core statement ``name`` of :func:`_hot` and record the new values
        on the object as the stored ones: the bot's hot path without the ORM's unit of work (a flush cost ~1 ms
        per answer). An object with other pending changes goes through the ORM as usual. ``defer``: the write
        goes with the session's next hot statement, or is made just before the session commits."""
        state = sa_inspect(obj)
        if state.modified:
            for k, v in values.items():
                setattr(obj, k, v)
            await self.session.flush()
            return
        table = state.mapper.local_table.name
        pk = f"p_{table}__pk"
        params = {pk: state.identity[0], **{f"p_{table}_{k}": v for k, v in values.items()}}
        for k, v in values.items():
            set_committed_value(obj, k, v)
        if defer:
            # the transaction is opened now, as an immediate write would (the middleware may have just committed):
            # the deferred write then always has a transaction to be committed or rolled back with
            await self.session.connection()
            pending = DeferredWrites.of(self.session).pending
            if name in pending and pending[name][pk] != params[pk]:
                # another row's write of the same kind: made now (with the rest of what waits)
                await self._run_hot(name, pending.pop(name))
            DeferredWrites.of(self.session).pending[name] = params
            self._held.append(obj)
            return
        await self._run_hot(name, params)

    async def _run_hot(self, name: str, params: dict[str, Any], *also: str) -> Any:
        """Execute the hot statement ``name`` with the hot statements ``also`` and the deferred writes
        (:func:`_hot_plan`); returns ``name``'s result."""
        pending = DeferredWrites.take(self.session)
        conn = await self.session.connection()
        *before, (stmt, stmt_params) = _hot_plan(self.dialect, name, params, also, pending)
        for extra, extra_params in before:
            await conn.execute(extra, extra_params)
        return await conn.execute(stmt, stmt_params)
