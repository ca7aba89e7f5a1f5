"""Change notices across processes through PostgreSQL's LISTEN/NOTIFY, for deployments on PostgreSQL without Redis.

Two processes behind nginx over one database: a save answered by one reaches the pages streaming from the other at
once, as with Redis, instead of at the other page's next periodic look (``pages.HEARTBEAT``). Rate limits and the
replay memory stay each process's own (:class:`bot.web.shared.LocalStore`). One connection publishes (``pg_notify``
outside any transaction: delivered at once), one listens; both are opened on first use and reopened after a failure.
NOTIFY payloads are limited to 8,000 bytes, so the notices of one moment go in as few messages under that as fit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import orjson
from sqlalchemy.engine import make_url

from bot.web.shared import Listening, send_or_keep

log = logging.getLogger("bot.web")
PING = 30.0  # seconds between the listener's looks at its connection
PAYLOAD_MAX = 7000  # bytes a NOTIFY message carries here (PostgreSQL's limit: 8,000)


def asyncpg_dsn(database_url: str) -> str:
    """``postgresql+asyncpg://u:p@h/db`` as asyncpg's own DSN (no driver name; the password kept)."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def channel_name(prefix: str) -> str:
    """A channel identifier from the key prefix: letters, digits and underscores, at most 63 bytes."""
    clean = "".join(c if c.isascii() and c.isalnum() else "_" for c in prefix.lower())
    return ("baocao_" + clean)[:63]


def chunks(batch: list[tuple[int, dict[str, Any]]], limit: int = PAYLOAD_MAX) -> list[bytes]:
    """The notices as JSON lists, each under ``limit`` bytes (a notice is a few dozen bytes)."""
    out: list[bytes] = []
    part: list[bytes] = []
    size = 2
    for sid, n in batch:
        one = orjson.dumps({**n, "sub": sid})
        if part and size + len(one) + 1 > limit:
            out.append(b"[" + b",".join(part) + b"]")
            part, size = [], 2
        part.append(one)
        size += len(one) + 1
    if part:
        out.append(b"[" + b",".join(part) + b"]")
    return out


class PgNoticeStore(Listening):
    """The process's own limits and replay memory; change notices through LISTEN/NOTIFY on the bot's database."""

    shared = False  # limits and replay memory are not shared: only the notices are

    def __init__(self, database_url: str, prefix: str) -> None:
        super().__init__(self._notified_once)
        self.dsn = asyncpg_dsn(database_url)
        self.channel = channel_name(prefix)
        self._outbox: list[tuple[int, dict[str, Any]]] = []  # notices waiting for the next send
        self._flush: asyncio.Task | None = None
        self._pub: Any = None  # asyncpg connection that sends
        self._pub_lock = asyncio.Lock()
        self._sending: set[asyncio.Task] = set()

    async def publish(self, sub_id: int, notice: dict[str, Any]) -> None:
        """Sent in the background: the save's answer does not wait for the database's round trip (a notice only
        tells the other pages to look; what changed is already committed). The notices given while a send is
        waiting to start go with it: one task and one NOTIFY a moment, not one a save."""
        self._outbox.append((sub_id, notice))
        if self._flush is None or self._flush.done():
            self._schedule()

    def _schedule(self) -> None:
        self._flush = asyncio.create_task(self._send_outbox())
        self._sending.add(self._flush)
        self._flush.add_done_callback(self._sending.discard)

    async def _send_outbox(self) -> None:
        await asyncio.sleep(0)  # the other saves answered in this moment add their notices first
        batch, self._outbox = self._outbox, []
        if not batch:
            return
        await send_or_keep(self._send, batch, self.hub)
        if self._outbox:  # notices given while this one was sending
            self._schedule()

    async def _send(self, batch: list[tuple[int, dict[str, Any]]]) -> None:
        import asyncpg

        async with self._pub_lock:
            if self._pub is None or self._pub.is_closed():
                self._pub = await asyncpg.connect(self.dsn, timeout=2)
            try:
                for payload in chunks(batch):
                    await self._pub.execute("SELECT pg_notify($1, $2)", self.channel, payload.decode())
            except Exception:
                with contextlib.suppress(Exception):
                    await self._pub.close()
                self._pub = None
                raise

    def _heard(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        try:
            for notice in orjson.loads(payload):
                self.hub.deliver(int(notice.get("sub", 0)), notice)
        except (orjson.JSONDecodeError, TypeError, ValueError, AttributeError) as e:
            log.warning("web change notice unreadable (%s)", e)

    async def _notified_once(self) -> None:
        """One listening connection per process; each notice fans out to this process's listening pages."""
        import asyncpg

        conn = await asyncpg.connect(self.dsn, timeout=2)
        try:
            lost = asyncio.get_running_loop().create_future()
            conn.add_termination_listener(lambda _c: lost.done() or lost.set_result(None))
            await conn.add_listener(self.channel, self._heard)
            self._ready.set()
            while not lost.done():  # a look every PING seconds finds a connection dropped without a word
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(lost), PING)
                if not lost.done():
                    await conn.fetchval("SELECT 1", timeout=5)
            raise ConnectionError("the listening connection closed")
        finally:
            with contextlib.suppress(Exception):
                await conn.close()

    async def close(self) -> None:
        if self._sending:  # the notices already given are sent before the connection closes
            await asyncio.wait(set(self._sending), timeout=5)
        await self._stop_reader()
        if self._pub is not None:
            with contextlib.suppress(Exception):
                await self._pub.close()
