"""Several labelled blanks in one sentence, after a heading's colon or not ('Công tác tuyên truyền: số buổi …… buổi;
số lượt người tham gia …… lượt người', 'số tổ …… tổ; tổng số hòa giải viên …… người (trong đó: nữ …… người, …)')
→ one figure per blank: its label the prompt (no dots), the words after the blank its unit, the heading none of them.

- parts are cut at ';' and ',' outside parentheses; a part is 'label …… unit' (a unit of three words at most);
- a part whose label is no figure of its own, after one that is ('Số nhà xây mới …… căn, sửa chữa …… căn'), names the
  same thing in parallel: its words take the place of as many last words of the label before ('Số nhà sửa chữa');
- a breakdown after 'trong đó:' / 'hình thức:' / 'chia ra:' (in parentheses or not) asks each part of the figure before
  it ('Tổng số hòa giải viên nữ'), in its unit;
- a part with no label after a heading ('Thu hồi vũ khí …: …… khẩu súng, …… kg vật liệu nổ'): the heading and the
  words after the blank, in the unit they begin with.

[] unless every part reads so and there are two figures or more (one after a heading)."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, guess_type, measure_unit
from dialogs.importer.inline_counts import NOUN_AFTER
from dialogs.importer.lexicon import top_split
from dialogs.importer.placeholders import unit_type

BLANK = r"(?:…|\.{2,}|_{3,})[\s.…_]*"
PART = re.compile(rf"^(?P<l>[^…_]*?)\s*:?\s*{BLANK}(?P<u>[^…_]*)$")
HEADING = re.compile(r"^(?P<h>[^:;…_()]{3,120}?)\s*:\s*(?=[^\s…._])")
BARE_HEADING = re.compile(rf"^(?P<h>[^:;…_()]{{3,120}}?)\s*:\s*(?={BLANK}[^\W\d_]+(?:\s[^\W\d_]+)+\s*,)")
BREAKDOWN = re.compile(r"(?i),?\s*\(?\s*(?:trong đó|hình thức|chia ra|bao gồm|gồm)\s*:\s*")
FIGURE = re.compile(r"(?i)^(?:tổng\s+)?(?:số|tỷ lệ|tỉ lệ|kinh phí|số tiền|diện tích)\b")
WORDS = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+){1,9}$")
# things counted that the general list lacks ('…… đối tượng đánh bạc')
MORE_NOUNS = re.compile(r"(?i)^(?P<n>đối tượng|phương tiện|tài khoản|sản phẩm|nhân khẩu)\s+(?P<r>.+)$")
BULLET = re.compile(r"^\s*[-–+•*]\s*")
UNIT = re.compile(r"^(?:%|[^\W\d_][\w/²³]*(?:\s[^\W\d_][\w/²³]*){0,2})$")


def _cap(s: str) -> str:
    s = s.strip(" ,.;:")
    return s[:1].upper() + s[1:]


def _figure(label: str, unit: str) -> Ask:
    if unit and not FIGURE.match(label):  # 'kết nạp mới …… đoàn viên': read as the field 'kết nạp mới: …… đoàn viên'
        from dialogs.importer.questions import asks_from_text  # (questions.py reads this module first)

        field = asks_from_text(f"{_cap(label)}: …… {unit}")
        if len(field) == 1:
            return field[0]
    if unit:
        return Ask(_cap(label), unit_type(unit), unit)
    typ, u, why = guess_type(label)
    return Ask(_cap(label), typ if typ not in ("text", "longtext") else "integer", u, guessed=why)


def _part(text: str) -> tuple[str, str] | None:
    """'số buổi tuyên truyền …… buổi' → ('số buổi tuyên truyền', 'buổi'); None when it is no labelled blank."""
    m = PART.match(text.strip(" ,.;)"))
    if not m or re.search(rf"{BLANK}", m.group("u")):
        return None
    unit, label = m.group("u").strip(" ,.;)"), BULLET.sub("", m.group("l")).strip(" ,:")
    if unit and not (UNIT.match(unit) or not label and WORDS.match(unit)):  # ('…… kg vật liệu nổ': the noun too)
        return None
    return label, unit


def _parallel(label: str, before: Ask, unit: str) -> str | None:
    """'sửa chữa' after 'Số nhà xây mới' (in the same unit) → 'Số nhà sửa chữa'; a label of its own as it is; None
    for words that part no figure ('…… phiếu, chiếm …… %')."""
    words, prev = label.split(), before.prompt.split()
    if FIGURE.match(label):
        return label
    if not unit or unit != (before.unit or "") or len(words) > 3 or len(prev) <= len(words) + 1:
        return None
    return " ".join(prev[: -len(words)] + words)


def _unlabelled(heading: str, unit: str) -> Ask | None:
    """'…… khẩu súng' under 'Thu hồi vũ khí …': the heading and the words, in the unit they begin with."""
    words = unit.split()
    noun = NOUN_AFTER.match(unit)  # '…… đồng chí', '…… hội viên': a thing of two words counted, not a measure
    first = noun.group("n") if noun and not noun.group("r") else words[0] if words and measure_unit(words[0]) or words and len(words) > 1 else None
    if not heading or not first:
        return None
    return Ask(f"{_cap(heading)}: {unit}", unit_type(first), first)


def _comma_parts(text: str) -> list[str]:
    """The parts between ',' (outside parentheses), a part with no blank going on into the next ('tổng số vụ, việc
    tiếp nhận …… vụ việc')."""
    out: list[str] = []
    carry = ""
    for p in top_split(text, ","):
        if re.search(BLANK, p):
            out.append(f"{carry} {p}".strip())
            carry = ""
        else:
            carry += f"{p},"
    return out + ([carry] if carry else [])


def _shared_thing(main: str, heading: str, verb: list[str]) -> list[Ask] | None:
    """'phát hiện …… vụ, …… đối tượng đánh bạc' (under 'Tệ nạn xã hội:'): counts in several units of one thing named
    after the last → 'Tệ nạn xã hội: số vụ đánh bạc phát hiện', '…: số đối tượng đánh bạc phát hiện'; the verb
    before the first goes on to the next piece ('; …… vụ, …… đối tượng sử dụng …'). None for any other piece."""
    parts = [_part(t) for t in _comma_parts(main)]
    if not heading or len(parts) < 2 or any(p is None for p in parts):
        return None
    *counts, (last_label, last_unit) = [p for p in parts if p is not None]
    words = last_unit.split()
    if last_label or len(words) < 2 or any(len(u.split()) != 1 or label and (FIGURE.match(label) or len(label.split()) > 3)
                                           or k and label for k, (label, u) in enumerate(counts)):
        return None
    noun = MORE_NOUNS.match(last_unit) or NOUN_AFTER.match(last_unit)
    unit, rest = (noun.group("n"), noun.group("r").strip()) if noun else (words[0], " ".join(words[1:]))
    if not rest:
        return None
    if counts[0][0]:
        verb[:] = [counts[0][0]]
    tail = rest + (f" {verb[0]}" if verb else "")
    return [Ask(f"{_cap(heading)}: số {u} {tail}", unit_type(u), u) for u in [u for _, u in counts] + [unit]]


def _counted_after(label: str, before: Ask | None, unit: str) -> str | None:
    """'kết nạp mới' after 'Tổng số đảng viên: …… đồng chí' (in the same unit, past a ';') → 'Số đảng viên kết nạp
    mới': the noun the figure before counts, then the label; None when there is no such figure."""
    if before is None or FIGURE.match(label) or not unit or unit != (before.unit or "") or not FIGURE.match(before.prompt):
        return None
    from dialogs.importer.counts import head_noun, strip_count_verb

    noun = head_noun(strip_count_verb(before.prompt))
    return f"Số {noun} {label}" if noun and len(noun.split()) <= 2 and not FIGURE.match(noun) else None


def _piece_asks(piece: str, heading: str, verb: list[str], before: Ask | None = None) -> list[Ask] | None:
    """One piece between ';': its figures (a breakdown's parts after the figure they part); `before` the last figure
    of the piece before it."""
    cut = BREAKDOWN.search(piece)
    main, parts = (piece[: cut.start()], piece[cut.end() :].rstrip(" )")) if cut else (piece, "")
    shared = _shared_thing(main, heading, verb)
    if shared is not None:
        return shared
    asks: list[Ask] = []
    for text in _comma_parts(main):
        got = _part(text)
        if got is None:
            return None
        label, unit = got
        if not label:
            ask = _unlabelled(heading, unit)
            if ask is None:
                return None
            asks.append(ask)
            continue
        named = _parallel(label, asks[-1], unit) if asks else _counted_after(label, before, unit) or label
        if named is None or not FIGURE.match(named) and unit in ("", "%"):
            return None  # ('Mã số thuế …': a form's field; '…; đạt tỷ lệ …%': the rate of the count before)
        asks.append(_figure(named, unit))
    if parts:
        if not asks:
            return None
        base = asks[-1]
        for text in top_split(parts, ","):
            got = _part(text)
            if got is None or not got[0] or len(got[0].split()) > 8:
                return None
            asks.append(Ask(f"{base.prompt} {got[0]}", base.type, got[1] or base.unit))
    return asks


def _bare_heading(t: str) -> re.Match | None:
    """'Thu hồi vũ khí: …… khẩu súng, …… kg …' (a heading over unlabelled counts); not 'Số đảng viên …: …… đồng chí,
    trong đó: …' (a figure's label, its blank in a unit of two words)."""
    m = BARE_HEADING.match(t)
    first = re.match(rf"{BLANK}(?P<u>[^,]+),", t[m.end():]) if m else None
    noun = NOUN_AFTER.match(first.group("u").strip()) if first else None
    return None if noun and not noun.group("r") and FIGURE.match(BULLET.sub("", m.group("h"))) else m


def blank_run(text: str) -> list[Ask]:
    """The figures of a line of labelled blanks (see the module's note); [] for any other line."""
    t = re.sub(r"\s+", " ", re.sub(r"\.{3,}", "……", text.strip())).rstrip(" .;")  # ('khai trừ ......': a blank too)
    if "?" in t or "□" in t or len(re.findall(BLANK, t)) < (1 if HEADING.match(t) else 2):
        return []  # (one labelled blank alone: the field rules')
    head = HEADING.match(t) or _bare_heading(t)
    heading = head.group("h").strip() if head else ""
    rest = t[head.end() :] if head else t
    if re.match(rf"^{BLANK}", rest) and not heading:
        return []
    labelled = head is not None and head.re is HEADING  # 'Heading: số X …… đv': one figure is enough
    asks: list[Ask] = []
    verb: list[str] = []  # a verb before a piece's first count, carried on to the pieces after it
    for piece in top_split(rest, ";"):
        got = _piece_asks(piece.strip(), heading, verb, asks[-1] if asks else None)
        if not got:
            return []
        asks.extend(got)
    if len(asks) < (1 if labelled and FIGURE.match(asks[0].prompt if asks else "") else 2):
        return []
    return asks
