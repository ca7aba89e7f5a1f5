"""During ``git merge h23`` into a main that moved: resolve the conflicts where h23's side was only mechanical.

For every conflicted Python file, h23's version (stage 3) is compared with the common ancestor's (stage 1) after
undoing the codemods' rewrites (holders, callback names, ``Repo.session``, test paths; imports compared as sets,
layout ignored: the comparison is on the syntax tree). When they are the same, h23 changed nothing there but what
the codemods redo, so main's side (stage 2) is taken (``git checkout --ours``, ``git add``) and the codemods, run
next, rewrite it. Any other conflict is printed as ``RESOLVE BY HAND`` (exit 1): h23 changed that file by hand too.

Usage (in the merge, before the codemods): ``python scripts/codemods/take_main_where_mechanical.py``.

``--after``: for a branch merged into a main that already has h23 (main is "ours" and holds the mechanical side):
main's version (stage 2) is compared with the ancestor, and where main's change there was only mechanical the
branch's side is taken (``git checkout --theirs``); the codemods, run next, rewrite it.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT  # noqa: E402

HOLDERS = ("units", "accounts", "onboarding", "outlines", "periods", "submissions", "review", "positions", "outbox",
           "issuers", "web")
OLD_NAMES = {"ConsolidateButton": "TH", "ProgressButton": "TD", "OpenPeriodButton": "MK", "OutlineDraftButton": "OI",
             "ReviewButton": "RV", "AdhocButton": "AH", "UpwardButton": "UP"}
UNDO = [
    (re.compile(r"\.(?:" + "|".join(HOLDERS) + r")\.(?=[a-z_]+\b)"), "."),
    (re.compile(r"\b(" + "|".join(OLD_NAMES) + r")\b"), lambda m: OLD_NAMES[m[1]]),
    (re.compile(r"\b(self|repo|_repo|\w+_repo|\)|\])\.session\b"), r"\1.s"),
    (re.compile(r"^(\s+)session: AsyncSession$", re.M), r"\1s: AsyncSession"),
    (re.compile(r"\btests/(?:domain|database|journeys|end_to_end)/test_"), "tests/test_"),
    (re.compile(r"\btests\.(?:domain|database|journeys|end_to_end)\.test_"), "tests.test_"),
]


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=False, capture_output=True, text=True).stdout


def stage(n: int, path: str) -> str | None:
    out = subprocess.run(["git", "show", f":{n}:{path}"], cwd=ROOT, capture_output=True, text=True)
    return out.stdout if out.returncode == 0 else None


class _SortedImports(ast.NodeTransformer):
    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.ImportFrom:
        node.names.sort(key=lambda a: (a.name, a.asname or ""))
        return node


def shape(text: str) -> str:
    for pattern, repl in UNDO:
        text = pattern.sub(repl, text)
    tree = _SortedImports().visit(ast.parse(text))
    imports = sorted(ast.dump(n) for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom)))
    rest = [ast.dump(n) for n in tree.body if not isinstance(n, (ast.Import, ast.ImportFrom))]
    return "\n".join(imports + rest)


def main() -> None:
    after = "--after" in sys.argv[1:]
    mine, keep = (2, "--theirs") if after else (3, "--ours")  # the stage holding h23's side; the side to keep
    conflicted = [p for p in git("diff", "--name-only", "--diff-filter=U").splitlines() if p]
    by_hand = []
    for path in conflicted:
        base, h23 = stage(1, path), stage(mine, path)
        mechanical = False
        if path.endswith(".py") and base is not None and h23 is not None:
            try:
                mechanical = shape(base) == shape(h23)
            except SyntaxError:
                mechanical = False
        if mechanical:
            git("checkout", keep, "--", path)
            git("add", "--", path)
            side = "the branch's" if after else "main's"
            print(f"{side} side taken: {path} (the other side only rewrote it mechanically; the codemods redo that)")
        else:
            by_hand.append(path)
    for path in by_hand:
        print(f"RESOLVE BY HAND: {path}")
    print(f"take_main_where_mechanical: {len(conflicted) - len(by_hand)} resolved, {len(by_hand)} by hand")
    sys.exit(1 if by_hand else 0)


if __name__ == "__main__":
    main()
