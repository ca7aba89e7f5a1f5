"""Made-up tables a web page gave as a header line of names ('TT Chỉ tiêu Đơn vị Kết quả') over a row a line, the
rows' numbers glued to their labels ('1Số tuyến …'), their parts opened by a dash ('– Tuyến nội tỉnh') and their
units repeated by a ditto mark ('-nt-', như trên), with no figure filled in: a Biểu whose one column to fill is
'Kết quả' ('Đơn vị' is each row's unit, not asked)."""

from __future__ import annotations

from tests.support.importing import imp


def _tables(o) -> list:
    return [r.question.table for r in o.refs if r.question.type == "table"]


def _shape(t) -> tuple[list[str], list[str]]:
    return [c.label for c in t.columns], [x.label for x in t.rows]


HEAD = "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG VẬN TẢI\n\n1. Kết quả hoạt động theo tuyến:\n\n"


def test_glued_row_numbers_dashed_parts_and_ditto_units_under_a_header_line() -> None:
    body = ("TT Chỉ tiêu Đơn vị Kết quả\n1Số tuyến đang khai thác tuyến\n – Tuyến nội tỉnh -nt-\n"
            " – Tuyến liên tỉnh -nt-\n2Số phương tiện xe\n – Xe khách -nt-\n – Xe buýt -nt-\n\nNgười lập biểu\n")
    [t] = _tables(imp(HEAD + body))
    cols, rows = _shape(t)
    assert cols == ["Kết quả"]
    assert rows == ["Số tuyến đang khai thác tuyến", "Tuyến nội tỉnh", "Tuyến liên tỉnh", "Số phương tiện xe",
                    "Xe khách", "Xe buýt"]


def test_a_unit_column_named_đơn_vị_is_no_column_to_fill() -> None:
    body = ("STT Chỉ tiêu Đơn vị Kế hoạch Thực hiện\n1. Số chuyến xe chuyến 120 110\n2. Số hành khách lượt 3000 2900\n"
            "3. Doanh thu triệu đồng 500 480\n\nNgười lập biểu\n")
    [t] = _tables(imp(HEAD + body))
    cols, _ = _shape(t)
    assert cols == ["Kế hoạch", "Thực hiện"]


def test_a_dashed_list_under_a_heading_without_a_numbers_column_is_no_table() -> None:
    """Without 'TT'/'STT' in front, a line naming 'Nội dung …' over dashed lines is prose and its points: no Biểu."""
    body = ("Nội dung kiểm tra Kết quả thực hiện\n– Việc lập kế hoạch năm\n– Việc tổ chức tập huấn\n"
            "– Việc báo cáo định kỳ\n\nNgười lập biểu\n")
    assert not _tables(imp(HEAD + body))
