"""The Zalo bot's text layer (a request middleware, before the outbound layer): what a handler sends for
Telegram becomes what Zalo can show.

- ``sendMessage`` with an inline keyboard → the text with its buttons as numbered lines and typed words
  (``render.py``), cut at line breaks into messages of at most ``ZALO_TEXT_LIMIT`` characters; the menu is stored
  with the person's Zalo identity (a later typed number picks from it).
- ``editMessageText`` → a new message only when it carries buttons (it changes what the person must do);
  progress ticks and "done" marks are dropped.
- ``answerCallbackQuery`` with a text (a refusal, "no longer valid") → a message; without text → nothing.
- ``sendDocument`` → a message with an expiring link to the file (a /mau template also with the link to the web
  page's upload, ``upload.py``); ``sendPhoto`` with bytes → ``sendPhoto``
  with such a link.
Everything then goes through the outbound layer (budget, per-chat order, retries) like on Telegram."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import SendMessage, SendPhoto, TelegramMethod
from aiogram.types import BufferedInputFile, Chat, InlineKeyboardMarkup, Message

from bot.flows.template import SEND_BACK
from bot.services import Services
from bot.zalo import files
from bot.zalo.channels import CURRENT
from bot.zalo.render import compact, render, split
from bot.zalo.upload import upload_note
from dialogs.localtime import local_text
from storage.channels import Channels

log = logging.getLogger(__name__)

Resolver = Callable[[int], Awaitable[str | None]]


def callback_chat(callback_query_id: str) -> int | None:
    """The chat of a callback query made by the bridge ("z<chat>-<n>")."""
    if not callback_query_id.startswith("z"):
        return None
    head = callback_query_id[1:].rsplit("-", 1)[0]
    try:
        return int(head)
    except ValueError:
        return None


def _rows(markup: Any) -> list[list[tuple[str, str]]]:
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    return [[(b.text, b.callback_data or "") for b in row if b.callback_data] for row in markup.inline_keyboard]


class ZaloText(BaseRequestMiddleware):
    def __init__(self, services: Services, resolve: Resolver):
        self.services = services
        self.resolve = resolve
        self.limit = services.settings.zalo_text_limit
        self.dropped_edits = 0

    async def __call__(self, make_request: NextRequestMiddlewareType[Any], bot: Bot,
                       method: TelegramMethod[Any]) -> Any:
        name = method.__api_method__
        if name == "sendMessage":
            return await self._text(make_request, bot, method.chat_id, method.text, method.reply_markup)
        if name == "editMessageText":
            if _rows(method.reply_markup):
                return await self._text(make_request, bot, method.chat_id, method.text, method.reply_markup)
            self.dropped_edits += 1
            return True
        if name == "answerCallbackQuery":
            chat = callback_chat(method.callback_query_id)
            if method.text and chat is not None:
                await self._text(make_request, bot, chat, f"ℹ️ {method.text}", None)
            return True
        if name == "sendDocument":
            return await self._document(make_request, bot, method)
        if name == "sendPhoto" and isinstance(method.photo, BufferedInputFile):
            return await self._photo(make_request, bot, method)
        return await make_request(bot, method)

    async def _text(self, make_request: NextRequestMiddlewareType[Any], bot: Bot, chat_id: Any, text: str,
                    markup: Any) -> Message:
        cur = CURRENT.get()
        reply = cur is not None and cur[1] == chat_id  # answering the person's own message
        body, menu = render(text or "…", _rows(markup), numbered=reply)
        result = None
        for part in split(compact(body, self.limit), self.limit):
            result = await make_request(bot, SendMessage(chat_id=chat_id, text=part))
        if menu is not None and isinstance(chat_id, int):
            menu["mid"] = getattr(result, "message_id", 0)
            menu["text"] = text[:1000]
            await self._save_menu(chat_id, menu)
        return result if isinstance(result, Message) else _stub(chat_id, text)

    async def _save_menu(self, chat_id: int, menu: dict[str, Any]) -> None:
        zid = await self.resolve(chat_id)
        if zid is None:
            return
        async with self.services.db.session() as s:
            ch = Channels(s)
            if menu.pop("merge", False):  # a notice's words join the menu of the screen the person is on
                found = await ch.identity("zalo", zid)
                old = dict(found.link.menu or {}) if found is not None else {}
                menu = {**old, "w": {**(old.get("w") or {}), **menu["w"]}, "n": old.get("n") or {}}
            await ch.save_menu("zalo", zid, menu)
            await s.commit()

    def _until(self, when: datetime) -> str:
        return local_text(when, self.services.tz)

    async def _document(self, make_request: NextRequestMiddlewareType[Any], bot: Bot, method: Any) -> Message:
        doc = method.document
        if not isinstance(doc, BufferedInputFile) or not isinstance(method.chat_id, int):
            return await make_request(bot, method)
        link = await files.make_link(self.services, method.chat_id, doc.filename or "tep", doc.data)
        if link is None:
            return await make_request(bot, SendMessage(chat_id=method.chat_id, text="…"))
        text = (f"📎 {doc.filename}\nTải về: {link.url}\n(Đường dẫn dành riêng cho bạn, dùng được đến "
                f"{self._until(link.expires_at)}.)")
        caption = method.caption or ""
        note = await upload_note(self.services, method.chat_id, doc.filename or "", doc.data)
        if note is not None:  # a /mau template: Zalo brings no file back, the web page's upload does
            caption = caption.split(SEND_BACK)[0].rstrip()
            text = f"{text}\n\n{note}"
        if caption:
            text = f"{caption}\n\n{text}"
        return await self._text(make_request, bot, method.chat_id, text, method.reply_markup)

    async def _photo(self, make_request: NextRequestMiddlewareType[Any], bot: Bot, method: Any) -> Message:
        pic = method.photo
        link = await files.make_link(self.services, method.chat_id, pic.filename or "hinh.png", pic.data)
        if link is None:
            return _stub(method.chat_id, "")
        caption = method.caption[: self.limit] if method.caption else None
        result = await make_request(bot, SendPhoto(chat_id=method.chat_id, photo=link.url, caption=caption))
        if _rows(method.reply_markup):
            await self._text(make_request, bot, method.chat_id, "Chọn:", method.reply_markup)
        return result


def _stub(chat_id: Any, text: str) -> Message:
    return Message(message_id=0, date=datetime.now(UTC), text=text or None,
                   chat=Chat(id=chat_id if isinstance(chat_id, int) else 0, type="private"))
