"""Fuzzy, accent- and case-insensitive unit search (rapidfuzz), including pre-2025 names."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select

from dialogs.text import norm_words
from storage.models import Unit, UnitAlias

KIND_PREFIX = {
    "xa": "xa", "x": "xa",
    "phuong": "phuong", "p": "phuong", "f": "phuong",
    "dac khu": "dac_khu", "dk": "dac_khu",
    "tinh": "tinh", "t": "tinh",
    "thanh pho": "thanh_pho", "tp": "thanh_pho",
    "bo": "bo",
    "so": "so_nganh",
}
_PREFIX_WORDS = {"xa", "phuong", "dac khu", "tinh", "thanh pho", "thi tran", "huyen", "quan", "bo", "so", "uy ban"}


@dataclass(frozen=True)
class Match:
    unit_id: int
    code: str
    name: str
    kind: str
    parent: str | None
    parent_name: str | None
    score: float
    via_alias: str | None = None

    def display(self) -> str:
        s = self.name + (f" ({self.parent_name})" if self.parent_name else "")
        if self.via_alias:
            s += f" — trước đây: {self.via_alias}"
        return s

    def to_json(self) -> dict:
        d = {"code": self.code, "name": self.name, "kind": self.kind, "parent": self.parent,
             "parent_name": self.parent_name, "score": round(self.score, 1)}
        if self.via_alias:
            d["alias"] = self.via_alias
        return d


def _bare(folded: str) -> str:
    for w in sorted(_PREFIX_WORDS, key=len, reverse=True):
        if folded.startswith(w + " "):
            return folded[len(w) + 1:]
    return folded


def _split_query(q: str) -> tuple[str | None, str]:
    f = norm_words(q)
    for w in sorted(KIND_PREFIX, key=len, reverse=True):
        if f.startswith(w + " "):
            return KIND_PREFIX[w], f[len(w) + 1:].strip()
    return None, f


class UnitIndex:
    """An in-memory index of every unit's name and aliases; built once, searched in microseconds."""

    def __init__(self, units: list[Unit], aliases: list[tuple[int, str]]):
        self.units = {u.id: u for u in units}
        self.choices: list[str] = []
        self.owner: list[tuple[int, str | None]] = []
        for u in units:
            if not u.active:
                continue
            self.choices.append(_bare(norm_words(u.name)))
            self.owner.append((u.id, None))
        for uid, name in aliases:
            if uid in self.units:
                self.choices.append(_bare(norm_words(name)))
                self.owner.append((uid, name))

    @classmethod
    async def load(cls, session) -> UnitIndex:
        units = list((await session.execute(select(Unit))).scalars())
        aliases = [(a, n) for a, n in (await session.execute(select(UnitAlias.unit_id, UnitAlias.name))).all()]
        return cls(units, aliases)

    def search(self, query: str, limit: int = 5, kinds: set[str] | None = None) -> list[Match]:
        kind, q = _split_query(query)
        if not q:
            return []
        res = process.extract(q, self.choices, scorer=fuzz.WRatio, limit=max(40, limit * 8), score_cutoff=55)
        best: dict[int, tuple[float, str | None]] = {}
        for _choice, score, idx in res:
            uid, alias = self.owner[idx]
            u = self.units[uid]
            if kinds and u.kind not in kinds:
                continue
            s = float(score)
            if self.choices[idx] == q:
                s = max(s, 100.0)
            if kind is not None:
                s += 4 if u.kind == kind else -8
            if alias is not None:
                s -= 3
            prev = best.get(uid)
            if prev is None or s > prev[0]:
                best[uid] = (s, alias)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], self.units[kv[0]].name))[:limit]
        out = []
        for uid, (score, alias) in ranked:
            u = self.units[uid]
            parent = self.units.get(u.parent_id) if u.parent_id else None
            out.append(Match(uid, u.code, u.name, u.kind, parent.code if parent else None,
                             parent.name if parent else None, min(score, 100.0), alias))
        return out
