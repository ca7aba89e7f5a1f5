"""`baocao demo`: the real bot against the local Bot API stand-in, with scripted officers.

Three demo units (Bộ Nội vụ, Bộ Tư pháp, Văn phòng Chính phủ) answer the weekly outline (seed 000) for two
weeks: the first week question by question (lists item by item), the second section by section, keeping most
of last week's answers and changing a few. Then a supervisor asks for /tonghop and the two files received are
written into ./demo/. The conversation is printed as it happens.
"""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.app import make_bot, make_dispatcher, make_services, set_commands
from bot.config import Settings
from bot.devtools.fakeapi import FakeTelegram, FakeUser, Sent
from bot.services import Services
from dialogs.outline import Outline, Question
from storage.db import Database, open_database, upgrade
from storage.repo import Repo
from storage.unit_import import import_units

WEEKLY = "tuan-cqdp-2cap"
DEMO_UNITS = [("BNV", "Nguyễn Thị Lan"), ("BTP", "Trần Văn Minh"), ("VPCP", "Lê Thu Hà")]
SUPERVISOR = (990001, "Phạm Quốc Hùng")


class Driver:
    """Sends a simulated user's message or button press and waits until the bot has answered."""

    def __init__(self, api: FakeTelegram, echo: Callable[[str], None] | None = None, names: dict[int, str] | None = None):
        self.api = api
        self.echo = echo
        self.names = names or {}

    async def _settle(self, user: FakeUser, before: int, calls_before: int, timeout: float = 60.0,
                      quiet: float = 0.05, plain_quiet: float = 1.0) -> list[Sent]:
        """Wait for the whole answer: a message with buttons (a question, a menu) or an alert ends it after
        ``quiet`` seconds of silence; a reply without buttons (a notice, help) only after ``plain_quiet``,
        so a reply still on its way under load is not cut off. Bounded by ``timeout``."""
        start = time.monotonic()
        while True:
            await asyncio.sleep(0.005)
            msgs = self.api.messages(user.id)
            new_calls = self.api.calls[calls_before:]
            alert = any(c.method.lower() == "answercallbackquery" and c.params.get("text") for c in new_calls)
            complete = alert or any(m.buttons for m in msgs[before:])
            last_at = max([m.at for m in msgs[before:]] + [c.at for c in new_calls] + [0.0])
            silent = time.monotonic() - last_at
            if (complete and silent > quiet) or (len(msgs) > before and silent > plain_quiet):
                break
            if time.monotonic() - start > timeout:
                raise TimeoutError(f"the bot did not answer {user.id} within {timeout}s")
        return msgs[before:]

    def _show(self, user: FakeUser, said: str, got: list[Sent]) -> None:
        if not self.echo:
            return
        name = self.names.get(user.id, user.first_name)
        self.echo(f"👤 {name}: {said}")
        for m in got:
            text = m.text if not m.document else f"📎 {m.document[0]} ({len(m.document[1]):,} byte)"
            lines = text.splitlines()
            shown = "\n   ".join(lines[:14]) + ("\n   …" if len(lines) > 14 else "")
            self.echo(f"🤖 {shown}")
            if m.buttons:
                self.echo("   [" + "] [".join(m.button_texts()) + "]")

    async def say(self, user: FakeUser, text: str) -> list[Sent]:
        before, calls = len(self.api.messages(user.id)), len(self.api.calls)
        await user.send(text)
        got = await self._settle(user, before, calls)
        self._show(user, text, got)
        return got

    async def press(self, user: FakeUser, label: str) -> list[Sent]:
        before, calls = len(self.api.messages(user.id)), len(self.api.calls)
        await user.press(label)
        got = await self._settle(user, before, calls)
        self._show(user, f"[bấm «{label}»]", got)
        return got


def _num(key: str, unit: str, week: int) -> int:
    base = int(hashlib.sha256(f"{key}:{unit}".encode()).hexdigest()[:6], 16)
    if key.endswith("_tong"):
        return 60 + base % 40 + 3 * week
    return 1 + base % 12 + week


