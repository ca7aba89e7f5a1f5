"""More flattened tables known by their shape (after table_shapes.py).

A pipe header whose body rows a web page broke into one cell a line: 'STT | Tên hoạt động | Thời gian | Ghi chú |'
then '1 |' / '|' / '|' / '|' / '2 |' / '|' … — each line a cell ending in '|' ('|' alone an empty cell). The cells are
regrouped into rows of the header's width and handed on as tab-separated rows, so the tab-grid reader rebuilds the
table (a list with no fixed rows when the rows are only numbers). Nothing else is changed."""

from __future__ import annotations

import re

from dialogs.text import fold

BAR_CELL = re.compile(r"^[^|]{0,60}\|$")
MORE_ROWS = re.compile(
    r"^(?:\.{2,}|…+|[nNkKmM]|\d{1,3}\s*[.…]{2,})$"
)  # '…' / 'N': 'and so on' rows of a numbered list


def _header_cells(line: str) -> list[str] | None:
    s = line.strip()
    if s.count("|") < 2:
        return None
    cells = [c.strip() for c in s.strip("|").split("|")]
    if len(cells) < 3 or sum(bool(c) for c in cells) < 3:
        return None
    return cells


def _bar_cells(lines: list[str], start: int) -> tuple[list[str], int]:
    """Cells one a line from ``start`` (blank lines skipped); returns the cells and the index after them."""
    cells: list[str] = []
    j = start
    while j < len(lines):
        s = lines[j].strip()
        if not s:
            j += 1
            continue
        if not BAR_CELL.match(s):
            break
        cells.append(s[:-1].strip())
        j += 1
    while j > start and not lines[j - 1].strip():
        j -= 1
    return cells, j


