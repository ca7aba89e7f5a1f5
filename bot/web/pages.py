"""Pages and API of a signed-in session: the officer's form (and its save / submit / changes API), the
supervisor's progress page, one unit's report read-only and the consolidated files."""

from __future__ import annotations

import asyncio
import functools
import hmac
import logging
from dataclasses import asdict
from typing import Any

import orjson
from aiohttp import web

from bot.flows import access
from bot.web import service, views
from bot.web.auth import Session, read_session
from bot.web.routes import (
    NoSession,
    _json_body,
    _no_session,
    _origin_ok,
    _period_arg,
    current,
    jresp,
    message,
    page,
    session_cookie,
    state,
)
from bot.web.server import _secure_headers, add_route
from dialogs.periods import left_text, local_text
from storage.models import Account
from storage.repo import Repo

log = logging.getLogger("bot.web")
UNITS_LISTED = 300
HEARTBEAT = 15.0  # seconds: a live page's keep-alive, and its look at changes made elsewhere (the chat, a file)
STREAM_SECONDS = 600.0  # a live stream ends after this; the browser opens the next one


def is_supervisor(acc: Account) -> bool:
    return access.is_supervisor(acc)


def signed_in(*, write: bool = False):
    """A handler ``(request, repo, session, account)``: the database session opened, the web session checked
    (401 without one); for a write also the CSRF token, the origin, the account's rate and a fresh request id."""

    def wrap(fn):
        @functools.wraps(fn)
        async def handler(request: web.Request) -> web.StreamResponse:
            st = state(request)
            async with st.services.db.session() as s:
                repo = Repo(s)
                try:
                    sess, acc = await current(request, repo)
                    if write:
                        refused = await _write_refused(request, sess)
                        if refused is not None:
                            return refused
                    return await fn(request, repo, sess, acc)
                except NoSession:
                    return _no_session(request)
                except service.Refused as e:
                    if request.path.startswith(st.root + "/api/"):
                        return jresp({"ok": False, "error": e.message}, e.status)
                    return message(request, "Không mở được", e.message, status=e.status)
        return handler

    return wrap


async def _write_refused(request: web.Request, sess: Session) -> web.Response | None:
    """A write's checks, before any database work: the CSRF token and origin, the account's rate (shared by the
    processes when Redis is set), a request id never seen in this session."""
    st = state(request)
    if not hmac.compare_digest(request.headers.get("X-CSRF-Token", ""), sess.csrf(st.key)) or not _origin_ok(request):
        return jresp({"ok": False, "error": "Phiên làm việc không khớp. Tải lại trang rồi thử lại."}, 403)
    rid = request.headers.get("X-Request-Id", "")
    if 8 <= len(rid) <= 64:  # the rate and the request id in one call (one round trip to Redis)
        rate, burst = st.limits["save"]
        verdict = await st.store.write_check(str(sess.account_id), rate, burst, sess.sid, rid)
    else:
        verdict = "seen" if await st.allow("save", sess.account_id) else "rate"
    if verdict == "rate":
        return jresp({"ok": False, "error": "Bạn đang gửi quá nhanh. Chờ vài giây rồi thử lại."}, 429)
    if verdict == "seen":
        return jresp({"ok": False, "error": "Yêu cầu này đã được xử lý (gửi lặp lại). Tải lại trang nếu cần."}, 409)
    return None


def _who(acc: Account) -> str:
    return acc.full_name or (f"@{acc.username}" if acc.username else "Cán bộ")


# --------------------------------------------------------------------------- the officer's form


async def form_page(request: web.Request, rep: service.Report, sess: Any, *, back: str | None = None) -> web.Response:
    st = state(request)
    services = st.services
    engine = rep.engine(services)
    answered, total = engine.progress()
    periods: list[Any] = []
    if sess.period_id is None and back is None:
        async with services.db.read_session() as s:
            periods = [p for p, _ in await service.officer_periods(services, Repo(s), rep.unit)]
    sections = views.form_sections(rep, engine)
    service.mark_upward(rep, sections)
    return page(request, "form.html", title=rep.outline.short, csrf=sess.csrf(st.key) if rep.editable else "",
                who=_who(rep.acc), unit=rep.unit, period=rep.period, outline=rep.outline, sections=sections,
                answered=answered, total=total, editable=rep.editable, why=rep.why, periods=periods, back=back,
                deadline=local_text(rep.period.deadline, services.tz),
                sub_status=views.status_vi(rep.sub.status if rep.sub else None), last_revision=rep.last_revision,
                open_sections=3)


