"""Late passes over a draft, for shapes seen on documents nobody had tuned the importer on (session 23, round 3):

- A lettered point that is only a short label and its colon ('a) Thời gian:', 'b) Đại biểu tham dự:') is a form's
  field with its blank lost, not a heading over prose: typed by its words as a field (a bare 'Thời gian'/'Thời điểm'
  is when it happens: a date; those who attend, a list; else a line of text). A label naming a part of a report to
  write ('a) Kết quả:', 'b) Hạn chế, nguyên nhân:') stays prose.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dialogs.importer.ask_types import field_type
from dialogs.importer.forms import blank_only
from dialogs.importer.keys import no_slug
from dialogs.importer.lexicon import NAME_LABEL, NARRATIVE_START
from dialogs.importer.named_bieu import named_bieu_items
from dialogs.importer.scales import apply_scales
from dialogs.importer.shaped_types import options_in_help
from dialogs.importer.structure import Node, strip_fn
from dialogs.text import fold

if TYPE_CHECKING:
    from dialogs.importer.convert import ImportContext

# the administrative papers named 'Giấy …' and the other kinds of Decree 30/2020 a page names only in capitals
# ('GIẤY MỜI' under the motto; 'Giấy mời' in sentence case is a page's menu or a headline)
PAPER_NAMES = (
    "giay moi",
    "giay gioi thieu",
    "giay uy quyen",
    "giay nghi phep",
    "giay de nghi",
    "giay xac nhan",
    "giay cam ket",
    "giay bao",
    "giay trieu tap",
    "cong dien",
    "thong cao",
    "chi thi",
)

# a label that names a part of a report to write: the assessment categories and the words that open an account
REPORT_PART = re.compile(
    r"(?i)^(?:kết quả|hạn chế|tồn tại|nguyên nhân|bài học|kinh nghiệm|đề xuất|kiến nghị|giải pháp|phương hướng|"
    r"nhiệm vụ|mục tiêu|mục đích|yêu cầu|ưu điểm|nhược điểm|khuyết điểm|thuận lợi|khó khăn|vướng mắc|đánh giá|"
    r"nhận xét|ý kiến|kết luận|tình hình|nội dung|đặc điểm|bối cảnh|quan điểm|định hướng|tổ chức thực hiện|"
    r"công tác|hoạt động|chương trình|kế hoạch|triển khai|thực hiện|lãnh đạo|chỉ đạo)\b"
)
WHEN = re.compile(r"(?i)^(?:thời gian|thời điểm|ngày giờ|ngày, giờ|giờ, ngày)$")
ATTENDING = re.compile(
    r"(?i)^(?:(?:các\s+|những\s+)?(?:đại biểu|khách mời|thành phần|người|thành viên)\s+(?:tham dự|dự|tham gia|được mời|"
    r"mời)|(?:các\s+|những\s+)?(?:đại biểu|khách mời)|thành phần)$"
)
BARE = re.compile(r"^(?P<l>[^:;,.?!()…]{2,40}?)\s*:\s*$")


# a letter's number beside the header: 'Số 952 - HD/HNDTW', 'Số: …/BC-UBND', 'SỐ 12/KH-ĐTN' (a name never)
DOC_NUMBER = re.compile(
    r"^(?:Số|SỐ)\s*:?\s*[\d…./\s]*[-–/]\s*[A-ZĐ][A-ZĐ\d&./-]*(?:\s*[-–/]\s*[A-ZĐ][A-ZĐ\d&./-]*)*$"
)


def doc_number(line: str) -> bool:
    return DOC_NUMBER.match(line.strip()) is not None


def bare_label_field(node: Node) -> tuple[str, str] | None:
    """'a) Thời gian:' alone (no lines, no points, no table under it): the field's label and its type; None
    when the point is not such a label."""
    if node.kind != "alpha" or node.children or node.tables or node.body or node.after:
        return None
    m = BARE.match(strip_fn(node.text).strip())
    if not m:
        return None
    label = m.group("l").strip()
    words = label.split()
    if not 1 <= len(words) <= 5 or not label[:1].isupper() or label.isupper():
        return None
    if REPORT_PART.match(label) or NARRATIVE_START.match(label):
        return None
    if WHEN.match(label):
        return label, "date"
    if ATTENDING.match(label):
        return label, "list"
    typ, _ = field_type(label)
    return (label, typ) if typ in ("text", "date", "list") else None


NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
# 'Báo cáo được chia làm 4 phần: A; B; C; D', 'Đề cương gồm ba nội dung: A; B; C': the parts named, counted
STATED_PARTS = re.compile(
    r"(?i)^(?P<head>[^:;]{3,120}?)\s+(?:được\s+)?(?:chia\s+(?:làm|thành|ra)|gồm(?:\s+có)?|có)\s+"
    r"(?P<n>\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:phần|nội dung|mục|vấn đề|nhóm(?:\s+nội dung)?)"
    r"(?:\s+chính)?\s*:\s*(?P<rest>.+?)[.;]?$"
)


def stated_parts(prompt: str) -> list[str] | None:
    """'… được chia làm 4 phần: A; B; C; D' → the four parts, when the text names as many as it says; else None."""
    m = STATED_PARTS.match(prompt.strip())
    if not m:
        return None
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else NUMBER_WORDS[n]
    parts = [p.strip(" ,.") for p in m.group("rest").split(";")]
    if count < 2 or len(parts) != count or any(len(p.split()) < 2 or len(p.split()) > 30 for p in parts):
        return None
    return [p[:1].upper() + p[1:] for p in parts]


def _as_written(prompt: str, parts: list[str], texts: list[str]) -> list[str]:
    """The parts as the document's line writes them, their notes in parentheses kept ('… cuối năm (nếu là …)')."""
    head = fold(prompt.split(":", 1)[0])
    for t in texts:
        if fold(t).strip().startswith(head):
            raw = stated_parts(t)
            if raw and len(raw) == len(parts):
                return raw
    return parts


