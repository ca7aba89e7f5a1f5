"""The seventh hold-out (issue 21, session 21): twelve real documents whose gold was committed (76ba794) before the
importer first ran on them (5/16 asks right, Biểu labels 29/121, README). Its statistics tables copied as text are
covered shape by shape on made-up text in test_importer_grids.py; here a floor on the set so that a regression fails
— raise the floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT7, score_real

HOLDOUT7_DOCS = sorted(HOLDOUT7.glob("*.txt"))
FIRST_RUN = 5  # asks right on main 5e27bb9, before any work on the set
FIRST_RUN_LABELS = 29
FLOOR = 12  # measured after i7a + i7b (session 21)
FLOOR_LABELS = 120


def test_seventh_holdout_floor_holds():
    scores = [score_real(p, []) for p in HOLDOUT7_DOCS]
    typed, asks = sum(s.typed for s in scores), sum(s.asks for s in scores)
    labels, want = sum(s.labels_found for s in scores), sum(s.labels for s in scores)
    assert typed >= max(FIRST_RUN, FLOOR), f"{typed}/{asks} asks right, floor {FLOOR}"
    assert labels >= max(FIRST_RUN_LABELS, FLOOR_LABELS), f"Biểu labels {labels}/{want}, floor {FLOOR_LABELS}"
    assert not any(s.refused for s in scores)
    assert sum(bool(s.junk) for s in scores) <= 1
