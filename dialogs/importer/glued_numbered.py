"""A form's Biểu whose cell borders a web copy lost, known by its column numbering: a header line with its names run
together ('Số TT Nội dungDự toán được giao'), right under it the columns' numbers run together too ('123'), then a
row a line with its number glued to its name ('ATổng số thu', 'IIChi từ nguồn', '1.1Kinh phí', 'aKinh phí', '- Nhiệm
vụ …'). One seam in the header is enough here: the numbering line says how many columns there are. A line with no
number that ends in dots ('Lệ phí…') is a line left for the unit to write a name, no printed row; a name's trailing
dots go ('Chi sự nghiệp……' → 'Chi sự nghiệp'). The rows run to a blank line or the end."""

from __future__ import annotations

import re

from dialogs.importer.textgrid import FlatGrid, _grid

ROW = re.compile(r"^(?P<no>[IVX]{1,4}|[A-HĐ]|[a-hđ]|\d{1,2}(?:\.\d{1,2}){0,2}|[-–+•])[.)]?\s*(?P<label>\S.*)$")
NO_HEAD = re.compile(r"^(?P<no>STT|TT|Số TT|Số thứ tự)\s+(?P<rest>\S.*)$", re.I)
DOTS = re.compile(r"[\s.…_]+$")
SENTENCE_END = re.compile(r"[.;!?]$")


def numbering_width(line: str) -> int:
    """'123' / '1 2 3' / 'A B 1 2' → how many columns the line numbers (3 at least); 0 for any other line."""
    s = re.sub(r"\s+", "", line)
    m = re.fullmatch(r"(?P<letters>A?B?C?)(?P<figures>\d+)", s)
    if not m or len(m.group("figures")) > 9:
        return 0
    n = len(m.group("figures"))
    if m.group("figures") != "".join(str(k) for k in range(1, n + 1)):
        return 0
    width = len(m.group("letters")) + n
    return width if width >= 3 else 0


def _row(line: str) -> list[str] | None:
    """['A', 'Tổng số thu'] from 'ATổng số thu'; ['', 'Tổng cộng'] from an unnumbered name; None for a line left
    to write a name ('Lệ phí…') or a sentence."""
    s = line.strip()
    m = ROW.match(s)
    if m and m.group("label")[0].isupper():
        no, label = m.group("no"), m.group("label")
    elif DOTS.search(s) and re.search(r"[.…_]", s[-1]):
        return None
    else:
        no, label = "", s
    label = DOTS.sub("", label).strip(" :")
    if not label or SENTENCE_END.search(label) and len(label.split()) > 20:
        return None
    return [no, label]


def _columns(pieces: list[str], width: int) -> list[str] | None:
    """The header's names as many as the numbering says: a number column's name run into the next one ('Số TT
    Nội dung') is cut off it."""
    if len(pieces) == width - 1 and (m := NO_HEAD.match(pieces[0])):
        pieces = [m.group("no"), m.group("rest"), *pieces[1:]]
    return pieces if len(pieces) == width else None


def numbered_glued_grid(seq: list, k: int, pieces: list[str]) -> tuple[FlatGrid, int] | None:
    """The Biểu whose glued header line is seq[k] (cut into ``pieces``) when the next line numbers its columns and
    three rows or more follow (see the module); the grid and the index after its rows."""
    nxt = seq[k + 1] if k + 1 < len(seq) else None
    width = numbering_width(nxt) if isinstance(nxt, str) else 0
    columns = _columns(pieces, width) if width else None
    if columns is None:
        return None
    rows: list[list[str]] = []
    j = k + 2
    while j < len(seq) and isinstance(seq[j], str) and seq[j].strip():
        row = _row(seq[j])
        rows += [row] if row else []
        j += 1
    if len(rows) < 3 or sum(bool(r[0]) for r in rows) * 2 < len(rows):
        return None
    note = (f"bảng chép mất ranh giới ô (tiêu đề dính liền, từ «{columns[0][:30]}»): đã dựng lại {width} cột, "
            f"{len(rows)} dòng; hãy kiểm tra tên cột và các dòng")
    return _grid(columns, rows, note), j
