"""Filters over the stored conversation position, so each feature's router claims its own typed-text mode.

The position (``ConversationPosition.mode``: ``join``, ``moky``, ``question``, ``review``…) is read from the
database at most once per update, and only when a mode filter asks: :class:`StoredPosition` is put into the
handler data by :class:`bot.middleware.DbSessionMiddleware`, and every :class:`InMode` filter of the update
shares it. A matching filter hands the position to the handler as ``position``.
"""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import TelegramObject
from magic_filter import MagicFilter

from storage.models import Account, ConversationPosition
from storage.repo import Repo


class StoredPosition:
    """The account's conversation position, loaded lazily and once for the update being handled."""

    def __init__(self, repo: Repo, account: Account | None):
        self.repo = repo
        self.account = account
        self._loaded = False
        self._position: ConversationPosition | None = None

    async def get(self) -> ConversationPosition | None:
        if not self._loaded:
            self._position = await self.repo.positions.position(self.account.id) if self.account is not None else None
            self._loaded = True
        return self._position


class InMode(Filter):
    """True when the stored position is in one of ``modes``; the handler then receives it as ``position``."""

    def __init__(self, *modes: str):
        self.modes = frozenset(modes)

    async def __call__(self, event: TelegramObject, stored_position: StoredPosition | None = None
                       ) -> bool | dict[str, Any]:
        pos = await stored_position.get() if stored_position is not None else None
        if pos is None or pos.mode not in self.modes:
            return False
        return {"position": pos}

    def __str__(self) -> str:
        return f"InMode({', '.join(sorted(self.modes))})"


class Magic(Filter):
    """A magic filter (``F.text``, ``F.document``…) resolved in the event loop.

    aiogram runs every filter that is not a coroutine through ``asyncio.to_thread``, and a bare ``F`` expression is
    resolved by a plain method: each check of each handler was a round trip through the thread pool (most of the
    routing time in ``benchmarks/bench_bot.py --profile``). Wrapping it in an async :class:`Filter` keeps the same
    result (including ``.as_(name)`` dictionaries) without leaving the loop. ``tests/test_architecture.py`` checks
    that no handler of the dispatcher is left with a filter that would run in a thread.
    """

    def __init__(self, magic: MagicFilter):
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)

    def __str__(self) -> str:
        return f"Magic({self.magic!r})"
