"""Review r28f: money prints in the unit its header names (M1); a Biểu's ratios pair each unit's parts (M3, M5,
N1); a computed figure in an integer column keeps its decimals in the .docx (M6, M8); a rate every unit typed as
«47/96» is recomputed from the parts (M10); `outlines check` refuses a factor the units contradict (M12). Made-up
Biểu over 2–3 units, typed as a unit types them; every expected figure is worked out by hand in the comments."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from openpyxl import load_workbook

from dialogs.answers import parse_row
from dialogs.loader import check_outline_text
from exports.consolidate import UnitInfo, consolidate
from exports.docx_report import build_docx
from exports.xlsx_report import build_xlsx

HEAD = """id: thu-r28f
title: Thử tiền và tỷ lệ
period: {kind: yearly}
respondents: [xa]
sections:
  - no: I.
    title: Mục
    items:
"""


def _outline(body: str):
    o, probs = check_outline_text(HEAD + body)
    assert o is not None and probs == [], probs
    return o


def _run(o, typed: dict[int, dict[str, str]], key: str = "b"):
    """``typed``: unit → row key → the row as the unit types it; → (xlsx rows of the Biểu sheet, docx tables, docx text)."""
    t = o.question(key).table
    cur = {u: {key: {"rows": {rk: parse_row(t, line) for rk, line in rows.items()}}} for u, rows in typed.items()}
    units = [UnitInfo(u, f"X{u}", f"Xã {u}", "xa") for u in typed]
    c = consolidate(o, units=units, current=cur, previous=None, status=dict.fromkeys(typed, "submitted"),
                    submitted_at={}, period_label="Năm 2027", deadline=None)
    wb = load_workbook(BytesIO(build_xlsx(c)), read_only=True)
    sheets = [[list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets]
    rows = next(rs for rs in sheets if any(len(r) > 1 and r[:2] == ["TT", "Nội dung"] for r in rs))
    doc = Document(BytesIO(build_docx(c)))
    tables = [[[cell.text.strip() for cell in r.cells] for r in tb.rows] for tb in doc.tables]
    return rows, tables, "\n".join(p.text for p in doc.paragraphs)


def _xrow(rows, label: str) -> list:
    return next(r for r in rows if len(r) > 1 and isinstance(r[1], str) and r[1].strip().startswith(label))


def _drow(tables, label: str) -> list[str]:
    return next(r for t in tables for r in t if len(r) > 1 and r[1].strip().startswith(label) and r[0] != "STT")


MONEY = """      - key: b
        prompt: Thu
        type: table
        table:
          title: Biểu M. Thu quỹ
          columns:
            - {key: tn, label: Tổng thu nhập (tỷ đồng), type: money, unit: tỷ đồng}
            - {key: pt, label: Số tiền phải thu (đồng), type: money, unit: đồng}
            - {key: dt, label: Số tiền đã thu (nghìn đồng), type: money, unit: nghìn đồng}
            - {key: gia, label: Giá thóc (đồng/kg), type: money, unit: đồng/kg, aggregate: mean}
          rows:
            - {key: a, no: '1', label: Thôn Một}
            - {key: b2, no: '2', label: Thôn Hai}
