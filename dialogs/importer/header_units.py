"""A Biểu header whose last row under the names holds each column's unit or its answers in brackets: 'Công suất
thiết kế' over '(m3/ngày đêm)', 'Số hộ sử dụng' over '(hộ)', 'Tình trạng hoạt động' over '(Bền vững/Kém bền
vững/Không hoạt động)'. The bracket is no column name (nor the name's group): a unit gives the column its unit and
kind of figure (m3/ngày đêm → decimal, hộ → integer, % → percent, triệu đồng → money); answers separated by '/' make
the column a choice among them."""

from __future__ import annotations

import re

from dialogs.importer.placeholders import unit_type
from dialogs.importer.stated_units import money_of

BRACKET = re.compile(r"^\(\s*(?P<b>[^()]{1,120}?)\s*\)$")
UNIT = re.compile(r"^[^\W_][^\W_]*(?:[ /.²³][^\W_]+){0,3}$|^%$")


def _options(inside: str) -> list[str] | None:
    """'Bền vững/Tương đối bền vững/Không hoạt động' → its answers; None for a unit ('m3/ngày đêm', 'người/hộ')."""
    parts = [p.strip() for p in re.split(r"\s*[/;]\s*", inside)]
    if len(parts) < 2 or not all(p and p[0].isupper() and len(p.split()) <= 6 for p in parts):
        return None
    return parts


def header_bracket(path: list[str]) -> tuple[list[str], dict]:
    """A column's header path whose last cell is a bracket under its name → (the path without it, what it says:
    {'unit': …, 'type': …} or {'type': 'choice', 'options': […]}); unchanged with {} otherwise."""
    m = BRACKET.match(path[-1]) if len(path) >= 2 else None
    if not m:
        return path, {}
    inside = m.group("b")
    options = _options(inside)
    if options:
        return path[:-1], {"type": "choice", "options": options}
    if (
        not UNIT.match(inside)
        or len(inside.split()) > 4
        or re.fullmatch(r"[\d\s.,]+", inside)
        or re.search(r"\b(?:cột|dòng)\b", inside.lower())
    ):
        return path, {}  # '(1)', '(cột 3 + cột 4)', a note: left to the header
    money = money_of(inside)  # 'triệu VNĐ', 'nghìn đồng': money in that unit
    if money is not None:
        return path[:-1], {"type": "money", **({"unit": money} if money else {})}
    typ = unit_type(inside)
    return path[:-1], {"type": typ, **({"unit": inside} if typ != "percent" else {})}


TRAILING = re.compile(r"^(?P<n>[^()]*[^\W\d_][^()]*?)\s*\((?P<u>[^()]+)\)$")


def trailing_unit(label: str, name_type: str) -> dict:
    """'Công suất thiết kế (m3/ngày đêm)', 'Diện tích (ha)': a measure's unit written after the name. When the name
    alone says a count (``name_type`` integer) and the unit a measure, money or a rate → {'type', 'unit'} ('Kinh
    phí (nghìn đồng)': a money name's unit too); else {}
    (a count's unit 'Số hộ (hộ)', a note '(nếu có)' change nothing)."""
    m = TRAILING.match(label.strip())
    if not m or name_type not in ("integer", "money"):
        return {}
    _, said = header_bracket([m.group("n"), f"({m.group('u')})"])
    if name_type == "money":  # 'Kinh phí (nghìn đồng)': money already, in the unit written
        return said if said.get("type") == "money" else {}
    return said if said.get("type") in ("decimal", "money", "percent") else {}
