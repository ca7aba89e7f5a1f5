"""Titles of web pages (issue 21): the document's own name line, never the site's headline, a file name or the
agency header — a bare name and its 'V/v' subject on a page squeezed onto one line, a letter's subject that names
no report yielding to the report its sentences ask for, a page's name repeated with its punctuation lost. Made-up
text of the pages' shapes, each with a case that must stay as it was."""

from __future__ import annotations

from dialogs.importer import import_document
from dialogs.importer.naming import asked_report_wins, squeezed_subject, trim_run_on


def _title(lines: list[str]) -> str:
    return import_document("\n".join(lines).encode(), "trang.txt").data["title"]


SQUEEZED = ("Mẫu KT-02 (Ban hành kèm theo Quyết định số 88/QĐ-ĐHTB ngày 02/01/2031) TRƯỜNG ĐẠI HỌC TÂY BẮC ĐƠN VỊ... "
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Sơn La, ngày tháng năm 20 TỜ TRÌNH V/v đề "
            "nghị Giám đốc công nhận danh hiệu lao động tiên tiến cho tập thể và cá nhân Năm học Căn cứ Quyết định số "
            "/QĐ-ĐHTB ngày / /2030 của Hiệu trưởng về việc ban hành Quy định thi đua; Đơn vị đề nghị:")


def test_a_squeezed_pages_bare_name_and_its_subject_make_the_title():
    assert squeezed_subject(SQUEEZED) == ("TỜ TRÌNH đề nghị Giám đốc công nhận danh hiệu lao động tiên tiến cho tập "
                                          "thể và cá nhân")
    assert _title(["Kích thước: px", "Bản ghi", SQUEEZED]) == (
        "Tờ trình đề nghị Giám đốc công nhận danh hiệu lao động tiên tiến cho tập thể và cá nhân")
    assert squeezed_subject("TỜ TRÌNH V/v đề nghị khen thưởng năm học") is None  # a short line: its own name line


LETTER = ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 412/SNN-VP", "V/v: Chuẩn bị sơ kết công tác 6 tháng đầu năm 2031",
          "Kính gửi: Các phòng, đơn vị thuộc Sở",
          "Để chuẩn bị sơ kết công tác 6 tháng đầu năm 2031, Sở đề nghị các đơn vị chuẩn bị Báo cáo sơ kết tình hình "
          "thực hiện nhiệm vụ 6 tháng đầu năm 2031 và phương hướng công tác 6 tháng cuối năm.",
          "Nội dung báo cáo tập trung đánh giá kết quả nổi bật; nêu những tồn tại, hạn chế; những kiến nghị, đề xuất.",
          "Báo cáo gửi về Văn phòng Sở trước ngày 20/6/2031."]


def test_a_letters_subject_naming_no_report_yields_to_the_report_it_asks_for():
    assert _title(LETTER).startswith("Báo cáo sơ kết tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2031")


def test_a_subject_that_names_its_report_or_a_forms_own_heading_stays():
    asked = "Báo cáo chỉ tiêu thống kê ngành nông nghiệp do Sở ban hành"
    assert not asked_report_wins("chỉ tiêu báo cáo thống kê ngành nông nghiệp", asked,
                                 ["V/v chỉ tiêu báo cáo thống kê ngành nông nghiệp"])
    assert not asked_report_wins("Xếp loại học lực, hạnh kiểm học kỳ I", "Báo cáo xếp loại học lực, hạnh kiểm học kỳ I",
                                 ["TRƯỜNG THCS AN LẠC", "XẾP LOẠI HỌC LỰC, HẠNH KIỂM HỌC KỲ I"])


def test_a_pages_name_repeated_without_its_comma_is_cut_where_it_starts_again():
    assert trim_run_on("Kế hoạch thu, chi quỹ hội Kế hoạch thu chi quỹ hội năm 2031") == "Kế hoạch thu, chi quỹ hội"
    assert trim_run_on("Danh mục tài sản hằng năm hoặc danh mục tài sản bổ sung") == (
        "Danh mục tài sản hằng năm hoặc danh mục tài sản bổ sung")


def test_a_sites_links_and_a_tables_column_header_are_never_the_title():
    for chrome in ("Trang chủ", "Xem mẫu", "Trang chủBlogs Sổ tay Mẫu biểu"):
        title = _title([chrome, "1. Thời gian chờ khám phù hợp: ……", "2. Nhân viên hướng dẫn rõ ràng: ……"])
        assert title != chrome and not title.startswith("Trang chủ"), title
    coded = _title(["Biểu: 2/BCX", "STT", "I", "Chỉ tiêu", "Số lượng: ……", "Ghi chú: ……"])
    assert not coded.startswith("STT"), coded
    named = _title(["Biểu: 3/BCX", "TÌNH HÌNH NHÂN LỰC Y TẾ XÃ", "STT", "Chỉ tiêu", "Số lượng: ……"])
    assert named == "Tình hình nhân lực y tế xã", named


def test_a_sites_headline_with_the_act_a_form_comes_with_yields_to_the_forms_name():
    coded = _title(["Biểu mẫu báo cáo ban hành kèm theo Thông tư 05/2031/TT-BYT", "Biểu 05/BCX",
                    "Tình hình khám chữa bệnh tại trạm y tế", "STT | Chỉ tiêu | Số lượng", "1 | Số lượt khám | "])
    assert coded == "Tình hình khám chữa bệnh tại trạm y tế", coded
    act = _title(["Biểu 07/BCX", "Ban hành theo Thông tư số 05/2031/TT-BYT ngày 02/3/2031", "STT | Chỉ tiêu | Số lượng",
                  "1 | Số lượt khám | "])
    assert not act.startswith("Ban hành"), act  # the act a form comes with is never its name


def test_a_name_ending_in_its_periods_blank_is_the_name_without_it():
    title = _title(["Mẫu số 02/BC ban hành kèm theo Thông tư 12/2030/TT-BNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "Tình hình sử dụng biên chế công chức năm ……",
                    "1. Số biên chế được giao: …… người", "2. Số biên chế có mặt: …… người"])
    assert title == "Báo cáo tình hình sử dụng biên chế công chức năm", title
    assert trim_run_on("Báo cáo kết quả công tác tháng …") == "Báo cáo kết quả công tác tháng"
    assert trim_run_on("Báo cáo công tác năm 2031") == "Báo cáo công tác năm 2031"
