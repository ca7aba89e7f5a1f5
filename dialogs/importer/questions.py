"""Questions from the document's words: one per ask, types from the wording, help from guidance.

The parts live in smaller modules (lexicon, ask_types, counts, guidance); their names are re-exported here."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import (  # noqa: F401
    Ask,
    ask_of,
    attribute_list,
    choice_ask,
    field_type,
    guess_type,
    is_count,
    is_help_line,
    is_yesno,
    measure_unit,
    none_everywhere,
    per_level,
    reason_asks,
)
from dialogs.importer.asked_sentences import asked_paragraph, contents_asked, subjects_after_verb
from dialogs.importer.blank_runs import blank_run
from dialogs.importer.count_parts import total_and_parts
from dialogs.importer.counts import (  # noqa: F401
    alternatives,
    breakdown_rows,
    breakdown_table,
    count_paren,
    embedded_asks,
    figure_asks,
    guided_counts,
    head_noun,
    parts_after_blanks,
    result_counts,
    split_count_segments,
    stated_figures,
)
from dialogs.importer.echoed_units import echoed_unit
from dialogs.importer.field_lines import drop_honorific, drop_note_marks, field_line_asks
from dialogs.importer.filled_values import filled_asks, named_counts
from dialogs.importer.form_labels import date_range, time_asks
from dialogs.importer.forms import (
    BLANK,
    FILLED_FIGURE,
    blank_fields,
    boxed_yesno,
    date_blank,
    dated_fields,
    ticked,
    ticked_ask,
)
from dialogs.importer.guidance import (  # noqa: F401
    colon_labels,
    documents_ask,
    documents_counts,
    field_names,
    guidance_asks,
    help_owner,
    labelled_blanks,
    labelled_guide,
    labelled_list,
    list_ask,
    list_fields,
    titled_ask,
)
from dialogs.importer.inline_counts import blank_clauses, narrative_then_counts
from dialogs.importer.lexicon import (  # noqa: F401
    ACT_RE,
    ACTS,
    ALT_END,
    ATTR_START,
    ATTRS,
    ATTRS_VI,
    BIEU_RE,
    BLANK_AFTER_COLON,
    BREAKDOWN,
    BY_EACH,
    COUNT_HEAD,
    COUNT_SPLIT,
    COUNT_VERB,
    DATE_LABEL,
    DATE_VALUE,
    DOCS_RE,
    DOTS_RE,
    FIGURE_WORDS,
    FOOTNOTE_DIGIT,
    GUIDE_VERB,
    GUIDED_COUNT,
    HEAD_SPLIT,
    HELP_START,
    IDENTIFIER,
    ITEM_NOUNS,
    LABELLED_GUIDE,
    MEASURED,
    MEASURES,
    MOD_SPLIT,
    MODIFIER_START,
    NAME_LABEL,
    NARRATIVE_ASK,
    NARRATIVE_SPLIT,
    NARRATIVE_START,
    NOT_TITLE,
    OTHER_MATTERS,
    QUESTION_RE,
    RATE,
    RATIO,
    REASONS,
    RESULT_ACTS,
    RESULT_NOUNS,
    RESULT_RE,
    STATUS_LIST,
    TIME_ONLY,
    TIME_POINTS,
    TITLED,
    TRAIL_REF,
    UNIT_WORDS,
    YESNO_COLON,
    YESNO_TAIL,
    clean_prompt,
    measure_word,
    parens,
    strip_count_verb,
    top_split,
)
from dialogs.importer.listed_parts import listed_parts
from dialogs.importer.lost_blanks import pair_yesno, score_asks
from dialogs.importer.minutes import delegates, opening_asks, roster_asks
from dialogs.importer.named_categories import labelled_categories
from dialogs.importer.placeholders import mark_units, strip_units, unit_type
from dialogs.importer.prose import content_list, focus_asks, surveyed_topics
from dialogs.importer.prose_items import item_asks, lettered_items
from dialogs.importer.shared_counts import names_its_papers
from dialogs.importer.surveys import carried
from dialogs.importer.unit_parens import measured_paren
from dialogs.importer.verb_clauses import ITEM_LED, asked_in_paragraph, named_results, verb_clauses
from dialogs.text import fold


def _parts(text: str) -> tuple[str, list[tuple[str, str]], list[str] | None, list[str], list[str]]:
    """The bullet without its guidance parentheses; the guidance (with the words just before it); list fields;
    the counts a parenthesis asks; the documents a parenthesis asks for."""
    help_parts: list[tuple[str, str]] = []
    docs: list[str] = []
    fields_asked: list[str] | None = None
    paren_counts: list[str] = []
    keep = []
    last = 0
    for a, b in parens(text):
        inner = text[a + 1:b - 1].strip()
        fi = fold(inner)
        keep.append(text[last:a])
        last = b
        if BIEU_RE.fullmatch(text[a:b]) or len(inner.split()) <= 4:
            keep.append(text[a:b])
        elif re.match(r"^(liet ke|danh muc|danh sach)", fi):
            fields_asked = list_fields(inner)
        elif count_paren(inner):
            paren_counts = count_paren(inner)
        elif measured_paren(inner):  # '… ⟦u:ha⟧ (ước giá trị thiệt hại ⟦u:triệu đồng⟧)': a figure of its own
            paren_counts = measured_paren(inner)
        elif DOCS_RE.search(fi) and (NARRATIVE_ASK.search(fold(text[:a]) + " " + fold(text[b:b + 3]))
                                     or is_count(text[:a]) or is_yesno(text[:a])):
            docs.append(inner)  # '… như thế nào (ghi rõ số, ngày … ban hành văn bản X)?' asks the documents too
        elif DOCS_RE.search(fi):
            keep.append(text[a:b])
        elif inner:
            before = " ".join(re.sub(r"\([^()]*\)", " ", text[:a]).split()[-6:])
            help_parts.append((before, inner[0].upper() + inner[1:]))
    keep.append(text[last:])
    main = re.sub(r"\s+([,.;:?])", r"\1", re.sub(r"\s{2,}", " ", "".join(keep))).strip(" ;")
    return main, help_parts, fields_asked, paren_counts, docs


def bare_blanks(text: str) -> list[Ask]:
    """A form's line whose labels stand before their blanks with no colon ('Họ và tên khai sinh ……… Nam, Nữ ………',
    'Sinh ngày …… tháng …… năm …… số CMND, CCCD ……'): one ask per label, typed by its words (a date for 'Sinh
    ngày'). Only a line that ends with a blank and has no colon (those are the labelled blanks' case)."""
    t = text.rstrip(" .;,")
    if ":" in re.sub(r"\([^()]*\)", "", t) or not BLANK.search(t) or not re.search(r"(?:…|\.{3,}|_{3,})$", t):
        return []
    labels = dated_fields(t) or blank_fields(t)
    if not labels or any(len(re.sub(r"\([^()]*\)", "", x).split()) > 10 or measure_unit(x) for x in labels):
        return []
    return [choice_ask(x) or Ask(x, *field_type(x)) for x in labels]


DATE_RANGE = re.compile(r"^(?P<l>[^:…]{2,80}?)\s*:?\s*(?P<a>từ ngày)\s*(?:(?:…|\.|_|/)\s*)+"
                        r"(?P<b>đến(?: hết)? ngày)\s*(?:(?:…|\.|_|/)\s*)+$", re.I)


LOST_DATE = re.compile(r"(?i)^(?P<l>[^:…\d]{2,60}?)\s*:\s*ngày\s+tháng\s+năm(?:\s+(?:19|20)\d{0,2})?\s*\.?$")


def date_asks(text: str) -> list[Ask]:
    """'Bắt đầu từ ngày … tháng … năm 2025.' → a date; the blanks after the date ('…; Tổ: ……') ask too. 'Thời gian
    đánh giá: từ ngày …… đến hết ngày ……' → two dates, the first and the last day."""
    lost = LOST_DATE.match(text.strip())
    if lost:  # 'Thời gian: Ngày tháng năm 20': a date whose blanks the copy lost
        return [Ask(lost.group("l").strip(" -–+•"), "date")]
    rng = DATE_RANGE.match(text.strip())
    if rng:
        label = rng.group("l").strip(" -–+•")
        return [Ask(f"{label}: {rng.group(k)}", "date") for k in ("a", "b")]
    ends = date_range(text)  # 'Thời gian …: Từ ngày … tháng … đến ngày … tháng …' without the year
    if ends:
        return [Ask(d, "date") for d in ends]
    named = date_blank(text)
    if named is None:
        return []
    label, after = named
    return [Ask(label, "date"), *(asks_from_text(after) if after and BLANK.search(after) else [])]


