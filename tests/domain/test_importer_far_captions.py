"""A table's caption set apart by blank lines (issue 21, round 26, helper j26a), on made-up text: a short name line,
then several blank (or space-only) lines, then a table copied one cell a line: the name is the table's title and
no question of its own."""

from __future__ import annotations

from tests.support.importing import imp

CELLS = ["Loại", "Đơn vị", "Khối lượng", "Nơi cung cấp", "Điện chiếu sáng", "kWh/tháng", " ", " ",
         "Điện máy móc", "kWh/tháng", " ", " ", "Điện khác", "kWh/tháng", " ", " "]


def _form(gap: int) -> str:
    return ("PHIẾU KHAI THÔNG TIN CƠ SỞ\nI. THÔNG TIN CHUNG\nTên cơ sở: ……………\nĐịa chỉ: ……………\n"
            "Nhu cầu dùng điện\n" + "\n \n" * gap + "\n".join(c + "\n" for c in CELLS))


def test_a_caption_past_blank_lines_names_the_table():
    o = imp(_form(2), "phieu.txt")
    tables = [r.question for r in o.refs if r.question.type == "table"]
    assert [t.table.title for t in tables] == ["Nhu cầu dùng điện"]
    assert [r.question.prompt for r in o.refs].count("Nhu cầu dùng điện") == 1
    assert [x.label for x in tables[0].table.rows] == ["Điện chiếu sáng", "Điện máy móc", "Điện khác"]
