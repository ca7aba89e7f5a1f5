"""A Biểu's «Tổng cộng» row (issue 19: a total row only sums columns of one measure): the outline's ``total``
flag overrides the rule (no total when the top-level rows are two or more groups), is checked by
`outlines check`, shown by `outlines show`, and decides the row of the produced .xlsx; the .docx prints the
Biểu's own rows only."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from bot.cli import main
from dialogs.figures import one_measure, total_row
from dialogs.loader import check_outline_text
from exports.consolidate import UnitInfo, consolidate
from exports.docx_report import build_docx
from exports.xlsx_report import build_xlsx

OUTLINE = """id: thu-tong
title: Thử dòng tổng
period: {kind: monthly}
respondents: [xa]
sections:
  - no: I.
    title: Mục
    items:
      - key: hs
        prompt: Hồ sơ tiếp nhận theo cấp
        type: table
        table:
          title: Biểu A. Hồ sơ tiếp nhận%(a)s
          columns:
            - {key: so, label: Số hồ sơ, unit: hồ sơ}
          rows:
            - {key: tinh, no: I, label: Cấp tỉnh, kind: group, sum_of: children}
            - {key: so_nganh, no: "1", label: Sở ngành, level: 1}
            - {key: xa, no: II, label: Cấp xã, kind: group, sum_of: children}
            - {key: phuong, no: "1", label: Phường, level: 1}
      - key: cb
        prompt: Cán bộ theo khối
        type: table
        table:
          title: Biểu B. Cán bộ và hội nghị%(b)s
          columns:
            - {key: so, label: Số lượng}
          rows:
            - {key: can_bo, no: "1", label: Số cán bộ}
            - {key: hoi_nghi, no: "2", label: Số hội nghị}
