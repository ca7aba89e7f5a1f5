"""An average the Biểu holds the parts of is recomputed from the consolidated parts, never the units' plain mean
(review x28): «Năng suất (tạ/ha)» beside «Diện tích (ha)» and «Sản lượng (tấn)» is Σ tấn ÷ Σ ha × 10; a row
«Thu nhập bình quân đầu người» beside «Tổng thu nhập» and «Dân số» is their quotient. A plain mean left is called
«trung bình cộng của N đơn vị (không gia quyền)» under the Biểu. Every figure is worked out by hand here."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

from dialogs.loader import check_outline_text
from exports.consolidate import UnitInfo, consolidate
from exports.docx_report import build_docx
from exports.xlsx_report import build_xlsx

HEAD = """id: thu-binh-quan
title: Thử số bình quân
period: {kind: yearly}
respondents: [xa]
sections:
  - no: I.
    title: Mục
    items:
"""

CROPS = """      - key: cay
        prompt: Sản xuất
        type: table
        table:
          title: Biểu A. Kết quả sản xuất
          columns:
            - {key: dt, label: Diện tích (ha), type: decimal, unit: ha}
            - {key: ns, label: Năng suất (tạ/ha), type: decimal, unit: tạ/ha, aggregate: ratio, numerator: sl,
               denominator: dt, factor: 10}
            - {key: sl, label: Sản lượng (tấn), type: decimal, unit: tấn}
            - {key: gia, label: Giá bán bình quân (đồng/kg), type: decimal, aggregate: mean}
          rows:
            - {key: lua, no: '1', label: Lúa}
            - {key: ngo, no: '2', label: Ngô}
"""

INDICATORS = """      - key: ct
        prompt: Chỉ tiêu
        type: table
        table:
          title: Biểu B. Chỉ tiêu kinh tế
          columns:
            - {key: th, label: Thực hiện, type: decimal}
          rows:
            - {key: thu_nhap, no: '1', label: Tổng thu nhập, unit: triệu đồng}
            - {key: dan, no: '2', label: Dân số, unit: người}
            - {key: bq, no: '3', label: Thu nhập bình quân đầu người, unit: triệu đồng/người, aggregate: ratio,
               numerator: thu_nhap, denominator: dan, factor: 1}
            - {key: tl, no: '4', label: Tỷ lệ hộ nghèo, unit: '%'}
