"""Pages with no form body at all (issue 21): a news item about a conference or a report, a page that only lists
forms to download, a legal text cut after its preamble. Each is said in an unsure point that tells what to paste or
import instead, and its prose is asked nothing; an outline — in prose, or under a site's chrome — never is. Made-up
text of the pages' shapes."""

from __future__ import annotations

from dialogs.importer.document_kind import page_kind
from tests.support.importing import import_page

NEWS = [
    "Trang chủ | Tin tức | Liên hệ",
    "Sơ kết công tác khuyến học 6 tháng đầu năm 2031",
    "(Báo Miền Tây) - Chiều 12/7, Hội Khuyến học huyện Đông Lâm tổ chức hội nghị sơ kết công tác khuyến học 6 tháng "
    "đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2031.",
    "Hội nghị đã đánh giá kết quả hoạt động của các chi hội, chỉ rõ những tồn tại, nguyên nhân; đề ra phương hướng, "
    "nhiệm vụ, giải pháp trọng tâm trong thời gian tới.",
    "Báo cáo tại hội nghị cho thấy, 6 tháng qua toàn huyện trao 850 suất học bổng cho học sinh nghèo vượt khó.",
    "Phát biểu tại hội nghị, Chủ tịch Hội đề nghị các chi hội tiếp tục đổi mới nội dung, phương thức hoạt động; đánh "
    "giá đúng thực chất phong trào, kịp thời nhân rộng các mô hình hay.",
    "Tin, ảnh: Thanh Hà",
]

FORMS_LIST = [
    "Trang chủ > Biểu mẫu > Hành chính",
    "Trọn bộ mẫu báo cáo công tác tháng dùng cho cơ quan, đơn vị",
    "1. Mẫu báo cáo công tác tháng của phòng chuyên môn",
    "Tải về",
    "2. Mẫu báo cáo kết quả thực hiện nhiệm vụ tháng của công chức",
    "Tải về file Word",
    "3. Mẫu báo cáo tình hình hoạt động tháng của tổ dân phố",
    "Tải về file PDF",
    "- mau-bao-cao-thang-cua-truong-hoc.docx",
]

PREAMBLE = [
    "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 07/2031/TT-BVHTTDL",
    "Hà Nội, ngày 14 tháng 3 năm 2031",
    "THÔNG TƯ",
    "Quy định chế độ báo cáo thống kê ngành văn hóa, thể thao và du lịch",
    "Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2025;",
    "Căn cứ Nghị định số 41/2029/NĐ-CP ngày 02 tháng 4 năm 2029 của Chính phủ quy định chức năng, nhiệm vụ của Bộ;",
    "Theo đề nghị của Vụ trưởng Vụ Kế hoạch, Tài chính;",
    "Bộ trưởng ban hành Thông tư quy định chế độ báo cáo thống kê ngành văn hóa, thể thao và du lịch.",
]


def _page_note(res) -> str | None:
    return next((n["message"] for n in res.notes if n["message"].startswith(("trang có vẻ", "trang chỉ có"))), None)


def _prompts(res) -> list[str]:
    out = []
    for s in res.data["sections"]:
        out.extend(q["prompt"] for q in s.get("items", []) if "prompt" in q)
    return out


def test_a_news_item_about_a_conference_is_said_and_its_sentences_are_asked_nothing():
    res = import_page(NEWS)
    said = _page_note(res)
    assert said and "bài tin" in said and ".docx" in said, res.notes
    assert _prompts(res) == ["Nội dung báo cáo"]  # no 'Phương hướng, nhiệm vụ' from the conference's account
    assert "# ? trang có vẻ là một bài tin" in res.yaml
    with_date = ["Hội thảo chuyển đổi số ngành nông nghiệp",
                 "CTTĐT - Ngày 3-9, Sở Nông nghiệp tổ chức hội thảo về chuyển đổi số trong sản xuất nông nghiệp trên "
                 "địa bàn tỉnh, với sự tham dự của hơn 200 đại biểu.",
                 "Theo báo cáo của Sở, đến nay 60% hợp tác xã đã ứng dụng phần mềm quản lý."]
    assert page_kind(with_date, 0) == "news"


