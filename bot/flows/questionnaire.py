"""The officer's questionnaire, channel-free: the periods a unit can answer, starting one, the engine loaded from
the stored position, a typed text or a pressed button applied (answers stored, then the screens to show), a locked
report refused. Each function takes ids and stored rows (never a channel's objects) and returns an ``Outcome``.
Nothing here commits: the channel's unit of work does, before it shows anything (docs/architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot import texts
from bot.flows.outcome import PICK_PERIOD, UNLOCK_ASK, VIEW_REPORT, Choice, Outcome, refuse, screens
from bot.services import Services
from dialogs.answers import numeric
from dialogs.engine import Engine, ReportContext, Screen, Step
from dialogs.engine.base import Mode
from dialogs.lifecycle import READ_ONLY, Lock, Status, is_sent
from dialogs.localtime import local_text
from dialogs.outline import Outline
from dialogs.regime import period_heading
from dialogs.review import lock_text
from exports.unit_view import unit_report
from storage.models import Account, ConversationPosition, Period, Submission, Unit, UnlockRequest
from storage.repo import Repo

QUESTION_MODES = frozenset(Mode)
# the modes whose typed text is the questionnaire's (text in "idle" goes to the fallback)
TYPING_MODES = QUESTION_MODES - {Mode.IDLE}
STALE = texts.STALE
NOT_IN_QUESTIONNAIRE = "Bạn không còn ở trong bảng hỏi này. Gõ /baocao để bắt đầu lại."
PERIOD_GONE = "Kỳ báo cáo này không còn mở cho đơn vị của bạn. Gõ /baocao để xem các kỳ đang mở."


@dataclass
class Loaded:
    """The officer's questionnaire as stored: position, submission, period, outline, unit, and the engine."""

    pos: ConversationPosition
    sub: Submission
    period: Period
    outline: Outline
    unit: Unit
    engine: Engine


def fmt_dt(services: Services, dt: datetime) -> str:
    return local_text(dt, services.tz)


def unlock_choice(submission_id: int) -> list[list[Choice]]:
    return [[Choice.of("🔓 Xin mở lại", UNLOCK_ASK, submission=submission_id)]]


def not_answering(acc: Account) -> Outcome:
    """Typed text when no feature's mode claims it (no questionnaire open, paused, waiting for approval)."""
    if acc.unit_id is None and acc.role == "officer":
        return Outcome().say(texts.NO_UNIT)
    return Outcome().say("Gõ /baocao để trả lời báo cáo, /huongdan để xem hướng dẫn.")


async def open_periods_for(services: Services, repo: Repo, unit: Unit) -> list[tuple[Period, Outline]]:
    """The periods the unit can answer now: open ones, and closed ones a supervisor unlocked for it."""
    out = []
    now = services.now()
    unlocked = {p.id: p for p in await repo.review.unlocked_periods(unit.id, now)}
    for p in await repo.periods.list_periods(status="open") + [p for p in unlocked.values() if p.status != "open"]:
        try:
            o = services.catalogue.get(p.outline_id)
        except KeyError:
            continue
        if p.closes_at is not None and p.closes_at <= now and p.id not in unlocked:
            continue
        if p.id in unlocked or repo.periods.period_covers(p, unit, o.respondents):
            out.append((p, o))
    return out


async def load(services: Services, repo: Repo, acc: Account) -> Loaded | None:
    """The questionnaire the account is in (None when it is in none)."""
    found = await repo.positions.position_context(acc.id)
    if found is None:
        return None
    pos, sub, period, unit = found
    if pos.mode not in QUESTION_MODES or sub.unit_id != acc.unit_id:
        return None
    try:
        outline = services.catalogue.get(period.outline_id)
    except KeyError:
        return None
    answers = await repo.submissions.answers(sub.id)
    prev = await services.previous_answers(repo, unit.id, period)
    ctx = ReportContext(outline, unit.code, unit.kind, answers, prev, period_heading(period.label, period.cutoff_on),
              submitted=is_sent(sub.status), today=services.today(),
              change_ratio=services.settings.change_ratio, change_min=services.settings.change_min)
    if sub.status == Status.RETURNED:
        await returned_context(repo, sub, outline, ctx)
    return Loaded(pos, sub, period, outline, unit, Engine(ctx))


