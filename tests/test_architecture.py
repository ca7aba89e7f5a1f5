"""The layers the code keeps (docs/architecture.md), checked on the source: dialogs ← storage ← exports ← bot."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("dialogs", "storage", "exports", "bot")
# what each package may NOT import (the layers above it; aiogram only in bot/)
FORBIDDEN = {
    "dialogs": ("storage", "exports", "bot", "aiogram"),
    "storage": ("exports", "bot", "aiogram"),
    "exports": ("bot", "aiogram"),
}
MAX_FUNCTION_LINES = 60


def _sources(*tops: str) -> list[Path]:
    return sorted(p for top in tops for p in (ROOT / top).rglob("*.py"))


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str | None = None, *, members: bool = False) -> list[tuple[int, str]]:
    """Every module imported anywhere in the file (also inside functions, also relatively: ``from ..storage
    import repo`` in ``dialogs/x.py`` is ``storage``), with its line. ``module``: the file's dotted name.
    ``members``: also ``package.name`` for each ``from package import name`` (a module imported that way)."""
    module = module if module is not None else _module_of(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append((node.lineno, node.module))
            if members:
                out += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".") if package else []
            base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            if node.module:
                out.append((node.lineno, ".".join([*base, node.module])))
            else:  # from . import x: the module x of that package
                out += [(node.lineno, ".".join([*base, a.name])) for a in node.names]
    return out


def _violations(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [f"{p.relative_to(ROOT)}:{line} imports {mod}"
            for p in _sources(package) for line, mod in _imports(p)
            if mod.split(".")[0] in forbidden]


def test_no_aiogram_below_bot():
    bad = [v for pkg in ("dialogs", "storage", "exports") for v in _violations(pkg, ("aiogram",))]
    assert bad == []


def test_layers_import_only_downwards():
    bad = [v for pkg, forbidden in FORBIDDEN.items() for v in _violations(pkg, forbidden)]
    assert bad == []


def test_relative_imports_are_checked_like_absolute_ones(tmp_path):
    src = tmp_path / "x.py"
    src.write_text("from ..storage.repo import Repo\nfrom . import outline\nfrom .engine.base import Kind\n"
                   "def f():\n    from ... import bot\n", encoding="utf-8")
    assert sorted(m for _, m in _imports(src, "dialogs.x")) == ["bot", "dialogs.engine.base", "dialogs.outline",
                                                               "storage.repo"]
    assert [m for _, m in _imports(src, "dialogs.x") if m.split(".")[0] in FORBIDDEN["dialogs"]] == ["storage.repo",
                                                                                                     "bot"]


def test_no_import_circle_in_the_engine_and_kinds_see_it_through_its_protocol():
    """Within ``dialogs/engine`` imports go one way (also under TYPE_CHECKING): the kinds use ``EngineView`` and
    never import ``core``; no module sets another object's private attribute (``e._visible = None``)."""
    engine = {_module_of(p): p for p in _sources("dialogs/engine")}
    graph = {m: {i for _, i in _imports(p) if i in engine and i != m} for m, p in engine.items()}
    graph["dialogs.engine"] = set()  # the package's own __init__ only re-exports

    def cycle_from(m: str, path: list[str]) -> list[str] | None:
        if m in path:
            return path[path.index(m):] + [m]
        for n in sorted(graph.get(m, ())):
            found = cycle_from(n, path + [m])
            if found:
                return found
        return None

    cycles = [c for m in sorted(graph) if (c := cycle_from(m, []))]
    assert cycles == [], cycles[0]
    kinds = [m for m in engine if m.rpartition(".")[2] in ("scalar", "longtext", "lists", "tables", "base")]
    assert all("dialogs.engine.core" not in graph[m] for m in kinds)
    poking = [f"{p.relative_to(ROOT)}:{node.lineno}" for p in engine.values()
              for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
              if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and node.attr.startswith("_")
              and not (isinstance(node.value, ast.Name) and node.value.id == "self")]
    assert poking == []


def test_handlers_do_not_import_devtools():
    bad = [f"{p.relative_to(ROOT)}:{line} imports {mod}" for p in _sources("bot/handlers")
           for line, mod in _imports(p) if mod.startswith("bot.devtools")]
    assert bad == []


def test_no_function_over_60_lines():
    long = []
    for p in _sources(*PACKAGES, "tests", "benchmarks"):
        if "migrations" in p.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long.append(f"{p.relative_to(ROOT)}:{node.lineno} {node.name} ({n} lines)")
    assert long == []


def test_callback_data_lives_in_one_module_with_unique_prefixes():
    from aiogram.filters.callback_data import CallbackData

    import bot.callbacks

    elsewhere = [f"{p.relative_to(ROOT)}:{node.lineno} {node.name}" for p in _sources("bot")
                 if p != ROOT / "bot" / "callbacks.py"
                 for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                 if isinstance(node, ast.ClassDef)
                 and any(isinstance(b, ast.Name) and b.id == "CallbackData" for b in node.bases)]
    assert elsewhere == []
    classes = [c for c in vars(bot.callbacks).values()
               if isinstance(c, type) and issubclass(c, CallbackData) and c is not CallbackData]
    prefixes = [c.__prefix__ for c in classes]
    assert len(classes) >= 7 and len(set(prefixes)) == len(prefixes), prefixes


