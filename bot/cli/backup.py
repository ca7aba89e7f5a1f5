"""`baocao backup PATH`: a consistent copy of the SQLite database while the bot runs."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from bot.config import Settings


async def cmd_backup(a: argparse.Namespace, st: Settings) -> int:
    from storage.backup import backup_sqlite

    src = st.sqlite_path()
    if src is None:
        print("Cơ sở dữ liệu là PostgreSQL: sao lưu bằng pg_dump, ví dụ:\n"
              "  pg_dump --format=custom --file=baocao.dump \"postgresql://user@host:5432/baocao\"\n"
              "Khôi phục: pg_restore --clean --dbname=... baocao.dump")
        return 1
    if not src.exists():
        print(f"Chưa có cơ sở dữ liệu tại {src}.", file=sys.stderr)
        return 2
    out = Path(a.path)
    stats = await asyncio.to_thread(backup_sqlite, src, out)
    print(f"Đã sao lưu {stats['pages']} trang ({stats['bytes'] / 1024:.0f} KiB) vào {out}; kiểm tra toàn vẹn: {stats['check']}.")
    return 0


def register(sub: Any) -> None:
    x = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu SQLite khi bot đang chạy")
    x.add_argument("path")
    x.set_defaults(fn=cmd_backup)
