"""A checklist's table read as lines, its header naming two answer columns ('Tiêu chí Có Không', 'Nội dung Đạt
Không đạt'): each criterion under it (a numbered line, or a line of its own in the same cell) is ticked yes or no →
a yesno ask each, carried as one line (surveys.py) so that the outline keeps its numbering and headings ('I.',
'II.', 'A.' stay headings). The run ends at a table, at a line with a blank to fill, or at a line that is no
criterion (too short, a label ending with ':', a question of another kind)."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.forms import BLANK
from dialogs.importer.structure import parse_marker
from dialogs.importer.surveys import carry_as, is_carried

# the columns' names in capitals or with a capital: 'Có Không', 'CÓ KHÔNG', 'Đạt Không đạt'
HEAD = re.compile(
    r"^(?:STT\s+)?(?P<l>[^\W\d_a-zà-ỹđ][^\W\d_]*(?:\s+[^\W\d_]+){0,3}?)\s+"
    r"(?:Có\s+Không|CÓ\s+KHÔNG|Đạt\s+(?:Không|Chưa)\s+đạt|ĐẠT\s+(?:KHÔNG|CHƯA)\s+ĐẠT)\s*$"
)
HEADINGS = ("roman", "upper", "part")


def _criterion(text: str) -> bool:
    words = text.split()
    return 3 <= len(words) <= 60 and not text.rstrip().endswith((":", "?")) and not BLANK.search(text)


def yesno_columns(seq: list) -> list:
    out: list = []
    on = False
    for s in seq:
        if not isinstance(s, str):
            on = False
            out.append(s)
            continue
        text = s.strip()
        if HEAD.match(text) and "|" not in text:
            on = True
            out.append(s)
            continue
        mk = parse_marker(text)
        if on and mk is not None and mk.kind in HEADINGS:
            out.append(s)  # the checklist's parts ('I. Không xét …', 'II. Tự đánh giá …') stay headings
            continue
        body = mk.rest if mk is not None and mk.kind.startswith("dec") else text
        if on and not is_carried(text) and (mk is None or mk.kind.startswith("dec")) and _criterion(body):
            out.append(carry_as(text, Ask(body.strip().rstrip(" .;"), "yesno"), numbered=True))
            continue
        on = on and not text
        out.append(s)
    return out
