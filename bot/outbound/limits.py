"""The send limits (:class:`Limits`, :class:`Rule`) and the budget of one process (:class:`LocalBudget`)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from bot.outbound.priorities import INTERACTIVE


@dataclass(frozen=True)
class Rule:
    """GCRA spacing (``interval`` seconds, ``burst`` at once) and, if ``limit``, at most ``limit`` in ``window`` s."""

    interval: float
    burst: int = 1
    limit: int = 0
    window: float = 1.0


@dataclass(frozen=True)
class Limits:
    rate: float = 30.0
    burst: int = 5
    chat_rate: float = 1.0
    chat_burst: int = 3
    light_rate: float = 100.0
    margin: float = 0.03  # stay this fraction under the rate, so jitter in transit draws no 429

    def rule(self, key: str) -> Rule | None:
        """The rule of a budget key ("message", "light", "chat"); None: no per-chat limit (``chat_rate`` 0)."""
        if key == "message":
            window = 1.0 + self.margin
            return Rule(window / self.rate, max(1, self.burst), max(1, int(self.rate)), window)
        if key == "light":
            return Rule(1.0 / self.light_rate, max(1, int(self.light_rate // 5)))
        return Rule(1.0 / self.chat_rate, max(1, self.chat_burst)) if self.chat_rate > 0 else None


class Budget(Protocol):
    async def take(self, key: str, rule: Rule, token: str = "", priority: int = INTERACTIVE) -> float:
        """Take one slot of ``key`` now and return 0, or return how long (s) to wait before asking again.

        ``priority``: a BULK take yields to INTERACTIVE sends waiting for the same key (in other processes too).

        A slot of a windowed rule stays in the window from its take until ``window`` after its ``done``: the
        server counts a request when it arrives, which may be later than the take (transit, a busy CPU)."""

    async def done(self, key: str, rule: Rule, token: str = "") -> None:
        """The request of slot ``token`` is answered."""

    async def pause(self, seconds: float, message_rule: Rule) -> None:
        """Nothing is sent for ``seconds`` (Telegram answered 429)."""


@dataclass
class _State:
    tat: float = 0.0
    log: deque = field(default_factory=deque)  # when the answered requests of the window were answered
    flight: int = 0  # requests taken and not answered yet


class LocalBudget:
    """The budget of one process: GCRA per key, a sliding window where the rule has one, a shared pause."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.paused_until = 0.0
        self._state: dict[str, _State] = {}

    async def take(self, key: str, rule: Rule, token: str = "", priority: int = INTERACTIVE) -> float:
        return self.take_now(key, rule)  # one process: its gate already orders the waiters by priority

    async def done(self, key: str, rule: Rule, token: str = "") -> None:
        self.done_now(key, rule)

    def done_now(self, key: str, rule: Rule) -> None:
        st = self._state.get(key)
        if rule.limit and st is not None and st.flight > 0:
            st.flight -= 1
            st.log.append(self.clock())

    def take_now(self, key: str, rule: Rule) -> float:
        now = self.clock()
        if now < self.paused_until:
            return self.paused_until - now
        st = self._state.get(key)
        if st is None:
            if len(self._state) > 50_000:
                self._prune(now)
            st = self._state[key] = _State()
        tat = max(st.tat, now)
        wait = tat - (rule.burst - 1) * rule.interval - now
        if rule.limit:
            while st.log and st.log[0] <= now - rule.window:
                st.log.popleft()
            if len(st.log) + st.flight >= rule.limit:
                wait = max(wait, st.log[0] + rule.window - now if st.log else 0.01)
        if wait > 1e-9:
            return wait
        st.tat = tat + rule.interval
        if rule.limit:
            st.flight += 1
        return 0.0

    async def pause(self, seconds: float, message_rule: Rule) -> None:
        now = self.clock()
        self.paused_until = max(self.paused_until, now + seconds)
        st = self._state.setdefault("message", _State())
        # resume evenly spaced, without a burst, after the pause
        st.tat = max(st.tat, self.paused_until + (message_rule.burst - 1) * message_rule.interval)

    def _prune(self, now: float) -> None:
        for k in [k for k, s in self._state.items() if s.tat < now and not s.log and not s.flight]:
            del self._state[k]

