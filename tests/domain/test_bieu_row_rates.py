"""A statistics Biểu with one indicator per row and its unit (ĐVT) per row: a rate («Tỷ lệ hộ nghèo | %») or an
average («Thu nhập bình quân đầu người | triệu đồng/người») is never summed over units (it was: 30 units' 51% printed
as 1.530%), never a summand of a computed or «Tổng cộng» row, never summed across columns. Checked against figures
worked out by hand here, in the consolidated grid, the .xlsx and the .docx; with `outlines check` problems, the
YAML round trip, and the importer filling the unit from the «Đơn vị tính» column."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook

from dialogs.answers import table_grid
from dialogs.figures import default_row_aggregate, one_measure, rate_row, row_aggregates, total_row
from dialogs.importer import import_document
from dialogs.loader import check_outline_text
from exports.consolidate import UnitInfo, consolidate, table_figures
from exports.docx_report import build_docx
from exports.xlsx_report import build_xlsx
from tests.support.importing import imp

OUTLINE = """id: thong-ke
title: Thử biểu thống kê
period: {kind: quarterly}
respondents: [xa]
sections:
  - no: I.
    title: Mục
    items:
      - key: kt
        prompt: Chỉ tiêu kinh tế - xã hội
        type: table
        table:
          title: Biểu 01. Chỉ tiêu kinh tế - xã hội
          columns:
            - {key: ky, label: Kỳ báo cáo, type: decimal}
            - {key: ck, label: Cùng kỳ, type: decimal}
          rows:
            - {key: ho_ngheo, no: "1", label: Số hộ nghèo, unit: hộ}
            - {key: ty_le, no: "2", label: Tỷ lệ hộ nghèo, unit: "%"}
            - {key: thu_nhap, no: "3", label: Thu nhập bình quân đầu người, unit: triệu đồng/người}
            - {key: can_ngheo, no: "4", label: Số hộ cận nghèo, unit: hộ}
            - {key: mat_do, no: "5", label: Mật độ dân số cao nhất, unit: người/km2, aggregate: max}
            - {key: chi_so, no: "6", label: Điểm chỉ số hài lòng, unit: điểm, aggregate: none}
      - key: ld
        prompt: Lao động
        type: table
        table:
          title: Biểu 02. Lao động
          columns:
            - {key: tong, label: Tổng số, sum_of: [nam, nu]}
            - {key: nam, label: Nam}
            - {key: nu, label: Nữ}
          rows:
            - {key: tong_so, label: Tổng cộng, kind: total, sum_of: all}
            - {key: co_viec, label: Số lao động có việc làm}
            - {key: qua_dt, label: Tỷ lệ lao động qua đào tạo (%)}
            - {key: that_nghiep, label: Số người thất nghiệp}
