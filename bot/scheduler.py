"""The schedule, derived from the database at every tick (so it survives restarts and needs no pickling):
weekly/monthly periods open by themselves, periods close after their grace time, officers are told of
new periods and reminded before the deadline (and once after it), supervisors get a digest at the deadline,
the supervisors' queued notices (units that submitted, changes after the deadline) go out as one message each per
NOTIFY_BATCH_MINUTES, and expired unlocks close again (the unit's officers are told).

Each message is claimed in the reminder log under a unique key before it is sent, so a restart or a second
bot process on the same database never sends it twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import ReviewButton
from bot.flows import review
from bot.keyboards import PickPeriod
from bot.render import keyboard
from bot.sender import Outgoing, Sender, SendReport
from bot.services import Services
from bot.texts import clip
from dialogs.lifecycle import is_sent
from dialogs.outline import Outline
from dialogs.periods import automatic_spec, due_offset, left_text, local_text, offset_code, parse_offsets
from dialogs.regime import cutoff_text
from dialogs.review import notice_batch_text
from exports.load import provinces_over
from exports.progress import Progress, period_progress
from storage.models import Period
from storage.repo import NoticeBatch, Repo

log = logging.getLogger(__name__)


@dataclass
class TickReport:
    opened: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    messages: dict[str, int] = field(default_factory=dict)
    send: SendReport | None = None


def start_button(period_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text="▶ Làm báo cáo", callback_data=PickPeriod(period=period_id).pack())]])


class Scheduler:
    def __init__(self, bot: Bot, services: Services, sender: Sender | None = None):
        self.bot = bot
        self.s = services
        st = services.settings
        self.offsets = parse_offsets(st.reminder_offsets)
        self.grace = timedelta(hours=st.period_grace_hours)
        self.sender = sender or Sender(bot, services.db, rate=st.send_rate, now=services.now)
        self.stale_after = timedelta(minutes=30)

    # ------------------------------------------------------------------ one tick
    async def tick(self) -> TickReport:
        rep = TickReport()
        now = self.s.now()
        async with self.s.db.session() as ses:
            repo = Repo(ses)
            await self._open_automatic(repo, now, rep)
            await self._close_due(repo, now, rep)
            await ses.commit()
        outgoing: list[Outgoing] = []
        async with self.s.db.session() as ses:
            repo = Repo(ses)
            # claimed by a process that died before sending: send now (at least once rather than never)
            for entry, chat in await repo.outbox.pending_reminders(now - self.stale_after):
                plain = entry.kind == "digest" or entry.kind.startswith("province")  # supervisors: no «Làm báo cáo»
                outgoing.append(Outgoing(chat, entry.text or "", None if plain else start_button(entry.period_id),
                                         entry.id))
                rep.messages["resent"] = rep.messages.get("resent", 0) + 1
            for period in await repo.periods.list_periods(status="open"):
                try:
                    outline = self.s.catalogue.get(period.outline_id)
                except KeyError:
                    continue
                prog = await period_progress(repo, outline, period, None)
                outgoing += await self._officer_messages(repo, outline, period, prog, now, rep)
                outgoing += await self._province_messages(repo, outline, period, prog, now, rep)
                if now >= period.deadline:
                    outgoing += await self._digests(repo, outline, period, prog, now, rep)
            await ses.commit()
        if outgoing:
            rep.send = await self.sender.send_all(outgoing)
        await self._relock(now, rep)
        await self._notices(now, rep)
        return rep

    async def send_notices(self) -> TickReport:
        """Only the supervisors' notices that are due (woken by a queued one, between ticks)."""
        rep = TickReport()
        await self._notices(self.s.now(), rep)
        return rep

    async def _relock(self, now: datetime, rep: TickReport) -> None:
        """Unlocks whose time is up (``bot/flows/review.py::relock_expired``): the unit's officers told."""
        async with self.s.db.session() as ses:
            told = await review.relock_expired(self.s, Repo(ses), now)
            await ses.commit()
        out = [Outgoing(acc.telegram_id, clip(n.text), keyboard(n.choices)) for n in told.notices for acc in n.to]
        if out:
            rep.messages["relocked"] = len(out)
            await self.sender.send_all(out)

    async def _notices(self, now: datetime, rep: TickReport) -> None:
        """Each supervisor's waiting notices as one message, once the oldest is NOTIFY_BATCH_MINUTES old. A notice
        is finished once sent (or undeliverable: blocked); one that failed otherwise is claimed again later."""
        async with self.s.db.session() as ses:
            repo = Repo(ses)
            batches = await repo.outbox.take_due_notices(now, batch_minutes=self.s.settings.notify_batch_minutes)
            units = await repo.units.units_by_ids({n.unit_id for b in batches for n in b.notices if n.unit_id})
            names = {i: u.name for i, u in units.items()}
            await ses.commit()
        if not batches:
            return
        report = SendReport()
        done: list[int] = []
        for b in batches:
            status, _, _ = await self.sender.send_one(notice_message(b, names), report)
            if status in ("sent", "blocked"):  # blocked: marked by the undeliverable sink (bot/undeliverable.py)
                done += b.ids
        async with self.s.db.session() as ses:
            await Repo(ses).outbox.finish_notices(done, now=now)
            await ses.commit()
        rep.messages["notices"] = report.sent

    async def _open_automatic(self, repo: Repo, now: datetime, rep: TickReport) -> None:
        for o in self.s.catalogue:
            spec = automatic_spec(o, now, self.s.tz, self.grace)
            if spec is None:
                continue
            p, created = await repo.periods.open_period(o.id, spec.label, deadline=spec.deadline, starts_on=spec.starts_on,
                                                ends_on=spec.ends_on, closes_at=spec.closes_at, now=now,
                                                cutoff_on=spec.cutoff_on, level_deadlines=spec.level_deadlines)
            if created:
                rep.opened.append(f"{o.id}: {p.label}")
                log.info("opened period %s %s", o.id, p.label)

    async def _close_due(self, repo: Repo, now: datetime, rep: TickReport) -> None:
        for p in await repo.periods.list_periods(status="open"):
            if p.closes_at is not None and p.closes_at <= now:
                await repo.periods.close_period(p)
                rep.closed.append(f"{p.outline_id}: {p.label}")

    async def _officer_messages(self, repo: Repo, outline: Outline, period: Period, prog: Progress, now: datetime,
                                rep: TickReport) -> list[Outgoing]:
        missing = {st.unit.id: st for st in prog.states if not st.submitted}
        everyone = {st.unit.id: st for st in prog.states}
        officers = await repo.accounts.officers_of(everyone)
        kinds = ["opened"]
        due = due_offset(period.deadline, now, self.offsets)
        if due is not None:
            kinds.append(f"before:{offset_code(due)}")
        closes = period.closes_at
        if now >= period.deadline and (closes is None or now < closes):
            kinds.append("overdue")
        claimed = await repo.outbox.claimed_reminders(period.id, kinds)
        out: list[Outgoing] = []
        for kind in kinds:
            if kind == "opened" and now >= period.deadline:
                continue
            units = everyone if kind == "opened" else missing
            for unit_id, st in units.items():
                for acc in officers.get(unit_id, []):
                    if acc.blocked or (unit_id, kind, acc.id) in claimed:
                        continue
                    text = self._officer_text(kind, outline, period, st, now)
                    log_id = await repo.outbox.claim_reminder(period.id, unit_id, kind, acc.id, now=now, text=text)
                    if log_id is None:
                        continue  # another process claimed it first
                    out.append(Outgoing(acc.telegram_id, text, start_button(period.id), log_id))
                    rep.messages[kind.split(":")[0]] = rep.messages.get(kind.split(":")[0], 0) + 1
        return out

    async def _province_messages(self, repo: Repo, outline: Outline, period: Period, prog: Progress, now: datetime,
                                 rep: TickReport) -> list[Outgoing]:
        """The provinces' supervisors, before the provinces' deadline (and once after it) while the province has not
        sent its own report upward (/baocaolen) — Nghị định 09/2019/NĐ-CP's deadline of the province level."""
        deadline = period.level_deadline("province") if period.level_deadlines else None
        if deadline is None:
            return []
        due = due_offset(deadline, now, self.offsets)
        kind = f"province:before:{offset_code(due)}" if due is not None else (
            "province:overdue" if now >= deadline and (period.closes_at is None or now < period.closes_at) else None)
        if kind is None:
            return []
        subs = await repo.submissions.submissions_of_period(period.id)
        claimed = await repo.outbox.claimed_reminders(period.id, [kind])
        out: list[Outgoing] = []
        for prov in await provinces_over(repo, period, outline.respondents):
            sub = subs.get(prov.id)
            if sub is not None and is_sent(sub.status):
                continue
            sent = sum(1 for st in prog.states if st.submitted and st.unit.path.startswith(prov.path))
            total = sum(1 for st in prog.states if st.unit.path.startswith(prov.path))
            text = (f"{'⚠️ Đã quá hạn' if kind.endswith('overdue') else '⏰ Nhắc'} báo cáo của {prov.name} gửi cấp trên "
                    f"«{outline.short}» — {period.label}.\nHạn cấp tỉnh: {local_text(deadline, self.s.tz)} "
                    f"({left_text(deadline, now)}). Đã có {sent}/{total} đơn vị cấp xã gửi báo cáo.\n"
                    "Gõ /baocaolen để lập báo cáo của tỉnh từ báo cáo các xã và gửi lên cấp trên.")
            for acc in await repo.accounts.unit_accounts(prov.id, "supervisor"):
                if acc.blocked or (prov.id, kind, acc.id) in claimed:
                    continue
                log_id = await repo.outbox.claim_reminder(period.id, prov.id, kind, acc.id, now=now, text=text)
                if log_id is not None:
                    out.append(Outgoing(acc.telegram_id, text, None, log_id))
                    rep.messages["province"] = rep.messages.get("province", 0) + 1
        return out

    def _officer_text(self, kind: str, outline: Outline, period: Period, st, now: datetime) -> str:
        deadline = local_text(period.deadline, self.s.tz)
        if period.cutoff_on:  # Nghị định 09/2019/NĐ-CP: the reminder says up to which day the figures count
            deadline += f" ({cutoff_text(period.cutoff_on)})"
        left = f"Còn {st.total - st.answered}/{st.total} câu chưa trả lời." if st.answered else f"Chưa trả lời câu nào ({st.total} câu)."
        if kind == "opened":
            return (f"🆕 Kỳ báo cáo mới: «{outline.short}» — {period.label}.\nĐơn vị: {st.unit.name}.\n"
                    f"Hạn nộp: {deadline}. Bấm nút dưới đây hoặc gõ /baocao để bắt đầu.")
        if kind == "overdue":
            return (f"⚠️ Đã quá hạn nộp báo cáo «{outline.short}» — {period.label} ({left_text(period.deadline, now)}).\n"
                    f"Đơn vị: {st.unit.name}. {left}\nĐề nghị bấm «▶ Làm báo cáo», hoàn thành và gửi sớm nhất.")
        return (f"⏰ Nhắc báo cáo «{outline.short}» — {period.label}.\nHạn nộp: {deadline} "
                f"({left_text(period.deadline, now)}).\nĐơn vị: {st.unit.name}. {left}")

    async def _digests(self, repo: Repo, outline: Outline, period: Period, prog: Progress, now: datetime,
                       rep: TickReport) -> list[Outgoing]:
        claimed = await repo.outbox.claimed_reminders(period.id, ["digest"])
        out = []
        for sup in await repo.accounts.list_accounts("supervisor"):
            if sup.blocked:
                continue
            for scope in await repo.accounts.scopes(sup):
                sub = Progress(period, outline, scope, [s for s in prog.states if s.unit.path.startswith(scope.path)])
                if not sub.states or (scope.id, "digest", sup.id) in claimed:
                    continue
                text = digest_text(sub, self.s)
                log_id = await repo.outbox.claim_reminder(period.id, scope.id, "digest", sup.id, now=now, text=text)
                if log_id is None:
                    continue
                out.append(Outgoing(sup.telegram_id, text, None, log_id))
                rep.messages["digest"] = rep.messages.get("digest", 0) + 1
        return out


