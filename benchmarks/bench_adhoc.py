"""Ad hoc report benchmark: /baocaonhanh's «Gửi ngay» to 3,000 communes, against the fake Bot API over HTTP.

A fresh SQLite database with the real unit list and one officer in each of N communes; the ad hoc report (three
questions) is published and opened exactly as the handler does (``bot/handlers/adhoc.py::_publish``), then
``send_first_questions`` stores every submission and position and sends every officer the first question through the
bot's outbound layer at interactive priority. The fake server enforces a global limit (429 with retry_after above it)
and Telegram's one message per second per chat.

The clock is real; the limit is scaled so the run takes seconds: the server allows SCALE × 30 messages per second and
the outbound layer is set to the same (SCALE = 1 is Telegram's own limit: 3,000 messages need 100 s at best).

Reports: the time from «Gửi ngay» until the last commune has its first question, split into storing and sending; the
send rate achieved as a share of the allowed rate; 429 answers; messages delivered (must be N).

    .venv/bin/python benchmarks/bench_adhoc.py [--n 3000] [--scale 10]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiogram import Bot  # noqa: E402
from aiogram.client.session.aiohttp import AiohttpSession  # noqa: E402
from aiogram.client.telegram import TelegramAPIServer  # noqa: E402

from bot import outbound  # noqa: E402
from bot.app import make_services  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.devtools.fakeapi import FakeTelegram  # noqa: E402
from bot.handlers.adhoc import _publish, send_first_questions  # noqa: E402
from dialogs.adhoc import parse_questions  # noqa: E402
from dialogs.kinds import LOCAL_KINDS  # noqa: E402
from storage.db import open_database, upgrade  # noqa: E402
from storage.repo import Repo  # noqa: E402
from storage.unit_import import import_units  # noqa: E402

UNITS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "vn_units_2025.csv"
TOKEN = "5000:BENCH"
BASE_TG = 100000


async def seed(db, n: int) -> tuple[list[int], int]:
    """The unit list and one officer in each of the first ``n`` communes; returns their ids and an admin's id."""
    await import_units(db, UNITS)
    async with db.session() as s:
        repo = Repo(s)
        communes = await repo.units.list_units(None, kinds=LOCAL_KINDS)
        if len(communes) < n:
            raise SystemExit(f"only {len(communes)} communes in {UNITS.name}")
        for i, u in enumerate(communes[:n]):
            acc = await repo.accounts.ensure_account(BASE_TG + i, f"Cán bộ {u.name}")
            await repo.accounts.set_account(acc, role="officer", unit=u)
        admin = await repo.accounts.ensure_account(900, "Quản trị")
        await repo.accounts.set_account(admin, role="admin")
        await s.commit()
        return [u.id for u in communes[:n]], admin.id


async def main(n: int, scale: float, batch: int) -> None:
    allowed = 30 * scale
    tmp = tempfile.mkdtemp(prefix="bench_adhoc_")
    url = f"sqlite+aiosqlite:///{tmp}/bench.db"
    await upgrade(url)
    db = open_database(url)
    t = time.monotonic()
    unit_ids, admin_id = await seed(db, n)
    print(f"seeded {n:,} officers in {time.monotonic() - t:.1f} s")
    api = FakeTelegram(TOKEN)
    api.rate = allowed
    base = await api.start()
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(base), limit=100))
    ob = outbound.install(bot, outbound.Outbound(outbound.Limits(rate=allowed)))
    settings = Settings(_env_file=None, bot_token=TOKEN, database_url=url, admin_ids=[900])
    services = make_services(settings, db)
    await services.register_outlines()
    questions = parse_questions("Số nhà bị hư hại\nSố người phải sơ tán\nNhu cầu hỗ trợ")
    state = {"title": "Thiệt hại do bão số 15", "questions": [q.to_json() for q in questions],
             "scope": unit_ids, "hours": 8}

    t0 = time.monotonic()
    async with db.session() as s:
        repo = Repo(s)
        admin = await repo.accounts.account(admin_id)
        period, outline = await _publish(services, repo, admin, state)
    t_pub = time.monotonic()
    rep = await send_first_questions(bot, services, period, outline, batch=batch)
    t_end = time.monotonic()

    ok = sorted(c.at for c in api.calls if c.method.lower() == "sendmessage" and c.status == 200)
    span = ok[-1] - ok[0] if len(ok) > 1 else 0.0
    achieved = (len(ok) - 1) / span if span > 0 else 0.0
    n429 = sum(1 for c in api.calls if c.status == 429)
    floor = n / allowed
    print(f"ad hoc report to {rep.units:,} communes ({rep.sent:,} officers reached, {rep.failed} failed), "
          f"server limit {allowed:.0f}/s (Telegram's 30/s × {scale:g})")
    print(f"«Gửi ngay» → last commune has the first question: {t_end - t0:.1f} s "
          f"(publish + open {t_pub - t0:.2f} s, store positions and send {t_end - t_pub:.1f} s; "
          f"the limit alone needs {floor:.1f} s)")
    print(f"at Telegram's real limit this is about {(t_end - t_pub - span) + n / 30 + (t_pub - t0):.0f} s "
          f"({n:,} messages at 30/s = {n / 30:.0f} s)")
    print(f"send rate {achieved:.1f} msg/s over {span:.1f} s = {achieved / allowed:.3f} of the allowed rate; "
          f"429 answers: {n429}")
    st = ob.stats
    print(f"outbound: sent {st.sent:,}, interactive queue wait p50 {st.wait(50, outbound.INTERACTIVE):.2f} s, "
          f"p99 {st.wait(99, outbound.INTERACTIVE):.2f} s")
    await bot.session.close()
    await api.stop()
    await db.dispose()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--scale", type=float, default=10)
    ap.add_argument("--batch", type=int, default=500, help="units stored per transaction before their messages go")
    a = ap.parse_args()
    asyncio.run(main(a.n, a.scale, a.batch))
