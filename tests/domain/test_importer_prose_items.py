"""Report outlines whose items ask in prose (issue 21: one question per thing asked, not one catch-all), on made-up
text: the parts of a report named in one item, shared objects, causes of what came before, and the lines that must
stay one question."""

from __future__ import annotations

from dialogs.importer.prose_items import part_asks
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
    from dialogs.importer.prose_items import figure_list

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
    from dialogs.importer.prose_items import figure_list

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
    from dialogs.importer.prose_items import figure_list

    got = _p(
        figure_list(
            "Số lượng và hình thức các buổi sinh hoạt: Ví dụ như số buổi nói chuyện, số lượt người dự,…"
        )
    )
    assert got[0] == ("Hình thức các buổi sinh hoạt", "longtext")
    assert [t for _, t in got[1:]] == ["integer", "integer"]


def test_examples_without_figures_or_a_question_are_no_figure_list():
    from dialogs.importer.prose_items import figure_list

    assert figure_list("Đối tượng tham gia: Phân loại theo độ tuổi, ngành nghề, địa bàn cư trú,…") == []
    assert figure_list("Kết quả: số lớp đã mở") == []  # one figure: the line's own question
    assert figure_list("Bao nhiêu người tham gia: số nam, số nữ?") == []
