"""A filled cross-table copied one cell a line (a bulletin's cases per ward and month): its header's names, then rows
of a label and one figure per name. Made-up text."""

from dialogs.importer import import_document
from dialogs.importer.figure_rows import figure_rows

CELLS = [
    "Số hộ",
    "Thôn A",
    "Thôn B",
    "Thôn C",
    "Cộng",
    "Quý 1",
    "3",
    "0",
    "2",
    "5",
    "Quý 2",
    "1",
    "1",
    "0",
    "2",
    "Cả năm",
    "4",
    "1",
    "2",
    "7",
]
TEXT = "1. Hộ nghèo mới phát sinh trong năm như sau.\n\n" + "\n\n".join(CELLS) + "\n\n2. Kiến nghị\n"


def test_cells_set_out_as_rows():
    out = figure_rows(TEXT.split("\n"))
    assert "Số hộ\tThôn A\tThôn B\tThôn C\tCộng" in out
    assert "Quý 2\t1\t1\t0\t2" in out and "2. Kiến nghị" in out


def test_column_codes_are_no_rows():
    lines = ["Nội dung", "Dự toán", "Thực hiện", "So sánh", "A", "1", "2", "3", "B", "4", "5", "6"]
    assert figure_rows(lines) == lines


def test_imported_as_a_table():
    r = import_document(TEXT.encode(), "bantin.txt")
    tables = [q for s in r.data["sections"] for q in s["items"] if q["type"] == "table"]
    assert [c["label"] for c in tables[0]["table"]["columns"]][:3] == ["Thôn A", "Thôn B", "Thôn C"]
    assert [x["label"] for x in tables[0]["table"]["rows"]] == ["Quý 1", "Quý 2", "Cả năm"]
