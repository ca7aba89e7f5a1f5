"""A questionnaire's items whose table a copy flattened: the 'TT' column's numbers without their dot ('3 Bằng cấp
cao nhất …', or '2' on a line of its own), in sequence 1, 2, 3, …, each over its answers a line each ('Có bằng cao
đẳng trở lên', …) and the scoring columns' headers scattered between them. Each item is one choice of its answers,
carried as one line to the tree (dialogs/importer/surveys.py); a label wrapped over lines goes on in lower case and a
number the flattening put inside the label ('… với những' / '1' / 'người khuyết tật …') belongs to the label.
"""

from __future__ import annotations

import re

from dialogs.importer.ask_types import Ask
from dialogs.importer.lexicon import BLANK_RUN
from dialogs.importer.structure import parse_marker
from dialogs.importer.surveys import carry

BARE_NO = re.compile(r"^(?P<n>\d{1,2})(?:\s+(?P<t>[^\W\d_].*))?$")
MIN_ITEMS = 4


def _numbers(lines: list) -> list[tuple[int, int]]:
    """(position, number) of the longest run of bare numbers 1, 2, 3, … among the strings of `lines`."""
    best: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for k, s in enumerate(lines):
        if not isinstance(s, str):
            run = []
            continue
        m = BARE_NO.match(s.strip())
        if m and m.group("t") and m.group("t")[0].islower() and m.group("n") != "1":
            m = None  # ('1 người khuyết tật …': the first number run into its label's next line, only the first)
        if m and int(m.group("n")) == (run[-1][1] + 1 if run else 1):
            run.append((k, int(m.group("n"))))
        elif m and int(m.group("n")) == 1:
            run = [(k, 1)]
        elif parse_marker(s.strip()) is not None:
            run = []
        best = run[:] if len(run) > len(best) else best
    return best


def _noise(s: str) -> bool:
    """A scoring column's header or a note the flattening left between the answers ('TRẢ LỜI MỨC', '(đánh dấu x)')."""
    letters = [c for c in s if c.isalpha()]
    return not letters or s.startswith("(") or all(c.isupper() for c in letters)


def _item(head: list[str], rest: list[str]) -> Ask | None:
    """The label (`head`: its lines above the number, and the number line's words) and the answers below it: the
    label goes on in lines beginning in lower case or with a parenthesis, each answer in lines beginning in lower
    case; a scoring column's header between them is left out."""
    label, lines = list(head), list(rest)
    while lines and (
        not label or lines[0][:1].islower() or lines[0].startswith("(") and not _noise(lines[0][1:])
    ):
        label.append(lines.pop(0))
    opts: list[str] = []
    for s in (x for x in lines if not _noise(x)):
        if s[:1].islower() and opts:
            opts[-1] += " " + s
        else:
            opts.append(s)
    text = re.sub(r"\s+", " ", " ".join(label)).strip()
    if not text or any(len(o.split()) > 20 for o in opts):
        return None
    prompt, _, note = (p.strip() for p in text.partition(";"))
    return Ask(
        prompt,
        "choice" if len(opts) >= 2 else "text",
        help=[note] if note else [],
        options=opts if len(opts) >= 2 else None,
    )


def scored_items(seq: list) -> list:
    """The sequence with a flattened questionnaire's items (see the module's notes) carried as one line each; the
    sequence as it was when fewer than four numbered items each over two answers or more are found."""
    run = _numbers(seq)
    if len(run) < MIN_ITEMS:
        return seq
    ends = [k for k, _ in run[1:]] + [_end(seq, run[-1][0])]
    items: list[tuple[int, int, Ask]] = []
    above = _label_before(seq, run[0][0])
    lead = BARE_NO.match(seq[run[0][0]].strip()).group("t")
    if lead and lead[0].islower() and not above:
        return seq
    for (k, _), end in zip(run, ends, strict=True):
        own = BARE_NO.match(seq[k].strip()).group("t")
        head = (above if k == run[0][0] else []) + ([own] if own else [])
        ask = _item(head, [s.strip() for s in seq[k + 1 : end] if s.strip()])
        if ask is None:
            return seq
        items.append((k, end, ask))
    if sum(a.type == "choice" for _, _, a in items) * 2 < len(items) + 1:
        return seq
    first = run[0][0] - len(above)
    return [*seq[:first], *(carry(a) for _, _, a in items), *seq[items[-1][1] :]]


def _label_before(seq: list, k: int) -> list[str]:
    """The lines of the first item's label above its number: back from it, lines going on in lower case up to the
    one that begins in capitals (and is no header in capitals)."""
    out: list[str] = []
    j = k - 1
    while j >= 0 and isinstance(seq[j], str) and seq[j].strip() and not _noise(seq[j].strip()):
        out.insert(0, seq[j].strip())
        if seq[j].strip()[:1].isupper():
            break
        j -= 1
    return out if out and out[0][:1].isupper() and len(out) <= 4 else []


def _end(seq: list, k: int) -> int:
    """Where the last item's answers end: at a table, a numbered line or a long sentence, else at the end."""
    j = k + 1
    while (
        j < len(seq)
        and isinstance(seq[j], str)
        and not parse_marker(seq[j].strip())
        and len(seq[j].split()) <= 25
    ):
        j += 1
    return j


HAS_HEAD = re.compile(r"(?i)^[^\W\d_][^:…]{2,60}\b(?:có|gồm có)\s*:$")
HAS_ITEM = re.compile(r"^[-–+•*]\s*(?P<l>[^\W\d_][^:…()]{1,40}?)\s*:?\s*" + BLANK_RUN + "$")


def counts_after_has(seq: list) -> list:
    """'Danh sách này có:' over '- Học sinh giỏi: ……', '- Học sinh tiên tiến: ……': what the heading says it has,
    counted — each bullet's blank a count (two bullets or more, each a few words and its blank); the rest as it was."""
    out = list(seq)
    for k, s in enumerate(seq):
        if not isinstance(s, str) or not HAS_HEAD.match(s.strip()) or len(s.split()) > 8:
            continue
        j, found = k + 1, []
        while (
            j < len(seq)
            and isinstance(seq[j], str)
            and (not seq[j].strip() or HAS_ITEM.match(seq[j].strip()))
        ):
            m = HAS_ITEM.match(seq[j].strip())
            if m and len(m.group("l").split()) <= 6:
                found.append((j, m.group("l").strip()))
            elif m:
                break
            j += 1
        if len(found) >= 2:
            for j, label in found:
                out[j] = carry(Ask(label, "integer"))
    return out
