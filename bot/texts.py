"""User-facing texts (Vietnamese), and fitting texts built from user input into Telegram's limits."""

from dialogs.parsing import shown

HELP = """📘 Hướng dẫn sử dụng Trợ lý báo cáo

Bot giúp đơn vị trả lời đề cương báo cáo ngay trên điện thoại, từng câu một, và giúp nơi tổng hợp nhận báo cáo tổng hợp (.docx, .xlsx) chỉ bằng một lệnh.

Cán bộ đầu mối:
• /baocao — bắt đầu hoặc tiếp tục báo cáo của kỳ đang mở. Bot hỏi lần lượt từng câu, ghi rõ số mục (ví dụ I.1.a), câu hỏi đúng lời đề cương, cách trả lời và câu trả lời kỳ trước.
• Gõ câu trả lời rồi gửi. Số viết 1.234 hoặc 1234; số thập phân 12,5; tỷ lệ 49% hoặc 47/96; tiền 350 triệu hoặc 1,2 tỷ; ngày 19/6/2025. Không có thì gõ «không» hoặc bấm «Không có».
• Nút «Giữ như kỳ trước» giữ nguyên số liệu kỳ trước; «Quay lại», «Bỏ qua», «Mục lục» để di chuyển; «Tạm dừng» để làm tiếp sau.
• Danh sách (nhiệm vụ, văn bản): nhập từng mục, mỗi trường một dòng; bấm «Xong» khi hết.
• Biểu: nhập từng dòng, các số cách nhau bằng dấu cách (ví dụ: 12 5 3), hoặc từng ô một.
• Nội dung dài: gửi nhiều tin nhắn, xong thì bấm «Xong».
• «Xem lại» cho xem toàn bộ câu trả lời và thay đổi so với kỳ trước; gõ /c<số> để sửa câu đó. Cuối cùng bấm «Gửi báo cáo».
• Mọi câu trả lời được lưu ngay khi bot xác nhận «✔ Đã lưu»; mất mạng hay bot khởi động lại cũng không mất.
• /mau — nhận tệp Excel (.xlsx) của báo cáo để điền trên máy tính (tiện cho các Biểu lớn); điền xong gửi lại tệp cho bot, bot báo ô nào sai và lưu các ô đúng.
• Báo cáo bị trả lại: bot gửi nhận xét và nút mở câu cần sửa, dẫn bạn qua từng câu đó rồi tới «📨 Gửi lại». Báo cáo đã duyệt chỉ xem được; cần sửa (hoặc kỳ đã đóng) thì bấm «🔓 Xin mở lại» và ghi lý do: nếu được đồng ý, bạn sửa được trong thời gian giới hạn, sau đó báo cáo khóa lại và chờ duyệt lại.

Người tổng hợp:
• /tiendo — xem đơn vị nào đã nộp, đang làm, chưa làm; nhắc đơn vị chậm.
• /tonghop — nhận báo cáo tổng hợp .docx và .xlsx.
• /xem <tên đơn vị> — đọc báo cáo của một đơn vị (có so sánh với kỳ trước và lý do thay đổi lớn), tải .docx, «↩ Trả lại» kèm nhận xét (ghi số câu, ví dụ «câu 3: thiếu số liệu») hoặc «✅ Duyệt».
• /baocaonhanh — soạn một báo cáo đột xuất ngay trong bot (tên, câu hỏi mỗi câu một dòng, phạm vi, hạn tính bằng giờ) và gửi ngay cho các xã.
• /baocaolen — người tổng hợp cấp tỉnh lập báo cáo của tỉnh từ báo cáo các xã (số liệu, Biểu, danh sách cộng dồn kèm nguồn; lựa chọn đếm theo xã; phần tường thuật dự thảo) và gửi lên cấp trên; sửa trong Telegram, trên web hoặc bằng tệp .xlsx/.docx gửi lại.

Lệnh khác: /huy — thoát khỏi bảng hỏi (câu trả lời vẫn giữ); /start — đăng ký đơn vị."""

ERROR = "Đã có lỗi xảy ra khi xử lý tin nhắn, vui lòng thử lại. Câu trả lời đã xác nhận trước đó vẫn được giữ nguyên."
NOT_TEXT = ("Bot chỉ nhận câu trả lời bằng chữ. Ảnh, nhãn dán, tin nhắn thoại hay tệp không được lưu vào báo cáo. "
            "Hãy gõ câu trả lời, hoặc gõ /huongdan để xem cách trả lời.")
NO_UNIT = ("Bạn chưa được gắn với đơn vị nào. Hãy mở đường dẫn mời mà quản trị viên gửi, "
           "hoặc gõ /start rồi gõ tên đơn vị của bạn.")
STALE = "Nút này đã cũ (bạn đã sang bước khác). Gõ /baocao để về câu đang trả lời."
COMMANDS = [
    ("start", "Bắt đầu, đăng ký đơn vị"),
    ("baocao", "Trả lời báo cáo của kỳ đang mở"),
    ("tiendo", "Tiến độ nộp báo cáo (người tổng hợp)"),
    ("tonghop", "Nhận báo cáo tổng hợp .docx và .xlsx"),
    ("xem", "Xem, trả lại hoặc duyệt báo cáo một đơn vị"),
    ("mau", "Nhận mẫu Excel để điền rồi gửi lại"),
    ("web", "Điền báo cáo trên trang web (bảng biểu lớn)"),
    ("huongdan", "Hướng dẫn sử dụng"),
    ("huy", "Thoát bảng hỏi (câu trả lời vẫn giữ)"),
    ("lienket", "Liên kết Telegram với Zalo"),
    ("moky", "Mở kỳ báo cáo (quản trị viên)"),
    ("baocaonhanh", "Soạn và gửi ngay một báo cáo đột xuất (người tổng hợp)"),
    ("baocaolen", "Lập báo cáo của tỉnh gửi cấp trên (người tổng hợp cấp tỉnh)"),
    ("nhapdecuong", "Nhập đề cương mới từ tệp Word/PDF (quản trị viên)"),
    ("coquan", "Cơ quan ban hành, người ký báo cáo tổng hợp (quản trị viên)"),
]


# --------------------------------------------------------------------------- fitting texts into Telegram

TELEGRAM_TEXT_LIMIT = 4096
ELLIPSIS = "…"
def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _cut(text: str, units: int) -> str:
    """The longest prefix of ``text`` within ``units`` UTF-16 code units."""
    if utf16_len(text) <= units:
        return text
    out, n = [], 0
    for ch in text:
        w = 2 if ord(ch) > 0xFFFF else 1
        if n + w > units:
            break
        out.append(ch)
        n += w
    return "".join(out)


def clip(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> str:
    """``text`` cut to fit ``limit`` (Telegram's 4,096 for a message), ending with "…" when cut."""
    if utf16_len(text) <= limit:
        return text
    return _cut(text, limit - 1).rstrip() + ELLIPSIS


def clip_user(text: str, n: int = 200) -> str:
    """User input to be echoed inside a reply: one line, no invisible characters, at most ``n`` characters."""
    return shown(text, n)


def split_text(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """``text`` in pieces that each fit ``limit``: cut at a line break, else at a space, else anywhere."""
    parts: list[str] = []
    rest = text
    while utf16_len(rest) > limit:
        head = _cut(rest, limit)
        cut = head.rfind("\n")
        if cut < limit // 2:
            cut = head.rfind(" ")
        if cut < limit // 2:
            cut = len(head)
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest or not parts:
        parts.append(rest)
    return parts
