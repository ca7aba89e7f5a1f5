"""The last reading of a text that asks by nothing else (no number, no blank, no colon, no asking verb): a run of
three or more short lines, one after the other, each a phrase beginning with a capital and ending without a full
stop ('Mức độ cập nhật thông tin' / 'Tốc độ truy cập' / 'Thái độ phục vụ (độ nhiệt tình, …)') lists the things to
answer about — one question each, in the words of the line (a web page's criteria to rate, a survey's items)."""

from __future__ import annotations

import re

from dialogs.importer.forms import BLANK
from dialogs.importer.tidy import not_an_ask

MIN_RUN = 3
MIN_WORDS, MAX_WORDS = 3, 30


def _phrase(line: str) -> bool:
    s = line.strip()
    words = re.sub(r"\([^()]*\)?", "", s).split()
    return (MIN_WORDS <= len(words) <= MAX_WORDS and s[:1].isupper() and not s.isupper()
            and not s.endswith((".", ":", ";", "!", ",")) and ":" not in s and BLANK.search(s) is None
            and not_an_ask(s) is None and not s.startswith("("))


def listed_lines(lines: list[str]) -> list[str]:
    """The first run of MIN_RUN or more listed phrases (see the module's notes); [] when the text shows none."""
    run: list[str] = []
    for line in [*[x for x in lines if x.strip()], ""]:  # (empty lines between the items do not end the run)
        if line.strip() and _phrase(line):
            run.append(line.strip())
            continue
        if len(run) >= MIN_RUN:
            return run
        run = []
    return []
