"""What a flow asks a channel to show: messages with choices to the person who acted, files and pictures,
notices to other people, a short alert for a pressed button. No aiogram: a channel renders these (Telegram:
``bot/render.py``; a web page or another messenger: its own renderer).

A ``Choice`` names what it does (``kind``) and the values it carries (``args``); the channel turns it into its own
button and, when pressed, calls the flow the kind names with those values:

| kind | args | pressed → |
|---|---|---|
| ``QUESTION`` | ``nonce``, ``action``, ``arg`` | ``questionnaire.press`` |
| ``PICK_PERIOD`` | ``period`` | ``questionnaire.pick`` |
| ``UNLOCK_ASK`` | ``submission`` | ``review.ask_unlock`` |
| ``VIEW_REPORT`` | ``submission`` | ``questionnaire.view_report`` (a locked report, read-only) |
| ``UNLOCK_DECIDE`` | ``request``, ``approve`` (1/0) | ``review.decide_unlock`` |
| ``OPEN_QUESTION`` | ``submission``, ``question`` (index in the outline) | ``review.open_question`` |
| ``REVIEW`` | ``action``, ``unit``, ``period`` | ``review.press`` (``v`` view, ``u``, ``per``, ``doc``, ``ret``, ``ok``) |
| ``TEMPLATE_PERIOD`` | ``period`` | the .xlsx questionnaire of that period (Telegram: ``/mau``) |
| ``UPWARD`` | ``action``, ``period``, ``q`` | ``upward.press`` (the province's report upward: ``r`` recompute, ``e`` edit question ``q``, ``f`` files, ``w`` web, ``s`` send) |
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dialogs.engine import Screen
from storage.models import Account

QUESTION = "question"
PICK_PERIOD = "pick_period"
UNLOCK_ASK = "unlock_ask"
VIEW_REPORT = "view_report"
UNLOCK_DECIDE = "unlock_decide"
OPEN_QUESTION = "open_question"
REVIEW = "review"
TEMPLATE_PERIOD = "template_period"
UPWARD = "upward"


@dataclass(frozen=True)
class Choice:
    """A button: its label, what it does and the values it carries."""

    text: str
    kind: str
    args: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, text: str, kind: str, **args: Any) -> Choice:
        return cls(text, kind, tuple(args.items()))

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.args)


Rows = list[list[Choice]]


@dataclass
class Message:
    """A text with choices (rows of buttons) under it. A long text is split by the channel; the choices go
    under its last part."""

    text: str
    choices: Rows = field(default_factory=list)


@dataclass
class File:
    name: str
    data: bytes
    caption: str = ""


@dataclass
class Picture:
    name: str
    data: bytes
    caption: str = ""


@dataclass
class Notice:
    """A message to other people (the unit's officers, the supervisors): accounts that blocked the bot are
    skipped by the channel."""

    to: list[Account]
    text: str
    choices: Rows = field(default_factory=list)


Item = Message | File | Picture | Notice


@dataclass
class Outcome:
    """What to show, in order. ``items``: messages, files and pictures to the person who acted, and notices to
    others. ``alert``: a short answer to a pressed button (``popup``: shown as a dialog, it needs reading)."""

    items: list[Item] = field(default_factory=list)
    alert: str | None = None
    popup: bool = False

    def say(self, text: str, choices: Rows | None = None) -> Outcome:
        self.items.append(Message(text, choices or []))
        return self

    def notify(self, to: list[Account], text: str, choices: Rows | None = None) -> Outcome:
        self.items.append(Notice(to, text, choices or []))
        return self

    @property
    def messages(self) -> list[Message]:
        return [i for i in self.items if isinstance(i, Message)]

    @property
    def notices(self) -> list[Notice]:
        return [i for i in self.items if isinstance(i, Notice)]


def refuse(text: str) -> Outcome:
    """A pressed button that does nothing: why, as a dialog (a typed command gets it as a message)."""
    return Outcome(alert=text, popup=True)


def reachable(accounts: list[Account]) -> list[Account]:
    """The accounts a notice reaches (not those who blocked the bot)."""
    return [a for a in accounts if not a.blocked]


def screens(outcome: Outcome, screens_: list[Screen], nonce: int) -> Outcome:
    """The questionnaire engine's screens as messages; their buttons carry the position's ``nonce``."""
    for sc in screens_:
        rows = [[Choice.of(b.text, QUESTION, nonce=nonce, action=b.action, arg=b.arg) for b in row]
                for row in sc.buttons if row]
        outcome.items.append(Message(sc.text, rows))
    return outcome
