"""The report's period from what the document says of itself (review r27): a title naming one week ('tuần từ 01/6
đến 07/6/2026', 'tuần 23') → weekly; a year's review ('Tổng kết … năm 2025', 'tổng kết năm học') → yearly, not a
programme's review over years; '6 tháng đầu năm' in the title → half-yearly; an ask's own words ('trợ cấp hằng
tháng') say nothing of the report's period, a sentence about reporting does. Every guess stays marked '# ?'."""

from __future__ import annotations

import pytest

from dialogs.importer import import_document
from tests.support.importing import imp

ITEMS = "I. KẾT QUẢ\n1. Số vụ việc phát sinh: …… vụ\n2. Đề xuất, kiến nghị\n"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Tình hình trật tự đô thị tuần từ 01/6 đến 07/6/2026", "weekly"),
        ("Tình hình dịch bệnh gia súc tuần 23 năm 2026", "weekly"),
        ("Tổng kết công tác khuyến nông năm 2025", "yearly"),
        ("Tổng kết năm học 2025 - 2026 của trường mầm non", "yearly"),
        ("Sơ kết công tác dân vận 6 tháng đầu năm 2026", "half_yearly"),
        ("Tổng kết thực hiện đề án xây dựng xã hội học tập đến năm 2025", "one_off"),
        ("Tổng kết chương trình giảm nghèo giai đoạn 2021 - 2025", "one_off"),
        ("Tình hình thực hiện dự án cấp nước sạch", "one_off"),
    ],
)
def test_the_title_says_the_period(name: str, kind: str) -> None:
    result = import_document(f"BÁO CÁO\n{name}\n{ITEMS}".encode(), "de-cuong.txt")
    assert result.data["period"]["kind"] == kind
    line = next(x for x in result.yaml.splitlines() if x.startswith("period:"))
    assert "# ?" in line


def test_a_period_inside_an_ask_is_not_the_reports() -> None:
    text = (
        "ĐỀ CƯƠNG\nBáo cáo công tác người có công năm 2026\nI. KẾT QUẢ\n"
        "1. Số người có công đang nhận trợ cấp hằng tháng: …… người\n"
        "2. Tổng số tiền phụ cấp hằng quý đã chi trả (triệu đồng).\n3. Đề xuất, kiến nghị\n"
    )
    assert imp(text).period.kind == "one_off"


def test_a_period_the_asks_word_wraps_onto_the_next_line_is_not_the_reports() -> None:
    text = (
        "ĐỀ CƯƠNG\nBáo cáo công tác người có công năm 2026\nI. KẾT QUẢ\n"
        "1. Tổng số người hưởng phụ cấp hằng tháng tại địa bàn, chia theo nhóm\n"
        "đối tượng (thương binh, bệnh binh).\n2. Đề xuất, kiến nghị\n"
    )
    assert imp(text).period.kind == "one_off"


def test_a_sentence_about_reporting_still_says_the_period() -> None:
    text = (
        "ĐỀ CƯƠNG\nBáo cáo công tác người có công\n"
        "Các xã gửi báo cáo về Phòng Nội vụ trước ngày 20 hằng tháng.\nI. KẾT QUẢ\n"
        "1. Số người có công đang nhận trợ cấp: …… người\n"
    )
    assert imp(text).period.kind == "monthly"
    numbered = (
        "ĐỀ CƯƠNG\nBáo cáo công tác người có công\nI. YÊU CẦU\n1. Các xã báo cáo định kỳ hằng quý.\n"
        "II. KẾT QUẢ\n1. Số người có công đang nhận trợ cấp: …… người\n"
    )
    assert imp(numbered).period.kind == "quarterly"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a page cut in the middle of «theo quy định»: «quy» is not «quý»
        ("BÁO CÁO\nCông tác dân tộc\n" + ITEMS + "a) Báo cáo thống kê theo quy", "one_off"),
        # a decision's name carries its date «ngày 26 tháng 05 năm 2008»: not a monthly report
        ("QUYẾT ĐỊNH SỐ 06/2008/QĐ-BTP NGÀY 26 THÁNG 05 NĂM 2008 BAN HÀNH MẪU BÁO CÁO\n" + ITEMS, "one_off"),
        ("BÁO CÁO\nCông tác hòa giải tháng 05 năm 2026\n" + ITEMS, "monthly"),
        ("BÁO CÁO\nCông tác hòa giải\n" + ITEMS + "Báo cáo gửi theo quý, trước ngày 15 của tháng cuối quý.", "quarterly"),
    ],
)
def test_a_period_word_is_a_whole_word_with_its_accents_and_not_a_date(text: str, kind: str) -> None:
    result = import_document(text.encode(), "de-cuong.txt")
    assert result.data["period"]["kind"] == kind
