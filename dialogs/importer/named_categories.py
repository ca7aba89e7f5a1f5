"""A label whose colon (or parenthesis) names only assessment categories ('Đánh giá chung: nêu rõ những kết quả đạt
được, tồn tại, hạn chế và nguyên nhân', 'Đánh giá chung (ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm)') → one
written ask per category group ('Kết quả đạt được', 'Tồn tại, hạn chế', 'Nguyên nhân'); the label titles them.

The categories are the closed class of `asked_sentences.CATEGORIES`; a verb that only leads to them ('nêu rõ',
'làm rõ', 'phân tích') goes. [] unless every thing named is a category (with at most a few words of its own) and
there are two or more."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.asked_sentences import _group, split_things
from dialogs.importer.prose_items import _cap

LABELLED = re.compile(r"^(?P<l>[^:;()…]{3,80}?)\s*(?::\s*(?P<r>[^:;()…]+)|\(\s*(?P<p>[^:;()…]+)\))$")
LEAD = re.compile(r"(?i)^(?:(?:nêu|làm|chỉ|ghi)\s+rõ|nêu(?:\s+cụ thể)?|phân tích|đánh giá|báo cáo)\s+")
OWN = re.compile(r"(?i)^(?:các|những|một số)\s+")
MAX_WORDS = 6


def labelled_categories(text: str) -> list[Ask]:
    """'Label: [verb] cat, cat và cat' or 'Label (cat, cat, cat)' → an ask per category group; [] otherwise."""
    m = LABELLED.match(re.sub(r"\s+", " ", text.strip()).rstrip(" .;"))
    if not m or not m.group("l")[:1].isupper():
        return []
    rest = LEAD.sub("", (m.group("r") or m.group("p")).strip())
    things = [OWN.sub("", t.strip(" ,.;")) for t in split_things(rest)]
    if len(things) < 2 or any(_group(t) is None or len(t.split()) > MAX_WORDS for t in things):
        return []
    return [Ask(_cap(t)) for t in things]
