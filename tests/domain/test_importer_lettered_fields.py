"""Importer round 3 (session 23): shapes of unseen documents, each shown on made-up text."""

from __future__ import annotations

from tests.support.importing import imp, prompts


def test_a_lettered_bare_label_is_a_field_typed_by_its_words() -> None:
    """'a) Thời gian:' alone under a numbered heading: a field whose blank was lost — when it happens is a date,
    those who attend a list, a person's role a line of text."""
    o = prompts(
        imp(
            "THÔNG BÁO\nv/v tập huấn phòng chống cháy rừng\n1. Lịch tập huấn\na) Thời gian:\n"
            "b) Nơi tập huấn:\n2. Người tham gia\na) Giảng viên:\nb) Đại biểu tham dự:\n"
            "3. Nội dung tập huấn\n"
        )
    )
    assert o["Thời gian"][1] == "date"
    assert o["Giảng viên"][1] == "text"
    assert o["Đại biểu tham dự"][1] == "list"


def test_a_bare_label_in_another_domain() -> None:
    o = prompts(
        imp(
            "KẾ HOẠCH\nkiểm tra an toàn thực phẩm\n1. Đoàn kiểm tra\na) Trưởng đoàn:\nb) Thành phần:\n"
            "2. Lịch kiểm tra\na) Thời điểm:\nb) Địa bàn:\n"
        )
    )
    assert o["Trưởng đoàn"][1] == "text"
    assert o["Thời điểm"][1] == "date"
    assert o["Thành phần"][1] == "list"


def test_a_lettered_part_of_a_report_stays_prose() -> None:
    """'a) Kết quả:' or 'b) Hạn chế, nguyên nhân:' names a part of the report to write, not a field."""
    o = prompts(
        imp(
            "BÁO CÁO\nkết quả xây dựng nông thôn mới\n1. Đánh giá chung\na) Kết quả đạt được:\n"
            "b) Tồn tại, hạn chế:\n2. Phương hướng năm tới\n"
        )
    )
    assert o["Kết quả đạt được"][1] == "longtext"
    assert o["Tồn tại, hạn chế"][1] == "longtext"


MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n…, ngày … tháng … năm …\n"


def test_a_paper_named_in_capitals_under_the_motto_is_the_name() -> None:
    """'GIẤY MỜI' in capitals under the motto names the form, not a sentence-case line of the page's menu."""
    o = imp(
        "Mẫu số 01\nBiên bản họp chi hội về việc….\nMẫu số 01\nUBND PHƯỜNG ….\nHỘI CỰU CHIẾN BINH PHƯỜNG ….\n——-\n"
        + MOTTO
        + "GIẤY MỜI\nTrân trọng kính mời: ………………\n1. Thời gian, địa điểm\na) Thời gian:\nb) Địa điểm:\n"
    )
    assert o.title == "Giấy mời"
    other = imp(
        "Danh sách các mẫu\nBiên bản bàn giao tài sản….\nTRƯỜNG TIỂU HỌC ….\n"
        + MOTTO
        + "GIẤY GIỚI THIỆU\nTrân trọng giới thiệu ông (bà): ………………\nChức vụ: ………………\n"
    )
    assert other.title == "Giấy giới thiệu"


def test_a_paper_named_in_sentence_case_names_nothing() -> None:
    """'Giấy mời họp …' in sentence case is a line of the page; the report's own name in capitals wins."""
    o = imp(
        "Giấy mời họp phụ huynh\n" + MOTTO + "BÁO CÁO\nKẾT QUẢ THU HỌC PHÍ NĂM HỌC\n"
        "1. Số học sinh đã nộp: …… em\n"
    )
    assert o.title == "Báo cáo kết quả thu học phí năm học"


