"""Survey questionnaires: an item with a code ('Câu Q1a:', 'Câu Z2:', 'Q1.', 'Câu hỏi 1.') or a question ending in
'?', with its answer options on the lines below ('a. Có' / 'b. Không', '1. Có  2. Không', '□ Có □ Không',
'(1) …' / '(2) …') → one ask per item: yes/no when the options are Có and Không, else a choice of the options;
without options, typed by its words ('bao nhiêu khối' a decimal, 'giá … bao nhiêu' an amount, 'từ ngày nào' a date,
'… không?' yes/no). The item code is trimmed from the prompt and never makes a section; the options' lettering
('a.', 'b.') makes none either; routing ('-> Chuyển sang câu Q1b') and the interviewer's notes ('ĐTV chọn …') are
help. The ask travels to the outline tree as one carried line (``carry``), read back by ``carried``.
"""

from __future__ import annotations

import json
import re

from dialogs.importer.ask_types import Ask, field_type, is_count, is_yesno, measure_unit
from dialogs.importer.field_lines import field_line_asks, label_type
from dialogs.importer.forms import BLANK, MANY, blank_only
from dialogs.importer.lexicon import IDENTIFIER
from dialogs.importer.placeholders import unit_type
from dialogs.importer.structure import BULLET_KINDS, parse_marker
from dialogs.text import fold

CARRY = re.compile(r"^⟦ask:([0-9a-f]+)⟧$")
ITEM = re.compile(
    r"^\s*(?:(?i:câu(?:\s+hỏi)?)\s+(?P<c>[A-Z]{0,2}\d{1,3}[a-z]?\d*(?:[._]\d{1,2}[a-z]?)*)"
    r"|(?P<b>[A-Z]{1,2}\d{1,3}[a-z]?\d*(?:[._]\d{1,2}[a-z]?)*))_?(?:\s*\([^()]{1,60}\))?\s*(?:[:.)]|\s[-–])\s*(?P<q>\S.*)$"
)
OPTION = re.compile(r"^\s*(?:(?P<k>[a-hA-H]|\d{1,2})\s*[.)]|\((?P<p>[a-h]|\d{1,2})\))\s+(?P<t>\S.*)$")
BOXES = re.compile(r"[□☐❑◻▢○◯⬜]|\[\s*\]|\(\s+\)")
ROUTE = re.compile(
    r"\s*\(\s*\d{1,2}\s*(?:->|→|=>|⇒)[^()]*\)|\s*(?:->|→|=>|⇒).*$|\s*\((?:chuyển|hỏi tiếp|sang câu|bỏ qua)\b[^()]*\)",
    re.I,
)  # ('Không (2→A9)': the code 2 goes on to A9)
OTHER = re.compile(r"^(?:khac|khong biet|khong nho|khong tra loi|tu choi)\b")
NOTE = re.compile(
    r"^(?:đtv|điều tra viên|phỏng vấn viên|hướng dẫn|lưu ý|ghi chú|chú ý|->|→|chuyển sang|bỏ qua)\b|^\((?![a-h]\)|\d{1,2}\)|\s+\))",
    re.I,
)
PREFILLED = re.compile(r"\(\s*đã (?:chọn|điền|ghi)(?: sẵn)?\s*(?:\)|$)", re.I)
FOLLOW_UP = re.compile(r"^nếu\b[^.?]{0,60},\s*(?:đtv\s+)?(?:nhập|ghi|nêu|cho biết|ghi rõ)\b", re.I)
ASKING = re.compile(r"\b(?:gi|nao|bao nhieu|may|sao|ai|dau|the nao|ra sao|bao gio|hay khong|hay chua)\b")
MEASURE = re.compile(
    r"\bbao nhi[eê]u\s+(?P<u>khối|m3|m³|lít|kg|ki-lô-gam|tấn|tạ|ha|héc-ta|m2|m²|sào|km|mét|giờ)\b", re.I
)
MONEY = re.compile(r"\b(?:giá|tiền|chi phí|thu nhập|chi tiêu|vnđ|vnd|đồng)\b", re.I)
WHEN = re.compile(r"\b(?:ngày nào|khi nào|từ bao giờ|ngày tháng năm nào|thời điểm nào)\b", re.I)


def carry(ask: Ask) -> str:
    """The ask as one line the outline tree keeps as it is (no number, no blank, no parenthesis in it)."""
    payload = {
        "p": ask.prompt,
        "t": ask.type,
        "u": ask.unit,
        "o": ask.options,
        "h": ask.help,
        "f": ask.fields,
    }
    return "⟦ask:" + json.dumps(payload, ensure_ascii=False).encode().hex() + "⟧"


