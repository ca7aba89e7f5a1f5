"""The importer tests' shared steps: a text imported into a draft outline that must pass ``outlines check``, and
the draft's questions by prompt."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from benchmarks.score_importer import score_real
from dialogs.importer import import_document
from dialogs.loader import check_outline_text
from dialogs.outline import Outline


def imp(text: str, name: str = "de-cuong.txt") -> Outline:
    result = import_document(text.encode("utf-8"), name)
    outline, problems = check_outline_text(result.yaml)
    assert not problems, problems
    return outline


def import_page(lines: list[str], name: str = "trang.txt"):
    """The import of a page pasted as these lines (its result, with the draft and the unsure points)."""
    return import_document("\n".join(lines).encode(), name)


def prompts(o: Outline) -> dict[str, tuple[str, str]]:
    """prompt → (section number, type); the last one wins for a repeated prompt."""
    return {r.question.prompt: (r.section_number, r.question.type) for r in o.refs}


def asks_with_options(text: str) -> list[tuple[str, str, list[str]]]:
    """A form imported from text: each question's (prompt, type, option labels)."""
    o = imp(text, "phieu.txt")
    return [(r.question.prompt, r.question.type, [x.label for x in r.question.options or []]) for r in o.refs]


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


def numbered_pdf(where: str, margin: float | None = None):
    """An fpdf document on its first page, in 12 pt with Vietnamese letters, each page numbered as an office prints
    it: ``where`` "footer" (every page, centred at its foot) or "header" (every page after the first, centred at its
    top); ``margin``: the page's margins and its bottom break, in mm (fpdf's own when None)."""
    fpdf = pytest.importorskip("fpdf")
    if not FONT.exists():
        pytest.skip("DejaVu font not installed")

    class Numbered(fpdf.FPDF):
        def footer(self):
            if where == "footer":
                self.set_y(-12)
                self.cell(0, 5, str(self.page_no()), align="C")

        def header(self):
            if where == "header" and self.page_no() > 1:
                self.set_y(8)
                self.cell(0, 5, str(self.page_no()), align="C")
                self.set_y(20)

    pdf = Numbered()
    if margin is not None:
        pdf.set_margins(margin, margin)
        pdf.set_auto_page_break(True, margin)
    pdf.add_font("dv", fname=str(FONT))
    pdf.set_font("dv", size=12)
    pdf.add_page()
    return pdf


def asks_of(data: bytes, name: str) -> list[tuple[str, str, str]]:
    """The draft's asks from a file's bytes: (section number, type, prompt) in order."""
    from dialogs.importer import draft_outline

    o = draft_outline(import_document(data, name))
    return [(r.section_number, r.question.type, r.question.prompt) for r in o.refs]


def assert_set_floor(docs: list[Path], floor: int, *, labels_floor: int = 0, junk_max: int = 1) -> None:
    """A real set's floor (the hold-out tests): at least ``floor`` asks right with their section and type and
    ``labels_floor`` Biểu labels found, no document refused, junk questions in at most ``junk_max`` documents."""
    scores = [score_real(p, []) for p in docs]
    typed, asks = sum(s.typed for s in scores), sum(s.asks for s in scores)
    labels, want = sum(s.labels_found for s in scores), sum(s.labels for s in scores)
    assert typed >= floor, f"{typed}/{asks} asks right, floor {floor}"
    assert labels >= labels_floor, f"Biểu labels {labels}/{want}, floor {labels_floor}"
    assert not [s.name for s in scores if s.refused]
    assert sum(bool(s.junk) for s in scores) <= junk_max, [(s.name, s.junk) for s in scores if s.junk]


def assert_titles_floor(docs: list[Path], floor: int) -> None:
    """A real set's titles floor (the hold-out tests): at least ``floor`` documents named by their own name line."""
    right = sum(bool(score_real(p, []).title_ok) for p in docs)
    assert right >= floor, f"titles {right}/{len(docs)}, floor {floor}"
