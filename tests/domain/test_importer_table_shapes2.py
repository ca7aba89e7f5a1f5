"""Round 2 table and blank shapes on made-up text: a pipe header over rows broken one cell a line
(table_shapes2.py), a blank the sample filled with a yes/no answer (sample_fills.py), a long 'Label: ……' head line."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.importer.sample_fills import drop_sample_fill
from dialogs.importer.table_shapes2 import broken_pipe_rows


def _items(text: str) -> list[dict]:
    data = import_document(text.encode(), "mau.txt").data
    out: list[dict] = []

    def walk(items: list[dict]) -> None:
        for it in items:
            out.append(it)
            walk(it.get("items", []))

    walk(data["sections"])
    return out


def _tables(text: str) -> list[dict]:
    return [it["table"] for it in _items(text) if it.get("type") == "table"]


BROKEN = """ĐĂNG KÝ
Kính gửi: Ủy ban nhân dân xã
Đơn vị đăng ký các lớp học sau:
STT | Tên lớp học | Ngày khai giảng | Nơi học | Ghi chú |
1 |
|
|
|
|
2 |
|
|
|
|
… |
|
|
|
|
N |
|
|
|
|
Người đăng ký
"""


def test_broken_pipe_rows_make_a_list_table() -> None:
    tables = _tables(BROKEN)
    assert len(tables) == 1
    labels = [c["label"] for c in tables[0]["columns"]]
    assert labels == ["Tên lớp học", "Ngày khai giảng", "Nơi học", "Ghi chú"]


def test_broken_pipe_rows_with_names_keep_the_names() -> None:
    lines = ["TT | Loại cây | Diện tích | Sản lượng |", "1 |", "Lúa |", "|", "|", "2 |", "Ngô |", "|", "|"]
    rows, end = broken_pipe_rows(lines, 0)
    assert end == len(lines)
    assert rows == ["TT\tLoại cây\tDiện tích\tSản lượng", "1\tLúa\t\t", "2\tNgô\t\t"]


def test_pipe_header_with_ordinary_rows_is_not_touched() -> None:
    lines = ["STT | Tên | Số lượng |", "1 | Bàn | 4 |", "2 | Ghế | 8 |"]
    assert broken_pipe_rows(lines, 0) is None
    assert broken_pipe_rows(["STT | Tên | Số |", "1 |", "|", "Một câu văn thường."], 0) is None


def test_sample_answer_leaves_the_blank() -> None:
    assert drop_sample_fill("Tổng số vụ cháy trong kỳ:……………không…………………").startswith(
        "Tổng số vụ cháy trong kỳ: …"
    )
    assert "có" not in drop_sample_fill("Số hộ có giếng khoan: …………có").split(":")[1]
    assert "chưa" not in drop_sample_fill("Số xã đạt chuẩn nông thôn mới: ……chưa có……")


def test_sample_answer_negatives_unchanged() -> None:
    for line in (
        "Ngày: ……… tháng ……… năm ………",
        "Kỳ báo cáo: Từ ngày …… đến ngày ……",
        "Xã……………Huyện…………",
        "Thời gian: ……… giờ",
        "Đánh giá chung: không đạt yêu cầu.",
    ):
        assert drop_sample_fill(line) == line


HALF_FILLED = """BÁO CÁO
TÌNH HÌNH CHÁY NỔ

Tổng số vụ cháy nhà ở trên địa bàn trong kỳ báo cáo:……………không…………………
Tổng số người bị thương do cháy nổ trong kỳ báo cáo: ………………không……………
Tổng số hộ được hỗ trợ sau cháy nổ trong kỳ báo cáo: ……………không
Tổng số thôn báo cáo: ………………………………
"""

HALF_FILLED_2 = """PHIẾU THU THẬP
SỐ LIỆU NƯỚC SẠCH

