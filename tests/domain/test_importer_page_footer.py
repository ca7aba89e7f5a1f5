"""A printed page's running footer with its number on one line ('Đề cương báo cáo … Trang 1/3') between two items
(review r27): dropped, the item above keeps its own ask (never a section over the footer); an item whose guidance
names figures ('(nêu rõ số …, tỷ lệ)') asks its account first, then the figures."""

from __future__ import annotations

from tests.support.importing import imp


def _asks(o) -> list[tuple[str, str]]:
    return [(r.question.prompt, r.question.type) for r in o.refs]


HEAD = "ĐỀ CƯƠNG\nBáo cáo công tác giáo dục nghề nghiệp năm 2026\nI. KẾT QUẢ\n"


def test_a_footer_with_its_page_number_between_items_goes() -> None:
    text = (
        HEAD + "1. Số người được đào tạo nghề: …… người\n2. Tổng kinh phí hỗ trợ đào tạo (triệu đồng).\n"
        "Đề cương báo cáo công tác giáo dục nghề nghiệp           Trang 1/3\n"
        "3. Số người có việc làm sau đào tạo: …… người\nII. KIẾN NGHỊ\n"
    )
    asks = _asks(imp(text))
    assert ("Tổng kinh phí hỗ trợ đào tạo (triệu đồng)", "money") in asks
    assert not any("Trang" in p for p, _ in asks)
    assert ("Số người có việc làm sau đào tạo", "integer") in asks


def test_the_same_footer_on_each_page_goes_even_when_the_name_says_other_words() -> None:
    text = (
        HEAD + "1. Số người được đào tạo nghề: …… người\nSở LĐTBXH - mẫu dùng chung   Trang 1/2\n"
        "2. Số cơ sở đào tạo nghề: …… cơ sở\nSở LĐTBXH - mẫu dùng chung   Trang 2/2\n"
    )
    asks = _asks(imp(text))
    assert [p for p, _ in asks] == ["Số người được đào tạo nghề", "Số cơ sở đào tạo nghề"]


def test_a_line_of_the_outline_ending_with_a_page_word_stays() -> None:
    text = HEAD + "1. Kết quả thực hiện nhiệm vụ nêu tại trang 5\n2. Số người được đào tạo nghề: …… người\n"
    asks = _asks(imp(text))
    assert any(p.startswith("Kết quả thực hiện nhiệm vụ") for p, _ in asks)


def test_guided_figures_keep_the_items_own_account() -> None:
    text = (
        HEAD
        + "1. Công tác tuyển sinh; việc hỗ trợ học phí cho học viên (nêu rõ số học viên được hỗ trợ, tỷ lệ).\n"
        "II. KIẾN NGHỊ\n"
    )
    asks = _asks(imp(text))
    assert asks[:3] == [
        ("Công tác tuyển sinh; việc hỗ trợ học phí cho học viên", "longtext"),
        ("Số học viên được hỗ trợ", "integer"),
        ("Tỷ lệ", "percent"),
    ]


def test_figures_in_plain_parentheses_still_make_a_section() -> None:
    o = imp(HEAD + "1. Tai nạn lao động (số vụ, số người chết, số người bị thương).\nII. KIẾN NGHỊ\n")
    assert [p for p, _ in _asks(o)][:3] == ["Số vụ", "Số người chết", "Số người bị thương"]
