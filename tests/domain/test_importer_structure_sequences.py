"""The outline's structure read from sequences, shown on made-up text: lettered points under a numbered item,
numbers that do not count up, headings that are no sections."""

from __future__ import annotations

from dialogs.importer.naming import is_agency_header
from dialogs.importer.structure import letter_options, lone_letters, number_options, page_template_headings
from tests.support.importing import imp, prompts


def test_lettered_points_listing_figures_are_asks_of_the_numbered_item() -> None:
    """'a)', 'b)' under '1.' each listing figures to report: the figures are asks of '1.', not of 'I.1.a'."""
    o = imp(
        "I. KẾT QUẢ THỰC HIỆN\n1. Kiểm tra chuyên ngành\n"
        "a) Việc triển khai các cuộc kiểm tra (Biểu số 02)\n"
        "- Tổng số cuộc kiểm tra trong kỳ: …… cuộc\n- Số cuộc kiểm tra đột xuất: …… cuộc\n"
        "b) Kết luận kiểm tra\n- Số đơn vị được kiểm tra: …… đơn vị\n"
        "- Số tiền vi phạm phát hiện: …… triệu đồng\n- Những vi phạm chủ yếu\n"
        "2. Kiến nghị\n"
    )
    p = prompts(o)
    assert p["Tổng số cuộc kiểm tra trong kỳ"] == ("I.1", "integer")
    assert p["Số đơn vị được kiểm tra"] == ("I.1", "integer")
    assert p["Số tiền vi phạm phát hiện"][0] == "I.1"
    assert p["Những vi phạm chủ yếu"][0] == "I.1"
    # the point's heading is kept as the help of its first ask
    first = next(r.question for r in o.refs if r.question.prompt == "Tổng số cuộc kiểm tra trong kỳ")
    assert "Việc triển khai các cuộc kiểm tra" in (first.help or "")


def test_the_same_figures_under_two_points_keep_the_points_as_sections() -> None:
    """'a) theo kết luận …' and 'b) theo văn bản …' asking the same figures: each point is its own section."""
    p = {
        (r.section_number, r.question.prompt)
        for r in imp(
            "I. TÌNH HÌNH\n1. Kết quả thực hiện nhiệm vụ\na) Theo kết luận của Tỉnh ủy\n"
            "- Tổng số nhiệm vụ được giao: …… nhiệm vụ\n- Số nhiệm vụ đã hoàn thành: …… nhiệm vụ\n"
            "b) Theo văn bản chỉ đạo của UBND tỉnh\n"
            "- Tổng số nhiệm vụ được giao: …… nhiệm vụ\n- Số nhiệm vụ đã hoàn thành: …… nhiệm vụ\n"
        ).refs
    }
    assert ("I.1.a", "Tổng số nhiệm vụ được giao") in p
    assert ("I.1.b", "Tổng số nhiệm vụ được giao") in p


def test_points_asking_in_words_stay_sections() -> None:
    """'a) Về phân cấp quản lý' over what to describe (no figure): a sub-section of the item, as before."""
    o = imp(
        "II. KẾT QUẢ\n4. Cải cách tổ chức bộ máy\na) Về tổ chức bộ máy\n"
        "- Tình hình triển khai các quy định về tổ chức bộ máy.\n- Tình hình quản lý biên chế.\n"
        "b) Về phân cấp quản lý\n- Thực hiện các quy định phân cấp tại địa phương.\n"
        "- Khó khăn, vướng mắc khi phân cấp.\n"
    )
    p = prompts(o)
    assert p["Tình hình quản lý biên chế"][0] == "II.4.a"
    assert p["Thực hiện các quy định phân cấp tại địa phương"][0] == "II.4.b"


