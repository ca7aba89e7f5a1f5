"""Round 29 (quick): a field number glued to its label, and a translation with no slash after a Vietnamese label."""

from dialogs.importer.bilingual import drop_gloss
from dialogs.importer.glued_field_numbers import separate_glued_numbers


def test_glued_number_between_numbered_fields_gets_its_separator():
    lines = ["3- Nơi sinh: ……", "", "4Nơi ở hiện nay: ……", "English line", "5- Số điện thoại: ……"]
    assert separate_glued_numbers(lines)[2] == "4- Nơi ở hiện nay: ……"


def test_glued_number_kept_when_numbering_does_not_run_through_it():
    lines = ["1. Tên: ……", "3Gói cước: ……", "4. Giá: ……"]
    assert separate_glued_numbers(lines) == lines
    assert separate_glued_numbers(["2. A: …", "3G phủ sóng", "4. B: …"])[1] == "3G phủ sóng"


def test_translation_without_slash_dropped_from_label():
    line = "- Nơi thường trú Permanent address: ……… - Chỗ ở Current residence………"
    assert drop_gloss(line) == "- Nơi thường trú: ……… - Chỗ ở………"


def test_words_that_read_as_vietnamese_stay():
    assert drop_gloss("Tên thôn Ban Mai: ……") == "Tên thôn Ban Mai: ……"


def test_coded_sex_after_another_fields_blank_is_its_own_ask():
    from dialogs.importer.lone_names import sex_boxes

    assert sex_boxes(["Câu 4: Năm sinh: ……… 1. Nam 2. Nữ"]) == ["Câu 4: Năm sinh: ………", "Giới tính: 1. Nam 2. Nữ"]
    assert sex_boxes(["Đối tượng: 1. Nam 2. Nữ"]) == ["Đối tượng: 1. Nam 2. Nữ"]  # the options of its own label
