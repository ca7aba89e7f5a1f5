"""A flat numbered form ('1. Khối lượng được thu gom: …… tấn/ngày', '2. …') makes a section of each number; its
title is the line without its blanks: the prompts of the questions the line asked ('Số tổ, đội thu gom rác; số xe
thu gom chuyên dụng'), else its label before a colon, else the words before the first blank. The blanks and their
units belong to the questions."""

from __future__ import annotations

import re

BLANK = re.compile(r"…|\.{3,}|_{3,}")
LONGEST = 150  # a title joined from more prompts than this is cut at its first blank instead


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[1:2].islower() else s


def blank_free_title(sec: dict) -> None:
    """The section's title without the blanks its line held (see the module's note); a title without one stays."""
    title = sec.get("title", "")
    if not BLANK.search(title):
        return
    prompts = [q["prompt"] for q in sec.get("items", []) if q.get("type") != "table" and q.get("prompt")]
    joined = "; ".join([prompts[0], *map(_lower_first, prompts[1:])]) if prompts else ""
    if joined and not BLANK.search(joined) and len(joined) <= LONGEST:
        sec["title"] = joined
        return
    head = BLANK.split(title, 1)[0]
    label = head.split(":", 1)[0]  # 'Tình hình tổ chức …: số tổ hòa giải hiện có ……': the label before the colon
    head = (label if ":" in head and len(label.split()) >= 2 else head).strip(" :;,.-–(")
    if len(head.split()) >= 2:
        sec["title"] = head
