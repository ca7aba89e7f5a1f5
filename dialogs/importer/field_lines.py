"""A form's field lines: several labelled blanks on one line, each an ask of its own.

- Person lines: 'Họ và tên cha: (5)……… Tuổi …… Nghề nghiệp ……' → three asks typed by their labels (a name, an
  age, a job); 'Ngày tháng năm sinh ……… hoặc ước lượng tuổi ……' → a date and an age; 'Ngày … tháng … năm …' is one
  date. A footnote's number after a label ('(5)') is no part of it.
- Options written after a label, each with its blank or box: 'Giới tính: Nam …… Nữ …… Không biết ……',
  'Giới tính: Nam □ Nữ □' → one choice (yes/no for 'Có', 'Không').
- A label listing its answers between slashes: 'Thông qua (điện thoại/gặp trực tiếp/người khác báo): ……' → a choice.
- Labelled groups, each with its own blank: 'Đại diện A …… người (ghi rõ …), đại diện B …… người (…), đại diện
  C: …… người (…)' → one ask per group (a count, or a line of text when its note asks the names too).
- A count over a total and its rate: 'Đại diện …… hộ trên tổng số …… hộ …, chiếm tỷ lệ …… %' → two counts and a
  percentage.
"""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, field_type, measure_unit
from dialogs.importer.form_fields import (
    _cap,
    boxed_tail,
    bracketed_parts,
    counts_in_sentence,
    field_sentence,
    guided_fields,
    names_below,
    people_blank,
    yes_with_detail,
)
from dialogs.importer.form_labels import colon_blanks, date_range
from dialogs.importer.forms import MANY, blank_fields
from dialogs.importer.issued_papers import issued_paper
from dialogs.importer.lexicon import ADMIN_LABEL, IDENTIFIER, NAME_LABEL
from dialogs.importer.named_placeholders import named_placeholders
from dialogs.text import fold

GAP = r"(?:…|\.{2,}|_{2,}|[□☐])"
GAPS = re.compile(rf"(?:\s*{GAP})+[\s.…_:]*")
NOTE_NO = re.compile(rf"\s*\(\d{{1,2}}\)\s*(?=:|{GAP})")
DATE_RUN = re.compile(rf"(?i)\bngày\s*{GAP}[\s….]*tháng\s*{GAP}[\s….]*năm\b")
SLASHED = re.compile(r"^(?P<l>[^()/]{2,60}?)\s*\((?P<o>[^()]{3,80})\)\s*:?$")
INSTRUCTED = re.compile(r"^(?:ghi|nêu|theo|tính|kèm|nếu|trong đó|đối với|ví dụ)\b", re.I)
HOUR_NOTE = re.compile(r"(?i)\((?:[^()]*\s)?giờ\)")
AGE = re.compile(r"(?i)\btuổi\s*$")
# the ages a count's label bounds ('Số người 15-59 tuổi', 'Số trẻ em 0-< 6 tuổi', 'Số người ≥60 tuổi'): no figure given
AGE_SPAN = re.compile(r"(?:[<>≥≤]=?\s*)?\d{1,3}(?:\s*[-–]\s*[<>≤]?=?\s*\d{1,3})?\s*(?=tuổi\b)|[<>≥≤]=?\s*\d{1,3}\b")
COUNT_UNITS = re.compile(
    r"(?i)^(?:người|hộ|đồng chí|đ/c|đại biểu|đảng viên|đoàn viên|hội viên|thành viên|em|cháu)\b"
)
NAMES_ASKED = re.compile(r"(?i)\bhọ (?:và )?tên\b")
ONE_FIELD = re.compile(r"(?i)^(?:họ và tên|họ tên|ngày sinh|ngày tháng năm sinh|năm sinh)\b[^.;,:]*:?$")
GROUP_HEADS = ("đại diện", "thành phần", "số", "tổng số")


def drop_note_marks(text: str) -> str:
    """'Họ và tên trẻ em (5)……' → 'Họ và tên trẻ em……': a footnote's number before a blank or a colon."""
    return NOTE_NO.sub("", text)