def test_a_pages_numbered_template_heading_above_the_motto_numbers_no_section() -> None:
    """'1. Mẫu biên bản … mới nhất:' (the page's heading) above the form's motto: the form's asks are in a section
    without the page's number; a page's question '1. Mẫu … là gì?' and a numbered heading after the motto keep
    their numbers."""
    o = imp(
        "Mẫu biên bản họp tổ hòa giải\n1. Mẫu biên bản họp tổ hòa giải mới nhất:\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBIÊN BẢN HỌP TỔ HÒA GIẢI\n"
        "- Chủ trì cuộc họp: ……\n- Số thành viên có mặt: …… người\n"
    )
    assert prompts(o)["Số thành viên có mặt"][0] == ""
    lines = [
        "1. Mẫu báo cáo đoàn viên là gì?",
        "2. Mẫu báo cáo đoàn viên năm 2031:",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "3. Mẫu phiếu đã phát: ……",
    ]
    assert page_template_headings(lines) == {"mau bao cao doan vien nam 2031"}
    after = imp(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO\n1. Mẫu phiếu đã phát: …… phiếu\n"
        "2. Số phiếu thu về: …… phiếu\n"
    )
    assert prompts(after)["Số phiếu thu về"][0] == "2"


def test_letters_right_under_an_unnumbered_question_are_its_options_not_sections() -> None:
    """'… có đúng không?' then 'a. Có', 'b. Không': the letters are options (their marks go), so the line after
    them is no part of 'b'; under a numbered question only letters of a few words; after a statement they stay."""
    lines = ["Hộ có dùng nước máy không?", "a. Có -> Chuyển sang câu 3", "b. Không", "Số người trong hộ: ……"]
    assert letter_options(lines) == ["Hộ có dùng nước máy không? (1: Có; 2: Không)", "Số người trong hộ: ……"]
    heading = [
        "1. Những khó khăn gặp phải là gì?",
        "a. Về cơ chế, chính sách của Trung ương và tỉnh",
        "b. Về nguồn lực, kinh phí và con người thực hiện",
    ]
    assert letter_options(heading) == heading  # (a numbered question's points of many words stay points)
    asked = ["1. Anh/chị sống ở đâu?", "a. Thành thị", "b. Nông thôn"]
    assert letter_options(asked) == ["1. Anh/chị sống ở đâu?", "Thành thị", "Nông thôn"]
    statement = ["Nội dung báo cáo gồm:", "a. Kết quả", "b. Hạn chế"]
    assert letter_options(statement) == statement
    long = ["Vì sao?", "a. " + " ".join(["chữ"] * 14), "b. Khác"]
    assert letter_options(long) == long
    o = imp(
        "PHIẾU KHẢO SÁT HỘ GIA ĐÌNH\nHộ có dùng nước máy không?\na. Có\nb. Không\n"
        "Số người trong hộ: …… người\n"
    )
    assert prompts(o)["Số người trong hộ"][0] == ""


def test_a_numbered_noi_dung_heading_keeps_its_number_over_decimal_sections() -> None:
    """'II. NỘI DUNG' beside 'I. MỤC ĐÍCH, YÊU CẦU', over '1.', '2.': its number is part of theirs ('II.1'); 'B. NỘI
    DUNG BÁO CÁO' over 'I.', 'II.' only wraps sections with numbers of their own."""
    o = imp(
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Đánh giá đúng thực chất kết quả công tác.\n"
        "II. NỘI DUNG\n1. Chủ đề công tác năm\n- Cách thức triển khai chủ đề năm\n"
        "- Kết quả đạt được của chủ đề năm\n2. Công tác tuyên truyền\n- Số buổi tuyên truyền: …… buổi\n"
    )
    assert prompts(o)["Số buổi tuyên truyền"] == ("II.2", "integer")
    wrapped = imp(
        "A. MỤC ĐÍCH, YÊU CẦU\n1. Đánh giá đúng thực chất.\nB. NỘI DUNG BÁO CÁO\n"
        "I. KẾT QUẢ\n1. Số buổi tuyên truyền: …… buổi\nII. KIẾN NGHỊ\n1. Kiến nghị với cấp trên\n"
    )
    assert prompts(wrapped)["Số buổi tuyên truyền"] == ("I", "integer")


