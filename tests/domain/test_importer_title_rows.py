"""Made-up texts: a name line not run on into the table row or the blank's dots under it; a certificate's name."""
from dialogs.importer.naming import own_name


def test_name_stops_at_a_table_row_under_it():
    lines = ["MẪU GIẤY XÁC NHẬN CƯ TRÚ DÙNG CHO SINH VIÊN", "........ ........ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
             "Số: ……/XN-…… |", "|", "GIẤY XÁC NHẬN CƯ TRÚ", "1. Họ và tên: ……………"]
    assert own_name(lines) == "GIẤY XÁC NHẬN CƯ TRÚ"


def test_name_stops_at_dots_under_it():
    lines = ["BẢNG KÊ VẬT TƯ TỒN KHO CUỐI QUÝ", "……… ĐƠN VỊ ………", "1. Tên vật tư: ……"]
    assert own_name(lines) == "BẢNG KÊ VẬT TƯ TỒN KHO CUỐI QUÝ"


def test_text_opening_with_a_lettered_heading_in_capitals_is_named_by_it():
    from dialogs.importer.headline import lead_heading_name
    texts = ["B. BỐ CỤC BIÊN BẢN KIỂM TRA NỘI BỘ", "Biên bản kiểm tra được trình bày theo thứ tự sau:", "- Trang bìa;"]
    assert lead_heading_name(texts) == "BỐ CỤC BIÊN BẢN KIỂM TRA NỘI BỘ"
    assert lead_heading_name(["1. Báo cáo được lập như sau:", "- Mục lục;"]) is None
    assert lead_heading_name(["I. TÌNH HÌNH CHUNG", "Năm qua …"]) is None
