"""Building the bot and dispatcher, registering commands, running polling or a webhook."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any, TypeVar

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import BotCommand

from bot import texts
from bot.config import Settings
from bot.handlers import get_routers
from bot.middleware import DbSessionMiddleware
from bot.services import Services, system_clock
from dialogs.loader import load_catalogue
from storage.db import Database, open_database, upgrade

log = logging.getLogger("bot")
T = TypeVar("T")


def loop_factory(settings: Settings) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """The event loop the bot's processes run on: uvloop's (a loop written in C over libuv: less CPU for each
    request the web server reads and answers) when UVLOOP is on and uvloop is installed (not on Windows);
    None — asyncio's own — otherwise."""
    if not settings.uvloop or sys.platform == "win32":
        return None
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def run_main(main: Coroutine[Any, Any, T], settings: Settings) -> T:
    """``asyncio.run(main)`` on the loop of :func:`loop_factory`: how the bot (``python -m bot``) and its web
    server's processes start."""
    with asyncio.Runner(loop_factory=loop_factory(settings)) as runner:
        return runner.run(main)


def make_bot(settings: Settings, token: str | None = None, *, db: Database | None = None,
             clock: Callable[[], datetime] = system_clock) -> Bot:
    """The bot, with the commit-before-call middleware and then the outbound layer (``bot/outbound/``:
    send budget, per-chat order, retries; undeliverable messages logged and, with ``db``, recorded in
    ``outbound_failures`` and 403 marked blocked)."""
    from bot import outbound
    from bot.middleware import install

    session = None
    if settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url.rstrip("/")))
    bot = install(Bot(token=token or settings.token or "", session=session,
                      default=DefaultBotProperties(link_preview_is_disabled=True)))
    ob = outbound.install(bot, outbound.from_settings(settings, bot, db=db))
    if db is not None:
        ob.sink = undeliverable_sink(db, clock)
    return bot


def undeliverable_sink(db: Database, clock: Callable[[], datetime] = system_clock):
    """Where a message Telegram would not take ends (``bot/undeliverable.py``: logged, recorded, 403 marked)."""
    from bot import undeliverable

    return undeliverable.sink(db, clock)


def make_services(settings: Settings, db: Database, clock: Callable[[], datetime] = system_clock) -> Services:
    catalogue = load_catalogue((settings.outlines_dir,) if settings.outlines_dir else ())
    return Services(settings=settings, db=db, catalogue=catalogue, clock=clock)


def make_dispatcher(services: Services) -> Dispatcher:
    dp = Dispatcher()
    dp.update.outer_middleware(DbSessionMiddleware(services))
    dp.include_routers(*get_routers())
    dp["services"] = services
    return dp


async def set_commands(bot: Bot) -> None:
    await bot.set_my_commands([BotCommand(command=c, description=d) for c, d in texts.COMMANDS])


async def set_web_menu(bot: Bot, services: Services) -> None:
    """With the web form served over https: the chat's menu button opens it as a Mini App («📝 Điền trên web»)."""
    from aiogram.types import MenuButtonWebApp, WebAppInfo

    from bot.web.links import miniapp_url

    url = miniapp_url(services)
    if url is None:
        return
    try:
        await bot.set_chat_menu_button(menu_button=MenuButtonWebApp(text="📝 Điền trên web", web_app=WebAppInfo(url=url)))
    except Exception as e:  # noqa: BLE001 - the menu button is a convenience; /web works without it
        log.warning("could not set the Mini App menu button: %s", e)


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        format="ts=%(asctime)s level=%(levelname)s logger=%(name)s msg=%(message)s",
    )


async def prepare(settings: Settings, clock: Callable[[], datetime] = system_clock) -> tuple[Services, Dispatcher]:
    await upgrade(settings.database_url)
    db = open_database(settings.database_url, pool_size=settings.db_pool_size)
    services = make_services(settings, db, clock)
    await services.register_outlines()
    return services, make_dispatcher(services)


async def run(settings: Settings, clock: Callable[[], datetime] = system_clock) -> None:
    services, dp = await prepare(settings, clock)
    bot = make_bot(settings, db=services.db, clock=clock) if settings.token else None
    zalo = make_zalo(services, dp, bot, clock)  # ZALO_BOT_TOKEN: the same conversation over Zalo (bot/zalo/)
    main_bot = bot if bot is not None else zalo.bot  # type: ignore[union-attr]
    background: list[asyncio.Task] = []
    web_runner: list = []  # the web server (web form, Zalo's webhook and file links) outside webhook mode

    async def on_startup() -> None:
        if bot is not None:
            await set_commands(bot)
            await set_web_menu(bot, services)
        if not (bot is not None and settings.webhook_url):  # polling, or Zalo only: the bot's web server of its own
            web_runner.append(await _start_web(services, bot, zalo))
        if zalo is not None:
            await zalo.start(serve_web=False)  # its routes are on the bot's web server (the webhook's, or that one)
        starter = _scheduler_starter()
        if starter is not None and settings.scheduler_interval > 0:
            background.append(asyncio.create_task(starter(main_bot, services, settings.scheduler_interval)))

    async def on_shutdown() -> None:
        for t in background:
            t.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        if zalo is not None:
            await zalo.stop()
        for runner in web_runner:
            if runner is not None:
                await runner.cleanup()
        await services.db.dispose()

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    if bot is None:
        log.info("no BOT_TOKEN: serving Zalo only")
        await _poll(main_bot, dp, telegram=False)
    elif settings.webhook_url:
        await _run_webhook(settings, bot, dp, zalo, services)
    else:
        log.info("starting long polling")
        await bot.delete_webhook(drop_pending_updates=False)
        await _poll(bot, dp)


