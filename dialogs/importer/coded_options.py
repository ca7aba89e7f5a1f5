"""Coded answers of a survey form: a question ending ':' then dashed lines '- Nông nghiệp = 1', '- Nguồn thu
khác = 2' (the first may sit on the question's own line after ':-'). The codes count from 1; the options go onto
the question's line as coded answers ('Nguồn thu (1: Nông nghiệp; 2: Nguồn thu khác)', read as one choice) and
their lines go. A line of codes 'Giàu = 1; Trung bình = 2; Nghèo = 3' under such a question (or after its colon on
its own line), and a line of two to five short words parted by '/' or '\\' ('Nam\\ Nữ') under a short label and
its colon ('Giới tính:'), are its options too. (A line of codes with no question above it is left as it is.)

A survey's legend of codes: a label, then its answers each after its code counting from 0 or 1 ('Giới tính 1. Nam 2.
Nữ', 'Trình độ 0. Chưa đi học 1. Tiểu học 2. THCS'), going on on the next line when the codes go on ('3. THPT 4. Đại
học', never a heading '3.') → the same coded answers after the label ('Giới tính (1: Nam; 2: Nữ)'); a note in an
answer ('Khác (ghi rõ)') goes."""
from __future__ import annotations

import re

from dialogs.text import fold

CODED = re.compile(r"^\s*(?P<o>[^=;:\d][^=;:]{0,60}?)\s*=\s*(?P<n>\d{1,2})\s*[.;,]?\s*$")
DASH = re.compile(r"^\s*[-–+•]\s*")
ALTERNATIVE = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s[^\W\d_]+){0,2}$")
SAME_LINE = re.compile(r"^(?P<q>[^:=;]{2,80}?)\s*:\s*(?P<o>[^:=;]{1,60}=\s*1\s*;.+)$")  # 'Loại hộ: Giàu = 1; …'
GLUED = re.compile(r"^(?P<q>.*\S)\s*:\s*[-–]\s*(?P<o>[^=]+=\s*1)\s*$")  # 'Nguồn thu …:- Trồng trọt … = 1'


def _coded(piece: str) -> str | None:
    m = CODED.match(DASH.sub("", piece))
    return m.group("o").strip() if m and len(m.group("o").split()) <= 8 else None


def _codes(pieces: list[str]) -> list[str] | None:
    """The options when every piece is 'X = n' and the codes count 1, 2, 3 …; None otherwise."""
    opts = []
    for i, p in enumerate(pieces, start=1):
        m = CODED.match(DASH.sub("", p))
        if not m or int(m.group("n")) != i or len(m.group("o").split()) > 8:
            return None
        opts.append(m.group("o").strip())
    return opts if len(opts) >= 2 else None


def _line_options(line: str) -> list[str] | None:
    """'Giàu = 1; Trung bình = 2; Nghèo = 3' (codes counting from 1) or 'Nam\\ Nữ', 'Nam / Nữ' (2 to 5 short
    alternatives, each a capitalised word or three): the options the line lists; None otherwise."""
    s = line.strip().rstrip(".")
    if "=" in s:
        return _codes([p for p in re.split(r"\s*;\s*", s) if p.strip()])
    parts = [p.strip() for p in re.split(r"\s*[/\\]\s*", s)]
    return parts if 2 <= len(parts) <= 5 and all(ALTERNATIVE.match(p) for p in parts) else None


def _coded_question(question: str, opts: list[str]) -> str:
    return f"{question.rstrip().rstrip(':').rstrip()} ({'; '.join(f'{i}: {o}' for i, o in enumerate(opts, start=1))})"


def _short_label(line: str) -> bool:
    """'Giới tính:', '2. Loại hộ:': a label of a few words and its colon, nothing else."""
    s = re.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[-–+•])\s*", "", line.strip())
    return s.endswith(":") and ":" not in s[:-1] and 1 <= len(s[:-1].split()) <= 6


YES_NO_ANSWERS = {"co", "khong", "khong ro", "khong biet", "chua", "da", "khong nho"}


def _yes_no_asked(line: str, opts: list[str]) -> bool:
    """'Bệnh nhân đã khám, điều trị tại bệnh viện:' over 'Có/ Không / Không rõ': a longer question (commas, a slash
    inside it) and its colon, its answers yes, no and maybe a don't-know."""
    s = line.strip()
    return (s.endswith(":") and ":" not in s[:-1] and len(s[:-1].split()) <= 16
            and {"co", "khong"} <= {fold(o) for o in opts} <= YES_NO_ANSWERS)


def _asker(lines: list, k: int) -> int | None:
    """The question line above line k (blank lines between allowed): a line ending with ':'."""
    q = k - 1
    while q >= 0 and isinstance(lines[q], str) and not lines[q].strip():
        q -= 1
    return q if q >= 0 and isinstance(lines[q], str) and lines[q].rstrip().endswith(":") else None


def _dash_run(lines: list, k: int) -> list[int]:
    run = []
    while k < len(lines) and isinstance(lines[k], str) and DASH.match(lines[k]) and _coded(lines[k]) is not None:
        run.append(k)
        k += 1
    return run


LEGEND_CODE = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})\s*[.)]\s*(?=[^\W\d_])")
# the label may keep its letter ('c. Giới: 1. Nam 2. Nữ': a lettered field of a form, its codes after its colon)
LEGEND_HEAD = re.compile(r"^(?P<l>(?:[a-hđ][.)]\s+)?[^\W\d_][^\d:.;?!()]{1,50}?)\s*:?\s+(?=[01]\s*[.)]\s*[^\W\d_])")


