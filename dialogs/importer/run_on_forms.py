"""A form run into one line: a web page copied a whole form's fields, with their dotted blanks, into one paragraph
('… Hạnh phúc ---- …, ngày … VĂN BẢN … Kính gửi: …… Tên người nộp thuế: …… Mã số thuế: …… Điện thoại: …… Fax: ……
1. Lý do …: ……'). Such a line is cut back into the form's lines: after each blank when a new label follows (a word in
capitals, a numbered item, a long note in brackets), before a label whose colon opens a blank when words precede it on
the line, and around the national motto. A line of prose with a blank or two is never cut: the line must be long and
hold several labelled blanks, and open with no item's number (an item's line is read by the item's readers, which take
its labelled blanks one by one)."""

from __future__ import annotations

import re

from dialogs.importer.structure import parse_marker

LONG = 250  # a line this long holding MIN_BLANKS labelled blanks is a form run into one line
MIN_BLANKS = 4
RUN = re.compile(r"(?:…|\.{3,}|_{3,})(?:[\s/,\-]*+[.…_]++)*+")
MOTTO = re.compile(
    r"(?i)cộng\s+h(?:òa|oà)\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam|"
    r"độc\s+lập\s*[-–]\s*tự\s+do\s*[-–]\s*hạnh\s+phúc[\s\-–_]*"
)
MARK = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]$")
INLINE_ITEM = re.compile(r"(?<!\S)(?:[IVX]{1,4}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)\.\s+(?=[^\W\d_])")
DATE_WORD = re.compile(r"(?i)\b(?:ngày|tháng|năm)\s*$")
NOTE_WORDS = 6  # a note in brackets after a blank this long is a line of its own ('(Ghi rõ loại …)')


def _cap_word(w: str) -> bool:
    """'Tên', 'Tỉnh/thành', 'E-mail': a word opening a label (a capital, then small letters)."""
    letters = [c for c in w if c.isalpha()]
    return bool(letters) and letters[0].isupper() and w[0].isalpha() and any(c.islower() for c in letters)


def _after_blank(line: str, end: int) -> int | None:
    """Where a new field starts after the blank ending at `end` (None when the text goes on: a unit, a date)."""
    m = re.compile(r"[\s;,.]*").match(line, end)
    k = m.end()
    if k >= len(line):
        return None
    rest = line[k:]
    if rest[0] == "(":
        close = rest.find(")")
        inner = rest[1:close] if close > 0 else rest[1:]
        return k if len(inner.split()) >= NOTE_WORDS else None
    word = rest.split()[0]
    if rest[0].isdigit():
        return k if re.match(r"\d{1,2}\.\s+\S", rest) else None
    return k if rest[0].isalpha() and rest[0].isupper() and (_cap_word(word) or word.isupper()) else None


def _label_start(line: str, colon: int, floor: int) -> int | None:
    """The start of the label whose colon is at `colon`, when words of another kind precede it after `floor`."""
    seg = line[floor:colon]
    words = [(m.start() + floor, m.group()) for m in re.finditer(r"\S+", seg)]
    if len(words) < 2:
        return None
    for i in range(len(words) - 1, max(len(words) - 9, 0) - 1, -1):
        if _cap_word(words[i][1]):
            if i > 0 and MARK.match(words[i - 1][1]):
                i -= 1
            return words[i][0] if i > 0 or line[:floor].rstrip().endswith((":", ";")) else None
    return None


def _cuts(line: str) -> set[int]:
    cuts: set[int] = set()
    runs = list(RUN.finditer(line))
    for m in runs:
        k = _after_blank(line, m.end())
        if k is not None:
            cuts.add(k)
    bounds = sorted({m.end() for m in runs} | {m.end() for m in re.finditer(r"[:;]\s", line)})
    for m in re.finditer(r":\s*-?\s*(?=…|\.{3,}|_{3,})", line):
        floor = max((b for b in bounds if b <= m.start()), default=0)
        k = _label_start(line, m.start(), floor)
        if k is not None:
            cuts.add(k)
    words = list(re.finditer(r"\S+", line))
    for a, b in zip(
        words, words[1:], strict=False
    ):  # 'SỔ Họ và tên …': a name in capitals, then the first label
        run = RUN.search(line, b.start())
        if (
            a.group().isalpha()
            and a.group().isupper()
            and len(a.group()) >= 2
            and _cap_word(b.group())
            and run
            and run.start() - b.start() <= 40
        ):
            cuts.add(b.start())
    for m in MOTTO.finditer(line):
        cuts |= {m.start(), m.end()}
    return {k for k in cuts if 0 < k < len(line)}


