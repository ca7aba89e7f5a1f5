"""/mau on Zalo: Zalo delivers no files to a bot, so the template's message also carries a link to the web page's
upload (``bot/web/upload.py``) — signed, expiring with the file link (``FILE_LINK_HOURS``), bound to the person
and the template's period. The template says which period it is for (``template_io.peek``), so no handler
needs to know the channel."""

from __future__ import annotations

import logging

from bot.services import Services
from bot.template_io import peek
from dialogs.localtime import local_text
from exports.template import TemplateRefused
from storage.repo import Repo

log = logging.getLogger(__name__)

NO_WEB = ("Zalo không chuyển tệp cho bot và trang web của bot chưa được bật, nên chưa tải tệp đã điền lên được. "
          "Hãy nhờ quản trị viên bật trang web (WEB_BASE_URL), hoặc gửi tệp cho quản trị viên để nhập bằng lệnh "
          "«baocao answers import».")


async def upload_note(services: Services, chat_id: int, filename: str, data: bytes) -> str | None:
    """The lines that replace "send the file back here" under a /mau template sent on Zalo; None: not a template."""
    if not filename.lower().endswith(".xlsx"):
        return None
    try:
        meta = peek(data)
    except TemplateRefused:
        return None
    if meta is None or not meta.get("period", "").isdigit():
        return None
    if not services.settings.web_base_url:
        return NO_WEB
    from bot.web.upload import issue_upload_link

    async with services.db.session() as s:
        repo = Repo(s)
        acc = await repo.accounts.account_by_tg(chat_id)
        if acc is None:
            return None
        issued = await issue_upload_link(services, repo, acc, int(meta["period"]),
                                         hours=services.settings.file_link_hours)
        await s.commit()
    until = local_text(issued.expires_at, services.tz)
    return (f"📤 Điền xong, lưu dạng .xlsx rồi tải tệp lên tại: {issued.url}\n"
            "Trang đọc từng ô, báo ô nào sai, cho xem trước những gì thay đổi rồi mới lưu khi bạn bấm «Áp dụng». "
            f"(Zalo không chuyển tệp cho bot. Đường dẫn dành riêng cho bạn và kỳ báo cáo này, dùng được đến {until}.)")
