"""The reminder scheduler's test set-up: a weekly outline, its time zone, the scheduler on a fake clock."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.scheduler import Scheduler
from bot.sender import Sender
from storage.models import Unit
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.harness import Clock, Harness

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


@dataclass
class Province:
    """The province of An Giang ("91") with every unit imported, a «Sơ kết 1 năm» round open over its communes
    (due 29/5/2026 17:00; the clock on 20/5 9:00) and its supervisor, Telegram id 800."""

    h: Harness
    clock: Clock
    period_id: int
    communes: list[Unit]


async def an_giang_round(db, db_url) -> Province:
    await import_units(db, DATA / "vn_units_2025.csv")
    clock = Clock(datetime(2026, 5, 20, 9, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock).start()
    async with db.session() as s:
        repo = Repo(s)
        ag = await repo.units.unit_by_code("91")  # Tỉnh An Giang
        communes = await repo.units.list_units(ag, include_root=False)
        p, _ = await repo.periods.open_period("so-ket-1-nam-2-cap", "Sơ kết 1 năm",
                                              deadline=datetime(2026, 5, 29, 17, tzinfo=TZ),
                                              unit_ids=[u.id for u in communes])
        sup = await repo.accounts.ensure_account(800, "Ban Tổ chức Tỉnh ủy")
        await repo.accounts.set_account(sup, role="supervisor", unit=ag)
        await s.commit()
    return Province(h, clock, p.id, communes)
