"""A stored submission to build on, for the storage tests."""

from __future__ import annotations

from datetime import UTC, datetime

from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA

MINISTRIES_CSV = DATA / "vn_ministries_2025.csv"


async def _setup_submission(db):
    await import_units(db, MINISTRIES_CSV)
    async with db.session() as s:
        repo = Repo(s)
        u = await repo.units.unit_by_code("BNV")
        acc = await repo.accounts.ensure_account(2001, "Cán bộ")
        p1, created = await repo.periods.open_period("tuan-cqdp-2cap", "Tuần 47/2026",
                                             deadline=datetime(2026, 11, 19, 9, tzinfo=UTC))
        assert created
        p2, _ = await repo.periods.open_period("tuan-cqdp-2cap", "Tuần 48/2026", deadline=datetime(2026, 11, 26, 9, tzinfo=UTC))
        again, created = await repo.periods.open_period("tuan-cqdp-2cap", "Tuần 48/2026",
                                                deadline=datetime(2026, 11, 26, 9, tzinfo=UTC))
        assert not created and again.id == p2.id
        sub1 = await repo.submissions.ensure_submission(u.id, p1.id)
        sub2 = await repo.submissions.ensure_submission(u.id, p2.id)
        await s.commit()
        return u.id, acc.id, p1.id, p2.id, sub1.id, sub2.id
