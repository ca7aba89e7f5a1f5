"""Administrators in the bot: /moky opens a reporting period."""

from __future__ import annotations

from datetime import datetime, timedelta

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot import texts
from bot.callbacks import OpenPeriodButton
from bot.filters import InMode, Magic
from bot.services import Services
from dialogs.localtime import day_text
from dialogs.outline import Outline
from dialogs.parsing import ParseError, format_date
from dialogs.periods import PeriodSpec, local_text, parse_deadline, regime_lines, regime_spec
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
    await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="moky",
                             state={"outline": outline_id, "deadline": deadline.isoformat()})
    o = services.catalogue.get(outline_id)
    if o.period.regime is not None:
        await message.answer(_regime_question(services, o, deadline), reply_markup=_confirm_kb())
        return
    await message.answer(f"Mở kỳ báo cáo «{o.short}», hạn nộp {local_text(deadline, services.tz)}?",
                         reply_markup=_confirm_kb())


def _confirm_kb() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text="✅ Mở kỳ", callback_data=OpenPeriodButton(action="ok").pack()),
        InlineKeyboardButton(text="✖ Huỷ", callback_data=OpenPeriodButton(action="cancel").pack())]])


def _regime(services: Services, o: Outline, commune_deadline: datetime | None) -> PeriodSpec:
    """The period of today under the reporting regime; a typed deadline replaces the communes' one."""
    overrides = {"commune": commune_deadline} if commune_deadline else None
    return regime_spec(o, services.today(), services.tz, timedelta(hours=services.settings.period_grace_hours),
                       overrides=overrides)


def _regime_question(services: Services, o: Outline, commune_deadline: datetime | None) -> str:
    spec = _regime(services, o, commune_deadline)
    return "\n".join([f"Mở kỳ «{spec.label}» của «{o.short}»?", *regime_lines(spec, services.tz),
                      "Bấm «✅ Mở kỳ», hoặc gõ một hạn khác cho cấp xã, ví dụ: "
                      f"{format_date(spec.deadline.astimezone(services.tz).date() + timedelta(days=1))} 17:00"])


async def cmd_moky(message: Message, services: Services, repo: Repo, account: Account) -> None:
    if account.role != "admin":
        await message.answer(NOT_ADMIN)
        return
    rows = [[InlineKeyboardButton(text=o.short[:60], callback_data=OpenPeriodButton(action="o", outline=o.id).pack())]
            for o in services.catalogue]
    await message.answer("Chọn đề cương cần mở kỳ báo cáo:", reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


async def on_mk(cb: CallbackQuery, services: Services, callback_data: OpenPeriodButton, bot: Bot, repo: Repo, account: Account) -> None:
    if account.role != "admin":
        await cb.answer(NOT_ADMIN, show_alert=True)
        return
    if callback_data.action == "o":
        if callback_data.outline not in services.catalogue.outlines:
            await cb.answer("Không có đề cương này.", show_alert=True)
            return
        o = services.catalogue.get(callback_data.outline)
        state = {"outline": o.id}
        if o.period.regime is not None:  # the regime fixes the period and its deadlines: confirm at once
            state["deadline"] = _regime(services, o, None).deadline.isoformat()
        await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="moky", state=state)
        await repo.commit()
        await cb.answer()
        if o.period.regime is not None:
            await bot.send_message(cb.from_user.id, _regime_question(services, o, None), reply_markup=_confirm_kb())
            return
        await bot.send_message(cb.from_user.id, f"«{o.short}»: gõ hạn nộp, ví dụ: "
                                               f"{format_date(services.today() + timedelta(days=14))} 17:00")
        return
    pos = await repo.positions.position(account.id)
    state = (pos.state or {}) if pos and pos.mode == "moky" else {}
    if callback_data.action == "cancel" or "deadline" not in state:
        await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
        await cb.answer("Đã huỷ.")
        return
    o = services.catalogue.get(state["outline"])
    deadline = datetime.fromisoformat(state["deadline"])
    grace = timedelta(hours=services.settings.period_grace_hours)
    if o.period.regime is not None:
        spec = _regime(services, o, deadline)
        p, created = await repo.periods.open_period(o.id, spec.label, deadline=spec.deadline, starts_on=spec.starts_on,
                                            ends_on=spec.ends_on, closes_at=spec.closes_at, now=services.now(),
                                            cutoff_on=spec.cutoff_on, level_deadlines=spec.level_deadlines)
    else:
        label = f"{o.short} — hạn {day_text(deadline, services.tz)}"
        p, created = await repo.periods.open_period(o.id, label, deadline=deadline, starts_on=o.period.window_from,
                                            ends_on=o.period.window_to, closes_at=deadline + grace, now=services.now())
    await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
    await cb.answer()
    await bot.send_message(cb.from_user.id,
                           (f"✅ Đã mở kỳ «{p.label}» (số {p.id}). Cán bộ các đơn vị liên quan sẽ được báo ngay."
                            if created else f"Kỳ «{p.label}» đã có (số {p.id})."))


def setup() -> Router:
    router = Router(name="admin")
    router.message.register(cmd_moky, Command("moky"))
    router.message.register(moky_text, Magic(F.text & ~F.text.startswith("/")), InMode("moky"))
    router.callback_query.register(on_mk, OpenPeriodButton.filter())
    return router
