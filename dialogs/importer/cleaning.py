"""Cleaning: web-page chrome, export noise ([bookmark: …], **bold**, <i>) and footnotes.

Footnote references become ``⟦fn:N⟧`` markers in the text (the structure step turns them into help of the
question that holds them); the footnote texts are returned separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dialogs.importer.bilingual import drop_gloss
from dialogs.importer.document import Document, Grid, Line
from dialogs.importer.glued_field_numbers import separate_glued_numbers
from dialogs.importer.old_fonts import repair_old_fonts
from dialogs.importer.sample_fills import drop_sample_fill
from dialogs.importer.syllables import is_valid

CHROME = [
    r"^t[ảa]i b[ảa]n [đd][ầa]y [đd][ủu]",
    r"\bl[ượu][ợo]?t xem\b",
    r"^\s*(download|tải về|tải xuống|xem thêm|bình luận)\b",
    # a document-sharing page's bar: the file's name and size ('… Trung ươngtải về 19.01 Mb.'), 'trang102/119',
    # 'Chuyển đổi dữ liệu19.08.2016', 'Kích19.01 Mb.', the page numbers ('1   ...   98   99   ...   119')
    r"tải về\s*[\d.,]+\s*[kmg]b\.?\s*$",
    r"^(?:(?-i:trang)\d+/\d+|chuyển đổi dữ liệu\s*\d{1,2}\.\d{1,2}\.\d{4}|kích\s*[\d.,]+\s*[kmg]b\.?)\s*$",
    r"^\d+\s+\.\.\.(?:\s+\d+)+\s+\.\.\.\s+\d+\s*$",
    # a page's 'Đăng nhập / Đăng ký' links ('Đăng ký lại' is a statistics form's column)
    r"^\s*(?:đăng nhập|đăng ký)\s*(?:$|[|/»›:,]|(?:tài khoản|thành viên|nhận tin|ngay|miễn phí)\b)",
    r"\bdownload\b.*\b(pdf|doc|docx)\b",
    r"^chia s[ẻe]\s*:",
    r"^rate this post",
    r"^(quảng cáo|advertisement|sponsored)\b",
    r"^(facebook|zalo|twitter|in bài|print)\s*$",
    r"^(trang chủ|home)\s*[›»>/]",
    r"^\d+\s*(lượt tải|lượt thích|bình luận)",
    r"^(tags?|từ khóa)\s*:",
    r"^(bài viết liên quan|tin liên quan|có thể bạn quan tâm)\b",
    r"^(copyright|©)",
    r"^skip (?:ribbon commands|to main content|navigation)\b",  # a portal's accessibility links
    r"^thống kê truy cập\s*$",
    # a portal's visitor counter ('Đang truy cập : 67', 'Hôm nay : 630', 'Tổng lượt truy cập : 4555606')
    r"^(?:(?:đang truy cập|đang online|khách viếng thăm|máy chủ tìm kiếm|thành viên|hôm nay|hôm qua|tuần này|"
    r"tháng này|tháng hiện tại|năm hiện tại|tổng lượt truy cập|lượt truy cập|tất cả)\s*)+:\s*[\d.,]+\s*$",
]
CHROME_RE = re.compile("|".join(CHROME), re.IGNORECASE)
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_MAP = {ch: str(i) for i, ch in enumerate(SUPERSCRIPT)}
FN_DEF_RE = re.compile(r"\[(\d+):\s*(.*?)\]\s*(?=\n|$|\s*\S)", re.S)
FN_REF_RE = re.compile(r"\[footnoteRef:(\d+)\]")
SUP_REF_RE = re.compile(r"(?<=[\w)])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
SUP_DEF_RE = re.compile(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.+)$")


@dataclass
class Cleaned:
    doc: Document
    footnotes: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    old_font: str | None = None  # 'TCVN3' or 'VNI' when the text was typed in an old font and read again


def strip_markup(text: str) -> str:
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)
    # a word set low or high ('<sub>chuẩn</sub>Điểm', 'Điểm<sub>đạt</sub>': a header cell's second line) is a word
    # of its own; a figure stays on its word ('m<sup>2</sup>', a footnote's '<sup>1</sup>')
    text = re.sub(r"<(sub|sup)>([^<]*[^\W\d_]{2}[^<]*)</\1>", r" \2 ", text)
    text = re.sub(r"</?(i|b|u|em|strong|sup|sub)>", "", text)
    text = re.sub(r"\*\*", " ", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", text).rstrip()


def _footnote_defs(text: str, notes: dict[str, str]) -> str:
    """Remove '[N: text]' definitions (they may span lines and hold brackets of their own)."""
    out = []
    i = 0
    for m in re.finditer(r"\[(\d+):", text):
        if m.start() < i:
            continue
        depth, j = 0, m.start()
        while j < len(text):
            if text[j] == "[":
                depth += 1
            elif text[j] == "]":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        notes[m.group(1)] = " ".join(text[m.end():j].split())
        out.append(text[i:m.start()])
        i = j + 1
    out.append(text[i:])
    return "".join(out)


BRACKET_BOX = re.compile(r"\[ {1,3}\]")
# boxes for the digits of a figure or a code in square brackets ('Năm mắc bệnh: [ ____]', 'Mã số: [ ___/___]'): its blank
BRACKET_DIGITS = re.compile(r"\[\s*_{2,}(?:\s*/\s*_{2,})*\s*\]")
# a line of options each led by a dot run ('.......Có .......Không', '……Chôn ……Đốt'): dot runs standing for boxes
DOT_OPTIONS = re.compile(r"^\s*(?:(?:\.{3,}|…+)\s*[A-ZĐÀ-Ỹ\d][^.…:]{0,24}?\s*){2,5}$")
DOT_RUN = re.compile(r"(?:\.{3,}|…+)\s*")
CELL_MARK = re.compile(r"\s*\[\*\]\s*$")
SPLIT_BLANK = re.compile(r"(?<=[.…]{3})\s+(?=[.…]{2}[.…]*\s*[^\W\d_])")  # a blank broken by a space, a word after
# the Icelandic 'Ð' (U+00D0) a font swap wrote for 'Đ': at a word's start before a Vietnamese letter or in capitals
# ('Ðịa chỉ', 'TNLÐ'); a TCVN3 'Ð' (a lowercase 'é' read as Latin-1) stands after a lowercase letter, in a repaired line
ETH = re.compile(r"(?<![^\W\d_])Ð(?=[A-Z]|[^\x00-\xff])|(?<=[A-Z])Ð")
# a line's last label and the next line's capitals heading glued by a lost line break: 'Mã huyện, quận:BÁO CÁO TỔNG HỢP
# TÌNH HÌNH …' (a colon, no space, three words or more all in capitals)
GLUED_HEADING = re.compile(r"(?<=[^\W\d_]\d:|[^\W\d_]{2}:)(?=[A-ZĐÀ-Ỹ]{2,}(?:\s+[A-ZĐÀ-Ỹ]{1,}){2,}\s*$)")
# a heading in capitals glued to the end of the line before it, with no space ('Ngày 17 tháng sauKẾT QUẢ HOẠT ĐỘNG …',
# '… hàng năm.SỐ LIỆU …')
GLUED_CAPS = re.compile(r"(?:(?<=[a-zđà-ỹ]{2})|(?<=[a-zđà-ỹ]{2}\.))(?=[A-ZĐ][^\W\d_]*(?:[\s,]+[^\W\d_]+){2,}[\s,.:]*$)")


# a Biểu's first header cell glued to the value line before it ('Tổng cục Thống kêĐơn vị tính')
GLUED_UNIT_HEAD = re.compile(r"(?<=[a-zđà-ỹ])(?=Đơn vị tính\s*$)")
# a label's blank written as a hint in square brackets after its colon, ending the line ('• Tên: [Họ và tên]',
# 'Điện thoại: [Số điện thoại]'): a blank to write; a hint of a few short words split by slashes ('[Nam/Nữ]') is boxes
HINT_BLANK = re.compile(r"(?<=:)\s*\[(?P<h>[^\W\d_][^\[\]\d*:]{0,40})\]\s*$")
HINT_OPTIONS = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)?(?:\s*/\s*[^\W\d_]+(?: [^\W\d_]+)?){1,3}$")


# a date whose figures are written as letters to replace, alone on its line: 'Ngày xx/tháng xx/năm xxxx', 'dd/mm/yyyy',
# 'xx/xx/xxxx' → the date's blanks '……/……/……'
LETTER_DATE = re.compile(r"(?i)^\s*(?:ngày\s*)?(?:xx|dd)\s*/\s*(?:tháng\s*)?(?:xx|mm)\s*/\s*(?:năm\s*)?(?:xxxx|yyyy|xx|yy)[\s.]*$")


def _digit_boxes(line: str) -> str:
    """'[ ____]' → '……', '[___/___/___]' → '……': the boxes of a figure's digits, its blank."""
    return BRACKET_DIGITS.sub("……", line)


