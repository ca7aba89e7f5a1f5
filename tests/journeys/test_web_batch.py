"""The web form's batched saves (bot/web/batch.py): a group commit's batch reads its saves' probes in one statement and
writes their answers together (``repo.web.web_write_answers``: one statement per table on SQLite, one on PostgreSQL).
The rows and revisions are those of the one-by-one path (``Repo.write_answer``); a failing write fails alone; saves of
one report in one batch see each other, in order. Run on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.web import service
from bot.web.batch import GroupCommit, Writes
from bot.web.server import WEB
from storage.models import Answer, AnswerRevision, Submission
from storage.repo import Repo
from tests.support.harness import Clock
from tests.support.web_client import Web
from tests.support.web_world import build_world

pytestmark = pytest.mark.db

# (key, value) written twice over: a number, a text, a list, a mapping, JSON null
ROUNDS = [
    [("iii_nv_tong", 5), ("iii_nv_da_th", "năm"), ("iii_nv_chua_th", [1, "a"]), ("iii2_tong_nv", {"x": 1.5}),
     ("iii1_bien_che", None)],
    [("iii_nv_tong", 7), ("iii_nv_da_th", None), ("iii_nv_chua_th", [2]), ("iii2_tong_nv", {"x": 2}),
     ("iii1_bien_che", 0)],
]


async def _subs(db, world, codes, period) -> list[int]:
    async with db.session() as s:
        repo = Repo(s)
        ids = [(await repo.submissions.ensure_submission(world.units[c], period)).id for c in codes]
        await s.commit()
    return ids


async def _rows(db, sub_id: int) -> tuple[list, list, int]:
    """A submission's answers, revisions (without ids) and answers_rev."""
    async with db.read_session() as s:
        ans = (await s.execute(Answer.__table__.select().where(Answer.submission_id == sub_id)
                               .order_by(Answer.question_key))).all()
        revs = (await s.execute(AnswerRevision.__table__.select().where(AnswerRevision.submission_id == sub_id)
                                .order_by(AnswerRevision.question_key, AnswerRevision.version))).all()
        rev = (await s.get(Submission, sub_id)).answers_rev
    return ([dict(r._mapping) | {"id": 0, "submission_id": 0} for r in ans],
            [dict(r._mapping) | {"id": 0, "submission_id": 0} for r in revs], rev)


def _params(sid: int, key: str, value, by: int, now: datetime) -> dict:
    num = value if isinstance(value, int) else None
    return {"p_sid": sid, "p_key": key, "p_value": value, "p_num": num, "p_by": by, "p_now": now, "p_via": "web"}



async def _revisions(db, w, unit: str, key: str) -> tuple[list[tuple], int, int]:
    """A unit's revisions of one answer (version, old, new, via), its submission's answers_rev and id, as stored."""
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(w.world.units[unit], w.world.period)
        revs = await repo.submissions.revisions(sub.id, key)
        rev = (await s.get(Submission, sub.id)).answers_rev
        return [(r.version, r.old_value, r.new_value, r.via) for r in revs], rev, sub.id

async def test_batch_write_leaves_the_rows_and_revisions_of_the_one_by_one_path(db, tmp_path):
    world = await build_world(db, tmp_path)
    one = await _subs(db, world, ("00004", "00100"), world.period)  # written one by one
    many = await _subs(db, world, ("00004", "00100"), world.weekly)  # written in batches
    now = datetime(2026, 12, 6, 3, 4, 5, 678901, tzinfo=UTC)
    for n, writes in enumerate(ROUNDS):
        for key, value in writes:  # each statement of a batch: one answer of each submission
            at = now + timedelta(minutes=n, seconds=len(key))
            expected = []
            async with db.session() as s:
                repo = Repo(s)
                for i, sid in enumerate(one):
                    num = value if isinstance(value, int) else None
                    expected.append(await repo.submissions.write_answer(sid, key, value, num=num, by=world.officer,
                                                                        via="web", now=at + timedelta(seconds=i)))
                await s.commit()
            async with db.session() as s:
                got = await Repo(s).web.web_write_answers(
                    [_params(sid, key, value, world.officer, at + timedelta(seconds=i)) for i, sid in enumerate(many)])
                await s.commit()
            assert got == expected
    for a, b in zip(one, many, strict=True):
        assert await _rows(db, a) == await _rows(db, b)
        answers, revisions, rev = await _rows(db, b)
        assert rev == 10 and len(revisions) == 10 and all(r["via"] == "web" for r in revisions)
        second = [r for r in revisions if r["version"] == 2]
        assert [r["old_value"] for r in second] == [None, {"x": 1.5}, [1, "a"], "năm", 5]  # by key


