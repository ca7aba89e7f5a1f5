"""The aiogram request middleware every send passes through (:class:`Outbound`), and installing it."""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

from bot.outbound.fitting import fit
from bot.outbound.limits import Budget, Limits, LocalBudget
from bot.outbound.ordering import ChatLanes, Gate
from bot.outbound.priorities import PRIORITY, priority_of
from bot.outbound.reasons import benign, failure_reason, status_code
from bot.outbound.redis_budget import RedisBudget
from bot.outbound.reports import TRACK, OutboundStats, Sink, Undeliverable, db_sink, log_sink

log = logging.getLogger(__name__)


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
        self._lanes = ChatLanes()
        self._gates = {k: Gate(self._taker(k), sleep) for k in ("message", "light")}
        self._tokens = itertools.count()
        self._me = f"{os.getpid()}-{random.getrandbits(32):x}"

    def _taker(self, key: str) -> Callable[[str, int], Awaitable[float]]:
        # the rule read at each take: a layer whose limits adapt (Zalo's, bot/zalo/pace.py) changes ``limits``
        return lambda token, priority: self.budget.take(key, self.limits.rule(key), token, priority)

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Any:
        kind = priority_of(method)
        if kind is None:
            return await make_request(bot, method)
        chat = getattr(method, "chat_id", None) if kind == "message" else None
        if chat is None:
            return await self._deliver(make_request, bot, method, kind, None)
        async with self._lanes.hold(chat):
            parts = fit(bot, method, self.stats)
            result = None
            for part in parts:
                result = await self._deliver(make_request, bot, part, kind, chat)
            return result

    async def call(self, bot: Bot, method: TelegramMethod[TelegramType]) -> TelegramType:
        """Send ``method`` through this outbound layer when it is not installed on ``bot``'s session."""

        async def through_bot(b: Bot, m: TelegramMethod[TelegramType]) -> TelegramType:
            return await b(m)

        return await self(through_bot, bot, method)  # type: ignore[arg-type]

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
                    await self._give_up(kind, method, chat, failure_reason(e, attempts, n429), 429, attempts)
                    raise
                log.info("429 from Telegram: everything waits %s s", e.retry_after)
            except (TelegramServerError, TelegramNetworkError, TimeoutError) as e:
                if track is not None:
                    track.retries_other += 1
                if attempts - n429 >= self.max_attempts:
                    code = 500 if isinstance(e, TelegramServerError) else None
                    await self._give_up(kind, method, chat, failure_reason(e, attempts), code, attempts)
                    raise
                await self.sleep(self._backoff(attempts - n429))
            except TelegramAPIError as e:
                if not benign(e):
                    await self._give_up(kind, method, chat, failure_reason(e, attempts), status_code(e), attempts)
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

