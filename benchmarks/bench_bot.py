"""Bot benchmark: answer messages handled by the real Dispatcher (middleware, database, question engine),
the Bot API answered in-process (FakeSession), many officers answering at once.

Reports messages per second and the latency of handling one message (median, p99).

    .venv/bin/python benchmarks/bench_bot.py [--officers 200] [--answers 10] [--url DATABASE_URL]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aiogram import Bot  # noqa: E402
from aiogram.types import Update  # noqa: E402
from common import bench_database  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from bot.app import make_dispatcher, make_services  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.devtools.fakeapi import FakeSession, FakeTelegram  # noqa: E402
from storage.models import Unit  # noqa: E402
from storage.repo import Repo  # noqa: E402

TOKEN = "9999:BENCH"


async def main(n_officers: int, n_answers: int, url: str | None, concurrency: int) -> None:
    async with bench_database(url) as db:
        async with db.session() as s:
            await s.execute(insert(Unit), [{"code": f"B{i:04d}", "name": f"Bộ {i}", "kind": "bo", "path": f"/{i + 1}/",
                                            "active": True, "folded": f"bo {i}"} for i in range(n_officers)])
            repo = Repo(s)
            await repo.open_period("tuan-cqdp-2cap", "Tuần bench", deadline=datetime(2099, 1, 1, tzinfo=UTC))
            for i in range(n_officers):
                acc = await repo.ensure_account(10_000 + i, f"Cán bộ {i}")
                await repo.set_account(acc, role="officer", unit=await repo.unit_by_code(f"B{i:04d}"))
            await s.commit()
        settings = Settings(_env_file=None, bot_token=TOKEN, database_url=db.url)
        services = make_services(settings, db)
        await services.register_outlines()
        dp = make_dispatcher(services)
        api = FakeTelegram(TOKEN)
        from bot.middleware import install

        bot = install(Bot(TOKEN, session=FakeSession(api)))
        users = [api.user(10_000 + i, f"Cán bộ {i}") for i in range(n_officers)]

        async def feed(raw: dict) -> float:
            t0 = time.perf_counter()
            await dp.feed_update(bot, Update.model_validate(raw, context={"bot": bot}))
            return time.perf_counter() - t0

        async def take() -> list[dict]:
            pending, api.updates = api.updates, []
            return pending

        for u in users:
            await u.send("/baocao")
        await asyncio.gather(*(feed(r) for r in await take()))
        # the answers: the first questions of the weekly outline are counts
        values = ["40", "12", None, "9"]
        lat: list[float] = []
        t_start = time.perf_counter()
        sem = asyncio.Semaphore(concurrency)

        async def one(raw: dict) -> None:
            async with sem:
                lat.append(await feed(raw))

        total = 0
        for round_ in range(n_answers):
            text = values[round_ % len(values)] or "Xong"
            for u in users:
                await u.send(text if text != "Xong" else "xong")
            batch = await take()
            total += len(batch)
            await asyncio.gather(*(one(r) for r in batch))
        took = time.perf_counter() - t_start
        lat.sort()
        print(f"database: {db.dialect}; {n_officers} officers × {n_answers} answers = {total:,} messages, "
              f"{concurrency} handled at once")
        print(f"throughput {total / took:.0f} messages/s; handling latency median {statistics.median(lat) * 1000:.1f} ms, "
              f"p99 {lat[int(len(lat) * 0.99) - 1] * 1000:.1f} ms (includes waiting for the database under load)")
        async with db.read_session() as s:
            from sqlalchemy import func, select

            from storage.models import Answer

            n = (await s.execute(select(func.count()).select_from(Answer))).scalar_one()
        print(f"answers stored: {n:,}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--officers", type=int, default=200)
    ap.add_argument("--answers", type=int, default=8)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--url")
    a = ap.parse_args()
    asyncio.run(main(a.officers, a.answers, a.url, a.concurrency))
