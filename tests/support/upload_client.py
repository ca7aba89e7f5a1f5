"""A browser at the web page's .xlsx upload (bot/web/upload.py), as a person uses it: open the page, pick the
file, send the form with its hidden fields, press «Áp dụng» or «Huỷ». Shared by the web and Zalo tests."""

from __future__ import annotations

import html
import re

from aiohttp import ClientSession, CookieJar, FormData

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')


def hidden(page: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _HIDDEN.findall(page)}


def text_of(page: str) -> str:
    """The page's words (tags dropped, entities decoded), for assertions."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


class Uploader:
    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.http = ClientSession(cookie_jar=CookieJar(unsafe=True))
        self.last = ""

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base + path

    async def get(self, path: str) -> tuple[int, str]:
        async with self.http.get(self.url(path)) as r:
            self.last = await r.text()
            self.final = str(r.url)
            return r.status, self.last

    async def get_bytes(self, path: str) -> tuple[int, bytes, str]:
        async with self.http.get(self.url(path)) as r:
            return r.status, await r.read(), r.headers.get("Content-Type", "")

    async def post(self, path: str, fields: dict[str, str], file: tuple[str, bytes, str] | None = None,
                   headers: dict[str, str] | None = None) -> tuple[int, str]:
        form = FormData()
        for k, v in fields.items():
            form.add_field(k, v)
        if file is not None:
            form.add_field("file", file[1], filename=file[0], content_type=file[2])
        async with self.http.post(self.url(path), data=form, headers=headers) as r:
            self.last = await r.text()
            return r.status, self.last

    async def upload(self, name: str, data: bytes, ctype: str = XLSX, *, period: int | None = None,
                     fields: dict[str, str] | None = None) -> tuple[int, str]:
        """The form of the upload page last opened, sent with this file."""
        q = f"?period={period}" if period else ""
        return await self.post(f"/web/upload{q}", fields if fields is not None else hidden(self.last),
                               (name, data, ctype))

    async def confirm(self, do: str = "apply", *, period: int | None = None) -> tuple[int, str]:
        """«Áp dụng» (``apply``) or «Huỷ» (``cancel``) on the preview last shown."""
        q = f"?period={period}" if period else ""
        return await self.post(f"/web/upload/apply{q}", {**hidden(self.last), "do": do})

    async def close(self) -> None:
        await self.http.close()
