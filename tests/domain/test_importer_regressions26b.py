"""Importer rules narrowed by shape after review r26b (issue 21, helper x26b), on made-up text: each rule still does
what it was written for and no longer fires on the look-alike the reviewer found."""

from __future__ import annotations

from tests.support.importing import imp


def _tables(o):
    return [r.question.table for r in o.refs if r.question.type == "table"]


def _prompts(o) -> list[str]:
    return [r.question.prompt for r in o.refs]


ACRONYM_ROWS = "\n".join([
    "Biểu số 04/VH", "KẾT QUẢ PHONG TRÀO VĂN HÓA NĂM 2026",
    "STT Chỉ tiêu Đơn vị tính Mã số Kế hoạch Thực hiện",
    "1 Số thôn đạt chuẩn VH thôn 01",
    "2 Số người khám theo BHYT người 02",
    "3 Số trường đạt chuẩn THPT trường 03",
    "4 Số cơ sở văn hóa Cơ sở 04",
])


def test_an_acronym_ending_a_row_label_stays_in_the_label_and_a_two_word_unit_is_still_split():
    t = _tables(imp(ACRONYM_ROWS, "bieu.txt"))[0]
    labels = [r.label for r in t.rows]
    assert labels == ["Số thôn đạt chuẩn VH", "Số người khám theo BHYT", "Số trường đạt chuẩn THPT",
                      "Số cơ sở văn hóa"], labels


def test_sex_boxes_after_a_label_or_with_a_third_option_keep_their_question():
    from dialogs.importer.lone_names import sex_boxes

    lines = ["Câu 4. Người trả lời phiếu: □ Nam □ Nữ □ Khác",
             "Câu 5. Số lao động của hộ: …… người, trong đó: Nam □ Nữ □",
             "Họ tên người được hỏi …… Nam □ Nữ □ Khác □ Năm sinh: ……"]
    assert sex_boxes(lines) == lines
    assert sex_boxes(["Họ tên người được hỏi …… Nam □ Nữ □ Năm sinh: ……"])[1] == "Giới tính: Nam □ Nữ □"
    o = imp("PHIẾU HỎI Ý KIẾN\nCâu 4. Người trả lời phiếu: □ Nam □ Nữ □ Khác\nCâu 5. Ý kiến khác: ……\n")
    asked = {r.question.prompt: r.question for r in o.refs}
    assert "Giới tính" not in asked
    choice = [q for q in asked.values() if q.type == "choice"]
    assert [c.label for c in choice[0].options] == ["Nam", "Nữ", "Khác"], asked


def test_a_roman_heading_over_a_row_of_boxes_stays_a_section_and_a_plain_label_still_asks():
    from tests.support.importing import prompts

    o = imp("PHIẾU LẤY Ý KIẾN VỀ CHỢ DÂN SINH\nCâu 1. Gia đình có đi chợ hằng ngày không?\n□ Có □ Không\n"
            "II. ĐÁNH GIÁ VỀ VỆ SINH CHỢ\n□ Sạch sẽ □ Chưa sạch\nCâu 3. Số lần đi chợ: …… lần/tuần\n"
            "Mức độ an toàn thực phẩm\n□ Tốt □ Chưa tốt\n")
    got = prompts(o)
    assert got["Số lần đi chợ"][0] == "II", got
    assert got["Mức độ an toàn thực phẩm"][1] == "choice", got
    assert "ĐÁNH GIÁ VỀ VỆ SINH CHỢ" not in got or got["ĐÁNH GIÁ VỀ VỆ SINH CHỢ"][0] == "II", got


def test_the_school_year_now_is_text_and_the_year_a_trade_was_learnt_a_year():
    from dialogs.importer.ask_types import YEAR_LABEL

    assert not YEAR_LABEL.match("Năm học này") and not YEAR_LABEL.match("Năm học trước")
    assert YEAR_LABEL.match("Năm học nghề")
    o = imp("PHIẾU THÔNG TIN HỌC SINH\n1. Họ và tên học sinh: ……………\n2. Năm học hiện nay: ……………\n3. Lớp: ……\n")
    asked = {r.question.prompt: r.question.type for r in o.refs}
    assert asked["Năm học hiện nay"] == "text", asked
