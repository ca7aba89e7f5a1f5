"""Onboarding: /start with an invite code, or a unit search and a supervisor's approval."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import CommandObject, CommandStart
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot import texts
from bot.callbacks import JoinDecision, JoinUnit
from bot.filters import InMode, Magic
from bot.services import Services
from dialogs.kinds import UNIT_KINDS
from storage.models import Account, Invite
from storage.repo import Repo, utcnow

log = logging.getLogger(__name__)

ROLE_VI = {"officer": "cán bộ đầu mối", "supervisor": "người tổng hợp", "admin": "quản trị viên"}


async def welcome_text(repo: Repo, acc: Account) -> str:
    if acc.unit_id is None:
        if acc.role == "admin":
            return ("Chào quản trị viên. Dùng lệnh baocao trên máy chủ để nhập đơn vị, tạo mã mời, mở kỳ báo cáo. "
                    "Gõ /huongdan để xem hướng dẫn.")
        return ""
    unit = await repo.units.unit(acc.unit_id)
    name = unit.name if unit else "đơn vị"
    if acc.role == "officer":
        return (f"Xin chào {acc.full_name}! Bạn là {ROLE_VI['officer']} của {name}.\n"
                "Gõ /baocao để trả lời báo cáo của kỳ đang mở, /huongdan để xem cách trả lời.")
    return (f"Xin chào {acc.full_name}! Bạn là {ROLE_VI.get(acc.role, acc.role)} của {name}.\n"
            "Gõ /tiendo để xem đơn vị nào đã nộp, /tonghop để nhận báo cáo tổng hợp.")


async def join_search(message: Message, services: Services, repo: Repo) -> None:
    """Typed text in the «join» mode: the unit's name, searched in the unit index."""
    text = (message.text or "").strip()
    if len(text) < 2:
        await message.answer("Hãy gõ tên đơn vị, ví dụ: «xã Giồng Riềng» hoặc «phuong long xuyen».")
        return
    index = await services.unit_index(repo)
    matches = index.search(text[:120], limit=5)  # no unit name is longer; a 4,096-character text costs nothing
    if not matches:
        await message.answer(f"Không tìm thấy đơn vị nào giống «{texts.clip_user(text, 80)}». Gõ lại tên đơn vị (có dấu hay không dấu "
                             "đều được), ví dụ: «xa giong rieng».")
        return
    rows = [[InlineKeyboardButton(text=m.display()[:64], callback_data=JoinUnit(unit=m.unit_id).pack())] for m in matches]
    await message.answer("Chọn đúng đơn vị của bạn (hoặc gõ lại tên nếu không thấy):",
                         reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


async def start_with_code(message: Message, services: Services, command: CommandObject, repo: Repo, account: Account) -> None:
    code = (command.args or "").strip()
    if await _already_bound(repo, account, code):
        # the invite link opened again by its own officer: keep the invite's uses and the questionnaire position
        await message.answer("Tài khoản của bạn đã được gắn với đơn vị này.\n" + await welcome_text(repo, account))
        return
    res = await repo.onboarding.redeem_invite(code, account, now=services.now())
    if res.status == "ok":
        await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
        await message.answer(f"✅ Đã gắn tài khoản với {res.unit.name} ({ROLE_VI.get(res.role, res.role)}).\n"
                             + await welcome_text(repo, account))
        return
    reason = {
        "not_found": "Mã mời không đúng.",
        "expired": "Mã mời đã hết hạn.",
        "used_up": "Mã mời đã được dùng hết số lần cho phép.",
    }[res.status]
    await message.answer(f"❗ {reason} Hãy xin quản trị viên một đường dẫn mời mới, hoặc gõ /start rồi gõ tên "
                         "đơn vị để gửi yêu cầu cho nơi tổng hợp duyệt.")


async def _already_bound(repo: Repo, account: Account, code: str) -> bool:
    if account.unit_id is None or not code:
        return False
    inv = await repo.session.get(Invite, code[:64])
    return inv is not None and inv.unit_id == account.unit_id and inv.role == account.role


async def start_plain(message: Message, repo: Repo, account: Account) -> None:
    text = await welcome_text(repo, account)
    if text:
        await message.answer(text)
        return
    await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="join", state={})
    await message.answer("Chào mừng bạn đến với Trợ lý báo cáo!\nBạn là cán bộ đầu mối của đơn vị nào? "
                         "Gõ tên đơn vị (có dấu hay không dấu đều được), ví dụ: «xã Giồng Riềng».")


