"""Types a field's own words give (helper t28, on made-up text; dialogs/importer/own_meanings.py): a place, an
address, a name → a line of text; 'Thời gian', 'Sinh ngày tháng năm' → a date; '… đạt chuẩn …' → yes/no; building
density → a percentage; income → money; 'Các khoản …', 'Đề nghị xác nhận' → written out; the qualities or criteria
of a survey with no scale printed → a choice of the five levels of satisfaction, marked as a guess."""

from __future__ import annotations

from tests.support.importing import imp


def _types(text: str) -> dict[str, str]:
    return {r.question.prompt: r.question.type for r in imp(text, "mau.txt").refs}


def test_a_bare_place_and_time_under_a_numbered_heading_are_a_text_and_a_date():
    t = _types("1. Mẫu biên bản họp tổ\nBIÊN BẢN HỌP TỔ\n- Địa điểm:.\n- Thời gian:\n- Chỗ ở hiện nay:\n"
               "- Nội dung cuộc họp: nêu rõ các ý kiến thảo luận\n")
    assert t["Địa điểm"] == "text" and t["Thời gian"] == "date" and t["Chỗ ở hiện nay"] == "text"


def test_a_birth_date_label_with_its_note_is_a_date():
    t = _types("1. Mẫu phiếu\nPHIẾU KHAI\n- Nơi ở hiện tại:\n- Sinh ngày tháng năm (Tuổi: ……)\n")
    assert t["Nơi ở hiện tại"] == "text"
    assert next(v for k, v in t.items() if k.startswith("Sinh ngày")) == "date"


def test_meeting_a_standard_is_yes_or_no_and_a_count_stays_a_count():
    t = _types("BÁO CÁO Y TẾ XÃ\n1. Trạm y tế đạt tiêu chuẩn vệ sinh môi trường\n2. Trường đạt chuẩn quốc gia\n"
               "3. Số trường đạt chuẩn quốc gia: ……… trường\n")
    assert t["Trạm y tế đạt tiêu chuẩn vệ sinh môi trường"] == "yesno"
    assert t["Trường đạt chuẩn quốc gia"] == "yesno"
    assert t["Số trường đạt chuẩn quốc gia"] == "integer"
    t = _types("ĐỀ CƯƠNG BÁO CÁO\nI. Kết quả thực hiện\n1. Xây dựng trường đạt chuẩn quốc gia\n"
               "2. Duy trì xã đạt chuẩn quốc gia về y tế\n")
    assert t["Xây dựng trường đạt chuẩn quốc gia"] == "longtext"
    assert t["Duy trì xã đạt chuẩn quốc gia về y tế"] == "longtext"


def test_density_is_a_percentage_and_income_is_money():
    t = _types("GIẤY ĐỀ NGHỊ\n1. Diện tích lô đất: ……… m2\n2. Mật độ xây dựng: ………\n"
               "3. Mức thu nhập bình quân hằng tháng\n4. Thu nhập bình quân\n")
    assert t["Mật độ xây dựng"] == "percent"
    assert t["Mức thu nhập bình quân hằng tháng"] == "money" and t["Thu nhập bình quân"] == "money"


def test_several_items_or_a_request_to_set_out_are_written_out():
    t = _types("ĐƠN ĐỀ NGHỊ\nKính gửi: Ủy ban nhân dân xã\nTên tôi là: ………\nCác khoản đã nộp:………\n"
               "Những việc chưa làm:………\nĐề nghị giải quyết:………\n")
    assert t["Các khoản đã nộp"] == "longtext" and t["Những việc chưa làm"] == "longtext"
    assert t["Đề nghị giải quyết"] == "longtext"