HONORIFIC = re.compile(rf"(?<=:)\s*(?:[^:….;]{{2,40}}?\s[-–]\s*)?(?:Ông/Bà|Ông \(bà\)|Ông|Bà|Cô|Thầy|Anh|Chị|Đồng chí|Đ/c)"
                       rf"\s*(?={GAP})")


def drop_honorific(text: str) -> str:
    """'Giáo viên chủ nhiệm: Cô ……' → 'Giáo viên chủ nhiệm: ……': the form of address before a name's blank (and a
    role written before it, 'Chủ tọa: Giáo viên chủ nhiệm – Cô ……') is part of the answer, not of the label."""
    return HONORIFIC.sub(" ", text)


def label_type(label: str) -> tuple[str, str | None]:
    """A field's type by its label (an age or a year, a date, a count, an identifier, else a line of text)."""
    return _label_type(label)


def _label_type(label: str) -> tuple[str, str | None]:
    bare = re.sub(r"\s*\([^()]*\)", "", label).strip(" :") or label  # 'Năm sinh (theo dương lịch)': a year
    if AGE.search(bare):  # 'Tuổi', 'Ước lượng tuổi'
        return "integer", None
    typ, unit = field_type(bare)
    if typ != "text" and unit is None and bare != label and field_type(label)[1]:
        return field_type(label)  # 'Diện tích nhà ở bình quân đầu người (m2)': the unit its brackets name
    return (typ, unit) if typ != "text" or bare == label else field_type(label)


def _pieces(text: str) -> list[str]:
    return [p.strip() for p in GAPS.split(DATE_RUN.sub("Ngày tháng năm ……", text))]


def person_fields(text: str) -> list[Ask]:
    """Two or more labels on one line, each followed by its blank (see the module's notes); [] otherwise."""
    s = text.strip().rstrip(".")
    if s.startswith("(") and s.endswith(")") and NAME_LABEL.match(s[1:]):  # '(Địa chỉ hộ gia đình ……)'
        text = s[1:-1]
    pieces = _pieces(drop_note_marks(text))
    if (
        len(pieces) == 2
        and not pieces[1]
        and (ONE_FIELD.match(pieces[0]) or NAME_LABEL.match(pieces[0]) and s[:1] == "(")
        and len(pieces[0].split()) <= 8
    ):
        return [Ask(_cap(pieces[0]), *_label_type(pieces[0].strip(" :")))]  # 'Họ và tên trẻ em (5) ……'
    if len(pieces) < 3 or pieces[-1]:  # a blank after each label, the line ends on the last one
        return []
    labels = pieces[:-1]
    place = _place_parts(labels)
    if place is not None:
        return [place]
    at = next((i for i in range(len(labels)) if _options_after(labels[i:]) is not None), None)
    tail = (
        [_options_after(labels[at:])] if at is not None else []
    )  # '… Giới tính: Nam …… Nữ ……' ends the line
    if at == 0:
        return tail
    out = []
    for i, lab in enumerate(labels[:at]):
        lab = re.sub(r"(?i)^hoặc\s+", "", lab) if i else lab
        bare = re.sub(r"\s*\([^()]*\)", "", lab).strip(" :")
        if i == 0 and PLACE_PARTED.match(bare):  # 'Địa chỉ nơi ở: Số nhà, phố, thôn': the place's first parts
            out.append(Ask(_cap(bare), "text"))
            continue
        if (
            not bare
            or len(bare.split()) > 8
            or re.search(r"[.;?!,]|\d", AGE_SPAN.sub(" ", bare))
            or not (i == 0 or bare[0].isupper() or lab != labels[i])
        ):
            return []
        if i and measure_unit(bare):
            return []
        typ, unit = _label_type(bare)
        if typ == "date" and HOUR_NOTE.search(lab):  # 'Thời điểm phát hiện (mấy giờ)': an hour, written as said
            typ = "text"
        out.append(Ask(_cap(lab.rstrip(" :")), typ, unit))
    if any(a.type == "integer" for a in out):  # 'Sĩ số: …… Hiện diện: …… Vắng mặt: ……': heads counted alike
        out = [Ask(a.prompt, "integer") if a.type == "text" and PRESENCE.match(a.prompt) else a for a in out]
    known = sum(1 for a in out if NAME_LABEL.match(a.prompt) or a.type in ("date", "integer"))
    return out + tail if known or tail else []