@signed_in()
async def form(request: web.Request, repo: Repo, sess: Any, acc: Account) -> web.StreamResponse:
    try:
        rep = await service.open_report(state(request).services, repo, acc, _period_arg(request, sess))
    except service.Refused:
        if is_supervisor(acc):  # a supervisor's own unit does not answer this period: the progress page
            raise web.HTTPSeeOther(f"{state(request).root}/progress") from None
        raise
    writer = state(request).writer
    if writer is not None:
        await service.prime_saves(repo, rep, sess.link_id, writer.cache)
    return await form_page(request, rep, sess)


@signed_in()
async def unit_report(request: web.Request, repo: Repo, sess: Any, acc: Account) -> web.StreamResponse:
    """«👁 Xem»: one unit's report, read-only, for a supervisor whose scope holds it."""
    raw = request.match_info["unit_id"]
    unit = await repo.units.unit(int(raw)) if raw.isdigit() else None
    if unit is None or not is_supervisor(acc) or not await repo.accounts.in_scope(acc, unit):
        raise service.Refused("Bạn không có quyền xem báo cáo của đơn vị này.", 403)
    rep = await service.open_report(state(request).services, repo, acc, _period_arg(request, sess), unit=unit)
    back = f"{state(request).root}/progress?period={rep.period.id}"
    return await form_page(request, rep, sess, back=back)


async def _own_report(request: web.Request, repo: Repo, sess: Any, acc: Account) -> service.Report:
    return await service.open_for_write(state(request).services, repo, acc, _period_arg(request, sess))


async def api_save(request: web.Request) -> web.Response:
    """One field left: the session and the write's checks without the database, the report in one read, the
    input parsed and checked, then the write with the other saves of the moment (group commit); the pages open
    on the same report are told."""
    st = state(request)
    sess = read_session(st.key, session_cookie(request), now=st.clock())
    if sess is None:
        return _no_session(request)
    refused = await _write_refused(request, sess)
    if refused is not None:
        return refused
    body = await _json_body(request)
    try:
        period_id = _period_arg(request, sess)
    except service.Refused as e:
        return jresp({"ok": False, "error": e.message}, e.status)
    if period_id is None:  # a Mini App session that did not say which period: its only open one
        return await _save_open_period(request, body)
    assert st.writer is not None
    res = await service.save(st.services, st.writer, sess.account_id, sess.link_id, period_id, body)
    if res.gone:
        return _no_session(request)
    if res.refused is not None:
        return jresp({"ok": False, "error": res.refused.message}, res.refused.status)
    assert res.saved is not None
    if res.saved.ok and res.sub_id is not None and body.get("op") != "reason":
        await st.store.publish(res.sub_id, {"by": sess.account_id})
    return jresp(res.saved, 200 if res.saved.ok else 422)  # orjson writes the dataclass as it is


async def _save_open_period(request: web.Request, body: dict[str, Any]) -> web.StreamResponse:
    st = state(request)

    async def save(request: web.Request, repo: Repo, sess: Any, acc: Account) -> web.Response:
        rep = await _own_report(request, repo, sess, acc)
        saved = await service.save_field(st.services, repo, rep, body)
        await repo.commit()
        if saved.ok and rep.sub is not None:
            await st.store.publish(rep.sub.id, {"by": acc.id})
        return jresp(asdict(saved), 200 if saved.ok else 422)

    return await signed_in()(save)(request)


@signed_in(write=True)
async def api_submit(request: web.Request, repo: Repo, sess: Any, acc: Account) -> web.Response:
    st = state(request)
    rep = await _own_report(request, repo, sess, acc)
    sent, text = await service.submit(st.services, repo, rep)
    if sent and st.notify is not None and acc.telegram_id > 0:
        try:
            await st.notify(acc.telegram_id, text.split("\n")[0] + " (gửi từ trang web)")
        except Exception:  # noqa: BLE001 - the report is sent; a chat message that fails is only logged
            log.exception("could not tell %s in the chat", acc.telegram_id)
    return jresp({"ok": sent, "message": text, "status": views.status_vi(rep.sub.status if rep.sub else None)},
                 200 if sent else 422)


async def _watched_report(request: web.Request, repo: Repo, acc: Account, sess: Any) -> service.Report:
    """The report a page watches for other people's changes: the own unit's, or (a supervisor) a unit in scope."""
    unit_raw = request.query.get("unit", "")
    unit = await repo.units.unit(int(unit_raw)) if unit_raw.isdigit() and int(unit_raw) != acc.unit_id else None
    if unit_raw.isdigit() and int(unit_raw) != acc.unit_id and (unit is None or not is_supervisor(acc)):
        raise service.Refused("Bạn không có quyền xem báo cáo của đơn vị này.", 403)
    return await service.open_report(state(request).services, repo, acc, _period_arg(request, sess), unit=unit)


