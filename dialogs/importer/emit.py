"""YAML text of the draft, in the project's outline format, with '# ?' comments on unsure points."""

from __future__ import annotations

import json
from typing import Any

from dialogs.figures import guess_aggregate


def _scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return str(v)
    if v is None:
        return "null"
    return json.dumps(str(v), ensure_ascii=False)


def _flow(v: Any) -> str:
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_flow(x)}" for k, x in v.items() if not k.startswith("_")) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_flow(x) for x in v) + "]"
    return _scalar(v)


def _is_simple(v: Any) -> bool:
    if isinstance(v, dict):
        return all(not isinstance(x, dict | list) or (isinstance(x, list) and all(not isinstance(y, dict | list) for y in x))
                   for k, x in v.items() if not k.startswith("_"))
    return not isinstance(v, list)


def _mapping(d: dict, indent: int, out: list[str], first_prefix: str | None = None) -> None:
    if "prompt" in d and (guess := guess_aggregate(d)):  # how the figure is consolidated: a guess to check
        d = {**d, **guess, "_comments": {**d.get("_comments", {}), "aggregate": "? cách tổng hợp đoán theo kiểu, đơn vị"}}
    comments = d.get("_comments", {})
    pad = " " * indent
    first = True
    for k, v in d.items():
        if k.startswith("_"):
            continue
        lead = (first_prefix if first and first_prefix is not None else pad)
        first = False
        note = f"  # {comments[k]}" if k in comments else ""
        if isinstance(v, dict):
            if k in ("source", "period", "visible_if") or (k not in ("table",) and _is_simple(v) and len(_flow(v)) < 100):
                out.append(f"{lead}{k}: {_flow(v)}{note}")
            else:
                out.append(f"{lead}{k}:{note}")
                _mapping(v, indent + 2, out)
        elif isinstance(v, list):
            if all(not isinstance(x, dict | list) for x in v):
                out.append(f"{lead}{k}: {_flow(v)}{note}")
            elif k in ("columns", "rows", "fields"):
                out.append(f"{lead}{k}:{note}")
                for i, x in enumerate(v):
                    guess = guess_aggregate(x, v[i - 1] if i else None, v[:i], v[i + 1:]) if k == "columns" else {}
                    out.append(f"{pad}  - {_flow({**x, **guess})}" + ("  # ? cách tổng hợp đoán theo tên cột" if guess else ""))
            else:
                out.append(f"{lead}{k}:{note}")
                for x in v:
                    _mapping(x, indent + 4, out, first_prefix=f"{pad}  - ")
        else:
            out.append(f"{lead}{k}: {_scalar(v)}{note}")
            if k == "prompt" and "label" not in d and isinstance(v, str) and (label := proposed_label(v)):
                out.append(f"{pad}label: {_scalar(label)}  # ? nhãn trong báo cáo tổng hợp, sửa nếu cần")


def proposed_label(prompt: str) -> str | None:
    """The report's statement for a question worded as a question (issue 20's rule), else None."""
    from dialogs.labels import label_rule

    label = label_rule(prompt)
    asked = "?" in prompt or "bao nhiêu" in prompt.lower()
    still = "?" in label or "bao nhiêu" in label.lower()  # ('… là bao nhiêu?' the rule cannot restate: no label)
    return label if asked and not still and label != prompt.strip() and len(label) <= 160 else None


def to_yaml(data: dict, header: list[str]) -> str:
    out = [f"# {h}" for h in header]
    _mapping(data, 0, out)
    return "\n".join(out) + "\n"
