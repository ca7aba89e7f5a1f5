from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from storage.db import Database, open_database, upgrade

# property tests assert what is parsed, not how fast: no per-example deadline (a loaded CI machine is slow)
hypothesis_settings.register_profile("project", deadline=None)
hypothesis_settings.load_profile("project")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"



def _per_worker(url: str | None) -> str | None:
    """Under pytest-xdist (``-n``) each worker has a PostgreSQL database of its own: ``<name>_<worker>``, made
    when missing (the tests truncate and reset their database, so two workers never share one)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    base, _, name = url.rpartition("/")
    name, sep, query = name.partition("?")
    return f"{base}/{name}_{worker}{sep}{query}"


BASE_PG_URL = os.environ.get("TEST_DATABASE_URL")
PG_URL = _per_worker(BASE_PG_URL)


def _asyncpg(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


def _pg_reset(url: str) -> None:
    import asyncpg

    async def go() -> None:
        if url != BASE_PG_URL:  # a worker's own database: created on the server of TEST_DATABASE_URL
            admin = await asyncpg.connect(_asyncpg(BASE_PG_URL))
            try:
                name = url.rpartition("/")[2].partition("?")[0]
                if not await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
                    await admin.execute(f'CREATE DATABASE "{name}"')
            finally:
                await admin.close()
        conn = await asyncpg.connect(_asyncpg(url))
        try:
            await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        finally:
            await conn.close()

    asyncio.run(go())


@pytest.fixture(scope="session")
def db_template(tmp_path_factory) -> str:
    """A migrated database: a template SQLite file, or the PostgreSQL test database (migrated once)."""
    if PG_URL:
        _pg_reset(PG_URL)
        asyncio.run(upgrade(PG_URL))
        return PG_URL
    path = tmp_path_factory.mktemp("tmpl") / "template.db"
    url = f"sqlite+aiosqlite:///{path}"
    asyncio.run(upgrade(url))
    return str(path)


RESTART_SEQUENCES = """DO $$ DECLARE s record; BEGIN
  FOR s IN SELECT c.oid::regclass AS seq FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind = 'S' AND n.nspname = 'public' LOOP
    EXECUTE format('ALTER SEQUENCE %s RESTART', s.seq);
  END LOOP;
END $$;"""


async def _empty_pg(url: str) -> None:
    """Every table emptied and every sequence restarted, as ``TRUNCATE … RESTART IDENTITY`` would, in one
    transaction: DELETE, children before parents, is ~20× quicker than TRUNCATE on the few rows a test leaves
    (TRUNCATE makes new files for every table and index: 0.25 s a test)."""
    import asyncpg

    from storage.models import Base

    deletes = " ".join(f"DELETE FROM {t.name};" for t in reversed(Base.metadata.sorted_tables))
    conn = await asyncpg.connect(_asyncpg(url))
    try:
        await conn.execute(f"BEGIN; {deletes} {RESTART_SEQUENCES} COMMIT;")
    finally:
        await conn.close()


@pytest.fixture
def db_url(db_template, tmp_path) -> str:
    if PG_URL:
        return PG_URL
    dest = tmp_path / "test.db"
    shutil.copy(db_template, dest)
    return f"sqlite+aiosqlite:///{dest}"


@pytest.fixture
async def db(db_url) -> Database:
    if PG_URL:
        await _empty_pg(db_url)
    database = open_database(db_url)
    yield database
    await database.dispose()


if os.environ.get("TEST_UVLOOP"):  # TEST_UVLOOP=1: every async test on uvloop's loop, the bot's own (bot.app.run_main)

    def pytest_asyncio_loop_factories(config, item):
        import uvloop

        return {"uvloop": uvloop.new_event_loop}


def _end_to_end(item) -> bool:
    return item.get_closest_marker("slow") is not None or "end_to_end" in item.path.parts


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    # On the PostgreSQL pass (-m db) only database tests run; mark fixtures users automatically.
    for item in items:
        if "db" in getattr(item, "fixturenames", ()) or "db_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)
        if _end_to_end(item):
            # under xdist (--dist loadgroup) the end-to-end tests, real bot processes and browsers on real time,
            # run one after another on one worker, as without xdist: never two of them at once on two cores,
            # while the other worker runs the in-process tests
            item.add_marker(pytest.mark.xdist_group("end_to_end"))
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # the long in-process tests first (every worker sorts alike): the workers do not end one of them alone
        items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture
def no_db(monkeypatch, tmp_path):
    """A settings environment whose database does not exist: the CLI works from the outline files."""
    from bot.config import get_settings

    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'none.db'}")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
