"""Faults: nothing acknowledged is lost and the conversation continues.

In-process (the real Dispatcher, tests/harness.py): a chat Telegram refuses, a redelivered update, the database
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
from tests.harness import Harness
from tests.test_conversation import answers_of, invite, setup_units


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
    assert last_question.text in again[0].text  # the question the officer is on, with its buttons
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
        await (await raw.driver_connection.execute(sql)).close()  # outside a transaction (BEGIN would write)


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
