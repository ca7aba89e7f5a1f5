"""Statistics tables (Biểu) that reached us as text, one general shape a test, on made-up text: the grid is rebuilt
from the row-label heading ('STT', 'Chỉ tiêu', 'Nội dung'), the column names and the rows whatever their figures
(filled, blank or missing), or from a PDF's column-numbering row; a prose heading is never taken for a table."""

from __future__ import annotations

from dialogs.importer.grids import cell_grid, numbered_rows_grid, shape_cells_grid, split_run_line
from tests.support.importing import imp


def _tables(text: str):
    o = imp(text)
    return [r.question.table for r in o.refs if r.question.type == "table"]


def _one(text: str):
    tables = _tables(text)
    assert len(tables) == 1, tables
    t = tables[0]
    return [c.label for c in t.columns], [r.label for r in t.rows]


def _cells(*cells: str, gap: str = "\n\n") -> str:
    return gap.join(cells)


def test_cells_a_line_numbered_rows_with_units_and_no_figures_are_a_biểu():
    """'STT' / 'Nội dung' / 'Đơn vị' / 'tính' / 'Số liệu', then number, label, unit a cell each, no figures."""
    text = "BÁO CÁO SỐ LIỆU THƯ VIỆN XÃ\n\n" + _cells(
        "STT", "Nội dung", "Đơn vị", "tính", "Số liệu",
        "I", "SÁCH VÀ BÁO",
        "1.1", "Số đầu sách hiện có", "Cuốn",
        "1.1.1", "Trong đó: + Sách thiếu nhi", "Cuốn",
        "1.2", "Số tờ báo đặt hằng năm", "Tờ",
        "II", "BẠN ĐỌC",
        "2.1", "Số thẻ bạn đọc đã cấp", "Thẻ") + "\n"
    cols, rows = _one(text)
    assert cols == ["Số liệu"]
    assert rows == ["SÁCH VÀ BÁO", "Số đầu sách hiện có", "Trong đó: Sách thiếu nhi", "Số tờ báo đặt hằng năm", "BẠN ĐỌC",
                    "Số thẻ bạn đọc đã cấp"]


def test_cells_a_line_with_a_column_numbering_row_and_numbered_labels():
    """'Chỉ tiêu', k column names, the numbering row '1' … 'k', then 'I. …' / '1. …' labels with no figures."""
    text = "BÁO CÁO TÌNH HÌNH ĐÀO TẠO NGHỀ\n\nĐơn vị tính: người\n\n" + _cells(
        "Chỉ tiêu", "Số học viên đầu năm", "Số học viên tuyển mới", "Số học viên tốt nghiệp", "1", "2", "3",
        "I. Tổng số học viên:", "1. Nghề may", "2. Nghề hàn", "II. Theo giới tính:", "1. Nam", "2. Nữ",
        "", "", "Ghi chú: số liệu tính đến cuối năm.") + "\n"
    cols, rows = _one(text)
    assert cols == ["Số học viên đầu năm", "Số học viên tuyển mới", "Số học viên tốt nghiệp"]
    assert rows == ["Tổng số học viên", "Nghề may", "Nghề hàn", "Theo giới tính", "Nam", "Nữ"]


def test_cells_a_line_header_broken_over_lines_and_a_group_word_dropped():
    """'Kinh phí (triệu' / 'đồng)' and 'Nữ' / '(Người)' are one name each; 'Trong đó' heads a group, no column."""
    grid, used = cell_grid(["Số TT", "Chỉ tiêu", "Tổng số (Người)", "Trong đó", "Kinh phí (triệu", "đồng)",
                            "Nữ", "(Người)", "1", "Hộ nghèo", "2", "Hộ cận nghèo", "3", "Hộ mới thoát nghèo"])
    header = [t for t, _ in grid.cells[0]]
    assert header == ["TT", "Chỉ tiêu", "Tổng số (Người)", "Kinh phí (triệu đồng)", "Nữ (Người)"]
    assert [row[1][0] for row in grid.cells[1:]] == ["Hộ nghèo", "Hộ cận nghèo", "Hộ mới thoát nghèo"]
    assert used == 14


def test_a_header_with_no_row_under_it_is_a_biểu_whose_rows_the_unit_adds():
    """'TT' / the labels' heading / the columns to the end of the text: the labels' heading names the column the unit
    fills with its rows' names, then the columns (a footnote's star dropped)."""
    text = "BÁO CÁO KẾT QUẢ PHUN THUỐC HẰNG NGÀY\n\nNgày báo cáo: ..../..../2024\n\n" + _cells(
        "TT", "Thôn/ Tổ dân phố", "Số hộ được phun *", "Số hộ từ chối", "Diện tích phun (m2)", "Hóa chất (lít)",
        "Ghi chú") + "\n"
    cols, _ = _one(text)
    assert cols == ["Thôn/ Tổ dân phố", "Số hộ được phun", "Số hộ từ chối", "Diện tích phun (m2)", "Hóa chất (lít)",
                    "Ghi chú"]


