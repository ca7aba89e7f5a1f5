"""Tree of numbered items → sections and questions (plain dicts in the outline format)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from dialogs.importer.ask_types import ACCOUNT_LABEL
from dialogs.importer.asked_sentences import asked_paragraph, subjects_after_verb
from dialogs.importer.bilingual import without_gloss
from dialogs.importer.count_parts import total_and_parts
from dialogs.importer.field_lines import field_line_asks, noted_field
from dialogs.importer.filled_reports import bullet_asks, papers_listed, paragraph_asks, report_asks
from dialogs.importer.filled_reports import figure_asks as filled_figures
from dialogs.importer.filled_values import counts_lead, filled_asks
from dialogs.importer.form_labels import dotted_label, label_lines
from dialogs.importer.forms import (
    ASKING_STRONG,
    BLANK,
    BREAKDOWN_LABEL,
    COUNT_UNIT,
    blank_fields,
    blank_only,
    boxed_yesno,
    date_blank,
    explained_options,
    filled_field,
    is_filled_answer,
    listed_options,
    options_of,
    papers_checklist,
    scored_criteria,
    states_figures,
    ticked,
    ticked_ask,
    ticked_choice,
    value_type,
    value_unit,
    written_answer,
    yesno_line,
)
from dialogs.importer.keys import KeyMaker, no_slug
from dialogs.importer.lettered_fields import bare_label_field
from dialogs.importer.lexicon import (
    ADMIN_LABEL,
    DATE_LABEL,
    IDENTIFIER,
    NAME_LABEL,
    NARRATIVE_START,
    PEOPLE_LABEL,
)
from dialogs.importer.listed_parts import listed_parts
from dialogs.importer.lost_blanks import (
    counted_values,
    lost_blank_asks,
    lost_labels,
    parts_are_counts,
    yesno_lead,
)
from dialogs.importer.named_categories import labelled_categories
from dialogs.importer.prose import clause_asks, content_list, focus_asks, surveyed_topics
from dialogs.importer.prose_items import heading_figures
from dialogs.importer.questions import (
    Ask,
    asks_from_text,
    choice_ask,
    coded_choice,
    documents_ask,
    documents_counts,
    embedded_asks,
    field_type,
    figure_asks,
    guess_type,
    guided_counts,
    is_count,
    is_help_line,
    list_ask,
    reported_figures,
    result_counts,
    split_lists,
    titled_ask,
)
from dialogs.importer.section_titles import blank_free_title
from dialogs.importer.shared_counts import labelled_count
from dialogs.importer.structure import Node, footnote_ids, strip_fn
from dialogs.importer.surveys import carried, is_carried
from dialogs.importer.tables import TableDraft
from dialogs.text import fold, norm_words

ENUM_RE = re.compile(r"\((\d{1,2}|i{1,3}|iv|vi{0,3}|ix|x)\)\s*")
REF_RE = re.compile(r"(?:biểu|phụ lục)\s*(?:mẫu\s*)?(?:số\s*)?((?:\d{1,2}[A-Za-z]?)(?:\s*,\s*\d{1,2}[A-Za-z]?)*)", re.I)
REF_TAIL = re.compile(r"[\s.?]*\((?:phụ lục|biểu)[^()]{0,40}\)[\s.]*$", re.I)
CONDITIONAL_ASK = re.compile(r"^(?:trường hợp|nếu|khi)\b.{3,120}?\bthì\s+(?:nêu rõ|ghi rõ|làm rõ|báo cáo|nêu|bổ sung)\b",
                             re.I)
INTRO_ASK = re.compile(r"(?<=\S)[.;,]?\s+(?:trong đó|cụ thể)\s*:\s*$", re.I)
GUIDE_START = re.compile(r"^(?:nêu|ghi|làm rõ|đánh giá|tập trung|phân tích|báo cáo|khái quát)\b", re.I)
# guidance on how to answer a heading (not what): 'Phân tích theo 02 nhóm …', 'Khái quát …', 'Tập trung vào …'
MANNER_START = re.compile(r"^(?:phân tích|khái quát|tập trung|so sánh)\b", re.I)
BULLETS = {"-", "+", "•", "·", "*", "○", "▪", "➢", "✓", "o"}

log = logging.getLogger("dialogs.importer")


@dataclass
class ImportContext:
    keys: KeyMaker = field(default_factory=KeyMaker)
    footnotes: dict[str, str] = field(default_factory=dict)
    notes: list[dict] = field(default_factory=list)  # {"key"/"section", "message"}
    refs: dict[str, dict] = field(default_factory=dict)  # table code → deepest section dict that refers to it
    used_fns: set[str] = field(default_factory=set)
    figures: bool = False  # the section being read refers to a Biểu / Phụ lục of figures


def norm_code(code: str) -> str:
    return code.strip().upper().lstrip("0") or "0"


def record_refs(ctx: ImportContext, text: str, sec: dict) -> None:
    for m in REF_RE.finditer(text):
        for code in re.split(r"\s*,\s*", m.group(1)):
            ctx.refs.setdefault(norm_code(code), sec)


def inline_enum(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """'Thống kê: (1) A; (2) B' → ('Thống kê:', [('(1)', 'A'), ('(2)', 'B')]) when numbered 1, 2, … in order."""
    ms = list(ENUM_RE.finditer(text))
    if len(ms) < 2 or [_enum_value(m.group(1)) for m in ms] != list(range(1, len(ms) + 1)):
        return None
    prefix = text[: ms[0].start()].strip()
    parts = []
    for i, m in enumerate(ms):
        end = ms[i + 1].start() if i + 1 < len(ms) else len(text)
        seg = text[m.end():end].strip(" ;.,")
        if len(seg.split()) < 2:
            return None
        parts.append((f"({m.group(1)})", seg[0].upper() + seg[1:]))
    if not ms[0].group(1).isdigit() and not any(is_count(seg) for _, seg in parts):
        return None  # '(i) …; (ii) …' listing what a narrative covers stays one question; one asking counts splits
    return prefix, parts


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def _enum_value(mark: str) -> int:
    return int(mark) if mark.isdigit() else ROMAN.get(mark, 0)


def _fn_help(ctx: ImportContext, text: str) -> list[str]:
    out = []
    for fid in footnote_ids(text):
        if fid in ctx.footnotes:
            ctx.used_fns.add(fid)
            out.append(f"Chú thích: {ctx.footnotes[fid]}")
    return out


LONG_TAIL = re.compile(r"\s\((?=thời gian|từ ngày|kỳ báo cáo|số liệu tính)|\s(?=theo (?:Kế hoạch|Quyết định|Công văn|Thông báo|"
                       r"Nghị quyết|Chỉ thị|Hướng dẫn|Thông tư|Nghị định) số\b)")
SAID_BLANKS = re.compile(r"\s*\((?P<s>[^()]*\s…\s[^()]*)\)$")


EXAMPLE_NOTE = re.compile(r"\s*\(\s*(?:ví dụ|vd|chẳng hạn)\s*[:.,]?\s*(?P<e>[^()]+)\)\s*$", re.I)


def question(ctx: ImportContext, ask: Ask, path: list[str], no: str | None, extra_help: list[str]) -> dict:
    q: dict = {"key": ctx.keys.make(ask.prompt, no_slug(path)), "_comments": {}}
    if no:
        q["no"] = no
    q["prompt"] = ask.prompt.rstrip(" ;:")
    cut = LONG_TAIL.search(q["prompt"]) if len(q["prompt"].split()) > 35 else None
    if cut and len(q["prompt"][:cut.start()].split()) >= 5:  # '1. Kết quả … năm 2021 (thời gian …) theo Kế hoạch số …,
        # trong đó tập trung …': the ask is its head, the period, the acts it follows and the focus its help
        tail = q["prompt"][cut.start():].strip(" ,;:")
        q["prompt"] = q["prompt"][:cut.start()].rstrip(" ,;:")
        extra_help = [*extra_help, tail[0].upper() + tail[1:]]
    example = EXAMPLE_NOTE.search(q["prompt"])
    if example and len(q["prompt"][:example.start()].split()) >= 2:  # 'Lĩnh vực áp dụng (Ví dụ: Cải cách …)': help
        q["prompt"] = q["prompt"][:example.start()].rstrip(" ,;:")
        extra_help = [*extra_help, f"Ví dụ: {example.group('e').strip(' .')}"]
    said = SAID_BLANKS.search(q["prompt"])
    if said and said.start() > 0:  # 'Ngày giờ (hồi … giờ … ngày …)': the document's words with blanks, as help
        q["prompt"] = q["prompt"][:said.start()]
        extra_help = [f"Văn bản ghi: «{said.group('s')[0].upper()}{said.group('s')[1:]}»", *extra_help]
    q["type"] = ask.type
    if ask.unit:
        q["unit"] = ask.unit
    if ask.type == "money" and ask.unit:  # '… tỷ đồng', '… nghìn đồng', '… đồng' as the blank says
        f = fold(ask.unit)
        money = "ty" if "ty" in f.split() else "nghin" if "nghin" in f.split() else "dong" if f.strip() == "dong" else ""
        if money:
            q["money_unit"] = money
    helps = ask.help + extra_help
    if helps:
        q["help"] = " ".join(h.rstrip(".") + "." for h in helps)
    if ask.type == "list":
        people = not ask.fields and PEOPLE_LABEL.search(ask.prompt + ":")  # the people present: name and post
        fields = ask.fields or (["Họ và tên", "Chức vụ"] if people else ["Nội dung"])
        fk = KeyMaker()
        q["fields"] = [{"key": fk.make(f), "label": f, **({"required": True} if i == 0 else {})}
                       for i, f in enumerate(fields)]
        if not ask.fields and not people:
            q["_comments"]["fields"] = "? trường của danh sách chưa rõ, hãy sửa"
    if ask.type in ("choice", "multichoice") and ask.options:
        q["options"] = list(ask.options)
    if ask.table is not None:
        q["table"] = dict(ask.table)
        q.pop("unit", None)
    if ask.guessed:
        q["_comments"]["type"] = f"? {ask.guessed}"
        ctx.notes.append({"key": q["key"], "message": f"kiểu {ask.type} được đoán: {ask.guessed}"})
    return q


def option_question(ctx: ImportContext, text: str, lines: list[str], path: list[str], no: str | None) -> dict | None:
    """A question (or heading) whose lines below are its answer options → one choice (or yes/no) question."""
    found = options_of(text, lines)
    if found is None:
        return None
    kind, opts = found
    q = question(ctx, Ask(_title(text)), path, no, [])
    q["type"] = kind
    if opts:
        q["options"] = opts
    return q


def field_question(ctx: ImportContext, label: str, path: list[str], no: str | None, value: str = "") -> dict:
    """A form's field: a count or an amount by its words ('Tổng số trường'), else by the value one unit filled in
    ('Số nhà vệ sinh: 6', 'Có nguồn nước sạch: Có (tốt)'), else a line of text."""
    label = without_gloss(label)  # 'Số/ No': a bilingual form's label, not a choice of two
    boxed = field_line_asks(label) if re.search(r"[□☐]", label) else []
    if len(boxed) == 1 and boxed[0].type in ("choice", "multichoice", "yesno"):  # 'Giới tính: Nam □ Nữ □' (a head's)
        return question(ctx, boxed[0], path, no, [])
    m = re.search(r"\s*\((?P<u>[^()]{1,12})\)$", label)
    if m and COUNT_UNIT.match(m.group("u")):  # 'Có mặt (Đ/c)': a count of people, its unit after the blank
        return question(ctx, Ask(label[:m.start()], "integer", m.group("u")), path, no, [])
    if PRESENT_COUNT.search(label):  # 'Đại hội có mặt đại biểu (đoàn viên)': how many came
        return question(ctx, Ask(label, "integer"), path, no, [])
    coded = coded_choice(label)  # 'Giới tính (nam 0; nữ 1)', 'Loại hộ: (1: …; 2: …)': the coded answers
    chosen = coded[0] if coded else choice_ask(label)
    if chosen is not None:  # 'Loại hình doanh nghiệp (Doanh nghiệp tư nhân, Công ty cổ phần, …)': pick one
        return question(ctx, chosen, path, no, [])
    typ, unit = field_type(label)
    if typ == "text" and COMMENT_LABEL.match(label):  # 'Nhận xét chung:', 'Ý kiến của …:': written prose
        typ = "longtext"
    by_value = value_type(value)
    if by_value == "yesno" and re.search(r"(?i)\(nếu có\)", label):  # 'Giáo viên dư (nếu có): Không': which, if any
        by_value = None
    if typ in ("text", "longtext") and by_value:
        typ, unit = by_value, value_unit(value)  # ('Ruộng cày: 12.395,9 ha': a measure in hectares)
    return question(ctx, Ask(label, typ, unit), path, no, [])


PRESENT_COUNT = re.compile(r"\b(?:có|vắng) mặt\s+(?:đại biểu|đoàn viên|đảng viên|hội viên|thành viên|người|hộ|đồng chí|đ/c)\b",
                           re.I)
COMMENT_LABEL = re.compile(r"^(?:nhận xét|ý kiến|kiến nghị|đề xuất|đánh giá chung|kết luận)\b", re.I)


def asks_to_questions(ctx: ImportContext, text: str, path: list[str], no: str | None, tables: bool = True) -> list[dict]:
    fn_help = _fn_help(ctx, text)
    try:
        asks = asks_from_text(strip_fn(text), tables)
    except Exception:  # noqa: BLE001 - an importer gap on one line never costs the document: the line is asked as is
        log.exception("the importer could not read a line: %.80s", text)
        asks = [Ask(_plain_prompt(text), "longtext", None)]
        ctx.notes.append({"message": f"trình nhập không đọc được dòng «{_plain_prompt(text)[:60]}»: bản nháp để nguyên "
                                     "dòng, trả lời bằng lời; hãy sửa lời và kiểu câu hỏi"})
    if ctx.figures:  # a Biểu of figures is referred to here: 'Kết quả tinh giản biên chế' asks the number too
        for a in [a for a in asks if a.type == "longtext"]:
            at = asks.index(a) + 1
            asks[at:at] = [c for c in result_counts(a.prompt) if not _asked(asks, c.prompt)]
    for fid in footnote_ids(text):  # a footnote listing rates or counts to cover, or asking a list, asks them too
        asks.extend(Ask(seg, *guess_type(seg)[:2]) for seg in figure_asks(ctx.footnotes.get(fid, "")))
        if ctx.figures:
            asks.extend(result_counts(ctx.footnotes.get(fid, "")))
        listed = list_ask(ctx.footnotes.get(fid, ""))
        if listed is not None:
            asks.append(listed)
    out = []
    for i, a in enumerate(asks):
        out.append(question(ctx, a, path, no, fn_help if i == 0 else []))
    return out


def _plain_prompt(text: str) -> str:
    """A line as a prompt when nothing better can be read from it: its words without blanks and dots."""
    words = re.sub(r"[.…_]{2,}|…", " ", text).split()
    return " ".join(words)[:300].strip(" :;,-–") or "Nội dung"


def _asked(asks: list[Ask], prompt: str) -> bool:
    return any(fuzz.token_set_ratio(norm_words(a.prompt), norm_words(prompt)) >= 90 for a in asks if a.type != "longtext")


def _mentions_annex(node: Node) -> bool:
    """The item, its lines or its direct sub-items refer to a Biểu / Phụ lục (a table of figures)."""
    texts = [node.text, *node.body, *node.after, *(c.text for c in node.children)]
    return bool(node.tables) or any(REF_RE.search(t) for t in texts)


def _title(text: str) -> str:
    ask = carried(text)  # a questionnaire's item or a roster standing as a bullet of its own
    t = strip_fn(ask.prompt if ask is not None else text)
    t = re.sub(r"[.;:]?\s*(trong đó|cụ thể)\s*:?\s*$", "", t, flags=re.I).strip(" .;:")
    t = re.sub(r"\s*[□☐❑◻▢]$", "", t)  # a box to tick belongs to the ask, not to the heading
    return t or "Mục"


def _add_help(sec: dict, text: str) -> None:
    text = text.strip()
    if text.startswith("(") and text.rstrip(".").endswith(")"):
        text = text.rstrip(".")[1:-1]
    text = re.sub(r"^(lưu ý|chú ý|ghi chú)\s*:\s*", "", text, flags=re.I)
    if text:
        sec["help"] = (sec.get("help", "") + " " + text.rstrip(".") + ".").strip()


def section_from(ctx: ImportContext, node: Node, path: list[str], top: bool) -> dict:
    outer, ctx.figures = ctx.figures, _mentions_annex(node)
    try:
        sec = _section(ctx, node, path, top)
        blank_free_title(sec)  # '2. Khối lượng được thu gom: …… tấn/ngày': the title without the blank
        return sec
    finally:
        ctx.figures = outer


def _dotted_heading(node: Node) -> bool:
    """'2. Kiến nghị.' over '……': the heading asks (a questionnaire's carried item asks by itself)."""
    return (bool(node.body) and not node.children and blank_only(strip_fn(node.body[0])) and not BLANK.search(node.text)
            and not is_carried(node.text))


def _carried_first(ctx: ImportContext, node: Node, path: list[str], top: bool) -> list[dict]:
    """A questionnaire's item or a roster standing as a bullet of its own asks first (dialogs/importer/surveys.py)."""
    if is_carried(node.text) and not (top and _bullet_with_note(node)):
        return asks_to_questions(ctx, node.text, path, None)
    return []


def _asks_over_items(ctx: ImportContext, sec: dict, node: Node, path: list[str], top: bool) -> None:
    """What a heading over its own items asks: the figures it names ('1. Công tác tuyên truyền, nêu rõ số buổi, số
    lượt người' over its bullets: its label then titles the section), or a count or a bullet's own ask."""
    figures = heading_figures(strip_fn(node.text)) if node.children else None
    if figures:
        sec["title"] = figures[0]
        sec["items"].extend(question(ctx, a, path, None, []) for a in figures[1])
    elif not top and node.children and not strip_fn(node.text).isupper():  # 'IV. KINH PHÍ' is a heading, not an ask
        typ, _, _ = guess_type(strip_fn(node.text))
        if typ in ("integer", "percent", "money") or (node.no in BULLETS and not node.text.rstrip().endswith(":")):
            # a bullet is an ask even when sub-bullets detail it ('- … đã bảo đảm ổn định chưa?' then '+ …')
            sec["items"].extend(asks_to_questions(ctx, node.text, path, None))


def _section(ctx: ImportContext, node: Node, path: list[str], top: bool) -> dict:
    sec: dict = {"no": node.no, "title": _title(node.text), "items": _carried_first(ctx, node, path, top)}
    record_refs(ctx, node.text, sec)
    if (not node.tables and not any(c.children or c.tables for c in node.children)
            and written_answer(strip_fn(node.text), [c.text for c in node.children], node.body + node.after)
            and not any(reported_figures(b) for b in node.body)):  # '… đã bắt 306 đối tượng …, 92 …': figures asked
        # 'I. Công tác chỉ đạo' over '1. Ngay sau khi …, Bộ đã ban hành …': a copied report, the heading asks
        ctx.notes.append({"message": f"các đoạn đánh số dưới mục «{_title(node.text)[:60]}» là nội dung đã viết của "
                                     "một báo cáo: chỉ giữ đề mục làm câu hỏi"})
        sec["items"].append(question(ctx, Ask(_title(node.text)), path, None, []))
        return sec
    if (top and node.body and not node.children and not node.tables and is_count(strip_fn(node.text))
            and all(states_figures(b) for b in node.body if b.strip())):  # '2. Số vụ …:' over '… xảy ra 208 vụ …'
        sec["items"].append(question(ctx, Ask(_title(node.text), *guess_type(strip_fn(node.text))[:2]), path, None, []))
        return sec
    chosen = option_question(ctx, node.text, node.body, path, None) if node.body else None
    listed = listed_options(strip_fn(node.text), node.children) if top and not node.body and not node.tables else None
    if listed:  # '1. Loại hình kinh tế:' then '3.1. HTX', '3.2. QTDND', …: one choice question
        q = question(ctx, Ask(_title(node.text)), path, None, [])
        q["type"], q["options"] = "choice", listed
        sec["items"].append(q)
        return sec
    if chosen is not None or (node.body and (labels := label_lines(strip_fn(node.text), node.body))):
        # 'I. Mức độ hài lòng về …' over 'Rất hài lòng', …: the heading asks; 'A. THÔNG TIN …' over field names: each
        sec["items"].extend([chosen] if chosen is not None else [field_question(ctx, s, path, None) for s in labels])
        node.body = []
    for fh in _fn_help(ctx, node.text):
        _add_help(sec, fh)
    if not _blank_heading(ctx, sec, node, path):
        _asks_over_items(ctx, sec, node, path, top)
    if top and _dotted_heading(node):
        # '2. Kiến nghị.' over '……' (a passage); '1. Tên sáng kiến:' over '……' (a line of text)
        sec["items"].append(question(ctx, Ask(_title(node.text), *dotted_label(_title(node.text))), path, None, []))
    if _bullet_with_note(node) and top:
        # '- Đánh giá chung và đề xuất, kiến nghị' over 'Đặc biệt là cần chú trọng …': the bullet asks, the line helps
        sec["items"].extend(asks_to_questions(ctx, node.text, path, None))
        for b in node.body:
            _add_help(sec["items"][0] if sec["items"] else sec, strip_fn(b))
        node.body = []
    _body(ctx, sec, node, path, before=True)
    for i, child in enumerate(node.children[(done := _special_children(ctx, sec, node, path)):], start=done):
        for pos, t in node.tables:
            if pos == i:
                sec["items"].append(table_question(ctx, t, path))
        items = child_items(ctx, child, path + [child.no])
        record_refs(ctx, child.text, items[0] if items and "items" in items[0] else sec)
        sec["items"].extend(items)
    for pos, t in node.tables:
        if pos >= len(node.children):
            sec["items"].append(table_question(ctx, t, path))
    _body(ctx, sec, node, path, before=False)
    if not sec["items"] and top and not node.body and not strip_fn(node.text).isupper() and node.kind.startswith("dec"):
        qs = asks_to_questions(ctx, node.text, path, None)  # '1. Có hay không …? Nếu có thì nêu …': two asks
        if len(qs) > 1 or (qs and qs[0]["type"] != "longtext"):
            sec["items"] = qs
    if not sec["items"]:
        _heading_asks(ctx, sec, node, path)
    _empty_parts_count(sec["items"], node)
    sec["items"] = _repeated_as_list(ctx, points_into(sec["items"]), path)
    return sec


def _shaped_heading(ctx: ImportContext, sec: dict, node: Node, path: list[str]) -> bool:
    """A heading of a shape read whole (True when it asked): yes/no boxes over what follows ('2. Có hệ thống báo cháy:
    Có □ Không □' over 'Nếu có, ghi rõ năm lắp đặt: ……'); a leaf's filled value or its yes/no then 'Nếu …'."""
    if sec["items"]:
        return False
    boxed = boxed_yesno(strip_fn(node.text)) if node.body or node.children else None
    if boxed:
        sec["title"] = boxed
        sec["items"].append(question(ctx, Ask(boxed, "yesno"), path, None, []))
        return True
    return not (node.body or node.children or node.tables) and _own_shape_asks(
        ctx, sec, node, path, strip_fn(node.text).rstrip(" .:;"))


def _blank_heading(ctx: ImportContext, sec: dict, node: Node, path: list[str]) -> bool:
    """'2. Số phiếu hợp lệ: …… phiếu' with lines under it: a numbered line that carries a labelled blank asks it,
    whatever follows (the lines under it are read as usual)."""
    if _shaped_heading(ctx, sec, node, path):
        return True
    text = strip_fn(node.text)
    m = BLANK.search(text)
    if sec["items"] or not (node.body or node.children) or m is None or not any(c.isalpha() for c in text[: m.start()]):
        return False
    if boxed := BRACKETED_FIELD.match(text):  # '2. Thông tin ca bệnh (mã bệnh nhân: ____)': the title, and its field
        label = boxed.group("l").strip()
        label = label[0].upper() + label[1:]
        sec["title"] = boxed.group("t").strip()
        sec["items"].append(question(ctx, Ask(label, *field_type(label)), path, None, []))
        return True
    sec["items"].extend(asks_to_questions(ctx, node.text, path, None))
    return True


BRACKETED_FIELD = re.compile(r"^(?P<t>[^()…_:]{3,80}?)\s*\(\s*(?P<l>[^\W\d_][^()…_:]{1,40}?)\s*:\s*(?:…|\.{3,}|_{3,})[….\s_]*\)[\s.:]*$")


def _special_children(ctx: ImportContext, sec: dict, node: Node, path: list[str]) -> int:
    """Children read as a whole (a checklist of papers, boxes to tick, a scoring rubric): their questions are added
    to the section; returns how many of the first children were read."""
    papers = papers_checklist(_title(node.text), [strip_fn(c.text).strip() for c in node.children]) if not node.tables \
        and all(c.no in BULLETS and not c.children and not c.body for c in node.children) else None
    for child, (prompt, typ) in zip(node.children if papers else [], papers or [], strict=False):
        sec["items"].append(question(ctx, Ask(prompt, typ), path, child.no, []))  # 'Hồ sơ …:' then the papers
    if papers or _ticked_children(ctx, sec, node, path):
        return len(node.children)
    return _rubric_children(ctx, sec, node, path)


def _ticked_children(ctx: ImportContext, sec: dict, node: Node, path: list[str]) -> bool:
    """'1. Báo cáo cập nhật … □' over its fields: ticked or not, then the fields; bullets each with a box
    ('+ Ảnh hưởng đến toàn bộ … □', '+ … một số … □'): one choice (and the figure asked after a box)."""
    tick = ticked(strip_fn(node.text)) if node.no not in BULLETS and node.children else None
    if tick and not tick[1]:
        prompt, guide = ticked_ask(tick[0])
        sec["items"].append(question(ctx, Ask(prompt, "yesno", help=guide), path, None, []))
    if node.tables or any(c.children or c.body or c.no not in BULLETS for c in node.children):
        return False
    chosen = ticked_choice([strip_fn(c.text) for c in node.children])
    if chosen is None:
        return False
    q = question(ctx, Ask(chosen[0] or _title(node.text), "choice"), path, None, [])
    q["options"] = chosen[1]
    sec["items"].append(q)
    if chosen[2]:
        sec["items"].append(question(ctx, Ask(chosen[2], "text"), path, None, []))
    return True


def _rubric_children(ctx: ImportContext, sec: dict, node: Node, path: list[str]) -> int:
    """The bullets a section opens with, when they are a scoring rubric ('- …: 1/2 * Điểm tối đa', '- … không …:
    0 điểm'): what the unit states, each a yes/no, or one choice among alternatives (named by the criterion above
    them, without its points). Returns how many children were read."""
    run = 0
    while run < len(node.children) and node.children[run].no in BULLETS and not node.children[run].children:
        run += 1
    asks = scored_criteria([strip_fn(c.text) for c in node.children[:run]]) if not node.tables else None
    if asks is None:
        return 0
    named = next((strip_fn(b) for b in node.body if b.strip() and not b.strip().startswith("(")), _title(node.text))
    for prompt, typ, options in asks:
        q = question(ctx, Ask(prompt or re.sub(r"\s*\(\s*\d+\s*(?:đ|điểm)\s*\)\s*:?$", "", named), typ), path, None, [])
        if options:
            q["options"] = options
        sec["items"].append(q)
    return run


def _empty_parts_count(items: list[dict], node: Node) -> None:
    """'- Tổng số …: 29' over '+ Cán bộ quản lý: 03', '+ Giáo viên:' — the parts of a count are counts, a part left
    empty too (in place)."""
    qs = [q for q in items if "prompt" in q]
    if not qs or qs[0].get("type") != "integer" or not node.children:
        return
    empty = {strip_fn(c.text).strip().rstrip(":").strip() for c in node.children
             if c.no in BULLETS and not c.children and not c.body and strip_fn(c.text).strip().endswith(":")}
    parts = [q for q in qs[1:] if q.get("no") in BULLETS]
    if sum(q.get("type") == "integer" for q in parts) < 2:
        return
    for q in parts:
        if q.get("type") in ("text", "longtext") and q["prompt"] in empty and not COMMENT_LABEL.match(q["prompt"]):
            q["type"] = "integer"


def _repeated_as_list(ctx: ImportContext, items: list[dict], path: list[str]) -> list[dict]:
    """The same form line written twice or more ('– Ông/bà: ……; chức vụ: ……' on two lines, one per person): one
    list whose fields are the line's labels, instead of the same questions again."""
    out: list[dict] = []
    k = 0
    while k < len(items):
        for m in (1, 2, 3):
            run = items[k:k + m]
            same = [x.get("prompt") for x in run]
            if len(run) < m or any("prompt" not in x or x.get("type") not in ("text", "date") for x in run):
                continue
            reps = 1
            while [x.get("prompt") for x in items[k + reps * m:k + (reps + 1) * m]] == same:
                reps += 1
            if reps >= 2:
                q = question(ctx, Ask(f"Danh sách ({', '.join(p.lower() for p in same)})", "list", fields=same),
                             path, None, [])
                q["_comments"].pop("fields", None)
                out.append(q)
                k += reps * m
                break
        else:
            out.append(items[k])
            k += 1
    return out


def _own_shape_asks(ctx: ImportContext, sec: dict, node: Node, path: list[str], prompt: str) -> bool:
    """A leaf heading of a shape read whole: a filled copy's label and value ('3. Đánh giá chung: Công tác … được
    …', '1. Tổng số …: 37 trẻ'), a yes or no then what to give when it is yes ('… chưa? Nếu đã ban hành, ghi rõ …')."""
    filled = filled_asks(prompt) if not sec.get("help") else []
    if filled:
        sec["title"] = filled[0].prompt  # (the copy's value is no part of the heading either)
        sec["items"].extend(question(ctx, a, path, None, []) for a in filled)
        return True
    if re.search(r"\?\s+(?:nếu|trường hợp)\b", prompt, re.I):
        asked = asks_to_questions(ctx, node.text, path, None)
        if len(asked) > 1 and asked[0]["type"] == "yesno":
            sec["items"].extend(asked)
            return True
    return False


def _heading_asks(ctx: ImportContext, sec: dict, node: Node, path: list[str]) -> None:
    """A section with nothing under it: its heading asks (one ask per clause of a long one)."""
    prompt = strip_fn(node.text).rstrip(" .:;")
    if _own_shape_asks(ctx, sec, node, path, prompt):
        return
    typ, unit, why = guess_type(prompt)
    guide = [sec.pop("help")] if sec.get("help") else []  # '5. Tồn tại\n(Nêu rõ …)': the ask's help
    noted = noted_field(f"{prompt.rstrip(':')}: ({guide[0].strip('() .')})") if guide else noted_field(prompt)
    if noted and len(prompt.split()) <= 20:  # '– Thời gian: (ghi cụ thể ngày, giờ tổ chức)': a date, the note its help
        sec["items"].extend(question(ctx, a, path, None, []) for a in noted)
        return
    m = re.match(r"^(?P<p>.{3,}?)\s*\((?P<g>[^()]{20,})\)$", prompt)
    if m and GUIDE_START.match(m.group("g")):  # the same guidance on the heading's line (a flattened text)
        prompt, guide = m.group("p"), [m.group("g")[0].upper() + m.group("g")[1:], *guide]
    bare = re.fullmatch(r"(?P<l>[^\W\d][^…:.]{1,30}?)\s*(?:…|\.{3,}|_{3,})[….\s_]*", prompt)
    if bare and guide and len(bare.group("l").split()) <= 4:  # '– Tại … (ghi địa điểm …)': a field and its guide
        q = field_question(ctx, bare.group("l"), path, None)
        q["help"] = " ".join(g if g.endswith(".") else f"{g}." for g in guide)
        sec["items"].append(q)
        return
    long = len(prompt.split()) >= 25 and not guide
    clauses = labelled_categories(prompt) or content_list(prompt) or split_lists(prompt) or ((focus_asks(prompt) or clause_asks(prompt) or asked_paragraph(prompt))
                                                              if long else subjects_after_verb(prompt)) or listed_parts(prompt)
    if clauses:  # '1. Tổng kết …; trong đó tập trung đánh giá …; phân tích …': one ask per clause
        sec["items"].extend(question(ctx, a, path, None, []) for a in clauses)
        return
    if BLANK.search(node.text):  # '– Giấy đăng ký …, Mã số thuế …', '2. Ngành chính: ……' (then its help): fields
        blanks = asks_to_questions(ctx, node.text, path, None)
        if blanks and all(q["type"] != "longtext" or ACCOUNT_LABEL.match(q["prompt"]) for q in blanks):
            # ('3. Nhận định …: ……' is a field too: a passage to write under its label)
            sec["items"].extend(blanks)
            return
    parts = _sub_blanks(strip_fn(node.text)) if node.no in BULLETS else []
    if parts:  # '* Thành phần: có mặt …/… đồng chí, vắng mặt ……, lý do': one ask per lower-case label
        sec["items"].extend(question(ctx, a, path, None, []) for a in parts)
        return
    field = _bullet_field(node) if not guide and typ == "longtext" else None
    titled = titled_ask(prompt) if node.no in BULLETS and not guide and not field else []
    ask = titled[0] if titled else field or Ask(prompt, typ, unit, guessed=why)
    sec["items"].append(question(ctx, ask, path, None, guide))


SUB_BLANK = re.compile(r"^(?P<l>[a-zđà-ỹ][a-zđà-ỹ ]{1,25}?)\s*(?P<b>(?:…|\.{2,}|_{2,})[…./_ ]*)?(?P<u>[a-zđà-ỹ ]{0,30})$")


def _sub_blanks(text: str) -> list[Ask]:
    """'Thành phần: có mặt…/… đồng chí chi uỷ viên, vắng mặt ……, lý do' → the lower-case labels after the colon, each
    before its blank (the last one's blank lost at the line's end): a count where the blank is '…/…' or a unit of
    people follows it, or where it is the count's other half ('vắng mặt' after 'có mặt'), else a line of text."""
    head, colon, rest = text.partition(":")
    pieces = [p.strip(" .;") for p in rest.split(",")]
    if not colon or len(pieces) < 2 or len(head.split()) > 4 or not BLANK.search(rest):
        return []
    matches = [SUB_BLANK.match(p) for p in pieces]
    if not all(matches) or not all(m.group("b") for m in matches[:-1]):
        return []
    out: list[Ask] = []
    for m in matches:
        label = (m.group("l") if m.group("b") else m.group(0)).strip()  # 'lý do' at the end: all of it the label
        label = label[0].upper() + label[1:]
        counted = "/" in (m.group("b") or "") or bool(PEOPLE_UNIT.match(m.group("u").strip()))
        counted = counted or bool(out and out[-1].type == "integer" and m.group("b"))
        out.append(Ask(label, "integer") if counted else Ask(label, *field_type(label)))
    return out


PEOPLE_UNIT = re.compile(r"^(?:đồng chí|đ/c|người|đảng viên|đoàn viên|hội viên|thành viên)\b", re.I)


def _bullet_field(node: Node) -> Ask | None:
    """'* Địa điểm: ……', '– Người đại diện:' alone: a form's labelled blank, a line of text (or a date, a count by
    the label's words) — not written prose, unless the label asks for a comment ('Nhận xét:'). '* Thời gian: Vào
    lúc … giờ … phút, ngày … tháng … năm': a date."""
    dated = date_blank(strip_fn(node.text).strip()) if node.no in BULLETS else None
    if dated and not dated[1] and ":" in node.text:
        return Ask(dated[0], "date")
    m = re.match(r"^(?P<l>[^:]{2,80}?)\s*:\s*(?:…|\.|_|\s)*$", strip_fn(node.text).strip())
    if node.no not in BULLETS or not m or len(m.group("l").split()) > 8 or not m.group("l")[0].isupper():
        return None
    label = m.group("l").strip()
    if COMMENT_LABEL.match(label) or NARRATIVE_START.match(label):
        return None
    return Ask(label, *field_type(label))


def _bullet_with_note(node: Node) -> bool:
    """A bullet that asks (not a 'Label:' heading) over lines that ask nothing themselves."""
    return (node.no in BULLETS and not node.children and not node.tables and bool(node.body)
            and not strip_fn(node.text).rstrip().endswith(":") and not BLANK.search(node.text)
            and not any(ASKING_STRONG.search(b) or BLANK.search(b) or is_carried(b) for b in node.body))


def _over_dots(line: str, nxt: str) -> bool:
    """'Cụ thể họ tên cán bộ phụ trách:' over a dotted line: a form's label and the space to write its answer."""
    s = strip_fn(line).strip()
    return s.endswith(":") and not BLANK.search(s) and len(s.split()) <= 15 and blank_only(strip_fn(nxt))


# a name or an address asked anywhere in the label ('Cụ thể họ tên cán bộ phụ trách'): a line of text
NAMED_ANYWHERE = re.compile(r"(?i)\b(?:tên|địa chỉ|số điện thoại|email)\b")


def _dotted_field(ctx: ImportContext, line: str, path: list[str]) -> dict:
    label = strip_fn(line).strip().rstrip(":").strip()
    q = field_question(ctx, label, path, None)
    if q["type"] == "text" and (NARRATIVE_START.match(label) or COMMENT_LABEL.match(label) or caps_heading(label)):
        q["type"] = "longtext"  # 'Kết quả kiểm tra:', 'TỒN TẠI VÀ HẠN CHẾ:' over dots: written prose
    elif (q["type"] == "text" and len(label.split()) >= 4 and dotted_label(label)[0] == "longtext"
          and not NAMED_ANYWHERE.search(label)):
        q["type"] = "longtext"  # 'Tôi xin trình bày sự việc sau:' over dots: no name nor identifier, a passage
    return q


def caps_heading(label: str) -> bool:
    """'PHƯƠNG HƯỚNG NHIỆM VỤ NHIỆM KỲ MỚI': a part of a report in capitals (two words or more), not a field's name."""
    letters = [c for c in label if c.isalpha()]
    if NAME_LABEL.match(label) or IDENTIFIER.match(label) or DATE_LABEL.match(label) or ADMIN_LABEL.match(label):
        return False  # 'HỌ VÀ TÊN', 'ĐỊA CHỈ', 'NGÀY LẬP': a field's name, even in capitals
    return len(label.split()) >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters)


