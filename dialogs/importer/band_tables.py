"""A flattened Biểu holding several parts, each opened by a lettered band, taken apart into one Biểu per part.

A statistics form may print two tables under one header: a band row 'A. Số người bắt, tạm giữ' over its rows
numbered I, II, III …, then a band 'B - Số người bị tạm giam' over rows numbered I, II … again. Copied one cell a
line, the reader gives one grid whose rows run through both parts. Two bands at least, the first right under the
header (no total row between them: a grand total over the parts keeps the Biểu whole), each a single letter and a name with nothing else in its row, and the numbering starting over under each
band: the grid is cut at the bands, each part a Biểu of its own under the same header, its band written as the line
above it as a lettered heading ('B. Số người bị tạm giam': the part's section) and kept as the part's first row."""

from __future__ import annotations

import re

from dialogs.importer.textgrid import FlatGrid

BAND = re.compile(r"^(?P<letter>[A-ZĐa-zđ])\s*[.)\-–]\s+(?P<name>\S.*)$")
FIRST_NUMBER = re.compile(r"^(?:I|1)[.)]?$")
LEADING_NUMBER = re.compile(r"^(?:[IVX]{1,4}|\d{1,2})[.)]?(?=\s|$)")


def _band(row: list[tuple[str, tuple[int, int]]]) -> bool:
    texts = [t.strip() for t, _ in row]
    return len(texts) >= 2 and not texts[0] and bool(BAND.match(texts[1])) and not any(texts[2:])


def _total(row: list[tuple[str, tuple[int, int]]]) -> bool:
    """A row of the body between the header and the first band (a grand total): no number, a label in words and
    no other cell filled; a header's second line ('A | B | 1', '| | Số lượng | Tỷ lệ') is none."""
    texts = [t.strip() for t, _ in row]
    return len(texts) >= 3 and not texts[0] and sum(c.isalpha() for c in texts[1]) >= 2 and not any(texts[2:])


def _number(row: list[tuple[str, tuple[int, int]]]) -> str:
    no = row[0][0].strip()
    if no:
        return no
    m = LEADING_NUMBER.match(row[1][0].strip()) if len(row) > 1 else None
    return m.group(0) if m else ""


def _parts(grid: FlatGrid) -> tuple[int, list[int]] | None:
    """(the first body row, the band rows) when the grid is banded (see the module), else None."""
    bands = [r for r, row in enumerate(grid.cells) if r and _band(row)]
    if len(bands) < 2:
        return None
    top = bands[0]
    if top < 1 or any(_number(row) for row in grid.cells[1:top]) and top > 2:
        return None
    if any(_total(row) for row in grid.cells[1:top]):
        return None  # 'Tổng thu, chi cân đối' over the parts A and B: one Biểu, its total over both
    for a, b in zip(bands, [*bands[1:], len(grid.cells)], strict=False):
        numbers = [n for n in (_number(row) for row in grid.cells[a + 1:b]) if n]
        if b - a < 3 or not numbers or not FIRST_NUMBER.match(numbers[0]):
            return None
    return top, bands


def _piece(grid: FlatGrid, top: int, a: int, b: int) -> FlatGrid | None:
    cells = [list(row) for row in grid.cells[:top]]
    for old, row in enumerate(grid.cells[a:b], a):  # the band stays the part's first row, as it was the grid's
        if any(origin[0] != old for _, origin in row):
            return None  # a cell merged over rows: not cut
        cells.append([(t, (len(cells), origin[1])) for t, origin in row])
    units = {top + r - a: u for r, u in grid.units.items() if a <= r < b}
    return FlatGrid(cells=cells, merged_known=grid.merged_known, note=grid.note, first=grid.first, units=units)


def banded_parts(seq: list) -> list:
    """The sequence with each banded grid cut into its parts, each band a line before its part."""
    out: list = []
    for x in seq:
        got = _parts(x) if isinstance(x, FlatGrid) else None
        pieces: list = []
        if got:
            top, bands = got
            for a, b in zip(bands, [*bands[1:], len(x.cells)], strict=False):
                piece = _piece(x, top, a, b)
                if piece is None:
                    pieces = []
                    break
                m = BAND.match(x.cells[a][1][0].strip())
                pieces += [f"{m.group('letter').upper()}. {m.group('name')}", piece]  # 'b - …' heads part B
        out += pieces or [x]
    return out
