"""`baocao invite` and `baocao users list|add|remove`: who may use the bot, in which role."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli.common import _db, _print_json, unit_or_complain
from bot.config import Settings


async def _bot_username(st: Settings) -> str | None:
    if st.bot_username:
        return st.bot_username.lstrip("@")
    if not st.token:
        return None
    from bot.app import make_bot

    bot = make_bot(st)
    try:
        me = await bot.get_me()
        return me.username
    except Exception:
        return None
    finally:
        await bot.session.close()


async def cmd_invite(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    async with _db(st) as db, db.session() as s:
        repo = Repo(s)
        unit = await unit_or_complain(repo, a.unit)
        if unit is None:
            return 2
        inv = await repo.onboarding.create_invite(unit, a.role, uses=a.uses, days=a.days)
        await s.commit()
    username = await _bot_username(st)
    link = f"https://t.me/{username or '<tên_bot>'}?start={inv.code}"
    if a.json:
        _print_json({"code": inv.code, "link": link, "unit": unit.code, "role": a.role, "uses": a.uses,
                     "expires_at": inv.expires_at})
        return 0
    role_vi = "cán bộ đầu mối" if a.role == "officer" else "người tổng hợp"
    print(f"Mã mời: {inv.code}\nĐường dẫn: {link}")
    print(f"Cho: {unit.name} ({role_vi}); dùng được {a.uses} lần"
          + (f", hết hạn sau {a.days} ngày." if a.days else "."))
    if not username:
        print("(Chưa biết tên bot: đặt BOT_USERNAME hoặc BOT_TOKEN trong .env để in đường dẫn đầy đủ.)")
    if st.zalo_token:
        print(f"Trên Zalo: mở cuộc trò chuyện với bot rồi gõ mã mời {inv.code}.")
    return 0


async def cmd_users_list(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    async with _db(st) as db, db.read_session() as s:
        repo = Repo(s)
        accs = await repo.accounts.list_accounts(a.role)
        units = await repo.units.units_by_ids([x.unit_id for x in accs if x.unit_id])
        rows = []
        for x in accs:
            scopes = [u.code for u in await repo.accounts.scopes(x)] if x.role != "officer" else []
            u = units.get(x.unit_id) if x.unit_id else None
            rows.append({"telegram_id": x.telegram_id, "name": x.full_name, "role": x.role,
                         "unit": u.code if u else None, "unit_name": u.name if u else None, "scopes": scopes,
                         "blocked": x.blocked})
    if a.json:
        _print_json(rows)
        return 0
    for r in rows:
        print(f"{r['telegram_id']:<12} {r['role']:<10} {(r['unit'] or '-'):<8} {r['unit_name'] or ''} {r['name']}"
              + ("  [đã chặn bot]" if r["blocked"] else ""))
    print(f"\nTổng: {len(rows)} người dùng.")
    return 0


async def cmd_users_add(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    async with _db(st) as db, db.session() as s:
        repo = Repo(s)
        unit = None
        if a.unit:
            unit = await unit_or_complain(repo, a.unit)
            if unit is None:
                return 2
        elif a.role != "admin":
            print("Cần --unit MÃ cho cán bộ và người tổng hợp.", file=sys.stderr)
            return 2
        acc = await repo.accounts.ensure_account(a.telegram_id, a.name or "")
        await repo.accounts.set_account(acc, role=a.role, unit=unit)
        await s.commit()
    print(f"Đã thêm {a.telegram_id} với vai trò {a.role}" + (f" cho {unit.name}." if unit else "."))
    return 0


async def cmd_users_remove(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    async with _db(st) as db, db.session() as s:
        repo = Repo(s)
        acc = await repo.accounts.account_by_tg(a.telegram_id)
        if acc is None or not acc.active:
            print(f"Không có người dùng {a.telegram_id}. Xem danh sách: baocao users list", file=sys.stderr)
            return 2
        await repo.accounts.remove_account(acc)
        await s.commit()
    print(f"Đã gỡ quyền của {a.telegram_id} (các câu trả lời đã nhập vẫn được giữ).")
    return 0


def register(sub: Any) -> None:
    x = sub.add_parser("invite", help="tạo mã mời cho một đơn vị")
    x.add_argument("unit", help="mã đơn vị")
    x.add_argument("--role", choices=["officer", "supervisor"], default="officer")
    x.add_argument("--uses", type=int, default=1)
    x.add_argument("--days", type=int, default=30)
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_invite)

    us = sub.add_parser("users", help="người dùng").add_subparsers(dest="sub", required=True)
    x = us.add_parser("list")
    x.add_argument("--role", choices=["admin", "supervisor", "officer"])
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_users_list)
    x = us.add_parser("add")
    x.add_argument("--telegram-id", type=int, required=True)
    x.add_argument("--role", choices=["admin", "supervisor", "officer"], required=True)
    x.add_argument("--unit", help="mã đơn vị (cán bộ: đơn vị trả lời; người tổng hợp: đơn vị quản lý)")
    x.add_argument("--name", default="")
    x.set_defaults(fn=cmd_users_add)
    x = us.add_parser("remove")
    x.add_argument("--telegram-id", type=int, required=True)
    x.set_defaults(fn=cmd_users_remove)
