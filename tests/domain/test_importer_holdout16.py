"""The sixteenth hold-out (issue 21, session 23): 10 real documents whose gold was committed (bae5eaf, branch g16) before
the importer first ran on them: scored first on the code of round 1 (41 of 69, exactly what the session's starting code
c42bf4a scores: FIRST_RUN, out of sample), again after round 2, whose helpers did not read it (still 41: OUT_OF_SAMPLE),
then opened as study material for round 3 (FLOOR). A floor on the set so that a regression fails — raise the floors as
the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT16
from tests.support.importing import assert_set_floor

HOLDOUT16_DOCS = sorted(HOLDOUT16.glob("*.txt"))
FIRST_RUN = 41
FIRST_RUN_LABELS = 9
OUT_OF_SAMPLE = 41  # after round 2 of session 23, which never read this set
FLOOR = 66  # in sample: round 3 of session 23 (k23a) used the opened set as evidence; session 24 (i24d) 53, i24c 55, i24a 56;
# session 25 (i25a) 64: u04's eight Biểu named in its points; k25 65: u05's petition addressee; i26c 66: u01's lone code field
FLOOR_LABELS = 70  # session 24 (i24d): u01's scrambled PDF rows and u02's three blank tables rebuilt


def test_every_sixteenth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT16_DOCS) == 10
    for doc in HOLDOUT16_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_sixteenth_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT16_DOCS,
        max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR),
        labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS),
        junk_max=1,
    )
