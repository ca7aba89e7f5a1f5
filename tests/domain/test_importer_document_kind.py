"""A letter, a decision or a guidance sent in place of an outline is said to be one; an outline never is."""

from dialogs.importer import import_document


def _notes(lines: list[str]) -> list[str]:
    res = import_document("\n".join(lines).encode(), "van-ban.txt")
    assert res.yaml  # a draft is still written: nothing refused, nothing dropped
    return [n["message"] for n in res.notes]


def _kind_said(notes: list[str]) -> str | None:
    return next((m for m in notes if "có vẻ là" in m), None)


def test_a_letter_with_no_blank_and_no_request_to_report_is_said_to_be_a_letter():
    for lines in (["SỞ VĂN HÓA VÀ THỂ THAO", "Số: 88/SVHTT-VP", "V/v lịch trực Tết Nguyên đán 2026",
                   "Kính gửi: Các phòng, đơn vị thuộc Sở", "1. Thời gian trực", "- Từ ngày 14/02 đến hết ngày 22/02/2026.",
                   "2. Nhiệm vụ của người trực", "Nắm tình hình, xử lý kịp thời các việc phát sinh trong ngày."],
                  ["UBND HUYỆN AN PHÚ", "V/v tổ chức hội nghị cán bộ, công chức năm 2026", "Kính gửi: Thủ trưởng các cơ quan",
                   "1. Thành phần tham dự", "2. Thời gian, địa điểm", "Hội trường Ủy ban, 8 giờ ngày 10/01/2026."]):
        said = _kind_said(_notes(lines))
        assert said and "công văn" in said and "phụ lục" in said, said


def test_a_decision_is_said_to_be_a_decision():
    said = _kind_said(_notes(["ỦY BAN NHÂN DÂN TỈNH", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác liên ngành",
                              "Xét đề nghị của Giám đốc Sở Nội vụ,", "QUYẾT ĐỊNH:", "Điều 1. Thành lập Tổ công tác …",
                              "Điều 2. Tổ công tác có nhiệm vụ …", "Điều 3. Quyết định có hiệu lực từ ngày ký."]))
    assert said and "quyết định" in said


def test_a_letter_that_asks_for_a_report_or_an_outline_with_blanks_is_never_said_to_be_a_letter():
    asking = ["SỞ Y TẾ", "V/v báo cáo sơ kết công tác phòng chống dịch 6 tháng", "Kính gửi: Các trung tâm y tế",
              "1. Kết quả đạt được", "2. Tồn tại, hạn chế", "3. Đề xuất, kiến nghị"]
    request = ["SỞ NỘI VỤ", "V/v công tác thi đua năm 2026", "Kính gửi: Các phòng, ban",
               "Đề nghị các đơn vị báo cáo các nội dung sau:", "1. Số tập thể được khen thưởng", "2. Số cá nhân được khen thưởng"]
    form = ["PHIẾU THÔNG TIN", "Kính gửi: Ủy ban nhân dân xã", "1. Họ và tên: ……………", "2. Số điện thoại: ……………"]
    for lines in (asking, request, form):
        assert _kind_said(_notes(lines)) is None, lines


def test_an_attachment_named_but_missing_is_said():
    notes = _notes(["BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "V/v tổng kết 5 năm thực hiện Đề án",
                    "Kính gửi: Ủy ban nhân dân các tỉnh", "Đề nghị các địa phương tổng kết và báo cáo về Bộ trước 30/6.",
                    "(Có đề cương báo cáo kèm theo)"])
    assert any("đề cương gửi kèm" in m and ".docx" in m for m in notes), notes
    assert _kind_said(notes) is None  # it asks for a report: not «only a letter»


def test_a_regular_report_that_names_no_period_says_so_and_what_to_write():
    for title in ("BÁO CÁO ĐỊNH KỲ TÌNH HÌNH AN TOÀN THỰC PHẨM", "Báo cáo định kỳ công tác phòng cháy, chữa cháy"):
        res = import_document("\n".join([title, "1. Số vụ việc phát sinh: …… vụ", "2. Số người bị ảnh hưởng: …… người"]).encode(),
                              "bao-cao.txt")
        period = next(n["message"] for n in res.notes if n.get("key") == "period")
        assert "định kỳ" in period and "kind: monthly" in period, period
        assert res.data["period"]["kind"] == "campaign"


def _respondents(lines: list[str]) -> list[str]:
    return import_document("\n".join(lines).encode(), "bao-cao.txt").data["respondents"]


def test_the_province_heading_a_page_sends_it_the_provinces_named_as_addressees_answer_it():
    body = ["BÁO CÁO KẾT QUẢ CÔNG TÁC THI ĐUA NĂM", "1. Số tập thể được khen thưởng: …… tập thể"]
    for head in (["ỦY BAN NHÂN DÂN TỈNH YÊN BÁI", "Số: 12/BC-UBND"], ["UBND TỈNH SƠN LA", "SỞ NỘI VỤ"]):
        assert "tinh" not in _respondents(head + body), head
    for asked in (["Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"],
                  ["Kính gửi: UBND tỉnh, thành phố"]):
        assert "tinh" in _respondents(["BỘ NỘI VỤ", *asked, *body]), asked


def test_a_forms_fields_keep_the_order_it_prints_them_in():
    for lines in (["TỜ KHAI ĐĂNG KÝ HỌC NGHỀ", "Họ và tên: ……………", "Số căn cước: ……………", "Số điện thoại: ………… Email: …………",
                   "Dân tộc: ………… Tôn giáo: …………", "Nghề đăng ký học: ……………"],
                  ["PHIẾU ĐĂNG KÝ", "Tên đơn vị: ……………", "Nơi sinh: ……………", "Ngày sinh: ………… Giới tính: …………",
                   "Quê quán: ……………"]):
        res = import_document("\n".join(lines).encode(), "to-khai.txt")
        prompts = [q["prompt"] for s in res.data["sections"] for q in s.get("items", []) if "prompt" in q]
        want = [p.strip() for line in lines[1:] for p in line.replace("…", "").split(":") if p.strip()]
        assert prompts == want, prompts