async def pick_unit(cb: CallbackQuery, services: Services, callback_data: JoinUnit, bot: Bot, repo: Repo, account: Account) -> None:
    pos = await repo.positions.position(account.id)
    if pos is None or pos.mode != "join" or account.unit_id is not None:
        await cb.answer("Yêu cầu này không còn hiệu lực. Gõ /start để bắt đầu lại.", show_alert=True)
        return
    unit = await repo.units.unit(callback_data.unit)
    if unit is None or not unit.active:
        await cb.answer("Không tìm thấy đơn vị này. Gõ lại tên đơn vị.", show_alert=True)
        return
    jr = await repo.onboarding.create_join_request(account.telegram_id, account.full_name, unit)
    await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="waiting", state={})
    sups = [s for s in await repo.accounts.supervisors_of(unit) if not s.blocked]
    await cb.answer()
    kb = InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text="✅ Đồng ý", callback_data=JoinDecision(request=jr.id, approve=1).pack()),
        InlineKeyboardButton(text="✖ Từ chối", callback_data=JoinDecision(request=jr.id, approve=0).pack()),
    ]])
    text = (f"👤 {account.full_name or account.telegram_id} (@{account.username or '—'}) xin làm cán bộ đầu mối "
            f"của {unit.name} ({UNIT_KINDS.get(unit.kind, unit.kind)}).")
    delivered = 0
    targets = [s.telegram_id for s in sups] or list(services.settings.admin_ids)
    for tg in targets:
        try:
            await bot.send_message(tg, text, reply_markup=kb)
            delivered += 1
        except (TelegramForbiddenError, TelegramBadRequest) as e:
            log.warning("join request %s not delivered to %s: %s", jr.id, tg, e)
    if delivered:
        await bot.send_message(cb.from_user.id, f"Đã gửi yêu cầu tới nơi tổng hợp của {unit.name}. "
                                               "Bot sẽ báo ngay khi được duyệt.")
    else:
        await bot.send_message(cb.from_user.id, f"Đã ghi nhận yêu cầu cho {unit.name}, nhưng đơn vị chưa có người "
                                               "duyệt trên bot. Hãy liên hệ quản trị viên để được cấp đường dẫn mời.")


async def decide(cb: CallbackQuery, callback_data: JoinDecision, bot: Bot, repo: Repo, account: Account) -> None:
    jr = await repo.onboarding.join_request(callback_data.request)
    if jr is None or jr.status != "pending":
        await cb.answer("Yêu cầu này đã được xử lý.", show_alert=True)
        return
    unit = await repo.units.unit(jr.unit_id)
    assert unit is not None
    allowed = account.role == "admin" or (account.role == "supervisor" and await repo.accounts.in_scope(account, unit))
    if not allowed:
        await cb.answer("Bạn không có quyền duyệt yêu cầu của đơn vị này.", show_alert=True)
        return
    jr.status = "approved" if callback_data.approve else "refused"
    jr.decided_by = account.id
    jr.decided_at = utcnow()
    officer = await repo.accounts.account_by_tg(jr.telegram_id)
    if callback_data.approve and officer is not None:
        await repo.accounts.set_account(officer, role="officer" if officer.role != "admin" else "admin", unit=unit)
        await repo.positions.save_position(officer.id, submission_id=None, question_key=None, mode="none", state={})
    await cb.answer("Đã ghi nhận.")
    verdict = "đồng ý" if callback_data.approve else "từ chối"
    if cb.message is not None:
        try:
            await bot.edit_message_text(f"{cb.message.text}\n→ Đã {verdict} ({account.full_name}).",
                                        chat_id=cb.from_user.id, message_id=cb.message.message_id)
        except TelegramBadRequest:
            pass
    try:
        if callback_data.approve:
            await bot.send_message(jr.telegram_id, f"✅ Yêu cầu đã được duyệt: bạn là cán bộ đầu mối của {unit.name}.\n"
                                                   "Gõ /baocao để trả lời báo cáo.")
        else:
            await bot.send_message(jr.telegram_id, f"Yêu cầu làm cán bộ đầu mối của {unit.name} không được duyệt. "
                                                   "Nếu có nhầm lẫn, hãy liên hệ nơi tổng hợp hoặc gõ /start để chọn lại.")
    except (TelegramForbiddenError, TelegramBadRequest) as e:
        log.warning("decision not delivered to %s: %s", jr.telegram_id, e)


def setup() -> Router:
    router = Router(name="onboarding")
    router.message.register(start_with_code, CommandStart(deep_link=True))
    router.message.register(start_plain, CommandStart())
    router.message.register(join_search, Magic(F.text & ~F.text.startswith("/")), InMode("join"))
    router.callback_query.register(pick_unit, JoinUnit.filter())
    router.callback_query.register(decide, JoinDecision.filter())
    return router
