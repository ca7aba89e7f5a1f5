"""Guidance and labels: what a heading's guidance asks ('Nêu rõ số, ngày …; khó khăn …'), which question it
helps, documents and lists asked for, and a form's labelled blanks ('Tên đơn vị: ……', 'Có: Không:')."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, ask_of, choice_ask, field_type, guess_type, measure_unit
from dialogs.importer.counts import head_noun
from dialogs.importer.lexicon import (
    ATTR_START,
    ATTRS_VI,
    BLANK_AFTER_COLON,
    COUNT_HEAD,
    DATE_VALUE,
    DOCS_RE,
    FIGURE_WORDS,
    FOOTNOTE_DIGIT,
    GUIDE_VERB,
    IN_WORDS,
    ITEM_NOUNS,
    LABELLED_GUIDE,
    NAME_LABEL,
    NOT_TITLE,
    REASONS,
    TITLED,
    TRAIL_REF,
    UNIT_WORDS,
    YESNO_COLON,
    clean_prompt,
    measure_word,
    top_split,
)
from dialogs.importer.lost_blanks import lost_blank_asks
from dialogs.importer.unit_parens import unit_first
from dialogs.text import fold, norm_words


def list_ask(note: str) -> Ask | None:
    """A note 'Liệt kê, ghi rõ trích yếu, ngày, cơ quan ban hành văn bản.' on a count → the list it asks for."""
    note = note.strip().rstrip(".")
    if not re.match(r"^(liệt kê|danh mục|danh sách)\b", note, re.I):
        return None
    fields = [re.sub(r"^(ghi rõ|nêu rõ|gồm)\s+", "", f, flags=re.I) for f in list_fields(note)]
    fields = [f[0].upper() + f[1:] for f in fields if f]
    return Ask(note, "list", fields=fields or None)


def list_fields(inner: str) -> list[str]:
    inner = re.sub(r"^(liệt kê|danh mục|danh sách)\s*(danh mục|danh sách)?\s*[:,]?\s*", "", inner.strip(), flags=re.I)
    parts = [p.strip(" .;") for p in re.split(r",|;", inner) if p.strip(" .;")]
    return [p[0].upper() + p[1:] for p in parts if len(p) < 80][:8]


def field_names(note: str) -> list[str] | None:
    """'tên sản phẩm, chủ thể, thời gian công nhận' → those fields; None for a sentence of guidance."""
    parts = list_fields(re.sub(r"^(?:ghi rõ|nêu rõ|gồm|bao gồm)\s*:?\s*", "", note.strip(), flags=re.I))
    if len(parts) < 2 or any(len(p.split()) > 5 or re.search(r"[:?]", p) for p in parts):
        return None
    return parts


def documents_ask(inner: str) -> Ask | None:
    """'(ghi rõ số, ngày tháng năm ban hành văn bản lãnh đạo nếu có)' → 'Văn bản lãnh đạo (ghi rõ số, ngày tháng năm
    ban hành nếu có)', a documents question."""
    first = top_split(inner, ";")[0] if inner.strip() else ""
    m = re.search(r"\s(văn bản(?:\s(?!nếu có)[^;()]*?)?)(?=\s+nếu có\b|$)", first.strip(" .;"), re.I)
    if not DOCS_RE.search(fold(first)) or not m:
        return None
    name = m.group(1).strip(" ,")
    guide = (first[:m.start()] + first[m.end():]).strip(" ,.;")
    if name.lower() == "văn bản":
        name = "văn bản đã ban hành"
    return Ask(f"{name[0].upper()}{name[1:]} ({guide[0].lower()}{guide[1:]})", "documents", "văn bản")


def documents_counts(inner: str) -> list[str]:
    """'(Nêu rõ số, ngày … ban hành văn bản …; các hội nghị quán triệt, triển khai…)': after the documents, the
    events a 'nêu rõ số …' note names are counted ('Số hội nghị quán triệt, triển khai…')."""
    parts = top_split(inner, ";")
    if len(parts) < 2 or not DOCS_RE.search(fold(parts[0])):
        return []
    out = []
    for p in parts[1:]:
        m = re.match(r"^(?:và\s+)?(?:các|những)\s+(?P<n>.+)$", p.strip(" .;…"), flags=re.I)
        if m and measure_word(f"số {m.group('n')}") and len(m.group("n").split()) <= 20:
            out.append(clean_prompt(f"Số {m.group('n')}"))  # a plural noun phrase of countable things
    return out


