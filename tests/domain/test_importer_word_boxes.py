"""Word's own ways of drawing a form's boxes and blanks (review r28d, helper f28d): every rule on a made-up .docx
built here with python-docx and lxml — never copied from the corpus.

A box to tick typed in a symbol font (Wingdings 'o', U+F06F, U+F0A8), drawn by a box bullet or a legacy FORMCHECKBOX
field is a box; a blank to fill drawn as an underlined run of spaces or tabs, a FORMTEXT field, a content control
showing its placeholder or a positional tab with a dotted leader is a blank; a FORMDROPDOWN's entries are a choice."""

from __future__ import annotations

import io

import pytest
from docx import Document as DocxDocument
from docx.oxml import parse_xml

from dialogs.importer import import_document
from dialogs.importer.reading_docx import read_docx
from dialogs.loader import check_outline_text
from dialogs.outline import Outline

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def saved(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def asks(data: bytes) -> dict[str, tuple[str, str | None, list[str]]]:
    """prompt → (type, unit, options) of the draft imported from the Word file (which must pass the check)."""
    result = import_document(data, "phieu.docx")
    outline, problems = check_outline_text(result.yaml)
    assert not problems, problems
    return _asks(outline)


def _asks(o: Outline) -> dict[str, tuple[str, str | None, list[str]]]:
    return {r.question.prompt: (r.question.type, r.question.unit, [o.label for o in r.question.options or []]) for r in o.refs}


def lines(data: bytes) -> list[str]:
    return [b.text for b in read_docx(data).blocks if hasattr(b, "text")]


def symbol_box(p, char: str, font: str = "Wingdings") -> None:
    r = p.add_run(char)
    r.font.name = font


# --- boxes -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("char, font", [("\uf06f", "Wingdings"), ("\uf0a8", "Wingdings"), ("o", "Wingdings"),
                                        ("q", "Wingdings")])
def test_box_typed_in_a_symbol_font_is_a_box(char, font):
    d = DocxDocument()
    d.add_paragraph("PHIẾU KHẢO SÁT CƠ SỞ SẢN XUẤT")
    d.add_paragraph("1. Tên cơ sở: ……………")
    p = d.add_paragraph("2. Cơ sở đã tổ chức tập huấn an toàn lao động: ")
    symbol_box(p, char, font)
    p.add_run(" Đã tổ chức   ")
    symbol_box(p, char, font)
    p.add_run(" Chưa tổ chức")
    p = d.add_paragraph("3. Nguồn nước sử dụng: ")
    for opt in ("Nước máy", "Giếng khoan", "Nước mưa"):
        symbol_box(p, char, font)
        p.add_run(f" {opt}  ")
    got = asks(saved(d))
    choice = [v for v in got.values() if v[0] in ("choice", "yesno")]
    assert len(choice) == 2, got
    assert ["Nước máy", "Giếng khoan", "Nước mưa"] in [v[2] for v in choice]


def _box_bullets(d, glyph: str, font: str | None) -> int:
    """A bullet list definition whose bullet is `glyph` (in `font`); its numId."""
    numbering = d.part.numbering_part.element
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="bullet"/><w:lvlText w:val="{glyph}"/>{rpr}</w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    return 77


def _bulleted(d, text: str, num_id: int) -> None:
    p = d.add_paragraph(text)
    pr = p._p.get_or_add_pPr().get_or_add_numPr()
    pr.get_or_add_ilvl().val = 0
    pr.get_or_add_numId().val = num_id


@pytest.mark.parametrize("glyph, font", [("\uf06f", "Wingdings"), ("\uf0a8", "Wingdings"), ("q", "Wingdings"),
                                         ("□", None)])
def test_bullets_drawn_as_boxes_are_options(glyph, font):
    d = DocxDocument()
    d.add_paragraph("PHIẾU LẤY Ý KIẾN NGƯỜI DÂN")
    n = _box_bullets(d, glyph, font)
    d.add_paragraph("Câu 1. Ông/bà đánh giá thái độ phục vụ của cán bộ tiếp nhận hồ sơ thế nào?")
    for opt in ("Rất tốt", "Tốt", "Chưa tốt"):
        _bulleted(d, opt, n)
    d.add_paragraph("Câu 2. Ông/bà có phải đi lại nhiều lần để hoàn thiện hồ sơ không?")
    for opt in ("Có", "Không"):
        _bulleted(d, opt, n)
    got = asks(saved(d))
    assert not [p for p in got if p in ("Rất tốt", "Tốt", "Chưa tốt", "Có", "Không")], got  # no option asked alone
    assert ["Rất tốt", "Tốt", "Chưa tốt"] in [v[2] for v in got.values()]
    assert "yesno" in [v[0] for v in got.values()]


