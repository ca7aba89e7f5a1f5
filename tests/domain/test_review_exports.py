"""Review in the exports: an approved report is shown as approved (/tiendo's counts, the .docx annex, the .xlsx
progress sheet), and an officer's reason for a large change appears beside the figure in the .docx and in a
column of the .xlsx."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

from docx import Document
from openpyxl import load_workbook

from dialogs.loader import load_catalogue
from exports import build_report
from exports.load import load_consolidation
from exports.progress import period_progress
from storage.repo import Repo
from tests.support.weekly import _weekly_db


async def test_reasons_and_approval_reach_the_exports(db):
    _, p2 = await _weekly_db(db)  # BNV 8 → 10, BTP 20 → 20, BYT 5 → 7 (kl_nv_tong)
    async with db.session() as s:
        repo = Repo(s)
        sup = await repo.accounts.ensure_account(800, "Tổng hợp Chính phủ")
        period = await repo.periods.period(p2)
        bnv = await repo.units.unit_by_code("BNV")
        sub = await repo.submissions.find_submission(bnv.id, p2)
        await repo.submissions.set_answer(sub.id, "kl_nv_tong", 75, num=75, reason="nhận thêm 65 nhiệm vụ từ Bộ cũ", commit=True)
        btp = await repo.submissions.find_submission((await repo.units.unit_by_code("BTP")).id, p2)
        await repo.review.submit(btp, sup, now=datetime(2026, 11, 25, tzinfo=UTC))
        assert await repo.review.approve(btp, sup, now=datetime(2026, 11, 25, 1, tzinfo=UTC))
        await s.commit()
        prog = await period_progress(repo, load_catalogue().get("tuan-cqdp-2cap"), period, None)
    assert prog.approved == 1 and prog.submitted == 2  # BNV sent, BTP sent and approved (BYT: a draft)
    assert {u["name"] for u in prog.to_json()["units"] if u["approved"]} == {"Bộ Tư pháp"}
    c = await load_consolidation(db, load_catalogue(), p2)
    assert c.reasons[bnv.id] == {"kl_nv_tong": "nhận thêm 65 nhiệm vụ từ Bộ cũ"}
    rep = build_report(c)
    text = "\n".join(p.text for p in Document(BytesIO(rep.docx)).paragraphs)
    assert "Bộ Nội vụ: 75 nhiệm vụ, tăng 67 so với tuần trước — lý do: nhận thêm 65 nhiệm vụ từ Bộ cũ." in text
    annex = [[cell.text for cell in row.cells] for t in Document(BytesIO(rep.docx)).tables for row in t.rows]
    assert any("Bộ Tư pháp" in r and "Đúng hạn (đã duyệt)" in r for r in annex)
    wb = load_workbook(BytesIO(rep.xlsx))
    per = wb["Từng đơn vị"]
    head = [c.value for c in per[2]]  # row 1: the sheet's title
    assert head[-1] == "Lý do thay đổi lớn"
    rows = {r[1]: r for r in per.iter_rows(min_row=3, values_only=True)}
    number = load_catalogue().get("tuan-cqdp-2cap").ref("kl_nv_tong").number
    assert rows["Bộ Nội vụ"][-1] == f"{number}: nhận thêm 65 nhiệm vụ từ Bộ cũ"
    states = {r[1]: r[3] for r in wb["Tiến độ"].iter_rows(min_row=3, values_only=True)}
    assert states["Bộ Tư pháp"] == "Đúng hạn (đã duyệt)"
