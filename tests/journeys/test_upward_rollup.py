"""What the province carries upward (``exports/upward.py``), checked against figures this module computes itself from
the communes' raw answers: a Biểu with a summed, a share, a mean and a text column and an open group (its items
tagged with their commune), a list, choices (counts and the proposal) — and only sent reports count."""

from __future__ import annotations

from datetime import UTC, datetime

from dialogs.answers import SOURCE_KEY, format_value, table_grid
from dialogs.loader import load_outline_text
from exports.consolidate import UnitInfo, consolidate
from exports.upward import rollup

OUTLINE = """
id: len-test
version: 1
title: Báo cáo thử
period: {kind: monthly}
respondents: [xa]
sections:
  - title: NỘI DUNG
    items:
      - {key: co_bcd, prompt: "Đã có Ban chỉ đạo chưa?", type: yesno}
      - key: muc
        prompt: Mức độ
        type: choice
        options: [Tốt, Khá, Trung bình]
      - key: viec
        prompt: Việc đã làm
        type: list
        fields: [{key: ten, label: Tên việc, type: text, required: true}]
      - key: bieu
        prompt: Biểu 02
        type: table
        table:
          title: Biểu 02
          columns:
            - {key: so, label: Số lượng, type: integer}
            - {key: ty_trong, label: Tỷ trọng, type: percent, aggregate: share, of: so}
            - {key: diem, label: Điểm bình quân, type: decimal, aggregate: mean}
            - {key: ghi_chu, label: Ghi chú, type: text}
          rows:
            - {key: nhom, label: Tổng, kind: total, sum_of: children}
            - {key: a, label: Loại A, level: 1}
            - {key: b, label: Loại B, level: 1}
            - {key: khac, label: Loại khác, level: 1, open: true}
"""

UNITS = [UnitInfo(i, f"0000{i}", f"Xã Số {i}", "xa") for i in (1, 2, 3, 4)]
ANSWERS = {
    1: {"co_bcd": True, "muc": "o1", "viec": [{"ten": "Tập huấn"}],
        "bieu": {"rows": {"a": {"so": 10, "ty_trong": 50, "diem": 8.0, "ghi_chu": "đủ"}, "b": {"so": 6, "diem": 6.0}},
                 "items": {"khac": [{"label": "Hợp tác xã", "so": 4}]}}},
    2: {"co_bcd": False, "muc": "o2", "viec": [{"ten": "Rà soát"}, {"ten": "Kiểm tra"}],
        "bieu": {"rows": {"a": {"so": 5, "diem": 7.0, "ghi_chu": "đủ"}, "b": {"so": 15, "diem": 9.0, "ghi_chu": "thiếu"}},
                 "items": {}}},
    3: {"co_bcd": True, "muc": "o1", "viec": [],
        "bieu": {"rows": {"a": {"so": 1}, "b": {"so": 1}}, "items": {"khac": [{"label": "Tổ hợp tác", "so": 2}]}}},
    4: {"co_bcd": False, "muc": "o2", "viec": [{"ten": "Chưa gửi"}],  # a draft: never counted
        "bieu": {"rows": {"a": {"so": 1000}}, "items": {}}},
}
STATUS = {1: "submitted", 2: "approved", 3: "submitted", 4: "draft"}


def _rollup():
    o = load_outline_text(OUTLINE)
    c = consolidate(o, units=UNITS, current=ANSWERS, previous=None, status=STATUS,
                    submitted_at={u: datetime(2026, 2, 20, tzinfo=UTC) for u in STATUS}, period_label="Tháng 2/2026",
                    deadline=datetime(2026, 2, 23, tzinfo=UTC))
    return o, rollup(c)


def test_the_biểu_rows_are_the_sums_shares_recomputed_means_over_communes_text_merged():
    o, r = _rollup()
    sent = [ANSWERS[u]["bieu"] for u in (1, 2, 3)]
    value = r.figures["bieu"]
    rows = value["rows"]
    so = {rk: sum(b["rows"][rk]["so"] for b in sent) for rk in ("a", "b")}
    others = sum(it["so"] for b in sent for it in b["items"].get("khac", []))
    group = so["a"] + so["b"] + others
    assert (rows["a"]["so"], rows["b"]["so"]) == (16, 22) == (so["a"], so["b"])
    # a share is the row's summed count over its group's (not the one commune that typed 50%)
    assert abs(rows["a"]["ty_trong"]["value"] - round(100 * so["a"] / group, 2)) < 1e-9
    # a mean over the communes that gave the cell (commune 3 left it empty)
    assert rows["a"]["diem"] == (8.0 + 7.0) / 2 and rows["b"]["diem"] == (6.0 + 9.0) / 2
    assert rows["a"]["ghi_chu"] == "đủ (Xã Số 1, Xã Số 2)" and rows["b"]["ghi_chu"] == "thiếu (Xã Số 2)"
    assert [it["label"] for it in value["items"]["khac"]] == ["Hợp tác xã — Xã Số 1", "Tổ hợp tác — Xã Số 3"]
    # the province's own Biểu adds up as the communes' did: its group total is the sum of every commune's rows
    assert table_grid(o.question("bieu").table, value)["nhom"]["so"] == group == 44
    assert r.sources["bieu"] == "cộng bảng của 3/3 đơn vị đã gửi"


def test_the_list_concatenates_the_communes_items_each_tagged_and_the_draft_is_left_out():
    o, r = _rollup()
    items = r.figures["viec"]
    assert [(i[SOURCE_KEY], i["ten"]) for i in items] == [
        (UNITS[u - 1].name, it["ten"]) for u in (1, 2, 3) for it in ANSWERS[u]["viec"]]
    assert "Chưa gửi" not in str(items)
    assert format_value(o.question("viec"), items).splitlines()[0] == "1. [Xã Số 1] Tập huấn"


def test_choices_are_counted_per_option_and_a_proposal_is_made():
    o, r = _rollup()
    yes = sum(1 for u in (1, 2, 3) if ANSWERS[u]["co_bcd"])
    assert r.sources["co_bcd"] == f"Có: {yes} đơn vị; Không: {3 - yes} đơn vị (trên 3 đơn vị trả lời)"
    assert r.proposals["co_bcd"] is True
    assert r.sources["muc"].startswith("Tốt: 2 đơn vị; Khá: 1 đơn vị") and r.proposals["muc"] == "o1"
    assert "co_bcd" not in r.figures  # a proposal, not a carried figure: the province confirms or changes it
