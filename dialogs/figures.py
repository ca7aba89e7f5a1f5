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
import unicodedata
from typing import Any

from dialogs.averages import expected_factor, weighted_parts
from dialogs.lifecycle import SENT, is_sent  # noqa: F401  (re-exported: the consolidation's rule)
from dialogs.parsing import format_decimal
from dialogs.text import fold

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
ROW_AGGREGATES = ("sum", "mean", "ratio", "min", "max", "none")
RATE_UNITS = frozenset({"%", "‰"})


def is_rate(qtype: str, unit: str | None) -> bool:
    """A percentage: type ``percent`` or a number whose unit is "%" or "‰" (its changes are in điểm phần trăm;
    adding it across units means nothing)."""
    return qtype == "percent" or (qtype in _NUMERIC and (unit or "").strip() in RATE_UNITS)


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
    if is_rate(qtype, unit) or per_unit_measure(unit):
        return "mean"
    return "sum"


# a rate measured against a plan, a budget, the same period or last year may pass 100 % («Tỷ lệ thực hiện so với dự
# toán» 125 %, «Tốc độ tăng trưởng»); a share of a whole («Tỷ lệ hộ nghèo», «Tỷ lệ giải quyết đúng hạn») may not
_CHANGE = r"tang\s*(?:\(\s*\+\s*\))?\s*[,/]?\s*giam"  # «tăng giảm», «Tăng, giảm», «Tăng/giảm», «Tăng (+), giảm (-)»
OVER_100 = re.compile(r"\b(so voi|tang truong|toc do|" + _CHANGE + r"|thuc hien|ke hoach|du toan|chi tieu|cung ky|nam truoc"
                      r"|ky truoc|hoan thanh)\b")
# a change may be below zero («Tốc độ tăng trưởng» −2 %, «Tăng, giảm so với cùng kỳ»)
_FALLS = re.compile(r"\b(tang truong|toc do|" + _CHANGE + r"|chenh lech|bien dong)\b")


def _label(item: Any) -> str:
    return fold(getattr(item, "label", None) or getattr(item, "prompt", None) or "")


def may_exceed_100(item: Any) -> bool:
    """Whether a rate may be above 100 %: measured against a plan, a budget or an earlier period (its label)."""
    return bool(OVER_100.search(_label(item)))


def may_be_negative(item: Any) -> bool:
    """Whether a rate may be below 0: a growth rate or a change (its label)."""
    return bool(_FALLS.search(_label(item)))


def per_unit_measure(unit: str | None) -> bool:
    """A unit that is a figure per head, hectare, kilogram… ("tạ/ha", "đồng/kg", "triệu đồng/người/năm") or a change of
    a rate ("điểm phần trăm"): adding it across units means nothing (62,5 tạ/ha and 55 tạ/ha are not 117,5)."""
    u = fold(unit or "")
    return bool(u) and (bool(_PER_HEAD_RE.search(u)) or bool(re.search(r"\bdiem\s*(?:phan tram|%)", u)))


def aggregate_of(item: Any) -> str:
    """The aggregation of a question or Biểu column (declared, else :func:`default_aggregate`)."""
    declared = getattr(item, "aggregate", None)
    if declared:
        return declared
    return default_aggregate(item.type, getattr(item, "unit", None), numerator=getattr(item, "numerator", None),
                             denominator=getattr(item, "denominator", None), of=getattr(item, "of", None))


# a figure per person, hectare, household…: "triệu đồng/người", "tạ/ha", "người/km2", "bác sĩ/vạn dân" (a figure
# per day or month — "hồ sơ/tháng" — is a quantity, summed)
_PER_HEAD_RE = re.compile(r"/\s*(?:\d[\d.,]*\s*)?(?:nguoi|ha|sao|mau|ho|km2|km²|m2|m²|dan|van dan|nghin dan|lao dong|khau|"
                          r"nhan khau|hoc sinh|lop|giuong|tre|phu nu|xa|kg|lit|con)\b")
# a figure per head in words: "trên vạn dân", "của một phụ nữ", "bình quân một lớp", "trên 1 ha", "mỗi hộ"
_PER_ENTITY_RE = re.compile(r"\b(?:tren|cua|cho|moi|binh quan|trung binh)\s+(?:mot\s+|1\s+|1\.?000\s+)?(?:van dan|nghin dan|"
                            r"dan|nguoi dan|nguoi|ho|lop|phu nu|xa|ha|lao dong|hoc sinh|benh nhan|tre|doan vien|"
                            r"dang vien|hoi vien)\b")
# a stock averaged over the period ("Dân số bình quân", "Số lao động BQ"): a number of people, added up across units
_STOCK_RE = re.compile(r"^(?:tong\s+)?(?:so\s+)?(?:dan so|lao dong|nguoi|hoc sinh|doanh nghiep|ho|can bo|cong chuc|"
                       r"vien chuc|dang vien|hoi vien|doan vien|thanh vien|tre|benh nhan|giuong)\b")
# a rate or index by its words: "Tỷ suất …", "Chỉ số giá …", "Tốc độ tăng …", "Hệ số …", "Mật độ …"
_RATE_WORDS_RE = re.compile(r"\b(?:ty suat|chi so|toc do|he so|mat do)\b")
# a rating's category ("Học lực trung bình", "Xếp loại trung bình"): a count of what was rated so
_RATING_RE = re.compile(r"\b(?:hoc luc|hanh kiem|xep loai|loai|muc song|ren luyen|danh gia)\s+(?:\w+\s+)?trung binh\b")
# a unit that is itself a rate: "%", "‰", "phần trăm", "tỷ lệ %", "(%)"
_RATE_UNIT_RE = re.compile(r"^\(?\s*(?:%|‰|phan tram|t[yi] le(?:\s*(?:%|phan tram))?)\s*\)?$")
# a rate by its label (folded), anywhere: "Tỷ lệ …", "Kết quả tỷ lệ …", "Tỷ trọng …", "Mật độ …", "… (%)", "… %"
_RATE_LABEL_RE = re.compile(r"\b(?:t[yi] le|t[yi] trong|mat do)\b|%|‰")
# an average: "… bình quân …", "BQ"; "trung bình" only after a measure ("Thu nhập trung bình", "Tuổi thọ trung
# bình"), never a rating's category ("Học lực trung bình", "Hạnh kiểm trung bình", "Mức sống trung bình" count
# what was rated so)
_AVERAGE_LABEL_RE = re.compile(r"\bbinh quan\b|\bbq\b|\b(?:thu nhap|gia|gia tri|diem|tuoi|tuoi tho|nang suat|chi phi|"
                               r"luong|tien luong|dien tich|thoi gian|quy mo|chieu cao|can nang|san luong|toc do|"
                               r"chi tieu|muc chi)\s+trung binh\b")
