"""Questions from the document's words: one per ask, types from the wording, help from guidance."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dialogs.importer.keys import KeyMaker
from dialogs.importer.placeholders import COUNT_UNIT_PREFIX, mark_units, strip_units, take_unit, unit_type
from dialogs.text import fold, norm_words

COUNT_HEAD = re.compile(r"^(?:(?:có|còn|đã có)\s+)?(tổng số lượng|tổng số|số lượng|số|bao nhiêu)\s+(?!hóa|hoá|liệu|ký hiệu|hiệu)", re.I)
COUNT_SPLIT = re.compile(
    r"\s*[;,]\s*(?:trong đó[,:]?\s+)?"
    r"(?=(?:tổng số|số lượng|số(?!\s+(?:hóa|hoá|liệu|ký|hiệu|ngày))|(?:còn|đã|có)\s+bao nhiêu|bao nhiêu|đạt tỷ lệ)\s)",
    re.I)
ACTS = r"tiếp nhận|giải quyết|xử lý|hoàn thành|ban hành|công bố|công khai|trả lời|tham gia|triển khai|thực hiện"
MOD_SPLIT = re.compile(rf",\s+(?=(?:chưa|đã|đang|còn|{ACTS})\s)", re.I)
ACT_RE = re.compile(rf"\s(?:{ACTS})\b", re.I)
STATUS_LIST = re.compile(r"^(?:những|các)\s+(?:việc\s+|nội dung\s+|trường hợp\s+)?(?=(?:đã|chưa|đang)\s)", re.I)
ALT_END = re.compile(r"(?<=\s)(?P<a>(?P<w>\w+)\s\w+)\s*(?:,|/|\svà|\shoặc)\s*(?P<b>(?P=w)\s\w+)$")
MEASURES = {
    "nhiệm vụ": "nhiệm vụ", "văn bản": "văn bản", "vbqppl": "văn bản", "hồ sơ": "hồ sơ", "thủ tục": "thủ tục",
    "tthc": "thủ tục", "pank": "phản ánh, kiến nghị", "phản ánh": "phản ánh, kiến nghị", "cuộc": "cuộc",
    "đơn thư": "đơn thư", "đơn vị": "đơn vị", "đơn": "đơn", "người": "người", "cán bộ": "người",
    "công chức": "người", "viên chức": "người", "cb": "người", "đợt": "đợt", "tổ": "tổ", "địa phương": "địa phương",
    "trung tâm": "trung tâm", "trường hợp": "trường hợp", "trang": "trang", "cơ sở": "cơ sở", "hội nghị": "hội nghị",
    "lớp": "lớp", "vụ việc": "vụ việc", "vụ": "vụ", "cơ quan": "cơ quan", "xã": "xã", "ý kiến": "ý kiến",
    "sáng kiến": "sáng kiến", "mô hình": "mô hình", "dự án": "dự án", "vị trí": "vị trí", "lượt": "lượt",
    "biên chế": "biên chế", "tài liệu": "trang", "quy trình": "quy trình", "chỉ tiêu": "chỉ tiêu",
}
_MEASURE_KEYS = sorted(MEASURES, key=len, reverse=True)
HELP_START = ("ghi rõ", "nêu rõ", "tập trung", "trong đó", "ví dụ", "lưu ý", "tính theo", "chia theo", "theo ",
              "gồm", "bao gồm", "kèm", "đối với", "áp dụng", "phân loại", "nếu", "trường hợp", "về:", "thống kê")
QUESTION_RE = re.compile(r"\b(?:gi|nao|bao nhieu|ra sao)\b")
MODIFIER_START = re.compile(r"^(chưa|đã|đang|không|còn|được|cần)\b", re.I)
HEAD_SPLIT = re.compile(r"\s(?:được|đã|đang|chưa|có|không|thuộc|cần|trong)\s", re.I)
NARRATIVE_SPLIT = re.compile(
    r"\s*(?:,|\svà)\s+(?=(?:hình thức|tình hình|nội dung|kết quả|nguyên nhân|lý do|giải pháp|đánh giá|khó khăn"
    r"|đề xuất(?:\s+giải pháp)?\s+gì|kiến nghị\s+gì)\b)",
    re.I,
)
DOCS_RE = re.compile(r"(?:ghi|neu) ro so,? ngay")
NARRATIVE_ASK = re.compile(r"\b(?:nhu the nao|the nao|ra sao)\b|^ket qua\b")
BIEU_RE = re.compile(r"\((?:phụ lục|biểu)\s*(?:số)?\s*[\w.,\s-]{1,30}(?:kèm theo)?\)\.?", re.I)


@dataclass
class Ask:
    prompt: str
    type: str = "longtext"
    unit: str | None = None
    help: list[str] = field(default_factory=list)
    fields: list[str] | None = None
    guessed: str | None = None  # why the type is a guess
    table: dict | None = None


def parens(text: str) -> list[tuple[int, int]]:
    """Top-level parenthesised spans (balanced)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    if depth:
        out.append((start, len(text)))
    return out


def measure_word(text: str) -> str | None:
    m = COUNT_HEAD.match(text.strip())
    rest = text[m.end():] if m else text
    low = rest.lower()
    for key in _MEASURE_KEYS:
        if re.match(rf"(?:các\s+|những\s+)?{re.escape(key)}\b", low):
            return MEASURES[key]
    m2 = re.search(r"bao nhiêu\s+(\w+(?:\s\w+)?)", text, re.I)
    if m2:
        for key in _MEASURE_KEYS:
            if m2.group(1).lower().startswith(key):
                return MEASURES[key]
    return None


COUNT_VERB = re.compile(r"^(?:phân loại|thống kê|lượng hoá|lượng hóa|báo cáo|nêu rõ|ghi rõ|nêu|ghi)\s+"
                        r"(?=(?:tổng số|số lượng|số)\s)", re.I)
RATE = re.compile(r"\b(?:(?:phat sinh|binh quan|trung binh)\s+)?(?:theo|moi|binh quan|trung binh|tren)\s+(?:mot\s+)?"
                  r"(ngay|tuan|thang)\b")
BY_EACH = re.compile(r"^(?:phân loại|chia|thống kê|tổng hợp)(?:\s+cụ thể)?\s+theo\s+từng\s+(?P<c>\w+(?:\s\w+){0,3}?)"
                     r"(?=\s+(?:theo|của|trong|tại|thuộc|và)\b|\s*[,;().?]|\s*$)", re.I)


def strip_count_verb(text: str) -> str:
    """'Phân loại số TTHC …', 'Lượng hoá số TTHC …', 'Thống kê số …' ask the number: the verb is dropped."""
    return COUNT_VERB.sub("", text.strip(), count=1)


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
    if "%" in text or "ty le" in head or "ty trong" in head:
        return "percent", "%", None
    if re.match(r"^(du toan|kinh phi|so tien|tong kinh phi|nguon kinh phi|tong so tien|von )", f) or "trieu dong" in f:
        return "money", "triệu đồng", "tiền (đoán từ «kinh phí/dự toán»)"
    if re.match(r"^(nhung|cac) (van ban|nhiem vu|de an|du an|cong trinh|thu tuc|tthc|ho so|chi tieu)\b[^,;?]{0,40}?"
                r"\b(chua|con|bi)\b", f):
        return "list", None, "danh sách (đoán từ «những … chưa …»)"
    if _attribute_list(f):
        return "list", None, "danh sách (đoán từ «nêu rõ nội dung, chủ thể, thời gian…»)"
    if BY_EACH.match(text.strip()):
        return "list", None, "danh sách (đoán từ «phân loại theo từng …»)"
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
    return "longtext", None, None


