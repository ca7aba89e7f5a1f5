"""The outline importer: .docx / .txt / .pdf → a draft outline that passes the checker."""

from __future__ import annotations

import functools
import io
import random
import re
from pathlib import Path

import pytest
from docx import Document

from benchmarks.seed_docx import build_docx
from dialogs.importer import DocumentError, draft_outline, import_document
from dialogs.loader import OUTLINES_DIR, load_outline
from dialogs.outline import Outline, join_no
from tests.conftest import SEEDS
from tests.support.importing import imp, pdf_page


@functools.lru_cache(maxsize=8)
def seed_docx(yaml_name: str) -> bytes:
    hand = load_outline(OUTLINES_DIR / yaml_name)
    return build_docx((SEEDS / hand.source.file).read_text(encoding="utf-8"), hand)


def by_prompt(outline: Outline, start: str):
    for r in outline.refs:
        if r.question.prompt.startswith(start):
            return r
    raise AssertionError(f"no question starting with {start!r}: {[r.question.prompt for r in outline.refs]}")


# --------------------------------------------------------------------------- numbering and lines


def test_numbering_variants_nest_as_written():
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\n"
        "I.KẾT QUẢ THỰC HIỆN\n"
        "1. Công tác chỉ đạo\n"
        "a) Tổng số văn bản đã ban hành: … văn bản.\n"
        "b) Việc kiểm tra, giám sát\n"
        "2.Nguyên nhân của hạn chế\n"
        "(1) Nguyên nhân khách quan\n"
        "(2) Nguyên nhân chủ quan\n"
        "3. Nguồn lực\n"
        "3.1. Nguồn nhân lực\n"
        "- Tình hình bố trí cán bộ\n"
        "+ Khó khăn về trình độ chuyên môn\n"
        "• Khó khăn về trang thiết bị\n"
        "· Khó khăn khác\n"
        "3.2.1. Kinh phí thường xuyên\n"
        "II- KIẾN NGHỊ\n"
        "1. Kiến nghị với Trung ương\n"
    )
    assert [s.no for s in o.sections] == ["I.", "II-"]
    assert by_prompt(o, "Tổng số văn bản").number == "I.1.a"
    assert by_prompt(o, "Tổng số văn bản").question.prompt == "Tổng số văn bản đã ban hành"
    assert by_prompt(o, "Nguyên nhân chủ quan").number == "I.2.2"
    assert by_prompt(o, "Khó khăn khác").section_number == "I.3.1"  # "3.1." under "3." is I.3.1, not I.3.3.1
    assert by_prompt(o, "Kinh phí thường xuyên").number == "I.3.2.1"
    assert by_prompt(o, "Kiến nghị với Trung ương").number == "II.1"  # a path drops the trailing mark of "II-"


def test_word_automatic_numbering_is_reconstructed():
    text = (
        "ĐỀ CƯƠNG\nI. CÔNG TÁC CHỈ ĐẠO\n1. Tình hình triển khai\na) Số văn bản đã ban hành\n"
        "b) Số hội nghị quán triệt\n2. Kết quả\nII. KIẾN NGHỊ\n1. Kiến nghị với tỉnh\n"
    )
    data = build_docx(text, load_outline(OUTLINES_DIR / "002_kiem_tra_cchc_2025.yaml"))
    doc = Document(io.BytesIO(data))
    numbered = [p for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) >= 7 and all(not p.text[:2].strip(". ").isdigit() for p in numbered)
    assert numbered[0].text == "CÔNG TÁC CHỈ ĐẠO"  # the "I." lives in the numbering part only
    o = draft_outline(import_document(data, "de-cuong.docx"))
    assert [s.no for s in o.sections] == ["I.", "II."]
    assert by_prompt(o, "Số hội nghị").number == "I.1.b"
    assert by_prompt(o, "Kiến nghị với tỉnh").number == "II.1"  # the decimal level restarted


def test_broken_lines_are_joined():
    o = imp("I. KẾT QUẢ\n1. Kết quả thực hiện việc giải quyết khiếu nại, tố cáo, kiến nghị thuộc\nthẩm quyền.\n"
            "2. Mặt tích cực\n")
    assert by_prompt(o, "Kết quả thực hiện").question.prompt.endswith("thuộc thẩm quyền")


def test_flattened_outline_is_split():
    flat = (
        "I. TÌNH HÌNH CHUNG. 1. Kết quả thực hiện nhiệm vụ trong kỳ. a) Tổng số nhiệm vụ được giao: … nhiệm vụ. "
        "b) Số nhiệm vụ đã hoàn thành: … nhiệm vụ. 2. Khó khăn, vướng mắc trong quá trình thực hiện. "
        "II. KIẾN NGHỊ. 1. Kiến nghị với cấp trên về cơ chế, chính sách."
    )
    o = imp("ĐỀ CƯƠNG\n" + flat + "\n")
    assert [s.no for s in o.sections] == ["I.", "II."]
    assert by_prompt(o, "Số nhiệm vụ đã hoàn thành").number == "I.1.b"
    assert by_prompt(o, "Số nhiệm vụ đã hoàn thành").question.type == "integer"


# --------------------------------------------------------------------------- cleaning and repair


def test_damaged_text_is_repaired_and_reported():
    result = import_document(
        "I. CƠNG TÁC CHỈ ĐẠO\n1. Kết quả thực hiện cơng tác cải cách hành chính\n"
        "2. Những tồn tại, hạn chế và ngun nhân\nIII. PHƯƠNG HƯỚNG\nNêu khái qt phương hướng, nhiệm vụ trọng tâm.\n"
        .encode(), "hong.txt")
    o = draft_outline(result)
    assert o.sections[0].title == "CÔNG TÁC CHỈ ĐẠO"
    assert by_prompt(o, "Kết quả thực hiện công tác").question
    assert by_prompt(o, "Những tồn tại, hạn chế và nguyên nhân").question
    assert by_prompt(o, "Nêu khái quát").question
    assert result.repairs["cơng → công"] == 1 and result.repairs["ngun → nguyên"] == 1
    assert result.repairs["qt → quát"] == 1
    assert "cơng → công" in result.yaml  # listed in the draft's header comment
    assert result.stats["damaged_text"] is True


