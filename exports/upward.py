"""The province's own report for the level above, drafted from the consolidation of its communes.

Figures are carried from the consolidation (the same sums, averages and recomputed shares as /tonghop — only sent
reports count), each with its source ("tổng của 12/150 xã đã gửi"); narrative answers are drafted from the grouped
commune answers, for the province to edit. Carried the same way:

* a Biểu: its asked rows are the communes' rows added up for summed columns, mean/min/max columns over the communes'
  cells, ratio and share columns recomputed from the sums (:func:`exports.consolidate.table_figures`, the rule of
  /tonghop); text cells merged with the communes named; the items of open rows concatenated, each tagged with its
  commune;
* a list: the communes' items one after another, each tagged with its commune (:data:`dialogs.answers.SOURCE_KEY`);
* a choice (yes/no, one or several options): the count per option over the communes ("Có: 12 đơn vị; Không: 3 đơn
  vị") as the source, and a proposed answer — the most common option, for several options every option a commune
  chose — that the province confirms or changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dialogs.answers import SOURCE_KEY, format_scalar
from dialogs.outline import NUMERIC_TYPES, Question, Table
from exports.consolidate import (
    ChoiceSummary,
    Consolidation,
    ListSummary,
    NarrativeSummary,
    NumericSummary,
    TableSummary,
)

NARRATIVE_TYPES = ("text", "longtext")
CHOICE_TYPES = ("yesno", "choice", "multichoice")
DRAFT_LIMIT = 3500


@dataclass
class Rollup:
    figures: dict[str, Any] = field(default_factory=dict)  # question key → the value to store
    sources: dict[str, str] = field(default_factory=dict)  # question key → where the figure comes from
    narrative: dict[str, str] = field(default_factory=dict)  # question key → the drafted text
    proposals: dict[str, Any] = field(default_factory=dict)  # choice key → the proposed answer (the province confirms)
    sent: int = 0
    expected: int = 0


def _figure(typ: str, s: NumericSummary) -> Any:
    v = s.value
    if v is None:
        return None
    if typ == "percent":  # with the parts it is recomputed from (a ratio's paired commune by commune)
        if s.mode == "fraction":
            return {"value": round(v, 2), "num": s.num, "den": s.den}
        if s.mode == "ratio":  # the level above pools these, not the two summed questions (exports.consolidate)
            return {"value": round(v, 2), "num": s.num, "den": s.den, "paired": True}
        if s.mode in ("average", "weighted"):  # a mean: with the units it stands for, so the level above weights it
            return {"value": round(v, 2), "n": s.count if s.mode == "average" else int(s.den)}
        return {"value": round(v, 2)}
    if typ == "integer":  # a sum is whole; a mean of whole numbers keeps its decimals (22,5 học sinh/lớp, not 22)
        return int(round(v)) if s.mode == "sum" or float(v).is_integer() else round(v, 2)
    return v


_HOW = {"sum": "tổng", "fraction": "tính lại từ tử số/mẫu số", "ratio": "tính lại từ hai tổng",
        "average": "trung bình cộng (không gia quyền)", "weighted": "bình quân theo số đơn vị cấp dưới",
        "min": "thấp nhất", "max": "cao nhất"}


def _source(typ: str, s: NumericSummary, sent: int) -> str:
    return f"{_HOW.get(s.mode, 'tổng')} của {s.count}/{sent} đơn vị đã gửi"


def _draft(s: NarrativeSummary) -> str:
    """Grouped answers first (the same words from several communes once, with their names), then the others."""
    lines = []
    for g in s.groups:
        names = ", ".join(u.name for u in g.units[:6]) + (f" và {len(g.units) - 6} đơn vị khác" if len(g.units) > 6 else "")
        lines.append(f"- {g.text} ({names}).")
    for u, text in s.singles:
        lines.append(f"- {u.name}: {text}")
    text = "\n".join(lines)
    return text if len(text) <= DRAFT_LIMIT else text[:DRAFT_LIMIT - 1].rstrip() + "…"


def rollup(c: Consolidation) -> Rollup:
    """The province's figures, tables, lists, proposed choices and narrative drafts from its communes'
    consolidation."""
    out = Rollup(sent=c.completeness.submitted, expected=c.completeness.expected)
    for it in c.items:
        q = it.ref.question
        if it.kind == "numeric" and isinstance(it.summary, NumericSummary):
            value = _figure(q.type, it.summary)
            if value is not None:
                out.figures[q.key] = value
                out.sources[q.key] = _source(q.type, it.summary, out.sent)
        elif it.kind == "table" and isinstance(it.summary, TableSummary) and it.summary.units:
            out.figures[q.key] = province_table(it.summary)
            out.sources[q.key] = f"cộng bảng của {it.summary.units}/{out.sent} đơn vị đã gửi"
        elif it.kind == "list" and isinstance(it.summary, ListSummary) and it.answered:
            out.figures[q.key] = [{**rec, SOURCE_KEY: u.name} for u, rec in it.summary.rows]
            out.sources[q.key] = f"{it.summary.count} mục từ {it.summary.units_with_items} đơn vị, ghi rõ đơn vị gửi"
        elif it.kind == "choice" and isinstance(it.summary, ChoiceSummary) and it.summary.per_unit:
            out.proposals[q.key] = propose_choice(q, it.summary)
            out.sources[q.key] = choice_counts(q, it.summary)
        elif it.kind == "narrative" and isinstance(it.summary, NarrativeSummary) and q.type in NARRATIVE_TYPES:
            text = _draft(it.summary)
            if text:
                out.narrative[q.key] = text
    return out


def choice_counts(q: Question, s: ChoiceSummary) -> str:
    """"Có: 12 đơn vị; Không: 3 đơn vị" — every option in the outline's order, those no commune chose left out."""
    if q.type == "yesno":
        order: list[Any] = [True, False]
    else:
        order = [o.key for o in q.options or []] + [k for k in s.counts if k not in {o.key for o in q.options or []}]
    parts = []
    for k in order:
        n = s.counts.get(k, 0)
        if n:
            shown = format_scalar(q, [k] if q.type == "multichoice" else k)
            parts.append(f"{shown}: {n} đơn vị")
    return "; ".join(parts) + f" (trên {len(s.per_unit)} đơn vị trả lời)"


