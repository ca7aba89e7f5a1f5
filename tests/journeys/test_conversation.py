"""The officer's conversation through the real Dispatcher: what the bot sent and what the database holds."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from storage.models import AnswerRevision, ConversationPosition, Submission
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.conversation import WEEKLY, answers_of, invite, setup_units, start_report
from tests.support.harness import Harness
from tests.support.schedule import _scheduler


async def submission_of(db, unit_code: str, period_id: int) -> Submission | None:
    async with db.read_session() as s:
        repo = Repo(s)
        return await repo.submissions.find_submission((await repo.units.unit_by_code(unit_code)).id, period_id)


def first_line(out: list[str]) -> str:
    """The confirmation line that starts the bot's reply (the next question follows in the same message)."""
    return out[0].split("\n")[0]


@pytest.fixture
async def h(db, db_url):
    harness = await Harness(db, db_url).start()
    yield harness


async def test_onboarding_by_invite_and_bad_codes(h, db):
    await setup_units(db)
    code = await invite(db, "BNV", uses=1)
    u = h.user(101, "Lan")
    out = await h.say(u, f"/start {code}")
    assert "Bộ Nội vụ" in out[0] and "/baocao" in out[0]
    async with db.read_session() as s:
        acc = await Repo(s).accounts.account_by_tg(101)
        assert acc.role == "officer" and (await Repo(s).units.unit(acc.unit_id)).code == "BNV"
    out = await h.say(h.user(102, "Minh"), f"/start {code}")
    assert "đã được dùng hết" in out[0]
    out = await h.say(h.user(103, "Hoa"), "/start saima")
    assert "Mã mời không đúng" in out[0] and "/start" in out[0]


async def test_onboarding_by_search_and_supervisor_approval(h, db):
    await setup_units(db)
    officer = h.user(111, "Tuấn")
    out = await h.say(officer, "/start")
    assert "Gõ tên đơn vị" in out[0]
    out = await h.say(officer, "bo tu phap")
    assert "Chọn đúng đơn vị" in out[0]
    assert "Bộ Tư pháp" in officer.last().button_texts()[0]
    await h.press(officer, "Bộ Tư pháp")
    assert "Đã gửi yêu cầu" in officer.last().text
    sup = h.user(800)
    assert "xin làm cán bộ đầu mối của Bộ Tư pháp" in sup.last().text
    stranger = h.user(555, "Người lạ")
    await stranger.press("Đồng ý", data=sup.last().buttons[0][0]["callback_data"])
    await h.flush()
    assert any("không có quyền" in a for a in h.alerts())
    await h.press(sup, "Đồng ý")
    assert "được duyệt" in officer.last().text
    async with db.read_session() as s:
        acc = await Repo(s).accounts.account_by_tg(111)
        assert (await Repo(s).units.unit(acc.unit_id)).code == "BTP"


async def test_answering_stores_each_answer_and_rejects_bad_input(h, db):
    (p1,) = await setup_units(db)
    code = await invite(db, "BNV")
    u = h.user(101, "Lan")
    await h.say(u, f"/start {code}")
    out = await h.say(u, "/baocao")
    assert "Đã trả lời 0/" in out[0]
    q1 = u.last()
    assert "I.1.a" in q1.text and "Tổng số nhiệm vụ thuộc lĩnh vực được phân công" in q1.text
    assert "Ví dụ: 12" in q1.text
    assert {"∅ Không có", "⬅ Quay lại", "Bỏ qua ➡", "📑 Mục lục", "⏸ Tạm dừng"} <= set(q1.button_texts())
    out = await h.say(u, "mười hai")
    assert out[0].startswith("❗") and "Ví dụ: 12" in out[0]
    assert await answers_of(db, "BNV", p1) == {}
    out = await h.say(u, "1.234")
    assert first_line(out) == "✔ Đã lưu: 1.234 nhiệm vụ — mới"
    assert "Số lượng nhiệm vụ đã hoàn thành" in out[-1]
    assert (await answers_of(db, "BNV", p1)) == {"kl_nv_tong": 1234}
    # a cross-question rule fails as soon as its answers exist
    await h.say(u, "1000")
    await h.press(u, "Bỏ qua")
    out = await h.say(u, "300")
    assert any("Số liệu chưa khớp" in t and "/c1" in t for t in out)
    got = await answers_of(db, "BNV", p1)
    assert got["kl_nv_dang_th"] == 300  # kept, with a warning
    # going back and fixing
    out = await h.say(u, "/c1")
    assert "Đã trả lời: 1.234 nhiệm vụ" in out[-1]
    out = await h.say(u, "1.500")
    async with db.read_session() as s:
        revs = list((await s.execute(select(AnswerRevision).where(AnswerRevision.question_key == "kl_nv_tong"))).scalars())
    assert [(r.old_value, r.new_value) for r in revs] == [(None, 1234), (1234, 1500)]


