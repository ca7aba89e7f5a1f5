"""The officer's questionnaire on Telegram: /baocao, typed answers, buttons, /c<n>, /huy. Each handler parses the
update, calls the flow (``bot/flows/questionnaire.py``) and shows its outcome (``bot/render.py``)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import AnswerButton, PickPeriod, ViewReport
from bot.filters import InMode, Magic
from bot.flows import questionnaire as flow
from bot.render import show
from bot.services import Services
from storage.models import Account
from storage.repo import Repo

TYPING_MODES = flow.TYPING_MODES


async def cmd_baocao(message: Message, services: Services, bot: Bot, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await flow.begin(services, repo, account))


async def on_pick(cb: CallbackQuery, services: Services, callback_data: PickPeriod, bot: Bot, repo: Repo,
                  account: Account) -> None:
    await show(bot, cb.from_user.id, await flow.pick(services, repo, account, callback_data.period), cb)


async def on_button(cb: CallbackQuery, services: Services, callback_data: AnswerButton, bot: Bot, repo: Repo,
                    account: Account) -> None:
    d = callback_data
    await show(bot, cb.from_user.id, await flow.press(services, repo, account, d.nonce, d.action, d.arg), cb)


async def on_view(cb: CallbackQuery, services: Services, callback_data: ViewReport, bot: Bot, repo: Repo,
                  account: Account) -> None:
    await show(bot, cb.from_user.id, await flow.view_report(services, repo, account, callback_data.submission), cb)


async def open_by_number(message: Message, services: Services, m, bot: Bot, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await flow.open_number(services, repo, account, int(m.group(1))))


async def cmd_cancel(message: Message, bot: Bot, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await flow.cancel(repo, account))


async def on_text(message: Message, services: Services, bot: Bot, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await flow.type_text(services, repo, account, message.text or ""))


def setup() -> Router:
    router = Router(name="report")
    router.message.register(cmd_baocao, Command("baocao"))
    router.callback_query.register(on_pick, PickPeriod.filter())
    router.callback_query.register(on_button, AnswerButton.filter())
    router.callback_query.register(on_view, ViewReport.filter())
    router.message.register(open_by_number, Magic(F.text.regexp(r"^/c(\d{1,4})(@\w+)?$").as_("m")))
    router.message.register(cmd_cancel, Command("huy"))
    router.message.register(on_text, Magic(F.text & ~F.text.startswith("/")), InMode(*TYPING_MODES))
    return router
