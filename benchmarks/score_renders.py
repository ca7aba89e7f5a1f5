"""Score the outline importer on the real corpus rendered as an office would: .docx and .pdf.

The corpus is mostly text copied from web pages; the importer will meet the same documents typed in Word and
exported to PDF. Each corpus document with a gold (tests/data/real/*.txt and tests/data/real/holdout*/*.txt — never
holdout22, which is sealed) is rendered

- to .docx with python-docx as an office types it: A4, Times New Roman 13, justified, one paragraph per line (blank
  lines kept, blank-dot fields as typed); lines that are clearly a table's rows (cells separated by tabs or «|», two
  cells with text at least) as one real Word table, ruled (the letterhead's table, agency | motto, without borders,
  as offices lay it out); the page number in the header from page 2 (as Nghị định 30/2020
  sets it);
- to .pdf from that .docx with LibreOffice headless (scripts/install-libreoffice.sh installs it; without it the .pdf
  column is skipped, saying so).

The renders are cached under /tmp/score_renders (rebuilt from the .txt whenever the text or the way of rendering
changes; never committed). Each render is imported and scored with score_importer's own functions (score_real, the
same gold), and per set the totals of .txt, .docx and .pdf print side by side, then the documents whose score drops
most from the .txt to a render.

Run: .venv/bin/python -m benchmarks.score_renders [--set holdout20] [--drops 15] [--misses NAME] [--no-pdf]
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from benchmarks.score_importer import REAL, RealScore, real_source, score_real

CACHE = Path("/tmp/score_renders")
RENDER_VERSION = "2"  # bump when the way of rendering changes: every cached render is rebuilt
SEALED = "holdout22"
LETTERHEAD = re.compile(r"(?i)CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do")


# --- rendering -------------------------------------------------------------------------------------------------------


def row_cells(line: str) -> list[str] | None:
    """A line that is clearly a table's row: cells separated by tabs or «|», two of them with text at least."""
    s = line.strip()
    if "\t" in line:
        cells = [c.strip() for c in line.strip("\n").split("\t")]
    elif "|" in s:
        if set(s) <= set("|-: "):
            return None  # a Markdown rule line '|---|---|' (dropped by the caller inside a table)
        cells = [c.strip() for c in s.strip("|").split("|")]
    else:
        return None
    return cells if sum(bool(c) for c in cells) >= 2 else None


def blocks_of(text: str) -> list[str | list[list[str]]]:
    """The text as paragraphs (str) and tables (rows of cells): consecutive table rows, blank lines or rule lines
    between them, are one table."""
    out: list[str | list[list[str]]] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(lines):
        cells = row_cells(lines[i])
        if cells is None:
            out.append(lines[i])
            i += 1
            continue
        rows = [cells]
        j = i + 1
        while j < len(lines):
            k = j
            while k < len(lines) and (not lines[k].strip() or set(lines[k].strip()) <= set("|-: ")):
                k += 1
            nxt = row_cells(lines[k]) if k < len(lines) else None
            if nxt is None:
                break
            rows.append(nxt)
            j = k + 1
        out.append(rows)
        i = j
    return out


def _page_field(paragraph) -> None:
    """A PAGE field in the paragraph (the page's number, as Word inserts it)."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def render_docx(text: str) -> bytes:
    doc = DocxDocument()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2), Cm(2), Cm(2)
    sec.different_first_page_header_footer = True
    head = sec.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(head)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.paragraph_format.space_after = Pt(3)
    for block in blocks_of(text):
        if isinstance(block, str):
            p = doc.add_paragraph(block.strip("\n"))
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            continue
        width = max(len(r) for r in block)
        table = doc.add_table(rows=len(block), cols=width)
        if not LETTERHEAD.search(" ".join(c for r in block for c in r)):
            table.style = "Table Grid"  # a table of data is ruled; the letterhead's layout table has no borders
        for r, row in enumerate(block):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_paths: list[Path]) -> str:
    """The .pdf beside each .docx, by LibreOffice headless (one run for all, its own profile so that no other
    LibreOffice running here is disturbed); '' when done, else why not."""
    exe = soffice()
    if exe is None:
        return "LibreOffice is not installed (bash scripts/install-libreoffice.sh): the .pdf renders are skipped"
    profile = CACHE / "lo_profile"
    by_dir: dict[Path, list[Path]] = {}
    for p in docx_paths:
        by_dir.setdefault(p.parent, []).append(p)
    for out, paths in by_dir.items():
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
               str(out), *map(str, paths)]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=600)
        except (subprocess.SubprocessError, OSError) as e:
            return f"LibreOffice could not convert ({e}): the .pdf renders are skipped"
    return ""


@dataclass
class Doc:
    set: str
    txt: Path
    docx: Path
    pdf: Path


def corpus_sets(only: str | None = None) -> dict[str, list[Path]]:
    sets = {"real": sorted(REAL.glob("*.txt"))}
    for d in sorted(REAL.glob("holdout*"), key=lambda p: (len(p.name), p.name)):
        if d.name != SEALED and d.is_dir():
            sets[d.name] = sorted(d.glob("*.txt"))
    return {k: v for k, v in sets.items() if only is None or k == only}


def render_all(sets: dict[str, list[Path]], pdf: bool = True) -> tuple[list[Doc], str]:
    """Every document's renders, built when missing from the cache; the reason the .pdf are skipped, if they are."""
    docs: list[Doc] = []
    todo: list[Path] = []
    for name, paths in sets.items():
        for t in paths:
            if not t.with_suffix(".gold").is_file():
                continue
            text = real_source(t).decode("utf-8")
            key = hashlib.sha1(f"{RENDER_VERSION}\n{text}".encode()).hexdigest()[:12]
            where = CACHE / name / key
            where.mkdir(parents=True, exist_ok=True)
            d = Doc(name, t, where / f"{t.stem}.docx", where / f"{t.stem}.pdf")
            if not d.docx.is_file():
                d.docx.write_bytes(render_docx(text))
            if pdf and not d.pdf.is_file():
                todo.append(d.docx)
            docs.append(d)
    why = "the .pdf renders are skipped (--no-pdf)" if not pdf else (to_pdf(todo) if todo else "")
    return docs, why


