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
- the letter's own logistics (deadline, address, form, who signs) and photo captions ask nothing;
- how to assess ('đánh giá khách quan, toàn diện …') is no part of the thing; a report sent to a body asks what
  follows 'về' ('báo cáo UBND tỉnh về tiến độ, …'); a verbless sentence after an asking one goes on with it;
  contents listed as sentences after '… nội dung X gồm:' are one ask each; the members of a counted thing ('… của 5
  danh hiệu gồm: A; B') stay in its ask; photos to choose are a list, an article to write an ask."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from dialogs.importer.ask_types import Ask
from dialogs.importer.lexicon import COUNTED_MEMBERS, MANNER, top_split
from dialogs.importer.prose_items import _cap, _in_note
from dialogs.importer.verb_clauses import STATES
from dialogs.text import fold

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
HEAD = re.compile(rf"^(?:(?:các|những|một số)\s+)?(?:mặt\s+)?(?P<h>{'|'.join(_ALL)})\b", re.I)

VERBS = (
    r"báo cáo(?:\s+(?:về|rõ|đầy đủ|cụ thể))?|tổng hợp(?:\s+báo cáo)?|đánh giá|làm rõ|nêu rõ|nêu bật|nêu lên|nêu cụ thể|nêu|chỉ rõ|chỉ ra|"
    r"phân tích|rút ra|tập trung(?:\s+(?:chủ yếu\s+)?vào)?|chú trọng(?:\s+(?:phát hiện|vào))?|khẳng định(?=\s+(?:những|các)\s)|đề xuất|đề ra|xác định|kiến nghị|thể hiện rõ|thể hiện|trình bày rõ|trình bày|mô tả|"
    r"(?:xây dựng|lập|soạn thảo)(?=\s+(?:báo cáo|chương trình|kế hoạch|phương án|đề án)\b)|"
    r"(?:chọn|gửi|cung cấp|sưu tầm)(?=\s+(?:\d{1,3}\s+)?(?:bức\s+)?(?:ảnh|hình ảnh|video|clip)\b)|viết(?=\s+(?:\d{1,3}\s+)?bài\b)"
)
# what a review asks to send besides its report: photos ('chọn 10 ảnh về …': a list of them), an article ('viết bài về
# gương điển hình …': the article)
PHOTOS = re.compile(r"(?i)^(?:chọn|gửi|cung cấp|sưu tầm)\s+(?P<o>(?:\d{1,3}\s+)?(?:bức\s+)?(?:ảnh|hình ảnh|video|clip)\b.*)$")
ARTICLE = re.compile(r"(?i)^viết\s+(?:\d{1,3}\s+)?bài(?:\s+viết)?\s+(?P<o>(?:về|giới thiệu)\b.*)$")
LISTED = re.compile(r"(?i)^(?:\d{1,3}\s+)?(?:bức\s+)?(?:ảnh|hình ảnh|video|clip)\b")
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
    r"Thường trực|Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|HĐND|cấp trên|cơ quan|Phòng(?=\s+[A-ZĐ]))\b"
)
# a report sent to a body about its things: 'UBND tỉnh về tiến độ, kết quả …' (the body in a few words, then 'về')
SENT_ABOUT = re.compile(r"^(?:về\s+|lên\s+|cho\s+)?(?:[^\s,;]+\s+){1,6}?về\s+(?P<o>\S.*)$", re.I)
# the verbs that only lead to the things: dropped; 'đánh giá', 'đề xuất', 'kiến nghị' stay the ask's own words
LEADING = re.compile(
    r"^(?:(?:xây dựng|lập|soạn thảo)\s+báo cáo|báo cáo|tổng hợp|làm rõ|thể hiện rõ|thể hiện|trình bày rõ|trình bày|"
    r"mô tả|xác định|đề ra|nêu rõ|nêu bật|nêu lên|nêu cụ thể|nêu|chỉ rõ|chỉ ra|phân tích|tập trung|"
    r"chú trọng(?:\s+(?:phát hiện|vào))?|khẳng định|rút ra)\b",
    re.I,
)
# a plan or programme to draw up: the document itself is asked ('xây dựng chương trình, kế hoạch năm 2010')
PLAN = re.compile(r"^(?:xây dựng|lập|soạn thảo)\s+(?=(?:chương trình|kế hoạch|phương án|đề án)\b)", re.I)
KEPT = re.compile(r"^(?:đánh giá|đề xuất|kiến nghị)\b", re.I)
BARE_VERB = re.compile(rf"(?i)\s*(?:{VERBS})\s*,?\s*")  # a verb alone before a comma: it asks what follows
CLAUSE_CUT = re.compile(rf"(?:,\s+|\s+và\s+|\s+đồng thời\s+|\s+(?:để\s+)?từ đó\s+)(?=(?:{VERBS})\b)", re.I)
# the letter's own logistics: when and where to send, the form, who signs
# (an address, a mailbox, a phone: the letter's own only as the way to send — 'qua hộp thư …', 'theo địa chỉ …', an
# e-mail address — while 'danh sách, địa chỉ, số điện thoại của các cơ sở' are things asked)
LOGISTICS = re.compile(
    r"\b(?:trước ngày|chậm nhất|thời hạn|gửi về|gửi (?:qua|đến|cho)|theo mẫu|ký tên|đóng dấu|"
    r"(?:qua|theo|về|đến|tới|tại)\s+(?:(?:số\s+)?(?:địa chỉ|hộp thư|e-?mail|fax|điện thoại))|"
    r"(?:địa chỉ|hộp thư|e-?mail|fax|điện thoại)(?:\s+\w+){0,2}\s*:)|\S+@\S+\.\w+",
    re.I,
)
COUNTED = re.compile(r"(?i)^(?:tổng số|số lượng|số|tỷ lệ|tỉ lệ)\s+(?!liệu\b)\w+\s+\w+")  # a figure named as a thing
# 'thời gian báo cáo', 'dự thảo báo cáo cần …': the report as a noun, not a verb that asks
NOUN_BEFORE = re.compile(
    r"(?:thời gian|thời hạn|kỳ|chế độ|mẫu|đề cương|dự thảo|nội dung|hình thức|văn bản|bản|"
    r"công tác|việc|phiếu|biểu|số liệu|kết quả)\s*$",
    re.I,
)
NOUN_AFTER = re.compile(
    rf"^\s*(?:cần|phải|sẽ|được|gồm|bao gồm|này|định kỳ|cố gắng|(?:chủ yếu\s+)?(?:{VERBS}))\b", re.I
)
# 'ưu, khuyết điểm': the strengths and the shortcomings, the first word's 'điểm' left out
ELIDED = re.compile(r"(?i)\b(ưu|khuyết|nhược)\s*(,|-|và)\s*(khuyết|nhược) điểm\b")
# ', nhưng …', ', song …': a turn of the sentence, no more of the object
TURN = re.compile(r"(?i),\s+(?:nhưng|song|tuy nhiên)\s.*$")
STATEMENT = re.compile(r"\b(?:đã|đang)\s+(?:được\s+)?(?:\w+\s+){0,2}?(?:báo cáo|đánh giá|tổng hợp)\b", re.I)
# the letter's subject line ('V/v báo cáo tình hình, kết quả …'): its title, not an ask
SUBJECT_LINE = re.compile(r"(?i)^(?:v/v|về việc)\b")
CAPTION = re.compile(r"\bẢnh\s*:\s*[^.]{1,60}$")
COLON_LIST = re.compile(
    r"\b(?:các|những|một số)\s+nội dung(?:\s+(?:sau|chính|chủ yếu))?\s*:\s*(?P<r>.+)$", re.I
)
_CATS = sorted({w for g in CATEGORIES for w in g}, key=len, reverse=True)
AND_CUT = re.compile(r"\s+và\s+(?=(?:(?:các|những)\s+)?(?:mặt\s+)?(?:" + "|".join(_CATS) + r")\b)", re.I)

