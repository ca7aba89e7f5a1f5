"""The units (the tree of government units). A mixin of :class:`storage.repo.Repo` (docs/architecture.md, storage)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import and_, select

from storage.models import Unit
from storage.repos.base import RepoBase


class UnitsRepo(RepoBase):
    # ------------------------------------------------------------------ units
    async def unit(self, unit_id: int) -> Unit | None:
        return await self.session.get(Unit, unit_id)

    async def unit_by_code(self, code: str) -> Unit | None:
        return (await self.session.execute(select(Unit).where(Unit.code == code))).scalar_one_or_none()

    async def units_by_ids(self, ids: Iterable[int]) -> dict[int, Unit]:
        ids = list(set(ids))
        out: dict[int, Unit] = {}
        for i in range(0, len(ids), 900):
            rows = await self.session.execute(select(Unit).where(Unit.id.in_(ids[i:i + 900])))
            out.update({u.id: u for u in rows.scalars()})
        return out

    async def list_units(self, under: Unit | None = None, *, include_root: bool = True,
                         active_only: bool = True, kinds: Sequence[str] | None = None) -> list[Unit]:
        q = select(Unit)
        if under is not None:
            cond = Unit.path.startswith(under.path, autoescape=True)
            q = q.where(cond if include_root else and_(cond, Unit.id != under.id))
        if active_only:
            q = q.where(Unit.active.is_(True))
        if kinds:
            q = q.where(Unit.kind.in_(list(kinds)))
        return list((await self.session.execute(q.order_by(Unit.path))).scalars())

    async def children(self, unit: Unit) -> list[Unit]:
        q = select(Unit).where(Unit.parent_id == unit.id, Unit.active.is_(True)).order_by(Unit.name)
        return list((await self.session.execute(q)).scalars())
