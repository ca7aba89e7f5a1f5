"""Made-up lines of several labelled blanks in one sentence (finding A of review r26): one figure per blank, its
label the prompt without the dots, the words after the blank its unit, the heading before the colon no question;
a part naming the same thing in parallel ('xây mới …… căn, sửa chữa …… căn'), a breakdown after 'trong đó:' /
'hình thức:', a blank whose noun follows it; and a sentence of blanks wrapped by the page read as one line."""

from __future__ import annotations

from dialogs.importer.blank_runs import blank_run
from tests.support.importing import imp

HEAD = "BÁO CÁO\nKết quả công tác quý III năm 2026\n"


def _asks(o) -> dict[str, tuple[str, str | None]]:
    return {r.question.prompt: (r.question.type, r.question.unit) for r in o.refs}


def _run(line: str) -> list[tuple[str, str, str | None]]:
    return [(a.prompt, a.type, a.unit) for a in blank_run(line)]


def test_a_heading_over_labelled_blanks_asks_each_figure_in_its_unit() -> None:
    o = imp(HEAD + "1. Việc hướng dẫn, chuyển giao tiến bộ kỹ thuật cho nông dân trên địa bàn xã: số lớp tập huấn "
                   "…… lớp; số lượt nông dân dự …… lượt người.\n2. Công tác khác.\n")
    a = _asks(o)
    assert a["Số lớp tập huấn"] == ("integer", "lớp")
    assert a["Số lượt nông dân dự"] == ("integer", "lượt người")
    assert "Công tác khuyến nông" not in a
    assert not any("…" in p or ".." in p for p in a)


def test_five_dot_blanks_and_money_read_like_ellipses() -> None:
    assert _run("Quỹ khuyến học: số tiền quyên góp ….. đồng; số suất học bổng trao tặng ….. suất.") == [
        ("Số tiền quyên góp", "money", "đồng"), ("Số suất học bổng trao tặng", "integer", "suất")]


def test_a_part_in_parallel_takes_the_place_of_the_last_words() -> None:
    assert _run("Số phòng học xây mới …… phòng, cải tạo …… phòng") == [
        ("Số phòng học xây mới", "integer", "phòng"), ("Số phòng học cải tạo", "integer", "phòng")]


def test_a_verb_in_another_unit_is_no_parallel_part() -> None:
    assert _run("- Số phiếu đồng ý: ……… phiếu, chiếm …… %") == []  # another rule's shape (a count and its rate)


def test_a_breakdown_asks_each_part_in_the_totals_unit() -> None:
    got = _run("Số hội viên được khen thưởng: …… người (trong đó: cấp tỉnh ……, cấp huyện ……).")
    assert got == [("Số hội viên được khen thưởng", "integer", "người"),
                   ("Số hội viên được khen thưởng cấp tỉnh", "integer", "người"),
                   ("Số hội viên được khen thưởng cấp huyện", "integer", "người")]


def test_a_blank_whose_noun_follows_it_is_asked_under_the_heading() -> None:
    got = _run("Thu gom phế liệu: …… chiếc xe hỏng, …… tấn sắt vụn.")
    assert [(t, u) for _, t, u in got] == [("integer", "chiếc"), ("decimal", "tấn")]
    assert got[0][0].startswith("Thu gom phế liệu")


def test_one_figure_after_a_heading_is_asked_without_the_heading() -> None:
    assert _run("Kết quả chuyển đổi số: số hồ sơ nộp trực tuyến …… hồ sơ.") == [
        ("Số hồ sơ nộp trực tuyến", "integer", "hồ sơ")]


def test_a_plain_field_or_prose_is_left_to_the_other_rules() -> None:
    assert _run("Số hộ nghèo: …… hộ") == []
    assert _run("Tình hình an ninh trật tự trên địa bàn") == []
    assert _run("Diện tích gieo trồng: …… ha") == []


def test_a_sentence_of_blanks_wrapped_by_the_page_is_one_line() -> None:
    o = imp(HEAD + "1. Kết quả tiếp dân: tổng số lượt tiếp …… lượt; số đơn\n"
                   "tiếp nhận …… đơn; số đơn đã giải quyết\n"
                   "…… đơn; số đơn tồn …… đơn.\n"
                   "2. Số cán bộ tiếp dân: …… người\n"
                   "(trong đó: nữ …… người).\n")
    a = _asks(o)
    assert a["Số đơn đã giải quyết"] == ("integer", "đơn")
    assert a["Số đơn tồn"] == ("integer", "đơn")
    assert a["Số cán bộ tiếp dân nữ"] == ("integer", "người")


def test_a_forms_fields_without_units_are_no_figures() -> None:
    assert _run("– Giấy chứng nhận đầu tư …, Số tài khoản …") == []
    assert _run("Kiểm tra: số cuộc ….., số hộ được kiểm tra …..") == [
        ("Số cuộc", "integer", "cuộc"), ("Số hộ được kiểm tra", "integer", None)]


def test_counts_in_several_units_of_one_thing_share_it_and_the_verb() -> None:
    got = _run("Vi phạm giao thông: xử lý …… vụ, …… phương tiện chở quá tải; …… vụ, …… phương tiện không giấy tờ.")
    assert [(p, u) for p, _, u in got] == [
        ("Vi phạm giao thông: số vụ chở quá tải xử lý", "vụ"),
        ("Vi phạm giao thông: số phương tiện chở quá tải xử lý", "phương tiện"),
        ("Vi phạm giao thông: số vụ không giấy tờ xử lý", "vụ"),
        ("Vi phạm giao thông: số phương tiện không giấy tờ xử lý", "phương tiện")]


def test_a_rate_of_the_count_before_is_left_to_the_rate_rules() -> None:
    assert _run("+ Số đơn đã xử lý đúng hạn…; đạt tỷ lệ … %") == []
