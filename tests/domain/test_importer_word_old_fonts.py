"""Old Vietnamese fonts in a Word file (review r28d, helper f28d): made-up .docx built here with python-docx.

The reader knows each run's font (its own, its style's, the document's default): a heading in an all-capitals TCVN3
font (.VnTimeH draws the lower-case codes as capitals) is read in capitals; once the runs in an old font read as
Vietnamese through its table, every run in that font is read through it — table cells too, and a VNI word that is
also a Unicode word ('bò' is 'bị' in VNI)."""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from docx.oxml.ns import qn

from dialogs.importer import import_document
from dialogs.importer.document import Grid
from dialogs.importer.reading_docx import read_docx
from dialogs.loader import check_outline_text

TCVN3 = dict(zip("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
                 "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ", strict=True))
VNI = {"ố": "oá", "ộ": "oä", "ư": "ö", "ờ": "ôø", "ị": "ò", "đ": "ñ", "ồ": "oà", "ả": "aû", "ệ": "eä", "ạ": "aï",
       "ấ": "aá", "ế": "eá", "ơ": "ô", "ứ": "öù", "ổ": "oå", "ợ": "ôï", "ặ": "aë", "á": "aù", "ừ": "öø", "à": "aø",
       "Đ": "Ñ", "ủ": "uû", "ớ": "ôù", "ỹ": "yõ", "ẫ": "aã", "ậ": "aä", "ể": "eå", "ă": "aê", "ầ": "aà", "ó": "où", "Ó": "OÙ"}


def tcvn3(text: str) -> str:
    return "".join(TCVN3.get(c, c) for c in text.lower())


def vni(text: str) -> str:
    return "".join(VNI.get(c, c) for c in text)


def in_font(d, font: str) -> None:
    style = d.styles["Normal"]
    style.font.name = font
    style.element.rPr.rFonts.set(qn("w:hAnsi"), font)


def saved(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def texts(data: bytes) -> list[str]:
    return [b.text for b in read_docx(data).blocks if not isinstance(b, Grid)]


def test_a_heading_in_an_all_capitals_tcvn3_font_is_read_in_capitals():
    d = DocxDocument()
    in_font(d, ".VnTime")
    for heading, items in (("I. Kết quả thực hiện", ["1. Số hộ được hỗ trợ: …… hộ", "2. Kinh phí hỗ trợ: …… triệu đồng"]),
                           ("II. Khó khăn và đề xuất", ["1. Khó khăn, vướng mắc"])):
        d.add_paragraph().add_run(tcvn3(heading)).font.name = ".VnTimeH"
        for item in items:
            d.add_paragraph(tcvn3(item))
    lines = texts(saved(d))
    assert lines[0] == "I. KẾT QUẢ THỰC HIỆN"
    assert lines[3] == "II. KHÓ KHĂN VÀ ĐỀ XUẤT"
    assert lines[1] == "1. số hộ được hỗ trợ: …… hộ"


def test_a_heading_in_word_all_caps_is_read_in_capitals():
    d = DocxDocument()
    r = d.add_paragraph().add_run("i. tình hình chung")
    r.font.all_caps = True
    d.add_paragraph("1. Số xã đạt chuẩn: …… xã")
    assert texts(saved(d))[0] == "I. TÌNH HÌNH CHUNG"


def _vni_document() -> bytes:
    d = DocxDocument()
    in_font(d, "VNI-Times")
    d.add_paragraph(vni("BÁO CÁO TÌNH HÌNH ĐƯỜNG GIAO THÔNG NÔNG THÔN"))
    d.add_paragraph(vni("1. Số người bị thương: …… người"))
    d.add_paragraph(vni("2. Kết quả thực hiện theo loại đường:"))
    t = d.add_table(rows=3, cols=2)
    for r, row in enumerate([["Loại đường", "Số km được cứng hóa"], ["Đường trục xã", ""], ["Tổng cộng", ""]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = vni(text)
    return saved(d)


def test_vni_runs_are_read_in_cells_too():
    doc = read_docx(_vni_document())
    grid = next(b for b in doc.blocks if isinstance(b, Grid))
    assert [t for t, _ in grid.cells[0]] == ["Loại đường", "Số km được cứng hóa"]
    assert grid.cells[2][0][0] == "Tổng cộng"
    assert "1. Số người bị thương: …… người" in texts(_vni_document())
    assert doc.old_font == "VNI"


def test_the_old_font_is_named_among_the_unsure_points():
    result = import_document(_vni_document(), "bao-cao.docx")
    outline, problems = check_outline_text(result.yaml)
    assert not problems
    assert any("VNI" in n["message"] for n in result.notes)
    table = next(r.question for r in outline.refs if r.question.type == "table")
    assert [row.label for row in table.table.rows][-1] == "Tổng cộng"


def test_unicode_text_left_in_an_old_font_stays():
    d = DocxDocument()
    in_font(d, "VNI-Times")
    d.add_paragraph("Số hộ có bò sữa: …… hộ")
    d.add_paragraph("Tên cơ sở: ……")
    assert texts(saved(d)) == ["Số hộ có bò sữa: …… hộ", "Tên cơ sở: ……"]


def _table_labels(text: str) -> tuple[list[str], list[str]]:
    from tests.support.importing import imp

    table = next(r.question.table for r in imp(text).refs if r.question.type == "table")
    return [c.label for c in table.columns], [r.label for r in table.rows]


def test_cells_of_a_text_in_an_old_font_are_read_as_its_lines():
    lines = ["BÁO CÁO KẾT QUẢ XỬ LÝ VI PHẠM GIAO THÔNG", "1. Số vụ tai nạn giao thông: …… vụ",
             "2. Số người bị thương: …… người", "3. Kết quả xử lý vi phạm:"]
    rows = [["Lĩnh vực", "Số trường hợp vi phạm", "Tiền phạt (triệu đồng)"], ["Đường bộ", "", ""],
            ["Tổng cộng", "", ""]]
    for enc in (vni, tcvn3):
        text = "\n".join([enc(x) for x in lines] + ["\t".join(enc(c) for c in r) for r in rows]) + "\n"
        cols, got = _table_labels(text)
        assert [c.lower() for c in cols] == ["số trường hợp vi phạm", "tiền phạt (triệu đồng)"], (enc, cols)
        assert [r.lower() for r in got] == ["đường bộ", "tổng cộng"], (enc, got)
