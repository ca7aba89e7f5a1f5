"""The web form's test client (issue 24): a person's browser (cookies, CSRF token, request ids), the web server
over one test world, and reading a server-sent event stream — shared by the web journeys and the nginx test."""

from __future__ import annotations

import asyncio
import re

from aiohttp import ClientSession, CookieJar, web
from aiohttp.test_utils import TestServer

from bot.app import make_services
from bot.web.links import issue_link
from bot.web.server import mount
from storage.repo import Repo
from tests.support.harness import Clock
from tests.support.harness import test_settings as make_settings
from tests.support.web_world import World


class Browser:
    """One person's browser: its own cookies; ``csrf`` read from the last form page."""

    def __init__(self, server: TestServer):
        self.server = server
        self.http = ClientSession(cookie_jar=CookieJar(unsafe=True))
        self.csrf = ""
        self.n = 0

    def url(self, path: str) -> str:
        return str(self.server.make_url(path))

    async def get(self, path: str, **kw):
        r = await self.http.get(self.url(path), **kw)
        body = await r.read()
        text = body.decode("utf-8", "replace")
        m = re.search(r'data-csrf="([^"]*)"', text)
        if m and m.group(1):
            self.csrf = m.group(1)
        return r, text

    async def post(self, path: str, json=None, *, rid: str | None = None, csrf: str | None = None, headers=None, **kw):
        self.n += 1
        headers = {"X-CSRF-Token": self.csrf if csrf is None else csrf, "X-Request-Id": rid or f"request-{self.n:06d}",
                   **(headers or {})}
        r = await self.http.post(self.url(path), json=json if json is not None else {}, headers=headers, **kw)
        return r, await r.json(content_type=None)


class Web:
    def __init__(self, db, db_url, world: World, clock: Clock, **settings):
        self.world = world
        self.clock = clock
        self.settings = make_settings(db_url, web_base_url="http://bc.example.vn", **settings)
        self.services = make_services(self.settings, db, clock)
        self.told: list[tuple[int, str]] = []
        self.db = db

    async def start(self):
        await self.services.register_outlines()
        root = web.Application()

        async def notify(chat_id: int, text: str) -> None:
            self.told.append((chat_id, text))

        self.app = mount(root, self.services, notify=notify)
        self.server = TestServer(root)
        await self.server.start_server()
        self.browsers: list[Browser] = []
        return self

    def browser(self) -> Browser:
        b = Browser(self.server)
        self.browsers.append(b)
        return b

    async def link(self, account_id: int, period_id: int | None, hours: float | None = None) -> str:
        async with self.db.session() as s:
            repo = Repo(s)
            issued = await issue_link(self.services, repo, await repo.accounts.account(account_id), period_id, hours=hours)
            await s.commit()
        return issued.url.replace("http://bc.example.vn", "")

    async def signed_in(self, account_id: int, period_id: int | None = None) -> Browser:
        b = self.browser()
        r, text = await b.get(await self.link(account_id, period_id or self.world.period))
        assert r.status == 200, text[:500]
        return b

    async def answers(self, unit_code: str, period_id: int | None = None) -> dict:
        async with self.db.read_session() as s:
            repo = Repo(s)
            sub = await repo.submissions.find_submission(self.world.units[unit_code], period_id or self.world.period)
            return await repo.submissions.answers(sub.id) if sub else {}

    async def close(self):
        for b in self.browsers:
            await b.http.close()
        await self.server.close()


def save_url(w: Web, period: int | None = None) -> str:
    return f"/web/api/save?period={period or w.world.period}"


async def read_events(resp, want: int, timeout: float = 10.0) -> list[dict[str, str]]:
    """The next ``want`` server-sent events of a stream (comment lines skipped)."""
    events: list[dict[str, str]] = []
    cur: dict[str, str] = {}

    async def go() -> None:
        async for raw in resp.content:
            line = raw.decode().rstrip("\n")
            if line.startswith(":"):
                continue
            if line:
                k, _, v = line.partition(": ")
                cur[k] = v
                continue
            if "data" in cur:
                events.append(dict(cur))
            cur.clear()
            if len(events) >= want:
                return

    await asyncio.wait_for(go(), timeout)
    return events
