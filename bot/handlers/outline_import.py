"""/nhapdecuong: an administrator turns a đề cương (.docx, .pdf, .txt) into a questionnaire and publishes it.

The flow: /nhapdecuong (mode «import») → the document (or /nhapdecuong as a reply to one) → the importer runs
in a thread → summary, the draft YAML as a file, the first three questions as an officer sees them, and the
buttons «Công bố» / «Huỷ». A corrected YAML sent back replaces the draft (after the checker). The draft is
kept in the database (``outline_drafts``), so a restart loses nothing. Publishing stores the YAML as a new
outline version (``outline_versions.yaml_text``): every process loads it (see ``Services.refresh_outlines``).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.callbacks import OpenPeriodButton, OutlineDraftButton
from bot.filters import InMode, Magic
from bot.outline_drafts import preview_screens, problem_lines, screen_text, summary_lines
from bot.services import Services
from dialogs.engine import split_messages
from dialogs.importer import DocumentError, draft_outline, import_document
from dialogs.loader import check_outline_text, text_hash
from dialogs.outline import Outline
from dialogs.parsing import format_date
from storage.models import Account
from storage.repo import Repo

log = logging.getLogger("bot.import")

MODE = "import"
TELEGRAM_MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile serves files up to 20 MB
NOT_ADMIN = ("Lệnh /nhapdecuong dành cho quản trị viên. Nếu có đề cương mới cần đưa vào bot, "
             "hãy gửi tệp đề cương cho quản trị viên.")
ASK = ("📥 Gửi tệp đề cương: .docx, .pdf (có lớp chữ, không phải bản quét) hoặc .txt, tối đa 20 MB.\n"
       "Bot sẽ chuyển thành bảng hỏi nháp để bạn xem trước rồi công bố. Gõ /huy để thôi.")
SEND_FILE = "Hãy gửi tệp đề cương (.docx, .pdf, .txt) hoặc tệp .yaml đã sửa, dưới dạng tệp đính kèm. Gõ /huy để thôi."
YAML_SUFFIXES = (".yaml", ".yml")


def _is_admin(account: Account | None) -> bool:
    return account is not None and account.role == "admin"


async def cmd_import(message: Message, bot: Bot, services: Services, repo: Repo, account: Account) -> None:
    if not _is_admin(account):
        await message.answer(NOT_ADMIN)
        return
    await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode=MODE, state={})
    reply = message.reply_to_message
    if reply is not None and reply.document is not None:
        await take_document(message, reply.document, bot, services, repo, account)
        return
    await message.answer(ASK)


async def on_document(message: Message, bot: Bot, services: Services, repo: Repo, account: Account) -> None:
    """A file sent in the «import» mode: a document to import, or a corrected YAML."""
    if not _is_admin(account):
        await message.answer(NOT_ADMIN)
        return
    assert message.document is not None
    await take_document(message, message.document, bot, services, repo, account)


async def cmd_cancel(message: Message, repo: Repo, account: Account) -> None:
    """/huy while importing: leave the mode; the draft stays (its «Công bố» button still works)."""
    await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
    await message.answer("Đã thôi nhập đề cương. Bản nháp (nếu có) vẫn được giữ: gõ /nhapdecuong để tiếp tục.")


async def on_other(message: Message, account: Account) -> None:
    """Typed text (or a photo) in the «import» mode."""
    await message.answer(SEND_FILE if _is_admin(account) else NOT_ADMIN)


async def _download(message: Message, doc: Document, bot: Bot) -> bytes | None:
    if doc.file_size is not None and doc.file_size > TELEGRAM_MAX_DOWNLOAD:
        await message.answer(
            f"❗ Tệp «{doc.file_name or 'tệp'}» nặng {doc.file_size / 1048576:.1f} MB; bot chỉ nhận tệp đến 20 MB. "
            "Hãy gửi riêng phần đề cương (ví dụ lưu lại thành .docx không kèm ảnh), hoặc dùng dòng lệnh: "
            "baocao outlines import de-cuong.docx")
        return None
    try:
        buf = await bot.download(doc.file_id)
    except TelegramBadRequest as e:  # e.g. "file is too big" when Telegram did not declare the size
        await message.answer(f"❗ Không tải được tệp «{doc.file_name or 'tệp'}» từ Telegram ({e.message}). "
                             "Hãy gửi tệp nhỏ hơn 20 MB, hoặc dùng dòng lệnh: baocao outlines import de-cuong.docx")
        return None
    data = buf.getvalue() if buf is not None else b""
    if not data:
        await message.answer(f"❗ Tệp «{doc.file_name or 'tệp'}» rỗng. Hãy gửi tệp đề cương có nội dung (.docx, .pdf, .txt).")
        return None
    return data


async def take_document(message: Message, doc: Document, bot: Bot, services: Services, repo: Repo,
                        account: Account) -> None:
    name = doc.file_name or "de-cuong"
    data = await _download(message, doc, bot)
    if data is None:
        return
    await repo.commit()  # no transaction held while the importer works
    if name.lower().endswith(YAML_SUFFIXES):
        await _take_yaml(message, bot, name, data, services, repo, account)
        return
    await message.answer(f"⏳ Đang đọc «{name}»…")
    try:
        result = await asyncio.to_thread(import_document, data, name)
        outline = draft_outline(result)
    except DocumentError as e:
        await message.answer(f"❗ Không nhập được «{name}»: {e}")
        return
    except Exception:  # noqa: BLE001 — an importer bug (an invalid draft included): told, logged, not fatal
        log.exception("the importer failed on %s", name)
        await message.answer(f"❗ Trình nhập chưa đọc được «{name}» (lỗi của chương trình, đã ghi lại). "
                             "Hãy thử gửi bản .docx hoặc .txt của đề cương.")
        return
    await repo.outlines.save_outline_draft(account.id, name, result.yaml)
    await present(message, bot, services, outline, result.yaml, result.repairs)


async def _take_yaml(message: Message, bot: Bot, name: str, data: bytes, services: Services, repo: Repo,
                     account: Account) -> None:
    """A corrected draft: checked; its problems listed by line, or it replaces the draft."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        await message.answer(f"❗ Tệp «{name}» không phải văn bản UTF-8. Hãy lưu lại tệp .yaml với mã UTF-8 rồi gửi lại.")
        return
    outline, problems = check_outline_text(text)
    if outline is None or problems:
        lines = problem_lines(problems, f"Tệp «{name}»")
        lines.append("Sửa các dòng trên rồi gửi lại tệp .yaml; bản nháp trước vẫn được giữ.")
        for part in split_messages(lines):
            await message.answer(part)
        return
    await repo.outlines.save_outline_draft(account.id, name, text)
    await present(message, bot, services, outline, text)


