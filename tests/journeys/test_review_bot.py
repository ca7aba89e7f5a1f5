"""Reviewing one unit's report through the real Dispatcher: /xem, return with a comment, resubmit, approve (locked),
unlock approved and expiring, batched notices, and a supervisor never acting outside the scope (forged buttons)."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from docx import Document

from bot.callbacks import OpenQ, ReviewButton, UnlockAsk, UnlockDecision
from bot.scheduler import TickReport
from dialogs.lifecycle import Lock
from exports.sample import synth_answers
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.harness import Harness
from tests.support.review import OUTLINE, WEEKLY, status
from tests.support.schedule import _scheduler

OFFICERS = {"BNV": 101, "BTP": 102, "BYT": 103}


async def setup(db, *, prefill=("BNV",)) -> dict:
    """Ministries; last week (answered) and this week's period; officers of BNV, BTP, BYT; supervisor 800 over
    the whole government (CP), supervisor 810 over Bộ Tư pháp only; this week's answers prefilled (not submitted)."""
    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        prev, _ = await repo.periods.open_period(WEEKLY, "Tuần 46/2026", deadline=datetime(2026, 11, 19, 9, tzinfo=UTC))
        cur, _ = await repo.periods.open_period(WEEKLY, "Tuần 47/2026", deadline=datetime(2026, 11, 26, 9, tzinfo=UTC),
                                        closes_at=datetime(2026, 11, 28, 9, tzinfo=UTC))
        await repo.periods.close_period(prev)
        ids = {"prev": prev.id, "cur": cur.id}
        for code, tg in OFFICERS.items():
            unit = await repo.units.unit_by_code(code)
            ids[code] = unit.id
            acc = await repo.accounts.ensure_account(tg, f"Cán bộ {code}")
            await repo.accounts.set_account(acc, role="officer", unit=unit)
            if code in prefill:
                old = await repo.submissions.ensure_submission(unit.id, prev.id)
                for k, v in synth_answers(OUTLINE, unit, week=1).items():
                    await repo.submissions.set_answer(old.id, k, v, now=datetime(2026, 11, 18, 9, tzinfo=UTC))
                sub = await repo.submissions.ensure_submission(unit.id, cur.id)
                ids[f"sub_{code}"] = sub.id
                for k, v in synth_answers(OUTLINE, unit, week=2).items():  # entered before the tests' clock
                    await repo.submissions.set_answer(sub.id, k, v, now=datetime(2026, 11, 23, 9, tzinfo=UTC))
        sup = await repo.accounts.ensure_account(800, "Vụ Tổng hợp")
        await repo.accounts.set_account(sup, role="supervisor", unit=await repo.units.unit_by_code("CP"))
        narrow = await repo.accounts.ensure_account(810, "Người tổng hợp Bộ Tư pháp")
        await repo.accounts.set_account(narrow, role="supervisor", unit=await repo.units.unit_by_code("BTP"))
        await s.commit()
    return ids


async def submit(h: Harness, user) -> None:
    await h.say(user, "/baocao")
    if "📨 Gửi báo cáo" not in user.last().button_texts():  # resumed at a question: through the review
        await h.press(user, "Mục lục")
        await h.press(user, "Xem lại")
    await h.press(user, "Gửi báo cáo")
    out = await h.press(user, "Xác nhận gửi")
    assert any("Đã gửi báo cáo" in t for t in out), out


@pytest.fixture
async def h(db, db_url):
    yield await Harness(db, db_url).start()


