"""Score the outline importer against the hand-written outlines of the five seeds, and against the real corpus.

The real corpus (tests/data/real/NN_name.txt, each with its page address on the first line) holds outlines copied
from public pages; NN_name.gold lists the asks a careful administrator expects, written by reading the document
before the importer was run on it ("section<TAB>type<TAB>prompt"; a Biểu is one "table" ask followed by the "col"
and "row" labels to fill), with the document's title and layout. An ask is right when an imported question of the
same section and type matches its prompt (as for the seeds below); a Biểu is right when an imported table of that
section shows at least half of its labels. Junk: an imported question (or table column) that is web chrome, the
agency header or motto, a signature, or a statistics form's metadata ("Đơn vị tính", "Mã số").

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
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as DocxDocument
from rapidfuzz import fuzz

from benchmarks.seed_docx import build_docx
from dialogs.importer import draft_outline, import_document
from dialogs.loader import OUTLINES_DIR, load_outline
from dialogs.outline import Outline, QuestionRef
from dialogs.text import fold, norm_words

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



# --- the real corpus: outlines copied from public pages, with gold asks written by reading them ---------------------

REAL = ROOT / "tests" / "data" / "real"
ORDINALS = {"nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
            "chin": 9, "muoi": 10}
ROMAN = {"I": 1, "V": 5, "X": 10}
# a question whose prompt reads like one of these is junk: web-page chrome, the national motto and agency header,
# the metadata of a statistics form, signatures (checked on folded text; the first list anywhere, the second whole)
JUNK_ANYWHERE = ["tai ban day du", "ban dang xem", "luot xem", "dang nhap", "quen mat khau", "dang ky moi",
                 "tu khoa:", "so hieu:", "loai van ban:", "noi ban hanh:", "nguoi ky:", "ngay ban hanh:",
                 "cong hoa xa hoi chu nghia", "doc lap - tu do", "doc lap – tu do", "tu do - hanh phuc",
                 "kinh gui", "noi nhan", "nguoi lap bieu", "ky, ghi ro ho", "ky, dong dau", "don vi nhan bao cao",
                 "ngay nhan bao cao", "skip to main", "skip ribbon", "mua tai khoan", "hom nay:", "hom qua:",
                 "tat ca:", "so hoa boi", "chuyen doi du lieu", "dang tai"]
JUNK_WHOLE = {"don vi tinh", "dvt", "ma so", "tt", "stt", "a", "b", "c", "truy cap", "don vi bao cao",
              "dang cong san viet nam", "tm uy ban nhan dan", "chu tich"}


def _roman(s: str) -> int | None:
    if not s or any(c not in ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = ROMAN[c]
        total += -v if i + 1 < len(s) and ROMAN[s[i + 1]] > v else v
    return total


def norm_section(sec: str) -> str:
    """A section path in one spelling for both sides: 'Phần thứ nhất.I', 'PHẦN 1.I', 'Phần I.I' → 'P1.I'."""
    s = fold(sec).upper().replace(" ", "")

    def part(m: re.Match) -> str:
        w = m.group(1).lower()
        n = ORDINALS.get(w) or _roman(w.upper()) or (int(w) if w.isdigit() else None)
        return f"P{n}" if n else f"P{w}"

    s = re.sub(r"PHAN(?:THU)?([A-Z]+|\d+)", part, s)
    return s.replace("-", "").strip(".")


@dataclass
class GoldAsk:
    section: str
    type: str
    prompt: str
    cols: list[str]
    rows: list[str]


@dataclass
class Gold:
    title: str
    layout: str
    asks: list[GoldAsk]


def read_gold(path: Path) -> Gold:
    title = layout = ""
    asks: list[GoldAsk] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("title:"):
            title = line[6:].strip()
            continue
        if line.startswith("layout:"):
            layout = line[7:].strip()
            continue
        sec, typ, prompt = (line.split("\t") + ["", ""])[:3]
        if typ in ("col", "row"):
            (asks[-1].cols if typ == "col" else asks[-1].rows).append(prompt.strip())
        else:
            asks.append(GoldAsk(sec.strip(), typ.strip(), prompt.strip(), [], []))
    return Gold(title, layout, asks)


def real_source(path: Path) -> bytes:
    """The document as the page gave it: the '# nguồn:' address line at the top is ours, not the document's."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    while lines and (lines[0].startswith("# nguồn:") or not lines[0].strip()):
        lines.pop(0)
    return "".join(lines).encode("utf-8")


def is_junk(text: str, column: bool = False) -> bool:
    """A question's prompt (or a Biểu column's label: a year or a figure may label a column) that asks nothing."""
    f = fold(text).strip(" .:;-–")
    if f in JUNK_WHOLE or (not column and re.fullmatch(r"[\d\s.,()/-]*", f)):
        return True
    return any(j in f for j in JUNK_ANYWHERE) or f.startswith("can cu ")


