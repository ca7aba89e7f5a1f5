"""Forms: answer options under a question, labelled blanks, a form's 'Label: value' lines.

- Options: a question (or a heading) followed only by short lines without numbering ('Rất hài lòng', 'Hài lòng',
  …, or '0 lần', '01 lần') is one choice question; 'Có'/'Không' alone make it a yes/no question.
- Blanks: 'Khối (xóm)…………… phường (xã)……………' holds two questions, one per labelled blank.
- Filled forms: '- Phía Đông giáp: Đất ruộng bậc thang.' asks 'Phía Đông giáp' (the value is one unit's answer);
  a run of such lines in a form's head ('Tên cơ sở: …', 'Địa chỉ: …', 'Điện thoại: …') asks each label."""

from __future__ import annotations

import re

from dialogs.importer.cited_papers import cited_papers
from dialogs.importer.form_labels import counted_blank, date_range, fields_not_options
from dialogs.importer.lexicon import (
    BLANK_RUN,
    FOOTNOTE_DIGIT,
    IDENTIFIER,
    IN_WORDS,
    NAME_LABEL,
    PEOPLE_LABEL,
    UNIT_WORDS,
)
from dialogs.importer.structure import parse_marker
from dialogs.text import fold

BLANK = re.compile(r"(?:…|\.{3,}|_{3,}|-{4,}|\.(?:\s\.){3,})(?:[….\s]*(?:…|\.))*")  # a run spaced out ('… . . . .') is one
YESNO_WORDS = {"co", "khong", "co □", "khong □", "□ co", "□ khong"}
INSTRUCTION = re.compile(r"^(?:nêu|ghi|báo cáo|đánh giá|làm rõ|liệt kê|cụ thể|trong đó|gồm|bao gồm|tổng hợp|xem|"
                         r"theo|đề nghị|yêu cầu|thực hiện|căn cứ)\b", re.I)
NOT_A_FIELD = re.compile(r"^(?:kinh gui|noi nhan|v/v|ve viec|so$|can cu|luu y|chu y|ghi chu|ngay nhan bao cao|"
                         r"ngay nop bao cao|don vi bao cao|don vi nhan|don vi gui|don vi tinh|thoi gian|thoi han|"
                         r"ban hanh theo|ky bao cao|bao cao nam|trong do|cu the|vi du|tai lieu|nguon|tu khoa|"
                         r"so hieu|loai van ban|noi ban hanh|nguoi ky|ngay ban hanh|ngay hieu luc|tinh trang$|"
                         r"tinh trang hieu luc|"
                         r"ngay cong bao|so cong bao|linh vuc|hom nay|hom qua|tuan nay|thang nay|tat ca)\b")


BREAKDOWN_LABEL = re.compile(r"^(?:trong đó|chia ra|gồm|bao gồm|cụ thể)\s*:?\s*$", re.I)


def yesno_line(line: str) -> bool:
    """'Có                   Không', 'Có □  Không □', '□ Có □ Không', 'Có: Không:': the two boxes of a yes/no answer on one line."""
    words = fold(line).replace("□", " ").replace("☐", " ").replace(":", " ").split()
    return words == ["co", "khong"]  # in this order: 'Không có' is an answer ('none'), not the two boxes


def blank_only(line: str) -> bool:
    """'…………………………': the answer space of the label above it."""
    s = line.strip()
    return bool(s) and bool(BLANK.search(s)) and not re.sub(r"\(\d{1,2}\)|[\s.…_/,;:-]", "", s)  # a numbered blank too


def _words(s: str) -> int:
    return len(s.split())


def is_option(line: str) -> bool:
    s = line.strip()
    if not s or _words(s) > 6 or s.endswith((":", "?", ";")) or parse_marker(s) or BLANK.search(s):
        return False
    if s.startswith("⟦ask:"):  # a questionnaire's item already read (dialogs/importer/surveys.py)
        return False
    return sum(c.isalpha() for c in s) >= 2 or bool(re.fullmatch(r"\d{1,2}\s*\S+.*", s))


BOX = re.compile(r"^\s*[□☐❑◻▢]\s*")
# several boxes may be ticked: 'chọn nhiều', '(đánh dấu vào các ô phù hợp)', 'tích tất cả các phương án đúng'
MANY = re.compile(r"\b(?:chọn nhiều|có thể chọn|một hoặc nhiều|nhiều lựa chọn|đánh dấu nhiều|"
                  r"(?:các|những|mọi|tất cả(?: các)?) (?:ô|phương án|lựa chọn|ý|đáp án) (?:phù hợp|thích hợp|đúng))\b", re.I)


BOX_AT = re.compile(r"\s*(?=[□☐❑◻▢])")
EMPTY_BOX = re.compile(r"^\s*(?:\(\s+\)|\[\s*\])\s*\S")


def _box_pieces(line: str) -> list[str]:
    """'□ Rất hài lòng □ Hài lòng □ Không hài lòng': the boxes one line holds, a piece each (a line that begins with
    its box); any other line as it is."""
    line = re.sub(r"\(\s+\)|\[\s*\]", "□", line) if EMPTY_BOX.match(line) else line  # '( ) Tốt ( ) Khá', '[ ] Có'
    pieces = [p for p in BOX_AT.split(line) if p.strip()]
    return pieces if BOX.match(line) and len(pieces) >= 2 else [line]


WRITE_IN = re.compile(r"\s*(?:…|\.{3,}|_{3,})[….\s_]*$")  # an answer's own blank to write in ('Khác ……')
LOOSE_WORDS = 15


def _unbracketed(text: str) -> str:
    """The text without its words in parentheses, nested ones too ('khác (phà, tàu điện (light rail))' → 'khác')."""
    while (bare := re.sub(r"\s*\([^()]*\)", "", text)) != text:
        text = bare
    return text


def _asked_options(prompt: str, opts: list[str]) -> bool:
    """The lines under a question that ends with '?' are its answers when three or more, none a sentence, a
    number or a label, at least half of them short options and the rest short enough (their words in
    parentheses not counted; a blank to write in at the end allowed)."""
    if not prompt.rstrip().endswith("?") or len(opts) < 3 or fields_not_options(prompt, opts):
        return False
    loose = [_unbracketed(WRITE_IN.sub("", o)) for o in opts]
    return (2 * sum(is_option(o) for o in opts) >= len(opts)
            and all(is_option(o) or (_words(o) <= LOOSE_WORDS and not BLANK.search(o)
                                     and not o.endswith((":", "?", ";")) and not re.search(r"[.!?]\s", o)
                                     and not parse_marker(o)) for o in loose))


