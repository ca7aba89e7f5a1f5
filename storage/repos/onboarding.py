"""Invites and join requests: how an account gets its unit and role. A mixin of :class:`storage.repo.Repo`
(docs/architecture.md, storage)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from storage.models import Account, Invite, JoinRequest, Unit
from storage.repos.base import InviteResult, RepoBase, utcnow


class OnboardingRepo(RepoBase):
    # ------------------------------------------------------------------ invites
    async def create_invite(self, unit: Unit, role: str, *, uses: int = 1, days: int | None = 30,
                            created_by: Account | None = None, now: datetime | None = None) -> Invite:
        now = now or utcnow()
        inv = Invite(
            code=secrets.token_urlsafe(9).replace("-", "x").replace("_", "y"),
            unit_id=unit.id, role=role, max_uses=uses, uses=0,
            expires_at=(now + timedelta(days=days)) if days else None,
            created_at=now, created_by=created_by.id if created_by else None,
        )
        self.session.add(inv)
        await self.session.flush()
        return inv

    async def invite_code_like(self, candidates: list[str]) -> str | None:
        """The stored invite code among ``candidates``, compared without case (a code typed or pasted by hand);
        an exact match first. None: none of them is a code."""
        if not candidates:
            return None
        lowered = {c.lower() for c in candidates}
        rows = (await self.session.execute(select(Invite.code).where(func.lower(Invite.code).in_(lowered)).limit(10))).scalars()
        found = list(rows)
        exact = [c for c in found if c in candidates]
        return (exact or found or [None])[0]

    async def redeem_invite(self, code: str, acc: Account, *, now: datetime | None = None) -> InviteResult:
        """Use one of an invite's uses atomically and bind the account; says why when it cannot."""
        now = now or utcnow()
        inv = await self.session.get(Invite, code)
        if inv is None:
            return InviteResult("not_found")
        if inv.expires_at is not None and inv.expires_at <= now:
            return InviteResult("expired")
        res = await self.session.execute(
            update(Invite)
            .where(Invite.code == code, Invite.uses < Invite.max_uses)
            .values(uses=Invite.uses + 1)
            .execution_options(synchronize_session=False)
        )
        if res.rowcount != 1:
            return InviteResult("used_up")
        unit = await self.unit(inv.unit_id)
        await self.set_account(acc, role=inv.role if acc.role != "admin" else "admin", unit=unit)
        if inv.role == "supervisor" and unit is not None:
            await self.add_scope(acc, unit)
        return InviteResult("ok", unit, inv.role)

    # ------------------------------------------------------------------ join requests
    async def create_join_request(self, telegram_id: int, full_name: str, unit: Unit) -> JoinRequest:
        jr = JoinRequest(telegram_id=telegram_id, full_name=full_name, unit_id=unit.id, status="pending",
                         created_at=utcnow())
        self.session.add(jr)
        await self.session.flush()
        return jr

    async def join_request(self, jr_id: int) -> JoinRequest | None:
        return await self.session.get(JoinRequest, jr_id)