def test_a_plain_bullet_stays_a_bullet():
    d = DocxDocument()
    n = _box_bullets(d, "\uf0b7", "Symbol")
    d.add_paragraph("BÁO CÁO")
    _bulleted(d, "Số cuộc kiểm tra: …… cuộc", n)
    assert lines(saved(d))[-1].startswith("• Số cuộc")


def _legacy_field(p, ff: str, instr: str, result: str | None) -> None:
    xs = [f'<w:r {W_NS}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="F1"/><w:enabled/>{ff}</w:ffData>'
          f'</w:fldChar></w:r>', f'<w:r {W_NS}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>']
    if result is not None:
        xs += [f'<w:r {W_NS}><w:fldChar w:fldCharType="separate"/></w:r>',
               f'<w:r {W_NS}><w:t xml:space="preserve">{result}</w:t></w:r>']
    xs.append(f'<w:r {W_NS}><w:fldChar w:fldCharType="end"/></w:r>')
    for x in xs:
        p._p.append(parse_xml(x))


def text_field(p, result: str = "\u2002" * 5) -> None:
    _legacy_field(p, "<w:textInput/>", "FORMTEXT", result)


def check_field(p) -> None:
    _legacy_field(p, '<w:checkBox><w:sizeAuto/><w:default w:val="0"/></w:checkBox>', "FORMCHECKBOX", None)


def dropdown(p, entries: tuple[str, ...]) -> None:
    ff = "<w:ddList>" + "".join(f'<w:listEntry w:val="{e}"/>' for e in entries) + "</w:ddList>"
    _legacy_field(p, ff, "FORMDROPDOWN", entries[0])


def test_legacy_form_fields_are_boxes_blanks_and_choices():
    d = DocxDocument()
    d.add_paragraph("PHIẾU THÔNG TIN HỢP TÁC XÃ")
    p = d.add_paragraph("1. Tên hợp tác xã: ")
    text_field(p)
    p = d.add_paragraph("2. Lĩnh vực hoạt động: ")
    dropdown(p, ("Nông nghiệp", "Tiểu thủ công nghiệp", "Dịch vụ"))
    p = d.add_paragraph("3. Số thành viên: ")
    text_field(p)
    p.add_run(" người")
    p = d.add_paragraph("4. Hợp tác xã có trụ sở riêng không? ")
    check_field(p)
    p.add_run(" Có   ")
    check_field(p)
    p.add_run(" Không")
    p = d.add_paragraph("5. Vốn điều lệ: ")
    text_field(p, "     ")
    p.add_run(" triệu đồng")
    got = asks(saved(d))
    assert got["Lĩnh vực hoạt động"] == ("choice", None, ["Nông nghiệp", "Tiểu thủ công nghiệp", "Dịch vụ"])
    assert got["Số thành viên"][:2] == ("integer", "người")
    assert got["Vốn điều lệ"][:2] == ("money", "triệu đồng")
    assert [v[0] for p_, v in got.items() if p_.startswith("Hợp tác xã có trụ sở")] == ["yesno"]
    assert len(got) == 5, got


def test_content_control_check_boxes_stay_boxes():
    d = DocxDocument()
    d.add_paragraph("BIÊN BẢN KIỂM TRA")
    for label in ("Có sổ theo dõi nguồn gốc thực phẩm", "Có tủ lưu mẫu thức ăn"):
        p = d.add_paragraph(f"{label}: ")
        for word, mark in (("Có", "☐"), ("Không", "☒")):
            p._p.append(parse_xml(
                f'<w:sdt {W_NS} xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:sdtPr>'
                f'<w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r>'
                f'<w:t>{mark}</w:t></w:r></w:sdtContent></w:sdt>'))
            p.add_run(f" {word}   ")
    got = asks(saved(d))
    assert [v[0] for v in got.values()] == ["yesno", "yesno"], got


# --- blanks ----------------------------------------------------------------------------------------------------


def underlined(p, text: str) -> None:
    p.add_run(text).underline = True


def test_underlined_spaces_and_tabs_are_blanks():
    d = DocxDocument()
    d.add_paragraph("TỜ KHAI THÔNG TIN HỘ CHĂN NUÔI")
    p = d.add_paragraph("Họ và tên chủ hộ: ")
    underlined(p, " " * 30)
    p = d.add_paragraph("Tổng đàn lợn hiện có: ")
    underlined(p, " " * 12)
    p.add_run(" con")
    p = d.add_paragraph("Số lao động của hộ:")
    underlined(p, "\t")
    p.add_run(" người; trong đó lao động nữ:")
    underlined(p, "\t")
    p.add_run(" người")
    p = d.add_paragraph("Sản lượng thịt hơi xuất chuồng: ")
    underlined(p, "  ")
    underlined(p, "          ")  # a blank split over two runs
    p.add_run(" tấn")
    got = asks(saved(d))
    assert got["Tổng đàn lợn hiện có"][:2] == ("integer", "con")
    assert got["Số lao động của hộ"][:2] == ("integer", "người")
    assert [u for t, u, _ in got.values() if u == "người"] == ["người", "người"], got
    assert [u for t, u, _ in got.values() if u == "tấn"], got
    assert got["Họ và tên chủ hộ"][0] == "text"


