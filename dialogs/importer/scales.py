"""A rating scale named once for the questions under it: 'Mức 1: Rất tốt/ Rất hài lòng', 'Mức 2: Tốt/ Hài lòng', …
'Mức 5: Không có ý kiến' in a section's heading or lines (a survey's legend, often copied as lines of their own)
→ the legend is no question, and each short question of the section is a choice of those levels. A heading that
rates on numbers ('Trên thang điểm từ 1 đến 10, …') makes the levels 1 … 10."""

from __future__ import annotations

import re

LEVEL = re.compile(r"(?i)\bmức\s*(?P<n>\d)\s*:\s*(?P<t>.+?)(?=\s+mức\s*\d\s*:|$)")
LEGEND = re.compile(r"(?i)^\s*mức\s*\d\s*:")
OWN_WORDS = re.compile(r"(?i)^(?:ý kiến|ghi chú|đề xuất|kiến nghị|nhận xét|góp ý)\b")  # written, not rated


def _levels(text: str) -> dict[int, str]:
    out = {}
    for m in LEVEL.finditer(text):
        label = re.sub(r"\s+\d{1,2}$", "", m.group("t")).strip(" .;,")
        out.setdefault(int(m.group("n")), label)
    return out


NUMBERED = re.compile(r"(?i)\b(?:thang\s+(?:điểm|đo|đánh giá)|chấm điểm|cho điểm)\s+(?:từ\s+)?1\s*(?:đến|tới|-|–)\s*(?P<n>\d{1,2})\b")


def _numbered(title: str) -> dict[int, str]:
    """'Trên thang điểm từ 1 đến 10, hãy cho biết …' (a heading over the things to rate): the levels 1 … 10."""
    m = NUMBERED.search(title)
    n = int(m.group("n")) if m else 0
    return {k: str(k) for k in range(1, n + 1)} if 3 <= n <= 10 else {}


def _is_legend(it: dict) -> bool:
    """A legend's line ('Mức 2: Tốt/ Hài lòng'), or a heading asked as a choice of the levels themselves."""
    opts = it.get("options") or []
    return bool(LEGEND.match(it["prompt"])) or (len(opts) >= 3 and all(LEGEND.match(str(o)) for o in opts))


def apply_scales(sections: list[dict]) -> None:
    """In place: each section naming three levels or more of a scale ('Mức 1: …' … 'Mức 5: …') drops the legend's
    lines and asks its short written questions as a choice of the levels, in their order."""
    for sec in sections:
        items = sec.get("items") or []
        legend = [it for it in items if "prompt" in it and _is_legend(it)]
        said = [it["prompt"] if LEGEND.match(it["prompt"]) else " ".join(it["options"]) for it in legend]
        levels = _levels(" ".join([sec.get("title") or "", *said])) or _numbered(sec.get("title") or "")
        if len(levels) < 3 or len(levels) != max(levels):  # no scale, or a scale with gaps: left as it is
            apply_scales([it for it in items if "items" in it])
            continue
        options = [levels[k] for k in sorted(levels)]
        sec["items"] = [it for it in items if not any(it is x for x in legend)]
        for it in sec["items"]:
            prompt = it.get("prompt", "")
            if it.get("type") == "longtext" and len(prompt.split()) <= 25 and not OWN_WORDS.match(prompt):
                it["type"], it["options"] = "choice", options