def test_web_chrome_is_dropped():
    o = imp(
        "Trang chủ › Văn bản › Đề cương\nTải bản đầy đủ (.docx)\n1.234 lượt xem\nChia sẻ: Facebook Zalo\n"
        "ĐỀ CƯƠNG BÁO CÁO\nI. KẾT QUẢ\n1. Mặt tích cực\nRate this post\nDownload file PDF\nQuảng cáo\n"
        "2. Hạn chế\n"
    )
    prompts = [r.question.prompt for r in o.refs]
    assert prompts == ["Mặt tích cực", "Hạn chế"]


# --------------------------------------------------------------------------- questions and types


def test_counts_in_one_bullet_become_one_question_each_with_measure_word():
    o = imp("I. KẾT QUẢ\n- Tổng số cuộc thanh tra, số cuộc triển khai trong kỳ; số đơn tiếp nhận; "
            "số lượng người được tiếp.\n")
    got = [(r.question.prompt, r.question.type, r.question.unit) for r in o.refs]
    assert got == [
        ("Tổng số cuộc thanh tra", "integer", "cuộc"),
        ("Số cuộc triển khai trong kỳ", "integer", "cuộc"),
        ("Số đơn tiếp nhận", "integer", "đơn"),
        ("Số lượng người được tiếp", "integer", "người"),
    ]


@pytest.mark.parametrize(
    ("line", "typ"),
    [
        ("Tổng số hồ sơ tiếp nhận", "integer"),
        ("Đã hoàn thành số hóa bao nhiêu trang tài liệu?", "integer"),
        ("Tỷ lệ hồ sơ giải quyết đúng hạn", "percent"),
        ("Mức độ hài lòng của người dân đạt %", "percent"),
        ("Dự toán kinh phí thực hiện kế hoạch", "money"),
        ("Kinh phí đã giải ngân", "money"),
        ("Liệt kê các nhiệm vụ chậm tiến độ (tên nhiệm vụ, đơn vị chủ trì, thời hạn)", "list"),
        ("Việc ban hành quy định của tỉnh (ghi rõ số, ngày tháng năm ban hành văn bản)", "documents"),
        ("Có bảo đảm kịch bản tăng trưởng không?", "yesno"),
        ("Các phần mềm đã vận hành thông suốt, hiệu quả chưa?", "yesno"),
        ("Đánh giá chung về kết quả thực hiện", "longtext"),
        ("Có khó khăn gì trong việc phối hợp không?", "longtext"),
    ],
)
def test_type_rules(line: str, typ: str):
    o = imp(f"I. NỘI DUNG\n- {line}\n")
    assert o.refs[0].question.type == typ, [(r.question.prompt, r.question.type) for r in o.refs]


def test_list_fields_come_from_the_parenthesis():
    o = imp("I. KẾT QUẢ\n- Số lượng nhiệm vụ đã hoàn thành (Liệt kê danh mục tên nhiệm vụ, văn bản giao việc, "
            "thời gian hoàn thành);\n")
    count, lst = o.refs[0].question, o.refs[1].question
    assert (count.type, count.unit) == ("integer", "nhiệm vụ")
    assert lst.type == "list"
    assert [f.label for f in lst.fields] == ["Tên nhiệm vụ", "Văn bản giao việc", "Thời gian hoàn thành"]


def test_heading_with_guidance_and_no_bullets_is_a_question():
    o = imp("I. KẾT QUẢ\n1. Mặt tích cực\nIV. NHIỆM VỤ TRỌNG TÂM\nNêu khái quát phương hướng, nhiệm vụ trong thời gian tới.\n")
    ref = by_prompt(o, "Nêu khái quát")
    assert ref.section.title == "NHIỆM VỤ TRỌNG TÂM" and ref.question.type == "longtext"


def test_help_from_parentheses_luu_y_and_footnotes():
    o = imp(
        "ĐỀ CƯƠNG\nLưu ý: mục nào không có nội dung, số liệu thì ghi “không”.\n"
        "I. KẾT QUẢ\n"
        "- Kết quả tổ chức quán triệt các nghị quyết (tập trung làm rõ hình thức trực tiếp, trực tuyến, kết hợp).\n"
        "- Kết quả khắc phục hạn chế[footnoteRef:1] (Biểu 1). [1:  Theo Kết luận số 178-KL/TW.]\n"
        "(Thống kê văn bản từ ngày 01/7/2025 đến thời điểm báo cáo).\n"
    )
    q1 = by_prompt(o, "Kết quả tổ chức quán triệt").question
    assert q1.prompt == "Kết quả tổ chức quán triệt các nghị quyết"
    assert "hình thức trực tiếp" in q1.help
    q2 = by_prompt(o, "Kết quả khắc phục").question
    assert "(Biểu 1)" in q2.prompt and "178-KL/TW" in q2.help and "footnote" not in q2.prompt
    assert "Thống kê văn bản" in (o.sections[0].help or "")
    assert "ghi “không”" in (o.note or "")
    assert all(r.question.none_ok for r in o.refs)


# --------------------------------------------------------------------------- Biểu