def test_a_news_item_relaying_a_request_keeps_its_asks():
    relayed = ["Rà soát đội ngũ cán bộ y tế cơ sở",
               "(Báo Miền Tây) - Ngày 5/3, Sở Y tế có văn bản đề nghị các trung tâm y tế rà soát đội ngũ cán bộ y tế "
               "xã và gửi kết quả về Sở trước ngày 20/3/2031.",
               "Báo cáo nêu rõ số cán bộ hiện có, số còn thiếu, những khó khăn, vướng mắc và đề xuất, kiến nghị."]
    assert page_kind(relayed, 0) is None
    res = import_page(relayed)
    assert _page_note(res) is None
    assert len(_prompts(res)) >= 2, _prompts(res)


def test_a_page_listing_forms_to_download_is_said_and_no_name_of_a_form_is_asked():
    res = import_page(FORMS_LIST)
    said = _page_note(res)
    assert said and "liệt kê tên các mẫu" in said and "tải tệp" in said, res.notes
    assert not any(p.startswith("Mẫu") for p in _prompts(res)), _prompts(res)


def test_a_letter_listing_the_forms_to_fill_is_no_list_of_forms():
    letter = ["SỞ TƯ PHÁP", "V/v báo cáo công tác hòa giải năm 2031", "Kính gửi: Phòng Tư pháp các huyện",
              "Đề nghị các đơn vị báo cáo theo các mẫu sau:", "1. Mẫu số 01: Báo cáo kết quả hòa giải ở cơ sở",
              "2. Mẫu số 02: Báo cáo số tổ hòa giải và hòa giải viên", "3. Mẫu số 03: Báo cáo kinh phí hòa giải"]
    assert page_kind(letter, 0) is None


def test_a_legal_texts_preamble_alone_is_said_with_what_to_paste():
    res = import_page(PREAMBLE)
    said = _page_note(res)
    assert said and "phần mở đầu" in said and "Phụ lục" in said, res.notes
    assert _prompts(res) == ["Nội dung báo cáo"]


def test_a_legal_text_with_its_articles_is_no_preamble():
    whole = [*PREAMBLE, "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
             "Thông tư này quy định chế độ báo cáo thống kê ngành.", "Điều 2. Đối tượng áp dụng",
             "Các cơ quan, đơn vị thuộc Bộ."]
    assert page_kind(whole, 0) is None


def test_an_outline_in_prose_is_imported_as_before():
    prose = ["ĐỀ CƯƠNG BÁO CÁO", "Tổng kết 5 năm thực hiện Đề án phát triển du lịch cộng đồng",
             "Báo cáo đánh giá kết quả thực hiện Đề án giai đoạn 2026 - 2030, nêu rõ những kết quả đạt được, tồn tại, "
             "hạn chế và nguyên nhân; đề xuất nhiệm vụ, giải pháp giai đoạn tiếp theo."]
    res = import_page(prose)
    assert _page_note(res) is None
    assert len(_prompts(res)) >= 2, _prompts(res)


def test_chrome_around_a_real_outline_keeps_the_outline():
    page = ["Trang chủ | Tin tức | Văn bản | Liên hệ", "Tin, ảnh: Ban biên tập",
            "BÁO CÁO KẾT QUẢ CÔNG TÁC KHUYẾN HỌC NĂM 2031",
            "1. Số chi hội khuyến học: ……… chi hội", "2. Số hội viên: ……… người",
            "3. Số suất học bổng đã trao: ……… suất", "Tải về", "Tin liên quan", "Mẫu báo cáo tổng kết năm học",
            "Mẫu báo cáo sơ kết học kỳ", "Mẫu báo cáo thi đua"]
    res = import_page(page)
    assert _page_note(res) is None
    prompts = _prompts(res)
    assert any(p.startswith("Số chi hội khuyến học") for p in prompts), prompts
    assert res.data["title"].startswith("Báo cáo kết quả công tác khuyến học")


