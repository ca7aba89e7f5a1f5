"""A statistics Biểu copied one cell a line whose row names are sometimes long (more than fourteen words): a long name
with its figure or row number on the very next line is still a cell of the table, so the table does not end there."""

from __future__ import annotations

from dialogs.importer.textgrid import _cell_run_end, _figured_label
from tests.support.importing import imp

LONG = "Số hồ sơ được trả lại cho người nộp do thiếu giấy tờ theo quy định tại khoản 2 Điều 15"


def _rows(names: list[str], *, start: int = 1) -> list[str]:
    out: list[str] = []
    for i, n in enumerate(names, start):
        out += [n, str(i), ""]
    return out


def _table(middle: str, rows_after: list[str]) -> str:
    lines = ["BÁO CÁO TÌNH HÌNH TIẾP NHẬN HỒ SƠ THÁNG", "", "Nội dung", "Mã dòng", "Tổng số", "A", "B", "1"]
    names = ["Số hồ sơ kỳ trước chuyển sang", "Số hồ sơ mới tiếp nhận", "Hồ sơ nộp trực tuyến", "Hồ sơ nộp trực tiếp"]
    lines += _rows(names) + [middle, "5", ""] + _rows(rows_after, start=6)
    return "\n".join(lines + ["Người lập biểu", "(Ký, ghi rõ họ tên)"])


def _labels(text: str) -> list[str]:
    tables = [r.question.table for r in imp(text).refs if r.question.type == "table"]
    return [x.label for t in tables for x in t.rows]


def test_a_long_row_name_with_its_number_under_it_stays_in_the_biểu():
    after = ["Số hồ sơ đã giải quyết đúng hạn", "Số hồ sơ giải quyết quá hạn", "Số hồ sơ còn tồn cuối kỳ"]
    labels = _labels(_table(LONG, after))
    assert any("khoản 2 Điều 15" in x for x in labels)
    assert any("còn tồn cuối kỳ" in x for x in labels)


def test_variants_a_long_name_with_a_decimal_figure_or_a_dash_under_it():
    run = ["Chỉ tiêu", "Tổng số", "1", "Dòng một", "4", "Dòng hai", "7", "Dòng ba", "2", LONG, "3,5", "Dòng cuối", "1"]
    assert _cell_run_end(run, 0) == len(run)
    run[10] = "-"
    assert _cell_run_end(run, 0) == len(run)
    assert _figured_label(run, 9, 4)


def test_a_long_line_not_followed_by_a_figure_still_ends_the_run():
    """Negative: the text after a table (a long line with prose under it) or a long line before four values."""
    run = ["Chỉ tiêu", "Tổng số", "1", "Dòng một", "4", "Dòng hai", "7", "Dòng ba", "2", LONG, "Phần ghi chú tiếp theo"]
    assert _cell_run_end(run, 0) == 9
    assert not _figured_label(run, 9, 4)
    assert not _figured_label(["x", LONG, "5"], 1, 2)  # too few values before it
    assert not _figured_label([LONG + " như sau:", "5"], 0, 6)  # a lead-in ending in ':'
