"""Plausible answers for any outline: demo data for sample reports, benchmarks and tests."""

from __future__ import annotations

import hashlib
import random
from typing import Any

from dialogs.outline import NUMERIC_TYPES, Column, ListField, Outline, Question

PHRASES = [
    "Thiếu cán bộ có chuyên môn công nghệ thông tin ở cấp xã; phần mềm liên thông chưa ổn định.",
    "Thiếu cán bộ chuyên môn công nghệ thông tin tại cấp xã, phần mềm liên thông còn chưa ổn định.",
    "Đường truyền mạng tại một số xã vùng sâu còn chập chờn, ảnh hưởng tới dịch vụ công trực tuyến.",
    "Kinh phí cho chuyển đổi số chưa được bố trí kịp thời.",
    "Trụ sở làm việc sau sắp xếp còn chật hẹp, thiếu phòng họp trực tuyến.",
    "Đã hoàn thành đúng kế hoạch, không phát sinh vướng mắc.",
]


def _rng(*parts: Any) -> random.Random:
    return random.Random(int(hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:12], 16))


def value_for(item: Question | ListField | Column, rng: random.Random, week: int = 1) -> Any:
    t = item.type
    if t == "integer":
        return rng.randint(0, 60) + week
    if t == "decimal":
        return round(rng.uniform(0, 100), 1)
    if t == "percent":
        if rng.random() < 0.5:
            den = rng.randint(20, 200)
            num = rng.randint(0, den)
            return {"value": round(num * 100 / den, 2), "num": num, "den": den}
        return {"value": float(rng.randint(30, 100))}
    if t == "money":
        return rng.randint(1, 500) * 1_000_000
    if t == "date":
        return f"2026-{rng.randint(1, 5):02d}-{rng.randint(1, 28):02d}"
    if t == "yesno":
        return rng.random() < 0.7
    if t == "choice":
        return rng.choice(item.options).key  # type: ignore[union-attr]
    if t == "multichoice":
        return [o.key for o in item.options if rng.random() < 0.5]  # type: ignore[union-attr]
    if t == "text":
        return f"{getattr(item, 'label', 'Nội dung')} {rng.randint(1, 99)}"
    return rng.choice(PHRASES)


def synth_answers(outline: Outline, unit: Any, week: int = 1, *, list_items: int = 2, open_items: int = 1) -> dict[str, Any]:
    """Answers of one unit, every visible question, respecting the usual "part ≤ total" rules loosely."""
    rng = _rng(outline.id, getattr(unit, "code", unit), week)
    out: dict[str, Any] = {}
    for ref in outline.visible_refs(getattr(unit, "code", None), getattr(unit, "kind", None)):
        q = ref.question
        if q.type in ("list", "documents"):
            out[q.key] = [{f.key: value_for(f, rng, week) for f in q.record_fields} for _ in range(rng.randint(0, list_items))]
        elif q.type == "table" and q.table is not None:
            t = q.table
            rows = {r.key: {c.key: value_for(c, rng, week) for c in t.input_columns} for r in t.rows if r.asked}
            # an open group (e.g. Biểu 8B's "Trung học cơ sở") holds a unit's items in about a third of the groups
            items = {r.key: [{"label": f"{r.label} {i + 1}", **{c.key: value_for(c, rng, week) for c in t.input_columns}}
                             for i in range(open_items if rng.random() < 0.3 else 0)] for r in t.rows if r.open}
            out[q.key] = {"rows": rows, "items": {k: v for k, v in items.items() if v}}
        elif q.type in NUMERIC_TYPES and (q.key.endswith("_tong") or "tong" in q.key.split("_")):
            out[q.key] = (rng.randint(200, 400) + week) if q.type != "percent" else value_for(q, rng, week)
        else:
            out[q.key] = value_for(q, rng, week)
    return out
