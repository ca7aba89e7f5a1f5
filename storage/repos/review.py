"""The review of a submission: submit, return, approve, locks and unlock requests, events. A mixin of
:class:`storage.repo.Repo` (docs/architecture.md, storage)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select, update

from dialogs import lifecycle
from dialogs.lifecycle import Lock, Status, UnlockState
from dialogs.review import UNLOCK_HOURS
from storage.models import Account, AnswerRevision, Period, Submission, SubmissionEvent, Unit, UnlockRequest
from storage.repos.base import RepoBase, utcnow

_UNLOCKS_READ = frozenset({Status.APPROVED, Status.CORRECTED, Status.UNLOCKED})  # may be locked by an unlock's end


class ReviewRepo(RepoBase):
    async def submit(self, sub: Submission, by: Account, *, now: datetime | None = None) -> UnlockRequest | None:
        """Send the report (``lifecycle.submit``); sending ends an active unlock (nothing more is accepted under
        it): returns that unlock, if there was one."""
        sub.status = lifecycle.submit(sub.status)
        sub.submitted_by = by.id
        sub.submitted_at = now or utcnow()
        sub.updated_at = sub.submitted_at
        await self.add_event(sub, Status.SUBMITTED, by, now=sub.submitted_at)
        return await self.end_unlock(sub, sub.submitted_at)

    # ------------------------------------------------------------------ review: history, return, approve
    async def add_event(self, sub: Submission, kind: str, by: Account | None, *, comment: str | None = None,
                        keys: Sequence[str] | None = None, now: datetime | None = None) -> SubmissionEvent:
        ev = SubmissionEvent(submission_id=sub.id, kind=kind, by_account=by.id if by else None, at=now or utcnow(),
                             comment=comment, keys=[str(k) for k in keys] if keys else None)
        self.session.add(ev)
        await self.session.flush()
        return ev

    async def events(self, sub: Submission) -> list[SubmissionEvent]:
        q = select(SubmissionEvent).where(SubmissionEvent.submission_id == sub.id)
        return list((await self.session.execute(q.order_by(SubmissionEvent.at, SubmissionEvent.id))).scalars())

    async def last_event(self, sub: Submission, kind: str) -> SubmissionEvent | None:
        q = (select(SubmissionEvent).where(SubmissionEvent.submission_id == sub.id, SubmissionEvent.kind == kind)
             .order_by(SubmissionEvent.at.desc(), SubmissionEvent.id.desc()).limit(1))
        return (await self.session.execute(q)).scalar_one_or_none()

    async def return_submission(self, sub: Submission, by: Account, comment: str, keys: Sequence[str] = (),
                                *, now: datetime | None = None) -> None:
        """Send a submission back to its unit with a comment (and the questions concerned): editable again."""
        now = now or utcnow()
        sub.status = lifecycle.return_(sub.status)
        sub.comment = comment
        sub.returned_by = by.id
        sub.returned_at = now
        sub.updated_at = now
        await self.add_event(sub, "returned", by, comment=comment, keys=keys, now=now)
        await self.end_unlock(sub, now)

    async def approve(self, sub: Submission, by: Account, *, comment: str | None = None,
                      now: datetime | None = None) -> bool:
        """Approve and lock a submission; False (nothing done) when its status cannot be approved."""
        if sub.status not in lifecycle.APPROVABLE:
            return False
        now = now or utcnow()
        sub.status = lifecycle.approve(sub.status)
        sub.updated_at = now
        await self.add_event(sub, "approved", by, comment=comment, now=now)
        return True

    async def lock(self, sub: Submission, now: datetime | None = None, *, period: Period | None = None) -> Lock | None:
        """Why the unit may not change this submission now (``lifecycle.can_edit``), or None when it may.
        ``period``: the submission's period when the caller has it (else read)."""
        now = now or utcnow()
        if period is None or period.id != sub.period_id:
            period = await self.session.get(Period, sub.period_id)
        closed = period is not None and self.period_closed(period, now)
        if not closed and sub.status not in _UNLOCKS_READ:
            return None  # the common case, without reading the unlocks
        last = await self._last_unlock(sub)
        approved = last is not None and last.status == "approved"
        active = approved and last.expires_at is not None and last.expires_at > now
        return lifecycle.can_edit(sub.status, closed, UnlockState(active=active, ended=approved and not active))

    async def can_edit(self, sub: Submission, now: datetime | None = None, *,
                       period: Period | None = None) -> tuple[bool, Lock | None]:
        """Whether the unit may change this submission now, and if not why (a reason code)."""
        why = await self.lock(sub, now, period=period)
        return why is None, why

    async def _last_unlock(self, sub: Submission) -> UnlockRequest | None:
        q = select(UnlockRequest).where(UnlockRequest.submission_id == sub.id).order_by(UnlockRequest.id.desc())
        return (await self.session.execute(q.limit(1))).scalar_one_or_none()

    # ------------------------------------------------------------------ review: unlock after the period closed
    async def request_unlock(self, sub: Submission, by: Account, reason: str,
                             *, now: datetime | None = None) -> tuple[UnlockRequest, bool]:
        """Ask to reopen; returns (request, created). A pending request is reused, not duplicated."""
        q = select(UnlockRequest).where(UnlockRequest.submission_id == sub.id, UnlockRequest.status == "pending")
        found = (await self.session.execute(q.limit(1))).scalar_one_or_none()
        if found is not None:
            return found, False
        now = now or utcnow()
        req = UnlockRequest(submission_id=sub.id, requested_by=by.id, reason=reason, status="pending", created_at=now)
        self.session.add(req)
        await self.add_event(sub, "unlock_requested", by, comment=reason, now=now)
        return req, True

    async def unlock_request(self, request_id: int) -> UnlockRequest | None:
        return await self.session.get(UnlockRequest, request_id)

    async def decide_unlock(self, req: UnlockRequest, by: Account, approve: bool, *, hours: float = UNLOCK_HOURS,
                            comment: str | None = None, now: datetime | None = None) -> bool:
        """Approve or refuse a pending request. Only the first decision counts (two supervisors tapping at
        once): returns False when it had already been decided. Approving opens the report (``lifecycle.unlock``)
        until the unlock expires."""
        now = now or utcnow()
        expires = now + timedelta(hours=hours) if approve else None
        res = await self.session.execute(
            update(UnlockRequest).where(UnlockRequest.id == req.id, UnlockRequest.status == "pending")
            .values(status="approved" if approve else "refused", decided_by=by.id, decided_at=now, expires_at=expires)
            .execution_options(synchronize_session=False)
        )
        await self.session.refresh(req)
        if res.rowcount != 1:
            return False
        sub = await self.session.get(Submission, req.submission_id)
        assert sub is not None
        await self.add_event(sub, "unlock_approved" if approve else "unlock_refused", by, comment=comment, now=now)
        if approve:
            sub.status = lifecycle.unlock(sub.status)
            sub.updated_at = now
        return True

    async def unlocked_periods(self, unit_id: int, now: datetime | None = None) -> list[Period]:
        """Periods (closed or past their closing time) this unit may still edit: an approved unlock not expired."""
        now = now or utcnow()
        # no DISTINCT over the row: PostgreSQL cannot compare its JSON column (unit_scope)
        ids = (select(Submission.period_id).join(UnlockRequest, UnlockRequest.submission_id == Submission.id)
               .where(Submission.unit_id == unit_id, UnlockRequest.status == "approved", UnlockRequest.expires_at > now))
        q = select(Period).where(Period.id.in_(ids))
        return list((await self.session.execute(q)).scalars())

    async def active_unlock(self, sub: Submission, now: datetime | None = None) -> UnlockRequest | None:
        now = now or utcnow()
        q = select(UnlockRequest).where(UnlockRequest.submission_id == sub.id, UnlockRequest.status == "approved",
                                        UnlockRequest.expires_at > now)
        return (await self.session.execute(q.order_by(UnlockRequest.expires_at.desc()).limit(1))).scalar_one_or_none()

    async def relock_expired(self, now: datetime | None = None) -> list[tuple[UnlockRequest, Submission]]:
        """Close each approved unlock that has expired, once (for the scheduler): a "relocked" event, and an
        unlocked report goes back to the supervisor for approval (``lifecycle.relock``)."""
        now = now or utcnow()
        res = await self.session.execute(
            update(UnlockRequest).where(UnlockRequest.status == "approved", UnlockRequest.expires_at <= now,
                                        UnlockRequest.relocked_at.is_(None))
            .values(relocked_at=now).returning(UnlockRequest.id).execution_options(synchronize_session=False)
        )
        ids = [r for (r,) in res.all()]
        if not ids:
            return []
        reqs = list((await self.session.execute(select(UnlockRequest).where(UnlockRequest.id.in_(ids))
                                          .execution_options(populate_existing=True))).scalars())
        subs = {s.id: s for s in (await self.session.execute(
            select(Submission).where(Submission.id.in_([r.submission_id for r in reqs])))).scalars()}
        for r in reqs:
            sub = subs[r.submission_id]
            sub.status = lifecycle.relock(sub.status)
            sub.updated_at = now
            await self.add_event(sub, "relocked", None, now=now)
        return [(r, subs[r.submission_id]) for r in reqs]

    async def end_unlock(self, sub: Submission, now: datetime) -> UnlockRequest | None:
        """End the submission's active unlock now (the officer sent the report again, or it was returned):
        nothing more is accepted under it. Returns the unlock ended, if there was one."""
        active = await self.active_unlock(sub, now)
        if active is not None:
            active.expires_at = now
            active.relocked_at = now
            await self.session.flush()
        return active

    async def unlock_changes(self, req: UnlockRequest) -> list[str]:
        """The question keys changed while the unlock was open (from its decision to its end), in order."""
        q = select(AnswerRevision.question_key).where(AnswerRevision.submission_id == req.submission_id)
        if req.decided_at is not None:
            q = q.where(AnswerRevision.changed_at >= req.decided_at)
        end = req.relocked_at or req.expires_at
        if end is not None:
            q = q.where(AnswerRevision.changed_at <= end)
        rows = (await self.session.execute(q.order_by(AnswerRevision.changed_at, AnswerRevision.id))).scalars()
        return list(dict.fromkeys(rows))

    async def scope_submissions(self, acc: Account, period: Period,
                                respondent_kinds: Sequence[str]) -> list[tuple[Unit, Submission | None]]:
        """The units a supervisor oversees that answer this period, each with its submission (or None), by name.
        Admins see every unit; an officer only their own."""
        if acc.role == "admin":
            units = await self.list_units(kinds=None if period.unit_scope else respondent_kinds)
        elif acc.role == "officer":
            own = await self.unit(acc.unit_id) if acc.unit_id else None
            units = [own] if own is not None else []
        else:
            seen: dict[int, Unit] = {}
            for sc in await self.scopes(acc):
                for u in await self.list_units(sc, kinds=None if period.unit_scope else respondent_kinds):
                    seen[u.id] = u
            units = list(seen.values())
        units = [u for u in units if self.period_covers(period, u, respondent_kinds)]
        subs = await self.submissions_of_period(period.id)
        return [(u, subs.get(u.id)) for u in sorted(units, key=lambda u: u.name)]