def split_stated_parts(ctx: ImportContext, sections: list[dict], texts: list[str]) -> None:
    """Each ask saying the report falls into N parts and naming them: one written ask a part."""
    for sec in sections:
        items = sec.get("items")
        if not isinstance(items, list):
            continue
        split_stated_parts(ctx, [it for it in items if "items" in it], texts)
        out: list[dict] = []
        for q in items:
            parts = (
                stated_parts(q.get("prompt", "")) if q.get("type") in ("longtext", "text", "list") else None
            )
            if not parts:
                out.append(q)
                continue
            slug = no_slug([sec.get("no", "")])
            for p in _as_written(q["prompt"], parts, texts):
                out.append({"key": ctx.keys.make(p, slug), "prompt": p, "type": "longtext"})
        sec["items"] = out


LABEL_BLANK = re.compile(r"^[-+•–*\s]*(?P<l>[^:…]{3,60}?)\s*(?:\(\d{1,2}\))?\s*:\s*[.…_\s]{3,}$")


def _spanning_labels(texts: list[str]) -> set[str]:
    """The folded labels whose blank goes on over one or more lines of dots ('Nội dung lễ hội: ……' then '……'): the
    answer space of a few sentences, not of a word."""
    lines = [t.strip() for t in texts if t.strip()]
    out: set[str] = set()
    for k, line in enumerate(lines[:-1]):
        m = LABEL_BLANK.match(line)
        if m and blank_only(lines[k + 1]) and not LABEL_BLANK.match(lines[k + 1]):
            out.add(fold(m.group("l")).strip(" .:"))
    return out


def widen_spanning_blanks(sections: list[dict], texts: list[str]) -> None:
    """A line of text whose blank spans several lines of dots is written out: longtext (a name, an address, a date
    or a figure keeps its type)."""
    wide = _spanning_labels(texts)
    if not wide:
        return
    for sec in sections:
        for q in sec.get("items", []):
            if "items" in q:
                widen_spanning_blanks([q], texts)
                continue
            label = re.sub(r"\s*\(\d{1,2}\)$", "", q.get("prompt", ""))
            if q.get("type") == "text" and fold(label).strip(" .:") in wide and not NAME_LABEL.match(label):
                q["type"] = "longtext"


def late_passes(ctx: ImportContext, sections: list[dict], texts: list[str]) -> None:
    """The passes over the built sections (build.py, before tidy): a rating scale's legend applied, then the
    stated parts split and the blanks over lines of dots written out, then a line whose help lists its options a
    choice (shaped_types.py). First the points that each name a Biểu the page does not print (named_bieu.py)."""
    named_bieu_items(ctx, sections)
    apply_scales(sections)
    split_stated_parts(ctx, sections, texts)
    widen_spanning_blanks(sections, texts)
    options_in_help(sections)
