"""The one bridge between Zalo and the conversation: a Zalo update becomes the aiogram update the Telegram
handlers already answer, fed to the same Dispatcher with the Zalo bot — no second copy of any flow.

- A typed text that picks from the menu last shown (a number, an option's or a command's words, see
  ``render.py``) becomes the button press (a callback query with that button's data); any other text stays a
  message (an answer, a command such as /baocao).
- A person writing for the first time gets an account (a synthetic address, ``storage/channels.py``); an
  invite code typed (Zalo has no deep link with a start parameter, docs/zalo.md) is read as ``/start <code>`` —
  without regard to case or spaces, or found in a pasted invite message or link (``invite_candidates``).
- Pictures, stickers and anything else are handed on as a picture, which the fallback answers with what to
  type instead. Group chats are ignored (a Zalo bot cannot join groups).
The update id is derived from Zalo's message id, so a webhook delivered twice is handled once (the same check
as Telegram's redelivery)."""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
from collections import OrderedDict
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bot.services import Services
from bot.zalo.render import pick
from storage.channels import Channels
from storage.repo import Repo

log = logging.getLogger(__name__)

_local_ids = itertools.count(1)


def update_id(message_id: Any) -> int:
    if message_id in (None, ""):
        return -next(_local_ids)
    return int.from_bytes(hashlib.sha256(str(message_id).encode()).digest()[:6], "big")


class Addresses:
    """Account address → Zalo id, filled by incoming updates, read from the database when missing."""

    def __init__(self, services: Services, size: int = 50_000):
        self.services = services
        self._map: OrderedDict[int, str] = OrderedDict()
        self.size = size

    def remember(self, chat_id: int, zid: str) -> None:
        self._map[chat_id] = zid
        self._map.move_to_end(chat_id)
        if len(self._map) > self.size:
            self._map.popitem(last=False)

    async def __call__(self, chat_id: int) -> str | None:
        zid = self._map.get(chat_id)
        if zid is None:
            async with self.services.db.read_session() as s:
                zid = await Channels(s).address(chat_id, "zalo")
            if zid is not None:
                self.remember(chat_id, zid)
        return zid


class Bridge:
    def __init__(self, services: Services, dp: Dispatcher, bot: Bot, addresses: Addresses, on_new=None):
        self.services, self.dp, self.bot, self.addresses = services, dp, bot, addresses
        self.on_new = on_new  # called with the address of an account seen on Zalo (the router's linked set)

    async def handle(self, zu: dict[str, Any]) -> None:
        msg = zu.get("message") if isinstance(zu.get("message"), dict) else None
        if msg is None:
            return
        sender, chat = msg.get("from") or {}, msg.get("chat") or {}
        if str(chat.get("chat_type", "PRIVATE")).upper() not in ("PRIVATE", "USER"):
            return
        zid = str(sender.get("id") or chat.get("id") or "")
        if not zid:
            return
        name = str(sender.get("display_name") or sender.get("first_name") or sender.get("name") or "")[:255]
        async with self.services.db.session() as s:
            ident = await Channels(s).ensure_identity("zalo", zid, name, self.services.now())
            now = self.services.now()
            if ident.link.last_seen is None or (now - ident.link.last_seen).total_seconds() > 60:
                ident.link.last_seen = now  # (which identity reaches an account: the one seen last)
            acc, menu = ident.account, ident.link.menu
            if acc.blocked:  # blocked on Telegram perhaps, but writing here: reachable again (Telegram's own rule)
                acc.blocked = False
            if ident.new:
                log.info("new Zalo user %s (%s): account %s", zid, name, acc.id)
            if zid in self.services.settings.zalo_admin_ids and acc.role != "admin":
                acc.role = "admin"
            text = msg.get("text") if isinstance(msg.get("text"), str) else None
            code = await _invite_code(s, text) if text is not None and acc.unit_id is None else None
            if code is not None:
                text = f"/start {code}"
            address = acc.telegram_id
            await s.commit()
        self.addresses.remember(address, zid)
        if self.on_new is not None:
            self.on_new(address)
        raw = self.raw_update(zu, msg, address, name, text, menu)
        await self.dp.feed_update(self.bot, Update.model_validate(raw, context={"bot": self.bot}), channel="zalo")

    def raw_update(self, zu: dict[str, Any], msg: dict[str, Any], address: int, name: str, text: str | None,
                   menu: dict[str, Any] | None) -> dict[str, Any]:
        uid = update_id(msg.get("message_id"))
        try:
            date = int(msg.get("date") or 0) // 1000 or int(datetime.now(UTC).timestamp())
        except (TypeError, ValueError):
            date = int(datetime.now(UTC).timestamp())
        user = {"id": address, "is_bot": False, "first_name": name or "Người dùng Zalo"}
        chat = {"id": address, "type": "private"}
        data = pick(menu, text) if text else None
        if data is not None:
            shown = {"message_id": int((menu or {}).get("mid") or 0), "date": date, "chat": chat,
                     "text": (menu or {}).get("text") or "…"}
            return {"update_id": uid, "callback_query": {"id": f"z{address}-{uid}", "from": user,
                                                         "chat_instance": "zalo", "data": data, "message": shown}}
        message: dict[str, Any] = {"message_id": abs(uid) % 2**31, "date": date, "chat": chat, "from": user}
        if text:
            message["text"] = text
        else:
            message["photo"] = [{"file_id": "zalo", "file_unique_id": "zalo", "width": 1, "height": 1}]
        return {"update_id": uid, "message": message}


_CODE = re.compile(r"[A-Za-z0-9_-]{6,64}")
_START = re.compile(r"(?:[?&]start=|/start\s+)([A-Za-z0-9_-]{6,64})", re.IGNORECASE)


def invite_candidates(text: str) -> list[str]:
    """What in a typed or pasted message could be an invite code, most likely first: the code of a pasted link
    (``?start=…``) or ``/start …``; the whole text with its spaces taken out (a code typed in groups, «AbcD
    EfgH»); each word of a pasted invite message («Mã mời: AbcDEfgH…»). Zalo has no deep link that carries a
    start parameter (docs/zalo.md), so the code reaches the bot typed."""
    t = text.strip()
    if not t or len(t) > 2000:
        return []
    out = [m.group(1) for m in _START.finditer(t)]
    joined = re.sub(r"\s+", "", t)
    if len(joined) <= 64 and _CODE.fullmatch(joined):
        out.append(joined)
    out += _CODE.findall(t)
    return list(dict.fromkeys(out))[:40]


async def _invite_code(s, text: str) -> str | None:
    """The invite code a message carries (compared without case), or None."""
    if text.strip().startswith("/") and not text.strip().lower().startswith("/start"):
        return None
    return await Repo(s).onboarding.invite_code_like(invite_candidates(text))
