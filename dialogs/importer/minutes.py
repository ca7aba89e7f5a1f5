"""Minutes (biên bản): the opening sentence and the lists of people.

- 'Hôm nay, ngày … tháng … năm …, tại …… (ghi rõ địa điểm …), …' → the date (its words up to
  the year, blanks out) and the place ('Tại', its note in parentheses); a line 'Tại …… (…)' alone → the place.
- 'Khách mời gồm có … đồng chí: (Họ và tên từng người)' over '1) Đ/C: ……', '2) Đ/C: ……' → how many (the blank
  before the people's word) and who (a list of names); 'Đoàn Chủ tịch gồm các đồng chí …' over such lines → a list.
  The numbered person lines are rows of that list, never sections.
"""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.forms import PERSON_LINE
from dialogs.importer.lexicon import GAP
from dialogs.importer.structure import parse_marker
from dialogs.importer.surveys import carry_as

OPENING = re.compile(r"(?i)^[-–+•*]?\s*(?P<d>hôm nay\b.*?\bnăm\b(?:\s*(?:20|19)?\s*(?:…|\.|_)+)?)")
PLACE = re.compile(rf"(?i)(?:^|[\s,;])tại\s*:?\s*{GAP}[\s….,_]*(?P<n>\([^()]*\))?")
PLACE_LINE = re.compile(rf"(?i)^[-–+•*]?\s*tại\s*:?\s*{GAP}[\s….,_]*(?P<n>\([^()]*\))?[\s.;]*$")
ROSTER = re.compile(
    rf"(?i)^[-–+•*]?\s*(?P<s>[^:()]{{2,60}}?:\s*)?(?P<w>[^:()]{{2,60}}?)\s+gồm(?:\s+có)?\s*(?P<c>{GAP}[\s….]*)?"
    rf"\s*(?P<all>các\s+)?(?P<p>đồng chí|đ/c|người|đại biểu|thành viên|ông\s*\(bà\))\b[\s….:_]*(?P<n>\([^()]*\))?[\s.:]*$"
)


def _words(text: str) -> str:
    s = re.sub(rf"\s*{GAP}[….\s_]*", " ", text)
    s = re.sub(r"\s+([,.;:])", r"\1", s)
    return " ".join(s.split()).strip(" ,;:.-–")


def _note(m: re.Match[str] | None) -> str:
    n = (m.group("n") or "") if m else ""
    return n.strip("() .") if n else ""


def _place(note: str) -> Ask:
    """'Tại', what to write its help ('Ghi rõ địa điểm tổ chức họp'; else 'Địa điểm')."""
    return Ask("Tại", "text", help=[note[:1].upper() + note[1:] if note else "Địa điểm"])


HOUR = re.compile(
    rf"(?i)^(?P<lead>.*?)(?P<t>(?:vào\s+)?(?:lúc|hồi)\s*:?\s*{GAP}[\s….]*giờ(?:[\s….]*{GAP}[\s….]*phút)?)"
    r"[\s….,_]*(?P<day>ngày\b.*)$"
)


def _when(said: str) -> list[Ask]:
    """'Hôm nay, vào lúc … giờ … phút, ngày … tháng … năm …' → the hour (text: a date holds no hour), named with the
    sentence's words ('Thời gian (hôm nay, vào lúc giờ phút)'), then the day ('Hôm nay, ngày tháng năm'); a
    sentence without an hour → its date alone."""
    m = HOUR.match(said)
    if not m:
        date = re.sub(r"\s+(?:19|20)$", "", _words(said))
        return [Ask(date[:1].upper() + date[1:], "date")]
    lead = m.group("lead").strip(" ,")
    hour = _words(m.group("t"))
    words = f"{lead.lower()}, {hour}" if lead else hour
    day = re.sub(r"\s+(?:19|20)$", "", _words(m.group("day")))
    day = f"{lead[:1].upper()}{lead[1:]}, {day}" if lead else day[:1].upper() + day[1:]
    return [Ask(f"Thời gian ({words})", "text"), Ask(day, "date")]


