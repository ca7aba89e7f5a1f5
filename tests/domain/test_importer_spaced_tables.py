"""Filled tables flattened into text with their figures (spaced_tables.py): rebuilt as Biểu where the header is clear,
else one unsure point naming the line — never lost silently, never asks with figures in their prompt. Made-up text."""

import re

from dialogs.importer import import_document


def _draft(text: str):
    r = import_document(text.encode(), "bang.txt")
    qs = [q for s in r.data["sections"] for q in _flat(s)]
    return r, qs


def _flat(s: dict) -> list[dict]:
    return [x for it in s["items"] for x in (_flat(it) if "items" in it else [it])]


def _tables(qs: list[dict]) -> list[dict]:
    return [q["table"] for q in qs if q["type"] == "table"]


def _no_figure_prompts(qs: list[dict]) -> None:
    for q in qs:
        assert not re.search(r"\d[\d.,]*\s+\d[\d.,]*\s*$", q["prompt"]), q["prompt"]


SPACED_UNIT_ROWS = [
    "BÁO CÁO CHỈ TIÊU GIÁO DỤC\n4. GIÁO DỤC\nChỉ tiêu ĐV tính 2022 2023 2024\nSố lớp học lớp 40 42 45\n"
    "Số giáo viên người 61 63 66\nTỷ lệ trẻ đến trường % 97.2 98.0 98.4\n",
    "BÁO CÁO NÔNG NGHIỆP\nNội dung Đơn vị tính Kế hoạch Thực hiện Tỷ lệ\nDiện tích lúa ha 1,200 1,150 95.8\n"
    "Sản lượng thóc tấn 7,300 7,020 96.2\nĐàn lợn con 15,000 14,100 94.0\n",
]


def test_rows_a_line_with_unit_column_become_a_bieu():
    for text in SPACED_UNIT_ROWS:
        r, qs = _draft(text)
        tables = _tables(qs)
        assert len(tables) == 1, text
        rows = tables[0]["rows"]
        assert [x.get("unit") for x in rows] == [rows[0].get("unit"), rows[1].get("unit"), rows[2].get("unit")]
        assert all(x.get("unit") for x in rows)  # 'ĐV tính' is each row's unit, not a column
        labels = [c["label"] for c in tables[0]["columns"]]
        assert not any("tính" in c for c in labels) and len(labels) == 3
        assert not any(ch.isdigit() for x in rows for ch in x["label"])  # figures are no labels
        _no_figure_prompts(qs)


def test_named_columns_keep_their_names():
    r, qs = _draft(SPACED_UNIT_ROWS[1])
    t = _tables(qs)[0]
    assert [c["label"] for c in t["columns"]][:2] == ["Kế hoạch", "Thực hiện"]
    assert [x["label"] for x in t["rows"]] == ["Diện tích lúa", "Sản lượng thóc", "Đàn lợn"]


TWO_LEVEL = [
    "Diện tích và sản lượng chè\nHuyện 2019 2021\nDiện tích Sản lượng Diện tích Sản lượng\n"
    "Thanh Sơn 1,210 9,800 1,250 10,300\nTân Sơn 860 6,100 880 6,450\nYên Lập 430 2,900 445 3,020\n",
    "Kết quả nuôi trồng thủy sản\nXã 2020 2021 2022\nDiện tích Sản lượng Giá trị Diện tích Sản lượng Giá trị "
    "Diện tích Sản lượng Giá trị\nXã Đông 12.5 40 3,100 13.0 42 3,300 13.2 45 3,500\n"
    "Xã Tây 8.0 21 1,700 8.4 23 1,850 8.6 24 1,990\n",
]


def test_two_level_header_gives_grouped_columns():
    for text in TWO_LEVEL:
        r, qs = _draft(text)
        tables = _tables(qs)
        assert len(tables) == 1, text
        cols = tables[0]["columns"]
        groups = {c.get("group") for c in cols}
        assert len(groups) >= 2 and all(g and g[:2] in ("19", "20") for g in groups)
        assert {c["label"] for c in cols} >= {"Diện tích", "Sản lượng"}
        assert len(tables[0]["rows"]) >= 2
        _no_figure_prompts(qs)


CELL_A_LINE = [
    "Năm\n\nSố trường\n\nSố học sinh\n\n(trường)\n\n(em)\n\n\n2021\n\n12\n\n3.400\n\n2022\n\n13\n\n3.550\n\n"
    "2023\n\n13\n\n3.610\n",
    "Năm\n|\nSố hợp tác xã\n|\nSố thành viên\n|\nDoanh thu\n|\n(HTX)\n|\n(người)\n|\n(triệu đồng)\n|\n|\n"
    "2019\n|\n21\n|\n640\n|\n12.500\n|\n2020\n|\n24\n|\n702\n|\n13.900\n|\n2021\n|\n26\n|\n755\n|\n15.100\n|\n",
]


