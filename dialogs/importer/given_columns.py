"""A Biểu column printed already filled while the columns beside it are blank: the issuer's figures, not the unit's
— a scored grid's 'Điểm tối đa' / 'Điểm chuẩn' (1, 2, 1,5 in every row) beside an empty 'Điểm tự chấm'. It is not
asked: each row's printed value goes to its label ('Ban hành kế hoạch (Điểm tối đa: 1)'), so the unit sees it while
filling the row. The empty columns named like it ('Điểm …') take the kind of figure it holds (1,5 → decimal).

A Biểu filled in everywhere (a sample, a report already written) has no blank column beside: it is left alone."""

from __future__ import annotations

import re

from dialogs.text import fold

VALUE = re.compile(r"^\d{1,6}(?:[.,]\d{1,3})?$")
PLACEHOLDER = re.compile(r"^[.…\s_-]*$")
FIGURES = ("integer", "decimal", "money")
MIN_ROWS = 2


def _head(label: str) -> str:
    words = fold(label).split()
    return words[0] if words else ""


def _values(cells: dict[str, list[str]], key: str) -> list[str] | None:
    vals = cells.get(key) or []
    return vals if len(vals) >= MIN_ROWS and all(VALUE.match(v) for v in vals) else None


def drop_given_columns(draft, cells: dict[str, list[str]], labels: list[str]) -> None:
    """``cells``: each column's cells (by key) on the rows to fill, in order; ``labels``: those rows' labels. A
    column of figures printed in every row, beside a figure column blank in every row, is the issuer's: dropped,
    its values written after the row labels."""
    blank = [
        c
        for c in draft.columns
        if c.get("type", "integer") in FIGURES
        and "sum_of" not in c
        and cells.get(c["key"])
        and all(PLACEHOLDER.match(v) for v in cells[c["key"]])
    ]
    if not blank:
        return
    for col in list(draft.columns):
        vals = _values(cells, col["key"])
        if (
            vals is None
            or col.get("type", "integer") not in FIGURES
            or "sum_of" in col
            or len(draft.columns) < 2
        ):
            continue
        draft.columns.remove(col)
        rows = {r["label"]: r for r in draft.rows if r.get("kind") != "total"}
        for label, v in zip(labels, vals, strict=True):
            if label in rows:
                rows[label]["label"] = f"{label} ({col['label']}: {v})"
        fractional = any(re.search(r"[.,]", v) for v in vals)
        for c in blank:
            if _head(c["label"]) == _head(col["label"]) and c.get("type", "integer") == "integer":
                c["type"] = (
                    "decimal" if fractional or _head(c["label"]) == "diem" else c.get("type", "integer")
                )
                if c["type"] == "integer":
                    c.pop("type")
        draft.notes.append(
            f"cột «{col['label']}» in sẵn số ở mọi dòng: không hỏi, số của từng dòng ghi sau tên dòng"
        )
        return


def points_only(columns: list[dict]) -> bool:
    """Every figure column counts points ('Điểm tự chấm', 'Điểm thẩm định'): each row's cell is points whatever its
    label says ('Tỷ lệ thủ tục công khai …' is a criterion scored in points, not a rate)."""
    figures = [c for c in columns if c.get("type", "integer") in (*FIGURES, "percent")]
    return bool(figures) and all(_head(c["label"]) == "diem" for c in figures)
