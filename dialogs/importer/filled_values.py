"""A report with its values already written (a filled copy used as the outline): the label asks, the value goes.

- 'Tổng số trẻ sinh ra: 37 trẻ, trong đó sinh con thứ ba: 4 trẻ' → two counts in 'trẻ' (the part named by the
  thing counted: 'Số trẻ sinh con thứ ba'), the figures dropped;
- 'Tỷ số giới tính khi sinh: 112 bé trai/100 bé gái' → a number, its unit 'bé trai/100 bé gái';
- 'Đánh giá chung: Công tác … được triển khai đồng bộ …' (an assessment's label, then a written statement) → the
  label asks in words, the statement is the copy's example, its help."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.inline_counts import COUNT_NOUNS

NUM = r"\d{1,3}(?:[.\s]\d{3})*(?:,\d+)?"
UNIT = r"[^\W\d_]+(?:\s[^\W\d_]+){0,2}"
COUNT_LABEL = r"(?:tổng\s+)?số\b[^:;…]{2,100}?"
FIGURE = re.compile(rf"(?i)^(?P<l>{COUNT_LABEL})\s*:\s*(?P<n>{NUM})\s*(?P<u>{UNIT})?\s*"
                    rf"(?:,?\s*trong đó\s*:?\s*(?P<p>.+?))?\s*\.?$")
PART = re.compile(rf"(?i)^(?P<l>[^\W\d_][^:;…]{{1,80}}?)\s*:?\s*(?P<n>{NUM})\s*(?P<u>{UNIT})?$")
RATIO = re.compile(rf"(?i)^(?P<l>(?:tỷ số|tỉ số|tỷ lệ|tỉ lệ)\b[^:;…]{{2,100}}?)\s*:\s*(?P<n>{NUM})\s*(?P<a>{UNIT})\s*/\s*"
                   rf"(?P<m>{NUM})\s*(?P<b>{UNIT})\s*\.?$")
# an assessment's label, then the copy's own statement ('Đánh giá chung: Công tác … được …')
STATEMENT = re.compile(r"^(?P<l>(?:đánh giá chung|nhận xét chung|nhận xét|đánh giá|kết luận|tự đánh giá))\s*:\s*"
                       r"(?P<s>[A-ZĐÀ-Ỹ][^:?]{25,600})$", re.I)
GUIDE = re.compile(r"(?i)^(?:nêu|ghi|làm rõ|đánh giá|tập trung|phân tích|báo cáo|khái quát|so sánh|những|các|việc|"
                   r"kết quả|ưu điểm|hạn chế|tồn tại|mặt)\b")
# a thing named, then its count filled in ('Tiêu chảy: 0 ca', 'Thủy đậu: 1 ca'; a list of diseases, of places …)
MEASURES = {"km", "ha", "tấn", "tạ", "kg", "m", "m2", "m²", "m3", "lít", "triệu đồng", "tỷ đồng", "nghìn đồng", "đồng"}
NAMED_COUNT = re.compile(r"(?i)^(?P<l>[^\W\d_][^:;…,.()]{0,50}?)\s*:\s*(?P<n>\d{1,6})\s+(?P<u>ca|"
                         + "|".join(re.escape(n) for n in COUNT_NOUNS if n not in MEASURES) + r")\s*\.?$")
VERBED = re.compile(r"(?i)\b(?:được|đã|đang|còn|vẫn|chưa|có|đạt|tăng|giảm|là)\b")


def _cap(s: str) -> str:
    s = s.strip(" ,.;:")
    return s[:1].upper() + s[1:]


def _figures(text: str) -> list[Ask]:
    m = FIGURE.match(text)
    if not m:
        return []
    unit = (m.group("u") or "").strip()
    if not unit and not m.group("p"):  # ('Số học sinh: 469': the field rules')
        return []
    asks = [Ask(_cap(m.group("l")), "integer", unit or None)]
    for piece in re.split(r"\s*[,;]\s*", m.group("p") or ""):
        if not piece:
            continue
        p = PART.match(piece.strip())
        if not p:
            return []
        own = (p.group("u") or unit).strip()
        label = p.group("l").strip()
        if re.match(r"(?i)^(?:tổng\s+)?số\b", label) or not own:
            named = label
        else:  # 'hộ dân tộc thiểu số' in 'hộ': 'Số hộ dân tộc thiểu số'; 'sinh con thứ ba' in 'trẻ': 'Số trẻ sinh …'
            head = re.sub(r"(?i)^(?:tổng\s+)?số\s+", "", m.group("l").strip()).split()[:1]
            shared = label.lower().startswith(own.lower() + " ") or head and label.split()[0].lower() == head[0].lower()
            named = f"số {label}" if shared else f"số {own} {label}"  # ('lao động nữ' of 'Tổng số lao động …')
        asks.append(Ask(_cap(named), "integer", own or None))
    return asks


def _named_count(piece: str, qual: str) -> Ask | None:
    m = NAMED_COUNT.match(piece.strip())
    if not m or re.match(r"(?i)(?:tổng\s+)?số\b", m.group("l")):
        return None
    label = m.group("l").strip()
    label = label[:1].lower() + label[1:] if label[1:2].islower() else label  # ('Số ca cúm AH5N1', 'Số ca H7N9')
    unit = m.group("u").lower()
    return Ask(f"Số {unit} {label}" + (f" ({qual})" if qual else ""), "integer", unit)


def named_counts(text: str) -> list[Ask]:
    """A run of things each with its count filled in, after an optional lead ('Các loại dịch bệnh khác (cộng dồn):
    Sởi: 0 ca; ho gà: 0 ca; thủy đậu: 1 ca'): a count each ('Số ca sởi (cộng dồn)'), the lead's note in parentheses
    going with every count. Three pieces at least, all of the shape (a last piece cut short by the page is left)."""
    pieces = [p.strip() for p in re.split(r"\s*;\s*", text.strip(" .;")) if p.strip()]
    if pieces and len(pieces[-1]) <= 2:
        pieces.pop()
    if len(pieces) < 3:
        return []
    lead = re.match(r"^(?P<l>[^:]{3,80}):\s*(?=[^:]+:[^:]+$)", pieces[0])
    qual = ""
    if lead:
        pieces[0] = pieces[0][lead.end():]
        q = re.search(r"\(([^()]{2,30})\)\s*$", lead.group("l"))
        qual = q.group(1).strip() if q else ""
    asks = [_named_count(p, qual) for p in pieces]
    return [a for a in asks if a] if all(asks) else []


def counts_lead(text: str) -> str:
    """The lead of a run of named counts ('Các loại dịch bệnh khác (cộng dồn)'), '' when there is none."""
    lead = re.match(r"^\s*(?P<l>[^:;]{3,80}):\s*[^:;]+:", text)
    return lead.group("l").strip() if lead and named_counts(text) else ""


def filled_asks(text: str) -> list[Ask]:
    """The asks of a line whose value the copy filled in (see the module's notes); [] for any other line."""
    t = re.sub(r"\s+", " ", text.strip().lstrip("-+•–* ")).rstrip(" ;")
    found = _figures(t)
    if found:
        return found
    named = NAMED_COUNT.match(t)
    if named and not re.match(r"(?i)(?:tổng\s+)?số\b", named.group("l")):
        label = named.group("l").strip()
        label = label[:1].lower() + label[1:] if label[1:2].islower() else label  # ('Số ca cúm AH5N1', 'Số ca H7N9')
        return [Ask(f"Số {named.group('u').lower()} {label}", "integer", named.group("u").lower())]
    r = RATIO.match(t)
    if r:
        return [Ask(_cap(r.group("l")), "decimal", f"{r.group('a').strip()}/{r.group('m')} {r.group('b').strip()}")]
    s = STATEMENT.match(t)
    if s and not GUIDE.match(s.group("s")) and VERBED.search(s.group("s")) and len(s.group("s").split()) >= 6:
        return [Ask(_cap(s.group("l")), "longtext", help=[f"Ví dụ: {s.group('s').strip(' .')}"])]
    return []
