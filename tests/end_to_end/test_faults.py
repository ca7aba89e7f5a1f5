"""Faults: nothing acknowledged is lost and the conversation continues.

In-process (the real Dispatcher, tests/support/harness.py): a chat Telegram refuses, a redelivered update, the database
unavailable (SQLite read-only or full, PostgreSQL cut by a TCP proxy). Over HTTP (the real ``python -m bot``
against the fake Bot API): the bot SIGKILLed at random moments while officers answer, the Bot API answering
5xx, timing out or 429 for a while."""

from __future__ import annotations

import asyncio
import logging

import pytest
from sqlalchemy import func, select

from bot.handlers.common import DB_BUSY
from storage.models import Account, AnswerRevision, OutboundFailure
from tests.support.conversation import _open_week_and_invites, answers_of, invite, setup_units
from tests.support.harness import Harness
from tests.support.processes import replies_after


@pytest.fixture
async def h(db, db_url):
    return await Harness(db, db_url).start()


async def _count(db, model) -> int:
    async with db.read_session() as s:
        return (await s.execute(select(func.count()).select_from(model))).scalar_one()


# --------------------------------------------------------------------------- chats Telegram refuses


async def test_blocked_chat_is_recorded_and_not_answered_again(h, db, caplog):
    await setup_units(db)
    u = h.user(101, "Lan")
    await h.say(u, f"/start {await invite(db, 'BNV')}")
    h.api.blocked.add(101)
    with caplog.at_level(logging.WARNING):
        await h.say(u, "/baocao")
    sends = [c for c in h.api.calls_of("sendMessage") if int(c.params["chat_id"]) == 101 and c.status == 403]
    assert len(sends) == 1  # the error handler did not try again with "Đã có lỗi…"
    async with db.read_session() as s:
        rows = (await s.execute(select(OutboundFailure))).scalars().all()
        acc = (await s.execute(select(Account).where(Account.telegram_id == 101))).scalar_one()
    assert [(r.chat_id, r.method) for r in rows] == [(101, "sendMessage")]
    assert "403" in rows[0].reason and "Báo cáo" in rows[0].text
    assert acc.blocked
    assert not any(r.exc_info for r in caplog.records), "no traceback for a blocked chat"


async def test_a_4096_character_unit_search_is_echoed_short(h, db):
    await setup_units(db)
    u = h.user(102, "Minh")
    await h.say(u, "/start")
    out = await h.say(u, "ж" * 4096)
    assert len(out) == 1 and len(out[0]) < 400
    assert out[0].startswith("Không tìm thấy đơn vị nào giống «жжж") and "…»" in out[0]


# --------------------------------------------------------------------------- a redelivered update


async def test_redelivered_update_sends_the_current_question_again(h, db):
    p, = await setup_units(db)
    u = h.user(101, "Lan")
    await h.say(u, f"/start {await invite(db, 'BNV')}")
    await h.say(u, "/baocao")
    await h.say(u, "5")
    # the bot stored "5" and the new position, then died before its reply reached Telegram: the same update
    # comes again after the restart
    await u.send("7")
    raw = h.api.updates[0]
    await h.flush()
    before = len(h.api.messages(101))
    revisions = await _count(db, AnswerRevision)
    h.api.updates.append(raw)
    await h.flush()
    again = h.api.messages(101)[before:]
    assert len(again) == 1
    assert again[0].text.startswith("↻ Tin nhắn trước của bạn đã được lưu")
    last_question = h.api.messages(101)[before - 1]
    # the question the officer is on, with its buttons (without the "✔ Đã lưu …" line folded above it)
    screen = last_question.text[last_question.text.index("📋"):]
    assert screen in again[0].text
    assert again[0].button_texts() == last_question.button_texts()
    assert await _count(db, AnswerRevision) == revisions  # not stored twice
    assert (await answers_of(db, "BNV", p))["kl_nv_hoan_thanh"] == 7
    # its buttons work: the nonce is the position's
    out = await h.press(u, "Quay lại")
    assert out and "Nút này đã cũ" not in " ".join(out) and not h.alerts()