# 'Được phép xây dựng công trình: (tên công trình)……': the note between the colon and the blank is the label's
NOTE_BEFORE_BLANK = re.compile(r":\s*(\([^()]{2,40}\))\s*(?=…|\.{3,}|_{3,})")


def _in_words(out: list[Ask], label: str) -> Ask | None:
    """'…: …… ghi bằng chữ: ……': the field before it again, written in words (a text)."""
    return Ask(f"{out[-1].prompt} {label.strip('() ').lower()}", "text") if out and IN_WORDS.fullmatch(label) else None


UNIT_THEN_LABEL = re.compile(r"^(?P<u>[a-zđà-ỹ]+[23²³]?(?:/[a-zđà-ỹ]+)?)\s*,\s*(?P<r>[^\W\d_].*)$")


def _unit_then_label(out: list[Ask], label: str) -> str:
    """'…: …… m2, bao gồm mấy mảnh: ……': the unit of the blank before (its ask in out), then the next label."""
    leading = UNIT_THEN_LABEL.match(label) if out else None
    if not leading or not UNIT_WORDS.match(leading.group("u")):
        return label
    out[-1].unit = out[-1].unit or leading.group("u")
    out[-1].type = "decimal" if out[-1].type == "text" else out[-1].type
    return leading.group("r")[0].upper() + leading.group("r")[1:]


def labelled_blanks(text: str) -> list[Ask]:
    """A form's line of labelled blanks with no unit after them ('Số Giấy chứng nhận …:……… Ngày cấp: ……/…../…….
    Nơi cấp:', 'Tên HTX (viết đầy đủ bằng chữ in hoa):……'): one ask per label — a date where the blank is
    '…/…/…', a figure where the label counts, else a line of text. A blank followed by its unit ('… người') is
    left to the counts."""
    # 'Thời gian bắt đầu: Ngày …/…/2021': a date's blanks (the year printed or not) after the word 'Ngày'
    text = re.sub(r"(?i)(:\s*)ngày(?=\s*(?:\.|…|_)+\s*/)", r"\1", text)
    text = re.sub(r"(/\s*)(?:19|20)\d\d\b", r"\1……", text)
    # 'Chủ trì: Ông (bà) ……… Chức vụ: ………': the person's title before the blank belongs to the label
    text = re.sub(r"(?i)(:\s*(?:ông|bà|đồng chí|đ/c)(?:\s*(?:\(\s*bà\s*\)|/\s*bà))?)\s*(?=…|\.{3,}|_{3,})", r"\1: ", text)
    text = NOTE_BEFORE_BLANK.sub(r" \1: ", text)  # '…: (tên công trình)……': the note is the label's
    marks = list(BLANK_AFTER_COLON.finditer(text))
    if not any(m.group(0).strip(" :") for m in marks):  # 'Tên cơ sở: Trường ……': a word printed before the blank
        text = _printed_label(text)
        marks = list(BLANK_AFTER_COLON.finditer(text))
    if not any(m.group(0).strip(" :") for m in marks):  # 'Thuận lợi:' alone is a heading that asks, not a blank
        return []
    out: list[Ask] = []
    start = 0
    for m in marks:
        label = FOOTNOTE_DIGIT.sub("", text[start:m.start()]).strip(" .;,")
        start = m.end()
        if not (label := _unit_then_label(out, label)):
            continue
        head, colon, rest = label.partition(":")
        value, comma, nxt = _last_label(rest)
        if colon and comma and value.strip() and 0 < len(nxt.split()) <= 4 and len(head.split()) <= 10:
            # 'Nơi cấp: Bộ công an, ngày cấp: ……': a filled field, then the label of the blank
            out.append(Ask(head.strip(), *field_type(head.strip())))
            label = nxt.strip()[0].upper() + nxt.strip()[1:]
        if out and not colon and re.search(r"\.\s+\S", label):  # '…, tỉnh Kon Tum. Điện thoại: ……': the value
            label = re.split(r"\.\s+(?=\S)", label)[-1]  # filled in the blank before ends; the next label begins
        if out and label[0].islower() and len(label.split()) <= 6:  # 'Ông/bà: ……; chức vụ: ……': the next label
            label = label[0].upper() + label[1:]
        if len(re.sub(r"\([^()]*\)", "", label).split()) > 25 or not label[0].isupper():
            return []
        chosen = _in_words(out, label) or choice_ask(label)
        if chosen is not None:  # 'Loại hình doanh nghiệp (Doanh nghiệp tư nhân, Công ty cổ phần, …): ……'
            out.append(chosen)
            continue
        typ, unit = field_type(label)
        if "/" in m.group(0):
            typ, unit = "date", None
        guide = LONG_GUIDE.search(label)  # 'Nội dung (chỉ ra tính mới, …; nêu cách thức …): ……': the guidance is help
        out.append(Ask(label[:guide.start()], typ, unit, [guide.group("g")]) if guide else Ask(label, typ, unit))
    tail = text[start:].strip(" .;,")
    last = re.fullmatch(r"(?P<l>[^…:]{2,60}?)\s*(?:…|\.{3,}|_{3,})[….\s_]*", tail) if tail else None
    if last and out and len(last.group("l").split()) <= 8:  # '…: ……… theo Quyết định số của ………': one more label
        label = last.group("l").strip(" ,;")
        out.append(Ask(label[0].upper() + label[1:], *field_type(label)))
    elif tail and out and (note := TAIL_NOTE.fullmatch(TAIL_BLANK.sub(" ", tail).strip(" .;,"))):
        _noted(out[-1], " ".join(note.group("n").split()).strip(" ,;."))  # 'Là: …… (tư cách làm đơn, ví dụ …)'
    elif tail and out and (filled := tail_field(tail)):  # '… Chức vụ: Bí thư chi bộ', '… Giới tính: Nam □ Nữ □'
        out.append(filled)
    elif tail:  # more labels whose blanks the line lost, else a unit ('…: …… ha (ước …… triệu đồng)': the counts')
        more = _trailing_labels(tail) if out and not unit_first(tail) else []
        if not more:
            return []
        out.extend(more)
    return _parts_of_head(out) if SUB_LABEL.match(text.strip()) else out


