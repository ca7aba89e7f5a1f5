"""A count and its parts on one line (dialogs/importer/count_parts.py), on made-up text: 'Tổng số … người. Trong
đó, … người, … người' in a form, the same line filled in, and a web copy that lost the blanks' dots."""

from __future__ import annotations

from dialogs.importer.count_parts import total_and_parts
from tests.support.importing import imp, prompts


def _asks(text: str) -> list[tuple[str, str, str | None, list[str]]]:
    return [(a.prompt, a.type, a.unit, a.help) for a in total_and_parts(text)]


def test_a_total_and_its_parts_each_asked_in_the_totals_unit() -> None:
    line = "- Tổng số hội viên của chi hội …… người. Trong đó, hội viên nữ …… người, hội viên trẻ …… người."
    assert _asks(line) == [
        ("Tổng số hội viên của chi hội", "integer", "người", []),
        ("Trong đó hội viên nữ", "integer", "người", ["Trong tổng số hội viên của chi hội."]),
        ("Trong đó hội viên trẻ", "integer", "người", ["Trong tổng số hội viên của chi hội."]),
    ]


def test_a_filled_measure_and_its_part_are_decimals_an_amount_is_money() -> None:
    assert _asks("- Phân bón đã cấp: 45,5 tấn, trong đó phân hữu cơ 12,3 tấn.") == [
        ("Phân bón đã cấp", "decimal", "tấn", []),
        ("Trong đó phân hữu cơ", "decimal", "tấn", ["Trong phân bón đã cấp."]),
    ]
    assert [
        (p, t, u)
        for p, t, u, _ in _asks("+ Kinh phí hỗ trợ: 350 triệu đồng; trong đó ngân sách xã 90 triệu đồng")
    ] == [
        ("Kinh phí hỗ trợ", "money", "triệu đồng"),
        ("Trong đó ngân sách xã", "money", "triệu đồng"),
    ]


def test_blanks_the_copy_shortened_or_lost_still_mark_the_figures() -> None:
    assert [
        (p, t, u)
        for p, t, u, _ in _asks("+ Số xã viên dự họp người. Trong đó, xã viên nữ.người, xã viên mới: người")
    ] == [
        ("Số xã viên dự họp", "integer", "người"),
        ("Trong đó xã viên nữ", "integer", "người"),
        ("Trong đó xã viên mới", "integer", "người"),
    ]


def test_lines_that_only_look_like_a_total_and_parts_ask_nothing_here() -> None:
    assert total_and_parts("Trong năm, hội đã kết nạp thêm hội viên, trong đó có nhiều hội viên trẻ.") == []
    assert total_and_parts("- Số hội viên người, trong đó nữ người") == []  # no piece keeps a blank
    assert total_and_parts("Tổng số hội viên …… người; số chi hội …… chi hội") == []  # no 'trong đó'


def test_the_parts_stand_in_the_draft_beside_their_total() -> None:
    o = imp(
        "BIÊN BẢN HỌP TỔ HỢP TÁC\n"
        "- Địa điểm: ……………\n"
        "- Tổng số thành viên của tổ……người. Trong đó, thành viên nữ.người, thành viên mới..người.\n"
        "I. NỘI DUNG\n1. Ý kiến của các thành viên về kế hoạch sản xuất\n"
    )
    p = prompts(o)
    assert p["Tổng số thành viên của tổ"][1] == "integer"
    assert p["Trong đó thành viên nữ"][1] == "integer"
    assert p["Trong đó thành viên mới"][1] == "integer"
    filled = prompts(
        imp(
            "BÁO CÁO TIẾN ĐỘ GIEO CẤY\n1. Chuẩn bị sản xuất:\n- Diện tích đã làm đất: 120,5 ha\n"
            "- Lúa giống đã nhận: 3,5 tấn, trong đó lúa nếp 1,2 tấn.\n2. Tình hình sâu bệnh:\n- Sâu cuốn lá\n"
        )
    )
    assert filled["Lúa giống đã nhận"] == ("1", "decimal")
    assert filled["Trong đó lúa nếp"] == ("1", "decimal")
