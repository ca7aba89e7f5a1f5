"""Counts inside a sentence: one figure per thing counted ('Số … đã …, chưa …' → two), counts named in passing
in narrative text, per-unit breakdowns that become a table, and the results of an action ('Kết quả tinh giản …')."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask, is_count, is_yesno
from dialogs.importer.keys import KeyMaker
from dialogs.importer.lexicon import (
    ACT_RE,
    ALT_END,
    BREAKDOWN,
    COUNT_HEAD,
    COUNT_SPLIT,
    GUIDED_COUNT,
    HEAD_SPLIT,
    MOD_SPLIT,
    MODIFIER_START,
    NARRATIVE_SPLIT,
    NARRATIVE_START,
    QUESTION_RE,
    RATIO,
    RESULT_NOUNS,
    RESULT_RE,
    STATUS_LIST,
    TIME_ONLY,
    TIME_POINTS,
    TRAIL_REF,
    strip_count_verb,
    top_split,
)
from dialogs.importer.placeholders import take_unit
from dialogs.text import fold


def _many_counts(text: str) -> bool:
    return len(re.findall(r"\bbao nhieu\b", fold(text))) >= 2


def _status_list(seg: str) -> list[str]:
    """'Số cơ sở nhà, đất công đã xử lý, chưa xử lý' → one count per status, the head noun repeated."""
    if not COUNT_HEAD.match(seg):
        return [seg]
    parts = [p for p in MOD_SPLIT.split(seg) if p.strip()]
    if len(parts) < 2:
        return [seg]
    head = HEAD_SPLIT.split(" " + parts[0] + " ", maxsplit=1)[0].strip()
    act = ACT_RE.search(parts[0])
    if head == parts[0].strip() and act:  # 'Số lượng hồ sơ tiếp nhận, giải quyết đúng hạn'
        head = parts[0][:act.start()].strip()
    if head == parts[0].strip() or len(head.split()) < 2:
        return [seg]
    return [parts[0]] + [f"{head} {p.strip()}" for p in parts[1:]]


def alternatives(seg: str) -> list[str]:
    """A count whose last words are alternatives sharing their first word ('… ở cấp tỉnh, cấp xã',
    '… trực tuyến/trực tiếp') → one count per alternative."""
    if not is_count(seg):
        return [seg]
    times = _time_points(seg)
    if times:
        return times
    core, purpose = seg.rstrip(" .;"), ""
    p = re.search(r"\s+(?:để|nhằm)\s+\S.*$", core)
    if p and not ALT_END.search(core):  # '… theo ngày, theo tuần để phân công xử lý kịp thời'
        core, purpose = core[:p.start()], p.group(0)
    m = ALT_END.search(core)
    if not m:
        return [seg]
    pre = core[:m.start()].rstrip()
    return [f"{pre} {m.group('a')}{purpose}", f"{pre} {m.group('b')}{purpose}"]


def _ratio(seg: str) -> list[str]:
    """'… bao nhiêu trường hợp/tổng số đối tượng', '… có mặt/Chỉ tiêu được phân bổ' → the two figures; 'ban hành
    bao nhiêu/tổng số văn bản' → 'ban hành bao nhiêu văn bản' and 'Tổng số văn bản'."""
    parts = RATIO.split(seg, maxsplit=1)
    if len(parts) < 2 or not is_count(parts[0]):
        return [seg]
    first, second = parts[0].rstrip(), parts[1].strip()
    if fold(first).endswith("bao nhieu"):
        first = f"{first} {head_noun(second)}"
    if second.endswith("?"):
        first += "?"
    return [first, second[0].upper() + second[1:]]


