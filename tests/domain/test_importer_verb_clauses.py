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
