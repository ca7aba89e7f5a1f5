"""A statistics form's table from a PDF whose row cells come out in any order, read by its row codes.

A PDF without ruling gives a Biểu's header as one line ('Tên chỉ tiêu Mã số Thực hiện tháng Dự tính tháng sau Cộng
dồn'), its column codes on the next ('A B 1 2 3', in any order), then a row a line whose cells the copy shuffled:
'1. Doanh thu 01 Triệu đồng', '02 '' Doanh thu từ khách quốc tế', '11 Ngày khách 3. Ngày khách phục vụ'. The anchor
is the row code, two figures running on by one from 01 (a figure never does that in prose); around it stand the
row's unit (or a ditto mark) and its label, which is the side holding the row's number, else the side left of the
code, else the other one. A line with no code continues the label above (lower case) or is a group ('I. Dịch vụ
…', 'Chia ra:'). The header's names after 'Mã số' (and 'Đơn vị tính') are cut at their capitalised words into as
many columns as the codes row has figures; otherwise the leaves stay one column to check. Rows that carry their
figures ('Số trường 01 12 10 2') are a filled table in order, left to the readers of rows a line."""

from __future__ import annotations

import re

from dialogs.importer.grids import _clean_label
from dialogs.importer.textgrid import DITTO, FlatGrid, _grid, _text
from dialogs.text import fold

HEAD = re.compile(r"\bchi tieu\b.*\bma so\b")
CODES = re.compile(r"^(?:(?:[A-E]|\d{1,2})\s+){1,12}(?:[A-E]|\d{1,2})$")
CODE = re.compile(r"(?<!\S)(\d{2})(?!\S)")
MARK = re.compile(r"(?:^|\s)((?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3})\.\s+\S.*)$")
GROUP = re.compile(r"^(?:chia ra|trong do|bao gom|gom)\s*:?\s*$")
FIGURES = re.compile(
    r"(?<!\S)(?:\d[\d.,]*\d|\d)(?!\S)"
)  # the code and figures; a row's number '2.1.' is none
DITTOS = re.compile(r"(?<!\S)(?:''|\"|“|”|〃)(?!\S)")


def _split(line: str, code: re.Match) -> tuple[str, str]:
    """(label, unit) of a row line around its code."""
    before, after = line[: code.start()].strip(), DITTOS.sub("", line[code.end() :]).strip()
    before = DITTOS.sub("", before).strip()
    m = MARK.search(after)
    if m and before == "":
        return m.group(1).strip(), after[: m.start(1)].strip()
    if before and _text(before):
        return before, after
    words = after.split()
    cut = next(
        (i for i in (1, 2) if i < len(words) and words[i][:1].isupper() and ":" not in " ".join(words[:i])), 0
    )
    return " ".join(words[cut:]), " ".join(
        words[:cut]
    )  # 'Người Số nhân khẩu': a unit of a word or two, then the label


def _columns(head: str, figures: int) -> list[str]:
    """The leaves after 'Mã số' (and 'Đơn vị tính'), cut at their capitalised words into ``figures`` columns."""
    f = fold(head)
    at = max(f.rfind("ma so") + 5, f.rfind("don vi tinh") + 11 if "don vi tinh" in f else 0)
    tail = head[at:].strip(" :")
    words = tail.split()
    starts = [i for i, w in enumerate(words) if w[:1].isupper()]
    if figures >= 2 and len(starts) == figures and starts[0] == 0:
        bounds = [*starts, len(words)]
        return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [tail] if tail else ["Số liệu"]


def _rows(lines: list[str]) -> tuple[list[list[str]], int]:
    """[number, label] rows from lines[0] while the codes run on; how many lines they used."""
    rows: list[list[str]] = []
    want, used, idle = 1, 0, 0
    for i, ln in enumerate(lines):
        s = ln.strip()
        code = next((m for m in CODE.finditer(s) if int(m.group(1)) == want), None)
        if code is not None:
            label, _unit = _split(s, code)
            no = re.match(r"^(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2}){0,3})(?=\.\s)", label)
            label = _clean_label(label)
            if _text(label):
                rows.append([no.group(0) if no else "", label])
            want, used, idle = want + 1, i + 1, 0
        elif s and rows and s[:1].islower() and len(s.split()) <= 6 and idle == 0:
            rows[-1][1] += f" {s}"  # the label goes on in the next line
        elif s and (GROUP.match(fold(s)) or MARK.search(s) and len(s.split()) <= 14 or DITTO.match(s)):
            idle += 1
        elif s and not CODE.fullmatch(s):
            break
        if idle > 3:
            break
    return rows, used


def scrambled_rows_grid(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    """The table whose header line is run[k] (see the module); the grid and how many lines it used."""
    if k >= len(run) or not HEAD.search(fold(run[k])) or len(run[k].split()) < 5:
        return None
    j = k + 1
    codes = run[j].strip() if j < len(run) and CODES.match(run[j].strip()) else ""
    j += 1 if codes else 0
    rows, used = _rows(run[j : j + 200])
    # a row with its code and a figure or more: a filled table, in order
    figured = sum(len(FIGURES.findall(ln)) >= 2 for ln in run[j : j + used])
    if len(rows) < 4 or figured * 4 > len(rows):
        return None
    cols = _columns(run[k].strip(), sum(c.isdigit() for c in codes.split()))
    note = (
        f"biểu chép từ PDF, các ô của mỗi dòng bị đảo chỗ (từ «{run[k].strip()[:40]}»): đã dựng lại {len(cols)} "
        f"cột, {len(rows)} dòng theo mã số dòng; hãy kiểm tra tên dòng, tên và thứ tự cột"
    )
    return _grid(["TT", "Chỉ tiêu", *cols], rows, note), j - k + used
