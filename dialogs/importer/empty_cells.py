"""A spreadsheet's label row copied with its empty cells ('Công trình: | ||||||||||||', 'Địa điểm: | ||||||||'): the
empty cells after the label are where the answer goes — the line is the label and a blank ('Công trình: ……'). Three
empty cells at least, so that a table's own row ending with one empty cell stays as it is."""

from __future__ import annotations

import re

SHEET_LABEL = re.compile(r"^(?P<l>[^|:]{2,40}):\s*(?P<c>\|[\s|]*)$")


def empty_cells(seq: list) -> list:
    out: list = []
    for s in seq:
        m = SHEET_LABEL.match(s.strip()) if isinstance(s, str) else None
        out.append(f"{m.group('l').strip()}: ……" if m and m.group("c").count("|") >= 3 else s)
    return out