async def test_lists_item_by_item_edit_and_delete(h, db):
    (p1,) = await setup_units(db)
    u = await start_report(h, db)
    await h.say(u, "5")
    await h.say(u, "2")
    assert "Liệt kê danh mục nhiệm vụ đã hoàn thành" in u.last().text
    out = await h.say(u, "Rà soát thủ tục\nCông văn 12/BNV\nBáo cáo rà soát\n19/6/2025")
    assert out[0].startswith("✔ Đã thêm mục 1")
    # field by field
    await h.say(u, "Tập huấn cấp xã")
    assert "Văn bản giao việc" in u.last().text
    await h.say(u, "KL 179")
    await h.press(u, "Bỏ trống")
    out = await h.say(u, "31/2/2025")
    assert "không có thật" in out[0]
    out = await h.say(u, "1/8/2025")
    assert out[0].startswith("✔ Đã thêm mục 2")
    await h.say(u, "Mục thừa\n-\n-\n-")
    await h.press(u, "Xoá 3")
    await h.press(u, "Sửa 2")
    await h.say(u, "Tập huấn cấp xã (đã sửa)\nKL 179\nTài liệu\n2/8/2025")
    items = (await answers_of(db, "BNV", p1))["kl_ds_hoan_thanh"]
    assert [i["ten"] for i in items] == ["Rà soát thủ tục", "Tập huấn cấp xã (đã sửa)"]
    assert items[0]["thoi_gian"] == "2025-06-19"
    out = await h.press(u, "Xong")
    assert "Danh sách có 2 nhiệm vụ" in out[0]
    assert "Số lượng nhiệm vụ đang thực hiện" in out[-1]


async def test_long_text_spans_messages_and_is_stored_whole(h, db):
    (p1,) = await setup_units(db)
    u = await start_report(h, db)
    await h.say(u, "/c22")  # tthc_csdl, a narrative answer
    assert "cơ sở dữ liệu quốc gia" in u.last().text
    long_part = "Đã kết nối cơ sở dữ liệu. " * 300  # ~7.800 characters: longer than one Telegram message
    await h.say(u, long_part)
    await h.say(u, "Phần tiếp theo.")
    stored = (await answers_of(db, "BNV", p1))["tthc_csdl"]
    assert stored.startswith("Đã kết nối") and stored.endswith("Phần tiếp theo.") and len(stored) > 7000
    out = await h.press(u, "Xong")
    assert out[0].startswith("✔ Đã lưu")
    review = await h.press(u, "Xem lại")
    assert len(review) >= 2 and any("/c22 I.3" in t for t in review)  # split into several messages
    assert all(len(m.text) <= 4096 for m in h.api.messages(u.id))


async def test_table_of_contents_jumps_to_a_section(h, db):
    await setup_units(db)
    u = await start_report(h, db)
    await h.press(u, "Mục lục")
    labels = u.last().button_texts()
    assert any(b.endswith("II KHÓ KHĂN, VƯỚNG MẮC") for b in labels)
    out = await h.press(u, "II KHÓ KHĂN, VƯỚNG MẮC")
    assert out[-1].startswith("📋 II — KHÓ KHĂN, VƯỚNG MẮC") and "Nêu rõ các khó khăn, vướng mắc" in out[-1]


async def test_visibility_per_ministry(h, db):
    await setup_units(db)
    vp = await start_report(h, db, 201, "VPCP", "VPCP")
    await h.press(vp, "Mục lục")
    toc = " ".join(vp.last().button_texts())
    await h.say(vp, "/c35")
    assert "Cổng DVC quốc gia" in vp.last().text  # VPCP's own §I.5 detail
    yt = h.user(202, "BYT")
    await h.say(yt, f"/start {await invite(db, 'BYT')}")
    out = await h.say(yt, "/baocao")
    assert "0/38" in out[0] and "I.5" in toc
    await h.say(yt, "/c35")
    assert "Văn phòng Chính phủ" not in yt.last().text and "Cổng DVC quốc gia" not in yt.last().text


async def test_stale_and_forged_buttons_do_nothing(h, db):
    (p1,) = await setup_units(db)
    u = await start_report(h, db)
    old = u.last()
    await h.say(u, "7")
    skip = next(b for row in old.buttons for b in row if b["text"].startswith("Bỏ qua"))
    await u.press("", data=skip["callback_data"])
    await h.flush()
    assert h.alerts()[-1].startswith("Nút này đã cũ")
    await u.press("", data="q:99999:keep:")
    await u.press("", data="q:1:open:../../etc")
    await u.press("", data="p:424242")
    await h.flush()
    assert len(h.alerts()) == 4
    async with db.read_session() as s:
        pos = await s.get(ConversationPosition, (await Repo(s).accounts.account_by_tg(101)).id)
    assert pos.question_key == "kl_nv_hoan_thanh"
    assert await answers_of(db, "BNV", p1) == {"kl_nv_tong": 7}


