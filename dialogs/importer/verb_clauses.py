"""A paragraph that asks for a review in clauses, each led by its verb ('Kiểm điểm kết quả thực hiện …; tập trung
vào …; đánh giá những mặt tích cực và hạn chế, phân tích sâu nguyên nhân, từ đó đề xuất định hướng, giải pháp …,
góp phần …'): one question per thing asked (issue 21).

- the review's verb before its subject is dropped ('Kiểm điểm kết quả …' asks 'Kết quả …');
- a clause that narrows the one before ('tập trung vào …', 'trong đó tập trung …') is that ask's note, in parentheses;
- a verb before a report's parts alone asks each part ('đánh giá những mặt tích cực và hạn chế', 'phân tích sâu
  nguyên nhân'); a proposal keeps its verb ('Đề xuất định hướng, giải pháp …') and loses its purpose (', góp phần …');
- [] unless the paragraph begins with a reviewing verb and asks three things or more (a sentence that states what
  was done, or one verb in passing, stays as it was)."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.lexicon import top_split
from dialogs.importer.prose_items import HEAD_RE, _group, _head, _pieces

REVIEW_VERB = re.compile(
    r"^(?:kiểm điểm|tổng kết|sơ kết|rà soát|đánh giá)\s+(?=(?:kết quả|tình hình|việc|công tác)\b)", re.I
)
NARROWING = re.compile(r"^(?:trong đó\s*,?\s*)?(?:cần\s+)?tập trung\s+(?:vào\s+)?(?P<o>.+)$", re.I)
VERB_CUT = re.compile(
    r",\s+(?=(?:từ đó|đồng thời|trên cơ sở đó)?\s*,?\s*(?:phân tích|đề xuất|kiến nghị|rút ra|nêu rõ|"
    r"làm rõ|chỉ rõ|đánh giá)\b)",
    re.I,
)
LEAD = re.compile(r"^(?:(?:từ đó|đồng thời|trên cơ sở đó)\s*,?\s*)?", re.I)
PART_VERB = re.compile(
    r"^(?P<v>đánh giá|phân tích|nêu rõ|làm rõ|chỉ rõ|rút ra|nêu)(?:\s+(?:sâu|rõ|kỹ|cụ thể))?\s+(?P<o>.+)$",
    re.I,
)
PROPOSAL = re.compile(r"^(?:đề xuất|kiến nghị)\s+\S", re.I)
PURPOSE = re.compile(r",\s+(?:góp phần|nhằm)\b.*$", re.I)
STATES = re.compile(r"[?…]|_{3,}|\.{3,}")  # a form's blanks, a question: not a paragraph of asks


def _cap(words: str) -> str:
    return words[0].upper() + words[1:] if words else words


def _parts_named(obj: str) -> list[str] | None:
    """'những mặt tích cực và hạn chế', 'nguyên nhân': a report's parts alone, each a thing; None otherwise."""
    pieces = [p for _, p in _pieces(obj)]
    if not pieces or any(HEAD_RE.fullmatch(p.strip(" ,.")) is None for p in pieces):
        return None
    groups = [_group(_head(p)) for p in pieces]
    if len(set(groups)) != len(groups):  # 'khó khăn, vướng mắc': one thing
        return [obj]
    return pieces


def _clause_things(clause: str) -> list[str]:
    clause = LEAD.sub("", clause.strip(" ,.;"))
    if PROPOSAL.match(clause):
        return [PURPOSE.sub("", clause)]
    m = PART_VERB.match(clause)
    named = _parts_named(m.group("o")) if m else None
    if named:
        return named
    return [REVIEW_VERB.sub("", PURPOSE.sub("", clause))]


def verb_clauses(text: str) -> list[Ask]:
    """The things a reviewing paragraph asks, in order ([] when it is no such paragraph, see the module's note)."""
    t = re.sub(r"\s+", " ", text.strip()).rstrip(" .;")
    if not REVIEW_VERB.match(t) or STATES.search(t) or ":" in t or len(t.split()) > 120:
        return []
    things: list[str] = []
    for part in top_split(t, ";"):
        narrowed = NARROWING.match(part.strip(" ,."))
        if narrowed and things:
            things[-1] = f"{things[-1]} ({narrowed.group('o').strip(' ,.')})"
            continue
        for clause in VERB_CUT.split(part):
            things.extend(_clause_things(clause))
    things = [
        re.sub(r"^(?:các|những)\s+(?=mặt\b)", "những ", x.strip(" ,.")) for x in things if x.strip(" ,.")
    ]
    return [Ask(_cap(x)) for x in things] if len(things) >= 3 else []
