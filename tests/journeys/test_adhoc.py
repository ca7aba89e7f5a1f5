"""/baocaonhanh through the real Dispatcher: a supervisor composes an ad hoc report in chat, it reaches every officer
of the chosen province at once with the first question, they answer, and /tiendo and /tonghop work on it."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from dialogs.adhoc import AdhocError, parse_hours, parse_questions
from storage.models import Period
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.harness import Clock, Harness

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_questions_typed_one_per_line_get_the_importers_types():
    qs = parse_questions("1. Số nhà bị hư hại\n- Số người phải sơ tán\n\nTỷ lệ hộ bị mất điện\n"
                         "Kinh phí cần hỗ trợ\nCó người bị thương không?\nNhu cầu hỗ trợ")
    assert [(q.prompt, q.type) for q in qs] == [
        ("Số nhà bị hư hại", "integer"), ("Số người phải sơ tán", "integer"), ("Tỷ lệ hộ bị mất điện", "percent"),
        ("Kinh phí cần hỗ trợ", "money"), ("Có người bị thương không?", "yesno"), ("Nhu cầu hỗ trợ", "longtext")]
    assert qs[1].unit == "người"
    with pytest.raises(AdhocError, match="mỗi câu một dòng"):
        parse_questions("  \n ")
    assert parse_hours("6") == 6 and parse_hours("1,5 giờ") == 1.5
    with pytest.raises(AdhocError, match="ví dụ: 6"):
        parse_hours("chiều nay")


async def _setup(db) -> dict[str, list[int]]:
    """Officers in three communes of An Giang (91) and one of another province; a supervisor of An Giang."""
    await import_units(db, DATA / "vn_units_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        ag = await repo.units.unit_by_code("91")
        other = await repo.units.unit_by_code("01")
        ag_communes = (await repo.units.list_units(ag, include_root=False))[:3]
        other_commune = (await repo.units.list_units(other, include_root=False))[0]
        for i, u in enumerate([*ag_communes, other_commune]):
            acc = await repo.accounts.ensure_account(700 + i, f"Cán bộ {u.name}")
            await repo.accounts.set_account(acc, role="officer", unit=u)
        sup = await repo.accounts.ensure_account(800, "Văn phòng UBND tỉnh An Giang")
        await repo.accounts.set_account(sup, role="supervisor", unit=ag)
        await repo.accounts.add_scope(sup, ag)
        await s.commit()
        return {"ag": [u.id for u in ag_communes], "ag_total": len(await repo.units.list_units(ag, include_root=False))}


async def test_huy_drops_the_report_being_composed(db, db_url):
    await _setup(db)
    h = await Harness(db, db_url, Clock(datetime(2026, 11, 24, 9, tzinfo=TZ).astimezone(UTC))).start()
    sup = h.user(800, "Tổng hợp")
    await h.say(sup, "/baocaonhanh")
    out = await h.say(sup, "/huy")
    assert out == ["Đã thôi soạn báo cáo nhanh. Gõ /baocaonhanh để soạn lại."]
    out = await h.say(sup, "Thiệt hại do bão số 15")  # no longer taken as the report's title
    assert not any("mỗi câu một dòng" in o for o in out)
    async with db.read_session() as s:
        pos = await Repo(s).positions.position((await Repo(s).accounts.account_by_tg(800)).id)
        assert pos.mode == "none"


async def test_supervisor_sends_an_ad_hoc_report_and_follows_it(db, db_url):
    info = await _setup(db)
    clock = Clock(datetime(2026, 11, 24, 9, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock).start()
    sup = h.user(800, "Tổng hợp")
    out = await h.say(sup, "/baocaonhanh")
    assert "Gõ tên báo cáo" in out[0]
    out = await h.say(sup, "Thiệt hại do bão số 15")
    assert "mỗi câu một dòng" in out[0]
    out = await h.say(sup, "Số nhà bị hư hại\nSố người phải sơ tán\nNhu cầu hỗ trợ")
    assert "1. Số nhà bị hư hại — số nguyên" in out[0] and "3. Nhu cầu hỗ trợ — nội dung tường thuật" in out[0]
    await h.press(sup, "Đúng")
    out = await h.say(sup, "Thành phố Hà Nội")
    assert "ngoài phạm vi" in out[0]  # a supervisor only reaches his own scope
    out = await h.say(sup, "91")
    assert "Phạm vi: Tỉnh An Giang" in out[0]
    out = await h.say(sup, "trưa nay")
    assert out[0].startswith("❗") and "ví dụ: 6" in out[0]
    out = await h.say(sup, "8")
    assert f"tới {info['ag_total']} đơn vị (3 cán bộ đã vào bot), hạn nộp 17:00 ngày 24/11/2026" in out[0]
    await h.press(sup, "Gửi ngay")
    assert "Đã gửi câu hỏi đầu tiên tới 3 cán bộ" in sup.last().text
    # each An Giang officer has the first question at once; the officer of another province nothing
    for tg in (700, 701, 702):
        first = h.api.messages(tg)[-1].text
        assert "BÁO CÁO ĐỘT XUẤT" in first and "Số nhà bị hư hại" in first, first
    assert h.api.messages(703) == []
    async with db.read_session() as s:
        period = (await Repo(s).periods.list_periods())[-1]
    assert period.kind == "adhoc" and len(period.unit_scope) == info["ag_total"]
    assert period.deadline == datetime(2026, 11, 24, 17, tzinfo=TZ)
    # officers answer straight away: the answer goes to the ad hoc report
    for tg, houses in ((700, "12"), (701, "30")):
        officer = h.user(tg)
        await h.say(officer, houses)
        await h.say(officer, "150")
        await h.say(officer, "Cần 200 thùng mì, 50 tấm bạt")
        await h.press(officer, "Xong")
        await h.press(officer, "Gửi báo cáo")
        await h.press(officer, "Xác nhận gửi")
        assert "Đã gửi báo cáo" in officer.last().text
    out = await h.say(sup, "/tiendo")
    text = "\n".join(out)
    assert "Thiệt hại do bão số 15" in text and f"Đã nộp 2/{info['ag_total']} đơn vị" in text
    await h.say(sup, "/tonghop")
    assert "Thiệt hại do bão số 15" in sup.last().text
    await h.press(sup, "Tổng hợp ngay")
    docs = [m for m in h.api.messages(800) if m.document]
    xlsx = next(d for d in docs if d.document[0].endswith(".xlsx"))
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.document[1]))
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert 42 in values  # 12 + 30 houses, the total of the two communes


async def test_officers_cannot_send_ad_hoc_reports(db, db_url):
    await _setup(db)
    h = await Harness(db, db_url).start()
    out = await h.say(h.user(700), "/baocaonhanh")
    assert "dành cho quản trị viên và người tổng hợp" in out[0]
    async with db.read_session() as s:
        assert (await Repo(s).periods.list_periods()) == []
    assert Period  # (the model is what list_periods returns)
