"""Tables of a PDF with a text layer: ruled tables (a Biểu drawn with cell borders) found by pdfplumber and
turned into grids with their merged cells, placed between the text above and below them.

Pages without a ruled table keep pypdf's text (``reading.read_pdf``); a page with one is read by pdfplumber
in bands: the text above the first table, the table, the text between, … . Any failure of pdfplumber (a
malformed page, the library missing) leaves the page as text, as before.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from dialogs.importer.document import Grid
from dialogs.importer.word_tables import grid_blocks

log = logging.getLogger(__name__)

MIN_ROWS, MIN_COLS = 2, 2


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


def _page_bands(page: Any) -> list[str | Grid] | None:
    """The page as text bands and grids in reading order, or None when it has no ruled table."""
    if not (page.lines or page.rects):
        return None
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    grids = [(t, g) for t in tables if (g := table_grid(t)) is not None]
    if not grids:
        return None
    out: list[str | Grid] = []
    top = 0.0
    for t, g in grids:
        x0, t_top, x1, t_bottom = t.bbox
        if t_top > top:
            out.append(page.crop((0, top, page.width, t_top)).extract_text() or "")
        out.extend(grid_blocks(g))  # a form laid out in cells, a caption row, a band of fields: as in Word
        top = max(top, t_bottom)
    if top < page.height:
        out.append(page.crop((0, top, page.width, page.height)).extract_text() or "")
    return out


def pdf_tables(data: bytes) -> dict[int, list[str | Grid]]:
    """Page index → that page as text bands and grids, for the pages that have a ruled table."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a dependency; without it tables stay text
        return {}
    out: dict[int, list[str | Grid]] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages):
                bands = _page_bands(page)
                if bands is not None:
                    out[i] = bands
    except Exception as e:  # noqa: BLE001 - any failure of the table finder leaves the text as pypdf read it
        log.info("pdf tables not read: %s", e)
        return {}
    return out
