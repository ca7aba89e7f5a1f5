"""Review, pure: large changes since last period (and the reason asked for them), the questions a supervisor
points at by number, the wording of a report's events and of batched notices.

Defaults of the settings the bot reads (bot/config.py): CHANGE_RATIO, CHANGE_MIN, UNLOCK_HOURS,
NOTIFY_BATCH_MINUTES.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dialogs.answers import numeric, table_grid
from dialogs.lifecycle import Lock, Status
from dialogs.outline import NUMERIC_TYPES, Question, QuestionRef, Table
from dialogs.parsing import ParseError, format_decimal, format_integer, format_money, money_scale

CHANGE_RATIO = 0.5  # a change counts as large above 50% of last period's figure…
CHANGE_MIN = 10  # …and above 10 in absolute terms (in the question's own unit: người, triệu đồng, điểm %)
UNLOCK_HOURS = 24  # an approved unlock lasts this long
NOTIFY_BATCH_MINUTES = 10  # supervisors get at most one "units submitted" message per this many minutes
REASON_MAX = 300


@dataclass(frozen=True)
class LargeChange:
    """A figure that moved far from last period's: old and new in the question's display unit."""

    qtype: str  # integer, decimal, money, percent, or "table" (the Biểu total)
    old: float
    new: float
    unit: str | None = None

    @property
    def delta(self) -> float:
        return self.new - self.old

    @property
    def up(self) -> bool:
        return self.new > self.old

    def _fmt(self, v: float) -> str:
        if self.qtype == "percent":
            return f"{format_decimal(v)}%"
        if self.qtype == "money":
            return format_money(v * float(money_scale(self.unit)), self.unit or "triệu đồng")
        if self.qtype in ("integer", "table"):
            return format_integer(v)
        return format_decimal(v)

    def _fmt_delta(self) -> str:
        mag = abs(self.delta)
        if self.qtype == "percent":
            return f"{format_decimal(mag)} điểm %"
        return self._fmt(mag)

    def prompt(self) -> str:
        """The question to the officer: "Tăng từ 12 lên 75: vì sao? (một dòng)"."""
        verb = "Tăng" if self.up else "Giảm"
        if self.qtype == "table":
            verb = "Tổng biểu " + verb.lower()
        return f"{verb} từ {self._fmt(self.old)} {'lên' if self.up else 'xuống'} {self._fmt(self.new)}: vì sao? (một dòng)"

    def phrase(self, previous_label: str = "kỳ trước", reason: str | None = None) -> str:
        """For the .docx and /xem: "tăng 63 so với tuần trước — lý do: …"."""
        s = f"{'tăng' if self.up else 'giảm'} {self._fmt_delta()} so với {previous_label}"
        return f"{s} — lý do: {reason}" if reason else s


def _is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def table_total(table: Table, value: Any) -> float | None:
    """The Biểu's total: its total rows, or else its top-level rows, over the entered numeric columns
    (percent and computed columns left out, so nothing is counted twice). None when nothing is entered."""
    cols = [c.key for c in table.columns if c.type in NUMERIC_TYPES and c.type != "percent" and not c.computed]
    if not cols:
        return None
    grid = table_grid(table, value)
    rows = [r for r in table.rows if r.kind == "total"] or [r for r in table.rows if r.level == 0]
    nums = [grid.get(r.key, {}).get(c) for r in rows for c in cols]
    nums = [n for n in nums if _is_num(n)]
    return float(sum(nums)) if nums else None


def _display(q: Question, value: Any) -> float | None:
    if q.type == "table":
        return table_total(q.table, value) if q.table is not None else None
    n = numeric(q, value)
    if n is not None and q.type == "money":
        n = n / float(money_scale(q.unit or "triệu đồng"))
    return n


def large_change(question: Question, value: Any, previous: Any, ratio: float = CHANGE_RATIO,
                 minimum: float = CHANGE_MIN) -> LargeChange | None:
    """The change from ``previous`` to ``value`` when it is large: by more than ``ratio`` of the old figure
    AND by more than ``minimum`` in absolute terms (money in the question's unit, percent in points).
    From 0 any change above ``minimum`` is large. None for other types or when either side is missing."""
    if question.type not in NUMERIC_TYPES and question.type != "table":
        return None
    if previous is None or value is None:
        return None
    new, old = _display(question, value), _display(question, previous)
    if new is None or old is None:
        return None
    delta = abs(new - old)
    if delta <= minimum:
        return None
    if old != 0 and delta / abs(old) <= ratio:
        return None
    unit = question.unit or ("triệu đồng" if question.type == "money" else None)
    return LargeChange(question.type, old, new, unit)


def parse_reason(text: str) -> str:
    """The officer's one-line reason: trimmed, one line, not empty, at most REASON_MAX characters."""
    s = " ".join(text.split())
    if not s:
        raise ParseError("Lý do đang trống. Gõ một dòng, ví dụ: «Thêm 3 xã sáp nhập từ 01/7».")
    if len(s) > REASON_MAX:
        raise ParseError(f"Lý do dài {len(s)} ký tự; hãy viết gọn trong {REASON_MAX} ký tự, "
                         "ví dụ: «Thêm 3 xã sáp nhập từ 01/7».")
    return s


# --------------------------------------------------------------------------- pointing at questions

_POINTER = re.compile(r"(?:(?<![\w/])c[aâ]u\s*(?:s[oố]\s*)?|/c|#)(\d{1,4})\b", re.IGNORECASE)


def pointed_keys(visible: Sequence[QuestionRef], text: str) -> list[str]:
    """Questions a supervisor names in a comment by their /xem number: "câu 3", "cau 12", "/c3", "#7".
    Numbers outside 1..len(visible) are ignored; keys in the order first named."""
    out: list[str] = []
    for m in _POINTER.finditer(text):
        i = int(m.group(1))
        if 1 <= i <= len(visible):
            k = visible[i - 1].key
            if k not in out:
                out.append(k)
    return out


# --------------------------------------------------------------------------- history and notices

EVENT_VI = {
    "submitted": "📨 gửi báo cáo",
    "returned": "↩ trả lại để sửa",
    "approved": "✅ duyệt",
    "unlock_requested": "🔓 xin mở lại",
    "unlock_approved": "🔓 đồng ý mở lại",
    "unlock_refused": "⛔ từ chối mở lại",
    "reopened": "🔓 mở lại để sửa",
    "relocked": "🔒 hết thời gian mở lại, khóa lại",
}

STATUS_VI = {
    Status.DRAFT: "đang làm",
    Status.SUBMITTED: "đã gửi",
    Status.RETURNED: "bị trả lại để sửa",
    Status.APPROVED: "đã duyệt",
    Status.UNLOCKED: "đã duyệt, đang mở lại để sửa",
    Status.CORRECTED: "đã sửa sau khi mở lại, chờ duyệt lại",
}

# why a report cannot be changed (``dialogs/lifecycle.py::Lock``); {label} is the period's label. Each names
# «🔓 Xin mở lại» only where the message carries that button (every refusal does: the officer may ask).
LOCK_VI = {
    Lock.APPROVED: ("Báo cáo kỳ «{label}» đã được duyệt nên không sửa được nữa. Nếu còn cần sửa, bấm «🔓 Xin mở lại» "
                    "và ghi lý do; nơi tổng hợp sẽ xem xét."),
    Lock.CORRECTED: ("Báo cáo kỳ «{label}» đã được gửi lại sau khi mở lại và đang chờ nơi tổng hợp duyệt, nên không "
                     "sửa được nữa. Nếu còn cần sửa, bấm «🔓 Xin mở lại» và ghi lý do."),
    Lock.UNLOCK_EXPIRED: ("Thời gian được mở lại để sửa báo cáo kỳ «{label}» đã hết. Nếu còn cần sửa, bấm "
                          "«🔓 Xin mở lại» lần nữa và ghi lý do."),
    Lock.CLOSED: ("Kỳ «{label}» đã đóng: câu trả lời được giữ nguyên nhưng không sửa được nữa. Nếu cần sửa, bấm "
                  "«🔓 Xin mở lại» và ghi lý do, ví dụ: «Nhập nhầm số hồ sơ ở câu 3»."),
}


def lock_text(lock: Lock, label: str) -> str:
    return LOCK_VI[lock].format(label=label)


def event_line(kind: str, who: str | None, when: str, comment: str | None = None,
               numbers: Sequence[str] = ()) -> str:
    """One line of a submission's history: "20/11 09:15 — ↩ trả lại để sửa (Nguyễn Văn A): … [câu 3, 7]"."""
    s = f"{when} — {EVENT_VI.get(kind, kind)}"
    if who:
        s += f" ({who})"
    if comment:
        s += f": {comment}"
    if numbers:
        s += " [câu " + ", ".join(numbers) + "]"
    return s


def notice_batch_text(notices: Sequence[tuple[str, str]]) -> str:
    """One message for a supervisor's waiting notices [(kind, text)]: the units that submitted, listed together,
    then the other notices (answers changed after the deadline…)."""
    submitted = [t for k, t in notices if k == "submitted"]
    corrected = [t for k, t in notices if k == "corrected"]
    others = [t for k, t in notices if k not in ("submitted", "corrected")]
    parts: list[str] = []
    if len(submitted) == 1:
        parts.append(submitted[0])
    elif submitted:
        parts.append(f"📨 {format_integer(len(submitted))} đơn vị vừa gửi báo cáo:\n"
                     + "\n".join(f"• {t}" for t in submitted))
    if len(corrected) == 1:
        parts.append(corrected[0])
    elif corrected:
        parts.append("🔒 Cần duyệt lại sau khi mở lại:\n" + "\n".join(f"• {t}" for t in corrected))
    if len(others) == 1:
        parts.append(others[0])
    elif others:
        parts.append("✎ Thay đổi sau hạn nộp:\n" + "\n".join(f"• {t}" for t in others))
    return "\n\n".join(parts)