def test_a_letter_number_under_the_header_is_no_name() -> None:
    """'Số 17 - KH/CCBTW' under the header is the letter's number: the name is the heading below the date."""
    o = imp(
        "HỘI CỰU CHIẾN BINH VIỆT NAM\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\n\n*\n\nSố 17 - KH/CCBTW\n\n"
        "Hà Nội, ngày 02 tháng 3 năm 2031\n\nKẾ HOẠCH\n\nTổ chức hội thao cựu chiến binh toàn quốc\n\n"
        "I. NỘI DUNG\n1. Báo cáo kết quả chuẩn bị hội thao của các tỉnh\n"
    )
    assert o.title.startswith("Kế hoạch")
    other = imp(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH\n\nBAN THƯỜNG VỤ\n\nSố: 45/2031/HD-LĐLĐ\n\n"
        "…, ngày … tháng … năm …\n\nHƯỚNG DẪN\n\nBáo cáo tình hình công nhân lao động quý I\n\n"
        "1. Số công nhân mất việc: …… người\n"
    )
    assert o.title.startswith("Kế hoạch") and other.title.startswith("Hướng dẫn")


def test_a_report_said_to_fall_into_n_parts_asks_each_part() -> None:
    """'Báo cáo được chia làm 3 phần: A; B; C' names three parts to write: three asks, their notes kept."""
    o = prompts(
        imp(
            "ĐỀ CƯƠNG BÁO CÁO\nkết quả phòng chống dịch tả lợn\n1. Căn cứ\nCăn cứ Kế hoạch số 5/KH-UBND.\n"
            "2. Nội dung báo cáo\nBáo cáo được chia làm 3 phần: tình hình dịch bệnh trên địa bàn; kết quả "
            "tiêm phòng (nếu có số liệu); đề xuất, kiến nghị.\n"
        )
    )
    assert {
        "Tình hình dịch bệnh trên địa bàn",
        "Kết quả tiêm phòng (nếu có số liệu)",
        "Đề xuất, kiến nghị",
    } <= set(o)
    words = prompts(
        imp(
            "ĐỀ CƯƠNG\nbáo cáo khảo sát nhà văn hóa thôn\n1. Phạm vi\nCác thôn trên địa bàn xã.\n"
            "2. Nội dung\nBáo cáo gồm bốn nội dung: hiện trạng nhà văn hóa; nhu cầu sửa chữa; "
            "nguồn kinh phí; thời gian hoàn thành.\n"
        )
    )
    assert {"Hiện trạng nhà văn hóa", "Nhu cầu sửa chữa", "Nguồn kinh phí", "Thời gian hoàn thành"} <= set(
        words
    )


def test_a_count_that_does_not_match_the_parts_splits_nothing() -> None:
    """Three parts said, two named: the sentence stays one ask."""
    o = prompts(
        imp(
            "ĐỀ CƯƠNG BÁO CÁO\nkết quả phòng chống dịch tả lợn\n1. Nội dung báo cáo\nBáo cáo được chia làm "
            "3 phần: tình hình dịch bệnh trên địa bàn; kết quả tiêm phòng và đề xuất.\n"
        )
    )
    assert "Tình hình dịch bệnh trên địa bàn" not in o


def test_a_blank_going_on_over_lines_of_dots_is_written_out() -> None:
    """'Quá trình hình thành: ……' then lines of dots: a few sentences to write; a one-line blank stays text, and a
    name keeps its type however long its blank."""
    o = prompts(
        imp(
            "ĐƠN ĐỀ NGHỊ\ncông nhận làng nghề truyền thống\nTên làng nghề: ……………………\n"
            "Quá trình hình thành (2): ……………………………\n………………………………………\n"
            "Sản phẩm chính: ……………………\nĐịa chỉ: ……………………\n……………………………\n"
        )
    )
    assert o["Quá trình hình thành (2)"][1] == "longtext"
    assert o["Sản phẩm chính"][1] == "text"
    assert o["Địa chỉ"][1] == "text"
    other = prompts(
        imp(
            "PHIẾU ĐĂNG KÝ\nđội văn nghệ quần chúng\nTên đội: ……………………\n"
            "Thành tích đã đạt được: ……………………\n\n……………………………………\n\n……………………………………\n"
        )
    )
    assert other["Thành tích đã đạt được"][1] == "longtext"
