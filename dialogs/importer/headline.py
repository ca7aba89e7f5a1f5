"""A name for a document that names itself nowhere (a news item relaying a plan, a letter asking for a report in its
first paragraph, a table copied without its heading): the report its sentences ask for, else its headline, else a
plain name that the unsure points ask the administrator to replace. Never the file name: an administrator's
'bao_cao_final_v2.docx' is no title for officers."""

from __future__ import annotations

import re

from dialogs.text import fold

# the kind of report a sentence asks for: 'báo cáo kết quả …', 'báo cáo tổng kết …', 'báo cáo kiểm điểm …'
KINDS = (
    r"kết quả|tổng kết|sơ kết|kiểm điểm|đánh giá|tình hình|công tác|thực hiện|tự đánh giá|tổng hợp|thống kê|"
    r"tiến độ|rà soát"
)
ASKED = re.compile(rf"(?<![\w/])[Bb]áo cáo\s+(?P<r>(?:{KINDS})\s[^.;:?!()\[\]\n“”\"]{{8,400}})")
# where the report's subject ends and the sentence goes on about who, when and why
STOP = re.compile(
    r"(?i)\s*(?:,\s*)?\b(?:gửi|phục vụ|để|nhằm|trước ngày|chậm nhất|kèm theo|theo (?:kế hoạch|công văn|"
    r"quyết định|nghị quyết|chỉ thị|quy định|hướng dẫn|yêu cầu|tinh thần|đúng|mẫu|biểu|phụ lục)|do (?:sở|ban|ubnd|ủy ban|cơ quan|đơn vị)|"
    r"về (?:sở|ban|ubnd|ủy ban|phòng|văn phòng)|trình (?:ubnd|ủy ban|hđnd|quốc hội|chính phủ)|"
    r"cụ thể như sau|như sau|với các nội dung|gồm các nội dung|bao gồm|trong đó|phải|cần phải)\b.*$"
    r"|\s*,\s*do\s.*$|\s*,\s*(?:gồm|gồm có|cụ thể là)\s.*$|\s+của (?:đơn vị|cơ quan|địa phương)(?:\s+mình)?\s*$"  # ', do Văn phòng … gửi', ', gồm …', '… của đơn vị'
)
# a plan or guide for a review: the report it asks for is that review ('Kế hoạch tổng kết 05 năm …')
REVIEW_PLAN = re.compile(
    r"(?i)^(?:kế hoạch|hướng dẫn|công văn)\s+(?:về\s+(?:việc\s+)?)?(?P<k>tổng kết|sơ kết)\s+"
    r"(?P<r>\S.{8,300})$"
)
# 'Để tổng kết, đánh giá việc thực hiện X theo Quyết định …' (a letter's first sentence)
REVIEW_SENTENCE = re.compile(
    r"(?i)\b(?:(?:để|tiến hành|tổ chức)\s+(?:công tác\s+)?(?P<k>tổng kết|sơ kết)(?:,\s*đánh giá)?"
    r"|(?:tiến hành|tổ chức)\s+(?P<k2>đánh giá)(?=\s+(?:giữa kỳ|cuối kỳ|giữa nhiệm kỳ|\d+\s+năm)\b))"  # ('… hướng dẫn tổ
    r"\s+(?:(?:việc|kết quả)\s+)?"  # chức đánh giá giữa kỳ thực hiện …': a review organised at a stage)
    r"(?:thực hiện\s+)?(?P<r>\S[^.;:()]{8,300})"
)
CITED_ACT = re.compile(r"(?i)\s+(?:theo|tại)\s+(?:quyết định|nghị quyết|chỉ thị|thông tư|kế hoạch)\s+số\b.*$")
MAX_WORDS = 40


# a cited act's date and issuer after its number ('Nghị quyết số 19/NQ-CP ngày 18/3/2014 của Chính phủ'): the act's
# particulars, not the report's subject (its number names the act); a subject after the issuer ('… về …') stays
ACT_DATE = re.compile(r"(\bsố\s+[\w.-]*\d[\w.-]*/[\w/-]+)\s+ngày\s+\d{1,2}/\d{1,2}/\d{4}"
                      r"(?:\s+của\s+[A-ZĐÀ-Ỹ](?:(?!\svề\s)[^,;]){0,40}?(?=$|,))?")


def _cut(rest: str) -> str:
    rest = ACT_DATE.sub(r"\1", STOP.sub("", re.sub(r"\s+", " ", rest))).strip(" ,;:-–")
    words = rest.split()
    return " ".join(words[:MAX_WORDS]) if len(words) >= 3 else ""  # the kind and what it is of


# a numbered heading that is the report's own name and nothing else: '1. Báo cáo kết quả kiểm tra:'
REPORT_HEADING = re.compile(
    rf"^(?:\d{{1,2}}[.)]|[IVX]{{1,4}}\.|[a-h]\))\s*(?P<n>[Bb]áo cáo\s+(?:{KINDS})\s[^.;:?!()…]{{3,120}}?)\s*:?$"
)