def _time_points(seg: str) -> list[str]:
    """'Số lượng cơ quan trước khi sắp xếp, tại thời điểm sắp xếp và diễn biến sau khi sắp xếp đến nay' → one count
    per point in time."""
    m = TIME_POINTS.match(seg.strip(" .;"))
    if not m:
        return []
    alts = [a.strip() for a in re.split(r",\s+|\s+và\s+(?:diễn biến\s+)?", m.group("alts")) if a.strip()]
    if len(alts) < 2 or not all(re.match(r"^(trước|tại thời điểm|sau|đến)\b", a, re.I) for a in alts):
        return []
    return [f"{m.group('pre')} {a}" for a in alts]


def split_count_segments(text: str) -> list[str]:
    """'Tổng số X; số Y, số Z' → three segments; a segment starting 'chưa …' borrows the head noun;
    '… bao nhiêu X, còn bao nhiêu Y, giải pháp …' → one ask each."""
    t = text.strip()
    if not (COUNT_HEAD.match(strip_count_verb(t)) or re.match(r"^(kinh phí|dự toán)", t, re.I) or _many_counts(t)
            or (is_count(t) and (RATIO.search(t) or COUNT_SPLIT.search(t)))):
        return [text]
    segs = [s.strip(" ;,.") for s in top_split(text, ";") if s.strip(" ;,.")]
    out: list[str] = []
    for s in segs:
        out.extend(p.strip(" ;,.") for p in COUNT_SPLIT.split(s) if p.strip(" ;,."))
    out = [p for seg in out for p in NARRATIVE_SPLIT.split(seg) if p.strip(" ,.;")]
    out = [p for seg in out for p in re.split(r",\s+(?=những\s)", seg) if p.strip(" ,.;")]
    out = [a for seg in out for r in _ratio(seg) for p in _status_list(r) for a in alternatives(p)]
    out = _join_time_phrases(out)
    if len(out) <= 1:
        return [text]
    out = _shared_predicate(out)
    out[0] = re.sub(r"^(?:nêu rõ|ghi rõ|nêu)\s+(?=số\b)", "", out[0], flags=re.I)
    lead = re.match(r"^(số lượng|tổng số)\s+", out[0], re.I)
    head = HEAD_SPLIT.split(" " + out[0] + " ", maxsplit=1)[0].strip()
    fixed = [out[0][0].upper() + out[0][1:]]
    for s in out[1:]:
        if (lead and s[:1].islower() and len(s.split()) <= 4 and not is_count(s) and not NARRATIVE_START.match(s)
                and not QUESTION_RE.search(fold(s)) and not re.match(r"(?i)t[ỷỉ] lệ\b", s)):
            # 'Nêu rõ số lượng tin, bài; tài liệu; sách; sổ tay' → one count each: 'Số lượng tài liệu', …
            fixed.append(f"{lead.group(1)[0].upper()}{lead.group(1)[1:].lower()} {s}")
            continue
        if MODIFIER_START.match(s) and head:
            s = f"{head} {s}"
        about = _about_previous(s, fixed[-1])
        s = _elliptic_count(s, fixed) if about == s else about
        fixed.append(s[0].upper() + s[1:])
    return fixed


def _elliptic_count(seg: str, before: list[str]) -> str:
    """In a run of counts, a short lower-case clause that names no new ask continues the run: 'Tổng số TTHC …,
    trong đó có bao nhiêu thủ tục … theo Nghị định; phân cấp, phân quyền của tỉnh' → 'Số thủ tục phân cấp, phân
    quyền của tỉnh'."""
    s = seg.strip(" ?.")
    if (not s or not s[0].islower() or is_count(s) or NARRATIVE_START.match(s) or len(s.split()) > 8 or "%" in s
            or re.search(r"\b(?:ty le|dat)\b", fold(s))
            or is_yesno(seg) or QUESTION_RE.search(fold(s)) or not all(is_count(b) for b in before)):
        return seg
    noun = head_noun(strip_count_verb(re.sub(r"^(?:có|còn|đã có)\s+", "", before[-1], flags=re.I)))
    if not noun or len(noun.split()) > 4:
        return seg
    return f"số {noun} {s}" + ("?" if seg.rstrip().endswith("?") else "")


