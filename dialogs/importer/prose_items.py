"""What a report outline's item asks: one question per thing asked, never one catch-all (issue 21).

Periodic report outlines ask in prose, and an item names several things at once. The mechanisms, each on the
document's own words (a prompt keeps them; only what leads to the things is dropped):
- the parts of a report named in one item (`part_asks`: 'Kết quả thực hiện …; ưu điểm, hạn chế, khó khăn, vướng mắc,
  nguyên nhân và bài học kinh nghiệm …'): one question per part; words of one group side by side ('khó khăn, vướng
  mắc', 'đề xuất, kiến nghị', 'phương hướng, nhiệm vụ') stay one; a cause after ';' is the cause of what came before;
  a list inside an object ('giải quyết những khó khăn, vướng mắc') is not split;
- clauses that ask in their own verbs (`clause_items`: 'Đánh giá kết quả …, nêu rõ số …, những hạn chế, nguyên nhân;
  đề xuất …'): each clause, and each thing 'nêu rõ' names (a figure a number);
- figures named after a label or in its note (`figure_list`: 'Kết quả đạt được: số …, tỷ lệ …, thay đổi về …',
  '… (bao gồm diện tích, năng suất, sản lượng, tình hình sâu bệnh …)'), and in a heading over its items
  (`heading_figures`); a count and a quality or rate of the same things (`shared_object`);
- items lettered inside one line (`lettered_items`: 'Báo cáo các nội dung sau: a) …; b) …'), examples after 'Ví dụ
  như' as help (`example_help`);
- in a prose text: the contents listed on the line after '… về:' (`listed_line`), the short lines under 'Báo cáo gồm
  các nội dung sau:' (`led_line`), and the things of a prose sentence apart (`named_things`, `same_part_joined`)."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, guess_type
from dialogs.importer.counts import split_count_segments
from dialogs.importer.lexicon import top_split
from dialogs.importer.shared_counts import bare_amount, distributed_counts

# the parts a report is made of; words in one group mean one thing when written side by side
GROUPS: tuple[tuple[str, ...], ...] = (
    ("ưu điểm", "kết quả đạt được", "thành tích", "mặt mạnh", "mặt tích cực"),
    ("thuận lợi",),
    ("hạn chế", "tồn tại", "yếu kém", "khuyết điểm", "mặt hạn chế", "nhược điểm"),
    ("khó khăn", "vướng mắc", "bất cập"),
    ("nguyên nhân",),
    ("bài học kinh nghiệm", "bài học"),
    ("đề xuất", "kiến nghị"),
    ("phương hướng", "nhiệm vụ", "chỉ tiêu", "giải pháp", "biện pháp"),
    ("dự báo",),
    ("dự kiến",),
)
PART_HEADS = tuple(w for g in GROUPS for w in g)
# the forward plan's words, nouns of an object too
PLAN = next(k for k, g in enumerate(GROUPS) if "nhiệm vụ" in g)
# aspects of one subject: 'tình hình, số liệu các vụ …' (the situation and the figures of the same things)
ASPECTS = ("tình hình", "số liệu", "số lượng", "hình thức", "kết quả", "việc")
FIGURE_ASPECTS = ("số liệu", "số lượng")
# parts that are verbs too: what follows them after a comma is what they propose or foresee
VERB_HEADS = ("đề xuất", "kiến nghị", "dự kiến", "dự báo")
_PLURAL = r"(?:(?:các|những)\s+)?"
HEAD_RE = re.compile(
    rf"^{_PLURAL}(?P<h>{'|'.join(sorted(PART_HEADS + ASPECTS, key=len, reverse=True))})\b", re.I
)
PLURAL_LEAD = re.compile(r"^(?:các|những)\s+", re.I)
CUT = re.compile(r",\s+|\s+và\s+", re.I)
AND_SO_ON = re.compile(r"(?<=[^\W\d_]),?\s*(?:…|\.\.\.)\s*\.?$")  # '…, bài học kinh nghiệm,…': 'and so on'
NOT_PROSE = re.compile(
    r"[?…]|\.{3,}|_{3,}|:\s*$|\d+\s*%"
    # a statement of a copied report ('… đã được Hội nghị thảo luận', '… chủ yếu do thiếu kinh phí')
    r"|\bđã (?:được|đạt|vượt)\b|\b(?:chủ yếu|nguyên nhân) (?:là )?do\b",
    re.I,
)


def _head(piece: str) -> str | None:
    m = HEAD_RE.match(piece.strip())
    return m.group("h").lower() if m else None


def _group(head: str | None) -> int | None:
    return next((k for k, g in enumerate(GROUPS) if head in g), None)


def _cap(words: str) -> str:
    return words[0].upper() + words[1:]


def _bare(words: str) -> str:
    """The words without a plural's 'các' / 'những' before them."""
    return PLURAL_LEAD.sub("", words)


