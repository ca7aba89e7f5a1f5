"""Bot benchmark: answer messages handled by the real Dispatcher (middleware, database, question engine),
the Bot API answered in-process (FakeSession), many officers answering at once.

Prints messages per second, the latency of handling one message (p50, p99, max), the database statements
per answer message and the CPU time per message. ``--profile`` prints a pyinstrument profile of the answers
(``pip install pyinstrument``, not a runtime dependency).

    .venv/bin/python benchmarks/bench_bot.py [--db sqlite|pg] [--officers 200] [--answers 8] [--concurrency 16]
    .venv/bin/python benchmarks/bench_bot.py --url postgresql+asyncpg://postgres@127.0.0.1:5432/test_perf
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aiogram import Bot  # noqa: E402
from aiogram.types import Update  # noqa: E402
from common import PG_URL, StatementCounter, bench_database, percentile  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402

from bot.app import make_dispatcher, make_services  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.devtools.fakeapi import FakeSession, FakeTelegram  # noqa: E402
from bot.middleware import install  # noqa: E402
from storage.models import Account, Answer, Unit  # noqa: E402
from storage.repo import Repo  # noqa: E402

TOKEN = "9999:BENCH"
# the first questions of the weekly outline are counts and lists; None: "xong" (end of a list)
VALUES = ["40", "12", None, "9"]


async def seed(db: Any, n_officers: int) -> None:
    async with db.session() as s:
        await s.execute(insert(Unit), [{"code": f"B{i:04d}", "name": f"Bộ {i}", "kind": "bo", "path": f"/{i + 1}/",
                                        "active": True, "folded": f"bo {i}"} for i in range(n_officers)])
        await s.execute(insert(Account), [{"telegram_id": 10_000 + i, "full_name": f"Cán bộ {i}", "role": "officer",
                                           "unit_id": i + 1, "blocked": False, "active": True,
                                           "created_at": datetime.now(UTC)} for i in range(n_officers)])
        await Repo(s).periods.open_period("tuan-cqdp-2cap", "Tuần bench", deadline=datetime(2099, 1, 1, tzinfo=UTC))
        await s.commit()


async def main(a: argparse.Namespace) -> None:
    url = a.url or (PG_URL if a.db == "pg" else None)
    async with bench_database(url) as db:
        await seed(db, a.officers)
        settings = Settings(_env_file=None, bot_token=TOKEN, database_url=db.url)
        services = make_services(settings, db)
        await services.register_outlines()
        dp = make_dispatcher(services)
        api = FakeTelegram(TOKEN)
        bot = install(Bot(TOKEN, session=FakeSession(api)))
        users = [api.user(10_000 + i, f"Cán bộ {i}") for i in range(a.officers)]
        sem = asyncio.Semaphore(a.concurrency)
        lat: list[float] = []

        async def feed(raw: dict) -> None:
            async with sem:
                t0 = time.perf_counter()
                await dp.feed_update(bot, Update.model_validate(raw, context={"bot": bot}))
                lat.append(time.perf_counter() - t0)

        async def round_(text: str) -> int:
            for u in users:
                await u.send(text)
            batch, api.updates = api.updates, []
            await asyncio.gather(*(feed(r) for r in batch))
            return len(batch)

        await round_("/baocao")
        lat.clear()
        counter = StatementCounter(db)
        profiler = None
        if a.profile:
            from pyinstrument import Profiler

            profiler = Profiler(async_mode="disabled", interval=0.0005)
            profiler.start()
        sent_before = sum(len(v) for v in api.sent.values())
        cpu0, t_start = time.process_time(), time.perf_counter()
        total = 0
        for r in range(a.answers):
            total += await round_(VALUES[r % len(VALUES)] or "xong")
        took, cpu = time.perf_counter() - t_start, time.process_time() - cpu0
        if profiler is not None:
            profiler.stop()
        counter.close()
        replies = sum(len(v) for v in api.sent.values()) - sent_before
        async with db.read_session() as s:
            stored = (await s.execute(select(func.count()).select_from(Answer))).scalar_one()
        lat.sort()
        print(f"database: {db.dialect}; {a.officers} officers × {a.answers} answers = {total:,} messages, "
              f"{a.concurrency} handled at once")
        print(f"throughput {total / took:.0f} messages/s; handling latency p50 {percentile(lat, 50) * 1000:.1f} ms, "
              f"p99 {percentile(lat, 99) * 1000:.1f} ms, max {lat[-1] * 1000:.1f} ms")
        print(f"statements per answer message {counter.n / total:.2f} ({counter.summary(total)}); "
              f"CPU {cpu / total * 1000:.2f} ms per message; replies {replies:,}; answers stored {stored:,}")
        if profiler is not None:
            print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "pg"], default="sqlite")
    ap.add_argument("--url", help="database URL (overrides --db)")
    ap.add_argument("--officers", type=int, default=200)
    ap.add_argument("--answers", type=int, default=8)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--profile", action="store_true")
    asyncio.run(main(ap.parse_args()))
