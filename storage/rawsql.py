"""Core statements compiled once per dialect and run on the database driver's own connection, inside the session's
transaction: the web form's field save (``storage/repos/web.py``) without SQLAlchemy's per-statement machinery.

Why: through ``AsyncConnection.execute`` a prepared Core statement still costs ~0.1–0.2 ms of CPU (execution
context, parameter processing, result set-up, the greenlet hop), and a field save is four of them — most of a
save's CPU (``benchmarks/bench_web.py``). Here the statement is compiled once (SQL text, the order of its
parameters, their types' bind processors: the same ``TZDateTime`` / ``JSON`` handling as SQLAlchemy's), and each
call is the driver's own call: ``sqlite3`` in the loop's thread (``storage/sqlite_inline.py``) or asyncpg (its
prepared statement cache).

Public APIs only: ``Compiled.positiontup`` / ``binds`` / ``params``, ``TypeEngine.dialect_impl(…).bind_processor`` /
``result_processor``, ``exported_columns``, ``PoolProxiedConnection.driver_connection`` and, to begin the
transaction, ``AsyncConnection.exec_driver_sql``: the first statement of a PostgreSQL transaction goes through it
(SQLAlchemy's asyncpg adapter begins its transaction at its first cursor); the following ones find asyncpg's
connection in a transaction and run on it directly. SQLite's ``BEGIN IMMEDIATE`` is SQLAlchemy's ``begin`` event
(``storage/db.py``), run by ``session.connection()``. So what runs here commits or rolls back with the session."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

DRIVER = "rawsql_driver"  # session.info: (transaction, dialect name, SQLAlchemy's connection, the driver's)


def _bind(bind: Any, dialect: Any) -> Any:
    return bind.type.dialect_impl(dialect).bind_processor(dialect)


class Raw:
    """One statement compiled for one dialect: ``sql``, its parameters in order with their bind processors, and the
    result processors of the selected (or returned) columns; the first ``raw_columns`` (negative: all but the last
    ``-raw_columns``) are left as the driver gives them (values only compared, never used)."""

    __slots__ = ("sql", "names", "defaults", "procs", "plan", "todo")

    def __init__(self, stmt: Any, dialect: Any, *, raw_columns: int = 0):
        compiled = stmt.compile(dialect=dialect)
        self.sql = str(compiled)
        self.names: tuple[str, ...] = tuple(compiled.positiontup or ())
        self.defaults = compiled.params  # literal values bound by the statement itself (version=1, …)
        self.procs = tuple(_bind(compiled.binds[n], dialect) for n in self.names)
        # each parameter in order: its name, its processor, the statement's own value when the call gives none
        self.plan = tuple((n, p, self.defaults.get(n)) for n, p in zip(self.names, self.procs, strict=True))
        columns = list(stmt.exported_columns)
        first = raw_columns if raw_columns >= 0 else len(columns) + raw_columns
        self.todo = [(i, proc) for i, col in enumerate(columns) if i >= first
                     for proc in [col.type.dialect_impl(dialect).result_processor(dialect, None)] if proc is not None]

    def args(self, params: dict[str, Any]) -> list[Any]:
        get = params.get
        return [get(n, d) if p is None else p(get(n, d)) for n, p, d in self.plan]

    def row(self, raw: Sequence[Any]) -> tuple[Any, ...]:
        if not self.todo:
            return tuple(raw)
        out = list(raw)
        for i, proc in self.todo:
            out[i] = proc(out[i])
        return tuple(out)


async def driver(session: AsyncSession) -> tuple[str, AsyncConnection, Any]:
    """The session's connection (SQLAlchemy's and the driver's own: ``sqlite3.Connection`` or asyncpg's), kept in the
    session for the rest of its transaction."""
    held = session.info.get(DRIVER)
    if held is not None and held[0] is session.sync_session.get_transaction():
        return held[1], held[2], held[3]
    conn = await session.connection()
    raw = (await conn.get_raw_connection()).driver_connection
    session.info[DRIVER] = (session.sync_session.get_transaction(), conn.dialect.name, conn, raw)
    return conn.dialect.name, conn, raw


def statements(session: AsyncSession, build: Callable[[Any, str], Raw]) -> dict[str, Raw]:
    """name → the statement ``build(dialect, name)`` compiled for the session's dialect, once per process (the
    session's dialect looked up once per session, kept in ``session.info``)."""
    key = session.info.get(COMPILED)
    if key is None:
        dialect = session.bind.dialect
        key = session.info[COMPILED] = (dialect.name, dialect.driver)
    found = _COMPILED.get((key, build))
    if found is None:
        found = _COMPILED[(key, build)] = _Lazy(session.bind.dialect, build)
    return found


