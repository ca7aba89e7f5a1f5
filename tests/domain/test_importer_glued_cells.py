"""Table cells a copy ran together (made-up text): a header row glued into one line is cut into its names, a row's
number and code stuck to its label get their space back; prose, a brand name, a capitals heading and a decree's
number ('QĐ-TTg') stay as written."""

from __future__ import annotations

from dialogs.importer.glued_cells import bar_parted_cells, unglue_cells
from tests.support.importing import imp


def test_a_glued_header_line_is_cut_into_its_names():
    lines = ["BIỂU THU CHI QUỸ", "", "STTNội dungMã sốSố tiềnGhi chú", "Thu trong nămChi trong năm%Còn lại"]
    out = unglue_cells(lines)
    assert out[2:] == [
        "STT",
        "Nội dung",
        "Mã số",
        "Số tiền",
        "Ghi chú",
        "Thu trong năm",
        "Chi trong năm",
        "%",
        "Còn lại",
    ]
    assert out[:2] == lines[:2]


def test_glued_column_pairs_are_cut_apart():
    out = unglue_cells(["Thu nhậpChi tiêu", "SL%SL%"])
    assert out == ["Thu nhập", "Chi tiêu", "SL", "%", "SL", "%"]


def test_rows_with_glued_numbers_and_codes_get_their_spaces():
    lines = ["IKhoản vay ngân hàng01", "- Vay ngắn hạn02", "- Vay dài hạn03", "1Phải trả người lao động05"]
    assert unglue_cells(lines) == [
        "I Khoản vay ngân hàng 01",
        "- Vay ngắn hạn 02",
        "- Vay dài hạn 03",
        "1 Phải trả người lao động 05",
    ]


def test_one_glued_row_alone_is_left_as_written():
    lines = ["Kết quả thực hiện", "1Phải thu khách hàng06", "", "Ghi chú thêm về nội dung"]
    assert unglue_cells(lines) == lines


def test_prose_brand_names_and_capitals_stay_as_written():
    lines = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO TÓM TẮT",
        "Căn cứ Quyết định số 12/QĐ-TTg của Thủ tướng Chính phủ.",
        "VnDoc - Tải tài liệu, văn bản pháp luật miễn phí",
        "Đơn vị đã dùng phần mềm PowerPoint và ứng dụng TikTok để tuyên truyền. Kết quả tốt.",
        "Công tác tuyên truyền được đẩy mạnh trong năm.",
    ]
    assert unglue_cells(lines) == lines


def test_a_glued_header_and_glued_rows_give_a_biểu():
    text = "\n".join(
        [
            "BÁO CÁO TÌNH HÌNH CÔNG NỢ",
            "",
            "STTChỉ tiêuMã sốTổng sốTrong nămNăm trước",
            "",
            "IKhoản phải thu khách hàng 01",
            "1Thu tiền bán hàng02",
            "2Thu tiền dịch vụ03",
            "IICác khoản phải trả05",
            "1Trả người bán06",
            "2Trả người lao động07",
            "",
        ]
    )
    tables = [r.question.table for r in imp(text).refs if r.question.type == "table"]
    assert tables, "no Biểu"
    labels = [c.label for t in tables for c in t.columns] + [x.label for t in tables for x in t.rows]
    assert not any("STTChỉ" in x or "tiêuMã" in x for x in labels)
    assert any("Thu tiền bán hàng" in x for x in labels)


def _bars(*cells: str) -> list[str]:
    out: list[str] = []
    for c in cells:
        out += [*c.split("\n"), "|"]
    return out


