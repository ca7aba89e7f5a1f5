"""Pictures in the bot and the CLI: /tiendo's chart, /tonghop's progress and key-figures picture, `export --chart`,
progress bars only on a terminal."""

from __future__ import annotations

import asyncio
import json
from io import BytesIO
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from PIL import Image

from bot.devtools.fakeapi import FakeSession, FakeTelegram
from bot.handlers.consolidate import ProgressTicker
from tests.support.harness import TOKEN, Harness
from tests.support.schedule import an_giang_round
from tests.support.weekly import _weekly_db

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return Image.open(BytesIO(data)).size


async def test_tiendo_sends_its_picture_and_drill_down_sends_the_sub_units(db, db_url):
    ag = await an_giang_round(db, db_url)
    h, communes = ag.h, ag.communes
    u = h.user(800)
    out = await h.say(u, "/tiendo")
    photos = [m for m in h.api.messages(800) if m.photo]
    assert len(photos) == 1 and "Tỉnh An Giang" in (photos[0].caption or "")
    w, hgt = _png_size(photos[0].photo[1])
    assert w == 1080 and hgt > 300
    assert "Đã nộp 0/" in out[-1] and u.last().buttons  # the text with its buttons comes after the picture
    # page flips edit the text in place: no new picture
    await h.press(u, "Trang sau")
    assert len([m for m in h.api.messages(800) if m.photo]) == 1
    # drilling down into one commune sends that scope's picture, then its text
    await h.press(u, f"{communes[0].name}: 0/1")
    photos = [m for m in h.api.messages(800) if m.photo]
    assert len(photos) == 2 and communes[0].name in (photos[1].caption or "")
    assert f"Phạm vi: {communes[0].name}" in u.last().text


async def test_tonghop_shows_progress_and_sends_the_key_figures_picture(db, db_url):
    await _weekly_db(db)
    h = await Harness(db, db_url).start()
    sup = h.user(800)
    await h.say(sup, "/tonghop")
    await h.press(sup, "Tổng hợp ngay")
    actions = [c.params.get("action") for c in h.api.calls_of("sendChatAction")]
    assert "upload_document" in actions
    status = [m for m in h.api.messages(800) if m.text.startswith(("⏳", "✅ Đã tổng hợp xong"))]
    assert status and status[-1].text.startswith("✅ Đã tổng hợp xong (")  # the same message, edited at the end
    photos = [m for m in h.api.messages(800) if m.photo]
    assert len(photos) == 1
    w, hgt = _png_size(photos[0].photo[1])
    assert w == 1080 and hgt > 200
    kinds = ["photo" if m.photo else "doc" if m.document else "text" for m in h.api.messages(800)]
    # .docx, .xlsx, the picture, what the .docx still leaves blank (the signer's name: said once), the summary
    assert kinds[-5:] == ["doc", "doc", "photo", "text", "text"]


async def test_progress_ticker_edits_with_a_percentage_at_most_every_interval():
    api = FakeTelegram(TOKEN)
    bot = Bot(TOKEN, session=FakeSession(api), default=DefaultBotProperties())
    msg = await bot.send_message(5, "⏳ Đang tổng hợp… 0%")
    ticker = ProgressTicker(bot, 5, msg.message_id, every=0.05)
    async with ticker:
        for i in range(1, 11):
            ticker.set(i / 10)
            await asyncio.sleep(0.02)
    await ticker.finish("✅ Đã tổng hợp xong (0,2 giây).")
    edits = [c.params["text"] for c in api.calls_of("editMessageText")]
    assert edits[-1].startswith("✅") and all(e.endswith("%") for e in edits[:-1]) and len(edits) >= 2
    gaps = [b - a for a, b in zip(ticker.edits, ticker.edits[1:-1], strict=False)]
    assert all(g >= 0.045 for g in gaps), gaps  # never more often than `every`
    pct = [int(e.rsplit(" ", 1)[1][:-1]) for e in edits[:-1]]
    assert pct == sorted(pct) and pct[-1] <= 100
    assert any(c.params.get("action") == "upload_document" for c in api.calls_of("sendChatAction"))


async def test_cli_export_chart_writes_the_pictures_and_no_bar_when_not_a_terminal(db, db_url, tmp_path, monkeypatch,
                                                                                   capsys):
    from bot.cli import main
    from bot.config import get_settings

    _, p2 = await _weekly_db(db)
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        code = await asyncio.to_thread(main, ["export", "tuan-cqdp-2cap", str(p2), "--out", str(tmp_path), "--chart",
                                              "--json"])
        assert code == 0
        captured = capsys.readouterr()
        info = json.loads(captured.out)
        assert len(info["charts"]) == 2
        for path in info["charts"]:
            with open(path, "rb") as f:
                w, _ = _png_size(f.read())
            assert w == 1080
        assert "%|" not in captured.err  # no progress bar with --json / off a terminal
    finally:
        get_settings.cache_clear()


def test_progress_bar_shows_on_a_terminal_only(monkeypatch, capsys):
    import argparse
    import sys

    from bot.cli.common import Stepper, progress_bar

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with progress_bar(argparse.Namespace(json=False), total=100, desc="Nhập đơn vị") as bar:
        step = Stepper(bar)
        step(0.5)
        step(0.4)  # never backwards
        assert bar.n == 50 and not bar.disable
        step(1.0)
    with progress_bar(argparse.Namespace(json=True), total=100, desc="Nhập đơn vị") as bar:
        assert bar.disable
