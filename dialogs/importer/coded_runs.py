"""A statistics Biểu whose coded rows ran together, read by its codes.

A Biểu of rows each closed by its code ('Khuyết tật nghe nói 07') reaches us from a page excerpt with several rows
run into one line ('Thu khác 10 Chi khác 11 4. Chia theo vùng Miền núi 12 x'), the crossed cells ('x') and the group
lines ('Chia theo …') between them, and its header ('Mã số', the columns' names, the numbering row 'A B 1 2') standing
wherever the page broke — often below the first rows, the page having begun in the middle of the table. The codes
are what no prose has: five or more two-digit numbers running on by one. The rows are cut at them; what comes
between two codes is the next row's label, a group line before it when a numbered group phrase ('4. Chia theo mức
độ') or a crossed cell parts them; a parenthesised note opening a label ('(Ghi theo danh mục …)') belongs to the
group line before it, the two making the row. The columns are the header's names, as many as the numbering row has
figures. The signatures end the table."""

from __future__ import annotations

import re

from dialogs.importer.grids import _ended, _header_names
from dialogs.importer.textgrid import CODE_NUMBERING, SIGNATURE, FlatGrid, _grid, group_only
from dialogs.text import fold

CODE = re.compile(r"^\d{2}$")
CROSS = re.compile(r"^[xX×]$")
OUTLINE = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})\.$")
GROUP = re.compile(r"^(?:chia theo|chia ra|phan theo|trong do)\b")
LEAST = 5  # codes running on by one


def _chain(words: list[str]) -> list[int]:
    """The positions of the longest run of two-digit codes rising by one ('06', '07' … '23')."""
    best: dict[int, list[int]] = {}  # code value → the longest chain ending at it so far
    top: list[int] = []
    for i, w in enumerate(words):
        if not CODE.match(w):
            continue
        v = int(w)
        chain = [*best.get(v - 1, []), i]
        if len(chain) > len(best.get(v, [])):
            best[v] = chain
            top = chain if len(chain) > len(top) else top
    return top


def _header_at(run: list[str], i: int) -> int | None:
    """Where the numbering row closes a header opened by 'Mã số' at run[i] (a few lines down), else None."""
    if not fold(run[i].strip()).startswith("ma so"):
        return None
    return next((j for j in range(i, min(len(run), i + 12)) if CODE_NUMBERING.match(run[j].strip())), None)


def _gather(run: list[str], k: int) -> tuple[list[list[str]], list[str], str, int]:
    """The words of the rows' lines (a list per line), the header's fragments, its numbering row and where the
    table ends (the signatures, a sentence, or the end of the run)."""
    lines: list[list[str]] = []
    head: list[str] = []
    numbering = ""
    i = k
    while i < len(run):
        s = run[i].strip()
        at = _header_at(run, i)
        if at is not None:  # (a header the next page repeats names the same columns)
            if not numbering:
                first = re.sub(r"(?i)^mã số\s*", "", s)
                head = [first] if first else []
                head += [x.strip() for x in run[i + 1 : at] if x.strip()]
                numbering = run[at].strip()
            i = at + 1
            continue
        coded = any(CODE.match(w) for w in s.split())
        if s and (
            SIGNATURE.match(fold(s))
            or _ended(s)
            or not coded
            and (len(s.split()) > 14 or s.endswith((".", "?")))
        ):
            break
        if s and not re.fullmatch(r"\d{1,3}", s):  # (a page's number alone on its line)
            lines.append(s.split())
        i += 1
    return lines, head, numbering, i


def _pieces(words: list[str]) -> list[str]:
    """The labels written between two codes: crossed cells and outline numbers part them; a numbered group phrase
    ('4. Chia theo mức độ Khuyết tật nặng') ends before its first capital."""
    out: list[list[str]] = []
    for w in words:
        if CROSS.match(w):
            out.append([])
        elif OUTLINE.match(w):
            out.append([w])
        elif out:
            out[-1].append(w)
        else:
            out.append([w])
    cut: list[str] = []
    for p in (x for x in out if x):
        body = p[1:] if OUTLINE.match(p[0]) else p
        if GROUP.match(fold(" ".join(body))):
            at = next(
                (j for j in range(3, len(body)) if body[j][:1].isupper() and body[j - 1][:1].islower()), None
            )
            if at is not None:
                cut += [" ".join(p[: len(p) - len(body) + at]), " ".join(body[at:])]
                continue
        cut.append(" ".join(p))
    return cut


