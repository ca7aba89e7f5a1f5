"""What a figure means: aggregation declared and checked in the outline, shares and totals of a Biểu, narrative
grouping, the local time of the documents (issue 19)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dialogs.figures import default_aggregate, guess_aggregate
from dialogs.importer.emit import to_yaml
from dialogs.loader import check_outline_text, load_catalogue
from dialogs.localtime import configure, local_naive, local_text, short_text
from exports.consolidate import UnitInfo, consolidate, group_narratives, one_measure

CAT = load_catalogue()

HEAD = """id: thu
title: Thử
period: {kind: monthly}
respondents: [xa]
sections:
  - no: I.
    title: Mục
    items:
"""


def problems(items: str) -> list[str]:
    _, probs = check_outline_text(HEAD + items)
    return [p.message for p in probs]


def test_defaults_follow_type_and_unit():
    assert default_aggregate("integer", "hồ sơ") == "sum" and default_aggregate("money") == "sum"
    assert default_aggregate("decimal", "%") == "mean" and default_aggregate("percent") == "mean"
    assert default_aggregate("decimal", "hồ sơ/ngày") == "sum"
    assert default_aggregate("percent", numerator="a", denominator="b") == "ratio"
    assert default_aggregate("longtext") == "none"


def test_outline_check_refuses_a_summed_rate_and_incomplete_ratios():
    ok = """      - {key: a, prompt: Số đã xử lý, type: integer}
      - {key: b, prompt: Tổng số, type: integer}
      - {key: r, prompt: Tỷ lệ, type: percent, aggregate: ratio, numerator: a, denominator: b}
"""
    assert problems(ok) == []
    assert any("không cộng được" in m for m in problems('      - {key: g, prompt: Tăng trưởng, type: decimal, unit: "%", aggregate: sum}\n'))
    assert any("cần cả numerator và denominator" in m
               for m in problems("      - {key: r, prompt: Tỷ lệ, type: percent, aggregate: ratio, numerator: a}\n"
                                 "      - {key: a, prompt: Số, type: integer}\n"))
    assert any("«zz» không có" in m for m in problems(ok.replace("denominator: b", "denominator: zz")))
    assert any("giá trị «avg» không hợp lệ" in m for m in problems("      - {key: x, prompt: X, type: integer, aggregate: avg}\n"))
    table = """      - key: t
        prompt: Biểu
        type: table
        table:
          title: Biểu
          columns:
            - {key: so, label: Số lượng, type: money}
            - {key: tt, label: Tỷ trọng, type: percent, aggregate: share}
          rows:
            - {key: a, label: A}
