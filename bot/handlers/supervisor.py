"""Supervisors: /tonghop (consolidated .docx and .xlsx) and /tiendo (who has reported)."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.services import Services
from exports import build_report
from exports.load import ExportError, load_consolidation
from storage.models import Account, Period, Unit
from storage.repo import Repo

log = logging.getLogger(__name__)

REFUSE = ("Lệnh này dành cho người tổng hợp. Bạn là cán bộ đầu mối: gõ /baocao để làm báo cáo của đơn vị mình. "
          "Nếu bạn cần quyền tổng hợp, hãy xin quản trị viên một đường dẫn mời dành cho người tổng hợp.")


class TH(CallbackData, prefix="th"):
    a: str  # card, go, outl, per, scope, o (set outline), p (set period), s (set scope)
    p: int = 0
    s: int = 0
    o: str = ""


async def edit_or_send(bot: Bot, cb: CallbackQuery, text: str, kb: InlineKeyboardMarkup | None) -> None:
    """Update the message whose button was pressed; when it cannot be edited, send a new one."""
    try:
        if cb.message is None:
            raise TelegramBadRequest(method=None, message="no message")  # type: ignore[arg-type]
        await bot.edit_message_text(text, chat_id=cb.from_user.id, message_id=cb.message.message_id, reply_markup=kb)
    except TelegramBadRequest:
        await bot.send_message(cb.from_user.id, text, reply_markup=kb)


async def allowed_scopes(repo: Repo, acc: Account) -> list[Unit] | None:
    """The supervisor's scope units; None for an administrator (everything)."""
    if acc.role == "admin":
        return None
    return await repo.scopes(acc)


async def scope_ok(repo: Repo, acc: Account, scope_id: int) -> Unit | None | bool:
    """The chosen scope unit (None = all, admins only), or False when not allowed."""
    if scope_id == 0:
        return None if acc.role == "admin" else False
    unit = await repo.unit(scope_id)
    if unit is None or not await repo.in_scope(acc, unit):
        return False
    return unit


