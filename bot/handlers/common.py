"""Help, content that is not text, and the error handler that keeps polling alive."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import Command
from aiogram.types import ErrorEvent, Message

from bot import texts
from bot.filters import Magic
from bot.flows import questionnaire
from storage.models import Account

log = logging.getLogger(__name__)


async def cmd_help(message: Message) -> None:
    await message.answer(texts.HELP)


DB_BUSY = ("⏳ Hệ thống đang bận, không lưu được tin nhắn vừa rồi — câu trả lời chưa được lưu. Vui lòng gửi lại sau "
           "ít phút. Các câu trả lời đã xác nhận «✔ Đã lưu» trước đó vẫn được giữ nguyên.")


def database_unavailable(exc: BaseException) -> bool:
    """The database could not be reached or written: PostgreSQL down or restarting, the connection cut,
    the SQLite file read-only or the disk full (not a bug in a query)."""
    from sqlalchemy import exc as sa

    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, sa.OperationalError | sa.InterfaceError | sa.TimeoutError | sa.PendingRollbackError):
            return True
        if isinstance(e, sa.DBAPIError) and (e.connection_invalidated or isinstance(e.orig, OSError)):
            return True
        if isinstance(e, OSError) and not isinstance(e, TelegramAPIError):
            return True
        e = e.__cause__ or e.__context__
    return False


def undeliverable(exc: BaseException) -> bool:
    """Telegram refused the chat itself (blocked, deleted, not found): another message would fail the same way."""
    if isinstance(exc, TelegramForbiddenError):
        return True
    msg = getattr(exc, "message", "") or ""
    return isinstance(exc, TelegramBadRequest) and any(
        w in msg.lower() for w in ("chat not found", "user not found", "user is deactivated", "peer_id_invalid"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:300] if text else ''}"


async def on_error(event: ErrorEvent, bot: Bot) -> bool:
    """Nothing escapes to the polling loop. The user hears what happened, unless their chat is unreachable."""
    upd = event.update
    exc = event.exception
    chat_id = None
    if upd.message is not None:
        chat_id = upd.message.chat.id
    elif upd.callback_query is not None:
        chat_id = upd.callback_query.from_user.id
    if undeliverable(exc):
        log.warning("update %s: chat %s cannot be reached (%s); nothing more sent", upd.update_id, chat_id,
                    _first_line(exc))
        return True
    text = texts.ERROR
    if database_unavailable(exc):
        log.error("update %s: database unavailable, the user is asked to send again: %s", upd.update_id,
                  _first_line(exc))
        text = DB_BUSY
    else:
        log.exception("update %s failed: %s", upd.update_id, exc, exc_info=exc)
    if chat_id is not None:
        try:
            await bot.send_message(chat_id, text)
        except Exception as e:  # noqa: BLE001 - the error path must never raise
            log.warning("could not tell chat %s about the error: %s", chat_id, _first_line(e))
    return True


def setup() -> Router:
    router = Router(name="common")
    router.message.register(cmd_help, Command("huongdan", "help"))
    router.errors.register(on_error)
    return router


async def not_answering(message: Message, account: Account) -> None:
    """Typed text when no feature's mode claims it (no questionnaire open, paused, waiting for approval)."""
    await message.answer(questionnaire.not_answering(account).messages[0].text)


async def not_text(message: Message) -> None:
    await message.answer(texts.NOT_TEXT)


async def unknown_command(message: Message) -> None:
    await message.answer("Không có lệnh này. Các lệnh: /baocao, /tiendo, /tonghop, /huongdan, /huy, /start.")


async def text_in_no_mode(message: Message, account: Account) -> None:
    await not_answering(message, account)


def setup_fallback() -> Router:
    router = Router(name="fallback")
    router.message.register(not_text, Magic(F.photo | F.sticker | F.voice | F.video | F.document | F.audio
                                              | F.video_note | F.animation | F.location | F.contact))
    router.message.register(unknown_command, Magic(F.text.startswith("/")))
    router.message.register(text_in_no_mode, Magic(F.text))
    return router
