"""Records and minutes (biên bản) on made-up text: the opening's hour apart from its day, a paper cited with blanks
before the opening, a roster head over numbered rows of blanks, the form's dating line, a web page's sub-heading above
the form, the people present over lines of dots, a bullet's note where its value goes; and lines that only look like
them stay as they were."""

from __future__ import annotations

from dialogs.importer.minutes import blank_rosters, opening_asks, paper_asks
from dialogs.importer.questions import asks_from_text
from tests.support.importing import imp, prompts


def _asks(text: str) -> list[tuple[str, str]]:
    return [(a.prompt, a.type) for a in opening_asks(text)]


def test_the_opening_asks_its_hour_as_text_and_its_day_as_a_date() -> None:
    assert _asks("Hôm nay, vào lúc …… giờ …… phút, ngày …… tháng …… năm ……,") == [
        ("Thời gian (hôm nay, vào lúc giờ phút)", "text"),
        ("Hôm nay, ngày tháng năm", "date"),
    ]
    assert _asks("Hôm nay, hồi ..... giờ ..... ngày ..... tháng ..... năm ..... tại .................") == [
        ("Thời gian (hôm nay, hồi giờ)", "text"),
        ("Hôm nay, ngày tháng năm", "date"),
        ("Tại", "text"),
    ]
    # no hour written: the day alone
    assert _asks("Hôm nay, ngày …… tháng …… năm ……, tại nhà văn hóa thôn.") == [
        ("Hôm nay, ngày tháng năm", "date")
    ]


def test_a_paper_cited_with_blanks_before_the_opening_asks_its_particulars() -> None:
    got = _asks(
        "Thực hiện Kế hoạch số …/KH-… ngày … tháng … năm … của …… về việc kiểm tra vệ sinh trường học ……, "
        "hôm nay vào hồi … giờ … ngày … tháng … năm …"
    )
    assert got == [
        ("Thực hiện Kế hoạch số", "text"),
        ("Ngày tháng năm của Kế hoạch", "date"),
        ("Cơ quan ban hành Kế hoạch (của)", "text"),
        ("Về việc kiểm tra vệ sinh trường học", "text"),
        ("Thời gian (hôm nay, vào hồi giờ)", "text"),
        ("Hôm nay, ngày tháng năm", "date"),
    ]
    short = _asks("Theo Công văn số …/CV ngày … tháng … năm …, hôm nay, ngày … tháng … năm …, tại ……")
    assert short[:2] == [("Theo Công văn số", "text"), ("Ngày tháng năm của Công văn", "date")]
    # a paper cited by its number and date, both written: nothing to ask of it
    assert paper_asks("Thực hiện Quyết định số 12/QĐ-UBND ngày 3 tháng 4 năm 2024 của UBND xã") == []


def test_a_roster_head_over_numbered_rows_of_blanks_names_each_row() -> None:
    seq = [
        "Chúng tôi những người lập biên bản gồm:",
        "1. ………………… Chức vụ ………",
        "2. ………… Chức vụ …………",
        "Với sự có mặt:",
    ]
    assert blank_rosters(seq) == [
        "1. Người lập biên bản (họ tên): …… Chức vụ: ……",
        "2. Người lập biên bản (họ tên): …… Chức vụ: ……",
        "Với sự có mặt:",
    ]
    other = blank_rosters(["Đoàn kiểm tra gồm:", "1) ……… Đơn vị: ……", "2) ……… Đơn vị: ……"])
    assert other == ["1. Đoàn kiểm tra (họ tên): …… Đơn vị: ……", "2. Đoàn kiểm tra (họ tên): …… Đơn vị: ……"]
    o = imp(
        "BIÊN BẢN KIỂM TRA\nChúng tôi gồm những thành viên đoàn gồm:\n1. ……… Chức vụ ……\n2. ……… Chức vụ ……\n"
    )
    assert {r.section_number for r in o.refs} == {"1", "2"}
    # rows with a name written before their blank, or one row alone: left as they are
    named = ["Thành phần gồm:", "1. Ông Nguyễn Văn A …… Chức vụ ……", "2. Bà Trần Thị B …… Chức vụ ……"]
    assert blank_rosters(list(named)) == named
    assert blank_rosters(["Đoàn gồm:", "1. …… Chức vụ ……", "Nội dung:"]) == [
        "Đoàn gồm:",
        "1. …… Chức vụ ……",
        "Nội dung:",
    ]


