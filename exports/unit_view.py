"""One unit's report as chat text for a supervisor (/xem): section by section, every visible question with its
number (the same /c number the officer sees, so a supervisor can point at questions by number), the answer,
its change since last period (▲/▼/=, "mới") and the officer's reason for a large change, split into
messages under Telegram's limit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dialogs.answers import compare, format_value
from dialogs.engine.base import MAX_MESSAGE, split_messages
from dialogs.lifecycle import Status
from dialogs.outline import Outline, QuestionRef
from dialogs.review import STATUS_VI

VALUE_LIMIT = 700


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _mark(ref: QuestionRef, value: Any, previous: Mapping[str, Any] | None, prev_label: str) -> str:
    if previous is None:
        return ""
    ch = compare(ref.question, value, previous.get(ref.key), has_previous=ref.key in previous)
    if ch.kind == "changed":
        return " [✎ đã thay đổi]"
    return f" [{ch.label(ref.question, prev_label)}]"


def question_line(i: int, ref: QuestionRef, answers: Mapping[str, Any], previous: Mapping[str, Any] | None,
                  reasons: Mapping[str, str], prev_label: str) -> str:
    """"3. I.2 Số nhiệm vụ …: 75 nhiệm vụ [▲ +63 so với tuần trước] — lý do: …"."""
    q = ref.question
    head = f"{i}. {ref.number + ' ' if ref.number else ''}{_short(q.prompt, 90)}"
    if ref.key not in answers:
        return f"{head}: — chưa trả lời"
    value = format_value(q, answers[ref.key], limit=VALUE_LIMIT)
    tail = _mark(ref, answers[ref.key], previous, prev_label)
    if reasons.get(ref.key):
        tail += f" — lý do: {reasons[ref.key]}"
    if "\n" in value:
        return f"{head}:{tail}\n{value}"
    return f"{head}: {value}{tail}"


def unit_report(outline: Outline, *, unit: Any, period_label: str, answers: Mapping[str, Any],
                previous: Mapping[str, Any] | None, reasons: Mapping[str, str] | None = None,
                status: str = "draft", comment: str | None = None, limit: int = MAX_MESSAGE) -> list[str]:
    """The messages showing ``unit``'s submission (``unit`` has code, kind and name). ``previous`` is its
    answers last period, None when it has none (then no change marks)."""
    reasons = reasons or {}
    prev_label = outline.period.previous_label
    visible = outline.visible_refs(unit.code, unit.kind, dict(answers))
    answered = sum(1 for r in visible if r.key in answers)
    head = [f"📄 {unit.name} — {outline.short}",
            f"Kỳ: {period_label} · Tình trạng: {STATUS_VI.get(status, status)}",
            f"Đã trả lời {answered}/{len(visible)} câu."]
    if previous is not None:
        head.append(f"Ký hiệu: ▲▼ tăng/giảm, = không đổi, ✎ thay đổi, «mới» so với {prev_label}.")
    head.append("Khi trả lại, ghi số câu cần sửa trong nhận xét, ví dụ: «câu 3, câu 12: thiếu số liệu».")
    if comment and status == Status.RETURNED:
        head.append(f"↩ Nhận xét khi trả lại: {comment}")
    blocks = ["\n".join(head)]
    top = None
    for i, ref in enumerate(visible, 1):
        if ref.top_section is not top:
            top = ref.top_section
            blocks.append(f"\n{(top.no + ' ') if top.no else ''}{top.title}")
        blocks.append(question_line(i, ref, answers, previous, reasons, prev_label))
    return split_messages(blocks, limit)