"""


def outline(a: str = "", b: str = ""):
    o, probs = check_outline_text(OUTLINE % {"a": a, "b": b})
    assert probs == [] and o is not None, probs
    return o


def files(o) -> tuple[dict[str, list[tuple]], list[list[str]]]:
    """The produced .xlsx (each Biểu sheet's rows from its header on) and the .docx tables, for two units."""
    units = [UnitInfo(1, "X1", "Xã Một", "xa"), UnitInfo(2, "X2", "Xã Hai", "xa")]
    answers = {u.id: {"hs": {"rows": {"so_nganh": {"so": 3 * u.id}, "phuong": {"so": 10 * u.id}}},
                      "cb": {"rows": {"can_bo": {"so": 7 * u.id}, "hoi_nghi": {"so": 2 * u.id}}}} for u in units}
    c = consolidate(o, units=units, current=answers, previous=None, status=dict.fromkeys((1, 2), "submitted"),
                    submitted_at={}, period_label="Tháng 5", deadline=None)
    wb = load_workbook(BytesIO(build_xlsx(c)), read_only=True)
    sheets = {}
    for ws in wb.worksheets:
        rows = [tuple(r) + (None,) * 3 for r in ws.iter_rows(values_only=True)]  # short rows padded
        if rows and str(rows[0][0]).startswith("Biểu "):
            head = next(i for i, r in enumerate(rows) if r[1] == "Nội dung")
            end = next(i for i, r in enumerate(rows) if r[0] == "Biểu của từng đơn vị")  # each unit's own below
            sheets[str(rows[0][0])[:7]] = [r[:3] for r in rows[head + 1:end] if any(v not in (None, "") for v in r)]
    wb.close()
    doc = Document(BytesIO(build_docx(c)))
    tables = [[[cell.text.strip() for cell in row.cells] for row in t.rows] for t in doc.tables]
    return sheets, tables


def total_line(rows: list[tuple]) -> tuple | None:
    return next((r for r in rows if r[1] == "Tổng cộng"), None)


def docx_bieu(tables: list[list[list[str]]], first_label: str) -> list[list[str]]:
    return next(t for t in tables if any(len(r) > 1 and r[1] == first_label for r in t))


def test_the_rule_without_the_flag():
    o = outline()
    a, b = o.question("hs").table, o.question("cb").table
    assert not one_measure(a) and not total_row(a)  # I. Cấp tỉnh, II. Cấp xã: two groups
    # «Số cán bộ», «Số hội nghị»: two indicators (review r27e: «Số lao động được giải quyết việc làm», «… đi làm
    # việc ở nước ngoài», «… được đào tạo nghề» were added into a «Tổng cộng» the document never had)
    assert not one_measure(b) and not total_row(b)
    sheets, tables = files(o)
    assert total_line(sheets["Biểu A."]) is None
    assert total_line(sheets["Biểu B."]) is None


def test_total_true_adds_the_row_over_two_groups_of_one_measure():
    o = outline(a="\n          total: true")
    assert total_row(o.question("hs").table)
    sheets, tables = files(o)
    row = total_line(sheets["Biểu A."])
    assert row is not None and row[2] == (3 + 10) * 3  # I + II: 9 + 30 hồ sơ
    assert [r[1].strip() for r in sheets["Biểu A."]] == ["Cấp tỉnh", "Sở ngành", "Cấp xã", "Phường", "Tổng cộng"]
    # the .docx prints the same «Tổng cộng» row as the .xlsx, with the same figure (r29f: the two files differed)
    bieu = docx_bieu(tables, "Cấp tỉnh")
    assert [r[1].strip() for r in bieu[1:]] == ["Cấp tỉnh", "Sở ngành", "Cấp xã", "Phường", "Tổng cộng"]
    assert [r[2] for r in bieu[1:]] == ["9", "9", "30", "30", "39"]


def test_total_false_keeps_unlike_rows_apart():
    o = outline(b="\n          total: false")
    assert not total_row(o.question("cb").table)
    sheets, tables = files(o)
    assert total_line(sheets["Biểu B."]) is None
    assert [r[1] for r in sheets["Biểu B."]] == ["Số cán bộ", "Số hội nghị"]
    bieu = docx_bieu(tables, "Số cán bộ")
    assert all("Tổng cộng" not in r[1] for r in bieu)


def test_check_refuses_a_total_that_cannot_be():
    own = OUTLINE.replace("            - {key: hoi_nghi, no: \"2\", label: Số hội nghị}\n",
                          "            - {key: hoi_nghi, no: \"2\", label: Số hội nghị}\n"
                          "            - {key: tong, label: Tổng cộng, kind: total, sum_of: all}\n")
    _, probs = check_outline_text(own % {"a": "", "b": "\n          total: true"})
    assert [p.message for p in probs] == ["biểu «cb» đã có dòng tổng «tong» (kind: total): bỏ «total: true»"]
    texts = OUTLINE.replace("- {key: so, label: Số lượng}", "- {key: so, label: Ghi chú, type: text}")
    _, probs = check_outline_text(texts % {"a": "", "b": "\n          total: true"})
    assert [p.message for p in probs] == ["biểu «cb»: «total: true» nhưng không có cột số nào được cộng "
                                          "(aggregate: sum); bỏ «total: true»"]
    _, probs = check_outline_text(OUTLINE % {"a": "\n          total: có lẽ", "b": ""})
    assert probs and "total" in probs[0].message


def test_show_tells_whether_the_xlsx_adds_the_row(tmp_path: Path, capsys, no_db):
    path = tmp_path / "thu.yaml"
    path.write_text(OUTLINE % {"a": "\n          total: true", "b": ""}, encoding="utf-8")
    assert main(["outlines", "check", str(path)]) == 0
    capsys.readouterr()
    assert main(["outlines", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Dòng «Tổng cộng» thêm vào tệp .xlsx: có (total: true)" in out
    assert ("Dòng «Tổng cộng» thêm vào tệp .xlsx: không — chưa chắc các dòng lớn («Số cán bộ», «Số hội nghị») đếm "
            "cùng một thứ") in out
    assert main(["outlines", "show", str(path), "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)["tables"]
    assert [(t["key"], t["total"], t["total_declared"]) for t in tables] == [("hs", True, True), ("cb", False, None)]
    assert main(["outlines", "show", "so-ket-1-nam-2-cap"]) == 0
    shipped = capsys.readouterr().out
    assert "Dòng «Tổng cộng» thêm vào tệp .xlsx: không — các dòng lớn là hai nhóm trở lên" in shipped
    assert "Dòng «Tổng cộng» thêm vào tệp .xlsx: không — biểu đã có dòng tổng «TỔNG SỐ»" in shipped
