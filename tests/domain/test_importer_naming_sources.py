"""Where a document's name comes from, shown on made-up text: its own name line wins over a page's «Mẫu …» heading,
over the agency header's lines (with or without a footnote mark) and over a repeat of the name."""

from __future__ import annotations

from dialogs.importer.naming import header_block, is_agency_header, own_name, report_phrase, trim_run_on
from tests.support.importing import imp


def test_a_footnote_mark_before_the_agency_header_keeps_it_a_header() -> None:
    assert is_agency_header("[1]ỦY BAN NHÂN DÂN")
    assert is_agency_header("(2) UBND HUYỆN AN LÃO")
    assert not is_agency_header("[1] BÁO CÁO TỔNG HỢP")


def test_the_lines_under_the_agency_header_belong_to_it() -> None:
    """'UBND XÃ/PHƯỜNG….' then 'THÔN, TỔ DÂN PHỐ .....' and '[2]……': the header's lines; the motto and the name
    line after it are not."""
    lines = [
        "UBND XÃ/PHƯỜNG….",
        "THÔN, TỔ DÂN PHỐ .....",
        "[2]……",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BIÊN BẢN HỌP THÔN",
    ]
    assert header_block(lines) == {0, 1, 2}
    # a date line is no agency: a short heading in capitals after it is not swallowed
    assert header_block(["Hà Nội, ngày 2 tháng 3 năm 2031", "TÌNH HÌNH DÂN SỐ"]) == set()


def test_a_code_line_takes_the_name_below_the_agency_header_not_the_headers_second_line() -> None:
    o = imp(
        "Mẫu số 07\nUBND XÃ/PHƯỜNG….\nTHÔN, TỔ DÂN PHỐ .....\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập – Tự do – Hạnh phúc\n…, ngày …… tháng …… năm ……\n"
        "NGHỊ QUYẾT/BIÊN BẢN HỌP BAN CÔNG TÁC MẶT TRẬN\nVề việc.....\n"
        "1. Thời gian họp: ……\n2. Số người dự họp: …… người\n"
    )
    assert o.title == "Nghị quyết/biên bản họp ban công tác mặt trận"


def test_a_name_repeated_as_a_template_and_run_into_the_header_stops_at_its_first_line() -> None:
    """A page's title 'PHIẾU …', its 'MẪU PHIẾU …' and the '[1]ỦY BAN …' header under it: the name is the first."""
    o = imp(
        "PHIẾU ĐĂNG KÝ NUÔI GIA SÚC\n\nMẪU PHIẾU ĐĂNG KÝ NUÔI GIA SÚC\n\n[1]ỦY BAN NHÂN DÂN\nXÃ (PHƯỜNG)\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "PHIẾU ĐĂNG KÝ NUÔI GIA SÚC\n1. Họ và tên chủ hộ: ……\n2. Số con trâu, bò: …… con\n"
    )
    assert o.title == "Phiếu đăng ký nuôi gia súc"


def test_a_template_heading_yields_to_the_forms_sentence_case_name_line() -> None:
    """'MẪU BÁO CÁO …' (the page's heading) then 'Mẫu số 02: Đề cương báo cáo …' (the form's own name): the form's."""
    o = imp(
        "MẪU BÁO CÁO CÔNG TÁC KIỂM LÂM, PHÒNG CHÁY RỪNG\n\nRate this post\n\n"
        "Mẫu số 02: Đề cương báo cáo kết quả tuần tra rừng\n\nI. KẾT QUẢ\n1. Số cuộc tuần tra: …… cuộc\n"
    )
    assert o.title == "Đề cương báo cáo kết quả tuần tra rừng"
    # without a name line of its own, the template heading still names it (without 'Mẫu')
    alone = imp("MẪU BÁO CÁO CÔNG TÁC KIỂM LÂM\n\nI. KẾT QUẢ\n1. Số cuộc tuần tra: …… cuộc\n")
    assert alone.title == "Báo cáo công tác kiểm lâm"


def test_an_about_line_under_a_name_in_capitals_goes_on_with_it_but_not_a_blank_case() -> None:
    named = own_name(["BIÊN BẢN TỰ KIỂM TRA", "Về an toàn vệ sinh thực phẩm", "Hồi …… giờ …… ngày ……"])
    assert named == "BIÊN BẢN TỰ KIỂM TRA Về an toàn vệ sinh thực phẩm"
    blank = own_name(["PHIẾU LẤY Ý KIẾN", "Về việc sắp xếp thôn: …(4)", "1. Họ tên: ……"])
    assert blank == "PHIẾU LẤY Ý KIẾN"


