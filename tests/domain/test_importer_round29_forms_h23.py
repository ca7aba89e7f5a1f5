"""Questionnaires and forms of the twenty-third hold-out's shapes (issue 21, session 29, helper j29a): each rule on
made-up text, with a case it must not change."""

from __future__ import annotations

from dialogs.importer.ask_types import Ask
from dialogs.importer.structure import number_options
from dialogs.importer.surveys import carry
from tests.support.importing import imp

RUN_ON = (
    "PHIẾU HỎI Ý KIẾN HỘ GIA ĐÌNH\n"
    "Câu 1: Tên chủ hộ: ........ Câu 2: Số người trong hộ:....\n"
    "Câu 3: Ấp: ...\n"
    "Câu 4: Nguồn nước chính của hộ là gì?\n"
    "1. Nước máy 2. Giếng khoan\n"
    "Câu 5: Hộ có dùng máy lọc nước không? 1. Có 2. Không Câu 6: Hộ có bể chứa nước không?\n"
    "1. Có 2. Không\n"
    "Câu 7: Góp ý của hộ về nước sạch:\n"
)


def _numbers(o) -> dict[str, str]:
    return {r.question.prompt: r.section_number for r in o.refs}


def test_questions_numbered_on_one_line_are_each_asked_under_its_number() -> None:
    """'Câu 1: … Câu 2: …' run on one line: a question each, under its own number (no question read as an option)."""
    got = _numbers(imp(RUN_ON))
    assert got.get("Tên chủ hộ") == "1"
    assert got.get("Số người trong hộ") == "2"
    assert got.get("Ấp") == "3"
    assert any(p.startswith("Hộ có bể chứa nước") and n == "6" for p, n in got.items())


def test_a_numbered_question_read_already_is_no_answer_option() -> None:
    """'1. ⟦ask⟧', '2. ⟦ask⟧' under a line, the numbering starting over further down: questions, not a choice's
    options; short numbered lines starting over at 1 are still options."""
    asks = [f"{n}. {carry(Ask(p, 'text'))}" for n, p in enumerate(["Tên chủ hộ", "Địa chỉ"], start=1)]
    lines = ["PHIẾU HỎI", *asks, "Giới tính", "1. Nam", "2. Nữ", "Nơi ở", "1. Thành thị", "2. Nông thôn"]
    out = number_options(lines)
    assert out[1:3] == asks
    assert "Giới tính (1: Nam; 2: Nữ)" in out


def test_a_later_code_inside_a_line_not_in_series_stays() -> None:
    """'Câu 3' after 'Câu 5' inside a line (a cross-reference, not the next question): the line is not cut."""
    text = "Câu 5: Nếu chọn Không ở Câu 3: ghi lý do ........\nCâu 6: Ghi chú khác:\n"
    got = _numbers(imp(text))
    assert not any(p.startswith("ghi lý do") for p in got)


DASHED_FORM = (
    "TỜ KHAI ĐĂNG KÝ HỘI VIÊN\n"
    "1- Họ và tên: ..............................\n"
    "2- Ngày sinh: ........ 3-Quê quán: ..........\n"
    "4- Nghề nghiệp: ......................\n"
    "5- Nơi làm việc: .....................\n"
)


def test_fields_numbered_with_a_hyphen_are_numbered_fields() -> None:
    """'1- Họ và tên:', '2- …', '4- …': a hyphen after the number as '1.' elsewhere: each field under its number."""
    from dialogs.importer.run_on_forms import dashed_numbers

    out = dashed_numbers(DASHED_FORM.splitlines())
    assert out[1].startswith("1. Họ và tên")
    assert "3. Quê quán" in out[2]
    got = _numbers(imp(DASHED_FORM))
    assert got.get("Họ và tên") == "1"
    assert got.get("Nghề nghiệp") == "4"


def test_hyphens_in_a_text_numbered_with_dots_or_out_of_order_stay() -> None:
    """A text numbered '1.' keeps its hyphens (ranges, codes); hyphened numbers that do not count up stay too."""
    from dialogs.importer.run_on_forms import dashed_numbers

    dotted = ["1. Tình hình chung", "2- Thuận lợi", "3- Khó khăn", "4- Kết quả"]
    assert dashed_numbers(dotted) == dotted
    shuffled = ["5- Trẻ em", "2- Người già", "9- Khác"]
    assert dashed_numbers(shuffled) == shuffled
