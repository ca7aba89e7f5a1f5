"""A single blank's type and unit (review r26 J): a price per household and month, a count in thousands, a
blank's unit followed by a parenthesis asking a figure of its own. Made-up forms."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.importer.placeholders import mark_units, unit_type
from dialogs.importer.unit_parens import measured_paren, unit_first

FORM = """PHIẾU BÁO CÁO
Tình hình cung cấp dịch vụ công ích
1. Giá nước sạch sinh hoạt: …… đồng/m3/tháng
2. Phí vệ sinh môi trường đối với hộ kinh doanh: …… đồng/hộ/tháng
3. Tổng đàn vịt: …… nghìn con
4. Diện tích rừng bị cháy: …… ha (ước thiệt hại về lâm sản …… triệu đồng)
5. Số hộ được hỗ trợ: …… hộ
"""


def _asks() -> dict[str, dict]:
    data = import_document(FORM.encode(), "mau.txt").data
    return {q["prompt"]: q for s in data["sections"] for q in s["items"]}


def test_price_per_household_and_month_is_money_with_its_unit() -> None:
    assert "⟦u:đồng/hộ/tháng⟧" in mark_units("Phí vệ sinh: …… đồng/hộ/tháng")
    q = _asks()["Phí vệ sinh môi trường đối với hộ kinh doanh"]
    assert (q["type"], q["unit"]) == ("money", "đồng/hộ/tháng")


def test_count_in_thousands_allows_decimals() -> None:
    assert unit_type("nghìn con") == "decimal"
    assert unit_type("nghìn đồng") == "money"
    q = _asks()["Tổng đàn vịt"]
    assert (q["type"], q["unit"]) == ("decimal", "nghìn con")


def test_unit_then_parenthesis_asks_two_figures() -> None:
    asks = _asks()
    area = asks["Diện tích rừng bị cháy"]
    assert (area["type"], area["unit"]) == ("decimal", "ha")
    value = asks["Ước thiệt hại về lâm sản"]
    assert (value["type"], value["unit"]) == ("money", "triệu đồng")
    assert not any(p.lower().startswith("ha ") for p in asks)


def test_plain_count_unchanged() -> None:
    q = _asks()["Số hộ được hỗ trợ"]
    assert (q["type"], q["unit"]) == ("integer", "hộ")


def test_helpers_leave_labels_and_guidance_alone() -> None:
    assert unit_first("ha (ước giá trị thiệt hại")
    assert not unit_first("Chức vụ")
    assert not unit_first("nơi cấp (ghi rõ tỉnh)")
    assert measured_paren("ước giá trị ⟦u:triệu đồng⟧") == ["Ước giá trị ⟦u:triệu đồng⟧"]
    assert measured_paren("ghi rõ tên từng đơn vị") == []
