"""Word files and tables (issue 21, session 20, helper h21c): every rule on a made-up .docx built here with
python-docx, or on made-up flattened text — never copied from the corpus.

A Word table is never dropped silently: a Biểu above the first numbered heading, a list with one header row, a table
with a band of fields inside it; a table that only lays out a form is read as its lines, a signature as nothing.
Tables flattened into text (one cell a line with column codes, HTML cells ending in '|', a header without rows) are
rebuilt as Biểu, or named among the unsure points."""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from dialogs.importer import import_document
from dialogs.importer.document import Grid
from dialogs.importer.keys import KeyMaker
from dialogs.importer.tables import build_table
from dialogs.importer.textgrid import rebuild
from dialogs.importer.word_tables import tab_fields
from dialogs.loader import check_outline_text
from dialogs.outline import Outline
from tests.support.importing import imp, pdf_page, prompts


def word(*blocks) -> bytes:
    """Paragraphs (str) and tables ((rows, merges): rows of cell texts, None under a merge; merges ((r1, c1), (r2,
    c2)) as python-docx merges them)."""
    d = DocxDocument()
    for b in blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
            continue
        rows, merges = b
        t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for (r1, c1), (r2, c2) in merges:
            t.cell(r1, c1).merge(t.cell(r2, c2))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text is not None:
                    t.cell(r, c).text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def imp_docx(data: bytes) -> tuple[Outline, list[str]]:
    result = import_document(data, "de-cuong.docx")
    outline, problems = check_outline_text(result.yaml)
    assert not problems, problems
    return outline, [n["message"] for n in result.notes]


def tables(o: Outline) -> list:
    return [r for r in o.refs if r.question.type == "table"]


def test_a_four_level_merged_header_with_three_rows_right_after_a_numbered_line_is_a_bieu():
    rows = [["TT", "Đơn vị", "Kết quả thực hiện", None, None, None],
            [None, None, "Tổng số", "Chia theo cấp", None, None],
            [None, None, None, "Cấp tỉnh", "Cấp xã", None],
            [None, None, None, None, "Xã", "Phường"],
            ["1", "Sở Nông nghiệp", "", "", "", ""], ["2", "Sở Xây dựng", "", "", "", ""],
            ["3", "Sở Công Thương", "", "", "", ""]]
    merges = [((0, 0), (3, 0)), ((0, 1), (3, 1)), ((0, 2), (0, 5)), ((1, 2), (3, 2)), ((1, 3), (1, 5)),
              ((2, 3), (3, 3)), ((2, 4), (2, 5))]
    o, _ = imp_docx(word("ĐỀ CƯƠNG BÁO CÁO", "I. KẾT QUẢ", "1. Kết quả thực hiện của các sở:", (rows, merges),
                         "2. Khó khăn, vướng mắc"))
    [ref] = tables(o)
    t = ref.question.table
    assert ref.section_number in ("I", "I.1")
    assert [c.label for c in t.columns] == ["Tổng số", "Cấp tỉnh", "Xã", "Phường"]
    assert t.columns[2].group.endswith("Cấp xã")
    assert [r.label for r in t.rows] == ["Sở Nông nghiệp", "Sở Xây dựng", "Sở Công Thương"]
    assert prompts(o)["Khó khăn, vướng mắc"][0] == "I"


def test_a_caption_row_over_the_table_names_it_and_a_total_column_sums_its_parts_however_deep():
    rows = [["Biểu số 03: KẾT QUẢ TUYÊN TRUYỀN", None, None, None, None, None, None],
            ["TT", "Nội dung", "Tổng số", "Chia theo cấp", None, None, "Ghi chú"],
            [None, None, None, "Cấp tỉnh", "Cấp xã", None, None],
            [None, None, None, None, "Xã", "Phường", None],
            ["1", "Hội nghị", "", "", "", "", ""], ["2", "Tọa đàm", "", "", "", "", ""]]
    merges = [((0, 0), (0, 6)), ((1, 0), (3, 0)), ((1, 1), (3, 1)), ((1, 2), (3, 2)), ((1, 3), (1, 5)),
              ((2, 3), (3, 3)), ((2, 4), (2, 5)), ((1, 6), (3, 6))]
    o, _ = imp_docx(word("BÁO CÁO", "I. KẾT QUẢ", "1. Công tác tuyên truyền", (rows, merges), "2. Khó khăn"))
    t = tables(o)[0].question.table
    assert t.code == "03" and t.title.endswith("KẾT QUẢ TUYÊN TRUYỀN")
    assert [r.label for r in t.rows] == ["Hội nghị", "Tọa đàm"]
    cols = {c.label: c for c in t.columns}
    assert cols["Tổng số"].sum_of == [cols["Cấp tỉnh"].key, cols["Xã"].key, cols["Phường"].key]
    assert not any(c.group and "Biểu" in c.group for c in t.columns)