def _legend(text: str, first: int | None) -> tuple[str, list[tuple[int, str]]] | None:
    """'Giới tính 1. Nam 2. Nữ' → ('Giới tính', [(1, 'Nam'), (2, 'Nữ')]); with `first`, a line of codes only going
    on from that code ('3. THPT 4. Đại học') → ('', [(3, 'THPT'), (4, 'Đại học')]). None for any other line."""
    s = text.strip()
    head = LEGEND_HEAD.match(s) if first is None else None
    if first is None and not head:
        return None
    start = head.end() if head else 0
    codes = list(LEGEND_CODE.finditer(s, start))
    if not codes or codes[0].start() != start or len(codes) < (2 if first is None else 1):
        return None
    nums = [int(c.group("n")) for c in codes]
    if nums[0] != (first if first is not None else nums[0]) or nums[0] > 1 and first is None \
            or any(b != a + 1 for a, b in zip(nums, nums[1:], strict=False)):
        return None
    ends = [c.start() for c in codes[1:]] + [len(s)]
    opts = [re.sub(r"\s*\([^()]*\)", "", s[c.end():e]).strip(" ,;.") for c, e in zip(codes, ends, strict=True)]
    if any(not o or len(o.split()) > 5 for o in opts) or head and len(head.group("l").split()) > 7:
        return None
    return (head.group("l").strip() if head else ""), list(zip(nums, opts, strict=True))


def code_legends(lines: list) -> list:
    """A survey's legends of codes (see the module's note) written as coded answers after their labels."""
    out: list = []
    last: tuple[int, str, list[tuple[int, str]]] | None = None  # (where, label, codes) of the legend before
    for s in lines:
        if isinstance(s, str) and not s.strip():
            out.append(s)
            continue
        more = _legend(s, last[2][-1][0] + 1) if isinstance(s, str) and last else None
        if more and last:
            last = (last[0], last[1], last[2] + more[1])
        else:
            got = _legend(s, None) if isinstance(s, str) else None
            last = (len(out), got[0], got[1]) if got else None
            out.append(s)
        if last:
            out[last[0]] = f"{last[1]} ({'; '.join(f'{n}: {o}' for n, o in last[2])})"
    return out


def coded_options(lines: list) -> list:
    out = code_legends(lines)
    k = 0
    while k < len(out):
        s = out[k]
        if not isinstance(s, str) or not s.strip():
            k += 1
            continue
        if _options_line(out, k):
            k += 1
            continue
        glued = GLUED.match(s)
        if glued and not DASH.match(s):
            run = _dash_run(out, k + 1)
            opts = _codes([glued.group("o"), *(out[j] for j in run)])
            if opts:
                out[k] = _coded_question(glued.group("q"), opts)
                for j in run:
                    out[j] = None
                k = (run[-1] if run else k) + 1
                continue
        q = _asker(out, k)
        run = _dash_run(out, k)
        opts = _codes([out[j] for j in run])
        if q is not None and run and opts:
            out[q] = _coded_question(out[q], opts)
            for j in run:
                out[j] = None
            k = run[-1] + 1
            continue
        k += 1
    return [s for s in out if s is not None]


def _options_line(out: list, k: int) -> bool:
    """In place: line k's options ('Loại hộ: Giàu = 1; …', or a line of options under a short label) go onto
    their question's line; True when done."""
    same = SAME_LINE.match(out[k]) if not DASH.match(out[k]) else None
    opts = _line_options(same.group("o")) if same else None
    if same and opts and "=" in same.group("o"):
        out[k] = _coded_question(same.group("q"), opts)
        return True
    q = _asker(out, k)
    opts = _line_options(out[k]) if q is not None and not DASH.match(out[k]) else None
    if q is None or not opts or not ("=" in out[k] or _short_label(out[q]) or _yes_no_asked(out[q], opts)):
        return False
    out[q] = _coded_question(out[q], opts)
    out[k] = None
    return True


def _column_for(label: str, tables: list[dict]) -> dict | None:
    """The column a legend's label names ('Giới tính' → the column 'Giới tính'): the same words, or the one the
    other begins with ('Trình độ' / 'Trình độ học vấn'), of a column with no answers of its own yet."""
    want = fold(label).strip(" :")
    for t in tables:
        for col in t["table"].get("columns") or []:
            have = fold(col.get("label", "")).strip(" :")
            if col.get("type") in (None, "text", "choice") and not col.get("options") and have and (
                    have == want or f"{have} ".startswith(f"{want} ") or f"{want} ".startswith(f"{have} ")):
                return col
    return None


def legend_columns(sections: list[dict]) -> None:
    """A legend of codes under a table ('Giới tính 1. Nam 2. Nữ' below the members' table whose column is 'Giới
    tính'): the column's answers, not a question of its own (in place: the column becomes a choice, the question
    goes). Only within one section, where the table is."""
    for sec in sections:
        items = sec.get("items") or []
        legend_columns([it for it in items if "items" in it])
        tables = [it for it in items if it.get("type") == "table" and isinstance(it.get("table"), dict)]
        if not tables:
            continue
        kept = []
        for it in items:
            col = _column_for(it["prompt"], tables) if it.get("type") == "choice" and it.get("options") else None
            if col is None:
                kept.append(it)
                continue
            col["type"], col["options"] = "choice", list(it["options"])
        sec["items"] = kept