"""
    assert any("cần «of: <khóa cột số lượng>»" in m for m in problems(table))
    assert problems(table.replace("aggregate: share}", "aggregate: share, of: so}")) == []


def test_shipped_outlines_declare_ratios_and_shares():
    from dialogs.figures import aggregate_of

    o = CAT.get("kiem-tra-cchc-2025")
    assert aggregate_of(o.question("ii3_ty_le_dung_han")) == "ratio"
    assert aggregate_of(CAT.get("giam-sat-phan-cap-tthc").question("q1_tang_truong_thuc_te")) == "mean"
    t = CAT.get("so-ket-1-nam-2-cap").question("bieu_12b").table
    assert aggregate_of(t.column("n2025_ty_trong")) == "share"
    assert o.to_json()["questions"][[q.key for q in o.questions].index("ii3_ty_le_dung_han")]["aggregate"] == "ratio"


def test_bieu_shares_recomputed_from_summed_counts_and_no_total_over_unlike_groups():
    o = CAT.get("so-ket-1-nam-2-cap")
    units = [UnitInfo(1, "X1", "Xã Một", "xa"), UnitInfo(2, "X2", "Xã Hai", "xa")]
    m = 1_000_000
    cur = {1: {"bieu_12b": {"rows": {"thu_tinh": {"n2025_so": 90 * m, "n2025_ty_trong": {"value": 90.0}},
                                     "thu_xa": {"n2025_so": 10 * m, "n2025_ty_trong": {"value": 10.0}}}}},
           2: {"bieu_12b": {"rows": {"thu_tinh": {"n2025_so": 100 * m, "n2025_ty_trong": {"value": 50.0}},
                                     "thu_xa": {"n2025_so": 100 * m, "n2025_ty_trong": {"value": 50.0}}}}}}
    c = consolidate(o, units=units, current=cur, previous=None, status=dict.fromkeys((1, 2), "submitted"),
                    submitted_at={}, period_label="Sơ kết", deadline=None)
    g = c.item("bieu_12b").summary.grid
    assert g["tong_thu"]["n2025_so"] == 300 * m
    # 190 of 300, 110 of 300: the two shares of one total add up to 100 % (averaging gave 70 % and 30 %)
    assert g["thu_tinh"]["n2025_ty_trong"] == pytest.approx(190 * 100 / 300)
    assert g["thu_xa"]["n2025_ty_trong"] == pytest.approx(110 * 100 / 300)
    assert g["tong_thu"]["n2025_ty_trong"] is None  # not summed into any row
    assert not one_measure(o.question("bieu_1b").table)  # conferences (I) and inspections (II)
    assert not one_measure(o.question("bieu_12b").table)
    assert one_measure(CAT.get("giam-sat-phan-cap-tthc").question("b10_chua_phu_hop").table)


def test_narratives_differing_in_a_figure_stay_each_units_own():
    u = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in range(1, 6)]
    ns = group_narratives([(u[0], "Đã giải quyết 12 hồ sơ, còn tồn 3."), (u[1], "Đã giải quyết 21 hồ sơ, còn tồn 30."),
                           (u[2], "Đã giải quyết 120 hồ sơ, không còn tồn."), (u[3], "đã giải quyết 12 hồ sơ, còn tồn 3"),
                           (u[4], "Đã giải quyết 12 hồ sơ, chưa còn tồn 3.")])
    assert [(g.text, [x.code for x in g.units]) for g in ns.groups] == [("Đã giải quyết 12 hồ sơ, còn tồn 3.", ["X1", "X4"])]
    assert [x.code for x, _ in ns.singles] == ["X2", "X3", "X5"]
    dated = group_narratives([(u[0], "Ban hành Kế hoạch số 12/KH-UBND ngày 5/6/2026."),
                              (u[1], "Ban hành Kế hoạch số 12/KH-UBND ngày 6/6/2026.")])
    assert not dated.groups


def test_importer_guesses_the_aggregation_marked_for_review():
    data = {"id": "x", "sections": [{"title": "I", "items": [
        {"key": "ty_le", "prompt": "Tỷ lệ hồ sơ đúng hạn", "type": "percent", "unit": "%", "_comments": {}},
        {"key": "b", "prompt": "Biểu", "type": "table", "table": {"title": "B", "columns": [
            {"key": "so", "label": "Số lượng", "type": "money"}, {"key": "tt", "label": "Tỷ trọng", "type": "percent"}],
            "rows": [{"key": "a", "label": "A"}]}}]}]}
    text = to_yaml(data, [])
    assert 'aggregate: "mean"  # ? cách tổng hợp' in text
    assert '{key: "tt", label: "Tỷ trọng", type: "percent", aggregate: "share", of: "so"}  # ?' in text
    assert guess_aggregate({"key": "n", "label": "Số lượng", "type": "integer"}) == {}


def test_one_local_time_whatever_the_servers_zone(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    configure(None)
    at = datetime(2026, 5, 29, 3, 5, tzinfo=UTC)
    try:
        configure("Asia/Ho_Chi_Minh")
        assert local_text(at) == "10:05 ngày 29/5/2026" and short_text(at) == "29/05 10:05"
        assert local_naive(at) == datetime(2026, 5, 29, 10, 5)
        configure("Asia/Tokyo")
        assert local_text(at) == "12:05 ngày 29/5/2026"
    finally:
        configure(None)
    assert local_text(at, "Asia/Ho_Chi_Minh") == "10:05 ngày 29/5/2026"


def test_a_ratio_of_sums_of_money_quotes_them_in_their_unit_and_a_plain_mean_says_so():
    from io import BytesIO

    from docx import Document

    from exports import build_report

    o, probs = check_outline_text(HEAD + """      - {key: giao, prompt: Dự toán giao, type: money, unit: triệu đồng}
      - {key: chi, prompt: Kinh phí đã giải ngân, type: money, unit: triệu đồng}
      - {key: tl, prompt: Tỷ lệ giải ngân, type: percent, aggregate: ratio, numerator: chi, denominator: giao}
      - {key: ns, prompt: Năng suất lúa, type: decimal, unit: tạ/ha}
