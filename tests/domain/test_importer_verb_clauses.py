"""A letter's paragraph that asks for a review in clauses, each led by its verb (issue 21: one question per thing
asked): made-up text, positives and the paragraphs that must stay as they were."""

from __future__ import annotations

from dialogs.importer.forms import is_filled_answer
from dialogs.importer.verb_clauses import verb_clauses
from tests.support.importing import imp, prompts


def _p(asks):
    return [(a.prompt, a.type) for a in asks]


REVIEW = (
    "Kiểm điểm kết quả thực hiện công tác văn hóa 9 tháng năm 2031; tập trung vào các nhiệm vụ trọng tâm đã được "
    "giao trong Kế hoạch năm; đánh giá những mặt tích cực và hạn chế, phân tích rõ nguyên nhân, từ đó đề xuất giải "
    "pháp cụ thể cho quý IV, góp phần hoàn thành kế hoạch cả năm."
)


def test_a_reviewing_paragraph_asks_each_thing_in_its_clauses():
    assert _p(verb_clauses(REVIEW)) == [
        (
            "Kết quả thực hiện công tác văn hóa 9 tháng năm 2031 (các nhiệm vụ trọng tâm đã được giao trong Kế hoạch "
            "năm)",
            "longtext",
        ),
        ("Những mặt tích cực", "longtext"),
        ("Hạn chế", "longtext"),
        ("Nguyên nhân", "longtext"),
        ("Đề xuất giải pháp cụ thể cho quý IV", "longtext"),
    ]


def test_parts_of_one_group_side_by_side_stay_one_ask():
    got = _p(
        verb_clauses(
            "Sơ kết tình hình thu ngân sách quý I; đánh giá khó khăn, vướng mắc; kiến nghị với tỉnh "
            "các biện pháp tháo gỡ."
        )
    )
    assert got == [
        ("Tình hình thu ngân sách quý I", "longtext"),
        ("Khó khăn, vướng mắc", "longtext"),
        ("Kiến nghị với tỉnh các biện pháp tháo gỡ", "longtext"),
    ]


def test_statements_forms_and_one_verb_in_passing_stay_as_they_were():
    # a report's own sentence: no reviewing verb leads it
    assert (
        verb_clauses(
            "Năm 2031, xã đã tổ chức 12 buổi tuyên truyền; đánh giá chung là tốt, phân tích cho thấy "
            "người dân đồng tình."
        )
        == []
    )
    # a form's blank
    assert verb_clauses("Đánh giá kết quả thực hiện: ……; hạn chế: ……; đề xuất: ……") == []
    # one thing asked is no list
    assert verb_clauses("Đánh giá kết quả thực hiện chương trình trong năm.") == []


def test_a_reviewing_paragraph_is_no_written_answer():
    assert not is_filled_answer(
        [
            "Kiểm điểm kết quả thực hiện công tác văn hóa đã được giao trong năm, những việc "
            "làm được, những việc chưa làm được và các nhiệm vụ cần triển khai trong thời gian tới"
        ]
    )


def test_a_letter_asking_for_a_review_in_a_paragraph_gets_one_question_per_thing():
    o = imp(
        "CÔNG VĂN về việc báo cáo công tác văn hóa 9 tháng năm 2031\n\n"
        "1. Nội dung báo cáo\n\n" + REVIEW + "\n\n"
        "2. Thời gian gửi báo cáo\n\nBáo cáo gửi về Sở trước ngày 20/9/2031.\n"
    )
    got = prompts(o)
    assert got["Những mặt tích cực"] == ("1", "longtext")
    assert got["Hạn chế"] == ("1", "longtext")
    assert got["Nguyên nhân"] == ("1", "longtext")
    assert "Đề xuất giải pháp cụ thể cho quý IV" in got


def test_a_contents_label_leads_clauses_whose_parts_share_what_closes_them():
    got = verb_clauses(
        "Nội dung sơ kết: Đánh giá việc thực hiện các chỉ tiêu về trồng rừng; đánh giá thuận lợi, khó khăn và "
        "nguyên nhân trong quá trình triển khai; tổng kết một số bài học kinh nghiệm trong chỉ đạo; đề xuất, kiến "
        "nghị cho giai đoạn sau"
    )
    assert [(a.prompt, a.help) for a in got] == [
        ("Đánh giá việc thực hiện các chỉ tiêu về trồng rừng", []),
        ("Thuận lợi", ["Trong quá trình triển khai"]),
        ("Khó khăn", ["Trong quá trình triển khai"]),
        ("Nguyên nhân", ["Trong quá trình triển khai"]),
        ("Bài học kinh nghiệm trong chỉ đạo", []),
        ("Đề xuất, kiến nghị cho giai đoạn sau", []),
    ]


def test_a_contents_label_over_a_statement_stays_as_it_was():
    assert verb_clauses("Nội dung báo cáo: xã đã hoàn thành các chỉ tiêu, kết quả tốt, được tỉnh khen.") == []


