"""A form's field lines the other readers of field_lines.py leave whole.

- Labelled blanks ending in a box list: 'Họ và tên: …… Giới tính: □ Nam, □ Nữ' → the blanks' asks, then a choice of
  the boxes' words.
- A field list written as one sentence: 'Thông tin về cơ sở: tên, mã số thuế, loại hình (công lập/tư thục), tổng
  số nhân viên, địa chỉ, điện thoại, email.' → one ask per field, typed by its words; a bare 'tên' names the head's
  object ('Tên cơ sở'); options between slashes in parentheses make a choice; 'trong đó' before a field goes.
- A yes or no whose yes asks a detail: 'Đang có thai: 1. Có, ghi rõ số tuần thai ____ 2. Không' → the yes/no, then
  the detail ('Số tuần thai', typed by its words); its '2. Không' wrapped onto the next line is joined back first.
- A form's places by level run into a line that lost their blanks ('… Tỉnh/Thành phố: Huyện/Quận: Xã/Phường: …',
  'Thôn/bản Xã/phường Huyện, quận Tỉnh, thành phố PHIẾU …'): three or more → a line each with its blank.
- A count whose parts are blanks in brackets after its own: 'Biên chế: …… (…… phó HT; hợp đồng: ……; nghỉ phép: ……
  (nghỉ sinh)).' → the count, then each part a count ('Phó HT', 'Hợp đồng', 'Nghỉ phép (nghỉ sinh)').
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dialogs.importer.ask_types import Ask, ask_of, field_type
from dialogs.importer.lexicon import BLANK_RUN, GAP, GAP_RUN
from dialogs.text import fold

Reader = Callable[[str], list[Ask]]
Typer = Callable[[str], tuple[str, str | None]]

BOX_TAIL = re.compile(r"(?P<l>[^\s:□☐…][^:□☐…]{1,40}?)\s*:\s*[□☐][^:…]*$")
GAP_IN = re.compile(GAP)
ONE_BLANK = re.compile(rf"^(?P<l>[^:…()]{{2,50}}?)\s*:\s*{GAP_RUN}$")


def boxed_tail(text: str, before: Reader, boxed: Reader) -> list[Ask]:
    """'Họ và tên: …… Giới tính: □ Nam, □ Nữ' → the asks of the line's head (`before`, a reader of field lines)
    and the choice of its last label's boxes (`boxed`); [] when the line does not end so."""
    s = text.strip().rstrip(" .;")
    m = BOX_TAIL.search(s)
    if not m or m.start() == 0 or not GAP_IN.search(s[: m.start()]):
        return []
    tail = boxed(s[m.start():])
    rest = s[: m.start()].rstrip(" ,;")
    one = ONE_BLANK.match(rest)
    head = before(rest) or ([Ask(_cap(one.group("l")), *field_type(_cap(one.group("l"))))] if one else [])
    return head + tail if tail and head else []


FIELD_HEAD = re.compile(r"^(?P<h>[^:()]{3,80}?)\s*:\s*(?P<r>[^:…]{20,900}?)[\s.;]*$")
ABOUT = re.compile(r"(?i)^(?:các\s+)?thông tin\s+(?:chung\s+)?(?:về|của)\s+(?P<o>.+)$")
OPTIONS_NOTE = re.compile(r"^(?P<l>[^()]+?)\s*\((?P<o>[^()]*/[^()]*)\)$")
INSIDE = re.compile(r"(?i)^(?:trong đó|bao gồm|gồm)\s*,?\s*")


def _outside_split(s: str) -> list[str]:
    """'a, b (c, d), e' → ['a', 'b (c, d)', 'e']: commas and semicolons outside parentheses."""
    out, depth, cur = [], 0, ""
    for ch in s:
        depth += (ch == "(") - (ch == ")")
        if ch in ",;" and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    return [p for p in [*out, cur.strip()] if p]


def _cap(s: str) -> str:
    s = s.strip(" ,;:.-–")
    return s[:1].upper() + s[1:]


