"""A Word paragraph's runs as the text a reader sees on the printed form.

Word draws much of a form with features that hold no text of their own: a box to tick typed in a symbol font
(Wingdings 'o', U+F06F, U+F0A8 …) or drawn by a legacy FORMCHECKBOX field; a blank to fill as an underlined run of
spaces or tabs, a tab to a dotted-leader stop (also the positional tab w:ptab), a FORMTEXT field (five en spaces) or
a content control still showing its placeholder ('Bấm hoặc gõ vào đây để nhập văn bản.'); the choices of a
FORMDROPDOWN field hidden behind the one shown. Each is written here as the text form the importer reads: '□' for a
box, '……' for a blank, '□ A □ B □ C' for a drop-down's entries. A heading in an all-capitals old font (.VnTimeH:
TCVN3 lower-case codes drawn as capitals) or in Word's 'All caps' is read in capitals; a non-breaking hyphen is '-'."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# the box glyphs of the symbol fonts (code point as Word stores it, U+F0xx): Wingdings o p q r ¨ x þ ý n, Wingdings 2 £ *
BOX_CHARS = {"F06F", "F070", "F071", "F072", "F0A8", "F0FE", "F0FD", "F078", "F06E", "F0A1", "F0A3"}
BOX_TEXT = "□☐☑☒❑❒◻▢"  # boxes in Unicode (a content control's check box is ☐ / ☒)
BLANK = "……"
MARK = "\x00"  # a blank written here, until the blanks side by side are one
SPACES = " \u00a0\u2002\u2003\u2009\t"
# Word's own placeholder texts of a content control (when the mark showingPlcHdr was lost in a copy)
PLACEHOLDER = re.compile(r"^(?:Click or tap here to enter text|Click here to enter text|Click or tap to enter a date|"
                         r"Bấm hoặc gõ vào đây để nhập văn bản|Bấm vào đây để nhập văn bản|Nhấn vào đây để nhập|"
                         r"Bấm hoặc nhấn vào đây để nhập văn bản)\.?$", re.I)


def symbol_font(font: str) -> bool:
    return font.lower().startswith(("wingdings", "webdings"))


def is_box(ch: str, font: str = "") -> bool:
    """A box glyph: a Unicode box, a symbol font's box (stored as U+F0xx, or as the plain letter in that font)."""
    if ch in BOX_TEXT:
        return True
    code = ord(ch) if len(ch) == 1 else 0
    if 0xF000 <= code <= 0xF0FF and not font.lower().startswith("symbol"):
        return f"{code:04X}" in BOX_CHARS
    return symbol_font(font) and code < 0x100 and f"{0xF000 + code:04X}" in BOX_CHARS


@dataclass
class Fonts:
    """The fonts of a document's styles (each through the style it is based on) and its default font; whether the
    runs in an old Vietnamese font (VNI-…, .Vn…) are really typed in it (decided once for the whole document)."""

    styles: dict[str, str] = field(default_factory=dict)
    default: str = ""
    old: str | None = None  # 'VNI' or 'TCVN3'
    bold: set[str] = field(default_factory=set)  # the styles whose text is bold (through the style they are based on)

    @classmethod
    def parse(cls, xml: bytes | None) -> Fonts:
        out = cls()
        if not xml:
            return out
        root = etree.fromstring(xml)
        own: dict[str, tuple[str, str]] = {}
        for st in root.findall("w:style", NS):
            based = st.find("w:basedOn", NS)
            own[st.get(q("styleId"), "")] = (_fonts_of(st.find("w:rPr", NS)),
                                              based.get(q("val"), "") if based is not None else "")
            if st.get(q("type")) == "paragraph" and st.get(q("default")) in ("1", "true"):
                out.default = st.get(q("styleId"), "")
        bold = {st.get(q("styleId"), ""): st.find("w:rPr/w:b", NS) for st in root.findall("w:style", NS)}
        for sid in own:
            font, seen, cur = "", set(), sid
            while cur in own and cur not in seen and not font:
                seen.add(cur)
                font, cur = own[cur]
            out.styles[sid] = font
            cur, seen = sid, set()
            while cur in own and cur not in seen and bold.get(cur) is None:
                seen.add(cur)
                cur = own[cur][1]
            if bold.get(cur) is not None and bold[cur].get(q("val"), "true") not in ("0", "false"):
                out.bold.add(sid)
        base = _fonts_of(root.find("w:docDefaults/w:rPrDefault/w:rPr", NS))
        out.default = out.styles.get(out.default, "") or base
        return out

    def of_paragraph(self, p: etree._Element) -> str:
        st = p.find("w:pPr/w:pStyle", NS)
        return (self.styles.get(st.get(q("val"), ""), "") if st is not None else "") or self.default

    def of_run(self, run: etree._Element | None, para: str) -> str:
        if run is None:
            return para
        own = _fonts_of(run.find("w:rPr", NS))
        st = run.find("w:rPr/w:rStyle", NS)
        return own or (self.styles.get(st.get(q("val"), ""), "") if st is not None else "") or para


