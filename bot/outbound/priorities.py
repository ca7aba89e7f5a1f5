"""Which calls are messages, and the priority of a send: interactive replies before bulk sends."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from aiogram.methods import TelegramMethod

INTERACTIVE = 0
BULK = 1
PRIORITY: ContextVar[int] = ContextVar("outbound_priority", default=INTERACTIVE)

LIGHT_METHODS = frozenset({"answerCallbackQuery", "sendChatAction", "deleteMessage", "deleteMessages",
                           "answerInlineQuery"})
MESSAGE_PREFIXES = ("send", "editMessage", "copyMessage", "forwardMessage")


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Sends inside this block (reminders, digests, "Nhắc ngay") wait behind interactive replies."""
    token = PRIORITY.set(BULK)
    try:
        yield
    finally:
        PRIORITY.reset(token)


def priority_of(method: TelegramMethod[Any]) -> str | None:
    """"message", "light", or None for calls that send nothing."""
    name = method.__api_method__
    if name in LIGHT_METHODS:
        return "light"
    if name.startswith(MESSAGE_PREFIXES):
        return "message"
    return None

