"""The web form's links and sessions (a channel besides Telegram). A mixin of :class:`storage.repo.Repo`
(docs/architecture.md, storage)."""

from __future__ import annotations

import functools
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import bindparam, exists, func, select, update

from storage import rawsql
from storage.models import Account, Answer, AnswerRevision, Period, Submission, Unit, WebLink
from storage.repos.base import RepoBase, utcnow


class WebRepo(RepoBase):
    # ------------------------------------------------------------------ the web form (issue 24)
    async def create_web_link(self, acc: Account, period_id: int | None, *, hours: float,
                              now: datetime | None = None) -> WebLink:
        """A new revocable link row for ``acc`` (and one period), valid ``hours``."""
        now = now or utcnow()
        link = WebLink(id=secrets.token_urlsafe(12), account_id=acc.id, period_id=period_id, created_at=now,
                       expires_at=now + timedelta(hours=hours))
        self.session.add(link)
        await self.session.flush()
        return link

    async def web_link(self, link_id: str) -> WebLink | None:
        return await self.session.get(WebLink, link_id)

    async def web_links(self, account_ids: Iterable[int] | None = None) -> list[WebLink]:
        q = select(WebLink)
        if account_ids is not None:
            q = q.where(WebLink.account_id.in_(list(account_ids)))
        return list((await self.session.execute(q.order_by(WebLink.created_at))).scalars())

    async def revoke_web_links(self, *, link_id: str | None = None, account_id: int | None = None,
                               now: datetime | None = None) -> int:
        """Revoke one link, or every link of an account; returns how many were revoked now."""
        q = update(WebLink).where(WebLink.revoked_at.is_(None)).values(revoked_at=now or utcnow())
        if link_id is not None:
            q = q.where(WebLink.id == link_id)
        if account_id is not None:
            q = q.where(WebLink.account_id == account_id)
        return (await self.session.execute(q)).rowcount or 0

    async def ensure_web_account(self, unit: Unit, full_name: str) -> Account:
        """An officer account for someone outside Telegram: a negative placeholder id (never a real Telegram
        user), marked blocked so no Telegram message is tried for it (reminders skip blocked accounts)."""
        # -1, -2, …: far above the Zalo accounts' synthetic addresses (storage/channels.py, from -10**15 down)
        q = select(func.min(Account.telegram_id)).where(Account.telegram_id > -(10**14))
        lowest = (await self.session.execute(q)).scalar_one_or_none() or 0
        acc = Account(telegram_id=min(int(lowest), 0) - 1, full_name=full_name, username=None, role="officer",
                      unit_id=unit.id, blocked=True, active=True, created_at=utcnow())
        self.session.add(acc)
        await self.session.flush()
        return acc

    async def web_session_account(self, account_id: int, link_id: str | None) -> Account | None:
        """The account of a web session, in one statement: None when it is gone, inactive, or the session's
        link was revoked."""
        if link_id is None:
            acc = await self.session.get(Account, account_id)
            return acc if acc is not None and acc.active else None
        q = _web_statements()["session"]
        return (await self.session.execute(q, {"p_acc": account_id, "p_link": link_id})).scalar_one_or_none()

    async def web_save_context(self, account_id: int, link_id: str | None, period_id: int,
                               key: str) -> WebSaveContext | None:
        """What a field save needs, in one statement: the session's account (None when it is gone, inactive, or the
        session's link was revoked), its unit, the period, the unit's submission, its answers and the stored
        version of ``key`` (version, by, at, via)."""
        q = _web_statements(self.dialect)["save_link" if link_id is not None else "save"]
        params = {"p_acc": account_id, "p_period": period_id, "p_key": key, "p_link": link_id}
        if link_id is None:
            params.pop("p_link")
        row = (await self.session.execute(q, params)).first()
        if row is None:
            return None
        acc, unit, period, sub, doc, *version = row
        answers = (doc if isinstance(doc, dict) else orjson.loads(doc)) if doc else {}
        return WebSaveContext(acc, unit, period, sub, answers, tuple(version) if version[0] is not None else None)

    async def web_save_probe(self, account_id: int, link_id: str | None, period_id: int, key: str) -> WebSaveProbe | None:
        """What a field save must check each time, in one statement on the driver's connection (``storage/rawsql.py``):
        the columns of the account, its unit, the period and the submission that a cached context was built from
        (``stamp``), the submission's ``answers_rev`` and the stored version of ``key``. None: the account is gone or
        inactive, or the session's link was revoked."""
        stmt = _raw(self.session, "probe_link" if link_id is not None else "probe")
        params = {"p_acc": account_id, "p_period": period_id, "p_key": key, "p_link": link_id}
        row = await rawsql.fetch_one(self.session, stmt, params)
        if row is None:
            return None
        stamp, (rev, *version) = row[:-5], row[-5:]
        return WebSaveProbe(stamp, stamp[_PROBE_SUB], rev, tuple(version) if version[0] is not None else None)

    async def answer_value(self, submission_id: int, key: str, *, for_update: bool = False) -> Any:
        """One stored answer (None when there is none); ``for_update``: its row stays locked until the transaction
        ends (PostgreSQL), for a read-merge-write such as one Biểu cell."""
        lock = for_update and self.dialect == "postgresql"
        conn = await self.session.connection()
        if lock:  # the submission's row: two processes merging cells of one report go one after the other
            await conn.execute(_web_statements()["lock_submission"], {"p_sid": submission_id})
        q = _web_statements()["value_lock" if lock else "value"]
        return (await conn.execute(q, {"p_sid": submission_id, "p_key": key})).scalar_one_or_none()

    async def report_context(self, unit_id: int, period_id: int) -> tuple[Unit, Period, Submission | None] | None:
        """A unit, a period and the unit's submission for it (None when not started), in one statement."""
        row = (await self.session.execute(_web_statements()["report"], {"p_unit": unit_id, "p_period": period_id})).first()
        return (row[0], row[1], row[2]) if row is not None else None


