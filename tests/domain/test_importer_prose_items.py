"""Report outlines whose items ask in prose (issue 21: one question per thing asked, not one catch-all), on made-up
text: the parts of a report named in one item, shared objects, causes of what came before, and the lines that must
stay one question."""

from __future__ import annotations

from dialogs.importer.forms import is_filled_answer, written_answer
from dialogs.importer.prose_items import (
    clause_items,
    example_help,
    figure_list,
    heading_figures,
    led_line,
    lettered_items,
    listed_line,
    part_asks,
    same_part_joined,
    shared_object,
)
from dialogs.importer.questions import asks_from_text
from dialogs.importer.tidy import not_an_ask
from tests.support.importing import imp, prompts


def _p(asks):
    return [(a.prompt, a.type) for a in asks]


def test_the_parts_of_a_report_named_in_one_item_are_one_question_each():
    got = _p(
        part_asks(
            "Kết quả thực hiện công tác phòng cháy; ưu điểm, tồn tại, khó khăn, vướng mắc, nguyên nhân "
            "và bài học kinh nghiệm trong tổ chức thực hiện;"
        )
    )
    assert got == [
        ("Kết quả thực hiện công tác phòng cháy", "longtext"),
        ("Ưu điểm", "longtext"),
        ("Tồn tại", "longtext"),
        ("Khó khăn, vướng mắc", "longtext"),
        ("Nguyên nhân", "longtext"),
        ("Bài học kinh nghiệm trong tổ chức thực hiện", "longtext"),
    ]


def test_words_meaning_one_thing_stay_one_question():
    got = _p(
        part_asks("Dự báo tình hình thời gian tới; dự kiến nhiệm vụ trọng tâm năm sau và đề xuất, kiến nghị.")
    )
    assert got == [
        ("Dự báo tình hình thời gian tới", "longtext"),
        ("Dự kiến nhiệm vụ trọng tâm năm sau", "longtext"),
        ("Đề xuất, kiến nghị", "longtext"),
    ]


def test_a_situation_and_its_figures_share_their_object_and_a_cause_names_what_came_before():
    got = _p(part_asks("Tình hình, số liệu các vụ cháy rừng; nguyên nhân và việc khắc phục hậu quả"))
    assert got == [
        ("Tình hình các vụ cháy rừng", "longtext"),
        ("Số liệu các vụ cháy rừng", "integer"),
        ("Nguyên nhân các vụ cháy rừng", "longtext"),
        ("Việc khắc phục hậu quả", "longtext"),
    ]


def test_a_list_inside_an_object_is_not_split():
    # the shortfalls are what is being resolved; the solutions are what is proposed; the tasks are counted
    assert (
        part_asks("Việc chỉ đạo khắc phục, giải quyết những khó khăn, vướng mắc, hạn chế của kỳ trước") == []
    )
    assert part_asks("Đề xuất các nội dung cấp thiết, giải pháp cụ thể phù hợp với tình hình, nhiệm vụ") == []
    assert (
        part_asks("Số lượng quy trình, hồ sơ, nhiệm vụ phân cấp, phân quyền mang lại kết quả thực chất") == []
    )
    assert (
        part_asks("Nêu rõ nội dung đề xuất, kiến nghị, chủ thể được đề xuất, kiến nghị; kết quả đạt được")
        == []
    )


def test_two_parts_or_parts_of_one_object_stay_one_question():
    assert part_asks("Hạn chế, nguyên nhân") == []
    assert part_asks("Những tồn tại, hạn chế và nguyên nhân của việc triển khai các nhiệm vụ được giao") == []
    assert len(part_asks("Khó khăn, vướng mắc; đề xuất, kiến nghị")) == 2  # two clauses: two things


def test_one_part_in_passing_or_a_form_line_is_left_alone():
    assert part_asks("Kết quả triển khai các chương trình giáo dục pháp luật trong trường học") == []
    assert part_asks("Đánh giá chung và đề xuất, kiến nghị") == []  # one heading the writers keep whole
    assert part_asks("Số vụ cháy: ……… vụ; nguyên nhân: ………") == []
    assert part_asks("Hạn chế, nguyên nhân?") == []


