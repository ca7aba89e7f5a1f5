"""A sample catalogue and document for the print and document tests."""

from __future__ import annotations

from dialogs.loader import load_catalogue
from exports.consolidate import UnitInfo, consolidate
from exports.sample import synth_answers

CAT = load_catalogue()


def sample(o, n: int = 8):
    from datetime import UTC, datetime

    units = [UnitInfo(i, f"U{i}", f"Ủy ban nhân dân xã mẫu số {i}", o.respondents[0]) for i in range(1, n + 1)]
    cur = {u.id: synth_answers(o, u, 2) for u in units[:-1]}
    prev = {u.id: synth_answers(o, u, 1) for u in units[:-1]}
    at = {u.id: datetime(2026, 11, 10, 3, 5, tzinfo=UTC) for u in units}
    return consolidate(o, units=units, current=cur, previous=prev, status={u.id: "submitted" for u in units[:5]},
                       submitted_at=at, period_label="Tuần 48/2026", deadline=None, previous_label="Tuần 47/2026",
                       scope_name="Tỉnh mẫu")
