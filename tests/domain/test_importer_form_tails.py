"""Forms as pages cut them, on made-up text: grades in brackets under a labelled blank make a choice; the numbered
criteria under an assessment heading are written out; a form's tail pasted above its header is read after it."""

from __future__ import annotations

from dialogs.importer.form_tails import bracket_grades, header_first, options_first
from tests.support.importing import imp


def _refs(o):
    return [(r.section_number, r.question.type, r.question.prompt) for r in o.refs]


def test_grades_in_brackets_under_a_blank_make_a_choice() -> None:
    o = imp(
        "PHIẾU ĐÁNH GIÁ HỘI VIÊN\nI. KẾT QUẢ\n1. Xếp loại hội viên: ........\n\n(Xuất sắc; khá; trung bình; yếu).\n"
        "2. Mức độ tham gia: ……\n(Thường xuyên; thỉnh thoảng; không tham gia)\n"
    )
    qs = {r.question.prompt: r.question for r in o.refs}
    assert qs["Xếp loại hội viên"].type == "choice"
    assert [x.label for x in qs["Xếp loại hội viên"].options] == ["Xuất sắc", "Khá", "Trung bình", "Yếu"]
    assert qs["Mức độ tham gia"].type == "choice"
    assert not qs["Xếp loại hội viên"].help


def test_a_bracket_of_guidance_or_figures_is_no_list_of_grades() -> None:
    assert bracket_grades("(ghi rõ họ tên; chức vụ; đơn vị)") is None
    assert bracket_grades("(Tốt; khá)") is None  # two items: too few to be a scale of grades
    assert bracket_grades("(2021; 2022; 2023)") is None
    assert bracket_grades("(Đạt; chưa đạt; không đánh giá).") == ["Đạt", "Chưa đạt", "Không đánh giá"]
    o = imp("PHIẾU ĐĂNG KÝ\n1. Họ và tên: ……\n(ghi rõ họ tên; chữ in hoa; có dấu)\n2. Địa chỉ: ……\n")
    assert [t for _, t, p in _refs(o) if p.startswith("Họ và tên")] == ["text"]


def test_numbered_criteria_under_an_assessment_heading_are_written_out() -> None:
    o = imp(
        "PHIẾU ĐÁNH GIÁ HỘI VIÊN\nHọ và tên: ……\n1. KẾT QUẢ TỰ ĐÁNH GIÁ\n1. Tinh thần học tập: ……\n"
        "2. Ý thức kỷ luật: ……\n2. NHẬN XÉT CỦA CHI HỘI\n1. Ưu, khuyết điểm: ……\n2. Ngày nhận xét: ……\n"
    )
    types = {p: t for _, t, p in _refs(o)}
    assert types["Tinh thần học tập"] == "longtext"
    assert types["Ý thức kỷ luật"] == "longtext"
    assert types["Ưu, khuyết điểm"] == "longtext"
    assert types["Họ và tên"] == "text"  # not numbered, not under the heading: a name stays
    assert types["Ngày nhận xét"] == "date"


def test_fields_under_another_heading_keep_their_type() -> None:
    o = imp("PHIẾU ĐĂNG KÝ\n1. THÔNG TIN CHUNG\n1. Nơi công tác: ……\n2. Chức vụ: ……\n")
    assert {t for _, t, _ in _refs(o)} == {"text"}


def test_a_forms_tail_pasted_above_its_header_is_read_after_it() -> None:
    lines = [
        "Trang mẫu phiếu",
        "III. Ý KIẾN CỦA TỔ",
        "1. Nhận xét chung: ……",
        "TÊN CƠ QUAN, ĐƠN VỊ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "PHIẾU NHẬN XÉT ĐOÀN VIÊN",
        "Họ và tên: ……",
        "I. TỰ NHẬN XÉT",
        "1. Học tập: ……",
    ]
    out = header_first(lines)
    assert out[0] == "TÊN CƠ QUAN, ĐƠN VỊ" and out[-3:] == lines[:3]
    o = imp("\n".join(lines) + "\n")
    assert _refs(o)[0] == ("", "text", "Họ và tên")
    assert ("III.1" in {r.number for r in o.refs}) or any(s == "III" for s, _, _ in _refs(o))


