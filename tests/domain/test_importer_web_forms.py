"""Forms as web pages copy them (dialogs/importer/run_on_forms.py, bilingual.py, unit_blanks.py), on made-up text: a
form run into one line cut back into its lines; a bilingual form's English gloss dropped from its labels; a unit
written after a blank and labelled blanks parted by ';' read one labelled blank a line. Lines of another shape stay
as they are."""

from __future__ import annotations

from dialogs.importer.bilingual import drop_gloss
from dialogs.importer.run_on_forms import split_run_on_form
from dialogs.importer.unit_blanks import split_field_line
from tests.support.importing import imp, prompts

RUN_ON = (
    "Mẫu số: 07/ĐK CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------- ........, ngày ....."
    "tháng ..... năm ..... TỜ KHAI ĐĂNG KÝ HỘI VIÊN Kính gửi: ....(Tên hội)..... Họ và tên: ……………………………… "
    "Ngày sinh: ………………… Nơi công tác: ……………………………………… Quận/huyện: .................. Tỉnh/thành phố:"
    "................... Điện thoại: ……………… Email: ……………… Tôi xin đăng ký tham gia hội với lý do sau: "
    "1. Lý do tham gia: - ............................................................ (Ghi rõ mong muốn, "
    "khả năng đóng góp và thời gian có thể tham gia các hoạt động của hội trong năm)"
)


def test_a_form_run_into_one_line_is_cut_at_its_labels():
    parts = split_run_on_form(RUN_ON)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in parts
    assert "TỜ KHAI ĐĂNG KÝ HỘI VIÊN" in parts
    for label in (
        "Họ và tên:",
        "Ngày sinh:",
        "Nơi công tác:",
        "Quận/huyện:",
        "Tỉnh/thành phố:",
        "Điện thoại:",
        "Email:",
        "1. Lý do tham gia:",
    ):
        assert any(p.startswith(label) for p in parts), label
    assert parts[-1].startswith("(Ghi rõ mong muốn")


def test_a_cover_run_into_one_line_with_labels_without_colons():
    line = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM PHIẾU Họ và tên người bệnh ……………………………… Ngày vào viện: ……/……/……… "
        "Khoa ………………………………………… Buồng ……………………… Giường ……………… Địa chỉ liên hệ …………………………………………… "
        "Chẩn đoán khi vào ……………………………………………… Phiếu này được giữ tại khoa trong suốt thời gian điều trị"
    )
    parts = split_run_on_form(line)
    for label in ("Họ và tên người bệnh", "Ngày vào viện:", "Khoa", "Buồng", "Giường", "Địa chỉ liên hệ"):
        assert any(p.startswith(label) for p in parts), label


def test_a_form_run_into_one_line_is_read_field_by_field():
    got = list(prompts(imp(RUN_ON)))
    for label in ("Họ và tên", "Nơi công tác", "Quận/huyện", "Tỉnh/thành phố", "Điện thoại", "Email"):
        assert label in got, (label, got)


def test_prose_or_an_outline_run_into_one_line_is_not_cut():
    prose = (
        "Các đơn vị báo cáo kết quả thực hiện ……, nêu rõ tồn tại …… và kiến nghị …… gửi về Sở trước ngày ……; "
        "nội dung báo cáo gồm các phần đã nêu tại văn bản số ……, kèm theo biểu số liệu và danh sách các xã. "
        * 2
    )
    assert split_run_on_form(prose) == [prose]
    outline = "I. Kết quả: Tên đơn vị: …… Địa chỉ: …… II. Tồn tại: Số lượng: …… Ghi chú: …… " * 3
    assert split_run_on_form(outline) == [outline]
    assert split_run_on_form("Họ và tên: …… Điện thoại: ……") == ["Họ và tên: …… Điện thoại: ……"]


def test_a_bilingual_label_loses_its_english_gloss():
    assert drop_gloss("- Họ và tên/ (Full name): ..........") == "- Họ và tên: .........."
    assert drop_gloss("Nơi sinh/Place of birth: ……") == "Nơi sinh: ……"
    assert (
        drop_gloss("ngày/ (day) .... tháng/ (month) .... năm/ (year) ....") == "ngày .... tháng .... năm ...."
    )
    assert drop_gloss("- Lý do nghỉ việc ......../ (Reason for leaving the") == "- Lý do nghỉ việc ........"