def _outline_text(text: str) -> str:
    """An item's words without an 'and so on' and the marks closing it."""
    return AND_SO_ON.sub("", text.strip()).rstrip(" .;,")


def _in_note(text: str, at: int) -> bool:
    """Whether the place `at` of the text is inside a parenthesis."""
    return text[:at].count("(") > text[:at].count(")")


def _pieces(clause: str) -> list[tuple[str, str]]:
    """The clause cut at ', ' and ' và ' outside parentheses: (separator before, piece)."""
    out: list[tuple[str, str]] = []
    last, sep = 0, ""
    for m in CUT.finditer(clause):
        if _in_note(clause, m.start()):
            continue
        out.append((sep, clause[last : m.start()]))
        sep, last = m.group(0), m.end()
    out.append((sep, clause[last:]))
    return [(s, p.strip()) for s, p in out if p.strip()]


def _items(clause: str, head_of=None, named: bool = False) -> list[str] | None:
    """The things one clause names: a piece that begins with a report's part or an aspect starts a thing when the
    piece before began with one too; any other piece goes on the thing before ('bài học kinh nghiệm trong chỉ đạo,
    thực hiện'), and after it the list is that thing's object ('giải quyết những khó khăn, vướng mắc, hạn chế'), as
    it is after a proposal's object ('Đề xuất các nội dung …, giải pháp …'). Words of one group side by side stay one
    thing ('khó khăn, vướng mắc'). After 'nêu rõ' (`named`) a comma always parts the things it names ('những chỉ tiêu
    đạt và vượt kế hoạch, những chỉ tiêu không đạt'). None when the clause does not begin with a part or an aspect."""
    head_of = head_of or _head
    pieces = _pieces(clause)
    if not pieces or head_of(pieces[0][1]) is None:
        return None
    items: list[str] = []
    heads: list[str | None] = []
    open_list = True  # the pieces so far each began with a head: the next head may start a thing
    for sep, piece in pieces:
        head = head_of(piece)
        comma = sep.strip() == ","
        bare_pair = (
            bool(items)
            and _group(head) is not None
            and _group(head) == _group(heads[-1])
            and HEAD_RE.fullmatch(items[-1].strip()) is not None
        )
        objected = bool(items) and heads[-1] in VERB_HEADS and _object(items[-1]) and comma
        # 'số hộ và số nhân khẩu biến động trong tháng': two figures joined by 'và' share what follows
        paired = bool(items) and not comma and head == heads[-1] == "số"
        # 'kết quả thực hiện các chỉ tiêu, nhiệm vụ trong năm': a plan's word or an aspect after an object is more of it
        paired = paired or (
            not named
            and bool(items)
            and comma
            and _object(items[-1]) != ""
            and head is not None
            and (head in ASPECTS or _group(head) == PLAN)
        )
        if items and (head is None or bare_pair or objected or paired or not (open_list or named and comma)):
            items[-1] = f"{items[-1]}{', ' if comma else ' và '}{piece}"
            open_list = open_list and head is not None and not objected
            continue
        items.append(piece)
        heads.append(head)
    return items


def _object(item: str) -> str:
    m = HEAD_RE.match(item.strip())
    return item.strip()[m.end() :].strip(" ,") if m else ""


