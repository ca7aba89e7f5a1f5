"""Round 2 of the form readers (dialogs/importer/form_labels.py), on made-up text: labels under a heading are fields,
a cover's labelled blanks are no part of its name, a period by its two ends, a count's unit after its blank, a
name over dots, a lead and its colon over several blanks."""

from __future__ import annotations

from dialogs.importer import draft_outline, import_document
from dialogs.importer.field_lines import label_type
from dialogs.importer.form_labels import (
    colon_blanks,
    counted_blank,
    date_range,
    dotted_label,
    fields_not_options,
    label_lines,
    leads_with_field,
    time_asks,
)
from dialogs.importer.forms import blank_fields, options_of
from dialogs.importer.naming import own_name
from dialogs.importer.questions import asks_from_text
from dialogs.importer.scored_items import scored_items


def _refs(text: str) -> list[tuple[str, str, str]]:
    got = draft_outline(import_document(text.encode(), "mau.txt"))
    return [(r.section_number, r.question.type, r.question.prompt) for r in got.refs]


def test_labels_under_a_heading_are_fields_not_options() -> None:
    assert label_lines(
        "A. THÔNG TIN CHUNG", ["Ngày tháng", "Tên người khảo sát", "Mã trường", "Huyện (Quận)"]
    )
    assert fields_not_options("THÔNG TIN NGƯỜI NỘP", ["Họ và tên", "Địa chỉ", "Số điện thoại", "Nghề nghiệp"])
    # a question over its answers stays a choice
    assert not fields_not_options("Anh/chị đánh giá thế nào?", ["Tốt", "Khá", "Trung bình"])
    assert options_of("Mức độ hài lòng", ["Rất hài lòng", "Hài lòng", "Không hài lòng"]) == (
        "choice",
        ["Rất hài lòng", "Hài lòng", "Không hài lòng"],
    )
    assert not label_lines("Loại hình", ["Công lập", "Tư thục", "Dân lập"])


def test_a_heading_over_field_names_asks_each_field() -> None:
    text = (
        "PHIẾU KIỂM TRA THƯ VIỆN\n\nA. THÔNG TIN CHUNG\n\nNgày tháng\n\nCấp quản lý\n\nTên người kiểm tra\n\n"
        "Mã trường\n\nTên hiệu trưởng\n\nHuyện (Quận)\n\nB. NỘI DUNG\n1. Trường có thư viện không?\n"
    )
    refs = _refs(text)
    assert ("A", "date", "Ngày tháng") in refs
    assert ("A", "text", "Tên người kiểm tra") in refs
    assert ("A", "text", "Mã trường") in refs
    assert not any(t == "choice" for _, t, _ in refs)


def test_a_cover_field_ends_the_name() -> None:
    lines = ["BÁO CÁO", "KẾT QUẢ KIỂM ĐỊNH CHẤT LƯỢNG NƯỚC", "KHU VỰC KIỂM ĐỊNH……………………", "LẦN…………NĂM……"]
    assert own_name(lines) == "BÁO CÁO KẾT QUẢ KIỂM ĐỊNH CHẤT LƯỢNG NƯỚC"
    assert leads_with_field("TRẠM ĐO ………………")
    assert not leads_with_field("QUÝ …… NĂM ……")  # a period's blank may end a name
    assert not leads_with_field("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ")


def test_a_cover_with_fields_asks_them() -> None:
    text = (
        "BÁO CÁO\n\nKẾT QUẢ KIỂM ĐỊNH CHẤT LƯỢNG NƯỚC\n\nKHU VỰC KIỂM ĐỊNH……………………\n\n"
        "Thời gian kiểm định: Từ ngày… tháng… đến ngày…. tháng…\n\nĐơn vị thực hiện:\n\n……………\n\n"
        "CHƯƠNG I. MỞ ĐẦU\n– Giới thiệu chung về đợt kiểm định\n"
    )
    refs = _refs(text)
    assert ("", "text", "KHU VỰC KIỂM ĐỊNH") in refs
    assert ("", "date", "Thời gian kiểm định: từ ngày") in refs
    assert ("", "date", "Thời gian kiểm định: đến ngày") in refs


def test_a_period_by_its_two_ends() -> None:
    assert date_range("Thời gian khảo sát: Từ ngày… tháng… đến ngày…. tháng…") == [
        "Thời gian khảo sát: từ ngày",
        "Thời gian khảo sát: đến ngày",
    ]
    assert date_range("- Thời hạn thi công từ ngày … tháng … năm … tới ngày … tháng … năm …") == [
        "Thời hạn thi công: từ ngày",
        "Thời hạn thi công: tới ngày",
    ]
    assert date_range("Từ ngày 1 tháng 3 đến ngày 5 tháng 4") == []  # no blank: nothing to fill in
    assert [a.type for a in asks_from_text("Thời gian khảo sát: Từ ngày… tháng… đến ngày…. tháng…")] == [
        "date",
        "date",
    ]


