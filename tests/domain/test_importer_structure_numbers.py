"""Compound section numbers (dialogs/importer/section_numbers.py) and document names (headline.py, naming.py), each
rule on made-up text, with negatives that keep ordinary lines as they were."""

from __future__ import annotations

from dialogs.importer.structure import parse_marker
from tests.support.importing import imp


def _where(o) -> dict[str, str]:
    return {r.question.prompt: r.number for r in o.refs}


def test_a_roman_part_with_its_decimals_is_one_number() -> None:
    mk = parse_marker("II.3 Nguồn nước sinh hoạt")
    assert (mk.kind, mk.no, mk.rest) == ("dec2", "II.3.", "Nguồn nước sinh hoạt")
    mk = parse_marker("• IV.12. Đội ngũ giáo viên")
    assert (mk.kind, mk.no, mk.rest) == ("dec2", "IV.12.", "Đội ngũ giáo viên")
    mk = parse_marker("B.2.1- Diện tích rừng trồng")
    assert (mk.kind, mk.no, mk.rest) == ("dec3", "B.2.1.", "Diện tích rừng trồng")
    mk = parse_marker("3.2- Về công tác tuyên truyền")
    assert (mk.no, mk.rest) == ("3.2.", "Về công tác tuyên truyền")
    mk = parse_marker("1.4) Kết quả tuyển sinh")
    assert (mk.no, mk.rest) == ("1.4.", "Kết quả tuyển sinh")


def test_a_compound_number_glued_to_its_text_or_closed_by_a_colon() -> None:
    assert parse_marker("IV.2.Tổ chức bộ máy").no == "IV.2."
    assert parse_marker("IV.2.Tổ chức bộ máy").rest == "Tổ chức bộ máy"
    assert (parse_marker("C.3: Nguồn kinh phí").no, parse_marker("C.3: Nguồn kinh phí").rest) == (
        "C.3.",
        "Nguồn kinh phí",
    )
    assert (parse_marker("3.4: Nguồn kinh phí").no, parse_marker("3.4: Nguồn kinh phí").rest) == (
        "3.4.",
        "Nguồn kinh phí",
    )
    mk = parse_marker("▪ 5.2 Cơ sở vật chất")
    assert (mk.kind, mk.no, mk.rest) == ("dec2", "5.2.", "Cơ sở vật chất")


def test_ordinary_numbers_stay_as_they_were() -> None:
    assert (parse_marker("II. Kết quả").kind, parse_marker("II. Kết quả").no) == ("roman", "II.")
    assert parse_marker("A. PHẦN CHUNG").kind == "upper"
    assert parse_marker("2.1. Về nhân lực").no == "2.1."
    assert parse_marker("- Sản lượng lúa").kind == "dash"
    assert parse_marker("- 2.1. Sản lượng lúa").kind == "dash"  # a dash is text's, not a web list's glyph
    assert (
        parse_marker("1.2 - 1.5 triệu đồng") is None
        or parse_marker("1.2 - 1.5 triệu đồng").rest != "1.5 triệu đồng"
    )


def test_compound_numbers_name_their_own_section_under_a_numbered_breadcrumb() -> None:
    text = (
        "1. Trang chủ\n\n2. » Tài liệu\n\n"
        "• II.1 Dân số và lao động\n\n• II.2 Đất đai, thổ nhưỡng\n\n"
        "• III.1 Mạng lưới trường học\n\n• III.10 Nguồn vốn đầu tư\n"
    )
    where = _where(imp(text))
    assert where["Dân số và lao động"] == "II.1"
    assert where["Đất đai, thổ nhưỡng"] == "II.2"
    assert where["Mạng lưới trường học"] == "III.1"
    assert where["Nguồn vốn đầu tư"] == "III.10"


def test_compound_numbers_nest_under_the_roman_heading_they_repeat() -> None:
    text = (
        "I. TÌNH HÌNH CHUNG\n"
        "I.1 Số hộ chăn nuôi\n"
        "I.2 Tổng đàn gia súc\n"
        "II. KẾT QUẢ\n"
        "- Lưu ý chung khi viết\n"
        "II.1 Sản lượng thịt hơi\n"
    )
    where = _where(imp(text))
    assert where["Số hộ chăn nuôi"] == "I.1"
    assert where["Tổng đàn gia súc"] == "I.2"
    assert where["Sản lượng thịt hơi"] == "II.1"


def test_a_roman_heading_without_compounds_is_unchanged() -> None:
    text = "I. Vị trí\n1. Diện tích tự nhiên\n2. Dân số trung bình\nII. Giao thông\n1. Đường bộ\n"
    where = _where(imp(text))
    assert where["Diện tích tự nhiên"] == "I.1"
    assert where["Đường bộ"] == "II.1"