# 'bao gồm cả thuận lợi và khó khăn': the 'và' inside one thing's detail
INCLUDING = re.compile(r"(?i)\b(?:cả|gồm|kể cả)\s+(?:(?:các|những)\s+)?(?:" + "|".join(_CATS) + r")$")
# the categories a shared complement distributes over (before giải pháp, phương hướng, đề xuất: their own object)
DISTRIBUTIVE_GROUPS = 6
SHARED_ASPECTS = ("tình hình", "thực trạng")
QUALIFIERS = "khách quan|chủ quan|trực tiếp|gián tiếp|trước mắt|lâu dài|ngắn hạn|dài hạn|bên trong|bên ngoài"
PAIRED = re.compile(
    rf"(?i)^(?P<pre>(?:(?:các|những)\s+)?(?:{'|'.join(_CATS)})\s+)(?P<a>{QUALIFIERS})\s+và\s+(?P<b>{QUALIFIERS})\b"
    r"(?P<tail>.*)$"
)


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


def _cut_joining(cut: re.Pattern, part: str, joins, glue) -> list[str]:
    """``part`` cut where ``cut`` matches, a piece going back onto the one before it when ``joins(before)`` holds."""
    out: list[str] = []
    for p in cut.split(part):
        if out and joins(out[-1]):
            out[-1] = glue(out[-1], p)
        else:
            out.append(p)
    return out


