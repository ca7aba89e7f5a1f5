"""Round 28, helper j28a, on made-up text: a bare kind of member ('Đảng viên', 'Đoàn viên', 'Công đoàn viên', 'Hội
viên') alone before its blank in a unit's report counts how many the unit has — an integer, never a line of text."""

from __future__ import annotations

from tests.support.importing import imp


def _types(text: str) -> dict[str, str]:
    return {r.question.prompt: r.question.type for r in imp(text, "baocao.txt").refs}


def test_party_and_union_members_of_a_team_are_counts():
    t = _types("BÁO CÁO TỔNG KẾT NĂM HỌC\nI. Tình hình đội ngũ\n- Tổng số cán bộ: ……\n- Đảng viên: ……\n"
               "- Công đoàn viên: ……\n- Tổ trưởng: ……………\n")
    assert t.get("Đảng viên") == "integer" and t.get("Công đoàn viên") == "integer"


def test_youth_union_and_association_members_are_counts():
    t = _types("BÁO CÁO SƠ KẾT CÔNG TÁC CHI ĐOÀN\nI. Đặc điểm tình hình\n- Đoàn viên: ...\n- Hội viên: ...\n"
               "- Bí thư chi đoàn: ...........\n")
    assert t.get("Đoàn viên") == "integer" and t.get("Hội viên") == "integer"
