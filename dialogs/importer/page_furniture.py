"""What a printed page adds to a document's text and what closes a letter, none of it an ask:

- a page's number on its own line ('Trang 1/2', 'Trang 1', '- 2 -'), and the running header next to it (a line in
  capitals whose words the document's own name at its top already gives: 'ĐỀ CƯƠNG BÁO CÁO PHÒNG, CHỐNG … 2026');
- a numbered heading in capitals wrapped onto the next line ('IV. ĐÁNH GIÁ CHUNG, … KIẾN NGHỊ,' / 'ĐỀ XUẤT'): one line;
- the letter's closing line marked with the end of a text './.' ('Đề nghị các đơn vị khẩn trương thực hiện./.'), a short
  unnumbered sentence that reads as a request, a thanks or a deadline: dropped (a long paragraph ending so may ask,
  and stays; so does a line that asks: 'Đánh giá chung những ưu điểm, tồn tại …./.').
"""

from __future__ import annotations

import re

from dialogs.importer.structure import parse_marker
from dialogs.text import fold

PAGE_NUMBER = re.compile(r"(?i)^\s*(?:trang|page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s*$|^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$")
BLANK = re.compile(r"…|\.{3,}|_{3,}")
# a running header's or footer's words and the page's number after them on one line ('… Trang 1/2', '… - Trang 3')
NUMBERED_FOOTER = re.compile(r"(?i)^(?P<t>\D.*?)\s+(?:trang|page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
END_MARK = re.compile(r"\./\.\s*$")
WRAP_END = re.compile(r"(?:,|\b(?:VÀ|CỦA|VỚI|TRONG|VỀ|CHO|CÁC|NHỮNG|TẠI|THEO))\s*$")
HEAD_LINES = 12
# a word that never ends a heading in sentence case: the heading goes on on the next line
WRAP_END_LOWER = re.compile(r"\s(?:của|và|với|trong|về|cho|các|những|tại|theo|đối với)$")
# how a letter's closing sentence opens (a request, a thanks), or the deadline it sets: the administrative formulae
CLOSING_OPENER = re.compile(r"(?i)^(?:kính\s+|xin\s+)?(?:đề nghị|yêu cầu|trân trọng|rất mong|kính mong|mong|xin|cảm ơn)\b")
DEADLINE = re.compile(r"(?i)\btrước\s+ngày\b")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text).lower())


def _caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 6 and all(ch.isupper() for ch in letters)


def _running_header(line: str, top: set[str]) -> bool:
    """A line in capitals, unnumbered and without blanks, whose words the document's top lines give."""
    t = line.strip()
    words = _words(t)
    if not _caps(t) or parse_marker(t) is not None or BLANK.search(t) or len(words) < 3:
        return False
    return sum(w in top for w in words) >= 0.7 * len(words)


def _neighbour(seq: list, k: int, step: int) -> int | None:
    """The next non-empty text line from k (exclusive) in direction step, or None (a table or the end first)."""
    k += step
    while 0 <= k < len(seq) and isinstance(seq[k], str) and not seq[k].strip():
        k += step
    return k if 0 <= k < len(seq) and isinstance(seq[k], str) else None


def _footer_with_number(line: str, top: set[str], repeated: set[str]) -> bool:
    """'Đề cương báo cáo bảo trợ xã hội   Trang 1/2': a running header or footer and the page's number on one line —
    unnumbered, no blank, its words the document's name gives (or the same words over each page's number)."""
    m = NUMBERED_FOOTER.match(line.strip())
    if m is None:
        return False
    t = m.group("t").strip(" -–|")
    words = _words(t)
    if parse_marker(t) is not None or BLANK.search(t) or len(words) < 3:
        return False
    return fold(t).lower() in repeated or sum(w in top for w in words) >= 0.7 * len(words)


def drop_page_furniture(seq: list) -> list:
    """The sequence without page numbers and the running headers beside them; wrapped capital headings joined."""
    first = next((k for k, s in enumerate(seq) if isinstance(s, str) and parse_marker(s)), len(seq))
    top = {w for s in seq[:min(first, HEAD_LINES)] if isinstance(s, str) for w in _words(s)}  # the name's words
    footers = [fold(m.group("t").strip(" -–|")).lower() for s in seq if isinstance(s, str)
               for m in [NUMBERED_FOOTER.match(s.strip())] if m]
    repeated = {t for t in footers if footers.count(t) >= 2}
    pages = [k for k, s in enumerate(seq) if isinstance(s, str) and (
        PAGE_NUMBER.match(s) or k > first and _footer_with_number(s, top, repeated))]
    if not pages:
        return join_blank_wraps(join_wrapped_headings(join_wrapped_agency(seq)))
    drop = set(pages)
    for k in pages:
        for step in (-1, 1):
            n = _neighbour(seq, k, step)
            if n is not None and n > first and _running_header(seq[n], top):
                drop.add(n)
    return join_blank_wraps(join_wrapped_headings(join_wrapped_agency([s for k, s in enumerate(seq) if k not in drop])))


