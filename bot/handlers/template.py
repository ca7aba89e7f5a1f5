"""/mau: the unit's questionnaire as an .xlsx to fill on a computer; the filled file sent back is read, checked and
stored (only what changed), then the officer reviews and submits as usual."""

from __future__ import annotations

import io
import re

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot import texts
from bot.callbacks import TemplatePeriod
from bot.filters import Magic
from bot.flows import questionnaire
from bot.flows.outcome import Outcome, screens
from bot.render import show
from bot.services import Services
from bot.template_io import XLSX_MIME, TemplateLocked, build, import_file
from dialogs.engine import Button, Screen
from dialogs.outline import Outline
from exports.template import MAX_BYTES, TemplateRefused
from storage.models import Account, Period, Unit
from storage.repo import Repo

# modes whose typed input a file must not interrupt (another feature is waiting for text)
BUSY_MODES = {"join", "moky", "review_comment", "unlock_reason"}
EXPLAIN = ("📊 Mẫu báo cáo «{short}» — {label} của {unit}.\n"
           "• Mỗi phần của đề cương là một trang, mỗi Biểu một trang riêng; chỉ điền vào các ô trắng.\n"
           "• Ô màu vàng là số liệu kỳ trước, giữ nguyên nếu không đổi. Dòng tổng bot tự tính lại.\n"
           "• Số viết 1234 hoặc 1.234; tỷ lệ 49% hoặc 47/96; ngày 19/6/2025.\n"
           "Điền xong, lưu dạng .xlsx rồi gửi lại tệp vào cuộc trò chuyện này. Bot đọc từng ô, báo ô nào sai "
           "(trang, ô, lý do, ví dụ) và lưu các ô đúng; sau đó bạn xem lại và gửi báo cáo như thường lệ.")


async def own_unit(message_or_cb, repo: Repo, account: Account) -> Unit | None:
    if account.unit_id is None:
        text = ("/mau dành cho cán bộ đầu mối của một đơn vị. " + texts.NO_UNIT) if account.role == "officer" else (
            "Bạn là người tổng hợp: /mau dành cho cán bộ đầu mối. Dùng /xem để đọc báo cáo của một đơn vị.")
        await message_or_cb.answer(text)
        return None
    return await repo.unit(account.unit_id)


async def send_template(bot: Bot, chat_id: int, services: Services, repo: Repo, unit: Unit, period: Period,
                        outline: Outline) -> None:
    data = await build(services, repo, unit, period, outline)
    label = re.sub(r"[^0-9A-Za-z]+", "-", period.label).strip("-")[:30]
    await bot.send_document(chat_id, BufferedInputFile(data, filename=f"mau_{unit.code}_{label}.xlsx"),
                            caption=texts.clip(EXPLAIN.format(short=outline.short, label=period.label, unit=unit.name),
                                               1024))