def scripted_value(q: Question, unit: str, week: int) -> list[tuple[str, str]]:
    """The messages (("say", text) or ("press", label)) a diligent officer sends for question ``q``."""
    t = q.type
    if t == "integer":
        return [("say", str(_num(q.key, unit, week)))]
    if t in ("decimal", "money"):
        return [("say", f"{_num(q.key, unit, week)},5")]
    if t == "percent":
        return [("say", f"{40 + _num(q.key, unit, week)}%")]
    if t == "date":
        return [("say", "15/11/2026")]
    if t == "yesno":
        return [("press", "Có")]
    if t == "choice":
        return [("say", "1")]
    if t == "multichoice":
        return [("say", "1")]
    if t == "text":
        return [("say", f"Nội dung của {unit}")]
    if t == "longtext":
        return [("say", _narrative(q.key, unit, week)), ("press", "Xong")]
    if t in ("list", "documents"):
        lines = []
        for f in q.record_fields:
            if f.type == "date":
                lines.append("10/11/2026")
            elif f.type == "choice":
                lines.append("1")
            elif f.type == "integer":
                lines.append("3")
            else:
                lines.append(f"{f.label} ({unit}, tuần {week})")
        return [("say", "\n".join(lines)), ("press", "Xong")]
    if t == "table":
        return [("press", "Xong biểu")]
    return [("press", "Bỏ qua")]


NARRATIVES = {
    "kk_noi_dung": ["Thiếu cán bộ có chuyên môn công nghệ thông tin ở cấp xã; phần mềm liên thông chưa ổn định.",
                    "Thiếu cán bộ chuyên môn công nghệ thông tin tại cấp xã, phần mềm liên thông còn chưa ổn định.",
                    "Kinh phí cho chuyển đổi số chưa được bố trí kịp thời."],
}


def _narrative(key: str, unit: str, week: int) -> str:
    pool = NARRATIVES.get(key)
    if pool:
        return pool[int(hashlib.sha256(unit.encode()).hexdigest()[:2], 16) % len(pool)]
    return f"Trong tuần {week}, {unit} đã triển khai đúng kế hoạch nội dung này; không phát sinh vướng mắc mới."


async def answer_week_one(d: Driver, user: FakeUser, outline: Outline, unit_code: str, unit_kind: str) -> int:
    """Answer every visible question, in order; returns how many were answered."""
    from dialogs.engine import Engine, ReportContext

    refs = Engine(ReportContext(outline, unit_code, unit_kind, {})).visible
    n = 0
    for ref in refs:
        current = user.last().text
        if ref.question.prompt[:40] not in current:
            raise AssertionError(f"expected question «{ref.question.prompt[:40]}», the bot shows: {current[:200]}")
        for kind, val in scripted_value(ref.question, unit_code, 1):
            if kind == "say":
                await d.say(user, val)
            else:
                await d.press(user, val)
        n += 1
    return n


def _shows(outline: Outline, key: str, text: str) -> bool:
    """Is ``key``'s question (or its section, on a section screen) what this message shows?"""
    ref = outline.ref(key)
    screen = text[text.rfind("📋"):]  # a confirmation may come first in the same message
    return screen.startswith(f"📋 {ref.section_number} —") and ref.question.prompt[:40] in screen


async def answer_week_two(d: Driver, user: FakeUser, outline: Outline, unit_code: str, changes: dict[str, str]) -> None:
    """Section by section: keep every section, except those holding a changed key, walked question by question."""
    await d.press(user, "Đi theo từng mục")
    for _ in range(200):
        last = user.last()
        labels = last.button_texts()
        if "✔ Giữ nguyên cả mục" in labels:
            text = last.text
            section_keys = [k for k in changes if _shows(outline, k, text)]
            if section_keys:
                await d.press(user, "Sửa từng câu")
            else:
                await d.press(user, "Giữ nguyên cả mục")
            continue
        if any("Gửi báo cáo" in b for b in labels):
            break
        if "Bỏ qua lý do" in labels:  # a large change: the officer gives the reason in one line
            await d.say(user, "Có thêm nhiệm vụ mới được giao trong tuần")
            continue
        # a question in the walk: change it, or keep last week's answer
        key = next((k for k in changes if _shows(outline, k, last.text)), None)
        if key is not None:
            await d.say(user, changes[key])
            q = outline.question(key)
            if q.type == "longtext":
                await d.press(user, "Xong")
        elif any(b.startswith("↩ Giữ như") for b in labels):
            await d.press(user, "Giữ như")
        else:
            await d.press(user, "Bỏ qua")
    await d.press(user, "Gửi báo cáo")
    await d.press(user, "Xác nhận gửi")


