"""Conversation set-up shared by the tests: units and their people, invitations, a unit's answers."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA

WEEKLY = "tuan-cqdp-2cap"


async def setup_units(db, *, weeks=1):
    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        periods = []
        for w in range(weeks):
            p, _ = await repo.periods.open_period(WEEKLY, f"Tuần {47 + w}/2026",
                                          deadline=datetime(2026, 11, 19 + 7 * w, 9, tzinfo=UTC))
            periods.append(p.id)
        cp = await repo.units.unit_by_code("CP")
        sup = await repo.accounts.ensure_account(800, "Người tổng hợp")
        await repo.accounts.set_account(sup, role="supervisor", unit=cp)
        await s.commit()
        return periods


async def invite(db, unit_code: str, role: str = "officer", uses: int = 5) -> str:
    async with db.session() as s:
        repo = Repo(s)
        inv = await repo.onboarding.create_invite(await repo.units.unit_by_code(unit_code), role, uses=uses)
        await s.commit()
        return inv.code


async def start_report(h, db, tg_id: int = 101, name: str = "Lan", unit_code: str = "BNV"):
    """An officer of ``unit_code`` who joined through an invite and typed /baocao: the report's first screen shown."""
    u = h.user(tg_id, name)
    await h.say(u, f"/start {await invite(db, unit_code)}")
    await h.say(u, "/baocao")
    return u


async def answers_of(db, unit_code: str, period_id: int) -> dict:
    async with db.read_session() as s:
        repo = Repo(s)
        u = await repo.units.unit_by_code(unit_code)
        sub = await repo.submissions.find_submission(u.id, period_id)
        return await repo.submissions.answers(sub.id) if sub else {}


async def _open_week_and_invites(db, codes: list[str]) -> dict[str, str]:
    """The period the bot's scheduler opens by itself for this week (same label), and an invite per unit."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from dialogs.loader import load_catalogue
    from dialogs.periods import automatic_spec
    from storage.repo import Repo
    from storage.unit_import import import_units
    from tests.conftest import DATA

    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        spec = automatic_spec(load_catalogue().get("tuan-cqdp-2cap"), datetime.now(UTC),
                              ZoneInfo("Asia/Ho_Chi_Minh"), timedelta(hours=48))
        await repo.periods.open_period("tuan-cqdp-2cap", spec.label, deadline=datetime(2099, 1, 1, tzinfo=UTC),
                               starts_on=spec.starts_on, ends_on=spec.ends_on)
        out = {c: (await repo.onboarding.create_invite(await repo.units.unit_by_code(c), "officer")).code for c in codes}
        await s.commit()
    return out
