"""Types a field's own words give, once the draft is built and tidied (the last pass, build.py):

- A line left as prose whose prompt is only a form's field label ('Địa điểm', 'Chỗ ở hiện tại', 'Thời gian',
  'Sinh ngày tháng năm'): a line of text, or a date for when it happens or when one was born.
- A label that says a thing meets a standard ('Xã đạt tiêu chí quốc gia về y tế', 'Trường đạt chuẩn quốc gia'):
  it does or it does not, a yes/no (a count 'Số trường đạt chuẩn …' is asked before this pass).
- A label whose measure is known by its name: 'Mật độ xây dựng' (a percentage of the plot), 'Mức thu nhập bình
  quân hằng tháng', 'Tiền lương bình quân' (an amount of money).
- A field of a kind of work ('Lĩnh vực áp dụng sáng kiến', 'Lĩnh vực hoạt động'): a line of text; a bare 'Năm'
  to fill: a year, a whole number.
- A label that lists several things to write ('Các khoản phải thi hành', 'Những việc đã làm được') or asks the
  case to be set out ('Đề nghị xác nhận', 'Xin trình bày sự việc sau'), or a line whose note asks the name of
  each one ('Có lý do' over '(ghi rõ họ tên từng đồng chí và lý do vắng mặt)'): written out, a longtext.
- The qualities a survey asks to rate, listed with no scale printed: a run of three or more short lines each
  naming a quality ('Mức độ …', 'Tốc độ …', 'Thái độ …', 'Khả năng …'), or the short criteria of a page that
  calls itself a satisfaction survey ('Khảo sát hài lòng …', 'Phiếu … mức độ hài lòng'): each one a choice of the
  usual five levels of satisfaction, marked as a guess (a scale the page prints is applied before, scales.py).
"""

from __future__ import annotations

import re

from dialogs.text import fold

NOTE = re.compile(r"\s*\([^()]*\)?\s*$")  # a trailing note ('(Tuổi: ……)'), its bracket maybe unclosed
WHEN = re.compile(r"^(?:thoi gian|thoi diem|ngay gio|ngay,? gio|gio,? ngay|(?:sinh )?ngay,? thang,? nam(?: sinh)?)$")
PLACE_OR_PERSON = re.compile(
    r"^(?:dia diem|dia chi(?: \w+){0,2}|(?:cho|noi) o(?: hien (?:tai|nay))?|noi cu tru|que quan|nguyen quan|"
    r"noi sinh|ho (?:va )?ten|chuc vu|(?:so )?dien thoai(?: lien he)?|email|nghe nghiep|dan toc|ton giao)$"
)
MEETS = re.compile(r"^(?!(?:so|tong so|ty le|ket qua|danh sach|cac|nhung|xay dung|duy tri|phan dau|thuc hien|nang cao|"
                   r"cong tac|viec|tinh hinh|muc tieu|chi tieu|ke hoach)\b)(?:\w+ ){1,5}dat (?:chuan|tieu chi|tieu chuan)\b")
# (a task to build or keep a school to the standard is written: 'Xây dựng trường đạt chuẩn quốc gia')
PERCENT_BY_NAME = re.compile(r"^mat do xay dung$")
MONEY_BY_NAME = re.compile(r"^(?:muc )?(?:thu nhap|tien luong|luong)(?: binh quan)?(?: (?:hang|moi) thang| thang)?$")
FIELD_OF_WORK = re.compile(r"^linh vuc (?:ap dung|hoat dong|san xuat|kinh doanh|chuyen mon|nghien cuu)\b")
EACH_NAME = re.compile(r"\bho,? (?:va )?ten (?:tung|cac|nhung)\b")
SEVERAL = re.compile(r"^(?:cac|nhung) (?:khoan|viec|noi dung|van de)\b")
SET_OUT = re.compile(r"^(?:de nghi (?:xac nhan|giai quyet|xem xet)|xin trinh bay\b.*\bsu viec\b.*)$")
QUALITY = re.compile(r"^(?P<h>muc do|toc do|thai do|kha nang|su (?:hai long|thuan tien|than thien))\s+\w+")
WRITTEN_DOC = re.compile(r"\b(?:bao cao|de cuong|ke hoach|huong dan)\b")  # a report's outline: its points are written
SATISFACTION = re.compile(r"\b(?:khao sat|phieu|danh gia)\b.{0,40}\bhai long\b")
OWN_WORDS = re.compile(r"^(?:y kien|ghi chu|de xuat|kien nghi|nhan xet|gop y|ket qua|danh gia|tinh hinh|ly do|vi sao|"
                       r"cong tac|viec|nguyen nhan|giai phap|phuong huong|nhiem vu|han che|kho khan|thuan loi)\b")
