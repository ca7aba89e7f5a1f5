"""The import pipeline: read → clean → repair → structure → questions and tables → outline dict."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dialogs.importer.addressee import addressee_asks
from dialogs.importer.ask_types import Ask, none_everywhere
from dialogs.importer.asked_sentences import asked_sentences, contents_sentences, richer
from dialogs.importer.carried_labels import carried_labels
from dialogs.importer.cleaning import clean
from dialogs.importer.coded_options import coded_options
from dialogs.importer.convert import (
    REF_RE,
    ImportContext,
    caps_heading,
    field_question,
    norm_code,
    question,
    section_from,
    table_question,
)
from dialogs.importer.document import Document, Grid, Line
from dialogs.importer.document_kind import PAGE_KINDS, kind_notes, page_kind
from dialogs.importer.doubled_marks import doubled_marks
from dialogs.importer.empty_cells import empty_cells
from dialogs.importer.field_lines import field_line_asks
from dialogs.importer.form_fields import place_runs, wrapped_options
from dialogs.importer.form_labels import blank_beside, listed_labels
from dialogs.importer.form_tails import form_passes, header_first, options_first
from dialogs.importer.forms import BLANK, NUMBERED_BLANK, head_fields, people_lists
from dialogs.importer.glued_cells import unglue_cells
from dialogs.importer.glued_syllables import unglue_lines
from dialogs.importer.headline import (
    PLAIN_NAME,
    PLAIN_NOTE,
    fallback_name,
    first_line_name,
    fuller_report,
    name_like,
    news_headline,
)
from dialogs.importer.inline_counts import unit_answers
from dialogs.importer.keys import KeyMaker, slug
from dialogs.importer.lettered_fields import late_passes
from dialogs.importer.listed_lines import listed_lines
from dialogs.importer.lone_names import lone_names, sex_boxes
from dialogs.importer.lost_dots import lost_dots
from dialogs.importer.minutes import blank_rosters, delegates, opening_asks, role_slots, rosters
from dialogs.importer.named_bieu import catalogue
from dialogs.importer.named_categories import note_figures
from dialogs.importer.naming import (
    BARE_NAMES,
    NAME_TAIL,
    asked_report_wins,
    english_name,
    form_name_wins,
    name_under_motto,
    own_name,
    report_phrase,
    spelled_out,
    trim_run_on,
    without_glued_field,
)
from dialogs.importer.naming import is_agency_header as _agency
from dialogs.importer.not_outline import no_outline
from dialogs.importer.own_meanings import own_meanings
from dialogs.importer.page_furniture import (
    closing_line,
    drop_article_text,
    drop_page_furniture,
    without_end_mark,
)
from dialogs.importer.party_respondents import party_respondents
from dialogs.importer.person_blocks import person_blocks
from dialogs.importer.prose import prose_asks
from dialogs.importer.prose_items import led_line, listed_line
from dialogs.importer.questions import coded_choice
from dialogs.importer.rated_grid import rated_grid
from dialogs.importer.repair import RepairReport, repair_lines
from dialogs.importer.run_on_forms import dashed_numbers, split_numbered_fields, split_run_on_form
from dialogs.importer.run_on_surveys import interviewer_fields, run_on_survey
from dialogs.importer.scored_items import counts_after_has, scored_items
from dialogs.importer.section_numbers import article_marker, article_run
from dialogs.importer.sign_offs import drop_sign_off, drop_signing_date
from dialogs.importer.stated_units import column_units, is_unit_line
from dialogs.importer.structure import (
    BULLET_KINDS,
    PART_WORDS,
    Node,
    build_tree,
    footnote_ids,
    inner_parts,
    is_outline_start,
    join_broken,
    letter_options,
    lone_letters,
    number_options,
    options_after_ask,
    page_template_headings,
    parse_marker,
    restore_marks,
    split_flattened,
    strip_fn,
    strip_page_numbers,
    undotted_numbers,
    unglue_list,
)
from dialogs.importer.surveys import (
    answer_columns,
    is_carried,
    split_alike,
    split_glued_items,
    survey_items,
    survey_numbers,
)
from dialogs.importer.syllables import is_syllable_start, is_valid
from dialogs.importer.tables import TableDraft, build_table
from dialogs.importer.textgrid import FlatGrid, rebuild
from dialogs.importer.tidy import tidy
from dialogs.importer.unit_blanks import split_field_line
from dialogs.importer.verb_clauses import led_clauses
from dialogs.importer.yesno_columns import yesno_columns
from dialogs.outline import PERIOD_KIND_VI
from dialogs.text import fold

FILLED = re.compile(r"^[^:]{1,40}:\s*\S[^:]{0,60}$")
CAPTION_RE = re.compile(r"^(?:biểu|phụ lục|mẫu)\s*(?:mẫu\s*)?(?:số\s*)?(\d{1,2}[A-Za-z]?)\b[\s.:\-–]*(.*)$", re.I)


@dataclass
class Built:
    data: dict
    ctx: ImportContext
    repair: RepairReport
    joined: int = 0
    flattened: int = 0
    dropped: list[str] = field(default_factory=list)
    none_ok: bool = False


def _page_headings(sections: list[dict], page: set[str]) -> None:
    """The page's '1. Mẫu biên bản …' over the form: a section without the page's number; a sub-heading of the page
    under it ('1.1. Biên bản cuộc họp chung') gives its questions to it (they are the form's, unnumbered)."""
    for sec in sections:
        if not page or fold(sec["title"]).strip(" .:") not in page:
            continue
        sec["no"] = ""
        items: list[dict] = []
        for it in sec["items"]:
            sub = "items" in it and "key" not in it and fold(it.get("title", "")).strip(" .:") in page
            items.extend(it["items"] if sub else [it])
        sec["items"] = items


def _sequence(doc: Document) -> list[str | Grid]:
    return [b.text if isinstance(b, Line) else b for b in doc.blocks]


def _texts_back(seq: list, texts: list[str]) -> list:
    """The sequence with its text lines replaced, in order, by ``texts`` (the tables where they were)."""
    it = iter(texts)
    return [next(it) if isinstance(s, str) else s for s in seq]


def _line_pdf(doc) -> bool:
    """A PDF read line by line (pypdf's text): its broken lines are joined here; one read by where its lines stand
    (pdf_lines.py) has its wrapped lines joined already."""
    return doc.source == "pdf" and not doc.laid_out


def _fix_lines(seq: list[str | Grid], pdf: bool) -> tuple[list[str | Grid], int, int]:
    out: list[str | Grid] = []
    run: list[str] = []
    joined = flat = 0

    def flush() -> None:
        nonlocal joined, flat
        lines, r = restore_marks([field for line in strip_page_numbers(run) for part in split_buried_name(line)
                                  for cut0 in split_run_on_form(part) for cut in place_runs(cut0)
                                  for one in split_numbered_fields(cut)
                                  for field in split_field_line(one)])
        lines, f = split_flattened(lines)
        f += r
        lines, j = join_broken(lines, pdf)
        lines = people_lists(lines)
        out.extend(lines)
        joined += j
        flat += f
        run.clear()

    for it in seq:
        if isinstance(it, str):
            run.append(it)
        else:
            flush()
            out.append(it)
    flush()
    return out, joined, flat


BURIED_NAME = re.compile(r"hạnh phúc[\s\-–—_.]*(?P<no>Số\s*:[^:]{0,120}?\bnăm\b[\s.…_\d]*)?(?=(?:BÁO CÁO|PHIẾU|BIÊN BẢN|ĐỀ CƯƠNG|KẾ HOẠCH|ĐƠN XIN|TỜ KHAI|"
                         r"DANH SÁCH|BẢN KIỂM ĐIỂM|GIẤY)\s)", re.I)


def split_buried_name(line: str) -> list[str]:
    """A document flattened into one paragraph keeps its name in capitals right after the motto ('… Hạnh phúc
    ------ BÁO CÁO SƠ KẾT HỌC KÌ I Năm học 20…-20… Lớp: ……'): the name is cut out as a line of its own, so that it
    names the document and its fields follow it."""
    m = BURIED_NAME.search(line) if len(line) > 120 else None
    inner = INNER_NAME.search(line) if len(line) > 300 and not m else None
    if inner:  # '… ĐT: 38. PHIẾU THU THẬP THÔNG TIN DOANH NGHIỆP Tháng… năm… A. …' (a page on one line)
        words = line[inner.start():].split(" ")
        # the name ends at its first lower-case word, or at the outline's first heading ('… NĂM 2026 I. KẾT QUẢ …')
        k = next((i for i, w in enumerate(words) if any(ch.islower() for ch in w) or (i >= 4 and HEAD_NO.match(w))),
                 len(words))
        name = " ".join(words[:k]).strip(" .")
        if len(name.split()) >= 4 and k < len(words):
            return [x for x in (line[:inner.start()].strip(), name, " ".join(words[k:]).strip()) if x]
    if not m:
        return [line]
    words = line[m.end():].split(" ")
    k = 0
    while k < len(words) and (not any(ch.isalpha() for ch in words[k]) or not any(ch.islower() for ch in words[k])):
        k += 1
    if k > 2 and m.group("no"):  # (a name in capitals after the number and date: the page's own name stays)
        return [line]
    if k <= 2:  # 'BÁO CÁO Kết quả công tác … Phần I …': the name runs on to the first part or numbered heading
        stop = NAME_END.search(line, m.end())
        k = len(line[m.end():stop.start()].split()) if stop and stop.start() - m.end() < 300 else k
    name = " ".join(words[:k]).strip()
    if len(name.split()) < 3:
        return [line]
    return [line[:m.end()].strip(), name, " ".join(words[k:]).strip()]


INNER_NAME = re.compile(r"(?:^|(?<=[\s.;:]))(?:BÁO CÁO|PHIẾU|BIÊN BẢN|ĐỀ CƯƠNG|TỜ KHAI)\s+(?=[A-ZĐÀ-Ỹ]{2,}\s+[A-ZĐÀ-Ỹ]{2,})")
HEAD_NO = re.compile(r"^(?:[IVX]{1,4}|1|[A-H])\.$")  # a heading's number standing as a word of its own
NAME_END = re.compile(r"\s(?:Phần\s+(?:[IVX]{1,4}|\d{1,2}|thứ)\b|PHẦN\s|[IVX]{1,4}\.\s|[A-H]\.\s|1\.\s)")


def _from_inline_start(seq: list[str | Grid]) -> list[str | Grid]:
    """A flattened document (a plan with the outline attached) whose 'ĐỀ CƯƠNG …' heading is inside a paragraph:
    keep what follows the last such heading."""
    for k in range(len(seq) - 1, -1, -1):
        it = seq[k]
        if isinstance(it, str):
            pos = [m.start() for m in re.finditer(r"\bĐỀ CƯƠNG(?:\s+(?:BÁO CÁO|GỢI Ý))?\b", it)]
            if pos and pos[-1] > 0:
                return [it[pos[-1]:], *seq[k + 1:]]
            if pos:
                return seq[k:]
    return seq


PARTICULARS = re.compile(r"^\(?(?:don vi|ky bao cao|ban hanh theo|ngay nhan|ngay nop|nam\b|thang\b|quy\b)")


def _name_above(seq: list[str | Grid], i: int) -> str:
    """A statistics form's name in capitals over its particulars ('SỐ THANH NIÊN HỌC NGHỀ' / 'Năm…' / 'Đơn vị báo
    cáo: …' / 'Đơn vị tính: Người') names the table under them; '' when another line stands between."""
    for j in range(i - 1, max(i - 9, -1), -1):
        line = seq[j].strip() if isinstance(seq[j], str) else None
        if line is None:
            return ""
        if not line or PARTICULARS.match(fold(line)) and len(line) <= 160:
            continue
        return _sentence_case(line) if line.isupper() and len(line.split()) >= 2 else ""
    return ""


def _field_labels(seq: list[str | Grid], i: int) -> bool:
    """The lines right above a grid are a form's labels waiting for their values ('Tỉnh, thành phố:' / 'Xã,
    phường, thị trấn:'): two or more ending in a colon, none a caption."""
    above = [s.strip() for s in seq[max(0, i - 4):i] if isinstance(s, str) and s.strip()][-2:]
    return len(above) == 2 and all(s.endswith(":") and len(s.split()) <= 10 for s in above)


def _caption_past_blanks(seq: list[str | Grid], i: int) -> tuple[str, int] | None:
    """A grid's caption set apart by several blank lines (a copy that kept each empty cell or paragraph as a line):
    the first line said above it, when only blank lines come between (at most 8) and it is a short name that asks
    nothing itself (no blank, no colon, no number, not all capitals)."""
    j = i - 1
    while j >= 0 and i - j <= 8 and isinstance(seq[j], str) and not seq[j].strip():
        j -= 1
    line = seq[j].strip() if j >= 0 and i - j > 3 and isinstance(seq[j], str) else ""
    line = line[:-1].rstrip() if line.endswith(":") and len(line.split()) >= 3 else line  # 'Nguyên liệu dùng:' leads it
    if not line or len(line.split()) > 12 or BLANK.search(line) or ":" in line or line.isupper() \
            or parse_marker(line) or re.search(r"\d", line) or line.endswith((".", "?", ";")):
        return None
    return line, j


# a statistics form's particulars, printed between its name and its table
PARTICULAR = re.compile(r"^(?:don vi (?:nhan )?bao cao|ngay nhan bao cao)\s*(?:\(|:|$)")


def _captions(seq: list[str | Grid]) -> list[tuple[int, str | None, str, int]]:
    """For each grid: (index, code, title, index of the first caption line)."""
    out = []
    for i, it in enumerate(seq):
        if not isinstance(it, Grid):
            continue
        code, title_parts, first = None, [], i
        j = i - 1
        while j >= 0 and i - j <= 5 and isinstance(seq[j], str):
            line = seq[j].strip()
            if line:
                m = CAPTION_RE.match(line)
                if m:
                    code = m.group(1).upper()
                    rest = m.group(2).strip(" *")
                    if re.match(r"^-[A-ZĐ0-9]", line[m.end(1):]):  # 'Biểu 01-MN-ĐN BÁO CÁO …': the code goes on
                        rest = re.sub(r"^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*\s+", "", rest)
                    elif re.match(r"^/[^\W\d_]", line[m.end(1):]):  # 'Biểu số 03/BC-LĐTBXH': the issuer's code too
                        rest = re.sub(r"^/\S*\s*", "", rest)
                    rest = re.sub(r"\s*(?:Đơn vị báo cáo|Đơn vị nhận|Ngày nhận|Ban hành theo|Kỳ báo cáo)\b.*$", "", rest)
                    title_parts.insert(0, rest)
                    first = j
                    break
                if parse_marker(line) or len(line) > 300:
                    break
                if not re.match(r"^(?:ban hanh theo|ngay nhan|ngay nop|don vi|ky bao cao|ngay \d|\(?(?:ban hanh )?kem theo)",
                                fold(line)):
                    title_parts.insert(0, line)  # a statistics form's particulars are no part of its name
            j -= 1
        if code is None:
            prev = next((seq[k] for k in range(i - 1, max(i - 4, -1), -1) if isinstance(seq[k], str) and seq[k].strip()), "")
            far = None if prev else _caption_past_blanks(seq, i)
            prev = far[0] if far else prev
            prev = "" if BLANK.search(prev) or FILLED.match(prev) or _field_labels(seq, i) or is_unit_line(prev) \
                or re.search(r":\s*_{2,}", prev) else prev  # a form's field ('Số nam: __ __'), a unit line names no table
            mk = parse_marker(prev) if prev else None
            if PARTICULAR.match(fold(mk.rest if mk else prev)):
                prev, mk = "", None  # '- Đơn vị nhận báo cáo:' over the table: the form's particulars, not its name
            if re.match(r"^nam hoc\b", fold(prev)) and _name_above(seq, i):
                prev = ""  # 'Năm học 2026 - 2027' under the form's name is its period, not its name
            title_parts, first = [(mk.rest if mk else prev).strip()[:200] or _name_above(seq, i)], far[1] if far else i
            refs = [c for m in REF_RE.finditer(prev) for c in re.split(r"\s*,\s*", m.group(1))] if prev else []
            if len(set(refs)) == 1:  # a table right after the paragraph that asks for 'Biểu 4'
                code = refs[0].upper()
        title = " ".join(p for p in title_parts if p).strip()
        out.append((i, code, title, first))
    return out


COLS_NOTE = re.compile(r"(?:gồm|bao gồm|có)\s+(?:các\s+)?(?:\d+\s+)?cột\s*(?:sau)?\s*:\s*(?P<c>[^.]+)", re.I)


def _columns_from_note(d: TableDraft, after: list) -> None:
    """A table printed without its header row, and a note below it listing the columns ('Biểu gồm các cột: Tổng
    số, Nam, Nữ, …') → those labels, in order."""
    if not d.columns or not all(re.fullmatch(r"Cột \d+", c["label"]) for c in d.columns):
        return
    for line in after:
        if not isinstance(line, str):
            return
        m = COLS_NOTE.search(line)
        if m:
            labels = [x.strip(" ;") for x in re.split(r"\s*[,;]\s*", m.group("c")) if x.strip(" ;")]
            if len(labels) > len(d.columns):
                labels = labels[-len(d.columns):]  # the note also named the TT / label columns
            keys = KeyMaker()
            for col, lab in zip(d.columns, labels, strict=False):
                col["label"] = lab[0].upper() + lab[1:]
                col["key"] = keys.make(col["label"])
            for col in d.columns[len(labels):]:
                col["key"] = keys.make(col["label"])
            d.notes[:] = [n for n in d.notes if "không có hàng tiêu đề" not in n] + [
                "tên cột lấy từ ghi chú dưới biểu, hãy kiểm tra"]
            return


def _split_heading_line(line: str) -> list[str]:
    """A flattened preamble keeps the heading, the report's name and its '(Kèm theo …)' on one line: 'ĐỀ CƯƠNG Báo
    cáo kết quả … năm 2026 (Kèm theo Công văn số …)' → the heading, the name, the parenthesis, as lines."""
    s = line.strip()
    words = s.split()
    if len(words) < 3 or fold(" ".join(words[:2])) != "de cuong" or not words[1].isupper():
        return [line]
    k = 2
    while k < len(words) and words[k].isupper():  # the heading goes on in capitals ('BÁO CÁO CHUYÊN ĐỀ')
        k += 1
    if k == len(words) or not words[k][0].isupper():  # no sentence-case name after it (or a lower-case one)
        return [line]
    out, rest = [" ".join(words[:k])], " ".join(words[k:])
    paren = re.search(r"\s+(\([^()]{8,}\))\s*$", rest)
    if paren:
        out += [rest[:paren.start()], paren.group(1)]
    else:
        out.append(rest)
    return out


# a news page's byline: a short name in capitals, a bar, maybe the time ('MINH AN |', 'THU HÀ | 09:15 12/03/2026')
BYLINE = re.compile(r"^[^|\d]{2,30}\|[\d\s:/.,-]*$")


def _preamble(lines: list[str]) -> dict:
    meta: dict = {"title_parts": [], "subtitle": None, "note": []}
    start = ""
    lines = [part for line in lines for part in _split_heading_line(line)]
    for line in lines:
        s = line.strip()
        if is_outline_start(s) or (s.isupper() and WRAPPED_START.match(fold(s).strip(" .:"))):
            start = s[s.upper().find("ĐỀ CƯƠNG"):]  # 'HƯỚNG DẪN ĐỀ CƯƠNG BÁO CÁO': the outline's heading all the same
            continue
        if not s or re.fullmatch(r"[-_=*.\s]+", s):
            continue
        joined = re.match(r"^(ĐỀ CƯƠNG(?:\s+(?:BÁO CÁO|GỢI Ý))?)\s+(?=[a-zđà-ỹ])", s)
        if joined and not meta["title_parts"]:  # the heading and its lower-case title joined as one line
            meta["title_parts"].append(_sentence_case(joined.group(1)) + " " + s[joined.end():])
            continue
        if start and not meta["title_parts"] and s[0].islower():
            # 'ĐỀ CƯƠNG GỢI Ý' / 'giám sát thường xuyên việc …': the heading begins the title the next lines go on with
            meta["title_parts"].append(_sentence_case(start))
        if _names_the_report(meta, start, s):
            continue
        f = fold(s)
        if f.startswith(("luu y", "chu y")):
            meta["note"].append(re.sub(r"^(lưu ý|chú ý)\s*:\s*", "", s, flags=re.I))
        elif s.startswith("(") and meta["subtitle"] is None:
            meta["subtitle"] = s.strip("()")
        elif (s.isupper() and name_like(s) and not BYLINE.match(s)) or (meta["title_parts"] and s[0].islower()):
            meta["title_parts"].append(s)
    return meta


# the guide or the template of an outline ('HƯỚNG DẪN ĐỀ CƯƠNG BÁO CÁO', 'MẪU ĐỀ CƯƠNG'): the report it outlines is named
# on the next line, as under a bare 'ĐỀ CƯƠNG BÁO CÁO'
WRAPPED_START = re.compile(r"^(?:huong dan|mau)\s+de cuong(?:\s+bao cao|\s+goi y)?$")
GENERIC_HEAD = re.compile(r"^đề cương(?:\s+(?:xây dựng|hướng dẫn))?(?:\s+(?:báo cáo|gợi ý))?\s*:?$", re.I)


def _names_the_report(meta: dict, start: str, s: str) -> bool:
    """'ĐỀ CƯƠNG' / 'ĐỀ CƯƠNG BÁO CÁO CHUYÊN ĐỀ' then 'Báo cáo kết quả … quý … năm 2026' in sentence case: that line
    names the report (the generic heading alone names nothing)."""
    heads = meta["title_parts"]
    if heads and not (len(heads) == 1 and fold(heads[0]).startswith("de cuong")):
        return False
    if not (start or heads) or s.isupper() or not s[0].isupper() or s.startswith("(") or parse_marker(s):
        return False
    if len(s) > 250 or re.match(r"^(luu y|chu y|ghi chu|can cu|thuc hien|kinh gui|noi nhan)\b", fold(s)):
        return False
    head = heads[0] if heads else start
    rest = re.sub(r"^đề cương(?:\s+gợi ý)?\s*", "", head, flags=re.I).strip(" :")
    if GENERIC_HEAD.match(head) or not rest:
        report = fold(head).endswith("bao cao") and not fold(s).startswith("bao cao")
        meta["title_parts"][:] = [f"Báo cáo {s[0].lower()}{s[1:]}" if report else s]
    else:  # 'ĐỀ CƯƠNG BÁO CÁO CHUYÊN ĐỀ' + 'Kết quả …' → 'Báo cáo chuyên đề: Kết quả …'
        meta["title_parts"][:] = [f"{_sentence_case(rest)}: {s}"]
    return True


ROMAN_TOKENS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XX"}
ROMAN_AFTER = {"quý", "khóa", "khoá", "phần", "kỳ", "kì", "đợt", "lần", "chương", "mục", "giai đoạn", "lớp"}
PLACE_AFTER = {"tỉnh", "thành phố", "tp."}
PLACE_STOP = {"năm", "về", "trong", "giai", "của", "và", "đến", "từ", "theo", "tại", "quý", "tháng", "đợt", "sau",
              "khi", "đoạn", "lần", "kỳ", "với", "cho", "thực", "hiện", "báo", "cáo", "kết", "quả"}


def _keep_upper(word: str, prev: str) -> bool:
    """In an all-capitals title, a word that keeps its capitals: a Roman numeral ('QUÝ IV'), an acronym that is
    no Vietnamese syllable ('UBND', 'HĐND'), a code with digits or a slash ('02-KH/BCĐTW')."""
    bare = word.strip(".,;:()“”\"'")
    if not bare or not any(ch.isalpha() for ch in bare):
        return False
    if bare in ROMAN_TOKENS:
        return not is_valid(bare.lower()) or prev in ROMAN_AFTER
    if "/" in bare and all(p.isalpha() and is_valid(p.lower()) for p in bare.split("/")):
        return False  # 'QUYẾT/BIÊN' in 'NGHỊ QUYẾT/BIÊN BẢN': two words, no code
    if re.search(r"[\d/]", bare):
        return True
    return len(bare) >= 2 and bare.isalpha() and not is_valid(bare.lower())


def _sentence_case(text: str) -> str:
    """A title in capitals → sentence case, keeping Roman numerals, acronyms, codes and the name of a province."""
    if not text.isupper():
        return text[:1].upper() + text[1:]
    out: list[str] = []
    place = 0  # words of a province name still to capitalise ('TỈNH QUẢNG NGÃI' → 'tỉnh Quảng Ngãi')
    for w in text.split(" "):
        low = w.lower()
        prev = out[-1].lower() if out else ""
        prev2 = " ".join(x.lower() for x in out[-2:])
        if _keep_upper(w, prev2 if prev2 in ROMAN_AFTER else prev):
            out.append(w)
            place = 0
            continue
        bare = low.strip(".,;:()“”\"'")
        if place and bare and bare not in PLACE_STOP and is_valid(bare):
            out.append(low[:1].upper() + low[1:] if low[:1].isalpha() else low)
            place = place - 1 if not re.search(r"[,.;:)]$", w) else 0
            continue
        out.append(low)
        place = 3 if low in PLACE_AFTER or f"{prev} {low}" in PLACE_AFTER else 0
    res = " ".join(out)
    res = re.sub(r"\bviệt nam\b", "Việt Nam", res)
    return res[:1].upper() + res[1:]


def _table_drafts(ctx: ImportContext, seq: list, caps: list) -> tuple[dict[int, TableDraft], set[int]]:
    """Each captioned grid as a Biểu draft (by its place in ``seq``), and the caption lines to skip; a grid that
    cannot be rebuilt is never dropped silently: the unsure points say which table and why."""
    drafts: dict[int, TableDraft] = {}
    skip: set[int] = set()
    for idx, code, title, first in caps:
        named, went_on = catalogue(seq[idx], seq[idx + 1:], ctx.keys) or (None, 0)  # type: ignore[arg-type]
        d = build_table(seq[idx], code, title, ctx.keys) if named is None else named[0]  # type: ignore[arg-type]
        if named:
            d.more = named[1:]
            skip.update(range(idx + 1, idx + 1 + went_on))
        if d is None:
            g = seq[idx]
            size = f"{len(g.cells)} dòng × {max((len(r) for r in g.cells), default=0)} cột"  # type: ignore[union-attr]
            first_cell = next((t for row in g.cells for t, _ in row if t.strip()), "")  # type: ignore[union-attr]
            ctx.notes.append({"message": g.note if isinstance(g, FlatGrid) and g.note else  # why, as the text showed
                              f"bảng «{(title or first_cell)[:60]}» ({size}) không dựng được thành Biểu "
                              "(thiếu hàng tiêu đề hoặc cột số liệu): hãy nhập biểu bằng tay"})
        else:
            if isinstance(seq[idx], FlatGrid) and seq[idx].note and not named:
                d.notes.append(seq[idx].note)
            d.captioned = first < idx
            drafts[idx] = d
            for t in (d, *d.more):  # 'Đơn vị tính: triệu đồng' over the grid
                column_units(t, seq, idx, first)
            if not named:
                _columns_from_note(d, seq[idx + 1:idx + 5])
        skip.update(range(first, idx))
    return drafts, skip


def _without_closing_note(body: list, meta: dict) -> list:
    """The body without trailing blanks and a closing 'Lưu ý: …' ('Mục nào không có nội dung thì ghi "không"…'
    after the last item is for the whole outline: it goes to the outline's note)."""
    while body and isinstance(body[-1], str) and (not body[-1].strip()
                                                  or re.match(r"^(lưu ý|chú ý)\s*:", body[-1].strip(), re.I)):
        if body[-1].strip():
            meta["note"].insert(0, re.sub(r"^(lưu ý|chú ý)\s*:\s*", "", body[-1].strip(), flags=re.I))
        body = body[:-1]
    return body


def _unbuilt_notes(ctx: ImportContext, seq: list, caps: list) -> None:
    """A table seen in the text but not rebuilt (a one-cell grid carrying the reason) and not captioned — so no Biểu
    draft will name it — is listed among the unsure points here."""
    captioned = {idx for idx, *_ in caps}
    ctx.notes.extend({"message": g.note} for k, g in enumerate(seq)
                     if isinstance(g, FlatGrid) and g.note and len(g.cells) == 1 and k not in captioned)


def _at_lines(seq: list, doc: Document) -> None:
    from dialogs.importer.spaced_tables import at_lines

    lines = [ln for b in doc.blocks for ln in ([b.text] if isinstance(b, Line) else
                                              ["\t".join(t for t, _ in row) for row in b.cells])]
    for g in seq:
        if isinstance(g, FlatGrid) and g.note:
            g.note = at_lines(g.note, g.first, lines)


def _font_notes(font: str | None) -> list[dict]:
    """Text typed in an old font and read again: said, so the administrator checks the words."""
    return [{"message": f"văn bản gõ bằng bảng mã cũ {font}: đã chuyển sang Unicode"}] if font else []


def build(doc: Document, filename: str) -> Built:
    cleaned = clean(doc)
    seq = drop_page_furniture(options_first(header_first(_sequence(cleaned.doc))))  # a form's tail after its header
    texts = [s for s in seq if isinstance(s, str)]
    fixed, report = repair_lines(unglue_lines(texts))
    seq = dashed_numbers(split_glued_items(_texts_back(seq, fixed)))  # 'Câu 1: … Câu 2: …' on one line: a line each, while 'Câu' is written
    numbered = survey_numbers(seq)  # a form's 'Câu 13.' (read as '13.' below): its questions, no sections
    seq = _number_lines(_join_bare_marks(_field_rows(doubled_marks(lost_dots(empty_cells(seq))))))
    seq, _ = rebuild(unglue_cells(unglue_list(seq)))
    _at_lines(seq, doc)  # a table seen but not rebuilt: the line of the document it starts on
    seq = person_blocks(carried_labels(undotted_numbers(wrapped_options(seq))))  # a form's fields repeated per person: each asked of its person
    seq, article, started = _outline_part(seq)
    seq, joined, flat = _fix_lines(role_slots(blank_rosters(answer_columns(split_alike(seq)))), _line_pdf(cleaned.doc))
    if flat and not started:
        seq = _from_inline_start(seq)
    seq = unit_answers(rosters(survey_items(run_on_survey(counts_after_has(scored_items(rated_grid(lone_names(sex_boxes(_blank_notes(yesno_columns(seq), cleaned.footnotes))))))), numbered)))
    none_ok = any(isinstance(s, str) and none_everywhere(s) for s in seq)
    caps = _captions(seq)
    ctx = ImportContext(footnotes=cleaned.footnotes, notes=_font_notes(cleaned.old_font)  # (an old font read again)
                        + [{"message": m} for m in cleaned.doc.notes])  # (what the reader could not read)
    _unbuilt_notes(ctx, seq, caps)
    alltext = " ".join([article] * bool(article) + [s for s in seq if isinstance(s, str)])
    referenced = {norm_code(c) for m in REF_RE.finditer(alltext) for c in re.split(r"\s*,\s*", m.group(1))}
    appendix = _appendix(seq, caps, referenced)
    drafts, skip = _table_drafts(ctx, seq, caps)
    main, tail_tables = _split_main(seq, appendix, drafts, skip)
    main = _drop_signature(_drop_pledges(_drop_recipients(_drop_addressees(_cut_last_line(main))), ctx))
    main = [_agency_unnumbered(without_end_mark(s)) for s in options_after_ask(number_options(lone_letters(letter_options(coded_options(inner_parts(main)))))) if not (isinstance(s, str) and (CLOSING.match(s.strip()) or closing_line(s)))]
    arts = article_run(main)  # 'Điều 7.' … 'Điều 8.': the articles begin the outline
    first_marker = next((k for k, s in enumerate(main[_header_end(main):], _header_end(main))
                         if not isinstance(s, str) or parse_marker(s) or is_carried(s)
                         or (arts and article_marker(s))), len(main))
    meta = _meta(main[:first_marker], seq, fixed)
    tree = _closing_paragraph(_adopt_fields(build_tree(_without_closing_note(main[first_marker:], meta))))
    sections = [section_from(ctx, n, [n.no], top=True) for n in tree.children]
    sections = _bullet_sections(_unwrap(sections, meta))
    if tree.body or tree.tables:  # a table (and the lines after it) above the first numbered heading: never dropped
        sections.insert(0, _lead_section(ctx, tree))
    if tree.after and sections:  # … nor the lines after the last bullet of the document's top level
        sections.append(section_from(ctx, Node(body=tree.after), [], top=True))
    if not sections:  # a letter saying in sentences what to report: one question per thing it names
        sections = _prose_sections(ctx, [s for s in main if isinstance(s, str)])
    if not sections and (listed := listed_lines([s for s in main if isinstance(s, str)])):
        sections = [{"no": "", "title": "Nội dung báo cáo", "items": [question(ctx, Ask(s), ["noi_dung"], None, [])
                                                                      for s in listed]}]
    _place_tables(ctx, sections, tail_tables)
    _head_section(ctx, sections, [s for s in main[:first_marker] if isinstance(s, str)], meta)
    _page_headings(sections, page_template_headings(main, _agency))  # (the head's asks under the page's heading too)
    late_passes(ctx, sections, texts)  # the scales, then lettered_fields.py's passes (stated parts, long blanks)
    form_passes(sections, texts)  # grades in brackets under a blank; criteria under an assessment heading
    tidy(sections, ctx.notes, meta.get("name"))
    own_meanings(sections, texts, ctx.notes)  # a field's type by its label's own meaning; a survey's criteria rated
    interviewer_fields(sections, texts, ctx.notes)  # a questionnaire's interviewer fields: no asks (run_on_surveys.py)
    _closing_notes(ctx, sections, len(drafts), fixed)
    data = _outline_dict(meta, sections, filename, alltext, none_ok)
    for key in ("respondents", "period", "title"):  # guessed: listed first with the other unsure points
        if key in data["_comments"]:
            ctx.notes.insert(0, {"key": key, "message": data["_comments"][key].removeprefix("? ")})
    return Built(data, ctx, report, joined, flat, cleaned.dropped, none_ok)


def _outline_part(seq: list) -> tuple[list, str, bool]:
    """The outline's part of the document: from its last start line, else without a web article's text above its
    template; with the article's words (they still say the period and who reports: '… hằng năm') and whether a start
    line was seen."""
    starts = [i for i, s in enumerate(seq) if isinstance(s, str) and is_outline_start(s)]
    if starts:
        return seq[starts[-1]:], "", True
    kept = drop_article_text(seq)
    ids = {id(s) for s in kept}
    return kept, " ".join(s for s in seq if isinstance(s, str) and id(s) not in ids), False


def _closing_notes(ctx: ImportContext, sections: list[dict], drafted: int, lines: list[str]) -> None:
    """The last unsure points about the whole draft: a table read but placed nowhere (a last guard: a table is never
    dropped without a word), and a document that looks like no outline (document_kind.py)."""
    tables = sum(1 for q in _all_questions(sections) if q.get("type") == "table")
    if (page := page_kind(lines, tables)) is not None:
        sections.clear()  # (the page's prose is asked nothing: the draft keeps one written answer)
        ctx.notes.append({"message": PAGE_KINDS[page]})
        return
    if drafted > tables:
        ctx.notes.append({"message": f"{drafted - tables} bảng đã đọc được nhưng không có chỗ trong bản nháp: "
                                     "hãy nhập biểu bằng tay"})
    kinds = kind_notes(lines, tables)
    if not tables and (verdict := no_outline(sections, lines, ctx.notes)) is not None:
        sections.clear()  # (no mark of an outline: the page's prose is asked nothing, one written answer is kept)
        kinds = [n for n in kinds if not n["message"].startswith("văn bản có vẻ là")] + [verdict]
    ctx.notes.extend(kinds)


def _meta(head: list, seq: list, fixed: list[str]) -> dict:
    """What the document says of itself: its preamble's title and notes, its own name line, who shows it, the
    report it is about, its number."""
    meta = _preamble([s for s in head if isinstance(s, str)])
    meta["name"] = (own_name([s for s in seq[:_first_heading(seq)] if isinstance(s, str)])
                    or own_name(fixed[:_first_heading(fixed)]))  # a name line a rebuilt table took in
    texts = [s for s in seq if isinstance(s, str)]
    formal = name_under_motto(texts)
    current = meta["name"] or ""
    if form_name_wins(current, formal):
        meta["name"] = formal  # a page's title in sentence case yields to the form's name under its motto
    meta["name"] = without_glued_field(spelled_out(meta["name"], texts))  # 'Phong trào “TDĐKXDĐSVH”' as the document spells it out
    meta["shown"], meta["phrase"] = shown_bodies(texts), report_phrase(texts[:80])
    meta["state_headed"] = bool(STATE_BODY.search(fold(" ".join(fixed[:12]))))  # a state body's header on top
    top = next((k for k, x in enumerate(fixed[:12]) if parse_marker(x) is not None), 12)
    meta["party_headed"] = bool(PARTY_BODY.search(fold(" ".join(fixed[:top]))))  # (above the first numbered line)
    meta["headline"] = news_headline(texts)  # a news item's headline over its lead
    meta["english"] = english_name(texts)  # 'Appendix E: Questionnaire (…)' over a questionnaire in Vietnamese
    meta["asked"] = fallback_name(texts)  # no name line: the report the sentences ask for, or the review planned
    if asked_report_wins(meta["name"], meta["asked"], texts):
        meta["name"] = meta["asked"]  # ('V/v Chuẩn bị tổng kết …' → the 'Báo cáo tổng kết …' it asks for)
    meta["first"] = first_line_name(texts)
    meta["number"] = next((m.group(1) for s in texts[:60]
                           for m in [re.search(r"\bSố\s*:\s*(\d+\s*/\s*[A-ZĐ]{2,4}-[\w.-]+)", s)] if m), None)
    return meta


def _lead_section(ctx: ImportContext, tree: Node) -> dict:
    """What stands before the first numbered heading, from the first table on: its tables first, as the document
    shows them, then the asks of the lines after them."""
    tables = [table_question(ctx, t, []) for _, t in tree.tables]
    # (tables only: named by the one table, or as the Biểu they are — a catalogue of Biểu is no 'Mục')
    sec = {"no": "", "title": "Mục" if not tables else tables[0]["prompt"] if len(tables) == 1 else "Các biểu báo cáo",
           "items": []}
    if tree.body:
        sec = section_from(ctx, Node(body=tree.body), [], top=True)
    sec["items"][:0] = tables
    return sec


NOTE_HEAD = re.compile(
    r"^(?:\(\d{1,2}\)|\(\*+\)|\*+|\[\d{1,2}\]|(?:ghi chú|chú thích|chú giải|lưu ý|chú ý|nguồn số liệu"
    r"|đơn vị tính|cột\s*\(?\d)\b)", re.I)


def _note_line(s: str) -> bool:
    """A line that explains the table above it: 'Ghi chú: …', '(1) …' / '(*) …' footnotes, 'gồm các cột: …'."""
    s = re.sub(r"^[-+•–]\s+", "", s.strip())  # '- (1) Tính theo …' is a footnote of the table, not a bullet
    return bool(s) and (bool(NOTE_HEAD.match(s)) or bool(COLS_NOTE.search(s)))


def _outline_line(s: str) -> bool:
    """A numbered heading or bullet of the outline (never part of a table's note)."""
    return parse_marker(s) is not None and not _note_line(s)


def _appendix(seq: list, caps: list, referenced: set[str]) -> int:
    """Where the annexed Biểu begin: the first referenced, captioned table after which the outline does not go
    on (no numbered heading or bullet follows); the whole sequence when the outline continues after each."""
    skip = {k for (i, _, _, first) in caps for k in range(first, i)}
    outline_after = [k for k, s in enumerate(seq) if isinstance(s, str) and k not in skip and _outline_line(s)]
    last = outline_after[-1] if outline_after else -1
    return next((first for (i, code, _, first) in caps
                 if code and first < i and norm_code(code) in referenced and first > last), len(seq))


def _split_main(seq, appendix, drafts, skip) -> tuple[list, list[TableDraft]]:
    main: list = []
    tail: list[TableDraft] = []
    noting: TableDraft | None = None  # the table whose note the next explaining line extends
    continued = False
    for i, s in enumerate(seq):
        if i in skip:
            continue
        if isinstance(s, Grid):
            d = drafts.get(i)
            noting, continued = d, False
            if d is None:
                continue
            (tail if i > appendix else main).extend([d, *d.more])
            continue
        line = s.strip()
        if noting is not None and line and (_note_line(line) or continued and parse_marker(line) is None
                                            and len(line) <= 300):
            noting.note = ((noting.note or "") + " " + line.strip(" -")).strip()
            continued = True
            continue
        if line:
            noting, continued = None, False
        if i < appendix:
            main.append(s)
    return main, tail


def _unwrap(sections: list[dict], meta: dict) -> list[dict]:
    """'A. YÊU CẦU CHUNG' → outline note; 'B. NỘI DUNG BÁO CÁO' wrapping the real sections → its children."""
    sections = _named_lead(sections, meta)
    out: list[dict] = []
    for s in sections:
        f = fold(s["title"])
        if re.match(r"^(yeu cau chung|muc dich,? yeu cau|yeu cau)", f) or _bare_purpose(s):
            meta["note"].extend(q.get("prompt", q.get("title", "")) for q in _flat(s))
            continue
        subs = [it for it in s["items"] if "items" in it]
        if re.fullmatch(r"noi dung(?: (?:bao cao|de cuong|cu the|chu yeu|bao cao cu the))?\s*:?", f) and subs \
                and len(subs) == len(s["items"]) and not _asking_sibling(s, sections) and _own_numbers(s, subs):
            # (not 'NỘI DUNG CHÍNH CỦA BÁO CÁO TỔNG HỢP', a section of its own; not 'II. NỘI DUNG BÁO CÁO' after an
            # 'I. THÔNG TIN …' that asks: its '1.', '2.' stay under 'II.')
            out.extend(subs)
            continue
        out.append(s)
    return out


def _named_lead(sections: list[dict], meta: dict) -> list[dict]:
    """The only top section is the heading the document is named by ('I. TÌNH HÌNH DỊCH BỆNH TUẦN 10/2026 (…):' over
    '1.' … '4.'): its mark is no level of the outline — its numbered items are the sections (a numbered ask one
    of its own)."""
    name = fold(meta.get("asked") or "").strip(" .:")
    if len(sections) != 1 or not name or meta.get("name") or not fold(sections[0]["title"]).startswith(name):
        return sections
    items = sections[0]["items"]
    if not items or not all("items" in it or it.get("no") for it in items):
        return sections
    return [it if "items" in it else {"no": it.pop("no"), "title": it["prompt"], "items": [it]} for it in items]


def _bullet_sections(sections: list[dict]) -> list[dict]:
    """A letter's bullets with no heading above them ('- Số nhà bị tốc mái;' / '- Các đề xuất …'), each read as a
    top-level section holding its one ask: one section of those asks, not a section per bullet."""
    def lone(sec: dict) -> bool:
        return (sec.get("no", "").strip() in ("-", "+", "•", "*") and len(sec["items"]) == 1
                and "prompt" in sec["items"][0] and not sec.get("help"))
    out: list[dict] = []
    for sec in sections:
        if lone(sec) and out and out[-1].get("_bullets"):
            out[-1]["items"].extend(sec["items"])
        elif lone(sec):
            out.append({"no": "", "title": "Nội dung báo cáo", "items": list(sec["items"]), "_bullets": 1})
        else:
            out.append(sec)
    for sec in out:
        if sec.pop("_bullets", None) and len(sec["items"]) == 1:  # one bullet alone stays as it was
            sec["no"], sec["title"] = "-", sec["items"][0]["prompt"]
    return out


def _own_numbers(sec: dict, subs: list[dict]) -> bool:
    """The sections a 'NỘI DUNG' heading wraps stand on their own numbers: 'B. NỘI DUNG BÁO CÁO' over 'I-', 'II-' (or a
    wrapper without number); 'II. NỘI DUNG' over '1.', '2.' is no wrapper — 'II.1' is those sections' number."""
    return not sec["no"].strip() or all(re.fullmatch(r"[IVX]+[.\-:]?|Phần .+", x["no"].strip()) for x in subs)


def _asking_sibling(sec: dict, sections: list[dict]) -> bool:
    """Another section numbered the same way as `sec` ('I.' beside 'II.') that asks questions of its own."""
    def kind(no: str) -> str:
        return "roman" if re.fullmatch(r"[IVX]+[.\-]?", no) else "upper" if re.fullmatch(r"[A-H][.)]?", no) else "other"
    return kind(sec["no"]) != "other" and any(
        o is not sec and kind(o["no"]) == kind(sec["no"]) and any("prompt" in it for it in o["items"])
        and not re.match(r"^(yeu cau|muc dich)", fold(o["title"])) for o in sections)


def _bare_purpose(sec: dict) -> bool:
    """'1. Mục đích:' with nothing under it (the copy stops there): the letter's purpose, no ask."""
    title = sec["title"].strip(" :.")
    return fold(title) == "muc dich" and all(q.get("prompt", "").strip(" :.") == title for q in _flat(sec))


def _flat(sec: dict) -> list[dict]:
    out = []
    for it in sec["items"]:
        out.extend(_flat(it) if "items" in it else [it])
    return out


def _place_tables(ctx: ImportContext, sections: list[dict], tables: list[TableDraft]) -> None:
    leftover = []
    for t in tables:
        target = ctx.refs.get(norm_code(t.code)) if t.code else None
        if target is None:
            leftover.append(t)
            continue
        target["items"].append(table_question(ctx, t, [target.get("no", "")]))
    if leftover:
        sec = {"no": "", "title": "Biểu mẫu kèm theo", "items": []}
        for t in leftover:
            sec["items"].append(table_question(ctx, t, ["bieu"]))
        sections.append(sec)


PERIOD_WORDS = [  # (pattern on folded text, kind, as the document may write it)
    (r"\bhang tuan\b|\btheo tuan\b|\btuan toi\b|\bbao cao tuan\b", "weekly", "hằng tuần"),
    (r"\bhang thang\b|\btheo thang\b|\bbao cao thang\b", "monthly", "hằng tháng"),
    (r"\bhang quy\b|\btheo quy\b(?! dinh)|\bbao cao quy\b(?! dinh)", "quarterly", "hằng quý"),
    (r"\b(?:6|sau) thang (?:mot lan|1 lan)\b|\bdinh ky (?:6|sau) thang\b|\bbao cao (?:6|sau) thang\b", "half_yearly",
     "6 tháng một lần"),
    (r"\bhang nam\b", "yearly", "hằng năm"),
]
TITLE_PERIOD_WORDS = [  # a title naming one quarter, month or week: the report comes back each quarter / month / week
    (r"\bquy\s+(?:[ivx]{1,3}|[1-4]|\.{2,}|…)(?=[\s/,.]|$)", "quarterly"),
    (r"\b(?:6|sau) thang\b", "half_yearly"),  # "6 tháng đầu năm", "sơ kết 6 tháng"
    # (not a date: 'ngày 26 tháng 05 năm 2008' in a decision's name)
    (r"(?<!\bngay \d )(?<!\bngay \d\d )\bthang\s+(?:\d{1,2}|\.{2,}|…)(?=\s*(?:/\s*\d{4}|nam\b))", "monthly"),
    (r"\bthang\s*(?:\.{2,}|…)?\s*$", "monthly"),  # a name line ending on its period: 'BÁO CÁO … THÁNG …'
    (r"\bquy\s*(?:\.{2,}|…)?\s*$", "quarterly"),
    # 'tuần từ 04/5 đến 10/5/2026', 'tuần 19 năm 2026', 'tuần thứ 2 tháng 5', 'tuần ……'
    (r"\btuan\s+(?:tu\s+(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}|(?:thu\s+)?\d{1,2}\b|\.{2,}|…)", "weekly"),
    # a year's review ('Tổng kết công tác … năm 2025', 'tổng kết năm học …'): once a year
    # (not a programme's review over years: '… đến năm 2020', '… giai đoạn 2016 - 2020')
    (r"\btong ket\b(?!.*\bgiai doan\b).*?(?<!\bden )(?<!\btu )\bnam\s+(?:hoc\s+)?(?:\d{4}|\.{2,}|…)", "yearly"),
]
# an ask's own words about the thing asked ('đối tượng hưởng trợ cấp hằng tháng'), no word of reporting beside them:
# no period of the report
REPORTING = re.compile(r"\bbao cao\b|\bdinh ky\b|\bgui\b|\btruoc ngay\b|\bche do\b")
# a body's word that says how often the report comes ('hằng tháng', 'định kỳ 6 tháng'), not a report merely cited
# ('các báo cáo tháng 4, 5'): it wins over the period the name line gives
EXPLICIT_PERIOD = re.compile(r"\b(?:hang|theo|dinh ky|mot lan|1 lan)\b")
CAMPAIGN_WORDS = r"\btheo dot\b|\bthuong xuyen\b|\bdinh ky\b|\bdot\s+\d"
PERIOD_LABEL = r"\bky bao cao\s*:?\s*"  # 'Kỳ báo cáo: 6 tháng' / 'Quý …' / 'Năm …' in a Biểu's head: the period named
LABELLED_PERIODS = [(r"(?:6|sau) thang\b", "half_yearly"), (r"quy\b", "quarterly"), (r"thang\b", "monthly"),
                    (r"(?:3|9|ba|chin) thang\b", "quarterly"),  # 'Kỳ báo cáo: 9 tháng đầu năm': a quarter's sum
                    (r"tuan\b", "weekly"), (r"nam\b", "yearly")]


def _words_at(text: str, pattern: str) -> str | None:
    """The words of `text` (as written, with diacritics) that the folded `pattern` matches — a period word written
    without its accents never ('theo quy' is a cut 'theo quy định', not 'theo quý')."""
    return next((w for w in _all_words_at(text, pattern) if not _ACCENTLESS_PERIOD.search(w.lower())), None)


# a period word as written without its diacritics: not that word ('quy' of 'quy định', 'nam' of 'Việt Nam', 'thang')
_ACCENTLESS_PERIOD = re.compile(r"\b(?:quy|thang|nam|tuan|hang)\b")


def _all_words_at(text: str, pattern: str):
    """Each run of words of `text` (as written) that the folded `pattern` matches, in order."""
    t = re.sub(r"\s+", " ", text)
    folded = "".join(fold(c)[:1] or c for c in t)  # one character for one: positions stay those of `t`
    for m in re.finditer(pattern, folded.lower()):
        yield t[m.start():m.end()]


def _words_key(s: str) -> str:
    return " ".join(re.findall(r"\w+", fold(s).lower()))


def _period_words(f: str, pattern: str, asked: tuple[str, ...]) -> str | None:
    """The words of `f` that the folded `pattern` matches, skipping those an ask's prompt holds with no word of
    reporting beside them ('1. Số đối tượng hưởng trợ cấp hằng tháng': the allowance's, not the report's period)."""
    t = re.sub(r"\s+", " ", f)
    folded = "".join(fold(c)[:1] or c for c in t).lower()  # one character for one: positions stay those of `t`
    for m in re.finditer(pattern, folded):
        before = _words_key(folded[max(0, m.start() - 40):m.start()]).split()[1:]  # (the first word may be cut)
        said = _words_key(m.group(0))
        leads = [" ".join([*before[-n:], said]) for n in (3, 2) if len(before) >= n]  # (a number may come before)
        held = [p for p in asked if any(f" {lead} " in f" {p} " for lead in leads)]
        if (held and not any(REPORTING.search(p) for p in held)) or _ACCENTLESS_PERIOD.search(t[m.start():m.end()].lower()):
            continue
        return t[m.start():m.end()]
    return None


def guess_period(f: str, title: str = "", asked: tuple[str, ...] = ()) -> tuple[dict, str]:
    """The report's period from the words of the document's first pages, or a title saying it is regular
    ('giám sát thường xuyên', 'theo đợt'); the reason, for a '# ?' note: always a guess, the administrator decides.
    `asked`: the asks' prompts (_words_key): the words of an ask say no period unless they speak of reporting."""
    for pattern, kind in LABELLED_PERIODS:
        w = _words_at(f, r"\(?" + PERIOD_LABEL + pattern)
        if w:
            return {"kind": kind}, f"kỳ báo cáo «{PERIOD_KIND_VI[kind]}» được đoán từ chữ «{w.strip('(')}»"
    named = next(((kind, w) for pattern, kind in TITLE_PERIOD_WORDS for w in [_words_at(title, pattern)] if w), None)
    for pattern, kind, _ in PERIOD_WORDS:
        w = _period_words(f, pattern, asked)
        if w and (named is None or EXPLICIT_PERIOD.search(fold(w).lower())):  # ('các báo cáo tháng 4, 5' in a
            return {"kind": kind}, f"kỳ báo cáo «{PERIOD_KIND_VI[kind]}» được đoán từ chữ «{w}»"  # 6 months' report)
    if named:
        kind, w = named
        return {"kind": kind}, f"kỳ báo cáo «{PERIOD_KIND_VI[kind]}» được đoán từ chữ «{w}» trong tên đề cương"
    w = _words_at(title, CAMPAIGN_WORDS)
    if w and fold(w) == "dinh ky":  # regular, but the document does not say how often
        return {"kind": "campaign"}, (f"tên đề cương nói «{w}» mà không nói hằng tháng, hằng quý hay hằng năm: tạm đặt kỳ "
                                      "«theo đợt» (mỗi đợt mở bằng tay); nếu biết kỳ, hãy sửa period, ví dụ kind: monthly")
    if w:
        return {"kind": "campaign"}, f"kỳ báo cáo «theo đợt» được đoán từ chữ «{w}» trong tên đề cương"
    return {"kind": "one_off"}, ("kỳ báo cáo «một lần» là mặc định: văn bản không nói hằng tuần, hằng tháng, "
                                 "hằng quý, 6 tháng hay hằng năm")


RESPONDENT_WORDS = [  # (folded pattern, unit kinds)
    (r"\bbo,? co quan ngang bo\b", ["bo", "co_quan_ngang_bo"]),
    (r"\b(tinh uy|thanh uy)\b", ["tinh_uy"]),
    # 'UBND tỉnh Yên Bái' heading a page is who sends it; 'UBND các tỉnh', 'UBND tỉnh, thành phố' are who answer
    (r"\b(?:ubnd|uy ban nhan dan) (?:cac tinh\b|(?:cac )?tinh,? thanh pho\b)|\bcac tinh, thanh pho\b", ["tinh", "thanh_pho"]),
    (r"\bso,? ban,? nganh\b|\bcac so\b", ["so_nganh"]),
    (r"\b(xa, phuong|cap xa|dac khu)\b", ["xa", "phuong", "dac_khu"]),
]


def guess_respondents(f: str) -> tuple[list[str], str]:
    """Who answers, from the units the document's first pages name; the reason, for a '# ?' note."""
    for pattern, kinds in RESPONDENT_WORDS:
        # (folded, 'các số liệu' reads as 'các sở': the words as written must say 'sở')
        w = next((w for w in _all_words_at(f, pattern) if kinds != ["so_nganh"] or re.search(r"(?i)sở", w)), None)
        if w:
            return kinds, f"đơn vị trả lời được đoán từ chữ «{w}»: hãy sửa nếu đề cương gửi cho đơn vị khác"
    return ["xa", "phuong", "dac_khu"], ("đơn vị trả lời là mặc định (xã, phường, đặc khu): văn bản không nói rõ "
                                         "đơn vị nào báo cáo")


LONE_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.|[IVX]{1,4}\.|[a-hk-zđ]\))\s*$")
QUESTION_NO = re.compile(r"^\s*Câu\s+(\d{1,3})\s*[.:]\s+(?=\S)")


