"""/baocaolen: the province reports upward in the same bot. The handlers parse the update, call the flow
(``bot/flows/upward.py``: the draft recomputed from the communes, the province's edits, sending) and show its outcome.

The report is the province unit's submission in the same period: the level above reviews, returns and approves it
with /xem as any unit's, follows provinces in /tiendo, and its /tonghop rolls up the provinces. The province edits
its narrative in chat, in the web form (a signed link: «🌐 Sửa trên web») or in the .xlsx/.docx it downloads
(«📥 Tải tệp để sửa») and sends back (read by the /mau document handler, which hands it to the flow).
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import UpwardButton
from bot.filters import InMode, Magic
from bot.flows import questionnaire
from bot.flows import upward as flow
from bot.render import show
from bot.services import Services
from bot.web.links import issue_link
from storage.models import Account, ConversationPosition
from storage.repo import Repo

MODE = flow.MODE


async def cmd_upward(message: Message, bot: Bot, services: Services, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await flow.begin(services, repo, account))


async def _web_link(services: Services, repo: Repo, account: Account, period_id: int) -> str:
    if not services.settings.web_base_url:
        return ("Trang web điền báo cáo chưa được bật trên máy chủ này (quản trị viên đặt WEB_BASE_URL trong .env). "
                "Trong lúc chờ, bấm «✏️ Sửa mục …» để sửa ngay trong Telegram, hoặc «📥 Tải tệp để sửa».")
    issued = await issue_link(services, repo, account, period_id)
    await repo.commit()
    return ("🌐 Báo cáo của tỉnh trên trang web: sửa phần nhận định, đánh giá và các lựa chọn; số liệu cộng từ các xã "
            f"chỉ để xem. Đường dẫn dùng được {services.settings.web_link_hours:g} giờ, chỉ cho tài khoản của bạn:\n"
            f"{issued.url}")


async def on_up(cb: CallbackQuery, services: Services, callback_data: UpwardButton, bot: Bot, repo: Repo,
                account: Account) -> None:
    d = callback_data
    if d.action in ("w", "f") and await flow.upward_report(services, repo, account, d.period) is not None:
        out = (await flow.files(services, repo, account, d.period) if d.action == "f"
               else flow.Outcome().say(await _web_link(services, repo, account, d.period)))
        await show(bot, cb.from_user.id, out, cb)
        return
    await show(bot, cb.from_user.id, await flow.press(services, repo, account, d.action, d.period, d.q), cb)


async def on_edit_text(message: Message, bot: Bot, services: Services, repo: Repo, account: Account,
                       position: ConversationPosition) -> None:
    out = await flow.give_text(services, repo, account, dict(position.state or {}), message.text or "")
    await show(bot, message.chat.id, out)


async def cmd_cancel(message: Message, bot: Bot, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await questionnaire.leave(repo, account, "Đã thôi sửa. Gõ /baocaolen để xem báo cáo của tỉnh."))


def setup() -> Router:
    router = Router(name="upward")
    router.message.register(cmd_upward, Command("baocaolen"))
    router.message.register(cmd_cancel, Command("huy"), InMode(MODE))
    router.message.register(on_edit_text, Magic(F.text & ~F.text.startswith("/")), InMode(MODE))
    router.callback_query.register(on_up, UpwardButton.filter())
    return router