def _body(ctx: ImportContext, sec: dict, node: Node, path: list[str], before: bool) -> None:
    lines = node.body if before else node.after
    has_children = bool(node.children)
    for k, line in enumerate(lines):
        if is_carried(line):  # a questionnaire's item: an ask, wherever it stands
            sec["items"].extend(asks_to_questions(ctx, line, path, None))
            continue
        if k + 1 < len(lines) and _over_dots(line, lines[k + 1]):  # a name, a date or a figure by its words
            sec["items"].append(_dotted_field(ctx, line, path))
            continue
        record_refs(ctx, line, sec)
        if is_help_line(line):
            _add_help(sec, strip_fn(line))
            inner = strip_fn(line).strip(" .").strip("()")
            docs = documents_ask(inner)
            if docs is not None:  # '(Nêu rõ số, ngày tháng năm ban hành văn bản lãnh đạo, chỉ đạo; …)'
                sec["items"].append(question(ctx, docs, path, None, []))
            for c in documents_counts(inner):  # '…; các hội nghị quán triệt, triển khai…)'
                sec["items"].append(question(ctx, Ask(c, *guess_type(c)[:2]), path, None, []))
            if CONDITIONAL_ASK.match(inner):  # '(Trường hợp các tuần có thay đổi thì nêu rõ số lượng, nội dung …)'
                sec["items"].append(question(ctx, Ask(inner[0].upper() + inner[1:]), path, None, []))
            for c in guided_counts(strip_fn(line)):  # '(…, nêu rõ số văn bản có thay đổi so với tuần trước)'
                typ, unit, why = guess_type(c)
                sec["items"].append(question(ctx, Ask(c, typ, unit, guessed=why), path, None, []))
            for fh in _fn_help(ctx, line):
                _add_help(sec, fh)
            continue
        enum = inline_enum(strip_fn(line))
        if enum:
            prefix, parts = enum
            if prefix:
                _add_help(sec, prefix)
            for no, seg in parts:
                sec["items"].extend(asks_to_questions(ctx, seg, path, no))
            continue
        if before and has_children and BLANK.search(line) and not blank_only(strip_fn(line)):
            # 'Hồi … giờ … ngày …' / 'Đã kiểm tra đối với: ……' above a list of bullets: a form's fields, not help
            sec["items"].extend(asks_to_questions(ctx, line, path, None))
            continue
        if before and has_children and INTRO_ASK.search(strip_fn(line)) and len(line.split()) >= 8:
            # 'Các bộ … báo cáo kết quả thực hiện cụ thể … Trong đó:' asks in general, then its bullets in detail
            prompt = INTRO_ASK.sub("", strip_fn(line)).strip(" .:;")
            sec["items"].append(question(ctx, Ask(prompt), path, None, []))
            continue
        if before and has_children and GUIDE_START.match(strip_fn(line)) and not line.startswith("("):
            # 'Nêu rõ hình thức tuyên truyền …' before the bullets that count: an ask of its own
            sec["items"].extend(asks_to_questions(ctx, line, path, None))
            continue
        if before and has_children:
            _add_help(sec, strip_fn(line))
            for fh in _fn_help(ctx, line):
                _add_help(sec, fh)
            # an introduction naming figures ('…; tổng số nhiệm vụ được giao; những việc đã thực hiện, chưa …')
            for seg in embedded_asks(strip_fn(line), yesno=False):
                typ, unit, why = guess_type(seg)
                sec["items"].append(question(ctx, Ask(seg, typ, unit, guessed=why), path, None, []))
            continue
        sec["items"].extend(asks_to_questions(ctx, line, path, None))