async def test_return_resubmit_approve_locked(h, db):
    ids = await setup(db)
    officer, sup = h.user(101), h.user(800, "Vụ Tổng hợp")
    await submit(h, officer)
    out = await h.say(sup, "/xem bo noi vu")
    assert out[0].startswith("📄 Bộ Nội vụ") and "Tình trạng: đã gửi" in out[0]
    assert {"↩ Trả lại", "✅ Duyệt", "📄 Tải .docx"} <= set(sup.last().button_texts())
    out = await h.press(sup, "Trả lại")
    assert "Gõ nhận xét" in out[-1]
    out = await h.say(sup, "câu 1: thiếu số liệu quý III")
    assert "Đã trả lại báo cáo của Bộ Nội vụ" in out[-1] and "(câu 1)" in out[-1] and "Đã báo 1 cán bộ" in out[-1]
    told = officer.last()
    assert "Nhận xét: câu 1: thiếu số liệu quý III" in told.text and "/c1" in told.text
    assert told.button_texts() == ["▶ Mở câu 1"]
    assert await status(db, ids["sub_BNV"]) == "returned"
    out = await h.press(officer, "Mở câu 1")
    assert "Tổng số nhiệm vụ thuộc lĩnh vực được phân công" in out[-1]
    out = await h.say(officer, "99")
    assert out[0].startswith("✔ Đã lưu: 99 nhiệm vụ")
    await submit(h, officer)
    assert await status(db, ids["sub_BNV"]) == "submitted"
    await h.say(sup, "/xem Bộ Nội vụ")
    hist = sup.last().text
    assert "↩ trả lại để sửa (Vụ Tổng hợp): câu 1: thiếu số liệu quý III [câu 1]" in hist
    assert hist.count("📨 gửi báo cáo") == 2
    await h.press(sup, "Duyệt")
    assert "Đã duyệt và khóa báo cáo của Bộ Nội vụ" in sup.last().text
    assert "đã được duyệt" in officer.last().text and officer.last().button_texts() == ["🔓 Xin mở lại"]
    assert await status(db, ids["sub_BNV"]) == "approved"
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.submission(ids["sub_BNV"])
        ok, why = await repo.review.can_edit(sub, h.clock())
        assert not ok and why is Lock.APPROVED
        events = [(e.kind, e.keys, e.by_account is not None) for e in await repo.review.events(sub)]
    assert events[:2] == [("submitted", None, True), ("returned", ["kl_nv_tong"], True)]
    assert events[-1][0] == "approved"
    # a second approval (an old button) changes nothing
    await h.press(sup, "x", data=ReviewButton(action="ok", unit=ids["BNV"], period=ids["cur"]).pack())
    assert "đang ở trạng thái «đã duyệt»" in h.alerts()[-1]


async def test_unlock_approved_then_expires(h, db):
    ids = await setup(db)
    officer, sup, narrow = h.user(101), h.user(800), h.user(810)
    await submit(h, officer)
    h.clock.t = datetime(2026, 11, 28, 10, tzinfo=UTC)  # the period has closed
    await h.press(officer, "x", data=UnlockAsk(submission=ids["sub_BNV"]).pack())
    assert "Ghi lý do" in officer.last().text
    out = await h.say(officer, "   ")
    out = await h.say(officer, "Nhập nhầm số hồ sơ ở câu 3")
    assert "Đã gửi yêu cầu mở lại tới 1 người tổng hợp" in out[-1]
    ask = sup.last()
    assert "Bộ Nội vụ xin mở lại" in ask.text and "Nhập nhầm số hồ sơ ở câu 3" in ask.text
    # the Bộ Tư pháp supervisor forges the button: refused, nothing decided
    await h.press(narrow, "x", data=ask.buttons[0][0]["callback_data"])
    assert "không thuộc phạm vi" in h.alerts()[-1]
    await h.press(sup, "Đồng ý")
    assert "Đã đồng ý mở lại" in sup.last().text
    assert "đồng ý mở lại" in officer.last().text and officer.last().button_texts() == ["▶ Mở báo cáo"]
    await h.press(sup, "Từ chối")  # only the first decision counts
    assert "đã được xử lý trước đó (đồng ý)" in h.alerts()[-1]
    async with db.read_session() as s:
        repo = Repo(s)
        assert (await repo.review.can_edit(await repo.submissions.submission(ids["sub_BNV"]), h.clock()))[0]
    # while unlocked, /baocao offers the closed period again (for this unit only)
    out = await h.say(officer, "/baocao")
    assert not any("chưa có kỳ báo cáo nào đang mở" in t for t in out) and any("Báo cáo:" in t for t in out)
    h.clock.advance(hours=24, minutes=1)
    await _scheduler(h).tick()
    assert "Hết thời gian mở lại" in officer.last().text and "đã khóa lại" in officer.last().text
    out = await h.say(officer, "/baocao")
    assert any("chưa có kỳ báo cáo nào đang mở" in t for t in out)
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.submission(ids["sub_BNV"])
        ok, why = await repo.review.can_edit(sub, h.clock())
        assert not ok and why is Lock.UNLOCK_EXPIRED
        assert [e.kind for e in await repo.review.events(sub)][-1] == "relocked"