def test_an_outline_item_becomes_its_questions_in_its_section():
    o = imp(
        "BÁO CÁO CÔNG TÁC PHÒNG CHÁY\n2. Nội dung báo cáo\n"
        "a) Phân tích, đánh giá tình hình liên quan đến công tác phòng cháy;\n"
        "b) Kết quả thực hiện công tác phòng cháy; ưu điểm, hạn chế, nguyên nhân và bài học kinh nghiệm;\n"
    )
    got = prompts(o)
    for p in (
        "Kết quả thực hiện công tác phòng cháy",
        "Ưu điểm",
        "Hạn chế",
        "Nguyên nhân",
        "Bài học kinh nghiệm",
    ):
        assert p in got and got[p][1] == "longtext", (p, got)
    assert "Phân tích, đánh giá tình hình liên quan đến công tác phòng cháy" in got


def test_figures_named_after_a_label_are_numbers_each_and_the_words_a_written_question():
    got = _p(
        figure_list(
            "Kết quả tập huấn: Số lớp đã mở, tỷ lệ học viên đạt yêu cầu, thay đổi về kỹ năng của học viên "
            "sau khóa học,…"
        )
    )
    assert got == [
        ("Kết quả tập huấn", "longtext"),
        ("Số lớp đã mở", "integer"),
        ("Tỷ lệ học viên đạt yêu cầu", "percent"),
        ("Thay đổi về kỹ năng của học viên sau khóa học", "longtext"),
    ]


def test_measures_listed_in_a_parenthesis_are_decimals_and_the_rest_one_written_question():
    got = _p(
        figure_list(
            "Tình hình chăn nuôi của xã (bao gồm sản lượng thịt hơi, năng suất sữa, số con giống mới, tình hình "
            "dịch bệnh, tiêm phòng, thời tiết ảnh hưởng đến đàn vật nuôi)"
        )
    )
    assert got == [
        ("Tình hình chăn nuôi của xã", "longtext"),
        ("Sản lượng thịt hơi", "decimal"),
        ("Năng suất sữa", "decimal"),
        ("Số con giống mới", "integer"),
        ("Tình hình dịch bệnh, tiêm phòng, thời tiết ảnh hưởng đến đàn vật nuôi", "longtext"),
    ]


def test_a_count_and_a_manner_asked_together_leave_the_count_to_the_figures_named():
    got = _p(
        figure_list(
            "Số lượng và hình thức các buổi sinh hoạt: Ví dụ như số buổi nói chuyện, số lượt người dự,…"
        )
    )
    assert got[0] == ("Hình thức các buổi sinh hoạt", "longtext")
    assert [t for _, t in got[1:]] == ["integer", "integer"]


def test_examples_without_figures_or_a_question_are_no_figure_list():
    assert figure_list("Đối tượng tham gia: Phân loại theo độ tuổi, ngành nghề, địa bàn cư trú,…") == []
    assert figure_list("Kết quả: số lớp đã mở") == []  # one figure after two words: the line's own question
    assert _p(figure_list("Công tác bảo hiểm y tế: tỷ lệ học sinh tham gia bảo hiểm y tế.")) == [
        ("Công tác bảo hiểm y tế", "longtext"),
        ("Tỷ lệ học sinh tham gia bảo hiểm y tế", "percent"),
    ]
    assert figure_list("Bao nhiêu người tham gia: số nam, số nữ?") == []


def test_an_item_asking_in_clauses_gives_each_clause_and_each_thing_named_after_nêu_rõ():
    got = _p(
        clause_items(
            "Đánh giá kết quả kiểm tra an toàn thực phẩm, nêu rõ số cơ sở được kiểm tra, những tồn tại, nguyên "
            "nhân; đề xuất biện pháp xử lý."
        )
    )
    assert got == [
        ("Đánh giá kết quả kiểm tra an toàn thực phẩm", "longtext"),
        ("Số cơ sở được kiểm tra", "integer"),
        ("Những tồn tại", "longtext"),
        ("Nguyên nhân", "longtext"),
        ("Đề xuất biện pháp xử lý", "longtext"),
    ]


def test_an_evaluation_naming_the_parts_of_a_report_asks_each_part():
    got = _p(clause_items("Đánh giá những ưu điểm, hạn chế và nguyên nhân."))
    assert got == [("Những ưu điểm", "longtext"), ("Hạn chế", "longtext"), ("Nguyên nhân", "longtext")]


