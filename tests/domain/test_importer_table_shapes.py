"""Flattened tables known by their shape (dialogs/importer/table_shapes.py), on made-up text: rows whose empty cells a
copy dropped, a header of names only after a caption, a numbered list whose column names a PDF interleaved with the
rows, a header cut off by the end of the page. Never columns: the row heading, 'STT', a bare 'Ghi chú', group
words, a heading in capitals; a table that is rebuilt carries an unsure point."""

from __future__ import annotations

from dialogs.importer import import_document
from tests.support.importing import imp


def _tables(text: str):
    return [r.question.table for r in imp(text).refs if r.question.type == "table"]


def _one(text: str):
    tables = _tables(text)
    assert len(tables) == 1, tables
    return [c.label for c in tables[0].columns], [r.label for r in tables[0].rows]


def _unsure(text: str) -> str:
    return import_document(text.encode("utf-8"), "de-cuong.txt").yaml


HEAD = "BÁO CÁO TÌNH HÌNH CƠ SỞ\n\nI. SỐ LIỆU\n"


def test_rows_whose_empty_cells_were_dropped_are_a_biểu():
    """'Nội dung' / the columns / the first row's name runs on / '' / 'X' cells of irregular count."""
    text = (
        HEAD
        + "1. Phương tiện\nNỘI DUNG\nXe tải\nXe con\nXe máy\nĐội vận tải\n\nĐội bảo vệ\n\nX\nX\nKho\n\nCỘNG\n\n"
        "– Số xe phải sửa chữa trong năm qua là bao nhiêu chiếc.\n"
    )
    cols, rows = _one(text)
    assert cols == ["Xe tải", "Xe con", "Xe máy"]
    assert rows == ["Đội vận tải", "Đội bảo vệ", "Kho", "CỘNG"]
    assert "các ô trống của dòng bị mất" in _unsure(text)


def test_dashed_rows_under_a_header_with_a_capital_heading():
    """A spaced page: 'Chỉ tiêu' / 'KẾT QUẢ CUỐI QUÝ' (a heading over the columns) / names / '– row' / 'X' …"""
    text = (
        HEAD
        + "2. Vật nuôi:\n\nChỉ tiêu\n\nKẾT QUẢ CUỐI QUÝ\n\nTrâu\n\nBò\n\nLợn\n\nGà\n\n– Số con tiêm phòng\n\nX\n\n"
        "– Số con mắc bệnh\n"
    )
    cols, rows = _one(text)
    assert cols == ["Trâu", "Bò", "Lợn", "Gà"]
    assert rows == ["Số con tiêm phòng", "Số con mắc bệnh"]


def test_short_lines_under_a_heading_without_empty_cells_stay_the_outline():
    text = (
        HEAD + "Nội dung\nTuyên truyền\nTập huấn\nKiểm tra\nSơ kết\n\nII. ĐÁNH GIÁ\nNêu kết quả đạt được.\n"
    )
    assert _tables(text) == []


def test_a_captioned_header_of_names_only_is_a_biểu_without_its_group_words():
    text = (
        HEAD
        + "1. Cán bộ\n* Phân loại cán bộ:\n\nTổng số cán bộ\n\nTổng số cán bộ đạt\n\nSố đạt chia ra\n\nTốt\n\n"
        "Khá\n\nKém\n\nGhi chú\n\nLoại A\n\nLoại B\n\n2. Tài sản:\nNêu tình hình tài sản.\n"
    )
    tables = _tables(text)
    assert len(tables) == 1
    labels = [c.label for c in tables[0].columns]
    assert {"Tổng số cán bộ", "Tổng số cán bộ đạt", "Tốt", "Kém", "Loại A", "Loại B"} <= set(labels)
    assert "Số đạt chia ra" not in labels and "Ghi chú" not in labels


