"""A web page's list numbering printed before the document's own numbers (' 1.  1. Bệnh sốt xuất huyết: …',
' 2. 3. Bệnh tay chân miệng: …', ' 1. 4. Các loại …': each item of an HTML list numbered again by the page):
the page's number goes and the document's own stays. Only when two lines of the text have the doubled shape
(a list's numbers, not one line that happens to start '1. 2.')."""

from __future__ import annotations

import re

DOUBLED = re.compile(r"^\s*\d{1,2}\.\s+(?=(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\.\s*[^\W\d_])")


def doubled_marks(seq: list) -> list:
    hits = [i for i, s in enumerate(seq) if isinstance(s, str) and DOUBLED.match(s)]
    if len(hits) < 2:
        return seq
    out = list(seq)
    for i in hits:
        out[i] = DOUBLED.sub("", out[i], count=1)
    return out