def carry_as(line: str, ask: Ask, numbered: bool = False) -> str:
    """The carried ask keeping the bullet of the line it replaces ('- Khách mời gồm …' → '- ⟦ask:…⟧'): a bullet
    stays a bullet of the outline, and no line becomes the body of the bullet above it. With `numbered`, a number
    stays too ('3. Ông/bà …?' outside a questionnaire: the outline's own numbering)."""
    mk = parse_marker(line.strip())
    keep = mk is not None and (mk.kind in BULLET_KINDS or (numbered and mk.kind.startswith("dec")))
    if numbered and mk is not None and mk.kind == "code" and "|" in line:  # a coded row: 'A1 | ⟦ask:…⟧'
        return f"{mk.no.rstrip('.')} | {carry(ask)}"
    return f"{mk.no} {carry(ask)}" if keep else carry(ask)


def carried(text: str) -> Ask | None:
    m = CARRY.match(text.strip())
    if not m:
        return None
    try:
        d = json.loads(bytes.fromhex(m.group(1)).decode())
    except ValueError:  # a document's own text that only looks like a carried line
        return None
    if not isinstance(d, dict) or not isinstance(d.get("p"), str) or not isinstance(d.get("t"), str):
        return None
    return Ask(d["p"], d["t"], d["u"], help=list(d["h"] or []), fields=d.get("f"), options=d["o"])


def is_carried(text: str) -> bool:
    return bool(CARRY.match(text.strip()))


SPACED = re.compile(r"^\s*(?P<b>[A-Z]{1,2}\d{1,3}[a-z]?)\s+(?P<q>[^\W\d_].*)$")
MID_CODE = re.compile(
    r"(?<=\s)(?:(?i:câu)\s+(?P<n>[A-Z]{0,2}\d{1,3}[a-z]?)|(?P<c>[A-Z]{1,2}\d{1,3}[a-z]?))(?=[:.)]?\s+[^\W\d_])"
)  # (a bare number is a code only after 'Câu')


def _spaced(line: str) -> str | None:
    """'A3 Trình độ học vấn của chị?': a code, a space, the question in sentence case (no colon after the code)."""
    m = SPACED.match(line)
    return m.group("q").strip() if m and m.group("q")[:1].isupper() else None


def _spaced_survey(lines: list[str]) -> bool:
    """Codes with only a space after them are items where two such lines ask a question ('?')."""
    return sum(1 for s in lines if (q := _spaced(s)) and "?" in q) >= 2


def _code_key(code: str) -> tuple[str, int, str]:
    m = re.match(r"^([A-Z]*)(\d+)([a-z]?)$", code)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else ("", -1, "")


def _code_after(last: str, code: str) -> bool:
    """'A10' after 'A9', 'C3a' after 'C3', 'C4' after 'C3b': the next code of the same series."""
    (p, n, x), (q, m, y) = _code_key(last), _code_key(code)
    return n >= 0 and p == q and (m == n + 1 and y in ("", "a") or m == n and y and y > x)


def _line_code(line: str) -> str | None:
    m = ITEM.match(line) or SPACED.match(line)
    return (m.group("b") or m.group("c")) if m and (m.group("b") or m.group("c")) else None


def split_glued_items(seq: list) -> list:
    """'A9 Chị sinh cháu thế nào? 1. Đẻ thường 2. Mổ A10 Khi sinh trẻ có bị ngạt không? 1. Có 2. Không A11 Cân nặng
    …': coded questions copied onto one line → a line each, split where the next code of the series ('A10' after
    'A9', 'Câu 12' after 'Câu 11') stands before a word; only in a text with two coded items or more."""
    if sum(1 for s in seq if isinstance(s, str) and _line_code(s)) < 2:
        return seq
    out: list = []
    last = None
    for s in seq:
        if not isinstance(s, str):
            out.append(s)
            continue
        last = _line_code(s) or last
        cuts = [0]
        for m in MID_CODE.finditer(s):
            code = m.group("n") or m.group("c")
            if last and _code_after(last, code):
                cuts.append(m.start())
                last = code
        out.extend(s[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(s)], strict=True))
    return out


def _item(line: str) -> str | None:
    """The question of a coded item ('Câu Q1a: …' → '…'), None for any other line."""
    m = ITEM.match(line)
    if not m or (m.group("b") and not re.search(r"\d", m.group("b"))):
        return None
    return m.group("q").strip()


def _option_text(text: str) -> str:
    t = ROUTE.sub("", text)
    t = re.sub(
        r"\s*\([^()]*(?:…|\.{3,}|_{3,})[^()]*\)?|\s*\((?:xin\s+)?(?:ghi rõ|nêu rõ|cụ thể)[^()]*\)", "", t
    )
    t = BLANK.sub("", t).strip(" .:;,-–")
    if t.isupper() and (" " in t or fold(t) in ("co", "khong")):  # 'KHÔNG BIẾT' → 'Không biết' ('THCS' stays)
        t = t[0] + t[1:].lower()
    return t[:1].upper() + t[1:]


