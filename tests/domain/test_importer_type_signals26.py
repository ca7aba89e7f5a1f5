"""Asks in the right section but of another type (issue 21, session 26, helper i26d): the layout signal that decides
the type, each on made-up text in several wordings, with a line it must not change."""

from __future__ import annotations

from dialogs.importer.ask_types import field_type
from dialogs.importer.forms import blank_fields
from tests.support.importing import imp, prompts

# --- a blank's unit written after it and joined to the next label: 'người, trong đó nữ:', 'ngườiTổng …' -----------


def test_unit_after_a_blank_before_a_comma_goes_to_the_label_before() -> None:
    assert blank_fields("Tổng số hội viên: …… người, trong đó nữ: …… người") == [
        "Tổng số hội viên (người)", "Trong đó nữ (người)"]
    assert blank_fields("Số hộ nghèo: ……… hộ, trong đó hộ cận nghèo: ……… hộ") == [
        "Số hộ nghèo (hộ)", "Trong đó hộ cận nghèo (hộ)"]


def test_unit_glued_to_the_next_label_is_cut_off_it() -> None:
    assert blank_fields("Số lao động: …… ngườiTổng quỹ lương: …… triệu đồng") == [
        "Số lao động (người)", "Tổng quỹ lương (triệu đồng)"]
    assert blank_fields("Diện tích trồng: …… haSản lượng: …… tấn") == ["Diện tích trồng (ha)", "Sản lượng (tấn)"]


def test_a_run_of_dots_spaced_out_is_one_blank() -> None:
    assert blank_fields("Tổng số lao động: … . . . . . . người, trong đó nữ: … ..… người") == [
        "Tổng số lao động (người)", "Trong đó nữ (người)"]
    assert blank_fields("Số lượt khám: . . . . . . lượt; Địa chỉ: ……") == ["Số lượt khám (lượt)", "Địa chỉ"]


def test_words_after_a_blank_that_are_no_unit_stay_a_label() -> None:
    assert blank_fields("Họ và tên: …… Chức vụ: ……") == ["Họ và tên", "Chức vụ"]
    assert blank_fields("Nơi ở: …… xã, huyện: ……") == ["Nơi ở", "Xã, huyện"]


# --- a form field's own words: an age ('Tuổi rừng') is a number, a moment ('Thời điểm trồng') a date -------------


def test_an_age_of_a_thing_is_a_number_and_a_moment_a_date() -> None:
    assert field_type("Tuổi rừng") == ("integer", None)
    assert field_type("Tuổi cây") == ("integer", None)
    assert field_type("Thời điểm trồng") == ("date", None)
    assert field_type("Thời điểm xảy ra") == ("date", None)
    assert field_type("Tuổi của cây trồng chính hiện nay") == ("text", None)  # a sentence, no label
    assert field_type("Thời gian") == ("text", None)


# --- a lettered point of a form's fields stays a section; one listing figures is the item's ----------------------

PLEA = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc
ĐƠN ĐỀ NGHỊ HỖ TRỢ THIỆT HẠI CÂY TRỒNG
Kính gửi: Ủy ban nhân dân xã ……
Tôi tên là: ……………………
Địa chỉ: ……………………
1. Đối với diện tích cây trồng bị thiệt hại:
a) Đối với cây lâu năm:
Loại cây lâu năm: ……………… Tuổi cây: ………………
Thời điểm gieo trồng: ………………………
b) Đối với cây hằng năm:
Loại cây hằng năm: ……………… Diện tích gieo (ha): ………………
Thời điểm gieo: ………………………
"""


def test_a_point_whose_number_is_a_fields_own_stays_a_section() -> None:
    got = prompts(imp(PLEA, "don.txt"))
    assert got["Tuổi cây"] == ("1.a", "integer")
    assert got["Thời điểm gieo trồng"] == ("1.a", "date")
    assert got["Loại cây lâu năm"] == ("1.a", "text")
    assert got["Diện tích gieo (ha)"] == ("1", "decimal")  # a measure: a figure, the point is the item's


def test_a_moment_noted_in_hours_stays_a_line_of_text() -> None:
    from dialogs.importer.field_lines import field_line_asks
    got = [(a.prompt, a.type) for a in field_line_asks("Thời điểm xảy ra (mấy giờ)………… Ngày …… tháng …… năm ……")]
    assert got == [("Thời điểm xảy ra (mấy giờ)", "text"), ("Ngày tháng năm", "date")]


# --- a label over rows of boxes (dot runs read as boxes), its colon lost: one choice of all the rows' options --------

SURVEY = """PHIẾU KHẢO SÁT NƯỚC SẠCH HỘ GIA ĐÌNH
Gia đình có dùng nước máy không?
.......Có .......Không
Nguồn nước sinh hoạt chính của gia đình
.......Nước máy .......Giếng khoan
.......Nước mưa .......Nguồn khác
Ý kiến khác: ..................................
"""


def test_a_label_over_rows_of_boxes_is_one_choice() -> None:
    refs = {r.question.prompt: r.question for r in imp(SURVEY, "phieu.txt").refs}
    q = refs["Nguồn nước sinh hoạt chính của gia đình"]
    assert q.type == "choice"
    assert [o.label for o in q.options] == ["Nước máy", "Giếng khoan", "Nước mưa", "Nguồn khác"]
    assert refs["Gia đình có dùng nước máy không?"].type == "yesno"
    assert refs["Ý kiến khác"].type == "longtext"
    assert not any(p.startswith("□") for p in refs)  # no row of boxes left as an ask of its own


def test_a_sentence_over_boxes_is_no_label() -> None:
    from dialogs.importer.surveys import _label_over_boxes
    assert _label_over_boxes(["Nguồn nước chính", "□ Nước máy □ Giếng khoan"], 0) == "Nguồn nước chính"
    assert _label_over_boxes(["Đánh dấu vào ô phù hợp.", "□ Nước máy □ Giếng khoan"], 0) is None
