"""What stands around a template and asks nothing (review r28): a web article's own text above it, the agency and
Party header, the English motto, the paper's number, the recipients, the printed terms of a card, the interviewer's
instructions and the document's own name line; the name line names the draft, its period word kept; the period
the name gives wins over a report only cited; 'các số liệu' names no 'sở'; a short written sentence with figures
under a heading is one unit's answer, the heading asks."""

from __future__ import annotations

from dialogs.importer.build import guess_period, guess_respondents
from dialogs.importer.tidy import not_an_ask
from tests.support.importing import imp, prompts


def test_a_web_article_around_a_template_asks_nothing_of_its_own() -> None:
    o = imp(
        "Biểu mẫu báo cáo quý của tổ dân phố là gì?\n"
        "Đây là văn bản tổ dân phố gửi phường mỗi quý, mời các bạn tham khảo bài viết dưới đây.\n"
        "• Cách lập báo cáo quý của tổ dân phố\n"
        "• Mẫu báo cáo quý của tổ dân phố mới nhất\n"
        "BÁO CÁO HOẠT ĐỘNG TỔ DÂN PHỐ QUÝ …\n"
        "1. Số hộ gia đình trong tổ: …… hộ\n"
        "2. Tình hình an ninh trật tự: ……\n"
    )
    got = prompts(o)
    assert set(got) == {"Số hộ gia đình trong tổ", "Tình hình an ninh trật tự"}
    assert o.title.lower().startswith("báo cáo hoạt động tổ dân phố quý")
    o = imp(
        "Phiếu nhận xét đoàn viên cuối năm dùng để làm gì?\n"
        "Phiếu là tài liệu chi đoàn dùng hằng năm; bạn có thể tham khảo và tải về mẫu dưới đây để điền.\n"
        "• Hướng dẫn điền phiếu nhận xét\n"
        "• Phiếu nhận xét đoàn viên mới nhất\n"
        "TÊN CƠ QUAN, TỔ CHỨC, ĐƠN VỊ\n"
        "PHIẾU NHẬN XÉT ĐOÀN VIÊN\n"
        "Họ và tên: ……………\n"
        "Chi đoàn: ……………\n"
        "Ý kiến của chi đoàn: ……………\n"
    )
    assert set(prompts(o)) == {"Họ và tên", "Chi đoàn", "Ý kiến của chi đoàn"}
    assert o.title == "Phiếu nhận xét đoàn viên"


def test_an_article_whose_template_is_cut_after_its_name_keeps_its_sentences() -> None:
    # the page stops under the name line: what the article says the report holds is all there is to ask
    o = imp(
        "Mẫu báo cáo kiểm kê kho là gì?\n"
        "Nội dung chính của báo cáo này cần trình bày cụ thể về số lượng hàng tồn kho, giá trị hàng tồn kho.\n"
        "BÁO CÁO KIỂM KÊ KHO\n"
    )
    assert any("tồn kho" in p for p in prompts(o))


def test_header_lines_mottos_numbers_and_recipients_are_no_asks() -> None:
    for line in ("ĐẢNG BỘ KHỐI CƠ QUAN TỈNH", "ĐẢNG ỦY (CHI BỘ)", "CHI BỘ TRƯỜNG TIỂU HỌC AN PHÚ", "BỘ TÀI CHÍNH",
                 "TÊN CƠ QUAN, TỔ CHỨC, ĐƠN VỊ", "Independence – Freedom – Happiness",
                 "Socialist Republic of Vietnam", "Số -BC/ĐU (CB)", "Số: /KH-UBND", "Như Điều 4",
                 "Như trên", "Người mang thẻ này phải xuất trình khi được yêu cầu",
                 "Nghiêm cấm tẩy xóa, sửa chữa nội dung giấy"):
        assert not_an_ask(line) is not None, line
    for line in ("SỐ THẺ CỬ TRI", "TÊN ĐƠN VỊ", "Số hộ nghèo", "Bộ phận một cửa", "Số quyết định",
                 "Chi bộ có bao nhiêu đảng viên?"):
        assert not_an_ask(line) is None, line


