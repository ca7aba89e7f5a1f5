"""The reminder scheduler's test set-up: a weekly outline, its time zone, the scheduler on a fake clock."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from bot.scheduler import Scheduler
from bot.sender import Sender
from storage.importer import import_units
from storage.repo import Repo
from tests.conftest import DATA
from tests.support.harness import Harness

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


WEEKLY = "tuan-cqdp-2cap"


class VTime:
    """A virtual monotonic clock: sleeping advances it instead of waiting."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.t

    async def sleep(self, dt: float) -> None:
        self.t += max(0.0, dt)
        self.slept += max(0.0, dt)
        await asyncio.sleep(0)


async def _setup(db, *, officers=(("BNV", 501), ("BTP", 502), ("BYT", 503))):
    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        for code, tg in officers:
            acc = await repo.accounts.ensure_account(tg, f"Cán bộ {code}")
            await repo.accounts.set_account(acc, role="officer", unit=await repo.units.unit_by_code(code))
        sup = await repo.accounts.ensure_account(800, "Tổng hợp")
        await repo.accounts.set_account(sup, role="supervisor", unit=await repo.units.unit_by_code("CP"))
        await s.commit()


def _scheduler(h: Harness, vt: VTime | None = None, **sender_kw) -> Scheduler:
    vt = vt or VTime()
    sender = Sender(h.bot, h.db, rate=30, clock=vt, sleep=vt.sleep, concurrency=1, now=h.clock, **sender_kw)
    return Scheduler(h.bot, h.services, sender)