def test_word_table_with_merged_headers_becomes_a_bieu():
    data = seed_docx("003_so_ket_1_nam_2_cap.yaml")
    doc = Document(io.BytesIO(data))
    xml = doc.tables[0]._tbl.xml
    assert "w:gridSpan" in xml and "w:vMerge" in xml  # both kinds of merge in the built file
    o = draft_outline(import_document(data, "so-ket.docx"))
    t = next(q.table for q in o.tables if q.table.code == "1B")
    cols = {c.label: c for c in t.columns}
    assert cols["Cấp tỉnh"].group.startswith("Trong đó chia theo cấp")
    assert cols["Tổng số lượng"].sum_of == [c.key for c in t.columns if c.group]
    rows = {r.label: r for r in t.rows}
    assert rows["Công tác quán triệt, tuyên truyền"].kind == "group"
    assert rows["Công tác quán triệt, tuyên truyền"].sum_of == "children"
    assert rows["Hội nghị quán triệt"].level == 1 and rows["Hội nghị quán triệt"].asked
    assert not any(r.label.startswith("(") for r in t.rows)  # numbering row (1) (2) … dropped
    t13 = next(q.table for q in o.tables if q.table.code == "13B")
    total = [r for r in t13.rows if r.kind == "total"]
    assert total and total[0].label.startswith("Tổng cộng") and total[0].computed


def test_multi_level_header_and_formula_hint(tmp_path: Path):
    doc = Document()
    doc.add_paragraph("I. TIẾP CÔNG DÂN")
    doc.add_paragraph("Biểu số 5. Kết quả tiếp công dân")
    t = doc.add_table(rows=6, cols=5)
    t.cell(0, 0).merge(t.cell(2, 0)).text = "Đơn vị"
    t.cell(0, 1).merge(t.cell(2, 1)).text = "Tổng số vụ việc"
    t.cell(0, 2).merge(t.cell(0, 4)).text = "Tiếp thường xuyên"
    t.cell(1, 2).merge(t.cell(1, 3)).text = "Số vụ việc"
    t.cell(2, 2).text = "Tiếp lần đầu"
    t.cell(2, 3).text = "Tiếp nhiều lần"
    t.cell(1, 4).merge(t.cell(2, 4)).text = "Số người"
    for c, v in enumerate(["A", "1=2+3", "2", "3", "4"]):
        t.cell(3, c).text = v
    t.cell(4, 0).text = "Cấp tỉnh"
    t.cell(5, 0).text = "TỔNG"
    buf = io.BytesIO()
    doc.save(buf)
    o = draft_outline(import_document(buf.getvalue(), "bieu.docx"))
    table = o.tables[0].table
    assert table.code == "5"
    labels = [(c.group, c.label) for c in table.columns]
    assert labels == [
        (None, "Tổng số vụ việc"),
        ("Tiếp thường xuyên › Số vụ việc", "Tiếp lần đầu"),
        ("Tiếp thường xuyên › Số vụ việc", "Tiếp nhiều lần"),
        ("Tiếp thường xuyên", "Số người"),
    ]
    assert table.columns[0].sum_of == ["tiep_lan_dau", "tiep_nhieu_lan"]
    assert [r.kind for r in table.rows] == ["data", "total"]


def test_tab_separated_table_in_text():
    o = imp(
        "I. KẾT QUẢ\n- Số cuộc kiểm tra (Biểu 2).\nBiểu 2\nKẾT QUẢ KIỂM TRA\n"
        "TT\tNội dung\tSố cuộc\tGhi chú\nI\tCấp tỉnh\t\t\n1\tSở Nội vụ\t\t\n2\tSở Tài chính\t\t\n\tTỔNG SỐ\t\t\n"
    )
    t = o.tables[0].table
    assert [c.label for c in t.columns] == ["Số cuộc", "Ghi chú"] and t.columns[1].type == "text"
    assert [r.kind for r in t.rows] == ["group", "data", "data", "total"]
    assert o.tables[0] is o.refs[1].question  # placed in the section that refers to Biểu 2


# --------------------------------------------------------------------------- PDF and bad input


def _pdf(lines: list[str], password: str | None = None, size: int = 11) -> bytes:
    pdf = pdf_page(size, tables=False)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    if password:
        from pypdf import PdfReader, PdfWriter

        w = PdfWriter()
        for p in PdfReader(io.BytesIO(data)).pages:
            w.add_page(p)
        w.encrypt(password)
        buf = io.BytesIO()
        w.write(buf)
        data = buf.getvalue()
    return data


def test_pdf_with_text_layer_and_damage():
    data = _pdf(["ĐỀ CƯƠNG BÁO CÁO", "I. CƠNG TÁC CHỈ ĐẠO", "1. Tổng số nhiệm vụ được giao: … nhiệm vụ.",
                 "2. Những tồn tại, hạn chế và ngun nhân của việc triển khai thực hiện các nhiệm vụ được giao",
                 "II. KIẾN NGHỊ", "Nêu khái qt kiến nghị, đề xuất."])
    result = import_document(data, "de-cuong.pdf")
    o = draft_outline(result)
    assert o.sections[0].title == "CÔNG TÁC CHỈ ĐẠO"
    assert by_prompt(o, "Tổng số nhiệm vụ").question.type == "integer"
    assert by_prompt(o, "Những tồn tại").question.prompt.endswith("các nhiệm vụ được giao")
    assert result.repairs


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"", "rong.txt", "rỗng"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "anh.docx", "không phải văn bản"),
        (random.Random(9).randbytes(4000), "rac.bin", "không phải văn bản"),
        (b"PK\x03\x04" + bytes(100), "hong.docx", "không phải văn bản Word"),
    ],
)
def test_bad_input_is_refused_with_a_vietnamese_message(data: bytes, name: str, words: str):
    with pytest.raises(DocumentError, match=words):
        import_document(data, name)


def test_scanned_and_encrypted_pdf_are_refused():
    fpdf = pytest.importorskip("fpdf")
    scan = fpdf.FPDF()
    scan.add_page()
    scan.rect(10, 10, 100, 100, style="F")
    with pytest.raises(DocumentError, match="không có lớp chữ"):
        import_document(bytes(scan.output()), "scan.pdf")
    with pytest.raises(DocumentError, match="mật khẩu"):
        import_document(_pdf(["ĐỀ CƯƠNG", "I. KẾT QUẢ"], password="secret"), "khoa.pdf")


def test_huge_file_is_refused_by_size_before_reading(tmp_path: Path, monkeypatch):
    big = tmp_path / "lon.docx"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before the size check"))
    with pytest.raises(DocumentError, match="quá lớn"):
        import_document(big)


