"""A minutes' form copied from a PDF that lost its dotted blanks: 'Đại hội Chi bộ ngày tháng năm 20 , tiến hành …'
(the date's words side by side, nothing between them, then the sentence going on). Once a line shows that, the
blanks the copy lost are put back where the words cannot stand without a figure: the date ('ngày … tháng … năm
20…'), and a count right before its noun at a sentence's end ('… là đồng chí.' → '… là … đồng chí.'), so that
the asks are read as if the dots were there."""

from __future__ import annotations

import re

LOST_DATE = re.compile(r"(?<=[^\W\d_])\s+ngày\s+tháng\s+năm(?:\s+(?P<c>20))?\s*(?=,\s*[^\W\d_])")
COUNTED = r"(?:đồng chí|đảng viên|đại biểu|người)"
LOST_COUNT = re.compile(rf"\b(?P<w>là|gồm)\s+(?P<n>{COUNTED})(?=\s*\.?\s*$)")


def lost_dots(seq: list) -> list:
    if not any(isinstance(s, str) and LOST_DATE.search(s) for s in seq):
        return seq
    out: list = []
    for s in seq:
        if isinstance(s, str):
            s = LOST_DATE.sub(lambda m: f" ngày … tháng … năm {m.group('c') or ''}…", s)
            s = LOST_COUNT.sub(r"\g<w> … \g<n>", s)
        out.append(s)
    return out
