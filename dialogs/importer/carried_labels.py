"""A form's labels that lean on the line before them: the lines are rewritten so each blank carries its whole label.

- A label's sub-list in '+' items: '– Lý do: + Thừa: ……' over '+ Thiếu: ……' → the second blank is 'Lý do: + Thiếu'
  too (each '+' item after the first repeats the lead before it).
- A paper's bare number and its issue wrapped onto the next line: 'Hiện đã có giấy phép lái xe hạng: …… số: ……' over
  'do: …… cấp ngày …/…/…' → 'Hiện đã có giấy phép lái xe hạng: ……' and 'Số giấy phép lái xe: …… do …… cấp ngày
  …/…/…' (the paper's number with its issuer and date, read by issued_papers.py).
- A bare 'Kính gửi:' over dashed bodies to complete, one per case ('- Ủy ban nhân dân xã, phường …… (đối với dịch
  bệnh).'; a dashed line wrapped onto the next joined) → one 'Kính gửi: …' line each (a petition's addressee to
  write, addressee.py). Only under a petition's name and when every body shows a blank: a letter's or a report
  form's addressees stay as they are.
"""
from __future__ import annotations

import re

from dialogs.importer.addressee import petition
from dialogs.importer.document import Grid

_GAP = r"(?:…|\.{3,}|_{3,})[….\s_]*"
_LEAD_PLUS = re.compile(rf"^(?P<pre>\s*[-–•]?\s*)(?P<lead>[^\W\d_][^:…+]{{1,40}}?)\s*:\s*\+\s*[^\W\d_][^:…]{{0,30}}:\s*{_GAP}$")
_PLUS_ITEM = re.compile(rf"^\s*\+\s*(?P<item>[^\W\d_][^:…]{{0,30}}:\s*{_GAP})$")
_PAPER = re.compile(r"(?i)\b(?P<p>(?:giấy phép|giấy chứng nhận|chứng chỉ|chứng minh nhân dân|căn cước công dân|hộ chiếu|"
                    r"văn bằng|thẻ)(?:\s+(?!hạng\b|số\b|do\b|cấp\b)[^\W\d_]+){0,3})")
_BARE_NO = re.compile(rf"^(?P<a>.*?[….]\s*)(?P<no>\bsố)\s*:?\s*(?P<b>{_GAP})$")
_ISSUE = re.compile(rf"^\s*do\s*:?\s*(?P<who>{_GAP})(?P<on>cấp ngày.*)$", re.I)


def _plus_items(seq: list[str | Grid]) -> list[str | Grid]:
    out = list(seq)
    for i, s in enumerate(seq):
        m = _LEAD_PLUS.match(s) if isinstance(s, str) else None
        if not m:
            continue
        for j in range(i + 1, len(seq)):
            if not isinstance(seq[j], str) or not seq[j].strip():
                continue
            item = _PLUS_ITEM.match(seq[j])
            if not item:
                break
            out[j] = f"{m.group('pre')}{m.group('lead')}: + {item.group('item')}"
    return out


def _next_text(seq: list[str | Grid], i: int) -> int | None:
    for j in range(i + 1, len(seq)):
        if not isinstance(seq[j], str):
            return None
        if seq[j].strip():
            return j
    return None


def _wrapped_issues(seq: list[str | Grid]) -> list[str | Grid]:
    out: list[str | Grid] = []
    skip: set[int] = set()
    for i, s in enumerate(seq):
        if i in skip:
            continue
        m = _BARE_NO.match(s.strip()) if isinstance(s, str) else None
        paper = _PAPER.search(m.group("a")) if m else None
        j = _next_text(seq, i) if paper else None
        issue = _ISSUE.match(seq[j]) if j is not None else None
        if not (m and paper and issue):
            out.append(s)
            continue
        name = paper.group("p")
        out += [m.group("a").rstrip(), f"Số {name[0].lower()}{name[1:]}: {m.group('b').strip()} do {issue.group('who').strip()} "
                                     f"{issue.group('on').strip()}"]
        skip.add(j)
    return out


_ADDRESSED = re.compile(r"(?i)^kính\s+gửi\s*:?\s*$")
_DASHED = re.compile(r"^[-–—•]\s*")
_BLANK = re.compile(r"…|\.{3,}|_{3,}")


def _addressee_bodies(seq: list[str | Grid], start: int) -> tuple[list[str], int]:
    """The dashed bodies under a bare 'Kính gửi:' at `start`, a wrapped line joined, and the index after them."""
    items: list[str] = []
    k = start + 1
    while k < len(seq) and isinstance(seq[k], str):
        s = seq[k].strip()
        if s and _DASHED.match(s):
            items.append(_DASHED.sub("", s))
        elif s and items and not items[-1].endswith((";", ".", ":")):
            items[-1] = f"{items[-1]} {s}"  # the dashed line wrapped
        elif s:
            break
        k += 1
    return items, k


def _addressees(seq: list[str | Grid]) -> list[str | Grid]:
    for i, s in enumerate(seq):
        if not (isinstance(s, str) and _ADDRESSED.match(s.strip())):
            continue
        items, end = _addressee_bodies(seq, i)
        named = any(isinstance(x, str) and petition(x) for x in seq[max(0, i - 12):i])  # 'ĐƠN ĐỀ NGHỊ' above it
        if named and items and all(_BLANK.search(x) for x in items):
            return [*seq[:i], *(f"Kính gửi: {x}" for x in items), *seq[end:]]
    return seq


def carried_labels(seq: list[str | Grid]) -> list[str | Grid]:
    """The sequence with the labels that lean on the line before them written out (see the module's notes)."""
    return _addressees(_wrapped_issues(_plus_items(seq)))