def test_cells_a_line_with_figures_give_the_columns():
    for text in CELL_A_LINE:
        r, qs = _draft(text)
        tables = _tables(qs)
        assert len(tables) == 1, text
        labels = [c["label"] for c in tables[0]["columns"]]
        assert any(lb.startswith("Số") for lb in labels) and not any(lb[:1].isdigit() for lb in labels)
        assert not any(q["type"] != "table" for q in qs)


MEMBER_LISTS = [
    "PHIẾU HỘ GIA ĐÌNH\nI. THÀNH VIÊN\nStt Họ tên Quan hệ Giới Năm sinh Nghề\n(Chủ hộ ghi trước) với chủ hộ tính nghiệp\n"
    "1\n2\n3\n4\n5\n6\nII. NHÀ Ở\n1. Loại nhà: ……\n",
    "DANH SÁCH ĐOÀN VIÊN\nI. DANH SÁCH\nTT Họ và tên Ngày sinh Chức vụ Đơn vị\n1\n2\n3\n4\nII. GHI CHÚ\n"
    "1. Người lập danh sách: ……\n",
]


def test_member_list_over_numbered_rows_is_a_list_bieu():
    for text in MEMBER_LISTS:
        r, qs = _draft(text)
        tables = _tables(qs)
        assert len(tables) == 1, text
        labels = [c["label"] for c in tables[0]["columns"]]
        assert "Ngày sinh" in labels or "Năm sinh" in labels
        assert any("Họ" in lb for lb in labels)
        assert not any(q["prompt"].strip().isdigit() for q in qs)


UNBUILT = [
    # rows a line with figures but no header line: seen, flagged, never asks
    "BÁO CÁO THỐNG KÊ\nI. DÂN SỐ\nGhi chú: số liệu ước tính.\nSố hộ dân cư 3,410 3,455 3,502\n"
    "Số nhân khẩu 12,880 13,010 13,145\nSố lao động 7,020 7,110 7,190\n",
    # a cell a line with figures under a header of two languages
    "1. Tỷ lệ trẻ suy dinh dưỡng\nChild malnutrition\nChung\nGeneral\nThành thị\nUrban\n2018\n12,40\n8,10\n2019\n"
    "11,90\n7,70\n2020\n11,20\n7,30\n2021\n10,60\n6,80\n",
]


def test_a_table_not_rebuilt_is_an_unsure_point_with_its_line():
    for text in UNBUILT:
        r, qs = _draft(text)
        seen = [n["message"] for n in r.notes if "có một bảng ở dòng" in n["message"]]
        assert len(seen) == 1, (text, r.notes)
        _no_figure_prompts(qs)
        assert not any(any(ch.isdigit() for ch in q["prompt"]) and q["type"] != "table" for q in qs
                       if "Tỷ lệ" not in q["prompt"] and "TT" not in q["prompt"])


PIPE_PERIOD_ROWS = [
    "Số phòng khám\n| | | |\n| 2022 | 2023 | 2024 | |\n| Phòng | |\nToàn huyện | 48 | 51 | 55 | |\nThị trấn | 20 | 21 | 22 | |\n"
    "Các xã | 28 | 30 | 33 | |\n",
    "Số giáo viên mầm non\n| Năm học - School year | |\n| 2019 | 2020 | Sơ bộ Prel.2021 | |\n| Người – Person | |\n"
    "Tổng số - Total | 1 204 | 1 230 | 1 262 | |\nCông lập - Public | 1 011 | 1 025 | 1 040 | |\n"
    "Ngoài công lập - Non-public | 193 | 205 | 222 | |\n",
]


def test_pipe_rows_under_a_period_row_and_a_unit_row():
    for text in PIPE_PERIOD_ROWS:
        r, qs = _draft(text)
        tables = _tables(qs)
        assert len(tables) == 1, text
        t = tables[0]
        labels = [x["label"] for x in t["rows"]]
        assert len(labels) == 3 and not any("-" in lb or "Public" in lb for lb in labels)  # English dropped
        assert all(x.get("unit") in ("Phòng", "Người") for x in t["rows"])  # the unit row is each row's unit
        assert [c["label"][:2] for c in t["columns"]][:2] == ["20", "20"]  # the periods, no figure as a column
        assert q_title(qs).startswith("Số")


def q_title(qs: list[dict]) -> str:
    return next(q["prompt"] for q in qs if q["type"] == "table")


def test_unit_column_abbreviated_in_a_tab_table():
    for head in ("ĐV tính", "Đv tính"):
        text = f"1. Y tế\nChỉ tiêu\t{head}\tKế hoạch\tThực hiện\nSố giường bệnh\tgiường\t\t\nSố bác sĩ\tngười\t\t\n"
        r, qs = _draft(text)
        t = _tables(qs)[0]
        assert [c["label"] for c in t["columns"]] == ["Kế hoạch", "Thực hiện"]
        assert [x.get("unit") for x in t["rows"]] == ["giường", "người"]


