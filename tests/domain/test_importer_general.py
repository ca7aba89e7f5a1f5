"""General rules of the importer, each shown on made-up text (no document of the corpus): what a new, unseen
document must get right whatever its domain."""

from __future__ import annotations

from tests.support.importing import imp, prompts


def test_a_template_page_is_named_by_the_form_not_by_the_word_mau() -> None:
    """A page offering 'Mẫu báo cáo …' names the template; the form's own name line below it wins, else the name
    is read without 'Mẫu' and without the act it comes with."""
    below = imp("MẪU BÁO CÁO TÌNH HÌNH NUÔI ONG\n(Ban hành kèm theo Quyết định số 12/QĐ-SNN)\n"
                "BÁO CÁO\nKẾT QUẢ PHÁT TRIỂN NGHỀ NUÔI ONG MẬT\n"
                "I. Số liệu\n1. Số đàn ong hiện có: …… đàn\n")
    assert below.title == "Báo cáo kết quả phát triển nghề nuôi ong mật"
    alone = imp("Mẫu Báo cáo số hộ nuôi ong mật biểu số 07/SNN ban hành – THÔNG TƯ 09/2030/TT-SNN\n"
                "I. Số liệu\n1. Số hộ nuôi ong: …… hộ\n")
    assert alone.title == "Báo cáo số hộ nuôi ong mật"


def test_a_name_whose_capitals_were_lost_is_still_the_name() -> None:
    """'báo cáo' alone on a line (the capitals lost in the copy), its subject on the next: the document's name."""
    o = imp("Hợp tác xã: ....................\nbáo cáo\nkết quả thu mua cà phê của hợp tác xã\nNăm ..........\n"
            "A- Các chỉ tiêu\n- Số xã viên : .......... người\n")
    assert o.title == "Báo cáo kết quả thu mua cà phê của hợp tác xã"


def test_a_page_squeezed_onto_one_line_is_named_by_its_start_and_not_made_party_by_its_prose() -> None:
    """A whole page on one line: the name it begins with (up to ' - '); a Party body named in its prose (not in a
    header) does not make the layout 'party'."""
    body = " ".join(["Nhà trường được sự quan tâm của Đảng ủy, chính quyền xã và phụ huynh học sinh."] * 6)
    o = imp(f"Báo cáo sơ kết học kỳ trường tiểu học vùng cao - Mẫu TRƯỜNG TH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
            f"Độc lập - Tự do - Hạnh phúc Số: , ngày tháng năm BÁO CÁO SƠ KẾT HỌC KỲ TRƯỜNG TIỂU HỌC - Căn cứ vào kế "
            f"hoạch năm học, trường báo cáo như sau: I ĐẶC ĐIỂM TÌNH HÌNH: Thuận lợi: - {body}\n")
    assert o.title == "Báo cáo sơ kết học kỳ trường tiểu học vùng cao"
    assert o.layout == "state"


def _unused() -> None:
    prompts  # the helper used by the tests below