async def test_large_change_reason_shown_in_xem(h, db):
    ids = await setup(db)
    async with db.session() as s:
        repo = Repo(s)
        await repo.submissions.set_answer(ids["sub_BNV"], "kl_nv_tong", 500, num=500, commit=True)
        assert await repo.submissions.set_reason(ids["sub_BNV"], "kl_nv_tong", "Nhận thêm nhiệm vụ của Bộ sáp nhập")
        await s.commit()
    out = await h.say(h.user(800), "/xem bộ nội vụ")
    line = next(t for t in "\n".join(out).split("\n") if "Tổng số nhiệm vụ" in t)
    assert "500 nhiệm vụ" in line and "▲" in line and "lý do: Nhận thêm nhiệm vụ của Bộ sáp nhập" in line
    assert all(len(t) <= 4096 for t in out)
    # the unit's own .docx, by the /tonghop renderer
    await h.press(h.user(800), "Tải .docx")
    doc = h.api.messages(800)[-1]
    assert doc.document is not None and doc.document[0].startswith("bao-cao_BNV_")
    text = "\n".join(p.text for p in Document(io.BytesIO(doc.document[1])).paragraphs)
    assert "Bộ Nội vụ" in text and "500" in text


async def test_supervisor_never_sees_or_acts_outside_scope(h, db):
    ids = await setup(db)
    officer, narrow, other = h.user(101), h.user(810), h.user(102)
    await submit(h, officer)
    out = await h.say(narrow, "/xem bo noi vu")
    assert "trong phạm vi bạn phụ trách" in out[0] and "Bộ Nội vụ" not in "".join(out[1:])
    out = await h.say(narrow, "/xem bo tu phap")
    assert out[0].startswith("📄 Bộ Tư pháp")
    before = len(h.api.messages(810))
    for action in ("u", "v", "per", "doc", "ret", "ok"):
        await h.press(narrow, "x", data=ReviewButton(action=action, unit=ids["BNV"], period=ids["cur"]).pack())
        assert "không thuộc phạm vi" in h.alerts()[-1], action
    assert len(h.api.messages(810)) == before  # nothing shown, no document
    assert await status(db, ids["sub_BNV"]) == "submitted"
    async with db.read_session() as s:
        assert (await Repo(s).positions.position(810)) is None  # not waiting for a comment
    # officers: no supervisor buttons; no other unit's questions or unlocks
    await h.press(other, "x", data=ReviewButton(action="ok", unit=ids["BNV"], period=ids["cur"]).pack())
    assert "dành cho người tổng hợp" in h.alerts()[-1]
    await h.press(other, "x", data=OpenQ(submission=ids["sub_BNV"], question=0).pack())
    assert "dành cho cán bộ đầu mối của đơn vị" in h.alerts()[-1]
    await h.press(other, "x", data=UnlockAsk(submission=ids["sub_BNV"]).pack())
    assert "dành cho cán bộ đầu mối của đơn vị" in h.alerts()[-1]
    await h.press(narrow, "x", data=UnlockDecision(request=12345, approve=1).pack())
    assert "không còn" in h.alerts()[-1]
    assert await status(db, ids["sub_BNV"]) == "submitted"


