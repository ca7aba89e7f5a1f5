"""The Telegram side of the flows (``bot/flows/``): an ``Outcome`` shown as Telegram messages, documents and
photos, a pressed button's alert, notices sent to other accounts. Choices become inline buttons whose callback data
(``bot/callbacks.py``) the handlers parse back into the flow's arguments."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup

from bot import texts
from bot.callbacks import (
    AnswerButton,
    OpenQ,
    PickPeriod,
    ReviewButton,
    TemplatePeriod,
    UnlockAsk,
    UnlockDecision,
    UpwardButton,
    ViewReport,
)
from bot.flows import outcome as oc
from bot.flows.outcome import Choice, File, Message, Notice, Outcome, Picture

log = logging.getLogger(__name__)

CALLBACKS: dict[str, type[CallbackData]] = {
    oc.QUESTION: AnswerButton, oc.PICK_PERIOD: PickPeriod, oc.UNLOCK_ASK: UnlockAsk, oc.UNLOCK_DECIDE: UnlockDecision,
    oc.OPEN_QUESTION: OpenQ, oc.REVIEW: ReviewButton, oc.TEMPLATE_PERIOD: TemplatePeriod, oc.VIEW_REPORT: ViewReport,
    oc.UPWARD: UpwardButton,
}


def button(choice: Choice) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=choice.text, callback_data=CALLBACKS[choice.kind](**choice.values).pack())


def keyboard(rows: list[list[Choice]]) -> InlineKeyboardMarkup | None:
    rows = [r for r in rows if r]
    if not rows:
        return None
    return InlineKeyboardMarkup(inline_keyboard=[[button(c) for c in row] for row in rows])


async def send_message(bot: Bot, chat_id: int, m: Message) -> None:
    # Telegram counts UTF-16 units (an emoji counts 2): split by that measure, at line breaks
    parts = texts.split_text(m.text, 4000) if texts.utf16_len(m.text) > 4000 else [m.text]
    for i, part in enumerate(parts):
        await bot.send_message(chat_id, part or "…", reply_markup=keyboard(m.choices) if i == len(parts) - 1 else None)


async def send_notice(bot: Bot, n: Notice) -> int:
    """The notice to each account (accounts that blocked the bot are skipped by the flow; one that blocked it
    since is marked by the outbound layer's undeliverable sink: ``bot/undeliverable.py``)."""
    sent = 0
    kb = keyboard(n.choices)
    for acc in n.to:
        try:
            await bot.send_message(acc.telegram_id, texts.clip(n.text), reply_markup=kb)
            sent += 1
        except (TelegramForbiddenError, TelegramBadRequest) as e:
            log.warning("notice to %s failed: %s", acc.telegram_id, e)
    return sent


async def show(bot: Bot, chat_id: int, out: Outcome, cb: CallbackQuery | None = None) -> None:
    """Show ``out`` in ``chat_id``; ``cb``: the pressed button, answered first (with the alert, if any)."""
    if cb is not None:
        await cb.answer(out.alert, show_alert=out.popup) if out.alert else await cb.answer()
    elif out.alert:
        out.items.insert(0, Message(out.alert))
    for item in out.items:
        if isinstance(item, Message):
            await send_message(bot, chat_id, item)
        elif isinstance(item, Notice):
            await send_notice(bot, item)
        elif isinstance(item, File):
            await bot.send_document(chat_id, BufferedInputFile(item.data, filename=item.name),
                                    caption=texts.clip(item.caption, 1024) if item.caption else None)
        elif isinstance(item, Picture):
            await bot.send_photo(chat_id, BufferedInputFile(item.data, filename=item.name),
                                 caption=texts.clip(item.caption, 1024) if item.caption else None)
