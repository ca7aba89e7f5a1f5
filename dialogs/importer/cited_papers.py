"""Papers cited with blanks inside a running sentence of a form: 'Theo Bản án số …… ngày …… tháng …… năm …… của
Tòa án …… và Quyết định số …… ngày …… tháng …… năm …… thì ông (bà) ……' → each paper's number ('Theo Bản án số'),
its date ('Ngày tháng năm của Bản án'), who issued it when named ('Của Tòa án'), and the other labelled blanks of
the sentence ('Thì ông (bà)'). The date of a paper is one ask, its day, month and year one blank each."""

from __future__ import annotations

import re

from dialogs.importer.lexicon import UNIT_WORDS

# a blank: dots, '…' or underscores, a date's slashes and a stray comma with it
PIECE_BLANK = re.compile(r"(?:…|\.{2,}|_{3,})(?:[….\s_,]|/(?=\s*[….…_]))*")
JOINED = re.compile(r"(?i)^(?:và|hoặc|cùng)\s+")
CITING = re.compile(r"(?i)^(?:theo|thực hiện|căn cứ|kèm theo)\s+")
NUMBER_OF = re.compile(r"(?i)\s+số$")
DAY, MONTH = re.compile(r"(?i)^ngày$"), re.compile(r"(?i)^tháng$")
YEAR = re.compile(r"(?i)^năm(?:\s+(?:19|20)\d{0,2})?$")
MAX_WORDS = 10
PRINTED_YEAR = re.compile(r"(?i)\b(năm)\s+(?:19|20)\d\d\b")  # 'năm 2025': the year printed, a blank's place
CLAUSE_START = re.compile(r"(?i),\s+|\s+thì\s+")  # where the sentence's own clause begins after a paper's particulars
COUNTED = re.compile(r"(?i)^(?P<n>buổi|lượt|cuộc|lớp|hội nghị|người|hộ|vụ|tin|bài|trường hợp)\s+(?P<r>\S.*)$")


def _date_at(segs: list[str], k: int) -> bool:
    return k + 2 < len(segs) and bool(DAY.match(segs[k]) and MONTH.match(segs[k + 1]) and YEAR.match(segs[k + 2]))


def cited_papers(line: str) -> list[str]:
    """The labels of a sentence citing one paper or more by number and date (see the module's notes); [] when no
    piece before a 'ngày … tháng … năm …' ends with 'số', or a piece is no short label (a sentence, a figure)."""
    segs = [s.strip(" ,;.") for s in PIECE_BLANK.split(PRINTED_YEAR.sub(r"\1 ……", line.strip()))]
    labels: list[str] = []
    paper, last, dated, k = "", "", False, 0
    while k < len(segs):
        seg = segs[k]
        if not seg:
            k += 1
            continue
        if paper and _date_at(segs, k):
            labels.append(f"Ngày tháng năm của {paper}")
            paper, last, dated, k = "", paper, True, k + 3
            continue
        label = JOINED.sub("", seg).strip(" ,;.:")  # ('… thì ông (bà) …… địa chỉ: ……': a label's colon)
        if dated and (len(label.split()) > MAX_WORDS or "," in label) and CLAUSE_START.search(label):
            # '… của UBND huyện về việc …, tôi xin xác nhận ……': the paper's printed particulars, then the clause
            if k == len(segs) - 1:  # no blank after the clause: nothing more asks
                break
            label = CLAUSE_START.split(label)[-1].strip(" ,;.:")  # whose blank asks
        clause = dated and labels and not re.match(r"(?i)ngày tháng năm của |cơ quan ban hành |của ", labels[-1]) \
            and not NUMBER_OF.search(labels[-1])  # the label before is a clause's of the sentence, its blank a figure
        if clause and UNIT_WORDS.match(label):  # '… được bồi thường …… đồng': the figure's unit
            labels[-1] += f" ({label})"
            k += 1
            continue
        if clause and (counted := COUNTED.match(label)):  # '… đã tổ chức …… buổi tuyên truyền'
            labels[-1] = f"Số {counted.group('n')} {counted.group('r')} {labels[-1][:1].lower()}{labels[-1][1:]}"
            k += 1
            continue
        if not label or not label[0].isalpha() or len(label.split()) > MAX_WORDS or re.search(r"[.?!:;]", label):
            return []
        if label.lower() == "của" and last:  # '… năm …… của ……': who issued the paper, not named
            label = f"Cơ quan ban hành {last} (của)"
        if NUMBER_OF.search(label):
            paper = CITING.sub("", NUMBER_OF.sub("", label)).strip(" ,")
            if re.match(r"(?i)căn cứ\s", label):  # 'Căn cứ …' is the grounds the tidying drops: the number asks
                label = f"{paper} số"
        labels.append(label[0].upper() + label[1:])
        k += 1
    return labels if dated else []