# --------------------------------------------------------------------------- the five seeds


@pytest.mark.parametrize("yaml_path", sorted(OUTLINES_DIR.glob("*.yaml")), ids=lambda p: p.stem[:3])
def test_seed_drafts_pass_the_checker_in_both_formats(yaml_path: Path):
    hand = load_outline(yaml_path)
    text = (SEEDS / hand.source.file).read_text(encoding="utf-8")
    for data, name in ((text.encode(), "seed.txt"), (seed_docx(yaml_path.name), "seed.docx")):
        result = import_document(data, name)
        assert result.repairs == {}  # clean text is left alone
        outline = draft_outline(result)
        assert len(outline.refs) >= 20
        assert result.stats["questions"] == len(outline.refs)
        keys = [r.key for r in outline.refs]
        assert len(keys) == len(set(keys)) and all(k.isascii() for k in keys)
        assert outline.to_json()["questions"]


# --------------------------------------------------------------------------- asks written several to a sentence


def _asks(o: Outline) -> list[tuple[str, str]]:
    return [(r.question.prompt, r.question.type) for r in o.refs]


def test_several_counts_in_one_sentence_keep_the_bieu_reference():
    o = imp("1. Kế hoạch\n- Đã hoàn thành được bao nhiêu nhiệm vụ, còn bao nhiêu nhiệm vụ chưa hoàn thành, giải pháp "
            "để hoàn thành? (Biểu 3).\n")
    assert _asks(o) == [
        ("Đã hoàn thành được bao nhiêu nhiệm vụ (Biểu 3)", "integer"),
        ("Còn bao nhiêu nhiệm vụ chưa hoàn thành (Biểu 3)", "integer"),
        ("Giải pháp để hoàn thành? (Biểu 3)", "longtext"),
    ]


def test_status_lists_alternatives_and_ratios_are_one_count_each():
    o = imp("1. Kết quả\n- Số cơ sở nhà, đất công đã xử lý, chưa xử lý.\n- Số lượng hồ sơ trực tuyến/trực tiếp.\n"
            "- Ủy ban nhân dân tỉnh đã ban hành bao nhiêu/tổng số văn bản cần ban hành?\n"
            "- Số hồ sơ đã giải quyết đúng hạn…; đạt tỷ lệ … %\n")
    assert _asks(o) == [
        ("Số cơ sở nhà, đất công đã xử lý", "integer"),
        ("Số cơ sở nhà, đất công chưa xử lý", "integer"),
        ("Số lượng hồ sơ trực tuyến", "integer"),
        ("Số lượng hồ sơ trực tiếp", "integer"),
        ("Ủy ban nhân dân tỉnh đã ban hành bao nhiêu văn bản?", "integer"),
        ("Tổng số văn bản cần ban hành?", "integer"),
        ("Số hồ sơ đã giải quyết đúng hạn", "integer"),
        ("Tỷ lệ hồ sơ đã giải quyết đúng hạn (%)", "percent"),
    ]


def test_counts_named_inside_narrative_and_introductions_are_asked():
    o = imp("III. KẾT QUẢ\nBáo cáo đầy đủ kết quả thực hiện. Trong đó, nêu rõ kết quả đạt được; tổng số nhiệm vụ được "
            "cấp trên giao; những việc đã thực hiện, chưa thực hiện; khó khăn, vướng mắc theo các nội dung sau:\n"
            "1. Tài sản công\n- Kết quả xử lý tài sản công: Số cơ sở nhà, đất đã xử lý, chưa xử lý; việc chuyển đổi "
            "công năng sử dụng; có phát sinh lãng phí hay không.\n"
            "2. Phân cấp\n- Kết quả phân cấp. Trong đó tập trung nêu: (i) Tổng số nhiệm vụ địa phương thực hiện; số "
            "nhiệm vụ được phân cấp. (ii) Mức độ phù hợp của nhiệm vụ được giao với khả năng thực thi.\n")
    got = _asks(o)
    for ask in [("Tổng số nhiệm vụ được cấp trên giao", "integer"), ("Số nhiệm vụ đã thực hiện", "integer"),
                ("Số nhiệm vụ chưa thực hiện", "integer"), ("Số cơ sở nhà, đất đã xử lý", "integer"),
                ("Số cơ sở nhà, đất chưa xử lý", "integer"), ("Có phát sinh lãng phí hay không?", "yesno"),
                ("Tổng số nhiệm vụ địa phương thực hiện", "integer"), ("Số nhiệm vụ được phân cấp", "integer"),
                ("Mức độ phù hợp của nhiệm vụ được giao với khả năng thực thi", "longtext")]:
        assert ask in got, got
    assert by_prompt(o, "Kết quả xử lý tài sản công").question.type == "longtext"
    assert by_prompt(o, "Tổng số nhiệm vụ được cấp trên giao").section_number == "III"


def test_yes_no_asks_and_documents_asked_by_a_narrative_question():
    o = imp("1. Kết quả\n- Kết quả phát triển kinh tế như thế nào, có bảo đảm kịch bản tăng trưởng không (ghi rõ tỷ lệ "
            "tăng trưởng thực tế/tỷ lệ tăng trưởng theo kịch bản)?\n"
            "- Dữ liệu sau khi được số hóa có khả năng chia sẻ, liên thông chưa? (Biểu 7).\n"
            "- Tỉnh ủy đã lãnh đạo hội đồng nhân dân các cấp như thế nào? (ghi rõ số, ngày tháng năm ban hành văn bản "
            "lãnh đạo nếu có).\n")
    assert _asks(o) == [
        ("Kết quả phát triển kinh tế như thế nào?", "longtext"),
        ("Có bảo đảm kịch bản tăng trưởng không?", "yesno"),
        ("Tỷ lệ tăng trưởng thực tế", "percent"),
        ("Tỷ lệ tăng trưởng theo kịch bản", "percent"),
        ("Dữ liệu sau khi được số hóa có khả năng chia sẻ, liên thông chưa? (Biểu 7)", "yesno"),
        ("Tỉnh ủy đã lãnh đạo hội đồng nhân dân các cấp như thế nào?", "longtext"),
        ("Văn bản lãnh đạo (ghi rõ số, ngày tháng năm ban hành nếu có)", "documents"),
    ]