def test_clauses_that_name_nothing_apart_stay_one_ask():
    # long clauses joined by ';' with nothing named after 'nêu rõ': the writers keep them whole
    assert (
        clause_items(
            "Đánh giá diễn biến các thông số; so sánh, đánh giá diễn biến theo từng tháng; xác định nguyên nhân"
        )
        == []
    )
    assert (
        clause_items("Phân tích những khó khăn, bất cập trong quá trình thực hiện") == []
    )  # one pair, one thing
    assert (
        clause_items("Nêu rõ số lượng tin, bài; tài liệu; sách") == []
    )  # not an evaluation: the counts' own rule
    assert clause_items("Đánh giá chung kết quả thực hiện của các đơn vị, đề xuất kiến nghị") == []


def test_figure_bullets_under_a_heading_are_asks_not_a_copied_answer():
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\n1. Tổ chức bộ máy\n"
        "- Tổng số cơ quan, đơn vị; số đơn vị đã sắp xếp, tỷ lệ giảm so với đầu kỳ.\n"
        "2. Công tác khác\n- Đánh giá công tác khác.\n"
    )
    got = prompts(o)
    assert got.get("Tổng số cơ quan, đơn vị", ("", ""))[1] == "integer", got
    assert got.get("Số đơn vị đã sắp xếp", ("", ""))[1] == "integer", got
    assert got.get("Tỷ lệ giảm so với đầu kỳ", ("", ""))[1] == "percent", got
    assert "Tổ chức bộ máy" not in got  # the heading is a section, not the one question left of a lost answer


def test_a_copied_answer_with_stated_figures_is_still_an_answer():
    assert is_filled_answer(
        [
            "Trong năm, đơn vị đã sắp xếp 12 phòng, ban, giảm 15% so với đầu kỳ, bảo đảm tinh gọn, hoạt động hiệu quả."
        ]
    )
    assert not is_filled_answer(
        ["Số đơn vị đã sắp xếp trong năm theo đề án của tỉnh và các văn bản hướng dẫn"]
    )


def test_short_things_joined_by_semicolons_are_one_question_each_a_dash_no_word():
    got = [
        a.prompt
        for a in asks_from_text(
            "Đặc điểm về dân cư; hệ thống giao thông; tình hình kinh tế, văn hóa – xã hội."
        )
    ]
    assert got == ["Đặc điểm về dân cư", "Hệ thống giao thông", "Tình hình kinh tế, văn hóa – xã hội"]
    long = "Tình hình triển khai; kết quả thực hiện các nhiệm vụ được giao tại các cơ quan, đơn vị và địa phương trên địa bàn"
    assert len(asks_from_text(long)) == 1  # a long clause: one written question


def test_items_lettered_inside_one_line_are_asked_each_with_its_type():
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\nI. KẾT QUẢ\n1. Cải cách thủ tục hành chính\n"
        "Báo cáo các nội dung sau: a) số thủ tục hành chính được rà soát; b) tỷ lệ hồ sơ giải quyết đúng hạn; "
        "c) những khó khăn, vướng mắc.\n2. Công tác khác\n- Đánh giá công tác khác.\n"
    )
    got = prompts(o)
    assert got.get("Số thủ tục hành chính được rà soát", ("", ""))[1] == "integer", got
    assert got.get("Tỷ lệ hồ sơ giải quyết đúng hạn", ("", ""))[1] == "percent", got
    assert got.get("Những khó khăn, vướng mắc", ("", ""))[1] == "longtext", got
    assert not any(p.startswith("Báo cáo các nội dung sau") for p in got)


def test_letters_out_of_order_or_inside_a_sentence_are_no_list():
    assert lettered_items("Số xã đạt chuẩn (theo tiêu chí a) và b) của Quyết định)") == []
    assert lettered_items("Nội dung: b) kết quả; c) hạn chế") == []  # not from 'a'
    assert lettered_items("Kết quả đạt được a) tốt; b) chưa tốt") == []  # no ':' before the first letter
    assert lettered_items("Nội dung: a) kết quả chung") == []  # one item


def test_figures_named_after_nêu_rõ_in_a_numbered_line_are_asked_not_kept_as_help():
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\nI. TÌNH HÌNH VÀ KẾT QUẢ\n"
        "1. Kết quả thực hiện: Nêu rõ tổng số cuộc kiểm tra, số cuộc phát hiện sai phạm, tỷ lệ thu hồi tài sản.\n"
        "2. Tổng số vụ việc tiếp nhận trong kỳ; số vụ đã giải quyết, tỷ lệ giải quyết.\n"
    )
    got = prompts(o)
    assert got.get("Tổng số cuộc kiểm tra", ("", ""))[1] == "integer", got
    assert got.get("Số cuộc phát hiện sai phạm", ("", ""))[1] == "integer", got
    assert got.get("Tỷ lệ thu hồi tài sản", ("", ""))[1] == "percent", got
    assert got.get("Tỷ lệ giải quyết", ("", ""))[1] == "percent", got  # a rate, never 'Tổng số tỷ lệ …'