def test_a_captioned_header_variant_with_a_trong_do_group():
    text = (
        HEAD
        + "1. Hội viên\nCơ cấu hội viên:\nTổng số hội viên\nTrong đó:\nNam\nNữ\nTổng số chi hội\nThôn\nTổ dân phố\n"
        "2. Hoạt động:\nNêu các hoạt động.\n"
    )
    cols, _ = _one(text)
    assert cols[-6:] == ["Tổng số hội viên", "Nam", "Nữ", "Tổng số chi hội", "Thôn", "Tổ dân phố"]
    assert "Trong đó:" not in cols


def test_a_caption_over_options_without_totals_stays_a_question():
    text = (
        HEAD + "1. Đánh giá chung:\nTốt\nKhá\nTrung bình\nYếu\nKém\nRất kém\n2. Kiến nghị:\nNêu kiến nghị.\n"
    )
    assert _tables(text) == []


def test_a_numbered_list_with_its_header_interleaved_is_a_biểu():
    text = (
        "Kết quả bình chọn như sau:\nSố lượt chọn /Số lượt\nHọ và tên\nbỏ phiếu\nTT\n1 Phạm Văn Hùng\n"
        "Ghi chú (Tỷ lệ%)\n2 Đỗ Thị Lan\n3 Vũ Minh Tuấn\n4 Ngô Thị Hoa\nNhư vậy các cá nhân trên được chọn.\n"
    )
    cols, rows = _one(text)
    assert cols == ["Số lượt chọn /Số lượt bỏ phiếu", "Ghi chú (Tỷ lệ%)"]
    assert rows == ["Phạm Văn Hùng", "Đỗ Thị Lan", "Vũ Minh Tuấn", "Ngô Thị Hoa"]


def test_an_interleaved_list_variant_under_stt():
    text = (
        "Danh sách đề cử:\nSTT\nHọ và tên\nĐơn vị công tác\n1 Trịnh Văn Khoa\n2 Lý Thị Mai\nSố phiếu\n"
        "3 Hà Văn Sơn\nBiên bản lập xong lúc 10 giờ cùng ngày.\n"
    )
    cols, rows = _one(text)
    assert cols == ["Đơn vị công tác", "Số phiếu"]
    assert rows == ["Trịnh Văn Khoa", "Lý Thị Mai", "Hà Văn Sơn"]


def test_a_numbered_agenda_without_a_name_heading_is_no_table():
    text = "Chương trình họp:\nKhai mạc\n1 Báo cáo kết quả\n2 Thảo luận\n3 Biểu quyết\nBế mạc\n"
    assert _tables(text) == []


def test_a_header_cut_off_by_the_end_of_the_page_is_a_list_to_fill():
    text = (
        "ĐƠN ĐỀ NGHỊ\n\nHọ và tên: ..........\n\nThông tin người phụ thuộc:\n\nSố TT\n\nHọ và tên\n\nNgày sinh\n\n"
        "Nghề nghiệp\n(Học sinh, công nhân, n\n"
    )
    cols, _ = _one(text)
    assert cols == ["Họ và tên", "Ngày sinh", "Nghề nghiệp (Học sinh, công nhân, n"]
    assert "văn bản dừng sau hàng tiêu đề" in _unsure(text)


def test_a_header_cut_off_variant_and_a_heading_with_text_after_it():
    text = "TỜ KHAI ĐĂNG KÝ\n\nĐịa chỉ: ..........\n\nDanh sách con dưới 16 tuổi:\nSố thứ tự\nTên con\nNăm sinh\nTrường đang học\n"
    cols, _ = _one(text)
    assert cols == ["Tên con", "Năm sinh", "Trường đang học"]
    after = (
        text
        + "Người khai cam đoan những lời khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật.\n"
    )
    assert "văn bản dừng sau hàng tiêu đề" not in _unsure(after)


def _coded_header(heading: str, names: list[str], last_row: str) -> str:
    codes = [str(i) for i in range(1, len(names) + 1)]
    return (
        "BIỂU TỔNG HỢP\n\nII. Phân loại sự cố\n\n"
        + "\n\n".join([heading, "Mã số", *names, *codes, last_row])
        + "\n"
    )