@signed_in()
async def api_changes(request: web.Request, repo: Repo, sess: Any, acc: Account) -> web.Response:
    """What other people changed in this report since revision ``after`` (polling: the pages without a stream)."""
    raw = request.query.get("after", "0")
    rep = await _watched_report(request, repo, acc, sess)
    changes = await service.changes_since(state(request).services, repo, rep, int(raw) if raw.isdigit() else 0)
    return jresp({"ok": True, "changes": changes})


@signed_in()
async def _open_watch(request: web.Request, repo: Repo, sess: Any, acc: Account) -> service.Report:
    rep = await _watched_report(request, repo, acc, sess)
    await repo.commit()
    return rep


async def api_events(request: web.Request) -> web.StreamResponse:
    """Other people's changes to this report as server-sent events (``event: change``, ``id:`` the revision), as
    soon as a save in any process publishes its notice (:mod:`bot.web.shared`); every HEARTBEAT seconds a
    comment line and a look at the database (changes made in the chat or by a file). No database connection is
    held while waiting. The stream ends after STREAM_SECONDS; the browser reconnects with Last-Event-ID."""
    st = state(request)
    rep = await _open_watch(request)
    if isinstance(rep, web.StreamResponse):  # no session, another unit's report…
        return rep
    if rep.sub is None:  # nothing to watch yet: 204 tells EventSource not to reconnect
        return web.Response(status=204)
    raw = request.headers.get("Last-Event-ID") or request.query.get("after", "0")
    after = int(raw) if raw.isdigit() else 0
    resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"})
    _secure_headers(request, resp)
    await resp.prepare(request)
    loop = asyncio.get_running_loop()
    until = loop.time() + STREAM_SECONDS
    link = read_session(st.key, session_cookie(request), now=st.clock())
    try:
        await resp.write(b"retry: 3000\n\n")
        async with st.store.listen(rep.sub.id) as queue:
            seen: int | None = await _send_changes(st, rep, after, resp)
            while seen is not None and loop.time() < until and link is not None and link.expires > st.clock():
                try:
                    notice = await asyncio.wait_for(queue.get(), HEARTBEAT)
                    mine = notice.get("by") == rep.acc.id
                    while not queue.empty():
                        mine = queue.get_nowait().get("by") == rep.acc.id and mine
                    if mine:  # the page's own save: nothing to show
                        continue
                except TimeoutError:
                    await resp.write(b": ping\n\n")
                seen = await _send_changes(st, rep, seen, resp, link)
    except ConnectionResetError:  # the page was closed
        return resp
    return resp


async def _send_changes(st: Any, rep: service.Report, after: int, resp: web.StreamResponse,
                        sess: Session | None = None) -> int | None:
    """The changes after revision ``after`` as events; a session whose link was revoked meanwhile gets none (its
    stream ends: the browser's next connection is refused)."""
    async with st.services.db.read_session() as s:
        repo = Repo(s)
        if sess is not None and await repo.web.web_session_account(sess.account_id, sess.link_id) is None:
            return None
        changes = await service.changes_since(st.services, repo, rep, after)
    for c in changes:
        await resp.write(f"id: {c['id']}\nevent: change\ndata: ".encode() + orjson.dumps(c) + b"\n\n")
        after = max(after, c["id"])
    return after


# --------------------------------------------------------------------------- the supervisor's pages


async def _supervised(request: web.Request, repo: Repo, sess: Any, acc: Account):
    """The period and scope a supervisor asks for (the first scope by default; None = all, admins only)."""
    services = state(request).services
    if not is_supervisor(acc):
        raise service.Refused("Trang này dành cho người tổng hợp. Cán bộ đầu mối: mở báo cáo của đơn vị mình.", 403)
    raw = request.query.get("scope", "")
    roots = await access.allowed_scopes(repo, acc)
    if roots == []:
        raise service.Refused("Tài khoản của bạn chưa được giao đơn vị nào. Hãy liên hệ quản trị viên.", 403)
    scope = await access.scope_ok(repo, acc, int(raw)) if raw.isdigit() else (roots[0] if roots else None)
    if scope is False:
        raise service.Refused("Bạn không có quyền xem phạm vi này.", 403)
    pid = _period_arg(request, sess)
    periods = [p for p in await repo.periods.list_periods() if p.outline_id in services.catalogue.outlines]
    if pid is not None:
        period = next((p for p in periods if p.id == pid), None)
    else:
        opened = [p for p in periods if p.status == "open"] or periods
        period = max(opened, key=lambda p: (p.deadline, p.id)) if opened else None
    if period is None:
        raise service.Refused("Chưa có kỳ báo cáo nào.", 404)
    shown = [period] if sess.period_id is not None else [p for p in periods if p.status == "open" or p.id == period.id]
    return period, scope, roots, shown


