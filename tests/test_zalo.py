"""Zalo (issue 25): the same conversation over the Zalo Bot API stand-in, through the real Dispatcher, the Zalo
adapter's polling, text rendering, outbound layer and web server (tests/zalo_harness.py)."""

from __future__ import annotations

import pytest

from storage.models import Submission
from storage.repo import Repo
from tests.test_walk_outlines import MAX_PER_INPUT, SEEDS, open_for
from tests.walk import Walker
from tests.zalo_harness import ZaloHarness, ZaloWalkHarness, ZaloWalkUser


@pytest.fixture
async def zh(db, db_url):
    h = await ZaloHarness.create(db, db_url)
    yield h
    await h.close()


@pytest.mark.parametrize("seed", sorted(SEEDS))
async def test_seed_walk_over_zalo(zh, db, seed):
    outline, csv, code, what = SEEDS[seed]
    invite, period_id = await open_for(db, outline, csv, code)
    u = zh.user(f"z{seed}a1b2c3", "Cán bộ Zalo")
    replies = await zh.say(u, invite)  # the invite code typed alone (Zalo has no deep link with a payload)
    assert "Đã gắn tài khoản" in replies[-1]
    walk = await Walker(ZaloWalkHarness(zh), ZaloWalkUser(zh, u)).run()
    print(f"\nZalo seed {seed} ({outline}, {what} {code}): {walk.inputs} inputs, {walk.bot_messages} bot messages, "
          f"{walk.per_input:.2f} per input")
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.find_submission((await repo.unit_by_code(code)).id, period_id)
        assert isinstance(sub, Submission) and sub.status == "submitted"
        assert len(await repo.answers(sub.id)) > 10
    assert walk.per_input <= MAX_PER_INPUT, walk.tail()
    texts = [c.params["text"] for c in zh.api.sent("sendMessage")]
    assert all(1 <= len(t) <= 2000 for t in texts)
    assert not zh.api.sent("editMessageText") and not [c for c in zh.api.calls if c.status != 200 and
                                                       c.method != "getUpdates"]


# --------------------------------------------------------------------------- review: supervisor on Telegram, officers on Zalo


async def _review_setup(db):
    from datetime import UTC, datetime

    from exports.sample import synth_answers
    from storage.importer import import_units
    from tests.conftest import DATA
    from tests.test_review_bot import OUTLINE, WEEKLY

    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        cur, _ = await repo.open_period(WEEKLY, "Tuần 47/2026", deadline=datetime(2026, 11, 26, 9, tzinfo=UTC),
                                        closes_at=datetime(2026, 11, 28, 9, tzinfo=UTC))
        ids, invites = {"cur": cur.id}, {}
        for code in ("BNV", "BTP"):
            unit = await repo.unit_by_code(code)
            sub = await repo.ensure_submission(unit.id, cur.id)
            ids[code], ids[f"sub_{code}"] = unit.id, sub.id
            for k, v in synth_answers(OUTLINE, unit, week=2).items():
                await repo.set_answer(sub.id, k, v, commit=False)
            invites[code] = (await repo.create_invite(unit, "officer")).code
        sup = await repo.ensure_account(800, "Vụ Tổng hợp")
        await repo.set_account(sup, role="supervisor", unit=await repo.unit_by_code("CP"))
        await s.commit()
    return ids, invites


async def _zalo_submit(zh, u) -> None:
    await zh.say(u, "/baocao")
    if "gửi báo cáo" not in zh.screen(u).text:
        await zh.press(u, "Mục lục")
        await zh.press(u, "Xem lại")
    await zh.press(u, "Gửi báo cáo")
    out = await zh.press(u, "Xác nhận gửi")
    assert any("Đã gửi báo cáo" in t for t in out), out


