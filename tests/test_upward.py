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
# (province code, commune index) → what the commune's officer types; None: never answers. Each answer:
# households, files, on-time files/all files, narrative, Ban chỉ đạo (yes/no), forms (options typed), tasks (name,
# people), Biểu 01 rows (people, up to standard, note)
ANSWERS = {
    ("91", 0): (12, 340, "300/340", "Hoàn thành kế hoạch hỗ trợ hộ nghèo", True, "1, 3",
                [("Tập huấn chuyển đổi số", 40)], {"can_bo": (10, 8, "đủ"), "cong_chuc": (20, 15, "thiếu 5")}),
    ("91", 1): (7, 120, "110/120", "Hoàn thành kế hoạch hỗ trợ hộ nghèo", False, "2",
                [("Rà soát hộ nghèo", 12), ("Cấp căn cước", 300)], {"can_bo": (6, 6, "đủ"), "cong_chuc": (14, 7, "")}),
    ("91", 2): (3, 95, "95/95", "Đã số hoá toàn bộ hồ sơ", True, "1",
                [], {"can_bo": (4, 1, "thiếu 3"), "cong_chuc": (9, 9, "")}),
    ("01", 0): (20, 500, "450/500", "Triển khai đúng tiến độ", True, "1, 2, 3",
                [("Ra mắt tổ công nghệ số cộng đồng", 25)], {"can_bo": (15, 12, ""), "cong_chuc": (30, 30, "")}),
    ("01", 1): (5, 80, "70/80", "Triển khai đúng tiến độ", True, "3",
                [("Tập huấn chuyển đổi số", 18)], {"can_bo": (8, 4, ""), "cong_chuc": (11, 10, "")}),
    ("01", 2): None,  # never answers (counted as missing at the communes' level)
}
ROWS = ("can_bo", "cong_chuc")


async def _setup(db) -> dict:
    await import_units(db, DATA / "vn_units_2025.csv")
    info: dict = {"communes": {}, "provinces": {}}
    async with db.session() as s:
        repo = Repo(s)
        unit_ids = []
        for i, code in enumerate(("91", "01")):
            prov = await repo.unit_by_code(code)
            info["provinces"][code] = prov
            sup = await repo.ensure_account(810 + i, f"Văn phòng {prov.name}")
            await repo.set_account(sup, role="supervisor", unit=prov)
            await repo.add_scope(sup, prov)
            for j, u in enumerate((await repo.list_units(prov, include_root=False))[:3]):
                acc = await repo.ensure_account(700 + 10 * i + j, f"Cán bộ {u.name}")
                await repo.set_account(acc, role="officer", unit=u)
                info["communes"][(code, j)] = u
                unit_ids.append(u.id)
        o = load_catalogue((str(REGIME_DIR),)).get(MONTHLY)
        spec = regime_spec(o, date(2026, 2, 10), TZ, timedelta(hours=48))
        p, _ = await repo.open_period(MONTHLY, spec.label, deadline=spec.deadline, starts_on=spec.starts_on,
                                      ends_on=spec.ends_on, closes_at=spec.closes_at, unit_ids=unit_ids,
                                      cutoff_on=spec.cutoff_on, level_deadlines=spec.level_deadlines)
        info["period"] = p.id
        await s.commit()
    return info


async def _answer(h: Harness, tg: int, a: tuple, send: bool) -> None:
    officer = h.user(tg)
    out = await h.say(officer, "/baocao")
    assert "số liệu tính đến ngày 14/2/2026" in out[0]
    for text in (str(a[0]), str(a[1]), a[2], a[3]):
        await h.say(officer, text)
    await h.press(officer, "Xong")
    await h.press(officer, "Có" if a[4] else "Không", contains=False)
    await h.say(officer, a[5])
    for name, people in a[6]:
        await h.say(officer, f"{name}; {people}")
    await h.press(officer, "Xong")
    for rk in ROWS:
        n, ok, note = a[7][rk]
        await h.say(officer, f"{n}; {ok}; {round(100 * ok / n)}%" + (f"; {note}" if note else ""))
    assert "📨 Gửi báo cáo" in officer.last().button_texts()
    if send:
        await h.press(officer, "Gửi báo cáo")
        await h.press(officer, "Xác nhận gửi")
        assert "Đã gửi báo cáo" in officer.last().text


