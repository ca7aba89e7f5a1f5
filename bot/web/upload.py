"""Sending a filled /mau .xlsx from the web page — the way in for Zalo, whose bots receive no files, and for anyone
at a computer. The file goes through exactly what a file sent to the Telegram bot goes through
(``bot/template_io.py`` and ``exports/template.py`` read it, ``bot/flows/template.py`` refuses and words it);
the page then shows what would change, and only «Áp dụng» stores it (revisions ``via="web"``).

- ``GET /web/upload``: the form (a file input; CSRF token and a one-time request id as hidden fields, since a
  plain HTML form sends no headers) and the template's download.
- ``POST /web/upload``: the file read as a stream (at most ``MAX_BYTES``), checked (name and declared type, size,
  zip and inflated size, our signature, this unit and period, every cell), the per-cell errors listed, the file
  kept for an hour (``file_links``, bound to the account) and «Áp dụng» / «Huỷ» offered.
- ``POST /web/upload/apply``: «Áp dụng» reads the kept file again (the report may have changed or been locked
  meanwhile) and stores what changed; «Huỷ» forgets it.
- ``GET /web/u/<token>``: a signed link (``web_links``, one account and one period) that opens the upload page;
  Zalo's /mau sends it beside the template's link."""

from __future__ import annotations

import secrets
from typing import Any

from aiohttp import hdrs, web

from bot.flows import template as flow
from bot.template_io import XLSX_MIME, import_file
from bot.web import service
from bot.web.links import Issued, issue_link
from bot.web.pages import _who, signed_in
from bot.web.routes import _origin_ok, _period_arg, open_link, page, state
from bot.web.server import PREFIX, add_route
from exports.template import MAX_BYTES, TemplateRefused
from storage.channels import Channels
from storage.repo import Repo

UPLOAD_BODY = MAX_BYTES + 64 * 1024  # the file and the form's few fields
PENDING = "upload"  # file_links rows holding a file that waits for «Áp dụng»
PENDING_HOURS = 1.0
FIELD_MAX = 256
INTRO = ("Chọn tệp mẫu .xlsx đã điền (nhận bằng lệnh /mau trong bot, hoặc tải mẫu ở dưới). Trang đọc từng ô như "
         "khi bạn gửi tệp cho bot, báo ô nào sai, rồi cho bạn xem trước những gì sẽ thay đổi; chỉ khi bấm «Áp dụng» "
         "câu trả lời mới được lưu.")
GONE = ("Tệp chờ áp dụng không còn (đã áp dụng, đã huỷ, hoặc quá 1 giờ). Hãy chọn tệp và tải lên lại.")


class _Form:
    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.file: tuple[str, str | None, bytes] | None = None


async def _bounded(part: Any, limit: int) -> bytes | None:
    data = bytearray()
    while chunk := await part.read_chunk(64 * 1024):
        data += chunk
        if len(data) > limit:
            return None
    return bytes(data)


async def _read_form(request: web.Request) -> _Form:
    """The multipart form, read as a stream: the file at most ``MAX_BYTES``, each other field ``FIELD_MAX``."""
    form = _Form()
    if request.content_type == "application/x-www-form-urlencoded":  # «Áp dụng» / «Huỷ» without a file
        posted = await request.post()  # bounded by the form's MAX_BODY
        form.fields = {k: str(posted.get(k, ""))[:FIELD_MAX] for k in ("csrf", "rid", "token", "do") if k in posted}
        return form
    if not request.content_type.startswith("multipart/form-data"):
        raise service.Refused("Yêu cầu không đúng dạng. Tải lại trang rồi chọn tệp và gửi lại.", 400)
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if part.name == "file" and part.filename is not None:
            data = await _bounded(part, MAX_BYTES)
            if data is None:
                raise service.Refused(flow.refuse_upload(part.filename, None, MAX_BYTES + 1) or "", 413)
            form.file = (part.filename, part.headers.get(hdrs.CONTENT_TYPE), data)
        elif part.name in ("csrf", "rid", "token", "do"):
            raw = await _bounded(part, FIELD_MAX)
            form.fields[part.name] = (raw or b"").decode("utf-8", "replace")
        else:
            await part.release()
    return form


