"""National surge over HTTP: the real bot process (``python -m bot``, long polling) against the fake Bot API,
which enforces Telegram's limits (a global rate with 429 + retry_after, about one message per second per chat
with a short burst), and thousands of officers answering the weekly outline (000) at the deadline.

Set-up (fast, straight into the database): the real unit list (``../shared/data/vn_units_2025.csv`` and the
ministries, 3,355 + 18 units); officers bound to units directly — one per unit, then a second officer for units
from the top of the list until ``--officers`` is reached (5,000: 1,627 units have two officers, who answer the
same submission); the weekly outline's period opened for exactly those units.

Each officer sends ``/baocao`` then ``--answers`` answers, waiting for the bot's reply before the next message
(plus ``--think`` seconds), all starting within ``--spread`` seconds (the deadline surge). Reports replies lost,
the delay from an officer's message to its whole reply (p50, p99, max), the share of the allowed rate used
during the surge, 429 answers, and the bot process's CPU time and peak RSS (from /proc).

``--rate-scale 10`` multiplies the server's limits and the bot's SEND_RATE / SEND_CHAT_RATE by 10 (as in
bench_reminders), so a larger run fits in minutes.

    .venv/bin/python benchmarks/load_http.py [--db sqlite|pg] [--officers 5000] [--answers 2] [--rate-scale 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PG_URL, bench_database, percentile  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from bot import texts  # noqa: E402
from bot.devtools.fakeapi import FakeTelegram, Sent  # noqa: E402
from storage.models import Account, Unit  # noqa: E402
from storage.repo import Repo  # noqa: E402
from storage.unit_import import import_units  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
TOKEN = "5555:LOAD-HTTP"
TG_BASE = 30_000_000
# answers to the first questions of the weekly outline (counts, "xong" ends a list); any text gets a reply
ANSWERS = ["40", "12", "xong", "9", "xong", "3", "2", "xong"]


# the message that completes the bot's reply to an officer's input: after /baocao the first question (the
# period's header comes first), after an answer its confirmation (the next question is in the same message)
QUESTION_MARK = "📋"
SAVED_MARK = "✔"


class SurgeAPI(FakeTelegram):
    """The fake Bot API, waking the officer whose reply has come (its last message: see ``completes``)."""

    def __init__(self, *a: Any, **kw: Any):
        super().__init__(*a, **kw)
        self.waiting: dict[int, tuple[asyncio.Future, str]] = {}
        self.errors = 0  # "Đã có lỗi…" replies: the officer's message was not handled
        self.sent_one = asyncio.Event()  # set at each message the bot sends

    def _record_send(self, chat_id: int, params: dict[str, Any], files: dict, **kind: bool) -> dict:
        out = super()._record_send(chat_id, params, files, **kind)
        self.sent_one.set()
        text = params.get("text") or ""
        if text == texts.ERROR:
            self.errors += 1
        fut, mark = self.waiting.get(chat_id, (None, ""))
        if fut is not None and (mark in text or text == texts.ERROR):
            del self.waiting[chat_id]
            if not fut.done():
                fut.set_result(time.monotonic())
        return out


async def seed(db: Any, n_officers: int) -> int:
    """Units, officers, the open weekly period; returns the number of units with an officer."""
    await import_units(db, DATA / "vn_ministries_2025.csv")
    await import_units(db, DATA / "vn_units_2025.csv")
    async with db.session() as s:
        unit_ids = list((await s.execute(select(Unit.id).order_by(Unit.id))).scalars())
        bound = [unit_ids[i % len(unit_ids)] for i in range(n_officers)]
        now = datetime.now(UTC)
        await s.execute(insert(Account), [{"telegram_id": TG_BASE + i, "full_name": f"Cán bộ {i}", "role": "officer",
                                           "unit_id": u, "blocked": False, "active": True, "created_at": now}
                                          for i, u in enumerate(bound)])
        await Repo(s).periods.open_period("tuan-cqdp-2cap", "Tuần cao điểm", deadline=datetime(2099, 1, 1, tzinfo=UTC),
                                  unit_ids=sorted(set(bound)))
        await s.commit()
    return len(set(bound))


def proc_stats(pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS (MiB) of a live process, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    peak = 0.0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return cpu, peak


async def spawn_bot(api: FakeTelegram, db_url: str, scale: float, log: Any) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SEND_", "REDIS_", "WEBHOOK_"))}
    env.update(BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url, DATABASE_URL=db_url, ADMIN_IDS="",
               PYTHONPATH=str(ROOT), LOG_LEVEL="WARNING", SCHEDULER_INTERVAL="0",
               SEND_RATE=str(30 * scale), SEND_CHAT_RATE=str(1 * scale), SEND_CHAT_BURST="3")
    return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=str(ROOT), env=env,
                                                stdout=asyncio.subprocess.DEVNULL, stderr=log)


async def wait_ready(api: FakeTelegram, proc: asyncio.subprocess.Process, timeout: float = 300) -> None:
    t0 = time.monotonic()
    while not api.calls_of("getUpdates"):
        if proc.returncode is not None:
            raise RuntimeError("the bot exited (see its log)")
        if time.monotonic() - t0 > timeout:
            raise TimeoutError("the bot did not start polling")
        await asyncio.sleep(0.2)


class Officer:
    def __init__(self, api: SurgeAPI, i: int):
        self.user = api.user(TG_BASE + i, f"Cán bộ {i}")
        self.api = api
        self.delays: list[float] = []

    async def say(self, text: str, timeout: float) -> bool:
        """Send ``text`` and wait for the whole reply to it (not merely the first message after sending)."""
        fut: asyncio.Future = asyncio.get_running_loop().create_future()
        self.api.waiting[self.user.id] = (fut, QUESTION_MARK if text.startswith("/") else SAVED_MARK)
        t0 = time.monotonic()
        await self.user.send(text)
        try:
            at = await asyncio.wait_for(fut, timeout)
        except TimeoutError:
            self.api.waiting.pop(self.user.id, None)
            return False
        self.delays.append(at - t0)
        return True

    async def settle(self, quiet: float) -> None:
        """A reply may come in several messages, paced per chat: wait until no more arrive for ``quiet`` s."""
        while True:
            n = len(self.api.messages(self.user.id))
            await asyncio.sleep(quiet)
            if len(self.api.messages(self.user.id)) == n:
                return

    async def run(self, start_in: float, n_answers: int, think: float, timeout: float, quiet: float) -> None:
        await asyncio.sleep(start_in)
        for k in range(n_answers + 1):
            if k and think:
                await asyncio.sleep(think * random.uniform(0.5, 1.5))
            if not await self.say(ANSWERS[(k - 1) % len(ANSWERS)] if k else "/baocao", timeout):
                return
            await self.settle(quiet)


def surge_share(sends: list[float], rate: float) -> tuple[float, float, float]:
    """(messages/s, share of the allowed rate, window length) from the first message to the 95th-percentile one."""
    if len(sends) < 2:
        return 0.0, 0.0, 0.0
    sends = sorted(sends)
    end = sends[int(len(sends) * 0.95) - 1]
    window = end - sends[0]
    n = sum(1 for t in sends if t <= end)
    got = n / window if window > 0 else 0.0
    return got, got / rate, window


async def main(a: argparse.Namespace) -> None:
    url = a.url or (PG_URL if a.db == "pg" else None)
    async with bench_database(url) as db:
        t0 = time.monotonic()
        n_units = await seed(db, a.officers)
        print(f"database {db.dialect}: {a.officers:,} officers bound to {n_units:,} units "
              f"(set-up {time.monotonic() - t0:.1f} s)")
        api = SurgeAPI(TOKEN)
        await api.start()
        api.rate = 30 * a.rate_scale
        api.per_chat_interval = 1.0 / a.rate_scale
        api.per_chat_burst = a.chat_burst
        log_path = Path(a.bot_log)
        log = log_path.open("wb")  # a file, not a pipe: a full pipe would block the bot's logging
        proc = await spawn_bot(api, db.url, a.rate_scale, log)
        try:
            await wait_ready(api, proc)
            cpu0, _ = proc_stats(proc.pid)
            officers = [Officer(api, i) for i in range(a.officers)]
            calls_before = len(api.calls)
            t_start = time.monotonic()
            quiet = 1.5 / a.rate_scale
            await asyncio.gather(*(o.run(random.uniform(0, a.spread), a.answers, a.think, a.timeout, quiet)
                                   for o in officers))
            took = time.monotonic() - t_start
            # what the bot still has queued is delivered before it is stopped (and counted)
            while True:
                api.sent_one.clear()
                try:
                    await asyncio.wait_for(api.sent_one.wait(), max(3.0, 10 * quiet))
                except TimeoutError:
                    break  # nothing sent for that long: the queue is empty
            cpu1, peak = proc_stats(proc.pid)
        finally:
            proc.terminate()
            try:
                await asyncio.wait_for(proc.wait(), 20)
            except TimeoutError:
                proc.kill()
            await api.stop()
            log.close()
        report(a, api, officers, calls_before, took, cpu1 - cpu0, peak)
        if a.dump:
            import json

            with open(a.dump, "w", encoding="utf-8") as f:
                for o in officers:
                    f.write(json.dumps({"officer": o.user.id, "texts": [m.text for m in api.messages(o.user.id)]},
                                       ensure_ascii=False) + "\n")
            print(f"messages of each officer: {a.dump}")
        lines = log_path.read_text(errors="replace").splitlines()
        warnings = [ln for ln in lines if "level=WARNING" in ln or "level=ERROR" in ln]
        print(f"bot log: {len(warnings)} warnings/errors ({log_path})" + "".join(f"\n  {w[:200]}" for w in warnings[:5]))


def report(a: argparse.Namespace, api: SurgeAPI, officers: list[Officer], calls_before: int, took: float,
           cpu: float, peak: float) -> None:
    rate = 30 * a.rate_scale
    calls = api.calls[calls_before:]
    sends = [c.at for c in calls if c.method.lower() in ("sendmessage", "senddocument") and c.status == 200]
    n429 = sum(1 for c in calls if c.status == 429)
    delays = sorted(d for o in officers for d in o.delays)
    inputs = len(officers) * (1 + a.answers)
    # every answer is confirmed («✔ …») and /baocao shows the first question: what is missing at the end was lost
    lost = sum(max(0, 1 - sum(1 for m in api.messages(o.user.id)
                              if QUESTION_MARK in m.text and not m.text.startswith(SAVED_MARK)))
               + max(0, a.answers - sum(1 for m in api.messages(o.user.id) if m.text.startswith(SAVED_MARK)))
               for o in officers)
    got, share, window = surge_share(sends, rate)
    sent_msgs: list[Sent] = [m for o in officers for m in api.messages(o.user.id)]
    print(f"{a.officers:,} officers × (/baocao + {a.answers} answers) = {inputs:,} officer messages, all started "
          f"within {a.spread:g} s; limits: {rate:g} msg/s global (×{a.rate_scale:g}), "
          f"{a.rate_scale:g}/s per chat, burst {a.chat_burst}")
    print(f"replies lost: {lost} (of {inputs:,}); error replies («Đã có lỗi…»): {api.errors}; bot messages {len(sent_msgs):,} "
          f"({len(sent_msgs) / max(1, inputs):.2f} per officer message); 429 answers: {n429}")
    print(f"delay officer message → its whole reply: p50 {percentile(delays, 50):.2f} s, p99 {percentile(delays, 99):.2f} s, "
          f"max {delays[-1] if delays else 0:.2f} s")
    print(f"surge: {got:.1f} msg/s over {window:.0f} s = {share:.3f} of the allowed {rate:g}/s; whole run {took:.0f} s")
    print(f"bot process: CPU {cpu:.1f} s ({cpu / max(1, len(sends)) * 1000:.1f} ms per bot message, "
          f"{cpu / took:.0%} of one core), peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "pg"], default="sqlite")
    ap.add_argument("--url", help="database URL (overrides --db)")
    ap.add_argument("--officers", type=int, default=5000)
    ap.add_argument("--answers", type=int, default=2, help="answers after /baocao, each after the reply")
    ap.add_argument("--rate-scale", type=float, default=1.0)
    ap.add_argument("--chat-burst", type=int, default=3, help="per-chat burst the fake server allows")
    ap.add_argument("--spread", type=float, default=3.0, help="all officers start within this many seconds")
    ap.add_argument("--think", type=float, default=0.0, help="mean seconds an officer takes before answering")
    ap.add_argument("--timeout", type=float, default=1800.0, help="a reply not seen within this is lost")
    ap.add_argument("--bot-log", default="/tmp/load_http_bot.log", help="where the bot process's log goes")
    ap.add_argument("--dump", help="write each officer's messages (JSON lines) to this file")
    asyncio.run(main(ap.parse_args()))
