"""Asks found but in another section (issue 21, session 24, helper i24k): each rule on made-up text, with a case it
must not change."""

from __future__ import annotations

from dialogs.importer.ask_types import Ask
from dialogs.importer.structure import options_after_ask
from dialogs.importer.surveys import carry
from tests.support.importing import imp, prompts

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"


def _item(prompt: str) -> str:
    return carry(Ask(prompt, "choice", options=["Đi bộ", "Xe đạp"]))


def test_options_going_on_after_a_read_item_are_no_section() -> None:
    """'5. Xe buýt', '6. Khác (ghi rõ)' right under a questionnaire item already read: the rest of its options."""
    lines = [
        "B2: PHƯƠNG TIỆN",
        _item("Phương tiện đi làm hằng ngày?"),
        "5. Xe buýt",
        "6. Khác (ghi rõ)",
        "…………",
        _item("Thời gian đi làm?"),
    ]
    out = options_after_ask(lines)
    assert out[2:4] == ["Xe buýt", "Khác (ghi rõ)"]
    assert out[0] == "B2: PHƯƠNG TIỆN"


def test_options_going_on_from_three_another_variant() -> None:
    lines = ["C. NHÀ Ở", "", _item("Loại nhà đang ở?"), "", "3. Nhà tạm", "4. Nhà thuê"]
    assert options_after_ask(lines)[4:] == ["Nhà tạm", "Nhà thuê"]


def test_a_list_from_one_or_numbered_items_stay() -> None:
    """A list counting from 1, a number under a heading that already numbered its items, a field: kept."""
    from_one = ["A. CHUNG", _item("Giới tính?"), "1. Tình hình chung", "2. Kết quả"]
    assert options_after_ask(from_one) == from_one
    numbered = ["I. KẾT QUẢ", "1. Công tác tuyên truyền", _item("Số buổi?"), "2. Công tác kiểm tra"]
    assert options_after_ask(numbered) == numbered
    field = ["A. CHUNG", _item("Giới tính?"), "3. Số người trong hộ: ………"]
    assert options_after_ask(field) == field


def test_a_numbered_field_over_dashed_fields_cut_at_the_end_is_no_section() -> None:
    """'3. Thành phần: ……' over dashed fields, the last cut where the copy ends: fields of section I."""
    o = imp(
        MOTTO + "BIÊN BẢN HỌP TỔ\n\nI. Người tham dự\n1. Chủ tọa: ……………… Chức vụ: ………\n"
        "2. Thư ký: ……………… Chức vụ: ………\n3. Khách mời: ………………………\n- Số tổ viên có mặt: ………\n"
        "- Số tổ viên vắng mặt có lý d\n"
    )
    p = prompts(o)
    assert p["Số tổ viên có mặt"][0] == "I"
    assert p["Khách mời"][0] == "I"


def test_a_heading_over_dashes_without_blanks_keeps_its_section() -> None:
    o = imp(
        MOTTO + "BÁO CÁO CÔNG TÁC QUÝ\n\nI. Kết quả\n1. Công tác tuyên truyền\n- Số buổi tuyên truyền: ………\n"
        "- Những khó khăn gặp phải\n2. Công tác kiểm tra\n- Số cuộc kiểm tra: ………\n"
    )
    assert prompts(o)["Số buổi tuyên truyền"][0] == "I.1"
