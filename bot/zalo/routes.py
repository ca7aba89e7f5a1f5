"""The Zalo adapter's HTTP routes on the bot's web server: the webhook (the secret header checked) and the
files served by expiring links. ``setup_routes(app, runtime)`` mounts both on any aiohttp application."""

from __future__ import annotations

import hmac
import json
import logging
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.zalo import files

if TYPE_CHECKING:
    from bot.zalo.run import ZaloRuntime

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Bot-Api-Secret-Token"


def unwrap(body: Any) -> list[dict[str, Any]]:
    """The updates in a webhook body: ``{"ok": true, "result": {…}}`` as the documents show, or the update itself,
    or a list of either."""
    items = body if isinstance(body, list) else [body]
    out = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("result"), dict | list):
            out.extend(unwrap(item["result"]))
        elif isinstance(item, dict) and "message" in item:
            out.append(item)
    return out


def setup_routes(app: web.Application, runtime: ZaloRuntime) -> None:
    settings = runtime.services.settings
    secret = settings.zalo_secret

    async def webhook(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
            log.warning("Zalo webhook refused: wrong or missing %s from %s", SECRET_HEADER, request.remote)
            return web.json_response({"ok": False, "description": "forbidden"}, status=403)
        try:
            body = json.loads(await request.read())
        except ValueError:
            return web.json_response({"ok": False, "description": "bad json"}, status=400)
        for zu in unwrap(body):
            await runtime.bridge.handle(zu)  # answered once handled: an update in hand when the process dies is
        return web.json_response({"ok": True})  # … delivered again (if Zalo retries) and deduplicated

    app.router.add_post(settings.zalo_webhook_path, webhook)
    files.setup_file_routes(app, runtime.services)