async def test_first_notice_at_once_then_the_following_ones_batched(h, db):
    """Issue 22: the first notice after a quiet spell goes at once (the scheduler's loop is woken); the ones that
    follow within NOTIFY_BATCH_MINUTES of it go together in one message."""
    await setup(db, prefill=tuple(OFFICERS))
    sup = h.user(800)
    sched = _scheduler(h)

    async def tick() -> None:  # the step a queued notice wakes (a full tick would also open next week's period)
        await sched.send_notices()
    bnv, btp, byt = (h.user(tg) for tg in OFFICERS.values())
    assert not h.services._notices_event.is_set()
    await submit(h, bnv)
    assert h.services._notices_event.is_set()  # run_scheduler waits on it: the tick comes now, not in 30 s
    await tick()
    notices = [m for m in h.api.messages(800) if "đã gửi báo cáo" in m.text]
    assert len(notices) == 1 and notices[0].text.startswith("Bộ Nội vụ đã gửi báo cáo")
    h.clock.advance(minutes=1)
    await submit(h, btp)
    await submit(h, byt)
    await tick()
    h.clock.advance(minutes=8)
    await tick()
    assert len([m for m in h.api.messages(800) if "đã gửi báo cáo" in m.text]) == 1  # within 10 min: waiting
    h.clock.advance(minutes=1)
    await tick()
    notices = [m for m in h.api.messages(800) if "đã gửi báo cáo" in m.text]
    assert len(notices) == 2
    text = notices[1].text
    assert text.startswith("📨 2 đơn vị vừa gửi báo cáo:") and "Bộ Tư pháp" in text and "Bộ Y tế" in text
    assert len(notices[1].button_texts()) == 2 and all(b.startswith("👁 Xem") for b in notices[1].button_texts())
    h.clock.advance(minutes=30)
    await tick()
    assert len([m for m in h.api.messages(800) if "đã gửi báo cáo" in m.text]) == 2
    # the narrow supervisor (Bộ Tư pháp only) was told of their unit only, at once (their first notice)
    narrow = [m.text for m in h.api.messages(810) if "đã gửi báo cáo" in m.text]
    assert len(narrow) == 1 and "Bộ Tư pháp" in narrow[0] and "Bộ Nội vụ" not in narrow[0]
    # the button opens that unit's report
    await h.press(sup, "👁 Xem Bộ Y tế")
    assert any(t.startswith("📄 Bộ Y tế") for t in sup.texts())


async def test_queued_notice_wakes_the_scheduler_loop(h):
    import asyncio

    waiting = asyncio.create_task(h.services.notices_or_timeout(30))
    await asyncio.sleep(0.01)
    assert not waiting.done()
    h.services.wake_notices()
    assert await asyncio.wait_for(waiting, 1) is True  # returned at once, not after 30 s
    assert not h.services._notices_event.is_set()
    assert await h.services.notices_or_timeout(0.01) is False


# --------------------------------------------------------------------------- issue 22: the review loop without traps

BUTTON_NAME = re.compile(r"«([^«»\w][^«»]*)»")  # «🔓 Xin mở lại», «📨 Gửi lại»: a quoted name starting with a symbol


def named_but_missing(messages) -> list[str]:
    """Messages naming a button («🔓 Xin mở lại») that they do not carry."""
    return [f"{name!r} named in: {m.text[:120]!r}" for m in messages for name in BUTTON_NAME.findall(m.text or "")
            if name not in m.button_texts()]


async def approve(h: Harness, officer, sup) -> None:
    await submit(h, officer)
    await h.say(sup, "/xem Bộ Nội vụ")
    await h.press(sup, "Duyệt")


