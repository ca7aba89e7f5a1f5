"""Help, content that is not text, and the error handler that keeps polling alive."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import ErrorEvent, Message

from bot import texts
from bot.services import Services
from storage.models import Account

log = logging.getLogger(__name__)


def setup(services: Services) -> Router:
    router = Router(name="common")

    @router.message(Command("huongdan", "help"))
    async def cmd_help(message: Message) -> None:
        await message.answer(texts.HELP)

    @router.errors()
    async def on_error(event: ErrorEvent, bot: Bot) -> bool:
        upd = event.update
        log.exception("update %s failed: %s", upd.update_id, event.exception, exc_info=event.exception)
        chat_id = None
        if upd.message is not None:
            chat_id = upd.message.chat.id
        elif upd.callback_query is not None:
            chat_id = upd.callback_query.from_user.id
        if chat_id is not None:
            try:
                await bot.send_message(chat_id, texts.ERROR)
            except Exception:  # noqa: BLE001 - the error path must never raise
                log.warning("could not tell chat %s about the error", chat_id)
        return True

    return router


async def not_answering(message: Message, account: Account) -> None:
    """Typed text when no feature's mode claims it (no questionnaire open, paused, waiting for approval)."""
    if account.unit_id is None and account.role == "officer":
        await message.answer(texts.NO_UNIT)
    else:
        await message.answer("Gõ /baocao để trả lời báo cáo, /huongdan để xem hướng dẫn.")


def setup_fallback(services: Services) -> Router:
    router = Router(name="fallback")

    @router.message(F.photo | F.sticker | F.voice | F.video | F.document | F.audio | F.video_note | F.animation
                    | F.location | F.contact)
    async def not_text(message: Message) -> None:
        await message.answer(texts.NOT_TEXT)

    @router.message(F.text.startswith("/"))
    async def unknown_command(message: Message) -> None:
        await message.answer("Không có lệnh này. Các lệnh: /baocao, /tiendo, /tonghop, /huongdan, /huy, /start.")

    @router.message(F.text)
    async def text_in_no_mode(message: Message, account: Account) -> None:
        await not_answering(message, account)

    return router
