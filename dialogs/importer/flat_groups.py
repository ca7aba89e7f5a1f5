"""A two-level Biểu header a copy flattened one cell a line: 'TT' / 'Loại đất' / 'Tổng số hồ sơ tiếp nhận' / 'Kết
quả giải quyết' / 'Đã cấp giấy' / 'Chưa cấp' / '1' / 'Đất ở' / …. The merges are lost, but the words keep the
shape: a name that heads a result or a breakdown ('Kết quả giải quyết', 'Tình trạng', 'Xếp loại') followed by two
names or more that are its states ('Đã …' / 'Chưa …', 'Đúng hạn' / 'Quá hạn', 'Nam' / 'Nữ', 'Tốt' / 'Khá') is the
group over them, no column of its own.

Such a header over only two numbered rows ('1' / 'Đất ở' / '2' / 'Đất nông nghiệp', nothing after) is still a table:
the numbering column says so (few_numbered_rows)."""

from __future__ import annotations

import re

from dialogs.text import fold

HEADS = re.compile(
    r"^(?:ket qua|tinh hinh|tinh trang|phan loai|xep loai|muc do|hinh thuc|co cau|thoi han|tien do)\b"
)
STATE = re.compile(
    r"^(?:da|chua|dang|khong|con|dung han|qua han|tre han|truoc han|nam|nu|dat|tot|kha|trung binh|yeu|"
    r"kem|xuat sac|gioi|hoan thanh)\b"
)
MIN_STATES = 2


def state_groups(cols: list[str]) -> tuple[list[str], list[str]]:
    """(the columns without the group names, each column's group or ''); the groups all '' when none is found."""
    out: list[str] = []
    groups: list[str] = []
    i = 0
    while i < len(cols):
        c = cols[i]
        run = 0
        while i + 1 + run < len(cols) and STATE.match(fold(cols[i + 1 + run])):
            run += 1
        if HEADS.match(fold(c)) and not STATE.match(fold(c)) and run >= MIN_STATES:
            out += cols[i + 1 : i + 1 + run]
            groups += [c] * run
            i += 1 + run
            continue
        out.append(c)
        groups.append("")
        i += 1
    return out, groups


def few_numbered_rows(rows: list[list[str]], cols: list[str], after_ok: bool) -> bool:
    """Two rows numbered '1', '2' under a header of two columns or more, and nothing after them but the text's end
    or a note: a small table, not prose."""
    return len(rows) == 2 and [r[0].strip(" .") for r in rows] == ["1", "2"] and len(cols) >= 2 and after_ok


ROMAN_LEAD = re.compile(r"^(?P<r>[IVX]{1,4})(?:[.)]\s*(?P<t>[^\W\d_].*)|\s*$)")
ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def heading_after(numbers: list[str], cell: str, after: str = "") -> bool:
    """A Roman-numbered heading whose predecessor numbers no row ('II. KIẾN NGHỊ' after rows '1', '2', or 'II' then
    'KIẾN NGHỊ' in capitals): the outline's next heading, not a row of the table. A lone 'X' (a crossed cell), 'V',
    'I' is no heading."""
    m = ROMAN_LEAD.match(cell.strip())
    if not m or m.group("r") not in ROMANS[1:]:
        return False
    if not m.group("t"):  # a bare number: two letters or more, a name in capitals after it
        letters = [ch for ch in after if ch.isalpha()]
        if len(m.group("r")) < 2 or len(letters) < 4 or not all(ch.isupper() for ch in letters):
            return False
    return ROMANS[ROMANS.index(m.group("r")) - 1] not in {n.strip(" .)") for n in numbers}


# a header's cells that stand alone, never a group over leaves: a total, a note
STANDALONE = re.compile(r"^(?:tong|ghi chu|don vi tinh|ma so)\b")


def repeated_leaves(cols: list[str]) -> tuple[list[str], list[str]]:
    """A header copied row by row whose leaves repeat under each group ('NCC …', 'Thân nhân …' then 'Năm cũ', 'Tăng',
    'Giảm', 'Số hiện hưởng' twice): (the columns with each group's leaves in its place, each column's group or '').
    The groups are the cells before the leaves that are no total or note, as many as the leaves repeat; all ''
    when the header is not so."""
    for k in range(2, len(cols) // 2 + 1):
        m = 1
        while len(cols) >= (m + 1) * k and cols[-(m + 1) * k : -m * k] == cols[-k:]:
            m += 1
        prefix = cols[: -m * k]
        heads = [i for i, c in enumerate(prefix) if not STANDALONE.match(fold(c))]
        if m < 2 or len(heads) != m or heads != list(range(heads[0], heads[0] + m)):
            continue
        leaves = cols[-k:]
        out = prefix[: heads[0]] + leaves * m + prefix[heads[-1] + 1 :]
        groups = [""] * heads[0] + [prefix[h] for h in heads for _ in leaves] + [""] * (len(prefix) - heads[-1] - 1)
        return out, groups
    return cols, [""] * len(cols)
