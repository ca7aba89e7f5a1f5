"""Bot processes for the end-to-end tests: Redis and PostgreSQL checks (the test skipped when absent), a fresh
database, a free port, ``python -m bot`` spawned (polling or webhook), waited for and fed updates, its replies
collected."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest
from aiohttp import ClientSession, ClientTimeout, web

from tests.conftest import ROOT
from tests.support.fake_bot_api import FakeTelegram

BOT_ENV_KEYS = ("BOT_TOKEN", "TELEGRAM_API_URL", "DATABASE_URL", "ADMIN_IDS", "WEBHOOK_URL", "BOT_USERNAME",
                "SCHEDULER_INTERVAL")


def spawn_bot(api: FakeTelegram, db_url: str, **settings: str) -> asyncio.subprocess.Process:
    """``python -m bot`` polling the fake Bot API ``api`` on ``db_url``; ``settings`` override the environment."""
    env = {k: v for k, v in os.environ.items() if k not in BOT_ENV_KEYS}
    env.update(BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url, DATABASE_URL=db_url, ADMIN_IDS="",
               PYTHONPATH=str(ROOT), LOG_LEVEL="WARNING", SCHEDULER_INTERVAL="3600",
               SEND_CHAT_RATE="0")  # the simulated officer answers within milliseconds: no per-chat pacing
    env.update(settings)
    return asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=str(ROOT), env=env,
                                          stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def webhook_up(port: int, procs, timeout: float = 120.0) -> None:
    """Wait until the bot process's webhook on ``port`` answers (a wrong secret: 401/403); every process of
    ``procs`` must stay alive meanwhile."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    async with ClientSession() as http:
        while True:
            assert all(p.returncode is None for p in procs), "a bot process exited"
            try:
                async with http.post(f"http://127.0.0.1:{port}/telegram", json={},
                                     headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as r:
                    if r.status in (401, 403):
                        return
            except Exception:  # noqa: BLE001, S110
                pass
            assert loop.time() < end, "the bot process did not start"
            await asyncio.sleep(0.3)


async def replies_after(api, user, before: int, timeout: float, quiet: float = 0.3) -> list[str]:
    """The bot's messages to ``user`` after the first ``before``, once they stop coming."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while True:
        msgs = api.messages(user.id)[before:]
        if msgs and loop.time() - max(m.at for m in msgs) > quiet:
            return [m.text for m in msgs]
        if loop.time() > end:
            return [m.text for m in msgs]
        await asyncio.sleep(0.02)


async def redis_or_skip(url: str):
    """A client of the Redis at ``url`` (it answered a ping); the test is skipped when Redis is unreachable."""
    import redis.asyncio as aioredis

    r = aioredis.from_url(url, socket_connect_timeout=2)
    try:
        await r.ping()
    except Exception as e:  # noqa: BLE001
        await r.aclose()
        pytest.skip(f"Redis unreachable ({e})")
    return r


async def redis_ok(url: str) -> None:
    """Skip the test unless the Redis at ``url`` answers."""
    await (await redis_or_skip(url)).aclose()


async def pg_ok(url: str) -> None:
    """Skip the test unless the PostgreSQL at ``url`` (SQLAlchemy's or asyncpg's form) takes a connection."""
    import asyncpg

    try:
        conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"), timeout=3)
    except Exception as e:  # noqa: BLE001
        pytest.skip(f"PostgreSQL unreachable ({e})")
    await conn.close()


async def fresh_database(admin_url: str, name: str) -> str:
    """Database ``name`` dropped and created again on the server of ``admin_url`` (asyncpg's form); its
    SQLAlchemy URL. The test is skipped when PostgreSQL is unreachable."""
    import asyncpg

    try:
        conn = await asyncpg.connect(admin_url, timeout=3)
    except Exception as e:  # noqa: BLE001
        pytest.skip(f"PostgreSQL unreachable ({e})")
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await conn.execute(f"CREATE DATABASE {name}")
    finally:
        await conn.close()
    return admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://") + f"/{name}"


def user_lock(kind: str, prefix: str, *, redis_url: str, pg_url: str):
    """The per-user lock of ``bot/locks.py``: Redis's (``kind`` "redis") or PostgreSQL's advisory one."""
    from bot.locks import PgUserLock, RedisUserLock

    return RedisUserLock(redis_url, prefix) if kind == "redis" else PgUserLock(pg_url, pool_size=2)


def spawn_webhook_bot(api, db_url: str, port: int, proxy_port: int, *, secret: str, prefix: str,
                      redis_url: str | None = None, **settings: str):
    """``python -m bot`` in webhook mode on ``port``, its webhook the proxy's on ``proxy_port``; ``settings``
    override the environment (SCHEDULER_INTERVAL 3600 unless given)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK", "DATABASE", "REDIS", "SEND"))}
    env.update(BOT_TOKEN=api.token, TELEGRAM_API_URL=api.base_url, DATABASE_URL=db_url, ADMIN_IDS="",
               PYTHONPATH=str(ROOT), LOG_LEVEL="WARNING", SCHEDULER_INTERVAL="3600", SEND_CHAT_RATE="0",
               WEBHOOK_URL=f"http://127.0.0.1:{proxy_port}/telegram", WEBHOOK_SECRET=secret,
               WEBHOOK_HOST="127.0.0.1", WEBHOOK_PORT=str(port), REDIS_PREFIX=prefix)
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update(settings)
    return asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=str(ROOT), env=env,
                                          stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)


async def deliver_webhook_updates(api, port: int, secret: str, stop: asyncio.Event, *, finish: bool) -> None:
    """Telegram's side of the webhook: every update of the fake Bot API POSTed (concurrently) to the proxy on
    ``port``, again after 0.2 s until answered 200. Once ``stop`` is set: the updates under way are waited for
    (``finish``) or cancelled."""
    async with ClientSession(timeout=ClientTimeout(total=60)) as http:
        async def one(update: dict) -> None:
            while True:
                try:
                    async with http.post(f"http://127.0.0.1:{port}/telegram", json=update,
                                         headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as r:
                        if r.status == 200:
                            return
                except Exception:  # noqa: BLE001, S110 - a process not up (or dead): again
                    pass
                await asyncio.sleep(0.2)

        tasks = set()
        while not stop.is_set():
            while api.updates:
                t = asyncio.create_task(one(api.updates.pop(0)))
                tasks.add(t)
                t.add_done_callback(tasks.discard)
            await asyncio.sleep(0.01)
        if finish:
            await asyncio.gather(*tasks)
        else:
            for t in tasks:
                t.cancel()


class WebhookProxy:
    """A reverse proxy in front of bot processes in webhook mode, listening on ``port``: a subclass's ``forward``
    chooses the process each POST to /telegram goes to and passes it on (``pass_on``, Telegram's headers kept)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.runner: web.AppRunner | None = None
        self.http: ClientSession | None = None

    async def start(self) -> None:
        self.http = ClientSession(timeout=ClientTimeout(total=60))
        app = web.Application()
        app.router.add_post("/telegram", self.forward)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def forward(self, request: web.Request) -> web.Response:
        raise NotImplementedError

    async def pass_on(self, request: web.Request, port: int) -> web.Response:
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith(("x-telegram", "content-type"))}
        async with self.http.post(f"http://127.0.0.1:{port}/telegram", data=await request.read(),
                                  headers=headers) as r:
            return web.Response(status=r.status, body=await r.read())

    async def stop(self) -> None:
        await self.http.close()
        await self.runner.cleanup()
