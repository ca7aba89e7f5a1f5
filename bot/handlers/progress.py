"""/tiendo: who has submitted, page by page, down the unit tree; «Nhắc ngay» reminds the late ones."""

from __future__ import annotations

import asyncio
import hashlib

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.callbacks import ProgressButton, ReviewButton
from bot.handlers.access import REFUSE, allowed_scopes, is_supervisor, pressed_scope
from bot.keyboards import edit_or_send
from bot.services import Services
from dialogs.periods import left_text, local_text
from exports.progress import Progress, period_progress
from exports.upward import level_counts
from storage.models import Account, Period, Unit
from storage.repo import Repo

PAGE = 15


async def open_periods_in_scope(services: Services, repo: Repo) -> list[Period]:
    return [p for p in await repo.periods.list_periods(status="open") if p.outline_id in services.catalogue.outlines]


def _button(text: str, data: ProgressButton) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def progress_lines(services: Services, period: Period, prog: Progress, scope: Unit | None, page: int,
                   pages: int) -> list[str]:
    now = services.now()
    lines = [f"📈 Tiến độ «{prog.outline.short}» — {period.label}",
             f"Phạm vi: {scope.name if scope else 'Tất cả đơn vị'}",
             f"Hạn nộp: {local_text(period.deadline, services.tz)} ({left_text(period.deadline, now)})",
             f"Đã nộp {prog.submitted}/{prog.total} đơn vị ({prog.percent:.0f}%) — đúng hạn "
             f"{prog.counts.get('on_time', 0)}, muộn {prog.counts.get('late', 0)}",
             f"Đang làm {prog.draft} · Chưa làm {prog.not_started}"
             + (f" · Đã duyệt {prog.approved}" if prog.approved else "")]
    missing = prog.missing
    if missing:
        word = "Quá hạn, chưa nộp" if now >= period.deadline else "Chưa nộp"
        lines.append(f"\n{word} ({len(missing)} đơn vị){f', trang {page + 1}/{pages}' if pages > 1 else ''}:")
        for st in missing[page * PAGE:(page + 1) * PAGE]:
            what = f"đang làm {st.answered}/{st.total} câu" if st.answered else "chưa làm"
            lines.append(f"• {st.unit.name} — {what}")
    else:
        lines.append("\nTất cả đơn vị đã nộp. 👍")
    return lines


