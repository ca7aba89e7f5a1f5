"""`python -m bot`: run the bot (long polling, or a webhook when WEBHOOK_URL is set)."""

from __future__ import annotations

import sys

from bot.app import configure_logging, run, run_main
from bot.config import get_settings

NO_TOKEN = """Chưa có BOT_TOKEN, nên bot chưa thể kết nối Telegram.

Cách lấy token:
  1. Mở Telegram, tìm @BotFather, gửi lệnh /newbot.
  2. Đặt tên hiển thị và tên bot (kết thúc bằng «bot»), BotFather trả về một token dạng 123456789:ABC...
  3. Sao chép .env.example thành .env rồi điền: BOT_TOKEN=123456789:ABC...
     (hoặc đặt biến môi trường BOT_TOKEN), sau đó chạy lại lệnh này.
Dùng Zalo thay cho (hoặc cùng với) Telegram: điền ZALO_BOT_TOKEN (xem README, phần «Zalo»).

Muốn xem bot hoạt động ngay mà chưa cần token? Chạy bản trình diễn ngoại tuyến:
  .venv/bin/baocao demo
(ba đơn vị mẫu trả lời báo cáo tuần trong hai tuần, rồi người tổng hợp nhận báo cáo tổng hợp vào ./demo/)."""


def main() -> int:
    settings = get_settings()
    if not settings.token and not settings.zalo_token:
        print(NO_TOKEN)
        return 2
    configure_logging(settings.log_level)
    try:
        run_main(run(settings), settings)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
