"""Biểu a document names but does not print (session 25, round «Biểu not rebuilt»):

- Points of a list that each name a Biểu by its code and nothing else ('a) Thông tin chung về đơn vị báo cáo (Biểu
  01CS-KHCN, Phụ lục I);', 'b) Số lao động … (Biểu 02CS-KHCN, Phụ lục II);'): each point is a Biểu the unit fills, not
  a sentence to write. Two such points side by side at least, each without anything under it; a point with lines
  under it ('a) Việc triển khai các cuộc thanh tra (Biểu số 01/TTr)' over what to report) stays a heading.
- A catalogue of Biểu (a 'Danh mục biểu mẫu' table: a column of Biểu codes, one of their names — 'Số hiệu biểu' /
  'Tên biểu'): its rows are the Biểu to send, each one, not a table to fill with the catalogue's columns.

The page prints neither their columns nor their rows: each is drafted with one column «Số liệu» and rows added one by
one, and the unsure points say to rebuild it from the form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dialogs.importer.keys import KeyMaker
from dialogs.importer.structure import parse_marker
from dialogs.importer.tables import TableDraft
from dialogs.text import fold

if TYPE_CHECKING:
    from dialogs.importer.convert import ImportContext
    from dialogs.importer.document import Grid

# 'Tên (Biểu 01CS-KHCN, Phụ lục I)', 'Tên (Biểu số 01/TCD)', 'Tên (theo Biểu mẫu 03-DSX)': a Biểu code in brackets
NAMED = re.compile(r"^(?P<name>.{3,}?)\s*\(\s*(?:theo\s+)?(?:phụ lục\s+[\w.]+\s*[,;–-]\s*)?biểu(?:\s+mẫu)?(?:\s+số)?"
                   r"\s*(?P<code>\d[\w./-]*)(?:\s*[,;–-]\s*(?:phụ lục|pl)\b[^()]*)?\)\s*[;.,]?$", re.I)
# 'Biểu số 01/TCD: Kết quả tiếp công dân;': the code first, then the name
LEAD = re.compile(r"^biểu(?:\s+mẫu)?(?:\s+số)?\s*(?P<code>\d[\w./-]*?)\s*[:.–-]\s+(?P<name>[^()]{3,}?)\s*[;.,]?$", re.I)
# a Biểu's code as a catalogue writes it: '01/NN-TH-S', '02CS-KHCN', 'Biểu số 03/TTr', 'K01/NCKH'
CODE_CELL = re.compile(r"^(?:biểu\s+(?:số\s+)?)?[A-ZĐ]{0,3}\d{1,3}[a-zđ]?(?:[/.-]?[A-ZĐ][\w&]*)(?:[/.-][\w&]+)*$", re.I)
CODE_HEAD = re.compile(r"^(?:so hieu|ky hieu|ma so|ma|so) bieu|^bieu so$")  # (a list of forms, 'Mẫu số', is none)
# a point asking to write about what its Biểu holds ('Đánh giá tình hình thực hiện các chỉ tiêu (Biểu 01/KH)'): an
# assessment, not a Biểu only
ASSESSING = re.compile(r"^(?:đánh giá|phân tích|nêu|báo cáo|làm rõ|trình bày|giải trình|kiểm điểm|so sánh)\b", re.I)
UNPRINTED = ("văn bản chỉ nêu tên biểu, không in cột và dòng của biểu: đã để một cột «Số liệu» và các dòng "
             "thêm dần, hãy dựng lại biểu theo mẫu")


def placeholder(title: str, code: str | None, keys: KeyMaker) -> TableDraft:
    """A Biểu known by its name only: one column of figures, rows the officer adds."""
    scope = keys.scope()
    return TableDraft(code=code, title=title,
                      columns=[{"key": scope.make("so lieu"), "label": "Số liệu", "type": "text"}],
                      rows=[{"key": scope.make("chi tieu"), "label": "Chỉ tiêu", "open": True}],
                      notes=[UNPRINTED])


def named_bieu(prompt: str) -> tuple[str, str] | None:
    """'Thông tin chung về đơn vị báo cáo (Biểu 01CS-KHCN, Phụ lục I);' → (name, code)."""
    m = NAMED.match(" ".join(prompt.split())) or LEAD.match(" ".join(prompt.split()))
    # a question asked in a sentence that points to its Biểu ('… như thế nào? (Biểu 2)') stays a question, and a Biểu
    # numbered only ('Biểu 2') is printed further on
    if not m or not 2 <= len(m.group("name").split()) <= 20 or "?" in m.group("name") \
            or m.group("code").strip(" .,").isdigit():
        return None
    return m.group("name").strip(" :;,-–"), m.group("code").strip(" .,")


def named_bieu_items(ctx: ImportContext, items: list[dict], printed: set[str] | None = None) -> None:
    """The points of a list that each name a Biểu (two at least, side by side in one section): placeholder Biểu —
    unless the document prints that Biểu (its code in ``printed``, normalised): the point, which only points to it,
    then goes. A point asking to assess ('Đánh giá …', 'Phân tích …', 'Nêu …') keeps its question, its stand-in Biểu
    (when not printed) beside it."""
    named = [(q, named_bieu(q.get("prompt", ""))) for q in items if "items" not in q]
    titled = [sec for sec in items if _titled_once(sec)]
    named += [(sec["items"][0], named_bieu(sec.get("title", ""))) for sec in titled]
    hits = [(q, n) for q, n in named if n is not None]
    printed = {_norm(c) for c in (printed if printed is not None else _codes(items))}  # the Biểu the page prints
    if len(hits) >= 2:
        for q, (name, code) in hits:
            if ASSESSING.match(name):  # the assessment written, its Biểu beside it
                if _norm(code) not in printed:  # (named by what it holds: 'Tình hình thực hiện các chỉ tiêu')
                    held = ASSESSING.sub("", name).strip(" :,-–") or name
                    _beside(ctx, items, q, placeholder(held[:1].upper() + held[1:], code, ctx.keys))
            elif _norm(code) not in printed:
                _to_table(ctx, q, placeholder(name, code, ctx.keys))
            elif q in items:  # the point only names the Biểu the page prints: the printed one answers it
                items.remove(q)
        for sec in titled:  # the point's own words, read as questions beside it: its one Biểu
            if sec["items"][0].get("type") == "table":
                del sec["items"][1:]
    for it in items:
        if "items" in it:
            named_bieu_items(ctx, it["items"], printed)


def _beside(ctx: ImportContext, items: list[dict], q: dict, d: TableDraft) -> None:
    """The stand-in Biểu right after the point that asks to assess what it holds (the point's question kept)."""
    new: dict = {"key": ctx.keys.make(f"bieu {d.code or d.title}")}
    _to_table(ctx, new, d)
    where = items if q in items else next((sec["items"] for sec in items if q in sec.get("items", [])), items)
    where.insert(where.index(q) + 1 if q in where else len(where), new)


def _codes(items: list[dict]) -> set[str]:
    out: set[str] = set()
    for it in items:
        out |= _codes(it["items"]) if "items" in it else {it["table"]["code"]} if it.get("table", {}).get("code") else set()
    return out


def _titled_once(sec: dict) -> bool:
    """A numbered point read as a section holding its own words as questions ('1. Biểu số 01/GD: Số trường' over
    'Biểu số 01/GD' and 'Số trường'): the point itself."""
    kids = sec.get("items")
    if not kids or len(kids) > 2 or any("items" in k for k in kids):
        return False
    title = fold(sec.get("title", ""))
    return all((p := fold(k.get("prompt", "")).strip(" .:;")) and p in title for k in kids)


def _norm(code: str) -> str:
    """A Biểu's number as a caption keeps it ('Biểu số 01/TCD' → '1'): its leading figures without zeros."""
    m = re.match(r"\d+", re.sub(r"^(?:biểu\s+)?(?:số\s+)?", "", code.strip(), flags=re.I))
    return (m.group(0).lstrip("0") or "0") if m else code.upper()


def _to_table(ctx: ImportContext, q: dict, d: TableDraft) -> None:
    for k in [k for k in q if k not in ("key", "no", "_comments")]:
        q.pop(k)
    table: dict = {"code": d.code} if d.code else {}
    table.update({"title": d.title, "columns": d.columns, "rows": d.rows})
    q.update({"prompt": d.title, "type": "table", "table": table})
    q.setdefault("_comments", {})["table"] = "? " + "; ".join(d.notes)
    ctx.notes.extend({"key": q["key"], "message": f"biểu: {n}"} for n in d.notes)


def catalogue(grid: Grid, after: list, keys: KeyMaker) -> tuple[list[TableDraft], int] | None:
    """A table listing Biểu (a column of their codes, one of their names): one placeholder Biểu per code followed by
    a name, read in the cells' order (a copy that lost the rows still keeps each code before its name), and how
    many of the lines ``after`` the grid go on with its cells (a copy one cell a line the grid stopped short of)."""
    cells = [t.strip() for row in grid.cells for t, _ in row]
    heads = [fold(c).strip(" :.") for c in cells[:40]]
    if not any(CODE_HEAD.search(h) for h in heads):  # (a copy one cell a line may lose the names' heading)
        return None
    more = 0
    while more < len(after) and isinstance(after[more], str) and after[more].strip() \
            and len(after[more].split()) <= 15:
        more += 1
    body = [c for c in cells if c] + [s.strip() for s in after[:more]]
    seen: set[str] = set()
    out: list[TableDraft] = []
    last = 0
    for k, c in enumerate(body[:-1]):
        name = body[k + 1]
        if not CODE_CELL.match(c) or c in seen or len(name.split()) < 2 or CODE_CELL.match(name) \
                or not any(ch.isalpha() for ch in name):
            continue
        seen.add(c)
        last = k + 1
        out.append(placeholder(name, c, keys))
    if len(out) < 3:
        return None
    return out, (more if last >= len(body) - more else 0)


# a table's header line that begins with its numbering column: 'STT', 'TT', 'Số TT', 'Số thứ tự' (alone, or with the
# names of the other columns run on after it)
NUMBER_HEAD = re.compile(r"^(?:STT|TT|Số\s*TT|Số thứ tự)(?=\s|$)")
# 'TT' written for 'Thường trực' before the standing body it names ('TT HĐND xã đã …', 'TT Đảng ủy …', 'TT Hội đồng
# nhân dân'): a sentence's subject, no numbering column (a header in capitals, 'TT NỘI DUNG …', is one)
STANDING = re.compile(r"^TT\s+(?:[A-ZĐ]{2,}(?=\s+[A-ZĐÀ-Ỹ]?[a-zđà-ỹ]|\s*$)|[A-ZĐ]\w*\s+ủy\b|Đảng\b|Chi\s+bộ\b|Hội\s+đồng\b|"
                      r"Ban\s+(?:Thường|Chấp|Chỉ)\w*\b)")


def _number_head(line: str) -> bool:
    """A line beginning with a table's numbering head ('STT', 'TT', 'Số TT') — not 'TT' for 'Thường trực'."""
    return NUMBER_HEAD.match(line) is not None and (line.isupper() or STANDING.match(line) is None)
SUB_HEAD = re.compile(r"^(?:[A-ZĐ]\d?\s+){1,5}[A-ZĐ]\d?$")  # 'X Y Z', 'X1 X2': the short columns under a group


def header_columns(line: str) -> list[str]:
    """'Số thứ tự Số hiệu giếng Toạ độ Chiều sâu giếng (m) …' → ['Số hiệu giếng', 'Toạ độ', 'Chiều sâu giếng (m)', …]:
    the column names run on after the numbering head, each beginning with a capital (a name is written in sentence
    case); an acronym ('PCCC', 'UBND') goes on the name before it."""
    rest = NUMBER_HEAD.sub("", line.strip(), count=1).split()
    cols: list[list[str]] = []
    for w in rest:
        starts = w[:1].isupper() and not (len(w) >= 2 and w.isupper()) and not (cols and cols[-1][-1].endswith("/"))
        if starts or not cols:
            cols.append([w])
        else:
            cols[-1].append(w)
    return [" ".join(c) for c in cols]


def header_line_table(lines: list[str]) -> tuple[Grid, int] | None:
    """A header line of column names with no row under it (an empty line, the next numbered heading, or the end):
    a list the unit fills, one row a record. A short line of single capitals under it ('X Y Z') names the columns
    under the group before the last ('Toạ độ' over X, Y, Z)."""

    first = lines[0].strip() if lines else ""
    cols = header_columns(first) if _number_head(first) and not first.endswith((".", ";", ":", "?")) else []
    if len(cols) < 3 or len(first.split()) > 40 or any(len(c.split()) > 10 for c in cols):
        return None
    used, subs, group = 1, [], -1
    if used < len(lines) and SUB_HEAD.match(lines[used].strip()):  # under the shortest name without a unit
        subs = lines[used].split()
        group = min((k for k in range(len(cols)) if not re.search(r"\(.+\)$", cols[k])),
                    key=lambda k: len(cols[k].split()), default=-1)
        used += 1
    while used < len(lines) and not lines[used].strip():
        used += 1
    nxt = lines[used].strip() if used < len(lines) else ""
    mk = parse_marker(nxt) if nxt else None
    if nxt and not (mk and sum(ch.isalpha() for ch in mk.rest) >= 3) \
            or any(re.match(r"^(?:chi tieu|don vi tinh|dvt)\b", fold(c)) for c in cols):
        return None  # rows follow (or a statistics Biểu's header, whose rows are named): another reader's shape
    note = (f"bảng chỉ có hàng tiêu đề viết liền một dòng (từ «{first[:50]}»): đã tách tên cột theo chữ hoa đầu tên, "
            "hãy kiểm tra tên và thứ tự cột")
    return _header_grid(cols, subs, group, note), used


def _header_grid(cols: list[str], subs: list[str], group: int, note: str) -> Grid:
    """The header (two rows when a group has columns under it: the other names merged down) over one empty row."""
    from dialogs.importer.textgrid import FlatGrid

    top: list[tuple[str, tuple[int, int]]] = [("STT", (0, 0))]
    low: list[tuple[str, tuple[int, int]]] = [("STT", (0, 0))]
    for k, c in enumerate(cols):
        for sub in (subs if k == group else [None]):
            at = (0, len(top))
            top.append((c, (0, len(top) - subs.index(sub)) if sub is not None else at))
            low.append((sub, (1, len(low))) if sub is not None else (c, at))
    rows = [top, low] if subs else [top]
    empty = [("", (len(rows), c)) for c in range(len(top))]
    return FlatGrid(cells=[*rows, empty], merged_known=True, note=note)


def unbuilt_headers(seq: list) -> list:
    """A table's header line that no reader rebuilt and no grid follows closely: a table seen but not rebuilt, named
    among the unsure points (a one-cell grid carrying the reason), the line kept as it was. The header is a numbering
    head with the other columns' names run on after it ('STT N cướ', 'TT Nội dung đánh giá Điểm chuẩn'), or alone over
    a line a PDF broke mid-name ('Số TT' over 'số Tên chỉ tiêu Đơn vị tính'); a head alone over a column's name
    ('TT' / 'Họ và tên') is a table read cell by cell as the form's questions: nothing to say."""
    from dialogs.importer.textgrid import FlatGrid

    out: list = []
    for k, s in enumerate(seq):
        out.append(s)
        line = s.strip() if isinstance(s, str) else ""
        after = [x.strip() for x in seq[k + 1:k + 6] if isinstance(x, str) and x.strip()]
        if not _number_head(line) or len(line.split()) > 40 or line.endswith((".", ";", "?")) or "|" in line \
                or any(not isinstance(x, str) for x in seq[max(0, k - 10):k + 12]):  # (a table or its note near)
            continue
        if NUMBER_HEAD.fullmatch(line) and not (after and after[0][:1].islower()):
            continue
        note = (f"một bảng (từ hàng tiêu đề «{line[:50]}») không dựng lại được thành Biểu: tiêu đề hoặc các dòng bị "
                "xáo trộn khi chép, hãy nhập biểu bằng tay hoặc nhập tệp .docx gốc")
        out.append(FlatGrid(cells=[[(line, (0, 0))]], merged_known=True, note=note))
    return out
