"""Biểu headers a copy flattened, on made-up text: a statistics header run into a line or two with its codes and first
row ('… Mã số Tổng số … Chia theo … A B 1 2 3 Tổng số 01', dialogs/importer/run_headers.py); a header broken a word a
line over its codes on one line ('Chiều' / 'dài' … '1 2 3 4 5' / '01'), the form's 'Tỉnh:' labels above it left as
fields; a register's header a cell a line closed by its codes '1' … 'n' with no row under it (textgrid.py). Prose
that names a 'mã số' or a line of figures in a sentence is left alone."""

from __future__ import annotations

from dialogs.importer.run_headers import spread_run_headers
from tests.support.importing import imp


def _tables(text: str):
    o = imp(text)
    return o, [r.question.table for r in o.refs if r.question.type == "table"]


def test_a_statistics_header_run_into_one_line_with_its_codes_and_first_row():
    text = (
        "BIỂU SỐ HỘ DÙNG NƯỚC SẠCH\n\n"
        "Đơn vị tính: Hộ Mã số Tổng số hộ Chia theo khu vực Thành thị Nông thôn A B 1 2 3 Tổng số 01\n\n"
        "Chia theo nguồn nước\n\n"
        "Nước máy 02\n\n"
        "Giếng khoan 03\n\n"
        "Nước mưa 04\n\n"
        "Chia theo dân tộc\n\n"
        "Kinh 05\n\n"
        "Dân tộc khác 06\n\n"
        "Người lập biểu\n"
    )
    _, tables = _tables(text)
    assert len(tables) == 1
    assert [c.label for c in tables[0].columns] == ["Tổng số hộ", "Thành thị", "Nông thôn"]
    rows = [r.label for r in tables[0].rows]
    assert rows[0] == "Tổng số"
    assert {"Nước máy", "Giếng khoan", "Nước mưa", "Kinh", "Dân tộc khác"} <= set(rows)


def test_a_statistics_header_over_two_lines_is_set_out_a_cell_a_line():
    run = [
        "Đơn vị tính: Người Mã số Tổng số học viên",
        "",
        "Chia theo hình thức Chính quy Vừa làm vừa học A B 1 2 3 Tổng số 01",
        "Nam 02",
    ]
    assert spread_run_headers(run) == [
        "Đơn vị tính: Người",
        "Mã số",
        "Tổng số học viên",
        "Chia theo hình thức",
        "Chính quy",
        "Vừa làm vừa học",
        "A B 1 2 3",
        "Tổng số 01",
        "Nam 02",
    ]


def test_names_that_do_not_fit_the_codes_stay_one_line():
    run = ["Mã số Tổng số Số người có việc làm mới Trong năm A B 1 2", "Nam 02"]
    got = spread_run_headers(run)
    assert got[:2] == ["Mã số", "Tổng số Số người có việc làm mới Trong năm"]
    assert got[2] == "A B 1 2"


def test_prose_naming_a_code_is_left_alone():
    run = [
        "Mỗi đơn vị ghi mã số thuế của mình vào ô thứ 1 2 3 của tờ khai.",
        "Ghi rõ mã số hồ sơ và ngày nộp.",
        "Số liệu năm 2023 tăng 1 2 3 4 lần so với năm trước.",
    ]
    assert spread_run_headers(run) == run


def test_a_header_broken_a_word_a_line_over_its_codes_on_one_line():
    text = (
        "BIỂU THỐNG KÊ CÔNG TRÌNH THỦY LỢI\n"
        "Tỉnh, thành phố:\n"
        "Xã, phường, thị trấn:\n"
        "Số tt\n"
        "Địa\n"
        "điểm\n"
        "Chiều\n"
        "dài\n"
        "Năm\n"
        "xây dựng\n"
        "Tình trạng\n"
        "1 2 3 4 5\n"
        "01\n"
        "02\n"
        "03\n"
        "Cộng\n"
        "x\n"
        "Người lập biểu\n"
    )
    o, tables = _tables(text)
    assert len(tables) == 1
    assert [c.label for c in tables[0].columns] == ["Địa điểm", "Chiều dài", "Năm xây dựng", "Tình trạng"]
    assert "Cộng" in [r.label for r in tables[0].rows]
    assert "phường" not in tables[0].title  # the form's labels above the table name no table
    prompts = [r.question.prompt for r in o.refs if r.question.type != "table"]
    assert "Tỉnh, thành phố" in prompts and "Xã, phường, thị trấn" in prompts


