"""Tables a web copy flattened (round 29, made-up text): a '|' form whose merged cells were written once and whose
rows broke a cell a line; a glued header over glued column numbers and glued row numbers; a glued header opening
with the number column over rows that open alike ('Tiêu chí 1: …'); a blank form's two-row header a cell a
paragraph."""

from __future__ import annotations

from dialogs.importer.glued_cells import unglue_cells
from dialogs.importer.glued_numbered import numbering_width
from dialogs.importer.nested_headers import nested_paths
from dialogs.importer.pipe_forms import pipe_form_rows, pipe_two_row_header
from dialogs.importer.textgrid import FlatGrid, cell_run_table
from dialogs.importer.unit_runs import unit_run_tables
from tests.support.importing import imp


def _tables(text: str) -> list:
    return [r.question.table for r in imp(text).refs if r.question.type == "table"]


def _labels(table) -> tuple[list[str], list[str]]:
    return [c.label for c in table.columns], [x.label for x in table.rows]


def test_pipe_rows_short_of_their_merged_cell_are_put_under_the_names_column():
    lines = [
        "Khu | Loại | Số hộ | Số người |",
        "........ | Nhà ở | | |",
        "Nhà trọ | | |",
        "Cộng: | |",
        "........ | Nhà ở | | |",
        "Nhà trọ | | |",
        "Cộng: | |",
        "Sau bảng",
    ]
    rows, end = pipe_form_rows(lines, 0)
    assert end == 7
    assert rows[0] == "Loại\tKhu\tSố hộ\tSố người"  # the blanks' column goes after the names
    assert rows[2] == "Nhà trọ\t\t\t" and rows[3] == "Cộng\t\t\t"


def test_a_pipe_form_becomes_a_biểu_with_its_rows_and_a_row_broken_a_cell_a_line():
    text = "\n".join([
        "BÁO CÁO NHANH",
        "1. Vật nuôi",
        "Loại vật nuôi | Số con | Số hộ nuôi |",
        "- Trâu: | | |",
        "- Bò: | | |",
        "- Lợn: |",
        "|",
        "|",
        "- Gia cầm: | 1200 | 35 |",
        "... |",
        "|",
        "|",
        "2. Kiến nghị",
        "Kiến nghị của đơn vị: ……………",
    ])
    tables = _tables(text)
    assert len(tables) == 1
    cols, rows = _labels(tables[0])
    assert cols == ["Số con", "Số hộ nuôi"]
    assert rows == ["Trâu", "Bò", "Lợn", "Gia cầm"]


def test_whole_pipe_rows_are_left_to_the_plain_reader():
    lines = ["A | B | C |", "x | 1 | 2 |", "y | 3 | 4 |", "z | 5 | 6 |"]
    assert pipe_form_rows(lines, 0) is None
    assert pipe_form_rows(["A | B | C |", "x | |", "y | |"], 0) is None  # two rows: too little to tell


def test_a_glued_column_numbering_is_read():
    assert numbering_width("123") == 3
    assert numbering_width("1 2 3 4") == 4
    assert numbering_width("AB123") == 5
    assert numbering_width("12") == 0
    assert numbering_width("2024") == 0
    assert numbering_width("Năm 123") == 0


def test_a_glued_header_over_glued_numbers_and_glued_rows_is_a_biểu():
    text = "\n".join([
        "KẾ HOẠCH VỐN NĂM",
        "",
        "Số TT Hạng mụcVốn được giao",
        "123",
        "AVốn trong nước",
        "I Vốn đầu tư",
        "1Công trình giao thông………",
        "Công trình…",
        "aĐường huyện",
        "bĐường xã",
        "2Công trình thủy lợi",
        "BVốn nước ngoài",
        "- Vốn vay ưu đãi",
        "",
    ])
    seq = unglue_cells(text.split("\n"))
    grids = [g for g in seq if isinstance(g, FlatGrid)]
    assert len(grids) == 1
    assert [t for t, _ in grids[0].cells[0]] == ["Số TT", "Hạng mục", "Vốn được giao"]
    names = [row[1][0] for row in grids[0].cells[1:]]
    assert names == ["Vốn trong nước", "Vốn đầu tư", "Công trình giao thông", "Đường huyện", "Đường xã",
                     "Công trình thủy lợi", "Vốn nước ngoài", "Vốn vay ưu đãi"]  # 'Công trình…' is left to write
    tables = _tables(text)
    assert len(tables) == 1
    cols, rows = _labels(tables[0])
    assert cols == ["Vốn được giao"]
    assert "Đường xã" in rows and "Vốn trong nước" in rows