PAPER = re.compile(
    rf"(?i)^(?P<v>[^…\d]{{0,40}}?)(?P<p>quyết định|kế hoạch|công văn|thông báo|chỉ thị|lệnh|giấy giới thiệu)\s+số\s*"
    rf"(?P<no>[^\s…]*{GAP}[^\s]*|/[^\s]*)\s*ngày\b(?P<d>.*?\bnăm\b[\s….,_]*(?:(?:20|19)\d{{0,2}}[\s….,_]*)?)"
    rf"(?:của\s*(?P<of>{GAP})[\s….,_]*)?(?:về việc\s+(?P<re>[^…]*?)\s*{GAP}[\s….,_]*)?$"
)


def paper_asks(head: str) -> list[Ask]:
    """The paper a record carries out, cited with blanks before its opening ('Thực hiện Quyết định số /QĐ-… ngày …
    tháng … năm … của …… về việc kiểm tra ……, hôm nay …') → its number, its date, who issued it, its subject."""
    m = PAPER.match(head.strip(" ,;"))
    if not m or not re.search(GAP, m.group("d")):
        return []
    paper = m.group("p")[:1].upper() + m.group("p")[1:]
    lead = _words(f"{m.group('v')}{m.group('p')} số")
    out = [Ask(lead[:1].upper() + lead[1:], "text"), Ask(f"Ngày tháng năm của {paper}", "date")]
    if m.group("of"):
        out.append(Ask(f"Cơ quan ban hành {paper} (của)", "text"))
    if m.group("re"):
        out.append(Ask(f"Về việc {_words(m.group('re'))}", "text"))
    return out


def opening_asks(text: str) -> list[Ask]:
    """The date and the place of a meeting's opening sentence, or the place alone on its line; [] otherwise. A
    paper cited with blanks before the opening in one sentence ('Thực hiện Quyết định số … ngày … của … về việc …
    hôm nay vào hồi … giờ …') asks its particulars first (paper_asks)."""
    alone = PLACE_LINE.match(text.strip())
    if alone:
        return [_place(_note(alone))]
    cut = re.search(r"(?i)(?<=[\s,;.…])hôm nay\b", text)
    cited = paper_asks(text[: cut.start()]) if cut else []
    if cited:
        return cited + opening_asks(text[cut.start() :].strip())
    m = OPENING.match(text.strip())
    if not m or not re.search(rf"(?i)ngày\s*{GAP}", m.group("d")):
        return []
    out = _when(m.group("d"))
    rest = text.strip()[m.end() :]
    guide = re.match(r"^[\s….]*\((?P<n>[^()]*)\)", rest)
    if guide:  # '… năm … (ghi thời điểm tiến hành họp chi bộ)'
        note = guide.group("n").strip().rstrip(".")
        out[-1].help.append(note[:1].upper() + note[1:])
    place = PLACE.search(rest)
    if place:
        out.append(_place(_note(place)))
    return out


def roster_asks(head: str) -> list[Ask]:
    """'Khách mời gồm có … đồng chí: (Họ và tên từng người)' → a count and a list; '… gồm các đồng chí …' → a list."""
    m = ROSTER.match(head.strip())
    if not m:
        return []
    who = m.group("w").strip()
    note = _note(m)
    whole = _words(re.sub(r"\([^()]*\)", "", head.strip()).lstrip("-–+•* "))
    if m.group("c"):
        names = f"{who} ({note})" if note else f"{who} (họ và tên)"
        return [Ask(whole, "integer"), Ask(names[:1].upper() + names[1:], "list", fields=["Họ và tên"])]
    return [Ask(whole, "list", fields=["Họ và tên"])]


NAMED_SLOT = re.compile(
    rf"^[-–+•*]?\s*(?:\d{{1,2}}\s*[.)]\s*)?(?i:đồng chí|đ/c|ông|bà)\s*(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){{0,4}}:?\s*{GAP}[\s….]*$"
)


