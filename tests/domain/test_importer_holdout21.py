"""The twenty-first hold-out (issue 21, session 27): 15 real documents whose gold was committed (branches g21a and g21b,
merged as g21; one gold type name «number» written as the outline's «decimal» before any run) before the importer
first ran on them, kept on that branch and scored only by its TOTAL line through the session's work: 8 of 123 on the
session's starting code 2aa97a1 (FIRST_RUN) and 8 of 123 after every importer change of session 27, none of which read
it (OUT_OF_SAMPLE). A floor on the set so that a regression fails — raise the floors as the importer gets better,
never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT21
from tests.support.importing import assert_set_floor, assert_titles_floor

HOLDOUT21_DOCS = sorted(HOLDOUT21.glob("*.txt"))
FIRST_RUN = 8
FIRST_RUN_LABELS = 26
FIRST_RUN_TITLES = 7
OUT_OF_SAMPLE = 8  # session 27's code (990e922), out of sample
# in sample (j27a, session 27): a sharing page's bar dropped and a form's name glued to the line before split (f03,
# f11, f13 titles), a bulletin's opening 'TÌNH HÌNH … TUẦN N' heading its name (f04), a spreadsheet's bar-run rows
# (f05), a filled cross-table a cell a line (f04), a header opening on 'Đơn vị tính' (f03), particulars naming no table
LABELS_FLOOR = 95  # 87 before the scorer compared a repeated column label with its group (session 28)
TITLES_FLOOR = 11
FLOOR = 74  # k29b: a count with its reason in a bracket (f06, +2); j27b (with j27a's, merged; in sample): yes/no columns over criteria, undotted Roman parts, a page's list numbers,
# named counts, the heading a bulletin is named by no level of its outline,
# a survey's topics, lost blanks before 'đồng chí' and in a date, carried asks never a written answer, a sheet's empty cells,
# form lines that lost their blanks kept apart, a criterion on a line of its own numbered as its cell,
# a meeting's date in its opening sentence (58); t28: a satisfaction survey's criteria rated (f08), income money (f07): 72


def test_every_twenty_first_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT21_DOCS) == 15
    for doc in HOLDOUT21_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_twenty_first_holdout_floor_holds():
    assert_set_floor(HOLDOUT21_DOCS, max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR), labels_floor=max(FIRST_RUN_LABELS, LABELS_FLOOR),
                     junk_max=0)


def test_twenty_first_holdout_titles_floor_holds():
    assert_titles_floor(HOLDOUT21_DOCS, max(FIRST_RUN_TITLES, TITLES_FLOOR))
