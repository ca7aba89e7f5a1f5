"""The seventh hold-out (issue 21, session 21): twelve real documents whose gold was committed (76ba794) before the
importer first ran on them (5/16 asks right, Biểu labels 29/121, README). Its statistics tables copied as text are
covered shape by shape on made-up text in test_importer_grids.py; here a floor on the set so that a regression fails
— raise the floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT7
from tests.support.importing import assert_set_floor

HOLDOUT7_DOCS = sorted(HOLDOUT7.glob("*.txt"))
FIRST_RUN = 5  # asks right on main 5e27bb9, before any work on the set
FIRST_RUN_LABELS = 29
FLOOR = 14  # session 22 (i11b: a web page's numbered «Mẫu …» heading numbers no section)
FLOOR_LABELS = 120


def test_seventh_holdout_floor_holds():
    assert_set_floor(HOLDOUT7_DOCS, max(FIRST_RUN, FLOOR), labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS), junk_max=1)
