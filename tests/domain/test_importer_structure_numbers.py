"""Compound section numbers (dialogs/importer/section_numbers.py) and document names (headline.py, naming.py), each
rule on made-up text, with negatives that keep ordinary lines as they were."""

from __future__ import annotations

from dialogs.importer.structure import parse_marker
from tests.support.importing import imp


def _where(o) -> dict[str, str]:
    return {r.question.prompt: r.number for r in o.refs}


def test_a_roman_part_with_its_decimals_is_one_number() -> None:
    mk = parse_marker("II.3 Nguồn nước sinh hoạt")
    assert (mk.kind, mk.no, mk.rest) == ("dec2", "II.3.", "Nguồn nước sinh hoạt")
    mk = parse_marker("• IV.12. Đội ngũ giáo viên")
    assert (mk.kind, mk.no, mk.rest) == ("dec2", "IV.12.", "Đội ngũ giáo viên")
    mk = parse_marker("B.2.1- Diện tích rừng trồng")
    assert (mk.kind, mk.no, mk.rest) == ("dec3", "B.2.1.", "Diện tích rừng trồng")
    mk = parse_marker("3.2- Về công tác tuyên truyền")
    assert (mk.no, mk.rest) == ("3.2.", "Về công tác tuyên truyền")
    mk = parse_marker("1.4) Kết quả tuyển sinh")
    assert (mk.no, mk.rest) == ("1.4.", "Kết quả tuyển sinh")


def test_ordinary_numbers_stay_as_they_were() -> None:
    assert (parse_marker("II. Kết quả").kind, parse_marker("II. Kết quả").no) == ("roman", "II.")
    assert parse_marker("A. PHẦN CHUNG").kind == "upper"
    assert parse_marker("2.1. Về nhân lực").no == "2.1."
    assert parse_marker("- Sản lượng lúa").kind == "dash"
    assert (
        parse_marker("1.2 - 1.5 triệu đồng") is None
        or parse_marker("1.2 - 1.5 triệu đồng").rest != "1.5 triệu đồng"
    )


def test_compound_numbers_name_their_own_section_under_a_numbered_breadcrumb() -> None:
    text = (
        "1. Trang chủ\n\n2. » Tài liệu\n\n"
        "• II.1 Dân số và lao động\n\n• II.2 Đất đai, thổ nhưỡng\n\n"
        "• III.1 Mạng lưới trường học\n\n• III.10 Nguồn vốn đầu tư\n"
    )
    where = _where(imp(text))
    assert where["Dân số và lao động"] == "II.1"
    assert where["Đất đai, thổ nhưỡng"] == "II.2"
    assert where["Mạng lưới trường học"] == "III.1"
    assert where["Nguồn vốn đầu tư"] == "III.10"


def test_compound_numbers_nest_under_the_roman_heading_they_repeat() -> None:
    text = (
        "I. TÌNH HÌNH CHUNG\n"
        "I.1 Số hộ chăn nuôi\n"
        "I.2 Tổng đàn gia súc\n"
        "II. KẾT QUẢ\n"
        "- Lưu ý chung khi viết\n"
        "II.1 Sản lượng thịt hơi\n"
    )
    where = _where(imp(text))
    assert where["Số hộ chăn nuôi"] == "I.1"
    assert where["Tổng đàn gia súc"] == "I.2"
    assert where["Sản lượng thịt hơi"] == "II.1"


def test_a_roman_heading_without_compounds_is_unchanged() -> None:
    text = "I. Vị trí\n1. Diện tích tự nhiên\n2. Dân số trung bình\nII. Giao thông\n1. Đường bộ\n"
    where = _where(imp(text))
    assert where["Diện tích tự nhiên"] == "I.1"
    assert where["Đường bộ"] == "II.1"