def _share_object(items: list[str]) -> list[str]:
    """'Tình hình, số liệu các vụ …': two aspects, the first bare, share the second's object."""
    if (
        len(items) == 2
        and _head(items[0]) in ASPECTS
        and HEAD_RE.fullmatch(items[0].strip())
        and _head(items[1]) in ASPECTS
        and _object(items[1])
    ):
        return [f"{items[0].strip()} {_object(items[1])}", items[1]]
    return items


def part_asks(text: str) -> list[Ask]:
    """An outline item naming the parts of a report → one question per part, in order. [] unless it names at least
    two parts of different groups (one 'hạn chế' in a sentence is no list of asks), or when the line is a form's
    (blanks, a question mark, a figure)."""
    t = _outline_text(text)
    if not t or NOT_PROSE.search(t) or ": " in t or len(t.split()) > 70:  # (a label: the figure list's rule)
        return []
    out: list[str] = []
    previous = ""
    clauses = top_split(t, ";")
    for clause in clauses:
        found = _items(clause.strip(" ,."))
        if found is None:
            return []
        items = _share_object(found)
        first = items[0].strip()
        if re.fullmatch(r"(?i)nguyên nhân", first) and _object(previous):
            items[0] = f"{first} {_object(previous)}"  # '…; nguyên nhân và …': the cause of what came before
        out.extend(items)
        previous = items[0]
    groups = {_group(_head(x)) for x in out} - {None}
    headed = sum(_head(x) is not None for x in out)
    single = len(clauses) == 1
    if len(out) < (3 if single else 2) or not (len(groups) >= 2 or groups and headed >= 3):
        return []  # ('Hạn chế, nguyên nhân': a heading of two the writers keep whole)
    if (
        single
        and all(HEAD_RE.fullmatch(x.strip()) for x in out[:-1])
        and re.match(r"(?i)của\b", _object(out[-1]))
    ):
        return []  # 'Những tồn tại, hạn chế và nguyên nhân của việc …': the object is all the parts' own
    asks = []
    for item in out:
        prompt = _cap(item.strip(" ,.;"))
        typ, unit, why = guess_type(prompt)
        if _head(prompt) in FIGURE_ASPECTS and typ == "longtext":
            typ, unit, why = "integer", None, "số nguyên (đoán: số liệu được hỏi)"
        asks.append(Ask(prompt, typ, unit, guessed=why))
    return asks


# figures a report gives: counts, rates, amounts and the measures of a harvest
FIGURE_HEAD = re.compile(
    r"^(?:(?:tổng\s+)?số(?:\s+lượng|\s+lượt|\s+liệu)?|tỷ lệ|tỉ lệ|(?:tổng\s+)?(?:diện tích|năng suất|sản lượng|"
    r"khối lượng)|(?:tổng\s+)?(?:kinh phí|số tiền|vốn|giá trị)|tổng (?:thu|chi)|doanh thu|thu nhập bình quân)\b",
    re.I,
)
FIGURE_START = r"(?=(?:tổng\s+)?số\b|t[ỷỉ] lệ\b)"  # where a count or a rate begins
MONEY_NOUN = re.compile(r"^(?:tổng\s+)?(?:thu|chi|vốn|giá trị|doanh thu|thu nhập)\b", re.I)
# 'Tổng số kinh phí đã huy động': an amount of money, not a count
MONEY_COUNT = re.compile(r"^(?:tổng số|tổng|số)\s+(?:kinh phí|tiền|vốn)\b", re.I)
MEASURE_NOUN = re.compile(r"^(?:tổng\s+)?(?:năng suất|sản lượng|khối lượng|diện tích)\b", re.I)
# what a report writes about: a piece beginning so is a written question of its own
WRITTEN_HEAD = re.compile(
    r"^(?:tình hình|thay đổi|kết quả|hình thức|đối tượng|việc|công tác|chất lượng|hiệu quả|nguyên nhân)\b",
    re.I,
)
MANNER = re.compile(r"(?:hình thức|đối tượng|chất lượng|hiệu quả)", re.I)  # how the labelled work was done
# 'Nhãn: Ví dụ như …' / '… (bao gồm …)': what comes after names the figures to give
LISTED = re.compile(
    r"^(?P<l>[^:()]{3,160}?)\s*(?::\s*(?:ví dụ\s*(?:như)?|như|gồm|bao gồm|nêu rõ|nêu|ghi rõ|cụ thể)?\s*:?"
    r"|,\s*(?:nêu rõ|ghi rõ|nêu cụ thể)\s+|\(\s*(?:bao gồm|gồm|như|nêu rõ|ghi rõ|nêu cụ thể)\s*:?)"
    r"\s*(?P<r>[^:()]+?(?:\([^()]*\)[^:()]*?)*)\)?[\s.,;…]*$",
    re.I,
)