def test_numbered_lists_that_start_again_at_one_are_options_not_sections() -> None:
    """'1. Nam', '2. Nữ' then '1. Độc thân', '2. Đã kết hôn' with no heading between: the numbering starts over, so
    these are answer options (their marks go); '5.' after '3.' (the '4.' lost in a line) goes on with its list.
    Sections that start over under headings of a higher rank keep their numbers."""
    lines = [
        "Giới tính",
        " 1. Nam",
        " 2. Nữ",
        "Tình trạng hôn nhân",
        " 1. Độc thân.",
        " 2. Đã kết hôn.",
        " 3. Ly hôn.",
        "Nghề nghiệp chính  4. Nông dân",
        " 5. Khác (ghi rõ)",
    ]
    assert number_options(lines) == [
        "Giới tính (1: Nam; 2: Nữ)",  # (options right under their question go onto its line: one choice)
        "Tình trạng hôn nhân",  # (a list broken by a line keeps its lines, without marks)
        "Độc thân.",
        "Đã kết hôn.",
        "Ly hôn.",
        "Nghề nghiệp chính  4. Nông dân",
        "Khác (ghi rõ)",
    ]
    sections = [
        "I. KẾT QUẢ",
        "1. Thuận lợi",
        "2. Khó khăn",
        "II. PHƯƠNG HƯỚNG",
        "1. Nhiệm vụ",
        "2. Giải pháp",
    ]
    assert number_options(sections) == sections
    one = ["Giới tính", "1. Nam", "2. Nữ", "Ghi chú: ……"]
    assert number_options(one) == one  # a single list is no evidence


def test_a_survey_part_code_over_a_heading_in_capitals_is_a_section() -> None:
    o = imp(
        "PHIẾU KHẢO SÁT\nA1: ĐẶC ĐIỂM NHÂN KHẨU HỌC\nNăm sinh của người trả lời: ……\n"
        "B2: ĐIỀU KIỆN NHÀ Ở\nDiện tích nhà ở: …… m2\n"
    )
    p = prompts(o)
    assert p["Năm sinh của người trả lời"][0] == "A1"
    assert p["Diện tích nhà ở"][0] == "B2"
    # a code before a sentence in lower case is no heading
    assert imp("A1: Đánh giá chung về kết quả: ……\n").sections[0].no != "A1:"


def test_a_pages_template_heading_above_an_agency_header_numbers_no_section() -> None:
    lines = [
        "1. Mẫu báo cáo xếp loại là gì?",
        "2. Mẫu báo cáo xếp loại học kỳ 1",
        "SỞ GD&ĐT TỈNH AN GIANG",
        "XẾP LOẠI HỌC LỰC",
    ]
    assert page_template_headings(lines, is_agency_header) == {"mau bao cao xep loai hoc ky 1"}
    assert page_template_headings(lines) == set()


def test_short_sections_with_a_paragraph_each_are_no_option_lists() -> None:
    lines = [
        "KẾT QUẢ",
        "1. Thuận lợi",
        "Được sự quan tâm của cấp ủy.",
        "2. Khó khăn",
        "Kinh phí còn hạn chế.",
        "PHƯƠNG HƯỚNG",
        "1. Nhiệm vụ",
        "Tiếp tục tuyên truyền.",
        "2. Giải pháp",
        "Tăng cường kiểm tra.",
    ]
    assert number_options(lines) == lines


