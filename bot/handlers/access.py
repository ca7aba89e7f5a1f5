"""The supervisors' buttons: the scope a button names, or a refusal (the rules are in ``bot/flows/access.py``)."""

from __future__ import annotations

from aiogram.types import CallbackQuery

from bot.flows.access import REFUSE, allowed_scopes, is_supervisor, scope_ok
from storage.models import Account, Unit
from storage.repo import Repo

__all__ = ["REFUSE", "allowed_scopes", "is_supervisor", "pressed_scope", "scope_ok"]


async def pressed_scope(cb: CallbackQuery, repo: Repo, acc: Account, scope_id: int, denied: str) -> Unit | None | bool:
    """For a supervisor's button: the scope it names (None = all), or False after telling the presser why not."""
    if not is_supervisor(acc):
        await cb.answer(REFUSE, show_alert=True)
        return False
    scope = await scope_ok(repo, acc, scope_id)
    if scope is False:
        await cb.answer(denied, show_alert=True)
    return scope