BARE_MARK = re.compile(r"^\s*[-+•·▪➢○]\s*$")
BARE_PART = re.compile(rf"^\s*(?i:phần\s+(?:thứ\s+(?:{PART_WORDS})|[IVX]{{1,4}}|\d{{1,2}}))\s*[.:]?\s*$")


def _join_bare_marks(seq: list) -> list:
    """A bullet mark alone on its line, its text on the next (a PDF's or a web page's columns: '+' / '' /
    'Số giấy phép thành lập: ……') → one bulleted line. A lone '-' joins only a line that is a field (a blank, or a
    label ending in ':'), since a flattened table writes '-' for an empty cell."""
    out: list = []
    pending = ""
    for s in seq:
        if isinstance(s, str) and (BARE_MARK.match(s) or BARE_PART.match(s)):
            pending = s.strip()
            continue
        if isinstance(s, str) and pending and not s.strip():
            continue
        if isinstance(s, str) and pending and BARE_PART.match(pending):  # 'Phần thứ nhất' / 'TÌNH HÌNH …': one heading
            if parse_marker(s) is None and s.strip()[:1].isupper():
                s = f"{pending.rstrip(' .:')}. {s.strip()}"
            else:
                out.append(pending)
        elif isinstance(s, str) and pending:
            field = bool(BLANK.search(s)) or s.rstrip().endswith(":")
            s = f"{pending} {s.strip()}" if pending != "-" or field else s
        elif pending and pending != "-":
            out.append(pending)
        pending = ""
        out.append(s)
    return out