PRESENCE = re.compile(r"(?i)^(?:hiện diện|có mặt|vắng mặt|vắng|nghỉ)(?:\s+(?:có|không)\s+(?:phép|lý do))?$")
PLACE_PARTED = re.compile(r"(?i)^(?:địa chỉ|nơi\s+(?:ở|cư trú|thường trú|tạm trú))[^:,]{0,30}:\s*[^:]{2,40},[^:]{2,40}$")
PLACE_LABEL = re.compile(r"(?i)^(?:địa điểm|địa chỉ|nơi\s+(?:ở|cư trú|sinh|làm việc|diễn ra|tổ chức|họp)|trụ sở)\b")


def _place_parts(labels: list[str]) -> Ask | None:
    """'Địa điểm: Phòng số …… Trường ……' → one line of text: the words between the blanks are the parts of one
    place (a room, a school, a village), not options to tick."""
    head, colon, first = labels[0].strip(" -–+•").partition(":")
    if not colon or not PLACE_LABEL.match(head.strip()) or len(head.split()) > 6 or not first.strip():
        return None
    if all(lab.rstrip().endswith(":") for lab in labels):  # 'Địa chỉ: Số nhà, phố: …… Phường/ Xã: ……': labels each
        return None
    if any(len(p.split()) > 4 or re.search(r"[.;?!]", p) for p in [first, *labels[1:]]):
        return None
    return Ask(_cap(head), "text")


def _options_after(labels: list[str]) -> Ask | None:
    """'Giới tính: Nam', 'Nữ', 'Không biết' → a choice of Nam, Nữ, Không biết."""
    head, colon, first = labels[0].rpartition(":")
    if not colon or not first.strip() or len(labels) < 2:
        return None
    opts = [first.strip(), *labels[1:]]
    if (
        any(not o or ":" in o or len(o.split()) > 3 or not o[0].isupper() for o in opts)
        or len(head.split()) > 8
    ):
        return None
    if {fold(o) for o in opts} == {"co", "khong"}:
        return Ask(_cap(head), "yesno")
    return Ask(_cap(head), "choice", options=[_cap(o) for o in opts])


def slashed_choice(text: str) -> list[Ask]:
    """'Thông qua (điện thoại/gặp trực tiếp/người khác báo): ……' → a choice of the three."""
    pieces = _pieces(drop_note_marks(text))
    if len(pieces) != 2 or pieces[1]:
        return []
    m = SLASHED.match(pieces[0])
    if not m or INSTRUCTED.match(m.group("o").strip()) or measure_unit(m.group("o")):  # '(m3/ngày)': a unit
        return []
    opts = [o.strip() for o in m.group("o").split("/")]
    if len(opts) < 2 or any(not o or len(o.split()) > 4 for o in opts):
        return []
    return [Ask(_cap(pieces[0].rstrip(" :")), "choice", options=[_cap(o) for o in opts])]


PRINTED_HEAD = re.compile(r"^[-+•–*\s]*(?P<l>[^\W\d_][^:…/()\d]{1,39}?)\s*:\s*(?P<v>[^\W\d_][^:…]*?/.*)$")
# where the next label begins after a label's printed options: a capitalised word, a few more, then its colon or blank
NEXT_LABEL = re.compile(r"\s+(?=[A-ZĐÀ-Ỹ][^\s:/…]*(?:\s[^\s:/…]+){0,5}?\s*(?::|…|\.{2,}|_{2,}))")
OPTION = re.compile(r"^[^\W\d_][^\W\d_]*(?:\s[^\W\d_]+){0,3}$")