def _person_slot(line: str) -> bool:
    """'– Đồng chí Nguyễn Thị C: ……', '2) Đ/c: ……': a person's line to fill (not 'Đồng chí chủ trì kết luận: ……')."""
    return bool(NAMED_SLOT.match(line.strip()))


def _list_head(line: str) -> list[Ask]:
    """'* Các ý kiến tham gia:' over person lines → a list of who said what."""
    t = line.strip().lstrip("-–+•* ").rstrip()
    if not t.endswith(":") or len(t.split()) > 8 or re.search(GAP, t) or parse_marker(t) is not None:
        return []
    return [Ask(t.rstrip(" :"), "list", fields=["Họ và tên", "Nội dung"])]


ROLE_SLOT = re.compile(
    rf"^[-–+•*]?\s*(?P<w>(?i:ông\s*/\s*bà|ông\s*\(bà\)|đồng chí|đ/c|ông|bà))\s*:?\s*{GAP}[\s….]*"
    rf"(?P<r>(?i:đại diện|chức vụ)\b[^:;]{{0,60}}?)[\s….]*$"
)


def _role_slots(seq: list, k: int) -> tuple[list[str], int]:
    """'Chúng tôi gồm:' over 'Ông/Bà: …… đại diện kế toán', 'Ông/Bà: …… đại diện thủ quỹ': a name to write per role
    the lines name ('Ông/Bà (đại diện kế toán)'), each an ask of its own, carried; the head asks nothing."""
    asks: list[str] = []
    j = k + 1
    while j < len(seq) and isinstance(seq[j], str) and (not seq[j].strip() or ROLE_SLOT.match(seq[j].strip())):
        m = ROLE_SLOT.match(seq[j].strip())
        if m:
            role = re.sub(rf"\s*{GAP}[\s….]*", " … ", m.group("r")).strip()
            asks.append(carry_as(seq[j], Ask(f"{m.group('w')} ({role})", "text")))
        j += 1
    return (asks, j) if len(asks) >= 2 else ([], k)


def role_slots(seq: list) -> list:
    """Each head ending in ':' over people's lines that name their roles → an ask per role (_role_slots), carried
    (read before the lines are fixed up: a roster's person lines would go with its head)."""
    out: list = []
    k = 0
    while k < len(seq):
        s = seq[k]
        roles, j = _role_slots(seq, k) if isinstance(s, str) and s.strip().endswith(":") else ([], k)
        out.extend(roles or [s])
        k = j if roles else k + 1
    return out


def rosters(seq: list) -> list:
    """A roster's head over its numbered person lines ('1) Đ/C: ……') → its asks, carried; the person lines go. A
    short head ending in ':' over people's lines to fill ('– Đồng chí Nguyễn Thị C: ……') is a list too."""
    out: list = []
    k = 0
    while k < len(seq):
        s = seq[k]
        asks = (roster_asks(s) or _list_head(s)) if isinstance(s, str) else None
        slot = PERSON_LINE.match if asks and roster_asks(s) else _person_slot
        j = k + 1
        while (
            asks and j < len(seq) and isinstance(seq[j], str) and (not seq[j].strip() or slot(seq[j].strip()))
        ):
            j += 1
        if not asks or not any(isinstance(x, str) and x.strip() for x in seq[k + 1 : j]):
            out.append(s)
            k += 1
            continue
        out.extend(carry_as(s, a) for a in asks)
        k = j
    return out


DELEGATE = re.compile(
    r"(?i)(?:^|(?<=[;:.,])\s*|(?<=\s)-\s*|(?<=…)\s*|(?<=\.\.)\s*)(?<![\w/])đại diện\s+(?P<l>[^:;…()\-]{2,80}?)\s*(?=:|\.{2,}|…|\s-\s*(?:ông|bà)|\(|;|$)"
)
SLOT = re.compile(r"(?i)\b(?:ông|bà|ông\s*/\s*bà)\s*:?\s*(?:…|\.{2,}|_{2,})")


