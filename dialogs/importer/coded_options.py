"""Coded answers of a survey form: a question ending ':' then dashed lines '- Nông nghiệp = 1', '- Nguồn thu
khác = 2' (the first may sit on the question's own line after ':-'). The codes count from 1; the options go onto
the question's line as coded answers ('Nguồn thu (1: Nông nghiệp; 2: Nguồn thu khác)', read as one choice) and
their lines go. (A line of codes 'A = 1; B = 2' on its own is left as it is.)"""
from __future__ import annotations

import re

CODED = re.compile(r"^\s*(?P<o>[^=;:\d][^=;:]{0,60}?)\s*=\s*(?P<n>\d{1,2})\s*[.;,]?\s*$")
DASH = re.compile(r"^\s*[-–+•]\s*")
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
        glued = GLUED.match(s)
        if glued and not DASH.match(s):
            run = _dash_run(out, k + 1)
            opts = _codes([glued.group("o"), *(out[j] for j in run)])
            if opts:
                out[k] = f"{glued.group('q')} ({'; '.join(f'{i}: {o}' for i, o in enumerate(opts, start=1))})"
                for j in run:
                    out[j] = None
                k = (run[-1] if run else k) + 1
                continue
        q = _asker(out, k)
        run = _dash_run(out, k)
        opts = _codes([out[j] for j in run])
        if q is not None and run and opts:
            out[q] = f"{out[q].rstrip().rstrip(':').rstrip()} ({'; '.join(f'{i}: {o}' for i, o in enumerate(opts, start=1))})"
            for j in run:
                out[j] = None
            k = run[-1] + 1
            continue
        k += 1
    return [s for s in out if s is not None]
