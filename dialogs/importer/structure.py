"""Structure: numbering markers, broken and flattened lines, and the tree of numbered items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dialogs.text import fold

UPPER = "A-ZĐÀ-ỸĂÂÊÔƠƯ"
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("roman", re.compile(rf"^(?P<m>(?=[IVX])X{{0,3}}(?:IX|IV|V?I{{0,3}}))\s*(?P<p>[.\-–:)])\s*(?=[{UPPER}\d])")),
    ("upper", re.compile(rf"^(?P<m>[A-H])\s*(?P<p>[.)])\s+(?=[{UPPER}])")),
    ("dec", re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2})+)(?P<p>\.?)\s*(?=[^\d\s.,/])")),
    ("dec", re.compile(r"^(?P<m>\d{1,2})\s*(?P<p>[.)])\s*(?=[^\d\s.,/)])")),
    ("alpha", re.compile(r"^(?P<m>[a-zđ])\s*(?P<p>\))\s*(?=\S)|^(?P<m2>[a-hk-zđ])(?P<p2>\.)\s+(?=[A-ZĐÀ-Ỹ])")),
    ("paren", re.compile(r"^\((?P<m>\d{1,2})\)\s*(?=\S)")),
    ("bullet", re.compile(r"^(?P<m>[-–—+•·*○▪➢✓o])\s+(?=\S)|^(?P<m2>[-–+•·])(?=[{UPPER}])".replace("{UPPER}", UPPER))),
]
BULLET_KIND = {"-": "dash", "–": "dash", "—": "dash", "+": "plus", "•": "dot", "·": "middot", "*": "star",
               "○": "circle", "▪": "square", "➢": "arrow", "✓": "check", "o": "circle"}
BULLET_KINDS = set(BULLET_KIND.values())
TERMINAL = ".;:?!)…"
FN_RE = re.compile(r"⟦fn:(\w+)⟧")


@dataclass
class Marker:
    kind: str
    no: str  # as the document writes it, normalised: "I.", "1.", "3.1.", "a)", "(1)", "-"
    rest: str


def parse_marker(line: str) -> Marker | None:
    s = line.strip()
    for kind, rx in MARKERS:
        m = rx.match(s)
        if not m:
            continue
        mark = m.group("m") or (m.groupdict().get("m2") or "")
        punct = (m.groupdict().get("p") or m.groupdict().get("p2") or "").strip()
        rest = s[m.end():].strip()
        if not rest:
            return None
        if kind == "bullet":
            # the outline model knows "-", "+", "·", "*" as bullets: other bullet glyphs are written "-"
            return Marker(BULLET_KIND.get(mark, "dash"), mark if mark in "-+·*" else "-", rest)
        if kind == "dec":
            depth = mark.count(".") + 1
            no = f"{mark}." if punct != ")" else f"{mark})"
            return Marker(f"dec{depth}", no, rest)
        if kind == "roman":
            return Marker("roman", f"{mark}{'-' if punct in '-–' else '.'}", rest)
        if kind == "alpha":
            return Marker("alpha", f"{mark})" if punct == ")" else f"{mark}.", rest)
        if kind == "paren":
            return Marker("paren", f"({mark})", rest)
        return Marker(kind, f"{mark}{punct}", rest)
    return None


# --------------------------------------------------------------------------- line repair


INLINE_SPLIT = re.compile(
    rf"(?<=[.;:?!…])\s+(?=(?:[IVX]{{1,4}}[.\-]\s*[{UPPER}]|\d{{1,2}}(?:\.\d{{1,2}})*\.\s*[{UPPER}]|[a-zđ]\)\s*[{UPPER}]|[-+•]\s+[{UPPER}]))"
)


def split_flattened(lines: list[str]) -> tuple[list[str], int]:
    """A long line holding several numbered items inline ('I. … 1. … a) …') is split before each."""
    out: list[str] = []
    count = 0
    for line in lines:
        if len(line) > 250:
            parts = INLINE_SPLIT.split(line)
            markers = [p for p in parts[1:] if parse_marker(p)]
            if len(markers) >= 2:
                out.extend(p.strip() for p in parts)
                count += 1
                continue
        out.append(line)
    return out, count


def join_broken(lines: list[str], pdf: bool) -> tuple[list[str], int]:
    """Join a line to the previous one when it continues a sentence (lower-case start, or PDF wrap)."""
    out: list[str] = []
    joined = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            out.append("")
            continue
        prev_i = len(out) - 1
        while prev_i >= 0 and not out[prev_i] and not pdf and prev_i >= len(out) - 2:
            prev_i -= 1
        prev = out[prev_i] if prev_i >= 0 else ""
        cont = False
        if prev and not parse_marker(line) and not line.startswith("("):
            if line[0].islower() and not prev.rstrip().endswith((".", "?", "!")):
                cont = True
            elif pdf and out[-1] and not prev.rstrip().endswith(tuple(TERMINAL)) and not _is_caption(line):
                cont = not (prev.isupper() and not line.isupper())
        if cont:
            out[prev_i] = prev.rstrip() + " " + line
            del out[prev_i + 1:]
            joined += 1
        else:
            out.append(line)
    return out, joined


def _is_caption(line: str) -> bool:
    return bool(re.match(r"^(biểu|phụ lục)\b", line, re.I))


# --------------------------------------------------------------------------- tree


@dataclass
class Node:
    no: str = ""
    kind: str = "root"
    text: str = ""
    body: list[str] = field(default_factory=list)  # unnumbered lines before the first child
    after: list[str] = field(default_factory=list)  # unnumbered lines after children began
    children: list[Node] = field(default_factory=list)
    tables: list[tuple[int, object]] = field(default_factory=list)  # (position among children, table)


RANKS = {"upper": -1, "roman": 0, "dec1": 1, "dec2": 2, "dec3": 3, "dec4": 4}


def build_tree(items: list[str | object]) -> Node:
    """items: text lines, or table objects placed where they occur. Numbered kinds nest by first use."""
    root = Node()
    stack: list[Node] = [root]
    for it in items:
        if not isinstance(it, str):
            top = stack[-1]
            top.tables.append((len(top.children), it))
            continue
        line = it.strip()
        if not line:
            continue
        mk = parse_marker(line)
        if mk is None:
            top = stack[-1]
            if top.kind in BULLET_KINDS and _new_paragraph(top, line):
                # a full sentence after a finished bullet is a new ask of the numbered item above it
                while len(stack) > 1 and stack[-1].kind in BULLET_KINDS:
                    stack.pop()
                top = stack[-1]
            elif line.startswith("(") and line.rstrip(" .").endswith(")"):
                # a parenthesised note after a bullet belongs to the numbered item above it
                k = len(stack) - 1
                while k > 0 and stack[k].kind in BULLET_KINDS:
                    k -= 1
                top = stack[k] if k > 0 else top
            (top.after if top.children else top.body).append(line)
            continue
        rank = RANKS.get(mk.kind)
        kinds = [n.kind for n in stack]
        if rank is not None:
            while len(stack) > 1 and RANKS.get(stack[-1].kind, 99) >= rank:
                stack.pop()
        elif mk.kind in kinds:
            idx = len(kinds) - 1 - kinds[::-1].index(mk.kind)
            del stack[idx:]
        node = Node(no=mk.no, kind=mk.kind, text=mk.rest)
        stack[-1].children.append(node)
        stack.append(node)
    return root


def _new_paragraph(bullet: Node, line: str) -> bool:
    """A line after a bullet starts a new paragraph when the bullet's text (and its continuation) is a finished
    sentence and the line is a sentence of its own (capital start, not guidance in parentheses)."""
    last = (bullet.body[-1] if bullet.body else bullet.text).rstrip()
    return (last.endswith((".", "?", "!")) and line[:1].isupper() and not line.startswith("(")
            and len(line.split()) >= 4 and not fold(line).startswith(("luu y", "chu y", "ghi chu")))


def footnote_ids(text: str) -> list[str]:
    return FN_RE.findall(text)


def strip_fn(text: str) -> str:
    return re.sub(r"\s+([,.;:])", r"\1", FN_RE.sub("", text)).strip()


def is_outline_start(line: str) -> bool:
    return fold(line).strip(" .:") in ("de cuong", "de cuong bao cao", "de cuong goi y") and line.strip().isupper()
