"""One outbound path: every Bot API call that sends something passes through :class:`Outbound`.

It is an aiogram request middleware on the bot's session (installed by ``bot.app.make_bot``), so replies
from handlers, reminders, digests and exports all go through it without knowing it. It

* keeps the bot-wide budget: ``SEND_RATE`` messages per second, evenly spaced, at most ``SEND_RATE`` in any
  second (a few percent under it, so timing jitter draws no 429), with a small burst after a quiet spell;
* keeps about one message per second per chat, with short bursts (``SEND_CHAT_BURST``, 3 by default, then
  1/s), as Telegram tolerates;
* keeps each chat's messages in order: a per-chat FIFO lane, held across waits and retries;
* serves interactive replies before bulk sends (reminders, digests, "Nhắc ngay"): wrap those in
  ``with bulk():``; when both wait for the budget, interactive goes first — within a process by the order of
  its waiters, and across processes sharing Redis because an interactive send that has to wait marks the
  budget as wanted until just after its turn, and bulk sends of every process stand back meanwhile;
* on 429 pauses the whole budget for ``retry_after`` and retries in order; retries 5xx and network errors
  (timeouts included) with exponential backoff and jitter, a bounded number of times;
* never drops a message silently: it is delivered, or reported to the undeliverable sink (403 blocked,
  400 chat not found / bad request, attempts exhausted) with the reason, then the error is raised to the
  caller as before;
* shares the budget between processes through Redis when ``REDIS_URL`` is set (GCRA + sliding window in
  one Lua script, Redis's clock), falling back to the in-process budget if Redis cannot be reached;
* counts what happened (:class:`OutboundStats`) for the benchmarks.

Light calls — answerCallbackQuery, sendChatAction, deleteMessage — are not messages a user reads and are
not counted against the message budget or the per-chat limit: they have their own, looser bucket
(``SEND_LIGHT_RATE``, 100/s), get the same 429 pause and retries, and are not reported to the sink.
Everything else (getUpdates, setMyCommands, getFile…) passes through untouched.

A retry after a timeout may deliver a message twice (Telegram may have received the first attempt):
at least once rather than never.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import os
import random
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Protocol

from aiogram import Bot
from aiogram.client.default import Default
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

from bot.texts import TELEGRAM_TEXT_LIMIT, clip, split_text, utf16_len

log = logging.getLogger(__name__)

INTERACTIVE = 0
BULK = 1
PRIORITY: ContextVar[int] = ContextVar("outbound_priority", default=INTERACTIVE)

LIGHT_METHODS = frozenset({"answerCallbackQuery", "sendChatAction", "deleteMessage", "deleteMessages",
                           "answerInlineQuery"})
MESSAGE_PREFIXES = ("send", "editMessage", "copyMessage", "forwardMessage")
CAPTION_LIMIT = 1024


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Sends inside this block (reminders, digests, "Nhắc ngay") wait behind interactive replies."""
    token = PRIORITY.set(BULK)
    try:
        yield
    finally:
        PRIORITY.reset(token)


@contextlib.contextmanager
def interactive() -> Iterator[None]:
    token = PRIORITY.set(INTERACTIVE)
    try:
        yield
    finally:
        PRIORITY.reset(token)


def kind_of(method: TelegramMethod[Any]) -> str | None:
    """"message", "light", or None for calls that send nothing."""
    name = method.__api_method__
    if name in LIGHT_METHODS:
        return "light"
    if name.startswith(MESSAGE_PREFIXES):
        return "message"
    return None


# --------------------------------------------------------------------------- results, tracking, counters


@dataclass
class Undeliverable:
    """A message that could not be delivered, with the reason (handed to the sink)."""

    chat_id: int | str | None
    method: str
    reason: str
    code: int | None
    text: str | None
    priority: int
    attempts: int


Sink = Callable[[Undeliverable], Awaitable[None]]


@dataclass
class Delivery:
    """What happened to the sends made inside ``tracking()`` (the reminder sender reads it)."""

    attempts: int = 0
    retries_429: int = 0
    retries_other: int = 0


TRACK: ContextVar[Delivery | None] = ContextVar("outbound_track", default=None)


