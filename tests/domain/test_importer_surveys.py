"""Survey questionnaires (dialogs/importer/surveys.py), each rule on made-up text: coded items with their options
below, the item code trimmed and never a section, questions typed by their words; and what stays as it was."""

from __future__ import annotations

from dialogs.importer.surveys import carried, carry, survey_items, survey_type
from tests.support.importing import imp, prompts

SURVEY = """PHIẾU KHẢO SÁT HỘ TRỒNG CHÈ
Câu A1: Hộ có trồng chè không?
1. Có -> Chuyển sang câu A2
2. Không -> Kết thúc phỏng vấn
Câu A2: Vì sao hộ chọn trồng chè?
a) Giá bán ổn định
b) Đất phù hợp
c) Được hỗ trợ giống
d) Khác (ghi rõ……………)
Câu A3: Năm vừa qua hộ thu hoạch bao nhiêu tấn chè búp?
Câu A4 - Giá bán một cân chè búp là bao nhiêu?
(Tính theo nghìn VNĐ)
Câu A5: Hộ bắt đầu trồng chè từ ngày nào?
Câu A6: Họ và tên người trả lời
ĐTV ghi theo giấy tờ tùy thân
"""


def test_coded_items_become_typed_asks_without_their_codes_and_no_sections() -> None:
    o = imp(SURVEY)
    got = prompts(o)
    assert got["Hộ có trồng chè không?"] == ("", "yesno")
    assert got["Vì sao hộ chọn trồng chè?"] == ("", "choice")
    choice = next(r.question for r in o.refs if r.question.prompt == "Vì sao hộ chọn trồng chè?")
    assert [x.label for x in choice.options] == [
        "Giá bán ổn định",
        "Đất phù hợp",
        "Được hỗ trợ giống",
        "Khác",
    ]
    assert got["Năm vừa qua hộ thu hoạch bao nhiêu tấn chè búp?"] == ("", "decimal")
    assert got["Giá bán một cân chè búp là bao nhiêu?"] == ("", "money")
    assert got["Hộ bắt đầu trồng chè từ ngày nào?"] == ("", "date")
    assert got["Họ và tên người trả lời"] == ("", "text")
    assert all(not p.startswith(("Câu", "A1", "Có", "Giá bán ổn")) for p in got)
    assert {r.section_number for r in o.refs} == {""}  # neither 'a)' nor '1.' made a section


def test_options_on_one_line_boxes_and_bare_yes_no_questions_in_a_survey() -> None:
    text = (
        "Câu hỏi 1. Gia đình có nuôi gia cầm không?\n1. Có  2. Không\n"
        "Câu hỏi 2. Nguồn nước ăn uống chính?\n□ Giếng khoan □ Nước máy □ Nước mưa\n"
        "Kiểm tra lại thông tin hộ:\n• Địa chỉ chính xác?\n• Số điện thoại còn dùng?\n"
    )
    got = prompts(imp(text))
    assert got["Gia đình có nuôi gia cầm không?"] == ("", "yesno")
    assert got["Nguồn nước ăn uống chính?"] == ("", "choice")
    assert got["Địa chỉ chính xác?"][1] == "yesno"
    assert got["Số điện thoại còn dùng?"][1] == "yesno"
    assert "Kiểm tra lại thông tin hộ" not in got  # the group's label is help, not an ask


def test_an_uncoded_question_with_lettered_options_is_one_choice_and_a_follow_up_asks_text() -> None:
    text = (
        "I. THÔNG TIN CHUNG\n1. Tên cơ sở: ……\n"
        "Cơ sở đã được cấp giấy chứng nhận chưa?\na. Đã cấp\nb. Đang làm thủ tục\nc. Chưa cấp\n"
        "Nếu chưa cấp, ghi rõ lý do\n"
    )
    got = prompts(imp(text))
    assert got["Cơ sở đã được cấp giấy chứng nhận chưa?"][1] == "choice"
    assert got["Nếu chưa cấp, ghi rõ lý do"][1] in ("text", "longtext")
    assert "Đã cấp" not in got and "Đang làm thủ tục" not in got


def test_a_prefilled_item_asks_nothing_and_an_option_explained_on_lines_below_stays_one_option() -> None:
    text = (
        "Câu B1: Tỉnh\nĐTV chọn tỉnh Hòa Bình (Đã chọn)\n"
        "Câu B2: Hộ làm nghề chính nào?\n(1) Trồng trọt\nGồm trồng lúa, rau màu và cây ăn quả.\n(2) Chăn nuôi\n"
        "(3) Dịch vụ\nDịch vụ gồm buôn bán, vận tải và sửa chữa.\n"
    )
    o = imp(text)
    got = prompts(o)
    assert "Tỉnh" not in got
    assert not any(p.startswith("Dịch vụ gồm") for p in got)  # the last option's explanation is no ask
    q = next(r.question for r in o.refs if r.question.prompt == "Hộ làm nghề chính nào?")
    assert q.type == "choice" and [x.label for x in q.options] == ["Trồng trọt", "Chăn nuôi", "Dịch vụ"]