def _figure_type(item: str) -> tuple[str, str | None, str | None]:
    if MEASURE_NOUN.match(item):
        return "decimal", None, "số thập phân (đoán: một số đo được hỏi)"
    if MONEY_COUNT.match(item):
        return "money", None, "tiền (đoán: một khoản kinh phí được hỏi)"
    typ, unit, why = guess_type(item)
    if typ == "longtext" and MONEY_NOUN.match(item):  # 'Tổng thu', 'Giá trị sản xuất': an amount of money
        return "money", None, "tiền (đoán: một khoản thu, chi hay giá trị được hỏi)"
    if typ == "longtext":  # 'Số liệu các vụ …': a figure asked by its name
        return "integer", None, "số nguyên (đoán: số liệu được hỏi)"
    return typ, unit, why


def _ask(words: str, figure: bool) -> Ask:
    """A thing named → its question: a figure a number of the type its words give (`_figure_type`), else written."""
    prompt = _cap(words)
    typ, unit, why = _figure_type(prompt) if figure else ("longtext", None, None)
    return Ask(prompt, typ, unit, guessed=why)


def figure_list(text: str) -> list[Ask]:
    """An item that names, after its label, the figures to give ('Kết quả đạt được: số người được tiếp cận, tỷ lệ
    người hiểu …, thay đổi về nhận thức …', 'Tình hình sản xuất (bao gồm diện tích gieo trồng, năng suất, sản lượng,
    tình hình sâu bệnh, hạn hán)', 'Công tác bảo hiểm y tế: tỷ lệ học sinh tham gia'): the label asks in words, each
    figure is a number of its own, each piece beginning with a thing to write about is a written question (the pieces
    after it, its parts). [] unless the first thing named is a figure (two of them after a label of two words)."""
    m = LISTED.match(re.sub(r",?\s*…\s*$", "", text.strip()))
    if not m or "?" in text or re.search(r"\b(?:hay không|hay chưa|bao nhiêu)\b|\bsố,?\s+ngày\b", text, re.I):
        return []  # (a yes or no among them: the labelled guidance's rule; 'số, ngày …': a document's)
    label = m.group("l").strip(" -–+•")
    if text.strip()[m.end("l") :].lstrip().startswith(",") and LEAD_VERB.match(label):
        return []  # 'Đánh giá kết quả, nêu rõ …': the clauses' rule
    shared = distributed_counts(m.group("r")) if len(label.split()) <= 6 else []
    if shared:  # 'Thiệt hại về người: số người chết, mất tích, bị thương': the counts, the label their heading
        return [_ask(p, True) for p in shared]
    items = _listed_items(m.group("r"))
    figures = sum(f for _, f in items)
    first_ok = bool(items) and (items[0][1] or MANNER.fullmatch(items[0][0].strip()) is not None)
    if not first_ok or not figures or (figures < 2 and len(label.split()) < 3):
        return []
    label = re.sub(r"(?i)^(?:số lượng|số)\s+và\s+", "", label)  # 'Số lượng và hình thức …': the figures count
    counted = re.match(r"(?i)^(?:tổng\s+)?số\s", label) and re.match(r"\s*:\s*(?:…|\.{2,})?\s*,", text.strip()[m.end("l"):])
    asks = [Ask(_cap(label), *guess_type(_cap(label))[:2]) if counted else Ask(_cap(label))]  # ('Số phiếu phát ra: …, …')
    for piece, figure in items:
        if MANNER.fullmatch(piece.strip()):  # 'hình thức, số lượng tin, bài': the manner of the labelled work
            piece = f"{piece.strip()} {label[0].lower()}{label[1:]}"
        parts = split_count_segments(piece) if figure else [piece]  # '… đã xử lý, chưa xử lý': two counts
        asks.extend(_ask(part, figure) for part in parts)
    return asks


