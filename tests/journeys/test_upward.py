"""Reports that travel upward, end to end through the real Dispatcher: communes of two provinces answer a monthly
outline (numbers, a narrative, choices, a list, a Biểu); each province consolidates (/baocaolen) — its figures, Biểu
rows and list items carried from the communes, its choices proposed from their counts — edits its narrative and a
choice and sends upward; the centre returns one, which fixes and sends again; the centre approves both, and its
/tonghop rolls up the two provinces with figures, Biểu cells and list items equal to what the communes sent (computed
here from what the test typed, not by the code under test)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import openpyxl
import pytest

from exports.load import load_consolidation
from tests.support.harness import Clock, Harness
from tests.support.upward import (
    ANSWERS,
    REGIME_DIR,
    ROWS,
    TZ,
    answer,
    answer_all,
    expected,
    province_answers,
    setup,
)


@pytest.mark.slow  # the whole journey: five communes type ~15 answers each, two provinces, the centre (~14 s)
async def test_provinces_report_upward_and_the_centre_rolls_them_up(db, db_url):
    info = await setup(db)
    clock = Clock(datetime(2026, 2, 23, 9, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock, outlines_dir=str(REGIME_DIR)).start()
    await answer_all(h)

    await _an_giang_sends(h, info)
    hn = await _ha_noi_sends(h)
    centre = await _centre_returns_and_approves(h, hn, info)
    await _centre_rolls_up(h, db, info, centre)


def _check_carried(got: dict, exp: dict, info: dict) -> None:
    """The province's stored answers against the sums this test computed from what it typed."""
    assert got["ho_ngheo"] == exp["households"]
    rows = got["bieu_nhan_luc"]["rows"]
    for rk in ROWS:
        n, ok, rate = exp[rk]
        assert (rows[rk]["so_nguoi"], rows[rk]["dat_chuan"]) == (n, ok)
        assert abs(rows[rk]["ty_le"]["value"] - rate) < 0.01  # recomputed from the sums, not the typed rates averaged
    assert [(i["_nguon"], i["ten"], i["so_nguoi"]) for i in got["nhiem_vu"]] == \
        [(info["communes"][k].name, name, n) for k, name, n in exp["items"]]
    assert got["kien_toan_bcd"] is (exp["yes"] >= exp["no"])


async def _an_giang_sends(h: Harness, info: dict) -> None:
    """An Giang's supervisor: the draft carries the sums of its three communes, with their source."""
    ag = h.user(810, "Văn phòng An Giang")
    out = await h.say(ag, "/baocaolen")
    draft = out[-1]
    exp = expected("91")
    assert "Hạn cấp tỉnh: 17:00 ngày 25/2/2026" in draft
    assert f"Số hộ nghèo được hỗ trợ trong tháng: {exp['households']} hộ (tổng của 3/3 đơn vị đã gửi)" in draft, draft
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn" in draft and "tính lại từ tử số/mẫu số" in draft
    assert "Hoàn thành kế hoạch hỗ trợ hộ nghèo" in draft and "dự thảo từ câu trả lời của các xã" in draft
    assert f"Cấp xã: Có: {exp['yes']} đơn vị; Không: {exp['no']} đơn vị" in draft
    assert "Hình thức tuyên truyền đã áp dụng: Hội nghị, Loa truyền thanh, Mạng xã hội — đề xuất" in draft
    assert f"[{info['communes'][('91', 1)].name}] Rà soát hộ nghèo; 12" in draft
    assert "cộng bảng của 3/3 đơn vị đã gửi" in draft and "thiếu 5 (" in draft
    _check_carried(await province_answers(h.db, info, "91"), exp, info)
    # a choice is the province's to confirm or change: a wrong answer is asked again
    await h.press(ag, "Sửa mục II.1")
    out = await h.say(ag, "chắc là vậy")
    assert "❗" in out[-1]
    out = await h.say(ag, "không")
    assert "Đã kiện toàn Ban chỉ đạo chuyển đổi số của xã chưa?: Không — tỉnh đã chọn" in out[-1]
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
    exp = expected("91", {("91", 0): 15})
    assert f"Số hộ nghèo được hỗ trợ trong tháng: {exp['households']} hộ" in ag.last().text
    await h.press(ag, "Sửa mục I.4")
    out = await h.say(ag, "Tỉnh hoàn thành 100% kế hoạch hỗ trợ hộ nghèo tháng 2.")
    assert "tỉnh đã sửa" in out[-1]
    await h.press(ag, "Gửi lên cấp trên")
    assert "Đã gửi báo cáo của Tỉnh An Giang lên cấp trên" in ag.last().text
    got = await province_answers(h.db, info, "91")
    assert got["kien_toan_bcd"] is False  # the province's own choice, not recomputed
    got["kien_toan_bcd"] = exp["yes"] >= exp["no"]
    _check_carried(got, exp, info)
    # after sending, the province's figures are locked: a later change in a commune does not move them
    await h.say(h.user(701), "/c1")
    await h.say(h.user(701), "8")
    out = await h.say(ag, "/baocaolen")
    assert f"{exp['households']} hộ" in out[-1] and "số liệu đã khóa" in out[-1]



