"""The last line of defence: no text over Telegram's limits leaves the bot (split, or cut to fit)."""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram.client.default import Default
from aiogram.methods import TelegramMethod

from bot.outbound.reports import OutboundStats
from bot.texts import TELEGRAM_TEXT_LIMIT, clip, split_text, utf16_len

log = logging.getLogger(__name__)

CAPTION_LIMIT = 1024


def fit(bot: Bot, method: TelegramMethod[Any], stats: OutboundStats) -> list[TelegramMethod[Any]]:
    """``method`` as parts that fit: a plain sendMessage over 4,096 characters (UTF-16 units) split into several
    messages (the buttons on the last), any other text or caption cut to fit (``stats`` counts both)."""
    name = method.__api_method__
    text = getattr(method, "text", None)
    if isinstance(text, str) and utf16_len(text) > TELEGRAM_TEXT_LIMIT:
        if name == "sendMessage" and not _parse_mode(bot, method) and not getattr(method, "entities", None):
            chunks = split_text(text, TELEGRAM_TEXT_LIMIT)
            stats.split += 1
            log.warning("text of %s characters to chat %s split into %s messages", len(text),
                        getattr(method, "chat_id", None), len(chunks))
            last = len(chunks) - 1
            return [method.model_copy(update={"text": c, **({} if i == last else {"reply_markup": None})})
                    for i, c in enumerate(chunks)]
        stats.clipped += 1
        log.warning("text of %s characters in %s to chat %s cut to fit", len(text), name,
                    getattr(method, "chat_id", None))
        return [method.model_copy(update=_drop_entities(method, {"text": clip(text)}, "entities"))]
    caption = getattr(method, "caption", None)
    if isinstance(caption, str) and utf16_len(caption) > CAPTION_LIMIT:
        stats.clipped += 1
        log.warning("caption of %s characters in %s cut to fit", len(caption), name)
        return [method.model_copy(update=_drop_entities(method, {"caption": clip(caption, CAPTION_LIMIT)},
                                                        "caption_entities"))]
    return [method]


def _parse_mode(bot: Bot, method: TelegramMethod[Any]) -> str | None:
    mode = getattr(method, "parse_mode", None)
    return bot.default[mode.name] if isinstance(mode, Default) else mode


def _drop_entities(method: TelegramMethod[Any], update: dict[str, Any], field_name: str) -> dict[str, Any]:
    """Entities point into the uncut text: drop them with the cut (when the method has them)."""
    if field_name in type(method).model_fields:
        update[field_name] = None
    return update