SUB_LABEL = re.compile(r"^[^:…]{2,80}:\s*[^\W\d_][^:…]{0,30}:\s*(?:…|\.{2,}|_{2,})")  # 'Tổng số …: Nữ: ……'


def _parts_of_head(out: list[Ask]) -> list[Ask]:
    """'Tổng số thành viên: Nữ: …; Nam: …': the first label's head, a count ('Tổng số thành viên'), heads the short
    labels after it too ('Tổng số thành viên: Nam', a count)."""
    head, colon, part = out[0].prompt.partition(":") if out else ("", "", "")
    if not colon or len(part.split()) > 3 or len(out) < 2 or out[0].type not in ("integer", "decimal") \
            or any(":" in a.prompt or len(a.prompt.split()) > 3 for a in out[1:]):
        return out
    for a in out[1:]:
        a.prompt = f"{head}: {a.prompt}"
        if a.type == "text":
            a.type, a.unit = out[0].type, out[0].unit
    return out


def tail_field(tail: str) -> Ask | None:
    """The last label of a line of blanks with no blank of its own: one unit's value ('Chức vụ: Bí thư chi bộ': the
    label asks), or boxes to tick ('Giới tính: Nam □ Nữ □': a choice, or a yes/no); None for other words."""
    if re.search(r"[□☐]", tail):
        # (field_lines reads this module's neighbours first)
        from dialogs.importer.field_lines import field_line_asks

        asks = field_line_asks(tail)
        return asks[0] if len(asks) == 1 and asks[0].type in ("choice", "multichoice", "yesno") else None
    filled = FILLED_TAIL.fullmatch(tail)
    return Ask(filled.group("l"), *field_type(filled.group("l"))) if filled else None