def test_parts_listed_under_a_shortfalls_heading_are_asks_and_sentences_there_an_answer():
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\nI. KẾT QUẢ\n- Đánh giá kết quả chung.\nII. TỒN TẠI, HẠN CHẾ\n"
        "- Những tồn tại, hạn chế và nguyên nhân.\n- Khó khăn, vướng mắc; đề xuất, kiến nghị.\n"
    )
    got = prompts(o)
    for p in ("Những tồn tại, hạn chế và nguyên nhân", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"):
        assert got.get(p, ("", ""))[1] == "longtext", (p, got)

    answer = ["Hạn chế trong công tác tuyên truyền còn hình thức, chưa sâu rộng.", "Kinh phí còn thiếu."]
    assert written_answer("Hạn chế", answer, [])


def test_a_prose_text_listing_its_contents_on_the_next_line_asks_each_and_keeps_a_plan_whole():
    o = imp(
        "Báo cáo tổng kết công tác của hội\n\n"
        "Báo cáo tổng kết là văn bản hội soạn vào cuối năm, nhằm tổng kết hoạt động với các nội dung về:\n\n"
        "Công tác tuyên truyền giáo dục hội viên, Phát triển hội viên mới, Công tác kiểm tra, giám sát, "
        "Hoạt động xã hội từ thiện, Đánh giá chung và đề xuất, kiến nghị….\n\n"
        "Trong báo cáo cần nêu được những việc đã làm được, đồng thời đề ra được phương hướng, chỉ tiêu, nhiệm vụ "
        "công tác trong năm tới.\n"
    )
    got = prompts(o)
    for p in (
        "Công tác tuyên truyền giáo dục hội viên",
        "Phát triển hội viên mới",
        "Công tác kiểm tra, giám sát",
        "Hoạt động xã hội từ thiện",
        "Đánh giá chung",
        "Đề xuất, kiến nghị",
        "Phương hướng, chỉ tiêu, nhiệm vụ công tác trong năm tới",
    ):
        assert got.get(p, ("", ""))[1] == "longtext", (p, got)


def test_a_line_of_capitalised_names_without_a_lead_is_no_list_of_contents():
    names = "Hà Nội, Hải Phòng, Đà Nẵng, Cần Thơ"
    assert listed_line("Đoàn đã đến làm việc tại các tỉnh.", names) == []
    assert listed_line("Các nội dung về:", "Công tác tuyên truyền, Công tác kiểm tra") == []  # two: no list
    assert same_part_joined(["Kết quả thực hiện", "kết quả kiểm tra"]) == [
        "Kết quả thực hiện",
        "kết quả kiểm tra",
    ]


def test_a_report_whose_own_name_names_a_party_body_is_laid_out_as_the_partys():
    text = (
        "Báo cáo tổng kết công tác Đảng của chi bộ thôn Đông năm nay\n\n"
        "Báo cáo là văn bản tổng kết hoạt động với các nội dung về:\n\n"
        "Công tác chính trị tư tưởng, Công tác xây dựng chi bộ, Công tác kiểm tra, giám sát.\n"
    )
    assert imp(text).layout == "party"
    assert (
        imp(text.replace("công tác Đảng của chi bộ thôn Đông", "công tác của Ban quản lý thôn Đông")).layout
        == "state"
    )


def test_a_bullet_glyph_read_as_a_digit_and_a_leading_báo_cáo_về_are_no_part_of_the_prompt():
    o = imp(
        "NỘI DUNG BÁO CÁO CỦA TỔ KHUYẾN NÔNG\nI. Nội dung báo cáo gồm những phần gì?\n"
        "Báo cáo của tổ gửi lên cấp trên có thể gồm các nội dung sau đây:\n"
        "9 Báo cáo về tình hình chăn nuôi của thôn trong kỳ\n9 Báo cáo về các lớp tập huấn đã tổ chức tại thôn\n"
        "II. Kiến nghị\n- Báo cáo về kết quả.\n- 9 tổ đã họp đủ.\n"
    )
    got = prompts(o)
    assert "Tình hình chăn nuôi của thôn trong kỳ" in got, got
    assert "Các lớp tập huấn đã tổ chức tại thôn" in got, got
    assert "Báo cáo về kết quả" in got  # two words after 'về': the words stay as written
    assert not any(p.startswith("Tổ đã họp") for p in got)  # a figure before one line is no glyph


def test_a_figure_asked_in_guidance_is_a_question_and_other_guidance_stays_help():
    got = [
        (a.prompt, a.type)
        for a in asks_from_text("Việc ban hành kế hoạch kiểm tra (nêu cụ thể số lượng kế hoạch đã ban hành).")
    ]
    assert got == [
        ("Việc ban hành kế hoạch kiểm tra", "longtext"),
        ("Số lượng kế hoạch đã ban hành", "integer"),
    ]
    got = asks_from_text(
        "Việc ban hành kế hoạch kiểm tra (nêu cụ thể cơ quan chủ trì và thời gian thực hiện)."
    )
    assert [a.prompt for a in got] == ["Việc ban hành kế hoạch kiểm tra"]
    assert got[0].help and "cơ quan chủ trì" in got[0].help[0]


def test_a_report_clause_with_figures_apart_and_a_manner_named_with_a_count():
    got = _p(
        clause_items(
            "Báo cáo kết quả hòa giải ở cơ sở; số vụ việc hòa giải thành; những kiến nghị của nhân dân."
        )
    )
    assert got == [
        ("Kết quả hòa giải ở cơ sở", "longtext"),
        ("Số vụ việc hòa giải thành", "integer"),
        ("Những kiến nghị của nhân dân", "longtext"),
    ]
    got = _p(
        clause_items(
            "Nêu rõ hình thức, số lượng các buổi tập huấn, số lượt người tham gia; đánh giá hiệu quả."
        )
    )
    assert got[:3] == [
        ("Hình thức các buổi tập huấn", "longtext"),
        ("Số lượng các buổi tập huấn", "integer"),
        ("Số lượt người tham gia", "integer"),
    ]
    assert (
        clause_items("Nêu rõ số lượng tin, bài; tài liệu; sách; số người tham gia") == []
    )  # the counts' own rule


def test_advantages_and_shortfalls_listed_in_one_line_are_asked_each():
    got = _p(part_asks("Thuận lợi, khó khăn, tồn tại, hạn chế và nguyên nhân."))
    assert got == [
        ("Thuận lợi", "longtext"),
        ("Khó khăn", "longtext"),
        ("Tồn tại, hạn chế", "longtext"),
        ("Nguyên nhân", "longtext"),
    ]
    assert part_asks("Thuận lợi và khó khăn") == []  # two things: the heading the writers keep whole


def test_examples_after_ví_dụ_are_the_help_of_the_label_they_follow():
    got = example_help(
        "Kết quả triển khai các mô hình: Ví dụ như mô hình tổ hòa giải kiểu mẫu, câu lạc bộ pháp luật,…"
    )
    assert [(a.prompt, a.type, a.help) for a in got] == [
        (
            "Kết quả triển khai các mô hình",
            "longtext",
            ["Ví dụ: mô hình tổ hòa giải kiểu mẫu, câu lạc bộ pháp luật"],
        )
    ]
    assert example_help("Kết quả triển khai các mô hình: mô hình tổ hòa giải kiểu mẫu") == []  # no 'Ví dụ'
    assert example_help("Ví dụ: mô hình tổ hòa giải") == []  # no label before it


def test_a_count_and_a_quality_of_the_same_things_are_two_questions():
    assert _p(shared_object("Số lượng, chất lượng đội ngũ y tế thôn bản.")) == [
        ("Số lượng đội ngũ y tế thôn bản", "integer"),
        ("Chất lượng đội ngũ y tế thôn bản", "longtext"),
    ]
    assert (
        shared_object("Tình hình, chất lượng hoạt động của tổ") == []
    )  # nothing counted: one written question
    assert shared_object("Số lượng, chất lượng: …… người") == []  # a form's blank


def test_parts_of_a_total_and_counts_in_short_clauses_are_asked_each():
    got = [
        (a.prompt, a.type)
        for a in asks_from_text("Kết quả tuyển sinh: tổng số học viên mới, trong đó số học viên nữ.")
    ]
    assert got == [
        ("Kết quả tuyển sinh", "longtext"),
        ("Tổng số học viên mới", "integer"),
        ("Số học viên nữ", "integer"),
    ]
    got = [
        (a.prompt, a.type)
        for a in asks_from_text("Tình hình dịch bệnh; số ca mắc, số ca tử vong; biện pháp phòng chống.")
    ]
    assert got == [
        ("Tình hình dịch bệnh", "longtext"),
        ("Số ca mắc", "integer"),
        ("Số ca tử vong", "integer"),
        ("Biện pháp phòng chống", "longtext"),
    ]


def test_things_named_after_nêu_rõ_in_the_plural_are_parted_at_their_commas():
    got = _p(
        clause_items(
            "Đánh giá kết quả thực hiện kế hoạch, nêu rõ những việc đã làm được, những việc chưa làm được."
        )
    )
    assert got == [
        ("Đánh giá kết quả thực hiện kế hoạch", "longtext"),
        ("Những việc đã làm được", "longtext"),
        ("Những việc chưa làm được", "longtext"),
    ]


def test_figures_after_a_label_may_be_parted_by_semicolons_and_carry_their_unit():
    got = [
        (a.prompt, a.type)
        for a in figure_list(
            "Công tác kiểm tra: số cuộc kiểm tra, giám sát; số đảng viên được kiểm tra; kết quả xử lý."
        )
    ]
    assert got == [
        ("Công tác kiểm tra", "longtext"),
        ("Số cuộc kiểm tra, giám sát", "integer"),
        ("Số đảng viên được kiểm tra", "integer"),
        ("Kết quả xử lý", "longtext"),
    ]
    got = _p(figure_list("Kết quả thu ngân sách xã: tổng thu, tổng kinh phí chi thường xuyên (triệu đồng)."))
    assert got == [
        ("Kết quả thu ngân sách xã", "longtext"),
        ("Tổng thu", "money"),
        ("Tổng kinh phí chi thường xuyên (triệu đồng)", "money"),
    ]


def test_a_situation_then_its_figures_and_a_shortfall_then_a_proposal_are_asked_apart():
    got = _p(
        clause_items(
            "Tình hình trật tự an toàn giao thông; số vụ tai nạn, số người chết, số người bị thương."
        )
    )
    assert got == [
        ("Tình hình trật tự an toàn giao thông", "longtext"),
        ("Số vụ tai nạn", "integer"),
        ("Số người chết", "integer"),
        ("Số người bị thương", "integer"),
    ]
    got = _p(clause_items("Nêu những khó khăn trong quá trình triển khai và đề xuất giải pháp tháo gỡ."))
    assert got == [
        ("Nêu những khó khăn trong quá trình triển khai", "longtext"),
        ("Đề xuất giải pháp tháo gỡ", "longtext"),
    ]
    # a label before ':' leads guidance of its own; 'đề xuất, kiến nghị' named in a list is no second clause
    assert (
        clause_items("Công tác kiểm tra: nêu rõ việc có hay không ban hành kế hoạch; tổng số cuộc kiểm tra")
        == []
    )
    assert clause_items("Nêu rõ nội dung đề xuất, kiến nghị, chủ thể được đề xuất và kiến nghị khác") == []
    assert clause_items("Tình hình triển khai; kết quả thực hiện các nhiệm vụ trọng tâm") == []


def test_measures_and_income_named_after_a_label_are_numbers():
    got = _p(
        figure_list(
            "Lãnh đạo phát triển kinh tế: tổng diện tích gieo trồng, sản lượng lương thực, thu nhập bình quân đầu người."
        )
    )
    assert got == [
        ("Lãnh đạo phát triển kinh tế", "longtext"),
        ("Tổng diện tích gieo trồng", "decimal"),
        ("Sản lượng lương thực", "decimal"),
        ("Thu nhập bình quân đầu người", "money"),
    ]
    assert (
        figure_list("Lãnh đạo phát triển kinh tế: thu nhập của người dân ổn định, đời sống được cải thiện")
        == []
    )


def test_a_result_item_naming_what_to_state_after_nêu_rõ_asks_each():
    got = _p(
        clause_items(
            "Kết quả thực hiện nhiệm vụ năm học, nêu rõ những kết quả nổi bật, hạn chế và nguyên nhân."
        )
    )
    assert got == [
        ("Kết quả thực hiện nhiệm vụ năm học", "longtext"),
        ("Những kết quả nổi bật", "longtext"),
        ("Hạn chế", "longtext"),
        ("Nguyên nhân", "longtext"),
    ]
    assert (
        clause_items("Kết quả thực hiện nhiệm vụ năm học, những kết quả nổi bật") == []
    )  # nothing asks apart


def test_a_guide_in_prose_asks_what_it_says_a_report_must_state_not_one_catch_all():
    o = imp(
        "Hướng dẫn viết báo cáo tháng của chi hội\n"
        "Báo cáo của chi hội trưởng cần nêu rõ tình hình hoạt động của chi hội, số hội viên và số hội viên mới kết "
        "nạp trong tháng, kết quả thu hội phí, những kiến nghị của hội viên.\n"
    )
    got = prompts(o)
    assert got.get("Tình hình hoạt động của chi hội", ("", ""))[1] == "longtext", got
    assert got.get("Số hội viên và số hội viên mới kết nạp trong tháng", ("", ""))[1] == "integer", got
    assert got.get("Kết quả thu hội phí", ("", ""))[1] == "longtext", got
    assert got.get("Những kiến nghị của hội viên", ("", ""))[1] == "longtext", got
    assert "Nội dung báo cáo" not in got


def test_lines_under_a_lead_are_asked_one_each_and_the_closing_sentence_is_not():
    o = imp(
        "Hướng dẫn viết báo cáo tháng của chi hội\n\n"
        "Hằng tháng, chi hội trưởng gửi báo cáo về hội cấp xã. Báo cáo gồm các nội dung sau:\n\n"
        "Tình hình hoạt động của chi hội\nSố hội viên, số hội viên mới kết nạp\nNhững kiến nghị của hội viên\n\n"
        "Báo cáo gửi trước ngày 25 hằng tháng.\n"
    )
    got = prompts(o)
    assert got.get("Tình hình hoạt động của chi hội", ("", ""))[1] == "longtext", got
    assert got.get("Số hội viên", ("", ""))[1] == "integer", got
    assert got.get("Số hội viên mới kết nạp", ("", ""))[1] == "integer", got
    assert got.get("Những kiến nghị của hội viên", ("", ""))[1] == "longtext", got

    assert led_line(["Đoàn đã làm việc tại các thôn."], "Thôn Đông") == []  # no lead above: no ask


def test_figures_named_in_a_heading_over_bullets_are_asked_and_the_label_titles_the_section():
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\n"
        "1. Công tác tuyên truyền, nêu rõ số buổi tuyên truyền, số lượt người tham dự\n"
        "- Hình thức tuyên truyền.\n- Đánh giá hiệu quả.\n"
        "2. Công tác tập huấn (nêu rõ số lớp, số học viên)\n- Nội dung tập huấn.\n"
        "3. Công tác kiểm tra\n- Kết quả kiểm tra.\n"
    )
    got = prompts(o)
    for p in ("Số buổi tuyên truyền", "Số lượt người tham dự", "Số lớp", "Số học viên"):
        assert got.get(p, ("", ""))[1] == "integer", (p, got)
    assert got["Hình thức tuyên truyền"][0] == got["Số buổi tuyên truyền"][0] == "I.1"
    assert (
        "Kết quả kiểm tra" in got and "Công tác kiểm tra" not in got
    )  # a heading naming no figure asks nothing

    assert heading_figures("Công tác tuyên truyền, nêu rõ số buổi tuyên truyền, số lượt người tham dự")[
        0
    ] == ("Công tác tuyên truyền")
    assert heading_figures("Công tác kiểm tra, giám sát") is None


