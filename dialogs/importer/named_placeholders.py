"""A name to write asked by a placeholder in brackets right after the noun it names, inside a sentence: 'Nhà đầu tư
(nêu tên của các nhà đầu tư) báo cáo về tình hình của dự án (tên dự án) đến ngày …' → 'Tên nhà đầu tư', 'Tên dự
án' (each a line of text). A placeholder standing alone ('của (tên cơ quan) về …', ', (tên đơn vị) báo cáo …')
or after a label's colon ('Công trình: (tên công trình) ……', read by the field readers) asks nothing here."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask

PLACEHOLDER = re.compile(r"(?<=[^\W\d_])\s*\((?P<verb>(?:nêu|ghi)(?:\s+rõ)?\s+)?tên\s+(?P<what>[^()]{2,40})\)", re.I)
NOT_A_NOUN = re.compile(r"(?i)(?:^|\s)(?:của|về|tại|cho|với|và|hoặc|là|ở|do|theo)$")
NOUN_BEFORE = re.compile(r"(?P<n>[^\W\d_][^,;:.()]{1,40})$")
# a bracket that says where the thing is defined or prescribed ('(tên mẫu quy định tại Phụ lục II)', '(tên biểu theo
# Thông tư …)'): a reference, no placeholder; nor is a form or a paper ('mẫu', 'biểu', 'văn bản') a thing the officer names
REFERENCE = re.compile(r"(?i)\b(?:quy định|ban hành|hướng dẫn tại|tại|theo|kèm theo|nêu ở|ghi ở)\b|\d|\s[A-ZĐ][\w.]*\s+[IVX\d]")
NOT_NAMED = re.compile(r"(?i)^(?:mẫu|biểu|văn bản|phụ lục|thông tư|nghị định|quyết định)\b")


def named_placeholders(text: str) -> list[Ask]:
    """The names a sentence's placeholders ask (see the module's note); [] for any other line."""
    s = text.strip()
    out: list[Ask] = []
    for m in PLACEHOLDER.finditer(s):
        before = s[:m.start()].rstrip()
        if NOT_A_NOUN.search(before) or re.search(r"[,;]", m.group("what")) or REFERENCE.search(m.group("what")) \
                or NOT_NAMED.match(m.group("what").strip()):
            continue  # '(tên nhiệm vụ, đơn vị chủ trì, thời hạn)': the columns of a list, not one name
        if not m.group("verb"):
            what = m.group("what").strip()
        elif (noun := NOUN_BEFORE.search(before)) and len(noun.group("n").split()) <= 6 and noun.start() == 0:
            what = noun.group("n").strip()  # '(nêu tên …)' after the sentence's subject: the subject's name
        else:
            continue
        out.append(Ask(f"Tên {what[0].lower()}{what[1:]}", "text"))
    return out if out and len(s.split()) > 8 else []
