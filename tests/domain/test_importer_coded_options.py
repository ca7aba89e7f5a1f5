"""Coded answers of a survey form (issue 21, round 26, helper j26a), on made-up text: a question ending ':' then
dashed lines 'X = 1', 'Y = 2' … (codes counting from 1, the first possibly glued after ':-') is one choice whose
options are the words before '=', never a sub-heading with one written answer per code."""

from __future__ import annotations

from tests.support.importing import asks_with_options as _asks


def test_dashed_coded_answers_under_a_question_are_one_choice():
    asks = _asks("PHIẾU KHẢO SÁT CƠ SỞ\nPHẦN I: HOẠT ĐỘNG\n1.1. Hình thức sở hữu của cơ sở:\n- Nhà nước = 1\n"
                 "- Tư nhân = 2\n- Liên doanh = 3\n1.2. Số người làm việc: ………\n")
    assert ("Hình thức sở hữu của cơ sở", "choice", ["Nhà nước", "Tư nhân", "Liên doanh"]) in asks
    assert not any("= 2" in p for p, _, _ in asks)


def test_the_first_code_glued_to_the_question_line_still_counts():
    asks = _asks("PHIẾU KHẢO SÁT CƠ SỞ\nPHẦN I: HOẠT ĐỘNG\n1.1. Mặt hàng chủ lực của cơ sở:- Lương thực = 1\n"
                 "- Thủy sản = 2\n- Đồ gỗ = 3\n- Dịch vụ = 4\n1.2. Số người làm việc: ………\n")
    assert ("Mặt hàng chủ lực của cơ sở", "choice", ["Lương thực", "Thủy sản", "Đồ gỗ", "Dịch vụ"]) in asks


def test_codes_that_do_not_count_from_one_stay_as_they_are():
    asks = _asks("PHIẾU KHẢO SÁT CƠ SỞ\nPHẦN I: HOẠT ĐỘNG\n1.1. Chỉ số đã tính:\n- Chỉ số A = 7\n- Chỉ số B = 9\n"
                 "1.2. Số người làm việc: ………\n")
    assert not any(t == "choice" and o == ["Chỉ số A", "Chỉ số B"] for _, t, o in asks)
