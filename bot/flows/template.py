"""/mau, channel-free: the unit's questionnaire as an .xlsx to fill on a computer, and a filled file taken back —
read, checked, only what changed stored (``bot/template_io.py``), then the officer is put in the questionnaire's
review with «👁 Xem lại» / «📨 Gửi báo cáo». Each function returns an ``Outcome``; nothing here commits."""

from __future__ import annotations

from bot import texts
from bot.flows import questionnaire, upward
from bot.flows.outcome import TEMPLATE_PERIOD, Choice, File, Outcome, refuse, screens
from bot.services import Services
from bot.template_io import XLSX_MIME, Imported, TemplateLocked, build, import_file
from dialogs.answers import format_value
from dialogs.engine import Button, Screen
from dialogs.engine.base import Mode
from dialogs.outline import Outline
from dialogs.text import slug
from exports.template import MAX_BYTES, TemplateRefused
from storage.models import Account, Period, Unit
from storage.repo import Repo

UPLOAD_TYPES = (XLSX_MIME, "application/octet-stream", "application/zip")
# modes whose typed input a file must not interrupt (another feature is waiting for text)
BUSY_MODES = {"join", "moky", "review_comment", "unlock_reason"}
SEND_BACK = "Điền xong, lưu dạng .xlsx rồi gửi lại tệp vào cuộc trò chuyện này."  # a channel without files replaces
EXPLAIN = ("📊 Mẫu báo cáo «{short}» — {label} của {unit}.\n"
           "• Mỗi phần của đề cương là một trang, mỗi Biểu một trang riêng; chỉ điền vào các ô trắng.\n"
           "• Ô màu vàng là số liệu kỳ trước, giữ nguyên nếu không đổi. Dòng tổng bot tự tính lại.\n"
           "• Số viết 1234 hoặc 1.234; tỷ lệ 49% hoặc 47/96; ngày 19/6/2025.\n"
           + SEND_BACK + " Bot đọc từng ô, báo ô nào sai (trang, ô, lý do, ví dụ) và lưu các ô đúng; sau đó bạn xem "
           "lại và gửi báo cáo như thường lệ.")


def no_unit(acc: Account) -> str | None:
    """Why /mau is not for this account (None: it is)."""
    if acc.unit_id is not None:
        return None
    if acc.role == "officer":
        return "/mau dành cho cán bộ đầu mối của một đơn vị. " + texts.NO_UNIT
    return "Bạn là người tổng hợp: /mau dành cho cán bộ đầu mối. Dùng /xem để đọc báo cáo của một đơn vị."


async def template_file(services: Services, repo: Repo, unit: Unit, period: Period, outline: Outline) -> Outcome:
    data = await build(services, repo, unit, period, outline)
    caption = texts.clip(EXPLAIN.format(short=outline.short, label=period.label, unit=unit.name), 1024)
    return Outcome(items=[File(f"mau_{unit.code}_{slug(period.label)}.xlsx", data, caption)])


async def choose(services: Services, repo: Repo, acc: Account) -> Outcome:
    """/mau: the one open report's .xlsx, or a choice between several, or why there is none."""
    why = no_unit(acc)
    if why is not None:
        return Outcome().say(why)
    unit = await repo.units.unit(acc.unit_id)
    periods = await questionnaire.open_periods_for(services, repo, unit)
    if not periods:
        return Outcome().say(f"Hiện chưa có kỳ báo cáo nào đang mở cho {unit.name}, nên chưa có mẫu để điền.")
    if len(periods) > 1:
        rows = [[Choice.of(f"{o.short} — {p.label}"[:60], TEMPLATE_PERIOD, period=p.id)] for p, o in periods]
        return Outcome().say("Có nhiều báo cáo đang mở. Chọn báo cáo cần lấy mẫu .xlsx:", rows)
    return await template_file(services, repo, unit, *periods[0])


async def for_period(services: Services, repo: Repo, acc: Account, period_id: int) -> Outcome:
    """A ``TEMPLATE_PERIOD`` choice: that period's .xlsx."""
    if acc.unit_id is None:
        return refuse(texts.NO_UNIT)
    unit = await repo.units.unit(acc.unit_id)
    match = [(p, o) for p, o in await questionnaire.open_periods_for(services, repo, unit) if p.id == period_id]
    if not match:
        return refuse("Kỳ báo cáo này không còn mở cho đơn vị của bạn. Gõ /mau để chọn lại.")
    out = await template_file(services, repo, unit, *match[0])
    out.alert = "Đang làm mẫu…"
    return out


