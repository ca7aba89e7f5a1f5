"""A statistics form's particulars ('- Đơn vị nhận báo cáo:') printed right above its table name no table. Made-up
text."""

from dialogs.importer import import_document

TEXT = """SỐ CÂY GIỐNG CẤP PHÁT

Năm …..

- Đơn vị báo cáo:

Phòng Nông nghiệp ..........

- Đơn vị nhận báo cáo:

Chỉ tiêu\tMã số\tTổng số\tCây lâm nghiệp\tCây ăn quả
A\tB\t1\t2\t3
Số cây cấp phát\t01\t\t\t
Số hộ nhận cây\t02\t\t\t
Số xã nhận cây\t03\t\t\t
"""


def test_particular_label_is_no_table_name():
    r = import_document(TEXT.encode(), "bieu.txt")
    tables = [q for s in r.data["sections"] for q in s["items"] if q["type"] == "table"]
    assert tables and all("nhận báo cáo" not in q["prompt"] for q in tables)
