"""One database session and the caller's account per update; updates of one user are handled in order."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.services import Services
from storage.repo import Repo

log = logging.getLogger(__name__)


class DbSessionMiddleware(BaseMiddleware):
    def __init__(self, services: Services):
        self.services = services

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        lock = self.services.lock_for(user.id) if user else contextlib.nullcontext()
        async with lock, self.services.db.session() as session:
            repo = Repo(session)
            data["repo"] = repo
            data["services"] = self.services
            data["account"] = None
            if user is not None and not user.is_bot:
                acc = await repo.ensure_account(user.id, user.full_name, user.username)
                if user.id in self.services.settings.admin_ids and acc.role != "admin":
                    acc.role = "admin"
                if session.new or session.dirty:
                    await session.commit()  # a new or changed account is stored even if the handler fails
                update_id = getattr(event, "update_id", None)
                if update_id is not None:
                    recent = list(acc.recent_updates or [])
                    if update_id in recent:
                        # Telegram delivered it again (the bot died before confirming it): it was handled
                        log.info("update %s of user %s already handled; skipped", update_id, user.id)
                        return None
                    # committed together with what the handler stores, so either both or neither happen
                    acc.recent_updates = (recent + [update_id])[-32:]
                data["account"] = acc
            try:
                result = await handler(event, data)
            except Exception:
                await session.rollback()
                raise
            await session.commit()
            return result