def _join_time_phrases(out: list[str]) -> list[str]:
    """'Đến trước 31/8/2025, còn bao nhiêu trường hợp …' was cut at the comma: the time phrase alone asks nothing,
    it dates the ask after it."""
    res: list[str] = []
    for p in out:
        if res and TIME_ONLY.match(res[-1].strip()) and not is_count(res[-1]):
            res[-1] = f"{res[-1].strip()}, {p}"
        else:
            res.append(p)
    return res


def _about_previous(seg: str, prev: str) -> str:
    """After a count: 'lý do?' → 'Lý do <what was counted>'; 'đạt tỷ lệ … %' → 'Tỷ lệ <what was counted> (%)'."""
    f = fold(seg).strip(" ?.")
    lead = prev.split(",", 1)
    if len(lead) == 2 and TIME_ONLY.match(lead[0].strip()):  # 'Đến ngày 15/8/2025, có bao nhiêu …'
        prev = lead[1]
    prev = TRAIL_REF.sub("", prev).strip()
    counted = COUNT_HEAD.sub("", prev, count=1).rstrip(" ?.")
    if not COUNT_HEAD.match(prev) or counted == prev:
        return seg
    if f in ("ly do", "nguyen nhan", "ly do, nguyen nhan", "nguyen nhan, ly do") or re.fullmatch(
            r"(giai phap|bien phap)( de)?( khac phuc| xu ly| giai quyet)?", f):  # 'giải pháp để khắc phục?'
        return f"{seg.strip(' ?.')} {counted}" + ("?" if seg.rstrip().endswith("?") else "")
    if re.match(r"^dat ty le\b", f):
        return f"Tỷ lệ {counted} (%)"
    if re.match(r"^(tinh hinh|ket qua)\b", f) and len(f.split()) <= 6:
        return f"{seg.strip(' .')} đối với {counted}"
    return seg


def figure_asks(text: str) -> list[str]:
    """The rates and counts a note enumerates ('Về: (1) Chất lượng …; (2) Tỷ lệ cán bộ kiêm nhiệm …; …')."""
    out = []
    for p in top_split(text, ";"):
        p = re.sub(r"^(?:về\s*:\s*)?\(?\d{1,2}\)\s*", "", p.strip(), flags=re.I).strip(" .…")
        if re.match(r"^(tỷ lệ|tổng số|số lượng)\s", p, re.I) and 3 <= len(p.split()) <= 20:
            out.append(p[0].upper() + p[1:])
    return out


def guided_counts(note: str) -> list[str]:
    """Guidance that asks a figure: '(…, nêu rõ số văn bản có thay đổi so với tuần trước)' → that count."""
    out = []
    for m in GUIDED_COUNT.finditer(note):
        c = m.group(1).strip()
        if COUNT_HEAD.match(c) and len(c.split()) >= 3:
            out.append(c[0].upper() + c[1:])
    return out


def _shared_predicate(out: list[str]) -> list[str]:
    """'Hiện còn bao nhiêu vị trí, số lượng cán bộ cấp xã chưa được kiện toàn' → the bare first count borrows
    the predicate of the next ('… bao nhiêu vị trí chưa được kiện toàn')."""
    m = re.match(r"^(?:\S+\s+){0,2}bao nhiêu(\s+\S+){1,2}$", out[0].rstrip(" ?"), re.I)  # 'Hiện còn bao nhiêu vị trí
    if not m or len(out) < 2 or not re.match(r"^(?:tổng số|số lượng|số)\s", out[1], re.I):
        return out
    parts = HEAD_SPLIT.split(" " + out[1].rstrip(" ?") + " ", maxsplit=1)
    if len(parts) < 2:
        return out
    pred = out[1].rstrip(" ?")[len(parts[0].strip()):].strip()
    return [f"{out[0].rstrip(' ?')} {pred}", *out[1:]]


