"""Structure: numbering markers, broken and flattened lines, and the tree of numbered items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dialogs.importer.section_numbers import (
    ROMAN_VALUE,
    UPPER,
    article_marker,
    article_run,
    compound_marker,
    compound_parent,
    part_value,
)
from dialogs.text import fold

PART_WORDS = "nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười"
PART_RE = re.compile(rf"^(?P<m>(?i:phần\s+(?:thứ\s+(?:{PART_WORDS})|[IVX]{{1,4}}|\d{{1,2}}|(?-i:[A-H])(?=\s*[.:\-–]))))"
                     r"(?P<p>\s*[.:\-–]\s*|\s+)(?=[A-ZĐÀ-ỸĂÂÊÔƠƯ])")
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("head", re.compile(r"^(?P<m>⟦h⟧)(?P<p>)\s*(?=\S)")),  # a Word heading marked by its bold type only (reading_docx)
    ("part", PART_RE),
    ("roman", re.compile(rf"^(?P<m>(?=[IVX])X{{0,3}}(?:IX|IV|V?I{{0,3}}))\s*(?P<p>[.\-–:)]|/(?=\s))\.?(?:[-–](?=\s))?\s*(?=[{UPPER}\d])")),
    ("upper", re.compile(rf"^(?P<m>[A-H])\s*(?P<p>[.)]|[-/](?=\s))\s+(?=[{UPPER}])")),
    # a survey's part code over a heading in capitals: 'A1: ĐẶC ĐIỂM NHÂN KHẨU HỌC', 'B2. NHÀ Ở' (a section 'A1')
    ("code", re.compile(rf"^(?P<m>[A-H]\d{{1,2}})\s*(?P<p>[:.])\s+(?=[{UPPER}]{{2,}}\s+[{UPPER}]{{2,}})")),
    # a form's row with its group code in the first cell: 'A2 | Họ và tên người điền thông tin: |' (a section 'A2')
    ("code", re.compile(rf"^(?P<m>[A-H]\d{{1,2}})\s*(?P<p>\|)\s*(?=[{UPPER}a-hđ⟦])(?=[^|]*\w[^|]*\|?\s*$)")),
    ("dec", re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2})+)(?P<p>\.?)\s*(?=[^\d\s.,/])")),
    # '1/ Thuận lợi :' (a slash and a space, then a capital: a fraction or a date never reads so)
    ("dec", re.compile(rf"^(?P<m>\d{{1,2}})\s*(?P<p>[.)]|/-(?=\s)|/(?=\s+[{UPPER}]))\s*(?=[^\d\s.,/)])")),
    ("alpha", re.compile(r"^(?P<m>[a-zđ])\s*(?P<p>\))\s*(?=\S)|^(?P<m3>[a-hk-zđ])(?P<p3>/)\s*(?=[A-ZĐÀ-Ỹ])|^(?P<m2>[a-hk-zđ])(?P<p2>\.)\s+(?=[A-ZĐÀ-Ỹ])")),
    ("paren", re.compile(r"^\((?P<m>\d{1,2})\)\s*(?=\S)")),
    ("paren_alpha", re.compile(r"^\((?P<m>[a-hk-zđ])\)\s*(?=\S)")),
    ("bullet", re.compile(r"^(?P<m>[-–—+•·*○▪➢✓o])\s+(?=\S)|^(?P<m2>[-–+•·])(?=[{UPPER}])".replace("{UPPER}", UPPER))),
]
BULLET_KIND = {"-": "dash", "–": "dash", "—": "dash", "+": "plus", "•": "dot", "·": "middot", "*": "star",
               "○": "circle", "▪": "square", "➢": "arrow", "✓": "check", "o": "circle"}
BULLET_KINDS = set(BULLET_KIND.values())
TERMINAL = ".;:?!)…"
FN_RE = re.compile(r"⟦fn:(\w+)⟧")


@dataclass
class Marker:
    kind: str
    no: str  # as the document writes it, normalised: "I.", "1.", "3.1.", "a)", "(1)", "-"
    rest: str


def parse_marker(line: str) -> Marker | None:
    s = line.strip()
    if compound := compound_marker(s):  # 'II.1 Vị trí', '• III.10 …', '2.1- Về …'
        return Marker(*compound)
    for kind, rx in MARKERS:
        m = rx.match(s)
        if not m:
            continue
        mark = m.group("m") or (m.groupdict().get("m2") or m.groupdict().get("m3") or "")
        punct = (m.groupdict().get("p") or m.groupdict().get("p2") or m.groupdict().get("p3") or "").strip()
        rest = s[m.end():].strip()
        if not rest:
            return None
        if kind == "head":
            return Marker("head", "", rest)
        if kind == "bullet":
            # the outline model knows "-", "+", "·", "*" as bullets: other bullet glyphs are written "-"
            return Marker(BULLET_KIND.get(mark, "dash"), mark if mark in "-+·*" else "-", rest)
        if kind == "dec":
            depth = mark.count(".") + 1
            no = f"{mark}." if punct != ")" else f"{mark})"
            return Marker(f"dec{depth}", no, rest)
        if kind == "roman":
            return Marker("roman", f"{mark}{'-' if punct in '-–' else '.'}", rest)
        if kind == "alpha":
            return Marker("alpha", f"{mark})" if punct == ")" else f"{mark}.", rest)
        if kind in ("paren", "paren_alpha"):
            return Marker(kind, f"({mark})", rest)
        if kind == "part":  # 'Phần I.', 'PHẦN THỨ HAI:' → 'Phần I', 'Phần thứ hai'
            word = mark.split(None, 1)[1]
            word = word if re.fullmatch(r"[IVX]+|\d+|[A-H]", word) else word.lower()
            return Marker("part", f"Phần {word}", rest)
        if punct == "|":  # the row's cell borders go, an empty cell after a label is its blank: 'A2 | Họ và
            rest = rest.rstrip(" |")  # tên: |' → 'A2.', 'Họ và tên: ……'; 'a. Điện thoại: b. Email:' → a blank each
            rest = re.sub(r":(?=\s+\S)", ": ……", rest) + (" ……" if rest.endswith(":") else "")
            if len(re.findall(r"(?:^|\s)[a-h]\.\s", rest)) >= 2:  # the cell's own lettering of its fields
                rest = re.sub(r"(?:^|(?<=\s))[a-h]\.\s+", "", rest)
            return Marker(kind, f"{mark}.", rest) if rest else None
        return Marker(kind, f"{mark}{'.' if punct == '/' else punct}", rest)  # 'A/ ĐẶC ĐIỂM CHUNG' as 'A.'
    return None


# --------------------------------------------------------------------------- line repair


INLINE_MARK = re.compile(
    rf"(?<!\S)(?:(?P<roman>[IVX]{{1,4}})\s*[.\-–]|(?P<dec>\d{{1,2}}(?:\.\d{{1,2}})+\.?|\d{{1,2}}\.)|(?P<alpha>[a-hk-zđ])[)/]"
    rf"|(?P<bullet>[-+•])(?=\s)|(?:Phần|PHẦN)\s+(?P<part>[IVX]{{1,4}}|\d{{1,2}}|(?i:thứ\s+(?:{PART_WORDS})))(?:\s*[.:\-–])?(?=\s)"
    rf"|(?P<upper>[A-H])\.(?=\s+[{UPPER}]{{2,}}\b))\s*(?=[{UPPER}])"
)


@dataclass
class Numbering:
    """The numbering seen so far, to accept an inline number only where the sequence expects it."""
    roman: int = 0
    dec: tuple[int, ...] = ()
    alpha: str = ""
    part: int = 0
    upper: str = ""

    def accepts(self, m: re.Match[str]) -> bool:
        if m.group("part"):  # 'Phần I', 'Phần II' … and 'A.', 'B.' … count up from the first
            p = m.group("part")
            return part_value(p) == self.part + 1
        if m.group("upper"):
            return ord(m.group("upper")) == (ord(self.upper) + 1 if self.upper else ord("A"))
        if m.group("roman"):
            return ROMAN_VALUE.get(m.group("roman"), 0) in (self.roman + 1, 1)
        if m.group("dec"):
            n = tuple(int(x) for x in m.group("dec").split(".") if x)
            nexts = {self.dec + (1,)} | {self.dec[:k] + (self.dec[k] + 1,) for k in range(len(self.dec))}
            # ('I. …' then '1.1.': the decimals carry the Roman part's number)
            return n in nexts or (not self.dec and n in ((1,), (self.roman, 1)))
        if m.group("alpha"):
            return ord(m.group("alpha")) == (ord(self.alpha) + 1 if self.alpha else ord("a"))
        return True

    def take(self, m: re.Match[str] | Marker) -> None:
        if isinstance(m, Marker):
            no = m.no.rstrip(".-)")
            kind = "roman" if m.kind == "roman" else "dec" if m.kind.startswith("dec") else m.kind
            if kind == "alpha":
                no = no[:1]
            groups = {kind: no}
        else:
            groups = {k: v for k, v in m.groupdict().items() if v}
        if "part" in groups:
            self.part = part_value(groups["part"]) or self.part
            self.roman, self.dec, self.alpha, self.upper = 0, (), "", ""
        elif "upper" in groups:
            self.upper, self.roman, self.dec, self.alpha = groups["upper"][:1], 0, (), ""
        elif "roman" in groups:
            self.roman, self.dec, self.alpha = ROMAN_VALUE.get(groups["roman"], self.roman), (), ""
        elif "dec" in groups:
            self.dec, self.alpha = tuple(int(x) for x in groups["dec"].split(".") if x.isdigit()), ""
        elif "alpha" in groups:
            self.alpha = groups["alpha"]


def _paren_inside(line: str, limit: int = 400) -> list[bool]:
    """Which characters lie inside parentheses; a '(' not closed within `limit` characters is taken as a typo."""
    inside = [False] * (len(line) + 1)
    for i, ch in enumerate(line):
        if ch != "(":
            continue
        depth = 0
        for j in range(i, min(len(line), i + limit)):
            depth += {"(": 1, ")": -1}.get(line[j], 0)
            if depth == 0:
                for k in range(i + 1, j):
                    inside[k] = True
                break
    return inside


def _inline_parts(line: str, num: Numbering) -> list[str]:
    """Split a paragraph before each inline number the numbering expects (outside parentheses)."""
    cuts = []
    inside = _paren_inside(line)
    for m in INLINE_MARK.finditer(line):
        i = m.start()
        after_sentence = not m.group("bullet") and line[:i].rstrip()[-1:] in ".;"
        if i == 0 or (inside[i] and not after_sentence) or not num.accepts(m):
            continue  # (a number the sequence expects right after a sentence wins over a badly closed '(')
        cuts.append(i)
        num.take(m)
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if line[a:b].strip()]


ROMAN_SEQ = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
CAPS = "A-ZĐÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ"
BARE_ROMAN = re.compile(rf"(?<=\s)(?<!Phần\s)(?<!PHẦN\s)(?P<r>{'|'.join(reversed(ROMAN_SEQ))})\s+(?=[{CAPS}]{{2,}}[\s,]+[{CAPS}]{{2,}})")
TITLE_THEN_TEXT = re.compile(rf"^(?P<t>(?:[{CAPS}0-9][{CAPS}0-9,/()–-]*\s+){{2,}}[{CAPS}0-9][{CAPS}0-9,/()–-]*)\s+"
                             rf"(?=[{CAPS}][a-zà-ỹđ])")
PART_NO_WORD = re.compile(rf"\b(Phần thứ|PHẦN THỨ)\s+(?=[{CAPS}]{{2,}}\s)")


GLUED = re.compile(r"(?<=[a-zà-ỹđ.;])(?=(?:Phần|PHẦN)\s+(?:\d{1,2}|[IVX]{1,4}|thứ)\b|(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+[A-ZĐ])")


def unglue(lines: list[str]) -> list[str]:
    """A web page's text may glue a heading to the sentence before it ('… đã có Công vănPhần 1', '… công tác trẻ
    emII. Tình hình …'): break the line there."""
    out: list[str] = []
    for line in lines:
        out.extend(p for p in GLUED.split(line) if p.strip()) if GLUED.search(line) else out.append(line)
    return out


