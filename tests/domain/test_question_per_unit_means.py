"""A question measured per hectare, kilogram or head («tạ/ha», «đồng/kg», «triệu đồng/người/năm») or a change of a
rate («điểm phần trăm») is never added up across units (62,5 tạ/ha and 55 tạ/ha printed «117,5 tạ/ha»): with no
aggregation declared it is the units' mean. Figures worked out by hand."""

import pytest

from dialogs.figures import default_aggregate
from dialogs.importer import import_document
from dialogs.loader import check_outline_text
from exports.consolidate import UnitInfo, consolidate

TEXT = """BÁO CÁO SẢN XUẤT VỤ ĐÔNG
1. Diện tích lúa thu hoạch: …… ha
2. Năng suất lúa bình quân: …… tạ/ha
3. Giá lúa bình quân: …… đồng/kg
4. Thu nhập bình quân: …… triệu đồng/người/năm
5. Số hồ sơ giải quyết mỗi tháng: …… hồ sơ/tháng
"""


def test_per_unit_units_default_to_the_mean_quantities_to_the_sum():
    for unit in ("tạ/ha", "đồng/kg", "triệu đồng/người/năm", "triệu đồng/ha", "điểm phần trăm", "điểm %", "người/km2"):
        assert default_aggregate("decimal", unit) == "mean", unit
    for unit in ("ha", "tấn", "người", "đồng", "hồ sơ/tháng", "lượt/ngày"):
        assert default_aggregate("decimal", unit) == "sum", unit


def test_an_imported_yield_price_and_income_are_the_units_mean_never_their_sum():
    o, problems = check_outline_text(import_document(TEXT.encode(), "vu-dong.txt").yaml)
    assert not problems
    keys = [r.question.key for r in o.refs]
    units = [UnitInfo(1, "X1", "Xã Một", "xa"), UnitInfo(2, "X2", "Xã Hai", "xa")]
    answers = ([800.0, 62.5, 8000, 40.0, 120], [700.5, 55.0, 8600, 50.0, 30])
    cur = {u.id: dict(zip(keys, a, strict=True)) for u, a in zip(units, answers, strict=True)}
    c = consolidate(o, units=units, current=cur, previous=None, status=dict.fromkeys((1, 2), "submitted"),
                    submitted_at={}, period_label="Vụ đông", deadline=None)
    got = [c.item(k).summary.value for k in keys]
    assert got[0] == pytest.approx(1500.5)  # 800 + 700,5 ha
    assert got[1] == pytest.approx(58.75)  # (62,5 + 55) / 2, never 117,5
    assert got[2] == pytest.approx(8300)  # (8.000 + 8.600) / 2 đồng/kg, never 16.600
    assert got[3] == pytest.approx(45)  # (40 + 50) / 2 triệu đồng/người/năm
    assert got[4] == pytest.approx(150)  # 120 + 30 hồ sơ a month: a quantity, summed