def _field(item: str, about: str | None, label_type: Typer) -> Ask | None:
    item = INSIDE.sub("", item)
    if re.fullmatch(r"(?i)tên", item) and about:
        return Ask(_cap(f"tên {about}"), "text")
    opts = OPTIONS_NOTE.match(item)
    if opts:
        choices = [_cap(o) for o in opts.group("o").split("/") if o.strip()]
        if len(choices) >= 2 and all(len(o.split()) <= 8 for o in choices):
            return Ask(_cap(opts.group("l")), "choice", options=choices)
    bare = re.sub(r"\s*\([^()]*\)", "", item).strip()
    if not bare or len(bare.split()) > 14 or re.search(r"[.?!]", bare):
        return None
    return Ask(_cap(item), *label_type(_cap(bare)))


def field_sentence(text: str, label_type: Typer) -> list[Ask]:
    """'Thông tin về X: tên, mã số …, loại hình X (A/B/C), tổng số …, địa chỉ, điện thoại, …' → one ask per field (see
    the module's notes); [] unless the head names information ('Thông tin về …') and six or more fields follow."""
    m = FIELD_HEAD.match(text.strip().lstrip("-+•–* "))
    if not m or GAP_IN.search(text):
        return []
    head = m.group("h").strip()
    about = ABOUT.match(head)
    if not about:
        return []
    asks = [_field(p, about.group("o").strip(), label_type) for p in _outside_split(m.group("r"))]
    if len(asks) < 6 or any(a is None for a in asks):
        return []
    return [Ask(a.prompt, a.type, a.unit, help=[_cap(head)] if k == 0 else [], options=a.options)
            for k, a in enumerate(asks) if a is not None]


BLANKS = re.compile(r"\s*" + BLANK_RUN)
HEAD_UNITS = re.compile(r"(?i)^(?:người|hộ|đồng chí|đ/c|đại biểu|đảng viên|đoàn viên|hội viên|thành viên|học sinh|"
                        r"sinh viên|cán bộ|công nhân|lao động|xã viên|gia đình|cháu|em)$")
COUNT_HEAD = re.compile(r"(?i)^(?:tổng\s+)?số(?:\s+lượng)?\s+\S")


def counts_in_sentence(text: str) -> list[Ask]:
    """'Tổng số hội viên …… dự đại hội có …… hội viên.' → two counts: a sentence of blanks (no colon), the first
    label counting by its words ('Tổng số …', 'Số …'), the last blank followed by the heads it counts."""
    s = text.strip().lstrip("-+•–* ").rstrip(" .;")
    parts = [p.strip(" ,;") for p in BLANKS.split(s)]
    if ":" in s or len(parts) < 3 or not HEAD_UNITS.match(parts[-1]) or not COUNT_HEAD.match(parts[0]):
        return []
    labels = parts[:-1]
    if any(not lab or len(lab.split()) > 10 or re.search(r"\d|[.?!()]", lab) for lab in labels):
        return []
    if any(lab[0].isupper() for lab in labels[1:]):  # one sentence: the labels after the first go on in lower case
        return []
    return [Ask(_cap(lab), "integer", parts[-1] if k == len(labels) - 1 else None) for k, lab in enumerate(labels)]


PEOPLE_BLANK = re.compile(r"(?i)^(?P<l>(?:các\s+)?(?:đại biểu|khách mời)\b[^:…()]{0,60}?)\s*(?:\b(?:có|gồm có|gồm)\s*)?"
                          r":?\s*" + BLANK_RUN + "$")


def people_blank(text: str) -> list[Ask]:
    """'Đại biểu đến dự đại hội có ……', 'Khách mời gồm: ……' → a list of the people (their names and posts): a
    blank after the guests or delegates with no count's unit after it."""
    m = PEOPLE_BLANK.match(text.strip().lstrip("-+•–* "))
    if not m or len(m.group("l").split()) > 12:
        return []
    return [Ask(_cap(m.group("l")), "list", fields=["Họ và tên", "Chức vụ"])]


NAMES_BELOW = re.compile(r"(?i)\b(?:các|những)\s+(?:đồng chí|đ/c|người|cá nhân|hội viên|đoàn viên|đảng viên|thành viên|"
                         r"đại biểu|học sinh|sinh viên)\s+có tên\s+(?:sau(?:\s+đây)?|dưới đây|trên)\b")