async def returned_context(repo: Repo, sub: Submission, outline: Outline, ctx: ReportContext) -> None:
    """A returned report: the questions the supervisor pointed at, with the comment and their answers then (the
    engine leads the officer through them, then to «📨 Gửi lại»)."""
    ev = await repo.review.last_event(sub, "returned")
    keys = [k for k in (ev.keys or []) if outline.has(k)] if ev is not None else []
    if not keys:
        return
    ctx.returned = {k: ev.comment or "" for k in keys}
    ctx.returned_values = await repo.submissions.values_at(sub.id, keys, ev.at)


def refuse_locked(loaded: Loaded, lock: Lock) -> Outcome:
    """The submission cannot be changed now: say why, with «🔓 Xin mở lại» (the text names it). Nothing stored."""
    return Outcome().say(f"⛔ {lock_text(lock, loaded.period.label)}", unlock_choice(loaded.sub.id))


async def apply_step(services: Services, repo: Repo, acc: Account, loaded: Loaded, step: Step) -> Outcome:
    """Store answers (and their large-change reasons), then the position — and only then the messages to show.
    A locked submission (approved, or its period closed) stores nothing and says why."""
    now = services.now()
    if step.store or step.submit or step.reasons:
        lock = await repo.review.lock(loaded.sub, now)
        if lock is not None:
            return refuse_locked(loaded, lock)
    elif loaded.sub.status in READ_ONLY:  # moving around an approved report: its read-only screen instead
        return await read_only(services, repo, acc, loaded.sub, loaded.period, loaded.outline, loaded.unit)
    # the position first, put off (defer): it is written with the answer below, in the same transaction (on
    # PostgreSQL in the answer's own statement), or at the commit when nothing is stored
    nonce = loaded.pos.nonce
    if not step.error or step.store:
        pos = await repo.positions.save_position(acc.id, submission_id=loaded.sub.id, question_key=step.key, mode=step.mode,
                                       state=step.state, defer=True)
        nonce = pos.nonce
    elif step.state != (loaded.pos.state or {}):  # a wrong input: its count is kept, the buttons shown stay valid
        await repo.positions.save_position(acc.id, submission_id=loaded.sub.id, question_key=step.key, mode=step.mode,
                                 state=step.state, bump=False, defer=True)
    for key, value in step.store:
        q = loaded.outline.question(key)
        await repo.submissions.set_answer(loaded.sub.id, key, value, num=numeric(q, value), by=acc.id, via="bot", now=now)
    for key, reason in step.reasons:
        await repo.submissions.set_reason(loaded.sub.id, key, reason)
    was_submitted = is_sent(loaded.sub.status)
    ended = await repo.review.submit(loaded.sub, acc, now=now) if step.submit else None
    late_change = bool(step.store) and was_submitted and now > loaded.period.deadline
    if ended is not None:  # sent again under an unlock: the unlock is over, the supervisors see what changed
        await enqueue_corrected(repo, loaded.unit, loaded.period, loaded.outline, loaded.sub, ended, now, sent_by=acc)
    else:
        await enqueue_notice(repo, acc, loaded, step, late_change, now)
    shown = list(step.screens)
    if step.submit:
        shown.append(Screen(f"📨 Đã gửi báo cáo «{loaded.outline.short}» kỳ {loaded.period.label} lúc {fmt_dt(services, now)}.\n"
                            "Nơi tổng hợp đã được báo. Bạn vẫn sửa được đến khi đóng kỳ: gõ /baocao."))
    return screens(Outcome(), shown, nonce)