@signed_in()
async def progress(request: web.Request, repo: Repo, sess: Any, acc: Account) -> web.StreamResponse:
    from exports.progress import period_progress

    st = state(request)
    services = st.services
    period, scope, roots, shown = await _supervised(request, repo, sess, acc)
    outline = services.catalogue.get(period.outline_id)
    prog = await period_progress(repo, outline, period, scope)
    subs = []
    children = await repo.units.children(scope) if scope else [u for u in await repo.units.list_units() if u.parent_id is None]
    for sc in prog.sub_counts(children):  # the sub-units /tiendo breaks a scope into
        link = f"{st.root}/progress?period={period.id}&scope={sc.unit_id}" if sc.unit_id and sc.total > 1 else None
        subs.append({**asdict(sc), "link": link})
    units = [{"id": s.unit.id, "name": s.unit.name, "status": s.status, "text": _state_text(s)}
             for s in prog.states[:UNITS_LISTED]]
    up = None
    if scope is not None and scope.parent_id and (roots is None or all(r.id != scope.id for r in roots)):
        up = f"{st.root}/progress?period={period.id}&scope={scope.parent_id}"
    own = None  # a supervisor whose own unit also answers (a province reporting upward): its form
    if acc.unit_id is not None and sess.period_id is None:
        unit = await repo.units.unit(acc.unit_id)
        if unit is not None and await service.officer_periods(services, repo, unit):
            own = f"{st.root}/form"
    return page(request, "progress.html", title="Tiến độ", who=_who(acc), outline=outline, period=period, own=own,
                periods=shown, scope_name=scope.name if scope else "Tất cả đơn vị", scope_id=scope.id if scope else 0,
                prog=prog, on_time=prog.counts.get("on_time", 0), late=prog.counts.get("late", 0), subs=subs,
                units=units, more=max(0, len(prog.states) - UNITS_LISTED), up=up,
                deadline=local_text(period.deadline, services.tz), left=left_text(period.deadline, services.now()))


def _state_text(s: Any) -> str:
    if s.submitted:
        return ("✅ đã nộp" + (" (muộn)" if s.status == "late" else "")) + (", đã duyệt" if s.approved else "")
    if s.status == "returned":
        return f"↩ trả lại để sửa · {s.answered}/{s.total} câu"
    return f"✍️ đang làm {s.answered}/{s.total} câu" if s.answered else "○ chưa làm"


@signed_in()
async def export(request: web.Request, repo: Repo, sess: Any, acc: Account) -> web.StreamResponse:
    """The /tonghop files of the supervisor's scope: .docx or .xlsx."""
    from exports.load import ExportError

    st = state(request)
    services = st.services
    fmt = request.match_info["fmt"]
    pid = request.match_info["period_id"]
    if fmt not in ("docx", "xlsx") or not pid.isdigit():
        raise web.HTTPNotFound()
    if sess.period_id is not None and int(pid) != sess.period_id:
        raise service.Refused("Đường dẫn này chỉ dùng cho một kỳ báo cáo.", 403)
    period, scope, _, _ = await _supervised(request.clone(rel_url=request.rel_url.update_query(period=pid)),
                                            repo, sess, acc)
    await repo.commit()
    try:
        rep = await service.consolidated(services, period.id, scope.code if scope else None)
    except ExportError as e:
        raise service.Refused(f"Không tổng hợp được: {e}", 404) from None
    body, name = (rep.docx, rep.docx_name) if fmt == "docx" else (rep.xlsx, rep.xlsx_name)
    ctype = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document" if fmt == "docx"
             else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return web.Response(body=body, content_type=ctype,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


def setup(app: web.Application) -> None:
    add_route(app, "GET", "/form", form)
    add_route(app, "GET", "/unit/{unit_id}", unit_report)
    add_route(app, "POST", "/api/save", api_save)
    add_route(app, "POST", "/api/submit", api_submit)
    add_route(app, "GET", "/api/changes", api_changes)
    add_route(app, "GET", "/api/events", api_events)
    add_route(app, "GET", "/progress", progress)
    add_route(app, "GET", "/export/{period_id}/{fmt}", export)