def refuse_upload(name: str, mime: str | None, size: int | None) -> str | None:
    """Why a file is not taken, from its name, declared type and size alone (the chat and the web page's upload);
    None: read it."""
    if size is not None and size > MAX_BYTES:
        return (f"⛔ Tệp «{texts.clip_user(name, 60)}» nặng hơn 20 MB nên bot không nhận. Hãy gửi đúng tệp mẫu .xlsx "
                "đã điền (thường chỉ vài trăm KB).")
    if not name.lower().endswith(".xlsx") or (mime and mime not in UPLOAD_TYPES):
        return (f"⛔ Tệp «{texts.clip_user(name, 60)}» không phải bảng tính .xlsx. Hãy gửi lại đúng tệp mẫu nhận bằng "
                "/mau, lưu dạng .xlsx (không phải .xls, .csv, .pdf hay ảnh chụp).")
    return None


async def refuse_file(repo: Repo, acc: Account, name: str, mime: str | None, size: int | None) -> Outcome | None:
    """Before the file is fetched: why it is not taken (None: fetch it and call :func:`take_file`)."""
    pos = await repo.positions.position(acc.id)
    if pos is not None and pos.mode in BUSY_MODES:
        return Outcome().say("Bot đang chờ bạn gõ câu trả lời cho bước trước. Gõ /huy rồi gửi lại tệp.")
    if size is not None and size <= MAX_BYTES and await upward.province_of(repo, acc) is not None:
        if name.lower().endswith((".xlsx", ".docx")):
            return None  # the province's report upward, edited (read by ``upward.take_file``)
        return Outcome().say(f"⛔ Tệp «{texts.clip_user(name, 60)}» không phải .xlsx hay .docx. Bấm «📥 Tải tệp để "
                             "sửa» trong /baocaolen, sửa tệp đó rồi gửi lại (lưu dạng .xlsx hoặc .docx).")
    why = no_unit(acc) or refuse_upload(name, mime, size)
    return Outcome().say(why) if why is not None else None


async def take_file(services: Services, repo: Repo, acc: Account, data: bytes) -> Outcome:
    """A filled template: stored (what changed) and summed up, or refused with the reason (nothing stored)."""
    if await upward.province_of(repo, acc) is not None:
        return await upward.take_file(services, repo, acc, data)
    unit = await repo.units.unit(acc.unit_id)
    try:
        got = await import_file(services, repo, data, unit=unit, by=acc)
    except TemplateLocked as e:
        return Outcome().say(refusal(e), questionnaire.unlock_choice(e.submission.id))
    except TemplateRefused as e:
        return Outcome().say(refusal(e))
    return await imported(services, repo, acc, got)


def refusal(e: TemplateRefused) -> str:
    """A file refused as a whole, as the officer reads it (chat and web)."""
    if isinstance(e, TemplateLocked):
        return f"⛔ Chưa lưu gì: {e.reason}"
    return f"⛔ Tệp không được nhận, chưa lưu gì: {e.reason}"


async def imported(services: Services, repo: Repo, acc: Account, got: Imported) -> Outcome:
    """The summary, then the officer is put in the questionnaire's review with "Xem lại" / "Gửi báo cáo"."""
    await late_change(services, repo, acc, got)
    pos = await repo.positions.save_position(acc.id, submission_id=got.submission.id, question_key=None, mode=Mode.RECAP,
                                   state={})
    parts = texts.split_text(got.text())
    out = Outcome()
    for part in parts[:-1]:
        out.say(part)
    screen = Screen(parts[-1], [[Button("👁 Xem lại", "review"), Button("📨 Gửi báo cáo", "submit")]])
    return screens(out, [screen], pos.nonce)


async def late_change(services: Services, repo: Repo, acc: Account, got: Imported) -> None:
    """A report already sent, changed by a file after the deadline: its supervisors are told (chat and web alike)."""
    now = services.now()
    if got.changed and got.was_submitted and now > got.period.deadline:
        numbers = ", ".join(got.outline.ref(k).number or k for k in got.changed[:10])
        await repo.outbox.enqueue_for_supervisors(
            got.unit, "late_change", f"{got.unit.name} sửa báo cáo «{got.outline.short}» kỳ {got.period.label} sau "
            f"hạn nộp bằng tệp .xlsx (mục {numbers}), người sửa: {acc.full_name or acc.telegram_id}.",
            period_id=got.period.id, now=now)


def change_lines(got: Imported, limit: int = 40) -> list[str]:
    """What a filled file would change, one line a question: «Câu 2.1 — Tổng số nhiệm vụ: 40 → 52»."""
    out = []
    for key in got.changed[:limit]:
        ref = got.outline.ref(key)
        q = ref.question
        title = texts.clip_user(q.label or q.prompt, 70)
        old = got.before.get(key)
        new = got.result.answers[key]
        if q.type in ("table", "list", "documents"):
            what = "chưa có → có số liệu" if old is None else "số liệu thay đổi"
        else:
            was = "(trống)" if old is None else texts.clip_user(format_value(q, old), 60)
            what = f"{was} → {texts.clip_user(format_value(q, new), 60)}"
        out.append(f"{('Mục ' + ref.number) if ref.number else key} — {title}: {what}")
    if len(got.changed) > limit:
        out.append(f"… và {len(got.changed) - limit} câu khác.")
    return out
