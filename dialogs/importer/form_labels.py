"""A form's labels where other readers saw answers, a name or prose (round 2 of form_fields.py).

- Labels under a heading are fields, not options: 'A. THÔNG TIN CHUNG' over 'Ngày tháng', 'Tên người khảo sát',
  'Mã trường' asks each line (a choice's options are answers, not the names of things to fill in).
- A line of labels each followed by its blank ('ĐỢT………NĂM………') is fields, never the rest of the name above it.
- A period asked by its two ends ('Thời gian …: Từ ngày … tháng … đến ngày … tháng …', with or without the year)
  is two dates.
- A blank followed by its unit in parentheses ('Bản tính toán …(bản)') is a count of that unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dialogs.importer.ask_types import Ask, field_type
from dialogs.importer.lexicon import GAP, IDENTIFIER, NAME_LABEL, PEOPLE_LABEL
from dialogs.text import fold

Typer = Callable[[str], tuple[str, str | None]]

GAP_RE = re.compile(GAP)
QUESTION = re.compile(r"(?i)\?|\b(?:không|chưa|nào|gì|bao nhiêu|mấy|ra sao|thế nào)\s*[.:]?\s*$")
FIELD_WORD = re.compile(
    r"(?i)^(?:ngày|năm|tháng|số|mã|tên|họ|địa chỉ|điện thoại|email|e-mail|chức vụ|chức danh|"
    r"cấp|quận|huyện|tỉnh|xã|phường|thôn|ấp|bản|tổ|khu vực|địa bàn|đơn vị|cơ quan|trường|lớp|"
    r"giới tính|dân tộc|tôn giáo|nghề nghiệp|trình độ|thời gian|thời điểm|địa điểm|nơi)\b"
)


def _label_like(line: str) -> bool:
    s = line.strip().rstrip(":")
    bare = re.sub(r"\s*\([^()]*\)", "", s).strip()
    if not bare or len(bare.split()) > 8 or re.search(r"[.;?!,]", bare):
        return False
    return bool(FIELD_WORD.match(bare) or NAME_LABEL.match(bare) or IDENTIFIER.match(bare))


def fields_not_options(prompt: str, lines: list[str]) -> bool:
    """Lines under a heading that are the names of fields ('Ngày tháng', 'Tên giám sát viên', 'Mã hộ', 'Quận
    (Huyện)'): the heading asks no question (no '?', no asking word at its end) and most of its lines begin with a
    field's noun (a date, a name, a code, a number, a place's level, …). Such lines are fields, not a choice's
    options."""
    texts = [s.strip() for s in lines if s.strip()]
    if len(texts) < 3 or QUESTION.search(prompt.strip()):
        return False
    return 2 * sum(_label_like(s) for s in texts) > len(texts) + 1


def label_lines(prompt: str, lines: list[str]) -> list[str] | None:
    """The labels of the lines under a heading when each is a bare field name (short, no blank, no sentence) and
    they are fields by `fields_not_options`; None otherwise."""
    texts = [s.strip().rstrip(":").strip() for s in lines if s.strip()]
    if any(len(s.split()) > 10 or re.search(GAP + r"|[.;?!]$", s) or s[:1].islower() for s in texts):
        return None
    return texts if fields_not_options(prompt, texts) else None


PERIOD_WORD = re.compile(
    r"(?i)^(?:năm|quý|tháng|ngày|kỳ|kì|học kỳ|học kì|năm học|niên khóa|niên khoá|giai đoạn|đợt|"
    r"lần|từ|đến|khóa|khoá|nhiệm kỳ|nhiệm kì)\b"
)
LEAD_FIELD = re.compile(rf"^(?P<l>[^\W\d_][^…:()\d]{{1,50}}?)\s*:?\s*{GAP}")


def leads_with_field(line: str) -> bool:
    """'VÙNG QUAN TRẮC……………' or 'Đơn vị: ……': a line that begins with a label and its blank is a field, never
    the name above it going on; a period's blank ('NĂM …', 'QUÝ … NĂM …', 'Từ ngày …') may still end a name."""
    m = LEAD_FIELD.match(line.strip())
    return bool(m) and len(m.group("l").split()) <= 6 and not PERIOD_WORD.match(m.group("l").strip())


DAY = rf"ngày\s*{GAP}?[\s.…_]*tháng\s*{GAP}?[\s.…_]*(?:năm\s*{GAP}?[\s.…_\d]*)?"
# a date's blank written with slashes, its year's first figures printed or not ('…/…/20xx', '……/……/……')
SLASH_DAY = rf"(?:ngày\s*)?{GAP}[\s.…_]*/[\s.…_]*(?:{GAP}[\s.…_]*)?/[\s.…_]*(?:(?:19|20)[\dxX]{{0,2}})?[\s.…_]*"
DATE_RANGE = re.compile(
    rf"(?i)^(?P<l>[^\W\d_][^:…]{{1,60}}?\s*:?\s*)?(?P<a>từ)\s*(?:{DAY}|{SLASH_DAY})[,;\s]*(?P<b>đến|tới)\s*"
    rf"(?:{DAY}|{SLASH_DAY})[\s.;,]*$"
)


def date_range(line: str) -> list[str]:
    """'Thời gian quan trắc: Từ ngày… tháng… đến ngày…. tháng…' → ['Thời gian quan trắc: từ ngày', 'Thời gian quan
    trắc: đến ngày']: a period asked by its two ends, each a date named with the label; [] for any other line."""
    s = line.strip().lstrip("-+•–* ")
    m = DATE_RANGE.match(s)
    if not m or not GAP_RE.search(s):
        return []
    label = (m.group("l") or "").strip(" :")
    ends = [f"{m.group('a').lower()} ngày", f"{m.group('b').lower()} ngày"]
    return [f"{label}: {e}" if label else e[:1].upper() + e[1:] for e in ends]


