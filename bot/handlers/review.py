"""/xem and the review buttons on Telegram: a supervisor reads one unit's report, gets its .docx, returns it with a
comment (mode "review_comment") or approves it; officers ask to reopen a locked report (mode "unlock_reason") and
the unit's supervisors decide. Each handler parses the update, calls the flow (``bot/flows/review.py``, which
checks role and scope again on every press) and shows its outcome (``bot/render.py``).
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import OpenQ, ReviewButton, UnlockAsk, UnlockDecision
from bot.filters import InMode, Magic
from bot.flows import review as flow
from bot.render import show
from bot.services import Services
from storage.models import Account
from storage.repo import Repo


async def cmd_xem(message: Message, command: CommandObject, bot: Bot, services: Services, repo: Repo,
                  account: Account) -> None:
    await show(bot, message.chat.id, await flow.xem(services, repo, account, command.args or ""))


async def on_rv(cb: CallbackQuery, callback_data: ReviewButton, bot: Bot, services: Services, repo: Repo,
                account: Account) -> None:
    d = callback_data
    await show(bot, cb.from_user.id, await flow.press(services, repo, account, d.action, d.unit, d.period), cb)


async def on_comment(message: Message, bot: Bot, services: Services, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await flow.give_comment(services, repo, account, message.text or ""))


async def on_open_question(cb: CallbackQuery, callback_data: OpenQ, bot: Bot, services: Services, repo: Repo,
                           account: Account) -> None:
    d = callback_data
    await show(bot, cb.from_user.id, await flow.open_question(services, repo, account, d.submission, d.question), cb)


async def on_unlock_ask(cb: CallbackQuery, callback_data: UnlockAsk, bot: Bot, services: Services, repo: Repo,
                        account: Account) -> None:
    await show(bot, cb.from_user.id, await flow.ask_unlock(services, repo, account, callback_data.submission), cb)


async def on_unlock_reason(message: Message, bot: Bot, services: Services, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await flow.give_unlock_reason(services, repo, account, message.text or ""))


async def on_unlock_decision(cb: CallbackQuery, callback_data: UnlockDecision, bot: Bot, services: Services,
                             repo: Repo, account: Account) -> None:
    d = callback_data
    await show(bot, cb.from_user.id, await flow.decide_unlock(services, repo, account, d.request, bool(d.approve)), cb)


def setup() -> Router:
    router = Router(name="review")
    router.message.register(cmd_xem, Command("xem"))
    router.callback_query.register(on_rv, ReviewButton.filter())
    router.callback_query.register(on_open_question, OpenQ.filter())
    router.callback_query.register(on_unlock_ask, UnlockAsk.filter())
    router.callback_query.register(on_unlock_decision, UnlockDecision.filter())
    comment_text = Magic(F.text & (~F.text.startswith("/") | F.text.regexp(r"^/c\d")))
    router.message.register(on_comment, comment_text, InMode(flow.COMMENT_MODE))
    router.message.register(on_unlock_reason, Magic(F.text & ~F.text.startswith("/")), InMode(flow.REASON_MODE))
    return router