async def test_non_text_commands_mid_questionnaire_and_cancel(h, db):
    await setup_units(db)
    u = await start_report(h, db)
    await u.send_sticker()
    await h.flush()
    assert "chỉ nhận câu trả lời bằng chữ" in u.last().text
    await u.send_photo()
    await h.flush()
    assert "chỉ nhận câu trả lời bằng chữ" in u.last().text
    out = await h.say(u, "/huongdan")
    assert "Hướng dẫn" in out[0]
    out = await h.say(u, "/huy")
    assert "câu trả lời đã lưu vẫn được giữ" in out[0]
    out = await h.say(u, "12")
    assert "/baocao" in out[0]
    out = await h.say(u, "/baocao")
    assert "Tổng số nhiệm vụ thuộc lĩnh vực được phân công" in out[-1]


async def test_two_officers_share_the_submission(h, db):
    (p1,) = await setup_units(db)
    code = await invite(db, "BNV", uses=2)
    a, b = h.user(101, "Lan"), h.user(102, "Minh")
    await h.say(a, f"/start {code}")
    await h.say(b, f"/start {code}")
    await h.say(a, "/baocao")
    await h.say(a, "9")
    out = await h.say(b, "/baocao")
    assert "Đã trả lời 1/" in out[0]
    await h.say(b, "/c1")
    assert "Đã trả lời: 9 nhiệm vụ" in b.last().text


async def test_review_submit_and_supervisor_notified(h, db):
    (p1,) = await setup_units(db)
    u = await start_report(h, db)
    await h.say(u, "10")
    await h.press(u, "Xem lại")
    review = [m.text for m in h.api.messages(u.id)][-3:]
    assert any("/c1 I.1.a Tổng số nhiệm vụ" in t and "10 nhiệm vụ" in t for t in review)
    await h.press(u, "Gửi báo cáo")
    assert "Còn" in u.last().text and "chưa trả lời" in u.last().text
    await h.press(u, "Xác nhận gửi")
    assert "Đã gửi báo cáo" in u.last().text
    # supervisors are told in batches (issue 10): after NOTIFY_BATCH_MINUTES, by the scheduler
    assert not any("đã gửi báo cáo" in t for t in h.user(800).texts())
    h.clock.advance(minutes=10)
    await _scheduler(h).tick()
    assert any("Bộ Nội vụ đã gửi báo cáo" in t for t in h.user(800).texts())
    async with db.read_session() as s:
        sub = (await s.execute(select(Submission))).scalar_one()
        assert sub.status == "submitted" and sub.submitted_at is not None


async def test_submit_blocked_while_a_rule_fails(h, db):
    await setup_units(db)
    u = await start_report(h, db)
    await h.say(u, "1")
    await h.say(u, "5")
    await h.press(u, "Bỏ qua")
    out = await h.say(u, "0")
    assert any("Số liệu chưa khớp" in t for t in out)
    await h.press(u, "Xem lại")
    assert "Cần kiểm tra lại" in u.last().text or any("Cần kiểm tra lại" in m.text for m in h.api.messages(u.id)[-3:])
    await h.press(u, "Gửi báo cáo")
    await h.press(u, "Xác nhận gửi")
    assert "Chưa gửi được" in u.last().text
    async with db.read_session() as s:
        assert (await s.execute(select(Submission.status))).scalar_one() == "draft"