def test_a_form_that_begins_with_its_first_part_is_not_moved() -> None:
    lines = [
        "I. TỰ NHẬN XÉT",
        "1. Học tập: ……",
        "Độc lập - Tự do - Hạnh phúc",
        "PHIẾU NHẬN XÉT ĐOÀN VIÊN",
        "Họ tên: ……",
    ]
    assert header_first(lines) == lines
    # a tail with no form's name under the motto stays where it is too
    tail = ["III. Ý KIẾN", "1. Nhận xét: ……", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày … tháng … năm …"]
    assert header_first(tail) == tail


def test_a_place_and_date_run_into_the_signer_asks_nothing() -> None:
    o = imp(
        "PHIẾU NHẬN XÉT\nII. Ý KIẾN CỦA TỔ TRƯỞNG\n(Phần dành cho tổ trưởng)..............\n"
        "......., ngày ....tháng....năm...... TỔ TRƯỞNG (Ký, ghi rõ họ tên)\n"
        "III. Ý KIẾN CỦA CHI HỘI\n1. Nhận xét: ……\nHà Nội, ngày … tháng … năm … NGƯỜI LẬP PHIẾU (Ký và ghi rõ họ tên)\n"
    )
    prompts = [p for _, _, p in _refs(o)]
    assert prompts == ["Ý KIẾN CỦA TỔ TRƯỞNG", "Nhận xét"]  # the heading asks; no date nor signer is asked
    # negative: a date field with a lower-case label after it stays a question
    o = imp("PHIẾU NHẬN XÉT\n1. Ngày nhận xét: ……\n2. Nhận xét của tổ (ký xác nhận): ……\n")
    assert "Ngày nhận xét" in [p for _, _, p in _refs(o)]


def test_the_next_number_over_bullets_goes_on_with_the_fields_a_heading_took() -> None:
    o = imp(
        "PHIẾU ĐÁNH GIÁ HỘI VIÊN\nHọ và tên: ……\n1. KẾT QUẢ TỰ ĐÁNH GIÁ\n1. Tinh thần học tập: ……\n"
        "2. Tác phong làm việc: ……\n3. Kết quả thực hiện nhiệm vụ được giao:\n- Kết quả hoạt động của tổ phụ trách\n"
        "2. Ý KIẾN CỦA CHI HỘI\n1. Nhận xét ưu điểm: ……\n"
    )
    assert ("1.3", "longtext", "Kết quả hoạt động của tổ phụ trách") in _refs(o)
    assert ("2", "longtext", "Nhận xét ưu điểm") in _refs(o)


def test_a_number_that_skips_or_has_no_colon_stays_beside_the_heading() -> None:
    o = imp(
        "PHIẾU ĐĂNG KÝ\n1. THÔNG TIN CHUNG\n1. Nơi công tác: ……\n2. Chức vụ: ……\n4. Kết quả công tác:\n"
        "- Kết quả hoạt động của tổ phụ trách\n"
    )
    assert [s for s, _, p in _refs(o) if p.startswith("Kết quả hoạt động")] == ["4"]


def test_a_form_that_begins_with_arabic_numbers_is_not_mid_form() -> None:
    lines = [
        "1. Học tập: ……",
        "III. Ý KIẾN",
        "Độc lập - Tự do - Hạnh phúc",
        "PHIẾU NHẬN XÉT ĐOÀN VIÊN",
        "Họ tên: ……",
    ]
    assert header_first(lines) == lines


def test_a_question_printed_below_its_options_is_read_above_them() -> None:
    o = imp(
        "PHIẾU GIÁM SÁT\nB. CHUYÊN MÔN\n\nGhi đúng địa chỉ\nGhi sai địa chỉ\n4. Cách ghi địa chỉ của hộ\n\n"
        "KT tuổi thật (Đúng tất cả)\nKT tuổi thật (Sai 1 người)\nKT tuổi thật (Sai từ 2 người)\n5. Cách xác định tuổi của hộ\n\n"
    )
    qs = {r.question.prompt: r.question for r in o.refs}
    assert qs["Cách ghi địa chỉ của hộ"].type == "choice"
    assert [x.label for x in qs["Cách ghi địa chỉ của hộ"].options] == ["Ghi đúng địa chỉ", "Ghi sai địa chỉ"]
    assert [x.label for x in qs["Cách xác định tuổi của hộ"].options][-1] == "KT tuổi thật (Sai từ 2 người)"


def test_lines_above_a_heading_that_do_not_share_a_word_stay_where_they_are() -> None:
    seq = ["", "Đoàn viên ưu tú", "Chi đoàn vững mạnh", "2. Kết quả thi đua", ""]
    assert options_first(seq) == seq
    # nor a run with no empty line under the numbered line
    seq = ["", "Ghi đúng", "Ghi sai", "2. Kết quả ghi", "Nội dung: ……"]
    assert options_first(seq) == seq


def test_long_options_count_only_as_variants_of_one_answer() -> None:
    from dialogs.importer.forms import options_of

    same = ["KT tuổi thật (Đúng tất cả)", "KT tuổi thật (Sai từ 2 người)"]
    assert options_of("Cách xác định tuổi", same) == ("choice", same)
    # negative: long lines that begin differently are sentences, not options
    assert (
        options_of(
            "Kết quả",
            ["Tổ chức hội nghị sơ kết tại các chi hội", "Phát động thi đua trong toàn thể hội viên"],
        )
        is None
    )


def test_names_listed_under_a_lead_stay_in_their_item() -> None:
    # a list's lead ends in ':' and the names share one word only: no options of the next heading
    o = imp(
        "BÁO CÁO\n1. Các đơn vị trực thuộc gồm:\n\nTrường Mầm non Hoa Sen\nTrường Tiểu học Kim Đồng\n"
        "2. Kết quả thực hiện nhiệm vụ năm học\n\n"
    )
    kinds = {r.question.prompt: r.question.type for r in o.refs}
    assert kinds.get("Kết quả thực hiện nhiệm vụ năm học") != "choice"
    seq = ["", "Trường Mầm non Hoa Sen", "Trường Tiểu học Kim Đồng", "2. Kết quả thực hiện", ""]
    assert options_first(seq) == seq  # names sharing a single word are no variants of one answer


def test_who_assesses_stays_a_line_under_an_assessment_heading() -> None:
    o = imp("PHIẾU NHẬN XÉT\nII. NHẬN XÉT, ĐÁNH GIÁ\n1. Người nhận xét: ……\n2. Số điện thoại: ……\n3. Ưu điểm: ……\n")
    kinds = {r.question.prompt: r.question.type for r in o.refs}
    assert kinds["Người nhận xét"] == "text"
    assert kinds["Số điện thoại"] == "text"
    assert kinds["Ưu điểm"] == "longtext"
