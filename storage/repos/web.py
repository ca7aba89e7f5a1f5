"""The web form's links and sessions (a channel besides Telegram). A mixin of :class:`storage.repo.Repo`
(docs/architecture.md, storage)."""

from __future__ import annotations

import functools
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select, update

from storage.models import Account, Answer, Period, Submission, Unit, WebLink
from storage.repos.base import RepoBase, utcnow


class WebRepo(RepoBase):
    # ------------------------------------------------------------------ the web form (issue 24)
    async def create_web_link(self, acc: Account, period_id: int | None, *, hours: float,
                              now: datetime | None = None) -> WebLink:
        """A new revocable link row for ``acc`` (and one period), valid ``hours``."""
        now = now or utcnow()
        link = WebLink(id=secrets.token_urlsafe(12), account_id=acc.id, period_id=period_id, created_at=now,
                       expires_at=now + timedelta(hours=hours))
        self.session.add(link)
        await self.session.flush()
        return link

    async def web_link(self, link_id: str) -> WebLink | None:
        return await self.session.get(WebLink, link_id)

    async def web_links(self, account_ids: Iterable[int] | None = None) -> list[WebLink]:
        q = select(WebLink)
        if account_ids is not None:
            q = q.where(WebLink.account_id.in_(list(account_ids)))
        return list((await self.session.execute(q.order_by(WebLink.created_at))).scalars())

    async def revoke_web_links(self, *, link_id: str | None = None, account_id: int | None = None,
                               now: datetime | None = None) -> int:
        """Revoke one link, or every link of an account; returns how many were revoked now."""
        q = update(WebLink).where(WebLink.revoked_at.is_(None)).values(revoked_at=now or utcnow())
        if link_id is not None:
            q = q.where(WebLink.id == link_id)
        if account_id is not None:
            q = q.where(WebLink.account_id == account_id)
        return (await self.session.execute(q)).rowcount or 0

    async def ensure_web_account(self, unit: Unit, full_name: str) -> Account:
        """An officer account for someone outside Telegram: a negative placeholder id (never a real Telegram
        user), marked blocked so no Telegram message is tried for it (reminders skip blocked accounts)."""
        # -1, -2, …: far above the Zalo accounts' synthetic addresses (storage/channels.py, from -10**15 down)
        q = select(func.min(Account.telegram_id)).where(Account.telegram_id > -(10**14))
        lowest = (await self.session.execute(q)).scalar_one_or_none() or 0
        acc = Account(telegram_id=min(int(lowest), 0) - 1, full_name=full_name, username=None, role="officer",
                      unit_id=unit.id, blocked=True, active=True, created_at=utcnow())
        self.session.add(acc)
        await self.session.flush()
        return acc

    async def web_session_account(self, account_id: int, link_id: str | None) -> Account | None:
        """The account of a web session, in one statement: None when it is gone, inactive, or the session's
        link was revoked."""
        if link_id is None:
            acc = await self.session.get(Account, account_id)
            return acc if acc is not None and acc.active else None
        q = _web_statements()["session"]
        return (await self.session.execute(q, {"p_acc": account_id, "p_link": link_id})).scalar_one_or_none()

    async def report_context(self, unit_id: int, period_id: int) -> tuple[Unit, Period, Submission | None] | None:
        """A unit, a period and the unit's submission for it (None when not started), in one statement."""
        row = (await self.session.execute(_web_statements()["report"], {"p_unit": unit_id, "p_period": period_id})).first()
        return (row[0], row[1], row[2]) if row is not None else None


@functools.cache
def _web_statements() -> dict[str, Any]:
    """The web form's per-request statements, built once (bound parameters)."""

    return {
        "session": (select(Account).join(WebLink, WebLink.account_id == Account.id)
                    .where(Account.id == bindparam("p_acc"), Account.active.is_(True), WebLink.id == bindparam("p_link"),
                           WebLink.revoked_at.is_(None))),
        "report": (select(Unit, Period, Submission).select_from(Unit).join(Period, Period.id == bindparam("p_period"))
                   .outerjoin(Submission, (Submission.unit_id == Unit.id) & (Submission.period_id == Period.id))
                   .where(Unit.id == bindparam("p_unit"))),
        "version": select(Answer.version, Answer.set_by, Answer.set_at, Answer.via).where(
            Answer.submission_id == bindparam("p_sid"), Answer.question_key == bindparam("p_key")),
    }
