"""Computed totals of a Biểu are never wrong (issue 21, round 26, helper f26b), on made-up text: a row sums its
direct parts only; a 'Trong đó …' row or the rows under a bare 'Trong đó:' are never summands; the rows under a bare
'Chia ra:' are the parts of the numbered row above them, not of the group above that; a row in % is never summed
and a 'Tổng số' column is not computed over it; else the figure is asked with an unsure point."""

from __future__ import annotations

from dialogs.importer import import_document
from tests.support.importing import imp


def _table(text: str):
    o = imp(text, "bieu.txt")
    tables = [r.question.table for r in o.refs if r.question.type == "table"]
    assert len(tables) == 1
    return tables[0]


def _cells(*cells: str) -> str:
    return "\n".join(cells)


FINANCE = _cells(
    "Biểu số 07", "KẾT QUẢ THU, CHI QUỸ PHÒNG CHỐNG THIÊN TAI NĂM 2026", "Đơn vị tính: Triệu đồng",
    "STT", "Nội dung", "Kế hoạch", "Thực hiện",
    "I", "TỔNG NGUỒN QUỸ",
    "1", "Thu từ tổ chức kinh tế", "Trong đó: Doanh nghiệp nhà nước",
    "2", "Thu từ người lao động",
    "3", "Hỗ trợ của cấp trên", "Chia ra:", "- Hỗ trợ của tỉnh", "- Hỗ trợ của trung ương",
    "II", "TỔNG SỬ DỤNG QUỸ",
    "1", "Chi cứu trợ khẩn cấp",
    "2", "Chi khắc phục hậu quả", "Trong đó:", "- Sửa chữa trường học", "- Sửa chữa trạm y tế",
    "3", "Chi phí quản lý quỹ",
)


def test_chia_ra_parts_belong_to_their_row_and_every_numbered_part_is_summed():
    t = _table(FINANCE)
    rows = {r.label: r for r in t.rows}
    key = {r.label: r.key for r in t.rows}
    support = rows["Hỗ trợ của cấp trên"]
    assert support.sum_of == [key["Hỗ trợ của tỉnh"], key["Hỗ trợ của trung ương"]]
    top = rows["TỔNG NGUỒN QUỸ"]
    summed = [r.key for r in t.row_sum_sources(top)]
    assert summed == [key["Thu từ tổ chức kinh tế"], key["Thu từ người lao động"], key["Hỗ trợ của cấp trên"]]
    spent = [r.key for r in t.row_sum_sources(rows["TỔNG SỬ DỤNG QUỸ"])]
    assert spent == [key["Chi cứu trợ khẩn cấp"], key["Chi khắc phục hậu quả"], key["Chi phí quản lý quỹ"]]


def test_a_row_over_trong_do_rows_only_is_asked_with_an_unsure_point():
    t = _table(FINANCE)
    rows = {r.label: r for r in t.rows}
    for label in ("Chi khắc phục hậu quả", "Thu từ tổ chức kinh tế"):
        assert rows[label].asked, label
    assert rows["Sửa chữa trường học"].level > rows["Chi khắc phục hậu quả"].level
    subset = rows["Trong đó: Doanh nghiệp nhà nước"]
    assert subset.level > rows["Thu từ tổ chức kinh tế"].level
    assert not any(subset in t.row_sum_sources(r) for r in t.rows if r.sum_of)
    result = import_document(FINANCE.encode(), "bieu.txt")
    assert "«Chi khắc phục hậu quả»" in result.yaml and "# ?" in result.yaml


def test_no_computed_total_counts_a_row_twice():
    t = _table(FINANCE)
    for r in t.rows:
        if not r.sum_of:
            continue
        sources = t.row_sum_sources(r)
        assert not any(s.label.lower().startswith(("trong đó", "chia ra")) for s in sources), r.label
        below = {k.key for s in sources for k in t.children_of(s)}
        assert not below & {s.key for s in sources}, r.label  # a part and its own parts: counted twice