def _label_found(label: str, labels: list[str]) -> bool:
    lab = norm_words(label)
    for x in labels:
        y = norm_words(x)
        if lab and y and (fuzz.ratio(lab, y) >= 85 or (len(lab) >= 6 and lab in y)):
            return True
    return False


def _sec_ok(gold_sec: str, ref: QuestionRef) -> bool:
    """Same section; an ask numbered at the top of a document ('1. …' with no heading above) is written in the
    outline format as a section '1.' holding it (the format has no questions outside sections): the same place."""
    want = norm_section(gold_sec)
    if not want and len(ref.path) == 1 and re.fullmatch(r"\d{1,2}[.)]?", (ref.path[0].no or "").strip()):
        return True
    got = (norm_section(ref.section_number), norm_section(ref.number))
    return want in got or _part_as_roman(want) in {_part_as_roman(g) for g in got}


def _part_as_roman(sec: str) -> str:
    """'Phần I' as the golds write it either way: 'P1.2' and 'I.2' are one place (some golds write «Phần I» as
    «PHẦN I», others as «I»); 'P1' is compared as 'I'."""
    m = re.fullmatch(r"P(\d+)(\..*)?", sec)
    if not m or not 0 < int(m.group(1)) < 40:
        return sec
    n, out = int(m.group(1)), ""
    for v, r in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out + (m.group(2) or "")


@dataclass
class RealScore:
    name: str
    asks: int = 0
    found: int = 0
    typed: int = 0
    labels: int = 0
    labels_found: int = 0
    title_ok: bool | None = None
    layout_ok: bool = True
    junk: list[str] = field(default_factory=list)
    refused: str = ""
    why: dict[str, int] = field(default_factory=dict)  # missed asks by reason: no match, section, type, table

    def missed(self, reason: str) -> None:
        self.why[reason] = self.why.get(reason, 0) + 1


def _match_tables(gold: Gold, got: Outline, score: RealScore, misses: list[str]) -> set[int]:
    used: set[int] = set()
    tables = [(j, r) for j, r in enumerate(got.refs) if r.question.type == "table"]
    for g in (a for a in gold.asks if a.type == "table"):
        best: tuple[float, int, int] | None = None
        for j, r in tables:
            if j in used:
                continue
            t = r.question.table
            labels = [c.label for c in t.columns] + [c.group or "" for c in t.columns] + [x.label for x in t.rows]
            # a leaf label repeated under several groups is written in the gold with its group: «Tăng (Nam)»
            labels += [f"{c.label} ({c.group})" for c in t.columns if c.group]
            n = sum(_label_found(lab, labels) for lab in g.cols + g.rows)
            key = (n, sim(g.prompt, t.title), j)
            if best is None or key[:2] > best[:2]:
                best = key
        want = len(g.cols) + len(g.rows)
        score.labels += want
        n = best[0] if best else 0
        score.labels_found += n
        ok = best is not None and (n * 2 >= want if want else best[1] >= 60)
        if ok and _sec_ok(g.section, got.refs[best[2]]):
            score.found += 1
            score.typed += 1
            used.add(best[2])
        else:
            score.missed("table")
            misses.append(f"  hand [{g.section}] table     {g.prompt[:100]}  ({n}/{want} labels)")
    return used


def score_real(path: Path, misses: list[str], gold_path: Path | None = None) -> RealScore:
    gold = read_gold(gold_path or path.with_suffix(".gold"))
    score = RealScore(path.stem)
    score.asks = len(gold.asks)
    try:
        data = real_source(path) if path.suffix == ".txt" else path.read_bytes()
        result = import_document(data, path.name)
        got = draft_outline(result)
    except Exception as e:  # a refusal (DocumentError) or an invalid draft: both fail the corpus
        score.refused = f"{type(e).__name__}: {e}"
        return score
    if gold.title != "-":
        score.title_ok = sim(gold.title, got.title) >= 80
        if not score.title_ok:
            misses.append(f"  title: want «{gold.title}», got «{got.title}»")
    score.layout_ok = got.layout == gold.layout
    if not score.layout_ok:
        misses.append(f"  layout: want {gold.layout}, got {got.layout}")
    for r in got.refs:
        q = r.question
        asked = any(sim(q.prompt, a.prompt) >= 85 for a in gold.asks)  # the gold asks it: not junk, whatever its words
        score.junk += [q.prompt] if is_junk(q.prompt) and not asked else []
        if q.type == "table":
            score.junk += [c.label for c in q.table.columns if is_junk(c.label, column=True)]
    used = _match_tables(gold, got, score, misses)
    asks = [a for a in gold.asks if a.type != "table"]
    pairs = []
    for i, h in enumerate(asks):
        for j, g in enumerate(got.refs):
            if j in used:
                continue
            s = sim(h.prompt, g.question.prompt)
            if g.question.help:
                s = max(s, sim(h.prompt, f"{g.question.prompt} ({g.question.help})"))
            if s >= MATCH_MIN:
                pairs.append((s + (10 if _sec_ok(h.section, g) else 0), i, j))
    pairs.sort(reverse=True)
    taken: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in taken and j not in used:
            taken[i] = j
            used.add(j)
    for i, h in enumerate(asks):
        g = got.refs[taken[i]] if i in taken else None
        if g is not None and _sec_ok(h.section, g):
            score.found += 1
            if _kind(g.question) == h.type:
                score.typed += 1
                continue
        score.missed("no match" if g is None else "type" if _sec_ok(h.section, g) else "section")
        line = f"  hand [{h.section}] {h.type:<9} {h.prompt[:100]}"
        if g is not None:
            line += f"\n   got [{g.section_number}] {g.question.type:<9} {g.question.prompt[:100]}"
        misses.append(line)
    return score


