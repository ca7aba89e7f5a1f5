"""One unit's report as chat text for a supervisor (/xem): section by section, every visible question with its
number (the same /c number the officer sees, so a supervisor can point at questions by number), the answer,
its change since last period (▲/▼/=, "mới") and the officer's reason for a large change, split into
messages under Telegram's limit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
                status: str = "draft", comment: str | None = None, limit: int = MAX_MESSAGE,
                hint: bool = True, tail: Sequence[str] = ()) -> list[str]:
    """The messages showing ``unit``'s submission (``unit`` has code, kind and name). ``previous`` is its
    answers last period, None when it has none (then no change marks). Unanswered questions are collapsed into
    one line of ranges; ``tail`` (the history) follows the last answer; no message is left with a stray line or
    two. ``hint``: the supervisor's hint on returning."""
    reasons = reasons or {}
    prev_label = outline.period.previous_label
    visible = outline.visible_refs(unit.code, unit.kind, dict(answers))
    answered = sum(1 for r in visible if r.key in answers)
    head = [f"📄 {unit.name} — {outline.short}",
            f"Kỳ: {period_label} · Tình trạng: {STATUS_VI.get(status, status)}",
            f"Đã trả lời {answered}/{len(visible)} câu."]
    missing = [(i, r) for i, r in enumerate(visible, 1) if r.key not in answers]
    if missing:
        head.append(f"{len(missing)} câu chưa trả lời: {unanswered_ranges(missing)}.")
    if previous is not None:
        head.append(f"Ký hiệu: ▲▼ tăng/giảm, = không đổi, ✎ thay đổi, «mới» so với {prev_label}.")
    if hint:
        head.append("Khi trả lại, ghi số câu cần sửa trong nhận xét, ví dụ: «câu 3, câu 12: thiếu số liệu».")
    if comment and status == Status.RETURNED:
        head.append(f"↩ Nhận xét khi trả lại: {comment}")
    blocks = ["\n".join(head)]
    top = None
    for i, ref in enumerate(visible, 1):
        if ref.key not in answers:
            continue
        if ref.top_section is not top:
            top = ref.top_section
            blocks.append(f"\n{(top.no + ' ') if top.no else ''}{top.title}")
        blocks.append(question_line(i, ref, answers, previous, reasons, prev_label))
    return balanced(split_messages(blocks + list(tail), limit), limit)


def unanswered_ranges(missing: list[tuple[int, QuestionRef]], most: int = 12) -> str:
    """"câu 3, 5, 7–43 (mục I.1.a, I.2–III.2)": runs of consecutive unanswered questions by the numbers the officer
    and the supervisor use (/c3, «câu 3»), and the outline's sections they are in (several questions share one)."""
    runs: list[list[tuple[int, QuestionRef]]] = []
    for i, r in missing:
        if runs and runs[-1][-1][0] == i - 1:
            runs[-1].append((i, r))
        else:
            runs.append([(i, r)])
    parts = [str(run[0][0]) if len(run) == 1 else f"{run[0][0]}–{run[-1][0]}" for run in runs[:most]]
    text = "câu " + ", ".join(parts) + (", …" if len(runs) > most else "")
    sections = list(dict.fromkeys(r.number.rstrip(".") for _, r in missing if r.number))
    if sections:
        text += f" (mục {sections[0]}" + (f"–{sections[-1]})" if len(sections) > 1 else ")")
    return text


def balanced(parts: list[str], limit: int, least: int = 4) -> list[str]:
    """No last message of a stray line or two: lines move over from the message before while they fit."""
    if len(parts) < 2:
        return parts
    before, last = parts[-2].split("\n"), parts[-1].split("\n")
    while len(last) < least and len(before) > least:
        moved = [before[-1], *last]
        if len("\n".join(moved)) > limit:
            break
        before, last = before[:-1], moved
    return parts[:-2] + ["\n".join(before), "\n".join(last)]
