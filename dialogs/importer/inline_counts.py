"""Blanks inside a sentence: 'giúp …… hộ thoát nghèo', 'thu hút …… lượt hội viên tham gia', '…… ha, đạt ……% kế
hoạch', 'vắng mặt: …… người (lý do: ……)', and a written clause before a count ('Tình hình …; số vụ vi phạm: …… vụ').

A line's clauses (split at ',' and ';', after an optional label ending in ':') each hold one blank followed by
the thing counted (a count noun or a measure's unit); words after that noun go on the sentence ('…… hộ thoát
nghèo'). Each clause is a figure named 'Số <noun> <the clause's words>' (placeholders/ask_types make it), a
percent after a figure is that figure's rate, a parenthesised '(lý do: ……)' after a count asks the reason."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, ask_of
from dialogs.importer.echoed_units import echoed_parts
from dialogs.importer.forms import BLANK
from dialogs.importer.lexicon import ITEM_NOUNS, top_split

# the things a blank counts or measures (general vocabulary of reports): the longest first
COUNT_NOUNS = sorted({
    "người", "hộ", "đồng chí", "đ/c", "đại biểu", "đảng viên", "đoàn viên", "hội viên", "thành viên", "học sinh",
    "sinh viên", "cán bộ", "công nhân", "lao động", "xã viên", "gia đình", "cháu", "em", "lượt", "buổi", "cuộc",
    "lớp", "hội nghị", "phiếu", "vụ", "vụ việc", "trường hợp", "tiêu chí", "chỉ tiêu", "công trình", "mô hình",
    "dự án", "văn bản", "hồ sơ", "đơn", "đơn thư", "cơ sở", "doanh nghiệp", "hợp tác xã", "tổ", "chi hội",
    "chi bộ", "thôn", "xã", "trường", "điểm", "tin", "bài", "suất", "phần quà", "con", "cái", "chiếc", "km", "ha",
    "tấn", "tạ", "kg", "m", "m2", "m²", "m3", "lít", "triệu đồng", "tỷ đồng", "nghìn đồng", "đồng", "ngày công",
    "người dân", *ITEM_NOUNS,
}, key=len, reverse=True)
NOUN_AFTER = re.compile(r"(?i)^(?P<n>%|(?:" + "|".join(re.escape(n) for n in COUNT_NOUNS) + r")(?:/(?:"
                        + "|".join(re.escape(n) for n in COUNT_NOUNS) + r"))?(?=\s|$|[,;.)]))"
                        r"\s*(?P<r>.*)$")
_NOUNS = "|".join(re.escape(n) for n in COUNT_NOUNS)
PAIRED_NOUNS = re.compile(r"(?i)((?:…|\.{2,}|_{2,})\s*(?:" + _NOUNS + r"))\s*,\s*(" + _NOUNS + r")(?=\s|$|[,;.])")
PAREN_BLANK = re.compile(r"\s*\((?P<l>[^():…]{2,30}?)\s*:\s*(?:…|\.|_|\s)+\)\s*$")
LINKS = re.compile(r"(?i)^(?:trong đó|với|gồm|bao gồm)\s*[:,]?\s*")
NOT_ASKED = re.compile(r"(?i)^(?:ghi|nêu|cụ thể|viết|bằng chữ)\b")  # '(ghi rõ: ……)', '(bằng chữ: ……)': the same answer
COUNT_START = re.compile(r"(?i)^(?:tổng\s+)?số(?:\s+lượng)?\s+\S")


def _clause(text: str) -> tuple[str, str, str] | None:
    """'thu hút …… lượt hội viên tham gia' → ('thu hút', 'lượt', 'hội viên tham gia'); None unless one blank
    followed by a counted noun."""
    runs = list(BLANK.finditer(text))
    if len(runs) != 1 or "(" in text:  # (a note in parentheses: the field rules read it)
        return None
    before = LINKS.sub("", text[:runs[0].start()].strip(" :"))  # ('trong đó …… hộ nghèo', 'với …… học sinh')
    m = NOUN_AFTER.match(text[runs[0].end():].strip(" .…"))
    if not m or ":" in before:
        return None
    if m.group("r")[:1].isupper() and m.group("n") != "%":  # '… tại …… thôn Đông': a place's name, no count
        return (before, "", m.group(0).strip(" .")) if before else None
    return before, m.group("n"), m.group("r").strip(" .")


def _figure(before: str, noun: str, rest: str, head: str, last: Ask | None) -> Ask:
    """One clause's figure; a bare rate after a figure ('đạt ……% kế hoạch') is that figure's rate."""
    if not noun:  # the blank before a place's name is where: a line of text
        return Ask(f"{before[:1].upper()}{before[1:]}", "text")
    words = " ".join(w for w in (before or head, rest) if w)
    if noun == "%":
        rate = f"tỷ lệ {words}" if not re.match(r"(?i)^tỷ lệ\b", words) else words
        owner = last.prompt if last is not None and len(before.split()) <= 2 else ""
        return Ask(f"{owner}: {rate}" if owner else rate[:1].upper() + rate[1:], "percent", "%")
    return ask_of(f"{words[:1].upper()}{words[1:]} ⟦u:{noun}⟧")


def blank_clauses(text: str) -> list[Ask]:
    """The figures of a line whose blanks stand inside its sentence (see the module's notes): [] unless a blank
    has words after its noun, a '(lý do: ……)' follows a count, or a count's sentence goes on after a comma."""
    s = text.strip().lstrip("-+•–* ").rstrip(" .;")
    reason = PAREN_BLANK.search(s)
    reason = None if reason and NOT_ASKED.match(reason.group("l")) else reason
    s = s[:reason.start()] if reason else s
    s = PAIRED_NOUNS.sub(r"\1/\2", s)  # 'phát …… tin, bài trên đài': two nouns of one count
    head, colon, body = (x.strip() for x in s.partition(":"))
    if not colon or BLANK.search(head) or len(head.split()) > 12:
        head, body = "", s
    clauses = [_clause(c) for c in top_split(body, ",;")]
    if not clauses or any(c is None for c in clauses):
        return []
    parts = [c for c in clauses if c is not None]
    inside = any(rest for _, _, rest in parts)
    first = COUNT_START.match(parts[0][0]) or (head and not parts[0][0])  # 'Số lớp: …… lớp, với …… học sinh'
    goes_on = (len(parts) >= 2 and ":" not in body and first and not parts[1][0][:1].isupper()
               and not COUNT_START.match(parts[1][0]))
    if not (inside or reason or goes_on) or any(not (b or head or r) for b, _, r in parts):
        return []
    asks: list[Ask] = []
    for before, noun, rest in echoed_parts(parts, head):  # ('…: …… tổ chức': the unit 'tổ chức', not 'tổ' + 'chức')
        asks.append(_figure(before, noun, rest, head if not asks else "", asks[-1] if asks else None))
    if head and parts[0][0]:
        asks[0].help.append(head[:1].upper() + head[1:] + ".")
    if reason:  # the reason of the last count, named by its words ('vắng mặt: …… người (lý do: ……)')
        before, _, rest = parts[-1]
        words = " ".join(w for w in (before or (head if len(parts) == 1 else ""), rest) if w)
        what = re.sub(r"(?i)^(?:tổng\s+)?số(?:\s+lượng)?\s+", "", words) or asks[-1].prompt
        asks.append(Ask(f"{reason.group('l')[:1].upper()}{reason.group('l')[1:]} {what[:1].lower()}{what[1:]}", "text"))
    return asks


def narrative_then_counts(text: str, asks_of) -> list[Ask]:
    """'Tình hình an ninh chính trị, trật tự an toàn xã hội; số vụ vi phạm: …… vụ' → the written ask (the clauses
    without a blank, five words or more) and the counts after it (each starting 'số', 'tổng số')."""
    parts = [p.strip(" .") for p in top_split(text.strip().lstrip("-+•–* ").rstrip(" .;"), ";")]
    written = [p for p in parts if not BLANK.search(p)]
    counts = parts[len(written):]
    if not written or not counts or parts[:len(written)] != written or any(BLANK.search(p) is None for p in counts):
        return []
    if any(len(p.split()) < 5 or re.search(r"[:?]", p) for p in written) or not all(COUNT_START.match(p) for p in counts):
        return []
    out = [Ask(p[:1].upper() + p[1:]) for p in written]
    for p in counts:
        found = asks_of(p[:1].upper() + p[1:])
        if not found:
            return []
        out.extend(found)
    return out


UNIT_ANSWER = re.compile(r"^(?:…|\.{2,}|_{2,})[….\s_]*(?P<u>%|(?:" + "|".join(re.escape(n) for n in COUNT_NOUNS)
                         + r"))\s*\.?$", re.I)


def unit_answers(seq: list) -> list:
    """'1. Gia đình có bao nhiêu người đi làm ăn xa?' over '…… người' (the answer's line, its unit after the dots)
    → one line 'Gia đình … xa? …… người': the question asks in that unit, and the dots make no ask of their own.
    Only a line with no blank of its own, under which one such line stands (not a column of them)."""
    out: list = []
    for k, s in enumerate(seq):
        prev = next((i for i in range(len(out) - 1, -1, -1) if not (isinstance(out[i], str) and not out[i].strip())),
                    None)
        nxt = next((x for x in seq[k + 1:] if not isinstance(x, str) or x.strip()), None)
        above = out[prev] if prev is not None else None
        if (isinstance(s, str) and UNIT_ANSWER.match(s.strip()) and isinstance(above, str) and not BLANK.search(above)
                and not above.lstrip().startswith("⟦") and len(above.split()) <= 30
                and not (isinstance(nxt, str) and UNIT_ANSWER.match(nxt.strip()))):
            sep = " " if above.rstrip().endswith((":", "?")) else ": "
            out[prev] = f"{above.rstrip()}{sep}{s.strip()}"
            del out[prev + 1:]
            continue
        out.append(s)
    return out
