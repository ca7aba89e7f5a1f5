"""Files and pictures by link: Zalo delivers no documents to or from a bot, so a .docx, .xlsx or picture the bot
would send is stored and served by the bot's web server under an unguessable link made for one person.

The link is ``{WEB_BASE_URL}/zalo/f/{ref}/{token}/{file name}``: ``token`` is 256 random bits naming the file,
``ref`` names the person it was made for (an HMAC of their account id). A link is refused (410) after
``FILE_LINK_HOURS``, and refused (403) when its person does not match the file's, or no longer may see it
(blocked, deactivated, or moved to another unit or role since the link was made)."""

from __future__ import annotations

import hashlib
import hmac
import logging
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from aiohttp import web

from bot.services import Services
from storage.channels import Channels
from storage.models import Account

log = logging.getLogger(__name__)

PREFIX = "/zalo/f"


def person_ref(services: Services, account_id: int) -> str:
    key = services.settings.template_key().encode()
    return hmac.new(key, f"file-link:{account_id}".encode(), hashlib.sha256).hexdigest()[:16]


def base_url(services: Services) -> str:
    s = services.settings
    if s.web_base_url:
        return s.web_base_url.rstrip("/")
    return f"http://{s.web_host or '127.0.0.1'}:{s.web_port or s.webhook_port}"


@dataclass
class Link:
    url: str
    expires_at: datetime


def _scope(acc: Account) -> str:
    return f"{acc.role}:{acc.unit_id}"


async def make_link(services: Services, chat_id: int, filename: str, data: bytes) -> Link | None:
    """Store ``data`` for the account whose address is ``chat_id``; the link, or None when no such account."""
    now = services.now()
    ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    async with services.db.session() as s:
        from storage.repo import Repo

        acc = await Repo(s).accounts.account_by_tg(chat_id)
        if acc is None:
            return None
        # the person's role and unit when the link was made: a link dies when they change
        row = await Channels(s).add_file(acc.id, f"{_scope(acc)}|{filename}"[:255], ctype, data, now,
                                         services.settings.file_link_hours)
        await s.commit()
        url = f"{base_url(services)}{PREFIX}/{person_ref(services, acc.id)}/{row.token}/{quote(filename)}"
        return Link(url, row.expires_at)


def setup_file_routes(app: web.Application, services: Services) -> None:
    async def serve(request: web.Request) -> web.StreamResponse:
        token, ref = request.match_info["token"], request.match_info["ref"]
        async with services.db.read_session() as s:
            row = await Channels(s).file(token)
            acc = await s.get(Account, row.account_id) if row is not None else None
        if row is None or acc is None:
            raise web.HTTPNotFound(text="Không có tệp này. Hãy gõ lại lệnh trong Zalo để nhận đường dẫn mới.")
        scope, _, filename = row.filename.partition("|")
        if not hmac.compare_digest(ref, person_ref(services, acc.id)) or acc.blocked or not acc.active \
                or scope != _scope(acc):
            log.warning("file link %s… refused: not its person", token[:6])
            raise web.HTTPForbidden(text="Đường dẫn này dành cho người khác. Hãy tự gõ lệnh trong Zalo để nhận tệp.")
        if row.expires_at <= services.now():
            raise web.HTTPGone(text="Đường dẫn đã hết hạn. Hãy gõ lại lệnh trong Zalo (ví dụ /tonghop, /mau) "
                                    "để nhận đường dẫn mới.")
        disposition = "inline" if row.content_type.startswith("image/") else "attachment"
        return web.Response(body=row.data, content_type=row.content_type, headers={
            "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(filename)}",
            "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})

    app.router.add_get(PREFIX + "/{ref}/{token}/{name}", serve)
    app.router.add_get(PREFIX + "/{ref}/{token}", serve)