async def present(message: Message, bot: Bot, services: Services, outline: Outline, yaml_text: str,
                  repairs: dict[str, int] | None = None) -> None:
    """Summary, the draft as a .yaml file, the first questions as officers see them, and the buttons."""
    chat_id = message.chat.id
    for part in split_messages(["📋 Bản nháp đề cương", *summary_lines(outline, yaml_text, repairs)]):
        await bot.send_message(chat_id, part)
    await bot.send_document(chat_id, BufferedInputFile(yaml_text.encode("utf-8"), filename=f"{outline.id}.yaml"),
                            caption="Bản nháp (YAML). Muốn sửa: sửa tệp này rồi gửi lại cho bot.")
    await bot.send_message(chat_id, "👁 Xem trước các câu hỏi đầu, đúng như cán bộ sẽ thấy:")
    for sc in preview_screens(outline, services.today()):
        for part in split_messages([screen_text(sc)]):
            await bot.send_message(chat_id, part)
    if outline.id in services.catalogue.outlines:
        what = f"Mã «{outline.id}» đã có: công bố sẽ tạo phiên bản mới; câu trả lời các kỳ trước vẫn giữ."
    else:
        what = f"Đề cương mới, mã «{outline.id}»."
    kb = InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text="📢 Công bố", callback_data=OutlineDraftButton(action="pub").pack()),
        InlineKeyboardButton(text="✖ Huỷ", callback_data=OutlineDraftButton(action="cancel").pack())]])
    await bot.send_message(chat_id, f"{what}\nCông bố để mở kỳ báo cáo theo đề cương này?", reply_markup=kb)


