"""Made-up documents for two mechanisms: a petition's addressee blank ('Kính gửi: ……' in an ĐƠN, a GIẤY/VĂN BẢN ĐỀ
NGHỊ, a TỜ KHAI) is one text ask, while a letter's or a report's printed addressees are not; and a measure's unit
named in brackets or after a blank ('Diện tích lúa bị ngập úng (ha)', '…: …… triệu đồng/người/năm') types the figure
(a decimal, a sum of money) and keeps the unit."""

from __future__ import annotations

from dialogs.importer.addressee import addressee_asks, petition
from dialogs.importer.ask_types import guess_type
from dialogs.importer.forms import blank_fields
from tests.support.importing import imp

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
FIELDS = "Họ và tên: ……………………\nĐịa chỉ thường trú: ……………………\nSố điện thoại: ……………………\n"


def _asks(o) -> dict[str, tuple[str, str | None]]:
    return {r.question.prompt: (r.question.type, r.question.unit) for r in o.refs}


def _addressed(o) -> list[str]:
    return [r.question.prompt for r in o.refs if r.question.prompt.startswith("Kính gửi")]


# 1. a petition's addressee to write


def test_a_petitions_bare_addressee_blank_is_one_text_ask() -> None:
    for name, line in (("ĐƠN XIN CẤP LẠI GIẤY CHỨNG NHẬN", "Kính gửi: ………………………………"),
                       ("GIẤY ĐỀ NGHỊ HỖ TRỢ HỌC PHÍ", "Kính gửi: (3)……………………………"),
                       ("TỜ KHAI ĐĂNG KÝ TẠM TRÚ", "Kính gửi:..............5.............."),
                       ("ĐỀ NGHỊ TỔ CHỨC HỘI THI", "Kính gửi (1): ……………………")):
        o = imp(MOTTO + name + "\n" + line + "\n" + FIELDS)
        assert _addressed(o) == ["Kính gửi"], name
        assert _asks(o)["Kính gửi"][0] == "text"
        assert "Họ và tên" in _asks(o), name


def test_a_placeholder_in_brackets_names_what_to_write() -> None:
    for name, line, want in (
        ("VĂN BẢN ĐỀ NGHỊ HOÀN THUẾ", "Kính gửi: ...(Tên cơ quan thuế).....", "Kính gửi (Tên cơ quan thuế)"),
        ("ĐƠN ĐĂNG KÝ DỰ TUYỂN", "Kính gửi: ……(tên đơn vị tuyển dụng)……", "Kính gửi (Tên đơn vị tuyển dụng)"),
        ("PHIẾU ĐĂNG KÝ THAM GIA", "Kính gửi: (Ban tổ chức cuộc thi)", "Kính gửi (Ban tổ chức cuộc thi)"),
    ):
        o = imp(MOTTO + name + "\n" + line + "\n" + FIELDS)
        assert _addressed(o) == [want], name


def test_a_generic_body_to_complete_keeps_its_words() -> None:
    for name, line, want in (
        ("ĐƠN ĐỀ NGHỊ XÁC NHẬN", "Kính gửi: Ủy ban nhân dân xã/phường/thị trấn …………………",
         "Kính gửi: Ủy ban nhân dân xã/phường/thị trấn"),
        ("GIẤY ĐỀ NGHỊ CẤP BẢN SAO", "Kính gửi: Phòng Tư pháp quận/huyện", "Kính gửi: Phòng Tư pháp quận/huyện"),
        ("ĐƠN KHIẾU NẠI", "Kính gửi: – Trường Trung học cơ sở……", "Kính gửi: Trường Trung học cơ sở"),
    ):
        o = imp(MOTTO + name + "\n" + line + "\n" + FIELDS)
        assert _addressed(o) == [want], name
        assert _asks(o)[want][0] == "text"


def test_the_reader_on_its_own() -> None:
    assert petition("ĐƠN XIN VÀO ĐẢNG") and petition("Giấy đề nghị xét duyệt") and petition("Tờ khai thuế")
    assert not petition("BÁO CÁO TÌNH HÌNH SỬ DỤNG LAO ĐỘNG") and not petition("Công văn đôn đốc")
    assert not petition("Đơn vị báo cáo")  # a form's word 'Đơn vị', not a petition
    assert [a.prompt for a in addressee_asks("Kính gửi: ……", "Đơn đề nghị")] == ["Kính gửi"]
    assert addressee_asks("Họ và tên: ……", "Đơn đề nghị") == []


def test_an_addressee_whose_blanks_have_labels_asks_the_labels() -> None:
    # 'Kính gửi: Chi ủy: …… Đảng ủy: ……' names its own blanks: they ask, not the 'Kính gửi'
    assert addressee_asks("Kính gửi: Chi ủy:……………", "ĐƠN XIN VÀO ĐẢNG") == []
    assert blank_fields("Kính gửi: Chi ủy:……………") == ["Chi ủy"]


def test_negative_an_authoritys_letter_names_its_addressees() -> None:
    letter = ("ỦY BAN NHÂN DÂN TỈNH A\nSỞ TƯ PHÁP\nV/v báo cáo công tác năm 2025\nKính gửi:\n- Sở Nội vụ;\n"
              "- UBND các huyện\nĐề nghị các đơn vị báo cáo theo đề cương sau:\n1. Kết quả thực hiện\n2. Kiến nghị\n")
    o = imp(letter)
    assert _addressed(o) == []
    assert not any("Sở Nội vụ" in p or "UBND các huyện" in p for p in _asks(o))
    o = imp("BÁO CÁO TÌNH HÌNH LAO ĐỘNG\nKính gửi: - Sở Nội vụ; - UBND các huyện\n1. Số lao động\n2. Kiến nghị\n")
    assert _addressed(o) == []


