"""A small đề cương as a real Word file: automatic numbering (w:numPr) and a Biểu with merged header cells."""

from __future__ import annotations

import io

from docx import Document

from benchmarks.seed_docx import _numbering, _set_num  # Word's list definition: level 0 «I.», level 1 «1.»

TITLE = "BÁO CÁO TÌNH HÌNH TIẾP CÔNG DÂN VÀ GIẢI QUYẾT ĐƠN THƯ QUÝ IV NĂM 2026"


def _numbered(doc, text: str, num_id: str, level: int) -> None:
    _set_num(doc.add_paragraph(text), num_id, level)


def _biểu(doc) -> None:
    """TT | Nội dung | Số lượt tiếp (Tiếp lần đầu, Tiếp nhiều lần): two header rows, merged cells."""
    t = doc.add_table(rows=5, cols=4)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(1, 0)).text = "TT"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "Nội dung"
    t.cell(0, 2).merge(t.cell(0, 3)).text = "Số lượt tiếp"
    t.cell(1, 2).text = "Tiếp lần đầu"
    t.cell(1, 3).text = "Tiếp nhiều lần"
    for i, (no, label) in enumerate((("1", "Cấp tỉnh"), ("2", "Cấp xã"), ("", "Tổng cộng")), start=2):
        t.cell(i, 0).text = no
        t.cell(i, 1).text = label


def sample_docx() -> bytes:
    doc = Document()
    doc.add_paragraph("ĐỀ CƯƠNG")
    doc.add_paragraph(TITLE)
    doc.add_paragraph("(Kèm theo Công văn số 123/BC-VP; dùng cho các bộ, cơ quan ngang bộ)")
    num = _numbering(doc)
    _numbered(doc, "KẾT QUẢ THỰC HIỆN", num, 0)
    _numbered(doc, "Tổng số đơn thư tiếp nhận trong kỳ: … đơn.", num, 1)
    _numbered(doc, "Số đơn thư đã giải quyết: … đơn.", num, 1)
    _numbered(doc, "Tình hình tiếp công dân (Biểu số 01).", num, 1)
    _numbered(doc, "KHÓ KHĂN, VƯỚNG MẮC", num, 0)
    doc.add_paragraph("Nêu những khó khăn, vướng mắc và nguyên nhân.")
    _numbered(doc, "KIẾN NGHỊ, ĐỀ XUẤT", num, 0)
    doc.add_paragraph("Nêu kiến nghị, đề xuất với cấp trên.")
    # the Biểu attached at the end, as offices do (text after a table would be read as the table's note)
    doc.add_paragraph("Biểu số 01: Kết quả tiếp công dân")
    _biểu(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
