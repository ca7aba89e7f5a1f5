"""An ask and its type: the `Ask` record, the type guessed from a prompt's words (count, amount, percentage,
yes/no, date, a line or a page of text) and from a form's label."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dialogs.importer.lexicon import (
    ADMIN_LABEL,
    ATTRS,
    ATTRS_VI,
    BY_EACH,
    COUNT_HEAD,
    COUNT_VERB,
    DATE_LABEL,
    IDENTIFIER,
    NAME_LABEL,
    PEOPLE_LABEL,
    QUESTION_RE,
    RATE,
    TRAIL_REF,
    UNIT_WORDS,
    measure_word,
    strip_count_verb,
)
from dialogs.importer.placeholders import COUNT_UNIT_PREFIX, take_unit, unit_type
from dialogs.text import fold


@dataclass
class Ask:
    prompt: str
    type: str = "longtext"
    unit: str | None = None
    help: list[str] = field(default_factory=list)
    fields: list[str] | None = None
    guessed: str | None = None  # why the type is a guess
    table: dict | None = None
    options: list[str] | None = None  # a choice's options, where the words list them


def _rate(text: str) -> tuple[str, str | None, str | None] | None:
    """'Lượng hoá số TTHC phát sinh theo ngày', 'Số hồ sơ bình quân mỗi tháng' → an average: a decimal per period."""
    f = fold(text)
    m = RATE.search(f)
    if not m or not (re.match(r"^luong hoa\b", f) or re.search(r"\b(phat sinh|binh quan|trung binh|moi)\b", f)):
        return None
    per = {"ngay": "ngày", "tuan": "tuần", "thang": "tháng"}[m.group(1)]
    unit = measure_word(strip_count_verb(text))
    return "decimal", f"{unit or 'số'}/{per}", "số thập phân (đoán: số bình quân theo ngày/tuần/tháng)"


def guess_type(text: str) -> tuple[str, str | None, str | None]:
    """(type, unit, reason-if-guessed)."""
    if COUNT_VERB.match(text.strip()):
        return _rate(text) or guess_type(strip_count_verb(text))
    f = fold(text)
    words = f.split()
    head = " ".join(words[:5])
    if DATE_WORDS_ONLY.fullmatch(f.strip(" .,:;")):  # '…, ngày … tháng … năm …' with its blanks gone: a date
        return "date", None, None
    bare = text.strip(" .:;")
    if len(words) <= 6 and IDENTIFIER.match(bare) and not re.search(r"(?i)\b(?:đã|được)\b|\?|\ssố$", bare):
        # 'Mã số thuế', 'Số điện thoại' alone (a header's box): an identifier ('… hạ tầng số' is digital, not one)
        return "text", None, None
    if "%" in text or "ty le" in head or "ty trong" in head:
        return "percent", "%", None
    named = NAMED_UNIT.search(text) if len(words) <= 16 and not QUESTION_RE.search(f) else None
    if named and measure_unit(named.group("u")):  # 'Diện tích lúa bị ngập úng (ha)': a figure in the unit it names
        return unit_type(named.group("u").strip()), named.group("u").strip(), None
    if re.match(r"^(du toan|kinh phi|so tien|tong kinh phi|nguon kinh phi|tong so tien|von )", f) or "trieu dong" in f:
        return "money", "triệu đồng", "tiền (đoán từ «kinh phí/dự toán»)"
    if re.match(r"^(nhung|cac) (van ban|nhiem vu|de an|du an|cong trinh|thu tuc|tthc|ho so|chi tieu)\b[^,;?]{0,40}?"
                r"\b(chua|con|bi)\b", f):
        return "list", None, "danh sách (đoán từ «những … chưa …»)"
    if re.match(r"^(?:cac|nhung) (?:tai lieu|giay to|ho so)\b[^,;?]{0,60}\(neu co\)", f):
        return "list", None, "danh sách (đoán từ «các tài liệu … (nếu có)»)"  # which papers, if any
    if attribute_list(f):
        return "list", None, "danh sách (đoán từ «nêu rõ nội dung, chủ thể, thời gian…»)"
    if BY_EACH.match(text.strip()):
        return "list", None, "danh sách (đoán từ «phân loại theo từng …»)"
    if re.search(r"\b(?:de xuat|lap|gui|cung cap|tong hop)\s+(?:bo sung\s+)?(?:danh sach|danh muc)\b", f):
        return "list", None, "danh sách (đoán từ «đề xuất/lập … danh sách»)"  # 'Mở rộng …: đề xuất bổ sung danh sách …'
    if re.match(r"^(liet ke|danh muc|danh sach)", f):
        if re.search(r"\bvan ban\b", head) and "(" not in text:
            return "documents", "văn bản", None
        return "list", None, None
    if re.search(r"ghi ro so,? ngay|so,? ngay,? thang,? nam ban hanh|so,? ky hieu", f) or re.match(
        r"^(tham muu )?(ban hanh )?(cac )?van ban (chi dao|lanh dao|huong dan)", f
    ):
        return "documents", "văn bản", "danh sách văn bản (đoán)"
    if COUNT_HEAD.match(text.strip()) or re.search(r"\bbao nhieu\b", f):
        rate = _rate(text)
        if rate:
            return rate
        unit = measure_word(text)
        return "integer", unit, None if COUNT_HEAD.match(text.strip()) else "số nguyên (đoán từ «bao nhiêu»)"
    if is_yesno(text):
        return "yesno", None, "có/không (đoán)"
    if re.match(r"^(?:tong )?dien tich\b", f) and len(words) <= 16 and "(" not in text and not QUESTION_RE.search(f):
        return "decimal", None, "số thập phân (đoán từ «diện tích»; ghi đơn vị: ha, m²)"  # an area (a total too) is a measure
    return "longtext", None, None


NAMED_UNIT = re.compile(r"\S\s*\((?P<u>[^()]{1,25})\)\s*[.;:]?\s*$")  # the label's last words name its unit in brackets
DATE_WORDS_ONLY = re.compile(r"ngay[\s,/.-]+thang(?:[\s,/.-]+nam(?:\s*(?:19|20)\d{0,2})?)?")  # ('… năm 2006', '… năm 20')


def attribute_list(f: str) -> bool:
    """'Nêu rõ nội dung đề xuất, chủ thể được đề xuất; kết quả/sản phẩm … và thời gian thực hiện' — three or more
    attributes of each item to write down: a list."""
    if not re.match(r"^(neu ro|ghi ro|neu cu the)\b", f):
        return False
    found = set(re.findall(rf"(?:^(?:neu ro|ghi ro|neu cu the)\s+|[,;/]\s*|\bva\s+)({ATTRS})\b", f))
    return len(found) >= 3


def is_yesno(text: str) -> bool:
    """'… đã … chưa?', 'Có … không?', '… hay không' closing the ask (a trailing '(Biểu N)' ignored), and no
    open question word ('gì', 'nào', 'bao nhiêu', 'như thế nào')."""
    core = TRAIL_REF.sub("?" if "?" in text[-20:] else "", text.strip())
    f = fold(core)
    ends = f.rstrip(" .?;")
    asked = f.rstrip(" .;").endswith("?") or re.match(r"^(co|da)\b", f) is not None
    if re.match(r"^(?:co hay khong|da hay chua)\b", f) and f.rstrip(" .;").endswith("?"):
        return True  # 'Có hay không sự tăng, giảm đột biến …?'
    closes = ends.endswith((" khong", " chua"))
    if not (closes and (asked or re.search(r"\bhay (khong|chua)$", ends))):
        return False
    return not QUESTION_RE.search(f)


def is_count(text: str) -> bool:
    return bool(COUNT_HEAD.match(strip_count_verb(text)) or re.search(r"\bbao nhieu\b", fold(text)))


def ask_of(seg: str) -> Ask:
    seg, blank = take_unit(seg)
    if blank:
        return _blank_ask(seg, blank)
    typ, unit, why = guess_type(seg)
    fields = None
    if typ == "list" and attribute_list(fold(seg)):  # the attributes named are the list's fields
        rest = re.sub(r"^(nêu rõ|ghi rõ|nêu cụ thể)\s+", "", seg.strip(), flags=re.I)
        rest = re.sub(r"\s*\([^()]*\)", "", rest)
        parts = re.split(rf"\s*[;/]\s*|\s+và\s+|,\s+(?=(?:{ATTRS_VI})\b)", rest, flags=re.I)
        fields = [f[0].upper() + f[1:] for f in parts if f.strip()][:8] or None
    by_each = BY_EACH.match(seg.strip())
    if typ == "list" and by_each:  # 'Phân loại cụ thể theo từng lĩnh vực' → a row per field with its figure
        cat = by_each.group("c")
        fields = [cat[0].upper() + cat[1:], "Số lượng"]
    return Ask(seg.strip(), typ, unit, fields=fields, guessed=why)


def _blank_ask(seg: str, unit: str) -> Ask:
    """An ask followed by a blank to fill in with its unit ('… : … máy', '3 sao: … sản phẩm', '… : … ha')."""
    typ, word, why = guess_type(seg)
    blank_typ = unit_type(unit)
    if typ in ("list", "documents", "percent") or (typ == "integer" and blank_typ == "integer"):
        if typ == "integer" and not (word and word.startswith(unit)):  # 'Số đơn thư …: … đơn' keeps 'đơn thư'
            word = unit
        return Ask(seg.strip(), typ, word, guessed=why)
    seg, why = seg.strip(), None
    if IDENTIFIER.match(seg.rstrip(" :")) and not re.search(r"\b(?:đã|được)\b", seg, re.I):
        # 'Giấy CMND số …… Cấp ngày', 'Giấy phép kinh doanh số: ……do……': a paper's number, whatever word follows
        return Ask(seg.rstrip(" :"), "text")
    if HONORIFIC_ONLY.match(seg):  # 'Thầy (cô): …… GVPT': a person's name, the words after the blank their post
        return Ask(f"{seg.strip(' -–+•:')} {unit}", "text")
    if not any(c.isalpha() for c in seg) and unit[:1].isupper() and (NAME_LABEL.match(unit) or IDENTIFIER.match(unit)):
        return Ask(unit, *field_type(unit))  # '1. …… Chức vụ ……': a name's blank, then the next label (no unit)
    if not any(c.isalpha() for c in seg):  # '…… phiếu' with no label before the blank: the unit names the figure
        words = unit.split()
        label = f"Số {unit}" if blank_typ == "integer" else (words[0][:1].upper() + unit[1:] if words else "Nội dung")
        return Ask(label, blank_typ, unit, guessed=f"chỗ trống không có nhãn, lời câu hỏi dựng từ đơn vị «{unit}»: hãy sửa lời câu hỏi")
    if blank_typ == "integer" and not is_count(seg) and len(seg.split()) <= 6 and COUNT_UNIT_PREFIX.match(unit):
        why = f"lời câu hỏi dựng từ «{seg}: … {unit}»"
        seg = f"Số {unit} {seg[0].lower()}{seg[1:]}"  # '3 sao: … sản phẩm' → 'Số sản phẩm 3 sao'
    return Ask(seg[0].upper() + seg[1:], blank_typ, unit, guessed=why)


PRICED = re.compile(r"(?i)\((?P<u>(?:nghìn |ngàn |triệu |tỷ )?đồng(?:\s*/\s*[^\W\d_][^()/]{0,15})?)\)\s*$")


HOW_MANY = re.compile(r"(?i)\b(?:mấy|bao nhiêu)\s+(?!lần\b|giờ\b|phút\b|tuổi\b)[^\W\d_]{2,}(?:\s+[^\W\d_]+){0,3}$")


def field_type(label: str) -> tuple[str, str | None]:
    """The type of a form's labelled blank: an identifier or a date by its words, a figure where the label counts
    (or names its unit: 'Công suất thiết kế (tấn/năm)'), else a line of text."""
    # whose or which group's ('Tuổi (người nạn nhân)', 'Số (Địa chỉ nơi sinh sống)'): not what is asked
    s = re.sub(r"\s*\((?:người|bên|chủ hộ)\b[^()]*\)$|\s*\([A-ZĐ][^()\s]*(?:\s[^()\s]+){2,}\)$", "", label.strip())
    if re.fullmatch(r"(?i)số(?: nhà)?", s):  # 'Số: ……' alone (of an address, a paper): a number to copy, not a count
        return "text", None
    if re.search(r"(?i)\bbằng chữ\)?$", s):  # 'Ngày, tháng, năm sinh ghi bằng chữ': the value in words, a text
        return "text", None
    if ACCOUNT_LABEL.match(s) or SAYS.search(s):  # 'Nhận xét', 'Ý kiến của …', '… chủ trì kết luận …': written out
        return "longtext", None
    if PEOPLE_LABEL.search(s + ":") or PEOPLE_PLURAL.match(s):  # 'Thành phần tham dự', 'Những người …': a list
        return "list", None
    if IDENTIFIER.match(s) and not re.search(r"\b(?:đã|được)\b", s, re.I):
        return "text", None
    money = PRICED.search(s)
    if money:  # 'Ngày công các loại (đồng/ngày)': a price in its unit, not a date (nor a count of days)
        return "money", money.group("u").strip()
    if DATE_LABEL.match(s):
        return "date", None
    if HOW_MANY.search(s):  # 'Bao gồm mấy mảnh', 'Có bao nhiêu hộ': a count
        return "integer", None
    if YEAR_LABEL.match(s) or re.match(r"(?i)^sĩ số\b", s):  # 'Năm xây dựng', 'Năm sinh': a year; 'Sĩ số': a count
        return "integer", None
    if MEMBERS.match(s):  # 'Đảng viên: …', 'Công đoàn viên: …' alone over a blank: how many the unit has
        return "integer", None
    if PEOPLE_IN_STATE.match(s):  # 'Giáo viên đạt chuẩn: …', 'Học sinh bỏ học: …': how many are so
        return "integer", None
    if MARK_LABEL.match(s):  # 'Điểm tổng kết', 'Điểm thi': a mark
        return "decimal", None
    if re.match(r"(?i)^hệ số\s+\w+", s) and len(s.split()) <= 8:  # 'Hệ số sử dụng đất', 'Hệ số lương': a ratio
        return "decimal", None
    if re.search(r"(?i)\blần thứ$", re.sub(r"\s*\(\d{1,2}\)$", "", s)):  # 'Đại hội lần thứ', '… lần thứ (3)': an ordinal
        return "integer", None
    if re.match(r"(?i)^được\s+\w+(?:\s+\w+){0,3}$", s):  # 'Được tiếp tục', 'Được công nhận': granted or not
        return "yesno", None
    typ, unit, _ = guess_type(s)
    if typ in ("integer", "decimal", "percent", "money", "date"):
        return typ, unit
    m = re.search(r"\((?P<u>[^()]{1,20})\)\s*$", s)
    if m and measure_unit(m.group("u")):
        return "decimal", m.group("u").strip()
    if PROSE_NOTE.search(s):  # 'Mục đích (để giải quyết vấn đề gì)', 'Cách làm (nêu các bước …)': sentences to write
        return "longtext", None
    return "text", None


HONORIFIC_ONLY = re.compile(r"(?i)^[-–+•\s]*(?:thầy|cô|ông|bà|anh|chị|đồng chí|đ/c)(?:\s*[(/]\s*(?:thầy|cô|ông|bà|anh|chị)\s*\)?)?"
                            r"(?:\s*\([^()]{1,20}\))?\s*:?\s*$")
PEOPLE_PLURAL = re.compile(r"(?i)^(?:những|các)\s+(?:người|thành viên|cán bộ|đồng chí|cá nhân)\s+\w+")
# a field's note that asks a question or asks to set out, explain or describe (not 'nêu rõ họ tên')
PROSE_NOTE = re.compile(
    r"(?i)\((?:[^()]*\b(?:gì|nào|ra sao|thế nào|tại sao|vì sao)\b[^()]*|\s*(?:nêu|chỉ ra|mô tả|trình bày|phân tích|"
    r"giải thích|làm rõ)\s+(?!rõ\s+(?:họ\s+)?tên\b)[^()]*)\)"
)


SAYS = re.compile(r"(?i)(?<=\S)\s(?:kết luận|nhận xét|phát biểu|trình bày)\s(?:nội dung|về|ý kiến|việc|hoạt động|tình hình|"
                  r"kết quả|công tác|những)\b")
ACCOUNT_LABEL = re.compile(r"^(?:nhận xét|ý kiến|kiến nghị|đề xuất|đánh giá chung|kết luận|thuyết minh|giải trình|"
                           r"nhận định|phân tích|mô tả|trình bày|nêu)\b",
                           re.I)
YEAR_LABEL = re.compile(r"^sinh năm$|^năm\s+(?:sinh|xây dựng|thành lập|tốt nghiệp|vào (?:đảng|đoàn|ngành)|bắt đầu|hoàn thành|"
                        r"đưa vào sử dụng|công nhận|cấp|mắc bệnh|phát bệnh|khởi công|nhập học)(?:\s*/\s*tuổi)?$"
                        r"|^(?:tuổi(?:\s+[^\W\d_]+)?|số tuổi)(?:\s*\((?:năm|tuổi)\))?$"
                        r"|^năm\s+học\s+(?!sinh\b)(?!(?:hiện tại|hiện nay|này|nay|trước|sau|tới|vừa qua|qua|kế tiếp|báo cáo|mới|cũ)$)"
                        r"[^\W\d_]+(?:\s+[^\W\d_]+){0,4}$", re.I)  # 'Năm sinh/tuổi', 'Tuổi rừng', 'Năm học nghề'; never
# 'Năm học hiện tại' (a school year, '2025 - 2026': text)


PEOPLE_IN_STATE = re.compile(r"(?i)^(?:giáo viên|học sinh|sinh viên|cán bộ|công chức|viên chức|nhân viên|người lao động|"
                             r"lao động|trẻ em|trẻ)\s+(?:(?:đã|chưa|không|được|bị)\s+)?(?:đạt|nghỉ|bỏ học|mắc|vi phạm|"
                             r"tham gia|có trình độ|trên chuẩn|dưới chuẩn)\b[^:]{0,30}$")
MEMBERS = re.compile(r"^(?:đảng|đoàn|công đoàn|hội|đội)\s+viên$", re.I)
MARK_LABEL = re.compile(r"^điểm\s+(?:trung bình|tổng kết|tổng|thi|kiểm tra|rèn luyện|chuyên cần|thực hành|lý thuyết|"
                        r"hình thức|nội dung|bảo vệ|đánh giá|học tập|xét tuyển|chuẩn)\b", re.I)


def measure_unit(text: str) -> bool:
    """'tấn/năm', 'ha', 'triệu đồng': a unit of measure (a figure's label names it in parentheses)."""
    return bool(UNIT_WORDS.match(text.strip()))


def is_help_line(line: str) -> bool:
    s = line.strip()
    if s.startswith("(") and s.rstrip(".").endswith(")"):
        inner = s.rstrip(".")[1:-1].strip()  # '(Địa chỉ hộ gia đình ……)': a form's field, not guidance
        return not (NAME_LABEL.match(inner) and re.search(r"…|\.{3,}|_{3,}", inner))
    return fold(s).startswith(("luu y", "chu y", "ghi chu"))


def none_everywhere(text: str) -> bool:
    f = fold(text)
    return bool(re.search(r"(khong co noi dung|khong co so lieu|khong phat sinh).{0,40}ghi\s*[\"“”'‘’«]?\s*khong", f))


ALTERNATIVES = re.compile(r"^(?P<a>[^\s,/]{2,12})\s*[,/]\s*(?P<b>[^\s,/]{2,12})$")
LISTED_IN_PARENS = re.compile(r"^(?P<p>[^()]{3,80}?)\s*\((?P<g>[^():]{0,60}):\s*(?P<o>[^()]+)\)\s*$")


def choice_ask(label: str) -> Ask | None:
    """A form's label that lists its own options: 'Nam, Nữ' (one of two short words), 'Trình độ học lực (bậc cao
    nhất, đã tốt nghiệp: ĐH, CĐ, TC, THPT, THCS)' (three or more short options after a colon in parentheses)."""
    m = ALTERNATIVES.match(label.strip())
    if m and m.group("a")[0].isupper() and m.group("b")[0].isupper() and not ADMIN_LABEL.match(label.strip()):
        return Ask(label.strip(), "choice", options=[m.group("a"), m.group("b")])
    m = LISTED_IN_PARENS.match(label.strip())
    opts = [o.strip(" .") for o in m.group("o").split(",")] if m else []
    if len(opts) >= 3 and all(0 < len(o.split()) <= 3 for o in opts):
        return Ask(m.group("p").strip(), "choice", help=[f"{m.group('g').strip()}: {', '.join(opts)}"], options=opts)
    m = NAMED_IN_PARENS.match(label.strip()) if CATEGORY_LABEL.match(label.strip()) else None
    opts = [o.strip(" .") for o in re.split(r"\s*[,;]\s*", m.group("o"))] if m else []
    if len(opts) >= 3 and all(o and o[0].isupper() and len(o.split()) <= 12 for o in opts):
        # 'Loại hình doanh nghiệp (Doanh nghiệp tư nhân, Công ty hợp danh, Công ty cổ phần)': the kinds to pick
        return Ask(m.group("p").strip(), "choice", options=opts)
    return None


CATEGORY_LABEL = re.compile(r"^(?:loại|hình thức|loại hình|mô hình|lĩnh vực|ngành|trình độ|dân tộc|giới tính|xếp loại|"
                            r"mức độ|tình trạng|nguồn)\b", re.I)
NAMED_IN_PARENS = re.compile(r"^(?P<p>[^()]{3,80}?)\s*\((?P<o>[^():]{10,400})\)\s*:?\s*$")


LEVELS = r"(?:huyện|xã|tỉnh|thôn|trường|phòng|sở|bộ|trung ương|[A-ZĐ]{2,6})"
LEVEL_PAIR = re.compile(rf"^(?P<pre>.+?)\s+(?:của\s+)?cấp\s*(?P<a>{LEVELS})\s*,\s*(?:cấp\s*)?(?P<b>{LEVELS})\b(?P<post>.*)$")


def per_level(ask: Ask) -> list[Ask]:
    """'Số đơn vị cấp huyện, cấp xã đã đạt chuẩn', 'Số học sinh tốt nghiệp của cấp THCS, THPT': a count for each
    level named, one figure each (one number cannot hold both)."""
    m = LEVEL_PAIR.match(ask.prompt.strip()) if ask.type == "integer" else None
    if not m:
        return [ask]
    return [Ask(f"{m.group('pre')} cấp {lv}{m.group('post')}", ask.type, ask.unit, list(ask.help), guessed=ask.guessed)
            for lv in (m.group("a"), m.group("b"))]


REASON_TAIL = re.compile(r"(?i)^(?P<l>[^()]{3,80}?)\s*:?\s*\(\s*(?:ghi rõ\s+|nêu rõ\s+)?lý do\s*\)\s*[:.…_\s]*$")
COUNT_WORD = re.compile(r"(?i)^(?:tổng\s+)?số(?:\s+lượng)?\s+")


def reason_asks(seg: str) -> list[Ask]:
    """'Số phiếu không hợp lệ: (lý do):' → the count and 'Lý do phiếu không hợp lệ' (a line of text): a figure whose
    reason is asked in a bracket after it is two answers, not one label; [] for any other shape."""
    m = REASON_TAIL.match(seg.strip().lstrip("-+•–* "))
    if not m:
        return []
    head = ask_of(m.group("l").strip(" :"))
    if head.type not in ("integer", "decimal", "money", "percent"):
        return []
    what = COUNT_WORD.sub("", head.prompt)
    return [head, Ask(f"Lý do {what[:1].lower() + what[1:]}", "text")]
