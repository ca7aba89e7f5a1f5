"""Asks in the right section but of another type (issue 21, session 26, helper i26d): the layout signal that decides
the type, each on made-up text in several wordings, with a line it must not change."""

from __future__ import annotations

from dialogs.importer.forms import blank_fields

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