async def test_a_failing_write_in_a_batch_fails_alone_and_the_others_are_written(db, db_url, tmp_path):
    clock = Clock()
    clock.t = clock.t.replace(year=2026, month=12, day=6)
    w = await Web(db, db_url, await build_world(db, tmp_path), clock).start()
    try:
        subs = await _subs(db, w.world, ("00004", "00100", "02"), w.world.period)
        writer = w.app[WEB].writer
        now = datetime(2026, 12, 6, 3, tzinfo=UTC)

        def job(sid: int, value: int, by: int):
            async def put(repo: Repo):
                writes = Writes.of(repo)
                assert writes is not None  # the group commit's transaction puts the write off
                return writes.add(_params(sid, "iii_nv_tong", value, by, now), lambda version, rev: (version, rev))
            return put

        before = writer.batches
        res = await asyncio.gather(writer.run(1, job(subs[0], 11, w.world.officer)),
                                   writer.run(1, job(subs[1], 12, 10**9)),  # no such account: the write fails
                                   writer.run(1, job(subs[2], 13, w.world.officer)), return_exceptions=True)
        assert res[0] == (1, 1) and res[2] == (1, 1) and isinstance(res[1], Exception)
        assert writer.batches == before + 2  # the batch rolled back; the two good saves written one by one
        for sid, value in ((subs[0], 11), (subs[2], 13)):
            answers, revisions, rev = await _rows(db, sid)
            assert [(a["value"], a["version"]) for a in answers] == [(value, 1)] and len(revisions) == 1 and rev == 1
        assert await _rows(db, subs[1]) == ([], [], 0)
    finally:
        await w.close()