def test_an_underlined_word_space_is_no_blank():
    d = DocxDocument()
    p = d.add_paragraph()
    underlined(p, "BÁO CÁO")
    underlined(p, " ")
    underlined(p, "KẾT QUẢ")
    assert lines(saved(d)) == ["BÁO CÁO KẾT QUẢ"]


def placeholder(p, text: str, date: bool = False) -> None:
    kind = '<w:date><w:dateFormat w:val="dd/MM/yyyy"/></w:date>' if date else "<w:text/>"
    p._p.append(parse_xml(
        f'<w:sdt {W_NS}><w:sdtPr><w:showingPlcHdr/>{kind}</w:sdtPr><w:sdtContent><w:r><w:rPr>'
        f'<w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>'))


@pytest.mark.parametrize("words", ["Bấm hoặc gõ vào đây để nhập văn bản.", "Click or tap here to enter text.",
                                   "Nhập số liệu"])
def test_a_content_control_showing_its_placeholder_is_a_blank(words):
    d = DocxDocument()
    d.add_paragraph("BIÊN BẢN KIỂM TRA CƠ SỞ")
    p = d.add_paragraph("Tên cơ sở: ")
    placeholder(p, words)
    p = d.add_paragraph("Ngày kiểm tra: ")
    placeholder(p, "Click or tap to enter a date.", date=True)
    p = d.add_paragraph("Số suất ăn phục vụ mỗi ngày: ")
    placeholder(p, words)
    p.add_run(" người")
    got = asks(saved(d))
    assert got["Số suất ăn phục vụ mỗi ngày"][:2] == ("integer", "người")
    assert got["Ngày kiểm tra"][0] == "date"
    assert not [p for p in got if words.rstrip(".") in p]


def test_word_placeholder_text_without_its_mark_is_a_blank():
    d = DocxDocument()
    p = d.add_paragraph("Số hộ được hỗ trợ: ")
    p.add_run("Click or tap here to enter text.")
    p.add_run(" hộ")
    p = d.add_paragraph("Số xã hoàn thành: ")
    p.add_run("Bấm hoặc gõ vào đây để nhập văn bản.")
    assert lines(saved(d)) == ["Số hộ được hỗ trợ: …… hộ", "Số xã hoàn thành: ……"]


@pytest.mark.parametrize("leader", ["dot", "underscore"])
def test_positional_tab_with_a_leader_is_a_blank(leader):
    d = DocxDocument()
    for label, unit in (("Kinh phí đã sử dụng:", "triệu đồng"), ("Số lượt người được khám:", "lượt")):
        p = d.add_paragraph(label)
        p._p.append(parse_xml(f'<w:r {W_NS}><w:ptab w:relativeTo="margin" w:alignment="right" '
                              f'w:leader="{leader}"/></w:r>'))
        p.add_run(unit)
    assert lines(saved(d)) == ["Kinh phí đã sử dụng:…… triệu đồng", "Số lượt người được khám:…… lượt"]


def test_several_boxes_to_tick_make_a_multichoice():
    d = DocxDocument()
    d.add_paragraph("PHIẾU KHẢO SÁT TRƯỜNG HỌC")
    n = _box_bullets(d, "\uf0a8", "Wingdings")
    for k, cue in enumerate(("(đánh dấu vào các ô phù hợp)", "(tích vào tất cả các phương án đúng)",
                             "(đánh dấu vào ô phù hợp)"), 1):
        d.add_paragraph(f"Câu {k}. Thiết bị dạy học nhà trường đang có {cue}")
        for opt in ("Máy chiếu", "Bảng tương tác", "Phòng máy tính"):
            _bulleted(d, opt, n)
    got = [v[0] for p, v in asks(saved(d)).items() if p.startswith("Thiết bị dạy học")]
    assert got == ["multichoice", "multichoice", "choice"], got


def test_an_enumeration_ending_in_an_ellipsis_is_no_blank():
    from tests.support.importing import imp

    d = DocxDocument()
    d.add_paragraph("TỜ KHAI HỘ TRỒNG TRỌT")
    p = d.add_paragraph("Cây trồng chính (lúa, ngô, khoai...): ")
    underlined(p, " " * 20)
    d.add_paragraph("Số lao động của hộ: …… người")
    assert "Cây trồng chính (lúa, ngô, khoai)" in asks(saved(d))
    o = imp("TỜ KHAI\nHọ và tên chủ hộ: ……\nVật nuôi chính (trâu, bò, lợn…): …………\nSố con: …… con\n")
    assert "Vật nuôi chính (trâu, bò, lợn)" in [r.question.prompt for r in o.refs]
