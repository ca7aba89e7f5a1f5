"""Rename the cryptic names (issue 23, §5): the callback data classes of ``bot/callbacks.py`` and ``Repo.s``.

- ``TH``, ``TD``, ``MK``, ``OI``, ``RV``, ``AH``, ``UP`` → the names in :data:`CALLBACKS`, wherever they are Python
  names (imports, uses, ``RV.filter()``) and where docstrings, comments or Markdown quote them as code
  (```` ``RV`` ````, ```` `RV` ````). The wire prefixes (``prefix="rv"``) do not change: buttons already sent keep
  working.
- ``Repo.s`` → ``Repo.session``: ``self.s`` inside ``storage/repo.py``, ``storage/hot.py`` and ``storage/repos/``
  (the mixins' session), and ``<repo>.s`` / ``<repo>.<holder>.s`` elsewhere, where ``<repo>`` is recognised as a
  ``Repo`` the way ``repo_holders.py`` does (``scripts/codemods/_common.py::RepoScope``).

Re-runnable: only old names are rewritten. Prints each change; exits 1 if an old callback name is left
somewhere it could not rewrite (printed as UNHANDLED). Usage: ``python scripts/codemods/rename_callbacks.py``.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, SKIP_DIRS, Edits, finish, python_files, rel, repo_attributes, repo_queries, tidy  # noqa: E402

CALLBACKS = {
    "TH": "ConsolidateButton",   # /tonghop
    "TD": "ProgressButton",      # /tiendo
    "MK": "OpenPeriodButton",    # /moky
    "OI": "OutlineDraftButton",  # /nhapdecuong
    "RV": "ReviewButton",        # /xem
    "AH": "AdhocButton",         # /baocaonhanh
    "UP": "UpwardButton",        # /baocaolen
}
QUOTED = re.compile(r"(`{1,2})(" + "|".join(CALLBACKS) + r")((?:\.\w+|\(\))*)\1")
STORAGE_SELF = ("storage/repo.py", "storage/hot.py", "storage/repos/")


def _quoted(text: str) -> str:
    return QUOTED.sub(lambda m: f"{m[1]}{CALLBACKS[m[2]]}{m[3]}{m[1]}", text)


def rename_tokens(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The callback names as Python names, and quoted as code in strings and comments."""
    edits, changes = Edits(text), []
    lines = text.splitlines(keepends=True)
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        (line, col), (end_line, end_col) = tok.start, tok.end
        new = None
        if tok.type == tokenize.NAME and tok.string in CALLBACKS:
            new = CALLBACKS[tok.string]
        elif tok.type in (tokenize.STRING, tokenize.COMMENT) and QUOTED.search(tok.string):
            new = _quoted(tok.string)
        if new is not None and new != tok.string:
            bcol = len(lines[line - 1][:col].encode())
            bend = len(lines[end_line - 1][:end_col].encode())
            edits.replace(line, bcol, end_line, bend, new)
            changes.append((line, tok.string.splitlines()[0][:40], new.splitlines()[0][:40]))
    return (edits.apply() if changes else text), changes


def rename_session(path: Path, text: str, holders: set[str]) -> tuple[str, list[tuple[int, str, str]]]:
    """``Repo.s`` → ``Repo.session``."""
    tree = ast.parse(text)
    edits, changes = Edits(text), []
    inside = rel(path).startswith(STORAGE_SELF)
    targets: list[ast.Attribute] = []
    if inside:
        targets += [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "s"
                    and isinstance(n.value, ast.Name) and n.value.id == "self"]
    found = repo_attributes(tree)
    targets += [n for n in found if n.attr == "s"]
    via_holder = {id(n) for n in found if n.attr in holders}
    targets += [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "s"
                and id(n.value) in via_holder]
    if inside:  # the class-level annotation ``s: AsyncSession``
        for n in ast.walk(tree):
            if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name) and n.target.id == "s":
                edits.replace(n.target.lineno, n.target.col_offset, n.target.lineno, n.target.end_col_offset,
                              "session")
                changes.append((n.lineno, "s: …", "session: …"))
    for n in {id(t): t for t in targets}.values():
        edits.replace(n.end_lineno, n.end_col_offset - 1, n.end_lineno, n.end_col_offset, "session")
        changes.append((n.lineno, f"{ast.unparse(n)}", f"{ast.unparse(n.value)}.session"))
    return (edits.apply() if changes else text), changes


def markdown_files() -> list[Path]:
    return [p for p in sorted(ROOT.rglob("*.md")) if not set(p.relative_to(ROOT).parts) & SKIP_DIRS]


def main() -> None:
    _methods, by_class = repo_queries()
    holders = set(by_class.values())
    changed, unhandled, touched = 0, [], []
    for path in python_files(include_storage_inside=True):
        text = path.read_text()
        new, changes = rename_tokens(text)
        new, more = rename_session(path, new, holders)
        for line, old, repl in changes + more:
            print(f"{rel(path)}:{line}: {old} → {repl}")
        if new != text:
            ast.parse(new)
            path.write_text(new)
            touched.append(path)
            changed += len(changes) + len(more)
        for node in ast.walk(ast.parse(new)):
            if isinstance(node, ast.Name) and node.id in CALLBACKS:
                unhandled.append(f"{rel(path)}:{node.lineno}: {node.id} is still used")
    for path in markdown_files():
        text = path.read_text()
        new = _quoted(text)
        if new != text:
            n = len(QUOTED.findall(text))
            print(f"{rel(path)}: {n} quoted name(s) renamed")
            path.write_text(new)
            changed += n
    tidy(touched, unhandled)
    finish(changed, unhandled, "rename_callbacks")


if __name__ == "__main__":
    main()
