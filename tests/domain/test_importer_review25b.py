"""Wrong outputs a review found in session 25 (made-up text): blanks inside a sentence, a second blank on a line, a
written clause before a count, a reason in parentheses, survey forms (boxes on one line, '( )' boxes, an answer's
unit under its question, a grid to tick under an item), a statistics Biểu's head. Each rule with variants and a
line it must leave alone."""

from __future__ import annotations

from dialogs.importer.questions import asks_from_text
from tests.support.importing import imp


def _asks(line: str) -> list[tuple[str, str, str | None]]:
    return [(a.prompt, a.type, a.unit) for a in asks_from_text(line)]


def _questions(o) -> dict:
    return {r.question.prompt: r.question for r in o.refs}


# ---------------------------------------------------------------- item 6: a blank inside a sentence keeps its count

def test_a_blank_before_the_counted_noun_and_more_words_is_a_count() -> None:
    assert _asks("- Giúp ..... hộ thoát nghèo") == [("Số hộ giúp thoát nghèo", "integer", "hộ")]
    assert _asks("Vận động ……… lượt thanh niên hiến máu.") == [
        ("Số lượt vận động thanh niên hiến máu", "integer", "lượt")]
    found = _asks("Công tác phát triển đảng viên: kết nạp ..... đảng viên mới.")
    assert found == [("Số đảng viên kết nạp mới", "integer", "đảng viên")]
    assert asks_from_text("Công tác phát triển đảng viên: kết nạp ..... đảng viên mới.")[0].help == [
        "Công tác phát triển đảng viên."]


def test_two_blanks_inside_one_sentence_are_two_counts() -> None:
    assert _asks("Công tác tuyên truyền: tổ chức ..... buổi, thu hút ..... lượt hội viên tham gia.") == [
        ("Số buổi tổ chức", "integer", "buổi"), ("Số lượt thu hút hội viên tham gia", "integer", "lượt")]
    assert _asks("Tổng số hội viên ..... người, kết nạp mới ..... người") == [
        ("Tổng số hội viên", "integer", "người"), ("Số người kết nạp mới", "integer", "người")]
    assert _asks("Phát triển hội viên: tổng số đoàn viên …… người, kết nạp mới …… người.") == [
        ("Tổng số đoàn viên", "integer", "người"), ("Số người kết nạp mới", "integer", "người")]


def test_the_parts_of_a_count_after_trong_do_are_counts_of_their_own_words() -> None:
    assert _asks("Toàn xã có ..... hộ, trong đó ..... hộ nghèo, ..... hộ cận nghèo.") == [
        ("Số hộ toàn xã có", "integer", "hộ"), ("Số hộ nghèo", "integer", "hộ"), ("Số hộ cận nghèo", "integer", "hộ")]
    assert _asks("Tổng số hội viên: ..... người, trong đó ..... hội viên nữ")[1] == (
        "Số hội viên nữ", "integer", "hội viên")


def test_a_blank_before_a_word_that_counts_nothing_is_no_count() -> None:
    assert all(t != "integer" for _, t, _ in _asks("Dự kiến tổ chức vào ngày ..... tại hội trường thôn"))
    # labelled counts one after another stay as the field rules read them
    assert _asks("Số buổi sinh hoạt đã tổ chức: …… buổi; số lượt đoàn viên tham gia: …… lượt.") == [
        ("Số buổi sinh hoạt đã tổ chức", "integer", "buổi"), ("Số lượt đoàn viên tham gia", "integer", "lượt")]
    # a note in parentheses after the noun is no sentence going on
    assert [p for p, _, _ in _asks("Số đảng viên vắng mặt: …… đ/c (Ghi rõ họ, tên từng người; có lý do).")][0] \
        .startswith("Số đảng viên vắng mặt")


# ---------------------------------------------------------------- item 7: a second blank on a line

def test_a_rate_after_a_figure_is_that_figures_rate() -> None:
    assert _asks("- Tổng diện tích gieo trồng: …… ha, đạt ……% kế hoạch.") == [
        ("Tổng diện tích gieo trồng", "decimal", "ha"),
        ("Tổng diện tích gieo trồng: tỷ lệ đạt kế hoạch", "percent", "%")]
    assert _asks("Tổng thu ngân sách: .......... triệu đồng, đạt ......% dự toán.") == [
        ("Tổng thu ngân sách", "money", "triệu đồng"), ("Tổng thu ngân sách: tỷ lệ đạt dự toán", "percent", "%")]
    assert _asks("Sản lượng lương thực: …… tấn, tăng ……% so với cùng kỳ") == [
        ("Sản lượng lương thực", "decimal", "tấn"), ("Sản lượng lương thực: tỷ lệ tăng so với cùng kỳ", "percent", "%")]


