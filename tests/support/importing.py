"""The importer tests' shared steps: a text imported into a draft outline that must pass ``outlines check``, and
the draft's questions by prompt."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from dialogs.importer import import_document
from dialogs.loader import check_outline_text
from dialogs.outline import Outline


def imp(text: str, name: str = "de-cuong.txt") -> Outline:
    result = import_document(text.encode("utf-8"), name)
    outline, problems = check_outline_text(result.yaml)
    assert not problems, problems
    return outline


def prompts(o: Outline) -> dict[str, tuple[str, str]]:
    """prompt → (section number, type); the last one wins for a repeated prompt."""
    return {r.question.prompt: (r.section_number, r.question.type) for r in o.refs}


def word_file(paragraphs: list[str], rows: list[list[str]]) -> bytes:
    """A Word file: the paragraphs, then a table of these rows (one text a cell)."""
    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def pdf_page(size: int = 10, tables: bool = True):
    """An fpdf document on its first page, in a font with Vietnamese letters (the test is skipped without fpdf, the
    font, or pdfplumber when it reads ruled tables)."""
    fpdf = pytest.importorskip("fpdf")
    if tables:
        pytest.importorskip("pdfplumber")
    if not FONT.exists():
        pytest.skip("DejaVu font not installed")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("dv", fname=str(FONT))
    pdf.set_font("dv", size=size)
    return pdf
