"""Reading .docx: paragraphs with automatic numbering rendered, footnotes inlined, tables as grids."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from dialogs.importer.document import ROMAN, Document, DocumentError, Grid, Line
from dialogs.importer.document import format_number as _fmt
from dialogs.importer.word_tables import grid_blocks, tab_fields

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # restart after this (0-based) level; None = after any higher level


@dataclass
class Numbering:
    """Definitions from word/numbering.xml and the running counters while reading."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    num_abs: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, xml: bytes | None) -> Numbering:
        n = cls()
        if not xml:
            return n
        root = etree.fromstring(xml)
        for an in root.findall("w:abstractNum", NS):
            levels: dict[int, Level] = {}
            for lvl in an.findall("w:lvl", NS):
                lv = Level()
                for name, attr in (("numFmt", "fmt"), ("lvlText", "text")):
                    el = lvl.find(f"w:{name}", NS)
                    if el is not None:
                        setattr(lv, attr, el.get(_q("val"), ""))
                st = lvl.find("w:start", NS)
                if st is not None:
                    lv.start = int(st.get(_q("val"), "1"))
                rs = lvl.find("w:lvlRestart", NS)
                if rs is not None:
                    lv.restart = int(rs.get(_q("val"), "0")) - 1
                levels[int(lvl.get(_q("ilvl"), "0"))] = lv
            n.abstract[an.get(_q("abstractNumId"))] = levels
        for num in root.findall("w:num", NS):
            nid = num.get(_q("numId"))
            ab = num.find("w:abstractNumId", NS)
            if ab is not None:
                n.num_abs[nid] = ab.get(_q("val"))
            for ov in num.findall("w:lvlOverride", NS):
                so = ov.find("w:startOverride", NS)
                if so is not None:
                    n.overrides.setdefault(nid, {})[int(ov.get(_q("ilvl"), "0"))] = int(so.get(_q("val")))
        return n

    def label(self, num_id: str, ilvl: int) -> str | None:
        levels = self.abstract.get(self.num_abs.get(num_id, ""), {})
        if num_id == "0" or ilvl not in levels:
            return None
        lv = levels[ilvl]
        key = self.num_abs[num_id]  # counters run per list definition, as Word continues a list
        cnt = self.counters.setdefault(key, {})
        start = self.overrides.get(num_id, {}).get(ilvl, lv.start)
        if num_id not in self.counters.setdefault("__seen", {}):
            self.counters["__seen"][num_id] = 1
            if num_id in self.overrides:
                cnt.clear()
        cnt[ilvl] = cnt.get(ilvl, start - 1) + 1
        for deeper in [k for k in cnt if k > ilvl]:
            dl = levels.get(deeper)
            if dl is None or dl.restart is None or dl.restart >= ilvl:
                del cnt[deeper]
        if lv.fmt == "bullet":
            return _bullet(lv.text)
        if lv.fmt == "none":
            return None

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvk = levels.get(k, Level())
            return _fmt(cnt.get(k, lvk.start), lvk.fmt)

        return re.sub(r"%(\d)", sub, lv.text).strip() or None


def _bullet(ch: str) -> str:
    if ch in ("-", "–", "+", "•", "·", "*"):
        return "-" if ch == "–" else ch
    return "•"