def test_short_asks_a_sentence_after_a_bullet_and_other_matters():
    o = imp("1. Về pháp lý\n- Những văn bản chưa được ban hành theo tiến độ.\nĐánh giá việc ban hành các văn bản đã "
            "đảm bảo yêu cầu hay chưa? Giải pháp khắc phục.\n2. Về hạ tầng\n- Các khó khăn của cấp tỉnh; kết quả "
            "khắc phục, giải quyết; đề xuất, kiến nghị phương án.\n- Bộ Tư pháp báo cáo tiến độ xây dựng văn bản và "
            "các nội dung khác có liên quan hoặc phát sinh.\n")
    got = _asks(o)
    assert got[1] == ("Đánh giá việc ban hành các văn bản đã đảm bảo yêu cầu hay chưa?", "yesno")
    assert by_prompt(o, "Giải pháp khắc phục").section_number == "1"
    assert [p for p, _ in got[3:6]] == ["Các khó khăn của cấp tỉnh", "Kết quả khắc phục, giải quyết",
                                         "Đề xuất, kiến nghị phương án"]
    assert [p for p, _ in got[6:]] == ["Bộ Tư pháp báo cáo tiến độ xây dựng văn bản",
                                       "Các nội dung khác có liên quan hoặc phát sinh"]


def test_table_without_header_row_takes_its_columns_from_the_note_below():
    o = imp("I. KẾT QUẢ\n- Số cuộc tiếp công dân.\nBiểu 2\nKẾT QUẢ TIẾP CÔNG DÂN\n"
            "TT\tNội dung\tSố cuộc\tGhi chú\nI\tCấp tỉnh\t\t\n\tTỔNG SỐ\t\t\n\n"
            "I\tLãnh đạo, quản lý\t\t\t\t\nII\tChuyên môn, nghiệp vụ\t\t\t\t\n1\tLĩnh vực Văn phòng\t\t\t\t\n"
            "\tTỔNG SỐ\t\t\t\t\n\nGhi chú: biểu gồm các cột: Tổng số, Nam, Nữ, Đảng viên.\n")
    first, second = (q.table for q in o.tables)
    assert [r.label for r in first.rows] == ["Cấp tỉnh", "TỔNG SỐ"]  # the blank line and new width end it
    assert [c.label for c in second.columns] == ["Tổng số", "Nam", "Nữ", "Đảng viên"]
    assert [r.label for r in second.rows][:3] == ["Lãnh đạo, quản lý", "Chuyên môn, nghiệp vụ", "Lĩnh vực Văn phòng"]


# --------------------------------------------------------------------------- flattened and damaged seeds


def _found(hand: Outline, got: Outline) -> float:
    from benchmarks.score_importer import match_questions

    total, found, _ = match_questions(hand, got)
    return found / total


def test_seed_flattened_into_one_paragraph_still_gives_its_questions():
    hand = load_outline(next(OUTLINES_DIR.glob("004_*.yaml")))
    text = (SEEDS / hand.source.file).read_text(encoding="utf-8")
    flat = " ".join(line.strip() for line in text.splitlines() if line.strip())
    result = import_document(flat.encode(), "phang.txt")
    assert result.stats["flattened_lines"] == 1
    assert _found(hand, draft_outline(result)) >= 0.8


BROKEN_FONT = {"ô": "ơ", "Ô": "Ơ", "ố": "ớ", "ồ": "ờ", "uyê": "u", "uá": ""}  # 'cơng', 'ngun', 'khái qt'


def test_damaged_pdf_of_a_seed_is_repaired_and_imported():
    hand = load_outline(next(OUTLINES_DIR.glob("004_*.yaml")))
    text = re.sub(r"\[footnote[^\]]*\]", "", (SEEDS / hand.source.file).read_text(encoding="utf-8"))
    lines = [line for line in text.splitlines() if line.strip()][:60]
    for good, bad in BROKEN_FONT.items():
        lines = [line.replace(good, bad) for line in lines]
    result = import_document(_pdf(lines, size=10), "hong.pdf")
    assert result.stats["damaged_text"] is True
    assert result.repairs["khơng → không"] >= 1 and result.repairs["Sớ → Số"] >= 1
    outline = draft_outline(result)
    assert outline.sections[0].title.startswith("Về pháp lý")
    assert _found(hand, outline) >= 0.7


def test_counts_asked_per_unit_become_a_table():
    o = imp("2. Chuyển đổi số\n- Đã hoàn thành số hóa bao nhiêu trang tài liệu/tổng số trang tài liệu cần số hóa? Việc bố "
            "trí nhân sự được tổ chức như thế nào? (ghi rõ số liệu từng cơ quan cấp tỉnh và các đơn vị cấp xã). "
            "(Biểu 7).\n")
    q = o.tables[0]
    assert q.prompt.startswith("Đã hoàn thành số hóa bao nhiêu trang tài liệu/tổng số trang")
    assert q.table.code == "7"
    assert [c.label for c in q.table.columns] == ["Đã hoàn thành số hóa bao nhiêu trang tài liệu",
                                                  "Tổng số trang tài liệu cần số hóa"]
    assert [(r.label, r.kind) for r in q.table.rows] == [
        ("Các cơ quan cấp tỉnh", "group"), ("Các đơn vị cấp xã", "group"), ("Tổng cộng", "total")]
    assert by_prompt(o, "Việc bố trí nhân sự").question.type == "longtext"