def setup(services: Services) -> Router:
    router = Router(name="supervisor")

    async def default_choice(repo: Repo, acc: Account) -> tuple[Period | None, int]:
        periods = await repo.list_periods()
        known = [p for p in periods if p.outline_id in services.catalogue.outlines]
        if not known:
            return None, 0
        period = None
        if acc.last_outline_id:
            period = await repo.latest_period(acc.last_outline_id)
        if period is None:
            period = max(known, key=lambda p: (p.deadline, p.id))
        scopes = await allowed_scopes(repo, acc)
        scope_id = scopes[0].id if scopes else 0
        return period, scope_id

    async def card(repo: Repo, period: Period, scope_id: int) -> tuple[str, InlineKeyboardMarkup]:
        o = services.catalogue.get(period.outline_id)
        scope = await repo.unit(scope_id) if scope_id else None
        text = (f"📊 Tổng hợp báo cáo\nĐề cương: {o.short}\nKỳ: {period.label}"
                f"{' (đã đóng)' if period.status == 'closed' else ''}\nPhạm vi: {scope.name if scope else 'Tất cả đơn vị'}")
        kb = InlineKeyboardMarkup(inline_keyboard=[
            [InlineKeyboardButton(text="✅ Tổng hợp ngay", callback_data=TH(a="go", p=period.id, s=scope_id).pack())],
            [InlineKeyboardButton(text="📋 Đổi đề cương", callback_data=TH(a="outl", p=period.id, s=scope_id).pack()),
             InlineKeyboardButton(text="🗓 Đổi kỳ", callback_data=TH(a="per", p=period.id, s=scope_id).pack())],
            [InlineKeyboardButton(text="🏢 Đổi phạm vi", callback_data=TH(a="scope", p=period.id, s=scope_id).pack())],
        ])
        return text, kb

    @router.message(Command("tonghop"))
    async def cmd_tonghop(message: Message, repo: Repo, account: Account) -> None:
        if account.role not in ("supervisor", "admin"):
            await message.answer(REFUSE)
            return
        period, scope_id = await default_choice(repo, account)
        if period is None:
            await message.answer("Chưa có kỳ báo cáo nào. Quản trị viên mở kỳ bằng lệnh: baocao period open …")
            return
        if account.role == "supervisor" and scope_id == 0:
            await message.answer("Tài khoản của bạn chưa được giao đơn vị nào để tổng hợp. Hãy liên hệ quản trị viên.")
            return
        text, kb = await card(repo, period, scope_id)
        await message.answer(text, reply_markup=kb)

    @router.callback_query(TH.filter())
    async def on_th(cb: CallbackQuery, callback_data: TH, bot: Bot, repo: Repo, account: Account) -> None:
        if account.role not in ("supervisor", "admin"):
            await cb.answer(REFUSE, show_alert=True)
            return
        d = callback_data
        scope = await scope_ok(repo, account, d.s)
        if scope is False:
            await cb.answer("Bạn không có quyền tổng hợp phạm vi này.", show_alert=True)
            return
        period = await repo.period(d.p) if d.p else None
        if d.a == "o":
            period = await repo.latest_period(d.o) if d.o in services.catalogue.outlines else None
        if period is None or period.outline_id not in services.catalogue.outlines:
            await cb.answer("Kỳ báo cáo này không còn. Gõ /tonghop để chọn lại.", show_alert=True)
            return
        chat = cb.from_user.id

        async def show(text: str, kb: InlineKeyboardMarkup) -> None:
            await edit_or_send(bot, cb, text, kb)

        if d.a in ("card", "o", "p", "s"):
            await cb.answer()
            text, kb = await card(repo, period, d.s)
            await show(text, kb)
            return
        if d.a == "outl":
            await cb.answer()
            rows = []
            for oid, o in services.catalogue.outlines.items():
                if await repo.latest_period(oid) is not None:
                    rows.append([InlineKeyboardButton(text=o.short[:60], callback_data=TH(a="o", o=oid, s=d.s).pack())])
            rows.append([InlineKeyboardButton(text="⬅ Quay lại", callback_data=TH(a="card", p=period.id, s=d.s).pack())])
            await show("Chọn đề cương:", InlineKeyboardMarkup(inline_keyboard=rows))
            return
        if d.a == "per":
            await cb.answer()
            periods = list(reversed(await repo.list_periods(period.outline_id)))[:10]
            rows = [[InlineKeyboardButton(text=f"{p.label}{' (đã đóng)' if p.status == 'closed' else ''}"[:60],
                                          callback_data=TH(a="p", p=p.id, s=d.s).pack())] for p in periods]
            rows.append([InlineKeyboardButton(text="⬅ Quay lại", callback_data=TH(a="card", p=period.id, s=d.s).pack())])
            await show("Chọn kỳ báo cáo:", InlineKeyboardMarkup(inline_keyboard=rows))
            return
        if d.a == "scope":
            await cb.answer()
            options: list[Unit] = []
            roots = await allowed_scopes(repo, account)
            if roots is None:
                rows = [[InlineKeyboardButton(text="Tất cả đơn vị", callback_data=TH(a="s", p=period.id, s=0).pack())]]
                roots = [u for u in await repo.list_units() if u.parent_id is None][:20]
            else:
                rows = []
            for r in roots:
                options.append(r)
                options.extend((await repo.children(r))[:15])
            for u in options[:40]:
                rows.append([InlineKeyboardButton(text=u.name[:60], callback_data=TH(a="s", p=period.id, s=u.id).pack())])
            rows.append([InlineKeyboardButton(text="⬅ Quay lại", callback_data=TH(a="card", p=period.id, s=d.s).pack())])
            await show("Chọn phạm vi tổng hợp:", InlineKeyboardMarkup(inline_keyboard=rows))
            return
        if d.a == "go":
            await cb.answer("Đang tổng hợp…")
            account.last_outline_id = period.outline_id
            await repo.commit()
            await bot.send_message(chat, "⏳ Đang tổng hợp…")
            try:
                report = await make_report(services, period.id, scope.code if isinstance(scope, Unit) else None)
            except ExportError as e:
                await bot.send_message(chat, f"❗ Không tổng hợp được: {e}")
                return
            await bot.send_document(chat, BufferedInputFile(report.docx, filename=report.docx_name),
                                    caption="Dự thảo báo cáo tổng hợp (.docx)")
            await bot.send_document(chat, BufferedInputFile(report.xlsx, filename=report.xlsx_name),
                                    caption="Các biểu và số liệu từng đơn vị (.xlsx)")
            await bot.send_message(chat, report.summary)
            return
        await cb.answer("Nút không hợp lệ. Gõ /tonghop để bắt đầu lại.", show_alert=True)

    return router