def _fonts_of(rpr: etree._Element | None) -> str:
    fonts = rpr.find("w:rFonts", NS) if rpr is not None else None
    if fonts is None:
        return ""
    return fonts.get(q("ascii")) or fonts.get(q("hAnsi")) or fonts.get(q("cs")) or ""


def run_font(run: etree._Element | None) -> str:
    return _fonts_of(run.find("w:rPr", NS)) if run is not None else ""


def old_font_of(root: etree._Element, fonts: Fonts) -> str | None:
    """'VNI' or 'TCVN3' when the runs set in that old font read as Vietnamese through its table (three words or more
    that were no syllable become one); None otherwise (Unicode text merely left in an old font's name)."""
    from dialogs.importer.old_fonts import _tcvn3_gains
    from dialogs.importer.syllables import load_syllables
    from dialogs.importer.vni_font import vni_gains

    texts: dict[str, list[str]] = {"vni": [], ".vn": []}
    for p in root.iter(q("p")):
        para = fonts.of_paragraph(p)
        for run in p.iter(q("r")):
            font = fonts.of_run(run, para).lower()
            kind = "vni" if font.startswith("vni") else ".vn" if font.startswith(".vn") else ""
            if kind:
                texts[kind].append("".join(t.text or "" for t in run.findall("w:t", NS)))
    if not texts["vni"] and not texts[".vn"]:
        return None
    syllables = load_syllables()
    vni = vni_gains(" ".join(texts["vni"]), syllables)
    tcvn3 = _tcvn3_gains(" ".join(texts[".vn"]), syllables)
    return "VNI" if vni >= 3 and vni >= tcvn3 else "TCVN3" if tcvn3 >= 3 else None


def decode_old(text: str, font: str, old: str | None) -> str:
    """A run's text in an old font read through that font's table, once the document is known to use it: TCVN3
    ('.VnTime') letter by letter; VNI ('VNI-Times') word by word where the word becomes a Vietnamese syllable
    ('bò' is 'bị' in VNI). Text holding letters outside Latin-1 is Unicode already and stays."""
    low = font.lower()
    if old == "TCVN3" and low.startswith(".vn"):
        from dialogs.importer.old_fonts import _decoded, _latin1

        return " ".join(_decoded(w) if _latin1(w) else w for w in text.split(" "))
    if old == "VNI" and low.startswith("vni"):
        from dialogs.importer.syllables import load_syllables
        from dialogs.importer.vni_font import decode_word

        syllables = load_syllables()

        def word(m: re.Match[str]) -> str:
            w = m.group(0)
            new = decode_word(w) if all(ord(c) <= 0xFF for c in w) else w
            return new if new.lower() in syllables else w

        return re.sub(r"[^\W\d_]+", word, text)
    return text