async def _answer_all(h: Harness) -> None:
    for (code, j), a in ANSWERS.items():
        if a is not None:
            await _answer(h, 700 + 10 * ("91", "01").index(code) + j, a, send=True)


def _expected(code: str | None, changed: dict | None = None) -> dict:
    """What the province (``code``; None: the centre over both) must carry, computed here from what the test typed:
    the households' sum, the Biểu's sums and recomputed ratio, the list's items, the choices' counts."""
    sent = {k: v for k, v in ANSWERS.items() if v is not None and (code is None or k[0] == code)}
    hh = {k: v[0] for k, v in sent.items()} | (changed or {})
    out = {"households": sum(hh.values()), "items": [(k, name, n) for k, v in sent.items() for name, n in v[6]],
           "yes": sum(1 for v in sent.values() if v[4]), "no": sum(1 for v in sent.values() if not v[4])}
    for rk in ROWS:
        n = sum(v[7][rk][0] for v in sent.values())
        ok = sum(v[7][rk][1] for v in sent.values())
        out[rk] = (n, ok, 100 * ok / n)
    n_all = sum(out[rk][0] for rk in ROWS)
    out["total"] = (n_all, sum(out[rk][1] for rk in ROWS))
    return out


async def test_provinces_report_upward_and_the_centre_rolls_them_up(db, db_url):
    info = await _setup(db)
    clock = Clock(datetime(2026, 2, 23, 9, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock, outlines_dir=str(REGIME_DIR)).start()
    await _answer_all(h)

    await _an_giang_sends(h, info)
    hn = await _ha_noi_sends(h)
    centre = await _centre_returns_and_approves(h, hn, info)
    await _centre_rolls_up(h, db, info, centre)


async def _province_answers(db, info: dict, code: str) -> dict:
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.find_submission(info["provinces"][code].id, info["period"])
        return await repo.answers(sub.id)


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
    exp = _expected("91")
    assert "Hạn cấp tỉnh: 17:00 ngày 25/2/2026" in draft
    assert f"Số hộ nghèo được hỗ trợ trong tháng: {exp['households']} hộ (tổng của 3/3 đơn vị đã gửi)" in draft, draft
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn" in draft and "tính lại từ tử số/mẫu số" in draft
    assert "Hoàn thành kế hoạch hỗ trợ hộ nghèo" in draft and "dự thảo từ câu trả lời của các xã" in draft
    assert f"Các xã: Có: {exp['yes']} đơn vị; Không: {exp['no']} đơn vị" in draft
    assert "Hình thức tuyên truyền đã áp dụng: Hội nghị, Loa truyền thanh, Mạng xã hội — đề xuất" in draft
    assert f"[{info['communes'][('91', 1)].name}] Rà soát hộ nghèo; 12" in draft
    assert "cộng bảng của 3/3 đơn vị đã gửi" in draft and "thiếu 5 (" in draft
    _check_carried(await _province_answers(h.db, info, "91"), exp, info)
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
    exp = _expected("91", {("91", 0): 15})
    assert f"Số hộ nghèo được hỗ trợ trong tháng: {exp['households']} hộ" in ag.last().text
    await h.press(ag, "Sửa mục I.4")
    out = await h.say(ag, "Tỉnh hoàn thành 100% kế hoạch hỗ trợ hộ nghèo tháng 2.")
    assert "tỉnh đã sửa" in out[-1]
    await h.press(ag, "Gửi lên cấp trên")
    assert "Đã gửi báo cáo của Tỉnh An Giang lên cấp trên" in ag.last().text
    got = await _province_answers(h.db, info, "91")
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
    households = _expected("01")["households"]
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
    exp = _expected(None, {("91", 0): 15})
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
