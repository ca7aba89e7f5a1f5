"""A consistent copy of the SQLite database while the bot writes to it (SQLite's online backup API)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def backup_sqlite(src: Path, dest: Path, pages_per_step: int = 1024) -> dict[str, Any]:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    if tmp.exists():
        tmp.unlink()
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=30)
    target = sqlite3.connect(tmp)
    pages = 0
    try:
        def progress(status: int, remaining: int, total: int) -> None:
            nonlocal pages
            pages = total

        source.backup(target, pages=pages_per_step, progress=progress)
        check = target.execute("PRAGMA integrity_check").fetchone()[0]
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()
    tmp.replace(dest)
    return {"pages": pages, "bytes": dest.stat().st_size, "check": check}
