"""Reviewing one unit's report through the real Dispatcher: /xem, return with a comment, resubmit, approve (locked),
unlock approved and expiring, batched notices, and a supervisor never acting outside the scope (forged buttons)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from docx import Document

from bot.callbacks import RV, OpenQ, UnlockAsk, UnlockDecision
from dialogs.loader import load_catalogue
from exports.sample import synth_answers
from storage.importer import import_units
from dialogs.lifecycle import Lock
from storage.repo import Repo
from tests.conftest import DATA
from tests.harness import Harness
from tests.test_periods import _scheduler

WEEKLY = "tuan-cqdp-2cap"
OUTLINE = load_catalogue().get(WEEKLY)
OFFICERS = {"BNV": 101, "BTP": 102, "BYT": 103}


async def setup(db, *, prefill=("BNV",)) -> dict:
    """Ministries; last week (answered) and this week's period; officers of BNV, BTP, BYT; supervisor 800 over
    the whole government (CP), supervisor 810 over Bộ Tư pháp only; this week's answers prefilled (not submitted)."""
    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        prev, _ = await repo.open_period(WEEKLY, "Tuần 46/2026", deadline=datetime(2026, 11, 19, 9, tzinfo=UTC))
        cur, _ = await repo.open_period(WEEKLY, "Tuần 47/2026", deadline=datetime(2026, 11, 26, 9, tzinfo=UTC),
                                        closes_at=datetime(2026, 11, 28, 9, tzinfo=UTC))
        await repo.close_period(prev)
        ids = {"prev": prev.id, "cur": cur.id}
        for code, tg in OFFICERS.items():
            unit = await repo.unit_by_code(code)
            ids[code] = unit.id
            acc = await repo.ensure_account(tg, f"Cán bộ {code}")
            await repo.set_account(acc, role="officer", unit=unit)
            if code in prefill:
                old = await repo.ensure_submission(unit.id, prev.id)
                for k, v in synth_answers(OUTLINE, unit, week=1).items():
                    await repo.set_answer(old.id, k, v, commit=False)
                sub = await repo.ensure_submission(unit.id, cur.id)
                ids[f"sub_{code}"] = sub.id
                for k, v in synth_answers(OUTLINE, unit, week=2).items():
                    await repo.set_answer(sub.id, k, v, commit=False)
        sup = await repo.ensure_account(800, "Vụ Tổng hợp")
        await repo.set_account(sup, role="supervisor", unit=await repo.unit_by_code("CP"))
        narrow = await repo.ensure_account(810, "Người tổng hợp Bộ Tư pháp")
        await repo.set_account(narrow, role="supervisor", unit=await repo.unit_by_code("BTP"))
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


async def status(db, sub_id: int) -> str:
    async with db.read_session() as s:
        return (await Repo(s).submission(sub_id)).status


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
        sub = await repo.submission(ids["sub_BNV"])
        ok, why = await repo.can_edit(sub, h.clock())
        assert not ok and why is Lock.APPROVED
        events = [(e.kind, e.keys, e.by_account is not None) for e in await repo.history(sub)]
    assert events[:2] == [("submitted", None, True), ("returned", ["kl_nv_tong"], True)]
    assert events[-1][0] == "approved"
    # a second approval (an old button) changes nothing
    await h.press(sup, "x", data=RV(action="ok", unit=ids["BNV"], period=ids["cur"]).pack())
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
        assert (await repo.can_edit(await repo.submission(ids["sub_BNV"]), h.clock()))[0]
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
        sub = await repo.submission(ids["sub_BNV"])
        ok, why = await repo.can_edit(sub, h.clock())
        assert not ok and why is Lock.UNLOCK_EXPIRED
        assert [e.kind for e in await repo.history(sub)][-1] == "relocked"


async def test_large_change_reason_shown_in_xem(h, db):
    ids = await setup(db)
    async with db.session() as s:
        repo = Repo(s)
        await repo.set_answer(ids["sub_BNV"], "kl_nv_tong", 500, num=500, commit=True)
        assert await repo.set_reason(ids["sub_BNV"], "kl_nv_tong", "Nhận thêm nhiệm vụ của Bộ sáp nhập")
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
        await h.press(narrow, "x", data=RV(action=action, unit=ids["BNV"], period=ids["cur"]).pack())
        assert "không thuộc phạm vi" in h.alerts()[-1], action
    assert len(h.api.messages(810)) == before  # nothing shown, no document
    assert await status(db, ids["sub_BNV"]) == "submitted"
    async with db.read_session() as s:
        assert (await Repo(s).position(810)) is None  # not waiting for a comment
    # officers: no supervisor buttons; no other unit's questions or unlocks
    await h.press(other, "x", data=RV(action="ok", unit=ids["BNV"], period=ids["cur"]).pack())
    assert "dành cho người tổng hợp" in h.alerts()[-1]
    await h.press(other, "x", data=OpenQ(submission=ids["sub_BNV"], question=0).pack())
    assert "dành cho cán bộ đầu mối của đơn vị" in h.alerts()[-1]
    await h.press(other, "x", data=UnlockAsk(submission=ids["sub_BNV"]).pack())
    assert "dành cho cán bộ đầu mối của đơn vị" in h.alerts()[-1]
    await h.press(narrow, "x", data=UnlockDecision(request=12345, approve=1).pack())
    assert "không còn" in h.alerts()[-1]
    assert await status(db, ids["sub_BNV"]) == "submitted"


async def test_three_submits_one_batched_notice(h, db):
    await setup(db, prefill=tuple(OFFICERS))
    sup = h.user(800)
    for tg in OFFICERS.values():
        await submit(h, h.user(tg))
    assert not any("đã gửi báo cáo" in t for t in sup.texts())  # nothing yet: batched
    sched = _scheduler(h)
    h.clock.advance(minutes=9)
    await sched.tick()
    assert not any("đã gửi báo cáo" in t for t in sup.texts())
    h.clock.advance(minutes=1)
    await sched.tick()
    notices = [m for m in h.api.messages(800) if "đã gửi báo cáo" in m.text]
    assert len(notices) == 1
    text = notices[0].text
    assert text.startswith("📨 3 đơn vị vừa gửi báo cáo:")
    assert all(name in text for name in ("Bộ Nội vụ", "Bộ Tư pháp", "Bộ Y tế"))
    assert len(notices[0].button_texts()) == 3 and all(b.startswith("👁 Xem") for b in notices[0].button_texts())
    h.clock.advance(minutes=30)
    await sched.tick()
    assert len([m for m in h.api.messages(800) if "đã gửi báo cáo" in m.text]) == 1
    # the narrow supervisor (Bộ Tư pháp only) was told of their unit only
    narrow = [m.text for m in h.api.messages(810) if "đã gửi báo cáo" in m.text]
    assert len(narrow) == 1 and "Bộ Tư pháp" in narrow[0] and "Bộ Nội vụ" not in narrow[0]
    # the button opens that unit's report
    await h.press(sup, "👁 Xem Bộ Y tế")
    assert any(t.startswith("📄 Bộ Y tế") for t in sup.texts())
