"""Asks the importer missed outright ('no imported ask near enough'), by the shape of their line (session 24, i24f).
Made-up text only."""

from dialogs.importer.issued_papers import issued_paper
from dialogs.importer.questions import asks_from_text


def _got(text: str) -> list[tuple[str, str]]:
    return [(a.prompt, a.type) for a in asks_from_text(text)]


def test_paper_number_with_issue_date():
    assert _got("Thẻ hội viên số ………………….…….. Cấp ngày .../ ... / ....") == [
        ("Thẻ hội viên số", "text"),
        ("Cấp ngày", "date"),
    ]


def test_paper_number_with_issuer_and_date_in_words():
    got = issued_paper("Giấy chứng nhận đăng ký hộ kinh doanh số: ………….do…………. cấp ngày... tháng ... năm...")
    assert [(a.prompt, a.type) for a in got] == [
        ("Giấy chứng nhận đăng ký hộ kinh doanh số", "text"),
        ("Cơ quan cấp", "text"),
        ("Cấp ngày", "date"),
    ]
    assert got[1].help == ["Giấy chứng nhận đăng ký hộ kinh doanh."]


def test_paper_number_with_place_of_issue():
    assert _got("- Hộ chiếu số: ………… ngày cấp ……/……/…… tại ……………") == [
        ("Hộ chiếu số", "text"),
        ("Ngày cấp", "date"),
        ("Nơi cấp", "text"),
    ]


def test_filled_paper_or_other_fields_untouched():
    assert issued_paper("Thẻ căn cước số: 0123 cấp ngày 12/3/2020 tại Hà Nội") == []
    assert issued_paper("Số điện thoại: ……… Email: ………") == []
    assert issued_paper("Quyết định số ……… ngày ……/……/…… của ………") == []


def _draft(text: str) -> list[tuple[str, str, str]]:
    from dialogs.importer import draft_outline, import_document

    got = draft_outline(import_document(text.encode(), "bien_ban.txt"))
    return [(r.question.prompt, r.question.type, r.question.help or "") for r in got.refs]


MINUTES = """1. Mẫu biên bản họp tổ dân phố năm 2025:
BIÊN BẢN HỌP TỔ DÂN PHỐ
Hôm nay, ngày …… tháng …… năm 20……, tại ……… (ghi rõ địa điểm họp), tổ dân phố đã họp.
– Chủ tọa: (ghi rõ họ, tên, chức danh người chủ tọa).
– Người ghi biên bản: (ghi rõ họ tên, chức vụ).
– Đã tập huấn nghiệp vụ: (chưa)
"""


def test_label_whose_blank_is_its_guidance_keeps_the_guidance():
    got = {p: (t, h) for p, t, h in _draft(MINUTES)}
    assert got["Chủ tọa"] == ("text", "Ghi rõ họ, tên, chức danh người chủ tọa.")
    assert got["Người ghi biên bản"][1] == "Ghi rõ họ tên, chức vụ."


def test_short_value_in_parentheses_is_still_a_filled_value():
    got = {p: (t, h) for p, t, h in _draft(MINUTES)}
    assert "Đã tập huấn nghiệp vụ" in got and got["Đã tập huấn nghiệp vụ"][1] == ""


BALLOT = """PHIẾU THĂM DÒ Ý KIẾN HỘI VIÊN
Về việc đổi tên chi hội
TT
Họ và tên
Đồng ý
Không đồng ý
1
Trần Thị B
2
3
4
5
{last}: …………………………………………{close}
…………………………………………
Lưu ý: Đánh dấu “x” vào ô chọn.
"""


def _table_rows(text: str) -> tuple[list[str], list[str]]:
    from dialogs.importer import draft_outline, import_document

    got = draft_outline(import_document(text.encode(), "phieu.txt"))
    rows = [x.label for r in got.refs if r.question.type == "table" for x in r.question.table.rows]
    return rows, [r.question.prompt for r in got.refs if r.question.type != "table"]


def test_labelled_blank_under_a_flattened_table_is_its_own_ask():
    for last, close in (("Góp ý thêm (nếu có)", ""), ("Ý kiến khác", ")")):
        rows, asks = _table_rows(BALLOT.format(last=last, close=close))
        assert asks == [last] and not any(last in r for r in rows)


def test_other_kind_row_stays_in_the_table():
    rows, asks = _table_rows(BALLOT.format(last="Khác (ghi rõ)", close=""))
    assert asks == [] and any(r.startswith("Khác (ghi rõ)") for r in rows)