def test_a_glued_header_without_a_numbering_line_stays_lines():
    lines = ["Số TT Hạng mụcVốn được giao", "AVốn trong nước", "BVốn nước ngoài"]
    assert not any(isinstance(g, FlatGrid) for g in unglue_cells(lines))


def test_a_glued_header_opening_with_its_number_column_over_criteria_is_a_biểu():
    text = "\n".join([
        "PHIẾU TỰ ĐÁNH GIÁ CỦA NHÂN VIÊN",
        "Họ và tên: ……………",
        "",
        "TTNội dungMức đạt Ghi chú",
        "ĐK",
        "Mục 1Nhóm 1: Thái độ làm việc",
        "Tiêu chí 1: Chấp hành nội quy",
        "Tiêu chí 2: Tinh thần hợp tác",
        "Mục 2Nhóm 2. Kết quả công việc",
        "Tiêu chí 3. Hoàn thành nhiệm vụ được giao",
        "Tiêu chí 4: Sáng kiến cải tiến",
        "",
    ])
    tables = _tables(text)
    assert len(tables) == 1
    cols, rows = _labels(tables[0])
    assert cols == ["Mức đạt Ghi chú"]
    assert {"Chấp hành nội quy", "Tinh thần hợp tác", "Hoàn thành nhiệm vụ được giao", "Sáng kiến cải tiến"} <= set(rows)


def test_sentences_under_a_glued_header_are_no_rows():
    lines = ["TTNội dungGhi chú", "Tiêu chí 1: Đơn vị đã hoàn thành mọi nhiệm vụ được giao trong năm vừa qua và đạt "
             "kết quả tốt ở hầu hết các lĩnh vực công tác được cấp trên giao, được đánh giá cao.",
             "Tiêu chí 2: Tốt", "Tiêu chí 3: Khá"]
    assert not any(isinstance(g, FlatGrid) for g in unglue_cells(lines))


def test_a_blank_forms_two_row_header_a_cell_a_paragraph_gives_its_leaves():
    head = ["Ngày kiểm tra", "Địa điểm kiểm tra cụ thể", "Kết quả kiểm tra (lượt)", " ", " ",
            "Đạt\nyêu cầu", "Không đạt", "Xử phạt"]
    lines: list[str] = []
    for c in head:
        lines += [*c.split("\n"), ""]
    lines += [" ", ""] * 15  # three empty rows of five cells
    grid = cell_run_table(lines)
    assert grid is not None
    assert [t for t, _ in grid.cells[0]][1:] == ["Ngày kiểm tra", "Địa điểm kiểm tra cụ thể", "Đạt yêu cầu",
                                                  "Không đạt", "Xử phạt"]


def test_names_and_empty_cells_that_are_no_whole_rows_are_no_two_row_header():
    head = ["Ngày kiểm tra", "Địa điểm kiểm tra cụ thể", "Kết quả kiểm tra (lượt)", " ", " ",
            "Đạt yêu cầu", "Không đạt", "Xử phạt"]
    lines: list[str] = []
    for c in head:
        lines += [c, ""]
    lines += [" ", ""] * 7  # seven empty cells: no whole row of five leaves
    grid = cell_run_table(lines)
    assert grid is None or "Kết quả kiểm tra (lượt)" in [t for t, _ in grid.cells[0]] or len(grid.cells[0]) < 6


def test_a_pipe_header_over_two_lines_gives_its_leaves():
    lines = ["Xã | Số hộ bị thiệt hại (hộ) |", "Sập hoàn toàn | Hư hỏng nặng | Hư hỏng nhẹ |", "", "Ghi chú: …"]
    rows, end = pipe_two_row_header(lines, 0)
    assert rows[0] == "Xã\tSập hoàn toàn\tHư hỏng nặng\tHư hỏng nhẹ" and end == 2
    assert pipe_two_row_header(["A | B | C |", "x | 1 | 2 |"], 0) is None  # a header over a row: not two lines
    text = "\n".join(["2. Thiệt hại về nhà ở", *lines])
    tables = _tables(text)
    assert len(tables) == 1
    cols, rows = _labels(tables[0])
    assert cols == ["Sập hoàn toàn", "Hư hỏng nặng", "Hư hỏng nhẹ"]


