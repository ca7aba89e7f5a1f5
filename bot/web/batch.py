"""Group commit for the web form's saves: the field saves that arrive while a transaction is being written wait
and go together in the next one (one BEGIN … COMMIT for many saves), as the chat's hot path keeps an update to one
transaction.

Each save is a *job* ``async (repo) -> result`` — read the report, parse and check the input, write the answer —
run in the batch's transaction, one after another. A batch that fails is rolled back and its jobs run again one by
one, so one bad save never fails the others. Nothing waits on purpose: an idle server writes a save at once; under
load the batches grow by themselves (a burst of 200 saves: a handful of transactions instead of 400). On PostgreSQL
the saves already received when a batch starts, and those received while its probes are read, join it (two turns of
the event loop, no time waited: :meth:`GroupCommit._probe`) — a burst's first save no longer goes alone in a batch of
its own with the rest behind it; up to ``max_batch`` (PostgreSQL 128: a burst of 200 over two processes is one batch each).

One lane by default (SQLite has one writer anyway; on PostgreSQL a batch costs two to four round trips whatever its
size, and one lane measured faster than 2 or 4: fewer transactions, bigger batches — ``benchmarks/bench_web.py --lanes``);
with more, an account is always in the same lane so its saves keep their order. Cells of one Biểu typed by two
people are merged under the submission's row lock (``Repo.answer_value(for_update=True)``), in one process or several.

A batch reads and writes in bulk: what each save must check (``repo.web.web_save_probes``) is read for all its saves in
one statement before they run (SQLite: before the batch takes the write lock, which it then holds only to write),
and the answers they write wait in :class:`Writes` and go together after the last one (``repo.web.web_write_answers``:
one statement per table, the same rows as one by one) — a save then answers a :class:`Later`, its result once
written. A save whose report another save of the batch writes reads afresh, after what waits is written: each save
sees the ones before it, as one by one.

On PostgreSQL the probes are read as a statement of their own before the transaction begins, and when no save of the
batch wrote anything at once (a Biểu under its row lock, a late change, a reason…) the batch's one write is a
statement of its own too: PostgreSQL's implicit transaction, committed — durably, as a COMMIT is — when it returns.
A batch is then two round trips (probes, write) instead of four (BEGIN, probes, write, COMMIT); any other write
begins the transaction as before, the batch's write then goes in it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from bot.web.cache import SaveCache
from storage import rawsql
from storage.db import Database
from storage.repo import Repo
from storage.repos.web import warm_web_saves, web_save_probes_unlocked

log = logging.getLogger("bot.web")
T = TypeVar("T")
Job = Callable[[Repo], Awaitable[Any]]
Probe = tuple[int, str | None, int, str]  # what a save's check reads: (account, link, period, key)
PROBES = "web_probes"  # session.info: Probe → the probe read for the batch (taken by the first save that asks)
MISSING = object()
JOIN_READS = 2  # PostgreSQL: how many times the saves that arrived while a batch's probes were read may join it


class Later:
    """A job's result still to come: ``finish(version, answers_rev)`` once its answer is written."""

    __slots__ = ("finish", "value")

    def __init__(self, finish: Callable[[int, int], Any]):
        self.finish = finish
        self.value: Any = None


class Writes:
    """The answers the saves of one transaction put off (``session.info[KEY]``), one per submission at a time, and the
    submissions written in it so far (pending or done)."""

    KEY = "web_writes"

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.laters: list[Later] = []
        self.pending: set[int] = set()
        self.written: set[int] = set()
        self.committed = False  # the last write was a statement of its own, committed (``flush(last=True)``)

    @classmethod
    def of(cls, repo: Repo) -> Writes | None:
        return repo.session.info.get(cls.KEY)

    def add(self, params: dict[str, Any], finish: Callable[[int, int], Any]) -> Later:
        later = Later(finish)
        self.rows.append(params)
        self.laters.append(later)
        self.pending.add(params["p_sid"])
        self.written.add(params["p_sid"])
        return later

    async def flush(self, repo: Repo, *, last: bool = False) -> bool:
        """Write what waits (one statement per table) and finish the saves that wrote it. ``last``: nothing of the
        transaction follows but its commit — on PostgreSQL, when nothing was written before, the write is then a
        statement of its own (committed when it returns: no BEGIN and COMMIT round trips). Returns whether it was
        (what the batch's saves wrote is then committed)."""
        if not self.rows:
            return False
        rows, laters = self.rows, self.laters
        self.rows, self.laters = [], []
        self.pending.clear()
        session = repo.session
        alone = last and repo.web.dialect == "postgresql" and not (session.new or session.dirty or session.deleted)
        written = await repo.web.web_write_answers(rows, alone=alone)
        self.committed = alone and not await rawsql.in_transaction(session)
        for later, (version, rev) in zip(laters, written, strict=True):
            later.value = later.finish(version, rev)
        return self.committed


async def flush(repo: Repo) -> None:
    """What the batch's saves put off, written now (before a read that must see it, or a write of the same report)."""
    writes = Writes.of(repo)
    if writes is not None:
        await writes.flush(repo)


def take_probe(repo: Repo, probe: Probe, submission_id: Any = MISSING) -> Any:
    """The probe read for ``probe`` with the batch (MISSING when there is none, or when a save before it in the
    transaction wrote its report: it is then read again)."""
    found = repo.session.info.get(PROBES, {}).pop(probe, MISSING)
    if found is MISSING or found is None:
        return found
    writes = Writes.of(repo)
    return MISSING if writes is not None and found.submission_id in writes.written else found


def probed_units(repo: Repo, period_id: int) -> list[int]:
    """The units of the batch's saves in ``period_id`` whose probes are still to be taken (what they will read next:
    read it for them all at once)."""
    return [found.unit_id for probe, found in repo.session.info.get(PROBES, {}).items()
            if found is not None and probe[2] == period_id and found.unit_id is not None]