"""


def test_money_prints_in_the_unit_its_header_names():
    o = _outline(MONEY)
    rows, tables, _ = _run(o, {1: {"a": "650 5.000.000 4.500 8.000", "b2": "200 2.500.000 2.500 7.000"},
                               2: {"a": "90 1.000.000 1.000 8.600"}})
    # Thôn Một: 650 + 90 = 740 tỷ; 5 000 000 + 1 000 000 = 6 000 000 đồng; 4 500 + 1 000 = 5 500 nghìn;
    # giá: (8 000 + 8 600) / 2 = 8 300 đồng/kg
    assert _xrow(rows, "Thôn Một")[2:6] == [740, 6_000_000, 5_500, 8_300]
    assert _drow(tables, "Thôn Một")[2:6] == ["740", "6.000.000", "5.500", "8.300"]
    # the added «Tổng cộng» (two places): 740 + 200 = 940 tỷ; 6 000 000 + 2 500 000 = 8 500 000; 5 500 + 2 500 = 8 000
    assert _xrow(rows, "Tổng cộng")[2:5] == [940, 8_500_000, 8_000]
    head = next(r for r in rows if len(r) > 1 and r[1] == "Nội dung")
    assert head[2:6] == ["Tổng thu nhập (tỷ đồng)", "Số tiền phải thu (đồng)", "Số tiền đã thu (nghìn đồng)",
                         "Giá thóc (đồng/kg)"]  # the unit once, never «(tỷ đồng) (tỷ đồng)»
    # each unit's own table below: Xã 2 typed 90 (tỷ) and 8.600 đồng/kg
    own = [r for r in rows if len(r) > 1 and r[1] == "Thôn Một"]
    assert own[-1][2] == 90 and own[-1][5] == 8_600


CROPS = """      - key: b
        prompt: Sản xuất
        type: table
        table:
          title: Biểu N. Sản xuất
          columns:
            - {key: dt, label: Diện tích (ha), type: decimal, unit: ha}
            - {key: ns, label: Năng suất (tạ/ha), type: decimal, unit: tạ/ha, aggregate: ratio, numerator: sl,
               denominator: dt, factor: 10}
            - {key: sl, label: Sản lượng (tấn), type: decimal, unit: tấn}
          rows:
            - {key: dong, no: '1', label: Xã Đông}
            - {key: tay, no: '2', label: Xã Tây}
"""


def test_a_ratio_column_counts_only_units_with_both_parts():
    o = _outline(CROPS)
    rows, tables, text = _run(o, {1: {"dong": "100 50 500", "tay": "12 - -"},
                                  2: {"dong": "- - 300"},
                                  3: {"dong": "0 0 0", "tay": "30 40 -"}})
    # Xã Đông: unit 1 (100 ha, 500 t) and unit 3 (0, 0) have both; unit 2 gave only 300 t → (500 + 0) / (100 + 0)
    # × 10 = 50 tạ/ha (not 800 / 100 × 10 = 80). Xã Tây: unit 1 gave 12 ha only, unit 3 30 ha and its yield but no
    # output: no unit gave both → blank (never 40 from unit 3's own yield, never 0 from 12 ha)
    x = _xrow(rows, "Xã Đông")
    assert x[2] == 100 and x[4] == 800 and abs(x[3] - 50) < 1e-9
    assert _xrow(rows, "Xã Tây")[3] is None and _drow(tables, "Xã Tây")[3] == ""
    # Tổng cộng: parts of the units counted on each row: (500 + 0) / (100 + 0) × 10 = 50 (not 800 / 142 × 10)
    assert abs(_xrow(rows, "Tổng cộng")[3] - 50) < 1e-9
    assert _drow(tables, "Xã Đông")[3] == "50"
    assert "«Năng suất (tạ/ha)», dòng «Xã Đông»: 2/3 đơn vị" in text
    assert "Để trống vì không đơn vị nào nhập đủ cả hai số: «Năng suất (tạ/ha)», dòng «Xã Tây»" in text


INDICATORS = """      - key: b
        prompt: Chỉ tiêu
        type: table
        table:
          title: Biểu C. Chỉ tiêu
          columns:
            - {key: kh, label: Kế hoạch, type: decimal}
            - {key: th, label: Ước thực hiện, type: decimal}
          rows:
            - {key: tn, no: '1', label: Tổng thu nhập, unit: triệu đồng}
            - {key: ds, no: '2', label: Dân số, unit: người}
            - {key: bq, no: '3', label: Thu nhập bình quân, unit: triệu đồng/người, aggregate: ratio,
               numerator: tn, denominator: ds, factor: 1}
