"""What the codemods share: the repository's files, the Repo's queries by aggregate, which expressions are a
``Repo``, and edits made at the AST's positions (UTF-8 byte offsets, so Vietnamese text is safe).

Every codemod is re-runnable: it rewrites only what is still in the old form, prints each change, and exits 1
when something needs a person (printed as ``UNHANDLED``)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", ".git", "node_modules", "__pycache__", "migrations", ".mypy_cache", ".ruff_cache"}
# where the queries are defined: inside them ``self.method()`` is the same object and stays flat
STORAGE_INSIDE = {"storage/repo.py", "storage/hot.py"}
STORAGE_REPOS = "storage/repos/"


def rel(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix()


def python_files(*, include_storage_inside: bool = False) -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts)
        if parts & SKIP_DIRS or rel(path).startswith("scripts/codemods/"):
            continue
        if not include_storage_inside and (rel(path) in STORAGE_INSIDE or rel(path).startswith(STORAGE_REPOS)):
            continue
        yield path


def repo_queries() -> tuple[dict[str, str], dict[str, str]]:
    """``{method: holder}`` for every query on a ``storage/repos`` aggregate, and ``{class: holder}``: read from
    the holder properties of ``storage/repo.py`` (their return annotation names the aggregate's class)."""
    holders: dict[str, str] = {}
    for node in ast.walk(ast.parse((ROOT / "storage/repo.py").read_text())):
        if isinstance(node, ast.FunctionDef) and node.returns is not None and node.decorator_list:
            if any(isinstance(d, ast.Name) and d.id == "property" for d in node.decorator_list):
                ann = ast.unparse(node.returns).strip("'\"")
                if ann.endswith("Repo"):
                    holders[ann] = node.name
    methods: dict[str, str] = {}
    for path in sorted((ROOT / "storage/repos").glob("*.py")):
        for cls in ast.parse(path.read_text()).body:
            if isinstance(cls, ast.ClassDef) and cls.name in holders:
                for m in cls.body:
                    if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and not m.name.startswith("__"):
                        if m.name in methods and methods[m.name] != holders[cls.name]:
                            sys.exit(f"UNHANDLED: {m.name} defined by two aggregates")
                        methods[m.name] = holders[cls.name]
    if not holders or not methods:
        sys.exit("UNHANDLED: no holders found in storage/repo.py")
    return methods, holders


def is_repo_name(name: str) -> bool:
    """A variable or attribute named as a repository: ``repo``, ``self.repo``, ``p._repo``, ``data["repo"]``,
    ``repo2``, ``officer_repo``."""
    name = name.lstrip("_").rstrip("0123456789")
    return name == "repo" or name.endswith("_repo")


class RepoScope(ast.NodeVisitor):
    """Finds the expressions that are a ``Repo`` in one module: a name or attribute called ``repo`` (see
    :func:`is_repo_name`), a call ``Repo(...)``, and, inside a function, a name assigned ``Repo(...)`` (or
    ``with Repo(...) as x``) or a parameter annotated ``Repo``. ``found`` holds ``(attribute node, its receiver)``
    for every ``<repo>.<attr>``."""

    def __init__(self) -> None:
        self.scopes: list[set[str]] = [set()]
        self.found: list[ast.Attribute] = []

    @staticmethod
    def _makes_repo(value: ast.AST | None) -> bool:
        return (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "Repo")

    def is_repo(self, node: ast.AST) -> bool:
        if self._makes_repo(node):
            return True
        if isinstance(node, ast.Name):
            return is_repo_name(node.id) or any(node.id in s for s in self.scopes)
        if isinstance(node, ast.Attribute):
            return is_repo_name(node.attr)
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            return isinstance(node.slice.value, str) and is_repo_name(node.slice.value)
        return False

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        names: set[str] = set()
        args = node.args
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
            if a.annotation is not None and ast.unparse(a.annotation).strip("'\"") in ("Repo", "Repo | None"):
                names.add(a.arg)
        for sub in ast.walk(node):
            if isinstance(sub, ast.Assign) and self._makes_repo(sub.value):
                names |= {t.id for t in sub.targets if isinstance(t, ast.Name)}
            elif isinstance(sub, ast.AnnAssign) and isinstance(sub.target, ast.Name):
                if self._makes_repo(sub.value) or ast.unparse(sub.annotation).strip("'\"") == "Repo":
                    names.add(sub.target.id)
            elif isinstance(sub, ast.withitem) and self._makes_repo(sub.context_expr):
                if isinstance(sub.optional_vars, ast.Name):
                    names.add(sub.optional_vars.id)
        self.scopes.append(names)
        self.generic_visit(node)
        self.scopes.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_Module(self, node: ast.Module) -> None:
        for sub in node.body:  # module-level ``repo = Repo(s)`` in scripts
            if isinstance(sub, ast.Assign) and self._makes_repo(sub.value):
                self.scopes[0] |= {t.id for t in sub.targets if isinstance(t, ast.Name)}
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if self.is_repo(node.value):
            self.found.append(node)
        self.generic_visit(node)


def repo_attributes(tree: ast.AST) -> list[ast.Attribute]:
    scope = RepoScope()
    scope.visit(tree)
    return scope.found


class Edits:
    """Text edits at AST positions (line, UTF-8 byte column), applied from the end so positions stay valid."""

    def __init__(self, text: str):
        self.lines = text.splitlines(keepends=True)
        self.edits: list[tuple[int, int, int, int, str]] = []

    def replace(self, line: int, col: int, end_line: int, end_col: int, new: str) -> None:
        self.edits.append((line, col, end_line, end_col, new))

    def insert(self, line: int, col: int, new: str) -> None:
        self.edits.append((line, col, line, col, new))

    def apply(self) -> str:
        data = [ln.encode() for ln in self.lines]
        for line, col, end_line, end_col, new in sorted(set(self.edits), reverse=True):
            if line == end_line:
                b = data[line - 1]
                data[line - 1] = b[:col] + new.encode() + b[end_col:]
            else:
                first, last = data[line - 1], data[end_line - 1]
                data[line - 1] = first[:col] + new.encode() + last[end_col:]
                del data[line:end_line]
        return b"".join(data).decode()


def finish(changed: int, unhandled: list[str], what: str) -> None:
    for u in unhandled:
        print(f"UNHANDLED: {u}")
    print(f"{what}: {changed} change(s), {len(unhandled)} unhandled")
    sys.exit(1 if unhandled else 0)


def tidy(paths: list[Path], unhandled: list[str]) -> None:
    """Sort the imports the rename touched (``ruff --fix --select I``) and report what ruff still finds in the
    changed files (a line grown past the limit) for a person to fix."""
    if not paths:
        return
    files = [str(p) for p in paths]
    ruff = [sys.executable, "-m", "ruff", "check", "--quiet"]
    subprocess.run([*ruff, "--fix", "--select", "I", *files], cwd=ROOT, check=False, capture_output=True)
    left = subprocess.run([*ruff, "--output-format", "concise", *files], cwd=ROOT, check=False,
                          capture_output=True, text=True)
    unhandled += [f"ruff: {line}" for line in left.stdout.splitlines() if line.strip() and ":" in line]
