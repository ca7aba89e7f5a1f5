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
    return load_catalogue((settings.outlines_dir,) if settings.outlines_dir else ())


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
    unit = await repo.unit_by_code(code)
    if unit is None:
        print(f"Không có đơn vị mã «{code}». Tìm mã bằng: baocao units find TÊN", file=sys.stderr)
    return unit
