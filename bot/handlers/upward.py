"""/baocaolen: the province reports upward in the same bot.

The province's supervisor turns the consolidation of its communes into the province's own report for the level
above: the figures carried from the communes (with their source, recomputed from the communes' sent reports each
time the draft is shown — so a commune's report unlocked and changed is followed — until the province sends it; after
that they are locked), the narrative drafted from the grouped commune answers and edited by the province, then sent.
The report is the province unit's submission in the same period: the level above reviews, returns and approves it
with /xem as any unit's, follows provinces in /tiendo, and its /tonghop rolls up the provinces.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.callbacks import UpwardButton
from bot.filters import InMode, Magic
from bot.flows import questionnaire
from bot.handlers.access import REFUSE, is_supervisor
from bot.render import show
from bot.services import Services
from dialogs import lifecycle
from dialogs.answers import format_value, numeric
from dialogs.kinds import LOCAL_KINDS, PROVINCE_KINDS
from dialogs.outline import Outline
from dialogs.periods import local_text
from exports.load import load_consolidation
from exports.upward import NARRATIVE_TYPES, rollup
from storage.models import Account, ConversationPosition, Period, Submission, Unit
from storage.repo import Repo

MODE = "upward_edit"
NO_PROVINCE = ("Lệnh /baocaolen dành cho người tổng hợp cấp tỉnh: tài khoản của bạn chưa được giao một tỉnh, thành phố. "
               "Hãy liên hệ quản trị viên.")


async def province_of(repo: Repo, acc: Account) -> Unit | None:
    if not is_supervisor(acc):
        return None
    for u in await repo.accounts.scopes(acc):
        if u.kind in PROVINCE_KINDS:
            return u
    unit = await repo.units.unit(acc.unit_id) if acc.unit_id else None
    return unit if unit is not None and unit.kind in PROVINCE_KINDS else None


async def periods_for(services: Services, repo: Repo) -> list[tuple[Period, Outline]]:
    """Open periods whose outline the communes answer: each is a report the province sends upward."""
    out = []
    for p in await repo.periods.list_periods(status="open"):
        o = services.catalogue.outlines.get(p.outline_id)
        if o is not None and set(o.respondents) & set(LOCAL_KINDS):
            out.append((p, o))
    return out


async def cmd_upward(message: Message, services: Services, repo: Repo, account: Account) -> None:
    if not is_supervisor(account):
        await message.answer(REFUSE)
        return
    province = await province_of(repo, account)
    if province is None:
        await message.answer(NO_PROVINCE)
        return
    periods = await periods_for(services, repo)
    if not periods:
        await message.answer("Hiện không có kỳ báo cáo nào đang mở để tỉnh báo cáo lên cấp trên.")
        return
    if len(periods) > 1:
        rows = [[InlineKeyboardButton(text=f"{o.short} — {p.label}"[:60], callback_data=UpwardButton(action="r", period=p.id).pack())]
                for p, o in periods]
        await message.answer("Chọn báo cáo cần gửi lên cấp trên:", reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
        return
    text, kb = await draft(services, repo, account, province, *periods[0])
    await message.answer(text, reply_markup=kb)


async def refresh(services: Services, repo: Repo, acc: Account, province: Unit, period: Period,
                  outline: Outline) -> tuple[Submission, dict[str, str], int]:
    """The province's submission with the figures recomputed from the communes (while it is not sent) and the
    narrative drafted where the province has not written its own; the figures' sources; communes that sent."""
    sub = await repo.submissions.ensure_submission(province.id, period.id, services.outline_versions.get(outline.id),
                                       now=services.now())
    await repo.commit()  # the consolidation reads in its own session
    c = await load_consolidation(services.db, services.catalogue, period.id, province.code)
    r = rollup(c)
    if lifecycle.is_sent(sub.status):
        return sub, r.sources, r.sent
    vias = await repo.submissions.answer_vias(sub.id)
    current = await repo.submissions.answers(sub.id)
    now = services.now()
    for key, value in r.figures.items():
        if current.get(key) != value:
            await repo.submissions.set_answer(sub.id, key, value, num=numeric(outline.question(key), value), by=acc.id,
                                  via="rollup", now=now)
    for key, text in r.narrative.items():
        if vias.get(key, "rollup") == "rollup" and current.get(key) != text:
            await repo.submissions.set_answer(sub.id, key, text, by=acc.id, via="rollup", now=now)
    await repo.commit()
    return sub, r.sources, r.sent


async def draft(services: Services, repo: Repo, acc: Account, province: Unit, period: Period,
                outline: Outline) -> tuple[str, InlineKeyboardMarkup]:
    sub, sources, sent = await refresh(services, repo, acc, province, period, outline)
    answers = await repo.submissions.answers(sub.id)
    vias = await repo.submissions.answer_vias(sub.id)
    deadline = period.level_deadline("province")
    lines = [f"🏛 Báo cáo của {province.name} gửi cấp trên — «{outline.short}», {period.label}",
             f"Từ báo cáo của {sent} đơn vị cấp xã đã gửi."
             + (f" Hạn cấp tỉnh: {local_text(deadline, services.tz)}." if deadline else "")]
    sent_now = lifecycle.is_sent(sub.status)
    if sub.status == lifecycle.Status.RETURNED and sub.comment:
        lines.append(f"↩ Cấp trên trả lại: {sub.comment}")
    if sent_now:
        lines.append(f"📨 Đã gửi lên cấp trên lúc {local_text(sub.submitted_at, services.tz)}: số liệu đã khóa.")
    rows = []
    for i, ref in enumerate(outline.refs):
        q = ref.question
        if q.key not in answers:
            continue
        shown = format_value(q, answers[q.key], limit=600)
        if q.key in sources:
            lines.append(f"{ref.number or i + 1} {q.prompt}: {shown} ({sources[q.key]})")
        else:
            who = "tỉnh đã sửa" if vias.get(q.key) != "rollup" else "dự thảo từ câu trả lời của các xã"
            lines.append(f"{ref.number or i + 1} {q.prompt} — {who}:\n{shown}")
        if q.type in NARRATIVE_TYPES and not sent_now:
            rows.append([InlineKeyboardButton(text=f"✏️ Sửa mục {ref.number or i + 1}"[:60],
                                              callback_data=UpwardButton(action="e", period=period.id, q=i).pack())])
    if not sent_now:
        rows.append([InlineKeyboardButton(text="🔄 Tính lại", callback_data=UpwardButton(action="r", period=period.id).pack()),
                     InlineKeyboardButton(text="📨 Gửi lên cấp trên", callback_data=UpwardButton(action="s", period=period.id).pack())])
    text = "\n".join(lines)
    return (text if len(text) <= 4000 else text[:3990] + "…"), InlineKeyboardMarkup(inline_keyboard=rows)


