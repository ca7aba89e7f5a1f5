"""Who may see what: the supervisors' refusal text and their scopes (shared by /tiendo, /tonghop, /xem and the
review flows). No aiogram."""

from __future__ import annotations

from storage.models import Account, Unit
from storage.repo import Repo

REFUSE = ("Lệnh này dành cho người tổng hợp. Bạn là cán bộ đầu mối: gõ /baocao để làm báo cáo của đơn vị mình. "
          "Nếu bạn cần quyền tổng hợp, hãy xin quản trị viên một đường dẫn mời dành cho người tổng hợp.")


def is_supervisor(acc: Account) -> bool:
    return acc.role in ("supervisor", "admin")


async def allowed_scopes(repo: Repo, acc: Account) -> list[Unit] | None:
    """The supervisor's scope units; None for an administrator (everything)."""
    if acc.role == "admin":
        return None
    return await repo.accounts.scopes(acc)


async def scope_ok(repo: Repo, acc: Account, scope_id: int) -> Unit | None | bool:
    """The chosen scope unit (None = all, admins only), or False when not allowed."""
    if scope_id == 0:
        return None if acc.role == "admin" else False
    unit = await repo.units.unit(scope_id)
    if unit is None or not await repo.accounts.in_scope(acc, unit):
        return False
    return unit
