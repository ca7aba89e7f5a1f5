"""Database engines and sessions; migrations run through Alembic.

SQLite (default): WAL journal, foreign keys on, synchronous=NORMAL (a killed process loses nothing that
was committed), a busy timeout, and write transactions opened with BEGIN IMMEDIATE so two writers queue
instead of failing with "database is locked". Reads use a second engine with ordinary deferred
transactions, so a long export never blocks answers being written.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _prepare_sqlite_file(url: str) -> None:
    db = make_url(url).database
    if db and db != ":memory:":
        Path(db).parent.mkdir(parents=True, exist_ok=True)


def _json_dumps(obj: Any) -> str:
    # UTF-8 as is (not "\\u1ea1" escapes): a third of the size for Vietnamese text
    return orjson.dumps(obj).decode()


def _json_loads(raw: Any) -> Any:
    # SQLite's numeric affinity can hand back a bare number for a JSON number: it is already the value
    return orjson.loads(raw) if isinstance(raw, str | bytes | bytearray | memoryview) else raw


JSON_ARGS: dict[str, Any] = {"json_serializer": _json_dumps, "json_deserializer": _json_loads}


def _sqlite_engine(url: str, *, immediate: bool, inline: bool = False, **kw: Any) -> AsyncEngine:
    if inline:  # SQLite called in the loop's thread, not through aiosqlite's worker (storage/sqlite_inline.py)
        from storage.sqlite_inline import InlineDbapi

        kw["module"] = InlineDbapi()
    engine = create_async_engine(url, **JSON_ARGS, **kw)
    # inline: waits for another process's lock are asynchronous retries, never a blocking sleep in the loop
    busy_ms = 0 if inline else 30000

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
        # let SQLAlchemy's begin event (below) decide how transactions start
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={busy_ms}")
        cur.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@dataclass
class Database:
    url: str
    engine: AsyncEngine
    read_engine: AsyncEngine
    session: async_sessionmaker[AsyncSession]
    read_session: async_sessionmaker[AsyncSession]
    _closed: bool = field(default=False)

    @property
    def sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    async def dispose(self) -> None:
        if not self._closed:
            self._closed = True
            await self.engine.dispose()
            if self.read_engine is not self.engine:
                await self.read_engine.dispose()


# How long an update may wait for a database connection. In a deadline surge thousands of updates arrive within
# seconds and queue for the pool (FIFO): they must wait their turn, not fail after the default 30 s.
POOL_TIMEOUT = 900


# PostgreSQL: a pooled connection is pinged before use only when it has lain idle this long (a restarted or
# unreachable server is then noticed before an update uses it). Under load connections come back within
# milliseconds and skip the round trip that SQLAlchemy's pool_pre_ping would make on every checkout.
PING_AFTER_IDLE = 2.0


def _ping_idle_connections(engine: AsyncEngine) -> None:
    dialect = engine.dialect

    @event.listens_for(engine.sync_engine, "checkin")
    def _stamp(_dbapi_conn: Any, record: Any) -> None:
        record.info["checked_in"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _ping(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get("checked_in")
        if last is None or time.monotonic() - last < PING_AFTER_IDLE:
            return  # new (just connected) or in use a moment ago
        try:
            alive = dialect.do_ping(dbapi_conn)
        except Exception as e:  # noqa: BLE001 - any failure: this connection is gone
            # the server restarted or went away: every older connection of the pool is replaced too
            raise exc.InvalidatePoolError(f"ping failed: {e}") from e
        if alive is False:
            raise exc.InvalidatePoolError("ping failed")


def open_database(url: str, *, echo: bool = False, pool_size: int = 20) -> Database:
    if is_sqlite(url):
        _prepare_sqlite_file(url)
        # one writer connection: SQLite writes one transaction at a time anyway, and waiting in the pool's
        # FIFO queue is fair, where SQLite's busy handler sleeps in growing steps and starves some writers
        engine = _sqlite_engine(url, immediate=True, inline=True, echo=echo, pool_size=1, max_overflow=0,
                                pool_timeout=POOL_TIMEOUT)
        read_engine = _sqlite_engine(url, immediate=False, echo=echo)
    else:
        # the pool is the number of updates handled against the database at once; the rest wait in its queue
        engine = create_async_engine(url, echo=echo, pool_size=pool_size, max_overflow=max(2, pool_size // 2),
                                     pool_timeout=POOL_TIMEOUT, **JSON_ARGS)
        _ping_idle_connections(engine)
        read_engine = engine
    return Database(
        url=url,
        engine=engine,
        read_engine=read_engine,
        session=async_sessionmaker(engine, expire_on_commit=False),
        read_session=async_sessionmaker(read_engine, expire_on_commit=False),
    )


# --------------------------------------------------------------------------- migrations


def alembic_config(url: str):  # -> alembic.config.Config
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _run_alembic(url: str, action: str, revision: str) -> None:
    from alembic import command

    if is_sqlite(url):
        _prepare_sqlite_file(url)
    cfg = alembic_config(url)
    getattr(command, action)(cfg, revision)


async def upgrade(url: str, revision: str = "head") -> None:
    """Create or upgrade the schema (Alembic); safe to call at every start."""
    await asyncio.to_thread(_run_alembic, url, "upgrade", revision)


async def downgrade(url: str, revision: str) -> None:
    await asyncio.to_thread(_run_alembic, url, "downgrade", revision)


async def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import pool

    eng = create_async_engine(url, poolclass=pool.NullPool)
    try:
        async with eng.connect() as conn:
            return await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_revision())
    finally:
        await eng.dispose()
