"""Importing units from CSV/XLSX: validated whole, then upserted in one transaction (nothing half-imported)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select

from dialogs.kinds import KIND_ALIASES, UNIT_KINDS
from dialogs.text import fold
from storage.db import Database
from storage.models import Unit, UnitAlias

HEADER_ALIASES = {
    "code": "code", "ma": "code", "ma so": "code", "ma don vi": "code",
    "name": "name", "ten": "name", "ten don vi": "name",
    "kind": "kind", "loai": "kind", "loai don vi": "kind",
    "parent": "parent", "parent code": "parent", "parent_code": "parent", "ma cha": "parent", "ma_cha": "parent",
}


class UnitImportError(ValueError):
    """The file is rejected; ``problems`` lists (row number, reason)."""

    def __init__(self, problems: list[tuple[int, str]]):
        self.problems = problems
        super().__init__("; ".join(f"dòng {r}: {m}" for r, m in problems[:10]))


@dataclass(frozen=True)
class UnitRow:
    row: int
    code: str
    name: str
    kind: str
    parent: str | None


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _read_table(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb.worksheets[0]
        rows = [["" if c is None else str(c).strip() for c in r] for r in ws.iter_rows(values_only=True)]
        wb.close()
        return rows
    if suffix in (".csv", ".txt"):
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
        dialect = csv.excel
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            pass
        return [[c.strip() for c in r] for r in csv.reader(io.StringIO(text), dialect)]
    raise UnitImportError([(0, f"định dạng «{suffix}» không hỗ trợ; dùng tệp .csv hoặc .xlsx")])


def normalise_kind(value: str) -> str | None:
    v = value.strip()
    if v in UNIT_KINDS:
        return v
    f = fold(v).replace("_", " ")
    if f.replace(" ", "_") in UNIT_KINDS:
        return f.replace(" ", "_")
    return KIND_ALIASES.get(f)


def parse_unit_file(path: str | Path) -> list[UnitRow]:
    path = Path(path)
    rows = _read_table(path)
    rows = [r for r in rows if any(c for c in r)]
    if not rows:
        raise UnitImportError([(1, "tệp rỗng")])
    header = [HEADER_ALIASES.get(fold(h).replace("_", " "), HEADER_ALIASES.get(fold(h), "")) for h in rows[0]]
    missing = [c for c in ("code", "name", "kind") if c not in header]
    if missing:
        raise UnitImportError([(1, "thiếu cột " + ", ".join(missing)
                             + " (tiêu đề cần: code, name, kind, parent hoặc ma, ten, loai, ma_cha)")])
    idx = {h: i for i, h in enumerate(header) if h}
    problems: list[tuple[int, str]] = []
    out: list[UnitRow] = []
    seen: dict[str, int] = {}
    for n, r in enumerate(rows[1:], start=2):
        def cell(name: str, r: list[str] = r) -> str:
            i = idx.get(name)
            return r[i].strip() if i is not None and i < len(r) else ""

        code, name, kind_raw, parent = cell("code"), cell("name"), cell("kind"), cell("parent")
        if not code:
            problems.append((n, "mã đơn vị trống"))
            continue
        if code in seen:
            problems.append((n, f"mã «{code}» trùng với dòng {seen[code]}"))
            continue
        seen[code] = n
        if not name:
            problems.append((n, f"tên đơn vị trống (mã «{code}»)"))
        kind = normalise_kind(kind_raw)
        if kind is None:
            problems.append((n, f"loại «{kind_raw}» không có; dùng một trong: {', '.join(UNIT_KINDS)}"))
        if parent == code:
            problems.append((n, f"đơn vị «{code}» không thể là cha của chính nó"))
        out.append(UnitRow(n, code, name, kind or "", parent or None))
    if problems:
        raise UnitImportError(problems)
    return out


def _check_rows(rows: list, existing: dict[str, Unit]) -> None:
    """Every parent known (in the file or the database) and no parent–child cycle; else the whole file is refused."""
    codes_in_file = {r.code for r in rows}
    problems: list[tuple[int, str]] = []
    for r in rows:
        if r.parent and r.parent not in codes_in_file and r.parent not in existing:
            problems.append((r.row, f"mã cha «{r.parent}» không có trong tệp lẫn trong cơ sở dữ liệu"))
    by_id = {u.id: c for c, u in existing.items()}
    parent_code = {c: by_id.get(u.parent_id) if u.parent_id else None for c, u in existing.items()}
    parent_code.update({r.code: r.parent for r in rows})
    for r in rows:
        seen_codes = {r.code}
        p = parent_code.get(r.code)
        while p:
            if p in seen_codes:
                problems.append((r.row, f"vòng lặp cha–con qua mã «{p}»"))
                break
            seen_codes.add(p)
            p = parent_code.get(p)
    if problems:
        raise UnitImportError(sorted(set(problems)))


def _upsert_units(s, rows: list, units: dict[str, Unit]) -> tuple[int, int, int]:
    """Create or update each row's unit in ``units`` (by code); (created, updated, unchanged)."""
    created = updated = unchanged = 0
    for r in rows:
        u = units.get(r.code)
        if u is None:
            u = Unit(code=r.code, name=r.name, kind=r.kind, active=True, path="/", folded=fold(r.name))
            s.add(u)
            units[r.code] = u
            created += 1
        else:
            changed = (u.name, u.kind, u.active) != (r.name, r.kind, True)
            u.name, u.kind, u.active, u.folded = r.name, r.kind, True, fold(r.name)
            if changed:
                updated += 1
            else:
                unchanged += 1
    return created, updated, unchanged