REPORTED = re.compile(r"\b(?:bao cao|ket qua|tong hop)\b")  # a report on a survey's results, not the survey
LEVELS = ["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"]
GUESS = "chọn một (đoán: tiêu chí để chấm mức hài lòng, trang không in thang; hãy sửa các mức)"


def _label(prompt: str) -> str:
    return fold(NOTE.sub("", prompt)).strip(" .:;-")


def by_name(prompt: str, typ: str) -> str | None:
    """The type a field's label gives by its own meaning, or None (the type stays)."""
    f = _label(prompt)
    if typ == "longtext" and len(f.split()) <= 6:
        if WHEN.match(f):
            return "date"
        if PLACE_OR_PERSON.match(f):
            return "text"
    if typ == "longtext" and len(f.split()) <= 8 and FIELD_OF_WORK.match(f):
        return "text"
    if typ == "text" and f == "nam":
        return "integer"
    if len(f.split()) <= 14 and "?" not in prompt and MEETS.match(f):
        return "yesno"
    if PERCENT_BY_NAME.match(f):
        return "percent"
    if MONEY_BY_NAME.match(f):
        return "money"
    if typ == "text" and (SEVERAL.match(f) or SET_OUT.match(f)):
        return "longtext"
    return None


def _statement(q: dict) -> bool:
    """A short criterion to rate: a longtext of 2 to 16 words, no question, no colon, no blank."""
    p = q.get("prompt", "")
    n = len(re.sub(r"\([^()]*\)", "", p).split())  # ('Tốc độ truy cập (đọc thông tin, tải …)': the note not counted)
    return (q.get("type") == "longtext" and "items" not in q and 2 <= n <= 16 and not re.search(r"[?:…]|\.\.", p)
            and not OWN_WORDS.match(fold(p)))


def _rate(q: dict, notes: list[dict]) -> None:
    q["type"], q["options"] = "choice", list(LEVELS)
    q.setdefault("_comments", {})["type"] = f"? {GUESS}"
    notes.append({"key": q.get("key"), "message": f"kiểu choice được đoán: {GUESS}"})


def _quality_runs(items: list[dict], notes: list[dict]) -> None:
    """Three or more short lines in a row, each naming a quality to rate (two kinds at least: 'Mức độ …', 'Tốc độ
    …'): a choice each."""
    k = 0
    while k < len(items):
        j = k
        heads = set()
        while j < len(items) and _statement(items[j]) and (m := QUALITY.match(fold(items[j]["prompt"]))):
            heads.add(m.group("h"))
            j += 1
        if j - k >= 3 and len(heads) >= 2:
            for q in items[k:j]:
                _rate(q, notes)
        k = max(j, k + 1)


def own_meanings(sections: list[dict], texts: list[str], notes: list[dict]) -> None:
    """In place: each ask retyped by its label's own meaning, then the criteria of a survey rated (see above)."""
    head = [fold(t) for t in texts[:12] if len(t) < 300]
    survey = any(SATISFACTION.search(f) and not REPORTED.search(f) for f in head)
    _walk(sections, survey, not any(WRITTEN_DOC.search(f) for f in head), notes)


def _walk(sections: list[dict], survey: bool, rated_runs: bool, notes: list[dict]) -> None:
    for sec in sections:
        items = sec.get("items") or []
        for q in items:
            if "items" in q:
                _walk([q], survey, rated_runs, notes)
            elif q.get("type") in ("text", "longtext") and not q.get("options"):
                typ = by_name(q.get("prompt", ""), q["type"])
                if q["type"] == "text" and EACH_NAME.search(fold(q.get("help", ""))):
                    typ = "longtext"  # the names of several people, one line each
                if typ:
                    q["type"] = typ
        if rated_runs:
            _quality_runs(items, notes)
        rated = [q for q in items if _statement(q)]
        if survey and len(rated) >= 3 and len(rated) == sum(1 for q in items if "items" not in q):
            for q in rated:
                _rate(q, notes)
