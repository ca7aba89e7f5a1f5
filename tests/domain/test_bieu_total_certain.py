"""A «Tổng cộng» row is added to a consolidated Biểu only when it is certain to mean something (review x28).

Rows «Lúa», «Ngô», «Khoai lang» (no unit, areas in ha and outputs in tấn in columns) were added into a «Tổng cộng»
the document never printed: the sum of different crops, products, diseases or kinds means nothing. A total is
added when the top-level rows are units or places, age groups, periods, the two sexes or areas — the same thing
counted — and the document prints its own total otherwise. Figures here are worked out by hand."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook

from bot.cli import main
from dialogs.figures import total_row, total_verdict
from dialogs.loader import check_outline_text
from exports.consolidate import UnitInfo, consolidate
from exports.xlsx_report import build_xlsx
from tests.support.importing import imp

HEAD = """id: thu-tong-chac
title: Thử dòng tổng chắc chắn
period: {kind: monthly}
respondents: [xa]
sections:
  - no: I.
    title: Mục
    items:
      - key: bt
        prompt: Biểu
        type: table
        table:
          title: Biểu A. Thử
          columns:
            - {key: dt, label: Diện tích (ha), type: decimal, unit: ha}
            - {key: sl, label: Sản lượng (tấn), type: decimal, unit: tấn}
          rows:
"""


def outline(rows: list[str]):
    o, probs = check_outline_text(HEAD + "".join(f"            - {r}\n" for r in rows))
    assert probs == [] and o is not None, probs
    return o


def xlsx_rows(o, answers: dict[int, dict[str, dict[str, float]]]) -> list[tuple]:
    """The summed Biểu's rows in the produced .xlsx (label, Diện tích, Sản lượng), for the units answering."""
    units = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in answers]
    cur = {i: {"bt": {"rows": rows}} for i, rows in answers.items()}
    c = consolidate(o, units=units, current=cur, previous=None, status=dict.fromkeys(answers, "submitted"),
                    submitted_at={}, period_label="Tháng 5", deadline=None)
    wb = load_workbook(BytesIO(build_xlsx(c)), read_only=True)
    ws = next(ws for ws in wb.worksheets if str(next(ws.iter_rows(values_only=True))[0]).startswith("Biểu A"))
    rows = [tuple(r) + (None,) * 4 for r in ws.iter_rows(values_only=True)]
    wb.close()
    head = next(i for i, r in enumerate(rows) if r[1] == "Nội dung")
    end = next(i for i, r in enumerate(rows) if r[0] == "Biểu của từng đơn vị")
    return [(str(r[1]).strip(), r[2], r[3]) for r in rows[head + 1:end] if r[1] not in (None, "")]


CROPS = ["{key: lua, no: '1', label: Lúa}", "{key: ngo, no: '2', label: Ngô}",
         "{key: khoai, no: '3', label: Khoai lang}"]


def test_different_crops_are_never_added_into_a_total():
    o = outline(CROPS)
    t = o.question("bt").table
    assert not total_row(t)
    yes, why = total_verdict(t)
    assert not yes and why.startswith("chưa chắc các dòng lớn («Lúa», «Ngô», «Khoai lang») đếm cùng một thứ")
    got = xlsx_rows(o, {1: {"lua": {"dt": 100, "sl": 600}, "ngo": {"dt": 20, "sl": 90}},
                        2: {"lua": {"dt": 50, "sl": 280}, "khoai": {"dt": 5, "sl": 40}},
                        3: {"ngo": {"dt": 10, "sl": 45}}})
    # by hand: Lúa 100 + 50 = 150 ha, 600 + 280 = 880 tấn; Ngô 20 + 10 = 30 ha, 90 + 45 = 135 tấn; Khoai 5 ha, 40 tấn
    assert got == [("Lúa", 150, 880), ("Ngô", 30, 135), ("Khoai lang", 5, 40)]  # no «Tổng cộng» line


def test_the_author_may_still_declare_the_total():
    o, probs = check_outline_text((HEAD + "".join(f"            - {r}\n" for r in CROPS)).replace(
        "title: Biểu A. Thử", "title: Biểu A. Thử\n          total: true"))
    assert probs == [] and o is not None
    got = xlsx_rows(o, {1: {"lua": {"dt": 100, "sl": 600}}, 2: {"ngo": {"dt": 20, "sl": 90}}})
    assert got[-1] == ("Tổng cộng", 120, 690)  # 100 + 20 ha, 600 + 90 tấn: the author said so


