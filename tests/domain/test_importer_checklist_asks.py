"""Made-up documents: asks a checklist, a filled report or a minutes' form holds in a shape of its own — criteria
under a header naming yes/no columns, Roman parts that lost their dots over runs of undotted numbers, a page's list
numbers printed before the document's, counts filled in after named things, a survey's topics joined by ';',
blanks lost before 'đồng chí' and in a date inside a sentence."""

from __future__ import annotations

from dialogs.importer.doubled_marks import doubled_marks
from dialogs.importer.filled_values import counts_lead, named_counts
from dialogs.importer.lost_blanks import lost_blank_asks
from dialogs.importer.lost_dots import lost_dots
from dialogs.importer.prose import surveyed_topics
from dialogs.importer.structure import undotted_numbers
from tests.support.importing import imp, prompts

CHECKLIST = """BẢNG TỰ KIỂM TRA ĐIỀU KIỆN AN TOÀN CỦA BẾP ĂN TẬP THỂ
Tiêu chí Có Không
I Điều kiện về cơ sở vật chất của khu chế biến
1 Khu sơ chế và khu nấu được bố trí tách biệt theo một chiều
2 Nền nhà bếp lát gạch chống trơn, dễ lau chùi
3 Có đủ nước sạch dùng cho chế biến và vệ sinh dụng
cụ hằng ngày.
II Điều kiện về người trực tiếp chế biến
1 Người chế biến được khám sức khỏe định kỳ hằng năm
Có giấy xác nhận tập huấn kiến thức về vệ sinh.
2 Người chế biến mặc trang phục riêng khi làm việc
"""


def test_criteria_under_a_yes_no_header_are_yes_no_asks_in_their_parts() -> None:
    got = prompts(imp(CHECKLIST))
    assert got["Khu sơ chế và khu nấu được bố trí tách biệt theo một chiều"] == ("I", "yesno")
    assert got["Có đủ nước sạch dùng cho chế biến và vệ sinh dụng cụ hằng ngày"] == ("I", "yesno")
    assert got["Người chế biến được khám sức khỏe định kỳ hằng năm"] == ("II", "yesno")
    assert got["Có giấy xác nhận tập huấn kiến thức về vệ sinh"] == (
        "II",
        "yesno",
    )  # a line of its own, same cell
    assert got["Người chế biến mặc trang phục riêng khi làm việc"] == ("II", "yesno")
    assert not any("Tiêu chí Có Không" in p for p in got)


def test_a_criterion_on_a_line_of_its_own_keeps_the_number_of_its_cell() -> None:
    numbers = {r.question.prompt: r.number for r in imp(CHECKLIST).refs}
    assert numbers["Người chế biến được khám sức khỏe định kỳ hằng năm"] == "II.1"
    assert numbers["Có giấy xác nhận tập huấn kiến thức về vệ sinh"] == "II.1"
    assert numbers["Người chế biến mặc trang phục riêng khi làm việc"] == "II.2"


def test_without_the_yes_no_header_the_criteria_stay_written_answers() -> None:
    got = prompts(imp(CHECKLIST.replace("Tiêu chí Có Không\n", "")))
    assert got["Khu sơ chế và khu nấu được bố trí tách biệt theo một chiều"][1] != "yesno"


def test_undotted_roman_parts_each_with_a_run_from_one_get_their_dots_back() -> None:
    lines = [
        "I Phần thứ nhất của bảng kiểm",
        "1 Điều kiện thứ nhất được bảo đảm",
        "2 Điều kiện thứ hai được bảo đảm",
        "II Phần thứ hai của bảng kiểm",
        "1 Điều kiện thứ ba được bảo đảm",
        "2 Điều kiện thứ tư được bảo đảm",
    ]
    out = undotted_numbers(lines)
    assert out[0].startswith("I. ") and out[3].startswith("II. ")
    assert out[1].startswith("1. ") and out[4].startswith("1. ") and out[5].startswith("2. ")


def test_roman_parts_whose_runs_do_not_restart_stay_as_they_are() -> None:
    lines = [
        "I Phần thứ nhất của bảng kiểm",
        "1 Điều kiện thứ nhất được bảo đảm",
        "2 Điều kiện thứ hai được bảo đảm",
        "II Phần thứ hai của bảng kiểm",
        "3 Điều kiện thứ ba được bảo đảm",
        "4 Điều kiện thứ tư được bảo đảm",
    ]
    out = undotted_numbers(lines)
    assert out[0] == lines[0] and out[3] == lines[3]  # (the single run 1 … 4 is dotted as before)


