"""Zalo (issue 25): the same conversation over the Zalo Bot API stand-in, through the real Dispatcher, the Zalo
adapter's polling, text rendering, outbound layer and web server (tests/zalo_harness.py)."""

from __future__ import annotations

import pytest

from storage.models import Submission
from storage.repo import Repo
from tests.test_walk_outlines import MAX_PER_INPUT, SEEDS, open_for
from tests.walk import Walker
from tests.zalo_harness import ZaloHarness, ZaloWalkHarness, ZaloWalkUser


@pytest.fixture
async def zh(db, db_url):
    h = await ZaloHarness.create(db, db_url)
    yield h
    await h.close()


@pytest.mark.parametrize("seed", sorted(SEEDS))
async def test_seed_walk_over_zalo(zh, db, seed):
    outline, csv, code, what = SEEDS[seed]
    invite, period_id = await open_for(db, outline, csv, code)
    u = zh.user(f"z{seed}a1b2c3", "Cán bộ Zalo")
    replies = await zh.say(u, invite)  # the invite code typed alone (Zalo has no deep link with a payload)
    assert "Đã gắn tài khoản" in replies[-1]
    walk = await Walker(ZaloWalkHarness(zh), ZaloWalkUser(zh, u)).run()
    print(f"\nZalo seed {seed} ({outline}, {what} {code}): {walk.inputs} inputs, {walk.bot_messages} bot messages, "
          f"{walk.per_input:.2f} per input")
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.find_submission((await repo.unit_by_code(code)).id, period_id)
        assert isinstance(sub, Submission) and sub.status == "submitted"
        assert len(await repo.answers(sub.id)) > 10
    assert walk.per_input <= MAX_PER_INPUT, walk.tail()
    texts = [c.params["text"] for c in zh.api.sent("sendMessage")]
    assert all(1 <= len(t) <= 2000 for t in texts)
    assert not zh.api.sent("editMessageText") and not [c for c in zh.api.calls if c.status != 200 and
                                                       c.method != "getUpdates"]