def _notify(bot: Bot | None):
    """How the web form tells an officer in the chat (one message through the outbound layer); None without Telegram."""
    if bot is None:
        return None

    async def notify(chat_id: int, text: str) -> None:
        await bot.send_message(chat_id, text)
    return notify


def _web_routes(app, services: Services, bot: Bot | None, zalo) -> None:
    """What the bot serves over HTTP besides Telegram's webhook: the web form under /web (WEB_BASE_URL set) and
    Zalo's webhook and file links (ZALO_BOT_TOKEN set)."""
    if services.settings.web_base_url:
        from bot.web.server import mount

        mount(app, services, notify=_notify(bot))
    if zalo is not None:
        from bot.zalo.routes import setup_routes

        setup_routes(app, zalo)


async def _start_web(services: Services, bot: Bot | None, zalo):
    """Outside webhook mode: the bot's web server of its own (WEB_HOST/WEB_PORT, default the webhook's), when it
    has something to serve."""
    from aiohttp import web

    s = services.settings
    if not s.web_base_url and zalo is None:
        return None
    app = web.Application()
    _web_routes(app, services, bot, zalo)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
    await runner.setup()
    host, port = s.web_host or s.webhook_host, s.web_port if s.web_port is not None else s.webhook_port
    await web.TCPSite(runner, host, port).start()
    log.info("web server (web form, Zalo webhook and file links) on %s:%s", host, port)
    return runner


def make_zalo(services: Services, dp: Dispatcher, telegram: Bot | None, clock: Callable[[], datetime] = system_clock):
    """The Zalo adapter when ZALO_BOT_TOKEN is set (else None), wired to route each person's messages to the
    channel they last used."""
    if not services.settings.zalo_token:
        return None
    from bot.zalo.run import ZaloRuntime

    zalo = ZaloRuntime(services, dp, clock=clock)
    zalo.wire(telegram)
    return zalo


async def _poll(bot: Bot, dp: Dispatcher, *, telegram: bool = True) -> None:
    """aiogram's polling, with :class:`bot.polling.Poller` in place of its update reader (see there); without
    Telegram (Zalo only) the process just runs its startup and waits."""
    import signal

    from bot.polling import Poller

    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, main.cancel)
    workflow = dp.resolve_used_update_types()
    await dp.emit_startup(bot=bot, dispatcher=dp, **dp.workflow_data)
    try:
        if telegram:
            await Poller(bot, dp, allowed_updates=workflow).run()
        else:
            await asyncio.Event().wait()
    except asyncio.CancelledError:
        log.info("polling stopped")
    finally:
        await dp.emit_shutdown(bot=bot, dispatcher=dp, **dp.workflow_data)
        await bot.session.close()


def _scheduler_starter():
    try:
        from bot.scheduler import run_scheduler
    except ModuleNotFoundError:
        return None
    return run_scheduler


def make_webhook_app(settings: Settings, bot: Bot, dp: Dispatcher):
    """The aiohttp application for webhook mode: updates POSTed to WEBHOOK_PATH, secret token checked."""
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
    from aiohttp import web

    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    app = web.Application()
    # answered only once handled: an update in hand when the process dies is delivered again by Telegram
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret, handle_in_background=False
                         ).register(app, path=settings.webhook_path)
    setup_application(app, dp, bot=bot)
    return app


def webhook_target(settings: Settings) -> str:
    url = (settings.webhook_url or "").rstrip("/")
    return url if url.endswith(settings.webhook_path) else url + settings.webhook_path


async def _run_webhook(settings: Settings, bot: Bot, dp: Dispatcher, zalo=None, services: Services | None = None) -> None:
    from aiohttp import web

    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    app = make_webhook_app(settings, bot, dp)
    if services is not None:  # the web form and Zalo's routes on the same server
        _web_routes(app, services, bot, zalo)
    elif zalo is not None:
        from bot.zalo.routes import setup_routes

        setup_routes(app, zalo)

    async def set_hook(_: web.Application) -> None:
        await bot.set_webhook(webhook_target(settings), secret_token=secret, drop_pending_updates=False)

    app.on_startup.append(set_hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    log.info("webhook listening on %s:%s%s", settings.webhook_host, settings.webhook_port, settings.webhook_path)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