def _and_cut(part: str) -> list[str]:
    """The part cut before 'và' + a category, but not inside 'bao gồm cả thuận lợi và khó khăn' (one thing's
    detail)."""
    return _cut_joining(AND_CUT, part, INCLUDING.search, lambda a, b: f"{a} và {b}")


def _pieces(obj: str) -> list[tuple[str, str]]:
    """The object cut at ', ' and before 'và' + a category, outside parentheses: (the joiner before, piece)."""
    out = []
    for part in top_split(obj, ","):
        out.extend((", " if k == 0 else " và ", p.strip()) for k, p in enumerate(_and_cut(part)) if p.strip())
    return out


def _lone(piece: str) -> bool:
    """A category or a subject word alone ('thuận lợi', 'những khó khăn', 'tình hình')."""
    m = HEAD.match(piece.strip())
    return bool(m) and not piece.strip()[m.end() :].strip()


def _shared_tail(obj: str) -> list[str] | None:
    """'thuận lợi, khó khăn trong công tác X' → 'thuận lợi trong công tác X', 'khó khăn trong công tác X';
    'tình hình, kết quả triển khai Y' → 'tình hình triển khai Y', 'kết quả triển khai Y': words alone before an
    assessment category with words of its own share them (a group's words stay one: 'khó khăn, vướng mắc trong X').
    None when the object does not begin so."""
    pieces = _pieces(obj)
    k = next((i for i, (_, p) in enumerate(pieces) if not _lone(p)), len(pieces))
    if k == 0 or k == len(pieces) or any(j != ", " for j, _ in pieces[1 : k + 1]):
        return None
    rest = split_things_plain(_rejoin(pieces[k:]))
    head = HEAD.match(rest[0])
    group = _group(rest[0])
    if head is None or (group is None and head.group("h").lower() not in SHARED_ASPECTS):
        return None
    if group is not None and group >= DISTRIBUTIVE_GROUPS:
        return None  # 'kết quả, đề xuất giải pháp': the proposal's object is its own
    tail = rest[0][head.end() :]
    if not tail.strip() or HEAD.match(tail.strip()):
        return None
    lone: list[str] = []
    for _, p in pieces[:k]:
        if lone and _group(p) is not None and _group(p) == _group(lone[-1]):
            lone[-1] = f"{lone[-1]}, {p}"
        else:
            lone.append(p)
    if group is not None and _group(lone[-1]) == group:  # 'khó khăn, vướng mắc trong X': one thing
        rest[0] = f"{lone.pop()}, {rest[0]}"
    return [f"{x}{tail}" for x in lone] + rest