GLUED_ROMAN = re.compile(r"(?<=[^\s(])(?P<r>X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s*(?=\w)")
GLUED_DASH = re.compile(r"-\s+(?=\w)")


def _glued_words(line: str) -> list[int]:
    """Where a lower-case word runs into a capitalised one ('Kết hônNgười lập biểu')."""
    return [i for i in range(2, len(line) - 1)
            if line[i - 2].islower() and line[i - 1].islower() and line[i].isupper() and line[i + 1].islower()]


def unglue_list(lines: list) -> list:
    """A list run together by a copy that lost its line breaks ('I. KHAI SINHII. KHAI TỬ (Chia theo độ tuổi)- Dưới 1
    tuổi', '- Từ 5 tuổi trở lênIII. KẾT HÔN', 'I. Khai sinhII. Khai tửIII. Kết hônNgười lập biểu'): in a line that
    itself begins with a Roman numeral or a dash, cut before each glued Roman numeral that goes on from the last one
    (decided by the sequence: 'SINHII.' is 'SINH' + 'II.' only after 'I.') and before a dash glued to a word or ')';
    in a line so cut, also where a lower-case word runs into a capitalised one."""
    out: list = []
    last = 0
    for it in lines:
        mk = parse_marker(it) if isinstance(it, str) else None
        again = _bullet_again(it, mk)
        if again:  # '+ Kiểm điểm … . + Những ưu điểm …': two points of a list on one line
            out.extend(again)
            continue
        if mk is None or mk.kind not in ("roman", "dash"):
            out.append(it)
            continue
        last = ROMAN_VALUE.get(mk.no.rstrip(".-"), 0) if mk.kind == "roman" else last
        start = len(it) - len(it.lstrip()) + len(it.split()[0])  # (the line's own number is no glued one)
        cuts = set()
        for m in GLUED_ROMAN.finditer(it, start):
            r, at = m.group("r"), m.start()
            if ROMAN_VALUE[r] != last + 1 and ROMAN_VALUE.get(r[1:], 0) == last + 1:
                r, at = r[1:], at + 1  # 'KHAIII.' where the sequence wants 'II': the word keeps its 'I'
            if ROMAN_VALUE.get(r, 0) == last + 1 and it[m.end()].isupper():
                cuts.add(at)
                last += 1
        cuts |= {m.start() for m in GLUED_DASH.finditer(it, start)
                 if it[m.end()].isupper() and (it[m.start() - 1].islower() or it[m.start() - 1] == ")")}
        if not cuts:
            out.append(it)
            continue
        bounds = [0, *sorted(cuts | set(_glued_words(it))), len(it)]
        out.extend(it[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if it[a:b].strip())
    return out


def _bullet_again(line: object, mk: object) -> list[str]:
    """A point of a list ('+ …', '- …') whose line holds the next point after its full stop or semicolon, the same
    mark again before a capital ('+ Kiểm điểm những việc đã làm. + Những ưu, khuyết điểm …') → one line a point;
    [] for any other line, and for labelled fields ('- Tiểu học: 01 trường. - THPT: … trường': the field readers')."""
    if not isinstance(line, str) or mk is None or getattr(mk, "kind", "") not in ("plus", "dash"):
        return []
    mark = re.escape(line.lstrip()[:1])
    parts = re.split(rf"(?<=[.;])\s+(?={mark}\s+[{CAPS}])", line.strip())
    return parts if len(parts) > 1 and not any(":" in p for p in parts) else []  # ('- Mầm non: … - THCS: …': fields)


def _number_parts(line: str) -> str:
    """'Phần thứ TÌNH HÌNH …' (the ordinal dropped) → 'Phần thứ nhất. TÌNH HÌNH …', the next one 'hai', …"""
    words = iter(["nhất", "hai", "ba", "tư", "năm", "sáu"])
    return PART_NO_WORD.sub(lambda m: f"\n{m.group(1)} {next(words, 'sau')}. ", line)


LINE_ROMAN = re.compile(rf"(?:(?<=\s)|^)(?P<r>{'|'.join(reversed(ROMAN_SEQ))})\s+(?=[{CAPS}]{{2,}}[\s,]+[{CAPS}]{{2,}})")
INLINE_DEC = re.compile(rf"(?<=\S)\s+(?P<d>\d{{1,2}})\.(?P<e>\d{{1,2}})\.?\s+(?=[{CAPS}])")


def restore_page_numbers(lines: list[str]) -> tuple[list[str], int]:
    """A PDF's text that lost the dots of its Roman numerals across the page ('… NĂM 2012 I ĐẶC ĐIỂM, TÌNH HÌNH',
    'II ĐIỀU KIỆN HỌC TẬP 2.1 Số ca học ngày:', '… Tỷ lệ : % III VỆ SINH MÔI TRƯỜNG'): only when the bare numerals
    before capitals run I, II, III (at least three, in order, nowhere else), each is made a heading line, and
    the line is broken before each inline '2.1'/'3.4' that goes on from the numbering around it. Short lines only."""
    seq = [m.group("r") for line in lines for m in LINE_ROMAN.finditer(line)]
    if len(seq) < 3 or seq != ROMAN_SEQ[:len(seq)] or any(len(line) > 250 for line in lines if LINE_ROMAN.search(line)):
        # (a long paragraph holding them is restore_marks' case)
        return lines, 0
    out: list[str] = []
    last = (0, 0)
    for line in lines:
        line = LINE_ROMAN.sub(lambda m: f"\n{m.group('r')}. ", line)
        for piece in (p.strip() for p in line.split("\n")):
            mk = parse_marker(piece)
            if mk is not None and mk.kind == "roman":
                last = (ROMAN_SEQ.index(mk.no.rstrip(".")) + 1, 0)
            cuts = []
            for m in INLINE_DEC.finditer(piece):
                d, e = int(m.group("d")), int(m.group("e"))
                if d == last[0] and last[1] < e <= last[1] + 3 or (d == last[0] + 1 and e == 1):
                    cuts.append(m.start())
                    last = (d, e)
            m0 = re.match(r"^(\d{1,2})\.(\d{1,2})\b", piece)
            if m0 and not cuts:
                last = (int(m0.group(1)), int(m0.group(2)))
            bounds = [0, *cuts, len(piece)]
            out.extend(piece[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if piece[a:b].strip())
    return out, 1


def restore_marks(lines: list[str]) -> tuple[list[str], int]:
    """A web page's text view of a document drops the dot after Roman numerals and the ordinal of 'Phần thứ …'
    ('I CÔNG TÁC CHỈ ĐẠO … Nêu rõ …  II CÔNG TÁC …'): in a long paragraph where the numerals run I, II, III …,
    put the marks back and break the line before each numeral, before each ' - ' bullet, and between a heading in
    capitals and the sentence after it. Returns the lines and how many paragraphs were restored."""
    lines, count = restore_page_numbers(lines)
    out: list[str] = []
    for line in unglue(lines):
        hits = list(BARE_ROMAN.finditer(line)) if len(line) > 250 else []
        seq = [m.group("r") for m in hits]
        if len(seq) < 2 or seq[: len(seq)] != ROMAN_SEQ[: len(seq)]:
            out.append(line)
            continue
        count += 1
        line = _number_parts(line)
        line = BARE_ROMAN.sub(lambda m: f"\n{m.group('r')}. ", line)
        line = re.sub(rf"\s+-\s+(?=[{CAPS}])", "\n- ", line)
        for piece in line.split("\n"):
            piece = piece.strip()
            mk = parse_marker(piece)
            m = TITLE_THEN_TEXT.match(mk.rest) if mk is not None and mk.kind not in BULLET_KINDS else None
            if m and len(m.group("t").split()) >= 3:
                out.extend([f"{mk.no} {m.group('t').strip()}", mk.rest[m.end():].strip()])
            elif piece:
                out.append(piece)
    return out, count


PAGE_NO = re.compile(r"^\s*(?P<n>\d{1,2})\.\s+(?=\S)")


def strip_page_numbers(lines: list[str]) -> list[str]:
    """A document-sharing page that gives each PDF page as one paragraph numbers them ('1. PHIẾU … (a whole page)',
    '2. II. Nhân khẩu …'): when a page-long line (over 600 characters) begins with '1.' and the next paragraphs go on
    '2.', '3.', those numbers are the pages', not the document's: they are dropped."""
    firsts = [i for i, line in enumerate(lines) if line.strip()]
    pages = [i for i in firsts if (m := PAGE_NO.match(lines[i]))]
    if not pages or int(PAGE_NO.match(lines[pages[0]]).group("n")) != 1 or len(lines[pages[0]]) < 600:
        return lines
    out = list(lines)
    expect = 1
    for i in firsts[firsts.index(pages[0]):]:
        m = PAGE_NO.match(out[i])
        if not m or int(m.group("n")) != expect:
            break
        out[i] = out[i][m.end():]
        expect += 1
    return out if expect > 2 else lines


def split_flattened(lines: list[str]) -> tuple[list[str], int]:
    """A long paragraph holding several numbered items inline ('I. … 1. … a) … - …') is split before each number
    that continues the document's numbering (and before bullets), whatever punctuation precedes it."""
    out: list[str] = []
    count = 0
    num = Numbering()
    for line in lines:
        mk = parse_marker(line)
        if mk is not None and mk.kind in ("roman", "alpha", "part", "upper") or (mk is not None and mk.kind.startswith("dec")):
            num.take(mk)
        if len(line) > 250:
            probe = Numbering(num.roman, num.dec, num.alpha, num.part)
            parts = _inline_parts(line, probe)
            if sum(1 for p in parts[1:] if parse_marker(p) and parse_marker(p).kind not in BULLET_KINDS) >= 2:
                # 'Lưu ý: …' run on after the last item is a note of its own
                out.extend(y for p in parts for x in re.split(r"\s+(?=(?:Lưu ý|Chú ý|Ghi chú)\s*:)", p)
                           for y in _caps_heading_then_text(x))
                num = probe
                count += 1
                continue
        out.append(line)
    return out, count


def _caps_heading_then_text(part: str) -> list[str]:
    """'III. KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO Số vụ việc đã giải quyết: …': a Roman heading in capitals that the
    flattened paragraph ran into its first item's sentence is a line of its own."""
    mk = parse_marker(part)
    m = TITLE_THEN_TEXT.match(mk.rest) if mk is not None and mk.kind == "roman" else None
    text = mk.rest[m.end():].strip() if m else ""
    if not m or len(m.group("t").split()) < 3 or not text.split()[0][1:2].islower():  # ('XỬ LÝ ĐƠN': capitals)
        return [part]
    return [f"{mk.no} {m.group('t').strip()}", text]


BARE_PART = re.compile(rf"^(?i:phần\s+(?:thứ\s+(?:{PART_WORDS})|[IVX]{{1,4}}|\d{{1,2}}))\s*[.:]?$")


def join_broken(lines: list[str], pdf: bool) -> tuple[list[str], int]:
    """Join a line to the previous one when it continues a sentence (lower-case start, or PDF wrap)."""
    out: list[str] = []
    joined = 0
    lengths = sorted(len(x.strip()) for x in lines if x.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0  # a full line of the page
    for raw in lines:
        line = raw.strip()
        if not line:
            out.append("")
            continue
        prev_i = len(out) - 1
        while prev_i >= 0 and not out[prev_i] and not pdf and prev_i >= len(out) - 2:
            prev_i -= 1
        prev = out[prev_i] if prev_i >= 0 else ""
        cont = False
        if BARE_PART.match(prev) and prev_i == len(out) - 1 and not parse_marker(line):
            cont = True  # 'Phần I' on its own line, its title on the next
        elif prev and not parse_marker(line) and not line.startswith("("):
            if line[0].islower() and not prev.rstrip().endswith((".", "?", "!")):
                cont = True
            elif (DANGLING.search(prev) and not _header_line(line) and not _form_lines(prev, line)
                  and (line[0].isdigit() or not parse_marker(prev))):
                # '… tỉ lệ hội viên trên' / '80%; …': one sentence (a numbered heading goes on only with a figure)
                cont = True
            elif _wrapped_number(prev, line, width):
                cont = True  # '… theo Nghị quyết số' / '76/2014/QH13;': a hard-wrapped sentence goes on
            elif pdf and out[-1] and not prev.rstrip().endswith(tuple(TERMINAL)) and not _is_caption(line):
                cont = not (prev.isupper() and not line.isupper()) and not _short_heading(prev, line, width)
        if cont and _cut_note(prev, line):
            cont = False
        if cont:
            out[prev_i] = prev.rstrip() + " " + line
            del out[prev_i + 1:]
            joined += 1
        else:
            out.append(line)
    return out, joined


# a line ending with a word that never ends a sentence or a heading goes on in the next line
FORM_LABEL = re.compile(rf"^[{UPPER}][^:.;]{{2,60}}:\s*(?:[,;(]|$)")


def _form_lines(prev: str, line: str) -> bool:
    """Two lines of a form that lost its blanks ('Số phiếu bầu phát ra: , số phiếu thu về' / 'Số phiếu hợp lệ: , …'):
    the next line opens with a label and its empty place, the line before holds one too — not a sentence broken."""
    return bool(FORM_LABEL.match(line)) and bool(re.search(r":\s*[,;]", prev))


DANGLING = re.compile(r"(?<=\S)\s+(?:và|của|trên|dưới|là|với|các|những|cho|về|tại|theo|hoặc|trong|từ|đến|được|"
                      r"để|mà|thì|nhưng|như|hay|bằng|vào|ra|có)$")


FORM_BLANK = re.compile(r"…|\.{3,}|_{3,}")


def _cut_note(prev: str, line: str) -> bool:
    """'Họ và tên (trường hợp ủy quyền phải có' then 'Theo Quyết định số …… ngày ……': a label whose note in
    parentheses the copy cut off, then a form's next line (a capital, blanks, its own brackets closed) — no wrap."""
    return (prev.count("(") > prev.count(")") and not FORM_BLANK.search(prev) and line[:1].isupper()
            and FORM_BLANK.search(line) is not None and line.count("(") == line.count(")"))


def _header_line(line: str) -> bool:
    f = fold(line)
    return bool(re.match(r"(?:cong hoa xa hoi|doc lap|so:|kinh gui|noi nhan)", f))


def _short_heading(prev: str, line: str, width: int) -> bool:
    """'1. Tiếp công dân thường xuyên' then 'Tổng số lượt tiếp …': a numbered line ending far short of the page
    width was not wrapped; the capitalised line after it starts a paragraph of its own."""
    return (parse_marker(prev) is not None and line[:1].isupper() and width > 0
            and len(prev.strip()) < 0.6 * width)


def _wrapped_number(prev: str, line: str, width: int) -> bool:
    """A line of a hard-wrapped paragraph that begins with a number ('2020;', '76/2014/QH13;') and ends the sentence,
    under a line of nearly the page's width that ends on a word: one sentence (a table's cell a line is short)."""
    return (line[:1].isdigit() and line.rstrip().endswith((";", ".", ",")) and len(line.split()) <= 12
            and prev.rstrip()[-1:].isalpha() and width > 0 and len(prev.strip()) >= 0.8 * width
            and not re.search(r"…|\.{3}|\b[A-ZĐ]{2,}\s+[A-ZĐ]{2,}\b", prev + line))  # (a form's columns side by side)


def _is_caption(line: str) -> bool:
    return bool(re.match(r"^(biểu|phụ lục)\b", line, re.I))


# --------------------------------------------------------------------------- tree


@dataclass
class Node:
    no: str = ""
    kind: str = "root"
    text: str = ""
    body: list[str] = field(default_factory=list)  # unnumbered lines before the first child
    after: list[str] = field(default_factory=list)  # unnumbered lines after children began
    children: list[Node] = field(default_factory=list)
    tables: list[tuple[int, object]] = field(default_factory=list)  # (position among children, table)


RANKS = {"head": -3, "part": -2, "article": -1, "upper": -1, "code": -1, "roman": 0, "dec1": 1, "dec2": 2, "dec3": 3, "dec4": 4}


def build_tree(items: list[str | object]) -> Node:
    """items: text lines, or table objects placed where they occur. Numbered kinds nest by first use."""
    root = Node()
    stack: list[Node] = [root]
    articles = article_run(items)  # 'Điều 7.' … 'Điều 8.': a level above the clauses
    for it in items:
        if not isinstance(it, str):
            top = stack[-1]
            top.tables.append((len(top.children), it))
            continue
        line = it.strip()
        if not line:
            continue
        mk = parse_marker(line) or (Marker(*art) if articles and (art := article_marker(line)) else None)
        if mk is None:
            top = stack[-1]
            if top.kind in BULLET_KINDS and _new_paragraph(top, line):
                # a full sentence after a finished bullet is a new ask of the numbered item above it
                while len(stack) > 1 and stack[-1].kind in BULLET_KINDS:
                    stack.pop()
                top = stack[-1]
            elif line.startswith("(") and line.rstrip(" .").endswith(")"):
                # a parenthesised note after a bullet belongs to the numbered item above it
                k = len(stack) - 1
                while k > 0 and stack[k].kind in BULLET_KINDS:
                    k -= 1
                top = stack[k] if k > 0 else top
            (top.after if top.children else top.body).append(line)
            continue
        rank = RANKS.get(mk.kind)
        kinds = [n.kind for n in stack]
        if rank is not None:
            while len(stack) > 1 and RANKS.get(stack[-1].kind, 99) >= rank:
                stack.pop()
        elif mk.kind in kinds:
            idx = len(kinds) - 1 - kinds[::-1].index(mk.kind)
            del stack[idx:]
        compound_parent(stack, mk.no)
        node = Node(no=mk.no, kind=mk.kind, text=mk.rest)
        stack[-1].children.append(node)
        stack.append(node)
    return root


FIELD_LINE = re.compile(r":\s*[.,]?\s*(?:…|\.{3,}|_{3,})")  # (a stray dot before the blank: 'Vắng: .………')


def _new_paragraph(bullet: Node, line: str) -> bool:
    """A line after a bullet starts a new paragraph when the bullet's text (and its continuation) is a finished
    sentence and the line is a sentence of its own (capital start, not guidance in parentheses)."""
    last = (bullet.body[-1] if bullet.body else bullet.text).rstrip()
    if line[:1].isupper() and FIELD_LINE.search(line) and FIELD_LINE.search(bullet.text):
        return True  # 'Đã kiểm tra đối với: ……' after '– Ông/bà: ……; chức vụ: ……': the form's next field
    return (last.endswith((".", "?", "!")) and line[:1].isupper() and not line.startswith("(")
            and len(line.split()) >= 4 and not fold(line).startswith(("luu y", "chu y", "ghi chu")))


MOTTO = re.compile(r"cong hoa xa hoi chu nghia|dang cong san viet nam|doc lap\s*[-–]\s*tu do")


def page_template_headings(lines: list, header=None) -> set[str]:
    """A web page's own numbered heading naming the template it shows ('1. Mẫu biên bản … mới nhất 2023:', 'A. Mẫu
    Báo cáo …'), above the document's motto or agency header (``header`` tells an agency line): the page's words, no
    section number of the document, nor are its sub-headings under it ('1.1. Biên bản cuộc họp chung'). Returns those
    headings' texts, folded (a page's question '1. Mẫu … là gì?' over
    its prose is no such heading)."""
    motto = next((k for k, s in enumerate(lines[:80]) if isinstance(s, str) and (
        MOTTO.search(fold(s)) or header is not None and parse_marker(s) is None and header(s))), None)
    out: set[str] = set()
    under = ""  # the page heading's number: its sub-headings before the motto are the page's too ('1.1. Biên bản …')
    for s in lines[:motto or 0]:
        mk = parse_marker(s) if isinstance(s, str) else None
        if mk is None or mk.rest.rstrip().endswith("?"):
            continue
        if mk.kind in ("dec1", "upper", "roman") and fold(mk.rest).startswith("mau "):
            out.add(fold(mk.rest).strip(" .:"))
            under = mk.no
        elif under and mk.kind == "dec2" and mk.no.startswith(under) and not FIELD_LINE.search(s):
            out.add(fold(mk.rest).strip(" .:"))
    return out


def inner_parts(lines: list) -> list:
    """'III. Nội dung Đại hội:' over 'Phần 1: Nghi lễ:', 'Phần 2: Nội dung Đại hội': parts named only after the
    document's Roman headings began are steps inside one of them (an agenda's parts), no level above them — their
    marks go, their words stay as lines. A document whose parts come first ('Phần I' over 'I.', 'II.') keeps them."""
    marks = [(k, parse_marker(s)) for k, s in enumerate(lines) if isinstance(s, str)]
    kinds = [(k, mk.kind) for k, mk in marks if mk is not None and mk.kind in ("roman", "part")]
    if not kinds or kinds[0][1] != "roman" or not any(kind == "part" for _, kind in kinds):
        return lines
    out = list(lines)
    for k, mk in marks:
        if mk is not None and mk.kind == "part" and mk.rest.strip():
            out[k] = mk.rest
    return out


def letter_options(lines: list) -> list:
    """'Tên hộ gia đình trên có đúng không?' then 'a. Có', 'b. Không': letters counting from a) right under an
    unnumbered question (or a numbered one, when the letters are a few words each) are its answer options, not
    sections — their marks go, so the lines after them are no part of the last option. Only short items (a dozen words), only a run in order a, b, c … with nothing between
    (words in parentheses and a routing '-> …' not counted)."""
    out = list(lines)
    k = 0
    while k < len(out):
        j = k - 1
        while j >= 0 and isinstance(out[j], str) and not out[j].strip():
            j -= 1
        prev = out[j].strip() if j >= 0 and isinstance(out[j], str) else ""
        run = []
        while k + len(run) < len(out) and isinstance(out[k + len(run)], str) and out[k + len(run)].strip():
            mk = parse_marker(out[k + len(run)])
            if mk is None or mk.kind != "alpha" or mk.no[:1] != "abcdefghk"[len(run):len(run) + 1] \
                    or _option_words(mk.rest) > 12:
                break
            run.append(mk.rest)
        mk = parse_marker(prev)
        asked = mk is None or mk.kind.startswith("dec") and all(_option_words(r) <= 6 for r in run)
        if len(run) >= 2 and prev.endswith("?") and asked:  # ('Câu 2. … ở đâu?' over 'a. Thành thị', 'b. Nông thôn')
            out[k:k + len(run)] = run
            if mk is None:  # an unnumbered question takes them onto its line (one choice)
                _options_inline(out, list(range(k, k + len(run))))
        k += max(len(run), 1)
    return [s for s in out if s is not None]


def number_options(lines: list) -> list:
    """'Giới tính' then ' 1. Nam', ' 2. Nữ'; 'Tình trạng hôn nhân' then ' 1. Độc thân.' … ' 5. Góa.': numbered short
    lines counting from 1 that run on line after line, where the numbering starts again at 1 with no heading of a
    higher rank between, are answer options, not sections (decided from the sequence: sections do not start over
    under the same heading). Their marks go; so does the mark of an item going on from such a list after a break
    ('3.' … then '5. Lao động tự do'). Needs two such lists or more."""
    runs = _option_runs(lines)
    if len(runs) < 2:
        return lines
    out = list(lines)
    for run in runs:
        for k in run:
            out[k] = parse_marker(out[k]).rest
        _options_inline(out, run)
    return [s for s in out if s is not None]


CARRIED_ASK = re.compile(r"^(?:[-–+•]\s*)?⟦ask:[0-9a-f]+⟧$")  # a questionnaire's item already read (surveys.py)


def options_after_ask(lines: list) -> list:
    """'⟦ask: Nghề nghiệp …⟧' then ' 5. Lao động tự do', ' 6. Khác (ghi rõ)': numbered short lines right under a
    questionnaire's item already read, counting on from 2 or more with no '1.' under the heading so far, are the
    rest of its answer options (a two-column page split the list) — no section: their marks go. A list that counts
    from 1, or a number under a heading that already numbered its items, stays."""
    out = list(lines)
    seen = False  # a decimal item under the current heading
    prev = ""
    for k, s in enumerate(lines):
        if not isinstance(s, str):
            prev = ""
            continue
        if not s.strip() or blank_dots(s):
            continue
        mk = parse_marker(s)
        if mk is not None and mk.kind in ("roman", "upper", "part", "code"):
            seen = False
        elif mk is not None and mk.kind == "dec1" and not seen and re.fullmatch(r"\d{1,2}\.", mk.no):
            n = int(mk.no[:-1])
            going = CARRIED_ASK.match(prev) or prev == "·" + str(n - 1)
            if n >= 2 and going and _option_words(mk.rest) <= 6 and not _field(mk.rest) \
                    and not mk.rest.rstrip().endswith(("?", ":")):
                out[k], prev = mk.rest, "·" + str(n)
                continue
            seen = True
        elif mk is not None and mk.kind.startswith("dec"):
            seen = True
        prev = s.strip()
    return out


def blank_dots(s: str) -> bool:
    return not re.sub(r"[.…_\s]", "", s)


def _options_inline(out: list, run: list[int]) -> None:
    """An unnumbered question right above its options, nothing between: the options go onto its line as coded
    answers ('Giới tính (1: Nam; 2: Nữ)', which reads as one choice) and their lines go (set to None)."""
    q = run[0] - 1
    while q >= 0 and isinstance(out[q], str) and not out[q].strip():
        q -= 1
    if q < 0 or not isinstance(out[q], str) or parse_marker(out[q]) is not None or "(" in out[q] \
            or sum(ch.isalpha() for ch in out[q]) < 4 or len(out[q].split()) < 2 or run != list(range(run[0], run[-1] + 1)):
        return
    opts = [re.sub(r"\s*\(([^()]*)\)", r", \1", re.split(r"\s*(?:->|→|=>)", out[k])[0]).replace(";", ",").strip(" .,")
            for k in run]
    out[q] = f"{out[q].rstrip()} ({'; '.join(f'{i}: {o}' for i, o in enumerate(opts, start=1))})"
    for k in run:
        out[k] = None


def _option_runs(lines: list) -> list[list[int]]:
    """The option lists among the numbered lines: per stretch under one higher heading, the runs of short '1.', '2.'
    … a few lines apart, when two runs or more start at 1 there."""
    out: list[list[int]] = []
    scope: list[list[int]] = []
    nums: dict[int, int] = {}
    for k, s in enumerate([*lines, "I. END"]):
        mk = parse_marker(s) if isinstance(s, str) else None
        if mk is not None and mk.kind in ("roman", "upper", "part", "code") or k == len(lines):
            out += [r for r in scope if len(r) >= 2] if sum(nums[r[0]] == 1 for r in scope) >= 2 else []
            scope = []
            continue
        if mk is None or mk.kind != "dec1" or mk.no.endswith(")") or _option_words(mk.rest) > 10 \
                or mk.rest.rstrip().endswith(("?", ":")) or _field(mk.rest):
            continue  # (a numbered question or field asks; options follow a question)
        nums[k] = n = int(mk.no.rstrip("."))
        cur = scope[-1] if scope else None
        if n == 1:
            scope.append([k])
        elif cur and nums[cur[-1]] < n <= nums[cur[-1]] + 2 and _list_gap(lines[cur[-1] + 1:k], nums[cur[-1]]):
            cur.append(k)  # the next option ('5.' after '3.' when the page put '4.' inside a line)
        elif cur:
            scope.append([k])  # a number that does not go on: no list
    return out


def lone_letters(lines: list) -> list:
    """A lettered line that does not follow its predecessor — 'b.' or 'e)' the first letter under its heading, with
    no 'a' before — is no point heading of the outline (a copy that kept the end of a list, an option cut from its
    question): its mark goes, and so do the marks of the letters going on from it under the same heading."""
    out = list(lines)
    expect = "a"
    for k, s in enumerate(lines):
        mk = parse_marker(s) if isinstance(s, str) else None
        if mk is None or mk.kind in BULLET_KINDS or mk.kind in ("paren", "paren_alpha"):
            continue
        if mk.kind != "alpha":
            expect = "a"  # a heading of another kind: the letters under it count from a again
            continue
        letter = mk.no[:1]
        if letter == expect or expect == "" and letter == "a":  # in sequence, or a list of its own from 'a'
            expect = chr(ord(letter) + 1)
        elif expect in ("a", ""):  # the first letter is no 'a' (expect '': that lone run goes on)
            out[k], expect = mk.rest, ""
        else:  # a letter skipped inside a list ('d' after 'b'): still its point
            expect = chr(ord(letter) + 1)
    return out


def _field(text: str) -> bool:
    """A blank to fill ('Số người trong hộ: …… người'); an option 'Khác (ghi rõ) ……' keeps its blank."""
    return bool(re.search(r"…|\.{3,}|_{3,}", text)) and not fold(text).startswith("khac")


def _list_gap(between: list, last: int) -> bool:
    """Only what goes on with a list between two of its items: blank lines, lines in lower case, a line holding the
    next number inside it ('Nghề nghiệp … của  4. Nông dân') — never a paragraph of its own (a section's body)."""
    said = [s.strip() for s in between if isinstance(s, str) and s.strip()]
    return len(said) <= 2 and all(t[:1].islower() or re.search(rf"(?<!\S){last + 1}\.\s", t) for t in said)


def _option_words(text: str) -> int:
    """The words of an answer option, without its note in parentheses and its routing ('Có -> Chuyển sang câu 5')."""
    return len(re.sub(r"\([^()]*\)", " ", re.split(r"\s*(?:->|→|=>)", text)[0]).split())


def footnote_ids(text: str) -> list[str]:
    return FN_RE.findall(text)


def strip_fn(text: str) -> str:
    return re.sub(r"\s+([,.;:])", r"\1", FN_RE.sub("", text)).strip()


def is_outline_start(line: str) -> bool:
    return fold(line).strip(" .:") in ("de cuong", "de cuong bao cao", "de cuong goi y") and line.strip().isupper()


UNDOTTED = re.compile(rf"^(?P<n>\d{{1,2}})\s+(?=[{UPPER}][a-zđà-ỹ])")


def undotted_numbers(lines: list) -> list:
    """A scanned letter's items whose numbers lost their dot ('1 Đôn đốc …', '2 Đánh giá chung …', '3 Đề xuất …'):
    '1.', '2.', '3.' again — only a run counting 1, 2, 3 … of sentences (four words or more, a figure for every three words at most),
    in a text that numbers nothing else with '1.'."""
    found = [(i, int(m.group("n"))) for i, s in enumerate(lines) if isinstance(s, str)
             for m in [UNDOTTED.match(s.strip())] if m and _prose_item(s.strip()[m.end():])]
    if any(isinstance(s, str) and re.match(r"^\s*1\s*[.)]\s*\S", s) for s in lines):
        return lines
    parts = _undotted_parts(lines, found)
    if parts:
        return parts
    run = [i for k, (i, n) in enumerate(found) if n == k + 1]
    if len(run) < 2:
        return lines
    out = list(lines)
    for i in run:
        out[i] = UNDOTTED.sub(r"\g<n>. ", out[i].strip(), count=1)
    return out


UNDOTTED_ROMAN = re.compile(rf"^(?P<n>I|II|III|IV|V|VI|VII|VIII|IX|X)\s+(?=[{UPPER}][a-zđà-ỹ])")


def _undotted_parts(lines: list, found: list[tuple[int, int]]) -> list | None:
    """The same run restarting under parts whose Roman numbers lost their dot too ('I Không xét …' 1 … 7, 'II Tự
    đánh giá …' 1 … 8: a PDF's table of criteria): 'I.', 'II.' and each part's '1.', '2.' … again — only when the
    parts count I, II, III … (two at least) and every part holds its own run counting from 1, two items at least."""
    heads = [i for i, s in enumerate(lines) if isinstance(s, str) and UNDOTTED_ROMAN.match(s.strip())]
    if len(heads) < 2 or any(UNDOTTED_ROMAN.match(lines[i].strip()).group("n") != ROMAN_SEQ[k]
                             for k, i in enumerate(heads)):
        return None
    out = list(lines)
    for a, b in zip(heads, [*heads[1:], len(lines)], strict=True):
        nums = [(i, n) for i, n in found if a < i < b]
        run = [i for k, (i, n) in enumerate(nums) if n == k + 1]
        if len(run) < 2 or len(run) != len(nums):
            return None
        out[a] = UNDOTTED_ROMAN.sub(r"\g<n>. ", out[a].strip(), count=1)
        for i in run:
            out[i] = UNDOTTED.sub(r"\g<n>. ", out[i].strip(), count=1)
    return out


def _prose_item(rest: str) -> bool:
    words = rest.split()  # a sentence, not a table's row of figures
    return len(words) >= 4 and 3 * len(re.findall(r"(?<!\S)\d[\d.,]*(?!\S)", rest)) <= len(words)
