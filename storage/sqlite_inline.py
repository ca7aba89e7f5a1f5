"""SQLite for the writer engine, run in the event loop's own thread instead of aiosqlite's worker thread.

Why: through aiosqlite every statement is four round trips to a worker thread (cursor, execute, fetch, close), each a
future, a queue hand-off, a self-pipe wake-up and a GIL switch: ~0.8 ms of CPU for ``SELECT 1`` on the development
machine, where SQLite itself answers an indexed lookup in ~20 µs. The bot's hot path (one read, three writes, the
position, BEGIN and COMMIT) spent most of its time in those hand-offs (``benchmarks/bench_bot.py``).

How it stays safe to run SQLite on the loop:

* Only the writer engine uses it (``storage/db.py``): short transactions of the bot's handlers. Long reads (exports,
  progress over thousands of units) go through the read engine, still on aiosqlite's thread.
* The one wait SQLite can impose is a lock held by another process (a CLI command writing). The connection's own
  ``busy_timeout`` is 0 here, and a statement refused with "database is locked" is retried after an *asynchronous*
  sleep (1 ms growing to 100 ms, for up to ``BUSY_TIMEOUT`` seconds): the loop keeps serving other updates meanwhile.
  A refused statement had no effect, so retrying it is exact.
* WAL with ``synchronous=NORMAL``: a commit writes the log without fsync (a killed process loses nothing committed;
  the checkpoint's fsync is the only disk wait, every ~1,000 pages).

It plugs into SQLAlchemy's own aiosqlite dialect as its DBAPI module (``create_async_engine(..., module=...)``), so the
dialect, type handling and error translation (``sqlite3`` exceptions) are SQLAlchemy's.
"""

from __future__ import annotations

import asyncio
import collections
import sqlite3
import time
from collections.abc import Iterator, Sequence
from typing import Any

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_connection, AsyncAdapt_aiosqlite_dbapi
from sqlalchemy.util.concurrency import await_

BUSY_TIMEOUT = 30.0  # seconds a statement waits for another process's write lock before failing


def _locked(exc: sqlite3.OperationalError) -> bool:
    msg = str(exc).lower()
    return "database is locked" in msg or "database is busy" in msg


async def _nothing() -> None:
    return None


def _run(fn: Any, *args: Any) -> Any:
    """``fn(*args)``, retried while another process holds the lock, sleeping without blocking the loop.

    It passes through the event loop's side of the greenlet once (an awaitable that finishes at once, no loop
    iteration): SQLAlchemy's ``AsyncConnection.execute`` checks that its driver awaited something."""
    await_(_nothing())
    try:
        return fn(*args)
    except sqlite3.OperationalError as exc:
        if not _locked(exc):
            raise
    deadline, pause = time.monotonic() + BUSY_TIMEOUT, 0.001  # another process's transaction is short
    while True:
        await_(asyncio.sleep(pause))
        try:
            return fn(*args)
        except sqlite3.OperationalError as exc:
            if not _locked(exc) or time.monotonic() >= deadline:
                raise
        pause = min(pause * 2, 0.1)


class InlineCursor:
    """A DBAPI cursor over ``sqlite3``, called directly (the interface SQLAlchemy's async adapters present).

    As SQLAlchemy's own adapters do, a statement's rows are fetched at once when it runs, so the ``sqlite3`` statement
    is finished before control returns (nothing stays open across the handler's awaits)."""

    server_side = False
    __slots__ = ("_adapt_connection", "_cursor", "_rows", "_description")

    def __init__(self, adapt_connection: InlineConnection):
        self._adapt_connection = adapt_connection
        self._cursor = adapt_connection._connection.cursor()
        self._rows: collections.deque[Any] = collections.deque()
        self._description: Any = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    def execute(self, operation: Any, parameters: Sequence[Any] | None = None) -> Any:
        try:
            _run(self._cursor.execute, operation, () if parameters is None else parameters)
            self._description = self._cursor.description
            if self._description:
                self._rows = collections.deque(self._cursor.fetchall())
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def executemany(self, operation: Any, seq_of_parameters: Sequence[Any]) -> Any:
        try:
            _run(self._cursor.executemany, operation, seq_of_parameters)
            self._description = self._cursor.description
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def fetchone(self) -> Any:
        return self._rows.popleft() if self._rows else None

    def fetchmany(self, size: int | None = None) -> list[Any]:
        n = self._cursor.arraysize if size is None else size
        return [self._rows.popleft() for _ in range(min(n, len(self._rows)))]

    def fetchall(self) -> list[Any]:
        rows, self._rows = list(self._rows), collections.deque()
        return rows

    async def _async_soft_close(self) -> None:
        """SQLAlchemy's hook before a result leaves the greenlet: the rows are already here; free the statement."""
        self._cursor.close()

    def close(self) -> None:
        self._rows.clear()
        self._cursor.close()

    def setinputsizes(self, *inputsizes: Any) -> None:
        pass

    def setoutputsize(self, size: Any, column: Any = None) -> None:
        pass

    def nextset(self) -> None:
        return None

    def __iter__(self) -> Iterator[Any]:
        while self._rows:
            yield self._rows.popleft()

    def __enter__(self) -> InlineCursor:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class InlineConnection(AsyncAdapt_aiosqlite_connection):
    """The adapted connection: ``_connection`` is a plain ``sqlite3.Connection``."""

    __slots__ = ()
    _cursor_cls = InlineCursor  # type: ignore[assignment]
    _ss_cursor_cls = InlineCursor  # type: ignore[assignment]

    @property
    def isolation_level(self) -> str | None:
        return self._connection.isolation_level  # type: ignore[no-any-return]

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._connection.isolation_level = value

    def create_function(self, *args: Any, **kw: Any) -> None:
        self._connection.create_function(*args, **kw)

    def rollback(self) -> None:
        self._connection.rollback()

    def commit(self) -> None:
        try:
            _run(self._connection.commit)
        except Exception as error:
            self._handle_exception(error)

    def close(self) -> None:
        self._connection.close()

    def terminate(self) -> None:
        self._connection.close()


class InlineDbapi(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module given to SQLAlchemy's aiosqlite dialect: connections are :class:`InlineConnection`."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> InlineConnection:  # type: ignore[override]
        kw.pop("async_creator_fn", None)
        kw["check_same_thread"] = False  # the pool may close a connection from the garbage collector's thread
        kw["timeout"] = 0  # busy waits are asynchronous (see _run), never a blocking sleep in the loop
        return InlineConnection(self, sqlite3.connect(*arg, **kw))