def test_an_outline_with_lettered_sub_items_and_prose_questions_is_unchanged() -> None:
    """Negative: a report outline whose 'a)', 'b)' are sub-sections (long, ending in ':'), and a lone question line
    without options outside any survey, keep the importer's usual reading."""
    lines = [
        "1. Kết quả triển khai nhiệm vụ năm 2030:",
        "a) Công tác chỉ đạo, điều hành của Ủy ban nhân dân xã:",
        "b) Kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu trên địa bàn:",
        "Những khó khăn nào cần tháo gỡ?",
    ]
    assert survey_items(list(lines)) == lines
    o = imp("I. TÌNH HÌNH\n" + "\n".join(lines) + "\n")
    assert prompts(o)["Công tác chỉ đạo, điều hành của Ủy ban nhân dân xã"] == ("I.1", "longtext")


def test_a_single_coded_line_is_no_survey_and_carried_asks_travel_whole() -> None:
    lines = ["A1. Khái quát tình hình địa phương", "Nêu những đặc điểm chính."]
    assert survey_items(list(lines)) == lines
    from dialogs.importer.ask_types import Ask

    line = carry(Ask("Giới tính (…)?", "choice", options=["Nam (1)", "Nữ"], help=["Ghi: 1. …"]))
    back = carried(line)
    assert back is not None and back.options == ["Nam (1)", "Nữ"] and back.help == ["Ghi: 1. …"]
    assert "(" not in line and "…" not in line and carried("Giới tính") is None


def test_question_words_type_an_item() -> None:
    assert survey_type("Hộ dùng bao nhiêu khối nước mỗi tháng?") == ("decimal", "khối")
    assert survey_type("Tiền điện tháng trước là bao nhiêu? (nghìn đồng)") == ("money", "nghìn đồng")
    assert survey_type("Hộ có mấy người?") == ("integer", None)
    assert survey_type("Con bỏ học từ khi nào?") == ("date", None)
    assert survey_type("Vì sao con bỏ học?") == ("longtext", None)
    assert survey_type("Ảnh chụp rõ nét?") == ("yesno", None)
    assert survey_type("Số nhân khẩu nữ là?") == ("integer", None)  # a count, however short


def test_items_numbered_cau_n_are_questions_of_their_part_not_sections() -> None:
    o = imp(
        "PHIẾU KHẢO SÁT Ý KIẾN NGƯỜI DÂN\nPHẦN I. THÔNG TIN NGƯỜI TRẢ LỜI\n"
        "Câu 1. Ông/bà bao nhiêu tuổi?\nCâu 2. Giới tính của ông/bà?\n○ Nam ○ Nữ\n"
        "PHẦN II. Ý KIẾN\nCâu 3. Ông/bà có hài lòng với thủ tục không?\n[ ] Có [ ] Không\n"
        "Câu 4. Ông/bà có đề xuất gì thêm?\n"
    )
    got = prompts(o)
    assert got["Ông/bà bao nhiêu tuổi?"] == ("Phần I", "integer")
    assert got["Giới tính của ông/bà?"] == ("Phần I", "choice")
    assert got["Ông/bà có hài lòng với thủ tục không?"] == ("Phần II", "yesno")
    assert got["Ông/bà có đề xuất gì thêm?"] == ("Phần II", "longtext")


def test_bare_codes_ask_only_as_questions_and_a_plain_numbered_outline_keeps_its_sections() -> None:
    text = "Q1. Hộ có bao nhiêu người?\nQ2. Hộ có xe máy không?\n1. Có\n2. Không\nB3. Tình hình chung\n"
    got = prompts(imp("PHIẾU HỘ GIA ĐÌNH\n" + text))
    assert got["Hộ có bao nhiêu người?"][1] == "integer"
    assert got["Hộ có xe máy không?"][1] == "yesno"
    assert "Tình hình chung" not in got or got["Tình hình chung"][1] != "text"
    outline = imp("ĐỀ CƯƠNG BÁO CÁO\nI. KẾT QUẢ\n1. Công tác chỉ đạo\n2. Kết quả thực hiện nhiệm vụ\n")
    assert [(r.section_number, r.question.prompt) for r in outline.refs] == [
        ("I", "Công tác chỉ đạo"),
        ("I", "Kết quả thực hiện nhiệm vụ"),
    ]


