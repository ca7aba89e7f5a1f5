"""The web form's speed (issue 24), on SQLite and PostgreSQL:

The form is served by processes of their own (as the bot serves it; ``--workers N``: N of them, the officers spread
over them as nginx spreads requests — a session is a signed cookie, any process answers it); this process seeds the
database and plays the officers over HTTP.

1. opening seed 003's form (every question, six Biểu, last period's values beside each input) for one unit:
   the server's time (``Server-Timing``), target ≤ 300 ms;
2. field saves with 200 officers (own unit, own session) — each through the chat's parser, the rules, the revision,
   the group commit: (a) a burst: all 200 at the same instant, several rounds, p99 and the time to clear a burst;
   (b) the 200 active together, each saving a field every 1 s, then every 5 s (``--every``): p50/p95/p99.
   The server's time per save (target p99 ≤ 50 ms), the round trip, and the server processes' CPU per save (what
   a save costs whatever else the machine runs); on PostgreSQL also the CPU per save of the PostgreSQL backends
   serving the database (``pg_stat_activity``, ``/proc/<pid>/stat``: the database on this machine) and the round
   trips the server processes make to PostgreSQL per group-commit batch, by kind (``/_bench/trips``).

The officers' saves go through a minimal client (:class:`Phone`: one keep-alive connection each, the request bytes
built before the burst, only the status line, ``Server-Timing`` and the body read): the 200 officers are on their own
phones, not on the server's cores, so the client here should take as little of the machine as it can (0.05 ms of
CPU a save, against 0.4–0.65 ms through aiohttp's ClientSession, which still opens the links and the form). Its CPU
per save is printed beside the server's.

    .venv/bin/python benchmarks/bench_web.py                 # SQLite (temporary file)
    .venv/bin/python benchmarks/bench_web.py --pg [URL]      # PostgreSQL (default test_bench_web)
    .venv/bin/python benchmarks/bench_web.py --workers 2     # two server processes
    .venv/bin/python benchmarks/bench_web.py --workers 2 --redis redis://127.0.0.1:6379/0   # as deploy/ runs them
    .venv/bin/python benchmarks/bench_web.py --full          # every report already answered (the rules read Biểu)
    BENCH_WEB_PROFILE=/tmp/web.prof .venv/bin/python benchmarks/bench_web.py --workers 1   # the bursts under cProfile
    BENCH_WEB_QUERIES=1 .venv/bin/python benchmarks/bench_web.py --pg --rounds 3   # the statements sent, counted
    UVLOOP=0 .venv/bin/python benchmarks/bench_web.py        # the servers on asyncio's own loop (default: as the bot,
                                                             # uvloop where installed)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import signal
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import bench_database, percentile  # noqa: E402

OUTLINE = "so-ket-1-nam-2-cap"
PG_DEFAULT = "postgresql+asyncpg://postgres@127.0.0.1:5432/test_bench_web"
FIELDS = ("iii_nv_tong", "iii_nv_da_th", "iii_nv_chua_th", "iii_nv_dang_cham", "iii2_tong_nv", "iii1_bien_che")


async def seed(db, officers: int, tmp: Path, full: bool = False):
    """A province with ``officers`` communes (one officer each), last year's period answered in full (synthetic
    answers for every question), this year's period open; ``full``: every officer's report of this year answered
    in full too (the saves are then those of an officer going back over a finished report: the rules read Biểu)."""
    from dialogs.answers import numeric
    from dialogs.loader import load_catalogue
    from exports.sample import synth_answers
    from storage.repo import Repo
    from storage.unit_import import import_units

    outline = load_catalogue().get(OUTLINE)
    lines = ["ma,ten,loai,ma_cha", "01,Thành phố Hà Nội,thanh_pho,"]
    lines += [f"{10000 + i},Phường số {i},phuong,01" for i in range(officers)]
    (tmp / "units.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    await import_units(db, tmp / "units.csv")
    async with db.session() as s:
        repo = Repo(s)
        prev, _ = await repo.periods.open_period(OUTLINE, "Năm 2025", deadline=datetime(2025, 5, 29, tzinfo=UTC))
        cur, _ = await repo.periods.open_period(OUTLINE, "Năm 2026", deadline=datetime(2099, 5, 29, tzinfo=UTC))
        accs, answers = [], None
        for i in range(officers):
            unit = await repo.units.unit_by_code(str(10000 + i))
            acc = await repo.accounts.ensure_account(5000 + i, f"Cán bộ {i}")
            await repo.accounts.set_account(acc, role="officer", unit=unit)
            accs.append(acc)
            if i == 0:  # the unit whose form is opened: last year's answers, every question
                sub = await repo.submissions.ensure_submission(unit.id, prev.id)
                for key, value in synth_answers(outline, unit).items():
                    await repo.submissions.set_answer(sub.id, key, value, num=numeric(outline.question(key), value), commit=False)
                sub.status = "submitted"
            if full:
                answers = answers or synth_answers(outline, unit)
                sub = await repo.submissions.ensure_submission(unit.id, cur.id)
                for key, value in answers.items():
                    await repo.submissions.set_answer(sub.id, key, value, num=numeric(outline.question(key), value), commit=False)
        await repo.periods.close_period(prev)
        await s.commit()
        return cur.id, [a.id for a in accs]


def server_ms(resp) -> float:
    m = re.search(r"dur=([\d.]+)", resp.headers.get("Server-Timing", ""))
    return float(m.group(1)) if m else float("nan")


def server_settings(url: str):
    """The server processes' settings: the environment's (``UVLOOP=0``: asyncio's own loop, as for the bot), the
    benchmark's database, token and address."""
    from bot.config import Settings

    return Settings(_env_file=None, bot_token="1:BENCH", database_url=url, web_base_url="http://bench",
                    redis_url=os.environ.get("BENCH_WEB_REDIS") or None, redis_prefix=f"benchweb{os.getppid()}")


async def serve(st, port: int) -> None:
    """The web form alone, as the bot serves it (another process: the load generator does not share its CPU),
    started as the bot is (``bot.app.run_main``: the same event loop)."""
    from aiohttp import web

    from bot.app import make_services
    from bot.web.server import WEB, mount
    from storage.db import open_database

    db = open_database(st.database_url)
    if not db.sqlite:  # before the first connection: every connection of the pool counted
        count_trips(db)
    services = make_services(st, db)
    await services.register_outlines()
    root = web.Application()
    sub = mount(root, services)
    # all 200 officers come from this one address here; real ones come from many (the per-address gate)
    sub[WEB].limits["gate"] = (1e6, 1e6)
    if os.environ.get("BENCH_WEB_LANES"):  # the group commit's lanes (PostgreSQL: transactions at once; default 1)
        from bot.web.batch import GroupCommit

        sub[WEB].writer = GroupCommit(db, lanes=int(os.environ["BENCH_WEB_LANES"]))
    if not db.sqlite:  # what the client reads around the bursts: the round trips to PostgreSQL, the batches
        root.router.add_get("/_bench/trips", trips_handler(sub[WEB]))
    runner = web.AppRunner(root, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    loop = asyncio.get_running_loop()
    print(f"ready {type(loop).__module__}.{type(loop).__name__}", flush=True)
    await asyncio.Event().wait()


TRIPS: dict[str, int] = {}
QUERIES: dict[str, int] = {}  # the messages sent to PostgreSQL by this server process, by their first message's kind


def count_trips(db) -> None:
    """Counts what each of the pool's asyncpg connections writes to PostgreSQL (one write: one round trip — asyncpg
    waits for each answer before it sends the next; by the first message: ``Q`` a simple query such as BEGIN or
    COMMIT, ``P`` a statement prepared, ``B`` a prepared statement run)."""
    import os

    from sqlalchemy import event

    kinds = {ord("Q"): "simple (BEGIN/COMMIT/ROLLBACK/SET)", ord("P"): "prepare", ord("B"): "execute"}

    @event.listens_for(db.engine.sync_engine, "connect")
    def _wrap(dbapi_conn, _rec) -> None:
        transport = dbapi_conn.driver_connection._transport
        write = transport.write

        def counted(data) -> None:
            kind = kinds.get(data[0], chr(data[0])) if data else "?"
            TRIPS[kind] = TRIPS.get(kind, 0) + 1
            write(data)

        try:
            transport.write = counted
        except AttributeError:  # uvloop's transports are not patched: the round trips not counted (UVLOOP=0 counts)
            TRIPS["not counted (uvloop)"] = 0
        if os.environ.get("BENCH_WEB_QUERIES"):  # which statements: their first words, counted
            dbapi_conn.driver_connection.add_query_logger(
                lambda q: QUERIES.__setitem__(q.query[:90], QUERIES.get(q.query[:90], 0) + 1))


def trips_handler(state):
    """``/_bench/trips``: the round trips so far (:func:`count_trips`), the group commit's batches and saves."""
    from aiohttp import web

    async def handler(_request):
        writer = state.writer
        return web.json_response({"trips": TRIPS, "batches": writer.batches, "jobs": writer.jobs,
                                  "queries": QUERIES})

    return handler


def serve_profiled(st, port: int) -> None:
    """BENCH_WEB_PROFILE=file: the server under cProfile, its statistics written to that file when it is stopped."""
    import cProfile

    # the process's CPU time, not the wall clock: on a shared machine a function's time is then its own work,
    # not the moments the process waited for a core
    prof = cProfile.Profile(time.process_time)

    def stop(*_: object) -> None:
        prof.disable()
        prof.dump_stats(os.environ["BENCH_WEB_PROFILE"])
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGUSR1, lambda *_: prof.enable())  # the bursts only (sent by the client around them)
    signal.signal(signal.SIGUSR2, lambda *_: prof.disable())
    from bot.app import run_main

    run_main(serve(st, port), st)


async def run(url: str | None, officers: int, rounds: int, seconds: float, every: list[float], workers: int,
              full: bool = False) -> None:
    import tempfile

    from aiohttp import ClientSession, CookieJar, TCPConnector

    from bot.app import make_services
    from bot.config import Settings
    from bot.web.auth import COOKIE
    from bot.web.links import issue_link
    from storage.repo import Repo

    async with bench_database(url) as db:
        with tempfile.TemporaryDirectory() as tmp:
            period, accs = await seed(db, officers, Path(tmp), full)
        st = Settings(_env_file=None, bot_token="1:BENCH", database_url=db.url, web_base_url="http://bench")
        services = make_services(st, db)
        async with db.session() as s:
            repo = Repo(s)
            links = [(await issue_link(services, repo, await repo.accounts.account(a), period)).url for a in accs]
            await s.commit()
        procs, bases = await start_servers(db.url, workers)
        conn = TCPConnector(limit=0)
        https, phones = [], []
        try:
            for i, link in enumerate(links):  # a session is a signed cookie: any process answers it (as behind nginx)
                http = ClientSession(cookie_jar=CookieJar(unsafe=True), connector=conn, connector_owner=False)
                https.append(http)
                base = bases[i % workers]
                r = await http.get(link.replace("http://bench", base))
                html = await r.text()
                cookie = next(c.value for c in http.cookie_jar if c.key == COOKIE)
                phones.append(Phone(base, cookie, re.search(r'data-csrf="([^"]+)"', html).group(1), period))
            await open_form(bases[0], https[0], period)
            for phone in phones:
                await phone.connect()
            await saves(phones, rounds, seconds, every, [p.pid for p in procs], None if db.sqlite else Backends(db.url, bases))
        finally:
            for phone in phones:
                phone.close()
            for http in https:
                await http.close()
            await conn.close()
            for proc in procs:
                proc.terminate()
                await proc.wait()


async def start_servers(url: str, workers: int):
    """``workers`` processes serving the web form, each on its own port (nginx's upstream in deploy/)."""
    import socket

    procs, bases = [], []
    for _ in range(workers):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        proc = await asyncio.create_subprocess_exec(sys.executable, __file__, "--serve", str(port), "--db", url,
                                                    stdout=asyncio.subprocess.PIPE)
        loop = (await proc.stdout.readline()).decode().split()
        if not procs:
            print(f"server event loop: {loop[1] if len(loop) > 1 else '?'}", flush=True)
        procs.append(proc)
        bases.append(f"http://127.0.0.1:{port}")
    return procs, bases


async def open_form(base: str, http, period: int, n: int = 15) -> None:
    times, sizes = [], 0
    for _ in range(n):
        r = await http.get(f"{base}/web/form?period={period}")
        body = await r.read()
        assert r.status == 200 and "🕘 Kỳ trước" in body.decode()
        times.append(server_ms(r))
        sizes = len(body)
    times = sorted(times[2:])  # the first two warm the template cache
    print(f"open seed 003's form with last period's values (one unit, {n - 2} runs): server time "
          f"median {statistics.median(times):.0f} ms, p95 {percentile(times, 95):.0f} ms, max {max(times):.0f} ms "
          f"(page {sizes / 1024:.0f} KiB) — target ≤ 300 ms")


class Phone:
    """One officer's phone: a keep-alive HTTP/1.1 connection of its own, the session's cookie and CSRF token. A save
    is request bytes built beforehand (a fresh request id, a random value) written to the socket; of the answer only
    the status line, ``Server-Timing`` and the ``Content-Length`` body are read — what a phone does, at a fraction of
    a general HTTP client's CPU (the officers' phones are not the server's cores)."""

    def __init__(self, base: str, cookie: str, csrf: str, period: int):
        self.host, self.port = base.removeprefix("http://").split(":")
        self.head = (f"POST /web/api/save?period={period} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                     f"Cookie: bc_web={cookie}\r\nX-CSRF-Token: {csrf}\r\nContent-Type: application/json\r\n")
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, int(self.port))

    def request(self, i: int) -> bytes:
        body = orjson.dumps({"key": FIELDS[i % len(FIELDS)], "op": "set", "text": str(random.randint(0, 5000))})
        return (f"{self.head}X-Request-Id: {random.getrandbits(64):016x}\r\nContent-Length: {len(body)}\r\n\r\n"
                .encode() + body)

    def send(self, request: bytes) -> float:
        assert self.writer is not None
        self.writer.write(request)
        return time.perf_counter()

    async def answer(self, sent: float) -> tuple[float, float]:
        """(server time, round trip) of the answer to the request sent at ``sent``."""
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        length = LENGTH.search(head)
        assert length is not None, head
        await self.reader.readexactly(int(length.group(1)))
        assert head.startswith(b"HTTP/1.1 200 "), head[:40]
        timing = TIMING.search(head)
        return (float(timing.group(1)) if timing else float("nan")), (time.perf_counter() - sent) * 1000

    async def save(self, i: int) -> tuple[float, float]:
        request = self.request(i)
        return await self.answer(self.send(request))

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


LENGTH = re.compile(rb"\r\ncontent-length: *(\d+)", re.I)
TIMING = re.compile(rb"\r\nserver-timing: *app;dur=([\d.]+)", re.I)


def cpu_seconds(pids: list[int]) -> float:
    """The server processes' CPU time so far (Linux /proc): what a save costs whatever else runs on the machine."""
    return sum(cpu_split(pids))


def cpu_split(pids: list[int]) -> tuple[float, float]:
    """The processes' CPU time so far: (in the process, in the kernel for it)."""
    user = system = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        user, system = user + int(fields[11]), system + int(fields[12])
    tick = os.sysconf("SC_CLK_TCK")
    return user / tick, system / tick


class Backends:
    """PostgreSQL: the backend processes serving the benchmark's database (``pg_stat_activity``; the server processes'
    pool connections, and this process's own, idle) — their CPU per save beside the servers' (``/proc/<pid>/stat``,
    the database on this machine); and the server processes' round trips to them (``/_bench/trips``)."""

    def __init__(self, url: str, bases: list[str]):
        self.url, self.bases = url.replace("postgresql+asyncpg://", "postgresql://"), bases
        self.seen: dict[int, float] = {}

    async def cpu(self) -> float:
        """The CPU seconds so far of the backends alive now (one that was seen before and is gone: its last figure)."""
        import asyncpg
        from sqlalchemy.engine import make_url

        conn = await asyncpg.connect(self.url)
        try:
            pids = [r[0] for r in await conn.fetch("SELECT pid FROM pg_stat_activity WHERE datname = $1 "
                                                   "AND pid <> pg_backend_pid()", make_url(self.url).database)]
        finally:
            await conn.close()
        for pid in pids:
            try:
                self.seen[pid] = cpu_seconds([pid])
            except OSError:
                pass
        return sum(self.seen.values())

    async def trips(self) -> dict:
        """The server processes' round trips to PostgreSQL so far, by kind, and their batches and saves."""
        from aiohttp import ClientSession

        total: dict = {"trips": {}, "batches": 0, "jobs": 0}
        async with ClientSession() as http:
            for base in self.bases:
                got = await (await http.get(f"{base}/_bench/trips")).json()
                for kind, n in got["trips"].items():
                    total["trips"][kind] = total["trips"].get(kind, 0) + n
                total["batches"] += got["batches"]
                total["jobs"] += got["jobs"]
                for q, n in got.get("queries", {}).items():
                    total.setdefault("queries", {})[q] = total.get("queries", {}).get(q, 0) + n
        return total


def trips_text(before: dict, after: dict) -> str:
    batches = max(1, after["batches"] - before["batches"])
    if "not counted (uvloop)" in after["trips"]:
        return f"{after['jobs'] - before['jobs']} saves in {batches} batches (round trips not counted on uvloop: UVLOOP=0)"
    kinds = {k: n - before["trips"].get(k, 0) for k, n in after["trips"].items()}
    each = ", ".join(f"{k} {n / batches:.2f}" for k, n in sorted(kinds.items()) if n)
    return (f"{after['jobs'] - before['jobs']} saves in {batches} batches, round trips to PostgreSQL "
            f"{sum(kinds.values()) / batches:.2f} a batch ({each})")


async def saves(phones: list[Phone], rounds: int, seconds: float, every: list[float], pids: list[int],
                pg: Backends | None = None) -> None:
    n = len(phones)
    burst: list[tuple[float, float]] = []
    clear: list[float] = []
    profiled = bool(os.environ.get("BENCH_WEB_PROFILE"))
    for pid in pids if profiled else ():
        os.kill(pid, signal.SIGUSR1)
    pg_cpu, trips = (await pg.cpu(), await pg.trips()) if pg else (0.0, None)
    (user, system), client = cpu_split(pids), time.process_time()
    per_round: list[float] = []
    for k in range(rounds):
        requests = [phone.request(k + i) for i, phone in enumerate(phones)]  # built beforehand, as typed
        t0 = time.perf_counter()
        sent = [phone.send(r) for phone, r in zip(phones, requests, strict=True)]  # the same instant
        done = await asyncio.gather(*(phone.answer(at) for phone, at in zip(phones, sent, strict=True)))
        clear.append((time.perf_counter() - t0) * 1000)
        burst += done
        per_round.append(percentile(sorted(s for s, _ in done), 99))
        if pg and k == 0:  # the first burst also reads each officer's whole context once (nothing cached yet)
            warm = await pg.trips()
        await asyncio.sleep(0.5)
    user_ms, system_ms = ((b - a) / len(burst) * 1000 for a, b in zip((user, system), cpu_split(pids), strict=True))
    cpu_ms = user_ms + system_ms
    client_ms = (time.process_time() - client) / len(burst) * 1000  # the officers' side, on the same machine
    pg_ms = (await pg.cpu() - pg_cpu) / len(burst) * 1000 if pg else 0.0
    for pid in pids if profiled else ():
        os.kill(pid, signal.SIGUSR2)
    report(f"a burst: {n} officers saving at the same instant ({rounds} rounds, {len(burst)} saves; "
           f"time to clear a burst: median {statistics.median(clear):.0f} ms, max {max(clear):.0f} ms; "
           f"server CPU {cpu_ms:.2f} ms a save (process {user_ms:.2f}, kernel {system_ms:.2f})"
           f"{f'; PostgreSQL backends {pg_ms:.2f} ms' if pg else ''}; "
           f"the benchmark's client {client_ms:.2f} ms)", burst)
    print("    server time p99 of each burst: " + ", ".join(f"{x:.0f}" for x in per_round) + " ms", flush=True)
    if pg and trips is not None:
        now = await pg.trips()
        print(f"    {trips_text(trips, now)}; after the first burst: {trips_text(warm, now)}", flush=True)
        for q, n in sorted(now.get("queries", {}).items(), key=lambda x: -x[1]):
            print(f"      {n - warm.get('queries', {}).get(q, 0)} after the first burst: {q!r}")
    for e in every:
        cpu = cpu_seconds(pids)
        pg_cpu, trips = (await pg.cpu(), await pg.trips()) if pg else (0.0, None)
        done = await paced(phones, seconds, e)
        pg_text = f"; PostgreSQL backends {(await pg.cpu() - pg_cpu) / max(1, done) * 1000:.2f} ms" if pg else ""
        print(f"    server CPU {(cpu_seconds(pids) - cpu) / max(1, done) * 1000:.2f} ms a save{pg_text}", flush=True)
        if pg and trips is not None:
            print(f"    {trips_text(trips, await pg.trips())}", flush=True)


async def paced(phones: list[Phone], seconds: float, every: float) -> int:
    samples: list[tuple[float, float]] = []

    async def officer(i: int, phone: Phone) -> None:
        await asyncio.sleep(random.random() * every)  # each officer starts at its own moment
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            t = time.perf_counter()
            samples.append(await phone.save(i))
            await asyncio.sleep(max(0.0, every - (time.perf_counter() - t)))

    t0 = time.perf_counter()
    await asyncio.gather(*(officer(i, phone) for i, phone in enumerate(phones)))
    rate = len(samples) / (time.perf_counter() - t0)
    report(f"{len(phones)} officers active together, each saving a field every {every:g} s for {seconds:.0f} s "
           f"({len(samples)} saves, {rate:.0f}/s)", samples)
    return len(samples)


def report(what: str, samples: list[tuple[float, float]]) -> None:
    srv = sorted(s for s, _ in samples)
    rt = sorted(r for _, r in samples)
    p99 = percentile(srv, 99)
    print(f"field save, {what}:\n    server time p50 {percentile(srv, 50):.1f} ms, p95 {percentile(srv, 95):.1f} ms, "
          f"p99 {p99:.1f} ms; round trip incl. queueing p50 {percentile(rt, 50):.1f} ms, "
          f"p95 {percentile(rt, 95):.1f} ms, p99 {percentile(rt, 99):.1f} ms — target p99 ≤ 50 ms: "
          f"{'met' if p99 <= 50 else 'NOT met'} (server time)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pg", nargs="?", const=PG_DEFAULT, help="PostgreSQL URL (default %(const)s)")
    ap.add_argument("--officers", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--every", type=float, nargs="+", default=[1.0, 5.0],
                    help="seconds between one officer's saves (one paced run each)")
    ap.add_argument("--workers", type=int, default=1,
                    help="server processes (deploy/: several behind nginx; the officers are spread over them)")
    ap.add_argument("--redis", help="REDIS_URL for the server processes (limits, replay memory and change notices "
                                    "shared, as deploy/ runs them)")
    ap.add_argument("--lanes", type=int, help="the group commit's lanes (default 1)")
    ap.add_argument("--full", action="store_true", help="every officer's report already answered in full")
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.redis:  # the server processes read it from the environment they inherit
        os.environ["BENCH_WEB_REDIS"] = a.redis
    if a.lanes:
        os.environ["BENCH_WEB_LANES"] = str(a.lanes)
    if a.serve:
        from bot.app import run_main

        st = server_settings(a.db)
        serve_profiled(st, a.serve) if os.environ.get("BENCH_WEB_PROFILE") else run_main(serve(st, a.serve), st)
        return
    print(f"== bench_web on {'PostgreSQL' if a.pg else 'SQLite'}, {a.workers} server process(es), "
          f"{a.officers} officers, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
          f"{', Redis' if a.redis else ''}{f', {a.lanes} lanes' if a.lanes else ''}"
          f"{', every report already full' if a.full else ''}", flush=True)
    asyncio.run(run(a.pg, a.officers, a.rounds, a.seconds, a.every, a.workers, a.full))


if __name__ == "__main__":
    main()
