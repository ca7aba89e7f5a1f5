"""Biểu column semantics on made-up documents (review r27, kinds 2, 4 and 13): a Word form laid out label | blank
with a unit; the unit stated above a Biểu; a column printed filled beside blank ones (a scored grid's maximum); a
header's bracket row of units or answers; a flattened two-level header's group over its states, and such a table
with only two rows."""

from __future__ import annotations

import io

from docx import Document

from dialogs.importer import import_document
from dialogs.importer.flat_groups import state_groups
from dialogs.importer.given_columns import points_only
from dialogs.importer.header_units import header_bracket
from dialogs.importer.stated_units import stated_unit


def _docx(paragraphs: list[str], rows: list[list[str]], after: list[str] = ()) -> bytes:
    d = Document()
    for p in paragraphs:
        d.add_paragraph(p)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    for p in after:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _items(data: dict) -> list[dict]:
    out: list[dict] = []

    def walk(items: list[dict]) -> None:
        for it in items:
            out.append(it) if "items" not in it else walk(it["items"])

    walk(data["sections"])
    return out


def _txt(text: str) -> list[dict]:
    return _items(import_document(text.encode(), "mau.txt").data)


def _word(paragraphs: list[str], rows: list[list[str]], after: list[str] = ()) -> list[dict]:
    return _items(import_document(_docx(paragraphs, rows, after), "mau.docx").data)


def _table(items: list[dict]) -> dict:
    tables = [q["table"] for q in items if q["type"] == "table"]
    assert len(tables) == 1, [q["prompt"] for q in items]
    return tables[0]


# --- kind 2: a form laid out in a two-column Word table -------------------------------------------------------------


def test_word_form_label_and_blank_with_unit_is_read_as_form_fields():
    items = _word(
        ["PHIẾU THÔNG TIN CHI HỘI NÔNG DÂN NĂM 2027"],
        [
            ["Tên chi hội", "……………"],
            ["Số hội viên", "…………… người"],
            ["Số hộ được vay vốn ưu đãi từ quỹ hỗ trợ nông dân", "…………… hộ"],
            ["Người phụ trách", "……………"],
        ],
        ["Ngày …… tháng …… năm 2027", "CHI HỘI TRƯỞNG", "(Ký, ghi rõ họ tên)"],
    )
    got = [(q["prompt"], q["type"], q.get("unit")) for q in items]
    assert got == [
        ("Tên chi hội", "text", None),
        ("Số hội viên", "integer", "người"),
        ("Số hộ được vay vốn ưu đãi từ quỹ hỗ trợ nông dân", "integer", "hộ"),
        ("Người phụ trách", "text", None),
    ]


def test_long_label_before_blank_and_unit_in_text_stays_one_field():
    items = _txt(
        "PHIẾU ĐĂNG KÝ\nTên tổ dân phố: ……\nSố hộ đăng ký danh hiệu gia đình văn hóa năm nay: ………… hộ\n"
    )
    assert [(q["prompt"], q["type"], q.get("unit")) for q in items][-1] == (
        "Số hộ đăng ký danh hiệu gia đình văn hóa năm nay",
        "integer",
        "hộ",
    )
    assert not any(q["prompt"].lower() == "hộ" for q in items)


def test_two_column_table_with_written_figures_is_no_form():
    items = _word(
        ["KẾT QUẢ TUYỂN SINH"],
        [
            ["Nội dung", "Kết quả"],
            ["Số lớp mở mới", "12 lớp"],
            ["Số học viên", "340 người"],
            ["Số giáo viên", "18 người"],
        ],
    )
    assert not any(q["prompt"] == "Số lớp mở mới" and q["type"] == "integer" for q in items)


# --- kind 4: the unit stated above a Biểu ---------------------------------------------------------------------------

SPENDING = """Biểu 03: CHI THƯỜNG XUYÊN CỦA TRẠM Y TẾ NĂM 2027
Đơn vị tính: nghìn đồng
STT\tKhoản chi\tKế hoạch giao\tĐã chi đến 30/9\tSố hợp đồng đã ký
1\tChi lương và phụ cấp\t\t\t
2\tChi mua thuốc, vật tư\t\t\t
3\tChi sửa chữa nhỏ\t\t\t
\tCộng\t\t\t
"""


