"""Made-up documents for finding B of review r26: a letter's closing line marked './.' after the last item, a page's
number ('Trang 1/3', 'Trang 2') and the running header beside it, and a numbered heading in capitals wrapped onto the
next line: none of them a question, none of them in the place of the last item's ask."""

from __future__ import annotations

from dialogs.importer.page_furniture import closing_line, drop_page_furniture
from tests.support.importing import imp


def _prompts(o) -> list[str]:
    return [r.question.prompt for r in o.refs]


def test_the_closing_line_does_not_replace_the_last_ask() -> None:
    o = imp("ĐỀ CƯƠNG BÁO CÁO\nCông tác văn thư lưu trữ năm 2026\n1. Tình hình tiếp nhận văn bản đến.\n"
            "2. Phương hướng nhiệm vụ năm 2027.\n\nYêu cầu các phòng nghiêm túc triển khai./.\n")
    p = _prompts(o)
    assert any(x.startswith("Phương hướng nhiệm vụ năm 2027") for x in p)
    assert not any("triển khai" in x for x in p)


def test_only_a_short_unnumbered_line_is_a_closing_line() -> None:
    assert closing_line("Trân trọng cảm ơn sự phối hợp của quý cơ quan./.")
    assert not closing_line("3. Kiến nghị, đề xuất./.")
    assert not closing_line(" ".join(["Báo cáo đầy đủ tình hình"] * 6) + "./.")
    assert not closing_line("Đề nghị các đơn vị thực hiện.")


def test_page_numbers_and_the_running_header_are_dropped() -> None:
    text = ("ĐỀ CƯƠNG BÁO CÁO\nTổng kết công tác thi đua khen thưởng năm 2026\n"
            "I. KẾT QUẢ\n1. Công tác tổ chức phong trào thi đua.\n2. Công tác khen thưởng.\n"
            "Trang 1/2\nĐỀ CƯƠNG TỔNG KẾT THI ĐUA KHEN THƯỞNG 2026\n"
            "II. PHƯƠNG HƯỚNG NĂM 2027\n  - 2 -  \n")
    p = _prompts(imp(text))
    assert not any(x.startswith(("Trang", "ĐỀ CƯƠNG", "- 2")) for x in p)
    assert any("khen thưởng" in x.lower() for x in p)


def test_a_heading_in_capitals_over_the_page_number_is_kept() -> None:
    seq = ["ĐỀ CƯƠNG BÁO CÁO", "Công tác dân số", "1. Nội dung.", "PHỤ LỤC SỐ LIỆU CHI TIẾT", "Trang 3"]
    assert drop_page_furniture(seq)[-1] == "PHỤ LỤC SỐ LIỆU CHI TIẾT"  # its words are not the document's name


def test_a_wrapped_heading_in_capitals_is_one_heading() -> None:
    o = imp("ĐỀ CƯƠNG BÁO CÁO\nCông tác cải cách hành chính năm 2026\nI. KẾT QUẢ ĐẠT ĐƯỢC\n1. Cải cách thể chế.\n"
            "II. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN VÀ\nĐỀ XUẤT, KIẾN NGHỊ\nTrang 2\n")
    p = _prompts(o)
    assert not any(x == "ĐỀ XUẤT, KIẾN NGHỊ" for x in p)
    types = {r.question.prompt: r.question.type for r in o.refs}
    assert all(t != "choice" for t in types.values())