PRINTED_WORD = re.compile(r"(:\s*[A-ZĐÀ-Ỹ][^\W\d_]*)\s*(?=…|\.{3,}|_{3,})")


def _printed_label(text: str) -> str:
    """'Tên cơ sở: Trường ……' → 'Tên cơ sở: Trường: ……': a capitalised word printed before the blank is the label's
    ('đạt …… điểm' is a figure's verb, no label)."""
    printed = next((w for w in PRINTED_WORD.finditer(text) if w.group(1).lstrip(": ")[0].isupper()), None)
    return f"{text[:printed.start()]}{printed.group(1)}: {text[printed.end():]}" if printed else text
TAIL_NOTE = re.compile(r"\(\s*(?P<n>[^()]+)\)")
EXAMPLE = re.compile(r"(?i),?\s*\b(?:ví dụ|chẳng hạn)\b\s*[:,]?\s*")


def _noted(ask: Ask, note: str) -> None:
    """A note in parentheses after a labelled blank: the label's help ('Họ và tên: …… (viết chữ in hoa)'); a label
    of one word says nothing alone, its note's head goes into the prompt ('Là (tư cách làm đơn)'), an example after
    it stays the help ('Ví dụ: chủ hộ')."""
    if not note:
        return
    head, *example = EXAMPLE.split(note, maxsplit=1)
    if len(ask.prompt.split()) == 1 and head.strip(" ,;"):
        ask.prompt = f"{ask.prompt} ({head.strip(' ,;')})"
        ask.type, ask.unit = field_type(ask.prompt)
        if example and example[0].strip(" ,;"):
            ask.help.append(f"Ví dụ: {example[0].strip(' ,;')}")
        return
    ask.help.append(note[0].upper() + note[1:])


# a label's closing parenthesis of guidance, ten words or more, after a label of its own ('Nội dung giải pháp (chỉ ra …)')
LONG_GUIDE = re.compile(r"(?<=\w)\s*\((?P<g>[^()]*(?:\S+\s+){9,}[^()]*)\)\s*$")
FILLED_TAIL = re.compile(r"(?P<l>[A-ZĐ][^:…;.]{1,30}?)\s*:\s*(?P<v>[^:…;.]{1,40})")
SLASHED_WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)+")  # 'xã/phường': a label's alternatives
# (a date's blank '…./…./….' is one blank: its slashes go with it)
TAIL_BLANK = re.compile(r"(?:…|\.{3,}|_{3,})(?:[….\s_]|/(?=\s*[….…_]))*")


def _trailing_labels(tail: str) -> list[Ask]:
    """'… ngày………… cơ quan cấp', '…Tần suất hoạt động (thường xuyên hoặc theo mùa vụ)': after a form's labelled
    blanks, short labels whose blank is lost at the end of the line (a note in parentheses is their help). [] when
    a piece is a unit ('… người'), a sentence or too long."""
    out: list[Ask] = []
    pieces = [p.strip(" ,;.") for p in TAIL_BLANK.split(tail) if p.strip(" ,;.")]
    if len(pieces) == 1 and pieces[0][:1].islower():  # '…: …… sản phẩm': the blank's unit, not another label
        return []
    for piece in pieces:
        bare = re.sub(r"\s*\([^()]*\)", "", piece).strip(" ,;.:-–")
        words = bare.split()
        if not 1 <= len(words) <= 8 or measure_unit(bare) or re.search(r"[.?!;:]", bare) or not bare[0].isalpha():
            return []
        if len(words) == 1 and bare.lower() != "ngày" and not (len(pieces) > 1 and SLASHED_WORD.fullmatch(bare)):
            return []  # one lower-case word after a blank is its unit ('xã/phường …… quận/huyện ……': two labels)
        notes = [n.strip() for n in re.findall(r"\(([^()]*)\)", piece) if n.strip()]
        label = bare[0].upper() + bare[1:]
        out.append(Ask(label, *field_type(label), help=[n[0].upper() + n[1:] for n in notes]))
    return out


