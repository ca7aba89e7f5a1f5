"""The database a benchmark runs on: a temporary SQLite file, or a PostgreSQL database reset before and after."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.db import Database, downgrade, open_database, upgrade  # noqa: E402


@asynccontextmanager
async def bench_database(url: str | None) -> AsyncIterator[Database]:
    tmp = None
    if url is None:
        tmp = tempfile.TemporaryDirectory()
        url = f"sqlite+aiosqlite:///{tmp.name}/bench.db"
    else:
        await ensure_pg_database(url)
        await downgrade(url, "base")
    await upgrade(url)
    db = open_database(url)
    try:
        yield db
    finally:
        await db.dispose()
        if tmp is not None:
            tmp.cleanup()
        else:
            await downgrade(url, "base")


async def ensure_pg_database(url: str) -> None:
    """Creates the benchmark's PostgreSQL database when it does not exist yet (a fresh machine has only `test`)."""
    import asyncpg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    conn = await asyncpg.connect(host=u.host, port=u.port, user=u.username, password=u.password, database="postgres")
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", u.database):
            await conn.execute(f'CREATE DATABASE "{u.database}"')
    finally:
        await conn.close()


PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test_perf"


def percentile(sorted_values: list[float], p: float) -> float:
    """The p-th percentile of already sorted values (nearest rank); 0 for none."""
    if not sorted_values:
        return 0.0
    rank = max(1, min(len(sorted_values), int(round(p / 100 * len(sorted_values)))))
    return sorted_values[rank - 1]


class StatementCounter:
    """Counts the SQL statements sent to the database (writer and reader engines), by first word."""

    def __init__(self, db: Database):
        from sqlalchemy import event

        self.n = 0
        self.kinds: dict[str, int] = {}
        self._event = event
        self._engines = {id(e.sync_engine): e.sync_engine for e in (db.engine, db.read_engine)}.values()
        for eng in self._engines:
            event.listen(eng, "before_cursor_execute", self._count)
            event.listen(eng, "commit", self._commit)
            if eng.dialect.name != "sqlite":  # SQLite's BEGIN is a statement of its own (storage/db.py)
                event.listen(eng, "begin", self._begin)

    def _count(self, _conn, _cursor, statement: str, *_args) -> None:
        self.n += 1
        word = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "?"
        self.kinds[word] = self.kinds.get(word, 0) + 1

    def _begin(self, _conn) -> None:  # asyncpg sends BEGIN itself: a round trip too
        self.n += 1
        self.kinds["BEGIN"] = self.kinds.get("BEGIN", 0) + 1

    def _commit(self, _conn) -> None:
        self.n += 1
        self.kinds["COMMIT"] = self.kinds.get("COMMIT", 0) + 1

    def summary(self, per: int) -> str:
        return ", ".join(f"{k} {v / per:.2f}" for k, v in sorted(self.kinds.items(), key=lambda kv: -kv[1]))

    def close(self) -> None:
        for eng in self._engines:
            self._event.remove(eng, "before_cursor_execute", self._count)
            self._event.remove(eng, "commit", self._commit)
            if self._event.contains(eng, "begin", self._begin):
                self._event.remove(eng, "begin", self._begin)