_COUNT_LABEL_RE = re.compile(r"^\s*(?:tong\s+)?so\b(?!\s*(?:binh quan|trung binh)\b)")
_ROW_NO_RE = re.compile(r"^\s*(?:[-+*•–]\s*|(?:[ivx]{1,5}|\d{1,3}(?:\.\d{1,2})*|[a-z])[.)]\s*|\d{1,3}(?:\.\d{1,2})+\s+|"
                        r"(?:trong do|chia ra|trong so do)\s*:?\s*)+")


def rate_row(label: str, unit: str | None) -> bool:
    """Whether a Biểu row is a rate or an average (never added up across units): its unit is a rate ("%", "‰",
    "phần trăm") or per head, hectare or household ("triệu đồng/người", "nghìn đồng/người/tháng", "tạ/ha"); or,
    the bullets, numbers and "Trong đó:" before it set aside, its label says so ("Tỷ lệ …", "… (%)", "bình
    quân", "Thu nhập trung bình", "tỷ trọng", "mật độ") and is no count ("Số …"). A "Tỷ lệ …" row whose own unit
    is a plain count ("hộ") is read as that count, and `outlines check` asks the author to say (:func:`counted_rate`)."""
    u = fold(unit or "").strip()
    if u and (is_rate("decimal", unit) or _RATE_UNIT_RE.match(u) or _PER_HEAD_RE.search(u)):
        return True
    text = _ROW_NO_RE.sub("", fold(label))
    if re.search(r"[%‰]", text) or _PER_HEAD_RE.search(text) or _PER_ENTITY_RE.search(text):
        return True  # "Số hộ nghèo (%)", "Số bác sĩ trên vạn dân": a percentage or per head, whatever it counts
    if average_label(text):
        return True
    if _COUNT_LABEL_RE.match(text):
        return False
    if _RATE_WORDS_RE.search(text):
        return True
    if not _RATE_LABEL_RE.search(text):
        return False
    return not counted_rate(label, unit)


def average_label(text: str) -> bool:
    """Whether a (folded) label names an average: "bình quân", "BQ", "Thu nhập trung bình", "Số ngày điều trị trung
    bình" — never a stock averaged over the period ("Dân số bình quân", "Số lao động BQ": added up across units), a
    rating's category ("Học lực trung bình") or a bare "Trung bình"."""
    if _STOCK_RE.match(text) and not _PER_ENTITY_RE.search(text):
        return False
    if re.search(r"\b(?:binh quan|bq)\b", text) or _AVERAGE_LABEL_RE.search(text):
        return True
    return bool(re.search(r"\w+\s+trung binh\b", text)) and not _RATING_RE.search(text) \
        and not re.match(r"^\s*(?:loai|muc|xep loai)\b", text)


def counted_rate(label: str, unit: str | None) -> bool:
    """A row whose label says a rate ("Tỷ lệ hộ nghèo", "Tỷ trọng …") but whose own unit is a plain count ("hộ",
    "người"): the two contradict, and which one holds only the author knows. Read as the count it says it is
    (:func:`rate_row`), flagged by :func:`row_problems` until the outline declares the row's aggregation."""
    u = fold(unit or "").strip()
    if not u or "/" in u or is_rate("decimal", unit) or _RATE_UNIT_RE.match(u) or _PER_HEAD_RE.search(u):
        return False
    text = _ROW_NO_RE.sub("", fold(label))
    return bool(re.match(r"t[yi] (?:le|trong)\b", text)) and not re.search(r"[%‰]", text)


def default_row_aggregate(label: str, unit: str | None) -> str:
    """A Biểu row's aggregation when the outline does not declare one: ``mean`` for a rate or an average
    (:func:`rate_row`), else ``sum`` — which for a row means each column's own aggregation."""
    return "mean" if rate_row(label, unit) else "sum"


def row_aggregates(t: Any) -> dict[str, str]:
    """Each row's aggregation (declared, else :func:`default_row_aggregate`): ``sum`` — the columns' own (a count,
    an amount); ``mean``, ``min``, ``max`` over the units' cells, ``none`` (no consolidated figure). A row with
    neither its own unit nor a label of its kind, under a rate or average row ("Tỷ lệ hộ nghèo" over
    "Thành thị", "Nông thôn"), is of that row's kind; a count ("Số …") never is."""
    out: dict[str, str] = {}
    above: list[tuple[int, str]] = []  # the rows above, by level: (level, aggregation)
    head: tuple[int, str] | None = None  # the last row at its level with no bullet: dashed rows after it are its parts
    for r in t.rows:
        while above and above[-1][0] >= r.level:
            above.pop()
        dashed = bool(_BULLET_RE.match(r.label))
        if dashed and (getattr(r, "unit", None) or "").strip() and head is not None:
            head = (head[0], "sum")  # '- Diện tích rừng trồng | ha' under a rate: the dashed rows are its figures
        agg = getattr(r, "aggregate", None)
        if not agg:
            agg = default_row_aggregate(r.label, getattr(r, "unit", None))
            inherited = next((a for _, a in reversed(above) if a != "sum"), None)
            if dashed and head is not None and head[0] == r.level and head[1] != "sum":
                inherited = head[1]  # '- Thành thị', '- Nông thôn' at the level of 'Tỷ lệ hộ nghèo' are its parts
            if agg == "sum" and inherited and not (getattr(r, "unit", None) or "").strip() \
                    and not _COUNT_LABEL_RE.match(_ROW_NO_RE.sub("", fold(r.label))):
                agg = inherited
        out[r.key] = agg
        above.append((r.level, agg))
        if not dashed:
            head = (r.level, agg)
    return out