def test_cells_parted_by_bar_lines_are_joined_a_cell_a_line():
    lines = [
        "PHỤ LỤC CHỈ TIÊU",
        *_bars(
            "STT",
            "Tên chỉ tiêu",
            "Đơn vị tính",
            "Chỉ tiêu",
            "I",
            "Hạ tầng\nsố",
            "",
            "",
            "1",
            "Tỷ lệ hộ có\nmạng cáp quang",
            "%",
            "80",
        ),
    ]
    out = bar_parted_cells(lines)
    assert out == [
        "PHỤ LỤC CHỈ TIÊU",
        "STT",
        "Tên chỉ tiêu",
        "Đơn vị tính",
        "Chỉ tiêu",
        "I",
        "Hạ tầng số",
        "",
        "",
        "1",
        "Tỷ lệ hộ có mạng cáp quang",
        "%",
        "80",
    ]


def test_a_few_bars_or_cells_ending_in_a_bar_are_left_as_written():
    few = ["Kết quả", "|", "Tốt", "|", "Khá", "|"]
    assert bar_parted_cells(few) == few
    ending = ["Nam |", "|", "Nữ |", "|"] * 5
    assert bar_parted_cells(ending) == ending


def test_a_bar_parted_table_with_a_text_column_is_a_biểu():
    """Each indicator has a long explanation cell between its name and its unit: the explanation is the row's text,
    not another row."""
    text = "\n".join(
        [
            "PHỤ LỤC CHỈ TIÊU CHUYỂN ĐỔI SỐ",
            "",
            *_bars(
                "STT",
                "Tên chỉ tiêu",
                "Giải thích chỉ tiêu",
                "Đơn vị tính",
                "Chỉ tiêu cụ thể",
                "1",
                "Tỷ lệ hộ gia đình có\nkết nối cáp quang",
                "Số hộ gia đình trên địa bàn xã đã được kết nối internet cáp quang băng rộng chia cho tổng số hộ gia đình của xã",
                "%",
                "80",
                "2",
                "Tỷ lệ người dân có\ntài khoản thanh toán",
                "Số người dân từ đủ mười lăm tuổi trở lên có tài khoản thanh toán tại ngân hàng chia cho tổng số dân của xã đó",
                "%",
                "70",
                "3",
                "Tỷ lệ hồ sơ trực tuyến",
                "Số hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình chia cho tổng số hồ sơ của xã",
                "%",
                "60",
            ),
            "",
        ]
    )
    tables = [r.question.table for r in imp(text).refs if r.question.type == "table"]
    assert len(tables) == 1
    rows = [x.label for x in tables[0].rows]
    assert rows == [
        "Tỷ lệ hộ gia đình có kết nối cáp quang",
        "Tỷ lệ người dân có tài khoản thanh toán",
        "Tỷ lệ hồ sơ trực tuyến",
    ]
    assert "Chỉ tiêu cụ thể" in [c.label for c in tables[0].columns]


def test_a_glued_header_over_row_names_with_no_figures_is_a_biểu_with_its_groups():
    """'Thu nhập' and 'Chi tiêu' glued over 'SL%SL%' glued, then the rows' names and nothing else: the groups share
    the leaves evenly; the unglued line above names the rows' column."""
    text = "BÁO CÁO PHÂN LOẠI HỘ\n\nMức sống\nThu nhậpChi tiêu\nSL%SL%\nKhá giả\nTrung bình\nCận nghèo\nNghèo\n\nNgười lập\n"
    tables = [r.question.table for r in imp(text).refs if r.question.type == "table"]
    assert len(tables) == 1
    t = tables[0]
    assert [(c.group, c.label) for c in t.columns] == [
        ("Thu nhập", "SL"),
        ("Thu nhập", "%"),
        ("Chi tiêu", "SL"),
        ("Chi tiêu", "%"),
    ]
    assert [x.label for x in t.rows] == ["Khá giả", "Trung bình", "Cận nghèo", "Nghèo"]


def test_lines_under_a_glued_header_that_are_sentences_make_no_biểu():
    lines = [
        "Thu nhậpChi tiêu",
        "SL%SL%",
        "Năm nay đời sống người dân được cải thiện rõ rệt.",
        "Khá",
        "Nghèo",
    ]
    out = unglue_cells(lines)
    assert all(isinstance(x, str) for x in out)
    assert out[6:] == lines[2:]
