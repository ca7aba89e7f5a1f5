"""A line of options under a short label (helper t28, on made-up text): coded answers on one line ('Kiên cố = 1;
Bán kiên cố = 2; Tạm = 3') under the question or after its colon, and two to five short alternatives parted by '/'
or '\\' ('Nam\\ Nữ') under 'Giới tính:', are the label's choice — never a written answer for the label and another
for the line of options."""

from __future__ import annotations

from tests.support.importing import asks_with_options as _asks


def test_coded_answers_on_the_line_under_the_question_are_its_choice():
    asks = _asks("PHIẾU ĐIỀU TRA HỘ\n1. Họ tên chủ hộ: ………\n2. Loại nhà ở:\nKiên cố = 1; Bán kiên cố = 2; Nhà tạm = 3\n"
                 "3. Số nhân khẩu: ……… người\n")
    assert ("Loại nhà ở", "choice", ["Kiên cố", "Bán kiên cố", "Nhà tạm"]) in asks
    assert not any("= 2" in p for p, _, _ in asks)


def test_coded_answers_after_the_colon_on_the_same_line():
    asks = _asks("PHIẾU KHẢO SÁT\n1. Nguồn nước sinh hoạt: Giếng khoan = 1; Nước máy = 2; Sông suối = 3\n"
                 "2. Ghi chú: ………\n")
    assert ("Nguồn nước sinh hoạt", "choice", ["Giếng khoan", "Nước máy", "Sông suối"]) in asks


def test_alternatives_under_a_short_label_are_its_choice():
    asks = _asks("PHIẾU ĐIỀU TRA\n1. Họ tên: ………\nGiới tính:\nNam\\ Nữ\nDân tộc:\nKinh / Mường / Khác\n"
                 "2. Số lao động: ……… người\n")
    assert ("Giới tính", "choice", ["Nam", "Nữ"]) in asks
    assert ("Dân tộc", "choice", ["Kinh", "Mường", "Khác"]) in asks


def test_codes_that_do_not_count_from_one_and_lines_under_a_long_text_stay():
    asks = _asks("PHIẾU KHẢO SÁT\n1. Chỉ số:\nChỉ số A = 7; Chỉ số B = 9\n"
                 "2. Ông bà hãy cho biết những khó khăn lớn nhất của gia đình trong năm qua là gì:\nMất mùa / Ốm đau\n")
    assert not any(t == "choice" and o == ["Chỉ số A", "Chỉ số B"] for _, t, o in asks)
    assert not any(t == "choice" and o == ["Mất mùa", "Ốm đau"] for _, t, o in asks)


def test_a_short_label_with_slashed_alternatives_over_a_line_of_dots_is_a_choice():
    asks = _asks("1. Người khai:\nHọ và tên: ……………\nLà ( chủ hộ / người thuê nhà ở lâu dài / người được ủy quyền ) :\n"
                 "… … … … … … … … … … … …\nSinh ngày: …. tháng …. năm ….\n")
    assert ("Là", "choice", ["Chủ hộ", "Người thuê nhà ở lâu dài", "Người được ủy quyền"]) in asks
    asks = _asks("1. Người đề nghị:\nHọ và tên: ……………\nVới tư cách ( cá nhân / đại diện tổ chức / đại diện nhóm hộ ) :\n"
                 "… … … … … … … … … … … …\nĐịa chỉ: ……………\n")
    assert ("Với tư cách", "choice", ["Cá nhân", "Đại diện tổ chức", "Đại diện nhóm hộ"]) in asks
