"""Files a flow hands out: the consolidated report of a period (and /tonghop's picture), shared by /tonghop and
/xem's "📄 Tải .docx". No aiogram."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bot.services import Services
from exports import Report, build_report
from exports.load import load_consolidation
from storage.repo import Repo


async def make_report(services: Services, period_id: int, scope_code: str | None,
                      progress: Callable[[float], None] = lambda _share: None,
                      include_drafts: bool = False, account=None) -> tuple[Report, bytes | None]:
    """The consolidated files and /tonghop's picture (key figures over the last periods, or None);
    ``include_drafts``: provisional figures counting the unsent drafts too; ``account``: who asks (over all
    units, the issuing body defaults to their unit's)."""
    from exports.charts import tonghop_chart
    from exports.trends import load_history

    cons = await load_consolidation(services.db, services.catalogue, period_id, scope_code,
                                    include_drafts=include_drafts)
    progress(0.3)
    history = await load_history(services.db, services.catalogue, period_id, scope_code)
    progress(0.35)
    st = services.settings
    issuer = await report_issuer(services, scope_code, account)

    def build() -> tuple[Report, bytes | None]:
        report = build_report(cons, org_name=st.org_name, org_parent=st.org_parent, place=st.org_place,
                              on=services.today(), layout=st.doc_layout, history=history,
                              progress=lambda share: progress(0.35 + 0.55 * share), issuer=issuer)
        picture = tonghop_chart(cons, history)
        progress(1.0)
        return report, picture

    return await asyncio.to_thread(build)


async def report_issuer(services: Services, scope_code: str | None, account=None):
    """Who issues the scope's report (``baocao issuer`` / /coquan), else the defaults from the unit data (over all
    units: the only top-level unit, else the unit of ``account``), else ORG_NAME."""
    from exports.docx_report import issuer_of

    st = services.settings
    async with services.db.read_session() as s:
        repo = Repo(s)
        own = await repo.issuers.own_unit_code(account) if account is not None and scope_code is None else None
        return await repo.issuers.issuer_for(scope_code, issuer_of(st.org_name, st.org_parent, st.org_place), own_unit=own)
