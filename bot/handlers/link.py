"""/lienket: one person on two channels (Telegram and Zalo) as one account.

«/lienket» gives a one-time code (15 minutes); «/lienket <mã>» typed on the other channel joins that channel's
identity to the account that made the code. From then on notices and reminders go to the channel the person
last wrote from, once (bot/zalo/channels.py)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.services import Services
from storage.channels import Channels
from storage.models import Account
from storage.repo import Repo

CODE_MINUTES = 15


async def cmd_link(message: Message, command: CommandObject, services: Services, repo: Repo, account: Account,
                   channel: str = "telegram") -> None:
    code = (command.args or "").strip()
    ch = Channels(repo.session)
    if not code:
        made = await ch.new_link_code(account.id, services.now(), CODE_MINUTES)  # stored before the reply is sent
        other = "Telegram" if channel == "zalo" else "Zalo"
        await message.answer(f"🔗 Mã liên kết của bạn: {made} (dùng một lần, trong {CODE_MINUTES} phút).\n"
                             f"Mở bot trên {other} và gõ: /lienket {made}\n"
                             "Sau đó bot nhận ra bạn ở cả hai nơi và nhắn vào nơi bạn dùng gần nhất.")
        return
    owner = await ch.redeem_link_code(code, services.now())
    if owner is None:
        await message.answer("❗ Mã liên kết không đúng hoặc đã hết hạn. Gõ /lienket ở kênh kia để lấy mã mới, "
                             "rồi gõ /lienket <mã> ở đây, ví dụ: /lienket 123456.")
        return
    if owner.id == account.id:
        await message.answer("Mã này do chính kênh này tạo. Hãy gõ /lienket <mã> ở kênh kia (Zalo hoặc Telegram).")
        return
    if channel == "zalo":  # this Zalo identity joins the account that made the code
        keep, leave = owner, account
    else:  # the code's Zalo identities join this Telegram account
        keep, leave = account, owner
    for link in await ch.links_of(leave.id, "zalo"):
        await ch.move_identity(link, keep)
    await ch.set_last_channel(keep.id, channel, services.now())
    await message.answer("✅ Đã liên kết Telegram và Zalo vào một tài khoản. Thông báo và nhắc việc sẽ gửi tới nơi "
                         "bạn nhắn bot gần nhất. Gõ /baocao để làm báo cáo ở bất kỳ nơi nào.")


def setup() -> Router:
    router = Router(name="link")
    router.message.register(cmd_link, Command("lienket"))
    return router
