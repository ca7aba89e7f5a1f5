"""Flat numbered forms (review r26 I): a number's section is titled without the line's blanks. Made-up forms."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.importer.section_titles import blank_free_title

FLAT_FORM = """PHIẾU BÁO CÁO
Tình hình cấp nước sinh hoạt nông thôn
1. Tổng chiều dài đường ống đã lắp đặt: …… km
2. Số trạm bơm đang vận hành: …… trạm; số hộ được cấp nước: …… hộ
3. Tình hình quản lý, vận hành công trình: số công trình hoạt động bền vững …… công trình
4. Những khó khăn, vướng mắc và đề xuất
"""


def test_flat_form_sections_carry_no_blanks() -> None:
    sections = import_document(FLAT_FORM.encode(), "mau.txt").data["sections"]
    titles = [s["title"] for s in sections]
    assert not any("…" in t for t in titles)
    assert "Tổng chiều dài đường ống đã lắp đặt" in titles
    assert "Số trạm bơm đang vận hành; số hộ được cấp nước" in titles
    assert "Tình hình quản lý, vận hành công trình" in titles


def test_title_without_a_blank_stays() -> None:
    sec = {"title": "Những khó khăn, vướng mắc và đề xuất", "items": [{"prompt": "Khó khăn", "type": "longtext"}]}
    blank_free_title(sec)
    assert sec["title"] == "Những khó khăn, vướng mắc và đề xuất"


def test_title_of_prompts_that_keep_their_blanks_is_cut_at_the_label() -> None:
    sec = {"title": "Kết quả tuyển quân: số thanh niên nhập ngũ …… người",
           "items": [{"prompt": "Số thanh niên nhập ngũ …… người", "type": "integer"}]}
    blank_free_title(sec)
    assert sec["title"] == "Kết quả tuyển quân"