LEADER = re.compile(r"^(?P<t>[^….\d:?]{1,60}?)\s*(?:…|\.{2,}|_{2,})[….\s_]*(?P<k>\d{1,2})$")
LEADERS = re.compile(r"(?P<t>[^….\d:?]{1,60}?)\s*(?:…|\.{2,}|_{2,})[….\s_]*(?P<k>\d{1,2})(?=\s|$)")


def _inline_options(line: str) -> list[str] | None:
    """'1. Có  2. Không', 'a) Có b) Không', '□ Có □ Không': the options written on one line."""
    if len(BOXES.findall(line)) >= 2:
        parts = [p for p in BOXES.split(line) if p.strip()]
        if BOXES.match(line.strip()) or len(parts) >= 2:
            return [o for o in map(_option_text, parts[-len(BOXES.findall(line)) :]) if o]
    led = list(LEADERS.finditer(line))
    if len(led) >= 2 and "".join(m.group(0) for m in led).replace(" ", "") == line.replace(" ", ""):
        keys = [m.group("k") for m in led]  # 'Có …… 1   Không …… 2'
        if _first_key(keys[0]) and all(_next_key(a) == b for a, b in zip(keys, keys[1:], strict=False)):
            return [_option_text(m.group("t")) for m in led]
    marks = list(re.finditer(r"(?:^|\s)(?P<k>[a-h]|\d{1,2})[.)]\s+", line))
    if len(marks) >= 2 and marks[0].start() == 0:
        ends = [m.start() for m in marks[1:]] + [len(line)]
        texts = [line[m.end() : e] for m, e in zip(marks, ends, strict=True)]
        keys = [m.group("k") for m in marks]
        if all(_follows(a, b, t) for a, b, t in zip(keys, keys[1:], texts[1:], strict=False)):
            return [_option_text(t) for t in texts]
    return None


def _follows(key: str, nxt: str, text: str) -> bool:
    """`nxt` is the code after `key`: the next one, or a code of its own for 'Khác', 'Không biết' ('7. Nội trợ
    88. Khác (ghi rõ)', '1. Kinh 8. Khác')."""
    if _next_key(key) == nxt:
        return True
    return key.isdigit() and nxt.isdigit() and int(nxt) > int(key) and bool(OTHER.match(fold(text.strip())))


def _last_key(line: str) -> str | None:
    marks = re.findall(r"(?:^|\s)([a-h]|\d{1,2})[.)]\s+", line)
    return marks[-1] if marks else None


def _options_go_on(lines: list[str], k: int, opts: list[str], key: str | None) -> tuple[list[str], int]:
    """'1. Không biết chữ 2. Tiểu học 3. THCS 4. THPT' then '5. Trung cấp 6. Cao đẳng': the codes go on on the next
    line, one option or more."""
    while key and k < len(lines) and lines[k].strip():
        s = lines[k].strip()
        m = OPTION.match(s)
        first = (m.group("k") or m.group("p")) if m else None
        if not m or not _follows(key, first, m.group("t")):
            break
        more = _inline_options(s)
        if more and len(more) >= 2:
            opts, key = opts + more, _last_key(s)
        elif _option_like(m.group("t")) or OTHER.match(fold(m.group("t"))):
            opts, key = opts + [_option_text(m.group("t"))], first
        else:
            break
        k += 1
    return opts, k


def _next_key(k: str) -> str:
    return str(int(k) + 1) if k.isdigit() else chr(ord(k) + 1)


def _first_key(k: str) -> bool:
    return k in ("a", "A", "1", "0")


def _plain_options(lines: list[str], at: int) -> tuple[list[str], int]:
    """'Xe hơi riêng của mình' / 'Đi bộ' / 'Taxi ____' / 'Phương tiện khác' with no mark before them: three to twelve
    short lines in one run (no sentence, no question, no label), closed by an empty line or the text's end."""
    k = at
    while k < len(lines) and not lines[k].strip():
        k += 1
    opts: list[str] = []
    while k < len(lines) and lines[k].strip():
        s = lines[k].strip()
        bare = re.sub(r"\([^()]*\)", "", re.sub(r"\([^()]*\)", "", s))  # (a note, nested or not, not counted)
        mk = parse_marker(s)
        if len(opts) >= 3 and (NUMBERED_ITEM.match(s) or _item(s) or mk is not None and mk.kind not in BULLET_KINDS):
            break  # the next question ('Câu 4. …', numbered '4.') closes the run as an empty line would
        if s == GRID or len(bare.split()) > 16 or "?" in s or s.endswith((":", ".", ";")) or parse_marker(s) is not None:
            return [], at
        opts.append(BLANK.sub("", s).strip(" .;,-–") if s.isupper() else _option_text(s))  # ('KHỐI ĐẢNG' as written)
        k += 1
    return (opts, k) if 3 <= len(opts) <= 12 and all(opts) else ([], at)


