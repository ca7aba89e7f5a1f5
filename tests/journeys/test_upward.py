"""Reports that travel upward, end to end through the real Dispatcher: communes of two provinces answer a monthly
outline; each province consolidates (/baocaolen), edits its narrative and sends upward; the centre returns one, which
fixes and sends again; the centre approves both, and its /tonghop rolls up the two provinces with figures equal to the
sum of the communes' sent reports (computed here from what the test typed, not by the code under test)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl

from dialogs.loader import load_catalogue
from dialogs.periods import regime_spec
from exports.load import load_consolidation
from storage.importer import import_units
from storage.repo import Repo
from tests.conftest import DATA, ROOT
from tests.support.harness import Clock, Harness

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REGIME_DIR = ROOT / "tests" / "data" / "regime"
MONTHLY = "thang-xa-test"
# (province code, commune index) → (households, files, on-time files/all files, narrative); None: not sent
ANSWERS = {
    ("91", 0): (12, 340, "300/340", "Hoàn thành kế hoạch hỗ trợ hộ nghèo"),
    ("91", 1): (7, 120, "110/120", "Hoàn thành kế hoạch hỗ trợ hộ nghèo"),
    ("91", 2): (3, 95, "95/95", "Đã số hoá toàn bộ hồ sơ"),
    ("01", 0): (20, 500, "450/500", "Triển khai đúng tiến độ"),
    ("01", 1): (5, 80, "70/80", "Triển khai đúng tiến độ"),
    ("01", 2): None,  # never answers (counted as missing at the communes' level)
}


async def _setup(db) -> dict:
    await import_units(db, DATA / "vn_units_2025.csv")
    info: dict = {"communes": {}, "provinces": {}}
    async with db.session() as s:
        repo = Repo(s)
        unit_ids = []
        for i, code in enumerate(("91", "01")):
            prov = await repo.units.unit_by_code(code)
            info["provinces"][code] = prov
            sup = await repo.accounts.ensure_account(810 + i, f"Văn phòng {prov.name}")
            await repo.accounts.set_account(sup, role="supervisor", unit=prov)
            await repo.accounts.add_scope(sup, prov)
            for j, u in enumerate((await repo.units.list_units(prov, include_root=False))[:3]):
                acc = await repo.accounts.ensure_account(700 + 10 * i + j, f"Cán bộ {u.name}")
                await repo.accounts.set_account(acc, role="officer", unit=u)
                info["communes"][(code, j)] = u
                unit_ids.append(u.id)
        o = load_catalogue((str(REGIME_DIR),)).get(MONTHLY)
        spec = regime_spec(o, date(2026, 2, 10), TZ, timedelta(hours=48))
        p, _ = await repo.periods.open_period(MONTHLY, spec.label, deadline=spec.deadline, starts_on=spec.starts_on,
                                      ends_on=spec.ends_on, closes_at=spec.closes_at, unit_ids=unit_ids,
                                      cutoff_on=spec.cutoff_on, level_deadlines=spec.level_deadlines)
        info["period"] = p.id
        await s.commit()
    return info


async def _answer(h: Harness, tg: int, a: tuple, send: bool) -> None:
    officer = h.user(tg)
    out = await h.say(officer, "/baocao")
    assert "số liệu tính đến ngày 14/2/2026" in out[0]
    await h.say(officer, str(a[0]))
    await h.say(officer, str(a[1]))
    await h.say(officer, a[2])
    await h.say(officer, a[3] or "Chưa có đánh giá")
    await h.press(officer, "Xong")
    if send:
        await h.press(officer, "Gửi báo cáo")
        await h.press(officer, "Xác nhận gửi")
        assert "Đã gửi báo cáo" in officer.last().text


async def test_provinces_report_upward_and_the_centre_rolls_them_up(db, db_url):
    info = await _setup(db)
    clock = Clock(datetime(2026, 2, 23, 9, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock, outlines_dir=str(REGIME_DIR)).start()
    for (code, j), a in ANSWERS.items():
        if a is not None:
            await _answer(h, 700 + 10 * ("91", "01").index(code) + j, a, send=True)

    await _an_giang_sends(h, info)
    hn = await _ha_noi_sends(h)
    centre = await _centre_returns_and_approves(h, hn, info)
    await _centre_rolls_up(h, db, info, centre)


async def _an_giang_sends(h: Harness, info: dict) -> None:
    """An Giang's supervisor: the draft carries the sums of its three communes, with their source."""
    ag = h.user(810, "Văn phòng An Giang")
    out = await h.say(ag, "/baocaolen")
    draft = out[-1]
    assert "Hạn cấp tỉnh: 17:00 ngày 25/2/2026" in draft
    assert "Số hộ nghèo được hỗ trợ trong tháng: 22 hộ (tổng của 3/3 đơn vị đã gửi)" in draft, draft
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn" in draft and "tính lại từ tử số/mẫu số" in draft
    assert "Hoàn thành kế hoạch hỗ trợ hộ nghèo" in draft and "dự thảo từ câu trả lời của các xã" in draft
    # the province approves a commune's report; the commune asks to reopen it, is allowed, changes its figure before
    # the province sends: the province's figure follows
    commune = h.user(700)
    await h.say(ag, f"/xem {info['communes'][('91', 0)].name}")
    await h.press(ag, "Duyệt")
    assert "Đã duyệt" in ag.last().text
    await h.press(commune, "Xin mở lại")
    await h.say(commune, "Nhập nhầm số hộ nghèo ở câu 1")
    await h.press(ag, "Đồng ý")
    assert "Đã đồng ý mở lại" in ag.last().text
    await h.say(commune, "/baocao")
    await h.say(commune, "/c1")
    await h.say(commune, "15")
    await h.press(ag, "Tính lại")
    assert "Số hộ nghèo được hỗ trợ trong tháng: 25 hộ" in ag.last().text
    await h.press(ag, "Sửa mục I.4")
    out = await h.say(ag, "Tỉnh hoàn thành 100% kế hoạch hỗ trợ hộ nghèo tháng 2.")
    assert "tỉnh đã sửa" in out[-1]
    await h.press(ag, "Gửi lên cấp trên")
    assert "Đã gửi báo cáo của Tỉnh An Giang lên cấp trên" in ag.last().text
    # after sending, the province's figures are locked: a later change in a commune does not move them
    await h.say(h.user(701), "/c1")
    await h.say(h.user(701), "8")
    out = await h.say(ag, "/baocaolen")
    assert "25 hộ" in out[-1] and "số liệu đã khóa" in out[-1]