async def test_approved_report_opens_read_only(h, db):
    ids = await setup(db)
    officer, sup = h.user(101), h.user(800, "Vụ Tổng hợp")
    await approve(h, officer, sup)
    out = await h.say(officer, "/baocao")
    assert len(out) == 1 and "Câu 1/" not in out[0]
    assert out[0].startswith("✅ Báo cáo «") and "Tuần 47/2026 của Bộ Nội vụ đã được duyệt bởi Vụ Tổng hợp lúc 9:00" \
        in out[0] and "chỉ xem được" in out[0]
    assert officer.last().button_texts() == ["👁 Xem lại", "🔓 Xin mở lại"]
    out = await h.say(officer, "5")  # typed text does not reach the questionnaire, nothing is stored
    assert "Gõ /baocao" in out[0]
    out = await h.say(officer, "/c1")  # opening a question shows the read-only screen again
    assert out[0].startswith("✅ Báo cáo «") and officer.last().button_texts() == ["👁 Xem lại", "🔓 Xin mở lại"]
    out = await h.press(officer, "👁 Xem lại")
    text = "\n".join(out)
    assert out[0].startswith("📄 Bộ Nội vụ") and "Tình trạng: đã duyệt" in text and "221 nhiệm vụ" in text
    assert "Khi trả lại" not in text  # the supervisor's hint is not for the officer
    assert officer.last().button_texts() == ["🔓 Xin mở lại"]
    async with db.read_session() as s:
        assert (await Repo(s).submissions.answers(ids["sub_BNV"]))["kl_nv_tong"] == 221
    assert named_but_missing(h.api.messages(101)) == []


async def test_returned_questions_walked_with_the_comment_then_send_again(h, db):
    ids = await setup(db)
    officer, sup = h.user(101), h.user(800, "Vụ Tổng hợp")
    await submit(h, officer)
    await h.say(sup, "/xem Bộ Nội vụ")
    await h.press(sup, "Trả lại")
    await h.say(sup, "câu 1, câu 2: số liệu chưa đúng")
    assert officer.last().button_texts() == ["▶ Mở câu 1"]
    out = await h.say(officer, "/baocao")  # /baocao also starts at the first question to fix
    assert "↩ Nơi tổng hợp yêu cầu sửa: câu 1, câu 2: số liệu chưa đúng\n" in out[-1] and "Câu 1/43" in out[-1]
    out = await h.press(officer, "Mở câu 1")
    assert out[-1].startswith("↩ Nơi tổng hợp yêu cầu sửa: câu 1, câu 2: số liệu chưa đúng\n") and "Câu 1/43" in out[-1]
    out = await h.say(officer, "230")
    assert out[0].startswith("✔ Đã lưu: 230 nhiệm vụ — đã sửa theo yêu cầu (trước: 221 nhiệm vụ)")
    assert "— mới" not in out[0]
    assert "↩ Nơi tổng hợp yêu cầu sửa: câu 1, câu 2" in out[-1] and "Câu 2/43" in out[-1]  # the next returned one
    out = await h.say(officer, "30")
    assert "đã sửa theo yêu cầu (trước: 26 nhiệm vụ)" in out[0] and "vì sao?" in out[-1]  # a large change: why
    out = await h.say(officer, "Nhận thêm nhiệm vụ từ Bộ sáp nhập")
    # both returned questions done: straight to «📨 Gửi lại», not on to question 3
    assert "Câu 3/43" not in out[-1] and "Gửi lại báo cáo" in out[-1]
    assert officer.last().button_texts() == ["📨 Gửi lại", "👁 Xem lại"]
    out = await h.press(officer, "📨 Gửi lại")
    assert any("Đã gửi báo cáo" in t for t in out)
    assert await status(db, ids["sub_BNV"]) == "submitted"
    assert named_but_missing(h.api.messages(101)) == []


async def approved_then_unlocked(h: Harness, db, reason: str) -> tuple[dict, object, object, list[str]]:
    """BNV's report submitted, approved, an unlock asked with ``reason`` and agreed: ids, officer, supervisor and
    what the supervisor was told on agreeing."""
    ids = await setup(db)
    officer, sup = h.user(101), h.user(800, "Vụ Tổng hợp")
    await approve(h, officer, sup)
    await h.press(officer, "🔓 Xin mở lại")
    await h.say(officer, reason)
    return ids, officer, sup, await h.press(sup, "Đồng ý")


