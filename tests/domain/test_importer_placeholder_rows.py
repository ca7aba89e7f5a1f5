"""A table copied one cell a line whose rows go on with a row left to write ('3. ...') before its total (dialogs/
importer/textgrid.py), on made-up text: the placeholder is no end of the table, the total 'Tổng cộng' is its row,
and the numbered heading after the total is the text going on, no row."""

from __future__ import annotations

from dialogs.importer import draft_outline, import_document

EMPTY = "\n \n" * 4
TEXT = (
    "BÁO CÁO BÁN HÀNG\n\nI. KẾT QUẢ\n\n1. Bán buôn\n\nLoại hàng\n\nTự sản xuất\n\nMua ngoài\n\nDoanh thu\n\n"
    "So với cùng kỳ (%)\n\n(1)\n\n \n\n(2)\n\n \n\n"
    + "1. Lương thực\n"
    + EMPTY
    + "\n2. Vật liệu\n"
    + EMPTY
    + "\n3. ...\n"
    + EMPTY
    + "\nTổng cộng\n"
    + EMPTY
    + "\n2. Bán lẻ qua đại l\n"
)


def test_the_rows_go_on_past_a_placeholder_to_the_total() -> None:
    got = draft_outline(import_document(TEXT.encode(), "banhang.txt"))
    tables = [r.question.table for r in got.refs if r.question.type == "table"]
    assert len(tables) == 1
    rows = [x.label for x in tables[0].rows]
    assert "Tổng cộng" in rows
    assert not any(x.startswith("Bán lẻ") for x in rows)  # the heading after the total
