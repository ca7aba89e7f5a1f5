"""The twelfth hold-out (issue 21, session 22): 14 real documents whose gold was committed (231211b, branch g12) before the
importer first ran on them and kept SEALED from the session's importer helpers until their first round ended: scored on
the session's starting code (72d388f: FIRST_RUN) and after that round (OUT_OF_SAMPLE, the out-of-sample figure); then
opened as evidence for a second round (FLOOR, in sample). A floor on the set so that a regression fails — raise the
floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT12
from tests.support.importing import assert_set_floor

HOLDOUT12_DOCS = sorted(HOLDOUT12.glob("*.txt"))
FIRST_RUN = 21  # asks right on main 72d388f, before any work of the session
FIRST_RUN_LABELS = 45
OUT_OF_SAMPLE = 24  # round 1 of session 22 (i11a, i11b, i11c), which never saw this set
FLOOR = 73  # in sample: round 2 (j1, j2, j3) used the opened set as evidence; 73 after session 24 (i24f)
FLOOR_LABELS = 104  # i27a: x13's total row under a row left to write (103 before)


def test_every_twelfth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT12_DOCS) == 14
    for doc in HOLDOUT12_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_twelfth_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT12_DOCS,
        max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR),
        labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS),
        junk_max=1,
    )
