"""What a printed page adds to a document's text and what closes a letter, none of it an ask:

- a page's number on its own line ('Trang 1/2', 'Trang 1', '- 2 -'), and the running header next to it (a line in
  capitals whose words the document's own name at its top already gives: 'ĐỀ CƯƠNG BÁO CÁO PHÒNG, CHỐNG … 2026');
- a numbered heading in capitals wrapped onto the next line ('IV. ĐÁNH GIÁ CHUNG, … KIẾN NGHỊ,' / 'ĐỀ XUẤT'): one line;
- the letter's closing line marked with the end of a text './.' ('Đề nghị các đơn vị khẩn trương thực hiện./.'), a short
  unnumbered sentence: dropped (a long paragraph ending so may ask, and stays).
"""

from __future__ import annotations

import re

from dialogs.importer.structure import parse_marker
from dialogs.text import fold

PAGE_NUMBER = re.compile(r"(?i)^\s*(?:trang|page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s*$|^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$")
BLANK = re.compile(r"…|\.{3,}|_{3,}")
END_MARK = re.compile(r"\./\.\s*$")
WRAP_END = re.compile(r"(?:,|\b(?:VÀ|CỦA|VỚI|TRONG|VỀ|CHO|CÁC|NHỮNG|TẠI|THEO))\s*$")
HEAD_LINES = 12


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


def drop_page_furniture(seq: list) -> list:
    """The sequence without page numbers and the running headers beside them; wrapped capital headings joined."""
    pages = [k for k, s in enumerate(seq) if isinstance(s, str) and PAGE_NUMBER.match(s)]
    if not pages:
        return join_blank_wraps(join_wrapped_headings(seq))
    first = next((k for k, s in enumerate(seq) if isinstance(s, str) and parse_marker(s)), len(seq))
    top = {w for s in seq[:min(first, HEAD_LINES)] if isinstance(s, str) for w in _words(s)}  # the name's words
    drop = set(pages)
    for k in pages:
        for step in (-1, 1):
            n = _neighbour(seq, k, step)
            if n is not None and n > first and _running_header(seq[n], top):
                drop.add(n)
    return join_blank_wraps(join_wrapped_headings([s for k, s in enumerate(seq) if k not in drop]))


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
        out.append(s)
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
                and not prev.rstrip().endswith((".", "?", "!"))):
            out[-1] = f"{prev.rstrip()} {s.strip()}"
            continue
        out.append(s)
    return out


def closing_line(s: str) -> bool:
    """'Đề nghị các đơn vị khẩn trương thực hiện./.': an unnumbered sentence of at most twenty words ending the
    text with './.', no blank in it."""
    t = s.strip()
    return (bool(END_MARK.search(t)) and parse_marker(t) is None and len(t.split()) <= 20
            and not BLANK.search(t[:-3]))