HOLDOUT = REAL / "holdout"  # gathered after the importer work, never used to tune it
HOLDOUT2 = REAL / "holdout2"  # a second hold-out, gold committed before the importer first ran on it
HOLDOUT3 = REAL / "holdout3"  # a third hold-out (session 19), gold committed before the importer first ran on it
HOLDOUT4 = REAL / "holdout4"  # a fourth hold-out (session 20), gold committed (23a46f2) before the importer first ran on it
HOLDOUT5 = REAL / "holdout5"  # a fifth hold-out (session 20, h21d), gold committed (be8a036) before the importer first ran on it
HOLDOUT6 = REAL / "holdout6"  # a sixth hold-out (session 20, h21d), gold committed (35610b6) before the importer first ran on it
HOLDOUT7 = REAL / "holdout7"  # a seventh hold-out (session 21, g7), gold committed before the importer first ran on it
HOLDOUT8 = REAL / "holdout8"  # an eighth hold-out (session 21, g8), gold committed before the importer first ran on it
HOLDOUT9 = REAL / "holdout9"  # a ninth hold-out (session 21, g9), gold committed before the importer first ran on it
HOLDOUT10 = REAL / "holdout10"  # a tenth hold-out (session 22, g10), sealed until round 1 was measured, then study material
HOLDOUT11 = REAL / "holdout11"  # an eleventh hold-out (session 22, g11), gold committed before the importer first ran on it
HOLDOUT12 = REAL / "holdout12"  # a twelfth hold-out (session 22, g12), sealed like the tenth
HOLDOUT13 = REAL / "holdout13"  # a thirteenth hold-out (session 23, g13), sealed until the session's work was measured
HOLDOUT14 = REAL / "holdout14"  # a fourteenth hold-out (session 23, g14), study material from its first run
HOLDOUT15 = REAL / "holdout15"  # a fifteenth hold-out (session 23, g15), sealed through the whole session: out of sample
HOLDOUT16 = REAL / "holdout16"  # a sixteenth hold-out (session 23, g16), first run on round 1's code, then study material
HOLDOUT17 = REAL / "holdout17"  # a seventeenth hold-out (session 24, g17), sealed through the whole session: out of sample
HOLDOUT18 = REAL / "holdout18"  # an eighteenth hold-out (session 24, g18), first run on round 1's code, then study material
HOLDOUT19 = REAL / "holdout19"  # a nineteenth hold-out (session 25, g19), sealed until the session's work was measured
HOLDOUT20 = REAL / "holdout20"  # a twentieth hold-out (session 26, g20), sealed until the session's work was measured
HOLDOUT21 = REAL / "holdout21"  # a twenty-first hold-out (session 27, g21), sealed until the session's work was measured
HOLDOUT22 = REAL / "holdout22"  # a twenty-second hold-out (session 28, g22), sealed until the session's work was measured
HOLDOUT23 = REAL / "holdout23"  # a twenty-third hold-out (session 29, g23), sealed until the session's work was measured
DOCX = REAL / "docx"  # real .docx documents: gold here, the binaries (fetched, not committed) in ../shared/real_docx
DOCX_FILES = ROOT.parent / "shared" / "real_docx"


def real_documents(where: Path) -> list[Path]:
    """The documents of a set: its .txt files; for the .docx set, the binaries in ../shared/real_docx that have a
    gold here (a missing binary is skipped)."""
    if where == DOCX:
        return [f for g in sorted(where.glob("*.gold")) for f in [DOCX_FILES / f"{g.stem}.docx"] if f.is_file()]
    return sorted(where.glob("*.txt"))


