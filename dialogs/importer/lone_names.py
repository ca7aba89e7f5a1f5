"""A person's name field whose blank the copy lost, alone on its line between two fields that kept theirs ('Kính gửi:
… …………' / 'Họ và tên người đề nghị (trường hợp ủy quyền phải có' / 'Theo Bản án số ………'): one text ask, its
complete bracketed note its help (a note the copy cut off is left out). The line gets its blank back ('Họ và tên
người đề nghị: ……') and is read as the field it was. A 'Họ và tên' line among a table's header cells, or anywhere not
between two blanks, is left as it is. The boxes of a person's sex with no label ('Nam □ Nữ □') are asked as the sex
('Giới tính').
"""

from __future__ import annotations

import re

from dialogs.importer.forms import BLANK

NAME_LINE = re.compile(r"^(?:[-–+•]\s*)?(?P<l>(?:Họ và tên|Họ tên|HỌ VÀ TÊN)\b[^:…().;]{0,60}?)\s*"
                       r"(?:\((?P<n>[^()]{2,120})(?P<c>\))?)?\s*$")


def _neighbour(seq: list, k: int, step: int) -> str:
    j = k + step
    while 0 <= j < len(seq) and isinstance(seq[j], str) and not seq[j].strip():
        j += step
    return seq[j] if 0 <= j < len(seq) and isinstance(seq[j], str) else ""


# a code's field whose boxes the copy lost ('Mã hộ', 'Mã số thuế của doanh nghiệp'), never a Biểu's bare 'Mã số' column
CODE_LINE = re.compile(r"^(?P<l>Mã\s+(?!số$)[^\W\d_][^:…().;\d]{1,50})$")


def lone_names(seq: list) -> list:
    """The sequence with each lone name field (see the module's notes) given its blank back; a lone code field ('Mã
    hộ') too, beside one field that kept its blank."""
    out = list(seq)
    for k, s in enumerate(seq):
        code = CODE_LINE.match(s.strip()) if isinstance(s, str) and len(s.split()) <= 8 else None
        if code and (BLANK.search(_neighbour(seq, k, -1)) or BLANK.search(_neighbour(seq, k, 1))):
            out[k] = f"{code.group('l')}: ……"
            continue
        m = NAME_LINE.match(s.strip()) if isinstance(s, str) else None
        if not m or len(m.group("l").split()) > 10:
            continue
        if not (BLANK.search(_neighbour(seq, k, -1)) and BLANK.search(_neighbour(seq, k, 1))):
            continue
        label = m.group("l").strip()
        note = m.group("n").strip() if m.group("n") and m.group("c") else None
        label = label[0] + label[1:].lower() if label.isupper() else label
        out[k] = f"{label}: ……" + (f" ({note})" if note else "")
    return out


# the boxes of a person's sex with no label ('Họ và tên …… Nam □ Nữ □ Ngày sinh: ……'): the sex asked, as a form asks it
SEX_BOXES = re.compile(r"(?<![\w:])\s*(?P<b>(?:[□☐]\s*)?Nam\s*[□☐]\s*(?:[□☐]\s*)?Nữ(?:\s*[□☐])?)(?=\s|$)")


def _bare(s: str, m: re.Match) -> bool:
    """True when the sex boxes have no label of their own (no colon just before them: 'Đối tượng: □ Nam □ Nữ',
    '…, trong đó: Nam □ Nữ □') and no further option follows them ('□ Nam □ Nữ □ Không muốn trả lời',
    'Nam □ Nữ □ Khác □'): only then are they the person's sex."""
    if s[: m.start()].rstrip().endswith(":"):
        return False
    b = m.group("b").strip()
    if b[0] in "□☐" and b[-1] in "□☐":
        return False  # a box before each option and one more box after 'Nữ': the box of a third option
    rest = re.split(r"[:…]|\.{3}", s[m.end() :], maxsplit=1)[0]
    return not re.search(r"[□☐]", rest)


# the sex coded after another field's blank, at the end of its line ('Tuổi: …… 1. Nam 2. Nữ'): the blank is that
# field's answer, the coded pair a second ask, the person's sex
CODED_AFTER_BLANK = re.compile(r"(?<=[….:_])\s*(?P<b>1\s*[.)]\s*Nam\s*[,;]?\s*2\s*[.)]\s*Nữ)\s*$")


def _coded_sex(s: str) -> list[str] | None:
    m = CODED_AFTER_BLANK.search(s)
    before = s[: m.start()].rstrip() if m else ""
    if not m or not re.search(r"(?:…|\.{3}|_{3})$", before) or "giới tính" in s.lower():
        return None
    return [before, f"Giới tính: {m.group('b').strip()}"]


def sex_boxes(seq: list) -> list:
    """The sequence with a line's unlabelled sex boxes ('Nam □ Nữ □') set on a line of their own as 'Giới tính: Nam □
    Nữ □', the words before and after them on lines of their own; a line that labels them already is left as it is."""
    out: list = []
    for s in seq:
        coded = _coded_sex(s) if isinstance(s, str) else None
        if coded:
            out += coded
            continue
        m = SEX_BOXES.search(s) if isinstance(s, str) and "giới tính" not in s.lower() else None
        if m is None or not _bare(s, m):
            out.append(s)
            continue
        before, after = s[: m.start()].strip(), s[m.end() :].strip()
        out += [x for x in (before, f"Giới tính: {m.group('b').strip()}", after) if x]
    return out
