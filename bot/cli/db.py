"""`baocao db upgrade`: create or upgrade the database schema."""

from __future__ import annotations

import argparse
from typing import Any

from bot.config import Settings


async def cmd_db_upgrade(a: argparse.Namespace, st: Settings) -> int:
    from storage.db import current_revision, upgrade

    await upgrade(st.database_url)
    print(f"Cơ sở dữ liệu đã ở phiên bản mới nhất: {await current_revision(st.database_url)}")
    return 0


def register(sub: Any) -> None:
    d = sub.add_parser("db", help="cơ sở dữ liệu").add_subparsers(dest="sub", required=True)
    d.add_parser("upgrade", help="tạo/nâng cấp lược đồ").set_defaults(fn=cmd_db_upgrade)
