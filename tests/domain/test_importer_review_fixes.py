"""Misfires a review found in session 24's importer rules, on made-up text: each rule still fires on its own shape
and no longer on the ordinary line that tripped it."""

from __future__ import annotations

from dialogs.importer.ask_types import guess_type
from tests.support.importing import imp


def _prompts(o) -> list[str]:
    return [r.question.prompt for r in o.refs]


def test_a_numbered_request_to_report_is_an_ask_not_an_invitations_closing() -> None:
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\n1. Đề nghị các đồng chí có mặt tại cơ sở báo cáo kết quả kiểm tra việc thực hiện nhiệm vụ "
        "năm 2024.\n2. Khó khăn, vướng mắc\n"
    )
    assert any("kết quả kiểm tra" in p for p in _prompts(o))


def test_an_invitations_request_to_come_is_still_no_ask() -> None:
    o = imp(
        "GIẤY MỜI\nThời gian: ……\nĐịa điểm: ……\n"
        "Đề nghị các đồng chí bố trí thời gian tham dự đầy đủ, đúng giờ.\n"
    )
    assert not any("tham dự" in p for p in _prompts(o))


def test_a_state_outline_citing_a_party_act_keeps_the_state_layout() -> None:
    body = (
        "ĐỀ CƯƠNG BÁO CÁO\nKết quả công tác chuyển đổi số năm 2024\nThực hiện nhiệm vụ sau khi Tỉnh ủy ban hành Chỉ "
        "thị số 15-CT/TU về chuyển đổi số, các sở, ngành báo cáo các nội dung sau:\n1. Kết quả đạt được\n"
        "2. Hạn chế, nguyên nhân\n"
    )
    assert imp("ỦY BAN NHÂN DÂN TỈNH A\n" + body).layout == "state"
    # a news item relaying the Party's act, with no state body heading it, is the Party's
    news = "Ban Bí thư vừa ký ban hành Chỉ thị số 02-CT/TW về đại hội.\nBáo cáo cần nêu rõ kết quả, hạn chế, bài học.\n"
    assert imp(news).layout == "party"


def test_encoding_is_not_an_identifier() -> None:
    assert guess_type("Mã hóa dữ liệu")[0] == "longtext"  # a topic to write about, not a code to copy
    assert guess_type("Mã số thuế")[0] == "text"
    assert guess_type("Mã hộ")[0] == "text"