# --- scoring ---------------------------------------------------------------------------------------------------------

FORMATS = ("txt", "docx", "pdf")


def score_doc(d: Doc, fmt: str, misses: list[str] | None = None) -> RealScore | None:
    path = {"txt": d.txt, "docx": d.docx, "pdf": d.pdf}[fmt]
    if not path.is_file():
        return None
    return score_real(path, [] if misses is None else misses, d.txt.with_suffix(".gold"))


def totals(rows: list[RealScore]) -> str:
    if not rows:
        return "—"
    asks, typed = sum(s.asks for s in rows), sum(s.typed for s in rows)
    lab, labf = sum(s.labels for s in rows), sum(s.labels_found for s in rows)
    titled = [s for s in rows if s.title_ok is not None]
    return (f"{typed}/{asks} asks, {labf}/{lab} labels, titles {sum(bool(s.title_ok) for s in titled)}/{len(titled)}, "
            f"junk {sum(bool(s.junk) for s in rows)}, refused {sum(bool(s.refused) for s in rows)}")


def points(s: RealScore | None) -> int:
    return -1 if s is None else s.typed + s.labels_found + bool(s.title_ok) - len(s.junk) - 5 * bool(s.refused)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    only = argv[argv.index("--set") + 1] if "--set" in argv else None
    if only == SEALED:
        print(f"{SEALED} is sealed: never rendered nor read here")
        return 2
    n_drops = int(argv[argv.index("--drops") + 1]) if "--drops" in argv else 15
    misses_of = argv[argv.index("--misses") + 1] if "--misses" in argv else None
    docs, why = render_all(corpus_sets(only), pdf="--no-pdf" not in argv)
    if why:
        print(f"NOTE: {why}")
    if misses_of:
        return show_misses([d for d in docs if d.txt.stem.startswith(misses_of)])
    scores = score_all(docs)
    grand: dict[str, list[RealScore]] = {f: [] for f in FORMATS}
    print(f"{'set':<10} " + " | ".join(f"{f:<52}" for f in FORMATS))
    for name in dict.fromkeys(d.set for d in docs):
        cols = []
        for f in FORMATS:
            rows = [s for d in docs if d.set == name for s in [scores[(d.txt, f)]] if s is not None]
            grand[f] += rows
            cols.append(f"{totals(rows):<52}")
        print(f"{name:<10} " + " | ".join(cols))
    print(f"{'TOTAL':<10} " + " | ".join(f"{totals(grand[f]):<52}" for f in FORMATS))
    print(f"\nTOTAL {len(docs)} documents — " + "; ".join(f"{f}: {totals(grand[f])}" for f in FORMATS))
    drops = sorted(((points(scores[(d.txt, 'txt')]) - points(scores[(d.txt, f)]), f, d) for d in docs
                    for f in FORMATS[1:] if scores[(d.txt, f)] is not None), key=lambda x: -x[0])
    print("\nlargest drops from .txt (asks right + Biểu labels + title − junk; --misses NAME shows one):")
    for drop, f, d in [x for x in drops if x[0] > 0][:n_drops]:
        t, r = scores[(d.txt, "txt")], scores[(d.txt, f)]
        print(f"  -{drop:<4} {f:<5} {d.set}/{d.txt.stem:<44} asks {t.typed}→{r.typed}/{t.asks}, "
              f"labels {t.labels_found}→{r.labels_found}/{t.labels}" + (f" REFUSED {r.refused[:60]}" if r.refused else ""))
    return 0


def _score_one(job: tuple[Doc, str]) -> tuple[Path, str, RealScore | None]:
    d, f = job
    return d.txt, f, score_doc(d, f)


def score_all(docs: list[Doc]) -> dict[tuple[Path, str], RealScore | None]:
    jobs = [(d, f) for d in docs for f in FORMATS]
    workers = int(os.environ.get("SCORE_RENDERS_JOBS", os.cpu_count() or 1))
    if workers <= 1:
        return {(t, f): s for t, f, s in map(_score_one, jobs)}
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        return {(t, f): s for t, f, s in pool.map(_score_one, jobs, chunksize=4)}


def show_misses(docs: list[Doc]) -> int:
    for d in docs:
        for f in FORMATS:
            misses: list[str] = []
            s = score_doc(d, f, misses)
            if s is None:
                continue
            print(f"--- {d.set}/{d.txt.stem} {f}: {s.typed}/{s.asks} asks, {s.labels_found}/{s.labels} labels"
                  + (f" REFUSED {s.refused}" if s.refused else "") + f"  ({[d.txt, d.docx, d.pdf][FORMATS.index(f)]})")
            print("\n".join(misses + [f"  junk: {j[:100]}" for j in s.junk]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