def test_months_age_groups_and_places_count_one_thing_and_get_their_total():
    months = outline(["{key: t1, label: Tháng 1}", "{key: t2, label: Tháng 2}", "{key: t3, label: Tháng 3}"])
    assert total_verdict(months.question("bt").table) == (
        True, "các dòng lớn là các kỳ (tháng) («Tháng 1», «Tháng 2», «Tháng 3»), cùng đếm một thứ")
    got = xlsx_rows(months, {1: {"t1": {"dt": 4, "sl": 10}, "t2": {"dt": 6, "sl": 12}},
                             2: {"t2": {"dt": 1, "sl": 3}, "t3": {"dt": 2, "sl": 5}}})
    # by hand: Tháng 1: 4, 10; Tháng 2: 6 + 1 = 7, 12 + 3 = 15; Tháng 3: 2, 5; total 4 + 7 + 2 = 13, 10 + 15 + 5 = 30
    assert got == [("Tháng 1", 4, 10), ("Tháng 2", 7, 15), ("Tháng 3", 2, 5), ("Tổng cộng", 13, 30)]
    ages = outline(["{key: a1, label: Dưới 16 tuổi}", "{key: a2, label: Từ 16 đến 60 tuổi}",
                    "{key: a3, label: Trên 60 tuổi}"])
    assert total_row(ages.question("bt").table)
    levels = outline(["{key: l1, label: Tiểu học}", "{key: l2, label: THCS}", "{key: l3, label: THPT}"])
    assert total_row(levels.question("bt").table)  # each pupil in one level: the levels add up
    places = outline(["{key: p1, no: '1', label: Xã Tân Lập}", "{key: p2, no: '2', label: Phường Hòa Bình}",
                      "{key: p3, no: '3', label: Sở Nông nghiệp và Môi trường}"])  # «Sở», never «Số …»
    assert total_row(places.question("bt").table)
    got = xlsx_rows(places, {1: {"p1": {"dt": 1.5, "sl": 2}}, 2: {"p2": {"dt": 2.5, "sl": 3}, "p3": {"dt": 1, "sl": 1}}})
    assert got[-1] == ("Tổng cộng", 5, 6)  # 1.5 + 2.5 + 1 ha, 2 + 3 + 1 tấn


def test_a_whole_and_its_part_side_by_side_are_never_added_again():
    o = outline(["{key: tong, label: Tổng số hộ}", "{key: nu, label: 'Trong đó: Nữ làm chủ hộ'}"])
    assert not total_row(o.question("bt").table)
    o = outline(["{key: nam, label: Nam}", "{key: nu, label: Nữ}", "{key: tinh, label: Tháng 1}"])
    assert not total_row(o.question("bt").table)  # two kinds of rows: not certain
    o = outline(["{key: q1, label: 6 tháng đầu năm 2026}", "{key: t7, label: Tháng 7}", "{key: t8, label: Tháng 8}"])
    assert not total_row(o.question("bt").table)  # periods of different lengths may overlap


def test_an_imported_bieu_of_crops_gets_no_total_and_one_of_communes_does(tmp_path: Path, capsys, no_db):
    crops = imp("\n".join(["Biểu 05: KẾT QUẢ SẢN XUẤT VỤ ĐÔNG XUÂN",
                           "STT\tCây trồng\tDiện tích (ha)\tSản lượng (tấn)",
                           "1\tLúa\t\t", "2\tNgô\t\t", "3\tKhoai lang\t\t", "Người lập biểu"]), "bieu.txt")
    t = next(r.question.table for r in crops.refs if r.question.type == "table")
    assert not total_row(t)
    communes = imp("\n".join(["Biểu 06: DIỆN TÍCH GIEO TRỒNG THEO XÃ", "STT\tĐơn vị\tDiện tích (ha)\tSản lượng (tấn)",
                              "1\tXã An Phú\t\t", "2\tXã Bình Mỹ\t\t", "3\tThị trấn Cái Dầu\t\t", "Người lập biểu"]),
                   "bieu.txt")
    t = next(r.question.table for r in communes.refs if r.question.type == "table")
    assert total_row(t)
    path = tmp_path / "thu.yaml"
    path.write_text(HEAD + "".join(f"            - {r}\n" for r in CROPS), encoding="utf-8")
    assert main(["outlines", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert ("Dòng «Tổng cộng» thêm vào tệp .xlsx: không — chưa chắc các dòng lớn («Lúa», «Ngô», «Khoai lang») đếm "
            "cùng một thứ: cộng các chỉ tiêu, loại cây trồng, sản phẩm, bệnh… khác nhau là vô nghĩa (ghi «total: "
            "true» nếu cộng được)") in out
    assert main(["outlines", "show", str(path), "--json"]) == 0
    table = json.loads(capsys.readouterr().out)["tables"][0]
    assert table["total"] is False and table["total_why"].startswith("chưa chắc các dòng lớn («Lúa», «Ngô»")