def _link_parents(rows: list, units: dict[str, Unit], existing: dict[str, Unit]) -> int:
    """Set each row's parent; the number of units whose only change is a new parent."""
    moved = 0
    for code, r in {r.code: r for r in rows}.items():
        u = units[code]
        new_parent = units[r.parent].id if r.parent else None
        if u.parent_id != new_parent and code in existing and (u.name, u.kind) == (r.name, r.kind):
            moved += 1
        u.parent_id = new_parent
    return moved


def _set_paths(units: dict[str, Unit]) -> None:
    """Materialised paths ("/1/7/42/"), parents first."""
    by_uid = {u.id: u for u in units.values()}
    memo: dict[int, str] = {}

    def path_of(u: Unit) -> str:
        if u.id in memo:
            return memo[u.id]
        p = by_uid.get(u.parent_id) if u.parent_id else None
        memo[u.id] = (path_of(p) if p else "/") + f"{u.id}/"
        return memo[u.id]

    for u in units.values():
        u.path = path_of(u)


async def import_units(db: Database, path: str | Path, progress: Callable[[float], None] | None = None
                       ) -> ImportResult:
    """Validate every row, then upsert all in one transaction; any bad row rejects the whole file.
    ``progress`` is told the share done (0–1) after each stage (the CLI shows a bar)."""
    tell = progress or (lambda _share: None)
    rows = parse_unit_file(path)
    tell(0.2)
    async with db.session() as s:
        existing = {u.code: u for u in (await s.execute(select(Unit))).scalars()}
        _check_rows(rows, existing)
        tell(0.4)
        units = dict(existing)
        created, updated, unchanged = _upsert_units(s, rows, units)
        await s.flush()
        tell(0.7)
        moved = _link_parents(rows, units, existing)
        updated, unchanged = updated + moved, unchanged - moved
        _set_paths(units)
        tell(0.8)
        await s.commit()
    tell(1.0)
    return ImportResult(created, updated, unchanged)


async def import_aliases(db: Database, path: str | Path) -> int:
    """Load pre-2025 names from dvhcvn_20250701_mapping_merges.json as aliases of the new units."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = data["data"] if isinstance(data, dict) else data
    async with db.session() as s:
        units = {u.code: u for u in (await s.execute(select(Unit))).scalars()}
        await s.execute(delete(UnitAlias).where(UnitAlias.note == "truoc_2025"))
        n = 0
        for prov in items:
            for lvl2 in prov.get("level2s", []):
                u = units.get(lvl2["level2_id"])
                if u is None:
                    continue
                for m in lvl2.get("merges", []):
                    if fold(m["name"]) == u.folded:
                        continue
                    s.add(UnitAlias(unit_id=u.id, name=m["name"], folded=fold(m["name"]), note="truoc_2025"))
                    n += 1
        await s.commit()
    return n
