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