def propose_choice(q: Question, s: ChoiceSummary) -> Any:
    """The answer proposed to the province: for several options every option a commune chose (in the outline's
    order); otherwise the most common answer (a tie: the first in the outline's order, "Có" before "Không")."""
    if q.type == "multichoice":
        return [o.key for o in q.options or [] if s.counts.get(o.key)]
    order = [True, False] if q.type == "yesno" else [o.key for o in q.options or []]
    best = max(s.counts.values())
    for k in order:
        if s.counts.get(k) == best:
            return k
    return s.counts.most_common(1)[0][0]


def _cell(t: Table, ck: str, v: Any) -> Any:
    col = t.column(ck)
    if v is None:
        return None
    if col.type == "percent":
        return {"value": round(float(v), 2)}
    if col.type == "integer" and float(v).is_integer():
        return int(v)
    return round(float(v), 2)


def _merged_text(texts: list[tuple[Any, str]]) -> str:
    """A Biểu's text cell over the communes: each distinct text once, with the communes that wrote it."""
    by_text: dict[str, list[str]] = {}
    for u, text in texts:
        by_text.setdefault(text.strip(), []).append(u.name)
    return "; ".join(f"{text} ({', '.join(names)})" for text, names in by_text.items())


def province_table(s: TableSummary) -> dict[str, Any]:
    """The province's own Biểu: asked rows from the consolidated grid (the /tonghop rule), text cells merged,
    open rows' items concatenated with their commune; computed rows and columns are left to the Biểu itself."""
    t = s.table
    rows: dict[str, dict[str, Any]] = {}
    for r in t.rows:
        if not r.asked:
            continue
        cells = {}
        for c in t.input_columns:
            if c.type in NUMERIC_TYPES:
                v = _cell(t, c.key, s.grid.get(r.key, {}).get(c.key))
            else:
                v = _merged_text(s.texts.get((r.key, c.key), [])) or None
            if v is not None:
                cells[c.key] = v
        if cells:
            rows[r.key] = cells
    items = {rk: [{**it, "label": f"{it.get('label', '')} — {u.name}"} for u, it in found]
             for rk, found in s.items.items()}
    return {"rows": rows, "items": items}


# --------------------------------------------------------------------------- timeliness per level


@dataclass
class LevelCount:
    """One level's reports as the regime counts them: on time, late, missing (deadline passed, not sent), pending."""

    level: str
    deadline: Any
    total: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    pending: int = 0
    missing_names: list[str] = field(default_factory=list)

    @property
    def sent(self) -> int:
        return self.on_time + self.late

    def add(self, name: str, submitted_at: Any, now: Any) -> None:
        from dialogs.regime import timeliness

        self.total += 1
        t = timeliness(submitted_at, self.deadline, now)
        setattr(self, t, getattr(self, t) + 1)
        if t == "missing":
            self.missing_names.append(name)


async def level_counts(repo: Any, outline: Any, period: Any, states: list, scope: Any, now: Any) -> list[LevelCount]:
    """The communes' level (from /tiendo's unit states) and, when provinces report this period upward, the
    provinces' level against their own deadline (within ``scope``)."""
    from dialogs.lifecycle import is_sent
    from exports.load import reporting_provinces

    communes = LevelCount("commune", period.deadline)
    for st in states:
        communes.add(st.unit.name, st.submitted_at if st.submitted else None, now)
    out = [communes]
    provinces = [p for p in await reporting_provinces(repo, period, outline.respondents)
                 if scope is None or p.path.startswith(scope.path)]
    if provinces:
        subs = await repo.submissions.submissions_of_period(period.id)
        level = LevelCount("province", period.level_deadline("province") or period.deadline)
        for p in provinces:
            sub = subs.get(p.id)
            level.add(p.name, sub.submitted_at if sub is not None and is_sent(sub.status) else None, now)
        out.append(level)
    return out