def _listed_items(rest: str) -> list[tuple[str, bool]]:
    """The things after a label: (words, is a figure). A figure, a thing to write about or a report's part begins
    one ('những hạn chế', 'nguyên nhân'); other words go on the one before; after ';' always another."""
    items: list[tuple[str, bool]] = []
    last = 0
    parts = top_split(rest.strip(" ,.;…"), ";")
    for k, piece in (
        (k, p.strip(" .;")) for k, part in enumerate(parts) for p in re.split(r",\s+(?![^()]*\))", part)
    ):
        piece = re.sub(rf"(?i)^trong đó\s*[:,]?\s*{FIGURE_START}", "", piece)  # a part of a total
        if not piece:
            continue
        figure = bool(FIGURE_HEAD.match(piece)) and len(piece.split()) >= 2 and not bare_amount(piece)  # ('số, ngày …')
        written = bool(WRITTEN_HEAD.match(piece)) or _head(piece) is not None
        if figure or written or not items or k != last:
            items.append((piece, figure))
            last = k
        else:
            items[-1] = (f"{items[-1][0]}, {piece}", items[-1][1])
    return items


# a clause that asks in its own verb: 'Đánh giá kết quả …, nêu rõ …; đề xuất …'
LEAD_VERB = re.compile(r"^(?:đánh giá|báo cáo|tổng kết|sơ kết|phân tích|khái quát|tổng hợp|nêu)\b", re.I)
# … or a situation the figures after it measure: 'Tình hình an ninh trật tự; số vụ …, số người …'
LEAD_ASPECT = re.compile(r"^(?:tình hình|kết quả|công tác|việc)\b", re.I)
CLAUSE_CUT = re.compile(
    r",\s+(?=(?:đồng thời\s+|trong đó\s+)?(?:nêu rõ|làm rõ|chỉ rõ|ghi rõ|phân tích|đề xuất|kiến nghị|rút ra)\b)"
    r"|\s+và\s+(?=(?:đề xuất|kiến nghị)\s+(?!,))"
    r"|,\s+(?=(?:tổng số|số lượng|số lượt|tỷ lệ|tỉ lệ)\s)",  # 'Tình hình …, số lượng …, tỷ lệ …': figures apart
    re.I,
)
JUDGING_VERB = re.compile(r"^(?:đánh giá|phân tích|nêu|chỉ ra|làm rõ)\s+", re.I)
NAMING_VERB = re.compile(r"^(?:(?:đồng thời|trong đó)\s+)?(?:nêu rõ|làm rõ|chỉ rõ|ghi rõ)\s+", re.I)


def _named_head(piece: str) -> str | None:
    """A thing a 'nêu rõ …' names: a report's part, an aspect, a figure, or things in the plural ('những …')."""
    if FIGURE_HEAD.match(_bare(piece.strip())):
        return "số"
    return _head(piece) or ("những" if re.match(r"(?i)những\s", piece.strip()) else None)


def _bare_aspects_named(items: list[str]) -> list[str]:
    """'hình thức, số lượng các buổi tuyên truyền': a bare aspect names the things the next item counts."""
    out = list(items)
    for k in range(len(out) - 1):
        if _head(out[k]) in ASPECTS and HEAD_RE.fullmatch(out[k].strip()) and _object(out[k + 1]):
            out[k] = f"{out[k].strip()} {_object(out[k + 1])}"
    return out


