"""Accounts, their units and scopes, and who supervises or reports for a unit. A mixin of :class:`storage.repo.Repo`
(docs/architecture.md, storage)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import orjson
from sqlalchemy import delete, select, update

from storage.hot import HotPath, _hot
from storage.models import Account, AccountScope, ConversationPosition, Unit
from storage.repos.base import utcnow


class AccountsRepo(HotPath):
    # ------------------------------------------------------------------ accounts
    async def account(self, account_id: int) -> Account | None:
        return await self.session.get(Account, account_id)

    async def account_by_tg(self, telegram_id: int) -> Account | None:
        q = select(Account).where(Account.telegram_id == telegram_id)
        return (await self.session.execute(q)).scalar_one_or_none()

    async def ensure_account(self, telegram_id: int, full_name: str = "", username: str | None = None,
                             *, role: str = "officer") -> Account:
        """The account of a Telegram user, created on first contact (race-safe)."""
        acc = await self.account_by_tg(telegram_id)
        if acc is not None:
            if full_name and (acc.full_name != full_name or acc.username != username):
                acc.full_name, acc.username = full_name, username
            if acc.blocked:
                acc.blocked = False
            return acc
        stmt = self._insert(Account).values(
            telegram_id=telegram_id, full_name=full_name, username=username, role=role, blocked=False,
            active=True, created_at=utcnow(),
        ).on_conflict_do_nothing(index_elements=[Account.telegram_id])
        await self.session.execute(stmt)
        acc = await self.account_by_tg(telegram_id)
        assert acc is not None
        return acc

    async def account_context(self, telegram_id: int, full_name: str = "", username: str | None = None
                              ) -> Account:
        """:meth:`ensure_account` for the bot's hot path: the account, its conversation position, the position's
        submission, period and unit and the submission's answers, in one statement. The position stays in the
        session (``position`` reads it without a query); :meth:`position_context` and :meth:`answers` are
        answered once from what was read here."""
        row = (await self.session.execute(_hot(self.dialect).context, {"p_tg": telegram_id})).first()
        if row is None:
            return await self.ensure_account(telegram_id, full_name, username)
        acc, pos, sub, period, unit, doc = row
        if pos is not None and sub is not None and period is not None and unit is not None:
            self._context[acc.id] = (pos, sub, period, unit)
            self._answers[sub.id] = (doc if isinstance(doc, dict) else orjson.loads(doc)) if doc else {}
        if full_name and (acc.full_name != full_name or acc.username != username):
            acc.full_name, acc.username = full_name, username
        if acc.blocked:
            acc.blocked = False
        return acc

    async def list_accounts(self, role: str | None = None) -> list[Account]:
        q = select(Account).where(Account.active.is_(True))
        if role:
            q = q.where(Account.role == role)
        return list((await self.session.execute(q.order_by(Account.id))).scalars())

    async def set_account(self, acc: Account, *, role: str | None = None, unit: Unit | None = None) -> None:
        if role is not None:
            acc.role = role
        if unit is not None:
            acc.unit_id = unit.id
            if (role or acc.role) == "supervisor":
                await self.add_scope(acc, unit)
        acc.active = True
        await self.session.flush()

    async def add_scope(self, acc: Account, unit: Unit) -> None:
        stmt = self._insert(AccountScope).values(account_id=acc.id, unit_id=unit.id).on_conflict_do_nothing()
        await self.session.execute(stmt)

    async def scopes(self, acc: Account) -> list[Unit]:
        q = select(Unit).join(AccountScope, AccountScope.unit_id == Unit.id).where(AccountScope.account_id == acc.id)
        return list((await self.session.execute(q.order_by(Unit.path))).scalars())

    async def remove_account(self, acc: Account) -> None:
        await self.session.execute(delete(AccountScope).where(AccountScope.account_id == acc.id))
        await self.session.execute(delete(ConversationPosition).where(ConversationPosition.account_id == acc.id))
        acc.active = False
        acc.unit_id = None
        acc.role = "officer"
        await self.session.flush()

    async def mark_blocked(self, telegram_id: int, blocked: bool = True) -> None:
        await self.session.execute(update(Account).where(Account.telegram_id == telegram_id).values(blocked=blocked))

    async def supervisors_of(self, unit: Unit) -> list[Account]:
        """Supervisors whose scope contains ``unit`` (a scope is a unit and its whole subtree)."""
        ids = [int(x) for x in unit.path.strip("/").split("/") if x]
        scoped = select(AccountScope.account_id).where(AccountScope.unit_id.in_(ids))
        q = select(Account).where(Account.id.in_(scoped), Account.role.in_(["supervisor", "admin"]),
                                  Account.active.is_(True))
        return list((await self.session.execute(q)).scalars())

    async def officers_of(self, unit_ids: Iterable[int]) -> dict[int, list[Account]]:
        ids = list(set(unit_ids))
        out: dict[int, list[Account]] = defaultdict(list)
        for i in range(0, len(ids), 900):
            q = select(Account).where(Account.unit_id.in_(ids[i:i + 900]), Account.role == "officer",
                                      Account.active.is_(True))
            for a in (await self.session.execute(q)).scalars():
                out[a.unit_id].append(a)  # type: ignore[index]
        return out

    async def in_scope(self, acc: Account, unit: Unit) -> bool:
        if acc.role == "admin":
            return True
        if acc.role == "officer":
            return acc.unit_id == unit.id
        for sc in await self.scopes(acc):
            if unit.path.startswith(sc.path):
                return True
        return False

    async def note_updates(self, acc: Account, recent: list[int]) -> None:
        """Remember the update ids the account's last updates had (a redelivered one is then recognised).

        Written with the update's next write (the answer) or when it commits, not before: a redelivered update
        is recognised exactly when what it stored is stored."""
        await self._write_through(acc, "note_updates", {"recent_updates": recent}, defer=True)

    async def unit_accounts(self, unit_id: int, role: str) -> list[Account]:
        """Active accounts of ``role`` bound to the unit (the province's people who send its report upward)."""
        q = select(Account).where(Account.unit_id == unit_id, Account.role == role, Account.active.is_(True))
        return list((await self.session.execute(q)).scalars())

    async def account_by_username(self, username: str) -> Account | None:
        """An active account by its Telegram @username (without the @)."""
        q = select(Account).where(Account.username == username, Account.active.is_(True)).order_by(Account.id)
        return (await self.session.execute(q.limit(1))).scalar_one_or_none()
