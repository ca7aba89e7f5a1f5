"""Types read from an ask's shape once the draft is built (a late pass, build.py via lettered_fields.late_passes):

- A line to fill (or a label of a few words written out, its options parted by ' / ') whose help is only its options ('Kết quả xếp loại: ……' over '(Hoàn thành xuất sắc nhiệm vụ; hoàn
  thành tốt nhiệm vụ; hoàn thành nhiệm vụ; không hoàn thành nhiệm vụ)'): three or more short items parted by ';' or
  '/', none of them an instruction, are the answers to pick from: a choice holding them.
"""

from __future__ import annotations

import re

from dialogs.text import fold

# an instruction, not an answer: 'ghi rõ …', 'nêu …', 'ví dụ …', 'nếu có', 'theo mẫu …'
INSTRUCTION = re.compile(
    r"^(?:ghi|neu|vi du|vd|nhu|kem theo|kem|theo|danh dau|chon|khoanh|gach|trong do|gom|bao gom|lua chon|xem)\b|"
    r"\bneu co\b|\bmau so\b|\bbieu\b"
)


def help_options(help_text: str) -> list[str] | None:
    """The options a help text only lists: 3 to 8 items of 1 to 8 words parted by ';' (or ' / '), no colon, no
    figure, no instruction; None otherwise."""
    s = help_text.strip().rstrip(".").strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip().rstrip(".")
    if ":" in s or re.search(r"\d|…|\.\.", s):
        return None
    parts = [_unbracket(p.strip(" .,")) for p in re.split(r"\s*;\s*|\s+/\s+", s)]
    if not 3 <= len(parts) <= 8 or any(not p or len(p.split()) > 8 for p in parts):
        return None
    if any(INSTRUCTION.search(fold(p)) for p in parts):
        return None
    return [p[0].upper() + p[1:] for p in parts]


def _unbracket(part: str) -> str:
    """An option without the bracket of the whole list its help lost one end of ('yếu).' → 'yếu')."""
    if part.endswith(")") and "(" not in part:
        part = part[:-1].rstrip(" .,")
    if part.startswith("(") and ")" not in part:
        part = part[1:].lstrip()
    return part


def _slashed_prose(q: dict, help_text: str) -> bool:
    """'Là' (written out, its blank a line of dots) over '(tác giả / chủ sở hữu / người được ủy quyền)': a label of a
    word or a few whose help only lists alternatives parted by ' / ' is picked from too."""
    return q.get("type") == "longtext" and len(q.get("prompt", "").split()) <= 4 and help_text.count(" / ") >= 2


def options_in_help(items: list[dict]) -> None:
    """A text ask (a line to fill) whose help lists only its options becomes a choice of them (in place); a
    section holding that one ask and the options as its own help ('2. Xếp loại: ……' over the options) too."""
    for q in items:
        if "items" in q:
            one = [x for x in q["items"] if "items" not in x]
            if len(q["items"]) == 1 and len(one) == 1 and q.get("help") and not one[0].get("help"):
                _to_choice(one[0], q["help"], q)
            options_in_help(q["items"])
        elif q.get("help"):
            _to_choice(q, q["help"], q)


def _to_choice(q: dict, help_text: str, owner: dict) -> None:
    if q.get("options") or not (q.get("type") == "text" or _slashed_prose(q, help_text)):
        return
    opts = help_options(help_text)
    if opts and q.get("type") == "longtext":  # the label's alternatives as the document wrote them stay its help
        q["type"], q["options"] = "choice", opts
    elif opts:
        q["type"], q["options"] = "choice", opts
        del owner["help"]
