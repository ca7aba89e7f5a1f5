"""Sending many messages within Telegram's limits, losing none.

At most ``rate`` messages per second overall and one per second per chat. A 429 answer pauses every
sender for the ``retry_after`` it names, then the message is retried (aiogram raises TelegramRetryAfter
and does not retry by itself). A user who blocked the bot (403) is marked and skipped. Server and network
errors are retried with backoff. Every message ends sent or recorded as undeliverable with the reason.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardMarkup

from storage.db import Database
from storage.repo import Repo

log = logging.getLogger(__name__)


@dataclass
class Outgoing:
    chat_id: int
    text: str
    markup: InlineKeyboardMarkup | None = None
    log_id: int | None = None  # the reminder_log row to finish, if any


@dataclass
class SendReport:
    sent: int = 0
    failed: Counter = field(default_factory=Counter)
    retries_429: int = 0
    retries_other: int = 0
    seconds: float = 0.0

    @property
    def undeliverable(self) -> int:
        return sum(self.failed.values())

    @property
    def total(self) -> int:
        return self.sent + self.undeliverable


class RateLimiter:
    """Evenly spaced slots at ``rate`` per second; a 429 pushes every later slot past its retry_after."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.interval = 1.0 / rate
        self.clock = clock
        self.sleep = sleep
        self.next_slot = 0.0

    async def acquire(self) -> None:
        now = self.clock()
        slot = max(now, self.next_slot)
        self.next_slot = slot + self.interval
        if slot > now:
            await self.sleep(slot - now)

    def pause(self, seconds: float) -> None:
        self.next_slot = max(self.next_slot, self.clock() + seconds)


class Sender:
    def __init__(self, bot: Bot, db: Database | None, *, rate: float = 30.0, per_chat: float = 1.0,
                 max_attempts: int = 6, concurrency: int = 16, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)):
        # keep a small margin under the allowed rate so jitter does not draw 429s
        self.limiter = RateLimiter(rate * 0.97, clock=clock, sleep=sleep)
        self.bot = bot
        self.db = db
        self.per_chat = per_chat
        self.max_attempts = max_attempts
        self.concurrency = concurrency
        self.clock = clock
        self.sleep = sleep
        self.now = now
        self._last_chat: dict[int, float] = {}

    async def _chat_gap(self, chat_id: int) -> None:
        last = self._last_chat.get(chat_id)
        now = self.clock()
        if last is not None and now - last < self.per_chat:
            wait = self.per_chat - (now - last)
            self._last_chat[chat_id] = now + wait
            await self.sleep(wait)
        else:
            self._last_chat[chat_id] = now

    async def send_one(self, item: Outgoing, report: SendReport) -> tuple[str, str | None, int]:
        attempts = 0
        backoff = 0.5
        await self._chat_gap(item.chat_id)
        while True:
            attempts += 1
            await self.limiter.acquire()
            try:
                await self.bot.send_message(item.chat_id, item.text, reply_markup=item.markup)
                return "sent", None, attempts
            except TelegramRetryAfter as e:
                report.retries_429 += 1
                self.limiter.pause(float(e.retry_after))
                if attempts >= self.max_attempts * 4:
                    return "failed", f"429 lặp lại quá nhiều lần (retry_after={e.retry_after})", attempts
            except TelegramForbiddenError as e:
                return "blocked", f"403: {e.message}", attempts
            except TelegramBadRequest as e:
                return "failed", f"400: {e.message}", attempts
            except (TelegramServerError, TelegramNetworkError) as e:
                report.retries_other += 1
                if attempts >= self.max_attempts:
                    return "failed", f"lỗi máy chủ/mạng sau {attempts} lần thử: {e}", attempts
                await self.sleep(backoff)
                backoff = min(backoff * 2, 8.0)

    async def send_all(self, items: list[Outgoing]) -> SendReport:
        report = SendReport()
        start = self.clock()
        queue: asyncio.Queue[Outgoing] = asyncio.Queue()
        for it in items:
            queue.put_nowait(it)
        results: list[tuple[Outgoing, str, str | None, int]] = []
        flush_lock = asyncio.Lock()

        async def flush(force: bool = False) -> None:
            # outcomes are written as they come (every 50), so a process killed mid-batch leaves
            # "pending" only what it had not finished
            if len(results) < 50 and not (force and results):
                return
            async with flush_lock:
                batch = results[:]
                del results[: len(batch)]
                await self._record(batch)

        async def worker() -> None:
            while True:
                try:
                    it = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                try:
                    status, err, attempts = await self.send_one(it, report)
                except Exception as e:  # noqa: BLE001 - never lose a message silently
                    log.exception("sending to %s failed", it.chat_id)
                    status, err, attempts = "failed", f"lỗi không lường trước: {e!r}", 1
                results.append((it, status, err, attempts))
                if status == "sent":
                    report.sent += 1
                else:
                    report.failed["blocked" if status == "blocked" else (err or "failed").split(":")[0]] += 1
                await flush()

        await asyncio.gather(*(worker() for _ in range(max(1, min(self.concurrency, len(items))))))
        report.seconds = self.clock() - start
        await flush(force=True)
        return report

    async def _record(self, results: list[tuple[Outgoing, str, str | None, int]]) -> None:
        if self.db is None or not results:
            return
        now = self.now()
        async with self.db.session() as s:
            repo = Repo(s)
            for it, status, err, attempts in results:
                if status == "blocked":
                    await repo.mark_blocked(it.chat_id)
                if it.log_id is not None:
                    await repo.finish_reminder(it.log_id, "sent" if status == "sent" else "failed",
                                               error=err, attempts=attempts, now=now)
            await s.commit()