def test_a_web_page_s_capital_fragments_are_no_title() -> None:
    letter = (
        "Cỡ chữ\nA A\nTương phản\n\nThông báo dự kiến hội nghị ngành nông nghiệp năm 2031\n\n"
        "Đề nghị Giám đốc các Sở Nông nghiệp:\n\n1. Chủ động tiến hành công tác sơ kết 6 tháng đầu năm 2031 và xây "
        "dựng kế hoạch 6 tháng cuối năm của đơn vị. Việc sơ kết cần đánh giá đúng.\n\n2. Gửi đầy đủ số liệu về Bộ.\n"
    )
    title = imp(letter).title
    assert title.startswith("Báo cáo sơ kết 6 tháng đầu năm 2031") and not title.endswith("của đơn vị")
    rules = (
        "Trang 12 - Tap\nXII\nP. 12\nĐiều 5. Tổng hợp báo cáo kết quả kiểm tra và dự thảo kết luận kiểm tra\n"
        "1. Báo cáo kết quả kiểm tra:\na) Chậm nhất 10 ngày sau khi kết thúc kiểm tra, thành viên đoàn gửi báo cáo "
        "kết quả về Trưởng đoàn.\nb) Trưởng đoàn tổng hợp, xây dựng dự thảo báo cáo.\n"
    )
    assert imp(rules).title == "Báo cáo kết quả kiểm tra"


def test_a_name_run_into_itself_or_a_caption_is_cut() -> None:
    page = "Kế hoạch bồi dưỡng giáo viên trường tiểu học Mẫu kế hoạch bồi dưỡng giáo viên năm 2030\n\n1. Mục tiêu\n"
    assert imp(page).title == "Kế hoạch bồi dưỡng giáo viên trường tiểu học"
    news = (
        "(TTXVN) - Sở Công Thương vừa có công văn gửi các phòng về báo cáo tình hình thực hiện chương trình khuyến "
        "công và tình hình sản xuất công nghiệp quý I năm 2031.\nBáo cáo tình hình sản xuất công nghiệp quý I năm "
        "2031 sẽ nêu rõ kết quả đạt được. Ảnh: Minh Anh\nCác phòng báo cáo tình hình sản xuất, làm rõ tồn tại.\n"
    )
    assert imp(news).title == (
        "Báo cáo tình hình thực hiện chương trình khuyến công và tình hình sản xuất công nghiệp quý I năm 2031"
    )


def test_the_asked_report_s_full_wording_wins_over_a_phrase_cut_at_a_comma() -> None:
    rule = (
        "Doanh nghiệp có trách nhiệm báo cáo về tình hình công tác kiểm định, bảo dưỡng thang máy theo quy định sau:\n"
        "Định kỳ, doanh nghiệp phải báo cáo công tác kiểm định, bảo dưỡng thang máy trong năm gửi Sở Xây dựng.\n"
        "1. Thời hạn: cuối tháng 12 hằng năm.\n"
    )
    assert imp(rule).title == "Báo cáo công tác kiểm định, bảo dưỡng thang máy trong năm"


def test_a_name_line_in_capitals_stays_the_title() -> None:
    form = "UBND XÃ AN PHÚ\nBÁO CÁO KẾT QUẢ TUYỂN SINH NĂM HỌC 2030 - 2031\n1. Số học sinh tuyển mới: ……\n"
    assert imp(form).title == "Báo cáo kết quả tuyển sinh năm học 2030 - 2031"
    other = (
        "Báo cáo về tình hình an ninh trật tự, phòng chống tội phạm gửi Công an huyện.\n1. Số vụ việc: ……\n"
    )
    assert imp(other).title.startswith("Báo cáo về tình hình an ninh trật tự")


def test_a_part_with_its_decimals_is_one_number() -> None:
    mk = parse_marker("Phần II.3 Kết quả thu ngân sách")
    assert (mk.kind, mk.no, mk.rest) == ("dec2", "Phần II.3.", "Kết quả thu ngân sách")
    where = _where(imp("PHẦN I. TỔNG QUAN\nPhần I.1 Kết quả thu ngân sách\nPhần I.2 Kết quả chi ngân sách\n"))
    assert where["Kết quả thu ngân sách"] == "Phần I.1"
    assert where["Kết quả chi ngân sách"] == "Phần I.2"


def test_articles_in_sequence_are_a_level_of_the_numbering() -> None:
    text = (
        "Điều 4. Kiểm tra định kỳ\n1. Nội dung kiểm tra:\na) Thời gian kiểm tra do Trưởng ban quyết định.\n"
        "b) Báo cáo kiểm tra nêu rõ số hồ sơ đã xem xét và sai sót phát hiện.\n"
        "2. Kết luận kiểm tra được gửi các đơn vị.\nĐiều 5. Lưu trữ hồ sơ\nHồ sơ kiểm tra được lưu trữ 10 năm.\n"
    )
    where = _where(imp(text))
    assert where["Báo cáo kiểm tra nêu rõ số hồ sơ đã xem xét và sai sót phát hiện"] == "4.1.b"
    assert any(n.startswith("5") for n in where.values())


def test_a_lone_article_is_no_level() -> None:
    text = (
        "Điều 9. Chế độ báo cáo về công tác phòng dịch\n1. Các cơ sở y tế báo cáo định kỳ hằng tháng.\n"
        "2. Nội dung báo cáo phòng dịch\na) Số ca bệnh phát hiện trong tháng;\nb) Kết quả giám sát ổ dịch;\n"
    )
    assert all(not n.startswith("9") for n in _where(imp(text)).values())