def test_a_second_count_after_a_labelled_figure_is_its_own_count() -> None:
    assert _asks("Số lớp: …… lớp, với …… học sinh") == [("Số lớp", "integer", "lớp"),
                                                      ("Số học sinh", "integer", "học sinh")]
    assert _asks("Tổng số đảng viên: …… đồng chí, gồm …… đảng viên chính thức")[1] == (
        "Số đảng viên chính thức", "integer", "đảng viên")
    assert _asks("Tổng số vốn vay: …… triệu đồng, cho …… hộ vay") == [
        ("Tổng số vốn vay", "money", "triệu đồng"), ("Số hộ cho vay", "integer", "hộ")]


def test_a_rate_that_closes_its_line_stays_as_it_was() -> None:
    assert _asks("Tỷ lệ huy động trẻ 5 tuổi: ......%.") == [("Tỷ lệ huy động trẻ 5 tuổi", "percent", "%")]


# ---------------------------------------------------------------- item 12: a written clause, then a count

def test_a_written_clause_before_a_count_is_its_own_ask() -> None:
    assert _asks("Tình hình an ninh chính trị, trật tự an toàn xã hội; số vụ vi phạm: ..... vụ.") == [
        ("Tình hình an ninh chính trị, trật tự an toàn xã hội", "longtext", None), ("Số vụ vi phạm", "integer", "vụ")]
    assert _asks("Đánh giá kết quả thực hiện các tiêu chí nông thôn mới; số tiêu chí đã đạt: …… tiêu chí") == [
        ("Đánh giá kết quả thực hiện các tiêu chí nông thôn mới", "longtext", None),
        ("Số tiêu chí đã đạt", "integer", "tiêu chí")]
    assert _asks("Kết quả công tác phòng chống dịch bệnh trên đàn gia súc; tổng số con tiêm phòng: …… con") == [
        ("Kết quả công tác phòng chống dịch bệnh trên đàn gia súc", "longtext", None),
        ("Tổng số con tiêm phòng", "integer", "con")]


def test_counts_alone_or_a_short_label_before_a_count_are_no_written_ask() -> None:
    assert all(t == "integer" for _, t, _ in _asks("Số hộ nghèo: …… hộ; số hộ cận nghèo: …… hộ"))
    assert all(t != "longtext" for _, t, _ in _asks("Họ và tên; số điện thoại: ……"))


# ---------------------------------------------------------------- item 13: a reason in parentheses after a count

def test_a_reason_in_parentheses_after_a_count_is_asked() -> None:
    assert _asks("3. Số người tham dự: ...... người; vắng mặt: ...... người (lý do: ..........)".split(" ", 1)[1]) == [
        ("Số người tham dự", "integer", "người"), ("Số người vắng mặt", "integer", "người"),
        ("Lý do vắng mặt", "text", None)]
    assert _asks("Số đảng viên có mặt: …… đồng chí; vắng mặt: …… đồng chí (lý do: ……)")[-1] == (
        "Lý do vắng mặt", "text", None)
    assert _asks("Vắng mặt: …… đại biểu (lý do: ……)") == [
        ("Số đại biểu vắng mặt", "integer", "đại biểu"), ("Lý do vắng mặt", "text", None)]


def test_a_note_in_parentheses_without_a_blank_is_no_reason_asked() -> None:
    assert not any(t == "text" for _, t, _ in _asks("Số người tham dự: …… người (kể cả khách mời)"))
    # the amount in words, a 'write it out' note: the same answer, nothing more to ask
    assert [t for _, t, _ in _asks("Số tiền: …… đồng (Bằng chữ: ……)")] == ["money"]
    assert not any(p.startswith("Ghi rõ") for p, _, _ in _asks("Có ……… hộ tham gia (ghi rõ: ……)"))


def test_a_reason_is_named_by_the_counts_words() -> None:
    assert _asks("Số đại biểu vắng mặt: …… người (lý do: ……)")[-1] == ("Lý do đại biểu vắng mặt", "text", None)
    assert _asks("Số cuộc họp không tổ chức được: …… cuộc (nguyên nhân: ……)")[-1] == (
        "Nguyên nhân cuộc họp không tổ chức được", "text", None)


# ---------------------------------------------------------------- item 9: survey forms

SURVEY = (
    "PHIẾU KHẢO SÁT\nÝ kiến người dân về dịch vụ công\n"
    "1. Giới tính: □ Nam □ Nữ\n"
    "2. Ông/bà có phải đi lại nhiều lần không?\n□ Có □ Không\n"
    "3. Thái độ của cán bộ tiếp nhận hồ sơ:\n□ Rất hài lòng □ Hài lòng □ Bình thường □ Không hài lòng\n"
    "4. Ông/bà đã dùng dịch vụ nào? (có thể chọn nhiều phương án)\n□ Chứng thực □ Hộ tịch □ Đất đai\n"
    "5. Ý kiến khác:\n………………………………\n"
)