def head_noun(count: str) -> str:
    rest = COUNT_HEAD.sub("", count.strip(), count=1)
    return HEAD_SPLIT.split(" " + rest + " ", maxsplit=1)[0].strip()


def embedded_asks(text: str, yesno: bool = True) -> list[str]:
    """Counts (and yes/no asks) inside a narrative sentence: 'Kết quả …: Số X đã A, chưa A; việc …; có Y hay
    không', 'nêu rõ …; tổng số nhiệm vụ được giao; những việc đã thực hiện, chưa thực hiện…'."""
    pieces = [s.strip(" ,.;:…)") for p in top_split(text, ";:") for s in re.split(r"(?<=[.?!)])\s+(?=[A-ZĐÀ-Ỹ])", p)]
    if len(pieces) < 2:
        return []
    out: list[str] = []
    noun = ""
    for p in pieces:
        if COUNT_HEAD.match(p) and len(p.split()) >= 3:
            out.extend(split_count_segments(p))
            noun = noun or head_noun(p)
        elif noun and STATUS_LIST.match(p):
            out.extend(split_count_segments(f"số {noun} " + STATUS_LIST.sub("", p, count=1)))
        elif yesno and is_yesno(p) and len(p.split()) >= 3:
            out.append(p)
    return [o.strip(" .,;…")[0].upper() + o.strip(" .,;…")[1:] for o in out if len(o.split()) >= 2]


def count_paren(inner: str) -> list[str]:
    """'(số lượng A, số lượng B, hình thức C)' or '(đã tổ chức bao nhiêu X; số lượng Y)' → the asks inside."""
    inner = re.sub(r"^(?:ghi rõ|nêu rõ|nêu|ghi)\s+(?=tỷ lệ)", "", inner.strip(), flags=re.I)
    if re.match(r"^tỷ lệ", inner, re.I):  # '(ghi rõ tỷ lệ tăng trưởng thực tế/tỷ lệ … theo kịch bản)'
        rates = [p.strip(" ,.;") for p in re.split(r"\s*[/;]\s*(?=tỷ lệ)", inner, flags=re.I)]
        return [r[0].upper() + r[1:] for r in rates] if len(rates) >= 2 else []
    parts = [p.strip(" ,.;…") for p in re.split(r"\s*;\s*", inner) if p.strip(" ,.;…")]
    if len(parts) >= 2 and all(take_unit(p)[1] for p in parts):  # '(trong đó: lần đầu … vụ, nhiều lần … vụ)'
        return [re.sub(r"^trong đó\s*[:,]?\s*", "", p, flags=re.I) for p in parts]
    if not any(COUNT_HEAD.match(strip_count_verb(p)) or re.search(r"\bbao nhiêu\b", p, re.I) for p in parts):
        return []
    out: list[str] = []
    for p in parts:
        out.extend(split_count_segments(p) if COUNT_HEAD.match(p) else alternatives(p))
    out = [o for o in out if len(o.split()) >= 2]
    return [o[0].upper() + o[1:] for o in out] if len(out) >= 2 else []


def breakdown_rows(note: str) -> list[dict] | None:
    """'ghi rõ số liệu từng cơ quan cấp tỉnh và các đơn vị cấp xã' → the table rows the figures are asked by."""
    m = BREAKDOWN.match(note.strip(" .;"))
    if not m:
        return None
    ents = re.sub(r"\s+[-–]\s+(?:biểu|phụ lục)\b.*$", "", m.group("e"), flags=re.I)
    parts = [e.strip(" ,.") for e in re.split(r",\s*|\s+và\s+(?=(?:từng|các|khối)\b)", ents) if e.strip(" ,.")]
    if not 2 <= len(parts) <= 8:
        return None
    keys = KeyMaker()
    rows = []
    for e in parts:
        label = re.sub(r"^từng\s+", "các ", e, flags=re.I)
        label = label[0].upper() + label[1:]
        row = {"key": keys.make(label), "label": label}
        if re.match(r"^(các|những)\s", label, re.I):
            row.update(kind="group", open=True)  # 'từng cơ quan cấp tỉnh': one row per agency, added by the officer
        rows.append(row)
    rows.append({"key": keys.make("Tổng cộng"), "label": "Tổng cộng", "kind": "total", "sum_of": "all"})
    return rows