def _more_boxed(lines: list[str], k: int, opts: list[str]) -> tuple[list[str], int]:
    """'□ 6h – 9h □ 15h – 18h' / '□ 9h – 12h □ Giờ khác': the options of a grid of boxes, row after row."""
    while k < len(lines) and BOXES.match(lines[k].strip()) and len(BOXES.findall(lines[k])) >= 2:
        opts = opts + (_inline_options(lines[k].strip()) or [])
        k += 1
    return opts, k


def _options(lines: list[str], at: int, asked: str = "") -> tuple[list[str], int]:
    """The options from lines[at] on (blank lines skipped; a marked option's explanation on unmarked lines below it
    is passed over when the next option follows): (options, index after them). Under a question put to the
    respondent (`asked`), unmarked short lines are its options too (_plain_options)."""
    opts: list[str] = []
    key = None
    k = at
    while k < len(lines):
        s = lines[k].strip()
        if not s:
            k += 1
            continue
        inline = _inline_options(s) if not opts else None
        if inline and (any(re.search(r"[?:]", o) for o in inline)
                       or not BOXES.match(s) and (_item(s) or re.search(r"[?:]", BOXES.split(s)[0]))):
            break  # 'Câu 5. Hộ có nuôi gia súc không? Có □ Không □': the next question with its own boxes
        if inline and len(inline) >= 2:
            return _more_boxed(lines, k + 1, inline) if BOXES.match(s) else _options_go_on(lines, k + 1, inline, _last_key(s))
        m = OPTION.match(s)
        if (
            len(s.split()) <= 13
            and BOXES.match(s)
            and (not opts or key == "□")
            and not s.endswith((":", "?"))
        ):
            opts.append(_option_text(BOXES.sub("", s)))
            key, k = "□", k + 1
            continue
        lead = LEADER.match(s)  # 'CÓ …………… 1' / 'KHÔNG ………… 2': the option, then its code
        if lead and (_first_key(lead.group("k")) if key is None else _next_key(key) == lead.group("k")):
            opts.append(_option_text(lead.group("t")))
            key, k = lead.group("k"), k + 1
            continue
        mk = (m.group("k") or m.group("p")) if m else None
        if m and (_first_key(mk) if key is None else _follows(key, mk, m.group("t"))) and _option_like(m.group("t")):
            opts.append(_option_text(m.group("t")))
            key, k = mk, k + 1
            continue
        if opts and key not in (None, "□") and not _item(s) and "?" not in s and not OPTION.match(s) \
                and not BLANK.search(s) and _resumes(lines, k, key):  # ('4. Chi phí: …… đồng': the next item)
            k += 1  # '(1) Kinh tế cá thể' / 'Bao gồm hộ sản xuất …' / '(2) …': the option's explanation
            continue
        if opts and _explains(s, opts[-1]):  # the last option's explanation: 'Kinh tế tư nhân gồm những …'
            k += 1
            continue
        break
    if len(opts) < 2 and asked.rstrip().endswith("?") and RESPONDENT.search(asked):
        return _plain_options(lines, at)
    return (opts, k) if len(opts) >= 2 else ([], at)


def _explains(line: str, option: str) -> bool:
    f, o = fold(line), fold(option)
    return (len(o) >= 4 and f.startswith(o + " ") and not f.rstrip().endswith("?")) or f.startswith(
        ("bao gom ", "gom ")
    )


def _option_like(text: str) -> bool:
    t = ROUTE.sub("", text).strip()
    return (
        bool(t)
        and len(t.split()) <= 16
        and "?" not in t
        and not t.endswith(":")
        and t[:1] not in "-+•"
        and not re.search(r"(?:…|\.{2,}|_{2,})\s*\d{1,2}\b", t)
        # 'Số người: …… người' is a field, 'Khác (ghi rõ ……)' an option
        and not BLANK.search(re.sub(r"\([^()]*\)?", "", t))
    )  # (no question, no coded options of its own)


def _resumes(lines: list[str], k: int, key: str) -> bool:
    for s in lines[k + 1 : k + 8]:
        m = OPTION.match(s.strip())
        if m:
            return _next_key(key) == (m.group("k") or m.group("p"))
    return False


