"""What `baocao outlines import` and /nhapdecuong share: a draft outline's summary, its unsure points, the
preview of its first questions as an officer sees them, and checker problems listed by line.

No aiogram here: the CLI prints these lines, the bot sends them.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

from dialogs.engine import Engine, ReportContext, Screen
from dialogs.loader import Problem
from dialogs.outline import TYPE_VI, Outline, Section

UNSURE = re.compile(r"(?:^|\s)#\s?\?\s(.*)$")
MAX_UNSURE = 15


def count_sections(outline: Outline) -> int:
    def walk(items: list[Any]) -> int:
        return sum(1 + walk(it.items) for it in items if isinstance(it, Section))

    return walk(outline.sections)


def unsure_points(yaml_text: str) -> list[str]:
    """The importer's «# ?» comments, with their line numbers."""
    out = []
    for no, line in enumerate(yaml_text.splitlines(), 1):
        m = UNSURE.search(line)
        if m and m.group(1).strip():
            out.append(f"dòng {no}: {m.group(1).strip()}")
    return out


def summary_lines(outline: Outline, yaml_text: str, repairs: dict[str, int] | None = None) -> list[str]:
    """The draft in a few Vietnamese lines: sections, questions by type, tables, repaired words, unsure points."""
    types = Counter(r.question.type for r in outline.refs)
    by_type = ", ".join(f"{TYPE_VI.get(t, t)}: {n}" for t, n in types.most_common())
    lines = [f"Đề cương «{outline.id}»: {outline.title}",
             f"{count_sections(outline)} mục, {len(outline.refs)} câu hỏi ({by_type}), {len(outline.tables)} biểu."]
    for q in outline.tables:
        assert q.table is not None
        lines.append(f"• Biểu {q.key}: {len(q.table.rows)} dòng × {len(q.table.columns)} cột — {q.prompt[:80]}")
    if repairs:
        shown = "; ".join(f"{k} ({n} lần)" for k, n in list(repairs.items())[:10])
        lines.append(f"Đã sửa {sum(repairs.values())} chữ hỏng: {shown}")
    unsure = unsure_points(yaml_text)
    if unsure:
        lines.append(f"Chỗ chưa chắc ({len(unsure)}), hãy xem lại trong tệp YAML:")
        lines += [f"  ? {u}" for u in unsure[:MAX_UNSURE]]
        if len(unsure) > MAX_UNSURE:
            lines.append(f"  … và {len(unsure) - MAX_UNSURE} chỗ khác (tìm «# ?» trong tệp).")
    else:
        lines.append("Không có chỗ nào trình nhập chưa chắc.")
    return lines


def preview_screens(outline: Outline, today: date | None = None, count: int = 3) -> list[Screen]:
    """The first ``count`` questions rendered by the real question engine, as an officer will see them."""
    engine = Engine(ReportContext(outline, None, None, {}, None, "Xem trước", today=today))
    return [engine.question_screen(r.key) for r in outline.refs[:count]]


def screen_text(screen: Screen) -> str:
    """A screen as text, its buttons as a last line (the preview's buttons are not pressable)."""
    labels = [b.text for row in screen.buttons for b in row]
    return screen.text + ("\n⌨ " + " · ".join(f"[{t}]" for t in labels) if labels else "")


def problem_lines(problems: list[Problem], name: str = "tệp") -> list[str]:
    lines = [f"❗ {name} có {len(problems)} lỗi:"]
    lines += [f"• dòng {p.line}: {p.message}" for p in problems[:30]]
    if len(problems) > 30:
        lines.append(f"… và {len(problems) - 30} lỗi khác.")
    return lines
