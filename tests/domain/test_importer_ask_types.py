"""Asks found in the right place but typed wrong (issue 21, session 24, helper i24e): each rule on made-up text,
with a line it must not change."""

from __future__ import annotations

from dialogs.importer.ask_types import ask_of, field_type, guess_type
from dialogs.importer.placeholders import mark_units
from dialogs.importer.shaped_types import help_options
from dialogs.importer.surveys import survey_type
from tests.support.importing import imp, prompts

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"


def test_a_line_whose_help_lists_its_options_is_a_choice() -> None:
    """'Xếp loại: ……' over '(Tốt; khá; trung bình; yếu)': the answers to pick from."""
    o = imp(
        MOTTO + "PHIẾU NHẬN XÉT HỌC VIÊN\n1. Họ và tên học viên: ……………\n2. Xếp loại kết quả học tập: ………\n\n"
        "(Xuất sắc; giỏi; khá; trung bình; yếu).\n\n3. Ghi chú thêm: ……………\n"
    )
    q = next(r.question for r in o.refs if r.question.prompt.startswith("Xếp loại kết quả"))
    assert q.type == "choice"
    assert [x.label for x in q.options] == ["Xuất sắc", "Giỏi", "Khá", "Trung bình", "Yếu"]
    assert prompts(o)["Họ và tên học viên"][1] == "text"


def test_options_in_help_another_wording() -> None:
    assert help_options("(Đạt / chưa đạt / không đánh giá)") == ["Đạt", "Chưa đạt", "Không đánh giá"]
    # a help that lost one end of the list's bracket: no bracket left on an option
    assert help_options("Xuất sắc; khá; trung bình; yếu).") == ["Xuất sắc", "Khá", "Trung bình", "Yếu"]
    assert help_options("(Tốt; khá; đạt; chưa đạt") == ["Tốt", "Khá", "Đạt", "Chưa đạt"]
    assert help_options("Có; không; khác (ghi rõ)") == ["Có", "Không", "Khác (ghi rõ)"]
    assert help_options("Rất hài lòng; hài lòng; không hài lòng.") == [
        "Rất hài lòng",
        "Hài lòng",
        "Không hài lòng",
    ]


def test_a_help_that_instructs_is_no_list_of_options() -> None:
    assert help_options("(Ghi rõ họ tên; chức vụ; đơn vị)") is None
    assert help_options("Theo mẫu số 02; kèm bản sao; nộp trước ngày 15") is None
    assert help_options("Nông nghiệp; công nghiệp") is None  # two are not enough to be sure


def _paper_form(paper: str) -> dict[str, tuple[str, str]]:
    return prompts(
        imp(
            "TỜ KHAI ĐỀ NGHỊ HỖ TRỢ\n\n   1. Họ và tên: ..........................\n\n"
            f"   {paper} ………….…….. Cấp ngày .../ ... / ....\n\n   Nơi cấp: ............\n\n"
            "   2. Số con trong gia đình: …… người\n"
        )
    )


def test_a_papers_number_before_a_blank_is_text_whatever_follows() -> None:
    """'Giấy CMND số …… Cấp ngày …': an identifier, not a count of 'Cấp ngày' (the next label read as a unit)."""
    assert _paper_form("Giấy chứng minh quân đội số")["Giấy chứng minh quân đội số"][1] == "text"
    o = _paper_form("Giấy khai sinh số")
    assert o["Giấy khai sinh số"][1] == "text"
    assert o["Số con trong gia đình"][1] == "integer"  # a count stays a count


def test_a_people_heading_over_dotted_lines_is_a_list() -> None:
    """'4. Thành phần khác:' (or 'Thành phần mời:') over several lines of dots: the people, one a line."""
    o = prompts(
        imp(
            "BIÊN BẢN HỌP\n1. Chủ trì: ……………\n2. Thành phần mời:\n\n……………………………\n\n……………………………\n"
            "3. Thành phần khác:\n\n……………………………\n\n……………………………\n4. Nội dung cuộc họp:\n\n"
            "……………………………\n\n……………………………\n"
        )
    )
    assert o["Thành phần mời"][1] == "list"
    assert o["Thành phần khác"][1] == "list"
    assert o["Nội dung cuộc họp"][1] == "longtext"