def survey_type(prompt: str) -> tuple[str, str | None]:
    """An item without options, typed by its words."""
    f = fold(prompt)
    if WHEN.search(prompt):
        return "date", None
    # 'mấy' (how many) read before folding: folded it is 'máy' (a machine) too
    if re.search(r"\bbao nhieu\b", f) or re.search(r"(?i)\bmấy\b", prompt):
        if MONEY.search(prompt):
            unit = (
                "nghìn đồng"
                if re.search(r"\b(?:nghin|ngan)\b", f)
                else "triệu đồng"
                if re.search(r"\btrieu\b", f)
                else "đồng"
            )
            return "money", unit
        m = MEASURE.search(prompt)
        if m:
            return "decimal", m.group("u")
        return "integer", None
    if is_count(prompt.rstrip(" ?")) and not IDENTIFIER.match(
        prompt
    ):  # 'Số nhân khẩu nam là?' (not 'Số điện thoại')
        return "integer", None
    if is_yesno(prompt):
        return "yesno", None
    if prompt.rstrip().endswith("?") and not ASKING.search(f) and len(prompt.split()) <= 10:
        return "yesno", None  # 'Tên chính xác?': is it so
    if "?" in prompt:
        return "longtext", None
    return field_type(prompt.rstrip(" :"))


def _asks(prompt: str, opts: list[str], notes: list[str]) -> list[Ask]:
    """An item's asks: a field line's labels with their blanks ('Tuổi: ……', 'Họ tên: …… Tuổi: ……'), else one ask."""
    trail = re.match(r"^(?P<p>.+\?)\s*(?:…|\.{2,}|_{2,})[….\s_]*(?P<u>[^\W\d_]{1,10})?\s*$", prompt.strip())
    if trail and not opts:  # '… làm thủ tục gì? ……………': the question, a line's space for a short answer
        ask = _ask(trail.group("p"), opts, notes)
        ask.type = "text" if ask.type == "longtext" else ask.type
        unit = trail.group("u")
        if unit and unit.islower() and ask.type in ("integer", "decimal", "money", "text"):
            ask.type, ask.unit = unit_type(unit), unit  # '… bao nhiêu tuổi? ……… tuổi'
        return [ask]
    if opts or not BLANK.search(prompt) or "?" in prompt:
        return [_ask(prompt, opts, notes)]
    lined = field_line_asks(prompt)
    if not lined:
        unit = re.match(r"^(?P<l>.+?)\s*:?\s*(?:…|\.{2,}|_{2,})[….\s_]*(?P<u>[^\W\d][^…:.]{0,24})?$", prompt)
        label = (unit.group("l") if unit else BLANK.sub(" ", prompt)).strip(" :.;")
        typ, measure = label_type(label)
        after = unit.group("u").strip() if unit and unit.group("u") else ""
        if after and is_count(label):  # 'Số người trong hộ: …… người': a count, its unit
            typ, measure = "integer", after
        elif after and typ in ("text", "longtext") and (measure_unit(after) or re.fullmatch(r"[^\W\d_]{1,10}", after)
                                                        and after.islower()):
            typ, measure = unit_type(after), after  # '…: …… nghìn đồng', 'Cân nặng: ……gram': an amount, its unit
        lined = [Ask(label, typ, measure)]
    lined[0].help = notes + lined[0].help
    return lined


def _ask(prompt: str, opts: list[str], notes: list[str]) -> Ask:
    prompt = prompt.strip()
    paren = re.match(r"^(?P<p>.+?\?)\s*(?P<n>\([^()]+\))\s*$", prompt)
    if opts:
        folded = {fold(o) for o in opts}
        if folded <= {"co", "khong"}:
            return Ask(prompt, "yesno", help=notes)
        return Ask(prompt, "multichoice" if MANY.search(prompt) else "choice", help=notes, options=opts)
    said = [f"({n})" for n in notes if not NOTE.match(n)]  # '(Tính theo nghìn VNĐ)' under the question
    typ, unit = survey_type(" ".join([paren.group("p") + " " + paren.group("n") if paren else prompt, *said]))
    return Ask(prompt, typ, unit, help=notes)


def _notes(lines: list[str], k: int) -> tuple[list[str], int]:
    out = []
    while k < len(lines):
        s = lines[k].strip()
        if s and not (NOTE.match(s) and not _item(s) and "?" not in s.split(")")[-1]):
            break
        if s:
            out.append((s[1:-1] if s.startswith("(") and s.endswith(")") else s).rstrip("."))
        k += 1
    return out, k


GRID = "\x00"  # where a table stands among the lines: no option or note runs across it
GROUP = re.compile(r"^(?:bắt đầu|kết thúc|nhóm câu hỏi|kiểm tra thông tin)\b|:\s*$", re.I)


def _question_line(t: str) -> str | None:
    """An uncoded question: its text without a bullet or number mark, when it ends in '?'."""
    mk = parse_marker(t)
    rest = mk.rest.strip() if mk is not None else t
    if "?" in rest and not rest.endswith("?") and _inline_options(rest.rsplit("?", 1)[1].strip()):
        return rest  # 'Hộ có nhà vệ sinh không?   Có …… 1   Không …… 2': its options on its line
    return rest if rest.endswith("?") and len(rest.split()) >= 2 else None