def test_a_filled_table_ends_at_its_last_row_with_figures():
    """Rows with figures (a unit's answer copied): the structure is kept, the figures dropped, and the numbered
    line after the table stays text; 'Năm' / '2023' is one column."""
    text = "NIÊN GIÁM TRƯỜNG HỌC\n\n1. Số phòng học\n\n" + _cells(
        "TT", "Loại phòng", "Năm", "2023", "Năm", "2024",
        "1", "Phòng kiên cố", "12", "14", "2", "Phòng bán kiên cố", "3", "1", "3", "Phòng tạm", "0", "0",
        "2. Kiến nghị của nhà trường") + "\n"
    tables = _tables(text)
    assert len(tables) == 1
    assert [c.label for c in tables[0].columns] == ["Năm 2023", "Năm 2024"]
    assert [r.label for r in tables[0].rows] == ["Phòng kiên cố", "Phòng bán kiên cố", "Phòng tạm"]


def test_rows_a_line_under_a_column_numbering_row_from_a_pdf():
    """A PDF without ruling: header lines broken ('Kế hoạch' / 'năm nay'), the codes 'A B C 1 2', then a row a line
    with its code, a line in lower case continuing the row above, a code alone, until a lettered part 'C- …'."""
    lines = ["A B C 1 2", "I Phần thu", "1 Thu hội phí 21", "2 Thu tài trợ của các tổ chức", "và cá nhân", "22",
             "3 Thu khác 23", "II Phần chi", "1 Chi hoạt động 31", "C- Thuyết minh của chi hội :"]
    grid, used = numbered_rows_grid(lines, ["STT Nội dung Mã số", "Thực hiện", "năm trước", "Kế hoạch", "năm nay"])
    assert [t for t, _ in grid.cells[0]] == ["TT", "Chỉ tiêu", "Thực hiện năm trước", "Kế hoạch năm nay"]
    assert [row[1][0] for row in grid.cells[1:]] == ["Phần thu", "Thu hội phí", "Thu tài trợ của các tổ chức và cá nhân",
                                                     "Thu khác", "Phần chi", "Chi hoạt động"]
    assert used == 9


def test_a_pdf_table_with_group_words_in_its_header_in_a_document():
    text = ("BÁO CÁO SỐ LIỆU TIÊM CHỦNG\n\nĐơn vị tính: Trẻ\nChia theo nơi tiêm\nTổng Chia theo giới tính\nsố\n"
            "Nam Nữ Trạm y tế Bệnh viện\nA 1 2 3 4 5\nI. Tiêm đủ mũi\n- Trẻ dưới 1 tuổi\n- Trẻ từ 1 đến 2 tuổi\n"
            "II. Tiêm chưa đủ mũi\n- Trẻ dưới 1 tuổi\n\nNgười lập biểu\n")
    cols, rows = _one(text)
    assert cols == ["Tổng số", "Nam", "Nữ", "Trạm y tế", "Bệnh viện"]
    assert rows[:3] == ["Tiêm đủ mũi", "Trẻ dưới 1 tuổi", "Trẻ từ 1 đến 2 tuổi"]


def test_a_table_run_into_one_line_is_cut_at_its_row_numbers():
    line = ("BÁO CÁO THÔNG TIN VỀ CÂU LẠC BỘ Biểu 02 Đơn vị báo cáo: Xã TT Chỉ tiêu ĐVT Số lượng I CÂU LẠC BỘ "
            "1. Tổng số câu lạc bộ Câu lạc bộ 1.1 Số câu lạc bộ dưỡng sinh CLB 1.2 Số câu lạc bộ có 2 thế hệ CLB "
            "2. Số hội viên Người 2.1 Nam Người 2.2 Nữ Người II KINH PHÍ 1. Tổng kinh phí hoạt động Đồng "
            "Người lập biểu (Ký, họ tên) Hà Nội, ngày 5 tháng 7 năm 2024 Chủ tịch UBND xã")
    before, cells = split_run_line(line)
    assert before.endswith("Đơn vị báo cáo: Xã")
    assert cells[:4] == ["TT", "Chỉ tiêu", "ĐVT", "Số lượng"]
    cols, rows = _one(line + "\n")
    assert cols == ["Số lượng"]
    assert "Số câu lạc bộ có 2 thế hệ" in rows and "Nam" in rows and "Tổng kinh phí hoạt động" in rows
    assert "CÂU LẠC BỘ" in rows and "KINH PHÍ" in rows  # a group row in capitals has no unit
    assert not any("lập biểu" in r or "tháng" in r for r in rows)  # the signatures after the table are not rows


