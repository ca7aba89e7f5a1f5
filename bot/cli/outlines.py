"""`baocao outlines list|show|check`: the outline catalogue."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.cli.common import _catalogue, _print_json
from bot.config import Settings
from dialogs.loader import check_outline_file
from dialogs.outline import PERIOD_KIND_VI, TYPE_VI


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


def register(sub: Any) -> None:
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