def test_a_questionnaire_with_boxes_before_options_and_a_thank_you_line() -> None:
    o = imp(
        "PHIẾU KHẢO SÁT Ý KIẾN NGƯỜI DÂN\nI. THÔNG TIN CHUNG\n1. Giới tính:   □ Nam   □ Nữ\n"
        "2. Độ tuổi:  □ Dưới 30 tuổi  □ Từ 30 đến 50 tuổi  □ Trên 50 tuổi\nII. NỘI DUNG\n"
        "Câu 1. Ông/bà biết đến dịch vụ qua kênh nào? (có thể chọn nhiều)\n□ Báo chí\n□ Mạng xã hội\n"
        "□ Người quen giới thiệu\nCâu 2. Ông/bà có phải đi lại nhiều lần không?\n□ Có □ Không\n"
        "Xin trân trọng cảm ơn!\n"
    )
    got = {r.question.prompt: r.question for r in o.refs}
    assert got["Giới tính"].type == "choice" and [x.label for x in got["Giới tính"].options] == ["Nam", "Nữ"]
    assert got["Độ tuổi"].type == "choice" and len(got["Độ tuổi"].options) == 3
    many = got["Ông/bà biết đến dịch vụ qua kênh nào? (có thể chọn nhiều)"]
    assert many.type == "multichoice" and [x.label for x in many.options][0] == "Báo chí"
    assert got["Ông/bà có phải đi lại nhiều lần không?"].type == "yesno"
    assert not any(p.startswith(("□", "Xin trân trọng")) for p in got)


def test_options_with_their_codes_after_dotted_leaders_and_numbered_questions_of_a_questionnaire() -> None:
    lines = [
        "1. [TÊN] có đi học không?",
        "CÓ ....................... 1",
        "KHÔNG ................... 2",
        "2. Trình độ cao nhất của [TÊN]?",
        "TIỂU HỌC ......... 1",
        "THCS ............. 2",
        "3. Hộ có nhà vệ sinh không?   Có …… 1    Không …… 2",
        "4. Năm nay [TÊN] bao nhiêu tuổi?",
    ]
    asks = [carried(x.split(" ")[-1]) for x in survey_items(lines)]  # (each keeps its number: '1. ⟦…⟧')
    assert [(a.prompt, a.type, a.options) for a in asks if a] == [
        ("[TÊN] có đi học không?", "yesno", None),
        ("Trình độ cao nhất của [TÊN]?", "choice", ["Tiểu học", "THCS"]),
        ("Hộ có nhà vệ sinh không?", "yesno", None),
        ("Năm nay [TÊN] bao nhiêu tuổi?", "integer", None),
    ]


def test_one_question_with_options_in_an_outline_does_not_turn_its_numbered_asks_into_items() -> None:
    lines = ["1. Đơn vị có bộ phận một cửa không?", "a) Có", "b) Không", "2. Những khó khăn nào cần tháo gỡ?"]
    out = survey_items(list(lines))
    # its number kept outside a questionnaire
    assert out[0].startswith("1. ") and carried(out[0][3:]) is not None
    assert out[1:] == ["2. Những khó khăn nào cần tháo gỡ?"]


def test_the_first_item_right_under_the_forms_name_is_asked_too() -> None:
    o = imp("PHIẾU KHẢO SÁT\nCâu 1: Hộ có dùng nước máy không?\na. Có\nb. Không\nCâu 2: Hộ có mấy người?\n")
    # the form's own numbers ('Câu 1:' read as '1.') stay, as for any numbered question
    assert prompts(o) == {"Hộ có dùng nước máy không?": ("1", "yesno"), "Hộ có mấy người?": ("2", "integer")}


def test_coded_fields_and_options_after_a_colon_in_a_survey() -> None:
    lines = [
        "A1. Tuổi: ……………",
        "A2. Giới tính: 1. Nam   2. Nữ",
        "A3. Trình độ học vấn cao nhất:",
        "1. Tiểu học",
        "2. Trung học cơ sở",
        "B1. Thu nhập bình quân một tháng khoảng bao nhiêu (triệu đồng)?",
        "B2. Lý do chưa có việc làm? (có thể chọn nhiều)",
        "□ Thiếu kỹ năng",
        "□ Lý do khác (ghi rõ): ………………",
    ]
    asks = [carried(x) for x in survey_items(lines)]
    assert [(a.prompt.rstrip(":"), a.type, a.unit, a.options) for a in asks if a] == [
        ("Tuổi", "integer", None, None),
        ("Giới tính", "choice", None, ["Nam", "Nữ"]),
        ("Trình độ học vấn cao nhất", "choice", None, ["Tiểu học", "Trung học cơ sở"]),
        ("Thu nhập bình quân một tháng khoảng bao nhiêu (triệu đồng)?", "money", "triệu đồng", None),
        ("Lý do chưa có việc làm? (có thể chọn nhiều)", "multichoice", None, ["Thiếu kỹ năng", "Lý do khác"]),
    ]