""")
    assert o is not None and not [p for p in probs if "lỗi" in p.message], probs
    units = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in (1, 2)]
    m = 1_000_000
    cur = {1: {"giao": 500 * m, "chi": 500 * m, "ns": 50.0}, 2: {"giao": 1500 * m, "chi": 1000 * m, "ns": 60.0}}
    c = consolidate(o, units=units, current=cur, previous=None, status=dict.fromkeys((1, 2), "submitted"),
                    submitted_at={}, period_label="Tháng 11/2026", deadline=None)
    text = "\n".join(p.text for p in Document(BytesIO(build_report(c).docx)).paragraphs)
    # 1.500 of 2.000 triệu đồng: 75 %; the parts in triệu đồng with their unit, never 1.500.000.000 without one
    assert ("75% (tính lại từ tổng «Kinh phí đã giải ngân» 1.500 triệu đồng trên tổng «Dự toán giao» 2.000 triệu đồng"
            in text)
    assert "1.500.000.000" not in text
    # (50 + 60) / 2 tạ/ha: a plain mean, said so, its lowest and highest with their unit
    assert "55 tạ/ha (trung bình cộng của 2 đơn vị (không gia quyền), thấp nhất 50 tạ/ha, cao nhất 60 tạ/ha" in text


def test_last_periods_figure_is_over_last_periods_askees_and_the_change_like_with_like():
    from io import BytesIO

    from docx import Document

    from exports import build_report

    o, probs = check_outline_text(HEAD + """      - {key: co_da, prompt: Đơn vị có dự án đang triển khai không, type: yesno}
      - {key: so_da, prompt: Số dự án đang triển khai, type: integer, unit: dự án, visible_if: {answer: co_da, equals: true}}
""")
    assert o is not None
    units = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in (1, 2, 3)]
    prev = {1: {"co_da": True, "so_da": 20}, 2: {"co_da": True, "so_da": 6}, 3: {"co_da": True, "so_da": 5}}
    cur = {1: {"co_da": False}, 2: {"co_da": True, "so_da": 7}, 3: {"co_da": True, "so_da": 3}}
    c = consolidate(o, units=units, current=cur, previous=prev, status=dict.fromkeys((1, 2, 3), "submitted"),
                    submitted_at={}, period_label="Tháng 11/2026", deadline=None, previous_label="Tháng 10/2026")
    s = c.item("so_da").summary
    # last month's figure as last month's report printed it: 20 + 6 + 5 (Xã 1 was asked then), this month 7 + 3
    assert (s.value, s.prev_value) == (10, 31)
    # Xã 1 is not asked this month: the change is over Xã 2 and Xã 3, 11 → 10, and said so
    assert (s.compared.units, s.compared.prev, s.compared.cur, s.delta) == (2, 11, 10, -1)
    text = "\n".join(p.text for p in Document(BytesIO(build_report(c).docx)).paragraphs)
    assert ("10 dự án, giảm 1 so với tháng trước (mức tăng, giảm tính trên 2 đơn vị có số liệu cả hai kỳ: tháng trước "
            "11 dự án, kỳ này 10 dự án; 2/2 đơn vị báo cáo)") in text
