"""Documents as an office renders them (benchmarks/score_renders.py): a PDF read by where its lines stand — wrapped
lines joined into their paragraph, lines typed short kept apart, the page's number dropped, a paragraph over the page
break joined — and a table pasted into Word as text read as the .txt reader reads it. Made-up documents."""

from __future__ import annotations

import io

import pytest
from docx import Document

from dialogs.importer import draft_outline, import_document
from dialogs.importer.document import Grid
from dialogs.importer.reading import read
from tests.support.importing import asks_of, numbered_pdf, pdf_page


def _pdf(lines: list[str], *, align: str = "J", numbered: bool = False) -> bytes:
    """The lines as paragraphs of a PDF page (wrapped at the margin, justified or not); ``numbered``: each page after
    the first carries its number centred in its header, as an office prints it."""
    pdf = pdf_page(12, tables=False) if not numbered else numbered_pdf("header")
    for line in lines:
        pdf.multi_cell(0, 7, line, align=align, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


FLAT = [
    "ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH NÔNG THÔN MỚI NĂM 2025 Phần I KẾT QUẢ THỰC HIỆN I. CÔNG TÁC "
    "CHỈ ĐẠO, ĐIỀU HÀNH 1. Việc ban hành văn bản chỉ đạo, hướng dẫn của xã 2. Công tác tuyên truyền, vận động nhân "
    "dân tham gia (số buổi, số lượt người) 3. Công tác kiểm tra, giám sát việc thực hiện II. KẾT QUẢ THỰC HIỆN CÁC "
    "TIÊU CHÍ 1. Số tiêu chí đạt chuẩn đến cuối năm 2. Tổng nguồn vốn huy động thực hiện chương trình 3. Những tồn "
    "tại, hạn chế và nguyên nhân Phần II PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026 1. Mục tiêu, chỉ tiêu chủ yếu 2. Giải pháp "
    "thực hiện 3. Kiến nghị, đề xuất với cấp trên",
    "BÁO CÁO TÌNH HÌNH CÔNG TÁC TƯ PHÁP 6 THÁNG ĐẦU NĂM I. CÔNG TÁC XÂY DỰNG VĂN BẢN 1. Số văn bản quy phạm pháp "
    "luật được ban hành trong kỳ 2. Việc tự kiểm tra, rà soát văn bản II. CÔNG TÁC HỘ TỊCH, CHỨNG THỰC 1. Số việc "
    "đăng ký khai sinh 2. Số việc chứng thực bản sao từ bản chính 3. Khó khăn, vướng mắc trong việc giải quyết hồ "
    "sơ III. ĐỀ XUẤT, KIẾN NGHỊ 1. Đề xuất với Sở Tư pháp 2. Kiến nghị với Ủy ban nhân dân tỉnh",
]


@pytest.mark.parametrize("text", FLAT)
@pytest.mark.parametrize("align", ["J", "L"])
def test_a_flattened_outline_wrapped_by_the_page_reads_as_its_text(text: str, align: str):
    """One long paragraph holding the whole outline ('I. … 1. … 2. … II. …'), wrapped line by line in the PDF: read
    as the text it prints (the lines are no new paragraphs; a number at a line's end stays with its item)."""
    assert asks_of(_pdf([text], align=align), "de-cuong.pdf") == asks_of(text.encode(), "de-cuong.txt")


SHORT_LINES = [
    ["PHIẾU ĐÁNH GIÁ TIÊU CHÍ KHU DÂN CƯ VĂN HÓA", "Tiêu chí Đạt Chưa đạt",
     "I Đời sống kinh tế ổn định và từng bước phát triển",
     "1 Có các hình thức tổ chức liên kết, hợp tác phát triển kinh tế có", "hiệu quả",
     "Tỷ lệ hộ nghèo giảm hằng năm",
     "2 Có nhà văn hóa hoặc nơi sinh hoạt cộng đồng phù hợp với điều kiện", "của địa phương",
     "Có đội văn nghệ quần chúng hoạt động thường xuyên",
     "II Môi trường an toàn, xanh, sạch, đẹp",
     "1 Đường làng, ngõ xóm được chiếu sáng, trồng cây xanh",
     "2 Không có tụ điểm phức tạp về trật tự an toàn xã hội"],
    ["BẢNG TỰ CHẤM ĐIỂM TRƯỜNG HỌC AN TOÀN", "Nội dung Có Không",
     "I Cơ sở vật chất",
     "1 Có tường rào bao quanh khuôn viên trường", "Cổng trường có biển tên và giờ mở cửa",
     "2 Phòng học đủ ánh sáng, thoáng mát", "Có tủ thuốc và dụng cụ sơ cứu",
     "II Công tác phòng chống tai nạn thương tích",
     "1 Có kế hoạch phòng chống tai nạn thương tích được phê duyệt",
     "2 Tổ chức diễn tập phòng cháy, chữa cháy trong năm"],
]


@pytest.mark.parametrize("lines", SHORT_LINES)
def test_short_lines_of_a_pdf_stay_apart(lines: list[str]):
    """Lines typed short ('Tỷ lệ hộ nghèo giảm hằng năm' under a criterion) end their paragraph in the PDF: each
    stays its own ask, as in the text (they are not glued onto the line above for lack of a full stop)."""
    assert asks_of(_pdf(lines, align="L"), "phieu.pdf") == asks_of("\n".join(lines).encode(), "phieu.txt")


@pytest.mark.parametrize("unit", ["người", "lượt"])
def test_the_page_number_is_dropped_and_a_paragraph_goes_on_over_the_page_break(unit: str):
    lines = ["ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC DÂN SỐ NĂM 2025", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"]
    lines += [f"{i}. Số {unit} được tập huấn kiến thức, kỹ năng truyền thông về chăm sóc sức khỏe sinh sản, kế "
              f"hoạch hóa gia đình tại thôn, tổ dân phố số {i}: ………… {unit}" for i in range(1, 26)]
    texts = [b.text for b in read(_pdf(lines, numbered=True), "dan-so.pdf").blocks if not isinstance(b, Grid)]
    assert "2" not in [t.strip() for t in texts]  # the number in the second page's header
    assert [t for t in texts if t.strip()] == lines  # each paragraph whole, the one over the page break too


def _word(paragraphs: list[str]) -> bytes:
    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


PASTED = [
    ["BÁO CÁO SỐ CA BỆNH THEO THÁNG", "1. Tình hình dịch bệnh trong kỳ:", "", "Tháng", "", "Thôn Đông", "",
     "Thôn Tây", "", "Thôn Nam", "", "Cộng", "", "Tháng 1", "", "2", "", "0", "", "1", "", "3", "", "Tháng 2", "",
     "1", "", "1", "", "0", "", "2", "", "Tháng 3", "", "0", "", "2", "", "2", "", "4"],
    ["BÁO CÁO KẾT QUẢ TIÊM CHỦNG", "1. Số trẻ được tiêm chủng:",
     "| STT | Đơn vị | Số trẻ trong độ tuổi | Số trẻ được tiêm đủ |",
     "| 1 | Trạm y tế xã A | | |", "| 2 | Trạm y tế xã B | | |", "| 3 | Trạm y tế xã C | | |"],
]


@pytest.mark.parametrize("paragraphs", PASTED)
def test_a_table_pasted_into_word_as_text_is_read_as_in_the_txt(paragraphs: list[str]):
    """A table copied from a web page into Word as text — one cell a paragraph, or its cells between «|» — is a
    Biểu as the same text in a .txt is."""
    txt = draft_outline(import_document("\n".join(paragraphs).encode(), "bao-cao.txt"))
    docx = draft_outline(import_document(_word(paragraphs), "bao-cao.docx"))
    assert txt.tables, "the text reader reads a table here"
    assert [[r.label for r in q.table.rows] for q in docx.tables] == [[r.label for r in q.table.rows] for q in txt.tables]
    assert [[c.label for c in q.table.columns] for q in docx.tables] == [[c.label for c in q.table.columns]
                                                                        for q in txt.tables]


def _letterhead_word(head: list[list[str]], paragraphs: list[str]) -> bytes:
    doc = Document()
    table = doc.add_table(rows=len(head), cols=len(head[0]))
    for r, row in enumerate(head):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for p in paragraphs:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("date", ["Hà Nội, ngày 05 tháng 09 năm 2026", "Đà Nẵng, ngày 15 tháng 11 năm 2026"])
def test_a_letterhead_table_dated_with_a_two_digit_month_is_the_letterhead(date: str):
    """The agency | motto table over a Word document, its date «ngày 05 tháng 09 năm …»: the letterhead (read as
    lines), not a Biểu asking «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»."""
    head = [["SỞ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
            ["Số: 12/SYT-NV", date], ["Kính gửi:", "- Các bệnh viện trực thuộc Sở Y tế;"]]
    body = ["Đề nghị các bệnh viện điền phiếu dưới đây và gửi về Sở trước ngày 30.", "PHIẾU KHẢO SÁT CÔNG TÁC KHÁM CHỮA BỆNH", "1. Tổng số lượt khám bệnh trong năm: ………… lượt",
            "2. Số giường bệnh thực kê: ………… giường"]
    data = _letterhead_word(head, body)
    blocks = read(data, "phieu.docx").blocks
    assert not [b for b in blocks if isinstance(b, Grid)]
    assert [b.text for b in blocks][:3] == ["SỞ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
                                           "Số: 12/SYT-NV"]
    o = draft_outline(import_document(data, "phieu.docx"))
    assert not o.tables and [r.question.type for r in o.refs] == ["integer", "integer"]
