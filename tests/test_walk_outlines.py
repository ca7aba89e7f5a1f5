"""Seeds 000–004 walked end to end through the real Dispatcher by a driver that answers from the bot's own hints
and taps buttons by their text (tests/walk.py): no dead end, submitted, and at most 1.2 bot messages per input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storage.importer import import_units
from storage.models import Submission
from storage.repo import Repo
from tests.conftest import DATA
from tests.harness import Harness
from tests.walk import Walker

# seed → (outline, unit list, unit code, what the unit is)
SEEDS = {
    "000": ("tuan-cqdp-2cap", "vn_ministries_2025.csv", "BNV", "bộ"),
    "001": ("giam-sat-phan-cap-tthc", "vn_units_2025.csv", "04", "tỉnh"),
    "002": ("kiem-tra-cchc-2025", "vn_units_2025.csv", "00376", "xã"),
    "003": ("so-ket-1-nam-2-cap", "vn_units_2025.csv", "00376", "xã"),
    "004": ("chuyen-de-02-kh-bcdtw", "vn_units_2025.csv", "00004", "phường"),
}
MAX_PER_INPUT = 1.2


async def open_for(db, outline: str, csv: str, code: str) -> tuple[str, int]:
    await import_units(db, DATA / csv)
    async with db.session() as s:
        repo = Repo(s)
        p, _ = await repo.open_period(outline, "Kỳ thử", deadline=datetime(2026, 12, 20, 10, tzinfo=UTC))
        inv = await repo.create_invite(await repo.unit_by_code(code), "officer")
        await s.commit()
        return inv.code, p.id


@pytest.mark.parametrize("seed", sorted(SEEDS))
async def test_walk_outline_end_to_end(db, db_url, seed):
    outline, csv, code, what = SEEDS[seed]
    h = await Harness(db, db_url).start()
    invite, period_id = await open_for(db, outline, csv, code)
    u = h.user(300 + int(seed), "Cán bộ")
    await h.say(u, f"/start {invite}")
    walk = await Walker(h, u).run()
    print(f"\nseed {seed} ({outline}, {what} {code}): {walk.inputs} inputs, {walk.bot_messages} bot messages, "
          f"{walk.per_input:.2f} per input")
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.find_submission((await repo.unit_by_code(code)).id, period_id)
        assert isinstance(sub, Submission) and sub.status == "submitted"
        assert len(await repo.answers(sub.id)) > 10
    assert walk.per_input <= MAX_PER_INPUT, walk.tail()
