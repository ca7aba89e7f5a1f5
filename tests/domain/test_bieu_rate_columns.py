"""Review r27: a Biểu's rate column after two counts is the ratio of their sums, never a share of one of them.

«Dự toán | Thực hiện | Tỷ lệ so dự toán (%)» and «Số đối tượng | Số được tiêm | Tỷ lệ (%)» used to be drafted as
``share`` of the column just before (each row's part of the Biểu's total), so `/tonghop` printed a row's share of
all that was done where the Biểu asks what was done against the plan. The consolidated figures are checked against
values worked out by hand here, not by the code that prints them."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document

from dialogs.figures import guess_aggregate, row_aggregates
from dialogs.importer import import_document
from dialogs.loader import check_outline_text
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


# review r27b: headers and the consolidation each rate column needs (ratio: what was done ÷ what it is measured
# against; share: each row's part of the column it names; none: nothing the Biểu holds gives the figure)
REVIEWED = {
    "Tổng số hộ|Số hộ có nhà tiêu hợp vệ sinh|Tỷ lệ số hộ có nhà tiêu hợp vệ sinh (%)":
        ("ratio", "Số hộ có nhà tiêu hợp vệ sinh", "Tổng số hộ"),  # «số» is no «so (với)»
    "Dự toán|Thực hiện|Thực hiện cùng kỳ|So với dự toán (%)": ("ratio", "Thực hiện", "Dự toán"),
    "Dự toán|Thực hiện|Thực hiện cùng kỳ|So với dự toán (%)|So với cùng kỳ (%)":
        ("ratio", "Thực hiện", "Thực hiện cùng kỳ"),
    "Dự toán năm|Lũy kế thực hiện|Thực hiện tháng này|So với dự toán (%)": ("ratio", "Lũy kế thực hiện", "Dự toán năm"),
    "Dự toán|Thực hiện|Chênh lệch|So với dự toán (%)": ("ratio", "Thực hiện", "Dự toán"),
    "Dự toán|Thực hiện|So với thực hiện năm trước (%)": ("none", None, None),  # no such column
    "Cùng kỳ năm trước|Kỳ này|Tăng, giảm so với cùng kỳ (%)": ("none", None, None),  # a rise or fall: ratio − 100
    "Số hộ nghèo năm trước|Số hộ nghèo năm nay|Tỷ lệ giảm so với năm trước (%)": ("none", None, None),
    "Số hộ|Số hộ nghèo|Tỷ lệ so với số hộ (%)": ("ratio", "Số hộ nghèo", "Số hộ"),
    "Dự toán|Thực hiện|Tỷ trọng (%)": ("share", None, None),
    "Tổng số hộ|Số hộ nghèo|Số hộ cận nghèo|Tỷ lệ hộ nghèo (%)": ("ratio", "Số hộ nghèo", "Tổng số hộ"),
    "Số phải tiêm|Số đã tiêm|Số chưa tiêm|Tỷ lệ (%)": ("ratio", "Số đã tiêm", "Số phải tiêm"),
    "Kế hoạch|Thực hiện|Tỷ lệ TH/KH (%)": ("ratio", "Thực hiện", "Kế hoạch"),
    "Kế hoạch|Thực hiện|Đạt %": ("ratio", "Thực hiện", "Kế hoạch"),
    "Dự toán|Thực hiện quý I|Thực hiện quý II|So với dự toán (%)": ("none", None, None),  # which quarter: not said
    "Số lượng|Tỷ lệ (%)": ("share", None, None),
    "Dân số|Số sinh|Tỷ suất sinh (‰)": ("mean", None, None),
    # review r27c: the plan named after «%» is what the rate is measured against; a base not certain prints none
    "KH|TH|Đạt % KH": ("ratio", "TH", "KH"),
    "TH|KH|Đạt % KH": ("ratio", "TH", "KH"),
    "Kế hoạch năm|Thực hiện|Tỷ lệ % KH": ("ratio", "Thực hiện", "Kế hoạch năm"),
    "Số giao quân|Chỉ tiêu giao|Tỷ lệ (%)": ("ratio", "Số giao quân", "Chỉ tiêu giao"),
    "TH 2025|KH 2026|UTH 2026|So sánh UTH 2026/TH 2025 (%)": ("ratio", "UTH 2026", "TH 2025"),
    "Số xã|Số hộ|Số hộ nghèo|Tỷ lệ hộ nghèo (%)": ("none", None, None),  # over «Số hộ» or «Số xã»?
    "Tiếp nhận|Đã giải quyết|Đúng hạn|Quá hạn|Tỷ lệ đúng hạn (%)": ("none", None, None),
    "Đơn tiếp nhận|Thuộc thẩm quyền|Đã giải quyết|Tỷ lệ giải quyết (%)": ("none", None, None),
    "Tiếp nhận|Trước hạn|Đúng hạn|Quá hạn|Tỷ lệ đúng hạn (%)": ("none", None, None),
    "Lực lượng LĐ|BHXH bắt buộc|BHXH tự nguyện|Tỷ lệ tham gia BHXH (%)": ("none", None, None),
    "Cùng kỳ|Kỳ báo cáo|Tốc độ tăng (%)": ("none", None, None),
    "Diện tích KH|Diện tích TH|Đạt % KH|Năng suất KH (tạ/ha)|Năng suất TH (tạ/ha)|Đạt % KH": ("none", None, None),
    "Diện tích (ha)|Cơ cấu (%)": ("share", None, None),
    "Số lượt điều trị|Số ngày điều trị BQ": ("mean", None, None),
    "Số hộ|Dân số trung bình (người)": (None, None, None),  # a population: summed
}


@pytest.mark.parametrize("header", list(REVIEWED))
def test_the_reviewed_rate_columns_are_guessed_as_their_figure_needs(header):
    names = header.split("|")
    t = _table(["Biểu 10: SỐ LIỆU", "STT\tĐơn vị\t" + "\t".join(names), "1\tXã A" + "\t" * len(names),
                "2\tXã B" + "\t" * len(names), "Người lập biểu"])
    by_label = {c.key: c.label for c in t.columns}
    col = t.columns[-1]
    want_agg, num, den = REVIEWED[header]
    assert (col.aggregate, by_label.get(col.numerator or ""), by_label.get(col.denominator or "")) == \
        (want_agg, num, den), header


def test_a_rate_of_a_named_count_and_a_weight_consolidate_as_worked_by_hand():
    t = _table(["Biểu 11: VỆ SINH MÔI TRƯỜNG", "STT\tXã\tTổng số hộ\tSố hộ có nhà tiêu hợp vệ sinh\t"
                "Tỷ lệ số hộ có nhà tiêu hợp vệ sinh (%)", "1\tThôn 1\t\t\t", "2\tThôn 2\t\t\t", "Người lập biểu"])
    k = [c.key for c in t.columns]
    r = [x.key for x in t.rows][0]
    got = table_figures(t, [{"rows": {r: {k[0]: 1000, k[1]: 800, k[2]: 80}}},
                            {"rows": {r: {k[0]: 200, k[1]: 100, k[2]: 50}}}])
    assert got[r][k[2]] == pytest.approx(900 * 100 / 1200)  # 75 %, not 1200 / 900 (133.3 %) nor a share
    t = _table(["Biểu 12: CƠ CẤU CHI", "STT\tNội dung\tDự toán\tThực hiện\tTỷ trọng (%)", "1\tChi thường xuyên\t\t\t",
                "2\tChi đầu tư\t\t\t", "\tTổng cộng\t\t\t", "Người lập biểu"])
    k = [c.key for c in t.columns]
    a, b = [x.key for x in t.rows if x.sum_of is None]
    got = table_figures(t, [{"rows": {a: {k[0]: 100, k[1]: 90}, b: {k[0]: 20, k[1]: 40}}}])
    assert got[a][k[2]] == pytest.approx(90 * 100 / 130) and got[b][k[2]] == pytest.approx(40 * 100 / 130)


def test_a_word_group_of_rates_and_dashed_parts_of_a_rate_row_are_never_summed():
    doc = Document()
    doc.add_paragraph("Biểu 13: THU NGÂN SÁCH 6 THÁNG")
    rows = [["STT", "Nội dung", "Dự toán năm", "Thực hiện 6 tháng", "So sánh (%)", ""],
            ["", "", "", "", "Dự toán", "Cùng kỳ"], ["1", "Thuế", "", "", "", ""], ["2", "Phí", "", "", "", ""]]
    grid = doc.add_table(rows=len(rows), cols=6)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    for c in range(4):
        top = grid.cell(0, c)
        top.merge(grid.cell(1, c)).text = rows[0][c]
    grid.cell(0, 4).merge(grid.cell(0, 5)).text = "So sánh (%)"
    doc.add_paragraph("Người lập biểu")
    buf = BytesIO()
    doc.save(buf)
    o, probs = check_outline_text(import_document(buf.getvalue(), "bieu.docx").yaml)
    assert probs == [] and o is not None, probs
    t = next(r.question.table for r in o.refs if r.question.type == "table")
    keys = {c.label: c.key for c in t.columns}
    sub = {c.label: (c.group, c.type, c.aggregate, c.numerator, c.denominator) for c in t.columns if c.group}
    assert sub == {"Dự toán": ("So sánh (%)", "percent", "ratio", keys["Thực hiện 6 tháng"], keys["Dự toán năm"]),
                   "Cùng kỳ": ("So sánh (%)", "percent", "none", None, None)}  # no last year's column to divide by
    o = imp("\n".join(["Biểu số 05/XH", "CHỈ TIÊU GIẢM NGHÈO NĂM 2026", "STT\tChỉ tiêu\tĐơn vị tính\tMã số\tKỳ báo cáo",
                       "1\tTỷ lệ hộ nghèo\t%\t01\t", "\t- Thành thị\t\t02\t", "\t- Nông thôn\t\t03\t",
                       "2\tSố hộ nghèo\tHộ\t04\t",
                       "Người lập biểu"]), "bieu.txt")
    t = next(r.question.table for r in o.refs if r.question.type == "table")
    aggs = row_aggregates(t)
    by_label = {r.label.lstrip("- "): aggs[r.key] for r in t.rows}
    assert by_label == {"Tỷ lệ hộ nghèo": "mean", "Thành thị": "mean", "Nông thôn": "mean", "Số hộ nghèo": "sum"}


@pytest.mark.parametrize("header, want", [
    ("Dự toán|TH|TH/DT|TH cùng kỳ|TH/CK", [("TH/DT", "percent", "ratio", "TH", "Dự toán"),
                                           ("TH/CK", "percent", "ratio", "TH", "TH cùng kỳ")]),
    ("Tỷ lệ (%)|Số đã tiêm|Số phải tiêm", [("Tỷ lệ (%)", "percent", "none", None, None)]),  # its counts after it
])
def test_rates_written_as_a_slash_or_before_their_counts(header, want):
    names = header.split("|")
    t = _table(["Biểu 15: SỐ LIỆU", "STT\tĐơn vị\t" + "\t".join(names), "1\tXã A" + "\t" * len(names),
                "2\tXã B" + "\t" * len(names), "Người lập biểu"])
    label = {c.key: c.label for c in t.columns}
    got = [(c.label, c.type, c.aggregate, label.get(c.numerator or ""), label.get(c.denominator or ""))
           for c in t.columns if c.label in {w[0] for w in want}]
    assert got == want


def test_a_numbering_row_formula_is_a_sum_only_when_it_is_one():
    t = _table(["Biểu 16: GIẢI QUYẾT ĐƠN THƯ", "STT\tĐơn vị\tTồn đầu kỳ\tTiếp nhận\tĐã giải quyết\tTồn cuối kỳ\t"
                "Tỷ lệ giải quyết (%)", "A\tB\t1\t2\t3\t4=1+2-3\t5=3/2", "1\tXã A\t\t\t\t\t", "2\tXã B\t\t\t\t\t",
                "Người lập biểu"])
    cols = {c.label: c for c in t.columns}
    assert cols["Tồn cuối kỳ"].sum_of is None  # 1 + 2 − 3 is no sum of column 1 (the units enter it)
    rate = cols["Tỷ lệ giải quyết (%)"]
    assert (rate.aggregate, rate.numerator, rate.denominator) == \
        ("ratio", cols["Đã giải quyết"].key, cols["Tiếp nhận"].key)
    a, b = [r.key for r in t.rows][:2]
    k = {lab: c.key for lab, c in cols.items()}
    got = table_figures(t, [{"rows": {a: {k["Tồn đầu kỳ"]: 5, k["Tiếp nhận"]: 20, k["Đã giải quyết"]: 15,
                                          k["Tồn cuối kỳ"]: 10}}},
                            {"rows": {a: {k["Tồn đầu kỳ"]: 0, k["Tiếp nhận"]: 10, k["Đã giải quyết"]: 9,
                                          k["Tồn cuối kỳ"]: 1}}}])
    assert got[a][k["Tồn cuối kỳ"]] == 11 and got[a][k["Tỷ lệ giải quyết (%)"]] == pytest.approx(24 * 100 / 30)
    assert b in got


def test_per_head_rows_dashed_figures_and_a_rate_over_its_numbered_count():
    o = imp("\n".join(["Biểu số 08/XH", "CHỈ TIÊU Y TẾ NĂM 2026", "STT\tChỉ tiêu\tĐơn vị tính\tMã số\tKỳ báo cáo",
                       "1\tSố giường bệnh/vạn dân\tgiường\t01\t", "2\tTỷ lệ dân số tham gia BHYT\t\t02\t",
                       "2.1\tSố người tham gia BHYT\tngười\t03\t", "3\tTỷ lệ che phủ rừng\t%\t04\t",
                       "\t- Diện tích rừng trồng\tha\t05\t", "\t- Diện tích rừng tự nhiên\t\t06\t",
                       "Người lập biểu"]), "bieu.txt")
    t = next(r.question.table for r in o.refs if r.question.type == "table")
    aggs = row_aggregates(t)
    by_label = {r.label.lstrip("- "): (aggs[r.key], r.sum_of) for r in t.rows}
    assert by_label["Số giường bệnh/vạn dân"][0] == "mean"  # per head though it says «Số»
    assert by_label["Tỷ lệ dân số tham gia BHYT"] == ("mean", None)  # asked, never the sum of its count
    assert by_label["Số người tham gia BHYT"][0] == "sum"
    assert by_label["Diện tích rừng trồng"][0] == "sum" and by_label["Diện tích rừng tự nhiên"][0] == "sum"


# review r27d: averages, per-head figures and ratios that are no percentages are never summed nor ×100
R27D = {
    "Số lớp|Số GV|GV/lớp": ("GV/lớp", "mean"),  # so many per one: never a percentage (was 150 for 1.5)
    "Số thôn|Số hộ|Hộ/thôn": ("Hộ/thôn", "mean"),
    "Số học sinh dự thi|Điểm trung bình": ("Điểm trung bình", "mean"),  # was summed: 13.5 for 6.5 and 7.0
    "Số lao động|Thu nhập (triệu đồng/người/tháng)": ("Thu nhập (triệu đồng/người/tháng)", "mean"),
    "Mặt hàng|Giá kỳ này (đồng/kg)": ("Giá kỳ này (đồng/kg)", "mean"),
    "Số doanh nghiệp|Lao động bình quân (người)": ("Lao động bình quân (người)", None),  # a stock: summed
    "Số doanh nghiệp|Số lao động BQ": ("Số lao động BQ", None),
    "Dân số|Số sinh|Tỷ lệ sinh (‰)": ("Tỷ lệ sinh (‰)", "mean"),  # never recomputed ×100
    "Kế hoạch|Thực hiện|So với kế hoạch": ("So với kế hoạch", "ratio"),  # a percentage though no «%»
    "Kế hoạch|Ước TH|Ước TH/KH": ("Ước TH/KH", "ratio"),
    "Cùng kỳ|Kỳ báo cáo|Tốc độ tăng trưởng": ("Tốc độ tăng trưởng", "none"),
    "Diện tích|Dân số|Mật độ dân số": ("Mật độ dân số", "none"),
    "Số phụ nữ 15-49 tuổi|Số con trung bình của một phụ nữ": ("Số con trung bình của một phụ nữ", "mean"),
}


@pytest.mark.parametrize("header", list(R27D))
def test_the_third_reviews_averages_and_ratios(header):
    names = header.split("|")
    t = _table(["Biểu 17: SỐ LIỆU", "STT\tĐơn vị\t" + "\t".join(names), "1\tXã A" + "\t" * len(names),
                "2\tXã B" + "\t" * len(names), "Người lập biểu"])
    label, want = R27D[header]
    col = next(c for c in t.columns if c.label == label)
    assert col.aggregate == want, (header, col.aggregate)


def test_rows_per_head_averages_and_stocks():
    from dialogs.figures import rate_row
    assert rate_row("Số con bình quân của một phụ nữ", "con") and rate_row("Số bác sĩ trên vạn dân", "bác sĩ")
    assert rate_row("Số học sinh bình quân một lớp", None) and rate_row("Số ngày điều trị trung bình", "ngày")
    assert rate_row("Tỷ suất chết trẻ em dưới 1 tuổi", "trẻ/1000 trẻ sinh sống") and rate_row("Chỉ số giá tiêu dùng", None)
    assert not rate_row("Dân số bình quân", "người") and not rate_row("Trong đó: lao động nữ bình quân", "người")
    assert not rate_row("Học sinh xếp loại học lực trung bình", None) and not rate_row("Số hộ nghèo", "hộ")


COLS_OUTLINE = """id: thu-chi
title: Thử cột tỷ lệ
period: {kind: quarterly}
respondents: [xa]
sections:
  - no: I.
    title: Mục
    items:
      - key: ns
        prompt: Thu ngân sách
        type: table
        table:
          title: Biểu 02. Thu ngân sách
          columns:
            - {key: dt, label: Dự toán, type: integer}
            - {key: th, label: Thực hiện, type: integer}
            - {key: tl, label: Tỷ lệ (%), type: percent, aggregate: ratio, numerator: th, denominator: dt}
            - {key: ck, label: So với cùng kỳ (%), type: percent, aggregate: none}
            - {key: gia, label: Giá bình quân, type: integer, aggregate: mean}
          rows:
            - {key: thue, label: Thu thuế}
            - {key: phi, label: Thu phí}