def _heading(mk, rest: str) -> bool:
    """A section's heading, never a label its boxes answer: 'II. THÔNG TIN VỀ DỊCH VỤ', 'Phần B', 'A. …', or any line
    in capitals."""
    upper = rest.isupper() and len(rest.split()) >= 2
    return upper or (mk is not None and (mk.kind in ("roman", "part") or (mk.kind == "alpha" and mk.no[:1].isupper())))


def _label_over_boxes(lines: list[str], k: int) -> str | None:
    """'5. Tổ chức Công đoàn:' over 'Đã thành lập [ ] Chưa thành lập [ ]' (the boxes to tick alone on the next line):
    the label is the question the boxes answer."""
    mk = parse_marker(lines[k].strip())
    rest = (mk.rest if mk is not None else lines[k]).strip()
    nxt = next((s.strip() for s in lines[k + 1 : k + 3] if s.strip()), "")
    bare = not rest.endswith(":") and BOXES.match(nxt) and rest[:1].isupper() and not re.search(r"[.;,?!)]$", rest)
    bare = bare and not _heading(mk, rest)
    if not (rest.endswith(":") or bare) or len(rest.split()) > (20 if bare else 30) or BLANK.search(rest) or BOXES.search(rest):
        return None  # ('Thời gian lấy rác' over '□ 6h – 9h □ 15h – 18h': its colon lost, the boxes start the next line)
    boxes = len(BOXES.findall(nxt))
    opts = _inline_options(nxt) if boxes >= 2 and (BOXES.match(nxt) or BOXES.search(nxt[-4:])) else None
    return rest.rstrip(" :") if opts and len(opts) == boxes and not BLANK.search(nxt) and ":" not in nxt else None


def _spelled(lines: list[str], k: int, opts: list[str]) -> list[str]:
    """The options of a label over its boxes, when they are phrases ('Đã thành lập / Chưa thành lập'): its help too."""
    many = any(len(o.split()) > 1 for o in opts) and {fold(o) for o in opts} - {"co", "khong"}
    return [" / ".join(opts)] if many and _label_over_boxes(lines, k) else []


def _optioned(lines: list[str]) -> int:
    """How many uncoded questions have their options below them or on their line (two make a questionnaire)."""
    n = 0
    for k, s in enumerate(lines):
        asked = _question_line(s.strip())
        opts = (_own_options(asked)[1] or _options(lines, _notes(lines, k + 1)[1], asked)[0]) if asked else []
        if asked and _answers(asked, opts, lines[k + 1 : k + 3]):
            n += 1
    return n


RESPONDENT = re.compile(
    r"(?i)\b(?:anh/chị|anh\s*/\s*chị|anh chị|ông/bà|ông\s*/\s*bà|ông bà|bạn|em|quý vị|gia đình|hộ)\b"
)


def _answers(asked: str, opts: list[str], below: list[str]) -> bool:
    """The options answer the question (not an outline's sub-items under a question): yes and no, boxes or codes to
    tick, or a question put to the respondent ('anh/chị', 'ông/bà', 'gia đình', 'hộ')."""
    if len(opts) < 2:
        return False
    if (
        {fold(o) for o in opts} <= {"co", "khong", "chua", "da"}
        or RESPONDENT.search(asked)
        or is_yesno(asked)
    ):
        return True
    return any(BOXES.search(b) or LEADER.match(b.strip()) for b in [asked, *below])


def _own_options(asked: str) -> tuple[str, list[str]]:
    """The question and the options written after its '?' on the same line."""
    for sep in ("?", ":"):  # 'Giới tính: 1. Nam   2. Nữ'
        head, mark, tail = asked.rpartition(sep)
        found = _inline_options(tail.strip()) if mark and tail.strip() else None
        if found and len(found) >= 2:
            return (head + mark if sep == "?" else head.strip()), found
    first = re.search(r"\s(?=(?:1|a)[.)]\s)", asked) if "?" not in asked else None
    found = _inline_options(asked[first.end() :]) if first else None  # 'Dân tộc 1. Kinh 8. Khác (ghi rõ)'
    if found and len(found) >= 2 and asked[: first.start()].strip():
        return asked[: first.start()].strip(), found
    return asked, []


def survey_numbers(seq: list) -> set[str]:
    """The questions a form numbers 'Câu 13.' (read as '13.' later on): the start of each, to know them again."""
    return {_key(m.group("q")) for x in seq if isinstance(x, str) for m in [NUMBERED_ITEM.match(x)] if m}


NUMBERED_ITEM = re.compile(r"^\s*(?i:câu(?:\s+hỏi)?)\s+\d{1,3}\s*[.:]\s+(?P<q>\S.*)$")


def _key(text: str) -> str:
    return fold(text.strip())[:40]


