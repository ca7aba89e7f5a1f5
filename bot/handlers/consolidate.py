"""/tonghop: a card (outline, period, scope) with buttons to change each, then the consolidated .docx and .xlsx."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from aiogram import Bot, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.callbacks import ConsolidateButton
from bot.flows.files import make_report
from bot.handlers.access import REFUSE, allowed_scopes, is_supervisor, pressed_scope
from bot.keyboards import edit_or_send
from bot.services import Services
from dialogs.parsing import format_decimal
from exports.load import ExportError
from storage.models import Account, Period, Unit
from storage.repo import Repo

log = logging.getLogger(__name__)
PROGRESS_EVERY = 2.0  # seconds between edits of the "Đang tổng hợp…" message

async def default_choice(services: Services, repo: Repo, acc: Account) -> tuple[Period | None, int]:
    periods = await repo.periods.list_periods()
    known = [p for p in periods if p.outline_id in services.catalogue.outlines]
    if not known:
        return None, 0
    period = None
    if acc.last_outline_id:
        period = await repo.periods.latest_period(acc.last_outline_id)
    if period is None:
        period = max(known, key=lambda p: (p.deadline, p.id))
    scopes = await allowed_scopes(repo, acc)
    scope_id = scopes[0].id if scopes else 0
    return period, scope_id


def _button(text: str, data: ConsolidateButton) -> list[InlineKeyboardButton]:
    return [InlineKeyboardButton(text=text[:60], callback_data=data.pack())]


def _back(period: Period, scope_id: int) -> list[InlineKeyboardButton]:
    return _button("⬅ Quay lại", ConsolidateButton(action="card", period=period.id, scope=scope_id))


async def card(services: Services, repo: Repo, period: Period, scope_id: int) -> tuple[str, InlineKeyboardMarkup]:
    o = services.catalogue.get(period.outline_id)
    scope = await repo.units.unit(scope_id) if scope_id else None
    text = (f"📊 Tổng hợp báo cáo\nĐề cương: {o.short}\nKỳ: {period.label}"
            f"{' (đã đóng)' if period.status == 'closed' else ''}\nPhạm vi: {scope.name if scope else 'Tất cả đơn vị'}")
    kb = InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text="✅ Tổng hợp ngay",
                              callback_data=ConsolidateButton(action="go", period=period.id, scope=scope_id).pack())],
        [InlineKeyboardButton(text="📝 Tổng hợp gồm cả bản đang làm",
                              callback_data=ConsolidateButton(action="gd", period=period.id, scope=scope_id).pack())],
        [InlineKeyboardButton(text="📋 Đổi đề cương",
                              callback_data=ConsolidateButton(action="outl", period=period.id, scope=scope_id).pack()),
         InlineKeyboardButton(text="🗓 Đổi kỳ", callback_data=ConsolidateButton(action="per", period=period.id, scope=scope_id).pack())],
        [InlineKeyboardButton(text="🏢 Đổi phạm vi",
                              callback_data=ConsolidateButton(action="scope", period=period.id, scope=scope_id).pack())],
    ])
    return text, kb


async def cmd_tonghop(message: Message, services: Services, repo: Repo, account: Account) -> None:
    if not is_supervisor(account):
        await message.answer(REFUSE)
        return
    period, scope_id = await default_choice(services, repo, account)
    if period is None:
        await message.answer("Chưa có kỳ báo cáo nào. Quản trị viên mở kỳ bằng lệnh: baocao period open …")
        return
    if account.role == "supervisor" and scope_id == 0:
        await message.answer("Tài khoản của bạn chưa được giao đơn vị nào để tổng hợp. Hãy liên hệ quản trị viên.")
        return
    text, kb = await card(services, repo, period, scope_id)
    await message.answer(text, reply_markup=kb)


async def on_th(cb: CallbackQuery, callback_data: ConsolidateButton, bot: Bot, services: Services, repo: Repo,
                account: Account) -> None:
    d = callback_data
    scope = await pressed_scope(cb, repo, account, d.scope, "Bạn không có quyền tổng hợp phạm vi này.")
    if scope is False:
        return
    period = await repo.periods.period(d.period) if d.period else None
    if d.action == "o":
        period = await repo.periods.latest_period(d.outline) if d.outline in services.catalogue.outlines else None
    if period is None or period.outline_id not in services.catalogue.outlines:
        await cb.answer("Kỳ báo cáo này không còn. Gõ /tonghop để chọn lại.", show_alert=True)
        return
    act = ACTIONS.get(d.action)
    if act is None:
        await cb.answer("Nút không hợp lệ. Gõ /tonghop để bắt đầu lại.", show_alert=True)
        return
    await act(Pressed(cb, d, bot, services, repo, account), period, scope if isinstance(scope, Unit) else None)


class Pressed:
    """One press of a /tonghop button, with what its actions need."""

    def __init__(self, cb: CallbackQuery, data: ConsolidateButton, bot: Bot, services: Services, repo: Repo, account: Account):
        self.cb, self.data, self.bot, self.services, self.repo, self.account = cb, data, bot, services, repo, account

    async def show(self, text: str, rows: list[list[InlineKeyboardButton]] | InlineKeyboardMarkup) -> None:
        await self.cb.answer()
        kb = rows if isinstance(rows, InlineKeyboardMarkup) else InlineKeyboardMarkup(inline_keyboard=rows)
        await edit_or_send(self.bot, self.cb, text, kb)


async def show_card(p: Pressed, period: Period, scope: Unit | None) -> None:
    text, kb = await card(p.services, p.repo, period, p.data.scope)
    await p.show(text, kb)


async def pick_outline(p: Pressed, period: Period, scope: Unit | None) -> None:
    rows = []
    for oid, o in p.services.catalogue.outlines.items():
        if await p.repo.periods.latest_period(oid) is not None:
            rows.append(_button(o.short, ConsolidateButton(action="o", outline=oid, scope=p.data.scope)))
    rows.append(_back(period, p.data.scope))
    await p.show("Chọn đề cương:", rows)


async def pick_period(p: Pressed, period: Period, scope: Unit | None) -> None:
    periods = list(reversed(await p.repo.periods.list_periods(period.outline_id)))[:10]
    rows = [_button(f"{x.label}{' (đã đóng)' if x.status == 'closed' else ''}",
                    ConsolidateButton(action="p", period=x.id, scope=p.data.scope)) for x in periods]
    rows.append(_back(period, p.data.scope))
    await p.show("Chọn kỳ báo cáo:", rows)


async def pick_scope(p: Pressed, period: Period, scope: Unit | None) -> None:
    options: list[Unit] = []
    roots = await allowed_scopes(p.repo, p.account)
    if roots is None:
        rows = [[InlineKeyboardButton(text="Tất cả đơn vị", callback_data=ConsolidateButton(action="s", period=period.id, scope=0).pack())]]
        roots = [u for u in await p.repo.units.list_units() if u.parent_id is None][:20]
    else:
        rows = []
    for r in roots:
        options.append(r)
        options.extend((await p.repo.units.children(r))[:15])
    for u in options[:40]:
        rows.append(_button(u.name, ConsolidateButton(action="s", period=period.id, scope=u.id)))
    rows.append(_back(period, p.data.scope))
    await p.show("Chọn phạm vi tổng hợp:", rows)


async def consolidate(p: Pressed, period: Period, scope: Unit | None) -> None:
    """"go": the sent reports only; "gd": provisional figures that count the drafts too (the files say so)."""
    await p.cb.answer("Đang tổng hợp…")
    chat = p.cb.from_user.id
    p.account.last_outline_id = period.outline_id
    status = await p.bot.send_message(chat, working_text(0.0))
    ticker = ProgressTicker(p.bot, chat, status.message_id)
    try:
        async with ticker:
            report, picture = await make_report(p.services, period.id, scope.code if scope is not None else None,
                                                progress=ticker.set, include_drafts=p.data.action == "gd",
                                                account=p.account)
    except ExportError as e:
        await p.bot.send_message(chat, f"❗ Không tổng hợp được: {e}")
        return
    await ticker.finish(f"✅ Đã tổng hợp xong ({format_decimal(ticker.elapsed, 1)} giây).")
    await p.bot.send_document(chat, BufferedInputFile(report.docx, filename=report.docx_name),
                              caption="Dự thảo báo cáo tổng hợp (.docx)")
    await p.bot.send_document(chat, BufferedInputFile(report.xlsx, filename=report.xlsx_name),
                              caption="Các biểu và số liệu từng đơn vị (.xlsx)")
    if picture is not None:
        await p.bot.send_photo(chat, BufferedInputFile(picture, filename="so-lieu-chinh.png"),
                               caption="📈 Số liệu chính qua các kỳ gần nhất")
    notice = await issuer_notice(p, report.issuer, scope.code if scope is not None else None)
    if notice:
        await p.bot.send_message(chat, notice)
    await p.bot.send_message(chat, report.summary)


async def issuer_notice(p: Pressed, issuer, scope_code: str | None) -> str | None:
    """What the .docx still leaves blank and the /coquan message that sets it: every time while the issuing body
    itself is the ORG_NAME placeholder; once per supervisor and scope for the signer's name and the like."""
    from dialogs.issuer import body_is_placeholder, gaps_notice

    notice = gaps_notice(issuer, scope_code, chat=True) if issuer is not None else None
    if notice is None:
        return None
    if not body_is_placeholder(issuer):
        if not await p.repo.issuers.notice_once(p.account.id, f"issuer:{scope_code or '*'}", now=p.services.now()):
            return None
        await p.repo.commit()
    if p.account.role != "admin":
        notice = notice.replace("Quản trị viên đặt", "Nhờ quản trị viên đặt")
    return notice


