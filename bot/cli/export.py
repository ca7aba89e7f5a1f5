"""`baocao export OUTLINE PERIOD [--scope CODE] --out DIR`: the consolidated .docx and .xlsx from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from bot.cli.common import _catalogue_db, _db
from bot.config import Settings


async def find_period(repo, outline_id: str, ref: str):
    periods = await repo.list_periods(outline_id)
    if ref.isdigit():
        for p in periods:
            if p.id == int(ref):
                return p
    for p in periods:
        if p.label == ref or p.label.startswith(ref):
            return p
    if ref in ("latest", "moi-nhat", "moi_nhat") and periods:
        return periods[-1]
    return None


async def cmd_export(a: argparse.Namespace, st: Settings) -> int:
    from exports import build_report
    from exports.load import ExportError, load_consolidation
    from storage.repo import Repo

    cat = await _catalogue_db(st)
    if a.outline not in cat.outlines:
        print(f"Không có đề cương «{a.outline}». Xem danh sách: baocao outlines list", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    async with _db(st) as db:
        async with db.read_session() as s:
            period = await find_period(Repo(s), a.outline, a.period)
        if period is None:
            print(f"Không có kỳ «{a.period}» của đề cương {a.outline}. Xem các kỳ: baocao period list", file=sys.stderr)
            return 2
        try:
            cons = await load_consolidation(db, cat, period.id, a.scope)
        except ExportError as e:
            print(f"Không tổng hợp được: {e}", file=sys.stderr)
            return 2
    report = build_report(cons, org_name=st.org_name, org_parent=st.org_parent, place=st.org_place, layout=st.doc_layout)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / report.docx_name).write_bytes(report.docx)
    (out / report.xlsx_name).write_bytes(report.xlsx)
    took = time.perf_counter() - t0
    info: dict[str, Any] = {"docx": str(out / report.docx_name), "xlsx": str(out / report.xlsx_name),
                            "units": cons.completeness.expected, "submitted": cons.completeness.submitted,
                            "seconds": round(took, 2)}
    if a.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        print(report.summary)
        print(f"\nĐã ghi {info['docx']} và {info['xlsx']} ({took:.1f} giây).")
    return 0


def register(sub: Any) -> None:
    x = sub.add_parser("export", help="xuất báo cáo tổng hợp .docx và .xlsx")
    x.add_argument("outline", help="mã đề cương (baocao outlines list)")
    x.add_argument("period", help="số kỳ, nhãn kỳ, hoặc «latest»")
    x.add_argument("--scope", help="mã đơn vị: chỉ tổng hợp cây đơn vị này")
    x.add_argument("--out", required=True, help="thư mục ghi tệp")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_export)
