"""Outlines nobody wrote the importer for (tests/data/unseen): the draft an administrator gets, per format."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from dialogs.importer import DocumentError, draft_outline, import_document
from dialogs.outline import Outline
from tests.support.unseen_docx import build_docx

UNSEEN = Path(__file__).parent.parent / "data" / "unseen"


def _txt(name: str) -> Outline:
    return draft_outline(import_document(UNSEEN / f"{name}.txt"))


def _docx(name: str) -> Outline:
    return draft_outline(import_document(build_docx((UNSEEN / f"{name}.txt").read_text(encoding="utf-8")),
                                         f"{name}.docx"))


def _q(o: Outline, prompt: str):
    for r in o.refs:
        if r.question.prompt == prompt:
            return r.question
    raise AssertionError(f"no question {prompt!r}: {[r.question.prompt for r in o.refs]}")


def _shape(o: Outline) -> list[tuple[str, str, str | None]]:
    return [(r.question.prompt, r.question.type, r.question.unit) for r in o.refs]


@pytest.mark.parametrize("read", [_txt, _docx])
def test_quarterly_digital_transformation_report(read):
    o = read("cds_quy")
    assert o.title == "Báo cáo kết quả thực hiện chuyển đổi số quý ... năm 2026"
    assert o.period.kind == "quarterly"
    assert [s.no for s in o.sections] == ["I.", "II.", "III.", "IV.", ""]
    assert [s.no for s in o.sections[0].items] == ["1.", "2.", "3.", "4."]
    q = _q(o, "Tổng số máy tính đang sử dụng")  # ': … máy' is the unit, not part of the prompt
    assert (q.type, q.unit) == ("integer", "máy")
    assert _q(o, "Số máy tính đã cài phần mềm phòng, chống mã độc có bản quyền").unit == "máy"
    assert _q(o, "Đơn vị đã kiện toàn Ban Chỉ đạo chuyển đổi số chưa?").type == "yesno"
    assert _q(o, "Tình trạng đường truyền mạng chuyên dùng").help == "Nêu rõ tốc độ, mức độ ổn định."
    t = o.tables[0].table
    # 'Đơn vị tính' is the form's own information, not a column to fill (issue 21)
    assert [(c.group, c.label, c.type) for c in t.columns] == [
        (None, "Kế hoạch năm", "integer"), ("Thực hiện", "Trong quý", "integer"),
        ("Thực hiện", "Lũy kế từ đầu năm", "integer"), (None, "Tỷ lệ so với kế hoạch (%)", "percent")]
    assert [r.label for r in t.rows] == ["Hồ sơ tiếp nhận trực tuyến", "Hồ sơ được số hóa kết quả",
                                         "Văn bản điện tử gửi, nhận trên hệ thống", "Cuộc họp trực tuyến", "Tổng cộng"]
    assert t.rows[-1].kind == "total"


@pytest.mark.parametrize("read", [_txt, _docx])
def test_half_year_complaints_report_counts_money_and_yes_no(read):
    o = read("kntc_6thang")
    assert o.title.startswith("Báo cáo công tác tiếp công dân")
    assert o.period.kind == "half_yearly" and o.period.previous_label == "6 tháng trước"  # "6 tháng đầu năm"
    assert [s.no for s in o.sections] == ["A.", "B.", "C.", "D.", ""]
    shape = _shape(o)
    for ask in [("Tổng số lượt tiếp", "integer", "lượt"), ("Số người được tiếp", "integer", "người"),
                ("Số vụ việc tiếp lần đầu", "integer", "vụ việc"), ("Số vụ việc tiếp nhiều lần", "integer", "vụ việc"),
                ("Số kỳ tiếp định kỳ của Chủ tịch Ủy ban nhân dân", "integer", "kỳ"),
                ("Tổng số đơn tiếp nhận trong kỳ", "integer", "đơn"),
                ("Kiến nghị thu hồi cho Nhà nước", "money", "triệu đồng"),
                ("Trả lại cho công dân", "money", "triệu đồng"), ("Tỷ lệ giải quyết (%)", "percent", "%"),
                ("Chế độ bồi dưỡng đối với người làm công tác tiếp công dân đã được chi trả đầy đủ chưa?", "yesno",
                 None)]:
        assert ask in shape
    kinh_phi = o.sections[0].items[3]
    assert (kinh_phi.no, kinh_phi.title) == ("IV.", "KINH PHÍ")
    assert [q.prompt for q in kinh_phi.items][0].startswith("Kinh phí bảo đảm")  # the heading asks nothing itself
    prompts = {p for p, _, _ in shape}
    assert not prompts & {"Tổng số lượt tiếp lượt", "Số vụ việc vụ việc", "Số kỳ tiếp định kỳ của Chủ tịch Ủy ban nhân dân kỳ"}
    t = o.tables[0].table
    assert [(c.group, c.label) for c in t.columns][:4] == [
        ("Tiếp thường xuyên", "Lượt"), ("Tiếp thường xuyên", "Vụ việc"),
        ("Tiếp định kỳ và đột xuất của lãnh đạo", "Lượt"), ("Tiếp định kỳ và đột xuất của lãnh đạo", "Vụ việc")]
    assert [r.label for r in t.rows][-1] == "Tổng cộng (I+II)"


@pytest.mark.parametrize("read", [_txt, _docx])
def test_thematic_report_lists_documents_and_star_counts(read):
    o = read("ocop_chuyende")
    assert o.title.startswith("Báo cáo chuyên đề: Kết quả thực hiện Chương trình")
    assert "ghi \"không\"" in (o.note or "") and all(r.question.none_ok for r in o.refs)
    docs = _q(o, "Văn bản đã ban hành (ghi rõ số, ngày tháng năm ban hành)")  # the parenthesis after 'đã … chưa?'
    assert docs.type == "documents"
    fairs = _q(o, "Liệt kê các hội chợ, triển lãm đã tham gia")
    assert [f.label for f in fairs.fields] == ["Tên", "Thời gian", "Kết quả"]
    ocop = _q(o, "Liệt kê các sản phẩm OCOP tiêu biểu")
    assert [f.label for f in ocop.fields] == ["Tên sản phẩm", "Chủ thể", "Thời gian công nhận", "Kết quả đánh giá"]
    for star in ("3", "4", "5"):
        q = _q(o, f"Số sản phẩm {star} sao")
        assert (q.type, q.unit) == ("integer", "sản phẩm")
    assert _q(o, "Tồn tại, hạn chế").help.startswith("Nêu rõ những khó khăn")
    assert _q(o, "Địa phương có bố trí cán bộ theo dõi Chương trình OCOP không?").type == "yesno"


@pytest.mark.parametrize("read", [_txt, _docx])
def test_parts_paren_letters_and_measured_blanks(read):
    o = read("thientai")
    assert [(s.no, s.title) for s in o.sections] == [
        ("Phần I", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), ("Phần II", "ĐÁNH GIÁ CHUNG"),
        ("Phần III", "NHIỆM VỤ, GIẢI PHÁP NĂM 2027")]
    damage = o.sections[0].items[1]
    assert [(s.no, s.title) for s in damage.items] == [("(a)", "Về người"), ("(b)", "Về tài sản")]
    area = _q(o, "Diện tích lúa, hoa màu bị thiệt hại")
    assert (area.type, area.unit) == ("decimal", "ha")
    assert _q(o, "Ước tổng giá trị thiệt hại").type == "money"
    assert _q(o, "Số lượng lực lượng xung kích phòng, chống thiên tai").unit == "người"
    assert [q.prompt for q in o.sections[2].items] == ["NHIỆM VỤ, GIẢI PHÁP NĂM 2027"]


def test_bare_part_line_takes_its_title_from_the_next_line():
    o = draft_outline(import_document("ĐỀ CƯƠNG\nPhần I\nKẾT QUẢ\n(1) Tổng số cuộc: … cuộc\nPHẦN THỨ HAI: KIẾN NGHỊ\n"
                                      .encode(), "p.txt"))
    assert [(s.no, s.title) for s in o.sections] == [("Phần I", "KẾT QUẢ"), ("Phần thứ hai", "KIẾN NGHỊ")]


def test_damaged_pdf_keeps_the_questions_of_the_text():
    result = import_document(UNSEEN / "kntc_6thang_hong.pdf")
    assert result.repairs["sớ → số"] >= 5 and result.repairs["đờng → đồng"] >= 1  # tone kept: not 'đông'
    got = {p for p, _, _ in _shape(draft_outline(result))}
    want = {p for p, _, _ in _shape(_txt("kntc_6thang"))}
    assert len(got & want) >= 0.9 * (len(want) - 1)  # the text's Biểu is not in the PDF
    assert "Tổng số lượt tiếp" in got  # '1. Tiếp công dân thường xuyên' was not joined with the line below


def test_flattened_outline_gives_the_same_questions():
    flat = import_document(UNSEEN / "ocop_chuyende_phang.txt")
    assert flat.stats["flattened_lines"] == 1
    assert _shape(draft_outline(flat)) == _shape(_txt("ocop_chuyende"))


@pytest.mark.parametrize("name", ["ocop_chuyende", "cds_quy"])
def test_flattened_outline_keeps_the_title_subtitle_and_id(name: str):
    """The heading, the report's name and '(Kèm theo …)' share the one line of a flattened preamble."""
    flat, whole = draft_outline(import_document(UNSEEN / f"{name}_phang.txt")), _txt(name)
    assert (flat.id, flat.title, flat.subtitle) == (whole.id, whole.title, whole.subtitle)
    assert not flat.title.isupper() and name not in flat.title  # not the file name


