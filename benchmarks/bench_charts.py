"""Chart benchmark: /tiendo's picture over the real unit list (34 provinces, 3,321 communes: 3,355 units)
— per-province counts from 3,355 unit states, then the PNG — and /tonghop's picture of 8 periods.
Prints the figures (warm: matplotlib already imported; its import time is printed apart).

    .venv/bin/python benchmarks/bench_charts.py [--runs 5] [--out docs/img/tiendo.png]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "vn_units_2025.csv"


def real_units():
    """The 34 provinces and their communes as storage Units (not in a database), with materialised paths."""
    from storage.models import Unit

    units: list[Unit] = []
    by_code: dict[str, Unit] = {}
    with open(DATA, encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f), 1):
            parent = by_code.get(row["ma_cha"]) if row["ma_cha"] else None
            u = Unit(id=i, code=row["ma"], name=row["ten"], kind=row["loai"], parent_id=parent.id if parent else None,
                     path=(parent.path if parent else "/") + f"{i}/", active=True)
            units.append(u)
            by_code[u.code] = u
    return units


def fake_states(units, seed: int = 7):
    """A plausible moment before the deadline: provinces differ in how far their communes are."""
    from exports.progress import UnitState

    rng = random.Random(seed)
    pace = {u.id: rng.uniform(0.05, 0.98) for u in units if u.parent_id is None}
    states = []
    for u in units:
        if u.parent_id is None:
            continue
        p = pace[u.parent_id]
        x = rng.random()
        st = "on_time" if x < p else ("draft" if x < p + (1 - p) * 0.55 else "not_started")
        if st == "on_time" and rng.random() < 0.08:
            st = "late"
        answered = 40 if st in ("on_time", "late") else (rng.randint(1, 39) if st == "draft" else 0)
        states.append(UnitState(u, st, answered, 40))
    return states


def main(runs: int, out: Path | None) -> None:
    t = time.perf_counter()
    from exports import charts
    from exports.progress import sub_unit_counts
    from exports.trends import History, Series

    print(f"import exports.charts (matplotlib): {time.perf_counter() - t:.2f} s (once per process)")
    units = real_units()
    provinces = [u for u in units if u.parent_id is None]
    states = fake_states(units)
    now = datetime(2026, 11, 25, 5, tzinfo=UTC)
    deadline = now + timedelta(hours=28)
    print(f"units: {len(units):,} ({len(provinces)} provinces, {len(states):,} reporting units)")
    best = {"count": 1e9, "render": 1e9, "drill": 1e9, "history": 1e9}
    png = b""
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = sub_unit_counts(states, provinces)
        t1 = time.perf_counter()
        png = charts.progress_chart(rows, title="Tiến độ «Chuyên đề KH 02-KH/BCĐTW»", period="Tháng 11/2026",
                                    scope="Cả nước", deadline=deadline, now=now)
        t2 = time.perf_counter()
        big = max(provinces, key=lambda p: sum(1 for s in states if s.unit.parent_id == p.id))
        communes = [u for u in units if u.parent_id == big.id]
        charts.progress_chart(sub_unit_counts([s for s in states if s.unit.parent_id == big.id], communes),
                              title="Tiến độ", period="Tháng 11/2026", scope=big.name, deadline=deadline, now=now)
        t3 = time.perf_counter()
        hist = History("x", "Cả nước", [f"Tuần {w}/2026" for w in range(41, 49)],
                       [Series(f"k{i}", f"I.{i}", f"Chỉ tiêu số {i}", "hồ sơ", "integer",
                               [1000 + 37 * i * w + (w % 3) * 50 for w in range(8)]) for i in range(5)])
        charts.history_chart(hist, title="Số liệu chính")
        t4 = time.perf_counter()
        for k, v in (("count", t1 - t0), ("render", t2 - t1), ("drill", t3 - t2), ("history", t4 - t3)):
            best[k] = min(best[k], v)
    print(f"per-province counts over {len(states):,} states: {best['count'] * 1000:.1f} ms")
    print(f"/tiendo picture, 34 provinces: {best['render'] * 1000:.0f} ms ({len(png) / 1024:.0f} KiB); "
          f"counts + picture {(best['count'] + best['render']) * 1000:.0f} ms (target < 1000 ms)")
    print(f"drill-down picture, {len(communes)} communes of {big.name}: {best['drill'] * 1000:.0f} ms")
    print(f"/tonghop picture, 5 series × 8 periods: {best['history'] * 1000:.0f} ms")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(png)
        print(f"wrote {out}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    main(a.runs, a.out)