def test_a_pages_list_numbers_before_the_documents_own_are_dropped() -> None:
    seq = [
        " 1.  1. Bệnh cúm mùa: trong tuần có 4 ca.",
        " 2. 2. Bệnh sởi: trong tuần có 1 ca.",
        "3. Kết luận chung",
    ]
    assert doubled_marks(seq) == [
        "1. Bệnh cúm mùa: trong tuần có 4 ca.",
        "2. Bệnh sởi: trong tuần có 1 ca.",
        "3. Kết luận chung",
    ]
    one = [" 1. 2. Một dòng lẻ", "Dòng khác"]
    assert doubled_marks(one) == one  # a single line of that shape: no list of the page


def test_named_things_with_their_counts_filled_in_are_counts() -> None:
    asks = named_counts("Các bệnh khác (trong tháng): Cúm mùa: 3 ca; viêm phổi: 0 ca; Sốt rét: 1 ca; ho")
    assert [(a.prompt, a.type, a.unit) for a in asks] == [
        ("Số ca cúm mùa (trong tháng)", "integer", "ca"),
        ("Số ca viêm phổi (trong tháng)", "integer", "ca"),
        ("Số ca sốt rét (trong tháng)", "integer", "ca"),
    ]
    assert (
        counts_lead("Các bệnh khác (trong tháng): Cúm mùa: 3 ca; viêm phổi: 0 ca; Sốt rét: 1 ca")
        == "Các bệnh khác (trong tháng)"
    )
    assert named_counts("Cúm mùa: 3 ca; viêm phổi: 0 ca") == []  # two: no run
    assert named_counts("Diện tích lúa: 30 ha; diện tích ngô: 12 ha; diện tích đậu: 4 ha") == []  # measures


def test_a_numbered_line_of_named_counts_is_a_section_of_counts() -> None:
    text = (
        "1. Tình hình chung của xã trong tháng\n"
        "2. Các bệnh truyền nhiễm khác (cộng dồn): Cúm mùa: 3 ca; viêm phổi: 0 ca; sốt rét: 1 ca; lao: 2 ca;\n"
    )
    o = imp(text)
    got = prompts(o)
    assert got["Số ca cúm mùa (cộng dồn)"] == ("2", "integer")
    assert got["Số ca lao (cộng dồn)"] == ("2", "integer")


def test_a_surveys_topics_joined_by_semicolons_are_asked_one_each() -> None:
    asks = surveyed_topics(
        "Khảo sát nguyên nhân học viên bỏ học giữa khóa; những kỹ năng học viên cần được bồi dưỡng "
        "thêm; ý kiến góp ý của học viên về chương trình đào tạo..."
    )
    assert [a.prompt for a in asks] == [
        "Nguyên nhân học viên bỏ học giữa khóa",
        "Những kỹ năng học viên cần được bồi dưỡng thêm",
        "Ý kiến góp ý của học viên về chương trình đào tạo",
    ]
    assert (
        surveyed_topics("Khảo sát nguyên nhân học viên bỏ học; những kỹ năng cần bồi dưỡng") == []
    )  # two things


def test_lost_blanks_before_dong_chi_are_counts_of_comrades() -> None:
    asks = lost_blank_asks("Số đảng viên dự họp: đồng chí Số đảng viên vắng họp: đồng chí.")
    assert [(a.prompt, a.type, a.unit) for a in asks] == [
        ("Số đảng viên dự họp", "integer", "đồng chí"),
        ("Số đảng viên vắng họp", "integer", "đồng chí"),
    ]


def test_a_date_that_lost_its_dots_inside_a_sentence_gets_them_back_and_the_counts_too() -> None:
    seq = [
        "Hội nghị chi bộ ngày tháng năm 20 , tiến hành bầu tổ trưởng tổ đảng.",
        "Hội nghị đã biểu quyết số lượng tổ phó là đồng chí.",
    ]
    out = lost_dots(seq)
    assert out[0].startswith("Hội nghị chi bộ ngày … tháng … năm 20…,")
    assert out[1] == "Hội nghị đã biểu quyết số lượng tổ phó là … đồng chí."
    plain = ["Tổ trưởng là đồng chí.", "Hà Nội, ngày tháng năm 20"]
    assert lost_dots(plain) == plain  # no date lost inside a sentence: nothing put back


