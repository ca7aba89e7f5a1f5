"""The twenty-third hold-out (issue 21, session 29): 16 real documents whose gold was committed (branches g23a and g23b,
merged as g23) before the importer first ran on them, kept on that branch and scored only by its TOTAL line through the
session's work: 49 of 120 on the session's starting code a8724ed (FIRST_RUN) and OUT_OF_SAMPLE after every importer
change of session 29, none of which read it. A floor on the set so that a regression fails — raise the floors as the
importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT23
from tests.support.importing import assert_set_floor, assert_titles_floor

HOLDOUT23_DOCS = sorted(HOLDOUT23.glob("*.txt"))
FIRST_RUN = 49
FIRST_RUN_LABELS = 64
FIRST_RUN_TITLES = 8
OUT_OF_SAMPLE = 49  # session 29's code after every importer merge but f29g (f89125a), out of sample: no ask gained
LABELS_FLOOR = 66
TITLES_FLOOR = 12
FLOOR = 73
JUNK_MAX = 1


def test_every_twenty_third_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT23_DOCS) == 16
    for doc in HOLDOUT23_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_twenty_third_holdout_floor_holds():
    assert_set_floor(HOLDOUT23_DOCS, max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR), labels_floor=max(FIRST_RUN_LABELS, LABELS_FLOOR),
                     junk_max=JUNK_MAX)


def test_twenty_third_holdout_titles_floor_holds():
    assert_titles_floor(HOLDOUT23_DOCS, max(FIRST_RUN_TITLES, TITLES_FLOOR))
