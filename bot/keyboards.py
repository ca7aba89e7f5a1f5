"""Updating a message whose button was pressed (engine screens and other outcomes are rendered by
``bot/render.py``)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup

from bot.callbacks import PickPeriod

__all__ = ["PickPeriod", "edit_or_send"]  # PickPeriod: bot/scheduler.py imports it from here


async def edit_or_send(bot: Bot, cb: CallbackQuery, text: str, kb: InlineKeyboardMarkup | None) -> None:
    """Update the message whose button was pressed; when it cannot be edited, send a new one."""
    try:
        if cb.message is None:
            raise TelegramBadRequest(method=None, message="no message")  # type: ignore[arg-type]
        await bot.edit_message_text(text, chat_id=cb.from_user.id, message_id=cb.message.message_id, reply_markup=kb)
    except TelegramBadRequest:
        await bot.send_message(cb.from_user.id, text, reply_markup=kb)
