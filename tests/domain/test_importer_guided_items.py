"""Made-up forms explained item by item: 'code. Label: how to fill it' ('B2.1. Tên trạm: Ghi tên …') and 'Mục “3. Label”:
Ghi …' → one ask per item, the label its prompt (no code, no quotes), the guidance its help, the type from the label or
from the guidance (a date written 'ngày/tháng/năm', a choice of the kinds it names or quotes)."""

from __future__ import annotations

from tests.support.importing import imp


def _asks(o) -> dict[str, tuple[str, list[str], str]]:
    return {r.question.prompt: (r.question.type, [x.label for x in r.question.options or []], r.question.help or "")
            for r in o.refs}


def test_coded_items_with_their_guidance_are_asks_typed_by_label_and_guidance() -> None:
    text = ("PHIẾU THÔNG TIN TRẠM Y TẾ\n"
            "C2.1. Tên trạm: Ghi tên trạm theo quyết định thành lập, không viết tắt.\n"
            "C2.2. Ngày đi vào hoạt động: Ghi theo biên bản bàn giao, dạng ngày/tháng/năm.\n"
            "C2.3. Hạng trạm: Chọn một trong ba hạng I, II, III theo phân loại của Sở.\n"
            "C2.4. Có bác sĩ thường trực: Ghi “Có” hoặc “Không”.\n")
    got = _asks(imp(text))
    assert got["Tên trạm"][0] == "text" and got["Tên trạm"][2].startswith("Ghi tên trạm theo quyết định")
    assert got["Ngày đi vào hoạt động"][0] == "date"
    assert got["Hạng trạm"][:2] == ("choice", ["I", "II", "III"])
    assert got["Có bác sĩ thường trực"][0] == "yesno"
    assert not any(p.startswith("C2.") for p in got)


def test_coded_items_under_a_heading_and_two_codes_over_two_labels() -> None:
    text = ("PHIẾU KHẢO SÁT HỢP TÁC XÃ\n"
            "I. THÔNG TIN CHUNG\n"
            "H1.1. Tên hợp tác xã: Ghi đúng tên trong giấy chứng nhận đăng ký hợp tác xã.\n"
            "H1.2, H1.3. Điện thoại, thư điện tử: Nếu có nhiều số thì ghi số của bộ phận kế toán.\n"
            "H1.4. Loại hình: Chọn một trong các loại: nông nghiệp, thủy sản, dịch vụ.\n")
    o = imp(text)
    got = _asks(o)
    assert set(got) >= {"Tên hợp tác xã", "Điện thoại", "Thư điện tử", "Loại hình"}, got
    assert got["Loại hình"][:2] == ("choice", ["Nông nghiệp", "Thủy sản", "Dịch vụ"])
    assert got["Điện thoại"][2].startswith("Nếu có nhiều số")
    assert all(r.section_number.startswith("I") for r in o.refs)


def test_quoted_items_with_their_guidance() -> None:
    text = ("HƯỚNG DẪN GHI TỜ KHAI\n"
            "Phần II. Thông tin về người khai\n"
            "- Mục “1. Họ, chữ đệm và tên” và Mục “2. Tên gọi khác”: Ghi bằng chữ in hoa, đủ dấu.\n"
            "- Mục “3. Ngày sinh”: Ghi theo giấy khai sinh.\n"
            "- Mục “4. Nghề nghiệp” (hoặc Công việc): Ghi công việc chính đang làm.\n")
    got = _asks(imp(text))
    assert got["Họ, chữ đệm và tên"][0] == "text" and got["Tên gọi khác"][0] == "text"
    assert got["Ngày sinh"][0] == "date"
    assert got["Nghề nghiệp"][2].startswith("Ghi công việc chính")
    assert not any("Mục" in p for p in got)


def test_a_question_then_what_it_is_for_is_the_question_with_its_note() -> None:
    text = ("BẢNG HỎI HỘ DÂN\n"
            "Câu A1: Tên chủ hộ\n"
            "Địa chỉ hộ trên có đúng không?: Phần này để kiểm tra lại địa chỉ. Chọn “Có” nếu đúng.\n"
            "Gia đình dùng bao nhiêu khối nước mỗi tháng?: Hỏi theo hóa đơn gần nhất của hộ.\n")
    got = _asks(imp(text))
    assert got["Địa chỉ hộ trên có đúng không?"][0] == "yesno"
    assert got["Địa chỉ hộ trên có đúng không?"][2].startswith("Phần này để kiểm tra")
    assert "Gia đình dùng bao nhiêu khối nước mỗi tháng?" in got
    assert not any(p.startswith(("Phần này", "Hỏi theo")) or "?:" in p for p in got), got


def test_a_survey_code_with_a_note_beside_it() -> None:
    text = ("BẢNG HỎI HỘ DÂN\nCâu H1_1: Xã\nCâu H1_2_(mã của thôn): Tên chủ hộ\nCâu H1_3 (ghi bằng chữ in hoa): Tên người trả lời\n")
    got = _asks(imp(text))
    assert {"Xã", "Tên chủ hộ", "Tên người trả lời"} <= set(got), got
    assert got["Tên chủ hộ"][0] == "text"
