"""The per-user lock shared by the bot processes (``bot/locks.py``): a live holder keeps it as long as it needs
(the heartbeat renews a short TTL), a killed holder's lock is gone within seconds — Redis and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
import textwrap

import pytest

from tests.conftest import ROOT
from tests.support.processes import pg_ok, redis_ok, user_lock

PG_URL = os.environ.get("LOCKS_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
REDIS_URL = "redis://127.0.0.1:6379/14"


async def test_a_live_holder_keeps_its_redis_lock_past_the_ttl_by_its_heartbeat():
    """TTL 0.6 s, heartbeat every 0.15 s: held for 1.5 s, nobody else gets it until it is released."""
    from bot.locks import RedisUserLock

    await redis_ok(REDIS_URL)
    prefix = f"test_h27:{random.getrandbits(32):x}"
    holder = RedisUserLock(REDIS_URL, prefix, ttl_ms=600, heartbeat_s=0.15)
    other = RedisUserLock(REDIS_URL, prefix, ttl_ms=600, heartbeat_s=0.15)
    loop = asyncio.get_running_loop()
    events: list[tuple[str, float]] = []
    held = asyncio.Event()

    async def hold() -> None:
        async with holder.hold(42):
            held.set()
            await asyncio.sleep(1.5)
            events.append(("released", loop.time()))

    async def wait() -> None:
        await held.wait()
        async with other.hold(42):
            events.append(("other got it", loop.time()))

    try:
        await asyncio.gather(hold(), wait())
        assert [e for e, _ in events] == ["released", "other got it"]
        assert not await holder.redis.exists(f"{prefix}:42")  # released, not left to expire
    finally:
        await holder.close()
        await other.close()


HOLDER = """
import asyncio, sys
sys.path.insert(0, {root!r})
from tests.support.processes import user_lock

async def main():
    lock = user_lock({kind!r}, {prefix!r}, redis_url={redis_url!r}, pg_url={pg_url!r})
    async with lock.hold({key}):
        print("held", flush=True)
        await asyncio.sleep(600)

asyncio.run(main())
"""


@pytest.mark.parametrize("kind", ["redis", "postgresql"])
async def test_a_killed_holder_s_lock_is_gone_within_seconds(kind):
    """Another process holds the lock and is killed (SIGKILL): this one gets the lock within 5 s (Redis: the TTL
    of 3 s, no longer renewed; PostgreSQL: at once, the dead connection's advisory lock is released)."""
    await (redis_ok(REDIS_URL) if kind == "redis" else pg_ok(PG_URL))
    prefix = f"test_h27:{random.getrandbits(32):x}"
    key = random.randrange(10**9, 2 * 10**9)  # a user id no other test uses
    code = textwrap.dedent(HOLDER).format(root=str(ROOT), kind=kind, prefix=prefix, key=key,
                                         redis_url=REDIS_URL, pg_url=PG_URL)
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", code, cwd=str(ROOT),
                                                stdout=asyncio.subprocess.PIPE)
    lock = user_lock(kind, prefix, redis_url=REDIS_URL, pg_url=PG_URL)
    loop = asyncio.get_running_loop()
    waiter: asyncio.Task | None = None
    try:
        assert (await asyncio.wait_for(proc.stdout.readline(), 60)).strip() == b"held"
        # one waiter from here on, never cancelled (a wait_for timeout used to cancel it mid-command, and a waiter
        # that does not honour the cancellation hung the test for the holder's whole 600 s)
        waiter = asyncio.create_task(_take(lock, key))
        await asyncio.sleep(3.5)
        assert not waiter.done(), "the lock was taken while its live holder kept it (beyond its TTL for Redis)"
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
        killed = loop.time()
        await asyncio.wait_for(asyncio.shield(waiter), 10)
        took = loop.time() - killed
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        if waiter is not None and not waiter.done():
            waiter.cancel()
        await lock.close()
    assert took < 5.0, f"the dead holder's lock lasted {took:.1f} s"
    if kind == "postgresql":
        assert took < 1.0, took  # PostgreSQL releases it with the connection


async def _take(lock, key: int) -> None:
    async with lock.hold(key):
        pass
