"""A small world for the web form's tests: a province with three communes and another province, seed 003's
outline with last year's period (submitted answers: last period's values) and the current one, officers,
a second officer of the same commune, a supervisor of the province and one of the other province."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from storage.db import Database
from storage.repo import Repo
from storage.unit_import import import_units

OUTLINE = "so-ket-1-nam-2-cap"
UNITS_CSV = """ma,ten,loai,ma_cha
01,Thành phố Hà Nội,thanh_pho,
00004,Phường Ba Đình,phuong,01
00008,Phường Ngọc Hà,phuong,01
00012,Xã Sóc Sơn,xa,01
02,Tỉnh Hà Giang,tinh,
00100,Xã Lũng Cú,xa,02
CP,Chính phủ,chinh_phu,
BTP,Bộ Tư pháp,bo,CP
"""
WEEKLY = "tuan-cqdp-2cap"
PREVIOUS_8B = {"rows": {}, "items": {"gd_thpt": [{"label": "Trường THPT Ba Đình", "so_co_cau": 4, "kq_so_co_cau": 3}]}}


@dataclass
class World:
    units: dict[str, int]
    prev_period: int
    period: int
    officer: int  # account ids
    officer2: int
    other_officer: int
    supervisor: int
    other_supervisor: int
    ministry_officer: int
    weekly: int  # the weekly outline's period (its lists), answered by the ministry


async def build_world(db: Database, tmp: Path) -> World:
    csv = tmp / "units.csv"
    csv.write_text(UNITS_CSV, encoding="utf-8")
    await import_units(db, csv)
    async with db.session() as s:
        repo = Repo(s)
        units = {u.code: u.id for u in await repo.units.list_units()}
        prev, _ = await repo.periods.open_period(OUTLINE, "Năm 2025", deadline=datetime(2025, 5, 29, 10, tzinfo=UTC))
        cur, _ = await repo.periods.open_period(OUTLINE, "Năm 2026", deadline=datetime(2026, 12, 29, 10, tzinfo=UTC))
        weekly, _ = await repo.periods.open_period(WEEKLY, "Tuần 49/2026", deadline=datetime(2026, 12, 10, 9, tzinfo=UTC))
        accs = {}
        for tg, name, code, role in ((101, "Nguyễn Văn An", "00004", "officer"), (102, "Trần Thị Bình", "00004", "officer"),
                                     (201, "Lò Văn Dũng", "00100", "officer"), (800, "Ban Tổ chức Thành ủy", "01", "supervisor"),
                                     (810, "Ban Tổ chức Tỉnh ủy Hà Giang", "02", "supervisor"),
                                     (301, "Phạm Thu Hà", "BTP", "officer")):
            acc = await repo.accounts.ensure_account(tg, name)
            await repo.accounts.set_account(acc, role=role, unit=await repo.units.unit(units[code]))
            accs[tg] = acc.id
        sub = await repo.submissions.ensure_submission(units["00004"], prev.id)
        for key, value in (("iii_nv_tong", 40), ("iii_nv_da_th", 30), ("bieu_8b", PREVIOUS_8B)):
            await repo.submissions.set_answer(sub.id, key, value, num=value if isinstance(value, int) else None, by=accs[101],
                                  commit=False)
        sub.status = "submitted"
        await repo.periods.close_period(prev)
        await s.commit()
        return World(units, prev.id, cur.id, accs[101], accs[102], accs[201], accs[800], accs[810], accs[301], weekly.id)
