"""Spreadsheet path benchmark: for each of the five outlines, make a unit's template (last period pre-filled)
and read it back with the chat parsers; prints size, answer cells and times.

    .venv/bin/python benchmarks/bench_template.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dialogs.loader import load_catalogue  # noqa: E402
from exports.sample import synth_answers  # noqa: E402
from exports.template import make_template, read_template  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    period = SimpleNamespace(id=1, label="Kỳ 1")
    print(f"{'outline':28} {'KB':>6} {'cells':>6} {'make ms':>8} {'read ms':>8}")
    for o in load_catalogue():
        kind = "xa" if "xa" in o.respondents else o.respondents[0]
        unit = SimpleNamespace(code="30904", kind=kind, name="Xã Giồng Riềng")
        prev = synth_answers(o, unit, week=1, list_items=3, open_items=2)
        makes, reads = [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            data = make_template(o, unit, period, {}, prev, o.version, secret="k")
            makes.append(time.perf_counter() - t)
            t = time.perf_counter()
            res = read_template(data, expect_unit="30904", expect_period=1, expect_outline_version=o.version,
                                secret="k", outline=o)
            reads.append(time.perf_counter() - t)
        print(f"{o.id:28} {len(data) / 1024:6.0f} {res.cells:6d} {statistics.median(makes) * 1000:8.0f} "
              f"{statistics.median(reads) * 1000:8.0f}")


if __name__ == "__main__":
    main()
