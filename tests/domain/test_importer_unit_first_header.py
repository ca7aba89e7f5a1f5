"""A statistics Biểu copied one cell a line whose header opens on 'Đơn vị tính' (its row-label heading left blank
over the code 'A'), glued to the receiving unit's line before it. Made-up text."""

from dialogs.importer import import_document

CELLS = [
    "- Đơn vị nhận báo cáo:",
    "Sở Nông nghiệpĐơn vị tính",
    "Kế hoạch năm",
    "Thực hiện quý trước",
    "Thực hiện quý báo cáo",
    "Ước cả năm",
    "A",
    "B",
    "1",
    "2",
    "3",
    "4",
    "1. Diện tích lúa",
    "Ha",
    " ",
    " ",
    " ",
    " ",
    "2. Diện tích ngô",
    '"',
    " ",
    " ",
    " ",
    " ",
    "3. Diện tích rau màu",
    '"',
    " ",
    " ",
    " ",
    " ",
    "4. Sản lượng lúa",
    "Tấn",
    " ",
    " ",
    " ",
    " ",
]
TEXT = "BIỂU SỐ LIỆU TRỒNG TRỌT\n\n" + "\n\n".join(CELLS) + "\n\nNgười lập biểu\n"


def test_unit_first_header_rebuilt():
    r = import_document(TEXT.encode(), "bieu.txt")
    tables = [q for s in r.data["sections"] for q in s["items"] if q["type"] == "table"]
    assert tables
    cols = [c["label"] for c in tables[0]["table"]["columns"]]
    rows = [x["label"] for x in tables[0]["table"]["rows"]]
    assert "Thực hiện quý báo cáo" in cols and "Ước cả năm" in cols
    assert "Diện tích lúa" in rows and "Diện tích ngô" in rows