@contextlib.contextmanager
def tracking() -> Iterator[Delivery]:
    d = Delivery()
    token = TRACK.set(d)
    try:
        yield d
    finally:
        TRACK.reset(token)


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s))) - 1))]


@dataclass
class OutboundStats:
    sent: int = 0
    light: int = 0
    seen_429: int = 0
    retries: int = 0
    undeliverable: int = 0
    split: int = 0
    clipped: int = 0
    waits: dict[int, deque] = field(default_factory=lambda: {INTERACTIVE: deque(maxlen=100_000),
                                                              BULK: deque(maxlen=100_000)})

    def wait(self, p: float, priority: int | None = None) -> float:
        """The p-th percentile (seconds) of the time a message waited before its first attempt."""
        vals = list(self.waits[priority]) if priority is not None else [*self.waits[INTERACTIVE], *self.waits[BULK]]
        return _percentile(vals, p)

    def as_dict(self) -> dict[str, float]:
        return {"sent": self.sent, "light": self.light, "seen_429": self.seen_429, "retries": self.retries,
                "undeliverable": self.undeliverable, "split": self.split, "clipped": self.clipped,
                "wait_p50": self.wait(50), "wait_p99": self.wait(99),
                "wait_p50_interactive": self.wait(50, INTERACTIVE), "wait_p99_interactive": self.wait(99, INTERACTIVE),
                "wait_p50_bulk": self.wait(50, BULK), "wait_p99_bulk": self.wait(99, BULK)}


# --------------------------------------------------------------------------- budgets


@dataclass(frozen=True)
class Rule:
    """GCRA spacing (``interval`` seconds, ``burst`` at once) and, if ``limit``, at most ``limit`` in ``window`` s."""

    interval: float
    burst: int = 1
    limit: int = 0
    window: float = 1.0


