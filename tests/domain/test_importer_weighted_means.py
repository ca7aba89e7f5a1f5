"""The importer drafts an average the Biểu holds the parts of as recomputed from them (review x28), with the factor
between the units only when certain; when the parts are there but not certain, no figure; when they are not both
there, the plain mean (noted as such). Made-up documents; consolidated figures worked out by hand."""

from __future__ import annotations

import pytest

from dialogs.figures import aggregate_of, row_aggregates, unsummed_note
from dialogs.importer import import_document
from dialogs.loader import check_outline_text
from exports.consolidate import table_figures
from tests.support.importing import imp, word_file


def _table(lines: list[str]):
    o = imp("\n".join(lines), "bieu.txt")
    return next(r.question.table for r in o.refs if r.question.type == "table")


def _how(t) -> dict[str, tuple]:
    return {c.label: (aggregate_of(c), c.numerator, c.denominator, c.factor) for c in t.columns}


def test_a_yield_beside_its_area_and_output_is_their_quotient():
    t = _table(["Biểu 05: KẾT QUẢ SẢN XUẤT VỤ ĐÔNG XUÂN", "STT\tCây trồng\tDiện tích (ha)\tNăng suất (tạ/ha)\tSản "
                "lượng (tấn)", "1\tLúa\t\t\t", "2\tNgô\t\t\t", "Người lập biểu"])
    k = {c.label: c.key for c in t.columns}
    assert _how(t)["Năng suất (tạ/ha)"] == ("ratio", k["Sản lượng (tấn)"], k["Diện tích (ha)"], 10)  # tấn/ha × 10
    rows = [r.key for r in t.rows]
    dt, ns, sl = k["Diện tích (ha)"], k["Năng suất (tạ/ha)"], k["Sản lượng (tấn)"]
    got = table_figures(t, [{"rows": {rows[0]: {dt: 100, ns: 60, sl: 600}}},
                            {"rows": {rows[0]: {dt: 50, ns: 56, sl: 280}}},
                            {"rows": {rows[0]: {dt: 10, ns: 40, sl: 40}}}])
    # by hand: 920 tấn / 160 ha = 5,75 tấn/ha = 57,5 tạ/ha (not (60 + 56 + 40) / 3 = 52)
    assert got[rows[0]][ns] == pytest.approx(57.5)
    note = unsummed_note(t, (3, 3))
    assert note == ("Ghi chú: cột «Năng suất (tạ/ha)» = «Sản lượng (tấn)» / «Diện tích (ha)» × 10, tính lại từ số đã "
                    "cộng (bình quân gia quyền).")


def test_kg_over_ha_is_a_hundredth_of_a_ta_per_ha():
    t = _table(["Biểu 10: NĂNG SUẤT LÚA CÁC XÃ NĂM 2026", "STT\tĐơn vị\tDiện tích (ha)\tNăng suất (tạ/ha)\tSản lượng "
                "(kg)", "1\tXã An Phú\t\t\t", "2\tXã Bình Mỹ\t\t\t", "Người lập biểu"])
    k = {c.label: c.key for c in t.columns}
    assert _how(t)["Năng suất (tạ/ha)"] == ("ratio", k["Sản lượng (kg)"], k["Diện tích (ha)"], 0.01)
    r = t.rows[0].key
    got = table_figures(t, [{"rows": {r: {k["Diện tích (ha)"]: 2, k["Sản lượng (kg)"]: 11_000}}},
                            {"rows": {r: {k["Diện tích (ha)"]: 3, k["Sản lượng (kg)"]: 14_000}}}])
    assert got[r][k["Năng suất (tạ/ha)"]] == pytest.approx(50.0)  # 25 000 kg / 5 ha = 5 000 kg/ha = 50 tạ/ha


def test_income_per_person_beside_the_total_in_money_and_the_people():
    doc = word_file(["Biểu 07: THU NHẬP CỦA CÁC XÃ NĂM 2026"],
                    [["STT", "Xã", "Tổng thu nhập (triệu đồng)", "Số nhân khẩu (người)",
                      "Thu nhập bình quân (triệu đồng/người)"], ["1", "Xã An Phú", "", "", ""],
                     ["2", "Xã Bình Mỹ", "", "", ""]])
    o, probs = check_outline_text(import_document(doc, "bieu.docx").yaml)
    assert probs == [] and o is not None, probs
    t = next(r.question.table for r in o.refs if r.question.type == "table")
    k = {c.label: c.key for c in t.columns}
    tn, nk, bq = k["Tổng thu nhập (triệu đồng)"], k["Số nhân khẩu (người)"], k["Thu nhập bình quân (triệu đồng/người)"]
    assert _how(t)["Thu nhập bình quân (triệu đồng/người)"] == ("ratio", tn, nk, 1)  # both kept in đồng
    r = t.rows[0].key
    got = table_figures(t, [{"rows": {r: {tn: 12_000_000_000, nk: 200}}}, {"rows": {r: {tn: 6_000_000_000, nk: 400}}}])
    assert got[r][bq] == pytest.approx(30_000_000)  # 18 000 triệu / 600 người = 30 triệu đồng/người (in đồng)