def printed_options(text: str) -> list[Ask]:
    """A label whose answers are printed after it between slashes, to cross out or ring ('Giới tính: Nam/Nữ'), the
    line going on with other labelled blanks ('Giới tính: Nam/Nữ Ngày sinh: ……/……/……') → a choice of those answers,
    then the asks of the rest of the line. [] unless two to six answers, each of one to four words, no level of
    a place ('Tuyến: Tỉnh/Thành phố': filled in)."""
    m = PRINTED_HEAD.match(text.strip().rstrip(" .;"))
    if not m or len(m.group("l").split()) > 6:
        return []
    value = m.group("v")
    cut = next((c for c in NEXT_LABEL.finditer(value) if "/" in value[:c.start()]), None)
    printed, rest = (value[:cut.start()], value[cut.end():]) if cut else (value, "")
    opts = [o.strip() for o in printed.split("/")]
    if not 2 <= len(opts) <= 6 or not all(OPTION.match(o) for o in opts) or ADMIN_LABEL.match(printed.strip()):
        return []  # ('Tuyến trực thuộc: Tỉnh/Thành phố': a level filled in)
    after = (field_line_asks(rest) or [Ask(_cap(x), *label_type(x)) for x in blank_fields(rest)]) if rest else []
    if rest and not after:
        return []
    return [Ask(_cap(m.group("l")), "choice", options=[_cap(o) for o in opts]), *after]


PLACE_AT = re.compile(r"(?:^|(?<=\s))(?P<l>(?:Tỉnh|Thành phố|TP|Huyện|Quận|Thị xã|Thị trấn|Xã|Phường|Thôn|Xóm|Ấp|Bản|Làng|"
                      r"Tổ dân phố|Khu phố|Khối)(?:\s*/\s*[^\W\d_]+(?:\s[^\W\d_]+)?)?)\s*:")


def place_pairs(text: str) -> list[Ask]:
    """Places by their level on one line, each after its colon, filled in already or left blank ('Xã: Tân Lập Thôn:
    Đồng Tâm', 'Huyện: …… Xã: ……') → one line of text a place, a printed name its help. [] unless the line opens
    with such a label and holds two or more, each value a few words."""
    s = text.strip().lstrip("-+•–* ").rstrip(" .;")
    hits = list(PLACE_AT.finditer(s))
    if len(hits) < 2 or hits[0].start() != 0:
        return []
    out = []
    for h, nxt in zip(hits, [*hits[1:], None], strict=True):
        value = s[h.end(): nxt.start() if nxt else len(s)].strip(" ,;")
        printed = GAPS.sub(" ", value).strip(" ,;:")
        if len(printed.split()) > 6 or re.search(r"[.;?!]|\d", printed):
            return []
        out.append(Ask(h.group("l"), "text", help=[f"Điền sẵn: {printed}."] if printed else []))
    return out


def period_ends(text: str) -> list[Ask]:
    """'Kỳ hạn từ …/…/20xx đến …/…/20xx', 'Thời gian: từ ngày … tháng … đến ngày … tháng …' → the period's two ends,
    each a date ('Kỳ hạn: từ ngày', 'Kỳ hạn: đến ngày'); [] for any other line."""
    return [Ask(x, "date") for x in date_range(text)]


AFTER_BLANK = re.compile(r"(?<=[…._])\s+(?=[A-ZĐÀ-Ỹ(])")
LED_LABEL = re.compile(r"^.*:\s+(?=[A-ZĐÀ-Ỹ][^:…_]{1,40}:\s*[…._][…._\s]*$)")
CAPS_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ]{2,}\s+){2,}(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])")  # 'THẺ HỘI VIÊN Số ……': the card's name


def card_fields(text: str) -> list[Ask]:
    """A card or a certificate copied as one long line, its fields one after another, the print's cells parted by
    '|' ('… | THẺ HỘI VIÊN Số……(1) … cấp cho: Họ và tên: …… Giới tính: Nam/Nữ Sinh ngày … tháng … năm … Nơi cư trú:
    …… Cấp ngày … CHỦ TỊCH |') → the line cut after each blank, before the capital of the next label, each piece read
    as a field line of its own (the words before the last '|' with a blank are the card's other side). [] unless
    three asks or more."""
    cells = [c for c in text.split("|") if BLANK_IN.search(c)]
    if "|" not in text or len(cells) != 1 or len(BLANK_IN.findall(cells[0])) < 4:
        return []
    pieces = AFTER_BLANK.split(CAPS_NAME.sub("", cells[0].strip()))
    if len(pieces) < 3:
        return []
    out: list[Ask] = []
    for piece in pieces:
        if not BLANK_IN.search(piece):
            continue
        piece = LED_LABEL.sub("", piece)  # '(1) Cục … cấp cho: Họ tên: ……': the label, not the words leading to it
        got = field_line_asks(piece) or [Ask(_cap(x), *label_type(x)) for x in blank_fields(piece)]
        out.extend(a for a in got if not any(a.prompt == b.prompt for b in out))
    return out if len(out) >= 3 else []


