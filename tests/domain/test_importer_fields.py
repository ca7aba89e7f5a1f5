"""A form's field lines (dialogs/importer/field_lines.py) and text repair leaving correct words alone, each rule on
made-up text, with negatives that keep ordinary lines as they were."""

from __future__ import annotations

from dialogs.importer.field_lines import field_line_asks
from dialogs.importer.questions import asks_from_text
from dialogs.importer.repair import repair_lines
from dialogs.loader import check_outline_text
from tests.support.importing import imp, prompts


def _asks(text: str) -> list[tuple[str, str]]:
    return [(a.prompt, a.type) for a in asks_from_text(text)]


def test_a_person_line_asks_each_field_by_its_label() -> None:
    assert _asks("Họ và tên người giám hộ: (3)………Tuổi……. Nghề nghiệp………………") == [
        ("Họ và tên người giám hộ", "text"),
        ("Tuổi", "integer"),
        ("Nghề nghiệp", "text"),
    ]
    assert _asks("Ngày tháng năm sinh (2)………… hoặc ước lượng tuổi…………") == [
        ("Ngày tháng năm sinh", "date"),
        ("Ước lượng tuổi", "integer"),
    ]
    assert _asks("Thời điểm phát hiện (mấy giờ)………… Ngày …… tháng …… năm ……") == [
        ("Thời điểm phát hiện (mấy giờ)", "text"),
        ("Ngày tháng năm", "date"),
    ]
    assert _asks("Họ và tên người báo tin (4)………………………") == [("Họ và tên người báo tin", "text")]
    assert _asks("Họ và tên: ………… Sinh năm: ………") == [("Họ và tên", "text"), ("Sinh năm", "integer")]
    assert _asks("Lớp: ………… Sĩ số: ………") == [("Lớp", "text"), ("Sĩ số", "integer")]


def test_options_after_a_label_and_a_slash_list_are_choices() -> None:
    sex = asks_from_text("Giới tính (7): Nam……… Nữ……… Chưa rõ………")
    assert [(a.prompt, a.type, a.options) for a in sex] == [("Giới tính", "choice", ["Nam", "Nữ", "Chưa rõ"])]
    boxed = asks_from_text("Có con dưới 6 tuổi: Có □ Không □")
    assert [(a.type) for a in boxed] == ["yesno"]
    via = asks_from_text("Hình thức báo tin (thư/điện thoại/trực tiếp): ………………")
    assert [(a.type, a.options) for a in via] == [("choice", ["Thư", "Điện thoại", "Trực tiếp"])]


def test_labelled_groups_each_with_a_blank_and_a_share_of_a_total() -> None:
    groups = asks_from_text(
        "+ Đại diện Hội Nông dân xã …… người (ghi rõ họ và tên, chức vụ), đại diện Đoàn Thanh niên…… người "
        "(ghi rõ họ và tên), đại diện trường học: …… người."
    )
    assert [(a.prompt, a.type) for a in groups] == [
        ("Đại diện Hội Nông dân xã (ghi rõ họ và tên, chức vụ)", "text"),
        ("Đại diện Đoàn Thanh niên (ghi rõ họ và tên)", "text"),
        ("Đại diện trường học", "integer"),
    ]
    share = asks_from_text("- Có …… hộ tham gia trên tổng số …… hộ trong thôn, chiếm tỷ lệ ……%.")
    assert [(a.prompt, a.type) for a in share] == [
        ("Có hộ tham gia", "integer"),
        ("Tổng số hộ trong thôn", "integer"),
        ("Chiếm tỷ lệ", "percent"),
    ]


def test_counts_with_their_units_and_prose_are_not_field_lines() -> None:
    """Negatives: a count and its part with units, a note in parentheses that is guidance, a sentence."""
    assert field_line_asks("Số lao động: …… người, trong đó nữ …… người") == []
    assert field_line_asks("Diện tích lúa: …… ha; trong đó lúa chất lượng cao: …… ha") == []
    assert field_line_asks("Kết quả thực hiện (ghi rõ số liệu/tỷ lệ): ……") == []
    assert field_line_asks("Đánh giá chung về công tác tuyên truyền trong năm.") == []
    assert field_line_asks("Số vụ (1) …… vụ") == []


def test_a_whole_form_keeps_its_fields_in_their_section() -> None:
    o = imp(
        "BÁO CÁO TIẾP NHẬN THÔNG TIN\nA. Thông tin chung\n1. Về người cao tuổi\n"
        "Họ và tên (2)………………… Năm sinh………… Giới tính: Nam…… Nữ……\n"
        "Họ và tên con: (2)……… Tuổi…… Nghề nghiệp……\n"
    )
    got = prompts(o)
    assert got["Họ và tên"] == ("A.1", "text")
    assert got["Năm sinh"] == ("A.1", "integer")
    assert got["Tuổi"] == ("A.1", "integer")
    assert got["Họ và tên con"] == ("A.1", "text")