def boxed_options(prompt: str, lines: list[str]) -> tuple[str, list[str]] | None:
    """'□ Đánh giá thường niên.' / '□ Khác (ghi rõ): ……' under a question: its options, the boxes' words (a blank
    line for 'Khác' goes with it); 'multichoice' when the question says several may be ticked."""
    texts = [t for ln in lines if ln.strip() and not blank_only(ln) for t in _box_pieces(ln.strip())]
    if len(texts) < 2 or not all(BOX.match(t) for t in texts):
        return None
    opts = [re.sub(r"\s*\([^()]*\bghi rõ\b[^()]*\)|[\s:.;]*$", "", BLANK.sub("", BOX.sub("", t))).strip(" .:;")
            for t in texts]
    opts = [o[0].upper() + o[1:] for o in opts if o]
    return ("multichoice" if MANY.search(prompt) else "choice", opts) if len(opts) >= 2 else None


def _variant(opt: str, opts: list[str]) -> bool:
    """'XĐ tuổi thật (Sai từ 2 ĐT)' among 'XĐ tuổi thật (Đúng tất cả)', …: a longer option (up to 8 words) is one of
    a set that begins with the same two words and differs in what follows (the variants of one answer)."""
    leads = {tuple(fold(o).split()[:2]) for o in opts}
    return (len(opts) >= 2 and len(leads) == 1 and len(opt.split()) <= 8 and len(opt.split()) > 2
            and is_option(" ".join(opt.split()[:6])) and not BLANK.search(opt))


def options_of(prompt: str, lines: list[str]) -> tuple[str, list[str]] | None:
    """('choice' | 'yesno', options) when the lines under a question are its answer options."""
    boxed = boxed_options(prompt, lines)
    if boxed is not None:
        return boxed
    opts = [ln.strip().rstrip(".") for ln in lines if ln.strip()]
    if _asked_options(prompt, opts):  # a question's answers may be longer, one written in ('Taxi ……')
        opts = [WRITE_IN.sub("", o).strip(" .:") for o in opts]
    elif not opts or not all(is_option(o) or _variant(o, opts) for o in opts) or fields_not_options(prompt, opts):
        return None
    folded = {fold(o) for o in opts}
    if folded <= YESNO_WORDS:
        return "yesno", []
    if len(opts) < 2:
        return None
    return "choice", opts


FILLED_FIGURE = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{3})*(?P<d>,\d+)?)\s*(?P<p>%)?(?:\s*\([^()]*\))?$")
FILLED_YESNO = re.compile(r"^\(?(?:có|không|chưa|đã)\b[^()]{0,20}?\)?(?:\s*\([^()]*\))?$", re.I)


# a figure in its unit of measure ('12.395,9 ha', '44,7 tạ/ha', '102,5 tấn'): a measure, a decimal whatever its digits
FILLED_MEASURE = re.compile(r"^(?P<n>\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\s*(?P<u>[^\W\d_][^\d()]{0,20}?)$")
COUNTED_UNITS = ("con", "người", "hộ", "lượt", "chiếc", "cái")


def value_unit(value: str) -> str | None:
    """The unit of measure a filled value is written in ('12.395,9 ha' → 'ha'); None for a bare figure or words."""
    m = FILLED_MEASURE.match(value.strip(" .;"))
    return m.group("u") if m and UNIT_WORDS.match(m.group("u")) else None


def value_type(value: str) -> str | None:
    """What a value filled into a form says its field asks: '15 (mới XD)' a count, '86,4%' a rate, '3,5' a decimal,
    '12.395,9 ha' a measure, 'Có (tốt)' / '(chưa)' a yes or no; None for words ('Đốt (hố lấp)')."""
    v = value.strip(" .;")
    m = FILLED_FIGURE.match(v)
    if m:
        return "percent" if m.group("p") else "decimal" if m.group("d") else "integer"
    unit = value_unit(v)
    if unit and re.fullmatch(r"(?i)(?:nghìn |triệu |tỷ )?đồng", unit):
        return "money"
    if unit:
        return "integer" if unit.lower() in COUNTED_UNITS and "," not in v else "decimal"
    return "yesno" if FILLED_YESNO.match(v) else None


def filled_field(text: str) -> tuple[str, str] | None:
    """'Phía Đông giáp: Đất ruộng bậc thang.' → ('Phía Đông giáp', 'Đất ruộng bậc thang'); None when the text after
    the colon is an instruction, a blank or long prose."""
    m = re.match(r"^(?P<l>(?:[^:()]|\([^():]{1,30}\)){2,80}?)\s*(?:\(\d{1,2}\))?\s*:\s*(?P<v>.+?)\s*$", text.strip())
    if not m:
        return None
    label, raw = m.group("l").strip(" -–+•"), m.group("v")
    value = raw.strip(" .;")
    if BLANK.search(raw) or ".." in raw:
        return None
    # a long label is still a field when what follows it is a figure, a 'Có' or a word or two ('03 GV', 'Tốt')
    most = 14 if value_type(value) or (_words(value) <= 2 and (value[:1].isupper() or value[:1].isdigit())) else 9
    bare = re.sub(r"\([^()]*\)", "", label)
    if not label or _words(bare) > most or not label[0].isupper() or NOT_A_FIELD.match(fold(label)):
        return None
    longest = 30 if re.match(r"(?i)tên\s", label) else 14  # a name filled in may be long ('Tên đề tài: Xây dựng …')
    if not value or BLANK.search(value) or INSTRUCTION.match(value) or "?" in value or _words(value) > longest:
        return None
    if not re.search(r"\d", value) and any(FIGURE_ASKED.match(p.strip()) for p in re.split(r"[,;]", value)):
        return None  # 'Công tác tuyên truyền: hình thức, số lượng tin, bài, số buổi': the figures asked
    return label, value


NEXT_LABEL = re.compile(r"(?:(?<=\s)|^)(?P<l>[A-ZĐ][A-ZĐ0-9]{1,8})\s*:\s*(?=\S)|(?:(?<=\d)|(?<=[\dA-Z/\-]{3}[A-ZĐ]))\s+(?P<m>[A-ZĐÀ-Ỹ][a-zà-ỹđ]+"
                        r"(?:\s[a-zà-ỹđ]+)?)\s*:\s*(?=\S)")


