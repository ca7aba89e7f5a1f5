"""Made-up forms whose blanks lean on a label printed elsewhere (i26b): a date's label heading a line of blanks and
its value 'ghi bằng chữ', a footnote's mark before a blank, the person a lead sentence points at, a '+' sub-list, a
paper's number whose issue wraps onto the next line, a petition's addressees under a bare 'Kính gửi:', a field after
a code, a heading glued after a label's colon and the Icelandic 'Ð' written for 'Đ'."""

from __future__ import annotations

from dialogs.importer.carried_labels import carried_labels
from dialogs.importer.forms import blank_fields, dated_fields, more_fields, year_of
from dialogs.importer.person_blocks import person_blocks
from tests.support.importing import imp

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def _asks(o) -> dict[str, str]:
    return {r.question.prompt: r.question.type for r in o.refs}


def test_a_date_label_heading_a_line_of_blanks_and_its_value_in_words() -> None:
    line = "Ngày, tháng, năm sinh: …………… ghi bằng chữ: ……………"
    assert dated_fields(line) == ["Ngày, tháng, năm sinh", "Ngày, tháng, năm sinh ghi bằng chữ"]
    assert blank_fields("Ngày cấp: ……… viết bằng chữ: ………")[-1] == "Ngày cấp viết bằng chữ"
    for text in (MOTTO + "PHIẾU KHAI NHÂN KHẨU\nHọ và tên: ……………\n" + line + "\nNghề nghiệp: ……………\n",
                 "PHIẾU KHAI NHÂN KHẨU\n1. Người khai\nHọ và tên: ……………\n" + line + "\n2. Khác\nNghề nghiệp: ………\n"):
        asks = _asks(imp(text))
        assert asks["Ngày, tháng, năm sinh"] == "date"
        assert asks["Ngày, tháng, năm sinh ghi bằng chữ"] == "text"  # a date in words is a line of text
        assert "Ghi bằng chữ" not in asks


def test_a_footnote_mark_before_a_blank_is_not_in_the_label() -> None:
    assert blank_fields("Nơi thường trú: (2)……………………") == ["Nơi thường trú"]
    asks = _asks(imp(MOTTO + "TỜ KHAI CẤP GIẤY\nNơi thường trú: (2)……………\nGiấy tờ tùy thân: (3)……………\n"))
    assert "Nơi thường trú" in asks and "Giấy tờ tùy thân" in asks


def test_a_lead_pointing_at_the_person_below_names_the_block() -> None:
    lines = ["Họ, chữ đệm, tên người khai: ……………", "Quan hệ với người được giám hộ: ……………",
             "Đề nghị cơ quan đăng ký cho người có tên dưới đây:", "Họ, chữ đệm, tên: ……………", "Dân tộc: ……………",
             "Họ, chữ đệm, tên người cha: ……………", "Dân tộc: ……………"]
    out = person_blocks(list(lines))
    assert out[3] == "Họ, chữ đệm, tên (người được giám hộ): ……………"  # a head's own label counts as repeated
    assert out[4] == "Dân tộc (người được giám hộ): ……………"
    assert out[6] == "Dân tộc (người cha): ……………"


def test_a_pointing_lead_without_a_named_person_stays_unnamed() -> None:
    lines = ["Họ, chữ đệm, tên người khai: ……………", "Đề nghị cấp giấy cho người dưới đây:", "Dân tộc: ……………",
             "Họ, chữ đệm, tên người mẹ: ……………", "Dân tộc: ……………"]
    out = person_blocks(list(lines))
    assert out[2] == "Dân tộc: ……………" and out[4] == "Dân tộc (người mẹ): ……………"


def test_a_plus_sub_list_carries_its_lead() -> None:
    seq = ["– Nguyên nhân: + Chủ quan: ……………", "+ Khách quan: ……………", "– Kết luận: ……………"]
    assert carried_labels(list(seq)) == [seq[0], "– Nguyên nhân: + Khách quan: ……………", seq[2]]
    asks = _asks(imp("BIÊN BẢN KIỂM TRA\n1. Kết quả\n" + "\n".join(seq) + "\n"))
    assert "Nguyên nhân: + Khách quan" in asks


def test_a_papers_number_and_its_issue_wrapped_onto_the_next_line() -> None:
    seq = ["Hiện có chứng chỉ hành nghề hạng: ………… số: …………", "do: ………………… cấp ngày …/…/……"]
    assert carried_labels(list(seq)) == ["Hiện có chứng chỉ hành nghề hạng: …………",
                                         "Số chứng chỉ hành nghề: ………… do ………………… cấp ngày …/…/……"]
    asks = _asks(imp(MOTTO + "ĐƠN ĐỀ NGHỊ CẤP LẠI CHỨNG CHỈ\nTôi là: ……………\n" + "\n".join(seq) + "\nLý do: …………\n"))
    assert asks["Số chứng chỉ hành nghề"] == "text" and asks["Cấp ngày"] == "date" and "Cơ quan cấp" in asks
    assert carried_labels(["Giấy tờ khác số: ………", "Ghi chú: ………"]) == ["Giấy tờ khác số: ………", "Ghi chú: ………"]


def test_the_year_of_something_done_at_a_place() -> None:
    assert year_of("Đã tốt nghiệp tại") == "Năm tốt nghiệp" and year_of("Đợt") == "Năm"
    asks = _asks(imp(MOTTO + "ĐƠN XIN HỌC\nTôi là: ……………\nĐã học nghề tại: …………… năm ……………\n"))
    assert asks["Năm học nghề"] == "integer"