def test_a_wrapped_agency_line_and_the_name_line_ask_nothing() -> None:
    o = imp(
        "SỞ\n"
        "GIAO THÔNG VẬN TẢI\n"
        "-------\n"
        "BÁO CÁO TÌNH HÌNH TAI NẠN GIAO THÔNG THÁNG …\n"
        "1. Số vụ tai nạn: …… vụ\n"
        "2. Số người bị thương: …… người\n"
    )
    assert set(prompts(o)) == {"Số vụ tai nạn", "Số người bị thương"}
    assert o.title == "Báo cáo tình hình tai nạn giao thông tháng"
    o = imp(
        "UBND\n"
        "XÃ HƯNG THỊNH\n"
        "BÁO CÁO KẾT QUẢ THU GOM RÁC QUÝ …\n"
        "I. KẾT QUẢ\n"
        "1. Khối lượng rác thu gom: …… tấn\n"
    )
    assert set(prompts(o)) == {"Khối lượng rác thu gom"}
    assert o.period.kind == "quarterly"


def test_a_name_in_capitals_keeps_its_period_word_a_field_in_other_case_does_not() -> None:
    assert imp("BÁO CÁO CÔNG TÁC DÂN VẬN THÁNG ……\n1. Số buổi tuyên truyền: …… buổi\n").title.startswith(
        "Báo cáo công tác dân vận tháng")
    assert imp("PHIẾU ĐĂNG KÝ THI ĐUA CHI ĐOÀN Năm………\nHọ và tên: ……\n").title == "Phiếu đăng ký thi đua chi đoàn"


def test_the_name_under_the_motto_wins_over_a_pages_headline() -> None:
    o = imp(
        "Mẫu báo cáo tổng kết chi bộ năm 2030 mới nhất - Trang tham khảo\n"
        "Mẫu báo cáo tổng kết chi bộ là gì?\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "\n"
        "……, ngày … tháng … năm …\n"
        "\n"
        "Số -BC/CB\n"
        "\n"
        "BÁO CÁO tổng kết công tác chi bộ năm 2030\n"
        "I. KẾT QUẢ LÃNH ĐẠO\n"
        "1. Số đảng viên được kết nạp: …… đồng chí\n"
    )
    assert o.title == "Báo cáo tổng kết công tác chi bộ năm 2030"


def test_interviewer_instructions_and_article_lines_are_no_asks() -> None:
    for line in ("ĐTV nhấn mạnh cho người trả lời biết kỳ tham chiếu", "Điều tra viên đọc to từng lựa chọn",
                 "(Đọc các phương án)", "Câu hỏi này dùng để biết nguồn nước chính của hộ",
                 "Minh họa cách ghi mẫu CT01", "Hướng dẫn chi tiết cách khai", "Cách ghi tờ khai CT01",
                 "Mẫu báo cáo tuần là gì?", "Khi nào phải nộp tờ khai thuế môn bài?",
                 "Báo cáo tháng là một loại văn bản dùng để trình bày kết quả",
                 "Nội dung mẫu biên bản như sau", "Lưu ý: Mẫu này chỉ dùng cho các đơn vị sự nghiệp",
                 "Trường hợp hộ không có tên trong danh sách thì chọn Hộ khác rồi gõ tên",
                 "Mẫu báo cáo công tác dân vận nêu rõ những việc đã làm được và chưa làm được của cơ quan trong năm"):
        assert not_an_ask(line) is not None, line
    for line in ("Nghề nghiệp chính của ông/bà là gì?", "Nội dung và kết quả kiểm tra như sau", "Cách ghi địa chỉ của hộ",
                 "Điều tra viên", "Khi nào gia đình bắt đầu dùng nước máy?", "Mẫu báo cáo số 02",
                 "Trường hợp có người khuyết tật thì ghi rõ số người"):
        assert not_an_ask(line) is None, line


