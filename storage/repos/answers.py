"""Submissions and their answers: versioned values, revisions, reasons, a period's answers. A mixin of
:class:`storage.repo.Repo` (docs/architecture.md, storage)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Text, case, cast, func, literal, or_, select, type_coerce, update

from dialogs.lifecycle import Status
from storage import rawsql
from storage.hot import HotPath, _hot
from storage.models import Answer, AnswerRevision, Period, Submission, Unit
from storage.repos.base import PeriodAnswers, before_in_sequence, utcnow
from storage.repos.web import _raw, _web_statements


class AnswersRepo(HotPath):
    # ------------------------------------------------------------------ submissions
    async def submission(self, submission_id: int) -> Submission | None:
        return await self.session.get(Submission, submission_id)

    async def find_submission(self, unit_id: int, period_id: int) -> Submission | None:
        q = select(Submission).where(Submission.unit_id == unit_id, Submission.period_id == period_id)
        return (await self.session.execute(q)).scalar_one_or_none()

    async def ensure_submission(self, unit_id: int, period_id: int, outline_version_id: int | None = None,
                                *, now: datetime | None = None) -> Submission:
        sub = await self.find_submission(unit_id, period_id)
        if sub is not None:
            return sub
        now = now or utcnow()
        stmt = self._insert(Submission).values(
            unit_id=unit_id, period_id=period_id, outline_version_id=outline_version_id, status=Status.DRAFT,
            created_at=now, updated_at=now,
        ).on_conflict_do_nothing(index_elements=[Submission.unit_id, Submission.period_id])
        await self.session.execute(stmt)
        sub = await self.find_submission(unit_id, period_id)
        assert sub is not None
        return sub

    async def answers(self, submission_id: int) -> dict[str, Any]:
        ahead = self._answers.pop(submission_id, None)
        if ahead is not None:
            return ahead
        q = select(Answer.question_key, Answer.value).where(Answer.submission_id == submission_id)
        return {k: v for k, v in (await self.session.execute(q)).all()}

    async def answer_count(self, submission_id: int) -> int:
        q = select(func.count()).select_from(Answer).where(Answer.submission_id == submission_id)
        return int((await self.session.execute(q)).scalar_one())

    async def set_answer(self, submission_id: int, key: str, value: Any, *, num: float | None = None,
                         by: int | None = None, via: str = "bot", now: datetime | None = None,
                         commit: bool = False, reason: str | None = None) -> int:
        """Store an answer and its revision (old → new) atomically; returns the answer's new version.

        ``reason`` is the officer's reason for a large change; a new value without one clears the old reason.
        Callers check :meth:`can_edit` first (approved or closed submissions are locked).

        The upsert comes first so the row (PostgreSQL) or the database (SQLite, BEGIN IMMEDIATE) is locked
        before the old value is read: two officers writing at once both get a revision, in order.
        """
        now = now or utcnow()
        hot = _hot(self.dialect)
        conn = await self.session.connection()
        params = {"p_sid": submission_id, "p_key": key, "p_value": value, "p_num": num, "p_by": by, "p_now": now,
                  "p_via": via, "p_reason": reason}
        version = (await conn.execute(hot.upsert_answer, params)).scalar_one()
        self._answers.pop(submission_id, None)
        params["p_version"] = version
        # from the second version on, the old value is the previous revision's new value, read by the insert
        # (a statement of its own: it must see what was committed while the upsert waited for the row's lock)
        await self._run_hot("revision_next" if version > 1 else "revision_first", params, "touch_submission")
        if commit:
            await self.session.commit()
        return version

    async def write_answer(self, submission_id: int, key: str, value: Any, *, num: float | None, by: int | None,
                           via: str, now: datetime) -> tuple[int, int]:
        """:meth:`set_answer` (the same statements, the same order and locks) run on the driver's connection
        (``storage/rawsql.py``) for the web form's field save; returns (the answer's new version, the submission's
        ``answers_rev`` after it)."""
        params = {"p_sid": submission_id, "p_key": key, "p_value": value, "p_num": num, "p_by": by, "p_now": now,
                  "p_via": via, "p_reason": None}
        self._answers.pop(submission_id, None)
        if self.dialect == "postgresql":  # one round trip (storage/repos/web.py::_write_in_one)
            row = await rawsql.fetch_one(self.session, _raw(self.session, "write_in_one"), params)
            assert row is not None
            version, rev, missing = row
            if missing and version > 1:  # written by another transaction while this one waited for the row
                await rawsql.fetch(self.session, _raw(self.session, "fix_old_value"), {**params, "p_version": version})
            return version, rev
        row = await rawsql.fetch_one(self.session, _raw(self.session, "upsert_answer"), params)
        assert row is not None
        params["p_version"] = version = row[0]
        await rawsql.fetch(self.session, _raw(self.session, "revision_next" if version > 1 else "revision_first"), params)
        touched = await rawsql.fetch_one(self.session, _raw(self.session, "touch_returning"), params)
        assert touched is not None
        return version, touched[0]

    async def answer_rows(self, period_id: int) -> list[tuple[Any, ...]]:
        """Every answer of a period for the CSV export: unit code and name, status, key, value, version, time, via."""
        q = (
            select(Unit.code, Unit.name, Submission.status, Answer.question_key, Answer.value, Answer.version,
                   Answer.set_at, Answer.via)
            .join(Submission, Submission.id == Answer.submission_id)
            .join(Unit, Unit.id == Submission.unit_id)
            .where(Submission.period_id == period_id)
            .order_by(Unit.code, Answer.question_key)
        )
        return [tuple(r) for r in (await self.session.execute(q)).all()]

    async def revisions(self, submission_id: int, key: str | None = None) -> list[AnswerRevision]:
        q = select(AnswerRevision).where(AnswerRevision.submission_id == submission_id)
        if key:
            q = q.where(AnswerRevision.question_key == key)
        return list((await self.session.execute(q.order_by(AnswerRevision.question_key, AnswerRevision.version))).scalars())

    async def submissions_of_period(self, period_id: int) -> dict[int, Submission]:
        q = select(Submission).where(Submission.period_id == period_id)
        return {s.unit_id: s for s in (await self.session.execute(q)).scalars()}

    async def answer_counts(self, period_id: int) -> dict[int, int]:
        q = (
            select(Submission.unit_id, func.count(Answer.id))
            .join(Answer, Answer.submission_id == Submission.id)
            .where(Submission.period_id == period_id)
            .group_by(Submission.unit_id)
        )
        return {u: int(c) for u, c in (await self.session.execute(q)).all()}

    async def period_answers(self, period: Period, unit_ids: Sequence[int] | None = None,
                             under: Unit | None = None, prev_keys: Sequence[str] | None = None) -> PeriodAnswers:
        """Current and previous answers of every unit (optionally: in ``unit_ids`` or under ``under``),
        in one round trip: the previous period (:meth:`previous_period`) is chosen by a subquery in the same
        statement, and each submission's answers come back as one JSON object aggregated by the database."""
        prev_id_sq = before_in_sequence(self.dialect, period).with_only_columns(Period.id).limit(1).scalar_subquery()
        if self.dialect == "postgresql":
            agg = cast(func.json_object_agg(Answer.question_key, Answer.value), Text)
        else:
            agg = _sqlite_object()
        doc_q = select(agg).where(Answer.submission_id == Submission.id)
        if prev_keys is not None:
            # of the previous period, only what the comparison needs (numbers, list lengths)
            doc_q = doc_q.where(or_(Submission.period_id == period.id, Answer.question_key.in_(list(prev_keys))))
        doc = doc_q.correlate(Submission).scalar_subquery()
        q = (
            select(Submission.unit_id, Submission.period_id, Submission.status, Submission.submitted_at,
                   doc.label("doc"), prev_id_sq.label("prev_id"))
            .where(or_(Submission.period_id == period.id, Submission.period_id == prev_id_sq))
        )
        if under is not None:
            q = q.join(Unit, Unit.id == Submission.unit_id).where(Unit.path.startswith(under.path, autoescape=True))
        wanted = set(unit_ids) if unit_ids is not None else None
        cur: dict[int, dict[str, Any]] = {}
        prev: dict[int, dict[str, Any]] = {}
        status: dict[int, str] = {}
        prev_status: dict[int, str] = {}
        submitted_at: dict[int, datetime | None] = {}
        prev_id: int | None = None
        loads = orjson.loads
        result = await self.session.execute(q)
        for unit_id, period_id, st, sat, raw, pid in result:
            if wanted is not None and unit_id not in wanted:
                continue
            prev_id = pid
            answers = (raw if isinstance(raw, dict) else loads(raw)) if raw else {}
            if period_id == period.id:
                status[unit_id] = st
                submitted_at[unit_id] = sat
                cur[unit_id] = answers
            else:
                prev[unit_id] = answers
                prev_status[unit_id] = st
        if prev_id is None:
            prev_id = (await self.session.execute(select(prev_id_sq))).scalar_one_or_none()
        cur = {u: a for u, a in cur.items() if a}
        prev = {u: a for u, a in prev.items() if a}
        return PeriodAnswers(period.id, prev_id, cur, prev, status, submitted_at, prev_status)

    async def values_at(self, submission_id: int, keys: Sequence[str], at: datetime) -> dict[str, Any]:
        """The answers to ``keys`` as they stood at ``at``: the old value of the first change after it, else the
        current answer (a key unanswered then is left out)."""
        q = (select(AnswerRevision.question_key, AnswerRevision.old_value)
             .where(AnswerRevision.submission_id == submission_id, AnswerRevision.question_key.in_(list(keys)),
                    AnswerRevision.changed_at > at)
             .order_by(AnswerRevision.question_key, AnswerRevision.version))
        out: dict[str, Any] = {}
        for k, old in (await self.session.execute(q)).all():
            out.setdefault(k, old)
        current = await self.answers(submission_id)
        out.update({k: current[k] for k in keys if k not in out and k in current})
        return {k: v for k, v in out.items() if v is not None}

    # ------------------------------------------------------------------ review: reasons and views
    async def set_reason(self, submission_id: int, key: str, reason: str | None) -> bool:
        """Attach (or clear) the large-change reason of an answer already stored, and of its latest revision."""
        res = await self.session.execute(
            update(Answer).where(Answer.submission_id == submission_id, Answer.question_key == key)
            .values(reason=reason).returning(Answer.version).execution_options(synchronize_session=False)
        )
        version = res.scalar_one_or_none()
        if version is None:
            return False
        await self.session.execute(
            update(AnswerRevision).where(AnswerRevision.submission_id == submission_id,
                                         AnswerRevision.question_key == key, AnswerRevision.version == version)
            .values(reason=reason).execution_options(synchronize_session=False)
        )
        return True

    async def period_reasons(self, period_id: int, under: Unit | None = None) -> dict[int, dict[str, str]]:
        """The officers' reasons for large changes in a period: unit id → question key → reason."""
        q = (select(Submission.unit_id, Answer.question_key, Answer.reason)
             .join(Submission, Submission.id == Answer.submission_id)
             .where(Submission.period_id == period_id, Answer.reason.is_not(None)))
        if under is not None:
            q = q.join(Unit, Unit.id == Submission.unit_id).where(Unit.path.startswith(under.path, autoescape=True))
        out: dict[int, dict[str, str]] = {}
        for unit_id, key, reason in (await self.session.execute(q)).all():
            out.setdefault(unit_id, {})[key] = reason
        return out

    async def answer_reasons(self, submission_id: int) -> dict[str, str]:
        q = select(Answer.question_key, Answer.reason).where(Answer.submission_id == submission_id,
                                                              Answer.reason.is_not(None))
        return {k: r for k, r in (await self.session.execute(q)).all()}

    async def unit_previous_answers(self, unit_id: int, period: Period) -> tuple[Period | None, dict[str, Any] | None]:
        """The previous period of the outline and this unit's answers in it (None when it did not answer)."""
        prev = await self.previous_period(period)
        if prev is None:
            return None, None
        sub = await self.find_submission(unit_id, prev.id)
        return prev, (await self.answers(sub.id) if sub is not None else None)

    # ------------------------------------------------------------------ many officers at once (ad hoc reports)
    async def ensure_submissions(self, unit_ids: Sequence[int], period_id: int, outline_version_id: int | None = None,
                                 *, now: datetime | None = None) -> dict[int, int]:
        """:meth:`ensure_submission` for many units in two statements: unit id → submission id."""
        now = now or utcnow()
        rows = [{"unit_id": u, "period_id": period_id, "outline_version_id": outline_version_id, "status": "draft",
                 "created_at": now, "updated_at": now} for u in unit_ids]
        if rows:
            await self.session.execute(self._insert(Submission).on_conflict_do_nothing(
                index_elements=[Submission.unit_id, Submission.period_id]), rows)
        out: dict[int, int] = {}
        ids = list(unit_ids)
        for i in range(0, len(ids), 900):
            q = select(Submission.unit_id, Submission.id).where(Submission.period_id == period_id,
                                                                Submission.unit_id.in_(ids[i:i + 900]))
            out.update(dict((await self.session.execute(q)).all()))
        return out

    async def answer_vias(self, submission_id: int) -> dict[str, str]:
        """How each answer of a submission was last set (``bot``, ``rollup``, ``xlsx``…): question key → via."""
        q = select(Answer.question_key, Answer.via).where(Answer.submission_id == submission_id)
        return dict((await self.session.execute(q)).all())

    async def answer_versions(self, submission_id: int) -> dict[str, tuple[int, int | None, datetime, str]]:
        """Each answer's (version, set_by, set_at, via)."""
        q = select(Answer.question_key, Answer.version, Answer.set_by, Answer.set_at, Answer.via).where(
            Answer.submission_id == submission_id)
        return {k: (v, by, at, via) for k, v, by, at, via in (await self.session.execute(q)).all()}

    async def revisions_after(self, submission_id: int, after_id: int, *, not_by: int | None = None,
                              limit: int = 50) -> list[AnswerRevision]:
        """Revisions of a submission newer than ``after_id`` (optionally: made by someone else), oldest first."""
        q = select(AnswerRevision).where(AnswerRevision.submission_id == submission_id, AnswerRevision.id > after_id)
        if not_by is not None:
            q = q.where((AnswerRevision.changed_by != not_by) | AnswerRevision.changed_by.is_(None))
        return list((await self.session.execute(q.order_by(AnswerRevision.id).limit(limit))).scalars())

    async def last_revision_id(self, submission_id: int) -> int:
        q = select(func.max(AnswerRevision.id)).where(AnswerRevision.submission_id == submission_id)
        return int((await self.session.execute(q)).scalar_one_or_none() or 0)

    async def answer_version(self, submission_id: int, key: str) -> tuple[int, int | None, datetime, str] | None:
        """One answer's (version, set_by, set_at, via), or None when it has none yet."""
        conn = await self.session.connection()  # Core: no ORM context for four columns
        row = (await conn.execute(_web_statements()["version"], {"p_sid": submission_id, "p_key": key})).first()
        return tuple(row) if row is not None else None  # type: ignore[return-value]


def _sqlite_object() -> Any:
    """Each submission's answers as one JSON object, on SQLite: the stored JSON texts joined as they are
    (``json_group_object(key, json(value))`` parses and re-writes every value: twice the time on 860,000 answers).
    A number is stored as an SQLite number (the JSON column's numeric affinity): an integer prints as JSON; a
    real is written by ``json()`` as before."""
    raw = type_coerce(Answer.value, Text)
    value = case((func.typeof(Answer.value) == "real", func.json(Answer.value)), else_=raw)
    pair = func.json_quote(Answer.question_key).op("||")(literal(":")).op("||")(value)
    return type_coerce(literal("{").op("||")(func.group_concat(pair, ",")).op("||")(literal("}")), Text)
