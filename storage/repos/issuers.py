"""Who issues a report (the header of the documents), per scope. A mixin of :class:`storage.repo.Repo`
(docs/architecture.md, storage)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from dialogs.issuer import Issuer, default_issuer
from dialogs.issuer import from_dict as issuer_from_dict
from storage.models import AccountNotice, IssuerSetting, Unit
from storage.repos.base import ALL_SCOPE, RepoBase, utcnow


class IssuersRepo(RepoBase):
    async def issuer_for(self, scope_code: str | None, fallback: Issuer, *, own_unit: str | None = None) -> Issuer:
        """The issuer of a scope's report: what was set for it, else derived from the unit data. Over all units
        (``scope_code`` None): what was set for "*", else the only top-level unit's (the Government over the
        ministries), else ``own_unit``'s (the unit of the supervisor who asks), else ``fallback`` (ORG_NAME)."""
        row = await self.session.get(IssuerSetting, scope_code or ALL_SCOPE)
        if row is not None:
            return issuer_from_dict(row.data)
        if scope_code:
            unit = await self.unit_by_code(scope_code)
            if unit is None:
                return fallback
            parent = await self.unit(unit.parent_id) if unit.parent_id else None
            return default_issuer(unit.name, unit.kind, unit.code, parent.name if parent else None)
        q = select(Unit.code).where(Unit.parent_id.is_(None), Unit.active.is_(True)).limit(2)
        roots = list((await self.session.execute(q)).scalars())
        if len(roots) == 1:
            return await self.issuer_for(roots[0], fallback)
        if own_unit:
            return await self.issuer_for(own_unit, fallback)
        return fallback

    async def own_unit_code(self, acc) -> str | None:
        """The unit a supervisor's reports come from: the one unit in their scope, else the unit they belong to."""
        scopes = await self.scopes(acc)
        if len(scopes) == 1:
            return scopes[0].code
        unit = await self.unit(acc.unit_id) if acc.unit_id else None
        return unit.code if unit is not None else None

    async def issuer_is_set(self, scope_code: str | None) -> bool:
        return await self.session.get(IssuerSetting, scope_code or ALL_SCOPE) is not None

    async def set_issuer(self, scope_code: str | None, issuer: Issuer, *, by: int | None = None,
                         now: datetime | None = None) -> None:
        row = await self.session.get(IssuerSetting, scope_code or ALL_SCOPE)
        data = issuer.as_dict()
        data.pop("derived", None)
        if row is None:
            self.session.add(IssuerSetting(scope=scope_code or ALL_SCOPE, data=data, updated_at=now or utcnow(), updated_by=by))
        else:
            row.data, row.updated_at, row.updated_by = data, now or utcnow(), by
        await self.session.flush()

    async def reset_issuer(self, scope_code: str | None) -> bool:
        """Back to the defaults from the unit data; False when nothing was set."""
        row = await self.session.get(IssuerSetting, scope_code or ALL_SCOPE)
        if row is None:
            return False
        await self.session.delete(row)
        await self.session.flush()
        return True

    async def notice_once(self, account_id: int, key: str, *, now: datetime | None = None) -> bool:
        """True the first time ``account_id`` is given the notice ``key`` (and remembers it), False after."""
        if await self.session.get(AccountNotice, (account_id, key[:64])) is not None:
            return False
        self.session.add(AccountNotice(account_id=account_id, key=key[:64], created_at=now or utcnow()))
        await self.session.flush()
        return True