def _rejoin(pieces: list[tuple[str, str]]) -> str:
    return "".join(j + p if k else p for k, (j, p) in enumerate(pieces))


def _paired(thing: str) -> list[str]:
    """'nguyên nhân khách quan và chủ quan ảnh hưởng đến X' → the objective causes and the subjective ones, each
    with the words after them (a closed class of paired qualifiers)."""
    m = PAIRED.match(thing)
    if not m or m.group("a").lower() == m.group("b").lower():
        return [thing]
    return [
        f"{m.group('pre')}{m.group('a')}{m.group('tail')}",
        f"{m.group('pre')}{m.group('b')}{m.group('tail')}",
    ]


def split_things(obj: str) -> list[str]:
    """One clause's object → the things it names (see the module's note); [obj] when it names one."""
    things = _shared_tail(obj) or split_things_plain(obj)
    return [x for t in things for x in _paired(t)]


# a comparison whose list has begun: 'so với kế hoạch, mục tiêu' (each piece of three words at most so far)
COMPARED = re.compile(r"(?i)\bso với\s+[^\s,]+(?:\s[^\s,]+){0,2}(?:,\s+[^\s,]+(?:\s[^\s,]+){0,2})*$")


def split_things_plain(obj: str) -> list[str]:
    """The object cut into things, each category its own (words of one group one), no words shared."""
    things: list[str] = []
    bare_run = False  # the thing before is categories alone: a piece after it is a thing of its own
    for joiner, piece in _pieces(obj):
        head = HEAD.match(piece)
        last = things[-1] if things else ""
        same = things and _group(piece) is not None and _group(piece) == _group(last) and _bare(last)
        new = head is not None and (not things or bare_run or len(last.split()) >= 3)
        if things and not bare_run and _group(piece) is not None and _ends_in_group(last, _group(piece)):
            new = False  # 'các chỉ tiêu, nhiệm vụ trong năm': more of the object
        if things and COMPARED.search(last) and not re.match(r"(?i)(?:các|những)\s", piece):
            # 'kết quả so với tiến độ, mục tiêu, nhiệm vụ đề ra': what it is compared with ('…, các mặt hạn chế': a thing)
            new = False
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
        r"(?i)^(?:(?:đồng thời|từ đó|trong đó)\s*,?\s*)?(?:(?:cần|phải|sẽ)\s+)?",
        "",
        TURN.sub("", clause).strip(" ,."),
    )
    photos, article = PHOTOS.match(clause), ARTICLE.match(clause)
    if photos or article:  # the photos to choose, the article to write
        return [photos.group("o") if photos else f"bài viết {article.group('o')}"]
    plan = PLAN.match(clause)
    if plan:  # 'xây dựng chương trình, kế hoạch năm tới': the plan is the thing asked
        return [clause[plan.end() :].strip()]
    lead = LEADING.match(clause)
    if lead and DESTINATION.match(clause[lead.end() :].strip()):
        about = SENT_ABOUT.match(clause[lead.end() :].strip())  # 'báo cáo UBND tỉnh về tiến độ, …': what follows 'về'
        return split_things(about.group("o")) if about else []
    if lead:
        rest = re.sub(
            r"(?i)^(?:\s+(?:về|rõ|đầy đủ|cụ thể|chủ yếu|vào|báo cáo|làm rõ|đánh giá|sơ kết|tổng kết))*\s*",
            "",
            clause[lead.end() :],
        )
        if KEPT.match(rest):  # 'tập trung đánh giá …'
            return _clause_things(rest)
        return split_things(rest)
    kept = KEPT.match(clause)
    if kept and DESTINATION.match(clause[kept.end() :].strip()):
        return []  # 'đề xuất UBND tỉnh phê duyệt …': a proposal to a body, stated
    if kept and kept.group(0).lower() == "đánh giá":
        things = split_things(MANNER.sub("", re.sub(r"(?i)^\s*được\s+", "", clause[kept.end() :]).strip(" ,")))
        if len(things) >= 2 and all(_group(t) is not None for t in things):
            return things  # 'đánh giá ưu điểm, hạn chế, nguyên nhân': the categories
        if len(things) == 1 and len(things[0].split()) <= 2 and _group(things[0]) is None:
            return []  # 'cần đánh giá ngắn gọn, …': how, not what
        return [f"{kept.group(0)} {t}" if k == 0 else t for k, t in enumerate(things)]
    return [clause] if kept else []


