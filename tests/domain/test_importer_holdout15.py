"""The fifteenth hold-out (issue 21, session 23): 13 real documents whose gold was committed (cec8095, branch g15) before
the importer first ran on them and kept SEALED from every importer helper for the whole session: scored on the session's
starting code (c42bf4a: FIRST_RUN), after round 1 (33) and after rounds 2 and 3 (OUT_OF_SAMPLE), only the totals read.
The session's out-of-sample figure. Opened in session 24 as study material (FLOOR). A floor on the set so that a regression fails — raise the floors as the importer
gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT15
from tests.support.importing import assert_set_floor

HOLDOUT15_DOCS = sorted(HOLDOUT15.glob("*.txt"))
FIRST_RUN = 28  # asks right on main c42bf4a, before any work of the session
FIRST_RUN_LABELS = 9
OUT_OF_SAMPLE = 38  # the end of session 23 (rounds 1–3, none of which saw this set)
FLOOR = 102  # session 25 i25c (a total's parts after their blanks); in sample: session 24 (i24d) opened the set and studied t07, t08; i24c t03, t05, t06, t13 (66); i24b the forms t04, t10, t12 (+15); i24a the records t01, t02, t11 (101)
FLOOR_LABELS = 24  # session 24 (i24d): t07's list and t08's two '|' registers rebuilt


def test_every_fifteenth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT15_DOCS) == 13
    for doc in HOLDOUT15_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_fifteenth_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT15_DOCS,
        max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR),
        labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS),
        junk_max=1,
    )
