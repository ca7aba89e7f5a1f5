"""The tenth hold-out (issue 21, session 22): 12 real documents whose gold was committed (f5793ec, branch g10) before the
importer first ran on them and kept SEALED from the session's importer helpers until their first round ended: scored on
the session's starting code (72d388f: FIRST_RUN) and after that round (OUT_OF_SAMPLE, the out-of-sample figure); then
opened as evidence for a second round (FLOOR, in sample). A floor on the set so that a regression fails — raise the
floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT10
from tests.support.importing import assert_set_floor

HOLDOUT10_DOCS = sorted(HOLDOUT10.glob("*.txt"))
FIRST_RUN = 4  # asks right on main 72d388f, before any work of the session
FIRST_RUN_LABELS = 8
OUT_OF_SAMPLE = 7  # round 1 of session 22 (i11a, i11b, i11c), which never saw this set
FLOOR = 49  # in sample: round 2 of session 22 (j1, j2, j3) used the opened set as evidence; session 23 (i23b, j23b) 48; i26b 49
FLOOR_LABELS = (
    14  # out of sample 5: round 1 lost v07's three labels (matched by chance by header fragments before); session 23: 14
)


def test_every_tenth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT10_DOCS) == 12
    for doc in HOLDOUT10_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_tenth_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT10_DOCS,
        max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR),
        labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS),
        junk_max=1,  # session 24 (i24d): v07's torn PDF header is an unsure point, no longer a Biểu of fragments
    )