def breakdown_table(asks: list[Ask], sentences: list[str], rows: list[dict], note: str) -> list[Ask]:
    """Counts asked 'số liệu từng cơ quan … và các đơn vị …' → one table: a column per count, a row per unit."""
    counts = [a for a in asks if a.type == "integer"]
    if not counts:
        return asks
    keys = KeyMaker()
    cols = [{"key": keys.make(a.prompt), "label": a.prompt.rstrip(" ?")} for a in counts]
    where = [s for s in sentences if any(fold(a.prompt.rstrip(" ?"))[:20] in fold(s) for a in counts)]
    prompt = f"{' '.join(where or [counts[0].prompt]).strip()} ({note.strip(' .')})"
    code = re.search(r"(?:biểu|phụ lục)\s*(?:số\s*)?(\d{1,2}[A-Za-z]?)\b", " ".join(sentences) + " " + note, re.I)
    spec = {**({"code": code.group(1).upper()} if code else {}), "title": prompt, "columns": cols, "rows": rows}
    table = Ask(prompt, "table", counts[0].unit, table=spec, guessed="biểu (đoán từ «số liệu từng …»)")
    first = asks.index(counts[0])
    return [a for a in asks[:first]] + [table] + [a for a in asks[first:] if a not in counts]


def result_counts(text: str) -> list[Ask]:
    """Where the document refers to a Biểu or Phụ lục of figures, 'Kết quả tinh giản biên chế, …', 'Việc xử lý cán
    bộ, công chức dôi dư…', 'Kết quả khắc phục những tồn tại, hạn chế … như thế nào?' also ask the number done:
    'Số biên chế đã tinh giản' (a guess, marked for review)."""
    out: list[Ask] = []
    pieces = [s.strip(" ,.;:…") for p in top_split(text, ";:") for s in re.split(r"(?<=[.?!])\s+(?=[A-ZĐÀ-Ỹ])", p)]
    for p in pieces:
        p = re.sub(r"^\(?\d{1,2}\)\s*", "", p)
        m = RESULT_RE.match(p)
        if not m:
            continue
        obj = re.split(r"\s+(?:như thế nào|ra sao|thế nào)\b|[?(;.…]", m.group("obj"))[0].strip(" ,")
        if len(obj.split()) > 10:  # '… biên chế, cơ cấu lại và nâng cao chất lượng …': the first noun only
            obj = obj.split(",")[0]
        noun = next(n for n in sorted(RESULT_NOUNS, key=len, reverse=True) if obj.lower().startswith(n))
        prompt = f"Số {obj} đã {m.group('acts').lower()}"
        out.append(Ask(prompt, "integer", RESULT_NOUNS[noun],
                       guessed="số (đoán từ «kết quả/việc …» và biểu số liệu kèm theo)"))
    return out


STATED_RATE = re.compile(r"^(?P<v>t[ỉỷ] lệ\s[^\d;:%]{3,80}?)\s*(?::|\b(?:là|đạt|trên|dưới|khoảng|gần|chiếm))?\s*"
                         r"(?:\d[\d.,]*|(?:…|\.|_)+)\s*\(?%\)?$", re.I)
STATED_COUNT = re.compile(r"\b(?:có|gồm|với|ở|tại)\s+(?:tổng số\s+)?(?P<n>\d[\d.,]*)\s+(?P<w>[^\W\d_][^\d,;.():%]{1,40}?)"
                          r"(?=\s+(?:đang|là|được|đã|tăng|giảm|so với|trong đó|chiếm)\b|\s*[,;.(]|$)", re.I)