def test_a_prose_heading_content_is_not_a_table():
    """'Nội dung' alone over numbered prose (no column names, no numbering row) stays an outline."""
    text = ("ĐỀ CƯƠNG BÁO CÁO SƠ KẾT\n\nNội dung\n\n1. Đánh giá kết quả thực hiện nhiệm vụ trong năm\n\n"
            "2. Những hạn chế, nguyên nhân\n\n3. Phương hướng nhiệm vụ năm tới\n")
    assert _tables(text) == []
    short = ("ĐỀ CƯƠNG BÁO CÁO\n\nI. Đánh giá\n\nNội dung\n\nKết quả đạt được\n\nHạn chế\n\nNguyên nhân\n\n"
             "Đề xuất, kiến nghị\n")
    assert _tables(short) == []  # short lines under 'Nội dung', no 'TT' column nor numbering row: not a header
    items = "ĐỀ CƯƠNG BÁO CÁO\n\nNội dung\nYêu cầu\n1. Đánh giá kết quả\n2. Hạn chế, nguyên nhân\n3. Đề xuất\n"
    assert _tables(items) == []  # numbered items with no figure, empty cell, unit or 'TT' column: the outline
    assert cell_grid(["Nội dung", "NỘI DUNG KẾ HOẠCH NĂM HỌC", "1.1.", "Xu thế kinh tế:", "a) Kinh tế số"]) is None


ROWS = [("1", "Số hộ được tuyên truyền", "Hộ", "120", "115"), ("2", "Số người được khám", "Người", "300", "280"),
        ("3", "Số ca mắc mới", "Ca", "", ""), ("4", "Số ổ dịch được xử lý", "Ổ dịch", "5", "5")]
HEAD = ("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện")


def _same_table(text: str) -> None:
    cols, rows = _one(text)
    assert cols == ["Kế hoạch", "Thực hiện"]
    assert rows == [r[1] for r in ROWS]


def test_rows_of_cells_separated_by_bars_are_a_biểu():
    """'| STT | Chỉ tiêu | … |' a row a line (a Markdown rule line allowed), figures filled or empty."""
    lines = ["| " + " | ".join(HEAD) + " |", "|---|---|---|---|---|", *("| " + " | ".join(r) + " |" for r in ROWS)]
    _same_table("BÁO CÁO KẾT QUẢ PHÒNG DỊCH\n\n" + "\n".join(lines) + "\n\nNgười lập biểu\n")


def test_rows_of_tab_separated_cells_are_a_biểu():
    lines = ["\t".join(HEAD), *("\t".join(r) for r in ROWS)]
    _same_table("BÁO CÁO KẾT QUẢ PHÒNG DỊCH\n\n" + "\n".join(lines) + "\n\nNgười lập biểu\n")


def test_a_pdf_row_a_line_under_a_one_line_header_keeps_each_rows_unit_out_of_its_label():
    """'STT Chỉ tiêu Đơn vị tính Kế hoạch Thực hiện' then '1 Số hộ … Hộ 120 115' (with or without a numbering row
    '(1) (2) …' between): the unit written after the label is the row's unit, not part of its name."""
    rows = [" ".join(x for x in r if x) for r in ROWS]
    _same_table("BÁO CÁO KẾT QUẢ PHÒNG DỊCH\n\n" + " ".join(HEAD) + "\n" + "\n".join(rows) + "\n\nNgười lập biểu\n")
    _same_table("BÁO CÁO KẾT QUẢ PHÒNG DỊCH\n\n" + " ".join(HEAD) + "\n(1) (2) (3) (4) (5)\n" + "\n".join(rows)
                + "\n\nNgười lập biểu\n")


def test_cells_a_line_without_row_numbers_whose_figures_are_empty_cells():
    """'Chỉ tiêu' / 'Kế hoạch' / 'Thực hiện' / 'Số trường' then empty cells: the header's last name is the first row
    (the rows repeat one width: a label and two empty cells), whether the page separates cells by a blank line (an
    empty cell is a further pair) or writes one a line (an empty cell is a blank line); 'Ghi chú' alone in a header is
    a column, 'Người lập biểu' ends the table."""
    names = ["Số trường", "Số lớp", "Số học sinh", "Số giáo viên"]
    spaced = "\n\n".join(["Chỉ tiêu", "Kế hoạch", "Thực hiện"]) + "\n\n" + "\n\n\n\n\n\n".join(names)
    packed = "\n".join(["Chỉ tiêu", "Kế hoạch", "Thực hiện"]) + "\n" + "\n\n\n".join(names)
    for body in (spaced, packed):
        cols, rows = _one("BÁO CÁO SỐ LIỆU TRƯỜNG HỌC\n\n" + body + "\n\n\n\nNgười lập biểu\n")
        assert (cols, rows) == (["Kế hoạch", "Thực hiện"], names)
    criteria = "\n\n".join(["Tiêu chí", "Chỉ tiêu chuẩn", "Kết quả"]) + "\n\n" + "\n\n\n\n\n\n".join(names)
    cols, rows = _one("BÁO CÁO TỰ ĐÁNH GIÁ\n\n" + criteria + "\n\n\n\nNgười lập biểu\n")  # 'Tiêu chí' heads the rows
    assert (cols, rows) == (["Chỉ tiêu chuẩn", "Kết quả"], names)
    filled = "\n".join(["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Ghi chú", "Số trường", "12", "10", "", "Số lớp", "40", "38",
                        "", "Số học sinh", "1200", "1150", "", "Người lập biểu"])
    cols, rows = _one("BÁO CÁO SỐ LIỆU TRƯỜNG HỌC\n\n" + filled + "\n")
    assert (cols, rows) == (["Kế hoạch", "Thực hiện", "Ghi chú"], names[:3])


