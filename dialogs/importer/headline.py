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
    r"cụ thể như sau|như sau|với các nội dung|gồm các nội dung|bao gồm|trong đó)\b.*$"
)
# a plan or guide for a review: the report it asks for is that review ('Kế hoạch tổng kết 05 năm …')
REVIEW_PLAN = re.compile(
    r"(?i)^(?:kế hoạch|hướng dẫn|công văn)\s+(?:về\s+(?:việc\s+)?)?(?P<k>tổng kết|sơ kết)\s+"
    r"(?P<r>\S.{8,300})$"
)
# 'Để tổng kết, đánh giá việc thực hiện X theo Quyết định …' (a letter's first sentence)
REVIEW_SENTENCE = re.compile(
    r"(?i)\bđể\s+(?P<k>tổng kết|sơ kết)(?:,\s*đánh giá)?\s+(?:(?:việc|kết quả)\s+)?"
    r"(?:thực hiện\s+)?(?P<r>\S[^.;:()]{8,300})"
)
CITED_ACT = re.compile(r"(?i)\s+(?:theo|tại)\s+(?:quyết định|nghị quyết|chỉ thị|thông tư|kế hoạch)\s+số\b.*$")
MAX_WORDS = 40


def _cut(rest: str) -> str:
    rest = STOP.sub("", re.sub(r"\s+", " ", rest)).strip(" ,;:-–")
    words = rest.split()
    return " ".join(words[:MAX_WORDS]) if len(words) >= 3 else ""  # the kind and what it is of


def asked_report(lines: list[str]) -> str | None:
    """The report the first sentences ask for, the fullest wording of it ('… phối hợp báo cáo kết quả thực hiện
    Chương trình MTQG giảm nghèo bền vững, các chương trình, … năm 2022' rather than the headline's shorter one)."""
    found: list[str] = []
    for s in lines[:40]:
        for m in ASKED.finditer(s):
            rest = _cut(m.group("r"))
            if rest:
                found.append(f"Báo cáo {rest}")
    if not found:
        return None
    first = fold(found[0])
    longer = [x for x in found if fold(x).startswith(first[: max(20, len(first) // 2)])]
    return max(longer, key=len)


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
                return f"Báo cáo {m.group('k').lower()} {rest}"
    return None


def fallback_name(lines: list[str]) -> str | None:
    """The name of a document that has no name line, or None when nothing in it says what report it asks for."""
    texts = [s for s in lines if s.strip() and not s.lstrip().startswith("#")]
    return asked_report(texts) or review_report(texts)


PLAIN_NAME = "Báo cáo"
PLAIN_NOTE = (
    "Văn bản không ghi tên báo cáo: bản nháp đặt tạm tên «Báo cáo». Hãy sửa dòng title: thành tên "
    "báo cáo, ví dụ «Báo cáo kết quả công tác … năm 2026»."
)
