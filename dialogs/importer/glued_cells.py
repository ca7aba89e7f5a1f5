"""Table cells a copy ran together with no space between them, taken apart before the tables are rebuilt.

A web page or a PDF whose table lost its cell borders may give a header row as one line of glued names ('STTChỉ
tiêuMã sốTổng số', 'Học lựcHạnh kiểm', 'SL%SL%') and its rows with their number and code stuck to the label
('IKhoản đầu tư 01', '1Phải thu khách hàng06', '- Ngắn hạn02'). Prose never writes a lower-case letter right
before a capital one inside a word, so such a seam is a cell border — but a brand name ('VnDoc') has one too, so a
header line is cut only when its block of lines shows two seams or more. A row's glued number and code only get
their space back, and only in a run of three such rows or more."""

from __future__ import annotations

import re

ROW_PREFIX = re.compile(r"^(?P<no>[IVX]{1,4}|[A-E]|\d{1,2}(?:\.\d{1,2}){0,2})(?=[^\W\d_][^\W\d_])")
ROW_CODE = re.compile(r"(?:(?<=[^\W\d_)])|(?<=[^\W\d_)]\s))(?P<code>\d{2,3})\s*$")
SENTENCE = re.compile(r"[.;:!?]\s+\S.*[.;!?]$|[.!?]$")


def _seams(line: str) -> list[int]:
    """Where one cell ends and the next begins inside a line: a lower-case letter, a digit or '%' right before a
    capital ('lựcHạnh', '2Trong', '%SL'), a capital run before a capitalised word ('STTHọ': the run is two letters
    or more, so 'TTg' stays whole) and '%' right after a letter ('SL%')."""
    cuts: list[int] = []
    for i in range(1, len(line)):
        a, b = line[i - 1], line[i]
        nxt = line[i + 1] if i + 1 < len(line) else ""
        if b.isupper() and (a.islower() or a == "%" or a.isdigit() and i > 3 and nxt.islower()):
            cuts.append(i)
        elif a.isupper() and b.isupper() and nxt.islower() and i >= 2 and line[i - 2].isupper():
            cuts.append(i)
        elif b == "%" and a.isalpha():
            cuts.append(i)
    return cuts


def _pieces(line: str) -> list[str]:
    cuts = _seams(line)
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if line[a:b].strip()]


def _header_line(line: str) -> bool:
    """A line that may be a header's glued names: short pieces, no sentence."""
    s = line.strip()
    if not _seams(s) or SENTENCE.search(s) or len(s) > 600:
        return False
    return all(len(p.split()) <= 24 for p in _pieces(s))


def _row_cells(line: str) -> list[str] | None:
    """'IKhoản đầu tư 01' → ['I', 'Khoản đầu tư', '01'], '- Ngắn hạn02' → ['-', 'Ngắn hạn', '02']: a row whose
    number or code is glued to its label, cut into its cells; None when nothing is glued."""
    s = line.strip()
    body = re.sub(r"^[-–+•]\s*", "", s)
    lead = [s[: len(s) - len(body)].strip()] if body != s else []
    m = ROW_PREFIX.match(body)
    if m and not (body[m.end()].isupper() and body[m.end() + 1].islower()):
        m = None
    code = ROW_CODE.search(body)
    glued = m or code and not body[code.start() - 1].isspace()
    if not glued:
        return None
    label = body[m.end() if m else 0 : code.start() if code else len(body)].strip()
    return [*lead, *([m.group("no")] if m else []), label, *([code.group("code")] if code else [])]


def _blocks(seq: list) -> list[tuple[int, int]]:
    """Runs of non-empty text lines (a blank line or a grid ends one)."""
    out = []
    i = 0
    while i < len(seq):
        j = i
        while j < len(seq) and isinstance(seq[j], str) and seq[j].strip():
            j += 1
        if j > i:
            out.append((i, j))
        i = max(j, i + 1)
    return out


def _bar_run_end(seq: list, i: int) -> int:
    """Where a run of cells parted by '|' lines starting at seq[i] ends: every text line in it is short of a '|' of
    its own, no more than twelve lines between two bars; i when fewer than eight bars."""
    j = i
    bars = 0
    last = i
    while j < len(seq) and isinstance(seq[j], str) and j - last <= 12:
        s = seq[j].strip()
        if s == "|":
            bars += 1
            last = j
        elif s.endswith("|") or s.startswith("|"):
            break
        j += 1
    return last + 1 if bars >= 8 else i


def bar_parted_cells(seq: list) -> list:
    """A web table copied with each cell's text over one or more lines and a '|' line between cells ('STT' / '|' /
    'Tên chỉ tiêu' / '|' / …): each cell's lines joined into one line, an empty cell a blank line."""
    out: list = []
    i = 0
    while i < len(seq):
        first = isinstance(seq[i], str) and seq[i].strip() and seq[i].strip() != "|"
        end = (
            _bar_run_end(seq, i)
            if first and isinstance(seq[i + 1 : i + 2], list) and seq[i + 1 : i + 2] == ["|"]
            else i
        )
        if end == i:
            out.append(seq[i])
            i += 1
            continue
        cell: list[str] = []
        for s in seq[i:end]:
            if s.strip() == "|":
                out.append(" ".join(cell))
                cell = []
            elif s.strip():
                cell.append(s.strip())
        i = end
    return out


def unglue_cells(seq: list) -> list:
    """Cut glued header names into a line each and give glued row numbers and codes their space (see the module)."""
    seq = bar_parted_cells(seq)
    header: set[int] = set()
    for a, b in _blocks(seq):
        heads = [k for k in range(a, b) if _header_line(seq[k]) and ROW_PREFIX.match(seq[k].strip()) is None]
        if sum(len(_seams(seq[k].strip())) for k in heads) >= 2:
            header.update(heads)
    fixes = {
        k: f for k, s in enumerate(seq) if isinstance(s, str) and k not in header and (f := _row_cells(s))
    }
    rows = {k: f for k, f in fixes.items() if sum(abs(x - k) <= 6 for x in fixes) >= 3}
    out: list = []
    for k, s in enumerate(seq):
        if k in header:
            out.extend(_pieces(s.strip()))
        elif k in rows:
            out.append(" ".join(rows[k]))
        else:
            out.append(s)
    return out
