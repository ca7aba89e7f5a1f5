"""Minutes (dialogs/importer/minutes.py) on made-up text: the opening sentence's date and place, the lists of people
with their counts; and sentences that only look like them stay as they were."""

from __future__ import annotations

from dialogs.importer.minutes import opening_asks, roster_asks, rosters
from dialogs.importer.surveys import carried
from tests.support.importing import imp, prompts


def test_the_opening_sentence_asks_the_date_and_the_place() -> None:
    asks = opening_asks(
        "Hôm nay, vào hồi …… giờ …… phút, ngày …… tháng …… năm 20……, tại ……… (ghi rõ nơi họp), "
        "tổ dân phố ……… họp bàn kế hoạch làm đường giao thông."
    )
    assert [(a.prompt, a.type, a.help) for a in asks] == [
        ("Thời gian (hôm nay, vào hồi giờ phút)", "text", []),
        ("Hôm nay, ngày tháng năm", "date", []),
        ("Tại", "text", ["Ghi rõ nơi họp"]),
    ]
    alone = opening_asks("- Tại: ………………")
    assert [(a.prompt, a.type, a.help) for a in alone] == [("Tại", "text", ["Địa điểm"])]


def test_sentences_that_only_begin_like_an_opening_ask_nothing_of_it() -> None:
    assert opening_asks("Hôm nay, chi bộ đã họp bàn nhiệm vụ năm học mới.") == []
    assert opening_asks("Tại buổi kiểm tra, đơn vị báo cáo kết quả thực hiện như sau:") == []
    assert roster_asks("Ban chấp hành gồm những ai?") == []


def test_a_roster_over_numbered_person_lines_is_a_count_and_a_list_not_sections() -> None:
    seq = ["Ban kiểm phiếu gồm … đồng chí: (họ tên từng người)", "1) Đ/c: ……………", "2) Đ/c: ……………", "Kết quả:"]
    out = rosters(seq)
    asks = [carried(x) for x in out[:2]]
    assert [(a.prompt, a.type) for a in asks if a] == [
        ("Ban kiểm phiếu gồm đồng chí", "integer"),
        ("Ban kiểm phiếu (họ tên từng người)", "list"),
    ]
    assert out[2:] == ["Kết quả:"]
    o = imp(
        "BIÊN BẢN HỘI NGHỊ\nHội nghị bầu: Đoàn chủ tọa gồm các đồng chí …\n1) Đ/c: ……………\n2) Đ/c: ……………\n"
        "Hội nghị có mặt …… đại biểu.\n"
    )
    got = prompts(o)
    assert got["Hội nghị bầu: Đoàn chủ tọa gồm các đồng chí"] == ("", "list")
    assert {r.section_number for r in o.refs} == {""}


def test_a_roster_head_without_person_lines_is_left_to_the_usual_reading() -> None:
    seq = ["Ban kiểm phiếu gồm … đồng chí", "Kết quả kiểm phiếu như sau:"]
    assert rosters(list(seq)) == seq


def test_an_opening_above_the_first_section_asks_its_date_and_place_and_keeps_its_other_fields() -> None:
    o = imp(
        "BIÊN BẢN HỌP TỔ DÂN PHỐ\nHôm nay, ngày …… tháng …… năm ……, tại ……… (ghi rõ nơi họp), tổ dân phố họp.\n"
        "I. NỘI DUNG\n1. Ý kiến của người dân: ……………\n"
    )
    got = prompts(o)
    assert got["Hôm nay, ngày tháng năm"] == ("", "date")
    assert got["Tại"] == ("", "text")
    other = prompts(
        imp(
            "BIÊN BẢN KIỂM TRA\nHôm nay, lúc … giờ ngày … tháng … năm … tại Trường học …………. Chúng tôi gồm :\n"
            "I. KẾT QUẢ\n1. Nhận xét: ……………\n"
        )
    )
    assert other["Thời gian (hôm nay, lúc giờ)"] == ("", "text")
    assert other["Hôm nay, ngày tháng năm"] == ("", "date")
    assert "Tại Trường học" in other and "Tại" not in other


