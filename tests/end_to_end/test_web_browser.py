"""The web form in a real browser: Debian's Chromium (headless, driven by Playwright pointed at
/usr/bin/chromium — nothing downloads a browser) against the real bot process, which polls a fake Bot API over
HTTP and serves the form because WEB_BASE_URL is set.

One officer opens the link the bot sends (/web), fills seed 003's Biểu 8B (a named row, totals as one types),
sees a rule's error under the field, fixes it and submits; the chat then shows the report as submitted and
/tonghop's spreadsheet holds the figures. A colleague opens the same report through forged-by-us (correctly
signed) Mini App init data; wrongly signed init data is refused in the page. A ministry's officer, who has no
Telegram, opens a link printed by `baocao link` and fills a list.

Set WEB_SCREENSHOTS=docs/img to write the phone-size screenshots of the README."""

from __future__ import annotations

import asyncio
import io
import json
import os
import shutil
import sys
import time
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.devtools.demo import Driver
from bot.web.auth import make_init_data
from storage.repo import Repo
from tests.conftest import ROOT
from tests.support.fake_bot_api import FakeTelegram
from tests.support.processes import free_port
from tests.support.web_world import build_world

pytestmark = [pytest.mark.slow, pytest.mark.db]
CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None)
try:
    from playwright.async_api import async_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    async_playwright = None

if CHROMIUM is None or async_playwright is None:
    pytest.skip("Chromium (apt-get install chromium) or Playwright (pip install playwright) is missing; "
                "scripts/install-chromium.sh installs the browser", allow_module_level=True)

SHOTS = os.environ.get("WEB_SCREENSHOTS")
BOT_ENV_KEYS = ("BOT_TOKEN", "TELEGRAM_API_URL", "DATABASE_URL", "ADMIN_IDS", "WEBHOOK_URL", "BOT_USERNAME",
                "SCHEDULER_INTERVAL", "WEB_BASE_URL", "WEB_PORT", "WEB_HOST")


def _env(api: FakeTelegram, db_url: str, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in BOT_ENV_KEYS}
    env.update(BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url, DATABASE_URL=db_url, ADMIN_IDS="",
               PYTHONPATH=str(ROOT), LOG_LEVEL="WARNING", SCHEDULER_INTERVAL="3600", SEND_CHAT_RATE="0",
               WEB_BASE_URL=f"http://127.0.0.1:{port}", WEB_HOST="127.0.0.1", WEB_PORT=str(port))
    return env


async def _wait_for_web(port: int, proc, timeout: float = 120.0) -> None:  # start-up, on a loaded machine
    import aiohttp

    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    async with aiohttp.ClientSession() as http:
        while loop.time() < end:
            if proc.returncode is not None:
                raise RuntimeError(f"the bot exited: {(await proc.stderr.read()).decode()[-2000:]}")
            try:
                async with http.get(f"http://127.0.0.1:{port}/web/") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise TimeoutError("the bot's web server did not start")


@asynccontextmanager
async def _running_bot(db_url: str, token: str):
    """The real bot (`python -m bot`) with its web server, against a fake Bot API; stopped on the way out."""
    api = FakeTelegram(token)
    await api.start()
    port = free_port()
    env = _env(api, db_url, port)
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=str(ROOT), env=env,
                                                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    try:
        await _wait_for_web(port, proc)
        yield api, env, port
    finally:
        if proc.returncode is None:
            proc.terminate()
            await proc.wait()
        await api.stop()


async def _message_with(api: FakeTelegram, chat_id: int, text: str, timeout: float = 20.0):
    for _ in range(int(timeout / 0.1)):
        found = [m for m in api.messages(chat_id) if text in m.text]
        if found:
            return found[-1]
        await asyncio.sleep(0.1)
    raise AssertionError(f"no message with {text!r}: {[m.text for m in api.messages(chat_id)]}")


async def _shot(page, name: str, *, full: bool = False) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(Path(SHOTS) / name), full_page=full)


async def _open_section(page, key: str) -> None:
    """Open the section holding question ``key`` by tapping its heading, as an officer does."""
    details = page.locator(f"details.section:has(#q-{key})")
    if await details.get_attribute("open") is None:
        await details.locator("summary").click()


async def _fill_and_leave(page, selector: str, text: str) -> None:
    await page.fill(selector, text)
    await page.press(selector, "Tab")


