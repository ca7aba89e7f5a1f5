"""Export benchmark: 5,000 units answering the largest outline (seed 003, with its Biểu tables)
→ load from the database + consolidation + .docx + .xlsx, with peak memory; and a bare openpyxl
write of the same cells in the same run, to show the overhead of our own logic. Each phase is timed in
wall-clock and in CPU time (time.process_time: all the process's threads), and both ratios are printed: on a
machine loaded by other work the CPU ratio is the steadier one.

    .venv/bin/python benchmarks/bench_export.py [--units 5000] [--url DATABASE_URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
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


def clocks() -> tuple[float, float]:
    """Wall-clock and CPU time (all threads of the process: the SQLite reader thread too)."""
    return time.perf_counter(), time.process_time()


def bare_write(rows: int, cols: int) -> tuple[float, float]:
    """A bare openpyxl write-only workbook of rows × cols small integers: (wall, CPU) seconds."""
    w, c = clocks()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    row = list(range(cols))
    for _ in range(rows):
        ws.append(row)
    buf = BytesIO()
    wb.save(buf)
    w1, c1 = clocks()
    return w1 - w, c1 - c


def count_cells(xlsx: bytes) -> tuple[int, list[str]]:
    wb = load_workbook(BytesIO(xlsx), read_only=True)
    cells = 0
    sheets = []
    for ws in wb.worksheets:
        c = sum(sum(1 for v in r if v is not None) for r in ws.iter_rows(values_only=True))
        cells += c
        sheets.append(f"{ws.title}: {c:,}")
    wb.close()
    return cells, sheets


async def export(db, period_id: int) -> tuple[list[tuple[float, float]], bytes, bytes]:
    """The /tonghop path timed by phase: load + consolidate, .docx, .xlsx (the modules imported beforehand,
    as in a running bot after its first report)."""
    from exports.docx_report import build_docx
    from exports.xlsx_report import build_xlsx

    cat = load_catalogue()
    marks = [clocks()]
    cons = await load_consolidation(db, cat, period_id)
    marks.append(clocks())
    docx = build_docx(cons)
    marks.append(clocks())
    xlsx = build_xlsx(cons)
    marks.append(clocks())
    return marks, docx, xlsx


def phases(marks: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(b[0] - a[0], b[1] - a[1]) for a, b in zip(marks, marks[1:], strict=False)]


async def main(n: int, url: str | None) -> None:
    async with bench_database(url) as db:
        t = time.perf_counter()
        period_id = await fill(db, n)
        async with db.read_session() as s:
            n_answers = (await s.execute(text("SELECT count(*) FROM answers"))).scalar_one()
        print(f"database: {db.dialect}; filled {n:,} units × 2 periods of «{OUTLINE}» = {n_answers:,} answers "
              f"in {time.perf_counter() - t:.1f} s; peak RSS so far {rss_mib():.0f} MiB")
        print(f"load average before the export: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        rss0 = rss_mib()
        marks, docx, xlsx = await export(db, period_id)
        (lw, lc), (dw, dc), (xw, xc) = phases(marks)
        total_w, total_c = marks[-1][0] - marks[0][0], marks[-1][1] - marks[0][1]
        print(f"/tonghop path for {n:,} units (wall / CPU): load + consolidate {lw:.2f} / {lc:.2f} s, "
              f".docx {dw:.2f} / {dc:.2f} s ({len(docx) / 1e6:.1f} MB), .xlsx {xw:.2f} / {xc:.2f} s "
              f"({len(xlsx) / 1e6:.1f} MB) — total {total_w:.2f} / {total_c:.2f} s")
        print(f"peak RSS {rss_mib():.0f} MiB (before the export: {rss0:.0f} MiB)")
        cells, sheets = count_cells(xlsx)
        cols = 150
        bw, bc = bare_write(cells // cols + 1, cols)
        with gc_paused():  # the stricter yardstick: the bare write without the collector's walks of the live heap
            pw, pc = bare_write(cells // cols + 1, cols)
        print(f"xlsx cells written: {cells:,} ({'; '.join(sheets[:6])}…)")
        print(f"bare openpyxl write-only of {cells:,} cells: {bw:.2f} s wall, {bc:.2f} s CPU → our .xlsx / bare = "
              f"{xw / bw:.2f} wall, {xc / bc:.2f} CPU; whole export / bare = {total_w / bw:.2f} wall, "
              f"{total_c / bc:.2f} CPU")
        print(f"the same bare write with the garbage collector paused (as our export runs): {pw:.2f} s wall, "
              f"{pc:.2f} s CPU → our .xlsx / bare = {xw / pw:.2f} wall, {xc / pc:.2f} CPU; whole export / bare = "
              f"{total_w / pw:.2f} wall, {total_c / pc:.2f} CPU")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        report = build_report  # noqa: F841 - the same code the bot calls, split above to time each part


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=5000)
    ap.add_argument("--url")
    a = ap.parse_args()
    asyncio.run(main(a.units, a.url))
