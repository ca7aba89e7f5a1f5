"""Storage: migrations, unit import and search, invites, answers with history, concurrency, kill -9, backup."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.cli import main
from storage.db import current_revision, downgrade, open_database, upgrade
from storage.models import Answer, AnswerRevision, Unit
from storage.repo import Repo
from storage.search import UnitIndex
from storage.unit_import import UnitImportError, import_aliases, import_units
from tests.conftest import DATA, PG_URL, ROOT
from tests.support.submissions import MINISTRIES_CSV, _setup_submission

UNITS_CSV = DATA / "vn_units_2025.csv"
MERGES = DATA / "dvhcvn_20250701_mapping_merges.json"


async def test_migrations_stairway(db_url):
    """Every revision up, down and up again."""
    from alembic.script import ScriptDirectory

    from storage.db import alembic_config

    script = ScriptDirectory.from_config(alembic_config(db_url))
    revisions = list(reversed(list(script.walk_revisions())))
    assert revisions
    await downgrade(db_url, "base")
    assert await current_revision(db_url) is None
    for rev in revisions:
        await upgrade(db_url, rev.revision)
        assert await current_revision(db_url) == rev.revision
        await downgrade(db_url, rev.down_revision or "base")
        await upgrade(db_url, rev.revision)
        assert await current_revision(db_url) == rev.revision


async def test_import_real_units_idempotent(db):
    res = await import_units(db, UNITS_CSV)
    assert (res.created, res.updated) == (3355, 0)
    res = await import_units(db, UNITS_CSV)
    assert (res.created, res.updated, res.unchanged) == (0, 0, 3355)
    async with db.read_session() as s:
        repo = Repo(s)
        ag = await repo.units.unit_by_code("91")
        assert ag is not None and ag.name == "Tỉnh An Giang"
        communes = await repo.units.list_units(ag, include_root=False)
        assert len(communes) > 50 and all(u.parent_id == ag.id for u in communes)
        kinds = dict((await s.execute(select(Unit.kind, func.count()).group_by(Unit.kind))).all())
        assert kinds == {"tinh": 28, "thanh_pho": 6, "xa": 2621, "phuong": 687, "dac_khu": 13}


def _write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


@pytest.mark.parametrize("bad_row,row_no,words", [
    (["X1", "Xã Mới", "xa", "99999"], 4, "mã cha «99999»"),
    (["01", "Trùng mã", "xa", ""], 4, "trùng với dòng 2"),
    (["X2", "", "xa", "01"], 4, "tên đơn vị trống"),
    (["X3", "Xã Lạ", "lang", "01"], 4, "loại «lang» không có"),
])
async def test_bad_row_rejects_whole_file(db, tmp_path, bad_row, row_no, words):
    await import_units(db, MINISTRIES_CSV)
    async with db.read_session() as s:
        before = (await s.execute(select(func.count()).select_from(Unit))).scalar_one()
    f = tmp_path / "units.csv"
    _write_csv(f, [["ma", "ten", "loai", "ma_cha"], ["01", "Thành phố Hà Nội", "thanh_pho", ""],
                   ["00004", "Phường Ba Đình", "phuong", "01"], bad_row, ["00008", "Phường Ngọc Hà", "phuong", "01"]])
    with pytest.raises(UnitImportError) as e:
        await import_units(db, f)
    assert any(r == row_no and words in m for r, m in e.value.problems), e.value.problems
    async with db.read_session() as s:
        after = (await s.execute(select(func.count()).select_from(Unit))).scalar_one()
        assert after == before
        assert (await Repo(s).units.unit_by_code("00004")) is None


async def test_import_xlsx_with_english_headers(db, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["code", "name", "kind", "parent code"])
    ws.append(["T1", "Tỉnh Thử", "tinh", None])
    ws.append(["S1", "Sở Nội vụ", "Sở, ban, ngành", "T1"])
    ws.append(["X1", "Xã Một", "xa", "T1"])
    f = tmp_path / "units.xlsx"
    wb.save(f)
    res = await import_units(db, f)
    assert res.created == 3
    async with db.read_session() as s:
        repo = Repo(s)
        so = await repo.units.unit_by_code("S1")
        t1 = await repo.units.unit_by_code("T1")
        assert so.kind == "so_nganh" and so.parent_id == t1.id and so.path == f"/{t1.id}/{so.id}/"


async def test_unit_search(db):
    await import_units(db, UNITS_CSV)
    await import_units(db, MINISTRIES_CSV)
    assert await import_aliases(db, MERGES) > 5000
    async with db.read_session() as s:
        idx = await UnitIndex.load(s)
    assert idx.search("giong rieng")[0].name == "Xã Giồng Riềng"
    assert idx.search("p long xuyen")[0].name == "Phường Long Xuyên"
    assert idx.search("phu quoc")[0].name == "Đặc khu Phú Quốc"
    assert idx.search("PHÚ QUỐC")[0].name == "Đặc khu Phú Quốc"
    assert idx.search("bo noi vu")[0].name == "Bộ Nội vụ"
    old = idx.search("Phường Trúc Bạch")[0]  # merged into Phường Ba Đình on 01/7/2025
    assert old.name == "Phường Ba Đình" and old.via_alias == "Phường Trúc Bạch"
    assert len(idx.search("xa")) <= 5


async def test_invites(db):
    await import_units(db, MINISTRIES_CSV)
    now = datetime(2026, 11, 24, 8, tzinfo=UTC)
    async with db.session() as s:
        repo = Repo(s)
        bnv = await repo.units.unit_by_code("BNV")
        inv = await repo.onboarding.create_invite(bnv, "officer", uses=2, days=7, now=now)
        a1 = await repo.accounts.ensure_account(1001, "Nguyễn Văn A")
        a2 = await repo.accounts.ensure_account(1002, "Trần Thị B")
        a3 = await repo.accounts.ensure_account(1003, "Lê C")
        r = await repo.onboarding.redeem_invite(inv.code, a1, now=now)
        assert r.status == "ok" and r.unit.code == "BNV" and a1.unit_id == bnv.id and a1.role == "officer"
        assert (await repo.onboarding.redeem_invite(inv.code, a2, now=now)).status == "ok"
        assert (await repo.onboarding.redeem_invite(inv.code, a3, now=now)).status == "used_up"
        assert (await repo.onboarding.redeem_invite("khongco", a3, now=now)).status == "not_found"
        inv2 = await repo.onboarding.create_invite(bnv, "supervisor", days=1, now=now)
        assert (await repo.onboarding.redeem_invite(inv2.code, a3, now=now + timedelta(days=2))).status == "expired"
        r = await repo.onboarding.redeem_invite(inv2.code, a3, now=now)
        assert r.status == "ok" and a3.role == "supervisor"
        assert [u.code for u in await repo.accounts.scopes(a3)] == ["BNV"]
        assert [a.telegram_id for a in await repo.accounts.supervisors_of(bnv)] == [1003]
        await s.commit()


async def test_answers_keep_full_history(db):
    unit_id, acc_id, p1, p2, sub1, sub2 = await _setup_submission(db)
    async with db.session() as s:
        repo = Repo(s)
        assert await repo.submissions.set_answer(sub2, "kl_nv_tong", 10, num=10, by=acc_id, commit=True) == 1
        assert await repo.submissions.set_answer(sub2, "kl_nv_tong", 12, num=12, by=acc_id, via="cli", commit=True) == 2
        revs = await repo.submissions.revisions(sub2, "kl_nv_tong")
        assert [(r.version, r.old_value, r.new_value, r.via) for r in revs] == [(1, None, 10, "bot"), (2, 10, 12, "cli")]
        assert (await repo.submissions.answers(sub2)) == {"kl_nv_tong": 12}


async def test_previous_period_lookup_in_one_query(db):
    unit_id, acc_id, p1, p2, sub1, sub2 = await _setup_submission(db)
    async with db.session() as s:
        repo = Repo(s)
        await repo.submissions.set_answer(sub1, "kl_nv_tong", 8, num=8, by=acc_id, commit=True)
        await repo.submissions.set_answer(sub1, "kk_noi_dung", "Thiếu người", by=acc_id, commit=True)
        await repo.submissions.set_answer(sub2, "kl_nv_tong", 11, num=11, by=acc_id, commit=True)
        period = await repo.periods.period(p2)
    statements = []
    from sqlalchemy import event

    def count(*args, **kw):
        statements.append(args[2])

    event.listen(db.read_engine.sync_engine, "before_cursor_execute", count)
    try:
        async with db.read_session() as s:
            pa = await Repo(s).submissions.period_answers(period)
    finally:
        event.remove(db.read_engine.sync_engine, "before_cursor_execute", count)
    assert [st for st in statements if st.lstrip().upper().startswith("SELECT")].__len__() == 1
    assert pa.previous_period_id == p1
    assert pa.current[unit_id] == {"kl_nv_tong": 11}
    assert pa.previous[unit_id] == {"kl_nv_tong": 8, "kk_noi_dung": "Thiếu người"}
    assert pa.status[unit_id] == "draft"


@pytest.mark.parametrize("web", [False, True], ids=["chat", "chat_and_web"])
async def test_concurrent_writers_lose_no_revision(db, web):
    """Twelve writers of one answer at once (PostgreSQL: each waits for the row); with ``web`` every other one is the
    web form's write (``write_answer``: one statement on PostgreSQL, its old value filled in after such a wait)."""
    unit_id, acc_id, p1, p2, sub1, sub2 = await _setup_submission(db)
    n = 12

    async def writer(i: int) -> int:
        async with db.session() as s:
            repo = Repo(s)
            if web and i % 2:
                version, _rev = await repo.submissions.write_answer(sub2, "tthc_tong", i, num=i, by=acc_id, via="web",
                                                                    now=datetime.now(UTC))
                await s.commit()
                return version
            return await repo.submissions.set_answer(sub2, "tthc_tong", i, num=i, by=acc_id, commit=True)

    versions = await asyncio.gather(*(writer(i) for i in range(n)))
    assert sorted(versions) == list(range(1, n + 1))
    async with db.read_session() as s:
        revs = list((await s.execute(select(AnswerRevision).where(AnswerRevision.submission_id == sub2)
                                     .order_by(AnswerRevision.version))).scalars())
        final = (await s.execute(select(Answer.value, Answer.version).where(Answer.submission_id == sub2))).one()
    assert len(revs) == n
    assert sorted(r.new_value for r in revs) == list(range(n))
    # the chain is unbroken: each revision's old value is the previous one's new value
    for a, b in zip(revs, revs[1:], strict=False):
        assert b.old_value == a.new_value
    assert final.version == n and final.value == revs[-1].new_value
    async with db.read_session() as s:
        assert (await Repo(s).submissions.submission(sub2)).answers_rev == n  # raised by every write