Số hộ gia đình được sử dụng nước sạch theo quy chuẩn trong năm: ……có……
Số trạm cấp nước tập trung đang hoạt động ổn định trên địa bàn: ………chưa có………
Số giếng khoan: …………………
"""


def test_half_filled_sheet_keeps_its_counts() -> None:
    for text, want in ((HALF_FILLED, 4), (HALF_FILLED_2, 3)):
        asks = [it for it in _items(text) if it.get("type") == "integer"]
        assert len(asks) == want, [a["prompt"] for a in asks]
        assert not any(a.get("prompt", "").lower() in {"không", "có", "chưa có"} for a in _items(text))


RUN_NO_HEADING = (
    "Biểu số 07/NN Đơn vị báo cáo: Sở Nông nghiệp Đơn vị nhận báo cáo: Cục Thống kê Đơn vị tính: Tấn "
    "Kế hoạch Thực hiện Cùng kỳ năm trước Mã số A B 1 2 3 Tổng sản lượng 01 Chia theo loại cây 1. Sản lượng lúa "
    "02 Chia theo mùa vụ 03 ... 04 2. Sản lượng ngô 05 Chia theo mùa vụ 06 ... 07 3. Sản lượng khoai 08 "
    "Người lập biểu Thủ trưởng đơn vị (Ký, họ tên)"
)
RUN_NO_HEADING_2 = (
    "Mẫu số 3 Kỳ báo cáo: Quý Đơn vị tính: Người Nam Nữ Tổng số A B 1 2 3 Tổng số lao động 01 Trong đó "
    "1. Lao động thường xuyên 02 2. Lao động thời vụ 03 3. Lao động tự do 04 4. Lao động khác 05 "
    "Người lập biểu Thủ trưởng đơn vị (Ký, họ tên)"
)


def test_run_line_without_row_heading_is_anchored_on_its_codes() -> None:
    from dialogs.importer.grids import split_run_line

    for line, rows in (
        (RUN_NO_HEADING, ["Sản lượng lúa", "Sản lượng ngô"]),
        (RUN_NO_HEADING_2, ["Lao động thời vụ"]),
    ):
        got = split_run_line(line)
        assert got is not None
        assert all(r in got[1] for r in rows)


def test_run_line_sentence_with_codes_is_not_a_table() -> None:
    from dialogs.importer.grids import split_run_line

    line = (
        "Các đơn vị báo cáo đầy đủ theo mẫu, ghi rõ các mục A B 1 2 3 của phụ lục và gửi về Sở trước ngày 15 "
        "hằng tháng để tổng hợp, trong đó nêu rõ kết quả thực hiện, tồn tại hạn chế, nguyên nhân và đề xuất "
        "kiến nghị với cấp trên về các nội dung cần tháo gỡ trong thời gian tới."
    )
    assert split_run_line(line) is None


NUMBERED_UNDER_NAMES = """PHỤ LỤC 2

Số vụ ngộ độc thực phẩm
Nguyên nhân Giới tính Nhóm tuổi Nơi xảy ra
Nam Nữ 0-15 tuổi 16-60 tuổi Trên 60 tuổi Gia đình Bếp ăn tập thể
01 Vi sinh vật
02 Hóa chất
03 Độc tố tự nhiên

04 Thực phẩm biến chất
05 Không rõ nguyên nhân
Tổng số

Hướng dẫn ghi biểu:
- Ghi số vụ theo từng nguyên nhân.
"""

NUMBERED_UNDER_NAMES_2 = """BIỂU THEO DÕI
Loại cây Diện tích gieo trồng Năng suất Sản lượng Giá trị
01 Lúa
02 Ngô
03 Khoai lang
04 Sắn
05 Rau các loại
Người lập biểu
"""


def test_numbered_rows_under_a_names_line_make_a_biểu() -> None:
    for text, cols, rows in (
        (
            NUMBERED_UNDER_NAMES,
            ["Nam", "Nữ", "0-15 tuổi", "Trên 60 tuổi", "Bếp ăn tập thể"],
            ["Vi sinh vật", "Không rõ nguyên nhân", "Tổng số"],
        ),
        (NUMBERED_UNDER_NAMES_2, ["Diện tích gieo trồng", "Năng suất", "Giá trị"], ["Lúa", "Rau các loại"]),
    ):
        tables = _tables(text)
        assert len(tables) == 1
        labels = [c["label"] for c in tables[0]["columns"]]
        names = [r["label"] for r in tables[0]["rows"]]
        assert all(c in labels for c in cols), labels
        assert all(r in names for r in rows), names


def test_numbered_outline_under_a_title_is_no_table() -> None:
    text = """KẾ HOẠCH