def test_a_single_figures_column_with_a_group_row_and_filled_figures():
    """'STT' / 'Nội dung' / 'Số liệu' over numbered rows filled with figures, a 'Chia ra:' group row and bulleted
    parts: a figure before a bulleted label or one that does not follow the numbering ('20' after '3') is a figure, not
    the next row's number; 'Ghi chú: …' ends the table."""
    text = "BÁO CÁO SỐ LIỆU Y TẾ XÃ\n\n" + _cells(
        "STT", "Nội dung", "Số liệu", "1", "Tổng số trạm y tế", "3", "", "2", "Số bác sĩ", "", "Chia ra:", "",
        "- Nam", "2", "- Nữ", "1", "3", "Số giường bệnh", "20", "4", "Số nữ hộ sinh", "5",
        "Ghi chú: số liệu đến 31/12.") + "\n"
    cols, rows = _one(text)
    assert cols == ["Số liệu"]
    assert rows == ["Tổng số trạm y tế", "Số bác sĩ", "Chia ra:", "Nam", "Nữ", "Số giường bệnh", "Số nữ hộ sinh"]


def test_code_and_numbering_rows_are_metadata_in_a_filled_form():
    """'Chỉ tiêu' / 'Mã số' / 'Tổng số' / 'Chia ra' / 'Nam' / 'Nữ' / 'A' 'B' '1' '2' '3', rows with their code and
    figures (some empty): the code column and the group word are not columns; a 'Trong đó:' row keeps its words."""
    text = "BIỂU SỐ 05\n\n" + "\n".join([
        "Chỉ tiêu", "Mã số", "Tổng số", "Chia ra", "Nam", "Nữ", "A", "B", "1", "2", "3",
        "Tổng số hộ nghèo", "01", "120", "70", "50", "Trong đó: hộ dân tộc thiểu số", "02", "30", "", "",
        "Hộ cận nghèo", "03", "80", "40", "40", "Hộ thoát nghèo", "04", "", "", "", "Người lập biểu"]) + "\n"
    cols, rows = _one(text)
    assert cols == ["Tổng số", "Nam", "Nữ"]
    assert rows == ["Tổng số hộ nghèo", "Trong đó: hộ dân tộc thiểu số", "Hộ cận nghèo", "Hộ thoát nghèo"]


def test_a_label_broken_over_two_lines_is_one_row_and_a_unit_stays_a_unit():
    """'Số người được' / 'tập huấn' / 'người': the line in lower case after a label continues it; the one word before
    the next row's number is the row's unit."""
    text = "BÁO CÁO HỖ TRỢ NÔNG DÂN\n\n" + "\n".join([
        "TT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "1", "Số hộ được", "hỗ trợ vay vốn", "hộ", "2", "Số người được",
        "tập huấn", "người", "3", "Số mô hình", "mô hình", "", "Người lập biểu"]) + "\n"
    cols, rows = _one(text)
    assert cols == ["Số lượng"]
    assert rows == ["Số hộ được hỗ trợ vay vốn", "Số người được tập huấn", "Số mô hình"]


def test_a_pdf_row_a_line_under_a_header_without_a_numbers_column_when_rows_carry_figures():
    text = ("BÁO CÁO KẾT QUẢ PHÒNG DỊCH\n\nChỉ tiêu Kế hoạch Thực hiện\nSố hộ được tuyên truyền 120 115\n"
            "Số người được khám 300 280\nSố ca mắc mới 0 0\nSố ổ dịch được xử lý 5 5\n\nNgười lập biểu\n")
    cols, rows = _one(text)
    assert cols == ["Kế hoạch", "Thực hiện"]
    assert rows == ["Số hộ được tuyên truyền", "Số người được khám", "Số ca mắc mới", "Số ổ dịch được xử lý"]


def test_a_two_level_header_copied_row_by_row_under_a_lettered_numbering_row():
    """'Năm 2023' / 'Năm 2024' then 'Kế hoạch' / 'Thực hiện' twice, then 'A' 'B' 'C' '1' … '4' and the first row's
    number '1': the groups share the four columns evenly; the row number is not part of the numbering row."""
    text = "BÁO CÁO GIẢM NGHÈO\n\n" + "\n".join([
        "STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2023", "Năm 2024", "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện",
        "A", "B", "C", "1", "2", "3", "4", "1", "Số hộ nghèo", "Hộ", "10", "8", "9", "7", "2", "Số hộ cận nghèo", "Hộ",
        "20", "18", "19", "17", "3", "Số lao động có việc làm", "Người", "100", "90", "95", "96", "", "Người lập biểu"])
    o = imp(text + "\n")
    [t] = [r.question.table for r in o.refs if r.question.type == "table"]
    assert [(c.group, c.label) for c in t.columns] == [("Năm 2023", "Kế hoạch"), ("Năm 2023", "Thực hiện"),
                                                       ("Năm 2024", "Kế hoạch"), ("Năm 2024", "Thực hiện")]
    assert [r.label for r in t.rows] == ["Số hộ nghèo", "Số hộ cận nghèo", "Số lao động có việc làm"]


