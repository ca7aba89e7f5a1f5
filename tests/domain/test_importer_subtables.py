"""Statistics Biểu copied one cell a line, shown on made-up text: a list run together, a header copied row by
row with its groups, and a sub-table under its own heading inside the same Biểu."""

from __future__ import annotations

from dialogs.importer.grids import leaf_columns
from dialogs.importer.structure import unglue_list
from tests.support.importing import imp

BIEU = """Biểu số: 07/YT/TC
KẾT QUẢ TIÊM CHỦNG MỞ RỘNG TẠI TRẠM Y TẾ XÃ
Đơn vị tính: Người

LOẠI VẮC XIN

Tổng số

Theo giới tính

Theo nơi tiêm

Tiêm bù

Nam

Nữ

Tại trạm

Lưu động

A

(1)

(2)

(3)

(4)

(5)

(6)

I. VIÊM GAN BII. SỞI (Chia theo mũi)- Mũi 1
- Mũi 2III. BẠI LIỆT
Số trẻ được tiêm đủ mũi

Tuổi tiêm trung bình của trẻ (Tháng)

Tiêm bù

Tổng số

Chia ra

Trẻ trai

Trẻ gái

Tiêm đủ

lần đầu

Tiêm lại lần thứ hai

(1)

(2)

(3)

(4)

(5)

(6)
* Ghi chú: Số liệu ước tính của tháng cuối kỳ
Người lập biểu
(Ký và ghi rõ họ, tên)
"""


def _tables(o):
    return [r.question.table for r in o.refs if r.question.type == "table"]


def test_a_list_run_together_is_cut_where_its_numbering_goes_on() -> None:
    """'I. VIÊM GAN BII. SỞI' is cut before 'II.' (the next numeral), not inside a word; dashes and a capitalised word
    glued on are cut too — only in a line that begins with a numeral or a dash."""
    assert unglue_list(["I. VIÊM GAN BII. SỞI (Chia theo mũi)- Mũi 1", "- Mũi 2III. BẠI LIỆT"]) == [
        "I. VIÊM GAN B",
        "II. SỞI (Chia theo mũi)",
        "- Mũi 1",
        "- Mũi 2",
        "III. BẠI LIỆT",
    ]
    assert unglue_list(["I. Khai sinhII. Khai tửIII. Kết hônNgười lập biểu"]) == [
        "I. Khai sinh",
        "II. Khai tử",
        "III. Kết hôn",
        "Người lập biểu",
    ]
    kept = [
        "I. Tình hình kinh tế- xã hội",
        "Nghị định số 12/NĐ-CP (Điều III. Phụ lục)",
        "II- NỘI DUNG",
        "IV. KẾT LUẬN",
    ]
    assert unglue_list(kept) == kept
    assert unglue_list(["I. Công tác phòng chống HIV", "VII. Kiến nghị"]) == [
        "I. Công tác phòng chống HIV",
        "VII. Kiến nghị",
    ]


def test_a_header_copied_row_by_row_gives_its_leaves_in_the_tables_order() -> None:
    """'Tổng số', 'Theo giới tính', 'Theo nơi tiêm', 'Tiêm bù' then 'Nam', 'Nữ', 'Tại trạm', 'Lưu động' over six
    column codes: the 'Theo …' names head groups of two."""
    cols, groups = leaf_columns(
        ["Tổng số", "Theo giới tính", "Theo nơi tiêm", "Tiêm bù", "Nam", "Nữ", "Tại trạm", "Lưu động"], 6
    )
    assert cols == ["Tổng số", "Nam", "Nữ", "Tại trạm", "Lưu động", "Tiêm bù"]
    assert groups == ["", "Theo giới tính", "Theo giới tính", "Theo nơi tiêm", "Theo nơi tiêm", ""]
    # no group head among the names: the last names, as before
    assert leaf_columns(["LOẠI", "Tổng số", "Nam", "Nữ"], 3) == (["Tổng số", "Nam", "Nữ"], ["", "", ""])


def test_a_sub_table_under_its_own_heading_is_a_biểu_of_its_own() -> None:
    tables = _tables(imp(BIEU))
    assert len(tables) == 2
    first, second = tables
    assert [c.label for c in first.columns] == ["Tổng số", "Nam", "Nữ", "Tại trạm", "Lưu động", "Tiêm bù"]
    assert [c.group for c in first.columns][1:3] == ["Theo giới tính", "Theo giới tính"]
    assert [r.label for r in first.rows] == ["VIÊM GAN B", "SỞI (Chia theo mũi)", "Mũi 1", "Mũi 2"]
    assert {c.label for c in second.columns} == {
        "Tiêm bù",
        "Tổng số",
        "Trẻ trai",
        "Trẻ gái",
        "Tiêm đủ lần đầu",
        "Tiêm lại lần thứ hai",
    }
    assert [r.label for r in second.rows] == ["Bại liệt"]