async def enqueue_notice(repo: Repo, acc: Account, loaded: Loaded, step: Step, late_change: bool, now: datetime) -> None:
    """The supervisors' notice of a submit or of a change after the deadline, queued with the answers (the
    scheduler sends them: bot/scheduler.py)."""
    who = acc.full_name or acc.telegram_id
    if step.submit:
        answered, total = loaded.engine.progress()
        await repo.outbox.enqueue_for_supervisors(loaded.unit, "submitted",
                                           f"{loaded.unit.name} đã gửi báo cáo «{loaded.outline.short}» kỳ {loaded.period.label} "
                                           f"({answered}/{total} câu), người gửi: {who}.", period_id=loaded.period.id, now=now)
    elif late_change:
        keys = ", ".join(loaded.outline.ref(k).number or k for k, _ in step.store)
        await repo.outbox.enqueue_for_supervisors(loaded.unit, "late_change",
                                           f"{loaded.unit.name} vừa sửa báo cáo «{loaded.outline.short}» kỳ {loaded.period.label} "
                                           f"sau hạn nộp (mục {keys}), người sửa: {who}.", period_id=loaded.period.id, now=now)


async def enqueue_corrected(repo: Repo, unit: Unit, period: Period, outline: Outline, sub: Submission,
                            unlock: UnlockRequest, now: datetime, *, sent_by: Account | None = None) -> None:
    """The supervisors' notice that an unlock is over (sent again, or its time ran out): the answers changed
    during it, and that the report waits for their approval again."""
    keys = await repo.review.unlock_changes(unlock)
    visible = outline.visible_refs(unit.code, unit.kind, await repo.submissions.answers(sub.id))
    numbers = [str(i) for i, r in enumerate(visible, 1) if r.key in keys]
    how = (f"gửi lại ({sent_by.full_name or sent_by.telegram_id})" if sent_by is not None
           else "hết thời gian mở lại, đã khóa")
    changed = f"các câu đã sửa: {', '.join(numbers)}" if numbers else "không sửa câu nào"
    again = ", cần duyệt lại" if sub.status == Status.CORRECTED else ""
    await repo.outbox.enqueue_for_supervisors(unit, "corrected",
                                       f"{unit.name} — báo cáo «{outline.short}» kỳ {period.label}: {how} sau khi "
                                       f"được mở lại ({changed}){again}.", period_id=period.id, now=now)


async def start_period(services: Services, repo: Repo, acc: Account, unit: Unit, period: Period,
                       outline: Outline) -> Outcome:
    """Open (or resume) the unit's report of ``period``: where the officer stopped, else the first question. An
    approved report (or one waiting for approval again after an unlock) opens read-only."""
    sub = await repo.submissions.ensure_submission(unit.id, period.id, services.outline_versions.get(outline.id))
    if sub.status in READ_ONLY:
        return await read_only(services, repo, acc, sub, period, outline, unit)
    pos = await repo.positions.position(acc.id)
    resume = pos.question_key if pos is not None and pos.submission_id == sub.id else None
    if pos is None or pos.submission_id != sub.id:
        await repo.positions.save_position(acc.id, submission_id=sub.id, question_key=None, mode=Mode.QUESTION, state={})
    else:
        pos.mode = Mode.QUESTION
    loaded = await load(services, repo, acc)
    assert loaded is not None
    returned = [r.key for r in loaded.engine.visible if r.key in loaded.engine.ctx.returned]
    if returned and resume not in returned:  # a returned report: at the first question to fix, not elsewhere
        resume = returned[0]
    now = services.now()
    unlock = (await repo.review.active_unlock(sub, now)
              if sub.status == Status.UNLOCKED or repo.periods.period_closed(period, now) else None)
    if unlock is not None:  # an unlock: say how long it lasts, not "editable until the period closes"
        loaded.engine.ctx.submitted = False
    step = loaded.engine.begin(resume)
    if unlock is not None and step.screens:
        again = " và chờ nơi tổng hợp duyệt lại" if sub.status == Status.UNLOCKED else ""
        step.screens[0].text = (f"🔓 Báo cáo đang được mở lại để sửa đến {fmt_dt(services, unlock.expires_at)}; "
                                f"khi bạn gửi lại hoặc hết giờ, báo cáo khóa{again}.\n\n{step.screens[0].text}")
    return await apply_step(services, repo, acc, loaded, step)