async def _ha_noi_sends(h: Harness):
    """Hà Nội: two communes sent (the third never answered); it sends upward."""
    hn = h.user(811, "Văn phòng Hà Nội")
    out = await h.say(hn, "/baocaolen")
    assert "Số hộ nghèo được hỗ trợ trong tháng: 25 hộ (tổng của 2/2 đơn vị đã gửi)" in out[-1], out[-1]
    await h.press(hn, "Gửi lên cấp trên")
    return hn


async def _centre_returns_and_approves(h: Harness, hn, info: dict):
    """The centre sees provinces in /tiendo, returns Hà Nội, which fixes its narrative and sends again."""
    centre = h.user(900, "Văn phòng Chính phủ")
    text = "\n".join(await h.say(centre, "/tiendo"))
    assert "Cấp tỉnh gửi lên: 2/2" in text and "đúng hạn 2" in text, text
    assert "Cấp xã: 5/6" in text
    await h.press(centre, "Thành phố Hà Nội: 2/3")  # drill down to the communes of one province
    missing = info["communes"][("01", 2)].name
    assert "Phạm vi: Thành phố Hà Nội" in centre.last().text and missing in centre.last().text
    out = await h.say(centre, "/xem Thành phố Hà Nội")
    assert "Số hộ nghèo" in "\n".join(out)
    await h.press(centre, "Trả lại")
    await h.say(centre, "mục 4: thiếu đánh giá chung của thành phố")
    told = h.api.messages(811)[-1].text
    assert "thiếu đánh giá chung" in told
    out = await h.say(hn, "/baocaolen")
    assert "Cấp trên trả lại" in out[-1]
    await h.press(hn, "Sửa mục I.4")
    await h.say(hn, "Thành phố triển khai đúng tiến độ; 2/3 xã đã báo cáo.")
    await h.press(hn, "Gửi lên cấp trên")
    assert "Đã gửi báo cáo của Thành phố Hà Nội lên cấp trên" in hn.last().text
    for name in ("Thành phố Hà Nội", "Tỉnh An Giang"):
        await h.say(centre, f"/xem {name}")
        await h.press(centre, "Duyệt")
        assert "Đã duyệt" in centre.last().text
    return centre


