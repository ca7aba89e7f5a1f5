"""Asks the importer missed outright ('no imported ask near enough'), by the shape of their line (session 24, i24f).
Made-up text only."""

from dialogs.importer.issued_papers import issued_paper
from dialogs.importer.questions import asks_from_text


def _got(text: str) -> list[tuple[str, str]]:
    return [(a.prompt, a.type) for a in asks_from_text(text)]


def test_paper_number_with_issue_date():
    assert _got("Thẻ hội viên số ………………….…….. Cấp ngày .../ ... / ....") == [
        ("Thẻ hội viên số", "text"),
        ("Ngày cấp", "date"),
    ]


def test_paper_number_with_issuer_and_date_in_words():
    got = issued_paper("Giấy chứng nhận đăng ký hộ kinh doanh số: ………….do…………. cấp ngày... tháng ... năm...")
    assert [(a.prompt, a.type) for a in got] == [
        ("Giấy chứng nhận đăng ký hộ kinh doanh số", "text"),
        ("Cơ quan cấp", "text"),
        ("Ngày cấp", "date"),
    ]
    assert got[1].help == ["Giấy chứng nhận đăng ký hộ kinh doanh."]


def test_paper_number_with_place_of_issue():
    assert _got("- Hộ chiếu số: ………… cấp ngày ……/……/…… tại ……………") == [
        ("Hộ chiếu số", "text"),
        ("Ngày cấp", "date"),
        ("Nơi cấp", "text"),
    ]


def test_filled_paper_or_other_fields_untouched():
    assert issued_paper("Thẻ căn cước số: 0123 cấp ngày 12/3/2020 tại Hà Nội") == []
    assert issued_paper("Số điện thoại: ……… Email: ………") == []
    assert issued_paper("Quyết định số ……… ngày ……/……/…… của ………") == []
