"""Names and tables of round 29 on the twenty-third hold-out's shapes (made-up text): a youth union's header above a
code line is no name; the signing date at the foot and a signer's title under a table are no header above the name;
a name line ends at a glued 'SốTT' column; a standard's number 'ISO 9001:2015' in a name line is no field."""

from __future__ import annotations

from dialogs.importer.naming import caps_after_header, header_block, own_name
from tests.support.importing import imp


def test_a_union_header_under_a_code_line_is_no_name():
    lines = ["Mẫu 7-XYZ", "ĐOÀN TNCS HỒ CHÍ MINH", "ĐOÀN TRƯỜNG (2).........", "CHI ĐOÀN ..........", "***",
             "Số: -NQ/ĐTN", "Hà Tĩnh, ngày ... tháng ... năm 20...", "BIÊN BẢN",
             "Họp xét kết nạp đoàn viên mới", "- Căn cứ điều lệ ……"]
    assert {1, 2, 3} <= header_block(lines)
    assert own_name(lines) == "BIÊN BẢN Họp xét kết nạp đoàn viên mới"


def test_a_union_name_under_the_document_name_still_goes_on_with_it():
    assert imp("BIÊN BẢN HỘI NGHỊ\nĐOÀN THANH NIÊN XÃ AN PHÚ\n1. Thời gian: ……\n2. Địa điểm: ……\n").title \
        .lower().startswith("biên bản hội nghị")


def test_the_signing_date_at_the_foot_is_no_header_above_the_name():
    lines = ["Bài viết giới thiệu mẫu kê khai dưới đây.", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "-----", "TỜ KÊ DIỆN TÍCH", "Vườn cây ăn quả trồng mới",
             "Kính gửi: Ủy ban nhân dân xã ……", "Họ tên người kê: ……", "Địa chỉ: ……", "Số điện thoại: ……",
             "Diện tích: …… m2", "Giống cây: ……", "Ghi chú khác: ……", "Tôi cam đoan kê khai đúng./.",
             "……, ngày … tháng … năm … Xác nhận của xã (Ký, ghi rõ họ tên)"]
    assert caps_after_header(lines) == "TỜ KÊ DIỆN TÍCH Vườn cây ăn quả trồng mới"


def test_a_signer_under_a_table_is_no_name():
    lines = ["(Ký, ghi rõ họ tên)", "Kế toán trưởng", "(Ký, ghi rõ họ tên)", "THỦ TRƯỞNG ĐƠN VỊ",
             "(Ký, đóng dấu, ghi rõ họ tên)"]
    assert caps_after_header(lines) is None


def test_a_name_line_ends_at_a_glued_row_number_header():
    lines = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BẢNG KÊ TIỀN CÔNG THÁNG",
             "SốTT", "Họ và tên", "Ngày công"]
    assert caps_after_header(lines) == "BẢNG KÊ TIỀN CÔNG THÁNG"


def test_a_standards_number_in_a_name_line_is_no_field():
    lines = ["PHIẾU KIỂM TRA", "TỰ ĐÁNH GIÁ NỘI BỘ", "HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG THEO ISO 9001:2015",
             "1. Phạm vi áp dụng đã được xác định chưa?"]
    assert own_name(lines) == "PHIẾU KIỂM TRA TỰ ĐÁNH GIÁ NỘI BỘ HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG THEO ISO 9001:2015"


def test_a_row_label_repeated_under_two_parents_takes_its_parents_name():
    from dialogs.importer.repeated_rows import name_repeated_rows

    rows = [{"no": "1", "label": "Lập kế hoạch", "level": 0}, {"no": "1.1", "label": "Phê duyệt đúng hạn.", "level": 1},
            {"no": "2", "label": "Hồ sơ thiết kế", "level": 0}, {"no": "2.1", "label": "Bản vẽ", "level": 1},
            {"no": "2.1.1", "label": "Phê duyệt đúng hạn.", "level": 1}, {"no": "3", "label": "Khác", "level": 0}]
    name_repeated_rows(rows)
    assert rows[1]["label"] == "Phê duyệt đúng hạn (Lập kế hoạch)"
    assert rows[4]["label"] == "Phê duyệt đúng hạn (Bản vẽ)"
    assert rows[5]["label"] == "Khác" and rows[3]["label"] == "Bản vẽ"


def test_repeated_rows_under_one_parent_stay_as_they_are():
    from dialogs.importer.repeated_rows import name_repeated_rows

    rows = [{"label": "Xã A", "level": 0}, {"label": "Đạt yêu cầu chung", "level": 1}, {"label": "Đạt yêu cầu chung", "level": 1}]
    name_repeated_rows(rows)
    assert [r["label"] for r in rows] == ["Xã A", "Đạt yêu cầu chung", "Đạt yêu cầu chung"]


def test_a_flattened_biểu_names_its_repeated_rows_by_their_parents():
    text = ("Biểu kết quả\nTT\tNội dung\tSố hồ sơ\tGhi chú\n1\tLập kế hoạch\t\t\n1.1\tPhê duyệt đúng hạn\t\t\n"
            "2\tHồ sơ thiết kế\t\t\n2.1\tPhê duyệt đúng hạn\t\t\n")
    labels = [x.label for r in imp(text).refs if r.question.type == "table" for x in r.question.table.rows]
    assert "Phê duyệt đúng hạn (Lập kế hoạch)" in labels and "Phê duyệt đúng hạn (Hồ sơ thiết kế)" in labels


def test_a_short_breakdown_repeated_under_each_group_stays_bare():
    from dialogs.importer.repeated_rows import name_repeated_rows

    rows = [{"no": "1", "label": "Người vi phạm", "level": 0}, {"no": "1.1", "label": "Nam", "level": 1},
            {"no": "2", "label": "Nạn nhân", "level": 0}, {"no": "2.1", "label": "Nam", "level": 1}]
    name_repeated_rows(rows)
    assert rows[1]["label"] == rows[3]["label"] == "Nam"


def test_a_block_of_rows_printed_again_under_each_parent_stays_bare():
    from dialogs.importer.repeated_rows import name_repeated_rows

    rows = [{"no": "1", "label": "Tổng chi cấp tỉnh", "level": 0},
            {"no": "1.1", "label": "Chi đầu tư phát triển", "level": 1},
            {"no": "1.2", "label": "Chi thường xuyên khác", "level": 1},
            {"no": "2", "label": "Tổng chi cấp xã", "level": 0},
            {"no": "2.1", "label": "Chi đầu tư phát triển", "level": 1},
            {"no": "2.2", "label": "Chi thường xuyên khác", "level": 1}]
    name_repeated_rows(rows)
    assert [r["label"] for r in rows[4:]] == ["Chi đầu tư phát triển", "Chi thường xuyên khác"]