async def make_report(services: Services, period_id: int, scope_code: str | None):
    cons = await load_consolidation(services.db, services.catalogue, period_id, scope_code)
    st = services.settings
    return await asyncio.to_thread(build_report, cons, org_name=st.org_name, org_parent=st.org_parent,
                                   place=st.org_place, on=services.today(), layout=st.doc_layout)


# --------------------------------------------------------------------------- /tiendo

PAGE = 15


class TD(CallbackData, prefix="td"):
    a: str  # show, remind, list
    p: int = 0
    s: int = 0
    pg: int = 0


def setup_progress(services: Services) -> Router:
    from dialogs.periods import left_text, local_text
    from exports.progress import period_progress

    router = Router(name="progress")

    async def open_periods_in_scope(repo: Repo, acc: Account) -> list[Period]:
        return [p for p in await repo.list_periods(status="open") if p.outline_id in services.catalogue.outlines]

    async def render(repo: Repo, acc: Account, period: Period, scope: Unit | None, page: int):
        outline = services.catalogue.get(period.outline_id)
        prog = await period_progress(repo, outline, period, scope)
        now = services.now()
        lines = [f"📈 Tiến độ «{outline.short}» — {period.label}",
                 f"Phạm vi: {scope.name if scope else 'Tất cả đơn vị'}",
                 f"Hạn nộp: {local_text(period.deadline, services.tz)} ({left_text(period.deadline, now)})",
                 f"Đã nộp {prog.submitted}/{prog.total} đơn vị ({prog.percent:.0f}%) — đúng hạn "
                 f"{prog.counts.get('on_time', 0)}, muộn {prog.counts.get('late', 0)}",
                 f"Đang làm {prog.draft} · Chưa làm {prog.not_started}"]
        missing = prog.missing
        pages = max(1, (len(missing) + PAGE - 1) // PAGE)
        page = min(max(page, 0), pages - 1)
        if missing:
            word = "Quá hạn, chưa nộp" if now >= period.deadline else "Chưa nộp"
            lines.append(f"\n{word} ({len(missing)} đơn vị){f', trang {page + 1}/{pages}' if pages > 1 else ''}:")
            for st in missing[page * PAGE:(page + 1) * PAGE]:
                what = f"đang làm {st.answered}/{st.total} câu" if st.answered else "chưa làm"
                lines.append(f"• {st.unit.name} — {what}")
        else:
            lines.append("\nTất cả đơn vị đã nộp. 👍")
        rows = []
        nav = []
        sid = scope.id if scope else 0
        if page > 0:
            nav.append(InlineKeyboardButton(text="◀ Trang trước", callback_data=TD(a="show", p=period.id, s=sid, pg=page - 1).pack()))
        if page < pages - 1:
            nav.append(InlineKeyboardButton(text="Trang sau ▶", callback_data=TD(a="show", p=period.id, s=sid, pg=page + 1).pack()))
        if nav:
            rows.append(nav)
        children = await repo.children(scope) if scope else [u for u in await repo.list_units() if u.parent_id is None]
        for ch, sub in prog.by_child(children)[:12]:
            rows.append([InlineKeyboardButton(text=f"{ch.name}: {sub.submitted}/{sub.total}"[:60],
                                              callback_data=TD(a="show", p=period.id, s=ch.id).pack())])
        if missing:
            rows.append([InlineKeyboardButton(text=f"🔔 Nhắc ngay {len(missing)} đơn vị chưa nộp",
                                              callback_data=TD(a="remind", p=period.id, s=sid).pack())])
        roots = await allowed_scopes(repo, acc)
        if scope is not None and scope.parent_id and (roots is None or all(r.id != scope.id for r in roots)):
            rows.append([InlineKeyboardButton(text="⬆ Lên cấp trên", callback_data=TD(a="show", p=period.id, s=scope.parent_id).pack())])
        return "\n".join(lines)[:4000], InlineKeyboardMarkup(inline_keyboard=rows) if rows else None

    @router.message(Command("tiendo"))
    async def cmd_tiendo(message: Message, repo: Repo, account: Account) -> None:
        if account.role not in ("supervisor", "admin"):
            await message.answer(REFUSE)
            return
        periods = await open_periods_in_scope(repo, account)
        if not periods:
            await message.answer("Hiện không có kỳ báo cáo nào đang mở. Gõ /tonghop để tổng hợp các kỳ đã đóng.")
            return
        roots = await allowed_scopes(repo, account)
        if roots == []:
            await message.answer("Tài khoản của bạn chưa được giao đơn vị nào. Hãy liên hệ quản trị viên.")
            return
        scope = roots[0] if roots else None
        if len(periods) > 1:
            rows = []
            for p in periods:
                o = services.catalogue.get(p.outline_id)
                prog = await period_progress(repo, o, p, scope)
                rows.append([InlineKeyboardButton(text=f"{o.short} — {p.label}: {prog.submitted}/{prog.total}"[:64],
                                                  callback_data=TD(a="show", p=p.id, s=scope.id if scope else 0).pack())])
            await message.answer("Các kỳ báo cáo đang mở — chọn để xem chi tiết:",
                                 reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
            return
        text, kb = await render(repo, account, periods[0], scope, 0)
        await message.answer(text, reply_markup=kb)

    @router.callback_query(TD.filter())
    async def on_td(cb: CallbackQuery, callback_data: TD, bot: Bot, repo: Repo, account: Account) -> None:
        if account.role not in ("supervisor", "admin"):
            await cb.answer(REFUSE, show_alert=True)
            return
        scope = await scope_ok(repo, account, callback_data.s)
        if scope is False:
            await cb.answer("Bạn không có quyền xem phạm vi này.", show_alert=True)
            return
        period = await repo.period(callback_data.p)
        if period is None or period.outline_id not in services.catalogue.outlines:
            await cb.answer("Kỳ báo cáo này không còn. Gõ /tiendo để xem lại.", show_alert=True)
            return
        if callback_data.a == "remind":
            await cb.answer("Đang gửi nhắc…")
            sent, failed, already = await remind_now(bot, services, repo, period, scope if isinstance(scope, Unit) else None,
                                                     press=cb.id)
            msg = f"🔔 Đã gửi {sent} tin nhắc tới cán bộ của các đơn vị chưa nộp."
            if failed:
                msg += f" {failed} tin không gửi được (cán bộ đã chặn bot hoặc lỗi), đã ghi lại."
            if already:
                msg += f" {already} đơn vị chưa có cán bộ trên bot."
            await bot.send_message(cb.from_user.id, msg)
            return
        await cb.answer()
        text, kb = await render(repo, account, period, scope if isinstance(scope, Unit) else None, callback_data.pg)
        await edit_or_send(bot, cb, text, kb)

    return router


async def remind_now(bot: Bot, services: Services, repo: Repo, period: Period, scope: Unit | None,
                     *, press: str) -> tuple[int, int, int]:
    """"Nhắc ngay": one reminder per officer of each missing unit, once per press, within the send limits."""
    import hashlib

    from bot.scheduler import start_button
    from bot.sender import Outgoing, Sender
    from dialogs.periods import left_text, local_text
    from exports.progress import period_progress

    outline = services.catalogue.get(period.outline_id)
    prog = await period_progress(repo, outline, period, scope)
    missing = prog.missing
    officers = await repo.officers_of(st.unit.id for st in missing)
    kind = "manual:" + hashlib.sha1(press.encode()).hexdigest()[:12]
    now = services.now()
    out = []
    nobody = 0
    for st in missing:
        accs = [a for a in officers.get(st.unit.id, []) if not a.blocked]
        if not accs:
            nobody += 1
        for acc in accs:
            left = f"còn {st.total - st.answered}/{st.total} câu chưa trả lời" if st.answered else "chưa trả lời câu nào"
            text = (f"🔔 Nơi tổng hợp nhắc: báo cáo «{outline.short}» — {period.label}, hạn nộp "
                    f"{local_text(period.deadline, services.tz)} ({left_text(period.deadline, now)}).\n"
                    f"Đơn vị: {st.unit.name}, {left}.")
            log_id = await repo.claim_reminder(period.id, st.unit.id, kind, acc.id, now=now, text=text)
            if log_id is None:
                continue
            out.append(Outgoing(acc.telegram_id, text, start_button(period.id), log_id))
    await repo.commit()
    report = await Sender(bot, services.db, rate=services.settings.send_rate, now=services.now).send_all(out)
    return report.sent, report.undeliverable, nobody