def working_text(share: float) -> str:
    return f"⏳ Đang tổng hợp… {round(100 * share)}%"


class ProgressTicker:
    """While a long job runs: the chat action "upload_document" kept alive, and the "⏳ Đang tổng hợp…" message
    edited with the share done — at most once every ``every`` seconds, and only when the figure changed.
    ``set`` may be called from any thread (the exports run in one)."""

    def __init__(self, bot: Bot, chat_id: int, message_id: int, *, every: float = PROGRESS_EVERY):
        self.bot, self.chat_id, self.message_id, self.every = bot, chat_id, message_id, every
        self.share = 0.0
        self.shown = working_text(0.0)
        self.edits: list[float] = []  # loop times of the edits (tests check the spacing)
        self._task: asyncio.Task | None = None
        self._start = 0.0
        self.elapsed = 0.0

    def set(self, share: float) -> None:
        self.share = max(self.share, min(share, 1.0))

    async def __aenter__(self) -> ProgressTicker:
        loop = asyncio.get_running_loop()
        self._start = loop.time()
        self._task = asyncio.create_task(self._run())
        return self

    async def __aexit__(self, *exc) -> None:
        assert self._task is not None
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        self.elapsed = asyncio.get_running_loop().time() - self._start

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        last_action = -10.0
        while True:
            now = loop.time()
            if now - last_action >= 4.0:  # Telegram shows a chat action for about 5 s
                last_action = now
                await self._quiet(self.bot.send_chat_action(self.chat_id, "upload_document"))
            await asyncio.sleep(self.every)
            await self._edit(working_text(self.share))

    async def _edit(self, text: str) -> None:
        if text == self.shown:
            return
        self.shown = text
        self.edits.append(asyncio.get_running_loop().time())
        await self._quiet(self.bot.edit_message_text(text, chat_id=self.chat_id, message_id=self.message_id))

    async def finish(self, text: str) -> None:
        await self._edit(text)

    @staticmethod
    async def _quiet(call: Awaitable) -> None:
        try:
            await call
        except TelegramBadRequest as e:  # an edit that changes nothing, a deleted message: not worth failing for
            log.info("progress message not updated: %s", e)


# TH.action -> what the button does: card/o/p/s show the card (o, p, s after choosing an outline, period, scope)
ACTIONS: dict[str, Callable[[Pressed, Period, Unit | None], Awaitable[None]]] = {
    "card": show_card, "o": show_card, "p": show_card, "s": show_card,
    "outl": pick_outline, "per": pick_period, "scope": pick_scope, "go": consolidate, "gd": consolidate,
}


def setup() -> Router:
    router = Router(name="consolidate")
    router.message.register(cmd_tonghop, Command("tonghop"))
    router.callback_query.register(on_th, ConsolidateButton.filter())
    return router
