"""A form's field lines the other readers of field_lines.py leave whole.

- Labelled blanks ending in a box list: 'Họ và tên: …… Giới tính: □ Nam, □ Nữ' → the blanks' asks, then a choice of
  the boxes' words.
- A field list written as one sentence: 'Thông tin về cơ sở: tên, mã số thuế, loại hình (công lập/tư thục), tổng
  số nhân viên, địa chỉ, điện thoại, email.' → one ask per field, typed by its words; a bare 'tên' names the head's
  object ('Tên cơ sở'); options between slashes in parentheses make a choice; 'trong đó' before a field goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dialogs.importer.ask_types import Ask, field_type
from dialogs.importer.lexicon import BLANK_RUN, GAP, GAP_RUN

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
