"""The reporting regime (Nghị định 09/2019/NĐ-CP): data cutoffs, working days across Tết and 2/9, deadlines per
level, per-period overrides, the regime in outlines, /moky and `baocao period open`, and the cutoff shown to the
officer, in reminders and in the .docx.

The holiday dates below were checked against the official schedules, not read from the library:
- Tết Bính Ngọ 2026: civil servants off Saturday 14/2 to Sunday 22/2/2026 (Mon 16/2 – Fri 20/2 are the working
  days off; Bộ Nội vụ's announcement for 2026). Mùng 1 Tết = Tuesday 17/2/2026.
- Giỗ Tổ Hùng Vương 2026 (10/3 âm lịch) falls on Sunday 26/4/2026: Monday 27/4 is off instead.
- 30/4 and 1/5/2026 are Thursday and Friday.
- Quốc khánh 2026: 2/9 and 1/9 (Labour Code 2019, art. 112: 2/9 and the day before or after) — Tuesday 1/9 and
  Wednesday 2/9/2026. The Government also moved Monday 31/8 to Saturday 22/8/2026 (worked).
- Tết Đinh Mùi 2027: mùng 1 Tết = Saturday 6/2/2027 (the lunar calendar); mùng 1–3 (6–8/2) are always off.
"""

from __future__ import annotations

import asyncio
import io
import json
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from dialogs.loader import check_outline_text, load_catalogue
from dialogs.periods import automatic_spec, regime_spec
from dialogs.regime import WorkCalendar, cutoff_text, level_deadlines, regime_window, timeliness
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA, ROOT
from tests.support.harness import Clock, Harness

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REGIME_DIR = ROOT / "tests" / "data" / "regime"
MONTHLY = "thang-xa-test"
CAL = WorkCalendar()


def test_tet_2026_days_off():
    for d in range(16, 21):  # Mon 16/2 – Fri 20/2/2026
        assert not CAL.is_working_day(date(2026, 2, d)), d
    assert CAL.is_working_day(date(2026, 2, 13))  # Friday before Tết
    assert CAL.is_working_day(date(2026, 2, 23))  # Monday after
    # a monthly report of February 2026: cutoff Saturday 14/2; one working day after it is Monday 23/2
    assert CAL.add_working_days(date(2026, 2, 14), 1) == date(2026, 2, 23)
    assert CAL.add_working_days(date(2026, 2, 12), 1) == date(2026, 2, 13)
    assert CAL.add_working_days(date(2026, 2, 12), 2) == date(2026, 2, 23)
    assert CAL.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1


def test_other_2026_holidays():
    assert not CAL.is_working_day(date(2026, 4, 27))  # Giỗ Tổ moved from Sunday 26/4
    assert not CAL.is_working_day(date(2026, 4, 30)) and not CAL.is_working_day(date(2026, 5, 1))
    assert CAL.add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)
    assert CAL.add_working_days(date(2026, 4, 29), 1) == date(2026, 5, 4)


def test_national_day_2026():
    assert not CAL.is_working_day(date(2026, 9, 1)) and not CAL.is_working_day(date(2026, 9, 2))
    assert CAL.is_working_day(date(2026, 9, 3))
    # the day the Government moved: Monday 31/8 off, Saturday 22/8 worked
    assert not CAL.is_working_day(date(2026, 8, 31))
    assert CAL.is_working_day(date(2026, 8, 22))
    assert CAL.add_working_days(date(2026, 8, 28), 1) == date(2026, 9, 3)
    assert CAL.add_working_days(date(2026, 8, 21), 1) == date(2026, 8, 22)


def test_tet_2027_and_overrides():
    for d in (6, 7, 8):  # mùng 1–3 Tết Đinh Mùi
        assert not CAL.is_working_day(date(2027, 2, d))
    # the library's 2027 schedule (29 Tết – mùng 5: Thu 4/2 – Wed 10/2): the next working day after 3/2 is 11/2
    assert CAL.add_working_days(date(2027, 2, 3), 1) == date(2027, 2, 11)
    # if the Government decides otherwise, the period's overrides win: 4/2 worked, 11/2 given off
    cal = WorkCalendar(days_off=frozenset({date(2027, 2, 11)}), workdays=frozenset({date(2027, 2, 4)}))
    assert cal.add_working_days(date(2027, 2, 3), 1) == date(2027, 2, 4)
    assert cal.add_working_days(date(2027, 2, 4), 1) == date(2027, 2, 12)
    # a weekend made a working day by override counts too
    assert WorkCalendar(workdays=frozenset({date(2026, 11, 28)})).add_working_days(date(2026, 11, 27), 1) \
        == date(2026, 11, 28)


