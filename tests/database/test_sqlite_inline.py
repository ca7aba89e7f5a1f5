"""The SQLite writer run in the loop's thread (storage/sqlite_inline.py): same results as aiosqlite, and a lock held by
another process is waited for without blocking the event loop."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from storage import sqlite_inline
from storage.models import Unit
from storage.sqlite_inline import InlineConnection


def _file(db) -> str:
    return db.engine.url.database


async def test_the_writer_is_inline_and_reads_writes_and_rolls_back(db):
    if not db.sqlite:
        pytest.skip("SQLite only")
    async with db.engine.connect() as c:
        raw = await c.get_raw_connection()
        assert isinstance(raw.dbapi_connection, InlineConnection)
        assert isinstance(raw.driver_connection, sqlite3.Connection)
    async with db.session() as s:
        s.add(Unit(code="X1", name="Xã Một", kind="xa", path="/", active=True, folded="xa mot"))
        await s.commit()
    async with db.session() as s:
        s.add(Unit(code="X2", name="Xã Hai", kind="xa", path="/", active=True, folded="xa hai"))
        await s.flush()
        await s.rollback()
    async with db.read_session() as s:  # the reader (aiosqlite) sees what the inline writer committed
        codes = set((await s.execute(select(Unit.code).where(Unit.code.like("X%")))).scalars())
    assert codes == {"X1"}
    async with db.session() as s:  # many rows through one statement and back
        rows = (await s.execute(text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                                     " SELECT i FROM n"))).scalars().all()
    assert rows == list(range(1, 5001))


async def test_a_lock_held_by_another_process_is_awaited_without_blocking_the_loop(db):
    if not db.sqlite:
        pytest.skip("SQLite only")
    other = sqlite3.connect(_file(db), isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # as a CLI command writing
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    async def write() -> None:
        async with db.session() as s:
            s.add(Unit(code="L1", name="Xã Khoá", kind="xa", path="/", active=True, folded="xa khoa"))
            await s.commit()

    tick_task = asyncio.create_task(ticker())
    writing = asyncio.create_task(write())
    await asyncio.sleep(0.4)
    assert not writing.done()  # waiting for the lock …
    assert ticks >= 20  # … while the loop ran other work (a blocking busy wait would have frozen the ticker)
    other.execute("COMMIT")
    await asyncio.wait_for(writing, 5)
    tick_task.cancel()
    other.close()
    async with db.read_session() as s:
        assert (await s.execute(select(func.count()).select_from(Unit).where(Unit.code == "L1"))).scalar_one() == 1


async def test_a_lock_never_released_fails_after_the_busy_timeout(db, monkeypatch):
    if not db.sqlite:
        pytest.skip("SQLite only")
    monkeypatch.setattr(sqlite_inline, "BUSY_TIMEOUT", 0.3)
    other = sqlite3.connect(_file(db), isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError, match="locked"):
            async with db.session() as s:
                s.add(Unit(code="L2", name="Xã Chờ", kind="xa", path="/", active=True, folded="xa cho"))
                await s.commit()
    finally:
        other.execute("ROLLBACK")
        other.close()
    async with db.session() as s:  # the pool's connection still works afterwards
        s.add(Unit(code="L3", name="Xã Sau", kind="xa", path="/", active=True, folded="xa sau"))
        await s.commit()
