"""Pausing Python's cyclic garbage collector during bulk work (loading and consolidating thousands of reports,
writing a workbook of hundreds of thousands of cells).

That work creates millions of small objects and frees almost none until it ends; the collector, triggered by
allocations, would walk the ever larger heap again and again — a third of the time of a 5,000-unit /tonghop
(benchmarks/bench_export.py). Reference counting still frees everything that is not in a cycle; the
collector resumes afterwards.
"""

from __future__ import annotations

import gc
from contextlib import ContextDecorator


class gc_paused(ContextDecorator):  # noqa: N801 - used like a function: ``with gc_paused():`` / ``@gc_paused()``
    def __enter__(self) -> gc_paused:
        self._was = gc.isenabled()
        gc.disable()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._was:
            gc.enable()
