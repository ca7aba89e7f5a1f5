"""The spreadsheet path through the real Dispatcher: /mau, the filled file sent back (answers stored, Biểu included),
refusals (another unit, not a spreadsheet, too big, locked), a cell error with its address, and the CLI import."""

from __future__ import annotations

import argparse
import io
import json
import re
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from bot.cli.answers import cmd_answers_import
from dialogs.loader import load_catalogue
from exports.sample import synth_answers
from storage.models import AnswerRevision
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.harness import Harness
from tests.support.template_fill import _cell_map, _expected, _fill

SOKET = "so-ket-1-nam-2-cap"
OUTLINE = load_catalogue().get(SOKET)


async def setup(db) -> dict:
    """Two communes of An Giang with an officer each, and the Sơ kết period open for the province's communes."""
    await import_units(db, DATA / "vn_units_2025.csv")
    async with db.session() as s:
        repo = Repo(s)
        ag = await repo.units.unit_by_code("91")
        communes = await repo.units.list_units(ag, kinds=["xa"])
        p, _ = await repo.periods.open_period(SOKET, "Sơ kết 1 năm", deadline=datetime(2026, 11, 30, 9, tzinfo=UTC),
                                      unit_ids=[u.id for u in communes])
        out = {"period": p.id}
        for tg, unit in ((301, communes[0]), (302, communes[1])):
            acc = await repo.accounts.ensure_account(tg, f"Cán bộ {unit.name}")
            await repo.accounts.set_account(acc, role="officer", unit=unit)
            out[tg] = unit
        await s.commit()
    return out


async def stored(db, unit_id: int, period_id: int) -> dict:
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(unit_id, period_id)
        return await repo.submissions.answers(sub.id) if sub else {}


@pytest.fixture
async def h(db, db_url):
    yield await Harness(db, db_url).start()


async def get_template(h: Harness, user) -> bytes:
    await h.say(user, "/mau")
    doc = user.last()
    assert doc.document is not None and doc.document[0].endswith(".xlsx")
    # the period stays readable in the file name (issue 22): «Sơ kết 1 năm» → so-ket-1-nam, not S-k-t-1-n-m
    assert re.fullmatch(r"mau_\d+_so-ket-1-nam\.xlsx", doc.document[0]), doc.document[0]
    assert "Mẫu báo cáo" in doc.caption and "gửi lại tệp" in doc.caption
    return doc.document[1]


async def send(h: Harness, user, name: str, data: bytes, **kw) -> list[str]:
    before = len(h.api.messages(user.id))
    await user.send_document(name, data, **kw)
    await h.flush()
    return [m.text for m in h.api.messages(user.id)[before:]]


async def test_template_round_trip_stores_what_was_filled(h, db):
    ids = await setup(db)
    u = h.user(301)
    unit = ids[301]
    data = await get_template(h, u)
    answers = synth_answers(OUTLINE, unit, week=2, open_items=2)
    filled = _fill(data, OUTLINE, answers)
    out = await send(h, u, "mau-da-dien.xlsx", filled)
    assert out[0].startswith("Đã nhận ") and "không có ô lỗi" in out[0]
    assert "Đã lưu" in out[-1]
    assert u.last().button_texts() == ["👁 Xem lại", "📨 Gửi báo cáo"]
    got = await stored(db, unit.id, ids["period"])
    want = _expected(OUTLINE, answers)
    assert got == want
    assert any(OUTLINE.question(k).type == "table" for k in got)  # the Biểu came through too
    async with db.read_session() as s:
        vias = {r.via for r in (await s.execute(AnswerRevision.__table__.select())).all()}
    assert vias == {"xlsx"}
    # the same file again: nothing changed, nothing stored
    out = await send(h, u, "mau-da-dien.xlsx", filled)
    assert "Không có câu nào thay đổi" in out[-1]
    # into the normal flow: review, then submit
    out = await h.press(u, "Xem lại")
    assert any("Gửi báo cáo" in " ".join(m.button_texts()) for m in h.api.messages(u.id)[-3:])
    await h.press(u, "Gửi báo cáo")
    assert "📨 Xác nhận gửi" in u.last().button_texts()  # the questionnaire's own confirmation


