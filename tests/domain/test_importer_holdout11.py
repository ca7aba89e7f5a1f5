"""The eleventh hold-out (issue 21, session 22): thirteen real documents whose gold was committed (04f61cd) before the
importer first ran on them: 24/92 asks right and 46/68 Biểu labels on the session's starting code (72d388f). The
session's importer helpers then used it as evidence, so later figures are in sample. A floor on the set so that a
regression fails — raise the floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT11
from tests.support.importing import assert_set_floor

HOLDOUT11_DOCS = sorted(HOLDOUT11.glob("*.txt"))
FIRST_RUN = 24  # asks right on main 72d388f, before any work of the session
FIRST_RUN_LABELS = 46
FLOOR = 86  # in sample: session 22's helpers used this set as evidence (i11a and i11b measured it first: 24, unchanged); session 23 80; session 24 i24k 86
FLOOR_LABELS = 63  # i27a: w09's row names cut after a dangling word, columns parted at a blank's dots (57 before)


def test_every_eleventh_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT11_DOCS) == 13
    for doc in HOLDOUT11_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_eleventh_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT11_DOCS, max(FIRST_RUN, FLOOR), labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS), junk_max=1
    )