async def _officer_fills_and_submits(page, link: str) -> None:
    await page.goto(link)
    await page.wait_for_selector("#report")
    await _shot(page, "web-form.png")
    for key in ("iii_nv_dang_cham", "bieu_8b", "iii2_tong_nv"):
        await _open_section(page, key)
    # a wrong input: the chat's message under the field
    await _fill_and_leave(page, "#in-iii_nv_dang_cham", "mười")
    err = page.locator("#q-iii_nv_dang_cham [data-err]")
    await err.wait_for(state="visible")
    assert "không phải là một số" in await err.inner_text()
    # a rule that fails: its message under the field
    for key, value in (("iii_nv_tong", "10"), ("iii_nv_da_th", "8"), ("iii_nv_chua_th", "5")):
        await _fill_and_leave(page, f"#in-{key}", value)
        await page.locator(f"#q-{key} [data-saved]").filter(has_text="Đã lưu").wait_for()
    warn = page.locator("#q-iii_nv_chua_th [data-warn]")
    await warn.filter(has_text="không được lớn hơn tổng số nhiệm vụ").wait_for()
    # Biểu 8B: a named row under «Trung học phổ thông»; the totals follow the typing before anything is saved
    await page.locator('#q-bieu_8b [data-add-item="gd_thpt"]').click()
    row = page.locator('#q-bieu_8b tr[data-item][data-group="gd_thpt"]').last
    await row.locator('input[data-col="label"]').fill("Trường THPT Phan Đình Phùng")
    await row.locator('input[data-col="so_co_cau"]').fill("7")
    total = page.locator('#q-bieu_8b tr[data-row="tong"] output[data-col="so_co_cau"]')
    assert await total.inner_text() == "7"
    await row.locator('input[data-col="kq_so_co_cau"]').fill("5")
    await page.locator("#in-iii2_tong_nv").focus()  # leaving the row saves it
    await page.locator("#q-bieu_8b [data-saved]").filter(has_text="Đã lưu").wait_for()
    await page.locator("#q-bieu_8b .ttitle").evaluate(
        "t => { const w = t.nextElementSibling; w.scrollLeft = 0;"
        " w.scrollTop = w.querySelector('tr[data-row=gd_thpt]').offsetTop - w.querySelector('thead').offsetHeight - 60;"
        " t.scrollIntoView(); }")
    await _shot(page, "web-bieu-8b.png")
    # the rule fixed, then «Gửi báo cáo» (the chat's check)
    await page.locator("#submit").click()
    await page.locator("#submit-msg").filter(has_text="Chưa gửi được vì số liệu chưa khớp").wait_for()
    await _fill_and_leave(page, "#in-iii_nv_chua_th", "2")
    await page.locator("#q-iii_nv_chua_th [data-saved]").filter(has_text="2 nhiệm vụ").wait_for()
    assert (await warn.inner_text()).strip() == ""
    await page.locator("#submit").click()
    await page.locator("#submit-msg").filter(has_text="📨 Đã gửi báo cáo").wait_for()


async def _colleague_by_mini_app(browser, port: int, token: str) -> None:
    page = await browser.new_page(viewport={"width": 360, "height": 780})
    forged = make_init_data("1:NOT-THE-BOT", {"id": 102, "first_name": "Bình"})
    await page.goto(f"http://127.0.0.1:{port}/web/app#tgWebAppData={forged}&tgWebAppVersion=7.0")
    await page.locator("#miniapp-status").filter(has_text="Không xác minh được").wait_for()
    signed = make_init_data(token, {"id": 102, "first_name": "Bình"})
    from urllib.parse import quote
    await page.close()
    page = await browser.new_page(viewport={"width": 360, "height": 780})
    page.set_default_timeout(10000)
    await page.goto(f"http://127.0.0.1:{port}/web/app#tgWebAppData={quote(signed)}&tgWebAppVersion=7.0")
    await page.wait_for_url("**/web/form")
    assert await page.locator("#in-iii_nv_tong").input_value() == "10"
    assert "Trường THPT Phan Đình Phùng" in await page.locator("#q-bieu_8b").inner_html()
    await page.close()


async def _baocao_link(env: dict[str, str], *argv: str) -> list[dict]:
    """`baocao link … --json`, run in this process (the same code as the command line), its output read back."""
    import argparse
    import contextlib

    from bot.cli.link import cmd_link, register
    from bot.config import Settings

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["link", *argv, "--json"])
    st = Settings(_env_file=None, bot_token=env["BOT_TOKEN"], database_url=env["DATABASE_URL"],
                  web_base_url=env["WEB_BASE_URL"])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert await cmd_link(args, st) == 0
    return json.loads(out.getvalue())


