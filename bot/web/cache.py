"""What a field save needs besides the input, kept in the process between one save and the next (the saves of a
session come one after another, seconds apart), checked by one statement per save so that several processes, the
chat and the command line stay correct:

* a session's *context* — the account, its unit, the period, the unit's submission (ORM objects read once) — used
  while the columns they were read from (``WebSaveProbe.stamp``) are still what the save's statement reads;
* a report's *answers* (for the rules and the questions shown) — used while the submission's ``answers_rev`` (raised
  by every answer written, in any process) is still the one they were read or written at.

A save adds its own answer and records the answers at the new ``answers_rev`` — in the batch's transaction first
(:func:`remember`: a later save of the same batch goes on from them; gone if the batch is rolled back), in the
process's cache once committed (``service.save``). Only a write that followed directly on the answers it started
from is recorded: another process's write in between leaves the cache behind, and the next save reads afresh."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.models import Account, Period, Submission, Unit
from storage.repo import Repo

PENDING = "web_answers"  # session.info: submission id → (answers_rev, answers) written in this transaction


@dataclass(frozen=True)
class Context:
    stamp: tuple[Any, ...]
    account: Account
    unit: Unit | None
    period: Period | None
    submission: Submission | None


class SaveCache:
    def __init__(self, limit: int = 20000):
        self.limit = limit
        self.contexts: dict[tuple[int, str | None, int], Context] = {}
        self.committed: dict[int, tuple[int, dict[str, Any]]] = {}

    def context(self, key: tuple[int, str | None, int], stamp: tuple[Any, ...]) -> Context | None:
        ctx = self.contexts.get(key)
        return ctx if ctx is not None and ctx.stamp == stamp else None

    def put_context(self, key: tuple[int, str | None, int], stamp: tuple[Any, ...], full: Any) -> Context:
        if len(self.contexts) >= self.limit:
            self.contexts.clear()
        ctx = self.contexts[key] = Context(stamp, full.account, full.unit, full.period, full.submission)
        return ctx

    def answers(self, repo: Repo, sub_id: int | None, rev: int | None) -> dict[str, Any] | None:
        """A copy of the report's answers at ``rev`` (this transaction's, else the committed ones); None: not held."""
        if sub_id is None:
            return {}
        hit = repo.session.info.get(PENDING, {}).get(sub_id) or self.committed.get(sub_id)
        return dict(hit[1]) if hit is not None and hit[0] == rev else None

    def put_answers(self, sub_id: int, rev: int | None, answers: dict[str, Any]) -> None:
        if rev is None:
            return
        old = self.committed.get(sub_id)
        if old is None and len(self.committed) >= self.limit:
            self.committed.clear()
        if old is None or old[0] <= rev:
            self.committed[sub_id] = (rev, answers)


def remember(repo: Repo, sub_id: int, rev: int | None, answers: dict[str, Any]) -> None:
    """The answers a save left in this transaction (``rev`` None: not known, the next save reads them)."""
    pending = repo.session.info.setdefault(PENDING, {})
    if rev is None:
        pending.pop(sub_id, None)
    else:
        pending[sub_id] = (rev, answers)
