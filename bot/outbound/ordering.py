"""Turns and order: waiters for a budget key take turns by priority, each chat's messages keep their order."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import Awaitable, Callable
from typing import Any


class Gate:
    """Waiters for one budget key take turns by (priority, arrival); only the first in line asks for a slot."""

    def __init__(self, take: Callable[[str, int], Awaitable[float]], sleep: Callable[[float], Awaitable[None]]):
        self._take = take
        self._sleep = sleep
        self._heap: list[list[Any]] = []
        self._seq = itertools.count()

    async def acquire(self, priority: int, token: str) -> None:
        entry = [priority, next(self._seq), asyncio.Event()]
        heapq.heappush(self._heap, entry)
        try:
            while True:
                if self._heap[0] is entry:
                    wait = await self._take(token, priority)
                    if wait <= 0:
                        return
                    await self._sleep(wait)
                else:
                    await entry[2].wait()
                    entry[2].clear()
        finally:
            if self._heap and self._heap[0] is entry:
                heapq.heappop(self._heap)
            else:
                self._heap.remove(entry)
                heapq.heapify(self._heap)
            if self._heap:
                self._heap[0][2].set()


class ChatLanes:
    """One FIFO lane per chat: a later call to the same chat never overtakes an earlier one."""

    def __init__(self) -> None:
        self._tails: dict[Any, asyncio.Future] = {}

    @contextlib.asynccontextmanager
    async def hold(self, chat: Any):
        prev = self._tails.get(chat)
        mine: asyncio.Future = asyncio.get_running_loop().create_future()
        self._tails[chat] = mine
        try:
            if prev is not None and not prev.done():
                await asyncio.shield(prev)
            yield
        finally:
            if prev is not None and not prev.done():
                # cancelled while waiting: the next in line still waits for the one before us
                prev.add_done_callback(lambda _f: mine.done() or mine.set_result(None))
            elif not mine.done():
                mine.set_result(None)
            if self._tails.get(chat) is mine:
                del self._tails[chat]