async def _received() -> None:
    """Two turns of the event loop: the requests already received (read from their sockets in the turn before) have
    run their handlers up to :meth:`GroupCommit.run`, so their saves are in the lane's queue. Nothing waits for
    requests still to come: an idle server loses two loop turns (tens of microseconds)."""
    await asyncio.sleep(0)
    await asyncio.sleep(0)


class GroupCommit:
    def __init__(self, db: Database, *, lanes: int | None = None, max_batch: int | None = None):
        self.db = db
        self.lanes = lanes or 1
        # PostgreSQL 128: a burst of 200 over two processes is one batch each (two round trips); SQLite as before
        self.max_batch = max_batch or (64 if db.sqlite else 128)
        self.queues: list[list[tuple[Job, asyncio.Future, Probe | None]]] = [[] for _ in range(self.lanes)]
        self.tasks: list[asyncio.Task | None] = [None] * self.lanes
        self.cache = SaveCache()  # what the saves of a session share between one save and the next (bot/web/cache.py)
        self.batches = 0  # transactions written (the benchmark prints saves per transaction)
        self.jobs = 0

    async def warm(self) -> None:
        """At the server's start (PostgreSQL): the pool's connections made ready for the batches' statements —
        compiled, prepared, the backend's caches filled (``storage.repos.web.warm_web_saves``) — so that the first
        burst does not pay for it. Never fails the start: a database not reachable yet is only logged."""
        try:
            await warm_web_saves(self.db)
        except Exception as e:  # noqa: BLE001 - an optimisation only
            log.warning("web saves' statements not warmed at start: %s", e)

    async def run(self, key: int, job: Callable[[Repo], Awaitable[T]], probe: Probe | None = None) -> T:
        """``job`` written in a transaction with the other saves waiting in ``key``'s lane; returns its result once
        committed (or raises its error). ``probe``: what the job will check, read with the batch's."""
        lane = key % self.lanes
        fut: asyncio.Future = asyncio.get_running_loop().create_future()
        self.queues[lane].append((job, fut, probe))
        if self.tasks[lane] is None:
            self.tasks[lane] = asyncio.create_task(self._drain(lane))
        return await fut

    async def _drain(self, lane: int) -> None:
        queue = self.queues[lane]
        try:
            while queue:
                batch = queue[: self.max_batch]
                del queue[: self.max_batch]
                await self._write(batch, queue)
        finally:
            self.tasks[lane] = None

    async def _probe(self, repo: Repo, batch: list[tuple[Job, asyncio.Future, Probe | None]],
                     queue: list[tuple[Job, asyncio.Future, Probe | None]] | None) -> None:
        """The batch's probes, read in one statement before its jobs run. PostgreSQL: read as a statement of its own,
        before the transaction (which then begins only if a save writes something at once: most batches are their
        one write, BEGIN and COMMIT spared); and the saves that reached ``queue`` (the lane's) while it was read join
        the batch (up to ``max_batch``), their probes read in one more statement — a burst whose first save woke the
        lane alone is then one batch, not that save's batch and then the rest's (a write, its commit and the saves'
        answers in between). Nothing is written before the batch's jobs run, so a save that joins reads what it
        would have read in the next batch; the lane's order is kept (they were behind the batch's saves)."""
        repo.session.info[PROBES] = found_probes = {}
        join = not self.db.sqlite and queue is not None
        start = 0
        if join:  # the saves received with the one that woke the lane: in the first read
            await _received()
            self._join(batch, queue)
        for reads in range(JOIN_READS + 1):
            probes = [p for _, _, p in batch[start:] if p is not None]
            if len(probes) > 1 or (probes and not self.db.sqlite):
                found = await (web_save_probes_unlocked(self.db, probes) if self.db.sqlite
                               else repo.web.web_save_probes(probes, alone=True))
                found_probes.update(zip(probes, found, strict=True))
            if not join or reads == JOIN_READS:
                return
            await _received()
            start = len(batch)
            if not self._join(batch, queue):
                return

    def _join(self, batch: list[tuple[Job, asyncio.Future, Probe | None]],
              queue: list[tuple[Job, asyncio.Future, Probe | None]]) -> bool:
        """The saves waiting in the lane's ``queue`` moved to the end of ``batch`` (up to ``max_batch``); whether any."""
        more = queue[: self.max_batch - len(batch)]
        del queue[: len(more)]
        batch += more
        return bool(more)

    async def _write(self, batch: list[tuple[Job, asyncio.Future, Probe | None]],
                     queue: list[tuple[Job, asyncio.Future, Probe | None]] | None = None) -> None:
        results: list[Any] = []
        writes: Writes | None = None
        try:
            async with self.db.session() as s:
                repo = Repo(s)
                writes = s.info[Writes.KEY] = Writes()
                await self._probe(repo, batch, queue)
                for job, _, _ in batch:
                    results.append(await job(repo))
                await writes.flush(repo, last=True)
                results = [r.value if isinstance(r, Later) else r for r in results]
                await s.commit()
        except Exception as e:  # noqa: BLE001 - the batch is rolled back; each save is tried alone
            if len(batch) == 1 or (writes is not None and writes.committed):  # a committed save: never written again
                for _, fut, _ in batch:
                    if not fut.done():
                        fut.set_exception(e)
                return
            log.warning("a batch of %d web saves failed (%s): writing them one by one", len(batch), e)
            for item in batch:
                await self._write([item])
            return
        self.batches += 1
        self.jobs += len(batch)
        for (_, fut, _), result in zip(batch, results, strict=True):
            if not fut.done():
                fut.set_result(result)
