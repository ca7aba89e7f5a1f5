"""A report's lifecycle, pure: its statuses, the transitions with their guards, whether it may be changed now
(and if not, why, as a reason code — the words are in ``dialogs/review.py::LOCK_VI``), and which units a period
covers.

    draft ──submit──▶ submitted ──approve──▶ approved ──unlock──▶ unlocked ──relock/submit──▶ corrected
      ▲                 │  ▲                    │                                               │
      └──── returned ◀──┘  └────── return ──────┴──────────────── return ◀─────────────────────┤
                                                                    approved ◀──── approve ─────┘

An unlock is a time-limited exception: an approved report is opened (``unlocked``) until the unlock expires or the
officer sends it again; then it is locked (``corrected``) and waits for the supervisor's approval. An unlock of a
report whose period closed (not approved) keeps its status: the active unlock alone lets it be changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Status(StrEnum):
    """A submission's status; the values are what the database stores."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    UNLOCKED = "unlocked"  # an approved report opened for a limited time
    CORRECTED = "corrected"  # sent again after an unlock: locked, waiting for the supervisor's approval


# the statuses of a report the unit has sent (counted as received; "↩ Trả lại" and "✅ Duyệt" apply)
SENT = frozenset({Status.SUBMITTED, Status.APPROVED, Status.UNLOCKED, Status.CORRECTED})
# the statuses a supervisor may approve
APPROVABLE = frozenset({Status.SUBMITTED, Status.CORRECTED})
# the statuses whose report opens read-only, whatever the period (approved, or waiting for approval again)
READ_ONLY = frozenset({Status.APPROVED, Status.CORRECTED})


def is_sent(status: str | None) -> bool:
    return status in SENT


class Lock(StrEnum):
    """Why a report cannot be changed now (the officer is told in words: ``dialogs/review.py::LOCK_VI``)."""

    APPROVED = "approved"  # approved: ask to reopen
    CORRECTED = "corrected"  # sent again after an unlock: waiting for approval
    CLOSED = "closed"  # the period closed
    UNLOCK_EXPIRED = "unlock_expired"  # the time granted by an unlock is over


@dataclass(frozen=True)
class UnlockState:
    """The submission's latest approved unlock, as far as editing is concerned."""

    active: bool = False  # approved and not expired nor ended
    ended: bool = False  # there was one and it is over


def period_closed(status: str, closes_at: datetime | None, now: datetime) -> bool:
    """A period is closed when its status says so or its closing time has passed."""
    return status != "open" or (closes_at is not None and closes_at <= now)


def can_edit(status: str, closed: bool, unlock: UnlockState) -> Lock | None:
    """None when the unit may change the report now; else the reason it may not.

    Approved → locked. Unlocked → open while the unlock is active. Corrected → locked (waits for approval).
    Draft, returned or submitted → open while the period is open, or while an unlock is active after it closed.
    """
    if status == Status.APPROVED:
        return Lock.APPROVED
    if status == Status.CORRECTED:
        return Lock.CORRECTED
    if status == Status.UNLOCKED:
        return None if unlock.active else Lock.UNLOCK_EXPIRED
    if not closed or unlock.active:
        return None
    return Lock.UNLOCK_EXPIRED if unlock.ended else Lock.CLOSED


class TransitionError(ValueError):
    """A transition its guard refuses (the report is not in a state it applies to)."""


def _guard(status: str, allowed: Sequence[Status], what: str) -> None:
    if status not in allowed:
        raise TransitionError(f"cannot {what} a report that is {status}")


def submit(status: str) -> Status:
    """Sending the report: an unlocked one goes back for approval (corrected), any other becomes submitted."""
    _guard(status, (Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.UNLOCKED), "submit")
    return Status.CORRECTED if status == Status.UNLOCKED else Status.SUBMITTED


def return_(status: str) -> Status:
    """The supervisor returns a sent report with a comment: it becomes editable again."""
    _guard(status, tuple(SENT), "return")
    return Status.RETURNED


def approve(status: str) -> Status:
    _guard(status, tuple(APPROVABLE), "approve")
    return Status.APPROVED


def unlock(status: str) -> Status:
    """An agreed unlock: an approved (or corrected) report is opened; any other keeps its status (the unlock
    lets it be changed after its period closed)."""
    return Status.UNLOCKED if status in (Status.APPROVED, Status.CORRECTED) else Status(status)


def relock(status: str) -> Status:
    """The unlock is over: an unlocked report goes back to the supervisor for approval."""
    return Status.CORRECTED if status == Status.UNLOCKED else Status(status)


def covers(unit_scope: Sequence[int] | None, unit_id: int, unit_kind: str, respondent_kinds: Sequence[str]) -> bool:
    """Whether a period asks this unit: its own list of units when it has one, else the outline's respondent
    kinds. The one rule (``Repo.period_covers``, ``Repo.scope_submissions``, ``exports/load.expected_units``)."""
    if unit_scope:
        return unit_id in unit_scope
    return unit_kind in respondent_kinds
