"""`baocao`: the administrator's command line.

Every command prints Vietnamese for people and, with --json, JSON for machines. One module per group of
subcommands; each has ``register(subparsers)`` that adds its parsers, with ``fn`` set to an async
``(args, settings) -> exit code``. A new group is a module here and one entry in :data:`GROUPS`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.cli import answers, backup, db, demo, export, invite, issuer, link, outlines, period, units
from bot.config import get_settings

# in the order `baocao --help` lists them
GROUPS = (outlines, db, units, invite, link, backup, answers, period, export, issuer, demo)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="baocao", description="Quản trị Trợ lý báo cáo")
    sub = p.add_subparsers(dest="cmd", required=True)
    for group in GROUPS:
        group.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = get_settings()
    from dialogs.localtime import configure

    configure(settings.tz)
    try:
        return asyncio.run(args.fn(args, settings))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
