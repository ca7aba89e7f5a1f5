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
from dialogs.importer.prose_items import HEAD_RE, PART_HEADS, _cap, _group, _head, _in_note, _pieces

REVIEW_VERB = re.compile(
    r"^(?:kiểm điểm|tổng kết|sơ kết|rà soát|đánh giá)\s+(?=(?:kết quả|tình hình|việc|công tác)\b)", re.I
)
# the verb is dropped before a result or a situation ('Kiểm điểm kết quả …'), kept before 'việc' ('Đánh giá việc …')
DROPPED_VERB = re.compile(
    r"^(?:kiểm điểm|tổng kết|sơ kết|rà soát|đánh giá)\s+(?=(?:kết quả|tình hình|công tác)\b)", re.I
)
# 'Nội dung tổng kết: Đánh giá …; …': the label names what follows, the clauses ask
CONTENTS_LABEL = re.compile(
    r"^nội dung\s+(?:cần\s+)?(?:tập trung\s+)?(?:tổng kết|sơ kết|báo cáo|kiểm điểm)\s*:\s*", re.I
)
# 'Trong tổng kết cần đánh giá nghiêm túc và làm rõ các nội dung về A; B; làm rõ C': what follows is asked
CONTENTS_LEAD = re.compile(
    r"\b(?:cần|phải)\s+(?:đánh giá|làm rõ|tập trung)[^;:.]{0,40}?\s(?:các|những)\s+nội dung\s+(?:về|sau\s*:|chủ yếu\s*:)\s*",
    re.I,
)
NARROWING = re.compile(r"^(?:trong đó\s*,?\s*)?(?:cần\s+)?tập trung\s+(?:vào\s+)?(?P<o>.+)$", re.I)
VERB_CUT = re.compile(
    r",\s+(?=(?:từ đó|đồng thời|trên cơ sở đó)?\s*,?\s*(?:phân tích|đề xuất|kiến nghị|rút ra|nêu rõ|"
    r"làm rõ|chỉ rõ|đánh giá|đề ra)\b)",
    re.I,
)
LEAD = re.compile(
    r"^(?:(?:từ đó|đồng thời|trên cơ sở đó)\s*,?\s*)?(?:đề ra\s+(?=(?:phương hướng|nhiệm vụ|giải pháp)\b))?",
    re.I,
)
PART_VERB = re.compile(
    r"^(?P<v>đánh giá|phân tích|nêu rõ|làm rõ|chỉ rõ|rút ra|nêu|tổng kết)(?:\s+(?:sâu|rõ|kỹ|cụ thể))?"
    r"(?:\s+một số)?\s+(?P<o>.+)$",
    re.I,
)
PROPOSAL = re.compile(r"^(?:đề xuất|kiến nghị)(?:\s+|,\s*(?:đề xuất|kiến nghị)\s+)\S", re.I)
PROPOSAL_WORD = re.compile(r"(?:đề xuất|kiến nghị)", re.I)
PURPOSE = re.compile(r",\s+(?:góp phần|nhằm)\b.*$", re.I)
STATES = re.compile(r"[?…]|_{3,}|\.{3,}")  # a form's blanks, a question: not a paragraph of asks


SHARED_TAIL = re.compile(r"\s+(?=(?:trong|của|đối với|khi)\s)", re.I)


def _parts_named(obj: str) -> tuple[list[str], str] | None:
    """'những mặt tích cực và hạn chế', 'thuận lợi, khó khăn và nguyên nhân trong quá trình …': a report's parts
    alone, each a thing (what closes the last one, 'trong quá trình …', is said of them all: their help); None
    otherwise. Parts of one group side by side ('khó khăn, vướng mắc') are one thing."""
    pieces = [p.strip(" ,.") for _, p in _pieces(obj)]
    if not pieces:
        return None
    if len(pieces) == 1 or _head(obj) in ("kết quả", "tình hình", "việc"):  # one thing: the verb is dropped
        return ([obj], "") if _head(obj) in PART_HEADS + ("kết quả", "tình hình") else None
    tail = ""
    if any(HEAD_RE.fullmatch(p) is None for p in pieces):
        for cut in SHARED_TAIL.finditer(obj):  # the parts end where the words said of them all begin
            head = [p.strip(" ,.") for _, p in _pieces(obj[: cut.start()])]
            if len(head) >= 2 and all(HEAD_RE.fullmatch(p) for p in head):
                pieces, tail = head, obj[cut.end() :]
                break
        else:
            return None
    merged: list[str] = []
    for p in pieces:  # 'hạn chế, yếu kém': one thing
        if merged and _group(_head(p)) == _group(_head(merged[-1])):
            merged[-1] = f"{merged[-1]}, {p}"
        else:
            merged.append(p)
    return merged, tail