Công tác Dân vận Năm 2025 Của Xã
1 Mục đích yêu cầu
2 Nội dung thực hiện
3 Tổ chức thực hiện
4 Kinh phí thực hiện
"""
    assert _tables(text) == []
    from dialogs.importer.table_shapes2 import names_of_line

    assert names_of_line("Các đơn vị báo cáo về Sở Nội vụ.") == []
    assert names_of_line("Nam Nữ 0-5 tuổi 6-9 tuổi Tại nhà") == [
        "Nam",
        "Nữ",
        "0-5 tuổi",
        "6-9 tuổi",
        "Tại nhà",
    ]


INSTRUCTED = """Biểu số 12/XD: Số công trình được cấp phép
1. Phạm vi: các công trình trên địa bàn.
2. Cách ghi biểu
- Các cột:
Cột A: Chỉ tiêu;
Cột B: Mã số;
Cột 1: Ghi số công trình được cấp phép xây dựng;
Cột 2: Ghi tổng diện tích sàn xây dựng (m2).
- Các dòng:
Dòng 1: Tổng số;
Từ dòng 2 trở đi: Ghi theo xã, phường.
3. Nguồn số liệu: báo cáo của xã.
"""

INSTRUCTED_2 = """SỔ THEO DÕI HỘ NGHÈO
Hướng dẫn ghi sổ:
Cột số 1: Ghi rõ họ tên chủ hộ;
Cột số 2: Ghi địa chỉ thường trú của hộ;
Cột số 3: Ghi số nhân khẩu trong hộ.
"""


def test_column_instructions_make_the_biểu() -> None:
    for text, cols in (
        (INSTRUCTED, ["Số công trình được cấp phép xây dựng", "Tổng diện tích sàn xây dựng"]),
        (INSTRUCTED_2, ["Họ tên chủ hộ", "Địa chỉ thường trú của hộ", "Số nhân khẩu trong hộ"]),
    ):
        tables = _tables(text)
        assert len(tables) == 1
        assert [c["label"] for c in tables[0]["columns"]][-len(cols) :] == cols


def test_one_column_note_is_no_biểu() -> None:
    text = "BÁO CÁO\nI. Số liệu\nCột 1: Ghi số liệu của năm trước.\nCác xã báo cáo đúng hạn.\n"
    assert _tables(text) == []


def test_old_font_lines_are_read_again() -> None:
    from dialogs.importer.old_fonts import repair_old_font

    got = repair_old_font("§¬n vÞ b¸o c¸o: Së Tµi chÝnh tØnh")
    assert got == "Đơn vị báo cáo: Sở Tài chính tỉnh"
    got = repair_old_font("BiÓu sè 05 TæNG HîP KÕT QU¶ TUYÓN SINH")
    assert "TUYỂN SINH" in got and "KẾT QUẢ" in got


def test_unicode_lines_are_not_touched_by_the_old_font_reader() -> None:
    from dialogs.importer.old_fonts import repair_old_font

    for line in (
        "Mã số và tên các xã, Tôi là cán bộ",
        "Số hộ có nhà ở bán kiên cố: …… hộ",
        "Café, résumé, naïve",
    ):
        assert repair_old_font(line) == line


def test_a_biểu_head_run_into_one_line_asks_nothing() -> None:
    from dialogs.importer.tidy import not_an_ask

    head = (
        "Biểu số 02/TP Đơn vị báo cáo: UBND xã Ban hành theo Thông tư số 04 Đơn vị nhận báo cáo: UBND huyện"
    )
    assert not_an_ask(head)
    assert not_an_ask("Kết quả thực hiện các văn bản ban hành theo kế hoạch của đơn vị báo cáo") is None


def _unsure(text: str) -> list[str]:
    return [s for s in import_document(text.encode(), "mau.txt").summary_lines() if s.startswith("?")]


def test_a_table_run_into_a_line_and_not_rebuilt_is_an_unsure_point() -> None:
    for glued in (
        "Thành viên tổ công tác: STT … Họ tên Trần Văn C Lê Thị D Chức vụ Nhiệm vụ Tổ trưởng Tổ viên",
        "Danh sách hộ được hỗ trợ: TT Họ tên chủ hộ Địa chỉ Số tiền Ghi chú Nguyễn Văn E thôn Đông 2 triệu",
    ):
        text = "PHIẾU ĐĂNG KÝ Tên đơn vị: Trường Tiểu học An Bình, năm học 2025 - 2026, " * 2 + glued
        assert any("chép liền thành một dòng" in s for s in _unsure(text))


def test_a_long_line_without_a_number_heading_adds_no_unsure_table() -> None:
    text = "Báo cáo tình hình thực hiện nhiệm vụ năm học của nhà trường. " * 5
    assert not any("chép liền thành một dòng" in s for s in _unsure(text))
