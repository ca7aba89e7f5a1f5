"""One person, any channel: an account reached on Telegram, Zalo or both.

- :class:`ChannelMark` (an update middleware of the Dispatcher) records the channel each update came from
  (``account_channels``) and which person and channel the update being handled is.
- :class:`ChannelRouter` (a request middleware on each channel's bot, right after the commit middleware) sends
  a message meant for a person to the channel they last used: the reply to the update in hand goes back where
  it came from; anything else (a notice, a reminder, the supervisor's return reaching the officer) goes to the
  account's last channel — once, through that channel's own outbound layer. When that channel would not take a
  notice or reminder (the person blocked the bot: Telegram 403, Zalo 403/404), it is sent once on the
  person's other channel, recorded, and that channel becomes the last used.
Accounts that never used Zalo are never looked up (a set of linked accounts, refreshed from the database)."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramForbiddenError, TelegramNotFound
from aiogram.methods import TelegramMethod
from aiogram.types import TelegramObject

from bot.middleware import CommitBeforeApiCall
from bot.services import Services
from storage.channels import Channels, is_synthetic
from storage.repo import Repo

# (channel, account address) of the update being handled
CURRENT: ContextVar[tuple[str, int] | None] = ContextVar("current_channel", default=None)
ROUTED = {"sendMessage", "sendDocument", "sendPhoto", "editMessageText", "sendChatAction"}
FALLBACK = {"sendMessage", "sendDocument", "sendPhoto"}  # what may go on the other channel when undeliverable
UNDELIVERABLE = (TelegramForbiddenError, TelegramNotFound)  # blocked (Telegram, Zalo 403), gone (Zalo 404)
ROUTING: ContextVar[bool] = ContextVar("channel_routing", default=False)  # a router above has chosen already
log = logging.getLogger(__name__)


class Linked:
    """The addresses of accounts that have a Zalo identity (refreshed every ``ttl`` seconds)."""

    def __init__(self, services: Services, ttl: float = 30.0):
        self.services, self.ttl = services, ttl
        self.ids: set[int] = set()
        self._at = -1e9

    async def refresh(self, force: bool = False) -> None:
        if not force and time.monotonic() - self._at < self.ttl:
            return
        self._at = time.monotonic()
        async with self.services.db.read_session() as s:
            self.ids = await Channels(s).linked_addresses("zalo")

    def add(self, chat_id: int) -> None:
        self.ids.add(chat_id)


class ChannelMark(BaseMiddleware):
    def __init__(self, services: Services, linked: Linked):
        self.services, self.linked = services, linked

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        acc = data.get("account")
        channel = data.get("channel", "telegram")
        if acc is None:
            return await handler(event, data)
        await self.linked.refresh()  # at most once per ttl: accounts linked by another process
        if channel != "telegram" or acc.telegram_id in self.linked.ids:
            await Channels(data["repo"].session).set_last_channel(acc.id, channel, self.services.now())
        token = CURRENT.set((channel, acc.telegram_id))
        try:
            return await handler(event, data)
        finally:
            CURRENT.reset(token)


class ChannelRouter(BaseRequestMiddleware):
    """Installed on the bot of ``channel``; ``bots`` maps every running channel to its bot."""

    def __init__(self, services: Services, channel: str, bots: dict[str, Bot], linked: Linked):
        self.services, self.channel, self.bots, self.linked = services, channel, bots, linked
        self.redirected = 0
        self.fell_back = 0

    async def __call__(self, make_request: NextRequestMiddlewareType[Any], bot: Bot,
                       method: TelegramMethod[Any]) -> Any:
        chat = getattr(method, "chat_id", None)
        if method.__api_method__ not in ROUTED or not isinstance(chat, int) or ROUTING.get():
            return await make_request(bot, method)  # (routed already: by the router of the bot it came through)
        target = await self.target(chat)
        other = self.bots.get(target)
        cur = CURRENT.get()
        token = ROUTING.set(True)
        try:
            if target == self.channel or other is None or other is bot:
                return await make_request(bot, method)
            self.redirected += 1
            return await other(method)
        except UNDELIVERABLE as e:
            if cur is not None and cur[1] == chat or method.__api_method__ not in FALLBACK:
                raise  # a reply goes where the person wrote from; an edit or "typing" has no second chance
            return await self._fallback(method, chat, target, e)
        finally:
            ROUTING.reset(token)

    async def _fallback(self, method: TelegramMethod[Any], chat: int, failed: str, error: Exception) -> Any:
        """A notice or reminder the channel last used would not take (blocked, the person gone): sent once on the
        person's other channel, and that recorded — ``outbound_failures`` gets a row saying where it went, the
        account is reachable again (the 403 had marked it blocked) and its last channel becomes the one that
        worked, so the next notice goes there directly. Never a third try; a failure there is raised."""
        alt = next((c for c in self.bots if c != failed), None)
        if alt == "zalo":
            await self.linked.refresh(force=True)  # (rare: the person may have linked Zalo a moment ago)
        if alt is None or is_synthetic(chat) and alt == "telegram" or alt == "zalo" and chat not in self.linked.ids:
            raise error
        result = await self.bots[alt](method)  # ROUTING is set: its router sends it there, no routing again
        self.fell_back += 1
        log.info("notice to %s undeliverable on %s (%s): sent on %s instead", chat, failed, error, alt)
        async with self.services.db.session() as s:
            repo = Repo(s)
            acc = await repo.accounts.account_by_tg(chat)
            await repo.outbox.record_undeliverable(chat, f"fallback:{alt}", getattr(method, "text", None)
                                            or getattr(method, "caption", None),
                                            f"{failed}: {error} — đã gửi qua {alt} thay thế", now=self.services.now())
            if acc is not None:
                await repo.accounts.mark_blocked(chat, False)
                await Channels(s).set_last_channel(acc.id, alt, self.services.now())
            await s.commit()
        return result

    async def target(self, chat: int) -> str:
        if is_synthetic(chat):
            return "zalo"
        cur = CURRENT.get()
        if cur is not None and cur[1] == chat:
            return cur[0]
        await self.linked.refresh()
        if chat not in self.linked.ids:
            return "telegram"
        async with self.services.db.read_session() as s:
            return await Channels(s).last_channel(chat) or "telegram"


def install_router(bot: Bot, router: ChannelRouter) -> None:
    """Right after the commit middleware (before the text layer and the outbound layer)."""
    mws = bot.session.middleware._middlewares
    at = next((i + 1 for i, m in enumerate(mws) if isinstance(m, CommitBeforeApiCall)), 0)
    mws.insert(at, router)