"""


def test_the_report_says_how_each_column_that_is_not_a_sum_was_made():
    from docx import Document as Read
    from openpyxl import load_workbook

    from dialogs.loader import check_outline_text
    from exports.consolidate import UnitInfo, consolidate
    from exports.docx_report import build_docx
    from exports.xlsx_report import build_xlsx
    o, probs = check_outline_text(COLS_OUTLINE)
    assert probs == [] and o is not None, probs
    units = [UnitInfo(1, "X1", "Xã Một", "xa"), UnitInfo(2, "X2", "Xã Hai", "xa")]
    answers = {1: {"ns": {"rows": {"thue": {"dt": 100, "th": 90, "tl": 90, "ck": 105, "gia": 10},
                                   "phi": {"dt": 20, "th": 10, "tl": 50, "ck": 95, "gia": 30}}}},
               2: {"ns": {"rows": {"thue": {"dt": 300, "th": 150, "tl": 50, "ck": 110, "gia": 20},
                                   "phi": {"dt": 80, "th": 80, "tl": 100, "ck": 90, "gia": 40}}}}}
    c = consolidate(o, units=units, current=answers, previous=None, status=dict.fromkeys(answers, "submitted"),
                    submitted_at={}, period_label="Quý I/2026", deadline=None)
    doc = Read(BytesIO(build_docx(c)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "«Tỷ lệ (%)» = «Thực hiện» / «Dự toán» × 100, tính lại từ số đã cộng" in text
    assert "«So với cùng kỳ (%)»: không tổng hợp, xem số liệu từng đơn vị" in text
    assert "«Giá bình quân»: trung bình cộng của 2 đơn vị (không gia quyền)" in text
    table = next(t for t in doc.tables if any(cell.text.strip() == "Thu thuế" for r in t.rows for cell in r.cells))
    header = [cell.text.strip() for cell in table.rows[0].cells]
    assert "Tỷ lệ (%)" in header and "Tỷ lệ (%) (%)" not in header
    body = {r.cells[1].text.strip(): [cell.text.strip() for cell in r.cells] for r in table.rows[1:]}
    # by hand: thuế 240 of 400 → 60 %; phí 90 of 100 → 90 %; giá (10 + 20) / 2 = 15, (30 + 40) / 2 = 35
    assert body["Thu thuế"][2:7] == ["400", "240", "60%", "", "15"]
    assert body["Thu phí"][2:7] == ["100", "90", "90%", "", "35"]
    wb = load_workbook(BytesIO(build_xlsx(c)))
    cells = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert any("«So với cùng kỳ (%)»: không tổng hợp" in v for v in cells)
    assert "Tỷ lệ (%) (%)" not in cells


def test_a_heading_or_an_indicator_over_other_indicators_is_never_their_sum():
    """Review r27d: «I. DÂN SỐ VÀ LAO ĐỘNG» over three indicators in «người» printed their sum (80 500); «Tổng số hộ |
    hộ» over «Số hộ nghèo», «Số hộ cận nghèo» printed 80 and the real total was never asked."""
    o = imp("\n".join(["Biểu số 09/KT", "MỘT SỐ CHỈ TIÊU NĂM 2026", "STT\tChỉ tiêu\tĐơn vị tính\tMã số\tKỳ báo cáo",
                       "I\tDÂN SỐ VÀ LAO ĐỘNG\t\t\t", "1\tDân số trung bình\tngười\t01\t",
                       "2\tSố lao động có việc làm\tngười\t02\t", "II\tHỘ GIA ĐÌNH\t\t\t", "3\tTổng số hộ\thộ\t03\t",
                       "3.1\tSố hộ nghèo\thộ\t04\t", "3.2\tSố hộ cận nghèo\thộ\t05\t",
                       "4\tSố hộ theo khu vực\thộ\t06\t", "\tChia ra:\t\t\t", "4.1\tThành thị\thộ\t07\t",
                       "4.2\tNông thôn\thộ\t08\t", "Người lập biểu"]), "bieu.txt")
    t = next(r.question.table for r in o.refs if r.question.type == "table")
    rows = {r.label: r for r in t.rows}
    assert rows["DÂN SỐ VÀ LAO ĐỘNG"].sum_of is None and not rows["DÂN SỐ VÀ LAO ĐỘNG"].asked  # a label
    assert rows["Tổng số hộ"].sum_of is None and rows["Tổng số hộ"].asked  # the unit enters its total
    assert rows["HỘ GIA ĐÌNH"].sum_of is None  # never «Tổng số hộ» + «Số hộ theo khu vực» (the households twice)
    k = t.columns[0].key
    got = table_figures(t, [{"rows": {rows[x].key: {k: v} for x, v in (("Dân số trung bình", 50000),
                                                                       ("Số lao động có việc làm", 30000),
                                                                       ("Tổng số hộ", 1000), ("Số hộ nghèo", 50),
                                                                       ("Số hộ cận nghèo", 30), ("Thành thị", 400),
                                                                       ("Nông thôn", 600))}}])
    assert got.get(rows["DÂN SỐ VÀ LAO ĐỘNG"].key, {}).get(k) is None and got[rows["Tổng số hộ"].key][k] == 1000
    assert got.get(rows["HỘ GIA ĐÌNH"].key, {}).get(k) is None


def test_a_ratio_of_money_over_a_plain_number_is_never_printed():
    """Review r27e: «Dự toán năm» typed money (kept in đồng) over «Thực hiện 6 tháng» a plain number printed 0 %
    (and 298.221.503,64 % the other way round): the guess leaves it unconsolidated, the check refuses it declared."""
    guess = guess_aggregate({"key": "tl", "label": "TH/DT (%)", "type": "percent"}, None,
                            [{"key": "dt", "label": "Dự toán năm", "type": "money"},
                             {"key": "th", "label": "Thực hiện 6 tháng", "type": "integer"}])
    assert guess == {"aggregate": "none"}
    bad = COLS_OUTLINE.replace("{key: dt, label: Dự toán, type: integer}", "{key: dt, label: Dự toán, type: money}")
    _, probs = check_outline_text(bad)
    assert any("tử số «th» và mẫu số «dt» phải cùng loại" in p.message for p in probs), probs


def test_the_note_names_a_column_by_its_group_when_its_label_repeats():
    from dialogs.figures import unsummed_note
    o, probs = check_outline_text(COLS_OUTLINE.replace(
        "            - {key: gia, label: Giá bình quân, type: integer, aggregate: mean}",
        "            - {key: sl1, label: Số lượng, type: integer, group: Năm 2025}\n"
        "            - {key: tt1, label: Tỷ trọng, type: percent, aggregate: share, of: sl1, group: Năm 2025}\n"
        "            - {key: sl2, label: Số lượng, type: integer, group: Năm 2026}\n"
        "            - {key: tt2, label: Tỷ trọng, type: percent, aggregate: share, of: sl2, group: Năm 2026}"))
    assert probs == [] and o is not None, probs
    note = unsummed_note(o.question("ns").table)
    assert note is not None and note.startswith("Ghi chú: Các cột: ") is False and ". Các " not in note
    # no total row and none added (thuế and phí are not surely one measure): the shares are left empty, and said so
    # (r29f: the note spoke of a total row «trên nó» that the Biểu does not have)
    assert "«Năm 2025 – Tỷ trọng»: để trống vì Biểu không có dòng tổng để tính tỷ trọng" in note
    assert "«Năm 2026 – Tỷ trọng»" in note and note.count("«Tỷ trọng»") == 0