def join_wrapped_headings(seq: list) -> list:
    """'IV. ĐÁNH GIÁ CHUNG, … VÀ KIẾN NGHỊ,' / 'ĐỀ XUẤT': a numbered heading in capitals ending on a comma or a word
    that never ends a heading, then a short unnumbered line in capitals → one heading line."""
    out: list = []
    for s in seq:
        prev = out[-1] if out and isinstance(out[-1], str) else ""
        mk = parse_marker(prev) if prev else None
        if (isinstance(s, str) and mk is not None and _caps(mk.rest) and WRAP_END.search(prev.rstrip())
                and s.strip() and _caps(s) and parse_marker(s) is None and not BLANK.search(s)
                and len(s.split()) <= 12):
            out[-1] = f"{prev.rstrip()} {s.strip()}"
            continue
        if (isinstance(s, str) and mk is not None and WRAP_END_LOWER.search(prev.rstrip()) and s.strip()
                and parse_marker(s) is None and not BLANK.search(s) and len(s.split()) <= 8
                and not re.search(r"[.;?]$", s.strip())):  # '1.1. Công tác chỉ đạo của' / 'Thủ tướng Chính phủ:'
            out[-1] = f"{prev.rstrip()} {s.strip()}"
            continue
        out.append(s)
    return out


# an agency's kind alone on the first line of the header, its name wrapped onto the next ('BỘ' / 'TÀI CHÍNH')
AGENCY_KIND = re.compile(r"^(?:BỘ|SỞ|CỤC|TỔNG CỤC|VỤ|BAN|ỦY BAN NHÂN DÂN|UBND|ĐẢNG BỘ|ĐẢNG ỦY|HỘI|TRUNG TÂM)$")


def join_wrapped_agency(seq: list) -> list:
    """'BỘ' / 'LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI': an agency's kind alone at the top of the page and its name in
    capitals on the next line (a narrow cell's wrapping) → one header line ('BỘ LAO ĐỘNG – …')."""
    out = list(seq)
    for k, s in enumerate(out[:HEAD_LINES]):
        nxt = out[k + 1] if k + 1 < len(out) else None
        if (isinstance(s, str) and AGENCY_KIND.match(s.strip()) and isinstance(nxt, str) and _caps(nxt)
                and parse_marker(nxt) is None and not BLANK.search(nxt) and len(nxt.split()) <= 10):
            out[k:k + 2] = [f"{s.strip()} {nxt.strip()}", ""]
    return out


# a line that goes on with the blanks of the line above: '……. vụ việc; đang hòa giải …', '(trong đó: nữ ……. người, …)'
GOES_ON = re.compile(r"^(?:(?:…|\.{2,}|_{3,})[\s.…_]*(?P<c>\w|%)|\(\s*(?:trong đó|hình thức|chia ra|gồm)\b)")


def join_blank_wraps(seq: list) -> list:
    """A sentence of blanks wrapped by the page ('2. Kết quả hòa giải: … hòa giải không thành' / '……. vụ việc; đang
    hòa giải ……. vụ việc.'): a line opening with a blank and its unit, or with a breakdown in parentheses, under a
    line with blanks that ends on no full stop, goes on with it."""
    out: list = []
    for s in seq:
        prev = out[-1] if out and isinstance(out[-1], str) else ""
        on = GOES_ON.match(s.strip()) if isinstance(s, str) else None
        if (on and prev and (on.group("c") is None or on.group("c").islower() or on.group("c") == "%") and BLANK.search(prev)
                and not prev.rstrip().endswith((".", "?", "!")) and (on.group("c") is None or _label_waits(prev))):
            out[-1] = f"{prev.rstrip()} {s.strip()}"
            continue
        out.append(s)
    return out


def _label_waits(prev: str) -> bool:
    """The line above ends on a label whose blank is still to come ('… hòa giải không thành', '…… đơn; số đơn đã giải
    quyết'), not on a blank ('Ý kiến …: ……') nor on a blank's unit ('Số tổ hòa giải: …… tổ')."""
    tail = BLANK.split(prev.rstrip())[-1].strip(" .…_")
    return bool(re.search(r"[;,]\s*\w", tail) or len(tail.split()) >= 3)


def closing_line(s: str) -> bool:
    """'Đề nghị các đơn vị khẩn trương thực hiện./.': an unnumbered sentence of at most twenty words ending the
    text with './.', no blank in it, that opens as a request or a thanks or sets a deadline ('… trước ngày …')."""
    t = s.strip()
    return (bool(END_MARK.search(t)) and parse_marker(t) is None and len(t.split()) <= 20
            and not BLANK.search(t[:-3]) and bool(CLOSING_OPENER.match(t) or DEADLINE.search(t)))