def test_boxes_on_one_line_under_a_heading_are_its_options() -> None:
    qs = _questions(imp(SURVEY))
    q = qs["Thái độ của cán bộ tiếp nhận hồ sơ"]
    assert q.type == "choice" and [o.label for o in q.options] == [
        "Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"]
    many = next(v for k, v in qs.items() if k.startswith("Ông/bà đã dùng dịch vụ nào"))
    assert many.type == "multichoice" and [o.label for o in many.options] == ["Chứng thực", "Hộ tịch", "Đất đai"]
    assert not any("□" in p for p in qs)


def test_boxed_lines_one_box_each_still_read_and_a_sentence_with_a_box_is_no_option() -> None:
    from dialogs.importer.forms import boxed_options
    assert boxed_options("Mức độ:", ["□ Tốt", "□ Khá", "□ Trung bình"]) == ("choice", ["Tốt", "Khá", "Trung bình"])
    assert boxed_options("Mức độ:", ["□ Tốt □ Khá", "□ Kém"]) == ("choice", ["Tốt", "Khá", "Kém"])
    assert boxed_options("Ghi chú:", ["Đánh dấu □ vào ô thích hợp □ nếu có"]) is None
    assert boxed_options("Mức độ:", ["( ) Tốt ( ) Khá ( ) Trung bình"]) == ("choice", ["Tốt", "Khá", "Trung bình"])
    assert boxed_options("Mức độ:", ["[ ] Tốt", "[ ] Khá"]) == ("choice", ["Tốt", "Khá"])
    assert boxed_options("Mức độ:", ["(Ghi rõ) Tốt hay khá"]) is None  # words in parentheses are no box


def test_round_boxes_on_one_line_under_a_heading_are_its_options() -> None:
    text = ("BÁO CÁO KẾT QUẢ\nI. ĐÁNH GIÁ\n1. Đơn vị có xây dựng kế hoạch không?\n( ) Có   ( ) Không   ( ) Đang làm\n"
            "2. Mức độ hoàn thành:\n( ) Tốt ( ) Khá ( ) Trung bình\n3. Khó khăn, vướng mắc\n")
    qs = _questions(imp(text))
    assert [o.label for o in qs["Mức độ hoàn thành"].options] == ["Tốt", "Khá", "Trung bình"]
    assert [o.label for o in qs["Đơn vị có xây dựng kế hoạch không?"].options] == ["Có", "Không", "Đang làm"]
    assert qs["Khó khăn, vướng mắc"].type == "longtext"


LIKERT = (
    "PHIẾU LẤY Ý KIẾN\nĐánh giá hoạt động của Trạm Y tế\n"
    "Câu 1. Anh/chị đến Trạm vì lý do gì?\na) Khám bệnh\nb) Tiêm chủng\n"
    "Câu 2. Xin cho biết mức độ đồng ý với các nhận định sau:\n"
    "Nội dung\tRất đồng ý\tĐồng ý\tKhông đồng ý\n"
    "2.1. Nhân viên tận tình\t\t\t\n2.2. Cơ sở vật chất sạch sẽ\t\t\t\n"
    "Câu 3. Anh/chị có quay lại lần sau không?\n( ) Có   ( ) Không   ( ) Chưa biết\n"
    "Câu 4. Anh/chị có đề xuất gì để Trạm phục vụ tốt hơn?\n.......................................\n"
    "Câu 5. Gia đình có bao nhiêu người đi làm ăn xa?\n…… người\n"
    "Câu 6. Thu nhập bình quân mỗi tháng của hộ là bao nhiêu?\n…………… triệu đồng\n"
)


def test_a_likert_grid_under_an_item_takes_its_words_and_no_marker_leaks() -> None:
    o = imp(LIKERT)
    qs = _questions(o)
    assert not any("⟦" in p for p in qs)
    grid = next(q for q in qs.values() if q.type == "table")
    assert grid.table.title.startswith("Xin cho biết mức độ đồng ý") and "⟦" not in grid.key
    assert not any(q.type == "text" and p.startswith("Xin cho biết") for p, q in qs.items())


def test_round_boxes_keep_every_option_and_an_answer_line_joins_its_question() -> None:
    qs = _questions(imp(LIKERT))
    back = qs["Anh/chị có quay lại lần sau không?"]
    assert back.type == "choice" and [o.label for o in back.options] == ["Có", "Không", "Chưa biết"]
    assert "Anh/chị có đề xuất gì để Trạm phục vụ tốt hơn?" in qs  # the dots are its space, not its words
    away = qs["Gia đình có bao nhiêu người đi làm ăn xa?"]
    assert (away.type, away.unit) == ("integer", "người")
    assert (qs["Thu nhập bình quân mỗi tháng của hộ là bao nhiêu?"].unit) == "triệu đồng"
    assert not any(p.startswith("Số người") for p in qs)  # no second question made of the answer line