def test_a_petitions_addressees_under_a_bare_kinh_gui() -> None:
    text = (MOTTO + "ĐƠN ĐỀ NGHỊ\nHỗ trợ khắc phục thiệt hại\nKính gửi:\n- Hội đồng xét duyệt xã, phường ……… (đối với hộ"
            " nghèo) và\nđơn vị trực thuộc ……… (đối với hộ kinh doanh);\n- Ủy ban nhân dân xã, phường ….. (đối với trường"
            " hợp khác).\nTôi tên là: ……………\nĐịa chỉ: ……………\n")
    got = [p for p in _asks(imp(text)) if p.startswith("Kính gửi")]
    assert got == ["Kính gửi: Hội đồng xét duyệt xã, phường (đối với hộ nghèo) và đơn vị trực thuộc (đối với hộ kinh "
                   "doanh)", "Kính gửi: Ủy ban nhân dân xã, phường (đối với trường hợp khác)"]


def test_a_reports_printed_addressees_are_no_asks() -> None:
    text = ("BÁO CÁO KẾT QUẢ\nKính gửi:\n- Sở Tài chính…;\n- Ủy ban nhân dân tỉnh….\nTên đơn vị: ……………\n"
            "Địa chỉ: ……………\n")
    assert not [p for p in _asks(imp(text)) if p.startswith("Kính gửi")]


def test_a_field_after_a_code_filled_in() -> None:
    assert more_fields("000123/ABC-GP Ngày cấp: 01/02/2020") == ["Ngày cấp"]
    assert more_fields("SỞ Y TẾ TỈNH") == [] and more_fields("Nguyễn Văn AB Chức vụ: x") == []


def test_a_heading_glued_after_a_labels_colon_and_the_eth() -> None:
    asks = _asks(imp("Biểu số 02\nĐơn vị báo cáo: ……………\nÐịa chỉ: Mã xã2:BÁO CÁO TỔNG HỢP KẾT QUẢ KIỂM TRA\n"
                     "Ngày báo cáo: ……………\n"))
    assert "Địa chỉ" in asks and "Mã xã" in asks  # (its footnote's mark '2' gone)


def test_options_wrapped_onto_a_second_line_under_a_bare_label() -> None:
    text = ("PHIẾU HỎI Ý KIẾN\nSố người trong hộ: ……\nGia đình có xe máy không?\n.......Có .......Không\n"
            "Giờ đi làm buổi sáng\n.......5h – 6h .......6h – 7h\n.......7h – 8h .......Giờ khác\nNghề nghiệp: ……\n")
    o = imp(text)
    q = next(r.question for r in o.refs if r.question.prompt.startswith("Giờ đi làm"))
    assert q.type == "choice" and [x.label for x in q.options] == ["5h – 6h", "6h – 7h", "7h – 8h", "Giờ khác"]
    assert not [r for r in o.refs if r.question.prompt.startswith("□")]


def test_a_placeholder_after_the_noun_it_names() -> None:
    from dialogs.importer.named_placeholders import named_placeholders
    line = "Chủ đầu tư (nêu tên chủ đầu tư) báo cáo tiến độ của công trình (tên công trình) đến ngày …… như sau:"
    assert [a.prompt for a in named_placeholders(line)] == ["Tên chủ đầu tư", "Tên công trình"]
    assert named_placeholders("các văn bản hướng dẫn của (tên cơ quan hướng dẫn) về minh bạch tài sản, thu nhập") == []
    assert named_placeholders("thu nhập, (tên cơ quan/tổ chức/đơn vị) báo cáo kết quả kê khai tài sản của mình") == []
    asks = _asks(imp(MOTTO + "BÁO CÁO TIẾN ĐỘ CÔNG TRÌNH\n" + line + "\n1. Tiến độ thi công\n2. Khó khăn, vướng mắc\n"))
    assert asks["Tên chủ đầu tư"] == "text" and asks["Tên công trình"] == "text"


def test_a_bracket_naming_several_things_is_a_lists_columns_not_a_name() -> None:
    from dialogs.importer.named_placeholders import named_placeholders
    line = "Liệt kê các nhiệm vụ chậm tiến độ trong năm của đơn vị (tên nhiệm vụ, đơn vị chủ trì, thời hạn)"
    assert named_placeholders(line) == []
    assert [a.prompt for a in named_placeholders("Báo cáo kết quả thực hiện của dự án (tên dự án) trong quý vừa qua")] == [
        "Tên dự án"]


def test_a_bracket_saying_where_a_form_is_prescribed_is_no_placeholder() -> None:
    from dialogs.importer.named_placeholders import named_placeholders
    line = "Các phòng gửi số liệu theo biểu (tên biểu ban hành kèm theo Quyết định số 5) về Văn phòng trước ngày ……"
    assert named_placeholders(line) == []
    line = "Đơn vị tổng hợp ý kiến theo mẫu (tên mẫu nêu tại Phụ lục III) rồi gửi về Phòng Nội vụ đúng hạn"
    assert named_placeholders(line) == []
    kept = "Đơn vị báo cáo kết quả thực hiện của đề án (tên đề án) trong sáu tháng đầu năm"
    assert [a.prompt for a in named_placeholders(kept)] == ["Tên đề án"]
