"""A questionnaire copied as one run-on line, each question's answer labels first and their codes after them
('A. Anh có … không ? Quảng cáo Đóng tàu Giấy 1 2 3 Chấm dứt PV B. Độ tuổi Dưới 18 tuổi 18-25 Trên 25 tuổi 1 2 3'):
each question becomes one carried ask, a choice of its labels (as many as its codes 1 … n), what follows the codes
('Chấm dứt PV', the interviewer's script) its help; a question with no codes is asked by its words. The questions
are the lettered items in order ('A.', 'B.', 'C.') and, before them, the label after the form's last blank
('Họ tên: ____ Thành phố (3) Thành phố Hà Nội Tỉnh Cần Thơ 1 2'). The form's head (its fields with blanks) stays on
its line. Only a long line with two runs of codes or more.

The interviewer's own bookkeeping on a questionnaire ('Họ tên người phỏng vấn', 'Số TT NPV', 'Số thứ tự') is no
question for the unit: ``interviewer_fields`` takes such asks out and says so."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.forms import BLANK, MANY
from dialogs.importer.surveys import carry, survey_type
from dialogs.text import fold

CODES = re.compile(r"(?<!\S)1(?: (?:\d{1,2}))+(?!\S)")
LETTER = re.compile(r"(?<=\s)(?P<l>[A-H])\.\s+(?=[^\W\d_])")
REF = re.compile(r"\s*\(\d{1,2}\)")  # '(3)': the column a code is written in
PAGE = re.compile(r"\s+Trang\s+\d{1,3}\s*/\s*\d{1,3}\b.*$")  # 'Trang 1/12 Bảng câu hỏi …': a page's foot and head
PLACE = re.compile(r"(?<!\S)(?=(?:Thành phố|Tỉnh|Quận|Huyện|Thị xã|Thị trấn|Xã|Phường|TP\.)\s)")
RANGE = re.compile(r"^[<>≤≥]?\d{1,3}\s*[-–]\s*\d{1,3}$")


def _code_runs(line: str) -> list[re.Match]:
    """'1 2 3 4': the codes counting from 1, each run two codes or more."""
    out = []
    for m in CODES.finditer(line):
        nums = [int(x) for x in m.group(0).split()]
        if nums == list(range(1, len(nums) + 1)):
            out.append(m)
    return out


def _letters(line: str, start: int) -> list[re.Match]:
    """The lettered items 'A.', 'B.', 'C.' … in order from `start` (a letter out of order is text)."""
    out: list[re.Match] = []
    for m in LETTER.finditer(line, start):
        if m.group("l") == chr(ord("A") + len(out)):
            out.append(m)
    return out if len(out) >= 2 else []


def _starts(tokens: list[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t[:1].isupper() or RANGE.match(t)]


def _pieces(text: str, at: list[int]) -> list[str]:
    tokens = text.split()
    return [" ".join(tokens[a:b]) for a, b in zip(at, at[1:] + [len(tokens)], strict=True)]


def _labels(text: str, n: int, asked: bool) -> tuple[str, list[str]] | None:
    """The question (when not `asked` already) and the n labels before n codes: each label begins with a capital or
    is a range ('18-25'); else places ('Thành phố Hà Nội Tỉnh Cần Thơ'), each begins with its kind."""
    need = n if asked else n + 1
    tokens = text.split()
    at = _starts(tokens)
    if len(at) == need and at[0] == 0:
        parts = _pieces(text, at)
    else:
        parts = [p.strip() for p in PLACE.split(text) if p.strip()]
        if len(parts) != need:
            return None
    parts = [re.sub(r"\s+([,;])", r"\1", p) for p in parts]  # ('Phóng viên , nhà báo')
    return ("" if asked else parts[0]), parts[-n:]


def _ask(segment: str) -> tuple[Ask | None, str]:
    """One question's segment → its ask (None when its labels cannot be told apart) and the text left."""
    segment = PAGE.sub("", REF.sub("", segment)).strip()
    runs = _code_runs(segment)
    if not runs:
        prompt = segment.rstrip(" .:")
        typ, unit = survey_type(prompt)
        return Ask(prompt, "text" if typ == "longtext" and "?" not in prompt else typ, unit), ""
    run = runs[0]
    head, after = segment[: run.start()].strip(), segment[run.end() :].strip()
    n = len(run.group(0).split())
    q, mark, rest = head.partition("?")
    found = _labels(rest, n, True) if mark else _labels(head, n, False)
    if found is None:
        return None, segment
    prompt = (q.rstrip() + "?") if mark else found[0]
    help_ = [re.sub(r"(?i)\b(\w.{2,30}?)(?:\s+\1\b)+", r"\1", re.sub(r"\s+", " ", after))] if after else []
    typ = "multichoice" if MANY.search(prompt) or re.search(r"(?i)\bnhững\b.*\bsau\b", prompt) else "choice"
    return Ask(prompt.strip(), typ, options=found[1], help=help_), ""


