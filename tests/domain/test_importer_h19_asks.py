"""The nineteenth hold-out's kinds of miss (issue 21, session 25, helper j25b): options each led by a dot run
('.......Có .......Không') are boxes to tick; a form code's tail in abbreviations
('Mẫu 02B-HD KĐ.ĐG 2023') is no name; 'BẢN KIỂM ĐIỂM …' is a name; a name in capitals with a bracketed note and more
run on after it is the capitals alone. Each rule on made-up text, with a line it must not change."""

from __future__ import annotations

from dialogs.importer.cleaning import DOT_OPTIONS
from dialogs.importer.naming import own_name
from tests.support.importing import imp, prompts


def test_a_code_tail_in_abbreviations_is_no_name_the_line_below_is() -> None:
    lines = ["Mẫu 07A-HD QT.KT 2031", "", "CHI BỘ …", "", "…, ngày … tháng … năm …", "", "BẢN KIỂM ĐIỂM TẬP THỂ",
             "Họ và tên: ……"]
    assert own_name(lines) == "BẢN KIỂM ĐIỂM TẬP THỂ"
    lines = ["Biểu số 12/TK XB.2 2030", "BẢN TỰ KIỂM ĐIỂM CUỐI NĂM", "Họ và tên: ……"]
    assert own_name(lines) == "BẢN TỰ KIỂM ĐIỂM CUỐI NĂM"
    # negative: a code line carrying a real name keeps it
    assert own_name(["Mẫu số 03: BÁO CÁO KẾT QUẢ TIÊM CHỦNG", "Họ và tên: ……"]) == "BÁO CÁO KẾT QUẢ TIÊM CHỦNG"


def test_a_name_in_capitals_with_a_note_and_more_run_on_is_the_capitals() -> None:
    lines = ["SỞ NÔNG NGHIỆP", "Báo cáo tháng (Ban hành kèm theo Quyết định số 12)",
             "BÁO CÁO TÌNH HÌNH THU HOẠCH LÚA THÁNG (Từ ngày …/… đến ngày …/…) Nội dung Số lượng"]
    assert own_name(lines) == "BÁO CÁO TÌNH HÌNH THU HOẠCH LÚA THÁNG"
    lines = ["THỐNG KÊ SỐ HỘ NGHÈO CUỐI KỲ (kỳ báo cáo: quý) Chỉ tiêu Đơn vị tính"]
    assert own_name(lines) == "THỐNG KÊ SỐ HỘ NGHÈO CUỐI KỲ"


def test_a_short_capital_lead_or_no_bracket_changes_nothing() -> None:
    # negative: two words in capitals then sentence case stays one name line in sentence case
    assert own_name(["BÁO CÁO Chuyển đổi số (quý) năm 2030"]) != "BÁO CÁO"
    # negative: capitals then plain words with no bracket are left to the other rules
    assert own_name(["BÁO CÁO TỔNG KẾT CÔNG TÁC Năm học 2030 - 2031"]) != "BÁO CÁO TỔNG KẾT CÔNG TÁC"


def test_options_led_by_dot_runs_are_boxes_to_tick() -> None:
    text = ("PHIẾU KHẢO SÁT NƯỚC SẠCH HỘ GIA ĐÌNH\n\nHọ tên chủ hộ: ……………………\n"
            "Gia đình có dùng nước máy không?\n.......Có .......Không\n"
            "- Nước được lọc trước khi uống?\n……Có ……Không\n"
            "- Nguồn nước chính:\n.....Giếng khoan .....Sông suối .....Nước mưa\n")
    got = prompts(imp(text, "phieu.txt"))
    types = {p.rstrip("?: "): t for p, (_, t) in got.items()}
    assert types.get("Gia đình có dùng nước máy không") == "yesno", got
    assert types.get("Nước được lọc trước khi uống") == "yesno", got
    assert any(p.startswith("Nguồn nước chính") and t == "choice" for p, t in types.items()), got


def test_dot_runs_before_units_or_one_option_are_no_boxes() -> None:
    assert DOT_OPTIONS.match(".......Có .......Không")
    assert DOT_OPTIONS.match("……Chôn ……Đốt ……Khác")
    # negative: a date's blanks, a single blank with its unit, a blank in lower case
    assert not DOT_OPTIONS.match("……… tháng ……… năm ………")
    assert not DOT_OPTIONS.match("……………………………… Kg/ngày")
    assert not DOT_OPTIONS.match("…… giờ …… phút")
    assert not DOT_OPTIONS.match("Họ tên: ……… Tuổi: ………")