GROUP_SPLIT = re.compile(r"[,;]\s+(?=(?P<h>\w+(?:\s\w+)?)\b)")


def labelled_groups(text: str) -> list[Ask]:
    """'Đại diện A …… người (ghi rõ …), đại diện B …… người (…), đại diện C: …… người (…)' → an ask per group."""
    s = text.strip().lstrip("-+•–* ").rstrip(" .;")
    words = fold(s).split()
    head = next((h for h in GROUP_HEADS if " ".join(words[: len(h.split())]) == fold(h)), None)
    if head is None:
        return []
    parts = _split_at_head(s, head)
    if len(parts) < 2:
        return []
    out = []
    for p in parts:
        m = re.match(rf"^(?P<l>[^…]+?)\s*:?\s*{GAP}[\s….:_]*(?P<u>[^\s(]+)?\s*(?P<n>\([^()]*\))?$", p.strip())
        if not m or len(m.group("l").split()) > 14:
            return []
        unit, note = m.group("u"), m.group("n")
        if unit and not COUNT_UNITS.match(unit):
            return []
        label = _cap(m.group("l"))
        typ = "text" if note and NAMES_ASKED.search(note) else "integer"
        out.append(Ask(f"{label} {note}" if note else label, typ, unit if typ == "integer" else None))
    return out


def _split_at_head(s: str, head: str) -> list[str]:
    """The line cut before each repeat of its first words (outside parentheses)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        depth += (ch == "(") - (ch == ")")
        if ch in ",;" and depth == 0 and fold(s[i + 1 :].lstrip()).startswith(fold(head) + " "):
            out.append(s[start:i])
            start = i + 1
    out.append(s[start:])
    return [p.strip() for p in out if p.strip()]


RATIO = re.compile(r"(?i),?\s+(?=trên tổng số\b)|,\s*(?=chiếm(?:\s+tỷ lệ)?\b)")


def share_of_total(text: str) -> list[Ask]:
    """'Đại diện …… hộ gia đình trên tổng số hộ …… gia đình …, chiếm tỷ lệ …… %' → the count, the total, the rate."""
    s = text.strip().lstrip("-+•–* ").rstrip(" .;")
    parts = RATIO.split(s)
    if len(parts) != 3 or not all(GAPS.search(p) for p in parts) or "%" not in parts[2]:
        return []
    count = _cap(GAPS.sub(" ", parts[0]))
    total = _cap(re.sub(r"(?i)^trên\s+", "", GAPS.sub(" ", parts[1])))
    rate = _cap(GAPS.sub(" ", parts[2]).replace("%", ""))
    if any(len(x.split()) > 25 or not x for x in (count, total, rate)):
        return []
    return [
        Ask(" ".join(count.split()), "integer"),
        Ask(" ".join(total.split()), "integer"),
        Ask(" ".join(rate.split()), "percent", "%"),
    ]


BOX_FIRST = re.compile(r"^(?P<l>[^□☐:]{2,80}?)\s*[:?]?\s*(?P<o>(?:[□☐]\s*[^□☐]+?\s*){2,})$")


BOX_AFTER = re.compile(r"^(?P<l>[^□☐\[\]:]{2,80}?)\s*[:?]\s*(?P<o>(?:[^□☐\[\]:]+?\s*(?:[□☐❑◻▢]|\[\s*\])[\s.;,]*){2,})$")
AFTER_BOX = re.compile(r"\s*(?:[□☐❑◻▢]|\[\s*\])[\s.;,]*")


def boxes_after(text: str) -> list[Ask]:
    """'Hình thức đánh giá: Tự đánh giá □ Đánh giá của cơ quan quản lý □', 'Công đoàn: Đã thành lập [ ] Chưa thành
    lập [ ]' → a choice of the words before each box (yes/no for Có, Không); the options, of several words, are its
    help too."""
    m = BOX_AFTER.match(text.strip().lstrip("-+•–* ").rstrip(" .;"))
    opts = [_cap(o) for o in AFTER_BOX.split(m.group("o")) if o.strip(" .;,")] if m else []
    if len(opts) < 2 or any(len(o.split()) > 10 or GAPS.search(o) for o in opts) or len(m.group("l").split()) > 12:
        return []
    label = _cap(m.group("l"))
    if {fold(o) for o in opts} == {"co", "khong"}:
        return [Ask(label, "yesno")]
    kind = "multichoice" if MANY.search(text) else "choice"
    return [Ask(label, kind, help=[" / ".join(opts)] if any(len(o.split()) > 1 for o in opts) else [], options=opts)]


def boxed_choice(text: str) -> list[Ask]:
    """'Độ tuổi: □ Dưới 30 □ Từ 30 đến 50 □ Trên 50' → a choice of the boxes' words (yes/no for Có, Không)."""
    m = BOX_FIRST.match(text.strip().rstrip(" .;"))
    if not m:
        return boxes_after(text)
    opts = [_cap(GAPS.sub(" ", o)) for o in re.split(r"[□☐]", m.group("o")) if o.strip(" .;,")]
    if len(opts) < 2 or any(len(o.split()) > 10 for o in opts):
        return []
    label = _cap(m.group("l"))
    if {fold(o) for o in opts} == {"co", "khong"}:
        return [Ask(label, "yesno")]
    return [Ask(label, "multichoice" if MANY.search(text) else "choice", options=opts)]


