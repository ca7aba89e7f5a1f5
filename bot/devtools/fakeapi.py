"""A local stand-in for the Telegram Bot API, over real HTTP (aiohttp).

The real bot talks to it through ``TELEGRAM_API_URL`` (aiogram's ``TelegramAPIServer.from_base``).
It answers getMe, getUpdates (offset and long-poll timeout), sendMessage, editMessageText,
editMessageReplyMarkup, answerCallbackQuery, sendDocument (keeping the bytes), getFile and file downloads
(documents sent by users and by the bot, 20 MB at most as Telegram), setMyCommands, deleteWebhook and a few more; records every call; and lets simulated users send text and press buttons.
It can also enforce a global rate limit with 429 answers, refuse blocked users with 403 and fail with 5xx,
for the reminder tests and benchmark, and simulate an outage (``fail_for``: 5xx, 429 or hanging calls for a
while) for the fault tests. Used by the end-to-end tests and by ``baocao demo``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 7000000001
BOT_USERNAME = "tro_ly_bao_cao_demo_bot"
TELEGRAM_MAX_DOWNLOAD = 20 * 1024 * 1024


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    status: int = 200
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


@dataclass
class Sent:
    """A message the bot sent (or edited), as a simulated user sees it."""

    chat_id: int
    message_id: int
    text: str
    buttons: list[list[dict[str, Any]]]
    document: tuple[str, bytes] | None = None
    caption: str | None = None
    at: float = 0.0
    photo: tuple[str, bytes] | None = None  # sendPhoto: (file name, bytes)

    def button_texts(self) -> list[str]:
        return [b["text"] for row in self.buttons for b in row]


class FakeTelegram:
    def __init__(self, token: str = "123456:TEST-TOKEN", *, host: str = "127.0.0.1", port: int = 0,
                 clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.token = token
        self.host, self.port = host, port
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._cond = asyncio.Condition()
        self.sent: dict[int, list[Sent]] = {}
        self.by_id: dict[tuple[int, int], Sent] = {}
        self.commands: list[dict[str, Any]] = []
        self.users: dict[int, FakeUser] = {}
        self.blocked: set[int] = set()
        # rate limiting (reminders): at most `rate` sends per `per` seconds overall, 1/s per chat optional
        self.rate: float | None = None
        self.per_chat_interval: float | None = None
        # a chat may take this many messages at once before the interval applies (Telegram tolerates short bursts)
        self.per_chat_burst: int = 1
        self.fail_5xx: set[int] = set()  # chat ids whose next send answers 500 once
        # an outage (fault tests): until `outage_until` (time.monotonic), every HTTP call of `outage_methods`
        # (all when None) answers 502 ("5xx"), 429 with retry_after 1 ("429"), or hangs until the outage ends
        # and then drops the connection unanswered ("timeout")
        self.outage: str | None = None
        self.outage_until = 0.0
        self.outage_methods: set[str] | None = None
        self.outage_hits = 0
        self._window: deque[float] = deque()
        self._last_chat: dict[int, float] = {}
        self.on_call: Callable[[Call], None] | None = None
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.last_offset = 0
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file name, bytes): getFile and downloads

    # ------------------------------------------------------------------ server
    async def start(self) -> str:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/file/bot{token}/{path:.*}", self._file)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)  # a long poll in hand ends at once
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        sock = site._server.sockets[0]  # type: ignore[union-attr]
        self.port = sock.getsockname()[1]
        self.base_url = f"http://{self.host}:{self.port}"
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _file(self, request: web.Request) -> web.Response:
        found = self.file_at(request.match_info["path"])
        return web.Response(body=found) if found is not None else web.Response(status=404)

    def add_file(self, name: str, data: bytes) -> str:
        file_id = f"f{len(self.files) + 1}"
        self.files[file_id] = (name, data)
        return file_id

    def file_at(self, path: str) -> bytes | None:
        """The bytes of a file by its getFile path ("documents/<file_id>/<name>")."""
        parts = path.split("/")
        hit = self.files.get(parts[1]) if len(parts) >= 2 and parts[0] == "documents" else None
        return hit[1] if hit else None

    def _get_file(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        hit = self.files.get(str(params.get("file_id", "")))
        if hit is None:
            return self._err(400, "Bad Request: invalid file_id")
        if len(hit[1]) > TELEGRAM_MAX_DOWNLOAD:
            return self._err(400, "Bad Request: file is too big")
        fid = str(params["file_id"])
        return self._ok({"file_id": fid, "file_unique_id": f"u{fid}", "file_size": len(hit[1]),
                         "file_path": f"documents/{fid}/{hit[0]}"})

    async def _read(self, request: web.Request) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            params = await request.json()
        elif request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if part.filename:
                    files[part.name] = (part.filename, bytes(await part.read()))
                else:
                    params[part.name] = await part.text()
        else:
            post = await request.post()
            params = {k: v for k, v in post.items()}
        params.update(request.query)
        return params, files

    def _ok(self, result: Any) -> tuple[int, dict[str, Any]]:
        return 200, {"ok": True, "result": result}

    def _err(self, code: int, desc: str, **extra: Any) -> tuple[int, dict[str, Any]]:
        body: dict[str, Any] = {"ok": False, "error_code": code, "description": desc}
        if extra:
            body["parameters"] = extra
        return code, body

    def _limited(self, chat_id: int) -> tuple[int, dict[str, Any]] | None:
        now = self.clock()
        if chat_id in self.blocked:
            return self._err(403, "Forbidden: bot was blocked by the user")
        if chat_id in self.fail_5xx:
            self.fail_5xx.discard(chat_id)
            return self._err(500, "Internal Server Error")
        if self.rate is not None:
            while self._window and now - self._window[0] >= 1.0:
                self._window.popleft()
            if len(self._window) >= self.rate:
                retry = max(1, int(1.0 - (now - self._window[0]) + 0.999))
                return self._err(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        if self.per_chat_interval is not None:
            # GCRA: _last_chat holds the chat's theoretical arrival time (with burst 1: last send + interval)
            tat = self._last_chat.get(chat_id, now)
            if tat - now > (self.per_chat_burst - 1) * self.per_chat_interval + 1e-9:
                return self._err(429, "Too Many Requests: retry after 1", retry_after=1)
            self._last_chat[chat_id] = max(tat, now) + self.per_chat_interval
        if self.rate is not None:
            self._window.append(now)
        return None

    def fail_for(self, mode: str, seconds: float, methods: set[str] | None = None) -> None:
        """Start an outage: ``mode`` "5xx", "429" or "timeout" for ``seconds``, on ``methods`` (None: all)."""
        assert mode in ("5xx", "429", "timeout")
        self.outage, self.outage_until = mode, time.monotonic() + seconds
        self.outage_methods = {m.lower() for m in methods} if methods else None

    async def _outage(self, request: web.Request) -> web.Response | None:
        method = request.match_info["method"].lower()
        left = self.outage_until - time.monotonic()
        if self.outage is None or left <= 0 or (self.outage_methods is not None and method not in self.outage_methods):
            return None
        self.outage_hits += 1
        if self.outage == "5xx":
            return web.json_response({"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502)
        if self.outage == "429":
            return web.json_response({"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                                      "parameters": {"retry_after": 1}}, status=429)
        await asyncio.sleep(left)
        if request.transport is not None:
            request.transport.close()  # the client sees its request cut off, unanswered
        return web.Response(status=504)

    async def _handle(self, request: web.Request) -> web.Response:
        failed = await self._outage(request)
        if failed is not None:
            return failed
        if request.match_info["token"] != self.token:
            status, body = self._err(401, "Unauthorized")
            return web.json_response(body, status=status)
        params, files = await self._read(request)
        status, body = await self.call(request.match_info["method"], params, files)
        return web.json_response(body, status=status)

    async def call(self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]] | None = None
                   ) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API method (used over HTTP, and directly by :class:`FakeSession`).

        ``files`` maps a part name to (filename, bytes); a parameter "attach://name" refers to one."""
        files = dict(files or {})
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://") and value[9:] in files:
                files[key] = files.pop(value[9:])
                params[key] = {"filename": files[key][0]}
        for k in ("reply_markup", "commands", "allowed_updates"):
            if isinstance(params.get(k), str):
                try:
                    params[k] = json.loads(params[k])
                except ValueError:
                    pass
        call = Call(method, params, time.monotonic(), files=files)
        self.calls.append(call)
        if self.on_call:
            self.on_call(call)
        m = method.lower()
        if m == "getupdates":
            return await self._get_updates(params)
        if m in ("sendmessage", "senddocument", "sendphoto"):
            chat_id = int(params["chat_id"])
            limited = self._limited(chat_id)
            if limited is not None:
                call.status = limited[0]
                return limited
            return self._ok(self._record_send(chat_id, params, files, document=(m == "senddocument"),
                                              photo=(m == "sendphoto")))
        if m in ("editmessagetext", "editmessagereplymarkup"):
            chat_id = int(params.get("chat_id", 0))
            mid = int(params.get("message_id", 0))
            msg = self.by_id.get((chat_id, mid))
            if msg is None:
                return self._err(400, "Bad Request: message to edit not found")
            if "text" in params:
                msg.text = params["text"]
            rm = params.get("reply_markup")
            msg.buttons = rm.get("inline_keyboard", []) if isinstance(rm, dict) else []
            return self._ok(self._message_json(msg))
        if m == "getfile":
            return self._get_file(params)
        if m == "setmycommands":
            self.commands = params.get("commands") or []
        simple = {
            "getme": {"id": BOT_ID, "is_bot": True, "first_name": "Trợ lý báo cáo", "username": BOT_USERNAME,
                      "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False},
            "answercallbackquery": True, "setmycommands": True, "deletewebhook": True, "setwebhook": True,
            "deletemessage": True, "sendchataction": True, "close": True, "logout": True, "setchatmenubutton": True,
            "getwebhookinfo": {"url": "", "has_custom_certificate": False, "pending_update_count": 0},
        }
        if m in simple:
            return self._ok(simple[m])
        return self._err(400, f"Bad Request: method {method} is not supported by the fake server")

    async def _get_updates(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        offset = int(params.get("offset", 0) or 0)
        timeout = float(params.get("timeout", 0) or 0)
        self.last_offset = max(self.last_offset, offset)
        deadline = time.monotonic() + timeout
        async with self._cond:
            while True:
                pending = [u for u in self.updates if u["update_id"] >= offset]
                if pending or time.monotonic() >= deadline:
                    break
                try:
                    await asyncio.wait_for(self._cond.wait(), max(0.01, deadline - time.monotonic()))
                except TimeoutError:
                    pass
            # confirmed updates are forgotten, as Telegram does
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        return self._ok(pending[:100])

    def _record_send(self, chat_id: int, params: dict[str, Any], files: dict[str, tuple[str, bytes]], *,
                     document: bool, photo: bool = False) -> dict:
        mid = next(self._message_ids)
        rm = params.get("reply_markup")
        buttons = rm.get("inline_keyboard", []) if isinstance(rm, dict) else []
        doc = None
        if document:
            doc = files.get("document", ("file", b""))
            self.files[f"doc{mid}"] = doc  # the bot's own documents can be downloaded too
        msg = Sent(chat_id, mid, params.get("text", ""), buttons, doc, params.get("caption"), time.monotonic(),
                   photo=files.get("photo", ("photo", b"")) if photo else None)
        self.sent.setdefault(chat_id, []).append(msg)
        self.by_id[(chat_id, mid)] = msg
        return self._message_json(msg)

    def _message_json(self, msg: Sent) -> dict[str, Any]:
        d: dict[str, Any] = {
            "message_id": msg.message_id, "date": int(time.time()),
            "chat": {"id": msg.chat_id, "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Trợ lý báo cáo", "username": BOT_USERNAME},
        }
        if msg.document:
            d["document"] = {"file_id": f"doc{msg.message_id}", "file_unique_id": f"u{msg.message_id}",
                             "file_name": msg.document[0], "file_size": len(msg.document[1])}
            if msg.caption:
                d["caption"] = msg.caption
        elif msg.photo:
            d["photo"] = [{"file_id": f"photo{msg.message_id}", "file_unique_id": f"p{msg.message_id}",
                           "width": 1080, "height": 720, "file_size": len(msg.photo[1])}]
            if msg.caption:
                d["caption"] = msg.caption
        else:
            d["text"] = msg.text
        if msg.buttons:
            d["reply_markup"] = {"inline_keyboard": msg.buttons}
        return d

    # ------------------------------------------------------------------ simulated users
    def user(self, user_id: int, first_name: str = "Cán bộ", last_name: str | None = None,
             username: str | None = None) -> FakeUser:
        u = self.users.get(user_id)
        if u is None:
            u = FakeUser(self, user_id, first_name, last_name, username)
            self.users[user_id] = u
        return u

    async def push(self, update: dict[str, Any]) -> int:
        uid = next(self._update_ids)
        update["update_id"] = uid
        async with self._cond:
            self.updates.append(update)
            self._cond.notify_all()
        return uid

    def messages(self, chat_id: int) -> list[Sent]:
        return self.sent.get(chat_id, [])

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower()]


class FakeUser:
    def __init__(self, api: FakeTelegram, user_id: int, first_name: str, last_name: str | None, username: str | None):
        self.api = api
        self.id = user_id
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self._mid = itertools.count(10_000)

    def _from(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name, "language_code": "vi"}
        if self.last_name:
            d["last_name"] = self.last_name
        if self.username:
            d["username"] = self.username
        return d

    def _message(self, **content: Any) -> dict[str, Any]:
        return {"message_id": next(self._mid), "date": int(time.time()), "chat": {"id": self.id, "type": "private"},
                "from": self._from(), **content}

    async def send(self, text: str, reply_to: dict[str, Any] | None = None) -> int:
        msg = self._message(text=text)
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        if text.startswith("/"):
            cmd = text.split()[0]
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(cmd)}]
        return await self.api.push({"message": msg})

    async def send_document(self, name: str, data: bytes, *, declared_size: int | None = None,
                            file_size: int | None = None, mime: str | None = None,
                            caption: str | None = None) -> dict[str, Any]:
        """Send a file to the bot; returns the message (to reply to). ``declared_size`` (or ``file_size``): the
        size Telegram announces, which may differ from ``data``'s, as a test of limits."""
        fid = self.api.add_file(name, data)
        size = declared_size if declared_size is not None else file_size
        doc: dict[str, Any] = {"file_id": fid, "file_unique_id": f"u{fid}", "file_name": name,
                               "file_size": len(data) if size is None else size}
        if mime:
            doc["mime_type"] = mime
        msg = self._message(document=doc, **({"caption": caption} if caption else {}))
        await self.api.push({"message": msg})
        return msg

    async def send_sticker(self) -> int:
        return await self.api.push({"message": self._message(sticker={
            "file_id": "stk", "file_unique_id": "stku", "type": "regular", "width": 512, "height": 512,
            "is_animated": False, "is_video": False})})

    async def send_photo(self) -> int:
        return await self.api.push({"message": self._message(photo=[{
            "file_id": "ph", "file_unique_id": "phu", "width": 90, "height": 90}])})

    async def press(self, text: str, *, contains: bool = True, data: str | None = None) -> int:
        """Press the newest button whose text contains ``text`` (or send raw callback ``data``)."""
        msgs = self.api.messages(self.id)
        target = None
        button = None
        if data is None:
            for m in reversed(msgs):
                for row in m.buttons:
                    for b in row:
                        if (text in b["text"]) if contains else (b["text"] == text):
                            target, button = m, b
                            break
                    if button:
                        break
                if button:
                    break
            if button is None:
                raise AssertionError(f"no button «{text}» in the messages to {self.id}")
            data = button["callback_data"]
        else:
            target = msgs[-1] if msgs else None
        cq = {"id": str(next(self._mid)), "from": self._from(), "chat_instance": str(self.id), "data": data}
        if target is not None:
            cq["message"] = self.api._message_json(target)
        return await self.api.push({"callback_query": cq})

    def last(self) -> Sent:
        msgs = self.api.messages(self.id)
        if not msgs:
            raise AssertionError(f"the bot sent nothing to {self.id}")
        return msgs[-1]

    def texts(self) -> list[str]:
        return [m.text for m in self.api.messages(self.id)]


