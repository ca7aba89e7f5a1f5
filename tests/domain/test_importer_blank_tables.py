"""A web page's blank table copied one cell a line (dialogs/importer/textgrid.py), on made-up text: a header of short
names with no row under it, only empty cells (a space each), is a Biểu whose rows the unit adds; its caption ending
in a colon names it; 'Đơn vị' after the first name is a column to fill; the form's labelled blank after the empty
cells is a field of its own, and the next table is read on its own."""

from __future__ import annotations

from dialogs.importer import draft_outline, import_document
from dialogs.importer.textgrid import _empty_rows

EMPTY = "\n \n" * 14


def _outline(text: str):
    return draft_outline(import_document(text.encode(), "phieu.txt"))


TEXT = (
    "PHIẾU KHẢO SÁT CƠ SỞ CHẾ BIẾN\n\nI. THÔNG TIN CHUNG\n\nTên cơ sở: ………………………………\n\n"
    "Địa chỉ: ………………………………\n\nThiết bị đang sử dụng:\n\n \n\nLoại máy\n\nĐơn vị\n\nSố lượng\n\nNăm mua\n"
    + EMPTY
    + "\nSản lượng mỗi năm: ………………………………\n\nNhu cầu điện năng\n\n \n\nMục đích\n\nĐơn vị\n\nMức dùng\n\nGhi chú\n\n"
    "Thắp sáng\n\nkWh/tháng\n\n \n\n \n\nChạy máy\n\nkWh/tháng\n\n \n\n \n\nKhác\n\nkWh/tháng\n\n \n\n \n"
)


def test_a_header_over_empty_cells_is_a_biểu_the_unit_fills() -> None:
    refs = _outline(TEXT).refs
    tables = {r.question.table.title: r.question.table for r in refs if r.question.type == "table"}
    blank = tables["Thiết bị đang sử dụng"]
    assert [c.label for c in blank.columns] == ["Loại máy", "Đơn vị", "Số lượng", "Năm mua"]
    assert [c.label for c in tables["Nhu cầu điện năng"].columns][-2:] == ["Mức dùng", "Ghi chú"]
    prompts = [r.question.prompt for r in refs if r.question.type != "table"]
    assert "Sản lượng mỗi năm" in prompts  # the field after the empty cells stays a field
    assert "Thiết bị đang sử dụng" not in prompts  # the caption is the table's name, no question


def test_names_with_no_empty_row_or_a_sentence_are_no_blank_table() -> None:
    assert _empty_rows([], [""] * 4, ["Tên thiết bị", "Đơn vị", "Số lượng"])
    assert not _empty_rows(
        [], [""] * 2, ["Tên thiết bị", "Đơn vị", "Số lượng"]
    )  # not a full row of empty cells
    assert not _empty_rows([], [""] * 6, ["Tên thiết bị", "Số lượng"])  # two names: a pair of lines
    assert not _empty_rows([], [""] * 6, ["Hồ sơ gồm các giấy tờ sau:", "Đơn", "Ảnh"])
    assert not _empty_rows([["Máy xay"]], [""] * 6, ["Tên thiết bị", "Đơn vị", "Số lượng"])