def test_money_unit_above_the_grid_governs_every_untyped_figure_column():
    cols = {c["label"]: c for c in _table(_txt(SPENDING))["columns"]}
    assert cols["Kế hoạch giao"]["type"] == "money" and cols["Kế hoạch giao"]["unit"] == "nghìn đồng"
    assert cols["Đã chi đến 30/9"]["type"] == "money" and cols["Đã chi đến 30/9"]["unit"] == "nghìn đồng"
    assert cols["Số hợp đồng đã ký"].get("type", "integer") == "integer"  # a count stays a count


def test_without_a_unit_line_columns_keep_their_own_kind():
    cols = {c["label"]: c for c in _table(_txt(SPENDING.replace("Đơn vị tính: nghìn đồng\n", "")))["columns"]}
    assert cols["Đã chi đến 30/9"].get("type", "integer") == "integer"


def test_stated_unit_in_a_word_document_default_million():
    items = _word(
        ["Phụ lục 02", "KẾT QUẢ THU PHÍ CHỢ NĂM 2027", "ĐVT: triệu đồng"],
        [
            ["TT", "Chợ", "Dự kiến thu", "Thu được"],
            ["1", "Chợ trung tâm", "", ""],
            ["2", "Chợ cá", "", ""],
            ["", "Tổng cộng", "", ""],
        ],
    )
    cols = _table(items)["columns"]
    assert [(c["label"], c.get("type"), c.get("unit")) for c in cols] == [
        ("Dự kiến thu", "money", None),
        ("Thu được", "money", None),
    ]


def test_stated_unit_reader():
    assert stated_unit(["Biểu 1", "(Đơn vị tính: Tỷ đồng)"]) == "Tỷ đồng"
    assert stated_unit(["ĐVT: người", "Ghi chú khác"]) == "người"
    assert stated_unit(["Biểu 2", "Ghi chú khác"]) is None


# --- kind 4: a scored grid's printed maximum, a points grid has no % rows ----------------------------------------------

SCORED = """PHIẾU TỰ ĐÁNH GIÁ XÃ ĐẠT CHUẨN TIẾP CẬN PHÁP LUẬT
STT | Nội dung chấm | Điểm chuẩn | Điểm xã tự chấm | Minh chứng
1 | Niêm yết thủ tục hành chính tại trụ sở | 3 | |
2 | Tỷ lệ hòa giải thành đạt trên 80% | 2,5 | |
3 | Tổ chức đối thoại với nhân dân | 2 | |
Cộng | | 7,5 | |
"""


def test_printed_maximum_is_no_column_and_follows_the_row_labels():
    t = _table(_txt(SCORED))
    assert [(c["label"], c.get("type")) for c in t["columns"]] == [
        ("Điểm xã tự chấm", "decimal"),
        ("Minh chứng", "text"),
    ]
    labels = [r["label"] for r in t["rows"]]
    assert labels[1] == "Tỷ lệ hòa giải thành đạt trên 80% (Điểm chuẩn: 2,5)"
    # a 'Tỷ lệ …' criterion is scored in points: the total adds up
    assert t["rows"][-1].get("kind") == "total"


def test_a_table_filled_everywhere_keeps_its_columns():
    filled = (
        SCORED.replace("| 3 | |", "| 3 | 3 | QĐ 12")
        .replace("| 2,5 | |", "| 2,5 | 2 | BC 4")
        .replace("| 2 | |", "| 2 | 1 | BB 7")
    )
    labels = [c["label"] for c in _table(_txt(filled))["columns"]]
    assert "Điểm chuẩn" in labels


def test_points_only():
    assert points_only([{"label": "Điểm tự chấm"}, {"label": "Ghi chú", "type": "text"}])
    assert not points_only([{"label": "Điểm tự chấm"}, {"label": "Số hộ"}])


# --- kind 4: a header's bracket row ------------------------------------------------------------------------------------