def _num_pr(p: etree._Element, styles: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    np_ = p.find("w:pPr/w:numPr", NS)
    if np_ is not None:
        nid = np_.find("w:numId", NS)
        il = np_.find("w:ilvl", NS)
        if nid is not None:
            return nid.get(_q("val")), int(il.get(_q("val"), "0")) if il is not None else 0
    st = p.find("w:pPr/w:pStyle", NS)
    if st is not None:
        return styles.get(st.get(_q("val")))
    return None


def _style_numbering(xml: bytes | None) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    if not xml:
        return out
    for st in etree.fromstring(xml).findall("w:style", NS):
        np_ = st.find("w:pPr/w:numPr", NS)
        if np_ is not None and np_.find("w:numId", NS) is not None:
            il = np_.find("w:ilvl", NS)
            out[st.get(_q("styleId"))] = (
                np_.find("w:numId", NS).get(_q("val")),
                int(il.get(_q("val"), "0")) if il is not None else 0,
            )
    return out


def _footnotes(xml: bytes | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if not xml:
        return out
    for fn in etree.fromstring(xml).findall("w:footnote", NS):
        fid = fn.get(_q("id"))
        text = " ".join(_para_text(p, {}).replace("\t", " ") for p in fn.findall(".//w:p", NS)).strip()
        if text and fid and not fid.startswith("-") and fid != "0":
            out[fid] = text
    return out


BOX_CHARS = {"F06F", "F070", "F071", "F072", "F0A8", "F0FE", "F0FD", "F078", "F06E", "F0A1", "F0A3"}


def _leaders(p: etree._Element) -> list[bool]:
    """For each tab stop of the paragraph, left to right: whether it draws a leader (dots, a line) up to it."""
    stops = [t for t in p.findall("w:pPr/w:tabs/w:tab", NS) if t.get(_q("val")) != "clear"]
    stops.sort(key=lambda t: int(t.get(_q("pos"), "0") or 0))
    return [t.get(_q("leader"), "none") not in ("none", "") for t in stops]


def _para_text(p: etree._Element, notes: dict[str, str], br: str = " ") -> str:
    parts: list[str] = []
    leaders, tabs = _leaders(p), 0
    for el in p.iter(_q("t"), _q("tab"), _q("br"), _q("footnoteReference"), _q("sym")):
        if el.tag == _q("t"):
            parts.append(el.text or "")
        elif el.tag == _q("tab"):
            if el.getparent().tag == _q("tabs"):
                continue  # a tab stop's definition, not a tab in the text
            # kept: a tab may separate two fields of a form (word_tables.tab_fields); a dotted leader is a blank
            parts.append("……\t" if tabs < len(leaders) and leaders[tabs] else "\t")
            tabs += 1
        elif el.tag == _q("br"):
            parts.append(br)
        elif el.tag == _q("sym"):  # a Wingdings box ('Có □ Không □'): the answer box of a form
            parts.append("□" if el.get(_q("char"), "").upper() in BOX_CHARS else "")
        elif el.tag == _q("footnoteReference"):
            fid = el.get(_q("id"))
            parts.append(f"[footnoteRef:{fid}]")
            if fid in notes:
                parts.append(f" [{fid}: {notes[fid]}]")
    return "".join(parts)


def _grid(tbl: etree._Element, notes: dict[str, str]) -> Grid:
    rows: list[list[tuple[str, tuple[int, int]]]] = []
    for ri, tr in enumerate(tbl.findall("w:tr", NS)):
        before = tr.find("w:trPr/w:gridBefore", NS)  # grid columns the row leaves out before its first cell
        row: list[tuple[str, tuple[int, int]]] = [("", (-1, -1))] * int(
            before.get(_q("val"), "0") if before is not None else 0)
        for tc in tr.findall("w:tc", NS):
            span_el = tc.find("w:tcPr/w:gridSpan", NS)
            span = int(span_el.get(_q("val"), "1")) if span_el is not None else 1
            vm = tc.find("w:tcPr/w:vMerge", NS)
            text = "\n".join(_para_text(p, notes, "\n") for p in _blocks(tc) if p.tag == _q("p")).strip()
            ci = len(row)
            origin = (ri, ci)
            if vm is not None and vm.get(_q("val"), "continue") != "restart" and ri > 0:
                above = rows[ri - 1]
                if ci < len(above):
                    text, origin = above[ci]
            for _ in range(span):
                row.append((text, origin))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        while len(r) < width:
            r.append(("", (-1, -1)))
    return Grid(rows, merged_known=True)


def read_docx(data: bytes) -> Document:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        body_xml = z.read("word/document.xml")
        names = set(z.namelist())
        numbering = Numbering.parse(z.read("word/numbering.xml") if "word/numbering.xml" in names else None)
        styles = _style_numbering(z.read("word/styles.xml") if "word/styles.xml" in names else None)
        notes = _footnotes(z.read("word/footnotes.xml") if "word/footnotes.xml" in names else None)
        root = etree.fromstring(body_xml)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as e:
        raise DocumentError(f"Tệp .docx bị hỏng, không đọc được ({e}). Hãy mở bằng Word và lưu lại.") from None
    for fallback in list(root.iter(f"{{{MC}}}Fallback")):  # a text box written twice (drawing, VML): read once
        fallback.clear()
    body = root.find("w:body", NS)
    doc = Document(source="docx")
    if body is None:
        return doc
    for el in _blocks(body):
        if el.tag == _q("p"):
            parts = tab_fields(_para_text(el, notes))
            npr = _num_pr(el, styles)
            label = numbering.label(*npr) if npr and parts[0].strip() else None
            level = npr[1] if label and npr else None
            doc.blocks.append(Line(f"{label} {parts[0].strip()}" if label else parts[0], level=level))
            doc.blocks.extend(Line(t) for t in parts[1:])
        elif el.tag == _q("tbl"):
            doc.blocks.extend(_table_blocks(el, notes))
    doc.blocks = _pasted_tables(doc.blocks)
    return doc


def _pasted_tables(blocks: list[Line | Grid]) -> list[Line | Grid]:
    """A table pasted from a web page into Word as text — one cell a paragraph, or its cells separated by «|» — is
    read as the .txt reader reads it (figure_rows, spreadsheet_rows, rows of «|»): each run of plain paragraphs (no
    automatic number, no tab) that the text reader turns into a table is taken as it reads it; other runs stay."""
    from dialogs.importer.reading import read_txt

    out: list[Line | Grid] = []
    run: list[Line] = []

    def flush() -> None:
        if len(run) >= 4:
            read = read_txt("\n".join(b.text for b in run), source="docx").blocks
            if any(isinstance(b, Grid) for b in read):
                out.extend(read)
                run.clear()
                return
        out.extend(run)
        run.clear()

    for b in blocks:
        if isinstance(b, Line) and b.level is None and "\t" not in b.text and "\n" not in b.text:
            run.append(b)
            continue
        flush()
        out.append(b)
    flush()
    return out


def _blocks(parent: etree._Element) -> list[etree._Element]:
    """The paragraphs and tables of a body or a cell in order, those inside content controls (w:sdt) too."""
    out: list[etree._Element] = []
    for el in parent:
        if el.tag == _q("sdt"):
            content = el.find("w:sdtContent", NS)
            out.extend(_blocks(content) if content is not None else [])
        elif el.tag in (_q("p"), _q("tbl")):
            out.append(el)
    return out


def _table_blocks(tbl: etree._Element, notes: dict[str, str]) -> list[Line | Grid]:
    """A Word table as what it shows (the letterhead as lines, the rest by word_tables.grid_blocks), then the
    tables nested in its cells."""
    layout = _layout_lines(tbl, notes)
    if layout:
        return [Line(t) for t in layout]
    nested = [b for inner in tbl.iterfind("w:tr/w:tc/w:tbl", NS) for b in _table_blocks(inner, notes)]
    return [Line(b) if isinstance(b, str) else b for b in grid_blocks(_grid(tbl, notes))] + nested


LAYOUT_WORDS = re.compile(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do", re.I)


def _layout_lines(tbl: etree._Element, notes: dict[str, str]) -> list[str] | None:
    """A small table that only lays out the letterhead (agency | motto and the document's name): its paragraphs as
    lines, cell by cell, so that the name is read as the document's name and the rest as its header. None for a
    table with data (a signature table stays a table: the importer reports it)."""
    rows = tbl.findall("w:tr", NS)
    cells = [tc for tr in rows for tc in tr.findall("w:tc", NS)]
    if not rows or len(rows) > 3 or len(cells) > 6:
        return None
    paras = [[_para_text(p, notes).replace("\t", " ").strip() for p in tc.findall("w:p", NS)] for tc in cells]
    text = " ".join(t for ps in paras for t in ps)
    if not LAYOUT_WORDS.search(text) or re.search(r"\d{2,}(?:[.,]\d+)?(?!/)\b", re.sub(r"(?i)(?:ngày|tháng|năm|số)\s*:?\s*\S*", "", text)):
        return None
    return [t for ps in paras for t in ps if t]


__all__ = ["read_docx", "Numbering", "ROMAN", "DocumentError"]
