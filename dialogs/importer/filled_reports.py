"""A report sent already filled in (last period's report used as the outline): under a heading, bullets that give
one unit's figures are the asks those figures answer; the figures themselves never go into a prompt.

- 'Tổng số cán bộ: 31 (biên chế: 25 ; hợp đồng: 06). Trong đó:' → counts: 'Tổng số cán bộ', 'Biên chế', 'Hợp đồng';
- '. Quản lý: 03' (a part written on a line of its own, under the line above) → a count 'Quản lý';
- 'Tổng số người bệnh: 410 người/12 khoa' → a count in 'người', then 'Số khoa';
- '. Khoa nội: 120 người 03 buồng' repeated over the parts → a small table: a row per part, a column per unit
  ('Số người', 'Số buồng'; a figure in brackets in every row, '(02 buồng cách ly)', one more column);
- 'Tình hình cơ sở vật chất:' over lines that tell in words ('Phòng học: đạt chuẩn 8/10 (80%)') → the label asks in
  words (a longtext), the lines under it are the copy's answer."""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.keys import KeyMaker

NUM = r"\d{1,3}(?:\.\d{3})*(?:,\d+)?"
WORD = r"[^\W\d_][^\W\d_]*"
UNIT = rf"{WORD}(?:\s{WORD}){{0,2}}"
LABEL = r"(?P<l>[^\W\d_][^:;()]{0,60}?)"
MARK = re.compile(r"^\s*(?:[-+•–*.]\s*)+")
TAIL = re.compile(r"(?i)[.,;]?\s*(?:trong đó|cụ thể|gồm|bao gồm)\s*:?\s*$")
# 'Label: 27', 'Label: 03 điểm', 'Label: 255 trẻ/08 lớp', 'Label: 25 trẻ 01 lớp', each with an optional '(…)' after
FIGURE = re.compile(rf"^{LABEL}\s*:\s*(?P<n>{NUM})(?:\s*(?P<u>{UNIT}))??"
                    rf"(?:\s*/?\s*(?P<m>{NUM})\s*(?P<v>{UNIT}))?\s*(?:\((?P<p>[^()]*)\))?\s*[.;]?$")
PART = re.compile(rf"^{LABEL}\s*:\s*(?P<n>{NUM})\s*$")
BRACKET = re.compile(rf"^(?P<n>{NUM})\s+(?P<u>{WORD}(?:\s{WORD}){{0,4}})$")
PARTS_AFTER = re.compile(rf"^(?P<h>[^:;()]+:\s*{NUM}(?:\s*{UNIT})?)\s*,\s*(?P<p>(?:[^\W\d_][^:;,()]{{0,40}}:\s*{NUM}"
                         rf"\s*[;,]?\s*)+?)[.;]?$")
BARE = re.compile(r"^(?P<l>[^\W\d_][^:;()]{2,80}?)\s*:\s*$")
WORDED = re.compile(r"^(?P<l>[^\W\d_][^:;()]{0,60}?)\s*:\s*\S")


def _clean(line: str) -> str:
    return TAIL.sub("", MARK.sub("", " ".join(line.split()))).strip()


def _cap(s: str) -> str:
    s = s.strip(" ,.;:")
    return s[:1].upper() + s[1:]


def _unit(u: str | None) -> str | None:
    return u.strip().lower() if u else None


def figure_asks(line: str) -> list[Ask]:
    """The counts one filled line answers (see the module's notes); [] for any other line."""
    text = _clean(line)
    after = PARTS_AFTER.match(text)
    if after:  # 'Tổng số giáo viên: 42 người, biên chế: 40; hợp đồng: 02.': the parts as if in brackets
        parts = [p for p in re.split(r"\s*[;,]\s*", after.group("p")) if p]
        text = f"{after.group('h')} ({'; '.join(parts)})"
    m = FIGURE.match(text)
    if not m or len(m.group("l").split()) > 10:
        return []
    asks = [Ask(_cap(m.group("l")), "integer", _unit(m.group("u")))]
    if m.group("m"):
        asks.append(Ask(f"Số {m.group('v').strip().lower()}", "integer", _unit(m.group("v"))))
    pieces = [p.strip() for p in re.split(r"\s*;\s*", m.group("p") or "") if p.strip()]
    parts = [PART.match(p) for p in pieces]
    if pieces and all(parts):  # '(biên chế: 20 ; hợp đồng: 07)': the parts of the count, each a count
        asks.extend(Ask(_cap(p.group("l")), "integer", asks[0].unit) for p in parts if p)
    return asks