def test_a_count_of_people_whose_note_asks_each_name_also_asks_the_list() -> None:
    from dialogs.importer.questions import asks_from_text

    asks = asks_from_text("Số hội viên vắng mặt: …… người (ghi rõ họ, tên từng người và lý do vắng).")
    assert [a.type for a in asks] == ["integer", "list"]
    assert asks[1].prompt.startswith("Danh sách hội viên vắng mặt (ghi rõ họ, tên từng người")
    plain = asks_from_text("Số hội viên vắng mặt: …… người (ghi rõ lý do vắng).")
    assert [a.type for a in plain if a.type == "list"] == []


def test_a_roster_written_as_a_bullet_stays_a_bullet_and_the_bullet_above_keeps_its_asks() -> None:
    o = imp(
        "BIÊN BẢN HỌP CHI BỘ\n- Tổng số đảng viên: …… đồng chí; có mặt: …… đồng chí.\n"
        "- Khách mời gồm có … đồng chí:\n1. Đ/c: ……………\n2. Đ/c: ……………\n"
        "I. NỘI DUNG\n1. Ý kiến phát biểu: ……………\n"
    )
    got = prompts(o)
    assert got["Tổng số đảng viên"][1] == "integer"
    assert got["Khách mời gồm có đồng chí"][1] == "integer"
    assert got["Khách mời (họ và tên)"][1] == "list"
    assert [r.question.prompt for r in o.refs].count("Khách mời (họ và tên)") == 1
    assert not any(p.startswith(("⟦", "Đ/c")) for p in got)


def test_a_roster_head_alone_on_its_line_asks_its_count_and_names() -> None:
    from dialogs.importer.questions import asks_from_text

    assert [(a.prompt, a.type) for a in asks_from_text("Ban kiểm phiếu gồm các đồng chí: ………………")] == [
        ("Ban kiểm phiếu gồm các đồng chí", "list")
    ]
    assert [a.type for a in asks_from_text("Khách mời gồm có …… đại biểu")] == ["integer", "list"]
    assert [a.type for a in asks_from_text("Hội đồng gồm 05 thành viên")] == ["longtext"]  # stated, not asked


def test_a_label_whose_blank_is_its_guidance_and_names_asked_per_role() -> None:
    from dialogs.importer.questions import asks_from_text

    def read(text: str) -> list[tuple[str, str]]:
        return [(a.prompt, a.type) for a in asks_from_text(text)]

    assert read("– Thời điểm: (ghi rõ giờ, ngày khai mạc)") == [("Thời điểm", "date")]
    assert read("– Địa điểm: (nơi tổ chức hội nghị)") == [("Địa điểm", "text")]
    assert read("– Chủ tọa hội nghị: (ghi rõ họ, tên, chức vụ)") == [("Chủ tọa hội nghị", "text")]
    assert read("* Nội dung thảo luận: (Ghi từng ý kiến phát biểu)") == [("Nội dung thảo luận", "list")]
    assert read("+ Họ và tên người chủ tọa, thư ký.") == [
        ("Họ và tên người chủ tọa", "text"),
        ("Họ và tên thư ký", "text"),
    ]
    assert read("+ Họ và tên đại biểu khách mời (nếu có).")[0][1] == "list"
    # negatives: an outline's ask and its guidance, an attribute named beside the name
    assert read("Kết quả: (nêu rõ số liệu)")[0][1] == "longtext"
    assert (
        read("Họ và tên cán bộ và chức vụ")[0][1] != "text" or len(read("Họ và tên cán bộ và chức vụ")) == 1
    )


