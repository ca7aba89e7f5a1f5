"""A local stand-in for the Zalo Bot API (https://bot.zapps.me/docs), over real HTTP (aiohttp), built from its
documentation (docs/zalo.md): ``POST {base}/bot{token}/{method}`` with JSON, ``{"ok", "result"}`` answers.

What it keeps of the real thing: ids are strings ("user ids" like ``"6b0f3c…"``, message ids hex strings), times
are milliseconds since the epoch, a message's text must be 1 to 2,000 characters (400 otherwise), there are no
buttons (a ``reply_markup`` is refused), no edits and no documents (unknown methods answer 404), ``getUpdates``
gives one update per call or 408 when none came within ``timeout``, and it refuses ``getUpdates`` while a webhook
is set. A webhook gets ``{"ok": true, "result": update}`` with the ``X-Bot-Api-Secret-Token`` header.
``sendPhoto`` fetches the photo URL (as Zalo's servers would) and keeps the bytes. Simulated users send text,
pictures and stickers; blocked users answer 403; ``fail_next`` answers 429 or 5xx for the next sends."""

from __future__ import annotations

import asyncio
import itertools
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

TEXT_LIMIT = 2000


def _units(text: str) -> int:
    """Length as a JavaScript server counts it (UTF-16 code units): the strict reading of "2,000 characters"."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class ZCall:
    method: str
    params: dict[str, Any]
    status: int = 200


@dataclass
class ZSent:
    chat_id: str
    message_id: str
    text: str
    date: int
    photo_url: str | None = None
    photo: bytes | None = None
    photo_status: int | None = None


@dataclass
class ZaloUser:
    api: ZaloStandIn
    id: str
    name: str
    inbox: list[ZSent] = field(default_factory=list)

    async def send(self, text: str) -> None:
        await self.api.deliver(self, "message.text.received", text=text)

    async def send_picture(self) -> None:
        await self.api.deliver(self, "message.image.received", photo="https://example.invalid/p.jpg")

    def last(self) -> ZSent:
        return self.inbox[-1]


class ZaloStandIn:
    def __init__(self, token: str = "1234567890123456789:zalo-test-token", *, host: str = "127.0.0.1", port: int = 0):
        self.token = token
        self.host, self.port = host, port
        self.calls: list[ZCall] = []
        self.queue: list[dict[str, Any]] = []
        self._arrived = asyncio.Event()
        self.users: dict[str, ZaloUser] = {}
        self.blocked: set[str] = set()
        self.fails: list[int] = []  # error codes for the next sends (429 answers with retry_after 1)
        self.webhook: tuple[str, str] | None = None
        self.webhook_answers: list[int] = []
        self._mids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.closing = False
        self.bot_id = "7" + "".join(str(secrets.randbelow(10)) for _ in range(17))

    # ------------------------------------------------------------------ server
    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://{self.host}:{self.port}"
        return self.base_url

    async def stop(self) -> None:
        self.closing = True
        self._arrived.set()  # a long poll in progress ends now
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def user(self, uid: str, name: str = "Cán bộ") -> ZaloUser:
        u = self.users.get(uid) or ZaloUser(self, uid, name)
        self.users[uid] = u
        return u

    def sent(self, method: str | None = None) -> list[ZCall]:
        return [c for c in self.calls if c.status == 200 and (method is None or c.method == method)]

    # ------------------------------------------------------------------ users → bot
    def _update(self, u: ZaloUser, event: str, **content: Any) -> dict[str, Any]:
        msg = {"from": {"id": u.id, "display_name": u.name, "is_bot": False},
               "chat": {"id": u.id, "chat_type": "PRIVATE"}, "message_id": secrets.token_hex(16),
               "date": int(time.time() * 1000), **content}
        return {"event_name": event, "message": msg}

    async def deliver(self, u: ZaloUser, event: str, **content: Any) -> dict[str, Any]:
        upd = self._update(u, event, **content)
        await self.deliver_raw(upd)
        return upd

    async def deliver_raw(self, upd: dict[str, Any], *, secret: str | None = None) -> int | None:
        """Queue ``upd`` for getUpdates, or POST it to the webhook (with its secret, or ``secret`` when given);
        returns the webhook's HTTP status."""
        if self.webhook is None:
            self.queue.append(upd)
            self._arrived.set()
            return None
        url, token = self.webhook
        async with aiohttp.ClientSession() as s, s.post(
                url, json={"ok": True, "result": upd},
                headers={"X-Bot-Api-Secret-Token": token if secret is None else secret}) as r:
            self.webhook_answers.append(r.status)
            return r.status

    # ------------------------------------------------------------------ bot → API
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._answer("?", {}, 401, "Unauthorized")
        method = request.match_info["method"]
        try:
            params = await request.json() if request.can_read_body else {}
        except ValueError:
            return self._answer(method, {}, 400, "Bad Request: body is not JSON")
        handler = getattr(self, f"m_{method}", None)
        if handler is None:
            return self._answer(method, params, 404, f"Not Found: method {method} does not exist")
        return await handler(params)

    def _answer(self, method: str, params: dict[str, Any], status: int, result: Any, **extra: Any) -> web.Response:
        self.calls.append(ZCall(method, params, status))
        if status == 200:
            return web.json_response({"ok": True, "result": result})
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": result}
        if extra:
            body["parameters"] = extra
        return web.json_response(body, status=200 if status == 408 else status)

    async def m_getMe(self, p: dict[str, Any]) -> web.Response:
        return self._answer("getMe", p, 200, {"id": self.bot_id, "account_name": "bot.BaoCaoThu",
                                              "account_type": "BASIC", "can_join_groups": False})

    async def m_getUpdates(self, p: dict[str, Any]) -> web.Response:
        if self.webhook is not None:
            return self._answer("getUpdates", p, 400, "Bad Request: webhook is set, delete it to use getUpdates")
        timeout = float(p.get("timeout") or 30)
        if not self.queue:
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), timeout)
            except TimeoutError:
                return self._answer("getUpdates", p, 408, "Request timeout")
            if not self.queue:
                return self._answer("getUpdates", p, 408, "Request timeout")
        return self._answer("getUpdates", p, 200, self.queue.pop(0))

    async def m_setWebhook(self, p: dict[str, Any]) -> web.Response:
        url, secret = str(p.get("url") or ""), str(p.get("secret_token") or "")
        if not url.startswith(("http://", "https://")) or not 8 <= len(secret) <= 256:
            return self._answer("setWebhook", p, 400, "Bad Request: url and secret_token (8-256) required")
        self.webhook = (url, secret)
        return self._answer("setWebhook", p, 200, {"url": url, "updated_at": int(time.time() * 1000)})

    async def m_deleteWebhook(self, p: dict[str, Any]) -> web.Response:
        self.webhook = None
        return self._answer("deleteWebhook", p, 200, {"url": "", "updated_at": int(time.time() * 1000)})

    async def m_getWebhookInfo(self, p: dict[str, Any]) -> web.Response:
        return self._answer("getWebhookInfo", p, 200, {"url": self.webhook[0] if self.webhook else "",
                                                       "updated_at": int(time.time() * 1000)})

    def _refuse(self, method: str, p: dict[str, Any]) -> web.Response | None:
        chat = p.get("chat_id")
        if not isinstance(chat, str) or chat not in self.users:
            return self._answer(method, p, 400, "Bad Request: chat_id must be the string id of a user of the bot")
        if "reply_markup" in p:
            return self._answer(method, p, 400, "Bad Request: reply_markup is not supported")
        if chat in self.blocked:
            return self._answer(method, p, 403, "Forbidden: the user has blocked the bot")
        if self.fails:
            code = self.fails.pop(0)
            if code == 429:
                return self._answer(method, p, 429, "Too Many Requests", retry_after=1)
            return self._answer(method, p, code, "Internal Server Error")
        return None

    def _deliver(self, p: dict[str, Any], text: str, **extra: Any) -> dict[str, Any]:
        sent = ZSent(p["chat_id"], f"{next(self._mids):x}{secrets.token_hex(8)}", text, int(time.time() * 1000),
                     **extra)
        self.users[p["chat_id"]].inbox.append(sent)
        return {"message_id": sent.message_id, "date": sent.date}

    async def m_sendMessage(self, p: dict[str, Any]) -> web.Response:
        refused = self._refuse("sendMessage", p)
        if refused is not None:
            return refused
        text = p.get("text")
        if not isinstance(text, str) or not 1 <= _units(text) <= TEXT_LIMIT:
            return self._answer("sendMessage", p, 400, f"Bad Request: text must be 1 to {TEXT_LIMIT} characters")
        return self._answer("sendMessage", p, 200, self._deliver(p, text))

    async def m_sendPhoto(self, p: dict[str, Any]) -> web.Response:
        refused = self._refuse("sendPhoto", p)
        if refused is not None:
            return refused
        url, caption = p.get("photo"), p.get("caption") or ""
        if not isinstance(url, str) or not url.startswith(("http://", "https://")) or _units(caption) > TEXT_LIMIT:
            return self._answer("sendPhoto", p, 400, "Bad Request: photo must be a URL, caption ≤ 2000 characters")
        data, status = None, None
        try:
            async with aiohttp.ClientSession() as s, s.get(url) as r:
                status = r.status
                data = await r.read() if r.status == 200 else None
        except aiohttp.ClientError:
            status = 0
        if data is None:
            return self._answer("sendPhoto", p, 400, "Bad Request: the photo URL could not be fetched")
        return self._answer("sendPhoto", p, 200, self._deliver(p, caption, photo_url=url, photo=data,
                                                               photo_status=status))

    async def m_sendChatAction(self, p: dict[str, Any]) -> web.Response:
        if p.get("action") != "typing":
            return self._answer("sendChatAction", p, 400, "Bad Request: action must be typing")
        return self._answer("sendChatAction", p, 200, True)