def test_a_register_header_a_cell_a_line_with_sub_column_figures_and_no_rows():
    cells = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Số lần khám",
        "Kết quả",
        "Ghi chú",
        "Nam",
        "Nữ",
        "Đạt",
        "Không đạt",
    ]
    cells += ["1", "2", "3"] + [str(n) for n in range(1, 10)]
    text = (
        "SỔ THEO DÕI KHÁM SỨC KHỎE\n\n"
        + "\n\n".join(cells)
        + "\n\nHướng dẫn ghi:\n\nGhi mỗi người một dòng khi khám xong.\n"
    )
    _, tables = _tables(text)
    assert len(tables) == 1
    labels = [c.label for c in tables[0].columns]
    assert {"Họ và tên", "Ngày sinh", "Nam", "Nữ", "Số lần khám", "Kết quả"} <= set(labels)
    assert "Chỉ tiêu" not in labels and not any(lab.isdigit() for lab in labels)


def test_figures_in_a_sentence_after_short_lines_are_no_codes():
    run = ["Địa", "điểm", "Chiều", "dài", "Năm", "xây dựng", "1 2 3 4 5 là các bước làm theo thứ tự."]
    assert spread_run_headers(run) == run


def test_figures_of_a_first_row_are_no_codes_and_sub_column_figures_are_no_codes():
    from dialogs.importer.textgrid import _header_cells

    head, numbering, k = _header_cells(["Chỉ tiêu", "Tổng số", "Nam", "Số hộ", "4", "4", "3"])
    assert numbering == [] and head[-1] == "Số hộ"
    cells = ["TT", "Họ tên", "Mũi tiêm", "Ghi chú", "1", "2", "3", *map(str, range(1, 9))]
    head, numbering, k = _header_cells(cells)
    assert numbering == [str(n) for n in range(1, 9)] and k == len(cells)


def test_one_caption_ending_in_a_colon_still_names_the_table():
    from dialogs.importer.build import _field_labels

    seq = ["Tỉnh, thành phố:", "Xã, phường:", "grid"]
    assert _field_labels(seq, 2)
    assert not _field_labels(["Mở đầu.", "Kết quả các chỉ tiêu năm nay như sau:", "grid"], 2)


def test_a_statistics_form_name_in_capitals_over_its_particulars_names_the_table():
    from dialogs.importer.build import _name_above

    seq = ["SỐ HỘ DÙNG NƯỚC SẠCH", "", "Năm…", "Đơn vị báo cáo: UBND xã", "Đơn vị tính: Hộ", "grid"]
    assert _name_above(seq, 5) == "Số hộ dùng nước sạch"
    assert _name_above(["DIỆN TÍCH RỪNG TRỒNG MỚI", "Quý …", "grid"], 2) == "Diện tích rừng trồng mới"
    assert _name_above(["SỐ HỘ DÙNG NƯỚC SẠCH", "Các xã ghi số liệu đến cuối năm.", "grid"], 2) == ""


def test_a_header_line_over_its_codes_on_a_line_of_their_own_is_left_to_the_row_readers():
    run = ["TT Chỉ tiêu Đơn vị tính Mã số Tổng số Nam Nữ", "A B C 1 2 3", "1. Số hộ hộ 01 5 3 2"]
    assert spread_run_headers(run) == run
    run = ["Đơn vị tính: Người Mã số Tổng số Nam Nữ", "A B 1 2 3", "Tổng số 01"]
    assert spread_run_headers(run) == run
