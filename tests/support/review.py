"""The review tests' outline, weekly schedule and status helper."""

from __future__ import annotations

from dialogs.loader import load_catalogue
from storage.repo import Repo

WEEKLY = "tuan-cqdp-2cap"


OUTLINE = load_catalogue().get(WEEKLY)


async def status(db, sub_id: int) -> str:
    async with db.read_session() as s:
        return (await Repo(s).submissions.submission(sub_id)).status
