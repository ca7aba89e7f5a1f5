"""A spreadsheet copied as text, its empty cells a run of bars: labels above the header are fields, the rows under
the header a table. Made-up text."""

from dialogs.importer import import_document
from dialogs.importer.spreadsheet_rows import spreadsheet_rows

SHEET = """Mẫu kế hoạch trồng cây xanh bằng bảng tính:
KẾ HOẠCH TRỒNG CÂY XANH | ||||||||||||||
Đơn vị: | ||||||||||||||
Khu vực: | ||||||||||||||
STT | Loại cây | Số lượng (cây) | Kinh phí | Ghi chú | |||||||||||
1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | ||||
1 | Cây bóng mát | ||||||||||||||
2 | Cây ăn quả | ||||||||||||||
3 | Cây cảnh | ||||||||||||||
NGƯỜI LẬP KẾ HOẠCH | ||||||||||||||
"""


def test_sheet_rows_become_fields_and_a_table():
    lines = spreadsheet_rows(SHEET.splitlines())
    assert "Đơn vị: ……" in lines and "KẾ HOẠCH TRỒNG CÂY XANH" in lines
    assert "STT\tLoại cây\tSố lượng (cây)\tKinh phí\tGhi chú" in lines
    assert "1\tCây bóng mát\t\t\t" in lines and "NGƯỜI LẬP KẾ HOẠCH" in lines
    assert not any(s.startswith("1\t2\t3") for s in lines)


def test_sheet_imports_a_table_with_its_columns():
    r = import_document(SHEET.encode(), "kehoach.txt")
    qs = [q for s in r.data["sections"] for q in s["items"]]
    table = next(q for q in qs if q["type"] == "table")
    labels = {c["label"] for c in table["table"]["columns"]}
    assert {"Số lượng (cây)", "Kinh phí"} <= labels
    assert not any("|" in (q.get("prompt") or "") for q in qs)


def test_lines_with_a_few_bars_stay():
    lines = ["Hòa giải thành | Hòa giải không thành | ||||||||", "Ghi chú"]
    assert spreadsheet_rows(lines) == lines