async def test_unlock_in_an_open_period_is_time_limited_and_goes_back_for_approval(h, db):
    ids, officer, sup, out = await approved_then_unlocked(h, db, "Nhập nhầm số nhiệm vụ ở câu 1")
    assert "cần bạn duyệt lại" in out[-1]  # the supervisor is told it will need approving again
    assert "chờ nơi tổng hợp duyệt lại" in officer.last().text
    assert await status(db, ids["sub_BNV"]) == "unlocked"
    out = await h.say(officer, "/baocao")  # how long the unlock lasts, not "editable until the period closes"
    assert out[0].startswith("🔓 Báo cáo đang được mở lại để sửa đến 9:00 ngày 25/11/2026; khi bạn gửi lại hoặc hết "
                             "giờ, báo cáo khóa và chờ nơi tổng hợp duyệt lại.") and "đến khi đóng kỳ" not in out[0]
    await h.press(officer, "Mở báo cáo")
    out = await h.say(officer, "225")
    assert out[0].startswith("✔ Đã lưu: 225 nhiệm vụ")
    h.clock.advance(hours=24, minutes=1)  # the unlock expires; the period is still open (closes 28/11)
    sched = _scheduler(h)
    await sched._relock(h.clock(), TickReport())  # the scheduler's steps (a full tick also opens next week's period)
    await sched._notices(h.clock(), TickReport())
    told = [m for m in h.api.messages(101) if "Hết thời gian mở lại" in m.text][-1]
    assert "chờ nơi tổng hợp duyệt lại" in told.text and told.button_texts() == ["🔓 Xin mở lại"]
    assert await status(db, ids["sub_BNV"]) == "corrected"
    # no change is accepted any more, even though the period is open
    out = await h.say(officer, "/baocao")
    assert out[0].startswith("📨 Báo cáo «") and "chờ nơi tổng hợp duyệt lại" in out[0]
    async with db.session() as s:  # an officer still on a question screen types a new figure
        repo = Repo(s)
        await repo.positions.save_position((await repo.accounts.account_by_tg(101)).id, submission_id=ids["sub_BNV"],
                                 question_key="kl_nv_tong", mode="question", state={})
        await s.commit()
    out = await h.say(officer, "300")
    assert out[0].startswith("⛔ Báo cáo kỳ «Tuần 47/2026» đã được gửi lại sau khi mở lại")
    assert officer.last().button_texts() == ["🔓 Xin mở lại"]
    async with db.read_session() as s:
        assert (await Repo(s).submissions.answers(ids["sub_BNV"]))["kl_nv_tong"] == 225
    # the supervisor: which answers changed, and the report to approve again
    notice = [m for m in h.api.messages(800) if "sau khi được mở lại" in m.text][-1]
    assert "hết thời gian mở lại, đã khóa sau khi được mở lại (các câu đã sửa: 1), cần duyệt lại" in notice.text
    out = await h.say(sup, "/xem Bộ Nội vụ")
    assert "Tình trạng: đã sửa sau khi mở lại, chờ duyệt lại" in out[0] and "✅ Duyệt" in sup.last().button_texts()
    await h.press(sup, "Duyệt")
    assert await status(db, ids["sub_BNV"]) == "approved"
    assert named_but_missing(h.api.messages(101) + h.api.messages(800)) == []


async def test_sending_again_under_an_unlock_ends_it(h, db):
    ids, officer, sup, _ = await approved_then_unlocked(h, db, "Sai câu 2")
    await h.press(officer, "Mở báo cáo")
    await h.say(officer, "/c2")
    await h.say(officer, "27")
    await submit(h, officer)
    assert await status(db, ids["sub_BNV"]) == "corrected"
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.submission(ids["sub_BNV"])
        assert await repo.review.active_unlock(sub, h.clock()) is None  # the unlock ended with the sending
        assert await repo.review.can_edit(sub, h.clock()) == (False, Lock.CORRECTED)
    await _scheduler(h)._notices(h.clock(), TickReport())
    notice = [m for m in h.api.messages(800) if "sau khi được mở lại" in m.text][-1]
    assert "gửi lại (Cán bộ) sau khi được mở lại (các câu đã sửa: 2), cần duyệt lại" in notice.text


