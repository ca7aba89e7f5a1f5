"""An outline item that lists the things to report, parted by ';' (issue 21).

A regulation's or a letter's list of report contents often writes each item as a run of noun phrases:
'b) Thời gian phát hiện sự cố; diễn biến theo ngày;', or after a label and its colon 'c) Thông tin về cơ sở: Tên cơ
sở; loại hình; tổng đàn vật nuôi; số con bị ốm, chết, tiêu hủy;'. Each piece between ';' is one thing asked:
- a count is a number, and a count over a state followed by other states ('số con bị ốm, chết, tiêu hủy', 'số người
  được khám, được cấp thuốc') asks one count per state;
- words before a shared tail ('triệu chứng, bệnh tích của con vật') ask each with the tail;
- a name, a kind, an origin is a line of text; a time a date; 'Tổng <noun>' a number; anything else a written answer.
The label before the colon only leads to the things (not asked). Nothing is read from a line with blanks, a question
mark, or a piece longer than a sentence: the other rules' own."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, guess_type
from dialogs.importer.asked_sentences import split_things
from dialogs.importer.counts import split_count_segments
from dialogs.importer.lexicon import COUNT_HEAD, top_split
from dialogs.importer.prose_items import HEAD_RE

LABEL = re.compile(r"^(?P<l>[^:;()]{3,160}?):\s+(?P<r>.+)$")
BLANKS = re.compile(r"…|\.{3,}|_{3,}|\?")
# a state a count is taken over: 'bị mắc bệnh', 'được điều trị', 'đã tiêm'
STATE = re.compile(r"\s(?:bị|được|đã|chưa)\s", re.I)
STATE_START = re.compile(r"^(?:bị|được|đã|chưa)\s", re.I)
TEXT_HEAD = re.compile(r"^(?:tên|loại|nguồn gốc|tác nhân|địa chỉ|địa điểm|họ và tên|họ tên)\b", re.I)
# a time named in three words at most ('Thời gian sử dụng'): a line of text
SHORT_TIME = re.compile(r"^(?:thời gian|thời hạn)(?:\s+\S+){0,2}$", re.I)
DATE_HEAD = re.compile(
    r"^(?:thời gian|thời điểm|ngày)(?:\s+\S+){1,3}\s+(?:bắt đầu|phát hiện|xảy ra|kết thúc)\b", re.I
)
TOTAL_HEAD = re.compile(r"^tổng\s+(?!số|hợp|kết|quan|thể|cộng|hòa|hoà)\S+", re.I)
# a shared tail: 'A, B của X' / 'A, B về X' where A, B are bare nouns of two words at most
TAIL = re.compile(r"^(?P<h>[^\s,]+(?:\s[^\s,]+)?)\s+(?P<t>(?:của|về|trong|đối với)\s.+)$", re.I)
GUIDE = re.compile(r"(?i)^(?:ghi|điền|đánh dấu|chọn)\s|.*;\s*(?:đối với|trường hợp|nếu)\s.*\bthì\b")
ITEM = re.compile(r",\s+(?![^()]*\))")
# '… đã sử dụng và thời gian sử dụng': a time asked after the thing
AND_TIME = re.compile(r"\s+và\s+(?=(?:thời gian|thời điểm)\s)", re.I)
LIST_HEAD = re.compile(r"^(?:loại|danh sách|danh mục)\s", re.I)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _states(count: str) -> list[str]:
    """'số lượng con bị mắc bệnh, chết, tiêu hủy' → a count per state; the pieces after the first are short states
    or begin with one ('được sử dụng thuốc'). The count as it was unless every piece is so."""
    pieces = ITEM.split(count)
    m = STATE.search(pieces[0])
    if len(pieces) < 2 or m is None:
        return [count]
    subject = pieces[0][: m.start()].strip()
    marker = m.group(0).strip()
    out = [pieces[0]]
    for p in pieces[1:]:
        if STATE_START.match(p):
            out.append(f"{subject} {p}")
        elif len(p.split()) <= 2 and not COUNT_HEAD.match(p):
            out.append(f"{subject} {marker} {p}" if marker.lower() == "bị" else f"{subject} {p}")
        else:
            return [count]
    return out


def _tailed(piece: str) -> list[str]:
    """'triệu chứng, bệnh tích của con vật' → each head with the tail; else the piece."""
    pieces = ITEM.split(piece)
    last = TAIL.match(pieces[-1]) if len(pieces) > 1 else None
    if last is None or any(len(p.split()) > 2 or COUNT_HEAD.match(p) for p in pieces[:-1]):
        return [piece]
    return [f"{p} {last.group('t')}" for p in pieces[:-1]] + [pieces[-1]]


def _ask(piece: str) -> Ask:
    prompt = _cap(piece.strip(" ,."))
    typ, unit, why = guess_type(prompt)
    if typ == "longtext":
        if LIST_HEAD.match(prompt) and ITEM.search(prompt):
            typ, why = "list", "danh sách (đoán: các loại được kể ra)"
        elif TEXT_HEAD.match(prompt) or SHORT_TIME.match(prompt):
            typ, why = "text", "một dòng chữ (đoán: tên, loại hay nguồn được hỏi)"
        elif DATE_HEAD.match(prompt):
            typ, why = "date", "ngày (đoán: thời điểm được hỏi)"
        elif TOTAL_HEAD.match(prompt) and len(prompt.split()) <= 6:
            typ, why = "integer", "số nguyên (đoán: một tổng được hỏi)"
    return Ask(prompt, typ, unit, guessed=why)


def listed_parts(text: str, labelled: bool = False) -> list[Ask]:
    """An item listing its things between ';' (after a label and its colon or not; with `labelled`, only after one)
    → one ask per thing; [] unless two pieces at least, each of 30 words at most, and no blank or question in the
    line."""
    t = re.sub(r"\s+", " ", text).strip().rstrip(" ;.")
    if BLANKS.search(t):
        return []
    m = LABEL.match(t)
    label = m.group("l") if m else ""
    if labelled and (
        m is None
        or ";" not in m.group("r")
        or len(label.split()) > 6
        or re.search(r"\d", label)
        or HEAD_RE.match(label)
    ):
        return []  # ('Kết quả đạt được: Trường duy trì …; …': a report's part, then an answer; '… chia làm 4 phần: …')
    if GUIDE.match(t):
        return []  # 'Ghi tên xã, phường; đối với huyện … thì ghi …': how to fill a field in
    rest = m.group("r") if m and ";" in m.group("r") else t
    pieces = [p.strip(" ,.") for p in top_split(rest, ";") if p.strip(" ,.")]
    if len(pieces) < 2 or any(len(p.split()) > 30 for p in pieces) or ":" in rest:
        return []
    asks: list[Ask] = []
    for p in pieces:
        if COUNT_HEAD.match(p):
            asks.extend(_ask(s) for seg in split_count_segments(p) for s in _states(seg))
        else:
            asks.extend(_ask(s) for part in AND_TIME.split(p) for t in _tailed(part) for s in split_things(t))
    return asks