async def _centre_rolls_up(h: Harness, db, info: dict, centre) -> None:
    """The centre's /tonghop rolls up the two provinces: the sums of the communes' sent reports."""
    sent = {k: v for k, v in ANSWERS.items() if v is not None}
    # commune 700 changed 12 → 15 before An Giang sent (counted); 701 changed 7 → 8 after (locked out: not counted)
    households = sum(v[0] for v in sent.values()) + (15 - 12)
    files = sum(v[1] for v in sent.values())
    ontime_num = sum(int(v[2].split("/")[0]) for v in sent.values())
    ontime_den = sum(int(v[2].split("/")[1]) for v in sent.values())
    c = await load_consolidation(db, h.services.catalogue, info["period"])
    assert sorted(u.code for u in c.units) == ["01", "91"]  # the centre consolidates the two provinces
    assert c.item("ho_ngheo").summary.value == households == 50
    assert c.item("ho_so_tthc").summary.value == files
    assert abs(c.item("ty_le_dung_han").summary.value - 100 * ontime_num / ontime_den) < 1e-6
    await h.say(centre, "/tonghop")
    await h.press(centre, "Tổng hợp ngay")
    xlsx = next(m for m in h.api.messages(900) if m.document and m.document[0].endswith(".xlsx"))
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.document[1]))
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert households in values and files in values
    # the progress sheet counts the provinces as the regime does (both sent before the provinces' deadline)
    rows = list(wb["Tiến độ"].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Mã")  # under the sheet's title
    assert rows[head][5] == "Theo chế độ báo cáo"
    assert sorted((r[1], r[5]) for r in rows[head + 1:]) == [("Thành phố Hà Nội", "Đúng hạn"), ("Tỉnh An Giang", "Đúng hạn")]


async def test_province_supervisors_are_reminded_of_the_provinces_deadline(db, db_url):
    from bot.scheduler import Scheduler
    from bot.sender import Sender

    await _setup(db)
    # Tuesday 24/2/2026 18:00: the provinces' deadline (Wednesday 25/2 17:00) is less than a day away
    clock = Clock(datetime(2026, 2, 24, 18, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock, outlines_dir=str(REGIME_DIR)).start()
    await _answer(h, 700, ANSWERS[("91", 0)], send=True)
    hn = h.user(811, "Văn phòng Hà Nội")
    await h.say(hn, "/baocaolen")
    await h.press(hn, "Gửi lên cấp trên")  # Hà Nội has sent: it is not reminded
    sched = Scheduler(h.bot, h.services, Sender(h.bot, h.db, now=h.clock))
    rep = await h.vclock.run(sched.tick())
    assert rep.messages.get("province") == 1
    text = next(m.text for m in h.api.messages(810) if "gửi cấp trên" in m.text)
    assert "⏰ Nhắc báo cáo của Tỉnh An Giang gửi cấp trên" in text and "Hạn cấp tỉnh: 17:00 ngày 25/2/2026" in text
    assert "Đã có 1/3 đơn vị cấp xã gửi báo cáo" in text and "/baocaolen" in text
    assert not any("Nhắc báo cáo của" in m.text for m in h.api.messages(811))
    rep = await h.vclock.run(sched.tick())  # claimed once: not sent again
    assert not rep.messages.get("province")
    clock.t = datetime(2026, 2, 25, 18, tzinfo=TZ).astimezone(UTC)  # after the deadline: once more, overdue
    rep = await h.vclock.run(sched.tick())
    assert rep.messages.get("province") == 1
    assert any("Đã quá hạn báo cáo của Tỉnh An Giang gửi cấp trên" in m.text for m in h.api.messages(810))
