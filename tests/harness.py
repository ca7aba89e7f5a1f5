"""Conversation tests: updates fed to the real Dispatcher, the Bot API answered in-process (FakeSession)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.types import Update

from bot.app import make_dispatcher, make_services
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


class Harness:
    def __init__(self, db: Database, db_url: str, clock: Clock | None = None, **settings):
        self.db = db
        self.clock = clock or Clock()
        self.settings = test_settings(db_url, **settings)
        self.api = FakeTelegram(TOKEN)
        from bot.middleware import install

        self.bot = install(Bot(TOKEN, session=FakeSession(self.api),
                               default=DefaultBotProperties(link_preview_is_disabled=True)))
        self.services = make_services(self.settings, db, self.clock)
        self.dp = make_dispatcher(self.services)

    async def start(self) -> Harness:
        await self.services.register_outlines()
        return self

    def user(self, uid: int, name: str = "Cán bộ", last: str | None = None) -> FakeUser:
        return self.api.user(uid, name, last)

    async def flush(self) -> None:
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
