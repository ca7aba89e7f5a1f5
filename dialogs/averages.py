"""An average the Biểu holds the parts of, recomputed from the consolidated parts (weighted), never their plain mean.

«Năng suất (tạ/ha)» beside «Diện tích (ha)» and «Sản lượng (tấn)»: the province's yield is its output over its area
(Σ tấn ÷ Σ ha × 10 for tạ/ha), not the mean of the communes' yields — a commune of 5 ha weighs as much as one of 500
ha in that mean. «Thu nhập bình quân (triệu đồng/người)» beside «Tổng thu nhập (triệu đồng)» and «Số người»: the
total over the people. The parts are taken only when certain: one column (row) of the average's numerator measure and
one of its denominator's, in units whose factor is certain (tấn, tạ, kg; ha, m2; đồng, triệu đồng; a count of the
same thing). An average whose parts are in the Biểu but not certain (two output columns, an unknown unit) is not
consolidated (``none``): its plain mean would mislead; one whose parts are not both there keeps the plain mean,
which the note under the Biểu calls «trung bình cộng của N đơn vị (không gia quyền)»."""

from __future__ import annotations

import re
from typing import Any

from dialogs.text import fold

# the size of each unit in its measure's base unit (kg, m2, đồng, lít): the factor between two units of one measure
_MEASURES: dict[str, tuple[str, float]] = {
    "tan": ("mass", 1000), "ta": ("mass", 100), "yen": ("mass", 10), "kg": ("mass", 1),
    "ha": ("area", 10000), "m2": ("area", 1), "m²": ("area", 1), "km2": ("area", 1e6), "km²": ("area", 1e6),
    "dong": ("money", 1), "d": ("money", 1), "nghin dong": ("money", 1e3), "ngan dong": ("money", 1e3),
    "trieu dong": ("money", 1e6), "ty dong": ("money", 1e9),
    "lit": ("volume", 1), "m3": ("volume", 1000),
    "sao": ("area", 0), "mau": ("area", 0),  # a sào, a mẫu: their size differs by region — no certain factor
}
# what a count counts: "người", "hộ"; a column "Số người", "Dân số", "Số nhân khẩu" counts people
_COUNTS = ("nguoi", "ho", "lao dong", "hoc sinh", "nhan khau", "khau", "con", "lop", "xa", "doanh nghiep")
_PEOPLE_RE = re.compile(r"^(?:tong\s+)?(?:so\s+(?:nguoi|nhan khau|dan)|dan so)\b")
_BRACKET_RE = re.compile(r"\(([^()]+)\)\s*$")


def measure(unit: str) -> tuple[str, float] | None:
    """A unit's measure and size ("tấn" → ("mass", 1000), "người" → ("count:nguoi", 1)); None when unknown."""
    u = " ".join(fold(unit).replace(".", " ").split())
    if u in _MEASURES:
        return _MEASURES[u]
    return (f"count:{u}", 1.0) if u in _COUNTS else None


def per_unit(label: str, unit: str | None, group: str | None = None) -> tuple[str, str] | None:
    """The two sides of a figure per something, from its unit or the bracket after its label or group:
    "tạ/ha" → ("tạ", "ha"); None when it is no such figure or per more than one thing ("triệu đồng/người/tháng":
    which period the total covers is not certain)."""
    brackets = [m.group(1) for x in (label, group or "") if (m := _BRACKET_RE.search(x))]
    for text in (unit or "", *brackets):
        if text.count("/") == 1:
            num, den = (x.strip() for x in text.split("/"))
            if num and den:
                return num, den
    # 'Bình quân thu nhập/người (triệu đồng)': per what in the name, the numerator's unit in the bracket
    name = _BRACKET_RE.sub("", label).strip()
    m = re.search(r"/\s*(\w+(?:\s\w+)?)$", name)
    if m and name.count("/") == 1 and measure(m.group(1)) and (whole := next(
            (x for x in (unit or "", *brackets) if x and "/" not in x), None)):
        return whole.strip(), m.group(1)
    return _counts_per(name)