async def test_saves_at_the_same_instant_are_written_in_order_with_their_revisions(db, db_url, tmp_path):
    """Officers of two units save at once (one batch): two of one report (one field twice, in order), a Biểu cell, a
    wrong input: each answer is stored with its revisions via="web", the report's saves see each other (versions 1,
    2), the rules read the answers saved before them in the batch."""
    clock = Clock()
    clock.t = clock.t.replace(year=2026, month=12, day=6)
    w = await Web(db, db_url, await build_world(db, tmp_path), clock).start()
    try:
        for acc in (w.world.officer, w.world.officer2, w.world.other_officer):
            await w.signed_in(acc)  # the form opened: the submissions exist
        writer = GroupCommit(db, lanes=1)  # PostgreSQL's lanes would spread the accounts over transactions
        before = writer.batches
        a, b, c = w.world.officer, w.world.officer2, w.world.other_officer
        saves = [(a, {"key": "iii_nv_tong", "op": "set", "text": "10"}),
                 (c, {"key": "iii_nv_tong", "op": "set", "text": "20"}),
                 (b, {"key": "iii_nv_da_th", "op": "set", "text": "4"}),
                 (a, {"key": "iii_nv_tong", "op": "set", "text": "12"}),
                 (c, {"key": "iii_nv_da_th", "op": "set", "text": "mười"}),
                 (b, {"key": "bieu_8b", "op": "group", "row": "gd_thpt",
                      "items": [{"label": "Trường THPT Nguyễn Trãi", "so_co_cau": "3"}]}),
                 (c, {"key": "iii_nv_da_th", "op": "set", "text": "8"}),
                 (c, {"key": "iii_nv_chua_th", "op": "set", "text": "15"})]
        res = await asyncio.gather(*(service.save(w.services, writer, acc, None, w.world.period, req)
                                     for acc, req in saves))
        assert writer.batches == before + 1  # one transaction
        body = [r.saved for r in res]
        assert [x.ok for x in body] == [True, True, True, True, False, True, True, True]
        assert (body[0].version, body[3].version) == (1, 2) and body[1].version == 1
        assert "không phải là một số" in body[4].error
        assert body[6].warnings == [] and len(body[7].warnings) == 1  # 8 + 15 > 20: the rule read the saves before it
        mine = await w.answers("00004")
        assert mine["iii_nv_tong"] == 12 and mine["iii_nv_da_th"] == 4
        assert mine["bieu_8b"]["items"]["gd_thpt"][0]["so_co_cau"] == 3
        assert (await w.answers("00100"))["iii_nv_tong"] == 20
        revs, answers_rev, sub_id = await _revisions(db, w, "00004", "iii_nv_tong")
        assert revs == [(1, None, 10, "web"), (2, 10, 12, "web")] and answers_rev == 4
        assert [r.rev for r in res if r.sub_id == sub_id] == [1, 2, 3, 4]  # each save went on from the one before
    finally:
        await w.close()


async def test_postgresql_a_batch_of_plain_saves_is_two_statements_without_begin_or_commit(db, db_url, tmp_path):
    """PostgreSQL: the batch's probes read as a statement of their own, then its one write as a statement of its own
    (its own transaction, committed when it returns): two round trips, no BEGIN, no COMMIT; the answers are committed
    and the revisions there. A batch with a Biểu cell (a row lock) still runs in a transaction (test above)."""
    if db.sqlite:
        pytest.skip("PostgreSQL only")
    from sqlalchemy import event

    clock = Clock()
    clock.t = clock.t.replace(year=2026, month=12, day=6)
    w = await Web(db, db_url, await build_world(db, tmp_path), clock).start()
    sent: list[str] = []

    def log(query) -> None:
        sent.append(query.query.split(None, 1)[0].upper())

    def watch(dbapi_conn, _rec, _proxy) -> None:
        dbapi_conn.driver_connection.add_query_logger(log)

    def unwatch(dbapi_conn, _rec) -> None:
        dbapi_conn.driver_connection.remove_query_logger(log)

    try:
        a, b, c = w.world.officer, w.world.officer2, w.world.other_officer
        for acc in (a, b, c):
            await w.signed_in(acc)
        writer = w.app[WEB].writer  # its cache primed by the forms opened: the saves read only their probes

        def saves(x: int, y: int):
            return asyncio.gather(*(service.save(w.services, writer, acc, None, w.world.period,
                                                 {"key": "iii_nv_tong", "op": "set", "text": str(n)})
                                    for acc, n in ((a, x), (c, y))))

        await saves(2, 4)  # the statements prepared on the connection once (asyncpg reads their types then)
        before = writer.batches
        event.listen(db.engine.sync_engine, "checkout", watch)
        event.listen(db.engine.sync_engine, "checkin", unwatch)
        try:
            res = await saves(3, 5)
        finally:
            event.remove(db.engine.sync_engine, "checkout", watch)
            event.remove(db.engine.sync_engine, "checkin", unwatch)
        assert [r.saved.ok for r in res] == [True, True] and writer.batches == before + 1
        assert sent == ["SELECT", "WITH"], sent  # the probes, the write: nothing else
        assert (await w.answers("00004"))["iii_nv_tong"] == 3 and (await w.answers("00100"))["iii_nv_tong"] == 5
        revs, _, _ = await _revisions(db, w, "00100", "iii_nv_tong")
        assert revs == [(1, None, 4, "web"), (2, 4, 5, "web")]
    finally:
        await w.close()


