"""Word files for the unseen outlines of tests/data/unseen: built from their .txt as an office would type them.

Numbered lines get Word's automatic numbering where Word's counters would print the same number (roman, 1., 1.1.,
a), (1), (a), and "-", "+", "•" bullets, all in one list definition); other lines stay literal text. A block of
tab-separated lines becomes a real Word table: in its header rows an empty cell right of a label is merged into
it (a column group) and an empty cell under a label is merged into it (a label spanning the header rows).
"""

from __future__ import annotations

import io
import re

from docx import Document

from benchmarks.seed_docx import _numbering, _set_num  # Word's list definition and a paragraph's place in it
from dialogs.importer.structure import parse_marker

LEVELS = [
    ("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3."), ("lowerLetter", "%4)"),
    ("decimal", "(%5)"), ("lowerLetter", "(%6)"), ("bullet", "-"), ("bullet", "+"), ("bullet", "•"),
]
KIND_LEVEL = {"roman": 0, "dec1": 1, "dec2": 2, "alpha": 3, "paren": 4, "paren_alpha": 5, "dash": 6, "plus": 7,
              "dot": 8}
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
LETTERS = "abcdeghiklmnopqrstuvxy"


class Counters:
    """Word's counters for the one list: a level counts on, deeper levels restart."""

    def __init__(self) -> None:
        self.c: dict[int, int] = {}

    def render(self, level: int) -> str:
        fmt, text = LEVELS[level]
        if fmt == "bullet":
            return text
        c = {k: v for k, v in self.c.items() if k < level}
        c[level] = self.c.get(level, 0) + 1
        out = text
        for k in range(len(LEVELS)):
            n = c.get(k, 1)
            val = ROMAN[n] if LEVELS[k][0] == "upperRoman" else LETTERS[n - 1] if LEVELS[k][0] == "lowerLetter" else str(n)
            out = out.replace(f"%{k + 1}", val)
        return out

    def advance(self, level: int) -> None:
        if LEVELS[level][0] == "bullet":
            return
        n = self.c.get(level, 0) + 1
        self.c = {k: v for k, v in self.c.items() if k < level}
        self.c[level] = n


def _header_rows(rows: list[list[str]]) -> int:
    for i, r in enumerate(rows):
        if re.fullmatch(r"[IVX]+|\d{1,2}|\(\d{1,2}\)", r[0].strip()):
            return i
    return 1


def add_table(doc, lines: list[str]) -> None:
    rows = [line.split("\t") for line in lines]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    h = _header_rows(rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    owner = {}  # header cell → the cell it is merged into
    for r in range(h):
        for c in range(width):
            if rows[r][c].strip():
                continue
            if c and (r, c - 1) not in owner and rows[r][c - 1].strip() and r + 1 < h and rows[r + 1][c].strip():
                owner[(r, c)] = owner.get((r, c - 1), (r, c - 1))
            elif c and owner.get((r, c - 1)) and r + 1 < h and rows[r + 1][c].strip():
                owner[(r, c)] = owner[(r, c - 1)]
            elif r and (rows[r - 1][c].strip() or (r - 1, c) in owner) and owner.get((r - 1, c), (r - 1, c))[1] == c:
                owner[(r, c)] = owner.get((r - 1, c), (r - 1, c))
    for (r, c), (orow, ocol) in owner.items():
        table.cell(orow, ocol).merge(table.cell(r, c))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) not in owner and text.strip():
                table.cell(r, c).text = text.strip()


def build_docx(text: str, auto_numbering: bool = True) -> bytes:
    doc = Document()
    num_id = _numbering(doc, LEVELS, ident="77", restarts={}) if auto_numbering else ""
    counters = Counters()
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            j = i
            while j < len(lines) and "\t" in lines[j]:
                j += 1
            add_table(doc, lines[i:j])
            i = j
            continue
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        mk = parse_marker(line) if num_id else None
        level = KIND_LEVEL.get(mk.kind) if mk else None
        if mk and level is not None and counters.render(level) == (mk.no if mk.kind not in ("dot",) else "•"):
            counters.advance(level)
            _set_num(doc.add_paragraph(mk.rest), num_id, level)
        else:
            doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