def _paired(line: str) -> re.Match | None:
    """'Khoa nội: 120 người 03 buồng (01 buồng cách ly)': a part with two figures, each in its unit."""
    m = FIGURE.match(_clean(line))
    return m if m and m.group("u") and m.group("m") else None


def _pair_table(title: str, lines: list[str]) -> Ask | None:
    """Parts each with the same two figures ('N trẻ M lớp'): a table, a row per part, a column per figure."""
    found = [_paired(x) for x in lines]
    if len(lines) < 2 or not all(found):
        return None
    ms = [m for m in found if m]
    if len({_unit(m.group("u")) for m in ms}) > 1:
        return None
    keys = KeyMaker()
    names = [f"Số {_unit(ms[0].group('u'))}", f"Số {_unit(ms[0].group('v'))}"]
    extra = [BRACKET.match((m.group("p") or "").strip()) for m in ms]
    if all(extra) and extra[0]:  # '(01 lớp bán trú)' in every row: one more column
        names.append(f"Số {_unit(extra[0].group('u'))}")
    cols = [{"key": keys.make(n), "label": n, "type": "integer"} for n in names]
    rows = [{"key": keys.make(_cap(m.group("l"))), "label": _cap(m.group("l"))} for m in ms]
    rows.append({"key": keys.make("Tổng cộng"), "label": "Tổng cộng", "kind": "total", "sum_of": "all"})
    prompt = f"{_cap(title)}: {', '.join(n.lower() for n in names)} theo từng loại"
    return Ask(prompt, "table", table={"title": prompt, "columns": cols, "rows": rows})


def bullet_asks(text: str, body: list[str]) -> list[Ask] | None:
    """The asks of one bullet of a filled report and the lines under it; None when the bullet gives no figure and
    names no group (a sentence: the copy's written answer)."""
    head = figure_asks(text)
    bare = BARE.match(_clean(text))
    if not head and not bare:
        return None
    title = bare.group("l") if bare else head[0].prompt
    table = _pair_table(title, body)
    if table:
        return [*head, table]
    under = [figure_asks(b) for b in body]
    if all(under):
        return head + [a for u in under for a in u]
    if bare and not head and all(WORDED.match(_clean(b)) for b in body):
        return [Ask(_cap(bare.group("l")), "longtext")]  # 'Trình độ đào tạo:' over 'CBQL: Trên chuẩn 02/02 (100%)'
    return head or None


def report_asks(bullets: list[tuple[str, list[str]]]) -> list[Ask]:
    """The asks of a filled report's bullets (text, lines under it): [] unless every bullet is read and two of them
    at least give a figure."""
    found = [bullet_asks(t, b) for t, b in bullets]
    if not found or not all(found):
        return []
    asks = [a for f in found if f for a in f]
    return asks if sum(a.type in ("integer", "table") for a in asks) >= 2 and len(found) >= 2 else []


PAPER = re.compile(r"(?i)^(?:thông tư|nghị định|nghị quyết|quyết định|chỉ thị|công văn|kế hoạch|hướng dẫn|luật|"
                   r"thông báo|văn bản)(?:\s+liên tịch)?\s+(?:số\s*)?\d")


def papers_listed(lines: list[str]) -> bool:
    """The copy's answer under a heading is a list of papers ('- Thông tư số 28/2016/TT-BGDĐT ngày … của …'): the
    heading asks for documents. Two lines at least, most of them citing a paper by its number."""
    cited = [bool(PAPER.match(_clean(x))) for x in lines if _clean(x)]
    return len(cited) >= 2 and 3 * sum(cited) >= 2 * len(cited)


def paragraph_asks(heading: str, lines: list[str]) -> list[Ask]:
    """A heading over a filled report's paragraphs, some of them figures ('Tổng số giáo viên: 42 người, biên chế: 40;
    hợp đồng: 02.' then a sentence of what was done): the counts the figures answer, then the heading in words (a
    longtext) when a line tells in sentences. [] when no line gives a figure."""
    found = [figure_asks(x) for x in lines]
    asks = [a for f in found for a in f]
    if not asks:
        return []
    told = [Ask(_cap(heading), "longtext")] if not all(found) else []
    return told + asks
