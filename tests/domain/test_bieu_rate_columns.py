"""Review r27: a Biểu's rate column after two counts is the ratio of their sums, never a share of one of them.

«Dự toán | Thực hiện | Tỷ lệ so dự toán (%)» and «Số đối tượng | Số được tiêm | Tỷ lệ (%)» used to be drafted as
``share`` of the column just before (each row's part of the Biểu's total), so `/tonghop` printed a row's share of
all that was done where the Biểu asks what was done against the plan. The consolidated figures are checked against
values worked out by hand here, not by the code that prints them."""

from __future__ import annotations

import pytest

from dialogs.figures import guess_aggregate
from exports.consolidate import table_figures
from tests.support.importing import imp


def _table(lines: list[str]):
    o = imp("\n".join(lines), "bieu.txt")
    return next(r.question.table for r in o.refs if r.question.type == "table")


def _cols(t) -> dict[str, tuple[str | None, str | None, str | None, str | None]]:
    return {c.label: (c.aggregate, c.numerator, c.denominator, c.of) for c in t.columns}


BUDGET = ["Biểu 07: CHI ĐẦU TƯ PHÁT TRIỂN NĂM 2026", "STT\tNội dung chi\tDự toán giao\tƯớc thực hiện\t"
          "Tỷ lệ thực hiện so với dự toán (%)\tThực hiện cùng kỳ\tSo với cùng kỳ năm trước (%)",
          "1\tChi xây dựng cơ bản\t\t\t\t\t", "2\tChi sự nghiệp\t\t\t\t\t", "\tTổng cộng\t\t\t\t\t", "Người lập biểu"]


def test_a_rate_against_a_named_column_is_their_ratio():
    t = _table(BUDGET)
    keys = {c.label: c.key for c in t.columns}
    got = _cols(t)
    assert got["Tỷ lệ thực hiện so với dự toán (%)"] == ("ratio", keys["Ước thực hiện"], keys["Dự toán giao"], None)
    # measured against 'cùng kỳ năm trước': the column «Thực hiện cùng kỳ» is what it names
    assert got["So với cùng kỳ năm trước (%)"] == ("ratio", keys["Ước thực hiện"], keys["Thực hiện cùng kỳ"], None)


def test_a_rate_after_a_target_and_what_was_done_is_their_ratio_and_a_lone_count_keeps_its_share():
    t = _table(["Biểu 08: TIÊM CHỦNG MỞ RỘNG QUÝ I", "STT\tTrạm y tế\tSố trẻ phải tiêm\tSố trẻ đã tiêm đủ\tTỷ lệ (%)",
                "1\tTrạm A\t\t\t", "2\tTrạm B\t\t\t", "Người lập biểu"])
    keys = {c.label: c.key for c in t.columns}
    assert _cols(t)["Tỷ lệ (%)"] == ("ratio", keys["Số trẻ đã tiêm đủ"], keys["Số trẻ phải tiêm"], None)
    t = _table(["Biểu 09: CƠ CẤU CÁN BỘ THEO TRÌNH ĐỘ", "STT\tTrình độ\tSố người\tTỷ lệ (%)",
                "1\tĐại học\t\t", "2\tThạc sĩ\t\t", "\tTổng số\t\t", "Người lập biểu"])
    assert _cols(t)["Tỷ lệ (%)"][0] == "share"  # each level's part of the whole: a share of the count before it


def test_a_rate_against_what_the_bieu_has_no_column_for_prints_no_figure():
    guess = guess_aggregate({"key": "tl", "label": "Tỷ lệ tăng so với cùng kỳ (%)", "type": "percent"},
                            {"key": "th", "label": "Thực hiện", "type": "integer"},
                            [{"key": "th", "label": "Thực hiện", "type": "integer"}])
    assert guess == {"aggregate": "none"}  # neither a share of «Thực hiện» nor a mean of the units' growth rates


def test_three_units_consolidated_as_worked_by_hand():
    t = _table(BUDGET)
    k = {c.label: c.key for c in t.columns}
    rows = [r.key for r in t.rows if r.sum_of is None]
    plan, done = k["Dự toán giao"], k["Ước thực hiện"]
    rate = k["Tỷ lệ thực hiện so với dự toán (%)"]
    units = [  # (plan, done) per row, the rate each unit wrote itself
        {rows[0]: (100, 50), rows[1]: (40, 40)},
        {rows[0]: (300, 240), rows[1]: (60, 15)},
        {rows[0]: (600, 0), rows[1]: (100, 100)},
    ]
    values = [{"rows": {rk: {plan: p, done: d, rate: round(d * 100 / p, 2)} for rk, (p, d) in u.items()}}
              for u in units]
    got = table_figures(t, values)
    # by hand: row 1: done 50 + 240 + 0 = 290 over plan 100 + 300 + 600 = 1000 → 29 %;
    # row 2: 40 + 15 + 100 = 155 over 40 + 60 + 100 = 200 → 77.5 %
    assert got[rows[0]][rate] == pytest.approx(29.0) and got[rows[1]][rate] == pytest.approx(77.5)
    assert got[rows[0]][rate] != pytest.approx((50 + 80 + 0) / 3)  # not the mean of the units' own rates
    total = next(r.key for r in t.rows if r.sum_of is not None)
    # the total row: (290 + 155) over (1000 + 200) → 37.083… %
    assert got[total][plan] == 1200 and got[total][done] == 445
    assert got[total][rate] == pytest.approx(445 * 100 / 1200)