RATED = re.compile(
    rf"^(?P<l>[^:…;]{{2,60}}?)\s*:?\s*{GAP}[\s….]*(?P<u>[^\s,;…]{{1,12}})?\s*,\s*chiếm(?:\s+tỷ\s+lệ)?\s*:?\s*{GAP}[\s….]*%$",
    re.I,
)


def counts_with_rates(text: str) -> list[Ask]:
    """'Biểu quyết: Tán thành: …… đ/c, chiếm …… %; không tán thành: …… đ/c, chiếm …… %' → for each part its count
    and its rate ('Tỷ lệ tán thành'); the head before the first part ('Biểu quyết') is their help."""
    s = text.strip().lstrip("-+•–* ").rstrip(" .;")
    head, parts = "", [p.strip() for p in s.split(";") if p.strip()]
    m0 = re.match(r"^(?P<h>[^:…;]{2,40}):\s*(?=[^:…;]{2,60}:)", parts[0]) if parts else None
    if m0:
        head, parts[0] = m0.group("h").strip(), parts[0][m0.end() :]
    out = []
    for p in parts:
        m = RATED.match(p)
        if not m:
            return []
        label = _cap(m.group("l"))
        rated = re.sub(r"(?i)^số\s+", "", label)  # 'Số phiếu đồng ý' → 'Tỷ lệ phiếu đồng ý'
        help_ = [head] if head else []
        out += [
            Ask(label, "integer", m.group("u"), help=list(help_)),
            Ask(f"Tỷ lệ {rated[:1].lower()}{rated[1:]}", "percent", "%", help=help_),
        ]
    return out


NOTED = re.compile(r"^(?P<l>[^:()…]{2,40}?)\s*:\s*\((?P<n>[^()]{3,120})\)\s*[.;]?$")
TIME_LABEL = re.compile(r"(?i)^(?:thời gian|thời điểm)\b")
EACH = re.compile(r"(?i)^(?:ghi|nêu|liệt kê)\s+(?:rõ\s+)?từng\b")


def noted_field(text: str) -> list[Ask]:
    """'Thời gian: (ghi cụ thể ngày, giờ tổ chức)' → a date; 'Địa điểm: (nơi diễn ra …)' → a line of text: a label
    whose blank is its guidance in parentheses (the guidance its help)."""
    m = NOTED.match(text.strip().lstrip("-+•–* "))
    if not m:
        return []
    label, note = _cap(m.group("l")), m.group("n").strip()
    if TIME_LABEL.match(label) and re.search(r"(?i)\b(?:ngày|giờ)\b", note):
        typ, unit = "date", None
    elif EACH.match(note):
        typ, unit = "list", None  # '(Ghi từng nội dung chính …)': one row each
    elif re.search(r"(?i)\bhọ,?\s*(?:và\s+)?tên\b", note) and len(label.split()) <= 6:
        typ, unit = "text", None  # 'Chủ trì cuộc họp: (ghi rõ họ, tên, chức danh …)': who
    elif NAME_LABEL.match(label) or _label_type(label)[0] != "text":
        typ, unit = _label_type(label)
    else:
        return []  # 'Kết quả: (nêu rõ số liệu)': an outline's ask and its guidance, read as such elsewhere
    return [Ask(label, typ, unit, help=[note[:1].upper() + note[1:]])]


