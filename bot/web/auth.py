"""Who is at the web form, and may they do this: signed links, Mini App init data, sessions, CSRF, rate limits.

Everything signed here uses one key (``Settings.web_key``: WEB_SECRET, else derived from the bot token), with
the token's purpose inside the signed payload so a link can never be used as a session or the reverse.

- **Signed link** ``/web/l/<token>``: ``{"k": "l", "i": link id, "a": account, "p": period, "e": expiry}``. The
  signature and expiry are checked first (no database), then the ``web_links`` row: present, same account and
  period, not revoked (``baocao link revoke``), not expired.
- **Mini App**: Telegram's init data, checked with aiogram's ``safe_parse_webapp_init_data`` (HMAC-SHA256 with
  the key HMAC("WebAppData", bot token)), and ``auth_date`` no older than WEB_INITDATA_MAX_AGE.
- **Session**: a signed cookie ``{"k": "s", "a", "p", "l", "e", "n"}`` (``n`` a random session id). Writes need
  the header ``X-CSRF-Token`` (an HMAC of the session id, printed in the page) and a request id never seen
  before in that session (a replayed request is refused).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

COOKIE = "bc_web"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(key: bytes, payload: dict[str, Any]) -> str:
    body = _b64(orjson.dumps(payload))
    mac = hmac.new(key, body.encode(), hashlib.sha256).digest()
    return f"{body}.{_b64(mac)}"


def unsign(key: bytes, token: str, kind: str, *, now: float | None = None) -> dict[str, Any] | None:
    """The payload of a token of this ``kind`` whose signature holds and which has not expired; else None."""
    if not token or len(token) > 600 or token.count(".") != 1:
        return None
    body, mac = token.split(".")
    want = hmac.new(key, body.encode(), hashlib.sha256).digest()
    try:
        if not hmac.compare_digest(_unb64(mac), want):
            return None
        payload = orjson.loads(_unb64(body))
    except (ValueError, orjson.JSONDecodeError):
        return None
    if not isinstance(payload, dict) or payload.get("k") != kind:
        return None
    exp = payload.get("e")
    if not isinstance(exp, int | float) or exp <= (now if now is not None else time.time()):
        return None
    return payload


def link_token(key: bytes, link_id: str, account_id: int, period_id: int | None, expires_at: datetime) -> str:
    return sign(key, {"k": "l", "i": link_id, "a": account_id, "p": period_id, "e": int(expires_at.timestamp())})


@dataclass(frozen=True)
class Session:
    account_id: int
    period_id: int | None
    link_id: str | None
    expires: int
    sid: str

    def csrf(self, key: bytes) -> str:
        return _csrf(key, self.sid)


@functools.lru_cache(maxsize=20000)
def _csrf(key: bytes, sid: str) -> str:
    return hmac.new(key, b"csrf:" + sid.encode(), hashlib.sha256).hexdigest()[:40]


def new_session(key: bytes, account_id: int, period_id: int | None, link_id: str | None, expires: float) -> tuple[Session, str]:
    s = Session(account_id, period_id, link_id, int(expires), secrets.token_urlsafe(12))
    return s, sign(key, {"k": "s", "a": s.account_id, "p": s.period_id, "l": s.link_id, "e": s.expires, "n": s.sid})


_READ: dict[tuple[bytes, str], Session] = {}  # cookies whose signature was checked: their session (the HMAC once)


def read_session(key: bytes, cookie: str | None, *, now: float | None = None) -> Session | None:
    """The session of a signed cookie that has not expired; else None. A cookie's signature is checked once per
    process (the same string under the same key reads the same way); its expiry at every call."""
    hit = _READ.get((key, cookie or ""))
    if hit is not None:
        return hit if hit.expires > (now if now is not None else time.time()) else None
    p = unsign(key, cookie or "", "s", now=now)
    if p is None or not isinstance(p.get("a"), int) or not isinstance(p.get("n"), str):
        return None
    period = p.get("p") if isinstance(p.get("p"), int) else None
    link = p.get("l") if isinstance(p.get("l"), str) else None
    sess = Session(p["a"], period, link, int(p["e"]), p["n"])
    if isinstance(p["e"], int) and cookie:  # an integer expiry reads back the same from the cache
        if len(_READ) >= 20000:
            _READ.clear()
        _READ[(key, cookie)] = sess
    return sess


@dataclass(frozen=True)
class TelegramUser:
    id: int
    full_name: str
    username: str | None


def verify_init_data(init_data: str, bot_token: str, *, max_age: float, now: float | None = None) -> TelegramUser | None:
    """The Telegram user of a Mini App's init data, or None: forged (HMAC), without a user, or stale."""
    from aiogram.utils.web_app import safe_parse_webapp_init_data

    if not init_data or len(init_data) > 4096 or not bot_token:
        return None
    try:
        data = safe_parse_webapp_init_data(bot_token, init_data)
    except (ValueError, TypeError, KeyError):
        return None
    if data.user is None:
        return None
    age = (now if now is not None else time.time()) - data.auth_date.timestamp()
    if age > max_age or age < -300:  # stale, or stamped in the future
        return None
    u = data.user
    name = " ".join(x for x in (u.first_name, u.last_name) if x)
    return TelegramUser(u.id, name, u.username)


def make_init_data(bot_token: str, user: dict[str, Any], *, auth_date: int | None = None, **extra: str) -> str:
    """Init data as Telegram signs it (for tests, the benchmark and the demo: a client of our own server)."""
    from urllib.parse import urlencode

    fields = {"auth_date": str(auth_date if auth_date is not None else int(time.time())),
              "query_id": "AAF" + secrets.token_hex(6), "user": orjson.dumps(user).decode(), **extra}
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


class RateLimiter:
    """A token bucket per key (an account, or an address for the ways in): ``rate`` per second, ``burst`` at once."""

    def __init__(self, rate: float, burst: float, *, clock=time.monotonic, max_keys: int = 50000):
        self.rate, self.burst, self.clock, self.max_keys = rate, burst, clock, max_keys
        self.buckets: OrderedDict[Any, tuple[float, float]] = OrderedDict()

    def allow(self, key: Any, cost: float = 1.0) -> bool:
        now = self.clock()
        tokens, at = self.buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        ok = tokens >= cost
        self.buckets[key] = (tokens - cost if ok else tokens, now)
        if len(self.buckets) > self.max_keys:
            self.buckets.popitem(last=False)
        return ok


class SeenRequests:
    """Request ids already handled, per session, for a while: a replayed write is refused."""

    def __init__(self, ttl: float = 6 * 3600, max_items: int = 200000, *, clock=time.monotonic):
        self.ttl, self.max_items, self.clock = ttl, max_items, clock
        self.seen: OrderedDict[tuple[str, str], float] = OrderedDict()

    def first_time(self, sid: str, request_id: str) -> bool:
        now = self.clock()
        while self.seen:
            k, at = next(iter(self.seen.items()))
            if now - at <= self.ttl and len(self.seen) <= self.max_items:
                break
            self.seen.popitem(last=False)
        key = (sid, request_id)
        if key in self.seen:
            return False
        self.seen[key] = now
        return True