"""

UNITS = [UnitInfo(1, "X1", "Xã Một", "xa"), UnitInfo(2, "X2", "Xã Hai", "xa"), UnitInfo(3, "X3", "Xã Ba", "xa")]
# (kỳ báo cáo, cùng kỳ) of each unit on each row of Biểu 01
KT = {
    1: {"ho_ngheo": (120, 150), "ty_le": (3.5, 4.2), "thu_nhap": (52.4, 48.0), "can_ngheo": (80, 90),
        "mat_do": (350, 340), "chi_so": (7.5, 7.0)},
    2: {"ho_ngheo": (45, 60), "ty_le": (1.2, 1.8), "thu_nhap": (61.0, 55.5), "can_ngheo": (30, 41),
        "mat_do": (1200, 1180), "chi_so": (8.0, 8.5)},
    3: {"ho_ngheo": (210, 260), "ty_le": (6.8, 8.1), "thu_nhap": (40.3, 37.9), "can_ngheo": (150, 170),
        "mat_do": (95, 93), "chi_so": (6.0, 6.5)},
}
# (nam, nữ) of each unit on each row of Biểu 02
LD = {1: {"co_viec": (500, 450), "qua_dt": (60, 70), "that_nghiep": (20, 25)},
      2: {"co_viec": (300, 280), "qua_dt": (50, 40), "that_nghiep": (10, 12)},
      3: {"co_viec": (700, 690), "qua_dt": (30, 50), "that_nghiep": (35, 30)}}

# worked out by hand
HAND_KT = {
    "ho_ngheo": (375, 470),  # 120 + 45 + 210, 150 + 60 + 260
    "ty_le": (11.5 / 3, 14.1 / 3),  # (3.5 + 1.2 + 6.8) / 3 = 3.83…, (4.2 + 1.8 + 8.1) / 3 = 4.7
    "thu_nhap": (153.7 / 3, 141.4 / 3),  # (52.4 + 61.0 + 40.3) / 3 = 51.23…, (48.0 + 55.5 + 37.9) / 3 = 47.13…
    "can_ngheo": (260, 301),
    "mat_do": (1200, 1180),  # declared max
    "chi_so": (None, None),  # declared none
}
HAND_LD = {
    "co_viec": (1500, 1420, 2920),  # nam 500 + 300 + 700, nữ 450 + 280 + 690, and their sum
    "qua_dt": (140 / 3, 160 / 3, None),  # (60 + 50 + 30) / 3, (70 + 40 + 50) / 3; Tổng số (nam + nữ) means nothing
    "that_nghiep": (65, 67, 132),
    "tong_so": (1565, 1487, 3052),  # co_viec + that_nghiep only: the rate is no summand
}


def outline(text: str = OUTLINE):
    o, probs = check_outline_text(text)
    assert probs == [] and o is not None, probs
    return o


def answers() -> dict[int, dict]:
    return {u: {"kt": {"rows": {rk: {"ky": a, "ck": b} for rk, (a, b) in KT[u].items()}},
                "ld": {"rows": {rk: {"nam": a, "nu": b} for rk, (a, b) in LD[u].items()}}} for u in KT}


def consolidation():
    return consolidate(outline(), units=UNITS, current=answers(), previous=None,
                       status=dict.fromkeys(KT, "submitted"), submitted_at={}, period_label="Quý I/2026",
                       deadline=None)


def test_row_aggregation_defaults_from_unit_and_label():
    assert rate_row("Tỷ lệ hộ nghèo", "%") and rate_row("Tỷ suất sinh", "‰")
    assert rate_row("Thu nhập bình quân đầu người", "triệu đồng/người") and rate_row("Năng suất lúa", "tạ/ha")
    assert rate_row("Tỷ lệ hộ nghèo", None) and rate_row("Lao động qua đào tạo (%)", None)
    assert rate_row("1. Thu nhập bình quân đầu người", None) and rate_row("Tuổi thọ trung bình", None)
    assert rate_row("Tỷ trọng công nghiệp", None) and rate_row("Mật độ dân số", None)
    assert not rate_row("Số hộ nghèo", "hộ") and not rate_row("Số hồ sơ", "hồ sơ/tháng")
    assert not rate_row("Số hộ có thu nhập bình quân trên 50 triệu", None)  # a count of households
    assert not rate_row("Tỷ lệ hộ nghèo", "hộ")  # its own unit says it is a count
    assert not any(rate_row(x, None) for x in ("Trung bình", "Loại trung bình", "Xếp loại trung bình", "Khá"))
    assert rate_row("Số xã đạt chuẩn (%)", None)  # the label says it is a percentage
    assert default_row_aggregate("Số hộ nghèo", "hộ") == "sum"
    t = outline().question("kt").table
    assert row_aggregates(t) == {"ho_ngheo": "sum", "ty_le": "mean", "thu_nhap": "mean", "can_ngheo": "sum",
                                 "mat_do": "max", "chi_so": "none"}
    assert not one_measure(t) and not total_row(t)  # rows of different units: no «Tổng cộng» added


def test_rows_under_a_rate_row_are_rates_too():
    text = OUTLINE.replace("""            - {key: can_ngheo, no: "4", label: Số hộ cận nghèo, unit: hộ}""",
                           """            - {key: can_ngheo, no: "4", label: Số hộ cận nghèo, unit: hộ}
            - {key: tl_nhom, no: "7", label: Tỷ lệ hộ nghèo theo khu vực, kind: group}
            - {key: thanh_thi, label: Thành thị, level: 1}
            - {key: so_ho_tt, label: Số hộ nghèo thành thị, level: 1}""")
    aggs = row_aggregates(outline(text).question("kt").table)
    assert aggs["tl_nhom"] == "mean" and aggs["thanh_thi"] == "mean" and aggs["so_ho_tt"] == "sum"


def test_three_units_consolidated_as_worked_by_hand():
    c = consolidation()
    grid = c.item("kt").summary.grid
    for rk, (ky, ck) in HAND_KT.items():
        assert grid[rk]["ky"] == pytest.approx(ky) if ky is not None else grid[rk]["ky"] is None, rk
        assert grid[rk]["ck"] == pytest.approx(ck) if ck is not None else grid[rk]["ck"] is None, rk
    assert grid["ty_le"]["ky"] != pytest.approx(11.5)  # the defect: the three rates added up
    ld = c.item("ld").summary.grid
    for rk, (nam, nu, tong) in HAND_LD.items():
        assert ld[rk]["nam"] == pytest.approx(nam) and ld[rk]["nu"] == pytest.approx(nu), rk
        assert (ld[rk]["tong"] is None) if tong is None else ld[rk]["tong"] == pytest.approx(tong), rk


def test_a_units_own_grid_never_sums_across_a_rate_row():
    t = outline().question("ld").table
    g = table_grid(t, answers()[1]["ld"])
    assert g["qua_dt"]["tong"] is None and g["co_viec"]["tong"] == 950
    assert g["tong_so"] == {"nam": 520, "nu": 475, "tong": 995}  # 500 + 20, 450 + 25


def test_min_and_none_rows_and_no_unit_answered():
    t = outline().question("kt").table
    assert table_figures(t, [])["ty_le"]["ky"] is None
    one = table_figures(t, [answers()[2]["kt"]])
    assert one["ty_le"]["ky"] == pytest.approx(1.2) and one["chi_so"]["ky"] is None


def _xlsx_rows(c) -> dict[str, list[tuple]]:
    wb = load_workbook(BytesIO(build_xlsx(c)), read_only=True)
    out = {}
    for ws in wb.worksheets:
        rows = [tuple(r) + (None,) * 6 for r in ws.iter_rows(values_only=True)]
        if rows and str(rows[0][0]).startswith("Biểu "):
            out[str(rows[0][0])[:8]] = rows
    wb.close()
    return out


def test_xlsx_prints_the_unit_and_marks_the_averaged_rows():
    sheets = _xlsx_rows(consolidation())
    rows = sheets["Biểu 01."]
    head = next(i for i, r in enumerate(rows) if r[1] == "Nội dung")
    assert rows[head][:5] == ("TT", "Nội dung", "ĐVT", "Kỳ báo cáo", "Cùng kỳ")
    body = {r[0]: r for r in rows[head + 1:head + 7]}
    assert body["1"][1:5] == ("Số hộ nghèo", "hộ", 375, 470)
    assert body["2"][1] == "Tỷ lệ hộ nghèo (trung bình cộng các đơn vị)" and body["2"][2] == "%"
    assert body["2"][3] == pytest.approx(11.5 / 3) and body["2"][4] == pytest.approx(4.7)
    assert body["3"][1] == "Thu nhập bình quân đầu người (trung bình cộng các đơn vị)"
    assert body["3"][2] == "triệu đồng/người" and body["3"][3] == pytest.approx(153.7 / 3)
    assert body["5"][1].endswith("(lớn nhất trong các đơn vị)") and body["5"][3] == 1200
    assert body["6"][3] is None and body["6"][4] is None
    texts = [str(v) for r in rows for v in r if v is not None]
    assert not any(t == "Tổng cộng" for t in texts)
    assert any(t.startswith("Ghi chú: các dòng sau là tỷ lệ") and "«Tỷ lệ hộ nghèo»: trung bình cộng của 3 đơn vị (không gia quyền)" in t
               for t in texts)
    ld = sheets["Biểu 02."]
    head = next(i for i, r in enumerate(ld) if r[1] == "Nội dung")
    assert ld[head][:5] == ("TT", "Nội dung", "Tổng số", "Nam", "Nữ")  # no row has a unit: no ĐVT column
    body = {r[1]: r for r in ld[head + 1:head + 5]}
    assert body["Tổng cộng"][2:5] == (3052, 1565, 1487)
    rate = body["Tỷ lệ lao động qua đào tạo (%) (trung bình cộng các đơn vị)"]
    assert rate[2] is None and rate[3] == pytest.approx(140 / 3)


def test_docx_prints_the_unit_and_marks_the_averaged_rows():
    doc = Document(BytesIO(build_docx(consolidation())))
    tables = [[[cell.text.strip() for cell in row.cells] for row in t.rows] for t in doc.tables]
    kt = next(t for t in tables if any(r[1] == "Số hộ nghèo" for r in t if len(r) > 1))
    assert kt[0][:5] == ["STT", "Nội dung", "ĐVT", "Kỳ báo cáo", "Cùng kỳ"]
    body = {r[0]: r for r in kt[1:]}
    assert body["1"][2:5] == ["hộ", "375", "470"]
    assert body["2"][1] == "Tỷ lệ hộ nghèo (trung bình cộng các đơn vị)" and body["2"][2] == "%"
    assert body["2"][3] == "3,83" and body["2"][4] == "4,7"
    assert body["2"][3] != "11,5"
    assert body["3"][2:5] == ["triệu đồng/người", "51,23", "47,13"]
    assert body["5"][3:5] == ["1.200", "1.180"] and body["6"][3:5] == ["", ""]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "«Thu nhập bình quân đầu người»: trung bình cộng của 3 đơn vị (không gia quyền)" in text
    ld = next(t for t in tables if any(r[1].startswith("Số lao động có việc làm") for r in t if len(r) > 1))
    rate = next(r for r in ld if r[1].startswith("Tỷ lệ lao động qua đào tạo"))
    assert rate[2] == "" and rate[3] == "46,67"


def test_outline_check_says_what_to_write_instead():
    bad = OUTLINE.replace('label: Tỷ lệ hộ nghèo, unit: "%"}', 'label: Tỷ lệ hộ nghèo, unit: "%", aggregate: sum}')
    _, probs = check_outline_text(bad)
    assert any("dòng «ty_le» tính bằng «%», không cộng được" in p.message and "aggregate: mean" in p.message
               for p in probs), probs
    bad = OUTLINE.replace("- {key: qua_dt, label: Tỷ lệ lao động qua đào tạo (%)}",
                          "- {key: qua_dt, label: Tỷ lệ lao động qua đào tạo (%), sum_of: [co_viec, that_nghiep]}")
    _, probs = check_outline_text(bad)
    assert any("dòng «qua_dt» là tỷ lệ hoặc số bình quân nhưng là dòng tổng (sum_of): bỏ «sum_of»" in p.message
               for p in probs), probs
    bad = OUTLINE.replace("sum_of: all}", "sum_of: [co_viec, qua_dt]}")
    _, probs = check_outline_text(bad)
    assert any("dòng «tong_so» cộng dòng «qua_dt» là tỷ lệ/bình quân" in p.message for p in probs), probs
    _, probs = check_outline_text(OUTLINE.replace("aggregate: max}", "aggregate: ratio}"))
    assert probs  # a row is summed, averaged, min, max or none; never a ratio


def test_yaml_round_trip_keeps_unit_and_aggregate():
    o = outline()
    dumped = yaml.safe_dump(o.model_dump(mode="json", exclude_defaults=True), allow_unicode=True, sort_keys=False)
    again = outline(dumped)
    rows = {r.key: r for r in again.question("kt").table.rows}
    assert rows["thu_nhap"].unit == "triệu đồng/người" and rows["thu_nhap"].aggregate is None
    assert rows["mat_do"].aggregate == "max" and rows["chi_so"].aggregate == "none"


def test_importer_fills_the_row_unit_from_the_dvt_column():
    text = "\n".join([
        "Biểu số 03/XH", "MỘT SỐ CHỈ TIÊU XÃ HỘI NĂM 2026",
        "STT Chỉ tiêu Đơn vị tính Mã số Kỳ báo cáo",
        "1 Số hộ nghèo Hộ 01 120",
        "2 Tỷ lệ hộ nghèo % 02 3,5",
        "3 Thu nhập bình quân đầu người Triệu đồng/người 03 52,4",
        "Người lập biểu",
    ])
    o = imp(text, "bieu.txt")
    t = next(r.question.table for r in o.refs if r.question.type == "table")
    units = {r.label: r.unit for r in t.rows}
    assert units == {"Số hộ nghèo": "Hộ", "Tỷ lệ hộ nghèo": "%", "Thu nhập bình quân đầu người": "Triệu đồng/người"}
    aggs = row_aggregates(t)
    assert [aggs[r.key] for r in t.rows] == ["sum", "mean", "mean"]


def test_outlines_show_prints_each_rows_unit_and_kind(tmp_path, capsys):
    from bot.cli import main

    path = tmp_path / "thong_ke.yaml"
    path.write_text(OUTLINE, encoding="utf-8")
    assert main(["outlines", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 Số hộ nghèo [hộ] | 2 Tỷ lệ hộ nghèo [%; trung bình cộng các đơn vị]" in out
    assert main(["outlines", "show", str(path), "--json"]) == 0
    kt = json.loads(capsys.readouterr().out)["tables"][0]
    assert kt["row_units"][:3] == ["hộ", "%", "triệu đồng/người"]
    assert kt["row_aggregates"] == ["sum", "mean", "mean", "sum", "max", "none"]


REVIEWED = OUTLINE[:OUTLINE.index("      - key: kt")] + """      - key: bt
        prompt: Chỉ tiêu
        type: table
        table:
          title: Biểu 03. Chỉ tiêu
          columns:
            - {key: ky, label: Kỳ báo cáo, type: decimal}
          rows:
            - {key: thu_nhap, label: Thu nhập bình quân đầu người, unit: triệu đồng}
            - {key: ho_ngheo, label: Tỷ lệ hộ nghèo, unit: phần trăm}
            - {key: nu, label: "Trong đó: tỷ lệ nữ"}
            - {key: bq, label: Thu nhập BQ đầu người}
            - {key: thang, label: Thu nhập, unit: nghìn đồng/người/tháng}
            - {key: mat_do, label: Mật độ dân số, unit: người}
            - {key: hoc_luc, label: Học sinh xếp loại học lực trung bình}
            - {key: hanh_kiem, label: Hạnh kiểm trung bình}
            - {key: trinh_do, label: "Trong đó: số người đạt trình độ trung bình"}
            - {key: tiem, label: Tỷ lệ tiêm chủng theo cơ sở, unit: "%", open: true}
