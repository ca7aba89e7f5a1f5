"""The bot's hot-path writes: deferred until the next write or the commit, joined into one statement on
PostgreSQL, dropped with a rollback; and PostgreSQL connections pinged only after lying idle."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import event, select

from storage.models import Account, Answer, AnswerRevision, Submission
from storage.repo import Repo
from tests.conftest import PG_URL
from tests.support.submissions import _setup_submission


class Statements:
    """The SQL statements the writer engine sends while it is open."""

    def __init__(self, db):
        self.engine = db.engine.sync_engine
        self.sent: list[str] = []

    def _on(self, _conn, _cursor, statement, *_a) -> None:
        self.sent.append(" ".join(statement.split()))

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self._on)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._on)

    def writes(self) -> list[str]:
        return [s for s in self.sent if s.split(None, 1)[0].upper() in ("INSERT", "UPDATE", "WITH", "DELETE")]


async def _recent(db, acc_id: int) -> list[int] | None:
    async with db.read_session() as s:
        return (await s.execute(select(Account.recent_updates).where(Account.id == acc_id))).scalar_one()


async def test_noted_updates_are_written_at_commit_and_dropped_by_a_rollback(db):
    _unit, acc_id, *_ = await _setup_submission(db)
    async with db.session() as s:
        repo = Repo(s)
        acc = await s.get(Account, acc_id)
        with Statements(db) as st:
            await repo.accounts.note_updates(acc, [7, 8])
            assert st.writes() == []  # put off: nothing sent yet
            assert acc.recent_updates == [7, 8]  # but the loaded object says it already
            await s.commit()
        assert len(st.writes()) == 1 and "recent_updates" in st.writes()[0]
    assert await _recent(db, acc_id) == [7, 8]

    async with db.session() as s:
        repo = Repo(s)
        acc = await s.get(Account, acc_id)
        await repo.accounts.note_updates(acc, [7, 8, 9])
        await s.rollback()  # the handler failed: the update is not marked as handled
        await s.commit()  # and nothing deferred is left to be written later
    assert await _recent(db, acc_id) == [7, 8]


async def test_an_answer_carries_the_deferred_writes_in_its_statements(db):
    """note_updates + a deferred position move + set_answer (the bot's answer): on PostgreSQL the revision, the
    submission's time stamp, the account's update ids and the position are one statement (data-modifying CTEs);
    on SQLite they are separate statements. Either way all of it is stored together, and the revision chain is
    the same."""
    _unit, acc_id, _p1, _p2, _sub1, sub2 = await _setup_submission(db)
    async with db.session() as s:
        await Repo(s).positions.save_position(acc_id, submission_id=sub2, question_key="kl_nv_tong")
        await s.commit()
    for value, version in ((10, 1), (12, 2)):
        async with db.session() as s:
            repo = Repo(s)
            acc = await s.get(Account, acc_id)
            with Statements(db) as st:
                await repo.accounts.note_updates(acc, [100 + version])
                await repo.positions.save_position(acc_id, submission_id=sub2, question_key=f"q{version}", defer=True)
                assert st.writes() == []
                assert await repo.submissions.set_answer(sub2, "kl_nv_tong", value, num=value, by=acc_id, commit=True) == version
            writes = st.writes()
            if PG_URL:
                assert len(writes) == 2, writes  # the upsert, then everything else at once
                assert writes[1].startswith("WITH") and "UPDATE accounts" in writes[1] \
                    and "UPDATE conversation_positions" in writes[1] \
                    and "UPDATE submissions" in writes[1] and "INSERT INTO answer_revisions" in writes[1]
            else:
                assert len(writes) == 5, writes
        assert await _recent(db, acc_id) == [100 + version]
        async with db.read_session() as s:
            stored = await Repo(s).positions.position(acc_id)
            assert (stored.question_key, stored.nonce) == (f"q{version}", 1 + version)
    async with db.read_session() as s:
        revs = [(r.version, r.old_value, r.new_value) for r in (await s.execute(
            select(AnswerRevision).where(AnswerRevision.submission_id == sub2).order_by(AnswerRevision.version)
        )).scalars()]
        touched = (await s.execute(select(Submission.updated_at).where(Submission.id == sub2))).scalar_one()
        stored = (await s.execute(select(Answer.value).where(Answer.submission_id == sub2))).scalar_one()
    assert revs == [(1, None, 10), (2, 10, 12)] and stored == 12
    assert touched is not None


async def test_a_position_move_carries_the_deferred_account_write(db):
    _unit, acc_id, _p1, _p2, _sub1, sub2 = await _setup_submission(db)
    async with db.session() as s:
        repo = Repo(s)
        await repo.positions.save_position(acc_id, submission_id=sub2, question_key="kl_nv_tong")
        await s.commit()
    async with db.session() as s:
        repo = Repo(s)
        acc = await s.get(Account, acc_id)
        pos = await repo.positions.position(acc_id)
        with Statements(db) as st:
            await repo.accounts.note_updates(acc, [5])
            await repo.positions.save_position(acc_id, submission_id=sub2, question_key="kl_nv_hoan_thanh")
            await s.commit()
        assert len(st.writes()) == (1 if PG_URL else 2), st.writes()
        assert pos.question_key == "kl_nv_hoan_thanh" and pos.nonce == 2
    assert await _recent(db, acc_id) == [5]
    async with db.read_session() as s:
        repo = Repo(s)
        stored = await repo.positions.position(acc_id)
        assert (stored.question_key, stored.nonce) == ("kl_nv_hoan_thanh", 2)


async def _another_account(db, telegram_id: int) -> int:
    async with db.session() as s:
        acc = await Repo(s).accounts.ensure_account(telegram_id, "Khác")
        await s.commit()
        return acc.id


async def test_deferred_writes_of_two_rows_of_one_kind_are_both_made(db):
    _unit, acc_id, *_ = await _setup_submission(db)
    other_id = await _another_account(db, 999_001)
    async with db.session() as s:
        repo = Repo(s)
        await repo.accounts.note_updates(await s.get(Account, acc_id), [1])
        await repo.accounts.note_updates(await s.get(Account, other_id), [2])
        await s.commit()
    assert await _recent(db, acc_id) == [1] and await _recent(db, other_id) == [2]


async def test_a_write_deferred_after_a_commit_opens_the_transaction_it_belongs_to(db):
    """The middleware commits a changed account before noting the update id: the deferred write must still have a
    transaction (so a reply's commit-before-sending stores it, and a rollback drops it)."""
    _unit, acc_id, *_ = await _setup_submission(db)
    async with db.session() as s:
        repo = Repo(s)
        acc = await s.get(Account, acc_id)
        acc.full_name = "Tên mới"
        await s.commit()
        assert not s.in_transaction()
        await repo.accounts.note_updates(acc, [41])
        assert s.in_transaction()
        await s.rollback()
        assert s.info.get("deferred_hot_writes") is None
    assert await _recent(db, acc_id) in (None, [])


async def test_two_position_moves_of_different_accounts_keep_their_own_values(db):
    """A deferred move of one account, then an immediate move of another: each row gets its own values."""
    _unit, acc_id, _p1, _p2, _sub1, sub2 = await _setup_submission(db)
    other_id = await _another_account(db, 999_002)
    async with db.session() as s:
        repo = Repo(s)
        for a in (acc_id, other_id):
            await repo.positions.save_position(a, submission_id=sub2, question_key="dau")
        await s.commit()
    async with db.session() as s:
        repo = Repo(s)
        mine = await repo.positions.save_position(acc_id, submission_id=sub2, question_key="cua-toi", defer=True)
        theirs = await repo.positions.save_position(other_id, submission_id=sub2, question_key="cua-ban")
        mine_again = await repo.positions.save_position(acc_id, submission_id=sub2, question_key="cua-toi-2", defer=True)
        assert mine is mine_again
        await repo.positions.save_position(acc_id, submission_id=sub2, question_key="cua-toi-3", state={"x": "1"})
        await s.commit()
        expected = {acc_id: ("cua-toi-3", mine.nonce, {"x": "1"}), other_id: ("cua-ban", theirs.nonce, {})}
    async with db.read_session() as s:
        repo = Repo(s)
        for a, want in expected.items():
            pos = await repo.positions.position(a)
            assert (pos.question_key, pos.nonce, pos.state) == want


async def test_a_deferred_position_is_not_read_back_stale_after_its_object_is_dropped(db):
    """The session's identity map holds objects weakly: a position moved with a deferred write and then let go of
    must not be reloaded from the database as it was before the move (its nonce would be counted twice)."""
    import gc

    _unit, acc_id, _p1, _p2, _sub1, sub2 = await _setup_submission(db)
    async with db.session() as s:
        await Repo(s).positions.save_position(acc_id, submission_id=sub2, question_key="a")
        await s.commit()
    async with db.session() as s:
        repo = Repo(s)
        await repo.positions.save_position(acc_id, submission_id=sub2, question_key="b", defer=True)  # not kept
        gc.collect()
        pos = await repo.positions.save_position(acc_id, submission_id=sub2, question_key="c", defer=True)
        assert pos.nonce == 3
        await s.commit()
    async with db.read_session() as s:
        stored = await Repo(s).positions.position(acc_id)
        assert (stored.question_key, stored.nonce) == ("c", 3)


@pytest.mark.db  # no db fixture: without the mark the PostgreSQL pass (-m db) would never run it
@pytest.mark.skipif(not PG_URL, reason="PostgreSQL only: SQLite has no connections to lose")
async def test_an_idle_connection_is_pinged_and_a_dead_one_replaced(monkeypatch):
    """A connection that lay idle is pinged at checkout; one the server dropped (pg_terminate_backend) is replaced
    without the caller seeing an error. One used a moment ago is not pinged (no extra round trip under load)."""
    import asyncpg
    from sqlalchemy import text

    import storage.db as dbmod

    monkeypatch.setattr(dbmod, "PING_AFTER_IDLE", 0.2)
    db = dbmod.open_database(PG_URL, pool_size=1)
    pings: list[bool] = []
    real_ping = db.engine.dialect.do_ping

    def ping(dbapi_conn):
        try:
            alive = real_ping(dbapi_conn)
        except Exception:
            pings.append(False)
            raise
        pings.append(alive)
        return alive

    monkeypatch.setattr(db.engine.dialect, "do_ping", ping)
    try:
        async with db.engine.connect() as conn:
            pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        async with db.engine.connect() as conn:  # used a moment ago: no ping
            assert (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one() == pid
        assert pings == []
        await asyncio.sleep(0.3)
        async with db.engine.connect() as conn:  # idle: pinged, alive, kept
            assert (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one() == pid
        assert pings == [True]
        admin = await asyncpg.connect(PG_URL.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            assert await admin.fetchval("SELECT pg_terminate_backend($1)", pid)
        finally:
            await admin.close()
        await asyncio.sleep(0.3)
        async with db.engine.connect() as conn:  # idle: pinged, found dead, replaced
            new_pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        assert new_pid != pid and pings == [True, False]
    finally:
        await db.dispose()
