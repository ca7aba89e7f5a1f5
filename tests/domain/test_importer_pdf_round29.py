"""A PDF read as its text (round 29): the lines an office left empty between paragraphs — a blank line, an empty cell
of a table typed one cell a line — are read as the empty lines they were, over a page break too; a line of blanks
whose spaces are widened to the margin is a wrapped line, not a paragraph's end. Made-up documents."""

from __future__ import annotations

import pytest

from dialogs.importer import draft_outline, import_document
from dialogs.importer.document import Grid
from dialogs.importer.pdf_lines import PrintedLine, _stretched, _wrapped, blank_lines, text_margins
from dialogs.importer.reading import read
from tests.support.importing import asks_of, numbered_pdf, pdf_page


def _pdf(lines: list[str], *, numbered: bool = False) -> bytes:
    """One paragraph a line (an empty one for ''), 7 mm apart; ``numbered``: each page carries its number centred
    in its footer, under a bottom margin as wide as the top one (2 cm each, as an office sets them)."""
    pdf = pdf_page(12, tables=False) if not numbered else numbered_pdf("footer", 20)
    for line in lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _texts(data: bytes, name: str) -> list[str]:
    return [b.text.strip() for b in read(data, name).blocks if not isinstance(b, Grid)]


def test_empty_lines_between_paragraphs_are_kept():
    lines = ["PHIẾU KIỂM TRA BẾP ĂN TẬP THỂ", "Đơn vị được kiểm tra", "", "Nội dung kiểm tra", "", "", "",
             "Kết luận của đoàn"]
    assert _texts(_pdf(lines), "phieu.pdf") == lines


CHECKLIST = ["PHIẾU KIỂM TRA VỆ SINH TRƯỜNG HỌC", "", "A. Phòng học", "", "#Nội dungĐạt",
             "1Bàn ghế đủ và đúng kích cỡ", "2Phòng đủ ánh sáng", "3Bảng chống lóa", "", "B. Nhà vệ sinh", "",
             "#Nội dungĐạt", "4Có nước sạch thường xuyên", "5Có xà phòng rửa tay", ""]


def test_a_checklist_set_apart_by_empty_lines_reads_as_its_text():
    """Its groups set apart by empty lines, its rows close together: the PDF reads as the .txt (the empty lines
    decide where a group's rows start)."""
    text = "\n".join(CHECKLIST)
    assert asks_of(_pdf(CHECKLIST), "phieu.pdf") == asks_of(text.encode(), "phieu.txt")


def test_empty_cells_over_a_page_break_stay_empty_lines():
    """A table typed one cell a line, its empty cells empty lines, going on over a numbered page: as many empty
    lines in the PDF as in the text."""
    cells = ["Tên cơ sở", "", "Số lao động", "", "Ghi chú", ""]
    rows = [c for k in range(14) for c in (f"Cơ sở số {k + 1}", "", "", "", "", "")]
    lines = ["BIỂU TỔNG HỢP CƠ SỞ SẢN XUẤT", "(Kèm theo báo cáo quý)", "", *cells, *rows, "Người lập biểu"]
    got = _texts(_pdf(lines, numbered=True), "bieu.pdf")
    assert [t for t in got if t] == [t for t in lines if t]
    assert len(got) == len(lines)


@pytest.mark.parametrize(("step", "want"), [(20.0, 0), (26.0, 0), (40.0, 1), (80.0, 3)])
def test_blank_lines_count_the_lines_a_gap_holds(step: float, want: int):
    """Lines 17 apart and paragraphs 3 more: a heading's extra space is no empty line, each empty paragraph is."""
    assert blank_lines(step, 17.0, 3.0) == want


def _line(text: str, x1: float, top: float, *, stretched: bool) -> PrintedLine:
    return PrintedLine(text, 85.0, x1, top, top + 13.0, 40.0, stretched)


@pytest.mark.parametrize(("stretched", "joined"), [(True, True), (False, False)])
def test_a_widened_line_of_blanks_goes_on_with_the_next_label(stretched: bool, joined: bool):
    """'1. PHIẾU KHẢO SÁT Thôn…………' at the margin over 'Xã…………': joined when its spaces were widened to the
    margin (a justified wrapped line); kept apart when not (blanks typed to the margin, then a new label)."""
    a = _line("1. PHIẾU KHẢO SÁT HỘ GIA ĐÌNH Thôn………………", 538.0, 100.0, stretched=stretched)
    b = _line("Xã…………… Họ và tên chủ hộ……………", 400.0, 117.0, stretched=False)
    assert _wrapped(a, b, 538.5, 13.0) is joined


def _chars(xs: list[tuple[float, float]]) -> list[dict]:
    return [{"x0": x0, "x1": x1, "top": 100.0, "bottom": 113.0, "text": "a"} for x0, x1 in xs]