TRAIL_REF = re.compile(r"[\s.?]*\((?:phụ lục|biểu)[^()]{0,40}\)[\s.]*$", re.I)


ATTRS_VI = "nội dung|chủ thể|thời gian|thời hạn|kết quả|sản phẩm|tên|tiến độ|cơ quan|đơn vị|trích yếu|ngày"
ATTRS = r"noi dung|chu the|thoi gian|thoi han|ket qua|san pham|ten|tien do|co quan|don vi|trich yeu|ngay"


def _attribute_list(f: str) -> bool:
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


def top_split(text: str, seps: str) -> list[str]:
    """Split at the separator characters outside parentheses ('A; B (x; y); C' → A, B (x; y), C); a ':' only
    when followed by a space."""
    out, depth, last = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in seps and depth == 0 and (ch != ":" or text[i + 1:i + 2] == " "):
            out.append(text[last:i])
            last = i + 1
    out.append(text[last:])
    return [p.strip() for p in out if p.strip(" ,.;:…")]


def _many_counts(text: str) -> bool:
    return len(re.findall(r"\bbao nhieu\b", fold(text))) >= 2


def _status_list(seg: str) -> list[str]:
    """'Số cơ sở nhà, đất công đã xử lý, chưa xử lý' → one count per status, the head noun repeated."""
    if not COUNT_HEAD.match(seg):
        return [seg]
    parts = [p for p in MOD_SPLIT.split(seg) if p.strip()]
    if len(parts) < 2:
        return [seg]
    head = HEAD_SPLIT.split(" " + parts[0] + " ", maxsplit=1)[0].strip()
    act = ACT_RE.search(parts[0])
    if head == parts[0].strip() and act:  # 'Số lượng hồ sơ tiếp nhận, giải quyết đúng hạn'
        head = parts[0][:act.start()].strip()
    if head == parts[0].strip() or len(head.split()) < 2:
        return [seg]
    return [parts[0]] + [f"{head} {p.strip()}" for p in parts[1:]]


def _alternatives(seg: str) -> list[str]:
    """A count whose last words are alternatives sharing their first word ('… ở cấp tỉnh, cấp xã',
    '… trực tuyến/trực tiếp') → one count per alternative."""
    if not is_count(seg):
        return [seg]
    times = _time_points(seg)
    if times:
        return times
    core, purpose = seg.rstrip(" .;"), ""
    p = re.search(r"\s+(?:để|nhằm)\s+\S.*$", core)
    if p and not ALT_END.search(core):  # '… theo ngày, theo tuần để phân công xử lý kịp thời'
        core, purpose = core[:p.start()], p.group(0)
    m = ALT_END.search(core)
    if not m:
        return [seg]
    pre = core[:m.start()].rstrip()
    return [f"{pre} {m.group('a')}{purpose}", f"{pre} {m.group('b')}{purpose}"]


RATIO = re.compile(r"\s*/\s*(?=(?:tổng số|chỉ tiêu|số lượng|số)\s)|\s+(?=trong tổng số\s)", re.I)


def _ratio(seg: str) -> list[str]:
    """'… bao nhiêu trường hợp/tổng số đối tượng', '… có mặt/Chỉ tiêu được phân bổ' → the two figures; 'ban hành
    bao nhiêu/tổng số văn bản' → 'ban hành bao nhiêu văn bản' and 'Tổng số văn bản'."""
    parts = RATIO.split(seg, maxsplit=1)
    if len(parts) < 2 or not is_count(parts[0]):
        return [seg]
    first, second = parts[0].rstrip(), parts[1].strip()
    if fold(first).endswith("bao nhieu"):
        first = f"{first} {_head_noun(second)}"
    if second.endswith("?"):
        first += "?"
    return [first, second[0].upper() + second[1:]]


def is_count(text: str) -> bool:
    return bool(COUNT_HEAD.match(strip_count_verb(text)) or re.search(r"\bbao nhieu\b", fold(text)))


TIME_POINTS = re.compile(r"^(?P<pre>.+?)\s+(?P<alts>(?:trước khi|tại thời điểm|sau khi)\b.+)$", re.I)


def _time_points(seg: str) -> list[str]:
    """'Số lượng cơ quan trước khi sắp xếp, tại thời điểm sắp xếp và diễn biến sau khi sắp xếp đến nay' → one count
    per point in time."""
    m = TIME_POINTS.match(seg.strip(" .;"))
    if not m:
        return []
    alts = [a.strip() for a in re.split(r",\s+|\s+và\s+(?:diễn biến\s+)?", m.group("alts")) if a.strip()]
    if len(alts) < 2 or not all(re.match(r"^(trước|tại thời điểm|sau|đến)\b", a, re.I) for a in alts):
        return []
    return [f"{m.group('pre')} {a}" for a in alts]


def split_count_segments(text: str) -> list[str]:
    """'Tổng số X; số Y, số Z' → three segments; a segment starting 'chưa …' borrows the head noun;
    '… bao nhiêu X, còn bao nhiêu Y, giải pháp …' → one ask each."""
    t = text.strip()
    if not (COUNT_HEAD.match(strip_count_verb(t)) or re.match(r"^(kinh phí|dự toán)", t, re.I) or _many_counts(t)
            or (is_count(t) and (RATIO.search(t) or COUNT_SPLIT.search(t)))):
        return [text]
    segs = [s.strip(" ;,.") for s in top_split(text, ";") if s.strip(" ;,.")]
    out: list[str] = []
    for s in segs:
        out.extend(p.strip(" ;,.") for p in COUNT_SPLIT.split(s) if p.strip(" ;,."))
    out = [p for seg in out for p in NARRATIVE_SPLIT.split(seg) if p.strip(" ,.;")]
    out = [p for seg in out for p in re.split(r",\s+(?=những\s)", seg) if p.strip(" ,.;")]
    out = [a for seg in out for r in _ratio(seg) for p in _status_list(r) for a in _alternatives(p)]
    out = _join_time_phrases(out)
    if len(out) <= 1:
        return [text]
    out = _shared_predicate(out)
    out[0] = re.sub(r"^(?:nêu rõ|ghi rõ|nêu)\s+(?=số\b)", "", out[0], flags=re.I)
    lead = re.match(r"^(số lượng|tổng số)\s+", out[0], re.I)
    head = HEAD_SPLIT.split(" " + out[0] + " ", maxsplit=1)[0].strip()
    fixed = [out[0][0].upper() + out[0][1:]]
    for s in out[1:]:
        if (lead and s[:1].islower() and len(s.split()) <= 4 and not is_count(s) and not NARRATIVE_START.match(s)
                and not QUESTION_RE.search(fold(s))):
            # 'Nêu rõ số lượng tin, bài; tài liệu; sách; sổ tay' → one count each: 'Số lượng tài liệu', …
            fixed.append(f"{lead.group(1)[0].upper()}{lead.group(1)[1:].lower()} {s}")
            continue
        if MODIFIER_START.match(s) and head:
            s = f"{head} {s}"
        about = _about_previous(s, fixed[-1])
        s = _elliptic_count(s, fixed) if about == s else about
        fixed.append(s[0].upper() + s[1:])
    return fixed