def more_fields(value: str) -> list[str]:
    """The labels of the other fields filled in on the same line: 'Nguyễn Văn A  MSSV: 6113' → ['MSSV'] (a code in
    capitals before a colon), '61  Ngành: Công nghệ' → ['Ngành'] (words after a figure or a code in capitals — '000420/SYT-GPHĐ
    Ngày cấp: 06/9/2014' → ['Ngày cấp'] — before a colon)."""
    return [m.group("l") or m.group("m") for m in NEXT_LABEL.finditer(value)]


COUNT_UNIT = re.compile(r"^(?:đ/c|đồng chí|người|hộ|con|cái|chiếc|lượt|em|cháu|học sinh)$", re.I)


CODED_END = re.compile(r"(?<=\))[.;]?\s+(?=[A-ZĐ][^()]{1,40}\()")


OF_TOTAL = re.compile(r"^\s*(?P<noun>[^\W\d][^()]{0,30}?(?:\s*\([^()]{1,30}\))?)\s+trên tổng số\s*$", re.I)


ONE_FIELD = re.compile(r"^[A-ZĐÀ-Ỹ][^…:.;?!]{2,120}:\s*" + BLANK_RUN + "$")
# 'Số cá nhân đăng ký chiến sĩ thi đua cơ sở: ………… người': one field, its unit after the blank
ONE_FIELD_UNIT = re.compile(r"^[A-ZĐÀ-Ỹ][^…:.;?!]{2,120}:\s*" + BLANK_RUN + r"\s*(?P<u>[^\W\d_][^\W\d_ /]*(?:[ /][^\W\d_]+)?)\.?$")


def _one_field(s: str) -> bool:
    """A line that is one label, its blank and maybe the blank's unit: a longer label is still one field."""
    if ONE_FIELD.match(s):
        return True
    m = ONE_FIELD_UNIT.match(s)
    return bool(m) and m.group("u").islower() and bool(COUNT_UNIT.match(m.group("u")) or UNIT_WORDS.match(m.group("u")))


# a person's field label glued after other words ('… Các thông tin chung về hộ Họ và tên chủ hộ ……'): from its capital
GLUED_LABEL = re.compile(r"(?<=[^\W\d_])\s+(?P<t>(?:Họ và tên|Họ tên|Địa chỉ|Chức vụ|Nghề nghiệp|Quê quán|Dân tộc|"
                         r"Tôn giáo|Điện thoại|Ngày sinh|Năm sinh|Nơi ở|Nơi cư trú)\b[^():;.]{0,60})$")


LEAD_UNIT = re.compile(r"^\s*(?P<u>[a-zđà-ỹ]+[23²³]?(?:/[a-zđà-ỹ]+)?(?:\s[a-zđà-ỹ]+)?)(?:\s*,\s*|(?=[A-ZĐ]))(?P<r>\S.*)$")


def _unit_first(seg: str) -> tuple[str, str, str]:
    """'người, trong đó nữ: ' or 'ngườiTổng quỹ lương: ' after a blank: (the unit of the blank before, a separator,
    the next label), where the first word or two name a unit (the copy joined the unit to the next label)."""
    m = LEAD_UNIT.match(seg)
    unit = m.group("u") if m else ""
    if not m or not unit.islower() or not (COUNT_UNIT.match(unit) or UNIT_WORDS.match(unit)) or fold(unit) == "gio":
        return "", "", ""
    return unit, ",", m.group("r")


LEAD_IN = re.compile(r"(?i)\scấp cho\s*:\s*$")  # (not '… chúng tôi gồm:': the people are asked)


ETC_IN_PARENS = re.compile(r"(?<=[^\W\d_])(?:…|\.{2,})(?=\))")


def blank_fields(line: str) -> list[str]:
    """The labels of the blanks on a line: 'Khối,( xóm)……phường,( xã)……' → ['Khối (xóm)', 'Phường (xã)'].
    A form's 'Kính gửi: Chi ủy: ……' asks the addressee's blank ('Chi ủy'), not 'Kính gửi' (nor its dash: 'Kính gửi:
    – Phòng …: ……')."""
    s = re.sub(r"(?i)^kính gửi\s*:\s*(?:[-–—]\s+)?", "", line.strip())
    s = ETC_IN_PARENS.sub("", s)  # 'Ngày công các loại (cấy, gặt…):': 'and so on' inside brackets, no blank
    if not BLANK.search(s) or parse_marker(s):
        return []
    labels: list[str] = []
    total = ""
    segs = BLANK.split(s)
    for k, seg in enumerate(segs):
        unit, sep, rest = _unit_first(seg) if labels else ("", "", "")
        if not sep:
            unit, sep, rest = seg.rpartition(";")
        unit = (unit if sep else seg).strip(" .…;,")
        if labels and (COUNT_UNIT.match(unit) or UNIT_WORDS.match(unit) and fold(unit) != "gio"):
            # 'Tổng số đảng viên: …… Đ/c; Có mặt: …… Đ/c': the word after a blank is the previous label's unit
            # ('Diện tích: …… ha', 'Thu nhập: …… triệu đồng/người/năm': a measure's)
            labels[-1] += f" ({unit})"
            seg = rest if sep else ""
        of_total = OF_TOTAL.match(seg)
        if labels and of_total:  # '… có mặt … đại biểu (đoàn viên) trên tổng số … đại biểu …': two counts
            labels[-1] += " " + re.sub(r"\s*\(\s*", " (", of_total.group("noun")).replace(" )", ")").strip()
            total = of_total.group("noun")
            continue
        if total and seg.strip().startswith(total.split("(")[0].strip()):
            seg, total = f"Tổng số {seg.strip()}", ""
        seg = re.sub(r":\s*\(\d{1,2}\)\s*$", "", seg)  # 'Nơi cư trú: (2)……': a footnote's mark before the blank
        seg = re.sub(r"^\s*\(\d{1,2}\)\s*", "", seg) if labels else seg  # 'Số……(1) …': the mark of the blank before
        if k == len(segs) - 1 and LEAD_IN.search(seg):  # 'Số……(1) Cục … cấp cho:', its fields below: no field
            continue
        lab = re.sub(r"\s*,?\s*\(\s*", " (", seg).strip(" ,;:.-–")
        lab = re.sub(r"\s+\)", ")", lab)
        coded = [p.strip(" .;,:") for p in CODED_END.split(lab)]
        if len(coded) > 1 and all(p[:1].isupper() and re.search(r"\([^()]*\d[^()]*\)", p) for p in coded):
            # 'Dân tộc (1: Kinh; 2: Tày). Giới tính (nam 0; nữ 1) Loại hộ: (1: …; 2: …)': a coded choice each
            labels.extend(coded)
            continue
        if not labels and unit.islower() and "/" in unit and UNIT_WORDS.match(unit.split("/")[0].strip()):  # '…: ……đồng/sào' with no label kept before it
            continue  # (a unit, never a label)
        whole = _one_field(s)  # 'Label: ……' alone on its line: a longer label is still one field
        lead = re.match(r"^[^:]{12,}:\s*(?P<l>[^\W\d_][^:]{1,40})$", lab)
        if lead and _words(re.sub(r"\([^()]*\)", "", lab)) > (14 if whole else 8):
            lab = lead.group("l")  # 'Ông bà cho biết giá … năm 2008: Cày bừa': the last label before the blank
        glued = GLUED_LABEL.search(lab) if _words(re.sub(r"\([^()]*\)", "", lab)) > (14 if whole else 8) else None
        lab = glued.group("t") if glued and _words(glued.group("t")) <= 8 else lab
        if not lab or sum(c.isalpha() for c in lab) < 2 or _words(re.sub(r"\([^()]*\)", "", lab)) > (14 if whole else 8):
            continue
        if labels and IN_WORDS.fullmatch(lab):  # 'Ngày sinh: …… ghi bằng chữ: ……': the same field written in words
            labels.append(f"{labels[-1]} {lab[0].lower()}{lab[1:]}")
            continue
        if labels and lab.lower() == "năm" and not re.search(r"(?i)\b(?:ngày|tháng)\b", s):
            labels.append(year_of(labels[-1]))  # 'Đợt …… năm ……', 'Quý …… năm ……': the year of a period, no date's part
            continue
        if re.fullmatch(r"(?i)(?:ngày|tháng|năm|số|từ năm|đến năm|/.*)", lab) or lab.lower().endswith(" số") and not (
                lab[0].isupper() and _words(lab) >= 3 and IDENTIFIER.match(lab)):  # 'Giấy CMND số ……': a paper's number
            continue
        labels.append(lab[0].upper() + lab[1:])
    return labels