REPORTED = re.compile(r"^(?P<v>[^\d;]{3,60}?)\s+(?:đạt\s+)?(?P<n>\d[\d.,]*)\s*(?P<u>%|[^\W\d_][^;]{0,25})$")
WHERE_PREFIX = re.compile(r"^(?:toàn quốc|cả nước|toàn tỉnh|toàn huyện|toàn thành phố|toàn xã|trong (?:tháng|quý|kỳ)"
                          r"[^,]{0,15},?)\s+", re.I)


def reported_figures(text: str) -> list[Ask]:
    """Published figures copied as the outline ('Toàn quốc xảy ra 2.829 vụ; khám phá 2.437 vụ; tỷ lệ khám phá đạt
    86,14%. So với tháng 8 …'): each figure is an ask, named by its unit and its verb ('Số vụ xảy ra', 'Tỷ lệ khám
    phá'); the comparison with the last period is computed, not asked. [] unless two figures or more."""
    head = re.split(r"(?i)\.\s+(?=so với|tăng|giảm)|,\s*so với", text.strip())[0].strip(" .")
    asks: list[Ask] = []
    for piece in re.split(r"\s*;\s*", head):
        first, *more = SHARED_VERB_COUNTS.split(WHERE_PREFIX.sub("", piece.strip()))
        m = REPORTED.match(first)
        if not m:
            return []
        verb = m.group("v").strip(" ,")
        for unit in [m.group("u")] + [re.sub(r"^\d[\d.,]*\s*", "", x) for x in more]:
            unit = unit.strip(" ,.")
            if unit == "%":
                asks.append(Ask(verb[:1].upper() + verb[1:], "percent", "%"))
            else:
                asks.append(Ask(f"Số {unit} {verb}", "integer", unit.split(",")[0]))
    return asks if len(asks) >= 2 else []


