"""Sample outlines for the import tests (a good one's id, a bad one)."""

from __future__ import annotations

import io

import pytest

OID = "bao-cao-tinh-hinh-tiep-cong"


def _pdf_scanned() -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")
    return bytes(pdf.output())


def _pdf_encrypted() -> bytes:
    fpdf = pytest.importorskip("fpdf")
    from pypdf import PdfReader, PdfWriter

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "DE CUONG BAO CAO")
    w = PdfWriter()
    for p in PdfReader(io.BytesIO(bytes(pdf.output()))).pages:
        w.add_page(p)
    w.encrypt("secret")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


BAD = {
    "empty": ("rong.docx", lambda: b"", None, "rỗng"),
    "not a document": ("anh.docx", lambda: b"\x89PNG\r\n\x1a\n" + bytes(300), None, "không phải văn bản"),
    "scanned pdf": ("scan.pdf", _pdf_scanned, None, "không có lớp chữ"),
    "encrypted pdf": ("khoa.pdf", _pdf_encrypted, None, "mật khẩu"),
    "50 MB": ("lon.docx", lambda: b"PK", 50 * 1024 * 1024, "chỉ nhận tệp đến 20 MB"),
}