DONE_AT = re.compile(r"(?i)^(?:đã\s+|được\s+)?(?P<v>[^\W\d_][^,;:()]{2,40}?)\s+(?:tại|ở)$")


def year_of(label: str) -> str:
    """The label of a bare 'năm ……' after a blank: the year of what the label before it did at a place ('Đã học
    lái xe tại: …… năm ……' → 'Năm học lái xe'), else 'Năm'."""
    m = DONE_AT.match(label.strip())
    return f"Năm {m.group('v')[0].lower()}{m.group('v')[1:]}" if m else "Năm"


def empty_labels(line: str) -> list[str]:
    """A form's labels whose blanks the copy lost: 'Tên đơn vị:' → ['Tên đơn vị']; 'Điện thoại: Fax: Email:' →
    three labels. Each label short, beginning with a capital, not a letter's own heading ('Kính gửi:', 'Nơi nhận:')."""
    s = line.strip()
    if not s.endswith(":") or BLANK.search(s):
        return []
    parts = [FOOTNOTE_DIGIT.sub("", p).strip(" -–+•") for p in re.split(r"\s*:\s*", s)[:-1]]  # ("quận1": a note's mark)
    if not parts or any(not p or _words(p) > 10 or not p[0].isupper() or NOT_A_FIELD.match(fold(p)) for p in parts):
        return []
    return parts


DATE_BLANK = re.compile(r"(?i)(?P<time>(?:\b(?:vào\s+)?(?:lúc|hồi)\W*(?:\w{0,3}\W*)?|(?:\bvào\s*)?(?:…|\.{2,}|_{2,})[….\s_]*)giờ\W*(?:\w{0,3}\W*)?"
                        r"(?:phút\W*(?:\w{0,3}\W*)?)?)?\bngày\W*(?:\w{0,3}\W*)?tháng\W*(?:\w{0,3}\W*)?năm\b"
                        r"(?:\s*\d{0,4}(?:(?:…|\.|_)\s*)*)?")
DATE_PREP = re.compile(r"(?i)(?:^|\s)(?:từ|đến|trước|sau|sinh|cấp|ký|lập)$")


EVENT = re.compile(r"(?i)^(?:đại hội|hội nghị|cuộc họp|kỳ họp|phiên họp|buổi họp)\b[^,;:]{0,40}$")


def date_blank(text: str) -> tuple[str, str] | None:
    """A date to write in blanks, named by the words before it: 'Bắt đầu từ ngày … tháng … năm 2025' → ('Bắt đầu từ
    ngày', ''); 'Dự kiến kết thúc khóa học vào ngày … tháng … năm …' → ('Dự kiến kết thúc khóa học', '');
    'Hồi … giờ … ngày … tháng … năm …; Tổ …' → ('Ngày giờ', 'Tổ …') (the minutes' opening: when it took place).
    None for a place and a date ('Hà Nội, ngày … tháng …') or labelled blanks before the date (dated_fields)."""
    m = DATE_BLANK.search(text)
    if not m or not BLANK.search(m.group(0)):
        return None
    before = text[:m.start()]
    if BLANK.search(before) or (before.rstrip().endswith(",") and not m.group("time")):
        return None
    label = re.sub(r"(?i)(?:^|\s)(?:hôm nay|vào lúc|vào)$", "", before.strip(" ,;:-–+•")).strip(" ,;:")
    label = re.sub(r"(?i)^(?:hôm|bữa) nay\b[\s,]*", "", label)  # 'Hôm nay, vào … giờ …': the day itself, no label
    if re.fullmatch(r"(?i)từ|đến(?: hết)?|trước|sau", label):  # '… từ ngày … đến ngày … tháng …': each end a date
        label = label[0].upper() + label[1:]
    if len(label.split()) > 10 or (label and not label[0].isupper()):
        return None
    if not label and m.group("time"):  # the minutes' opening, its words kept: 'Ngày giờ (hồi … giờ … phút, ngày …)'
        said = re.sub(r"\s*(?:…|\.{2,}|_{2,})[….\s_]*", " … ", m.group(0)).strip(" ,;.")
        label = f"Ngày giờ ({said[0].lower()}{said[1:]})"
    elif not label:
        label = "Ngày"
    elif DATE_PREP.search(label) or len(label.split()) == 1:
        label += " ngày"
    elif EVENT.match(label):  # 'Đại hội Chi bộ ngày … tháng … năm …, tiến hành …': the day the meeting was held
        label = f"Ngày {label}"
    rest = text[m.end():].lstrip(" ,;.").rstrip(" ,;")  # (the blank closing the rest stays: 'tại Nhà hàng ……')
    return label, re.sub(r"(?<![.…])\.$", "", rest)