_BULLET_RE = re.compile(r"^\s*[-+•–]\s*\S")


ROW_AGGREGATE_VI = {
    "mean": "trung bình cộng các đơn vị",
    "ratio": "tính lại từ số đã cộng",
    "min": "nhỏ nhất trong các đơn vị",
    "max": "lớn nhất trong các đơn vị",
    "none": "không tổng hợp, xem số liệu từng đơn vị",
}


def figure_type(col: Any, unsummed_row: bool = False) -> str:
    """How a consolidated cell of ``col`` is printed: an integer column's mean, ratio, share, minimum… (or any
    cell of a rate or average row, ``unsummed_row``) keeps its decimals — 22,5, never «22» or «23»; only a sum
    of whole numbers is printed whole."""
    if col.type == "integer" and (unsummed_row or aggregate_of(col) != "sum"):
        return "decimal"
    return col.type


def row_marks(t: Any) -> dict[str, str]:
    """What a consolidated Biểu prints after a row's label when it is not summed: "(trung bình cộng các đơn vị)"."""
    return {k: f" ({ROW_AGGREGATE_VI[a]})" for k, a in row_aggregates(t).items() if a in ROW_AGGREGATE_VI}


def row_units(t: Any) -> list[str] | None:
    """Each row's unit (the Biểu's «ĐVT» column) when any row has one, else None (no such column is printed)."""
    units = [(getattr(r, "unit", None) or "").strip() for r in t.rows]
    return units if any(units) else None


def mean_words(counted: tuple[int, int] | None = None) -> str:
    """A plain mean said plainly: «trung bình cộng của 3 đơn vị (không gia quyền)» (``counted``: the fewest and
    most units with a figure in a cell so averaged)."""
    if counted is None:
        return "trung bình cộng các đơn vị (không gia quyền)"
    lo, hi = counted
    return f"trung bình cộng của {lo} đơn vị (không gia quyền)" if lo == hi else \
        f"trung bình cộng của {lo}–{hi} đơn vị có số liệu (không gia quyền)"


def _times(factor: float | None) -> str:
    """« × 100» (a percentage), « × 10» (tấn/ha → tạ/ha), nothing for 1."""
    f = 100 if factor is None else factor
    return "" if f == 1 else f" × {f:g}".replace(".", ",")


def unsummed_note(t: Any, counted: tuple[int, int] | None = None) -> str | None:
    """The note under a consolidated Biểu naming its rows and columns that are not summed, and how each is
    consolidated — so a reader can tell a plain mean (``counted``: of how many units, :func:`mean_words`) from a
    figure recomputed from the summed parts (weighted), and why a cell is empty."""
    aggs = row_aggregates(t)
    rows = [r for r in t.rows if aggs[r.key] in ROW_AGGREGATE_VI]
    parts = []
    if rows:
        parts.append("các dòng sau là tỷ lệ, số bình quân… không cộng giữa các đơn vị — "
                     + "; ".join(_row_note(t, r, aggs[r.key], counted) for r in rows))
    if cols := column_notes(t, counted):
        parts.append(("cột " if len(cols) == 1 and cols[0].count("«") <= 3 else "các cột: ") + "; ".join(cols))
    if not parts:
        return None
    text = ". ".join(p[0].upper() + p[1:] if i else p for i, p in enumerate(parts))
    return f"Ghi chú: {text}."


def _row_note(t: Any, r: Any, agg: str, counted: tuple[int, int] | None) -> str:
    if agg == "ratio":
        num, den = (next((x.label for x in t.rows if x.key == k), k) for k in (r.numerator, r.denominator))
        return f"«{r.label}» = «{num}» / «{den}»{_times(r.factor)}, tính lại từ số đã cộng (bình quân gia quyền)"
    return f"«{r.label}»: {mean_words(counted) if agg == 'mean' else ROW_AGGREGATE_VI[agg]}"


def _column_name(t: Any, key: str | None) -> str:
    """A column as the reader finds it in the header: «Năm 2025 – Tỷ trọng» when its label repeats in other groups."""
    col = next((c for c in t.columns if c.key == key), None)
    if col is None:
        return f"«{key}»"
    twins = sum(c.label == col.label for c in t.columns) > 1
    return f"«{col.group} – {col.label}»" if twins and col.group else f"«{col.label}»"


def column_notes(t: Any, counted: tuple[int, int] | None = None) -> list[str]:
    """How a Biểu's figure columns that are not a sum are consolidated, those consolidated alike named together:
    «X» = «A» / «B» × 100 (tính lại từ số đã cộng); «Z»: tỷ trọng so với dòng trên nó, tính lại từ «C» đã cộng;
    «X», «Y»: trung bình cộng của N đơn vị (không gia quyền); «W»: không tổng hợp, xem số liệu từng đơn vị."""
    out: list[str] = []
    alike: dict[str, list[str]] = {}
    for c in t.columns:
        if c.type not in _NUMERIC or getattr(c, "computed", False) or c.sum_of:
            continue
        agg, name = aggregate_of(c), _column_name(t, c.key)
        if agg == "ratio":
            weighted = getattr(c, "factor", None) is not None and not is_rate(c.type, getattr(c, "unit", None))
            out.append(f"{name} = {_column_name(t, c.numerator)} / {_column_name(t, c.denominator)}"
                       f"{_times(getattr(c, 'factor', None))}, tính lại từ số đã cộng"
                       + (" (bình quân gia quyền)" if weighted else ""))
        elif agg == "share":
            out.append(_share_note(t, name, c.of))
        elif agg in ROW_AGGREGATE_VI:
            alike.setdefault(agg, []).append(name)
    out += [f"{', '.join(names)}: {mean_words(counted) if agg == 'mean' else ROW_AGGREGATE_VI[agg]}"
            for agg, names in alike.items()]
    return out