def _form_line(line: str) -> bool:
    s = line.strip()
    return (yesno_line(s) or bool(BREAKDOWN_LABEL.match(s)) or bool(BLANK.search(s))
            or (s.endswith(":") and len(s.split()) <= 14))


def _form_lines(node: Node) -> list[str] | None:
    """The lines under a numbered form line: its unnumbered lines, or its bullets when each is a leaf form line
    ('4.2. Bệnh tật sau khám:' over '- Cận thị: Tỷ lệ: %'); None when anything else is under it."""
    if node.tables or (node.children and node.body):
        return None
    if node.children and any(c.children or c.tables or c.body or c.no not in BULLETS for c in node.children):
        return None
    lines = [strip_fn(b).strip() for b in (node.body or [c.text for c in node.children]) if b.strip()]
    ok = [bool(_form_line(b) or lost_blank_asks(b)) for b in lines]
    if not lines or not (all(ok) or _cut_last(lines, ok) and bool(node.children)):
        return None
    return lines


def _cut_last(lines: list[str], ok: list[bool]) -> bool:
    """Form lines, then a last one cut off mid-word where the copy ends ('- Số hộ không có người đạ'): no
    sentence of its own (no closing mark, no blank) — the form still asks, the fragment goes with it."""
    return len(lines) >= 2 and all(ok[:-1]) and not re.search(r"[.?!:;)…]$", lines[-1])