async def _check_write(request: web.Request, sess: Any, acc: Any, form: _Form) -> None:
    """CSRF (the hidden field, the Origin), the account's rate, and a request id never seen before (no replay)."""
    st = state(request)
    if form.fields.get("csrf") != sess.csrf(st.key) or not _origin_ok(request):
        raise service.Refused("Phiên làm việc không khớp. Tải lại trang rồi thử lại.", 403)
    if not await st.allow("save", acc.id, cost=5.0):  # shared by the processes when Redis is set
        raise service.Refused("Bạn đang gửi quá nhanh. Chờ vài giây rồi thử lại.", 429)
    rid = form.fields.get("rid", "")
    if not 8 <= len(rid) <= 64 or not await st.store.first_time(sess.sid, rid):
        raise service.Refused("Yêu cầu này đã được xử lý (gửi lặp lại). Tải lại trang nếu cần.", 409)


def _show(request: web.Request, rep: service.Report, sess: Any, heading: str, *, status: int = 200,
          **kw: Any) -> web.Response:
    st = state(request)
    ctx: dict[str, Any] = {"lines": [], "changes": [], "confirm": None, "ask": False, **kw}
    return page(request, "upload.html", status=status, title="Tải tệp .xlsx lên", heading=heading,
                who=_who(rep.acc), unit=rep.unit, period=rep.period, outline=rep.outline, csrf=sess.csrf(st.key),
                rid=secrets.token_urlsafe(12), **ctx)


async def _report(request: web.Request, repo: Repo, sess: Any, acc: Any) -> service.Report:
    why = flow.no_unit(acc)
    if why is not None:
        raise service.Refused(why, 403)
    return await service.open_report(state(request).services, repo, acc, _period_arg(request, sess))


@signed_in()
async def upload_page(request: web.Request, repo: Repo, sess: Any, acc: Any) -> web.Response:
    rep = await _report(request, repo, sess, acc)
    if not rep.editable:
        return _show(request, rep, sess, "Không tải tệp lên được", lines=[rep.why or "Báo cáo này không sửa được."])
    return _show(request, rep, sess, "Tải tệp .xlsx đã điền lên", lines=[INTRO], ask=True)


@signed_in()
async def template_download(request: web.Request, repo: Repo, sess: Any, acc: Any) -> web.Response:
    rep = await _report(request, repo, sess, acc)
    out = await flow.template_file(state(request).services, repo, rep.unit, rep.period, rep.outline)
    f = out.items[0]
    return web.Response(body=f.data, content_type=XLSX_MIME,
                        headers={"Content-Disposition": f'attachment; filename="{f.name}"'})