def test_a_count_and_a_rate_of_the_same_things_are_two_figures():
    assert _p(shared_object("Số và tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng")) == [
        ("Số trẻ em dưới 5 tuổi suy dinh dưỡng", "integer"),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "percent"),
    ]
    assert shared_object("Tỷ lệ và cơ cấu lao động theo ngành") == []  # no count among them


def test_figures_after_a_situation_in_one_sentence_are_asked_apart_but_not_inside_a_note():
    got = _p(
        clause_items(
            "Tình hình kiểm tra an toàn thực phẩm, số lượng cơ sở được kiểm tra, tỷ lệ cơ sở vi phạm."
        )
    )
    assert got == [
        ("Tình hình kiểm tra an toàn thực phẩm", "longtext"),
        ("Số lượng cơ sở được kiểm tra", "integer"),
        ("Tỷ lệ cơ sở vi phạm", "percent"),
    ]
    note = "Báo cáo khái quát đặc điểm của địa phương (quy mô, đặc điểm, số lượng tổ chức đảng, đảng viên)"
    assert clause_items(note) == []
    got = _p(
        clause_items("Đánh giá kết quả hỗ trợ nhà ở, nêu rõ số nhà đã hỗ trợ, tổng số kinh phí đã huy động.")
    )
    assert ("Tổng số kinh phí đã huy động", "money") in got


