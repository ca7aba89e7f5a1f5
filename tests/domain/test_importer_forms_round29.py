"""Made-up forms of the shapes of session 29's in-sample round on the twenty-second hold-out (helper f29c):

- a label whose value is only the nouns counted, the blanks before them lost ('Danh hiệu …: cá nhân,.tập thể;') →
  one count per noun;
- a person's numbered heading ('1.2. Thông tin người khai:') gives every label under it the person; boxes after a
  label ('Giới tính: Nam □ Nữ □') are no filled value but a choice;
- a date written with letters to replace ('Ngày xx/tháng xx/năm xxxx') is a date's blank;
- repeated groups of fields each headed by 'Group Field: ……' ('Địa chỉ nơi ở Số: ……') ask each field of its group;
- digit boxes in square brackets ('[ ____]', '[___/___]') are a blank;
- a yes/no whose yes asks a detail ('1. Có, ghi rõ số ngày ____ 2. Không', the '2. Không' maybe on the next line)."""

from __future__ import annotations

from dialogs.importer.ask_types import field_type
from dialogs.importer.form_fields import wrapped_options, yes_with_detail
from dialogs.importer.lost_blanks import counted_values
from tests.support.importing import asks_with_options, imp, prompts


def test_a_label_whose_value_is_only_the_nouns_counted_asks_a_count_of_each() -> None:
    asks = counted_values("- Bằng khen của Giám đốc: cá nhân,.tập thể;")
    assert [(a.prompt, a.type, a.unit) for a in asks] == [("Bằng khen của Giám đốc: số cá nhân", "integer", "cá nhân"),
                                                          ("Bằng khen của Giám đốc: số tập thể", "integer", "tập thể")]
    assert counted_values("Danh hiệu Gia đình văn hóa:.hộ -")[0].prompt == "Danh hiệu Gia đình văn hóa: số hộ"
    assert counted_values("Giấy khen của Chủ tịch: cá nhân, tập t")[-1].unit == "tập thể"  # the copy ends inside it
    assert counted_values("Kết quả: tốt, khá") == []  # values, not nouns counted
    assert counted_values("Nơi ở: thôn") == []  # a place written in, not a noun counted
    o = imp("BÁO CÁO KẾT QUẢ THI ĐUA NĂM 2030\n1. Danh hiệu thi đua\n- Danh hiệu Lao động giỏi: cá nhân, tập thể;\n"
            "- Danh hiệu Chiến sĩ thi đua : cá nhân;\n2. Khen thưởng\n- Giấy khen của Chủ tịch: cá nhân\n")
    got = prompts(o)
    assert got["Danh hiệu Lao động giỏi: số tập thể"] == ("1", "integer")
    assert got["Danh hiệu Chiến sĩ thi đua: số cá nhân"] == ("1", "integer")
    assert got["Giấy khen của Chủ tịch: số cá nhân"] == ("2", "integer")


def test_a_persons_numbered_heading_gives_every_label_under_it_the_person() -> None:
    text = ("BÁO CÁO SỰ CỐ AN TOÀN\n1. THÔNG TIN CHUNG:\n1.1. Thông tin người báo cáo:\n  • Họ tên: [Họ và tên]\n"
            "  • Điện thoại: [Số điện thoại]\n1.2. Thông tin người bị nạn:\n  • Họ tên: [Họ và tên]\n  • Tuổi: [Tuổi]\n"
            "  • Giới tính: [Nam/Nữ]\n")
    got = {p: (t, opts) for p, t, opts in asks_with_options(text)}
    assert got["Điện thoại (người báo cáo)"][0] == "text"
    assert got["Tuổi (người bị nạn)"][0] == "integer"  # whose age: still an age
    assert got["Giới tính (người bị nạn)"] == ("choice", ["Nam", "Nữ"])


def test_boxes_after_a_bullets_label_are_a_choice_not_a_filled_value() -> None:
    text = "PHIẾU KHAI BÁO\n1. Thông tin chung:\n  • Họ tên: ……\n  • Giới tính: Nam □ Nữ □\n  • Địa chỉ: ……\n"
    assert ("Giới tính", "choice", ["Nam", "Nữ"]) in asks_with_options(text)


def test_a_date_written_in_letters_is_the_dates_blank() -> None:
    o = imp("BÁO CÁO SỰ CỐ\n1. THÔNG TIN CHUNG:\n1.1. Ngày báo cáo:\nNgày xx/tháng xx/năm xxxx\n"
            "1.2. Nơi xảy ra:\ndd/mm/yyyy\n1.3. Địa điểm: ……\n")
    got = prompts(o)
    assert got["Ngày báo cáo"][1] == "date"
    assert not any("xx" in p for p in got)