def notice_message(batch: NoticeBatch, names: dict[int, str]) -> Outgoing:
    """One supervisor's batch: the units that submitted listed together, then the late changes; a "👁 Xem"
    button per unit (at most 8)."""
    text = notice_batch_text([(n.kind, n.text) for n in batch.notices])
    text += "\n\nGõ /xem <tên đơn vị> để đọc báo cáo của một đơn vị, /tiendo để xem tiến độ."
    rows, seen = [], set()
    for n in batch.notices:
        if n.unit_id and n.period_id and (n.unit_id, n.period_id) not in seen and len(rows) < 8:
            seen.add((n.unit_id, n.period_id))
            rows.append([InlineKeyboardButton(text=f"👁 Xem {names.get(n.unit_id, '')}"[:60],
                                              callback_data=ReviewButton(action="v", unit=n.unit_id, period=n.period_id).pack())])
    return Outgoing(batch.telegram_id, clip(text), InlineKeyboardMarkup(inline_keyboard=rows) if rows else None)


def digest_text(p: Progress, services: Services, limit: int = 3800) -> str:
    head = (f"📋 Đến hạn nộp báo cáo «{p.outline.short}» — {p.period.label} ({local_text(p.period.deadline, services.tz)}).\n"
            f"Phạm vi: {p.scope.name if p.scope else 'tất cả đơn vị'}.\n"
            f"Đã nộp {p.submitted}/{p.total} đơn vị ({p.percent:.0f}%); đang làm {p.draft}; chưa làm {p.not_started}.")
    missing = p.missing
    if not missing:
        return head + "\nTất cả đơn vị đã nộp. 👍"
    names = []
    size = len(head) + 40
    for st in missing:
        item = f"{st.unit.name} ({'đang làm ' + str(st.answered) + '/' + str(st.total) + ' câu' if st.answered else 'chưa làm'})"
        if size + len(item) + 2 > limit:
            names.append(f"và {len(missing) - len(names)} đơn vị khác (gõ /tiendo để xem)")
            break
        names.append(item)
        size += len(item) + 2
    return head + "\nChưa nộp: " + "; ".join(names) + "."


async def run_scheduler(bot: Bot, services: Services, interval: float = 30.0) -> None:
    """A tick every ``interval`` seconds; in between, a queued supervisors' notice wakes only the notice step, so
    the first notice after a quiet spell goes at once (:meth:`Services.wake_notices`)."""
    sched = Scheduler(bot, services)
    loop = asyncio.get_running_loop()
    while True:
        await _guarded(sched.tick())
        due = loop.time() + interval
        while (left := due - loop.time()) > 0:
            if await services.notices_or_timeout(left):
                await _guarded(sched.send_notices())


async def _guarded(step: Awaitable[TickReport]) -> None:
    try:
        rep = await step
        if rep.opened or rep.closed or rep.messages:
            log.info("tick: opened=%s closed=%s messages=%s", rep.opened, rep.closed, rep.messages)
    except asyncio.CancelledError:
        raise
    except Exception:  # noqa: BLE001 - the schedule must keep running
        log.exception("scheduler tick failed")


__all__ = ["Scheduler", "run_scheduler", "digest_text"]