def test_a_documents_number_and_date_in_a_note_are_no_figures():
    assert figure_list("Việc ban hành quy chế của xã (ghi rõ số, ngày tháng năm ban hành văn bản)") == []
    assert figure_list("Công tác tập huấn (nêu rõ số lớp, số học viên)") != []


def test_links_under_a_see_also_lead_on_a_web_page_are_no_asks():
    before = ["Mẫu báo cáo tháng của chi hội.", "Xem thêm các bài viết sau:"]
    assert led_line(before, "Mẫu biên bản họp chi hội mới nhất") == []
    assert listed_line("Xem thêm các bài viết sau:", "Mẫu biên bản, Mẫu đơn xin nghỉ, Mẫu giấy mời họp") == []
    assert led_line(["Báo cáo gồm các nội dung sau:"], "Tình hình hoạt động của chi hội") != []


def test_a_plans_words_after_an_object_are_more_of_that_object():
    got = _p(
        part_asks("Kết quả thực hiện các chỉ tiêu, nhiệm vụ trong năm; những chỉ tiêu chưa đạt, nguyên nhân.")
    )
    assert got[0] == ("Kết quả thực hiện các chỉ tiêu, nhiệm vụ trong năm", "longtext")
    assert got[-1] == ("Nguyên nhân", "longtext") and len(got) == 3