SHARED_UNITS = Path(__file__).resolve().parents[3] / "shared" / "data" / "vn_ministries_2025.csv"


@dataclass
class DemoWorld:
    """The demo's database, bot services and the moments it plays in."""

    db: Database
    services: Services
    settings: Settings
    clock_now: list[datetime]
    invite_codes: dict[str, str]
    first_period: int


async def prepare_world(db_url: str, api_base: str) -> DemoWorld:
    """Database, units, the week-47 period, one invite per demo unit and the supervisor's account."""
    settings = Settings(_env_file=None, bot_token="7000000001:DEMO-TOKEN", database_url=db_url,
                        telegram_api_url=api_base, admin_ids=[], org_name="VĂN PHÒNG CHÍNH PHỦ",
                        org_place="Hà Nội",
                        # the stand-in enforces no per-chat limit and simulated officers answer within
                        # milliseconds: pacing each chat at Telegram's 1 message/s would only slow the demo down
                        send_chat_rate=0)
    await upgrade(db_url)
    db = open_database(db_url)
    clock_now = [datetime(2026, 11, 18, 2, 0, tzinfo=UTC)]  # Wednesday of week 47, 9:00 in Hà Nội
    services = make_services(settings, db, lambda: clock_now[0])
    await services.register_outlines()
    if not SHARED_UNITS.exists():
        raise FileNotFoundError(f"không tìm thấy {SHARED_UNITS}: cần thư mục shared/ cạnh dự án")
    await import_units(db, SHARED_UNITS)
    async with db.session() as s:
        repo = Repo(s)
        p1, _ = await repo.periods.open_period(WEEKLY, "Tuần 47/2026 (16/11–22/11/2026)", starts_on=datetime(2026, 11, 16).date(),
                                       ends_on=datetime(2026, 11, 22).date(), deadline=datetime(2026, 11, 19, 9, tzinfo=UTC))
        codes = {}
        for code, _name in DEMO_UNITS:
            inv = await repo.onboarding.create_invite(await repo.units.unit_by_code(code), "officer", uses=1, now=clock_now[0])
            codes[code] = inv.code
        sup = await repo.accounts.ensure_account(SUPERVISOR[0], SUPERVISOR[1])
        await repo.accounts.set_account(sup, role="supervisor", unit=await repo.units.unit_by_code("CP"))
        await s.commit()
        return DemoWorld(db, services, settings, clock_now, codes, p1.id)


async def play_week_one(d: Driver, world: DemoWorld, users: dict[str, FakeUser]) -> dict[str, int]:
    """Each officer joins with the invite and answers every question of week 47, then submits."""
    outline = world.services.catalogue.get(WEEKLY)
    counts = {}
    for code, _ in DEMO_UNITS:
        u = users[code]
        await d.say(u, f"/start {world.invite_codes[code]}")
        await d.say(u, "/baocao")
        async with world.db.read_session() as s:
            unit = await Repo(s).units.unit_by_code(code)
        counts[code] = await answer_week_one(d, u, outline, code, unit.kind)
        await d.press(u, "Gửi báo cáo")
        await d.press(u, "Xác nhận gửi")
    return counts


WEEK_TWO_CHANGES = {
    "BNV": {"kl_nv_tong": "75", "kl_nv_hoan_thanh": "15", "kk_noi_dung": "Đã bổ sung cán bộ; còn vướng phần mềm liên thông."},
    "BTP": {"tthc_tong": "120", "vb_da_ban_hanh": "9"},
    "VPCP": {"vpcp_hs_tong": "98.500", "vpcp_hs_hoan_thanh": "97.100"},
}


async def play_week_two(d: Driver, world: DemoWorld, users: dict[str, FakeUser]) -> int:
    """Week 48 opens and week 47 closes; each officer walks section by section. Returns week 48's period id."""
    world.clock_now[0] = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    async with world.db.session() as s:
        repo = Repo(s)
        await repo.periods.close_period(await repo.periods.period(world.first_period))
        p2, _ = await repo.periods.open_period(WEEKLY, "Tuần 48/2026 (23/11–29/11/2026)", starts_on=datetime(2026, 11, 23).date(),
                                       ends_on=datetime(2026, 11, 29).date(), deadline=datetime(2026, 11, 26, 9, tzinfo=UTC))
        await s.commit()
        p2_id = p2.id
    outline = world.services.catalogue.get(WEEKLY)
    for code, _ in DEMO_UNITS:
        u = users[code]
        await d.say(u, "/baocao")
        await answer_week_two(d, u, outline, code, WEEK_TWO_CHANGES[code])
    return p2_id