def blank_beside(label: str, lines: list[str]) -> bool:
    """'VÙNG QUAN TRẮC……………': the label's blank on its own line, a line of text (a label in capitals over
    lines of dots is a passage to write instead)."""
    beside = re.compile(re.escape(label) + rf"\s*:?\s*{GAP}")
    return any(beside.match(s.strip()) for s in lines)


COUNT_WORDS = (
    r"bản|cái|chiếc|con|người|hộ|quyển|cuốn|tập|trang|tờ|bộ|lượt|lần|buổi|cuộc|vụ|việc|phòng|điểm|đơn vị|"
    r"văn bản|hồ sơ|tài liệu|đồng chí|đ/c|học sinh|em|cháu|ngày|tháng|năm|giờ|hecta|ha|km|m2|tấn|kg|đồng"
)
UNIT_AFTER_BLANK = re.compile(rf"(?i){GAP}[\s.…_]*\(\s*(?P<u>{COUNT_WORDS})\s*\)[\s.;,]*$")


def counted_blank(line: str) -> str | None:
    """'Bản tính toán …(bản)', 'Số buổi ……(buổi)': the blank's unit written after it → that unit (the line is a
    count); None otherwise."""
    m = UNIT_AFTER_BLANK.search(line.strip())
    return m.group("u") if m else None


def dotted_label(label: str) -> tuple[str, str | None]:
    """The type of a heading over a line of dots: a name, a code or an address ('1. Tên sáng kiến:' over '……') is a
    line of text; the people present ('4. Thành phần khác:' over '……') a list of them; anything else a passage to
    write."""
    bare = label.strip().strip(":").strip()
    if PEOPLE_LABEL.search(bare + ":"):
        return "list", None
    if (NAME_LABEL.match(bare) or IDENTIFIER.match(bare)) and len(bare.split()) <= 8 and "(" not in bare:
        return field_type(bare)
    return "longtext", None


TIME_PARTS = re.compile(r"(?i)\b(?:giờ|ngày)\b.*\b(?:phút|tháng)\b")
COLON_LEAD = re.compile(rf"^(?P<h>[^\W\d_][^:…()]{{0,30}}?)\s*:\s*(?P<r>[^\W\d_][^:]*{GAP}.*)$")


def colon_blanks(text: str, labels_of: Callable[[str], list[str]], typer: Typer) -> list[Ask]:
    """'Tại: Phòng …… lớp ……, trường ……' → 'Tại: Phòng', 'Lớp', 'Trường': a short lead and its colon over two or
    more labelled blanks (`labels_of` reads a line's blanks), each label a few words; [] otherwise."""
    s = text.strip().lstrip("-+•–* ").rstrip(" .;")
    m = COLON_LEAD.match(s)
    if (
        not m
        or len(m.group("h").split()) > 4
        or TIME_PARTS.search(s)
        or not m.group("r")[0].isupper()
        or "/" in s
    ):  # a time's or a date's parts are one ask
        return []
    labels = labels_of(s)
    if len(labels) < 2 or any(len(re.sub(r"\([^()]*\)", "", x).split()) > 5 for x in labels):
        return []
    if not fold(labels[0]).startswith(fold(m.group("h"))) or len(GAP_RE.findall(m.group("r"))) < len(labels):
        return []
    return [Ask(x, *typer(x)) for x in labels]


TIME_ASK = re.compile(
    rf"(?i)^(?P<l>[^\W\d_][^…:]{{2,150}}?\b(?:vào\s+)?(?:hồi|lúc))\s*(?::\s*$|{GAP}[\s….:_]*giờ\b"
    rf"(?:[\s….:_]*phút\b)?[\s….:_]*(?:cùng ngày|trong ngày)?[\s.;,]*$)"
)


def time_asks(text: str) -> list[Ask]:
    """'Cuộc họp kết thúc vào hồi … giờ … cùng ngày.', or '… vào hồi:' over the time's blanks → the hour asked (a
    line of text: 'Cuộc họp kết thúc vào hồi … giờ'); a date after the hour is read by the date readers."""
    s = text.strip().lstrip("-+•–* ")
    m = TIME_ASK.match(s)
    if not m or len(m.group("l").split()) < 3:
        return []
    label = m.group("l").strip()
    return [Ask(label if s.rstrip().endswith(":") else f"{label} … giờ", "text")]


LIST_HEAD = re.compile(r"(?i)^(?:danh sách|thành phần)\b[^:…]{0,60}:$")


def listed_labels(lines: list[str]) -> list[str]:
    """'Danh sách những người tham gia:' over 'Người chịu trách nhiệm chính' / 'Những người tham gia thực hiện': the
    lines under a list's heading that are labels (a few words each, in capitals first, no sentence, no blank) are
    its fields; two or more of them, else none."""
    texts = [s.strip() for s in lines if s.strip()]
    out: list[str] = []
    for k, s in enumerate(texts):
        if not LIST_HEAD.match(s):
            continue
        below = []
        for t in texts[k + 1 :]:
            if (
                len(t.split()) > 8
                or not t[:1].isupper()
                or t.isupper()
                or re.search(rf"[.:;?!]$|{GAP}|\d", t)
            ):
                break
            below.append(t)
        out.extend(below if len(below) >= 2 else [])
    return out