def test_a_statement_of_a_copied_report_is_not_split_into_asks():
    assert part_asks("Ưu điểm, hạn chế, nguyên nhân đã được Ban Chấp hành phân tích kỹ tại hội nghị.") == []

    assert (
        clause_items("Tình hình trật tự ổn định; số vụ tai nạn giảm, nguyên nhân chủ yếu do ý thức người dân")
        == []
    )


def test_figures_after_a_bullets_label_are_asks_not_a_value_filled_in():
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\nI. KẾT QUẢ\n"
        "- Công tác tuyên truyền: hình thức, số lượng tin, bài, số buổi tuyên truyền.\n"
        "+ Phát triển thư viện: số thư viện cấp xã, tổng số bản sách.\n"
        "- Phía Đông giáp: Đất ruộng bậc thang.\n"
    )
    got = prompts(o)
    assert got.get("Hình thức công tác tuyên truyền", ("", ""))[1] == "longtext", got
    assert got.get("Số lượng tin, bài", ("", ""))[1] == "integer", got
    assert got.get("Số buổi tuyên truyền", ("", ""))[1] == "integer", got
    assert got.get("Số thư viện cấp xã", ("", ""))[1] == "integer", got
    assert got.get("Tổng số bản sách", ("", ""))[1] == "integer", got
    assert got.get("Phía Đông giáp", ("", ""))[1] == "text", got  # a value one unit filled in stays a field