SCHOOLS = _cells(
    "Biểu số 04/GD-TH", "Ban hành kèm theo Thông tư số 99/2026/TT-BGD", "Đơn vị báo cáo: xã",
    "SỐ LỚP, SỐ HỌC SINH TIỂU HỌC", "Năm học 2026 - 2027",
    "Chỉ tiêu", "Mã số", "Đơn vị tính", "Tổng số", "Chia ra", "Công lập", "Tư thục",
    "A", "B", "C", "1", "2", "3",
    "1. Số điểm trường", "01", "Điểm",
    "2. Số lớp", "02", "Lớp",
    "3. Số học sinh", "03", "Học sinh",
    "Chia ra:", "- Học sinh nam", "04", "Học sinh", "- Học sinh nữ", "05", "Học sinh",
    "4. Tỷ lệ học sinh học 2 buổi/ngày", "06", "%",
    "Người lập biểu",
)


def test_chia_ra_columns_are_grouped_apart_from_the_total_column():
    t = _table(SCHOOLS)
    cols = {c.label: c for c in t.columns}
    assert cols["Công lập"].group == "Chia ra" and cols["Tư thục"].group == "Chia ra"
    assert not cols["Tổng số"].group


def test_a_percent_row_is_never_summed_nor_a_total_column_computed_over_it():
    t = _table(SCHOOLS)
    assert not any(c.sum_of for c in t.columns)
    rows = {r.label: r for r in t.rows}
    assert rows["Tỷ lệ học sinh học 2 buổi/ngày"].asked
    key = {r.label: r.key for r in t.rows}
    assert rows["Số học sinh"].sum_of == [key["Học sinh nam"], key["Học sinh nữ"]]
    result = import_document(SCHOOLS.encode(), "bieu.txt")
    assert "tính bằng %" in result.yaml


def test_a_school_year_line_is_the_period_not_the_biểu_title():
    t = _table(SCHOOLS)
    assert t.title.lower().startswith("số lớp, số học sinh tiểu học")


FILLED_ROWS = _cells(
    "Biểu số 05/LĐ", "KẾT QUẢ GIẢI QUYẾT VIỆC LÀM NĂM 2026", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 02/3/2026)",
    "STT Chỉ tiêu Đơn vị tính Mã số Số lượng",
    "1 Số lao động được tạo việc làm Người 01 1.320",
    "2 Số lao động đi làm việc ở nước ngoài Người 02 45",
    "Trong đó: lao động nữ Người 03 12",
    "3 Tỷ lệ lao động qua đào tạo % 04 71,5",
    "4 Số cơ sở giáo dục nghề nghiệp Cơ sở 05 3",
    "Người lập biểu",
)


def test_rows_a_line_with_trong_do_percent_and_decimal_comma_rows_are_all_kept():
    t = _table(FILLED_ROWS)
    labels = [r.label for r in t.rows]
    assert len(labels) == 5, labels
    assert any(lb.startswith("Trong đó") for lb in labels)
    assert "Tỷ lệ lao động qua đào tạo" in labels and "Số cơ sở giáo dục nghề nghiệp" in labels
    assert not any(r.sum_of for r in t.rows)
    assert "Kèm theo" not in t.title


def test_a_bare_chia_ra_row_of_a_word_biểu_stays_a_row_and_its_total_sums_the_split_only():
    from dialogs.loader import check_outline_text
    from tests.support.importing import word_file

    data = word_file(["Biểu số 03/NV", "ĐỘI NGŨ NHÂN VIÊN Y TẾ THÔN ĐẾN 31/12/2026"], [
        ["Chỉ tiêu", "Mã số", "Đơn vị tính", "Số lượng"],
        ["Tổng số nhân viên y tế thôn", "01", "Người", "30"],
        ["Chia ra:", "", "", ""],
        ["- Nhân viên y tế thôn bản", "02", "Người", "22"],
        ["- Cô đỡ thôn bản", "03", "Người", "8"],
        ["Trong đó: Nữ", "04", "Người", "19"],
    ])
    outline, problems = check_outline_text(import_document(data, "bieu.docx").yaml)
    assert not problems
    t = next(r.question.table for r in outline.refs if r.question.type == "table")
    rows = {r.label: r for r in t.rows}
    assert "Chia ra:" in rows and rows["Chia ra:"].kind == "group"
    total = rows["Tổng số nhân viên y tế thôn"]
    assert [r.label for r in t.row_sum_sources(total)] == ["- Nhân viên y tế thôn bản", "- Cô đỡ thôn bản"]
