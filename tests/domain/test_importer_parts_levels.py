"""Parts and levels of a report outline (dialogs/importer/structure.py, section_numbers.py), on made-up text: a copy
that lost its line breaks keeps its parts written as ordinals ('Phần thứ nhất … Phần thứ hai …') as the top level
over the Roman sections, decimals and lettered items."""

from __future__ import annotations

from dialogs.importer.section_numbers import part_value
from tests.support.importing import imp, prompts

FILLER = " (nêu cụ thể số liệu, so sánh với cùng kỳ năm trước, phân tích rõ các yếu tố tác động chủ yếu)"


def test_part_values_of_every_spelling():
    assert [part_value(w) for w in ("thứ nhất", "THỨ HAI", "III", "4", "thứ năm", "Phần thứ ba", "X")] == [
        1,
        2,
        3,
        4,
        5,
        3,
        10,
    ]
    assert part_value("thứ gì") == 0


def test_ordinal_parts_in_one_run_on_line_head_their_sections():
    text = (
        "BÁO CÁO TỔNG KẾT CÔNG TÁC PHÒNG CHỐNG THIÊN TAI NĂM 2025 Phần thứ nhất KẾT QUẢ THỰC HIỆN I. Công tác chuẩn bị "
        f"1. Kiện toàn ban chỉ huy a) Về nhân sự:{FILLER} b) Về quy chế:{FILLER} 2. Lực lượng xung kích:{FILLER} "
        f"II. Công tác ứng phó 1. Sơ tán dân:{FILLER} 2. Cứu hộ cứu nạn:{FILLER} Phần thứ hai PHƯƠNG HƯỚNG NĂM 2026 "
        f"I. Mục tiêu 1. Chỉ tiêu chủ yếu:{FILLER} 2. Giải pháp:{FILLER} II. Kiến nghị 1. Với tỉnh:{FILLER}"
    )
    got = {p: s for p, (s, _) in prompts(imp(text)).items()}
    assert got["Về nhân sự"] == "Phần thứ nhất.I.1"
    assert got["Về quy chế"] == "Phần thứ nhất.I.1"
    assert got["Sơ tán dân"] == "Phần thứ nhất.II"
    assert got["Chỉ tiêu chủ yếu"] == "Phần thứ hai.I"
    assert got["Với tỉnh"] == "Phần thứ hai.II"


def test_a_second_variant_in_capitals_with_other_words():
    text = (
        "KẾ HOẠCH KIỂM TRA VỆ SINH AN TOÀN THỰC PHẨM PHẦN THỨ NHẤT TÌNH HÌNH CHUNG I. Đặc điểm địa bàn 1. Số cơ sở "
        f"sản xuất:{FILLER} 2. Số chợ đầu mối:{FILLER} II. Kết quả kiểm tra 1. Số đoàn kiểm tra:{FILLER} "
        f"PHẦN THỨ HAI NHIỆM VỤ TRỌNG TÂM I. Nhiệm vụ 1. Tuyên truyền:{FILLER} 2. Xử lý vi phạm:{FILLER}"
    )
    got = {p: s for p, (s, _) in prompts(imp(text)).items()}
    assert got["Số chợ đầu mối"] == "Phần thứ nhất.I"
    assert got["Số đoàn kiểm tra"] == "Phần thứ nhất.II"
    assert got["Xử lý vi phạm"] == "Phần thứ hai.I"


def test_a_part_named_inside_a_sentence_or_out_of_sequence_stays_text():
    text = (
        "BÁO CÁO SƠ KẾT CÔNG TÁC DÂN VẬN I. Kết quả 1. Tuyên truyền: (nội dung đã nêu tại Phần thứ hai của kế hoạch "
        f"số 12){FILLER} 2. Vận động:{FILLER} Phần thứ ba NHIỆM VỤ 3. Kiến nghị:{FILLER} II. Đề xuất 1. Với huyện:{FILLER}"
    )
    got = {p: s for p, (s, _) in prompts(imp(text)).items()}
    assert not any(s.startswith("Phần") for s in got.values())


# --- titles ----------------------------------------------------------------------------------------------------------