def test_a_total_column_over_a_subset_group_is_asked_over_its_parts_computed():
    def total(group: str):
        rows = [["TT", "Nội dung", "Tổng số", group, None], [None, None, None, "Nam", "Nữ"],
                ["1", "Hội nghị", "", "", ""], ["2", "Tọa đàm", "", "", ""]]
        merges = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 3), (0, 4))]
        o, _ = imp_docx(word("BÁO CÁO", "I. KẾT QUẢ", "1. Công tác tuyên truyền", (rows, merges)))
        return {c.label: c for c in tables(o)[0].question.table.columns}

    parts = total("Chia ra")
    assert parts["Tổng số"].sum_of == [parts["Nam"].key, parts["Nữ"].key]
    assert total("Trong đó")["Tổng số"].sum_of is None  # 'Trong đó' is a subset: the total is asked


def test_a_names_column_merged_down_over_rows_named_in_the_next_column_groups_them():
    rows = [["Cấp", "Cơ quan", "Số cuộc", "Số người"], ["Cấp tỉnh", "Sở Nội vụ", "", ""], [None, "Sở Tư pháp", "", ""],
            ["Cấp xã", "UBND xã", "", ""], [None, "Công an xã", "", ""], ["Tổng cộng", None, "", ""]]
    merges = [((1, 0), (2, 0)), ((3, 0), (4, 0)), ((5, 0), (5, 1))]
    o, _ = imp_docx(word("BÁO CÁO", "I. KẾT QUẢ", "1. Kết quả kiểm tra", (rows, merges)))
    t = tables(o)[0].question.table
    assert [c.label for c in t.columns] == ["Số cuộc", "Số người"]
    assert [(r.label, r.kind, r.level) for r in t.rows] == [
        ("Cấp tỉnh", "group", 0), ("Sở Nội vụ", "data", 1), ("Sở Tư pháp", "data", 1), ("Cấp xã", "group", 0),
        ("UBND xã", "data", 1), ("Công an xã", "data", 1), ("Tổng cộng", "total", 0)]
    assert t.rows[0].sum_of == "children" and t.rows[-1].sum_of == "all"


def test_a_band_over_the_width_inside_a_bieu_is_a_group_row_and_a_closing_field_no_row():
    rows = [["TT", "Đơn vị", "Số cuộc", "Số người"], ["A. KHỐI TỈNH", None, None, None], ["1", "Sở Nội vụ", "", ""],
            ["2", "Sở Tư pháp", "", ""], ["B. KHỐI XÃ", None, None, None], ["1", "Xã An Bình", "", ""],
            ["Người lập biểu: ……………", None, None, None]]
    merges = [((1, 0), (1, 3)), ((4, 0), (4, 3)), ((6, 0), (6, 3))]
    o, _ = imp_docx(word("BÁO CÁO", "I. KẾT QUẢ", "1. Kết quả kiểm tra", (rows, merges)))
    t = tables(o)[0].question.table
    assert [c.label for c in t.columns] == ["Số cuộc", "Số người"]
    assert [(r.no, r.label, r.kind) for r in t.rows] == [
        ("A", "KHỐI TỈNH", "group"), ("1", "Sở Nội vụ", "data"), ("2", "Sở Tư pháp", "data"), ("B", "KHỐI XÃ", "group"),
        ("1", "Xã An Bình", "data")]


