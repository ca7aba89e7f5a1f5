"""/xem's text of one unit's report, large changes since last period, and questions pointed at by number."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dialogs.engine import Engine, ReportContext
from dialogs.loader import load_catalogue
from dialogs.parsing import ParseError
from dialogs.review import (
    CHANGE_MIN,
    CHANGE_RATIO,
    event_line,
    large_change,
    parse_reason,
    pointed_keys,
    table_total,
)
from exports.sample import synth_answers
from exports.unit_view import unit_report

CAT = load_catalogue()
BNV = SimpleNamespace(code="BNV", kind="bo", name="Bộ Nội vụ")
XA = SimpleNamespace(code="30904", kind="xa", name="Xã Giồng Riềng")


def test_report_marks_changes_and_shows_reasons():
    o = CAT.get("tuan-cqdp-2cap")
    prev = {"kl_nv_tong": 12, "kl_nv_hoan_thanh": 30, "kl_nv_dang_th": 5}
    cur = {"kl_nv_tong": 75, "kl_nv_hoan_thanh": 20, "kl_nv_dang_th": 5, "cp_nv_tong": 9}
    msgs = unit_report(o, unit=BNV, period_label="Tuần 48/2026", answers=cur, previous=prev,
                       reasons={"kl_nv_tong": "Nhận thêm nhiệm vụ sau sáp nhập"}, status="submitted")
    text = "\n".join(msgs)
    assert text.startswith("📄 Bộ Nội vụ — ") and "Tình trạng: đã gửi" in text
    lines = {ln.split(" ", 1)[0]: ln for ln in text.splitlines() if ln[:1].isdigit()}
    assert lines["1."].endswith("75 nhiệm vụ [▲ +63 so với tuần trước] — lý do: Nhận thêm nhiệm vụ sau sáp nhập")
    assert lines["2."].endswith("20 nhiệm vụ [▼ −10 so với tuần trước]")
    assert "[= không đổi]" in lines["4."]
    cp = next(ln for ln in lines.values() if ": 9 nhiệm vụ" in ln)
    assert cp.endswith("[mới]")
    # the 39 unanswered questions in one line of ranges, not 39 lines (issue 22)
    assert "39 câu chưa trả lời: câu 3, 5, 7–43 (mục I.1.a–" in text and "— chưa trả lời" not in text


def test_numbers_are_the_officers_c_numbers_and_point_back():
    o = CAT.get("so-ket-1-nam-2-cap")
    answers = synth_answers(o, XA, week=2)
    eng = Engine(ReportContext(o, XA.code, XA.kind, answers, None, "Đợt 1"))
    msgs = unit_report(o, unit=XA, period_label="Đợt 1", answers=answers, previous=None)
    text = "\n".join(msgs)
    assert "▲" not in text and "Ký hiệu" not in text  # no previous period: no change marks
    for i, ref in enumerate(eng.visible, 1):
        assert f"\n{i}. {ref.number}" in text
    comment = "Câu 3 và câu 12 thiếu số liệu; xem lại /c40, #7. Câu 9999 không có."
    assert pointed_keys(eng.visible, comment) == [eng.visible[i - 1].key for i in (3, 12, 40, 7)]


def test_long_report_split_under_telegram_limit():
    o = CAT.get("so-ket-1-nam-2-cap")
    answers = synth_answers(o, XA, week=2, list_items=6, open_items=3)
    msgs = unit_report(o, unit=XA, period_label="Đợt 1", answers=answers, previous=synth_answers(o, XA, week=1))
    assert len(msgs) > 1 and all(0 < len(m) <= 4000 for m in msgs)
    with_history = unit_report(o, unit=XA, period_label="Đợt 1", answers=answers,
                               previous=synth_answers(o, XA, week=1), tail=["\n🕘 Lịch sử:", "20/11 09:15 — 📨 gửi"])
    assert with_history[-1].endswith("🕘 Lịch sử:\n20/11 09:15 — 📨 gửi")  # the history follows the last answers
    assert all(m.count("\n") >= 3 for m in with_history)  # no message of a stray line or two
    n = len(o.visible_refs(XA.code, XA.kind, answers))
    starts = [ln.split(".", 1)[0] for m in msgs for ln in m.splitlines() if ln[:1].isdigit() and ". " in ln[:6]]
    assert starts == [str(i) for i in range(1, n + 1)]  # every question once, in order, none cut across messages


def test_large_change_needs_both_ratio_and_minimum():
    o = CAT.get("tuan-cqdp-2cap")
    q = o.question("kl_nv_tong")
    assert (CHANGE_RATIO, CHANGE_MIN) == (0.5, 10)
    lc = large_change(q, 75, 12)
    assert lc.prompt() == "Tăng từ 12 lên 75: vì sao? (một dòng)"
    assert lc.phrase("tuần trước", "Nhận thêm nhiệm vụ") == "tăng 63 so với tuần trước — lý do: Nhận thêm nhiệm vụ"
    assert large_change(q, 20, 12) is None  # +67% but only 8
    assert large_change(q, 130, 100) is None  # 30 but only 30%
    assert large_change(q, 11, 0) is not None and large_change(q, 10, 0) is None
    assert large_change(q, 2, 75).prompt() == "Giảm từ 75 xuống 2: vì sao? (một dòng)"
    assert large_change(q, 75, None) is None
    assert large_change(q, 75, 12, ratio=6, minimum=10) is None


def test_large_change_money_percent_table_and_others():
    o4 = CAT.get("chuyen-de-02-kh-bcdtw")
    money = next(q for q in o4.questions if q.type == "money")
    lc = large_change(money, 500_000_000, 100_000_000)
    assert lc.prompt() == "Tăng từ 100 triệu đồng lên 500 triệu đồng: vì sao? (một dòng)"
    assert large_change(money, 9_000_000, 1_000_000) is None  # 8 triệu: under the minimum in the question's unit
    o2 = CAT.get("kiem-tra-cchc-2025")
    pct = next(q for q in o2.questions if q.type == "percent")
    lc = large_change(pct, {"value": 80.0}, {"value": 40.0})
    assert lc.phrase("kỳ trước") == "tăng 40 điểm % so với kỳ trước"
    assert large_change(pct, {"value": 48.0}, {"value": 40.0}) is None
    o3 = CAT.get("so-ket-1-nam-2-cap")
    b13 = o3.question("bieu_13b")
    a = synth_answers(o3, XA, week=1)["bieu_13b"]
    big = {"rows": {k: {c: v * 10 if isinstance(v, int) else v for c, v in cells.items()}
                    for k, cells in a["rows"].items()}, "items": {}}
    lc = large_change(b13, big, a)
    assert lc is not None and lc.new == pytest.approx(10 * table_total(b13.table, a))
    assert lc.prompt().startswith("Tổng biểu tăng từ ")
    longtext = next(q for q in o3.questions if q.type == "longtext")
    assert large_change(longtext, "b", "a") is None


def test_reason_and_history_wording():
    assert parse_reason("  Thêm 3 xã \n sáp nhập ") == "Thêm 3 xã sáp nhập"
    with pytest.raises(ParseError, match="Lý do đang trống"):
        parse_reason("   ")
    with pytest.raises(ParseError, match="viết gọn"):
        parse_reason("x" * 301)
    assert event_line("returned", "Chuyên viên A", "20/11 09:15", "Thiếu số liệu", ["3", "12"]) == \
        "20/11 09:15 — ↩ trả lại để sửa (Chuyên viên A): Thiếu số liệu [câu 3, 12]"