def test_a_count_then_who_they_are_is_a_count_and_a_list() -> None:
    from dialogs.importer.questions import asks_from_text

    asks = asks_from_text("+ Ghi rõ số lượng hội viên vắng; họ, tên và lý do hội viên đó vắng.")
    assert [(a.prompt, a.type, a.fields) for a in asks] == [
        ("Số lượng hội viên vắng", "integer", None),
        ("Họ, tên và lý do hội viên đó vắng", "list", ["Họ và tên", "Lý do"]),
    ]
    assert [a.type for a in asks_from_text("Tình hình chung; họ tên cán bộ phụ trách")] != ["integer", "list"]


def test_bullets_whose_blank_is_their_guidance_in_a_whole_document() -> None:
    got = prompts(
        imp(
            "BIÊN BẢN HỌP TỔ\n– Thời gian: (ghi cụ thể ngày, giờ họp)\n– Địa điểm: (nơi họp)\n"
            "I. NỘI DUNG\n1. Ý kiến phát biểu: ……………\n"
        )
    )
    assert got["Thời gian"][1] == "date" and got["Địa điểm"][1] == "text"


def test_a_short_head_over_peoples_lines_to_fill_is_one_list() -> None:
    o = imp(
        "BIÊN BẢN HỌP TỔ\nI. DIỄN BIẾN\n* Các ý kiến phát biểu:\n– Đồng chí Trần Văn A: ……………\n"
        "– Đồng chí Lê Thị B: ……………\nĐồng chí chủ trì kết luận: ……………\n"
    )
    got = {r.question.prompt: r.question for r in o.refs}
    assert got["Các ý kiến phát biểu"].type == "list"
    assert [f.label for f in got["Các ý kiến phát biểu"].fields] == ["Họ và tên", "Nội dung"]
    assert [r.question.prompt for r in o.refs].count("Các ý kiến phát biểu") == 1
    assert "Đồng chí chủ trì kết luận" in got  # a field, not a person's line
    assert not any(p.startswith("Đồng chí Trần") for p in got)


def test_each_party_represented_with_its_peoples_slots_is_an_ask() -> None:
    from dialogs.importer.minutes import delegates

    text = (
        "Đại diện Ban quản lý dự án: ……(3)…… - Ông: ………(chức vụ); - Bà: ………(chức vụ); Đại diện đơn vị tư vấn - "
        "Ông: ………(chức vụ); Đại diện các nhà thầu: Đại diện nhà thầu phần móng .. - Ông: ………(chức vụ);"
    )
    assert [(a.prompt, a.type) for a in delegates(text)] == [
        ("Đại diện Ban quản lý dự án", "list"),
        ("Đại diện đơn vị tư vấn", "text"),
        ("Đại diện nhà thầu phần móng", "text"),
    ]
    assert delegates("Đại diện lãnh đạo UBND xã và đại diện các đoàn thể đã dự hội nghị.") == []
    assert delegates("Đại diện Hội Nông dân: ……… Ông: ………") == []  # one party: a field line, read elsewhere


def test_a_field_for_what_someone_concludes_or_presents_is_written_out() -> None:
    from dialogs.importer.ask_types import field_type

    assert field_type("Đồng chí chủ trì kết luận nội dung này")[0] == "longtext"
    assert field_type("Đại diện đoàn trình bày về kết quả kiểm tra")[0] == "longtext"
    assert field_type("Người kết luận")[0] == "text"  # who, not what


def test_a_meeting_time_with_its_hour_and_day_blanks_is_one_date() -> None:
    o = imp(
        "BIÊN BẢN HỌP TỔ\n\n1. Thời gian, địa điểm:\n\n– Thời gian: … giờ, ngày … tháng … năm …;\n\n"
        "– Địa điểm: Hội trường số … Nhà văn hóa ….\n\n2. Nội dung họp:\n\n– Tổ trưởng báo cáo: ……\n"
    )
    got = prompts(o)
    assert got["Thời gian"] == ("1", "date")
    assert got["Địa điểm"] == ("1", "text")  # the parts of one place, not options to tick
    assert "Hội trường số" not in got