DATE_OVER_BLANK = re.compile(r"(?i)^(?P<l>ngày\b[^:…\d.]{2,40}?)\s*:?\s*(?:…|\.{2,}|_{2,})[….\s_/\-]*$")
DATE_LABEL_LEAD = re.compile(r"(?i)^ngày\b[^:…\d.]{2,40}?:\s*(?:…|\.{2,}|_{2,})")  # 'Ngày sinh: ……' heading a line


def dated_fields(line: str) -> list[str]:
    """'Tôi là: ……, sinh ngày …… tháng …… năm ……' → ['Tôi là', 'Sinh ngày']: the labelled blanks before a date,
    and the date named by its verb. A place-and-date line ('……, ngày … tháng … năm …') asks nothing. A date named
    by the words before it ('Hồi … giờ … ngày …; Tổ …: ……') → its label (date_blank), then the blanks after it.
    Papers cited by number and date ('Theo Quyết định số … ngày … tháng … năm … của …') → dialogs/importer/cited_papers.py."""
    cited = cited_papers(line)
    if cited:
        return cited
    ends = date_range(line)  # 'Thời gian …: Từ ngày … tháng … đến ngày … tháng …': the two ends
    if ends:
        return ends
    whole = DATE_OVER_BLANK.match(line.strip())
    if whole:  # 'Ngày tháng năm sinh: ……/……/……': a date's label, its blank written day/month/year
        return [whole.group("l")]
    if DATE_LABEL_LEAD.match(line.strip()) and len(labels := blank_fields(line)) > 1:
        return labels  # 'Ngày, tháng, năm sinh: …… ghi bằng chữ: ……': a date's label first, more labels after it
    named = date_blank(line)
    if named is not None:
        return [named[0], *blank_fields(named[1])]
    m = re.search(r"(?i)(?:\b(?P<verb>sinh|cấp|ký|lập|vào đảng|vào đoàn)\s+)?\bngày\b\W*(?:\w{0,3}\W*)?tháng\b", line)
    if not m:
        return []
    before = blank_fields(line[:m.start()])
    if not before:
        return []
    if not m.group("verb") and not BLANK.search(line[:m.start()].rstrip()[-1:]) and _words(before[-1]) <= 4:
        before[-1] += " ngày"  # 'Đại hội …… khai mạc ngày … tháng … năm …': the words before the date name it
    return before + ([f"{m.group('verb')[0].upper()}{m.group('verb')[1:]} ngày"] if m.group("verb") else [])


SCORE = re.compile(r"(?P<l>[A-ZĐÀ-Ỹ][^:…]{1,50}?)\s*:\s*(?:(?:…|\.|_)\s*)+/\s*(?P<of>10|20|100)\b")


LABEL_ABOVE = re.compile(r"^[^\W\d_][^:.;?!…]{1,40}$")  # a few words, no sentence: 'Thôn (tổ)', 'HUYỆN/QUẬN'
NUMBERED_BLANK = re.compile(r"^\d{1,2}[.)]?\s*(?:…|\.{3,}|_{3,})[….\s_]*$")  # '1 ………': one entry of several


def _labels_over_dots(lines: list[str], skip: set[str]) -> dict[int, str]:
    """{index of a line of dots: the short label above it} ('Thôn (tổ)' over '…………'; a label the document's name
    took in counts when it has four words or fewer)."""
    return {k: a for k, (a, s) in enumerate(zip([""] + lines, lines, strict=False)) if a and blank_only(s)
            and LABEL_ABOVE.match(a) and (fold(a) not in skip or _words(a) <= 4)}


def head_fields(lines: list[str], skip: set[str]) -> list[str]:
    """The fields a form's head asks (the lines above its first section): labelled blanks, a run of three or more
    'Label: value' lines, a run of two or more labels whose blanks the copy lost ('Tên đơn vị:' / 'Địa chỉ:'), a
    cover's 'Tên …' lines, a label over lines of dots. Lines in `skip` (the document's name) are not fields."""
    out: list[str] = []
    run: list[str] = []
    empty: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            out.extend(run)
        run.clear()

    def flush_empty() -> None:
        if len(empty) >= 2:
            out.extend(empty)
        empty.clear()

    texts = [x.strip() for x in lines if x.strip()]
    over = _labels_over_dots(texts, skip)
    for k, s in enumerate(texts):
        if k in over:  # 'TỈNH/TP' over '…………': a short label over its line of dots
            out.append(over[k])
        bare = empty_labels(s) if fold(s) not in skip else []
        if bare:  # ('Thành phần tham dự:' over its people: a list, a field on its own)
            flush()
            (out if len(bare) == 1 and PEOPLE_LABEL.search(s) else empty).extend(bare)
            continue
        if (blank_only(s) or NUMBERED_BLANK.match(s)) and len(empty) == 1:  # 'Nhận xét chung:' over dotted lines
            out.append(empty.pop())
            continue
        if empty and (IDENTIFIER.match(s) or NAME_LABEL.match(s)) and _words(s) <= 14 and not re.search(r"[.;?]$", s):
            empty.append(s)  # 'Số giấy chứng nhận …' among labels whose blanks were lost: its colon went too
            continue
        flush_empty()
        if fold(s) in skip or s.startswith("("):
            flush()
            continue
        f = filled_field(s)
        if f is not None:
            run.extend([f[0], *more_fields(f[1])])
            continue
        if re.search(r"(?i)\bngày\b.*\btháng\b", s):
            flush()
            out.extend(dated_fields(s))
            continue
        labels = [m.group("l").strip() for m in SCORE.finditer(s)] or blank_fields(s)  # marks '……/10' first
        if labels:
            if run and len(labels) == 1:  # 'Điện thoại: ……' ends a run of filled lines
                run.append(labels[0])
            else:
                flush()
                out.extend(labels)
            continue
        flush()
        if re.match(r"^Tên\s+\S", s) and _words(s) <= 8 and not s.endswith((".", ":", ";")):
            out.append(s)
    flush()
    flush_empty()
    return without_person_slots(out)


PERSON_SLOT = re.compile(r"(?i)^(?:[-–;,.\s]*(?:\(\s*(?:chức vụ|nếu có|chức danh)\s*\)|ông|bà|ông\s*/\s*bà|đồng chí|đ/c))+"
                         r"[-–;,.:\s]*")