def test_a_byline_in_capitals_with_a_bar_is_no_name_the_asked_report_is():
    o = imp(
        "Gấp rút báo cáo kết quả kiểm kê rừng phòng hộ\n\nMINH AN |\n\n"
        "Sở Nông nghiệp vừa đề nghị các huyện khẩn trương rà soát và lập báo cáo tình hình thực hiện công tác "
        "kiểm kê rừng phòng hộ, rừng đặc dụng ven biển gửi về sở trước ngày 15.11.2025.\n\n"
        "Nội dung báo cáo phải thể hiện rõ diện tích đã kiểm kê; khó khăn, vướng mắc; kiến nghị.\n"
    )
    assert o.title.startswith("Báo cáo tình hình thực hiện công tác kiểm kê rừng phòng hộ, rừng đặc dụng")


def test_a_second_byline_variant():
    o = imp(
        "Đôn đốc báo cáo kết quả chuyển đổi số cấp xã\n\nTHU HÀ | 09:15 12/03/2026\n\n"
        "UBND tỉnh yêu cầu các xã báo cáo tình hình triển khai chuyển đổi số cấp xã, cấp thôn và "
        "việc dùng chữ ký số gửi về Sở trước ngày 30.3.2026.\n"
    )
    assert "|" not in o.title and "Thu hà" not in o.title
    assert "chuyển đổi số cấp xã" in o.title


def test_a_name_line_in_capitals_stays_the_title():
    o = imp(
        "BÁO CÁO KẾT QUẢ KIỂM KÊ RỪNG PHÒNG HỘ\n\nI. Kết quả\n1. Diện tích đã kiểm kê: ……… ha\n2. Khó khăn:\n"
    )
    assert o.title == "Báo cáo kết quả kiểm kê rừng phòng hộ"


def test_a_notice_named_by_a_bare_heading_and_two_kinds_joined_by_or():
    o = imp(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n…, ngày … tháng … năm …\nTHÔNG BÁO\n"
        "Danh sách cơ sở lưu trú đạt chuẩn hoặc danh sách cơ sở lưu trú bị thu hồi\nKính gửi: ……\n"
        "Tên đơn vị: ……\nĐịa chỉ: ……\n"
    )
    assert o.title == "Thông báo danh sách cơ sở lưu trú đạt chuẩn hoặc danh sách cơ sở lưu trú bị thu hồi"


def test_a_name_run_into_itself_is_still_cut():
    from dialogs.importer.naming import trim_run_on

    got = trim_run_on("Kế hoạch phòng chống dịch trường tiểu học Kế hoạch phòng chống dịch năm 2026")
    assert got == "Kế hoạch phòng chống dịch trường tiểu học"


# --- words a copy ran together ---------------------------------------------------------------------------------------


def test_glued_syllables_are_cut_and_other_words_stay():
    from dialogs.importer.glued_syllables import unglue_syllables

    assert unglue_syllables("KẾ HOẠCHPHÁTTRIỂNDULỊCH CỘNG ĐỒNG") == "KẾ HOẠCH PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG"
    assert unglue_syllables("nội dung báocáo của cấp ủy đảngHĐND") == "nội dung báo cáo của cấp ủy đảng HĐND"
    kept = "TRƯỜNG THCS, Email, Facebook, iPhone, Đắk Lắk, Krông Pắc, trẻ emII. Tình hình, C:\\Documents"
    assert unglue_syllables(kept) == kept


def test_a_page_on_one_line_named_by_its_glued_capitals():
    o = imp(
        "BÁO CÁOKẾTQUẢTHỰCHIỆN CÔNG TÁCGIẢMNGHÈO 6 tháng Biểu 02/BC-H Ban hành kèm theo Thông tư số 12/2025/TT-BLĐ "
        "ngày 30 tháng 6 năm 2025 Đơn vị báo cáo: UBND huyện Đơn vị nhận báo cáo: Sở Lao động Đơn vị tính: hộ "
        "STT Chỉ tiêu Số hộ Tỷ lệ A B 1 2 1 Số hộ nghèo đầu kỳ 2 Số hộ thoát nghèo 3 Số hộ tái nghèo 4 Số hộ "
        "nghèo phát sinh mới trong kỳ báo cáo của địa phương"
    )
    assert o.title == "Báo cáo kết quả thực hiện công tác giảm nghèo"
