"""/web: the questionnaire on the web — a «📝 Điền trên web» Mini App button, and a signed link for any browser
(valid WEB_LINK_HOURS, bound to this account and the period)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message, WebAppInfo

from bot import texts
from bot.flows.access import is_supervisor
from bot.services import Services
from bot.web.links import issue_link, miniapp_url
from bot.web.service import officer_periods
from storage.models import Account
from storage.repo import Repo

NOT_ENABLED = ("Trang web điền báo cáo chưa được bật trên máy chủ này. Quản trị viên bật bằng cách đặt WEB_BASE_URL "
               "trong .env. Trong lúc chờ, gõ /baocao để trả lời ngay trong Telegram.")


async def _period_for(services: Services, repo: Repo, acc: Account) -> tuple[int | None, str]:
    """The period the link is for: the officer's open period (the one in progress, if several), or for a
    supervisor the newest open one."""
    if acc.unit_id is not None:
        unit = await repo.units.unit(acc.unit_id)
        periods = await officer_periods(services, repo, unit) if unit else []
        if not periods:
            return None, ""
        pos = await repo.positions.position(acc.id)
        for p, o in periods:
            sub = await repo.submissions.find_submission(acc.unit_id, p.id)
            if pos is not None and sub is not None and pos.submission_id == sub.id:
                return p.id, f"{o.short} — {p.label}"
        p, o = periods[0]
        return p.id, f"{o.short} — {p.label}"
    opened = [p for p in await repo.periods.list_periods(status="open") if p.outline_id in services.catalogue.outlines]
    if not opened:
        return None, ""
    p = max(opened, key=lambda x: (x.deadline, x.id))
    return p.id, f"{services.catalogue.get(p.outline_id).short} — {p.label}"


async def cmd_web(message: Message, services: Services, repo: Repo, account: Account) -> None:
    if not services.settings.web_base_url:
        await message.answer(NOT_ENABLED)
        return
    if account.unit_id is None and not is_supervisor(account):
        await message.answer(texts.NO_UNIT)
        return
    period_id, what = await _period_for(services, repo, account)
    if period_id is None:
        await message.answer("Hiện chưa có kỳ báo cáo nào đang mở. Khi có kỳ mới, bot sẽ báo cho bạn.")
        return
    issued = await issue_link(services, repo, account, period_id)
    await repo.commit()
    hours = services.settings.web_link_hours
    rows = []
    app = miniapp_url(services)
    if app:
        rows.append([InlineKeyboardButton(text="📝 Điền trên web", web_app=WebAppInfo(url=app))])
    rows.append([InlineKeyboardButton(text="🌐 Mở bằng trình duyệt", url=issued.url)])
    await message.answer(
        f"Báo cáo «{what}» trên trang web: bảng biểu nhập như bảng tính, mỗi ô được lưu ngay khi rời ô; "
        "câu trả lời chung với câu trả lời trong Telegram.\n"
        f"Đường dẫn dùng được {hours:g} giờ, chỉ cho tài khoản của bạn; đừng chuyển cho người khác. "
        "Có thể mở bằng trình duyệt trên điện thoại hoặc máy tính, cả khi không vào được Telegram:\n"
        f"{issued.url}", reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


def setup() -> Router:
    router = Router(name="web")
    router.message.register(cmd_web, Command("web"))
    return router