def test_a_news_sentence_naming_the_report_contents_after_gom_co_asks_each():
    from dialogs.importer.prose import prose_asks

    got = [
        a.prompt
        for a in prose_asks(
            "Quyết định quy định nội dung báo cáo gồm có: tình hình trồng rừng; công tác phòng cháy rừng; "
            "kinh phí cho bảo vệ rừng."
        )
    ]
    assert got == ["Tình hình trồng rừng", "Công tác phòng cháy rừng", "Kinh phí cho bảo vệ rừng"]
    # a sentence saying what a thing is made of asks nothing
    assert prose_asks("Đoàn kiểm tra gồm có: ông A, bà B.") == []


def test_a_sentence_asking_to_make_clear_the_contents_asks_each_thing():
    from dialogs.importer.verb_clauses import contents_clauses

    got = [
        a.prompt
        for a in contents_clauses(
            "Khi sơ kết cần đánh giá khách quan và làm rõ các nội dung về công tác tuyên truyền Nghị quyết; kết "
            "quả thực hiện các chỉ tiêu của Nghị quyết; làm rõ những kết quả đạt được, hạn chế, yếu kém, nguyên "
            "nhân, đề ra phương hướng, nhiệm vụ cho năm tới."
        )
    ]
    assert got == [
        "Công tác tuyên truyền Nghị quyết",
        "Kết quả thực hiện các chỉ tiêu của Nghị quyết",
        "Những kết quả đạt được",
        "Hạn chế, yếu kém",
        "Nguyên nhân",
        "Phương hướng, nhiệm vụ cho năm tới",
    ]
    assert contents_clauses("Hội nghị đã thảo luận các nội dung về công tác cán bộ.") == []


def test_lines_under_a_lead_ending_gom_ask_the_things_of_their_clauses():
    from dialogs.importer.verb_clauses import led_clauses

    lead = "Nội dung sơ kết cần tập trung đánh giá việc thi hành Luật Thú y gồm:"
    first = "Những khó khăn, vướng mắc về cơ chế, chính sách đối với công tác thú y ở địa phương;"
    second = "Làm rõ nguyên nhân, rút ra bài học kinh nghiệm trong chỉ đạo thực hiện Luật."
    assert [a.prompt for a in led_clauses([lead], first)] == [first.rstrip(";")]
    assert [a.prompt for a in led_clauses([lead, first], second)] == [
        "Nguyên nhân",
        "Bài học kinh nghiệm trong chỉ đạo thực hiện Luật",
    ]
    # no lead above: a news page's own sentence stays as it was
    assert led_clauses(["Sáng nay, Sở tổ chức hội nghị."], second) == []
    # under the lead, a line that is a statement of one clause asks nothing by this rule
    assert led_clauses([lead], "Luật được ban hành năm 2015 và có hiệu lực năm 2016.") == []


def test_a_request_for_the_result_and_the_parts_of_one_work_shares_the_work():
    from dialogs.importer.verb_clauses import shared_work

    got = [
        a.prompt
        for a in shared_work(
            "Sở Y tế đề nghị các bệnh viện báo cáo kết quả, nêu những hạn chế, tồn tại và kiến nghị trong quá "
            "trình triển khai Đề án bệnh viện vệ tinh do đơn vị chủ trì trong năm 2031 theo quy định tại Kế "
            "hoạch số 12/KH-SYT."
        )
    ]
    assert got == [
        "Kết quả thực hiện Đề án bệnh viện vệ tinh do đơn vị chủ trì trong năm 2031",
        "Những hạn chế, tồn tại trong quá trình triển khai",
        "Kiến nghị",
    ]
    # a request naming no parts of the work, or a result stated: nothing by this rule
    assert (
        shared_work("Sở Y tế đề nghị các bệnh viện báo cáo kết quả, gửi về Sở trước ngày 20/12/2031.") == []
    )
    assert shared_work("Năm 2031 các bệnh viện đã báo cáo kết quả, nêu những hạn chế và kiến nghị.") == []


def test_things_listed_after_a_label_are_asked_each_by_their_words():
    from dialogs.importer.guidance import labelled_list

    got = labelled_list(
        "Tình hình sạt lở: vị trí sạt lở; thời gian xảy ra; chiều dài đoạn bờ bị sạt (nếu có); loại công trình bị "
        "ảnh hưởng; mức độ ảnh hưởng đến dân cư."
    )
    assert [(a.prompt, a.type) for a in got] == [
        ("Vị trí sạt lở", "longtext"),
        ("Thời gian xảy ra", "date"),
        ("Chiều dài đoạn bờ bị sạt (nếu có)", "decimal"),
        ("Loại công trình bị ảnh hưởng", "text"),
        ("Mức độ ảnh hưởng đến dân cư", "longtext"),
    ]
    assert got[0].help == ["Tình hình sạt lở"]


