"""The world of the upward tests (issue 26): two provinces with three communes each, a monthly outline under the
reporting regime (numbers, a narrative, choices, a list, a Biểu), what each commune's officer types, and the walk
that types it through the real bot."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from dialogs.loader import load_catalogue
from dialogs.periods import regime_spec
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA, ROOT
from tests.support.harness import Harness

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


async def setup(db) -> dict:
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


async def answer(h: Harness, tg: int, a: tuple, send: bool) -> None:
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


async def answer_all(h: Harness) -> None:
    for (code, j), a in ANSWERS.items():
        if a is not None:
            await answer(h, 700 + 10 * ("91", "01").index(code) + j, a, send=True)


def expected(code: str | None, changed: dict | None = None) -> dict:
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


async def province_answers(db, info: dict, code: str) -> dict:
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(info["provinces"][code].id, info["period"])
        return await repo.submissions.answers(sub.id)
