"""A document-sharing page's bar (file name and size, page counter, conversion date, page numbers) is chrome, and a
statistics form's name in capitals glued to the line before it is a line of its own. Made-up text."""

from dialogs.importer import import_document
from dialogs.importer.cleaning import split_glued_caps

PAGE = """Phần III: Chế độ báo cáo mẫu áp dụng cho các sở ngành tỉnh thànhtải về 7.42 Mb.
trang33/80
Chuyển đổi dữ liệu03.02.2017
Kích7.42 Mb.
1   ...   30   31   32   33   34   35   ...   80

Biểu số: 021.N/BCC-XYZ

Ngày nhận báo cáo:

Ngày 15/8 năm sauSỐ LƯỢNG CÂY GIỐNG CẤP PHÁT

PHÂN THEO HUYỆN

Năm …..
"""


def test_sharing_bar_dropped_and_glued_name_is_title():
    r = import_document(PAGE.encode(), "bieu.txt")
    assert r.data["title"] == "Số lượng cây giống cấp phát phân theo huyện"
    shown = str(r.data)
    assert "7.42" not in shown and "trang33" not in shown and "Phần III" not in shown


def test_glued_caps_split_only_after_lower_case_word():
    assert split_glued_caps("Ngày 9 tháng sauTỔNG HỢP SỐ LIỆU CHI TIÊU") == [
        "Ngày 9 tháng sau",
        "TỔNG HỢP SỐ LIỆU CHI TIÊU",
    ]
    assert split_glued_caps("BÁO CÁO TỔNG HỢP SỐ LƯỢ NG NGƯỜI") == ["BÁO CÁO TỔNG HỢP SỐ LƯỢ NG NGƯỜI"]
    assert split_glued_caps("Đơn vị báo cáo: Sở TÀI") == ["Đơn vị báo cáo: Sở TÀI"]


def test_glued_caps_after_a_full_stop():
    line = "BC năm: ngày 15 tháng 9 hàng năm.SỐ LIỆU CẤP PHÉP XÂY DỰNG"
    assert split_glued_caps(line) == ["BC năm: ngày 15 tháng 9 hàng năm.", "SỐ LIỆU CẤP PHÉP XÂY DỰNG"]