def _counts_per(name: str) -> tuple[str, str] | None:
    """'Bình quân học sinh/lớp' (no unit written): a count per a count, both things the Biểu counts («Số học
    sinh», «Số lớp») — the sides are the words either side of the slash, when both are known counts."""
    m = re.search(r"(\w+(?:\s\w+)?)\s*/\s*(\w+(?:\s\w+)?)$", name)
    if not m or name.count("/") != 1:
        return None
    den = next((d for d in (m.group(2), m.group(2).split()[0]) if (x := measure(d)) and x[0].startswith("count:")),
               None)
    num = next((n for n in (m.group(1), m.group(1).split()[-1]) if (x := measure(n)) and x[0].startswith("count:")),
               None)
    return (num, den) if num and den else None


def _column_measure(col: dict[str, Any], via_group: bool) -> tuple[str, float] | None:
    """What a column counts or measures, in which unit: money is kept in đồng; else its unit or bracket."""
    if col.get("type", "integer") == "money":
        return "money", 1.0
    texts = [col.get("unit") or "", *(m.group(1) for m in [_BRACKET_RE.search(str(col.get("label") or ""))] if m)]
    if via_group:
        texts += [m.group(1) for m in [_BRACKET_RE.search(str(col.get("group") or ""))] if m]
    for text in texts:
        if "/" not in text and (found := measure(text)):
            return found
    name = _BRACKET_RE.sub("", fold(str(col.get("label") or ""))).strip()
    if _PEOPLE_RE.match(name):
        return "count:nguoi", 1.0
    m = re.match(r"^(?:tong\s+)?so\s+(\w+(?:\s\w+)?)", name)
    for noun in (m.group(1), m.group(1).split()[0]) if m else ():
        if noun in _COUNTS:
            return f"count:{noun}", 1.0
    return None


def weighted_parts(entry: dict[str, Any], columns: list[dict[str, Any]],
                   summed: Any = lambda c: True) -> dict[str, Any] | None:
    """The consolidation of a figure-per-something column from the Biểu's own parts (``columns``: the others):
    ``ratio`` of the one numerator and the one denominator column with the factor between the units; ``none`` when
    the parts are there but which ones, or the factor, is not certain; None when the Biểu has no such parts (the
    plain mean stays). ``summed``: whether a column is a count summed over units."""
    sides = per_unit(str(entry.get("label") or ""), entry.get("unit"), entry.get("group"))
    if sides is None:
        return None
    via_group = per_unit("", None, entry.get("group")) is not None and not per_unit(str(entry.get("label")), entry.get("unit"))
    if via_group:  # 'Năng suất (tạ/ha)' over «KH», «TH»: the parts are the «KH», «TH» of other groups
        cands = [c for c in columns if c.get("label") == entry.get("label") and c.get("group") != entry.get("group")]
    else:
        cands = [c for c in columns if c.get("group") == entry.get("group")]
    cands = [c for c in cands if c is not entry and summed(c)]
    want = [measure(s) for s in sides]
    if entry.get("type") == "money" and want[0] and want[0][0] == "money":
        want[0] = ("money", 1.0)  # a money column is kept in đồng whatever unit it is typed in
    found = [(c, _column_measure(c, via_group)) for c in cands]
    nums = [(c, m) for c, m in found if m and want[0] and m[0] == want[0][0]]
    dens = [(c, m) for c, m in found if m and want[1] and m[0] == want[1][0]]
    if not nums or not dens:
        return None  # 'Giá bình quân (đồng/kg)' beside 'Sản lượng bán (kg)' only: what it is made of is not all there
    if len(nums) != 1 or len(dens) != 1 or nums[0][0] is dens[0][0] or not all(x[1] for x in (*want, nums[0][1],
                                                                                                dens[0][1])):
        return {"aggregate": "none"}
    (num, nm), (den, dm) = nums[0], dens[0]
    factor = nm[1] / want[0][1] * want[1][1] / dm[1]  # type: ignore[index]
    return {"aggregate": "ratio", "numerator": num["key"], "denominator": den["key"], "factor": _round(factor)}


