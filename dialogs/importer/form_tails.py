"""Forms as pages cut them:

- A form's grades listed in brackets under a labelled blank: '2. Xếp loại: ……' then '(Xuất sắc; khá; trung bình;
  yếu).' — the blank is filled with one of them, so the field is a choice of those grades, not a line of text. A late
  pass over the built sections (build.py, before tidy): the label's line is found again in the document's lines, the
  line after it must be nothing but a bracket of three to eight short items parted by ';' (no verb of guidance such
  as 'ghi', 'nêu', no blank, no figures).
- The numbered criteria under an assessment heading ('1. KẾT QUẢ TỰ ĐÁNH GIÁ' over '1. Chính trị tư tưởng: ……',
  'IV. NHẬN XÉT, ĐÁNH GIÁ' over '3. Triển vọng phát triển: ……'): each blank is an assessment written out (longtext);
  a name, a date, a figure or a choice keeps its type (`written_assessments`).
- A web form's print that puts a question's options above it ('XĐ tuổi (đúng tất cả)' / 'XĐ tuổi (sai 1)' /
  '6. Xác định tuổi của đối tượng' / blank line): the question is read first, its options under it (`options_first`).
- A page that begins in the middle of a form ('III. …', 'IV. …' first) and then shows the form's header (the agency
  line, the national motto, the form's name in capitals): the form begins at its header, so its header and what
  follows are read first and the tail the page pasted above them after (`header_first`)."""

from __future__ import annotations

import re

from dialogs.importer.coded_options import legend_columns
from dialogs.importer.lexicon import NAME_LABEL
from dialogs.importer.naming import MOTTO, is_agency_header, name_under_motto
from dialogs.importer.shaped_types import help_options
from dialogs.importer.structure import parse_marker
from dialogs.text import fold

BLANK_TAIL = re.compile(r"\s*:?\s*(?:…|\.{2,}|_{2,})[.…_\s]*$")
BRACKET_LIST = re.compile(r"^\((?P<items>[^()]+)\)\s*[.;]?$")


def bracket_grades(line: str) -> list[str] | None:
    """'(Hoàn thành tốt; hoàn thành; không hoàn thành).' → the three grades (a bracketed list of options, read as
    `shaped_types.help_options` reads a help); None for any other line."""
    return help_options(line) if BRACKET_LIST.match(line.strip()) else None


def _label(line: str) -> str | None:
    """The label of a line that is a label and its blank ('2. Xếp loại: ……'), folded; None for any other line."""
    s = line.strip()
    mk = parse_marker(s)
    body = mk.rest if mk is not None else s
    if not BLANK_TAIL.search(body):
        return None
    label = BLANK_TAIL.sub("", body).strip(" :")
    return fold(label) if label and ":" not in label and len(label.split()) <= 15 else None


def graded_labels(texts: list[str]) -> dict[str, list[str]]:
    """Each label whose blank has grades in a bracket on the next line that is not empty, with those grades."""
    out: dict[str, list[str]] = {}
    for i, line in enumerate(texts):
        label = _label(line)
        if label is None:
            continue
        nxt = next((t for t in texts[i + 1 : i + 3] if t.strip()), "")
        grades = bracket_grades(nxt)
        if grades:
            out[label] = grades
    return out


def choose_graded_blanks(
    sections: list[dict], texts: list[str], graded: dict[str, list[str]] | None = None
) -> None:
    """The text fields whose blank has its grades listed under it become choices of those grades (in place)."""
    graded = graded_labels(texts) if graded is None else graded
    if not graded:
        return
    for sec in sections:
        for q in sec.get("items", []):
            if "items" in q:
                choose_graded_blanks([q], texts, graded)
                continue
            grades = graded.get(fold(q.get("prompt", "")).strip(" .:"))
            if grades and q.get("type") in ("text", "longtext") and "options" not in q:
                q["type"], q["options"] = "choice", grades
                if q.get("help") and fold(grades[0]) in fold(q["help"]):
                    q.pop("help")


def _mid_form(lines: list[str]) -> bool:
    """The lines begin in the middle of a form: a Roman numeral heading past I comes before any I (or 1.)."""
    for s in lines:
        mk = parse_marker(s)
        if mk is None or not (mk.kind == "roman" or mk.kind.startswith("dec")):
            continue
        return mk.kind == "roman" and mk.no.strip(" .-)") != "I"
    return False