def test_bracket_row_under_the_names_gives_units_kinds_and_choices():
    items = _word(
        ["DANH SÁCH TRẠM BƠM TƯỚI TIÊU"],
        [
            ["TT", "Tên trạm bơm", "Lưu lượng", "Diện tích tưới", "Tỷ lệ hoạt động", "Hiện trạng"],
            ["", "", "(m3/giờ)", "(ha)", "(%)", "(Tốt/Xuống cấp/Hỏng)"],
            ["1", "", "", "", "", ""],
            ["2", "", "", "", "", ""],
        ],
    )
    cols = {c["label"]: c for c in _table(items)["columns"]}
    assert set(cols) == {"Tên trạm bơm", "Lưu lượng", "Diện tích tưới", "Tỷ lệ hoạt động", "Hiện trạng"}
    assert (cols["Lưu lượng"]["type"], cols["Lưu lượng"]["unit"]) == ("decimal", "m3/giờ")
    assert (cols["Diện tích tưới"]["type"], cols["Diện tích tưới"]["unit"]) == ("decimal", "ha")
    assert cols["Tỷ lệ hoạt động"]["type"] == "percent"
    assert cols["Hiện trạng"]["type"] == "choice" and cols["Hiện trạng"]["options"] == [
        "Tốt",
        "Xuống cấp",
        "Hỏng",
    ]
    assert not any(c.get("group") for c in cols.values())


def test_header_bracket_reader():
    assert header_bracket(["Số hộ", "(hộ)"]) == (["Số hộ"], {"type": "integer", "unit": "hộ"})
    assert header_bracket(["Kinh phí", "(triệu đồng)"]) == (["Kinh phí"], {"type": "money"})
    assert header_bracket(["Tổng", "(1)"]) == (["Tổng", "(1)"], {})  # a column number, no unit
    assert header_bracket(["(ha)"]) == (["(ha)"], {})  # a name alone stays


# --- kind 13: a flattened two-level header ------------------------------------------------------------------------------

FLAT = """Biểu 07
TÌNH HÌNH TIẾP NHẬN ĐƠN THƯ QUÝ III/2027
STT
Lĩnh vực
Số đơn nhận được
Tình trạng xử lý
Đã xử lý xong
Đang xử lý
1
Đất đai
2
Môi trường
3
Chính sách xã hội
"""


def test_flattened_group_over_states_is_no_column():
    t = _table(_txt(FLAT))
    assert [(c["label"], c.get("group")) for c in t["columns"]] == [
        ("Số đơn nhận được", None),
        ("Đã xử lý xong", "Tình trạng xử lý"),
        ("Đang xử lý", "Tình trạng xử lý"),
    ]
    assert [r["label"] for r in t["rows"]] == ["Đất đai", "Môi trường", "Chính sách xã hội"]


def test_flattened_header_over_two_numbered_rows_is_still_a_table():
    t = _table(_txt(FLAT.replace("3\nChính sách xã hội\n", "")))
    assert [r["label"] for r in t["rows"]] == ["Đất đai", "Môi trường"]
    assert "Lĩnh vực" not in [c["label"] for c in t["columns"]]
    assert "Đang xử lý" in [c["label"] for c in t["columns"]]


def test_state_groups_needs_a_heading_name():
    assert state_groups(["Tổng số", "Đã giải quyết", "Chưa giải quyết"])[1] == ["", "", ""]
    assert state_groups(["Xếp loại", "Tốt", "Khá", "Ghi chú"]) == (
        ["Tốt", "Khá", "Ghi chú"],
        ["Xếp loại", "Xếp loại", ""],
    )


def test_bracketed_unit_line_between_name_and_flattened_table_names_nothing():
    text = (
        "TỔNG HỢP ĐÓNG GÓP QUỸ KHUYẾN HỌC NĂM 2027\n(Đơn vị tính: triệu đồng)\nTT\nNguồn đóng góp\nSố vận động\n"
        "Số đã nộp\n1\nCá nhân\n2\nDoanh nghiệp\n3\nDòng họ\n"
    )
    items = _txt(text)
    assert [q["prompt"] for q in items] == ["Tổng hợp đóng góp quỹ khuyến học năm 2027"]
    assert [c.get("type") for c in _table(items)["columns"]] == ["money", "money"]