def expected_factor(entry: dict[str, Any], num: dict[str, Any], den: dict[str, Any]) -> float | int | None:
    """The factor a figure per something («Năng suất (tấn/ha)», «Giá trị/ha (triệu đồng/ha)») must be written with,
    from the units of its own label and of its numerator's and denominator's (tấn/ha from tấn and ha: 1; tạ/ha: 10;
    a ``money`` column is kept in đồng and printed in its unit: 1); None when a unit is not known for certain."""
    sides = per_unit(str(entry.get("label") or ""), entry.get("unit"), entry.get("group"))
    if sides is None:
        return None
    want = [measure(x) for x in sides]
    if entry.get("type") == "money" and want[0] and want[0][0] == "money":
        want[0] = ("money", 1.0)
    nm, dm = _column_measure(num, True), _column_measure(den, True)
    if not (want[0] and want[1] and nm and dm) or nm[0] != want[0][0] or dm[0] != want[1][0] \
            or not all(x[1] for x in (want[0], want[1], nm, dm)):
        return None
    return _round(nm[1] / want[0][1] * want[1][1] / dm[1])


def _round(x: float) -> float | int:
    r = round(x, 9)
    return int(r) if r == int(r) else r


def weighted_rows(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The rows of a Biểu of indicators (each with its «ĐVT») that are a figure per something whose parts are rows
    of the Biểu ("Năng suất lúa | tạ/ha" beside "Diện tích lúa | ha", "Sản lượng lúa | tấn"): key → its ``ratio``
    (or ``none``). Several rows of a part's measure: the one sharing the most words with the row, when only one does."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        sides = per_unit("", r.get("unit"))
        if sides is None:
            continue
        want = [measure(s) for s in sides]
        found = [(k, measure(k.get("unit") or "")) for k in rows if k is not r and "/" not in (k.get("unit") or "")]
        picks = []
        for i, w in enumerate(want):
            alike = [(k, m) for k, m in found if m and w and m[0] == w[0] and not k.get("aggregate")]
            picks.append(_closest(r, alike, named=i == 0))  # the numerator names what the row is of
        if not all(any(m and w and m[0] == w[0] for _, m in found) for w in want):
            continue  # a part's measure is not in the Biểu at all: the plain mean stays
        if None in want or None in picks or not all(x[1] for x in (*want, *(p[1] for p in picks))):  # type: ignore[index]
            out[r["key"]] = {"aggregate": "none"}
            continue
        (num, nm), (den, dm) = picks  # type: ignore[misc]
        out[r["key"]] = {"aggregate": "ratio", "numerator": num["key"], "denominator": den["key"],
                         "factor": _round(nm[1] / want[0][1] * want[1][1] / dm[1])}  # type: ignore[index]
    return out


def _closest(r: dict[str, Any], alike: list[tuple[dict[str, Any], Any]],
             named: bool = False) -> tuple[dict[str, Any], Any] | None:
    """The one row of ``alike`` naming what ``r`` names ("lúa" of "Năng suất lúa"): the only one sharing the most
    words with it (at least one); or, unless ``named`` (a numerator must name it: «Sản lượng lúa» is never the
    numerator of «Năng suất ngô»), the only row there is."""
    if len(alike) == 1 and not named:
        return alike[0]
    mine = _content(r["label"])
    score = [(len(mine & _content(k["label"])), (k, m)) for k, m in alike]
    best = max((s for s, _ in score), default=0)
    top = [x for s, x in score if s == best]
    return top[0] if best and len(top) == 1 else None


_FILLER = frozenset({"so", "tong", "binh", "quan", "bq", "cua", "cac", "va", "trong", "do", "nam", "thang", "ky",
                     "tren", "dau", "moi", "theo", "chia", "ra", "trung"})


def _content(label: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", fold(label))) - _FILLER