def _share_note(t: Any, name: str, of: str | None) -> str:
    """How a share column is consolidated: against the total row above or below, the «Tổng cộng» row added under a
    Biểu with no total row of its own, or left empty when there is neither."""
    if any(r.kind == "total" or r.sum_of for r in t.rows):
        return f"{name}: tỷ trọng so với dòng tổng {_total_side(t)} nó, tính lại từ {_column_name(t, of)} đã cộng"
    if total_row(t):
        return f"{name}: tỷ trọng so với dòng «Tổng cộng» ở cuối Biểu, tính lại từ {_column_name(t, of)} đã cộng"
    return f"{name}: để trống vì Biểu không có dòng tổng để tính tỷ trọng (các dòng không cùng một loại số)"


def _total_side(t: Any) -> str:
    """Where a share's total row is printed: «dưới» when every total row comes after the rows it adds («Tổng số»
    as the last line), else «trên»."""
    index = {r.key: i for i, r in enumerate(t.rows)}
    totals = [r for r in t.rows if r.kind == "total" or r.sum_of]
    return "dưới" if totals and all(index[s.key] < index[r.key] for r in totals for s in t.row_sum_sources(r)) \
        else "trên"


def summed_rows(t: Any) -> set[str]:
    """The keys of a Biểu's rows whose cells are summed (over units, into a total row, across computed columns)."""
    return {k for k, a in row_aggregates(t).items() if a == "sum"}


def row_problems(t: Any, where: str) -> list[tuple[Any, str]]:
    """What is wrong with a Biểu's rows' units and aggregations (Vietnamese, with what to write instead):
    a rate or average declared ``sum``; a computed row (``sum_of``) that is a rate or average; a rate or average
    row that a total row names in its ``sum_of`` list (``all`` and ``children`` leave such rows out)."""
    out: list[tuple[Any, str]] = []
    aggs = row_aggregates(t)
    for r in t.rows:
        w = f"{where}, dòng «{r.key}»"
        rate = rate_row(r.label, getattr(r, "unit", None))
        kind = f"tính bằng «{r.unit}»" if getattr(r, "unit", None) else "là tỷ lệ hoặc số bình quân"
        if not getattr(r, "aggregate", None) and counted_rate(r.label, getattr(r, "unit", None)):
            out.append((r, f"{w} ghi «{r.label}» (tỷ lệ) nhưng đơn vị tính «{r.unit}» (số đếm): nếu là tỷ lệ, sửa "
                           "đơn vị thành «%» (lấy bình quân các đơn vị); nếu thật là số đếm, ghi «aggregate: sum»; "
                           "không chắc thì ghi «aggregate: none» (chỉ số liệu từng đơn vị)"))
        if getattr(r, "aggregate", None) == "sum" and rate:
            out.append((r, f"{w} {kind}, không cộng được giữa các đơn vị; ghi «aggregate: mean» (bình quân các "
                           "đơn vị), «min»/«max», hoặc «aggregate: none» (chỉ số liệu từng đơn vị)"))
        if r.sum_of is not None and aggs[r.key] != "sum":
            out.append((r, f"{w} {kind} nhưng là dòng tổng (sum_of): bỏ «sum_of» để đơn vị nhập trực tiếp, "
                           "hoặc ghi «aggregate: sum» nếu đây thật là số cộng được"
                        if not getattr(r, "aggregate", None) else
                        f"{w}: dòng tổng (sum_of) chỉ cộng được; bỏ «aggregate: {r.aggregate}» hoặc bỏ «sum_of»"))
        if isinstance(r.sum_of, list) and aggs[r.key] == "sum":  # ("all", "children": such rows left out)
            bad = [s.key for s in t.row_sum_sources(r) if aggs.get(s.key) != "sum"]
            if bad:
                out.append((r, f"{w} cộng dòng {', '.join(f'«{k}»' for k in bad)} là tỷ lệ/bình quân (không cộng "
                               "được): bỏ các dòng ấy khỏi «sum_of» (các dòng ấy không được cộng vào tổng)"))
        out += [(r, m) for m in _ratio_row_problems(r, w, aggs)]
    return out


def _ratio_row_problems(r: Any, w: str, aggs: dict[str, str]) -> list[str]:
    """A row recomputed from two summed rows (``aggregate: ratio``): both named, both summed rows of the Biểu, and
    the factor written unless it is a percentage; numerator/denominator/factor on no other row."""
    num, den, factor = getattr(r, "numerator", None), getattr(r, "denominator", None), getattr(r, "factor", None)
    if aggs[r.key] != "ratio":
        return [f"{w}: numerator/denominator/factor chỉ dùng với «aggregate: ratio»"] if num or den or factor else []
    out = []
    if not (num and den):
        out.append(f"{w}: «aggregate: ratio» cần cả numerator và denominator (khóa hai dòng đem cộng rồi chia)")
    for k in (num, den):
        if k and aggs.get(k) != "sum":
            out.append(f"{w}: «{k}» " + ("không có (phải là khóa một dòng của biểu)" if k not in aggs else
                                         "không phải dòng được cộng (tỷ lệ/bình quân), không làm tử số hay mẫu số được"))
    if factor is None and not rate_row("", getattr(r, "unit", None)) or factor is None and "/" in (r.unit or ""):
        out.append(f"{w}: ghi «factor» (hệ số nhân thương: 100 nếu là phần trăm, 10 cho tấn/ha → tạ/ha, 1 cho "
                   "triệu đồng/người)")
    return out


