"""A label whose colon names only assessment categories ('Đánh giá chung: nêu rõ những kết quả đạt được, tồn tại,
hạn chế và nguyên nhân') → one written ask per category group ('Kết quả đạt được', 'Tồn tại, hạn chế', 'Nguyên nhân');
the label titles them. (In parentheses — 'Đánh giá chung (ưu điểm, hạn chế, nguyên nhân)' — they only detail the
label's one ask, as the real sets' golds read it.)

The categories are the closed class of `asked_sentences.CATEGORIES`; a verb that only leads to them ('nêu rõ',
'làm rõ', 'phân tích') goes. [] unless every thing named is a category (with at most a few words of its own) and
there are two or more."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.asked_sentences import _group, split_things_plain
from dialogs.importer.prose_items import _cap

LABELLED = re.compile(r"^(?P<l>[^:;()…]{3,80}?)\s*:\s*(?P<r>[^:;()…]+)$")
LEAD = re.compile(r"(?i)^(?:(?:nêu|làm|chỉ|ghi)\s+rõ|nêu(?:\s+cụ thể)?|phân tích|đánh giá|báo cáo)\s+")
OWN = re.compile(r"(?i)^(?:các|những|một số)\s+")
MAX_WORDS = 6


def labelled_categories(text: str) -> list[Ask]:
    """'Label: [verb] cat, cat và cat' → an ask per category group; [] otherwise."""
    m = LABELLED.match(re.sub(r"\s+", " ", text.strip()).rstrip(" .;"))
    if not m or not m.group("l")[:1].isupper():
        return []
    rest = LEAD.sub("", m.group("r").strip())
    things = [OWN.sub("", t.strip(" ,.;")) for t in split_things_plain(rest)]  # (no tail shared: 'nguyên nhân của …')
    if len(things) < 2 or any(_group(t) is None or len(t.split()) > MAX_WORDS for t in things):
        return []
    return [Ask(_cap(t)) for t in things]


# figures a written ask names in its parenthesis: '(số lao động được tạo việc làm mới, trong đó số lao động …)'
NOTE = re.compile(r"^(?P<m>[^()]{3,}?)\s*\((?P<n>[^()]+)\)\s*$")
FIGURE = re.compile(r"(?i)^(?:tổng\s+)?(?:số|tỷ lệ|tỉ lệ)\s+(?!liệu\b)\S+\s+\S+")
PART_OF = re.compile(r"(?i)^(?:trong đó|gồm|bao gồm)\s*[:,]?\s*")


def note_figures(ask: Ask) -> list[Ask]:
    """A written ask of a prose text whose parenthesis names only figures ('tình hình giải quyết việc làm (số lao động
    được tạo việc làm mới, trong đó số lao động đi làm việc ở nước ngoài)') → the ask without it, then a number per
    figure (a rate a percentage); [ask] otherwise."""
    m = NOTE.match(ask.prompt.strip().rstrip(" .;"))
    if ask.type != "longtext" or not m:
        return [ask]
    pieces = [PART_OF.sub("", p.strip(" ,.;")) for p in re.split(r",\s*|;\s*", m.group("n")) if p.strip(" ,.;")]
    if not pieces or not all(FIGURE.match(p) and len(p.split()) <= 20 for p in pieces):
        return [ask]
    rate = re.compile(r"(?i)^t[ỷỉ] lệ\b")
    return [Ask(_cap(m.group("m")), help=list(ask.help)),
            *(Ask(_cap(p), "percent" if rate.match(p) else "integer", "%" if rate.match(p) else None) for p in pieces)]
