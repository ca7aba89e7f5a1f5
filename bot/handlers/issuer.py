"""Administrators in the bot: /coquan shows and sets who issues a scope's consolidated report (the issuing body,
place, number, layout, signature block and "Nơi nhận" of Nghị định 30), the same settings as `baocao issuer`.

    /coquan                 the report over all units
    /coquan 89              the report of unit 89 (its code)
    /coquan 89              then one line per field to set, in the same message:
    người ký: Nguyễn Văn An
    chức vụ: PHÓ CHỦ TỊCH
    /coquan 89 mặc định     back to the defaults from the unit data
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot import texts
from bot.services import Services
from dialogs.issuer import EXAMPLE, IssuerError, apply_changes, describe, parse_lines
from dialogs.text import fold
from storage.models import Account
from storage.repo import Repo

NOT_ADMIN = "Lệnh /coquan dành cho quản trị viên. Nếu cần sửa cơ quan ban hành, người ký, hãy liên hệ quản trị viên."
HOW = ("Để sửa, gửi /coquan kèm mã đơn vị (hoặc không mã: báo cáo mọi đơn vị), rồi mỗi dòng một mục, ví dụ:\n"
       f"/coquan 89\n{EXAMPLE}\n\nTrả về mặc định: /coquan 89 mặc định")


async def cmd_coquan(message: Message, services: Services, repo: Repo, account: Account) -> None:
    if account.role != "admin":
        await message.answer(NOT_ADMIN)
        return
    first, _, rest = (message.text or "").partition("\n")
    words = first.split()[1:]
    reset = fold(" ".join(words[1:])) in ("mac dinh", "macdinh") if len(words) > 1 else False
    code = words[0] if words and words[0] != "*" else None
    if code is not None and await repo.units.unit_by_code(code) is None:
        await message.answer(f"Không có đơn vị mã «{code}». Gõ mã đơn vị như trong danh sách đơn vị, ví dụ: /coquan 89 "
                             "(để trống mã: báo cáo tổng hợp mọi đơn vị).")
        return
    from bot.flows.files import report_issuer

    if reset:
        await repo.issuers.reset_issuer(code)
        await repo.commit()
    elif rest.strip():
        try:
            new = apply_changes(await report_issuer(services, code, account), parse_lines(rest))
        except IssuerError as e:
            await message.answer(texts.clip(f"❗ {e}", 1500))
            return
        await repo.issuers.set_issuer(code, new, by=account.id, now=services.now())
        await repo.commit()
    issuer = await report_issuer(services, code, account)
    stored = await repo.issuers.issuer_is_set(code)
    head = ("✅ Đã lưu. " if rest.strip() else ("✅ Đã trả về mặc định. " if reset else ""))
    scope = f"đơn vị {code}" if code else "báo cáo tổng hợp mọi đơn vị"
    state = "đã đặt" if stored else "mặc định theo dữ liệu đơn vị"
    await message.answer(texts.clip(f"{head}Cơ quan ban hành ({scope}, {state}):\n{describe(issuer)}\n\n{HOW}", 4000))


def setup() -> Router:
    router = Router(name="issuer")
    router.message.register(cmd_coquan, Command("coquan"))
    return router
