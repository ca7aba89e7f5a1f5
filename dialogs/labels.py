"""Report labels: how a consolidated report names a figure — a statement, not the question.

"Kết quả: đã tổ chức được bao nhiêu đợt tập huấn trực tuyến" is asked of an officer; the report prints
"Số đợt tập huấn trực tuyến đã tổ chức: 31 đợt". An outline may give the label (``label:`` on a question);
without one :func:`label_rule` turns the question into one.
"""

from __future__ import annotations

import re

from dialogs.text import fold

_LEAD = re.compile(r"^(kết quả|trong đó)\s*:\s*", re.I)
_VERB = re.compile(r"^(nêu rõ|nêu cụ thể|nêu khái quát|nêu ngắn gọn|nêu|làm rõ|liệt kê|ghi rõ|báo cáo cụ thể|báo cáo)\s+",
                   re.I)
_HOW_MANY = re.compile(r"^(?P<pre>.*?)\s*(?:được\s+)?bao nhiêu\s+(?P<rest>.+)$", re.I)
_TAIL_Q = re.compile(r"\s*(hay không|như thế nào|thế nào|không|chưa|gì|nào)?\s*\?\s*", re.I)
_INNER_Q = re.compile(r"\s+(?:như thế nào|gì|nào)(?=[\s,;]|$)", re.I)
_DROP_PRE = {"có", "hiện có", "còn", "hiện còn", ""}
_COMMON = {"da", "con", "hien", "trong", "dang", "co", "duoc"}  # words lower-cased when moved after the noun
_BIEU = re.compile(r"^(Biểu\s+\S+\s+[—–-]\s+)(.+)$")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:2] != s[:2].upper() else s


def _split_paren(text: str) -> tuple[str, str]:
    """"Câu hỏi? (Biểu 6)" → ("Câu hỏi?", " (Biểu 6)")."""
    m = re.match(r"^(.*?)(\s*\([^()]*\))$", text)
    if m and m.group(1).strip():
        return m.group(1), m.group(2)
    return text, ""


def _how_many(body: str) -> str | None:
    """"đã tổ chức được bao nhiêu đợt tập huấn" → "Số đợt tập huấn đã tổ chức"."""
    m = _HOW_MANY.match(body)
    if not m:
        return None
    pre, rest = m.group("pre").strip(" ,"), m.group("rest").strip()
    pre = re.sub(r"\s+được$", "", pre, flags=re.I)
    if fold(pre) in {fold(x) for x in _DROP_PRE}:
        return f"Số {rest}"
    first = fold(pre.split()[0])
    return f"Số {rest} {pre[:1].lower() + pre[1:] if first in _COMMON else pre}"


def label_rule(prompt: str) -> str:
    """A question's wording → a statement label (no question mark, no "bao nhiêu", no leading "Nêu rõ")."""
    text = " ".join(prompt.split()).rstrip(" :")
    text = _LEAD.sub("", text)
    bieu = _BIEU.match(text)
    if bieu:
        return bieu.group(1) + _lower_first(label_rule(bieu.group(2)))
    body, paren = _split_paren(text)
    asked = "?" in body or "bao nhiêu" in fold(body).replace("bao nhieu", "bao nhiêu")
    body = re.sub(r"\?\s*$", "", body.strip()) if not asked else body
    if "?" in body:
        head, _, tail = body.partition("?")
        body = _TAIL_Q.sub("", head + "?") + (f"; {tail.strip()}" if tail.strip() else "")
        body = body.rstrip(" ;")
    if asked:  # interrogative words left inside the clause: "giải pháp gì để", "như thế nào để", "TTHC nào đã"
        body = _INNER_Q.sub("", body)
    counted = _how_many(body)
    if counted:
        body = counted
    else:
        body = _VERB.sub("", body)
        if body.lower().startswith("có ") and paren == "" and asked:
            body = body[3:]
    return _cap(body.strip(" ,;")) + paren


def report_label(question) -> str:
    """The label the report prints for ``question``: its own ``label`` or the rule's."""
    return getattr(question, "label", None) or label_rule(question.prompt)


__all__ = ["label_rule", "report_label"]
