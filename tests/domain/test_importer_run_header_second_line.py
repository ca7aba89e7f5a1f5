"""A statistics header run into one line with its second line after the metadata name (dialogs/importer/grids.py,
_coded_run_names), on made-up text: 'Dự toán Thực hiện Tăng giảm so kỳ trước Mã số năm năm (%)' — a word in lower
case for each name before 'Mã số' ends that name; any other count leaves the names as they are."""

from __future__ import annotations

from dialogs.importer.grids import _coded_run_names, _second_line


def test_the_second_line_words_end_their_names() -> None:
    _, names = _coded_run_names("", "Dự toán Thực hiện Tăng giảm so kỳ trước Mã số năm năm (%)")
    assert names == ["Dự toán năm", "Thực hiện năm", "Tăng giảm so kỳ trước (%)", "Mã số"]


def test_a_count_that_does_not_fit_changes_nothing() -> None:
    names = ["Dự toán", "Thực hiện", "Mã số"]
    _second_line(names, ["năm", "năm", "(%)"])
    assert names == ["Dự toán", "Thực hiện", "Mã số"]
    names = ["Dự toán", "Thực hiện", "Mã số"]
    _second_line(names, ["Năm", "năm"])  # a capital starts a name of its own
    assert names == ["Dự toán", "Thực hiện", "Mã số"]