def _number_lines(seq: list) -> list:
    """'1.1.' alone on a line with its title on the next (a PDF's columns) → one numbered line; a form's 'Câu 13.'
    → '13.' (the question's number)."""
    out: list = []
    pending = ""
    for s in seq:
        if isinstance(s, str):
            if LONE_NUMBER.match(s):
                if pending:
                    out.append(pending)  # '1.' / '2.' / '3.': empty numbered lines (a list's open rows), each kept
                pending = s.strip()
                continue
            if pending and s.strip():
                s, pending = f"{pending} {s.strip()}", ""
            elif pending and not s.strip():
                continue
            s = QUESTION_NO.sub(r"\1. ", s)
        elif pending:
            out.append(pending)
            pending = ""
        out.append(s)
    if pending:
        out.append(pending)
    return out


def _header_end(main: list) -> int:
    """Where the document's own header ends: after its name line ('BÁO CÁO' + the next line) or its 'Kính gửi' —
    a web page's bullets above it ('• 06-06-2023', '• 4759 Lượt xem') are no items of the outline. 0 when the
    document shows no such header in its first lines."""
    end = 0
    for k, s in enumerate(main[:80]):
        if not isinstance(s, str):
            break
        mk = parse_marker(s)
        if mk is not None and mk.kind == "alpha" and end == 0:
            break  # 'I. NỘI DUNG' … 'a) Tiêu đề của báo cáo' / 'BÁO CÁO': a sample heading inside the outline
        f = fold(s.strip()).strip(" :")
        if f.startswith("kinh gui") or f in ("bao cao", "de cuong", "de cuong bao cao", "ke hoach", "phieu khao sat"):
            end = k + 1
            nxt = main[k + 1] if k + 1 < len(main) else None
            if (not f.startswith("kinh gui") and isinstance(nxt, str) and nxt.strip() and not parse_marker(nxt)
                    and not is_carried(nxt)):
                end = k + 2  # 'BÁO CÁO' / 'Tình hình hoạt động …': the name goes on on the next line
    return min(end, len(main))


