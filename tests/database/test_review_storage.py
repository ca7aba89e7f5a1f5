"""Review storage: the history of a submission, approval locking it, unlocks that expire, large-change reasons
kept with answers and their revisions, the supervisors' notices in batches, undeliverable messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from dialogs.lifecycle import Lock
from dialogs.review import NOTIFY_BATCH_MINUTES, UNLOCK_HOURS, lock_text, notice_batch_text
from storage.models import Account, AnswerRevision, OutboundFailure, Submission
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA

T0 = datetime(2026, 11, 20, 8, tzinfo=UTC)


async def _setup(db):
    """Two ministries, an officer of each, a supervisor over both, one week open (deadline T0 + 1 day)."""
    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        bnv = await repo.units.unit_by_code("BNV")
        btc = await repo.units.unit_by_code("BTC")
        off = await repo.accounts.ensure_account(3001, "Cán bộ Nội vụ")
        await repo.accounts.set_account(off, role="officer", unit=bnv)
        off2 = await repo.accounts.ensure_account(3002, "Cán bộ Tài chính")
        await repo.accounts.set_account(off2, role="officer", unit=btc)
        sup = await repo.accounts.ensure_account(3100, "Chuyên viên tổng hợp")
        await repo.accounts.set_account(sup, role="supervisor")
        await repo.accounts.add_scope(sup, bnv)
        await repo.accounts.add_scope(sup, btc)
        period, _ = await repo.periods.open_period("tuan-cqdp-2cap", "Tuần 47/2026", deadline=T0 + timedelta(days=1),
                                           closes_at=T0 + timedelta(days=2), now=T0)
        sub = await repo.submissions.ensure_submission(bnv.id, period.id, now=T0)
        await s.commit()
        return {"bnv": bnv.id, "btc": btc.id, "off": off.id, "off2": off2.id, "sup": sup.id, "period": period.id,
                "sub": sub.id}


async def _loaded(repo: Repo, ids: dict[str, int]) -> tuple[Submission, Account, Account]:
    """The set-up's submission, its officer and its supervisor, on ``repo``'s session."""
    sub = await repo.submissions.submission(ids["sub"])
    return sub, await repo.accounts.account(ids["off"]), await repo.accounts.account(ids["sup"])


async def test_return_and_approve_record_history_and_lock(db):
    ids = await _setup(db)
    async with db.session() as s:
        repo = Repo(s)
        sub, off, sup = await _loaded(repo, ids)
        assert await repo.review.can_edit(sub, T0) == (True, None)
        await repo.review.submit(sub, off, now=T0 + timedelta(hours=1))
        await repo.review.return_submission(sub, sup, "Câu 3 thiếu số liệu", ["kl_nv_tong", "kk_noi_dung"],
                                     now=T0 + timedelta(hours=2))
        assert sub.status == "returned" and sub.comment == "Câu 3 thiếu số liệu"
        assert (await repo.review.can_edit(sub, T0 + timedelta(hours=3)))[0] is True
        await repo.review.submit(sub, off, now=T0 + timedelta(hours=4))
        assert await repo.review.approve(sub, sup, now=T0 + timedelta(hours=5)) is True
        assert await repo.review.approve(sub, sup, now=T0 + timedelta(hours=6)) is False  # already approved: no new event
        await s.commit()
    async with db.session() as s:
        repo = Repo(s)
        sub = await repo.submissions.submission(ids["sub"])
        assert sub.status == "approved"
        ok, why = await repo.review.can_edit(sub, T0 + timedelta(hours=6))
        assert ok is False and why is Lock.APPROVED
        text = lock_text(why, "Tuần 47/2026")
        assert "đã được duyệt" in text and "Tuần 47/2026" in text and "«🔓 Xin mở lại»" in text
        hist = await repo.review.events(sub)
        assert [(e.kind, e.by_account) for e in hist] == [
            ("submitted", ids["off"]), ("returned", ids["sup"]), ("submitted", ids["off"]), ("approved", ids["sup"])]
        ret = hist[1]
        assert ret.comment == "Câu 3 thiếu số liệu" and ret.keys == ["kl_nv_tong", "kk_noi_dung"]
        assert ret.at == T0 + timedelta(hours=2)


async def test_closed_period_locks_unless_unlocked_and_unlock_expires(db):
    ids = await _setup(db)
    closed_at = T0 + timedelta(days=2)
    asked_at = closed_at + timedelta(hours=1)
    async with db.session() as s:
        repo = Repo(s)
        sub, off, sup = await _loaded(repo, ids)
        ok, why = await repo.review.can_edit(sub, closed_at)
        assert ok is False and why is Lock.CLOSED and "đã đóng" in lock_text(why, "Tuần 47/2026")
        req, created = await repo.review.request_unlock(sub, off, "Nhập nhầm số ở câu 3", now=asked_at)
        again, created2 = await repo.review.request_unlock(sub, off, "Lần nữa", now=asked_at)
        assert created and not created2 and again.id == req.id
        assert (await repo.review.can_edit(sub, asked_at))[0] is False  # pending is not yet an unlock
        decided_at = asked_at + timedelta(minutes=5)
        assert await repo.review.decide_unlock(req, sup, True, now=decided_at) is True
        assert await repo.review.decide_unlock(req, sup, False, now=decided_at) is False  # first decision stands
        assert req.status == "approved" and req.expires_at == decided_at + timedelta(hours=UNLOCK_HOURS)
        await s.commit()
    expires = decided_at + timedelta(hours=UNLOCK_HOURS)
    async with db.session() as s:
        repo = Repo(s)
        sub = await repo.submissions.submission(ids["sub"])
        assert await repo.review.can_edit(sub, expires - timedelta(seconds=1)) == (True, None)
        assert (await repo.review.active_unlock(sub, expires - timedelta(seconds=1))) is not None
        ok, why = await repo.review.can_edit(sub, expires)
        assert ok is False and why is Lock.UNLOCK_EXPIRED and "đã hết" in lock_text(why, "Tuần 47/2026")
        assert await repo.review.relock_expired(expires - timedelta(seconds=1)) == []
        relocked = await repo.review.relock_expired(expires)
        assert [r.submission_id for r, _ in relocked] == [ids["sub"]]
        assert await repo.review.relock_expired(expires + timedelta(hours=1)) == []  # recorded once
        await s.commit()
        kinds = [e.kind for e in await repo.review.events(sub)]
        assert kinds == ["unlock_requested", "unlock_approved", "relocked"]


async def test_unlock_of_approved_submission_reopens_it_and_refusal_keeps_lock(db):
    ids = await _setup(db)
    async with db.session() as s:
        repo = Repo(s)
        sub, off, sup = await _loaded(repo, ids)
        await repo.review.submit(sub, off, now=T0)
        await repo.review.approve(sub, sup, now=T0 + timedelta(hours=1))
        req, _ = await repo.review.request_unlock(sub, off, "Sai số cán bộ", now=T0 + timedelta(hours=2))
        assert await repo.review.decide_unlock(req, sup, False, comment="Số liệu đã chốt", now=T0 + timedelta(hours=3))
        assert req.status == "refused" and req.expires_at is None
        assert (await repo.review.can_edit(sub, T0 + timedelta(hours=3)))[0] is False
        req2, created = await repo.review.request_unlock(sub, off, "Xin lại lần nữa", now=T0 + timedelta(hours=4))
        assert created and req2.id != req.id
        assert await repo.review.decide_unlock(req2, sup, True, now=T0 + timedelta(hours=5))
        assert sub.status == "unlocked"  # opened for the unlock's hours only (lifecycle.unlock)
        assert await repo.review.can_edit(sub, T0 + timedelta(hours=6)) == (True, None)
        assert await repo.review.can_edit(sub, T0 + timedelta(hours=5 + UNLOCK_HOURS)) == (False, Lock.UNLOCK_EXPIRED)
        kinds = [e.kind for e in await repo.review.events(sub)]
        assert kinds == ["submitted", "approved", "unlock_requested", "unlock_refused", "unlock_requested",
                         "unlock_approved"]


async def test_reason_stored_with_answer_and_revision(db):
    ids = await _setup(db)
    async with db.session() as s:
        repo = Repo(s)
        sub_id = ids["sub"]
        await repo.submissions.set_answer(sub_id, "kl_nv_tong", 12, num=12, by=ids["off"], now=T0, commit=True)
        await repo.submissions.set_answer(sub_id, "kl_nv_tong", 75, num=75, by=ids["off"], now=T0, reason="Thêm 3 xã sáp nhập", commit=True)
        assert await repo.submissions.answer_reasons(sub_id) == {"kl_nv_tong": "Thêm 3 xã sáp nhập"}
        await repo.submissions.set_answer(sub_id, "tthc_tong", 40, num=40, by=ids["off"], now=T0, commit=True)
        assert await repo.submissions.set_reason(sub_id, "tthc_tong", "Tiếp nhận thêm thủ tục")
        assert not await repo.submissions.set_reason(sub_id, "khong_co", "x")
        await s.commit()
        revs = {(r.question_key, r.version): r.reason for r in await repo.submissions.revisions(sub_id)}
        assert revs == {("kl_nv_tong", 1): None, ("kl_nv_tong", 2): "Thêm 3 xã sáp nhập",
                        ("tthc_tong", 1): "Tiếp nhận thêm thủ tục"}
        # a new value without a reason clears the old one (it explained another figure)
        await repo.submissions.set_answer(sub_id, "kl_nv_tong", 76, num=76, by=ids["off"], now=T0, commit=True)
        assert await repo.submissions.answer_reasons(sub_id) == {"tthc_tong": "Tiếp nhận thêm thủ tục"}
        last = (await s.execute(select(AnswerRevision).where(AnswerRevision.question_key == "kl_nv_tong",
                                                             AnswerRevision.version == 3))).scalar_one()
        assert last.reason is None and last.old_value == 75


async def test_notices_are_batched_per_supervisor(db):
    ids = await _setup(db)
    async with db.session() as s:
        repo = Repo(s)
        bnv, btc = await repo.units.unit(ids["bnv"]), await repo.units.unit(ids["btc"])
        assert await repo.outbox.enqueue_for_supervisors(bnv, "submitted", "Bộ Nội vụ (59/59 câu)", period_id=ids["period"],
                                                  now=T0) == 1
        await s.commit()
        # the first notice after a quiet spell goes at once
        first = await repo.outbox.take_due_notices(T0)
        assert [(b.telegram_id, [n.text for n in b.notices]) for b in first] == [(3100, ["Bộ Nội vụ (59/59 câu)"])]
        await repo.outbox.finish_notices(first[0].ids, now=T0)
        await repo.outbox.enqueue_for_supervisors(btc, "submitted", "Bộ Tài chính (50/59 câu)", period_id=ids["period"],
                                           now=T0 + timedelta(minutes=4))
        await repo.outbox.enqueue_for_supervisors(bnv, "submitted", "Bộ Nội vụ gửi lại", period_id=ids["period"],
                                           now=T0 + timedelta(minutes=5))
        await repo.outbox.enqueue_for_supervisors(btc, "late_change", "Bộ Tài chính sửa câu 3 sau hạn",
                                           period_id=ids["period"], now=T0 + timedelta(minutes=6))
        await s.commit()
        # the following ones wait until NOTIFY_BATCH_MINUTES after the last message, then go together
        assert await repo.outbox.take_due_notices(T0 + timedelta(minutes=NOTIFY_BATCH_MINUTES - 1)) == []
        due = T0 + timedelta(minutes=NOTIFY_BATCH_MINUTES)
        batches = await repo.outbox.take_due_notices(due)
        assert len(batches) == 1 and batches[0].telegram_id == 3100
        b = batches[0]
        assert [n.text for n in b.notices] == ["Bộ Tài chính (50/59 câu)", "Bộ Nội vụ gửi lại",
                                               "Bộ Tài chính sửa câu 3 sau hạn"]
        text = notice_batch_text([(n.kind, n.text) for n in b.notices])
        assert text.startswith("📨 2 đơn vị vừa gửi báo cáo:\n• Bộ Tài chính (50/59 câu)\n• Bộ Nội vụ gửi lại")
        assert "Bộ Tài chính sửa câu 3 sau hạn" in text
        # claimed: another process finds nothing; once sent, nothing again even after the stale delay
        assert await repo.outbox.take_due_notices(due) == []
        await repo.outbox.finish_notices(b.ids, now=due)
        await s.commit()
        assert await repo.outbox.take_due_notices(due + timedelta(hours=1)) == []


async def test_claimed_but_unsent_notices_are_taken_again(db):
    ids = await _setup(db)
    async with db.session() as s:
        repo = Repo(s)
        await repo.outbox.enqueue_notice([ids["sup"]], "submitted", "Bộ Nội vụ", unit_id=ids["bnv"], now=T0)
        first = await repo.outbox.take_due_notices(T0 + timedelta(minutes=11))
        assert len(first) == 1
        await s.commit()  # the process dies before sending
        assert await repo.outbox.take_due_notices(T0 + timedelta(minutes=15)) == []
        again = await repo.outbox.take_due_notices(T0 + timedelta(minutes=22))
        assert [n.text for n in again[0].notices] == ["Bộ Nội vụ"]


async def test_scope_submissions_and_undeliverable(db):
    ids = await _setup(db)
    async with db.session() as s:
        repo = Repo(s)
        sup, off = await repo.accounts.account(ids["sup"]), await repo.accounts.account(ids["off"])
        period = await repo.periods.period(ids["period"])
        rows = await repo.review.scope_submissions(sup, period, ["bo", "co_quan_ngang_bo"])
        assert [(u.code, sub.id if sub else None) for u, sub in rows] == [("BNV", ids["sub"]), ("BTC", None)]
        assert [u.code for u, _ in await repo.review.scope_submissions(off, period, ["bo"])] == ["BNV"]
        await repo.outbox.record_undeliverable(3001, "sendMessage", "x" * 5000, "Forbidden: bot was blocked by the user",
                                        now=T0)
        await s.commit()
        row = (await s.execute(select(OutboundFailure))).scalar_one()
        assert row.chat_id == 3001 and len(row.text) == 4096 and row.reason.startswith("Forbidden")


def test_period_label_in_file_names_stays_readable():
    from dialogs.text import slug

    assert slug("Đợt 1/2026") == "dot-1-2026" and slug("Tuần 47/2026") == "tuan-47-2026"
    assert slug("  Quý III — năm 2026  ") == "quy-iii-nam-2026"
