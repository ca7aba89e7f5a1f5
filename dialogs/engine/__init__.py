"""The question engine: what comes next, what an answer means, which rules fail — with no Telegram in it.

The bot (or a test, or another front end) keeps a position (question key, mode, state) and calls
``Engine.on_text`` / ``Engine.on_action``; each returns a :class:`Step`: the answers to store, the
messages to show (text and abstract buttons) and the new position. The caller stores the answers first,
then the position, then shows the messages — so what was acknowledged is always stored.

Every step's screens are folded (``base.fold_screens``): a confirmation or warning rides at the top of the next
question's message, so an officer gets about one message per input. A wrong input keeps the question's buttons
and counts ``state["tries"]`` (plain help after three); an answer far from last period's asks a one-line reason
(``state["reason"]``; the reason comes back in ``Step.reasons``).

Modes (:class:`Mode`, a string enum; positions store its value): ``question`` (one question; lists, tables and
long texts keep their sub-step in ``state``), ``section`` (weekly: a section's previous answers with keep-all),
``toc`` (sections), ``review``, ``confirm`` (submit), ``choose`` (among open periods), ``idle`` (paused).

Modules: ``base`` (shared data, the :class:`Kind` interface and :class:`EngineView`, what a kind may use of the
engine — kinds import no engine module), ``core`` (:class:`Engine`), ``navigation``
(order, table of contents, section walk, review, submit), one module per kind of question (``scalar``,
``longtext``, ``lists``, ``tables``) and ``kinds`` (the registry: question type → kind).
"""

from dialogs.engine.base import (
           MAX_MESSAGE,
           Button,
           EngineView,
           Kind,
           Mode,
           ReportContext,
           Screen,
           Step,
           split_messages,
)
from dialogs.engine.core import Engine

__all__ = ["MAX_MESSAGE", "Button", "Engine", "EngineView", "Kind", "Mode", "ReportContext", "Screen", "Step",
           "split_messages"]
