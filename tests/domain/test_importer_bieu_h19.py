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


def _empty_table(after: str, blank_rows: int = 3) -> str:
    head = ["TT", "Huyện", "Số lớp mở", "Số học viên", "Ghi chú", "Tổng số", "Nữ", "1", "2", "3", "4", "5", "6"]
    return "\n".join(["II. Kết quả mở lớp theo địa bàn", "", *head, *[" "] * blank_rows, "", after])


def test_a_header_with_only_empty_rows_then_the_next_part_is_a_biểu():
    """A table copied one cell a line whose rows are left empty (the unit writes them), right before the next
    Roman-numbered part: a header-only Biểu, and the part heading stays a line of the outline."""
    for after in ("III. Kiến nghị, đề xuất", "3. Khó khăn, vướng mắc"):
        o = imp(_empty_table(after))
        tables = [r.question for r in o.refs if r.question.type == "table"]
        assert tables, after
        cols = [c.label for c in tables[0].table.columns]
        assert "Số học viên" in " ".join(cols) or "Nữ" in cols, cols
        assert not any(after.split(". ", 1)[1] in x.label for x in tables[0].table.rows)


def test_a_real_first_row_after_the_numbering_row_is_still_read():
    """Negative: when the numbering row is followed at once by a numbered row, that row belongs to the table."""
    from dialogs.importer.grids import _body

    rows, _ = _body(["I.", "Khối trường học", "", "", "1.", "Trường tiểu học", "4", "2"], False)
    assert rows and rows[0][1] == "Khối trường học"
    rows, _ = _body(["", "I. Kiến nghị, đề xuất", "5"], False)  # a single empty cell: not an empty row
    assert rows