def test_a_list_of_items_is_named_by_its_danh_muc_line_not_the_pages_template_heading() -> None:
    o = imp(
        "MẪU BÁO CÁO CÁC CÔNG TRÌNH THỦY LỢI\nCơ quan chủ quản: ……\n"
        "DANH MỤC CÁC CÔNG TRÌNH THỦY LỢI ĐÃ NGHIỆM THU\nQuý: …. Năm: ….\n1. Số công trình: …… công trình\n"
    )
    assert o.title == "Danh mục các công trình thủy lợi đã nghiệm thu"


def test_a_name_run_into_the_agency_header_is_cut_where_the_header_begins() -> None:
    assert (
        trim_run_on("Báo cáo công tác phòng, chống thiên tai (Các xã, phường báo cáo) TÊN CƠ QUAN1 Số: /BC")
        == "Báo cáo công tác phòng, chống thiên tai"
    )
    assert trim_run_on("Báo cáo kết quả tiêm chủng (Dùng cho trạm y tế xã)") == "Báo cáo kết quả tiêm chủng"
    # a parenthesis that is part of the name stays
    assert (
        trim_run_on("Báo cáo sơ kết 03 năm xây dựng nông thôn mới (2016-2018)")
        == "Báo cáo sơ kết 03 năm xây dựng nông thôn mới (2016-2018)"
    )
    assert (
        trim_run_on("Phiếu điều tra trang thông tin điện tử (website)")
        == "Phiếu điều tra trang thông tin điện tử (website)"
    )


def test_the_agency_name_placeholder_is_header_and_the_capitals_line_under_the_header_names_the_form() -> (
    None
):
    """'TÊN DOANH NGHIỆP, CƠ QUAN' is the header's blank for the agency, never the name; the line in capitals right
    under the header names the form even without a name word ('THỐNG KÊ …', 'BÁO CÁO …' are not needed)."""
    assert is_agency_header("TÊN DOANH NGHIỆP, CƠ QUAN, TỔ CHỨC")
    o = imp(
        "PHÒNG GD&ĐT HUYỆN AN LÃO\nTRƯỜNG .......\nXẾP LOẠI THI ĐUA GIÁO VIÊN HỌC KỲ I\nNĂM HỌC: 2030 - 2031\n"
        "Tổ chuyên môn:........\nSố giáo viên:.......\nDANH SÁCH GIÁO VIÊN GIỎI\n1. Họ và tên: ……\n"
    )
    assert o.title == "Xếp loại thi đua giáo viên học kỳ I"
    # a field in capitals under the header is no name
    assert (
        own_name(["UBND XÃ AN HÒA", "SỐ HỘ NGHÈO: ……", "BÁO CÁO KẾT QUẢ GIẢM NGHÈO"])
        == "BÁO CÁO KẾT QUẢ GIẢM NGHÈO"
    )


def test_an_outline_for_building_the_report_leaves_the_name_to_the_line_under_it() -> None:
    o = imp(
        "ĐỀ CƯƠNG XÂY DỰNG BÁO CÁO\nTổng kết 10 năm phong trào toàn dân bảo vệ an ninh Tổ quốc\n"
        "I. Đặc điểm tình hình\n- Đặc điểm về địa lý; hệ thống chính trị.\n"
    )
    assert o.title == "Báo cáo tổng kết 10 năm phong trào toàn dân bảo vệ an ninh Tổ quốc"


def test_a_document_that_names_itself_nowhere_is_named_by_the_report_it_is_about() -> None:
    """No name line: 'Điều 5. Chế độ báo cáo về công tác phòng cháy …' (a heading) names the report, before any
    sentence; a sentence 'Báo cáo của … gửi lên …' is cut at its verb; nothing of the kind: the file name."""
    assert (
        report_phrase(
            [
                "Điều 5 Thông tư 12/2031 hướng dẫn",
                "Điều 5. Chế độ báo cáo về công tác phòng cháy rừng",
                "1. Nội dung báo cáo gồm các mục sau",
            ]
        )
        == "Báo cáo về công tác phòng cháy rừng"
    )
    assert (
        report_phrase(["Báo cáo của thú y viên xã gửi lên trạm thú y huyện gồm các nội dung sau"])
        == "Báo cáo của thú y viên xã"
    )
    assert report_phrase(["Kỹ năng viết báo cáo đối với cán bộ"]) is None
    o = imp(
        "Bài 3: Kỹ năng ghi chép\nBáo cáo của thú y viên xã gửi lên trạm thú y huyện theo các mục sau.\n"
        "1. Số con gia súc mắc bệnh: …… con\n",
        name="bai-3.txt",
    )
    assert o.title == "Báo cáo của thú y viên xã"


