"""The outbound layer (bot/outbound/) against the fake Bot API enforcing Telegram's limits, on a virtual clock.

No test waits for real time: the fake server, the budget and every sleep share a :class:`VirtualClock` that
jumps to the next wake-up whenever the running tasks have settled."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.exceptions import TelegramForbiddenError, TelegramNetworkError
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Update
from sqlalchemy import select

from bot import outbound
from bot.devtools.fakeapi import Call, FakeSession, FakeTelegram
from bot.texts import clip, clip_user, split_text, utf16_len
from storage.models import Account
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.harness import TOKEN, Harness, VirtualClock

REDIS_URL = "redis://127.0.0.1:6379/11"
WEEKLY = "tuan-cqdp-2cap"


class Recorder:
    """Every send the fake server answers, with the virtual time and the outcome."""

    def __init__(self, api: FakeTelegram, clock: VirtualClock):
        self.calls: list[tuple[float, Call]] = []
        api.on_call = lambda c: self.calls.append((clock(), c))

    def delivered(self, chat: int | None = None, method: str = "sendMessage") -> list[tuple[float, str]]:
        return [(t, c.params.get("text", "")) for t, c in self.calls
                if c.method == method and c.status == 200 and (chat is None or int(c.params["chat_id"]) == chat)]


def make(rate_server: float | None = 30, limits: outbound.Limits | None = None, sink=None, **kw):
    vc = VirtualClock()
    api = FakeTelegram(TOKEN, clock=vc)
    api.rate = rate_server
    bot = Bot(TOKEN, session=FakeSession(api))
    ob = outbound.install(bot, outbound.Outbound(limits or outbound.Limits(), sink=sink, clock=vc, sleep=vc.sleep,
                                                 **kw))
    return vc, api, bot, ob, Recorder(api, vc)


# --------------------------------------------------------------------------- the live defect, through the Dispatcher


async def _sixty_officers_type_baocao(db, db_url, with_outbound: bool) -> tuple[Harness, dict[int, list[str]]]:
    await import_units(db, DATA / "vn_ministries_2025.csv")
    officers = [50_000 + i for i in range(60)]
    async with db.session() as s:
        repo = Repo(s)
        await repo.periods.open_period(WEEKLY, "Tuần 48/2026", deadline=datetime(2026, 11, 26, 9, tzinfo=UTC))
        units = [u for u in await repo.units.list_units(None) if u.code != "CP"]
        for i, tg in enumerate(officers):
            acc = await repo.accounts.ensure_account(tg, f"Cán bộ {i}")
            await repo.accounts.set_account(acc, role="officer", unit=units[i % len(units)])
        await s.commit()
    vc = VirtualClock()
    h = await Harness(db, db_url).start()
    h.api = FakeTelegram(TOKEN, clock=vc)
    h.api.rate = 30  # Telegram's limit, answered with 429 and retry_after
    from bot.middleware import install

    h.bot = install(Bot(TOKEN, session=FakeSession(h.api)))
    if with_outbound:
        outbound.install(h.bot, outbound.Outbound(clock=vc, sleep=vc.sleep))
    for tg in officers:
        await h.user(tg).send("/baocao")
    pending, h.api.updates = h.api.updates, []

    async def surge() -> None:
        await asyncio.gather(*(h.dp.feed_update(h.bot, Update.model_validate(raw, context={"bot": h.bot}))
                               for raw in pending))

    await vc.run(surge())
    return h, {tg: h.user(tg).texts() for tg in officers}


async def test_sixty_officers_at_once_without_the_outbound_layer_lose_replies(db, db_url):
    """The live defect, reproduced: 429s raised inside the handlers lose the replies (and the error notice)."""
    _, texts = await _sixty_officers_type_baocao(db, db_url, with_outbound=False)
    unanswered = [tg for tg, t in texts.items() if not t]
    assert len(unanswered) >= 20


async def test_sixty_officers_at_once_all_get_their_question(db, db_url):
    h, texts = await _sixty_officers_type_baocao(db, db_url, with_outbound=True)
    assert all(texts.values()), [tg for tg, t in texts.items() if not t]
    assert not any("Đã có lỗi" in x for t in texts.values() for x in t)
    assert all(any("Tuần 48/2026" in x or "I." in x for x in t) for t in texts.values())
    ob = outbound.installed(h.bot)
    assert ob.stats.undeliverable == 0 and ob.stats.sent == sum(len(t) for t in texts.values())


# --------------------------------------------------------------------------- budget, order, priority


async def test_sixty_chats_against_30_per_second_with_429_none_lost_none_reordered():
    # the layer is set to twice what the server allows: the server answers 429 + retry_after, the layer waits
    vc, api, bot, ob, rec = make(30, outbound.Limits(rate=60, burst=5))
    chats = [7000 + i for i in range(60)]

    async def burst() -> None:
        tasks = [asyncio.ensure_future(bot.send_message(c, f"{c}:{k}")) for k in range(3) for c in chats]
        await asyncio.gather(*tasks)

    await vc.run(burst())
    assert ob.stats.seen_429 > 0 and ob.stats.undeliverable == 0 and ob.stats.sent == 180
    for c in chats:
        assert [t for _, t in rec.delivered(c)] == [f"{c}:0", f"{c}:1", f"{c}:2"]
    assert sum(1 for _, c in rec.calls if c.status == 429) == ob.stats.seen_429


async def test_at_the_allowed_rate_no_429_and_the_rate_is_used():
    vc, api, bot, ob, rec = make(30)
    t0 = vc()
    await vc.run(asyncio.gather(*(bot.send_message(8000 + i, "x") for i in range(120))))
    times = [t for t, _ in rec.delivered()]
    assert ob.stats.seen_429 == 0 and len(times) == 120
    # never more than 30 in any second
    assert max(sum(1 for u in times if t <= u < t + 1.0) for t in times) <= 30
    assert times[0] == t0 and 119 / (times[-1] - times[0]) >= 0.9 * 30  # the allowed rate is used


async def test_one_chat_gets_a_short_burst_then_one_per_second():
    vc, api, bot, ob, rec = make(None)
    t0 = vc()
    await vc.run(asyncio.gather(*(bot.send_message(42, f"tin {i}") for i in range(8))))
    got = rec.delivered(42)
    assert [t for _, t in got] == [f"tin {i}" for i in range(8)]
    times = [t - t0 for t, _ in got]
    assert times[:3] == [0.0, 0.0, 0.0]
    assert all(b - a >= 1.0 - 1e-9 for a, b in zip(times[2:], times[3:], strict=False))
    assert times[-1] == pytest.approx(5.0)


async def test_a_cancelled_send_does_not_let_a_later_one_overtake():
    vc, api, bot, ob, rec = make(None, outbound.Limits(rate=1, burst=1))

    async def scenario() -> None:
        await bot.send_message(1, "khác")  # the budget's slot is used: the next send waits about a second
        with outbound.bulk():
            first = asyncio.ensure_future(bot.send_message(43, "một"))
            second = asyncio.ensure_future(bot.send_message(43, "hai"))
        third = asyncio.ensure_future(bot.send_message(43, "ba"))  # interactive: would go first if it could
        await asyncio.sleep(0)
        second.cancel()  # waiting for its turn behind the first
        await asyncio.gather(first, third)

    await vc.run(scenario())
    assert [t for _, t in rec.delivered(43)] == ["một", "ba"]


async def test_interactive_replies_go_before_reminders():
    vc, api, bot, ob, rec = make(None, outbound.Limits(rate=5, burst=1))

    async def scenario() -> None:
        with outbound.bulk():
            reminders = [asyncio.ensure_future(bot.send_message(9000 + i, f"nhắc {i}")) for i in range(20)]
        await vc.sleep(0.5)  # the reminders are queued; an officer's reply arrives
        await bot.send_message(1, "trả lời")
        await asyncio.gather(*reminders)

    await vc.run(scenario())
    order = [t for _, t in rec.delivered()]
    assert len(order) == 21 and order.index("trả lời") <= 4
    assert [t for t in order if t != "trả lời"] == [f"nhắc {i}" for i in range(20)]
    assert ob.stats.wait(50, outbound.INTERACTIVE) < 0.5 < ob.stats.wait(50, outbound.BULK)


async def test_server_error_then_success():
    vc, api, bot, ob, rec = make(None)
    api.fail_5xx = {77}
    t0 = vc()
    with outbound.tracking() as t:
        msg = await vc.run(bot.send_message(77, "sau lỗi 500"))
    assert msg.text == "sau lỗi 500" and [x for _, x in rec.delivered(77)] == ["sau lỗi 500"]
    assert t.attempts == 2 and t.retries_other == 1 and ob.stats.retries == 1
    assert 0.25 <= vc() - t0 <= 0.75  # one backoff of 0.5 s ± jitter


class Fail(BaseRequestMiddleware):
    """A network fault inside the session: the first ``times`` calls to each listed chat time out."""

    def __init__(self, chats: set[int], times: int = 1):
        self.left = dict.fromkeys(chats, times)

    async def __call__(self, make_request, bot, method):
        chat = getattr(method, "chat_id", None)
        if self.left.get(chat, 0) > 0:
            self.left[chat] -= 1
            raise TelegramNetworkError(method=method, message="Request timeout error")
        return await make_request(bot, method)


async def test_network_error_then_success():
    vc, api, bot, ob, rec = make(None)
    bot.session.middleware(Fail({78}))  # inside the outbound layer, where the HTTP session would fail
    await vc.run(asyncio.gather(bot.send_message(78, "một"), bot.send_message(78, "hai")))
    assert [x for _, x in rec.delivered(78)] == ["một", "hai"]
    assert ob.stats.retries == 1 and ob.stats.undeliverable == 0


def _collected() -> tuple[list[outbound.Undeliverable], Any]:
    """An undeliverable sink that keeps what it is given, and the list it keeps it in."""
    found: list[outbound.Undeliverable] = []

    async def sink(item: outbound.Undeliverable) -> None:
        found.append(item)

    return found, sink


async def test_retries_are_bounded_and_recorded():
    found, sink = _collected()
    vc, api, bot, ob, rec = make(None, sink=sink, max_attempts=3)
    bot.session.middleware(Fail({79}, times=100))
    with pytest.raises(TelegramNetworkError):
        await vc.run(bot.send_message(79, "không bao giờ tới"))
    assert len(found) == 1 and found[0].chat_id == 79 and "sau 3 lần thử" in found[0].reason
    assert found[0].text == "không bao giờ tới" and ob.stats.retries == 2


async def test_blocked_user_is_recorded_undeliverable_and_marked_blocked(db):
    await import_units(db, DATA / "vn_ministries_2025.csv")
    async with db.session() as s:
        await Repo(s).accounts.ensure_account(4003, "Người đã chặn bot")
        await s.commit()
    found: list[outbound.Undeliverable] = []
    db_sink = outbound.db_sink(db)

    async def sink(item: outbound.Undeliverable) -> None:
        found.append(item)
        await db_sink(item)

    vc, api, bot, ob, rec = make(None, sink=sink)
    api.blocked = {4003}
    with pytest.raises(TelegramForbiddenError):
        await vc.run(bot.send_message(4003, "Xin chào"))
    assert [(f.chat_id, f.code, f.method, f.text) for f in found] == [(4003, 403, "sendMessage", "Xin chào")]
    assert found[0].reason.startswith("403: ") and "blocked" in found[0].reason
    async with db.read_session() as s:
        assert (await s.execute(select(Account.blocked).where(Account.telegram_id == 4003))).scalar_one()
    assert ob.stats.undeliverable == 1 and ob.stats.sent == 0


async def test_reminder_sender_goes_through_the_installed_layer_at_bulk_priority():
    from bot.sender import Outgoing, Sender

    vc, api, bot, ob, rec = make(30)
    api.blocked = {6001}
    sender = Sender(bot, None, clock=vc, sleep=vc.sleep)
    rep = await vc.run(sender.send_all([Outgoing(6000 + i, f"Nhắc {i}") for i in range(40)]))
    assert rep.sent == 39 and rep.failed == {"blocked": 1}
    assert len(ob.stats.waits[outbound.BULK]) == 40 and not ob.stats.waits[outbound.INTERACTIVE]
    assert ob.stats.sent == 39 and ob.stats.undeliverable == 1


async def test_the_reminder_sender_and_the_undeliverable_sink_word_a_failure_alike():
    """One wording (``bot/outbound/reasons.py``): what the sender stores in the reminder log is what the sink got."""
    from bot.sender import Outgoing, Sender, SendReport

    found, sink = _collected()
    vc, api, bot, ob, rec = make(None, sink=sink, max_attempts=3)
    api.blocked = {6101}
    bot.session.middleware(Fail({6102}, times=100))
    sender = Sender(bot, None, clock=vc, sleep=vc.sleep)
    outcomes = {chat: await vc.run(sender.send_one(Outgoing(chat, "Nhắc"), SendReport())) for chat in (6101, 6102)}
    by_chat = {f.chat_id: f.reason for f in found}
    assert outcomes[6101][:2] == ("blocked", by_chat[6101]) and by_chat[6101].startswith("403: ")
    assert outcomes[6102][:2] == ("failed", by_chat[6102]) and by_chat[6102].startswith("lỗi máy chủ/mạng sau 3 lần thử")


# --------------------------------------------------------------------------- texts that do not fit


async def test_no_text_over_4096_leaves_the_bot():
    vc, api, bot, ob, rec = make(None)
    long = "\n".join(f"Dòng {i}: " + "x" * 90 for i in range(110))  # about 10,900 characters
    kb = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="OK", callback_data="ok")]])
    last = await vc.run(bot.send_message(5, long, reply_markup=kb))
    parts = api.messages(5)
    assert len(parts) == 3 and all(utf16_len(m.text) <= 4096 for m in parts)
    assert "\n".join(m.text for m in parts) == long
    assert [bool(m.buttons) for m in parts] == [False, False, True] and last.message_id == parts[-1].message_id
    edited = await vc.run(bot.edit_message_text("🙂" * 3000, chat_id=5, message_id=parts[0].message_id))
    assert utf16_len(edited.text) <= 4096 and edited.text.endswith("…")
    assert ob.stats.split == 1 and ob.stats.clipped == 1


def test_clip_and_split_helpers():
    assert clip("ngắn") == "ngắn"
    s = clip("a" * 5000)
    assert len(s) == 4096 and s.endswith("…")
    assert utf16_len(clip("😀" * 3000)) <= 4096
    assert clip_user("x" * 4096, 200) == "x" * 199 + "…"
    assert clip_user("a\u202eb\u200f\u0000c\n d\x1b") == "abc d"
    assert split_text("") == [""]
    pieces = split_text("từ " * 3000, 100)
    assert all(utf16_len(p) <= 100 for p in pieces) and " ".join(pieces).split() == ["từ"] * 3000


# --------------------------------------------------------------------------- several processes


async def _redis_or_skip():
    import redis.asyncio as aioredis

    r = aioredis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        await r.ping()
    except Exception as e:  # noqa: BLE001
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {e}")
    finally:
        await r.aclose()


@contextlib.asynccontextmanager
async def two_processes():
    """Two Redis budgets with one prefix (two bot processes), on a shared virtual clock; their keys removed after."""
    await _redis_or_skip()
    clock = VirtualClock()
    prefix = f"test:{uuid.uuid4().hex}"
    a = outbound.RedisBudget(REDIS_URL, prefix, clock=clock)
    b = outbound.RedisBudget(REDIS_URL, prefix, clock=clock)
    try:
        yield a, b, clock
    finally:
        keys = [k async for k in a.redis.scan_iter(f"{prefix}:*")]
        if keys:
            await a.redis.delete(*keys)
        await a.close()
        await b.close()


async def test_two_processes_share_the_budget_through_redis():
    limits = outbound.Limits(rate=30, burst=5)
    rule = limits.rule("message")
    async with two_processes() as (a, b, clock):
        taken: list[float] = []
        for _step in range(300):  # 3 virtual seconds, both processes asking every 10 ms
            for budget in (a, b):
                token = uuid.uuid4().hex
                if await budget.take("message", rule, token) == 0:
                    taken.append(clock())
                    await budget.done("message", rule, token)  # answered at once
            clock.t += 0.01
        # together they keep one budget: at most 30 in any second, about 29/s overall (3 % margin)
        assert max(sum(1 for u in taken if t <= u < t + 1.0) for t in taken) <= 30
        assert 80 <= len(taken) <= 92
        # per-chat keys are shared too: a burst of 3 from one process, then the other must wait
        chat = limits.rule("chat")
        assert [await a.take("chat:1", chat) for _ in range(3)] == [0, 0, 0]
        assert await b.take("chat:1", chat) > 0.9
        # a request still in flight keeps its place in the window until it is answered
        clock.t += 5.0
        tokens = [uuid.uuid4().hex for _ in range(30)]
        for i, token in enumerate(tokens):
            clock.t += 0.04
            assert await (a, b)[i % 2].take("message", rule, token) == 0
        clock.t += 1.5  # long after the window, but nothing answered yet: the 31st must wait
        assert await a.take("message", rule, "late") > 0
        await b.done("message", rule, tokens[0])
        assert await a.take("message", rule, "late") > 0  # answered just now: counts for one more window
        clock.t += 1.1
        assert await a.take("message", rule, "late") == 0
        # a 429 seen by one process pauses the other
        await a.pause(2.0, rule)
        assert 1.9 < await b.take("message", rule) <= 2.0


async def test_interactive_replies_of_one_process_go_before_bulk_sends_of_another():
    """Process A sends reminders (bulk) as fast as the shared budget allows; process B's replies (interactive)
    arrive meanwhile: each gets one of the next slots instead of queueing behind A, then A carries on."""
    rule = outbound.Limits(rate=10, burst=1).rule("message")  # a slot every ~0.1 s
    async with two_processes() as (a, b, clock):
        sent: list[tuple[float, str]] = []
        replies = 0
        t0 = clock()
        for step in range(400):  # 4 virtual seconds, both asking every 10 ms; A asks first
            now = clock() - t0
            token = uuid.uuid4().hex
            if await a.take("message", rule, token, outbound.BULK) == 0:
                sent.append((now, "A"))
                await a.done("message", rule, token)  # answered at once
            token = uuid.uuid4().hex
            if step >= 100 and replies < 5 and await b.take("message", rule, token, outbound.INTERACTIVE) == 0:
                sent.append((now, "B"))
                await b.done("message", rule, token)
                replies += 1
            clock.t += 0.01
        who = [w for _, w in sent]
        first_b = who.index("B")
        # from B's first reply on, B's five replies take five of the next six slots
        assert who[first_b:first_b + 6].count("B") == 5, who
        assert sent[first_b][0] < 1.25 and [t for t, w in sent if w == "B"][-1] < 1.75
        assert who.count("A") > 25 and who[-1] == "A"  # A resumed once B had nothing more to send
        # a 429 pause: an interactive send waiting it out is first once it ends, before bulk asking at that moment
        clock.t += 5.0
        await a.pause(1.0, rule)
        assert await b.take("message", rule, "r1", outbound.INTERACTIVE) > 0.9
        clock.t += 1.0
        assert await a.take("message", rule, "bulk-after-pause", outbound.BULK) > 0
        assert await b.take("message", rule, "r1", outbound.INTERACTIVE) == 0


async def test_redis_down_falls_back_to_the_process_budget():
    budget = outbound.RedisBudget("redis://127.0.0.1:1/0", "test:down")
    rule = outbound.Limits().rule("chat")
    try:
        assert [await budget.take("chat:5", rule) for _ in range(3)] == [0, 0, 0]
        assert await budget.take("chat:5", rule) > 0
    finally:
        await budget.close()
