"""Pictures for supervisors: per sub-unit counts, /tiendo's progress picture, the key figures over the last
periods (from the database), all read back as real PNG files."""

from __future__ import annotations

import csv
import struct
import warnings
from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from matplotlib.ft2font import FT2Font
from PIL import Image

from dialogs.loader import load_catalogue
from exports import charts
from exports.progress import SubCount, UnitState, sub_unit_counts
from exports.trends import History, Series, period_history
from storage.models import Unit
from tests.conftest import DATA

CAT = load_catalogue()
VIETNAMESE = ("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
              "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ«»…·")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def real_units() -> list[Unit]:
    units: list[Unit] = []
    by_code: dict[str, Unit] = {}
    with open(DATA / "vn_units_2025.csv", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f), 1):
            parent = by_code.get(row["ma_cha"])
            u = Unit(id=i, code=row["ma"], name=row["ten"], kind=row["loai"], parent_id=parent.id if parent else None,
                     path=(parent.path if parent else "/") + f"{i}/")
            units.append(u)
            by_code[u.code] = u
    return units


def states_of(units: list[Unit]) -> list[UnitState]:
    cycle = ["on_time", "late", "draft", "not_started", "returned", "on_time"]
    return [UnitState(u, cycle[u.id % len(cycle)], 5, 40) for u in units if u.parent_id is not None]


def test_the_font_has_every_vietnamese_letter():
    font = FT2Font(str(charts.FONT_FILE))
    cmap = font.get_charmap()
    missing = [ch for ch in VIETNAMESE if ord(ch) not in cmap]
    assert missing == []


def test_sub_unit_counts_by_hand():
    root = Unit(id=1, code="T", name="Tỉnh", kind="tinh", path="/1/")
    a = Unit(id=2, code="A", name="Xã A", kind="xa", path="/1/2/")
    b = Unit(id=3, code="B", name="Xã B", kind="xa", path="/1/3/")
    a1 = Unit(id=4, code="A1", name="Thôn A1", kind="thon", path="/1/2/4/")
    a2 = Unit(id=5, code="A2", name="Thôn A2", kind="thon", path="/1/2/5/")
    other = Unit(id=6, code="O", name="Khác", kind="xa", path="/9/6/")
    states = [UnitState(a1, "on_time", 40, 40), UnitState(a2, "late", 40, 40), UnitState(a, "draft", 7, 40),
              UnitState(b, "draft", 12, 40), UnitState(other, "not_started", 0, 40)]
    rows = sub_unit_counts(states, [a, b, root])
    got = {r.name: (r.total, r.submitted, r.late, r.draft, r.not_started, r.answered) for r in rows}
    # A counts its own state and its two villages; B is a single unit (its answered count is kept)
    assert got == {"Xã A": (3, 2, 1, 1, 0, None), "Xã B": (1, 0, 0, 1, 0, 12),
                   "Đơn vị trực thuộc khác": (1, 0, 0, 0, 1, None)}
    assert "Tỉnh" not in got  # a state goes to the deepest child above it: none is left for the province


def test_progress_picture_for_34_provinces_is_a_png_of_the_expected_size():
    units = real_units()
    provinces = [u for u in units if u.parent_id is None]
    assert len(provinces) == 34
    rows = sub_unit_counts(states_of(units), provinces)
    assert len(rows) == 34 and sum(r.total for r in rows) == len(units) - 34
    now = datetime(2026, 11, 25, 5, tzinfo=UTC)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph or font lookup would warn
        png = charts.progress_chart(rows, title="Tiến độ «Chuyên đề KH 02-KH/BCĐTW»", period="Tháng 11/2026",
                                    scope="Cả nước", deadline=now + timedelta(hours=28), now=now)
    assert png_size(png) == charts.progress_chart_size(34) == (1080, png_size(png)[1])
    img = Image.open(BytesIO(png)).convert("RGB")
    colours = {c for _, c in img.getcolors(maxcolors=1 << 20)}
    for hexcolour in charts.COLORS.values():  # all four states drawn
        assert tuple(int(hexcolour[i:i + 2], 16) for i in (1, 3, 5)) in colours


