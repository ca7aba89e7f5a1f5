"""A statistics Biểu's header that a PDF ran into a line or two, set out a cell a line.

A statistics form copied from a PDF may give its header as running text: 'Đơn vị tính: Người Mã số Tổng số …' then
'Chia theo … Dưới 3 tháng Sơ cấp … A B 1 2 3 4 5 Tổng số 01' — the unit line, 'Mã số', the column names, the
columns' codes ('A B' for the label and code columns, then 1 … k for the figures) and the first coded row, all in
one paragraph. Set out as 'Mã số' / the column names a line each / 'A B 1 … k' / the first row, it is the shape the
reader of coded rows (``textgrid.coded_rows_table``) rebuilds. The names are cut at their capitalised words only when
that gives exactly k columns besides the group heads ('Chia theo trình độ đào tạo'); otherwise they stay one line and
the reader names the columns by their codes."""

from __future__ import annotations

import re

from dialogs.text import fold

MA_SO = re.compile(r"(?<!\w)Mã số(?!\w)\s*:?", re.I)
CODES = re.compile(r"(?<!\S)(?:[A-E]\s+){1,3}1(?:\s+\d{1,2}){1,20}(?!\S)")
HEADED = re.compile(r"\b(?:chi tieu|noi dung)\b")
GROUP = re.compile(r"^(?:chia (?:ra|theo)|phan theo|trong do)\b")


def _codes(text: str) -> re.Match | None:
    """'A B 1 2 3 4 5' in text: letters in order from A, then the figures 1 … k running on by one."""
    for m in CODES.finditer(text):
        toks = m.group(0).split()
        letters = [t for t in toks if t.isalpha()]
        figures = [int(t) for t in toks if t.isdigit()]
        if letters == [chr(65 + i) for i in range(len(letters))] and figures == list(
            range(1, len(figures) + 1)
        ):
            return m
    return None


def _names(head: str, k: int) -> list[str]:
    """The header's names cut at their capitalised words, when besides the group heads they are k columns."""
    words = head.split()
    starts = [i for i, w in enumerate(words) if w[:1].isupper()]
    if not starts or starts[0] != 0:
        return [head] if head else []
    bounds = [*starts, len(words)]
    parts = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    leaves = [p for p in parts if not GROUP.match(fold(p))]
    return parts if len(leaves) == k else [head]


def _spread(run: list[str], i: int) -> tuple[list[str], int] | None:
    """The lines for the header opening at run[i] ('… Mã số …' not alone on its line) and the index after it."""
    line = run[i]
    m = MA_SO.search(line)
    if m is None or not line[m.end() :].strip() or len(line) > 400 or HEADED.search(fold(line[: m.start()])):
        return None  # ('TT Chỉ tiêu Đơn vị tính Mã số …' over its rows is read by textgrid.stat_rows_table)
    for j in range(i, min(i + 4, len(run))):
        text = line[m.end() :] if j == i else run[j]
        c = _codes(text)
        if c is not None and j > i and not text.replace(c.group(0), "").strip():
            return (
                None  # the codes alone on their line under a header line: the readers of rows a line take it
            )
        if c is not None:
            break
        if j > i and len(run[j]) > 300:
            return None
    else:
        return None
    pieces = ([line[m.end() :]] + run[i + 1 : j] if j > i else []) + [text[: c.start()]]
    head = " ".join(p.strip() for p in pieces if p.strip())
    figures = sum(t.isdigit() for t in c.group(0).split())
    names = _names(head, figures)
    if len(names) < 1 or len(head.split()) > 60:
        return None
    before, rest = line[: m.start()].strip(), text[c.end() :].strip()
    return [
        *([before] if before else []),
        "Mã số",
        *names,
        " ".join(c.group(0).split()),
        *([rest] if rest else []),
    ], j + 1


def _codes_line(run: list[str], i: int) -> bool:
    """run[i] is only the columns' codes ('1 2 3 … 14', at least four figures), the lines above it are a header
    broken a cell or a word a line (short lines, no sentence) and the line below is a cell too."""
    s = run[i].strip()
    c = _codes(f"A {s}") if re.fullmatch(r"1(?:\s+\d{1,2}){3,20}", s) else _codes(s)
    if c is None or c.group(0) != (s if c.string == s else f"A {s}"):
        return False
    if sum(t.isdigit() for t in s.split()) < 4:
        return False
    above = [x.strip() for x in run[max(0, i - 8) : i] if x.strip()]
    below = next((x.strip() for x in run[i + 1 : i + 4] if x.strip()), "")
    return (
        len(above) >= 6
        and all(len(x.split()) <= 6 and not x.endswith((".", ";", "?")) for x in above)
        and 0 < len(below.split()) <= 3
    )  # the cells below go on a line each


def spread_run_headers(run: list[str]) -> list[str]:
    """The run with each statistics header run into text set out a cell a line (see the module)."""
    out: list[str] = []
    i = 0
    while i < len(run):
        if _codes_line(run, i):
            out += run[i].split()  # 'A B 1 2 … 14' alone under a header of short lines: the codes a line each
            i += 1
            continue
        got = _spread(run, i) if "mã số" in run[i].lower() else None
        if got is None:
            out.append(run[i])
            i += 1
            continue
        out += got[0]
        i = got[1]
    return out
