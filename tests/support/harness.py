"""Conversation tests: updates fed to the real Dispatcher, the Bot API answered in-process (FakeSession)."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from datetime import UTC, datetime, timedelta

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.types import Update

from bot import outbound
from bot.app import make_dispatcher, make_services, undeliverable_sink
from bot.config import Settings
from bot.devtools.fakeapi import FakeSession, FakeTelegram, FakeUser
from storage.db import Database

TOKEN = "123456:TEST-TOKEN"


class Clock:
    def __init__(self, start: datetime | None = None):
        self.t = start or datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # Tuesday 9:00 in Hà Nội

    def __call__(self) -> datetime:
        return self.t

    def advance(self, **kw) -> None:
        self.t += timedelta(**kw)


def test_settings(db_url: str, **kw) -> Settings:
    base = dict(bot_token=TOKEN, database_url=db_url, admin_ids=[900], bot_username="tro_ly_bao_cao_demo_bot")
    base.update(kw)
    return Settings(_env_file=None, **base)


class VirtualClock:
    """Virtual monotonic time for the outbound layer: nothing waits in real time.

    Inside :meth:`run`, ``sleep`` parks the caller until every running task has settled, then the clock jumps
    to the earliest wake-up. Outside ``run`` (a test calling the bot directly) a sleep moves the clock at once."""

    def __init__(self, t: float = 1000.0):
        self.t = t
        self._sleepers: list[tuple[float, int, asyncio.Future]] = []
        self._seq = itertools.count()
        self._running = 0

    def __call__(self) -> float:
        return self.t

    async def sleep(self, dt: float) -> None:
        if dt <= 0:
            await asyncio.sleep(0)
            return
        if not self._running:
            self.t += dt
            await asyncio.sleep(0)
            return
        fut = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.t + dt, next(self._seq), fut))
        await fut

    async def run(self, aw):
        task = asyncio.ensure_future(aw)
        self._running += 1
        try:
            while not task.done():
                for _ in range(30):
                    await asyncio.sleep(0)
                if task.done():
                    break
                await asyncio.sleep(0.001)  # let database threads answer
                if task.done() or not self._sleepers:
                    continue
                self.t = max(self.t, self._sleepers[0][0])
                while self._sleepers and self._sleepers[0][0] <= self.t:
                    fut = heapq.heappop(self._sleepers)[2]
                    if not fut.done():
                        fut.set_result(None)
        finally:
            self._running -= 1
        return task.result()


class Harness:
    def __init__(self, db: Database, db_url: str, clock: Clock | None = None, **settings):
        self.db = db
        self.clock = clock or Clock()
        self.settings = test_settings(db_url, **settings)
        self.api = FakeTelegram(TOKEN)
        from bot.middleware import install

        self.bot = install(Bot(TOKEN, session=FakeSession(self.api),
                               default=DefaultBotProperties(link_preview_is_disabled=True)))
        # the real bot's outbound layer (budget, per-chat pacing, retries, undeliverable sink) on virtual time
        self.vclock = VirtualClock()
        self.outbound = outbound.install(self.bot, outbound.Outbound(
            sink=undeliverable_sink(db, self.clock), clock=self.vclock, sleep=self.vclock.sleep))
        self.services = make_services(self.settings, db, self.clock)
        self.dp = make_dispatcher(self.services)

    async def start(self) -> Harness:
        await self.services.register_outlines()
        return self

    def user(self, uid: int, name: str = "Cán bộ", last: str | None = None) -> FakeUser:
        return self.api.user(uid, name, last)

    async def flush(self) -> None:
        await self.vclock.run(self._flush())

    async def _flush(self) -> None:
        while self.api.updates:
            pending, self.api.updates = self.api.updates, []
            for raw in pending:
                upd = Update.model_validate(raw, context={"bot": self.bot})
                await self.dp.feed_update(self.bot, upd)

    async def say(self, user: FakeUser, text: str) -> list[str]:
        before = len(self.api.messages(user.id))
        await user.send(text)
        await self.flush()
        return [m.text for m in self.api.messages(user.id)[before:]]

    async def press(self, user: FakeUser, text: str, **kw) -> list[str]:
        before = len(self.api.messages(user.id))
        await user.press(text, **kw)
        await self.flush()
        return [m.text for m in self.api.messages(user.id)[before:]]

    def alerts(self) -> list[str]:
        return [c.params.get("text", "") for c in self.api.calls_of("answerCallbackQuery") if c.params.get("text")]
