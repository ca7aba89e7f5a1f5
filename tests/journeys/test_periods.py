"""Periods, deadlines, reminders, digests, /tiendo — with a controllable clock; nothing sleeps for real."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.devtools.fakeapi import FakeSession, FakeTelegram
from bot.sender import Outgoing, Sender
from dialogs.loader import load_catalogue
from dialogs.parsing import ParseError
from dialogs.periods import due_offset, left_text, parse_deadline, parse_offsets, week_spec
from storage.models import Account, ReminderLog
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.harness import Clock, Harness
from tests.support.schedule import TZ, WEEKLY, VTime, _scheduler, _setup, an_giang_round


def test_deadline_and_offsets_parsing():
    assert parse_deadline("29/5/2026", TZ) == datetime(2026, 5, 29, 17, 0, tzinfo=TZ)
    assert parse_deadline("29/5/2026 16:30", TZ) == datetime(2026, 5, 29, 16, 30, tzinfo=TZ)
    assert parse_deadline("16h 29-05-2026", TZ) == datetime(2026, 5, 29, 16, 0, tzinfo=TZ)
    assert parse_deadline("ngày 29 tháng 5 năm 2026 8:00", TZ) == datetime(2026, 5, 29, 8, 0, tzinfo=TZ)
    with pytest.raises(ParseError):
        parse_deadline("thứ hai tuần sau", TZ)
    assert parse_offsets("2d,1d,2h") == [timedelta(days=2), timedelta(days=1), timedelta(hours=2)]
    d = datetime(2026, 11, 26, 16, tzinfo=TZ)
    offs = parse_offsets("2d,1d,2h")
    assert due_offset(d, d - timedelta(days=3), offs) is None
    assert due_offset(d, d - timedelta(days=2), offs) == timedelta(days=2)
    assert due_offset(d, d - timedelta(hours=20), offs) == timedelta(days=1)
    assert due_offset(d, d - timedelta(minutes=30), offs) == timedelta(hours=2)
    assert due_offset(d, d, offs) is None
    assert left_text(d, d - timedelta(days=1, hours=4)) == "còn 1 ngày 4 giờ"
    assert left_text(d, d + timedelta(hours=3)) == "đã quá hạn 3 giờ"


def test_week_label_window_and_deadline():
    o = load_catalogue().get(WEEKLY)
    spec = week_spec(o, datetime(2026, 11, 25).date(), TZ, timedelta(hours=48))
    assert spec.label == "Tuần 48/2026 (23/11–29/11/2026)"
    assert (spec.starts_on.isoformat(), spec.ends_on.isoformat()) == ("2026-11-23", "2026-11-29")
    assert spec.deadline == datetime(2026, 11, 26, 16, 0, tzinfo=TZ)  # thứ Năm 16:00
    assert spec.closes_at == spec.deadline + timedelta(hours=48)


def sent_texts(h: Harness, chat: int) -> list[str]:
    return [m.text for m in h.api.messages(chat)]


async def test_weekly_period_opens_at_the_right_local_time_and_closes_after_grace(db, db_url):
    await _setup(db)
    clock = Clock(datetime(2026, 11, 23, 0, 5, tzinfo=TZ).astimezone(UTC))  # Monday 00:05 in Hà Nội
    h = await Harness(db, db_url, clock, period_grace_hours=48).start()
    sched = _scheduler(h)
    rep = await sched.tick()
    assert rep.opened == [f"{WEEKLY}: Tuần 48/2026 (23/11–29/11/2026)"]
    # Saturday 28/11 15:59: the deadline (Thursday 16:00) + 48 h grace has not passed yet
    clock.t = datetime(2026, 11, 28, 15, 59, tzinfo=TZ).astimezone(UTC)
    rep = await sched.tick()
    assert rep.opened == [] and rep.closed == []
    clock.t = datetime(2026, 11, 28, 16, 0, tzinfo=TZ).astimezone(UTC)
    rep = await sched.tick()
    assert rep.closed == [f"{WEEKLY}: Tuần 48/2026 (23/11–29/11/2026)"]
    # Sunday 29/11 23:59 local is still week 48 (UTC is already... still Sunday 16:59): nothing new
    clock.t = datetime(2026, 11, 29, 23, 59, tzinfo=TZ).astimezone(UTC)
    assert (await sched.tick()).opened == []
    clock.t = datetime(2026, 11, 30, 0, 0, tzinfo=TZ).astimezone(UTC)  # Monday 00:00 local = Sunday 17:00 UTC
    rep = await sched.tick()
    assert rep.opened == [f"{WEEKLY}: Tuần 49/2026 (30/11–6/12/2026)"]
    async with db.read_session() as s:
        periods = await Repo(s).periods.list_periods(WEEKLY)
    assert [(p.label[:8], p.status) for p in periods] == [("Tuần 48/", "closed"), ("Tuần 49/", "open")]
    assert periods[1].deadline == datetime(2026, 12, 3, 16, 0, tzinfo=TZ)
    # the officers were told of each new period once, with a button to start
    msgs = h.api.messages(501)
    opened = [m for m in msgs if m.text.startswith("🆕 Kỳ báo cáo mới")]
    assert [("Tuần 48" in m.text, "Tuần 49" in m.text) for m in opened] == [(True, False), (False, True)]
    assert opened[0].button_texts() == ["▶ Làm báo cáo"]


async def test_reminder_offsets_once_only_overdue_and_digest(db, db_url):
    await _setup(db)
    o = load_catalogue().get(WEEKLY)
    start = datetime(2026, 11, 23, 8, 0, tzinfo=TZ)  # Monday; deadline Thursday 16:00
    clock = Clock(start.astimezone(UTC))
    h = await Harness(db, db_url, clock).start()
    sched = _scheduler(h)
    await sched.tick()  # opens week 48, tells everyone
    async with db.session() as s:
        repo = Repo(s)
        p = (await repo.periods.list_periods(WEEKLY))[0]
        btp = await repo.units.unit_by_code("BTP")
        sub = await repo.submissions.ensure_submission(btp.id, p.id)
        await repo.submissions.set_answer(sub.id, "kl_nv_tong", 5, num=5, commit=True)
        bnv = await repo.units.unit_by_code("BNV")
        sub2 = await repo.submissions.ensure_submission(bnv.id, p.id)
        await repo.submissions.set_answer(sub2.id, "kl_nv_tong", 5, num=5, commit=True)
        await repo.review.submit(sub2, await repo.accounts.account_by_tg(501), now=clock())
        await s.commit()
    deadline = datetime(2026, 11, 26, 16, 0, tzinfo=TZ)
    # 2 days and 1 minute before: nothing yet
    clock.t = (deadline - timedelta(days=2, minutes=1)).astimezone(UTC)
    rep = await sched.tick()
    assert rep.messages == {}
    clock.t = (deadline - timedelta(days=2)).astimezone(UTC)
    rep = await sched.tick()
    assert rep.messages == {"before": 2}  # BTP and BYT; BNV has submitted
    btp_msgs = [t for t in sent_texts(h, 502) if t.startswith("⏰")]
    assert btp_msgs and "còn 2 ngày" in btp_msgs[-1] and f"Còn {len(o.visible_refs('BTP', 'bo')) - 1}/" in btp_msgs[-1]
    assert not [t for t in sent_texts(h, 501) if t.startswith("⏰")]
    rep = await sched.tick()  # same moment again: nothing twice
    assert rep.messages == {}
    clock.t = (deadline - timedelta(hours=23)).astimezone(UTC)
    assert (await sched.tick()).messages == {"before": 2}
    clock.t = (deadline - timedelta(hours=1, minutes=59)).astimezone(UTC)
    assert (await sched.tick()).messages == {"before": 2}
    assert len([t for t in sent_texts(h, 503) if t.startswith("⏰")]) == 3
    # a restart (new services, new scheduler) on the same database sends nothing again
    h2 = await Harness(db, db_url, clock).start()
    h2.api = h.api
    assert (await _scheduler(h2).tick()).messages == {}
    # the deadline passes: one overdue notice per missing unit's officer, and the digest to the supervisor
    clock.t = (deadline + timedelta(minutes=1)).astimezone(UTC)
    rep = await sched.tick()
    assert rep.messages == {"overdue": 2, "digest": 1}
    digest = [t for t in sent_texts(h, 800) if t.startswith("📋")][-1]
    assert "Đã nộp 1/17 đơn vị" in digest and "Bộ Tư pháp (đang làm 1/" in digest and "Bộ Y tế (chưa làm)" in digest
    assert (await sched.tick()).messages == {}
    async with db.read_session() as s:
        rows = list((await s.execute(select(ReminderLog))).scalars())
    assert rows and all(r.status == "sent" for r in rows)


async def test_missed_reminder_is_sent_at_start_up(db, db_url):
    await _setup(db, officers=(("BYT", 503),))
    deadline = datetime(2026, 11, 26, 16, 0, tzinfo=TZ)
    clock = Clock((deadline - timedelta(days=1, hours=12)).astimezone(UTC))  # the bot was down at T-2d
    h = await Harness(db, db_url, clock).start()
    rep = await _scheduler(h).tick()
    assert rep.messages == {"opened": 1, "before": 1}
    assert "còn 1 ngày 12 giờ" in [t for t in sent_texts(h, 503) if t.startswith("⏰")][0]


async def test_two_processes_send_each_reminder_once(db, db_url):
    await _setup(db)
    from storage.db import open_database

    deadline = datetime(2026, 11, 26, 16, 0, tzinfo=TZ)
    clock = Clock((deadline - timedelta(hours=1)).astimezone(UTC))
    h1 = await Harness(db, db_url, clock).start()
    db2 = open_database(db_url)  # a second process: its own engine and connection pool
    try:
        h2 = await Harness(db2, db_url, clock).start()
        h2.api = h1.api
        from aiogram import Bot

        h2.bot = Bot(h1.bot.token, session=FakeSession(h1.api))
        r1, r2 = await asyncio.gather(_scheduler(h1).tick(), _scheduler(h2).tick())
    finally:
        await db2.dispose()
    total = {k: r1.messages.get(k, 0) + r2.messages.get(k, 0) for k in set(r1.messages) | set(r2.messages)}
    assert total == {"opened": 3, "before": 3}
    for chat in (501, 502, 503):
        texts = sent_texts(h1, chat)
        assert len([t for t in texts if t.startswith("⏰")]) == 1
        assert len([t for t in texts if t.startswith("🆕")]) == 1


async def test_429_403_and_5xx_are_handled_and_nothing_is_lost(db, db_url):
    await import_units(db, DATA / "vn_ministries_2025.csv")
    vt = VTime()
    api = FakeTelegram(clock=vt)
    api.rate = 5  # the server allows 5 messages a second; the sender is set to 20
    api.blocked = {7003}
    api.fail_5xx = {7004}
    from aiogram import Bot

    bot = Bot("123456:TEST-TOKEN", session=FakeSession(api))
    async with db.session() as s:
        repo = Repo(s)
        p, _ = await repo.periods.open_period(WEEKLY, "Tuần 48/2026", deadline=datetime(2026, 11, 26, 9, tzinfo=UTC))
        unit = await repo.units.unit_by_code("BNV")
        items = []
        for i in range(40):
            acc = await repo.accounts.ensure_account(7000 + i, f"Người {i}")
            log_id = await repo.outbox.claim_reminder(p.id, unit.id, f"manual:{i}", acc.id)
            items.append(Outgoing(7000 + i, f"Tin {i}", None, log_id))
        await s.commit()
    sender = Sender(bot, db, rate=20, clock=vt, sleep=vt.sleep, concurrency=1)
    rep = await sender.send_all(items)
    assert rep.sent == 39 and rep.failed == {"blocked": 1} and rep.total == 40
    assert rep.retries_429 > 0 and rep.retries_other == 1
    assert {m.chat_id for ms in api.sent.values() for m in ms} == {7000 + i for i in range(40)} - {7003}
    async with db.read_session() as s:
        rows = {r.account_id: r for r in (await s.execute(select(ReminderLog))).scalars()}
        blocked = (await s.execute(select(Account).where(Account.telegram_id == 7003))).scalar_one()
    assert blocked.blocked
    assert sum(1 for r in rows.values() if r.status == "sent") == 39
    failed = [r for r in rows.values() if r.status == "failed"]
    assert len(failed) == 1 and failed[0].error.startswith("403")
    # the virtual clock shows the sender respected the server's limit: 39 messages at 5/s take ≥ 7 s
    assert vt.slept >= 7


async def test_per_chat_limit_one_per_second():
    vt = VTime()
    api = FakeTelegram(clock=vt)
    api.per_chat_interval = 1.0
    from aiogram import Bot

    bot = Bot("123456:TEST-TOKEN", session=FakeSession(api))
    # the fake server refuses any second message within 1 s (Telegram tolerates short bursts): no burst here
    rep = await Sender(bot, None, rate=30, chat_burst=1, clock=vt, sleep=vt.sleep, concurrency=1).send_all(
        [Outgoing(42, f"Tin {i}") for i in range(5)])
    assert rep.sent == 5 and rep.retries_429 == 0 and vt.slept >= 4.0


async def test_tiendo_counts_drill_down_and_remind_now(db, db_url):
    ag = await an_giang_round(db, db_url)
    h, clock, communes = ag.h, ag.clock, ag.communes
    async with db.session() as s:
        repo = Repo(s)
        sup = await repo.accounts.account_by_tg(800)
        officer = await repo.accounts.ensure_account(601, "Cán bộ xã")
        await repo.accounts.set_account(officer, role="officer", unit=communes[0])
        done = communes[1]
        sub = await repo.submissions.ensure_submission(done.id, ag.period_id)
        await repo.submissions.set_answer(sub.id, "i_dac_diem", "Đặc điểm", num=None, commit=True)
        await repo.review.submit(sub, sup, now=clock())
        await s.commit()
        n = len(communes)
    u = h.user(800)
    out = await h.say(u, "/tiendo")
    assert f"Đã nộp 1/{n} đơn vị" in out[-1] and "trang 1/" in out[-1]
    await h.press(u, "Trang sau")
    assert "trang 2/" in u.last().text
    # drill down into one commune (province → its communes), and back up
    await h.press(u, f"{done.name}: 1/1")
    assert f"Phạm vi: {done.name}" in u.last().text and "Đã nộp 1/1 đơn vị (100%)" in u.last().text
    assert "⬆ Lên cấp trên" in u.last().button_texts()
    await h.press(u, "Lên cấp trên")
    assert "Phạm vi: Tỉnh An Giang" in u.last().text
    await h.press(u, "Nhắc ngay")
    assert "Đã gửi 1 tin nhắc" in u.last().text and f"{n - 2} đơn vị chưa có cán bộ" in u.last().text
    assert "Nơi tổng hợp nhắc" in h.api.messages(601)[-1].text
    await h.press(u, "Nhắc ngay")  # a second press is a new reminder, still within the limits
    assert len([m for m in h.api.messages(601) if "Nơi tổng hợp nhắc" in m.text]) == 2
    officer_user = h.user(601)
    out = await h.say(officer_user, "/tiendo")
    assert "dành cho người tổng hợp" in out[0]


async def test_cli_period_open_list_status_close(db, db_url, monkeypatch, capsys):
    import json

    from bot.cli import main
    from bot.config import get_settings

    await import_units(db, DATA / "vn_units_2025.csv")
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        run = lambda *a: asyncio.to_thread(main, list(a))  # noqa: E731
        assert await run("period", "open", "so-ket-1-nam-2-cap", "--deadline", "29/5/2026", "--units", "91",
                         "--label", "Sơ kết 1 năm", "--json") == 0
        opened = json.loads(capsys.readouterr().out)
        assert opened["created"] and opened["deadline_local"] == "17:00 ngày 29/5/2026"
        assert await run("period", "open", "so-ket-1-nam-2-cap", "--deadline", "ngày mai") == 2
        assert "Hạn nộp không đọc được" in capsys.readouterr().err
        assert await run("period", "list", "--json") == 0
        assert [p["label"] for p in json.loads(capsys.readouterr().out)] == ["Sơ kết 1 năm"]
        assert await run("period", "status", str(opened["id"]), "--json") == 0
        st = json.loads(capsys.readouterr().out)
        assert st["submitted"] == 0 and st["total"] == len(opened["units"]) > 50
        assert await run("period", "close", str(opened["id"])) == 0
        capsys.readouterr()
        assert await run("period", "list", "--open", "--json") == 0
        assert json.loads(capsys.readouterr().out) == []
    finally:
        get_settings.cache_clear()


async def test_moky_opens_a_period_in_the_bot(db, db_url):
    await import_units(db, DATA / "vn_ministries_2025.csv")
    clock = Clock(datetime(2026, 5, 1, 9, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock).start()
    admin = h.user(900, "Quản trị")
    out = await h.say(admin, "/moky")
    assert "Chọn đề cương" in out[0]
    await h.press(admin, "Kiểm tra CCHC 2025")
    out = await h.say(admin, "hôm qua")
    assert out[0].startswith("❗")
    out = await h.say(admin, "1/4/2026 17:00")
    assert "đã qua" in out[0]
    await h.say(admin, "29/5/2026 16:00")
    assert "hạn nộp 16:00 ngày 29/5/2026" in admin.last().text
    await h.press(admin, "Mở kỳ")
    assert "Đã mở kỳ" in admin.last().text
    async with db.read_session() as s:
        p = (await Repo(s).periods.list_periods("kiem-tra-cchc-2025"))[0]
    assert p.deadline == datetime(2026, 5, 29, 16, tzinfo=TZ)
    out = await h.say(h.user(901, "Người thường"), "/moky")
    assert "dành cho quản trị viên" in out[0]


async def test_message_claimed_by_a_dead_process_is_sent_later(db, db_url):
    await _setup(db, officers=(("BYT", 503),))
    deadline = datetime(2026, 11, 26, 16, 0, tzinfo=TZ)
    clock = Clock((deadline - timedelta(hours=1)).astimezone(UTC))
    h = await Harness(db, db_url, clock).start()
    async with db.session() as s:
        repo = Repo(s)
        p, _ = await repo.periods.open_period(WEEKLY, "Tuần 48/2026 (23/11–29/11/2026)", deadline=deadline)
        acc = await repo.accounts.account_by_tg(503)
        unit = await repo.units.unit_by_code("BYT")
        # a process claimed this reminder, then died before sending it
        await repo.outbox.claim_reminder(p.id, unit.id, "before:2h", acc.id, now=clock() - timedelta(minutes=45),
                                  text="⏰ Nhắc báo cáo (bị bỏ dở)")
        await s.commit()
    rep = await _scheduler(h).tick()
    assert rep.messages.get("resent") == 1 and rep.messages.get("before") is None  # already claimed: not twice
    assert "⏰ Nhắc báo cáo (bị bỏ dở)" in sent_texts(h, 503)
    async with db.read_session() as s:
        rows = list((await s.execute(select(ReminderLog).where(ReminderLog.kind == "before:2h"))).scalars())
    assert [r.status for r in rows] == ["sent"]
    assert (await _scheduler(h).tick()).messages.get("resent") is None