def test_a_coded_header_with_only_its_total_row_is_a_biểu_and_a_cut_parenthesis_ends_its_name():
    names = ["Số vụ", "Số người bị nạn", "Thiệt hại (triệu đ", "Tổng số", "Số vụ nặng", "Chi phí khắc phục"]
    cols, rows = _one(_coded_header("Tên chỉ tiêu thống kê", names, "Tổng số"))
    assert "Thiệt hại (triệu đ" in cols and "Số vụ nặng" in cols and "Chi phí khắc phục" in cols
    assert "Tổng số" in rows


def test_a_coded_header_variant_and_a_parenthesis_closed_on_the_next_line():
    names = ["Số cơ sở", "Kinh phí (triệu", "đồng)", "Số lao động", "Số lao động nữ", "Ghi nhận"]
    cols, rows = _one(_coded_header("Chỉ tiêu", names, "Tổng cộng"))
    assert "Kinh phí (triệu đồng)" in cols and "Số lao động nữ" in cols
    assert "Tổng cộng" in rows


def test_a_heading_over_prose_without_a_numbering_row_stays_the_outline():
    text = (
        "BÁO CÁO\n\nII. Tình hình\n\nTên chỉ tiêu thống kê\n\nSố vụ xảy ra trong kỳ\n\nSố người bị nạn\n\nTổng số\n\n"
        "III. Kiến nghị\n\nNêu các kiến nghị của đơn vị với cấp trên.\n"
    )
    assert _tables(text) == []


def _codes_a_line(names: list[str], codes: list[str], rows: list[str]) -> str:
    return (
        "BÁO CÁO KẾT QUẢ\n\nI. Số liệu tổng hợp\n\n"
        + "\n".join(["STT", *names])
        + "\n\n"
        + "\n\n".join(codes)
        + "\n"
        + "\n".join(rows)
        + "\n\nII. Kiến nghị\n\nNêu kiến nghị của đơn vị.\n"
    )


def test_column_codes_a_line_each_under_a_header_a_name_a_line():
    names = [
        "Chỉ tiêu",
        "Mã số",
        "Tổng số",
        "Theo nguồn vốn",
        "Vốn nhà nước",
        "Vốn tư nhân",
        "Vốn nước ngoài",
    ]
    rows = ["I Cơ sở sản xuất 01", "- Quy mô nhỏ 02", "- Quy mô vừa 03", "II Cơ sở dịch vụ 05", "1 Bán lẻ 06"]
    cols, got = _one(_codes_a_line(names, ["A", "B", "C", "1", "2", "3", "4"], rows))
    assert cols == ["Tổng số", "Vốn nhà nước", "Vốn tư nhân", "Vốn nước ngoài"]
    assert "Cơ sở sản xuất" in got and "Quy mô vừa" in got and "Bán lẻ" in got


def test_column_codes_a_line_variant_with_parenthesised_figures():
    names = ["Nội dung", "Năm trước", "Năm nay", "So sánh (%)"]
    rows = ["1 Số hội viên", "2 Số chi hội", "3 Số hội viên mới kết nạp"]
    cols, got = _one(_codes_a_line(names, ["A", "(1)", "(2)", "(3)"], rows))
    assert cols == ["Năm trước", "Năm nay", "So sánh (%)"]
    assert got == ["Số hội viên", "Số chi hội", "Số hội viên mới kết nạp"]


def test_codes_out_of_order_are_no_header_codes():
    from dialogs.importer.table_shapes import codes_a_line_grid

    lines = [
        "STT",
        "Tên",
        "Năm trước",
        "Năm nay",
        "",
        "3",
        "",
        "1",
        "1 Số hội viên",
        "2 Số chi hội",
        "3 Số tổ",
    ]
    assert codes_a_line_grid(lines) is None


def test_a_pdf_header_cut_across_its_columns_is_no_codes_a_line_table():
    from dialogs.importer.table_shapes import codes_a_line_grid

    lines = ["TT", "ngày ban", "hành văn", "bản", "1", "", "2", "", "3", "Hình Biện", "thức pháp", "Lĩnh"]
    assert codes_a_line_grid(lines) is None