async def _ha_noi_sends(h: Harness):
    """Hà Nội: two communes sent (the third never answered); it sends upward."""
    hn = h.user(811, "Văn phòng Hà Nội")
    out = await h.say(hn, "/baocaolen")
    households = expected("01")["households"]
    assert f"Số hộ nghèo được hỗ trợ trong tháng: {households} hộ (tổng của 2/2 đơn vị đã gửi)" in out[-1], out[-1]
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
    exp = expected(None, {("91", 0): 15})
    households = exp["households"]
    files = sum(v[1] for v in sent.values())
    ontime_num = sum(int(v[2].split("/")[0]) for v in sent.values())
    ontime_den = sum(int(v[2].split("/")[1]) for v in sent.values())
    c = await load_consolidation(db, h.services.catalogue, info["period"])
    assert sorted(u.code for u in c.units) == ["01", "91"]  # the centre consolidates the two provinces
    assert c.item("ho_ngheo").summary.value == households == 50
    assert c.item("ho_so_tthc").summary.value == files
    assert abs(c.item("ty_le_dung_han").summary.value - 100 * ontime_num / ontime_den) < 1e-6
    grid = c.item("bieu_nhan_luc").summary.grid
    for rk in ROWS:
        n, ok, rate = exp[rk]
        assert (grid[rk]["so_nguoi"], grid[rk]["dat_chuan"]) == (n, ok) and abs(grid[rk]["ty_le"] - rate) < 0.01
    assert (grid["tong"]["so_nguoi"], grid["tong"]["dat_chuan"]) == exp["total"]
    assert abs(grid["tong"]["ty_le"] - 100 * exp["total"][1] / exp["total"][0]) < 0.01
    tasks = c.item("nhiem_vu").summary
    assert sorted((u.name, r["_nguon"], r["ten"]) for u, r in tasks.rows) == sorted(
        (info["provinces"][k[0]].name, info["communes"][k].name, name) for k, name, _ in exp["items"])
    await h.say(centre, "/tonghop")
    await h.press(centre, "Tổng hợp ngay")
    xlsx = next(m for m in h.api.messages(900) if m.document and m.document[0].endswith(".xlsx"))
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.document[1]))
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert households in values and files in values
    assert exp["total"][0] in values and exp["can_bo"][0] in values
    # the list sheet names the province and the commune each task came from
    commune = info["communes"][("91", 1)].name
    assert f"Tỉnh An Giang — {commune}" in values
    # the progress sheet counts the provinces as the regime does (both sent before the provinces' deadline)
    rows = list(wb["Tiến độ"].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Mã")  # under the sheet's title
    assert rows[head][5] == "Theo chế độ báo cáo"
    assert sorted((r[1], r[5]) for r in rows[head + 1:]) == [("Thành phố Hà Nội", "Đúng hạn"), ("Tỉnh An Giang", "Đúng hạn")]


async def test_province_supervisors_are_reminded_of_the_provinces_deadline(db, db_url):
    from bot.scheduler import Scheduler
    from bot.sender import Sender

    await setup(db)
    # Tuesday 24/2/2026 18:00: the provinces' deadline (Wednesday 25/2 17:00) is less than a day away
    clock = Clock(datetime(2026, 2, 24, 18, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock, outlines_dir=str(REGIME_DIR)).start()
    await answer(h, 700, ANSWERS[("91", 0)], send=True)
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
