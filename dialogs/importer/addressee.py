"""The addressee's blank of a petition or a request form ('ĐƠN …', 'GIẤY ĐỀ NGHỊ …', 'VĂN BẢN ĐỀ NGHỊ …', 'TỜ KHAI
…'): the citizen filling it writes whom it goes to, so its 'Kính gửi: ……' is one line of text to fill — a bare blank
('Kính gửi: (2)……'), a placeholder in brackets ('Kính gửi: …(Tên cơ quan thuế)…') or a generic body to complete
('Kính gửi: Ủy ban nhân dân xã/phường/thị trấn ……'). A letter or report outline an authority sends names its
addressees ('Kính gửi: - Sở Nội vụ; - UBND các huyện'): the letter's heading, never an ask; nor is the blank of a
report form's 'Kính gửi (1): ……' (the reporting body's recipient, told by its notes)."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.forms import BLANK
from dialogs.text import fold

# the name line of a paper a person (or a firm) files to ask for something
PETITION = re.compile(r"^(?:don(?:\s+\(?mau\)?)?\s+(?:xin|de nghi|dang ky|khieu nai|to cao|kien nghi|phan anh|yeu cau|"
                      r"trinh bay)\b|(?:giay|van ban|phieu|to)\s+(?:de nghi|xin|dang ky)\b|de nghi\b|to khai\b|ban khai\b)")
ADDRESSED = re.compile(r"(?i)^kính\s+gửi\s*(?:\(\d{1,2}\))?\s*:\s*(?P<b>.*)$")
NOTE_MARK = re.compile(r"\(\d{1,2}\)|(?<![\w(])\d{1,2}(?![\w)])")  # a footnote's number: '(2)……', '……8……'
PLACEHOLDER = re.compile(r"^\((?P<n>[^()]*[^\W\d_][^()]*)\)$")  # '(Tên cơ quan thuế)': what to write, in brackets
ALTERNATIVES = re.compile(r"\w/\w")  # 'xã/phường/thị trấn': the body to complete names its kinds
MAX_WORDS = 14  # outside brackets: '… xã, phường …… (đối với thiên tai)' says its case in them
DOTS = re.compile(r"(?<=\s)\.{2}(?=\s|$)|(?<=\w)\.{2}(?=\s)")  # a blank's last dots: 'phường ….. (đối với …)'


def petition(name: str) -> bool:
    """'ĐƠN ĐỀ NGHỊ', 'Giấy đề nghị xét duyệt …', 'Đề nghị tổ chức lễ hội …', 'Tờ khai …': a person's request."""
    return bool(PETITION.match(fold(name).strip(" |:-–")))


def addressee_asks(line: str, name: str) -> list[Ask]:
    """The one text ask of a petition's 'Kính gửi:' line whose addressee is left to write; [] for any other line,
    for a printed addressee ('Kính gửi: Sở Tư pháp') and for a body whose blanks have labels of their own
    ('Kính gửi: Chi ủy: …… Đảng ủy: ……', read as a form's fields)."""
    m = ADDRESSED.match(line.strip())
    if not m or not petition(name):
        return []
    body = m.group("b")
    rest = " ".join(NOTE_MARK.sub(" ", DOTS.sub(" ", BLANK.sub(" ", body))).split()).strip(" -–—+•;,.")
    rest = re.sub(r"\s+(?=[,;)])", "", rest)
    if ":" in rest:
        return []
    note = PLACEHOLDER.match(rest)
    if note:
        what = note.group("n").strip()
        return [Ask(f"Kính gửi ({what[:1].upper()}{what[1:]})", "text")]  # 'Kính gửi (Tên cơ quan thuế)'
    if not rest:
        return [Ask("Kính gửi", "text")] if BLANK.search(body) or NOTE_MARK.search(body) else []
    if len(re.sub(r"\([^()]*\)", "", rest).split()) > MAX_WORDS or not (BLANK.search(body) or ALTERNATIVES.search(rest)):
        return []
    return [Ask(f"Kính gửi: {rest}", "text")]