# 'đã bắt 306 đối tượng truy nã, 92 đối tượng nguy hiểm': more figures after a comma share the verb before the first
SHARED_VERB_COUNTS = re.compile(r",\s+(?=\d[\d.,]*\s+[^\W\d_][^,;]{0,60}$|\d[\d.,]*\s+[^\W\d_][^,;]{0,60},\s+\d)")


CODE_OPTION = re.compile(r"^(?:(?P<a>\d{1,2})\s*[:.)]?\s*(?P<w>\D.*?)|(?P<w2>\D.*?)\s*\(?(?P<b>\d{1,2})\)?)$")


def coded_choice(text: str) -> list[Ask]:
    """A label that lists its answers' codes: 'Loại hộ: (1: Hộ thuần nông; 2: Hộ NN kiêm TTCN; 3: khác)' → a choice
    of those answers; 'Giới tính (nam 0; nữ 1)' too; '… hay không? (1: có; 2: không)' → a yes or no."""
    m = re.match(r"^(?P<l>[^()]{2,200}?)\s*:?\s*\((?:[^():;]{2,20}:\s*)?(?P<c>[^()]+)\)\s*\.?$", text.strip())
    if not m:
        return []
    pieces = [p.strip(" .") for p in re.split(r"\s*;\s*", m.group("c")) if p.strip(" .")]
    found = [CODE_OPTION.match(p) for p in pieces]
    if len(pieces) < 2 or not all(found):
        return []
    codes = [int(f.group("a") or f.group("b")) for f in found if f]
    if codes[0] not in (0, 1) or any(b != a + 1 for a, b in zip(codes, codes[1:], strict=False)):
        return []  # '(theo Quyết định số 12; Kế hoạch 5)': figures in a note, not the answers' codes 1, 2, 3
    options = [(f.group("w") or f.group("w2")).strip(" :.") for f in found if f]
    label = m.group("l").strip(" :")
    if {fold(o) for o in options} == {"co", "khong"}:
        return [Ask(label, "yesno")]
    return [Ask(label, "choice", options=[o[:1].upper() + o[1:] for o in options])]


