"""Rendering engine screens as Telegram messages, and updating a message whose button was pressed."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import QA, PickPeriod
from dialogs.engine import Screen

__all__ = ["PickPeriod", "edit_or_send", "markup"]  # PickPeriod: bot/scheduler.py imports it from here


def markup(screen: Screen, nonce: int) -> InlineKeyboardMarkup | None:
    if not screen.buttons:
        return None
    rows = [
        [InlineKeyboardButton(text=b.text, callback_data=QA(nonce=nonce, action=b.action, arg=b.arg).pack())
         for b in row]
        for row in screen.buttons
        if row
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def edit_or_send(bot: Bot, cb: CallbackQuery, text: str, kb: InlineKeyboardMarkup | None) -> None:
    """Update the message whose button was pressed; when it cannot be edited, send a new one."""
    try:
        if cb.message is None:
            raise TelegramBadRequest(method=None, message="no message")  # type: ignore[arg-type]
        await bot.edit_message_text(text, chat_id=cb.from_user.id, message_id=cb.message.message_id, reply_markup=kb)
    except TelegramBadRequest:
        await bot.send_message(cb.from_user.id, text, reply_markup=kb)
