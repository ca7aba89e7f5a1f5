"""Consolidation and the exported files, opened with python-docx and openpyxl."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

from dialogs.loader import load_catalogue
from exports import build_report
from exports.consolidate import UnitInfo, consolidate
from exports.sample import synth_answers
from tests.support.weekly import _weekly_db

CAT = load_catalogue()
U1, U2, U3, U4 = (UnitInfo(1, "BNV", "Bộ Nội vụ", "bo"), UnitInfo(2, "BTP", "Bộ Tư pháp", "bo"),
                  UnitInfo(3, "VPCP", "Văn phòng Chính phủ", "co_quan_ngang_bo"), UnitInfo(4, "BYT", "Bộ Y tế", "bo"))
DEADLINE = datetime(2026, 11, 26, 9, tzinfo=UTC)


def weekly_fixture():
    o = CAT.get("tuan-cqdp-2cap")
    current = {
        1: {"kl_nv_tong": 10, "kl_nv_hoan_thanh": 4, "kk_noi_dung": "Thiếu cán bộ công nghệ thông tin ở cấp xã.",
            "kl_ds_hoan_thanh": [{"ten": "Rà soát thủ tục", "thoi_gian": "2026-11-10"}],
            "kl_ds_dang_th": [{"ten": "Sửa quy chế", "dung_han": "cham"}, {"ten": "=HYPERLINK(\"http://x\")", "dung_han": "dung"}]},
        2: {"kl_nv_tong": 20, "kl_nv_hoan_thanh": 5, "kk_noi_dung": "Thiếu cán bộ công nghệ thông tin tại cấp xã",
            "kl_ds_dang_th": [{"ten": "Xây dựng đề án", "dung_han": "dung"}]},
        3: {"kl_nv_tong": 30, "kl_nv_hoan_thanh": 6, "kk_noi_dung": "thiếu cán bộ công nghệ thông tin ở cấp xã",
            "vpcp_hs_tong": 1000, "nv_tuan_toi": "Chuẩn bị họp\x07 giao ban\x00 tuần."},
        4: {"kk_noi_dung": "Kinh phí chưa được bố trí kịp thời."},
    }
    previous = {1: {"kl_nv_tong": 8, "kl_nv_hoan_thanh": 4}, 2: {"kl_nv_tong": 20}, 3: {"kl_nv_tong": 25},
                4: {"kl_nv_tong": 5}}
    status = {1: "submitted", 2: "submitted", 3: "approved", 4: "draft"}
    at = {1: datetime(2026, 11, 26, 8, tzinfo=UTC), 2: datetime(2026, 11, 26, 10, tzinfo=UTC),
          3: datetime(2026, 11, 26, 8, 30, tzinfo=UTC)}
    return consolidate(o, units=[U1, U2, U3, U4], current=current, previous=previous, status=status, submitted_at=at,
                       period_label="Tuần 48/2026", deadline=DEADLINE, previous_label="Tuần 47/2026",
                       scope_name="Chính phủ")


def docx_text(data: bytes) -> str:
    d = Document(BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def test_totals_changes_and_completeness_by_hand():
    c = weekly_fixture()
    tong = c.item("kl_nv_tong").summary
    # BYT (a draft) does not count this week: 10 + 20 + 30; previous (no statuses given): 8 + 20 + 25 + 5
    assert (tong.total, tong.count, tong.prev_total, tong.prev_value) == (60, 3, 58, 58)
    # the change like with like: BYT has no figure this week, so over BNV, BTP, VPCP only: 60 against 8 + 20 + 25
    assert (tong.compared.units, tong.compared.prev, tong.compared.cur, tong.delta) == (3, 53, 60, 7)
    per = {u.code: (v, p) for u, v, p in tong.per_unit}
    assert per == {"BNV": (10, 8), "BTP": (20, 20), "VPCP": (30, 25), "BYT": (None, 5)}
    hs = c.item("vpcp_hs_tong")
    assert hs.eligible == 1 and hs.summary.total == 1000  # only the Văn phòng Chính phủ is asked
    comp = c.completeness
    assert [u.code for u, _ in comp.on_time] == ["BNV", "VPCP"] and [u.code for u, _ in comp.late] == ["BTP"]
    assert sorted(u.code for u, _ in comp.draft) == ["BYT"] and comp.not_started == []
    lst = c.item("kl_ds_dang_th").summary
    assert lst.count == 3 and lst.units_with_items == 2
    assert dict(lst.by_field["dung_han"]) == {"Chậm tiến độ": 1, "Đúng tiến độ": 2}


def test_percent_recomputed_from_parts():
    o = CAT.get("kiem-tra-cchc-2025")
    u = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in (1, 2, 3)]
    cur = {1: {"ii3_ty_le_truc_tuyen": {"value": 48.96, "num": 47, "den": 96}},
           2: {"ii3_ty_le_truc_tuyen": {"value": 75.0, "num": 3, "den": 4}},
           3: {"ii3_ty_le_ttphvhcc": {"value": 40.0}}}
    cur[1]["ii3_ty_le_ttphvhcc"] = {"value": 60.0}
    c = consolidate(o, units=u, current=cur, previous=None, status=dict.fromkeys((1, 2, 3), "submitted"),
                    submitted_at={}, period_label="Đợt 1", deadline=None)
    s = c.item("ii3_ty_le_truc_tuyen").summary
    assert s.mode == "fraction" and s.value == pytest.approx(50.0)  # (47 + 3) / (96 + 4)
    avg = c.item("ii3_ty_le_ttphvhcc").summary
    assert avg.mode == "average" and avg.value == pytest.approx(50.0) and (avg.minimum, avg.maximum) == (40, 60)
    text = docx_text(build_report(c).docx)
    assert "Tỷ lệ hồ sơ trực tuyến: 50%" in text and "tính trên tổng 50/100" in text
    assert "trung bình cộng của 2 đơn vị (không gia quyền), thấp nhất 40%, cao nhất 60%" in text


def test_declared_ratio_is_recomputed_from_the_summed_parts():
    o = CAT.get("kiem-tra-cchc-2025")  # ii3_ty_le_dung_han: ratio of ii3_hs_dung_han / ii3_hs_da_giai_quyet
    u = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in (1, 2, 3)]
    cur = {1: {"ii3_hs_dung_han": 90, "ii3_hs_da_giai_quyet": 100, "ii3_ty_le_dung_han": {"value": 90.0}},
           2: {"ii3_hs_dung_han": 1, "ii3_hs_da_giai_quyet": 10, "ii3_ty_le_dung_han": {"value": 10.0}},
           3: {"ii3_hs_dung_han": 5}}  # no denominator: not in the ratio
    prev = {1: {"ii3_hs_dung_han": 50, "ii3_hs_da_giai_quyet": 100}}
    c = consolidate(o, units=u, current=cur, previous=prev, status=dict.fromkeys((1, 2, 3), "submitted"),
                    submitted_at={}, period_label="Đợt 1", deadline=None)
    it = c.item("ii3_ty_le_dung_han")
    assert it.summary.mode == "ratio" and it.summary.value == pytest.approx(91 * 100 / 110)  # not (90 + 10) / 2
    assert it.answered == 2 and it.summary.prev_value == pytest.approx(50.0)
    text = docx_text(build_report(c).docx)
    # the change like with like: only Xã 1 gave both parts in both periods, 50/100 then 90/100
    assert it.summary.delta == pytest.approx(40.0)
    assert "82,73%" in text and "tăng 40 điểm phần trăm" in text and "2/3 đơn vị báo cáo" in text
    assert "mức tăng, giảm tính trên 1 đơn vị có số liệu cả hai kỳ" in text
    # the two sums it is recomputed from are quoted with their own units (a sum of money in its unit, not in đồng)
    assert "tính lại từ tổng «Số hồ sơ đã giải quyết đúng hạn» 91 hồ sơ trên tổng «Số hồ sơ đã giải quyết» 110 hồ sơ" in text


def test_docx_sentences_tables_and_grouped_narratives():
    c = weekly_fixture()
    rep = build_report(c, org_name="Bộ Nội vụ", place="Hà Nội", on=datetime(2026, 11, 27).date())
    text = docx_text(rep.docx)
    # BYT's figure of last week has no counterpart this week (a draft): the change is measured on the other three
    assert ("Tổng số nhiệm vụ thuộc lĩnh vực được phân công: 60 nhiệm vụ, tăng 7 so với tuần trước (mức tăng, giảm tính "
            "trên 3 đơn vị có số liệu cả hai kỳ: tuần trước 53 nhiệm vụ, kỳ này 60 nhiệm vụ; 3/4 đơn vị báo cáo).") in text
    assert "3 đơn vị nêu: " in text and "(Bộ Nội vụ, Bộ Tư pháp, Văn phòng Chính phủ)" in text
    assert "Kinh phí chưa được bố trí kịp thời." not in text  # Bộ Y tế's draft is not in the report
    assert "Trên cơ sở báo cáo của 3/4 đơn vị" in text and "còn 1 đơn vị đang hoàn thiện" in text
    assert "3 | Bộ Tư pháp | Xây dựng đề án" in text
    assert "Chuẩn bị họp giao ban tuần." in text  # control characters removed, the text kept
    assert "Hà Nội, ngày 27 tháng 11 năm 2026" in text
    assert "Phụ lục I" in text and "Muộn" in text


def test_docx_page_setup_fonts_header_and_page_numbers():
    c = weekly_fixture()
    d = Document(BytesIO(build_report(c, org_name="Bộ Nội vụ").docx))
    s = d.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert round(s.top_margin.mm) == 20 and round(s.bottom_margin.mm) == 20
    assert round(s.left_margin.mm) == 30 and round(s.right_margin.mm) == 15
    normal = d.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    head = d.tables[0]
    right = head.rows[0].cells[1]
    q = right.paragraphs[0].runs[0]
    assert right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and q.bold and q.font.size.pt == 13
    assert right.paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc" and right.paragraphs[1].runs[0].font.size.pt == 14
    assert head.rows[0].cells[0].paragraphs[0].text == "BỘ NỘI VỤ"
    assert any(p.text == "BÁO CÁO" and p.runs[0].bold for p in d.paragraphs)
    date_p = next(p for p in right.paragraphs if "ngày" in p.text)
    assert date_p.runs[0].italic
    body = next(p for p in d.paragraphs if p.text.startswith("- Tổng số nhiệm vụ"))
    assert body.alignment == 3 and round(body.paragraph_format.first_line_indent.cm, 2) == 1.27  # justified
    assert s.different_first_page_header_footer
    assert "PAGE" in s.header._element.xml and s.header.paragraphs[0].alignment == 1  # centred


def test_party_layout():
    o = CAT.get("so-ket-1-nam-2-cap")
    units = [UnitInfo(i, f"X{i}", f"Xã {i}", "xa") for i in (1, 2)]
    c = consolidate(o, units=units, current={1: synth_answers(o, units[0])}, previous=None, status={},
                    submitted_at={}, period_label="Sơ kết 2026", deadline=None)
    d = Document(BytesIO(build_report(c, org_name="Tỉnh ủy An Giang", org_parent=None).docx))
    head = d.tables[0]
    assert head.rows[0].cells[1].paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    left = [p.text for p in head.rows[0].cells[0].paragraphs]
    assert left[0] == "TỈNH ỦY AN GIANG" and "*" in left and any(t.startswith("Số") and "-BC/" in t for t in left)


def test_bieu_summed_cell_by_cell_in_xlsx_and_docx():
    o = CAT.get("so-ket-1-nam-2-cap")
    units = [UnitInfo(1, "X1", "Xã Một", "xa"), UnitInfo(2, "X2", "Xã Hai", "xa")]
    cur = {1: {"bieu_1b": {"rows": {"hoi_nghi": {"cap_tinh": 1, "cap_xa": 2, "ca_hai": 3},
                                    "kiem_tra": {"cap_tinh": 4, "cap_xa": 0, "ca_hai": 1}}}},
           2: {"bieu_1b": {"rows": {"hoi_nghi": {"cap_tinh": 10, "cap_xa": 20, "ca_hai": 30},
                                    "tap_huan": {"cap_tinh": 5, "cap_xa": 5, "ca_hai": 5}}}}}
    c = consolidate(o, units=units, current=cur, previous=None, status={1: "submitted", 2: "approved"},
                    submitted_at={}, period_label="Sơ kết", deadline=None)
    g = c.item("bieu_1b").summary.grid
    assert g["hoi_nghi"] == {"tong": 66, "cap_tinh": 11, "cap_xa": 22, "ca_hai": 33}
    assert g["quan_triet"] == {"tong": 81, "cap_tinh": 16, "cap_xa": 27, "ca_hai": 38}  # group I = 1 + 2 + 3
    assert g["kiem_tra_giam_sat"]["tong"] == 5
    rep = build_report(c)
    wb = load_workbook(BytesIO(rep.xlsx))
    ws = wb[next(n for n in wb.sheetnames if n.startswith("Biểu 1B "))]
    rows: dict = {}
    for r in ws.iter_rows(values_only=True):  # the summed Biểu comes first, each unit's own table below
        if r and len(r) > 2 and isinstance(r[1], str):
            rows.setdefault(r[1].strip(), r)
    assert rows["Hội nghị quán triệt"][2:6] == (66, 11, 22, 33)
    assert rows["Công tác quán triệt, tuyên truyền"][2:6] == (81, 16, 27, 38)
    assert ws.freeze_panes is not None
    d = Document(BytesIO(rep.docx))
    t = next(t for t in d.tables if any("Hội nghị quán triệt" in c.text for c in t.columns[1].cells))
    row = next(r for r in t.rows if "Hội nghị quán triệt" in r.cells[1].text)
    assert [c.text for c in row.cells[2:6]] == ["66", "11", "22", "33"]
    assert "Trong đó chia theo cấp" in t.rows[0].cells[3].text  # grouped header row


def test_xlsx_sheets_formats_and_formula_neutralisation():
    c = weekly_fixture()
    wb = load_workbook(BytesIO(build_report(c).xlsx))
    assert wb.sheetnames[0] == "Tổng hợp" and {"Từng đơn vị", "Tiến độ", "Ý kiến"} <= set(wb.sheetnames)
    ws = wb["Tổng hợp"]
    row = next(r for r in ws.iter_rows(min_row=4) if r[2].value == "Tổng số nhiệm vụ thuộc lĩnh vực được phân công")
    # the whole figures of both weeks, and the change like with like (BYT's 5 of last week has no counterpart), said so
    assert (row[4].value, row[5].value, row[6].value, row[7].value) == (60, 58, 7, 3)
    assert ws.cell(3, 9).value == "Cách so sánh với kỳ trước"
    assert row[8].value == "Mức tăng, giảm tính trên 3 đơn vị có số liệu cả hai kỳ: tuần trước 53 nhiệm vụ, kỳ này 60 nhiệm vụ"
    assert row[4].number_format == "#,##0"
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref
    per = wb["Từng đơn vị"]
    assert per["A1"].value.startswith("SỐ LIỆU CỦA TỪNG ĐƠN VỊ")  # a title row saying what the sheet lists
    head = [c.value for c in per[2]]
    assert head[:3] == ["Mã", "Đơn vị", "Trực thuộc"] and "I.1.a Tăng/giảm so với kỳ trước" in head
    assert not any("Δ" in str(h) for h in head)
    bnv = next(r for r in per.iter_rows(min_row=3, values_only=True) if r[0] == "BNV")
    assert bnv[3] == 10 and bnv[4] == 2  # value and change against last week
    ws = wb["I.1.a Nhiệm vụ đang thực hiện"]
    cells = [c for r in ws.iter_rows(min_row=2) for c in r if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and cells[0].value.startswith("'=") and cells[0].data_type == "s"
    for sheet in wb.worksheets:
        for r in sheet.iter_rows():
            for cell in r:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
    prog = wb["Tiến độ"]
    states = {r[0]: r[3] for r in prog.iter_rows(min_row=3, values_only=True)}
    assert states == {"BNV": "Đúng hạn", "BTP": "Muộn", "BYT": "Đang làm", "VPCP": "Đúng hạn (đã duyệt)"}


@pytest.mark.parametrize("text", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\r=2"])
def test_every_formula_start_is_neutralised(text):
    from exports.xlsx_report import safe_text

    assert safe_text(text).startswith("'")
    assert safe_text("Bình thường") == "Bình thường"


# --------------------------------------------------------------------------- delivery: /tonghop and baocao export


async def test_tonghop_in_the_bot(db, db_url):
    from tests.support.harness import Harness

    p1, p2 = await _weekly_db(db)
    h = await Harness(db, db_url).start()
    officer = h.user(802)
    out = await h.say(officer, "/tonghop")
    assert "dành cho người tổng hợp" in out[0]
    sup = h.user(800)
    out = await h.say(sup, "/tonghop")
    assert "Kỳ: Tuần 48/2026" in out[0] and "Phạm vi: Chính phủ" in out[0]  # defaults: the latest period
    await h.press(sup, "Tổng hợp ngay")
    docs = [m for m in h.api.messages(sup.id) if m.document]
    assert [d.document[0].rsplit(".", 1)[1] for d in docs] == ["docx", "xlsx"]
    texts = [m.text or "" for m in h.api.messages(sup.id)]
    summary = next(t for t in reversed(texts) if t.startswith("📊 Tổng hợp «"))
    assert summary.startswith("📊 Tổng hợp «Báo cáo tuần CQĐP 02 cấp»") and len(summary) < 4096
    # the signer's name is not set: said once, with the /coquan message an administrator sends
    notice = texts[-2]
    assert "còn để trống: họ tên người ký" in notice and "/coquan CP\nngười ký: " in notice
    # Bộ Y tế's draft is not counted: the 33 of last week (8 + 20 + 5) is not compared with 30 (10 + 20), which
    # would print a fall; the change is measured on the two units with a figure in both weeks, 28 → 30
    assert ("30 nhiệm vụ (tăng 2 so với tuần trước; trên 2 đơn vị có số liệu cả hai kỳ: 28 nhiệm vụ → 30 nhiệm vụ)"
            in summary)
    assert "giảm 3" not in summary
    text = docx_text(docs[0].document[1])
    assert ("30 nhiệm vụ, tăng 2 so với tuần trước (mức tăng, giảm tính trên 2 đơn vị có số liệu cả hai kỳ: tuần trước "
            "28 nhiệm vụ, kỳ này 30 nhiệm vụ; 2/17 đơn vị báo cáo)") in text
    assert "Trên cơ sở báo cáo của 2/17 đơn vị" in text and "còn 1 đơn vị đang hoàn thiện" in text
    assert "10:05 26/11/2026" in text  # submitted at 03:05 UTC, shown in Vietnam's time
    # issued by the scope's body, from the unit data: the Government, in Hà Nội, "Số:      /BC-CP"
    head = Document(BytesIO(docs[0].document[1])).tables[0].rows[0].cells[0].text
    assert head.startswith("CHÍNH PHỦ") and "/BC-CP" in head and "TM. CHÍNH PHỦ" in text
    wb = load_workbook(BytesIO(docs[1].document[1]))
    assert wb["Tổng hợp"]["E4"].value == 37 - 7
    times = [r[4] for r in wb["Tiến độ"].iter_rows(min_row=2, values_only=True) if r[0] == "BNV"]
    assert times == [datetime(2026, 11, 26, 10, 5)]  # the same local time as the .docx, not the server's
    # provisional figures, on request: the draft counted and named
    await h.say(sup, "/tonghop")
    await h.press(sup, "Tổng hợp gồm cả bản đang làm")
    docs = [m for m in h.api.messages(sup.id) if m.document][-2:]
    summary = sup.last().text
    assert not any("còn để trống" in (m.text or "") for m in h.api.messages(sup.id)[len(texts):])  # not repeated
    assert "37 nhiệm vụ (tăng 4 so với tuần trước)" in summary and "SỐ LIỆU TẠM TÍNH" in summary
    text = docx_text(docs[0].document[1])
    assert "37 nhiệm vụ, tăng 4 so với tuần trước (3/17 đơn vị báo cáo)" in text
    assert "SỐ LIỆU TẠM TÍNH: gồm cả bản đang làm, chưa gửi, của 1 đơn vị (Bộ Y tế)" in text
    assert "Trên cơ sở báo cáo của 3/17 đơn vị" in text
    assert load_workbook(BytesIO(docs[1].document[1]))["Tổng hợp"]["E4"].value == 37
    # another period and a narrower scope, by buttons
    await h.say(sup, "/tonghop")
    await h.press(sup, "Đổi kỳ")
    await h.press(sup, "Tuần 47/2026")
    assert "Kỳ: Tuần 47/2026" in sup.last().text


async def test_tonghop_of_a_narrow_scope_and_a_forged_one(db, db_url):
    from tests.support.harness import Harness

    _p1, p2 = await _weekly_db(db)
    h = await Harness(db, db_url).start()
    # a supervisor of one unit only gets that unit
    narrow = h.user(801)
    await h.say(narrow, "/tonghop")
    assert "Phạm vi: Bộ Tư pháp" in narrow.last().text
    await h.press(narrow, "Tổng hợp ngay")
    assert "Đã nộp 1/1 đơn vị" in narrow.last().text
    # forging the scope of the whole Government is refused
    from bot.callbacks import ConsolidateButton

    await narrow.press("", data=ConsolidateButton(action="go", period=p2, scope=0).pack())
    async with db.read_session() as s:
        from storage.repo import Repo

        cp = await Repo(s).units.unit_by_code("CP")
    await narrow.press("", data=ConsolidateButton(action="go", period=p2, scope=cp.id).pack())
    await h.flush()
    assert [a for a in h.alerts() if "không có quyền" in a].__len__() == 2


async def test_cli_export(db, db_url, tmp_path, monkeypatch, capsys):
    import asyncio

    from bot.cli import main
    from bot.config import get_settings

    p1, p2 = await _weekly_db(db)
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        assert await asyncio.to_thread(main, ["issuer", "set", "CP", "--signer", "Nguyễn Văn An"]) == 0
        capsys.readouterr()
        code = await asyncio.to_thread(main, ["export", "tuan-cqdp-2cap", str(p2), "--scope", "CP", "--out",
                                              str(tmp_path), "--json"])
        assert code == 0
        import json

        info = json.loads(capsys.readouterr().out)
        signed = Document(info["docx"]).tables
        assert any("Nguyễn Văn An" in c.text for t in signed for r in t.rows for c in r.cells)  # the stored signer
        assert info["units"] == 17
        doc = Document(info["docx"])
        assert any("30 nhiệm vụ" in p.text for p in doc.paragraphs)  # the sent reports only
        assert load_workbook(info["xlsx"])["Tổng hợp"]["E4"].value == 30
        assert info["counted"] == 2 and info["provisional"] == []
        code = await asyncio.to_thread(main, ["export", "tuan-cqdp-2cap", str(p2), "--scope", "CP", "--out",
                                              str(tmp_path), "--json", "--gom-ban-dang-lam"])
        info = json.loads(capsys.readouterr().out)
        assert code == 0 and info["counted"] == 3 and info["provisional"] == ["BYT"]
        doc = Document(info["docx"])
        assert any("37 nhiệm vụ" in p.text for p in doc.paragraphs)
        assert any(p.text.startswith("SỐ LIỆU TẠM TÍNH") for p in doc.paragraphs)
        assert info["issuer_gaps"] == ["đơn vị soạn thảo sau «Lưu» (đang để dòng chấm)"]
        assert info["issuer_command"] == 'baocao issuer set CP --archive "VP"'
        assert await asyncio.to_thread(main, ["export", "tuan-cqdp-2cap", str(p2), "--scope", "CP", "--out",
                                              str(tmp_path)]) == 0
        out = capsys.readouterr().out  # said plainly, with the exact command
        assert "còn để trống: đơn vị soạn thảo" in out and "  baocao issuer set CP --archive" in out
        assert await asyncio.to_thread(main, ["export", "tuan-cqdp-2cap", "Tuần 99", "--out", str(tmp_path)]) == 2
        assert "Không có kỳ" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()