def test_the_name_lines_period_wins_over_a_report_only_cited() -> None:
    text = "Tiếp theo các báo cáo tháng 7, 8/2031, Sở báo cáo kết quả 9 tháng như sau"
    assert guess_period(text, "Báo cáo kết quả 6 tháng đầu năm 2031")[0]["kind"] == "half_yearly"
    assert guess_period("Căn cứ các báo cáo quý II của các xã", "Báo cáo tổng kết năm 2031")[0]["kind"] == "yearly"
    # a body saying how often the report comes still wins
    assert guess_period("Các xã báo cáo hằng tháng trước ngày 20", "Báo cáo 6 tháng đầu năm")[0]["kind"] == "monthly"


def test_the_figures_of_a_text_are_no_departments() -> None:
    assert guess_respondents("Tổng hợp các số liệu về lao động việc làm")[0] != ["so_nganh"]
    assert guess_respondents("Đề nghị các số đã nêu được rà soát")[0] != ["so_nganh"]
    assert guess_respondents("Đề nghị các sở, ngành báo cáo")[0] == ["so_nganh"]


def test_a_short_written_sentence_with_figures_leaves_its_heading_to_ask() -> None:
    o = imp(
        "BÁO CÁO KẾT QUẢ CÔNG TÁC THÁNG 3 NĂM 2031\n"
        "1. Công tác hòa giải ở cơ sở\n"
        "Đã hòa giải thành 12 vụ việc trên tổng số 15 vụ việc tiếp nhận.\n"
        "2. Công tác quản lý hộ tịch\n"
        "Trong tháng, xã đã đăng ký khai sinh cho 24 trẻ em và 9 trường hợp kết hôn.\n"
    )
    assert set(prompts(o)) == {"Công tác hòa giải ở cơ sở", "Công tác quản lý hộ tịch"}


def test_a_first_line_naming_a_table_or_a_report_is_the_title_when_nothing_better_exists() -> None:
    assert imp("Diện tích trồng chè\nTỉnh 2029 2030\nThái Nguyên 22,1 22,5\n").title == "Diện tích trồng chè"
    assert imp("4. NUÔI TRỒNG THỦY SẢN\nChỉ tiêu ĐV tính 2029 2030\nDiện tích nuôi ha 120 125\n").title == (
        "Nuôi trồng thủy sản")
    o = imp("Kết quả thực hiện phong trào thi đua của huyện Tân Lạc 9 tháng năm 2030\n"
            "1. Công tác tuyên truyền\nHuyện đã tổ chức 14 buổi tuyên truyền cho 1.200 lượt người.\n")
    assert o.title.startswith("Kết quả thực hiện phong trào thi đua")
    # a table's header row capitalises each cell: no name
    assert imp("Kỳ Tháng Chỉ Số Cũ Chỉ Số Mới Thành Tiền\n01 120 135 15\n").title == "Báo cáo"


def test_a_field_run_onto_the_name_line_is_no_part_of_the_title() -> None:
    o = imp("PHIẾU ĐIỀU TRA HỘ NUÔI ONG Mã hộ: __ __ __\nHọ tên chủ hộ: ……\nSố đàn ong: …… đàn\n")
    assert o.title == "Phiếu điều tra hộ nuôi ong"
    o = imp("PHIẾU KIỂM TRA CƠ SỞ KINH DOANH Mã cơ sở: __ __ __ __\n1. Tên cơ sở: ……\n2. Số lao động: …… người\n")
    assert o.title == "Phiếu kiểm tra cơ sở kinh doanh"


