"""The thirteenth hold-out (issue 21, session 23): 12 real documents whose gold was committed (ad65257, branch g13) before
the importer first ran on them and kept SEALED from the session's importer helpers until their first round ended:
scored on the session's starting code (c42bf4a: FIRST_RUN) and after that round (OUT_OF_SAMPLE, the out-of-sample
figure: round 1 had taken the study set, hold-out 14, from 26 to 93 of 116); then opened as evidence for a second
round (FLOOR, in sample). A floor on the set so that a regression fails — raise the floors as the importer gets better,
never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT13
from tests.support.importing import assert_set_floor

HOLDOUT13_DOCS = sorted(HOLDOUT13.glob("*.txt"))
FIRST_RUN = 14  # asks right on main c42bf4a, before any work of the session
FIRST_RUN_LABELS = 9
OUT_OF_SAMPLE = 16  # round 1 of session 23 (i23a, i23b, i23c, i23d), which never saw this set
FLOOR = 73  # in sample: round 2 of session 23 (j23a–d) used the opened set as evidence; session 24 (i24b) 63 → 68; i24a 71; t28: a field of work a line of text, a bare «Năm» a year (71 before)
FLOOR_LABELS = 39  # i27a: y05's header second line run in after «Mã số» ends its names (37 before)


def test_every_thirteenth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT13_DOCS) == 12
    for doc in HOLDOUT13_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_thirteenth_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT13_DOCS,
        max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR),
        labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS),
        junk_max=2,
    )
