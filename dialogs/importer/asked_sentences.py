"""Sentences that ask: a letter, a news article relaying a request or a rule that says in running sentences what a
report must hold ('Các bộ … báo cáo tình hình …, làm rõ kết quả đạt được, tồn tại, hạn chế, diễn biến mới phát sinh
… và đề xuất, kiến nghị giải pháp …') → one ask per thing asked.

- a sentence asks when an asking verb (báo cáo, đánh giá, làm rõ, nêu rõ, phân tích, tập trung, đề xuất, kiến nghị,
  tổng hợp, …) stands in it as a request, not a statement ('đã báo cáo', 'được đánh giá' state what was done);
- the sentence is cut into clauses at ';' and before each asking verb; the verbs that only lead to the things are
  dropped ('báo cáo về', 'làm rõ', 'tập trung vào'), the verbs that are the ask's own kept ('Đánh giá …', 'Đề xuất,
  kiến nghị …');
- a clause's object is cut into the things it names: each assessment category (a closed class: kết quả đạt được,
  ưu điểm, tồn tại, hạn chế, khó khăn, nguyên nhân, bài học kinh nghiệm, giải pháp, kiến nghị, …) starts a thing,
  words of one group side by side are one ('tồn tại, hạn chế'), a piece after bare categories is a thing of its own
  ('diễn biến mới phát sinh …'), a subject after a comma too ('…, tiến độ thực hiện …');
- a list after a colon ('cần nêu rõ những nội dung: A; B; C') is its things;
- the letter's own logistics (deadline, address, form, who signs) and photo captions ask nothing."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.lexicon import top_split

# the assessment categories of Vietnamese report language, by group: words of one group side by side are one thing
CATEGORIES: tuple[tuple[str, ...], ...] = (
    (
        "kết quả đạt được",
        "kết quả",
        "ưu điểm",
        "thành tích nổi bật",
        "thành tích",
        "thành tựu",
        "mặt mạnh",
        "điểm mạnh",
        "mặt tích cực",
        "mặt được",
        "việc làm được",
    ),
    ("thuận lợi",),
    ("khó khăn", "vướng mắc", "bất cập", "trở ngại"),
    (
        "tồn tại",
        "hạn chế",
        "yếu kém",
        "khuyết điểm",
        "nhược điểm",
        "thiếu sót",
        "sai sót",
        "điểm yếu",
        "mặt hạn chế",
        "mặt yếu",
        "mặt chưa được",
    ),
    ("nguyên nhân chủ quan", "nguyên nhân khách quan", "nguyên nhân"),
    ("bài học kinh nghiệm", "bài học"),
    ("giải pháp", "biện pháp"),
    ("phương hướng", "nhiệm vụ", "mục tiêu", "chỉ tiêu", "kế hoạch"),
    ("đề xuất", "kiến nghị", "đề nghị"),
    ("dự báo", "triển vọng"),
)
# the subjects a report is asked about: after a comma each starts a thing of its own
ASPECTS = (
    "tình hình",
    "tiến độ",
    "thực trạng",
    "công tác",
    "việc",
    "hiệu quả",
    "chất lượng",
    "mức độ",
    "diễn biến",
    "số liệu",
    "đánh giá chung",
)
_ALL = sorted({w for g in CATEGORIES for w in g} | set(ASPECTS), key=len, reverse=True)
HEAD = re.compile(rf"^(?:(?:các|những)\s+)?(?:mặt\s+)?(?P<h>{'|'.join(_ALL)})\b", re.I)

VERBS = (
    r"báo cáo(?:\s+(?:về|rõ|đầy đủ))?|tổng hợp(?:\s+báo cáo)?|đánh giá|làm rõ|nêu rõ|nêu bật|nêu lên|nêu cụ thể|nêu|chỉ rõ|chỉ ra|"
    r"phân tích|rút ra|tập trung(?:\s+vào)?|đề xuất|kiến nghị"
)
# an asking verb where it asks: not after 'đã', 'được', 'đang' (a statement) nor 'để' (a purpose)
ASKING = re.compile(
    rf"(?<!đã )(?<!được )(?<!đang )(?<!để )\b(?P<v>{VERBS})\b(?:\s+được\b)?(?=\s*[,\s]\s*\S)", re.I
)
# a purpose before the request ('Để có cơ sở tổng hợp, báo cáo Bộ, …') and the request's frame ('… đề nghị các sở')
PURPOSE = re.compile(r"^(?:để|nhằm)\b[^,;]*(?:,\s*(?:báo cáo|tổng hợp)\s[^,;]*)?,\s*", re.I)
REQUEST = re.compile(r"\b(?:đề nghị|yêu cầu)\b", re.I)
# a report sent to a body: 'báo cáo UBND huyện', 'báo cáo về Sở': where, not what
DESTINATION = re.compile(
    r"^(?:về\s+|lên\s+|cho\s+)?(?:UBND|Ủy ban|Uỷ ban|Bộ|Sở|Thủ tướng|Chính phủ|Ban|Cục|Tổng cục|Văn phòng|"
    r"Thường trực|Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|HĐND|cấp trên|cơ quan)\b"
)
# the verbs that only lead to the things: dropped; 'đánh giá', 'đề xuất', 'kiến nghị' stay the ask's own words
LEADING = re.compile(
    r"^(?:báo cáo|tổng hợp|làm rõ|nêu rõ|nêu bật|nêu lên|nêu cụ thể|nêu|chỉ rõ|chỉ ra|phân tích|tập trung|rút ra)\b",
    re.I,
)
KEPT = re.compile(r"^(?:đánh giá|đề xuất|kiến nghị)\b", re.I)
CLAUSE_CUT = re.compile(rf"(?:,\s+|\s+và\s+|\s+đồng thời\s+)(?=(?:{VERBS})\b)", re.I)
# the letter's own logistics: when and where to send, the form, who signs
LOGISTICS = re.compile(
    r"\b(?:trước ngày|chậm nhất|thời hạn|gửi về|gửi (?:qua|đến|cho)|địa chỉ|hộp thư|e-?mail|fax|"
    r"điện thoại|theo mẫu|theo đúng quy định|ký tên|đóng dấu|hướng dẫn sau)\b",
    re.I,
)
# 'thời gian báo cáo', 'dự thảo báo cáo cần …': the report as a noun, not a verb that asks
NOUN_BEFORE = re.compile(
    r"(?:thời gian|thời hạn|kỳ|chế độ|mẫu|đề cương|dự thảo|nội dung|hình thức|văn bản|bản|"
    r"công tác|việc|phiếu|biểu|số liệu|kết quả)\s*$",
    re.I,
)
NOUN_AFTER = re.compile(r"^\s*(?:cần|phải|sẽ|được|gồm|bao gồm|này|định kỳ)\b", re.I)
STATEMENT = re.compile(r"\b(?:đã|đang)\s+(?:được\s+)?(?:\w+\s+){0,2}?(?:báo cáo|đánh giá|tổng hợp)\b", re.I)
CAPTION = re.compile(r"\bẢnh\s*:\s*[^.]{1,60}$")
COLON_LIST = re.compile(
    r"\b(?:các|những|một số)\s+nội dung(?:\s+(?:sau|chính|chủ yếu))?\s*:\s*(?P<r>.+)$", re.I
)
_CATS = sorted({w for g in CATEGORIES for w in g}, key=len, reverse=True)
AND_CUT = re.compile(r"\s+và\s+(?=(?:(?:các|những)\s+)?(?:mặt\s+)?(?:" + "|".join(_CATS) + r")\b)", re.I)


def _group(words: str) -> int | None:
    m = HEAD.match(words.strip())
    h = m.group("h").lower() if m else None
    return next((k for k, g in enumerate(CATEGORIES) if h in g), None)


def _ends_in_group(words: str, group: int) -> bool:
    """Whether the words end with a category of the group ('… các chỉ tiêu' and then 'nhiệm vụ …')."""
    return any(re.search(rf"(?i)\b{w}$", words.strip()) for w in CATEGORIES[group])


def _bare(piece: str) -> bool:
    """A category alone, with no object of its own ('tồn tại', 'những hạn chế', 'kết quả đạt được')."""
    m = HEAD.match(piece.strip())
    return bool(m) and not piece.strip()[m.end() :].strip() and _group(piece) is not None


def _pieces(obj: str) -> list[tuple[str, str]]:
    """The object cut at ', ' and before 'và' + a category, outside parentheses: (the joiner before, piece)."""
    out = []
    for part in top_split(obj, ","):
        out.extend(
            (", " if k == 0 else " và ", p.strip()) for k, p in enumerate(AND_CUT.split(part)) if p.strip()
        )
    return out


def split_things(obj: str) -> list[str]:
    """One clause's object → the things it names (see the module's note); [obj] when it names one."""
    things: list[str] = []
    bare_run = False  # the thing before is categories alone: a piece after it is a thing of its own
    for joiner, piece in _pieces(obj):
        head = HEAD.match(piece)
        last = things[-1] if things else ""
        same = things and _group(piece) is not None and _group(piece) == _group(last) and _bare(last)
        new = head is not None and (not things or bare_run or len(last.split()) >= 3)
        if things and not bare_run and _group(piece) is not None and _ends_in_group(last, _group(piece)):
            new = False  # 'các chỉ tiêu, nhiệm vụ trong năm': more of the object
        if same:
            things[-1] = f"{last}, {piece}"
        elif new or (bare_run and len(piece.split()) >= 3):
            things.append(piece)
        elif things:
            things[-1] = f"{last}{joiner}{piece}"
        else:
            things.append(piece)
        bare_run = all(_bare(y) for y in things[-1].split(","))
    return things


def _clause_things(clause: str) -> list[str]:
    """A clause beginning with its verb → its things, the leading verb dropped, a kept verb before the first."""
    clause = re.sub(
        r"(?i)^(?:(?:đồng thời|từ đó|trong đó)\s*,?\s*)?(?:(?:cần|phải|sẽ)\s+)?", "", clause.strip(" ,.")
    )
    lead = LEADING.match(clause)
    if lead and DESTINATION.match(clause[lead.end() :].strip()):
        return []
    if lead:
        rest = re.sub(
            r"(?i)^(?:\s+(?:về|rõ|đầy đủ|vào|báo cáo|làm rõ|đánh giá))*\s*", "", clause[lead.end() :]
        )
        if KEPT.match(rest):  # 'tập trung đánh giá …'
            return _clause_things(rest)
        return split_things(rest)
    kept = KEPT.match(clause)
    if kept and DESTINATION.match(clause[kept.end() :].strip()):
        return []  # 'đề xuất UBND tỉnh phê duyệt …': a proposal to a body, stated
    if kept and kept.group(0).lower() == "đánh giá":
        things = split_things(re.sub(r"(?i)^\s*được\s+", "", clause[kept.end() :]).strip(" ,"))
        if len(things) >= 2 and all(_group(t) is not None for t in things):
            return things  # 'đánh giá ưu điểm, hạn chế, nguyên nhân': the categories
        if len(things) == 1 and len(things[0].split()) <= 2 and _group(things[0]) is None:
            return []  # 'cần đánh giá ngắn gọn, …': how, not what
        return [f"{kept.group(0)} {t}" if k == 0 else t for k, t in enumerate(things)]
    return [clause] if kept else []


def _clauses(part: str) -> list[str]:
    """The part cut before each asking verb; a bare verb joins what follows it ('đề xuất, kiến nghị …')."""
    out: list[str] = []
    for clause in CLAUSE_CUT.split(part):
        if out and re.fullmatch(rf"(?i)\s*(?:{VERBS})\s*,?\s*", out[-1]):
            out[-1] = f"{out[-1].strip(' ,')}, {clause.strip()}"
        else:
            out.append(clause)
    return out


def _in_note(text: str, at: int) -> bool:
    return text[:at].count("(") > text[:at].count(")")


def asking_verb(part: str) -> re.Match | None:
    """The first asking verb of the words, outside a parenthesis, that is a verb (not 'thời gian báo cáo')."""
    for m in ASKING.finditer(part):
        if (
            _in_note(part, m.start())
            or NOUN_BEFORE.search(part[: m.start()])
            or NOUN_AFTER.match(part[m.end() :])
        ):
            continue
        return m
    return None


def _sentence_things(sent: str) -> list[str]:
    colon = COLON_LIST.search(sent)
    if colon and asking_verb(sent[: colon.start()] + " x"):
        return [t for part in top_split(colon.group("r"), ";") for t in split_things(part.strip(" .,"))]
    sent = PURPOSE.sub("", sent.strip())
    things: list[str] = []
    for part in top_split(sent, ";"):
        request = list(REQUEST.finditer(part))
        if request and asking_verb(part[request[-1].end() :]):  # '…, Bộ đề nghị các sở báo cáo …': from there
            part = part[request[-1].end() :]
        first = asking_verb(part)
        if not first or LOGISTICS.search(part) or STATEMENT.search(part):
            continue
        for clause in _clauses(part[first.start() :]):
            things.extend(_clause_things(clause))
    return things


def _sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text.strip())
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])", text) if s.strip()]


def asked_sentences(text: str) -> list[Ask]:
    """The things a prose paragraph asks for, in order ([] unless it asks two things or more: one verb in passing is
    no list of asks; a photo caption, a question or a form's blanks ask nothing here)."""
    if CAPTION.search(text.strip()) or re.search(r"[?…]|\.{3,}|_{3,}", text):
        return []
    things = [t.strip(" ,.;:") for s in _sentences(text) for t in _sentence_things(s.rstrip("."))]
    things = [t for t in things if len(t.split()) >= 2 and not LOGISTICS.search(t)]
    if len(things) < 2:
        return []
    return [Ask(t[0].upper() + t[1:]) for t in things]


def asked_paragraph(text: str) -> list[Ask]:
    """An outline item that is a paragraph of its own (25 words or more, and a subject or a frame before its first
    asking verb, or two sentences): its things as `asked_sentences` reads them. A short item led by its verb or a
    heading naming categories ('Tồn tại, khó khăn và nguyên nhân') is the outline rules' own, kept whole."""
    t = re.sub(r"\s+", " ", text.strip())
    first = asking_verb(t)
    if len(t.split()) < 25 or not first or ";" in t[: first.start()]:
        return []
    if len(t[: first.start()].split()) < 3 and len(_sentences(t)) < 2:
        return []
    if ":" in t and not COLON_LIST.search(t):  # 'Nhãn: …' is a labelled item, the outline rules' own
        return []
    asks = asked_sentences(t)
    asked = REQUEST.search(t) or re.search(r"(?i)\b(?:cần|phải)\s", t[: first.end()])
    if not asked and not any(all(_bare(p) for p in a.prompt.split(",")) for a in asks):
        return []  # ('Đồng chí … báo cáo tình hình …, kết quả …': minutes stating what was said)
    return asks


def contents_asked(text: str) -> list[Ask]:
    """'Dự thảo báo cáo cần nêu rõ những nội dung: Đánh giá chung; kết quả thực hiện; những tồn tại, hạn chế và
    nguyên nhân; …' → each thing of the list after the colon (the categories of one piece apart). [] unless an asking
    verb leads to the list and it names two things or more."""
    t = re.sub(r"\s+", " ", text.strip()).rstrip(" .")
    colon = COLON_LIST.search(t)
    if not colon or not asking_verb(t[: colon.start()] + " x") or re.search(r"[?…]|\.{3,}|_{3,}", t):
        return []
    things = [
        x.strip(" ,.;") for part in top_split(colon.group("r"), ";") for x in split_things(part.strip(" .,"))
    ]
    things = [x for x in things if x and len(x.split()) <= 30]
    return [Ask(x[0].upper() + x[1:]) for x in things] if len(things) >= 2 else []
