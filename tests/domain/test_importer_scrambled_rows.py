"""A statistics form's table from a PDF whose row cells come out in any order (dialogs/importer/scrambled_rows.py),
on made-up text: the rows are read by their codes 01, 02 … wherever they stand in the line, the unit and ditto marks
left out, the header's leaves cut at their capitalised words; a line of prose with figures is no such table."""

from __future__ import annotations

from dialogs.importer.scrambled_rows import scrambled_rows_grid
from tests.support.importing import imp


def _table(text: str):
    o = imp(text)
    tables = [r.question.table for r in o.refs if r.question.type == "table"]
    assert len(tables) == 1, tables
    return [c.label for c in tables[0].columns], [r.label for r in tables[0].rows]


def test_rows_whose_code_stands_before_after_or_between_their_cells():
    text = (
        "BÁO CÁO HOẠT ĐỘNG THƯ VIỆN\n\n"
        "Tên chỉ tiêu Mã số Thực hiện kỳ báo cáo Ước tính kỳ sau Lũy kế từ đầu năm\n"
        "1 2 3 A B\n"
        "I. Bạn đọc\n"
        "1. Số lượt bạn đọc 01 Lượt\n"
        "Chia ra:\n"
        "02 '' Bạn đọc thiếu nhi\n"
        "Bạn đọc người lớn 03 ''\n"
        "04 Cuốn 2. Số sách được mượn (kể cả mượn về nhà)\n"
        "05 Triệu đồng II. Kinh phí bổ sung\n"
        "sách báo\n"
    )
    cols, rows = _table(text)
    assert cols == ["Thực hiện kỳ báo cáo", "Ước tính kỳ sau", "Lũy kế từ đầu năm"]
    assert rows == [
        "Số lượt bạn đọc",
        "Bạn đọc thiếu nhi",
        "Bạn đọc người lớn",
        "Số sách được mượn (kể cả mượn về nhà)",
        "Kinh phí bổ sung sách báo",
    ]


def test_without_a_codes_row_the_leaves_stay_one_column():
    run = [
        "Chỉ tiêu Mã số Đơn vị tính Số liệu năm nay",
        "Số hộ 01 Hộ",
        "02 Người Số nhân khẩu",
        "Số lao động 03 Người",
        "04 '' Trong đó: lao động nữ",
    ]
    got = scrambled_rows_grid(run, 0)
    assert got is not None
    grid, used = got
    assert used == 5
    assert [t for t, _ in grid.cells[0]] == ["TT", "Chỉ tiêu", "Số liệu năm nay"]
    assert [row[1][0] for row in grid.cells[1:]] == [
        "Số hộ",
        "Số nhân khẩu",
        "Số lao động",
        "Trong đó: lao động nữ",
    ]


def test_prose_with_figures_out_of_sequence_is_no_table():
    run = [
        "Các chỉ tiêu chủ yếu, mã số và cách tính theo hướng dẫn sau",
        "Năm 2024 có 12 xã đạt chuẩn, 05 xã đang xây dựng",
        "Dự kiến 03 xã hoàn thành trong năm 2025 và 01 xã năm 2026",
    ]
    assert scrambled_rows_grid(run, 0) is None


def test_rows_with_their_figures_are_left_to_the_readers_of_rows_in_order():
    run = [
        "TT Chỉ tiêu Đơn vị tính Mã số Tổng số Nam Nữ",
        "A B C 1 2 3",
        "1. Số hội viên người 01 120 70 50",
        "2. Số hội viên mới người 02 15 9 6",
        "3. Số chi hội chi hội 03 8",
        "4. Số buổi sinh hoạt buổi 04 24",
    ]
    assert scrambled_rows_grid(run, 0) is None
