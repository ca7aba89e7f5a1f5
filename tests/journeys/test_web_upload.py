"""A filled /mau .xlsx sent from the web page (bot/web/upload.py) over HTTP: the same reading, refusals and
per-cell errors as a file sent to the Telegram bot, a preview of what changes, «Áp dụng» storing it with
revisions via "web", «Huỷ» storing nothing — and what must be refused: another unit's file, a file of another
period, not a spreadsheet, too big, a zip bomb, no CSRF token, a replayed form, another person's pending file."""

from __future__ import annotations

import io
import zipfile

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from openpyxl import load_workbook

from bot.app import make_services
from bot.web.links import issue_link
from bot.web.server import mount
from dialogs.loader import load_catalogue
from exports.sample import synth_answers
from storage.models import AnswerRevision
from storage.repo import Repo
from tests.support.harness import Clock
from tests.support.harness import test_settings as make_settings
from tests.support.template_fill import _cell_map, _expected, _fill
from tests.support.upload_client import XLSX, Uploader, hidden, text_of
from tests.support.web_world import OUTLINE, World, build_world

SOKET = load_catalogue().get(OUTLINE)


class Site:
    def __init__(self, db, db_url, world: World):
        self.db, self.world = db, world
        clock = Clock()
        clock.t = clock.t.replace(year=2026, month=12, day=6)
        self.services = make_services(make_settings(db_url, web_base_url="http://bc.example.vn"), db, clock)
        self.people: list[Uploader] = []

    async def start(self) -> Site:
        await self.services.register_outlines()
        root = web.Application()
        mount(root, self.services)
        self.server = TestServer(root)
        await self.server.start_server()
        return self

    async def person(self, account_id: int, kind: str = "u") -> Uploader:
        """A browser signed in by the signed upload link (``/web/u/…``, what Zalo's /mau sends)."""
        async with self.db.session() as s:
            repo = Repo(s)
            issued = await issue_link(self.services, repo, await repo.accounts.account(account_id), self.world.period)
            await s.commit()
        b = Uploader(str(self.server.make_url("")))
        self.people.append(b)
        status, _ = await b.get(issued.url.replace("http://bc.example.vn", "").replace("/web/l/", f"/web/{kind}/"))
        assert status == 200
        return b

    async def answers(self, code: str) -> dict:
        async with self.db.read_session() as s:
            repo = Repo(s)
            sub = await repo.submissions.find_submission(self.world.units[code], self.world.period)
            return await repo.submissions.answers(sub.id) if sub else {}

    async def unit(self, code: str):
        async with self.db.read_session() as s:
            return await Repo(s).units.unit(self.world.units[code])

    async def close(self) -> None:
        for b in self.people:
            await b.close()
        await self.server.close()


@pytest.fixture
async def site(db, db_url, tmp_path):
    s = await Site(db, db_url, await build_world(db, tmp_path)).start()
    yield s
    await s.close()


async def template(b: Uploader) -> bytes:
    status, data, ctype = await b.get_bytes("/web/upload/template")
    assert status == 200 and ctype == XLSX and data.startswith(b"PK")
    return data


async def test_upload_preview_apply_stores_via_web(site, db):
    b = await site.person(site.world.officer)
    assert b.final.endswith("/web/upload")
    page = text_of(b.last)
    assert "Tải tệp .xlsx đã điền lên" in page and "Phường Ba Đình" in page and "Năm 2026" in page
    assert {"csrf", "rid"} <= set(hidden(b.last))
    unit = await site.unit("00004")
    answers = synth_answers(SOKET, unit, week=2, open_items=2)
    answers.pop("bieu_8b")
    filled = _fill(await template(b), SOKET, answers)
    status, page = await b.upload("mau-da-dien.xlsx", filled)
    shown = text_of(page)
    assert status == 200 and "Xem trước khi lưu" in shown and "không có ô lỗi" in shown, shown[:2000]
    assert "Áp dụng" in shown and "Huỷ" in shown and "(trống) →" in shown
    assert await site.answers("00004") == {}  # nothing stored before «Áp dụng»
    preview = page
    status, page = await b.confirm("apply")
    assert status == 200 and "Đã lưu" in text_of(page), text_of(page)[:1000]
    got = await site.answers("00004")
    prev_8b = got.pop("bieu_8b")  # last period's Biểu 8B row, shown in the template, came back with the file
    assert got == _expected(SOKET, answers) and any(SOKET.question(k).type == "table" for k in got)
    assert prev_8b["items"]["gd_thpt"][0]["label"] == "Trường THPT Ba Đình"
    async with db.read_session() as s:
        rows = (await s.execute(AnswerRevision.__table__.select())).all()
    web_rows = [r for r in rows if r.via == "web"]
    assert len(web_rows) == len(got) + 1 and len(rows) - len(web_rows) == 3  # the 3: last period's, set up
    assert {r.changed_by for r in web_rows} == {site.world.officer}
    # «Áp dụng» again (the same form replayed): refused, nothing doubled
    status, _ = await b.post("/web/upload/apply", {**hidden(preview), "do": "apply"})
    assert status == 409
    status, _ = await b.post("/web/upload/apply", {**hidden(preview), "rid": "fresh-request-1", "do": "apply"})
    assert status == 410  # a fresh request id: the kept file was used up by the first «Áp dụng»
    # the same file again: nothing would change, nothing to apply
    await b.get("/web/upload")
    status, page = await b.upload("mau-da-dien.xlsx", filled)
    assert "Không có câu nào thay đổi" in text_of(page) and "token" not in hidden(page)