def _labelled(line: str) -> int:
    """How many blanks follow a label (a date's 'ngày …… tháng …… năm ……' is no label)."""
    n = 0
    for m in RUN.finditer(line):
        before = line[max(0, m.start() - 30) : m.start()]
        if re.search(r"\w[\w)]*\s*:?\s*-?\s*$", before) and not DATE_WORD.search(before):
            n += 1
    return n


def split_run_on_form(line: str) -> list[str]:
    """A form run into one line → its lines; any other line as it is."""
    if (
        len(line) < LONG
        or _labelled(line) < MIN_BLANKS
        or parse_marker(line) is not None
        or len(INLINE_ITEM.findall(line)) >= 2
    ):  # an outline run into the line: split_flattened's to cut
        return [line]
    cuts = sorted(_cuts(line))
    if not cuts:
        return [line]
    parts = [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return [p for p in parts if p]


NEXT_NUMBERED = re.compile(r"(?<=[….…_/])\s*(?P<n>\d{1,2})\s*[.)]\s*(?=[A-ZĐÀ-Ỹ][^:…]{1,60}:)")


def split_numbered_fields(line: str) -> list[str]:
    """'2. Ngày sinh: …/…/… 3. Giới tính: ……' → one line per numbered field: a form's next field, numbered one more
    than the line's own, written after the blank of the field before it. Any other line as it is (a figure after a
    blank, a number out of sequence, a line with no number of its own)."""
    m = re.match(r"^\s*(\d{1,2})\s*[.)]\s*\S", line)
    if not m or not RUN.search(line):
        return [line]
    want, cuts = int(m.group(1)) + 1, []
    for k in NEXT_NUMBERED.finditer(line):
        if int(k.group("n")) == want and RUN.search(line, cuts[-1] if cuts else 0, k.start()):
            cuts.append(k.start("n"))
            want += 1
    if not cuts:
        return [line]
    return [
        p.strip()
        for p in (line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True))
        if p.strip()
    ]


DASHED = re.compile(r"^(?P<lead>\s*)(?P<n>\d{1,2})-\s*(?=[A-ZĐÀ-Ỹ])")
DASHED_MID = re.compile(r"(?:(?<=\S)\s+|(?<=[.…_]))(?P<n>\d{1,2})-\s*(?=[A-ZĐÀ-Ỹ][^\d\s]*\s)")


def dashed_numbers(seq: list) -> list:
    """A form numbering its fields '1- Họ tên:', '2- Giới tính: … 3-Sinh ngày …', '4- Quốc tịch:': a hyphen after
    the number, as '1.' elsewhere → written '1.' (the outline's numbering), the next number inside a line too. Only
    in a text with three such lines or more counting up and no line numbered '1.' (a text numbered so keeps its
    hyphens: a range, a code)."""
    texts = [s for s in seq if isinstance(s, str)]
    nums = [int(m.group("n")) for s in texts if (m := DASHED.match(s))]
    if len(nums) < 3 or nums != sorted(nums) or len(set(nums)) < len(nums) or nums[0] > 2:
        return seq
    if any(re.match(r"^\s*\d{1,2}\s*[.)]\s+\S", s) for s in texts):
        return seq
    out: list = []
    last = 0
    for s in seq:
        if not isinstance(s, str):
            out.append(s)
            continue
        if m := DASHED.match(s):
            last = int(m.group("n"))
            s = f"{m.group('lead')}{last}. {s[m.end():]}"
        for k in list(DASHED_MID.finditer(s))[:1]:
            if int(k.group("n")) == last + 1:
                last += 1
                s = f"{s[:k.start()]} {last}. {s[k.end():]}"
        out.append(s)
    return out
