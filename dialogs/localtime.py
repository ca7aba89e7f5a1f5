"""Local time for people: the one place that turns a stored UTC moment into the configured zone's wall time.

The zone is the deployment's ``TZ`` setting (default Asia/Ho_Chi_Minh), set once at start-up by
:func:`configure`; never the server's own zone. The bot's messages, the .docx, the .xlsx and the pictures all
format times through here, so a submission at 03:05 UTC reads "10:05" everywhere.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Ho_Chi_Minh"
_configured: str | None = None


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def configure(name: str | None) -> None:
    """Set the zone for the whole process (the bot and the CLI call it with ``Settings.tz``)."""
    global _configured
    _configured = name or None


def zone(tz: ZoneInfo | str | None = None) -> ZoneInfo:
    """``tz`` when given, else the configured zone, else ``$TZ`` when it names a zone, else Asia/Ho_Chi_Minh."""
    if isinstance(tz, ZoneInfo):
        return tz
    return _first_zone(tz, _configured) or _first_zone(os.environ.get("TZ", "").lstrip(":") or None,
                                                         DEFAULT_ZONE) or _zone(DEFAULT_ZONE)


def _first_zone(*names: str | None) -> ZoneInfo | None:
    for name in names:
        if name:
            try:
                return _zone(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return None


def to_local(dt: datetime, tz: ZoneInfo | str | None = None) -> datetime:
    """The wall time of a moment in the zone (a naive moment is taken as UTC, as the database stores it)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(zone(tz))


def local_naive(dt: datetime | None, tz: ZoneInfo | str | None = None) -> datetime | None:
    """The local wall time without a zone (for a spreadsheet cell, which has no zones)."""
    return None if dt is None else to_local(dt, tz).replace(tzinfo=None)


def hm(dt: datetime, tz: ZoneInfo | str | None = None) -> str:
    """"10:05"."""
    loc = to_local(dt, tz)
    return f"{loc.hour}:{loc.minute:02d}"


def day_text(dt: datetime, tz: ZoneInfo | str | None = None) -> str:
    """"29/5/2026" (the day in the zone)."""
    loc = to_local(dt, tz)
    return f"{loc.day}/{loc.month}/{loc.year}"


def local_text(dt: datetime, tz: ZoneInfo | str | None = None) -> str:
    """"10:05 ngày 29/5/2026"."""
    return f"{hm(dt, tz)} ngày {day_text(dt, tz)}"


def short_text(dt: datetime, tz: ZoneInfo | str | None = None) -> str:
    """"29/05 10:05" (lists where the year goes without saying)."""
    loc = to_local(dt, tz)
    return f"{loc.day:02d}/{loc.month:02d} {loc.hour:02d}:{loc.minute:02d}"
