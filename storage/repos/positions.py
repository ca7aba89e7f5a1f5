"""Conversation positions: where each account is in its questionnaire. A mixin of :class:`storage.repo.Repo`
(docs/architecture.md, storage)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, select

from storage.hot import HotPath
from storage.models import ConversationPosition, Period, Submission, Unit
from storage.repos.base import utcnow


class PositionsRepo(HotPath):
    # ------------------------------------------------------------------ conversation positions
    async def position(self, account_id: int) -> ConversationPosition | None:
        return await self.session.get(ConversationPosition, account_id)

    async def save_position(self, account_id: int, *, submission_id: int | None, question_key: str | None,
                            mode: str = "question", state: dict[str, Any] | None = None,
                            bump: bool = True, defer: bool = False) -> ConversationPosition:
        """Move the account's position (``bump``: a new nonce, so buttons of older messages go stale).
        ``defer``: written with the session's next hot write (an answer) or just before it commits."""
        pos = await self.session.get(ConversationPosition, account_id)
        now = utcnow()
        if pos is None:
            pos = ConversationPosition(account_id=account_id, submission_id=submission_id,
                                       question_key=question_key, mode=mode, state=state or {}, nonce=1,
                                       updated_at=now)
            self.session.add(pos)
            await self.session.flush()
            return pos
        values = {"submission_id": submission_id, "question_key": question_key, "mode": mode,
                  "state": dict(state or {}), "nonce": (pos.nonce or 0) + 1 if bump else pos.nonce,
                  "updated_at": now}
        await self._write_through(pos, "move_position", values, defer=defer)
        return pos

    async def position_context(self, account_id: int
                               ) -> tuple[ConversationPosition, Submission, Period, Unit] | None:
        """The position with its submission, period and unit, in one statement (the bot's hot path)."""
        ahead = self._context.pop(account_id, None)
        if ahead is not None and ahead[0].submission_id == ahead[1].id:
            return ahead
        q = (
            select(ConversationPosition, Submission, Period, Unit)
            .join(Submission, Submission.id == ConversationPosition.submission_id)
            .join(Period, Period.id == Submission.period_id)
            .join(Unit, Unit.id == Submission.unit_id)
            .where(ConversationPosition.account_id == account_id)
        )
        row = (await self.session.execute(q)).first()
        return tuple(row) if row is not None else None  # type: ignore[return-value]

    async def place_positions(self, moves: Sequence[tuple[int, int, str | None, str, dict[str, Any]]]
                              ) -> dict[int, int]:
        """Move many accounts at once (account, submission, question key, mode, state), each with a new nonce, as
        :meth:`save_position` does one: account id → nonce."""
        ids = [m[0] for m in moves]
        old: dict[int, int] = {}
        for i in range(0, len(ids), 900):
            q = select(ConversationPosition.account_id, ConversationPosition.nonce).where(
                ConversationPosition.account_id.in_(ids[i:i + 900]))
            old.update({a: n or 0 for a, n in (await self.session.execute(q)).all()})
            await self.session.execute(delete(ConversationPosition).where(ConversationPosition.account_id.in_(ids[i:i + 900]))
                                 .execution_options(synchronize_session=False))
        now = utcnow()
        rows = [{"account_id": a, "submission_id": sub, "question_key": key, "mode": mode, "state": dict(state),
                 "nonce": old.get(a, 0) + 1, "updated_at": now} for a, sub, key, mode, state in moves]
        if rows:
            await self.session.execute(insert(ConversationPosition), rows)
        return {r["account_id"]: r["nonce"] for r in rows}