def test_no_handler_or_filter_of_the_dispatcher_runs_in_a_thread():
    """aiogram runs a handler or filter that is not a coroutine through ``asyncio.to_thread``; a bare ``F`` filter
    is one (the thread pool round trip per check was most of the routing time): wrap it in ``bot.filters.Magic``."""
    from bot.handlers import get_routers

    def walk(router):
        yield router
        for sub in router.sub_routers:
            yield from walk(sub)

    off = []
    for root in get_routers():
        for router in walk(root):
            for name, observer in router.observers.items():
                for handler in observer.handlers:
                    where = f"{router.name}.{name} → {getattr(handler.callback, '__name__', handler.callback)}"
                    if not handler.awaitable:
                        off.append(f"{where}: the handler is not async")
                    off += [f"{where}: filter {f.callback!r} runs in a thread"
                            for f in handler.filters or [] if not f.awaitable]
    assert not off, "\n".join(off)


# --------------------------------------------------------------------------- the conversation core (issue 23)


def _router_modules() -> set[str]:
    """The handler modules: those of ``bot/handlers/`` that define a router (``setup``)."""
    out = set()
    for p in _sources("bot/handlers"):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        if any(isinstance(n, ast.FunctionDef) and n.name == "setup" for n in tree.body):
            out.add(f"bot.handlers.{p.stem}")
    return out


def test_no_handler_imports_a_handler():
    """Handlers share code through ``bot/flows/`` (or helper modules without a router), never through each
    other; nothing else in ``bot/`` but the router list (``bot/handlers/__init__.py``) imports a handler."""
    routers = _router_modules()
    assert {"bot.handlers.report", "bot.handlers.review", "bot.handlers.template"} <= routers
    bad = [f"{p.relative_to(ROOT)}:{line} imports {mod}" for p in _sources("bot")
           if p != ROOT / "bot" / "handlers" / "__init__.py"
           for line, mod in _imports(p, members=True) if mod in routers]
    assert bad == []


def test_flows_know_no_channel():
    """The conversation core (``bot/flows/``) any channel drives: no aiogram, no handler, no rendering."""
    bad = [v for v in _violations("bot/flows", ("aiogram",))]
    bad += [f"{p.relative_to(ROOT)}:{line} imports {mod}" for p in _sources("bot/flows")
            for line, mod in _imports(p) if mod.startswith(("bot.handlers", "bot.render", "bot.keyboards",
                                                            "bot.callbacks", "bot.outbound", "bot.middleware"))]
    assert bad == []


def test_no_query_outside_storage():
    """Every query is a repository method (``storage/``): no ``select``/``insert``/``update``/``delete`` elsewhere."""
    verbs = {"select", "insert", "update", "delete"}
    bad = []
    for p in _sources("dialogs", "exports", "bot"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                bad += [f"{p.relative_to(ROOT)}:{node.lineno} imports {a.name}" for a in node.names if a.name in verbs]
            elif isinstance(node, ast.Attribute) and node.attr in verbs and isinstance(node.value, ast.Name) \
                    and node.value.id in ("sa", "sqlalchemy"):
                bad.append(f"{p.relative_to(ROOT)}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert bad == []


def test_submission_statuses_are_the_lifecycle_enum():
    """No bare submission status literal outside the lifecycle (``dialogs/lifecycle.py``) and the storage models:
    comparisons with ``.status`` of a submission use ``Status``/``SENT``."""
    bad = []
    for p in _sources("bot", "exports"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            sides = [node.left, *node.comparators] if isinstance(node, ast.Compare) else []
            sides += [e for s in sides if isinstance(s, ast.Tuple | ast.Set | ast.List) for e in s.elts]
            values = {c.value for c in sides if isinstance(c, ast.Constant)}
            # "draft"/"returned" alone are also progress states (exports/progress.py): a literal "submitted" or
            # "corrected", or "returned"/"draft" compared with a `.status`, is a submission status
            on_status = any(isinstance(s, ast.Attribute) and s.attr == "status" and ast.unparse(s.value).endswith("sub")
                            for s in sides)
            if values & {"submitted", "corrected", "unlocked"} or (on_status and values & {"draft", "returned"}):
                bad.append(f"{p.relative_to(ROOT)}:{node.lineno}")
    assert bad == []


JOURNEYS = ("domain", "database", "journeys", "end_to_end")  # scripts/codemods/tests_by_journey.py places them


def test_no_test_module_imports_another_and_helpers_live_in_support():
    """A test module imports no other test module (``tests.<journey>.test_*``); shared helpers live in
    tests/support/; the test modules live in folders by journey (``JOURNEYS``), and directly under tests/ there is
    only this house-wide test and conftest."""
    bad = [f"{p.relative_to(ROOT)}:{line} imports {mod}" for p in _sources("tests", "benchmarks")
           for line, mod in _imports(p, members=True)
           if mod.startswith("tests.") and not mod.startswith("tests.support")
           and any(part.startswith("test_") for part in mod.split("."))]
    assert bad == []
    loose = [p.name for p in (ROOT / "tests").glob("*.py")
             if p.name not in ("__init__.py", "conftest.py", "test_architecture.py")]
    assert loose == [], "a test module belongs in a journey's folder: run scripts/codemods/tests_by_journey.py"
    folders = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == {*JOURNEYS, "support", "data"}
    stray = [f"{p.relative_to(ROOT)}" for j in JOURNEYS for p in (ROOT / "tests" / j).rglob("*.py")
             if not p.name.startswith("test_") and p.name != "__init__.py"]
    assert stray == [], "helpers shared by tests live in tests/support/"


def test_every_query_names_its_aggregate():
    """No flat ``repo.<query>`` outside storage/ (``Repo`` has none at run time either: tests/database/test_repos.py):
    ``scripts/codemods/repo_holders.py --check`` finds nothing to rewrite and nothing it cannot handle."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(ROOT / "scripts/codemods/repo_holders.py"), "--check"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-3000:]
