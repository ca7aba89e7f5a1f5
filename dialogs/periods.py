"""The calendar of reporting periods: labels, windows, deadlines, closing times and reminder moments.

All times are timezone-aware; local rules ("thứ Năm 16:00") are read in the configured zone
(Asia/Ho_Chi_Minh by default) and stored in UTC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dialogs.outline import Outline
from dialogs.parsing import ParseError, parse_date


@dataclass(frozen=True)
class PeriodSpec:
    label: str
    starts_on: date | None
    ends_on: date | None
    deadline: datetime
    closes_at: datetime | None


def _fmt_day(d: date, with_year: bool = True) -> str:
    return f"{d.day}/{d.month}/{d.year}" if with_year else f"{d.day}/{d.month}"


def week_spec(outline: Outline, day: date, tz: ZoneInfo, grace: timedelta) -> PeriodSpec:
    """The weekly period (Monday–Sunday) containing ``day``, with the deadline from the outline's rule."""
    rule = outline.period.deadline_rule
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    weekday = rule.weekday if rule.weekday is not None else 4
    deadline = datetime.combine(monday + timedelta(days=weekday), rule.at, tzinfo=tz)
    iso_year, iso_week, _ = monday.isocalendar()
    label = f"Tuần {iso_week}/{iso_year} ({_fmt_day(monday, False)}–{_fmt_day(sunday)})"
    return PeriodSpec(label, monday, sunday, deadline, deadline + grace)


def month_spec(outline: Outline, day: date, tz: ZoneInfo, grace: timedelta) -> PeriodSpec:
    rule = outline.period.deadline_rule
    first = day.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    last = nxt - timedelta(days=1)
    deadline = datetime.combine(first.replace(day=rule.day or 25), rule.at, tzinfo=tz)
    return PeriodSpec(f"Tháng {first.month}/{first.year}", first, last, deadline, deadline + grace)


def automatic_spec(outline: Outline, now: datetime, tz: ZoneInfo, grace: timedelta) -> PeriodSpec | None:
    """The period that should be open now for an outline that opens periods by itself (weekly, monthly)."""
    rule = outline.period.deadline_rule
    local = now.astimezone(tz).date()
    if outline.period.kind == "weekly" and rule.kind == "weekly":
        return week_spec(outline, local, tz, grace)
    if outline.period.kind == "monthly" and rule.kind == "monthly":
        return month_spec(outline, local, tz, grace)
    return None


_TIME = re.compile(r"(\d{1,2})\s*(?::\s*(\d{2})|[hg](\d{2})?)(?![\d/.-])")


def parse_deadline(text: str, tz: ZoneInfo, *, default_time: time = time(17, 0), today: date | None = None) -> datetime:
    """"29/5/2026", "29/5/2026 17:00", "17h 29/5/2026", "ngày 29 tháng 5 năm 2026 16:30" → aware datetime."""
    raw = text.strip()
    tm = None
    rest = raw
    for m in _TIME.finditer(raw):
        before = raw[m.start() - 1] if m.start() else " "
        after = raw[m.end()] if m.end() < len(raw) else " "
        if before in "/-." or after in "/-.":
            continue
        tm = m
        break
    at = default_time
    if tm is not None:
        h, mi = int(tm.group(1)), int(tm.group(2) or tm.group(3) or 0)
        if not (0 <= h < 24 and 0 <= mi < 60):
            raise ParseError(f"Giờ «{tm.group(0)}» không hợp lệ. Ví dụ: 29/5/2026 17:00")
        at = time(h, mi)
        rest = (raw[: tm.start()] + " " + raw[tm.end():]).strip()
    d = parse_date(rest, default_year=(today or date.today()).year)
    assert d is not None
    return datetime.combine(d, at, tzinfo=tz)


def parse_offsets(text: str) -> list[timedelta]:
    """"2d,1d,2h" → [2 days, 1 day, 2 hours], largest first."""
    out = []
    for part in re.split(r"[,\s;]+", text.strip()):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)\s*([dhm])", part.lower())
        if not m:
            raise ValueError(f"khoảng nhắc «{part}» không hợp lệ; viết ví dụ: 2d,1d,2h")
        n = int(m.group(1))
        out.append({"d": timedelta(days=n), "h": timedelta(hours=n), "m": timedelta(minutes=n)}[m.group(2)])
    return sorted(set(out), reverse=True)


def offset_code(td: timedelta) -> str:
    s = int(td.total_seconds())
    if s % 86400 == 0:
        return f"{s // 86400}d"
    if s % 3600 == 0:
        return f"{s // 3600}h"
    return f"{s // 60}m"


def due_offset(deadline: datetime, now: datetime, offsets: list[timedelta]) -> timedelta | None:
    """The reminder due now: the latest offset whose moment has passed, while the deadline has not."""
    if now >= deadline:
        return None
    due = [o for o in offsets if deadline - o <= now]
    return min(due) if due else None


def left_text(deadline: datetime, now: datetime) -> str:
    """"còn 1 ngày 4 giờ", "còn 2 giờ", "đã quá hạn 3 giờ"."""
    delta = deadline - now
    late = delta.total_seconds() < 0
    secs = abs(int(delta.total_seconds()))
    days, rem = divmod(secs, 86400)
    hours, rem = divmod(rem, 3600)
    minutes = rem // 60
    parts = []
    if days:
        parts.append(f"{days} ngày")
    if hours:
        parts.append(f"{hours} giờ")
    if not days and minutes:
        parts.append(f"{minutes} phút")
    span = " ".join(parts) or "dưới 1 phút"
    return f"đã quá hạn {span}" if late else f"còn {span}"


def local_text(dt: datetime, tz: ZoneInfo | None = None) -> str:
    """"10:05 ngày 29/5/2026" in the zone (see :mod:`dialogs.localtime`)."""
    from dialogs.localtime import local_text as text

    return text(dt, tz)