def test_a_label_over_stated_facts_or_fields_is_no_list_of_asks():
    from dialogs.importer.guidance import labelled_list

    assert labelled_list("Kết quả: đã trồng 12 ha rừng; đã sửa 3 km đường; đã xây 2 trường.") == []
    assert labelled_list("Thành phần: Ông Nguyễn Văn A; Bà Trần Thị B; Ông Lê Văn C.") == []
    assert (
        labelled_list("Tình hình thiên tai: loại hình thiên tai; thời gian xuất hiện.") == []
    )  # two: no list


def test_a_letters_parts_about_the_report_itself_ask_nothing():
    o = imp(
        "CÔNG VĂN về việc báo cáo công tác văn hóa 9 tháng năm 2031\n\n"
        "1. Nội dung báo cáo\n\n" + REVIEW + "\n\n"
        "2. Hình thức và cơ cấu của báo cáo\n\nBáo cáo cần ngắn gọn; số liệu báo cáo tính đến hết ngày 31/8/2031.\n\n"
        "3. Phương thức và thời gian gửi báo cáo\n\nBáo cáo gửi về Sở bằng văn bản và thư điện tử.\n"
    )
    sections = {r.section_number for r in o.refs}
    assert sections == {"1"}
    # a heading about a work's form is the report's content, not its form
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\n\n1. Hình thức tuyên truyền\n\nNêu rõ các hình thức tuyên truyền đã áp dụng.\n"
    )
    assert [r.section_number for r in o.refs] == ["1"]


def test_the_result_of_each_movement_named_in_quotes_is_asked():
    from dialogs.importer.verb_clauses import named_results

    got = [
        a.prompt
        for a in named_results(
            "1. Đánh giá khách quan kết quả thực hiện phong trào “Xanh - Sạch - Đẹp”; cuộc vận động “Ngày thứ "
            "Bảy tình nguyện”, hoạt động “Tháng hành động vì môi trường” trong năm 2031 của Sở Tài nguyên."
        )
    ]
    assert got == [
        "Kết quả thực hiện phong trào “Xanh - Sạch - Đẹp”",
        "Kết quả cuộc vận động “Ngày thứ Bảy tình nguyện”",
        "Kết quả hoạt động “Tháng hành động vì môi trường” trong năm 2031",
    ]
    # two movements, or a list whose pieces are not named in quotes: nothing by this rule
    assert named_results("Đánh giá kết quả phong trào “A B C”; cuộc vận động “D E F”.") == []
    assert named_results("Đánh giá kết quả tuyên truyền, tập huấn, kiểm tra trong năm.") == []


def test_a_roman_number_with_a_dash_after_its_dot_is_a_heading():
    from dialogs.importer.structure import parse_marker

    assert parse_marker("II.- NỘI DUNG BÁO CÁO").no == "II."
    assert parse_marker("I. MỤC ĐÍCH").no == "I."
    assert parse_marker("I.-5 là mã số") is None  # no heading without a space after the dash


def test_a_letters_paragraph_asks_what_its_required_verbs_name():
    from dialogs.importer.verb_clauses import asked_in_paragraph

    got = [
        a.prompt
        for a in asked_in_paragraph(
            "Báo cáo cần ngắn gọn, có số liệu minh họa, kết hợp với báo cáo chuyên môn để đánh giá toàn diện các "
            "mặt công tác. Các trường tập trung đánh giá việc tổ chức phong trào thi đua dạy tốt trong năm học. "
            "Báo cáo phải chỉ ra được mức độ hoàn thành các chỉ tiêu thi đua đã đăng ký, nêu bật được các mặt "
            "nổi trội so với năm học trước, các mặt hạn chế còn tồn tại."
        )
    ]
    assert got == [
        "Việc tổ chức phong trào thi đua dạy tốt trong năm học",
        "Mức độ hoàn thành các chỉ tiêu thi đua đã đăng ký",
        "Các mặt nổi trội so với năm học trước",
        "Các mặt hạn chế còn tồn tại",
    ]


def test_a_paragraph_without_a_required_verb_or_an_item_led_by_its_verb_stays_as_it_was():
    from dialogs.importer.verb_clauses import asked_in_paragraph

    # a report's own sentences: the verbs are said of what was done, none required
    assert (
        asked_in_paragraph(
            "Trong năm học, nhà trường đã tổ chức nhiều hoạt động; Hội đồng thi đua đánh giá cao phong trào dạy "
            "tốt, các tổ chuyên môn làm rõ nhiều cách dạy mới và nêu rõ kết quả từng tháng trong sổ theo dõi."
        )
        == []
    )
    # an outline item led by its own verb is the older rules'
    assert (
        asked_in_paragraph(
            "Tổng kết đánh giá toàn diện việc thực hiện Chương trình phòng, chống tội phạm trong năm; trong đó "
            "tập trung đánh giá những kết quả đạt được từ khâu chỉ đạo đến tổ chức thực hiện ở cơ sở."
        )
        == []
    )


def test_a_number_written_with_a_slash_and_a_dash_is_a_heading():
    from dialogs.importer.structure import parse_marker

    assert parse_marker("1/- Tổng kết công tác thi đua").no == "1."
    assert parse_marker("1/2 số hộ đã đăng ký") is None
