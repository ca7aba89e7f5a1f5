"""Queries for the figures of past periods: the last periods of an outline, and per period × question
the sum and count of the numeric answers (one grouped statement), optionally under one unit's subtree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.figures import SENT_STATUSES
from storage.models import Answer, Period, Submission, Unit


async def recent_periods(s: AsyncSession, period: Period, *, limit: int = 8) -> list[Period]:
    """Up to ``limit`` periods of the same outline up to ``period`` in the outline's sequence
    (``storage/repo.py::period_order``), ``period`` included, oldest first."""
    from storage.repo import before_in_sequence, period_order

    q = before_in_sequence(s.bind.dialect.name, period, inclusive=True).limit(limit)
    return sorted((await s.execute(q)).scalars(), key=period_order)


def _scoped(q, under: Unit | None):
    """Only sent reports (a draft or a returned report is not a period's figure)."""
    q = q.join(Submission, Submission.id == Answer.submission_id).where(Submission.status.in_(sorted(SENT_STATUSES)))
    if under is not None:
        q = q.join(Unit, Unit.id == Submission.unit_id).where(Unit.path.startswith(under.path, autoescape=True))
    return q


async def numeric_sums(s: AsyncSession, period_ids: Sequence[int], keys: Sequence[str],
                       under: Unit | None = None) -> dict[tuple[int, str], tuple[float, int]]:
    """(period id, question key) → (sum of the numeric readings, number of answers with one)."""
    if not period_ids or not keys:
        return {}
    q = _scoped(select(Submission.period_id, Answer.question_key, func.sum(Answer.num), func.count(Answer.num)),
                under)
    q = (q.where(Submission.period_id.in_(list(period_ids)), Answer.question_key.in_(list(keys)),
                 Answer.num.is_not(None))
         .group_by(Submission.period_id, Answer.question_key))
    return {(pid, key): (float(total or 0), int(n)) for pid, key, total, n in await s.execute(q)}


async def unit_values(s: AsyncSession, period_ids: Sequence[int], keys: Sequence[str],
                      under: Unit | None = None) -> dict[int, dict[int, dict[str, Any]]]:
    """period id → unit id → {question key: stored answer} (a percentage keeps its parts "47/96"), for the
    figures that are not plain sums (means, ratios, percentages)."""
    if not period_ids or not keys:
        return {}
    q = _scoped(select(Submission.period_id, Submission.unit_id, Answer.question_key, Answer.value), under)
    q = q.where(Submission.period_id.in_(list(period_ids)), Answer.question_key.in_(list(keys)))
    out: dict[int, dict[int, dict[str, Any]]] = {}
    for pid, uid, key, value in await s.execute(q):
        out.setdefault(pid, {}).setdefault(uid, {})[key] = value
    return out
