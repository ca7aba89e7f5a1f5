"""`baocao units import|aliases|find|list`: the unit tree."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli.common import Stepper, _db, _print_json, progress_bar, unit_or_complain
from bot.config import Settings
from dialogs.kinds import UNIT_KINDS


def _unit_json(u, parent_code: str | None) -> dict[str, Any]:
    return {"code": u.code, "name": u.name, "kind": u.kind, "parent": parent_code, "active": u.active}


async def cmd_units_import(a: argparse.Namespace, st: Settings) -> int:
    from storage.unit_import import UnitImportError, import_aliases, import_units

    async with _db(st) as db:
        try:
            with progress_bar(a, total=100, desc="Nhập đơn vị") as bar:
                res = await import_units(db, a.file, progress=Stepper(bar))
        except UnitImportError as e:
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
    from storage.unit_import import import_aliases

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
        units = await repo.units.list_units(under, active_only=not a.all)
        by_id = {u.id: u for u in units}
        missing = {u.parent_id for u in units if u.parent_id and u.parent_id not in by_id}
        by_id.update(await repo.units.units_by_ids(missing))
    rows = [_unit_json(u, by_id[u.parent_id].code if u.parent_id else None) for u in units]
    if a.json:
        _print_json(rows)
        return 0
    for u in units:
        depth = u.path.count("/") - 2 - (under.path.count("/") - 2 if under else 0)
        print(f"{'  ' * max(depth, 0)}{u.code:<8} {u.name}  [{UNIT_KINDS.get(u.kind, u.kind)}]")
    print(f"\nTổng: {len(units)} đơn vị.")
    return 0


def register(sub: Any) -> None:
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
