"""A form's small table run into one paragraph with its text, known by its unit: '… 3.1. Tổng thu và tổng chi Đơn
vị: 1.000 đồng Nguồn thu Tổng thu Tổng chi 1. Trồng trọt - Cây lương thực - Cây ăn quả 2. Chăn nuôi … Tổng cộng 3.2.
…'. After 'Đơn vị (tính): <unit>' come the header's names (a capital opens each: the first heads the rows' names),
then the rows: numbered from 1 on ('1.', '2.' …), a dash for a row under the one above. The table ends at a number
out of that run ('3.2.', or '4.' after '2.') or at one whose text ends in ':' (the form's next item, asking); a closing
'Tổng cộng' is its total row. The text before and after stays
a line each, and a second table after the first is read the same way."""

from __future__ import annotations

import re

from dialogs.importer.textgrid import FlatGrid, _grid

UNIT = re.compile(r"(?<!\S)Đơn vị(?: tính)?\s*:\s*")
MARK = re.compile(r"(?<!\S)(?P<no>\d{1,2}(?:\.\d{1,2})*\.|[-–+•])\s+(?=\S)")
TOTAL_END = re.compile(r"\s+(?P<t>Tổng cộng|Tổng số|Cộng)\s*$")


def _unit_and_names(text: str) -> tuple[str, list[str], int] | None:
    """The unit's words (a figure then words in lower case), the header's names and where the rows begin (the first
    '1.' before a capital); None unless two to six short names."""
    first = next((m for m in MARK.finditer(text) if m.group("no") == "1." and text[m.end()].isupper()), None)
    if first is None or first.start() > 160:
        return None
    words = text[: first.start()].split()
    k = 1 if words and re.fullmatch(r"[\d.,]+", words[0]) else 0
    while k < len(words) and not words[k][:1].isupper():
        k += 1
    if not 1 <= k <= 4:
        return None
    names: list[str] = []
    for w in words[k:]:
        if w[:1].isupper() or not names:
            names.append(w)
        else:
            names[-1] += f" {w}"
    if not 2 <= len(names) <= 6 or any(len(n.split()) > 5 for n in names):
        return None
    return " ".join(words[:k]), names, first.start()


def _rows(text: str) -> tuple[list[list[str]], int]:
    """The rows from text[0] (a '1.' marker) and where the table ends."""
    marks = [m for m in MARK.finditer(text) if text[m.end()].isupper()]
    rows: list[list[str]] = []
    want = 1
    end = len(text)
    for i, m in enumerate(marks):
        no = m.group("no")
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        if no[0].isdigit():
            if no != f"{want}." or text[m.end() : stop].strip().endswith(":"):  # (a form's next item asks: no row)
                end = m.start()
                break
            want += 1
        rows.append([no.rstrip(".") if no[0].isdigit() else no, text[m.end() : stop].strip()])
    if rows and (t := TOTAL_END.search(rows[-1][1])):
        rows[-1][1] = rows[-1][1][: t.start()].strip()
        rows.append(["", t.group("t")])
    return rows, end


def _split(line: str) -> list | None:
    for u in UNIT.finditer(line):
        got = _unit_and_names(line[u.end() :])
        if got is None:
            continue
        unit, names, at = got
        rows, end = _rows(line[u.end() + at :])
        if len(rows) < 2 or any(not r[1] or len(r[1].split()) > 40 for r in rows):
            continue
        note = (f"bảng viết liền trong đoạn văn (đơn vị: {unit}): đã dựng lại {len(names) - 1} cột, {len(rows)} dòng; "
                "hãy kiểm tra")
        grid: FlatGrid = _grid(["TT", *names], rows, note)
        rest = line[u.end() + at + end :].strip()
        before = line[: u.start()].strip()
        return [*([before] if before else []), grid, *((_split(rest) or [rest]) if rest else [])]
    return None


def unit_run_tables(seq: list) -> list:
    """Each long line holding a table run in after its unit (see the module) as the text before, the table's grid
    and the text after."""
    out: list = []
    for s in seq:
        got = _split(s) if isinstance(s, str) and len(s) >= 200 and UNIT.search(s) else None
        out += got if got else [s]
    return out
