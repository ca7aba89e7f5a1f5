"""A header line over rows set apart as paragraphs (dialogs/importer/grids.py, header_rows_grid), on made-up text: the
blank lines between the rows are no end of the table, a wider gap is; the words in lower case after the rows'
heading ('Nội dung kiểm tra') are no column."""

from __future__ import annotations

from dialogs.importer.grids import _after_heading, header_rows_grid

LINES = [
    "TT Nội dung kiểm tra Điểm tối đa Điểm chấm",
    "",
    "",
    "I Hồ sơ quản lý bếp ăn 4.0",
    "",
    "",
    "1.1. Sổ kiểm thực ba bước 2.0",
    "",
    "",
    "",
    "Có sổ ghi chép hằng ngày 1.0",
    "Lưu mẫu thức ăn đủ thời gian và ghi nhãn",
    "",
    "",
    "đầy đủ theo quy định 1.0",
    "",
    "",
    "",
    "",
    "",
    "Người chấm điểm",
]


def test_rows_set_apart_as_paragraphs_are_the_tables_rows() -> None:
    got = header_rows_grid(LINES)
    assert got is not None
    cells = [[c[0] for c in row] for row in got[0].cells]
    assert cells[0][2:] == ["Điểm tối đa", "Điểm chấm"]
    assert [r[1] for r in cells[1:]] == [
        "Hồ sơ quản lý bếp ăn",
        "Sổ kiểm thực ba bước",
        "Có sổ ghi chép hằng ngày",
        "Lưu mẫu thức ăn đủ thời gian và ghi nhãn đầy đủ theo quy định",
    ]
    assert LINES[got[1] - 1].startswith("đầy đủ")  # the wider gap ends the table


def test_the_rows_heading_keeps_its_words_in_lower_case() -> None:
    assert _after_heading("TT Nội dung kiểm tra Điểm tối đa Điểm chấm") == "Điểm tối đa Điểm chấm"
    assert _after_heading("STT Chỉ tiêu Kế hoạch Thực hiện") == "Kế hoạch Thực hiện"


def test_paragraphs_of_prose_under_a_heading_are_no_table() -> None:
    prose = ["Nội dung kiểm tra gồm các việc sau", "", "Kiểm tra hồ sơ bếp ăn", "", "Kiểm tra nguồn nước", ""]
    assert header_rows_grid(prose) is None