def _drop_addressees(main: list) -> list:
    """The bullets under 'Kính gửi:' name who receives the letter ('- Các Bộ, cơ quan ngang Bộ;'): not items (a
    'Kính gửi: ……' whose addressee is a blank to fill has no such list)."""
    out: list = []
    addressing = False
    for s in main:
        if isinstance(s, str):
            t = s.strip().strip("|").strip()
            if fold(t).startswith("kinh gui"):
                addressing = BLANK.search(t) is None  # 'Kính gửi: ……': the addressee is the blank, no list after
                out.append(s)
                continue
            if addressing:
                mk = parse_marker(t)
                if t and (BLANK.search(t) or t.endswith(":")):  # 'Tên đơn vị:' / 'Đảng ủy:……': a form's field
                    addressing = False
                    out.append(s)
                    continue
                if not t or (mk is not None and mk.kind in BULLET_KINDS) or (len(t.split()) <= 6 and not mk):
                    continue
                addressing = False
        out.append(s)
    return out


RECIPIENTS_OPEN = re.compile(r"^[-–+•]?\s*nhu (?:tren|dieu \d{1,2}|khoan \d{1,2})\s*[;,.]")


def _drop_recipients(main: list) -> list:
    """'Nơi nhận:' and its list ('- Như trên;', '- Lưu: VT, KHTC.') close a letter, with the signer's title and name:
    none of it is an item. Dropped up to the next numbered line or longer text (an appendix may follow)."""
    out: list = []
    closing = False
    for s in main:
        if isinstance(s, str):
            t = s.strip()
            if fold(t).strip(" :") == "noi nhan" or RECIPIENTS_OPEN.match(fold(t)):
                closing = True  # ('- Như Điều 3; - Ban Giám hiệu;': the list whose 'Nơi nhận:' a copy lost)
                continue
            if closing:
                mk = parse_marker(t)
                if not t or (mk is not None and mk.kind in BULLET_KINDS) or (len(t.split()) <= 6 and not mk):
                    continue
                closing = False
        out.append(s)
    return out