def test_the_signers_post_and_office_closing_a_paper_is_no_ask() -> None:
    o = imp("GIẤY XÁC NHẬN CƯ TRÚ\nHọ tên: ……\nNơi cư trú: ……\nCấp ngày: ……\nTRƯỞNG CÔNG AN XÃ BÌNH AN\n")
    assert set(prompts(o)) == {"Họ tên", "Nơi cư trú", "Cấp ngày"}
    o = imp("PHIẾU NHẬN HỒ SƠ\nTên hồ sơ: ……\nNgày hẹn trả: ……\nGIÁM ĐỐC TRUNG TÂM HÀNH CHÍNH CÔNG |\n")
    assert set(prompts(o)) == {"Tên hồ sơ", "Ngày hẹn trả"}


def test_a_paragraph_opening_on_its_period_is_the_written_account_the_heading_asks() -> None:
    o = imp(
        "Báo cáo tình hình kinh tế - xã hội quý II năm 2031 của huyện Mỹ Lộc\n"
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH QUÝ II/2031\n"
        "Trong quý II/2031, Ủy ban nhân dân huyện tập trung chỉ đạo các phòng, ban chuyên môn và các xã thực hiện "
        "quyết liệt các giải pháp phát triển kinh tế, bảo đảm an sinh xã hội, giữ vững quốc phòng và an ninh.\n"
    )
    assert list(prompts(o)) == ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH QUÝ II/2031"]
    o = imp(
        "Báo cáo kết quả công tác dân số năm 2031\n"
        "I. CÔNG TÁC TRUYỀN THÔNG\n"
        "Qua 6 tháng đầu năm, Trung tâm y tế phối hợp với các xã tổ chức nói chuyện chuyên đề, phát tờ rơi và "
        "treo băng rôn tuyên truyền tại các thôn, tổ dân phố, lồng ghép vào các buổi họp dân định kỳ.\n"
    )
    assert list(prompts(o)) == ["CÔNG TÁC TRUYỀN THÔNG"]


def test_written_prose_wrapped_by_a_pdf_and_ending_on_etc_is_one_answer() -> None:
    o = imp(
        "Kết quả thực hiện chương trình giảm nghèo của huyện Bảo Thắng năm 2031\n"
        "1. Công tác chỉ đạo,\n"
        "điều hành\n"
        "Huyện ủy ban hành Nghị quyết về giảm nghèo bền vững giai đoạn\n"
        "2031-2035; Ủy ban nhân dân huyện đã tổ chức hội nghị tổng kết, đánh giá kết quả\n"
        "thực hiện chương trình, khen thưởng các tập thể có thành tích, chỉ đạo các xã\n"
        "xây dựng kế hoạch hỗ trợ sinh kế, làm nhà đại đoàn kết, đào tạo nghề...\n"
        "2. Công tác tuyên truyền\n"
        "Các xã đã tổ chức 40 buổi tuyên truyền về chính sách giảm nghèo cho hơn 3.000 lượt\n"
        "người dân, phát hành tờ gấp và pano tại các thôn bản, nhà văn hóa, chợ phiên...\n"
    )
    assert set(prompts(o)) == {"Công tác chỉ đạo, điều hành", "Công tác tuyên truyền"}


def test_a_heading_cut_at_a_line_break_after_a_linking_word_is_one_heading() -> None:
    o = imp(
        "ĐỀ CƯƠNG BÁO CÁO\n"
        "1. Kết quả thực hiện chính sách hỗ trợ của\n"
        "Ủy ban nhân dân tỉnh:\n"
        "- Số hộ được hỗ trợ: …… hộ\n"
        "2. Khó khăn, vướng mắc trong\n"
        "quá trình triển khai\n"
    )
    secs = {s.title for s in o.sections}
    assert "Kết quả thực hiện chính sách hỗ trợ của Ủy ban nhân dân tỉnh" in secs or any(
        "của Ủy ban nhân dân tỉnh" in p for p in prompts(o))
    assert any(p.startswith("Khó khăn, vướng mắc trong quá trình triển khai") for p in prompts(o))
