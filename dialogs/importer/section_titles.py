"""A flat numbered form ('1. Khối lượng được thu gom: …… tấn/ngày', '2. …') makes a section of each number; its
title is the line without its blanks: the prompts of the questions the line asked (when it has no numbered items) ('Số tổ, đội thu gom rác; số xe
thu gom chuyên dụng'), else its label before a colon, else the words before the first blank. The blanks and their
units belong to the questions.

Not so for a heading whose only blanks are a date's or a period's ('PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 20……', '6 tháng đầu năm
……'): its title stays. Only the line's own asks title it (not its numbered items'), and only when none of them is
broken ('()' empty, a blank's unit glued to the next label: '…… m2 Loại đất'); else the line is cut."""

from __future__ import annotations

import re

BLANK = re.compile(r"…|\.{3,}|_{3,}")
# a date's or a period's blank: 'năm 20……', 'ngày …… tháng ……', 'quý ……', 'nhiệm kỳ ……'
DATE_BLANK = re.compile(r"(?i)(?:\b(?:năm|ngày|tháng|quý|kỳ|giai đoạn)\s*|\b(?:19|20))(?:…|\.{3,}|_{3,})[….\s_/-]*")
# a blank's unit (lower case) followed by the next label (a capital): '…… m2 Loại đất', '…… đồng Bằng chữ'
UNIT_THEN_LABEL = re.compile(r"(?:…|\.{3,}|_{3,})[….\s_]*(?P<u>[a-zà-ỹđ][\w/²³]*)\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]")
LONGEST = 150  # a title joined from more prompts than this is cut at its first blank instead


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[1:2].islower() else s


def blank_free_title(sec: dict) -> None:
    """The section's title without the blanks its line held (see the module's note); a title without one stays."""
    title = sec.get("title", "")
    if not BLANK.search(title) or not BLANK.search(DATE_BLANK.sub(" ", title)):
        return
    units = {m.group("u").lower() for m in UNIT_THEN_LABEL.finditer(title)}
    prompts = [q["prompt"] for q in sec.get("items", []) if q.get("type") != "table" and q.get("prompt") and not q.get("no")]
    label = BLANK.split(title, 1)[0].split(":", 1)[0].split() if ":" in BLANK.split(title, 1)[0] else []
    if any("()" in p or p.split()[0].lower() in units for p in prompts) or any(q.get("no") for q in sec.get("items", [])):
        prompts = []  # (a broken prompt titles nothing; nor do a heading's numbered items)
    elif len(label) >= 2 and prompts and re.findall(r"\w+", prompts[0].lower())[:2] != re.findall(r"\w+", " ".join(label[:2]).lower()):
        prompts = []  # ('Tình hình quản lý …: số công trình … ……': the heading's label, which no prompt carries)
    joined = "; ".join([prompts[0], *map(_lower_first, prompts[1:])]) if prompts else ""
    if joined and not BLANK.search(joined) and len(joined) <= LONGEST:
        sec["title"] = joined
        return
    head = BLANK.split(title, 1)[0]
    label = head.split(":", 1)[0]  # 'Tình hình tổ chức …: số tổ hòa giải hiện có ……': the label before the colon
    head = (label if ":" in head and len(label.split()) >= 2 else head).strip(" :;,.-–(")
    if len(head.split()) >= 2:
        sec["title"] = head