def test_a_unit_after_the_blank_counts() -> None:
    assert counted_blank("- Bản thiết kế …(bản)") == "bản"
    assert counted_blank("Số buổi tập huấn ……… (buổi)") == "buổi"
    assert counted_blank("Họ và tên …… (ghi rõ)") is None
    text = "1. Hồ sơ kèm theo gồm:\n- Bản thiết kế, bản vẽ … (bản)\n- Bản dự toán …(bản)\n- Giấy phép xây dựng.\n"
    refs = _refs(text)
    assert ("1", "integer", "Bản dự toán (bản)") in refs
    assert ("1", "yesno", "Giấy phép xây dựng") in refs


def test_a_name_over_dots_is_text() -> None:
    assert dotted_label("Tên đề tài:") == ("text", None)
    assert dotted_label("Mã số hồ sơ") == ("text", None)
    assert dotted_label("Kiến nghị") == ("longtext", None)
    refs = _refs("MÔ TẢ ĐỀ TÀI\n1. Tên đề tài:\n………..\n2. Kết quả đạt được:\n……….\n")
    assert ("1", "text", "Tên đề tài") in refs
    assert ("2", "longtext", "Kết quả đạt được") in refs


def test_a_lead_and_its_colon_over_blanks() -> None:
    asks = colon_blanks("Địa điểm: Nhà văn hóa …… thôn ……, xã ……", blank_fields, label_type)
    assert [a.prompt for a in asks] == ["Địa điểm: Nhà văn hóa", "Thôn", "Xã"]
    asks = asks_from_text("Tại: Phòng ……………… tầng ………..……, tòa nhà………")
    assert [a.prompt for a in asks] == ["Tại: Phòng", "Tầng", "Tòa nhà"]
    assert colon_blanks("Tại: Hội trường UBND xã", blank_fields, label_type) == []
    assert colon_blanks("Nội dung: nêu rõ kết quả ……", blank_fields, label_type) == []


def test_an_hour_asked() -> None:
    assert [(a.prompt, a.type) for a in time_asks("Phiên họp bế mạc vào hồi … giờ … cùng ngày.")] == [
        ("Phiên họp bế mạc vào hồi … giờ", "text")
    ]
    assert [(a.prompt, a.type) for a in time_asks("Buổi kiểm tra kết thúc lúc:")] == [
        ("Buổi kiểm tra kết thúc lúc", "text")
    ]
    assert time_asks("Hội nghị họp vào hồi … giờ … ngày … tháng … năm …") == []  # a date: the date readers
    assert time_asks("Giới thiệu đại biểu.") == []


SCORED = (
    "PHIẾU CHẤM ĐIỂM NHÀ VĂN HÓA THÔN\n\nThôn:\n……………\n\nTT\n\n\nĐẶC ĐIỂM CƠ SỞ VẬT CHẤT\n\n"
    "Diện tích khuôn viên; tính cả sân bãi,\nnhà để xe,\n1\nkhu vui chơi của thiếu\nnhi\nDưới 200 m2\nTừ 200 đến 500 m2\n"
    "Trên 500 m2\n2\n\nSố buổi sinh hoạt văn nghệ trong năm\n(tính cả buổi tập luyện)\nKhông có buổi nào\n"
    "Từ 1 đến 5 buổi\n\nCHỌN ĐIỂM\n(đánh dấu x)\n\nTrên 5 buổi\n3 Trang thiết bị âm thanh\nCó loa đài đầy đủ\n"
    "Có loa nhưng hỏng\n4 Tủ sách\nCó tủ sách từ 100 cuốn trở lên\nCó tủ sách dưới 100\ncuốn\n"
)


def test_a_flattened_scoring_sheet_asks_a_choice_per_item() -> None:
    refs = {p: (t, s) for s, t, p in _refs(SCORED)}
    assert refs["Diện tích khuôn viên"][0] == "choice"
    assert refs["Số buổi sinh hoạt văn nghệ trong năm (tính cả buổi tập luyện)"][0] == "choice"
    assert refs["Tủ sách"][0] == "choice"
    got = draft_outline(import_document(SCORED.encode(), "mau.txt"))
    books = next(r.question for r in got.refs if r.question.prompt == "Tủ sách")
    assert [o.label for o in books.options] == ["Có tủ sách từ 100 cuốn trở lên", "Có tủ sách dưới 100 cuốn"]
    heard = next(r.question for r in got.refs if r.question.prompt.startswith("Số buổi"))
    assert [o.label for o in heard.options] == ["Không có buổi nào", "Từ 1 đến 5 buổi", "Trên 5 buổi"]