def test_parts_not_certain_give_no_figure_and_no_parts_keep_the_plain_mean():
    two = _table(["Biểu 08: NĂNG SUẤT CÂY TRỒNG NĂM 2026", "STT\tCây trồng\tDiện tích (ha)\tSản lượng vụ chiêm (tấn)\t"
                  "Sản lượng vụ mùa (tấn)\tNăng suất (tạ/ha)", "1\tLúa\t\t\t\t", "2\tNgô\t\t\t\t", "Người lập biểu"])
    assert _how(two)["Năng suất (tạ/ha)"][0] == "none"  # which output it is over is not certain
    alone = _table(["Biểu 09: NĂNG SUẤT CÁC XÃ NĂM 2026", "STT\tĐơn vị\tDiện tích (ha)\tNăng suất (tạ/ha)",
                    "1\tXã An Phú\t\t", "2\tXã Bình Mỹ\t\t", "Người lập biểu"])
    assert _how(alone)["Năng suất (tạ/ha)"][0] == "mean"  # no output column: the plain mean, said so in the note
    assert "«Năng suất (tạ/ha)»: trung bình cộng của 2 đơn vị (không gia quyền)" in (unsummed_note(alone, (2, 2)) or "")


def test_rows_of_indicators_are_recomputed_from_their_rows():
    t = _table(["Biểu số 09/NN", "MỘT SỐ CHỈ TIÊU NÔNG NGHIỆP NĂM 2026", "STT\tChỉ tiêu\tĐơn vị tính\tThực hiện",
                "1\tDiện tích lúa\tha\t", "2\tNăng suất lúa\ttạ/ha\t", "3\tSản lượng lúa\ttấn\t",
                "4\tDiện tích ngô\tha\t", "5\tNăng suất ngô\ttạ/ha\t", "6\tSản lượng ngô\ttấn\t",
                "7\tTổng thu nhập\ttriệu đồng\t", "8\tDân số\tngười\t",
                "9\tThu nhập bình quân đầu người\ttriệu đồng/người\t", "Người lập biểu"])
    rows = {r.label: r for r in t.rows}
    ns = rows["Năng suất ngô"]
    assert (ns.aggregate, ns.numerator, ns.denominator, ns.factor) == (
        "ratio", rows["Sản lượng ngô"].key, rows["Diện tích ngô"].key, 10)  # ngô's own rows, not lúa's
    assert row_aggregates(t)[rows["Thu nhập bình quân đầu người"].key] == "ratio"
    c = t.columns[0].key
    figures = {"Diện tích lúa": (100, 40), "Năng suất lúa": (60, 50), "Sản lượng lúa": (600, 200),
               "Diện tích ngô": (10, 30), "Năng suất ngô": (50, 40), "Sản lượng ngô": (50, 120),
               "Tổng thu nhập": (3000, 1000), "Dân số": (100, 100), "Thu nhập bình quân đầu người": (30, 10)}
    got = table_figures(t, [{"rows": {rows[x].key: {c: v[i]} for x, v in figures.items()}} for i in (0, 1)])
    # by hand: lúa 800 tấn / 140 ha × 10 = 57,142857 tạ/ha; ngô 170 / 40 × 10 = 42,5; 4000 / 200 = 20 triệu/người
    assert got[rows["Năng suất lúa"].key][c] == pytest.approx(8000 / 140)
    assert got[rows["Năng suất ngô"].key][c] == pytest.approx(42.5)
    assert got[rows["Thu nhập bình quân đầu người"].key][c] == pytest.approx(20.0)


def test_a_yield_is_never_made_of_another_crops_rows():
    t = _table(["Biểu số 10/NN", "CHỈ TIÊU TRỒNG TRỌT NĂM 2026", "STT\tChỉ tiêu\tĐơn vị tính\tThực hiện",
                "1\tDiện tích lúa\tha\t", "2\tSản lượng lúa\ttấn\t", "3\tNăng suất ngô\ttạ/ha\t", "Người lập biểu"])
    rows = {r.label: r for r in t.rows}
    assert row_aggregates(t)[rows["Năng suất ngô"].key] == "none"  # lúa's output over lúa's area is no ngô yield
    assert rows["Năng suất ngô"].numerator is None


def test_a_sao_has_no_certain_size_so_a_yield_over_it_gets_no_figure():
    t = _table(["Biểu 11: NĂNG SUẤT LÚA CÁC XÃ NĂM 2026", "STT\tĐơn vị\tDiện tích (ha)\tSản lượng (tấn)\tNăng suất "
                "(tạ/sào)", "1\tXã An Phú\t\t\t", "2\tXã Bình Mỹ\t\t\t", "Người lập biểu"])
    # a sào is 360 m2 in the North and 500 m2 in the Centre: no factor is certain; never a sum of the yields either
    assert _how(t)["Năng suất (tạ/sào)"][0] == "none"