def _clause_things(clause: str) -> list[tuple[str, str]]:
    """One clause → (prompt, help) for each thing it asks."""
    clause = LEAD.sub("", clause.strip(" ,.;"))
    if PROPOSAL.match(clause):
        return [(PURPOSE.sub("", clause), "")]
    m = PART_VERB.match(clause)
    named = _parts_named(m.group("o")) if m else None
    if named:
        return [(p, (_cap(named[1]) if named[1] else "")) for p in named[0]]
    return [(DROPPED_VERB.sub("", PURPOSE.sub("", clause)), "")]


def _verb_pieces(part: str) -> list[str]:
    """The part cut before each asking verb; a bare verb joins what follows it ('đề xuất, kiến nghị …')."""
    out: list[str] = []
    for piece in VERB_CUT.split(part):
        if out and len(out[-1].split()) <= 2 and PROPOSAL_WORD.fullmatch(out[-1].strip(" ,")):
            out[-1] = f"{out[-1].strip(' ,')}, {piece.strip()}"
        else:
            out.append(piece)
    return out


def contents_clauses(sentence: str) -> list[Ask]:
    """'… cần đánh giá và làm rõ các nội dung về A; B; làm rõ C, D, đề ra E': the things after the lead, as
    `verb_clauses` reads them ([] without such a lead)."""
    m = CONTENTS_LEAD.search(sentence)
    if not m:
        return []
    return _things(re.sub(r"\s+", " ", sentence[m.end() :].strip()).rstrip(" .;"))


def verb_clauses(text: str) -> list[Ask]:
    """The things a reviewing paragraph asks, in order ([] when it is no such paragraph, see the module's note)."""
    t = CONTENTS_LABEL.sub("", re.sub(r"\s+", " ", text.strip()).rstrip(" .;"))
    if not REVIEW_VERB.match(t):
        return []
    return _things(t)


def _things(t: str) -> list[Ask]:
    if STATES.search(t) or ":" in t or len(t.split()) > 120:
        return []
    things: list[tuple[str, str]] = []
    for part in top_split(t, ";"):
        narrowed = NARROWING.match(part.strip(" ,."))
        if narrowed and things:
            things[-1] = (f"{things[-1][0]} ({narrowed.group('o').strip(' ,.')})", things[-1][1])
            continue
        for clause in _verb_pieces(part):
            things.extend(_clause_things(clause))
    asks = [Ask(_cap(x.strip(" ,.")), help=[h] if h else []) for x, h in things if x.strip(" ,.")]
    return asks if len(asks) >= 3 else []


# 'Nội dung tổng kết cần tập trung đánh giá … gồm:' — a lead whose lines below each ask
LINES_LEAD = re.compile(
    r"\b(?:nội dung|báo cáo|tổng kết|sơ kết)\b.*\b(?:gồm|bao gồm|như sau|sau đây|sau)\s*:\s*$", re.I
)
PARTS_AFTER_AND = re.compile(
    r"\s+và\s+(?=(?:những|các)\s+(?:hạn chế|khó khăn|tồn tại|vướng mắc|bất cập)\b)", re.I
)


def _under_lead(before: list[str]) -> bool:
    """Whether the line comes under a lead (at most three lines of the list before it)."""
    for k, prev in enumerate(reversed([b.strip() for b in before if b.strip()])):
        if LINES_LEAD.search(prev):
            return True
        if k >= 3 or prev.endswith(":") or len(prev.split()) > 80 or not prev[:1].isupper():
            return False
    return False