def test_unit_after_the_name_makes_a_measure_never_a_date():
    text = (
        "DANH SÁCH TRẠM CẤP NƯỚC\nSTT\nTên trạm\nCông suất thiết kế (m3/ngày đêm)\nDiện tích khuôn viên (ha)\n"
        "Số hộ sử dụng (hộ)\nNgày đưa vào sử dụng\n1\nTrạm Phú Lâm\n2\nTrạm Hòa Bình\n3\nTrạm Lộc An\n"
    )
    cols = {c["label"]: c for c in _table(_txt(text))["columns"]}
    assert (
        cols["Công suất thiết kế (m3/ngày đêm)"]["type"],
        cols["Công suất thiết kế (m3/ngày đêm)"]["unit"],
    ) == (
        "decimal",
        "m3/ngày đêm",
    )
    assert cols["Diện tích khuôn viên (ha)"]["type"] == "decimal"
    assert "type" not in cols["Số hộ sử dụng (hộ)"] and "unit" not in cols["Số hộ sử dụng (hộ)"]
    assert cols["Ngày đưa vào sử dụng"]["type"] == "date"


def test_unit_at_the_end_of_the_caption_line():
    assert stated_unit(["Biểu 02: THU NGÂN SÁCH XÃ (Đơn vị tính: triệu đồng)"]) == "triệu đồng"
    assert stated_unit(["Biểu 02: THU NGÂN SÁCH XÃ          ĐVT: Tỷ đồng"]) == "Tỷ đồng"
    assert stated_unit(["Đơn vị báo cáo: UBND xã Phú Lâm"]) is None


def test_two_row_flattened_table_ends_at_the_next_roman_heading():
    text = FLAT.replace("3\nChính sách xã hội\n", "") + "II. KHÓ KHĂN, VƯỚNG MẮC\n"
    items = _txt(text)
    t = _table(items)
    assert [r["label"] for r in t["rows"]] == ["Đất đai", "Môi trường"]
    assert any(q["prompt"].upper() == "KHÓ KHĂN, VƯỚNG MẮC" and q["type"] == "longtext" for q in items)


def test_execution_beside_a_money_plan_is_money_without_a_unit_line():
    text = (
        "Biểu 04: THU PHÍ VỆ SINH MÔI TRƯỜNG 9 THÁNG NĂM 2027\nSTT\tNguồn thu\tDự toán giao\tThực hiện 9 tháng\t"
        "Số hộ chưa nộp\n1\tHộ gia đình\t\t\t\n2\tHộ kinh doanh\t\t\t\n3\tCơ sở sản xuất\t\t\t\n"
    )
    cols = {c["label"]: c for c in _table(_txt(text))["columns"]}
    assert cols["Dự toán giao"]["type"] == "money" and cols["Thực hiện 9 tháng"]["type"] == "money"
    assert "type" not in cols["Số hộ chưa nộp"]
    plain = text.replace("Dự toán giao", "Kế hoạch giao")  # no money named: nothing becomes money
    assert not any(c.get("type") == "money" for c in _table(_txt(plain))["columns"])


def test_heading_after_rows_needs_a_heading():
    from dialogs.importer.flat_groups import heading_after

    assert heading_after(["1", "2"], "II. KIẾN NGHỊ")
    assert heading_after(["1", "2"], "II", "KIẾN NGHỊ, ĐỀ XUẤT")
    assert not heading_after(["1", "2"], "X")  # a crossed cell
    assert not heading_after(["I", "1", "2"], "II. Chi thường xuyên")  # the table's own next group
    assert not heading_after(["1", "2"], "III", "Đất ở")


def test_money_unit_after_a_column_name():
    text = (
        "BẢNG TỔNG HỢP HỖ TRỢ SẢN XUẤT\nSTT\tHạng mục\tKinh phí (nghìn đồng)\tDoanh thu (triệu VNĐ)\tDiện tích (ha)\n"
        "1\tGiống lúa\t\t\t\n2\tPhân bón\t\t\t\n3\tThuốc thú y\t\t\t\n"
    )
    cols = [(c["label"], c.get("type"), c.get("unit")) for c in _table(_txt(text))["columns"]]
    assert cols == [
        ("Kinh phí (nghìn đồng)", "money", "nghìn đồng"),
        ("Doanh thu (triệu VNĐ)", "money", None),
        ("Diện tích (ha)", "decimal", "ha"),
    ]