"""


def test_a_ratio_row_counts_only_units_with_both_rows():
    o = _outline(INDICATORS)
    rows, tables, text = _run(o, {1: {"tn": "500.000 520.000", "ds": "10.000 10.100"},
                                  2: {"tn": "200.000 210.000", "ds": "5.000 -"}})
    # Kế hoạch: both units → 700 000 / 15 000 = 46,666…; Ước thực hiện: unit 2 gave no Dân số → 520 000 / 10 100
    # = 51,4851… (not 730 000 / 10 100 = 72,28)
    x = _xrow(rows, "Thu nhập bình quân")  # TT, Nội dung, ĐVT, Kế hoạch, Ước thực hiện
    assert abs(x[3] - 700_000 / 15_000) < 1e-9 and abs(x[4] - 520_000 / 10_100) < 1e-9
    assert _drow(tables, "Thu nhập bình quân")[3:5] == ["46,67", "51,49"]
    assert "«Thu nhập bình quân», cột «Ước thực hiện»: 1/2 đơn vị" in text


def test_a_ratio_with_no_output_at_all_is_blank_not_a_formula():
    o = _outline(CROPS)
    rows, tables, text = _run(o, {1: {"dong": "100 50 -"}, 2: {"dong": "50 60 -"}})
    # no unit gave Sản lượng: no quotient of summed parts exists → blank, and the note says why
    assert _xrow(rows, "Xã Đông")[3] is None and _drow(tables, "Xã Đông")[3] == ""
    assert "Để trống vì không đơn vị nào nhập đủ cả hai số: «Năng suất (tạ/ha)», dòng «Xã Đông»" in text


def test_a_ratio_no_unit_gave_parts_of_is_blank_and_the_note_says_why():
    o = _outline(CROPS)
    rows, tables, text = _run(o, {1: {"dong": "- - 300"}, 2: {"dong": "40 - -"}})
    assert _xrow(rows, "Xã Đông")[3] is None and _drow(tables, "Xã Đông")[3] == ""
    assert "Để trống vì không đơn vị nào nhập đủ cả hai số: «Năng suất (tạ/ha)», dòng «Xã Đông»" in text


SCHOOLS = """      - key: b
        prompt: Trường lớp
        type: table
        table:
          title: Biểu S. Trường lớp
          columns:
            - {key: lop, label: Số lớp, type: integer}
            - {key: bq, label: Bình quân học sinh/lớp, type: integer, aggregate: mean}
            - {key: tl, label: Tỷ lệ đúng hạn (%), type: percent}
          rows:
            - {key: mn, no: '1', label: Mầm non}
            - {key: th, no: '2', label: Tiểu học}