def test_many_communes_are_capped_most_behind_first():
    rows = [SubCount(f"Xã {i}", 1, int(i % 3 == 0), int(i % 3 == 1), int(i % 3 == 2), 0, i,
                     answered=3, questions=40) for i in range(100)]
    drawn = charts.order_rows(rows)
    assert len(drawn) == charts.MAX_ROWS
    assert all(r.not_started == 1 for r in drawn[:33])  # the 33 not started first, then those in progress
    rest = drawn[-1]
    assert rest.name == f"{100 - charts.MAX_ROWS + 1} đơn vị khác (gộp)"
    assert sum(r.total for r in drawn) == 100 and sum(r.submitted for r in drawn) == 34
    png = charts.progress_chart(rows, title="Tiến độ", period="Tuần 48/2026", scope="Tỉnh Quảng Ngãi")
    assert png_size(png) == charts.progress_chart_size(charts.MAX_ROWS)


def test_deadline_text():
    d = datetime(2026, 11, 26, 9, tzinfo=UTC)
    assert charts.deadline_text(d, d - timedelta(hours=5)) == "Hạn nộp 16:00 ngày 26/11/2026 (còn 5 giờ)"
    assert charts.deadline_text(d, d + timedelta(hours=3)).endswith("(đã quá hạn 3 giờ)")


def test_number_text_is_vietnamese():
    assert charts.number_text(1234567, "integer") == "1.234.567"
    assert charts.number_text(12.5) == "12,5" and charts.number_text(48.96, "percent") == "49%"


def _history(n_periods: int) -> History:
    labels = [f"Tuần {41 + i}/2026" for i in range(n_periods)]
    return History("x", "Cả nước", labels, [
        Series("flat", "1", "Không đổi", "việc", "integer", [10.0] * n_periods),
        Series("up", "2", "Tăng mạnh", "hồ sơ", "integer", [100.0 + 50 * i for i in range(n_periods)]),
        Series("pct", "3", "Tỷ lệ", "%", "percent", [50.0 + i for i in range(n_periods)]),
        Series("one", "4", "Một kỳ", "việc", "integer", [None] * (n_periods - 1) + [5.0]),
    ])


def test_history_top_and_picture():
    h = _history(8)
    assert [s.key for s in h.top(5)] == ["up", "pct"]  # no change or one value: left out
    png = charts.history_chart(h, title="Số liệu chính")
    assert png_size(png) == charts.history_chart_size(2)
    assert charts.history_chart(_history(1)) is None  # nothing to compare


async def test_period_history_from_the_database(db):
    from storage.repo import Repo
    from storage.unit_import import import_units

    o = CAT.get("kiem-tra-cchc-2025")

    await import_units(db, DATA / "vn_ministries_2025.csv")
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    async with db.session() as s:
        repo = Repo(s)
        periods = []
        for i in range(10):
            p, _ = await repo.periods.open_period(o.id, f"Đợt {i + 1}", deadline=start + timedelta(days=7 * i))
            periods.append(p)
        clerk = await repo.accounts.ensure_account(990, "Cán bộ")
        for code, base in (("BNV", 10), ("BTP", 20), ("BYT", 1000)):
            u = await repo.units.unit_by_code(code)
            for i, p in enumerate(periods):
                sub = await repo.submissions.ensure_submission(u.id, p.id)
                await repo.submissions.set_answer(sub.id, "i4_nv_tong", base + i, num=base + i, commit=True)
                await repo.submissions.set_answer(sub.id, "ii3_hs_dung_han", 1 + i if code == "BNV" else 1, num=1, commit=True)
                await repo.submissions.set_answer(sub.id, "ii3_hs_da_giai_quyet", 2 + 2 * i if code == "BNV" else 4, num=1, commit=True)
                if code != "BYT":  # Bộ Y tế never sends its report: its drafts are in no period's figures
                    await repo.review.submit(sub, clerk)
        await s.commit()
        h = await period_history(s, o, periods[8], None)
        btp = await repo.units.unit_by_code("BTP")
        hb = await period_history(s, o, periods[8], btp)
    assert h.labels == [f"Đợt {i}" for i in range(2, 10)]  # the last 8 up to the 9th, oldest first
    tong = next(x for x in h.series if x.key == "i4_nv_tong")
    assert tong.values == [30 + 2 * i for i in range(1, 9)]
    pct = next(x for x in h.series if x.key == "ii3_ty_le_dung_han")
    # the declared ratio, recomputed from the summed parts: (9 + 1) / (18 + 4)
    assert pct.values[-1] == pytest.approx((9 + 1) * 100 / (16 + 2 + 4))
    assert next(x for x in hb.series if x.key == "i4_nv_tong").values == [20 + i for i in range(1, 9)]
    assert {x.key for x in h.top(3)} == {"i4_nv_tong", "ii3_ty_le_dung_han"}
