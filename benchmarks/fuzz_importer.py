"""Fuzz the outline importer with damaged copies of real documents (issue 21: «never refuse a document that has
content»; «bad input of any kind gets a clear message, and nothing is lost or corrupted»).

Every real text document of tests/data/real (all sets) and the five seeds is cut, thinned, shuffled, run into one
line, stripped of its accents, given Windows line ends, web chrome or doubled blocks — the damage copies from web
pages and PDFs really show — and imported. A variant *fails* when

- the importer raises (anything but a ``DocumentError`` on a variant with no content left),
- the whole-structure build failed and the last-resort draft was written (``dialogs.importer`` logs it), or
- the first draft did not pass the checker and had to be salvaged (the salvage's unsure point says so), or
- the draft handed out does not pass ``check_outline_text`` (the checker the CLI's ``outlines check`` runs).

    .venv/bin/python -m benchmarks.fuzz_importer                 # 6 variants of every document (~1,400 imports)
    .venv/bin/python -m benchmarks.fuzz_importer --per-doc 2 --seed 7
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dialogs.importer import DocumentError, import_document
from dialogs.loader import check_outline_text

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
SEEDS = ROOT.parent / "shared" / "seeds"
CHROME = [
    "Tải về",
    "Chia sẻ",
    "Lượt xem: 1.234",
    "Đăng nhập | Đăng ký",
    "Trang chủ » Văn bản » Biểu mẫu",
    "Bài viết liên quan",
    "Copyright © 2024",
    "Xem thêm",
    "Quảng cáo",
]
SALVAGED = ("bản nháp đầu không qua được kiểm tra", "biểu không dựng được (thiếu dòng hoặc cột)")


def documents() -> list[Path]:
    """The real text documents of every set and the seeds, in a fixed order."""
    real = sorted(REAL.glob("**/*.txt"))
    return real + sorted(SEEDS.glob("*.txt"))


def _lines(text: str) -> list[str]:
    return text.split("\n")


def cut(text: str, rng: random.Random) -> str:
    return text[: rng.randrange(1, max(2, len(text)))]


def thin(text: str, rng: random.Random) -> str:
    return "\n".join(line for line in _lines(text) if rng.random() > 0.15)


def shuffle_window(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    if len(lines) < 4:
        return text
    a = rng.randrange(0, len(lines) - 3)
    b = min(len(lines), a + rng.randrange(3, 12))
    window = lines[a:b]
    rng.shuffle(window)
    return "\n".join(lines[:a] + window + lines[b:])


def one_line(text: str, rng: random.Random) -> str:
    return " ".join(line.strip() for line in _lines(text) if line.strip())


def no_accents(text: str, rng: random.Random) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")


def crlf_tabs(text: str, rng: random.Random) -> str:
    return text.replace("\n", "\r\n").replace("  ", "\t")


def chrome(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    for _ in range(rng.randrange(2, 6)):
        lines.insert(rng.randrange(0, len(lines) + 1), rng.choice(CHROME))
    return "\n".join(lines)


def doubled(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    a = rng.randrange(0, len(lines))
    return "\n".join(lines[: a + 8] + lines[a : a + 8] + lines[a + 8 :])


VARIANTS: dict[str, Callable[[str, random.Random], str]] = {
    "cut": cut,
    "thin": thin,
    "shuffle": shuffle_window,
    "one_line": one_line,
    "no_accents": no_accents,
    "crlf_tabs": crlf_tabs,
    "chrome": chrome,
    "doubled": doubled,
}


class _Catch(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Run:
    imports: int = 0
    refused_empty: int = 0
    failures: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def check_variant(text: str, name: str) -> str | None:
    """None when the importer handled ``text`` (or refused a variant with nothing left in it); else the failure."""
    catch = _Catch()
    log = logging.getLogger("dialogs.importer")
    level, propagate = log.level, log.propagate
    log.setLevel(logging.ERROR)
    log.propagate = False  # the failure is reported here, not printed as a traceback
    log.addHandler(catch)
    try:
        result = import_document(text.encode("utf-8"), name)
    except DocumentError:
        return None if not any(ch.isalpha() for ch in text) else "refused a document with content"
    except Exception as e:  # noqa: BLE001 - the fuzz reports every escape
        return f"raised {type(e).__name__}: {e}"
    finally:
        log.removeHandler(catch)
        log.setLevel(level)
        log.propagate = propagate
    if catch.records:
        return "last-resort draft: " + catch.records[0].getMessage()
    if any(any(s in n.get("message", "") for s in SALVAGED) for n in result.notes):
        return "first draft failed the checker and was salvaged"
    _, problems = check_outline_text(result.yaml)
    return f"draft fails the checker: {problems[:2]}" if problems else None


def run(docs: list[Path], per_doc: int, seed: int) -> Run:
    out = Run()
    rng = random.Random(seed)
    names = sorted(VARIANTS)
    t0 = time.perf_counter()
    for path in docs:
        text = path.read_text(encoding="utf-8")
        for kind in rng.sample(names, min(per_doc, len(names))):
            variant = VARIANTS[kind](text, rng)
            out.imports += 1
            out.kinds[kind] += 1
            problem = check_variant(variant, f"{path.stem}.txt")
            if problem:
                out.failures.append(f"{path.relative_to(ROOT.parent)} [{kind}]: {problem}")
    out.seconds = time.perf_counter() - t0
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--per-doc", type=int, default=6, help="variants per document (distinct kinds, at most 8)"
    )
    ap.add_argument("--seed", type=int, default=24)
    args = ap.parse_args(argv)
    docs = documents()
    r = run(docs, args.per_doc, args.seed)
    print(
        f"{len(docs)} documents × {args.per_doc} variants = {r.imports} imports in {r.seconds:.1f} s "
        f"({1000 * r.seconds / max(1, r.imports):.0f} ms each); by kind: {dict(sorted(r.kinds.items()))}"
    )
    print(f"failures: {len(r.failures)}")
    for f in r.failures[:40]:
        print("  " + f)
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
