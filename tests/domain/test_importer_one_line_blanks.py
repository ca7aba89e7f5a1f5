"""Made-up forms with several asks on one line: counts over age bands whose blanks are boxes ('__ __'), a label's
printed answers then the next label ('Giới tính: Nam/Nữ Ngày sinh: ……'), places by level filled in or blank, a period
by its two dates written with slashes, two points of a list on one line, a bilingual label's one-word translation."""

from __future__ import annotations

from dialogs.importer.bilingual import without_gloss
from tests.support.importing import imp


def _asks(o) -> dict[str, tuple[str, list[str]]]:
    return {r.question.prompt: (r.question.type, [x.label for x in r.question.options or []]) for r in o.refs}


def test_counts_over_age_bands_with_boxed_blanks_are_each_asked() -> None:
    for line, want in (
        ("Số trẻ dưới 5 tuổi: __ __ Số người 5-17 tuổi: __ __ Số người ≥65 tuổi: __ __",
         ["Số trẻ dưới 5 tuổi", "Số người 5-17 tuổi", "Số người ≥65 tuổi"]),
        ("Số lao động 15-< 35 tuổi: __ __ Số lao động từ 35 tuổi: __ __",
         ["Số lao động 15-< 35 tuổi", "Số lao động từ 35 tuổi"]),
    ):
        got = _asks(imp("PHIẾU THÔNG TIN HỘ\nHọ tên chủ hộ: ………………\n" + line + "\n"))
        for p in want:
            assert got.get(p, ("",))[0] == "integer", (p, got)


def test_printed_answers_then_the_next_label() -> None:
    got = _asks(imp("TỜ KHAI NGƯỜI LAO ĐỘNG\nHọ và tên: ……………\nGiới tính: Nam/Nữ Ngày sinh: ……/……/……\n"))
    assert got["Giới tính"] == ("choice", ["Nam", "Nữ"]) and got["Ngày sinh"][0] == "date"
    got = _asks(imp("PHIẾU ĐĂNG KÝ HỌC\nHọ và tên: ……………\nHình thức học: Chính quy/Vừa làm vừa học Nơi học: ……………\n"))
    assert got["Hình thức học"] == ("choice", ["Chính quy", "Vừa làm vừa học"]) and got["Nơi học"][0] == "text"
    got = _asks(imp("PHIẾU BỆNH VIỆN\nTên bệnh viện: ……………\nTuyến trực thuộc: Tỉnh/Thành phố\nHạng: ……\n"))
    assert got.get("Tuyến trực thuộc", ("text",))[0] != "choice"  # a level filled in, no answers printed


def test_places_by_level_on_one_line() -> None:
    for line, want in (("Xã: Hòa Bình Thôn: Đông Sơn", ["Xã", "Thôn"]),
                       ("Huyện: …………… Xã: …………… Ấp: ……………", ["Huyện", "Xã", "Ấp"])):
        got = _asks(imp("PHIẾU ĐIỀU TRA HỘ\n" + line + "\nHọ tên chủ hộ: ……………\n"))
        assert all(got.get(p, ("",))[0] == "text" for p in want), got
        assert not any(":" in p for p in got), got


def test_a_period_written_with_slashed_dates_is_its_two_ends() -> None:
    for line, label in (("Kỳ báo cáo từ ……/……/20xx đến ……/……/20xx", "Kỳ báo cáo"),
                        ("Thời gian thực hiện: từ …/…/…… đến …/…/……", "Thời gian thực hiện")):
        got = _asks(imp("BÁO CÁO TIẾN ĐỘ GIẢI NGÂN\nTên đơn vị: ……………\n" + line + "\n"))
        assert got.get(f"{label}: từ ngày", ("",))[0] == "date" and got.get(f"{label}: đến ngày", ("",))[0] == "date", got


def test_two_points_of_a_list_on_one_line_are_two_asks() -> None:
    text = ("ĐỀ CƯƠNG BÁO CÁO\n1. Kết quả thực hiện\n+ Đánh giá việc triển khai kế hoạch. + Những tồn tại, hạn chế.\n"
            "2. Phương hướng\n- Nhiệm vụ trọng tâm năm tới; - Các kiến nghị, đề xuất.\n")
    got = _asks(imp(text))
    assert {"Đánh giá việc triển khai kế hoạch", "Những tồn tại, hạn chế", "Nhiệm vụ trọng tâm năm tới",
            "Các kiến nghị, đề xuất"} <= set(got), got


def test_a_one_word_translation_is_no_option() -> None:
    assert without_gloss("Số/ No") == "Số" and without_gloss("Chức vụ / Position") == "Chức vụ"
    assert without_gloss("Giới tính: Nữ/Nam") == "Giới tính: Nữ/Nam" and without_gloss("Điện thoại/Email") == "Điện thoại/Email"
    got = _asks(imp("GIẤY ĐĂNG KÝ DỰ THI\nNgày/ Date: ……………\nHọ và tên: ……………\n"))
    assert got.get("Ngày", ("",))[0] == "date" and not any(t == "choice" for t, _ in got.values()), got


def test_a_cards_fields_on_one_line() -> None:
    for card, issuer in (("THẺ HỘI VIÊN", "Hội Nông dân xã cấp cho"), ("GIẤY CHỨNG NHẬN", "Phòng Giáo dục huyện cấp cho")):
        text = (f"{card.capitalize()}\nQUY ĐỊNH 1.Giữ thẻ cẩn thận 2.Mất thẻ phải báo ngay | {card} Số……..(1) {issuer}: "
                "Họ và tên: …………………….. Giới tính: Nam/Nữ Sinh ngày ….. tháng…… năm…....…. Nơi cư trú:……………….. "
                "Cấp ngày ….. tháng .....năm….. CHỦ TỊCH |\n")
        got = _asks(imp(text))
        assert got["Giới tính"] == ("choice", ["Nam", "Nữ"]) and got["Sinh ngày"][0] == "date", got
        assert got["Họ và tên"][0] == "text" and got["Cấp ngày"][0] == "date", got
        assert not any("cấp cho" in p for p in got), got