PLEDGE = re.compile(r"^(?:tôi|chúng tôi)\s+(?:xin\s+)?cam đoan\b|^(?:tôi|chúng tôi)\s+xin\s+(?:cam kết|chịu trách nhiệm)\b",
                    re.I)


SIGNER = re.compile(r"^(?:TM|KT|T/M|Q|TL|TUQ)\.?\s+[A-ZĐÀ-Ỹ]")
BARE_DATE = re.compile(r"(?i)^ngày\W*(?:\w{0,3}\W*)?tháng\W*(?:\w{0,3}\W*)?năm\b[\s\d….…_]*$")
SIGNED = re.compile(r"^\(\s*ký\b|^ký(?:\s*,|\s+tên\b|\s+và\b)|^[^()]{2,40}\(\s*ký\b[^()]*\)[\s|]*$",
                    re.I)  # '(Ký …)', 'NGƯỜI LẬP (Ký …)', 'Ký, ghi rõ họ tên' whose parenthesis a copy lost
PLACE_DATE = re.compile(r"^[^,…\d:]{2,40},\s*ngày\W*(?:\w{0,3}\W*)?tháng\W*(?:\w{0,3}\W*)?năm\b[\s\d….…_]*$", re.I)
# the place and date run into the signer's title and '(Ký …)': '……, ngày … tháng … năm … NGƯỜI NHẬN XÉT (Ký, ghi rõ họ tên)'
DATE_SIGNER = re.compile(r"^[^,…\d:]{2,40},\s*ngày\W*(?:\w{0,3}\W*)?tháng\W*(?:\w{0,3}\W*)?năm\b[\s\d….…_]*"
                         r"(?P<role>[^()]{3,60})\(\s*[Kk]ý\b[^()]*\)\s*$")