def factor_problems(t: Any, where: str) -> list[tuple[Any, str]]:
    """A ratio column or row of a Biểu whose ``factor`` contradicts the units it names («Năng suất (tấn/ha)» =
    «Sản lượng (tấn)» / «Diện tích (ha)» with factor 10): the factor to write instead (where the units are known)."""
    def entry(x: Any) -> dict[str, Any]:
        return {"key": x.key, "label": x.label, "unit": getattr(x, "unit", None), "group": getattr(x, "group", None),
                "type": getattr(x, "type", None) or "integer"}

    out: list[tuple[Any, str]] = []
    cols = {c.key: c for c in t.columns}
    rows = {r.key: r for r in t.rows}
    for kind, items, names in (("cột", t.columns, cols), ("dòng", t.rows, rows)):
        for x in items:
            f, num, den = getattr(x, "factor", None), getattr(x, "numerator", None), getattr(x, "denominator", None)
            if f is None or num not in names or den not in names:
                continue
            right = expected_factor(entry(x), entry(names[num]), entry(names[den]))
            if right is not None and abs(f - right) > 1e-9 * max(1.0, abs(right)):
                shown = format_decimal(right, 9)
                out.append((x, f"{where}, {kind} «{x.label}»: «factor: {format_decimal(f, 9)}» không khớp đơn vị — "
                               f"«{names[num].label}» / «{names[den].label}» ra «{x.label}» phải nhân {shown}; hãy "
                               f"ghi «factor: {right!r}»" + (" (cột tiền lưu bằng đồng, in theo đơn vị của "
                                                                  "cột)" if entry(x)["type"] == "money" else "")))
    return out


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
    if kind != "ratio" and (num or den or getattr(item, "factor", None)):
        out.append(f"{where}: numerator/denominator/factor chỉ dùng với «aggregate: ratio»")
    if kind == "ratio" and getattr(item, "factor", None) is None and not is_rate(item.type, getattr(item, "unit", None)):
        out.append(f"{where}: tỷ lệ tính lại không phải phần trăm: ghi «factor» (hệ số nhân thương: 10 cho tấn/ha → "
                   "tạ/ha, 1 cho triệu đồng/người), hoặc «type: percent» nếu là phần trăm")
    if kind == "share" and not of:
        out.append(f"{where}: «aggregate: share» cần «of: <khóa cột số lượng>»")
    if kind != "share" and of:
        out.append(f"{where}: «of» chỉ dùng với «aggregate: share»")
    if num and den and num in numeric_names and den in numeric_names and getattr(item, "factor", None) is None \
            and (numeric_names[num] == "money") != (numeric_names[den] == "money"):
        out.append(f"{where}: tử số «{num}» và mẫu số «{den}» phải cùng loại (cả hai là tiền, hoặc cả hai không phải "
                   "tiền): tiền được lưu bằng đồng, số thường lưu như đã nhập; sửa kiểu của một trong hai cột")
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
    """Whether a total row over the Biểu's top-level rows is certain to mean something when the outline does not
    say (``total``): see :func:`total_verdict`."""
    return total_verdict(t)[0] if not any(r.kind == "total" for r in t.rows) else _same_thing(t)[0]


def total_verdict(t: Any) -> tuple[bool, str]:
    """Whether the consolidated .xlsx adds a «Tổng cộng» row under a Biểu, and why (Vietnamese, for `outlines
    show`): never when it has its own total row (``kind: total``); else as its ``total`` flag says; else only when
    it is certain the top-level rows count the same thing (:func:`_same_thing`: units, places, age groups, periods
    — never different crops, products, diseases or kinds, whose sum means nothing)."""
    own = next((r for r in t.rows if r.kind == "total"), None)
    if own is not None:
        return False, f"biểu đã có dòng tổng «{own.label}»"
    if t.total is not None:
        yes = bool(t.total) and bool(summed_columns(t))
        return yes, "total: true" if yes else "total: false"
    return _same_thing(t)


def _same_thing(t: Any) -> tuple[bool, str]:
    top = [r for r in t.rows if r.level == 0 and r.kind != "total"]
    names = ", ".join(f"«{r.label}»" for r in top[:3]) + (", …" if len(top) > 3 else "")
    units = {(getattr(r, "unit", None) or "").strip().lower() for r in top} - {""}
    summed = summed_rows(t)
    if not summed_columns(t):
        return False, "không có cột số nào được cộng"
    if sum(r.kind == "group" for r in top) >= 2:
        return False, f"các dòng lớn là hai nhóm trở lên ({names}), đo những thứ khác nhau"
    if len(units) >= 2:
        return False, f"các dòng lớn khác đơn vị tính ({', '.join(f'«{u}»' for u in sorted(units))})"
    if bad := [r for r in top if r.key not in summed]:
        return False, f"dòng «{bad[0].label}» là tỷ lệ/bình quân, không cộng được"
    if part := next((r for r in top if isinstance(r.sum_of, list) or _SUBSET_ROW_RE.match(fold(r.label))), None):
        return False, f"dòng «{part.label}» đã là tổng hay một phần của các dòng khác (cộng nữa là cộng hai lần)"
    if len(top) < 2:
        return False, "chỉ có một dòng lớn"
    kinds = {_row_kind(r.label) for r in top}
    if len(kinds) == 1 and None not in kinds:
        return True, f"các dòng lớn là {kinds.pop()} ({names}), cùng đếm một thứ"
    return False, (f"chưa chắc các dòng lớn ({names}) đếm cùng một thứ: cộng các chỉ tiêu, loại cây trồng, sản "
                   "phẩm, bệnh… khác nhau là vô nghĩa")


# what a «Tổng cộng» may add up: rows that are units or places, age groups, periods of one length, school levels,
# the two sexes or areas (as written, lower case: «Sở Nội vụ» is no «Số …»); a kind of crop, product, disease or case never is
_ROW_KINDS = (
    ("các đơn vị, địa bàn", re.compile(
        r"^(?:cấp (?:tỉnh|huyện|xã|trung ương)|sở|ban|phòng(?!,? chống)|ủy ban|uỷ ban|ubnd|hđnd|hội đồng nhân dân|"
        r"cấp ủy|cấp uỷ|đảng ủy|đảng uỷ|xã(?! hội)|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh|thôn|"
        r"ấp|tổ dân phố|khu phố|khu dân cư|trường|bệnh viện|trung tâm|trạm|văn phòng|đơn vị|cơ quan|khối|các cơ quan|"
        r"các đơn vị|các xã|công an|bộ chỉ huy|mặt trận|đoàn thanh niên|hội (?:nông dân|liên hiệp|cựu chiến binh|"
        r"chữ thập đỏ|người cao tuổi)|liên đoàn lao động|chi cục|cục|kho bạc|chi nhánh|viện|tòa án|toà án)"
        r"(?=[\s,.:;(]|$)")),
    ("các nhóm tuổi", re.compile(r"^(?:(?:dưới|từ|trên|ngoài|đủ)\s+)?\d+(?:\s*(?:-|–|đến|tới)\s*\d+)?\s*tuổi\b"
                                 r"|^(?:dưới|từ|trên)\s+\d+\s*(?:-|–|đến|tới)?\s*\d*\s*tuổi\b")),
    ("các kỳ", re.compile(r"^(?P<len>tháng|quý|tuần|năm|học kỳ|\d+ tháng)\s+(?:\d|[ivx]+\b|đầu|cuối)")),
    ("các cấp học", re.compile(r"^(?:mầm non|nhà trẻ|mẫu giáo|tiểu học|thcs|thpt|trung học cơ sở|trung học phổ thông|"
                               r"giáo dục thường xuyên|gdtx)(?=[\s,.:;(]|$)")),
    ("các nhóm giới tính hay khu vực", re.compile(r"^(?:nam|nữ|nam giới|nữ giới|(?:khu vực )?thành thị|"
                                                  r"(?:khu vực )?nông thôn)$")),
)
_LEAD_RE = re.compile(r"^\s*(?:[-+*•–]\s*|(?:[IVXivx]{1,5}|\d{1,3}(?:\.\d{1,2})*|[a-zđ])[.)]\s*)+")
_SUBSET_ROW_RE = re.compile(r"^(?:[-+*•–]\s*)?(?:trong do|trong so do|trong tong so|chia ra|tong)\b")


