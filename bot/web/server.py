"""The web form's aiohttp application: assembled in one place, mounted under ``/web`` on the bot's own server
(the webhook's, or one started for it in polling mode when WEB_BASE_URL is set).

Other route sets (another channel's file links, say) are added the same way: a function that builds a
sub-application, mounted by :func:`mount` on the root application."""

from __future__ import annotations

import functools
import gc
import ipaddress
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from bot.services import Services
from bot.web.batch import GroupCommit
from bot.web.shared import LocalStore, open_store

log = logging.getLogger("bot.web")
PREFIX = "/web"
MAX_BODY = 256 * 1024  # a whole Biểu group or list sent at once stays far below this
SAVE_RATE, SAVE_BURST = 10.0, 40.0  # writes per account: per second, at once
GATE_RATE, GATE_BURST = 2.0, 60.0  # link openings and Mini App logins per address (an office may share one)

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org")

Notify = Callable[[int, str], Awaitable[Any]]


@dataclass
class WebState:
    services: Services
    key: bytes
    bot_token: str | None
    notify: Notify | None = None
    clock: Callable[[], float] = time.time
    store: LocalStore = field(default_factory=LocalStore)  # rate limits, replay memory, change notices
    writer: GroupCommit | None = None  # the saves' group commit
    limits: dict[str, tuple[float, float]] = field(default_factory=lambda: {
        "save": (SAVE_RATE, SAVE_BURST), "gate": (GATE_RATE, GATE_BURST)})
    proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    root: str = PREFIX
    secure: bool = False
    origins: frozenset[str] = frozenset()
    frozen: bool = False

    async def allow(self, bucket: str, key: Any, cost: float = 1.0) -> bool:
        rate, burst = self.limits[bucket]
        return await self.store.allow(bucket, str(key), rate, burst, cost)

    def client_ip(self, request: web.Request) -> str:
        """The officer's address: the peer's, or what a trusted proxy (WEB_TRUSTED_PROXIES) says it is."""
        peer = request.remote or "?"
        if not self.proxies or not _in(peer, self.proxies):
            return peer
        real = request.headers.get("X-Real-IP", "").strip()
        if not real:  # the last address the proxy appended is the one it saw
            real = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        return real[:64] or peer


def _in(addr: str, nets: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(addr)
    except ValueError:
        return False
    return any(ip in n for n in nets)


def parse_proxies(text: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(x.strip(), strict=False) for x in text.replace(";", ",").split(",") if x.strip())


WEB = web.AppKey("web_state", WebState)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def guarded(handler: Handler, body_limit: int = MAX_BODY) -> Handler:
    """A route of the web form: a bounded body (``body_limit``, checked before the handler reads anything) and the
    server's time (``Server-Timing``) on its answer. A wrapper of the route's own rather than a middleware: aiohttp
    runs no middleware chain at all when no application has one (three coroutines less a request). The security
    headers go on every answer of the web form — these routes', aiohttp's own 404 and 405, errors, streams — when it
    is prepared (:func:`secure_on_prepare`)."""

    @functools.wraps(handler)
    async def route(request: web.Request) -> web.StreamResponse:
        started = time.perf_counter()
        st = request.app[WEB]
        if not st.frozen:
            # what exists at the first request (the catalogue, aiohttp's and pydantic's objects) lives as long as the
            # process: out of the garbage collector's full passes (as the bot does at its first update)
            st.frozen = True
            gc.freeze()
        length = request.content_length
        if length is not None and length > body_limit:
            resp: web.StreamResponse = web.json_response({"ok": False, "error": "Dữ liệu gửi lên quá lớn."}, status=413)
        else:
            resp = await handler(request)
        resp.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return resp

    route.web_guarded = True  # type: ignore[attr-defined]
    return route


def add_route(app: web.Application, method: str, path: str, handler: Handler, *, body_limit: int = MAX_BODY) -> None:
    """A route of the web form, :func:`guarded` (GET routes answer HEAD too, as ``add_get`` makes them)."""
    if method == "GET":
        app.router.add_get(path, guarded(handler, body_limit))
    else:
        app.router.add_route(method, path, guarded(handler, body_limit))


SECURE = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
          "Permissions-Policy": "camera=(), microphone=(), geolocation=()", "Cross-Origin-Resource-Policy": "same-origin"}
