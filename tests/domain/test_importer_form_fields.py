"""A form's fields and their types (dialogs/importer/form_fields.py, the labels of lexicon.py): box lists after a
blank, a field list written as one sentence, counts in a sentence of blanks, guests to list, a date named by the words
before it, identifiers that are no counts. Made-up text, each rule with a negative left as it was."""

from __future__ import annotations

from dialogs.importer.ask_types import field_type
from dialogs.importer.field_lines import field_line_asks
from dialogs.importer.forms import head_fields
from dialogs.importer.questions import asks_from_text
from tests.support.importing import imp, prompts


def _asks(text: str) -> list[tuple[str, str]]:
    return [(a.prompt, a.type) for a in asks_from_text(text)]


def test_a_box_list_ending_a_line_of_blanks_is_a_choice() -> None:
    asks = field_line_asks("Họ và tên học viên: ………………………… Giới tính: □ Nam, □ Nữ")
    assert [(a.prompt, a.type, a.options) for a in asks] == [
        ("Họ và tên học viên", "text", None),
        ("Giới tính", "choice", ["Nam", "Nữ"]),
    ]
    asks = field_line_asks("Tên cửa hàng: ………… Hình thức: □ Bán lẻ □ Bán buôn □ Đại lý")
    assert [(a.prompt, a.type) for a in asks] == [("Tên cửa hàng", "text"), ("Hình thức", "choice")]
    assert asks[1].options == ["Bán lẻ", "Bán buôn", "Đại lý"]
    # a line whose head has no blank is no field line of this kind
    assert not [a for a in field_line_asks("Ghi chú chung của trường: □ Đã nộp, □ Chưa nộp") if a.prompt.startswith("Ghi")
                and a.type == "text"]


def test_a_field_list_in_one_sentence_asks_each_field_with_its_type() -> None:
    asks = field_line_asks(
        "Thông tin về cơ sở đào tạo: tên, mã số thuế, loại hình cơ sở (công lập/tư thục/có vốn nước ngoài), tổng số "
        "giảng viên đang giảng dạy, trong đó số giảng viên nước ngoài, địa chỉ, điện thoại, email, thời hạn của giấy "
        "chứng nhận hoạt động, người liên hệ (số điện thoại, email)."
    )
    got = [(a.prompt, a.type) for a in asks]
    assert got[:5] == [
        ("Tên cơ sở đào tạo", "text"),
        ("Mã số thuế", "text"),
        ("Loại hình cơ sở", "choice"),
        ("Tổng số giảng viên đang giảng dạy", "integer"),
        ("Số giảng viên nước ngoài", "integer"),
    ]
    assert asks[2].options == ["Công lập", "Tư thục", "Có vốn nước ngoài"]
    assert ("Thời hạn của giấy chứng nhận hoạt động", "date") in got
    assert ("Địa chỉ", "text") in got and ("Email", "text") in got
    asks = field_line_asks(
        "Các thông tin của hợp tác xã: tên, mã số, số thành viên, địa chỉ trụ sở, điện thoại, ngành nghề chính."
    )
    assert [a.prompt for a in asks][:3] == ["Tên hợp tác xã", "Mã số", "Số thành viên"]
    # a report's sentence naming its contents after a colon is no field list
    assert not field_line_asks(
        "Nội dung báo cáo: kết quả thực hiện, hạn chế, nguyên nhân, bài học kinh nghiệm, phương hướng, kiến nghị."
    )


def test_counts_in_a_sentence_of_blanks() -> None:
    assert [(a.prompt, a.type, a.unit) for a in field_line_asks("Tổng số đoàn viên ………… có mặt ………… đoàn viên.")] == [
        ("Tổng số đoàn viên", "integer", None),
        ("Có mặt", "integer", "đoàn viên"),
    ]
    asks = field_line_asks("Số xã viên …… tham gia biểu quyết …… vắng …… xã viên")
    assert [(a.prompt, a.unit) for a in asks] == [("Số xã viên", None), ("Tham gia biểu quyết", None),
                                                   ("Vắng", "xã viên")]
    assert not field_line_asks("Tổng số đoàn viên ………… có mặt ………… phòng họp.")


def test_guests_written_after_a_blank_are_a_list() -> None:
    assert _asks("Đại biểu đến dự hội nghị có…………") == [("Đại biểu đến dự hội nghị", "list")]
    assert _asks("Khách mời gồm: ……………………") == [("Khách mời", "list")]
    assert _asks("Đại biểu có mặt ………… người") != [("Đại biểu có mặt", "list")]


def test_a_date_named_by_the_words_before_it() -> None:
    assert head_fields(["Hội nghị Chi hội ………… khai mạc ngày ……tháng……năm……"], set()) == [
        "Hội nghị Chi hội", "Khai mạc ngày"]
    assert field_type("Khai mạc ngày") == ("date", None)
    assert field_type("Bế mạc ngày") == ("date", None)
    assert field_type("Số ngày")[0] == "integer"
    assert head_fields(["Hà Nội, ngày … tháng … năm …"], set()) == []


def test_identifiers_are_text_not_counts() -> None:
    assert field_type("Số CMTND/Thẻ CCCD")[0] == "text"
    assert field_type("Quyết định thành lập số")[0] == "text"
    assert field_type("Tổng số")[0] != "text" or field_type("Tổng số lao động")[0] == "integer"
    assert field_type("Tổng số lao động")[0] == "integer"


def test_a_form_head_reads_its_fields_end_to_end() -> None:
    o = imp(
        "BIÊN BẢN HỘI NGHỊ CHI HỘI NÔNG DÂN\n"
        "Hội nghị Chi hội ………… khai mạc ngày ……tháng……năm……\n"
        "Tổng số hội viên ………… dự hội nghị có ………… hội viên.\n"
        "Đại biểu đến dự hội nghị có…………\n"
        "I. Nội dung hội nghị\n"
        "1. Hội nghị nghe báo cáo kết quả hoạt động năm.\n"
    )
    p = prompts(o)
    assert p["Khai mạc ngày"][1] == "date"
    assert p["Tổng số hội viên"][1] == "integer"
    assert p["Dự hội nghị có"][1] == "integer"
    assert p["Đại biểu đến dự hội nghị"][1] == "list"


def test_a_short_label_over_a_line_of_dots_is_a_field() -> None:
    lines = ["TỈNH/THÀNH PHỐ", "………………………", "", "PHƯỜNG (XÃ)", "……………", "Ghi chú chung của người lập phiếu.", "………"]
    assert head_fields(lines, set()) == ["TỈNH/THÀNH PHỐ", "PHƯỜNG (XÃ)"]
    o = imp("PHIẾU THU THẬP THÔNG TIN CƠ SỞ Y TẾ\n\nQUẬN/HUYỆN\n……………………\n\nKHU PHỐ (ẤP)\n…………………\n\n"
            "I. Nhân lực\n1. Số bác sĩ: …… người\n")
    p = prompts(o)
    assert p["QUẬN/HUYỆN"][1] == "text" and p["KHU PHỐ (ẤP)"][1] == "text"


def test_a_sentence_announcing_names_below_is_a_list() -> None:
    assert _asks("Như vậy các đoàn viên có tên sau đã được kết nạp vào Đảng:") == [
        ("Các đoàn viên có tên sau đã được kết nạp vào Đảng", "list")]
    assert field_line_asks("Những học sinh có tên dưới đây được khen thưởng cuối năm.")[0].type == "list"
    assert not field_line_asks("Các đồng chí trong danh sách đã hoàn thành nhiệm vụ.")
