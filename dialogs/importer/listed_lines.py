"""The last reading of a text that asks by nothing else (no number, no blank, no colon, no asking verb): a run of
three or more short lines, one after the other, each a phrase beginning with a capital and ending without a full
stop ('Mức độ cập nhật thông tin' / 'Tốc độ truy cập' / 'Thái độ phục vụ (độ nhiệt tình, …)') lists the things to
answer about — one question each, in the words of the line (a web page's criteria to rate, a survey's items).

Each line reads as a thing to report or to rate: it begins with a word that names one ('Kết quả …', 'Khó khăn …',
'Mức độ …', 'Thái độ …', 'Những …'). A web page's menu ('Giới thiệu chung' / 'Tin tức sự kiện' / 'Liên hệ với chúng
tôi') and the document's own title ('Báo cáo tình hình …', 'Mẫu báo cáo …'; its first line, set apart by an empty
line) do not; two listed lines a copy ran into one ('Đề xuất kiến nghị với cấp trên Phương hướng nhiệm vụ năm
tới') are parted at the second one's capital."""

from __future__ import annotations

import re

from dialogs.importer.forms import BLANK
from dialogs.importer.tidy import not_an_ask
from dialogs.text import fold

MIN_RUN = 3
MIN_WORDS, MAX_WORDS = 3, 30
# the first words of a thing to report or to rate (folded): what came of it, what hindered it, what is proposed, how
# well it is done
REPORTED = re.compile(r"^(?:ket qua|tinh hinh|kho khan|thuan loi|vuong mac|ton tai|han che|uu diem|khuyet diem|"
                      r"nguyen nhan|de xuat|kien nghi|phuong huong|nhiem vu|giai phap|bai hoc|danh gia|nhung|cac|"
                      r"cong tac|viec|ty le|muc do|kha nang|toc do|thai do|chat luong|hieu qua|tien do|thoi gian|"
                      r"su|do|y kien|trach nhiem|noi dung)\b")


def _phrase(line: str) -> bool:
    s = line.strip()
    words = re.sub(r"\([^()]*\)?", "", s).split()
    return (MIN_WORDS <= len(words) <= MAX_WORDS and s[:1].isupper() and not s.isupper()
            and not s.endswith((".", ":", ";", "!", ",")) and ":" not in s and BLANK.search(s) is None
            and not_an_ask(s) is None and not s.startswith("(") and REPORTED.match(fold(s)) is not None)


def _parted(line: str) -> list[str]:
    """'Đề xuất kiến nghị với cấp trên Phương hướng nhiệm vụ năm tới' → its two listed lines: parted before a
    capital mid-line that begins a thing to report, each part a listed phrase."""
    words = line.split()
    for k in range(MIN_WORDS, len(words) - MIN_WORDS + 1):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if words[k][:1].isupper() and words[k - 1][:1].islower() and _phrase(head) and _phrase(rest):
            return [head, *_parted(rest)]
    return [line]


def listed_lines(lines: list[str]) -> list[str]:
    """The first run of MIN_RUN or more listed phrases (see the module's notes); [] when the text shows none."""
    run: list[str] = []
    first = next((k for k, x in enumerate(lines) if x.strip()), len(lines))
    if first + 1 < len(lines) and not lines[first + 1].strip():  # the text's first line set apart: its title
        lines = lines[first + 1:]
    for line in [*[x for x in lines if x.strip()], ""]:  # (empty lines between the items do not end the run)
        if line.strip() and _phrase(line):
            run.extend(_parted(line.strip()))
            continue
        if len(run) >= MIN_RUN:
            return run
        run = []
    return []
