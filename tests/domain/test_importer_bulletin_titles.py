"""A periodic bulletin that opens on its first numbered heading ('I. TÌNH HÌNH … THÁNG 4/2025 (từ … - …):') with no
name line: that heading, without its dates, names it. Made-up text."""

from dialogs.importer import import_document
from dialogs.importer.headline import lead_heading_name

TEXT = """I. TÌNH HÌNH CHĂN NUÔI GIA CẦM THÁNG 4/2025 (từ 01/04/2025 - 30/04/2025):

1. Đàn gà: Trong tháng tăng 1.200 con so với tháng trước, chủ yếu ở các xã phía bắc của huyện.

2. Đàn vịt: Giảm nhẹ do thời tiết nắng nóng kéo dài trong tháng.

II. KIẾN NGHỊ

Đề nghị các xã báo cáo số đàn trước ngày 05 hằng tháng.
"""


def test_bulletin_heading_names_the_outline():
    r = import_document(TEXT.encode(), "bantin.txt")
    assert r.data["title"] == "Tình hình chăn nuôi gia cầm tháng 4/2025"


def test_plain_section_heading_names_nothing():
    assert lead_heading_name(["I. TÌNH HÌNH CHUNG CỦA ĐƠN VỊ"]) is None
    assert lead_heading_name(["I. THÔNG TIN VỀ ĐỢT KHẢO SÁT"]) is None