def test_negative_a_report_forms_addressee_blank_is_no_ask() -> None:
    for line in ("Kính gửi (1): ……………………", "Kính gửi: …(2)…", "Kính gửi: ………………"):
        o = imp(MOTTO + "BÁO CÁO TÌNH HÌNH SỬ DỤNG LAO ĐỘNG\n" + line + "\nTên doanh nghiệp: ……………\n")
        assert _addressed(o) == [], line


def test_negative_a_petitions_printed_addressee_is_no_ask() -> None:
    for line in ("Kính gửi: Sở Tư pháp tỉnh Hà Nam", "Kính gửi: - Ban Giám hiệu; - Phòng Đào tạo"):
        o = imp(MOTTO + "ĐƠN XIN NGHỈ HỌC\n" + line + "\n" + FIELDS)
        assert _addressed(o) == [], line


# 2. a measure's unit types the figure


def test_a_unit_in_brackets_types_the_measure() -> None:
    assert guess_type("Diện tích lúa bị ngập úng (ha)")[:2] == ("decimal", "ha")
    assert guess_type("Sản lượng thóc thu hoạch (tấn)")[:2] == ("decimal", "tấn")
    assert guess_type("Diện tích rừng bị cháy (m2)")[:2] == ("decimal", "m2")
    assert guess_type("Thu nhập bình quân đầu người (triệu đồng/người/năm)")[:2] == ("money", "triệu đồng/người/năm")
    assert guess_type("Giá trị sản xuất (tỷ đồng)")[:2] == ("money", "tỷ đồng")
    assert guess_type("Số hộ bị ảnh hưởng (hộ)")[0] == "integer"


def test_negative_brackets_that_name_no_unit_type_nothing() -> None:
    assert guess_type("Tình hình sản xuất nông nghiệp (nêu cụ thể)")[0] == "longtext"
    assert guess_type("Diện tích lúa bị ngập úng (nếu có)")[0] == "longtext"
    assert guess_type("Kết quả thực hiện (Biểu 01)")[0] == "longtext"
    # a question that names a unit is still a question to answer in words
    assert guess_type("Vì sao diện tích lúa giảm so với cùng kỳ, nguyên nhân chủ yếu là gì (ha)?")[0] == "longtext"


def test_a_units_per_person_and_period_after_a_blank() -> None:
    o = imp("BÁO CÁO KẾT QUẢ SẢN XUẤT NĂM 2025\nI. KẾT QUẢ\n1. Thu nhập bình quân đầu người: …… triệu đồng/người/năm\n"
            "2. Diện tích lúa bị ngập úng (ha)\n3. Thu nhập bình quân: …… nghìn đồng/người/tháng\n"
            "4. Các khó khăn, vướng mắc\n")
    asks = _asks(o)
    assert asks["Thu nhập bình quân đầu người"] == ("money", "triệu đồng/người/năm")
    assert asks["Diện tích lúa bị ngập úng (ha)"] == ("decimal", "ha")
    assert asks["Thu nhập bình quân"] == ("money", "nghìn đồng/người/tháng")
    assert asks["Các khó khăn, vướng mắc"][0] == "longtext"


def test_a_forms_measure_after_its_blank_is_the_labels_unit() -> None:
    assert blank_fields("Diện tích đất sản xuất: …… ha") == ["Diện tích đất sản xuất (ha)"]
    assert blank_fields("Thu nhập: …… triệu đồng/người/năm") == ["Thu nhập (triệu đồng/người/năm)"]
    o = imp("PHIẾU THÔNG TIN HỘ GIA ĐÌNH\nHọ và tên chủ hộ: ……………\nThu nhập bình quân đầu người: …… triệu đồng/người/năm\n"
            "Diện tích đất sản xuất: …… ha\n")
    asks = _asks(o)
    assert asks["Thu nhập bình quân đầu người (triệu đồng/người/năm)"] == ("money", "triệu đồng/người/năm")
    assert asks["Diện tích đất sản xuất (ha)"] == ("decimal", "ha")
    assert not any(p.lower() in ("ha", "triệu đồng/người/năm") for p in asks)


def test_negative_a_word_after_a_blank_that_is_no_unit_stays_a_label() -> None:
    assert blank_fields("Họ và tên: …… Năm sinh: ……") == ["Họ và tên", "Năm sinh"]
    assert "Xã/phường" in blank_fields("Thôn: …… Xã/phường: ……")


def test_a_questionnaires_item_keeps_the_unit_its_brackets_or_its_blank_name() -> None:
    o = imp("PHIẾU ĐIỀU TRA HỘ GIA ĐÌNH\nHọ và tên chủ hộ: ………………… Năm sinh: ……\nA. NHÀ Ở\nA1. Loại nhà đang ở:\n"
            "[ ] Nhà kiên cố\n[ ] Nhà bán kiên cố\nA2. Diện tích đất ở của hộ (m2): ........\nB. THU NHẬP\n"
            "B1. Hộ có vay vốn ngân hàng không?   Có [ ]   Không [ ]\n"
            "B2. Thu nhập bình quân của hộ/tháng: ................ nghìn đồng\n"
            "B3. Nghề nghiệp chính của chủ hộ: ................ \n")
    asks = _asks(o)
    assert asks["Diện tích đất ở của hộ (m2)"] == ("decimal", "m2")
    assert asks["Thu nhập bình quân của hộ/tháng"] == ("money", "nghìn đồng")
    assert asks["Nghề nghiệp chính của chủ hộ"][0] == "text"  # negative: no unit after its blank
