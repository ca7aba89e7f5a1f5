"""A whole outline pasted as one paragraph (review r26 H): the name in capitals ends at the first Roman heading, and
a Roman heading in capitals run into its first item's sentence is a line of its own. Made-up documents."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.importer.structure import split_flattened

ONE_PARAGRAPH = (
    "ĐỀ CƯƠNG BÁO CÁO TÌNH HÌNH PHÒNG, CHỐNG DỊCH BỆNH GIA SÚC, GIA CẦM NĂM 2026 I. TÌNH HÌNH DỊCH BỆNH "
    "1. Số ổ dịch phát sinh: …… ổ dịch; số con mắc bệnh: …… con. 2. Nguyên nhân phát sinh dịch bệnh (nêu rõ "
    "từng loại bệnh). II. CÔNG TÁC TIÊM PHÒNG 1. Tổng số liều vắc xin đã tiêm: …… liều. 2. Kinh phí tiêm phòng: "
    "…… triệu đồng. III. KẾT QUẢ TIÊU ĐỘC KHỬ TRÙNG Số lít hóa chất đã dùng: …… lít. IV. ĐỀ XUẤT, KIẾN NGHỊ"
)


def _sections(text: str) -> list[dict]:
    return import_document(text.encode(), "mau.txt").data["sections"]


def test_title_ends_at_the_first_roman_heading() -> None:
    data = import_document(ONE_PARAGRAPH.encode(), "mau.txt").data
    assert len(data["title"]) < 120
    assert data["title"].lower().endswith("gia cầm năm 2026")
    assert [s["no"] for s in data["sections"]] == ["I.", "II.", "III.", "IV."]


def test_roman_heading_in_capitals_is_cut_from_the_sentence_it_ran_into() -> None:
    sections = _sections(ONE_PARAGRAPH)
    third = sections[2]
    assert third["title"] == "KẾT QUẢ TIÊU ĐỘC KHỬ TRÙNG"
    assert [q["prompt"] for q in third["items"]] == ["Số lít hóa chất đã dùng"]
    prompts = [q["prompt"] for s in sections for q in s.get("items", [])]
    assert not any("III." in p or "IV." in p for p in prompts)  # no prompt glued to the next heading


def test_heading_ending_in_a_capitalised_word_stays_whole() -> None:
    line = ONE_PARAGRAPH.replace("CÔNG TÁC TIÊM PHÒNG", "TIẾP NHẬN, XỬ LÝ ĐƠN")
    parts, _ = split_flattened([line])
    assert "II. TIẾP NHẬN, XỬ LÝ ĐƠN" in parts