def _on(rpr: etree._Element | None, tag: str) -> bool:
    el = rpr.find(f"w:{tag}", NS) if rpr is not None else None
    return el is not None and el.get(q("val"), "true") not in ("0", "false", "none")


def _text(run: etree._Element | None, text: str, font: str, old: str | None) -> str:
    """A run's text as drawn: symbol-font boxes as '□', an old font's codes read, an all-capitals font or 'All caps'
    in capitals."""
    if symbol_font(font) or any(0xF000 <= ord(c) <= 0xF0FF for c in text):
        text = "".join("□" if is_box(c, font) else c for c in text)
    text = "".join("□" if c in "☑☒" else c for c in text)
    rpr = run.find("w:rPr", NS) if run is not None else None
    caps_font = bool(re.match(r"^\.vn.*h$", font.strip(), re.I))  # .VnTimeH: TCVN3 lower-case codes drawn as capitals
    if caps_font or _on(rpr, "caps"):
        return _upper_old(text, font)
    return decode_old(text, font, old)


def _upper_old(text: str, font: str) -> str:
    """Capitals of a run: an old font's codes read first (TCVN3 '.Vn…', VNI 'VNI-…'), as its capitals only show."""
    from dialogs.importer.old_fonts import TCVN3

    latin1 = all(ord(c) <= 0xFF or not c.isalpha() for c in text)
    if latin1 and font.lower().startswith(".vn"):
        text = "".join(TCVN3.get(c, c) for c in text)
    elif latin1 and font.lower().startswith("vni"):
        from dialogs.importer.vni_font import TRACE, WORD, decode_word

        text = WORD.sub(lambda m: decode_word(m.group(0)) if TRACE.search(m.group(0)) else m.group(0), text)
    return text.upper()


def _field_start(el: etree._Element) -> tuple[str, str]:
    """A legacy form field's kind at its start (fldChar begin) and what it shows: a box, a blank, a drop-down's
    entries as boxes; ('', '') for any other field (its result is read as text)."""
    ff = el.find("w:ffData", NS)
    if ff is None:
        return "", ""
    if ff.find("w:checkBox", NS) is not None:
        return "form", "□"
    dd = ff.find("w:ddList", NS)
    if dd is not None:
        entries = [e.get(q("val"), "").strip() for e in dd.findall("w:listEntry", NS)]
        entries = [e for e in entries if e]
        return "form", " ".join(f"□ {e}" for e in entries) if len(entries) >= 2 else MARK
    return "form", MARK


@dataclass
class _State:
    parts: list[str] = field(default_factory=list)
    gap: list[str] = field(default_factory=list)  # underlined spaces and tabs waiting: a blank when long enough
    fields: list[str] = field(default_factory=list)  # open fields: 'form' hides its result
    shown: set[int] = field(default_factory=set)  # placeholders already written as a blank
    fonts: Fonts = field(default_factory=Fonts)
    para: str = ""  # the paragraph's font (its style's, or the document's default)

    def flush(self) -> None:
        if not self.gap:
            return
        text = "".join(self.gap)
        long = "\t" in text or len(text) >= 3
        self.parts.append((MARK + ("\t" if "\t" in text else " ")) if long else text)
        self.gap.clear()

    def add(self, text: str) -> None:
        self.flush()
        self.parts.append(text)


def _placeholder(el: etree._Element, run: etree._Element | None) -> etree._Element | None:
    """The content control whose placeholder this text is (or the run, for a run in the placeholder style)."""
    for anc in el.iterancestors(q("sdt")):
        if anc.find("w:sdtPr/w:showingPlcHdr", NS) is not None:
            return anc
    style = run.find("w:rPr/w:rStyle", NS) if run is not None else None
    if style is not None and style.get(q("val"), "").lower().startswith("placeholder"):
        return run
    return None


def _underlined(run: etree._Element | None) -> bool:
    u = run.find("w:rPr/w:u", NS) if run is not None else None
    return u is not None and u.get(q("val"), "single") not in ("none", "0", "false")