def _clause_prompts(clause: str) -> list[tuple[str, bool]]:
    """One clause → its things: after 'nêu rõ' the things it names (each a part, an aspect or a figure), after
    'đánh giá' / 'phân tích' the parts of a report it names, three or more ('Đánh giá những ưu điểm, hạn chế và
    nguyên nhân'; two are one heading), else the clause itself, its verb kept ('Đề xuất giải pháp …'). (prompt, is a
    figure)."""
    clause = re.sub(r"(?i)^(?:đồng thời|trong đó)\s*,?\s*", "", clause.strip(" ,."))
    verb = NAMING_VERB.match(clause)
    named = _items(clause[verb.end() :], _named_head, named=True) if verb else None
    if verb and named and len(named) >= 2:
        named = _bare_aspects_named(named)
        return [(x.strip(" ,."), _named_head(x) == "số") for x in named]
    judged = JUDGING_VERB.match(clause)
    parts = _items(clause[judged.end() :]) if judged else None
    if parts and len(parts) >= 3 and len({_group(_head(x)) for x in parts} - {None}) == len(parts):
        return [(x.strip(" ,."), False) for x in parts]
    # 'số vụ phạm pháp, số vụ tai nạn, số người chết': a figure each
    if FIGURE_HEAD.match(_bare(clause)) and not verb:
        return [(p.strip(" ,."), True) for p in re.split(rf",\s+{FIGURE_START}", clause)]
    return [(clause, False)]


def _cut(part: str) -> list[str]:
    """The clause cut at CLAUSE_CUT outside parentheses (a note in parentheses is the clause's own), a figure after
    'nêu rõ …' left to it."""
    out, last = [], 0
    for m in CLAUSE_CUT.finditer(part):
        if _in_note(part, m.start()):
            continue
        if FIGURE_HEAD.match(part[m.end() :]) and NAMING_VERB.match(part[last:].strip()):
            continue  # 'nêu rõ hình thức, số lượng …': the figures are what 'nêu rõ' names
        out.append(part[last : m.start()])
        last = m.end()
    return [*out, part[last:]]


def clause_items(text: str) -> list[Ask]:
    """An outline item that asks in clauses ('Đánh giá kết quả ban hành văn bản, nêu rõ số văn bản đã ban hành,
    những hạn chế, nguyên nhân; đề xuất giải pháp khắc phục'): one question per clause, and one per thing a 'nêu
    rõ …' names (a figure a number, the rest written). [] unless it begins with an asking verb and one clause names
    two things or more."""
    t = _outline_text(text)
    verbal = bool(LEAD_VERB.match(t))
    if not (verbal or LEAD_ASPECT.match(t)) or NOT_PROSE.search(t) or ":" in t or len(t.split()) > 80:
        return []
    clauses = [c for part in top_split(t, ";") for c in _cut(part) if c.strip(" ,.")]
    found = [_clause_prompts(c) for c in clauses]
    figures = (  # 'Báo cáo kết quả …; số cuộc đối thoại …; …': a figure asked apart from the clause that leads
        not NAMING_VERB.match(clauses[0].strip())
        and all(len(p.split()) >= 2 for f in found for p, _ in f)
        and any(figure for f in found[1:] for _, figure in f)
    )
    # 'Nêu những khó khăn … và đề xuất giải pháp …': the proposal after 'và' is a second ask
    proposal = (
        verbal
        and re.search(r"\svà\s+(?:đề xuất|kiến nghị)\s+\w", t, re.I)
        and not re.search(r",\s+(?:đề xuất|kiến nghị)\b", t, re.I)
    )
    named = any(len(x) >= 2 and NAMING_VERB.match(c.strip()) for c, x in zip(clauses, found, strict=True))
    if not ((verbal or named) and any(len(x) >= 2 for x in found)) and not figures and not proposal:
        return []  # clauses alone ('…; so sánh …') are one long ask
    things = [x for f in found for x in f]
    # 'Báo cáo kết quả …, nêu rõ …': what leads to the things is no part of the first one
    things[0] = (
        re.sub(r"(?i)^báo cáo\s+(?=(?:đánh giá|kết quả|tình hình|việc)\b)", "", things[0][0]),
        things[0][1],
    )
    return [_ask(prompt, figure) for prompt, figure in things]


