"""Word's layout inside a paragraph or a cell (review r28d, helper f28d): every rule on a made-up .docx built here with
python-docx and lxml — never copied from the corpus.

A manual line break (Shift+Enter) between two items or after a field ends a line; one inside a title or a sentence
is a space. A table nested in a one-column frame is read where it stands, between the paragraphs around it. A
non-breaking hyphen is a hyphen."""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from docx.oxml import parse_xml

from dialogs.importer import import_document
from dialogs.importer.document import Grid
from dialogs.importer.reading_docx import read_docx
from dialogs.loader import check_outline_text

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def saved(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def asks(data: bytes) -> dict[str, tuple[str, str | None]]:
    result = import_document(data, "de-cuong.docx")
    outline, problems = check_outline_text(result.yaml)
    assert not problems, problems
    return {r.question.prompt: (r.question.type, r.question.unit) for r in outline.refs}


def broken(d, pieces: list[str]) -> None:
    """One paragraph whose pieces are separated by manual line breaks."""
    p = d.add_paragraph()
    for k, piece in enumerate(pieces):
        r = p.add_run(piece)
        if k < len(pieces) - 1:
            r.add_break()


def test_line_breaks_between_numbered_items_end_lines():
    d = DocxDocument()
    d.add_paragraph("BÁO CÁO KẾT QUẢ CÔNG TÁC Y TẾ DỰ PHÒNG")
    d.add_paragraph("I. TIÊM CHỦNG")
    broken(d, ["1. Số trẻ được tiêm đủ mũi: ……… trẻ", "2. Số phụ nữ có thai được tiêm phòng: ……… người",
               "3. Tỷ lệ tiêm chủng đầy đủ: ………%"])
    d.add_paragraph("II. VỆ SINH MÔI TRƯỜNG")
    broken(d, ["1. Số hộ có nhà tiêu hợp vệ sinh: ……… hộ", "2. Khó khăn, đề xuất"])
    got = asks(saved(d))
    assert got["Số trẻ được tiêm đủ mũi"] == ("integer", "trẻ")
    assert got["Số phụ nữ có thai được tiêm phòng"] == ("integer", "người")
    assert got["Tỷ lệ tiêm chủng đầy đủ"][0] == "percent"
    assert got["Số hộ có nhà tiêu hợp vệ sinh"] == ("integer", "hộ")
    assert got["Khó khăn, đề xuất"][0] == "longtext"


def test_line_breaks_between_fields_end_lines():
    d = DocxDocument()
    broken(d, ["Họ và tên người khai: ……………", "Số điện thoại: ……………", "Số nhân khẩu trong hộ: …… người"])
    lines = [b.text for b in read_docx(saved(d)).blocks]
    assert lines == ["Họ và tên người khai: ……………", "Số điện thoại: ……………", "Số nhân khẩu trong hộ: …… người"]


def test_a_line_break_inside_a_title_or_a_sentence_is_a_space():
    d = DocxDocument()
    broken(d, ["BÁO CÁO", "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2026"])
    broken(d, ["Đánh giá kết quả thực hiện các chỉ tiêu", "kinh tế - xã hội chủ yếu của địa phương"])
    lines = [b.text for b in read_docx(saved(d)).blocks]
    assert lines == ["BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2026",
                     "Đánh giá kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu của địa phương"]


def framed(d, before: list[str], rows: list[list[str]], after: list[str]) -> None:
    """A one-cell frame holding paragraphs, a nested table, then more paragraphs."""
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = before[0]
    for t in before[1:]:
        cell.add_paragraph(t)
    inner = cell.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    for t in after:
        cell.add_paragraph(t)


def test_a_table_nested_in_a_frame_stands_between_its_paragraphs():
    d = DocxDocument()
    d.add_paragraph("KẾT QUẢ TUYỂN DỤNG VIÊN CHỨC NĂM 2026")
    framed(d, ["1. Tổng số thí sinh đăng ký dự tuyển: …… người", "2. Kết quả tuyển dụng theo lĩnh vực:"],
           [["Lĩnh vực", "Chỉ tiêu", "Số trúng tuyển"], ["Giáo dục", "", ""], ["Y tế", "", ""]],
           ["3. Đánh giá chung về công tác tuyển dụng:"])
    blocks = read_docx(saved(d)).blocks
    kinds = [("grid" if isinstance(b, Grid) else b.text[:2]) for b in blocks if isinstance(b, Grid) or b.text]
    assert kinds == ["KẾ", "1.", "2.", "grid", "3."]
    got = asks(saved(d))
    assert got["Kết quả tuyển dụng theo lĩnh vực"][0] == "table"
    assert got["Đánh giá chung về công tác tuyển dụng"][0] == "longtext"


def test_a_frame_with_a_nested_table_and_plain_lines():
    d = DocxDocument()
    framed(d, ["Biểu số 02", "SỐ LIỆU HỘ NGHÈO NĂM 2026"], [["Xã", "Số hộ nghèo"], ["Xã A", ""], ["Xã B", ""]],
           ["Ghi chú: số liệu tính đến ngày 31/12."])
    blocks = read_docx(saved(d)).blocks
    assert [type(b).__name__ for b in blocks if isinstance(b, Grid) or b.text] == ["Line", "Line", "Grid", "Line"]


def test_a_non_breaking_hyphen_is_a_hyphen():
    d = DocxDocument()
    for before, after in (("Số phụ nữ 15", "49 tuổi có chồng: …… người"), ("Mẫu số 02", "BC: …… bản")):
        p = d.add_paragraph(before)
        p._p.append(parse_xml(f'<w:r {W_NS}><w:noBreakHyphen/></w:r>'))
        p.add_run(after)
    lines = [b.text for b in read_docx(saved(d)).blocks]
    assert lines == ["Số phụ nữ 15-49 tuổi có chồng: …… người", "Mẫu số 02-BC: …… bản"]


def grouped_table(d, groups: list[tuple[str, list[str], bool]]) -> None:
    """A Biểu: header, then per group (name, its rows, written as a band over the whole width or merged down the
    first column)."""
    n = 1 + sum(len(rows) + (1 if band else 0) for _, rows, band in groups)
    t = d.add_table(rows=n, cols=4)
    for j, h in enumerate(["Cấp", "Đơn vị", "Số cán bộ", "Trong đó nữ"]):
        t.cell(0, j).text = h
    k = 1
    for name, rows, band in groups:
        if band:
            t.cell(k, 0).merge(t.cell(k, 3)).text = name
            k += 1
        else:
            t.cell(k, 0).merge(t.cell(k + len(rows) - 1, 0)).text = name
        for i, r in enumerate(rows):
            t.cell(k + i, 1).text = r
        k += len(rows)


def _row_labels(data: bytes) -> list[tuple[str, str | None]]:
    result = import_document(data, "bieu.docx")
    outline, problems = check_outline_text(result.yaml)
    assert not problems, problems
    table = next(r.question.table for r in outline.refs if r.question.type == "table")
    return [(r.label, r.kind) for r in table.rows]


def test_a_band_row_after_groups_merged_down_is_a_group_too():
    d = DocxDocument()
    d.add_paragraph("Biểu số 01")
    d.add_paragraph("SỐ LƯỢNG CÁN BỘ NĂM 2026")
    grouped_table(d, [("Cấp tỉnh", ["Sở Y tế", "Sở Xây dựng"], False),
                      ("B. KHỐI XÃ", ["UBND xã Tân An", "UBND xã Phú Lộc"], True)])
    labels = _row_labels(saved(d))
    assert [lab for lab, _ in labels] == ["Cấp tỉnh", "Sở Y tế", "Sở Xây dựng", "B. KHỐI XÃ", "UBND xã Tân An",
                                          "UBND xã Phú Lộc"], labels
    assert dict(labels)["B. KHỐI XÃ"] == "group"


def test_two_band_rows_after_a_merged_group():
    d = DocxDocument()
    d.add_paragraph("Biểu số 02")
    d.add_paragraph("SỐ LƯỢNG VIÊN CHỨC NĂM 2026")
    grouped_table(d, [("Khối tỉnh", ["Trường Chính trị", "Đài Phát thanh"], False),
                      ("Khối huyện", ["Trung tâm Y tế"], True), ("Khối xã", ["Trạm Y tế xã A", "Trạm Y tế xã B"], True)])
    labels = [lab for lab, _ in _row_labels(saved(d))]
    assert labels == ["Khối tỉnh", "Trường Chính trị", "Đài Phát thanh", "Khối huyện", "Trung tâm Y tế", "Khối xã",
                      "Trạm Y tế xã A", "Trạm Y tế xã B"], labels
