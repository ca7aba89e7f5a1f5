"""Broken fonts (review r26 G): VNI and TCVN3 text read as Latin-1, and a PDF's dropped letters repaired only when
the context tells the reading. Made-up documents."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.importer.old_fonts import repair_old_fonts
from dialogs.importer.repair import repair_lines
from dialogs.importer.syllables import load_syllables
from dialogs.importer.vni_font import decode_word, repair_vni


def _import(text: str):
    return import_document(text.encode(), "mau.txt")


def _items(data: dict) -> list[dict]:
    out = []
    for s in data["sections"]:
        out += s.get("items", [])
        for sub in s.get("sections", []):
            out += sub.get("items", [])
    return out


VNI_FORM = """BAÙO CAÙO
Keát quaû coâng taùc phoøng, choáng luõ luït quyù II naêm 2026
1. Soá hoä daân phaûi di dôøi: …… hoä
2. Kinh phí hoã trôï ngöôøi daân: …… trieäu ñoàng
3. Ñaùnh giaù chung vaø ñeà xuaát.
"""


def test_vni_words_are_read_again() -> None:
    assert decode_word("Soá") == "Số"
    assert decode_word("BAÙO") == "BÁO"
    assert decode_word("ñoàng") == "đồng"
    assert decode_word("ngöôøi") == "người"
    assert decode_word("naêm") == "năm"
    syl = load_syllables()
    assert repair_vni("Soá hoä daân phaûi di dôøi: …… hoä", syl, known=False) == "Số hộ dân phải di dời: …… hộ"


def test_unicode_text_is_never_read_as_vni() -> None:
    lines = ["Số hộ dân được hỗ trợ: …… hộ", "Công tác phòng, chống thiên tai; tổng số người tham gia …… người",
             "Toán học, Ngữ văn: điểm trung bình …… điểm"]
    assert repair_old_fonts(lines) == (lines, None)
    syl = load_syllables()
    # a valid Unicode syllable without the font's trace stays, even in a VNI line ('công' is never 'cơng')
    assert "công" in repair_vni("công taùc phoøng choáng", syl, known=True)


def test_vni_document_gets_its_title_period_and_units() -> None:
    res = _import(VNI_FORM)
    data = res.data
    assert data["title"].startswith("Báo cáo kết quả công tác phòng, chống lũ lụt quý II")
    assert data["period"]["kind"] == "quarterly"
    asks = {q["prompt"]: q for q in _items(data)}
    assert asks["Số hộ dân phải di dời"]["unit"] == "hộ"
    assert asks["Kinh phí hỗ trợ người dân"]["unit"] == "triệu đồng"
    assert any("VNI" in n["message"] for n in res.notes)


TCVN3_FORM = """UBND X· T¢N PHó
B¸O C¸O
KÕt qu¶ c«ng t¸c tiªm chñng quý III n¨m 2026
1. Sè trÎ em ®­îc tiªm ®ñ mòi: …… trÎ
2. §¸nh gi¸ kÕt qu¶, khã kh¨n vµ ®Ò xuÊt.
"""


def test_tcvn3_title_lines_are_read_again_once_the_document_is_tcvn3() -> None:
    lines, font = repair_old_fonts(TCVN3_FORM.splitlines())
    assert font == "TCVN3"
    assert lines[1] == "BÁO CÁO"
    assert "TÂN PHÚ" in lines[0]
    data = _import(TCVN3_FORM).data
    assert data["title"].startswith("Báo cáo kết quả công tác tiêm chủng quý III")
    assert data["period"]["kind"] == "quarterly"


def test_tcvn3_text_is_not_read_as_vni() -> None:
    # 'tö' is 'tử' in TCVN3 and would be 'tư' in VNI: the font that reads more words wins
    lines, font = repair_old_fonts(["Tæng sè ca tö vong do sèt xuÊt huyÕt: …… ca", "Sè bÖnh nh©n tö vong: …… ng­êi"])
    assert font == "TCVN3"
    assert lines[0].startswith("Tổng số ca tử vong")


def test_pdf_repair_follows_the_neighbours_or_leaves_the_word() -> None:
    damaged = ["Kết quả thực hiện cơng tác dân vận ở cơ sở trong năm", "Đánh giá khái qt những kết quả đạt được",
               "Những tồn tại, hạn chế và ngun nhân", "Phương hướng, nhiệm vụ cơng tác năm sau"]
    fixed, report = repair_lines(damaged)
    assert report.damaged
    assert "khái quyết" not in fixed[1]  # never a reading its neighbours do not go with
    assert fixed[1].startswith("Đánh giá khái quát") or "qt" in fixed[1]
    assert "công tác" in fixed[0]