async def read_only(services: Services, repo: Repo, acc: Account, sub: Submission, period: Period, outline: Outline,
                    unit: Unit) -> Outcome:
    """A locked report's screen: its status, who approved it and when, «👁 Xem lại» and «🔓 Xin mở lại».
    Typed text no longer goes to the questionnaire (the position is left idle on it)."""
    await repo.positions.save_position(acc.id, submission_id=sub.id, question_key=None, mode=Mode.IDLE, state={})
    what = f"Báo cáo «{outline.short}» kỳ {period.label} của {unit.name}"
    if sub.status == Status.APPROVED:
        ev = await repo.review.last_event(sub, "approved")
        who = await repo.accounts.account(ev.by_account) if ev is not None and ev.by_account else None
        by = f" bởi {who.full_name}" if who is not None and who.full_name else ""
        when = f" lúc {fmt_dt(services, ev.at)}" if ev is not None else ""
        text = (f"✅ {what} đã được duyệt{by}{when}.\nBáo cáo đã khóa: chỉ xem được, không sửa được nữa. Nếu còn cần "
                "sửa, bấm «🔓 Xin mở lại» và ghi lý do.")
    else:
        when = f" lúc {fmt_dt(services, sub.submitted_at)}" if sub.submitted_at else ""
        text = (f"📨 {what} đã được gửi lại sau khi mở lại{when} và đang chờ nơi tổng hợp duyệt lại.\nTrong lúc chờ, "
                "báo cáo chỉ xem được, không sửa được. Nếu còn cần sửa, bấm «🔓 Xin mở lại» và ghi lý do.")
    choices = [[Choice.of("👁 Xem lại", VIEW_REPORT, submission=sub.id)], *unlock_choice(sub.id)]
    return Outcome().say(text, choices)


async def view_report(services: Services, repo: Repo, acc: Account, submission_id: int) -> Outcome:
    """«👁 Xem lại» on a locked report: every answer, read-only, then «🔓 Xin mở lại»."""
    sub = await repo.submissions.submission(submission_id)
    if sub is None or acc.unit_id is None or sub.unit_id != acc.unit_id:
        return refuse("Nút này dành cho cán bộ đầu mối của đơn vị có báo cáo này.")
    period = await repo.periods.period(sub.period_id)
    unit = await repo.units.unit(sub.unit_id)
    outline = services.catalogue.get(period.outline_id)
    _, previous = await repo.submissions.unit_previous_answers(unit.id, period)
    parts = unit_report(outline, unit=unit, period_label=period.label, answers=await repo.submissions.answers(sub.id),
                        previous=previous, reasons=await repo.submissions.answer_reasons(sub.id), status=sub.status, hint=False)
    out = Outcome()
    for i, part in enumerate(parts):
        out.say(part, unlock_choice(sub.id) if i == len(parts) - 1 else None)
    return out


async def begin(services: Services, repo: Repo, acc: Account) -> Outcome:
    """/baocao: the one open report started, or the choice between several, or why there is none."""
    if acc.unit_id is None:
        if acc.role in ("supervisor", "admin"):
            return Outcome().say("Bạn là người tổng hợp: dùng /tiendo để xem tiến độ, /tonghop để nhận báo cáo tổng hợp.")
        return Outcome().say(texts.NO_UNIT)
    unit = await repo.units.unit(acc.unit_id)
    assert unit is not None
    periods = await open_periods_for(services, repo, unit)
    if not periods:
        return Outcome().say(f"Hiện chưa có kỳ báo cáo nào đang mở cho {unit.name}. Khi có kỳ mới, bot sẽ báo cho bạn.")
    if len(periods) == 1:
        return await start_period(services, repo, acc, unit, *periods[0])
    pos = await repo.positions.position(acc.id)
    rows = []
    for p, o in periods:
        sub = await repo.submissions.find_submission(unit.id, p.id)
        n = await repo.submissions.answer_count(sub.id) if sub else 0
        state = (" ✅ đã duyệt" if sub and sub.status == Status.APPROVED else " ✅ đã gửi" if sub and is_sent(sub.status)
                 else f" · đã trả lời {n} câu" if n else "")
        here = " ◀ đang làm" if pos and sub and pos.submission_id == sub.id else ""
        rows.append([Choice.of(f"{o.short} — {p.label}{state}{here}"[:64], PICK_PERIOD, period=p.id)])
    return Outcome().say(f"{unit.name} có {len(periods)} báo cáo đang mở. Chọn báo cáo muốn làm:", rows)


