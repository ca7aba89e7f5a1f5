"""The send budget shared by every process through Redis: GCRA and a sliding window in one Lua script."""

from __future__ import annotations

import itertools
import logging
import os
import random
import time
from collections.abc import Callable

from bot.outbound.limits import LocalBudget, Rule
from bot.outbound.priorities import INTERACTIVE

log = logging.getLogger(__name__)

_TAKE_LUA = """
local now = tonumber(ARGV[1])
if now < 0 then local t = redis.call('TIME'); now = tonumber(t[1]) * 1000000 + tonumber(t[2]) end
local interval, burst = tonumber(ARGV[2]), tonumber(ARGV[3])
local limit, window = tonumber(ARGV[4]), tonumber(ARGV[5])
local prio, hold = tonumber(ARGV[7]), tonumber(ARGV[8])
local want = tonumber(redis.call('GET', KEYS[4]) or '0')
local function wanted(w)
  -- an interactive send waits w µs: bulk sends of every process stand back until just after its turn
  if prio == 0 and now + w + hold > want then
    redis.call('SET', KEYS[4], string.format('%.0f', now + w + hold), 'PX', math.ceil((w + hold) / 1000) + 1000)
  end
  return math.ceil(w)
end
local paused = tonumber(redis.call('GET', KEYS[3]) or '0')
if paused > now then return wanted(paused - now) end
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - (burst - 1) * interval - now
if limit > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
  if redis.call('ZCARD', KEYS[2]) >= limit then
    local first = tonumber(redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')[2])
    local w = 10000
    if first <= now then w = first + window - now end
    if w > wait then wait = w end
  end
end
if prio > 0 and want > now then
  -- an interactive send of some process is waiting for a slot: bulk stands back until just after its turn
  return math.ceil(math.max(want - now, wait))
end
if wait > 0 then return wanted(wait) end
local nt = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', nt), 'PX', math.ceil((nt - now) / 1000) + 1000)
if limit > 0 then
  -- in flight until answered (or, if its process died, for a minute): scored in the future
  redis.call('ZADD', KEYS[2], now + 60000000, ARGV[6])
  redis.call('PEXPIRE', KEYS[2], math.ceil(window / 1000) + 61000)
end
return 0
"""

_DONE_LUA = """
local now = tonumber(ARGV[1])
if now < 0 then local t = redis.call('TIME'); now = tonumber(t[1]) * 1000000 + tonumber(t[2]) end
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[2])
return 0
"""

_PAUSE_LUA = """
local now = tonumber(ARGV[1])
if now < 0 then local t = redis.call('TIME'); now = tonumber(t[1]) * 1000000 + tonumber(t[2]) end
local untl = now + tonumber(ARGV[2])
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if untl > cur then
  redis.call('SET', KEYS[1], string.format('%.0f', untl), 'PX', math.ceil(tonumber(ARGV[2]) / 1000) + 1000)
end
local resume = untl + (tonumber(ARGV[4]) - 1) * tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[2]) or '0')
if resume > tat then
  redis.call('SET', KEYS[2], string.format('%.0f', resume), 'PX', math.ceil((resume - now) / 1000) + 1000)
end
return 0
"""


class RedisBudget:
    """The budget shared by every process using the same Redis and ``prefix``.

    Times are Redis's own clock (``TIME``), in microseconds, so processes on different machines agree;
    tests may pass ``clock`` instead. If Redis fails, the in-process budget answers (logged once a minute)."""

    def __init__(self, url: str, prefix: str = "baocao:send", *, clock: Callable[[], float] | None = None,
                 fallback: LocalBudget | None = None):
        import redis.asyncio as aioredis

        self.redis = aioredis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.prefix = prefix
        self.clock = clock
        self.fallback = fallback or LocalBudget()
        self._take = self.redis.register_script(_TAKE_LUA)
        self._pause = self.redis.register_script(_PAUSE_LUA)
        self._done = self.redis.register_script(_DONE_LUA)
        self._ids = itertools.count()
        self._me = f"{os.getpid()}-{random.getrandbits(32):x}"
        self._warned = 0.0
        self._down_until = 0.0
        self.retry_after = 10.0

    def _now_us(self) -> int:
        return int(self.clock() * 1_000_000) if self.clock is not None else -1

    async def take(self, key: str, rule: Rule, token: str = "", priority: int = INTERACTIVE) -> float:
        keys = [f"{self.prefix}:tat:{key}", f"{self.prefix}:log:{key}", f"{self.prefix}:pause",
                f"{self.prefix}:want:{key}"]
        # an interactive send that must wait holds bulk back until this long after its turn (its own wake-up
        # may come a little late on a busy loop)
        hold = max(0.05, 2 * rule.interval)
        args = [self._now_us(), rule.interval * 1e6, rule.burst, rule.limit, rule.window * 1e6,
                token or f"{self._me}-{next(self._ids)}", priority, hold * 1e6]
        if time.monotonic() < self._down_until:
            return self.fallback.take_now(key, rule)
        try:
            wait_us = await self._take(keys=keys, args=args)
        except Exception as e:  # noqa: BLE001 - Redis down: keep sending within this process's budget
            self._warn(e)
            return self.fallback.take_now(key, rule)
        return int(wait_us) / 1_000_000

    async def done(self, key: str, rule: Rule, token: str = "") -> None:
        self.fallback.done_now(key, rule)
        if not rule.limit or not token or time.monotonic() < self._down_until:
            return
        try:
            await self._done(keys=[f"{self.prefix}:log:{key}"], args=[self._now_us(), token])
        except Exception as e:  # noqa: BLE001
            self._warn(e)

    async def pause(self, seconds: float, message_rule: Rule) -> None:
        await self.fallback.pause(seconds, message_rule)
        if time.monotonic() < self._down_until:
            return
        keys = [f"{self.prefix}:pause", f"{self.prefix}:tat:message"]
        try:
            await self._pause(keys=keys, args=[self._now_us(), int(seconds * 1e6), message_rule.interval * 1e6,
                                               message_rule.burst])
        except Exception as e:  # noqa: BLE001
            self._warn(e)

    def _warn(self, e: Exception) -> None:
        self._down_until = time.monotonic() + self.retry_after  # ask Redis again in a while, not on every send
        if time.monotonic() - self._warned > 60:
            self._warned = time.monotonic()
            log.warning("Redis send budget unreachable (%s); using this process's own budget", e)

    async def close(self) -> None:
        await self.redis.aclose()