def _rows(lines: list[list[str]]) -> list[list[str]] | None:
    words: list[str] = []
    breaks: set[int] = set()  # a line opening with a capital starts a label afresh
    for ln in lines:
        if words and ln[0][:1].isupper() and not ln[0].startswith("("):
            breaks.add(len(words))
        words += ln
    chain = _chain(words)
    if len(chain) < LEAST:
        return None
    rows: list[list[str]] = []
    start = 0
    for at in [*chain, len(words)]:
        segs: list[list[str]] = [[]]
        for j in range(start, at):
            if j in breaks and segs[-1]:
                segs.append([])
            segs[-1].append(words[j])
        pieces = [p for s in segs for p in _pieces(s)]
        if at < len(words):
            while len(pieces) > 1 and pieces[-1].startswith("("):
                pieces[-2:] = [f"{pieces[-2]} {pieces[-1]}"]  # a note on the group line: the two are the row
        groups, label = (pieces[:-1], pieces[-1]) if at < len(words) and pieces else (pieces, "")
        rows += [_group_row(g) for g in groups]
        if at < len(words):
            rows.append(["", _clean(label), words[at]])
        start = at + 1
    while rows and len(rows[-1]) == 2:  # a group line with no row under it
        rows.pop()
    return rows if sum(len(r) == 3 and bool(r[1]) for r in rows) >= LEAST else None


def _group_row(piece: str) -> list[str]:
    no, _, rest = piece.partition(" ")
    return [no.rstrip("."), rest] if OUTLINE.match(no) and rest else ["", piece]


def _clean(label: str) -> str:
    no, _, rest = label.partition(" ")
    return (rest if OUTLINE.match(no) and rest else label).strip(" –-+:")


def _columns(head: list[str], n: int) -> list[str] | None:
    """The n columns the header names: broken names joined, a capital starting a name when too few are left."""
    names = [x for x in _header_names(head) if not group_only(x)]
    if len(names) < n:
        names = [w for x in names for w in re.split(r"\s+(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])", x) if w]
    return names[-n:] if len(names) >= n else None


def coded_run_grid(run: list[str], k: int) -> tuple[FlatGrid, int] | None:
    """The Biểu of coded rows whose first row is on run[k] (see the module); the grid and how many lines it used."""
    s = run[k].strip() if k < len(run) else ""
    words = s.split()
    if len(words) < 2 or not any(CODE.match(w) for w in words[1:]) or _header_at(run, k) is not None:
        return None
    lines, head, numbering, end = _gather(run, k)
    if not numbering or not lines or lines[0] != words:
        return None
    n = sum(t.isdigit() for t in numbering.split())
    chain = _chain([w for ln in lines for w in ln])
    if not chain or chain[0] >= len(words):
        return None  # the first code is further down: the table starts there
    rows = _rows(lines)
    cols = _columns(head, n) if rows else None
    if not rows or not cols:
        return None
    note = (
        f"biểu thống kê có các dòng mã số chép liền nhau (từ «{rows[0][1][:30]}», tiêu đề «Mã số … {numbering}» "
        f"nằm giữa các dòng): đã dựng lại {len(cols)} cột, {sum(len(r) == 3 for r in rows)} dòng có mã; hãy kiểm "
        "tra tên dòng và cột"
    )
    codes = numbering.split()
    letters = [t for t in codes if not t.isdigit()][-3:]
    top = [""] * (3 - len(letters)) + letters + [t for t in codes if t.isdigit()]
    return _grid(["TT", "Chỉ tiêu", "Mã số", *cols], [top, *rows], note), end - k
