"""The web form's HTTP side: the two ways in (signed link, Mini App), the form and its API (save, submit,
changes), the supervisor's progress page, one unit's report read-only, the consolidated files.

Only HTTP here: who is asking (``bot/web/auth.py``), what they may see, and turning results into pages and
JSON; the questionnaire itself is ``bot/web/service.py``."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from aiohttp import hdrs, web

from bot.flows import access
from bot.flows.upward import reports_upward
from bot.web import service, views
from bot.web.auth import COOKIE, Session, new_session, read_session, unsign, verify_init_data
from bot.web.server import MAX_BODY, WEB, WebState, add_route
from storage.models import Account
from storage.repo import Repo

log = logging.getLogger("bot.web")


def is_supervisor(acc: Account) -> bool:
    return access.is_supervisor(acc)
STATIC = Path(__file__).parent / "static"
STATIC_TYPES = {".css": "text/css", ".js": "text/javascript", ".png": "image/png", ".svg": "image/svg+xml"}


def state(request: web.Request) -> WebState:
    return request.app[WEB]


def page(request: web.Request, name: str, *, status: int = 200, **ctx: Any) -> web.Response:
    st = state(request)
    html = views.render(name, root=st.root, **ctx)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def message(request: web.Request, heading: str, text: str, *, status: int = 200, **kw: Any) -> web.Response:
    return page(request, "message.html", status=status, title=heading, heading=heading, text=text, **kw)


def jresp(obj: Any, status: int = 200) -> web.Response:
    return web.Response(body=orjson.dumps(obj), status=status, content_type="application/json")


def _ip(request: web.Request) -> str:
    return state(request).client_ip(request)


# --------------------------------------------------------------------------- sessions


def _set_session(request: web.Request, resp: web.StreamResponse, acc: Account, period_id: int | None,
                 link_id: str | None, until: float) -> None:
    st = state(request)
    hours = st.services.settings.web_session_hours
    expires = min(until, st.clock() + hours * 3600)
    _, cookie = new_session(st.key, acc.id, period_id, link_id, expires)
    resp.set_cookie(COOKIE, cookie, max_age=max(1, int(expires - st.clock())), path=st.root + "/", httponly=True,
                    secure=st.secure, samesite="None" if st.secure else "Lax")


_COOKIES: dict[str, str | None] = {}  # a Cookie header → the session cookie in it (each header parsed once)


def session_cookie(request: web.Request) -> str | None:
    """The session cookie of the request, as ``request.cookies`` reads it from the Cookie header."""
    header = request.headers.get(hdrs.COOKIE, "")
    try:
        return _COOKIES[header]
    except KeyError:
        pass
    value = request.cookies.get(COOKIE)
    if len(_COOKIES) >= 20000:
        _COOKIES.clear()
    _COOKIES[header] = value
    return value


class NoSession(web.HTTPException):
    status_code = 401


async def current(request: web.Request, repo: Repo) -> tuple[Session, Account]:
    """The session's account, or a 401: no session, expired, its link revoked, the account gone."""
    st = state(request)
    sess = read_session(st.key, session_cookie(request), now=st.clock())
    acc = await repo.web.web_session_account(sess.account_id, sess.link_id) if sess else None
    if sess is None or acc is None:
        raise NoSession()
    return sess, acc


def _no_session(request: web.Request) -> web.Response:
    text = ("Phiên làm việc đã hết hạn hoặc đường dẫn đã bị thu hồi. Mở lại báo cáo bằng nút «📝 Điền trên web» "
            "trong Telegram, hoặc xin đường dẫn mới (gõ /web trong bot, hoặc hỏi quản trị viên).")
    if request.path.startswith(state(request).root + "/api/"):
        return jresp({"ok": False, "error": text}, 401)
    return message(request, "Cần mở lại báo cáo", text, status=401)


def _period_arg(request: web.Request, sess: Session) -> int | None:
    """The period asked for; a session opened by a link is bound to the link's period."""
    raw = request.query.get("period", "")
    asked = int(raw) if raw.isdigit() else None
    if sess.period_id is not None:
        if asked is not None and asked != sess.period_id:
            raise service.Refused("Đường dẫn này chỉ dùng cho một kỳ báo cáo. Xin đường dẫn mới cho kỳ khác.", 403)
        return sess.period_id
    return asked


# --------------------------------------------------------------------------- ways in