def _segments(line: str) -> tuple[str, list[str]] | None:
    """The form's head and each question's segment (its letter taken off)."""
    runs = _code_runs(line)
    if len(runs) < 2 or len(line.split()) < 60:
        return None
    first = runs[0].start()
    cut = max([m.end() for m in BLANK.finditer(line) if m.end() < first], default=0)  # after the head's last blank
    letters = [m.start() for m in _letters(line, cut)]
    starts = letters if letters and letters[0] < first else [cut, *letters]
    if len(starts) < 2:
        return None
    segs = [line[x:y] for x, y in zip(starts, starts[1:] + [len(line)], strict=True)]
    return line[: starts[0]].strip(), [LETTER.sub("", " " + x, count=1).strip() for x in segs]


def run_on_survey(seq: list) -> list:
    """Each run-on questionnaire line → its head, then one carried ask per question (the module's docstring)."""
    out: list = []
    for s in seq:
        found = _segments(s) if isinstance(s, str) else None
        asks = [_ask(x) for x in found[1]] if found else []
        if not asks or any(a is None for a, _ in asks):
            out.append(s)
            continue
        out.extend([found[0]] * bool(found[0]) + [carry(a) for a, _ in asks])
    return out


INTERVIEWER = re.compile(
    r"^(?:ho (?:va )?ten|ten|ma|ma so|so tt|so thu tu|chu ky)\s+(?:cua\s+)?"
    r"(?:nguoi phong van|phong van vien|dieu tra vien|dtv|npv|nguoi dieu tra)\s*:?$"
    r"|^(?:so tt|so thu tu|stt)(?:\s+[a-z]{2,4})?\s*:?$"
)
INTERVIEW = re.compile(r"\b(?:phong van|dieu tra vien|phieu khao sat|phieu dieu tra|bang cau hoi)\b")
RESPONDENT = re.compile(r"\b(?:nguoi tra loi|nguoi duoc phong van|ntl)\b")


def _without(items: list[dict], gone: list[str]) -> list[dict]:
    keep = []
    for q in items:
        if "items" in q and "type" not in q:
            q["items"] = _without(q["items"], gone)
        if q.get("type") in ("text", "integer") and INTERVIEWER.search(fold(q.get("prompt") or "").strip()):
            gone.append(q["prompt"])
            continue
        keep.append(q)
    return keep


def interviewer_fields(sections: list[dict], texts: list[str], notes: list[dict]) -> None:
    """On a questionnaire put to a respondent ('phỏng vấn', 'phiếu khảo sát'; 'người trả lời'), the interviewer's own
    fields ('Họ tên người phỏng vấn', 'Số TT NPV') and the form's serial number ('Số thứ tự', 'Số TT NTL') are no
    asks: taken out, and said. (A form about the interviewer, with no respondent named, keeps them.)"""
    text = fold(" ".join(texts))
    if not INTERVIEW.search(text) or not RESPONDENT.search(text):
        return
    gone: list[str] = []
    for sec in sections:
        sec["items"] = _without(sec.get("items") or [], gone)
    if gone:
        notes.append({"message": "«" + "», «".join(gone) + "»: người phỏng vấn tự ghi, không hỏi đơn vị — đã bỏ; "
                                 "nếu cần hỏi, hãy thêm câu hỏi đó vào tệp YAML"})