def test_a_news_item_saying_a_body_asked_for_a_report_is_no_mere_news():
    asked = ["Tăng cường phòng chống dịch bệnh trên gia súc",
             "(Báo Miền Tây) - Ngày 5/3, Ủy ban nhân dân tỉnh có văn bản yêu cầu các huyện tăng cường phòng chống "
             "dịch bệnh trên gia súc, gia cầm.",
             "Ủy ban đề nghị các huyện báo cáo tình hình dịch bệnh, số gia súc bị tiêu hủy và kinh phí hỗ trợ."]
    assert page_kind(asked, 0) is None


def test_other_shapes_of_the_three_kinds():
    just_done = ["Hội nghị tổng kết công tác thi đua ngành giáo dục",
                 "Sở Giáo dục và Đào tạo vừa tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm học 2030 - 2031 "
                 "với sự tham dự của lãnh đạo các phòng giáo dục.",
                 "Báo cáo tại hội nghị cho thấy toàn ngành có 45 tập thể đạt danh hiệu tập thể lao động xuất sắc."]
    assert page_kind(just_done, 0) == "news"
    files = ["Biểu mẫu công tác văn thư", "Sổ đăng ký văn bản đến (file Word)", "Sổ đăng ký văn bản đi (file Word)",
             "Phiếu gửi văn bản - Tải về", "Giấy giới thiệu mẫu mới (PDF)"]
    assert page_kind(files, 0) == "list"
    decision = ["ỦY BAN NHÂN DÂN HUYỆN BẮC SƠN", "QUYẾT ĐỊNH", "Về việc ban hành Quy chế báo cáo thống kê",
                "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                "Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2025;", "Xét đề nghị của Trưởng phòng Tài chính - Kế hoạch,",
                "QUYẾT ĐỊNH:", "Văn bản liên quan", "Lược đồ", "Tải văn bản", "Văn bản gốc", "Văn bản tiếng Anh"]
    assert page_kind(decision, 0) == "preamble"


def test_a_news_item_listing_what_a_review_must_cover_keeps_its_asks():
    contents = ["Tổ chức sơ kết 3 năm xây dựng xã điển hình về an ninh trật tự",
                "(Báo Miền Tây) - Ngày 4/5, Ban Chỉ đạo tỉnh đã tổ chức hội nghị triển khai kế hoạch sơ kết 3 năm xây "
                "dựng xã, phường điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc.",
                "Theo đó, nội dung sơ kết gồm: đánh giá công tác lãnh đạo, chỉ đạo của cấp ủy, chính quyền; kết quả đạt "
                "được; những cách làm hay, kinh nghiệm tốt; tồn tại, hạn chế và nguyên nhân."]
    assert page_kind(contents, 0) is None


def test_an_outline_asking_what_was_done_is_no_news():
    asks = ["1. Kết quả", "Ủy ban nhân dân huyện đã ban hành bao nhiêu văn bản chỉ đạo về công tác cải cách hành chính "
            "trong năm 2031?", "- Số hồ sơ đã giải quyết đúng hạn…; đạt tỷ lệ … %"]
    assert page_kind(asks, 0) is None
    bullets = ["Tình hình triển khai", "Sở Nội vụ đã tổ chức hội nghị triển khai công tác thi đua năm 2031 với các "
               "phòng, ban chuyên môn.", "- Số phong trào thi đua đã phát động", "- Số tập thể được khen thưởng",
               "- Số cá nhân được khen thưởng"]
    assert page_kind(bullets, 0) is None


def test_a_report_saying_what_was_done_under_its_heading_is_no_news():
    report = ["BÁO CÁO SÁNG KIẾN", "1. Sự cần thiết của sáng kiến",
              "Những năm qua tỉnh đã ban hành nhiều văn bản chỉ đạo và đã tổ chức thực hiện nghiêm túc ở tất cả các "
              "cơ quan, đơn vị trên địa bàn.", "2. Hiệu quả của sáng kiến"]
    assert page_kind(report, 0) is None