FORMULA_CODES = [
    "BÁO CÁO GIẢI NGÂN VỐN\nSTT Công trình Chủ đầu tư Kế hoạch\nvốn Đã giải ngân Còn lại Tỷ lệ (%)\n"
    "1 2 3 4 5 6=4-5 7=5/4*100\n1Trường tiểu học xã A\nNhà văn hóa thôn B\nĐường giao thông thôn C\nTổng\n"
    "12 Người lập Thủ trưởng đơn vị\n",
    "BÁO CÁO THU CHI QUỸ\nTT Nội dung Số phải thu Số đã thu Số còn phải thu\n(1) (2) (3) (4) (5)=(3)-(4)\n"
    "1Quỹ phòng chống thiên tai\nQuỹ đền ơn đáp nghĩa\nQuỹ khuyến học\nCộng\nNgười lập biểu\n",
]


def test_column_codes_with_formulas_open_the_rows():
    for text in FORMULA_CODES:
        r, qs = _draft(text)
        tables = _tables(qs)
        assert len(tables) == 1, text
        rows = [x["label"] for x in tables[0]["rows"]]
        assert len(rows) >= 3 and not any("Người lập" in x or "Thủ trưởng" in x for x in rows)
        assert len(tables[0]["columns"]) >= 3


REPEATED_HEADS = [
    "1. Bảng cân đối\n30/6/20XX 30/6/20XX\nTriệu đồng USD Triệu đồng USD\nTài sản ngắn hạn\nTiền và tương đương tiền\n"
    "Các khoản phải thu\nTổng tài sản\nKế toán trưởng Giám đốc\n",
    "2. Kết quả hoạt động\nQuý này Lũy kế\nKế hoạch Thực hiện Kế hoạch Thực hiện\nDoanh thu bán hàng\nGiá vốn hàng bán\n"
    "Lợi nhuận gộp\nChi phí quản lý\nNgười lập biểu\n",
]


def test_repeated_header_over_a_body_is_an_unsure_point():
    for text in REPEATED_HEADS:
        r, qs = _draft(text)
        seen = [n["message"] for n in r.notes if "có một bảng ở dòng" in n["message"]]
        assert len(seen) == 1, (text, r.notes)
        prompts = " ".join(q["prompt"] for q in qs)
        assert "Kế hoạch Thực hiện" not in prompts and "USD Triệu" not in prompts
        assert "Các khoản phải thu" not in prompts and "Giá vốn hàng bán" not in prompts


NAMES_LINES = [
    "Tra cứu lịch sử thanh toán\n\nTháng Năm Số cũ Số mới Lượng dùng Đơn giá Thuế Thành tiền Ngày nộp\n",
    "1. Sổ theo dõi\nNgày Họ tên Địa chỉ Nội dung Người tiếp Kết quả xử lý Ghi chú\n2. Kiến nghị\n",
]


def test_a_header_line_alone_is_a_list_bieu():
    for text in NAMES_LINES:
        r, qs = _draft(text)
        tables = _tables(qs)
        assert len(tables) == 1, text
        labels = [c["label"] for c in tables[0]["columns"]]
        assert len(labels) >= 7 and any(" " in lb for lb in labels)
        assert not any(q["type"] != "table" and "Họ tên Địa chỉ" in q["prompt"] for q in qs)


def test_a_title_or_a_sentence_is_no_header_line():
    for text in ("Báo Cáo Tình Hình Kinh Tế Xã Hội Quý Một\n1. Kinh tế\n",
                 "Đề nghị các xã gửi báo cáo đúng hạn cho phòng\n1. Kinh tế\n"):
        r, qs = _draft(text)
        assert not _tables(qs), text


def test_one_row_under_a_header_line_is_flagged_and_a_period_is_no_figure():
    for text in ("I. Y TẾ\nChỉ tiêu ĐV tính 2023 2024\nSố trạm y tế trạm 14 15\n",
                 "I. GIÁO DỤC\nNội dung 2022 2023 2024\nSố trường đạt chuẩn 12 14 15\n"):
        r, qs = _draft(text)
        assert sum("có một bảng ở dòng 2" in n["message"] for n in r.notes) == 1, r.notes
        _no_figure_prompts(qs)
    for text in ("BÁO CÁO TỔNG KẾT NĂM HỌC 2021 - 2022\n1. Kết quả\n2. Tồn tại\n",
                 "BÁO CÁO CÔNG TÁC NHIỆM KỲ 2016 – 2021\n1. Kết quả\n2. Tồn tại\n"):
        r, qs = _draft(text)
        assert not any("có một bảng" in n["message"] for n in r.notes)
        assert [q["prompt"] for q in qs] == ["Kết quả", "Tồn tại"]


