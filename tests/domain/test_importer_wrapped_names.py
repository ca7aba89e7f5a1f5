"""Made-up documents: a name in capitals that a narrow cell wrapped one word a line ('DANH' / 'MỤC' / 'BIỂU' / 'MẪU
BÁO CÁO …') is the document's name read whole; lone capital words that do not begin a name ('STT' / 'TÊN') join
nothing."""

from __future__ import annotations

from dialogs.importer.naming import join_wrapped_name, own_name
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
