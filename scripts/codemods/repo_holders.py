"""Rewrite every flat ``repo.<query>`` into ``repo.<holder>.<query>`` (issue 23: repositories by aggregate).

The holder of a query is the aggregate whose mixin in ``storage/repos/`` defines it (``tests/test_repos.py``
checks that each query belongs to exactly one), read from ``storage/repo.py``'s holder properties. A receiver is
a ``Repo`` when it is named as one (``repo``, ``self.repo``, ``p.repo``, ``data["repo"]``, ``x_repo``), is a call
``Repo(...)``, or is a local assigned ``Repo(...)`` / a parameter annotated ``Repo``
(``scripts/codemods/_common.py::RepoScope``). ``storage/repos/``, ``storage/repo.py`` and ``storage/hot.py`` are
left alone: inside them ``self.<query>()`` is the one object every holder returns.

Reported as UNHANDLED (exit 1), for a person to fix:
- ``Repo.<query>`` on the class (there is no class-level flat access any more: use the aggregate's class);
- ``<repo>.<name>`` where ``name`` is neither a query, a holder, nor ``session``/``commit``;
- a query's name on a receiver not recognised as a ``Repo`` when no other class in the project has that name
  (``rp.unit_by_code(...)``): most likely a ``Repo`` under an unusual name.

Usage: ``python scripts/codemods/repo_holders.py [--check]`` (``--check``: change nothing, exit 1 if anything
would change).
"""

from __future__ import annotations

import ast
import re
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    ROOT,
    SKIP_DIRS,
    Edits,
    finish,
    python_files,
    rel,
    repo_attributes,
    repo_queries,
    tidy,
)

REPO_OWN = {"session", "commit", "s"}  # what Repo itself has (``s``: the old name, see rename_callbacks.py)


def other_names() -> set[str]:
    """Every function, method and attribute name defined outside the repositories: a query's name that is also
    one of these may belong to something else, so an unrecognised receiver of it is not reported."""
    names: set[str] = set()
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.alias):
                names.add(node.asname or node.name.split(".")[-1])
            elif isinstance(node, ast.keyword) and node.arg:
                names.add(node.arg)
    return names


def embedded(text: str, tree: ast.AST, methods: dict[str, str], edits: Edits, where: str,
             unhandled: list[str]) -> list[str]:
    """Python code inside a string literal (a script a test writes and runs): rewritten in place when the literal
    holds the code verbatim (no escapes), else reported."""
    changes = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" in node.value
                and "repo" in node.value.lower()):
            continue
        value = node.value
        code = textwrap.dedent(value)
        try:
            inner = ast.parse(code)
        except SyntaxError:
            continue
        flat = [a for a in repo_attributes(inner) if a.attr in methods]
        if not flat:
            continue
        lines = value.splitlines(keepends=True)
        inner_edits = Edits(value)
        for a in flat:
            v = a.value
            line = lines[v.end_lineno - 1]
            margin = len(line) - len(line.lstrip()) - (len(code.splitlines()[v.end_lineno - 1])
                                                        - len(code.splitlines()[v.end_lineno - 1].lstrip()))
            inner_edits.insert(v.end_lineno, v.end_col_offset + margin, f".{methods[a.attr]}")
            changes.append(f"{where}+{v.end_lineno} (in a string): {ast.unparse(a)} → "
                           f"{ast.unparse(v)}.{methods[a.attr]}.{a.attr}")
        segment = ast.get_source_segment(text, node) or ""
        if segment.count(value) != 1:
            unhandled.append(f"{where}: flat queries in a string literal with escapes: rewrite by hand")
            continue
        edits.replace(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset,
                      segment.replace(value, inner_edits.apply()))
    return changes


def rewrite(path: Path, methods: dict[str, str], holders: set[str], others: set[str],
            unhandled: list[str], *, write: bool = True) -> list[str]:
    text = path.read_text()
    tree = ast.parse(text)
    edits, changes = Edits(text), []
    seen: set[int] = set()
    for node in repo_attributes(tree):
        seen.add(id(node))
        where = f"{rel(path)}:{node.lineno}"
        if isinstance(node.value, ast.Name) and node.value.id == "Repo":
            if node.attr in methods:
                unhandled.append(f"{where}: Repo.{node.attr} on the class (use the aggregate's class or module)")
            continue
        if node.attr in methods:
            v = node.value
            edits.insert(v.end_lineno, v.end_col_offset, f".{methods[node.attr]}")
            changes.append(f"{where}: {ast.unparse(v)}.{node.attr} → {ast.unparse(v)}.{methods[node.attr]}"
                           f".{node.attr}")
        elif node.attr not in holders and node.attr not in REPO_OWN and not node.attr.startswith("__"):
            unhandled.append(f"{where}: {ast.unparse(node)} is not a query, a holder, nor session/commit")
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and id(node) not in seen and node.attr in methods
                and node.attr not in others and ast.unparse(node.value).split(".")[-1] not in holders
                and not ast.unparse(node.value).endswith("Repo")):  # an aggregate's class: PeriodsRepo.period_covers
            if isinstance(node.value, ast.Name) and node.value.id == "Repo":
                unhandled.append(f"{rel(path)}:{node.lineno}: Repo.{node.attr} on the class (use the aggregate's "
                                 "class, e.g. PeriodsRepo.period_covers)")
                continue
            unhandled.append(f"{rel(path)}:{node.lineno}: {ast.unparse(node)} — a Repo under an unusual name? "
                             "(name it repo, or rewrite by hand)")
    changes += embedded(text, tree, methods, edits, rel(path), unhandled)
    if changes and write:
        new = edits.apply()
        ast.parse(new)  # never write a file that no longer parses
        path.write_text(new)
    return changes


def docs(methods: dict[str, str], *, write: bool) -> list[str]:
    """``Repo.<query>`` named in the Markdown docs → ``repo.<holder>.<query>``."""
    mention = re.compile(r"\bRepo\.([a-z_]+)\b")
    changes = []
    for path in sorted(ROOT.rglob("*.md")):
        if set(path.relative_to(ROOT).parts) & SKIP_DIRS:
            continue
        text = path.read_text()
        new = mention.sub(lambda m: f"repo.{methods[m[1]]}.{m[1]}" if m[1] in methods else m[0], text)
        if new != text:
            changes += [f"{rel(path)}: Repo.{m} → repo.{methods[m]}.{m}" for m in mention.findall(text) if m in methods]
            if write:
                path.write_text(new)
    return changes


def main() -> None:
    check = "--check" in sys.argv[1:]
    methods, by_class = repo_queries()
    holders = set(by_class.values())
    others = other_names()
    changed: list[str] = []
    unhandled: list[str] = []
    touched: list[Path] = []
    for path in python_files():
        changes = rewrite(path, methods, holders, others, unhandled, write=not check)
        changed += changes
        if changes and not check:
            touched.append(path)
    tidy(touched, unhandled)
    changed += docs(methods, write=not check)
    for c in changed:
        print(c)
    if check and changed:
        unhandled.append(f"{len(changed)} flat call(s) left (run without --check)")
    finish(len(changed), unhandled, "repo_holders")


if __name__ == "__main__":
    main()
