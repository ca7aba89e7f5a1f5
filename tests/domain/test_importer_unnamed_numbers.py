"""Made-up Biểu copied one cell a line whose header names no numbers column ('Chỉ tiêu' / 'Số lượng' / 'Ghi chú',
the 'TT' cell empty or lost) though each row opens with its number ('1' / 'Số người …'): the lone figures before the
labels are the rows' numbers, not figures of the row above, so the last row is kept; a long note after a row's value
cells, right before the next row's number, is the row's 'Ghi chú' cell, not a row of its own."""

from __future__ import annotations

from tests.support.importing import imp


def _rows(text: str) -> list[str]:
    o = imp(text)
    [t] = [r.question.table for r in o.refs if r.question.type == "table"]
    return [x.label for x in t.rows]


NOTE = "Số liệu không tính trùng các trường hợp được hỗ trợ tại nhiều đơn vị trong cùng một năm báo cáo"


def test_row_numbers_under_a_header_without_a_numbers_column() -> None:
    cells = ["Chỉ tiêu", "Số lượng (người)", "Ghi chú", "1", "Số người được hỗ trợ tại chỗ", "", "2",
             "Số người được chuyển tuyến", "", "3", "Số người được theo dõi tại nhà", "", "",
             "II. Phân loại theo địa phương", "TT", "Địa phương", "Số người", "Ghi chú"]
    rows = _rows("BÁO CÁO TỔNG HỢP\n\nI. Tổng quan\n\n" + "\n\n".join(cells) + "\n")
    assert rows == ["Số người được hỗ trợ tại chỗ", "Số người được chuyển tuyến", "Số người được theo dõi tại nhà"]


def test_a_long_note_before_the_next_row_number_is_the_rows_note() -> None:
    cells = ["Chỉ tiêu", "Số lượng (người)", "Ghi chú", "1", "Số người được hỗ trợ tại chỗ", "", NOTE, "2",
             "Số người được chuyển tuyến", "", "3", "Số người được theo dõi tại nhà", "", "",
             "II. Phân loại theo địa phương", "TT", "Địa phương", "Số người", "Ghi chú"]
    rows = _rows("BÁO CÁO TỔNG HỢP\n\nI. Tổng quan\n\n" + "\n\n".join(cells) + "\n")
    assert rows == ["Số người được hỗ trợ tại chỗ", "Số người được chuyển tuyến", "Số người được theo dõi tại nhà"]


def test_figures_after_labels_stay_figures() -> None:
    """A body opening with a label, not '1': the figures after each label are its values, though they read '1', '2',
    '3' in turn."""
    cells = ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Ghi chú", "Số trường", "12", "1", "", "Số lớp", "2", "40", "",
             "Số học sinh", "3", "1150", "", "Người lập biểu"]
    assert _rows("BÁO CÁO SỐ LIỆU TRƯỜNG HỌC\n\n" + "\n".join(cells) + "\n") == ["Số trường", "Số lớp", "Số học sinh"]
