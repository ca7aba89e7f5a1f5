"""Several processes, one database: two real bot processes in webhook mode on one PostgreSQL database, behind a
small reverse proxy that round-robins the updates between them (as Telegram does with max_connections > 1).

Officers of four units answer; each message may reach either process. Checked: every conversation continues
whichever process gets the next update (per-user order kept by the shared lock, ``bot/locks.py``), the
reminders of both schedulers (ticking every second) reach each officer exactly once, the send budget is the
shared one in Redis, and the answers stored are the same as with a single process."""

from __future__ import annotations

import asyncio
import itertools
import os
import uuid

import pytest
from aiohttp import web

from tests.support.processes import (
    WebhookProxy,
    deliver_webhook_updates,
    free_port,
    fresh_database,
    redis_ok,
    spawn_webhook_bot,
    webhook_up,
)

pytestmark = pytest.mark.slow

PG_ADMIN = os.environ.get("TWO_PROC_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
DB_NAME = "test_ops_two"
REDIS_URL = "redis://127.0.0.1:6379/15"
SECRET = "s3cret-two-proc"
UNITS = ["BTP", "BNV", "BYT", "BCT"]
SCRIPT = ["31", "12", "⬅", "30", "11", "⬅", "29", "10"]  # numbers; "⬅" presses «⬅ Quay lại» (twice back)


class Proxy(WebhookProxy):
    """A tiny reverse proxy: each POST to /telegram goes to the next backend in turn (headers kept)."""

    def __init__(self, backends: list[int]):
        super().__init__()
        self.backends = itertools.cycle(backends)
        self.hits: dict[int, int] = {b: 0 for b in backends}

    async def forward(self, request: web.Request) -> web.Response:
        port = next(self.backends)
        self.hits[port] += 1
        return await self.pass_on(request, port)


async def _converse(api, codes: dict[str, str]) -> None:
    from tests.support.processes import replies_after

    async def officer(i: int, unit: str) -> None:
        u = api.user(600 + i, f"Cán bộ {unit}")
        for text in (f"/start {codes[unit]}", "/baocao", *SCRIPT):
            n = len(api.messages(u.id))
            if text == "⬅":
                await u.press("⬅ Quay lại")
                await replies_after(api, u, n, 60)
                n = len(api.messages(u.id))
                await u.press("⬅ Quay lại")
            else:
                await u.send(text)
            got = await replies_after(api, u, n, 60)
            assert got, (unit, text)
            if text.isdigit():
                assert any(t.startswith(f"✔ Đã lưu: {text} ") for t in got), (unit, text, got)

    await asyncio.gather(*(officer(i, c) for i, c in enumerate(UNITS)))


async def _run(db_url: str, n_processes: int) -> tuple[dict[str, dict], dict[int, int], object, Proxy]:
    from bot.devtools.fakeapi import FakeTelegram
    from storage.db import open_database, upgrade
    from tests.support.conversation import _open_week_and_invites

    await upgrade(db_url)
    db = open_database(db_url)
    codes = await _open_week_and_invites(db, UNITS)
    api = FakeTelegram(f"{4300 + n_processes}:TWO")
    await api.start()
    ports = [free_port() for _ in range(n_processes)]
    proxy = Proxy(ports)
    await proxy.start()
    prefix = f"test_ops:{uuid.uuid4().hex[:8]}"
    procs = [await spawn_webhook_bot(api, db_url, p, proxy.port, secret=SECRET, prefix=prefix, redis_url=REDIS_URL,
                                     SCHEDULER_INTERVAL="1", SEND_RATE="20") for p in ports]
    stop = asyncio.Event()
    deliver = asyncio.create_task(deliver_webhook_updates(api, proxy.port, SECRET, stop, finish=True))
    try:
        for p in ports:
            await webhook_up(p, procs)
        await _converse(api, codes)
        await asyncio.sleep(3)  # a few more ticks of every scheduler
    finally:
        stop.set()
        await deliver
        for p in procs:
            if p.returncode is None:
                p.terminate()
                await p.wait()
        await proxy.stop()
        await api.stop()
    answers = await _answers(db)
    await db.dispose()
    proxy.prefix = prefix
    return answers, {u: sum(1 for m in api.messages(u) if m.text.startswith("🆕")) for u in api.users}, api, proxy


async def _answers(db) -> dict[str, dict]:
    from storage.repo import Repo

    out = {}
    async with db.read_session() as s:
        repo = Repo(s)
        for code in UNITS:
            unit = await repo.units.unit_by_code(code)
            period = (await repo.periods.list_periods(status="open"))[0]
            sub = await repo.submissions.find_submission(unit.id, period.id)
            out[code] = await repo.submissions.answers(sub.id)
    return out


async def _reset(url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


async def test_two_webhook_processes_one_postgresql_behind_a_round_robin_proxy():
    await redis_ok(REDIS_URL)
    url = await fresh_database(PG_ADMIN, DB_NAME)
    two, opened_two, api, proxy = await _run(url, 2)
    assert all(h >= 8 for h in proxy.hits.values()), proxy.hits  # both processes served the conversations
    assert all(n == 1 for n in opened_two.values()), opened_two  # each officer told of the period once
    assert {c.method for c in api.calls} >= {"setWebhook", "sendMessage"}
    import redis.asyncio as aioredis

    r = aioredis.from_url(REDIS_URL)
    try:
        shared = [k async for k in r.scan_iter(match=f"{proxy.prefix}:*")]
    finally:
        await r.aclose()
    assert any(b":log:message" in k for k in shared), shared  # the send budget lives in Redis
    await _reset(url)
    one, opened_one, _, _ = await _run(url, 1)
    assert two == one
    assert opened_one == opened_two
    assert two["BTP"]["kl_nv_tong"] == 29 and two["BTP"]["kl_nv_hoan_thanh"] == 10
