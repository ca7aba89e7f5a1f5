"""The twenty-second hold-out (issue 21, session 28): 16 real documents whose gold was committed (branches g22a and g22b,
merged as g22) before the importer first ran on them, kept on that branch and scored only by its TOTAL line through the
session's work: 35 of 139 on the session's starting code 441e68b (FIRST_RUN; with the scorer's group-qualified column
labels of 76bd456) and 36 of 139 after every importer change of session 28, none of which read it. A floor on
the set so that a regression fails — raise the floors as the importer gets better, never lower them."""

from __future__ import annotations

from benchmarks.score_importer import HOLDOUT22
from tests.support.importing import assert_set_floor, assert_titles_floor

HOLDOUT22_DOCS = sorted(HOLDOUT22.glob("*.txt"))
FIRST_RUN = 35
FIRST_RUN_LABELS = 19
FIRST_RUN_TITLES = 13
OUT_OF_SAMPLE = 36  # session 28's code (after every importer merge of the session), out of sample
LABELS_FLOOR = 127  # f29b (session 29, in sample): «|» forms with merged cells or a header over two lines, glued headers over glued numbers or
# criteria, a blank form's two-row header a cell a paragraph, a small table run into a paragraph after its unit, a three-tier header
TITLES_FLOOR = 16  # f29a (issue 21): a squeezed page's «TỜ TRÌNH V/v …», a letter's subject yielding to its report, a repeated name
FLOOR = 99  # f29b: 54 → 57 (the criteria grid's fields, a three-tier header's form); j28a + j28b (session 28, in sample): «A/» parts, long questions over «Có/ Không / Không rõ», lettered coded fields,
# member counts, bracketed hints as blanks, person blocks under numbered headings, a letter's «tập trung đánh giá X; nêu Y»;
# f29c (session 29, in sample, 54 → 96 alone, 99 with f29a/f29b): nouns counted after a lost blank, a person heading's labels,
# letter dates, groups of fields headed 'Group Field: ……', digit boxes in brackets, a yes whose answer asks a detail, '1/' items,
# parts of a count, places by level run into a line, a count's parts in brackets, a heading's bracketed field, an address
# whose first parts are labelled


def test_every_twenty_second_holdout_document_names_its_source_and_has_a_gold():
    assert len(HOLDOUT22_DOCS) == 16
    for doc in HOLDOUT22_DOCS:
        assert doc.read_text(encoding="utf-8").startswith("# nguồn: http"), doc.name
        assert doc.with_suffix(".gold").is_file(), doc.name


def test_twenty_second_holdout_floor_holds():
    assert_set_floor(HOLDOUT22_DOCS, max(FIRST_RUN, OUT_OF_SAMPLE, FLOOR), labels_floor=max(FIRST_RUN_LABELS, LABELS_FLOOR),
                     junk_max=0)


def test_twenty_second_holdout_titles_floor_holds():
    assert_titles_floor(HOLDOUT22_DOCS, max(FIRST_RUN_TITLES, TITLES_FLOOR))
