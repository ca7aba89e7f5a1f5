"""Group commit for the web form's saves: the field saves that arrive while a transaction is being written wait
and go together in the next one (one BEGIN … COMMIT for many saves), as the chat's hot path keeps an update to one
transaction.

Each save is a *job* ``async (repo) -> result`` — read the report, parse and check the input, write the answer —
run in the batch's transaction, one after another. A batch that fails is rolled back and its jobs run again one by
one, so one bad save never fails the others. Nothing waits on purpose: an idle server writes a save at once; under
load the batches grow by themselves (a burst of 200 saves: a handful of transactions instead of 400).

SQLite has one writer anyway: one lane. PostgreSQL: a few lanes (transactions at once), an account always in the
same lane so its saves keep their order; cells of one Biểu typed by two people are merged under the submission's row
lock (``Repo.answer_value(for_update=True)``), in one process or several."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from bot.web.cache import SaveCache
from storage.db import Database
from storage.repo import Repo

log = logging.getLogger("bot.web")
T = TypeVar("T")
Job = Callable[[Repo], Awaitable[Any]]


class GroupCommit:
    def __init__(self, db: Database, *, lanes: int | None = None, max_batch: int = 64):
        self.db = db
        self.lanes = lanes or (1 if db.sqlite else 4)
        self.max_batch = max_batch
        self.queues: list[list[tuple[Job, asyncio.Future]]] = [[] for _ in range(self.lanes)]
        self.tasks: list[asyncio.Task | None] = [None] * self.lanes
        self.cache = SaveCache()  # what the saves of a session share between one save and the next (bot/web/cache.py)
        self.batches = 0  # transactions written (the benchmark prints saves per transaction)
        self.jobs = 0

    async def run(self, key: int, job: Callable[[Repo], Awaitable[T]]) -> T:
        """``job`` written in a transaction with the other saves waiting in ``key``'s lane; returns its result once
        committed (or raises its error)."""
        lane = key % self.lanes
        fut: asyncio.Future = asyncio.get_running_loop().create_future()
        self.queues[lane].append((job, fut))
        if self.tasks[lane] is None:
            self.tasks[lane] = asyncio.create_task(self._drain(lane))
        return await fut

    async def _drain(self, lane: int) -> None:
        queue = self.queues[lane]
        try:
            while queue:
                batch = queue[: self.max_batch]
                del queue[: self.max_batch]
                await self._write(batch)
        finally:
            self.tasks[lane] = None

    async def _write(self, batch: list[tuple[Job, asyncio.Future]]) -> None:
        results: list[Any] = []
        try:
            async with self.db.session() as s:
                repo = Repo(s)
                for job, _ in batch:
                    results.append(await job(repo))
                await s.commit()
        except Exception as e:  # noqa: BLE001 - the batch is rolled back; each save is tried alone
            if len(batch) == 1:
                if not batch[0][1].done():
                    batch[0][1].set_exception(e)
                return
            log.warning("a batch of %d web saves failed (%s): writing them one by one", len(batch), e)
            for item in batch:
                await self._write([item])
            return
        self.batches += 1
        self.jobs += len(batch)
        for (_, fut), result in zip(batch, results, strict=True):
            if not fut.done():
                fut.set_result(result)
