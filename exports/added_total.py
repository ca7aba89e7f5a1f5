"""The «Tổng cộng» row added under a Biểu that has no total row of its own (when its top-level rows surely count one
thing: :func:`dialogs.figures.total_row`), computed once for the .docx and the .xlsx so the two files print the
same row; with a note when a ratio on that row is not the ratio of the two sums printed beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dialogs.figures import aggregate_of, summed_rows
from dialogs.outline import NUMERIC_TYPES
from dialogs.parsing import format_decimal, money_shown

if TYPE_CHECKING:
    from exports.consolidate import TableSummary


@dataclass
class AddedTotal:
    cells: dict[str, float | None] = field(default_factory=dict)  # column key → its figure on the «Tổng cộng» row
    notes: list[str] = field(default_factory=list)  # where a ratio there is not the ratio of the two sums beside it

    def note(self) -> str | None:
        return f"Ghi chú: dòng «Tổng cộng»: {'; '.join(self.notes)}." if self.notes else None


def added_total(s: TableSummary) -> AddedTotal:
    """Summed columns summed over the top-level summed rows (never a rate or average row); a ratio column recomputed
    from the rows' parts paired unit by unit, as on every row («Năng suất» = Σ tấn / Σ ha × 10), and said so when
    those parts are not the column sums printed on the same row (a unit gave one part but not the other)."""
    from exports.consolidate import rate_of

    t = s.table
    summed = summed_rows(t)
    top = [r for r in t.rows if r.level == 0 and r.key in summed]
    out = AddedTotal()
    for col in t.columns:
        if col.type in NUMERIC_TYPES and col.type != "percent" and (col.computed or aggregate_of(col) == "sum"):
            vals = [v for r in top if isinstance(v := s.grid.get(r.key, {}).get(col.key), int | float)]
            out.cells[col.key] = sum(vals) if vals else None
    for col in t.columns:
        if col.key in out.cells or col.type not in NUMERIC_TYPES or col.computed or aggregate_of(col) != "ratio":
            continue
        parts = s.pairs.grids.get(col.key, {}) if s.pairs is not None else {}
        num, den = (sum(x for r in top if isinstance(x := (parts.get(r.key) or {}).get(k), int | float))
                    for k in (col.numerator or "", col.denominator or ""))
        out.cells[col.key] = rate_of(num, den, col.factor)
        whole = [out.cells.get(k) for k in (col.numerator or "", col.denominator or "")]
        if out.cells[col.key] is not None and any(w is not None and abs(w - p) > 1e-9 for w, p in zip(whole, (num, den),
                                                                                                        strict=True)):
            a, b = t.column(col.numerator or ""), t.column(col.denominator or "")
            out.notes.append(f"«{col.label}» tính trên các số có đủ cả hai phần («{a.label}» {_n(num, a)}, «{b.label}» "
                             f"{_n(den, b)}), không phải trên tổng cả cột in bên cạnh (một số đơn vị chỉ nhập một phần)")
    return out


def _n(v: float, col) -> str:
    return format_decimal(money_shown(v, col.unit), 3) if col.type == "money" else format_decimal(v)
