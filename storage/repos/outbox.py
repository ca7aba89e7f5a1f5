"""The outbox: reminders claimed and finished, supervisors' notices queued and taken, undeliverable sends. A mixin of
:class:`storage.repo.Repo` (docs/architecture.md, storage)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update

from dialogs.review import NOTIFY_BATCH_MINUTES
from storage.models import Account, NotifyQueue, OutboundFailure, ReminderLog, Unit
from storage.repos.base import NOTICES_QUEUED, NoticeBatch, RepoBase, utcnow


class OutboxRepo(RepoBase):
    # ------------------------------------------------------------------ reminder log
    async def claim_reminder(self, period_id: int, unit_id: int, kind: str, account_id: int,
                             *, now: datetime | None = None, text: str | None = None) -> int | None:
        """Record the intent to send (and the text) before sending. Returns the log id, or None when already claimed."""
        stmt = self._insert(ReminderLog).values(
            period_id=period_id, unit_id=unit_id, kind=kind, account_id=account_id, status="pending",
            attempts=0, created_at=now or utcnow(), text=text,
        ).on_conflict_do_nothing().returning(ReminderLog.id)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def finish_reminder(self, log_id: int, status: str, *, error: str | None = None,
                              attempts: int = 1, now: datetime | None = None) -> None:
        await self.session.execute(
            update(ReminderLog).where(ReminderLog.id == log_id).values(
                status=status, error=error, attempts=attempts, sent_at=(now or utcnow()) if status == "sent" else None,
            )
        )

    async def claimed_reminders(self, period_id: int, kinds: Sequence[str]) -> set[tuple[int, str, int]]:
        """(unit id, kind, account id) of every message of ``kinds`` already claimed for the period."""
        q = select(ReminderLog.unit_id, ReminderLog.kind, ReminderLog.account_id).where(
            ReminderLog.period_id == period_id, ReminderLog.kind.in_(list(kinds)))
        return {(u, k, a) for u, k, a in (await self.session.execute(q)).all()}

    async def pending_reminders(self, older_than: datetime) -> list[tuple[ReminderLog, int]]:
        """Messages claimed before ``older_than`` and never finished (their process died): with the chat id."""
        q = (select(ReminderLog, Account.telegram_id).join(Account, Account.id == ReminderLog.account_id)
             .where(ReminderLog.status == "pending", ReminderLog.created_at < older_than,
                    ReminderLog.text.is_not(None)))
        return [(r, tg) for r, tg in (await self.session.execute(q)).all()]

    # ------------------------------------------------------------------ supervisors' notices, batched
    async def enqueue_notice(self, account_ids: Iterable[int], kind: str, text: str, *, unit_id: int | None = None,
                             period_id: int | None = None, now: datetime | None = None) -> int:
        now = now or utcnow()
        rows = [NotifyQueue(account_id=a, kind=kind, unit_id=unit_id, period_id=period_id, text=text, created_at=now)
                for a in dict.fromkeys(account_ids)]
        self.session.add_all(rows)
        if rows:
            self.session.info[NOTICES_QUEUED] = True  # the caller may wake the sender once this commits
        await self.session.flush()
        return len(rows)

    async def enqueue_for_supervisors(self, unit: Unit, kind: str, text: str, *, period_id: int | None = None,
                                      now: datetime | None = None) -> int:
        """One queued notice for each supervisor whose scope holds ``unit``."""
        sups = await self.supervisors_of(unit)
        return await self.enqueue_notice([a.id for a in sups], kind, text, unit_id=unit.id, period_id=period_id,
                                         now=now)

    async def take_due_notices(self, now: datetime | None = None, *, batch_minutes: float = NOTIFY_BATCH_MINUTES,
                               stale_minutes: float = 10) -> list[NoticeBatch]:
        """Claim the notices of every supervisor who got no notice in the last ``batch_minutes``: one batch per
        supervisor, all their waiting notices (the first after a quiet spell goes at once, the next ones together). Claimed notices left unsent for ``stale_minutes`` (the process
        died) are claimed again. Call :meth:`finish_notices` after sending."""
        now = now or utcnow()
        waiting = and_(NotifyQueue.sent_at.is_(None),
                       or_(NotifyQueue.claimed_at.is_(None),
                           NotifyQueue.claimed_at < now - timedelta(minutes=stale_minutes)))
        # the first notice after a quiet spell goes at once; the ones that follow within ``batch_minutes`` of the
        # last message (sent, or being sent) wait and go together
        since = now - timedelta(minutes=batch_minutes)
        recent = select(NotifyQueue.account_id).where(or_(NotifyQueue.sent_at > since, NotifyQueue.claimed_at > since))
        due = (select(NotifyQueue.account_id).where(waiting, NotifyQueue.account_id.not_in(recent))
               .group_by(NotifyQueue.account_id))
        due_ids = [a for (a,) in (await self.session.execute(due)).all()]
        if not due_ids:
            return []
        res = await self.session.execute(
            update(NotifyQueue).where(waiting, NotifyQueue.account_id.in_(due_ids), NotifyQueue.created_at <= now)
            .values(claimed_at=now).returning(NotifyQueue.id).execution_options(synchronize_session=False)
        )
        claimed = [i for (i,) in res.all()]
        q = (select(NotifyQueue, Account.telegram_id).join(Account, Account.id == NotifyQueue.account_id)
             .where(NotifyQueue.id.in_(claimed)).order_by(NotifyQueue.account_id, NotifyQueue.created_at,
                                                          NotifyQueue.id)
             .execution_options(populate_existing=True))
        batches: dict[int, NoticeBatch] = {}
        for n, tg in (await self.session.execute(q)).all():
            b = batches.setdefault(n.account_id, NoticeBatch(n.account_id, tg, []))
            b.notices.append(n)
        return list(batches.values())

    async def finish_notices(self, ids: Iterable[int], *, now: datetime | None = None) -> None:
        await self.session.execute(update(NotifyQueue).where(NotifyQueue.id.in_(list(ids)))
                             .values(sent_at=now or utcnow()).execution_options(synchronize_session=False))

    # ------------------------------------------------------------------ messages Telegram would not take
    async def record_undeliverable(self, chat_id: int, method: str, text: str | None, reason: str,
                                   now: datetime | None = None) -> OutboundFailure:
        row = OutboundFailure(chat_id=chat_id, method=method[:64], text=text[:4096] if text is not None else None,
                              reason=reason, created_at=now or utcnow())
        self.session.add(row)
        await self.session.flush()
        return row
