"""A header of three or four tiers a web page wrote a cell a line, tier after tier, over a numbering row that counts
its leaves: 'Số vụ' 'Số người bị nạn' / 'Tổng số' 'Số vụ có người chết' 'Tổng số' 'Số LĐ nữ' 'Số người chết' /
'Tổng số' 'Nạn nhân …' 'Tổng số' 'Nạn nhân …' 'Tổng số' 'Nạn nhân …' then '1' … '13'. The last tier repeats one
pattern of names ('Tổng số', 'Nạn nhân …') k times (a copy's typos allowed): the k names right before it are its
groups, one pattern each. The leaves the numbering still counts are the names before those groups, and the names
left before them are the upper groups: the last one over the groups of the pattern, the one before it over the plain
leaves (a first name over everything is dropped). Any other header is left as it was."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from dialogs.text import fold


def _same(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa == fb or fuzz.ratio(fa, fb) >= 80 or fa.startswith(fb) or fb.startswith(fa)


def _tail(cells: list[str], n: int) -> tuple[int, int] | None:
    """(p, k): the last k blocks of p names are alike (k ≥ 2, the pattern's names unlike each other)."""
    for p in (1, 2, 3):
        last = cells[-p:]
        if p > 1 and any(_same(a, b) for i, a in enumerate(last) for b in last[i + 1 :]):
            continue
        k = 1
        while len(cells) >= (k + 1) * p + k + 1 and all(_same(cells[-(k + 1) * p + j], last[j]) for j in range(p)):
            k += 1
        if k >= 2 and k * p <= n:
            return p, k
    return None


def nested_paths(cells: list[str], n: int) -> list[list[str]] | None:
    """Each of the n leaves' header path (its groups then its name) from the header's names ``cells`` (no row-label
    or metadata heading among them); None for any other shape."""
    if n < 4 or len(cells) <= n + 1:
        return None
    got = _tail(cells, n)
    if got is None:
        return None
    p, k = got
    cut = len(cells) - k * p
    groups, rest = cells[cut - k : cut], cells[: cut - k]
    plain_n = n - k * p
    if len(rest) < plain_n or len(rest) - plain_n > 3:
        return None
    plain, upper = rest[len(rest) - plain_n :], rest[: len(rest) - plain_n]
    over_plain = upper[-2:-1] if plain and len(upper) >= 2 else []
    over_groups = upper[-1:] if upper and (len(upper) >= 2 or not plain) else []
    return [[*over_plain, c] for c in plain] + [
        [*over_groups, g, cells[cut + i * p + j]] for i, g in enumerate(groups) for j in range(p)
    ]


def nest_header(grid, paths: list[list[str]], lead: int = 2) -> None:
    """The grid's one header row (``lead`` row-name columns, then a column per path) as one row per tier: a name
    shared by neighbouring columns at a tier is one merged cell, a column's name merged down the tiers under it."""
    depth = max(len(p) for p in paths)
    full = [[*p[:-1], *[p[-1]] * (depth - len(p) + 1)] for p in paths]
    top = grid.cells[0]
    rows = []
    for r in range(depth):
        row = [(t, (0, c)) for c, (t, _) in enumerate(top[:lead])]
        for i, path in enumerate(full):
            start = i
            while start > 0 and full[start - 1][: r + 1] == path[: r + 1]:
                start -= 1
            down = r
            while down > 0 and path[down - 1] == path[r] and path[down:] == [path[r]] * (depth - down):
                down -= 1
            row.append((path[r], (down, lead + start)))
        rows.append(row)
    body = [[(t, (r + depth - 1, c)) for t, (r, c) in row] for row in grid.cells[1:]]  # below the tiers
    grid.cells[:] = [*rows, *body]


def tiered(grid, cells: list[str], names: int, codes: list[str]) -> None:
    """A flat grid whose header ``cells`` (of its ``names`` names: no row-label or metadata heading) make tiers over
    the numbering ``codes`` (which count the row-label and metadata columns too): its columns cut to the leaves and
    its header nested."""
    figures = sum(c.strip("()").isdigit() for c in codes)
    lead = 2
    paths = nested_paths(cells, figures - (names - len(cells))) if figures else None
    if not paths or len(grid.cells[0]) < lead + len(paths):
        return
    grid.cells[:] = [row[: lead + len(paths)] for row in grid.cells]
    grid.cells[0] = [*grid.cells[0][:lead], *((p[-1], (0, lead + i)) for i, p in enumerate(paths))]
    nest_header(grid, paths, lead)
    grid.note = re.sub(r"\d+ cột", f"{len(paths)} cột", grid.note, count=1)
