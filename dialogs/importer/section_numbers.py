"""Compound section numbers: a Roman or letter part carrying its own decimals ('II.1 Vị trí', 'III.10 …', 'A.2.1.',
'• II.3 …' under a bullet glyph) and decimals closed by a dash or a parenthesis ('2.1- Về …', '1.2) …').

Such a number names its whole path: it nests under the Roman (or letter) heading it repeats, never under a decimal
item or a bullet above it (a page's numbered breadcrumb, a list of another part)."""

from __future__ import annotations

import re

UPPER = "A-ZĐÀ-ỸĂÂÊÔƠƯ"
BULLET_GLYPHS = "•·*+\\-–▪➢○"
# 'II.1 Vị trí', 'III.10. Hiện trạng', 'A.1- Tên', 'II.1.Vị trí', 'II.1: Vị trí', '• II.2 Đặc điểm' (the bullet
# glyph adds nothing)
COMPOUND = re.compile(
    rf"^(?:[{BULLET_GLYPHS}]\s+)?(?P<m>(?:(?:Phần|PHẦN)\s+)?(?:[IVX]{{1,4}}|[A-H])(?:\.\d{{1,2}}){{1,3}})"
    rf"(?:\.?\s*[-–:)]\s*(?=[{UPPER}])|\.\s*(?=[{UPPER}])|\.?\s+(?=[{UPPER}\d]))"
)
# '2.1- Về chuẩn bị …', '1.2) Tên', '1.2: Tên' — the closing mark is the number's, not the text's; a web list's
# glyph before a decimal of two levels or more ('• 2.1 Tên') adds nothing
DEC_CLOSED = re.compile(
    rf"^(?P<m>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\.?\s*(?:[-–](?=\s|[{UPPER}])|[):])\s*(?=[{UPPER}])"
    rf"|^[•·▪➢○]\s+(?P<m2>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\.?\s+(?=[{UPPER}])"
)
HEAD_KINDS = ("roman", "upper", "part", "code")


def compound_marker(line: str) -> tuple[str, str, str] | None:
    """(kind, number, rest) for a compound number at the start of the line, else None: 'II.1 Vị trí' →
    ('dec2', 'II.1.', 'Vị trí'); '2.1- Về …' → ('dec2', '2.1.', 'Về …')."""
    m = COMPOUND.match(line) or DEC_CLOSED.match(line)
    if not m:
        return None
    rest = line[m.end() :].strip()
    if not rest:
        return None
    mark = m.group("m") or m.groupdict().get("m2")
    return f"dec{mark.count('.') + 1}", f"{mark}.", rest


def head_of(no: str) -> str:
    """The Roman or letter part a compound number repeats: 'II.1.' → 'II'; '2.1.' → ''."""
    m = re.fullmatch(r"(?P<h>[IVX]{1,4}|[A-H])(?:\.\d{1,2})+\.?", no.strip())
    return m.group("h") if m else ""


def _own(no: str) -> str:
    return no.strip().rstrip(".-–)").strip()


def compound_parent(stack: list, no: str) -> None:
    """Pop the open items a compound number does not belong under: decimals, bullets and letters above it, and a
    Roman or letter heading of another number ('III.1' after 'II.' closes 'II.'). The stack's root stays."""
    head = head_of(no)
    if not head:
        return
    while len(stack) > 1:
        top = stack[-1]
        if top.kind in HEAD_KINDS and _own(top.no).split()[-1] == head:
            return
        if top.kind == "part":
            return
        stack.pop()


# a legal article heading: 'Điều 7. Tổng hợp báo cáo …' (its clauses '1.', points 'a)' under it)
ARTICLE = re.compile(rf"^(?:Điều|ĐIỀU)\s+(?P<n>\d{{1,3}})\s*[.:]\s*(?=[{UPPER}])")


def article_run(lines: list) -> bool:
    """Articles are a level of the document's numbering when it holds two in sequence ('Điều 7.' … 'Điều 8.'); one
    article alone is the whole text quoted, its clauses the top numbers."""
    nos = [int(m.group("n")) for s in lines if isinstance(s, str) and (m := ARTICLE.match(s.strip()))]
    return any(b == a + 1 for a, b in zip(nos, nos[1:], strict=False))


def article_marker(line: str) -> tuple[str, str, str] | None:
    """('article', '7.', 'Tổng hợp …') for an article heading, else None."""
    m = ARTICLE.match(line)
    rest = line[m.end() :].strip() if m else ""
    return ("article", f"{m.group('n')}.", rest) if rest else None


# a part's number written as an ordinal word: 'Phần thứ nhất', 'PHẦN THỨ HAI' (the closed class of ordinals)
PART_ORDINALS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                 "chín": 9, "mười": 10}
ROMAN_VALUE = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def part_value(word: str) -> int:
    """The number of a part's label: 'II' → 2, '3' → 3, 'thứ hai' → 2, 'THỨ NHẤT' → 1; 0 when unknown."""
    w = word.split()[-1] if word.split() else ""
    if w.isdigit():
        return int(w)
    return ROMAN_VALUE.get(w) or PART_ORDINALS.get(w.lower(), 0)