def test_a_line_is_stretched_when_its_spaces_are_wide():
    plain = _chars([(0, 6), (6, 12), (15.3, 21), (21, 27), (30.3, 36)])  # spaces of 3.3 (a quarter of 13)
    wide = _chars([(0, 6), (6, 12), (28, 34), (34, 40), (56, 62)])  # spaces of 16
    assert not _stretched(plain) and _stretched(wide) and not _stretched([])


def test_a_line_of_blanks_ending_short_of_the_margin_goes_on_with_the_next_label():
    """'…………' ending short of the margin over 'Quận/huyện: ……' whose first word would not have fitted after it: a
    wrapped line of one long paragraph; the same line typed to the margin is a field of its own."""
    b = _line("Quận/huyện: ………… Tỉnh/thành phố: …………", 538.0, 117.0, stretched=True)
    b.first_word = 67.0
    short = _line("Địa chỉ: ……………………………………………………", 481.0, 100.0, stretched=False)
    full = _line("Địa chỉ: ……………………………………………………………", 538.0, 100.0, stretched=False)
    assert _wrapped(short, b, 538.5, 13.0) and not _wrapped(full, b, 538.5, 13.0)


def test_the_right_margin_is_where_two_lines_end_together():
    """A page of short lines (left margin 3 cm, right 2 cm): two lines ending at the same place show the margin, so
    a heading ending 48 pt short of it, under which a short word would have fitted, is no wrapped line."""
    lines = [PrintedLine("x", 85.0, x1, 100.0 + 20 * k, 113.0 + 20 * k, 20.0) for k, x1 in
             enumerate([537.4, 300.0, 537.5, 250.0, 280.0, 310.0, 290.0, 260.0])]
    assert text_margins(lines, 595.3)[1] == pytest.approx(537.5)


def test_a_note_number_on_a_blank_goes_on_with_its_label():
    """'Hoàn cảnh gia đình của người học:' over '(4)…………' (a note's number glued to the blank): one field; over
    '(4) Nơi ở hiện nay' (a numbered item) the label ends its line."""
    a = _line("Hoàn cảnh gia đình của người học:", 400.0, 100.0, stretched=False)
    blank = _line("(4)………………………………………………………………", 500.0, 117.0, stretched=False)
    blank.first_word = 400.0
    item = _line("(4) Nơi ở hiện nay của người học và gia đình", 400.0, 117.0, stretched=False)
    item.first_word = 400.0
    assert _wrapped(a, blank, 538.5, 13.0) and not _wrapped(a, item, 538.5, 13.0)


def _ruled(header: list[str], rows: list[list[str]]) -> bytes:
    pdf = pdf_page()
    for line in ["ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC THÚ Y", "I. TÌNH HÌNH DỊCH BỆNH", "1. Diễn biến dịch bệnh trong kỳ (Biểu số 2)",
                 "Biểu số 2. DANH MỤC Ổ DỊCH ĐÃ XỬ LÝ"]:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(first_row_as_headings=False) as t:
        for row in [header, *rows]:
            r = t.row()
            for text in row:
                r.cell(text)
    pdf.multi_cell(0, 6, "II. KIẾN NGHỊ", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, "1. Kiến nghị với Sở Nông nghiệp", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_a_ruled_table_of_its_header_alone_is_a_bieu():
    """A Biểu printed as its header row only (the units add the rows), as Word reads the same table: its columns,
    not its header's words cut into lines of text."""
    data = _ruled(["STT", "Tên xã có ổ dịch", "Loài vật nuôi mắc bệnh", "Số con tiêu hủy", "Ghi chú"], [])
    grids = [b for b in read(data, "thu-y.pdf").blocks if isinstance(b, Grid)]
    assert [[t for t, _ in r] for r in grids[0].cells] == [
        ["STT", "Tên xã có ổ dịch", "Loài vật nuôi mắc bệnh", "Số con tiêu hủy", "Ghi chú"]]
    o = draft_outline(import_document(data, "thu-y.pdf"))
    assert [(t.table.code, t.prompt) for t in o.tables] == [("2", "DANH MỤC Ổ DỊCH ĐÃ XỬ LÝ")]
    assert [c.label for c in o.tables[0].table.columns] == [
        "Tên xã có ổ dịch", "Loài vật nuôi mắc bệnh", "Số con tiêu hủy", "Ghi chú"]


def test_a_pdf_whose_lines_cannot_be_placed_says_its_tables_are_not_rebuilt(monkeypatch: pytest.MonkeyPatch):
    """pdfplumber failing on the file: its text is read as it is, and an unsure point says the ruled tables were
    not rebuilt and what to do (check the Biểu, or send the .docx) — never a table lost silently."""
    import dialogs.importer.reading_pdf as reading_pdf

    data = _ruled(["STT", "Tên xã có ổ dịch", "Số con tiêu hủy"], [["1", "Xã Phú Lộc", ""]])
    monkeypatch.setattr(reading_pdf, "pdf_pages", lambda _data: None)
    res = import_document(data, "thu-y.pdf")
    msg = next(n["message"] for n in res.notes if "bảng kẻ ô" in n["message"])
    assert "Biểu" in msg and ".docx" in msg