@dataclass
class WebSaveContext:
    account: Account
    unit: Unit | None
    period: Period | None
    submission: Submission | None
    answers: dict[str, Any]
    version: tuple[int, int | None, datetime, str] | None


@dataclass(frozen=True)
class WebSaveProbe:
    stamp: tuple[Any, ...]
    submission_id: int | None
    answers_rev: int | None
    version: tuple[int, int | None, datetime, str] | None


_ACCOUNT_COLS = ("id", "unit_id", "role", "full_name", "username", "active", "blocked", "telegram_id")
_PROBE_SUB = len(_ACCOUNT_COLS) + len(Unit.__table__.c) + len(Period.__table__.c)  # where the submission's id is


def _probe(with_link: bool) -> Any:
    a, u, p, s, ans = (m.__table__ for m in (Account, Unit, Period, Submission, Answer))
    cols = [*(a.c[n] for n in _ACCOUNT_COLS), *u.c, *p.c, *(c for c in s.c if c.name not in ("updated_at", "answers_rev")),
            s.c.answers_rev, ans.c.version, ans.c.set_by, ans.c.set_at, ans.c.via]
    q = (select(*cols).select_from(a).outerjoin(u, u.c.id == a.c.unit_id)
         .outerjoin(p, p.c.id == bindparam("p_period"))
         .outerjoin(s, (s.c.unit_id == u.c.id) & (s.c.period_id == p.c.id))
         .outerjoin(ans, (ans.c.submission_id == s.c.id) & (ans.c.question_key == bindparam("p_key")))
         .where(a.c.id == bindparam("p_acc"), a.c.active.is_(True)))
    if with_link:
        q = q.where(exists().where(WebLink.id == bindparam("p_link"), WebLink.account_id == a.c.id,
                                   WebLink.revoked_at.is_(None)))
    return q


def _write_in_one(dialect: str) -> Any:
    """PostgreSQL: ``set_answer``'s three statements as one (one round trip): the upsert, the revision (its old
    value: the previous revision's new value) and the touch, as data-modifying CTEs; returns the new version, the
    submission's ``answers_rev`` and whether the old value was not found. Not found at version > 1 happens when
    another transaction wrote this answer while this one waited for its row: its revision is not in this statement's
    snapshot, and ``fix_old_value`` (a statement of its own, which sees it) fills it in."""
    from storage.hot import _hot

    hot = _hot(dialect)
    r = AnswerRevision.__table__
    up = hot.upsert_answer.cte("up")
    new_version = up.c.version
    old = (select(r.c.new_value).where(r.c.submission_id == bindparam("p_sid"), r.c.question_key == bindparam("p_key"),
                                       r.c.version == new_version - 1).scalar_subquery())
    rows = select(bindparam("p_sid", type_=r.c.submission_id.type), bindparam("p_key", type_=r.c.question_key.type),
                  new_version, old, bindparam("p_value", type_=r.c.new_value.type),
                  bindparam("p_by", type_=r.c.changed_by.type), bindparam("p_now", type_=r.c.changed_at.type),
                  bindparam("p_via", type_=r.c.via.type), bindparam("p_reason", type_=r.c.reason.type)).select_from(up)
    rev = (r.insert().from_select(["submission_id", "question_key", "version", "old_value", "new_value", "changed_by",
                                   "changed_at", "via", "reason"], rows)
           .returning(r.c.version, r.c.old_value.is_(None).label("missing")).cte("rev"))
    touch = hot.touch_returning.cte("touch")
    return select(rev.c.version, touch.c.answers_rev, rev.c.missing)


