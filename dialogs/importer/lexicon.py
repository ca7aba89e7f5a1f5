"""The importer's Vietnamese lexicon: the words and patterns that mark counts, measures, guidance, blanks and
asks, and the small text helpers built on them (parentheses, top-level splitting, cleaning a prompt)."""

from __future__ import annotations

import re

COUNT_HEAD = re.compile(r"^(?:(?:có|còn|đã có)\s+)?(tổng số lượng|tổng số|số lượng|số|bao nhiêu)\s+(?!hóa|hoá|liệu|ký hiệu|hiệu)", re.I)


COUNT_SPLIT = re.compile(
    r"\s*[;,]\s*(?:trong đó[,:]?\s+)?"
    r"(?=(?:tổng số|số lượng|số(?!\s+(?:hóa|hoá|liệu|ký|hiệu|ngày))|(?:còn|đã|có)\s+bao nhiêu|bao nhiêu|đạt tỷ lệ|tỷ lệ|tỉ lệ)\s)",
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


MEASURE_KEYS = sorted(MEASURES, key=len, reverse=True)


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
    for key in MEASURE_KEYS:
        if re.match(rf"(?:các\s+|những\s+)?{re.escape(key)}\b", low):
            return MEASURES[key]
    m2 = re.search(r"bao nhiêu\s+(\w+(?:\s\w+)?)", text, re.I)
    if m2:
        for key in MEASURE_KEYS:
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


TRAIL_REF = re.compile(r"[\s.?]*\((?:phụ lục|biểu)[^()]{0,40}\)[\s.]*$", re.I)


ATTRS_VI = "nội dung|chủ thể|thời gian|thời hạn|kết quả|sản phẩm|tên|tiến độ|cơ quan|đơn vị|trích yếu|ngày"


ATTRS = r"noi dung|chu the|thoi gian|thoi han|ket qua|san pham|ten|tien do|co quan|don vi|trich yeu|ngay"


# how an assessment is to be made, after 'đánh giá' ('đánh giá khách quan, toàn diện tình hình …', 'đánh giá tổng quát
# những ưu điểm …'): no part of what is assessed
MANNER = re.compile(
    r"(?i)^(?:(?:một cách\s+)?(?:khách quan|toàn diện|tổng quát|tổng thể|đúng|đầy đủ|chính xác|trung thực|sâu sắc|"
    r"nghiêm túc|thực chất|kỹ lưỡng)(?:\s*,\s*|\s+và\s+|\s+)(?=\S))+"
)


# a list naming the members of a counted thing: '… kết quả 15 năm của 5 danh hiệu văn hóa gồm: A; B; C' (what it is
# of, not things to report one by one)
COUNTED_MEMBERS = re.compile(
    r"(?i)(?P<obj>\S[^.;:]{3,200}?\bcủa\s+(?:\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+[^\s.;:,]+(?:\s+[^\s.;:,]+){0,4}?)"
    r"\s+(?:gồm|bao gồm)\s*:\s*(?P<list>[^.:]+?\S;[^.:]+)"
)


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


RATIO = re.compile(r"\s*/\s*(?=(?:tổng số|chỉ tiêu|số lượng|số)\s)|\s+(?=trong tổng số\s)", re.I)


TIME_POINTS = re.compile(r"^(?P<pre>.+?)\s+(?P<alts>(?:trước khi|tại thời điểm|sau khi)\b.+)$", re.I)


NARRATIVE_START = re.compile(r"^(?:tình hình|kết quả|nguyên nhân|lý do|giải pháp|đánh giá|khó khăn|vướng mắc|việc|công tác|"
                             r"những|các|hình thức|nội dung|đề xuất|kiến nghị|phân loại|chia|liệt kê|ghi|nêu)\b", re.I)


TIME_ONLY = re.compile(r"^(?:tính\s+)?(?:đến|đến trước|trước|sau|từ|tại|vào|trong)\s+(?:ngày|tháng|năm|thời điểm|nay|"
                       r"\d{1,2}/\d{1,2})[\w\s/.-]{0,20}$", re.I)


GUIDED_COUNT = re.compile(r"\b(?:nêu rõ|ghi rõ|nêu)\s+((?:tổng số|số lượng|số)\s+[^,;.()]+)", re.I)


# a form's blank: an ellipsis, two dots or underscores or more (GAP); with the dots, spaces and ellipses after it
# (GAP_RUN); a blank of three dots or more and what follows it (BLANK_RUN)
GAP = r"(?:…|\.{2,}|_{2,})"
GAP_RUN = GAP + r"[….\s_]*"
BLANK_RUN = r"(?:…|\.{3,}|_{3,})[….\s_]*"
# 'Ngày sinh: …… ghi bằng chữ: ……', 'Số tiền: …… (viết bằng chữ: ……)': the field before it again, written in words
IN_WORDS = re.compile(r"(?i)\(?\s*(?:ghi|viết)?\s*(?:đầy đủ\s+)?bằng chữ\s*\)?")


DOTS_RE = re.compile(r"\s*[:;,]?\s*(?:…|\.{3,})[.…]*")


def clean_prompt(text: str) -> str:
    """'Tổng số nhiệm vụ: … nhiệm vụ.' → 'Tổng số nhiệm vụ'; 'Tỷ lệ …: %' → 'Tỷ lệ …'; a blank inside a running
    sentence ('nghe đồng chí……thay mặt …') leaves a space between the words around it."""
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
    text = "".join(a + (" " if a[-1:].isalnum() and b[:1].isalnum() else "")
                   for a, b in zip(out, out[1:] + [""], strict=True))
    text = re.sub(r"[:\s]*%\s*\.?\s*$", " (%)", text)
    return re.sub(r"\s{2,}", " ", text).strip(" :;,.")


BREAKDOWN = re.compile(r"^(?:ghi rõ|nêu rõ|nêu)\s+số liệu\s+(?:cụ thể\s+)?(?:của\s+|cho\s+)?(?P<e>(?:từng|các|khối)\b.+)$",
                       re.I)


RESULT_ACTS = (r"tinh giản|khắc phục|xử lý|bố trí|sử dụng|giải quyết|tiếp nhận|tuyển dụng|đào tạo|bồi dưỡng|kiện toàn|"
               r"số hóa|số hoá|thu hồi|cấp|sắp xếp|điều động|luân chuyển")


RESULT_NOUNS = {"biên chế": "người", "người": "người", "cán bộ": "người", "công chức": "người", "viên chức": "người",
                "đảng viên": "người", "tồn tại": "nội dung", "hạn chế": "nội dung", "nhiệm vụ": "nhiệm vụ",
                "thủ tục": "thủ tục", "tthc": "thủ tục", "hồ sơ": "hồ sơ", "văn bản": "văn bản", "tài liệu": "trang",
                "đơn thư": "đơn thư", "đơn": "đơn", "vụ việc": "vụ việc", "kiến nghị": "kiến nghị",
                "trụ sở": "trụ sở", "xe": "xe", "dự án": "dự án"}


RESULT_RE = re.compile(rf"^(?:kết quả|việc)\s+(?P<acts>(?:{RESULT_ACTS})(?:\s*,\s*(?:{RESULT_ACTS}))*)\s+"
                       rf"(?:(?:những|các|số)\s+)?(?P<obj>(?:{'|'.join(RESULT_NOUNS)})\b.*)$", re.I)


# a blank after a label's colon: dots, dashes, slashes — or one '…' (an ellipsis right after a colon is a blank)
BLANK_AFTER_COLON = re.compile(r"\s*:\s*(?:(?:(?:…|\.|_|/)\s*){2,}|…\s*)|\s*:\s*$")


FOOTNOTE_DIGIT = re.compile(r"(?<=[A-Za-zÀ-ỹđĐ]{2})\d(?=[\s(:,.…]|$)")


# a form's label naming an identifier, not a count: 'Số điện thoại', 'Số giấy phép thành lập', 'Mã số thuế'
IDENTIFIER = re.compile(r"^(?:số (?:điện thoại|đt|fax|giấy|quyết định|tài khoản|cmnd|cccd|căn cước|chứng minh|hộ chiếu|"
                        r"hiệu|thẻ|sổ|nhà(?=\s*(?:$|[:(,/…._]))|bệnh án$|định danh|hợp đồng|đăng ký|cmtnd|cmt|cmtqđ|chứng chỉ|báo danh|biển|căn cước công dân)|mã số|mã(?!\s+(?:hóa|hoá|độc|nguồn|lệnh))|"
                        r"điện thoại|fax|e-?mail|.{3,50}(?<!tổng)(?<!có)(?<!là)\ssố$)", re.I)  # 'Giấy phép kinh doanh số', 'Quyết định số'


# a form's label naming a place by its administrative level: 'Tỉnh/TP', 'Xã (phường)', 'Huyện/quận/thị xã', 'Thôn (tổ)'
ADMIN_LABEL = re.compile(r"(?i)^(?:tỉnh|thành phố|tp|huyện|quận|thị xã|thị trấn|xã(?!\s+hội)|phường|thôn|xóm|ấp|bản|"
                         r"làng|tổ dân phố|tổ|khu phố|khóm|khối)(?:\s*[/(),]\s*(?:tỉnh|thành phố|tp|huyện|quận|thị xã|"
                         r"thị trấn|xã|phường|thôn|xóm|ấp|bản|làng|tổ dân phố|tổ|khu phố|khóm|khối)\)?)*\s*:?$")


# a form's label naming a date: 'Ngày cấp', 'Sinh ngày', 'Thời gian cấp', 'Ngày, tháng, năm sinh'
DATE_LABEL = re.compile(r"^(?:ngày\b|(?:sinh|cấp|ký|lập|vào đảng|vào đoàn) ngày$|thời gian (?:cấp|ký|ban hành|thành lập)$|"
                        r"(?:dự kiến\s+)?(?:thời gian|thời điểm|ngày)\s+(?:bắt đầu|kết thúc|hoàn thành)\b|thời điểm(?:\s+[^\W\d_]+){1,2}$(?<!\bgiờ)|"
                        r".{3,60}\s(?:từ|đến|trước) ngày$|(?!(?:tổng\s+)?số\b|bình quân|trung bình)(?:\w+\s+){1,4}ngày$|thời hạn (?:của )?(?:giấy|chứng chỉ|chứng nhận)\b)", re.I)


UNIT_WORDS = re.compile(r"^(?:tấn|kg|tạ|ha|m2|m²|m3|m³|km|m|lít|con|người|hộ|triệu đồng|tỷ đồng|nghìn đồng|đồng|"
                        r"kwh|mw|lượt|chiếc|cái|giờ)(?:\s*/\s*(?:năm|tháng|ngày|giờ|ha|người|hộ|sào|m2|kg|con|tấn|lít|công)){0,2}$", re.I)  # 'triệu đồng/người/năm'


YESNO_COLON = re.compile(r"^(?P<q>.{5,}?\bkhông)\s*:\s*có\s*:?\s*không\s*:?\s*$", re.I)


LABELLED_GUIDE = re.compile(r"^(?P<label>[^:()]{5,140}?):\s*(?:nêu rõ|ghi rõ|làm rõ|nêu cụ thể|nêu)\s+(?P<rest>.+)$", re.I)


TITLED = re.compile(r"^(?P<label>[^:()\d?]{3,60}?)\s*:\s+(?P<rest>[^:?]{12,}?)[.;]?$")


NOT_TITLE = re.compile(r"^(?:về|trong đó|gồm|bao gồm|cụ thể|lưu ý|ghi chú|chú ý|ví dụ|kính gửi|nơi nhận|căn cứ|v/v|về việc)\b",
                       re.I)


NAME_LABEL = re.compile(r"^(?:tên|họ và tên|họ tên|địa chỉ|chức vụ|nghề nghiệp|nghề|quê quán|nguyên quán|hộ khẩu|"
                        r"thường trú|tạm trú|nơi|đơn vị|cơ quan|địa điểm|dân tộc|tôn giáo|điện thoại|email)\b", re.I)


DATE_VALUE = re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\b\d{1,2}/\d{1,2}/\d{4}\b", re.I)


GUIDE_VERB = re.compile(r"^(?:nêu rõ|ghi rõ|làm rõ|nêu cụ thể|ghi cụ thể|nêu)\s+", re.I)


REASONS = r"khó khăn|vướng mắc|nguyên nhân|lý do|giải pháp|kiến nghị|đề xuất|hạn chế|tồn tại"


ITEM_NOUNS = ("nhiệm vụ", "văn bản", "thủ tục", "tthc", "dự án", "đề án", "công trình", "hồ sơ", "vụ việc",
              "chỉ tiêu", "cơ quan", "đơn vị", "lĩnh vực", "sản phẩm", "mô hình", "đơn thư")


ATTR_START = re.compile(rf"^(?:từng\s+)?(?:tên|{ATTRS_VI}|{'|'.join(ITEM_NOUNS)})\b", re.I)


FIGURE_WORDS = re.compile(r"\b(?:số liệu|số lượng|tỷ lệ|tổng số|kinh phí|số tiền)\b|^số\s", re.I)


OTHER_MATTERS = re.compile(
    r"[,;]?\s+và\s+(?P<o>(?:các|những)\s+(?:nội dung|vấn đề|việc|nhiệm vụ)\s+khác\b[^.;?()]*)[.;]?\s*$", re.I)


MEASURED = re.compile(r"^(?P<head>(?:hình thức|việc|kết quả|cách thức|phương pháp)\b.*?)\s(?P<m>(?:mức độ|tỷ lệ|chỉ số)\s.+?)"
                      r"\s+đạt\b.*$", re.I)


YESNO_TAIL = re.compile(r"^(?P<a>.{30,}?)[,;]\s+(?P<b>(?:có|đã)\s[^;]+?\s(?:không|chưa))\s*\??\s*$", re.I)


# the label over the people present in minutes (a list to fill in)
PEOPLE_LABEL = re.compile(r"(?i)(?:^|[\s.;])(?P<l>chúng tôi gồm(?: có)?|thành phần(?: tham (?:dự|gia)| gồm(?: có)?| khác| mời| đoàn"
                          r"(?: kiểm tra)?)?|(?:đoàn|tổ) (?:kiểm tra|công tác|thẩm định) gồm(?: có)?|(?:những )?người "
                          r"(?:tham dự|có mặt)(?: gồm)?)\s*:\s*$")
