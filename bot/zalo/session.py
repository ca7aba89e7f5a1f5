"""An aiogram session that speaks the Zalo Bot API.

Below the Zalo bot's request middlewares (commit, text rendering, the outbound layer) only plain calls arrive
here: ``sendMessage`` (text ≤ 2,000 characters, no buttons), ``sendPhoto`` with a URL, ``sendChatAction``,
``getMe``. The account's integer address (``chat_id``) is turned into the person's Zalo id; Zalo's answers are
turned into aiogram objects, its errors into aiogram's exceptions (429 → ``TelegramRetryAfter`` with the wait
``pace.py`` chose from Zalo's hint, 5xx and network
→ retried by the outbound layer, 403/404 → recorded as undeliverable)."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import TelegramMethod
from aiogram.types import Chat, Message, User

from bot.zalo.api import ZaloClient, ZaloError
from bot.zalo.pace import Pace

log = logging.getLogger(__name__)

Resolver = Callable[[int], Awaitable[str | None]]
# calls that mean nothing on Zalo (no command menu, no inline answers): answered True without a request
NO_OPS = frozenset({"setMyCommands", "deleteMyCommands", "deleteWebhook", "setWebhook", "deleteMessage",
                    "editMessageReplyMarkup", "answerCallbackQuery", "setChatMenuButton", "setMyDescription",
                    "setMyShortDescription", "setMyName"})
ACTIONS = {"typing": "typing"}


class ZaloSession(BaseSession):
    def __init__(self, client: ZaloClient, resolve: Resolver):
        super().__init__()
        self.client = client
        self.resolve = resolve
        self._ids = itertools.count(1)
        self.me: dict[str, Any] | None = None
        self.pace: Pace | None = None  # the Zalo outbound layer's adaptive pace (run.py), when installed

    def _sent(self) -> None:
        if self.pace is not None:
            self.pace.on_sent()

    async def close(self) -> None:
        await self.client.close()

    async def stream_content(self, url: str, headers: dict[str, Any] | None = None, timeout: int = 30,
                             chunk_size: int = 65536, raise_for_status: bool = True):  # pragma: no cover
        raise TelegramBadRequest(method=None, message="Zalo bots receive no files")  # type: ignore[arg-type]
        yield b""

    async def make_request(self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:
        name = method.__api_method__
        if name in NO_OPS:
            return True
        try:
            if name == "getMe":
                return await self._get_me(bot)
            chat = await self._chat(method)
            if name == "sendMessage":
                res = await self.client.send_message(chat, method.text)
                self._sent()
                return self._message(method, res, method.text)
            if name == "sendPhoto" and isinstance(method.photo, str):
                res = await self.client.send_photo(chat, method.photo, method.caption)
                self._sent()
                return self._message(method, res, method.caption or "")
            if name == "sendChatAction":
                return await self.client.send_chat_action(chat, ACTIONS.get(method.action, "typing")) or True
        except ZaloError as e:
            if e.code == 429 and self.pace is not None:
                e.retry_after = self.pace.on_429(e.retry_after)
            raise _as_aiogram(method, e) from e
        raise TelegramBadRequest(method=method, message=f"{name} is not available on Zalo")

    async def _get_me(self, bot: Bot) -> User:
        if self.me is None:
            self.me = await self.client.get_me() or {}
        name = str(self.me.get("account_name") or self.me.get("display_name") or self.me.get("name") or "Zalo bot")
        return User(id=bot.id, is_bot=True, first_name=name[:64], username=None)

    async def _chat(self, method: TelegramMethod[Any]) -> str:
        chat_id = getattr(method, "chat_id", None)
        if isinstance(chat_id, str) and not chat_id.lstrip("-").isdigit():
            return chat_id
        zid = await self.resolve(int(chat_id)) if chat_id is not None else None
        if zid is None:
            raise TelegramBadRequest(method=method, message="chat not found: no Zalo identity for this account")
        return zid

    def _message(self, method: TelegramMethod[Any], res: Any, text: str) -> Message:
        chat_id = method.chat_id if isinstance(method.chat_id, int) else 0
        return Message(message_id=next(self._ids), date=datetime.now(UTC), text=text or None,
                       chat=Chat(id=chat_id, type="private"))


def _as_aiogram(method: TelegramMethod[Any], e: ZaloError) -> Exception:
    msg = e.description
    if e.code is None:
        return TelegramNetworkError(method=method, message=msg)
    if e.code == 429:
        return TelegramRetryAfter(method=method, message=msg, retry_after=int(e.retry_after or 1))
    if e.code >= 500:
        return TelegramServerError(method=method, message=msg)
    if e.code == 401:
        return TelegramUnauthorizedError(method=method, message=msg)
    if e.code == 403:
        return TelegramForbiddenError(method=method, message=msg)
    if e.code == 404:
        return TelegramNotFound(method=method, message=msg)
    return TelegramBadRequest(method=method, message=msg)
