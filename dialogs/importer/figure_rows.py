"""A filled cross-table copied one cell a line: its header's names ('Ca bệnh', 'P. 1' … 'P.15', 'Tổng cộng'), then
rows each a label and as many figures as the header has names after the first ('Tháng 1', '1', '0', … '17'). Read
before the other readers as tab-separated rows."""

from __future__ import annotations

import re

FIGURE = re.compile(r"[-+]?\d[\d.,]*%?|-")
MIN_FIGURES = 3
MIN_ROWS = 2


def _figure(s: str) -> bool:
    return bool(FIGURE.fullmatch(s))


def _label(s: str) -> bool:
    """A short name with a word of two letters or more ('A', 'B' over '1 2 3' are column codes, no label)."""
    return (
        not _figure(s)
        and len(s.split()) <= 8
        and bool(re.search(r"[^\W\d_]{2}", s))
        and not s.endswith((".", ":", ";"))
    )


def _name(s: str) -> bool:
    """A header's name: short, no figure ('P. 1', 'Tổng cộng')."""
    return (
        not _figure(s)
        and len(s.split()) <= 8
        and any(c.isalpha() for c in s)
        and not s.endswith((".", ":", ";"))
    )


def _figures_after(cells: list[str], k: int) -> int:
    n = 0
    while k + 1 + n < len(cells) and _figure(cells[k + 1 + n]):
        n += 1
    return n


def _rows_from(cells: list[str], k: int, n: int) -> int:
    """How many rows of a label and n figures follow each other from cell k."""
    rows = 0
    while k < len(cells) and _label(cells[k]) and _figures_after(cells, k) == n:
        rows += 1
        k += n + 1
    return rows


def _table_at(cells: list[str], k: int) -> tuple[int, int, int] | None:
    """(header start, figures a row, rows) when the header's names end right before cell k's row, else None."""
    if not _label(cells[k]):
        return None
    n = _figures_after(cells, k)
    if n < MIN_FIGURES:
        return None
    rows = _rows_from(cells, k, n)
    start = k - (n + 1)
    if rows < MIN_ROWS or start < 0 or not all(_name(c) for c in cells[start:k]):
        return None
    return start, n, rows


def figure_rows(lines: list[str]) -> list[str]:
    """The lines with each filled cross-table copied one cell a line set out as tab-separated rows."""
    cells = [(i, s.strip()) for i, s in enumerate(lines) if s.strip()]
    texts = [c for _, c in cells]
    out: list[str] = []
    done = 0  # the next line of `lines` not yet copied
    k = 0
    while k < len(texts):
        found = _table_at(texts, k)
        if found is None:
            k += 1
            continue
        start, n, rows = found
        first = cells[start][0]
        end = k + rows * (n + 1)
        out += lines[done:first]
        out.append("\t".join(texts[start:k]))
        out += ["\t".join(texts[k + r * (n + 1) : k + (r + 1) * (n + 1)]) for r in range(rows)]
        done = cells[end - 1][0] + 1
        k = end
    return out + lines[done:]