NARRATIVE_START = re.compile(r"^(?:tình hình|kết quả|nguyên nhân|lý do|giải pháp|đánh giá|khó khăn|vướng mắc|việc|công tác|"
                             r"những|các|hình thức|nội dung|đề xuất|kiến nghị|phân loại|chia|liệt kê|ghi|nêu)\b", re.I)


def _elliptic_count(seg: str, before: list[str]) -> str:
    """In a run of counts, a short lower-case clause that names no new ask continues the run: 'Tổng số TTHC …,
    trong đó có bao nhiêu thủ tục … theo Nghị định; phân cấp, phân quyền của tỉnh' → 'Số thủ tục phân cấp, phân
    quyền của tỉnh'."""
    s = seg.strip(" ?.")
    if (not s or not s[0].islower() or is_count(s) or NARRATIVE_START.match(s) or len(s.split()) > 8 or "%" in s
            or re.search(r"\b(?:ty le|dat)\b", fold(s))
            or is_yesno(seg) or QUESTION_RE.search(fold(s)) or not all(is_count(b) for b in before)):
        return seg
    noun = _head_noun(strip_count_verb(re.sub(r"^(?:có|còn|đã có)\s+", "", before[-1], flags=re.I)))
    if not noun or len(noun.split()) > 4:
        return seg
    return f"số {noun} {s}" + ("?" if seg.rstrip().endswith("?") else "")


TIME_ONLY = re.compile(r"^(?:tính\s+)?(?:đến|đến trước|trước|sau|từ|tại|vào|trong)\s+(?:ngày|tháng|năm|thời điểm|nay|"
                       r"\d{1,2}/\d{1,2})[\w\s/.-]{0,20}$", re.I)


def _join_time_phrases(out: list[str]) -> list[str]:
    """'Đến trước 31/8/2025, còn bao nhiêu trường hợp …' was cut at the comma: the time phrase alone asks nothing,
    it dates the ask after it."""
    res: list[str] = []
    for p in out:
        if res and TIME_ONLY.match(res[-1].strip()) and not is_count(res[-1]):
            res[-1] = f"{res[-1].strip()}, {p}"
        else:
            res.append(p)
    return res


def _about_previous(seg: str, prev: str) -> str:
    """After a count: 'lý do?' → 'Lý do <what was counted>'; 'đạt tỷ lệ … %' → 'Tỷ lệ <what was counted> (%)'."""
    f = fold(seg).strip(" ?.")
    lead = prev.split(",", 1)
    if len(lead) == 2 and TIME_ONLY.match(lead[0].strip()):  # 'Đến ngày 15/8/2025, có bao nhiêu …'
        prev = lead[1]
    prev = TRAIL_REF.sub("", prev).strip()
    counted = COUNT_HEAD.sub("", prev, count=1).rstrip(" ?.")
    if not COUNT_HEAD.match(prev) or counted == prev:
        return seg
    if f in ("ly do", "nguyen nhan", "ly do, nguyen nhan", "nguyen nhan, ly do") or re.fullmatch(
            r"(giai phap|bien phap)( de)?( khac phuc| xu ly| giai quyet)?", f):  # 'giải pháp để khắc phục?'
        return f"{seg.strip(' ?.')} {counted}" + ("?" if seg.rstrip().endswith("?") else "")
    if re.match(r"^dat ty le\b", f):
        return f"Tỷ lệ {counted} (%)"
    if re.match(r"^(tinh hinh|ket qua)\b", f) and len(f.split()) <= 6:
        return f"{seg.strip(' .')} đối với {counted}"
    return seg


def figure_asks(text: str) -> list[str]:
    """The rates and counts a note enumerates ('Về: (1) Chất lượng …; (2) Tỷ lệ cán bộ kiêm nhiệm …; …')."""
    out = []
    for p in top_split(text, ";"):
        p = re.sub(r"^(?:về\s*:\s*)?\(?\d{1,2}\)\s*", "", p.strip(), flags=re.I).strip(" .…")
        if re.match(r"^(tỷ lệ|tổng số|số lượng)\s", p, re.I) and 3 <= len(p.split()) <= 20:
            out.append(p[0].upper() + p[1:])
    return out


GUIDED_COUNT = re.compile(r"\b(?:nêu rõ|ghi rõ|nêu)\s+((?:tổng số|số lượng|số)\s+[^,;.()]+)", re.I)


def guided_counts(note: str) -> list[str]:
    """Guidance that asks a figure: '(…, nêu rõ số văn bản có thay đổi so với tuần trước)' → that count."""
    out = []
    for m in GUIDED_COUNT.finditer(note):
        c = m.group(1).strip()
        if COUNT_HEAD.match(c) and len(c.split()) >= 3:
            out.append(c[0].upper() + c[1:])
    return out


def list_ask(note: str) -> Ask | None:
    """A note 'Liệt kê, ghi rõ trích yếu, ngày, cơ quan ban hành văn bản.' on a count → the list it asks for."""
    note = note.strip().rstrip(".")
    if not re.match(r"^(liệt kê|danh mục|danh sách)\b", note, re.I):
        return None
    fields = [re.sub(r"^(ghi rõ|nêu rõ|gồm)\s+", "", f, flags=re.I) for f in _list_fields(note)]
    fields = [f[0].upper() + f[1:] for f in fields if f]
    return Ask(note, "list", fields=fields or None)


def _shared_predicate(out: list[str]) -> list[str]:
    """'Hiện còn bao nhiêu vị trí, số lượng cán bộ cấp xã chưa được kiện toàn' → the bare first count borrows
    the predicate of the next ('… bao nhiêu vị trí chưa được kiện toàn')."""
    m = re.match(r"^(?:\S+\s+){0,2}bao nhiêu(\s+\S+){1,2}$", out[0].rstrip(" ?"), re.I)  # 'Hiện còn bao nhiêu vị trí
    if not m or len(out) < 2 or not re.match(r"^(?:tổng số|số lượng|số)\s", out[1], re.I):
        return out
    parts = HEAD_SPLIT.split(" " + out[1].rstrip(" ?") + " ", maxsplit=1)
    if len(parts) < 2:
        return out
    pred = out[1].rstrip(" ?")[len(parts[0].strip()):].strip()
    return [f"{out[0].rstrip(' ?')} {pred}", *out[1:]]


def _head_noun(count: str) -> str:
    rest = COUNT_HEAD.sub("", count.strip(), count=1)
    return HEAD_SPLIT.split(" " + rest + " ", maxsplit=1)[0].strip()