def test_a_correct_word_is_not_repaired_in_a_text_with_little_damage() -> None:
    """Two broken words in a page of text ('cp', 'Cơng') do not make 'Họ và tên' read as 'Hội và tên' (a short text
    with as many broken words is damaged enough: tests/domain/test_importer.py repairs its 'ngun')."""
    prose = (
        "Nhà trường đã tổ chức tốt các hoạt động dạy và học, phối hợp chặt chẽ với cha mẹ học sinh trong năm."
    )
    lines = [
        "Trường Cơng Hòa báo cáo tình hình cp phát sách",
        *[prose] * 6,
        "Họ và tên cha: ……… Tuổi ……",
        "Họ và tên mẹ: ……",
    ]
    fixed, report = repair_lines(lines)
    assert fixed[-2].startswith("Họ và tên") and fixed[-1].startswith("Họ và tên")
    assert "Họ → Hội" not in report.repairs


def test_field_lines_above_the_first_section_are_read_the_same_way() -> None:
    o = imp(
        "PHIẾU THÔNG TIN NGƯỜI BÁO TIN\nHọ và tên (2)………………… Năm sinh………… Giới tính: Nam…… Nữ……\n"
        "Hình thức báo tin (thư/điện thoại/trực tiếp): ………………\n"
        "Ngày tháng năm sinh của trẻ (2)………… hoặc ước lượng tuổi…………\nI. NỘI DUNG\n1. Ý kiến: ……\n"
    )
    got = prompts(o)
    assert got["Họ và tên"] == ("", "text") and got["Năm sinh"] == ("", "integer")
    assert got["Giới tính"] == ("", "choice")
    assert got["Hình thức báo tin (thư/điện thoại/trực tiếp)"] == ("", "choice")
    assert got["Ngày tháng năm sinh của trẻ"] == ("", "date") and got["Ước lượng tuổi"] == ("", "integer")
    assert not any("(2)" in p or p.startswith("Nữ") for p in got)


def test_counts_with_their_rates_and_a_filled_value_after_the_last_blank() -> None:
    votes = asks_from_text("Biểu quyết: Đồng ý: …… đ/c, chiếm …… %; không đồng ý: …… đ/c, chiếm …… %.")
    assert [(a.prompt, a.type) for a in votes] == [
        ("Đồng ý", "integer"),
        ("Tỷ lệ đồng ý", "percent"),
        ("Không đồng ý", "integer"),
        ("Tỷ lệ không đồng ý", "percent"),
    ]
    assert votes[0].help == ["Biểu quyết"]
    assert _asks("Chủ trì: đồng chí ……………… Chức vụ: Bí thư chi bộ") == [
        ("Chủ trì: đồng chí", "text"),
        ("Chức vụ", "text"),
    ]
    assert field_line_asks("Kết quả: …… đ/c, tăng so với năm trước") == []  # no rate after the count


def test_a_field_in_parentheses_is_asked_and_guidance_in_parentheses_stays_help() -> None:
    from dialogs.importer.ask_types import is_help_line

    assert not is_help_line("(Địa chỉ hộ gia đình ……………………)")
    assert _asks("(Địa chỉ hộ gia đình ……………………)") == [("Địa chỉ hộ gia đình", "text")]
    assert is_help_line("(Ghi rõ số lượng, họ tên từng người)")
    assert is_help_line("(Tên đơn vị báo cáo)")  # no blank: the name of what stands above it


def test_a_heading_naming_a_forms_fields_asks_each_field() -> None:
    asks = asks_from_text(
        "1. Thông tin về hợp tác xã: Tên hợp tác xã; địa chỉ, số điện thoại, email, mã số thuế; ngành, nghề sản xuất chính."
    )
    assert [(a.prompt, a.type) for a in asks] == [
        ("Tên hợp tác xã", "text"),
        ("Địa chỉ", "text"),
        ("Số điện thoại", "text"),
        ("Email", "text"),
        ("Mã số thuế", "text"),
        ("Ngành, nghề sản xuất chính", "text"),
    ]
    # a heading listing topics to report on names no fields
    topics = asks_from_text(
        "Kết quả thực hiện: công tác tuyên truyền, công tác kiểm tra, công tác thi đua, khen thưởng"
    )
    assert len(topics) == 1 or all(a.type != "text" for a in topics)


def test_a_rate_after_a_comma_is_an_ask_of_its_own() -> None:
    asks = asks_from_text("Số hộ được hỗ trợ vay vốn, tỷ lệ hộ thoát nghèo sau khi được hỗ trợ")
    assert [(a.prompt, a.type) for a in asks] == [
        ("Số hộ được hỗ trợ vay vốn", "integer"),
        ("Tỷ lệ hộ thoát nghèo sau khi được hỗ trợ", "percent"),
    ]
    assert [a.type for a in asks_from_text("Đánh giá tỷ lệ hộ nghèo giảm so với năm trước")] == ["percent"]


