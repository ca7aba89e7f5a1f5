"""The fourteenth hold-out (issue 21, session 23): 12 real documents whose gold was committed (d2c8a85, branch g14) before
the importer first ran on them — leaning to prose report letters, with forms, minutes and tables. Scored first on the
session's starting code (c42bf4a, asks unchanged by the title work of d90b151: FIRST_RUN, out of sample), then opened as
the study set of the session's importer helpers (FLOOR, in sample). A floor on the set so that a regression fails —
raise the floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT14
from tests.support.importing import assert_set_floor

HOLDOUT14_DOCS = sorted(HOLDOUT14.glob("*.txt"))
FIRST_RUN = 26  # asks right (section and type) at first run, before any importer work of the session; one document refused
FIRST_RUN_LABELS = 0
FLOOR = 108  # in sample: rounds 1 and 2 of session 23 used this set as evidence; session 26 (i26c): z06's lone code field (108)
FLOOR_LABELS = 36


def test_every_fourteenth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT14_DOCS) == 12
    for doc in HOLDOUT14_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_fourteenth_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT14_DOCS,
        max(FIRST_RUN, FLOOR),
        labels_floor=max(FIRST_RUN_LABELS, FLOOR_LABELS),
        junk_max=1,
    )
