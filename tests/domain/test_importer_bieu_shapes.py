"""Biểu shapes on made-up text (named_bieu.py and the round «Biểu not rebuilt»): points that each name a Biểu by
its code, a catalogue of Biểu flattened one cell a line; never a question that only points to its Biểu."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.importer.named_bieu import named_bieu


def _result(text: str):
    return import_document(text.encode(), "mau.txt")


def _items(text: str) -> list[dict]:
    out: list[dict] = []

    def walk(items: list[dict]) -> None:
        for it in items:
            out.append(it)
            walk(it.get("items", []))

    walk(_result(text).data["sections"])
    return out


def _tables(text: str) -> list[dict]:
    return [it for it in _items(text) if it.get("type") == "table"]


NAMED_POINTS = """QUY ĐỊNH CHẾ ĐỘ BÁO CÁO THỐNG KÊ NGÀNH THỦY SẢN
1. Các biểu mẫu báo cáo gồm:
a) Diện tích nuôi trồng thủy sản (Biểu 01TS-CS, Phụ lục I);
b) Sản lượng khai thác hải sản (Biểu 02TS-CS, Phụ lục II);
c) Số tàu cá đăng ký mới (Biểu 03TS-CS, Phụ lục III).
2. Đơn vị điền số liệu theo hướng dẫn tại Phụ lục IV.
"""


def test_points_naming_a_bieu_are_placeholder_bieu_with_an_unsure_point():
    res = _result(NAMED_POINTS)
    tables = _tables(NAMED_POINTS)
    assert [t["prompt"] for t in tables] == ["Diện tích nuôi trồng thủy sản", "Sản lượng khai thác hải sản",
                                             "Số tàu cá đăng ký mới"]
    assert tables[0]["table"]["code"] == "01TS-CS"
    assert tables[0]["table"]["rows"][0]["open"] is True
    assert sum("không in cột và dòng" in n["message"] for n in res.notes) == 3


def test_named_points_variants_biểu_số_and_slash_codes():
    text = NAMED_POINTS.replace("(Biểu 01TS-CS, Phụ lục I)", "(Biểu số 01/TS)").replace(
        "(Biểu 02TS-CS, Phụ lục II)", "(theo Biểu mẫu 02/TS)")
    assert [t["table"].get("code") for t in _tables(text)][:2] == ["01/TS", "02/TS"]
    assert named_bieu("Kết quả tiếp công dân (Biểu số 01/TCD);") == ("Kết quả tiếp công dân", "01/TCD")
    assert named_bieu("Thông tin chung về đơn vị (Biểu 01CS-KHCN, Phụ lục I).") == ("Thông tin chung về đơn vị",
                                                                                  "01CS-KHCN")


def test_named_point_negatives():
    # a question that points to its Biểu, a Biểu numbered only, a bracket naming something else: no placeholder
    assert named_bieu("Đã hoàn thành bao nhiêu nhiệm vụ? (Biểu 3).") is None
    assert named_bieu("Kết quả khắc phục tồn tại (Biểu 1)") is None
    assert named_bieu("Số hộ nghèo (theo chuẩn mới)") is None
    # one point alone naming a Biểu stays what it was
    alone = NAMED_POINTS.replace("(Biểu 02TS-CS, Phụ lục II)", "").replace("(Biểu 03TS-CS, Phụ lục III)", "")
    assert _tables(alone) == []


def test_a_point_with_lines_under_it_stays_a_heading():
    text = """ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC KIỂM TRA
I. KẾT QUẢ
a) Việc triển khai các cuộc kiểm tra (Biểu số 01/KT)
- Tổng số cuộc kiểm tra trong kỳ;
- Số cuộc kiểm tra đột xuất.
b) Kết luận kiểm tra (Biểu số 02/KT)
- Số cuộc đã ban hành kết luận;
- Số đơn vị được kiểm tra.
"""
    assert _tables(text) == []


CATALOGUE_ROWS = [("01/CT-S", "Giá trị sản xuất công nghiệp", "tháng", "ngày 20 hàng tháng"),
                  ("02/CT-S", "Tổng mức bán lẻ hàng hóa", "quý", "ngày 20 tháng cuối quý"),
                  ("03/CT-S", "Kim ngạch xuất khẩu theo mặt hàng", "năm", "31/3 năm sau"),
                  ("04/CT-S", "Số chợ, siêu thị, trung tâm thương mại", "năm", "31/3 năm sau")]
HEAD = ["Số thứ tự", "Số hiệu biểu", "Tên biểu", "Kỳ báo cáo", "Ngày nhận báo cáo", "1", "2", "3", "4", "5"]
CATALOGUE = "DANH MỤC BIỂU MẪU BÁO CÁO THỐNG KÊ NGÀNH CÔNG THƯƠNG\n" + "".join(  # one cell a line, '|' between
    f"{c}\n|\n" for c in HEAD + [c for k, r in enumerate(CATALOGUE_ROWS, 1) for c in (str(k), *r)])


def test_catalogue_of_bieu_one_placeholder_per_bieu():
    res = _result(CATALOGUE)
    tables = _tables(CATALOGUE)
    assert len(tables) == 4  # (the copy may glue a short cell to a name: 'Kim ngạch … mặt hàng năm')
    assert all(t["prompt"].startswith(r[1]) for t, r in zip(tables, CATALOGUE_ROWS, strict=True))
    assert [t["table"]["code"] for t in tables] == ["01/CT-S", "02/CT-S", "03/CT-S", "04/CT-S"]
    assert not [it for it in _items(CATALOGUE) if it.get("prompt") in ("03/CT-S", "31/3 năm sau")]
    labels = [c["label"] for t in tables for c in t["table"]["columns"]]
    assert "Ngày nhận báo cáo" not in labels  # the catalogue's own columns are no Biểu to fill
    assert any("không in cột và dòng" in n["message"] for n in res.notes)


def test_catalogue_in_pipe_rows():
    text = """DANH MỤC BIỂU MẪU BÁO CÁO