def test_a_surveys_things_joined_by_commas_offer_their_choices_in_parentheses() -> None:
    asks = surveyed_topics(
        "Khảo sát nhu cầu học tập của người lao động, hình thức học (trực tiếp, trực tuyến hay kết hợp), "
        "thời gian, địa điểm học thuận tiện, chi phí có thể chi trả..."
    )
    assert [(a.prompt, a.type) for a in asks] == [
        ("Nhu cầu học tập của người lao động", "longtext"),
        ("Hình thức học", "choice"),
        ("Thời gian, địa điểm học thuận tiện", asks[2].type),
        ("Chi phí có thể chi trả", asks[3].type),
    ]
    assert asks[1].options == ["Trực tiếp", "Trực tuyến", "Kết hợp"]


def test_a_numbered_survey_item_keeps_its_first_thing_as_an_ask() -> None:
    text = (
        "1. Mục đích khảo sát\n"
        "2. Nội dung khảo sát\n"
        "2.1. Khảo sát nhu cầu học tập của người lao động, hình thức học (trực tiếp, trực tuyến hay kết hợp), "
        "thời gian, địa điểm học thuận tiện, chi phí có thể chi trả...\n"
    )
    got = prompts(imp(text))
    assert "Nhu cầu học tập của người lao động" in got
    assert got["Hình thức học"][1] == "choice"


def test_a_sheets_label_row_with_empty_cells_is_a_field_to_fill() -> None:
    from dialogs.importer.empty_cells import empty_cells

    seq = ["Tên dự án: | ||||||||", "Ghi chú: |", "Nhà thầu: | 12 | ||"]
    assert empty_cells(seq) == ["Tên dự án: ……", "Ghi chú: |", "Nhà thầu: | 12 | ||"]
    got = prompts(imp("BẢNG THEO DÕI DỰ ÁN\nTên dự án: | ||||||||\nĐịa điểm xây dựng: | ||||||||\n"))
    assert got["Tên dự án"][1] == "text"
    assert not any("|" in p for p in got)


def test_two_form_lines_that_lost_their_blanks_are_not_joined_as_one_sentence() -> None:
    from dialogs.importer.structure import join_broken

    lines = ["Số hộ được khảo sát: , số hộ trả lời về", "Số phiếu hợp lệ: , số phiếu không dùng được:"]
    assert join_broken(lines, pdf=False)[0] == lines
    prose = ["Tỷ lệ hội viên tham gia sinh hoạt so với kế hoạch đạt trên", "Tổng số hội viên của chi hội"]
    assert len(join_broken(prose, pdf=False)[0]) == 1  # a sentence broken after 'trên' still goes on


def test_a_count_label_before_its_lost_blank_and_another_count_is_a_count() -> None:
    from dialogs.importer.questions import asks_from_text

    asks = asks_from_text("Số phiếu phát ra: …, số phiếu thu về")
    assert [(a.prompt, a.type) for a in asks] == [
        ("Số phiếu phát ra", "integer"),
        ("Số phiếu thu về", "integer"),
    ]


def test_a_meetings_date_inside_its_opening_sentence_is_the_day_it_was_held() -> None:
    from dialogs.importer.forms import date_blank

    assert (
        date_blank("Hội nghị chi bộ ngày … tháng … năm 20…, tiến hành bầu tổ trưởng")[0]
        == "Ngày Hội nghị chi bộ"
    )
    assert date_blank("Dự kiến kết thúc khóa học vào ngày … tháng … năm …")[0] == "Dự kiến kết thúc khóa học"


def test_the_heading_a_bulletin_is_named_by_is_no_level_of_its_outline() -> None:
    text = (
        "I. TÌNH HÌNH SẢN XUẤT NÔNG NGHIỆP THÁNG 5/2030 (từ 01/05/2030 - 31/05/2030):\n"
        "1. Trồng trọt: tổng diện tích gieo cấy …… ha, năng suất …… tạ/ha\n"
        "2. Chăn nuôi: tổng đàn lợn …… con\n"
        "3. Các loại cây khác (cộng dồn): Ngô: 3 ha; đậu tương: 2 ha; lạc: 1 ha;\n"
    )
    o = imp(text)
    assert o.title.lower().startswith("tình hình sản xuất nông nghiệp")
    assert all(not r.section_number.startswith("I") for r in o.refs)
