"""Table cells a copy ran together with no space between them, taken apart before the tables are rebuilt.

A web page or a PDF whose table lost its cell borders may give a header row as one line of glued names ('STTChỉ
tiêuMã sốTổng số', 'Học lựcHạnh kiểm', 'SL%SL%') and its rows with their number and code stuck to the label
('IKhoản đầu tư 01', '1Phải thu khách hàng06', '- Ngắn hạn02'). Prose never writes a lower-case letter right
before a capital one inside a word, so such a seam is a cell border — but a brand name ('VnDoc') has one too, so a
header line is cut only when its block of lines shows two seams or more. A row's glued number and code only get
their space back, and only in a run of three such rows or more."""

from __future__ import annotations

import re

from dialogs.importer.glued_numbered import listed_glued_grid, numbered_glued_grid
from dialogs.importer.grids import two_level
from dialogs.importer.textgrid import FlatGrid, _grid
from dialogs.importer.unit_runs import unit_run_tables

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


ROW_NAME = re.compile(r"^[^\W\d_][^:;.!?]{0,40}$")  # 'Giỏi (Tốt)', 'Khá', 'TB': a row's short name


def _named_rows(seq: list, b: int) -> list[str]:
    """The short names right under a glued header, to a blank line or the end (a form whose figures were left
    empty); [] unless three or more, each of five words or fewer, and a blank line or the end after them."""
    j = b
    while (
        j < len(seq)
        and isinstance(seq[j], str)
        and ROW_NAME.match(seq[j].strip())
        and len(seq[j].split()) <= 5
    ):
        j += 1
    ended = j >= len(seq) or isinstance(seq[j], str) and not seq[j].strip()
    return [s.strip() for s in seq[b:j]] if j - b >= 3 and ended else []


def _named_grid(seq: list, a: int, b: int, heads: list[int]) -> tuple[FlatGrid, int] | None:
    """A glued header (lines ``heads`` of the block seq[a:b]) over short row names and no figure: a Biểu whose last
    glued line gives the leaves and the line above, when the leaves share it evenly, their groups ('Học lực',
    'Hạnh kiểm' over 'SL', '%', 'SL', '%'); unglued lines above the header name the rows' column."""
    rows = _named_rows(seq, b) if heads and heads[-1] == b - 1 else []
    if not rows:
        return None
    leaves = _pieces(seq[heads[-1]].strip())
    above = _pieces(seq[heads[-2]].strip()) if len(heads) >= 2 else []
    groups: list[str] = []
    if above and len(leaves) % len(above) == 0 and len(leaves) > len(above):
        groups = [g for g in above for _ in range(len(leaves) // len(above))]
    elif above:
        leaves = [*above, *leaves]
    names = " ".join(seq[k].strip() for k in range(a, heads[0])) or "Chỉ tiêu"
    note = (
        f"bảng chép mất ranh giới ô (tiêu đề dính liền, từ «{leaves[0][:30]}»): đã dựng lại {len(leaves)} cột, "
        f"{len(rows)} dòng; hãy kiểm tra tên và thứ tự cột"
    )
    grid = _grid(["TT", names, *leaves], [["", r] for r in rows], note)
    if groups:
        two_level(grid, groups)
    return grid, b + len(rows)


def _numbered(seq: list, a: int, b: int) -> tuple[int, tuple[FlatGrid, int]] | None:
    for k in range(a, b - 1):
        s = seq[k].strip()
        if _header_line(s) and ROW_PREFIX.match(s) is None and (
                got := numbered_glued_grid(seq, k, _pieces(s)) or listed_glued_grid(seq, k, b, _pieces(s))):
            return k, got
    return None


def unglue_cells(seq: list) -> list:
    """Cut glued header names into a line each and give glued row numbers and codes their space; a glued header over
    row names and no figure is a Biểu at once (see the module), and so is a table run into a paragraph after its unit."""
    seq = bar_parted_cells(seq)
    header: set[int] = set()
    grids: dict[int, tuple[FlatGrid, int]] = {}
    for a, b in _blocks(seq):
        if got := _numbered(seq, a, b):  # a glued header over the columns' numbers (glued_numbered.py)
            grids[got[0]] = got[1]
            continue
        heads = [k for k in range(a, b) if _header_line(seq[k]) and ROW_PREFIX.match(seq[k].strip()) is None]
        if sum(len(_seams(seq[k].strip())) for k in heads) >= 2:
            header.update(heads)
            top, end = heads[0], heads[-1] + 1
            got = _named_grid(seq, a, end, heads) if heads == list(range(top, end)) else None
            grids.update({a: got} if got else {})
    fixes = {
        k: f for k, s in enumerate(seq) if isinstance(s, str) and k not in header and (f := _row_cells(s))
    }
    rows = {k: f for k, f in fixes.items() if sum(abs(x - k) <= 6 for x in fixes) >= 3}
    out: list = []
    k = 0
    while k < len(seq):
        s = seq[k]
        if k in grids:
            out.append(grids[k][0])
            k = grids[k][1]
            continue
        out.extend(_pieces(s.strip()) if k in header else [" ".join(rows[k])] if k in rows else [s])
        k += 1
    return unit_run_tables(out)  # a small table run into a paragraph after its unit (unit_runs.py)