async def test_last_periods_answers_of_many_units_read_at_once_are_those_read_one_by_one(db, tmp_path):
    """A batch's saves whose cache of last period's answers expired read them together (``repo.web.
    web_previous_answers``, ``Services.previous_answers_many``): the same answers as one unit at a time — a unit that
    answered (numbers, a Biểu), one with a submission and no answer ({}), one that did not answer (None)."""
    from bot.app import make_services
    from bot.config import Settings

    world = await build_world(db, tmp_path)
    await _subs(db, world, ("00100",), world.prev_period)  # a submission of last period without an answer
    units = [world.units[c] for c in ("00004", "00100", "02")]
    async with db.session() as s:
        repo = Repo(s)
        period = await repo.periods.period(world.period)
        one_by_one = {u: (await repo.submissions.unit_previous_answers(u, period))[1] for u in units}
        assert await repo.web.web_previous_answers(units, world.prev_period) == one_by_one
    assert one_by_one[units[0]]["iii_nv_tong"] == 40 and one_by_one[units[1]] == {} and one_by_one[units[2]] is None
    services = make_services(Settings(_env_file=None, bot_token="1:TEST", database_url=db.url), db)
    async with db.session() as s:
        repo = Repo(s)
        await services.previous_answers_many(repo, units, period)
        assert all(services.previous_cached(u, period) for u in units)
        assert {u: await services.previous_answers(repo, u, period) for u in units} == one_by_one


async def test_postgresql_saves_arriving_while_a_batch_reads_its_probes_join_it(db, db_url, tmp_path, monkeypatch):
    """PostgreSQL: a burst's first save wakes the lane alone; the saves that arrive while its probes are read join its
    batch (their probes read in one more statement): one batch, one write, each save's answer and revision as alone."""
    if db.sqlite:
        pytest.skip("PostgreSQL only")
    from storage.repos.web import WebRepo

    clock = Clock()
    clock.t = clock.t.replace(year=2026, month=12, day=6)
    w = await Web(db, db_url, await build_world(db, tmp_path), clock).start()
    try:
        a, b, c = w.world.officer, w.world.officer2, w.world.other_officer
        for acc in (a, b, c):
            await w.signed_in(acc)
        writer = w.app[WEB].writer
        reading, reads = asyncio.Event(), []
        probes = WebRepo.web_save_probes

        async def slow_probes(self, items, **kw):
            reads.append(len(items))
            reading.set()
            await asyncio.sleep(0.05)  # the others arrive meanwhile
            return await probes(self, items, **kw)

        monkeypatch.setattr(WebRepo, "web_save_probes", slow_probes)

        def save(acc: int, key: str, text: str):
            return service.save(w.services, writer, acc, None, w.world.period, {"key": key, "op": "set", "text": text})

        before = writer.batches
        first = asyncio.create_task(save(a, "iii_nv_tong", "10"))
        await reading.wait()
        rest = await asyncio.gather(save(c, "iii_nv_tong", "20"), save(a, "iii_nv_tong", "12"),
                                    save(b, "iii_nv_da_th", "4"))
        res = [await first, *rest]
        assert writer.batches == before + 1 and reads == [1, 3]  # one batch; the latecomers' probes in one read
        assert [r.saved.ok for r in res] == [True] * 4 and (res[0].saved.version, res[2].saved.version) == (1, 2)
        mine = await w.answers("00004")
        assert mine["iii_nv_tong"] == 12 and mine["iii_nv_da_th"] == 4 and (await w.answers("00100"))["iii_nv_tong"] == 20
        revs, answers_rev, _ = await _revisions(db, w, "00004", "iii_nv_tong")
        assert revs == [(1, None, 10, "web"), (2, 10, 12, "web")] and answers_rev == 3
    finally:
        await w.close()


