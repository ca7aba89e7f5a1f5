"""What every handler shares: settings, database, outline catalogue, clock, small caches."""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.config import Settings
from dialogs.loader import Catalogue, OutlineError, load_outline_text
from dialogs.localtime import configure as configure_zone
from dialogs.localtime import zone
from dialogs.outline import Outline
from storage.db import Database
from storage.models import Period
from storage.repo import Repo
from storage.search import UnitIndex

log = logging.getLogger("bot.services")
_PARSED: dict[str, Outline | None] = {}  # content hash -> the published outline (None: unreadable)


async def published_catalogue(base: Catalogue, repo: Repo, file_versions: dict[str, int] | None = None
                              ) -> tuple[Catalogue, dict[str, int]]:
    """``base`` (the outline files) with the outlines published from the bot, newest version of each id;
    and the outline version id of each outline (``file_versions`` for the files, when registered)."""
    published: dict[str, tuple[Outline, str]] = {}
    versions = dict(file_versions or {})
    for row in await repo.outlines.latest_outline_versions():
        if row.yaml_text is None:  # the newest version of this id is a file: the catalogue has it
            versions.setdefault(row.outline_id, row.id)
            continue
        if row.content_hash not in _PARSED:
            try:
                _PARSED[row.content_hash] = load_outline_text(row.yaml_text, row.source_file)
            except OutlineError as e:
                log.error("published outline %s (version %s) is unreadable: %s", row.outline_id, row.id, e)
                _PARSED[row.content_hash] = None
        outline = _PARSED[row.content_hash]
        if outline is not None:
            published[row.outline_id] = (outline, row.yaml_text)
            versions[row.outline_id] = row.id
    return base.with_published(published), versions


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    settings: Settings
    db: Database
    catalogue: Catalogue
    clock: Callable[[], datetime] = system_clock
    outline_versions: dict[str, int] = field(default_factory=dict)
    base_catalogue: Catalogue | None = None  # the outline files; `catalogue` adds the published outlines
    file_versions: dict[str, int] = field(default_factory=dict)
    _outlines_seen: int = 0
    _outlines_checked_at: float = 0.0
    _index: UnitIndex | None = None
    _index_at: float = 0.0
    _prev: dict[tuple[int, int], tuple[float, dict[str, Any] | None]] = field(default_factory=dict)
    _prev_periods: dict[int, tuple[float, int | None]] = field(default_factory=dict)  # period → its previous one
    _locks: weakref.WeakValueDictionary = field(default_factory=weakref.WeakValueDictionary)
    _notices_event: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        configure_zone(self.settings.tz)  # the documents and pictures format local times in this zone too

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.settings.tz)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().astimezone(self.tz).date()

    def wake_notices(self) -> None:
        """Notices were queued: the scheduler's loop sends them now rather than at its next tick."""
        self._notices_event.set()

    async def notices_or_timeout(self, timeout: float) -> bool:
        """Wait ``timeout`` seconds, or less when notices were queued (:meth:`wake_notices`): True if woken."""
        try:
            await asyncio.wait_for(self._notices_event.wait(), timeout)
        except TimeoutError:
            return False
        self._notices_event.clear()
        return True

    def lock_for(self, user_id: int) -> asyncio.Lock:
        lock = self._locks.get(user_id)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[user_id] = lock
        return lock

    async def register_outlines(self) -> None:
        """Register the outline files (a changed file is a new version), then load the published outlines."""
        if self.base_catalogue is None:
            self.base_catalogue = self.catalogue
        async with self.db.session() as s:
            repo = Repo(s)
            for o in self.base_catalogue:
                path = self.base_catalogue.files[o.id]
                self.file_versions[o.id] = await repo.outlines.register_outline(
                    o.id, o.version, self.base_catalogue.hash(o.id), path.name, o.title)
            await s.commit()
            await self.reload_outlines(repo)

    async def reload_outlines(self, repo: Repo) -> None:
        """Load the outlines published from the bot (by this process or another) into the catalogue."""
        seen = await repo.outlines.max_outline_version_id()
        cat, versions = await published_catalogue(self.base_catalogue or self.catalogue, repo, self.file_versions)
        self.catalogue = cat
        self.outline_versions.clear()
        self.outline_versions.update(versions)
        self._outlines_seen = seen
        self._outlines_checked_at = time.monotonic()

    async def refresh_outlines(self, repo: Repo, every: float = 5.0) -> None:
        """Cheap and throttled: reload the catalogue when an outline was published since the last load."""
        if time.monotonic() - self._outlines_checked_at < every:
            return
        self._outlines_checked_at = time.monotonic()
        if await repo.outlines.max_outline_version_id() != self._outlines_seen:
            await self.reload_outlines(repo)

    async def unit_index(self, repo: Repo, max_age: float = 600.0) -> UnitIndex:
        if self._index is None or time.monotonic() - self._index_at > max_age:
            self._index = await UnitIndex.load(repo.session)
            self._index_at = time.monotonic()
        return self._index

    async def previous_answers(self, repo: Repo, unit_id: int, period: Period, ttl: float = 30.0) -> dict[str, Any] | None:
        """The unit's answers in the outline's previous period (None when there is none), cached briefly."""
        key = (unit_id, period.id)
        hit = self._prev.get(key)
        now = time.monotonic()
        if hit and now - hit[0] < ttl:
            return hit[1]
        prev_period = await repo.periods.previous_period(period)
        result: dict[str, Any] | None = None
        if prev_period is not None:
            sub = await repo.submissions.find_submission(unit_id, prev_period.id)
            if sub is not None:
                result = await repo.submissions.answers(sub.id)
        if len(self._prev) > 20000:
            self._prev.clear()
        self._prev[key] = (now, result)
        return result

    def previous_cached(self, unit_id: int, period: Period, ttl: float = 30.0) -> bool:
        """Whether :meth:`previous_answers` has the unit's answers without reading them."""
        hit = self._prev.get((unit_id, period.id))
        return hit is not None and time.monotonic() - hit[0] < ttl

    async def previous_answers_many(self, repo: Repo, unit_ids: Iterable[int], period: Period,
                                    ttl: float = 30.0) -> None:
        """:meth:`previous_answers` of many units read at once for those not cached (one statement; the previous
        period kept as long as the answers): the saves of a web batch, whose caches were filled together and expire
        together."""
        missing = [u for u in dict.fromkeys(unit_ids) if not self.previous_cached(u, period, ttl)]
        if not missing:
            return
        now = time.monotonic()
        hit = self._prev_periods.get(period.id)  # the outline's previous period, cached as long as its answers
        if hit is None or now - hit[0] >= ttl:
            prev = await repo.periods.previous_period(period)
            hit = self._prev_periods[period.id] = (now, prev.id if prev is not None else None)
        found = dict.fromkeys(missing) if hit[1] is None else await repo.web.web_previous_answers(missing, hit[1])
        if len(self._prev) + len(found) > 20000:
            self._prev.clear()
        for unit_id, answers in found.items():
            self._prev[(unit_id, period.id)] = (now, answers)