def _lost_form(lines: list[str]) -> bool:
    """Every line is a form line that lost its blanks: yes/no boxes, labels with their units, a group's label."""
    return all(yesno_lead(b)[0] or yesno_line(b) or lost_blank_asks(b) or _group_label(b) for b in lines)


def _group_label(line: str) -> str | None:
    """'Cán bộ y tế:' alone: the label of the labels on the next line."""
    parts = lost_labels(line)
    if parts and len(parts) == 1 and line.rstrip().endswith(":") and not lost_blank_asks(line):
        return parts[0][0]
    return None


def blank_head(ctx: ImportContext, node: Node, path: list[str]) -> list[dict] | None:
    """'1.3. Tổng số học sinh: ……' over 'Nam: …… Nữ: ……' (or 'Trong đó:' and the parts): a numbered line that
    carries a blank is an ask, not a section's title — a form writes a figure's parts under it, asks of the same
    section, and the parts of a count are counts. '1.5. Thành lập ban …:' over 'Có   Không': a yes/no ask. A
    form whose blanks were lost ('3.7. Nước uống cho học sinh:' over 'Đun sôi: Bình lọc: Mang theo:') likewise."""
    lines = _form_lines(node) if node.no not in BULLETS else None
    if not lines:
        return None
    text = re.sub(r"[.;,]?\s*(?:trong đó|chia ra|cụ thể)\s*:?\s*$", "", strip_fn(node.text), flags=re.I)
    yes_first = yesno_line(lines[0]) or yesno_lead(lines[0])[0]
    bare = text.rstrip().endswith(":") and not BLANK.search(text) and _lost_form(lines)
    filled = _label_value(text) if all(BLANK.search(b) for b in lines) else None
    spaced = blank_only(lines[0]) and not BLANK.search(text) and len(lines) > 1  # '2. Kiến nghị.' over a dotted line
    lost = not bare and bool(lost_blank_asks(text))  # '1. Tổng số trường: trường, trong đó:' — its blank lost
    if not (yes_first or BLANK.search(text) or bare or filled or spaced or lost):
        return None
    if yes_first:
        out = [question(ctx, Ask(_title(text), "yesno"), path, node.no, [])]
    elif spaced:
        out = [question(ctx, Ask(_title(text)), path, node.no, [])]
    elif filled and not BLANK.search(text):  # '2. Thời gian khóa học: 110 giờ.' over 'Bắt đầu từ ngày … tháng …'
        out = [_filled_question(ctx, *filled, path, node.no)]
    else:
        out = asks_to_questions(ctx, text, path, node.no) if not bare or lost_blank_asks(text) else []
    group = _title(text) if bare and not out else None
    kind = out[0]["type"] if len(out) == 1 and out[0]["type"] in ("integer", "decimal") else None
    for k, b in enumerate(lines):
        if k + 1 < len(lines) and _over_dots(b, lines[k + 1]) and not yesno_lead(b)[0]:
            out.append(_dotted_field(ctx, b, path))
            continue
        out.extend(_form_line_asks(ctx, b, path, out, group, kind))
        group = _group_label(yesno_lead(b)[1]) or (group if not out else None)
    after = [strip_fn(b).strip() for b in node.after if b.strip()]
    if after and all(BLANK.search(b) for b in after):  # the form goes on after the bullets: 'Số trường mới ………'
        for b in after:
            out.extend(_form_line_asks(ctx, b, path, out, None, None))
        node.after = []
    return out


