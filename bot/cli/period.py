"""`baocao period open|list|close|status`: reporting periods from the command line."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.cli.common import _catalogue_db, _db, _print_json, progress_bar, unit_or_complain
from bot.config import Settings
from dialogs.localtime import day_text
from dialogs.parsing import ParseError, parse_date
from dialogs.periods import PeriodSpec, local_text, parse_deadline, regime_lines, regime_spec
from dialogs.regime import LEVEL_ALIASES, WorkCalendar
from dialogs.text import fold


def _period_json(p, tz: ZoneInfo) -> dict[str, Any]:
    return {"id": p.id, "outline": p.outline_id, "label": p.label, "status": p.status,
            "starts_on": p.starts_on.isoformat() if p.starts_on else None,
            "ends_on": p.ends_on.isoformat() if p.ends_on else None,
            "deadline": p.deadline.isoformat(), "deadline_local": local_text(p.deadline, tz),
            "closes_at": p.closes_at.isoformat() if p.closes_at else None, "units": p.unit_scope,
            "kind": p.kind, "cutoff_on": p.cutoff_on.isoformat() if p.cutoff_on else None,
            "level_deadlines": p.level_deadlines}


async def cmd_open(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    cat = await _catalogue_db(st)
    if a.outline not in cat.outlines:
        print(f"Không có đề cương «{a.outline}». Xem danh sách: baocao outlines list", file=sys.stderr)
        return 2
    o = cat.get(a.outline)
    tz = ZoneInfo(st.tz)
    try:
        spec = _regime_spec(a, o, tz, timedelta(hours=st.period_grace_hours))
    except (ParseError, ValueError) as e:
        print(f"Không mở được kỳ: {getattr(e, 'message', e)}", file=sys.stderr)
        return 2
    try:
        deadline = parse_deadline(a.deadline, tz) if a.deadline else (spec.deadline if spec else None)
    except ParseError as e:
        print(f"Hạn nộp không đọc được: {e.message}", file=sys.stderr)
        return 2
    if deadline is None:
        print("Đề cương này không theo chế độ báo cáo (không có regime): cần --deadline, ví dụ "
              "--deadline \"29/5/2026 17:00\"", file=sys.stderr)
        return 2
    label = a.label or (spec.label if spec else f"{o.short} — hạn {day_text(deadline, tz)}")
    levels = dict(spec.level_deadlines or {}) if spec else {}
    if spec and a.deadline:
        levels["commune"] = deadline
    async with _db(st) as db, db.session() as s:
        repo = Repo(s)
        unit_ids = None
        if a.units:
            unit_ids = []
            for code in a.units:
                u = await unit_or_complain(repo, code)
                if u is None:
                    return 2
                unit_ids.extend(x.id for x in await repo.units.list_units(u, kinds=o.respondents) or [u])
        last = max([deadline, *levels.values()])
        p, created = await repo.periods.open_period(o.id, label, deadline=deadline,
                                            starts_on=spec.starts_on if spec else o.period.window_from,
                                            ends_on=spec.ends_on if spec else o.period.window_to,
                                            closes_at=last + timedelta(hours=st.period_grace_hours),
                                            unit_ids=unit_ids, cutoff_on=spec.cutoff_on if spec else None,
                                            level_deadlines=levels or None)
        await s.commit()
    if a.json:
        _print_json({"created": created, **_period_json(p, tz)})
    elif created:
        print(f"Đã mở kỳ {p.id}: «{p.label}», hạn nộp {local_text(p.deadline, tz)}. "
              "Bot đang chạy sẽ báo cho cán bộ các đơn vị liên quan trong vòng một phút.")
        for line in regime_lines(spec, tz) if spec else []:
            print("  " + line)
    else:
        print(f"Kỳ «{p.label}» đã có (số {p.id}); không mở thêm.")
    return 0


def _dates(text: str | None) -> frozenset:
    return frozenset(parse_date(x.strip()) for x in (text or "").split(",") if x.strip())


def _regime_spec(a: argparse.Namespace, o, tz: ZoneInfo, grace: timedelta) -> PeriodSpec | None:
    """The regime's period (Nghị định 09/2019/NĐ-CP) with this period's overrides, or None for other outlines."""
    if o.period.regime is None:
        if a.cutoff or a.level or a.off or a.workday:
            raise ValueError(f"đề cương «{o.id}» không theo chế độ báo cáo (không có regime): "
                             "--cutoff/--level/--off/--workday không dùng được; chỉ cần --deadline")
        return None
    cal = WorkCalendar(days_off=_dates(a.off), workdays=_dates(a.workday))
    overrides = {}
    for item in a.level or []:
        name, _, when = item.partition("=")
        level = LEVEL_ALIASES.get(fold(name).strip())
        if level is None or not when:
            raise ValueError(f"«{item}»: viết cấp=ngày, ví dụ --level tinh=\"20/6/2026 17:00\" (cấp: xa, tinh, tw)")
        overrides[level] = parse_deadline(when, tz)
    day = parse_date(a.date) if a.date else datetime.now(tz).date()
    cutoff = parse_date(a.cutoff) if a.cutoff else None
    return regime_spec(o, day, tz, grace, cal=cal, overrides=overrides, cutoff=cutoff)


async def cmd_list(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    tz = ZoneInfo(st.tz)
    async with _db(st) as db, db.read_session() as s:
        periods = await Repo(s).periods.list_periods(a.outline, "open" if a.open else None)
    if a.json:
        _print_json([_period_json(p, tz) for p in periods])
        return 0
    for p in periods:
        print(f"{p.id:>4}  {'mở ' if p.status == 'open' else 'đóng'}  {p.outline_id:<24} {p.label:<40} hạn {local_text(p.deadline, tz)}")
    print(f"\nTổng: {len(periods)} kỳ.")
    return 0


async def cmd_close(a: argparse.Namespace, st: Settings) -> int:
    from storage.repo import Repo

    async with _db(st) as db, db.session() as s:
        repo = Repo(s)
        p = await repo.periods.period(a.id)
        if p is None:
            print(f"Không có kỳ số {a.id}. Xem danh sách: baocao period list", file=sys.stderr)
            return 2
        await repo.periods.close_period(p)
        await s.commit()
    print(f"Đã đóng kỳ {a.id} «{p.label}»: cán bộ không sửa được nữa; báo cáo tổng hợp vẫn xuất được.")
    return 0


async def cmd_status(a: argparse.Namespace, st: Settings) -> int:
    from exports.progress import period_progress
    from storage.repo import Repo

    cat = await _catalogue_db(st)
    tz = ZoneInfo(st.tz)
    async with _db(st) as db, db.read_session() as s:
        repo = Repo(s)
        p = await repo.periods.period(a.id)
        if p is None or p.outline_id not in cat.outlines:
            print(f"Không có kỳ số {a.id}. Xem danh sách: baocao period list", file=sys.stderr)
            return 2
        scope = None
        if a.scope:
            scope = await unit_or_complain(repo, a.scope)
            if scope is None:
                return 2
        with progress_bar(a, total=100, desc="Tính tiến độ") as bar:
            prog = await period_progress(repo, cat.get(p.outline_id), p, scope)
            bar.update(100)
    if a.json:
        _print_json(prog.to_json())
        return 0
    print(f"«{prog.outline.short}» — {p.label}; hạn {local_text(p.deadline, tz)}")
    print(f"Đã nộp {prog.submitted}/{prog.total} ({prog.percent:.0f}%): đúng hạn {prog.counts.get('on_time', 0)}, "
          f"muộn {prog.counts.get('late', 0)}; đang làm {prog.draft}; chưa làm {prog.not_started}.")
    for stt in prog.missing:
        print(f"  - {stt.unit.code:<8} {stt.unit.name}: "
              + (f"đang làm {stt.answered}/{stt.total} câu" if stt.answered else "chưa làm"))
    return 0


def register(sub: Any) -> None:
    pp = sub.add_parser("period", help="kỳ báo cáo").add_subparsers(dest="sub", required=True)
    x = pp.add_parser("open", help="mở một kỳ báo cáo")
    x.add_argument("outline")
    x.add_argument("--deadline", help="hạn nộp (của cấp xã), ví dụ «29/5/2026 17:00»; đề cương theo chế độ báo "
                                      "cáo (regime) tự tính từ ngày chốt số liệu")
    x.add_argument("--date", help="một ngày trong kỳ cần mở (mặc định: hôm nay), ví dụ 10/6/2026")
    x.add_argument("--cutoff", help="ngày chốt số liệu riêng của kỳ này, ví dụ 12/6/2026 (hạn các cấp tính lại)")
    x.add_argument("--level", action="append", help="hạn riêng một cấp, ví dụ tinh=\"20/6/2026 17:00\" (xa, tinh, tw)")
    x.add_argument("--off", help="ngày nghỉ thêm do Chính phủ quyết định, ví dụ 19/6/2026,22/6/2026")
    x.add_argument("--workday", help="ngày nghỉ cuối tuần phải đi làm bù, ví dụ 27/6/2026")
    x.add_argument("--label", help="nhãn kỳ, ví dụ «Sơ kết 1 năm (2026)»")
    x.add_argument("--units", nargs="*", help="mã đơn vị (kèm cây con) phải báo cáo; mặc định: mọi đơn vị đúng loại")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_open)
    x = pp.add_parser("list", help="danh sách kỳ")
    x.add_argument("--outline")
    x.add_argument("--open", action="store_true", help="chỉ các kỳ đang mở")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_list)
    x = pp.add_parser("close", help="đóng một kỳ")
    x.add_argument("id", type=int)
    x.set_defaults(fn=cmd_close)
    x = pp.add_parser("status", help="tiến độ nộp báo cáo của một kỳ")
    x.add_argument("id", type=int)
    x.add_argument("--scope", help="mã đơn vị: chỉ cây đơn vị này")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_status)