NAMED_GROUPS = [
    "Lao động có việc làm\nXã Năm trước Năm nay\nNam Nữ Nam Nữ\nXã Hòa An 1,210 1,180 1,250 1,236\n"
    "Xã Hòa Bình 980 1,002 1,010 1,031\n",
    "Kết quả tuyển sinh\nTrường Kế hoạch Thực hiện\nSố lớp Số học sinh Số lớp Số học sinh\n"
    "Trường Tiểu học A 12 410 12 405\nTrường Tiểu học B 9 300 10 318\nTrường THCS C 8 290 8 281\n",
]


def test_two_level_header_with_named_groups():
    for text in NAMED_GROUPS:
        r, qs = _draft(text)
        tables = _tables(qs)
        assert len(tables) == 1, text
        cols = tables[0]["columns"]
        assert len(cols) == 4 and len({c.get("group") for c in cols}) == 2 and all(c.get("group") for c in cols)
        _no_figure_prompts(qs)


def test_a_title_printed_twice_is_no_table():
    for text in ("Biên bản họp chi đoàn\n\nBiên bản họp chi đoàn\nI. Thời gian\nII. Nội dung\n",
                 "Tờ khai đăng ký thường trú\nTờ khai đăng ký thường trú\n1. Họ và tên: ……\n2. Ngày sinh: ……\n"):
        r, qs = _draft(text)
        assert not any("có một bảng" in n["message"] for n in r.notes), r.notes


FILLED_LISTS = [
    "1. Danh sách hộ nghèo\nHọ tên chủ hộ Năm sinh Địa chỉ Số khẩu Nghề nghiệp Ghi chú\n"
    "Nguyễn Văn An 1965 Thôn Đông 4 Làm ruộng\nTrần Thị Bình 1972 Thôn Tây 3 Buôn bán nhỏ\n\n2. Kiến nghị\n",
    "Sổ tiếp dân\nNgày Họ tên Địa chỉ Nội dung Người tiếp Kết quả\n03/01 Lê Văn Cường xóm 2 hỏi đất đai Trưởng ban đã trả lời\n"
    "05/01 Phạm Thị Dung xóm 5 hỏi chế độ Phó ban đã hướng dẫn\n",
]


def test_a_filled_list_under_a_header_line_gives_its_columns_not_its_rows():
    for text in FILLED_LISTS:
        r, qs = _draft(text)
        tables = _tables(qs)
        assert len(tables) == 1, (text, [q["prompt"] for q in qs])
        assert len(tables[0]["columns"]) >= 6
        prompts = " ".join(q["prompt"] for q in qs)
        assert "Nguyễn Văn An" not in prompts and "Lê Văn Cường" not in prompts
        assert not any("Nguyễn" in x["label"] or "Lê Văn" in x["label"] for x in tables[0]["rows"])


LEGENDED_LISTS = [
    "PHIẾU HỘ\nI. THÀNH VIÊN\nStt Họ tên Giới Dân tộc Học vấn\n1\n2\n3\n4\nGiới 1. Nam 2. Nữ\n"
    "Dân tộc 1. Kinh 2. Khác\nHọc vấn 0. Chưa đi học 1. Tiểu học 2. THCS\n3. THPT 4. Trên THPT\nII. NHÀ Ở\n"
    "1. Diện tích nhà: …… m2\n",
    "PHIẾU LAO ĐỘNG\nI. DANH SÁCH\nTT Họ và tên Năm sinh Việc làm\n1\n2\n3\nViệc làm 1. Có việc 2. Thất nghiệp 3. Nghỉ hưu\n"
    "II. THU NHẬP\n1. Tổng thu nhập: …… đồng\n",
]


def test_code_legends_under_a_list_are_its_columns_codes_not_asks():
    for text in LEGENDED_LISTS:
        r, qs = _draft(text)
        assert len(_tables(qs)) == 1
        assert not any(re.search(r"\b1\. ", q["prompt"]) for q in qs), [q["prompt"] for q in qs]
        assert any("các cột ghi theo mã" in n["message"] for n in r.notes)


def test_signatures_after_a_table_are_no_asks():
    for sign in ("12 Người lập Người kiểm tra", "Kế toán Người duyệt"):
        text = ("BÁO CÁO QUỸ\n1. Tình hình quỹ\nChỉ tiêu ĐV tính 2023 2024\nSố dư đầu kỳ đồng 120 140\n"
                f"Số dư cuối kỳ đồng 140 150\n{sign}\n")
        r, qs = _draft(text)
        assert not any("Người" in q["prompt"] for q in qs), [q["prompt"] for q in qs]