def _label_value(text: str) -> tuple[str, str] | None:
    """'Thời gian khóa học: 110 giờ thực học.' → (label, value): a numbered form line filled in by one unit."""
    m = re.match(r"^(?P<l>[^:()]{2,60}?)\s*:\s*(?P<v>[^:]+?)[\s.;]*$", text.strip())
    if not m or BLANK.search(text) or len(m.group("l").split()) > 8 or len(m.group("v").split()) > 14:
        return None
    return (m.group("l"), m.group("v")) if m.group("l")[0].isupper() else None


def _filled_question(ctx: ImportContext, label: str, value: str, path: list[str], no: str | None) -> dict:
    """A form's label with one unit's value: the label asks; a figure with its unit ('110 giờ thực học') is a count."""
    m = re.match(r"^\d+(?:[.,]\d+)?\s+(?P<u>[^\d\s][^\d]{0,30})$", value.strip())
    if m:
        return question(ctx, Ask(label, "integer", m.group("u").strip()), path, no, [])
    return field_question(ctx, label, path, no)


def _form_line_asks(ctx: ImportContext, b: str, path: list[str], out: list[dict], group: str | None,
                    kind: str | None) -> list[dict]:
    """The asks of one line under a numbered form line; yes/no boxes turn the ask above into a yes/no question."""
    yes, b = yesno_lead(b)
    if yes or yesno_line(b):
        if out:
            out[-1]["type"] = "yesno"
            out[-1].pop("unit", None)
        b = "" if yesno_line(b) else b
    if not b or BREAKDOWN_LABEL.match(b) or blank_only(b) or _group_label(b):
        return []
    parts = lost_labels(b)
    if group and parts and len(parts) >= 2 and all(u is None for _, u in parts):
        if parts_are_counts(group):  # 'Cán bộ y tế:' over 'Bác sĩ: Y sĩ: Khác:' — each counts people
            return [question(ctx, Ask(x, "integer"), path, None, []) for x, _ in parts]
        q = question(ctx, Ask(group, "choice"), path, None, [])  # 'Nước uống:' over 'Đun sôi: Bình lọc:'
        q["options"] = [x for x, _ in parts]
        return [q]
    qs = asks_to_questions(ctx, b, path, None)
    for q in qs:
        if kind and q["type"] == "text":  # 'Tổng số học sinh: …' / 'Nam: …': a part of a count is a count
            q["type"] = kind
    if group and qs and not out:
        qs[0]["help"] = (group + ". " + qs[0].get("help", "")).strip()
    return qs


