"""The document's title (issue 21, session 24, helper i24j): the form's name under the motto over a page's title, a
slogan or a catalogue of forms; a name in capitals inside a flattened form header; the period in brackets after a
name; a cited act's date and issuer after its number. Each rule on made-up text, with a line it must not change."""

from __future__ import annotations

from dialogs.importer.headline import asked_report
from dialogs.importer.naming import form_name_wins, inner_caps_name, name_under_motto, own_name, trim_run_on
from tests.support.importing import imp


def test_the_name_under_the_motto_past_its_rule_and_date() -> None:
    lines = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        "________",
        "……, ngày … tháng … năm …",
        "GIẤY PHÉP KHAI THÁC NƯỚC NGẦM",
        "1. Cấp cho: ……",
    ]
    assert name_under_motto(lines) == "GIẤY PHÉP KHAI THÁC NƯỚC NGẦM"
    # the agency's blank with its mark beside the motto, the rule run into its second line
    lines = [
        "……(1)…… CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "------- Độc lập - Tự do - Hạnh phúc",
        "-----------",
        "THỐNG KÊ CÔNG TÁC KIỂM TRA AN TOÀN",
        "STT Ngày Nội dung",
    ]
    assert name_under_motto(lines) == "THỐNG KÊ CÔNG TÁC KIỂM TRA AN TOÀN"
    # a party paper: its header stands where the motto does
    assert name_under_motto(
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "ĐƠN XIN CHUYỂN SINH HOẠT ĐẢNG", "Kính gửi: …"]
    ) == ("ĐƠN XIN CHUYỂN SINH HOẠT ĐẢNG")
    # negative: a field under the motto is no name
    assert (
        name_under_motto(
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "Họ và tên người khai: ……"]
        )
        is None
    )


def test_which_first_name_yields_to_the_form_name() -> None:
    form = "ĐƠN XIN CHUYỂN SINH HOẠT ĐẢNG"
    assert form_name_wins("VỮNG BƯỚC DƯỚI CỜ ĐẢNG QUANG VINH", form)  # a site's slogan: no name word
    assert form_name_wins("CÁC MẪU VĂN BẢN VỀ CÔNG TÁC ĐẢNG VIÊN", form)  # a catalogue of forms
    assert form_name_wins("HƯỚNG DẪN MỘT SỐ BIỂU MẪU AN TOÀN LAO ĐỘNG", form)
    assert form_name_wins("Mẫu đơn xin chuyển đảng mới nhất", form)  # a page's title in sentence case
    # negative: the document's own name in capitals stands
    assert not form_name_wins("BÁO CÁO KẾT QUẢ CÔNG TÁC ĐẢNG NĂM 2030", form)
    assert not form_name_wins("HƯỚNG DẪN CHUYỂN SINH HOẠT ĐẢNG", form)


def test_a_register_names_itself() -> None:
    o = imp("Sổ theo dõi tiêm chủng của trẻ em\n\n1. Họ và tên trẻ: ……………\n2. Ngày sinh: ……………\n")
    assert o.title == "Sổ theo dõi tiêm chủng của trẻ em"
    assert own_name(["Sổ đăng ký khách lưu trú tại nhà nghỉ", "1. Họ và tên: ……"]) == (
        "Sổ đăng ký khách lưu trú tại nhà nghỉ"
    )


def test_a_name_in_capitals_inside_a_flattened_form_header() -> None:
    line = (
        "Biểu số: 02CS/VT Đơn vị báo cáo: …… Đơn vị nhận báo cáo: Cục Thống kê tỉnh BÁO CÁO HOẠT ĐỘNG VẬN TẢI "
        "HÀNG HÓA VÀ HÀNH KHÁCH (Tháng) Ngày nhận báo cáo: ngày 12 tháng sau tháng báo cáo"
    )
    assert inner_caps_name(line) == "BÁO CÁO HOẠT ĐỘNG VẬN TẢI HÀNG HÓA VÀ HÀNH KHÁCH"
    line = (
        "Mẫu số 05 ban hành kèm theo Thông tư số …/20…/TT-BXX của Bộ trưởng Bộ …, áp dụng cho các đơn vị sự "
        "nghiệp công lập PHIẾU KHẢO SÁT MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN Kỳ khảo sát: ……"
    )
    assert inner_caps_name(line) == "PHIẾU KHẢO SÁT MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN"
    # negatives: a short line, a long line with no name in capitals
    assert inner_caps_name("Đơn vị nhận: BÁO CÁO HOẠT ĐỘNG VẬN TẢI") is None
    assert (
        inner_caps_name(
            "Đơn vị báo cáo gửi số liệu về Cục Thống kê tỉnh trước ngày 12 hằng tháng theo mẫu "
            "đã ban hành kèm theo Thông tư, ghi rõ số liệu thực hiện và số liệu dự tính của "
            "tháng tiếp theo, THCS và THPT"
        )
        is None
    )


def test_the_period_in_brackets_after_a_name_goes() -> None:
    assert trim_run_on("Báo cáo về tuyển sinh và đào tạo nghề (6 tháng đầu năm hoặc cả năm)") == (
        "Báo cáo về tuyển sinh và đào tạo nghề"
    )
    assert trim_run_on("Báo cáo tình hình hoạt động bán lẻ (Quý) ướ") == "Báo cáo tình hình hoạt động bán lẻ"
    # negative: a bracket that is part of the name stays
    assert trim_run_on("Báo cáo kết quả thực hiện Chương trình (giai đoạn 2) tại xã") == (
        "Báo cáo kết quả thực hiện Chương trình (giai đoạn 2) tại xã"
    )


def test_a_cited_acts_date_and_issuer_leave_the_asked_reports_name() -> None:

    assert asked_report(
        [
            "Đề nghị các sở báo cáo tình hình thực hiện Nghị quyết số 07/NQ-CP ngày 12/4/2031 của Chính phủ, gửi về Sở."
        ]
    ) == ("Báo cáo tình hình thực hiện Nghị quyết số 07/NQ-CP")
    assert asked_report(
        ["Yêu cầu báo cáo kết quả thực hiện Kế hoạch số 12/KH-UBND ngày 3/2/2031 của Ủy ban nhân dân."]
    ) == ("Báo cáo kết quả thực hiện Kế hoạch số 12/KH-UBND")
    # negatives: the subject after the issuer stays; a date with no act number is the report's own
    assert asked_report(
        ["Đề nghị báo cáo kết quả thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2031 của Bộ Chính trị về học tập."]
    ) == ("Báo cáo kết quả thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về học tập")
    assert asked_report(
        ["Đề nghị báo cáo kết quả thực hiện kế hoạch tháng 12 ngày 3/2/2031 của đơn vị."]
    ) == ("Báo cáo kết quả thực hiện kế hoạch tháng 12 ngày 3/2/2031")