def _hint_blank(line: str) -> str:
    """'Tên: [Họ và tên]' → 'Tên: …………'; 'Giới tính: [Nam/Nữ]' → 'Giới tính: Nam □ Nữ □'; any other line as it is."""
    m = HINT_BLANK.search(line)
    if not m:
        return line
    hint = m.group("h").strip()
    if HINT_OPTIONS.match(hint):
        return line[:m.start()] + "".join(f" {x.strip()} □" for x in hint.split("/"))
    return line[:m.start()] + " …………"


def split_glued_caps(line: str) -> list[str]:
    """A line whose end is a heading in capitals of three words or more glued on after a lower-case word: two lines.
    Any other line as it is."""
    unit = GLUED_UNIT_HEAD.search(line)
    if unit and line[unit.start() - 1].islower():
        return [line[: unit.start()], line[unit.start() :]]
    for m in GLUED_CAPS.finditer(line):
        tail = line[m.start():]
        before = line[:m.start()].split()[-1]
        if before.islower() and tail.isupper() and len(re.findall(r"[^\W\d_]{2,}", tail)) >= 3:
            return [line[:m.start()].rstrip(), tail]
    return [line]


PAGE_MARK = re.compile(r"^\((\d{1,3})\)(?=\S)")
PAGE_GAP = 8  # lines at least between two page numbers