def _row_kind(label: str) -> str | None:
    """What kind of thing a top-level row is, when a «Tổng cộng» over rows of that kind is certain to mean
    something (see :data:`_ROW_KINDS`); None otherwise."""
    text = " ".join(_LEAD_RE.sub("", unicodedata.normalize("NFC", label)).lower().split()).strip(" :")
    for name, rx in _ROW_KINDS:
        if m := rx.search(text):  # periods of one length only: «Tháng 1», «Tháng 2» — never «6 tháng đầu năm» too
            return f"{name} ({m.group('len')})" if "len" in rx.groupindex else name
    return None


def total_row(t: Any) -> bool:
    """Whether the consolidated .xlsx adds a «Tổng cộng» row under a Biểu (:func:`total_verdict`)."""
    return total_verdict(t)[0]


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


def guess_aggregate(entry: dict[str, Any], previous: dict[str, Any] | None = None,
                    before: list[dict[str, Any]] | None = None, after: list[dict[str, Any]] | None = None,
                    ) -> dict[str, Any]:
    """The importer's guess for a draft question or Biểu column (a plain dict with ``type``, ``unit``,
    ``label``/``prompt``); ``{}`` when the default (the sum) is the guess. A Biểu's rate column is consolidated
    from the columns it is a ratio of only when they are certain (:func:`_rate_column`), a share for a structure
    ("Tỷ trọng", "Cơ cấu", a bare "Tỷ lệ" after one count), and ``none`` — no figure rather than a wrong one — for a
    rise or fall and wherever its parts are not certain; an average ("BQ", "bình quân") or a per-head column
    ("(tạ/ha)", "(‰)") the units' mean; a percentage question the mean. ``before``, ``after``: the columns before
    and after it."""
    if entry.get("aggregate") or entry.get("type", "integer") not in _NUMERIC:
        return {}
    label = str(entry.get("label") or entry.get("prompt") or "")
    rate = is_rate(entry.get("type", "integer"), entry.get("unit"))
    if "label" in entry:
        before = before if before is not None else [previous] if previous else []
        guess = _column_guess(entry, label, rate, before)
        if guess == {"aggregate": "mean"} and (parts := weighted_parts(entry, before + (after or []), _countable)):
            return parts  # 'Năng suất (tạ/ha)' beside 'Diện tích (ha)', 'Sản lượng (tấn)': Σ tấn / Σ ha × 10
        if guess == {"aggregate": "mean"} and _a_rate(entry) and any(map(_countable, after or [])):
            return {"aggregate": "none"}  # 'Tỷ lệ (%) | Số đã tiêm | Số phải tiêm': its parts after it, not certain
        if guess is not None:
            return guess
    if rate or _SHARE_RE.match(label):
        return {"aggregate": "mean"}
    return {}


def _column_guess(entry: dict[str, Any], label: str, rate: bool,
                  before: list[dict[str, Any]]) -> dict[str, Any] | None:
    f, g = fold(label), fold(str(entry.get("group") or ""))
    if "‰" in label or "‰" in g:  # per thousand: a recomputed ratio would be per hundred
        return {"aggregate": "mean"}
    if _RATE_GROUP_RE.search(g):
        # 'Tỷ lệ (%)' over «Nữ», «Dân tộc thiểu số»; 'So sánh (%)' over «Dự toán», «Cùng kỳ»: each a rate
        whole = {**entry, "label": f"{entry['group']} {label}", "group": None, "type": "percent"}
        return {"type": "percent", **_rate_column(whole, before)}
    if g and (_PER_UNIT_LABEL_RE.search(g) or average_label(g) or _RATE_WORDS_RE.search(g)):
        return {"aggregate": "mean"}  # 'Năng suất (tạ/ha)', 'Thu nhập bình quân' over «Kế hoạch», «Thực hiện»
    if average_label(f) or _PER_ENTITY_RE.search(f):
        return {"aggregate": "mean"}
    slash = bool(_SLASH_ONLY_RE.fullmatch(f))
    if slash and not _plan_slash(f):  # 'GV/lớp', 'Hộ/thôn', 'Khẩu/hộ': so many per one, never a percentage
        return {"aggregate": "mean"}
    against = bool(re.match(r"\s*(?:so voi|so sanh|dat)\b", f)) or _RATE_WORDS_RE.search(f)
    if rate or slash or against or _SHARE_RE.match(label) or _WEIGHT_RE.match(label):
        guess = _rate_column(entry, before)
        if rate:
            return guess
        # no '%' written: 'TH/DT', 'So với kế hoạch' a percentage when it is a ratio of the counts, never 'lần'
        ratio = guess.get("aggregate") == "ratio" and not re.search(r"\blan\b", f)
        return {"type": "percent", **guess} if ratio else {"aggregate": "none"} if slash or against else guess
    if _PER_UNIT_LABEL_RE.search(f):
        return {"aggregate": "mean"}
    return None


