"""The spreadsheet path, shared by the bot (/mau, a file sent back) and `baocao answers import`: making a unit's
template and storing what a filled one holds.

``exports.template`` makes and reads the file (and refuses what is not ours); here are the choices that need the
database: which period and submission a file is for, whether the unit may still change it, and which answers
actually changed (only those are stored, history "via xlsx").
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass, field
from datetime import datetime

from openpyxl import load_workbook

from bot.services import Services
from dialogs.answers import numeric
from dialogs.lifecycle import is_sent
from dialogs.outline import Outline
from dialogs.review import lock_text
from exports import template as tpl
from exports.template import (
    META_NAMES,
    META_SHEET,
    TemplateRefused,
    TemplateResult,
    make_template,
    read_template,
)
from storage.models import Account, Period, Submission, Unit
from storage.repo import Repo

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TemplateLocked(TemplateRefused):
    """The file is fine but the unit may not change this submission now (approved, or the period closed)."""

    def __init__(self, reason: str, submission: Submission):
        super().__init__(reason)
        self.submission = submission


@dataclass
class Imported:
    unit: Unit
    period: Period
    outline: Outline
    submission: Submission
    result: TemplateResult
    changed: list[str] = field(default_factory=list)  # keys stored (their value differed)
    was_submitted: bool = False
    before: dict = field(default_factory=dict)  # the stored answers the file was compared with

    def text(self) -> str:
        s = self.result.summary()
        if self.changed:
            s += f"\n\n💾 Đã lưu {len(self.changed)} câu có thay đổi."
        else:
            s += "\n\nKhông có câu nào thay đổi so với câu trả lời đã lưu."
        return s


def outline_version(services: Services, outline: Outline) -> int:
    """The version a template is made for: the stored outline version of the catalogue's content (any edit of the
    outline makes older files refused), the outline's own number when not registered."""
    return services.outline_versions.get(outline.id, outline.version)


def peek(data: bytes) -> dict[str, str] | None:
    """What the file says it is for (unit, period…), read without trusting it: ``read_template`` checks the
    signature afterwards. Raises TemplateRefused for a file too big or not a spreadsheet; None when unreadable."""
    tpl.check_container(data)  # size, zip, inflated size: before openpyxl touches it
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            if META_SHEET not in wb.sheetnames:
                return None
            ws = wb[META_SHEET]
            values = [str(r[0] or "") for r in ws.iter_rows(min_row=1, max_row=len(META_NAMES), min_col=2,
                                                           max_col=2, values_only=True)]
        finally:
            wb.close()
    except Exception:  # noqa: BLE001 — any unreadable file is refused by read_template with its reason
        return None
    return dict(zip(META_NAMES, values, strict=False))


async def build(services: Services, repo: Repo, unit: Unit, period: Period, outline: Outline) -> bytes:
    sub = await repo.submissions.find_submission(unit.id, period.id)
    answers = await repo.submissions.answers(sub.id) if sub is not None else {}
    previous = await services.previous_answers(repo, unit.id, period)
    return await asyncio.to_thread(make_template, outline, unit, period, answers, previous,
                                   outline_version(services, outline), secret=services.settings.template_key(),
                                   now=services.now())


async def _target(services: Services, repo: Repo, data: bytes, unit: Unit | None) -> tuple[Unit, Period, Outline]:
    meta = peek(data)
    if meta is None or not meta.get("period", "").isdigit():
        raise TemplateRefused(tpl.NOT_OURS)
    if unit is None:
        unit = await repo.units.unit_by_code(meta.get("unit", ""))
        if unit is None:
            raise TemplateRefused(tpl.NOT_OURS)
    period = await repo.periods.period(int(meta["period"]))
    if period is None or period.outline_id not in services.catalogue.outlines:
        raise TemplateRefused(f"Tệp này là mẫu của kỳ «{meta.get('period_label', '')}», kỳ này không còn trong hệ "
                              "thống. Gõ /mau để lấy mẫu của kỳ đang mở.")
    return unit, period, services.catalogue.get(period.outline_id)


async def import_file(services: Services, repo: Repo, data: bytes, *, unit: Unit | None, by: Account | None,
                      force: bool = False, now: datetime | None = None, via: str = "xlsx",
                      store: bool = True) -> Imported:
    """Read a filled template for ``unit`` (None: the unit the file names) and store the answers that differ (the
    caller's unit of work commits them; ``store=False``: only say what would change, for a confirmation). Raises
    TemplateRefused (nothing stored) or TemplateLocked (the unit may not change it; ``force`` ignores that)."""
    now = now or services.now()
    unit, period, outline = await _target(services, repo, data, unit)
    result = await asyncio.to_thread(read_template, data, expect_unit=unit, expect_period=period,
                                     expect_outline_version=outline_version(services, outline),
                                     secret=services.settings.template_key(), outline=outline, today=services.today())
    if not repo.periods.period_covers(period, unit, outline.respondents):
        raise TemplateRefused(f"Kỳ «{period.label}» không dành cho {unit.name}. Gõ /mau để lấy mẫu của kỳ đang mở.")
    sub = await repo.submissions.ensure_submission(unit.id, period.id, services.outline_versions.get(outline.id))
    if not force:
        lock = await repo.review.lock(sub, now)
        if lock is not None:
            raise TemplateLocked(lock_text(lock, period.label), sub)
    current = await repo.submissions.answers(sub.id)
    changed = [k for k, v in result.answers.items() if current.get(k, object()) != v]
    for key in changed if store else ():
        value = result.answers[key]
        await repo.submissions.set_answer(sub.id, key, value, num=numeric(outline.question(key), value),
                              by=by.id if by else None, via=via, now=now)
    was_submitted = is_sent(sub.status)
    return Imported(unit, period, outline, sub, result, changed, was_submitted, current)