BAR = (
    "Biểu 02-TY\nBÁO CÁO TÌNH HÌNH DỊCH BỆNH GIA SÚC\nTên chỉ tiêu |\nĐơn vị tính |\nToàn tỉnh |\nHuyện … |\n"
    "Huyện … |\n||\nA |\n|\n1 |\n2 |\n3 |\n||\n"
    + "".join(
        f"{no}|\n{label} |\n{unit} |\n" + "|\n" * (4 if no else 5)
        for no, label, unit in [
            ("1. ", "Số con gia súc mắc bệnh", "Con"),
            ("", "Trong đó: Số con chết", "Con"),
            ("2. ", "Số ổ dịch phát hiện trong quý", "Ổ dịch"),
            ("3. ", "Số hộ chăn nuôi bị thiệt hại", "Hộ"),
            ("4. ", "Kinh phí hỗ trợ đã chi trả", "Triệu đồng"),
            ("5. ", "Số liều vắc xin đã tiêm phòng", "Liều"),
        ]
    )
)


def test_a_unit_column_of_a_table_copied_cell_by_cell_is_neither_a_column_nor_rows() -> None:
    """'Tên chỉ tiêu | Đơn vị tính | Toàn tỉnh | Huyện … |' over 'A |', '|', '1 |' …: the columns to fill are
    the figures' (from the code row's letter on), the unit after each row's name ('Con', 'Hộ') is no row."""
    (table,) = _tables(imp(BAR))
    assert [c.label for c in table.columns] == ["Toàn tỉnh", "Huyện …", "Huyện …"]
    labels = [r.label for r in table.rows]
    assert "Số con gia súc mắc bệnh" in labels and "Số hộ chăn nuôi bị thiệt hại" in labels
    assert not {"Con", "Hộ", "Ổ dịch", "Liều", "Triệu đồng"} & set(labels)


def test_a_register_again_column_is_no_web_link() -> None:
    """'Đăng ký' / 'Đăng nhập | Đăng ký' alone on a line are a page's links; 'Đăng ký lại' names a Biểu's column."""
    from dialogs.importer.cleaning import CHROME_RE

    assert CHROME_RE.search("Đăng ký")
    assert CHROME_RE.search("Đăng nhập | Đăng ký")
    assert CHROME_RE.search("Đăng ký tài khoản miễn phí")
    assert not CHROME_RE.search("Đăng ký lại")
    assert not CHROME_RE.search("Đăng ký khai sinh đúng hạn")


def test_a_roman_heading_over_its_own_header_ends_the_rows_and_a_lone_total_is_asked():
    """A header with no row-label heading closed by codes, rows 'Tổng số' and the group 'Phân theo nhóm ngành' (the
    unit adds the branches), then 'II. Phân loại tai nạn' over a header and codes of its own: two Biểu; the first
    asks its total, nothing in it to sum."""
    text = "BÁO CÁO AN TOÀN LAO ĐỘNG\n\n1. Thông tin chung\n\n" + "\n\n".join(
        ["Loại hình cơ sở", "Số cơ sở tham gia báo cáo", "Tổng số lao động", "Số vụ tai nạn", "1", "2", "3",
         "Tổng số", "", "", "", "Phân theo nhóm ngành", "", "", "",
         "II. Phân loại tai nạn", "Tên chỉ tiêu", "Mã số", "Số vụ", "Số người bị nạn", "1", "2", "3", "4",
         "Tai nạn giao thông", "01", "", "", "Tai nạn điện", "02", "", ""]) + "\n"
    refs = [r for r in imp(text).refs if r.question.type == "table"]
    assert [r.section_number for r in refs] == ["1", "II"]
    first, second = (r.question.table for r in refs)
    assert [x.label for x in first.rows] == ["Tổng số", "Phân theo nhóm ngành"]
    assert first.rows[0].kind == "data" and not first.rows[0].sum_of
    assert [x.label for x in second.rows] == ["Tai nạn giao thông", "Tai nạn điện"]


def _header_only_text(after: str) -> str:
    return "KẾT QUẢ PHỔ BIẾN PHÁP LUẬT\n\n" + "\n".join(
        ["Số cuộc", "tuyên truyền", "(Cuộc)", "Số lượt", "người dự", "(Lượt", "người)", "Số câu", "lạc bộ",
         "(Câu lạc bộ)", "Số tủ sách", "(Tủ sách)", "", "1", "", "2", "", "3", "", "4", "", "", "", "", ""]) + after


def test_a_pdf_header_closed_by_codes_with_no_row_before_the_signatures_is_a_header_only_biểu():
    """Fragments, each name's unit in parentheses (even broken '(Lượt' / 'người)'), the codes, empty cells, then
    'Người lập biểu': a Biểu of four columns whose rows the unit adds."""
    tables = [r.question.table for r in imp(_header_only_text("\nNgười lập biểu\n(Ký, ghi rõ họ, tên)\n")).refs
              if r.question.type == "table"]
    assert len(tables) == 1
    assert [c.label for c in tables[0].columns][-4:] == ["Số cuộc tuyên truyền (Cuộc)", "Số lượt người dự (Lượt người)",
                                                         "Số câu lạc bộ (Câu lạc bộ)", "Số tủ sách (Tủ sách)"]


def test_the_same_header_followed_by_a_paragraph_is_no_header_only_biểu():
    text = _header_only_text("\nCác đơn vị tổng hợp số liệu và gửi về phòng tư pháp trước ngày mười lăm hằng tháng.\n")
    assert [r for r in imp(text).refs if r.question.type == "table"] == []