# --------------------------------------------------------------------------- the database unavailable


async def _pragma(db, sql: str) -> None:
    """Run ``sql`` on the writer connection (one connection in the SQLite writer pool: it stays set)."""
    async with db.engine.connect() as c:
        raw = await c.get_raw_connection()
        # the writer is a plain sqlite3 connection (storage/sqlite_inline.py); outside a transaction (BEGIN writes)
        raw.driver_connection.execute(sql).close()


@pytest.mark.parametrize("fault", ["read-only", "disk full"])
async def test_sqlite_read_only_or_full_tells_the_user_and_recovers(h, db, caplog, fault):
    if not db.sqlite:
        pytest.skip("SQLite only")
    p, = await setup_units(db)
    u = h.user(101, "Lan")
    await h.say(u, f"/start {await invite(db, 'BNV')}")
    await h.say(u, "/baocao")
    await h.say(u, "5")
    await h.say(u, "7")  # now at the list of tasks done: an item of 3,000 characters needs new pages
    if fault == "read-only":
        await _pragma(db, "PRAGMA query_only = ON")  # as a file the process may not write (root ignores chmod)
    else:
        async with db.read_engine.connect() as c:
            pages = (await c.exec_driver_sql("PRAGMA page_count")).scalar_one()
        await _pragma(db, f"PRAGMA max_page_count = {pages}")  # the disk holds not one more page
    caplog.clear()
    with caplog.at_level(logging.INFO):
        outs = [await h.say(u, f"Nhiệm vụ {i} " + "x" * 3000 + "\nKL 178\nBáo cáo\n1/11/2026") for i in range(3)]
    failed = [o for o in outs if o == [DB_BUSY]]
    assert failed, outs
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and all("database unavailable" in r.getMessage() and not r.exc_info for r in errors)
    assert len(errors) == len(failed)  # one line per failed update, no traceback storm
    await _pragma(db, "PRAGMA query_only = OFF" if fault == "read-only" else "PRAGMA max_page_count = 1073741823")
    out = await h.say(u, "Nhiệm vụ cuối\nKL 179\nBáo cáo\n2/11/2026")
    assert out and "Danh sách hiện có" in out[-1], out
    items = (await answers_of(db, "BNV", p))["kl_ds_hoan_thanh"]
    assert items[-1]["ten"] == "Nhiệm vụ cuối" and len(items) == 4 - len(failed)