def without_person_slots(labels: list[str]) -> list[str]:
    """A minutes' people written as blanks ('Đại diện …: ……(chức vụ), Trưởng đoàn; ……(chức vụ); - Ông: ……(chức vụ)'):
    the slots of a name and a post ('(chức vụ)', 'Ông', '(nếu có); - Ông') are no questions of their own; a label
    they lead ('(chức vụ). Đại diện tư vấn giám sát') keeps its own words."""
    out = []
    for lab in labels:
        m = PERSON_SLOT.match(lab)
        rest = lab[m.end():].strip() if m else lab
        if m and (not rest or not rest[0].isupper()):
            continue  # '(chức vụ)', 'Ông', '(chức vụ), Trưởng đoàn kiểm tra': a person's slot
        out.append(rest)
    return out


FIGURE_ASKED = re.compile(r"(?i)^(?:tổng số|số lượng|số|tỷ lệ|tỉ lệ)\s[^\d:]*$")  # no figure given
ELLIPSIS = re.compile(r"(?<=[^\W\d_])\.{3}(?=\s|$)")  # '… hệ thống loa truyền thanh...': 'and so on', not a blank
ASKING = re.compile(r"\b(?:nêu|ghi rõ|làm rõ|báo cáo|cho biết|thống kê|liệt kê|đề nghị|yêu cầu|đánh giá|phân tích|"
                    r"tập trung|kiến nghị|đề xuất|bao nhiêu|như thế nào|hay không|chưa)\b|\?", re.I)
STATED = re.compile(r"\bđã\b|\blàm tốt\b|\bcó thể\b|\d+(?:[.,]\d+)?\s*(?:m|km|m2|ha|%|người|con|tấn)\b|\b0\d\b", re.I)


ASKING_STRONG = re.compile(r"\b(?:nêu|ghi rõ|làm rõ|cho biết|liệt kê|bao nhiêu|như thế nào|hay không|chưa)\b|\?",
                           re.I)
# in a written answer 'chưa' states ('… chưa chặt chẽ'); it asks only closing a question ('… đã … chưa?')
ASKS_IN_ANSWER = re.compile(r"\b(?:nêu|ghi rõ|làm rõ|cho biết|liệt kê|bao nhiêu|như thế nào|hay không)\b|\bchưa\s*\?|\?",
                            re.I)
INSTRUCTION_START = re.compile(r"^(?:nêu|ghi|làm rõ|đánh giá|kiểm điểm|rà soát|tập trung|phân tích|báo cáo|tổng hợp|liệt kê|thống kê|"
                               r"kết quả|tình hình|công tác|việc|những|các)\b", re.I)


TOPIC = re.compile(r"(?i)^(?:những|các|một số)\s+\S+")
TOPIC_WORD = re.compile(r"(?i)^(?:những|các|một số)\s+")


def topic_list(text: str) -> bool:
    """Guidance naming what to write as a list of things, the first led by 'Những' ('Những kết quả nổi bật đã đạt
    được trong năm, những mô hình mới có thể nhân rộng, …'): two parts or more led by 'những'/'các' — not one
    unit's statement ('Chi bộ đã lãnh đạo …')."""
    parts = [p.strip() for p in re.split(r"[,;]", text)]
    return bool(re.match(r"(?i)^những\s", text)) and sum(bool(TOPIC.match(p)) for p in parts) >= 2


# a written report's paragraph opening on its own period ('Trong tháng 5/2031,', 'Trong quý I,', 'Qua 6 tháng đầu năm,')
PERIOD_OPENING = re.compile(r"(?i)^(?:trong|qua|từ đầu)\s+(?:tháng|quý|năm|tuần|kỳ|đợt|\d+\s+tháng)\b[^,.;:]{0,30},\s*\S")


def told_in_figures(text: str) -> bool:
    """'Đã tiếp 36 lượt công dân, giải quyết dứt điểm 30 vụ việc.': a short sentence of a written report telling
    what was done, with two figures or more — eight words or more, a full stop, asking nothing."""
    t = text.strip()
    return (len(t.split()) >= 8 and t.endswith(".") and bool(re.match(r"(?i)(?:đã|trong [^,]{2,30},\s*(?:\w+\s+){0,3}đã)\s", t))
            and len(re.findall(r"\d+", t)) >= 2 and not ASKING.search(t) and not BLANK.search(t))


def is_filled_answer(lines: list[str]) -> bool:
    """Lines under a heading that are one unit's written answer ('Bám sát sự chỉ đạo …, Ban Tuyên giáo đã tham mưu
    …'): statements of at least 15 words that ask nothing (a copied report, not an outline). A long statement
    in the past ('Ngay sau khi …, Bộ trưởng đã ban hành …, yêu cầu các cơ quan …') is one even when it names
    what was required of others."""
    text = ELLIPSIS.sub("", " ".join(ln.strip() for ln in lines).strip())
    if any(FIGURE_ASKED.match(ln.strip(" -+•")) for ln in lines):  # 'Tổng số …; số … đã …': figures asked
        return False
    if text.startswith("(") or BLANK.search(text) or ".." in text:
        return False
    if len(text.split()) < 15:  # a short one only when it tells what was done in figures ('Đã tiếp 36 lượt …, … 30 vụ.')
        return told_in_figures(text)
    if PERIOD_OPENING.match(text) and len(text.split()) >= 25 and not ASKING_STRONG.search(text) \
            and not re.search(r"(?i)\b(?:đề nghị|yêu cầu)\b", text):
        return True  # 'Trong tháng 5/2031, UBND tỉnh tập trung chỉ đạo …': the period's account, written
    if not ASKING.search(text):
        return bool(STATED.search(text)) and not topic_list(text)
    past = re.search(r"\bđã\b", text, re.I)
    return bool(past) and len(text.split()) >= 20 and not ASKING_STRONG.search(text) \
        and not INSTRUCTION_START.match(text)


EVALUATIVE = re.compile(r"^(?:ưu điểm|khuyết điểm|nhược điểm|hạn chế|tồn tại|hướng khắc phục|biện pháp khắc phục|"
                        r"thuận lợi|khó khăn|mặt mạnh|mặt yếu|điểm mạnh|điểm yếu)\b", re.I)
# a short line naming a report's parts asks them ('Khó khăn, vướng mắc; đề xuất, kiến nghị.'), it states nothing
PARTS_NAMED = re.compile(r"(?i)^(?:(?:các|những)\s+)?(?:ưu điểm|hạn chế|tồn tại|khó khăn|vướng mắc|nguyên nhân|bài học|"
                         r"đề xuất|kiến nghị|giải pháp|phương hướng)\b[^.]*[,;]")
