"""Coded answers of a survey form: a question ending ':' then dashed lines '- Nông nghiệp = 1', '- Nguồn thu
khác = 2' (the first may sit on the question's own line after ':-'). The codes count from 1; the options go onto
the question's line as coded answers ('Nguồn thu (1: Nông nghiệp; 2: Nguồn thu khác)', read as one choice) and
their lines go. A line of codes 'Giàu = 1; Trung bình = 2; Nghèo = 3' under such a question (or after its colon on
its own line), and a line of two to five short words parted by '/' or '\\' ('Nam\\ Nữ') under a short label and
its colon ('Giới tính:'), are its options too. (A line of codes with no question above it is left as it is.)"""
from __future__ import annotations

import re

CODED = re.compile(r"^\s*(?P<o>[^=;:\d][^=;:]{0,60}?)\s*=\s*(?P<n>\d{1,2})\s*[.;,]?\s*$")
DASH = re.compile(r"^\s*[-–+•]\s*")
ALTERNATIVE = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s[^\W\d_]+){0,2}$")
SAME_LINE = re.compile(r"^(?P<q>[^:=;]{2,80}?)\s*:\s*(?P<o>[^:=;]{1,60}=\s*1\s*;.+)$")  # 'Loại hộ: Giàu = 1; …'
GLUED = re.compile(r"^(?P<q>.*\S)\s*:\s*[-–]\s*(?P<o>[^=]+=\s*1)\s*$")  # 'Nguồn thu …:- Trồng trọt … = 1'


def _coded(piece: str) -> str | None:
    m = CODED.match(DASH.sub("", piece))
    return m.group("o").strip() if m and len(m.group("o").split()) <= 8 else None


def _codes(pieces: list[str]) -> list[str] | None:
    """The options when every piece is 'X = n' and the codes count 1, 2, 3 …; None otherwise."""
    opts = []
    for i, p in enumerate(pieces, start=1):
        m = CODED.match(DASH.sub("", p))
        if not m or int(m.group("n")) != i or len(m.group("o").split()) > 8:
            return None
        opts.append(m.group("o").strip())
    return opts if len(opts) >= 2 else None


def _line_options(line: str) -> list[str] | None:
    """'Giàu = 1; Trung bình = 2; Nghèo = 3' (codes counting from 1) or 'Nam\\ Nữ', 'Nam / Nữ' (2 to 5 short
    alternatives, each a capitalised word or three): the options the line lists; None otherwise."""
    s = line.strip().rstrip(".")
    if "=" in s:
        return _codes([p for p in re.split(r"\s*;\s*", s) if p.strip()])
    parts = [p.strip() for p in re.split(r"\s*[/\\]\s*", s)]
    return parts if 2 <= len(parts) <= 5 and all(ALTERNATIVE.match(p) for p in parts) else None


def _coded_question(question: str, opts: list[str]) -> str:
    return f"{question.rstrip().rstrip(':').rstrip()} ({'; '.join(f'{i}: {o}' for i, o in enumerate(opts, start=1))})"


def _short_label(line: str) -> bool:
    """'Giới tính:', '2. Loại hộ:': a label of a few words and its colon, nothing else."""
    s = re.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[-–+•])\s*", "", line.strip())
    return s.endswith(":") and ":" not in s[:-1] and 1 <= len(s[:-1].split()) <= 6


def _asker(lines: list, k: int) -> int | None:
    """The question line above line k (blank lines between allowed): a line ending with ':'."""
    q = k - 1
    while q >= 0 and isinstance(lines[q], str) and not lines[q].strip():
        q -= 1
    return q if q >= 0 and isinstance(lines[q], str) and lines[q].rstrip().endswith(":") else None


def _dash_run(lines: list, k: int) -> list[int]:
    run = []
    while k < len(lines) and isinstance(lines[k], str) and DASH.match(lines[k]) and _coded(lines[k]) is not None:
        run.append(k)
        k += 1
    return run


def coded_options(lines: list) -> list:
    out = list(lines)
    k = 0
    while k < len(out):
        s = out[k]
        if not isinstance(s, str) or not s.strip():
            k += 1
            continue
        if _options_line(out, k):
            k += 1
            continue
        glued = GLUED.match(s)
        if glued and not DASH.match(s):
            run = _dash_run(out, k + 1)
            opts = _codes([glued.group("o"), *(out[j] for j in run)])
            if opts:
                out[k] = _coded_question(glued.group("q"), opts)
                for j in run:
                    out[j] = None
                k = (run[-1] if run else k) + 1
                continue
        q = _asker(out, k)
        run = _dash_run(out, k)
        opts = _codes([out[j] for j in run])
        if q is not None and run and opts:
            out[q] = _coded_question(out[q], opts)
            for j in run:
                out[j] = None
            k = run[-1] + 1
            continue
        k += 1
    return [s for s in out if s is not None]


def _options_line(out: list, k: int) -> bool:
    """In place: line k's options ('Loại hộ: Giàu = 1; …', or a line of options under a short label) go onto
    their question's line; True when done."""
    same = SAME_LINE.match(out[k]) if not DASH.match(out[k]) else None
    opts = _line_options(same.group("o")) if same else None
    if same and opts and "=" in same.group("o"):
        out[k] = _coded_question(same.group("q"), opts)
        return True
    q = _asker(out, k)
    opts = _line_options(out[k]) if q is not None and not DASH.match(out[k]) else None
    if q is None or not opts or not ("=" in out[k] or _short_label(out[q])):
        return False
    out[q] = _coded_question(out[q], opts)
    out[k] = None
    return True