def _fld_char(el: etree._Element, st: _State) -> None:
    kind = el.get(q("fldCharType"))
    if kind == "begin":
        what, shown = _field_start(el)
        st.fields.append(what)
        if shown:
            st.add(f" {shown} ")
    elif kind == "end" and st.fields:
        st.fields.pop()


def _text_el(el: etree._Element, st: _State) -> None:
    run = el.getparent() if el.getparent() is not None and el.getparent().tag == q("r") else None
    holder = _placeholder(el, run)
    if holder is not None:
        if id(holder) not in st.shown:
            st.shown.add(id(holder))
            st.add(MARK)
        return
    text = el.text or ""
    if text and not text.strip(SPACES) and _underlined(run):
        st.gap.append(text)
        return
    if PLACEHOLDER.match(text.strip()):
        st.add(MARK)
        return
    st.add(_text(run, text, st.fonts.of_run(run, st.para), st.fonts.old))


TAGS = ("t", "tab", "ptab", "br", "cr", "noBreakHyphen", "footnoteReference", "sym", "fldChar")


def run_text(p: etree._Element, notes: dict[str, str], leaders: list[bool], br: str = " ",
             fonts: Fonts | None = None) -> str:
    """The paragraph's text (see the module's note); tabs kept ('……\\t' for a tab drawing a leader), a line break
    as `br`, a footnote's text after its mark."""
    st = _State(fonts=fonts or Fonts())
    st.para = st.fonts.of_paragraph(p)
    tabs = 0
    for el in p.iter(*(q(t) for t in TAGS)):
        tag = etree.QName(el).localname
        if st.fields and st.fields[-1] == "form" and tag != "fldChar":
            continue  # a form field's result: written at its start
        if tag == "t":
            _text_el(el, st)
        elif tag == "tab":
            if el.getparent().tag == q("tabs"):
                continue  # a tab stop's definition, not a tab in the text
            # kept: a tab may separate two fields of a form (word_tables.tab_fields); a dotted leader is a blank
            leader = tabs < len(leaders) and leaders[tabs]
            tabs += 1
            if not leader and _underlined(el.getparent()):
                st.gap.append("\t")
            else:
                st.add(f"{MARK}\t" if leader else "\t")
        elif tag == "ptab":
            st.add(f"{MARK}\t" if el.get(q("leader"), "none") not in ("none", "") else "\t")
        elif tag in ("br", "cr"):
            st.add(br)
        elif tag == "noBreakHyphen":
            st.add("-")
        elif tag == "sym":  # a Wingdings box ('Có □ Không □'): the answer box of a form
            st.add("□" if el.get(q("char"), "").upper() in BOX_CHARS else "")
        elif tag == "fldChar":
            _fld_char(el, st)
        elif tag == "footnoteReference":
            fid = el.get(q("id"))
            st.add(f"[footnoteRef:{fid}]" + (f" [{fid}: {notes[fid]}]" if fid in notes else ""))
    st.flush()
    text = re.sub(r"\x00 *(?=\x00)", "", "".join(st.parts))
    return re.sub(r"\x00 *(\t?)", lambda m: BLANK + (m.group(1) or " "), text)


def all_bold(p: etree._Element, fonts: Fonts) -> bool:
    """Every run of the paragraph holding text is bold (its own mark, its character style's or the paragraph's)."""
    st = p.find("w:pPr/w:pStyle", NS)
    para = st is not None and st.get(q("val"), "") in fonts.bold
    runs = [r for r in p.iter(q("r")) if "".join(t.text or "" for t in r.findall("w:t", NS)).strip()]
    if not runs:
        return False
    for r in runs:
        b = r.find("w:rPr/w:b", NS)
        rs = r.find("w:rPr/w:rStyle", NS)
        on = para or (rs is not None and rs.get(q("val"), "") in fonts.bold)
        if b is not None:
            on = b.get(q("val"), "true") not in ("0", "false")
        if not on:
            return False
    return True
