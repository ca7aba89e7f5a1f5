"""Review r29f's Biểu findings, each worked by hand: a share never drafted of a rise or fall; a share in a Biểu with no
total row of its own taken of the «Tổng cộng» row added under it (printed in both files alike), or left empty and
said so; a total row's ratio worked from parts paired unit by unit named when it is not that of the sums beside it."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from openpyxl import load_workbook

from dialogs.figures import guess_aggregate
from dialogs.loader import check_outline_text
from exports import build_report
from exports.consolidate import UnitInfo, consolidate

HEAD = """id: thu
title: Thử
period: {kind: quarterly}
respondents: [xa]
sections:
  - no: I.
    title: Mục
    items:
      - key: b
        prompt: Biểu
        type: table
        table:
          title: Biểu 01. Thử
          columns:
%s
          rows:
%s
"""
UNITS = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in (1, 2, 3)]


def report(columns: str, rows: str, answers: dict[int, dict]) -> tuple[list[list[str]], list[str], list[tuple]]:
    """The .docx Biểu (rows of cells), the .docx paragraphs and the .xlsx Biểu sheet's rows, for three units."""
    o, probs = check_outline_text(HEAD % (columns, rows))
    assert o is not None and not probs, probs
    cur = {u: {"b": {"rows": rows_}} for u, rows_ in answers.items()}
    c = consolidate(o, units=UNITS, current=cur, previous=None, status=dict.fromkeys(cur, "submitted"),
                    submitted_at={}, period_label="Quý IV/2026", deadline=None)
    rep = build_report(c)
    d = Document(BytesIO(rep.docx))
    table = next([[c.text for c in r.cells] for r in t.rows] for t in d.tables
                 if any(len(r.cells) > 1 and r.cells[1].text.strip() == "Xã A" for r in t.rows))
    ws = next(w for w in load_workbook(BytesIO(rep.xlsx)).worksheets if str(w["A1"].value).startswith("Biểu 01"))
    return table, [p.text for p in d.paragraphs], list(ws.iter_rows(values_only=True))


def test_a_share_after_a_rise_or_fall_is_drafted_of_the_count_before_it():
    cols = [{"key": "truoc", "label": "Kỳ trước", "type": "integer"}, {"key": "nay", "label": "Kỳ này", "type": "integer"},
            {"key": "tg", "label": "Tăng, giảm", "type": "integer"}]
    share = {"key": "tt", "label": "Tỷ trọng (%)", "type": "percent"}
    assert guess_aggregate(share, cols[-1], before=cols) == {"aggregate": "share", "of": "nay"}


ROWS3 = "            - {key: a, label: Xã A}\n            - {key: b, label: Xã B}\n            - {key: c, label: Xã C}"


def test_a_share_with_no_total_row_is_of_the_added_total_in_both_files():
    cols = ("            - {key: sl, label: Số lượng, type: integer, unit: người}\n"
            "            - {key: tt, label: Tỷ lệ (%), type: percent, aggregate: share, of: sl}")
    table, paras, sheet = report(cols, ROWS3, {1: {"a": {"sl": 10}}, 2: {"b": {"sl": 30}}, 3: {"c": {"sl": 60}}})
    # 10, 30 and 60 of 100 people: 10 %, 30 %, 60 %; the «Tổng cộng» row the .xlsx adds is in the .docx too
    body = {r[1].strip(): r[2:] for r in table}
    assert body["Xã A"] == ["10", "10%"] and body["Xã B"] == ["30", "30%"] and body["Xã C"] == ["60", "60%"]
    assert body["Tổng cộng"][0] == "100"
    xl: dict[str, tuple] = {}
    for r in sheet:  # the consolidated Biểu first (each unit's own table follows)
        if r[1]:
            xl.setdefault(str(r[1]).strip(), r[2:4])
    assert xl["Tổng cộng"][0] == 100 and abs(xl["Xã A"][1] - 0.1) < 1e-9 and abs(xl["Xã C"][1] - 0.6) < 1e-9
    assert any("tỷ trọng so với dòng «Tổng cộng» ở cuối Biểu" in p for p in paras)
    assert not any("dòng tổng trên nó" in p for p in paras)


def test_a_total_rows_ratio_from_paired_parts_is_named_when_not_that_of_the_sums_beside_it():
    cols = ("            - {key: dt, label: Dự toán, type: money, unit: triệu đồng}\n"
            "            - {key: th, label: Thực hiện, type: money, unit: triệu đồng}\n"
            "            - {key: tl, label: Tỷ lệ TH/DT (%), type: percent, aggregate: ratio, numerator: th, denominator: dt}")
    rows = ROWS3 + "\n            - {key: cong, label: Tổng cộng, kind: total, sum_of: all}"
    m = 10**6
    table, paras, _ = report(cols, rows, {1: {"a": {"dt": 100 * m, "th": 50 * m}}, 2: {"b": {"dt": 300 * m, "th": 330 * m}},
                                         3: {"c": {"dt": 1000 * m}}})
    body = {r[1].strip(): r[2:] for r in table}
    # Xã C gave its estimate but not what it spent: the total's rate is 380 of 400 (Xã A and B), not 380 of 1.400
    assert body["Tổng cộng"] == ["1.400", "380", "95%"]
    assert any("«Tỷ lệ TH/DT (%)», dòng «Tổng cộng»: 380/400, không phải 380/1.400 của hai cột in bên cạnh" in p
               for p in paras)