def test_yes_and_no_columns_side_by_side_are_one_yes_no_column_of_a_checklist():
    rows = [["TT", "Nội dung tự đánh giá", "Có", "Không", "Ghi chú"], ["I", "Cơ sở vật chất", "", "", ""],
            ["1", "Có phòng đọc riêng", "", "", ""], ["2", "Có máy tính tra cứu", "", "", ""],
            ["II", "Hoạt động", "", "", ""], ["1", "Tổ chức ngày hội đọc sách", "", "", ""]]
    o, _ = imp_docx(word("PHIẾU TỰ ĐÁNH GIÁ", "I. TỰ ĐÁNH GIÁ", (rows, [])))
    t = tables(o)[0].question.table
    assert [(c.label, c.type) for c in t.columns] == [("Có/không", "yesno"), ("Ghi chú", "text")]
    assert [(r.label, r.kind, r.open) for r in t.rows][:2] == [("Cơ sở vật chất", "group", False),
                                                               ("Có phòng đọc riêng", "data", False)]


def test_a_list_table_above_the_first_numbered_heading_is_never_dropped():
    header_only = ([["STT", "Tên văn bản", "Ngày ban hành", "Trích yếu"]], [])
    o, notes = imp_docx(word("BÁO CÁO KẾT QUẢ", "Các văn bản đã ban hành:", header_only, "I. TÌNH HÌNH CHUNG",
                             "1. Kết quả chung"))
    [ref] = tables(o)
    t = ref.question.table
    assert t.title == "Các văn bản đã ban hành"
    assert [(c.label, c.type) for c in t.columns] == [("Tên văn bản", "text"), ("Ngày ban hành", "date"),
                                                       ("Trích yếu", "text")]
    assert [r.open for r in t.rows] == [True]  # the unit adds one row per document
    assert prompts(o)["Kết quả chung"][0] == "I"
    assert not [n for n in notes if "không dựng" in n or "không có chỗ" in n]


def test_numbered_rows_with_an_example_filled_in_are_a_list_not_named_rows():
    rows = [["Lần", "Ngày", "Nội dung", "Nhận xét"], ["1", "05/3/2026", "Khảo sát hiện trạng", ""],
            ["2", "", "", ""], ["3", "", "", ""], ["…", "", "", ""]]
    o, _ = imp_docx(word("SỔ THEO DÕI", "I. THEO DÕI", "1. Các lần làm việc", (rows, [])))
    t = tables(o)[0].question.table
    assert [(c.label, c.type) for c in t.columns] == [("Ngày", "date"), ("Nội dung", "text"), ("Nhận xét", "text")]
    assert len(t.rows) == 1 and t.rows[0].open and t.rows[0].label == "Lần"


def test_a_band_of_fields_and_the_header_printed_again_inside_a_table_are_no_rows():
    rows = [["Lần", "Ngày", "Nội dung", "Nhận xét"], ["1", "", "", ""], ["2", "", "", ""],
            ["Đánh giá giữa kỳ của Trưởng khoa", None, None, None],
            ["Ngày đánh giá: ………", None, "Mức độ hoàn thành: ……%", None],
            ["Lần", "Ngày", "Nội dung", "Nhận xét"], ["3", "", "", ""]]
    merges = [((3, 0), (3, 3)), ((4, 0), (4, 1)), ((4, 2), (4, 3))]
    o, _ = imp_docx(word("SỔ THEO DÕI THỰC TẬP", "Họ tên sinh viên: ……………", (rows, merges), "I. KẾT LUẬN",
                         "1. Ý kiến của cơ sở thực tập"))
    [ref] = tables(o)
    assert ref.question.table.title == "Biểu (Ngày, Nội dung, Nhận xét)"  # no caption: named by its columns
    assert [r.label for r in ref.question.table.rows] == ["Lần"]
    got = prompts(o)
    assert got["Ngày đánh giá"][1] == "date" and got["Mức độ hoàn thành"][1] == "percent"
    assert "Đánh giá giữa kỳ của Trưởng khoa" not in got


