"""The reporting regime of Nghị định 09/2019/NĐ-CP: data cutoffs, working days, deadlines per level.

Article 12 of the decree fixes the data cutoff ("thời gian chốt số liệu") of periodic reports: a monthly report
counts from the 15th of the previous month to the 14th of the month reported; a quarterly one from the 15th of the
month before the quarter to the 14th of its last month; a half-yearly one from 15 December of the previous year to
14 June; a yearly one from 15 December of the previous year to 14 December. When a report is consolidated through
several levels, each level has its own deadline, counted in working days after the cutoff. ``cutoff_day`` (14 by
default) lets an outline move the cutoff.

Working days skip Saturdays, Sundays and Vietnamese public holidays, lunar ones included (Tết, Giỗ Tổ) and the days
the Government moves by swapping a Saturday (``holidays.VN``, which also knows those worked Saturdays). Extra days off
or worked days decided for one period are given as overrides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LEVELS = ("commune", "province", "centre")
LEVEL_VI = {"commune": "cấp xã", "province": "cấp tỉnh", "centre": "trung ương"}
# accepted spellings (folded) in the CLI and in outlines
LEVEL_ALIASES = {"commune": "commune", "xa": "commune", "cap xa": "commune",
                 "province": "province", "tinh": "province", "cap tinh": "province",
                 "centre": "centre", "center": "centre", "trung uong": "centre", "tw": "centre"}
DEFAULT_CUTOFF_DAY = 14
REGIME_KINDS = ("monthly", "quarterly", "half_yearly", "yearly")


@lru_cache(maxsize=64)
def _vn_holidays(year: int) -> holidays.HolidayBase:
    return holidays.VN(years=year)


@dataclass(frozen=True)
class WorkCalendar:
    """Working days of Vietnamese state bodies: Monday–Friday, not a public holiday, plus/minus overrides."""

    days_off: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)

    def is_working_day(self, d: date) -> bool:
        if d in self.workdays:
            return True
        if d in self.days_off:
            return False
        return _vn_holidays(d.year).is_working_day(d)

    def holiday_name(self, d: date) -> str | None:
        return _vn_holidays(d.year).get(d)

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after ``d`` (n = 0: ``d`` itself if it is a working day, else the next one)."""
        cur = d
        if n == 0:
            while not self.is_working_day(cur):
                cur += timedelta(days=1)
            return cur
        left = n
        while left > 0:
            cur += timedelta(days=1)
            if self.is_working_day(cur):
                left -= 1
        return cur

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]."""
        return sum(1 for i in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(days=i)))


def _month_shift(year: int, month: int, by: int) -> tuple[int, int]:
    m = year * 12 + (month - 1) + by
    return m // 12, m % 12 + 1


def regime_window(kind: str, year: int, number: int, cutoff_day: int = DEFAULT_CUTOFF_DAY) -> tuple[date, date]:
    """The data window of period ``number`` (month 1–12, quarter 1–4, half 1–2, or 1 for a year) of ``year``."""
    if kind == "monthly":
        last_month = number
    elif kind == "quarterly":
        last_month = 3 * number
    elif kind == "half_yearly":
        last_month = 6 * number
    elif kind == "yearly":
        last_month = 12
    else:
        raise ValueError(f"kỳ «{kind}» không có thời gian chốt số liệu theo Nghị định 09/2019/NĐ-CP")
    span = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}[kind]
    end = date(year, last_month, cutoff_day)
    sy, sm = _month_shift(year, last_month, -span)
    return date(sy, sm, cutoff_day) + timedelta(days=1), end


def _number_and_year(kind: str, ref: date, cutoff_day: int) -> tuple[int, int]:
    """The period whose window contains ``ref``: a day after the cutoff belongs to the next month."""
    y, m = (ref.year, ref.month) if ref.day <= cutoff_day else _month_shift(ref.year, ref.month, 1)
    if kind == "monthly":
        return y, m
    if kind == "quarterly":
        return y, (m + 2) // 3
    if kind == "half_yearly":
        return y, 1 if m <= 6 else 2
    return y, 1


def period_label(kind: str, year: int, number: int) -> str:
    return {"monthly": f"Tháng {number}/{year}", "quarterly": f"Quý {number}/{year}",
            "half_yearly": f"{'6 tháng đầu năm' if number == 1 else '6 tháng cuối năm'} {year}",
            "yearly": f"Năm {year}"}[kind]


@dataclass(frozen=True)
class RegimePeriod:
    """One period as the regime defines it: label, data window (the cutoff is its last day), level deadlines."""

    label: str
    starts_on: date
    cutoff_on: date
    deadlines: dict[str, datetime]

    @property
    def commune_deadline(self) -> datetime:
        return self.deadlines.get("commune") or min(self.deadlines.values())


def level_deadlines(cutoff_on: date, days: dict[str, int], cal: WorkCalendar, at: time, tz: ZoneInfo,
                    overrides: dict[str, datetime] | None = None) -> dict[str, datetime]:
    """Each level's deadline: ``days[level]`` working days after the cutoff, at ``at`` local time; an override wins."""
    out = {lv: datetime.combine(cal.add_working_days(cutoff_on, n), at, tzinfo=tz)
           for lv, n in days.items() if lv in LEVELS}
    for lv, when in (overrides or {}).items():
        out[lv] = when
    return {lv: out[lv] for lv in LEVELS if lv in out}


def regime_period(kind: str, ref: date, *, days: dict[str, int], tz: ZoneInfo, at: time = time(17, 0),
                  cutoff_day: int = DEFAULT_CUTOFF_DAY, cal: WorkCalendar | None = None,
                  overrides: dict[str, datetime] | None = None) -> RegimePeriod:
    """The period whose data window contains ``ref``, with its deadlines per level."""
    year, number = _number_and_year(kind, ref, cutoff_day)
    start, end = regime_window(kind, year, number, cutoff_day)
    dl = level_deadlines(end, days, cal or WorkCalendar(), at, tz, overrides)
    if not dl:
        dl = {"commune": datetime.combine((cal or WorkCalendar()).add_working_days(end, 1), at, tzinfo=tz)}
    return RegimePeriod(period_label(kind, year, number), start, end, dl)


def cutoff_text(cutoff_on: date | None) -> str:
    """The line the officer, the .docx and the reminders show."""
    return f"số liệu tính đến ngày {cutoff_on.day}/{cutoff_on.month}/{cutoff_on.year}" if cutoff_on else ""


def timeliness(submitted_at: datetime | None, deadline: datetime, now: datetime) -> str:
    """As the regime counts it: on_time, late (sent after the deadline), missing (not sent, deadline passed) or
    pending (not sent, still in time)."""
    if submitted_at is not None:
        return "on_time" if submitted_at <= deadline else "late"
    return "missing" if now > deadline else "pending"


TIMELINESS_VI = {"on_time": "đúng hạn", "late": "muộn", "missing": "thiếu (quá hạn chưa nộp)", "pending": "chưa đến hạn"}


def period_heading(label: str, cutoff_on: date | None) -> str:
    """The period as the officer's screen names it: «Tháng 6/2026 (số liệu tính đến ngày 14/6/2026)»."""
    return f"{label} ({cutoff_text(cutoff_on)})" if cutoff_on else label
