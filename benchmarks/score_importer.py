"""Score the outline importer against the hand-written outlines of the five seeds.

Each seed is imported as .txt (the seed file itself) and as a .docx built from its text
(benchmarks/seed_docx.py: Biểu as Word tables with merged headers, automatic numbering). For each
hand-written question the best imported question is found by prompt similarity (rapidfuzz on
accent-folded text, one-to-one; the imported prompt is also compared with its help text appended,
since the importer moves parenthesised guidance the hand-written prompt keeps into the help; a hand-written question the
importer split into consecutive questions is matched by the pieces joined, see _split_matches); it counts as found when its section number is the same, and typed
when its type is the same too (a decimal with unit "%" counts as a percentage). Biểu cells: every (row label × column label) of a hand-written table
that the document shows (its rows written in one table of the document — the seed's tab-separated block or
the .docx table — and each column counted only when its label is written there: a table printed without a
header row shows no columns), found in the imported table of the same code (or title).

Run: .venv/bin/python -m benchmarks.score_importer   (from the repository root)
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

from docx import Document as DocxDocument
from rapidfuzz import fuzz

from benchmarks.seed_docx import build_docx
from dialogs.importer import draft_outline, import_document
from dialogs.loader import OUTLINES_DIR, load_outline
from dialogs.outline import Outline, QuestionRef
from dialogs.text import norm_words

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
MATCH_MIN = 70


@dataclass
class Score:
    questions: int
    found: int
    typed: int
    cells: int
    cells_found: int

    def pct(self, a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}%" if b else "   n/a"


def sim(a: str, b: str) -> float:
    a, b = norm_words(a), norm_words(b)
    if not a or not b:
        return 0.0
    s = fuzz.ratio(a, b)
    if min(len(a), len(b)) / max(len(a), len(b)) > 0.5:
        s = max(s, fuzz.token_set_ratio(a, b) - 5)
    return s


def _sec(ref: QuestionRef) -> str:
    return ref.section_number.upper().replace("-", "")


def match_questions(hand: Outline, got: Outline, misses: list[str] | None = None) -> tuple[int, int, int]:
    pairs = []
    for i, h in enumerate(hand.refs):
        for j, g in enumerate(got.refs):
            s = sim(h.question.prompt, g.question.prompt)
            if g.question.help:  # guidance the importer moved from the prompt to the help text
                s = max(s, sim(h.question.prompt, f"{g.question.prompt} ({g.question.help})"))
            if h.question.type == "table" and g.question.type == "table":
                s = max(s, sim(h.question.table.title, g.question.table.title))
            if s >= MATCH_MIN:
                pairs.append((s + (10 if _sec(h) == _sec(g) else 0), i, j))
    pairs.sort(reverse=True)
    used_h: dict[int, int] = {}
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i in used_h or j in used_g:
            continue
        used_h[i] = j
        used_g.add(j)
    split = _split_matches(hand, got, used_h, used_g)
    found = typed = 0
    for i, h in enumerate(hand.refs):
        j = used_h.get(i, split.get(i))
        g = got.refs[j] if j is not None else None
        if g is not None and _sec(h) == _sec(g):
            found += 1
            if _same_type(h.question, g.question):
                typed += 1
                continue
        if misses is not None:
            misses.append(_miss_line(h, g, got))
    return len(hand.refs), found, typed


SPLIT_MIN = 85  # stricter than MATCH_MIN: the pieces joined must read as the hand-written prompt


def _split_matches(hand: Outline, got: Outline, used_h: dict[int, int], used_g: set[int]) -> dict[int, int]:
    """A hand-written question the importer split into consecutive questions of the same section ('… như thế nào?
    Đánh giá …? Cân đối …?' kept whole by the hand, asked as three by the importer): found when the pieces,
    joined in order, match the hand-written prompt closely (SPLIT_MIN); it counts as the first piece (its type is
    compared). The pieces are then used. A hand-written question split in two is not forgiven the other way."""
    out: dict[int, int] = {}
    for i, h in enumerate(hand.refs):
        if i in used_h:
            continue
        best: tuple[float, int, int] | None = None
        for j in range(len(got.refs)):
            for n in (2, 3, 4):
                run = list(range(j, j + n))
                if run[-1] >= len(got.refs) or any(k in used_g for k in run):
                    break
                if len({_sec(got.refs[k]) for k in run}) > 1:
                    break
                joined = " ".join(got.refs[k].question.prompt for k in run)
                s = fuzz.ratio(norm_words(h.question.prompt), norm_words(joined))
                if s >= SPLIT_MIN and (best is None or s > best[0]):
                    best = (s, j, n)
        if best is not None:
            _, j, n = best
            out[i] = j
            used_g.update(range(j, j + n))
    return out


def _kind(q) -> str:
    # a decimal answered in "%" is the same ask as a percentage (the hand-written outlines use both)
    return "percent" if q.type == "decimal" and (q.unit or "").strip() == "%" else q.type


def _same_type(h, g) -> bool:
    return _kind(h) == _kind(g)


def _miss_line(h: QuestionRef, g: QuestionRef | None, got: Outline) -> str:
    def show(r: QuestionRef) -> str:
        return f"[{r.section_number}] {r.question.type:<9} {r.question.prompt[:110]}"

    line = "  hand " + show(h)
    if g is None:
        best = max(got.refs, key=lambda r: sim(h.question.prompt, r.question.prompt), default=None)
        if best is not None:
            line += f"\n     ~{sim(h.question.prompt, best.question.prompt):3.0f} " + show(best)
    else:
        line += "\n   got " + show(g)
    return line


def table_blocks_txt(text: str) -> list[list[str]]:
    """The cells of each tab-separated block of a seed text (a line of prose ends a block; blank lines do not)."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.count("\t") >= 2:
            blocks[-1].extend(norm_words(c) for c in line.split("\t") if c.strip())
        elif line.strip() and blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def table_blocks_docx(data: bytes) -> list[list[str]]:
    doc = DocxDocument(io.BytesIO(data))
    return [[norm_words(c.text) for row in t.rows for c in row.cells if c.text.strip()] for t in doc.tables]


def _written(label: str, cells: list[str]) -> bool:
    lab = norm_words(label)
    return any(c == lab or fuzz.ratio(c, lab) >= 85 or (len(lab) >= 12 and lab in c) for c in cells)


def _shown(q, blocks: list[list[str]]) -> tuple[list, list]:
    """The rows and columns of a hand-written table that the document shows: its block is the table of the
    document holding most of its row labels (at least half; ties go to the one showing more column labels); a
    column counts when its label is written in a cell of that block other than a row label."""
    labels = {norm_words(r.label) for r in q.table.rows}
    best: tuple[int, int, list[str]] = (0, 0, [])
    for cells in blocks:
        rows = sum(1 for lab in labels if lab and any(lab in c for c in cells))
        head = [c for c in cells if c not in labels]
        cols = sum(1 for c in q.table.columns if _written(c.label, head))
        best = max(best, (rows, cols, head), key=lambda x: (x[0], x[1]))
    if best[0] * 2 < len(labels) or not best[0]:
        return [], []
    return list(q.table.rows), [c for c in q.table.columns if _written(c.label, best[2])]


def match_cells(hand: Outline, got: Outline, blocks: list[list[str]]) -> tuple[int, int]:
    total = found = 0
    got_tables = [q.table for q in got.tables]
    by_table = {id(q.table): q for q in got.tables}
    for q in hand.tables:
        shown_rows, shown_cols = _shown(q, blocks)
        if not shown_cols:
            continue
        t = q.table
        total += len(shown_rows) * len(shown_cols)
        cand = [g for g in got_tables if t.code and g.code and g.code.upper() == t.code.upper()]
        if not cand:

            def tsim(g, t=t, q=q):
                return max(sim(g.title, t.title), sim(by_table[id(g)].prompt, q.prompt))

            best = max(got_tables, key=tsim, default=None)
            cand = [best] if best is not None and tsim(best) >= 60 else []
        if not cand:
            continue
        g = cand[0]
        rows = [r for r in shown_rows if any(sim(r.label, x.label) >= 85 for x in g.rows)]
        cols = [c for c in shown_cols if any(sim(c.label, x.label) >= 85 for x in g.columns)]
        found += len(rows) * len(cols)
    return total, found


def score(hand: Outline, data: bytes, filename: str, blocks: list[list[str]],
          misses: list[str] | None = None) -> Score:
    result = import_document(data, filename)
    got = draft_outline(result)
    n, found, typed = match_questions(hand, got, misses)
    cells, cells_found = match_cells(hand, got, blocks)
    return Score(n, found, typed, cells, cells_found)


def main(argv: list[str] | None = None) -> int:
    """Options: --misses (print every hand-written question not found with the right section and type,
    and the imported question it was matched to or the nearest one); --seed NNN (only that seed)."""
    argv = sys.argv[1:] if argv is None else argv
    show_misses = "--misses" in argv
    only = argv[argv.index("--seed") + 1] if "--seed" in argv else None
    rows = []
    for path in sorted(OUTLINES_DIR.glob("*.yaml")):
        if only and not path.stem.startswith(only):
            continue
        hand = load_outline(path)
        seed = SEEDS / (hand.source.file or "")
        text = seed.read_text(encoding="utf-8")
        for fmt in ("txt", "docx"):
            misses: list[str] | None = [] if show_misses else None
            if fmt == "txt":
                s = score(hand, text.encode(), seed.name, table_blocks_txt(text), misses)
            else:
                data = build_docx(text, hand)
                s = score(hand, data, seed.stem + ".docx", table_blocks_docx(data), misses)
            rows.append((path.stem[:3], fmt, s))
            if misses:
                print(f"--- {path.stem[:3]} {fmt}: {len(misses)} missed or mistyped")
                print("\n".join(misses))
    print(f"{'seed':<5} {'format':<6} {'questions':>10} {'types':>8} {'table cells':>12}   (found/total)")
    for seed, fmt, s in rows:
        print(f"{seed:<5} {fmt:<6} {s.pct(s.found, s.questions):>10} {s.pct(s.typed, s.questions):>8} "
              f"{s.pct(s.cells_found, s.cells):>12}   ({s.found}/{s.questions} q, {s.typed} typed, "
              f"{s.cells_found}/{s.cells} cells)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
