"""A PDF page's text as its paragraphs, read from where each printed line stands on the page.

A word processor wraps a paragraph at the page's right margin; a PDF keeps only the printed lines. Read line by
line, a label is cut from its blank ('Tổng số hộ nghèo trên địa bàn:' / '…… hộ'), a heading from its end, a long
paragraph holding several numbered items into pieces that no longer begin with their numbers. Here a line is joined
to the line under it when it was wrapped: the next line's first word would not have fitted after it (it reaches the
right margin of the text, within that word's width) — the classic rule that holds for justified and for left-aligned
text alike. Not joined: a line ending a sentence over a numbered line ('… chế.' / '2. Tồn tại'), a line short of the
margin over a numbered line (a justified text stretches its wrapped lines to the margin, never the last), a line of blanks
typed to the margin over a new label ('Họ và tên: ……………' / 'Địa chỉ: ……'), a line far above the next (another
paragraph).

The page's number — a line holding nothing but it ('2', '- 2 -', 'Trang 2', '2/5') above or below the text — is
dropped, and a paragraph wrapped over the page break is joined across it (``reading_pdf``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any

PAGE_NO = re.compile(r"(?i)^\s*(?:trang|page)?\s*[-–—]?\s*(?P<n>\d{1,3})\s*(?:/\s*\d{1,3})?\s*[-–—]?\s*$")
MARKER = re.compile(r"^(?:[IVXLC]+[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[-–+•*]\s|\(\d{1,2}\)|Phần\b|PHẦN\b|Điều\b)")
NUMBERED = re.compile(r"^(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s")
NOTE_BLANK = re.compile(r"^\(\d{1,2}\)[.…_]")  # '(6)……': a note's number on a blank, no numbered item
ENDS_SENTENCE = re.compile(r"[.?!:;]\s*$")
ENDS_BLANK = re.compile(r"(?:…|\.{3,}|_{3,})[\s.…_]*$")


@dataclass
class PrintedLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_word: float  # the width of its first word
    stretched: bool = False  # its spaces widened to reach the margin: a justified paragraph's wrapped line


def printed_lines(page: Any) -> list[PrintedLine]:
    """The page's text lines, top to bottom, with their place (pdfplumber)."""
    out = []
    for ln in page.extract_text_lines(return_chars=True):
        text = " ".join(ln["text"].split())
        if not text:
            continue
        chars = [c for c in ln.get("chars", []) if c.get("text", "").strip()]
        first = len(text.split(" ")[0])
        fw = (chars[min(first, len(chars)) - 1]["x1"] - chars[0]["x0"]) if chars else 0.0
        out.append(PrintedLine(text, ln["x0"], ln["x1"], ln["top"], ln["bottom"], fw, _stretched(chars)))
    return out


def _stretched(chars: list[dict]) -> bool:
    """The line's spaces are widened: the gaps between its words are, as a rule, over 0.4 of its letters' height
    (a space is a quarter of it) — the justification of a line wrapped at the margin, never of a paragraph's last."""
    if not chars:
        return False
    size = max(c["bottom"] - c["top"] for c in chars)
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(chars) if b["x0"] - a["x1"] > 0.15 * size]
    return bool(gaps) and median(gaps) > 0.4 * size


def text_margins(lines: list[PrintedLine], width: float) -> tuple[float, float]:
    """The text's left and right margins on pages of this width: where most lines begin, and where the longest
    lines end (the 95th percentile of line ends: the lines a justified text stretches to it, the longest of a ragged
    one) — never left of the page's width less its left margin (an office's right margin is no wider than its left
    one: a page of short lines only has its margin there), nor left of the farthest end two lines share (no line
    passes the margin: two reaching the same place have met it)."""
    if not lines:
        return 0.0, width
    starts = [round(ln.x0) for ln in lines]
    left = float(max(set(starts), key=starts.count))
    ends = sorted(ln.x1 for ln in lines)
    reached = next((x for x, y in pairwise(reversed(ends)) if x - y <= 1.5), 0.0)
    return left, max(ends[int(0.95 * (len(ends) - 1))], width - left, reached)


def _wrapped(a: PrintedLine, b: PrintedLine, right: float, pitch: float) -> bool:
    """``b`` goes on with ``a``: b's first word would not have fitted after a, b stands right under a, and neither a
    sentence over a numbered line nor a line of blanks over a new label ends there."""
    if b.top - a.bottom > 1.2 * pitch or b.top < a.top:
        return False
    if a.x1 + 0.5 * pitch + b.first_word < right:
        return False
    if ENDS_SENTENCE.search(a.text) and MARKER.match(b.text) and not NOTE_BLANK.match(b.text):
        return False
    if a.x1 < right - 1.5 and NUMBERED.match(b.text):
        return False  # a paragraph's last line, long, over the next numbered one (a wrapped line is stretched to it)
    if ENDS_BLANK.search(a.text) and (b.text[:1].isupper() or MARKER.match(b.text)) and _to_margin(a, right, pitch):
        return False
    return True


def _to_margin(a: PrintedLine, right: float, pitch: float) -> bool:
    """A line of blanks typed to the margin: it reaches it (within a '…' or so) and its spaces are not widened (a
    justified paragraph's wrapped line reaches it too, widened; a line ending short of it only wrapped)."""
    return a.x1 >= right - 1.5 * pitch and not a.stretched


