"""Round 28, helper j28a, on made-up text: a part lettered with a slash ('A/ TÌNH HÌNH CHUNG:') heads its romans
as 'A.' does; a longer question (commas, a slash inside it) over a line of yes/no answers between slashes
('Có/ Không / Không rõ') is one choice, as a short label over its answers already was; a lettered field with its codes after its colon
('c. Giới: 1. Nam 2. Nữ') is a choice too."""

from __future__ import annotations

from tests.support.importing import imp


def _asks(text: str) -> list[tuple[str, str, str, list[str]]]:
    o = imp(text, "baocao.txt")
    return [(r.key, r.question.prompt, r.question.type, [x.label for x in r.question.options or []]) for r in o.refs]


def test_a_slashed_capital_letter_heads_its_part():
    asks = _asks("BÁO CÁO TỔNG KẾT NĂM HỌC\nA/ TÌNH HÌNH CHUNG:\nI/ Đội ngũ:\n- Số giáo viên: ……\n"
                 "B/ NHIỆM VỤ NĂM TỚI:\nI/ Chuyên môn:\n- Số tiết thao giảng: ……\n")
    keys = [k for k, _, _, _ in asks]
    assert any(k.startswith("ai_") for k in keys) and any(k.startswith("bi_") for k in keys)


def test_a_slashed_capital_under_a_school_report_keeps_both_parts_apart():
    asks = _asks("BÁO CÁO SƠ KẾT HỌC KỲ I\nA/ ĐẶC ĐIỂM TÌNH HÌNH:\nI/ Học sinh:\n- Sĩ số: ……\n"
                 "B/ KẾT QUẢ ĐẠT ĐƯỢC:\nI/ Thi đua:\n- Số lớp tiên tiến: ……\n")
    assert {k[:2] for k, _, _, _ in asks} == {"ai", "bi"}


def test_a_long_question_over_yes_no_answers_is_a_choice():
    asks = _asks("PHIẾU ĐIỀU TRA CA BỆNH\n1. Thông tin chung\nHọ và tên: ……\n"
                 "Người bệnh đã được xét nghiệm, chẩn đoán tại trạm y tế xã/ phường:\nCó/ Không / Không rõ\n"
                 "Nghề nghiệp: ……\n")
    assert any(p.startswith("Người bệnh đã được xét nghiệm") and t == "choice" and o == ["Có", "Không", "Không rõ"]
               for _, p, t, o in asks)
    assert not any(p.startswith("Có/") for _, p, _, _ in asks)


def test_a_long_question_over_yes_no_without_dont_know():
    asks = _asks("PHIẾU KHẢO SÁT HỘ GIA ĐÌNH\n1. Nước sạch\nTên chủ hộ: ……\n"
                 "Hộ gia đình có dùng nước máy, nước giếng khoan để ăn uống hằng ngày:\nCó/ Không\n"
                 "Ghi chú: ……\n")
    assert any(p.startswith("Hộ gia đình có dùng nước máy") and t in ("yesno", "choice") for _, p, t, _ in asks)
    assert not any(p.startswith("Có/") for _, p, _, _ in asks)


def test_a_lettered_field_with_its_codes_after_the_colon_is_a_choice():
    asks = _asks("PHIẾU ĐIỀU TRA CA BỆNH\n1. Thông tin người bệnh\na. Họ và tên: ______\nb. Giới: 1. Nam 2. Nữ\n"
                 "c. Nghề nghiệp: ______\n")
    assert any(p == "Giới" and t == "choice" and o == ["Nam", "Nữ"] for _, p, t, o in asks)


def test_a_lettered_field_with_three_codes_after_the_colon_is_a_choice():
    asks = _asks("PHIẾU KHẢO SÁT HỘ\n2. Thông tin hộ\na. Tên chủ hộ: ______\nd) Khu vực: 1. Thành thị 2. Nông thôn 3. Miền núi\n"
                 "e) Số điện thoại: ______\n")
    assert any(p == "Khu vực" and t == "choice" and o == ["Thành thị", "Nông thôn", "Miền núi"] for _, p, t, o in asks)