async def test_xem_collapses_unanswered_questions_and_keeps_history_with_the_report(h, db):
    ids = await setup(db, prefill=())
    async with db.session() as s:
        repo = Repo(s)
        sub = await repo.submissions.ensure_submission(ids["BNV"], ids["cur"])
        for k, v in (("kl_nv_tong", 12), ("kl_nv_hoan_thanh", 5)):
            await repo.submissions.set_answer(sub.id, k, v, num=v)
        await s.commit()
    sup = h.user(800)
    out = await h.say(sup, "/xem Bộ Nội vụ")
    assert len(out) == 1  # the report, its history and its buttons in one message: no stray lines apart
    assert "41 câu chưa trả lời: câu 3–43 (mục I.1.a–" in out[0] and "chưa trả lời" not in out[0].split("\n", 4)[-1]
    assert "🕘 Chưa có lần gửi nào." in out[0] and "📄 Tải .docx" in sup.last().button_texts()


async def test_long_xem_never_ends_with_a_message_of_stray_lines(h, db):
    from exports.unit_view import balanced

    parts = balanced(["a\n" * 30 + "a", "b\nc"], 4000)
    assert [p.count("\n") + 1 for p in parts] == [29, 4]  # lines moved over so the last message is not two lines
    await setup(db, prefill=("BNV",))
    sup = h.user(800)
    await h.say(sup, "/xem Bộ Nội vụ")
    msgs = [m for m in h.api.messages(800) if m.text]
    assert all(m.text.count("\n") >= 3 for m in msgs)
    assert "🕘" in msgs[-1].text and msgs[-1].button_texts()


async def test_last_period_is_the_one_before_in_sequence_even_with_the_same_deadline(h, db):
    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        same = datetime(2026, 11, 26, 9, tzinfo=UTC)
        r1, _ = await repo.periods.open_period(WEEKLY, "Đợt 1", deadline=same)
        r2, _ = await repo.periods.open_period(WEEKLY, "Đợt 2", deadline=same)
        assert (await repo.periods.previous_period(r2)).id == r1.id and await repo.periods.previous_period(r1) is None
        assert (await repo.periods.latest_period(WEEKLY)).id == r2.id
        unit = await repo.units.unit_by_code("BNV")
        old = await repo.submissions.ensure_submission(unit.id, r1.id)
        await repo.submissions.set_answer(old.id, "kl_nv_tong", 40, num=40)
        new = await repo.submissions.ensure_submission(unit.id, r2.id)
        await repo.submissions.set_answer(new.id, "kl_nv_tong", 40, num=40)
        sup = await repo.accounts.ensure_account(800, "Vụ Tổng hợp")
        await repo.accounts.set_account(sup, role="supervisor", unit=await repo.units.unit_by_code("CP"))
        await s.commit()
    out = await h.say(h.user(800), "/xem Bộ Nội vụ")
    line = next(t for t in out[0].split("\n") if "Tổng số nhiệm vụ" in t)
    assert line.endswith("40 nhiệm vụ [= không đổi]")  # compared with Đợt 1


async def test_a_queued_notice_wakes_only_the_notice_step_between_ticks(h, monkeypatch):
    import asyncio

    import bot.scheduler as scheduler

    calls: list[str] = []
    ticked, notified = asyncio.Event(), asyncio.Event()

    class Recording:
        def __init__(self, bot, services):
            pass

        async def tick(self):
            calls.append("tick")
            ticked.set()
            return TickReport()

        async def send_notices(self):
            calls.append("notices")
            notified.set()
            return TickReport()

    monkeypatch.setattr(scheduler, "Scheduler", Recording)
    task = asyncio.create_task(scheduler.run_scheduler(h.bot, h.services, interval=3600))
    try:
        await asyncio.wait_for(ticked.wait(), 5)
        h.services.wake_notices()  # what the middleware does after an update queued a notice
        await asyncio.wait_for(notified.wait(), 1)
        assert calls == ["tick", "notices"]  # at once, and no full tick before the hour is up
    finally:
        task.cancel()