def test_repeated_groups_of_fields_headed_by_their_first_field_ask_each_field_of_its_group() -> None:
    text = ("PHIẾU THEO DÕI CA BỆNH\n1. Họ và tên: ________\n2. Địa chỉ nơi ở hiện nay Số: ______\nThôn/Xóm: ______\n"
            "Xã/Phường: ______\nĐịa chỉ nơi công tác Số: ______\nThôn/Xóm: ______\nXã/Phường: ______\n")
    got = prompts(imp(text))
    assert got["Số (Địa chỉ nơi ở hiện nay)"] == ("2", "text")  # a house's number, to copy
    assert got["Xã/Phường (Địa chỉ nơi công tác)"] == ("2", "text")
    assert "Thôn/Xóm (Địa chỉ nơi ở hiện nay)" in got


def test_two_labels_ending_alike_without_a_capital_field_are_no_groups() -> None:
    text = ("PHIẾU THỐNG KÊ\n1. Tổng số học sinh nam: ……\nDân tộc: ……\n2. Tổng số giáo viên nam: ……\nDân tộc: ……\n")
    got = prompts(imp(text))
    assert not any(p.startswith("nam (") for p in got)


def test_digit_boxes_in_square_brackets_are_a_blank() -> None:
    o = imp("PHIẾU ĐIỀU TRA CA BỆNH\n1. Số xác định ca bệnh.\nNăm mắc bệnh: [ ____]\nMã số của huyện: [ ___/___]\n"
            "Số bệnh án: [___/___/___]\n2. Họ và tên: ……\n")
    got = prompts(o)
    assert got["Năm mắc bệnh"] == ("1", "integer")  # a year
    assert got["Mã số của huyện"] == ("1", "text")
    assert got["Số bệnh án"] == ("1", "text")  # a record's number, not a count


def test_field_types_of_an_age_in_years_and_a_bare_number() -> None:
    assert field_type("Tuổi (năm)")[0] == "integer"
    assert field_type("Số")[0] == "text"
    assert field_type("Số (Địa chỉ nơi thường trú)")[0] == "text"


def test_a_yes_whose_answer_asks_a_detail_gives_the_yes_no_and_the_detail() -> None:
    asks = yes_with_detail("Đang điều trị: 1. Có, ghi rõ số ngày điều trị_____ 2. Không")
    assert [(a.prompt, a.type) for a in asks] == [("Đang điều trị", "yesno"), ("Số ngày điều trị", "integer")]
    assert yes_with_detail("Giới: 1. Nam 2. Nữ") == []
    assert wrapped_options(["b. Đang điều trị: 1. Có, ghi rõ số ngày ____", "", "2. Không", "c. Giới: ……"]) == [
        "b. Đang điều trị: 1. Có, ghi rõ số ngày ____ 2. Không", "c. Giới: ……"]
    assert wrapped_options(["1. Mục tiêu", "2. Kết quả"]) == ["1. Mục tiêu", "2. Kết quả"]  # no answers on the line
    text = ("PHIẾU ĐIỀU TRA CA BỆNH\n1. Thông tin bệnh nhân\n\na. Họ và tên: ______\n\n"
            "b. Đang điều trị: 1. Có, ghi rõ số ngày điều trị_____\n\n2. Không\n\nc. Giới: 1. Nam 2. Nữ\n2. Địa chỉ\n")
    got = prompts(imp(text))
    assert got["Đang điều trị"] == ("1", "yesno")
    assert got["Số ngày điều trị"] == ("1", "integer")
    assert "Không" not in got


def test_a_number_with_a_slash_before_a_capital_numbers_an_item() -> None:
    from dialogs.importer.structure import parse_marker

    assert parse_marker("1/ Thuận lợi :").no == "1."
    assert parse_marker("1/2 số hộ đạt chuẩn") is None  # a fraction
    assert parse_marker("12/ 5/2030") is None  # a date


def test_statements_under_an_evaluative_heading_the_last_cut_by_the_copy_are_its_model_answer() -> None:
    text = ("BÁO CÁO SƠ KẾT HỌC KÌ I\nI/ Tình hình chung:\n- Tổng số giáo viên: …\nII/ Thuận lợi và khó khăn:\n"
            "1/ Thuận lợi :\n • Được sự quan tâm của cấp ủy và ban giám hiệu nhà trường.\n"
            " • Đội ngũ giáo viên trẻ, nhiệt tình, có trình độ chuyên môn vững vàng.\n"
            " • Cơ sở vật chất được đầu tư, đủ phòng học và thiết bị.\n"
            " • Về học sinh: Phần lớn các em chăm ngoan, có ý thức")
    got = {r.question.prompt: (r.number, r.question.type) for r in imp(text).refs}
    assert got["Thuận lợi"] == ("II.1", "longtext")
    assert not any(p.startswith("Được sự quan tâm") for p in got)


