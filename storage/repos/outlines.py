"""Outline versions and the outline drafts being imported. A mixin of :class:`storage.repo.Repo` (docs/architecture.md,
storage)."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from storage.models import OutlineDraft, OutlineVersion
from storage.repos.base import RepoBase, utcnow


class OutlinesRepo(RepoBase):
    # ------------------------------------------------------------------ outlines
    async def register_outline(self, outline_id: str, version: int, content_hash: str, source_file: str,
                               title: str, yaml_text: str | None = None) -> int:
        """The id of this outline content, registered if new (``yaml_text``: an outline published as text)."""
        q = select(OutlineVersion.id).where(OutlineVersion.outline_id == outline_id,
                                            OutlineVersion.content_hash == content_hash)
        found = (await self.session.execute(q)).scalar_one_or_none()
        if found is not None:
            return found
        stmt = self._insert(OutlineVersion).values(
            outline_id=outline_id, version=version, content_hash=content_hash, source_file=source_file,
            title=title, created_at=utcnow(), yaml_text=yaml_text,
        ).on_conflict_do_nothing()
        await self.session.execute(stmt)
        return (await self.session.execute(q)).scalar_one()

    async def latest_outline_versions(self) -> list[OutlineVersion]:
        """The newest registered version of every outline (published text or file)."""
        newest = select(func.max(OutlineVersion.id)).group_by(OutlineVersion.outline_id)
        q = select(OutlineVersion).where(OutlineVersion.id.in_(newest)).order_by(OutlineVersion.id)
        return list((await self.session.execute(q)).scalars())

    async def max_outline_version_id(self) -> int:
        return (await self.session.execute(select(func.max(OutlineVersion.id)))).scalar_one() or 0

    async def save_outline_draft(self, account_id: int, filename: str, yaml_text: str) -> None:
        await self.session.execute(delete(OutlineDraft).where(OutlineDraft.account_id == account_id))
        self.session.add(OutlineDraft(account_id=account_id, filename=filename, yaml_text=yaml_text, updated_at=utcnow()))
        await self.session.flush()

    async def outline_draft(self, account_id: int) -> OutlineDraft | None:
        q = select(OutlineDraft).where(OutlineDraft.account_id == account_id)
        return (await self.session.execute(q)).scalar_one_or_none()

    async def delete_outline_draft(self, account_id: int) -> None:
        await self.session.execute(delete(OutlineDraft).where(OutlineDraft.account_id == account_id))
