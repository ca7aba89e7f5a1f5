"""The report's lifecycle, pure (dialogs/lifecycle.py): transitions and their guards, why a report is locked,
which units a period covers."""

from __future__ import annotations

import pytest

from dialogs import lifecycle as lc
from dialogs.lifecycle import Lock, Status, UnlockState
from dialogs.review import LOCK_VI, STATUS_VI, lock_text

ACTIVE, ENDED, NONE = UnlockState(active=True), UnlockState(ended=True), UnlockState()


def test_transitions_and_guards():
    assert lc.submit(Status.DRAFT) is Status.SUBMITTED and lc.submit(Status.RETURNED) is Status.SUBMITTED
    assert lc.submit(Status.UNLOCKED) is Status.CORRECTED  # sent again under an unlock: back for approval
    assert lc.return_(Status.SUBMITTED) is Status.RETURNED and lc.return_(Status.CORRECTED) is Status.RETURNED
    assert lc.approve(Status.SUBMITTED) is Status.APPROVED and lc.approve(Status.CORRECTED) is Status.APPROVED
    assert lc.unlock(Status.APPROVED) is Status.UNLOCKED and lc.unlock(Status.SUBMITTED) is Status.SUBMITTED
    assert lc.relock(Status.UNLOCKED) is Status.CORRECTED and lc.relock(Status.RETURNED) is Status.RETURNED
    for bad in ((lc.submit, Status.APPROVED), (lc.submit, Status.CORRECTED), (lc.approve, Status.DRAFT),
                (lc.approve, Status.APPROVED), (lc.return_, Status.DRAFT), (lc.return_, Status.RETURNED)):
        with pytest.raises(lc.TransitionError):
            bad[0](bad[1])


def test_can_edit_reason_codes():
    assert lc.can_edit(Status.SUBMITTED, False, NONE) is None
    assert lc.can_edit(Status.APPROVED, False, ACTIVE) is Lock.APPROVED
    assert lc.can_edit(Status.CORRECTED, False, NONE) is Lock.CORRECTED  # open period, yet locked
    assert lc.can_edit(Status.UNLOCKED, False, ACTIVE) is None
    assert lc.can_edit(Status.UNLOCKED, False, ENDED) is Lock.UNLOCK_EXPIRED  # open period: the unlock rules
    assert lc.can_edit(Status.SUBMITTED, True, NONE) is Lock.CLOSED
    assert lc.can_edit(Status.SUBMITTED, True, ACTIVE) is None
    assert lc.can_edit(Status.DRAFT, True, ENDED) is Lock.UNLOCK_EXPIRED
    # every code has its words, and each names the button the refusal carries
    assert set(LOCK_VI) == set(Lock) and all("«🔓 Xin mở lại»" in lock_text(k, "Tuần 47/2026") for k in Lock)
    assert set(STATUS_VI) == set(Status)


def test_statuses_sent_and_stored_values():
    assert [s.value for s in Status] == ["draft", "submitted", "returned", "approved", "unlocked", "corrected"]
    assert lc.is_sent("submitted") and lc.is_sent(Status.CORRECTED) and not lc.is_sent("returned")
    assert Status.SUBMITTED == "submitted"  # a str enum: compared and stored as before


def test_covers_by_list_or_by_kind():
    assert lc.covers([3, 4], 3, "xa", ["bo"]) and not lc.covers([3, 4], 5, "bo", ["bo"])
    assert lc.covers(None, 5, "bo", ["bo"]) and not lc.covers([], 5, "xa", ["bo"])