def main_real(show_misses: bool, only: str | None, where: Path = REAL) -> list[RealScore]:
    rows: list[RealScore] = []
    for path in real_documents(where):
        if only and not path.stem.startswith(only):
            continue
        misses: list[str] = []
        s = score_real(path, misses, DOCX / f"{path.stem}.gold" if where == DOCX else None)
        rows.append(s)
        if show_misses and (misses or s.junk or s.refused):
            print(f"--- {path.stem}: {len(misses)} missed or mistyped" + (f"; REFUSED {s.refused}" if s.refused else ""))
            print("\n".join(misses + [f"  junk: {j[:100]}" for j in s.junk]))
    print(f"{'document':<32} {'asks':>5} {'found':>6} {'typed':>6} {'Biểu labels':>12} {'title':>6} {'layout':>7} {'junk':>5}")
    for s in rows:
        title = "—" if s.title_ok is None else ("ok" if s.title_ok else "MISS")
        lab = f"{s.labels_found}/{s.labels}" if s.labels else "—"
        print(f"{s.name:<32} {s.asks:>5} {s.found:>6} {s.typed:>6} {lab:>12} {title:>6} "
              f"{'ok' if s.layout_ok else 'MISS':>7} {len(s.junk):>5}" + ("  REFUSED" if s.refused else ""))
    asks = sum(s.asks for s in rows)
    typed = sum(s.typed for s in rows)
    found = sum(s.found for s in rows)
    labels = sum(s.labels for s in rows)
    lf = sum(s.labels_found for s in rows)
    titled = [s for s in rows if s.title_ok is not None]
    print(f"TOTAL {len(rows)} documents: asks found {found}/{asks} ({100 * found / max(asks, 1):.1f}%), "
          f"right section and type {typed}/{asks} ({100 * typed / max(asks, 1):.1f}%); Biểu labels {lf}/{labels}; "
          f"titles {sum(bool(s.title_ok) for s in titled)}/{len(titled)}; layouts "
          f"{sum(s.layout_ok for s in rows)}/{len(rows)}; refused {sum(bool(s.refused) for s in rows)}; "
          f"documents with junk {sum(bool(s.junk) for s in rows)}/{len(rows)}")
    why = {k: sum(s.why.get(k, 0) for s in rows) for k in ("no match", "section", "type", "table")}
    print(f"MISSED {asks - typed}: no imported ask near enough {why['no match']}, near one in another section "
          f"{why['section']}, right section but another type {why['type']}, Biểu not rebuilt {why['table']}")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Options: --misses (print every hand-written question not found with the right section and type,
    and the imported question it was matched to or the nearest one); --seed NNN (only that seed); --real (only the
    real corpus, tests/data/real); --holdout (the hold-out documents, tests/data/real/holdout); --holdout2 (the second
    hold-out, tests/data/real/holdout2); --holdout3 (the third, tests/data/real/holdout3); --holdout4 (the fourth,
    tests/data/real/holdout4); --holdout5 (the fifth, tests/data/real/holdout5); --holdout6 (the sixth,
    tests/data/real/holdout6); --holdout7 (the seventh, tests/data/real/holdout7); --holdout8 (the eighth,
    tests/data/real/holdout8); --holdout9 (the ninth, tests/data/real/holdout9); --holdout10 … --holdout23 (the tenth to the twenty-third); --docx (real .docx files, gold in tests/data/real/docx); --doc NN (only that real document). Without --seed or --real both tables print."""
    argv = sys.argv[1:] if argv is None else argv
    show_misses = "--misses" in argv
    only = argv[argv.index("--seed") + 1] if "--seed" in argv else None
    sets = {"--docx": DOCX, "--holdout23": HOLDOUT23, "--holdout22": HOLDOUT22, "--holdout21": HOLDOUT21, "--holdout20": HOLDOUT20, "--holdout19": HOLDOUT19, "--holdout18": HOLDOUT18, "--holdout17": HOLDOUT17, "--holdout16": HOLDOUT16, "--holdout15": HOLDOUT15, "--holdout14": HOLDOUT14, "--holdout13": HOLDOUT13, "--holdout12": HOLDOUT12, "--holdout11": HOLDOUT11, "--holdout10": HOLDOUT10, "--holdout9": HOLDOUT9, "--holdout8": HOLDOUT8, "--holdout7": HOLDOUT7, "--holdout6": HOLDOUT6, "--holdout5": HOLDOUT5, "--holdout4": HOLDOUT4, "--holdout3": HOLDOUT3, "--holdout2": HOLDOUT2, "--holdout": HOLDOUT}
    if "--real" in argv or "--doc" in argv or any(k in argv for k in sets):
        where = next((v for k, v in sets.items() if k in argv), REAL)
        main_real(show_misses, argv[argv.index("--doc") + 1] if "--doc" in argv else None, where)
        return 0
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
    if only is None:
        print()
        main_real(show_misses, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