def test_a_run_of_qualities_to_rate_is_a_choice_of_levels_each():
    o = imp("Thời gian xử lý hồ sơ (kể cả thời gian chờ)\nMức độ đầy đủ của thông tin\nTốc độ tải các biểu mẫu\n"
            "Thái độ của cán bộ một cửa (lịch sự, nhiệt tình)\n", "khaosat.txt")
    rated = [r.question for r in o.refs if r.question.type == "choice"]
    assert [q.prompt for q in rated][-3:] == ["Mức độ đầy đủ của thông tin", "Tốc độ tải các biểu mẫu",
                                             "Thái độ của cán bộ một cửa (lịch sự, nhiệt tình)"]
    assert [x.label for x in rated[0].options][0] == "Rất hài lòng"


def test_the_criteria_of_a_satisfaction_survey_are_rated_and_its_own_words_are_not():
    t = _types("PHIẾU KHẢO SÁT SỰ HÀI LÒNG CỦA NGƯỜI DÂN\nA. Tiếp đón\n1. Bảo vệ hướng dẫn chỗ gửi xe\n"
               "2. Quầy tiếp đón dễ tìm\n3. Ghế chờ đủ chỗ ngồi\nB. Ý kiến\n1. Ý kiến khác của ông bà\n")
    assert t["Bảo vệ hướng dẫn chỗ gửi xe"] == "choice" and t["Ghế chờ đủ chỗ ngồi"] == "choice"
    assert t["Ý kiến khác của ông bà"] != "choice"


def test_short_lines_of_a_report_are_not_rated():
    t = _types("BÁO CÁO TỔNG KẾT NĂM\nI. Kết quả\n1. Công tác tuyên truyền\n2. Công tác kiểm tra\n"
               "3. Công tác thi đua khen thưởng\n")
    assert "choice" not in t.values()


def test_a_field_of_work_is_a_line_of_text_and_a_bare_year_a_number():
    t = _types("1. Mẫu phiếu\nPHIẾU ĐĂNG KÝ SÁNG KIẾN\n- Lĩnh vực áp dụng giải pháp:\n- Lĩnh vực hoạt động:\n"
               "- Năm: ………\n")
    assert t["Lĩnh vực áp dụng giải pháp"] == "text" and t["Lĩnh vực hoạt động"] == "text"
    assert t["Năm"] == "integer"


def test_a_line_whose_note_asks_each_name_is_written_out():
    t = _types("BIÊN BẢN HỌP TỔ\n- Số tổ viên vắng mặt: ……… người\n+ Có phép: ……… (ghi rõ họ tên từng người và lý do)\n"
               "+ Không phép: ……… (ghi rõ họ và tên các tổ viên vắng)\n")
    assert t["Có phép"] == "longtext" and t["Không phép"] == "longtext"


def test_a_total_area_is_a_measure():
    t = _types("PHIẾU ĐIỀU TRA HỘ\n1. Tổng diện tích đất ở của hộ: ………\n2. Tổng diện tích sàn xây dựng: ………\n")
    assert t["Tổng diện tích đất ở của hộ"] == "decimal" and t["Tổng diện tích sàn xây dựng"] == "decimal"


def test_a_report_on_a_satisfaction_survey_keeps_its_parts_written():
    t = _types("BÁO CÁO KẾT QUẢ KHẢO SÁT MỨC ĐỘ HÀI LÒNG NĂM 2025\nI. Tổ chức khảo sát\n1. Đối tượng được khảo sát\n"
               "2. Phương pháp chọn mẫu\n3. Thời gian tiến hành\n")
    assert "choice" not in t.values()


def test_a_report_outline_listing_kinds_of_quality_keeps_them_written():
    t = _types("ĐỀ CƯƠNG BÁO CÁO TỔNG KẾT NĂM HỌC\nI. Kết quả\n1. Mức độ hoàn thành kế hoạch năm học\n"
               "2. Khả năng tự học của học sinh\n3. Thái độ học tập của học sinh\n")
    assert "choice" not in t.values()
    t = _types("Khả năng tự học của học sinh\nKhả năng hợp tác nhóm\nKhả năng giải quyết vấn đề\n")
    assert "choice" not in t.values()  # one kind of quality only: the points of a list, not a rating's rows
