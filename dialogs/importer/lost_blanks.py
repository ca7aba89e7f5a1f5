"""Forms whose blanks a PDF or web copy lost: only the labels and their units are left.

- 'Số bình quân học sinh/lớp: Tối thiểu : hs/lớp Tối đa: hs/lớp' → the bounds of the average, each a figure;
- 'Số phòng học đạt yêu cầu: Tỷ lệ : %' → the count and its rate; 'Cận thị: Tỷ lệ: %' → the rate of 'Cận thị';
- 'Loại hố vệ sinh: Tự hoại: Hai ngăn:' (a label naming a kind, then the boxes' words) → one choice;
- 'Tên trường:' alone → a line of text; 'Có: Không:' at the head of a line → the yes/no boxes of the ask above;
- 'Kết luận: Được bảo vệ: Không được bảo vệ:' → the yes/no question 'Được bảo vệ';
- 'Điểm hình thức: ……/10 Điểm nội dung: ……/10' → marks out of ten, each a decimal;
- 'Danh hiệu Lao động tiên tiến: cá nhân,.tập thể;' (the value only the nouns counted, each after its lost blank)
  → one count per noun: 'Danh hiệu Lao động tiên tiến: số cá nhân', '…: số tập thể'.
"""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, field_type
from dialogs.importer.forms import BLANK, SCORE
from dialogs.importer.lexicon import COUNT_HEAD, NAME_LABEL

UNIT_LEAD = re.compile(r"^(?:\d{1,4}\s+(?=[a-zđà-ỹ]))?(?P<u>%|[a-zđà-ỹ]{1,8}\s*/\s*[a-zđà-ỹ]{1,8}|(?:đồng chí|người|hộ|lượt|em|cháu|ha|tấn|con|"
                       r"cái|chiếc|phòng|lớp|trường|xã|lần|ngày|buổi|giờ|m2|m²|km|kg))(?=\s|$)\s*")  # lower case: a unit
UNIT_END = re.compile(r":\s*(?:\d+\s+)?(?:đồng chí|người|hộ|lượt|em|cháu|con|cái|chiếc|phòng|lớp|trường|xã|lần)$")
YESNO_LEAD = re.compile(r"^\s*có\s*[:□☐]\s*không\s*[:□☐]?\s*", re.I)
BOUNDS = re.compile(r"^(?:tối thiểu|tối đa|thấp nhất|cao nhất|nhỏ nhất|lớn nhất|ít nhất|nhiều nhất)$", re.I)
KIND_LABEL = re.compile(r"^(?:loại|kiểu|hình thức|tình trạng|nguồn|mức độ|xếp loại|phân loại)\b|\((?:[^()]*\b(?:loại gì|"
                        r"hay)\b[^()]*)\)", re.I)
PEOPLE_HEAD = re.compile(r"^(?:cán\b|giáo viên|nhân viên|công chức|viên chức|học sinh|sinh viên|đảng viên|hội viên|"
                         r"đoàn viên|thành viên|lao động|người|nhân sự|nhân lực|bác s)", re.I)
GLUED_BULLET = re.compile(r"(?<=[:%])\s+[-–+]\s+(?=[A-ZĐÀ-Ỹ])|(?<=[a-zđà-ỹ])\.?\s+[-–]\s+(?=[A-ZĐÀ-Ỹ][^:]{0,60}:)")


def lost_labels(text: str) -> list[tuple[str, str | None]] | None:
    """'A: B : u C: u' → [('A', None), ('B', 'u'), ('C', 'u')]: the labels of a line whose blanks were lost, each
    with the unit written after its blank. None when the line is no such form line (a blank still there, a long
    or lower-case label, a sentence)."""
    s = text.strip()
    s = s[:-1] if s.endswith(".") and UNIT_END.search(s[:-1]) else s  # 'THCS: trường.': the unit, then the full stop
    if ":" not in s or BLANK.search(s) or ".." in s:
        return None
    pieces = re.split(r"\s*:\s*", s)
    out: list[list] = []
    for k, piece in enumerate(pieces):
        if k:
            m = UNIT_LEAD.match(piece)
            if m and out:
                unit = re.sub(r"\s*/\s*", "/", m.group("u"))
                a, _, b = unit.partition("/")
                out[-1][1] = a if a == b else unit  # 'hs / hs' (so many out of so many): counted in 'hs'
                piece = piece[m.end():]
        piece = piece.strip(" -–")
        if not piece:
            continue
        if k == len(pieces) - 1 and k:  # words after the last colon that are no unit: a filled value, not a form
            return None
        if len(piece.split()) > 10 or not piece[0].isupper() or re.search(r"[.;?]", piece):
            return None
        out.append([piece, None])
    return [(a, b) for a, b in out] or None


def _typed(label: str, unit: str | None, head: Ask | None) -> Ask:
    if unit == "%":
        return Ask(label, "percent", "%")
    typ, u = field_type(label)
    if unit and typ == "text":
        typ, u = "integer", unit
    if head is not None and head.type in ("integer", "decimal") and typ == "text" and len(label.split()) <= 3:
        typ, u = head.type, head.unit  # 'Tổng số học sinh: Nam: Nữ:' — the parts of a count are counts
    return Ask(label, typ, u or unit)


