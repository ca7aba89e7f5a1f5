"""A blank with its unit followed by a parenthesis asking another figure: 'Diện tích cây trồng bị thiệt hại: …… ha
(ước giá trị thiệt hại …… triệu đồng)' asks the area (decimal, ha) and the value (money, triệu đồng). The words
after the first blank are its unit, not the next label ('Ha (ước giá trị thiệt hại'), and the parenthesis, which
holds a blank and its unit, asks its own figure rather than helping."""

from __future__ import annotations

import re

from dialogs.importer.placeholders import MEASURE_UNITS, UNIT_MARK

# the words after a blank that name its unit, then a parenthesis or the next clause: 'ha (', 'triệu đồng;', 'con,'
UNIT_THEN = re.compile(r"^(?P<u>[a-zđà-ỹ²³]+(?:/[a-zđà-ỹ]+){0,2}(?:\s[a-zđà-ỹ]+)?)\s*[(;,]")
UNIT_WORDS = MEASURE_UNITS | {"đồng", "con", "người", "hộ", "nghìn", "lượt", "cái", "chiếc", "vụ", "đơn", "xe", "tổ"}
PIECE = re.compile(r"[^;,⟧]+?⟦u:[^⟧]*⟧")


def unit_first(label: str) -> bool:
    """The words after a blank begin with its unit ('ha (ước giá trị …', 'triệu đồng; …'): no label of a blank."""
    m = UNIT_THEN.match(label)
    return bool(m) and m.group("u").split()[0].split("/")[0] in UNIT_WORDS


def measured_paren(inner: str) -> list[str]:
    """The figures a parenthesis asks with a blank and its unit each ('ước giá trị thiệt hại ⟦u:triệu đồng⟧'),
    their markers kept for the question; [] when any piece has no words of its own before its blank."""
    pieces = [p.strip(" ;,:") for p in PIECE.findall(inner)]
    if not pieces or any(len(UNIT_MARK.sub("", p).split()) < 2 for p in pieces):
        return []
    return [p[0].upper() + p[1:] for p in pieces]