def pitch_of(lines: list[PrintedLine]) -> float:
    heights = [ln.bottom - ln.top for ln in lines]
    return median(heights) if heights else 12.0


def page_number_lines(lines: list[PrintedLine], height: float, number: int) -> set[int]:
    """The page's number: the first or the last line, in the page's top or bottom eighth, holding nothing but this
    page's number (a figure of a table typed one cell a line may end a page too: another figure is kept)."""
    out = set()
    for i in {0, len(lines) - 1} if lines else set():
        ln = lines[i]
        m = PAGE_NO.match(ln.text)
        if m and int(m.group("n")) == number and (ln.bottom < height / 8 or ln.top > height * 7 / 8):
            out.add(i)
    return out


def _joined(lines: list[PrintedLine], right: float,
            beat: tuple[float, float] | None = None) -> tuple[list[tuple[str, PrintedLine, PrintedLine]], list[float]]:
    """The lines joined into paragraphs, and the steps (top to top) between two lines of one paragraph. With the
    text's ``rhythm``: two lines a paragraph's spacing apart (half of it or more, when it is 1.5 pt or more) are two
    paragraphs."""
    pitch = pitch_of(lines)
    out: list[tuple[str, PrintedLine, PrintedLine]] = []
    steps: list[float] = []
    advance, spacing = beat or (0.0, 0.0)
    for ln in lines:
        apart = spacing >= 1.5 and bool(out) and ln.top - out[-1][2].top - advance >= spacing / 2
        if out and not apart and _wrapped(out[-1][2], ln, right, pitch):
            text, first, last = out[-1]
            steps.append(ln.top - last.top)
            out[-1] = (glue(text, ln.text), first, ln)
        else:
            out.append((ln.text, ln, ln))
    return out, steps


def rhythm(lines: list[PrintedLine], right: float) -> tuple[float, float]:
    """The text's line advance (top to top of two lines of a paragraph) and the space between two paragraphs (the
    least the text shows under a line ending short of the margin — a line reaching it may be one wrapped and kept
    apart —, under most of a line; half of it when more: an empty line stands between any two paragraphs); a text
    whose paragraphs never wrap: its closest paragraphs' step (1.3
    times the line's height when they stand two lines apart or more)."""
    out, steps = _joined(lines, right)
    pitch = pitch_of(lines)
    apart = sorted(s for (_, _, a), (_, b, _) in pairwise(out)
                   if (s := b.top - a.top) >= 0.9 * pitch and a.x1 < right - 2 * pitch)  # a paragraph's end
    least = apart[0] if apart else None
    if not steps:
        return (least, 0.0) if least is not None and least < 2.2 * pitch else (1.3 * pitch, 0.0)
    advance = median(steps)
    if least is None:
        return advance, 0.0
    if least - advance >= 0.6 * advance:  # no two paragraphs close: the closest have an empty line between them
        least /= 2
    spacing = max(0.0, least - advance)
    return advance, spacing if spacing < 0.6 * advance else 0.0


def paragraphs(lines: list[PrintedLine], right: float,
               beat: tuple[float, float] | None = None) -> list[tuple[str, PrintedLine, PrintedLine]]:
    """The lines joined into paragraphs: (text, first line, last line) each; an empty paragraph ('') for each line
    left empty between two paragraphs (``blank_lines``; ``beat``: the document's ``rhythm``), as the .txt and the
    .docx keep their empty lines."""
    advance, spacing = beat or rhythm(lines, right)
    out, _ = _joined(lines, right, (advance, spacing))
    spaced: list[tuple[str, PrintedLine, PrintedLine]] = []
    for k, (text, first, last) in enumerate(out):
        if k:
            prev = out[k - 1][2]
            spaced += [("", prev, prev)] * blank_lines(first.top - prev.top, advance, spacing)
        spaced.append((text, first, last))
    return spaced


def blank_lines(step: float, advance: float, spacing: float) -> int:
    """How many empty lines stand between two paragraphs ``step`` apart (top to top): each empty paragraph takes a
    line's advance and the space between paragraphs; a gap short of most of a line is the paragraphs' spacing, a
    heading's space above it."""
    extra = step - advance - spacing
    return max(0, round(extra / (advance + spacing))) if extra >= 0.8 * advance else 0


def glue(a: str, b: str) -> str:
    """Two wrapped pieces: a word hyphenated at the margin ('phát tri-' / 'ển') is joined whole, and so is a run of
    dots."""
    if re.search(r"\w-$", a) and b[:1].islower():
        return a[:-1] + b
    if ENDS_BLANK.search(a) and re.match(r"[.…_]", b):
        return a + b  # a run of dots wrapped at the margin: one blank
    return f"{a} {b}"


def over_break(a: PrintedLine, b: PrintedLine, right: float, pitch: float) -> bool:
    """The last line of a page goes on at the top of the next: as ``_wrapped`` says, whatever the distance."""
    moved = PrintedLine(b.text, b.x0, b.x1, a.bottom + 0.1, a.bottom + 0.1 + (b.bottom - b.top), b.first_word,
                        b.stretched)
    return _wrapped(a, moved, right, pitch)