def _clauses(part: str) -> list[str]:
    """The part cut before each asking verb; a bare verb joins what follows it ('đề xuất, kiến nghị …')."""
    return _cut_joining(CLAUSE_CUT, part, BARE_VERB.fullmatch, lambda a, b: f"{a.strip(' ,')}, {b.strip()}")


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


def _members_thing(sent: str) -> str | None:
    """'… với nội dung đánh giá kết quả 15 năm … của 5 danh hiệu văn hóa gồm: A; B; C' → 'kết quả 15 năm … của 5
    danh hiệu văn hóa (A; B; C)': the thing asked after its verb, the members it names in parentheses."""
    m = COUNTED_MEMBERS.search(sent)
    verbs = list(ASKING.finditer(m.group("obj"))) if m else []
    if not verbs:
        return None
    obj = MANNER.sub("", m.group("obj")[verbs[-1].end() :].strip(" ,"))
    obj = re.sub(r"(?i)^(?:về|rõ|cụ thể)\s+", "", obj)
    return f"{obj} ({m.group('list').strip(' ,;')})" if len(obj.split()) >= 2 else None


# '…, gồm số con được tiêm và tỷ lệ tiêm phòng đạt được': the figures the report asked for is made of
INCLUDES = re.compile(r"(?i),\s*(?:bao\s+)?gồm(?:\s+có)?\s*:?\s+(?P<r>(?:tổng số|số lượng|số|tỷ lệ|tỉ lệ)\s.+)$")


def _figures_listed(sent: str) -> list[str]:
    """A request whose report ', gồm' figures ('báo cáo kết quả …, gồm số con được tiêm và tỷ lệ …'): each figure
    named after 'gồm' (cut at ',', ';' and 'và'), when each is a figure; [] otherwise."""
    m = INCLUDES.search(sent.rstrip(" ."))
    if not m or not asking_verb(sent[: m.start()] + " x"):
        return []
    pieces = [p.strip(" ,;.") for p in re.split(r"\s*[,;]\s*|\s+và\s+", m.group("r"))]
    return pieces if len(pieces) >= 2 and all(COUNTED.match(p) for p in pieces) else []


def _sentence_things(sent: str) -> list[str]:
    members = _members_thing(sent)
    if members:
        return [members]
    colon = COLON_LIST.search(sent)
    if colon and asking_verb(sent[: colon.start()] + " x"):
        return [t for part in top_split(colon.group("r"), ";") for t in split_things(part.strip(" .,"))]
    figures = _figures_listed(sent)
    if figures:
        return figures
    sent = PURPOSE.sub("", sent.strip())
    things: list[str] = []
    asking = False  # a part before asked: a part after it naming a subject with no verb asks by the same verb
    for part in top_split(sent, ";"):
        request = list(REQUEST.finditer(part))
        if request and asking_verb(part[request[-1].end() :]):  # '…, Bộ đề nghị các sở báo cáo …': from there
            part = part[request[-1].end() :]
        first = asking_verb(part)
        if LOGISTICS.search(part) or STATEMENT.search(part):
            asking = False
            continue
        if not first:
            if asking and (HEAD.match(part.strip(" ,.")) or COUNTED.match(part.strip(" ,."))):
                # '…; tình hình tích tụ đất đai thời gian qua; …', '…; số cơ sở đã được cấp giấy chứng nhận'
                things.extend(split_things(part.strip(" ,.")))
            continue
        asking = True
        for clause in _clauses(part[first.start() :]):
            things.extend(_clause_things(clause))
    return things