def _plan_slash(f: str) -> bool:
    """'TH/DT', 'Ước TH/KH', 'UTH 2026/TH 2025': a ratio of what was done to a plan or another period (a percentage)."""
    sides = [_words(x) for x in f.split("/", 1)]
    known = {"thuc", "hien", "ke", "hoach", "du", "toan", "uoc", "prior", "chi", "tieu", "luy"}
    return all(w and all(x in known or x.isdigit() for x in w) for w in sides)


def _countable(col: dict[str, Any]) -> bool:
    """A column whose cells can be summed into a ratio's part: a count, amount or quantity — not a percentage, an
    average, or a figure per head or hectare."""
    label = str(col.get("label") or "")
    return col.get("type", "integer") in ("integer", "decimal", "money") and (col.get("unit") or "") != "%" \
        and not col.get("aggregate") and not _SHARE_RE.match(label) and not _WEIGHT_RE.match(label) \
        and not _PER_UNIT_LABEL_RE.search(fold(label)) and not average_label(fold(label)) \
        and not _SLASH_ONLY_RE.fullmatch(fold(label)) and not _RATE_WORDS_RE.search(fold(label))


def _a_rate(col: dict[str, Any]) -> bool:
    """A rate column among a Biểu's columns (passed over when looking for the counts a later rate is made of)."""
    label = str(col.get("label") or "")
    return is_rate(col.get("type", "integer"), col.get("unit")) or bool(col.get("aggregate")) \
        or bool(_SHARE_RE.match(label) or _WEIGHT_RE.match(label) or _SLASH_ONLY_RE.fullmatch(fold(label)))


