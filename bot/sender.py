"""Sending many messages (reminders, digests, "Nhắc ngay") within Telegram's limits, losing none.

The limits, the 429 pauses, the retries of 5xx and network errors and the per-chat order are the outbound
layer's (``bot/outbound/``), shared with every reply the bot sends; this module sends the batch at bulk
priority (interactive replies go first), reports what happened, and finishes each message's reminder_log row:
sent, or failed with the reason. A user who blocked the bot (403) is marked and skipped afterwards.
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
from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup

from bot import outbound
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


class Sender:
    """Sends a batch through the bot's outbound layer; when none is installed on ``bot`` (tests, scripts), through
    a private one built from ``rate``, ``per_chat``, ``chat_burst``, ``max_attempts``, ``clock`` and ``sleep``."""

    def __init__(self, bot: Bot, db: Database | None, *, rate: float = 30.0, per_chat: float = 1.0,
                 chat_burst: int = 3, max_attempts: int = 6, concurrency: int = 16,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.bot = bot
        self.db = db
        self.concurrency = concurrency
        self.clock = clock
        self.now = now
        self.outbound = outbound.installed(bot)
        self._private = self.outbound is None
        if self.outbound is None:
            limits = outbound.Limits(rate=rate, chat_rate=1.0 / per_chat, chat_burst=chat_burst)
            self.outbound = outbound.Outbound(limits, sink=outbound.db_sink(db), max_attempts=max_attempts,
                                              clock=clock, sleep=sleep)

    async def _send(self, item: Outgoing) -> None:
        method = SendMessage(chat_id=item.chat_id, text=item.text, reply_markup=item.markup)
        if self._private:
            await self.outbound.call(self.bot, method)
        else:
            await self.bot(method)

    async def send_one(self, item: Outgoing, report: SendReport) -> tuple[str, str | None, int]:
        with outbound.bulk(), outbound.tracking() as t:
            try:
                await self._send(item)
                status, err = "sent", None
            except TelegramForbiddenError as e:
                status, err = "blocked", outbound.failure_reason(e, t.attempts)
            except (TelegramRetryAfter, TelegramBadRequest, TelegramServerError, TelegramNetworkError,
                    TimeoutError) as e:
                status, err = "failed", outbound.failure_reason(e, t.attempts)
        report.retries_429 += t.retries_429
        report.retries_other += t.retries_other
        return status, err, max(1, t.attempts)

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
                    status, err, attempts = "failed", outbound.failure_reason(e, 1), 1
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
            for it, status, err, attempts in results:  # a 403 was marked by the undeliverable sink
                if it.log_id is not None:
                    await repo.outbox.finish_reminder(it.log_id, "sent" if status == "sent" else "failed",
                                               error=err, attempts=attempts, now=now)
            await s.commit()