async def test_review_loop_supervisor_on_telegram_officers_on_zalo(zh, db):
    from tests.test_review_bot import status

    ids, invites = await _review_setup(db)
    bnv, btp = zh.user("zbnv", "Cán bộ Bộ Nội vụ"), zh.user("zbtp", "Cán bộ Bộ Tư pháp")
    sup = zh.tg.user(800, "Vụ Tổng hợp")
    for u, code in ((bnv, "BNV"), (btp, "BTP")):
        assert "Đã gắn tài khoản" in (await zh.say(u, invites[code]))[-1]
        await _zalo_submit(zh, u)
    assert await status(db, ids["sub_BNV"]) == "submitted"
    # the supervisor returns BNV's report on Telegram; the officer hears it on Zalo, with the button as a number
    await zh.tg.say(sup, "/xem bo noi vu")
    await zh.tg.press(sup, "Trả lại")
    out = await zh.tg.say(sup, "câu 1: thiếu số liệu quý III")
    assert "Đã báo 1 cán bộ" in out[-1]
    told = bnv.last().text
    assert "Nhận xét: câu 1: thiếu số liệu quý III" in told and "1 · Mở câu 1" in told
    assert not [m for m in zh.tg.api.messages(800) if "Nhận xét: câu 1" in m.text]  # not echoed to Telegram
    assert await status(db, ids["sub_BNV"]) == "returned"
    inputs_before, sent_before = 0, len(bnv.inbox)
    out = await zh.say(bnv, "1")  # «▶ Mở câu 1» by its number
    inputs_before += 1
    assert "Tổng số nhiệm vụ thuộc lĩnh vực được phân công" in out[-1]
    out = await zh.say(bnv, "99")
    inputs_before += 1
    assert out[0].startswith("✔ Đã lưu: 99 nhiệm vụ")
    assert (len(bnv.inbox) - sent_before) / inputs_before <= 1.2
    await _zalo_submit(zh, bnv)
    assert await status(db, ids["sub_BNV"]) == "submitted"
    await zh.tg.say(sup, "/xem Bộ Nội vụ")
    assert "↩ trả lại để sửa (Vụ Tổng hợp): câu 1" in sup.last().text
    await zh.tg.press(sup, "Duyệt")
    assert "Đã duyệt và khóa báo cáo của Bộ Nội vụ" in sup.last().text
    assert "đã được duyệt" in bnv.last().text and "Xin mở lại" in bnv.last().text
    assert await status(db, ids["sub_BNV"]) == "approved"
    # the officer of BTP was never told anything about BNV
    assert not any("Bộ Nội vụ" in m.text and "Nhận xét" in m.text for m in btp.inbox)


# --------------------------------------------------------------------------- one person, two channels: reminders once


async def test_linked_account_gets_each_reminder_once_on_the_channel_last_used(db, db_url):
    import re
    from datetime import UTC, datetime, timedelta

    from tests.harness import Clock
    from tests.test_periods import TZ, WEEKLY, _scheduler, _setup

    await _setup(db, officers=(("BNV", 501),))
    clock = Clock(datetime(2026, 11, 23, 8, 0, tzinfo=TZ).astimezone(UTC))
    zh = await ZaloHarness.create(db, db_url, clock)
    try:
        sched = _scheduler(zh.tg)
        await sched.tick()  # opens week 48 and tells the officer (on Telegram: the only channel known)
        async with db.session() as s:
            repo = Repo(s)
            p = (await repo.list_periods(WEEKLY))[0]
            inv = (await repo.create_invite(await repo.unit_by_code("BTP"), "officer")).code
            await s.commit()
        tg = zh.tg.user(501, "Cán bộ BNV")
        z = zh.user("zbnv501", "Cán bộ BNV")
        zonly = zh.user("zbtp", "Cán bộ BTP")
        await zh.say(zonly, inv)
        # linking: a one-time code from Telegram typed on Zalo
        out = await zh.tg.say(tg, "/lienket")
        code = re.search(r"/lienket (\d{6})", out[-1]).group(1)
        out = await zh.say(z, "/lienket 000000")
        assert "không đúng hoặc đã hết hạn" in out[-1]
        out = await zh.say(z, f"/lienket {code}")
        assert "Đã liên kết" in out[-1]
        assert "không đúng" in (await zh.say(z, f"/lienket {code}"))[-1]  # used once
        await zh.say(z, "/baocao")  # Zalo is now the channel last used (the same account: BNV's questionnaire)
        assert "Bộ Nội vụ" in z.last().text or "Câu 1/" in z.last().text

        def reminders() -> tuple[int, int, int]:
            return (sum(1 for m in zh.tg.api.messages(501) if m.text.startswith("⏰")),
                    sum(1 for m in z.inbox if m.text.startswith("⏰")),
                    sum(1 for m in zonly.inbox if m.text.startswith("⏰")))

        deadline = datetime(2026, 11, 26, 16, 0, tzinfo=TZ)
        clock.t = (deadline - timedelta(days=2)).astimezone(UTC)
        await sched.tick()
        await zh.zalo.drain()
        assert reminders() == (0, 1, 1)
        await sched.tick()  # the same moment again: nothing twice
        assert reminders() == (0, 1, 1)
        await zh.tg.say(tg, "/baocao")  # back on Telegram
        clock.t = (deadline - timedelta(hours=23)).astimezone(UTC)
        await sched.tick()
        await zh.zalo.drain()
        assert reminders() == (1, 1, 2)
        async with db.read_session() as s:
            from sqlalchemy import select

            from storage.models import ReminderLog

            rows = list((await s.execute(select(ReminderLog).where(ReminderLog.period_id == p.id))).scalars())
        assert rows and all(r.status == "sent" for r in rows)
    finally:
        await zh.close()
