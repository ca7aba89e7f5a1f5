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
