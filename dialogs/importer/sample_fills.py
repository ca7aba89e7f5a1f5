"""A blank the sample filled in: 'Tổng số vụ việc trong kỳ: ……………không…………………' — the web page's copy of a
half-filled form kept a yes/no or none answer ('không', 'có', 'không có', 'chưa có', 'chưa', 'đạt', 'không đạt', 'x')
inside the dotted blank after a label ending in ':'. The answer is taken out so the line is a label with its blank
again ('Tổng số vụ việc trong kỳ: ……'); a unit or a second label after the dots ('Ngày: …… tháng ……') is no answer
and stays."""

from __future__ import annotations

import re

from dialogs.importer.lexicon import GAP_RUN as DOTS

FILLED = re.compile(
    r"^(?P<l>[^…:]{3,160}:)\s*"
    + DOTS
    + r"(?P<v>không có|không đạt|chưa có|không|có|chưa|đạt|x)\s*(?:"
    + DOTS
    + r")?$",
    re.I,
)


def drop_sample_fill(line: str) -> str:
    """The line without the sample's answer in its blank (see the module's note); any other line unchanged."""
    m = FILLED.match(line.strip())
    if not m or "." in m.group("l").rstrip(":")[-3:]:
        return line
    return m.group("l") + " ………………"
