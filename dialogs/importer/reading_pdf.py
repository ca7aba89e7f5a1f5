"""Tables of a PDF with a text layer: ruled tables (a Biểu drawn with cell borders) found by pdfplumber and
turned into grids with their merged cells, placed between the text above and below them.

Pages without a ruled table keep pypdf's text (``reading.read_pdf``); a page with one is read by pdfplumber
in bands: the text above the first table, the table, the text between, … . Any failure of pdfplumber (a
malformed page, the library missing) leaves the page as text, as before.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from dialogs.importer.document import Grid
from dialogs.importer.pdf_lines import (
    PrintedLine,
    glue,
    over_break,
    page_number_lines,
    paragraphs,
    pitch_of,
    printed_lines,
    rhythm,
    text_margins,
)
from dialogs.importer.word_tables import grid_blocks

log = logging.getLogger(__name__)

MIN_ROWS, MIN_COLS = 1, 2  # a header alone is a Biểu whose rows the units add (as Word reads it)


def _cell_text(text: str | None) -> str:
    return " ".join((text or "").split())


def table_grid(table: Any) -> Grid | None:
    """A pdfplumber table → a Grid: each position covered by a merged cell carries the text and the origin
    (row, column) of the cell that covers it, as Word's merged cells do in ``reading_docx``."""
    rows = table.rows
    texts = table.extract()
    if len(rows) < MIN_ROWS:
        return None
    xs = sorted({c[0] for row in rows for c in row.cells if c is not None})
    tops = [row.bbox[1] for row in rows]
    if len(xs) < MIN_COLS:
        return None
    col_of = {x: i for i, x in enumerate(xs)}
    origins: list[tuple[tuple[float, float, float, float], tuple[int, int]]] = []
    for r, row in enumerate(rows):
        for c in row.cells:
            if c is not None:
                origins.append((c, (r, col_of[c[0]])))
    cells: list[list[tuple[str, tuple[int, int]]]] = []
    for r in range(len(rows)):
        out_row = []
        for c, x in enumerate(xs):
            px, py = x + 0.5, tops[r] + 0.5
            origin = next((o for (x0, y0, x1, y1), o in origins if x0 <= px < x1 and y0 <= py < y1), (r, c))
            orow, ocol = origin
            text = texts[orow][ocol] if orow < len(texts) and ocol < len(texts[orow]) else ""
            out_row.append((_cell_text(text), origin))
        cells.append(out_row)
    return Grid(cells, merged_known=True)


def _page_tables(page: Any) -> list[tuple[Any, Grid]]:
    """The page's ruled tables, top to bottom, with their grids."""
    if not (page.lines or page.rects):
        return []
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    return [(t, g) for t in tables if (g := table_grid(t)) is not None]


def _inside(ln: PrintedLine, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    mid = (ln.top + ln.bottom) / 2
    return top <= mid <= bottom and ln.x0 < x1 and ln.x1 > x0


@dataclass
class _Band:
    """A page's text between its tables: its paragraphs, and its first and last printed lines."""

    paras: list[str]
    first: PrintedLine
    last: PrintedLine


@dataclass
class _Page:
    """Where the text of the document's pages stands: the top of their first line and of their last line (the
    highest and the lowest), its line advance and the space between its paragraphs (``rhythm``)."""

    top: float
    bottom: float
    beat: tuple[float, float]

    def blanks_over(self, a: PrintedLine, b: PrintedLine, height: float) -> int:
        """The empty lines between the last line of a page and the first of the next: those under ``a`` down to
        the lowest line a page shows, or down to a bottom margin as wide as the top one when more fit there (an
        empty paragraph prints nothing: a page may end with some), and those above ``b`` from the text's first line."""
        advance, spacing = self.beat
        step = advance + spacing
        under = max(round((self.bottom - a.top) / step), int((height - self.top - a.top - advance) // step))
        return max(0, under) + max(0, round((b.top - self.top) / step))


def _page_bands(page: Any, tables: list[tuple[Any, Grid]], lines: list[PrintedLine], right: float,
                beat: tuple[float, float]) -> list:
    """The page as text bands and grids in reading order."""
    out: list[_Band | str | Grid] = []
    rest = lines
    for t, g in tables + [(None, None)]:
        top = t.bbox[1] if t is not None else float("inf")
        above = [ln for ln in rest if ln.top < top]
        rest = [ln for ln in rest if ln.top >= top]
        if above:
            paras = paragraphs(above, right, beat)
            out.append(_Band([p for p, _, _ in paras], paras[0][1], paras[-1][2]))
        if g is not None:
            out.extend(grid_blocks(g))  # a form laid out in cells, a caption row, a band of fields: as in Word
    return out


def _read_pages(pdf: Any) -> list[list[str | Grid]]:
    found = []
    for k, page in enumerate(pdf.pages, start=1):
        tables = _page_tables(page)
        lines = [ln for ln in printed_lines(page) if not any(_inside(ln, t.bbox) for t, _ in tables)]
        numbers = page_number_lines(lines, page.height, k)
        found.append((page, tables, [ln for i, ln in enumerate(lines) if i not in numbers]))
    widths = {round(p.width) for p, _, _ in found}
    right = {w: text_margins([ln for p, _, ls in found if round(p.width) == w for ln in ls], w)[1] for w in widths}
    texts = [ls for _, _, ls in found if ls]
    laid = _Page(min(ls[0].top for ls in texts), max(ls[-1].top for ls in texts),
                 rhythm([ln for ls in texts for ln in ls], max(right.values()))) if texts else None
    pages: list[list] = []
    tail: _Band | None = None  # the text the pages so far end with (None after a table)
    for page, tables, lines in found:
        r = right[round(page.width)]
        bands = _page_bands(page, tables, lines, r, laid.beat if laid else (12.0, 0.0))
        blanks = laid.blanks_over(tail.last, bands[0].first, page.height) if (
            laid and tail and bands and isinstance(bands[0], _Band)) else 0  # empty lines over the page break
        if (bands and isinstance(bands[0], _Band) and tail is not None and not blanks
                and over_break(tail.last, bands[0].first, r, pitch_of(lines))):
            tail.paras[-1] = glue(tail.paras[-1], bands[0].paras.pop(0))  # a paragraph wrapped over the page break
            if not bands[0].paras:
                tail.last = bands.pop(0).last
        elif blanks:
            bands[0].paras[:0] = [""] * blanks
        pages.append(bands)
        if bands:
            tail = bands[-1] if isinstance(bands[-1], _Band) else None
    return [["\n".join(b.paras) if isinstance(b, _Band) else b for b in bands] for bands in pages]


def pdf_pages(data: bytes) -> list[list[str | Grid]] | None:
    """Each page as text bands (its paragraphs, one a line, wrapped lines joined: pdf_lines.py) and grids in reading
    order; None when pdfplumber cannot read the file (then pypdf's text is read as it is)."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a dependency
        return None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return _read_pages(pdf)
    except Exception as e:  # noqa: BLE001 - any failure of pdfplumber leaves the text as pypdf read it
        log.info("pdf pages not read: %s", e)
        return None