CUT_WORD = re.compile(r"\s(?P<w>[a-zđà-ỹ]{1,4})$")


def _cut_last_line(main: list) -> list:
    """A copy cut off mid-word at its end ('… trong đó từ đầu năm đ', '… triển khai việc k'): the cut clause of the
    document's last line goes (back to its last ',', ':' or '('); only the cut word after a ';' (the items before it
    whole) or on a line of blanks; a short line cut with no clause before it goes whole. Only when the last word is
    no Vietnamese syllable but could begin one ('k', 'đ', 'ph', 'tr'; 'kg', 'km' are units), and no blank or figure
    stands before it ('…… đ', '15 m': a unit)."""
    k = len(main) - 1
    while k >= 0 and isinstance(main[k], str) and not main[k].strip():
        k -= 1
    if k < 0 or not isinstance(main[k], str):
        return main
    line = main[k].rstrip()
    m = CUT_WORD.search(line)
    if not m or is_valid(m.group("w")) or not is_syllable_start(m.group("w")) \
            or re.search(r"(?:…|\.{2,}|_{2,}|\d)\s*$", line[:m.start()]):
        return main
    cut = max(line.rfind(c) for c in ",:(")
    if cut < line.rfind(";") or BLANK.search(line):  # the cut word only: a whole item before it, or blanks to keep
        kept = line[:m.start()]
    elif cut > 0:
        kept = line[:cut].rstrip(" ,:(")
    else:  # a short line cut off with no clause before it: nothing to ask
        kept = line[:m.start()] if len(line.split()) > 12 else ""
    return main[:k] + ([kept] if len(kept.split()) >= 2 else []) + main[k + 1:]


def _drop_signature(main: list) -> list:
    """A form's place and date ('Khánh Hòa, ngày … tháng … năm …') and its signer's title right above '(Ký và ghi rõ họ
    tên)' ask nothing: dropped with the '(Ký …)' line."""
    out: list = []
    for s in main:
        if isinstance(s, str) and SIGNER.match(s.strip()):  # 'TM. ỦY BAN …': the bare date above it is the signing's
            k = len(out)
            while k and isinstance(out[k - 1], str) and not out[k - 1].strip():
                k -= 1
            if k and isinstance(out[k - 1], str) and BARE_DATE.match(out[k - 1].strip()):
                del out[k - 1:]
        if isinstance(s, str) and SIGNED.match(s.strip()):
            while out and isinstance(out[-1], str) and (not out[-1].strip() or len(out[-1].split()) <= 6
                                                         and not BLANK.search(out[-1]) and not parse_marker(out[-1])):
                if not out.pop().strip():
                    continue
                break
            drop_signing_date(out)  # 'Ngày … tháng … năm …' over a row of two signers
            continue
        signer = DATE_SIGNER.match(s.strip()) if isinstance(s, str) else None
        if isinstance(s, str) and (PLACE_DATE.match(s.strip()) or signer and signer.group("role").isupper()):
            continue
        out.append(s)
    return drop_sign_off(out)  # 'T/M CHI BỘ' / 'BÍ THƯ' closing the text with no '(Ký …)' under it


def _drop_pledges(main: list, ctx: ImportContext) -> list:
    """'Tôi xin cam đoan những thông tin đã khai là đúng sự thật …' closes a form above its signature: it asks
    nothing, and is no line of the numbered item above it."""
    out = [s for s in main if not (isinstance(s, str) and PLEDGE.match(s.strip()))]
    if len(out) < len(main):
        ctx.notes.append({"message": "đã bỏ lời cam đoan của người khai (không phải câu hỏi)"})
    return out


NOTES_HEAD = re.compile(r"^(?:ghi chú|chú thích|hướng dẫn ghi)\s*:?\s*$", re.I)
NOTE_ITEM = re.compile(r"^\((\d{1,2})\)\s*(\S.*)$")
NOTES_AFTER_SIGN = re.compile(r"\(\s*[Kk]ý\b[^()]*\)\s*(?:Ghi chú|Chú thích)\s*:?\s*$")  # '(Ký tên và đóng dấu)Ghi chú:'
NOTE_MARK = re.compile(r"(?<=[…._:\s])\((\d{1,2})\)(?=[…._:\s]|$)")
# a note numbered by a bare figure ('1 Tên cơ quan chủ quản;', '6Thời hạn gửi …') and its mark in a blank ('……1……',
# '(từ ngày … đến ngày …)5'): a copy that lost the superscript
BARE_NOTE_ITEM = re.compile(r"^(\d{1,2})\.?\s*([^\W\d_].*)$")
BARE_NOTE_MARK = re.compile(r"(?:(?<=[.…])|(?<=\)))(\d{1,2})(?=[.…]|\s*$)")


FIELD_CELL = re.compile(r":\s*(?:…|\.{2,}|_{2,})|:\s*$")
SPLIT_ROW = re.compile(r"^(?:chia ra|chia theo|phân theo|phân ra|trong đó|trong tổng số)\b[^:]{0,40}:\s*$", re.I)  # a Biểu's row
SIGN_WORDS = re.compile(r"\s*\b(?:ký tên|ký và ghi rõ họ tên|ký, ghi rõ họ tên)\b\s*", re.I)


