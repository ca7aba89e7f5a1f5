"""Headings a Word file marks by bold type only (review r28d, helper f28d): made-up .docx built here with python-docx.

A short bold paragraph standing alone, with no number, blank or end mark, not centred, over items (bullets, numbered
lines, fields) is a section's title when the document numbers none of its parts; a bold line in a document with
'I.', 'II.' parts, a centred title and a signer's title stay as they were."""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from dialogs.importer import import_document
from dialogs.loader import check_outline_text
from dialogs.outline import Outline


def saved(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def outline(data: bytes) -> Outline:
    result = import_document(data, "de-cuong.docx")
    o, problems = check_outline_text(result.yaml)
    assert not problems, problems
    return o


def bold(d, text: str, center: bool = False) -> None:
    p = d.add_paragraph()
    p.add_run(text).bold = True
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def sections(o: Outline) -> dict[str, list[str]]:
    """section title → its questions' prompts."""
    out: dict[str, list[str]] = {s.title: [] for s in o.sections}
    for r in o.refs:
        out[r.path[0].title].append(r.question.prompt)
    return out


def test_bold_titles_over_dashed_items_are_sections():
    d = DocxDocument()
    bold(d, "BÁO CÁO", center=True)
    bold(d, "Kết quả công tác cải cách hành chính năm 2026", center=True)
    for title, items in (("Công tác chỉ đạo, điều hành", ["- Số kế hoạch đã ban hành: … kế hoạch;",
                                                         "- Việc kiểm tra cải cách hành chính."]),
                         ("Cải cách thủ tục hành chính", ["- Số thủ tục được đơn giản hóa: … thủ tục;",
                                                          "- Số hồ sơ giải quyết đúng hạn: … hồ sơ."]),
                         ("Kiến nghị, đề xuất", ["- Đề xuất với cấp trên."])):
        bold(d, title)
        for it in items:
            d.add_paragraph(it)
    got = sections(outline(saved(d)))
    assert list(got) == ["Công tác chỉ đạo, điều hành", "Cải cách thủ tục hành chính", "Kiến nghị, đề xuất"], got
    assert len(got["Cải cách thủ tục hành chính"]) == 2
    assert all(len(v) >= 1 for v in got.values())


def test_a_bold_title_between_fields_of_a_form_is_a_section():
    d = DocxDocument()
    bold(d, "PHIẾU KIỂM TRA CƠ SỞ KINH DOANH", center=True)
    d.add_paragraph("Tên cơ sở: ……………")
    d.add_paragraph("Địa chỉ: ……………")
    bold(d, "Kết quả kiểm tra")
    d.add_paragraph("Có niêm yết giá công khai: Có □ Không □")
    d.add_paragraph("Có sổ theo dõi hàng nhập: Có □ Không □")
    d.add_paragraph("Số lỗi vi phạm phát hiện: …… lỗi")
    o = outline(saved(d))
    got = sections(o)
    assert got["Kết quả kiểm tra"] == ["Có niêm yết giá công khai", "Có sổ theo dõi hàng nhập",
                                       "Số lỗi vi phạm phát hiện"], got
    assert "Kết quả kiểm tra" not in [q.prompt for q in o.questions]


def test_bold_lines_of_a_numbered_document_stay():
    d = DocxDocument()
    bold(d, "ĐỀ CƯƠNG BÁO CÁO", center=True)
    d.add_paragraph("I. KẾT QUẢ THỰC HIỆN")
    bold(d, "Về công tác tuyên truyền")
    d.add_paragraph("1. Số buổi tuyên truyền: …… buổi")
    d.add_paragraph("II. ĐỀ XUẤT")
    d.add_paragraph("1. Kiến nghị với cấp trên")
    got = sections(outline(saved(d)))
    assert list(got)[:2] == ["KẾT QUẢ THỰC HIỆN", "ĐỀ XUẤT"] or len(got) == 2, got


def test_a_signers_title_in_bold_is_no_section():
    d = DocxDocument()
    bold(d, "BÁO CÁO KẾT QUẢ", center=True)
    d.add_paragraph("1. Số hộ được hỗ trợ: …… hộ")
    d.add_paragraph("2. Khó khăn, vướng mắc")
    bold(d, "Người lập biểu")
    d.add_paragraph("(Ký và ghi rõ họ tên)")
    o = outline(saved(d))
    assert "Người lập biểu" not in [s.title for s in o.sections]