def compiled(dialect: Any, build: Callable[[Any, str], Raw], name: str) -> Raw:
    """Statement ``name`` of ``build`` compiled for ``dialect`` (the same cache as :func:`statements`)."""
    key = (dialect.name, dialect.driver)
    found = _COMPILED.get((key, build))
    if found is None:
        found = _COMPILED[(key, build)] = _Lazy(dialect, build)
    return found[name]


class _Lazy(dict):
    """name → Raw, each compiled at its first use."""

    def __init__(self, dialect: Any, build: Callable[[Any, str], Raw]):
        super().__init__()
        self.dialect, self.build = dialect, build

    def __missing__(self, name: str) -> Raw:
        raw = self[name] = self.build(self.dialect, name)
        return raw


COMPILED = "rawsql_dialect"  # session.info: the session's dialect (name, driver)
_COMPILED: dict[tuple[tuple[str, str], Any], _Lazy] = {}


async def fetch(session: AsyncSession, stmt: Raw, params: dict[str, Any], *, alone: bool = False) -> list[tuple[Any, ...]]:
    """The rows of ``stmt`` (processed as SQLAlchemy would), run on the driver's connection (``alone``: as
    :func:`fetch_sql`)."""
    rows = await fetch_sql(session, stmt.sql, stmt.args(params), alone=alone)
    if not stmt.todo:
        return [tuple(r) for r in rows]
    return [stmt.row(r) for r in rows]


async def fetch_sql(session: AsyncSession, sql: str, args: Sequence[Any], *, alone: bool = False) -> Any:
    """The driver's rows of ``sql`` (in the driver's own parameter style, ``args`` already processed), run on the
    driver's connection in the session's transaction. ``alone`` (PostgreSQL, no statement run in the session's
    transaction yet): a statement of its own instead, PostgreSQL's implicit transaction — committed (durably, as a
    COMMIT is) when it returns, or rolled back whole on an error — without the BEGIN and COMMIT round trips; what runs
    after it in the session begins the transaction as usual. For a read before the transaction's first statement,
    and for a write that is the transaction's only statement."""
    held = session.info.get(DRIVER)
    if held is not None and held[0] is session.sync_session.get_transaction():
        kind, conn, raw = held[1], held[2], held[3]
    else:
        kind, conn, raw = await driver(session)
    if kind != "postgresql":
        return raw.execute(sql, args).fetchall()
    if alone or raw.is_in_transaction():
        return await raw.fetch(sql, *args)
    # the transaction's first statement: through SQLAlchemy, which begins its transaction
    return (await conn.exec_driver_sql(sql, tuple(args))).all()


async def in_transaction(session: AsyncSession) -> bool:
    """Whether the session's connection has a transaction open in the database (SQLite: always taken as open)."""
    kind, _, raw = await driver(session)
    return kind != "postgresql" or raw.is_in_transaction()


async def fetch_one(session: AsyncSession, stmt: Raw, params: dict[str, Any]) -> tuple[Any, ...] | None:
    rows = await fetch(session, stmt, params)
    return rows[0] if rows else None