def _paragraph_things(sentences: list[str]) -> list[str]:
    """The things of a paragraph's sentences, in order; a sentence with no verb right after one that asked, naming
    an assessment category or a subject first ('… ; những kiến nghị, đề xuất. Phương hướng, nhiệm vụ, giải pháp
    tiếp tục …'), asks by the verb before it."""
    things: list[str] = []
    asked = False
    for sent in sentences:
        s = sent.rstrip(".").strip()
        mine = _sentence_things(s)
        if not mine and asked and not asking_verb(s) and _continues(s):
            mine = split_things(s)
        things.extend(mine)
        asked = bool(mine)
    return things


def _continues(sent: str) -> bool:
    """A verbless sentence that goes on with a list of asks: a category or a subject first, no logistics, no
    statement, forty words at most."""
    head = HEAD.match(sent)
    return (head is not None and len(sent.split()) <= 40 and not LOGISTICS.search(sent) and not STATEMENT.search(sent)
            and (_group(sent) is not None or head.group("h").lower() in SHARED_ASPECTS))


def _sentences(text: str) -> list[str]:
    text = ELIDED.sub(
        lambda m: f"{m[1]} điểm{' và' if m[2] == 'và' else ','} {m[3]} điểm",
        re.sub(r"\./\.?(?=\s|$)", ".", re.sub(r"\s+", " ", text.strip())),  # ('… thời gian tới./.': the end mark)
    )
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])", text) if s.strip()]


def asked_sentences(text: str) -> list[Ask]:
    """The things a prose paragraph asks for, in order ([] unless it asks two things or more: one verb in passing is
    no list of asks; a photo caption, a question or a form's blanks ask nothing here)."""
    if (
        CAPTION.search(text.strip())
        or STATES.search(text)
        or SUBJECT_LINE.match(text.strip())
    ):
        return []
    things = [t.strip(" ,.;:") for t in _paragraph_things(_sentences(text))]
    things = [t for t in things if len(t.split()) >= 2 and not LOGISTICS.search(t)]
    if len(things) < 2:
        return []
    return [Ask(_cap(t), "list" if LISTED.match(t) else "longtext") for t in things]


def asked_paragraph(text: str) -> list[Ask]:
    """An outline item that is a paragraph of its own (25 words or more, and a subject or a frame before its first
    asking verb, or two sentences): its things as `asked_sentences` reads them. A short item led by its verb or a
    heading naming categories ('Tồn tại, khó khăn và nguyên nhân') is the outline rules' own, kept whole."""
    t = re.sub(r"\s+", " ", text.strip())
    first = asking_verb(t)
    if len(t.split()) < 25 or not first or ";" in t[: first.start()]:
        return []
    if len(t[: first.start()].split()) < 3 and len(_sentences(t)) < 2:
        return subjects_after_verb(t)
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
    if not colon or not asking_verb(t[: colon.start()] + " x") or STATES.search(t):
        return []
    things = [
        x.strip(" ,.;") for part in top_split(colon.group("r"), ";") for x in split_things(part.strip(" .,"))
    ]
    things = [x for x in things if x and len(x.split()) <= 30]
    return [Ask(_cap(x)) for x in things] if len(things) >= 2 else []


def richer(asks: list[Ask], text: str) -> list[Ask]:
    """A prose line another rule read into written asks: the things `asked_sentences` reads when it names more of
    them, one the rule dropped (a part after ';' that asks by the verb before it) and each of the rule's own; else
    the asks as they were."""
    if not asks or any(a.type != "longtext" for a in asks):
        return asks
    mine = asked_sentences(text)
    theirs = [fold(a.prompt) for a in asks]
    dropped = [a for a in mine if all(fuzz.token_set_ratio(fold(a.prompt), t) < 70 for t in theirs)]
    words = {w for a in mine for w in re.findall(r"\w+", fold(a.prompt))}
    kept = all(
        any(fuzz.ratio(fold(a.prompt), fold(t.prompt)) >= 70 for a in mine) or _split_up(t.prompt, words) for t in asks
    )
    return mine if len(mine) > len(asks) and dropped and kept else asks