def _guided_heading(ctx: ImportContext, node: Node, path: list[str]) -> dict | None:
    """'2. Nguyên nhân của tình hình …' over one line of guidance 'Phân tích theo 02 nhóm nguyên nhân …': the heading
    is the ask (what the outline's author names), the line tells how to answer it — its help, not another ask.
    A line that states the ask itself ('Nêu các mô hình, sáng kiến …', 'Ghi rõ …') stays the ask."""
    if node.children or node.tables or len(node.body) != 1 or BLANK.search(node.text):
        return None
    line = strip_fn(node.body[0]).strip()
    if not MANNER_START.match(line) or BLANK.search(line) or strip_fn(node.text).isupper():
        return None
    asks = asks_from_text(line)
    if len(asks) != 1 or asks[0].type != "longtext" or guess_type(strip_fn(node.text))[0] != "longtext":
        return None
    return question(ctx, Ask(_title(node.text)), path, node.no, [line.rstrip(".")])


def _boxes_under(ctx: ImportContext, node: Node, path: list[str]) -> list[dict] | None:
    """'- Tên miền:' over 'Nhà cung cấp dịch vụ (hosting)' and '+ Hosting tại A:', '+ Hosting tại B:', '+ Khác: ……':
    a label whose blank was lost, then a question whose boxes (the bullets, each a label ending in ':') were lost."""
    if len(node.body) != 1 or len(node.children) < 2 or node.tables or BLANK.search(node.body[0]):
        return None
    kids = [strip_fn(c.text).strip() for c in node.children]
    if any(c.children or c.body or c.tables or c.no not in BULLETS for c in node.children) or not all(
            (k.endswith(":") or fold(k).startswith("khac")) and len(k.split()) <= 12 for k in kids):
        return None
    opts = [re.sub(r"\s*[:.…_]+$", "", BLANK.sub("", k)).strip(" :") for k in kids]
    q = question(ctx, Ask(strip_fn(node.body[0]).strip(" .:"), "choice"), path, None, [])
    q["options"] = opts
    head = strip_fn(node.text).strip()
    return ([field_question(ctx, head.rstrip(":").strip(), path, node.no)] if head.endswith(":") else []) + [q]


SUBSET_TAIL = re.compile(r"\s*[;,.]?\s*(?:trong đó|chia ra|gồm)\s*:?\s*$", re.I)


def _filled_count(ctx: ImportContext, node: Node, path: list[str]) -> list[dict] | None:
    """'2. Số cán bộ y tế trường học: 01; Trong đó:' over bullets: a figure one unit filled in and its parts are asks
    of the section above (the count, then each bullet), not a section titled by the filled line."""
    if (node.no in BULLETS or not node.children or node.tables or node.body
            or any(c.children or c.tables or c.no not in BULLETS for c in node.children)):
        return None
    field = filled_field(SUBSET_TAIL.sub("", strip_fn(node.text)))
    if field is None or value_type(field[1]) not in FIGURE_TYPES:
        return None
    out = [field_question(ctx, field[0], path, node.no, field[1])]
    for c in node.children:
        labels = labelled_run(strip_fn(c.text))
        parts = ([question(ctx, Ask(x, out[0]["type"]), path, c.no, []) for x in labels] if labels
                 else child_items(ctx, c, path))
        for q in parts:  # the parts of a count are counts ('Bác sĩ: ; Y tá: 01'), whatever their own words say
            if q.get("type") in ("text", "longtext") and "options" not in q:
                q["type"] = out[0]["type"]
        out.extend(parts)
    return out


def labelled_run(text: str) -> list[str]:
    """Several labels on one line, each with its value or its lost blank: 'Bác sĩ: ; Trung cấp : ; Khác: 01 (GV)'
    → ['Bác sĩ', 'Trung cấp', 'Khác']; [] unless every piece between ';' is a short label and a colon."""
    pieces = [p for p in re.split(r"\s*;\s*", text.strip(" .;")) if p]
    found = [re.match(r"^(?P<l>[^:;()]{1,40}?)\s*:\s*(?P<v>[^:]{0,40})$", p) for p in pieces]
    if len(pieces) < 2 or not all(found):
        return []
    return [m.group("l").strip(" -–+•") for m in found if m]


def _asks_in_parentheses(node: Node, qs: list[dict]) -> bool:
    """A heading whose asks are named in its parentheses ('1. Kết quả (số lớp, số học viên, …)'): the heading titles
    them. Not a survey's things, one of them offering choices in parentheses ('khu vực làm việc (nhà nước, …)')."""
    text = strip_fn(node.text)
    return (len(qs) > 2 and "(" in node.text and not _guided_figures(text, qs) and not surveyed_topics(text)
            and any(fold(q["prompt"])[:12] in fold(text).split("(", 1)[-1] for q in qs[1:]))


