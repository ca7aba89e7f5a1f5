"""The officer's questionnaire: /baocao, typed answers, buttons, /c<n>, submitting."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot import texts
from bot.callbacks import QA, PickPeriod, UnlockAsk
from bot.filters import InMode, Magic
from bot.handlers.common import not_answering
from bot.keyboards import markup
from bot.services import Services
from dialogs.answers import numeric
from dialogs.engine import Ctx, Engine, Screen, Step
from dialogs.outline import Outline
from dialogs.parsing import format_date
from dialogs.regime import period_heading
from storage.models import Account, ConversationPosition, Period, Submission, Unit
from storage.repo import Repo

log = logging.getLogger(__name__)

QUESTION_MODES = {"question", "section", "toc", "review", "confirm", "choose", "idle"}
# the modes whose typed text is the questionnaire's (text in "idle" goes to the fallback router)
TYPING_MODES = QUESTION_MODES - {"idle"}


@dataclass
class Loaded:
    pos: ConversationPosition
    sub: Submission
    period: Period
    outline: Outline
    unit: Unit
    engine: Engine


async def send_screens(bot: Bot, chat_id: int, screens: list[Screen], nonce: int) -> None:
    for sc in screens:
        # Telegram counts UTF-16 units (an emoji counts 2): split by that measure, at line breaks
        parts = texts.split_text(sc.text, 4000) if texts.utf16_len(sc.text) > 4000 else [sc.text]
        for i, part in enumerate(parts):
            kb = markup(sc, nonce) if i == len(parts) - 1 else None
            await bot.send_message(chat_id, part or "…", reply_markup=kb)


def fmt_dt(services: Services, dt: datetime) -> str:
    local = dt.astimezone(services.tz)
    return f"{local.hour}:{local.minute:02d} ngày {format_date(local.date())}"


async def open_periods_for(services: Services, repo: Repo, unit: Unit) -> list[tuple[Period, Outline]]:
    """The periods the unit can answer now: open ones, and closed ones a supervisor unlocked for it."""
    out = []
    now = services.now()
    unlocked = {p.id: p for p in await repo.unlocked_periods(unit.id, now)}
    for p in await repo.list_periods(status="open") + [p for p in unlocked.values() if p.status != "open"]:
        try:
            o = services.catalogue.get(p.outline_id)
        except KeyError:
            continue
        if p.closes_at is not None and p.closes_at <= now and p.id not in unlocked:
            continue
        if p.id in unlocked or repo.period_covers(p, unit, o.respondents):
            out.append((p, o))
    return out


async def load(services: Services, repo: Repo, acc: Account) -> Loaded | None:
    found = await repo.position_context(acc.id)
    if found is None:
        return None
    pos, sub, period, unit = found
    if pos.mode not in QUESTION_MODES or sub.unit_id != acc.unit_id:
        return None
    try:
        outline = services.catalogue.get(period.outline_id)
    except KeyError:
        return None
    answers = await repo.answers(sub.id)
    prev = await services.previous_answers(repo, unit.id, period)
    ctx = Ctx(outline, unit.code, unit.kind, answers, prev, period_heading(period.label, period.cutoff_on),
              submitted=sub.status in ("submitted", "approved"), today=services.today(),
              change_ratio=services.settings.change_ratio, change_min=services.settings.change_min)
    return Loaded(pos, sub, period, outline, unit, Engine(ctx))


async def refuse_locked(bot: Bot, chat_id: int, repo: Repo, ld: Loaded, why: str) -> None:
    """The submission cannot be changed now (approved, or the period closed without an active unlock):
    say why; when it is only closed, offer «Xin mở lại». Nothing is stored."""
    kb = None
    if ld.sub.status != "approved":
        kb = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(
            text="🔓 Xin mở lại", callback_data=UnlockAsk(submission=ld.sub.id).pack())]])
    await bot.send_message(chat_id, f"⛔ {why}", reply_markup=kb)


async def apply_step(bot: Bot, chat_id: int, services: Services, repo: Repo, acc: Account, ld: Loaded,
                     step: Step) -> None:
    """Store answers (and their large-change reasons), then the position, commit — and only then show the
    messages. A locked submission (approved, or its period closed) stores nothing and says why."""
    now = services.now()
    if step.store or step.submit or step.reasons:
        ok, why = await repo.can_edit(ld.sub, now)
        if not ok:
            await refuse_locked(bot, chat_id, repo, ld, why)
            return
    # the position first, put off (defer): it is written with the answer below, in the same transaction (on
    # PostgreSQL in the answer's own statement), or at the commit when nothing is stored
    nonce = ld.pos.nonce
    if not step.error or step.store:
        pos = await repo.save_position(acc.id, submission_id=ld.sub.id, question_key=step.key, mode=step.mode,
                                       state=step.state, defer=True)
        nonce = pos.nonce
    elif step.state != (ld.pos.state or {}):  # a wrong input: its count is kept, the buttons shown stay valid
        await repo.save_position(acc.id, submission_id=ld.sub.id, question_key=step.key, mode=step.mode,
                                 state=step.state, bump=False, defer=True)
    for key, value in step.store:
        q = ld.outline.question(key)
        await repo.set_answer(ld.sub.id, key, value, num=numeric(q, value), by=acc.id, via="bot", now=now,
                              commit=False)
    for key, reason in step.reasons:
        await repo.set_reason(ld.sub.id, key, reason)
    was_submitted = ld.sub.status in ("submitted", "approved")
    if step.submit:
        await repo.submit(ld.sub, acc, now=now)
    late_change = bool(step.store) and was_submitted and now > ld.period.deadline
    await enqueue_notice(repo, acc, ld, step, late_change, now)
    await repo.commit()
    screens = list(step.screens)
    if step.submit:
        screens.append(Screen(f"📨 Đã gửi báo cáo «{ld.outline.short}» kỳ {ld.period.label} lúc {fmt_dt(services, now)}.\n"
                              "Nơi tổng hợp đã được báo. Bạn vẫn sửa được đến khi đóng kỳ: gõ /baocao."))
    await send_screens(bot, chat_id, screens, nonce)


async def enqueue_notice(repo: Repo, acc: Account, ld: Loaded, step: Step, late_change: bool, now: datetime) -> None:
    """The supervisors' notice of a submit or of a change after the deadline, queued with the answers (the
    scheduler sends each supervisor one message per NOTIFY_BATCH_MINUTES)."""
    who = acc.full_name or acc.telegram_id
    if step.submit:
        answered, total = ld.engine.progress()
        await repo.enqueue_for_supervisors(ld.unit, "submitted",
                                           f"{ld.unit.name} đã gửi báo cáo «{ld.outline.short}» kỳ {ld.period.label} "
                                           f"({answered}/{total} câu), người gửi: {who}.", period_id=ld.period.id, now=now)
    elif late_change:
        keys = ", ".join(ld.outline.ref(k).number or k for k, _ in step.store)
        await repo.enqueue_for_supervisors(ld.unit, "late_change",
                                           f"{ld.unit.name} vừa sửa báo cáo «{ld.outline.short}» kỳ {ld.period.label} "
                                           f"sau hạn nộp (mục {keys}), người sửa: {who}.", period_id=ld.period.id, now=now)


async def start_period(bot: Bot, chat_id: int, services: Services, repo: Repo, acc: Account, unit: Unit,
                       period: Period, outline: Outline) -> None:
    sub = await repo.ensure_submission(unit.id, period.id, services.outline_versions.get(outline.id))
    pos = await repo.position(acc.id)
    resume = pos.question_key if pos is not None and pos.submission_id == sub.id else None
    if pos is None or pos.submission_id != sub.id:
        pos = await repo.save_position(acc.id, submission_id=sub.id, question_key=None, mode="question", state={})
    else:
        pos.mode = "question"
    await repo.commit()
    ld = await load(services, repo, acc)
    assert ld is not None
    step = ld.engine.begin(resume)
    await apply_step(bot, chat_id, services, repo, acc, ld, step)


async def cmd_baocao(message: Message, services: Services, bot: Bot, repo: Repo, account: Account) -> None:
    if account.unit_id is None:
        if account.role in ("supervisor", "admin"):
            await message.answer("Bạn là người tổng hợp: dùng /tiendo để xem tiến độ, /tonghop để nhận báo cáo tổng hợp.")
        else:
            await message.answer(texts.NO_UNIT)
        return
    unit = await repo.unit(account.unit_id)
    assert unit is not None
    periods = await open_periods_for(services, repo, unit)
    if not periods:
        await message.answer(f"Hiện chưa có kỳ báo cáo nào đang mở cho {unit.name}. "
                             "Khi có kỳ mới, bot sẽ báo cho bạn.")
        return
    if len(periods) > 1:
        pos = await repo.position(account.id)
        rows = []
        for p, o in periods:
            sub = await repo.find_submission(unit.id, p.id)
            n = await repo.answer_count(sub.id) if sub else 0
            state = " ✅ đã gửi" if sub and sub.status == "submitted" else (f" · đã trả lời {n} câu" if n else "")
            here = " ◀ đang làm" if pos and sub and pos.submission_id == sub.id else ""
            rows.append([InlineKeyboardButton(
                text=f"{o.short} — {p.label}{state}{here}"[:64],
                callback_data=PickPeriod(period=p.id).pack())])
        await message.answer(f"{unit.name} có {len(periods)} báo cáo đang mở. Chọn báo cáo muốn làm:",
                             reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
        return
    p, o = periods[0]
    await start_period(bot, message.chat.id, services, repo, account, unit, p, o)


async def on_pick(cb: CallbackQuery, services: Services, callback_data: PickPeriod, bot: Bot, repo: Repo, account: Account) -> None:
    if account.unit_id is None:
        await cb.answer(texts.NO_UNIT, show_alert=True)
        return
    unit = await repo.unit(account.unit_id)
    assert unit is not None
    match = [(p, o) for p, o in await open_periods_for(services, repo, unit) if p.id == callback_data.period]
    if not match:
        await cb.answer("Kỳ báo cáo này không còn mở cho đơn vị của bạn. Gõ /baocao để xem các kỳ đang mở.",
                        show_alert=True)
        return
    await cb.answer()
    await start_period(bot, cb.from_user.id, services, repo, account, unit, *match[0])


async def on_button(cb: CallbackQuery, services: Services, callback_data: QA, bot: Bot, repo: Repo, account: Account) -> None:
    ld = await load(services, repo, account)
    if ld is None:
        await cb.answer("Bạn không còn ở trong bảng hỏi này. Gõ /baocao để bắt đầu lại.", show_alert=True)
        return
    if callback_data.nonce != ld.pos.nonce:
        await cb.answer(texts.STALE, show_alert=True)
        return
    await cb.answer()
    step = ld.engine.on_action(ld.pos.question_key, ld.pos.mode, dict(ld.pos.state or {}), callback_data.action,
                               callback_data.arg)
    await apply_step(bot, cb.from_user.id, services, repo, account, ld, step)


async def open_by_number(message: Message, services: Services, m, bot: Bot, repo: Repo, account: Account) -> None:
    ld = await load(services, repo, account)
    if ld is None:
        await message.answer("Gõ /baocao trước, rồi dùng /c<số> để mở một câu.")
        return
    n = int(m.group(1))
    vis = ld.engine.visible
    if not 1 <= n <= len(vis):
        await message.answer(f"Không có câu {n}. Báo cáo này có {len(vis)} câu: gõ từ /c1 đến /c{len(vis)}.")
        return
    step = ld.engine.on_action(ld.pos.question_key, ld.pos.mode, dict(ld.pos.state or {}), "open", vis[n - 1].key)
    await apply_step(bot, message.chat.id, services, repo, account, ld, step)


async def cmd_cancel(message: Message, repo: Repo, account: Account) -> None:
    pos = await repo.position(account.id)
    if pos is None or pos.mode == "idle":
        await message.answer("Bạn không ở trong bảng hỏi nào. Gõ /baocao để bắt đầu.")
        return
    await repo.save_position(account.id, submission_id=pos.submission_id, question_key=pos.question_key,
                             mode="idle" if pos.mode != "join" else "none", state={})
    await repo.commit()
    await message.answer("Đã thoát bảng hỏi. Mọi câu trả lời đã lưu vẫn được giữ; gõ /baocao để làm tiếp.")


async def on_text(message: Message, services: Services, bot: Bot, repo: Repo, account: Account) -> None:
    ld = await load(services, repo, account)
    if ld is None:
        await not_answering(message, account)
        return
    step = ld.engine.on_text(ld.pos.question_key, ld.pos.mode, dict(ld.pos.state or {}), message.text or "")
    await apply_step(bot, message.chat.id, services, repo, account, ld, step)


def setup() -> Router:
    router = Router(name="report")
    router.message.register(cmd_baocao, Command("baocao"))
    router.callback_query.register(on_pick, PickPeriod.filter())
    router.callback_query.register(on_button, QA.filter())
    router.message.register(open_by_number, Magic(F.text.regexp(r"^/c(\d{1,4})(@\w+)?$").as_("m")))
    router.message.register(cmd_cancel, Command("huy"))
    router.message.register(on_text, Magic(F.text & ~F.text.startswith("/")), InMode(*TYPING_MODES))
    return router