def _field_rows(seq: list) -> list:
    """A Word table whose rows hold a form's fields among its data rows ('Kiểm tra giữa kỳ' across, then 'Ngày
    kiểm tra: ……' | 'Đánh giá công việc hoàn thành: ……%: Ký tên  Được tiếp tục:'): those fields are asks after the
    table, the row across them their help; a repeat of the header row (the table goes on) is no data row."""
    out: list = []
    for it in seq:
        if not isinstance(it, Grid) or len(it.cells) < 3:
            out.append(it)
            continue
        rows, lines = [], []
        head = [t.strip() for t, _ in it.cells[0]]
        for row in it.cells:
            texts = list(dict.fromkeys(t.strip() for t, _ in row if t.strip()))
            if rows and [t.strip() for t, _ in row] == head:
                continue
            if texts and all(FIELD_CELL.search(t) and not SPLIT_ROW.match(t) for t in texts):
                caption = rows.pop() if rows and len({t.strip() for t, _ in rows[-1] if t.strip()}) == 1 else None
                for t in texts:
                    lines.extend(p.strip() for p in SIGN_WORDS.split(re.sub(r"%\s*:", "%", t)) if p.strip(" :"))
                if caption:
                    lines.append(f"({caption[0][0].strip()})")
                continue
            rows.append(row)
        out.extend([Grid(rows, it.merged_known), *lines] if lines else [it])
    return out


def _blank_notes(seq: list, footnotes: dict[str, str]) -> list:
    """A form's 'Ghi chú:' explaining its numbered blanks ('Đã kiểm tra đối với: ……(3)……' / '(3) Ghi khu vực, hạng
    mục được kiểm tra.'): each note becomes the help of the blank that carries its number, and the list goes.
    Only when two numbers or more are found in the form's blanks (else the list is an outline's own items)."""
    k = next((i for i, x in enumerate(seq) if isinstance(x, str) and (NOTES_HEAD.match(x.strip())
                                                                      or NOTES_AFTER_SIGN.search(x))), None)
    if k is None:
        return seq
    notes: dict[str, str] = {}
    end, lead = k + 1, 0
    while end < len(seq) and isinstance(seq[end], str):
        line = seq[end].strip()
        m = NOTE_ITEM.match(line) or _bare_note(line)
        if m:
            notes[m.group(1)] = m.group(2).strip()
        elif line and notes and parse_marker(line) and parse_marker(line).kind in BULLET_KINDS:
            notes[list(notes)[-1]] += " " + line  # a note's own bullets ('(4) … theo các nội dung sau:' / '– …')
        elif line and not notes and lead < 2 and not BLANK.search(line) and parse_marker(line) is None:
            lead += 1  # 'Kích thước thẻ bằng …' before the numbered notes: a note on the paper itself
        elif line:
            break
        end += 1
    mark = NOTE_MARK if any(NOTE_ITEM.match(x.strip()) for x in seq[k + 1:end] if isinstance(x, str)) \
        else BARE_NOTE_MARK
    marked = {m.group(1) for x in seq[:k] if isinstance(x, str) for m in mark.finditer(x)} & set(notes)
    if len(marked) < 2:
        return seq
    signed = NOTES_AFTER_SIGN.search(seq[k])  # '(Ký tên và đóng dấu)Ghi chú:': the signature's line stays
    seq = [*seq[:k], seq[k][:signed.start() + signed.group(0).index(")") + 1] if signed else "", *seq[k + 1:]]
    for n in marked:
        footnotes[f"b{n}"] = notes[n].rstrip(".;")
    head = [mark.sub(lambda m: f"⟦fn:b{m.group(1)}⟧" if m.group(1) in marked else m.group(0), x)
            if isinstance(x, str) else x for x in seq[:k + 1]]
    return head + seq[end:]


def _bare_note(line: str) -> re.Match | None:
    """'1 Tên cơ quan chủ quản trực tiếp;' under 'Ghi chú:' (a capital after the bare figure, no '1.' or '1)')."""
    m = BARE_NOTE_ITEM.match(line)
    return m if m is not None and m.group(2)[:1].isupper() else None


def _adopt_fields(node: Node) -> Node:
    """A web page that renumbers a form's list ('1. THÔNG TIN CHUNG', '2. Tên HTX: ……', '3. Mã số thuế: ……' where the
    form had 1., 1.1., 1.2.): a heading in capitals with nothing under it takes the numbered lines of the same
    kind that follow it and carry a blank — those are its fields, not sections beside it."""
    kids: list[Node] = []
    for c in node.children:
        head = kids[-1] if kids else None
        if (head is not None and head.kind == c.kind and head.kind.startswith("dec") and _caps_heading(head)
                and BLANK.search(c.text) and not c.children and not c.tables and not head.tables
                and all(k.kind == c.kind and BLANK.search(k.text) for k in head.children)):
            head.children.append(c)
            continue
        if head is not None and _next_field(head, c):  # '5. Kết quả thực hiện nhiệm vụ:' over its bullets
            head.children.append(c)
            continue
        kids.append(_adopt_fields(c))
    node.children = kids
    return node


PARAGRAPH_WORDS = 20


def _closing_paragraph(node: Node) -> Node:
    """'1. …', '2. …', … '6. Tuyển sinh đầu cấp ở địa phương.' then 'Ngoài những vấn đề trên, … chủ động báo cáo
    …': after a list of one-line items, long paragraphs under the last one close the list — they go after it (the
    level above reads them), the last item asks its own line like the others."""
    for c in node.children:
        _closing_paragraph(c)
    kids = node.children
    if len(kids) < 3 or not all(not k.body and not k.after and not k.children and not k.tables for k in kids[:-1]):
        return node
    last = kids[-1]
    if (last.body and not last.children and not last.tables and len(last.text.split()) >= 3
            and all(len(b.split()) >= PARAGRAPH_WORDS and b[:1].isupper() for b in last.body)):
        node.after = [*last.body, *node.after]
        last.body = []
    return node


def _next_field(head: Node, c: Node) -> bool:
    """After the fields a heading in capitals took ('1.' … '4.'), the next number of the same kind ending in ':' over
    bullets only ('5. Kết quả thực hiện nhiệm vụ:' / '- …') goes on with them: the form's fifth field, its answer
    in bullets — not a section beside the heading."""
    nums = [re.match(r"\d+", k.no) for k in head.children]
    mine = re.match(r"\d+", c.no)
    return (bool(head.children) and head.kind == c.kind and head.kind.startswith("dec") and _caps_heading(head)
            and all(nums) and mine is not None and int(nums[0].group()) == 1
            and int(mine.group()) == int(nums[-1].group()) + 1 and c.text.rstrip().endswith(":")
            and not c.tables and not c.body and all(k.kind in BULLET_KINDS and not k.children for k in c.children))


def _caps_heading(n: Node) -> bool:
    letters = [ch for ch in n.text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters) and not n.body and not BLANK.search(n.text)


def _prose_sections(ctx: ImportContext, lines: list[str]) -> list[dict]:
    """The asks of a prose text, each in the numbered heading its paragraph sits under ('1. Mẫu báo cáo … là gì?'
    over 'Nội dung chính của báo cáo này cần trình bày …'), else in one 'Nội dung báo cáo' section."""
    out: list[dict] = []
    for k, line in enumerate(lines):
        asks = (contents_sentences(line) or richer(prose_asks(line), line) or listed_line(next((x for x in reversed(lines[:k]) if x.strip()), ""), line)
                or led_line(lines[:k], line) or led_clauses(lines[:k], line) or asked_sentences(line))
        asks = [x for a in asks for x in note_figures(a)]  # '… (số X, trong đó số Y)': the figures asked too
        if not asks:
            continue
        chain = enclosing_headings(lines[:k + 1])  # '1. Tổng kết …; tập trung đánh giá …': its own number too
        path = [no for no, _ in chain] or ["noi_dung"]
        items = [question(ctx, a, path, None, []) for a in asks]
        inner = out[-1] if out and out[-1]["_chain"] == chain else None
        if inner is not None:
            _innermost(inner)["items"].extend(items)
            continue
        sec = nest(chain, items) if chain else {"no": "", "title": "Nội dung báo cáo", "items": items}
        sec["_chain"] = chain
        out.append(sec)
    for sec in out:
        sec.pop("_chain")
    return out


def _innermost(sec: dict) -> dict:
    while sec["items"] and "items" in sec["items"][0] and len(sec["items"]) == 1:
        sec = sec["items"][0]
    return sec


def _head_section(ctx: ImportContext, sections: list[dict], lines: list[str], meta: dict) -> None:
    """A form's head asks too: 'Khối (xóm)……', 'Tên cơ sở: …', 'Địa chỉ: …' → a first, unnumbered section."""
    name = fold(meta.get("name") or " ".join(meta["title_parts"]))
    # a numbered blank's note ('……(1)……') is its help
    marked, lines = lines, [strip_fn(s) if "⟦fn:" in s else s for s in lines]
    skip = {fold(s.strip()) for s in lines if s.strip() and (fold(s.strip()) in name or name and fold(
        NAME_TAIL.sub("", s.strip())).strip(" .") == name.strip(" ."))}  # ('BÁO CÁO … THÁNG …': the name and its blank)
    opening = [(k, opening_asks(s)) for k, s in enumerate(lines) if opening_asks(s)]  # 'Hôm nay, ngày …, tại …'
    lined = [(k, addressee_asks(s, name) or delegates(s) or field_line_asks(s)) for k, s in enumerate(lines)
             if not opening_asks(s) and (addressee_asks(s, name) or delegates(s) or field_line_asks(s))]
    skip |= {fold(lines[k].strip()) for k, _ in lined}  # 'Họ và tên cha: …… Tuổi ……', 'Giới tính: Nam □ Nữ □'
    fields = head_fields(lines, skip) + listed_labels(lines)  # ('Danh sách …:' over its labels)
    coded = [(k, a) for k, s in enumerate(lines) for a in coded_choice(s.strip())]  # 'Giới tính (1: Nam; 2: Nữ)'
    if not fields and not opening and not lined and not coded:
        return
    # the date and a bare 'Tại' of an opening sentence are its asks; its other fields ('Tại Công ty …') stay
    own = {f for k, _ in opening for f in head_fields([lines[k]], skip)}
    placed = any(fold(f).startswith("tai ") for f in own)
    first = min([k for k, _ in opening + lined + coded] + [k for k, s in enumerate(lines) if fields and s.strip()
                                                           and fields[0] in s], default=len(lines))
    chain = enclosing_headings(lines[:first])
    path = [no for no, _ in chain] or ["chung"]
    placed_items = [(k, question(ctx, a, path, None, [])) for k, asks in sorted(opening + lined) for a in asks
                    if not (placed and a.prompt == "Tại")]
    for _, q in placed_items:  # a petition's addressee to write (addressee.py): tidy keeps it
        q["_addressee"] = q["prompt"].startswith("Kính gửi")
    at = 0
    for i, f in enumerate(fields):
        q = field_question(ctx, f, path, None)
        if f in own and (q["type"] == "date" or fold(f).strip(" :") == "tai"):
            continue
        if _entries_below(lines, f) or q["type"] == "text" and caps_heading(f) and not blank_beside(f, lines):
            q["type"] = "longtext"  # 'Họ tên vắng mặt:' over '1 ……', '2 ……'; 'TỒN TẠI:' over dots: lines to write
        notes = [ctx.footnotes[i] for s in marked if f in strip_fn(s) for i in footnote_ids(s) if i in ctx.footnotes]
        if notes:
            q["help"] = " ".join(f"Chú thích: {n}." for n in notes[:1])
        bare = _bare_label(f)  # ('Số hội viên (người)': its unit after the blank; 'Địa chỉ (Bên A)': its party)
        seen = [k for k, s in enumerate(lines) if bare in s]  # (a label asked twice, for each party: its own line each)
        nth = sum(1 for g in fields[:i] if _bare_label(g) == bare)
        at = seen[min(nth, len(seen) - 1)] if seen else at  # (not found: after the field before)
        placed_items.append((at, q))
    # a question of the head with its coded answers ('Giới tính (1: Nam; 2: Nữ)'): a choice, in its place
    placed_items += [(k, question(ctx, a, path, None, [])) for k, a in coded]
    items = [q for _, q in sorted(placed_items, key=lambda kq: kq[0])]  # the asks in the order of their lines
    sec = {"no": "", "title": "Thông tin chung", "items": items}
    sections.insert(0, nest(chain, sec["items"]) if chain else sec)


