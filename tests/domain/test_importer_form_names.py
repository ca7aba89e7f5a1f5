"""A form's own name, shown on made-up text: a code spaced before its slash ('Mẫu số 7 /BCĐ & BTC') is all code, so
the name is the line in capitals under the header; acronyms run together are never cut into syllables; a page that
pastes a form's tail above its header takes the name written under the national motto, not its own title."""

from __future__ import annotations

from dialogs.importer.glued_syllables import unglue_syllables
from dialogs.importer.naming import CODE_LINE, name_under_motto
from tests.support.importing import imp


def test_a_code_spaced_before_its_slash_and_joined_by_ampersands_is_all_code() -> None:
    assert CODE_LINE.match("Mẫu số 7 /BCĐTW & BTCTW").group("rest") == ""
    assert CODE_LINE.match("Biểu số 12 /TKQG").group("code") == "12 /TKQG"
    # negative: a name after a spaced slash stays the name
    assert CODE_LINE.match("Biểu 02 / TÌNH HÌNH DÂN SỐ").group("code") == "02"


def test_acronyms_run_together_are_never_cut() -> None:
    assert unglue_syllables("Mẫu 4 /BCĐBHĐND") == "Mẫu 4 /BCĐBHĐND"
    assert unglue_syllables("do UBNDTPHCM lập") == "do UBNDTPHCM lập"
    # negative: Vietnamese syllables run together are still cut
    assert unglue_syllables("BÁO CÁOTỔNGHỢP") == "BÁO CÁO TỔNG HỢP"


def test_a_card_under_a_spaced_code_takes_its_name_line() -> None:
    o = imp(
        "Mẫu số 5 /HĐBC & UBBC\nỦY BAN NHÂN DÂN\n……(1)……\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nGIẤY CHỨNG NHẬN ĐẠI BIỂU\nDỰ HỘI NGHỊ CỬ TRI THÔN\n"
        "Họ và tên: ……\nNơi ở hiện nay: ……\n"
    )
    assert o.title.lower() == "giấy chứng nhận đại biểu dự hội nghị cử tri thôn"


def test_the_name_under_the_motto_wins_over_a_pages_sentence_case_title() -> None:
    lines = [
        "Phiếu tự nhận xét hội viên năm nay",
        "",
        "II. Ý KIẾN CỦA TỔ",
        "1. Nhận xét: ……",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "PHIẾU ĐÁNH GIÁ HỘI VIÊN CHI HỘI Năm……",
        "Họ và tên: ……",
    ]
    assert name_under_motto(lines) == "PHIẾU ĐÁNH GIÁ HỘI VIÊN CHI HỘI"
    o = imp("\n".join(lines) + "\n")
    assert o.title == "Phiếu đánh giá hội viên chi hội"
    # also with a bare form name line below a dashed motto
    assert name_under_motto(["Độc lập – Tự do – Hạnh phúc", "", "TỜ KHAI ĐĂNG KÝ HỘ KINH DOANH"]) == (
        "TỜ KHAI ĐĂNG KÝ HỘ KINH DOANH"
    )


def test_a_name_in_capitals_before_the_headings_keeps_its_place() -> None:
    """Negative: the document's own name in capitals above its headings is not replaced by an annex's name."""
    o = imp(
        "BÁO CÁO KẾT QUẢ CÔNG TÁC HỘI NĂM NAY\nI. KẾT QUẢ\n1. Số hội viên: …… người\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPHIẾU ĐĂNG KÝ HỘI VIÊN MỚI\n"
        "Họ và tên: ……\n"
    )
    assert o.title == "Báo cáo kết quả công tác hội năm nay"
    assert name_under_motto(["Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày … tháng … năm …"]) is None


def test_the_period_word_of_a_name_lines_blank_is_no_part_of_the_name() -> None:
    o = imp("PHIẾU ĐĂNG KÝ THI ĐUA CHI HỘI Năm………\nHọ và tên: ……\n")
    assert o.title == "Phiếu đăng ký thi đua chi hội"
    o = imp("BÁO CÁO KẾT QUẢ HOẠT ĐỘNG HỘI Tháng……\n1. Số hội viên: …… người\n")
    assert o.title == "Báo cáo kết quả hoạt động hội"
    # negative: a name ending in 'NĂM' with no blank after it keeps it
    o = imp("BÁO CÁO TỔNG KẾT CÔNG TÁC HỘI CUỐI NĂM\n1. Số hội viên: …… người\n")
    assert o.title == "Báo cáo tổng kết công tác hội cuối năm"


def test_a_code_line_skips_the_documents_number_to_its_name() -> None:
    o = imp(
        "Mẫu 7-2\nĐẢNG ỦY………       ĐẢNG CỘNG SẢN VIỆT NAM\nỦY BAN KIỂM TRA\nSố      - QĐ/KT\n\nQUYẾT ĐỊNH\n"
        "thành lập tổ kiểm tra việc thu nộp đảng phí\n\n1. Họ và tên tổ trưởng: ……\n"
    )
    assert o.title.lower().startswith("quyết định thành lập tổ kiểm tra")
    # negative: the number alone is never the name
    assert "QĐ/KT" not in o.title


def test_a_pages_contents_of_a_report_names_the_report() -> None:
    o = imp("Nội dung báo cáo tình hình cháy rừng\nNội dung báo cáo gồm:\na) Địa điểm xảy ra cháy: ……\n")
    assert o.title == "Báo cáo tình hình cháy rừng"
    o = imp("Nội dung của đề cương tổng kết phong trào thi đua\n1. Kết quả đạt được\n")
    assert o.title.lower() == "đề cương tổng kết phong trào thi đua"
    # negative: a sentence about the contents names nothing ('… gồm: …' ends with its colon)
    o = imp("Nội dung báo cáo gồm các phần sau:\n1. Kết quả đạt được\n")
    assert not o.title.startswith("Báo cáo gồm")
