"""Word tables that are no Biểu, and Word lines laid out with tabs.

A Word document (or a PDF with ruled cells) lays out much more than statistics in tables: a form's fields (label cell |
answer cell), an outline framed in a box, the place, date and signature at the end, and, inside a Biểu, its caption
in a first row over the whole width, a band with a few fields to fill ('Kiểm tra giữa kỳ …' then 'Ngày kiểm tra: ……'
| 'Mức độ hoàn thành: ……%') or the header row printed again. Each is read here as the lines a reader sees, so that the
form rules ask them (a signature as nothing); what is left is the Biểu's grid. A tab between two labelled fields of a
paragraph ('Họ tên: Nguyễn Văn A<tab><tab>Lớp: 10A') separates them."""

from __future__ import annotations

import re

from dialogs.importer.document import Grid
from dialogs.text import fold

BLANK = re.compile(r"(?:…|\.{3,}|_{3,})")
FIELD_LABEL = re.compile(r"^[^\W\d_][^:;.…]{0,60}?\s*:")  # 'MSSV:', 'Điểm nội dung:', 'Không được bảo vệ:'
SIGN_WORDS = re.compile(r"\bngay\b.{0,20}\bthang\b.{0,20}\bnam\b|\(ky\b|\bky ten\b|\bky,? ghi ro\b|^tm\.|^kt\.|"
                        r"\bnguoi (?:khai|lap|viet|lam don)\b")


def _is_field(part: str) -> bool:
    return ":" in part or bool(BLANK.search(part))


def _label(part: str) -> str:
    return fold(part.split(":", 1)[0]).strip()


def _negation(yes: str, no: str) -> bool:
    """'Không được bảo vệ' after 'Được bảo vệ', 'Không tiếp tục' after 'Được tiếp tục', 'Không đạt' after 'Đạt'."""
    if not no.startswith("khong ") or not yes:
        return False
    rest = no.removeprefix("khong ")
    return rest == yes or (yes.endswith(f" {rest}") and len(yes.split()) == len(rest.split()) + 1)


def tab_fields(text: str) -> list[str]:
    """A paragraph's text (tabs kept) as the lines it shows: a tab run before a new labelled field ('MSSV: …',
    'Ngành: …') after a field ends one line; any other tab is a space. 'X:<tab>Không X:' — a box for a thing and one
    for its negation — is one yes/no field 'X: Có □ Không □'."""
    out: list[str] = []
    for part in (p.strip() for p in re.split(r"\t+", text)):
        if not part or (out and SIGN_WORDS.search(fold(part)) and len(part.split()) <= 6):
            continue  # 'Ký tên' beside a field: where to sign, not a field
        m = FIELD_LABEL.match(part)
        if out and m and part[0].isupper() and _is_field(out[-1]):
            if _negation(_label(out[-1]), _label(part)) and not out[-1].split(":", 1)[1].strip(" …."):
                out[-1] = f"{out[-1].split(':', 1)[0]}: Có □ Không □"
                continue
            out.append(part)
        elif out and out[-1].endswith("Không □") and _answer(part):
            continue  # the dotted line after the two boxes
        elif out:
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    out = [re.sub(r"(?<=[…%.])\s*:$", "", x) for x in out]  # 'Mức độ hoàn thành: ……%:' (a colon left over)
    return out or [text.replace("\t", " ").strip()]


def _distinct(row: list[tuple[str, tuple[int, int]]]) -> list[str]:
    """A row's cells once each (a merged cell spans several grid columns)."""
    out: list[str] = []
    seen: set[tuple[int, int]] = set()
    for text, origin in row:
        if origin not in seen or origin == (-1, -1):
            seen.add(origin)
            out.append(text)
    return out


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _lines(cell: str) -> list[str]:
    """A cell's lines; a label ending in ':' and the dotted line under it are one field."""
    out: list[str] = []
    for ln in (x for para in cell.split("\n") for x in tab_fields(para) if x.strip()):
        if out and out[-1].endswith(":") and _answer(ln) and BLANK.search(ln):
            out[-1] = f"{out[-1]} {ln}"
        else:
            out.append(ln)
    return out


def _answer(text: str) -> bool:
    return not text.strip() or not re.sub(r"[\s.…_/,;:%-]", "", text)


UNIT_AFTER_BLANK = re.compile(r"^(?:…|\.{3,}|_{3,})[\s.…_]*([^\W\d_][^\d…._]{0,24})$")


def _blank_with_unit(text: str) -> bool:
    """An answer cell holding the blank and the unit after it ('………… người', '…… triệu đồng'): still a blank."""
    m = UNIT_AFTER_BLANK.match(_flat(text))
    return bool(m) and len(m.group(1).split()) <= 3