def strip_page_marks(lines: list[str]) -> list[str]:
    """A PDF's page numbers glued to the first line of each page ('(2)Loại hố vệ sinh: …', '(3)7 Bệnh mắt'): marks
    '(n)' with no space after them that count 1, 2, 3 … in order down the text, each at least PAGE_GAP lines after
    the one before, are removed (an enumeration '(1) …', '(2) …' runs on consecutive lines, with a space)."""
    hits = [(k, int(m.group(1))) for k, line in enumerate(lines) for m in [PAGE_MARK.match(line.strip())] if m]
    if len(hits) < 2 or any(b[1] != a[1] + 1 or b[0] - a[0] < PAGE_GAP for a, b in zip(hits, hits[1:], strict=False)):
        return lines
    out = list(lines)
    for k, _ in hits:
        out[k] = PAGE_MARK.sub("", out[k].strip())
    return out


# an enumeration in parentheses ending in an ellipsis ('(tôm, cá, ngao...)'), the line's blank after it
ETC_PAREN = re.compile(r"(\([^()…]*?\w,\s*[^()…]*?\w)\s*(?:…|\.{2,4})\s*\)(?=[^()]*(?:…|\.{3,}|_{3,}))")


def _clean_lines(lines: list[str], cleaned: Cleaned) -> list[str]:
    lines, font = repair_old_fonts(lines)  # TCVN3 or VNI read as Latin-1
    cleaned.old_font = cleaned.old_font or font
    text = _footnote_defs("\n".join(strip_markup(x) for x in lines), cleaned.footnotes)
    text = FN_REF_RE.sub(lambda m: f"⟦fn:{m.group(1)}⟧", text)
    out: list[str] = []
    sup_current: str | None = None
    boxed_last = False
    for line in _drop_link_lists(text.split("\n"), cleaned.dropped):
        m = SUP_DEF_RE.match(line)
        if m:
            sup_current = "".join(_SUP_MAP[c] for c in m.group(1))
            cleaned.footnotes[sup_current] = m.group(2).strip()
            out.append("")
            continue
        line = SUP_REF_RE.sub(lambda mm: "⟦fn:" + "".join(_SUP_MAP[c] for c in mm.group(1)) + "⟧", line)
        line = CELL_MARK.sub("", line)  # a web page's '[*]' after each copied cell: the cell's text stays
        line = "……/……/……" if LETTER_DATE.match(line) else _hint_blank(BRACKET_BOX.sub("□", _digit_boxes(line)))  # 'Có [ ] Không [ ]': a box to tick typed as brackets
        boxed = bool(DOT_OPTIONS.match(line))
        line = DOT_RUN.sub("□ ", line).strip() if boxed else line
        if boxed and out and out[-1].startswith("□ ") and boxed_last:  # options wrapped onto a second line: one list
            out[-1] = f"{out[-1]} {line}"
            continue
        boxed_last = boxed
        if CHROME_RE.search(line.strip()):
            cleaned.dropped.append(line.strip())
            continue
        line = SPLIT_BLANK.sub("", line)  # '………… ………...người': one blank a copy broke with a space
        line = ETC_PAREN.sub(r"\1)", line)  # '(tôm, cá, ngao...): ……': the list's 'and so on', no blank
        # '…: ……không……' → '…: ……'; 'Họ tên/ (Full name) ……' → 'Họ tên ……'
        line = ETH.sub("Đ", drop_gloss(drop_sample_fill(line)))
        for part in GLUED_HEADING.split(line, maxsplit=1):  # 'Mã huyện:BÁO CÁO TỔNG HỢP …': two lines glued
            out.extend(split_glued_caps(part))
    return strip_page_marks(rejoin_hyphenated(separate_glued_numbers(out)))


