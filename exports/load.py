"""Loading one outline × period × scope from the database into a :class:`Consolidation`."""

from __future__ import annotations

from dialogs.loader import Catalogue
from exports.consolidate import Consolidation, UnitInfo, consolidate
from exports.gcpause import gc_paused
from storage.db import Database
from storage.models import Period, Unit
from storage.repo import Repo


class ExportError(ValueError):
    pass


async def expected_units(repo: Repo, period: Period, respondents: list[str], scope: Unit | None) -> list[Unit]:
    units = await repo.list_units(scope, kinds=None if period.unit_scope else respondents)
    return [u for u in units if Repo.period_covers(period, u, respondents)]


async def load_consolidation(db: Database, catalogue: Catalogue, period_id: int, scope_code: str | None = None,
                             *, similarity: int = 90, include_drafts: bool = False) -> Consolidation:
    """The consolidation of the sent reports; ``include_drafts``: provisional figures that count the units'
    unsent answers too (the documents then say so and name those units)."""
    with gc_paused():
        return await _load(db, catalogue, period_id, scope_code, similarity, include_drafts)


async def _load(db: Database, catalogue: Catalogue, period_id: int, scope_code: str | None, similarity: int,
                include_drafts: bool) -> Consolidation:
    async with db.read_session() as s:
        repo = Repo(s)
        period = await repo.period(period_id)
        if period is None:
            raise ExportError(f"không có kỳ báo cáo số {period_id}; xem danh sách bằng: baocao period list")
        try:
            outline = catalogue.get(period.outline_id)
        except KeyError:
            raise ExportError(f"không có đề cương «{period.outline_id}» trong danh mục") from None
        scope = None
        if scope_code:
            scope = await repo.unit_by_code(scope_code)
            if scope is None:
                raise ExportError(f"không có đơn vị mã «{scope_code}»; tìm mã bằng: baocao units find TÊN")
        units = await expected_units(repo, period, outline.respondents, scope)
        compared = [q.key for q in outline.questions if q.type in ("integer", "decimal", "percent", "money", "list",
                                                                   "documents", "yesno", "choice")]
        pa = await repo.period_answers(period, under=scope, prev_keys=compared)
        prev = await repo.period(pa.previous_period_id) if pa.previous_period_id else None
        parents = await repo.units_by_ids({u.parent_id for u in units if u.parent_id})
        reasons = await repo.period_reasons(period.id, under=scope)
    infos = [UnitInfo(u.id, u.code, u.name, u.kind, parents[u.parent_id].name if u.parent_id in parents else None)
             for u in units]
    ids = {u.id for u in infos}
    current = {k: v for k, v in pa.current.items() if k in ids}
    previous = {k: v for k, v in pa.previous.items() if k in ids} if prev is not None else None
    return consolidate(outline, units=infos, current=current, previous=previous, status=pa.status,
                       submitted_at=pa.submitted_at, period_label=period.label, deadline=period.deadline,
                       previous_label=prev.label if prev else None,
                       scope_name=scope.name if scope else "Tất cả đơn vị", similarity=similarity,
                       reasons={k: v for k, v in reasons.items() if k in ids}, include_drafts=include_drafts,
                       previous_status=pa.previous_status)
