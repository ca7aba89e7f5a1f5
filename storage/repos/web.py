"""The web form's links and sessions (a channel besides Telegram). A mixin of :class:`storage.repo.Repo`
(docs/architecture.md, storage)."""

from __future__ import annotations

import functools
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import (
    ARRAY,
    Integer,
    String,
    bindparam,
    event,
    exists,
    func,
    literal_column,
    or_,
    select,
    update,
)

from storage import rawsql
from storage.models import Account, Answer, AnswerRevision, Period, Submission, Unit, WebLink
from storage.repos.base import RepoBase, utcnow

log = logging.getLogger("storage.web")


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

    async def web_save_probes(self, items: list[tuple[int, str | None, int, str]], *,
                              alone: bool = False) -> list[WebSaveProbe | None]:
        """:meth:`web_save_probe` for many saves at once (account, link, period, key), in one statement: the saves of
        a group commit's batch (``bot/web/batch.py``). The same columns, so the same stamps. ``alone`` (PostgreSQL,
        before the transaction's first statement): read as a statement of its own (``rawsql.fetch_sql``) — read
        committed reads each statement's own snapshot anyway, and a read takes no lock."""
        if self.dialect == "postgresql":
            params: dict[str, Any] = {"p_accs": [i[0] for i in items], "p_links": [i[1] for i in items],
                                      "p_periods": [i[2] for i in items], "p_keys": [i[3] for i in items]}
        else:
            params = {"p_items": orjson.dumps(items).decode()}
        return _probes_found(len(items), await rawsql.fetch(self.session, _raw(self.session, "probes"), params,
                                                            alone=alone))

    async def web_write_answers(self, rows: list[dict[str, Any]], *, alone: bool = False) -> list[tuple[int, int]]:
        """:meth:`AnswersRepo.write_answer` for many answers of different submissions at once (parameters ``p_sid``,
        ``p_key``, ``p_value``, ``p_num``, ``p_by``, ``p_now``, ``p_via``): the same rows — the answer upserted, its
        revision with the old value, the submission's ``answers_rev`` raised — in one statement per table (SQLite)
        or one statement (PostgreSQL). Returns each answer's (new version, the submission's ``answers_rev``).
        ``alone`` (PostgreSQL, the write is the transaction's only statement): the statement is its own transaction,
        committed when it returns (``rawsql.fetch_sql``)."""
        assert len({r["p_sid"] for r in rows}) == len(rows), "one answer per submission in a batch write"
        up = _raw(self.session, "upsert_answer")  # its bind processors: the values as the one-by-one path binds them
        procs = dict(zip(up.names, up.procs, strict=True))
        args = [[v if (f := procs[n]) is None else f(v) for n in _BATCH_COLS for v in [r[n]]] for r in rows]
        if self.dialect == "postgresql":
            out = await rawsql.fetch_sql(self.session, _PG_WRITE, [list(c) for c in zip(*args, strict=True)],
                                         alone=alone)
            got = {(sid, key): (version, rev, missing) for sid, key, version, rev, missing in out}
            for r in rows:
                version, _, missing = got[(r["p_sid"], r["p_key"])]
                if missing and version > 1:  # written by another transaction while this one waited for the row
                    await self._fix_old_value({**r, "p_version": version}, alone)
            return [got[(r["p_sid"], r["p_key"])][:2] for r in rows]
        doc = orjson.dumps(args).decode()
        versions = {(sid, key): v for sid, key, v in await rawsql.fetch_sql(self.session, _SQLITE_UPSERT, [doc])}
        for row, r in zip(args, rows, strict=True):
            row.append(versions[(r["p_sid"], r["p_key"])])
        doc = orjson.dumps(args).decode()
        await rawsql.fetch_sql(self.session, _SQLITE_REVISIONS, [doc])
        revs = dict(await rawsql.fetch_sql(self.session, _SQLITE_TOUCH, [doc]))
        return [(row[-1], revs[r["p_sid"]]) for row, r in zip(args, rows, strict=True)]

    async def _fix_old_value(self, params: dict[str, Any], committed: bool) -> None:
        """The revision's old value that the write's snapshot could not see; ``committed``: the write is already
        committed on its own (``alone``), so a failure here leaves that revision's old value empty rather than fail
        the saves (they are written: writing them again would double their revisions)."""
        try:
            await rawsql.fetch(self.session, _raw(self.session, "fix_old_value"), params, alone=committed)
        except Exception:
            if not committed:
                raise
            log.exception("the old value of revision %s of %s/%s not filled in", params["p_version"],
                          params["p_sid"], params["p_key"])

    async def web_previous_answers(self, unit_ids: list[int], period_id: int) -> dict[int, dict[str, Any] | None]:
        """Many units' answers in one (previous) period, in one statement: unit id → its answers (None when it did
        not answer). PostgreSQL: a statement of its own when no transaction is open (a read: no BEGIN, no COMMIT)."""
        out: dict[int, dict[str, Any] | None] = dict.fromkeys(unit_ids)
        units: Any = unit_ids if self.dialect == "postgresql" else orjson.dumps(unit_ids).decode()
        rows = await rawsql.fetch(self.session, _raw(self.session, "previous"), {"p_units": units, "p_period": period_id},
                                  alone=True)
        for unit_id, key, value in rows:
            found = out[unit_id] = out[unit_id] or {}
            if key is not None:
                found[key] = value
        return out

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