def form_lines(grid: Grid) -> list[str] | None:
    """A table laying out a form: each row label | answer (empty, dots, or a value after a label ending in ':'),
    possibly two pairs a row, a band over the whole width now and then ('THÔNG TIN CHUNG'). Its lines
    'Label: ……'; None for a table with a header over columns of figures."""
    out: list[str] = []
    pairs = 0
    colons = 0
    for row in grid.cells:
        cells = _distinct(row)
        if len(cells) == 1:
            out.extend(_lines(cells[0]))
            continue
        if len(cells) % 2:
            return None
        for label, value in zip(cells[::2], cells[1::2], strict=True):
            lab = _flat(label)
            words = lab.split()
            if not words or len(words) > 14 or sum(ch.isalpha() for ch in lab) < 2 or re.match(r"^\d", lab):
                return None
            if not (_answer(value) or _blank_with_unit(value) or lab.endswith(":")):
                return None
            colons += lab.endswith(":") or bool(BLANK.search(value))
            pairs += 1
            out.append(f"{lab.rstrip(' :')}: {_flat(value) if value.strip() else '……'}")
    if pairs < 2 or (not colons and pairs < 3):
        return None
    return out


NUMBERED = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+\S")


def box_lines(grid: Grid) -> list[str] | None:
    """A table of one column that frames the outline itself (numbered headings and paragraphs in a bordered box):
    its lines. A short framed note stays a table the unsure points name."""
    if any(len(_distinct(row)) > 1 for row in grid.cells):
        return None
    lines = [ln for row in grid.cells for c in _distinct(row) for ln in _lines(c)]
    return lines if len(lines) >= 3 and any(NUMBERED.match(ln) for ln in lines) else None


NOT_A_YEAR = re.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d{3,}")  # a figure of three digits or more, no year


def is_signature(grid: Grid) -> bool:
    """A small table placing the place and date, the signer's title and name side by side."""
    cells = [c for row in grid.cells for c in _distinct(row) if c.strip()]
    if len(grid.cells) > 3 or not cells or len(cells) > 6:
        return False
    return any(SIGN_WORDS.search(fold(c)) for c in cells) and not any(NOT_A_YEAR.search(c) for c in cells)


def _same(a: list[tuple[str, tuple[int, int]]], b: list[tuple[str, tuple[int, int]]]) -> bool:
    ta, tb = [_flat(t) for t, _ in a], [_flat(t) for t, _ in b]
    return ta == tb and sum(1 for t in ta if t) >= 2


def caption_row(grid: Grid) -> tuple[list[str], Grid]:
    """A first row that is one cell over the whole width ('Biểu số 03: KẾT QUẢ …') above the header: the table's
    caption, read as a line before it."""
    rows = grid.cells
    if len(rows) < 3 or len(rows[0]) < 3 or len(_distinct(rows[0])) != 1 or len(_distinct(rows[1])) < 2:
        return [], grid
    return _lines(_distinct(rows[0])[0]), Grid(rows[1:], grid.merged_known)


def split_bands(grid: Grid) -> tuple[Grid, list[str]]:
    """A Biểu's grid without the rows that are no rows of it: the header row printed again lower down, and a band
    of fields to fill (cells merged unlike the columns, holding 'Label: ……' or 'Label:') with the title row spanning
    the width just above it. Those fields come back as lines, read after the table."""
    if len(grid.cells) < 3:
        return grid, []
    width = max(len(_distinct(row)) for row in grid.cells)
    keep: list[int] = []
    lines: list[str] = []
    for r, row in enumerate(grid.cells):
        cells = _distinct(row)
        if r and _same(row, grid.cells[0]):
            continue
        fieldy = r and len(cells) < width and (any(BLANK.search(c) for c in cells) or sum(":" in c for c in cells) >= 2)
        if fieldy and all(sum(ch.isalpha() for ch in c) >= 2 or not c.strip() for c in cells):
            if keep and keep[-1] >= 1 and len(_distinct(grid.cells[keep[-1]])) == 1:
                keep.pop()  # the band's title ('Kiểm tra giữa kỳ của …') names the fields below: no field itself
            lines.extend(ln for c in cells for ln in _lines(c))
            continue
        keep.append(r)
    if not lines and len(keep) == len(grid.cells):
        return grid, []
    cells = [[(_flat(t), o) for t, o in grid.cells[r]] for r in keep]
    return Grid(cells, grid.merged_known), lines


def plain(grid: Grid) -> Grid:
    """The grid with each cell's paragraphs and tabs as spaces."""
    return Grid([[(_flat(t), o) for t, o in row] for row in grid.cells], grid.merged_known)


def grid_blocks(grid: Grid) -> list[str | Grid]:
    """A table (Word, or ruled in a PDF) as what it shows: a signature nothing; an outline framed in a box or a
    form laid out in cells as lines; a Biểu as its caption line, its grid, then the fields of a band inside it."""
    if is_signature(grid):  # the place and date, the signer: nothing to ask, nothing to keep
        return []
    lines = box_lines(grid) or form_lines(grid)
    if lines is not None:
        return list(lines)
    caption, grid = caption_row(grid)
    grid, after = split_bands(grid)
    return [*caption, plain(grid), *after]