def _counts_under_lead(ctx: ImportContext, node: Node, path: list[str]) -> list[dict] | None:
    """'4. Các loại dịch bệnh khác (cộng dồn): Sởi: 0 ca; ho gà: 0 ca; …': a section named by the lead, a count each."""
    lead = counts_lead(strip_fn(node.text)) if node.no not in BULLETS and not node.children and not node.tables else ""
    if not lead:
        return None
    sec = {"no": node.no, "title": _title(lead), "items": asks_to_questions(ctx, node.text, path, None)}
    for b in node.body:
        _add_help(sec, strip_fn(b))
    return [sec]


def _form_items(ctx: ImportContext, node: Node, path: list[str]) -> list[dict] | None:
    """A form's item that is no section: its boxes, its options, or its blank with the lines under it."""
    boxed = _boxes_under(ctx, node, path) or _filled_count(ctx, node, path) or _counts_under_lead(ctx, node, path)
    if boxed:
        return boxed
    label = strip_fn(node.text).strip()
    if (COMMENT_LABEL.match(label) and label.endswith(":") and len(label.split()) <= 6 and node.children
            and not node.tables and all(not c.children and c.no in BULLETS for c in node.children)):
        # '-Nhận xét:' over '+ …' lines one unit wrote: the remark is the ask, its lines were the answer
        return [question(ctx, Ask(label.rstrip(" :"), "longtext"), path, node.no, [])]
    if (node.kind in ("dec2", "dec3") and len(node.tables) == 1 and not node.children and not node.body
            and not node.tables[0][1].captioned):  # '4.3. Tình hình bệnh tật …' over its table: the table's name
        t = node.tables[0][1]
        t.title = t.title or _title(node.text)
        return [table_question(ctx, t, path[:-1])]
    led = _lead_over_blanks(ctx, node, path)
    if led:
        return led
    if not node.children and not node.tables and node.body:
        chosen = option_question(ctx, node.text, node.body, path, node.no)
        if chosen is not None:  # '1. Số lần quý vị phải đi lại …?' then '0 lần', '01 lần', '02 lần trở lên'
            return [chosen]
    return blank_head(ctx, node, path)


def _lead_over_blanks(ctx: ImportContext, node: Node, path: list[str]) -> list[dict]:
    """'– Địa chỉ:' over 'Số nhà: …….Đường ……. Phường (xã): ………. Tỉnh, thành phố: ……': a bullet's bare label leading
    lines of several labelled blanks — each blank asks (the lead their help), not the lead."""
    label = strip_fn(node.text).strip()
    if (node.no not in BULLETS or node.children or node.tables or not node.body or not label.endswith(":")
            or BLANK.search(label) or len(label.split()) > 6):
        return []
    fields = [blank_fields(strip_fn(b)) for b in node.body]
    if not all(len(f) >= 2 for f in fields):
        return []
    out = [field_question(ctx, f, path, None) for line in fields for f in line]
    out[0]["help"] = (label.rstrip(" :") + ". " + out[0].get("help", "")).strip()
    return out


def _letter_group(ctx: ImportContext, node: Node, path: list[str]) -> list[dict] | None:
    """'a) Hiện trạng các thành phần môi trường:' over dashes: a label grouping asks of the section it is in —
    unless the dashes are rates or repeat under another label ('Tỷ lệ …: %', 'Số … đã xử lý xong' twice)."""
    if not (node.kind == "alpha" and strip_fn(node.text).rstrip().endswith(":") and node.children and not node.tables
            and not node.body and all(not c.children and not c.tables and c.no in BULLETS for c in node.children)):
        return None
    flat = [q for c in node.children for q in child_items(ctx, c, path)]
    said = [fold(q.get("prompt", "")) for q in flat]
    if len(set(said)) == len(said) and not any(q.get("type") == "percent" for q in flat):
        return flat
    return None


def _carried_items(ctx: ImportContext, node: Node, path: list[str]) -> list[dict]:
    """A questionnaire's item or a roster carried as one line (surveys.py): its asks, then those of the lines after it."""
    if not is_carried(node.text) or node.children or node.tables:
        return []
    qs = asks_to_questions(ctx, node.text, path, node.no)
    # (a yes/no criterion on a line of its own in the same numbered cell: the criterion's number too)
    return qs + [q for b in node.body if not blank_only(b)
                 for q in asks_to_questions(ctx, b, path, node.no if _carried_yesno(node.text, b) else None)]


def _carried_yesno(text: str, line: str) -> bool:
    return all((a := carried(x)) is not None and a.type == "yesno" for x in (text, line))


def _bare_item(ctx: ImportContext, node: Node, path: list[str]) -> list[dict]:
    if not (node.children or node.tables or node.body) and (counted := counted_values(strip_fn(node.text))):
        return [question(ctx, a, path, node.no, []) for a in counted]  # '- Danh hiệu …: cá nhân, tập thể'
    bare = bare_label_field(node)  # 'a) Thời gian:' alone, a field whose blank was lost
    if bare:
        return [question(ctx, Ask(*bare), path, node.no, [])]
    # '+ Dự án 4: Đầu tư … (số công trình hoàn thành)': the count in brackets asks
    counted = labelled_count(strip_fn(node.text)) if not (node.children or node.tables or node.body) else []
    return [question(ctx, a, path, node.no, []) for a in counted]


GUIDED_PAREN = re.compile(r"(?i)\(\s*(?:trong đó\s+)?(?:nêu rõ|ghi rõ|nêu cụ thể|làm rõ|nêu)\s")


def _guided_figures(text: str, qs: list[dict]) -> bool:
    """'3. Công tác rà soát …; việc chi trả … (nêu rõ số đối tượng nhận qua tài khoản, tỷ lệ)': the figures are what
    the account of the work must give — the item asks its account first (a longtext), then the figures beside it."""
    return qs[0]["type"] == "longtext" and GUIDED_PAREN.search(text) is not None


def child_items(ctx: ImportContext, node: Node, path: list[str]) -> list[dict]:
    numbered = node.no not in BULLETS
    early = (_filled_bullet(ctx, node, path) or _carried_items(ctx, node, path) or _form_items(ctx, node, path)
             or _bare_item(ctx, node, path))
    if early:
        return early
    opts = explained_options(strip_fn(node.text), node.children) if not node.tables else None
    if opts is None and not node.tables and not node.body:
        opts = listed_options(strip_fn(node.text), node.children)
    if opts is not None:  # each option explained below it: still one choice question
        q = question(ctx, Ask(_title(node.text)), path, node.no, [])
        q["type"], q["options"] = "choice", opts
        return [q]
    if numbered and not node.tables and _filled(node):
        return _filled_items(ctx, node, path)
    grouped = _letter_group(ctx, node, path)
    if grouped:
        return grouped
    field = _leaf_field(node, numbered) if not (node.children or total_and_parts(strip_fn(node.text))) else None
    if field is not None:  # '- Phía Đông giáp: Đất ruộng bậc thang.': the label asks, the value was one answer
        return [field_question(ctx, field[0], path, node.no, field[1])]
    if node.tables and not node.children and not numbered:
        # a bullet followed by its Biểu: the bullet's asks, then the table (not a section titled by the bullet)
        qs = asks_to_questions(ctx, node.text, path, node.no, tables=False)
        for b in node.body:
            if qs:
                qs[0]["help"] = (qs[0].get("help", "") + " " + strip_fn(b).strip("() ")).strip()
        return _bullet_with_tables(ctx, qs, node, path)
    guided = _guided_heading(ctx, node, path) if numbered else None
    if guided is not None:
        return [guided]
    if node.children or node.tables or (numbered and any(not is_help_line(b) for b in node.body)):
        # (a lettered point: the section above decides whether its asks are its own, see points_into; '(a) Về
        # người', '(b) Về tài sản' in parentheses stay sections)
        return [{**section_from(ctx, node, path, top=False), **({"_point": True} if node.kind == "alpha" else {})}]
    enum = inline_enum(strip_fn(node.text))
    if enum and enum[0]:
        sec = {"no": node.no, "title": _title(enum[0]), "items": []}
        for no, seg in enum[1]:
            sec["items"].extend(asks_to_questions(ctx, seg, path, no))
        for b in node.body:
            _add_help(sec, strip_fn(b))
        return [sec]
    qs = asks_to_questions(ctx, node.text, path, node.no)
    if numbered and _asks_in_parentheses(node, qs):
        sec = {"no": node.no, "title": _title(re.sub(r"\s*\(.*$", "", strip_fn(node.text))) or qs[0]["prompt"], "items": qs[1:]}
        for q in qs[1:]:
            q.pop("no", None)
        if qs[0].get("help"):
            sec["help"] = qs[0]["help"]
        for b in node.body:
            _add_help(sec, strip_fn(b))
        return [sec]
    for b in node.body:
        if qs:
            qs[0]["help"] = (qs[0].get("help", "") + " " + strip_fn(b).strip("() ")).strip()
    return qs