def broken_pipe_rows(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """A pipe header at ``lines[i]`` whose body rows follow as one cell a line: the table as tab-separated rows and
    the index after it; None for any other shape (the body must make two full rows at least, each opening with a
    filled cell)."""
    head = _header_cells(lines[i])
    if head is None:
        return None
    width = len(head)
    cells, j = _bar_cells(lines, i + 1)
    if len(cells) < 2 * width or len(cells) % width:
        return None
    rows = [cells[k : k + width] for k in range(0, len(cells), width)]
    if not all(r[0] for r in rows):
        return None
    if not any(c for r in rows for c in r[1:]):  # only numbers: the '…' / 'N' rows say 'more rows', not rows
        rows = [r for r in rows if not MORE_ROWS.match(r[0])] or rows
    return ["\t".join(head)] + ["\t".join(r) for r in rows], j


# A table run into one line whose header has no row-label heading ('Chỉ tiêu', 'Nội dung' …): the column codes
# 'A B 1 2 3' (letters then figures from 1) are the anchor; the header's names are the capitalised words before them,
# after the last field of the form's head ('Đơn vị tính: USD') or the last sentence end. The row-label heading is
# implied ('Chỉ tiêu' is written for it).
LETTER_CODES = re.compile(r"(?<!\S)(?:[A-E]\s+){1,4}(?:\d{1,2}\s+){1,12}\d{1,2}(?!\S)")
HEAD_START = re.compile(r"(?:[:.;]\s*\S+|[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")
IMPLIED = re.compile(r"(?P<lab>)")


def bare_codes_head(line: str) -> tuple[re.Match, int, int] | None:
    """The implied heading (an empty match where the header's names begin), where the codes begin and end; None when
    no letter-and-figure code run has a short header of capitalised names before it."""
    from dialogs.importer.grids import _numbering

    for codes in LETTER_CODES.finditer(line):
        tokens = codes.group(0).split()
        if _numbering(tokens, 0) != len(tokens):
            continue
        window = line[max(0, codes.start() - 160) : codes.start()]
        starts = [m.end() for m in HEAD_START.finditer(window)]
        if not starts:
            continue
        head = window[starts[-1] :]
        words = head.split()
        if not 3 <= len(words) <= 14 or sum(w[:1].isupper() for w in words) < 2:
            continue
        return IMPLIED.match(line, codes.start() - len(head)), codes.start(), codes.end()
    return None


# Rows a line with their codes ('01 Ngã', '02 Bỏng', …; '1 Lúa' only under a header with a band '0-5 tuổi') right
# under a line of the header's names run together ('Nam Nữ 0-5 tuổi 6-9 tuổi Tại nhà Trường học'): a PDF's table with
# no 'Chỉ tiêu' heading and no code row. A name starts at a capital or a range of figures ('0-5 tuổi'; 'Trên 60 tuổi'
# is one); an acronym in capitals goes on the name before it. The header a page break repeats is skipped; short
# unnumbered lines among or after the rows ('Các loại khác', 'Tổng số') are rows too; a lone figure or dash (an empty
# cell's mark, a row code) is nothing.
NUMBERED = re.compile(r"^(?P<no>\d{1,2})\s+(?P<name>[A-ZĐÀ-Ỹ][^.;:!?]{0,60})$")
MARK = re.compile(r"^(?:[-–—x×]|\d{1,3}|[.…]+)$")


def names_of_line(line: str) -> list[str]:
    """The header's names in a line run together (see the note above); [] for a sentence or a caption in capitals."""
    s = line.strip()
    if not s or s.endswith((".", ":", ";", "?", ",")) or len(s.split()) > 24 or s.isupper():
        return []
    names: list[str] = []
    for w in s.split():
        acronym = len(w) >= 2 and w.isupper() and w.isalpha()
        starts = (w[:1].isupper() and not acronym) or bool(
            re.match(r"^\d{1,3}\s*[-–]\s*\d{1,3}$", w)
        )  # '0-5'
        if starts or not names:
            names.append(w)
        else:
            names[-1] += f" {w}"
    return names if len(names) >= 3 and all(len(n.split()) <= 5 for n in names) else []


def _numbered_rows(run: list[str], j: int, heads: set[str]) -> tuple[list[str], int, int]:
    """Row names from run[j] (see the note); returns them, how many were numbered and where they end."""
    rows: list[str] = []
    numbered = 0
    end = j
    for k in range(j, min(len(run), j + 200)):
        s = run[k].strip()
        m = NUMBERED.match(s)
        if m and int(m.group("no")) == numbered + 1:
            rows.append(m.group("name").strip())
            numbered += 1
        elif not s or MARK.match(s) or s in heads:
            pass
        elif numbered and len(s.split()) <= 6 and s[:1].isupper() and not s.endswith((".", ":", ";", "?")):
            rows.append(s)
        else:
            break
        end = k + 1
    return rows, numbered, end


def numbered_lines_grid(run: list[str], k: int):
    """The table from run[k], its header's names line (see the note above), or None."""
    from dialogs.importer.textgrid import _grid

    names = names_of_line(run[k])
    if not names or NUMBERED.match(run[k].strip()):
        return None
    j = k + 1
    while j < len(run) and not run[j].strip():
        j += 1
    first = NUMBERED.match(run[j].strip()) if j < len(run) else None
    if not first or int(first.group("no")) != 1:
        return None
    coded = first.group("no") == "01" or any(re.match(r"^\d{1,3}\s*[-–]\s*\d", n) for n in names)
    if (
        not coded
    ):  # '1 Mục đích' under a subtitle is an outline: a row code '01' or an age band '0-5' says table
        return None
    heads = set(
        [x.strip() for x in run[max(0, k - 8) : k + 1] if x.strip()][-3:]
    )  # a page break repeats them
    rows, numbered, end = _numbered_rows(run, j, heads)
    if numbered < 4:
        return None
    note = (
        f"bảng chép từ PDF mỗi dòng một hàng đánh số, dưới dòng tên cột «{run[k].strip()[:40]}» viết liền: đã "
        f"dựng lại {len(names)} cột, {len(rows)} dòng; tên cột tách theo chữ hoa, hãy kiểm tra"
    )
    return _grid(["TT", "Chỉ tiêu", *names], [["", r] for r in rows], note), end - k


# A Biểu known only by its filling instructions: 'Cột A: Chỉ tiêu;' / 'Cột 1: Ghi số gia đình thể thao;' /
# 'Cột 2: Ghi tỷ lệ …' then perhaps 'Dòng 1: Tổng số;' — the columns with figures (codes 1, 2 …) are named by what
# they ask written ('Ghi (rõ) …' dropped, cut at ';' or '('); a row instruction with a name is a row ('Từ dòng 3 trở
# đi: Ghi theo tỉnh …' opens rows the unit adds). Two figure columns at least; the draft says it was rebuilt so.
COLUMN_NOTE = re.compile(r"^[-+•]?\s*Cột\s+(?:số\s+)?(?P<code>[A-E]|\d{1,2})\s*[:.]\s*(?P<text>\S.*)$", re.I)
ROW_NOTE = re.compile(
    r"^[-+•]?\s*(?:từ\s+)?dòng\s+(?:số\s+)?(?P<code>\d{1,2})(?:\s+trở\s+(?:đi|xuống|về sau))?\s*[:.]\s*"
    r"(?P<text>\S.*)$",
    re.I,
)
CAPTION = re.compile(r"(?i)^[-+•]?\s*các (?:cột|dòng)\s*:?$")  # '- Các cột:' over the column notes
WRITE_VERB = re.compile(r"(?i)^(?:ghi|điền|nhập)\s+(?:rõ\s+|các\s+|tổng\s+(?=số))?")


def _instructed_name(text: str) -> str:
    name = WRITE_VERB.sub("", text.strip())
    name = re.split(r"\s*[;(]|\.\s|\.$", name)[0].strip(" ,.:")
    return name[:1].upper() + name[1:] if 0 < len(name.split()) <= 14 else ""


def instructed_grid(run: list[str], k: int):
    """The Biểu that run[k:] describes column by column (see the note above), or None."""
    from dialogs.importer.textgrid import _grid

    cols: list[str] = []
    rows: list[list[str]] = []
    j = k
    while j < len(run):
        s = run[j].strip()
        col, row = COLUMN_NOTE.match(s), ROW_NOTE.match(s)
        if col and col.group("code").isdigit():
            cols.append(_instructed_name(col.group("text")))
        elif row:  # 'Từ dòng 3 trở đi: Ghi theo tỉnh …': rows the unit adds, no name
            rows += (
                []
                if WRITE_VERB.match(row.group("text")) or fold(s).startswith("tu")
                else [["", _instructed_name(row.group("text"))]]
            )
        elif not (col or (s and s[:1].islower() and j > k) or CAPTION.match(s)):
            break
        j += 1
    opening = (
        run[k].strip()
        if COLUMN_NOTE.match(run[k].strip())
        else run[k + 1].strip()
        if k + 1 < len(run)
        else ""
    )
    if (
        not COLUMN_NOTE.match(opening)
        or not (CAPTION.match(run[k].strip()) or opening == run[k].strip())
        or len([c for c in cols if c]) < 2
    ):
        return None
    note = (
        "biểu chỉ còn lời hướng dẫn «Cột 1: Ghi …» (bảng không chép được): đã dựng lại các cột từ lời hướng dẫn, "
        "hãy kiểm tra tên cột và thêm các dòng"
    )
    return _grid(
        ["TT", "Chỉ tiêu", *[c for c in cols if c]], [r for r in rows if r[1]] or [["", "…"]], note
    ), j - k


# A long line holding a table's number heading 'STT' / 'TT' between words ('… người tham gia: STT … Họ tên Nguyễn
# Văn A Đơn vị công tác Nhiệm vụ …') that no reader could cut into cells: a table run into the line, named among the
# unsure points so it is never lost silently (the line itself stays as it was).
RUN_NUMBER_HEAD = re.compile(r"(?<=\s)(?:STT|TT)\s+(?:(?:…|\.{2,})\s+)?[A-ZĐÀ-Ỹ]")


def unbuilt_run_line(line: str):
    """The unsure placeholder for a table run into ``line`` and not rebuilt, or None."""
    from dialogs.importer.textgrid import FlatGrid

    m = RUN_NUMBER_HEAD.search(line)
    if len(line) < 200 or not m:
        return None
    start = line[m.start() : m.start() + 60].strip()
    note = (
        f"một bảng bị chép liền thành một dòng (từ «{start}»): không tách được hàng và cột, chưa dựng lại thành "
        "Biểu — hãy nhập biểu bằng tay hoặc nhập tệp .docx gốc"
    )
    return FlatGrid(cells=[[(start, (0, 0))]], merged_known=True, note=note)