def test_a_law_pages_gazette_particulars_are_no_asks():
    assert not_an_ask("Ngày công báo") and not_an_ask("Số công báo")
    assert not_an_ask("Số công văn đã ban hành") is None


def test_two_parts_after_an_asking_verb_stay_one_ask():
    assert clause_items("Nêu những khó khăn, vướng mắc và nguyên nhân.") == []
    assert len(clause_items("Nêu những ưu điểm, khó khăn, vướng mắc và nguyên nhân.")) == 3


def test_and_so_on_at_the_end_and_parts_after_figures_keep_their_kinds():
    got = [(a.prompt, a.type) for a in asks_from_text("Ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm…")]
    assert got == [
        ("Ưu điểm", "longtext"),
        ("Hạn chế", "longtext"),
        ("Nguyên nhân", "longtext"),
        ("Bài học kinh nghiệm", "longtext"),
    ]
    got = [
        (a.prompt, a.type)
        for a in asks_from_text("Kết quả tuyển sinh: tổng số học sinh, những hạn chế, nguyên nhân")
    ]
    assert got == [
        ("Kết quả tuyển sinh", "longtext"),
        ("Tổng số học sinh", "integer"),
        ("Những hạn chế", "longtext"),
        ("Nguyên nhân", "longtext"),
    ]
    assert [a.type for a in asks_from_text("Số hộ: ……")] == ["integer"]  # a blank is no 'and so on'