def _last_label(rest: str) -> tuple[str, str, str]:
    """'Bộ công an, ngày cấp' / 'Làm nông tại thôn A, xã B. Điện thoại' → (value, separator, the next label): the
    value filled after a label ends at its last comma or full stop."""
    cut = max(rest.rfind(", "), rest.rfind(". "))
    return (rest[:cut], rest[cut], rest[cut + 2:]) if cut >= 0 else ("", "", rest)


def colon_labels(text: str) -> list[Ask]:
    """A form whose blanks the copy lost, on one line: 'Trường có Ban Sức khoẻ không: Có: Không:' → a yes/no
    question; 'Tổng số học sinh: Nam: Nữ:' → three labels, the parts of a count counted too. [] otherwise."""
    m = YESNO_COLON.match(text)
    if m:
        return [Ask(m.group("q").strip(), "yesno")]
    lost = lost_blank_asks(text)
    if lost:
        return lost
    if not text.endswith(":") or BLANK_AFTER_COLON.search(text.rstrip(":")) or "…" in text or ".." in text:
        return []
    parts = [p.strip(" -") for p in text.rstrip(": ").split(":")]
    if len(parts) < 2 or any(not p or len(p.split()) > 8 or not p[0].isupper() or "." in p for p in parts):
        return []
    head_type, head_unit = field_type(parts[0])
    out = [Ask(parts[0], head_type, head_unit)]
    for p in parts[1:]:
        typ, unit = field_type(p)
        if head_type == "integer" and typ == "text" and len(p.split()) <= 3:  # 'Nam', 'Nữ' of a count
            typ, unit = "integer", head_unit
        out.append(Ask(p, typ, unit))
    return out


def labelled_guide(text: str) -> list[Ask]:
    """'Công tác kiểm tra …: Nêu rõ việc có hay không ban hành kế hoạch kiểm tra; tổng số cuộc kiểm tra; kết quả
    kiểm tra' → one ask per part ('… có hay không …' yes/no, a count, a narrative); the label is their help."""
    m = LABELLED_GUIDE.match(text)
    if not m:
        return []
    parts = [p.strip(" .;") for p in top_split(m.group("rest"), ";") if p.strip(" .;")]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return []
    out: list[Ask] = []
    for p in parts:
        p = re.sub(r"^việc\s+(?=có hay không)", "", p, flags=re.I)
        a = ask_of(p[0].upper() + p[1:])
        if re.search(r"\bcó hay không\b|\bđã\b.*\bhay chưa\b", p, re.I):
            a.type, a.unit = "yesno", None
        out.append(a)
    out[0].help.append(m.group("label").strip())
    return out


LISTED_AFTER_LABEL = re.compile(r"^(?P<label>[^:()\d?;]{3,60}?)\s*:\s+(?P<rest>[^:?]+?)[.;]?$")


def labelled_list(text: str) -> list[Ask]:
    """'Tình hình thiên tai: loại hình thiên tai; thời gian xuất hiện; diễn biến, cường độ …; độ ngập sâu (nếu có)'
    → one ask per thing listed after the label, each typed by its own words; the label is their help. [] unless
    three things or more, each a short name in lower case that states nothing (no figure, no 'đã' outside a note)."""
    m = LISTED_AFTER_LABEL.match(text.strip())
    if not m or BLANK_AFTER_COLON.search(text) or len(m.group("label").split()) > 8:
        return []
    parts = [p.strip(" .;,") for p in top_split(m.group("rest"), ";") if p.strip(" .;,")]
    if len(parts) < 3:
        return []
    for p in parts:
        bare = re.sub(r"\([^()]*\)", "", p)
        if not p[:1].islower() or len(bare.split()) > 12 or re.search(r"\d|\bđã\b|[.!]\s", bare):
            return []
    out = [_listed_ask(p[0].upper() + p[1:]) for p in parts]
    out[0].help.append(m.group("label").strip(" -–+•"))
    return out


NAMED_KIND = re.compile(r"(?i)^(?:loại|loại hình|tên|mã|số hiệu|địa chỉ)\b")
MEASURED_THING = re.compile(r"(?i)^(?:độ (?:ngập|sâu|cao|dài|rộng)|mực nước|diện tích|chiều (?:dài|rộng|cao|sâu))\b")