async def test_error_handler_sorts_database_faults_from_bugs():
    from sqlalchemy.exc import IntegrityError, OperationalError

    from bot.handlers.common import database_unavailable

    assert database_unavailable(OperationalError("INSERT", {}, Exception("database or disk is full")))
    assert database_unavailable(ConnectionRefusedError(111, "Connect call failed"))
    assert not database_unavailable(IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed")))
    assert not database_unavailable(ValueError("x"))
    try:
        try:
            raise ConnectionResetError("reset")
        except ConnectionResetError as e:
            raise RuntimeError("wrapped") from e
    except RuntimeError as e:
        assert database_unavailable(e)
    assert asyncio  # noqa: B018


# --------------------------------------------------------------------------- the real bot over HTTP


async def _ready(api, proc, calls_before: int, timeout: float = 120.0) -> None:
    """Wait until the (re)started bot polls (start-up takes seconds on a busy machine)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not any(c.method == "getUpdates" for c in api.calls[calls_before:]):
        assert proc.returncode is None, "the bot exited"
        assert loop.time() < end, "the bot did not start polling"
        await asyncio.sleep(0.1)


async def _spawn(api, db_url):
    from tests.support.processes import spawn_bot

    calls = len(api.calls)
    proc = await spawn_bot(api, db_url)
    await _ready(api, proc, calls)
    return proc


async def _stop(proc) -> None:
    if proc.returncode is None:
        proc.terminate()
        await proc.wait()


async def _confirmed_in_history(db_url, values_by_unit: dict[str, list[int]]) -> dict[str, set[int]]:
    from storage.db import open_database
    from storage.models import Submission, Unit

    db2 = open_database(db_url)
    try:
        async with db2.read_session() as s:
            rows = (await s.execute(select(Unit.code, AnswerRevision.new_value)
                                    .join(Submission, Submission.id == AnswerRevision.submission_id)
                                    .join(Unit, Unit.id == Submission.unit_id))).all()
    finally:
        await db2.dispose()
    stored: dict[str, set[int]] = {}
    for code, v in rows:
        if isinstance(v, int):
            stored.setdefault(code, set()).add(v)
    return stored


@pytest.mark.slow
async def test_bot_api_5xx_timeouts_and_429_for_a_while_then_replies_arrive(db, db_url):
    from bot.devtools.fakeapi import FakeTelegram

    code = (await _open_week_and_invites(db, ["BTP"]))["BTP"]
    api = FakeTelegram("4243:OUTAGE")
    await api.start()
    u = api.user(311, "Hạnh")
    proc = await _spawn(api, db_url)
    try:
        for text in (f"/start {code}", "/baocao"):
            n = len(api.messages(311))
            await u.send(text)
            assert await replies_after(api, u, n, 60)
        for value, (mode, methods) in zip((90, 80, 70, 60), (("5xx", None), ("timeout", None),
                                                            ("429", None), ("timeout", {"sendMessage"})), strict=True):
            hits = api.outage_hits
            api.fail_for(mode, 3.0, methods)
            n = len(api.messages(311))
            await u.send(str(value))
            got = await replies_after(api, u, n, 60)
            if not any(t.startswith(f"✔ Đã lưu: {value}") for t in got):
                import json
                import pathlib

                pathlib.Path("/tmp/ops_outage_dump.json").write_text(json.dumps([
                    (round(c.at, 3), c.method, c.status, str(c.params.get("text", ""))[:50], c.params.get("offset"))
                    for c in api.calls], ensure_ascii=False, indent=0))
            assert any(t.startswith(f"✔ Đã lưu: {value}") for t in got), (mode, got)
            assert api.outage_hits > hits, mode
            assert proc.returncode is None
            n = len(api.messages(311))
            await u.press("⬅ Quay lại")  # back to the first question for the next round
            assert await replies_after(api, u, n, 60)
    finally:
        await _stop(proc)
        await api.stop()
    stored = await _confirmed_in_history(db_url, {})
    assert {90, 80, 70, 60} <= stored["BTP"]


async def _say_each(api, u, *texts: str) -> None:
    """Each text sent once its predecessor has a reply."""
    for text in texts:
        n = len(api.messages(u.id))
        await u.send(text)
        assert await replies_after(api, u, n, 120), (u.id, text)


async def _goes_on_at_stored_position(api, u) -> None:
    """/baocao shows the report's header and the question the officer was at."""
    n = len(api.messages(u.id))
    await u.send("/baocao")
    got = await replies_after(api, u, n, 60)
    assert any(t.startswith("Báo cáo:") for t in got) and "📋" in got[-1], got


@pytest.mark.slow
async def test_bot_sigkilled_at_random_moments_loses_nothing_confirmed(db, db_url):
    """Officers of four units answer at once; the bot is SIGKILLed three times at random moments and restarted.
    Every answer an officer saw confirmed is in the database; every message got its reply (the reply owed by a
    killed process is sent after the restart); the conversations go on from where they were."""
    import random
    import signal

    from bot.devtools.fakeapi import FakeTelegram

    rng = random.Random(4242)
    units = ["BTP", "BNV", "BYT", "BCT"]
    codes = await _open_week_and_invites(db, units)
    api = FakeTelegram("4244:KILLS")
    await api.start()
    proc = await _spawn(api, db_url)
    officers = {c: api.user(400 + i, f"Cán bộ {c}") for i, c in enumerate(units)}
    confirmed: dict[str, list[int]] = {c: [] for c in units}
    unanswered: list[tuple[str, str]] = []
    killing = True

    async def officer(k: int, unit: str) -> None:
        u = officers[unit]
        await _say_each(api, u, f"/start {codes[unit]}", "/baocao")
        j = 0
        while killing or j < 12:
            # the first question again (/c1), then a new figure for it: every figure is one answer revision
            for said in ("/c1", str(k * 200 + 199 - j)):
                n = len(api.messages(u.id))
                await u.send(said)
                got = await replies_after(api, u, n, 120)
                if not got:
                    unanswered.append((unit, said))
                if any(t.startswith(f"✔ Đã lưu: {said} ") for t in got):
                    confirmed[unit].append(int(said))
                await asyncio.sleep(rng.uniform(0, 0.05))
            j += 1

    async def killer() -> None:
        nonlocal proc, killing
        for _ in range(3):
            await asyncio.sleep(rng.uniform(0.5, 2.5))
            proc.send_signal(signal.SIGKILL)
            await proc.wait()
            proc = await _spawn(api, db_url)
        killing = False

    try:
        await asyncio.gather(killer(), *(officer(k, c) for k, c in enumerate(units)))
        for u in officers.values():
            await _goes_on_at_stored_position(api, u)
    finally:
        await _stop(proc)
        await api.stop()
    assert not unanswered, unanswered
    stored = await _confirmed_in_history(db_url, confirmed)
    for unit, values in confirmed.items():
        assert len(values) >= 8, (unit, values)
        assert set(values) <= stored.get(unit, set()), (unit, set(values) - stored.get(unit, set()))


# --------------------------------------------------------------------------- PostgreSQL down for a few seconds


class TcpProxy:
    """A TCP proxy in front of PostgreSQL that the test can cut (every connection dropped, new ones refused
    at once) and restore: PostgreSQL stopped and started again, without touching the shared server."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.up = True
        self.server: asyncio.base_events.Server | None = None
        self.port = 0
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}

        async def pipe(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
            try:
                while data := await r.read(65536):
                    w.write(data)
                    await w.drain()
            except (OSError, asyncio.CancelledError):
                pass
            finally:
                w.close()
                self._writers.discard(w)

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def cut(self) -> None:
        self.up = False
        for w in list(self._writers):
            w.transport.abort()
        self._writers.clear()

    def restore(self) -> None:
        self.up = True

    async def stop(self) -> None:
        self.cut()
        self.server.close()


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


async def test_postgresql_down_for_a_few_seconds_users_told_to_retry_then_it_works(tmp_path, caplog):
    import asyncpg

    from storage.db import open_database, upgrade

    try:
        conn = await asyncpg.connect(PG_ADMIN, timeout=3)
    except Exception as e:  # noqa: BLE001
        pytest.skip(f"PostgreSQL unreachable ({e})")
    try:
        await conn.execute("DROP DATABASE IF EXISTS test_ops_faults WITH (FORCE)")
        await conn.execute("CREATE DATABASE test_ops_faults")
    finally:
        await conn.close()
    await upgrade("postgresql+asyncpg://postgres@127.0.0.1:5432/test_ops_faults")
    proxy = TcpProxy("127.0.0.1", 5432)
    await proxy.start()
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{proxy.port}/test_ops_faults"
    db = open_database(url)
    try:
        p, = await setup_units(db)
        h = await Harness(db, url).start()
        u = h.user(101, "Lan")
        await h.say(u, f"/start {await invite(db, 'BNV')}")
        await h.say(u, "/baocao")
        assert (await h.say(u, "50"))[0].startswith("✔ Đã lưu: 50")
        proxy.cut()  # PostgreSQL stops
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            outs = [await h.say(u, str(v)) for v in (7, 8)]
        assert outs == [[DB_BUSY], [DB_BUSY]], outs
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(errors) == 2 and all("database unavailable" in r.getMessage() and not r.exc_info for r in errors)
        await asyncio.sleep(1)
        proxy.restore()  # and starts again
        out = await h.say(u, "9")
        assert out and out[0].startswith("✔ Đã lưu: 9"), out
        answers = await answers_of(db, "BNV", p)
        assert answers["kl_nv_tong"] == 50 and answers["kl_nv_hoan_thanh"] == 9
    finally:
        await db.dispose()
        await proxy.stop()