def test_a_part_lettered_a_b_is_a_part_heading_over_its_numbered_items() -> None:
    from dialogs.importer.structure import parse_marker
    from tests.support.importing import imp as _imp

    o = _imp(
        "PHIẾU KHẢO SÁT\n\nPhần A. Thông tin chung\n\n1. Tên đơn vị: ……\n\n2. Số cán bộ: …… người\n\n"
        "Phần B. Đánh giá\n\n1. Ý kiến đánh giá: ……\n"
    )
    got = {r.question.prompt: r.section_number for r in o.refs}
    assert got["Tên đơn vị"].startswith("Phần A") and got["Ý kiến đánh giá"].startswith("Phần B")
    assert parse_marker("Phần a bị cắt khỏi văn bản") is None  # a sentence about a part, no heading
    assert parse_marker("Phần A Thông tin") is None  # no stop after the letter: not a heading


def test_a_blank_named_by_the_note_after_it_asks_that_name() -> None:
    from dialogs.importer.field_lines import note_named_blank

    assert [(a.prompt, a.type) for a in note_named_blank("………………… (tên dự án)")] == [("Tên dự án", "text")]
    labelled = note_named_blank("Công trình: …… (tên công trình)")
    assert [(a.prompt, a.help) for a in labelled] == [("Công trình", ["Tên công trình"])]
    assert note_named_blank("…… (ghi rõ lý do)") == []  # guidance, not a name: read elsewhere
    assert note_named_blank("Kết quả đạt được (tên công trình)") == []  # no blank: prose with a parenthesis


def test_a_date_range_inside_a_sentence_asks_both_ends() -> None:
    from tests.support.importing import imp as _imp

    o = _imp("BIÊN BẢN\n\n1. Đoàn đã làm việc từ ngày … tháng … năm … đến ngày … tháng … năm … tại xã.\n")
    types = {r.question.prompt: r.question.type for r in o.refs}
    assert types.get("Đến ngày") == "date"
    assert sum(1 for t in types.values() if t == "date") == 2


def test_a_list_of_the_units_particulars_is_a_line_of_text_each() -> None:
    from dialogs.importer.field_lines import contact_fields

    got = contact_fields("- Địa chỉ trụ sở, số điện thoại, fax; e-mail của đơn vị;")
    assert [(a.prompt, a.type) for a in got] == [
        ("Địa chỉ trụ sở", "text"),
        ("Số điện thoại", "text"),
        ("Fax", "text"),
        ("E-mail của đơn vị", "text"),
    ]
    assert (
        contact_fields("- Địa chỉ trụ sở, quá trình thành lập, chức năng nhiệm vụ") == []
    )  # an account asked
    assert (
        contact_fields("- Điện thoại: ……, fax: ……, e-mail: ……") == []
    )  # blanks shown: the field line's reading


def test_a_blank_with_only_its_unit_after_it_is_asked_by_that_unit_and_never_refuses_the_document() -> None:
    """'……..giờ……… cùng ngày' (the hour a meeting closed, no label before the blank): the draft still comes out,
    the blank asked by what it measures."""
    o = imp(
        "BIÊN BẢN KIỂM PHIẾU\n1. Số phiếu phát ra: …… phiếu\n2. Số phiếu hợp lệ: …… phiếu\n"
        "Cuộc kiểm phiếu kết thúc vào hồi\n……..giờ……… cùng ngày.\n"
    )
    ps = prompts(o)
    assert ps["Số phiếu phát ra"][1] == "integer" and ps["Số phiếu hợp lệ"][1] == "integer"
    assert all(p.strip() for p in ps)  # no empty prompt anywhere


def test_a_line_the_importer_cannot_read_is_asked_as_written_with_an_unsure_point(monkeypatch) -> None:
    """An importer gap on one line (here forced) never refuses the document: that line becomes a written answer
    and the unsure points name it; the other lines are read as usual."""
    from dialogs.importer import convert, import_document

    real = convert.asks_from_text

    def failing(text: str, tables: bool = True):
        if "Khó khăn" in text:
            raise IndexError("string index out of range")
        return real(text, tables)

    monkeypatch.setattr(convert, "asks_from_text", failing)
    result = import_document("BÁO CÁO THÁNG\n1. Số cuộc họp: …… cuộc\n2. Khó khăn, vướng mắc: ……\n".encode(), "bc.txt")
    o, problems = check_outline_text(result.yaml)
    assert not problems, problems
    ps = prompts(o)
    assert ps["Số cuộc họp"][1] == "integer"
    assert [t for p, (_, t) in ps.items() if p.startswith("Khó khăn, vướng mắc")] == ["longtext"]
    assert any("không đọc được dòng «Khó khăn, vướng mắc" in n["message"] for n in result.notes), result.notes
