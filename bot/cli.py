"""`baocao`: the administrator's command line.

Every command prints Vietnamese for people and, with --json, JSON for machines.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import sys
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.config import Settings, get_settings
from dialogs.kinds import UNIT_KINDS
from dialogs.loader import check_outline_file, load_catalogue
from dialogs.outline import PERIOD_KIND_VI, TYPE_VI

Handler = Callable[[argparse.Namespace, Settings], Awaitable[int]]


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


# --------------------------------------------------------------------------- outlines


async def cmd_outlines_list(a: argparse.Namespace, st: Settings) -> int:
    cat = _catalogue(st)
    rows = [o.to_summary() for o in cat]
    if a.json:
        _print_json(rows)
        return 0
    print(f"{'Mã đề cương':<26} {'Kỳ':<10} {'Câu':>4} {'Biểu':>4}  Tên")
    for o in cat:
        print(f"{o.id:<26} {PERIOD_KIND_VI[o.period.kind]:<10} {len(o.refs):>4} {len(o.tables):>4}  {o.short}")
    return 0


async def cmd_outlines_show(a: argparse.Namespace, st: Settings) -> int:
    cat = _catalogue(st)
    try:
        o = cat.get(a.id)
    except KeyError:
        print(f"Không có đề cương «{a.id}». Xem danh sách: baocao outlines list", file=sys.stderr)
        return 2
    if a.json:
        _print_json(o.to_json())
        return 0
    print(o.title)
    if o.subtitle:
        print(f"({o.subtitle})")
    print(f"Kỳ báo cáo: {PERIOD_KIND_VI[o.period.kind]}; hạn nộp: {o.period.deadline_rule.describe()}")
    last_section = None
    for r in o.refs:
        if r.section_number != last_section:
            last_section = r.section_number
            print(f"\n{r.section_number}. {r.section.title}")
        q = r.question
        print(f"  [{q.key}] {q.no or ''} {q.prompt}  ({TYPE_VI[q.type]}{', ' + q.unit if q.unit else ''})")
        if q.table is not None:
            print(f"      {q.table.title}")
            print("      Cột: " + " | ".join(c.label for c in q.table.columns))
            print("      Dòng: " + " | ".join(f"{rw.no or ''} {rw.label}".strip() for rw in q.table.rows))
    return 0


async def cmd_outlines_check(a: argparse.Namespace, st: Settings) -> int:
    path = Path(a.file)
    if not path.is_file():
        print(f"Không tìm thấy tệp «{path}».", file=sys.stderr)
        return 2
    outline, problems = check_outline_file(path)
    if a.json:
        _print_json({"ok": not problems, "problems": [{"line": p.line, "message": p.message} for p in problems]})
        return 1 if problems else 0
    if problems:
        for p in problems:
            print(f"{path}:{p.line}: {p.message}")
        print(f"\n{len(problems)} lỗi. Sửa các dòng trên rồi chạy lại: baocao outlines check {path}")
        return 1
    assert outline is not None
    print(f"Đề cương hợp lệ: {outline.id} — {len(outline.refs)} câu hỏi, {len(outline.tables)} biểu.")
    return 0


# --------------------------------------------------------------------------- db


async def cmd_db_upgrade(a: argparse.Namespace, st: Settings) -> int:
    from storage.db import current_revision, upgrade

    await upgrade(st.database_url)
    print(f"Cơ sở dữ liệu đã ở phiên bản mới nhất: {await current_revision(st.database_url)}")
    return 0


# --------------------------------------------------------------------------- units


def _unit_json(u, parent_code: str | None) -> dict[str, Any]:
    return {"code": u.code, "name": u.name, "kind": u.kind, "parent": parent_code, "active": u.active}


async def cmd_units_import(a: argparse.Namespace, st: Settings) -> int:
    from storage.importer import ImportError_, import_aliases, import_units

    async with _db(st) as db:
        try:
            res = await import_units(db, a.file)
        except ImportError_ as e:
            print("Tệp bị từ chối, không có đơn vị nào được nhập:", file=sys.stderr)
            for row, msg in e.problems:
                print(f"  dòng {row}: {msg}", file=sys.stderr)
            return 1
        n_alias = await import_aliases(db, a.aliases) if a.aliases else None
    if a.json:
        _print_json({"created": res.created, "updated": res.updated, "unchanged": res.unchanged, "aliases": n_alias})
    else:
        print(f"Đã nhập {res.total} đơn vị: {res.created} mới, {res.updated} cập nhật, {res.unchanged} không đổi.")
        if n_alias is not None:
            print(f"Đã nạp {n_alias} tên cũ (trước 01/7/2025) để tìm kiếm.")
    return 0


async def cmd_units_aliases(a: argparse.Namespace, st: Settings) -> int:
    from storage.importer import import_aliases

    async with _db(st) as db:
        n = await import_aliases(db, a.file)
    print(f"Đã nạp {n} tên cũ (trước 01/7/2025) để tìm kiếm.")
    return 0


async def cmd_units_find(a: argparse.Namespace, st: Settings) -> int:
    from storage.search import UnitIndex

    async with _db(st) as db, db.read_session() as s:
        idx = await UnitIndex.load(s)
    matches = idx.search(a.text, limit=a.limit)
    if a.json:
        _print_json([m.to_json() for m in matches])
        return 0
    if not matches:
        print(f"Không tìm thấy đơn vị nào giống «{a.text}». Thử gõ tên khác, ví dụ: baocao units find \"phu quoc\"")
        return 1
    for m in matches:
        print(f"{m.score:5.1f}  {m.code:<8} {m.display()}")
    return 0


async def cmd_units_list(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    async with _db(st) as db, db.read_session() as s:
        repo = Repo(s)
        under = None
        if a.under:
            under = await unit_or_complain(repo, a.under)
            if under is None:
                return 2
        units = await repo.list_units(under, active_only=not a.all)
        by_id = {u.id: u for u in units}
        missing = {u.parent_id for u in units if u.parent_id and u.parent_id not in by_id}
        by_id.update(await repo.units_by_ids(missing))
    rows = [_unit_json(u, by_id[u.parent_id].code if u.parent_id else None) for u in units]
    if a.json:
        _print_json(rows)
        return 0
    for u in units:
        depth = u.path.count("/") - 2 - (under.path.count("/") - 2 if under else 0)
        print(f"{'  ' * max(depth, 0)}{u.code:<8} {u.name}  [{UNIT_KINDS.get(u.kind, u.kind)}]")
    print(f"\nTổng: {len(units)} đơn vị.")
    return 0


# --------------------------------------------------------------------------- invites and users


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
        inv = await repo.create_invite(unit, a.role, uses=a.uses, days=a.days)
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
    return 0


async def cmd_users_list(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    async with _db(st) as db, db.read_session() as s:
        repo = Repo(s)
        accs = await repo.list_accounts(a.role)
        units = await repo.units_by_ids([x.unit_id for x in accs if x.unit_id])
        rows = []
        for x in accs:
            scopes = [u.code for u in await repo.scopes(x)] if x.role != "officer" else []
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
        acc = await repo.ensure_account(a.telegram_id, a.name or "")
        await repo.set_account(acc, role=a.role, unit=unit)
        await s.commit()
    print(f"Đã thêm {a.telegram_id} với vai trò {a.role}" + (f" cho {unit.name}." if unit else "."))
    return 0


async def cmd_users_remove(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    async with _db(st) as db, db.session() as s:
        repo = Repo(s)
        acc = await repo.account_by_tg(a.telegram_id)
        if acc is None or not acc.active:
            print(f"Không có người dùng {a.telegram_id}. Xem danh sách: baocao users list", file=sys.stderr)
            return 2
        await repo.remove_account(acc)
        await s.commit()
    print(f"Đã gỡ quyền của {a.telegram_id} (các câu trả lời đã nhập vẫn được giữ).")
    return 0


# --------------------------------------------------------------------------- backup and answers export


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


async def cmd_answers_export(a: argparse.Namespace, st: Settings) -> int:
    from sqlalchemy import select

    from storage.models import Answer, Submission, Unit

    out = Path(a.out)
    n = 0
    async with _db(st) as db, db.read_session() as s:
        q = (
            select(Unit.code, Unit.name, Submission.status, Answer.question_key, Answer.value, Answer.version,
                   Answer.set_at, Answer.via)
            .join(Submission, Submission.id == Answer.submission_id)
            .join(Unit, Unit.id == Submission.unit_id)
            .where(Submission.period_id == a.period)
            .order_by(Unit.code, Answer.question_key)
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(["ma_don_vi", "ten_don_vi", "trang_thai", "cau_hoi", "gia_tri_json", "phien_ban",
                        "thoi_diem", "nguon"])
            for code, name, status, key, value, version, set_at, via in (await s.execute(q)).all():
                w.writerow([code, name, status, key, json.dumps(value, ensure_ascii=False), version,
                            set_at.isoformat(), via])
                n += 1
    print(f"Đã xuất {n} câu trả lời của kỳ {a.period} vào {out}.")
    return 0


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="baocao", description="Quản trị Trợ lý báo cáo")
    sub = p.add_subparsers(dest="cmd", required=True)

    o = sub.add_parser("outlines", help="đề cương báo cáo").add_subparsers(dest="sub", required=True)
    x = o.add_parser("list", help="danh sách đề cương")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_outlines_list)
    x = o.add_parser("show", help="xem một đề cương")
    x.add_argument("id")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_outlines_show)
    x = o.add_parser("check", help="kiểm tra một tệp đề cương .yaml")
    x.add_argument("file")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_outlines_check)

    d = sub.add_parser("db", help="cơ sở dữ liệu").add_subparsers(dest="sub", required=True)
    d.add_parser("upgrade", help="tạo/nâng cấp lược đồ").set_defaults(fn=cmd_db_upgrade)

    u = sub.add_parser("units", help="đơn vị").add_subparsers(dest="sub", required=True)
    x = u.add_parser("import", help="nhập đơn vị từ .csv/.xlsx (cột code,name,kind,parent hoặc ma,ten,loai,ma_cha)")
    x.add_argument("file")
    x.add_argument("--aliases", help="tệp merges.json: tên cũ trước 2025 để tìm kiếm")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_units_import)
    x = u.add_parser("aliases", help="nạp tên cũ từ dvhcvn_20250701_mapping_merges.json")
    x.add_argument("file")
    x.set_defaults(fn=cmd_units_aliases)
    x = u.add_parser("find", help="tìm đơn vị theo tên (không dấu cũng được)")
    x.add_argument("text")
    x.add_argument("--limit", type=int, default=5)
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_units_find)
    x = u.add_parser("list", help="liệt kê đơn vị")
    x.add_argument("--under", help="mã đơn vị cha: chỉ liệt kê cây con")
    x.add_argument("--all", action="store_true", help="cả đơn vị ngừng hoạt động")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_units_list)

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

    x = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu SQLite khi bot đang chạy")
    x.add_argument("path")
    x.set_defaults(fn=cmd_backup)

    an = sub.add_parser("answers", help="câu trả lời").add_subparsers(dest="sub", required=True)
    x = an.add_parser("export", help="xuất mọi câu trả lời của một kỳ ra CSV")
    x.add_argument("--period", type=int, required=True)
    x.add_argument("--out", required=True)
    x.set_defaults(fn=cmd_answers_export)

    for extra in _EXTRA_COMMANDS:
        extra(sub)
    return p


# other modules (periods, exports, demo) register their subcommands here
_EXTRA_COMMANDS: list[Callable[[Any], None]] = []


def register(fn: Callable[[Any], None]) -> Callable[[Any], None]:
    _EXTRA_COMMANDS.append(fn)
    return fn


def main(argv: list[str] | None = None) -> int:
    _load_plugins()
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = get_settings()
    try:
        return asyncio.run(args.fn(args, settings))
    except KeyboardInterrupt:
        return 130


def _load_plugins() -> None:
    import importlib

    for mod in ("bot.cli_periods", "bot.cli_export", "bot.demo"):
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:
            if e.name != mod:
                raise


if __name__ == "__main__":
    sys.exit(main())