def _listed_ask(prompt: str) -> Ask:
    """A thing listed after a label: a date, a figure or a measure by its words, a kind or a name a line of text,
    anything else written out."""
    if MEASURED_THING.match(prompt):
        return Ask(prompt, "decimal")
    if re.match(r"(?i)^(?:thời gian|thời điểm|ngày)\s+\w+", prompt):  # 'thời gian xuất hiện': when it happened
        return Ask(prompt, "date")
    typ, unit = field_type(re.sub(r"\s*\([^()]*\)", "", prompt))
    if typ == "text" and not NAMED_KIND.match(prompt):
        return ask_of(prompt)
    return Ask(prompt, typ, unit)


def titled_ask(text: str) -> list[Ask]:
    """'Đặt vấn đề: Nêu lên sự cần thiết của đề tài, …' → the short title asks, the rest is its guidance; a filled
    field 'Tên sáng kiến: Vận dụng …' / 'Thời gian triển khai: từ ngày 01 tháng 6 năm 2013' → the label asks (a line
    of text for a name, a date where the value is one). [] when the line is no 'Title: words' pair."""
    m = TITLED.match(text.strip())
    if not m or BLANK_AFTER_COLON.search(text):
        return []
    label, rest = m.group("label").strip(" -–+•"), m.group("rest").strip()
    if not label[:1].isupper() or len(label.split()) > 8 or len(rest.split()) < 3 or NOT_TITLE.match(label):
        return []
    if COUNT_HEAD.match(rest) or re.match(r"(?i)t[ỷỉ] lệ\s", rest) or re.search(r"\bhay không\b|\bbao nhiêu\b", rest, re.I):
        return []
    if fold(rest).replace("□", " ").replace("☐", " ").split() == ["co", "khong"]:  # '…: Có □ Không □': two boxes
        return [Ask(label, "yesno")]
    if DATE_VALUE.search(rest) and re.match(r"^(?:thời gian|ngày)\b", label, re.I):
        return [Ask(label, "date", help=[f"Ví dụ: {rest}"])]
    if NAME_LABEL.match(label):
        return [Ask(label, "text", help=[f"Ví dụ: {rest}"])]
    choice = choice_ask(label)
    if choice is not None:
        return [choice]
    typ, unit, _ = guess_type(label)
    return [Ask(label, typ, unit, help=[rest[0].upper() + rest[1:]])]


def _guide_items(rest: str) -> list[str]:
    """'nhiệm vụ chưa hoàn thành, khó khăn, vướng mắc và nguyên nhân' → its items (', ' and ' và ' outside
    parentheses; a comma inside 'của từng ban, sở, ngành' does not split when the next words name no item)."""
    parts = re.split(rf",\s+(?=(?:từng\s+|các\s+)?(?:tên|{ATTRS_VI}|{REASONS}|{'|'.join(ITEM_NOUNS)})\b)"
                     rf"|\s+và\s+(?=(?:{REASONS}|{ATTRS_VI}|tên)\b)|\s*;\s*", rest, flags=re.I)
    return [p.strip(" ,.;") for p in parts if p.strip(" ,.;")]


def _field_label(item: str) -> str:
    label = re.sub(r"^từng\s+", "", item.strip(), flags=re.I)
    words = label.split()
    if len(words) > 6:  # 'tên thủ tục thuộc thẩm quyền giải quyết của từng ban…' → 'Tên thủ tục'
        label = re.split(r"\s(?:thuộc|của|trong|tại|theo)\s", label, maxsplit=1)[0]
    return label[0].upper() + label[1:]


ONE_FIGURE = re.compile(r"(?i)^(?:nêu|ghi)(?:\s+rõ|\s+cụ thể)?\s+(?P<f>(?:tổng số|số lượng|số(?!\s+liệu)|tỷ lệ)\s"
                        r"(?![^,;:()]*\btừng\b)[^,;:()]{3,80})$")  # ('số liệu từng cơ quan': a table's rows)