GLUED_FIELDS = re.compile(r"(?<=[^\s\d…._])\s+-\s+(?=[A-ZĐ][^:]{2,60}:\s*(?:…|\.{2,}|_{2,}))")


def _boxes_or_units(text: str) -> list[Ask]:
    """'Có tổ chức … không: Có □ Không □' (one yes/no, its boxes the answer); 'Hệ thống … bị tác động □' (ticked or
    not); 'Tổng số lao động đầu năm Người …' (a unit column flattened into the line: a figure each)."""
    boxed = boxed_yesno(text)
    if boxed:
        return [Ask(boxed, "yesno")]
    row = unit_row(text)
    if row:
        return row
    tick = ticked(text)
    if not tick or tick[1]:
        return []
    prompt, guide = ticked_ask(tick[0])
    return [Ask(prompt, "yesno", help=guide)]


def _read_before(text: str) -> list[Ask]:
    """A questionnaire's item read with its options before the tree was built (surveys.py); a meeting's opening
    ('Hôm nay, ngày … tháng … năm …, tại ……'); a form's field line ('Họ và tên cha: …… Tuổi …… Nghề nghiệp ……',
    'Giới tính: Nam …… Nữ ……'); yes/no boxes, a unit column flattened into the line."""
    survey_ask = carried(text)
    if survey_ask is not None:
        return [survey_ask]
    return (named_counts(text) or opening_asks(text) or roster_asks(text) or delegates(text) or echoed_unit(text) or total_and_parts(text)
            or filled_asks(text) or blank_clauses(text)
            or narrative_then_counts(text, asks_from_text) or field_line_asks(text) or _boxes_or_units(drop_note_marks(text)))


DATING_LINE = re.compile(
    r"(?i)^(?!hôm nay\b|bữa nay\b)\[?\d?\]?\s*(?:(?:…|\.|_)+|[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){0,4})\s*,\s*ngày\s*(?:…|\.|_)+\s*"
    r"tháng\s*(?:…|\.|_)+\s*năm\s*(?:20|19)?\s*(?:…|\.|_)*\s*$"
)


MOTTO_IN = re.compile(r"(?i)cộng h(?:òa|oà) xã hội chủ nghĩa|độc lập\s*[-–]\s*tự do")
NUMBER_AND_DATE = re.compile(r"(?i)^số\s*:[^,]{0,40}?\s{2,}.{0,30},\s*ngày\b.{0,20}tháng\b.{0,20}năm\b[\s….,_\d]*$")


def _header_line(text: str) -> bool:
    """A form's header, not its body: its dating line ('………, ngày … tháng … năm …'), the motto with whatever a
    two-column layout put beside it ('ĐOÀN KIỂM TRA………    Độc lập – Tự do – Hạnh phúc'), its number beside its date."""
    return bool(DATING_LINE.match(text) or MOTTO_IN.search(text) or NUMBER_AND_DATE.match(text))


# a date's blank spaced around its slashes ('.../ ... / ....'): one date blank, as '…/…/…'
SPACED_DATE = re.compile(r"(?:…+|\.{2,}|_{2,})\s*/\s*(?:…+|\.{2,}|_{2,})\s*/\s*(?:…+|\.{2,}|_{2,})")


