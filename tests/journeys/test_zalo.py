"""Zalo (issue 25): the same conversation over the Zalo Bot API stand-in, through the real Dispatcher, the Zalo
adapter's polling, text rendering, outbound layer and web server (tests/support/zalo_harness.py)."""

from __future__ import annotations

from typing import Any

import pytest

from storage.repo import Repo
from tests.support.walk import SEEDS, Walker, check_walked, open_for
from tests.support.zalo_harness import ZaloHarness, ZaloWalkHarness, ZaloWalkUser


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
    await check_walked(db, walk, code, period_id)
    texts = [c.params["text"] for c in zh.api.sent("sendMessage")]
    assert all(1 <= len(t.encode("utf-16-le")) // 2 <= 2000 for t in texts)
    assert not zh.api.sent("editMessageText") and not [c for c in zh.api.calls if c.status != 200 and
                                                       c.method != "getUpdates"]


# --------------------------------------------------------------------------- review: supervisor on Telegram, officers on Zalo


async def _review_setup(db):
    from datetime import UTC, datetime

    from exports.sample import synth_answers
    from storage.unit_import import import_units
    from tests.conftest import DATA
    from tests.support.review import OUTLINE, WEEKLY

    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        cur, _ = await repo.periods.open_period(WEEKLY, "Tuần 47/2026", deadline=datetime(2026, 11, 26, 9, tzinfo=UTC),
                                        closes_at=datetime(2026, 11, 28, 9, tzinfo=UTC))
        ids, invites = {"cur": cur.id}, {}
        for code in ("BNV", "BTP"):
            unit = await repo.units.unit_by_code(code)
            sub = await repo.submissions.ensure_submission(unit.id, cur.id)
            ids[code], ids[f"sub_{code}"] = unit.id, sub.id
            for k, v in synth_answers(OUTLINE, unit, week=2).items():
                await repo.submissions.set_answer(sub.id, k, v, commit=False)
            invites[code] = (await repo.onboarding.create_invite(unit, "officer")).code
        sup = await repo.accounts.ensure_account(800, "Vụ Tổng hợp")
        await repo.accounts.set_account(sup, role="supervisor", unit=await repo.units.unit_by_code("CP"))
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
    from tests.support.review import status

    ids, invites = await _review_setup(db)
    bnv, btp = zh.user("zbnv", "Cán bộ Bộ Nội vụ"), zh.user("zbtp", "Cán bộ Bộ Tư pháp")
    sup = zh.tg.user(800, "Vụ Tổng hợp")
    for u, code in ((bnv, "BNV"), (btp, "BTP")):
        assert "Đã gắn tài khoản" in (await zh.say(u, invites[code]))[-1]
        await _zalo_submit(zh, u)
    assert await status(db, ids["sub_BNV"]) == "submitted"
    # the supervisor returns BNV's report on Telegram; the officer hears it on Zalo, the button as typed words (a
    # notice never renumbers the screen the officer is on)
    await zh.tg.say(sup, "/xem bo noi vu")
    await zh.tg.press(sup, "Trả lại")
    out = await zh.tg.say(sup, "câu 1: thiếu số liệu quý III")
    assert "Đã báo 1 cán bộ" in out[-1]
    told = bnv.last().text
    assert "Nhận xét: câu 1: thiếu số liệu quý III" in told and told.endswith("Gõ: mở câu 1")
    assert not [m for m in zh.tg.api.messages(800) if "Nhận xét: câu 1" in m.text]  # not echoed to Telegram
    assert await status(db, ids["sub_BNV"]) == "returned"
    inputs_before, sent_before = 0, len(bnv.inbox)
    out = await zh.say(bnv, "Mở câu 1")  # «▶ Mở câu 1» by its words
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
    told = bnv.last().text  # the button it names is typed: "gõ «xin mở lại»", listed under it
    assert "đã được duyệt" in told and "gõ «xin mở lại»" in told and told.endswith("Gõ: xin mở lại")
    assert await status(db, ids["sub_BNV"]) == "approved"
    # the officer asks to reopen it by typing the button's words, gives the reason; the supervisor agrees on Telegram
    out = await zh.say(bnv, "xin mở lại")
    assert "Ghi lý do" in out[-1]
    out = await zh.say(bnv, "Nhập nhầm số hồ sơ ở câu 3")
    assert "Đã gửi yêu cầu mở lại tới 1 người tổng hợp" in out[-1]
    assert "Bộ Nội vụ xin mở lại" in sup.last().text
    await zh.tg.press(sup, "Đồng ý")
    assert "Đã đồng ý mở lại" in sup.last().text and "đồng ý mở lại" in bnv.last().text
    # the officer of BTP was never told anything about BNV
    assert not any("Bộ Nội vụ" in m.text and "Nhận xét" in m.text for m in btp.inbox)


# --------------------------------------------------------------------------- one person, two channels: reminders once


async def _link_by_code(zh, tg, z) -> None:
    """Linking: a one-time code from Telegram typed on Zalo (a wrong one refused, the right one used once)."""
    import re

    out = await zh.tg.say(tg, "/lienket")
    code = re.search(r"/lienket (\d{6})", out[-1]).group(1)
    out = await zh.say(z, "/lienket 000000")
    assert "không đúng hoặc đã hết hạn" in out[-1]
    out = await zh.say(z, f"/lienket {code}")
    assert "Đã liên kết" in out[-1]
    assert "không đúng" in (await zh.say(z, f"/lienket {code}"))[-1]  # used once


async def test_linked_account_gets_each_reminder_once_on_the_channel_last_used(db, db_url):
    from datetime import UTC, datetime, timedelta

    from tests.support.harness import Clock
    from tests.support.schedule import TZ, WEEKLY, _scheduler, _setup

    await _setup(db, officers=(("BNV", 501),))
    clock = Clock(datetime(2026, 11, 23, 8, 0, tzinfo=TZ).astimezone(UTC))
    zh = await ZaloHarness.create(db, db_url, clock)
    try:
        sched = _scheduler(zh.tg)
        await sched.tick()  # opens week 48 and tells the officer (on Telegram: the only channel known)
        async with db.session() as s:
            repo = Repo(s)
            p = (await repo.periods.list_periods(WEEKLY))[0]
            inv = (await repo.onboarding.create_invite(await repo.units.unit_by_code("BTP"), "officer")).code
            await s.commit()
        tg = zh.tg.user(501, "Cán bộ BNV")
        z = zh.user("zbnv501", "Cán bộ BNV")
        zonly = zh.user("zbtp", "Cán bộ BTP")
        await zh.say(zonly, inv)
        await _link_by_code(zh, tg, z)
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
        # the officer then blocks the Telegram bot: the overdue reminder falls back to Zalo, once
        zh.tg.api.blocked.add(501)
        clock.t = (deadline + timedelta(hours=2)).astimezone(UTC)
        for _ in range(2):
            await sched.tick()
            await zh.zalo.drain()
        overdue = [m.text for m in z.inbox if m.text.startswith("⚠️ Đã quá hạn")]
        assert len(overdue) == 1 and not [m for m in zh.tg.api.messages(501) if m.text.startswith("⚠️")]
        async with db.read_session() as s:
            from sqlalchemy import select

            from storage.models import ReminderLog

            rows = list((await s.execute(select(ReminderLog).where(ReminderLog.period_id == p.id))).scalars())
        assert rows and all(r.status == "sent" for r in rows)
    finally:
        await zh.close()


# --------------------------------------------------------------------------- files and pictures by expiring link


async def test_files_by_expiring_link_bound_to_the_person(db, db_url):
    import io
    import re
    from datetime import timedelta

    import aiohttp
    from openpyxl import load_workbook

    from tests.support.harness import Clock

    clock = Clock()
    zh = await ZaloHarness.create(db, db_url, clock, file_link_hours=24)
    try:
        ids, invites = await _review_setup(db)
        async with db.session() as s:
            repo = Repo(s)
            sup_code = (await repo.onboarding.create_invite(await repo.units.unit_by_code("CP"), "supervisor")).code
            await s.commit()
        a, b, sup = zh.user("zfa", "Cán bộ A"), zh.user("zfb", "Cán bộ B"), zh.user("zsup", "Tổng hợp Zalo")
        await zh.say(a, invites["BNV"])
        await zh.say(b, invites["BTP"])
        await zh.say(sup, sup_code)
        out = await zh.say(a, "/mau")
        url_a = re.search(r"Tải về: (\S+)", out[-1]).group(1)
        assert "mau_BNV_" in url_a and "dành riêng cho bạn" in out[-1]
        url_b = re.search(r"Tải về: (\S+)", (await zh.say(b, "/mau"))[-1]).group(1)
        ref_a, token_a = url_a.split("/zalo/f/")[1].split("/")[:2]
        ref_b = url_b.split("/zalo/f/")[1].split("/")[0]
        async with aiohttp.ClientSession() as http:
            async with http.get(url_a) as r:
                assert r.status == 200 and "attachment" in r.headers["Content-Disposition"]
                wb = load_workbook(io.BytesIO(await r.read()))
                assert wb.sheetnames
            forged = url_a.replace(f"/{ref_a}/", f"/{ref_b}/")  # A's file under B's name
            async with http.get(forged) as r:
                assert r.status == 403 and "dành cho người khác" in await r.text()
            async with http.get(url_a.replace(token_a, token_a[:-2] + "xx")) as r:
                assert r.status == 404
            # a picture: /tiendo's chart reaches Zalo by sendPhoto with a link, fetched by Zalo's servers
            await zh.say(sup, "/tiendo")
            photos = zh.api.sent("sendPhoto")
            assert photos and photos[-1].params["photo"].startswith(zh.zalo.services.settings.web_base_url)
            assert sup.inbox and any(m.photo and m.photo.startswith(b"\x89PNG") for m in sup.inbox)
            clock.advance(hours=24, seconds=1)  # expired
            async with http.get(url_a) as r:
                assert r.status == 410 and "hết hạn" in await r.text()
            url_a2 = re.search(r"Tải về: (\S+)", (await zh.say(a, "/mau"))[-1]).group(1)
            async with http.get(url_a2) as r:
                assert r.status == 200
            async with db.session() as s:  # A leaves the unit: the link dies with the access
                acc = await Repo(s).accounts.account_by_tg(next(k for k, v in zh.zalo.addresses._map.items() if v == "zfa"))
                acc.unit_id = ids["BTP"]
                await s.commit()
            async with http.get(url_a2) as r:
                assert r.status == 403
        assert timedelta(hours=24)  # FILE_LINK_HOURS is the setting used
    finally:
        await zh.close()


# --------------------------------------------------------------------------- webhook mode


async def test_webhook_mode_and_a_forged_webhook_refused(db, db_url):
    import aiohttp

    secret = "bi-mat-webhook-zalo-123"
    zh = await ZaloHarness.create(db, db_url, zalo_webhook_secret=secret)
    try:
        s = zh.zalo.services.settings
        assert zh.api.webhook == (s.web_base_url + s.zalo_webhook_path, secret)
        assert not zh.zalo._tasks  # no long polling in webhook mode
        _, invites = await _review_setup(db)
        u = zh.user("zwh", "Cán bộ webhook")
        upd = zh.api._update(u, "message.text.received", text=invites["BNV"])
        forged = zh.api._update(u, "message.text.received", text="/baocao")
        assert await zh.api.deliver_raw(forged, secret="") == 403  # no secret
        assert await zh.api.deliver_raw(forged, secret="doan-sai-bi-mat") == 403  # a wrong one
        async with aiohttp.ClientSession() as http, http.post(s.web_base_url + s.zalo_webhook_path, json=forged) as r:
            assert r.status == 403
        assert u.inbox == []  # nothing handled, nothing answered
        assert await zh.api.deliver_raw(upd) == 200
        assert "Đã gắn tài khoản" in u.last().text
        assert await zh.api.deliver_raw(upd) == 200  # delivered twice: handled once (the invite used once)
        assert len([m for m in u.inbox if "Đã gắn tài khoản" in m.text]) == 1
        async with db.read_session() as ses:
            from storage.models import Invite

            assert (await ses.get(Invite, invites["BNV"])).uses == 1
        n = len(u.inbox)
        assert await zh.api.deliver_raw(zh.api._update(u, "message.text.received", text="/baocao")) == 200
        assert len(u.inbox) == n + 1 and "Đã trả lời 43/43 câu" in u.last().text
    finally:
        await zh.close()


# --------------------------------------------------------------------------- text-only screens (pure)


def test_buttons_become_numbered_options_and_typed_words():
    from bot.zalo.render import pick, render

    nav = [[("⬅ Quay lại", "q:5:back:"), ("Bỏ qua ➡", "q:5:skip:")],
           [("📑 Mục lục", "q:5:toc:"), ("👁 Xem lại", "q:5:review:"), ("⏸ Tạm dừng", "q:5:pause:")]]
    text, menu = render("Có làm không?", [[("Có", "q:5:opt:1"), ("Không", "q:5:opt:0")], *nav])
    assert text.endswith("1 · Có   2 · Không   0 · Bỏ qua\nGõ: quay lại · mục lục · xem lại · tạm dừng")
    assert [pick(menu, t) for t in ("1", "2", "0", "không", "CO", "quay lai", "Mục lục", "tam dung")] == [
        "q:5:opt:1", "q:5:opt:0", "q:5:skip:", "q:5:opt:0", "q:5:opt:1", "q:5:back:", "q:5:toc:", "q:5:pause:"]
    assert pick(menu, "3") is None and pick(menu, "12,5") is None and pick(menu, "đúng") is None
    # a question that takes a number has no numbered options: a typed figure stays an answer
    text, menu = render("Bao nhiêu?", [[("↩ Giữ như tuần trước", "q:6:keep:"), ("∅ Không có", "q:6:none:")], *nav])
    assert "1 ·" not in text and text.endswith("Gõ: giữ như tuần trước · không có · quay lại · bỏ qua · mục lục · "
                                               "xem lại · tạm dừng")
    assert pick(menu, "1") is None and pick(menu, "0") is None and pick(menu, "giữ") == "q:6:keep:"
    # another feature's buttons are options; long ones one a line
    text, menu = render("Chọn:", [[("Báo cáo tuần CQĐP 2 cấp — Tuần 47/2026 (16/11–22/11/2026)", "p:3")],
                                  [("Sơ kết 1 năm CQĐP 2 cấp — Kỳ thử", "p:4")]])
    assert "\n1 · Báo cáo tuần CQĐP 2 cấp — Tuần 47/2026 (16/11–22/11/2026)\n2 · Sơ kết" in text
    assert pick(menu, "2") == "p:4" and "Gõ:" not in text
    assert render("Không nút", []) == ("Không nút", None)
    # what Telegram calls a tap is typed on Zalo
    assert render("Bấm «✔ Xong nhóm» khi hết; nếu cần sửa, bấm «🔓 Xin mở lại».", [])[0] == \
        "Gõ «xong nhóm» khi hết; nếu cần sửa, gõ «xin mở lại»."
    assert render("Bấm nút dưới đây hoặc gõ /baocao để bắt đầu.", [])[0] == \
        "Gõ một lựa chọn bên dưới hoặc gõ /baocao để bắt đầu."


def test_long_screens_fit_zalo_at_line_boundaries():
    from bot.zalo.render import compact, split

    lines = [f"Dòng {i}: " + "x" * 90 for i in range(60)]
    parts = split("\n".join(lines), 2000)
    assert len(parts) == 3 and all(len(p) <= 2000 for p in parts)
    assert all(p.split("\n")[-1] in lines for p in parts) and "\n".join(parts) == "\n".join(lines)
    assert split("a" * 4500, 2000) == ["a" * 2000, "a" * 2000, "a" * 500]
    # read strictly, as a JavaScript server counts: an emoji is 2 units
    emoji = split("📋" * 2500, 2000)
    assert [len(p) for p in emoji] == [1000, 1000, 500] and "".join(emoji) == "📋" * 2500
    echo = "✔ Xong biểu.\n" + "\n".join(f"{i} Lĩnh vực — Tổng số: 72; " + "y" * 150 for i in range(20))
    question = "\n📋 III.2 — Câu hỏi\nCâu 29/86\n\nDòng 1/4: ...\nΣ TỔNG: 1\nΣ Nhóm A: 1\nΣ Nhóm B: 1"
    out = compact(echo + question, 2000)
    assert len(out) <= 2000 and out.endswith(question) and "✔ Xong biểu." in out and "xem lại" in out
    assert compact("ngắn", 2000) == "ngắn"


# --------------------------------------------------------------------------- the outbound layer on Zalo


async def test_zalo_sends_retry_429_and_5xx_and_record_the_undeliverable(zh, db):
    from sqlalchemy import select

    from storage.models import OutboundFailure

    _, invites = await _review_setup(db)
    u, gone = zh.user("zretry", "Cán bộ"), zh.user("zgone", "Cán bộ đã chặn bot")
    await zh.say(u, invites["BNV"])
    await zh.say(gone, invites["BTP"])
    zh.api.fails = [429, 502, 500]
    out = await zh.say(u, "/baocao")
    assert out and "Đã trả lời" in out[-1]  # delivered after a 429 and two 5xx
    assert [c.status for c in zh.api.calls if c.method == "sendMessage"][-4:] == [429, 502, 500, 200]
    assert zh.zalo.outbound.stats.seen_429 == 1
    assert zh.zalo.pace.cuts == 1 and zh.zalo.outbound.limits.rate == 500  # the 1000/s guess halved by the 429
    zh.api.blocked.add("zgone")
    await zh.say(gone, "/baocao")
    async with db.read_session() as s:
        rows = list((await s.execute(select(OutboundFailure))).scalars())
    assert len(rows) == 1 and rows[0].chat_id < 0 and "403" in rows[0].reason and "Đã trả lời" in (rows[0].text or "")


async def test_supervisor_on_zalo_gets_tonghop_and_xem_files_by_link(zh, db):
    import io
    import re

    import aiohttp
    from docx import Document
    from openpyxl import load_workbook

    ids, invites = await _review_setup(db)
    async with db.session() as s:
        sup_code = (await Repo(s).onboarding.create_invite(await Repo(s).units.unit_by_code("CP"), "supervisor")).code
        await s.commit()
    a, sup = zh.user("zta", "Cán bộ A"), zh.user("ztsup", "Tổng hợp Zalo")
    await zh.say(a, invites["BNV"])
    await _zalo_submit(zh, a)
    await zh.say(sup, sup_code)
    out = await zh.say(sup, "/tonghop")
    assert "1 · Tổng hợp ngay" in out[-1]
    out = await zh.say(sup, "tổng hợp ngay")  # the option's words
    links = re.findall(r"Tải về: (\S+)", "\n".join(out))
    assert [u.rsplit(".", 1)[-1] for u in links] == ["docx", "xlsx"], out
    async with aiohttp.ClientSession() as http:
        async with http.get(links[0]) as r:
            doc = Document(io.BytesIO(await r.read()))
            assert any("Bộ Nội vụ" in p.text or "BÁO CÁO" in p.text.upper() for p in doc.paragraphs)
        async with http.get(links[1]) as r:
            assert load_workbook(io.BytesIO(await r.read())).sheetnames
        await zh.say(sup, "/xem bo noi vu")
        out = await zh.say(sup, "1")  # «📄 Tải .docx»
        (link,) = re.findall(r"Tải về: (\S+\.docx)", "\n".join(out))
        async with http.get(link) as r:
            assert r.status == 200 and Document(io.BytesIO(await r.read())).paragraphs
    assert all(len(m.text) <= 2000 for m in sup.inbox)
    assert zh.zalo.text.dropped_edits > 0  # the progress ticks of /tonghop were not repeated as messages


async def test_keep_from_last_period_and_joining_by_unit_search_across_channels(zh, db):
    from datetime import UTC, datetime

    from exports.sample import synth_answers
    from storage.unit_import import import_units
    from tests.conftest import DATA
    from tests.support.review import OUTLINE, WEEKLY

    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        unit = await repo.units.unit_by_code("BNV")
        prev, _ = await repo.periods.open_period(WEEKLY, "Tuần 46/2026", deadline=datetime(2026, 11, 19, 9, tzinfo=UTC))
        old = await repo.submissions.ensure_submission(unit.id, prev.id)
        week1 = synth_answers(OUTLINE, unit, week=1)
        for k, v in week1.items():
            await repo.submissions.set_answer(old.id, k, v, commit=False)
        await repo.periods.close_period(prev)
        cur, _ = await repo.periods.open_period(WEEKLY, "Tuần 47/2026", deadline=datetime(2026, 11, 26, 9, tzinfo=UTC))
        sup = await repo.accounts.ensure_account(800, "Vụ Tổng hợp")
        await repo.accounts.set_account(sup, role="supervisor", unit=await repo.units.unit_by_code("CP"))
        await s.commit()
    u, tsup = zh.user("zkeep", "Cán bộ Bộ Nội vụ"), zh.tg.user(800, "Vụ Tổng hợp")
    # no invite: /start, the unit's name typed, the unit picked by its number, the supervisor (Telegram) agrees
    await zh.say(u, "/start")
    out = await zh.say(u, "bo noi vu")
    assert "1 · Bộ Nội vụ" in out[-1]
    await zh.say(u, "1")
    assert "Đồng ý" in " ".join(zh.tg.api.messages(800)[-1].button_texts())
    await zh.tg.press(tsup, "Đồng ý")
    assert "Yêu cầu đã được duyệt" in u.last().text
    out = await zh.say(u, "/baocao")
    assert out[-1].endswith("Gõ: đi theo từng mục · trả lời từng câu")
    out = await zh.say(u, "tra loi tung cau")  # without diacritics
    assert "Gõ: giữ như tuần trước" in out[-1]
    out = await zh.say(u, "giữ")
    assert "giữ như tuần trước" in out[0].lower() or "Giữ nguyên" in out[0]
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(unit.id, cur.id)
        first = OUTLINE.refs[0].question.key
        assert (await repo.submissions.answers(sub.id))[first] == week1[first]


async def test_zalo_has_its_own_send_budget(db, db_url):
    import asyncio
    import time

    from bot import outbound

    zh = await ZaloHarness.create(db, db_url, zalo_send_rate=10, zalo_send_burst=1)
    try:
        _, invites = await _review_setup(db)
        users = [zh.user(f"zb{i}", f"Cán bộ {i}") for i in range(2)]
        for u, code in zip(users, ("BNV", "BTP"), strict=True):
            await zh.say(u, invites[code])
        addresses = [next(k for k, v in zh.zalo.addresses._map.items() if v == u.id) for u in users]
        assert zh.zalo.outbound is not zh.tg.outbound and zh.zalo.outbound.limits.rate == 10
        tg_sent = zh.tg.outbound.stats.sent
        start = time.monotonic()
        with outbound.bulk():
            await asyncio.gather(*(zh.zalo.bot.send_message(addresses[i % 2], f"⏰ Nhắc {i}") for i in range(11)))
        elapsed = time.monotonic() - start
        assert elapsed >= 0.9, elapsed  # 11 messages at 10 per second, one at a time
        assert [m.text for m in users[0].inbox if m.text.startswith("⏰")] == [f"⏰ Nhắc {i}" for i in range(0, 11, 2)]
        assert zh.tg.outbound.stats.sent == tg_sent  # Telegram's budget untouched
    finally:
        await zh.close()


async def test_pictures_stickers_and_groups_and_a_zalo_admin(db, db_url):
    zh = await ZaloHarness.create(db, db_url, zalo_admin_ids="zadmin")
    try:
        u = zh.user("zpic", "Cán bộ")
        before = zh.zalo.polled
        await u.send_picture()
        await zh.settle(before)
        assert "chỉ nhận câu trả lời bằng chữ" in u.last().text  # what to type instead
        before = zh.zalo.polled
        await zh.api.deliver(u, "message.sticker.received", sticker="d063f44dc80821567819")
        await zh.settle(before)
        assert len(u.inbox) == 2
        group = zh.api._update(u, "message.text.received", text="/baocao")
        group["message"]["chat"] = {"id": "g123", "chat_type": "GROUP"}
        before = zh.zalo.polled
        await zh.api.deliver_raw(group)
        await zh.settle(before)
        assert len(u.inbox) == 2  # a group is not answered (a Zalo bot cannot join groups)
        admin = zh.user("zadmin", "Quản trị")
        out = await zh.say(admin, "/start")
        assert "Chào quản trị viên" in out[-1]
    finally:
        await zh.close()


# --------------------------------------------------------------------------- /mau on Zalo: the filled file back through the web page


async def test_mau_on_zalo_filled_and_uploaded_through_the_web_page(zh, db):
    import io
    import re

    import aiohttp
    from openpyxl import load_workbook

    from tests.support.review import OUTLINE as WEEKLY_OUTLINE
    from tests.support.template_fill import _cell_map
    from tests.support.upload_client import Uploader, text_of

    ids, invites = await _review_setup(db)
    a = zh.user("zup_a", "Cán bộ Bộ Nội vụ")
    await zh.say(a, invites["BNV"])
    out = "\n".join(await zh.say(a, "/mau"))
    assert "gửi lại tệp vào cuộc trò chuyện này" not in out  # Zalo brings no file to the bot: a link instead
    download = re.search(r"Tải về: (\S+)", out).group(1)
    upload = re.search(r"tải tệp lên tại: (\S+)", out).group(1)
    assert "/web/u/" in upload and "dành riêng cho bạn và kỳ báo cáo này" in out
    async with aiohttp.ClientSession() as http, http.get(download) as r:
        wb = load_workbook(io.BytesIO(await r.read()))
    q = next(r.question for r in WEEKLY_OUTLINE.refs if r.question.type == "integer")
    sheet, cell = next((s, c) for s, c, p in _cell_map(wb) if p == ["q", q.key])
    wb[sheet][cell] = 4321
    buf = io.BytesIO()
    wb.save(buf)
    browser, stranger = Uploader(upload.split("/web/")[0]), Uploader(upload.split("/web/")[0])
    try:
        status, _ = await browser.get(upload)
        assert status == 200 and browser.final.endswith("/web/upload") and "Bộ Nội vụ" in text_of(browser.last)
        status, page = await browser.upload("mau-bnv.xlsx", buf.getvalue())
        assert status == 200 and "Xem trước khi lưu" in text_of(page) and "→ 4.321" in text_of(page), text_of(page)
        status, page = await browser.confirm("apply")
        assert status == 200 and "Đã lưu 1 câu" in text_of(page), text_of(page)
        status, _ = await stranger.get(upload.replace(upload.rsplit(".", 1)[1], "A" * 43))  # a tampered link
        assert status == 403
    finally:
        await browser.close()
        await stranger.close()
    async with db.read_session() as s:
        answers = await Repo(s).submissions.answers(ids["sub_BNV"])
    assert answers[q.key] == 4321
    sup = zh.tg.user(800, "Vụ Tổng hợp")  # the supervisor (on Telegram) reads it with /xem
    out = "\n".join(await zh.tg.say(sup, "/xem bo noi vu"))
    assert "4.321" in out, out[:1500]


async def test_typed_invite_code_is_forgiving_case_spaces_and_a_pasted_invite(zh, db):
    """Zalo has no deep link carrying a start parameter (docs/zalo.md): the code is typed, so case, spaces and
    the whole invite message pasted are all understood."""
    from storage.models import Invite
    from storage.unit_import import import_units
    from tests.conftest import DATA

    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        unit = await repo.units.unit_by_code("BNV")
        codes = [(await repo.onboarding.create_invite(unit, "officer")).code for _ in range(4)]
        await s.commit()
    c = codes[0]
    typed = {
        "zinv1": " ".join(c.lower()[i:i + 4] for i in range(0, len(c), 4)),  # lower case, in groups of four
        "zinv2": f"Mã mời: {codes[1]}\nĐường dẫn: https://t.me/tro_ly_bao_cao_demo_bot?start={codes[1]}\n"
                 f"Cho: Bộ Nội vụ (cán bộ đầu mối); dùng được 1 lần.\nTrên Zalo: gõ mã mời {codes[1]}.",
        "zinv3": f"https://t.me/tro_ly_bao_cao_demo_bot?start={codes[2]}",
        "zinv4": f"/start {codes[3].upper()}",
    }
    for uid, text in typed.items():
        out = await zh.say(zh.user(uid, "Cán bộ mới"), text)
        assert any("Đã gắn tài khoản" in t and "Bộ Nội vụ" in t for t in out), (text, out)
    # a wrong code is still refused with what to do instead
    out = await zh.say(zh.user("zinv5", "Người lạ"), "XXXXYYYYZZZZ")
    assert not any("Đã gắn tài khoản" in t for t in out)
    async with db.read_session() as s:
        assert [(await s.get(Invite, x)).uses for x in codes] == [1, 1, 1, 1]


# --------------------------------------------------------------------------- cross-channel fallback


def _tries(calls, text: str) -> int:
    return sum(1 for c in calls if c.method == "sendMessage" and c.params.get("text") == text)


async def _channel_state(db, chat: int) -> tuple[str | None, bool, list[str]]:
    from sqlalchemy import select

    from storage.channels import Channels
    from storage.models import Account, OutboundFailure

    async with db.read_session() as s:
        last = await Channels(s).last_channel(chat)
        blocked = (await s.execute(select(Account.blocked).where(Account.telegram_id == chat))).scalar_one()
        rows = [f"{r.method}|{r.reason}" for r in (await s.execute(select(OutboundFailure))).scalars()]
    return last, blocked, rows


async def test_undeliverable_notice_falls_back_to_the_other_channel_once(db, db_url):
    import re

    from aiogram.exceptions import TelegramForbiddenError

    from tests.support.schedule import _setup

    await _setup(db, officers=(("BNV", 501),))
    zh = await ZaloHarness.create(db, db_url)
    try:
        tg, z = zh.tg.user(501, "Cán bộ BNV"), zh.user("zfb501", "Cán bộ BNV")
        code = re.search(r"/lienket (\d{6})", (await zh.tg.say(tg, "/lienket"))[-1]).group(1)
        assert "Đã liên kết" in (await zh.say(z, f"/lienket {code}"))[-1]
        await zh.tg.say(tg, "/baocao")  # Telegram is the channel last used
        # the person blocked the Telegram bot: the notice goes once on Zalo, recorded, Zalo becomes the channel
        zh.tg.api.blocked.add(501)
        await zh.tg.bot.send_message(501, "🔔 Thông báo một")
        assert _tries(zh.tg.api.calls, "🔔 Thông báo một") == 1 and _tries(zh.api.calls, "🔔 Thông báo một") == 1
        assert [m.text for m in z.inbox].count("🔔 Thông báo một") == 1
        last, blocked, rows = await _channel_state(db, 501)
        assert last == "zalo" and not blocked and len(rows) == 2
        assert rows[0].startswith("sendMessage|403") and rows[1].startswith("fallback:zalo|telegram: ")
        assert "đã gửi qua zalo thay thế" in rows[1]
        # the next notice goes straight to Zalo: no second try on Telegram
        await zh.tg.bot.send_message(501, "🔔 Thông báo hai")
        assert _tries(zh.tg.api.calls, "🔔 Thông báo hai") == 0 and _tries(zh.api.calls, "🔔 Thông báo hai") == 1
        # the other way: Zalo answers 403, Telegram takes it again
        zh.tg.api.blocked.discard(501)
        zh.api.blocked.add("zfb501")
        await zh.tg.bot.send_message(501, "🔔 Thông báo ba")
        assert _tries(zh.api.calls, "🔔 Thông báo ba") == 1 and _tries(zh.tg.api.calls, "🔔 Thông báo ba") == 1
        assert "🔔 Thông báo ba" not in [m.text for m in z.inbox]
        assert [m.text for m in zh.tg.api.messages(501)].count("🔔 Thông báo ba") == 1
        last, blocked, rows = await _channel_state(db, 501)
        assert last == "telegram" and not blocked and rows[-1].startswith("fallback:telegram|zalo: ")
        # both channels refuse: one try on each, never more, the error raised and recorded
        zh.tg.api.blocked.add(501)
        zh.api.calls.clear()
        with pytest.raises(TelegramForbiddenError):
            await zh.tg.bot.send_message(501, "🔔 Thông báo bốn")
        assert _tries(zh.tg.api.calls, "🔔 Thông báo bốn") == 1 and _tries(zh.api.calls, "🔔 Thông báo bốn") == 1
        last, blocked, rows = await _channel_state(db, 501)
        assert blocked and not any(r.startswith("fallback") and "bốn" in r for r in rows)
    finally:
        await zh.close()


async def test_zalo_429_hints_honoured_and_the_send_rate_adapts():
    """Zalo publishes no limits (docs/zalo.md): a 429's retry hint is waited out, a 429 without one waits 1, 2,
    4 … s while they keep coming, each 429 halves the send rate (never under the floor), quiet time restores it."""
    from aiogram import Bot
    from aiogram.exceptions import TelegramRetryAfter
    from aiogram.methods import SendMessage

    from bot import outbound
    from bot.zalo.api import ZaloError
    from bot.zalo.pace import Pace
    from bot.zalo.session import ZaloSession

    t = [0.0]
    ob = outbound.Outbound(outbound.Limits(rate=8.0, burst=3))
    pace = Pace(ob, floor=1.0, recover_after=30.0, clock=lambda: t[0])
    answers: list[Any] = [ZaloError(429, "Too Many Requests", 5.2), ZaloError(429, "Too Many Requests"),
                          ZaloError(429, "Too Many Requests"), ZaloError(429, "Too Many Requests"),
                          {"message_id": "m1", "date": 1}, ZaloError(429, "Too Many Requests")]

    class Client:
        async def send_message(self, chat: str, text: str) -> Any:
            a = answers.pop(0)
            if isinstance(a, Exception):
                raise a
            return a

    async def resolve(_: int) -> str:
        return "zalo-user"

    session = ZaloSession(Client(), resolve)  # type: ignore[arg-type]
    session.pace = pace
    bot = Bot("1:zalo", session=session)
    waits, rates = [], []
    for _ in range(6):
        try:
            await session.make_request(bot, SendMessage(chat_id=-10**15 - 1, text="Chào"))
            waits.append(0)
        except TelegramRetryAfter as e:
            waits.append(e.retry_after)
        rates.append(ob.limits.rate)
    assert waits == [6, 2, 4, 8, 0, 1]  # the hint (5.2 → 6 s); none: 2, 4, 8 in a row; after a send, 1 again
    assert rates == [4.0, 2.0, 1.0, 1.0, 1.0, 1.0]  # halved each time, never under the floor
    assert abs(ob.limits.rule("message").interval - 1.03) < 1e-9  # the outbound layer spaces sends by it
    for at, want in ((29.0, 1.0), (31.0, 1.5), (45.0, 1.5), (61.5, 2.25), (200.0, 3.375)):
        t[0] = at
        pace.on_sent()
        assert ob.limits.rate == want, (at, ob.limits.rate)
    for at in (300.0, 400.0, 500.0, 600.0, 700.0):
        t[0] = at
        pace.on_sent()
    assert ob.limits.rate == 8.0  # back to the configured guess, never above it
