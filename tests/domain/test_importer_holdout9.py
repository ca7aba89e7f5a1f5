"""The ninth hold-out (issue 21, session 21): twelve real documents whose gold was committed (d752114) before the
importer first ran on them, and kept from every session that changed the importer, so that its score measures how the
importer does on documents nobody tuned it on: 12/99 asks right on the session's starting code (5e27bb9), 16/99 on
its final code (README). A floor on the set so that a regression fails — raise the floors as the importer gets
better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT9
from tests.support.importing import assert_set_floor

HOLDOUT9_DOCS = sorted(HOLDOUT9.glob("*.txt"))
FIRST_RUN = 12  # asks right on main 5e27bb9, before any work of the session
FIRST_RUN_LABELS = 12
FLOOR = 85  # in sample: 16/99 out of sample on session 21's importer; 29 after r3; 80 after session 22's i11a/i11b; 81 after session 24 (i24c), 83 with i24a, 84 with i24f, 85 with i24k
FLOOR_LABELS = 35  # i27a: s04's ballot list, the question over its answers no column, a sample in row 1 (33 before)


def test_every_ninth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT9_DOCS) == 12
    for doc in HOLDOUT9_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_ninth_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT9_DOCS, max(FIRST_RUN, FLOOR), labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS), junk_max=2
    )