def _empty_docx() -> bytes:
    buf = io.BytesIO()
    Document().save(buf)
    return buf.getvalue()


def _zip_of_csv() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("bang.csv", "a,b\n1,2\n")
    return buf.getvalue()


@pytest.mark.parametrize(("data", "name", "words"), [
    (_empty_docx(), "trong.docx", "không có chữ nào"),
    (_zip_of_csv(), "nen.docx", "không phải văn bản Word"),
    (bytes(range(256)) * 20, "nhiphan.txt", "không phải văn bản"),
    (b"", "rong.pdf", "Tệp rỗng"),
])
def test_bad_files_are_refused_in_vietnamese(data: bytes, name: str, words: str):
    with pytest.raises(DocumentError, match=words):
        import_document(data, name)


def test_notepad_unicode_text_is_read():
    data = "ĐỀ CƯƠNG\nI. KẾT QUẢ\n1. Tổng số hồ sơ: … hồ sơ\n".encode("utf-16")
    o = draft_outline(import_document(data, "notepad.txt"))
    assert _shape(o) == [("Tổng số hồ sơ", "integer", "hồ sơ")]


def _windows_1258(text: str) -> bytes:
    """``text`` as old Windows Notepad saved Vietnamese (code page 1258): precomposed letters where the code page
    has them, the tone mark as a combining character after the letter otherwise."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


def test_a_windows_1258_text_reads_as_its_utf8_twin():
    text = (UNSEEN / "kntc_6thang.txt").read_text(encoding="utf-8")
    data = _windows_1258(text)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert import_document(data, "kntc.txt").yaml == import_document(text.encode(), "kntc.txt").yaml


def test_an_old_8_bit_vietnamese_font_text_is_refused_with_what_to_do():
    # TCVN3 (ABC) bytes of «Báo cáo tình hình thực hiện nhiệm vụ năm 2026 / 1. Tổng số nhiệm vụ»: not Unicode,
    # and not Windows-1258 either (read so, its words carry almost no Vietnamese letters)
    data = ("B\xb8o c\xb8o t\xd5nh h\xd8nh th\xf8c hi\xd6n nhi\xd6m v\xf4 n\xa8m 2026\n"
            "1. T\xaang s\xe8 nhi\xd6m v\xf4\n").encode("latin-1")
    with pytest.raises(DocumentError, match=r"không dùng mã Unicode.*TCVN3.*chuyển sang Unicode.*UTF-8"):
        import_document(data, "cu.txt")
    with pytest.raises(DocumentError, match="nhị phân"):  # a binary file is still called one
        import_document(b"\x00\x01\x02\x03\xff\xfe" * 100, "anh.txt")
