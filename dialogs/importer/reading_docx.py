"""Reading .docx: paragraphs with automatic numbering rendered, footnotes inlined, tables as grids."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from dialogs.importer.document import ROMAN, Document, DocumentError, Grid, Line
from dialogs.importer.document import format_number as _fmt
from dialogs.importer.word_runs import Fonts, all_bold, is_box, old_font_of, run_text
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
    font: str = ""  # the bullet's font (a box drawn in Wingdings is the box of an option to tick)
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
                fonts = lvl.find("w:rPr/w:rFonts", NS)
                if fonts is not None:
                    lv.font = fonts.get(_q("ascii")) or fonts.get(_q("hAnsi")) or ""
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
            return _bullet(lv.text, lv.font)
        if lv.fmt == "none":
            return None

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvk = levels.get(k, Level())
            return _fmt(cnt.get(k, lvk.start), lvk.fmt)

        return re.sub(r"%(\d)", sub, lv.text).strip() or None


def _bullet(ch: str, font: str = "") -> str:
    """A bullet as typed: '-', '+', '•'; a box ('□', Wingdings o q ¨ …) is the box of an option to tick."""
    if len(ch) == 1 and is_box(ch, font):
        return "□"
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


def _leaders(p: etree._Element) -> list[bool]:
    """For each tab stop of the paragraph, left to right: whether it draws a leader (dots, a line) up to it."""
    stops = [t for t in p.findall("w:pPr/w:tabs/w:tab", NS) if t.get(_q("val")) != "clear"]
    stops.sort(key=lambda t: int(t.get(_q("pos"), "0") or 0))
    return [t.get(_q("leader"), "none") not in ("none", "") for t in stops]


def _para_text(p: etree._Element, notes: dict[str, str], br: str = " ", fonts: Fonts | None = None) -> str:
    return run_text(p, notes, _leaders(p), br, fonts)


def _grid(tbl: etree._Element, ctx: _Context) -> Grid:
    rows: list[list[tuple[str, tuple[int, int]]]] = []
    for ri, tr in enumerate(tbl.findall("w:tr", NS)):
        before = tr.find("w:trPr/w:gridBefore", NS)  # grid columns the row leaves out before its first cell
        row: list[tuple[str, tuple[int, int]]] = [("", (-1, -1))] * int(
            before.get(_q("val"), "0") if before is not None else 0)
        for tc in tr.findall("w:tc", NS):
            span_el = tc.find("w:tcPr/w:gridSpan", NS)
            span = int(span_el.get(_q("val"), "1")) if span_el is not None else 1
            vm = tc.find("w:tcPr/w:vMerge", NS)
            text = "\n".join(_para_text(p, ctx.notes, "\n", ctx.fonts) for p in _blocks(tc) if p.tag == _q("p")).strip()
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
    return Grid(_bands_as_groups(rows), merged_known=True)


def _bands_as_groups(rows: list[list[tuple[str, tuple[int, int]]]]) -> list[list[tuple[str, tuple[int, int]]]]:
    """A table grouping its rows in a first column merged down ('Cấp tỉnh' over its Sở) that names a later group in a
    row over the whole width ('B. KHỐI HUYỆN') above rows leaving that first column empty: the band's text is the
    group cell of the rows under it, as the earlier groups are written."""
    if len(rows) < 4 or len(rows[0]) < 3:
        return rows
    col0 = [r[0][1] for r in rows[1:]]
    grouped = any(o != (-1, -1) and col0.count(o) >= 2 and rows[o[0]][0][0].strip() for o in set(col0))
    bands = [k for k, r in enumerate(rows) if k > 1 and len({o for _, o in r}) == 1 and r[0][0].strip()]
    if not grouped or not bands:
        return rows
    out = [list(r) for r in rows]
    for b in bands:
        end = next((k for k in bands if k > b), len(rows))
        under = range(b + 1, end)
        if not under or any(out[k][0][0].strip() or not any(t.strip() for t, _ in out[k][1:]) for k in under):
            return rows
        for k in under:
            out[k][0] = (rows[b][0][0], (b, 0))
    return [r for k, r in enumerate(out) if k not in bands]


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
    fonts = Fonts.parse(z.read("word/styles.xml") if "word/styles.xml" in names else None)
    fonts.old = old_font_of(body, fonts)
    doc.old_font = fonts.old
    ctx = _Context(numbering, styles, notes, fonts)
    for el in _blocks(body):
        doc.blocks.extend(_paragraph_lines(el, ctx) if el.tag == _q("p") else _table_blocks(el, ctx))
    doc.blocks = _pasted_tables(doc.blocks)
    _mark_heads(doc, ctx.heads)
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


@dataclass
class _Context:
    numbering: Numbering
    styles: dict[str, tuple[str, int]]
    notes: dict[str, str]
    fonts: Fonts
    heads: list[Line] = field(default_factory=list)  # bold paragraphs standing alone: headings, maybe


ITEM_START = re.compile(r"^\s*(?:[-–+•□☐*]|\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVX]{1,5})[.):](?:\s|$)|Câu\s+\d)")
FIELD_END = re.compile(r"(?:…|\.{3,}|_{3,}|[:?;])\s*[^\W\d_]{0,12}(?:\s[^\W\d_]{1,8}){0,2}[.;]?\s*$")


def _soft_lines(text: str) -> list[str]:
    """A paragraph's pieces between manual line breaks (Shift+Enter): a new line where the next piece begins an
    item ('2. …', '- …') or the one before ends a field (its blank, a unit after it, ':', '?'); otherwise the break
    only wraps a sentence or a title ('BÁO CÁO' / 'KẾT QUẢ …'), read as a space."""
    out: list[str] = []
    for piece in text.split("\n"):
        if out and piece.strip() and out[-1].strip() and (ITEM_START.match(piece) or FIELD_END.search(out[-1])):
            out.append(piece)
        elif out:
            out[-1] = f"{out[-1]} {piece}" if out[-1].strip() else piece
        else:
            out.append(piece)
    return out


def _paragraph_lines(el: etree._Element, ctx: _Context) -> list[Line]:
    """A paragraph as lines: its automatic number before the first, one line a labelled field or a piece after a
    line break that begins a new item."""
    pieces = _soft_lines(_para_text(el, ctx.notes, "\n", ctx.fonts))
    parts = [t for k, piece in enumerate(pieces) for t in tab_fields(piece) if k == 0 or t.strip()]
    npr = _num_pr(el, ctx.styles)
    label = ctx.numbering.label(*npr) if npr and parts[0].strip() else None
    level = npr[1] if label and npr else None
    lines = [Line(f"{label} {parts[0].strip()}" if label else parts[0], level=level), *(Line(t) for t in parts[1:])]
    if label is None and len(lines) == 1 and _head_like(el, lines[0].text, ctx):
        ctx.heads.append(lines[0])
    return lines


HEAD_MARK = "⟦h⟧"  # a heading the document marks by its bold type only (structure.py reads it as a section)
NOT_HEAD = re.compile(r"…|\.{3,}|_{3,}|[□☐]|[.;:,?!]$|^\W|^(?i:biểu|mẫu|phụ lục|bảng|kính gửi|nơi nhận)\b")


def _head_like(el: etree._Element, text: str, ctx: _Context) -> bool:
    """A short paragraph in bold standing alone, not centred (a title is), with no number, blank or end mark."""
    t = text.strip()
    jc = el.find("w:pPr/w:jc", NS)
    if not t or len(t.split()) > 14 or NOT_HEAD.search(t) or (jc is not None and jc.get(_q("val")) == "center"):
        return False
    return all_bold(el, ctx.fonts)


def _mark_heads(doc: Document, heads: list[Line]) -> None:
    """The bold headings of a document numbering none of its parts ('Công tác lãnh đạo, chỉ đạo' over its '-'
    items): each marked a heading, when an item follows it. A document whose parts are numbered ('I.', 'A.',
    'Phần I') keeps its bold lines as they are (a caption, an emphasis)."""
    from dialogs.importer.structure import parse_marker

    lines = [b for b in doc.blocks if isinstance(b, Line) and b.text.strip()]
    if not heads or any((m := parse_marker(b.text)) and m.kind in ("roman", "upper", "part", "code") for b in lines):
        return
    ids = {id(h) for h in heads}
    start = next((k for k, b in enumerate(lines) if b.text != b.text.upper()), len(lines))
    for k, b in enumerate(lines[start:], start):  # (the agency, the name in capitals above: no heading)
        nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        if id(b) in ids and id(lines[min(k + 1, len(lines) - 1)]) not in ids and _item_like(nxt, parse_marker):  # (the name in capitals: no heading)
            b.text = f"{HEAD_MARK} {b.text.strip()}"


def _item_like(line: str, parse_marker) -> bool:
    """A line under a heading that is an item of it: numbered or bulleted, or a field (a blank, a box, a colon)."""
    return bool(line) and not line.startswith("(") and (
        parse_marker(line) is not None or bool(re.search(r"…|\.{3,}|_{3,}|[□☐]|:", line)))


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


def _table_blocks(tbl: etree._Element, ctx: _Context) -> list[Line | Grid]:
    """A Word table as what it shows (the letterhead as lines, the rest by word_tables.grid_blocks), then the
    tables nested in its cells. A frame of one column around a nested table (a Biểu inside the framed outline) is
    read as the body it frames, its paragraphs and tables in their order."""
    layout = _layout_lines(tbl, ctx)
    if layout:
        return [Line(t) for t in layout]
    rows = tbl.findall("w:tr", NS)
    if tbl.find("w:tr/w:tc/w:tbl", NS) is not None and all(len(tr.findall("w:tc", NS)) == 1 for tr in rows):
        return [b for tc in tbl.iterfind("w:tr/w:tc", NS) for el in _blocks(tc)
                for b in (_paragraph_lines(el, ctx) if el.tag == _q("p") else _table_blocks(el, ctx))]
    nested = [b for inner in tbl.iterfind("w:tr/w:tc/w:tbl", NS) for b in _table_blocks(inner, ctx)]
    return [Line(b) if isinstance(b, str) else b for b in grid_blocks(_grid(tbl, ctx))] + nested


LAYOUT_WORDS = re.compile(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do", re.I)


def _layout_lines(tbl: etree._Element, ctx: _Context) -> list[str] | None:
    """A small table that only lays out the letterhead (agency | motto and the document's name): its paragraphs as
    lines, cell by cell, so that the name is read as the document's name and the rest as its header. None for a
    table with data (a signature table stays a table: the importer reports it)."""
    rows = tbl.findall("w:tr", NS)
    cells = [tc for tr in rows for tc in tr.findall("w:tc", NS)]
    if not rows or len(rows) > 3 or len(cells) > 6:
        return None
    paras = [[_para_text(p, ctx.notes, " ", ctx.fonts).replace("\t", " ").strip() for p in tc.findall("w:p", NS)] for tc in cells]
    text = " ".join(t for ps in paras for t in ps)
    if not LAYOUT_WORDS.search(text) or re.search(r"\d{2,}(?:[.,]\d+)?(?!/)\b", re.sub(r"(?i)(?:ngày|tháng|năm|số)\s*:?\s*\S*", "", text)):
        return None
    return [t for ps in paras for t in ps if t]


__all__ = ["read_docx", "Numbering", "ROMAN", "DocumentError"]