COUNTED = r"(?:cá nhân|tập thể|người|hộ|đơn vị|lượt người|lượt|cơ sở|doanh nghiệp|hợp tác xã|chi bộ)"
COUNTED_VALUES = re.compile(rf"^(?P<l>[A-ZĐÀ-Ỹ][^:;,.\d…]{{2,80}}?)\s*:\s*\.?\s*(?P<v>{COUNTED}(?:\s*[,.;]+\s*{COUNTED})*)"
                            r"(?:\s*[,.;]+\s*(?P<cut>[a-zđà-ỹ]+\s[a-zđà-ỹ]{1,3}))?\s*[-–,.;]*$")
COUNTED_NOUNS = COUNTED.strip("(?:)").split("|")


def counted_values(text: str) -> list[Ask]:
    """'Danh hiệu Chiến sĩ thi đua: cá nhân, tập thể;' → a count of each noun after the colon (the blank before each
    noun lost): 'Danh hiệu Chiến sĩ thi đua: số cá nhân', '…: số tập thể'; [] for any other line."""
    m = COUNTED_VALUES.match(text.strip().lstrip("-–+• ").strip())
    if not m or len(m.group("l").split()) > 14:
        return []
    label = m.group("l").strip()
    units = [u for u in re.split(r"\s*[,.;]+\s*", m.group("v")) if u]
    if m.group("cut"):  # '…: cá nhân,.tập t' — the copy ends inside the last noun: still that noun's count
        whole = [n for n in COUNTED_NOUNS if n.startswith(m.group("cut")) and n != m.group("cut")]
        if len(whole) != 1:
            return []
        units.append(whole[0])
    if len(set(units)) != len(units):
        return []
    return [Ask(f"{label}: số {u}", "integer", u) for u in units]


def lost_blank_asks(text: str) -> list[Ask]:
    """The asks of a form line whose blanks were lost (see the module's examples); [] when it is none."""
    if counted := counted_values(text):
        return counted
    out: list[Ask] = []
    for seg in GLUED_BULLET.split(text.strip()):
        labels = lost_labels(seg)
        if labels is None or (len(labels) < 2 and not labels[0][1] and not _lone_field(seg)):
            return []
        out.extend(_labels_to_asks(labels))
    return out


def _lone_field(seg: str) -> bool:
    """'Tên trường học:' alone: a name, a date or a figure by its label's words, not a heading ('Kết quả:')."""
    label = seg.strip().rstrip(":").strip()
    return seg.strip().endswith(":") and bool(NAME_LABEL.match(label) or field_type(label)[0] != "text")


def _labels_to_asks(labels: list[tuple[str, str | None]]) -> list[Ask]:
    head, head_unit = labels[0]
    rest = labels[1:]
    if rest and all(u is None for _, u in labels) and KIND_LABEL.search(head):
        return [Ask(head, "choice", options=[x for x, _ in rest] if len(rest) >= 2 else [rest[0][0], "Khác"])]
    if rest and all(BOUNDS.match(x) for x, _ in rest):  # the bounds of an average: the head is no ask of its own
        typ = field_type(head)[0]
        typ = typ if typ in ("integer", "decimal") else "integer"
        first = Ask(f"{head}: {rest[0][0]}", typ, rest[0][1])
        return [first] + [Ask(x, typ, u) for x, u in rest[1:]]
    out: list[Ask] = []
    for k, (label, unit) in enumerate(labels):
        nxt = labels[k + 1] if k + 1 < len(labels) else None
        if nxt and nxt[1] == "%" and is_rate(nxt[0]) and unit is None and not COUNT_HEAD.match(label):
            out.append(Ask(label, "percent", "%"))  # 'Cận thị: Tỷ lệ: %' — the rate of 'Cận thị'
            labels[k + 1] = ("", None)
            continue
        if label:
            out.append(_typed(label, unit, out[0] if out and k else None))
    return out


def is_rate(label: str) -> bool:
    return bool(re.fullmatch(r"(?i)tỷ lệ|tỉ lệ", label.strip()))


def yesno_lead(line: str) -> tuple[bool, str]:
    """'Có: Không: Cán bộ y tế:' → (True, 'Cán bộ y tế:'): the yes/no boxes of the ask above, then what follows."""
    m = YESNO_LEAD.match(line)
    return (True, line[m.end():].strip()) if m else (False, line)


def parts_are_counts(head: str) -> bool:
    """A group label naming people ('Cán bộ y tế:', 'Giáo viên:') over labels: each label counts people."""
    return bool(PEOPLE_HEAD.match(head.strip()))


def score_asks(text: str) -> list[Ask]:
    """Marks out of ten (or twenty, a hundred) to write in blanks: one decimal per label."""
    return [Ask(m.group("l").strip(), "decimal", f"điểm/{m.group('of')}") for m in SCORE.finditer(text)]


PAIR = re.compile(r"^(?:(?P<h>[^:]{2,40}):\s*)??(?P<a>(?:được\s+)?(?P<v>[^:]{2,40}?))\s*:\s*không\s+(?:được\s+)?(?P=v)\s*:?"
                  r"(?:\s*(?:…|\.|_)+)?\s*$", re.I)


def pair_yesno(text: str) -> list[Ask]:
    """'Được tiếp tục: Không tiếp tục: ……', 'Kết luận: Được bảo vệ: Không được bảo vệ:' → one yes/no question (the
    boxes of one answer), the label before the pair its help."""
    m = PAIR.match(text.strip())
    if not m:
        return []
    return [Ask(m.group("a").strip(), "yesno", help=[m.group("h").strip()] if m.group("h") else [])]
