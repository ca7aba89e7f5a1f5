"""Every button's callback data, one section per feature.

The rule: all ``CallbackData`` classes live here (a test checks it), so the prefixes stay unique and short on
the wire (Telegram allows 64 bytes of callback data); the fields are named for what they carry. Values that
can go stale (a questionnaire button after the officer moved on) carry a nonce that the handler checks.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

# --------------------------------------------------------------------------- report (the questionnaire)


class AnswerButton(CallbackData, prefix="q"):
    """A questionnaire button: the engine's action and argument, and the position's nonce when it was shown."""

    nonce: int
    action: str
    arg: str = ""


class PickPeriod(CallbackData, prefix="p"):
    """Start (or continue) the report of one open period."""

    period: int


class ViewReport(CallbackData, prefix="vw"):
    """«👁 Xem lại» on a locked (approved) report: its answers, read-only."""

    submission: int


class UnlockAsk(CallbackData, prefix="ua"):
    """«🔓 Xin mở lại»: ask to reopen a submission locked because its period closed (handled in review.py)."""

    submission: int


# --------------------------------------------------------------------------- start (onboarding)


class JoinUnit(CallbackData, prefix="j"):
    """The unit an officer without an invite asks to join."""

    unit: int


class JoinDecision(CallbackData, prefix="jr"):
    """A supervisor's answer to a join request: approve 1 (yes) or 0 (no)."""

    request: int
    approve: int


# --------------------------------------------------------------------------- consolidate (/tonghop)


class ConsolidateButton(CallbackData, prefix="th"):
    """/tonghop card. action: card, go (sent reports), gd (drafts too), outl, per, scope; o, p, s = an outline,
    period, scope was chosen."""

    action: str
    period: int = 0
    scope: int = 0
    outline: str = ""


# --------------------------------------------------------------------------- progress (/tiendo)


class ProgressButton(CallbackData, prefix="td"):
    """/tiendo. action: show (a period in a scope, with its picture), page (another page of it) or remind."""

    action: str
    period: int = 0
    scope: int = 0
    page: int = 0


# --------------------------------------------------------------------------- admin (/moky)


class OpenPeriodButton(CallbackData, prefix="mk"):
    """/moky. action: o (outline chosen), ok (open the period), cancel."""

    action: str
    outline: str = ""


# --------------------------------------------------------------------------- outline import (/nhapdecuong)


class OutlineDraftButton(CallbackData, prefix="oi"):
    """/nhapdecuong draft. action: pub (publish the draft), cancel (drop it)."""

    action: str

# --------------------------------------------------------------------------- review (/xem, return, approve, unlock)


class ReviewButton(CallbackData, prefix="rv"):
    """/xem. action: u (unit chosen: its default period), v (view a period), per (choose the period), doc (.docx),
    ret (return, asks the comment), ok (approve). Scope is checked again on every press."""

    action: str
    unit: int
    period: int = 0


class OpenQ(CallbackData, prefix="oq"):
    """The officer's "▶ Mở câu n" after a return: the submission and the question's index in the outline."""

    submission: int
    question: int


class UnlockDecision(CallbackData, prefix="ud"):
    """A supervisor's answer to an unlock request: approve 1 (yes) or 0 (no)."""

    request: int
    approve: int


# --------------------------------------------------------------------------- template (/mau)


class TemplatePeriod(CallbackData, prefix="tp"):
    """/mau with several open periods: the period whose .xlsx to make."""

    period: int


# --------------------------------------------------------------------------- ad hoc reports (/baocaonhanh)


class AdhocButton(CallbackData, prefix="ah"):
    """/baocaonhanh. action: qok (the questions as guessed are right), go (send the report now), cancel."""

    action: str


# --------------------------------------------------------------------------- the province's report upward (/baocaolen)


class UpwardButton(CallbackData, prefix="up"):
    """/baocaolen. action: p (period chosen), r (recompute and show), e (edit narrative question ``q``, its index in
    the outline), s (send upward). The province and the rights are checked again on every press."""

    action: str
    period: int = 0
    q: int = -1
