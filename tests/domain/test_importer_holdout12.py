"""The twelfth hold-out (issue 21, session 22): 14 real documents whose gold was committed (231211b, branch g12) before the
importer first ran on them and kept SEALED from every session that changed the importer: scored only on the session's
starting code (72d388f: FIRST_RUN) and on its final code (FLOOR, the out-of-sample figure). A floor on the set so that
a regression fails — raise the floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT12
from tests.support.importing import assert_set_floor

HOLDOUT12_DOCS = sorted(HOLDOUT12.glob("*.txt"))
FIRST_RUN = 21  # asks right on main 72d388f, before any work of the session
FIRST_RUN_LABELS = 45
FLOOR = 24  # out of sample: the session's final importer, which never saw this set
FLOOR_LABELS = 45


def test_every_twelfth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT12_DOCS) == 14
    for doc in HOLDOUT12_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_twelfth_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT12_DOCS, max(FIRST_RUN, FLOOR), labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS), junk_max=1
    )