def _docx_with_table_then_outline(after_note: list[str]) -> bytes:
    doc = Document()
    doc.add_paragraph("ĐỀ CƯƠNG BÁO CÁO")
    doc.add_paragraph("I. CÔNG TÁC KIỂM TRA")
    doc.add_paragraph("- Số cuộc kiểm tra đã thực hiện trong kỳ (Biểu số 1)")
    doc.add_paragraph("Biểu số 1. Kết quả kiểm tra")
    t = doc.add_table(rows=4, cols=4)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Đơn vị"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "Tổng số cuộc"
    t.cell(0, 2).merge(t.cell(0, 3)).text = "Trong đó"
    t.cell(1, 2).text = "Theo kế hoạch"
    t.cell(1, 3).text = "Đột xuất"
    t.cell(2, 0).text = "Cấp tỉnh"
    t.cell(3, 0).text = "Cấp xã"
    for line in after_note:
        doc.add_paragraph(line)
    doc.add_paragraph("II. KẾT QUẢ")
    doc.add_paragraph("1. Tổng số cuộc kiểm tra")
    doc.add_paragraph("2. Nêu khó khăn, vướng mắc")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("after_note", [[], ["Ghi chú: (1) Tính cả các cuộc kiểm tra liên ngành."]])
def test_paragraphs_after_a_word_table_are_the_outline_not_its_note(after_note: list[str]):
    o = draft_outline(import_document(_docx_with_table_then_outline(after_note), "bieu.docx"))
    assert [s.no for s in o.sections] == ["I.", "II."]
    second = [(r.question.prompt, r.question.type) for r in o.refs if r.section_number.startswith("II")]
    assert second == [("Tổng số cuộc kiểm tra", "integer"), ("Nêu khó khăn, vướng mắc", "longtext")]
    table = o.tables[0].table
    assert table.code == "1" and [c.label for c in table.columns][-2:] == ["Theo kế hoạch", "Đột xuất"]
    note = table.note or ""
    assert "KẾT QUẢ" not in note and "Tổng số cuộc kiểm tra" not in note and "khó khăn" not in note
    if after_note:
        assert "liên ngành" in note


@pytest.mark.parametrize("heading, title", [
    ("BÁO CÁO KẾT QUẢ CÔNG TÁC QUÝ IV NĂM 2025", "Báo cáo kết quả công tác quý IV năm 2025"),
    ("BÁO CÁO HOẠT ĐỘNG CỦA UBND, HĐND TỈNH QUẢNG NGÃI THEO KẾ HOẠCH SỐ 02-KH/BCĐTW",
     "Báo cáo hoạt động của UBND, HĐND tỉnh Quảng Ngãi theo kế hoạch số 02-KH/BCĐTW"),
    ("XỬ LÝ VI PHẠM GIAI ĐOẠN II", "Xử lý vi phạm giai đoạn II"),
])
def test_title_keeps_the_capitals_of_the_source(heading: str, title: str):
    o = imp(f"{heading}\nI. KẾT QUẢ\n1. Tổng số cuộc kiểm tra\n")
    assert o.title == title


# --------------------------------------------------------------------------- guidance, ellipsis, rates, results


def _q(o: Outline, start: str):
    return by_prompt(o, start).question


def test_guidance_a_number_cannot_hold_is_its_own_question():
    o = imp("1. Công tác xử lý đơn\n"
            "- Còn bao nhiêu đơn chưa giải quyết (nêu rõ khó khăn, vướng mắc và lý do đối với từng đơn)?\n"
            "- Số lượng đề án đang xây dựng (ghi rõ thời gian dự kiến trình)\n"
            "- Việc triển khai các dự án còn chậm thì có biện pháp gì (nêu rõ dự án chậm, nguyên nhân, khó khăn "
            "và hướng xử lý)?\n")
    assert _q(o, "Còn bao nhiêu đơn").type == "integer"
    assert _q(o, "Nêu rõ khó khăn, vướng mắc và lý do đối với từng đơn").type == "longtext"
    listed = _q(o, "Danh sách đề án đang xây dựng")
    assert listed.type == "list" and [f.label for f in listed.fields] == ["Đề án", "Thời gian dự kiến trình"]
    slow = _q(o, "Việc triển khai các dự án")
    assert slow.type == "list" and [f.label for f in slow.fields][:2] == ["Dự án chậm", "Nguyên nhân"]


def test_a_time_phrase_stays_with_its_count_and_a_proposal_is_split_off():
    o = imp("1. Chế độ chính sách\n- Đã giải quyết bao nhiêu hồ sơ? Tính đến ngày 30/6/2026, còn bao nhiêu hồ sơ "
            "tồn đọng và đề xuất giải pháp gì để xử lý dứt điểm?\n")
    prompts = [r.question.prompt for r in o.refs]
    assert "Tính đến ngày 30/6/2026" not in prompts
    assert _q(o, "Tính đến ngày 30/6/2026, còn bao nhiêu hồ sơ tồn đọng").type == "integer"
    assert _q(o, "Đề xuất giải pháp gì để xử lý dứt điểm").type == "longtext"


def test_elliptic_count_classified_counts_and_per_day_rates():
    o = imp("2. Dịch vụ công\n- Tổng số dịch vụ công đã cung cấp, trong đó có bao nhiêu thủ tục được cung cấp toàn "
            "trình; cung cấp một phần qua cổng của bộ (Phân loại cụ thể theo từng nhóm dịch vụ; thống kê số "
            "thủ tục phát sinh hồ sơ)?\n"
            "+ Lượng hoá số hồ sơ phát sinh theo ngày, theo tháng để bố trí nhân lực;\n")
    assert _q(o, "Số thủ tục cung cấp một phần qua cổng của bộ").type == "integer"
    grouped = _q(o, "Phân loại cụ thể theo từng nhóm dịch vụ")
    assert grouped.type == "list" and grouped.fields[0].label == "Nhóm dịch vụ"
    assert _q(o, "Thống kê số thủ tục phát sinh hồ sơ").type == "integer"
    per_day = _q(o, "Lượng hoá số hồ sơ phát sinh theo ngày để bố trí nhân lực")
    per_month = _q(o, "Lượng hoá số hồ sơ phát sinh theo tháng để bố trí nhân lực")
    assert (per_day.type, per_day.unit, per_month.unit) == ("decimal", "hồ sơ/ngày", "hồ sơ/tháng")


