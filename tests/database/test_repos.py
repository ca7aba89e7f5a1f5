"""The repository split by aggregate (``storage/repos/``) and the hot path's deferred writes (``storage/hot.py``):
every aggregate reachable by name on one ``Repo``, no method defined by two aggregates, and a deferred write that
waits in the session's ``DeferredWrites`` until the next hot statement carries it."""

from __future__ import annotations

import inspect

from sqlalchemy import select

from storage.hot import DeferredWrites, HotPath
from storage.models import Account
from storage.repo import Repo, Repositories
from storage.repos.accounts import AccountsRepo
from storage.repos.answers import AnswersRepo
from storage.repos.base import RepoBase
from storage.repos.issuers import IssuersRepo
from storage.repos.onboarding import OnboardingRepo
from storage.repos.outbox import OutboxRepo
from storage.repos.outlines import OutlinesRepo
from storage.repos.periods import PeriodsRepo
from storage.repos.positions import PositionsRepo
from storage.repos.review import ReviewRepo
from storage.repos.units import UnitsRepo
from storage.repos.web import WebRepo
from tests.support.submissions import _setup_submission

HOLDERS = {"units": UnitsRepo, "accounts": AccountsRepo, "onboarding": OnboardingRepo, "outlines": OutlinesRepo,
           "periods": PeriodsRepo, "submissions": AnswersRepo, "review": ReviewRepo, "positions": PositionsRepo,
           "outbox": OutboxRepo, "issuers": IssuersRepo, "web": WebRepo}


def test_each_query_belongs_to_one_aggregate_and_every_aggregate_has_a_holder():
    aggregates = [c for c in Repositories.__mro__ if c not in (Repositories, HotPath, RepoBase, object)]
    assert set(aggregates) == set(HOLDERS.values())
    seen: dict[str, str] = {}
    for cls in aggregates:
        for name, member in vars(cls).items():
            if inspect.isfunction(member) or isinstance(member, (property, staticmethod)):
                assert name not in seen, f"{name} in both {seen[name]} and {cls.__name__}"
                seen[name] = cls.__name__
    assert not set(seen) & set(HOLDERS), "a holder attribute hides a query"
    assert not [n for n in seen if hasattr(Repo, n)], "Repo exposes a query flatly: name the aggregate"
    for holder, cls in HOLDERS.items():
        assert inspect.signature(getattr(Repo, holder).fget).return_annotation in (cls.__name__, cls)


async def test_holders_are_the_repo_on_its_session(db):
    unit_id, acc_id, _p1, p2, _sub1, sub2 = await _setup_submission(db)
    async with db.session() as s:
        repo = Repo(s)
        for holder, cls in HOLDERS.items():
            assert getattr(repo, holder) is repo.units and isinstance(getattr(repo, holder), cls)
            assert getattr(repo, holder).session is s
        assert (await repo.units.unit_by_code("BNV")).id == unit_id
        assert (await repo.submissions.find_submission(unit_id, p2)).id == sub2
        assert (await repo.accounts.account(acc_id)).telegram_id == 2001
        assert not hasattr(repo, "unit_by_code")  # a flat query is an error (scripts/codemods/repo_holders.py)


async def test_a_deferred_write_waits_until_the_next_hot_statement_carries_it(db):
    unit_id, acc_id, _p1, _p2, _sub1, sub2 = await _setup_submission(db)
    async with db.session() as s:
        repo = Repo(s)
        await repo.accounts.note_updates(await s.get(Account, acc_id), [7, 8])
        assert list(DeferredWrites.of(s).pending) == ["note_updates"]
        stored = (await s.execute(select(Account.recent_updates).where(Account.id == acc_id))).scalar_one()
        assert stored in (None, [])  # not yet written: it waits for the answer
        await repo.submissions.set_answer(sub2, "q1", "mười", by=acc_id)
        assert s.info.get(DeferredWrites.KEY) is None  # gone with the answer's statement
        stored = (await s.execute(select(Account.recent_updates).where(Account.id == acc_id))).scalar_one()
        assert stored == [7, 8]  # written in the same transaction, before any commit
        await s.rollback()
    async with db.read_session() as s:
        assert (await s.execute(select(Account.recent_updates).where(Account.id == acc_id))).scalar_one() in (None, [])
