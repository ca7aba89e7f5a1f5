"""Move the test modules from the flat ``tests/`` into folders by journey (issue 23, §5), and fix what points at them.

| folder | what its tests drive |
|---|---|
| ``tests/domain/`` | the domain and the files made from it: parsing, outlines, the engine, the importer, the lifecycle, the regime, the exports (a database only to load data) |
| ``tests/database/`` | storage: the repositories, the hot path, the SQLite writer, the CLI's imports |
| ``tests/journeys/`` | a person's journey through a channel: the real Dispatcher with the fake Bot API, Zalo, the web form, the outbound layer, the scheduler |
| ``tests/end_to_end/`` | real processes and servers: the bot as a process, two processes, faults, locks, nginx, a browser |

``tests/test_architecture.py`` (checks the whole tree), ``conftest.py``, ``support/`` and ``data/`` stay where they are.

A module's folder comes from its name (:data:`RULES`, first match wins), so the test files other branches add land
where they belong (``test_web_upload.py`` → journeys, ``test_importer_holdout3.py`` → domain). A name no rule
knows is placed by what it uses (the harness or the fake Bot API → journeys, a process or a browser →
end_to_end, the ``db`` fixture → database, else domain) and printed as ``PLACED BY CONTENT`` (check it).

Then: ``Path(__file__)``'s ``.parent`` chains in a moved module get one level more (``Path(__file__).parent /
"data"`` still means ``tests/data``); any other use of ``__file__`` there is UNHANDLED. Every mention of
``tests/test_x.py`` (or ``tests.test_x``) in the repository's .py, .md, .sh, .toml, .yml, .cfg files becomes the new
path. Re-runnable (only modules still directly under ``tests/`` move); prints what it did; exits 1 on anything
UNHANDLED. Usage: ``python scripts/codemods/tests_by_journey.py``.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, SKIP_DIRS, finish, rel  # noqa: E402

TESTS = ROOT / "tests"
STAY = {"test_architecture.py"}
FOLDERS = {
    "domain": "The domain and the files made from it: parsing, outlines, the engine, the importer, the lifecycle, "
              "the regime, the exports.",
    "database": "Storage: the repositories, the hot path, the SQLite writer, the command line's imports.",
    "journeys": "A person's journey through a channel: the real Dispatcher with the fake Bot API, Zalo, the web "
                "form, the outbound layer, the scheduler.",
    "end_to_end": "Real processes and servers: the bot as a process, two processes, faults, locks, nginx, a browser.",
}
RULES: list[tuple[str, tuple[str, ...]]] = [
    ("end_to_end", ("test_e2e*", "test_*_e2e*", "test_two_processes*", "test_faults*", "test_lock_failover*",
                    "test_locks*", "test_deploy*", "test_*browser*", "test_*process*")),
    ("database", ("test_repos*", "test_storage*", "test_*_storage*", "test_hot_*", "test_sqlite*", "test_cli_*",
                  "test_migration*", "test_backup*", "test_search*", "test_db_*")),
    ("domain", ("test_*_exports*", "test_exports*", "test_importer*", "test_document*", "test_parsing*",
                "test_lifecycle*", "test_outline*", "test_figures*", "test_charts*", "test_print*", "test_template",
                "test_template_read*", "test_template_write*", "test_template_sign*", "test_unit_view*",
                "test_engine*", "test_kinds*", "test_labels*", "test_consolidat*", "test_docx*", "test_xlsx*")),
    ("journeys", ("test_*_bot*", "test_bot_*", "test_conversation*", "test_adhoc*", "test_upward*", "test_web*",
                  "test_zalo*", "test_outbound*", "test_walk*", "test_issuer*", "test_periods*", "test_regime*",
                  "test_fuzz*", "test_review*", "test_scheduler*", "test_remind*", "test_link*", "test_channel*",
                  "test_handler*", "test_flow*")),
]
TEXT_SUFFIXES = {".py", ".md", ".sh", ".toml", ".yml", ".yaml", ".cfg", ".ini", ".txt"}
FILE_CHAIN = re.compile(r"(Path\(__file__\)(?:\.resolve\(\))?)((?:\.parent)+)")
FILE_PARENTS = re.compile(r"(Path\(__file__\)(?:\.resolve\(\))?\.parents\[)(\d+)\]")


def folder_by_name(name: str) -> str | None:
    stem = name.removesuffix(".py")
    for folder, patterns in RULES:
        if any(fnmatch.fnmatchcase(stem, p) for p in patterns):
            return folder
    return None


def folder_by_content(text: str) -> str:
    if re.search(r"\bHarness\b|FakeBotApi|fake_bot_api|Dispatcher|\.press\(", text):
        return "journeys"
    if re.search(r"create_subprocess|subprocess\.|chromium|playwright|multiprocessing", text):
        return "end_to_end"
    if re.search(r"\(db\b|\bdb\)|\bdb,|db_url", text):
        return "database"
    return "domain"


def ensure_folders() -> None:
    for folder, doc in FOLDERS.items():
        init = TESTS / folder / "__init__.py"
        if not init.exists():
            init.parent.mkdir(exist_ok=True)
            init.write_text(f'"""{doc}"""\n')
            subprocess.run(["git", "add", str(init)], cwd=ROOT, check=False, capture_output=True)
            print(f"created {rel(init)}")


def fix_file_paths(path: Path, unhandled: list[str]) -> None:
    """One directory deeper: one ``.parent`` more."""
    text = path.read_text()
    new = FILE_CHAIN.sub(lambda m: m[1] + m[2] + ".parent", text)
    new = FILE_PARENTS.sub(lambda m: f"{m[1]}{int(m[2]) + 1}]", new)
    for n, line in enumerate(new.splitlines(), 1):
        if "__file__" in line and not (FILE_CHAIN.search(line) or FILE_PARENTS.search(line)):
            unhandled.append(f"{rel(path)}:{n}: __file__ used otherwise: {line.strip()[:80]}")
    if new != text:
        path.write_text(new)
        print(f"{rel(path)}: Path(__file__) one level deeper")


def move(path: Path, folder: str) -> Path:
    target = TESTS / folder / path.name
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", str(path)], cwd=ROOT,
                             capture_output=True).returncode == 0
    if tracked:
        subprocess.run(["git", "mv", str(path), str(target)], cwd=ROOT, check=True)
    else:
        path.rename(target)
    return target


def text_files() -> list[Path]:
    return [p for p in sorted(ROOT.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES
            and not set(p.relative_to(ROOT).parts) & SKIP_DIRS and not rel(p).startswith("scripts/codemods/")
            and not any(part.endswith(".egg-info") for part in p.relative_to(ROOT).parts)]


def fix_mentions(moved: dict[str, str]) -> None:
    """``tests/test_x.py`` → ``tests/<folder>/test_x.py`` and ``tests.test_x`` → ``tests.<folder>.test_x``."""
    if not moved:
        return
    names = "|".join(re.escape(n) for n in sorted(moved, key=len, reverse=True))
    slash = re.compile(rf"\btests/({names})\.py\b")
    dotted = re.compile(rf"\btests\.({names})\b")
    for path in text_files():
        try:
            text = path.read_text()
        except UnicodeDecodeError:
            continue
        new = slash.sub(lambda m: f"tests/{moved[m[1]]}/{m[1]}.py", text)
        new = dotted.sub(lambda m: f"tests.{moved[m[1]]}.{m[1]}", new)
        if new != text:
            path.write_text(new)
            print(f"{rel(path)}: {len(slash.findall(text)) + len(dotted.findall(text))} mention(s) updated")


def all_placed() -> dict[str, str]:
    """Every module already in a folder: its stem → folder (mentions of modules moved by an earlier run)."""
    return {p.stem: p.parent.name for folder in FOLDERS for p in (TESTS / folder).glob("test_*.py")}


def main() -> None:
    unhandled: list[str] = []
    ensure_folders()
    moved = 0
    for path in sorted(TESTS.glob("test_*.py")):
        if path.name in STAY:
            continue
        folder = folder_by_name(path.name)
        if folder is None:
            folder = folder_by_content(path.read_text())
            print(f"PLACED BY CONTENT: {path.name} → tests/{folder}/ (add a rule to RULES if wrong)")
        if (TESTS / folder / path.name).exists():
            unhandled.append(f"{rel(path)}: tests/{folder}/{path.name} exists already")
            continue
        target = move(path, folder)
        print(f"{rel(path)} → {rel(target)}")
        fix_file_paths(target, unhandled)
        moved += 1
    fix_mentions(all_placed())
    finish(moved, unhandled, "tests_by_journey")


if __name__ == "__main__":
    main()
