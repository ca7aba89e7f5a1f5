"""What happened to the sends: undeliverable messages and their sinks, per-call tracking, counters."""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from bot.outbound.priorities import BULK, INTERACTIVE

log = logging.getLogger(__name__)


@dataclass
class Undeliverable:
    """A message that could not be delivered, with the reason (handed to the sink)."""

    chat_id: int | str | None
    method: str
    reason: str
    code: int | None
    text: str | None
    priority: int
    attempts: int


Sink = Callable[[Undeliverable], Awaitable[None]]


@dataclass
class Delivery:
    """What happened to the sends made inside ``tracking()`` (the reminder sender reads it)."""

    attempts: int = 0
    retries_429: int = 0
    retries_other: int = 0


TRACK: ContextVar[Delivery | None] = ContextVar("outbound_track", default=None)


@contextlib.contextmanager
def tracking() -> Iterator[Delivery]:
    d = Delivery()
    token = TRACK.set(d)
    try:
        yield d
    finally:
        TRACK.reset(token)


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s))) - 1))]


@dataclass
class OutboundStats:
    sent: int = 0
    light: int = 0
    seen_429: int = 0
    retries: int = 0
    undeliverable: int = 0
    split: int = 0
    clipped: int = 0
    waits: dict[int, deque] = field(default_factory=lambda: {INTERACTIVE: deque(maxlen=100_000),
                                                              BULK: deque(maxlen=100_000)})

    def wait(self, p: float, priority: int | None = None) -> float:
        """The p-th percentile (seconds) of the time a message waited before its first attempt."""
        vals = list(self.waits[priority]) if priority is not None else [*self.waits[INTERACTIVE], *self.waits[BULK]]
        return _percentile(vals, p)

    def as_dict(self) -> dict[str, float]:
        return {"sent": self.sent, "light": self.light, "seen_429": self.seen_429, "retries": self.retries,
                "undeliverable": self.undeliverable, "split": self.split, "clipped": self.clipped,
                "wait_p50": self.wait(50), "wait_p99": self.wait(99),
                "wait_p50_interactive": self.wait(50, INTERACTIVE), "wait_p99_interactive": self.wait(99, INTERACTIVE),
                "wait_p50_bulk": self.wait(50, BULK), "wait_p99_bulk": self.wait(99, BULK)}



async def log_sink(item: Undeliverable) -> None:
    log.warning("undeliverable: chat=%s method=%s code=%s attempts=%s reason=%s", item.chat_id, item.method,
                item.code, item.attempts, item.reason)


def db_sink(db: Any) -> Sink:
    """The default sink (``bot/undeliverable.py``, the one place a blocked user is marked): a clear log line, the
    message recorded and, on 403, the account marked blocked."""
    from bot import undeliverable

    return undeliverable.sink(db)
