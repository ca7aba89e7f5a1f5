"""The unit a Biểu states above its grid ('Đơn vị tính: triệu đồng', 'ĐVT: Tỷ đồng', '(Đơn vị: nghìn đồng)'): it
governs every figure column the header leaves untyped, not only the one whose name says money ('Dự toán năm' is money
by its name; 'Thực hiện 6 tháng' beside it is money too because the unit line says so). A column whose name counts
things ('Số dự án', 'Số lượng'), a rate, a date or a text keeps its own type; a table with its own unit column or row
units is governed by those instead."""

from __future__ import annotations

import re

from dialogs.importer.document import Grid
from dialogs.text import fold

UNIT_LINE = re.compile(r"^\(?\s*(?:đơn vị tính|đơn vị|đvt)\s*:\s*(?P<u>[^()]{1,30}?)\s*\)?\s*[.;]?$", re.I)
# the unit at the end of the caption's line: 'BIỂU 02: THU NGÂN SÁCH (Đơn vị tính: triệu đồng)'
UNIT_TAIL = re.compile(r"(?:\s|\()(?:đơn vị tính|đvt)\s*:\s*(?P<u>[^():]{1,30}?)\s*\)?\s*[.;]?$", re.I)
MONEY = re.compile(r"^(?:(?P<s>nghìn|ngàn|triệu|tỷ)\s+)?(?:đồng|vnđ|vnd)$")
# a column that counts things, not money: 'Số lượng', 'Số dự án', 'Tổng số hộ', 'Số công trình'
COUNTED = re.compile(
    r"^(?:tong\s+)?so\s+(?:luong|luot|lan|nguoi|ho|du an|cong trinh|don vi|doanh nghiep|xa|thon|vu|"
    r"cuoc|buoi|hop tac xa|co so|hoc sinh|lao dong|can bo|dang vien|doi tuong|ho so|van ban|"
    r"nhiem vu|chi tieu|hang muc|goi thau|hop dong|tai khoan|khoan)\b"
)


def is_unit_line(line: str) -> bool:
    """'Đơn vị tính: triệu đồng', '(ĐVT: người)': a line that only states the unit."""
    return bool(UNIT_LINE.match(line.strip()))


def stated_unit(lines: list) -> str | None:
    """The unit stated on a line just above a grid (the lines between its caption and the grid), as written."""
    for line in reversed(lines):
        if not isinstance(line, str):
            return None
        m = UNIT_LINE.match(line.strip()) or UNIT_TAIL.search(line.strip())
        if m:
            return m.group("u").strip(" .;:")
    return None


def lines_above(seq: list, idx: int, first: int) -> list:
    """The lines a grid's unit may stand on: its caption lines, or (no caption) the three lines above it."""
    start = first if first < idx else max(0, idx - 3)
    out = seq[start:idx]
    while out and isinstance(out[0], Grid):
        out = out[1:]
    return out


def _money_scale(unit: str) -> str | None:
    """'triệu đồng' → 'triệu', 'đồng' → '', 'người' → None."""
    m = MONEY.match(" ".join(unit.lower().split()))
    return (m.group("s") or "") if m else None


def money_of(unit: str) -> str | None:
    """A money unit as a column writes it: '' for 'triệu đồng' / 'triệu VNĐ' (the default), 'nghìn đồng', 'tỷ đồng',
    'đồng'; None for a unit that is no money."""
    scale = _money_scale(unit)
    if scale is None:
        return None
    return "" if scale == "triệu" else "nghìn đồng" if scale in ("nghìn", "ngàn") else f"{scale} đồng".strip()


def apply_stated_unit(draft, unit: str | None) -> None:
    """A money unit over the grid: the untyped figure columns are money in that unit ('triệu đồng' is the default)."""
    written = money_of(unit) if unit else None
    if written is None or any(r.get("unit") for r in draft.rows):
        return
    for col in draft.columns:
        if col.get("type", "integer") not in ("integer", "money") or COUNTED.match(fold(col["label"])):
            continue
        col["type"] = "money"
        if written and not col.get("unit"):
            col["unit"] = written


def column_units(draft, seq: list, idx: int, first: int) -> None:
    """The Biểu drafted from the grid ``seq[idx]`` (its caption from ``seq[first]``): the unit stated above it (a
    money plan's execution columns are money already: tables._money_kin)."""
    apply_stated_unit(draft, stated_unit(lines_above(seq, idx, first)))
