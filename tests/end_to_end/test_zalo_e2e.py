"""End to end over Zalo: the real `python -m bot` process, polling the Zalo Bot API stand-in over HTTP — Zalo
alone (no BOT_TOKEN), killed mid-questionnaire, then Zalo beside Telegram in one process."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime

import pytest

from bot.devtools.demo import Driver
from bot.devtools.zalo_standin import ZaloStandIn, ZaloUser
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA, ROOT
from tests.support.fake_bot_api import FakeTelegram
from tests.support.processes import BOT_ENV_KEYS, free_port
from tests.support.zalo_harness import ZaloHarness

pytestmark = pytest.mark.slow


def _spawn(db_url: str, z: ZaloStandIn, tg: FakeTelegram | None, port: int) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if k not in BOT_ENV_KEYS and not k.startswith(("ZALO_", "WEB_"))}
    env.update(DATABASE_URL=db_url, ADMIN_IDS="", PYTHONPATH=str(ROOT), LOG_LEVEL="WARNING",
               SCHEDULER_INTERVAL="3600", SEND_CHAT_RATE="0", ZALO_CHAT_RATE="0", ZALO_BOT_TOKEN=z.token,
               ZALO_API_URL=z.base_url, ZALO_POLL_TIMEOUT="2", WEB_HOST="127.0.0.1", WEB_PORT=str(port),
               WEB_BASE_URL=f"http://127.0.0.1:{port}")
    if tg is not None:
        env.update(BOT_TOKEN=tg.token, TELEGRAM_API_URL=tg.base_url)
    return asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=str(ROOT), env=env,
                                          stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)


async def polling(z: ZaloStandIn, proc, timeout: float = 120.0) -> None:
    """Until the bot process polls the Zalo stand-in: its start-up (importing aiogram: seconds of CPU) is not
    counted in the first reply's wait, however loaded the machine is."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not any(c.method == "getUpdates" for c in z.calls):
        assert proc.returncode is None, "the bot process exited"
        assert loop.time() < end, "the bot process did not poll"
        await asyncio.sleep(0.1)


async def say(u: ZaloUser, text: str, *, quiet: float = 0.4, timeout: float = 30.0) -> list[str]:
    """Type ``text``; the bot's replies once it has answered and gone quiet."""
    n = len(u.inbox)
    await u.send(text)
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while len(u.inbox) == n and loop.time() < end:  # noqa: ASYNC110 - another process answers over HTTP
        await asyncio.sleep(0.05)
    seen = -1
    while seen != len(u.inbox) and loop.time() < end:
        seen = len(u.inbox)
        await asyncio.sleep(quiet)
    return [m.text for m in u.inbox[n:]]


async def test_python_m_bot_serves_zalo_alone_then_beside_telegram(db, db_url):
    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        p, _ = await repo.periods.open_period("tuan-cqdp-2cap", "Tuần thử", deadline=datetime(2099, 1, 1, tzinfo=UTC))
        inv = await repo.onboarding.create_invite(await repo.units.unit_by_code("BTP"), "officer")
        inv2 = await repo.onboarding.create_invite(await repo.units.unit_by_code("BNV"), "officer")
        await s.commit()
    z, tg = ZaloStandIn(), FakeTelegram("4343:ZALO-E2E")
    await z.start()
    await tg.start()
    port = free_port()
    u = z.user("e2e-zalo-1", "Hạnh")
    proc = await _spawn(db_url, z, None, port)
    try:
        await polling(z, proc)
        got = await say(u, inv.code)
        assert any("Bộ Tư pháp" in t for t in got), got
        got = await say(u, "/baocao")
        if "Chọn báo cáo" in got[-1]:  # the scheduler opened this week's period too: pick ours by its number
            n = next(line.split(" · ")[0] for line in got[-1].splitlines() if line.endswith("Tuần thử"))
            got = await say(u, n)
        assert any("Tổng số nhiệm vụ thuộc lĩnh vực được phân công" in t for t in got), got
        assert "Gõ: không có · quay lại · bỏ qua · mục lục · xem lại · tạm dừng" in got[-1]
        await say(u, "31")
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
        # restarted with Telegram as well: the Zalo officer goes on where they were, their typed words still work
        proc = await _spawn(db_url, z, tg, port)
        while not z.calls or z.calls[-1].method != "getUpdates":  # noqa: ASYNC110 - polling started (after notices)
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)
        got = await say(u, "quay lại")  # a typed command picks from the menu stored before the kill
        assert any("Tổng số nhiệm vụ" in t and "31" in t for t in got), got
        await say(u, "bỏ qua")
        got = await say(u, "12")
        assert any("✔ Đã lưu: 12" in t for t in got), got
        t = tg.user(777, "Telegram")
        d = Driver(tg)
        got = await d.say(t, f"/start {inv2.code}")
        assert any("Bộ Nội vụ" in m.text for m in got), [m.text for m in got]
        assert all(len(m.text) <= 2000 for m in u.inbox)
    finally:
        if proc.returncode is None:
            proc.terminate()
            await proc.wait()
        await z.stop()
        await tg.stop()
    async with db.read_session() as s:
        repo = Repo(s)
        answers = await repo.submissions.answers((await repo.submissions.find_submission((await repo.units.unit_by_code("BTP")).id, p.id)).id)
    assert answers["kl_nv_tong"] == 31 and answers["kl_nv_hoan_thanh"] == 12


class ProcessHarness(ZaloHarness):
    """The Walker's harness against a bot in another process: a reply is complete once the bot has gone quiet."""

    def __init__(self, api: ZaloStandIn):
        super().__init__(None, api, None)  # type: ignore[arg-type]

    async def say(self, u: ZaloUser, text: str) -> list[str]:
        self._mark[u.id] = len(u.inbox)
        return await say(u, text, quiet=0.3)


async def test_a_seed_walked_over_zalo_through_the_bot_process(db, db_url):
    from tests.support.walk import MAX_PER_INPUT, SEEDS, Walker, open_for
    from tests.support.zalo_harness import ZaloWalkHarness, ZaloWalkUser

    outline, csv, code, _ = SEEDS["004"]
    invite, period_id = await open_for(db, outline, csv, code)
    z = ZaloStandIn()
    await z.start()
    proc = await _spawn(db_url, z, None, free_port())
    try:
        await polling(z, proc)
        h = ProcessHarness(z)
        u = h.user("e2e-walk-004", "Cán bộ phường")
        assert any("Đã gắn tài khoản" in t for t in await h.say(u, invite))
        walk = await Walker(ZaloWalkHarness(h), ZaloWalkUser(h, u)).run()
        assert walk.per_input <= MAX_PER_INPUT, walk.tail()
    finally:
        proc.terminate()
        await proc.wait()
        await z.stop()
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission((await repo.units.unit_by_code(code)).id, period_id)
        assert sub.status == "submitted" and len(await repo.submissions.answers(sub.id)) > 10