def _bare_label(label: str) -> str:
    return re.sub(r"\s*\([^()]*\)$", "", label) or label


def _entries_below(lines: list[str], label: str) -> bool:
    texts = [s.strip() for s in lines if s.strip()]
    at = next((k for k, s in enumerate(texts) if s.rstrip(":").strip() == label), None)
    return at is not None and at + 1 < len(texts) and bool(NUMBERED_BLANK.match(texts[at + 1]))


HEADING_RANK = {"part": 0, "roman": 1, "upper": 2, "dec1": 3, "dec2": 4, "dec3": 5, "dec4": 6}


def enclosing_headings(lines: list[str]) -> list[tuple[str, str]]:
    """The numbered headings the lines below sit in, outermost first: a web page's 'I. CÁC TÀI LIỆU …' then '1. Đơn
    xin vào Đảng (Mẫu 1-KNĐ)' above a form's name and its blanks. A heading carries no blank; each one further up
    ranks higher ('Phần', 'I.', 'A.', '1.', '1.1.'); [] when no numbered heading stands above."""
    chain: list[tuple[str, str]] = []
    rank = len(HEADING_RANK)
    for s in reversed(lines):
        mk = parse_marker(s)
        if mk is None or mk.kind not in HEADING_RANK or BLANK.search(s) or HEADING_RANK[mk.kind] >= rank:
            continue
        chain.insert(0, (mk.no, mk.rest.strip(" :")))
        rank = HEADING_RANK[mk.kind]
    return chain


def nest(chain: list[tuple[str, str]], items: list[dict]) -> dict:
    """Sections nested along a heading chain, the items in the innermost."""
    sec: dict = {"no": chain[-1][0], "title": chain[-1][1], "items": items}
    for no, title in reversed(chain[:-1]):
        sec = {"no": no, "title": title, "items": [sec]}
    return sec


CLOSING = re.compile(  # the letter's closing formula; an invitation's request to come ('… đề nghị ông (bà) bố trí thời
    # gian tham dự đầy đủ …')
    r"^(?:Trên đây là (?:báo cáo|kết quả|tình hình)\b.{0,200}"
    r"|(?!\s*(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])\s*[.)/])(?!.*\bbáo cáo\b).{0,60}\b(?:đề nghị|rất mong|kính mong)\s+(?:ông\s*\(bà\)|ông/bà|quý vị|các đồng chí|đồng chí|đại biểu)"
    r"[^:]{0,40}?\b(?:bố trí thời gian|đến dự|tham dự|có mặt)\b[^:]{0,120})$",
    re.I,
)


def _agency_unnumbered(s):
    """'II. SỞ LAO ĐỘNG, THƯƠNG BINH VÀ XÃ HỘI  Biểu số: 001.N' (a Biểu copied from a list of agencies' Biểu): the
    agency header, not a section — its number goes."""
    mk = parse_marker(s) if isinstance(s, str) else None
    return mk.rest if mk is not None and mk.kind == "roman" and _agency(mk.rest) else s


def _first_heading(main: list) -> int:
    """Where the outline's own sections begin (a Roman numeral, 'Phần …' or 'A.'): the name is above."""
    for k, s in enumerate(main):
        if isinstance(s, str):
            mk = parse_marker(s)
            if (mk is not None and mk.kind in ("roman", "part", "upper") and not _agency(mk.rest)
                    and not re.match(r"(?i)mẫu\s", mk.rest)):  # 'A. Mẫu báo cáo …' names the form below it
                return k  # 'II. SỞ LAO ĐỘNG, THƯƠNG BINH VÀ XÃ HỘI  Biểu số: 001.N' is the agency, not a section
    return len(main)


def _title(meta: dict) -> str:
    """The outline's title: the preamble's 'ĐỀ CƯƠNG …' / 'Báo cáo …' title when it has one, else the document's
    own name line (never the agency header), else the report its sentences ask for, else a plain name the unsure
    points ask to replace — never the file name."""
    old = _sentence_case(" ".join(meta["title_parts"]).strip())
    f = fold(old)
    name = fold(meta.get("name") or "")
    longer = bool(name) and name.startswith(f) and len(name) > len(f)
    if (old and f.startswith(("de cuong", "bao cao")) and not re.search(r"cong hoa xa hoi|doc lap", f) and old.lower() != f
            and f.strip(" :") not in BARE_NAMES and not longer):
        return old
    if not meta.get("name") and re.search(r"cong hoa xa hoi|doc lap|^(?:uy ban|ubnd|bo |so |dang uy|tinh uy)", f):
        # the agency header is never the title: the document's number says what it is ('Số: 02/BC-…' → a report)
        num = meta.get("number")
        kind = re.search(r"/([A-ZĐ]{2,4})-", num or "")
        kinds = {"BC": "Báo cáo", "KH": "Kế hoạch", "HD": "Hướng dẫn", "QĐ": "Quyết định", "TB": "Thông báo"}
        if num and kind and kind.group(1) in kinds:
            return f"{kinds[kind.group(1)]} số {num.replace(' ', '')}"
        return meta.get("asked") or PLAIN_NAME
    if meta.get("name"):
        name = meta["name"]
        words = name.split()
        lead = 0
        while lead < len(words) and (words[lead].isupper() or not any(c.isalpha() for c in words[lead])):
            lead += 1
        if 0 < lead < len(words):  # 'BÁO CÁO Chuyển đổi số …' → 'Báo cáo chuyển đổi số …'
            rest = " ".join(words[lead:])
            return f"{_sentence_case(' '.join(words[:lead]))} {rest[:1].lower()}{rest[1:]}"
        return _sentence_case(name)
    found = (old or meta.get("headline") or fuller_report(meta.get("phrase"), meta.get("asked")) or meta.get("english")
             or meta.get("first") or PLAIN_NAME)  # ('Sản xuất lúa' over its table: the first line names it)
    return _sentence_case(found) if found.isupper() else found  # an opening heading in capitals names it


PARTY_BODY = re.compile(r"tinh uy|dang uy|-cv/tu|-cv/du|ban thuong vu (?:tinh|thanh|huyen|quan|thi|dang)|cap uy|"
                        r"dang cong san viet nam|\bchi bo\b|\bdang bo\b|-bc/tu|-bc/du|-hd/tu|-kh/tu")


# an act the text says was issued, numbered by a Party body ('ký ban hành Chỉ thị số 02-CT/TW của Ban Bí thư'): who asks
# is the Party, even in a news item relaying it (an act only cited — 'tại Nghị quyết số 49-NQ/TU' — says nothing)
PARTY_ACT_ISSUED = re.compile(r"(?i)\bban hành\s+(?:chỉ thị|nghị quyết|kết luận|quy định|hướng dẫn|kế hoạch|thông tri|"
                              r"quyết định|công văn|văn bản)\s+số\s*:?\s*\d+\s*-\s*[A-ZĐ]{2,4}\s*/\s*(?:TW|TƯ|T\.Ư|TU|HU|ĐU|QU|TTU)\b")


# a state body heading the document: an act of the Party it cites does not make it a Party paper
STATE_BODY = re.compile(r"\buy ban nhan dan\b|\bubnd\b|\bhoi dong nhan dan\b|\bhdnd\b")


def shown_bodies(lines: list[str]) -> str:
    """The lines that show who issues or asks the document — the header, the number, the name, short headings —
    not the prose that merely mentions a Party body ('dưới sự lãnh đạo của BTV Đảng ủy, …' in a youth report)."""
    out = []
    receiving = False  # 'Nơi nhận:' and its list ('- TT Đảng ủy, HĐND xã;'): who receives, not who issues
    for s in lines[:150]:
        t = s.strip()
        receiving = fold(t).startswith("noi nhan") or receiving and (not t or t[0] in "-+•")
        if receiving:
            continue
        if len(s.split()) <= 10 or _upper_line(s):
            out.append(s)
        else:  # a sentence citing an act ('Nghị quyết số 06-NQ/TU … của Tỉnh ủy'): only the acts' numbers show
            out.extend(re.findall(r"\S*-[A-ZĐ]{2,3}/\S*", s))
    return " ".join(out)


def _upper_line(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _outline_dict(meta: dict, sections: list[dict], filename: str, alltext: str, none_ok: bool) -> dict:
    title = trim_run_on(_title(meta))
    f = alltext[:3000]
    asked = tuple(_words_key(q["prompt"]) for q in _all_questions(sections) if q.get("type") != "table")
    period, period_why = guess_period(f, title, asked)
    if period["kind"] in ("monthly", "quarterly", "half_yearly", "yearly"):
        # Nghị định 09/2019/NĐ-CP: data from the 15th to the 14th, deadlines per level in working days after it
        period["regime"] = {"cutoff_day": 14, "levels": {"commune": 1, "province": 3, "centre": 5}}
    m = re.search(r"từ ngày\s*(\d{1,2}/\d{1,2}/\d{4})", alltext)
    if m:
        period["window_from"] = m.group(1)
    respondents, respondents_why = guess_respondents(f)
    # a page on one line shows no header line: its words in capitals near the top are the header
    shown = meta.get("shown") or " ".join(w for w in f[:600].split() if w.isupper())
    # a state body heading the text and no Party body beside it: a Party body named below (a heading on its
    # leadership, a recipient) does not make it the Party's
    state_only = meta.get("state_headed") and not meta.get("party_headed")
    party = PARTY_BODY.search(fold(f"{shown} {title}")) and not state_only or (
        PARTY_ACT_ISSUED.search(f[:800]) and not meta.get("state_headed")
    )
    layout = "party" if party else "state"  # ('Báo cáo … của chi bộ', a news item on a directive the Party issued)
    if party and respondents == ["xa", "phuong", "dac_khu"] and not _words_at(f, RESPONDENT_WORDS[-1][0]):
        respondents, respondents_why = party_respondents(f) or (respondents, respondents_why)  # ('các chi bộ')
    data: dict = {
        "id": (slug(re.sub(r"^đề cương(?:\s+(?:gợi ý|báo cáo))?\s+", "", title, flags=re.I), 6).replace("_", "-")
               or "de-cuong")[:50].strip("-"),
        "version": 1,
        "title": title,
    }
    if meta["subtitle"]:
        data["subtitle"] = meta["subtitle"]
    data["source"] = {"file": Path(filename).name}
    data["period"] = period
    data["respondents"] = respondents
    data["_comments"] = {"period": f"? {period_why}", "respondents": f"? {respondents_why}"}
    if title == PLAIN_NAME:
        data["_comments"]["title"] = f"? {PLAIN_NOTE}"
    data["layout"] = layout
    if meta["note"]:
        data["note"] = " ".join(n.strip() for n in meta["note"] if n.strip())
    if not sections:
        sections = [{"no": "", "title": title, "items": [
            {"key": "noi_dung", "prompt": "Nội dung báo cáo", "type": "longtext", "_comments": {}}]}]
    data["sections"] = sections
    if none_ok:
        for q in _all_questions(sections):
            q["none_ok"] = True
    return data


def _all_questions(sections: list[dict]) -> list[dict]:
    out = []
    for s in sections:
        out.extend(_flat(s))
    return out
