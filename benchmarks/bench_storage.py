"""Storage benchmark: 5,000 units × 150 answers × 2 periods.

Reports the time to upsert one answer through the repository (median, p99 — each with its revision and
commit, as the bot does) and the time to load the current and previous answers of all 5,000 units for one
outline and period (Repo.period_answers, one round trip).

    .venv/bin/python benchmarks/bench_storage.py                      # SQLite (temporary file)
    .venv/bin/python benchmarks/bench_storage.py --url postgresql+asyncpg://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench_database  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from storage.models import Answer, Submission, Unit  # noqa: E402
from storage.repo import Repo  # noqa: E402

N_UNITS, N_KEYS = 5000, 150


async def fill(db, outline_id: str) -> tuple[int, int, list[int]]:
    now = datetime.now(UTC)
    async with db.session() as s:
        repo = Repo(s)
        await s.execute(insert(Unit), [{"code": "ROOT", "name": "Gốc", "kind": "tinh", "path": "/1/", "active": True,
                                        "folded": "goc"}])
        await s.execute(insert(Unit), [{"code": f"U{i:05d}", "name": f"Xã {i}", "kind": "xa", "parent_id": 1,
                                        "path": f"/1/{i + 2}/", "active": True, "folded": f"xa {i}"}
                                       for i in range(N_UNITS)])
        p1, _ = await repo.periods.open_period(outline_id, "Kỳ 1", deadline=datetime(2026, 11, 19, tzinfo=UTC))
        p2, _ = await repo.periods.open_period(outline_id, "Kỳ 2", deadline=datetime(2026, 11, 26, tzinfo=UTC))
        await s.commit()
        unit_ids = [i + 2 for i in range(N_UNITS)]
        sub_rows = [{"unit_id": u, "period_id": p, "status": "submitted", "created_at": now, "updated_at": now}
                    for p in (p1.id, p2.id) for u in unit_ids]
        await s.execute(insert(Submission), sub_rows)
        await s.commit()
        subs = (await s.execute(text("SELECT id FROM submissions ORDER BY id"))).scalars().all()
        rng = random.Random(1)
        batch = []
        for sid in subs:
            for k in range(N_KEYS):
                v = rng.randint(0, 500)
                batch.append({"submission_id": sid, "question_key": f"q{k:03d}", "value": v, "num": v, "version": 1,
                              "set_at": now, "via": "import"})
            if len(batch) >= 50_000:
                await s.execute(insert(Answer), batch)
                batch.clear()
        if batch:
            await s.execute(insert(Answer), batch)
        await s.commit()
        return p1.id, p2.id, list(subs)


async def main(url: str | None, upserts: int) -> None:
    async with bench_database(url) as db:
        print(f"database: {db.dialect} ({db.url.split('@')[-1]})")
        t = time.perf_counter()
        p1, p2, subs = await fill(db, "so-ket-1-nam-2-cap")
        print(f"filled {N_UNITS:,} units × {N_KEYS} answers × 2 periods = {N_UNITS * N_KEYS * 2:,} answers "
              f"in {time.perf_counter() - t:.1f} s")

        # upserts, as the bot does: one answer + its revision per transaction, committed
        rng = random.Random(2)
        lat = []
        for i in range(upserts):
            sid = rng.choice(subs[N_UNITS:])
            key = f"q{rng.randrange(N_KEYS):03d}"
            t0 = time.perf_counter()
            async with db.session() as s:
                await Repo(s).submissions.set_answer(sid, key, i, num=i, by=None, commit=True)
            lat.append((time.perf_counter() - t0) * 1000)
        lat.sort()
        print(f"upsert one answer ({upserts} samples): median {statistics.median(lat):.2f} ms, "
              f"p99 {lat[int(len(lat) * 0.99) - 1]:.2f} ms, max {lat[-1]:.2f} ms")

        loads = []
        for _ in range(5):
            t0 = time.perf_counter()
            async with db.read_session() as s:
                repo = Repo(s)
                pa = await repo.submissions.period_answers(await repo.periods.period(p2))
            loads.append(time.perf_counter() - t0)
        n_cur = sum(len(v) for v in pa.current.values())
        n_prev = sum(len(v) for v in pa.previous.values())
        print(f"load current + previous answers of {len(pa.current):,} units ({n_cur:,} + {n_prev:,} answers): "
              f"best {min(loads):.2f} s, median {statistics.median(loads):.2f} s")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--url")
    ap.add_argument("--upserts", type=int, default=2000)
    a = ap.parse_args()
    asyncio.run(main(a.url, a.upserts))
