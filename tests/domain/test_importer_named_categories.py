"""Made-up items for finding C of review r26: a label whose colon or parenthesis names only assessment categories
('Đánh giá chung: nêu rõ những kết quả đạt được, tồn tại, hạn chế và nguyên nhân') asks one written question per
category group (in parentheses they only detail the label's one ask); anything else after the colon is left to the
other rules."""

from __future__ import annotations

from dialogs.importer.named_categories import labelled_categories
from tests.support.importing import imp


def _p(text: str) -> list[str]:
    return [a.prompt for a in labelled_categories(text)]


def test_categories_after_a_colon_and_a_leading_verb() -> None:
    assert _p("Nhận xét chung: làm rõ những ưu điểm, khuyết điểm và nguyên nhân.") == [
        "Ưu điểm", "Khuyết điểm", "Nguyên nhân"]
    assert _p("Đánh giá chung: nêu rõ những kết quả đạt được, tồn tại, hạn chế và nguyên nhân.") == [
        "Kết quả đạt được", "Tồn tại, hạn chế", "Nguyên nhân"]


def test_categories_in_parentheses_detail_the_labels_one_ask() -> None:
    assert _p("Tự đánh giá (thuận lợi, khó khăn, bài học kinh nghiệm).") == []


def test_other_words_after_the_colon_are_not_categories() -> None:
    assert _p("Tình hình dịch bệnh: số ca mắc, số ca tử vong") == []
    assert _p("Kết quả: tổ chức 5 lớp tập huấn, kế hoạch năm sau") == []
    assert _p("Đánh giá chung: nêu rõ hạn chế") == []  # one thing: the item as it is


def test_an_outline_item_asks_each_category() -> None:
    o = imp("ĐỀ CƯƠNG BÁO CÁO\nCông tác phòng chống thiên tai năm 2026\n1. Tình hình thiên tai.\n"
            "2. Nhận xét chung: làm rõ những kết quả đạt được, khó khăn, vướng mắc và nguyên nhân.\n")
    p = {r.question.prompt: r.section_number for r in o.refs}
    assert p["Kết quả đạt được"] == "2"
    assert p["Khó khăn, vướng mắc"] == "2"
    assert p["Nguyên nhân"] == "2"


def test_figures_named_in_a_prose_asks_parenthesis_are_asked_as_numbers() -> None:
    o = imp("HƯỚNG DẪN\nNội dung báo cáo công tác dân số năm 2026\nCác xã báo cáo theo các nội dung sau: tình hình "
            "sinh đẻ (số trẻ sinh ra trong năm, trong đó số trẻ là con thứ ba trở lên); công tác truyền thông dân số; "
            "đánh giá những khó khăn, vướng mắc và đề xuất giải pháp.\n")
    t = {r.question.prompt: r.question.type for r in o.refs}
    assert t["Tình hình sinh đẻ"] == "longtext"
    assert t["Số trẻ sinh ra trong năm"] == "integer"
    assert t["Số trẻ là con thứ ba trở lên"] == "integer"


def test_a_verb_before_the_first_listed_figure_is_no_part_of_it() -> None:
    from dialogs.importer.field_lines import listed_fields

    got = listed_fields("Tình hình cháy rừng: báo cáo đầy đủ số vụ cháy, số ha bị cháy, số người bị thương; "
                        "so sánh với cùng kỳ")
    assert got and got[0].prompt == "Số vụ cháy" and got[0].type == "integer"