NAMED = re.compile(r"(?i)^(?P<h>họ (?:và )?tên)\s+(?P<w>\S.*?)[\s.;]*$")
MANY_PEOPLE = re.compile(
    r"(?i)^(?:các\s+|những\s+)?(?:đại biểu|khách mời|đảng viên|thành viên|người tham dự|hội viên)\b"
)


def names_asked(text: str) -> list[Ask]:
    """'Họ và tên người chủ trì, thư ký' → one name each; 'Họ và tên đại biểu khách mời (nếu có)' → a list of names."""
    m = NAMED.match(text.strip().lstrip("-+•–* "))
    if not m or BLANK_IN.search(text) or ":" in text:
        return []
    who = m.group("w")
    if MANY_PEOPLE.match(who):
        return [
            Ask(_cap(text.strip().lstrip("-+•–* ").rstrip(" .;")), "list", fields=["Họ và tên", "Chức vụ"])
        ]
    roles = [r.strip() for r in re.split(r",\s*|\s+và\s+", re.sub(r"\s*\([^()]*\)", "", who)) if r.strip()]
    if len(roles) < 2 or any(
        len(r.split()) > 5 or NAME_LABEL.match(r) or _label_type(r)[0] != "text" for r in roles
    ):
        return []
    head = m.group("h")[:1].upper() + m.group("h")[1:]
    return [Ask(f"{head} {r}", "text") for r in roles]


BLANK_IN = re.compile(GAP)
LISTED = re.compile(r"^(?P<h>[^:()]{3,80}?)\s*:\s*(?P<r>[^:…]{10,400}?)[\s.;]*$")
IDENTITY = re.compile(r"(?i)^(?:website|trang web|fax|e-?mail|mã số thuế|số tài khoản|lĩnh vực)\b")


# a verb leading to the first field ('báo cáo đầy đủ số ca mắc, số ca tử vong, …'): no part of its label
LEAD_VERB = re.compile(r"(?i)^(?:báo cáo|nêu|ghi)(?:\s+(?:rõ|đầy đủ|cụ thể))?\s+(?=(?:tổng\s+)?số\b|tỷ lệ\b)")


def listed_fields(text: str) -> list[Ask]:
    """'Thông tin chung về doanh nghiệp: Tên doanh nghiệp; địa chỉ, điện thoại, fax, email, …; ngành, nghề kinh doanh
    chính' → one line of text per field it names (most of them a form's known fields); the head is their help."""
    m = LISTED.match(text.strip().lstrip("-+•–* "))
    if not m or BLANK_IN.search(text):
        return []
    pieces = [LEAD_VERB.sub("", p.strip()) for p in re.split(r"\s*[;,]\s*", m.group("r")) if p.strip()]
    items: list[str] = []
    for p in pieces:  # 'ngành, nghề kinh doanh chính': one word before a comma goes with what follows
        if items and len(items[-1].split()) == 1 and not _known(items[-1]):
            items[-1] = f"{items[-1]}, {p}"
        else:
            items.append(p)
    known = sum(1 for i in items if _known(i))
    if (
        len(items) < 4
        or 2 * known < len(items)
        or any(len(i.split()) > 12 or re.search(r"[.?!()]", i) for i in items)
    ):
        return []
    head = _cap(m.group("h"))
    return [Ask(_cap(i), *_label_type(_cap(i)), help=[head] if k == 0 else []) for k, i in enumerate(items)]


ATTRIBUTES = ("chức vụ", "đơn vị", "địa chỉ", "năm sinh", "lý do")
NAMES_PART = re.compile(r"(?i)^họ,?\s*(?:và\s+)?tên\b")
COUNT_PART = re.compile(r"(?i)^(?:ghi rõ\s+|nêu rõ\s+)?(?P<c>(?:tổng\s+)?số(?:\s+lượng)?\s+\S.*)$")


