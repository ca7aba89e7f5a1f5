"""Reminder benchmark: 5,000 reminders through a fake Bot API server over HTTP that enforces a global rate
limit with 429 answers (retry_after), refuses a few blocked users (403) and fails a few sends (500).

The clock is real; the limit is scaled so the run takes under a minute: the server allows SCALE × 30
messages per second and the sender is configured to the same SCALE × 30 (default SCALE = 10 → 300/s).
Reports the achieved rate as a fraction of the allowed rate, and delivered + undeliverable (must be 5,000).
Everything goes through the bot's outbound layer (bot/outbound/), installed on the bot as in production;
meanwhile officers' interactive replies (--interactive per second) go through the same layer, and the time each
waited in the queue is reported for both (interactive replies must not wait behind the reminders).

    .venv/bin/python benchmarks/bench_reminders.py [--n 5000] [--scale 10] [--interactive 5]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiogram import Bot  # noqa: E402
from aiogram.client.session.aiohttp import AiohttpSession  # noqa: E402
from aiogram.client.telegram import TelegramAPIServer  # noqa: E402

from bot import outbound  # noqa: E402
from bot.devtools.fakeapi import FakeTelegram  # noqa: E402
from bot.sender import Outgoing, Sender  # noqa: E402


async def replies(bot: Bot, per_second: float, stop: asyncio.Event) -> int:
    """Officers' replies while the reminders go out: one every 1/per_second s, each to its own chat."""
    sent = 0
    while not stop.is_set() and per_second > 0:
        await bot.send_message(900000 + sent, f"✔ Đã lưu — câu tiếp theo {sent}")
        sent += 1
        await asyncio.sleep(1 / per_second)
    return sent


async def main(n: int, scale: float, sender_factor: float, interactive: float, concurrency: int) -> None:
    allowed = 30 * scale
    sender_rate = allowed * sender_factor
    api = FakeTelegram("5000:BENCH")
    api.rate = allowed
    api.blocked = {100000 + i for i in range(0, n, n // 12)}  # a dozen users blocked the bot
    api.fail_5xx = {100000 + i for i in range(7, n, n // 10)}  # ten sends answer 500 once
    base = await api.start()
    bot = Bot("5000:BENCH", session=AiohttpSession(api=TelegramAPIServer.from_base(base), limit=100))
    items = [Outgoing(100000 + i, f"⏰ Nhắc báo cáo — tin {i}") for i in range(n)]
    ob = outbound.install(bot, outbound.Outbound(outbound.Limits(rate=sender_rate)))
    sender = Sender(bot, None, concurrency=concurrency)
    stop = asyncio.Event()
    officers = asyncio.create_task(replies(bot, interactive * scale, stop))
    t0 = time.monotonic()
    rep = await sender.send_all(items)
    took = time.monotonic() - t0
    stop.set()
    n_replies = await officers
    ok_times = sorted(c.at for c in api.calls if c.method.lower() == "sendmessage" and c.status == 200
                      and int(c.params["chat_id"]) < 900000)
    span = ok_times[-1] - ok_times[0] if len(ok_times) > 1 else took
    achieved = (len(ok_times) - 1) / span if span > 0 else 0
    n429 = sum(1 for c in api.calls if c.status == 429)
    print(f"{n:,} reminders, server limit {allowed:.0f}/s (Telegram's 30/s × {scale:g}), sender set to {sender_rate:.0f}/s")
    print(f"delivered {rep.sent:,} + recorded undeliverable {rep.undeliverable} ({dict(rep.failed)}) = {rep.total:,}")
    print(f"429 answers: {n429}; retries after 429: {rep.retries_429}; retries after 5xx: {rep.retries_other}")
    print(f"achieved {achieved:.1f} msg/s over {span:.1f} s = {achieved / allowed:.3f} of the allowed rate "
          f"(whole run {took:.1f} s)")
    st = ob.stats
    all_ok = sorted(c.at for c in api.calls if c.method.lower() == "sendmessage" and c.status == 200)
    overall = (len(all_ok) - 1) / (all_ok[-1] - all_ok[0]) if len(all_ok) > 1 else 0
    print(f"all messages (reminders and replies): {overall:.1f} msg/s = {overall / allowed:.3f} of the allowed rate")
    print(f"outbound layer: sent {st.sent:,}, 429 seen {st.seen_429}, retries {st.retries}, "
          f"undeliverable {st.undeliverable}")
    print(f"queue wait, reminders (bulk): p50 {st.wait(50, outbound.BULK):.2f} s, p99 {st.wait(99, outbound.BULK):.2f} s")
    print(f"queue wait, {n_replies} officers' replies sent meanwhile (interactive): "
          f"p50 {st.wait(50, outbound.INTERACTIVE) * 1000:.0f} ms, p99 {st.wait(99, outbound.INTERACTIVE) * 1000:.0f} ms")
    await bot.session.close()
    await api.stop()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--scale", type=float, default=10)
    ap.add_argument("--sender-factor", type=float, default=1.0,
                    help="sender rate / server limit; above 1 the server answers 429 and the sender must back off")
    ap.add_argument("--interactive", type=float, default=5,
                    help="officers' replies per second (× scale) sent while the reminders go out")
    ap.add_argument("--concurrency", type=int, default=64, help="reminders in flight at once")
    a = ap.parse_args()
    asyncio.run(main(a.n, a.scale, a.sender_factor, a.interactive, a.concurrency))