@dataclass(frozen=True)
class Limits:
    rate: float = 30.0
    burst: int = 5
    chat_rate: float = 1.0
    chat_burst: int = 3
    light_rate: float = 100.0
    margin: float = 0.03  # stay this fraction under the rate, so jitter in transit draws no 429

    def rule(self, key: str) -> Rule | None:
        """The rule of a budget key ("message", "light", "chat"); None: no per-chat limit (``chat_rate`` 0)."""
        if key == "message":
            window = 1.0 + self.margin
            return Rule(window / self.rate, max(1, self.burst), max(1, int(self.rate)), window)
        if key == "light":
            return Rule(1.0 / self.light_rate, max(1, int(self.light_rate // 5)))
        return Rule(1.0 / self.chat_rate, max(1, self.chat_burst)) if self.chat_rate > 0 else None


class Budget(Protocol):
    async def take(self, key: str, rule: Rule, token: str = "", priority: int = INTERACTIVE) -> float:
        """Take one slot of ``key`` now and return 0, or return how long (s) to wait before asking again.

        ``priority``: a BULK take yields to INTERACTIVE sends waiting for the same key (in other processes too).

        A slot of a windowed rule stays in the window from its take until ``window`` after its ``done``: the
        server counts a request when it arrives, which may be later than the take (transit, a busy CPU)."""

    async def done(self, key: str, rule: Rule, token: str = "") -> None:
        """The request of slot ``token`` is answered."""

    async def pause(self, seconds: float, message_rule: Rule) -> None:
        """Nothing is sent for ``seconds`` (Telegram answered 429)."""


@dataclass
class _State:
    tat: float = 0.0
    log: deque = field(default_factory=deque)  # when the answered requests of the window were answered
    flight: int = 0  # requests taken and not answered yet


class LocalBudget:
    """The budget of one process: GCRA per key, a sliding window where the rule has one, a shared pause."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.paused_until = 0.0
        self._state: dict[str, _State] = {}

    async def take(self, key: str, rule: Rule, token: str = "", priority: int = INTERACTIVE) -> float:
        return self.take_now(key, rule)  # one process: its gate already orders the waiters by priority

    async def done(self, key: str, rule: Rule, token: str = "") -> None:
        self.done_now(key, rule)

    def done_now(self, key: str, rule: Rule) -> None:
        st = self._state.get(key)
        if rule.limit and st is not None and st.flight > 0:
            st.flight -= 1
            st.log.append(self.clock())

    def take_now(self, key: str, rule: Rule) -> float:
        now = self.clock()
        if now < self.paused_until:
            return self.paused_until - now
        st = self._state.get(key)
        if st is None:
            if len(self._state) > 50_000:
                self._prune(now)
            st = self._state[key] = _State()
        tat = max(st.tat, now)
        wait = tat - (rule.burst - 1) * rule.interval - now
        if rule.limit:
            while st.log and st.log[0] <= now - rule.window:
                st.log.popleft()
            if len(st.log) + st.flight >= rule.limit:
                wait = max(wait, st.log[0] + rule.window - now if st.log else 0.01)
        if wait > 1e-9:
            return wait
        st.tat = tat + rule.interval
        if rule.limit:
            st.flight += 1
        return 0.0

    async def pause(self, seconds: float, message_rule: Rule) -> None:
        now = self.clock()
        self.paused_until = max(self.paused_until, now + seconds)
        st = self._state.setdefault("message", _State())
        # resume evenly spaced, without a burst, after the pause
        st.tat = max(st.tat, self.paused_until + (message_rule.burst - 1) * message_rule.interval)

    def _prune(self, now: float) -> None:
        for k in [k for k, s in self._state.items() if s.tat < now and not s.log and not s.flight]:
            del self._state[k]


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


# --------------------------------------------------------------------------- turns and lanes


class _Gate:
    """Waiters for one budget key take turns by (priority, arrival); only the first in line asks for a slot."""

    def __init__(self, take: Callable[[str, int], Awaitable[float]], sleep: Callable[[float], Awaitable[None]]):
        self._take = take
        self._sleep = sleep
        self._heap: list[list[Any]] = []
        self._seq = itertools.count()

    async def acquire(self, priority: int, token: str) -> None:
        entry = [priority, next(self._seq), asyncio.Event()]
        heapq.heappush(self._heap, entry)
        try:
            while True:
                if self._heap[0] is entry:
                    wait = await self._take(token, priority)
                    if wait <= 0:
                        return
                    await self._sleep(wait)
                else:
                    await entry[2].wait()
                    entry[2].clear()
        finally:
            if self._heap and self._heap[0] is entry:
                heapq.heappop(self._heap)
            else:
                self._heap.remove(entry)
                heapq.heapify(self._heap)
            if self._heap:
                self._heap[0][2].set()


class _Lanes:
    """One FIFO lane per chat: a later call to the same chat never overtakes an earlier one."""

    def __init__(self) -> None:
        self._tails: dict[Any, asyncio.Future] = {}

    @contextlib.asynccontextmanager
    async def hold(self, chat: Any):
        prev = self._tails.get(chat)
        mine: asyncio.Future = asyncio.get_running_loop().create_future()
        self._tails[chat] = mine
        try:
            if prev is not None and not prev.done():
                await asyncio.shield(prev)
            yield
        finally:
            if prev is not None and not prev.done():
                # cancelled while waiting: the next in line still waits for the one before us
                prev.add_done_callback(lambda _f: mine.done() or mine.set_result(None))
            elif not mine.done():
                mine.set_result(None)
            if self._tails.get(chat) is mine:
                del self._tails[chat]


# --------------------------------------------------------------------------- the middleware


async def log_sink(item: Undeliverable) -> None:
    log.warning("undeliverable: chat=%s method=%s code=%s attempts=%s reason=%s", item.chat_id, item.method,
                item.code, item.attempts, item.reason)


def db_sink(db: Any) -> Sink:
    """The default sink (``bot/undeliverable.py``): a clear log line, the message recorded and, on 403, the
    account marked blocked."""
    from bot import undeliverable

    return undeliverable.sink(db)


class Outbound(BaseRequestMiddleware):
    def __init__(self, limits: Limits | None = None, *, budget: Budget | None = None, sink: Sink | None = None,
                 max_attempts: int = 6, max_429: int = 10, backoff: float = 0.5, max_backoff: float = 30.0,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, rng: random.Random | None = None):
        self.limits = limits or Limits()
        self.budget: Budget = budget or LocalBudget(clock)
        self.sink: Sink = sink or log_sink
        self.max_attempts = max_attempts
        self.max_429 = max_429
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.clock = clock
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.stats = OutboundStats()
        self._lanes = _Lanes()
        self._gates = {k: _Gate(self._taker(k), sleep) for k in ("message", "light")}
        self._tokens = itertools.count()
        self._me = f"{os.getpid()}-{random.getrandbits(32):x}"

    def _taker(self, key: str) -> Callable[[str, int], Awaitable[float]]:
        rule = self.limits.rule(key)
        return lambda token, priority: self.budget.take(key, rule, token, priority)

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Any:
        kind = kind_of(method)
        if kind is None:
            return await make_request(bot, method)
        chat = getattr(method, "chat_id", None) if kind == "message" else None
        if chat is None:
            return await self._deliver(make_request, bot, method, kind, None)
        async with self._lanes.hold(chat):
            parts = self._fit(bot, method)
            result = None
            for part in parts:
                result = await self._deliver(make_request, bot, part, kind, chat)
            return result

    async def call(self, bot: Bot, method: TelegramMethod[TelegramType]) -> TelegramType:
        """Send ``method`` through this outbound layer when it is not installed on ``bot``'s session."""

        async def through_bot(b: Bot, m: TelegramMethod[TelegramType]) -> TelegramType:
            return await b(m)

        return await self(through_bot, bot, method)  # type: ignore[arg-type]

    def _fit(self, bot: Bot, method: TelegramMethod[Any]) -> list[TelegramMethod[Any]]:
        """The last line of defence: no text over 4,096 characters (UTF-16 units) leaves the bot."""
        name = method.__api_method__
        text = getattr(method, "text", None)
        if isinstance(text, str) and utf16_len(text) > TELEGRAM_TEXT_LIMIT:
            if name == "sendMessage" and not _parse_mode(bot, method) and not getattr(method, "entities", None):
                chunks = split_text(text, TELEGRAM_TEXT_LIMIT)
                self.stats.split += 1
                log.warning("text of %s characters to chat %s split into %s messages", len(text),
                            getattr(method, "chat_id", None), len(chunks))
                last = len(chunks) - 1
                return [method.model_copy(update={"text": c, **({} if i == last else {"reply_markup": None})})
                        for i, c in enumerate(chunks)]
            self.stats.clipped += 1
            log.warning("text of %s characters in %s to chat %s cut to fit", len(text), name,
                        getattr(method, "chat_id", None))
            return [method.model_copy(update=_drop_entities(method, {"text": clip(text)}, "entities"))]
        caption = getattr(method, "caption", None)
        if isinstance(caption, str) and utf16_len(caption) > CAPTION_LIMIT:
            self.stats.clipped += 1
            log.warning("caption of %s characters in %s cut to fit", len(caption), name)
            return [method.model_copy(update=_drop_entities(method, {"caption": clip(caption, CAPTION_LIMIT)},
                                                            "caption_entities"))]
        return [method]

    async def _acquire(self, kind: str, chat: Any) -> str:
        """Wait for the chat's slot, then for a slot of the budget; returns the slot's token."""
        rule = self.limits.rule("chat")
        if chat is not None and rule is not None:
            while (wait := await self.budget.take(f"chat:{chat}", rule)) > 0:
                await self.sleep(wait)
        token = f"{self._me}-{next(self._tokens)}"
        await self._gates[kind].acquire(PRIORITY.get(), token)
        return token

    async def _deliver(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType], kind: str, chat: Any) -> Any:
        track = TRACK.get()
        arrived = self.clock()
        attempts = n429 = 0
        while True:
            token = await self._acquire(kind, chat)
            if attempts == 0:
                self.stats.waits[PRIORITY.get()].append(self.clock() - arrived)
            attempts += 1
            if track is not None:
                track.attempts += 1
            try:
                try:
                    result = await make_request(bot, method)
                finally:
                    await self.budget.done(kind, self.limits.rule(kind), token)
            except TelegramRetryAfter as e:
                self.stats.seen_429 += 1
                n429 += 1
                if track is not None:
                    track.retries_429 += 1
                await self.budget.pause(float(e.retry_after), self.limits.rule("message"))
                if n429 >= self.max_429:
                    await self._give_up(kind, method, chat, f"429 lặp lại {n429} lần (retry_after={e.retry_after})",
                                        429, attempts)
                    raise
                log.info("429 from Telegram: everything waits %s s", e.retry_after)
            except (TelegramServerError, TelegramNetworkError, TimeoutError) as e:
                if track is not None:
                    track.retries_other += 1
                if attempts - n429 >= self.max_attempts:
                    code = 500 if isinstance(e, TelegramServerError) else None
                    await self._give_up(kind, method, chat, f"lỗi máy chủ/mạng sau {attempts} lần thử: {e}",
                                        code, attempts)
                    raise
                await self.sleep(self._backoff(attempts - n429))
            except TelegramAPIError as e:
                if not _benign(e):
                    await self._give_up(kind, method, chat, f"{_code(e)}: {e.message}", _code(e), attempts)
                raise
            else:
                if kind == "message":
                    self.stats.sent += 1
                else:
                    self.stats.light += 1
                return result
            self.stats.retries += 1

    def _backoff(self, n: int) -> float:
        base = min(self.max_backoff, self.backoff * 2 ** (n - 1))
        return base * (0.5 + self.rng.random())

    async def _give_up(self, kind: str, method: TelegramMethod[Any], chat: Any, reason: str, code: int | None,
                       attempts: int) -> None:
        if kind != "message":
            log.warning("%s failed for good: %s", method.__api_method__, reason)
            return
        self.stats.undeliverable += 1
        item = Undeliverable(chat, method.__api_method__, reason, code, getattr(method, "text", None),
                             PRIORITY.get(), attempts)
        try:
            await self.sink(item)
        except Exception:  # noqa: BLE001 - recording must not hide the original error
            log.exception("undeliverable sink failed for chat %s", chat)


def _parse_mode(bot: Bot, method: TelegramMethod[Any]) -> str | None:
    mode = getattr(method, "parse_mode", None)
    return bot.default[mode.name] if isinstance(mode, Default) else mode


def _drop_entities(method: TelegramMethod[Any], update: dict[str, Any], field_name: str) -> dict[str, Any]:
    """Entities point into the uncut text: drop them with the cut (when the method has them)."""
    if field_name in type(method).model_fields:
        update[field_name] = None
    return update


def _code(e: TelegramAPIError) -> int:
    from aiogram.exceptions import (
        TelegramEntityTooLarge,
        TelegramForbiddenError,
        TelegramNotFound,
        TelegramUnauthorizedError,
    )

    for cls, code in ((TelegramForbiddenError, 403), (TelegramBadRequest, 400), (TelegramNotFound, 404),
                      (TelegramUnauthorizedError, 401), (TelegramEntityTooLarge, 413)):
        if isinstance(e, cls):
            return code
    return 0


def _benign(e: TelegramAPIError) -> bool:
    """An edit that changes nothing is not a lost message."""
    return isinstance(e, TelegramBadRequest) and "message is not modified" in e.message


# --------------------------------------------------------------------------- installing


def installed(bot: Bot) -> Outbound | None:
    for m in bot.session.middleware:
        if isinstance(m, Outbound):
            return m
    return None


def install(bot: Bot, outbound: Outbound | None = None) -> Outbound:
    """Install ``outbound`` (or a default one) on ``bot``'s session, once; returns the installed one."""
    found = installed(bot)
    if found is not None:
        return found
    ob = outbound or Outbound()
    bot.session.middleware(ob)
    return ob


def from_settings(settings: Any, bot: Bot, *, db: Any = None) -> Outbound:
    """The outbound layer configured from ``Settings`` (SEND_*, REDIS_URL)."""
    limits = Limits(rate=settings.send_rate, burst=settings.send_burst, chat_rate=settings.send_chat_rate,
                    chat_burst=settings.send_chat_burst, light_rate=settings.send_light_rate)
    budget: Budget | None = None
    if settings.redis_url:
        budget = RedisBudget(settings.redis_url, f"{settings.redis_prefix}:{bot.id}")
    return Outbound(limits, budget=budget, sink=db_sink(db), max_attempts=settings.send_max_attempts)


__all__ = ["Outbound", "Limits", "Rule", "LocalBudget", "RedisBudget", "Undeliverable", "OutboundStats", "Delivery",
           "bulk", "interactive", "tracking", "install", "installed", "from_settings", "db_sink", "log_sink",
           "INTERACTIVE", "BULK", "PRIORITY"]