def led_clauses(before: list[str], line: str) -> list[Ask]:
    """A line of the list under '… cần tập trung đánh giá … gồm:' that asks in clauses ('Làm rõ nguyên nhân, rút ra
    bài học kinh nghiệm …', 'Đồng thời đánh giá sự phù hợp … và những hạn chế, vướng mắc …'): each thing. [] for a
    line under no such lead, a form's line, or one that asks no verb's things."""
    t = re.sub(r"\s+", " ", line.strip()).rstrip(" .;")
    if not t or STATES.search(t) or ":" in t or len(t.split()) > 80 or not _under_lead(before):
        return []
    clauses = [
        c for part in top_split(t, ";") for piece in _verb_pieces(part) for c in PARTS_AFTER_AND.split(piece)
    ]
    if len(clauses) < 2 and _head(t) not in PART_HEADS:  # ('Những hạn chế, vướng mắc …;' asks as it is)
        return []
    things = [x for c in clauses for x in _clause_things(c)]
    return [Ask(_cap(x.strip(" ,.")), help=[h] if h else []) for x, h in things if x.strip(" ,.")]


# 'đề nghị các Sở … báo cáo kết quả, nêu những khó khăn, vướng mắc và kiến nghị, đề xuất trong quá trình tổ chức
# thực hiện Chương trình X …': the bare result and the parts share the work named at the end
ASKED_RESULT = re.compile(r"\bđề nghị\b[^.;:]{0,160}?\bbáo cáo\s+(?=kết quả\s*,)", re.I)
WORK_TAIL = re.compile(
    r"^trong quá trình\s+(?P<w>(?:tổ chức\s+)?(?:thực hiện|triển khai(?:\s+thực hiện)?))\s+(?P<o>\S.*)$", re.I
)
REFERENCE = re.compile(
    r"\s+(?:theo\s+(?:chức năng|quy định|kế hoạch|đúng)|tại\s+(?:kế hoạch|quyết định|văn bản))\b.*$", re.I
)
NAMING_CUT = re.compile(r",\s+(?=(?:nêu rõ|nêu|làm rõ|chỉ rõ)\s)", re.I)
SHORTFALLS = ("khó khăn", "vướng mắc", "hạn chế", "tồn tại", "yếu kém", "bất cập")


def shared_work(sentence: str) -> list[Ask]:
    """A letter's request to report the result and the parts of a work named once at the end: 'Kết quả thực hiện X'
    first, then each part; the shortfalls arise in the work ('Những khó khăn, vướng mắc trong quá trình tổ chức thực
    hiện'), the proposals stand alone ('Kiến nghị, đề xuất'). [] without such a request."""
    m = ASKED_RESULT.search(sentence)
    if not m:
        return []
    rest = REFERENCE.sub("", re.sub(r"\s+", " ", sentence[m.end() :]).strip(" .;"))
    pieces = NAMING_CUT.split(rest, maxsplit=1)
    if len(pieces) != 2 or pieces[0].strip(" ,").lower() != "kết quả":
        return []
    things = _clause_things(pieces[1])
    work = WORK_TAIL.match(things[0][1]) if things else None
    if len(things) < 2 or not work or any(h != things[0][1] for _, h in things):
        return []
    asks = [Ask(f"Kết quả thực hiện {work.group('o')}")]
    for prompt, _ in things:
        shortfall = _head(prompt) in SHORTFALLS
        asks.append(Ask(_cap(f"{prompt} trong quá trình {work.group('w')}" if shortfall else prompt)))
    return asks


# 'Đánh giá đầy đủ, khách quan kết quả triển khai việc "A"; cuộc vận động "B", phong trào thi đua "C", hoạt động "D"':
# the result of each named movement
RESULTS_OF = re.compile(
    r"^(?:đánh giá|kiểm điểm|tổng kết|sơ kết|báo cáo)(?:\s+[^;:“\"]{0,40}?)?\s+kết quả"
    r"(?P<v>\s+(?:triển khai|thực hiện|tổ chức))?\s+(?P<r>.+)$",
    re.I,
)
QUOTED = re.compile(r"[“\"][^”\"]{3,}[”\"]")
ISSUER_TAIL = re.compile(r"\s+(?:của|theo)\s+(?:Bộ|Sở|UBND|Ủy ban|Chính phủ|Thủ tướng|Trung ương)\b.*$")


