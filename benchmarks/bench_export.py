"""Export benchmark: 5,000 units answering the largest outline (seed 003, with its Biểu tables)
→ load from the database + consolidation + .docx + .xlsx, with peak memory; and a bare openpyxl
write of the same cells in the same run, to show the overhead of our own logic.

    .venv/bin/python benchmarks/bench_export.py [--units 5000] [--url DATABASE_URL]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import time
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench_database  # noqa: E402
from openpyxl import Workbook, load_workbook  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from dialogs.answers import numeric  # noqa: E402
from dialogs.loader import load_catalogue  # noqa: E402
from exports import build_report  # noqa: E402
from exports.consolidate import UnitInfo  # noqa: E402
from exports.gcpause import gc_paused  # noqa: E402
from exports.load import load_consolidation  # noqa: E402
from exports.sample import synth_answers  # noqa: E402
from storage.models import Answer, Submission, Unit  # noqa: E402
from storage.repo import Repo  # noqa: E402

OUTLINE = "so-ket-1-nam-2-cap"


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def fill(db, n: int) -> int:
    o = load_catalogue().get(OUTLINE)
    now = datetime.now(UTC)
    kinds = ["xa", "phuong", "dac_khu"]
    async with db.session() as s:
        await s.execute(insert(Unit), [{"code": "T", "name": "Tỉnh Thử", "kind": "tinh", "path": "/1/", "active": True,
                                        "folded": "tinh thu"}])
        await s.execute(insert(Unit), [{"code": f"X{i:05d}", "name": f"Xã Thử Nghiệm {i}", "kind": kinds[i % 3],
                                        "parent_id": 1, "path": f"/1/{i + 2}/", "active": True, "folded": f"xa {i}"}
                                       for i in range(n)])
        repo = Repo(s)
        p1, _ = await repo.periods.open_period(OUTLINE, "Kỳ trước", deadline=datetime(2025, 12, 1, tzinfo=UTC))
        p2, _ = await repo.periods.open_period(OUTLINE, "Sơ kết 1 năm", deadline=datetime(2026, 5, 29, 10, tzinfo=UTC))
        await s.commit()
        for p, week in ((p1, 1), (p2, 2)):
            await s.execute(insert(Submission), [{"unit_id": i + 2, "period_id": p.id, "status": "submitted",
                                                  "submitted_at": now, "created_at": now, "updated_at": now}
                                                 for i in range(n)])
            await s.commit()
            subs = dict((await s.execute(text("SELECT unit_id, id FROM submissions WHERE period_id = :p"),
                                         {"p": p.id})).all())
            batch = []
            for i in range(n):
                unit = UnitInfo(i + 2, f"X{i:05d}", f"Xã {i}", kinds[i % 3])
                for k, v in synth_answers(o, unit, week).items():
                    q = o.question(k)
                    batch.append({"submission_id": subs[i + 2], "question_key": k, "value": v, "num": numeric(q, v),
                                  "version": 1, "set_at": now, "via": "import"})
                if len(batch) > 20000:
                    await s.execute(insert(Answer), batch)
                    batch.clear()
            if batch:
                await s.execute(insert(Answer), batch)
            await s.commit()
        return p2.id


def bare_write(rows: int, cols: int) -> float:
    t = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    row = list(range(cols))
    for _ in range(rows):
        ws.append(row)
    buf = BytesIO()
    wb.save(buf)
    return time.perf_counter() - t


async def main(n: int, url: str | None) -> None:
    async with bench_database(url) as db:
        t = time.perf_counter()
        period_id = await fill(db, n)
        async with db.read_session() as s:
            n_answers = (await s.execute(text("SELECT count(*) FROM answers"))).scalar_one()
        print(f"database: {db.dialect}; filled {n:,} units × 2 periods of «{OUTLINE}» = {n_answers:,} answers "
              f"in {time.perf_counter() - t:.1f} s; peak RSS so far {rss_mib():.0f} MiB")
        cat = load_catalogue()
        rss0 = rss_mib()
        t0 = time.perf_counter()
        cons = await load_consolidation(db, cat, period_id)
        t1 = time.perf_counter()
        from exports.docx_report import build_docx
        from exports.xlsx_report import build_xlsx

        docx = build_docx(cons)
        t2 = time.perf_counter()
        xlsx = build_xlsx(cons)
        t3 = time.perf_counter()
        total = t3 - t0
        print(f"/tonghop path for {n:,} units: load + consolidate {t1 - t0:.2f} s, .docx {t2 - t1:.2f} s "
              f"({len(docx) / 1e6:.1f} MB), .xlsx {t3 - t2:.2f} s ({len(xlsx) / 1e6:.1f} MB) — total {total:.2f} s")
        print(f"peak RSS {rss_mib():.0f} MiB (before the export: {rss0:.0f} MiB)")
        wb = load_workbook(BytesIO(xlsx), read_only=True)
        cells = 0
        sheets = []
        for ws in wb.worksheets:
            c = sum(sum(1 for v in r if v is not None) for r in ws.iter_rows(values_only=True))
            cells += c
            sheets.append(f"{ws.title}: {c:,}")
        wb.close()
        cols = 150
        bare = bare_write(cells // cols + 1, cols)
        with gc_paused():  # the stricter yardstick: the bare write without the collector's walks of the live heap
            bare_paused = bare_write(cells // cols + 1, cols)
        print(f"xlsx cells written: {cells:,} ({'; '.join(sheets[:6])}…)")
        print(f"bare openpyxl write-only of {cells:,} cells: {bare:.2f} s → ratio our .xlsx / bare = {(t3 - t2) / bare:.2f}; "
              f"whole export / bare = {total / bare:.2f}")
        print(f"the same bare write with the garbage collector paused (as our export runs): {bare_paused:.2f} s → "
              f"ratio our .xlsx / bare = {(t3 - t2) / bare_paused:.2f}; whole export / bare = {total / bare_paused:.2f}")
        report = build_report  # noqa: F841 - the same code the bot calls, split above to time each part


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=5000)
    ap.add_argument("--url")
    a = ap.parse_args()
    asyncio.run(main(a.units, a.url))