def names_below(text: str) -> list[Ask]:
    """'Như vậy các đồng chí có tên sau đã trúng cử vào Ban chấp hành …' → a list of names: the sentence announces
    the people listed under it (and the minutes leave their lines to fill)."""
    s = text.strip().lstrip("-+•–* ").rstrip(" :.;")
    m = NAMES_BELOW.search(s)
    if not m or GAP_IN.search(s) or len(s.split()) > 30 or "?" in s:
        return []
    return [Ask(_cap(s[m.start():]), "list", fields=["Họ và tên"])]


# A form's items explained one by one, each under its code or its quoted name, then how to fill it: 'B1.1. Tên cơ sở:
# Ghi tên đầy đủ …', 'A1.3, A1.4. Số điện thoại, địa chỉ email: Trường hợp …', 'Mục “3. Ngày sinh”: Ghi …'; or a
# question, then what it is for ('Tên hộ trên có đúng không?: Phần này xác nhận tên hộ …').
CODE = r"[A-ZĐ]{1,3}\d{1,2}[a-z]?(?:[._]\d{1,2}[a-z]?){0,3}\.?"
CODED_GUIDE = re.compile(rf"^[-–+•*\s]*(?P<c>{CODE}(?:\s*,\s*{CODE})*)\s+(?P<l>[^:;?!]{{2,160}}?)\s*:\s+(?P<g>\S.*)$")
QUOTED = r"(?:[Mm]ục|[Ôô]|[Cc]ột|[Cc]hỉ tiêu|[Dd]òng)\s*[“\"«]\s*(?:\d{1,2}[a-z]?\s*[.)]\s*)?[^”\"»]{2,80}[”\"»]"
QUOTED_GUIDE = re.compile(rf"^[-–+•*\s]*(?P<q>{QUOTED}(?:\s*(?:,|và)\s*{QUOTED})*)(?:\s*\((?P<n>[^()]{{2,40}})\))?"
                          r"\s*:\s+(?P<g>\S.*)$")
ASKED_GUIDE = re.compile(r"^[-–+•*\s]*(?P<l>[^\W\d_][^:?]{4,160})\?\s*:\s+(?P<g>[^\W\d_].*)$")  # a question, then its note
QUOTED_ONE = re.compile(r"[“\"«]\s*(?:(?P<n>\d{1,2}[a-z]?)\s*[.)]\s*)?(?P<l>[^”\"»]{2,80})[”\"»]")
# how a form's item is filled: the guidance that follows its label
FILL_VERB = re.compile(r"(?i)^(?:ghi|chọn|điền|đánh dấu|khoanh|kê khai|nhập|viết|chỉ hỏi|hỏi|trường hợp|nếu|căn cứ|"
                       r"là|bao gồm|gồm|không ghi|không điền|đối với|theo)\b")
DATE_GUIDE = re.compile(r"(?i)\bngày\s*[/,]\s*tháng\s*[/,]\s*năm\b|\bdd/mm/(?:yyyy|yy)\b")
ONE_OF = re.compile(r"(?i)\bchọn\s+(?:một|1|01)\s+trong\s+(?:các\s+|(?:hai|ba|bốn|năm|sáu|\d)\b\s*)?(?:loại|hình thức|"
                    r"mức|hạng|cấp|khu vực|phương án|lựa chọn|trường hợp|nhóm)?\s*(?:sau)?\s*:?\s*(?P<o>[^.;:()]{3,160}?)"
                    r"(?:\s+(?:theo|của|tùy)\s[^,]*)?\s*[.;]?$")
QUOTED_WORD = re.compile(r"[“\"«]([^”\"»]{1,30})[”\"»]")