async def web_save_probes_unlocked(db: Any, items: list[tuple[int, str | None, int, str]]) -> list[WebSaveProbe | None]:
    """SQLite: :meth:`WebRepo.web_save_probes` on the writer's connection outside any transaction (in WAL a read takes
    no lock), so that a batch takes the write lock only when it writes: another process's batch is not kept waiting
    while this one parses and checks its saves. What is read may then be older than the write by a few milliseconds,
    as on PostgreSQL (read committed): the saves' checks hold the same way (``answers_rev``, a Biểu's merge under
    the lock)."""
    async with db.engine.connect() as conn:
        raw = (await conn.get_raw_connection()).driver_connection
        stmt = _compiled(conn.dialect, "probes")
        rows = raw.execute(stmt.sql, stmt.args({"p_items": orjson.dumps(items).decode()})).fetchall()
        await conn.rollback()
    return _probes_found(len(items), [stmt.row(r) for r in rows])


def _probes_found(n: int, rows: list[tuple[Any, ...]]) -> list[WebSaveProbe | None]:
    found: list[WebSaveProbe | None] = [None] * n
    for ord_, *row in rows:
        stamp, (rev, *version) = tuple(row[:-5]), row[-5:]
        found[int(ord_) - 1] = WebSaveProbe(stamp, stamp[_PROBE_SUB], rev, tuple(version) if version[0] is not None else None)
    return found


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

    @property
    def unit_id(self) -> int | None:
        """The account's unit."""
        return self.stamp[1]  # _ACCOUNT_COLS: id, unit_id, …


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


def _probes(dialect: str) -> Any:
    """:func:`_probe` for many saves: their (account, link, period, key) as rows (PostgreSQL: arrays unnested;
    SQLite: a JSON array of arrays), each result row led by its save's place (from 1)."""
    a, u, p, s, ans = (m.__table__ for m in (Account, Unit, Period, Submission, Answer))
    if dialect == "postgresql":
        v = (func.unnest(bindparam("p_accs", type_=ARRAY(Integer)), bindparam("p_links", type_=ARRAY(String)),
                         bindparam("p_periods", type_=ARRAY(Integer)), bindparam("p_keys", type_=ARRAY(String)))
             .table_valued("acc", "link", "period", "key", with_ordinality="ord").render_derived().alias("v"))
        acc, link, period, key, ord_ = v.c.acc, v.c.link, v.c.period, v.c.key, v.c.ord
    else:
        v = func.json_each(bindparam("p_items", type_=String)).table_valued("value", "key").alias("v")
        acc, link, period, key = (v.c.value.op("->>")(literal_column(str(i))) for i in range(4))
        ord_ = v.c.key + literal_column("1")
    cols = [ord_, *(a.c[n] for n in _ACCOUNT_COLS), *u.c, *p.c,
            *(c for c in s.c if c.name not in ("updated_at", "answers_rev")),
            s.c.answers_rev, ans.c.version, ans.c.set_by, ans.c.set_at, ans.c.via]
    linked = exists().where(WebLink.id == link, WebLink.account_id == a.c.id, WebLink.revoked_at.is_(None))
    return (select(*cols).select_from(v).join(a, (a.c.id == acc) & a.c.active.is_(True))
            .outerjoin(u, u.c.id == a.c.unit_id).outerjoin(p, p.c.id == period)
            .outerjoin(s, (s.c.unit_id == u.c.id) & (s.c.period_id == p.c.id))
            .outerjoin(ans, (ans.c.submission_id == s.c.id) & (ans.c.question_key == key))
            .where(or_(link.is_(None), linked)))