# a count of people named by a word for a person, what they are after 'là' ('12 chị là cán bộ', '5 người là nữ')
PERSON_WORD = re.compile(r"(?i)người|chị|anh|em|cháu|bạn|đồng chí|đ/c|ông|bà|cô|thầy")
PERSON_IS = re.compile(r"(?i)\s+là\s+(?P<r>[^\d;.():%]{2,40}?)\s*(?=[;.(]|,\s*(?:có|gồm|với|và)\b|$)")


def stated_figures(text: str) -> list[Ask]:
    """One unit's filled paragraph stating its figures ('… chi hội có 545 hội viên đang sinh hoạt ở 9 tổ phụ nữ. Tỉ lệ
    thu hút hội viên trên 80%; Tỉ lệ hội viên nòng cốt là ……%'): each figure is an ask — a rate by its words, a count
    'Số <thing counted>'. [] unless three figures or more and nothing asked (a sentence that asks is no answer)."""
    if QUESTION_RE.search(fold(text)) or re.search(r"(?i)\b(?:nêu|ghi rõ|báo cáo|đánh giá)\b|\?", text):
        return []
    asks: list[Ask] = []
    text = re.sub(r"(?:…|\.|_){2,}[\s.…]*", "… ", text)  # a blank's dots end no sentence
    for clause in re.split(r"(?<=[^\d])[.;](?!\d)\s*|\s*;\s*", text):
        c = clause.strip(" ,.")
        m = STATED_RATE.match(c)
        if m:
            v = m.group("v").strip(" ,:")
            asks.append(Ask(v[0].upper() + v[1:], "percent", "%"))
            continue
        for k in STATED_COUNT.finditer(c):
            noun = re.sub(r"\s+(?:và|của|trong)$", "", k.group("w").strip())
            role = PERSON_IS.match(c[k.end():]) if PERSON_WORD.fullmatch(noun) else None
            noun = role.group("r").strip() if role else noun  # 'có 12 chị là cán bộ chi, tổ hội': who they are
            if len(noun.split()) >= 1 and not re.match(r"(?i)(?:năm|tháng|ngày|lần|giờ|%)\b", noun):
                asks.append(Ask(f"Số {noun}", "integer", noun.split()[0] if len(noun.split()) == 1 else None))
    return asks if len(asks) >= 3 else []


_GAP = r"(?:…|\.{2,}|_{2,})[….\s_]*"
# 'Tổng số cử tri …: …… người; trong đó có: …… Nam; …… Nữ.': a total, then its parts each written after its blank
TOTAL_THEN_PARTS = re.compile(rf"^(?P<h>[^…:;]{{3,80}}?)\s*:?\s*{_GAP}(?P<u>[^\W\d_]+)?\s*[;,]\s*(?i:trong đó)"
                              rf"(?:\s+(?i:có))?\s*:?\s*(?P<p>{_GAP}[^…;,.]{{1,30}}(?:[;,]\s*{_GAP}[^…;,.]{{1,30}})+)[.;\s]*$")


def parts_after_blanks(text: str) -> list[Ask]:
    """'Tổng số cử tri …: …… người; trong đó có: …… Nam; …… Nữ.' → the total, then 'Trong đó Nam', 'Trong đó Nữ':
    the parts of a count whose labels stand after their blanks (two parts or more). [] otherwise."""
    m = TOTAL_THEN_PARTS.match(text.strip())
    if not m or not is_count(m.group("h")):
        return []
    unit = m.group("u")
    parts = [re.sub(_GAP, "", p).strip(" ;,.") for p in re.split(r"\s*[;,]\s*", m.group("p"))]
    if any(not p or len(p.split()) > 5 for p in parts):
        return []
    head = re.sub(r"\s+là$", "", m.group("h").strip(" -+•"))
    return [Ask(head, "integer", unit), *(Ask(f"Trong đó {p}", "integer", unit) for p in parts)]