class FakeSession:
    """An aiogram session that answers from a :class:`FakeTelegram` in-process, without HTTP.

    For conversation tests that feed updates to the real Dispatcher (``dp.feed_update``)."""

    def __new__(cls, api: FakeTelegram):
        from aiogram.client.session.base import BaseSession

        class _Session(BaseSession):
            async def make_request(self, bot, method, timeout=None):  # type: ignore[override]
                files: dict[str, Any] = {}
                params: dict[str, Any] = {}
                for key, value in method.model_dump(warnings=False).items():
                    prepared = self.prepare_value(value, bot=bot, files=files)
                    if prepared is not None:
                        params[key] = prepared
                blobs: dict[str, tuple[str, bytes]] = {}
                for name, f in files.items():
                    data = b""
                    async for chunk in f.read(bot):
                        data += chunk
                    blobs[name] = (getattr(f, "filename", None) or name, data)
                status, body = await api.call(method.__api_method__, params, blobs)
                response = self.check_response(bot=bot, method=method, status_code=status,
                                               content=json.dumps(body))
                return response.result

            async def close(self) -> None:
                return None

            async def stream_content(self, url, headers=None, timeout=30, chunk_size=65536, raise_for_status=True):  # type: ignore[override]
                _, _, rest = url.partition("/file/bot")
                data = api.file_at(rest.partition("/")[2])
                if data is None:
                    raise RuntimeError(f"fake Bot API: no file at {url}")
                yield data

        return _Session()