"""

UNITS = {  # (Diện tích ha, Năng suất tạ/ha as the unit wrote it, Sản lượng tấn, Giá đồng/kg) per crop
    1: {"lua": (100, 60, 600, 8000), "ngo": (20, 45, 90, 7000)},
    2: {"lua": (50, 56, 280, 9000)},
    3: {"lua": (10, 40, 40, 7600), "ngo": (10, 45, 45, 7300)},
}
PEOPLE = {1: (12_000, 200, 4.0), 2: (6_000, 150, 6.0), 3: (2_000, 50, 2.0)}  # thu nhập, dân số, tỷ lệ hộ nghèo


def consolidation():
    o, probs = check_outline_text(HEAD + CROPS + INDICATORS)
    assert probs == [] and o is not None, probs
    units = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in UNITS]
    cur = {i: {"cay": {"rows": {rk: dict(zip(("dt", "ns", "sl", "gia"), v, strict=True)) for rk, v in rows.items()}},
               "ct": {"rows": {"thu_nhap": {"th": PEOPLE[i][0]}, "dan": {"th": PEOPLE[i][1]}, "bq": {"th": 999},
                               "tl": {"th": PEOPLE[i][2]}}}}
           for i, rows in UNITS.items()}
    return consolidate(o, units=units, current=cur, previous=None, status=dict.fromkeys(UNITS, "submitted"),
                       submitted_at={}, period_label="Năm 2026", deadline=None)


# by hand — Lúa: 600 + 280 + 40 = 920 tấn over 100 + 50 + 10 = 160 ha = 5,75 tấn/ha = 57,5 tạ/ha (the units'
# yields 60, 56, 40 have a plain mean of 52); Ngô: 90 + 45 = 135 tấn over 20 + 10 = 30 ha = 4,5 tấn/ha = 45 tạ/ha.
# Giá (no parts in the Biểu): plain mean — Lúa (8000 + 9000 + 7600) / 3 = 8200, Ngô (7000 + 7300) / 2 = 7150.
# Thu nhập bình quân: (12000 + 6000 + 2000) / (200 + 150 + 50) = 20000 / 400 = 50 triệu đồng/người (the units'
# own 60, 40, 40 have a plain mean of 46,67; what each unit typed on that row is never used); Tỷ lệ hộ nghèo:
# (4 + 6 + 2) / 3 = 4 (a plain mean, said so).
def test_the_figures_are_recomputed_from_the_summed_parts():
    g = consolidation().item("cay").summary.grid
    assert g["lua"]["dt"] == 160 and g["lua"]["sl"] == 920
    assert g["lua"]["ns"] == pytest.approx(57.5) and g["ngo"]["ns"] == pytest.approx(45.0)
    assert g["lua"]["gia"] == pytest.approx(8200) and g["ngo"]["gia"] == pytest.approx(7150)
    b = consolidation().item("ct").summary.grid
    assert b["thu_nhap"]["th"] == 20_000 and b["dan"]["th"] == 400
    assert b["bq"]["th"] == pytest.approx(50.0) and b["tl"]["th"] == pytest.approx(4.0)


def _xlsx(c) -> dict[str, list[tuple]]:
    wb = load_workbook(BytesIO(build_xlsx(c)), read_only=True)
    out = {}
    for ws in wb.worksheets:
        rows = [tuple(r) + (None,) * 6 for r in ws.iter_rows(values_only=True)]
        if rows and str(rows[0][0]).startswith("Biểu "):
            out[str(rows[0][0])[:7]] = rows
    wb.close()
    return out


def test_the_xlsx_prints_the_weighted_figures_and_says_how():
    sheets = _xlsx(consolidation())
    a = sheets["Biểu A."]
    lua = next(r for r in a if r[1] == "Lúa")
    assert lua[2:6] == (160, pytest.approx(57.5), 920, pytest.approx(8200))
    assert not any(r[1] == "Tổng cộng" for r in a)  # Lúa + Ngô: different crops, never added up
    texts = [str(v) for r in a for v in r if v is not None]
    note = next(t for t in texts if t.startswith("Ghi chú"))
    assert "«Năng suất (tạ/ha)» = «Sản lượng (tấn)» / «Diện tích (ha)» × 10, tính lại từ số đã cộng (bình quân gia " \
           "quyền)" in note
    # two crops: Lúa's price from 3 units, Ngô's from 2
    assert "«Giá bán bình quân (đồng/kg)»: trung bình cộng của 2–3 đơn vị có số liệu (không gia quyền)" in note
    b = sheets["Biểu B."]
    bq = next(r for r in b if str(r[1]).startswith("Thu nhập bình quân đầu người"))
    assert bq[1] == "Thu nhập bình quân đầu người (tính lại từ số đã cộng)" and bq[3] == pytest.approx(50.0)
    note = next(str(v) for r in b for v in r if str(v).startswith("Ghi chú"))
    assert "«Thu nhập bình quân đầu người» = «Tổng thu nhập» / «Dân số», tính lại từ số đã cộng (bình quân gia " \
           "quyền)" in note
    assert "«Tỷ lệ hộ nghèo»: trung bình cộng của 3 đơn vị (không gia quyền)" in note


def test_the_docx_prints_the_same():
    doc = Document(BytesIO(build_docx(consolidation())))
    tables = [[[cell.text.strip() for cell in row.cells] for row in t.rows] for t in doc.tables]
    a = next(t for t in tables if any(len(r) > 1 and r[1] == "Lúa" for r in t))
    assert next(r for r in a if r[1] == "Lúa")[2:6] == ["160", "57,5", "920", "8.200"]
    assert next(r for r in a if r[1] == "Ngô")[2:6] == ["30", "45", "135", "7.150"]
    b = next(t for t in tables if any(len(r) > 1 and r[1].startswith("Thu nhập bình quân") for r in t))
    assert next(r for r in b if r[1].startswith("Thu nhập bình quân"))[3] == "50"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "× 10, tính lại từ số đã cộng (bình quân gia quyền)" in text
    assert "«Tỷ lệ hộ nghèo»: trung bình cộng của 3 đơn vị (không gia quyền)" in text


def test_check_asks_for_the_factor_and_refuses_a_ratio_row_of_what_is_not_summed():
    no_factor = HEAD + CROPS.replace(",\n               denominator: dt, factor: 10}", ",\n               denominator: dt}")
    _, probs = check_outline_text(no_factor)
    assert [p.message for p in probs] == [
        "biểu «cay», cột «ns»: tỷ lệ tính lại không phải phần trăm: ghi «factor» (hệ số nhân thương: 10 cho tấn/ha → "
        "tạ/ha, 1 cho triệu đồng/người), hoặc «type: percent» nếu là phần trăm"]
    _, probs = check_outline_text(HEAD + INDICATORS.replace("numerator: thu_nhap", "numerator: tl"))
    assert [p.message for p in probs] == ["biểu «ct», dòng «bq»: «tl» không phải dòng được cộng (tỷ lệ/bình quân), "
                                          "không làm tử số hay mẫu số được"]
    _, probs = check_outline_text(HEAD + INDICATORS.replace("unit: '%'}", "unit: '%', factor: 100}"))
    assert [p.message for p in probs] == ["biểu «ct», dòng «tl»: numerator/denominator/factor chỉ dùng với "
                                          "«aggregate: ratio»"]


def test_the_total_row_over_communes_recomputes_the_yield_from_its_own_sums():
    o, probs = check_outline_text(HEAD + CROPS.replace("{key: lua, no: '1', label: Lúa}", "{key: lua, label: Xã An Phú}")
                                  .replace("{key: ngo, no: '2', label: Ngô}", "{key: ngo, label: Xã Bình Mỹ}"))
    assert probs == [] and o is not None, probs
    units = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in UNITS]
    cur = {i: {"cay": {"rows": {rk: dict(zip(("dt", "ns", "sl", "gia"), v, strict=True)) for rk, v in rows.items()}}}
           for i, rows in UNITS.items()}
    c = consolidate(o, units=units, current=cur, previous=None, status=dict.fromkeys(UNITS, "submitted"),
                    submitted_at={}, period_label="Năm 2026", deadline=None)
    a = _xlsx(c)["Biểu A."]
    total = next(r for r in a if r[1] == "Tổng cộng")
    # by hand: 160 + 30 = 190 ha, 920 + 135 = 1055 tấn, 1055 / 190 × 10 = 55,526… tạ/ha; no mean of prices
    assert total[2] == 190 and total[4] == 1055 and total[3] == pytest.approx(10550 / 190) and total[5] is None