NUMERIC = ("integer", "decimal", "money", "percent")


def _figure(q: dict) -> bool:
    """A figure the report gives: an amount, a rate, a measure, a count ('Số …', 'Tổng số …'); a form's field that
    happens to be a number ('Tuổi rừng', 'Năm xây dựng') is no figure of a listing."""
    return q.get("type") in ("decimal", "money", "percent") or q.get("type") == "integer" and is_count(q["prompt"])


def points_into(items: list[dict]) -> list[dict]:
    """'a) Việc triển khai các cuộc thanh tra' over the figures it lists: a lettered point a), b), c) of a numbered
    item whose asks are figures (a third of them or more) is no section of its own — its asks are the item's (the point's heading goes
    to the help of its first ask). A point asking in words ('a) Rà soát …' over what to describe) stays a section, and
    so do all the points when their asks would repeat in the item (the same figures under a) and under b))."""
    def listing(sec: dict) -> bool:
        qs = [q for q in sec["items"] if "prompt" in q]
        return sec.pop("_point", False) and len(qs) == len(sec["items"]) and 3 * sum(
            _figure(q) for q in qs) >= len(qs) > 0
    flat = [it for it in items if "items" in it and listing(it)]
    for it in items:
        it.pop("_point", None)
    said = [fold(q["prompt"]) for it in items for q in (it["items"] if any(it is f for f in flat) else [it])
            if "prompt" in q]
    if not flat or len(set(said)) < len(said):
        return items
    out: list[dict] = []
    for it in items:
        if not any(it is f for f in flat):
            out.append(it)
            continue
        first = it["items"][0]
        said_here = " ".join(x for x in (it["title"] if it["title"] != "Mục" else "", it.get("help", "")) if x)
        if said_here and fold(said_here).strip(" .:") != fold(first["prompt"]).strip(" .:"):
            first["help"] = (said_here.rstrip(" .:") + ". " + first.get("help", "")).strip()
        out.extend(it["items"])
    return out


def _leaf_field(node: Node, numbered: bool) -> tuple[str, str] | None:
    """A leaf 'Label: value' one unit filled in; a numbered ask keeps only a figure as its filled value ('4. Những
    thôn chưa đạt …: 02 thôn'). A note in parentheses where the value goes ('- Chủ trì cuộc họp: (ghi rõ họ, tên,
    chức danh).') is no value: what to write there."""
    if node.children or node.tables or (numbered and node.body):
        return None
    field = filled_field(strip_fn(node.text))
    if field is not None and re.fullmatch(r"(?i)\((?:ghi|nêu|điền|kê|liệt kê|trình bày|mô tả)\b[^()]*\)[\s.;]*", field[1].strip()):
        return None
    if field is not None and re.search(r"[□☐]", field[1]):  # 'Giới tính: Nam □ Nữ □': boxes to tick, no value
        return None
    return None if field is None or (numbered and not re.match(r"\d", field[1])) else field


def _filled_bullet(ctx: ImportContext, node: Node, path: list[str]) -> list[dict]:
    """'- Tổng số học sinh: 640 em/18 lớp. Trong đó:' over '. Khối 1: 120 em 4 lớp' …: a filled copy's figure and
    its parts (filled_reports.py), the figures dropped."""
    if node.children or node.tables or not node.body or not filled_figures(strip_fn(node.text)):
        return []
    lines = [strip_fn(b) for b in node.body + node.after]
    asks = bullet_asks(strip_fn(node.text), lines) or []
    if not any(a.type == "table" for a in asks) and not all(filled_figures(b) for b in lines):
        return []  # (a line under it that is no figure: the other readers')
    return [question(ctx, a, path, None, []) for a in asks]


def _filled_items(ctx: ImportContext, node: Node, path: list[str]) -> list[dict]:
    """A copied report: the figures under the heading ask their counts (filled_reports.py); else the heading is the
    ask, the paragraphs (or bullets) under it one unit's answer (a list of papers: the documents it asks)."""
    figured = _filled_report(ctx, node, path)
    if figured is not None:
        return [figured]
    ctx.notes.append({"message": f"lời văn dưới mục «{_title(node.text)[:60]}» là nội dung đã viết của một báo "
                                 "cáo: chỉ giữ đề mục làm câu hỏi"})
    if papers_listed([c.text for c in node.children] + node.body + node.after):  # '- Thông tư số …' each
        return [question(ctx, Ask(_title(node.text), "documents", "văn bản"), path, node.no, [])]
    return [question(ctx, Ask(_title(node.text)), path, node.no, [])]


def _filled_report(ctx: ImportContext, node: Node, path: list[str]) -> dict | None:
    """A heading over a filled report's bullets of figures (filled_reports.py): the counts they answer, the figures
    dropped."""
    if node.body and not node.children and not node.after:
        asks = paragraph_asks(_title(node.text), [strip_fn(b) for b in node.body])
        return {"no": node.no, "title": _title(node.text),
                "items": [question(ctx, a, path, None, []) for a in asks]} if asks else None
    if node.body or not node.children:
        return None
    asks = report_asks([(strip_fn(c.text), [strip_fn(b) for b in c.body + c.after]) for c in node.children
                        if not c.children and not c.tables])
    if not asks or len(asks) < len(node.children):
        return None
    ctx.notes.append({"message": f"các dòng dưới mục «{_title(node.text)[:60]}» là số liệu đã điền của một báo cáo: "
                                 "mỗi nhãn thành một câu hỏi số, bỏ số liệu cũ — hãy xem lại tên và đơn vị"})
    return {"no": node.no, "title": _title(node.text), "items": [question(ctx, a, path, None, []) for a in asks]}


def _filled(node: Node) -> bool:
    """The node is a heading over a written answer: its lines, or all its bullets, state what was done."""
    if len(node.text.split()) > 15 or any(c.children or c.tables for c in node.children):
        return False
    if written_answer(strip_fn(node.text), [c.text for c in node.children], node.body + node.after):
        return True
    if node.children:
        return (not node.body and all(c.no in BULLETS for c in node.children)
                and is_filled_answer([c.text for c in node.children]))
    return bool(node.body) and is_filled_answer(node.body)


FIGURE_TYPES = ("integer", "decimal", "percent", "money")
BREAKDOWN_NOTE = re.compile(r"\((?:ghi rõ|nêu rõ|nêu)\s+số liệu[^()]*\)", re.I)


def _held(prompt: str, columns: list[dict]) -> bool:
    """Whether a count of the bullet is one of the table's columns ('Đã hoàn thành số hóa bao nhiêu trang tài
    liệu?' ~ 'Số trang tài liệu đã số hóa')."""
    words = re.sub(r"\b(bao nhieu|tong so|so luong|so|da hoan thanh|hoan thanh|duoc|co|con|bieu \d+\w?)\b", " ",
                   norm_words(prompt))
    return any(fuzz.token_set_ratio(words, norm_words(c["label"])) >= 80 for c in columns)


def _bullet_with_tables(ctx: ImportContext, qs: list[dict], node: Node, path: list[str]) -> list[dict]:
    """A bullet followed by its Biểu: the bullet's asks, then the table. When no 'Biểu N …' line titles the table,
    the counts the table's columns hold are asked by the table (one figure per row), not again on their own;
    the table's prompt is the sentence asking them."""
    tables = [table_question(ctx, t, path) for _, t in node.tables]
    for (_, t), tq in zip(node.tables, tables, strict=True):
        if t.captioned:
            continue
        held = [q for q in qs if q["type"] in FIGURE_TYPES and _held(q["prompt"], t.columns)]
        if not held:
            continue
        text = strip_fn(node.text)
        sentences = re.split(r"(?<=[?.!])\s+(?=\S)", BREAKDOWN_NOTE.sub("", text))
        where = [s for s in sentences if any(norm_words(REF_TAIL.sub("", q["prompt"]))[:20] in norm_words(s)
                                             for q in held)]
        note = BREAKDOWN_NOTE.search(text)
        prompt = " ".join(w.strip() for w in where) or held[0]["prompt"]
        tq["prompt"] = f"{prompt} {note.group(0)}" if note else prompt
        qs = [q for q in qs if q not in held]
    return qs + tables


def table_question(ctx: ImportContext, t: TableDraft, path: list[str]) -> dict:
    title = re.sub(r"\s*⟦ask:[0-9a-f]*⟧?\s*", " ", t.title or "").strip()  # (a carried ask is never a caption)
    title = title or (f"Biểu {t.code}" if t.code else "Biểu")
    q: dict = {"key": ctx.keys.make(f"bieu {t.code}" if t.code else title, no_slug(path)), "_comments": {}}
    q["prompt"] = title
    q["type"] = "table"
    table: dict = {}
    if t.code:
        table["code"] = t.code
    table["title"] = title
    if t.note:
        table["note"] = t.note
    table["columns"] = t.columns
    table["rows"] = t.rows
    q["table"] = table
    for n in t.notes:
        ctx.notes.append({"key": q["key"], "message": f"biểu: {n}"})
    if t.notes:
        q["_comments"]["table"] = "? " + "; ".join(t.notes)
    return q
