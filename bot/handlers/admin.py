"""Administrators in the bot: /moky opens a reporting period."""

from __future__ import annotations

from datetime import datetime, timedelta

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot import texts
from bot.callbacks import MK
from bot.filters import InMode, Magic
from bot.services import Services
from dialogs.localtime import day_text
from dialogs.parsing import ParseError, format_date
from dialogs.periods import local_text, parse_deadline
from storage.models import Account, ConversationPosition
from storage.repo import Repo

NOT_ADMIN = "Lệnh /moky dành cho quản trị viên. Nếu cần mở kỳ báo cáo, hãy liên hệ quản trị viên."


async def moky_text(message: Message, services: Services, repo: Repo, account: Account,
                    position: ConversationPosition) -> None:
    """Typed text in the «moky» mode: the deadline of the period to open."""
    text = message.text or ""
    outline_id = (position.state or {}).get("outline")
    if account.role != "admin" or outline_id not in services.catalogue.outlines:
        await message.answer(NOT_ADMIN)
        return
    try:
        deadline = parse_deadline(text, services.tz, today=services.today())
    except ParseError as e:
        await message.answer(texts.clip(f"❗ {e.message}", 1000))
        return
    if deadline <= services.now():
        await message.answer(f"❗ Hạn {local_text(deadline, services.tz)} đã qua. Gõ một hạn trong tương lai, ví dụ: "
                             f"{format_date(services.today() + timedelta(days=7))} 17:00")
        return
    await repo.save_position(account.id, submission_id=None, question_key=None, mode="moky",
                             state={"outline": outline_id, "deadline": deadline.isoformat()})
    o = services.catalogue.get(outline_id)
    kb = InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text="✅ Mở kỳ", callback_data=MK(action="ok").pack()),
        InlineKeyboardButton(text="✖ Huỷ", callback_data=MK(action="cancel").pack())]])
    await message.answer(f"Mở kỳ báo cáo «{o.short}», hạn nộp {local_text(deadline, services.tz)}?", reply_markup=kb)


async def cmd_moky(message: Message, services: Services, repo: Repo, account: Account) -> None:
    if account.role != "admin":
        await message.answer(NOT_ADMIN)
        return
    rows = [[InlineKeyboardButton(text=o.short[:60], callback_data=MK(action="o", outline=o.id).pack())]
            for o in services.catalogue]
    await message.answer("Chọn đề cương cần mở kỳ báo cáo:", reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


async def on_mk(cb: CallbackQuery, services: Services, callback_data: MK, bot: Bot, repo: Repo, account: Account) -> None:
    if account.role != "admin":
        await cb.answer(NOT_ADMIN, show_alert=True)
        return
    if callback_data.action == "o":
        if callback_data.outline not in services.catalogue.outlines:
            await cb.answer("Không có đề cương này.", show_alert=True)
            return
        await repo.save_position(account.id, submission_id=None, question_key=None, mode="moky",
                                 state={"outline": callback_data.outline})
        await cb.answer()
        o = services.catalogue.get(callback_data.outline)
        await bot.send_message(cb.from_user.id, f"«{o.short}»: gõ hạn nộp, ví dụ: "
                                               f"{format_date(services.today() + timedelta(days=14))} 17:00")
        return
    pos = await repo.position(account.id)
    state = (pos.state or {}) if pos and pos.mode == "moky" else {}
    if callback_data.action == "cancel" or "deadline" not in state:
        await repo.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
        await cb.answer("Đã huỷ.")
        return
    o = services.catalogue.get(state["outline"])
    deadline = datetime.fromisoformat(state["deadline"])
    label = f"{o.short} — hạn {day_text(deadline, services.tz)}"
    p, created = await repo.open_period(o.id, label, deadline=deadline, starts_on=o.period.window_from,
                                        ends_on=o.period.window_to,
                                        closes_at=deadline + timedelta(hours=services.settings.period_grace_hours),
                                        now=services.now())
    await repo.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
    await cb.answer()
    await bot.send_message(cb.from_user.id,
                           (f"✅ Đã mở kỳ «{p.label}» (số {p.id}). Cán bộ các đơn vị liên quan sẽ được báo ngay."
                            if created else f"Kỳ «{p.label}» đã có (số {p.id})."))


def setup() -> Router:
    router = Router(name="admin")
    router.message.register(cmd_moky, Command("moky"))
    router.message.register(moky_text, Magic(F.text & ~F.text.startswith("/")), InMode("moky"))
    router.callback_query.register(on_mk, MK.filter())
    return router
