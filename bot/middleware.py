"""One database session and the caller's account per update; updates of one user are handled in order."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import TelegramObject, User
from sqlalchemy.ext.asyncio import AsyncSession

from bot.filters import StoredPosition
from bot.locks import user_lock
from bot.redelivery import resend_current
from bot.services import Services
from storage.repo import NOTICES_QUEUED, Repo

log = logging.getLogger(__name__)

# the database session of the update being handled (set by DbSessionMiddleware)
CURRENT_SESSION: ContextVar[AsyncSession | None] = ContextVar("current_db_session", default=None)


# Strong references to the ``Response[T]`` models aiogram parametrizes on every call (``check_response``).
# pydantic keeps parametrized generics in a weak cache: each full garbage collection drops them and the next
# call builds the model again (~10–50 ms of schema generation per message, most of the bot's CPU under load).
_RESPONSE_TYPES: dict[Any, Any] = {}


def keep_response_type(method: TelegramMethod[Any]) -> None:
    returning = method.__returning__
    if returning not in _RESPONSE_TYPES:
        _RESPONSE_TYPES[returning] = Response[returning]  # type: ignore[valid-type]


class CommitBeforeApiCall(BaseRequestMiddleware):
    """Commit the update's open transaction before any call to Telegram.

    What the bot says is then always already stored, and no database transaction (SQLite has one writer)
    is held while waiting on the network. It also keeps the call's response model alive
    (:func:`keep_response_type`)."""

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Any:
        keep_response_type(method)
        session = CURRENT_SESSION.get()
        if session is not None and session.in_transaction():
            await session.commit()
        return await make_request(bot, method)


def install(bot: Bot) -> Bot:
    if not any(isinstance(m, CommitBeforeApiCall) for m in bot.session.middleware._middlewares):
        bot.session.middleware(CommitBeforeApiCall())
    return bot


class DbSessionMiddleware(BaseMiddleware):
    def __init__(self, services: Services):
        self.services = services
        self._frozen = False

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        if not self._frozen:
            # what exists at the first update (aiogram's and pydantic's ~250,000 objects, the catalogue) lives
            # as long as the process: keep it out of the garbage collector's full passes (pauses of 50+ ms)
            self._frozen = True
            gc.freeze()
        user: User | None = data.get("event_from_user")
        lock = user_lock(self.services, user.id) if user else contextlib.nullcontext()
        async with lock, self.services.db.session() as session:
            token = CURRENT_SESSION.set(session)
            try:
                return await self._handle(handler, event, data, session, user)
            finally:
                CURRENT_SESSION.reset(token)

    async def _handle(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                      event: TelegramObject, data: dict[str, Any], session: AsyncSession, user: User | None) -> Any:
        repo = Repo(session)
        data["repo"] = repo
        data["services"] = self.services
        data["account"] = None
        await self.services.refresh_outlines(repo)  # outlines published by another process
        if user is not None and not user.is_bot:
            # one statement: the account, its position, submission, period, unit and answers (read once)
            acc = await repo.accounts.account_context(user.id, user.full_name, user.username)
            if user.id in self.services.settings.admin_ids and acc.role != "admin":
                acc.role = "admin"
            if session.new or session.dirty:
                await session.commit()  # a new or changed account is stored even if the handler fails
            update_id = getattr(event, "update_id", None)
            if update_id is not None:
                recent = list(acc.recent_updates or [])
                if update_id in recent:
                    # Telegram delivered it again (the bot died before confirming it): it was handled
                    log.info("update %s of user %s already handled; its reply is sent again", update_id, user.id)
                    return await resend_current(data.get("bot"), self.services, repo, acc, event)
                # committed with what the handler stores (or at its first reply), not before
                await repo.accounts.note_updates(acc, (recent + [update_id])[-32:])
            data["account"] = acc
        data["stored_position"] = StoredPosition(repo, data["account"])  # read only if a mode filter asks
        try:
            result = await handler(event, data)
        except Exception:
            await session.rollback()
            raise
        await session.commit()
        if session.info.pop(NOTICES_QUEUED, False):
            self.services.wake_notices()
        return result