def embedded_asks(text: str, yesno: bool = True) -> list[str]:
    """Counts (and yes/no asks) inside a narrative sentence: 'Kết quả …: Số X đã A, chưa A; việc …; có Y hay
    không', 'nêu rõ …; tổng số nhiệm vụ được giao; những việc đã thực hiện, chưa thực hiện…'."""
    pieces = [s.strip(" ,.;:…)") for p in top_split(text, ";:") for s in re.split(r"(?<=[.?!)])\s+(?=[A-ZĐÀ-Ỹ])", p)]
    if len(pieces) < 2:
        return []
    out: list[str] = []
    noun = ""
    for p in pieces:
        if COUNT_HEAD.match(p) and len(p.split()) >= 3:
            out.extend(split_count_segments(p))
            noun = noun or _head_noun(p)
        elif noun and STATUS_LIST.match(p):
            out.extend(split_count_segments(f"số {noun} " + STATUS_LIST.sub("", p, count=1)))
        elif yesno and is_yesno(p) and len(p.split()) >= 3:
            out.append(p)
    return [o.strip(" .,;…")[0].upper() + o.strip(" .,;…")[1:] for o in out if len(o.split()) >= 2]


def _count_paren(inner: str) -> list[str]:
    """'(số lượng A, số lượng B, hình thức C)' or '(đã tổ chức bao nhiêu X; số lượng Y)' → the asks inside."""
    inner = re.sub(r"^(?:ghi rõ|nêu rõ|nêu|ghi)\s+(?=tỷ lệ)", "", inner.strip(), flags=re.I)
    if re.match(r"^tỷ lệ", inner, re.I):  # '(ghi rõ tỷ lệ tăng trưởng thực tế/tỷ lệ … theo kịch bản)'
        rates = [p.strip(" ,.;") for p in re.split(r"\s*[/;]\s*(?=tỷ lệ)", inner, flags=re.I)]
        return [r[0].upper() + r[1:] for r in rates] if len(rates) >= 2 else []
    parts = [p.strip(" ,.;…") for p in re.split(r"\s*;\s*", inner) if p.strip(" ,.;…")]
    if len(parts) >= 2 and all(take_unit(p)[1] for p in parts):  # '(trong đó: lần đầu … vụ, nhiều lần … vụ)'
        return [re.sub(r"^trong đó\s*[:,]?\s*", "", p, flags=re.I) for p in parts]
    if not any(COUNT_HEAD.match(strip_count_verb(p)) or re.search(r"\bbao nhiêu\b", p, re.I) for p in parts):
        return []
    out: list[str] = []
    for p in parts:
        out.extend(split_count_segments(p) if COUNT_HEAD.match(p) else _alternatives(p))
    out = [o for o in out if len(o.split()) >= 2]
    return [o[0].upper() + o[1:] for o in out] if len(out) >= 2 else []


def _list_fields(inner: str) -> list[str]:
    inner = re.sub(r"^(liệt kê|danh mục|danh sách)\s*(danh mục|danh sách)?\s*[:,]?\s*", "", inner.strip(), flags=re.I)
    parts = [p.strip(" .;") for p in re.split(r",|;", inner) if p.strip(" .;")]
    return [p[0].upper() + p[1:] for p in parts if len(p) < 80][:8]


def _field_names(note: str) -> list[str] | None:
    """'tên sản phẩm, chủ thể, thời gian công nhận' → those fields; None for a sentence of guidance."""
    parts = _list_fields(re.sub(r"^(?:ghi rõ|nêu rõ|gồm|bao gồm)\s*:?\s*", "", note.strip(), flags=re.I))
    if len(parts) < 2 or any(len(p.split()) > 5 or re.search(r"[:?]", p) for p in parts):
        return None
    return parts


DOTS_RE = re.compile(r"\s*[:;,]?\s*(?:…|\.{3,})[.…]*")


def clean_prompt(text: str) -> str:
    """'Tổng số nhiệm vụ: … nhiệm vụ.' → 'Tổng số nhiệm vụ'; 'Tỷ lệ …: %' → 'Tỷ lệ …'."""
    text = re.sub(r"\*+", "", text)  # markdown emphasis left by a converter ('*(…)*')
    text = re.sub(r"[.;:]?\s*trong đó\s*:?\s*$", "", text.strip(), flags=re.I)
    out, last = [], 0
    for m in DOTS_RE.finditer(text):
        out.append(text[last:m.start()])
        last = m.end()
        tail = text[last:].strip(" .;:%")
        if len(tail.split()) <= 2 and not re.search(r"[;,)]", tail):
            last = len(text)
            break
    out.append(text[last:])
    text = "".join(out)
    text = re.sub(r"[:\s]*%\s*\.?\s*$", " (%)", text)
    return re.sub(r"\s{2,}", " ", text).strip(" :;,.")


def documents_ask(inner: str) -> Ask | None:
    """'(ghi rõ số, ngày tháng năm ban hành văn bản lãnh đạo nếu có)' → 'Văn bản lãnh đạo (ghi rõ số, ngày tháng năm
    ban hành nếu có)', a documents question."""
    first = top_split(inner, ";")[0] if inner.strip() else ""
    m = re.search(r"\s(văn bản(?:\s(?!nếu có)[^;()]*?)?)(?=\s+nếu có\b|$)", first.strip(" .;"), re.I)
    if not DOCS_RE.search(fold(first)) or not m:
        return None
    name = m.group(1).strip(" ,")
    guide = (first[:m.start()] + first[m.end():]).strip(" ,.;")
    if name.lower() == "văn bản":
        name = "văn bản đã ban hành"
    return Ask(f"{name[0].upper()}{name[1:]} ({guide[0].lower()}{guide[1:]})", "documents", "văn bản")


def documents_counts(inner: str) -> list[str]:
    """'(Nêu rõ số, ngày … ban hành văn bản …; các hội nghị quán triệt, triển khai…)': after the documents, the
    events a 'nêu rõ số …' note names are counted ('Số hội nghị quán triệt, triển khai…')."""
    parts = top_split(inner, ";")
    if len(parts) < 2 or not DOCS_RE.search(fold(parts[0])):
        return []
    out = []
    for p in parts[1:]:
        m = re.match(r"^(?:và\s+)?(?:các|những)\s+(?P<n>.+)$", p.strip(" .;…"), flags=re.I)
        if m and measure_word(f"số {m.group('n')}") and len(m.group("n").split()) <= 20:
            out.append(clean_prompt(f"Số {m.group('n')}"))  # a plural noun phrase of countable things
    return out


