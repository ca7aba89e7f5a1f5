"""What the subcommands share: JSON output, the catalogue, a database opened for one command, unit lookup."""

from __future__ import annotations

import json
import sys
from contextlib import asynccontextmanager
from datetime import date, datetime
from typing import Any

from bot.config import Settings
from dialogs.loader import load_catalogue


def _print_json(obj: Any) -> None:
    def default(o: Any) -> Any:
        if isinstance(o, datetime | date):
            return o.isoformat()
        raise TypeError(type(o))

    print(json.dumps(obj, ensure_ascii=False, indent=2, default=default))


def _catalogue(settings: Settings):
    """The outline files only (shipped, and OUTLINES_DIR); see :func:`_catalogue_db`."""
    return load_catalogue((settings.outlines_dir,) if settings.outlines_dir else ())


async def _catalogue_db(settings: Settings):
    """The outline files plus the outlines published from the bot (/nhapdecuong), read from the database.
    Without a database (none yet, or not migrated) it is the files alone."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.services import published_catalogue
    from storage.db import open_database
    from storage.repo import Repo

    base = _catalogue(settings)
    path = settings.sqlite_path()
    if path is not None and not path.is_file():
        return base
    db = open_database(settings.database_url)
    try:
        async with db.read_session() as s:
            cat, _ = await published_catalogue(base, Repo(s))
        return cat
    except (SQLAlchemyError, OSError):
        return base
    finally:
        await db.dispose()


@asynccontextmanager
async def _db(settings: Settings):
    from storage.db import open_database, upgrade

    await upgrade(settings.database_url)
    db = open_database(settings.database_url)
    try:
        yield db
    finally:
        await db.dispose()


async def unit_or_complain(repo: Any, code: str):
    """The unit with this code, or None after telling the administrator how to find the right code."""
    unit = await repo.units.unit_by_code(code)
    if unit is None:
        print(f"Không có đơn vị mã «{code}». Tìm mã bằng: baocao units find TÊN", file=sys.stderr)
    return unit


def progress_bar(args: Any, *, total: int, desc: str):
    """A progress bar on a terminal (tqdm, on stderr); none with --json or when stderr is not a terminal."""
    from tqdm import tqdm

    quiet = bool(getattr(args, "json", False)) or not sys.stderr.isatty()
    return tqdm(total=total, desc=desc, disable=quiet, leave=False, bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}")


class Stepper:
    """Moves a bar of total 100 to a share done (0–1); never backwards."""

    def __init__(self, bar: Any):
        self.bar = bar

    def __call__(self, share: float) -> None:
        target = round(100 * min(max(share, 0.0), 1.0))
        if target > self.bar.n:
            self.bar.update(target - self.bar.n)