# a PDF's hyphenation inside a syllable: the syllable's first letters and a hyphen end the line ('… đối tư-'), its
# other letters begin the next in lower case ('ợng bảo trợ …'); a hyphen with a space before it, or after digits, is none
BROKEN_END = re.compile(r"(?:(?<=\s)|^)(?P<a>[^\W\d_]{1,6})-\s*$")
BROKEN_START = re.compile(r"^(?P<ws>\s*)(?P<b>[^\W\d_]{1,7})(?=[\s,.;:)]|$)")


def rejoin_hyphenated(lines: list[str]) -> list[str]:
    """'đối tư-' / 'ợng bảo trợ …' → 'đối' / 'tượng bảo trợ …': the syllable a PDF broke across two lines whole again at
    the start of the second line (the lines stay as many) — only when the letters joined are one Vietnamese syllable
    ('kinh tế-' / 'xã hội' stays: 'tếxã' is none; 'Hà Nội -' / 'Hải Phòng' and '2025-' / '2026' are real hyphens)."""
    out = list(lines)
    for k in range(len(out) - 1):
        end, start = BROKEN_END.search(out[k]), BROKEN_START.match(out[k + 1])
        if end is None or start is None or not start.group("b")[0].islower():
            continue
        word = end.group("a") + start.group("b")
        if not is_valid(word.lower()):
            continue
        out[k] = out[k][:end.start()].rstrip()
        out[k + 1] = start.group("ws") + word + out[k + 1][start.end():]
    return out


# a page's list of links under its heading ('Bài viết liên quan' over the titles of other pages); a table of contents
LINK_HEAD = re.compile(r"(?i)^(?:bài viết liên quan|tin liên quan|bài viết cùng (?:chuyên mục|chủ đề)|tin cùng chuyên mục|"
                       r"có thể bạn quan tâm|các bài viết khác|tin khác|đánh giá bài viết(?: này)?|bình luận)\s*:?\s*$")
CONTENTS_HEAD = re.compile(r"(?i)^mục lục(?: bài viết)?\s*:?\s*$")
ENTRY = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]\s+\S")


def _link_line(s: str) -> bool:
    """A link's title: a few words, no blank to fill, not a header in capitals."""
    letters = [c for c in s if c.isalpha()]
    return 0 < len(s.split()) <= 20 and not re.search(r"…|\.{3,}|_{3,}", s) and not (
        letters and all(c.isupper() for c in letters))


def _drop_link_lists(lines: list[str], dropped: list[str]) -> list[str]:
    """The links listed under a page's 'Bài viết liên quan' (up to an empty line), and a table of contents'
    numbered entries under 'Mục lục' when two or more follow it (one entry alone is the page's own heading), go
    with their heading."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        s = lines[k].strip()
        links = LINK_HEAD.match(s) is not None
        if links or CONTENTS_HEAD.match(s):
            j = k + 1
            while j < len(lines) and j - k <= 12 and _link_line(lines[j].strip()) and (
                    links or ENTRY.match(lines[j].strip())):
                j += 1
            if links or j - k >= 3:
                dropped.extend(x.strip() for x in lines[k:j])
                k = j
                continue
        out.append(lines[k])
        k += 1
    return out


def clean(doc: Document) -> Cleaned:
    cleaned = Cleaned(Document(source=doc.source, laid_out=doc.laid_out, notes=doc.notes))
    cleaned.old_font = doc.old_font  # (a Word file's runs in an old font, read again by the reader)
    pending: list[Line] = []

    def flush() -> None:
        if not pending:
            return
        texts = _clean_lines([ln.text for ln in pending], cleaned)
        levels = [ln.level for ln in pending]
        for k, t in enumerate(texts):
            cleaned.doc.blocks.append(Line(t, levels[k] if k < len(levels) else None))
        pending.clear()

    for b in doc.blocks:
        if isinstance(b, Line):
            pending.append(b)
        else:
            flush()
            cells = [[(strip_markup(FN_REF_RE.sub("", t)).strip(), o) for t, o in row] for row in b.cells]
            cleaned.doc.blocks.append(Grid(cells, b.merged_known))
    flush()
    _old_font_cells(cleaned)
    return cleaned


def _old_font_cells(cleaned: Cleaned) -> None:
    """The table cells of a document typed in an old font, read again as its lines were."""
    from dialogs.importer.old_fonts import repair_old_font
    from dialogs.importer.syllables import load_syllables
    from dialogs.importer.vni_font import repair_vni

    if cleaned.old_font not in ("VNI", "TCVN3"):
        return
    syllables = load_syllables()

    def fix(text: str) -> str:
        if cleaned.old_font == "VNI":
            return "\n".join(repair_vni(x, syllables, known=True) for x in text.split("\n"))
        return "\n".join(repair_old_font(x, known=True) for x in text.split("\n"))

    for k, b in enumerate(cleaned.doc.blocks):
        if isinstance(b, Grid):
            cleaned.doc.blocks[k] = Grid([[(fix(t), o) for t, o in row] for row in b.cells], b.merged_known)