# the batch write (WebRepo.web_write_answers): each row's values in this order, processed as the upsert binds them
_BATCH_COLS = ("p_sid", "p_key", "p_value", "p_num", "p_by", "p_now", "p_via")
_UPSERT_SET = ("ON CONFLICT (submission_id, question_key) DO UPDATE SET value = excluded.value, num = excluded.num, "
               "set_by = excluded.set_by, set_at = excluded.set_at, via = excluded.via, reason = excluded.reason, "
               "version = answers.version + 1")
_PG_WRITE = f"""WITH v AS (SELECT * FROM unnest($1::integer[], $2::varchar[], $3::text[], $4::float8[], $5::integer[],
                                     $6::timestamptz[], $7::varchar[]) AS v(sid, key, value, num, by, at, via)),
up AS (INSERT INTO answers (submission_id, question_key, value, num, version, set_by, set_at, via, reason)
       SELECT sid, key, value::json, num, 1, by, at, via, NULL FROM v ORDER BY sid, key
       {_UPSERT_SET} RETURNING answers.submission_id, answers.question_key, answers.version),
rev AS (INSERT INTO answer_revisions (submission_id, question_key, version, old_value, new_value, changed_by,
                                     changed_at, via, reason)
        SELECT v.sid, v.key, up.version,
               (SELECT r.new_value FROM answer_revisions r WHERE r.submission_id = v.sid AND r.question_key = v.key
                AND r.version = up.version - 1), v.value::json, v.by, v.at, v.via, NULL
        FROM up JOIN v ON v.sid = up.submission_id AND v.key = up.question_key ORDER BY v.sid
        RETURNING submission_id, question_key, version, old_value IS NULL AS missing),
touch AS (UPDATE submissions SET updated_at = v.at, answers_rev = submissions.answers_rev + 1 FROM v
          WHERE submissions.id = v.sid RETURNING submissions.id, submissions.answers_rev)
SELECT rev.submission_id, rev.question_key, rev.version, touch.answers_rev, rev.missing
FROM rev JOIN touch ON touch.id = rev.submission_id"""
_SQLITE_UPSERT = f"""INSERT INTO answers (submission_id, question_key, value, num, version, set_by, set_at, via, reason)
SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, 1, j.value ->> 4, j.value ->> 5, j.value ->> 6, NULL
FROM json_each(?) AS j WHERE true {_UPSERT_SET}
RETURNING submission_id, question_key, version"""
_SQLITE_REVISIONS = """INSERT INTO answer_revisions (submission_id, question_key, version, old_value, new_value,
                              changed_by, changed_at, via, reason)
SELECT j.value ->> 0, j.value ->> 1, j.value ->> 7,
       CASE WHEN j.value ->> 7 > 1 THEN (SELECT r.new_value FROM answer_revisions r WHERE r.submission_id = j.value ->> 0
            AND r.question_key = j.value ->> 1 AND r.version = (j.value ->> 7) - 1) END,
       j.value ->> 2, j.value ->> 4, j.value ->> 5, j.value ->> 6, NULL
FROM json_each(?) AS j"""
_SQLITE_TOUCH = """UPDATE submissions SET updated_at = t.at, answers_rev = answers_rev + 1
FROM (SELECT j.value ->> 0 AS sid, j.value ->> 5 AS at FROM json_each(?) AS j) AS t WHERE submissions.id = t.sid
RETURNING submissions.id, submissions.answers_rev"""


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