def test_a_letter_that_does_not_follow_its_predecessor_heads_no_point() -> None:
    """'b)', 'c)' under '1.' with no 'a)' before: their marks go (the lines are the item's); under the next heading
    the letters count from 'a' again, and a letter skipped inside a list ('d' after 'b') stays a point."""
    lines = [
        "1. Kết quả",
        "b) Về nhân sự",
        "c) Về tài chính",
        "2. Kiến nghị",
        "a) Với tỉnh",
        "b) Với huyện",
        "d) Khác",
    ]
    assert lone_letters(lines) == [
        "1. Kết quả",
        "Về nhân sự",
        "Về tài chính",
        "2. Kiến nghị",
        "a) Với tỉnh",
        "b) Với huyện",
        "d) Khác",
    ]
    o = imp(
        "I. KẾT QUẢ\n1. Công tác tổ chức\nb) Số cuộc họp đã tổ chức: …… cuộc\nc) Số người tham dự: …… người\n"
    )
    assert {r.section_number for r in o.refs} == {"I.1"}
    assert all(not (r.question.no or "").endswith(")") for r in o.refs)


def test_numbered_options_under_numbered_questions_make_choices() -> None:
    """'Câu 1. …?' over '1. Có', '2. Không', 'Câu 2. …?' over '1. Thành thị', '2. Nông thôn': the options start over
    under each question, so they are its options (a yes/no, a choice); a numbered field after them ('Câu 3. Số người
    …: ……') is a question of its own, not one more option."""
    o = imp(
        "PHIẾU KHẢO SÁT HỘ GIA ĐÌNH\nCâu 1. Anh/chị có đi làm không?\n1. Có\n2. Không\n"
        "Câu 2. Anh/chị sống ở đâu?\n1. Thành thị\n2. Nông thôn\nCâu 3. Số người trong hộ: …… người\n"
    )
    by = {r.question.prompt: r for r in o.refs}
    assert by["Anh/chị có đi làm không?"].question.type == "yesno"
    where = by["Anh/chị sống ở đâu?"].question
    assert (where.type, [x.label for x in where.options]) == ("choice", ["Thành thị", "Nông thôn"])
    assert (by["Số người trong hộ"].section_number, by["Số người trong hộ"].question.type) == ("3", "integer")
    assert len(o.refs) == 3


def test_options_right_under_an_unnumbered_question_make_one_choice() -> None:
    o = imp(
        "PHIẾU KHẢO SÁT\nA1: THÔNG TIN NGƯỜI TRẢ LỜI\nGiới tính\n 1. Nam\n 2. Nữ\n"
        "Tình trạng hôn nhân hiện tại\n 1. Độc thân.\n 2. Đã kết hôn.\n 3. Khác (ghi rõ)\n"
        "Số người trong hộ: …… người\n"
    )
    by = {r.question.prompt: r.question for r in o.refs}
    assert [x.label for x in by["Giới tính"].options] == ["Nam", "Nữ"]
    assert by["Tình trạng hôn nhân hiện tại"].type == "choice"
    assert by["Số người trong hộ"].type == "integer"
    assert not {"Nam", "Nữ", "Độc thân"} & set(by)


def test_a_question_of_the_forms_head_with_its_options_is_asked_in_the_head() -> None:
    """Above the first section: 'Hộ có dùng nước máy không?' over 'a. Có', 'b. Không' is a yes/no of the head,
    beside the head's fields, never lost."""
    o = imp(
        "PHIẾU KHẢO SÁT NƯỚC SẠCH\nHọ tên chủ hộ: ……\nHộ có dùng nước máy không?\na. Có\nb. Không\n"
        "Địa chỉ: ……\nI. CHẤT LƯỢNG NƯỚC\n1. Số lần mất nước trong tháng: …… lần\n"
    )
    p = prompts(o)
    assert p["Hộ có dùng nước máy không?"] == ("", "yesno")
    assert p["Họ tên chủ hộ"][0] == "" and p["Số lần mất nước trong tháng"][0] == "I"
    head = [r.question.prompt for r in o.refs if r.section_number == ""]
    assert head.index("Hộ có dùng nước máy không?") < head.index("Địa chỉ")