@pytest.mark.parametrize("kind,year,n,start,end", [
    ("monthly", 2026, 6, date(2026, 5, 15), date(2026, 6, 14)),
    ("monthly", 2026, 1, date(2025, 12, 15), date(2026, 1, 14)),
    ("quarterly", 2026, 1, date(2025, 12, 15), date(2026, 3, 14)),
    ("quarterly", 2026, 3, date(2026, 6, 15), date(2026, 9, 14)),
    ("half_yearly", 2026, 1, date(2025, 12, 15), date(2026, 6, 14)),
    ("yearly", 2026, 1, date(2025, 12, 15), date(2026, 12, 14)),
])
def test_cutoff_windows(kind, year, n, start, end):
    assert regime_window(kind, year, n) == (start, end)


def test_level_deadlines_and_timeliness():
    dl = level_deadlines(date(2026, 2, 14), {"commune": 1, "province": 3, "centre": 5}, CAL, time(17), TZ)
    assert [d.date() for d in dl.values()] == [date(2026, 2, 23), date(2026, 2, 25), date(2026, 2, 27)]
    assert list(dl) == ["commune", "province", "centre"]
    over = level_deadlines(date(2026, 2, 14), {"commune": 1, "province": 3}, CAL, time(17), TZ,
                           {"province": datetime(2026, 2, 26, 9, tzinfo=TZ)})
    assert over["province"] == datetime(2026, 2, 26, 9, tzinfo=TZ)
    deadline = dl["commune"]
    assert timeliness(deadline, deadline, deadline) == "on_time"
    assert timeliness(datetime(2026, 2, 24, tzinfo=TZ), deadline, deadline) == "late"
    assert timeliness(None, deadline, datetime(2026, 2, 24, tzinfo=TZ)) == "missing"
    assert timeliness(None, deadline, datetime(2026, 2, 20, tzinfo=TZ)) == "pending"
    assert cutoff_text(date(2026, 2, 14)) == "số liệu tính đến ngày 14/2/2026"


def test_outline_regime_loads_and_opens_itself():
    cat = load_catalogue((str(REGIME_DIR),))
    o = cat.get(MONTHLY)
    assert o.period.regime is not None and o.period.regime.levels == {"commune": 1, "province": 3, "centre": 5}
    now = datetime(2026, 2, 10, 8, tzinfo=TZ)  # February's window (15/1–14/2) holds the day: its period opens
    spec = automatic_spec(o, now, TZ, grace_hours(48))
    assert spec is not None and spec.label == "Tháng 2/2026"
    assert (spec.starts_on, spec.cutoff_on) == (date(2026, 1, 15), date(2026, 2, 14))
    assert spec.deadline == datetime(2026, 2, 23, 17, tzinfo=TZ)
    assert spec.closes_at == datetime(2026, 3, 1, 17, tzinfo=TZ)  # centre's deadline 27/2 + 48 h
    # from the 15th the next window holds the day; February's period stays open until it closes
    assert automatic_spec(o, datetime(2026, 2, 15, 8, tzinfo=TZ), TZ, grace_hours(48)).label == "Tháng 3/2026"
    moved = regime_spec(o, date(2026, 2, 10), TZ, grace_hours(0), cutoff=date(2026, 2, 12))
    assert moved.cutoff_on == date(2026, 2, 12) and moved.deadline.date() == date(2026, 2, 13)


def grace_hours(n: int):
    from datetime import timedelta

    return timedelta(hours=n)


@pytest.mark.parametrize("bad,words", [
    ("  regime: {levels: {commune: 3, province: 1}}", "hạn cấp trên phải sau hạn cấp dưới"),
    ("  regime: {cutoff_day: 31}", "cutoff_day"),
])
def test_outline_regime_errors(bad, words):
    text = (REGIME_DIR / "thang_xa.yaml").read_text(encoding="utf-8")
    start = text.index("  regime:")
    end = text.index("respondents:")
    outline, problems = check_outline_text(text[:start] + bad + "\n" + text[end:])
    assert outline is None and any(words in p.message for p in problems), problems


def test_regime_only_for_regular_periods():
    text = (REGIME_DIR / "thang_xa.yaml").read_text(encoding="utf-8").replace("kind: monthly", "kind: one_off")
    outline, problems = check_outline_text(text)
    assert any("regime" in p.message and "monthly" in p.message for p in problems), problems


def test_importer_guesses_the_regime_for_a_monthly_outline():
    from dialogs.importer import import_document

    res = import_document("BÁO CÁO HẰNG THÁNG VỀ CÔNG TÁC DÂN VẬN\n(Gửi các sở, ban, ngành)\n"
                          "I. KẾT QUẢ\n1. Số cuộc họp dân đã tổ chức trong tháng\n".encode(), "thang.txt")
    outline, problems = check_outline_text(res.yaml)
    assert outline is not None, problems
    assert outline.period.kind == "monthly" and outline.period.regime is not None
    assert outline.period.regime.cutoff_day == 14