INLINE_MARK = re.compile(r"(?:(?<=^)|(?<=[:;.])\s*|\s+)(?P<m>[a-hđ]|\d{1,2})\)\s+", re.I)


def lettered_items(text: str) -> list[str]:
    """'Báo cáo các nội dung sau: a) số thủ tục được rà soát; b) tỷ lệ hồ sơ đúng hạn; c) những khó khăn' → the
    items after their letters (or '1)', '2)'), each asked on its own; the words before the first ('Báo cáo các nội
    dung sau:') only lead to them. [] unless two items or more, lettered in order from 'a' (or from 1) at the start
    of the text or after ':' / ';' / '.'."""
    t = text.strip()
    marks = [m for m in INLINE_MARK.finditer(t) if m.start() == 0 or t[: m.start()].rstrip()[-1:] in ":;."]
    if len(marks) < 2:
        return []
    want = "a" if marks[0].group("m").isalpha() else "1"
    for m in marks:
        if m.group("m").lower() != want:
            return []
        want = chr(ord(want) + 1) if want.isalpha() else str(int(want) + 1)
    lead = t[: marks[0].start()].strip()
    if lead and not lead.endswith(":"):
        return []
    items = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        item = t[m.end() : nxt.start() if nxt else len(t)].strip(" ;.")
        if not item:
            return []
        items.append(_cap(item))
    return items


REPORT_WORDS = re.compile(r"\b(?:báo cáo|nội dung)\b", re.I)  # ('Xem thêm các bài viết sau:' leads to links)
LIST_LEAD = re.compile(r"(?:nội dung|gồm|bao gồm|như sau|sau đây|sau|các việc|các mặt|về)\s*:\s*$", re.I)


def listed_line(before: str, line: str) -> list[Ask]:
    """A prose text whose sentence ends '… với các nội dung thực hiện về:' and whose next line lists them, each
    written with a capital ('Công tác lãnh đạo chính trị tư tưởng, Lãnh đạo thực hiện nhiệm vụ chính trị, Công tác
    xây dựng chi bộ, …'): one written question per thing (a piece in lower case goes on the one before; 'X và đề
    xuất, kiến nghị' at the end is two things). [] unless three things or more."""
    if not (LIST_LEAD.search(before.strip()) and REPORT_WORDS.search(before)):
        return []
    items: list[str] = []
    for piece in re.split(r",\s+", re.sub(r"[.…\s]+$", "", line.strip())):
        if items and not piece[:1].isupper():
            items[-1] = f"{items[-1]}, {piece}"
        else:
            items.append(piece)
    if len(items) < 3 or any(len(x.split()) > 25 or re.search(r"[.?!:;]", x) for x in items):
        return []
    out = [p for x in items for p in re.split(r"\s+và\s+(?=(?:đề xuất|kiến nghị|phương hướng)\b)", x)]
    return [Ask(_cap(p)) for p in out]


def same_part_joined(items: list[str]) -> list[str]:
    """Things split at their heads, joined again where one names a part of a report and the next a word of the same
    group ('phương hướng, chỉ tiêu' + 'nhiệm vụ công tác năm tới' → one thing: the plan for next year)."""
    out: list[str] = []
    for item in items:
        g = _group(_head(item))
        if out and g is not None and g == _group(_head(out[-1])):
            out[-1] = f"{out[-1]}, {item}"
        else:
            out.append(item)
    return out


def named_things(text: str) -> list[str]:
    """'kết quả huy động nguồn lực, số tiêu chí đạt chuẩn, tỷ lệ hộ nghèo, những khó khăn, vướng mắc' → the
    things named, each beginning with a report's part, an aspect or a figure ([] unless three, and a figure among
    them: a list of parts alone is the older rule's)."""
    items = _items(text, _named_head)
    if not items or len(items) < 3 or not any(_named_head(x) == "số" for x in items):
        return []
    return [x.strip(" ,.") for x in items]


EXAMPLE = re.compile(r"^(?P<l>[^:()]{3,160}?)\s*:\s*(?:ví dụ|chẳng hạn)\s*(?:như)?\s*:?\s*(?P<e>\S.*)$", re.I)


