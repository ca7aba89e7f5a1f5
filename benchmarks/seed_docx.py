"""Build a .docx from a seed's text, as the original Word file would look.

Headings and bullets become paragraphs; where the seed's numbering can be reproduced by Word's automatic
numbering (roman / decimal / multi-level decimal / letter / bullets, checked line by line), the number is
moved out of the text into ``w:numPr`` and a numbering part. Each Biểu of the hand-written outline becomes
a real Word table with merged header cells (horizontal for column groups, vertical for ungrouped columns,
"TT" and "Nội dung"), a numbering row (1) (2) … and its rows; it replaces the tab-separated table of the
seed text, or is inserted after the paragraph that refers to it.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from rapidfuzz import fuzz

from dialogs.importer.reading import ROMAN
from dialogs.importer.structure import parse_marker
from dialogs.outline import Outline, Question
from dialogs.text import norm_words

# level → (numFmt, lvlText) of the one list definition the builder uses
LEVELS = [
    ("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3."), ("decimal", "%2.%3.%4."),
    ("lowerLetter", "%5)"), ("bullet", "-"), ("bullet", "+"),
]
KIND_LEVEL = {"roman": 0, "dec1": 1, "dec2": 2, "dec3": 3, "alpha": 4, "dash": 5, "plus": 6}


def _numbering(doc, levels: list[tuple[str, str]] | None = None, *, ident: str = "90",
               restarts: dict[int, int] | None = None) -> str:
    """Add one abstractNum with ``levels`` (format, text; the seeds' levels by default) and a num pointing at it;
    return the numId. ``restarts``: level → the level after which it starts again (the seeds' letters restart after
    any decimal level)."""
    levels = LEVELS if levels is None else levels
    restarts = {4: 4} if restarts is None else restarts
    root = doc.part.numbering_part.element
    an = OxmlElement("w:abstractNum")
    an.set(qn("w:abstractNumId"), ident)
    for i, (fmt, text) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(i))
        values = [("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)]
        if i in restarts:
            values.append(("w:lvlRestart", str(restarts[i])))
        for tag, val in values:
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        an.append(lvl)
    first_num = root.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(an)
    else:
        root.append(an)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), ident)
    ab = OxmlElement("w:abstractNumId")
    ab.set(qn("w:val"), ident)
    num.append(ab)
    root.append(num)
    return ident


class AutoNumber:
    """Simulates Word's counters to decide whether a marker can be produced by automatic numbering."""

    def __init__(self) -> None:
        self.counters: dict[int, int] = {}

    def render(self, level: int) -> str:
        fmt, text = LEVELS[level]
        if fmt == "bullet":
            return text
        c = dict(self.counters)
        c[level] = c.get(level, 0) + 1
        for k in list(c):
            if k > level and k < 5:
                del c[k]
        out = text
        for i in range(5):
            if f"%{i + 1}" in out:
                n = c.get(i, 1)
                out = out.replace(f"%{i + 1}", ROMAN[n] if i == 0 else ("abcdefghiklmnopqrstuvxy"[n - 1] if i == 4 else str(n)))
        return out

    def advance(self, level: int) -> None:
        if LEVELS[level][0] == "bullet":
            return
        self.counters[level] = self.counters.get(level, 0) + 1
        for k in list(self.counters):
            if level < k < 5:
                del self.counters[k]


def _set_num(paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl")
    il.set(qn("w:val"), str(level))
    ni = OxmlElement("w:numId")
    ni.set(qn("w:val"), num_id)
    numpr.append(il)
    numpr.append(ni)
    ppr.append(numpr)


def _header_paths(q: Question) -> list[list[str]]:
    return [([g.strip() for g in c.group.split("›")] if c.group else []) + [c.label] for c in q.table.columns]


def add_table(doc, q: Question) -> None:
    """A Biểu with merged header cells: groups merged horizontally, short paths merged vertically."""
    t = q.table
    paths = _header_paths(q)
    depth = max(len(p) for p in paths)
    ncols = 2 + len(paths)
    table = doc.add_table(rows=depth + 1 + len(t.rows), cols=ncols)
    table.style = "Table Grid"
    for c, text in ((0, "TT"), (1, "Nội dung")):
        cell = table.cell(0, c).merge(table.cell(depth - 1, c)) if depth > 1 else table.cell(0, c)
        cell.text = text
    for level in range(depth):
        c = 0
        while c < len(paths):
            p = paths[c]
            if level >= len(p):
                c += 1
                continue
            if level == len(p) - 1:  # the label: merged down to the last header row
                cell = table.cell(level, c + 2)
                if level < depth - 1:
                    cell = cell.merge(table.cell(depth - 1, c + 2))
                cell.text = p[level]
                c += 1
                continue
            end = c
            while end + 1 < len(paths) and len(paths[end + 1]) > level + 1 and paths[end + 1][: level + 1] == p[: level + 1]:
                end += 1
            cell = table.cell(level, c + 2)
            if end > c:
                cell = cell.merge(table.cell(level, end + 2))
            cell.text = p[level]
            c = end + 1
    rows = table.rows
    for c, cell in enumerate(rows[depth].cells):
        cell.text = f"({c + 1})"
    for i, row in enumerate(t.rows):
        cells = rows[depth + 1 + i].cells
        cells[0].text = row.no or ""
        cells[1].text = row.label


def _table_for(outline: Outline, code: str | None, text: str) -> Question | None:
    """The hand-written table of this code, or (no code) the one whose row labels the block shows."""
    for q in outline.tables:
        if code and q.table.code and q.table.code.upper() == code.upper():
            return q
    block = norm_words(text)
    for q in outline.tables:
        labels = [norm_words(r.label) for r in q.table.rows]
        if q.table.code is None and labels and sum(1 for lab in labels if lab in block) * 2 >= len(labels):
            return q
    return None


def _blocks(lines: list[str], outline: Outline) -> dict[int, tuple[int, Question | None]]:
    """Tab-separated blocks of the seed: start line → (end line, the hand-written table it shows or None)."""
    out: dict[int, tuple[int, Question | None]] = {}
    last_caption: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.count("\t") >= 2:
            j = i
            width = 0
            while j < len(lines) and (lines[j].count("\t") >= 2 or not lines[j].strip()) and j - i < 400:
                nxt = [x for x in lines[j + 1:j + 3] if x.count("\t") >= 2]
                if not lines[j].strip() and (not nxt or abs(nxt[0].count("\t") - width) > max(1, width // 4)):
                    break  # a blank line, then rows of another width: the next table
                width = max(width, lines[j].count("\t"))
                j += 1
            j = max(j, i + 1)
            headerless = re.match(r"^(?:[IVX]+|\d{1,2})\t", lines[i]) is not None
            out[i] = (j, None if headerless else _table_for(outline, last_caption, "\n".join(lines[i:j])))
            last_caption = None
            i = j
            continue
        m = re.match(r"^\s*(?:biểu|phụ lục)\s*(?:số\s*)?(\d{1,2}[A-Za-z]?)", line, re.I)
        if m:
            last_caption = m.group(1)
        i += 1
    return out


def build_docx(seed_text: str, outline: Outline, auto_numbering: bool = True) -> bytes:
    doc = Document()
    num_id = _numbering(doc) if auto_numbering else ""
    auto = AutoNumber()
    lines = seed_text.replace("\r\n", "\n").split("\n")
    blocks = _blocks(lines, outline)
    # the tables the seed prints are rendered where it prints them, not after the line that mentions them
    placed: set[str] = {q.key for _, q in blocks.values() if q is not None}
    rendered: set[str] = set()
    i = 0
    while i < len(lines):
        if i in blocks:
            j, q = blocks[i]
            if q is not None and q.key not in rendered:
                add_table(doc, q)
                rendered.add(q.key)
            else:
                _plain_table(doc, [x for x in lines[i:j] if x.strip()])
            i = j
            continue
        _paragraph(doc, lines[i], auto, num_id)
        for q in _tables_referenced(outline, lines[i], placed):
            add_table(doc, q)
            placed.add(q.key)
        i += 1
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _paragraph(doc, line: str, auto: AutoNumber, num_id: str) -> None:
    mk = parse_marker(line) if num_id else None
    level = KIND_LEVEL.get(mk.kind) if mk else None
    if mk and level is not None and auto.render(level) == mk.no:
        auto.advance(level)
        p = doc.add_paragraph(mk.rest)
        _set_num(p, num_id, level)
        return
    doc.add_paragraph(line.strip())


def _plain_table(doc, rows: list[str]) -> None:
    cells = [r.split("\t") for r in rows]
    if not cells:
        return
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    for r, row in enumerate(cells):
        out = table.rows[r].cells
        for c, text in enumerate(row):
            out[c].text = text.strip()


def _tables_referenced(outline: Outline, line: str, placed: set[str]) -> list[Question]:
    """Tables of the hand-written outline that the seed text does not show: after the line that asks them."""
    out = []
    n = norm_words(line)
    if len(n) < 20:
        return out
    for q in outline.tables:
        if q.key in placed:
            continue
        if fuzz.partial_ratio(norm_words(q.prompt)[:80], n) >= 90:
            out.append(q)
    return out