async def render(services: Services, repo: Repo, acc: Account, period: Period, scope: Unit | None, page: int):
    prog = await period_progress(repo, services.catalogue.get(period.outline_id), period, scope)
    missing = prog.missing
    pages = max(1, (len(missing) + PAGE - 1) // PAGE)
    page = min(max(page, 0), pages - 1)
    lines = progress_lines(services, period, prog, scope, page, pages)
    lines[5:5] = await regime_lines(services, repo, period, prog, scope)
    rows = []
    nav = []
    sid = scope.id if scope else 0
    if page > 0:
        nav.append(_button("◀ Trang trước", ProgressButton(action="page", period=period.id, scope=sid, page=page - 1)))
    if page < pages - 1:
        nav.append(_button("Trang sau ▶", ProgressButton(action="page", period=period.id, scope=sid, page=page + 1)))
    if nav:
        rows.append(nav)
    children = await scope_children(repo, scope)
    for ch, sub in prog.by_child(children)[:12]:
        rows.append([_button(f"{ch.name}: {sub.submitted}/{sub.total}"[:60],
                             ProgressButton(action="show", period=period.id, scope=ch.id))])
    rows += view_buttons(prog, period, missing[page * PAGE:(page + 1) * PAGE])
    if missing:
        rows.append([_button(f"🔔 Nhắc ngay {len(missing)} đơn vị chưa nộp",
                             ProgressButton(action="remind", period=period.id, scope=sid))])
    roots = await allowed_scopes(repo, acc)
    if scope is not None and scope.parent_id and (roots is None or all(r.id != scope.id for r in roots)):
        rows.append([_button("⬆ Lên cấp trên", ProgressButton(action="show", period=period.id, scope=scope.parent_id))])
    return "\n".join(lines)[:4000], InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


async def regime_lines(services: Services, repo: Repo, period: Period, prog: Progress, scope: Unit | None) -> list[str]:
    """Timeliness as the reporting regime counts it, per level: on time, late, missing (Nghị định 09/2019/NĐ-CP)."""
    levels = await level_counts(repo, prog.outline, period, prog.states, scope, services.now())
    lines = []
    for lv in levels:
        head = "Cấp xã" if lv.level == "commune" else "Cấp tỉnh gửi lên"
        line = (f"{head}: {lv.sent}/{lv.total} — đúng hạn {lv.on_time}, muộn {lv.late}, thiếu {lv.missing}"
                + (f", chưa đến hạn {lv.pending}" if lv.pending else "")
                + f" (hạn {local_text(lv.deadline, services.tz)})")
        if lv.level == "province" and lv.missing_names:
            line += "\n  Thiếu: " + ", ".join(lv.missing_names[:10])
        lines.append(line)
    return lines if period.level_deadlines or len(levels) > 1 else []


async def scope_children(repo: Repo, scope: Unit | None) -> list[Unit]:
    """The sub-units /tiendo breaks a scope into: its children, or the top-level units for everything."""
    return await repo.units.children(scope) if scope else [u for u in await repo.units.list_units() if u.parent_id is None]


async def send_picture(bot: Bot, chat_id: int, services: Services, repo: Repo, period: Period,
                       scope: Unit | None) -> None:
    """/tiendo's picture: submitted / in progress / not started per sub-unit of ``scope`` (rendered in a thread)."""
    from exports.charts import progress_chart

    outline = services.catalogue.get(period.outline_id)
    prog = await period_progress(repo, outline, period, scope)
    rows = prog.sub_counts(await scope_children(repo, scope))
    if not rows:
        return
    await repo.commit()  # nothing is held open while the picture is drawn
    levels = [x.split("\n")[0] for x in await regime_lines(services, repo, period, prog, scope)]
    await repo.commit()
    png = await asyncio.to_thread(progress_chart, rows, title=outline.short, period=period.label,
                                  scope=scope.name if scope else "Tất cả đơn vị", deadline=period.deadline,
                                  now=services.now(), tz=services.tz, levels=levels)
    caption = f"📊 Tiến độ theo đơn vị — {scope.name if scope else 'tất cả đơn vị'}"
    await bot.send_photo(chat_id, BufferedInputFile(png, filename="tien-do.png"), caption=caption[:1000])

def view_buttons(prog: Progress, period: Period, listed: list) -> list[list[InlineKeyboardButton]]:
    """"👁 Xem" a unit's report (/xem): the units that submitted (newest first) and those of this page that started,
    two to a row, at most 10."""
    done = sorted((s for s in prog.states if s.submitted), key=lambda s: s.submitted_at or period.deadline, reverse=True)
    units = [s.unit for s in done] + [s.unit for s in listed if s.answered]
    buttons = [InlineKeyboardButton(text=f"👁 Xem {u.name}"[:60],
                                    callback_data=ReviewButton(action="v", unit=u.id, period=period.id).pack())
               for u in units[:10]]
    return [buttons[i:i + 2] for i in range(0, len(buttons), 2)]


async def cmd_tiendo(message: Message, services: Services, repo: Repo, account: Account) -> None:
    if not is_supervisor(account):
        await message.answer(REFUSE)
        return
    periods = await open_periods_in_scope(services, repo)
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
            rows.append([_button(f"{o.short} — {p.label}: {prog.submitted}/{prog.total}"[:64],
                                 ProgressButton(action="show", period=p.id, scope=scope.id if scope else 0))])
        await message.answer("Các kỳ báo cáo đang mở — chọn để xem chi tiết:",
                             reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
        return
    text, kb = await render(services, repo, account, periods[0], scope, 0)
    await send_picture(message.bot, message.chat.id, services, repo, periods[0], scope)
    await message.answer(text, reply_markup=kb)


async def on_td(cb: CallbackQuery, callback_data: ProgressButton, bot: Bot, services: Services, repo: Repo,
                account: Account) -> None:
    scope = await pressed_scope(cb, repo, account, callback_data.scope, "Bạn không có quyền xem phạm vi này.")
    if scope is False:
        return
    period = await repo.periods.period(callback_data.period)
    if period is None or period.outline_id not in services.catalogue.outlines:
        await cb.answer("Kỳ báo cáo này không còn. Gõ /tiendo để xem lại.", show_alert=True)
        return
    if callback_data.action == "remind":
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
    unit = scope if isinstance(scope, Unit) else None
    text, kb = await render(services, repo, account, period, unit, callback_data.page)
    if callback_data.action == "show":
        # a scope chosen (first screen or drill-down): its picture, then its text as a new message
        await send_picture(bot, cb.from_user.id, services, repo, period, unit)
        await bot.send_message(cb.from_user.id, text, reply_markup=kb)
        return
    await edit_or_send(bot, cb, text, kb)


async def remind_now(bot: Bot, services: Services, repo: Repo, period: Period, scope: Unit | None,
                     *, press: str) -> tuple[int, int, int]:
    """"Nhắc ngay": one reminder per officer of each missing unit, once per press, within the send limits."""
    from bot.scheduler import start_button
    from bot.sender import Outgoing, Sender

    outline = services.catalogue.get(period.outline_id)
    prog = await period_progress(repo, outline, period, scope)
    missing = prog.missing
    officers = await repo.accounts.officers_of(st.unit.id for st in missing)
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
            log_id = await repo.outbox.claim_reminder(period.id, st.unit.id, kind, acc.id, now=now, text=text)
            if log_id is None:
                continue
            out.append(Outgoing(acc.telegram_id, text, start_button(period.id), log_id))
    await repo.commit()  # the claims stored before the sender (its own sessions) records their outcome
    report = await Sender(bot, services.db, rate=services.settings.send_rate, now=services.now).send_all(out)
    return report.sent, report.undeliverable, nobody


def setup() -> Router:
    router = Router(name="progress")
    router.message.register(cmd_tiendo, Command("tiendo"))
    router.callback_query.register(on_td, ProgressButton.filter())
    return router
