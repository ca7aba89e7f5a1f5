"""A bot process killed while it handles an officer's update: the other process takes the officer over at once.

Two real bot processes in webhook mode on one PostgreSQL database, the per-user lock shared through Redis (its
own database number; ``bot/locks.py``). Process A is handling the officer's answer (its reply held at the fake
Bot API, A holding the officer's lock) when it is killed with SIGKILL. The update it was handling comes back to
process B (Telegram's redelivery), and so does the officer's next message: B answers it within 5 s of the kill
— the dead process's lock does not outlive it. (Set ``FAILOVER_PG=1`` to run the same with PostgreSQL's
advisory locks instead of Redis; ``tests/end_to_end/test_locks.py`` kills a holder of each kind of lock more cheaply.)"""

from __future__ import annotations

import asyncio
import os
import signal
import uuid

import pytest
from aiohttp import web

from tests.support.processes import (
    WebhookProxy,
    deliver_webhook_updates,
    free_port,
    fresh_database,
    redis_or_skip,
    spawn_webhook_bot,
    webhook_up,
)

pytestmark = pytest.mark.slow

PG_ADMIN = os.environ.get("TWO_PROC_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
DB_NAME = "test_h27_twoproc"
REDIS_URL = "redis://127.0.0.1:6379/14"
SECRET = "s3cret-failover"
OFFICER = 701
TAKEOVER_S = 5.0


class Switch(WebhookProxy):
    """The reverse proxy: every update to the process in ``target`` (nginx sends to the live one); a process that
    does not answer gives 502, and Telegram delivers the update again."""

    def __init__(self, target: int):
        super().__init__()
        self.target = target

    async def forward(self, request: web.Request) -> web.Response:
        try:
            return await self.pass_on(request, self.target)
        except Exception:  # noqa: BLE001 - the process died under the request
            return web.Response(status=502)


def _hold_reply(api, text_start: str) -> tuple[asyncio.Event, asyncio.Event]:
    """The fake Bot API keeps the officer's reply starting with ``text_start`` waiting (its sender, holding the
    officer's lock, waits too) until ``release`` is set; ``held`` is set once such a reply is waiting."""
    held, release = asyncio.Event(), asyncio.Event()
    call = api.call

    async def holding(method, params, files=None):
        if (method.lower() == "sendmessage" and str(params.get("chat_id")) == str(OFFICER)
                and str(params.get("text", "")).startswith(text_start) and not release.is_set()):
            held.set()
            await release.wait()
        return await call(method, params, files)

    api.call = holding
    return held, release


async def _says(api, text: str, after: int, timeout: float) -> float | None:
    """When (loop time) the officer is sent a message starting with ``text`` (after the first ``after``)."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while loop.time() - start < timeout:
        if any(m.text.startswith(text) for m in api.messages(OFFICER)[after:]):
            return loop.time()
        await asyncio.sleep(0.02)
    return None


async def _lock_held(db_url: str, redis, prefix: str) -> bool:
    if redis is not None:
        return bool(await redis.exists(f"{prefix}:user:{OFFICER}"))
    import asyncpg

    conn = await asyncpg.connect(db_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return bool(await conn.fetchval("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1"
                                        " AND granted", OFFICER))
    finally:
        await conn.close()


async def _stored(db) -> dict:
    from storage.repo import Repo

    async with db.read_session() as s:
        repo = Repo(s)
        unit = await repo.units.unit_by_code("BTP")
        period = (await repo.periods.list_periods(status="open"))[0]
        return await repo.submissions.answers((await repo.submissions.find_submission(unit.id, period.id)).id)


@pytest.mark.parametrize("shared", ["redis", "postgresql"] if os.environ.get("FAILOVER_PG") else ["redis"])
async def test_a_killed_process_s_officer_is_answered_by_the_other_within_5_seconds(shared):
    from bot.devtools.fakeapi import FakeTelegram
    from storage.db import open_database, upgrade
    from tests.support.conversation import _open_week_and_invites

    redis = await redis_or_skip(REDIS_URL) if shared == "redis" else None
    db_url = await fresh_database(PG_ADMIN, DB_NAME)
    await upgrade(db_url)
    db = open_database(db_url)
    codes = await _open_week_and_invites(db, ["BTP"])
    api = FakeTelegram("4401:FAILOVER")
    await api.start()
    port_a, port_b = free_port(), free_port()
    proxy = Switch(port_a)
    await proxy.start()
    prefix = f"test_h27:{uuid.uuid4().hex[:8]}"
    procs = [await spawn_webhook_bot(api, db_url, p, proxy.port, secret=SECRET, prefix=prefix,
                                     redis_url=REDIS_URL if redis else None) for p in (port_a, port_b)]
    stop = asyncio.Event()
    deliver = asyncio.create_task(deliver_webhook_updates(api, proxy.port, SECRET, stop, finish=False))
    try:
        for p in (port_a, port_b):
            await webhook_up(p, procs)
        u = api.user(OFFICER, "Cán bộ BTP")
        for text in (f"/start {codes['BTP']}", "/baocao"):
            n = len(api.messages(OFFICER))
            await u.send(text)
            assert await _says(api, "", n, 30) is not None, text
            await asyncio.sleep(0.3)
        held, release = _hold_reply(api, "✔ Đã lưu: 31 ")
        await u.send("31")  # process A handles it; its reply waits at the Bot API, A holding the officer's lock
        await asyncio.wait_for(held.wait(), 30)
        assert await _lock_held(db_url, redis, prefix)
        killed = asyncio.get_running_loop().time()
        procs[0].send_signal(signal.SIGKILL)
        await procs[0].wait()
        proxy.target = port_b  # nginx: the dead process refuses connections, the live one gets the updates
        release.set()
        n = len(api.messages(OFFICER))
        await u.send("12")
        answered = await _says(api, "✔ Đã lưu: 12 ", n, 70)
        took = None if answered is None else answered - killed
    finally:
        stop.set()
        await deliver
        for p in procs:
            if p.returncode is None:
                p.terminate()
                await p.wait()
        await proxy.stop()
        await api.stop()
        if redis is not None:
            await redis.aclose()
    assert took is not None and took < TAKEOVER_S, f"the other process answered after {took} s"
    answers = await _stored(db)
    await db.dispose()
    assert answers["kl_nv_tong"] == 31 and answers["kl_nv_hoan_thanh"] == 12  # nothing lost, nothing doubled
