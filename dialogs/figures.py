"""What a consolidated figure means: which reports count, and how each number is aggregated over units.

Pure rules shared by the outline checker, the importer, the consolidation and the history:

* a report counts in the figures once it was **sent** (:data:`dialogs.lifecycle.SENT`: submitted, approved, or
  approved and opened again for a while — unlocked, corrected); drafts and returned
  reports are "đang hoàn thiện" unless a supervisor asks for provisional figures;
* every numeric question and Biểu column has an **aggregation** — ``sum``, ``mean``, ``ratio`` (recomputed
  from two summed figures, ``numerator`` / ``denominator``), ``min``, ``max``, ``none`` — and a Biểu column
  may be a ``share`` (``of`` a count column: the row's part of the row it is summed into). Declared in the
  outline, else the default from the type and unit (:func:`default_aggregate`).
"""

from __future__ import annotations

import re
from typing import Any

from dialogs.lifecycle import SENT, is_sent  # noqa: F401  (re-exported: the consolidation's rule)

SENT_STATUSES = frozenset(s.value for s in SENT)
"""Submission statuses whose answers are the unit's report (a draft or a returned report is still being worked on)."""


AGGREGATES = ("sum", "mean", "ratio", "min", "max", "none")
COLUMN_AGGREGATES = AGGREGATES + ("share",)
AGGREGATE_VI = {
    "sum": "cộng",
    "mean": "bình quân",
    "ratio": "tỷ lệ tính lại từ tử số và mẫu số đã cộng",
    "min": "nhỏ nhất",
    "max": "lớn nhất",
    "none": "không tổng hợp (chỉ số liệu từng đơn vị)",
    "share": "tỷ trọng tính lại từ số đã cộng",
}
_NUMERIC = frozenset({"integer", "decimal", "percent", "money"})


def is_rate(qtype: str, unit: str | None) -> bool:
    """A percentage: type ``percent`` or a number whose unit is "%" (its changes are in điểm phần trăm;
    adding it across units means nothing)."""
    return qtype == "percent" or (qtype in _NUMERIC and (unit or "").strip() == "%")


def default_aggregate(qtype: str, unit: str | None = None, *, numerator: str | None = None,
                      denominator: str | None = None, of: str | None = None) -> str:
    """The aggregation of a number when the outline does not declare one: a share where the count is named
    (``of``), the recomputed ratio where both parts are named, the mean for percentages (type ``percent`` or
    unit "%"), the sum for counts, money and other quantities; ``none`` for what is not a number."""
    if qtype not in _NUMERIC:
        return "none"
    if of:
        return "share"
    if numerator and denominator:
        return "ratio"
    if is_rate(qtype, unit):
        return "mean"
    return "sum"


def aggregate_of(item: Any) -> str:
    """The aggregation of a question or Biểu column (declared, else :func:`default_aggregate`)."""
    declared = getattr(item, "aggregate", None)
    if declared:
        return declared
    return default_aggregate(item.type, getattr(item, "unit", None), numerator=getattr(item, "numerator", None),
                             denominator=getattr(item, "denominator", None), of=getattr(item, "of", None))


