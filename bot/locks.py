"""One user's updates are handled one at a time, in this process and across processes.

Within a process an ``asyncio.Lock`` per user (``Services.lock_for``) orders them. With several bot processes
on one database (webhook mode behind a reverse proxy, see README "Triển khai nhiều tiến trình") a user's next
update may reach another process while the first is still being handled; a lock shared by the processes makes
the second wait:

* ``REDIS_URL`` set: a Redis lock (``SET NX PX`` with a token, released by compare-and-delete). It lives
  only ``ttl_ms`` (3 s) unless its holder renews it: while an update is handled, a heartbeat extends it every
  second. A process that dies (kill -9, out of memory, a lost machine) stops renewing, and its users' locks are
  gone within 3 s: Telegram's redelivery of the update it was handling, and the user's next message, are then
  handled by another process;
* otherwise on PostgreSQL: a session advisory lock (``pg_advisory_lock(telegram id)``) on a connection of a
  small pool of its own (a holder never waits for a lock connection while holding a database one, so the two
  pools cannot deadlock). PostgreSQL releases it as soon as the holder's connection closes — at once when its
  process dies (the kernel closes the socket); for a machine that vanishes, the server's TCP keepalive probes
  (``tcp_keepalives_*`` set on these connections) close it within about 10 s;
* SQLite: one process, the in-process lock is enough.

A user types one message and waits for the reply, so serialising is what keeps their order; two updates of one
user sent within milliseconds of each other may still be taken in either order by two processes (Telegram's
own delivery with ``max_connections`` > 1 makes no promise there either).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
from collections.abc import AsyncIterator
from typing import Any

log = logging.getLogger(__name__)

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""

LOCK_TTL_MS = 3_000  # a dead holder's lock is gone within this
HEARTBEAT_S = 1.0  # a live holder renews its lock this often


class RedisUserLock:
    def __init__(self, url: str, prefix: str = "baocao:user", ttl_ms: int = LOCK_TTL_MS,
                 heartbeat_s: float = HEARTBEAT_S):
        import redis.asyncio as aioredis

        if heartbeat_s * 1000 >= ttl_ms / 2:
            raise ValueError("the heartbeat must renew the lock well before it expires (heartbeat < TTL / 2)")
        self.redis = aioredis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.prefix = prefix
        self.ttl_ms = ttl_ms
        self.heartbeat_s = heartbeat_s
        self._release = self.redis.register_script(_RELEASE)
        self._renew = self.redis.register_script(_RENEW)
        self._me = f"{os.getpid()}-{random.getrandbits(32):x}"
        self._n = 0

    @contextlib.asynccontextmanager
    async def hold(self, user_id: int) -> AsyncIterator[None]:
        key = f"{self.prefix}:{user_id}"
        self._n += 1
        token = f"{self._me}-{self._n}"
        delay = 0.005
        try:
            while not await self.redis.set(key, token, nx=True, px=self.ttl_ms):
                await asyncio.sleep(delay)
                delay = min(0.1, delay * 2)
        except Exception as e:  # noqa: BLE001 - Redis down: go on with this process's order only
            log.warning("Redis user lock unavailable (%s); handling user %s without it", e, user_id)
            yield
            return
        heartbeat = asyncio.create_task(self._heartbeat(key, token, user_id))
        try:
            yield
        finally:
            heartbeat.cancel()  # a renewal still in flight is harmless: it extends only this token's lock
            try:
                await self._release(keys=[key], args=[token])
            except Exception as e:  # noqa: BLE001 - it expires by itself
                log.warning("could not release the lock of user %s: %s", user_id, e)

    async def _heartbeat(self, key: str, token: str, user_id: int) -> None:
        """Keep the lock while its update is handled: renewed every ``heartbeat_s`` for another ``ttl_ms``."""
        while True:
            await asyncio.sleep(self.heartbeat_s)
            try:
                if not await self._renew(keys=[key], args=[token, self.ttl_ms]):
                    log.warning("the lock of user %s expired while held (event loop blocked %.0f s or more?)",
                                user_id, self.ttl_ms / 1000)
                    return
            except Exception as e:  # noqa: BLE001 - Redis away for a moment: try again at the next beat
                log.warning("could not renew the lock of user %s: %s", user_id, e)

    async def close(self) -> None:
        await self.redis.aclose()


class PgUserLock:
    def __init__(self, url: str, pool_size: int = 10):
        from sqlalchemy.ext.asyncio import create_async_engine

        # the server probes an idle lock connection after 5 s, every 2 s, and closes it (releasing its locks)
        # after 3 unanswered probes: a holder whose machine vanished without closing its sockets
        keepalive = {"tcp_keepalives_idle": "5", "tcp_keepalives_interval": "2", "tcp_keepalives_count": "3"}
        self.engine = create_async_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True,
                                          connect_args={"server_settings": keepalive})

    @contextlib.asynccontextmanager
    async def hold(self, user_id: int) -> AsyncIterator[None]:
        from sqlalchemy import text

        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": user_id})
            await conn.commit()
            try:
                yield
            finally:
                with contextlib.suppress(Exception):  # a lost connection has released it already
                    await conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": user_id})
                    await conn.commit()

    async def close(self) -> None:
        await self.engine.dispose()


def shared_lock(services: Any) -> RedisUserLock | PgUserLock | None:
    """The lock shared by the processes for these services' settings, made once and kept on ``services``.

    None when one process is all there can be: long polling (Telegram gives updates to one poller only) or
    SQLite; several processes means webhook mode (WEBHOOK_URL) on PostgreSQL."""
    found = services.__dict__.get("_shared_user_lock", False)
    if found is not False:
        return found
    st = services.settings
    lock: RedisUserLock | PgUserLock | None = None
    if st.webhook_url and st.redis_url:
        lock = RedisUserLock(st.redis_url, f"{st.redis_prefix}:user")
    elif st.webhook_url and not services.db.sqlite:
        lock = PgUserLock(services.db.url)
    services.__dict__["_shared_user_lock"] = lock
    return lock


@contextlib.asynccontextmanager
async def user_lock(services: Any, user_id: int) -> AsyncIterator[None]:
    """Hold ``user_id``'s lock: this process's first, then the one shared by the processes."""
    async with services.lock_for(user_id):
        shared = shared_lock(services)
        if shared is None:
            yield
            return
        async with shared.hold(user_id):
            yield