def delegates(text: str) -> list[Ask]:
    """'Đại diện Chủ đầu tư: …(4)… - Ông: ……(chức vụ); - Ông: ……; Đại diện tư vấn giám sát - Ông: ……; …' → one ask
    per party represented: its people's names, a list where two slots or more follow it; a head over the parties
    ('Đại diện các đơn vị thi công/tổng thầu:') asks nothing itself."""
    found = list(DELEGATE.finditer(text))
    if len(found) < 2 or not SLOT.search(text):
        return []
    out = []
    for i, m in enumerate(found):
        label = " ".join(m.group("l").split()).strip(" ,.")
        seg = text[m.end() : found[i + 1].start() if i + 1 < len(found) else len(text)]
        if (
            not label
            or len(label.split()) > 12
            or (re.match(r"(?i)các\s", label) and seg.lstrip().startswith(":") and not SLOT.search(seg))
        ):
            continue
        many = len(SLOT.findall(seg)) >= 2
        out.append(
            Ask(
                f"Đại diện {label}",
                "list" if many else "text",
                fields=["Họ và tên", "Chức vụ"] if many else None,
            )
        )
    return out if len(out) >= 2 else []


ROSTER_HEAD = re.compile(r"(?i)^[-–+•*]?\s*(?:chúng tôi\s*,?\s*)?(?:(?:những|các)\s+)?(?P<w>[^:…]{3,60}?)\s+gồm(?:\s+có)?\s*:\s*$")
BLANK_ROW = re.compile(rf"^(?P<n>\d{{1,2}})\s*[.)]\s*{GAP}[….\s_]*(?P<l>[^\W\d_][^….:_]{{1,30}}?)\s*:?\s*{GAP}[….\s_]*$")


def blank_rosters(seq: list) -> list:
    """'Chúng tôi những người lập biên bản gồm:' over '1. …………… Chức vụ ……', '2. …… Chức vụ ……': each numbered row is
    a person to write, named by the head ('1. Người lập biên bản (họ tên): …… Chức vụ: ……'), a section of its own;
    the head asks nothing. Needs two such rows; a row with words before its first blank is left as it is."""
    out: list = []
    k = 0
    while k < len(seq):
        s = seq[k]
        m = ROSTER_HEAD.match(s.strip()) if isinstance(s, str) else None
        rows: list[tuple[int, re.Match[str]]] = []
        j = k + 1
        while m and j < len(seq) and isinstance(seq[j], str):
            row = BLANK_ROW.match(seq[j].strip())
            if not row and seq[j].strip():
                break
            rows += [(j, row)] if row else []
            j += 1
        if len(rows) < 2:
            out.append(s)
            k += 1
            continue
        who = m.group("w").strip()
        for _, row in rows:
            out.append(f"{row.group('n')}. {who[:1].upper()}{who[1:]} (họ tên): …… {row.group('l').strip()}: ……")
        k = rows[-1][0] + 1
    return numbered_slots(out)


SLOT_HEAD = re.compile(rf"^(?P<b>[-–+•*]\s*)?(?P<l>[^\W\d_][^:…\d]{{1,40}}?)\s*:\s*1\s*[.)]?\s*{GAP}[….\s_]*$")
SLOT_NEXT = re.compile(rf"^(?P<n>[2-9])\s*[.)]?\s*{GAP}[….\s_]*$")


def numbered_slots(seq: list) -> list:
    """'+ Thư ký: 1……' over '2……': one blank per person the label counts → '+ Thư ký 1: ……', '+ Thư ký 2: ……' (a
    label over a single '1……' is left as it is)."""
    out = list(seq)
    for k, s in enumerate(seq):
        m = SLOT_HEAD.match(s.strip()) if isinstance(s, str) else None
        j = k + 1
        while m and j < len(seq) and isinstance(seq[j], str) and SLOT_NEXT.match(seq[j].strip()):
            j += 1
        if j - k < 2:
            continue
        bullet, label = m.group("b") or "", m.group("l").strip()
        for i in range(k, j):
            out[i] = f"{bullet}{label} {i - k + 1}: ……"
    return out