def test_a_header_only_table_inside_an_outline_leaves_the_next_heading_to_the_outline():
    """'TT' / the rows' heading / the columns, then 'II. Đánh giá chung' and its numbered items: a table whose rows
    have their own 'TT' cells never takes a numbered heading for a row; the outline goes on after it."""
    text = "BÁO CÁO CÔNG TÁC TIÊM CHỦNG\n\nI. Kết quả tiêm chủng\n\n" + _cells(
        "TT", "Xã, phường", "Số trẻ cần tiêm", "Số trẻ đã tiêm", "Tỷ lệ (%)", "Ghi chú", "II. Đánh giá chung",
        "1. Thuận lợi", "2. Khó khăn, vướng mắc", "3. Kiến nghị, đề xuất") + "\n"
    o = imp(text)
    [t] = [r.question.table for r in o.refs if r.question.type == "table"]
    assert [c.label for c in t.columns][1:] == ["Số trẻ cần tiêm", "Số trẻ đã tiêm", "Tỷ lệ (%)", "Ghi chú"]
    asked = {r.question.prompt: r.section_number for r in o.refs if r.question.type != "table"}
    assert asked.get("Thuận lợi") == "II" and asked.get("Kiến nghị, đề xuất") == "II"


def test_header_cells_a_line_over_whole_rows_each_run_into_one_line():
    """The header one name a line, then each row on one line with its number and figures ('1 Số hộ nghèo 120 115'):
    the rows are rows, not more header names; a range in a label ('từ 16 - 59') is not figures."""
    text = "BÁO CÁO GIẢM NGHÈO\n\n" + "\n".join([
        "STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "1 Số hộ nghèo 120 115", "2 Số hộ cận nghèo 80 75",
        "3 Số lao động nữ từ 16 - 59 tuổi 40 42", "", "Người lập biểu"]) + "\n"
    cols, rows = _one(text)
    assert cols == ["Kế hoạch", "Thực hiện"]
    assert rows == ["Số hộ nghèo", "Số hộ cận nghèo", "Số lao động nữ từ 16 - 59 tuổi"]


def test_a_cell_run_stops_at_another_tables_heading_and_numbered_group_rows_stay_in_the_table():
    """A web page's file list (short lines) above a Biểu copied a cell a line: the list is no part of the Biểu, and
    the Biểu's group rows 'I. …' / '1. …' above its own 'TT'-numbered rows are rows, not the outline going on."""
    text = "MẪU BÁO CÁO CÂU LẠC BỘ THƠ\n\n" + _cells(
        "Tệp đính kèm", "# Tệp Loại Cỡ", "1 xlsx 12 KB Tải về", "Mẫu báo cáo câu lạc bộ", "Đơn vị :", "NĂM :",
        "A- SỐ LIỆU",
        "TT", "Nội dung", "Đơn vị tính", "Số lượng", "Ghi chú", "",
        "I. Hội viên", "", "1. Số lượng", "", "", "",
        "1", "Tổng số hội viên", "người", "", "",
        "2", "- Trong đó: nữ", "", "", "",
        "2. Sinh hoạt", "", "", "",
        "3", "Số buổi sinh hoạt", "buổi", "", "",
        "4", "Số bài thơ được in", "bài", "", "") + "\n"
    tables = _tables(text)
    assert len(tables) == 1
    rows = [r.label for r in tables[0].rows]
    assert "Tổng số hội viên" in rows and "Số bài thơ được in" in rows and "Hội viên" in rows
    assert not any("Tải về" in r or "Tệp" in r for r in rows)


def test_a_header_of_fragments_closed_by_column_codes_is_a_biểu_without_any_stt_heading():
    """A PDF copied a cell a line, its header's names broken into pieces ('Học sinh' / 'nội trú'), no 'STT' or
    'Chỉ tiêu', then the codes 'A' / '1' … '4' a line each, the rows, the signatures."""
    text = "SỐ LIỆU HỌC SINH CÁC TRƯỜNG\n\nĐơn vị tính: Người\n" + "\n".join([
        "Học sinh", "Chia theo", "loại hình", "Tổng", "số", "Học sinh", "nội trú", "Học sinh", "bán trú",
        "Từ 6 đến", "10 tuổi",
        "A", "1", "2", "3", "4",
        "TỔNG SỐ TOÀN HUYỆN", "- Nam", "- Nữ", "1. Trường tiểu học số một", "- Nam", "- Nữ",
        "Người lập biểu", "(Ký, ghi rõ họ tên)"]) + "\n"
    cols, rows = _one(text)
    assert cols == ["Tổng số", "Học sinh nội trú", "Học sinh bán trú", "Từ 6 đến 10 tuổi"]
    assert rows[:3] == ["TỔNG SỐ TOÀN HUYỆN", "Nam", "Nữ"] and "Người lập biểu" not in rows


def test_short_lines_above_figures_that_count_nothing_are_no_coded_header():
    """Short lines of a form, then '1' / '2' / '3' answers a line each: no column codes closing a header (a field
    with ':' stops it), so no Biểu."""
    text = "PHIẾU KHẢO SÁT\n\n" + "\n".join(["Họ và tên:", "Đơn vị công tác", "Số năm công tác", "1", "2", "3",
                                            "Ý kiến khác: không có."]) + "\n"
    assert _tables(text) == []


