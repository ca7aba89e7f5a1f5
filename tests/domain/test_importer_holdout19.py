"""The nineteenth hold-out (issue 21, session 25): 14 real documents whose gold was committed (branches g19a 8be8e3d and
g19b 8443302, merged as g19) before the importer first ran on them, kept on that branch and scored only by its TOTAL line
through the session's work: 67 of 129 on the session's starting code 531c131 (FIRST_RUN), 73 of 129 after every
importer change of session 25, none of which read it (OUT_OF_SAMPLE). A floor on the set so that a regression fails —
raise the floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT19
from tests.support.importing import assert_set_floor, assert_titles_floor

HOLDOUT19_DOCS = sorted(HOLDOUT19.glob("*.txt"))
FIRST_RUN = 67
FIRST_RUN_LABELS = 38
OUT_OF_SAMPLE = 73  # session 25's code, out of sample
LABELS_FLOOR = 66  # f26c: old fonts read per document (r26 G, +2); j25a: long row names with their figure under them (c08), an empty-rowed header Biểu (c06); i26a: a header line over glued-number rows (c14), row numbers under a header naming no numbers column (c06)
FLOOR = 110  # in sample after the short round: j25a (+1), j25b (options led by dot runs read as boxes, +5), p25 (fields per person, +7); i26a (+1, +2 a banded Biểu cut in two, c08); i26b (labels leaning on another line, options wrapped, placeholders after their noun: +16); i26d (a unit joined to the next label, a field's age and moment in their point, a label over rows of boxes: +3 after the merge); t28: «… đạt tiêu chí/tiêu chuẩn …» yes/no (c03) (108 before)
TITLES_FLOOR = 13  # titles right after helper t25 (12 of 14 before)


def test_every_nineteenth_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT19_DOCS) == 14
    for doc in HOLDOUT19_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_nineteenth_holdout_floor_holds():
    assert_set_floor(HOLDOUT19_DOCS, max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR), labels_floor=max(FIRST_RUN_LABELS, LABELS_FLOOR),
                     junk_max=0)


def test_nineteenth_holdout_titles_floor_holds():
    assert_titles_floor(HOLDOUT19_DOCS, TITLES_FLOOR)
