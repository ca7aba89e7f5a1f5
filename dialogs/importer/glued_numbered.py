"""A form's Biểu whose cell borders a web copy lost, known by its column numbering: a header line with its names run
together ('Số TT Nội dungDự toán được giao'), right under it the columns' numbers run together too ('123'), then a
row a line with its number glued to its name ('ATổng số thu', 'IIChi từ nguồn', '1.1Kinh phí', 'aKinh phí', '- Nhiệm
vụ …'). One seam in the header is enough here: the numbering line says how many columns there are. A line with no
number that ends in dots ('Lệ phí…') is a line left for the unit to write a name, no printed row; a name's trailing
dots go ('Chi sự nghiệp……' → 'Chi sự nghiệp'). The rows run to a blank line or the end.

With no numbering line, a glued header that opens with the number column ('TTTiêu chíKết quả xếp loại') is enough
when three lines or more follow it to the end of the block, none a sentence (a short line of capitals right under
it, 'ĐK', is the rest of the header): a row's number glued to its name goes off it ('Điều 4Tiêu chuẩn 1: …'), and a
name that the rows open alike with a number ('Tiêu chí 1: …', 'Tiêu chí 2. …') has that lead as its number."""

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


TT_PIECE = re.compile(r"^(?:STT|TT|Số TT)$", re.I)
CAPS_LINE = re.compile(r"^[A-ZĐ%/]{1,12}$")
WORD_NO = re.compile(r"^(?P<no>[^\W\d_]+(?:\s[^\W\d_]+)?\s\d{1,2})(?:[:.]\s*|(?=[A-ZĐÀ-Ỹ]))(?P<label>\S.*)$")


def _lead(no: str) -> str:
    return re.sub(r"\s\d+$", "", no).lower()


def _listed_rows(lines: list[str]) -> list[list[str]] | None:
    """The rows of a glued header with no numbering (see the module); None when a line is a sentence."""
    rows: list[list[str]] = []
    for line in lines:
        s = line.strip()
        if len(s.split()) > 30 or re.search(r"[.;!?]$", s) and len(s.split()) > 12:
            return None
        m = WORD_NO.match(s)
        rows.append([m.group("no"), m.group("label")] if m else ["", s])
    leads = [_lead(r[0]) for r in rows if r[0]]  # a lead used once ('Điều 4' over 'Tiêu chí 1') is a number too
    common = max(set(leads), key=leads.count) if leads else ""
    for r in rows:
        r[1] = r[1].strip(" :")
    return rows if leads.count(common) >= 2 else None  # the rows open alike ('Tiêu chí 1', 'Tiêu chí 2' …)


def listed_glued_grid(seq: list, k: int, b: int, pieces: list[str]) -> tuple[FlatGrid, int] | None:
    """The Biểu whose glued header seq[k] opens with the number column, over the rows to the block's end b."""
    if len(pieces) < 3 or not TT_PIECE.match(pieces[0]):
        return None
    top = k + 1 + bool(k + 1 < b and CAPS_LINE.match(seq[k + 1].strip()))
    rows = _listed_rows(seq[top:b]) if b - top >= 3 else None
    if rows is None:
        return None
    note = (f"bảng chép mất ranh giới ô (tiêu đề dính liền, từ «{pieces[0][:30]}»): đã dựng lại {len(pieces)} cột, "
            f"{len(rows)} dòng; hãy kiểm tra tên cột và các dòng")
    return _grid(pieces, rows, note), b


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
