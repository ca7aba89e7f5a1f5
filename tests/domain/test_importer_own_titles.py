"""The document's own name line as the title (review r27): a Party paper's number and its motto printed on one line
('Số 07-BC/ĐU   ĐẢNG CỘNG SẢN VIỆT NAM') is the header, never the title; a guide or template of an outline
('HƯỚNG DẪN ĐỀ CƯƠNG BÁO CÁO', 'MẪU ĐỀ CƯƠNG') names its report on the next line, as a bare 'ĐỀ CƯƠNG BÁO CÁO' does."""

from __future__ import annotations

import pytest

from dialogs.importer.naming import is_agency_header
from tests.support.importing import imp

ITEMS = "1. Tổng số hộ gia đình được hỗ trợ: …… hộ\n2. Đề xuất, kiến nghị\n"


@pytest.mark.parametrize("number", ["Số 07-BC/ĐU", "Số 31-BC/ĐU", "SỐ 5 - BC/CB"])
def test_a_party_number_beside_its_motto_is_no_title(number: str) -> None:
    text = (
        f"ĐẢNG BỘ PHƯỜNG TÂN LẬP\nCHI BỘ KHU PHỐ 3\n*\n{number}      ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "        Tân Lập, ngày 02 tháng 12 năm 2026\n\nBÁO CÁO\n"
        "kết quả lãnh đạo thực hiện nhiệm vụ chính trị năm 2026\n\n" + ITEMS
    )
    o = imp(text)
    assert o.title == "Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ chính trị năm 2026"
    assert o.layout == "party"


def test_a_number_line_is_a_header_but_a_name_starting_with_so_is_not() -> None:
    assert is_agency_header("Số 15-BC/HU ĐẢNG CỘNG SẢN VIỆT NAM")
    assert is_agency_header("Số: 12/BC-UBND")
    assert not is_agency_header("SỐ THANH NIÊN THAM GIA TÌNH NGUYỆN NĂM 2026")
    assert not is_agency_header("Số liệu 12 tháng về hộ nghèo")


@pytest.mark.parametrize(
    ("head", "bare"),
    [
        ("HƯỚNG DẪN ĐỀ CƯƠNG BÁO CÁO", "ĐỀ CƯƠNG BÁO CÁO"),
        ("MẪU ĐỀ CƯƠNG BÁO CÁO", "ĐỀ CƯƠNG BÁO CÁO"),
        ("MẪU ĐỀ CƯƠNG", "ĐỀ CƯƠNG"),
    ],
)
def test_a_guide_of_an_outline_names_its_report_on_the_next_line(head: str, bare: str) -> None:
    name = "Tình hình thực hiện chính sách hỗ trợ nhà ở năm 2026\n"
    o = imp(f"{head}\n{name}" + ITEMS)
    assert o.title == imp(f"{bare}\n{name}" + ITEMS).title  # as under the bare heading
    assert o.title.lower().endswith("tình hình thực hiện chính sách hỗ trợ nhà ở năm 2026")
    if bare.endswith("BÁO CÁO"):
        assert o.title.startswith("Báo cáo tình hình")


def test_a_guide_of_an_outline_over_a_report_name_in_capitals() -> None:
    o = imp("HƯỚNG DẪN ĐỀ CƯƠNG BÁO CÁO\nBÁO CÁO SƠ KẾT CÔNG TÁC GIẢM NGHÈO\n" + ITEMS)
    assert o.title.lower() == "báo cáo sơ kết công tác giảm nghèo"


def test_a_guide_to_report_keeps_its_own_words() -> None:
    # 'HƯỚNG DẪN BÁO CÁO' (no outline named): the guide's own name goes on with the next line, as before
    o = imp("HƯỚNG DẪN BÁO CÁO\nKết quả công tác khuyến học năm 2026\n" + ITEMS)
    assert o.title == "Hướng dẫn báo cáo kết quả công tác khuyến học năm 2026"
