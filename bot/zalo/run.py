"""Running the Zalo adapter beside (or instead of) Telegram in the same process: the Zalo bot with its
middlewares, long polling or the webhook, the bot's web server for files, and the channel routing."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiogram import Bot, Dispatcher
from aiohttp import web

from bot import outbound
from bot.services import Services, system_clock
from bot.zalo.api import ZaloClient, ZaloError
from bot.zalo.channels import ChannelMark, ChannelRouter, Linked, install_router
from bot.zalo.conversation import Addresses, Bridge
from bot.zalo.middleware import ZaloText
from bot.zalo.pace import Pace
from bot.zalo.routes import setup_routes
from bot.zalo.session import ZaloSession

log = logging.getLogger("bot.zalo")


def aiogram_token(token: str) -> str:
    """aiogram wants "<digits>:<rest>"; the Zalo bot's id on our side is derived from its token."""
    n = int.from_bytes(hashlib.sha256(token.encode()).digest()[:6], "big")
    return f"{n}:zalo"


def zalo_outbound(settings: Any, bot: Bot) -> outbound.Outbound:
    """The Zalo channel's own outbound layer: its own budget (ZALO_SEND_RATE, per chat ZALO_CHAT_RATE), the same
    order, retries and undeliverable recording as Telegram's."""
    limits = outbound.Limits(rate=settings.zalo_send_rate, burst=settings.zalo_send_burst,
                             chat_rate=settings.zalo_chat_rate, chat_burst=settings.send_chat_burst,
                             light_rate=settings.send_light_rate)
    budget = None
    if settings.redis_url:
        budget = outbound.RedisBudget(settings.redis_url, f"{settings.redis_prefix}:zalo:{bot.id}")
    return outbound.Outbound(limits, budget=budget, max_attempts=settings.send_max_attempts)


class ZaloRuntime:
    def __init__(self, services: Services, dp: Dispatcher, *, clock: Callable[[], datetime] = system_clock,
                 ob: outbound.Outbound | None = None):
        from bot.app import undeliverable_sink
        from bot.middleware import install

        s = services.settings
        assert s.zalo_token, "ZALO_BOT_TOKEN is not set"
        self.services, self.dp = services, dp
        self.client = ZaloClient(s.zalo_token, s.zalo_api_url, timeout=s.zalo_poll_timeout + 15)
        self.addresses = Addresses(services)
        self.bot = install(Bot(aiogram_token(s.zalo_token), session=ZaloSession(self.client, self.addresses)))
        self.text = ZaloText(services, self.addresses)
        self.bot.session.middleware(self.text)
        self.outbound = outbound.install(self.bot, ob or zalo_outbound(s, self.bot))
        self.outbound.sink = undeliverable_sink(services.db, clock)
        self.pace = Pace(self.outbound, floor=s.zalo_rate_floor, recover_after=s.zalo_rate_recover_seconds)
        self.bot.session.pace = self.pace
        self.bridge = Bridge(services, dp, self.bot, self.addresses)
        self.linked: Linked | None = None
        self._tasks: list[asyncio.Task] = []
        self._tails: dict[str, asyncio.Task] = {}
        self._runner: web.AppRunner | None = None
        self.polled = 0

    def wire(self, telegram: Bot | None) -> None:
        """Channel routing between the running bots, and the last channel recorded on every update."""
        bots: dict[str, Bot] = {"zalo": self.bot}
        if telegram is not None:
            bots["telegram"] = telegram
        self.linked = Linked(self.services)
        self.bridge.on_new = self.linked.add
        self.dp.update.outer_middleware(ChannelMark(self.services, self.linked))
        for channel, b in bots.items():
            install_router(b, ChannelRouter(self.services, channel, bots, self.linked))

    # ------------------------------------------------------------------ running
    async def start(self, *, serve_web: bool = True) -> None:
        s = self.services.settings
        if self.linked is not None:
            await self.linked.refresh(force=True)
        if serve_web:
            await self._serve_web()
        if s.zalo_secret:
            from bot.zalo.files import base_url

            url = base_url(self.services) + s.zalo_webhook_path
            await self.client.set_webhook(url, s.zalo_secret)
            log.info("Zalo webhook set to %s (Zalo reports %s)", url, await self.client.get_webhook_info())
        else:
            with contextlib.suppress(ZaloError):
                await self.client.delete_webhook()
            self._tasks.append(asyncio.create_task(self.poll()))
            log.info("Zalo long polling started")

    async def _serve_web(self) -> None:
        s = self.services.settings
        app = web.Application()
        setup_routes(app, self)
        if s.web_base_url:  # the web form (its upload: how a filled /mau comes back from Zalo) on the same server
            from bot.web.server import mount

            mount(app, self.services)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        port = s.web_port if s.web_port is not None else s.webhook_port
        await web.TCPSite(self._runner, s.web_host or s.webhook_host, port).start()
        log.info("web server (Zalo webhook, file links) on %s:%s", s.web_host or s.webhook_host, port)

    async def stop(self) -> None:
        for t in self._tasks:
            t.cancel()
        await asyncio.gather(*self._tasks, *self._tails.values(), return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()
        await self.client.close()

    async def poll(self) -> None:
        """Long polling: each update handed to the bridge; one person's updates in order, people in parallel."""
        delay = 1.0
        timeout = self.services.settings.zalo_poll_timeout
        while True:
            try:
                updates = await self.client.get_updates(timeout)
                delay = 1.0
            except ZaloError as e:
                log.warning("Zalo getUpdates failed (%s); again in %.0f s", e, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)
                continue
            for zu in updates:
                self.polled += 1
                self.dispatch(zu)

    def dispatch(self, zu: dict[str, Any]) -> asyncio.Task:
        msg = zu.get("message") or {}
        who = str((msg.get("from") or {}).get("id") or (msg.get("chat") or {}).get("id") or "")
        before = self._tails.get(who)

        async def run() -> None:
            if before is not None:
                await asyncio.gather(before, return_exceptions=True)
            try:
                await self.bridge.handle(zu)
            except Exception:  # noqa: BLE001 - one update never stops polling
                log.exception("Zalo update failed")
            finally:
                if self._tails.get(who) is task:
                    del self._tails[who]

        task = asyncio.create_task(run())
        self._tails[who] = task
        return task

    async def drain(self) -> None:
        while self._tails:
            await asyncio.gather(*list(self._tails.values()), return_exceptions=True)
