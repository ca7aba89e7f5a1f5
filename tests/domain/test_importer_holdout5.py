"""The fifth hold-out (issue 21, session 20): fourteen real outlines whose gold was committed (be8a036) before the
importer first ran on them (14/81 asks right, README). The general shapes behind its misses, each on made-up text,
and a floor on the set so that a regression fails — raise the floor as the importer gets better, never lower it."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.score_importer import (
    HOLDOUT5,
    OUTLINES_DIR,
    SEEDS,
    read_gold,
    score,
    score_real,
    table_blocks_txt,
)
from dialogs.importer.forms import value_type
from dialogs.importer.naming import is_agency_header
from dialogs.importer.questions import asks_from_text, reported_figures
from dialogs.importer.structure import parse_marker
from dialogs.importer.textgrid import cell_run_table, coded_rows_table
from dialogs.loader import load_outline
from tests.support.importing import assert_set_floor, imp, prompts

HOLDOUT5_DOCS = sorted(HOLDOUT5.glob("*.txt"))
FIRST_RUN = 14
FLOOR = 72  # measured after i7a, i7b, r1, r2 (session 21); session 25 i25c (figures sharing a verb, people by role, a glued name label)


def _title(text: str) -> str:
    return imp(text, "tep-nhap.txt").title


def test_the_name_is_the_capitals_under_the_agency_header_when_no_name_word_says_it():
    text = ("PHÒNG GIÁO DỤC HUYỆN AN LẠC\nTRƯỜNG TIỂU HỌC BÌNH MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nAn Lạc, ngày 02 tháng 9 năm 2026\n\nSỔ THEO DÕI CÁC NĂM HỌC GẦN ĐÂY\n"
            "(Từ năm học 2022-2023)\n1. Số lớp học: …… lớp\n2. Số học sinh: …… em\n")
    assert _title(text) == "Sổ theo dõi các năm học gần đây"


def test_a_numbered_agency_line_is_no_section_and_the_capitals_under_it_name_the_biểu():
    text = ("III. SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG Biểu số: 004.N/BCS-NNMT\nSỐ HỘ NUÔI TRỒNG THỦY SẢN TRONG NĂM\n"
            "Năm…\n1. Số hộ nuôi cá: …… hộ\n2. Số hộ nuôi tôm: …… hộ\n")
    assert _title(text) == "Số hộ nuôi trồng thủy sản trong năm"


def test_a_short_name_in_capitals_goes_on_in_the_sentence_case_line_under_it():
    text = ("BÁO CÁO THÀNH TÍCH\n\nHoạt động của Chi đoàn thôn Bắc Sơn năm 2026\nKính gửi: Ban thường vụ\n"
            "A. ĐẶC ĐIỂM\n1. Số đoàn viên: …… người\n")
    assert _title(text) == "Báo cáo thành tích hoạt động của Chi đoàn thôn Bắc Sơn năm 2026"


def test_a_form_squeezed_onto_one_numbered_line_is_named_by_the_capitals_leading_it():
    blanks = " ".join(f"Mục thứ {k}……………" for k in range(40))
    text = f"Xem mẫu\n\n1. PHIẾU ĐIỀU TRA HỘ KINH DOANH Tỉnh………… Xã………… {blanks}\n2. Ghi chú\n"
    assert _title(text) == "Phiếu điều tra hộ kinh doanh"


def test_a_download_pages_words_and_its_category_are_not_the_name():
    page = ("Mẫu biên bản kiểm kê tài sản mới, chuẩn file Word\n\nMẪU BIÊN BẢN KIỂM KÊ TÀI SẢN MỚI, CHUẨN FILE WORD\n"
            "XEM TRƯỚC MẪU\nTẢI FILE WORD\n1. Tên tài sản: ……\n")
    assert _title(page) == "Biên bản kiểm kê tài sản"
    news = "Thống kê\n\nSố liệu về tai nạn giao thông tháng 5/2026\n\n1. Số vụ tai nạn: …… vụ\n"
    assert _title(news) == "Số liệu về tai nạn giao thông tháng 5/2026"


def test_a_value_filled_into_a_form_says_what_its_field_asks():
    assert value_type("15 (mới XD)") == "integer" and value_type("86,4%") == "percent"
    assert value_type("3,5") == "decimal" and value_type("1.250") == "integer"
    assert value_type("Có (tốt)") == "yesno" and value_type("(chưa)") == "yesno" and value_type("Không.") == "yesno"
    assert value_type("Đốt (hố lấp)") is None and value_type("Nguyễn Văn An") is None


def test_a_filled_form_gives_its_labels_typed_by_their_values_under_a_roman_heading_with_a_stray_dot():
    assert parse_marker("II-. CƠ SỞ VẬT CHẤT:").no == "II-"
    got = prompts(imp("BÁO CÁO CÔNG TÁC THƯ VIỆN\nI-THƯ VIỆN:\n-Số đầu sách tham khảo hiện có: 1.250 (đã kiểm kê).\n"
                      "II-. CƠ SỞ VẬT CHẤT:\n-Có phòng đọc riêng cho giáo viên và học sinh: Có (rộng).\n"
                      "-Đã được cấp kinh phí mua sách trong năm học vừa qua: (chưa).\n-Hình thức mượn sách: Tại chỗ.\n"))
    assert got["Số đầu sách tham khảo hiện có"] == ("I", "integer")
    assert got["Có phòng đọc riêng cho giáo viên và học sinh"] == ("II", "yesno")
    assert got["Đã được cấp kinh phí mua sách trong năm học vừa qua"] == ("II", "yesno")  # 11 words: still a field
    assert got["Hình thức mượn sách"] == ("II", "text")


def test_a_numbered_count_filled_in_over_its_parts_is_asks_of_the_section_above():
    got = prompts(imp("BÁO CÁO NHÂN SỰ THƯ VIỆN\nI-TÌNH HÌNH CHUNG:\n1. Số nhân viên thư viện: 03; Trong đó:\n"
                      "-Chuyên trách: ; Kiêm nhiệm : 02 (giáo viên).\n-Nhân viên có bằng thư viện: 01.\n"
                      "II-ĐÁNH GIÁ:\n-Số lượt mượn sách: 120.\n-Nhận xét:\n+ Nhân viên làm việc chăm chỉ, đúng giờ.\n+ Cần bồi dưỡng thêm nghiệp vụ.\n"))
    assert got["Số nhân viên thư viện"] == ("I", "integer")  # the filled line is an ask, not a section
    assert got["Chuyên trách"] == ("I", "integer") and got["Kiêm nhiệm"] == ("I", "integer")  # parts of a count
    assert got["Nhân viên có bằng thư viện"] == ("I", "integer")
    assert got["Nhận xét"] == ("II", "longtext")  # the remark asked; the '+' lines were one school's answer
    assert not any(p.startswith("Nhân viên làm việc") for p in got)


def test_a_party_body_mentioned_in_prose_does_not_make_the_layout_party():
    youth = ("ĐOÀN XÃ AN PHÚ\nBÁO CÁO CÔNG TÁC ĐOÀN 6 THÁNG ĐẦU NĂM\nTrong 6 tháng đầu năm, dưới sự lãnh đạo trực tiếp "
             "của Ban thường vụ Đảng ủy xã và sự phối hợp của các đoàn thể, Đoàn xã đã triển khai các hoạt động.\n"
             "I. KẾT QUẢ\n1. Công tác tuyên truyền, giáo dục\n")
    assert imp(youth).layout == "state"
    cell = ("ĐẢNG BỘ XÃ AN PHÚ\nCHI BỘ THÔN ĐÔNG\nBÁO CÁO KẾT QUẢ LÃNH ĐẠO 6 THÁNG ĐẦU NĂM\n"
            "I. KẾT QUẢ\n1. Công tác tuyên truyền, giáo dục\n")
    assert imp(cell).layout == "party"  # the header shows the Party body that issues it


def test_a_lettered_label_over_dashes_groups_asks_of_its_section_and_an_area_is_a_measure():
    got = prompts(imp("BÁO CÁO CÔNG TÁC ĐẤT ĐAI\nI. TÌNH HÌNH CHUNG\n1. Hiện trạng sử dụng đất:\n"
                      "a) Các loại đất chính:\n– Hiện trạng và biến động về đất trồng lúa;\n"
                      "– Diện tích đất bị lấn chiếm;\nb) Các nguồn gây sạt lở đất (quy mô, mức độ).\n"))
    assert got["Hiện trạng và biến động về đất trồng lúa"] == ("I.1", "longtext")  # not a section 'a)'
    assert got["Diện tích đất bị lấn chiếm"] == ("I.1", "decimal")
    assert [v for k, v in got.items() if k.startswith("Các nguồn gây sạt lở đất")] == [("I.1", "longtext")]


CODED = ["Mã số", "Số hộ được hỗ trợ", "Tổng số Trong đó: Hộ nghèo", "A B 1 2", "Tổng số 01", "Chia theo dân tộc",
         "Kinh 02", "Dân tộc thiểu số 03", "Chia theo vùng", "Thành thị 04", "Nông thôn 05",
         "Chia theo xã/phường", "(Ghi theo danh mục hành chính) 06", "Người lập biểu", "(Ký, họ tên)"]


def test_a_statistics_biểu_a_row_a_line_with_its_code_is_rebuilt_with_its_columns():
    grid, used = coded_rows_table(CODED)
    rows = [[t for t, _ in r] for r in grid.cells]
    assert rows[0] == ["TT", "Chỉ tiêu", "Mã số", "Tổng số", "Hộ nghèo"]  # as many columns as 'A B 1 2' numbers
    assert rows[1] == ["", "A", "B", "1", "2"]  # the codes row ends the header: the first row 'Tổng số 01' is a row
    labels = [r[1] for r in rows[2:]]
    assert labels == ["Tổng số", "Chia theo dân tộc", "Kinh", "Dân tộc thiểu số", "Chia theo vùng", "Thành thị",
                      "Nông thôn"]  # the '(Ghi theo …)' placeholder and the group left without rows go
    assert CODED[used] == "Người lập biểu"  # the signatures end it
    assert coded_rows_table(["Mã số", "Ghi chú chung của biểu", "Tổng số 01"]) is None  # no numbering row


def test_a_numbered_agency_line_is_no_section_but_a_layout_word_is_no_agency():
    assert is_agency_header("SỞ Y TẾ TỈNH AN GIANG") and is_agency_header("BỘ TÀI CHÍNH")
    assert not is_agency_header("BỐ CỤC CÔNG TRÌNH NGHIÊN CỨU") and not is_agency_header("SỐ LIỆU ĐĂNG KÝ")
    o = imp("II. SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG Biểu số: 004.N/BCS\nSỐ HỘ NUÔI TRỒNG THỦY SẢN\nĐơn vị tính: hộ\n"
            + "\n".join(CODED[:12]) + "\nNgười lập biểu\n")
    tables = [r for r in o.refs if r.question.type == "table"]
    assert len(tables) == 1 and tables[0].section_number == ""  # not inside a section 'II.'


def test_published_figures_copied_as_an_outline_are_one_ask_each_and_the_comparison_is_not_asked():
    got = [(a.prompt, a.type, a.unit) for a in reported_figures(
        "Toàn tỉnh xảy ra 112 vụ tai nạn; làm chết 20 người; tỷ lệ giải quyết đạt 91,5%. So với tháng trước, giảm 8 vụ")]
    assert got == [("Số vụ tai nạn xảy ra", "integer", "vụ tai nạn"), ("Số người làm chết", "integer", "người"),
                   ("Tỷ lệ giải quyết", "percent", "%")]
    assert reported_figures("Toàn tỉnh xảy ra 112 vụ, so với tháng trước tăng 8 vụ") == []  # one figure: no split
    assert reported_figures("Nêu rõ kết quả đạt được; những hạn chế, tồn tại") == []


def test_a_column_name_broken_into_a_word_and_a_school_year_is_one_column():
    lines = ["Số học sinh", "Năm học", "2022-2023", "Năm học", "2023-2024", "Năm học", "2024-2025",
             "Khối lớp 1", "30", "32", "31", "Khối lớp 2", "28", "30", "33", "Khối lớp 3", "27", "29", "30",
             "Cộng", "85", "91", "94"]
    grid = cell_run_table(lines)
    head = [t for t, _ in grid.cells[0] if t]
    assert head[-3:] == ["Năm học 2022-2023", "Năm học 2023-2024", "Năm học 2024-2025"]
    assert [r[1][0] for r in grid.cells[1:]] == ["Khối lớp 1", "Khối lớp 2", "Khối lớp 3", "Cộng"]


def test_two_tables_one_cell_a_line_each_under_its_numbered_caption_are_two_biểu():
    years = ["Năm học", "2023-2024", "Năm học", "2024-2025"]
    text = "\n".join(["SỔ THỐNG KÊ 3 NĂM GẦN NHẤT", "1. Số lớp học của trường", "Số lớp", *years,
                     "Khối lớp 1", "4", "4", "Khối lớp 2", "3", "4", "Cộng", "7", "8",
                     "2. Số phòng học của trường", "TT", "Số liệu", *years, "Ghi chú",
                     "1", "Phòng kiên cố", "10", "11", "", "2", "Phòng tạm", "2", "1", "", "Cộng", "12", "12", ""])
    o = imp(text + "\n")
    assert o.title == "Sổ thống kê 3 năm gần nhất"
    tables = [r.question.table for r in o.refs if r.question.type == "table"]
    assert len(tables) == 2
    assert [c.label for c in tables[0].columns][-2:] == ["Năm học 2023-2024", "Năm học 2024-2025"]
    assert "Khối lớp 1" in [r.label for r in tables[0].rows] and "Phòng tạm" in [r.label for r in tables[1].rows]
    assert "Phòng tạm" not in [r.label for r in tables[0].rows]


@pytest.mark.parametrize("yaml_path", sorted(OUTLINES_DIR.glob("*.yaml")), ids=lambda p: p.stem[:3])
def test_the_seeds_keep_ninety_percent_right_with_the_hold_out_5_rules(yaml_path: Path):
    """Seed 002 keeps 'd) Kết quả kiểm tra, rà soát …:' as a section: its figures ('Tỷ lệ …: %', 'Số … đã được xử lý
    xong' twice) repeat under other labels, so the lettered label is not flattened into the section above."""
    hand = load_outline(yaml_path)
    text = (SEEDS / (hand.source.file or "")).read_text(encoding="utf-8")
    s = score(hand, text.encode(), "seed.txt", table_blocks_txt(text))
    assert s.typed >= 0.9 * s.questions, f"{s.typed}/{s.questions}"


def test_answers_listed_with_their_codes_are_a_choice_and_có_không_codes_a_yes_or_no():
    def asks(text):
        return [(a.prompt, a.type, a.options) for a in asks_from_text(text)]

    assert asks("Nguồn nước chính: (1: Giếng khoan; 2: Nước máy; 3: khác)") == [
        ("Nguồn nước chính", "choice", ["Giếng khoan", "Nước máy", "Khác"])]
    assert asks("Giới tính (nam 0; nữ 1)") == [("Giới tính", "choice", ["Nam", "Nữ"])]
    assert asks("Hộ có vay vốn ngân hàng hay không? (1: có; 2: không)") == [
        ("Hộ có vay vốn ngân hàng hay không?", "yesno", None)]
    assert asks("Kết quả thực hiện (theo Quyết định số 12; Kế hoạch 5)")[0][1] != "choice"  # no codes 1, 2, 3


def test_the_letters_closing_formula_with_its_footnote_marks_asks_nothing():
    got = prompts(imp("BÁO CÁO CÔNG TÁC NĂM\nKính gửi: (2)\n1. Kết quả thực hiện: nêu kết quả thực hiện trong năm.\n"
                      "2. Những khó khăn, vướng mắc: nêu những khó khăn, vướng mắc trong năm.\n"
                      "Trên đây là báo cáo của (1) kính gửi (2) để xem xét, chỉ đạo./.\n"))
    assert not any("xem xét" in p or p.startswith("Trên đây") for p in got)
    assert any(p.startswith("Những khó khăn, vướng mắc") for p in got)


def test_fifth_holdout_has_its_documents_each_with_source_and_gold():
    assert len(HOLDOUT5_DOCS) >= 14
    for p in HOLDOUT5_DOCS:
        assert p.read_text(encoding="utf-8").startswith("# nguồn: http")
        assert read_gold(p.with_suffix(".gold")).title


@pytest.mark.parametrize("path", HOLDOUT5_DOCS, ids=lambda p: p.stem[:3])
def test_fifth_holdout_document_is_scored_without_refusal(path: Path):
    assert not score_real(path, []).refused


def test_fifth_holdout_floor_holds():
    assert_set_floor(HOLDOUT5_DOCS, max(FIRST_RUN, FLOOR), junk_max=1)