def test_a_form_laid_out_in_a_table_asks_each_label():
    two = ([["Họ và tên:", "……………"], ["Ngày sinh:", "……………"], ["Đơn vị công tác:", ""]], [])
    four = ([["Tên cơ sở", "", "Mã số thuế", ""], ["Địa chỉ", "", "Điện thoại", ""]], [])
    o, notes = imp_docx(word("PHIẾU ĐĂNG KÝ", two, four, "1. Nội dung đăng ký"))
    got = prompts(o)
    assert got["Họ và tên"][1] == "text" and got["Ngày sinh"][1] == "date"
    assert {"Đơn vị công tác", "Mã số thuế", "Địa chỉ", "Điện thoại"} <= set(got)
    assert not tables(o) and not [n for n in notes if "bảng" in n]


def test_an_outline_framed_in_a_one_cell_table_is_read_as_its_lines():
    d = DocxDocument()
    d.add_paragraph("ĐỀ CƯƠNG BÁO CÁO")
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "I. TÌNH HÌNH CHUNG"
    for line in ("1. Số hộ được hỗ trợ: …… hộ", "2. Khó khăn, vướng mắc"):
        cell.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    o, notes = imp_docx(buf.getvalue())
    assert prompts(o)["Số hộ được hỗ trợ"] == ("I", "integer") and "Khó khăn, vướng mắc" in prompts(o)
    assert not [n for n in notes if "bảng" in n]


def test_a_signature_table_is_no_table_and_no_question():
    sign = ([["", "Hà Nội, ngày … tháng … năm 2026\nNGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)"]], [])
    o, notes = imp_docx(word("BÁO CÁO", "I. KẾT QUẢ", "1. Số cuộc kiểm tra: …… cuộc", sign))
    assert not tables(o) and not [n for n in notes if "bảng" in n]
    assert prompts(o)["Số cuộc kiểm tra"] == ("I", "integer")
    assert not [p for p in prompts(o) if "Ký" in p or "Hà Nội" in p]


def test_tab_separated_fields_of_a_paragraph_are_separate_fields():
    assert tab_fields("Họ tên: Nguyễn Văn An\t\tMã số: 2031") == ["Họ tên: Nguyễn Văn An", "Mã số: 2031"]
    assert tab_fields("Lớp:\t10A\t\tKhối: ……") == ["Lớp: 10A", "Khối: ……"]
    assert tab_fields("1.\tKết quả: đạt") == ["1. Kết quả: đạt"]  # a number and its text: one line
    assert tab_fields("Đạt yêu cầu:\tKhông đạt yêu cầu:\t………") == ["Đạt yêu cầu: Có □ Không □"]
    assert tab_fields("Được nghiệm thu:  \tKhông nghiệm thu:") == ["Được nghiệm thu: Có □ Không □"]
    assert tab_fields("Tỷ lệ hoàn thành: ……%:\tKý tên") == ["Tỷ lệ hoàn thành: ……%"]
    o, _ = imp_docx(word("PHIẾU THÔNG TIN", "Họ tên: ……………\t\tLớp: ………", "I. NỘI DUNG", "1. Kết quả học tập"))
    got = prompts(o)
    assert got["Họ tên"][1] == "text" and got["Lớp"][1] == "text"


