"""Channels other than Telegram (issue 25): a person's Zalo identity bound to an account, the channel the
account last wrote from, one-time link codes and files served by expiring links.

An account keeps one integer address, ``Account.telegram_id``: a person who first came through Zalo gets a
synthetic one (:func:`synthetic_id`, far below any Telegram chat id), so everything keyed by it (the user lock,
positions, reminders, the notice queue, ``outbound_failures``) works unchanged for every channel."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Account, AccountChannel, ChannelLink, FileLink, LinkCode
from storage.repo import Repo, utcnow

# synthetic account addresses for people known only on another channel: below every Telegram id (users are
# positive, groups and channels above -10^13)
SYNTHETIC_BASE = -(10**15)


def synthetic_id(link_id: int) -> int:
    return SYNTHETIC_BASE - link_id


def is_synthetic(chat_id: int) -> bool:
    return chat_id <= SYNTHETIC_BASE


@dataclass
class Identity:
    link: ChannelLink
    account: Account
    new: bool = False  # made by this call (first contact)


class Channels:
    """Queries of the channel tables (one session, like :class:`storage.repo.Repo`)."""

    def __init__(self, session: AsyncSession):
        self.s = session

    # ------------------------------------------------------------------ identities
    async def identity(self, channel: str, external_id: str) -> Identity | None:
        q = (select(ChannelLink, Account).join(Account, Account.id == ChannelLink.account_id)
             .where(ChannelLink.channel == channel, ChannelLink.external_id == external_id))
        row = (await self.s.execute(q)).first()
        return Identity(row[0], row[1]) if row else None

    async def ensure_identity(self, channel: str, external_id: str, name: str, now: datetime) -> Identity:
        """The identity of a person writing from ``channel``; on first contact a new account with a synthetic
        address is made for them (race-safe: the unique (channel, external_id) decides)."""
        found = await self.identity(channel, external_id)
        if found is not None:
            if name and found.link.display_name != name:
                found.link.display_name = name
            return found
        repo = Repo(self.s)
        # a placeholder address first (the link's id is not known yet), then the synthetic one
        tmp = SYNTHETIC_BASE - 10**12 - secrets.randbelow(10**12)
        acc = await repo.accounts.ensure_account(tmp, name)
        link = ChannelLink(channel=channel, external_id=external_id, account_id=acc.id, display_name=name or "",
                           created_at=now, last_seen=now)
        self.s.add(link)
        try:
            await self.s.flush()
        except Exception:  # another process made it first
            await self.s.rollback()
            again = await self.identity(channel, external_id)
            assert again is not None
            return again
        acc.telegram_id = synthetic_id(link.id)
        await self.s.flush()
        return Identity(link, acc, new=True)

    async def links_of(self, account_id: int, channel: str | None = None) -> list[ChannelLink]:
        q = select(ChannelLink).where(ChannelLink.account_id == account_id)
        if channel:
            q = q.where(ChannelLink.channel == channel)
        return list((await self.s.execute(q.order_by(ChannelLink.last_seen.desc()))).scalars())

    async def address(self, chat_id: int, channel: str) -> str | None:
        """The external id to reach the account whose address is ``chat_id`` on ``channel`` (the most recently
        seen identity), or None."""
        q = (select(ChannelLink.external_id).join(Account, Account.id == ChannelLink.account_id)
             .where(Account.telegram_id == chat_id, ChannelLink.channel == channel)
             .order_by(ChannelLink.last_seen.desc()).limit(1))
        return (await self.s.execute(q)).scalar_one_or_none()

    async def linked_addresses(self, channel: str = "zalo") -> set[int]:
        """The addresses of every account that has an identity on ``channel``."""
        q = (select(Account.telegram_id).join(ChannelLink, ChannelLink.account_id == Account.id)
             .where(ChannelLink.channel == channel).distinct())
        return set((await self.s.execute(q)).scalars())

    async def save_menu(self, channel: str, external_id: str, menu: dict[str, Any] | None) -> None:
        await self.s.execute(update(ChannelLink).where(ChannelLink.channel == channel,
                                                       ChannelLink.external_id == external_id).values(menu=menu))

    # ------------------------------------------------------------------ last channel
    async def last_channel(self, chat_id: int) -> str | None:
        q = (select(AccountChannel.last_channel).join(Account, Account.id == AccountChannel.account_id)
             .where(Account.telegram_id == chat_id))
        return (await self.s.execute(q)).scalar_one_or_none()

    async def set_last_channel(self, account_id: int, channel: str, now: datetime) -> None:
        row = await self.s.get(AccountChannel, account_id)
        if row is None:
            self.s.add(AccountChannel(account_id=account_id, last_channel=channel, updated_at=now))
        elif row.last_channel != channel:
            row.last_channel, row.updated_at = channel, now

    # ------------------------------------------------------------------ linking two channels
    async def new_link_code(self, account_id: int, now: datetime, minutes: int = 15) -> str:
        await self.s.execute(delete(LinkCode).where(LinkCode.account_id == account_id))
        code = f"{secrets.randbelow(10**6):06d}"
        while await self.s.get(LinkCode, code) is not None:
            code = f"{secrets.randbelow(10**6):06d}"
        self.s.add(LinkCode(code=code, account_id=account_id, expires_at=now + timedelta(minutes=minutes)))
        return code

    async def redeem_link_code(self, code: str, now: datetime) -> Account | None:
        """The account a one-time code was made for (the code is used up), or None when unknown or expired."""
        row = await self.s.get(LinkCode, code.strip()[:16])
        if row is None:
            return None
        await self.s.delete(row)
        if row.expires_at < now:
            return None
        return await self.s.get(Account, row.account_id)

    async def move_identity(self, link: ChannelLink, target: Account) -> Account | None:
        """Bind ``link`` to ``target``; the account it leaves (a synthetic one with no other identity) is
        retired (its role and unit cleared), and returned."""
        old = await self.s.get(Account, link.account_id)
        link.account_id = target.id
        link.menu = None
        if old is not None and old.id != target.id and target.unit_id is None and old.unit_id is not None:
            target.unit_id, target.role = old.unit_id, old.role if target.role != "admin" else target.role
        if old is not None and old.id != target.id and is_synthetic(old.telegram_id):
            others = [x for x in await self.links_of(old.id) if x.id != link.id]
            if not others:
                old.unit_id, old.role, old.active = None, "officer", False
        return old

    # ------------------------------------------------------------------ files by link
    async def add_file(self, account_id: int, filename: str, content_type: str, data: bytes, now: datetime,
                       hours: float) -> FileLink:
        row = FileLink(token=secrets.token_urlsafe(32), account_id=account_id, filename=filename,
                       content_type=content_type, data=data, created_at=now, expires_at=now + timedelta(hours=hours))
        self.s.add(row)
        await self.s.execute(delete(FileLink).where(FileLink.expires_at < now - timedelta(days=1)))
        return row

    async def file(self, token: str) -> FileLink | None:
        return await self.s.get(FileLink, token[:64])

    async def drop_file(self, token: str) -> None:
        await self.s.execute(delete(FileLink).where(FileLink.token == token[:64]))


__all__ = ["Channels", "Identity", "synthetic_id", "is_synthetic", "SYNTHETIC_BASE", "utcnow"]
