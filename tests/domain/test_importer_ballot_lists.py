"""A ballot's list copied one cell a line (dialogs/importer/grids.py, cell_grid), on made-up text: the question merged
over the answer columns is a long cell inside the header, no column and no end of it; the rows numbered 1 … 8 with a
sample fill in the first ('Chủ hộ') are the list's rows the unit writes."""

from __future__ import annotations

from dialogs.importer.grids import _caption_over, _sampled_numbers, cell_grid

QUESTION = "Sáp nhập thôn Đồng Cao và thôn Đồng Thấp thành thôn Đồng Hòa trên cơ sở toàn bộ diện tích và dân số hai thôn"
BALLOT = [
    "STT",
    "",
    "Họ và tên người trong hộ",
    "",
    "Năm sinh",
    "",
    QUESTION,
    "",
    "Ghi chú",
    "",
    "Đồng ý",
    "",
    "Không đồng ý",
    "",
    "1",
    "",
    "Chủ hộ",
    "",
    "2",
    "",
    "3",
    "",
    "4",
    "",
    "5",
    "",
    "6",
    "",
    "7",
    "",
    "8",
    "",
    "Ý kiến khác (nếu có): ……………………………",
]


def test_a_question_over_the_answers_is_no_column_and_the_sampled_list_is_read() -> None:
    got = cell_grid(BALLOT)
    assert got is not None
    head = [c[0] for c in got[0].cells[0]]
    assert head == ["TT", "Họ và tên người trong hộ", "Năm sinh", "Ghi chú", "Đồng ý", "Không đồng ý"]
    assert BALLOT[got[1]].startswith("Ý kiến khác")


def test_a_long_cell_is_a_caption_only_inside_short_names() -> None:
    assert _caption_over(["STT", QUESTION, "Đồng ý", "Không đồng ý"], 1)
    assert not _caption_over(["STT", QUESTION + ".", "Đồng ý", "Không đồng ý"], 1)  # a sentence
    assert not _caption_over(["STT", QUESTION, "Đồng ý"], 1)  # nothing after it to head
    assert not _caption_over(["STT", "Họ và tên", "Đồng ý", "Không đồng ý"], 1)  # a short name is a column


def test_numbers_with_a_sample_fill() -> None:
    cells = ["1", "Chủ hộ", "2", "3", "4", "5", "6", "Ghi chú: …"]
    assert _sampled_numbers(cells, 0) == 7
    assert _sampled_numbers(["1", "2", "3", "4", "5", "6"], 0) == 0  # no sample: the plain reader's
    assert _sampled_numbers(["1", "Chủ hộ", "2", "3"], 0) == 0  # too few rows
    assert (
        _sampled_numbers(["1", "Vợ", "2", "Con", "3", "Con", "4", "5", "6"], 0) == 0
    )  # filled rows: a table