def test_a_download_pages_freshness_words_are_no_part_of_the_name() -> None:
    """'Mẫu báo cáo … 2031 mới cập nhật' (the page's only name of the form): without 'Mẫu', the year and 'mới cập
    nhật'; 'mới nhất' inside a name stays."""
    o = imp(
        "Mẫu báo cáo kết quả xếp loại rèn luyện đoàn viên 2031 mới cập nhật\n\n"
        "1. Số đoàn viên xếp loại xuất sắc: …… người\n"
    )
    assert o.title == "Báo cáo kết quả xếp loại rèn luyện đoàn viên"
    assert (
        imp("Báo cáo tình hình mới nhất của xã về dịch bệnh\n1. Số ca mắc: …… ca\n").title
        == "Báo cáo tình hình mới nhất của xã về dịch bệnh"
    )


def test_a_letters_subject_beginning_ve_under_its_number_names_it() -> None:
    lines = [
        "SỞ NÔNG NGHIỆP",
        "Số 215/SNN-KH        Đà Lạt, ngày 3 tháng 4 năm 2031",
        "",
        "Về hướng dẫn báo cáo",
        "sơ kết vụ đông xuân 2030-2031",
        "",
        "Kính gửi: Phòng Nông nghiệp các huyện.",
        "I. MỤC ĐÍCH",
    ]
    assert own_name(lines) == "hướng dẫn báo cáo sơ kết vụ đông xuân 2030-2031"
    prose = ["Ban tổ chức thông báo:", "Về hướng dẫn báo cáo sơ kết, các đơn vị xem phụ lục.", "I. MỤC ĐÍCH"]
    assert own_name(prose) is None  # no letter number above it: a sentence, no subject


def test_a_pages_question_headline_names_the_form_it_asks_about() -> None:
    lines = [
        "Mẫu báo cáo tình hình dịch bệnh cây trồng 2031 như thế nào? Nội dung báo cáo gồm những gì?",
        "Dịch bệnh cây trồng gây thiệt hại lớn.",
    ]
    assert own_name(lines) == "báo cáo tình hình dịch bệnh cây trồng"
    asking = ["Báo cáo tình hình dịch bệnh có bắt buộc không?", "Dịch bệnh cây trồng gây thiệt hại lớn."]
    assert own_name(asking) is None  # a question with no question words to drop names nothing


def test_a_code_lines_name_stops_at_a_numbered_heading_run_onto_it() -> None:
    lines = [
        "Biểu số 2105.N/NN: Tỷ lệ hộ dùng nước sạch 1. Khái niệm, phương pháp tính",
        "Hộ dùng nước sạch là …",
    ]
    assert own_name(lines) == "Tỷ lệ hộ dùng nước sạch"


def test_a_form_named_bang_kiem_ke_in_capitals_wins_over_the_pages_guidance() -> None:
    lines = [
        "Hướng dẫn cách lập Bảng kiểm kê vật tư theo Thông tư 12",
        "Đơn vị: ……",
        "Mẫu số 05a – VT",
        "BẢNG KIỂM KÊ VẬT TƯ",
        "(Dùng cho kho)",
    ]
    assert own_name(lines) == "BẢNG KIỂM KÊ VẬT TƯ"


def test_a_party_resolution_cited_in_a_sentence_does_not_make_a_state_letter_a_party_one() -> None:
    cited = (
        "Đề nghị các sở phối hợp báo cáo kết quả thực hiện chương trình trồng rừng năm 2030 theo Kế hoạch số "
        "12/KH-UBND và Nghị quyết số 07-NQ/TU ngày 4/5/2029 của Tỉnh ủy về phát triển lâm nghiệp bền vững."
    )
    o = imp(f"BÁO CÁO KẾT QUẢ TRỒNG RỪNG\n\n{cited}\n\n1. Kết quả trồng rừng năm 2030\n")
    assert o.layout == "state"
    own = imp(
        "ĐẢNG BỘ HUYỆN A\n\nSố 15-BC/HU\n\nBÁO CÁO KẾT QUẢ TRỒNG RỪNG\n\n1. Kết quả trồng rừng năm 2030\n"
    )
    assert own.layout == "party"  # the document's own Party header still shows