def test_a_small_table_run_into_a_paragraph_after_its_unit_is_a_biểu():
    line = ("1. Họ và tên người khai: 2. Tình hình chi tiêu của hộ 2.1. Chi cho sản xuất Đơn vị: 1.000 đồng "
            "Khoản chi Năm trước Năm nay 1. Giống cây trồng (mua hoặc tự để) - Hạt giống - Cây giống 2. Phân bón "
            "3. Thuốc bảo vệ thực vật Tổng cộng 2.2. Chi cho đời sống Đơn vị tính: 1.000 đồng Chỉ tiêu Số tiền "
            "1. Ăn uống 2. Học hành 3. Dự kiến nhu cầu vay vốn:")
    seq = unit_run_tables([line])
    grids = [g for g in seq if isinstance(g, FlatGrid)]
    assert len(grids) == 2
    assert [t for t, _ in grids[0].cells[0]] == ["TT", "Khoản chi", "Năm trước", "Năm nay"]
    names = [row[1][0] for row in grids[0].cells[1:]]
    assert names == ["Giống cây trồng (mua hoặc tự để)", "Hạt giống", "Cây giống", "Phân bón",
                     "Thuốc bảo vệ thực vật", "Tổng cộng"]
    assert [row[1][0] for row in grids[1].cells[1:]] == ["Ăn uống", "Học hành"]  # '3.' is the form's next item
    assert seq[0].endswith("2.1. Chi cho sản xuất") and seq[-1] == "3. Dự kiến nhu cầu vay vốn:"


def test_a_unit_in_a_sentence_is_no_table():
    line = ("Báo cáo gửi về trước ngày 15 hằng tháng. Đơn vị tính: triệu đồng. Các đơn vị tổng hợp số liệu theo "
            "hướng dẫn, gồm: 1. Số thu trong kỳ của toàn đơn vị và các đơn vị trực thuộc theo từng nguồn kinh phí "
            "được giao. 2. Số chi trong kỳ. Mọi vướng mắc xin liên hệ phòng Kế hoạch - Tài chính để được hướng dẫn.")
    assert unit_run_tables([line]) == [line]


def test_a_header_of_three_tiers_is_read_back_from_its_names_and_its_numbering():
    cells = ["Loại sự cố", "Số sự cố", "Số người", "Tổng số", "Có thiệt hại", "Tổng số", "Người lớn", "Trẻ em",
             "Tổng số", "Nữ", "Tổng số", "Nữ", "Tổng sô", "Nữ"]
    paths = nested_paths(cells, 8)  # 2 leaves under 'Số sự cố', 3 groups of 2 under 'Số người'
    assert paths == [["Số sự cố", "Tổng số"], ["Số sự cố", "Có thiệt hại"],
                     ["Số người", "Tổng số", "Tổng số"], ["Số người", "Tổng số", "Nữ"],
                     ["Số người", "Người lớn", "Tổng số"], ["Số người", "Người lớn", "Nữ"],
                     ["Số người", "Trẻ em", "Tổng sô"], ["Số người", "Trẻ em", "Nữ"]]
    assert nested_paths(cells[:6], 4) is None  # no repeated last tier
    assert nested_paths(["A", "B", "C", "D", "E"], 5) is None


def test_a_flattened_three_tier_header_gives_grouped_columns():
    head = ["Tên chỉ tiêu", "Mã số", "Phân loại theo mức độ", "Số vụ", "Số người", "Tổng số", "Có người chết",
            "Tổng số", "Số nữ", "Số trẻ em", "Tổng số", "Ngoài biên chế", "Tổng số", "Ngoài biên chê", "Tổng số",
            "Ngoài biên chế"]
    text = "\n".join(["I. Tình hình sự cố", *head, *(str(k) for k in range(1, 11)), "1. Sự cố cháy nổ",
                      "2. Sự cố điện", "3. Sự cố khác", "Người lập biểu"])
    tables = _tables(text)
    assert len(tables) == 1
    cols = [(c.label, c.group) for c in tables[0].columns]
    assert ("Có người chết", "Số vụ") in cols
    assert ("Ngoài biên chê", "Số người › Số nữ") in cols and ("Ngoài biên chế", "Số người › Số trẻ em") in cols
    assert len(cols) == 8