def _split_up(their: str, words: set[str]) -> bool:
    """A rule's ask whose things the sentences read apart ('Những ưu điểm, tồn tại hạn chế, nguyên nhân và bài học
    kinh nghiệm' → each category): all of its words among theirs, and it names two categories or more."""
    mine = set(re.findall(r"\w+", fold(their))) - {"nhung", "cac", "va"}
    return mine <= words and len(split_things_plain(their)) >= 2


# the subjects an item led by its verb may name after a comma, each a thing of its own
SECOND_SUBJECTS = ("tình hình", "thực trạng", "tiến độ", "diễn biến", "mức độ")


def subjects_after_verb(text: str) -> list[Ask]:
    """'Đánh giá hệ thống văn bản chỉ đạo về A, tình hình thực tế thực hiện A trong các dự án …': an outline item
    of one sentence led by its verb that names, after a comma, a second subject of its own words or assessment
    categories ('Đánh giá kết quả X, những khó khăn, vướng mắc và nguyên nhân') → each. [] for any other item led
    by its verb (the outline rules' own: 'Phân tích tồn tại, khó khăn và nguyên nhân' stays whole)."""
    t = re.sub(r"\s+", " ", text.strip()).rstrip(" ;.")
    first = asking_verb(t)
    if not first or len(t.split()) < 20 or len(_sentences(t)) > 1 or len(t[: first.start()].split()) > 1:
        return []
    if ";" in t:  # clauses after ';': the outline rules' own
        return []
    asks = asked_sentences(t)
    if len(asks) < 2 or len(asks[0].prompt.split()) < 4 or _lone(asks[0].prompt):
        return []
    for a in asks[1:]:
        m = HEAD.match(a.prompt)
        if not m or (_group(a.prompt) is None and m.group("h").lower() not in SECOND_SUBJECTS):
            return []
        if _group(a.prompt) is None and len(a.prompt.split()) < 4:
            return []
    return asks


# 'Theo đó, nội dung sơ kết gồm: Đánh giá công tác …. Công tác tham mưu …. Công tác phối hợp ….': contents whose items
# are sentences of their own
CONTENTS_LEAD = re.compile(
    r"(?i)\bnội dung(?:\s+[^\s:;.]+){0,4}?\s+(?:gồm|bao gồm)(?:\s+(?:các|những)\s+(?:nội dung|vấn đề|việc))?"
    r"(?:\s+(?:chính|sau|chủ yếu))?\s*:\s*(?=\S)"
)
ITEM_WORDS = 8


def contents_sentences(text: str) -> list[Ask]:
    """A paragraph that says what the contents are ('… nội dung sơ kết gồm:') and lists them as sentences, each led
    by a subject or an assessment category ('Công tác tham mưu …', 'Kết quả …') or by 'đánh giá' before one: one ask
    per sentence, whole (its commas are no list), 'đánh giá' and its manner dropped before a subject. The list ends
    at the first sentence led otherwise. [] unless two sentences or more are listed."""
    t = re.sub(r"\s+", " ", text.strip())
    lead = CONTENTS_LEAD.search(t)
    if not lead or STATES.search(t):
        return []
    asks: list[Ask] = []
    for sent in _sentences(t[lead.end() :]):
        s = sent.strip().rstrip(".").strip()
        rest = MANNER.sub("", re.sub(r"(?i)^đánh giá\s+", "", s))
        if len(s.split()) < ITEM_WORDS or not HEAD.match(rest) or LOGISTICS.search(s) or STATEMENT.search(s):
            break
        asks.append(Ask(_cap(rest)))
    return asks if len(asks) >= 2 else []