def count_and_names(text: str) -> list[Ask]:
    """'Ghi rõ số lượng đảng viên vắng; họ, tên và lý do đảng viên đó vắng' → how many, and who (a list)."""
    parts = [p.strip(" .") for p in text.strip().lstrip("-+•–* ").split(";") if p.strip(" .")]
    if not 2 <= len(parts) <= 4 or BLANK_IN.search(text) or not any(NAMES_PART.match(p) for p in parts):
        return []
    out = []
    for p in parts:
        counted = COUNT_PART.match(p)
        if NAMES_PART.match(p):
            extra = [_cap(a) for a in ATTRIBUTES if re.search(rf"(?i)\b{a}\b", p)]
            out.append(Ask(_cap(p), "list", fields=["Họ và tên", *extra]))
        elif counted and len(p.split()) <= 14:
            out.append(Ask(_cap(counted.group("c")), "integer"))
        else:
            return []
    return out


def _known(label: str) -> bool:
    return bool(NAME_LABEL.match(label) or IDENTITY.match(label) or IDENTIFIER.match(label)) or _label_type(
        label
    )[0] in (
        "date",
        "integer",
    )


NOTE_NAMED = re.compile(
    rf"^(?:(?P<l>[^:()…]{{2,40}}?)\s*:\s*)?{GAP}[\s….:_]*\((?P<n>(?i:tên|họ (?:và )?tên|địa chỉ|chức vụ|chức danh|"
    rf"số|ngày|năm|nơi|đơn vị|cơ quan)\b[^()]{{0,60}})\)[\s.;,]*$"
)


def note_named_blank(text: str) -> list[Ask]:
    """'…… (tên công trình)' → an ask 'Tên công trình': a blank named by the note after it (a line of text, a date,
    a figure by the note's words); 'Công trình: …… (tên công trình)' → the label asks, the note its help."""
    m = NOTE_NAMED.match(text.strip().lstrip("-+•–* "))
    if not m:
        return []
    note = _cap(m.group("n"))
    label = _cap(m.group("l") or "")
    if label and len(label.split()) > 8:
        return []
    typ, unit = _label_type(note)
    return [Ask(label, typ, unit, help=[note])] if label else [Ask(note, typ, unit)]


CONTACT = re.compile(r"(?i)^(?:địa chỉ|địa điểm|trụ sở|điện thoại|số điện thoại|fax|e-?mail|hộp thư|website|trang tin|"
                     r"cổng thông tin|mã số thuế)\b")


def contact_fields(text: str) -> list[Ask]:
    """'- Địa điểm trụ sở chính, điện thoại, fax; địa chỉ trang tin điện tử;' → one line of text per particular: a
    list of how to find the unit (address, telephone, fax, e-mail, website), each to write, none a blank shown."""
    s = text.strip().lstrip("-+•–* ").rstrip(" ;.")
    if BLANK_IN.search(s) or ":" in s:
        return []
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*", s) if p.strip()]
    if len(parts) < 3 or any(len(p.split()) > 6 or not CONTACT.match(p) for p in parts):
        return []
    return [Ask(_cap(p), "text") for p in parts]


BLANK_IN = re.compile(GAP)


def field_line_asks(text: str) -> list[Ask]:
    """The asks of a form's field line (see the module's notes); [] when the line is none of these."""
    return (
        guided_fields(text, label_type)
        or issued_paper(text)
        or note_named_blank(text)
        or field_sentence(text, label_type)
        or counts_in_sentence(text)
        or people_blank(text)
        or names_below(text)
        or boxed_tail(text, person_fields, boxed_choice)
        or yes_with_detail(text)
        or bracketed_parts(text)
        or contact_fields(text)
        or noted_field(text)
        or names_asked(text)
        or listed_fields(text)
        or count_and_names(text)
        or counts_with_rates(text)
        or share_of_total(text)
        or labelled_groups(text)
        or period_ends(text)
        or place_pairs(text)
        or slashed_choice(text)
        or printed_options(text)
        or boxed_choice(text)
        or person_fields(text)
        or colon_blanks(text, blank_fields, label_type)
        or named_placeholders(text)
        or card_fields(text)
    )
