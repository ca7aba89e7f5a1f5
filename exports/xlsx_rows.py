"""The rows of a write-only openpyxl sheet serialised straight to XML.

openpyxl builds and serialises an lxml element for every cell (a context manager per ``<c>``, the style id
hashed again for each): most of the time of a workbook with hundreds of thousands of cells. Here a row is one
string, styles are looked up once per distinct style, and the rows stream to a temporary file that is spliced
into openpyxl's own sheet file (its ``<sheetData>``) when the workbook is saved — everything else (columns,
panes, merged cells, print set-up, charts) is still written by openpyxl.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime, time, timedelta
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel


class RowWriter:
    """Rows for one write-only worksheet: :meth:`append` as ``ws.append`` would, in the same order."""

    def __init__(self, ws: Any):
        self.ws = ws
        self.wb = ws.parent
        self.rows = 0
        self.heights: dict[int, float] = {}  # row → an explicit height (points), for rows of wrapped text
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._styles: dict[bytes, str] = {}  # a style's bytes → its ' s="…"' attribute
        self._letters: list[str] = []
        closing = ws.close

        def close() -> None:  # called by openpyxl when the workbook is saved
            closing()
            self._splice()

        ws.close = close

    def _letter(self, col: int) -> str:
        while len(self._letters) <= col:
            self._letters.append(get_column_letter(len(self._letters) + 1))
        return self._letters[col]

    def _style(self, cell: Cell) -> str:
        key = cell._style.tobytes()
        s = self._styles.get(key)
        if s is None:
            sid = self.wb._cell_styles.add(cell._style) if cell.has_style else 0
            s = self._styles[key] = f' s="{sid}"' if sid else ""
        return s

    def append(self, values: list[Any]) -> None:
        self.rows += 1
        r = self.rows
        height = self.heights.get(r)
        parts = [f'<row r="{r}" ht="{height}" customHeight="1">' if height else f'<row r="{r}">']
        for i, v in enumerate(values):
            if v is None:
                continue
            ref = f"{self._letter(i)}{r}"
            style = ""
            if isinstance(v, Cell):
                style = self._style(v)
                v = v._value
            elif isinstance(v, datetime | date | time | timedelta):
                c = WriteOnlyCell(self.ws, value=v)  # a date format of openpyxl's choice
                style, v = self._style(c), c._value
            parts.append(_cell(ref, style, v, self.wb.epoch))
        parts.append("</row>")
        self.file.write("".join(parts))

    def _splice(self) -> None:
        """Put the rows in place of openpyxl's (empty) ``<sheetData>``."""
        path = self.ws._writer.out
        with open(path, encoding="utf-8") as f:
            text = f.read()
        start = text.index("<sheetData")
        empty = text.startswith("<sheetData/>", start)
        end = start + len("<sheetData/>") if empty else text.index("</sheetData>", start) + len("</sheetData>")
        self.file.seek(0)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text[:start] + "<sheetData>")
            shutil.copyfileobj(self.file, out, 1 << 20)
            out.write("</sheetData>" + text[end:])
        self.file.close()


def _cell(ref: str, style: str, v: Any, epoch: Any) -> str:
    if v is None or v == "":
        return f'<c r="{ref}"{style}/>' if style else ""
    t = type(v)
    if t is str:
        space = ' xml:space="preserve"' if v != v.strip() else ""
        if "&" in v or "<" in v or ">" in v:
            v = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{v}</t></is></c>'
    if t is bool:
        return f'<c r="{ref}"{style} t="b"><v>{int(v)}</v></c>'
    if t is int:
        return f'<c r="{ref}"{style} t="n"><v>{v}</v></c>'
    if t is float:
        if v != v or v in (float("inf"), float("-inf")):
            return f'<c r="{ref}"{style}/>'
        return f'<c r="{ref}"{style} t="n"><v>{v:.16g}</v></c>'
    if isinstance(v, datetime | date | time | timedelta):
        return f'<c r="{ref}"{style} t="n"><v>{to_excel(v, epoch):.16g}</v></c>'
    if isinstance(v, int | float):
        return _cell(ref, style, float(v) if isinstance(v, float) else int(v), epoch)
    return _cell(ref, style, str(v), epoch)
