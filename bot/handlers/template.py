"""/mau on Telegram: the unit's questionnaire as an .xlsx, and a filled file sent back. Each handler parses the
update, calls the flow (``bot/flows/template.py``) and shows its outcome (``bot/render.py``)."""

from __future__ import annotations

import io

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import TemplatePeriod
from bot.filters import Magic
from bot.flows import template as flow
from bot.render import show
from bot.services import Services
from storage.models import Account
from storage.repo import Repo

BUSY_MODES = flow.BUSY_MODES


async def cmd_mau(message: Message, bot: Bot, services: Services, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await flow.choose(services, repo, account))


async def on_period(cb: CallbackQuery, callback_data: TemplatePeriod, bot: Bot, services: Services, repo: Repo,
                    account: Account) -> None:
    await show(bot, cb.from_user.id, await flow.for_period(services, repo, account, callback_data.period), cb)


async def on_document(message: Message, bot: Bot, services: Services, repo: Repo, account: Account) -> None:
    doc = message.document
    refused = await flow.refuse_file(repo, account, doc.file_name or "", doc.mime_type, doc.file_size)
    if refused is not None:
        await show(bot, message.chat.id, refused)
        return
    buf = await bot.download(doc, destination=io.BytesIO())
    await show(bot, message.chat.id, await flow.take_file(services, repo, account, buf.getvalue()))


def setup() -> Router:
    router = Router(name="template")
    router.message.register(cmd_mau, Command("mau"))
    router.callback_query.register(on_period, TemplatePeriod.filter())
    router.message.register(on_document, Magic(F.document))
    return router