def test_a_list_biểu_under_a_numbering_row_whose_rows_are_empty_numbered_lines():
    """'Tên hàng Mã hàng Đơn vị tính Khối lượng' with a long header line of names and a note in a cell, the codes
    'A B C 1 2 3', then '1.' / '2.' / '3.' empty: a list Biểu whose rows the unit writes, its first column the
    header's first name."""
    text = ("PHIẾU ĐIỀU TRA CƠ SỞ CHẾ BIẾN\n\n3. Hàng chế biến trong năm\n"
            "Tên hàng Mã hàng Đơn vị tính Khối lượng hàng\n(Chỉ tính hàng do cơ sở tự chế biến bằng nguyên liệu của "
            "cơ sở)\nKhối lượng hàng chế biến Khối lượng hàng bán ra Giá trị bán ra\nA B C 1 2 3\n1.\n2.\n3.\n")
    cols, rows = _one(text)
    assert cols[0] == "Tên hàng" and cols[-3:] == ["Khối lượng hàng chế biến", "Khối lượng hàng bán ra",
                                                    "Giá trị bán ra"]
    assert rows == ["…"] or len(rows) <= 1


def test_numbered_outline_lines_under_a_sentence_are_no_list_biểu():
    """'1.' / '2.' alone after a sentence, no numbering row: the outline, no Biểu."""
    text = "BÁO CÁO TỔNG KẾT\n\nĐề nghị các đơn vị báo cáo các nội dung sau.\n1.\n2.\nKết quả đạt được\n"
    assert _tables(text) == []


def test_a_table_run_into_one_line_with_a_label_heading_and_column_codes_and_ditto_marks():
    """A page squeezed into one line: 'Tên chỉ tiêu Mã số Đơn vị tính' then the codes 'A B C 1', rows numbered or
    not, each closed by a ditto mark '"' (the unit above again); a column name printed before the heading
    ('Quý báo') whose last word came after 'Đơn vị tính' ('cáo')."""
    line = ("PHIẾU THU THẬP SỐ LIỆU VẬN TẢI Quý....... năm...... A. THÔNG TIN 1. Tên đơn vị: ............ "
            "2. Địa chỉ: ............ B. SỐ LIỆU Quý báo Tên chỉ tiêu Mã số Đơn vị tính cáo A B C 1 01 "
            "I. Vận tải hành khách Nghìn lượt 1. Đường bộ 02 \" Trong đó: xe buýt \" 2. Đường thủy \" "
            "Trong đó: tàu khách \" 3. Đường sắt \" 4. Hàng không \"")
    before, cells = split_run_line(line)
    assert before.endswith("2. Địa chỉ: ............")
    assert cells[:5] == ["B. SỐ LIỆU", "Tên chỉ tiêu", "Mã số", "Đơn vị tính", "Quý báo cáo"]  # its part's heading
    cols, rows = _one(line + "\n")
    assert cols == ["Quý báo cáo"]
    assert rows == ["Vận tải hành khách", "Đường bộ", "Trong đó: xe buýt", "Đường thủy", "Trong đó: tàu khách",
                    "Đường sắt", "Hàng không"]  # the unit 'Nghìn lượt' after the first label is its unit


def test_a_long_sentence_saying_nội_dung_without_column_codes_is_no_table():
    line = ("Các đơn vị báo cáo Nội dung triển khai kế hoạch năm 2024 gồm 1. Công tác tuyên truyền với 12 buổi, "
            "2. Công tác kiểm tra với 3 đoàn, 3. Công tác khen thưởng với 5 tập thể, 4. Kiến nghị đề xuất của đơn vị "
            "đối với cấp trên để tháo gỡ khó khăn vướng mắc trong năm tới.")
    assert split_run_line(line) is None


