"""Two tables copied one cell a line, one after the other (dialogs/importer/grids.py, _body), on made-up text: the
next table's caption, a blank line, then its row-label heading ('STT') end the rows of the first — the caption is
no row, and the second table stands under it."""

from __future__ import annotations

from dialogs.importer import draft_outline, import_document

TEXT = """THÔNG BÁO VỀ HỌC VIÊN

I. THÔNG TIN VỀ SỐ HỌC VIÊN CỦA LỚP ĐẦU KỲ - CUỐI KỲ

Thời
điểm
Tổng
số
Trong
đó nữ
Học
viên mới
Học
viên cũ
1
2
3
4
Đầu kỳ
Số tăng
Cuối kỳ

II. DANH SÁCH HỌC VIÊN NGHỈ HỌC

STT
Họ và tên
Ngày sinh
Lý do nghỉ
Ngày nghỉ
Ghi chú

Người lập danh sách
"""


def test_the_next_tables_caption_is_no_row_of_the_first() -> None:
    got = draft_outline(import_document(TEXT.encode(), "thongbao.txt"))
    tables = [(r.section_number, r.question.table) for r in got.refs if r.question.type == "table"]
    assert len(tables) == 2
    first_rows = [x.label for x in tables[0][1].rows]
    assert first_rows == ["Đầu kỳ", "Số tăng", "Cuối kỳ"]
    assert tables[1][0] == "II"
    assert [c.label for c in tables[1][1].columns][:2] == ["Họ và tên", "Ngày sinh"]
