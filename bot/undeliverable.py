"""Where a message Telegram would not take ends — the one place a user who blocked the bot is marked: a log line,
a row in ``outbound_failures`` (with the text and the reason, for the administrator) and, on 403, the account
marked blocked (``Repo.mark_blocked``), so no flow, notice or reminder addresses it again. The outbound layer
(``bot/outbound.py``) hands every undeliverable message here, whoever sent it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any


def sink(db: Any, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> Callable[[Any], Awaitable[None]]:
    from bot import outbound
    from storage.repo import Repo

    async def record(item: outbound.Undeliverable) -> None:
        await outbound.log_sink(item)
        if db is None or not isinstance(item.chat_id, int):
            return
        async with db.session() as s:
            repo = Repo(s)
            await repo.outbox.record_undeliverable(item.chat_id, item.method, item.text, item.reason, now=clock())
            if item.code == 403:
                await repo.accounts.mark_blocked(item.chat_id)
            await s.commit()

    return record
