"""A page with no outline in it (issue 29): a blog post, a list of forms in a table, a site's menus over an article's
table of contents, a news item full of figures, raw HTML — the verdict comes from what the importer found (no blank,
box, table, asking sentence, typed ask or numbered outline), the page's prose is asked nothing and an unsure point says
what was seen and what to paste or import instead. A draft with nothing found always carries the point. A prose
outline, a letter asking for a report, a filled report and a plain numbered outline import as before. Made-up text."""

from __future__ import annotations

from dialogs.importer.not_outline import seen_kind
from tests.support.importing import import_page

BLOG = [
    "Báo Cáo Tổng Kết Công Tác Khuyến Nông Cấp Xã",
    "Báo cáo tổng kết công tác khuyến nông là một tài liệu quan trọng giúp chính quyền cấp xã nhìn lại một năm "
    "hoạt động. Bài viết này sẽ giới thiệu những nội dung thường gặp và cách trình bày cho đẹp mắt.",
    "Ý nghĩa của báo cáo",
    "Một bản báo cáo tốt giống như tấm gương phản chiếu công sức của cán bộ khuyến nông, giúp người đọc hiểu rõ "
    "những gì đã làm được trong năm qua và những việc còn dang dở.",
    "Thông thường, một bản báo cáo gồm những phần chính sau đây:",
    "  • Mô hình trình diễn: Số mô hình đã xây dựng, diện tích và hiệu quả kinh tế của từng mô hình.",
    "  • Tập huấn kỹ thuật: Các lớp tập huấn đã mở, số nông dân tham dự và mức độ áp dụng.",
    "  • Thông tin tuyên truyền: Các bản tin, chuyên mục phát thanh về khuyến nông.",
    "Chúc bạn viết được một bản báo cáo thật ấn tượng!",
]

FORMS_TABLE = [
    "Ký hiệu biểuTên biểuKỳ báo cáoNgày nhận báo cáo",
    "101.N/BCX-VHTTChính thức nămNgày 20/3 năm sau",
    "102.N/BCX-VHTTChính thức nămNgày 20/3 năm sau",
    "103.H/BCX-VHTT",
    "- Ước 6 tháng",
    "- Sơ bộ năm",
    "- Ngày 12/6",
    "- Ngày 12/12",
    "104.Q/BCX-VHTT",
    "- Quý I",
    "- Quý III",
    "- Ngày 15/4",
    "- Ngày 15/10",
    "105.N/BCX-VHTTChính thức nămNgày 31/1 năm sau",
    "106.S/BCX-VHTT6 thángNgày 15/7",
]

MENUS = [
    "Bỏ qua nội dung",
    "  • Trang chủ",
    "  • Giới thiệu công ty",
    "  • Đội ngũ chuyên gia",
    "  • Dịch vụ",
    "  • Liên hệ",
    "Trang chủ",
    "Đóng tìm kiếm",
    "  • Đặt lịch tư vấn",
    "  • Gửi yêu cầu báo giá",
    "Mẫu đơn đề nghị cấp giấy phép biểu diễn và cách ghi đơn",
    "  • bởi Chuyên viên Trần Thu Hà",
    "Mục lục bài viết",
    "  • 1 1. Giấy phép biểu diễn là gì?",
    "  • 2 2. Mẫu đơn đề nghị cấp giấy phép biểu diễn",
    "  • 3 3. Cách ghi đơn đề nghị cấp giấy phép",
]

NEWS_FIGURES = [
    "Theo số liệu tổng hợp của Ban Chỉ huy phòng, chống thiên tai tỉnh, đợt mưa lớn từ ngày 3 đến ngày 5/10 đã làm "
    "2 người bị thương, 46 nhà bị tốc mái, 120 ha lúa bị ngập úng.",
    "Về giao thông, 3 tuyến đường huyện bị sạt lở taluy dương với khoảng 1.200 m3 đất đá.",
    "Ảnh minh họa",
    "Ngay sau mưa, chính quyền các xã đã huy động lực lượng tại chỗ giúp nhân dân khắc phục hậu quả, ổn định cuộc "
    "sống.",
]

HTML_HEAD = [
    "<!DOCTYPE html>",
    '<html lang="vi">',
    "<head>",
    "<title>Kế hoạch kiểm tra nội bộ trường học năm 2031</title>",
    '<meta name="description" content="Kế hoạch kiểm tra nội bộ trường học năm 2031 - Tin tức">',
    '<meta name="author" content="Trường Tiểu học Hòa Bình">',
    '<meta property="og:type" content="website">',
    '<link rel="alternate" href="https://example.edu.vn/rss/" title="Tin tức" type="application/rss+xml">',
]

PROSE_OUTLINE = [
    "ĐỀ CƯƠNG BÁO CÁO",
    "Sơ kết 3 năm thực hiện Đề án phát triển du lịch cộng đồng",
    "Báo cáo đánh giá kết quả 3 năm thực hiện Đề án, nêu rõ những kết quả đạt được, hạn chế, khó khăn, nguyên nhân; "
    "đề xuất giải pháp thực hiện trong thời gian tới.",
]