@signed_in()
async def upload_post(request: web.Request, repo: Repo, sess: Any, acc: Any) -> web.Response:
    """The file checked as the chat checks it; its errors, what it would change, «Áp dụng» / «Huỷ». Nothing stored."""
    form = await _read_form(request)
    await _check_write(request, sess, acc, form)
    rep = await _report(request, repo, sess, acc)
    if form.file is None or not form.file[2]:
        return _show(request, rep, sess, "Chưa có tệp", status=400, ask=True,
                     lines=["Chưa chọn tệp nào. Bấm «Chọn tệp», chọn tệp mẫu .xlsx đã điền rồi bấm «Tải lên và kiểm tra»."])
    name, ctype, data = form.file
    why = flow.refuse_upload(name, ctype, len(data))
    if why is not None:
        return _show(request, rep, sess, "Tệp không được nhận", status=415, lines=[why], ask=True)
    services = state(request).services
    try:
        got = await import_file(services, repo, data, unit=rep.unit, by=acc, store=False)
        if got.period.id != rep.period.id:
            raise TemplateRefused(f"Tệp này là mẫu của kỳ «{got.period.label}», không phải kỳ «{rep.period.label}» "
                                  "của trang này. Tải mẫu của kỳ này ở dưới rồi điền lại.")
    except TemplateRefused as e:
        return _show(request, rep, sess, "Tệp không được nhận", status=422, lines=[flow.refusal(e)], ask=True)
    lines = got.result.summary().split("\n")
    if not got.changed:
        lines.append("Không có câu nào thay đổi so với câu trả lời đã lưu, nên không có gì để áp dụng.")
        return _show(request, rep, sess, "Không có gì thay đổi", lines=lines, ask=True)
    row = await Channels(repo.session).add_file(acc.id, f"{PENDING}:{rep.period.id}|{name}"[:255], XLSX_MIME, data,
                                          services.now(), PENDING_HOURS)
    await repo.commit()
    return _show(request, rep, sess, "Xem trước khi lưu", lines=lines, changes=flow.change_lines(got),
                 confirm=row.token)


@signed_in()
async def upload_apply(request: web.Request, repo: Repo, sess: Any, acc: Any) -> web.Response:
    """«Áp dụng»: the kept file read again and what changed stored (via "web"); «Huỷ»: forgotten."""
    form = await _read_form(request)
    await _check_write(request, sess, acc, form)
    rep = await _report(request, repo, sess, acc)
    services = state(request).services
    token = form.fields.get("token", "")
    ch = Channels(repo.session)
    row = await ch.file(token) if token else None
    if row is None or row.account_id != acc.id or not row.filename.startswith(f"{PENDING}:{rep.period.id}|") \
            or row.expires_at <= services.now():
        return _show(request, rep, sess, "Không còn tệp để áp dụng", status=410, lines=[GONE], ask=True)
    data = row.data
    await ch.drop_file(token)
    if form.fields.get("do") == "cancel":
        await repo.commit()
        return _show(request, rep, sess, "Đã huỷ", lines=["Đã huỷ: chưa lưu gì từ tệp này."], ask=True)
    try:
        got = await import_file(services, repo, data, unit=rep.unit, by=acc, via="web")
    except TemplateRefused as e:
        await repo.commit()  # the refused file is forgotten; nothing of it was stored
        return _show(request, rep, sess, "Chưa lưu", status=422, lines=[flow.refusal(e)], ask=True)
    await flow.late_change(services, repo, acc, got)
    await repo.commit()
    lines = [*got.text().split("\n"), "Xem lại và gửi báo cáo trên trang báo cáo, hoặc gõ /baocao trong bot."]
    return _show(request, rep, sess, "Đã lưu", lines=lines)


async def open_upload_link(request: web.Request) -> web.StreamResponse:
    """``/u/<token>``: the signed link checked exactly as ``/l/<token>`` (``routes.open_link``), then the upload page."""
    try:
        return await open_link(request)
    except web.HTTPSeeOther as e:
        e.headers[hdrs.LOCATION] = f"{state(request).root}/upload"
        raise


async def issue_upload_link(services: Any, repo: Repo, acc: Any, period_id: int, *, hours: float) -> Issued:
    """A signed link (one account, one period, ``hours``) that opens the upload page; the caller commits."""
    issued = await issue_link(services, repo, acc, period_id, hours=hours)
    return Issued(issued.link, issued.url.replace(f"{PREFIX}/l/", f"{PREFIX}/u/", 1))


def setup(app: web.Application) -> None:
    add_route(app, "GET", "/u/{token}", open_upload_link)
    add_route(app, "GET", "/upload", upload_page)
    add_route(app, "GET", "/upload/template", template_download)
    add_route(app, "POST", "/upload", upload_post, body_limit=UPLOAD_BODY)  # a file (the other routes: MAX_BODY)
    add_route(app, "POST", "/upload/apply", upload_apply)
