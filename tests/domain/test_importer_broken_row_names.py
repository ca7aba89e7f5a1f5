"""Rows a line under a PDF's numbering row (dialogs/importer/grids.py), on made-up text: a row's name cut after a word
that never ends a name ('… còn lại ở' / 'Quỹ xã 04') goes on over the next line, capital or not; a blank's dots glued
to the next column's name ('MỤC …MỤC …') part two columns."""

from __future__ import annotations

from dialogs.importer.grids import _dangling, _head_columns, _line_rows


def test_a_name_cut_after_a_dangling_word_goes_on() -> None:
    rows, used = _line_rows(
        [
            "- Tiền đã chi 03",
            "- Tiền còn lại ở",
            "Quỹ xã 04",
            "- Tiền chuyển cho",
            "Trường học 05",
            "- Tiền thu 06",
        ],
        False,
    )
    assert [r[1] for r in rows] == [
        "Tiền đã chi",
        "Tiền còn lại ở Quỹ xã",
        "Tiền chuyển cho Trường học",
        "Tiền thu",
    ]
    assert used == 6


def test_a_row_closed_by_its_code_or_a_whole_name_does_not_go_on() -> None:
    rows, _ = _line_rows(
        ["- Chi cho ở 03", "Nhà văn hóa 04", "- Quỹ khuyến học", "Quỹ người nghèo 05"], False
    )
    assert [r[1] for r in rows] == ["Chi cho ở", "Nhà văn hóa", "Quỹ khuyến học", "Quỹ người nghèo"]
    assert _dangling("- Dự toán còn lại ở") and not _dangling("ở") and not _dangling("Thu ngân sách xã")


def test_a_blanks_dots_glued_to_the_next_name_part_two_columns() -> None:
    assert _head_columns(["TỔNG SỐ MỤC …MỤC …"], 99) == ["TỔNG", "SỐ", "MỤC …", "MỤC …"]
    assert _head_columns(["Tổng số Mục ...Mục ..."], 99) == ["Tổng số", "Mục ...", "Mục ..."]