def test_tabs_to_a_dotted_leader_are_blanks():
    d = DocxDocument()
    d.add_paragraph("PHIẾU THÔNG TIN")
    p = d.add_paragraph("Họ và tên:\tNgày sinh:\t")
    for pos in (Cm(9), Cm(16)):
        p.paragraph_format.tab_stops.add_tab_stop(pos, WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
    d.add_paragraph("I. NỘI DUNG")
    d.add_paragraph("1. Số cuộc họp đã dự:\t cuộc").paragraph_format.tab_stops.add_tab_stop(
        Cm(12), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
    buf = io.BytesIO()
    d.save(buf)
    o, _ = imp_docx(buf.getvalue())
    got = prompts(o)
    assert got["Họ và tên"][1] == "text" and got["Ngày sinh"][1] == "date"
    assert got["Số cuộc họp đã dự"] == ("I", "integer")


def test_content_controls_nested_tables_and_answer_boxes_are_read():
    d = DocxDocument()
    d.add_paragraph("PHIẾU KHẢO SÁT")
    d.add_paragraph("I. THÔNG TIN")
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    inner = d.add_paragraph("1. Số cán bộ của đơn vị: …… người")._p
    content.append(inner)  # moved from the body into the content control
    sdt.append(content)
    d.element.body.insert(len(d.element.body) - 1, sdt)
    p = d.add_paragraph("2. Đơn vị có bộ phận một cửa không: Có ")
    for _ in range(2):
        sym = OxmlElement("w:sym")
        sym.set(qn("w:font"), "Wingdings")
        sym.set(qn("w:char"), "F0A8")
        run = OxmlElement("w:r")
        run.append(sym)
        p._p.append(run)
        if _ == 0:
            p.add_run(" Không ")
    d.add_paragraph("II. LIÊN HỆ")
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Ghi chú"
    nested = outer.cell(0, 1).add_table(rows=2, cols=2)
    nested.cell(0, 0).text, nested.cell(1, 0).text = "Người liên hệ:", "Số điện thoại:"
    buf = io.BytesIO()
    d.save(buf)
    o, _ = imp_docx(buf.getvalue())
    got = prompts(o)
    assert got["Số cán bộ của đơn vị"] == ("I", "integer")
    assert got["Đơn vị có bộ phận một cửa không"][1] == "yesno"
    assert "Người liên hệ" in got and "Số điện thoại" in got


def test_a_row_that_leaves_out_grid_columns_before_its_first_cell_keeps_its_cells_in_their_columns():
    d = DocxDocument()
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("I. KẾT QUẢ")
    t = d.add_table(rows=3, cols=4)
    for r, row in enumerate([["TT", "Nội dung", "Số cuộc", "Số người"], ["1", "Hội nghị", "", ""],
                             ["", "Tọa đàm", "3", "40"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    tr = t.rows[2]._tr
    tr.remove(tr.tc_lst[0])  # Word writes such a row as <w:gridBefore w:val="1"/> and one cell fewer
    pr = tr.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    pr.insert(0, before)
    buf = io.BytesIO()
    d.save(buf)
    o, _ = imp_docx(buf.getvalue())
    table = tables(o)[0].question.table
    assert [r.label for r in table.rows] == ["Hội nghị", "Tọa đàm"]
    assert [c.label for c in table.columns] == ["Số cuộc", "Số người"]


def _grid(rows: list[list[str]]) -> Grid:
    return Grid([[(t, (r, c)) for c, t in enumerate(row)] for r, row in enumerate(rows)])


def test_a_subset_row_is_never_a_summand_and_rows_of_different_units_are_not_summed():
    g = _grid([["TT", "Chỉ tiêu", "Đơn vị tính", "Số lượng"], ["I", "Cơ sở giáo dục", "", ""],
               ["1", "Số trường mầm non", "Trường", ""], ["", "Trong đó: trường đạt chuẩn", "Trường", ""],
               ["2", "Số trường tiểu học", "Trường", ""], ["II", "NHÂN LỰC", "", ""],
               ["1", "Số giáo viên", "Người", ""], ["2", "Số lớp học", "Lớp", ""]])
    t = build_table(g, None, "Biểu", KeyMaker())
    rows = {r["label"]: r for r in t.rows}
    # a heading with no unit of its own is no total (review r27d: «DÂN SỐ VÀ LAO ĐỘNG» added population and jobs)
    assert "sum_of" not in rows["Cơ sở giáo dục"] and rows["Cơ sở giáo dục"]["kind"] == "group"
    assert "sum_of" not in rows["Số trường mầm non"]  # its «Trong đó» subset is never its part either
    assert "sum_of" not in rows["NHÂN LỰC"] and rows["NHÂN LỰC"]["kind"] == "group"  # persons and classes
    assert [c["label"] for c in t.columns] == ["Số lượng"]


def test_a_total_over_every_row_never_adds_a_subset_and_chia_ra_parts_make_their_total():
    t = build_table(_grid([["Chỉ tiêu", "Số lượng"], ["Tổng số", ""], ["Trong đó:", ""], ["Nữ", ""], ["Đảng viên", ""]]),
                    None, "Biểu", KeyMaker())
    assert "sum_of" not in t.rows[0] and any("trong đó" in n for n in t.notes)  # asked, with an unsure point
    t = build_table(_grid([["Chỉ tiêu", "Số lượng"], ["Tổng số", ""], ["Nam", ""], ["Nữ", ""],
                           ["Trong đó: người dân tộc thiểu số", ""]]), None, "Biểu", KeyMaker())
    assert t.rows[0]["sum_of"] == ["nam", "nu"]
    t = build_table(_grid([["Chỉ tiêu", "Số lượng"], ["Tổng số cán bộ", ""], ["Chia ra:", ""], ["Nam", ""], ["Nữ", ""],
                           ["Trong đó: đảng viên", ""]]), None, "Biểu", KeyMaker())
    assert t.rows[0]["sum_of"] == ["nam", "nu"]


CELL_RUN = """BÁO CÁO THỐNG KÊ CƠ SỞ VĂN HÓA XÃ

NĂM...

Tên chỉ tiêu

Đơn vị tính

Số lượng

A

1

2

I

CƠ SỞ VẬT CHẤT

1. Số nhà văn hóa thôn, tổ dân phố đạt chuẩn theo quy định của Bộ Văn hóa tính đến cuối năm

Nhà

Trong đó: Số nhà văn hóa xây mới

Nhà

2. Số người tham gia câu lạc bộ văn hóa, văn nghệ thường xuyên tại cơ sở

Người

3. Số buổi biểu diễn nghệ thuật quần chúng trong năm

Buổi
"""


def test_one_cell_a_line_with_column_codes_and_long_row_names_is_rebuilt():
    o = imp(CELL_RUN)
    [ref] = tables(o)
    t = ref.question.table
    assert [c.label for c in t.columns] == ["Số lượng"]
    labels = [r.label for r in t.rows]
    assert "Trong đó: Số nhà văn hóa xây mới" in labels and "Số buổi biểu diễn nghệ thuật quần chúng trong năm" in labels
    heading = next(r for r in t.rows if r.label == "CƠ SỞ VẬT CHẤT")
    assert heading.sum_of is None  # houses, persons and performances are never added up


BARS = "\n".join(["BÁO CÁO SỐ LƯỢT NGƯỜI ĐƯỢC TƯ VẤN", "Đơn vị tính: Lượt người",
                  "Lĩnh vực tư vấn |", "Tổng số |", "Chia theo giới tính |", "Chia theo độ tuổi |", "|||",
                  "|", "|", "Nam |", "Nữ |", "Dưới 18 tuổi |", "Từ 18 tuổi trở lên |", "|",
                  "A |", "(1) |", "(2) |", "(3) |", "(4) |", "(5) |", "|",
                  "|", "Tổng số |", "|||||",
                  "1 |", "Đất đai |", "|||||",
                  "2 |", "Hôn nhân gia đình |", "|||||"])


def test_html_cells_ending_in_bars_are_rebuilt_from_the_column_codes():
    seq, n = rebuild(BARS.split("\n"))
    assert n == 1
    o = imp(BARS)
    [ref] = tables(o)
    t = ref.question.table
    assert [c.label for c in t.columns] == ["Tổng số", "Nam", "Nữ", "Dưới 18 tuổi", "Từ 18 tuổi trở lên"]
    assert [r.label for r in t.rows] == ["Tổng số", "Đất đai", "Hôn nhân gia đình"]


def test_a_statistics_header_copied_without_rows_is_a_bieu_the_unit_fills():
    text = ("BIỂU THỐNG KÊ SỐ VỤ VIỆC HÒA GIẢI\nĐơn vị tính: Vụ việc\nPhân theo lĩnh vực hòa giải\n"
            "Tổng số vụ việc đã nhận\nTrong đó\nKỳ trước chuyển sang\nMới phát sinh trong kỳ\nKết quả hòa giải\n"
            "Chia ra\nHòa giải thành\nHòa giải không thành\nĐang giải quyết\n")
    o = imp(text)
    [ref] = tables(o)
    labels = [c.label for c in ref.question.table.columns]
    assert {"Tổng số vụ việc đã nhận", "Kỳ trước chuyển sang", "Hòa giải thành", "Đang giải quyết"} <= set(labels)
    assert "Chia ra" not in labels and "Trong đó" not in labels
    assert [r.open for r in ref.question.table.rows] == [True]


def test_a_header_mixed_across_lines_by_a_pdf_copy_is_named_among_the_unsure_points():
    text = ("THỐNG KÊ CÔNG TÁC KIỂM TRA\nSTT Ngày, Nội dung kiểm Số lượng đơn vị Kết quả Ghi\n"
            "tháng, tra, đôn đốc được kiểm tra xử lý chú\nnăm thực hiện kế hoạch\nGhi chú:\n(1) Tên cơ quan;\n")
    result = import_document(text.encode("utf-8"), "bieu.txt")
    assert any("tiêu đề cột bị trộn" in n["message"] for n in result.notes)
    outline, problems = check_outline_text(result.yaml)
    assert not problems and not [r for r in outline.refs if r.question.prompt.startswith("tháng")]
    prose = import_document("BÁO CÁO\nI. KẾT QUẢ\n1. Tuyên truyền\nTT Huế đã tổ chức nhiều đợt Tuyên truyền Lưu động\n"
                            "trong năm, với sự tham gia của\ncác đơn vị trên địa bàn\n".encode(), "bc.txt")
    assert not any("bị trộn" in n["message"] for n in prose.notes)  # prose that wraps is no table


def test_a_form_ruled_in_a_pdf_asks_each_label_as_in_word():
    pdf = pdf_page()
    pdf.multi_cell(0, 6, "PHIẾU THÔNG TIN CÁN BỘ", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(50, 100), first_row_as_headings=False) as t:
        for label in ("Họ và tên:", "Ngày sinh:", "Đơn vị công tác:"):
            r = t.row()
            r.cell(label)
            r.cell("")
    for line in ("I. NỘI DUNG", "1. Số lớp bồi dưỡng đã tham gia: …… lớp"):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    result = import_document(bytes(pdf.output()), "phieu.pdf")
    outline, problems = check_outline_text(result.yaml)
    assert not problems
    got = prompts(outline)
    assert got["Họ và tên"][1] == "text" and got["Ngày sinh"][1] == "date" and "Đơn vị công tác" in got
    assert got["Số lớp bồi dưỡng đã tham gia"] == ("I", "integer") and not tables(outline)


def test_a_pdf_table_whose_columns_are_one_series_run_on_into_the_first_row_is_rebuilt():
    text = ("BÁO CÁO CÔNG TÁC THÚ Y\nI. TÌNH HÌNH DỊCH BỆNH\n1. Số ổ dịch đã phát hiện trong năm\n"
            "STT Loài vật nuôi Số con mắc bệnh\nTháng 1 Tháng 2 Tháng 3 Tháng 4 Trâu, bò\n2 Lợn thịt\n(3)4 Gà, vịt\n")
    o = imp(text)
    [ref] = tables(o)
    t = ref.question.table
    assert [c.label for c in t.columns] == ["Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4"]
    assert [r.label for r in t.rows] == ["Trâu, bò", "Lợn thịt", "Gà, vịt"]


def test_a_text_box_written_twice_for_old_word_versions_is_read_once():
    d = DocxDocument()
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("I. KẾT QUẢ")
    box = ('<w:p xmlns:w="{w}"><w:r><w:t>Số lớp đã mở: …… lớp</w:t></w:r></w:p>').format(
        w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")
    alt = etree.fromstring(
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<mc:Choice Requires="wps"><w:txbxContent>{box}</w:txbxContent></mc:Choice>'
        f'<mc:Fallback><w:txbxContent>{box}</w:txbxContent></mc:Fallback></mc:AlternateContent>')
    run = OxmlElement("w:r")
    run.append(alt)
    d.add_paragraph("1. ").add_run()._r.addnext(run)
    buf = io.BytesIO()
    d.save(buf)
    o, _ = imp_docx(buf.getvalue())
    assert [r.question.prompt for r in o.refs].count("Số lớp đã mở") == 1
