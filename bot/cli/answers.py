"""`baocao answers export`: every answer of a period as CSV; `baocao answers import FILE`: a filled .xlsx template."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from bot.cli.common import _db
from bot.config import Settings


async def cmd_answers_export(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    out = Path(a.out)
    n = 0
    async with _db(st) as db, db.read_session() as s:
        rows = await Repo(s).submissions.answer_rows(a.period)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(["ma_don_vi", "ten_don_vi", "trang_thai", "cau_hoi", "gia_tri_json", "phien_ban",
                        "thoi_diem", "nguon"])
            for code, name, status, key, value, version, set_at, via in rows:
                w.writerow([code, name, status, key, json.dumps(value, ensure_ascii=False), version,
                            set_at.isoformat(), via])
                n += 1
    print(f"Đã xuất {n} câu trả lời của kỳ {a.period} vào {out}.")
    return 0


async def cmd_answers_import(a: argparse.Namespace, st: Settings) -> int:
    """Store a filled template as the bot does when an officer sends it (only changed answers, via "xlsx")."""
    from bot.app import make_services
    from bot.cli.common import _print_json, progress_bar, unit_or_complain
    from bot.template_io import TemplateLocked, import_file
    from exports.template import TemplateRefused
    from storage.repo import Repo

    data = Path(a.file).read_bytes()
    async with _db(st) as db:
        services = make_services(st, db)
        await services.register_outlines()
        async with db.session() as s:
            repo = Repo(s)
            unit = None
            if a.unit:
                unit = await unit_or_complain(repo, a.unit)
                if unit is None:
                    return 1
            try:
                with progress_bar(a, total=1, desc="Đọc tệp mẫu") as bar:
                    got = await import_file(services, repo, data, unit=unit, by=None, force=a.force)
                    await s.commit()
                    bar.update(1)
            except TemplateRefused as e:
                hint = " (thêm --force để vẫn nhập)" if isinstance(e, TemplateLocked) else ""
                if a.json:
                    _print_json({"ok": False, "refused": e.reason + hint})
                else:
                    print(f"Không nhập: {e.reason}{hint}", file=sys.stderr)
                return 1
    if a.json:
        _print_json({"ok": True, "unit": got.unit.code, "period": got.period.id, "cells": got.result.cells,
                     "answers": len(got.result.answers), "stored": got.changed,
                     "errors": [{"sheet": e.sheet, "cell": e.cell, "message": e.message, "example": e.example}
                                for e in got.result.errors], "warnings": got.result.warnings})
    else:
        print(f"{got.unit.name} — {got.period.label}\n{got.text()}")
    return 0


def register(sub: Any) -> None:
    an = sub.add_parser("answers", help="câu trả lời").add_subparsers(dest="sub", required=True)
    x = an.add_parser("export", help="xuất mọi câu trả lời của một kỳ ra CSV")
    x.add_argument("--period", type=int, required=True)
    x.add_argument("--out", required=True)
    x.set_defaults(fn=cmd_answers_export)
    i = an.add_parser("import", help="nhập một tệp mẫu .xlsx đã điền (như cán bộ gửi cho bot)")
    i.add_argument("file", help="tệp .xlsx nhận bằng /mau rồi điền")
    i.add_argument("--unit", help="mã đơn vị mà tệp phải thuộc về (mặc định: đơn vị ghi trong tệp)")
    i.add_argument("--force", action="store_true", help="nhập cả khi báo cáo đã duyệt hoặc kỳ đã đóng")
    i.add_argument("--json", action="store_true")
    i.set_defaults(fn=cmd_answers_import)
