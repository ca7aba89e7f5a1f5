"""Quick shapes, round 29 (ask_types.reason_asks), on made-up text: a count whose reason is asked in a bracket after
it ('Số … : (lý do):') is two answers, the count and its reason, and a bracket of any other kind stays as it was."""

from __future__ import annotations

from dialogs.importer.ask_types import reason_asks
from dialogs.importer.questions import asks_from_text


def test_a_count_with_its_reason_in_a_bracket_is_a_count_and_a_reason() -> None:
    got = [(a.prompt.rstrip(":"), a.type) for a in asks_from_text("Số phiếu hợp lệ: , số phiếu bị loại: (lý do):")]
    assert got == [("Số phiếu hợp lệ", "integer"), ("Số phiếu bị loại", "integer"), ("Lý do phiếu bị loại", "text")]
    got = [(a.prompt, a.type) for a in asks_from_text("Số hội viên vắng mặt: (lý do):")]
    assert got == [("Số hội viên vắng mặt", "integer"), ("Lý do hội viên vắng mặt", "text")]


def test_the_reason_shape_wants_a_figure_before_it() -> None:
    assert [(a.prompt, a.type) for a in reason_asks("Tổng số hội viên vắng mặt (ghi rõ lý do)")] == [
        ("Tổng số hội viên vắng mặt", "integer"), ("Lý do hội viên vắng mặt", "text")]
    assert reason_asks("Ý kiến của chi bộ: (lý do):") == []  # not a figure: left to the other rules
    assert reason_asks("Số phiếu bị loại: (ghi rõ họ tên)") == []
