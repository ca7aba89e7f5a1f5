"""Shared data of the question engine: the context it works in, what a step returns, what a screen shows,
and the interface every kind of question keeps."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar, Protocol

from dialogs.answers import expected_form
from dialogs.outline import Outline
from dialogs.review import CHANGE_MIN, CHANGE_RATIO

MAX_MESSAGE = 4000  # Telegram's limit is 4096 characters; keep a margin
DONE_WORDS = {"xong", "het", "ket thuc", "done", "xong roi"}


class Mode(StrEnum):
    """Where the officer is in the questionnaire (stored with the position, as its string value)."""

    QUESTION = "question"  # one question (lists, tables, long texts keep their sub-step in ``state``)
    SECTION = "section"  # weekly: a section's previous answers with keep-all
    TOC = "toc"  # the table of contents
    RECAP = "review"  # the officer's recap of all answers before sending (the value is stored in positions: kept)
    CONFIRM = "confirm"  # confirm the submission
    CHOOSE = "choose"  # choose among open periods
    IDLE = "idle"  # paused


NAV_ROW_BUTTONS = (("📑 Mục lục", "toc"), ("👁 Xem lại", "review"), ("⏸ Tạm dừng", "pause"))


@dataclass(frozen=True)
class Button:
    text: str
    action: str
    arg: str = ""


@dataclass
class Screen:
    text: str
    buttons: list[list[Button]] = field(default_factory=list)


@dataclass
class Step:
    store: list[tuple[str, Any]] = field(default_factory=list)
    screens: list[Screen] = field(default_factory=list)
    key: str | None = None
    mode: str = Mode.QUESTION
    state: dict[str, Any] = field(default_factory=dict)
    submit: bool = False
    error: bool = False
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (key, large-change reason) to attach


@dataclass
class ReportContext:
    outline: Outline
    unit_code: str | None
    unit_kind: str | None
    answers: dict[str, Any]
    previous: dict[str, Any] | None = None  # None: no previous period for this unit
    period_label: str = ""
    submitted: bool = False
    today: date | None = None
    change_ratio: float = CHANGE_RATIO  # a large change (a reason is asked): above this share of the old figure…
    change_min: float = CHANGE_MIN  # …and above this in absolute terms
    # a returned report: the questions the supervisor pointed at → the comment (the officer is led through them)
    returned: dict[str, str] = field(default_factory=dict)
    returned_values: dict[str, Any] = field(default_factory=dict)  # their answers when the report was returned

    @property
    def prev_label(self) -> str:
        return self.outline.period.previous_label




class EngineView(Protocol):
    """What a kind of question needs of the engine (:class:`~dialogs.engine.core.Engine` provides it). Kinds see
    the engine through this only: they import no engine module, and change its state through these methods."""

    ctx: ReportContext
    outline: Outline

    def header(self, key: str) -> list[str]:
        """The first lines of a question's screen."""

    def nav_buttons(self, *, keep: bool, none: bool, extra: list[Button] | None = None) -> list[list[Button]]:
        """The buttons under a question: keep / none, back / skip, the navigation row."""

    def prev_value(self, key: str) -> Any:
        """Last period's answer to ``key`` (None when there is none)."""

    def has_prev(self, key: str) -> bool:
        """Whether last period answered ``key``."""

    def change_label(self, key: str, value: Any) -> str:
        """How ``value`` compares with last period's ("mới", "như kỳ trước", "tăng 3")."""

    def error(self, key: str, state: dict[str, Any], message: str) -> Step:
        """A wrong input: the message, the question's buttons kept."""

    def stored(self, key: str, value: Any, state: dict[str, Any], *, note: str | None = None) -> Step:
        """Store the complete answer, confirm it and move on."""

    def settle(self, key: str, state: dict[str, Any], screens: list[Screen], *, ask_reason: bool = True) -> Step:
        """After an answer is complete: rule warnings, a reason for a large change, or the next question."""

    def advance(self, key: str, state: dict[str, Any], prefix: list[Screen]) -> Step:
        """The next question, ``prefix`` screens first."""

    def on_action(self, key: str | None, mode: str, state: dict[str, Any], action: str, arg: str) -> Step:
        """A button, as if pressed."""

    def rule_warnings(self, key: str) -> Screen | None:
        """The outline's rules that fail once ``key`` is answered."""

    def answers_changed(self) -> None:
        """The answers changed outside :meth:`stored` (a table row, a list item): visibility is worked out again."""


