"""The rows of a write-only openpyxl sheet serialised straight to XML.

openpyxl builds and serialises an lxml element for every cell (a context manager per ``<c>``, the style id
hashed again for each): most of the time of a workbook with hundreds of thousands of cells. Here a row is one
string, styles are looked up once per distinct style, and the rows stream (as UTF-8 bytes) to a temporary
file that is spliced into openpyxl's own sheet file (its ``<sheetData>``) when the workbook is saved —
everything else (columns, panes, merged cells, print set-up, charts) is still written by openpyxl.

The big sheets' cells are :class:`Styled` values: the value and its :class:`Look` (a style registered with
the workbook once, when first written), so a cell costs one small object and one string, no openpyxl cell.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime, time, timedelta
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

_FLUSH_ROWS = 2000  # rows joined and written to the temporary file at once


class Look:
    """A cell style (an openpyxl style array) and, once the first cell of it is written, its ``' s="…"'``."""

    __slots__ = ("array", "attr")

    def __init__(self, cell: Cell):
        self.array = cell._style if cell.has_style else None
        self.attr: str | None = None


class Styled:
    """A value written with a :class:`Look` (what an openpyxl cell would carry, without the cell)."""

    __slots__ = ("v", "look")

    def __init__(self, v: Any, look: Look):
        self.v = v
        self.look = look


class RowWriter:
    """Rows for one write-only worksheet: :meth:`append` as ``ws.append`` would, in the same order."""

    def __init__(self, ws: Any):
        self.ws = ws
        self.wb = ws.parent
        self.rows = 0
        self.heights: dict[int, float] = {}  # row → an explicit height (points), for rows of wrapped text
        self.file = tempfile.TemporaryFile("w+b")
        self._pending: list[str] = []
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

    def _look(self, look: Look) -> str:
        """The style attribute of a look, registered with the workbook the first time one is written."""
        if look.array is None:
            look.attr = ""
            return ""
        key = look.array.tobytes()
        s = self._styles.get(key)
        if s is None:
            sid = self.wb._cell_styles.add(look.array)
            s = self._styles[key] = f' s="{sid}"' if sid else ""
        look.attr = s
        return s

    def append(self, values: list[Any], body: tuple[Look, Look] | None = None) -> None:
        """One row; with ``body`` (the looks of a plain value and of a date), every cell of a table's body:
        plain values and dates take those looks and an empty cell is written with the plain one (bordered)."""
        self.rows += 1
        r = str(self.rows)
        height = self.heights.get(self.rows)
        parts = [f'<row r="{r}" ht="{height}" customHeight="1">' if height else f'<row r="{r}">']
        if len(self._letters) < len(values):
            self._letter(len(values) - 1)
        letters = self._letters
        for i, v in enumerate(values):
            t = type(v)
            if t is Styled:
                style = v.look.attr
                if style is None:
                    style = self._look(v.look)
                v = v.v
            elif v is None:
                if body is None:
                    continue
                style = body[0].attr
                v = ""
                if style is None:
                    style = self._look(body[0])
            elif body is not None and not isinstance(v, Cell):
                look = body[1] if isinstance(v, date) else body[0]
                style = look.attr
                if style is None:
                    style = self._look(look)
            elif isinstance(v, Cell):
                style = self._style(v)
                v = v._value
            elif isinstance(v, datetime | date | time | timedelta):
                c = WriteOnlyCell(self.ws, value=v)  # a date format of openpyxl's choice
                style, v = self._style(c), c._value
            else:
                style = ""
            t = type(v)
            if t is str and v:
                space = ' xml:space="preserve"' if v[0].isspace() or v[-1].isspace() else ""
                if "&" in v or "<" in v or ">" in v:
                    v = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                parts.append(f'<c r="{letters[i]}{r}"{style} t="inlineStr"><is><t{space}>{v}</t></is></c>')
            elif t is int:
                parts.append(f'<c r="{letters[i]}{r}"{style} t="n"><v>{v}</v></c>')
            else:
                parts.append(_cell(letters[i] + r, style, v, self.wb.epoch))
        parts.append("</row>")
        self._pending.append("".join(parts))
        if len(self._pending) >= _FLUSH_ROWS:
            self._write()

    def _write(self) -> None:
        self.file.write("".join(self._pending).encode())
        self._pending.clear()

    def _splice(self) -> None:
        """Put the rows in place of openpyxl's (empty) ``<sheetData>``."""
        self._write()
        path = self.ws._writer.out
        with open(path, "rb") as f:
            text = f.read()
        start = text.index(b"<sheetData")
        empty = text.startswith(b"<sheetData/>", start)
        end = start + len(b"<sheetData/>") if empty else text.index(b"</sheetData>", start) + len(b"</sheetData>")
        self.file.seek(0)
        with open(path, "wb") as out:
            out.write(text[:start] + b"<sheetData>")
            shutil.copyfileobj(self.file, out, 1 << 20)
            out.write(b"</sheetData>" + text[end:])
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
