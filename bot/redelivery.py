"""A redelivered update: Telegram sends an update again when the bot died after storing what it did and
before confirming it (or before replying). The middleware does not handle it twice; instead the reply owed
is made good here: the user's current screen (the question they are on, with its buttons) is sent again."""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram.types import Update

from bot import render
from bot.flows import questionnaire
from bot.flows.outcome import Outcome, screens
from bot.services import Services
from dialogs.engine import Engine, Screen
from storage.models import Account, ConversationPosition
from storage.repo import Repo

log = logging.getLogger(__name__)

NOTE = "↻ Tin nhắn trước của bạn đã được lưu (bot vừa khởi động lại). Bạn đang ở đây:"
NOT_IN_REPORT = ("↻ Tin nhắn trước của bạn đã được xử lý (bot vừa khởi động lại). Gõ /baocao để tiếp tục báo cáo, "
                 "/huongdan để xem hướng dẫn.")


def current_screens(e: Engine, pos: ConversationPosition) -> list[Screen]:
    """What the user sees at ``pos``: the same screens the engine showed when it moved there."""
    key, mode, st = pos.question_key, pos.mode, dict(pos.state or {})
    if mode == "question" and key is not None and e.is_visible(key):
        return [e.question_screen(key, st)]
    if mode == "section":
        gi = st.get("sec", 0)
        if isinstance(gi, int) and 0 <= gi < len(e.groups()):
            return [e.section_screen(gi)]
    if mode == "toc":
        return [e.toc_screen()]
    if mode == "confirm":
        return [e.confirm_screen()]
    if mode == "choose":
        return e.begin(key).screens[-1:]
    if mode in ("review", "question", "section"):
        return e.review_screens()
    return [Screen("⏸ Bạn đang tạm dừng báo cáo. Gõ /baocao để tiếp tục đúng chỗ đã dừng.")]


def _chat_of(update: Any, acc: Account) -> int:
    if isinstance(update, Update) and update.message is not None:
        return update.message.chat.id
    return acc.telegram_id


async def resend_current(bot: Bot | None, services: Services, repo: Repo, acc: Account, update: Any) -> None:
    """Send the user's current screen again (called by the middleware for an update already handled)."""
    if bot is None:
        return
    chat = _chat_of(update, acc)
    loaded = await questionnaire.load(services, repo, acc) if acc.unit_id is not None else None
    if loaded is None:
        await bot.send_message(chat, NOT_IN_REPORT)
        return
    shown = current_screens(loaded.engine, loaded.pos)
    first = shown[0]
    shown[0] = Screen(f"{NOTE}\n\n{first.text}", first.buttons)
    log.info("update of user %s redelivered: current screen (%s) sent again", acc.telegram_id, loaded.pos.mode)
    await render.show(bot, chat, screens(Outcome(), shown, loaded.pos.nonce))
