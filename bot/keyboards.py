"""Rendering engine screens as Telegram messages; callback data with short ids checked on use."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from dialogs.engine import Screen


class QA(CallbackData, prefix="q"):
    """A questionnaire button: n is the position's nonce when the button was shown."""

    n: int
    a: str
    g: str = ""


class PickPeriod(CallbackData, prefix="p"):
    period: int


class JoinUnit(CallbackData, prefix="j"):
    unit: int


class JoinDecision(CallbackData, prefix="jr"):
    req: int
    ok: int


def markup(screen: Screen, nonce: int) -> InlineKeyboardMarkup | None:
    if not screen.buttons:
        return None
    rows = [
        [InlineKeyboardButton(text=b.text, callback_data=QA(n=nonce, a=b.action, g=b.arg).pack()) for b in row]
        for row in screen.buttons
        if row
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)
