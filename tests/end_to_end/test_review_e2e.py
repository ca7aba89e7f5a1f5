"""The review loop end to end: the real bot (`python -m bot`) polling the fake Bot API over HTTP.
Submit → return with a comment → the officer opens the question, changes it, resubmits → approve → locked →
/baocao opens read-only → unlock asked and agreed → a change → the unlock expires in the open period: locked
again, back to the supervisor for approval, who is told which answers changed."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.devtools.demo import Driver
from dialogs.loader import load_catalogue
from dialogs.periods import automatic_spec
from exports.sample import synth_answers
from storage.db import open_database
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.fake_bot_api import FakeTelegram
from tests.support.processes import spawn_bot

pytestmark = pytest.mark.slow
WEEKLY = "tuan-cqdp-2cap"


async def _setup(db) -> tuple[int, int]:
    await import_units(db, DATA / "vn_ministries_2025.csv")
    outline = load_catalogue().get(WEEKLY)
    async with db.session() as s:
        repo = Repo(s)
        # the period the bot's scheduler would open for this week (same label: it opens no other)
        spec = automatic_spec(outline, datetime.now(UTC), ZoneInfo("Asia/Ho_Chi_Minh"), timedelta(hours=48))
        p, _ = await repo.periods.open_period(WEEKLY, spec.label, deadline=datetime(2099, 1, 1, tzinfo=UTC),
                                      starts_on=spec.starts_on, ends_on=spec.ends_on)
        unit = await repo.units.unit_by_code("BNV")
        officer = await repo.accounts.ensure_account(401, "Lan")
        await repo.accounts.set_account(officer, role="officer", unit=unit)
        sup = await repo.accounts.ensure_account(402, "Vụ Tổng hợp")
        await repo.accounts.set_account(sup, role="supervisor", unit=await repo.units.unit_by_code("CP"))
        sub = await repo.submissions.ensure_submission(unit.id, p.id)
        for k, v in synth_answers(outline, unit, week=1).items():
            await repo.submissions.set_answer(sub.id, k, v, commit=False)
        await s.commit()
        return p.id, sub.id


async def _submit(d: Driver, u) -> None:
    before = len(u.api.messages(u.id))
    await d.say(u, "/baocao")
    shown = lambda: [b for m in u.api.messages(u.id)[before:] for b in m.button_texts()]  # noqa: E731
    await until(lambda: {"📨 Gửi báo cáo", "📑 Mục lục"} & set(shown()), "the questionnaire")
    if "📨 Gửi báo cáo" not in shown():  # resumed at a question: through the table of contents
        await d.press(u, "Mục lục")
        await until(lambda: has_button(u, "👁 Xem lại"), "the table of contents")
        await d.press(u, "Xem lại")
    await until(lambda: has_button(u, "📨 Gửi báo cáo"), "the review")
    await d.press(u, "Gửi báo cáo")
    await until(lambda: has_button(u, "📨 Xác nhận gửi"), "the confirmation")
    await d.press(u, "Xác nhận gửi")
    await until(lambda: any("Đã gửi báo cáo" in t for t in u.texts()[-3:]), "the submit")


async def until(ready, what: str, timeout: float = 60.0) -> None:
    """Wait for ``ready()`` (the bot's messages may come in several bursts on a busy machine)."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while not ready():
        assert loop.time() - start < timeout, f"waited {timeout:.0f} s for {what}"
        await asyncio.sleep(0.05)


def has_button(user, label: str) -> bool:
    """``label`` on one of the user's latest messages (a scheduler notice may arrive after the screen)."""
    return any(label in m.button_texts() for m in user.api.messages(user.id)[-4:])


async def _started(api: FakeTelegram) -> None:
    await until(lambda: api.calls_of("getUpdates"), "the bot to start", 90.0)


@asynccontextmanager
async def running_bot(api: FakeTelegram, db_url: str, **settings: str):
    """The real bot polling ``api`` (started and ready), stopped afterwards."""
    await api.start()
    proc = await spawn_bot(api, db_url, **settings)
    try:
        await _started(api)
        yield
    finally:
        if proc.returncode is None:
            proc.terminate()
            await proc.wait()
        await api.stop()


async def stored_state(db_url: str, sub_id: int) -> tuple[str, bool, dict, list[str]]:
    db = open_database(db_url)
    try:
        async with db.read_session() as s:
            repo = Repo(s)
            sub = await repo.submissions.submission(sub_id)
            return (sub.status, not (await repo.review.can_edit(sub))[0], await repo.submissions.answers(sub_id),
                    [e.kind for e in await repo.review.events(sub)])
    finally:
        await db.dispose()


async def test_review_loop_over_http(db, db_url):
    period_id, sub_id = await _setup(db)
    api = FakeTelegram("4343:REVIEW-E2E")
    d = Driver(api)
    officer, sup = api.user(401, "Lan"), api.user(402, "Vụ Tổng hợp")
    # an unlock of 15 s and notices batched over 3 s, so the expiry and the supervisor's notice come within the test
    async with running_bot(api, db_url, UNLOCK_HOURS="0.004", NOTIFY_BATCH_MINUTES="0.05", SCHEDULER_INTERVAL="1"):
        await _submit(d, officer)
        # the first notice after a quiet spell goes at once
        await until(lambda: any("Bộ Nội vụ đã gửi báo cáo" in t for t in sup.texts()), "the supervisor's notice")
        got = await d.say(sup, "/xem Bộ Nội vụ")
        assert got[0].text.startswith("📄 Bộ Nội vụ")
        await until(lambda: has_button(sup, "↩ Trả lại"), "the review buttons")
        await d.press(sup, "Trả lại")
        await d.say(sup, "câu 1: số nhiệm vụ chưa đúng")
        await until(lambda: "Đã trả lại" in sup.last().text, "the return")
        told = officer.last()
        assert "Nhận xét: câu 1: số nhiệm vụ chưa đúng" in told.text and told.button_texts() == ["▶ Mở câu 1"]
        await d.press(officer, "Mở câu 1")
        await until(lambda: "Tổng số nhiệm vụ thuộc lĩnh vực được phân công" in officer.last().text, "question 1")
        got = await d.say(officer, "77")
        assert got[0].text.startswith("✔ Đã lưu: 77 nhiệm vụ — đã sửa theo yêu cầu (trước: ")
        await until(lambda: has_button(officer, "📨 Gửi lại"), "«📨 Gửi lại» after the returned question")
        await d.press(officer, "📨 Gửi lại")
        await until(lambda: any("Đã gửi báo cáo" in t for t in officer.texts()[-3:]), "the second submit")
        await _approve(d, sup, officer)
        await _read_only_then_unlock(d, sup, officer)
        await _expires(d, sup, officer)
    status, locked, answers, kinds = await stored_state(db_url, sub_id)
    assert status == "approved" and locked and answers["kl_nv_tong"] == 78
    assert kinds == ["submitted", "returned", "submitted", "approved", "unlock_requested", "unlock_approved",
                     "relocked", "approved"]


async def _approve(d: Driver, sup, officer) -> None:
    await d.say(sup, "/xem Bộ Nội vụ")
    await until(lambda: has_button(sup, "✅ Duyệt"), "the approve button")
    seen_sup, seen_officer = len(sup.texts()), len(officer.texts())
    await d.press(sup, "Duyệt")
    await until(lambda: any("Đã duyệt và khóa" in t for t in sup.texts()[seen_sup:]), "the approval")
    await until(lambda: any("đã được duyệt" in t for t in officer.texts()[seen_officer:]), "the notice")


async def _read_only_then_unlock(d: Driver, sup, officer) -> None:
    """The approved report opens read-only; «🔓 Xin mở lại», the supervisor agrees; one answer changed."""
    got = await d.say(officer, "/baocao")
    assert "đã được duyệt bởi Vụ Tổng hợp" in got[0].text and "Câu 1/" not in got[0].text
    assert got[-1].button_texts() == ["👁 Xem lại", "🔓 Xin mở lại"]
    await d.press(officer, "👁 Xem lại")
    await until(lambda: any("Tình trạng: đã duyệt" in t for t in officer.texts()[-3:]), "the read-only report")
    await d.press(officer, "🔓 Xin mở lại")
    await until(lambda: "Ghi lý do" in officer.last().text, "the reason prompt")
    await d.say(officer, "Nhập nhầm số nhiệm vụ")
    await until(lambda: has_button(sup, "✅ Đồng ý"), "the unlock request")
    await d.press(sup, "Đồng ý")
    await until(lambda: "cần bạn duyệt lại" in sup.last().text, "the agreement")
    await until(lambda: has_button(officer, "▶ Mở báo cáo"), "the unlock notice")
    await d.press(officer, "Mở báo cáo")
    await until(lambda: "Tổng số nhiệm vụ thuộc lĩnh vực được phân công" in officer.last().text, "question 1")
    got = await d.say(officer, "78")
    assert got[0].text.startswith("✔ Đã lưu: 78 nhiệm vụ")


async def _expires(d: Driver, sup, officer) -> None:
    """The unlock runs out while the period is open: nothing more is accepted, the supervisor approves again."""
    await until(lambda: any("Hết thời gian mở lại" in t for t in officer.texts()[-3:]), "the expiry", 90.0)
    got = await d.say(officer, "79")
    assert got[0].text.startswith("⛔ ") and "chờ nơi tổng hợp duyệt" in got[0].text
    assert got[0].button_texts() == ["🔓 Xin mở lại"]
    await until(lambda: any("các câu đã sửa: 1), cần duyệt lại" in t for t in sup.texts()), "the supervisor's notice")
    await _approve(d, sup, officer)