def _outside_quotes(text: str, sep: str) -> list[str]:
    out, last, quoted = [], 0, False
    for k, ch in enumerate(text):
        if ch in '“”"':
            quoted = ch == "“" or (ch == '"' and not quoted)
        elif not quoted and text.startswith(sep, k):
            out.append(text[last:k])
            last = k + len(sep)
    return [*out, text[last:]]


def named_results(text: str) -> list[Ask]:
    """The result of each movement named in quotes after 'Đánh giá … kết quả (triển khai)' ('việc "A"; cuộc vận
    động "B", phong trào thi đua "C"'): 'Kết quả triển khai việc "A"', 'Kết quả cuộc vận động "B"', … (who issued
    them, at the end, is dropped). [] unless three movements or more, each named in quotes."""
    m = RESULTS_OF.match(re.sub(r"^\d{1,2}[.)]\s*", "", re.sub(r"\s+", " ", text.strip())).rstrip(" .;"))
    if not m:
        return []
    pieces = [
        p.strip(" ,;") for part in _outside_quotes(m.group("r"), ";") for p in _outside_quotes(part, ", ")
    ]
    pieces = [p for p in pieces if p]
    if len(pieces) < 3 or not all(QUOTED.search(p) for p in pieces):
        return []
    pieces[-1] = ISSUER_TAIL.sub("", pieces[-1])
    verb = (m.group("v") or "").strip()
    return [Ask(f"Kết quả {verb + ' ' if k == 0 and verb else ''}{p}") for k, p in enumerate(pieces)]


# the verbs by which a letter's paragraph asks ('Các đơn vị tập trung đánh giá …', '… phải chỉ ra được …, nêu bật được
# …, …; đánh giá sâu …'); a verb after 'để' gives a purpose, not an ask
ASKING_VERB = re.compile(
    r"(?<!để )(?P<must>\b(?:(?:cần|phải)\s+)?(?:tập trung\s+)?)"
    r"\b(?:đánh giá(?:\s+sâu)?|chỉ ra(?:\s+được)?|nêu bật(?:\s+được)?|làm rõ|nêu rõ)\s+(?=[^\s,;.])",
    re.I,
)
# an outline item led by its own verb ('Tổng kết đánh giá toàn diện …; trong đó tập trung …') is the older rules'
ITEM_LED = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:tổng kết\s+|sơ kết\s+)?(?:đánh giá|kiểm điểm|báo cáo)\s+(?!phải|cần)", re.I
)
THINGS_CUT = re.compile(
    r",\s+(?=(?:các|những)\s+(?:mặt|kết quả|hạn chế|tồn tại|khó khăn|nguyên nhân)\b)", re.I
)


def asked_in_paragraph(text: str) -> list[Ask]:
    """A letter's paragraph that asks by its verbs ('… Các đơn vị tập trung đánh giá việc tổ chức …. Tổng kết đánh
    giá phải chỉ ra được mức độ hoàn thành …, nêu bật được các mặt nổi trội …, các mặt hạn chế tồn tại; đánh giá sâu
    việc …'): what each verb names, things it lists apart; the sentences about the report's form ask nothing. []
    unless a verb is required ('tập trung', 'phải', 'cần') and the paragraph is no form's line."""
    t = re.sub(r"\s+", " ", text.strip())
    if STATES.search(t) or ":" in t or len(t.split()) < 25 or ITEM_LED.match(t):
        return []
    things: list[str] = []
    required = False
    for sent in re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])", t):
        for part in top_split(sent.rstrip(" ."), ";"):
            marks = [m for m in ASKING_VERB.finditer(part) if not _in_note(part, m.start())]
            for k, m in enumerate(marks):
                required = required or bool(m.group("must").strip())
                end = marks[k + 1].start() if k + 1 < len(marks) else len(part)
                obj = re.sub(r"(?i)[,\s]*(?:và|đồng thời)?\s*$", "", part[m.end() : end]).strip(" ,.")
                things.extend(p.strip(" ,.") for p in THINGS_CUT.split(obj) if len(p.split()) >= 3)
    return [Ask(_cap(x)) for x in things] if required and things else []