def test_a_remedy_after_a_count_names_what_was_counted():
    o = imp("3. Nhân sự\n- Có bao nhiêu công chức được bố trí trái chuyên ngành đào tạo; giải pháp để khắc phục?\n")
    assert _q(o, "Giải pháp để khắc phục công chức được bố trí trái chuyên ngành").type == "longtext"


def test_documents_note_counts_meetings_conditional_note_and_intro_are_asked():
    o = imp("I. KẾT QUẢ\n1. Công tác triển khai\n- Việc tuyên truyền được thực hiện như thế nào?\n"
            "(Nêu rõ số, ngày tháng năm ban hành văn bản chỉ đạo; các cuộc họp triển khai… về nội dung trên).\n"
            "2. Thủ tục hành chính\n- Số thủ tục đã công bố;\n"
            "(Nếu trong tháng có thủ tục bị bãi bỏ thì nêu rõ tên, lý do bãi bỏ)\n"
            "3. Báo cáo của các sở\nCác sở báo cáo kết quả thực hiện nhiệm vụ trong phạm vi quản lý. Trong đó:\n"
            "- Sở Tư pháp báo cáo về công tác kiểm tra văn bản.\n")
    assert _q(o, "Văn bản chỉ đạo").type == "documents"
    assert _q(o, "Số cuộc họp triển khai").type == "integer"
    assert _q(o, "Nếu trong tháng có thủ tục bị bãi bỏ thì nêu rõ").type == "longtext"
    intro = by_prompt(o, "Các sở báo cáo kết quả thực hiện nhiệm vụ trong phạm vi quản lý")
    assert intro.section_number == "I.3" and not intro.question.prompt.endswith(":")


def test_results_next_to_a_bieu_of_figures_also_ask_the_number_done():
    text = ("II. KẾT QUẢ\n1. Tổ chức bộ máy\n- Kết quả tinh giản biên chế, cơ cấu lại đội ngũ và nâng cao chất lượng "
            "công chức, xác định vị trí việc làm.{ref}\n2. Khó khăn\n- Kết quả giải quyết hồ sơ tồn đọng như thế nào?\n")
    with_ref = imp(text.format(ref="\n(Biểu số 4 kèm theo)"))
    counted = _q(with_ref, "Số biên chế đã tinh giản")
    assert counted.type == "integer" and by_prompt(with_ref, "Số biên chế").section_number == "II.1"
    without = imp(text.format(ref=""))
    assert not [r for r in without.refs if r.question.prompt.startswith("Số ")]  # no Biểu: no number guessed


def test_bullet_followed_by_its_uncaptioned_word_table_asks_the_counts_in_the_table():
    doc = Document()
    doc.add_paragraph("ĐỀ CƯƠNG BÁO CÁO")
    doc.add_paragraph("I. CHUYỂN ĐỔI SỐ")
    doc.add_paragraph("- Đã cấp bao nhiêu chứng thư số/tổng số cán bộ cần cấp? Việc hướng dẫn sử dụng được tổ chức "
                      "như thế nào? (ghi rõ số liệu từng cơ quan) (Biểu 2)")
    t = doc.add_table(rows=3, cols=3)
    for c, text in enumerate(["Cơ quan", "Số chứng thư số đã cấp", "Tổng số cán bộ cần cấp"]):
        t.cell(0, c).text = text
    t.cell(1, 0).text = "Sở Nội vụ"
    t.cell(2, 0).text = "Tổng cộng"
    buf = io.BytesIO()
    doc.save(buf)
    o = draft_outline(import_document(buf.getvalue(), "cds.docx"))
    assert [r.question.type for r in o.refs] == ["longtext", "table"]
    table = o.tables[0]
    assert table.prompt.startswith("Đã cấp bao nhiêu chứng thư số/tổng số cán bộ cần cấp?")
    assert "(ghi rõ số liệu từng cơ quan)" in table.prompt and table.table.code == "2"


# --------------------------------------------------------------------------- PDF tables, guessed period


def test_ruled_table_in_a_pdf_becomes_a_bieu_with_merged_headers():
    pdf = pdf_page()
    for line in ["ĐỀ CƯƠNG BÁO CÁO", "I. TIẾP CÔNG DÂN", "1. Tình hình tiếp công dân trong kỳ (Biểu số 3)",
                 "II. KIẾN NGHỊ", "Nêu các kiến nghị, đề xuất.", "Biểu số 3. KẾT QUẢ TIẾP CÔNG DÂN"]:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(10, 50, 25, 25, 25), first_row_as_headings=False) as t:
        r = t.row()
        for text, span in [("TT", 2), ("Đơn vị", 2), ("Tổng số lượt", 2)]:
            r.cell(text, rowspan=span)
        r.cell("Tiếp thường xuyên", colspan=2)
        r = t.row()
        r.cell("Số vụ việc")
        r.cell("Số người")
        for row in [["(1)", "(2)", "(3)", "(4)", "(5)"], ["I", "Cấp tỉnh", "", "", ""], ["1", "Sở Nội vụ", "", "", ""],
                    ["II", "Cấp xã", "", "", ""], ["", "Tổng cộng", "", "", ""]]:
            r = t.row()
            for text in row:
                r.cell(text)
    pdf.multi_cell(0, 6, "Ghi chú: số liệu tính đến hết kỳ báo cáo.", new_x="LMARGIN", new_y="NEXT")
    o = draft_outline(import_document(bytes(pdf.output()), "tiep-dan.pdf"))
    table = o.tables[0].table
    assert table.code == "3" and o.tables[0].prompt == "KẾT QUẢ TIẾP CÔNG DÂN"
    assert [(c.label, c.group) for c in table.columns] == [
        ("Tổng số lượt", None), ("Số vụ việc", "Tiếp thường xuyên"), ("Số người", "Tiếp thường xuyên")]
    assert [(r.label, r.kind) for r in table.rows][-1] == ("Tổng cộng", "total")
    assert [r.label for r in table.rows][:3] == ["Cấp tỉnh", "Sở Nội vụ", "Cấp xã"]
    assert "hết kỳ báo cáo" in (table.note or "")
    assert by_prompt(o, "Tình hình tiếp công dân").section_number == "I"  # the text around the table is kept