def asked_report(lines: list[str]) -> str | None:
    """The report the first sentences ask for, the fullest wording of it ('… phối hợp báo cáo kết quả thực hiện
    Chương trình MTQG giảm nghèo bền vững, các chương trình, … năm 2022' rather than the headline's shorter one); a
    numbered heading that is the report's name alone ('1. Báo cáo kết quả giám sát:') names it first."""
    for s in lines[:40]:
        m = REPORT_HEADING.match(s.strip())
        if m and len(m.group("n").split()) <= 16:
            return m.group("n")
    found: list[str] = []
    for s in lines[:40]:
        for m in ASKED.finditer(s):
            rest = _cut(m.group("r"))
            if rest:
                found.append(f"Báo cáo {rest}")
    if not found:
        return None
    first = fold(found[0])
    longer = [x for x in found if fold(x).startswith(first[: max(20, len(first) // 2)]) or _same_subject(first, x)]
    return max(longer, key=len)


KIND_WORDS = set(fold(KINDS.replace("|", " ")).split()) | {"bao", "cao", "cua", "ve", "viec"}


def _same_subject(first: str, other: str) -> bool:
    """A later sentence asks for the same report in fuller words when it holds every word of the first one's subject
    (its words after the kind: 'báo cáo kết quả thực hiện dồn điền đổi thửa' in a headline, 'báo cáo tình hình thực
    hiện công tác dồn điền đổi thửa, tích tụ …' in the text)."""
    subject = set(re.findall(r"\w+", first)) - KIND_WORDS
    return len(subject) >= 2 and subject <= set(re.findall(r"\w+", fold(other)))


def review_report(lines: list[str]) -> str | None:
    """A plan or letter for a review ('Kế hoạch tổng kết 05 năm thực hiện Đề án …', 'Để tổng kết, đánh giá việc thực
    hiện đào tạo nghề … theo Quyết định số 1956/QĐ-TTg …'): the review's report."""
    for s in lines[:40]:
        s = s.strip()
        m = REVIEW_PLAN.match(s) if len(s.split()) <= 60 and not s.endswith(".") else None
        m = m or REVIEW_SENTENCE.search(s)
        if m:
            rest = _cut(CITED_ACT.sub("", m.group("r")))
            if len(rest.split()) >= 3:
                return f"Báo cáo {(m.group('k') or m.group('k2')).lower()} {rest}"
    return None


# a page's headline naming the contents of a report: 'Nội dung báo cáo sự cố môi trường' → 'Báo cáo sự cố môi trường'
CONTENTS_HEADLINE = re.compile(r"(?i)^(?:nội dung|yêu cầu)\s+(?:của\s+)?(?:việc\s+)?(?P<n>báo cáo\s+[^.;:?!…]{6,150})$")


def contents_headline(lines: list[str]) -> str | None:
    """The report a page's headline (among its first three lines) says the contents of, or None."""
    for s in lines[:3]:
        m = CONTENTS_HEADLINE.match(s.strip())
        if m and len(m.group("n").split()) <= 20:
            return "B" + m.group("n")[1:]
    return None


def news_headline(lines: list[str], report_ok: bool = False) -> str | None:
    """A news item's headline: its first line, in sentence case, five to thirty words with no full stop, colon, blank
    or question, right over a lead paragraph of twenty-five words or more ('Chỉ đạo, đôn đốc triển khai … trên địa bàn
    tỉnh' / 'Văn phòng UBND tỉnh truyền đạt …'). None when a headline names a report ('Khẩn trương báo cáo kết quả
    …': the report its sentences ask for is the fuller name, unless `report_ok`: nothing else names it) or the page
    begins otherwise."""
    texts = [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]
    if len(texts) < 2:
        return None
    head, lead = texts[0], texts[1]
    letters = [c for c in head if c.isalpha()]
    if not head[:1].isupper() or not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return None
    if not 5 <= len(head.split()) <= 30 or re.search(r"[.?!:;…]\s*$|\.\.|…|\d{1,2}/\d{1,2}/\d{2,4}", head):
        return None
    if not report_ok and re.search(r"\bbáo cáo\b", head, re.I):
        return None
    if len(lead.split()) < 25 or not lead.rstrip().endswith((".", ")")):
        return None
    return head


def fallback_name(lines: list[str]) -> str | None:
    """The name of a document that has no name line, or None when nothing in it says what report it asks for."""
    texts = [s for s in lines if s.strip() and not s.lstrip().startswith("#")]
    return (contents_headline(texts) or news_headline(texts) or lead_heading_name(texts) or asked_report(texts)
            or review_report(texts)
            or news_headline(texts, report_ok=True))  # 'Xây dựng Báo cáo chính trị …' over its lead: the page's name


# a lettered or numbered heading in capitals that opens the text ('C. CẤU TRÚC BÁO CÁO …', 'II. MẪU BIÊN BẢN …')
LEAD_HEADING = re.compile(r"^(?:[A-ZĐ]|[IVX]{1,4}|\d{1,2})[.)]\s+(?P<r>.{10,160})$")
LEAD_KINDS = re.compile(r"\b(?:bao cao|bien ban|ke hoach|de cuong|phieu|to khai)\b")


def lead_heading_name(texts: list[str]) -> str | None:
    """The heading in capitals the text opens with, when it names a paper ('C. CẤU TRÚC BÁO CÁO TỰ ĐÁNH GIÁ'): a
    part cut from a longer guide, named by its own heading."""
    first = texts[0].strip() if texts else ""
    m = LEAD_HEADING.match(first)
    if m is None:
        return None
    r = DATES_AFTER.sub("", m.group("r")).strip(" :")  # '… TUẦN 10/2018 (từ 05/03/2018 - 11/03/2018):'
    named = LEAD_KINDS.search(fold(r)) or LEAD_PERIODIC.match(fold(r))
    if r != r.upper() or not named or long_words(r) < 3:
        return None
    return r


# a periodic bulletin's opening heading: the state of things in a numbered period ('I. TÌNH HÌNH DỊCH BỆNH TUẦN 10/2026')
LEAD_PERIODIC = re.compile(r"^tinh hinh\s.*\b(?:tuan|thang|quy|nam)\s+\d{1,2}(?:/\d{4})?\b")
DATES_AFTER = re.compile(r"\s*\((?:từ\s+)?(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*[-–]\s*[^()]*\)\s*:?\s*$", re.I)


def long_words(s: str) -> int:
    """How many words of two letters or more a line holds (a byline 'MINH AN |' holds two, its bar no word)."""
    return sum(len(re.sub(r"[^\w]|\d", "", w)) >= 2 for w in s.split())


def name_like(s: str) -> bool:
    """A line in capitals that can be a name: two words of two letters or more ('A A' for a page's font size,
    'VII', 'P. 930' are no name)."""
    return long_words(s) >= 2


def fuller_report(phrase: str | None, asked: str | None) -> str | None:
    """The report phrase a heading or sentence names ('Báo cáo về tình hình công tác quản lý', cut at a comma) or,
    when the report a sentence asks for begins with the same words ('Báo cáo công tác quản lý, bảo quản, …'), that
    one: its wording runs to the end of what is asked, the phrase's stops at the first comma or date."""
    if not phrase or not asked:
        return phrase or asked
    core = re.sub(r"^bao cao\s+(?:ve\s+|cua\s+)?(?:tinh hinh\s+)?", "", fold(phrase))
    rest = re.sub(r"^bao cao\s+(?:ve\s+|cua\s+)?(?:tinh hinh\s+)?", "", fold(asked))
    same = len(core.split()) >= 2 and rest.split()[:3] == core.split()[:3]
    return asked if same else phrase


# a table's or a report's number before its name on the first line ('3. GIẢM NGHÈO', '262. Tỷ lệ hộ nghèo')
FIRST_NUMBER = re.compile(r"^(?:\d{1,3}|[IVX]{1,4})[.)]\s+")
FIRST_LINES = 3
# a site's links over the document ('Trang chủ', 'Xem mẫu', 'Trang chủBlogs Sổ tay …' run together): no name
NAV_LINK = re.compile(r"(?i)^(?:trang chủ|home|xem mẫu|xem trước|xem thêm|tin tức|liên hệ|giới thiệu|đăng nhập|mục lục)"
                      r"(?:\s*$|\s*[|›»>/]|(?-i:[A-ZĐ]))")


def first_line_name(lines: list[str]) -> str | None:
    """A document that names itself nowhere else: its first line when it reads as a name — a table's title ('Sản xuất
    lúa', '3. GIẢM NGHÈO'), a report's in sentence case ('Kết quả triển khai … 6 tháng đầu năm 2016'): two to thirty
    words in Vietnamese, no blank, no cell bar, no sentence's end, its number dropped. None otherwise."""
    texts = [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#") and not NAV_LINK.match(s.strip())]
    texts = texts[:FIRST_LINES]
    t = next((t for t in texts if re.search(r"[à-ỹđÀ-ỸĐ]", t)), "")  # (a site's chrome in English before it)
    r = FIRST_NUMBER.sub("", t).strip()
    words = r.split()
    capped = sum(w[:1].isupper() for w in words)  # a table's header row capitalises each cell ('Kỳ Năm Chỉ số cũ …')
    if (2 <= len(words) <= 30 and r[:1].isupper() and not re.search(r"[.:;?!|…_]$|…|\.{3}|_{3}|\|", r)
            and long_words(r) >= 2 and sum(w[:1].isdigit() for w in words) <= 3
            and (r.isupper() or capped <= max(1, len(words) // 3))):
        return r
    return None


PLAIN_NAME = "Báo cáo"
PLAIN_NOTE = (
    "Văn bản không ghi tên báo cáo: bản nháp đặt tạm tên «Báo cáo». Hãy sửa dòng title: thành tên "
    "báo cáo, ví dụ «Báo cáo kết quả công tác … năm 2026»."
)