def _parts(text: str) -> tuple[str, list[tuple[str, str]], list[str] | None, list[str], list[str]]:
    """The bullet without its guidance parentheses; the guidance (with the words just before it); list fields;
    the counts a parenthesis asks; the documents a parenthesis asks for."""
    help_parts: list[tuple[str, str]] = []
    docs: list[str] = []
    list_fields: list[str] | None = None
    count_paren: list[str] = []
    keep = []
    last = 0
    for a, b in parens(text):
        inner = text[a + 1:b - 1].strip()
        fi = fold(inner)
        keep.append(text[last:a])
        last = b
        if BIEU_RE.fullmatch(text[a:b]) or len(inner.split()) <= 4:
            keep.append(text[a:b])
        elif re.match(r"^(liet ke|danh muc|danh sach)", fi):
            list_fields = _list_fields(inner)
        elif _count_paren(inner):
            count_paren = _count_paren(inner)
        elif DOCS_RE.search(fi) and (NARRATIVE_ASK.search(fold(text[:a]) + " " + fold(text[b:b + 3]))
                                     or is_count(text[:a]) or is_yesno(text[:a])):
            docs.append(inner)  # '… như thế nào (ghi rõ số, ngày … ban hành văn bản X)?' asks the documents too
        elif DOCS_RE.search(fi):
            keep.append(text[a:b])
        elif inner:
            before = " ".join(re.sub(r"\([^()]*\)", " ", text[:a]).split()[-6:])
            help_parts.append((before, inner[0].upper() + inner[1:]))
    keep.append(text[last:])
    main = re.sub(r"\s+([,.;:?])", r"\1", re.sub(r"\s{2,}", " ", "".join(keep))).strip(" ;")
    return main, help_parts, list_fields, count_paren, docs


def _ask(seg: str) -> Ask:
    seg, blank = take_unit(seg)
    if blank:
        return _blank_ask(seg, blank)
    typ, unit, why = guess_type(seg)
    fields = None
    if typ == "list" and _attribute_list(fold(seg)):  # the attributes named are the list's fields
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
    if blank_typ == "integer" and not is_count(seg) and len(seg.split()) <= 6 and COUNT_UNIT_PREFIX.match(unit):
        why = f"lời câu hỏi dựng từ «{seg}: … {unit}»"
        seg = f"Số {unit} {seg[0].lower()}{seg[1:]}"  # '3 sao: … sản phẩm' → 'Số sản phẩm 3 sao'
    return Ask(seg[0].upper() + seg[1:], blank_typ, unit, guessed=why)


BREAKDOWN = re.compile(r"^(?:ghi rõ|nêu rõ|nêu)\s+số liệu\s+(?:cụ thể\s+)?(?:của\s+|cho\s+)?(?P<e>(?:từng|các|khối)\b.+)$",
                       re.I)


def breakdown_rows(note: str) -> list[dict] | None:
    """'ghi rõ số liệu từng cơ quan cấp tỉnh và các đơn vị cấp xã' → the table rows the figures are asked by."""
    m = BREAKDOWN.match(note.strip(" .;"))
    if not m:
        return None
    ents = re.sub(r"\s+[-–]\s+(?:biểu|phụ lục)\b.*$", "", m.group("e"), flags=re.I)
    parts = [e.strip(" ,.") for e in re.split(r",\s*|\s+và\s+(?=(?:từng|các|khối)\b)", ents) if e.strip(" ,.")]
    if not 2 <= len(parts) <= 8:
        return None
    keys = KeyMaker()
    rows = []
    for e in parts:
        label = re.sub(r"^từng\s+", "các ", e, flags=re.I)
        label = label[0].upper() + label[1:]
        row = {"key": keys.make(label), "label": label}
        if re.match(r"^(các|những)\s", label, re.I):
            row.update(kind="group", open=True)  # 'từng cơ quan cấp tỉnh': one row per agency, added by the officer
        rows.append(row)
    rows.append({"key": keys.make("Tổng cộng"), "label": "Tổng cộng", "kind": "total", "sum_of": "all"})
    return rows


def _breakdown_table(asks: list[Ask], sentences: list[str], rows: list[dict], note: str) -> list[Ask]:
    """Counts asked 'số liệu từng cơ quan … và các đơn vị …' → one table: a column per count, a row per unit."""
    counts = [a for a in asks if a.type == "integer"]
    if not counts:
        return asks
    keys = KeyMaker()
    cols = [{"key": keys.make(a.prompt), "label": a.prompt.rstrip(" ?")} for a in counts]
    where = [s for s in sentences if any(fold(a.prompt.rstrip(" ?"))[:20] in fold(s) for a in counts)]
    prompt = f"{' '.join(where or [counts[0].prompt]).strip()} ({note.strip(' .')})"
    code = re.search(r"(?:biểu|phụ lục)\s*(?:số\s*)?(\d{1,2}[A-Za-z]?)\b", " ".join(sentences) + " " + note, re.I)
    spec = {**({"code": code.group(1).upper()} if code else {}), "title": prompt, "columns": cols, "rows": rows}
    table = Ask(prompt, "table", counts[0].unit, table=spec, guessed="biểu (đoán từ «số liệu từng …»)")
    first = asks.index(counts[0])
    return [a for a in asks[:first]] + [table] + [a for a in asks[first:] if a not in counts]


RESULT_ACTS = (r"tinh giản|khắc phục|xử lý|bố trí|sử dụng|giải quyết|tiếp nhận|tuyển dụng|đào tạo|bồi dưỡng|kiện toàn|"
               r"số hóa|số hoá|thu hồi|cấp|sắp xếp|điều động|luân chuyển")
RESULT_NOUNS = {"biên chế": "người", "người": "người", "cán bộ": "người", "công chức": "người", "viên chức": "người",
                "đảng viên": "người", "tồn tại": "nội dung", "hạn chế": "nội dung", "nhiệm vụ": "nhiệm vụ",
                "thủ tục": "thủ tục", "tthc": "thủ tục", "hồ sơ": "hồ sơ", "văn bản": "văn bản", "tài liệu": "trang",
                "đơn thư": "đơn thư", "đơn": "đơn", "vụ việc": "vụ việc", "kiến nghị": "kiến nghị",
                "trụ sở": "trụ sở", "xe": "xe", "dự án": "dự án"}
RESULT_RE = re.compile(rf"^(?:kết quả|việc)\s+(?P<acts>(?:{RESULT_ACTS})(?:\s*,\s*(?:{RESULT_ACTS}))*)\s+"
                       rf"(?:(?:những|các|số)\s+)?(?P<obj>(?:{'|'.join(RESULT_NOUNS)})\b.*)$", re.I)


def result_counts(text: str) -> list[Ask]:
    """Where the document refers to a Biểu or Phụ lục of figures, 'Kết quả tinh giản biên chế, …', 'Việc xử lý cán
    bộ, công chức dôi dư…', 'Kết quả khắc phục những tồn tại, hạn chế … như thế nào?' also ask the number done:
    'Số biên chế đã tinh giản' (a guess, marked for review)."""
    out: list[Ask] = []
    pieces = [s.strip(" ,.;:…") for p in top_split(text, ";:") for s in re.split(r"(?<=[.?!])\s+(?=[A-ZĐÀ-Ỹ])", p)]
    for p in pieces:
        p = re.sub(r"^\(?\d{1,2}\)\s*", "", p)
        m = RESULT_RE.match(p)
        if not m:
            continue
        obj = re.split(r"\s+(?:như thế nào|ra sao|thế nào)\b|[?(;.…]", m.group("obj"))[0].strip(" ,")
        if len(obj.split()) > 10:  # '… biên chế, cơ cấu lại và nâng cao chất lượng …': the first noun only
            obj = obj.split(",")[0]
        noun = next(n for n in sorted(RESULT_NOUNS, key=len, reverse=True) if obj.lower().startswith(n))
        prompt = f"Số {obj} đã {m.group('acts').lower()}"
        out.append(Ask(prompt, "integer", RESULT_NOUNS[noun],
                       guessed="số (đoán từ «kết quả/việc …» và biểu số liệu kèm theo)"))
    return out