async def _ministry_fills_a_list(browser, env: dict[str, str]) -> None:
    link = (await _baocao_link(env, "BTP"))[0]["url"]
    page = await browser.new_page(viewport={"width": 360, "height": 780})
    await page.goto(link)
    await _open_section(page, "kl_ds_hoan_thanh")
    await _open_section(page, "kl_nv_dang_th")
    q = page.locator("#q-kl_ds_hoan_thanh")
    await q.locator("[data-add]").click()
    item = q.locator("[data-item]").last
    await item.locator('input[data-field="ten"]').fill("Rà soát thủ tục hành chính")
    await item.locator('input[data-field="thoi_gian"]').fill("1/11/2026")
    await page.locator("#in-kl_nv_dang_th").focus()
    await q.locator("[data-saved]").filter(has_text="Rà soát thủ tục hành chính").wait_for()
    await page.close()


async def test_the_web_form_in_chromium_against_the_real_bot(db, db_url, tmp_path):
    world = await build_world(db, tmp_path)
    t0 = time.monotonic()
    mark = lambda what: print(f"{time.monotonic() - t0:6.1f} s  {what}")  # noqa: E731
    async with _running_bot(db_url, "4343:WEB-TEST") as (api, env, port):
        d = Driver(api)
        officer, supervisor = api.user(101, "An"), api.user(800, "Thành ủy")
        mark("bot up")
        await d.say(officer, "/web")
        sent = await _message_with(api, 101, "/web/l/")  # (the scheduler may announce the open period first)
        link = next(b["url"] for row in sent.buttons for b in row if b.get("url"))
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                page = await browser.new_page(viewport={"width": 360, "height": 780})
                page.set_default_timeout(10000)
                mark("browser up")
                await _officer_fills_and_submits(page, link)
                mark("officer done")
                await _colleague_by_mini_app(browser, port, api.token)
                mark("mini app done")
                await _ministry_fills_a_list(browser, env)
                mark("list done")
                if SHOTS:
                    await _supervisor_screenshot(browser, env, world.period)
            finally:
                await browser.close()
        # the chat: told of the submission, and /baocao shows the report as submitted
        assert any("Đã gửi báo cáo" in m.text and "(gửi từ trang web)" in m.text for m in api.messages(101))
        await d.say(officer, "/baocao")
        await _message_with(api, 101, "(Báo cáo đã gửi")
        mark("chat checked")
        await _tonghop_holds_the_page_figures(api, d, supervisor)
        mark("/tonghop answered")
    mark("bot stopped")
    await _stored_as_typed_in_the_page(db, world)