async def test_postgresql_the_pools_connections_come_with_the_batch_statements_prepared(db, db_url, tmp_path):
    """PostgreSQL: once the web form started (``GroupCommit.warm``), a connection the pool opens has the batch's
    probes, write and last period's answers prepared (``pg_prepared_statements``), nothing written by it."""
    if db.sqlite:
        pytest.skip("PostgreSQL only")
    w = await Web(db, db_url, await build_world(db, tmp_path), Clock()).start()
    try:
        await w.app[WEB].writer.warm()
        async with db.engine.connect() as conn, db.engine.connect() as fresh:  # the second: a new connection
            prepared = [r[0] for r in (await fresh.exec_driver_sql("SELECT statement FROM pg_prepared_statements")).all()]
            await conn.rollback()
        assert any("INSERT INTO answers" in q and "unnest" in q for q in prepared), prepared
        assert any("WITH ORDINALITY" in q for q in prepared) and any("submissions.unit_id = any(" in q for q in prepared)
        async with db.read_session() as s:
            web = [Answer.__table__.select().where(Answer.via == "web"),
                   AnswerRevision.__table__.select().where(AnswerRevision.via == "web")]
            assert [(await s.execute(q)).first() for q in web] == [None, None]
    finally:
        await w.close()


# --------------------------------------------------------------------------- the processes' event loop


def test_the_bots_processes_run_on_uvloop_unless_turned_off_or_missing(monkeypatch):
    """``python -m bot`` and the web server's processes (``benchmarks/bench_web.py --serve``) start through
    ``bot.app.run_main``: uvloop's loop where it is installed, asyncio's own with UVLOOP=0, on Windows, or without
    uvloop."""
    import sys

    from bot.app import loop_factory, run_main
    from bot.config import Settings

    uvloop = pytest.importorskip("uvloop")

    async def which() -> str:
        return type(asyncio.get_running_loop()).__module__.split(".")[0]

    monkeypatch.delenv("UVLOOP", raising=False)
    on = Settings(_env_file=None)
    assert loop_factory(on) is uvloop.new_event_loop and run_main(which(), on) == "uvloop"
    monkeypatch.setenv("UVLOOP", "0")
    off = Settings(_env_file=None)
    assert not off.uvloop and loop_factory(off) is None and run_main(which(), off) == "asyncio"
    monkeypatch.setattr(sys, "platform", "win32")
    assert loop_factory(on) is None
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setitem(sys.modules, "uvloop", None)  # not installed: asyncio's own, no error
    assert loop_factory(on) is None and run_main(which(), on) == "asyncio"


def test_a_field_save_on_the_bots_own_event_loop(db, db_url, tmp_path):
    """The web form on the loop the bot runs on (uvloop where installed): a save through the chat's parser, its
    revision via="web", the same answer as on asyncio's loop; SQLite (aiosqlite's thread) and PostgreSQL (asyncpg)."""
    from bot.app import loop_factory, run_main
    from storage.db import open_database
    from tests.support.harness import test_settings
    from tests.support.web_client import save_url

    async def go() -> tuple[str, int, dict, list]:
        database = open_database(db_url)
        w = await Web(database, db_url, await build_world(database, tmp_path), Clock()).start()
        try:
            b = await w.signed_in(w.world.officer)
            r, res = await b.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1.234", "base": 0})
            revisions, _, _ = await _revisions(database, w, "00004", "iii_nv_tong")
            return type(asyncio.get_running_loop()).__module__.split(".")[0], r.status, res, revisions
        finally:
            await w.close()
            await database.dispose()

    settings = test_settings(db_url)
    loop, status, res, revisions = run_main(go(), settings)
    assert loop == ("uvloop" if loop_factory(settings) is not None else "asyncio")
    assert status == 200 and res["ok"] and res["display"] == "1.234 nhiệm vụ"
    assert revisions == [(1, None, 1234, "web")]

