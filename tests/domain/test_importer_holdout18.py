"""The eighteenth hold-out (issue 21, session 24): 12 real documents whose gold was committed (71eebec, branch g18) before
the importer first ran on them: scored first on the code of round 1 of session 24 — 27 of 96, exactly what the
session's starting code 660e7bf scores, so round 1 did not transfer to it (FIRST_RUN, out of sample) — then opened
as study material for round 2 (FLOOR). A floor on the set so that a regression fails — raise the floors as the
importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT18
from tests.support.importing import assert_set_floor

HOLDOUT18_DOCS = sorted(HOLDOUT18.glob("*.txt"))
FIRST_RUN = 27
FIRST_RUN_LABELS = 5
FLOOR = 91  # session 24: i24e units (+5); i24i prose asks, news headlines, a Party act's layout (+20); i24h flattened Biểu headers (+6); i24g forms copied from web pages (+24); session 25: i25d types by their signals, i25c issued papers and signatures (88); k25 b01's petition addressee (89); session 26: i26c b07's unlabelled sex boxes (90); t28: building density a percentage (b04) (90 before)
LABELS_FLOOR = 53


def test_every_eighteenth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT18_DOCS) == 12
    for doc in HOLDOUT18_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_eighteenth_holdout_floor_holds():
    assert_set_floor(
        HOLDOUT18_DOCS, max(FIRST_RUN, FLOOR), labels_floor=max(FIRST_RUN_LABELS, LABELS_FLOOR), junk_max=0
    )