async def test_handler_error_is_reported_and_polling_goes_on(h, db, monkeypatch):
    await setup_units(db)
    u = h.user(101, "Lan")
    await h.say(u, f"/start {await invite(db, 'BNV')}")
    from dialogs import engine as engine_mod

    original = engine_mod.Engine.on_text
    calls = {"n": 0}

    def boom(self, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("simulated failure")
        return original(self, *a, **kw)

    monkeypatch.setattr(engine_mod.Engine, "on_text", boom)
    await h.say(u, "/baocao")
    out = await h.say(u, "5")
    assert out == ["Đã có lỗi xảy ra khi xử lý tin nhắn, vui lòng thử lại. Câu trả lời đã xác nhận trước đó vẫn được giữ nguyên."]
    out = await h.say(u, "5")
    assert first_line(out) == "✔ Đã lưu: 5 nhiệm vụ — mới"


async def test_second_week_keep_and_change_marks(h, db):
    p1, p2 = await setup_units(db, weeks=2)
    u = h.user(101, "Lan")
    await h.say(u, f"/start {await invite(db, 'BNV')}")
    async with db.session() as s:
        repo = Repo(s)
        unit = await repo.units.unit_by_code("BNV")
        sub = await repo.submissions.ensure_submission(unit.id, p1)
        await repo.submissions.set_answer(sub.id, "kl_nv_tong", 10, num=10, commit=True)
        await repo.submissions.set_answer(sub.id, "kl_nv_hoan_thanh", 4, num=4, commit=True)
        await repo.submissions.set_answer(sub.id, "kk_noi_dung", "Thiếu cán bộ", num=None, commit=True)
        await repo.periods.close_period(await repo.periods.period(p1))
        await s.commit()
    out = await h.say(u, "/baocao")
    assert "Đi theo từng mục" in " ".join(u.last().button_texts())
    await h.press(u, "Trả lời từng câu")
    assert "🕘 Tuần trước: 10 nhiệm vụ" in u.last().text
    out = await h.say(u, "13")
    assert first_line(out) == "✔ Đã lưu: 13 nhiệm vụ — ▲ +3 so với tuần trước"
    out = await h.press(u, "Giữ như tuần trước")
    assert first_line(out) == "✔ Đã lưu: 4 nhiệm vụ — = giữ như tuần trước"
    got = await answers_of(db, "BNV", p2)
    assert got == {"kl_nv_tong": 13, "kl_nv_hoan_thanh": 4}


async def test_webhook_mode_checks_the_secret_token(h, db, db_url):
    """Webhook mode: an update POSTed with the right secret is handled; a wrong or missing secret is refused."""
    from aiohttp.test_utils import TestClient, TestServer

    from bot.app import make_webhook_app, webhook_target
    from tests.support.harness import test_settings

    await setup_units(db)
    code = await invite(db, "BNV")
    settings = test_settings(db_url, webhook_url="https://baocao.example.gov.vn/", webhook_secret="bi-mat-dai-123")
    assert webhook_target(settings) == "https://baocao.example.gov.vn/telegram"
    app = make_webhook_app(settings, h.bot, h.dp)
    u = h.user(121, "Webhook")
    await u.send(f"/start {code}")
    update = h.api.updates.pop()
    async with TestClient(TestServer(app)) as client:
        bad = await client.post("/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "sai"})
        assert bad.status == 401
        none = await client.post("/telegram", json=update)
        assert none.status == 401
        assert h.api.messages(121) == []
        ok = await client.post("/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "bi-mat-dai-123"})
        assert ok.status == 200
        for _ in range(100):  # the handler runs as a task after the 200 answer
            if h.api.messages(121):
                break
            await asyncio.sleep(0.01)
    assert "Bộ Nội vụ" in h.api.messages(121)[-1].text


async def test_tables_row_by_row_cell_by_cell_and_open_groups(h, db):
    """Biểu 1B row by row ("1 2 3") and cell by cell, computed totals shown; Biểu 2B rows added under a group."""
    await import_units(db, DATA / "vn_units_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        p, _ = await repo.periods.open_period("so-ket-1-nam-2-cap", "Sơ kết 1 năm", deadline=datetime(2099, 5, 29, 10, tzinfo=UTC))
        inv = await repo.onboarding.create_invite(await repo.units.unit_by_code("31261"), "officer")
        await s.commit()
        period_id = p.id
    u = h.user(131, "Xã")
    await h.say(u, f"/start {inv.code}")
    await h.say(u, "/baocao")
    await h.say(u, "/c6")
    q = u.last().text
    assert "Biểu 1B" in q and "Dòng 1/5: 1 Hội nghị quán triệt" in q and "Cấp tỉnh | 2) Cấp xã" in q
    out = await h.say(u, "1 2 3")
    assert first_line(out) == "✔ Dòng «Hội nghị quán triệt»: 1 | 2 | 3"
    assert "Σ I Công tác quán triệt, tuyên truyền: Tổng số lượng: 6; Cấp tỉnh: 1; Cấp xã: 2; Cả cấp tỉnh và cấp xã: 3" in out[-1]
    assert "Dòng 2/5: 2 Lớp tập huấn" in out[-1]
    await h.say(u, "4")  # one number for a three-column row: cell by cell
    assert "Ô 2/3 — Cấp xã" in u.last().text
    await h.say(u, "5")
    out = await h.say(u, "6")
    assert first_line(out) == "✔ Dòng «Lớp tập huấn»: 4 | 5 | 6" and "Tổng số lượng: 21" in out[-1]
    out = await h.say(u, "1 2")
    assert out[0].startswith("❗ Dòng này cần 3 giá trị") and "Ví dụ: 12 12 12" in out[0]
    await h.press(u, "Xong biểu")
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission((await repo.units.unit_by_code("31261")).id, period_id)
        value = (await repo.submissions.answers(sub.id))["bieu_1b"]
    assert value["rows"] == {"hoi_nghi": {"cap_tinh": 1, "cap_xa": 2, "ca_hai": 3},
                             "tap_huan": {"cap_tinh": 4, "cap_xa": 5, "ca_hai": 6}}
    # Biểu 2B: documents under "Cấp ủy cấp tỉnh"
    await h.say(u, "/c10")
    assert "Biểu 2B" in u.last().text and "I Cấp ủy cấp tỉnh" in u.last().text
    out = await h.say(u, "Nghị quyết; 12-NQ/TU; 15/8/2025; Về sắp xếp bộ máy; -")
    assert first_line(out) == "✔ Đã thêm dòng 1: Nghị quyết"
    out = await h.say(u, "Kế hoạch; 30-KH/TU; 31/2/2025; Về chuyển đổi số; -")
    assert "Ngày ban hành" in out[0] and "không có thật" in out[0]
    await h.press(u, "Xong nhóm")
    assert "Dòng 2/4: II Hội đồng nhân dân cấp tỉnh" in u.last().text
    async with db.read_session() as s:
        value = (await Repo(s).submissions.answers(sub.id))["bieu_2b"]
    assert value["items"]["cap_uy_tinh"] == [{"label": "Nghị quyết", "loai": "Nghị quyết", "so_hieu": "12-NQ/TU", "ngay_ban_hanh": "2025-08-15",
                                              "trich_yeu": "Về sắp xếp bộ máy"}]


async def test_choosing_among_open_periods_and_late_changes_reported(h, db):
    p1, p2 = await setup_units(db, weeks=2)
    u = h.user(101, "Lan")
    await h.say(u, f"/start {await invite(db, 'BNV')}")
    out = await h.say(u, "/baocao")
    assert "có 2 báo cáo đang mở" in out[0]
    await h.press(u, "Tuần 48/2026")
    assert "Kỳ: Tuần 48/2026" in " ".join(m.text for m in h.api.messages(101)[-2:])
    await h.say(u, "7")
    await h.press(u, "Xem lại")
    await h.press(u, "Gửi báo cáo")
    await h.press(u, "Xác nhận gửi")
    sup = h.user(800)
    h.clock.advance(minutes=10)  # supervisors' notices come batched (issue 10), sent by the scheduler
    await _scheduler(h).tick()
    assert any("Bộ Nội vụ đã gửi báo cáo" in t for t in sup.texts())
    # after the deadline (26/11 9:00 UTC) a change is still accepted, recorded and reported to the supervisor
    h.clock.t = datetime(2026, 11, 27, 3, tzinfo=UTC)
    await h.say(u, "/baocao")
    await h.press(u, "Tuần 48/2026")
    await h.say(u, "/c1")
    await h.say(u, "8")
    h.clock.advance(minutes=10)
    await _scheduler(h).tick()
    assert any("vừa sửa báo cáo" in t and "sau hạn nộp" in t and "I.1.a" in t for t in sup.texts())
    assert (await answers_of(db, "BNV", p2))["kl_nv_tong"] == 8


async def test_no_changes_after_the_period_closes(h, db):
    (p1,) = await setup_units(db)
    u = await start_report(h, db)
    await h.say(u, "5")
    async with db.session() as s:
        repo = Repo(s)
        await repo.periods.close_period(await repo.periods.period(p1))
        await s.commit()
    before = u.last().text
    out = await h.say(u, "6")
    assert before.startswith("✔ Đã lưu: 5 nhiệm vụ") and "Số lượng nhiệm vụ đã hoàn thành" in before
    assert out == ["⛔ Kỳ «Tuần 47/2026» đã đóng: câu trả lời được giữ nguyên nhưng không sửa được nữa. Nếu cần "
                   "sửa, bấm «🔓 Xin mở lại» và ghi lý do, ví dụ: «Nhập nhầm số hồ sơ ở câu 3»."]
    sub_id = (await submission_of(db, "BNV", p1)).id
    assert u.last().buttons == [[{"text": "🔓 Xin mở lại", "callback_data": f"ua:{sub_id}"}]]
    assert await answers_of(db, "BNV", p1) == {"kl_nv_tong": 5}
    out = await h.say(u, "/baocao")
    assert "chưa có kỳ báo cáo nào đang mở" in out[0]


async def test_a_redelivered_update_is_handled_once(h, db):
    """Telegram delivers an update again when the bot died before confirming it: the answer is not stored twice,
    and the question the officer is on is shown again (the reply the dead process owed)."""
    (p1,) = await setup_units(db)
    u = await start_report(h, db)
    await u.send("12")
    raw = dict(h.api.updates[-1])
    await h.flush()
    before = len(h.api.messages(101))
    h.api.updates.append(raw)  # the same update, delivered again
    await h.flush()
    again = h.api.messages(101)[before:]  # not handled again: the current question is shown again (reply owed)
    assert len(again) == 1 and again[0].text.startswith("↻ Tin nhắn trước của bạn đã được lưu")
    assert await answers_of(db, "BNV", p1) == {"kl_nv_tong": 12}
    out = await h.say(u, "5")  # the next question got the next answer
    assert first_line(out) == "✔ Đã lưu: 5 nhiệm vụ — mới"
    async with db.read_session() as s:
        from sqlalchemy import func

        n = (await s.execute(select(func.count()).select_from(AnswerRevision))).scalar_one()
    assert n == 2


# --------------------------------------------------------------------------- issue 14: the officer's blemishes


def c_of(outline_id: str, key: str, unit_code: str, unit_kind: str) -> str:
    """The /c<n> command that opens ``key`` for this unit (its place among the visible questions)."""
    from dialogs.engine import Engine, ReportContext
    from dialogs.loader import load_catalogue

    e = Engine(ReportContext(load_catalogue().get(outline_id), unit_code, unit_kind, {}))
    return f"/c{e._index(key) + 1}"


async def ministry_officer(h, db):
    """Lan, officer of Bộ Nội vụ, at the first question of week 47; returns her and the period."""
    (p1,) = await setup_units(db)
    u = await start_report(h, db)
    return u, p1


async def commune_on(h, db, outline: str = "so-ket-1-nam-2-cap", code: str = "31261", uid: int = 131):
    await import_units(db, DATA / "vn_units_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        p, _ = await repo.periods.open_period(outline, "Kỳ thử", deadline=datetime(2099, 5, 29, 10, tzinfo=UTC))
        inv = await repo.onboarding.create_invite(await repo.units.unit_by_code(code), "officer")
        await s.commit()
    u = h.user(uid, "Xã")
    await h.say(u, f"/start {inv.code}")
    await h.say(u, "/baocao")
    return u, p.id


async def test_section_paths_are_built_without_the_documents_trailing_marks(h, db):
    """Seed 003 numbers its parts "I-", "II-": the heading, the table of contents and the review say "II.1";
    a part's title shown alone keeps "II-"."""
    u, _ = await commune_on(h, db)
    first = u.last().text  # /baocao: the period's header, then the first question, in one message
    assert first.startswith("Báo cáo: ") and "\n\n📋 I — ĐẶC ĐIỂM, TÌNH HÌNH\n" in first and "I-" not in first
    out = await h.say(u, c_of("so-ket-1-nam-2-cap", "bieu_1b", "31261", "xa"))
    assert out[-1].startswith("📋 II.1 — ") and "II-" not in out[-1]
    await h.press(u, "Mục lục")
    toc = u.last().button_texts()
    assert any(" II.1 " in b for b in toc) and not any("-." in b for b in toc)
    review = await h.press(u, "Xem lại")
    text = "\n".join(review)
    assert "II- " in text and " II.1 " in text and "II-.1" not in text


async def test_choices_offer_buttons_in_list_items_and_yes_no(h, db):
    """Seed 000: the field "Chậm/đúng tiến độ" of a list item shows its options as buttons; typing the option's
    words without diacritics works too. Seed 001: a yes/no question has «Có» / «Không»."""
    u, _ = await ministry_officer(h, db)
    await h.say(u, c_of(WEEKLY, "kl_ds_dang_th", "BNV", "bo"))
    await h.say(u, "Số hoá hồ sơ")  # field by field
    for _ in range(4):
        await h.press(u, "Bỏ trống")
    before = u.last()
    assert "Chậm/đúng tiến độ theo phân công" in before.text
    assert before.button_texts()[:2] == ["1. Đúng tiến độ", "2. Chậm tiến độ"]
    out = await h.press(u, "2. Chậm tiến độ")
    assert first_line(out).startswith("✔ Đã thêm mục 1") and "Chậm tiến độ" in first_line(out)
    await h.say(u, "Tập huấn")
    for _ in range(4):
        await h.press(u, "Bỏ trống")
    out = await h.say(u, "cham tien do")
    assert first_line(out).startswith("✔ Đã thêm mục 2") and "Chậm tiến độ" in first_line(out)
    async with db.read_session() as s:
        items = (await Repo(s).submissions.answers((await s.execute(select(Submission))).scalar_one().id))["kl_ds_dang_th"]
    assert [i["dung_han"] for i in items] == ["cham", "cham"]


async def test_yes_no_question_has_buttons(h, db):
    u, _ = await commune_on(h, db, "giam-sat-phan-cap-tthc", "04", 141)
    await h.say(u, c_of("giam-sat-phan-cap-tthc", "q1_dam_bao_kich_ban", "04", "tinh"))
    assert "Có bảo đảm kịch bản tăng trưởng không?" in u.last().text
    assert u.last().button_texts()[:2] == ["Có", "Không"]
    out = await h.press(u, "Có")
    assert first_line(out) == "✔ Đã lưu: Có — mới"


async def test_an_error_keeps_the_way_forward(h, db):
    """A wrong table row and a wrong list field: the error message carries the question's buttons."""
    u, _ = await commune_on(h, db)
    await h.say(u, c_of("so-ket-1-nam-2-cap", "bieu_1b", "31261", "xa"))
    out = await h.say(u, "1 2")
    assert len(out) == 1 and out[0].startswith("❗ Dòng này cần 3 giá trị")
    assert {"Bỏ qua dòng ➡", "✔ Xong biểu", "∅ Dòng trống"} <= set(u.last().button_texts())
    await h.press(u, "Xong biểu")
    await setup_units(db)
    o = await start_report(h, db, 102, "Minh", "BNV")
    await h.say(o, c_of(WEEKLY, "kl_ds_hoan_thanh", "BNV", "bo"))
    await h.say(o, "Rà soát thủ tục")
    await h.press(o, "Bỏ trống")
    await h.press(o, "Bỏ trống")
    out = await h.say(o, "31/2/2025")
    assert len(out) == 1 and "không có thật" in out[0]
    assert {"Bỏ trống", "✖ Huỷ mục này"} <= set(o.last().button_texts())
    out = await h.press(o, "Huỷ mục này")
    assert out[0].startswith("Đã huỷ mục đang nhập.")


async def test_a_value_with_its_unit_word_is_one_biểu_cell(h, db):
    """Biểu 12B (7 columns: money and percent pairs, notes). With no semicolon a value keeps its unit word: "350 triệu"
    alone is the first cell (the others asked one by one), a whole row typed with spaces is read cell by cell, and
    the error's example is spaced like the prompt's."""
    u, period_id = await commune_on(h, db)
    await h.say(u, c_of("so-ket-1-nam-2-cap", "bieu_12b", "31261", "xa"))
    q = u.last().text
    prompt_example = "350; 49%; 350; 49%; 350; 49%; nội dung"
    assert "Dòng 1/16: 1 Cấp tỉnh" in q, q
    assert f"cách nhau bằng dấu chấm phẩy. Ví dụ: {prompt_example} — hoặc gõ từng ô" in q
    out = await h.say(u, "350 triệu")
    assert not out[0].startswith("❗") and "Ô 2/7 — Tỷ trọng" in out[-1], out
    for text, cell in (("49%", "Ô 3/7"), ("1,2 tỷ", "Ô 4/7"), ("50 %", "Ô 5/7"), ("-", "Ô 6/7"), ("-", "Ô 7/7")):
        out = await h.say(u, text)
        assert cell in out[-1], (text, out)
    out = await h.say(u, "đã rà soát")
    assert first_line(out).startswith("✔ Dòng «Cấp tỉnh»: 350 triệu đồng | 49% | 1.200 triệu đồng | 50%"), out
    assert "Dòng 2/16: 2 Cấp xã" in out[-1]
    out = await h.say(u, "1,2 tỷ 10% 500 triệu 20 % 300 triệu đồng 30%")  # six values with spaces, notes left out
    assert first_line(out).startswith("✔ Dòng «Cấp xã»: 1.200 triệu đồng | 10% | 500 triệu đồng | 20% | "
                                      "300 triệu đồng | 30%"), out
    out = await h.say(u, "350 triệu 49%")
    assert out[0].startswith("❗ Dòng này cần 7 giá trị") and "bạn gõ 2" in out[0], out
    assert f"Ví dụ: {prompt_example}\n" in out[0], out[0]
    value = (await answers_of(db, "31261", period_id))["bieu_12b"]
    assert value["rows"]["thu_tinh"]["n2025_so"] == 350_000_000 and value["rows"]["thu_tinh"]["kh2026_so"] == 1_200_000_000
    assert value["rows"]["thu_tinh"]["ghi_chu"] == "đã rà soát" and "th2026_so" not in value["rows"]["thu_tinh"]
    assert value["rows"]["thu_xa"]["th2026_so"] == 300_000_000 and value["rows"]["thu_xa"]["n2025_so"] == 1_200_000_000


async def test_three_wrong_tries_say_plainly_what_is_expected(h, db):
    u, _ = await ministry_officer(h, db)
    await h.say(u, "mười hai")
    out = await h.say(u, "nhiều")
    assert "Bỏ qua câu này" not in " ".join(u.last().button_texts()) and "Câu hỏi vẫn chờ" in out[0]
    out = await h.say(u, "khá nhiều")
    assert "Đã 3 lần chưa đọc được câu trả lời" in out[0] and "Ví dụ: 12 hoặc 1.234" in out[0]
    assert u.last().button_texts()[:2] == ["Bỏ qua câu này ➡", "Gõ /huongdan"]
    out = await h.press(u, "Gõ /huongdan")
    assert "Ví dụ: 12" in out[0] and "/huongdan" in out[0]
    out = await h.press(u, "Bỏ qua câu này")
    assert out[0].startswith("➡ Đã bỏ qua") and "Số lượng nhiệm vụ đã hoàn thành" in out[0]
    # the count starts again on the next question, and after a good answer
    await h.say(u, "sai")
    await h.say(u, "sai nữa")
    out = await h.say(u, "5")
    assert first_line(out) == "✔ Đã lưu: 5 nhiệm vụ — mới"
    async with db.read_session() as s:
        pos = await s.get(ConversationPosition, (await Repo(s).accounts.account_by_tg(101)).id)
    assert "tries" not in pos.state
    await h.say(u, "/c1")
    out = await h.say(u, "sai")
    assert "Đã 3 lần" not in out[0] and "Câu hỏi vẫn chờ" in out[0]


async def test_long_answer_shows_its_length_and_can_be_read_back(h, db):
    u, p1 = await ministry_officer(h, db)
    await h.say(u, c_of(WEEKLY, "tthc_csdl", "BNV", "bo"))
    part = "Đã kết nối cơ sở dữ liệu quốc gia về dân cư.\n" * 110  # 5.060 characters
    out = await h.say(u, part)
    await h.say(u, part)
    out = await h.say(u, "Phần cuối.")
    assert out == ["📝 Đã nhận (9.910 ký tự). Gửi tiếp nếu còn, hoặc bấm «Xong» để sang câu sau."]
    assert "👁 Xem lại đoạn đã gõ" in u.last().button_texts()
    out = await h.press(u, "Xem lại đoạn đã gõ")
    assert len(out) >= 3 and all(len(t) <= 4096 for t in out)
    assert "".join(out).count("Đã kết nối cơ sở dữ liệu quốc gia về dân cư.") == 220 and "Phần cuối." in out[-1]
    assert "✔ Xong" in u.last().button_texts()
    out = await h.press(u, "✔ Xong")
    assert first_line(out).startswith("✔ Đã lưu: Đã kết nối")
    assert len((await answers_of(db, "BNV", p1))["tthc_csdl"]) == 9910


# --------------------------------------------------------------------------- issue 10: reasons and locks


async def second_week(h, db, previous: dict):
    p1, p2 = await setup_units(db, weeks=2)
    u = h.user(101, "Lan")
    await h.say(u, f"/start {await invite(db, 'BNV')}")
    async with db.session() as s:
        repo = Repo(s)
        sub = await repo.submissions.ensure_submission((await repo.units.unit_by_code("BNV")).id, p1)
        for k, v in previous.items():
            await repo.submissions.set_answer(sub.id, k, v, num=v, commit=True)
        await repo.periods.close_period(await repo.periods.period(p1))
        await s.commit()
    await h.say(u, "/baocao")
    await h.press(u, "Trả lời từng câu")
    return u, p2


async def reasons_of(db, period_id: int) -> dict:
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission((await repo.units.unit_by_code("BNV")).id, period_id)
        return await repo.submissions.answer_reasons(sub.id)


async def test_large_change_asks_a_reason_stored_with_the_answer(h, db):
    u, p2 = await second_week(h, db, {"kl_nv_tong": 12, "kl_nv_hoan_thanh": 4, "kl_nv_dang_th": 8})
    out = await h.say(u, "75")
    assert out == ["✔ Đã lưu: 75 nhiệm vụ — ▲ +63 so với tuần trước\n\n❓ Tăng từ 12 lên 75: vì sao? (một dòng)"]
    assert u.last().button_texts() == ["Bỏ qua lý do"]
    assert (await answers_of(db, "BNV", p2))["kl_nv_tong"] == 75
    out = await h.say(u, "  Thêm 63 nhiệm vụ   từ kết luận mới ")
    assert first_line(out) == "✔ Đã ghi lý do: Thêm 63 nhiệm vụ từ kết luận mới"
    assert "Số lượng nhiệm vụ đã hoàn thành" in out[0]
    assert await reasons_of(db, p2) == {"kl_nv_tong": "Thêm 63 nhiệm vụ từ kết luận mới"}
    # a small change (4 → 6) asks nothing; a large drop (8 → 40 is large, skipped with the button)
    out = await h.say(u, "6")
    assert first_line(out) == "✔ Đã lưu: 6 nhiệm vụ — ▲ +2 so với tuần trước" and "vì sao" not in out[0]
    await h.press(u, "Bỏ qua")  # the list
    out = await h.say(u, "40")
    assert "Tăng từ 8 lên 40: vì sao? (một dòng)" in out[0]
    out = await h.press(u, "Bỏ qua lý do")
    assert first_line(out) == "➡ Không ghi lý do."
    assert await reasons_of(db, p2) == {"kl_nv_tong": "Thêm 63 nhiệm vụ từ kết luận mới"}
    assert (await answers_of(db, "BNV", p2))["kl_nv_dang_th"] == 40


async def test_large_change_thresholds_come_from_the_settings(db, db_url):
    h = await Harness(db, db_url, change_ratio=2.0, change_min=100).start()
    u, _ = await second_week(h, db, {"kl_nv_tong": 12})
    out = await h.say(u, "75")
    assert "vì sao" not in out[0] and "Số lượng nhiệm vụ đã hoàn thành" in out[0]


async def test_an_approved_report_stores_nothing_and_says_why(h, db):
    u, p1 = await ministry_officer(h, db)
    await h.say(u, "5")
    async with db.session() as s:
        sub = (await s.execute(select(Submission))).scalar_one()
        sub.status = "approved"
        await s.commit()
    out = await h.say(u, "6")
    assert out[0].startswith("⛔ Báo cáo kỳ «Tuần 47/2026» đã được duyệt nên không sửa được nữa.")
    # the refusal names «🔓 Xin mở lại» and carries that button (issue 22)
    assert "«🔓 Xin mở lại»" in out[0] and u.last().button_texts() == ["🔓 Xin mở lại"]
    assert await answers_of(db, "BNV", p1) == {"kl_nv_tong": 5}