async def test_other_unit_and_bad_files_refused_nothing_stored(h, db):
    ids = await setup(db)
    u, other = h.user(301), h.user(302)
    data = await get_template(h, other)
    filled = _fill(data, OUTLINE, synth_answers(OUTLINE, ids[302], week=2))
    out = await send(h, u, "mau.xlsx", filled)
    assert out[0].startswith("⛔ Tệp không được nhận") and ids[302].name in out[0] and "/mau" in out[0]
    assert await stored(db, ids[301].id, ids["period"]) == {}
    out = await send(h, u, "bao-cao.pdf", b"%PDF-1.4", mime="application/pdf")
    assert "không phải bảng tính .xlsx" in out[0]
    out = await send(h, u, "lon.xlsx", b"PK", file_size=25 * 1024 * 1024)
    assert "nặng hơn 20 MB" in out[0]
    assert not h.api.calls_of("getFile")[1:]  # refused before any download (one getFile: the other unit's file)
    out = await send(h, u, "gia.xlsx", b"PK\x03\x04 not really a workbook")
    assert out[0].startswith("⛔ Tệp không được nhận")
    assert await stored(db, ids[301].id, ids["period"]) == {}


async def test_cell_error_reported_with_address(h, db):
    ids = await setup(db)
    u = h.user(301)
    data = await get_template(h, u)
    answers = synth_answers(OUTLINE, ids[301], week=2)
    wb = load_workbook(io.BytesIO(_fill(data, OUTLINE, answers)))
    q = next(r.question for r in OUTLINE.visible_refs(ids[301].code, ids[301].kind) if r.question.type == "integer")
    sheet, cell = next((s, c) for s, c, p in _cell_map(wb) if p == ["q", q.key])
    wb[sheet][cell] = "mười hai"
    buf = io.BytesIO()
    wb.save(buf)
    out = await send(h, u, "mau.xlsx", buf.getvalue())
    text = "\n".join(out)
    assert "1 ô lỗi" in text and f"Trang «{sheet}», ô {cell}: «mười hai» không phải là một số" in text
    got = await stored(db, ids[301].id, ids["period"])
    assert q.key not in got and len(got) > 10  # the valid cells were stored


async def test_approved_report_refuses_a_file_and_cli_import(h, db, capsys, tmp_path):
    ids = await setup(db)
    u = h.user(301)
    data = await get_template(h, u)
    filled = _fill(data, OUTLINE, synth_answers(OUTLINE, ids[301], week=2))
    path = tmp_path / "mau.xlsx"
    path.write_bytes(filled)
    args = argparse.Namespace(file=str(path), unit=None, force=False, json=True)
    assert await cmd_answers_import(args, h.settings) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["ok"] and got["unit"] == ids[301].code and got["errors"] == [] and got["stored"]
    assert await stored(db, ids[301].id, ids["period"]) == _expected(OUTLINE, synth_answers(OUTLINE, ids[301], week=2))
    # for another unit: refused, exit 1
    args = argparse.Namespace(file=str(path), unit=ids[302].code, force=False, json=False)
    assert await cmd_answers_import(args, h.settings) == 1
    assert ids[301].name in capsys.readouterr().err
    async with db.session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(ids[301].id, ids["period"])
        await repo.review.submit(sub, await repo.accounts.account_by_tg(301))
        await repo.review.approve(sub, await repo.accounts.account_by_tg(301))
        await s.commit()
    out = await send(h, u, "mau.xlsx", filled)
    assert out[0].startswith("⛔ Chưa lưu gì") and "đã được duyệt" in out[0]
    assert u.last().button_texts() == ["🔓 Xin mở lại"]
