"""What the web form's processes must share: rate limits (per account, per address), the request ids already
handled (a replayed write is refused), and «this report changed» notices for the pages open on it (live updates).

:class:`LocalStore` keeps them in the process (one process, or REDIS_URL not set); :class:`RedisStore` keeps them in
Redis when REDIS_URL is set, so that behind nginx any process answers any request with the same limits and memory,
and a save in one process reaches the pages streaming from another (pub/sub). When Redis fails mid-way the call
falls back to the process's own store (logged) rather than refusing the officer. Without Redis on PostgreSQL,
:class:`bot.web.pg_notices.PgNoticeStore` carries the notices through the database's LISTEN/NOTIFY.

Notices carry no answers, only ``{"sub": submission id, "by": account id}``: a page told about a change reads what
changed from the database, with its own session's rights."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import orjson

from bot.web.auth import RateLimiter, SeenRequests

log = logging.getLogger("bot.web")
REDIS_CONNECTIONS = 32  # a process's connections to Redis for limits, replay memory and notices
REPLAY_TTL = 6 * 3600  # a request id is remembered this long (a session lasts at most WEB_SESSION_HOURS anyway)

# a token bucket in one Redis hash: fields t (tokens) and at (seconds, Redis's clock); returns 1 when allowed
_BUCKET = """
local now = redis.call('TIME')
now = tonumber(now[1]) + tonumber(now[2]) / 1000000
local rate, burst, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local b = redis.call('HMGET', KEYS[1], 't', 'at')
local t = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
t = math.min(burst, t + math.max(0, now - at) * rate)
local ok = 0
if t >= cost then t = t - cost; ok = 1 end
redis.call('HSET', KEYS[1], 't', tostring(t), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return ok
"""
# a write's two checks in one round trip: the account's bucket (as _BUCKET), then the request id (KEYS[2]) recorded
# if new; returns 0 (rate refused, nothing recorded), 1 (allowed, id new) or 2 (a replay)
_WRITE = _BUCKET.replace("return ok\n", "") + """
if ok == 0 then return 0 end
if redis.call('SET', KEYS[2], 1, 'NX', 'EX', tonumber(ARGV[4])) then return 1 end
return 2
"""


class Hub:
    """In-process fan-out: the queues of the pages listening to each submission."""

    def __init__(self) -> None:
        self.listeners: dict[int, set[asyncio.Queue]] = defaultdict(set)

    def deliver(self, sub_id: int, notice: dict[str, Any]) -> None:
        for q in list(self.listeners.get(sub_id, ())):
            if q.qsize() < 100:  # a page that stopped reading misses notices, not memory
                q.put_nowait(notice)

    @contextlib.asynccontextmanager
    async def listen(self, sub_id: int) -> AsyncIterator[asyncio.Queue]:
        q: asyncio.Queue = asyncio.Queue()
        self.listeners[sub_id].add(q)
        try:
            yield q
        finally:
            self.listeners[sub_id].discard(q)
            if not self.listeners[sub_id]:
                del self.listeners[sub_id]


async def send_or_keep(send: Callable[[list[tuple[int, dict[str, Any]]]], Awaitable[None]],
                       batch: list[tuple[int, dict[str, Any]]], hub: Hub) -> None:
    """``send(batch)`` to every process; when that fails, at least the pages streaming from this process hear it."""
    try:
        await send(batch)
    except Exception as e:  # noqa: BLE001 - a notice only tells pages to look: never the officer's error
        log.warning("web change notices not shared (%s)", e)
        for sid, n in batch:
            hub.deliver(sid, n)

class Moment:
    """The notices of one moment (the saves a group commit answered together) go out as ONE message: the first of
    them waits one turn of the loop for the others, ``send`` sends them all, and every caller returns once sent.
    When sending fails, at least the pages listening in this process hear them (``hub``)."""

    def __init__(self, send: Callable[[list[tuple[int, dict[str, Any]]]], Awaitable[None]], hub: Hub) -> None:
        self.send, self.hub = send, hub
        self._outbox: list[tuple[int, dict[str, Any]]] = []  # notices waiting for this moment's message
        self._sending: asyncio.Future | None = None

    async def publish(self, sub_id: int, notice: dict[str, Any]) -> None:
        self._outbox.append((sub_id, notice))
        if self._sending is not None:
            await asyncio.shield(self._sending)
            return
        self._sending = sent = asyncio.get_running_loop().create_future()
        try:
            await asyncio.sleep(0)
        finally:
            batch, self._outbox, self._sending = self._outbox, [], None
        try:
            await send_or_keep(self.send, batch, self.hub)
        finally:
            sent.set_result(None)


class LocalStore:
    """Everything in this process (the fallback)."""

    shared = False

    def __init__(self) -> None:
        self.buckets: dict[str, RateLimiter] = {}
        self.seen = SeenRequests(ttl=REPLAY_TTL)
        self.hub = Hub()

    async def allow(self, bucket: str, key: str, rate: float, burst: float, cost: float = 1.0) -> bool:
        lim = self.buckets.get(bucket)
        if lim is None or (lim.rate, lim.burst) != (rate, burst):
            lim = self.buckets[bucket] = RateLimiter(rate, burst)
        return lim.allow(key, cost)

    async def first_time(self, sid: str, request_id: str) -> bool:
        return self.seen.first_time(sid, request_id)

    async def write_check(self, key: str, rate: float, burst: float, sid: str, request_id: str) -> str | None:
        """A write's account rate and request id: None (go on), "rate" (too fast: the id is not recorded) or
        "seen" (a replay)."""
        if not await self.allow("save", key, rate, burst):
            return "rate"
        return None if await self.first_time(sid, request_id) else "seen"

    async def publish(self, sub_id: int, notice: dict[str, Any]) -> None:
        self.hub.deliver(sub_id, notice)

    def listen(self, sub_id: int) -> contextlib.AbstractAsyncContextManager[asyncio.Queue]:
        return self.hub.listen(sub_id)

    async def close(self) -> None:
        return None


class Listening(LocalStore):
    """A store whose notices cross processes: one reader task per process (``_read``, started by the first page that
    listens) hears every process's notices and fans them out to this process's pages (``hub``). ``listen_once`` is the
    store's own way to hear them until its connection is lost (it sets ``_ready`` once it hears)."""

    def __init__(self, listen_once: Callable[[], Awaitable[None]]) -> None:
        super().__init__()
        self._listen_once = listen_once
        self._reader: asyncio.Task | None = None
        self._ready = asyncio.Event()

    async def _read(self) -> None:
        """``_listen_once`` again whenever its connection is lost (the pages fall back on their periodic look at
        the database meanwhile)."""
        while True:
            try:
                await self._listen_once()
            except asyncio.CancelledError:
                raise
            except Exception as e:  # noqa: BLE001 - retried: a lost subscription is not the officer's problem
                log.warning("web change notices: %s lost (%s); retrying", type(self).__name__, e)
                await asyncio.sleep(2.0)

    @contextlib.asynccontextmanager
    async def listen(self, sub_id: int) -> AsyncIterator[asyncio.Queue]:
        if self._reader is None or self._reader.done():
            self._ready = asyncio.Event()
            self._reader = asyncio.create_task(self._read())
        with contextlib.suppress(TimeoutError):  # heard from before the page is told it listens
            await asyncio.wait_for(self._ready.wait(), 2.0)
        async with self.hub.listen(sub_id) as q:
            yield q

    async def _stop_reader(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(BaseException):
                await self._reader


class RedisStore(Listening):
    """Limits, replay memory and notices in Redis (keys under ``prefix``), the process's own store as fallback."""

    shared = True

    def __init__(self, url: str, prefix: str) -> None:
        import redis.asyncio as aioredis

        super().__init__(self._subscribe_once)
        self.prefix = prefix
        # a bounded pool that waits for a free connection: a burst of saves (200 at once) would otherwise open a
        # connection each, past the client's default cap of 100, and the rest would fall back to this process's store
        pool = aioredis.BlockingConnectionPool.from_url(url, max_connections=REDIS_CONNECTIONS, timeout=2,
                                                        socket_timeout=2, socket_connect_timeout=2)
        self.redis = aioredis.Redis.from_pool(pool)  # owns the pool: closed with the client
        self._bucket = self.redis.register_script(_BUCKET)
        self._write = self.redis.register_script(_WRITE)
        # the subscription's own client: no read timeout (a quiet channel is not an error), pinged instead
        self.sub_redis = aioredis.from_url(url, socket_connect_timeout=2, health_check_interval=30)
        self._batch = Moment(self._send, self.hub)

    async def allow(self, bucket: str, key: str, rate: float, burst: float, cost: float = 1.0) -> bool:
        try:
            return bool(await self._bucket(keys=[f"{self.prefix}:rate:{bucket}:{key}"], args=[rate, burst, cost]))
        except Exception as e:  # noqa: BLE001 - Redis away: this process's own limits
            log.warning("web rate limit without Redis (%s)", e)
            return await super().allow(bucket, key, rate, burst, cost)

    async def write_check(self, key: str, rate: float, burst: float, sid: str, request_id: str) -> str | None:
        """Both checks in one round trip to Redis (one script), as the two calls would make them."""
        try:
            verdict = await self._write(keys=[f"{self.prefix}:rate:save:{key}", f"{self.prefix}:seen:{sid}:{request_id}"],
                                        args=[rate, burst, 1.0, REPLAY_TTL])
        except Exception as e:  # noqa: BLE001 - Redis away: this process's own limits and memory
            log.warning("web write checks without Redis (%s)", e)
            if not await LocalStore.allow(self, "save", key, rate, burst):
                return "rate"
            return None if await LocalStore.first_time(self, sid, request_id) else "seen"
        return {0: "rate", 1: None}.get(int(verdict), "seen")

    async def first_time(self, sid: str, request_id: str) -> bool:
        try:
            return bool(await self.redis.set(f"{self.prefix}:seen:{sid}:{request_id}", 1, nx=True, ex=REPLAY_TTL))
        except Exception as e:  # noqa: BLE001
            log.warning("web replay memory without Redis (%s)", e)
            return await super().first_time(sid, request_id)

    async def publish(self, sub_id: int, notice: dict[str, Any]) -> None:
        await self._batch.publish(sub_id, notice)

    async def _send(self, batch: list[tuple[int, dict[str, Any]]]) -> None:
        await self.redis.publish(f"{self.prefix}:changed", orjson.dumps([{**n, "sub": sid} for sid, n in batch]))

    async def _subscribe_once(self) -> None:
        """One subscription per process; each notice fans out to this process's listening pages."""
        async with self.sub_redis.pubsub() as ps:
            await ps.subscribe(f"{self.prefix}:changed")
            await ps.get_message(timeout=2.0)  # Redis confirms: from now on a notice reaches us
            self._ready.set()
            async for msg in ps.listen():
                if msg.get("type") == "message":
                    data = orjson.loads(msg["data"])  # a list of notices (one notice: older processes)
                    for notice in data if isinstance(data, list) else [data]:
                        self.hub.deliver(int(notice.get("sub", 0)), notice)

    async def close(self) -> None:
        await self._stop_reader()
        await self.redis.aclose()
        await self.sub_redis.aclose()


def open_store(redis_url: str | None, prefix: str, database_url: str = "") -> LocalStore:
    """Redis when it is set; else, on PostgreSQL, the database's own LISTEN/NOTIFY for the change notices (limits and
    replay memory stay the process's own); else the process alone."""
    if redis_url:
        return RedisStore(redis_url, prefix)
    if database_url.startswith("postgresql"):
        from bot.web.pg_notices import PgNoticeStore

        return PgNoticeStore(database_url, prefix)
    return LocalStore()