def test_scored_items_variants_and_a_list_of_counts_left_alone() -> None:
    lines = [
        "TT",
        "1 Nguồn nước",
        "Nước máy",
        "Giếng khoan",
        "2 Nhà vệ sinh",
        "Tự hoại",
        "Bán tự hoại",
        "3 Phương tiện",
        "Xe máy",
        "Ô tô",
        "4 Điện",
        "Lưới quốc gia",
        "Máy phát",
    ]
    out = scored_items(lines)
    assert len(out) == 5 and out[0] == "TT" and all(x.startswith("⟦ask:") for x in out[1:])
    counts = ["Số lần đi khám trong năm", "1 lần", "2 lần", "3 lần", "4 lần", "5 lần"]
    assert scored_items(counts) == counts
    rows = ["1 Xã An Bình", "120", "2 Xã Tân Lập", "98", "3 Xã Hòa Phú", "77", "4 Xã Đông Hưng", "60"]
    assert scored_items(rows) == rows  # a table's rows with one figure each: no answers to choose


def test_a_field_whose_note_asks_to_explain_is_prose() -> None:
    from dialogs.importer.ask_types import field_type

    assert field_type("Mục tiêu của đề tài (để khắc phục điều gì)") == ("longtext", None)
    assert field_type("Cách làm (nêu các bước thực hiện)") == ("longtext", None)
    assert field_type("Người đại diện (nêu rõ họ tên)") == ("text", None)
    assert field_type("Địa chỉ (thôn, xã)") == ("text", None)
    refs = _refs(
        open_form
        := "MÔ TẢ ĐỀ TÀI\n1. Nội dung đề tài:\n- Lý do chọn (vì sao chọn đề tài):...\n- Tên nhóm:...\n"
    )
    assert ("1", "longtext", "Lý do chọn (vì sao chọn đề tài)") in refs, open_form


def test_labels_under_a_list_heading_are_fields() -> None:
    from dialogs.importer.form_labels import listed_labels

    lines = [
        "Danh sách cán bộ thực hiện:",
        "Người phụ trách kỹ thuật",
        "Các cán bộ phối hợp",
        "CHƯƠNG I. TỔNG QUAN",
    ]
    assert listed_labels(lines) == ["Người phụ trách kỹ thuật", "Các cán bộ phối hợp"]
    assert listed_labels(["Thành phần đoàn:", "Trưởng đoàn", "Thư ký đoàn"]) == ["Trưởng đoàn", "Thư ký đoàn"]
    assert listed_labels(["MỤC LỤC", "Danh mục bảng", "Danh mục hình"]) == []  # no list's heading
    assert listed_labels(["Danh sách kèm theo:", "Xem phụ lục 1."]) == []
    text = (
        "BÁO CÁO\n\nKẾT QUẢ KIỂM ĐỊNH NƯỚC\n\nDanh sách cán bộ thực hiện:\n\nNgười phụ trách kỹ thuật\n\n"
        "Những người tham gia kiểm định\n\nCHƯƠNG I. MỞ ĐẦU\n– Giới thiệu chung về đợt kiểm định\n"
    )
    refs = _refs(text)
    assert ("", "text", "Người phụ trách kỹ thuật") in refs
    assert ("", "list", "Những người tham gia kiểm định") in refs


def test_a_person_over_a_blank_is_a_name_not_a_count() -> None:
    asks = asks_from_text("– Cô (thầy): ……………………. TPT (phụ trách)")
    assert [(a.prompt, a.type) for a in asks] == [("Cô (thầy) (phụ trách) TPT", "text")]
    assert [a.type for a in asks_from_text("Ông/bà: ……… trưởng thôn")] == ["text"]
    # a label, not a person: a count
    assert [a.type for a in asks_from_text("3 sao: … sản phẩm")] == ["integer"]


def test_what_a_heading_says_it_has_is_counted() -> None:
    from dialogs.importer.scored_items import counts_after_has

    text = (
        "BẢNG TỔNG HỢP ĐOÀN VIÊN\n\nChi đoàn này có:\n\n- Đoàn viên xuất sắc:…………\n\n- Đoàn viên khá:…………\n"
    )
    refs = _refs(text)
    assert any(t == "integer" and p == "Đoàn viên xuất sắc" for _, t, p in refs)
    assert any(t == "integer" and p == "Đoàn viên khá" for _, t, p in refs)
    lines = ["Tổ sản xuất gồm có:", "- Lao động nam: ……", "- Lao động nữ: ……"]
    assert all(x.startswith("⟦ask:") for x in counts_after_has(lines)[1:])
    alone = ["Đơn vị có:", "- Ghi chú: ……"]  # one bullet: nothing said to be counted
    assert counts_after_has(alone) == alone
    told = ["Kết luận:", "- Ý kiến thứ nhất: ……", "- Ý kiến thứ hai: ……"]  # no 'có:' heading
    assert counts_after_has(told) == told