async def _officer_setup(db, tg: int = 601) -> None:
    await import_units(db, DATA / "vn_units_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        acc = await repo.accounts.ensure_account(tg, "Cán bộ xã")
        commune = (await repo.units.list_units(await repo.units.unit_by_code("91"), include_root=False))[0]
        await repo.accounts.set_account(acc, role="officer", unit=commune)
        await s.commit()


async def test_moky_opens_the_regime_period_and_the_officer_sees_the_cutoff(db, db_url):
    await _officer_setup(db)
    clock = Clock(datetime(2026, 2, 10, 9, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock, outlines_dir=str(REGIME_DIR)).start()
    admin = h.user(900, "Quản trị")
    await h.say(admin, "/moky")
    await h.press(admin, "Báo cáo tháng cấp xã")
    text = admin.last().text
    assert "Mở kỳ «Tháng 2/2026»" in text
    assert "Số liệu từ ngày 15/1/2026 đến hết ngày 14/2/2026" in text
    assert "Hạn cấp xã: 17:00 ngày 23/2/2026" in text and "Hạn trung ương: 17:00 ngày 27/2/2026" in text
    # a typed deadline replaces the communes' one; the others stay
    await h.say(admin, "24/2/2026 10:00")
    assert "Hạn cấp xã: 10:00 ngày 24/2/2026" in admin.last().text
    assert "Hạn cấp tỉnh: 17:00 ngày 25/2/2026" in admin.last().text
    await h.press(admin, "Mở kỳ")
    assert "Đã mở kỳ «Tháng 2/2026»" in admin.last().text
    async with db.read_session() as s:
        p = (await Repo(s).periods.list_periods(MONTHLY))[0]
    assert p.cutoff_on == date(2026, 2, 14) and p.starts_on == date(2026, 1, 15)
    assert p.deadline == datetime(2026, 2, 24, 10, tzinfo=TZ)
    assert p.level_deadline("province") == datetime(2026, 2, 25, 17, tzinfo=TZ)
    officer = h.user(601, "Cán bộ xã")
    out = await h.say(officer, "/baocao")
    assert "số liệu tính đến ngày 14/2/2026" in out[0]


async def test_reminder_and_docx_carry_the_cutoff(db, db_url):
    from bot.scheduler import Scheduler
    from bot.sender import Sender
    from exports import build_report
    from exports.load import load_consolidation

    await _officer_setup(db)
    clock = Clock(datetime(2026, 2, 10, 9, tzinfo=TZ).astimezone(UTC))
    h = await Harness(db, db_url, clock, outlines_dir=str(REGIME_DIR)).start()
    sched = Scheduler(h.bot, h.services, Sender(h.bot, h.db, now=h.clock))
    rep = await h.vclock.run(sched.tick())
    assert f"{MONTHLY}: Tháng 2/2026" in rep.opened
    opened = h.api.messages(601)[-1].text
    assert "Hạn nộp: 17:00 ngày 23/2/2026 (số liệu tính đến ngày 14/2/2026)" in opened
    async with db.read_session() as s:
        p = (await Repo(s).periods.list_periods(MONTHLY))[0]
    c = await load_consolidation(db, h.services.catalogue, p.id)
    report = build_report(c)
    doc = Document(io.BytesIO(report.docx))
    assert "(Số liệu tính đến ngày 14/2/2026)" in [para.text for para in doc.paragraphs]


async def test_cli_period_open_with_overrides(db, db_url, capsys, monkeypatch):
    from bot.cli import main as cli_main
    from bot.config import get_settings

    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("OUTLINES_DIR", str(REGIME_DIR))
    monkeypatch.setenv("BOT_TOKEN", "1:x")
    get_settings.cache_clear()
    try:
        code = await asyncio.to_thread(cli_main, ["period", "open", MONTHLY, "--date", "20/8/2026", "--off",
                                                  "17/9/2026", "--level", "tinh=18/9/2026 9:00", "--json"])
        assert code == 0
        out = json.loads(capsys.readouterr().out)
        assert out["label"] == "Tháng 9/2026" and out["cutoff_on"] == "2026-09-14"
        assert out["deadline_local"] == "17:00 ngày 15/9/2026"
        assert out["level_deadlines"]["province"].startswith("2026-09-18T09:00")
        # the centre: 5 working days after Monday 14/9 with Thursday 17/9 given off → Tuesday 22/9
        assert out["level_deadlines"]["centre"].startswith("2026-09-22T17:00")
        code = await asyncio.to_thread(cli_main, ["period", "open", "kiem-tra-cchc-2025", "--cutoff", "1/1/2026"])
        assert code == 2 and "không theo chế độ báo cáo" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()
