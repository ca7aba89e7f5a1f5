"""A blank form's table copied one cell a line under its caption (dialogs/importer/blank_grids.py), on made-up text:
the row-label heading is any short name, the table is told by its total rows or by the same leaves under each group,
the next caption of the same kind ends it; a caption over short prose lines stays the outline."""

from __future__ import annotations

from dialogs.importer.blank_grids import split_groups
from tests.support.importing import imp


def _tables(text: str):
    o = imp(text)
    return o, [r for r in o.refs if r.question.type == "table"]


def _cells(*cells: str) -> str:
    return "\n\n".join(cells)


def test_rows_with_totals_under_a_roman_caption_are_a_biểu():
    text = (
        "BÁO CÁO TÌNH HÌNH HỌC SINH\n\nI/ Học sinh chia theo khối lớp\n\n"
        + _cells(
            "Khối lớp",
            "Số học sinh (em)",
            "Số lớp",
            "Nam",
            "Nữ",
            "Dưới 11",
            "Từ",
            "11 - 14",
            "1. Trường công lập",
            "Khối 6",
            "Khối 7",
            "Cộng (1)",
            "2. Trường tư thục",
            "Khối 6",
            "Khối 7",
            "Cộng (2)",
            "Tổng cộng",
        )
        + "\n\n*Ghi chú: ghi số có mặt cuối kỳ\n"
    )
    o, refs = _tables(text)
    assert len(refs) == 1
    t = refs[0].question.table
    assert [c.label for c in t.columns][-3:] == ["Nữ", "Dưới 11", "Từ 11 - 14"]
    assert ["Khối 6", "Khối 7", "Cộng (1)"] == [r.label for r in t.rows][1:4]
    assert refs[0].section_number.rstrip(".") == "I"


def test_the_same_leaves_under_each_group_then_the_rows_and_the_next_caption():
    text = (
        "BÁO CÁO VẬN TẢI\n\nA. Hàng hóa theo tuyến\n\n"
        + _cells(
            "Tuyến",
            "TRONG TỈNH",
            "NGOÀI TỈNH",
            "Khối lượng",
            "So kỳ trước (%)",
            "Khối lượng",
            "So kỳ trước (%)",
            "Đường sông",
            "Đường sắt",
            "Đường biển",
            "B. Hành khách theo tuyến",
            "Tuyến",
            "TRONG TỈNH",
            "NGOÀI TỈNH",
            "Lượt khách",
            "So kỳ trước (%)",
            "Lượt khách",
            "So kỳ trước (%)",
        )
        + "\n"
    )
    o, refs = _tables(text)
    assert len(refs) == 2
    first, second = (r.question.table for r in refs)
    assert [(c.group, c.label) for c in first.columns][:2] == [
        ("TRONG TỈNH", "Khối lượng"),
        ("TRONG TỈNH", "So kỳ trước (%)"),
    ]
    assert [r.label for r in first.rows] == ["Đường sông", "Đường sắt", "Đường biển"]
    assert "Lượt khách" in [c.label for c in second.columns]


def test_split_groups_tiles_only_repeated_leaves():
    assert split_groups(["A", "B", "x", "y", "x", "y", "r"]) == (
        ["x", "y", "x", "y"],
        ["A", "A", "B", "B"],
        ["r"],
    )
    assert split_groups(["A", "B", "x", "y", "z"]) == ([], [], ["A", "B", "x", "y", "z"])


def test_a_caption_over_short_prose_lines_stays_the_outline():
    """No total row, no column named twice: the lines are the outline's questions, not a table."""
    text = (
        "BÁO CÁO CÔNG TÁC DÂN VẬN\n\nI/ Kết quả thực hiện\n\n"
        + _cells(
            "Công tác tuyên truyền",
            "Số buổi tuyên truyền",
            "Số người tham dự",
            "Hình thức tuyên truyền",
            "Khó khăn, vướng mắc",
            "Đề xuất, kiến nghị",
        )
        + "\n"
    )
    o, refs = _tables(text)
    assert refs == []
    assert "Số buổi tuyên truyền" in str(o.model_dump())


def test_a_registers_bar_header_with_a_second_row_and_empty_rows_is_a_biểu_to_fill():
    text = (
        "SỔ THEO DÕI CẤP PHÁT THIẾT BỊ\n\nPHẦN I. GHI CHÉP CỦA THỦ KHO\n\n"
        "STT | Ngày nhận yêu cầu | Họ và tên người nhận, đơn vị công tác\n"
        "| Tên thiết bị | Tình trạng cấp phát | Chữ ký người nhận | Ghi chú | |\n"
        "Đã cấp | Chưa cấp | |||||\n"
        "(1) | (2) | (3) | (4) | (5) | (6) | (7) | (8) |\n|\n|\n|\n\nPHẦN II. TỔNG HỢP\n"
    )
    o, refs = _tables(text)
    assert len(refs) == 1
    cols = [(c.group, c.label) for c in refs[0].question.table.columns]
    assert ("Tình trạng cấp phát", "Đã cấp") in cols and ("Tình trạng cấp phát", "Chưa cấp") in cols
    assert not any("Chữ ký" in label for _, label in cols)
    assert "Tên thiết bị" in [label for _, label in cols]


def test_a_registers_bar_header_alone_at_the_end():
    text = (
        "SỔ GIAO NHẬN HỒ SƠ\n\nI. Phần theo dõi\n\n"
        "STT | Ngày giao\n| Tên hồ sơ, số trang | Người nhận | Ghi chú\n"
    )
    o, refs = _tables(text)
    assert len(refs) == 1
    assert [c.label for c in refs[0].question.table.columns][:3] == [
        "Ngày giao",
        "Tên hồ sơ, số trang",
        "Người nhận",
    ]


def test_a_bar_header_over_written_rows_is_not_taken_for_an_empty_register():
    """A row written under the header ('A1 | Câu hỏi … |'): not this reader's table (the questionnaire stays)."""
    text = (
        "PHIẾU KHẢO SÁT\n\nSTT | CÂU HỎI | 1.Có | 2.Không |\n"
        "A1 | Đơn vị có tổ chức tập huấn cho cán bộ về quy trình mới trong năm không? Nếu có, bao nhiêu lần? |\n|\n"
    )
    o, refs = _tables(text)
    assert not any([c.label for c in r.question.table.columns][:2] == ["CÂU HỎI", "1.Có"] for r in refs)


def test_a_roman_number_with_a_slash_opens_a_section_but_a_quarter_does_not():
    from dialogs.importer.structure import parse_marker

    assert parse_marker("I/ Khách theo thị trường").kind == "roman"
    assert parse_marker("II/ KẾT QUẢ THỰC HIỆN").kind == "roman"
    got = parse_marker("I/2025 các đơn vị gửi báo cáo")
    assert got is None or got.kind != "roman"