ActionFn = Callable[["Kind", EngineView, str, dict[str, Any], str], "Step | None"]


class Kind(ABC):
    """What one kind of question does: the screen for it, what a typed text does, what a button does.

    A kind keeps no data of its own: everything is in the engine (answers, previous answers) and in the
    position's ``state`` (the sub-step: list item being entered, table row, text being collected).
    ``ACTIONS`` maps a button's action to a method ``(self, engine, key, state, arg) -> Step | None``;
    actions no kind claims are the engine's (back, skip, keep, none) or stale."""

    ACTIONS: ClassVar[dict[str, ActionFn]] = {}

    @abstractmethod
    def screen(self, e: EngineView, key: str, state: dict[str, Any]) -> Screen:
        """What the question shows."""

    @abstractmethod
    def on_text(self, e: EngineView, key: str, state: dict[str, Any], text: str) -> Step:
        """What a typed text does."""

    def on_action(self, e: EngineView, key: str, state: dict[str, Any], action: str, arg: str) -> Step | None:
        fn = self.ACTIONS.get(action)
        return fn(self, e, key, state, arg) if fn is not None else None

    def expected(self, e: EngineView, key: str, state: dict[str, Any]) -> str:
        """What to type at this sub-step, with an example (repeated after wrong tries)."""
        return expected_form(e.outline.question(key))

    def enter(self, e: EngineView, key: str, state: dict[str, Any]) -> None:
        """Adjust ``state`` when the question is shown (goto)."""
        return None  # most kinds need nothing


def option_buttons(item: Any, action: str) -> list[list[Button]]:
    """The options of a choice (one a row, numbered as typed) or yes/no (one row) as buttons; else none."""
    if item.type == "yesno":
        return [[Button("Có", action, "1"), Button("Không", action, "0")]]
    if item.type == "choice" and getattr(item, "options", None):
        return [[Button(f"{i}. {o.label}"[:60], action, o.key)] for i, o in enumerate(item.options, 1)]
    return []


def option_value(item: Any, arg: str) -> tuple[bool, Any]:
    """The value an option button of :func:`option_buttons` stands for: (valid, value)."""
    if item.type == "yesno" and arg in ("0", "1"):
        return True, arg == "1"
    if item.type == "choice" and any(o.key == arg for o in getattr(item, "options", None) or []):
        return True, arg
    return False, None


def fold_screens(screens: list[Screen], limit: int = MAX_MESSAGE) -> list[Screen]:
    """Fewer messages: a confirmation or warning goes into the same message as what follows it (its text
    first), as long as the message stays under ``limit``; buttons are kept in order."""
    out: list[Screen] = []
    for sc in screens:
        if out and len(out[-1].text) + 2 + len(sc.text) <= limit:
            last = out[-1]
            out[-1] = Screen(f"{last.text}\n\n{sc.text}", last.buttons + sc.buttons)
        else:
            out.append(Screen(sc.text, list(sc.buttons)))
    return out


def nav_row() -> list[Button]:
    return [Button(text, action) for text, action in NAV_ROW_BUTTONS]


def stale(key: str | None, mode: str, state: dict[str, Any]) -> Step:
    return Step(screens=[Screen("Nút này không còn dùng được ở bước hiện tại. Gõ /baocao để về câu đang trả lời.")],
                key=key, mode=mode, state=state, error=True)


def short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def fit(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def split_messages(blocks: list[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Join text blocks into messages under ``limit`` characters, never splitting a block unless it alone is too long."""
    out: list[str] = []
    cur = ""
    for b in blocks:
        while len(b) > limit:
            if cur:
                out.append(cur)
                cur = ""
            out.append(b[:limit])
            b = b[limit:]
        candidate = f"{cur}\n{b}" if cur else b
        if len(candidate) > limit:
            out.append(cur)
            cur = b
        else:
            cur = candidate
    if cur:
        out.append(cur)
    return out or [""]