def aggregate_problems(item: Any, where: str, numeric_names: dict[str, str]) -> list[str]:
    """What is wrong with an item's declared aggregation (Vietnamese, with what to write instead).
    ``numeric_names``: name → type of the numbers the ratio's parts or the share's count may name."""
    agg = getattr(item, "aggregate", None)
    num, den, of = getattr(item, "numerator", None), getattr(item, "denominator", None), getattr(item, "of", None)
    out: list[str] = []
    if item.type not in _NUMERIC:
        if agg or num or den or of:
            out.append(f"{where}: aggregate/numerator/denominator/of chỉ dùng cho kiểu số, không cho «{item.type}»")
        return out
    kind = aggregate_of(item)
    if kind == "sum" and is_rate(item.type, getattr(item, "unit", None)):
        out.append(f"{where} là tỷ lệ phần trăm, không cộng được giữa các đơn vị; ghi «aggregate: mean» hoặc "
                   "«aggregate: ratio» kèm numerator và denominator")
    if kind == "ratio" and not (num and den):
        out.append(f"{where}: «aggregate: ratio» cần cả numerator và denominator (khóa hai số đem cộng rồi chia)")
    if kind != "ratio" and (num or den):
        out.append(f"{where}: numerator/denominator chỉ dùng với «aggregate: ratio»")
    if kind == "share" and not of:
        out.append(f"{where}: «aggregate: share» cần «of: <khóa cột số lượng>»")
    if kind != "share" and of:
        out.append(f"{where}: «of» chỉ dùng với «aggregate: share»")
    for part in (num, den, of):
        if part is None:
            continue
        if part not in numeric_names:
            out.append(f"{where}: «{part}» không có (phải là khóa một số trong đề cương)")
        elif numeric_names[part] == "percent":
            out.append(f"{where}: «{part}» là tỷ lệ phần trăm, không dùng làm tử số, mẫu số hay số lượng được")
    return out


def summed_columns(t: Any) -> list[Any]:
    """A Biểu's input columns added up over units (a total row can add them over rows too)."""
    return [c for c in t.columns if not c.computed and c.type in _NUMERIC and aggregate_of(c) == "sum"]


def one_measure(t: Any) -> bool:
    """Whether a total row over the Biểu's top-level rows means something, when the outline does not say
    (``total``): it has a summed column and its top-level rows are not two or more groups (sections such as
    "I. Quán triệt" and "II. Kiểm tra" count different things — conferences, inspections — never added up)."""
    groups = [r for r in t.rows if r.level == 0 and r.kind == "group"]
    return len(groups) < 2 and bool(summed_columns(t))


def total_row(t: Any) -> bool:
    """Whether the consolidated .xlsx adds a «Tổng cộng» row under a Biểu: never when it has its own total row
    (``kind: total``); else as its ``total`` flag says; else when its top-level rows are one measure
    (:func:`one_measure`)."""
    if any(r.kind == "total" for r in t.rows):
        return False
    if t.total is not None:
        return bool(t.total) and bool(summed_columns(t))
    return one_measure(t)


def total_problems(t: Any, where: str) -> list[str]:
    """What is wrong with a Biểu's ``total`` flag (Vietnamese, with what to write instead)."""
    if not t.total:
        return []
    own = next((r for r in t.rows if r.kind == "total"), None)
    if own is not None:
        return [f"{where} đã có dòng tổng «{own.key}» (kind: total): bỏ «total: true»"]
    if not summed_columns(t):
        return [f"{where}: «total: true» nhưng không có cột số nào được cộng (aggregate: sum); bỏ «total: true»"]
    return []


_SHARE_RE = re.compile(r"^\s*(t[ỷỉ]\s*tr[ọo]ng|t[ỷỉ]\s*l[ệe])\b", re.IGNORECASE)


def guess_aggregate(entry: dict[str, Any], previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """The importer's guess for a draft question or Biểu column (a plain dict with ``type``, ``unit``,
    ``label``/``prompt``): a share of the count column just before it when labelled "Tỷ trọng"/"Tỷ lệ",
    the mean for a percentage; ``{}`` when the default (the sum) is the guess."""
    if entry.get("aggregate") or entry.get("type", "integer") not in _NUMERIC:
        return {}
    label = str(entry.get("label") or entry.get("prompt") or "")
    prev_ok = (previous is not None and previous.get("type", "integer") in ("integer", "decimal", "money")
               and not previous.get("sum_of") and (previous.get("unit") or "") != "%")
    if "label" in entry and prev_ok and _SHARE_RE.match(label) and previous is not None:
        return {"aggregate": "share", "of": previous["key"]}
    if is_rate(entry.get("type", "integer"), entry.get("unit")) or _SHARE_RE.match(label):
        return {"aggregate": "mean"}
    return {}