def asks_from_text(text: str, tables: bool = True) -> list[Ask]:
    """One bullet's text → its questions (the document's words as prompts). With `tables`, counts asked per unit
    ('ghi rõ số liệu từng cơ quan …') become a table."""
    blanks = _labelled_blanks(text.strip()) or colon_labels(text.strip())
    if blanks:
        return blanks
    text = clean_prompt(mark_units(text.strip().rstrip(";").strip()))
    guided = _labelled_guide(text) or titled_ask(text)
    if guided:
        return guided
    main, help_parts, list_fields, count_paren, docs = _parts(text)
    asks: list[Ask] = []
    main, other = _other_matters(main)
    for sent in _split_questions(main):
        segs = _carry_ref(split_count_segments(sent))
        if len(segs) == 1:
            segs = _short_clauses(sent)
        if len(segs) == 1:
            segs = _measured_inside(sent)
        asks.extend(_ask(seg) for seg in segs)
        if len(segs) == 1 and asks[-1].type == "longtext":
            asks.extend(_ask(seg) for seg in embedded_asks(sent))
    if list_fields and asks:
        base = asks[-1]
        noun = COUNT_HEAD.sub("", base.prompt).strip()
        asks.append(Ask(f"Liệt kê danh mục {noun} ({', '.join(f.lower() for f in list_fields)})", "list",
                        base.unit, fields=list_fields))
    asks.extend(_ask(seg) for seg in count_paren)
    asks.extend(Ask(o) for o in other)
    asks.extend(d for d in map(documents_ask, docs) if d is not None)
    for before, h in help_parts:
        owner = _help_owner(asks, before)
        if owner is not None and owner.type == "list" and not owner.fields and _field_names(h):
            owner.fields = _field_names(h)  # 'Liệt kê các hội chợ đã tham gia (tên, thời gian, kết quả)'
        if owner is not None:
            extra = guidance_asks(owner, h)
            if not extra:
                owner.help.append(h)
            at = asks.index(owner) + 1
            asks[at:at] = extra
    rows = next(((r, h) for _, h in help_parts if (r := breakdown_rows(h))), None) if tables else None
    if rows:
        asks = _breakdown_table(asks, _split_questions(main), *rows)
    for a in asks:  # a unit marker left in guidance or in a prompt made from other words
        a.prompt, a.help = strip_units(a.prompt), [strip_units(h) for h in a.help]
    return asks


# a blank after a label's colon: dots, dashes, slashes — or one '…' (an ellipsis right after a colon is a blank)
BLANK_AFTER_COLON = re.compile(r"\s*:\s*(?:(?:(?:…|\.|_|/)\s*){2,}|…\s*)|\s*:\s*$")
FOOTNOTE_DIGIT = re.compile(r"(?<=[A-Za-zÀ-ỹđĐ]{2})\d(?=[\s(:,.…]|$)")


# a form's label naming an identifier, not a count: 'Số điện thoại', 'Số giấy phép thành lập', 'Mã số thuế'
IDENTIFIER = re.compile(r"^(?:số (?:điện thoại|đt|fax|giấy|quyết định|tài khoản|cmnd|cccd|căn cước|chứng minh|hộ chiếu|"
                        r"hiệu|thẻ|sổ|định danh|hợp đồng|đăng ký)|mã số|mã|điện thoại|fax|e-?mail)\b", re.I)
# a form's label naming a date: 'Ngày cấp', 'Sinh ngày', 'Thời gian cấp', 'Ngày, tháng, năm sinh'
DATE_LABEL = re.compile(r"^(?:ngày\b|(?:sinh|cấp|ký|lập|vào đảng|vào đoàn) ngày$|thời gian (?:cấp|ký|ban hành|thành lập)$)",
                        re.I)


def field_type(label: str) -> tuple[str, str | None]:
    """The type of a form's labelled blank: an identifier or a date by its words, a figure where the label counts
    (or names its unit: 'Công suất thiết kế (tấn/năm)'), else a line of text."""
    s = label.strip()
    if IDENTIFIER.match(s) and not re.search(r"\b(?:đã|được)\b", s, re.I):
        return "text", None
    if DATE_LABEL.match(s):
        return "date", None
    typ, unit, _ = guess_type(s)
    if typ in ("integer", "decimal", "percent", "money", "date"):
        return typ, unit
    m = re.search(r"\((?P<u>[^()]{1,20})\)\s*$", s)
    if m and measure_unit(m.group("u")):
        return "decimal", m.group("u").strip()
    return "text", None


UNIT_WORDS = re.compile(r"^(?:tấn|kg|tạ|ha|m2|m²|m3|m³|km|m|lít|con|người|hộ|triệu đồng|tỷ đồng|nghìn đồng|đồng|"
                        r"kwh|mw|lượt|chiếc|cái)(?:\s*/\s*(?:năm|tháng|ngày|giờ|ha|người|hộ))?$", re.I)


def measure_unit(text: str) -> bool:
    """'tấn/năm', 'ha', 'triệu đồng': a unit of measure (a figure's label names it in parentheses)."""
    return bool(UNIT_WORDS.match(text.strip()))


def _labelled_blanks(text: str) -> list[Ask]:
    """A form's line of labelled blanks with no unit after them ('Số Giấy chứng nhận …:……… Ngày cấp: ……/…../…….
    Nơi cấp:', 'Tên HTX (viết đầy đủ bằng chữ in hoa):……'): one ask per label — a date where the blank is
    '…/…/…', a figure where the label counts, else a line of text. A blank followed by its unit ('… người') is
    left to the counts."""
    marks = list(BLANK_AFTER_COLON.finditer(text))
    if not any(m.group(0).strip(" :") for m in marks):  # 'Thuận lợi:' alone is a heading that asks, not a blank
        return []
    out: list[Ask] = []
    start = 0
    for m in marks:
        label = FOOTNOTE_DIGIT.sub("", text[start:m.start()]).strip(" .;,")
        start = m.end()
        if not label:
            continue
        if len(label.split()) > 25 or not label[0].isupper():
            return []
        typ, unit = field_type(label)
        if "/" in m.group(0):
            typ, unit = "date", None
        out.append(Ask(label, typ, unit))
    if text[start:].strip(" .;,"):  # words after the last blank: a unit or more text, not a form line
        return []
    return out


YESNO_COLON = re.compile(r"^(?P<q>.{5,}?\bkhông)\s*:\s*có\s*:?\s*không\s*:?\s*$", re.I)