LETTER = [
    "ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN",
    "Số: 512/UBND-VX",
    "V/v báo cáo kết quả công tác giảm nghèo năm 2031",
    "Kính gửi: Ủy ban nhân dân các huyện, thị xã",
    "Để có cơ sở tổng kết, Ủy ban nhân dân tỉnh đề nghị Ủy ban nhân dân các huyện, thị xã báo cáo các nội dung sau:",
    "- Kết quả triển khai các chính sách giảm nghèo trên địa bàn;",
    "- Những khó khăn, vướng mắc và nguyên nhân;",
    "- Kiến nghị, đề xuất với tỉnh.",
    "Báo cáo gửi về Sở Lao động trước ngày 15/12/2031.",
]

FILLED = [
    "TRƯỜNG MẦM NON HOA MAI",
    "BÁO CÁO",
    "Sơ kết học kỳ I năm học 2031-2032",
    "I. Kết quả thực hiện nhiệm vụ",
    "1. Công tác phát triển số lượng",
    "Toàn trường có 12 nhóm, lớp với 356 trẻ, tăng 20 trẻ so với cùng kỳ năm trước; tỷ lệ huy động trẻ ra lớp đạt "
    "yêu cầu của huyện giao.",
    "2. Công tác chăm sóc, nuôi dưỡng",
    "Nhà trường tổ chức bán trú cho 100% trẻ, bảo đảm an toàn vệ sinh thực phẩm, không để xảy ra ngộ độc.",
    "II. Phương hướng học kỳ II",
    "Tiếp tục duy trì sĩ số, nâng cao chất lượng chăm sóc, giáo dục trẻ.",
]

NUMBERED = [
    "ĐỀ CƯƠNG",
    "Báo cáo tổng kết công tác dân vận năm 2031",
    "I. Kết quả đạt được",
    "1. Công tác lãnh đạo, chỉ đạo",
    "2. Công tác dân vận của cơ quan nhà nước",
    "II. Hạn chế, nguyên nhân",
    "III. Phương hướng, nhiệm vụ năm 2032",
]


def _point(res) -> str | None:
    return next((n["message"] for n in res.notes
                 if n["message"].startswith(("văn bản có vẻ không phải đề cương", "không tìm thấy mục hay câu hỏi"))),
                None)


def _prompts(res) -> list[str]:
    out: list[str] = []

    def walk(items: list[dict]) -> None:
        for it in items:
            if "items" in it and "type" not in it:
                walk(it["items"])
            else:
                out.append(it["prompt"])
    for s in res.data["sections"]:
        walk(s.get("items", []))
    return out


def test_a_blog_post_describing_a_report_is_said_and_its_bullets_are_asked_nothing():
    res = import_page(BLOG)
    said = _point(res)
    assert said and "bài viết" in said and ".docx" in said, res.notes
    assert _prompts(res) == ["Nội dung báo cáo"]
    assert "# ? văn bản có vẻ không phải đề cương" in res.yaml


def test_a_table_listing_forms_their_periods_and_dates_is_said_to_be_a_list():
    res = import_page(FORMS_TABLE)
    said = _point(res)
    assert said and "danh sách tên các mẫu" in said, res.notes
    assert _prompts(res) == ["Nội dung báo cáo"]  # no 'Ước 6 tháng', 'Ngày 12/6' asks


def test_site_menus_over_an_article_contents_are_said_to_be_a_site_page():
    res = import_page(MENUS)
    said = _point(res)
    assert said and "trình đơn" in said, res.notes
    assert _prompts(res) == ["Nội dung báo cáo"]  # no 'Trang chủ', 'Liên hệ', '… là gì?' asks


def test_a_news_item_full_of_figures_is_said_and_asked_nothing():
    res = import_page(NEWS_FIGURES)
    assert _point(res), res.notes
    assert _prompts(res) == ["Nội dung báo cáo"]


def test_a_draft_with_nothing_found_always_says_what_the_page_looks_like():
    res = import_page(HTML_HEAD)
    said = _point(res)
    assert said and said.startswith("không tìm thấy mục hay câu hỏi") and "HTML" in said, res.notes
    assert _prompts(res) == ["Nội dung báo cáo"]
    assert seen_kind(HTML_HEAD) == "html"


def test_a_prose_outline_keeps_its_asks_and_gets_no_point():
    res = import_page(PROSE_OUTLINE)
    assert _point(res) is None, res.notes
    assert len(_prompts(res)) >= 3


def test_a_letter_asking_for_a_report_keeps_its_asks():
    res = import_page(LETTER)
    assert _point(res) is None, res.notes
    assert any("khó khăn" in p for p in _prompts(res)), _prompts(res)


def test_a_filled_report_keeps_its_headings():
    res = import_page(FILLED)
    assert _point(res) is None, res.notes
    assert "Công tác phát triển số lượng" in _prompts(res) or len(_prompts(res)) >= 2, _prompts(res)


def test_a_plain_numbered_outline_keeps_its_headings():
    res = import_page(NUMBERED)
    assert _point(res) is None, res.notes
    assert len(_prompts(res)) >= 3, _prompts(res)