def _fix_old_value() -> Any:
    r, before = AnswerRevision.__table__, AnswerRevision.__table__.alias("before")
    prev = (select(before.c.new_value).where(before.c.submission_id == bindparam("p_sid"),
                                             before.c.question_key == bindparam("p_key"),
                                             before.c.version == bindparam("p_version") - 1).scalar_subquery())
    return (update(r).where(r.c.submission_id == bindparam("p_sid"), r.c.question_key == bindparam("p_key"),
                            r.c.version == bindparam("p_version")).values(old_value=prev).returning(r.c.version))


def _compile(dialect: Any, name: str) -> rawsql.Raw:
    from storage.hot import _hot

    stmts = {"probe": lambda: _probe(False), "probe_link": lambda: _probe(True),
             "write_in_one": lambda: _write_in_one(dialect.name), "fix_old_value": _fix_old_value}
    stmt = stmts[name]() if name in stmts else getattr(_hot(dialect.name), name)
    return rawsql.Raw(stmt, dialect, raw_columns=-4 if name.startswith("probe") else 0)


def _raw(session: Any, name: str) -> rawsql.Raw:
    """Statement ``name`` of the web form's save compiled for the session's dialect (once)."""
    return rawsql.statements(session, _compile)[name]


def _save_context(dialect: str, with_link: bool) -> Any:
    from storage.hot import _answers_doc

    q = (select(Account, Unit, Period, Submission, _answers_doc(dialect, Submission.id), Answer.version, Answer.set_by,
                Answer.set_at, Answer.via)
         .select_from(Account).outerjoin(Unit, Unit.id == Account.unit_id)
         .outerjoin(Period, Period.id == bindparam("p_period"))
         .outerjoin(Submission, (Submission.unit_id == Unit.id) & (Submission.period_id == Period.id))
         .outerjoin(Answer, (Answer.submission_id == Submission.id) & (Answer.question_key == bindparam("p_key")))
         .where(Account.id == bindparam("p_acc"), Account.active.is_(True)))
    if with_link:
        q = q.where(exists().where(WebLink.id == bindparam("p_link"), WebLink.account_id == Account.id,
                                   WebLink.revoked_at.is_(None)))
    return q


@functools.cache
def _web_statements(dialect: str = "") -> dict[str, Any]:
    """The web form's per-request statements, built once per dialect (bound parameters)."""
    _value = select(Answer.value).where(Answer.submission_id == bindparam("p_sid"),
                                        Answer.question_key == bindparam("p_key"))

    return {
        "save": _save_context(dialect, False),
        "save_link": _save_context(dialect, True),
        "session": (select(Account).join(WebLink, WebLink.account_id == Account.id)
                    .where(Account.id == bindparam("p_acc"), Account.active.is_(True), WebLink.id == bindparam("p_link"),
                           WebLink.revoked_at.is_(None))),
        "report": (select(Unit, Period, Submission).select_from(Unit).join(Period, Period.id == bindparam("p_period"))
                   .outerjoin(Submission, (Submission.unit_id == Unit.id) & (Submission.period_id == Period.id))
                   .where(Unit.id == bindparam("p_unit"))),
        "value": _value,
        "value_lock": _value.with_for_update(),
        "lock_submission": select(Submission.id).where(Submission.id == bindparam("p_sid")).with_for_update(),
        "version": select(Answer.version, Answer.set_by, Answer.set_at, Answer.via).where(
            Answer.submission_id == bindparam("p_sid"), Answer.question_key == bindparam("p_key")),
    }