def colon_labels(text: str) -> list[Ask]:
    """A form whose blanks the copy lost, on one line: 'Trường có Ban Sức khoẻ không: Có: Không:' → a yes/no
    question; 'Tổng số học sinh: Nam: Nữ:' → three labels, the parts of a count counted too. [] otherwise."""
    m = YESNO_COLON.match(text)
    if m:
        return [Ask(m.group("q").strip(), "yesno")]
    if not text.endswith(":") or BLANK_AFTER_COLON.search(text.rstrip(":")) or "…" in text or ".." in text:
        return []
    parts = [p.strip(" -") for p in text.rstrip(": ").split(":")]
    if len(parts) < 2 or any(not p or len(p.split()) > 8 or not p[0].isupper() or "." in p for p in parts):
        return []
    head_type, head_unit = field_type(parts[0])
    out = [Ask(parts[0], head_type, head_unit)]
    for p in parts[1:]:
        typ, unit = field_type(p)
        if head_type == "integer" and typ == "text" and len(p.split()) <= 3:  # 'Nam', 'Nữ' of a count
            typ, unit = "integer", head_unit
        out.append(Ask(p, typ, unit))
    return out


LABELLED_GUIDE = re.compile(r"^(?P<label>[^:()]{5,140}?):\s*(?:nêu rõ|ghi rõ|làm rõ|nêu cụ thể|nêu)\s+(?P<rest>.+)$", re.I)


def _labelled_guide(text: str) -> list[Ask]:
    """'Công tác kiểm tra …: Nêu rõ việc có hay không ban hành kế hoạch kiểm tra; tổng số cuộc kiểm tra; kết quả
    kiểm tra' → one ask per part ('… có hay không …' yes/no, a count, a narrative); the label is their help."""
    m = LABELLED_GUIDE.match(text)
    if not m:
        return []
    parts = [p.strip(" .;") for p in top_split(m.group("rest"), ";") if p.strip(" .;")]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return []
    out: list[Ask] = []
    for p in parts:
        p = re.sub(r"^việc\s+(?=có hay không)", "", p, flags=re.I)
        a = _ask(p[0].upper() + p[1:])
        if re.search(r"\bcó hay không\b|\bđã\b.*\bhay chưa\b", p, re.I):
            a.type, a.unit = "yesno", None
        out.append(a)
    out[0].help.append(m.group("label").strip())
    return out


TITLED = re.compile(r"^(?P<label>[^:()\d?]{3,60}?)\s*:\s+(?P<rest>[^:?;]{12,}?)[.;]?$")
NOT_TITLE = re.compile(r"^(?:về|trong đó|gồm|bao gồm|cụ thể|lưu ý|ghi chú|chú ý|ví dụ|kính gửi|nơi nhận|căn cứ|v/v|về việc)\b",
                       re.I)
NAME_LABEL = re.compile(r"^(?:tên|họ và tên|họ tên|địa chỉ|chức vụ|nghề nghiệp|quê quán|nơi|đơn vị|cơ quan)\b", re.I)
DATE_VALUE = re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\b\d{1,2}/\d{1,2}/\d{4}\b", re.I)


def titled_ask(text: str) -> list[Ask]:
    """'Đặt vấn đề: Nêu lên sự cần thiết của đề tài, …' → the short title asks, the rest is its guidance; a filled
    field 'Tên sáng kiến: Vận dụng …' / 'Thời gian triển khai: từ ngày 01 tháng 6 năm 2013' → the label asks (a line
    of text for a name, a date where the value is one). [] when the line is no 'Title: words' pair."""
    m = TITLED.match(text.strip())
    if not m or BLANK_AFTER_COLON.search(text):
        return []
    label, rest = m.group("label").strip(" -–+•"), m.group("rest").strip()
    if not label[:1].isupper() or len(label.split()) > 8 or len(rest.split()) < 3 or NOT_TITLE.match(label):
        return []
    if COUNT_HEAD.match(rest) or re.search(r"\bhay không\b|\bbao nhiêu\b", rest, re.I):  # the rest asks itself
        return []
    if DATE_VALUE.search(rest) and re.match(r"^(?:thời gian|ngày)\b", label, re.I):
        return [Ask(label, "date", help=[f"Ví dụ: {rest}"])]
    if NAME_LABEL.match(label):
        return [Ask(label, "text", help=[f"Ví dụ: {rest}"])]
    typ, unit, _ = guess_type(label)
    return [Ask(label, typ, unit, help=[rest[0].upper() + rest[1:]])]


GUIDE_VERB = re.compile(r"^(?:nêu rõ|ghi rõ|làm rõ|nêu cụ thể|ghi cụ thể|nêu)\s+", re.I)
REASONS = r"khó khăn|vướng mắc|nguyên nhân|lý do|giải pháp|kiến nghị|đề xuất|hạn chế|tồn tại"
ITEM_NOUNS = ("nhiệm vụ", "văn bản", "thủ tục", "tthc", "dự án", "đề án", "công trình", "hồ sơ", "vụ việc",
              "chỉ tiêu", "cơ quan", "đơn vị", "lĩnh vực", "sản phẩm", "mô hình", "đơn thư")
ATTR_START = re.compile(rf"^(?:từng\s+)?(?:tên|{ATTRS_VI}|{'|'.join(ITEM_NOUNS)})\b", re.I)
FIGURE_WORDS = re.compile(r"\b(?:số liệu|số lượng|tỷ lệ|tổng số|kinh phí|số tiền)\b|^số\s", re.I)


def _guide_items(rest: str) -> list[str]:
    """'nhiệm vụ chưa hoàn thành, khó khăn, vướng mắc và nguyên nhân' → its items (', ' and ' và ' outside
    parentheses; a comma inside 'của từng ban, sở, ngành' does not split when the next words name no item)."""
    parts = re.split(rf",\s+(?=(?:từng\s+|các\s+)?(?:tên|{ATTRS_VI}|{REASONS}|{'|'.join(ITEM_NOUNS)})\b)"
                     rf"|\s+và\s+(?=(?:{REASONS}|{ATTRS_VI}|tên)\b)|\s*;\s*", rest, flags=re.I)
    return [p.strip(" ,.;") for p in parts if p.strip(" ,.;")]


def _field_label(item: str) -> str:
    label = re.sub(r"^từng\s+", "", item.strip(), flags=re.I)
    words = label.split()
    if len(words) > 6:  # 'tên thủ tục thuộc thẩm quyền giải quyết của từng ban…' → 'Tên thủ tục'
        label = re.split(r"\s(?:thuộc|của|trong|tại|theo)\s", label, maxsplit=1)[0]
    return label[0].upper() + label[1:]