ETC_DOTS = re.compile(r"(?<=[^\W\d_]{2})\.{3}$")  # '… phát triển sản xuất...': 'and so on' ending a sentence, no blank
PAREN_BLANK = re.compile(r"\(\s*(?:…|\.|_)+\s*\)")


def written_answer(heading: str, children: list[str], body: list[str]) -> bool:
    """The lines under a heading are one unit's written answer, not asks (a report copied as a model): long
    statements that ask nothing (each numbered paragraph, or most of the bullets, a filled answer), a paragraph of
    prose under a heading, or the sentences under 'Ưu điểm' / 'Khuyết điểm' / 'Hướng khắc phục' (each ending with
    a full stop, none asking). A blank in parentheses ('nghỉ học giữa kì (………)') is part of the model."""
    texts = [PAREN_BLANK.sub("", t).strip() for t in children] + [  # (a paragraph's 'sản xuất...': and so on)
        ETC_DOTS.sub(".", PAREN_BLANK.sub("", t).strip()) if not children else PAREN_BLANK.sub("", t).strip()
        for t in body]
    if not texts or any(BLANK.search(t) or ".." in t or ASKS_IN_ANSWER.search(t) or FILLED_COUNT.match(t)
                        or "⟦ask:" in t for t in texts):  # (a line an earlier pass read as an ask: asks)
        return False
    if EVALUATIVE.match(heading.strip()) and children and not body:
        # each a statement: a full stop, one that lost it to a blank in parentheses ('… giữa kì (……)') or a long one
        said = [(t.endswith(".") or PAREN_BLANK.search(r) or len(t.split()) >= 15) and not INSTRUCTION_VERB.match(t)
                and not (PARTS_NAMED.match(t) and len(t.split()) <= 10)  # '- Những tồn tại, hạn chế và nguyên nhân.'
                for t, r in zip(texts, children + body, strict=True)]
        # the last one cut off where the copy ends ('Về học sinh: Đa số các em ngoan ngoãn, lễ phép'), after two
        cut = len(said) >= 3 and all(said[:-1]) and len(texts[-1].split()) >= 6 and not re.search(r"[.?!:;)…]$", texts[-1])
        return all(said) or cut
    if body and not children:
        return is_filled_answer(body) and (len(" ".join(body).split()) >= 25 or told_in_figures(" ".join(body)))
    if body or any(len(t.split()) < 20 for t in texts):
        return False
    return 2 * sum(is_filled_answer([t]) for t in texts) >= len(texts) + (len(texts) == 1)


FILLED_COUNT = re.compile(r"(?i)^(?:tổng số|số)\s[^:;.]{3,}:\s*\d[\d.,]*(?:\s+[^\d\s.;]+){0,2}\.?$")  # 'Số …: 01'
INSTRUCTION_VERB = re.compile(r"^(?:nêu|ghi|làm rõ|đánh giá|phân tích|báo cáo|tổng hợp|liệt kê|thống kê)\b", re.I)


def explained_options(prompt: str, children: list) -> list[str] | None:
    """'Câu 13. [Tên] làm việc chủ yếu cho …?' then '(1) Kinh tế cá thể' + its explanation, '(2) …': the options."""
    if not prompt.rstrip().endswith("?") or len(children) < 2:
        return None
    if not all(c.no.startswith("(") and len(c.text.split()) <= 8 and not c.children for c in children):
        return None
    return [c.text.strip(" .:") for c in children]


CATEGORY = re.compile(r"^(?:loại hình|mô hình|lĩnh vực|hình thức|trình độ|giới tính|dân tộc|xếp loại|phân loại|"
                      r"mức độ|loại)\b", re.I)
ASKS_WORD = re.compile(r"\b(?:số|tổng|tình hình|kết quả|việc (?:thực hiện|triển khai|tổ chức)|công tác|đánh giá|nêu|"
                       r"báo cáo|thực hiện)\b", re.I)


def listed_options(prompt: str, children: list) -> list[str] | None:
    """'Loại hình kinh tế:' then '3.1. HTX', '3.2. QTDND' …: the numbered children are the answer's options when
    the heading names a category (or ends with ':') and each child is a short name that asks nothing itself."""
    p = prompt.strip()
    if len(children) < 2 or not (p.endswith(":") or CATEGORY.match(p)):
        return None
    texts = [re.sub(r"^[□☐❑◻▢]\s*|\s*[□☐❑◻▢]$", "", c.text.strip(" .;")).strip(" .;") for c in children]  # (the boxes)
    if any(c.children or c.body or c.tables for c in children):
        return None
    if any(len(t.split()) > 6 or BLANK.search(t) or ASKS_WORD.search(t) or t.endswith("?") for t in texts):
        return None
    if any(TOPIC.match(t) for t in texts) or TOPIC.match(p) and not CATEGORY.match(TOPIC_WORD.sub("", p)):
        return None  # 'Các biện pháp …:' over '- Những kiến nghị với cấp trên', '- Nhận định …': topics to write on
    return texts


def states_figures(line: str) -> bool:
    """'Toàn quốc xảy ra 208 vụ, so với tháng trước tăng 31 vụ (+17,51%).': a statement of figures one unit filled
    in under the heading that asks them (a figure with its unit, nothing asked, no blank)."""
    s = line.strip()
    return bool(re.search(r"\d[\d.,]*\s+[^\W\d_]", s)) and not ASKING.search(s) and not BLANK.search(s) \
        and not s.startswith("(")


BOXED_YESNO = re.compile(r"^(?P<q>\S.{4,}?)\s*[:?]?\s*[□☐❑◻▢]?\s*có\s*[□☐❑◻▢:]?\s*[□☐❑◻▢]?\s*không\s*[□☐❑◻▢:]?\s*$",
                         re.I)


def boxed_yesno(text: str) -> str | None:
    """'Có tổ chức … không: Có □ Không □', '… hay không? □ Có □ Không': the question of a yes/no with its boxes on
    the same line (at least one box)."""
    s = text.strip()
    m = BOXED_YESNO.match(s) if re.search(r"[□☐❑◻▢]", s) else None
    return m.group("q").strip(" :") if m else None


PERSON_LINE = re.compile(r"(?i)^(?:\d{1,2}\s*[.)/]\s*|[-+•–]\s*)?(?:ông|bà|ông\s*[\[(/]\s*bà\s*[\])]?|đồng chí|đ/c)\b"
                         r"\s*[\]):]?\s*\S")