def test_a_slash_between_vietnamese_words_or_before_a_unit_stays():
    for line in (
        "Quận/huyện: ……",
        "Số sổ BHXH/Mã số BHXH: ……",
        "Khối lượng/(m3): ……",
        "Giá/(USD): ……",
        "Ho ten/ (Full name): ……",
    ):
        assert drop_gloss(line) == line


def test_a_unit_after_the_blank_becomes_the_label_s_unit():
    assert split_field_line(
        "- Sản lượng điện theo hợp đồng là..........kwh/tháng, thực tế đạt....... kwh/tháng;"
    ) == [
        "- Sản lượng điện theo hợp đồng (kwh/tháng): ……",
        "- Thực tế đạt (kwh/tháng): ……",
    ]
    line = "+ Diện tích sân phơi: ……………..m2"  # one blank with its unit: the field readers' own shape
    assert split_field_line(line) == [line]
    got = prompts(imp("1. Số liệu\n- Thời gian vận hành máy bơm...... giờ/ngày;\n"))
    assert got.get("Thời gian vận hành máy bơm", ("", ""))[1] == "decimal", got


def test_labelled_blanks_parted_by_a_semicolon_are_a_line_each():
    assert split_field_line("- Tên cơ sở .............. ; Mã số thuế: ..........") == [
        "- Tên cơ sở ..............",
        "- Mã số thuế: ..........",
    ]
    assert split_field_line("- Tình hình thu chi.......; khó khăn vướng mắc của cơ sở.............") == [
        "- Tình hình thu chi.......",
        "- Khó khăn vướng mắc của cơ sở.............",
    ]


def test_a_count_or_prose_with_blanks_is_left_to_its_readers():
    for line in (
        "- Số người tham gia …… người;",
        "Đại diện A …… người (ghi rõ họ tên), đại diện B …… người",
        "Kết quả đạt được ……; tồn tại …… và kiến nghị",
        "- Hiện trạng công trình....................",
    ):
        assert split_field_line(line) == [line]


def test_a_label_ending_in_lan_thu_asks_an_ordinal():
    got = prompts(
        imp(
            "1. Thông tin\n- Tham gia hội thi lần thứ: ..............\n- Đăng ký lần thứ (2): ..........\n"
            "- Nội dung lần thứ nhất: ..........\n"
        )
    )
    assert got["Tham gia hội thi lần thứ"][1] == "integer", got
    assert got["Đăng ký lần thứ"][1] == "integer", got
    assert got["Nội dung lần thứ nhất"][1] != "integer", got


def test_a_bullet_s_lead_over_a_line_of_labelled_blanks_asks_each_blank():
    text = (
        "1. Người đề nghị: ……………………\n– Nơi ở hiện nay:\nThôn: …….Xóm ……. Xã (phường): ………. Huyện, quận: ……….\n"
        "2. Nội dung\n– Trụ sở:\nTầng: ……… Phòng ……… Tòa nhà: ………\n"
    )
    got = prompts(imp(text))
    for label in ("Thôn", "Xóm", "Xã (phường)", "Huyện, quận", "Phòng", "Tòa nhà"):
        assert label in got, (label, got)
    assert "Nơi ở hiện nay" not in got and "Trụ sở" not in got


def test_a_bullet_s_lead_over_prose_stays_its_own_ask():
    got = prompts(imp("1. Hồ sơ\n– Địa điểm:\nTại hội trường của ủy ban xã, có đủ chỗ ngồi\n"))
    assert list(got) == ["Địa điểm"], got


def test_a_date_label_over_a_day_month_year_blank_is_one_date():
    from dialogs.importer.forms import dated_fields

    assert dated_fields("Ngày tháng năm sinh: ……../………../………………") == ["Ngày tháng năm sinh"]
    assert dated_fields("Ngày cấp ……………") == ["Ngày cấp"]
    assert dated_fields("……, ngày …… tháng …… năm ……") == []