"""


def test_a_mean_in_an_integer_column_keeps_its_decimals_and_parts_typed_rates_are_recomputed():
    o = _outline(SCHOOLS)
    rows, tables, text = _run(o, {1: {"mn": "10 25 47/96", "th": "20 35 80%"}, 2: {"mn": "5 20 3/4", "th": "8 30 60%"}})
    # Mầm non: (25 + 20) / 2 = 22,5 (never «22»); Tiểu học: (35 + 30) / 2 = 32,5
    assert _xrow(rows, "Mầm non")[3] == 22.5 and _drow(tables, "Mầm non")[3] == "22,5"
    assert _drow(tables, "Tiểu học")[3] == "32,5"
    # Tỷ lệ Mầm non: both typed parts → (47 + 3) / (96 + 4) = 50 %; Tiểu học typed plain → (80 + 60) / 2 = 70 %
    assert abs(_xrow(rows, "Mầm non")[4] - 0.5) < 1e-9 and _drow(tables, "Mầm non")[4] == "50%"
    assert abs(_xrow(rows, "Tiểu học")[4] - 0.7) < 1e-9
    assert "iêng các ô sau, mọi đơn vị nhập dạng tử/mẫu nên tính lại từ tổng tử số và tổng mẫu số" in text and "(50/100)" in text
    # the sum of whole numbers stays whole: 10 + 5 = 15 lớp
    assert _drow(tables, "Mầm non")[2] == "15"


def test_check_refuses_a_factor_the_units_contradict():
    bad = CROPS.replace("unit: tạ/ha, aggregate", "unit: tấn/ha, aggregate").replace("Năng suất (tạ/ha)",
                                                                                   "Năng suất (tấn/ha)")
    o, probs = check_outline_text(HEAD + bad)
    assert o is None and any("«factor: 10» không khớp đơn vị" in str(p) and "ghi «factor: 1»" in str(p)
                             for p in probs), probs
    money = CROPS.replace("""            - {key: sl, label: Sản lượng (tấn), type: decimal, unit: tấn}""",
                          """            - {key: sl, label: Sản lượng (tấn), type: decimal, unit: tấn}
            - {key: gt, label: Giá trị (tỷ đồng), type: money, unit: tỷ đồng}
            - {key: gh, label: Giá trị/ha (triệu đồng/ha), type: money, unit: triệu đồng/ha, aggregate: ratio,
               numerator: gt, denominator: dt, factor: 1000}""")
    o, probs = check_outline_text(HEAD + money)
    assert o is None and any("ghi «factor: 1»" in str(p) for p in probs), probs
    o = _outline(money.replace("factor: 1000", "factor: 1"))
    rows, _, _ = _run(o, {1: {"dong": "100 60 600 5 -"}, 2: {"dong": "50 50 250 2 -"}})
    # Giá trị/ha: (5 + 2) tỷ = 7 000 triệu over 150 ha = 46,666… triệu đồng/ha; Giá trị prints 7 (tỷ)
    x = _xrow(rows, "Xã Đông")
    assert x[5] == 7 and abs(x[6] - 7000 / 150) < 1e-9


def test_a_money_question_prints_in_its_own_unit_everywhere():
    o = _outline("""      - {key: tn, prompt: Tổng thu ngân sách, type: money, unit: tỷ đồng}
      - {key: gia, prompt: Giá lúa bình quân, type: money, unit: đồng/kg, aggregate: mean}
""")
    cur = {1: {"tn": 650 * 10**9, "gia": 8_000}, 2: {"tn": 90 * 10**9, "gia": 8_600}}
    units = [UnitInfo(u, f"X{u}", f"Xã {u}", "xa") for u in cur]
    c = consolidate(o, units=units, current=cur, previous=None, status=dict.fromkeys(cur, "submitted"),
                    submitted_at={}, period_label="Năm 2027", deadline=None)
    wb = load_workbook(BytesIO(build_xlsx(c)), read_only=True)
    summary = [list(r) for r in wb["Tổng hợp"].iter_rows(values_only=True)]
    # 650 + 90 = 740 tỷ đồng; (8 000 + 8 600) / 2 = 8 300 đồng/kg
    assert next(r for r in summary if len(r) > 4 and r[2] == "Tổng thu ngân sách")[3:5] == ["tỷ đồng", 740]
    assert next(r for r in summary if len(r) > 4 and r[2] == "Giá lúa bình quân")[3:5] == ["đồng/kg", 8_300]
    per = [list(r) for r in wb["Từng đơn vị"].iter_rows(values_only=True)]
    assert "(tỷ đồng)" in per[1][3] and [r[3] for r in per[2:4]] == [650, 90]
    doc = Document(BytesIO(build_docx(c)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Tổng thu ngân sách: 740 tỷ đồng" in text and "8.300 đồng/kg" in text
    cells = [[cell.text for cell in r.cells] for t in doc.tables for r in t.rows]
    assert any("(tỷ đồng)" in x for r in cells for x in r) and any(r[1:3] == ["Xã 1", "650"] for r in cells), cells
