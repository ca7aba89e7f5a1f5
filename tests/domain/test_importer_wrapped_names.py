"""Made-up documents: a name in capitals that a narrow cell wrapped one word a line ('DANH' / 'MỤC' / 'BIỂU' / 'MẪU
BÁO CÁO …') is the document's name read whole; lone capital words that do not begin a name ('STT' / 'TÊN') join
nothing."""

from __future__ import annotations

from dialogs.importer.naming import english_name, join_wrapped_name, own_name, spelled_out
from tests.support.importing import imp


def test_a_name_wrapped_a_word_a_line_is_read_whole() -> None:
    lines = ["DANH", "MỤC", "HỒ SƠ CẦN NỘP CỦA CÁC PHÒNG", "Kèm theo công văn số 12/ABC"]
    assert own_name(lines) == "DANH MỤC HỒ SƠ CẦN NỘP CỦA CÁC PHÒNG"
    o = imp("BẢNG\nKÊ\nTÀI SẢN CỐ ĐỊNH CỦA ĐƠN VỊ\nTên đơn vị: ……………\nSố điện thoại: ……………\n")
    assert o.title.lower().startswith("bảng kê tài sản cố định")


def test_lone_capital_words_that_begin_no_name_stay_apart() -> None:
    lines = ["STT", "TÊN", "ĐƠN VỊ BÁO CÁO"]
    assert join_wrapped_name(lines) == lines
    named = ["BIỂU", "TỔNG", "HỢP SỐ LIỆU"]  # the first word already begins a name: nothing to join
    assert join_wrapped_name(named) == named


def test_a_quoted_abbreviation_in_the_name_is_written_out_as_the_document_spells_it() -> None:
    text = ("V/v báo cáo kết quả Cuộc vận động “NDTCHTSĐ” năm 2030\n"
            "Kính gửi: Các phòng, ban\n"
            "Thực hiện Cuộc vận động “Người dân tích cực học tập suốt đời”, đề nghị báo cáo:\n"
            "- Kết quả đạt được;\n- Khó khăn, vướng mắc.\n")
    o = imp(text)
    assert "“Người dân tích cực học tập suốt đời”" in o.title


def test_an_abbreviation_never_spelled_out_or_short_stays() -> None:
    assert spelled_out("Báo cáo Phong trào “TDĐKXD” năm 2030", ["Phong trào “Toàn dân xây dựng”"]) == \
        "Báo cáo Phong trào “TDĐKXD” năm 2030"
    assert spelled_out("Báo cáo của “UBND” xã", ["“Ủy ban nhân dân”"]) == "Báo cáo của “UBND” xã"  # four letters


def test_a_questionnaire_named_only_in_english_keeps_that_name() -> None:
    text = ("City Transit Office\nRider Survey (Vietnamese version)\n\n"
            "1. Quý vị đi xe buýt bao nhiêu lần mỗi tuần?\n\n2. Quý vị có hài lòng với giờ chạy xe không?\n")
    assert imp(text).title == "Rider Survey (Vietnamese version)"
    assert english_name(["Skip to main content", "Appendix C: Household Questionnaire"]) == \
        "Appendix C: Household Questionnaire"
    assert english_name(["Báo cáo khảo sát (Survey)", "Take the survey now"]) is None  # Vietnamese; no name
