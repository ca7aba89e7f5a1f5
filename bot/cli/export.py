"""`baocao export OUTLINE PERIOD [--scope CODE] --out DIR`: the consolidated .docx and .xlsx from the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from bot.cli.common import Stepper, _catalogue_db, _db, progress_bar
from bot.config import Settings


async def find_period(repo, outline_id: str, ref: str):
    periods = await repo.periods.list_periods(outline_id)
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
    from exports.trends import load_history
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
            cons = await load_consolidation(db, cat, period.id, a.scope, include_drafts=a.include_drafts)
        except ExportError as e:
            print(f"Không tổng hợp được: {e}", file=sys.stderr)
            return 2
        history = await load_history(db, cat, period.id, a.scope)
        from bot.cli.issuer import load_issuer

        issuer = await load_issuer(db, a.scope, st)
        charts = await progress_picture(db, cat, period, a.scope, st) if a.chart else None
    with progress_bar(a, total=100, desc="Tổng hợp") as bar:
        step = Stepper(bar)
        step(0.3)
        report = build_report(cons, org_name=st.org_name, org_parent=st.org_parent, place=st.org_place,
                              layout=st.doc_layout, history=history, progress=lambda share: step(0.3 + 0.6 * share),
                              issuer=issuer)
        out = Path(a.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / report.docx_name).write_bytes(report.docx)
        (out / report.xlsx_name).write_bytes(report.xlsx)
        info: dict[str, Any] = {"docx": str(out / report.docx_name), "xlsx": str(out / report.xlsx_name),
                                "units": cons.completeness.expected, "submitted": cons.completeness.submitted,
                                "counted": cons.completeness.counted,
                                "provisional": [u.code for u in cons.completeness.provisional]}
        if a.chart:
            info["charts"] = write_charts(out, report.docx_name[:-5], cons, history, charts)
        step(1.0)
    took = time.perf_counter() - t0
    info["seconds"] = round(took, 2)
    _tell(a, info, report, took, issuer)
    return 0


def _tell(a: argparse.Namespace, info: dict[str, Any], report, took: float, issuer) -> None:
    """What was written — and, plainly, what the .docx still leaves blank with the exact command that sets it."""
    from dialogs.issuer import gaps_notice, set_command

    notice = gaps_notice(issuer, a.scope, chat=False)
    if notice:
        info["issuer_gaps"], info["issuer_command"] = issuer.gaps(), set_command(issuer, a.scope)
    if a.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return
    print(report.summary)
    print(f"\nĐã ghi {info['docx']} và {info['xlsx']} ({took:.1f} giây).")
    if notice:
        print(f"\n{notice}")
    for path in info.get("charts", []):
        print(f"Hình: {path}")


async def progress_picture(db, cat, period, scope_code: str | None, st: Settings) -> bytes | None:
    """/tiendo's picture for the period (sub-units of the scope, or the top-level units)."""
    from zoneinfo import ZoneInfo

    from exports.charts import progress_chart
    from exports.progress import period_progress
    from storage.repo import Repo

    async with db.read_session() as s:
        repo = Repo(s)
        scope = await repo.units.unit_by_code(scope_code) if scope_code else None
        outline = cat.get(period.outline_id)
        prog = await period_progress(repo, outline, period, scope)
        children = await repo.units.children(scope) if scope else [u for u in await repo.units.list_units() if u.parent_id is None]
        rows = prog.sub_counts(children)
    if not rows:
        return None
    from datetime import UTC, datetime

    return progress_chart(rows, title=outline.short, period=period.label,
                          scope=scope.name if scope else "Tất cả đơn vị", deadline=period.deadline,
                          now=datetime.now(UTC), tz=ZoneInfo(st.tz))


def write_charts(out: Path, stem: str, cons, history, progress_png: bytes | None) -> list[str]:
    """`--chart`: the pictures the bot sends, as PNG files beside the report."""
    from exports.charts import tonghop_chart

    written = []
    figures = tonghop_chart(cons, history)
    for name, png in ((f"{stem}_tien-do.png", progress_png), (f"{stem}_so-lieu-chinh.png", figures)):
        if png:
            (out / name).write_bytes(png)
            written.append(str(out / name))
    return written

def register(sub: Any) -> None:
    x = sub.add_parser("export", help="xuất báo cáo tổng hợp .docx và .xlsx")
    x.add_argument("outline", help="mã đề cương (baocao outlines list)")
    x.add_argument("period", help="số kỳ, nhãn kỳ, hoặc «latest»")
    x.add_argument("--scope", help="mã đơn vị: chỉ tổng hợp cây đơn vị này")
    x.add_argument("--out", required=True, help="thư mục ghi tệp")
    x.add_argument("--chart", action="store_true", help="ghi thêm hình tiến độ và số liệu chính (PNG)")
    x.add_argument("--gom-ban-dang-lam", "--include-drafts", dest="include_drafts", action="store_true",
                   help="gồm cả bản đang làm (chưa gửi, bị trả lại) của các đơn vị: số liệu tạm tính, văn bản ghi rõ")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_export)