def people_lists(lines: list[str]) -> list[str]:
    """The people present in minutes ('Chúng tôi gồm:', 'Thành phần tham dự:' then '1. Ông [Bà]: … chức vụ: …' or
    '- Bà …, chức vụ …' lines) are one list the user fills in, not one question or section per person: the
    person lines after such a label are dropped, the label stays (its type is a list, see field_type)."""
    out: list[str] = []
    after_label = False
    for line in lines:
        s = line.strip()
        if after_label and PERSON_LINE.match(s):
            continue
        after_label = bool(PEOPLE_LABEL.search(s)) or (after_label and not s)
        out.append(line)
    return out


PAPERS_HEAD = re.compile(r"^(?:kiểm tra\s+|danh mục\s+|thành phần\s+)?(?:hồ sơ|giấy tờ|tài liệu|các văn bản|văn bản)\b", re.I)
REF_BLANKS = re.compile(r"(?i)\bsố\b\s*(?:…|\.{2,}|_{2,}).*\bngày\b")
DATE_BLANKS = re.compile(r"(?:…|\.{2,}|_{2,})\s*/\s*(?:…|\.{2,}|_{2,})|(?i:\bngày\b\W*(?:…|\.{2,}|_{2,}))")


def papers_checklist(head: str, items: list[str]) -> list[tuple[str, str]] | None:
    """A checklist of papers under 'Hồ sơ …:' / 'Giấy tờ …' / 'Tài liệu …' whose bullets name documents ('- Nội quy
    PCCC.', '- Giấy chứng nhận …, số … ngày …'): whether the unit has each one (yes/no); a bullet with 'số … ngày …'
    blanks asks that reference (text), one with only a date's blanks that date. None when it is not such a list."""
    if not PAPERS_HEAD.match(head.strip()) or len(items) < 2:
        return None
    if any(len(i.split()) > 25 or i.rstrip().endswith("?") or re.search(r":\s*\S", i) or not i[:1].isupper()
           for i in items):
        return None
    out = []
    for i in items:
        prompt = re.sub(r"\s+", " ", re.sub(r"[….]*(?:…|\.{2,}|_{2,})[…._]*", " ", i)).strip(" .;,:/")
        prompt = re.sub(r"\s+([,/])", r"\1", prompt)
        typ = "integer" if counted_blank(i) else "text" if REF_BLANKS.search(i) else "date" if DATE_BLANKS.search(i) \
            else "yesno"  # ('Bản tính toán …(bản)': how many copies)
        out.append((prompt, typ))
    return out


TICK_END = re.compile(r"^(?P<q>\S.*?)\s*[□☐❑◻▢]\s*(?P<after>.*)$")


def ticked(text: str) -> tuple[str, str] | None:
    """'Hệ thống … bị tác động □': a statement to tick (one box, at or near the end) → (the statement, what follows
    the box). None for a line with several boxes or the yes/no pair (boxed_yesno)."""
    s = text.strip()
    if len(re.findall(r"[□☐❑◻▢]", s)) != 1 or boxed_yesno(s):
        return None
    m = TICK_END.match(s)
    if not m or len(m.group("q").split()) < 2:
        return None
    return m.group("q").strip(" :"), m.group("after").strip()


def ticked_ask(statement: str) -> tuple[str, list[str]]:
    """A statement to tick and its guidance: 'Báo cáo cập nhật sự cố (điền đầy đủ thông tin bên dưới)' → the
    statement, ['Điền đầy đủ thông tin bên dưới']."""
    m = re.match(r"^(?P<p>.{3,}?)\s*\((?P<g>[^()]{8,})\)$", statement)
    return (m.group("p"), [m.group("g")[0].upper() + m.group("g")[1:]]) if m else (statement, [])


def ticked_choice(items: list[str]) -> tuple[str, list[str], str | None] | None:
    """Sibling bullets each a statement with its box ('+ Ảnh hưởng đến toàn bộ khách hàng □', '+ Ảnh hưởng đến một
    số khách hàng □ …/… <Số lượng …>'): one choice → (prompt, options, the label of a figure asked after a box)."""
    ticks = [ticked(i) for i in items]
    if len(items) < 2 or not all(ticks):
        return None
    opts = [t[0] for t in ticks]
    words = [o.split() for o in opts]
    k = 0
    while all(len(w) > k + 1 and w[k] == words[0][k] for w in words):
        k += 1
    lead = " ".join(words[0][:k])
    prompt = (lead + " " + " / ".join(" ".join(w[k:]) for w in words)).strip() if k >= 2 else ""  # (else the heading's)
    extra = None
    for t in ticks:
        m = re.search(r"[<(\[](?P<l>[^<>()\[\]]{3,120})[>)\]]", t[1])
        if m and BLANK.search(t[1]):
            extra = m.group("l").strip()
    return prompt, opts, extra


SCORED = re.compile(r"^(?P<s>.{6,}?)\s*:\s*(?P<score>[^:]{0,40}?\b(?:điểm(?:\s+tối\s+đa)?|\d+\s*đ)\b[^:]{0,20})$", re.I)
NEGATION = re.compile(r"\b(?:không|chưa)\s+", re.I)


def scored_criteria(items: list[str]) -> list[tuple[str, str, list[str] | None]] | None:
    """A scoring rubric's bullets ('- … tham gia đầy đủ …: 1/2 * Điểm tối đa', '- … không tham gia đầy đủ …: 0 điểm'):
    the unit says which holds, the score is the grader's. Each statement whose negation is also listed is a yes/no
    (the negation asks nothing more); statements that are alternatives of one another ('Trưởng ban là A: …',
    'Trưởng ban là B: …', 'Chưa có …: 0 điểm') are one choice. → [(prompt, type, options)], None if not a rubric."""
    ms = [SCORED.match(i.strip()) for i in items]
    if len(items) < 2 or not all(ms):
        return None
    stmts = [re.sub(r"\s+", " ", m.group("s")).strip() for m in ms]
    folded = [fold(re.sub(r"\s*\([^()]*\)", "", s)) for s in stmts]
    negs = [i for i, s in enumerate(stmts) if NEGATION.search(s)]
    pos = [i for i in range(len(stmts)) if i not in negs]
    paired = all(fold(NEGATION.sub("", re.sub(r"\s*\([^()]*\)", "", stmts[i]), count=1)) in folded for i in negs) and pos
    if paired and len(negs) >= 1:
        return [(stmts[i], "yesno", None) for i in pos]
    return [("", "choice", stmts)]