def _coded(t: str, numbered: set[str], spaced: bool = False) -> str | None:
    """A coded item's question: 'Câu Q1a: …', or a line numbered '13.' that the form wrote 'Câu 13.'; with `spaced`,
    'A3 Trình độ …?' too."""
    found = _item(t) or (_spaced(t) if spaced else None)
    if found is None and numbered:
        mk = parse_marker(t)
        found = (
            mk.rest.strip() if mk is not None and mk.kind == "dec1" and _key(mk.rest) in numbered else None
        )
    return found


def _group_line(t: str) -> bool:
    """'Kiểm tra thông tin của từng thành viên:' between a survey's items: the next items' help."""
    caps = (
        t.isupper() and 2 <= len(t.split()) <= 12
    )  # 'THÔNG TIN VỀ VIỆC LÀM' (a group in capitals; 'PHẦN B. …' is a part of the outline)
    return bool(
        t
        and (GROUP.search(t) or caps)
        and not BLANK.search(t.replace("[…]", ""))
        and parse_marker(t) is None
        and "?" not in t
    )


LONE_CODE = re.compile(
    r"^\s*(?:(?i:câu(?:\s+hỏi)?)\s+\d{1,3}[a-z]?|[A-Z]{1,2}\d{1,3}[a-z]?(?:[._]\d{1,2}[a-z]?)*)\s*[:.]?\s*$"
)


def _join_lone_codes(seq: list) -> list:
    """'A1.2' alone on its line, its question on the next (a questionnaire's table copied one cell a line) → one
    coded line 'A1.2: Năm sinh …'; only where two such codes or more stand alone."""
    if sum(1 for s in seq if isinstance(s, str) and LONE_CODE.match(s)) < 2:
        return seq
    out: list = []
    k = 0
    while k < len(seq):
        s = seq[k]
        j = k + 1
        while (
            isinstance(s, str)
            and LONE_CODE.match(s)
            and j < len(seq)
            and isinstance(seq[j], str)
            and not seq[j].strip()
        ):
            j += 1
        nxt = (
            seq[j].strip()
            if isinstance(s, str) and LONE_CODE.match(s) and j < len(seq) and isinstance(seq[j], str)
            else ""
        )
        if nxt and not LONE_CODE.match(nxt) and not OPTION.match(nxt) and parse_marker(nxt) is None:
            out.append(f"{s.strip().rstrip(':.')}: {nxt}")
            k = j + 1
            continue
        out.append(s)
        k += 1
    return out


UNIT_LINE = re.compile(r"^(?:…|\.{2,}|_{2,})[….\s_]*(?P<u>[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){0,2}|%)\s*\.?$")


def _answer_space(lines: list[str], j: int, asked: str, coded: bool) -> tuple[str, int, str | None, int]:
    """The answer's line under a question: '……' (a coded label's space: 'A1.2: Năm sinh' over '……' gets it; a
    question ending in '?' keeps its words), '…… người' / '…… triệu đồng' (the unit the answer is given in); and
    how many lines of dots were left to write on."""
    start = j
    while coded and j < len(lines) and blank_only(lines[j]):
        if not asked.rstrip().endswith("?") and not BLANK.search(asked):
            asked = f"{asked.rstrip(' :')}: ……"
        j += 1
    unit = UNIT_LINE.match(lines[j].strip()) if j < len(lines) and not BLANK.search(asked) else None
    unit = unit if unit and not unit.group("u")[:1].isupper() else None  # ('…… Không biết' is an option)
    space = sum(1 for x in lines[start:j] if blank_only(x))
    return asked, j + (unit is not None), unit.group("u").strip() if unit else None, space


