"""The tenth hold-out (issue 21, session 22): 12 real documents whose gold was committed (f5793ec, branch g10) before the
importer first ran on them and kept SEALED from every session that changed the importer: scored only on the session's
starting code (72d388f: FIRST_RUN) and on its final code (FLOOR, the out-of-sample figure). A floor on the set so that
a regression fails — raise the floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT10
from tests.support.importing import assert_set_floor

HOLDOUT10_DOCS = sorted(HOLDOUT10.glob("*.txt"))
FIRST_RUN = 4  # asks right on main 72d388f, before any work of the session
FIRST_RUN_LABELS = 8
FLOOR = 7  # out of sample: the session's final importer, which never saw this set
FLOOR_LABELS = 5  # below the first run's 8: round 1 lost v07's three labels (a regression out of sample)


def test_every_tenth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT10_DOCS) == 12
    for doc in HOLDOUT10_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_tenth_holdout_floor_holds():
    assert_set_floor(HOLDOUT10_DOCS, max(FIRST_RUN, FLOOR), labels_floor=FLOOR_LABELS, junk_max=2)