def test_a_yes_no_question_with_two_round_boxes_stays_yes_no() -> None:
    text = ("PHIẾU HỎI\nCâu 1. Hộ có nước sạch không?\n( ) Có   ( ) Không\n"
            "Câu 2. Hộ có nhà tiêu hợp vệ sinh không?\n( ) Có   ( ) Không\n")
    qs = _questions(imp(text))
    assert qs["Hộ có nước sạch không?"].type == "yesno"


# ---------------------------------------------------------------- item 10: a statistics Biểu's head

def _bieu(head: str) -> str:
    return (head + "\n\nSTT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm\tThực hiện\n1\tDân số trung bình\tNgười\t\t\n"
            "2\tSố hộ\tHộ\t\t\n3\tSố lao động có việc làm\tNgười\t\t\n")


def test_the_period_a_biêu_names_is_its_period() -> None:
    cases = {"(Kỳ báo cáo: 6 tháng)": "half_yearly", "Kỳ báo cáo: Quý ……/2025": "quarterly",
             "Kỳ báo cáo: Năm 2025": "yearly", "Kỳ báo cáo: tháng …… năm 2025": "monthly"}
    for line, kind in cases.items():
        o = imp(_bieu(f"Biểu số 02/TK-XA\nBÁO CÁO THỐNG KÊ DÂN SỐ\n{line}\nĐơn vị báo cáo: UBND xã ……"))
        assert o.period.kind == kind, line


def test_a_biêu_without_a_named_period_stays_one_off() -> None:
    o = imp(_bieu("Biểu số 02/TK-XA\nBÁO CÁO THỐNG KÊ DÂN SỐ\nĐơn vị báo cáo: UBND xã ……"))
    assert o.period.kind == "one_off"


def test_the_senders_and_receivers_lines_make_no_question() -> None:
    o = imp(_bieu("Biểu số 02/TK-XA\nBÁO CÁO THỐNG KÊ DÂN SỐ\nĐơn vị báo cáo: UBND xã ……\n"
                  "Đơn vị nhận báo cáo: Chi cục Thống kê"))
    assert [r.question.type for r in o.refs] == ["table"]
    assert not any(r.question.prompt == "Thông tin chung" for r in o.refs)


def test_an_issuers_code_after_the_biêu_number_is_no_part_of_its_title() -> None:
    for code in ("03/BC-LĐTBXH", "05/TK-UBND", "12/BC"):
        o = imp(_bieu(f"Biểu số {code}\nKẾT QUẢ GIẢM NGHÈO NĂM 2025\nĐơn vị báo cáo: UBND xã ……"))
        table = next(r.question for r in o.refs if r.question.type == "table")
        assert table.table.title == "KẾT QUẢ GIẢM NGHÈO NĂM 2025", code
    o = imp(_bieu("Biểu 01-MN BÁO CÁO SỐ TRẺ"))  # the code joined by '-' was read before and still is
    table = next(r.question for r in o.refs if r.question.type == "table")
    assert "MN" not in table.table.title.split()[0]


def test_an_answer_line_with_its_unit_under_a_numbered_question_joins_it() -> None:
    text = ("PHIẾU THU THẬP THÔNG TIN\nI. THÔNG TIN HỘ\n1. Gia đình có bao nhiêu người đi làm ăn xa?\n…… người\n"
            "2. Thu nhập bình quân mỗi tháng của hộ là bao nhiêu?\n…………… triệu đồng\n3. Số hộ nghèo trên địa bàn\n"
            "……… hộ\n4. Đánh giá chung\n")
    qs = _questions(imp(text))
    assert (qs["Gia đình có bao nhiêu người đi làm ăn xa?"].type, qs["Gia đình có bao nhiêu người đi làm ăn xa?"].unit) \
        == ("integer", "người")
    assert qs["Thu nhập bình quân mỗi tháng của hộ là bao nhiêu?"].unit == "triệu đồng"
    assert (qs["Số hộ nghèo trên địa bàn"].type, qs["Số hộ nghèo trên địa bàn"].unit) == ("integer", "hộ")
    assert not any(p in ("Số người", "Triệu đồng", "Số hộ") for p in qs)


def test_a_column_of_unit_lines_or_a_line_with_its_own_blank_is_not_joined() -> None:
    from dialogs.importer.inline_counts import unit_answers
    column = ["Số người", "…… người", "…… người"]
    assert unit_answers(column) == column
    own = ["Tổng số hộ: …… hộ", "…… người"]
    assert unit_answers(own) == own
    assert unit_answers(["Số lao động", "", "…… người", "Ghi chú"]) == ["Số lao động: …… người", "Ghi chú"]