STT | Ký hiệu biểu | Tên biểu | Kỳ báo cáo |
1 | 01/YT-H | Số cơ sở khám chữa bệnh | năm |
2 | 02/YT-H | Số giường bệnh | năm |
3 | 03/YT-H | Số lượt khám bệnh | 6 tháng |
"""
    assert [t["prompt"] for t in _tables(text)] == ["Số cơ sở khám chữa bệnh", "Số giường bệnh",
                                                    "Số lượt khám bệnh"]


def test_a_table_without_a_names_column_is_no_catalogue():
    text = """BÁO CÁO SỐ LIỆU
STT | Đơn vị | Số hiệu | Số lượng |
1 | Xã A | 01/X-A | |
2 | Xã B | 02/X-B | |
3 | Xã C | 03/X-C | |
"""
    assert all(t["table"]["columns"][0]["label"] != "Số liệu" for t in _tables(text))


HEADER_ONLY = """BÁO CÁO TÌNH HÌNH SỬ DỤNG GIẾNG KHOAN
1. Thông tin chung:
- Tên đơn vị sử dụng: ……………………
Bảng thống kê các giếng khoan đang sử dụng:
STT Số hiệu giếng Vị trí Độ sâu giếng (m) Lưu lượng bơm (m3/ngày) Chất lượng nước
X Y
{blank}
2. Kiến nghị:
- Kiến nghị của đơn vị: ……………………
""".format(blank=" " * 6)  # a row of spaces: the empty row


def test_header_line_with_no_row_is_a_list_split_at_capitals():
    res = _result(HEADER_ONLY)
    tables = _tables(HEADER_ONLY)
    assert len(tables) == 1
    cols = tables[0]["table"]["columns"]
    assert [c["label"] for c in cols] == ["Số hiệu giếng", "X", "Y", "Độ sâu giếng (m)", "Lưu lượng bơm (m3/ngày)",
                                          "Chất lượng nước"]
    assert cols[1].get("group") == "Vị trí"
    assert tables[0]["table"]["rows"][0].get("open") is True
    assert any("tách tên cột theo chữ hoa" in n["message"] for n in res.notes)


def test_header_line_variants_acronym_and_no_group():
    text = HEADER_ONLY.replace("X Y\n", "").replace("Chất lượng nước", "Ý kiến UBND xã")
    cols = [c["label"] for c in _tables(text)[0]["table"]["columns"]]
    assert cols == ["Số hiệu giếng", "Vị trí", "Độ sâu giếng (m)", "Lưu lượng bơm (m3/ngày)", "Ý kiến UBND xã"]
    text = HEADER_ONLY.replace("STT Số hiệu", "Số TT Số hiệu").replace("      \n2.", "2.")
    assert len(_tables(text)) == 1


def test_header_line_negatives():
    # rows under the header: another reader's shape, never an empty list of these columns
    with_rows = HEADER_ONLY.replace("X Y\n      \n", "1 G01 Thôn A 45 20 Tốt\n2 G02 Thôn B 50 25 Tốt\n")
    assert all("tách tên cột" not in n["message"] for n in _result(with_rows).notes)
    # a sentence that begins with 'TT' is no header
    prose = "ĐỀ CƯƠNG BÁO CÁO\n1. Kết quả\nTT Nội dung Kết quả Ghi chú được trình bày ở phần sau.\n"
    assert _tables(prose) == []


def test_unrebuilt_header_line_is_an_unsure_point():
    text = """BÁO CÁO VỀ LAO ĐỘNG ĐI LÀM VIỆC Ở NƯỚC NGOÀI
STT Nước nhận Số lao động đi Số lao động về nước
Tổng cộng:
(1) (2) (3) (4)
45 12 7 3 1 0 2
Người lập biểu
"""
    assert any("hàng tiêu đề «STT Nước nhận" in n["message"] for n in _result(text).notes)
    broken = "BẢNG CHỈ TIÊU\nSố TT\nsố Tên chỉ tiêu Đơn vị tính\n1 1.1 Tổng diện tích Ha\n"
    assert any("hàng tiêu đề «Số TT»" in n["message"] for n in _result(broken).notes)


def test_a_head_alone_over_column_names_says_nothing():
    text = """PHIẾU LẤY Ý KIẾN