def survey_items(seq: list, numbered: set[str] | None = None) -> list:
    """The sequence with each questionnaire item (and its options, its notes) replaced by one carried ask; other
    lines and tables as they were. Items with a code count only when the text holds two or more of them (a survey);
    an uncoded question counts only with its options below it (or, in a survey, alone: its words type it)."""
    numbered = numbered or set()
    seq = split_glued_items(_join_lone_codes(seq))
    lines = [s if isinstance(s, str) else GRID for s in seq]
    spaced = _spaced_survey(lines)
    survey = sum(1 for s in lines if _coded(s.strip(), numbered, spaced)) >= 2 or _optioned(lines) >= 2
    out: list = []
    pending: list[str] = []
    k = 0
    while k < len(lines):
        t = lines[k].strip()
        coded = _coded(t, numbered, spaced) if survey else None
        asked = coded or _question_line(t) or _label_over_boxes(lines, k)
        grouping = (
            survey
            and not coded
            and _group_line(t)
            and any(isinstance(x, str) and CARRY.match(x.split(" ")[-1]) for x in out)
        )
        if not asked or grouping:
            if grouping:
                pending.append(t.rstrip(" :."))
            else:
                out.append(seq[k])
            k += 1
            continue
        asked, opts = _own_options(asked)
        notes, j = _notes(lines, k + 1)
        if not opts:
            opts, j = _options(lines, j, asked)
        more, j = _notes(lines, j)
        asked, j, unit, space = _answer_space(lines, j, asked, bool(coded) and not opts)
        bare = ITEM.match(t) is not None and ITEM.match(t).group("b") is not None  # 'Q1.': a code only
        if (
            (not coded and not opts and not survey)
            or (bare and not opts and "?" not in asked and not BLANK.search(asked))
            or (not coded and opts and not survey and not _answers(asked, opts, lines[k : k + 3]))
            or (not opts and not BLANK.search(asked) and next((x for x in lines[j:] if x.strip()), "") == GRID)
        ):  # (an item over a grid to tick is the grid's caption: the table asks it)
            out.append(seq[k])
            k += 1
            continue
        k, at = j, k
        if PREFILLED.search(" ".join([asked, *notes, *more])):  # 'ĐTV chọn xã … (Đã chọn)': nothing to ask
            continue
        asks = _asks(asked, opts, notes + more + _spelled(lines, at, opts))
        if unit and len(asks) == 1 and asks[0].type in ("integer", "decimal", "money", "text", "longtext"):
            asks[0].type, asks[0].unit = unit_type(unit), unit  # '… bao nhiêu?' over '…… triệu đồng'
        elif space >= 2 and len(asks) == 1 and asks[0].type == "text":  # 'Góp ý …:' over lines of dots: a passage
            asks[0].type = "longtext"
        asks[0].help, pending = pending + asks[0].help, []
        out.extend(carry_as(t, a, numbered=True) for a in asks)
        nxt = lines[k].strip() if k < len(lines) else ""
        if FOLLOW_UP.match(nxt) and "?" not in nxt:  # 'Nếu không đúng, ĐTV nhập lại tên đúng …': written in
            out.append(carry(Ask(nxt.rstrip("."), "text")))
            k += 1
    return out


ANSWER_HEAD = re.compile(
    r"^\s*(?:STT|TT|Mã)\s*\|\s*(?:câu hỏi|nội dung|chỉ tiêu)[^|]*\|(?P<o>(?:\s*(?:\d{1,2}\s*[.)]\s*)?[^|\d]{1,20}\|){2,5})\s*$",
    re.I,
)
CODED_ROW = re.compile(r"^(?P<c>\s*[A-H]?\d{1,2}\s*\|\s*)(?P<q>[^|]*\S)\s*\|(?:\s*\|)*\s*$")


def answer_columns(seq: list) -> list:
    """A questionnaire's table flattened row by row, its header naming the answers ('STT | CÂU HỎI | 1.Có | 2.Không
    |'): the header goes, and each coded question row under it ('A1 | Sở có … không? |') gets the answers as boxes
    to tick ('… không? Có □ Không □'), up to the next row that is no coded question."""
    out: list = []
    opts: list[str] = []
    for s in seq:
        head = ANSWER_HEAD.match(s) if isinstance(s, str) else None
        if head:
            cells = [re.sub(r"^\s*\d{1,2}\s*[.)]\s*", "", o).strip() for o in head.group("o").split("|") if o.strip()]
            folded = [fold(c) for c in cells]
            if any(f in ("co", "dat", "dung", "da") for f in folded) and any(
                f.startswith(("khong", "chua", "sai")) for f in folded
            ):  # answers ('Có', 'Không'; 'Đạt', 'Chưa đạt'), not a table's columns ('Số lượng', 'Ghi chú')
                opts = cells
                continue
        row = CODED_ROW.match(s) if isinstance(s, str) and opts else None
        if row and "?" in row.group("q"):
            q = row.group("q").split("?")[0] + "?"  # ('… không? Nếu có theo hình thức nào?': the first asks)
            out.append(f"{row.group('c')}{q} {' '.join(f'{o} □' for o in opts)} |")
            continue
        if isinstance(s, str) and s.strip() and not s.strip(" |") == "" and not row:
            opts = opts if re.match(r"^\s*[a-h]\s*\|", s) else []
        out.append(s)
    return out


def split_alike(seq: list) -> list:
    """Items run into one line that all begin with the same words in sentence case ('Thời gian chờ bác sỹ … Thời
    gian chờ đến lượt … Thời gian chờ kết quả …', a PDF's column read across): a line each. Three starts at least,
    each after a space and with a capital, so a sentence repeating its words once stays whole."""
    out: list = []
    for s in seq:
        words = s.split() if isinstance(s, str) else []
        head = " ".join(words[:3])
        if len(words) < 9 or not head[:1].isupper() or not all(w.isalpha() for w in words[:3]):
            out.append(s)
            continue
        parts = re.split(rf"\s+(?={re.escape(head)}\b)", s.strip())
        out.extend(parts if len(parts) >= 3 and all(len(p.split()) > 3 for p in parts) else [s])
    return out