def test_hours_of_work_without_a_date_stay_a_figure_and_true_options_stay_a_choice() -> None:
    o = imp("PHIẾU THÔNG TIN\n\n1. Làm việc:\n\n– Số giờ làm thêm: …… giờ\n\n– Giới tính: Nam …… Nữ ……\n")
    got = prompts(o)
    assert got["Số giờ làm thêm"][1] != "date"
    assert got["Giới tính"][1] == "choice"


def test_the_people_present_named_by_their_roles_are_names_to_write() -> None:
    o = imp(
        "BIÊN BẢN SINH HOẠT CHI ĐOÀN\n\n1. Thành phần:\n\n– Cán bộ hướng dẫn: Thầy …\n\n– Bí thư: ……….\n\n"
        "  Sĩ số: ……      Có mặt: ……      Vắng: ……\n\n– Chủ trì cuộc họp: Bí thư chi đoàn – Anh …\n\n"
        "2. Diễn biến:\n\n– Chi đoàn phó nhận xét tình hình học tập của đoàn viên: ……\n"
    )
    got = prompts(o)
    assert got["Cán bộ hướng dẫn"] == ("1", "text")
    assert got["Bí thư"] == ("1", "text")
    assert got["Chủ trì cuộc họp"] == ("1", "text")
    assert got["Có mặt"] == ("1", "integer") and got["Vắng"] == ("1", "integer")
    assert got["Chi đoàn phó nhận xét tình hình học tập của đoàn viên"] == ("2", "longtext")


def test_a_signature_title_below_the_text_is_still_no_question() -> None:
    o = imp(
        "BIÊN BẢN HỌP\n\n1. Nội dung:\n\n– Ý kiến của các thành viên: ……\n\nT/M CHI BỘ\n\nBÍ THƯ\n\n(Ký, ghi rõ họ tên)\n"
    )
    assert not any(p.lower().startswith("bí thư") for p in prompts(o))


def test_presence_words_alone_on_a_line_keep_their_own_type() -> None:
    from dialogs.importer.field_lines import person_fields

    got = person_fields("Họ và tên: …… Có mặt: ……")
    assert [a.type for a in got if a.prompt == "Có mặt"] == [
        "text"
    ]  # no count beside it: names, not a figure


def test_today_at_an_hour_to_write_is_one_date_not_a_label() -> None:
    from dialogs.importer.forms import date_blank

    assert date_blank("Hôm nay, vào…… giờ…… ngày…… tháng…… năm……") == (
        "Ngày giờ (vào … giờ … ngày … tháng … năm …)",
        "",
    )
    assert date_blank("Hôm nay, ngày … tháng … năm …, tại …") is None  # a place follows: left to the opening


def test_people_lines_naming_their_roles_are_an_ask_per_role() -> None:
    o = imp(
        "BIÊN BẢN BÀN GIAO THIẾT BỊ\n\nI. Thành phần\n\nChúng tôi gồm:\n– Ông/Bà: ……………… đại diện bên giao\n"
        "– Ông/Bà: ……………… đại diện bên nhận\n\nII. Nội dung bàn giao: ……\n"
    )
    got = prompts(o)
    assert got["Ông/Bà (đại diện bên giao)"] == ("I", "text")
    assert got["Ông/Bà (đại diện bên nhận)"] == ("I", "text")
    assert "Chúng tôi gồm" not in got


def test_people_lines_without_roles_stay_the_rosters_list() -> None:
    from dialogs.importer.minutes import role_slots

    seq = ["Chúng tôi gồm:", "– Ông/Bà: ………………", "– Ông/Bà: ………………", "II. Nội dung"]
    assert role_slots(seq) == seq  # no role named: left to the roster's reading
    one = ["Chúng tôi gồm:", "– Ông/Bà: ……………… đại diện bên giao", "II. Nội dung"]
    assert role_slots(one) == one  # one line alone is no roster of roles
