"""A database with a weekly outline and its submissions, for the export tests."""

from __future__ import annotations

from datetime import UTC, datetime


async def _weekly_db(db):
    from storage.repo import Repo
    from storage.unit_import import import_units
    from tests.conftest import DATA

    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        p1, _ = await repo.periods.open_period("tuan-cqdp-2cap", "Tuần 47/2026", deadline=datetime(2026, 11, 19, 9, tzinfo=UTC))
        p2, _ = await repo.periods.open_period("tuan-cqdp-2cap", "Tuần 48/2026", deadline=datetime(2026, 11, 26, 9, tzinfo=UTC))
        clerk = await repo.accounts.ensure_account(799, "Cán bộ nhập liệu")
        # every unit sent last week's report; this week Bộ Y tế's is still a draft
        for code, prev, cur in (("BNV", 8, 10), ("BTP", 20, 20), ("BYT", 5, 7)):
            u = await repo.units.unit_by_code(code)
            s1 = await repo.submissions.ensure_submission(u.id, p1.id)
            await repo.submissions.set_answer(s1.id, "kl_nv_tong", prev, num=prev, commit=True)
            await repo.review.submit(s1, clerk, now=datetime(2026, 11, 19, 3, 5, tzinfo=UTC))
            s2 = await repo.submissions.ensure_submission(u.id, p2.id)
            await repo.submissions.set_answer(s2.id, "kl_nv_tong", cur, num=cur, commit=True)
            if code != "BYT":
                await repo.review.submit(s2, clerk, now=datetime(2026, 11, 26, 3, 5, tzinfo=UTC))
        sup = await repo.accounts.ensure_account(800, "Tổng hợp Chính phủ")
        await repo.accounts.set_account(sup, role="supervisor", unit=await repo.units.unit_by_code("CP"))
        narrow = await repo.accounts.ensure_account(801, "Tổng hợp BTP")
        await repo.accounts.set_account(narrow, role="supervisor", unit=await repo.units.unit_by_code("BTP"))
        officer = await repo.accounts.ensure_account(802, "Cán bộ")
        await repo.accounts.set_account(officer, role="officer", unit=await repo.units.unit_by_code("BNV"))
        await s.commit()
        return p1.id, p2.id
