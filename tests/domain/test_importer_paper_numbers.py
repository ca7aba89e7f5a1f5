"""A form's paper number and its date of issue on one line, on made-up text: the label ending in 'số' before its blank
is the paper's number (text), and a date blank spaced around its slashes ('.../ ... / ....') is still a date."""

from __future__ import annotations

from dialogs.importer.questions import asks_from_text


def _asks(line: str) -> list[tuple[str, str]]:
    return [(a.prompt, a.type) for a in asks_from_text(line)]


def test_a_papers_number_and_its_spaced_date_of_issue() -> None:
    assert _asks("Giấy phép lái xe hoặc Hộ chiếu số ……………….. Cấp ngày .../ ... / ....") == [
        ("Giấy phép lái xe hoặc Hộ chiếu số", "text"),
        ("Cấp ngày", "date"),
    ]
    assert _asks("Thẻ bảo hiểm y tế số ………… cấp ngày … / … / …") == [
        ("Thẻ bảo hiểm y tế số", "text"),
        ("Cấp ngày", "date"),
    ]


def test_a_date_blank_with_spaced_slashes_alone() -> None:
    assert _asks("Ngày đến: ... / ... / ....") == [("Ngày đến", "date")]


def test_a_bare_number_word_or_a_total_is_no_papers_number() -> None:
    """Negative: 'Tổng số ……' counts, and a two-word label 'Nhà số' stays out of the paper rule."""
    assert ("Tổng số", "text") not in _asks("Tổng số ………… người")
    assert all(p != "Nhà số" for p, _ in _asks("Nhà số ………… đường …………"))