Họ và tên chủ hộ: ……………
STT

Họ và tên cử tri trong hộ

Quan hệ với chủ hộ

Ký tên
"""
    assert all("hàng tiêu đề" not in n["message"] for n in _result(text).notes)


def test_caption_leading_to_the_table_names_it_without_như_sau():
    assert _tables(HEADER_ONLY)[0]["table"]["title"] == "Bảng thống kê các giếng khoan đang sử dụng"
    text = HEADER_ONLY.replace("đang sử dụng:", "đang sử dụng như sau:")
    assert _tables(text)[0]["table"]["title"] == "Bảng thống kê các giếng khoan đang sử dụng"
    text = HEADER_ONLY.replace("đang sử dụng:", "đang sử dụng dưới đây:")
    assert _tables(text)[0]["table"]["title"] == "Bảng thống kê các giếng khoan đang sử dụng"
    kept = HEADER_ONLY.replace("đang sử dụng:", "sau năm 2020:")  # 'sau' naming a time stays
    assert _tables(kept)[0]["table"]["title"].endswith("sau năm 2020")


def test_header_line_over_a_numbering_row_or_a_statistics_header_is_left_to_the_others():
    coded = HEADER_ONLY.replace("X Y\n", "(1) (2) (3) (4) (5) (6)\n")
    assert all("tách tên cột" not in n["message"] for n in _result(coded).notes)
    stats = HEADER_ONLY.replace("STT Số hiệu giếng Vị trí", "STT Chỉ tiêu Đơn vị tính Vị trí").replace("X Y\n", "")
    assert all("tách tên cột" not in n["message"] for n in _result(stats).notes)


def test_named_points_whose_bieu_the_document_prints_cancel_their_own_stand_in_only():
    text = NAMED_POINTS.replace("(Biểu 01TS-CS, Phụ lục I)", "(Biểu số 01/TS)").replace(
        "(Biểu 02TS-CS, Phụ lục II)", "(Biểu số 02/TS)") + """Biểu số 01/TS
DIỆN TÍCH NUÔI TRỒNG THỦY SẢN
STT | Loại hình nuôi | Diện tích (ha) |
1 | Nuôi ao | |
2 | Nuôi lồng | |
"""
    prompts = [t["prompt"] for t in _tables(text)]  # (r25b item 9: the others, not printed, keep their stand-ins)
    assert "Sản lượng khai thác hải sản" in prompts and "Số tàu cá đăng ký mới" in prompts
    assert "Diện tích nuôi trồng thủy sản" not in prompts and "DIỆN TÍCH NUÔI TRỒNG THỦY SẢN" in prompts


def test_a_list_of_forms_is_no_catalogue_of_bieu():
    text = """DANH MỤC CÁC MẪU HỒ SƠ
STT | Mẫu số | Tên mẫu | Ghi chú |
1 | 01/HS | Đơn đề nghị cấp giấy phép | |
2 | 02/HS | Tờ khai thông tin doanh nghiệp | |
3 | 03/HS | Giấy xác nhận của địa phương | |
"""
    assert all(t["table"]["columns"][0]["label"] != "Số liệu" for t in _tables(text))


def test_a_word_set_low_or_high_in_a_header_cell_is_a_word_of_its_own():
    from dialogs.importer.cleaning import strip_markup

    assert strip_markup("<b>TT</b> <b>Nội dung</b> <b><sub>chuẩn</sub>Điểm</b> <b>Điểm<sub>đạt</sub></b>") == \
        "TT Nội dung chuẩn Điểm Điểm đạt"
    assert strip_markup("Diện tích 25 m<sup>2</sup>, khí thải m<sup>3</sup>/h") == "Diện tích 25 m2, khí thải m3/h"
    assert strip_markup("Căn cứ Luật<sup>1</sup> và Nghị định<sup>[2]</sup>") == "Căn cứ Luật1 và Nghị định[2]"


def test_named_points_code_first_or_after_its_annex():
    assert named_bieu("Biểu số 01/TCD: Kết quả tiếp công dân;") == ("Kết quả tiếp công dân", "01/TCD")
    assert named_bieu("Biểu 02-KN – Kết quả giải quyết khiếu nại.") == ("Kết quả giải quyết khiếu nại", "02-KN")
    assert named_bieu("Số lao động (Phụ lục II, Biểu 02CS-KHCN);") == ("Số lao động", "02CS-KHCN")
    assert named_bieu("Biểu 3: đã hoàn thành bao nhiêu nhiệm vụ?") is None
    text = """CÔNG VĂN ĐỀ NGHỊ BÁO CÁO SỐ LIỆU
Đề nghị các đơn vị báo cáo theo các biểu sau:
1. Biểu số 01/GD: Số trường, lớp, học sinh;
2. Biểu số 02/GD: Số giáo viên, cán bộ quản lý;
3. Biểu số 03/GD: Cơ sở vật chất trường học.
"""
    assert [t["table"]["code"] for t in _tables(text)] == ["01/GD", "02/GD", "03/GD"]
