"""What every handler shares: settings, database, outline catalogue, clock, small caches."""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.config import Settings
from dialogs.loader import Catalogue
from storage.db import Database
from storage.models import Period
from storage.repo import Repo
from storage.search import UnitIndex


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    settings: Settings
    db: Database
    catalogue: Catalogue
    clock: Callable[[], datetime] = system_clock
    outline_versions: dict[str, int] = field(default_factory=dict)
    _index: UnitIndex | None = None
    _index_at: float = 0.0
    _prev: dict[tuple[int, int], tuple[float, dict[str, Any] | None]] = field(default_factory=dict)
    _locks: weakref.WeakValueDictionary = field(default_factory=weakref.WeakValueDictionary)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.settings.tz)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().astimezone(self.tz).date()

    def lock_for(self, user_id: int) -> asyncio.Lock:
        lock = self._locks.get(user_id)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[user_id] = lock
        return lock

    async def register_outlines(self) -> None:
        async with self.db.session() as s:
            repo = Repo(s)
            for o in self.catalogue:
                path = self.catalogue.files[o.id]
                self.outline_versions[o.id] = await repo.register_outline(
                    o.id, o.version, self.catalogue.hash(o.id), path.name, o.title)
            await s.commit()

    async def unit_index(self, repo: Repo, max_age: float = 600.0) -> UnitIndex:
        if self._index is None or time.monotonic() - self._index_at > max_age:
            self._index = await UnitIndex.load(repo.s)
            self._index_at = time.monotonic()
        return self._index

    async def previous_answers(self, repo: Repo, unit_id: int, period: Period, ttl: float = 30.0) -> dict[str, Any] | None:
        """The unit's answers in the outline's previous period (None when there is none), cached briefly."""
        key = (unit_id, period.id)
        hit = self._prev.get(key)
        now = time.monotonic()
        if hit and now - hit[0] < ttl:
            return hit[1]
        prev_period = await repo.previous_period(period)
        result: dict[str, Any] | None = None
        if prev_period is not None:
            sub = await repo.find_submission(unit_id, prev_period.id)
            if sub is not None:
                result = await repo.answers(sub.id)
        if len(self._prev) > 20000:
            self._prev.clear()
        self._prev[key] = (now, result)
        return result