async def play_supervisor(d: Driver, api: FakeTelegram, out_dir: Path) -> list[Path]:
    """/tiendo, then /tonghop: press through to the files and write them into ``out_dir``."""
    sup_user = api.user(SUPERVISOR[0], "Hùng")
    out_dir.mkdir(parents=True, exist_ok=True)
    await d.say(sup_user, "/tiendo")
    await d.say(sup_user, "/tonghop")
    for _ in range(20):
        if any(m.document for m in api.messages(sup_user.id)):
            break
        labels = sup_user.last().button_texts()
        pick = next((b for b in labels if b.startswith("✅") or "Tổng hợp" in b or "Tuần 48" in b), None)
        if pick is None:
            break
        await d.press(sup_user, pick)
    # the files and the summary come after "Đang tổng hợp…": wait for them
    seen = len(api.messages(sup_user.id))
    for _ in range(600):
        if any(m.text.startswith("📊 Tổng hợp «") for m in api.messages(sup_user.id)):
            break
        await asyncio.sleep(0.05)
    d._show(sup_user, "(chờ)", api.messages(sup_user.id)[seen:])
    files = []
    for m in api.messages(sup_user.id):
        if m.document:
            path = out_dir / m.document[0]
            path.write_bytes(m.document[1])
            files.append(path)
    return files


def _banner(echo: Callable[[str], None] | None, text: str) -> None:
    if echo:
        echo(f"\n{'═' * 70}\n{text}\n{'═' * 70}")


async def play(d: Driver, api: FakeTelegram, world: DemoWorld, out_dir: Path,
               echo: Callable[[str], None] | None) -> dict[str, Any]:
    """The whole story, with the bot polling: two weeks of three officers, then the supervisor."""
    users = {}
    for i, (code, name) in enumerate(DEMO_UNITS):
        u = api.user(100001 + i, name.split()[-1], None)
        d.names[u.id] = f"{name} ({code})"
        users[code] = u
    d.names[SUPERVISOR[0]] = f"{SUPERVISOR[1]} (người tổng hợp)"
    result: dict[str, Any] = {}
    _banner(echo, "TUẦN 47/2026 — ba cán bộ đầu mối nhận đường dẫn mời và trả lời từng câu")
    result["week1_answered"] = await play_week_one(d, world, users)
    _banner(echo, "TUẦN 48/2026 — đi theo từng mục: giữ nguyên phần lớn, sửa vài số liệu")
    p2_id = await play_week_two(d, world, users)
    result["period_ids"] = (world.first_period, p2_id)
    _banner(echo, "NGƯỜI TỔNG HỢP — /tiendo và /tonghop")
    result["files"] = files = await play_supervisor(d, api, out_dir)
    if echo:
        echo("\nĐã ghi vào " + str(out_dir) + ": " + (", ".join(p.name for p in files) or "(chưa có tệp)"))
    return result


async def run_demo(out_dir: Path, *, echo: Callable[[str], None] | None = print, db_url: str | None = None) -> dict[str, Any]:
    """Start the Bot API stand-in and the real bot (polling), play the story, stop everything."""
    tmp = None
    if db_url is None:
        tmp = tempfile.TemporaryDirectory(prefix="baocao-demo-")
        db_url = f"sqlite+aiosqlite:///{tmp.name}/demo.db"
    api = FakeTelegram("7000000001:DEMO-TOKEN")
    base = await api.start()
    world = await prepare_world(db_url, base)
    bot = make_bot(world.settings)
    dp = make_dispatcher(world.services)
    await set_commands(bot)
    polling = asyncio.create_task(dp.start_polling(bot, polling_timeout=1, handle_signals=False, close_bot_session=True))
    try:
        return await play(Driver(api, echo, {}), api, world, out_dir, echo)
    finally:
        await dp.stop_polling()
        try:
            await asyncio.wait_for(polling, 10)
        except (TimeoutError, asyncio.CancelledError):
            polling.cancel()
        await api.stop()
        await world.db.dispose()
        if tmp is not None:
            tmp.cleanup()


__all__ = ["Driver", "run_demo", "scripted_value", "answer_week_one", "answer_week_two", "timedelta"]
