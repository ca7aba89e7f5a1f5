"""Survey and household forms (issue 21, round 26, helper f26b), on made-up text: answer lines without boxes under a
question put to the respondent are one choice up to the next numbered item (no junk question per answer, no
duplicate); a '…… đồng' item next to an item with its own 'Có □ Không □' keeps its place and never takes the
other's boxes as options."""

from __future__ import annotations

from tests.support.importing import imp


def _asks(text: str) -> list[tuple[str, str, list[str]]]:
    o = imp(text, "phieu.txt")
    return [(r.question.prompt, r.question.type, [x.label for x in r.question.options or []]) for r in o.refs]


def test_plain_answer_lines_closed_by_the_next_numbered_question_are_one_choice():
    asks = _asks("PHIẾU LẤY Ý KIẾN NGƯỜI BỆNH\n"
                 "Câu 1. Ông/bà thấy thời gian chờ khám như thế nào?\nRất nhanh\nNhanh\nBình thường\nQuá lâu\n"
                 "Câu 2. Số lần ông/bà đến khám trong năm: …… lần\n"
                 "Câu 3. Ông/bà có được nhân viên hướng dẫn không? Có □ Không □\n")
    prompts = [p for p, _, _ in asks]
    assert prompts.count("Ông/bà thấy thời gian chờ khám như thế nào?") == 1
    choice = next(a for a in asks if a[0].startswith("Ông/bà thấy thời gian"))
    assert choice[1] == "choice" and choice[2] == ["Rất nhanh", "Nhanh", "Bình thường", "Quá lâu"]
    assert not any(p in ("Rất nhanh", "Nhanh", "Quá lâu") for p in prompts)
    assert ("Số lần ông/bà đến khám trong năm", "integer", []) in asks


def test_a_money_item_next_to_a_question_with_its_own_boxes_keeps_its_place():
    asks = _asks("PHIẾU THU THẬP THÔNG TIN HỘ\n"
                 "Câu 6. Tiền điện bình quân mỗi tháng: …………… đồng\n"
                 "Câu 7. Hộ có sử dụng bình nóng lạnh năng lượng mặt trời không? Có □ Không □\n")
    money = [a for a in asks if a[0].startswith("Tiền điện bình quân")]
    assert money and money[0][1] == "money" and not money[0][2]
    other = [a for a in asks if a[0].startswith("Hộ có sử dụng bình nóng lạnh")]
    assert other and other[0][1] in ("yesno", "choice")


def test_a_numbered_item_with_a_blank_after_numbered_options_is_no_option_explanation():
    asks = _asks("PHIẾU THU THẬP THÔNG TIN HỘ\n"
                 "Câu 1. Loại bếp hộ đang dùng:\n(1) Bếp gas\n(2) Bếp điện\n(3) Bếp củi\n"
                 "Câu 3. Tiền mua chất đốt bình quân mỗi tháng: …………… đồng\n"
                 "Câu 4. Hộ có bể chứa nước mưa không?   Có □    Không □    Đang xây □\n")
    assert any(p.startswith("Tiền mua chất đốt") and t == "money" for p, t, _ in asks), asks
    stove = next(a for a in asks if a[0].startswith("Loại bếp"))
    assert stove[2] == ["Bếp gas", "Bếp điện", "Bếp củi"]
