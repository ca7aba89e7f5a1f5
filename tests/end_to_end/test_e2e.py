"""End to end: the real bot, polling a fake Bot API server over HTTP."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime

import pytest

from bot.devtools.demo import Driver, answer_week_one, run_demo
from storage.db import open_database
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA, PG_URL, ROOT
from tests.support.fake_bot_api import FakeTelegram
from tests.support.processes import BOT_ENV_KEYS, spawn_bot

pytestmark = pytest.mark.slow


async def test_two_weeks_of_the_weekly_outline_over_http(db, db_url, tmp_path):
    lines: list[str] = []
    res = await run_demo(tmp_path / "demo", echo=lines.append, db_url=db_url)
    transcript = "\n".join(lines)
    p1, p2 = res["period_ids"]
    assert res["week1_answered"] == {"BNV": 43, "BTP": 40, "VPCP": 45}
    async with db.read_session() as s:
        repo = Repo(s)
        w1 = await repo.submissions.period_answers(await repo.periods.period(p1))
        w2 = await repo.submissions.period_answers(await repo.periods.period(p2))
        units = {u.code: u.id for u in await repo.units.list_units()}
    # week one: every visible question answered, lists included, all submitted
    bnv = units["BNV"]
    assert len(w1.current[bnv]) == 43
    assert w1.current[bnv]["kl_ds_hoan_thanh"][0]["thoi_gian"] == "2026-11-10"
    assert all(w1.status[units[c]] == "submitted" for c in ("BNV", "BTP", "VPCP"))
    assert "vpcp_hs_tong" in w1.current[units["VPCP"]] and "vpcp_hs_tong" not in w1.current[bnv]
    # week two: most answers kept, the changed ones changed, marks right
    assert w2.previous_period_id == p1
    for code, changed in {"BNV": {"kl_nv_tong": 75, "kl_nv_hoan_thanh": 15}, "BTP": {"tthc_tong": 120, "vb_da_ban_hanh": 9},
                          "VPCP": {"vpcp_hs_tong": 98500, "vpcp_hs_hoan_thanh": 97100}}.items():
        cur, prev = w2.current[units[code]], w1.current[units[code]]
        assert set(cur) == set(prev), code
        for k, v in cur.items():
            assert v == changed.get(k, prev[k]) or k == "kk_noi_dung", (code, k)
        assert w2.status[units[code]] == "submitted"
    delta = 75 - w1.current[bnv]["kl_nv_tong"]
    assert f"✔ Đã lưu: 75 nhiệm vụ — ▲ +{delta} so với tuần trước" in transcript
    assert "= giữ như tuần trước" in transcript
    assert "✔ Giữ nguyên" in transcript
    assert "98.500 hồ sơ" in transcript


async def _this_weeks_period_and_invite(db) -> tuple[int, str]:
    """The period the bot's scheduler opens by itself for this week (same label: it finds it, opens no other) and an
    officer's invite code for Bộ Tư pháp."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from dialogs.loader import load_catalogue
    from dialogs.periods import automatic_spec

    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        spec = automatic_spec(load_catalogue().get("tuan-cqdp-2cap"), datetime.now(UTC), ZoneInfo("Asia/Ho_Chi_Minh"),
                              timedelta(hours=48))
        p, _ = await repo.periods.open_period("tuan-cqdp-2cap", spec.label, deadline=datetime(2099, 1, 1, tzinfo=UTC),
                                      starts_on=spec.starts_on, ends_on=spec.ends_on)
        inv = await repo.onboarding.create_invite(await repo.units.unit_by_code("BTP"), "officer")
        await s.commit()
        return p.id, inv.code


async def _stored_answers(db_url: str, unit_code: str, period_id: int) -> dict:
    db2 = open_database(db_url)
    try:
        async with db2.read_session() as s:
            repo = Repo(s)
            sub = await repo.submissions.find_submission((await repo.units.unit_by_code(unit_code)).id, period_id)
            return await repo.submissions.answers(sub.id)
    finally:
        await db2.dispose()


async def test_bot_killed_mid_outline_continues_at_the_same_question(db, db_url, tmp_path):
    period_id, code = await _this_weeks_period_and_invite(db)
    api = FakeTelegram("4242:KILL-TEST")
    await api.start()
    d = Driver(api)
    u = api.user(301, "Hạnh")
    proc = await spawn_bot(api, db_url)
    try:
        got = await d.say(u, f"/start {code}")
        # the bot's scheduler may announce the open period at any time: look at every reply, not only the last
        assert any("Bộ Tư pháp" in m.text for m in got), [m.text for m in got]
        assert api.commands and api.commands[0]["command"] == "start"  # setMyCommands at start-up
        got = await d.say(u, "/baocao")
        assert any("Tổng số nhiệm vụ thuộc lĩnh vực được phân công" in m.text for m in got), [m.text for m in got]
        for text in ("31", "12"):
            await d.say(u, text)
        await d.say(u, "Nhiệm vụ một\nKL 178\nBáo cáo\n1/11/2026")
        got = await d.say(u, "Nhiệm vụ hai")  # the second item, field by field: now at "Văn bản giao việc"
        assert any("Văn bản giao việc" in m.text for m in got), [m.text for m in got]
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
        assert proc.returncode == -signal.SIGKILL
        proc = await spawn_bot(api, db_url)
        got = await d.say(u, "KL 179")  # the next message continues the same item, same field order
        # (the restarted bot's scheduler may also announce the open period: look at every reply)
        assert any("Tên sản phẩm" in m.text for m in got), [m.text for m in got]
        await d.press(u, "Bỏ trống")
        got = await d.press(u, "Bỏ trống")
        assert any("Danh sách hiện có (2" in m.text for m in got), [m.text for m in got]
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
        proc = await spawn_bot(api, db_url)
        got = await d.say(u, "/baocao")
        assert any("Liệt kê danh mục nhiệm vụ đã hoàn thành" in m.text and "2. Nhiệm vụ hai; KL 179" in m.text
                   for m in got), [m.text for m in got]
    finally:
        if proc.returncode is None:
            proc.terminate()
            await proc.wait()
        await api.stop()
    answers = await _stored_answers(db_url, "BTP", period_id)
    assert answers["kl_nv_tong"] == 31 and answers["kl_nv_hoan_thanh"] == 12
    assert [i["ten"] for i in answers["kl_ds_hoan_thanh"]] == ["Nhiệm vụ một", "Nhiệm vụ hai"]


async def test_bot_without_token_explains_and_points_to_the_demo():
    env = {k: v for k, v in os.environ.items() if k not in BOT_ENV_KEYS}
    env["PYTHONPATH"] = str(ROOT)
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=str(ROOT / "tests"), env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate()
    text = out.decode()
    assert proc.returncode == 2
    assert "@BotFather" in text and "BOT_TOKEN" in text and "baocao demo" in text
    assert "Traceback" not in err.decode()


@pytest.mark.skipif(bool(PG_URL), reason="one answering run is enough")
async def test_answer_week_one_helper_checks_the_questions(db, db_url):
    """The scripted officer refuses to answer when the bot shows another question (the e2e check is real)."""
    await import_units(db, DATA / "vn_ministries_2025.csv")
    from dialogs.loader import load_catalogue

    api = FakeTelegram()
    u = api.user(1, "A")
    api._record_send(1, {"text": "📋 II — câu khác"}, {}, document=False)
    with pytest.raises(AssertionError):
        await answer_week_one(Driver(api), u, load_catalogue().get("tuan-cqdp-2cap"), "BNV", "bo")
