"""Zalo publishes no send limits, so the Zalo outbound layer starts from configured guesses (ZALO_SEND_RATE,
ZALO_SEND_BURST, ZALO_CHAT_RATE) and learns from Zalo's 429 answers:

- **the retry hint is honoured**: a 429 with ``parameters.retry_after`` (or an HTTP ``Retry-After`` header)
  pauses every Zalo send that long (the outbound layer's shared pause); a 429 without one waits 1 s, then 2, 4,
  8 … up to ``MAX_WAIT`` while they keep coming (a constant 1 s would hammer a server that is still saturated);
- **the rate adapts**: each 429 halves the bot's send rate (never under ZALO_RATE_FLOOR); after
  ZALO_RATE_RECOVER_SECONDS without a 429 it grows back by half, step by step, to the configured rate.
Telegram's layer is untouched (its limits are published and fixed)."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

log = logging.getLogger(__name__)

MAX_WAIT = 30.0


class Pace:
    def __init__(self, outbound: Any, *, floor: float = 1.0, recover_after: float = 30.0,
                 clock: Callable[[], float] = time.monotonic):
        self.outbound = outbound
        self.configured = outbound.limits
        self.floor = min(floor, self.configured.rate)
        self.recover_after = recover_after
        self.clock = clock
        self.in_a_row = 0  # 429s since the last send that went through
        self.cuts = 0
        self.last_change = -math.inf

    @property
    def rate(self) -> float:
        return self.outbound.limits.rate

    def _set_rate(self, rate: float) -> None:
        self.outbound.limits = replace(self.outbound.limits, rate=rate)
        self.last_change = self.clock()

    def on_429(self, retry_after: float | None) -> int:
        """How long (whole seconds, ≥ 1) everything waits after this 429; the rate is halved."""
        self.in_a_row += 1
        self.cuts += 1
        lowered = max(self.floor, self.rate / 2)
        if lowered < self.rate:
            log.warning("429 from Zalo: send rate %.2f → %.2f messages/s", self.rate, lowered)
        self._set_rate(lowered)
        if retry_after is not None and retry_after > 0:
            return max(1, math.ceil(retry_after))
        return int(min(MAX_WAIT, 2 ** (self.in_a_row - 1)))

    def on_sent(self) -> None:
        """A send went through: the run of 429s is over; the rate grows back one step per quiet period."""
        self.in_a_row = 0
        if self.rate < self.configured.rate and self.clock() - self.last_change >= self.recover_after:
            self._set_rate(min(self.configured.rate, self.rate * 1.5))
            log.info("Zalo send rate back to %.2f messages/s", self.rate)
