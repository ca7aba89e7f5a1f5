"""Long polling that confirms an update to Telegram only once it is handled.

aiogram's polling confirms each batch (the next getUpdates' ``offset``) as soon as it has started handling it,
so an update in hand when the process is killed is never delivered again: its reply is lost. Here the offset
is the lowest update still being handled (a watermark): after a crash Telegram delivers again every update not
finished, the middleware's ``recent_updates`` recognises those already stored, and the user gets the reply
owed (``bot/redelivery.py``). Updates are still handled concurrently (per-user order is the middleware's lock).

getUpdates answers the unconfirmed updates from the offset on, the ones in hand included: those are skipped,
and when a call brought nothing new the next one waits for a handler to finish (at most ``idle_wait`` s), so
long-running handlers do not turn polling into a busy loop. Errors of getUpdates (5xx, timeouts, 429, network)
back off exponentially (``min_backoff`` to ``max_backoff``) and never stop polling.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import GetUpdates

log = logging.getLogger(__name__)


class Poller:
    def __init__(self, bot: Bot, dp: Dispatcher, *, timeout: int = 30, allowed_updates: list[str] | None = None,
                 limit: int = 100, idle_wait: float = 0.2, min_backoff: float = 0.5, max_backoff: float = 10.0):
        self.bot = bot
        self.dp = dp
        self.timeout = timeout
        self.allowed_updates = allowed_updates
        self.limit = limit
        self.idle_wait = idle_wait
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self.inflight: dict[int, asyncio.Task] = {}
        self.next_offset: int | None = None
        self.failures = 0

    def offset(self) -> int | None:
        return min(self.inflight) if self.inflight else self.next_offset

    async def run(self) -> None:
        try:
            while True:
                updates = await self._fetch()
                if updates is None:
                    continue
                fresh = [u for u in updates if u.update_id not in self.inflight
                         and (self.next_offset is None or u.update_id >= self.next_offset)]
                for upd in fresh:
                    self._start(upd)
                if not fresh and self.inflight:
                    await asyncio.wait(list(self.inflight.values()), timeout=self.idle_wait,
                                       return_when=asyncio.FIRST_COMPLETED)
        finally:
            if self.inflight:
                await asyncio.wait(list(self.inflight.values()), timeout=10)

    async def _fetch(self) -> list[Any] | None:
        timeout = 0 if self.inflight else self.timeout
        method = GetUpdates(offset=self.offset(), limit=self.limit, timeout=timeout,
                            allowed_updates=self.allowed_updates)
        try:
            updates = await self.bot(method, request_timeout=int((self.bot.session.timeout or 60) + timeout))
        except asyncio.CancelledError:
            raise
        except Exception as e:  # noqa: BLE001 - the Bot API unreachable or failing: back off, never stop
            self.failures += 1
            delay = min(self.max_backoff, self.min_backoff * 2 ** (self.failures - 1))
            if isinstance(e, TelegramRetryAfter):
                delay = max(delay, float(e.retry_after))
            log.warning("getUpdates failed (%s: %s); try %s again in %.1f s", type(e).__name__,
                        str(e).splitlines()[0][:200] if str(e) else "", self.failures, delay)
            await asyncio.sleep(delay)
            return None
        if self.failures:
            log.info("getUpdates works again after %s failures", self.failures)
            self.failures = 0
        return updates

    def _start(self, upd: Any) -> None:
        uid = upd.update_id
        self.next_offset = max(self.next_offset or 0, uid + 1)
        task = asyncio.create_task(self._handle(upd))
        self.inflight[uid] = task
        task.add_done_callback(lambda _t: self.inflight.pop(uid, None))

    async def _handle(self, upd: Any) -> None:
        try:
            await self.dp.feed_update(self.bot, upd, dispatcher=self.dp, bots=[self.bot])
        except Exception:  # noqa: BLE001 - the error handler has already spoken; polling goes on
            log.exception("update %s failed", upd.update_id)