async def open_link(request: web.Request) -> web.StreamResponse:
    st = state(request)
    if not await st.allow("gate", _ip(request)):
        return message(request, "Thử lại sau", "Có quá nhiều lần mở đường dẫn từ máy này. Chờ một phút rồi thử lại.",
                       status=429)
    p = unsign(st.key, request.match_info["token"], "l", now=st.clock())
    async with st.services.db.session() as s:
        repo = Repo(s)
        link = await repo.web.web_link(p["i"]) if p and isinstance(p.get("i"), str) else None
        now = datetime.fromtimestamp(st.clock(), UTC)
        ok = (link is not None and link.revoked_at is None and link.account_id == p["a"]
              and link.period_id == p.get("p") and link.expires_at > now)
        acc = await repo.accounts.account(link.account_id) if ok else None
        if acc is None or not acc.active:
            return message(request, "Đường dẫn không dùng được",
                           "Đường dẫn này sai, đã hết hạn hoặc đã bị thu hồi. Xin đường dẫn mới: gõ /web trong bot, "
                           "hoặc nhờ quản trị viên in lại bằng lệnh «baocao link».", status=403)
        link.last_used_at = now
        await s.commit()
        target = f"{st.root}/form" + (f"?period={link.period_id}" if link.period_id else "")
        if is_supervisor(acc) and not await _upward_link(st.services, repo, acc, link.period_id):
            target = f"{st.root}/progress" + (f"?period={link.period_id}" if link.period_id else "")
        resp = web.HTTPSeeOther(target)
        _set_session(request, resp, acc, link.period_id, link.id, link.expires_at.timestamp())
        raise resp


async def _upward_link(services: Any, repo: Repo, acc: Account, period_id: int | None) -> bool:
    """A province supervisor's link to the province's own report upward (/baocaolen «🌐 Sửa trên web»): the form."""
    period = await repo.periods.period(period_id) if period_id else None
    unit = await repo.units.unit(acc.unit_id) if acc.unit_id else None
    return period is not None and reports_upward(unit, services.catalogue.outlines.get(period.outline_id))


async def miniapp(request: web.Request) -> web.Response:
    return page(request, "app.html", title="Điền báo cáo")


def _origin_ok(request: web.Request) -> bool:
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    own = f"{request.scheme}://{request.host}"
    return origin == own or origin in state(request).origins


async def _json_body(request: web.Request) -> dict[str, Any]:
    raw = await request.content.read(MAX_BODY + 1)
    if len(raw) > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=len(raw))
    try:
        body = orjson.loads(raw or b"{}")
    except orjson.JSONDecodeError:
        raise web.HTTPBadRequest(text="bad json") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="bad json")
    return body


async def telegram_login(request: web.Request) -> web.Response:
    """The Mini App's init data (checked with the bot token) → a session for that Telegram user's account."""
    st = state(request)
    if not _origin_ok(request):
        return jresp({"ok": False, "error": "Yêu cầu không đến từ trang báo cáo."}, 403)
    if not await st.allow("gate", _ip(request)):
        return jresp({"ok": False, "error": "Quá nhiều lần đăng nhập. Chờ một phút rồi thử lại."}, 429)
    body = await _json_body(request)
    user = verify_init_data(str(body.get("init_data", "")), st.bot_token or "",
                            max_age=st.services.settings.web_initdata_max_age, now=st.clock())
    if user is None:
        return jresp({"ok": False, "error": "Không xác minh được dữ liệu từ Telegram (sai hoặc đã cũ). "
                                            "Đóng trang rồi bấm lại nút «📝 Điền trên web» trong bot."}, 403)
    async with st.services.db.read_session() as s:
        acc = await Repo(s).accounts.account_by_tg(user.id)
    if acc is None or not acc.active or (acc.unit_id is None and not is_supervisor(acc)):
        return jresp({"ok": False, "error": "Tài khoản Telegram này chưa được gắn với đơn vị nào. Mở bot, gõ "
                                            "/start kèm mã mời của đơn vị rồi thử lại."}, 403)
    nxt = f"{st.root}/progress" if is_supervisor(acc) else f"{st.root}/form"
    resp = jresp({"ok": True, "next": nxt})
    _set_session(request, resp, acc, None, None, st.clock() + st.services.settings.web_session_hours * 3600)
    return resp


async def logout(request: web.Request) -> web.Response:
    resp = message(request, "Đã thoát", "Bạn đã thoát khỏi trang báo cáo. Mọi câu trả lời đã lưu vẫn được giữ.")
    resp.del_cookie(COOKIE, path=state(request).root + "/")
    return resp


async def home(request: web.Request) -> web.StreamResponse:
    st = state(request)
    if read_session(st.key, session_cookie(request), now=st.clock()) is None:
        return message(request, "Trợ lý báo cáo", "Mở báo cáo bằng nút «📝 Điền trên web» trong Telegram, hoặc bằng "
                                                 "đường dẫn bot hoặc quản trị viên gửi cho bạn.")
    raise web.HTTPSeeOther(f"{st.root}/form")


async def static(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    path = STATIC / name
    if "/" in name or name.startswith(".") or path.suffix not in STATIC_TYPES or not path.is_file():
        raise web.HTTPNotFound()
    resp = web.Response(body=path.read_bytes(), content_type=STATIC_TYPES[path.suffix])
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp


def setup_routes(app: web.Application) -> None:
    from bot.web import pages, upload

    add_route(app, "GET", "/", home)
    add_route(app, "GET", "/l/{token}", open_link)
    add_route(app, "GET", "/app", miniapp)
    add_route(app, "POST", "/tg", telegram_login)
    add_route(app, "POST", "/logout", logout)
    add_route(app, "GET", "/static/{name}", static)
    pages.setup(app)
    upload.setup(app)