def _guided_type(label: str, guide: str, label_type: Typer) -> Ask:
    """An item's ask: its label typed by its words, or by the guidance (a date written 'ngày/tháng/năm', a choice
    of the kinds it names: 'Chọn một trong ba loại công lập, tư thục, dân lập', of the words it quotes: 'Ghi “Có”
    hoặc “Không”'); the guidance is its help."""
    help_ = [_cap(guide).rstrip(" ;") + "."]
    typ, unit = label_type(label)
    first = re.split(r"(?<=[.;])\s", guide, maxsplit=1)[0]
    one = ONE_OF.search(first.rstrip(" .;"))
    opts = [_cap(o) for o in re.split(r"\s*,\s*|\s+hoặc\s+|\s+và\s+|\s*/\s*", one.group("o")) if o.strip()] if one else []
    quoted = QUOTED_WORD.findall(first)
    if not opts and len(quoted) >= 2 and re.fullmatch(r"(?i)(?:ghi|chọn|điền|đánh dấu)\s+(?:[“\"«][^”\"»]+[”\"»]\s*"
                                                     r"(?:,|hoặc|/)?\s*)+[.;]?", first.strip()):
        opts = [_cap(q) for q in quoted]
    if 2 <= len(opts) <= 8 and all(len(o.split()) <= 5 for o in opts):
        if {fold(o) for o in opts} == {"co", "khong"}:
            return Ask(label, "yesno", help=help_)
        return Ask(label, "choice", help=help_, options=opts)
    if typ == "text" and DATE_GUIDE.search(first):
        typ, unit = "date", None
    return Ask(label, typ, unit, help=help_)


def guided_fields(text: str, label_type: Typer) -> list[Ask]:
    """A form's item and how to fill it (see CODED_GUIDE, QUOTED_GUIDE) → one ask per item: its label the prompt
    (no code, no quotes), the guidance its help; two codes over a label of two parts ('A1.3, A1.4. Số điện thoại,
    địa chỉ email') are two asks. [] for any other line, and when the words after the colon do not say how to
    fill the item (a filled value, a description)."""
    s = text.strip().rstrip()
    m = CODED_GUIDE.match(s)
    if m and FILL_VERB.match(m.group("g")):
        codes = re.split(r"\s*,\s*", m.group("c"))
        labels = [m.group("l").strip()] if len(codes) == 1 else [p.strip() for p in _outside_split(m.group("l"))]
        if len(labels) != len(codes) or any(len(x.split()) > 20 or not x[:1].isalpha() for x in labels):
            return []
        return [_guided_type(_cap(x), m.group("g"), label_type) for x in labels]
    asked = ASKED_GUIDE.match(s)
    if asked and len(asked.group("g").split()) >= 3:  # 'Tên hộ trên có đúng không?: Phần này xác nhận …': the question
        ask = ask_of(_cap(asked.group("l")) + "?")
        return [Ask(ask.prompt, ask.type, ask.unit, help=[_cap(asked.group("g")).rstrip(" ;") + "."], guessed=ask.guessed)]
    q = QUOTED_GUIDE.match(s)
    if not q or not FILL_VERB.match(q.group("g")):
        return []
    labels = [_cap(x.group("l")) for x in QUOTED_ONE.finditer(q.group("q"))]
    return [_guided_type(x, q.group("g"), label_type) for x in labels]


_OPT = r"(?:\d[.)]|[a-d][.)]|[□☐])"
YES_DETAIL = re.compile(rf"(?i)^(?P<l>[^:…_]{{2,80}}?)\s*:\s*(?:1[.)]|a[.)]|[□☐])\s*có\s*[,:;(]?\s*(?:ghi rõ|nêu rõ|cụ thể|nếu có)?"
                        rf"\s*:?\s*(?P<d>[^\W\d_][^:…_]{{1,60}}?)\s*:?\s*{GAP_RUN}\)?[\s,;]*"
                        rf"(?:2[.)]|b[.)]|[□☐])\s*không\s*[.;]?$")


def yes_with_detail(text: str) -> list[Ask]:
    """'Đang có thai: 1. Có, ghi rõ số tuần thai ____ 2. Không' → [yes/no 'Đang có thai', 'Số tuần thai'];
    [] for any other line."""
    m = YES_DETAIL.match(text.strip().lstrip("-+•–* "))
    if not m:
        return []
    label, detail = _cap(m.group("l").strip()), _cap(m.group("d").strip(" ,"))
    return [Ask(label, "yesno"), Ask(detail, *field_type(detail))]


WRAPPED_OPTION = re.compile(r"^\s*(?P<n>[2-9])[.)]\s+(?P<o>[^\W\d_][^:…_.]{0,30})$")