def test_a_lettered_part_between_items_is_their_part_and_the_title_above_stays() -> None:
    o = imp(
        "PHIẾU ĐIỀU TRA VIỆC LÀM\nCâu 1: Anh/chị bao nhiêu tuổi?\nCâu 2: Anh/chị có đi học không?\na. Có\nb. Không\n"
        "PHẦN B. VIỆC LÀM\nCâu 3: Anh/chị có việc làm không?\na. Có\nb. Không\n"
    )
    assert o.title == "Phiếu điều tra việc làm"
    got = {r.question.prompt: r.question for r in o.refs}
    assert "PHẦN B. VIỆC LÀM" not in got  # a part heading ('Phần B', like 'Phần II'), no question
    part = {r.question.prompt: r.section_number for r in o.refs}["Anh/chị có việc làm không?"]
    assert part.startswith("Phần B")


def test_an_outlines_sub_items_under_a_question_are_no_options() -> None:
    """Negative: 'Đánh giá chung … như thế nào?' over 'a) Ưu điểm', 'b) Hạn chế' asks two things; options answer a
    question put to the respondent, a yes/no question, or boxes to tick."""
    lines = ["3. Đánh giá chung về công tác năm qua như thế nào?", "a) Ưu điểm", "b) Hạn chế"]
    assert survey_items(list(lines)) == lines
    asked = survey_items(["Nguồn nước chính của hộ?", "a. Giếng khoan", "b. Nước máy"])
    assert len(asked) == 1 and carried(asked[0]).type == "choice"


def test_codes_alone_on_their_lines_and_a_dotted_line_under_a_coded_field() -> None:
    lines = [
        "A1.1",
        "",
        "Giới tính",
        "",
        " 1. Nam",
        " 2. Nữ",
        "A1.2",
        "",
        "Năm sinh (theo dương lịch)",
        "",
        "…………………",
    ]
    asks = [carried(x) for x in survey_items(lines) if x.strip()]
    assert [(a.prompt, a.type) for a in asks if a] == [
        ("Giới tính", "choice"),
        ("Năm sinh (theo dương lịch)", "integer"),
    ]
    assert survey_items(["1", "Tổng số", "2", "Nam"]) == [
        "1",
        "Tổng số",
        "2",
        "Nam",
    ]  # a table's row numbers stay


def test_a_line_that_only_looks_carried_is_read_as_text_and_nothing_breaks() -> None:
    got = prompts(imp("BÁO CÁO\n⟦ask:abc⟧\n⟦ask:31⟧\nI. KẾT QUẢ\n1. Số hộ: …… hộ\n"))
    assert got["Số hộ"] == ("I", "integer")
    assert carried("⟦ask:abc⟧") is None and carried("⟦ask:31⟧") is None


def test_a_questionnaires_rows_with_group_codes_are_its_coded_sections() -> None:
    o = imp(
        "PHIẾU THU THẬP Ý KIẾN\nA1 | Tên trường: |\nA2 | a. Điện thoại: b. Email: |\n"
        "STT | CÂU HỎI | 1.Có | 2.Không |\nB1 | Trường có thư viện điện tử không? Nếu có, từ năm nào? |\n|\n"
    )
    got = {r.question.prompt: (r.section_number, r.question.type) for r in o.refs}
    assert got["Tên trường"] == ("A1", "text")
    assert got["Điện thoại"] == ("A2", "text") and got["Email"] == ("A2", "text")
    assert got["Trường có thư viện điện tử không?"] == ("B1", "yesno")
    assert not any("STT" in p or "|" in p for p in got)


def test_a_table_row_that_only_begins_with_a_number_is_no_coded_section() -> None:
    from dialogs.importer.structure import parse_marker
    from dialogs.importer.surveys import answer_columns

    assert parse_marker("A1 | |") is None  # an empty row
    assert parse_marker("12 | Tên đơn vị: |") is None  # a row number, no group code
    rows = ["STT | Nội dung | Số lượng | Ghi chú |", "1 | Lớp học có máy chiếu? |"]
    assert answer_columns(rows) == rows  # 'Số lượng', 'Ghi chú' are a table's columns, no answers to tick


def test_items_run_into_one_line_that_begin_alike_are_a_line_each() -> None:
    from dialogs.importer.surveys import split_alike

    line = "Mức độ hài lòng về phòng học Mức độ hài lòng về thư viện Mức độ hài lòng về ký túc xá"
    assert split_alike([line]) == [
        "Mức độ hài lòng về phòng học",
        "Mức độ hài lòng về thư viện",
        "Mức độ hài lòng về ký túc xá",
    ]
    prose = "Kết quả thực hiện năm nay tốt hơn. Kết quả thực hiện năm trước thấp do thiên tai kéo dài nhiều tháng."
    assert split_alike([prose]) == [prose]  # the same words twice: a sentence, no run of items
