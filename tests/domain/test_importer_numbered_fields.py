"""A form's numbered fields run together, on made-up text: the next field, numbered one more, written after the
blank of the one before it ('3. Nơi sinh: …… 4. Quê quán: ……') is a field of its own number."""

from __future__ import annotations

from dialogs.importer.run_on_forms import split_numbered_fields
from tests.support.importing import imp, prompts


def test_the_next_numbered_field_after_a_blank_is_cut_off() -> None:
    assert split_numbered_fields("3. Nơi sinh: ……………… 4. Quê quán: ………") == [
        "3. Nơi sinh: ………………",
        "4. Quê quán: ………",
    ]
    assert split_numbered_fields("7. Điện thoại:..........8. Fax:.......9. Email:....") == [
        "7. Điện thoại:..........",
        "8. Fax:.......",
        "9. Email:....",
    ]


def test_numbers_out_of_sequence_or_without_a_blank_stay_on_the_line() -> None:
    assert split_numbered_fields("3. Số hộ: ……… 12. Tên: ……") == ["3. Số hộ: ……… 12. Tên: ……"]
    assert split_numbered_fields("3. Kết quả năm 2. Nội dung: tốt") == ["3. Kết quả năm 2. Nội dung: tốt"]
    assert split_numbered_fields("Nơi sinh: …… 2. Quê quán: ……") == ["Nơi sinh: …… 2. Quê quán: ……"]


def test_each_field_is_asked_under_its_own_number() -> None:
    o = imp(
        "TỜ KHAI ĐĂNG KÝ\n1. Họ và tên: ………………\n2. Ngày sinh: …/…/…… 3. Dân tộc: ……………\n"
        "4. Điện thoại: ……………5. Thư điện tử: ……………\n"
    )
    p = prompts(o)
    assert p["Dân tộc"][0] == "3"
    assert p["Thư điện tử"][0] == "5"
    assert p["Điện thoại"][0] == "4"
