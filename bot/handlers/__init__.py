"""All routers, joined in one place. Built by functions, so tests can build many dispatchers."""

from __future__ import annotations

import importlib

from aiogram import Router

from bot.services import Services


def get_routers(services: Services) -> list[Router]:
    from bot.handlers import common, report, start

    routers = [common.setup(services), start.setup(services)]
    for name in ("bot.handlers.supervisor", "bot.handlers.admin"):
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        routers.append(mod.setup(services))
        if hasattr(mod, "setup_progress"):
            routers.append(mod.setup_progress(services))
    routers.append(report.setup(services))
    routers.append(common.setup_fallback(services))
    return routers
