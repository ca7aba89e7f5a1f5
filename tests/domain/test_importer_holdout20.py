"""The twentieth hold-out (issue 21, session 26): 13 real documents whose gold was committed (branches g20a and g20b,
merged as g20) before the importer first ran on them, kept on that branch and scored only by its TOTAL line
through the session's work: 65 of 132 on the session's starting code 7a5c831 (FIRST_RUN), 67 of 132
after every importer change of session 26, none of which read it (OUT_OF_SAMPLE). A floor on the set so that a
regression fails — raise the floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT20
from tests.support.importing import assert_set_floor, assert_titles_floor

HOLDOUT20_DOCS = sorted(HOLDOUT20.glob("*.txt"))
FIRST_RUN = 65
FIRST_RUN_LABELS = 47
FIRST_RUN_TITLES = 9
OUT_OF_SAMPLE = 67  # session 26's code (dea3947), out of sample
LABELS_FLOOR = 74  # 47 out of sample; i27a: e09's coded rows run together (+20), e07's blank table (+7)
TITLES_FLOOR = 11  # 9 out of sample; j26b in the short round after: a title not run into a table row (e11), a lettered heading naming a paper (e14)
# in sample after the short round: j26b (labels over a dotted passage are longtext, +2) 69; i27b: a count and its parts
# on one line (e13, e04), a filled value in its unit of measure, a heading after a flattened table (e04), a numbered
# field after the blank of the one before it (e02): 84; i27a: e09's and e07's Biểu rebuilt, e03's second table under
# its caption: 87
FLOOR = 95  # t28: place, time, dwelling and birth date by their labels (e11, e13), a line of codes or alternatives under its label (e01), slashed alternatives in help (e06), names of each written out (e13) (87 before)


def test_every_twentieth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT20_DOCS) == 13
    for doc in HOLDOUT20_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_twentieth_holdout_floor_holds():
    assert_set_floor(HOLDOUT20_DOCS, max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR), labels_floor=max(FIRST_RUN_LABELS, LABELS_FLOOR),
                     junk_max=0)  # j27a: a form's particulars label over its table names no table


def test_twentieth_holdout_titles_floor_holds():
    assert_titles_floor(HOLDOUT20_DOCS, max(FIRST_RUN_TITLES, TITLES_FLOOR))
