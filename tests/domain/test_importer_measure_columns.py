"""Imported Biểu whose cells are measures, not counts, take decimals (review r28f M4, M5, M8), a rate measured
against a plan may pass 100 % (M2), «Bình quân học sinh/lớp» is recomputed from the Biểu's own counts (M7), and a
signer's line under a short Biểu title is not part of the report's name (N6). Made-up documents."""

from __future__ import annotations

import pytest

from dialogs.answers import parse_row
from dialogs.importer import import_document
from dialogs.loader import check_outline_text
from dialogs.parsing import ParseError


def _table(lines: list[str]):
    r = import_document("\n".join(lines).encode("utf-8"), "bieu.txt")
    o, probs = check_outline_text(r.yaml)
    assert o is not None, probs
    q = next(ref.question for ref in o.refs if ref.question.type == "table")
    return o, q.table


def test_columns_under_a_measure_group_take_decimals_and_counts_stay_whole():
    _, t = _table(["Biểu 05: GIEO CẤY VỤ MÙA 2027",
                   "STT\tThôn\tDiện tích (ha)\t\tSản lượng (tấn)\t\tSố hộ (hộ)\t",
                   "\t\tKế hoạch\tThực hiện\tKế hoạch\tThực hiện\tKế hoạch\tThực hiện",
                   "1\tThôn Đoài\t\t\t\t\t\t", "Người lập biểu"])
    kinds = {(c.group, c.label): c.type for c in t.columns}
    assert kinds[("Diện tích (ha)", "Thực hiện")] == "decimal"
    assert kinds[("Sản lượng (tấn)", "Kế hoạch")] == "decimal"
    assert kinds[("Số hộ (hộ)", "Thực hiện")] == "integer"
    row = parse_row(t, "12,5 12,25 61,5 60,75 40 41")
    assert [row[c.key] for c in t.columns] == [12.5, 12.25, 61.5, 60.75, 40, 41]


def test_an_indicator_bieu_with_rows_in_ta_ha_and_percent_takes_decimals():
    _, t = _table(["Biểu 08: CHỈ TIÊU CHỦ YẾU NĂM 2027",
                   "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch\tƯớc thực hiện",
                   "1\tNăng suất ngô\ttạ/ha\t\t", "2\tTỷ lệ trẻ đi học\t%\t\t", "3\tSố trường\ttrường\t\t",
                   "Người lập biểu"])
    assert all(c.type == "decimal" for c in t.columns)
    assert sorted(parse_row(t, "47,5 48,2").values()) == [47.5, 48.2]


def test_an_average_column_per_household_takes_decimals():
    _, t = _table(["Biểu 09: NHÂN KHẨU THEO XÓM", "STT\tXóm\tSố hộ\tSố nhân khẩu\tBình quân khẩu/hộ (người/hộ)",
                   "1\tXóm Trại\t\t\t", "Người lập biểu"])
    assert t.columns[-1].type == "decimal"
    assert parse_row(t, "40 150 3,75")[t.columns[-1].key] == 3.75


def test_plan_achievement_rate_may_pass_100_a_share_may_not():
    _, t = _table(["Biểu 11: THU NGÂN SÁCH XÃ", "STT\tNội dung\tDự toán (triệu đồng)\tThực hiện (triệu đồng)"
                   "\tTỷ lệ thực hiện so với dự toán (%)\tTỷ lệ thu đúng hạn (%)",
                   "1\tThu phí\t\t\t\t", "Người lập biểu"])
    achieved, share = t.columns[2], t.columns[3]
    assert parse_row(t, "800 1.000 125 90")[achieved.key]["value"] == 125
    with pytest.raises(ParseError, match="100%"):
        parse_row(t, "800 1.000 125 130")
    assert share.type == "percent"


def test_pupils_per_class_is_recomputed_from_pupils_and_classes():
    _, t = _table(["Biểu 14: TRƯỜNG LỚP NĂM HỌC 2027-2028", "STT\tCấp học\tSố lớp\tSố học sinh\tBình quân học sinh/lớp",
                   "1\tMầm non\t\t\t", "2\tTiểu học\t\t\t", "Người lập biểu"])
    avg = t.columns[-1]
    assert (avg.aggregate, avg.numerator, avg.denominator, avg.factor) == ("ratio", t.columns[1].key,
                                                                           t.columns[0].key, 1)


def test_signer_line_under_a_short_title_is_not_in_the_name():
    r = import_document("Biểu 02: THU QUỸ ĐỀN ƠN\nSTT\tThôn\tSố hộ\n1\tThôn Nam\t\nNgười lập biểu\n".encode(), "b.txt")
    o, _ = check_outline_text(r.yaml)
    assert o is not None and "lập biểu" not in o.title.lower() and o.title.lower().startswith("thu quỹ đền ơn")