"""
# two units; each row's right consolidated figure worked out by hand: averages and rates are the mean of the two
# units, counts of a rating («trung bình») their sum, an open rate row no figure over its items
REVIEWED_UNITS = {
    "thu_nhap": (50, 70, 60), "ho_ngheo": (4, 2, 3), "nu": (40, 60, 50), "bq": (50, 70, 60),
    "thang": (3000, 5000, 4000), "mat_do": (100, 300, 200), "hoc_luc": (20, 30, 50), "hanh_kiem": (2, 4, 6),
    "trinh_do": (3, 5, 8),
}


def test_the_reviewed_rates_averages_and_rating_counts_consolidate_right():
    """Review r26c: a rate or average the label says and the unit does not, a «Trong đó:» rate, «BQ», a per-head
    unit with a month after it, and counts of a rating called «trung bình» (summed, not averaged)."""
    t = outline(REVIEWED).question("bt").table
    values = [{"rows": {rk: {"ky": v[u]} for rk, v in REVIEWED_UNITS.items()},
               "items": {"tiem": [{"ky": 90}, {"ky": 80}] if u == 0 else [{"ky": 40}]}} for u in (0, 1)]
    got = table_figures(t, values)
    for rk, (_a, _b, right) in REVIEWED_UNITS.items():
        assert got[rk]["ky"] == pytest.approx(right), rk
    assert got["tiem"]["ky"] is None  # no figure over an open rate row's items (170 or 70 before)
    assert table_grid(t, values[0])["tiem"].get("ky") is None  # nor in one unit's own Biểu (170 before)


def test_a_rate_counted_in_households_is_flagged_and_never_summed():
    """«Tỷ lệ hộ nghèo | hộ»: the label says a rate, the unit a count. `outlines check` names the contradiction and
    what to write; the importer leaves the row unconsolidated (``none``) with an unsure point; declared, it holds."""
    counted = OUTLINE.replace('label: Tỷ lệ hộ nghèo, unit: "%"}', "label: Tỷ lệ hộ nghèo, unit: hộ}")
    _, probs = check_outline_text(counted)
    assert any("dòng «ty_le» ghi «Tỷ lệ hộ nghèo» (tỷ lệ) nhưng đơn vị tính «hộ» (số đếm)" in p.message
               and "«%»" in p.message and "aggregate: sum" in p.message for p in probs), probs
    for declared, want in (("sum", 3 + 7 + 1.5), ("mean", (3 + 7 + 1.5) / 3), ("none", None)):
        o = outline(counted.replace("unit: hộ}", f"unit: hộ, aggregate: {declared}}}"))
        vals = [{"rows": {"ty_le": {"ky": v}}} for v in (3, 7, 1.5)]
        got = table_figures(o.question("kt").table, vals)["ty_le"]["ky"]
        assert got == pytest.approx(want) if want is not None else got is None, declared
    result = import_document("\n".join([
        "Biểu số 05/XH", "CHỈ TIÊU GIẢM NGHÈO NĂM 2026",
        "STT Chỉ tiêu Đơn vị tính Mã số Kỳ báo cáo",
        "1 Số hộ nghèo Hộ 01 120",
        "2 Tỷ lệ hộ nghèo Hộ 02 35",
        "3 Số hộ cận nghèo Hộ 03 80",
        "Người lập biểu",
    ]).encode("utf-8"), "bieu.txt")
    o, probs = check_outline_text(result.yaml)
    assert probs == [] and o is not None, probs
    t = next(r.question.table for r in o.refs if r.question.type == "table")
    rows = {r.label: r for r in t.rows}
    assert rows["Tỷ lệ hộ nghèo"].aggregate == "none" and rows["Số hộ nghèo"].aggregate is None
    assert any("Tỷ lệ hộ nghèo" in n["message"] and "«%»" in n["message"] for n in result.notes), result.notes
    got = table_figures(t, [{"rows": {r.key: {c.key: 10 for c in t.columns} for r in t.rows}}] * 2)
    assert got[rows["Tỷ lệ hộ nghèo"].key][t.columns[0].key] is None
    assert got[rows["Số hộ nghèo"].key][t.columns[0].key] == 20
