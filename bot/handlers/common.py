"""Help, content that is not text, and the error handler that keeps polling alive."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import ErrorEvent, Message

from bot import texts
from storage.models import Account

log = logging.getLogger(__name__)


async def cmd_help(message: Message) -> None:
    await message.answer(texts.HELP)


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


def setup() -> Router:
    router = Router(name="common")
    router.message.register(cmd_help, Command("huongdan", "help"))
    router.errors.register(on_error)
    return router


async def not_answering(message: Message, account: Account) -> None:
    """Typed text when no feature's mode claims it (no questionnaire open, paused, waiting for approval)."""
    if account.unit_id is None and account.role == "officer":
        await message.answer(texts.NO_UNIT)
    else:
        await message.answer("Gõ /baocao để trả lời báo cáo, /huongdan để xem hướng dẫn.")


async def not_text(message: Message) -> None:
    await message.answer(texts.NOT_TEXT)


async def unknown_command(message: Message) -> None:
    await message.answer("Không có lệnh này. Các lệnh: /baocao, /tiendo, /tonghop, /huongdan, /huy, /start.")


async def text_in_no_mode(message: Message, account: Account) -> None:
    await not_answering(message, account)


def setup_fallback() -> Router:
    router = Router(name="fallback")
    router.message.register(not_text, F.photo | F.sticker | F.voice | F.video | F.document | F.audio | F.video_note
                            | F.animation | F.location | F.contact)
    router.message.register(unknown_command, F.text.startswith("/"))
    router.message.register(text_in_no_mode, F.text)
    return router