def test_the_forms_dating_line_asks_nothing_but_a_date_with_words_does() -> None:
    assert asks_from_text("………, ngày …… tháng …… năm ……") == []
    assert asks_from_text("Hải Phòng, ngày …… tháng …… năm 20……") == []
    # the motto beside an agency's name, the number beside the date: a two-column header flattened
    assert asks_from_text("TỔ CÔNG TÁC ………          Độc lập – Tự do – Hạnh phúc") == []
    assert asks_from_text("Số: …/BB-…          ….., ngày … tháng … năm …") == []
    assert [(a.prompt, a.type) for a in asks_from_text("Số: …… ngày cấp: ……")] == [
        ("Số", "text"),
        ("Ngày cấp", "date"),
    ]
    assert [(a.prompt, a.type) for a in asks_from_text("Hôm nay, ngày … tháng … năm …")] == [
        ("Hôm nay, ngày tháng năm", "date")
    ]
    assert ("Sinh ngày", "date") in [
        (a.prompt, a.type) for a in asks_from_text("Tên tôi là ……, sinh ngày … tháng … năm …")
    ]


def test_a_web_pages_sub_heading_above_the_forms_motto_is_no_section() -> None:
    o = imp(
        "Hướng dẫn viết biên bản\n1. Mẫu biên bản họp tổ\n1.1. Biên bản họp tổ chung\nĐây là mẫu dùng chung.\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\nBIÊN BẢN HỌP TỔ\nVề việc: ……………\n"
        "Tại địa điểm: ……………\n1. Chủ trì: ……………\n2. Thư ký: ……………\n"
    )
    got = prompts(o)
    assert got["Về việc"] == ("", "text")
    assert got["Tại địa điểm"] == ("", "text")
    assert got["Chủ trì"][0] == "1"
    # the form's own '1.1.' after the motto keeps its number
    form = imp(
        "1. Mẫu phiếu kiểm tra\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHIẾU KIỂM TRA\n1. Thông tin chung\n"
        "1.1. Tên đơn vị: ……………\n1.2. Địa chỉ: ……………\n"
    )
    assert [(r.section_number, r.number) for r in form.refs if r.question.prompt == "Tên đơn vị"] == [
        ("1", "1.1")
    ]


def test_people_present_over_lines_of_dots_are_a_list_other_headings_a_passage() -> None:
    o = imp(
        "BIÊN BẢN HỌP\n1. Thành phần khác:\n……………………\n……………………\n2. Thành phần mời:\n……………\n3. Kết luận:\n……………\n"
    )
    got = prompts(o)
    assert got["Thành phần khác"] == ("1", "list")
    assert got["Thành phần mời"] == ("2", "list")
    assert got["Kết luận"] == ("3", "longtext")


def test_a_bullets_note_where_its_value_goes_is_its_help_a_sample_value_is_not() -> None:
    o = imp(
        "1. Mẫu biên bản họp thôn\nBIÊN BẢN HỌP THÔN\n– Chủ trì cuộc họp: (ghi rõ họ, tên, chức danh).\n"
        "– Thư ký cuộc họp: (nêu họ, tên).\n– Đã qua tập huấn: (chưa)\n"
    )
    helps = {r.question.prompt: r.question.help for r in o.refs}
    assert helps["Chủ trì cuộc họp"] == "Ghi rõ họ, tên, chức danh."
    assert helps["Thư ký cuộc họp"] == "Nêu họ, tên."
    assert not any("chưa" in (h or "") for h in helps.values())


def test_parts_named_after_the_roman_headings_are_steps_inside_a_section() -> None:
    o = imp(
        "BIÊN BẢN ĐẠI HỘI\nI. Thời gian: ……………\nII. Nội dung:\nPhần 1: Khai mạc\n- Chủ tọa: ……………\n"
        "Phần 2: Thảo luận\n- Thư ký: ……………\n1. Ý kiến phát biểu: ……………\n"
    )
    got = prompts(o)
    assert got["Chủ tọa"] == ("II", "text")
    assert got["Thư ký"] == ("II", "text")
    assert [r.number for r in o.refs if r.question.prompt == "Ý kiến phát biểu"] == ["II.1"]
    # parts that come first stay the top level
    parts = imp(
        "Phần I: Kết quả\nI. Công tác chung\n1. Số cuộc họp: …… cuộc\nPhần II: Phương hướng\nI. Nhiệm vụ: ……\n"
    )
    assert {r.section_number.split(".")[0] for r in parts.refs} >= {"Phần I", "Phần II"}