def test_the_parts_of_a_count_after_its_first_part_keep_the_counts_head() -> None:
    from dialogs.importer.guidance import labelled_blanks

    got = [(a.prompt, a.type) for a in labelled_blanks("Tổng số hội viên của chi hội: Nữ: ……; Nam: ……")]
    assert got == [("Tổng số hội viên của chi hội: Nữ", "integer"), ("Tổng số hội viên của chi hội: Nam", "integer")]
    printed = [a.prompt for a in labelled_blanks("Tên cơ sở được khảo sát: Trường ……… Xã/phường: …… Huyện: ……")]
    assert not any(p.startswith("Tên cơ sở được khảo sát: Huyện") for p in printed)  # a word printed before a blank


def test_people_in_a_state_over_a_blank_are_counted() -> None:
    assert field_type("Giáo viên đạt chuẩn")[0] == "integer"
    assert field_type("Học sinh bỏ học")[0] == "integer"
    assert field_type("Giáo viên chủ nhiệm")[0] == "text"  # a role: a name to write


def test_places_by_level_run_into_a_line_without_blanks_are_a_field_each() -> None:
    from dialogs.importer.form_fields import place_runs

    assert place_runs("Đánh dấu vào ô nhỏ Tỉnh/Thành phố: Huyện/Quận: Xã/Phường: Khu vực: ……") == [
        "Đánh dấu vào ô nhỏ", "Tỉnh/Thành phố: ……", "Huyện/Quận: ……", "Xã/Phường: ……", "Khu vực: ……"]
    assert place_runs("2. Xóm/bản Xã/phường Huyện, quận PHIẾU KHẢO SÁT") == [
        "Xóm/bản: ……", "Xã/phường: ……", "Huyện, quận: ……", "PHIẾU KHẢO SÁT"]
    assert place_runs("Xã Tân Lập, huyện Đông Anh, tỉnh Hà Nội") == ["Xã Tân Lập, huyện Đông Anh, tỉnh Hà Nội"]
    o = imp("PHIẾU KHẢO SÁT HỘ GIA ĐÌNH NĂM 2030 Tỉnh/Thành phố: Huyện/Quận: Xã/Phường:\n1. Họ và tên chủ hộ: ……\n")
    got = prompts(o)
    assert got["Huyện/Quận"][1] == "text" and got["Xã/Phường"][1] == "text"


def test_a_counts_parts_in_brackets_with_blanks_of_their_own_are_counts() -> None:
    from dialogs.importer.form_fields import bracketed_parts

    got = [(a.prompt, a.type) for a in bracketed_parts("- Cán bộ hợp đồng: …… (…… bảo vệ; lao công: ……; nghỉ ốm: …… (dài hạn)).")]
    assert got == [("Cán bộ hợp đồng", "integer"), ("Bảo vệ", "integer"), ("Lao công", "integer"),
                   ("Nghỉ ốm (dài hạn)", "integer")]
    assert bracketed_parts("Họ tên: …… (ghi rõ họ, tên)") == []  # a note, no blanks inside


def test_a_headings_bracketed_field_is_asked_under_the_heading() -> None:
    text = ("PHIẾU ĐIỀU TRA CA BỆNH\n1. Người báo cáo\na. Họ và tên: ______\n2. Thông tin ca bệnh (mã ca bệnh:_________)\n"
            "a. Họ và tên bệnh nhân: ______\nb. Nghề nghiệp: ______\n")
    o = imp(text)
    got = prompts(o)
    assert got["Mã ca bệnh"] == ("2", "text")
    assert not any("(mã ca bệnh" in p for p in got)
    assert [s.title for s in o.sections][1] == "Thông tin ca bệnh"


def test_a_count_with_its_unit_after_a_blank_is_no_noun_counted() -> None:
    assert counted_values("- Số hội viên : ......... người") == []


def test_an_address_whose_first_parts_are_labelled_then_the_next_level_asks_each() -> None:
    from dialogs.importer.field_lines import field_line_asks

    got = [(a.prompt, a.type) for a in field_line_asks("Địa chỉ thường trú: Số nhà, đường, xóm: ………… Xã/ Phường: ………")]
    assert got == [("Địa chỉ thường trú: Số nhà, đường, xóm", "text"), ("Xã/ Phường", "text")]