@pytest.mark.parametrize(("head", "kind", "respondents", "word"), [
    ("BÁO CÁO HẰNG THÁNG VỀ CÔNG TÁC DÂN VẬN\n(Gửi các sở, ban, ngành)", "monthly", ["so_nganh"], "HẰNG THÁNG"),
    ("ĐỀ CƯƠNG GỢI Ý\ngiám sát thường xuyên việc cấp phép xây dựng", "campaign", ["xa", "phuong", "dac_khu"],
     "thường xuyên"),
    ("BÁO CÁO KẾT QUẢ CÔNG TÁC", "one_off", ["xa", "phuong", "dac_khu"], "mặc định"),
    ("BÁO CÁO ĐỊNH KỲ 6 THÁNG VỀ CÔNG TÁC DÂN VẬN\n(Gửi các sở, ban, ngành)", "half_yearly", ["so_nganh"],
     "ĐỊNH KỲ 6 THÁNG"),
    ("ĐỀ CƯƠNG\nBáo cáo sơ kết công tác dân vận 6 tháng đầu năm 2026", "half_yearly", ["xa", "phuong", "dac_khu"],
     "6 tháng"),
])
def test_period_and_respondents_are_marked_as_guesses(head: str, kind: str, respondents: list[str], word: str):
    result = import_document(f"{head}\nI. KẾT QUẢ\n1. Tổng số cuộc kiểm tra\n".encode(), "de-cuong.txt")
    o = draft_outline(result)
    assert (o.period.kind, o.respondents) == (kind, respondents)
    lines = result.yaml.splitlines()
    period = next(x for x in lines if x.startswith("period:"))
    assert "# ?" in period and word in period
    assert "# ?" in next(x for x in lines if x.startswith("respondents:"))
    keys = [n.get("key") for n in result.notes]
    assert keys[:2] == ["period", "respondents"]
    assert any(line.startswith("? period:") for line in result.summary_lines())


def _long_table_pdf(*, repeat_heading: bool, second_table: bool = False) -> bytes:
    """A Biểu of 60 communes + a total row, longer than a page (fpdf breaks it, repeating the heading row or not);
    ``second_table``: after it, a heading and another table that starts at the top of a new page."""
    pdf = pdf_page()
    for line in ["ĐỀ CƯƠNG BÁO CÁO", "I. KẾT QUẢ", "1. Số liệu theo từng xã (Biểu số 1)", "II. KIẾN NGHỊ",
                 "Nêu các kiến nghị, đề xuất.", "Biểu số 1. SỐ LIỆU THEO XÃ"]:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    plain = pytest.importorskip("fpdf").FontFace(emphasis="")
    with pdf.table(col_widths=(10, 60, 30, 30), headings_style=plain, repeat_headings=1 if repeat_heading else 0) as t:
        for row in [["TT", "Tên xã", "Số hộ", "Số người"]] + [[str(i), f"Xã số {i}", "", ""] for i in range(1, 61)] \
                + [["", "Tổng cộng", "", ""]]:
            r = t.row()
            for text in row:
                r.cell(text)
    if second_table:
        pdf.add_page()
        pdf.multi_cell(0, 6, "Biểu số 2. KINH PHÍ", new_x="LMARGIN", new_y="NEXT")
        with pdf.table(col_widths=(10, 60, 30, 30), headings_style=plain) as t:
            for row in [["TT", "Nội dung", "Dự toán", "Đã chi"], ["1", "Tập huấn", "", ""], ["2", "Tuyên truyền", "", ""]]:
                r = t.row()
                for text in row:
                    r.cell(text)
    return bytes(pdf.output())


@pytest.mark.parametrize("repeat_heading", [True, False])
def test_a_pdf_table_split_by_a_page_break_is_one_bieu(repeat_heading: bool):
    o = draft_outline(import_document(_long_table_pdf(repeat_heading=repeat_heading), "xa.pdf"))
    assert len(o.tables) == 1
    table = o.tables[0].table
    assert table.code == "1" and [c.label for c in table.columns] == ["Số hộ", "Số người"]
    assert [r.label for r in table.rows] == [f"Xã số {i}" for i in range(1, 61)] + ["Tổng cộng"]
    assert table.rows[-1].kind == "total"


def test_tables_on_two_pages_with_a_heading_between_stay_two_bieu():
    o = draft_outline(import_document(_long_table_pdf(repeat_heading=True, second_table=True), "xa.pdf"))
    assert [t.table.code for t in o.tables] == ["1", "2"]
    assert [r.label for r in o.tables[1].table.rows] == ["Tập huấn", "Tuyên truyền"]
    assert len(o.tables[0].table.rows) == 61


def test_a_decimal_number_repeating_its_ancestor_goes_under_that_ancestor():
    assert join_no("II.2", "2.1") == "II.2.1"  # «II.» → «2.» → «2.1.»
    assert join_no("I.3.1", "3.2") == "I.3.2"  # a sibling of 3.1 written in full
    assert join_no("I.3.1", "3.2.1") == "I.3.2.1"
    assert join_no("3", "3.1") == "3.1"  # already absolute
    assert join_no("I", "1") == "I.1"
    assert join_no("II.2", "4.1") == "II.2.4.1"  # no ancestor numbered 4: appended as written
    assert join_no("I.a", "1.2") == "I.a.1.2"  # a letter is no number to repeat
    assert join_no("II", "2.1") == "II.2.1"  # the top of the path (a Roman part) is never replaced