WRITER = r"""
import asyncio, sys
from storage.db import open_database
from storage.repo import Repo
async def main(url, sub, n):
    db = open_database(url)
    for i in range(n):
        async with db.session() as s:
            await Repo(s).submissions.set_answer(sub, f"q{i}", i, num=i, commit=True)
        print(f"ACK {i}", flush=True)
    await asyncio.sleep(60)
asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
"""


async def test_sigkill_after_ack_loses_nothing(db, db_url, tmp_path):
    unit_id, acc_id, p1, p2, sub1, sub2 = await _setup_submission(db)
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    proc = subprocess.Popen([sys.executable, str(script), db_url, str(sub2), "40"], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    acked = -1
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("ACK"):
            acked = int(line.split()[1])
            if acked == 25:
                os.kill(proc.pid, signal.SIGKILL)  # right after the 26th answer was acknowledged
                break
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    db2 = open_database(db_url)
    try:
        async with db2.read_session() as s:
            got = await Repo(s).submissions.answers(sub2)
    finally:
        await db2.dispose()
    for i in range(acked + 1):
        assert got.get(f"q{i}") == i


@pytest.mark.skipif(bool(PG_URL), reason="SQLite online backup")
async def test_backup_while_writing(db, db_url, tmp_path, capsys, monkeypatch):
    unit_id, acc_id, p1, p2, sub1, sub2 = await _setup_submission(db)
    stop = asyncio.Event()

    async def keep_writing():
        i = 0
        while not stop.is_set():
            async with db.session() as s:
                await Repo(s).submissions.set_answer(sub2, f"k{i % 50}", i, num=i, commit=True)
            i += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(keep_writing())
    await asyncio.sleep(0.2)
    from storage.backup import backup_sqlite

    out = tmp_path / "backup.db"
    src = db_url.split("///", 1)[1]
    from pathlib import Path

    stats = await asyncio.to_thread(backup_sqlite, Path(src), out)
    stop.set()
    await task
    assert stats["check"] == "ok"
    copy = open_database(f"sqlite+aiosqlite:///{out}")
    try:
        async with copy.read_session() as s:
            n = (await s.execute(select(func.count()).select_from(Answer))).scalar_one()
            assert n > 0
            assert (await Repo(s).units.unit_by_code("BNV")) is not None
    finally:
        await copy.dispose()


def test_cli_units_find_list_invite_users_export(tmp_path, capsys, monkeypatch):
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}" if not PG_URL else PG_URL
    if PG_URL:
        pytest.skip("CLI round trip runs on SQLite")
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    monkeypatch.setenv("BOT_USERNAME", "baocao_test_bot")
    from bot.config import get_settings

    get_settings.cache_clear()
    try:
        assert main(["units", "import", str(UNITS_CSV), "--aliases", str(MERGES)]) == 0
        assert "3355 đơn vị" in capsys.readouterr().out
        assert main(["units", "find", "giong rieng", "--json"]) == 0
        found = json.loads(capsys.readouterr().out)
        assert found[0]["name"] == "Xã Giồng Riềng" and {"code", "name", "kind", "parent", "score"} <= set(found[0])
        assert main(["units", "list", "--under", "91", "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert listed[0]["code"] == "91" and all(x["parent"] == "91" for x in listed[1:])
        code = listed[1]["code"]
        assert main(["invite", code, "--role", "officer", "--uses", "3", "--json"]) == 0
        inv = json.loads(capsys.readouterr().out)
        assert inv["link"] == f"https://t.me/baocao_test_bot?start={inv['code']}"
        assert main(["users", "add", "--telegram-id", "555", "--role", "supervisor", "--unit", "91"]) == 0
        capsys.readouterr()
        assert main(["users", "list", "--json"]) == 0
        users = json.loads(capsys.readouterr().out)
        assert users == [{"telegram_id": 555, "name": "", "role": "supervisor", "unit": "91",
                          "unit_name": "Tỉnh An Giang", "scopes": ["91"], "blocked": False}]
        assert main(["users", "remove", "--telegram-id", "555"]) == 0
        capsys.readouterr()
        assert main(["users", "list", "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == []
        assert main(["backup", str(tmp_path / "b.db")]) == 0
        assert "kiểm tra toàn vẹn: ok" in capsys.readouterr().out
        assert main(["answers", "export", "--period", "1", "--out", str(tmp_path / "a.csv")]) == 0
        assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").startswith("ma_don_vi,")
    finally:
        get_settings.cache_clear()


async def test_answers_export_csv(db, db_url, tmp_path, capsys, monkeypatch):
    unit_id, acc_id, p1, p2, sub1, sub2 = await _setup_submission(db)
    async with db.session() as s:
        await Repo(s).submissions.set_answer(sub2, "kk_noi_dung", "=cmd|' /C calc'!A0", by=acc_id, commit=True)
        await Repo(s).submissions.set_answer(sub2, "kl_nv_tong", 5, num=5, by=acc_id, commit=True)
    monkeypatch.setenv("DATABASE_URL", db_url)
    from bot.config import get_settings

    get_settings.cache_clear()
    try:
        out = tmp_path / "answers.csv"
        assert await asyncio.to_thread(main, ["answers", "export", "--period", str(p2), "--out", str(out)]) == 0
    finally:
        get_settings.cache_clear()
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {r["cau_hoi"] for r in rows} == {"kk_noi_dung", "kl_nv_tong"}
    assert all(r["ma_don_vi"] == "BNV" for r in rows)