def asks_from_text(text: str, tables: bool = True) -> list[Ask]:
    """One bullet's text → its questions (the document's words as prompts). With `tables`, counts asked per unit
    ('ghi rõ số liệu từng cơ quan …') become a table."""
    early = None if _header_line(text.strip()) else _read_before(text) or time_asks(text)  # ('… vào hồi … giờ')
    if early is None or early:
        return early or []
    text = SPACED_DATE.sub("…/…/…", drop_honorific(drop_note_marks(text)))  # 'Cấp ngày .../ ... / ....'
    lettered = lettered_items(text)
    if lettered:  # 'Báo cáo các nội dung sau: a) …; b) …; c) …': each item its own asks
        return [a for item in lettered for a in asks_from_text(item, tables)]
    glued = GLUED_FIELDS.split(text.strip())
    if len(glued) > 1 and all(BLANK.search(g) for g in glued):  # '- Số lao động : …… người - Số đoàn viên : ……'
        return [a for g in glued for a in asks_from_text(g, tables)]
    blanks = (blank_run(text) or reported_figures(text) or stated_figures(text) or parts_after_blanks(text) or coded_choice(text) or score_asks(text.strip()) or pair_yesno(text) or labelled_blanks(text.strip()) or colon_labels(text.strip())
              or date_asks(text.strip()) or bare_blanks(text.strip()))
    if blanks:
        return blanks
    focused = labelled_categories(text) or content_list(text) or surveyed_topics(text) or contents_asked(text) or focus_asks(text) or split_lists(text) or item_asks(text) or verb_clauses(text) or named_results(text) or _asked_paragraph(text)
    if focused:  # '… tập trung làm rõ những kết quả …; những khó khăn, hạn chế, nêu rõ nguyên nhân …'
        return focused
    text = clean_prompt(mark_units(text.strip().rstrip(";").strip()))
    guided = (labelled_guide(text) or labelled_list(text) or listed_parts(text, labelled=True) or titled_ask(text)
              or _with_examples(text))
    if guided:
        return guided
    main, help_parts, fields_asked, paren_counts, docs = _parts(text)
    asks: list[Ask] = []
    main, other = _other_matters(main)
    for sent in _split_questions(main):
        segs = _carry_ref(split_count_segments(sent))
        if len(segs) == 1:  # short clauses, each of them counts apart ('…; số ca mắc, số ca tử vong; …')
            segs = [x for c in _short_clauses(sent) for x in (split_count_segments(c) if COUNT_HEAD.match(c) else [c])]
        if len(segs) == 1:
            segs = _measured_inside(sent)
        asks.extend(a for seg in segs for a in reason_asks(seg) or [ask_of(seg)])  # ('…: (lý do):')
        if len(segs) == 1 and asks[-1].type == "longtext":
            _add_embedded(asks, sent)
    if fields_asked and asks:
        _add_list(asks, fields_asked)
    asks.extend([*map(ask_of, paren_counts), *(Ask(o) for o in other)])
    asks.extend(d for d in map(documents_ask, docs) if d is not None)
    for before, h in help_parts:
        owner = help_owner(asks, before)
        if owner is not None and owner.type == "list" and not owner.fields and field_names(h):
            owner.fields = field_names(h)  # 'Liệt kê các hội chợ đã tham gia (tên, thời gian, kết quả)'
        if owner is not None:
            extra = guidance_asks(owner, h)
            if not extra:
                owner.help.append(h)
            at = asks.index(owner) + 1
            asks[at:at] = extra
    rows = next(((r, h) for _, h in help_parts if (r := breakdown_rows(h))), None) if tables else None
    if rows:
        asks = breakdown_table(asks, _split_questions(main), *rows)
    for a in asks:  # a unit marker left in guidance or in a prompt made from other words
        a.prompt, a.help = strip_units(a.prompt), [strip_units(h) for h in a.help]
    return [x for a in asks for x in per_level(_without_value(a))]


def _add_list(asks: list[Ask], fields: list[str]) -> None:
    """'… (liệt kê tên, thời gian, kết quả)': a list of those fields after the ask; when the ask is the issuing of
    papers and the fields name them ('Việc ban hành văn bản … (liệt kê tên văn bản, số, ngày …)'), the list alone."""
    base = asks[-1]
    if names_its_papers(base.prompt, fields):
        asks[-1] = Ask(base.prompt, "list", base.unit, fields=fields, help=base.help)
        return
    noun = COUNT_HEAD.sub("", base.prompt).strip()
    asks.append(Ask(f"Liệt kê danh mục {noun} ({', '.join(f.lower() for f in fields)})", "list", base.unit, fields=fields))