async def on_up(cb: CallbackQuery, services: Services, callback_data: UpwardButton, bot: Bot, repo: Repo, account: Account) -> None:
    province = await province_of(repo, account)
    period = await repo.periods.period(callback_data.period)
    outline = services.catalogue.outlines.get(period.outline_id) if period else None
    if province is None or period is None or outline is None or period.status != "open":
        await cb.answer(NO_PROVINCE if province is None else "Kỳ này không còn mở. Gõ /baocaolen để chọn lại.",
                        show_alert=True)
        return
    d = callback_data
    if d.action == "e" and 0 <= d.q < len(outline.refs):
        q = outline.refs[d.q].question
        await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode=MODE,
                                 state={"period": period.id, "key": q.key})
        await repo.commit()
        await cb.answer()
        await bot.send_message(cb.from_user.id, f"Gõ nội dung mới cho «{q.prompt}» (một tin nhắn; gõ /huy để thôi).")
        return
    if d.action == "s":
        await cb.answer()
        await send_upward(bot, cb.from_user.id, services, repo, account, province, period, outline)
        return
    await cb.answer()
    text, kb = await draft(services, repo, account, province, period, outline)
    await bot.send_message(cb.from_user.id, text, reply_markup=kb)


async def send_upward(bot: Bot, chat_id: int, services: Services, repo: Repo, acc: Account, province: Unit,
                      period: Period, outline: Outline) -> None:
    """The figures recomputed one last time, then the report sent: from now on they are locked."""
    sub, _, sent = await refresh(services, repo, acc, province, period, outline)
    if lifecycle.is_sent(sub.status):
        await bot.send_message(chat_id, "Báo cáo của tỉnh đã gửi lên cấp trên rồi. Gõ /baocaolen để xem.")
        return
    now = services.now()
    await repo.review.submit(sub, acc, now=now)
    deadline = period.level_deadline("province")
    late = deadline is not None and now > deadline
    await repo.outbox.enqueue_for_supervisors(province, "submitted",
                                       f"{province.name} đã gửi báo cáo «{outline.short}» kỳ {period.label} lên cấp "
                                       f"trên (từ {sent} đơn vị cấp xã){', sau hạn' if late else ''}.",
                                       period_id=period.id, now=now)
    await repo.commit()
    await bot.send_message(chat_id, f"📨 Đã gửi báo cáo của {province.name} lên cấp trên lúc {local_text(now, services.tz)}"
                                    f"{' (sau hạn cấp tỉnh)' if late else ''}. Số liệu đã khóa; nếu cấp trên trả lại, "
                                    "gõ /baocaolen để sửa và gửi lại.")


async def on_edit_text(message: Message, services: Services, repo: Repo, account: Account,
                       position: ConversationPosition) -> None:
    st = dict(position.state or {})
    province = await province_of(repo, account)
    period = await repo.periods.period(int(st.get("period", 0)))
    outline = services.catalogue.outlines.get(period.outline_id) if period else None
    await repo.positions.save_position(account.id, submission_id=None, question_key=None, mode="none", state={})
    if province is None or outline is None or st.get("key") not in {r.key for r in outline.refs}:
        await repo.commit()
        await message.answer("Không còn mục nào đang sửa. Gõ /baocaolen để xem báo cáo của tỉnh.")
        return
    sub = await repo.submissions.ensure_submission(province.id, period.id, services.outline_versions.get(outline.id))
    if lifecycle.is_sent(sub.status):
        await repo.commit()
        await message.answer("Báo cáo của tỉnh đã gửi lên cấp trên: không sửa được nữa, trừ khi cấp trên trả lại.")
        return
    text = (message.text or "").strip()
    await repo.submissions.set_answer(sub.id, st["key"], text, by=account.id, via="bot", now=services.now())
    await repo.commit()
    body, kb = await draft(services, repo, account, province, period, outline)
    await message.answer("✔ Đã lưu phần tỉnh sửa.\n\n" + body, reply_markup=kb)


async def cmd_cancel(message: Message, bot: Bot, repo: Repo, account: Account) -> None:
    await show(bot, message.chat.id, await questionnaire.leave(repo, account, "Đã thôi sửa. Gõ /baocaolen để xem báo cáo của tỉnh."))


def setup() -> Router:
    router = Router(name="upward")
    router.message.register(cmd_upward, Command("baocaolen"))
    router.message.register(cmd_cancel, Command("huy"), InMode(MODE))
    router.message.register(on_edit_text, Magic(F.text & ~F.text.startswith("/")), InMode(MODE))
    router.callback_query.register(on_up, UpwardButton.filter())
    return router