def test_rows_of_one_shape_under_a_header_of_names_are_a_biểu_without_any_heading():
    """'Tên xã Kế hoạch Thực hiện Tỷ lệ (%)' then rows each a label and three figures (a ditto mark counts as one):
    the repeated shape says table, the header names the label column and the three columns."""
    text = ("BÁO CÁO KẾT QUẢ TIÊM CHỦNG\n\n1. Kết quả theo xã\nTên xã Kế hoạch Thực hiện Tỷ lệ (%)\n"
            "An Bình 120 115 95,8\nAn Phú 98 97 \"\nTân Hòa 143 120 83,9\nCộng 361 332 92,0\n\n2. Khó khăn\n")
    cols, rows = _one(text)
    assert cols == ["Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]
    assert rows == ["An Bình", "An Phú", "Tân Hòa", "Cộng"]


def test_sentences_and_fields_ending_in_figures_are_no_shape_table():
    """Lines ending in figures under a heading, but sentences and fields ('Diện tích: 120 ha 5'), or a header that
    names fewer columns than the figures: no Biểu."""
    text = ("BÁO CÁO NĂM\n\nKết quả đạt được\nTrong năm xã có 12 thôn đạt chuẩn và 3 thôn chưa đạt 15 20\n"
            "Xã đã tổ chức tiêm bù cho 45 trẻ 12 4\nCác trạm y tế phối hợp với trường 3 2\n"
            "Diện tích lúa: 120 5\nDiện tích ngô: 80 4\nDiện tích màu: 20 1\n")
    assert _tables(text) == []


def test_trong_đó_with_a_name_is_a_column_a_bare_group_word_is_not():
    """A web page's header cells ending in '|': 'Tổng số', 'Trong đó lao động nữ' (the subset's own column),
    'Chia theo trình độ' (a group), the leaves, then crossed-out cells."""
    text = "BÁO CÁO LAO ĐỘNG\n\n" + "\n".join(
        [f"{c} |" for c in ["Tổng số", "Trong đó lao động nữ", "Chia theo trình độ", "Đại học", "Cao đẳng",
                            "Trung cấp"]] + ["|||"] + ["x |"] * 6) + "\n"
    cols, _ = _one(text)
    assert "Trong đó lao động nữ" in cols and "Chia theo trình độ" not in cols


def test_a_pdf_header_cut_into_many_fragment_lines_over_a_one_line_numbering_row():
    """More than twelve header fragments ('Tổng' / 'số', 'Chia theo' / 'loại hình' — a group whose words ran onto
    the next line) above 'A 1 2 3 4 5': all are the header; the leaves are the five last names."""
    text = "SỐ LIỆU HỌC SINH\n\nĐơn vị tính: Người\n" + "\n".join([
        "Học sinh", "Chia theo", "loại hình", "Tổng", "số", "Học sinh", "nội trú", "Học sinh", "bán trú", "Từ 6 đến",
        "10 tuổi", "Con", "em", "gia đình", "chính", "sách", "A 1 2 3 4 5", "TỔNG SỐ TOÀN HUYỆN", "- Nam", "- Nữ",
        "1. Trường tiểu học số một", "- Nam", "- Nữ"]) + "\n\nNgười lập biểu\n"
    cols, rows = _one(text)
    assert cols == ["Tổng số", "Học sinh nội trú", "Học sinh bán trú", "Từ 6 đến 10 tuổi", "Con em gia đình chính sách"]
    assert rows[:3] == ["TỔNG SỐ TOÀN HUYỆN", "Nam", "Nữ"]


def test_cells_a_line_of_one_shape_under_names_are_a_biểu_without_any_heading():
    """'Tên xã' / 'Kế hoạch' / 'Thực hiện', then each row a label and two figures a line each (a ditto mark counts):
    no 'STT', no codes; the repetition of the shape says table."""
    text = "BÁO CÁO TIÊM CHỦNG\n\n" + "\n".join(["Tên xã", "Kế hoạch", "Thực hiện", "An Bình", "120", "115",
                                                "An Phú", "98", "\"", "Tân Hòa", "143", "120", "Tân Lập", "87",
                                                "87"]) + "\n\nNgười lập biểu\n"
    cols, rows = _one(text)
    assert cols == ["Kế hoạch", "Thực hiện"]
    assert rows == ["An Bình", "An Phú", "Tân Hòa", "Tân Lập"]


def test_a_filled_form_of_one_answer_a_field_is_no_shape_table():
    """'Số hộ' / '120' / 'Số người' / '300' …: one figure after each label (a form's answers), and labels with
    ':' — no Biểu."""
    lines = ["Thôn", "Số liệu", "Số hộ", "120", "Số người", "300", "Số tổ", "5", "Trưởng thôn:", "Nguyễn Văn A",
             "Số điện thoại:", "0912"]
    assert shape_cells_grid(lines) is None
    assert shape_cells_grid(["Kết quả", "Ghi chú", "Họ và tên:", "Nguyễn Văn A", "12", "3"]) is None


def test_a_biểu_named_in_capitals_right_before_the_signatures_is_kept():
    """'B. SỐ LIỆU' heading a Biểu whose last row is followed by 'Người lập biểu': the signature's lines go, the
    Biểu (its title in capitals) stays."""
    text = "PHIẾU THU THẬP THÔNG TIN\n\nB. SỐ LIỆU\n" + "\n".join([
        "Tên chỉ tiêu", "Mã số", "Thực hiện tháng", "A", "B", "1", "Doanh thu thuần", "01", "", "Số lao động", "02", "",
        "Số cửa hàng", "03", ""]) + "\n\n\nNgười lập biểu\n(Ký, họ tên)\n"
    _, rows = _one(text)
    assert rows == ["Doanh thu thuần", "Số lao động", "Số cửa hàng"]


def test_a_unit_after_a_rows_code_is_the_rows_unit_but_a_label_before_the_next_code_is_a_row():
    """'Doanh thu' / '01' / 'Triệu đồng' / '"': the unit after the code; 'Tổng số' / '03' / 'Nam' / '04' / 'Nữ' /
    '05': 'Nam' and 'Nữ' are rows, each before the next code."""
    text = "BÁO CÁO THÁNG\n\n" + "\n".join([
        "Chỉ tiêu", "Mã số", "Đơn vị tính", "Thực hiện", "A", "B", "C", "1", "Doanh thu thuần", "01", "Triệu đồng", "",
        "Trong đó: bán lẻ", "02", "\"", "", "Tổng số lao động", "03", "Người", "", "Nam", "04", "\"", "", "Nữ", "05", "\"",
        ""]) + "\n"
    _, rows = _one(text)
    assert rows == ["Doanh thu thuần", "Trong đó: bán lẻ", "Tổng số lao động", "Nam", "Nữ"]


def test_rows_a_line_with_codes_units_and_ditto_marks_under_a_label_heading_and_column_codes():
    """'Tên chỉ tiêu Mã số Đơn vị tính Thực hiện tháng' / 'A B C 1', rows 'label code unit' or 'label code "': the
    codes row makes the header, each row keeps its label only; the lettered heading 'B. …' stays the section."""
    text = ("PHIẾU THU THẬP THÔNG TIN\n\nB. SỐ LIỆU\nTên chỉ tiêu Mã số Đơn vị tính Thực hiện tháng\nA B C 1\n"
            "1. Doanh thu thuần 01 Triệu đồng\nTrong đó: bán lẻ 02 \"\n2. Số lao động 03 Người\nTrong đó: nữ 04 \"\n"
            "3. Số cửa hàng 05 Cửa hàng\n\nNgười lập biểu\n")
    cols, rows = _one(text)
    assert cols == ["Thực hiện tháng"]
    assert rows == ["Doanh thu thuần", "Trong đó: bán lẻ", "Số lao động", "Trong đó: nữ", "Số cửa hàng"]


def test_a_word_in_capitals_cut_across_cells_is_glued_back_into_its_row_label():
    """'TỔNG SỐ TOÀN' / 'H' / 'UYỆN' under a header closed by codes a line each: one row 'TỔNG SỐ TOÀN HUYỆN'."""
    text = "SỐ LIỆU TRẺ EM\n\nĐơn vị tính: Người\n" + "\n".join([
        "Tổng", "số", "Trẻ em", "dưới 6 tuổi", "Trẻ em", "từ 6 tuổi", "A", "1", "2", "3",
        "TỔNG SỐ TOÀN", "H", "UYỆN", "- Nam", "- Nữ", "1. Xã thứ nhất", "- Nam", "- Nữ"]) + "\n\nNgười lập biểu\n"
    cols, rows = _one(text)
    assert cols == ["Tổng số", "Trẻ em dưới 6 tuổi", "Trẻ em từ 6 tuổi"]
    assert rows[0] == "TỔNG SỐ TOÀN HUYỆN" and "UYỆN" not in rows


def test_a_list_to_fill_under_stt_with_empty_numbered_lines_is_a_biểu_of_its_names():
    """'STT' / 'Họ và tên' / … then '1' … '10' with nothing after them: more numbers than names, so rows to fill, not
    the columns' numbering; the name column is asked too."""
    text = "DANH SÁCH HỘI VIÊN TIÊU BIỂU\n\n" + "\n".join(
        ["STT", "Họ và tên hội viên", "Năm sinh", "Địa chỉ thường trú", "(ghi xã, phường)", "Ghi chú",
         *[str(i) for i in range(1, 11)]]) + "\n\nNgười lập danh sách\n"
    cols, _ = _one(text)
    assert cols == ["Họ và tên hội viên", "Năm sinh", "Địa chỉ thường trú (ghi xã, phường)", "Ghi chú"]


def test_a_numbering_row_as_long_as_the_header_stays_the_columns_codes():
    """'STT' / 'Chỉ tiêu' / 'Kế hoạch' / 'Thực hiện' / 'Tỷ lệ' then '1' … '5' and rows: codes, not a list."""
    text = "BÁO CÁO KẾT QUẢ\n\n" + "\n".join(
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ", "1", "2", "3", "4", "5",
         "1", "Số hộ được hỗ trợ", "120", "115", "95", "2", "Số lao động có việc làm", "300", "280", "93",
         "3", "Số lớp tập huấn", "10", "12", "120"]) + "\n"
    cols, rows = _one(text)
    assert "Chỉ tiêu" not in cols and "Kế hoạch" in cols
    assert rows == ["Số hộ được hỗ trợ", "Số lao động có việc làm", "Số lớp tập huấn"]


def test_a_header_without_row_heading_keeps_long_names_and_their_units_in_parentheses():
    """'Học sinh chuyển đến từ tỉnh khác trong năm' (eight words) and '(người)' under each name, closed by the codes
    a line each: each name with its unit is one column."""
    text = "BÁO CÁO SĨ SỐ\n\n2. Số liệu học sinh\n\n" + "\n\n".join(
        ["Cấp học", "Học sinh đầu năm", "(người)", "Học sinh chuyển đến từ tỉnh khác trong năm", "(người)",
         "Học sinh bỏ học", "(người)", "(1)", "(2)", "(3)", "Tiểu học", "THCS", "THPT"]) + "\n\nGhi chú: số liệu đến 15/10.\n"
    cols, rows = _one(text)
    assert cols == ["Học sinh đầu năm (người)", "Học sinh chuyển đến từ tỉnh khác trong năm (người)",
                    "Học sinh bỏ học (người)"]
    assert rows == ["Tiểu học", "THCS", "THPT"]