SECURE_HTTPS = {**SECURE, "Strict-Transport-Security": "max-age=31536000"}


def _secure_headers(request: web.Request, resp: web.StreamResponse, st: WebState | None = None) -> None:
    st = st or request.app[WEB]
    headers = resp.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.update(SECURE_HTTPS if st.secure else SECURE)
    if not request.path.startswith(st.root + "/static/"):
        headers["Cache-Control"] = "no-store"


def secure_on_prepare(state: WebState):
    """The security headers on every answer of the web form's application as it is prepared (``on_response_prepare``:
    the routes' answers, aiohttp's own 404 / 405 / 413 and the errors it turns into answers, the event streams)."""

    async def secure(request: web.Request, resp: web.StreamResponse) -> None:
        _secure_headers(request, resp, state)

    return secure


def build_web_app(services: Services, *, notify: Notify | None = None, clock: Callable[[], float] | None = None,
                  root: str = PREFIX) -> web.Application:
    """The web form as an aiohttp application (mounted at ``root``); ``notify(telegram_id, text)`` tells an
    officer in the chat (the bot's ``send_message``) when the report was sent from the page."""
    from bot.web.routes import setup_routes

    st = services.settings
    base = (st.web_base_url or "").rstrip("/")
    parts = urlsplit(base) if base else None
    origins = frozenset({f"{parts.scheme}://{parts.netloc}"}) if parts and parts.netloc else frozenset()
    app = web.Application(client_max_size=MAX_BODY)
    clock = clock or (lambda: services.now().timestamp())  # the services' clock: links and sessions expire by it
    state = WebState(services=services, key=st.web_key(), bot_token=st.token, notify=notify, clock=clock,
                     root=root, secure=base.startswith("https://"), origins=origins,
                     store=open_store(st.redis_url, f"{st.redis_prefix}:web", st.database_url), writer=GroupCommit(services.db),
                     proxies=parse_proxies(st.web_trusted_proxies))
    app[WEB] = state
    app.on_response_prepare.append(secure_on_prepare(state))

    async def close_store(_app: web.Application) -> None:
        await state.store.close()

    app.on_cleanup.append(close_store)

    async def warm_writer(_app: web.Application) -> None:
        await state.writer.warm()

    app.on_startup.append(warm_writer)
    setup_routes(app)
    return app


def mount(root_app: web.Application, services: Services, **kw: Any) -> web.Application:
    sub = build_web_app(services, **kw)
    root_app.add_subapp(PREFIX, sub)
    return sub


def web_url(services: Services, path: str = "") -> str | None:
    base = (services.settings.web_base_url or "").rstrip("/")
    return f"{base}{PREFIX}{path}" if base else None


async def start_web_server(services: Services, *, notify: Notify | None = None, host: str | None = None,
                           port: int | None = None) -> web.AppRunner:
    """Polling mode: the web form on its own small server (WEB_HOST/WEB_PORT, default the webhook's)."""
    st = services.settings
    root = web.Application(client_max_size=MAX_BODY)
    mount(root, services, notify=notify)
    runner = web.AppRunner(root, access_log=None, shutdown_timeout=2.0)
    await runner.setup()
    site = web.TCPSite(runner, host or st.web_host or st.webhook_host, port or st.web_port or st.webhook_port)
    await site.start()
    log.info("web form listening on %s:%s%s", host or st.web_host or st.webhook_host,
             port or st.web_port or st.webhook_port, PREFIX)
    return runner