def _previous(dialect: str) -> Any:
    """Many units' answers in one period (``WebRepo.web_previous_answers``): the units as an array (PostgreSQL) or a
    JSON array (SQLite); a unit with a submission and no answer: one row with no key."""
    s, ans = Submission.__table__, Answer.__table__
    if dialect == "postgresql":
        units = s.c.unit_id == func.any(bindparam("p_units", type_=ARRAY(Integer)))
    else:
        units = s.c.unit_id.in_(select(literal_column("value")).select_from(
            func.json_each(bindparam("p_units", type_=String))).scalar_subquery())
    return (select(s.c.unit_id, ans.c.question_key, ans.c.value).select_from(s)
            .outerjoin(ans, ans.c.submission_id == s.c.id).where(s.c.period_id == bindparam("p_period"), units))


def _compile(dialect: Any, name: str) -> rawsql.Raw:
    from storage.hot import _hot

    stmts = {"probe": lambda: _probe(False), "probe_link": lambda: _probe(True), "probes": lambda: _probes(dialect.name),
             "write_in_one": lambda: _write_in_one(dialect.name), "fix_old_value": _fix_old_value,
             "previous": lambda: _previous(dialect.name)}
    stmt = stmts[name]() if name in stmts else getattr(_hot(dialect.name), name)
    return rawsql.Raw(stmt, dialect, raw_columns=-4 if name.startswith("probe") else 0)


def _compiled(dialect: Any, name: str) -> rawsql.Raw:
    """Statement ``name`` compiled for ``dialect`` (once), without a session."""
    return rawsql.compiled(dialect, _compile, name)


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


async def _warm_connection(raw: Any, dialect: Any) -> None:
    """PostgreSQL: what a web batch sends (the probes, the write, last period's answers) prepared on the driver's
    connection — asyncpg's statement cache, where ``rawsql.fetch_sql`` finds them — and run once on nothing (empty
    arrays: no row read or written, no transaction id taken, nothing to commit), so that the first burst on it finds
    them compiled, prepared and the backend's catalogue caches filled, instead of paying that inside its first batch
    (~20–30 ms in ``benchmarks/bench_web.py``'s first burst). A failure (a database not migrated yet) is only logged:
    the statements are then prepared at their first use, as before."""
    try:
        probes, previous = _compiled(dialect, "probes"), _compiled(dialect, "previous")
        _compiled(dialect, "upsert_answer")  # its bind processors: the batch write's values
        await raw.fetch(probes.sql, *probes.args({"p_accs": [], "p_links": [], "p_periods": [], "p_keys": []}))
        await raw.fetch(_PG_WRITE, *([] for _ in _BATCH_COLS))
        await raw.fetch(previous.sql, *previous.args({"p_units": [], "p_period": 0}))
    except Exception as e:  # noqa: BLE001 - warming is an optimisation only
        log.debug("web statements not warmed: %s", e)


_WARM = "web_warm"  # a pooled connection's info: warmed
_WARMED: set[int] = set()  # the engines whose new connections are warmed (id of the sync engine)


async def warm_web_saves(db: Any) -> None:
    """PostgreSQL: every new connection of ``db``'s pool warmed for the web form's batches (:func:`_warm_connection`,
    a ``connect`` listener through the documented ``AdaptedConnection.run_async``), and one connection now (those the
    pool opened before — at the server's start — included as it hands them out)."""
    if db.sqlite:
        return
    engine = db.engine
    dialect = engine.dialect
    if id(engine.sync_engine) not in _WARMED:
        _WARMED.add(id(engine.sync_engine))

        @event.listens_for(engine.sync_engine, "connect")
        def _warm(dbapi_conn: Any, record: Any) -> None:
            record.info[_WARM] = True
            dbapi_conn.run_async(lambda raw: _warm_connection(raw, dialect))

    async with engine.connect() as conn:
        pooled = await conn.get_raw_connection()
        if not pooled.info.get(_WARM):
            pooled.info[_WARM] = True
            await _warm_connection(pooled.driver_connection, dialect)