def _block(entry: dict[str, Any], before: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The counts a rate column can be made of: those right before it, back to the first column that is neither a
    count nor a rate (a text column, a figure per head) or belongs to another group."""
    out: list[dict[str, Any]] = []
    for c in reversed(before):
        if entry.get("group") and c.get("group") != entry.get("group"):
            break
        if _countable(c):
            out.append(c)
        elif not _a_rate(c):
            break
    return out[::-1]


# a column whose label gives a rate or per-head unit: "Tỷ suất sinh (‰)", "Năng suất (tạ/ha)", "Mật độ (người/km2)"
_PER_UNIT_LABEL_RE = re.compile(r"\(\s*[%‰]\s*\)|[%‰]\s*$|\([^()]*/\s*(?:\d[\d.]*\s*)?(?:nguoi|ha|sao|mau|ho|km2|km²|m2|dan|van dan|"
                                r"nghin dan|lao dong|khau|xa|doan vien|dang vien|kg|lit|tan|con|tre|phu nu)\b[^()]*\)|"
                                r"/\s*(?:van dan|nghin dan|1\.?000 dan)\b")
_SLASH_ONLY_RE = re.compile(r"\s*(?:ty le\s*|so sanh\s*)?(?:[a-z0-9]{1,6}\s*){1,3}/\s*(?:[a-z0-9]{1,6}\s*){1,3}"
                            r"(?:\(\s*%\s*\))?\s*")
_RATE_GROUP_RE = re.compile(r"%|^\s*ty le\b")  # a group header over rate columns
_WEIGHT_RE = re.compile(r"^\s*(?:t[ỷỉ]\s*tr[ọo]ng|cơ\s*cấu)\b", re.IGNORECASE)  # a row's part of the whole
# "… so với dự toán", "So sánh TH/DT", "So với cùng kỳ", "Đạt % KH", "% so KH": what the rate is measured against (as
# written: «số» is no «so»; "Tỷ lệ % số người" names what is counted, not what it is measured against)
_AGAINST_RE = re.compile(r"(?<!\w)(?:so(?:\s+sánh)?(?:\s+với)?|(?:^|đạt|thực hiện|th)\s*%)(?!\w)\s*(?P<what>[^()%]*)")
# a rise or fall, a growth rate or index: the ratio less 100, or of what no column holds
_CHANGE_RE = re.compile(r"\b(?:tang|giam|chenh|bien dong|toc do|chi so phat trien)\b")
# a column that is a target or a whole: what a rate after it is measured against
_TARGET_RE = re.compile(r"\b(?:ke hoach|du toan|chi tieu|doi tuong|tong so|tong|phai|duoc giao|dang ky|du kien|"
                        r"muc tieu|tiep nhan|thu ly|de nghi|dan so|du thi|bien che|trong do tuoi)\b")
# a column that is what was done or reached (never last year's, a difference, or what is still not done)
_DONE_RE = re.compile(r"\b(?:duoc|da|dat|hoan thanh|thuc hien|uoc|luy ke|giai quyet|co|tham gia|ket qua|ra lop)\b")
_TOTAL_RE = re.compile(r"\b(?:tong|tong so|dan so|toan bo)\b")  # a total the categories are parts of
_NOT_DONE_RE = re.compile(r"\b(?:chua|khong|chenh|tang|giam|prior)\b")
_ABBREVIATIONS = {"th": "thuc hien", "dt": "du toan", "kh": "ke hoach", "ck": "cung ky", "uth": "uoc thuc hien",
                  "dtts": "dan toc thieu so", "ld": "lao dong", "hs": "hoc sinh"}
_PRIOR_RE = re.compile(r"\b(?:cung ky(?: nam truoc)?|nam truoc|ky truoc)\b")
_FILLER = frozenset({"nam", "thang", "quy", "ky", "cua", "cac", "va", "trong", "da", "duoc", "so", "voi", "sanh",
                     "ty", "le", "tr", "phan", "tram", "dat"})


def _words(text: str) -> set[str]:
    """The words that name a column: folded, "TH", "DT", "KH" spelt out, "cùng kỳ"/"năm trước" one word, no filler."""
    t = " ".join(_ABBREVIATIONS.get(w, w) for w in re.findall(r"[a-z0-9]+", fold(text)))
    t = re.sub(r"\btrong (?:do|so do)\b", " ", t)  # 'Trong đó: Nữ' is «Nữ»
    return {w for w in _PRIOR_RE.sub("prior", t).split() if w not in _FILLER}


def _col_words(col: dict[str, Any]) -> set[str]:
    return _words(f"{col.get('label') or ''} {col.get('group') or ''}")


def _named(wanted: set[str], cols: list[dict[str, Any]], prefer: Any = None) -> dict[str, Any] | None:
    """The one column every one of ``wanted``'s words names: the only one, else the only one with no other word,
    else the only one ``prefer`` holds for (what was done for a numerator, a target for a denominator); None when
    none does or it is not certain which."""
    hits = [c for c in cols if wanted and wanted <= _col_words(c)]
    exact = [c for c in hits if _col_words(c) == wanted]
    preferred = [c for c in hits if prefer is not None and prefer(c)]
    return next((x[0] for x in (hits, exact, preferred) if len(x) == 1), None)


def _is_done(c: dict[str, Any]) -> bool:
    w = f"{' '.join(sorted(_col_words(c)))} {fold(str(c.get('label') or ''))}"
    return bool(_DONE_RE.search(w)) and not _NOT_DONE_RE.search(w) and not _is_target(c)


def _is_target(c: dict[str, Any]) -> bool:
    return bool(_TARGET_RE.search(fold(f"{c.get('label') or ''} {c.get('group') or ''}")))


def _done(cols: list[dict[str, Any]]) -> dict[str, Any] | None:
    """What was done among ``cols``: a "lũy kế", else the one done column; None when there are several."""
    done = [c for c in cols if _is_done(c)]
    cumulative = [c for c in done if "luy ke" in fold(str(c.get("label")))]
    return cumulative[0] if len(cumulative) == 1 else done[0] if len(done) == 1 else None


def _ratio(num: dict[str, Any] | None, den: dict[str, Any] | None) -> dict[str, Any]:
    """The ratio of two columns — of the same kind only (money is kept in đồng, a plain number as written: a money
    column over a number column would be off by a million)."""
    if num is None or den is None or num is den or _money(num) != _money(den):
        return {"aggregate": "none"}
    return {"aggregate": "ratio", "numerator": num["key"], "denominator": den["key"]}


def _money(col: dict[str, Any]) -> bool:
    return col.get("type", "integer") == "money"


def _rate_column(entry: dict[str, Any], before: list[dict[str, Any]]) -> dict[str, Any]:
    """A rate column's consolidation: the ratio of the summed counts it names ('… so với dự toán', 'TH/DT', 'Đạt %
    KH') or is made of (a target or whole and what was done or its part, right before it); a share for a structure;
    ``none`` for a rise or fall and wherever the parts are not certain, so no figure is printed that is not the
    one asked; the mean where no count stands before it (a Biểu of rates)."""
    label = str(entry.get("label") or "")
    block = _block(entry, before)
    if _CHANGE_RE.search(fold(label)):
        return {"aggregate": "none"}
    if _WEIGHT_RE.match(label) or (len(block) == 1 and not _words(f"{label} {entry.get('group') or ''}")):
        # the share of the nearest count before it — never of a rise or fall («Kỳ này | Tăng, giảm | Tỷ trọng»:
        # a share of +5, −3 and +1 would print 166,67 % and −100 %)
        prev = next((c for c in reversed(before) if not _CHANGE_RE.search(fold(str(c.get("label") or "")))), None)
        return {"aggregate": "share", "of": prev["key"]} if prev is not None and prev in block \
            and not prev.get("sum_of") else {"aggregate": "none" if block else "mean"}
    if not block:  # a Biểu of rates: their mean; after other figures (per hectare…): not this rate's parts
        return {"aggregate": "none" if any(c.get("type", "integer") in _NUMERIC and not _a_rate(c) for c in before)
                else "mean"}
    plain = re.sub(r"\(\s*%\s*\)", " ", label.lower())  # 'So sánh (%) cùng kỳ': what follows the '(%)' too
    if "/" in plain and not ("%" in label or _plan_slash(fold(plain))):
        return {"aggregate": "mean"}  # 'Tỷ lệ giáo viên/lớp': so many per one, not a percentage of the counts
    if "/" in plain:  # 'TH/DT', 'So sánh UTH 2026/TH 2025': both parts named
        num, den = plain.split("/", 1)
        return _ratio(_named(_words(num), block, _is_done), _named(_words(den), block, _is_target))
    m = _AGAINST_RE.search(plain)
    if m and m.group("what").strip():
        den = _named(_words(m.group("what")), block, _is_target)
        rest = [c for c in block if c is not den]
        head = _words(plain[: m.start()])
        num = _named(head, rest, _is_done) if head else _done(rest) or (rest[0] if len(rest) == 1 else None)
        return _ratio(num, den)
    return _rate_of_parts(label, entry, block)


def _rate_of_parts(label: str, entry: dict[str, Any], block: list[dict[str, Any]]) -> dict[str, Any]:
    """'Tỷ lệ (%)', 'Tỷ lệ hộ nghèo (%)': the ratio of the part the label names (else the one done column) to the
    one whole among the counts before it (a target or total, or a count its label is part of: 'Số hộ' of 'Số hộ
    nghèo'); ``none`` when another count there could be the base ('Đã giải quyết' beside 'Tiếp nhận')."""
    wanted = _words(f"{label} {entry.get('group') or ''}")
    named = _named(wanted, block, _is_done) if wanted else None
    if named is not None and _is_target(named):  # 'Tỷ lệ % KH': measured against the plan, what was done over it
        return _ratio(_done([c for c in block if c is not named]), named)
    part = named if wanted else _done(block)
    if part is None and not wanted and len(block) == 2:
        part = next((c for c in block if not _is_target(c)), None) if sum(map(_is_target, block)) == 1 else None
    if part is None:
        return {"aggregate": "none"}
    pw = _col_words(part)
    siblings = [c for c in block if c is not part and wanted and pw & _col_words(c) and not _is_target(c)
                and not _col_words(c) < pw]  # 'Số hộ cận nghèo' beside 'Số hộ nghèo'
    others = [c for c in block if c is not part and c not in siblings and not _NOT_DONE_RE.search(fold(str(c.get("label"))))]
    if len(others) != 1 or (siblings and not _TOTAL_RE.search(fold(str(others[0].get("label"))))):
        return {"aggregate": "none"}  # another count could be the base, or the part is one of several categories
    return _ratio(part, others[0])