def guidance_asks(owner: Ask, guide: str) -> list[Ask]:
    """A parenthesis that asks for more than a number can hold becomes a question of its own:
    - on a count, '(nêu rõ khó khăn, vướng mắc và nguyên nhân …)' → a narrative question with those words;
    - on a count, '(ghi rõ từng lĩnh vực, tên thủ tục …)', '(ghi rõ thời gian dự kiến ban hành)' → the list of
      the counted items with those fields;
    - on a narrative ask, '(nêu rõ nhiệm vụ chưa hoàn thành, khó khăn … và nguyên nhân)' → the ask itself is a
      list (one row per item named first) with those fields.
    Returns the new asks (none when the parenthesis is only help)."""
    m = GUIDE_VERB.match(guide.strip())
    if not m:
        return []
    rest = guide.strip()[m.end():].rstrip(" .;")
    items = _guide_items(rest)
    if not items or FIGURE_WORDS.search(rest) or re.search(r"\bsố,?\s+ngày\b", rest, re.I):
        return []
    reasons = [bool(re.match(rf"^(?:{REASONS})\b", i, re.I)) for i in items]
    text = guide.strip().rstrip(" .;")
    if owner.type == "integer" and all(reasons):
        return [Ask(text[0].upper() + text[1:])]
    attrs = [bool(ATTR_START.match(i)) for i in items]
    if owner.type == "integer" and attrs[0] and not any(reasons):
        counted = COUNT_HEAD.sub("", owner.prompt.strip(), count=1)
        counted = re.sub(r"^(?:có|còn|đã có)\s+", "", TRAIL_REF.sub("", counted), flags=re.I).strip(" ?.")
        noun = _head_noun(owner.prompt) or counted
        fields = [_field_label(i) for i in items]
        if not re.match(r"^(?:từng\s+)?(?:tên|" + "|".join(ITEM_NOUNS) + ")", items[0], re.I):
            fields.insert(0, noun[0].upper() + noun[1:])
        return [Ask(f"Danh sách {counted} ({text[0].lower()}{text[1:]})", "list", owner.unit, fields=fields[:8],
                    guessed="danh sách (đoán từ «ghi rõ …» sau một câu hỏi số)")]
    if (owner.type == "longtext" and len(items) >= 3 and re.match(r"^(?:" + "|".join(ITEM_NOUNS) + r")\b", items[0], re.I)
            and any(reasons)):
        owner.type, owner.fields = "list", [_field_label(i) for i in items][:8]
        owner.guessed = "danh sách (đoán từ «nêu rõ …» kể các mục của từng việc)"
        owner.help.append(guide)
    return []


def _help_owner(asks: list[Ask], before: str) -> Ask | None:
    """The ask a parenthesis follows: the last one whose prompt ends with the most words written before it."""
    words = norm_words(before).split()
    ends = [norm_words(TRAIL_REF.sub("", a.prompt)) for a in asks]  # '… hiệu quả? (Biểu 2)' ends '… hiệu quả'
    for k in range(len(words), 0, -1):
        tail = " ".join(words[-k:])
        hits = [a for a, e in zip(asks, ends, strict=True) if e.endswith(tail)]
        if hits:
            return hits[-1]
    return asks[0] if asks else None


OTHER_MATTERS = re.compile(
    r"[,;]?\s+và\s+(?P<o>(?:các|những)\s+(?:nội dung|vấn đề|việc|nhiệm vụ)\s+khác\b[^.;?()]*)[.;]?\s*$", re.I)


def _other_matters(main: str) -> tuple[str, list[str]]:
    """'… và các nội dung khác có liên quan hoặc phát sinh.' → its own question after the main ask."""
    m = OTHER_MATTERS.search(main)
    if not m or len(main[:m.start()].split()) < 3:
        return main, []
    o = m.group("o").strip()
    return main[:m.start()].rstrip(" ,;"), [o[0].upper() + o[1:]]


MEASURED = re.compile(r"^(?P<head>(?:hình thức|việc|kết quả|cách thức|phương pháp)\b.*?)\s(?P<m>(?:mức độ|tỷ lệ|chỉ số)\s.+?)"
                      r"\s+đạt\b.*$", re.I)


def _measured_inside(sent: str) -> list[str]:
    """'Hình thức triển khai đo lường mức độ hài lòng của người dân … đạt %' → how it is measured (narrative) and
    the measure ('Mức độ hài lòng của người dân … đạt (%)')."""
    m = MEASURED.match(sent.strip())
    if not m:
        return [sent]
    head = re.sub(r"\s+đạt\b.*$", "", sent.strip())
    return [head, f"{m.group('m')[0].upper()}{m.group('m')[1:]} đạt (%)"]


def _short_clauses(sent: str) -> list[str]:
    """'Các khó khăn của cấp tỉnh; kết quả khắc phục, giải quyết; đề xuất, kiến nghị' — short asks joined by
    ';' (none longer than ten words) → one question each. Long clauses stay one narrative question."""
    pieces = [p.strip(" ,.;") for p in top_split(sent, ";")]
    if len(pieces) < 2 or not all(2 <= len(p.split()) <= 10 for p in pieces):
        return [sent]
    return [p[0].upper() + p[1:] for p in pieces]


def _carry_ref(segs: list[str]) -> list[str]:
    """'… bao nhiêu X, còn bao nhiêu Y? (Biểu 3)' split into counts: each count keeps the Biểu reference."""
    m = TRAIL_REF.search(segs[-1]) if len(segs) > 1 else None
    if not m:
        return segs
    ref = m.group(0).strip(" .?")
    return [s if s is segs[-1] or ref in s or not COUNT_HEAD.match(s) and "bao nhiêu" not in s.lower()
            else f"{s.rstrip(' ?.')} {ref}" for s in segs]


def _split_questions(text: str) -> list[str]:
    """Several questions in one bullet ('…như thế nào? Đã hoàn thành bao nhiêu…?') → one each."""
    if "?" not in text.rstrip(" ?"):
        return _yesno_tail(text)
    parts = re.split(r"(?<=\?)\s+(?=\S)", text)
    out: list[str] = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out and (len(p.split()) < 3 or not re.search(r"\w", p)):
            out[-1] += " " + p
        else:
            out.append(p[0].upper() + p[1:])
    return [y for p in out for y in _yesno_tail(p)]


YESNO_TAIL = re.compile(r"^(?P<a>.{30,}?)[,;]\s+(?P<b>(?:có|đã)\s[^;]+?\s(?:không|chưa))\s*\??\s*$", re.I)


def _yesno_tail(text: str) -> list[str]:
    """'Kết quả … như thế nào, có bảo đảm kịch bản tăng trưởng không?' → the narrative ask and the yes/no ask."""
    m = YESNO_TAIL.match(text.strip())
    if not m or QUESTION_RE.search(fold(m.group("b"))):
        return [text]
    a = m.group("a").rstrip(" ,;")
    return [a + "?" if text.rstrip().endswith("?") else a, m.group("b")[0].upper() + m.group("b")[1:] + "?"]


def is_help_line(line: str) -> bool:
    s = line.strip()
    if s.startswith("(") and s.rstrip(".").endswith(")"):
        return True
    return fold(s).startswith(("luu y", "chu y", "ghi chu"))


def none_everywhere(text: str) -> bool:
    f = fold(text)
    return bool(re.search(r"(khong co noi dung|khong co so lieu|khong phat sinh).{0,40}ghi\s*[\"“”'‘’«]?\s*khong", f))