def without_end_mark(s):
    """A kept line's end-of-text mark './.' read as its full stop ('… đề xuất giải pháp khắc phục./.'); anything else
    as it is."""
    return END_MARK.sub(".", s.rstrip()) if isinstance(s, str) and END_MARK.search(s) else s


# a template's own name line, its kind in capitals ('BÁO CÁO sơ kết …', 'PHIẾU ĐÁNH GIÁ …', 'BIỂU …', 'THẺ …')
NAME_LINE = re.compile(r"^(?:BÁO CÁO|PHIẾU|BIỂU|ĐỀ CƯƠNG|THẺ|TỜ KHAI|GIẤY|ĐƠN|KẾ HOẠCH|BIÊN BẢN|BẢNG|SỔ)\b")
# what a web article around a template says of it: what it is, where it comes from, what to read next
ARTICLE_WORDS = re.compile(r"\bla gi\s*\?|\bbai viet\b|\btham khao\b|\bmoi (?:quy|cac ban|ban)\b|\bduoi day\b|"
                           r"\bsau day la\b|\bcung tim hieu\b|\bmoi nhat\b|\btai ve\b")
ARTICLE_SCAN = 200


def _article_line(s: str) -> bool:
    t = s.strip()
    return t.endswith("?") or t.startswith("•") or bool(ARTICLE_WORDS.search(fold(t).lower()))


def _header_like(s: str) -> bool:
    """A line of a template's header block above its name: the agency, the motto, the number, the place and date,
    the code ('Mẫu số 01'), a rule ('-------', '*'), a short line in capitals or with a blank."""
    t = s.strip().strip("|").strip()
    if not t or not re.search(r"[^\W\d_]", t) or BLANK.search(t):
        return True
    letters = [ch for ch in t if ch.isalpha()]
    if t.endswith("?") or t.startswith("•") or len(t.split()) > 14:
        return False
    return (all(ch.isupper() for ch in letters) or bool(re.match(r"(?i)(?:mẫu|biểu|phụ lục)(?:\s+số)?\s*:?\s*\S{1,12}$", t))
            or bool(re.match(r"(?i)(?:độc lập|số\b)", t)))


def _template_body(seq: list, name: int) -> bool:
    """The template goes on below its name line: two numbered lines or lines with a blank, or a table (a page that
    cuts the template right after its name leaves the article's sentences to say what the report holds)."""
    seen = 0
    for s in seq[name + 1:name + 80]:
        if not isinstance(s, str):
            return True
        t = s.strip()
        seen += bool(t) and (parse_marker(t) is not None or bool(BLANK.search(t)))
        if seen >= 2:
            return True
    return False


def _article_own(s: str) -> bool:
    """A line the article says in its own words above the template: a question ('… là gì?'), an entry of its
    contents ('• Cách viết …'), an unnumbered sentence or a title of six words or more with no blank."""
    t = s.strip()
    if not t or BLANK.search(t):
        return False
    if t.endswith("?") or t.startswith("•"):
        return True
    if re.match(r"(?i)(?:mẫu|biểu|phụ lục)(?:\s+số)?\s*[\w.-]{1,8}\s*[:.–-]", t):
        return False  # 'Mẫu 1: Nội dung ghi biên bản …': the template's own code and name
    return parse_marker(t) is None and len(t.split()) >= 6


def drop_article_text(seq: list) -> list:
    """A template copied into a web article: the article's own text above the template's header block goes ('Mẫu
    báo cáo tháng là gì?', its paragraphs, its contents '• Cách viết báo cáo tháng') — when the article shows
    itself (a question on what the paper is, its contents, a word of the site), the template has a name line in
    capitals ('BÁO CÁO sơ kết …') and a body below it. The article's numbered headings stay (the template's items
    may be counted under '2. Nội dung mẫu …'); so does everything when the page cut the template after its name."""
    name = None
    for k, s in enumerate(seq[:ARTICLE_SCAN]):
        if not isinstance(s, str):
            break
        t = s.strip().strip("|").strip()
        if k and NAME_LINE.match(t) and len(t.split()) <= 40 and not t.endswith("?"):
            name = k
            break
    if not any(isinstance(s, str) and _article_line(s) for s in seq[:name or ARTICLE_SCAN]):
        return seq
    if name is None or not _template_body(seq, name):
        return seq
    start = name
    while start and isinstance(seq[start - 1], str) and _header_like(seq[start - 1]):
        start -= 1
    if not any(isinstance(s, str) and _article_line(s) for s in seq[:start]):
        return seq
    return [s for k, s in enumerate(seq) if k >= start or not (isinstance(s, str) and _article_own(s))]
