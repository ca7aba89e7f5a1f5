"""What a document is once read: lines of text and table grids, and the error saying a file cannot be read.

Kept apart from the readers (reading, reading_docx, reading_pdf) so that each reader imports these types from here
and no reader imports another for them."""

from __future__ import annotations

from dataclasses import dataclass, field


class DocumentError(ValueError):
    """The file cannot be imported; the message (Vietnamese) says why and what to send instead."""


@dataclass
class Line:
    text: str
    level: int | None = None  # Word list level when the number came from numbering


@dataclass
class Grid:
    """A table: cells[r][c] = (text, origin) where merged cells share one origin (row, col)."""

    cells: list[list[tuple[str, tuple[int, int]]]]
    merged_known: bool = True  # False for tab-separated text, where merges are guessed


@dataclass
class Document:
    blocks: list[Line | Grid] = field(default_factory=list)
    source: str = "txt"
    laid_out: bool = False  # a PDF read by where its lines stand: its wrapped lines are joined already (pdf_lines.py)
    old_font: str | None = None  # 'TCVN3' or 'VNI' when a Word reader already read the old font's runs again
    notes: list[str] = field(default_factory=list)  # what the reader could not read, said as unsure points


ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX"]


def format_number(n: int, fmt: str) -> str:
    """Word's list number n in its format (upperRoman, lowerLetter, decimalZero …) as the text shows it."""
    if fmt == "upperRoman":
        return ROMAN[n] if n < len(ROMAN) else str(n)
    if fmt == "lowerRoman":
        return (ROMAN[n] if n < len(ROMAN) else str(n)).lower()
    if fmt == "lowerLetter":
        return "abcdefghiklmnopqrstuvxy"[(n - 1) % 23]
    if fmt == "upperLetter":
        return "ABCDEFGHIKLMNOPQRSTUVXY"[(n - 1) % 23]
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
