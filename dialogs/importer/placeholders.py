"""Blanks to fill in: 'Tổng số máy tính: … máy', 'Diện tích bị thiệt hại: … ha', 'trả lại cho công dân: … triệu đồng'.

The words after the dots are the unit the officer answers in. They are taken out of the prompt and kept in a
marker (``⟦u:máy⟧``) that travels with the ask through the splitting rules; ``take_unit`` reads it back when the
question is made: the unit, and the type it implies (money for 'đồng', a decimal for a measure such as 'ha', a
count otherwise).
"""

from __future__ import annotations

import re

UNIT_MARK = re.compile(r"\s*⟦u:([^⟧]*)⟧")
# ': … máy', '… triệu đồng', '.... ha', '… triệu đồng/người/năm', '… đồng/hộ/tháng' — a unit of at most three words (its
# second one per person or period), closed by a separator or the end; a run spaced out ('… . . . . người', '…… ……...người') is
# one blank
BLANK_UNIT = re.compile(
    r"(?:\s*:\s*|\s*)(?:…|\.{3,})(?:[.…]|\s(?=[.…]))*\s*(?P<u>đ/c|[a-zđà-ỹ²³]+(?:(?<=m)[23])?(?:/[a-zđà-ỹ]+){0,2}(?:\s[a-zđà-ỹ²³]+(?:/[a-zđà-ỹ]+){0,2})?|%)(?=\s*(?:[;,.)(]|\s[–-]\s|$))", re.I)
MONEY_UNIT = re.compile(r"\bđồng\b(?!\s*chí)", re.I)  # «đồng chí» counts people
MEASURE_UNITS = {"ha", "héc", "m", "m2", "m²", "m3", "m³", "km", "km²", "km2", "tấn", "kg", "tạ", "lít", "giờ",
                 "ngày", "tháng", "năm", "mw", "kwh", "triệu", "tỷ", "nghìn", "ngàn"}  # ('nghìn con': thousands)
COUNT_UNIT_PREFIX = re.compile(r"^[a-zđà-ỹ]", re.I)  # a unit that names the things counted ('sản phẩm', 'vụ việc')
WORDS_NOT_UNITS = {"và", "hoặc", "trong", "đó", "của", "để", "là", "nếu", "có", "không", "đã", "chưa", "so", "với"}


def mark_units(text: str) -> str:
    """'X: … máy; số Y: … máy' → 'X ⟦u:máy⟧; số Y ⟦u:máy⟧'; a blank that closes an ask ends it (', trong đó' after
    it starts the next ask)."""
    def repl(m: re.Match[str]) -> str:
        unit = m.group("u").strip()
        if unit.split()[0].lower() in WORDS_NOT_UNITS:
            return m.group(0)
        return f" ⟦u:{unit}⟧"

    out = BLANK_UNIT.sub(repl, text)
    out = re.sub(r"⟧\s+[–-]\s+(?=(\w))", lambda m: "⟧; " if m.group(1).isupper() else m.group(0), out)  # '… đ/c – Số …'
    return re.sub(r"⟧\s*,\s*(?:trong đó\s*[:,]?\s*)?(?=\S)", "⟧; ", out, flags=re.I)


def strip_units(text: str) -> str:
    return re.sub(r"\s{2,}", " ", UNIT_MARK.sub("", text)).strip()


def take_unit(seg: str) -> tuple[str, str | None]:
    """The ask without its markers, and the last unit it was asked in."""
    units = UNIT_MARK.findall(seg)
    return strip_units(seg), (units[-1].strip() if units else None)


def unit_type(unit: str) -> str:
    """The answer type a blank's unit implies."""
    if unit == "%":
        return "percent"
    if MONEY_UNIT.search(unit):
        return "money"
    if unit.split()[0].lower().split("/")[0] in MEASURE_UNITS:  # 'm3/ngày', 'giờ/ngày': a measure per period
        return "decimal"
    return "integer"
