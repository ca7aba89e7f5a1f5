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
MAX_FUNCTION_LINES = 80


def _sources(*tops: str) -> list[Path]:
    return sorted(p for top in tops for p in (ROOT / top).rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module imported anywhere in the file (also inside functions), with its line."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append((node.lineno, node.module))
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


def test_handlers_do_not_import_devtools():
    bad = [f"{p.relative_to(ROOT)}:{line} imports {mod}" for p in _sources("bot/handlers")
           for line, mod in _imports(p) if mod.startswith("bot.devtools")]
    assert bad == []


def test_no_function_over_80_lines():
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