async def cmd_mau(message: Message, bot: Bot, services: Services, repo: Repo, account: Account) -> None:
    unit = await own_unit(message, repo, account)
    if unit is None:
        return
    periods = await questionnaire.open_periods_for(services, repo, unit)
    if not periods:
        await message.answer(f"Hiện chưa có kỳ báo cáo nào đang mở cho {unit.name}, nên chưa có mẫu để điền.")
        return
    if len(periods) > 1:
        rows = [[InlineKeyboardButton(text=f"{o.short} — {p.label}"[:60],
                                      callback_data=TemplatePeriod(period=p.id).pack())] for p, o in periods]
        await message.answer("Có nhiều báo cáo đang mở. Chọn báo cáo cần lấy mẫu .xlsx:",
                             reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
        return
    await send_template(bot, message.chat.id, services, repo, unit, *periods[0])


async def on_period(cb: CallbackQuery, callback_data: TemplatePeriod, bot: Bot, services: Services, repo: Repo,
                    account: Account) -> None:
    if account.unit_id is None:
        await cb.answer(texts.NO_UNIT, show_alert=True)
        return
    unit = await repo.unit(account.unit_id)
    match = [(p, o) for p, o in await questionnaire.open_periods_for(services, repo, unit) if p.id == callback_data.period]
    if not match:
        await cb.answer("Kỳ báo cáo này không còn mở cho đơn vị của bạn. Gõ /mau để chọn lại.", show_alert=True)
        return
    await cb.answer("Đang làm mẫu…")
    await send_template(bot, cb.from_user.id, services, repo, unit, *match[0])


def refuse_before_download(name: str, mime: str | None, size: int | None) -> str | None:
    if size is not None and size > MAX_BYTES:
        return (f"Tệp «{texts.clip_user(name, 60)}» nặng hơn 20 MB nên bot không nhận. Hãy gửi đúng tệp mẫu .xlsx "
                "đã điền (thường chỉ vài trăm KB).")
    if not name.lower().endswith(".xlsx") or (mime and mime not in (XLSX_MIME, "application/octet-stream",
                                                                   "application/zip")):
        return (f"Tệp «{texts.clip_user(name, 60)}» không phải bảng tính .xlsx. Hãy gửi lại đúng tệp mẫu nhận bằng "
                "/mau, lưu dạng .xlsx (không phải .xls, .csv, .pdf hay ảnh chụp).")
    return None


async def on_document(message: Message, bot: Bot, services: Services, repo: Repo, account: Account) -> None:
    pos = await repo.position(account.id)
    if pos is not None and pos.mode in BUSY_MODES:
        await message.answer("Bot đang chờ bạn gõ câu trả lời cho bước trước. Gõ /huy rồi gửi lại tệp.")
        return
    unit = await own_unit(message, repo, account)
    if unit is None:
        return
    doc = message.document
    why = refuse_before_download(doc.file_name or "", doc.mime_type, doc.file_size)
    if why is not None:
        await message.answer(f"⛔ {why}")
        return
    buf = await bot.download(doc, destination=io.BytesIO())
    try:
        got = await import_file(services, repo, buf.getvalue(), unit=unit, by=account)
    except TemplateLocked as e:
        await show(bot, message.chat.id,
                   Outcome().say(f"⛔ Chưa lưu gì: {e.reason}", questionnaire.unlock_choice(e.submission.id)))
        return
    except TemplateRefused as e:
        await message.answer(f"⛔ Tệp không được nhận, chưa lưu gì: {e.reason}")
        return
    await after_import(bot, message.chat.id, services, repo, account, got)


async def after_import(bot: Bot, chat_id: int, services: Services, repo: Repo, account: Account, got) -> None:
    """The summary, then the officer is put in the questionnaire's review with "Xem lại" / "Gửi báo cáo"."""
    now = services.now()
    if got.changed and got.was_submitted and now > got.period.deadline:
        numbers = ", ".join(got.outline.ref(k).number or k for k in got.changed[:10])
        await repo.enqueue_for_supervisors(
            got.unit, "late_change", f"{got.unit.name} sửa báo cáo «{got.outline.short}» kỳ {got.period.label} sau "
            f"hạn nộp bằng tệp .xlsx (mục {numbers}), người sửa: {account.full_name or account.telegram_id}.",
            period_id=got.period.id, now=now)
    pos = await repo.save_position(account.id, submission_id=got.submission.id, question_key=None, mode="review",
                                   state={})
    parts = texts.split_text(got.text())
    out = Outcome()
    for part in parts[:-1]:
        out.say(part)
    screen = Screen(parts[-1], [[Button("👁 Xem lại", "review"), Button("📨 Gửi báo cáo", "submit")]])
    await show(bot, chat_id, screens(out, [screen], pos.nonce))


def setup() -> Router:
    router = Router(name="template")
    router.message.register(cmd_mau, Command("mau"))
    router.callback_query.register(on_period, TemplatePeriod.filter())
    router.message.register(on_document, Magic(F.document))
    return router