def header_first(seq: list) -> list:
    """A page that pasted a form's tail above the form's header: the header and what follows it first, then the tail
    (the same list when the document begins with its header or shows no second one)."""
    texts = [(k, s) for k, s in enumerate(seq) if isinstance(s, str)]
    motto = next((j for j, (_, s) in enumerate(texts) if MOTTO.match(fold(s.strip()))), None)
    if motto is None or not _mid_form([s for _, s in texts[:motto]]):
        return seq
    if name_under_motto([s for _, s in texts[motto : motto + 4]]) is None:
        return seq
    start = motto
    for j in range(motto - 1, max(-1, motto - 5), -1):  # the agency line and the motto's first line above it
        s = texts[j][1].strip()
        if s and not is_agency_header(s):
            break
        start = j
    cut = texts[start][0]
    return [*seq[cut:], *seq[:cut]]


# a heading over a person's or a unit's assessment: '(Kết quả) (tự) đánh giá …', '(Ý kiến) nhận xét …', 'Kiểm điểm …'
ASSESSING = re.compile(r"^(?:ket qua\s+)?(?:y kien\s+)?(?:tu\s+)?(?:danh gia|nhan xet|kiem diem)\b")


# a particular about who assesses or is assessed — a name, a post, a unit, a contact, a date — stays a line to fill
PARTICULARS = re.compile(
    r"^(?:nguoi|ho (?:va )?ten|chuc vu|chuc danh|don vi|co quan|dia chi|(?:so )?dien thoai|email|e-mail|fax|"
    r"ngay|thoi gian|noi|nam sinh|so (?:cmnd|cccd|the|hieu)|ma so)\b"
)


def written_assessments(sections: list[dict]) -> None:
    """The numbered text fields of a section whose heading assesses become longtext (in place)."""
    for sec in sections:
        items = sec.get("items", [])
        assessing = bool(ASSESSING.match(fold(sec.get("title") or "").strip(" .:")))
        for q in items:
            if "items" in q:
                written_assessments([q])
            elif (
                assessing
                and q.get("type") == "text"
                and q.get("no")
                and q["no"] not in ("-", "–", "+", "•")
                and not NAME_LABEL.match(q.get("prompt", ""))
                and not PARTICULARS.match(fold(q.get("prompt", "")))
            ):
                q["type"] = "longtext"


def form_passes(sections: list[dict], texts: list[str]) -> None:
    """The passes over the built sections (build.py, after lettered_fields.py's): grades in brackets under a blank
    make a choice, then the numbered criteria under an assessment heading are written out."""
    choose_graded_blanks(sections, texts)
    written_assessments(sections)
    legend_columns(sections)  # a legend of codes under a table: its column's answers


LIST_LEAD = re.compile(r"(?::|\bgom|\bnhu sau|\bsau day)\s*$")  # a lead whose list the lines below are


def _option_like(s: str) -> bool:
    t = s.strip()
    return (
        bool(t)
        and parse_marker(t) is None
        and len(t.split()) <= 8
        and not BLANK_TAIL.search(t)
        and not t.endswith((":", "?", ".", ";"))
    )


def _options_above(seq: list, i: int) -> int | None:
    """Where the run of options above the numbered question at `i` begins (None when there is none): two lines or
    more, short, unnumbered, beginning with the same word, with an empty line above them and below the question."""
    k = i
    while k > 0 and isinstance(seq[k - 1], str) and _option_like(seq[k - 1]):
        k -= 1
    run = seq[k:i]
    if len(run) < 2 or (k > 0 and not (isinstance(seq[k - 1], str) and not seq[k - 1].strip())):
        return None
    firsts = {fold(x.split()[0]) for x in run}
    after = seq[i + 1] if i + 1 < len(seq) else ""
    if len(firsts) != 1 or not isinstance(after, str) or after.strip() or not _variants(run):
        return None
    lead = next((x for x in reversed(seq[: k - 1]) if not isinstance(x, str) or x.strip()), "")
    return None if isinstance(lead, str) and LIST_LEAD.search(fold(lead)) else k


def _variants(run: list[str]) -> bool:
    """Options of one answer differ in a word or two ('Ghi đúng địa chỉ' / 'Ghi sai địa chỉ'): the lines share two
    words or more, two fifths of each line; names listed one a line ('Trường Mầm non Hoa Sen' / 'Trường Tiểu học …')
    do not."""
    words = [set(re.findall(r"\w+", fold(x))) for x in run]
    common = set.intersection(*words)
    return len(common) >= 2 and all(5 * len(common) >= 2 * len(w) for w in words)


def options_first(seq: list) -> list:
    """A question printed below its options is moved above them (the same list when no question is)."""
    out = list(seq)
    for i, s in enumerate(seq):
        mk = parse_marker(s) if isinstance(s, str) else None
        if mk is None or not mk.kind.startswith("dec") or BLANK_TAIL.search(s) or s.rstrip().endswith(":"):
            continue
        k = _options_above(out, i)
        if k is not None:
            out[k : i + 1] = [out[i], *out[k:i]]
    return out
