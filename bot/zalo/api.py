"""A small client of the Zalo Bot API (https://bot.zapps.me/docs): ``{base}/bot{token}/{method}``, JSON in,
``{"ok": …, "result": …, "error_code": …, "description": …}`` out. See docs/zalo.md for what each call relies on."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

DEFAULT_BASE = "https://bot-api.zaloplatforms.com"
TEXT_LIMIT = 2000


class ZaloError(Exception):
    """An answer with ``ok: false`` (``code`` is Zalo's ``error_code``, an HTTP-like number), or a transport
    failure (``code`` None)."""

    def __init__(self, code: int | None, description: str, retry_after: float | None = None):
        super().__init__(f"{code}: {description}")
        self.code = code
        self.description = description
        self.retry_after = retry_after


class ZaloClient:
    def __init__(self, token: str, base_url: str = DEFAULT_BASE, *, timeout: float = 30.0):
        self.token = token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    def url(self, method: str) -> str:
        return f"{self.base_url}/bot{self.token}/{method}"

    async def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def call(self, method: str, payload: dict[str, Any] | None = None, *, timeout: float | None = None) -> Any:
        s = await self.session()
        try:
            async with s.post(self.url(method), json=payload or {},
                              timeout=aiohttp.ClientTimeout(total=timeout or self.timeout)) as r:
                try:
                    body = await r.json(content_type=None)
                except (ValueError, aiohttp.ContentTypeError):
                    body = None
                status = r.status
                retry = r.headers.get("Retry-After")
        except (TimeoutError, aiohttp.ClientError) as e:
            raise ZaloError(None, f"{type(e).__name__}: {e}") from e
        if not isinstance(body, dict):
            raise ZaloError(status if status >= 400 else 502, f"unreadable answer (HTTP {status})")
        if not body.get("ok"):
            code = int(body.get("error_code") or (status if status >= 400 else 400))
            params = body.get("parameters") or {}
            after = params.get("retry_after", retry)
            raise ZaloError(code, str(body.get("description") or "error"),
                            float(after) if after not in (None, "") else None)
        return body.get("result")

    # ------------------------------------------------------------------ the documented methods
    async def get_me(self) -> dict[str, Any]:
        return await self.call("getMe")

    async def get_updates(self, timeout: int = 30) -> list[dict[str, Any]]:
        """Long polling. The documents show one update in ``result`` (an object) and, when nothing came within
        ``timeout``, an error 408; both readings (an object or a list) are accepted."""
        try:
            res = await self.call("getUpdates", {"timeout": str(timeout)}, timeout=timeout + 15)
        except ZaloError as e:
            if e.code == 408:
                return []
            raise
        if not res:
            return []
        return [u for u in (res if isinstance(res, list) else [res]) if isinstance(u, dict)]

    async def set_webhook(self, url: str, secret_token: str) -> Any:
        return await self.call("setWebhook", {"url": url, "secret_token": secret_token})

    async def delete_webhook(self) -> Any:
        return await self.call("deleteWebhook")

    async def get_webhook_info(self) -> Any:
        return await self.call("getWebhookInfo")

    async def send_message(self, chat_id: str, text: str) -> dict[str, Any]:
        if not 1 <= len(text.encode("utf-16-le")) // 2 <= TEXT_LIMIT:
            raise ValueError(f"Zalo takes 1 to {TEXT_LIMIT} characters, not {len(text)}")
        return await self.call("sendMessage", {"chat_id": chat_id, "text": text})

    async def send_photo(self, chat_id: str, photo_url: str, caption: str | None = None) -> dict[str, Any]:
        payload = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            payload["caption"] = caption[:TEXT_LIMIT]
        return await self.call("sendPhoto", payload)

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> Any:
        return await self.call("sendChatAction", {"chat_id": chat_id, "action": action})