def _add_embedded(asks: list[Ask], sent: str) -> None:
    """The counts a written sentence holds asked after it ('…; số tiền … được phát hiện'), its prompt left the rest."""
    extra = [ask_of(seg) for seg in embedded_asks(sent)]
    asks[-1].prompt = _clauses_left(asks[-1].prompt, extra)
    asks.extend(extra)


def _clauses_left(prompt: str, extra: list[Ask]) -> str:
    """'Những vi phạm …, thuộc lĩnh vực; số tiền … được phát hiện': a clause after ';' asked on its own (a count)
    leaves the written ask's prompt; the prompt as it was when nothing else is left."""
    asked = {fold(a.prompt).strip(" .;,") for a in extra}
    parts = top_split(prompt, ";")
    kept = [p for p in parts if fold(p).strip(" .;,") not in asked]
    return "; ".join(kept).strip() if kept and len(kept) < len(parts) else prompt


def _asked_paragraph(text: str) -> list[Ask]:
    """A letter's paragraph that asks by its verbs: each thing asked (asked_sentences) where it finds two or more."""
    asked = asked_in_paragraph(text)
    if asked:
        return asked_paragraph(text) or asked
    return subjects_after_verb(text) if ITEM_LED.match(text.strip()) else asked_paragraph(text)


def _without_value(ask: Ask) -> Ask:
    """A count with one unit's figure filled after its label ('Số học sinh: 469') asks the label; a head naming
    what it counts before a short sub-label ('Tổng số lớp và học sinh (THCS): Lớp: 15') asks 'Số lớp'."""
    head, colon, value = ask.prompt.rpartition(":")
    if not colon or ask.type not in ("integer", "decimal", "percent") or not FILLED_FIGURE.match(value.strip(" .;")):
        return ask
    label = head.strip(" :")
    top, colon2, sub = label.rpartition(":")
    if colon2 and re.match(r"(?i)^(?:tổng\s+)?số\b", top.strip()) and 0 < len(sub.split()) <= 3 \
            and not re.match(r"(?i)^(?:tổng\s+)?số\b", sub.strip()):
        label = f"Số {sub.strip()[0].lower()}{sub.strip()[1:]}"
    if len(label.split()) < 1:
        return ask
    ask.prompt = label
    return ask


EXAMPLES = re.compile(r"^(?P<p>(?:nêu rõ|ghi rõ|nêu|liệt kê)\s[^:?]{5,140}?)\s*:\s*(?P<e>[^:;?]{5,300}?)[.\s]*$", re.I)


def _with_examples(text: str) -> list[Ask]:
    """'Nêu rõ hình thức tuyên truyền, tập huấn: Hội thảo, hội nghị, đưa tin, …' → the ask before the colon; the short
    names after it are examples of the answer, its help."""
    m = EXAMPLES.match(text.strip())
    items = [x.strip() for x in m.group("e").split(",")] if m else []
    if len(items) < 3 or any(not x or len(x.split()) > 6 for x in items):
        return []
    prompt = m.group("p").strip()
    return [Ask(prompt, *guess_type(prompt)[:2], help=[f"Ví dụ: {m.group('e').strip()}"])]


def split_lists(text: str) -> list[Ask]:
    """'Danh sách viên chức được bổ nhiệm …; các cán bộ nghỉ hưu trong 03 năm' → two lists, the second named 'Danh sách
    các cán bộ …' ([] unless a list's text goes on after ';' with another 'các' / 'những')."""
    m = re.match(r"^(?P<h>danh sách|danh mục)\s", text.strip(), re.I)
    parts = [p.strip(" .;") for p in top_split(text.strip(), ";")] if m else []
    if len(parts) < 2 or not all(re.match(r"^(?:các|những)\s", p, re.I) for p in parts[1:]):
        return []
    return [Ask(p if k == 0 else f"{m.group('h')} {p}", "list") for k, p in enumerate(parts)]


def _other_matters(main: str) -> tuple[str, list[str]]:
    """'… và các nội dung khác có liên quan hoặc phát sinh.' → its own question after the main ask."""
    m = OTHER_MATTERS.search(main)
    if not m or len(main[:m.start()].split()) < 3:
        return main, []
    o = m.group("o").strip()
    return main[:m.start()].rstrip(" ,;"), [o[0].upper() + o[1:]]