def test_a_label_asking_to_assess_or_describe_is_prose() -> None:
    """'Nhận định …: ……', 'Mô tả …: ……': sentences to write, not a line."""
    o = prompts(
        imp(
            MOTTO
            + "PHIẾU ĐÁNH GIÁ\n1. Họ và tên: ……………\n2. Nhận định khả năng phát triển của viên chức: ………\n"
            "3. Mô tả công việc đang đảm nhiệm: ………\n4. Đơn vị công tác: ………\n"
        )
    )
    assert o["Nhận định khả năng phát triển của viên chức"][1] == "longtext"
    assert o["Mô tả công việc đang đảm nhiệm"][1] == "longtext"
    assert o["Đơn vị công tác"][1] == "text"


def test_a_machine_is_not_how_many() -> None:
    """In a questionnaire 'máy' (a machine) is not 'mấy' (how many)."""
    assert survey_type("Cán bộ có biết sử dụng máy tính bảng không?") == ("yesno", None)
    assert survey_type("Anh chị có mấy con?") == ("integer", None)
    assert survey_type("Hộ dùng máy bơm loại nào?")[0] != "integer"


def test_date_words_left_alone_are_a_date() -> None:
    """'…, ngày … tháng … năm …' with its blanks gone leaves 'ngày tháng năm': a date, not a passage."""
    assert guess_type("ngày tháng năm")[0] == "date"
    assert guess_type(", ngày, tháng")[0] == "date"
    assert guess_type("Số ngày nghỉ trong tháng")[0] != "date"  # a count of days stays a count


def test_a_label_after_a_bare_blank_is_the_next_field_not_a_unit() -> None:
    """'1. ………… Chức vụ …………' in a list of people: a name's blank, then the label of the next blank (capitalised,
    a field's name) — not 'Số Chức vụ' counted in 'Chức vụ'."""
    assert (lambda a: (a.type, a.prompt))(ask_of(mark_units("................Chức vụ ............"))) == (
        "text",
        "Chức vụ",
    )
    assert ask_of(mark_units("............ Điện thoại ..........")).prompt == "Điện thoại"
    a = ask_of(mark_units(".......... phiếu"))  # a unit after a bare blank still names the figure
    assert (a.type, a.prompt) == ("integer", "Số phiếu")


def test_an_identifier_label_alone_is_a_line_of_text() -> None:
    """'Mã số thuế' or 'Số điện thoại' alone in a form's header (a box to fill): an identifier, not a passage or a
    count; 'Về phát triển hạ tầng số' (digital) is no identifier."""
    assert guess_type("Mã số thuế")[0] == "text"
    assert guess_type("Số điện thoại liên hệ")[0] == "text"
    assert guess_type("Về phát triển hạ tầng số")[0] == "longtext"


def test_a_unit_with_its_digit_or_per_period_after_a_blank_is_a_measure() -> None:
    """'…: ………m2', '…: …… m3/ngày', '… ….. giờ/ngày': the unit after the blank (a square or cubic metre, a rate per
    period) is read, and the figure is a measure; 'Số hộ: …… hộ' stays a count."""
    a = ask_of(mark_units("Diện tích sàn (tầng hai): ………………..m2"))
    assert (a.type, a.unit) == ("decimal", "m2")
    a = ask_of(mark_units("Lưu lượng nước thải: …………… m3/ngày"))
    assert (a.type, a.unit) == ("decimal", "m3/ngày")
    assert ask_of(mark_units("Thời gian vận hành máy bơm..... giờ/ngày")).type == "decimal"
    assert ask_of(mark_units("Số hộ được hỗ trợ: …… hộ")).type == "integer"


def test_a_coefficient_is_a_decimal() -> None:
    """'Hệ số …: ……' (a coefficient: land use, salary) is a figure with decimals; 'Hồ sơ kèm theo' is no figure."""
    assert field_type("Hệ số sử dụng đất")[0] == "decimal"
    assert field_type("Hệ số lương hiện hưởng")[0] == "decimal"
    assert field_type("Hồ sơ kèm theo")[0] != "decimal"