async def test_cell_errors_as_in_the_chat_and_cancel_stores_nothing(site):
    b = await site.person(site.world.officer)
    unit = await site.unit("00004")
    wb = load_workbook(io.BytesIO(_fill(await template(b), SOKET, synth_answers(SOKET, unit, week=2))))
    q = next(r.question for r in SOKET.visible_refs(unit.code, unit.kind) if r.question.type == "integer")
    sheet, cell = next((s, c) for s, c, p in _cell_map(wb) if p == ["q", q.key])
    wb[sheet][cell] = "mười hai"
    buf = io.BytesIO()
    wb.save(buf)
    status, page = await b.upload("mau.xlsx", buf.getvalue())
    shown = text_of(page)
    assert status == 200 and "1 ô lỗi" in shown
    assert f"Trang «{sheet}», ô {cell}: «mười hai» không phải là một số" in shown
    status, page = await b.confirm("cancel")
    assert status == 200 and "Đã huỷ: chưa lưu gì" in text_of(page)
    assert await site.answers("00004") == {}
    status, page = await b.post("/web/upload/apply", {**hidden(page), "token": "x" * 43, "do": "apply"})
    assert status == 410 and "Tệp chờ áp dụng không còn" in text_of(page)


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:  # 0.9 MB inflating to 201 MB
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for _ in range(201):
                f.write(b"\0" * (1 << 20))
    return buf.getvalue()


async def test_refusals_another_unit_bad_files_csrf_replay_size(site):
    mine = await site.person(site.world.officer)
    other = await site.person(site.world.other_officer)
    foreign = _fill(await template(other), SOKET, synth_answers(SOKET, await site.unit("00100"), week=2))
    status, page = await mine.upload("mau.xlsx", foreign)
    assert status == 422 and "Tệp không được nhận, chưa lưu gì" in text_of(page) and "Xã Lũng Cú" in text_of(page)
    cases = [("bao-cao.pdf", b"%PDF-1.4", "application/pdf", "không phải bảng tính .xlsx", 415),
             ("mau.xlsx", b"%PDF-1.4", "text/plain", "không phải bảng tính .xlsx", 415),
             ("mau.xlsx", b"PK\x03\x04 not a workbook", XLSX, "Tệp .xlsx bị hỏng", 422),
             ("mau.xlsx", b"just text", XLSX, "không phải bảng tính Excel", 422),
             ("mau.xlsx", _bomb(), XLSX, "không phải bảng tính Excel (.xlsx) hợp lệ", 422)]
    for name, data, ctype, words, code in cases:
        status, page = await mine.upload(name, data, ctype)
        assert status == code and words in text_of(page), (name, status, text_of(page)[:600])
    # no CSRF token, a wrong one, a replayed request id
    fields = hidden(mine.last)
    status, page = await mine.upload("mau.xlsx", foreign, fields={"rid": "r" * 12})
    assert status == 403 and "Phiên làm việc không khớp" in text_of(page)
    status, _ = await mine.upload("mau.xlsx", foreign, fields={**fields, "csrf": "0" * 40})
    assert status == 403
    status, _ = await mine.upload("mau.xlsx", foreign, fields=fields)
    assert status == 422  # read (another unit's) …
    status, page = await mine.upload("mau.xlsx", foreign, fields=fields)
    assert status == 409 and "gửi lặp lại" in text_of(page)  # … and the same form again refused
    # another site's page posting into ours
    await mine.get("/web/upload")
    status, _ = await mine.post("/web/upload", hidden(mine.last), ("mau.xlsx", foreign, XLSX),
                                headers={"Origin": "https://evil.example"})
    assert status == 403
    # too big: refused before the body is read, and a streamed body cut at the limit
    status, _ = await mine.post("/web/upload", hidden(mine.last), ("mau.xlsx", b"PK" + b"0" * (21 * 1024 * 1024), XLSX))
    assert status == 413
    # another person's pending file cannot be applied
    await other.get("/web/upload")
    own = _fill(await template(other), SOKET, synth_answers(SOKET, await site.unit("00100"), week=2))
    status, page = await other.upload("mau.xlsx", own)
    assert status == 200 and "token" in hidden(page)
    await mine.get("/web/upload")
    status, _ = await mine.post("/web/upload/apply", {**hidden(mine.last), "token": hidden(page)["token"],
                                                      "do": "apply"})
    assert status == 410
    assert await site.answers("00004") == {} and await site.answers("00100") == {}
    # no session at all
    anon = Uploader(str(site.server.make_url("")))
    site.people.append(anon)
    status, _ = await anon.get("/web/upload")
    assert status == 401


async def test_the_form_links_to_the_upload_and_a_form_link_session_uses_it(site):
    b = await site.person(site.world.officer, kind="l")  # the ordinary signed link: the form first
    assert "/web/form" in b.final
    assert f"/web/upload?period={site.world.period}" in b.last and "Điền bằng Excel" in text_of(b.last)
    status, page = await b.get(f"/web/upload?period={site.world.period}")
    assert status == 200 and "csrf" in hidden(page)
    status, _ = await b.get(f"/web/upload?period={site.world.prev_period}")  # the link is for one period
    assert status == 403