def wrapped_options(seq: list) -> list:
    """'… : 1. Có, ghi rõ …____' then '2. Không' on a line of its own: the second answer wrapped onto the next line
    (its number one more than the last answer on the line above, after the label's colon) goes back onto it."""
    out: list = []
    for x in seq:
        m = WRAPPED_OPTION.match(x) if isinstance(x, str) else None
        at = next((k for k in range(len(out) - 1, -1, -1) if not (isinstance(out[k], str) and not out[k].strip())), -1)
        prev = out[at] if at >= 0 and isinstance(out[at], str) else ""
        opts = re.findall(r"(?:^|\s)(\d)[.)]\s", prev.partition(":")[2]) if ":" in prev else []
        if m and len(m.group("o").split()) <= 4 and opts and opts[0] == "1" and opts == [str(k) for k in range(1, len(opts) + 1)] \
                and int(m.group("n")) == len(opts) + 1:
            out[at] = f"{prev.rstrip()} {x.strip()}"
            del out[at + 1:]
            continue
        out.append(x)
    return out


_LEVELS = "Tỉnh|Thành phố|TP|Huyện|Quận|Thị xã|Thị trấn|Xã|Phường|Thôn|Xóm|Ấp|Bản|Làng|Tổ dân phố|Tổ|Khu phố|Khối"
_PLACE = rf"(?:{_LEVELS})(?:\s*(?:/|,)\s*(?i:{_LEVELS}))*"
PLACE_RUN = re.compile(rf"(?<![^\s:.])(?P<run>{_PLACE}\s*:?(?:\s+{_PLACE}\s*:?){{2,}})(?=\s|$)")


def place_runs(line: str) -> list[str]:
    """'… Tỉnh/Thành phố: Huyện/Quận: Xã/Phường: Khu vực …' → the words before, 'Tỉnh/Thành phố: ……', …, the words after:
    the places of a form by their level, three or more side by side with no blank between them (a copy lost the
    blanks and the line breaks). A list's number left alone before them goes. Any other line as it is."""
    m = PLACE_RUN.search(line)
    if not m:
        return [line]
    places = [p.strip(" :") for p in re.findall(rf"{_PLACE}\s*:?", m.group("run"))]
    before, after = line[:m.start()].strip(), line[m.end():].strip()
    before = "" if re.fullmatch(r"(?:\d{1,2}|[a-zđ])[.)]", before) else before
    return [x for x in (before, *(f"{p}: ……" for p in places), after) if x]


BRACKETED_PARTS = re.compile(rf"^(?P<l>[^\W\d_][^:()…_]{{1,60}}?)\s*:\s*{GAP_RUN}\s*\((?P<in>.+)\)\s*[.;]?$")
_PART_LABEL = re.compile(rf"^(?P<l>[^\W\d_][^:()…_]{{0,40}}?)\s*:\s*{GAP_RUN}\s*(?P<n>\([^()]{{1,30}}\))?$")
_PART_AFTER = re.compile(rf"^{GAP_RUN}\s*(?P<l>[^\W\d_][^:()…_]{{0,30}}?)\s*(?P<n>\([^()]{{1,30}}\))?$")


def bracketed_parts(text: str) -> list[Ask]:
    """'Biên chế chính thức: …… (…… phó HT; hợp đồng: ……; nghỉ phép: …… (nghỉ sinh)).' → the count and each of its
    parts written in brackets with blanks of their own, every one a count; [] for any other line."""
    m = BRACKETED_PARTS.match(text.strip().lstrip("-+•–* "))
    if not m:
        return []
    inner = re.sub(r"(?i)^\s*(?:trong đó|gồm|bao gồm)\s*:?\s*", "", m.group("in"))
    parts = [p.strip() for p in _outside_split(inner) if p.strip()]
    out = []
    for p in parts:
        f = _PART_LABEL.match(p) or _PART_AFTER.match(p)
        if f is None or len(f.group("l").split()) > 6:
            return []
        out.append(_cap(f"{f.group('l').strip()} {f.group('n') or ''}".strip()))
    if len(out) < 2:
        return []
    head = _cap(m.group("l").strip())
    typ, unit = field_type(head)
    typ = typ if typ in ("integer", "decimal") else "integer"
    return [Ask(head, typ, unit), *(Ask(p, typ, unit) for p in out)]
