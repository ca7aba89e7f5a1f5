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