def guidance_asks(owner: Ask, guide: str) -> list[Ask]:
    """A parenthesis that asks for more than a number can hold becomes a question of its own:
    - on a count, '(nêu rõ khó khăn, vướng mắc và nguyên nhân …)' → a narrative question with those words;
    - on a count, '(ghi rõ từng lĩnh vực, tên thủ tục …)', '(ghi rõ thời gian dự kiến ban hành)' → the list of
      the counted items with those fields;
    - on a narrative ask, '(nêu rõ nhiệm vụ chưa hoàn thành, khó khăn … và nguyên nhân)' → the ask itself is a
      list (one row per item named first) with those fields.
    Returns the new asks (none when the parenthesis is only help)."""
    figure = ONE_FIGURE.match(guide.strip().rstrip(" .;"))
    if figure:  # '(nêu cụ thể số lượng văn bản đã ban hành)': the figure is asked besides the words
        prompt = figure.group("f")[0].upper() + figure.group("f")[1:]
        return [Ask(prompt, *guess_type(prompt)[:2])]
    m = GUIDE_VERB.match(guide.strip())
    if not m:
        return []
    rest = guide.strip()[m.end():].rstrip(" .;")
    if owner.type == "integer" and NAMED_EACH.match(rest):  # '(Ghi rõ họ, tên từng người; có lý do, …)': who
        return [_names_list(owner, guide.strip().rstrip(" .;"))]
    items = _guide_items(rest)
    if not items or FIGURE_WORDS.search(rest) or re.search(r"\bsố,?\s+ngày\b", rest, re.I):
        return []
    reasons = [bool(re.match(rf"^(?:{REASONS})\b", i, re.I)) for i in items]
    text = guide.strip().rstrip(" .;")
    if owner.type == "integer" and all(reasons):
        return [Ask(text[0].upper() + text[1:])]
    attrs = [bool(ATTR_START.match(i)) for i in items]
    if owner.type == "integer" and attrs[0] and not any(reasons):
        counted = COUNT_HEAD.sub("", owner.prompt.strip(), count=1)
        counted = re.sub(r"^(?:có|còn|đã có)\s+", "", TRAIL_REF.sub("", counted), flags=re.I).strip(" ?.")
        noun = head_noun(owner.prompt) or counted
        fields = [_field_label(i) for i in items]
        if not re.match(r"^(?:từng\s+)?(?:tên|" + "|".join(ITEM_NOUNS) + ")", items[0], re.I):
            fields.insert(0, noun[0].upper() + noun[1:])
        return [Ask(f"Danh sách {counted} ({text[0].lower()}{text[1:]})", "list", owner.unit, fields=fields[:8],
                    guessed="danh sách (đoán từ «ghi rõ …» sau một câu hỏi số)")]
    if (owner.type == "longtext" and len(items) >= 3 and re.match(r"^(?:" + "|".join(ITEM_NOUNS) + r")\b", items[0], re.I)
            and any(reasons)):
        owner.type, owner.fields = "list", [_field_label(i) for i in items][:8]
        owner.guessed = "danh sách (đoán từ «nêu rõ …» kể các mục của từng việc)"
        owner.help.append(guide)
    return []


NAMED_EACH = re.compile(r"(?i)^họ,?\s*(?:và\s+)?tên\s+(?:của\s+)?(?:từng|mỗi)\b")


def _names_list(owner: Ask, text: str) -> Ask:
    """The people counted, by name: 'Số đảng viên vắng mặt' + '(Ghi rõ họ, tên từng người; có lý do, …)'."""
    counted = COUNT_HEAD.sub("", owner.prompt.strip(), count=1).strip(" ?.:")
    return Ask(f"Danh sách {counted} ({text[0].lower()}{text[1:]})", "list", fields=["Họ và tên", "Ghi chú"])


def help_owner(asks: list[Ask], before: str) -> Ask | None:
    """The ask a parenthesis follows: the last one whose prompt ends with the most words written before it."""
    words = norm_words(before).split()
    ends = [norm_words(TRAIL_REF.sub("", a.prompt)) for a in asks]  # '… hiệu quả? (Biểu 2)' ends '… hiệu quả'
    for k in range(len(words), 0, -1):
        tail = " ".join(words[-k:])
        hits = [a for a, e in zip(asks, ends, strict=True) if e.endswith(tail)]
        if hits:
            return hits[-1]
    return asks[0] if asks else None
