"""Form lines whose blanks carry a unit or come several to a line, rewritten one labelled blank a line before the tree:

- Units written after two or more blanks of a line (one alone is the field readers' own shape): '- Tổng lưu lượng theo giấy phép là……m3/ngày, thực tế đang khai thác…… m3/ngày;'
  → '- Tổng lưu lượng theo giấy phép (m3/ngày): ……' and '- Thực tế đang khai thác (m3/ngày): ……' (a figure in its
  unit; the copula 'là' before the blank is no part of the label).
- Labelled blanks parted by ';': '- Họ tên …… ; Số sổ BHXH: ……', '- Diễn biến lưu lượng …; lưu lượng thực tế ………'
  → a line each, under the same bullet.

A line is rewritten only when every part of it is a label with its blank (and its unit): prose with a blank in it, a
blank followed by words that are no unit ('…… người (ghi rõ …)'), stays as it is."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import measure_unit

RUN = r"(?:…|\.{3,}|_{3,})[\s.…_]*+"
BULLET = re.compile(r"^(?P<mk>[-–+•*]\s*)?(?P<rest>.+)$")
WITH_UNIT = re.compile(
    rf"(?P<label>[^….,;:_()]*(?:\([^()]*\)[^….,;:_()]*)*?)\s*(?:\blà\b)?\s*:?\s*{RUN}\s*(?P<unit>[^\s,;…]+?)"
    r"\s*(?:[,;.]\s*|$)"
)
COUNTED = re.compile(r"(?i)^(?:người|hộ|con|lượt|chiếc|cái)$")  # a count's unit: the count readers' to type
PLAIN = re.compile(rf"(?P<label>[^….;:_]*?\S)\s*:?\s*{RUN}[\s.]*(?:;\s*|$)")


def _cap(s: str) -> str:
    s = s.strip()
    return s[:1].upper() + s[1:]


def _whole(rx: re.Pattern, text: str) -> list[re.Match] | None:
    """The matches of `rx` that cover `text` end to end, or None."""
    out: list[re.Match] = []
    k = 0
    while k < len(text):
        m = rx.match(text, k)
        if not m or m.end() == k:
            return None
        out.append(m)
        k = m.end()
    return out


def _labels_ok(labels: list[str]) -> bool:
    return all(re.search(r"[^\W\d_]{2,}", x) and len(x.split()) <= 20 for x in labels)


def unit_fields(line: str) -> list[str] | None:
    """'- X là……m3/ngày, Y…… m3/ngày;' → ['- X (m3/ngày): ……', '- Y (m3/ngày): ……']; None for any other line."""
    m = BULLET.match(line.strip())
    if not m:
        return None
    mk, rest = m.group("mk") or "", m.group("rest")
    # (one blank with its unit alone on its line: the field readers' own shape)
    parts = _whole(WITH_UNIT, rest)
    if (
        not parts
        or len(parts) < 2
        or not all(measure_unit(p.group("unit")) and not COUNTED.match(p.group("unit")) for p in parts)
    ):
        return None
    labels = [re.sub(r"\s+là$", "", p.group("label").strip()) for p in parts]
    if not _labels_ok(labels):
        return None
    return [f"{mk}{_cap(lb)} ({p.group('unit')}): ……" for lb, p in zip(labels, parts, strict=True)]


def parted_fields(line: str) -> list[str] | None:
    """'- A …… ; B: ……' → ['- A ……', '- B: ……']; None for any other line."""
    if ";" not in line:
        return None
    m = BULLET.match(line.strip())
    if not m:
        return None
    mk, rest = m.group("mk") or "", m.group("rest")
    parts = _whole(PLAIN, rest)
    if not parts or len(parts) < 2 or not all(";" in p.group() for p in parts[:-1]):
        return None
    labels = [p.group("label").strip() for p in parts]
    if not _labels_ok(labels):
        return None
    return [
        f"{mk}{_cap(p.group().strip().rstrip(';').rstrip())}" for p in parts
    ]  # each blank as it was written


BREAKDOWN_LEAD = re.compile(r"(?i)^(?P<l>(?:trong đó|chia ra|bao gồm|gồm)\s*:)\s*(?P<b>[-–+•]\s+\S.*)$")


def split_field_line(line: str) -> list[str]:
    """A line of labelled blanks with units, or parted by ';' → a line per blank; any other line as it is. A
    breakdown's lead run into its first bullet ('Trong đó: – Lao động nữ: …… người') → the lead, then the bullet."""
    if not re.search(RUN, line):
        return [line]
    lead = BREAKDOWN_LEAD.match(line.strip())
    if lead:
        return [lead.group("l"), *split_field_line(lead.group("b"))]
    return unit_fields(line) or parted_fields(line) or [line]