async def pick(services: Services, repo: Repo, acc: Account, period_id: int) -> Outcome:
    """The officer chose the report of ``period_id`` among several."""
    if acc.unit_id is None:
        return refuse(texts.NO_UNIT)
    unit = await repo.units.unit(acc.unit_id)
    assert unit is not None
    match = [(p, o) for p, o in await open_periods_for(services, repo, unit) if p.id == period_id]
    if not match:
        return refuse(PERIOD_GONE)
    return await start_period(services, repo, acc, unit, *match[0])


async def press(services: Services, repo: Repo, acc: Account, nonce: int, action: str, arg: str) -> Outcome:
    """A questionnaire button (``QUESTION`` choice): refused when it is from an older screen (``nonce``)."""
    loaded = await load(services, repo, acc)
    if loaded is None:
        return refuse(NOT_IN_QUESTIONNAIRE)
    if nonce != loaded.pos.nonce:
        return refuse(STALE)
    step = loaded.engine.on_action(loaded.pos.question_key, loaded.pos.mode, dict(loaded.pos.state or {}), action, arg)
    return await apply_step(services, repo, acc, loaded, step)


async def type_text(services: Services, repo: Repo, acc: Account, text: str) -> Outcome:
    """A typed answer (or a command the current screen understands)."""
    loaded = await load(services, repo, acc)
    if loaded is None:
        return not_answering(acc)
    step = loaded.engine.on_text(loaded.pos.question_key, loaded.pos.mode, dict(loaded.pos.state or {}), text)
    return await apply_step(services, repo, acc, loaded, step)


async def open_number(services: Services, repo: Repo, acc: Account, n: int) -> Outcome:
    """/c<n>: the n-th visible question."""
    loaded = await load(services, repo, acc)
    if loaded is None:
        return Outcome().say("Gõ /baocao trước, rồi dùng /c<số> để mở một câu.")
    vis = loaded.engine.visible
    if not 1 <= n <= len(vis):
        return Outcome().say(f"Không có câu {n}. Báo cáo này có {len(vis)} câu: gõ từ /c1 đến /c{len(vis)}.")
    step = loaded.engine.on_action(loaded.pos.question_key, loaded.pos.mode, dict(loaded.pos.state or {}), "open", vis[n - 1].key)
    return await apply_step(services, repo, acc, loaded, step)


async def open_key(services: Services, repo: Repo, acc: Account, submission_id: int, key: str) -> Outcome | None:
    """Put the officer at question ``key`` of their submission (None when it cannot be loaded)."""
    await repo.positions.save_position(acc.id, submission_id=submission_id, question_key=None, mode=Mode.QUESTION, state={})
    loaded = await load(services, repo, acc)
    if loaded is None:
        return None
    return await apply_step(services, repo, acc, loaded, loaded.engine.on_action(None, Mode.QUESTION, {}, "open", key))


async def cancel(repo: Repo, acc: Account) -> Outcome:
    """/huy: leave the questionnaire (or the step that waits for a text); what was stored stays."""
    pos = await repo.positions.position(acc.id)
    if pos is None or pos.mode == Mode.IDLE:
        return Outcome().say("Bạn không ở trong bảng hỏi nào. Gõ /baocao để bắt đầu.")
    await repo.positions.save_position(acc.id, submission_id=pos.submission_id, question_key=pos.question_key,
                             mode=Mode.IDLE if pos.mode != "join" else "none", state={})
    return Outcome().say("Đã thoát bảng hỏi. Mọi câu trả lời đã lưu vẫn được giữ; gõ /baocao để làm tiếp.")


async def leave(repo: Repo, acc: Account, said: str) -> Outcome:
    """/huy in a feature's own text-waiting mode (/baocaonhanh, /baocaolen): back to no mode; ``said`` tells what
    was dropped and what to type instead."""
    await repo.positions.save_position(acc.id, submission_id=None, question_key=None, mode="none", state={})
    return Outcome().say(said)
