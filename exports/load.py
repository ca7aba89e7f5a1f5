"""Loading one outline × period × scope from the database into a :class:`Consolidation`."""

from __future__ import annotations

from dialogs.kinds import PROVINCE_KINDS
from dialogs.lifecycle import is_sent
from dialogs.loader import Catalogue
from exports.consolidate import Consolidation, UnitInfo, consolidate
from exports.gcpause import gc_paused
from storage.db import Database
from storage.models import Period, Unit
from storage.repo import Repo
from storage.repos.periods import PeriodsRepo


class ExportError(ValueError):
    pass


async def expected_units(repo: Repo, period: Period, respondents: list[str], scope: Unit | None) -> list[Unit]:
    units = await repo.units.list_units(scope, kinds=None if period.unit_scope else respondents)
    return [u for u in units if PeriodsRepo.period_covers(period, u, respondents)]


async def reporting_provinces(repo: Repo, period: Period, respondents: list[str], *, sent: bool = False) -> list[Unit]:
    """The provinces that report this period upward (/baocaolen): those over the units it asks, once any of them
    has its own report in it (``sent``: has sent it — a blank draft made by opening /baocaolen does not switch the
    level above from its communes to the provinces); else none. The level above consolidates these provinces'
    reports."""
    if set(respondents) & set(PROVINCE_KINDS):
        return []
    subs = await repo.submissions.submissions_of_period(period.id)
    provinces = await repo.units.list_units(None, kinds=PROVINCE_KINDS)
    if not any(p.id in subs and (not sent or is_sent(subs[p.id].status)) for p in provinces):
        return []
    return await provinces_over(repo, period, respondents, provinces)


async def provinces_over(repo: Repo, period: Period, respondents: list[str],
                         provinces: list[Unit] | None = None) -> list[Unit]:
    """The provinces over the units a period asks (those that consolidate it and report it upward)."""
    if provinces is None:
        provinces = await repo.units.list_units(None, kinds=PROVINCE_KINDS)
    asked = {u.path.split("/")[1] for u in await expected_units(repo, period, respondents, None)}
    return [p for p in provinces if str(p.id) in asked]


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
        period = await repo.periods.period(period_id)
        if period is None:
            raise ExportError(f"không có kỳ báo cáo số {period_id}; xem danh sách bằng: baocao period list")
        try:
            outline = catalogue.get(period.outline_id)
        except KeyError:
            raise ExportError(f"không có đề cương «{period.outline_id}» trong danh mục") from None
        scope = None
        if scope_code:
            scope = await repo.units.unit_by_code(scope_code)
            if scope is None:
                raise ExportError(f"không có đơn vị mã «{scope_code}»; tìm mã bằng: baocao units find TÊN")
        provinces = await reporting_provinces(repo, period, outline.respondents, sent=True) if scope is None else []
        units = provinces or await expected_units(repo, period, outline.respondents, scope)
        compared = [q.key for q in outline.questions if q.type in ("integer", "decimal", "percent", "money", "list",
                                                                   "documents", "yesno", "choice")]
        pa = await repo.submissions.period_answers(period, under=scope, prev_keys=compared)
        prev = await repo.periods.period(pa.previous_period_id) if pa.previous_period_id else None
        parents = await repo.units.units_by_ids({u.parent_id for u in units if u.parent_id})
        reasons = await repo.submissions.period_reasons(period.id, under=scope)
    infos = [UnitInfo(u.id, u.code, u.name, u.kind, parents[u.parent_id].name if u.parent_id in parents else None)
             for u in units]
    ids = {u.id for u in infos}
    current = {k: v for k, v in pa.current.items() if k in ids}
    previous = {k: v for k, v in pa.previous.items() if k in ids} if prev is not None else None
    deadline = (period.level_deadline("province") or period.deadline) if provinces else period.deadline
    c = consolidate(outline, units=infos, current=current, previous=previous, status=pa.status,
                    submitted_at=pa.submitted_at, period_label=period.label, deadline=deadline,
                    previous_label=prev.label if prev else None,
                    scope_name=scope.name if scope else ("Các tỉnh, thành phố" if provinces else "Tất cả đơn vị"),
                    similarity=similarity, reasons={k: v for k, v in reasons.items() if k in ids},
                    include_drafts=include_drafts, previous_status=pa.previous_status)
    c.cutoff_on = period.cutoff_on
    return c
