"""One outbound path: every Bot API call that sends something passes through :class:`Outbound`.

It is an aiogram request middleware on the bot's session (installed by ``bot.app.make_bot``), so replies
from handlers, reminders, digests and exports all go through it without knowing it. It

* keeps the bot-wide budget: ``SEND_RATE`` messages per second, evenly spaced, at most ``SEND_RATE`` in any
  second (a few percent under it, so timing jitter draws no 429), with a small burst after a quiet spell;
* keeps about one message per second per chat, with short bursts (``SEND_CHAT_BURST``, 3 by default, then
  1/s), as Telegram tolerates;
* keeps each chat's messages in order: a per-chat FIFO lane, held across waits and retries;
* serves interactive replies before bulk sends (reminders, digests, "Nhắc ngay"): wrap those in
  ``with bulk():``; when both wait for the budget, interactive goes first — within a process by the order of
  its waiters, and across processes sharing Redis because an interactive send that has to wait marks the
  budget as wanted until just after its turn, and bulk sends of every process stand back meanwhile;
* on 429 pauses the whole budget for ``retry_after`` and retries in order; retries 5xx and network errors
  (timeouts included) with exponential backoff and jitter, a bounded number of times;
* never drops a message silently: it is delivered, or reported to the undeliverable sink (403 blocked,
  400 chat not found / bad request, attempts exhausted) with the reason, then the error is raised to the
  caller as before;
* shares the budget between processes through Redis when ``REDIS_URL`` is set (GCRA + sliding window in
  one Lua script, Redis's clock), falling back to the in-process budget if Redis cannot be reached;
* counts what happened (:class:`OutboundStats`) for the benchmarks.

Light calls — answerCallbackQuery, sendChatAction, deleteMessage — are not messages a user reads and are
not counted against the message budget or the per-chat limit: they have their own, looser bucket
(``SEND_LIGHT_RATE``, 100/s), get the same 429 pause and retries, and are not reported to the sink.
Everything else (getUpdates, setMyCommands, getFile…) passes through untouched.

A retry after a timeout may deliver a message twice (Telegram may have received the first attempt):
at least once rather than never.

The package, by concern: ``priorities`` (interactive before bulk, which calls are messages), ``limits`` (the
rules and one process's budget), ``redis_budget`` (the budget shared through Redis), ``ordering`` (turns by
priority, per-chat lanes), ``fitting`` (texts cut or split to Telegram's limits), ``reports`` (undeliverable
messages and their sinks, tracking, counters), ``reasons`` (the words of a failed send, shared with
``bot/sender.py``) and ``middleware`` (:class:`Outbound`, installing it).
"""

from bot.outbound.limits import Budget, Limits, LocalBudget, Rule
from bot.outbound.middleware import Outbound, from_settings, install, installed
from bot.outbound.priorities import BULK, INTERACTIVE, PRIORITY, bulk, priority_of
from bot.outbound.reasons import failure_reason
from bot.outbound.redis_budget import RedisBudget
from bot.outbound.reports import Delivery, OutboundStats, Undeliverable, db_sink, log_sink, tracking

__all__ = ["Outbound", "Limits", "Rule", "Budget", "LocalBudget", "RedisBudget", "Undeliverable", "OutboundStats",
           "Delivery", "bulk", "priority_of", "tracking", "install", "installed", "from_settings", "db_sink", "log_sink",
           "failure_reason", "INTERACTIVE", "BULK", "PRIORITY"]