def example_help(text: str) -> list[Ask]:
    """'Kết quả triển khai các chương trình: Ví dụ như chương trình trong trường học, …' → the label asks; the
    examples after 'Ví dụ (như)' show what to write, its help ([] when the line is no 'Nhãn: Ví dụ …')."""
    m = EXAMPLE.match(text.strip())
    if not m or len(m.group("l").split()) < 2:
        return []
    label = m.group("l").strip(" -–+•")
    typ, unit, why = guess_type(label)
    example = re.sub(r"[\s,.…]+$", "", m.group("e"))
    return [Ask(_cap(label), typ, unit, help=[f"Ví dụ: {example}"], guessed=why)]


# 'Số lượng, chất lượng đội ngũ …': a figure and a quality of the same things
COUNT_AND_ASPECT = re.compile(
    r"^(?P<a>số lượng|số|tỷ lệ|tình hình|chất lượng|cơ cấu|hình thức)\s*(?:,|và)\s*(?P<b>số lượng|tỷ lệ|chất lượng|"
    r"cơ cấu|tình hình|hình thức)\s+(?P<o>\S.{3,120})$",
    re.I,
)
COUNTS = ("số lượng", "số")


def shared_object(text: str) -> list[Ask]:
    """'Số lượng, chất lượng đội ngũ cán bộ cấp xã' → 'Số lượng đội ngũ …' (a number) and 'Chất lượng đội ngũ …'
    (written); 'Số và tỷ lệ trẻ em suy dinh dưỡng' → a count and a rate: two heads, one a count, sharing what
    follows. [] unless one head counts and the other does not."""
    m = COUNT_AND_ASPECT.match(text.strip().rstrip(" .;"))
    if not m or NOT_PROSE.search(text) or ";" in text:
        return []
    heads = [m.group("a"), m.group("b")]
    if sum(h.lower() in COUNTS for h in heads) != 1:
        return []
    out = []
    for h in heads:
        prompt = f"{h[0].upper()}{h[1:].lower()} {m.group('o')}"
        figure = h.lower() in COUNTS or h.lower() == "tỷ lệ"  # 'Số lượng, tỷ lệ hộ nghèo': a count and a rate
        out.append(_ask(prompt, figure))
    return out


def led_line(before: list[str], line: str) -> list[Ask]:
    """'Báo cáo gồm các nội dung sau:' and then one thing a line ('Tình hình an ninh trật tự trên địa bàn', 'Số hộ,
    số nhân khẩu biến động trong tháng', …): each short line under the lead (up to the first sentence) is asked, a
    figure as a number. [] for a line not under such a lead, a sentence, or a line of more than twenty words."""
    text = line.strip()
    if not text or len(text.split()) > 20 or re.search(r"[.!?:]$", text) or NOT_PROSE.search(text):
        return []
    for prev in reversed([b.strip() for b in before if b.strip()]):
        if LIST_LEAD.search(prev) and REPORT_WORDS.search(prev):
            break
        if len(prev.split()) > 20 or re.search(r"[.!?:]$", prev):
            return []
    else:
        return []
    figure = FIGURE_HEAD.match(_bare(text)) is not None
    return [_ask(part, figure) for part in (split_count_segments(text) if figure else [text])]


def heading_figures(text: str) -> tuple[str, list[Ask]] | None:
    """A heading over its own items that also names figures ('1. Công tác tuyên truyền, nêu rõ số buổi, số lượt
    người tham dự', '2. Công tác tập huấn (nêu rõ số lớp, số học viên)', '3. Công tác kiểm tra: số cuộc …'): its
    label titles the section and the figures are its first questions. None when the heading names no figure."""
    asks = figure_list(text)
    if not asks:
        return None
    return asks[0].prompt, asks[1:]


def item_asks(text: str) -> list[Ask]:
    """An outline item's things, by the first of this module's rules that finds them in it ([] when none does)."""
    return (
        part_asks(text)
        or figure_list(text)
        or clause_items(text)
        or example_help(text)
        or shared_object(text)
    )
