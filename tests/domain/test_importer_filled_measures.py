"""A filled report whose figures are written after their labels, on made-up text: the label is the ask, the figure's
unit says its type ('Diện tích đã cấy: 1.204,5 ha' → a measure in hectares); a numbered heading ending in ':' after
a table flattened one cell a line is the outline's next heading, not the table's last row."""

from __future__ import annotations

from dialogs.importer.forms import value_type, value_unit
from tests.support.importing import imp, prompts


def test_a_figure_in_its_unit_is_a_measure_and_keeps_the_unit() -> None:
    assert (value_type("1.204,5 ha"), value_unit("1.204,5 ha")) == ("decimal", "ha")
    assert (value_type("36 tấn"), value_unit("36 tấn")) == ("decimal", "tấn")
    assert (value_type("52,3 tạ/ha"), value_unit("52,3 tạ/ha")) == ("decimal", "tạ/ha")
    assert (value_type("120 người"), value_unit("120 người")) == ("integer", "người")
    assert (value_type("350 triệu đồng"), value_unit("350 triệu đồng")) == ("money", "triệu đồng")
    assert value_type("Đạt yêu cầu") is None and value_unit("Đạt yêu cầu") is None
    assert value_unit("15") is None and value_type("15") == "integer"


def test_filled_measures_under_a_numbered_heading_ask_their_labels() -> None:
    o = imp(
        "BÁO CÁO TIẾN ĐỘ SẢN XUẤT VỤ MÙA\n"
        "1. Gieo cấy:\nTrong kỳ các xã gieo cấy, kết quả:\n- Diện tích đã cấy: 1.204,5 ha\n- Mạ đã gieo: 36 tấn;\n"
        "- Phân bón đã bón: 12,5 tấn\n"
        "2. Chăn nuôi:\n- Số hộ nuôi mới: 120 hộ\n"
    )
    p = prompts(o)
    assert p["Diện tích đã cấy"] == ("1", "decimal")
    assert p["Mạ đã gieo"] == ("1", "decimal")
    assert {r.question.prompt: r.question.unit for r in o.refs}["Mạ đã gieo"] == "tấn"


def test_a_heading_with_a_colon_after_a_flattened_table_opens_the_next_section() -> None:
    cells = [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Kỳ trước",
        "Kỳ này",
        "1",
        "Lúa",
        "Ha",
        "120,5",
        "130,2",
        "2",
        "Ngô",
        "Ha",
        "40,1",
        "42,0",
    ]
    text = (
        "BÁO CÁO NHANH\n1. Trồng trọt:\n- Diện tích đã cấy: 120 ha\n2. Chăn nuôi:\n- Số con gia cầm: 300 con\n"
        "Biểu: Diện tích gieo trồng\n"
        + "\n\n".join(cells)
        + "\n\n3. Tình hình khác:\n- Tình hình sâu bệnh trên cây lúa vụ này ra sao\n"
    )
    p = prompts(imp(text))
    assert p["Tình hình sâu bệnh trên cây lúa vụ này ra sao"][0] == "3"