def test_a_label_whose_blank_follows_a_stray_dot_is_a_field_of_its_own() -> None:
    o = imp("BIÊN BẢN HỌP\nI. Thành phần:\n– Có mặt: …… người\nVắng: .……………………\nKhách mời: ,……………\n")
    got = prompts(o)
    assert got["Vắng"] == ("I", "text")
    assert got["Khách mời"][0] == "I"
    plain = imp("BIÊN BẢN HỌP\nI. Thành phần:\n– Có mặt: …… người\nđã được mời dự họp.\n")
    assert "Vắng" not in prompts(plain)


def test_a_forms_name_and_a_pages_words_to_its_reader_are_no_asks() -> None:
    from dialogs.importer.tidy import not_an_ask

    assert not_an_ask("BIÊN BẢN HỌP") is not None
    assert not_an_ask("QUYẾT ĐỊNH") is not None
    assert not_an_ask("Số") is not None
    assert not_an_ask("Đây là mẫu biên bản, bạn có thể tham khảo và sử dụng khi cần thiết") is not None
    assert not_an_ask("Mời các bạn tham khảo mẫu dưới đây") is not None
    assert not_an_ask("Biên bản họp có được gửi cho các thành viên không?") is None
    assert not_an_ask("Tài liệu tham khảo, phụ lục") is None
    assert not_an_ask("Số lượng") is None


def test_an_invitations_request_to_come_is_no_ask_and_its_papers_if_any_are_a_list() -> None:
    o = imp(
        "GIẤY MỜI\n4. Đầu mối liên hệ: ……………\n5. Các tài liệu phục vụ cuộc họp (nếu có).\n\n"
        "Tổ dân phố đề nghị ông (bà) bố trí thời gian tham dự đầy đủ, đúng giờ.\n"
    )
    got = prompts(o)
    assert got["Các tài liệu phục vụ cuộc họp (nếu có)"] == ("5", "list")
    assert not [p for p in got if "đề nghị" in p]
    other = prompts(
        imp("GIẤY MỜI\n1. Hồ sơ kèm theo (nếu có).\n2. Địa điểm: ……\nRất mong quý vị đến dự đông đủ.\n")
    )
    assert "Rất mong quý vị đến dự đông đủ" not in other
    # a request that asks for something to be done stays an ask; papers without '(nếu có)' keep their reading
    kept = prompts(
        imp("KẾ HOẠCH\n1. Đề nghị các đơn vị báo cáo kết quả: ……\n2. Các tài liệu đã ban hành: ……\n")
    )
    assert "Đề nghị các đơn vị báo cáo kết quả" in kept
    assert kept["Các tài liệu đã ban hành"][1] != "list"


def test_a_pages_catalogue_of_forms_yields_the_name_to_the_form_shown() -> None:
    from dialogs.importer.naming import own_name

    lines = [
        "DANH MỤC MỘT SỐ MẪU BIÊN BẢN VÀ QUYẾT ĐỊNH",
        "1. Mẫu Biên bản số 01: Biên bản kiểm tra.",
        "BIÊN BẢN",
        "Kiểm tra vệ sinh môi trường khu dân cư",
        "Hôm nay, ngày … tháng … năm …",
    ]
    assert own_name(lines) == "BIÊN BẢN Kiểm tra vệ sinh môi trường khu dân cư"
    other = ["DANH MỤC CÁC BIỂU MẪU BÁO CÁO THỐNG KÊ", "QUYẾT ĐỊNH", "Về việc ban hành quy chế làm việc"]
    assert "quy chế" in (own_name(other) or "")
    # a catalogue with no form's name below it keeps its own name
    alone = ["DANH MỤC MỘT SỐ MẪU VĂN BẢN HÀNH CHÍNH", "1. Mẫu công văn", "2. Mẫu tờ trình"]
    assert (own_name(alone) or "").startswith("DANH MỤC")


def test_a_label_over_numbered_blanks_asks_one_person_per_blank() -> None:
    from dialogs.importer.minutes import numbered_slots

    assert numbered_slots(["+ Thư ký: 1……………", "2……………", "Kết quả:"]) == [
        "+ Thư ký 1: ……",
        "+ Thư ký 2: ……",
        "Kết quả:",
    ]
    assert numbered_slots(["Kiểm phiếu viên: 1. ……", "2. ……", "3) ……"]) == [
        "Kiểm phiếu viên 1: ……",
        "Kiểm phiếu viên 2: ……",
        "Kiểm phiếu viên 3: ……",
    ]
    # a single numbered blank, or a count, is left as it is
    assert numbered_slots(["Thư ký: 1……", "Nội dung:"]) == ["Thư ký: 1……", "Nội dung:"]
    assert numbered_slots(["Số phiếu: 1……", "Tổng: ……"]) == ["Số phiếu: 1……", "Tổng: ……"]