def _measured_inside(sent: str) -> list[str]:
    """'Hình thức triển khai đo lường mức độ hài lòng của người dân … đạt %' → how it is measured (narrative) and
    the measure ('Mức độ hài lòng của người dân … đạt (%)')."""
    m = MEASURED.match(sent.strip())
    if not m:
        return [sent]
    head = re.sub(r"\s+đạt\b.*$", "", sent.strip())
    return [head, f"{m.group('m')[0].upper()}{m.group('m')[1:]} đạt (%)"]


def _short_clauses(sent: str) -> list[str]:
    """'Các khó khăn của cấp tỉnh; kết quả khắc phục, giải quyết; đề xuất, kiến nghị' — short asks joined by
    ';' (none longer than ten words) → one question each. Long clauses stay one narrative question."""
    pieces = [p.strip(" ,.;") for p in top_split(sent, ";")]
    if len(pieces) < 2 or not all(2 <= len([w for w in p.split() if any(c.isalpha() for c in w)]) <= 10 for p in pieces):
        return [sent]
    return [p[0].upper() + p[1:] for p in pieces]


def _carry_ref(segs: list[str]) -> list[str]:
    """'… bao nhiêu X, còn bao nhiêu Y? (Biểu 3)' split into counts: each count keeps the Biểu reference."""
    m = TRAIL_REF.search(segs[-1]) if len(segs) > 1 else None
    if not m:
        return segs
    ref = m.group(0).strip(" .?")
    return [s if s is segs[-1] or ref in s or not COUNT_HEAD.match(s) and "bao nhiêu" not in s.lower()
            else f"{s.rstrip(' ?.')} {ref}" for s in segs]


def _split_questions(text: str) -> list[str]:
    """Several questions in one bullet ('…như thế nào? Đã hoàn thành bao nhiêu…?') → one each."""
    if "?" not in text.rstrip(" ?"):
        return _yesno_tail(text)
    parts = re.split(r"(?<=\?)\s+(?=\S)", text)
    out: list[str] = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out and (len(p.split()) < 3 or not re.search(r"\w", p)):
            out[-1] += " " + p
        else:
            out.append(p[0].upper() + p[1:])
    return [y for p in out for y in _yesno_tail(p)]


def _yesno_tail(text: str) -> list[str]:
    """'Kết quả … như thế nào, có bảo đảm kịch bản tăng trưởng không?' → the narrative ask and the yes/no ask."""
    m = YESNO_TAIL.match(text.strip())
    if not m or QUESTION_RE.search(fold(m.group("b"))):
        return [text]
    a = m.group("a").rstrip(" ,;")
    return [a + "?" if text.rstrip().endswith("?") else a, m.group("b")[0].upper() + m.group("b")[1:] + "?"]


UNIT_CELL = re.compile(r"(?<=\S)\s+(?P<u>Người|Hộ|Lượt|Cái|Chiếc|Con|Triệu đồng|Nghìn đồng|Tỷ đồng|Đồng|Ha|Tấn|Kg|%)"
                       r"(?=\s+[A-ZĐÀ-Ỹ]|\s*$)")


def unit_row(text: str) -> list[Ask]:
    """A form's row copied with its unit column ('Số lao động đầu năm Người Số lao động cuối năm Người', 'Trong đó:
    Nữ Người Trong đó: Nữ Người'): each label before a unit (written with a capital, as a column's cell) is a
    figure in that unit. Only when the line ends with such a unit and holds at least two."""
    s = text.strip()
    cells = list(UNIT_CELL.finditer(s))
    if len(cells) < 2 or cells[-1].end() != len(s) or BLANK.search(s):
        return []
    out, start = [], 0
    for m in cells:
        label = s[start:m.start()].strip(" ;,")
        if len(label.split()) < 1 or not label[:1].isupper() or len(label.split()) > 14:
            return []
        unit = m.group("u").lower()
        out.append(Ask(label, unit_type(unit), unit))
        start = m.end()
    return out