async def _tonghop_holds_the_page_figures(api, d, supervisor) -> None:
    """/tonghop: the spreadsheet holds the figures typed in the page."""
    import openpyxl

    await d.say(supervisor, "/tonghop")
    await _message_with(api, 800, "📊 Tổng hợp báo cáo")
    await d.press(supervisor, "Tổng hợp ngay")
    for _ in range(300):
        docs = [m.document for m in api.messages(800) if m.document and m.document[0].endswith(".xlsx")]
        if docs:
            break
        await asyncio.sleep(0.1)
    wb = openpyxl.load_workbook(io.BytesIO(docs[0][1]))
    cells = [str(c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value is not None]
    assert any("Trường THPT Phan Đình Phùng (Phường Ba Đình)" in v for v in cells)


async def _stored_as_typed_in_the_page(db, world) -> None:
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(world.units["00004"], world.period)
        answers = await repo.submissions.answers(sub.id)
        btp = await repo.submissions.find_submission(world.units["BTP"], world.weekly)
        listed = (await repo.submissions.answers(btp.id))["kl_ds_hoan_thanh"]
        revs = await repo.submissions.revisions(sub.id, "bieu_8b")
    assert sub.status == "submitted" and answers["iii_nv_chua_th"] == 2
    assert answers["bieu_8b"]["items"]["gd_thpt"][-1] == {"label": "Trường THPT Phan Đình Phùng", "so_co_cau": 7,
                                                          "kq_so_co_cau": 5}
    assert listed == [{"ten": "Rà soát thủ tục hành chính", "thoi_gian": "2026-11-01"}]
    assert revs and all(r.via == "web" for r in revs)


async def _supervisor_screenshot(browser, env: dict[str, str], period: int) -> None:
    link = (await _baocao_link(env, "800", "--period", str(period)))[0]["url"]
    page = await browser.new_page(viewport={"width": 360, "height": 780})
    await page.goto(link)
    await page.wait_for_selector("table.prog")
    await _shot(page, "web-progress.png", full=True)
    await page.close()


def test_chromium_install_script_is_quick_when_chromium_is_there():
    import subprocess
    import time

    t = time.monotonic()
    subprocess.run(["bash", str(ROOT / "scripts" / "install-chromium.sh")], check=True, timeout=30)
    assert time.monotonic() - t < 5
    assert shutil.which("chromium") or shutil.which("chromium-browser")


# --------------------------------------------------------------------------- two people on one report, live


async def _page_on(browser, env: dict[str, str], who: str, period: int):
    """A browser of its own (its own cookies) on the report, opened by the link `baocao link` prints for ``who``."""
    link = (await _baocao_link(env, who, "--period", str(period)))[0]["url"]
    context = await browser.new_context(viewport={"width": 360, "height": 780})
    page = await context.new_page()
    page.set_default_timeout(10000)
    await page.goto(link)
    await page.wait_for_selector("#report")
    for key in ("iii_nv_tong", "iii_nv_dang_cham"):
        await _open_section(page, key)
    return page


async def _sees_change(page, key: str, who: str, value: str) -> None:
    """The page shows, without reloading, who changed ``key`` and the new value: in the changes box, and in the field."""
    await page.locator("#changes p").filter(has_text=who).filter(has_text=f": {value} nhiệm vụ").wait_for()
    for _ in range(100):  # (no wait_for_function: the page's CSP forbids evaluating strings)
        if await page.locator(f"#in-{key}").input_value() == value:
            break
        await asyncio.sleep(0.05)
    assert await page.locator(f"#in-{key}").input_value() == value
    assert who in await page.locator(f"#q-{key} [data-saved]").inner_text()
    assert "changed" in (await page.locator(f"#q-{key}").get_attribute("class") or "")


async def test_two_people_on_one_report_see_each_other_live(db, db_url, tmp_path):
    """Nguyễn Văn An and Trần Thị Bình (the same commune) have the report open in two browsers: what one saves appears
    in the other's page at once (server-sent events) with who changed it; a wrong value or a failing rule shows
    under the field of the page that typed it; a field overwritten while the other was typing in it says so."""
    world = await build_world(db, tmp_path)
    async with _running_bot(db_url, "4344:WEB-LIVE") as (_api, env, _port):
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                a = await _page_on(browser, env, "101", world.period)
                b = await _page_on(browser, env, "102", world.period)
                await _live_edits(a, b)
            finally:
                await browser.close()
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission(world.units["00004"], world.period)
        revs = await repo.submissions.revisions(sub.id)
        answers = await repo.submissions.answers(sub.id)
    by = {(r.question_key, r.version): (r.changed_by, r.via, r.new_value) for r in revs}
    assert by[("iii_nv_tong", 1)] == (world.officer, "web", 12)
    assert by[("iii_nv_dang_cham", 1)] == (world.officer2, "web", 20)
    assert by[("iii_nv_tong", 2)] == (world.officer, "web", 15)
    assert by[("iii_nv_tong", 3)] == (world.officer2, "web", 30)
    assert {r.changed_by for r in revs} == {world.officer, world.officer2} and {r.via for r in revs} == {"web"}
    assert answers["iii_nv_tong"] == 30 and answers["iii_nv_dang_cham"] == 20


async def _live_edits(a, b) -> None:
    # A saves a figure: B's page shows it in the field and says who changed it, without a reload
    await _fill_and_leave(a, "#in-iii_nv_tong", "12")
    await a.locator("#q-iii_nv_tong [data-saved]").filter(has_text="Đã lưu: 12").wait_for()
    await _sees_change(b, "iii_nv_tong", "Nguyễn Văn An", "12")
    # B types a wrong value: the chat's message under B's field, nothing saved, nothing shown to A
    await _fill_and_leave(b, "#in-iii_nv_dang_cham", "mười")
    await b.locator("#q-iii_nv_dang_cham [data-err]").filter(has_text="không phải là một số").wait_for()
    # B types a value that breaks a rule with A's figure: saved, and the rule's message under B's field
    await _fill_and_leave(b, "#in-iii_nv_dang_cham", "20")
    await b.locator("#q-iii_nv_dang_cham [data-warn]").filter(has_text="còn chậm không được lớn hơn tổng số nhiệm vụ").wait_for()
    assert (await b.locator("#q-iii_nv_dang_cham [data-err]").inner_text()).strip() == ""
    await _sees_change(a, "iii_nv_dang_cham", "Trần Thị Bình", "20")
    # B is typing in a field when A saves it: B's text is kept; B's save then says A changed it meanwhile
    await b.locator("#in-iii_nv_tong").fill("3")
    await _fill_and_leave(a, "#in-iii_nv_tong", "15")
    await b.locator("#changes p").filter(has_text="Nguyễn Văn An").filter(has_text=": 15 nhiệm vụ").wait_for()
    assert await b.locator("#in-iii_nv_tong").input_value() == "3"
    await b.locator("#in-iii_nv_tong").fill("30")
    await b.press("#in-iii_nv_tong", "Tab")
    await b.locator("#q-iii_nv_tong .conflict").filter(has_text="Nguyễn Văn An đã sửa câu này").wait_for()
    await _sees_change(a, "iii_nv_tong", "Trần Thị Bình", "30")