async def on_oi(cb: CallbackQuery, callback_data: OutlineDraftButton, bot: Bot, services: Services, repo: Repo,
                account: Account) -> None:
    if not _is_admin(account):
        await cb.answer(NOT_ADMIN, show_alert=True)
        return
    draft = await repo.outlines.outline_draft(account.id)
    if callback_data.action == "cancel" or draft is None:
        await repo.outlines.delete_outline_draft(account.id)
        await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
        await cb.answer("Đã huỷ bản nháp." if draft else "Không còn bản nháp nào. Gõ /nhapdecuong để nhập lại.",
                        show_alert=draft is None)
        return
    outline, problems = check_outline_text(draft.yaml_text)
    if outline is None:
        await cb.answer(f"Bản nháp có lỗi ở dòng {problems[0].line}: hãy gửi lại tệp .yaml đã sửa.", show_alert=True)
        return
    existed = outline.id in services.catalogue.outlines
    version_id = await repo.outlines.register_outline(outline.id, outline.version, text_hash(draft.yaml_text), draft.filename,
                                             outline.title, yaml_text=draft.yaml_text)
    await repo.outlines.delete_outline_draft(account.id)
    await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
    await services.reload_outlines(repo)
    await cb.answer("Đã công bố.")
    current = services.outline_versions.get(outline.id)
    if current != version_id:  # the same text as an older version: the newer one stays in use
        await bot.send_message(cb.from_user.id, (
            f"Nội dung này trùng phiên bản số {version_id} đã công bố trước đây; đề cương đang dùng vẫn là phiên bản "
            f"số {current}. Muốn dùng lại nội dung cũ: sửa dòng «version:» (ví dụ version: {outline.version + 1}) "
            "rồi gửi lại tệp .yaml."))
        return
    await bot.send_message(cb.from_user.id, published_text(services, outline, version_id, existed),
                           reply_markup=_open_period_button(outline.id))


def published_text(services: Services, outline: Outline, version_id: int, existed: bool) -> str:
    lines = [f"📢 Đã công bố «{outline.short}» (mã {outline.id}, phiên bản số {version_id})."]
    if existed:
        lines.append("Đây là phiên bản mới của đề cương đã có: câu trả lời các kỳ trước vẫn được giữ và xuất được.")
    example = format_date(services.today() + timedelta(days=14))
    lines.append(f"Mở kỳ báo cáo: bấm nút dưới, hoặc gõ /moky, hoặc dòng lệnh: "
                 f"baocao period open {outline.id} --deadline \"{example} 17:00\"")
    return "\n".join(lines)


def _open_period_button(outline_id: str) -> InlineKeyboardMarkup | None:
    try:
        data = OpenPeriodButton(action="o", outline=outline_id).pack()
    except ValueError:  # longer than Telegram's 64 bytes of callback data: /moky lists the outline anyway
        return None
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="🗓 Mở kỳ báo cáo", callback_data=data)]])


def setup() -> Router:
    router = Router(name="outline_import")
    router.message.register(cmd_import, Command("nhapdecuong"))
    router.message.register(cmd_cancel, Command("huy"), InMode(MODE))
    router.message.register(on_document, Magic(F.document), InMode(MODE))
    router.message.register(on_other, Magic(~F.text.startswith("/")), InMode(MODE))
    router.callback_query.register(on_oi, OutlineDraftButton.filter())
    return router
