"""Lists (danh sách) copied one cell a line, on made-up text: a 'Ngày tháng năm sinh' column is a column, not the
signing date that ends a table; numbered rows left empty under the column numbers, then the total row; the form's
lines with a dotted blank after the table are its questions, never the table's rows."""

from __future__ import annotations

from tests.support.importing import imp


def _cells(*cells: str) -> str:
    return "\n\n".join(cells)


def _parts(text: str):
    o = imp(text)
    tables = [r.question.table for r in o.refs if r.question.type == "table"]
    others = [r.question.prompt for r in o.refs if r.question.type != "table"]
    return tables, others


HEAD = ("STT", "Họ và tên", "Ngày tháng năm sinh", "Nam", "Nữ", "Dân tộc", "Nơi ở hiện nay", "Ghi chú")
CODES = ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)")


def test_a_list_with_a_birth_date_column_empty_rows_and_dotted_lines_after():
    text = (
        "DANH SÁCH HỌC VIÊN LỚP BỒI DƯỠNG\n\n"
        + _cells(*HEAD, *CODES, "1", *[""] * 7, "2", *[""] * 7, "Tổng số", *[""] * 7)
        + "\n\nTổng số học viên của lớp là: .................. người.\n\n"
        "Số học viên hoàn thành khóa học: ………………… người.\n"
    )
    tables, others = _parts(text)
    assert len(tables) == 1
    cols = [c.label for c in tables[0].columns]
    assert "Ngày tháng năm sinh" in cols and "Nơi ở hiện nay" in cols
    assert not any("học viên" in r.label for r in tables[0].rows)
    assert any(p.startswith("Tổng số học viên") for p in others)
    assert any(p.startswith("Số học viên hoàn thành") for p in others)


def test_a_birth_date_column_written_with_commas():
    head = ("STT", "Họ và tên", "Ngày, tháng, năm sinh", "Chức vụ", "Đơn vị công tác", "Số điện thoại")
    text = (
        "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ\n\n" + _cells(*head, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)") + "\n"
    )
    tables, _ = _parts(text)
    assert len(tables) == 1
    assert "Ngày, tháng, năm sinh" in [c.label for c in tables[0].columns]


def test_the_signing_date_still_ends_the_table():
    """'Ngày … tháng … năm 2025' after the rows: the table ends there, the date is no row."""
    text = (
        "BÁO CÁO SỐ LIỆU\n\n"
        + _cells(
            "STT",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Số liệu",
            "1",
            "Số hộ",
            "Hộ",
            "120",
            "2",
            "Số người",
            "Người",
            "400",
        )
        + "\n\nNgày 5 tháng 3 năm 2025\n\nNgười lập biểu\n"
    )
    tables, _ = _parts(text)
    assert len(tables) == 1
    assert [r.label for r in tables[0].rows] == ["Số hộ", "Số người"]


def test_a_pdf_header_torn_word_by_word_is_named_as_a_table_seen():
    """A register's header whose column names a PDF interleaved word by word: no Biểu of fragments, an unsure point."""
    from dialogs.importer import import_document

    text = "SỔ THEO DÕI CẤP GIẤY PHÉP\n\nQuyển số: ……………\n\n" + "\n".join(
        [
            "Ngày",
            "cấp Tên",
            "giấy chủ",
            "phép hộ",
            "Loại",
            "hình",
            "kinh",
            "Địa",
            "chỉ",
            "doanh",
            "1",
            "2",
            "3",
            "4",
        ]
        + ["Người nhận", "ký tên", "5", "6", "", "1", "2", "…."]
    )
    result = import_document(text.encode("utf-8"), "so.txt")
    assert any("xé thành từng chữ" in n["message"] for n in result.notes)
    assert "table:" not in result.yaml


def test_column_names_broken_inside_a_word_are_not_taken_for_torn_words():
    """'Số người' / 'được tập huấn' / 'Số buổi' …: a name goes on in lower case; long names, so no fragments."""
    from dialogs.importer.textgrid import _word_fragments

    assert not _word_fragments(
        ["Nội dung", "Số người được", "tập huấn trong năm", "Số buổi", "tập huấn đã tổ chức"]
    )
    assert _word_fragments(["Tình", "hình", "thi", "Đơn", "hành", "Ghi", "vị xử", "quyết", "chú"])


def test_a_count_line_under_a_list_whose_blank_a_space_broke():
    """'Số học viên nữ………… ………...người;': one blank and its unit, a count; two labelled blanks stay two."""
    from dialogs.importer.cleaning import SPLIT_BLANK

    text = (
        "DANH SÁCH HỌC VIÊN\n\nSố học viên nam:……………………người;\n\nSố học viên nữ………… ………...người;\n\n"
        "Số học viên ở ký túc xá:……… ……người.\n"
    )
    o = imp(text)
    got = {r.question.prompt: (r.question.type, r.question.unit) for r in o.refs}
    assert got["Số học viên nữ"] == ("integer", "người")
    assert got["Số học viên ở ký túc xá"] == ("integer", "người")
    assert SPLIT_BLANK.sub("", "Họ và tên: ……… Chức vụ: ………") == "Họ và tên: ……… Chức vụ: ………"
