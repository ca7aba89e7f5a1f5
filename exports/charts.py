"""Pictures for supervisors, as PNG bytes: who has reported, by sub-unit (/tiendo), and the key figures over
the last periods (/tonghop, `baocao export --chart`).

Rendered headless with matplotlib's Agg canvas (no pyplot, no global state: safe in a worker thread), in
DejaVu Sans — shipped with matplotlib, it has every Vietnamese letter with its diacritics — set explicitly
so no font is looked up by family and no fallback warning is printed. Sized for a phone: 1080 px wide.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import datetime
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from dialogs.parsing import format_decimal, format_integer  # noqa: E402
from exports.progress import SubCount  # noqa: E402
from exports.trends import History, Series  # noqa: E402

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT_FILE = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD_FILE = FONT_DIR / "DejaVuSans-Bold.ttf"
for _f in (FONT_FILE, FONT_BOLD_FILE):
    font_manager.fontManager.addfont(str(_f))
FONT_FAMILY = font_manager.FontProperties(fname=str(FONT_FILE)).get_name()  # "DejaVu Sans"
RC = {"font.family": [FONT_FAMILY], "font.size": 11, "axes.titlesize": 12, "svg.fonttype": "none",
      "axes.unicode_minus": False}

DPI = 135
WIDTH_IN = 8.0  # 1080 px
TZ: ZoneInfo | None = None  # None: the configured zone (dialogs.localtime)
COLORS = {"submitted": "#2e7d32", "late": "#9ccc65", "draft": "#f9a825", "not_started": "#c62828"}
LEGEND = {"submitted": "Đã nộp", "late": "Nộp muộn", "draft": "Đang làm", "not_started": "Chưa làm"}
MAX_ROWS = 36  # sub-units drawn; the rest (the furthest ahead) are summed into one last bar
ROW_IN = 0.30
HEAD_IN = 1.25
FOOT_IN = 0.75


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buf = BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    return buf.getvalue()


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def text_width_in(text: str, size: float) -> float:
    """The width of ``text`` in DejaVu Sans at ``size`` points, in inches (from the font's advances)."""
    from matplotlib.ft2font import FT2Font

    f = _FONT.get(size)
    if f is None:
        f = _FONT[size] = FT2Font(str(FONT_FILE))
        f.set_size(size, 72)
    f.set_text(text)
    return f.get_width_height()[0] / 64 / 72


_FONT: dict[float, object] = {}


def number_text(v: float, qtype: str = "decimal") -> str:
    """Vietnamese number forms: 1234 → "1.234", 12.5 → "12,5", percent → "12,5%"."""
    if qtype == "percent":
        return f"{format_decimal(v, 1)}%"
    if qtype == "integer" or float(v).is_integer():
        return format_integer(v)
    return format_decimal(v, 2 if abs(v) < 100 else 1)


def deadline_text(deadline: datetime | None, now: datetime | None, tz: ZoneInfo | None = TZ) -> str:
    """"Hạn nộp 16:00 ngày 26/11/2026 (còn 1 ngày 4 giờ)" or "(đã quá hạn 3 giờ)"."""
    if deadline is None:
        return ""
    from dialogs.periods import left_text, local_text

    text = f"Hạn nộp {local_text(deadline, tz)}"
    return text + (f" ({left_text(deadline, now)})" if now is not None else "")


# --------------------------------------------------------------------------- /tiendo


def order_rows(rows: Sequence[SubCount], max_rows: int = MAX_ROWS) -> list[SubCount]:
    """Most behind first (lowest share submitted, then most not started); beyond ``max_rows`` the rest —
    the furthest ahead — are summed into one last row "N đơn vị khác"."""
    ordered = sorted(rows, key=lambda r: (r.share, -r.not_started / (r.total or 1), -r.total, r.name))
    if len(ordered) <= max_rows:
        return ordered
    keep, rest = ordered[: max_rows - 1], ordered[max_rows - 1:]
    agg = SubCount(f"{len(rest)} đơn vị khác (gộp)", sum(r.total for r in rest), sum(r.submitted for r in rest),
                   sum(r.draft for r in rest), sum(r.not_started for r in rest), sum(r.late for r in rest))
    return keep + [agg]


NAME_ROOM_IN = 0.45 * WIDTH_IN - 0.3  # the widest unit name column (inches)


def fit_name(name: str, room_in: float, size: float) -> str:
    """A unit's name whole when it fits in ``room_in`` inches, else cut at a word with "…"."""
    name = " ".join(name.split())
    if text_width_in(name, size) <= room_in:
        return name
    words = name.split(" ")
    while len(words) > 1 and text_width_in(" ".join(words) + "…", size) > room_in:
        words.pop()
    return " ".join(words) + "…"


def progress_chart_size(n_rows: int) -> tuple[int, int]:
    """The picture's size in pixels for ``n_rows`` drawn rows (after :func:`order_rows`)."""
    return round(WIDTH_IN * DPI), round((HEAD_IN + FOOT_IN + max(n_rows, 3) * ROW_IN) * DPI)


def _row_note(r: SubCount) -> str:
    if r.questions is not None:  # one unit: its own state
        if r.submitted:
            return "nộp muộn" if r.late else "đã nộp"
        if r.not_started:
            return "chưa làm"
        return f"đang làm {r.answered}/{r.questions} câu"
    return f"{r.submitted}/{r.total}"


def progress_chart(rows: Sequence[SubCount], *, title: str, period: str, scope: str = "",
                   deadline: datetime | None = None, now: datetime | None = None, tz: ZoneInfo | None = TZ,
                   max_rows: int = MAX_ROWS, levels: Sequence[str] = ()) -> bytes:
    """Submitted / in progress / not started per sub-unit, as shares of each one's units (horizontal
    stacked bars, most behind on top), with "đã nộp/tổng" at the right of each bar; the heading gives the
    outline, period, scope, overall count and the deadline with the time left, and ``levels``: one line per level
    as the reporting regime counts it (on time, late, missing). PNG bytes, 1080 px wide."""
    drawn = order_rows(rows, max_rows)
    total = sum(r.total for r in rows)
    done = sum(r.submitted for r in rows)
    late = sum(r.late for r in rows)
    show_late = late > 0
    w, h = progress_chart_size(len(drawn))
    h += round(len(levels) * 17 / 72 * DPI)
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(w / DPI, h / DPI), dpi=DPI)
        hin = h / DPI
        names = [fit_name(r.name, NAME_ROOM_IN, 11) for r in drawn]
        label_in = max((text_width_in(n, 11) for n in names), default=1.0)
        left = min(0.45, (0.25 + label_in) / WIDTH_IN)
        head_in = HEAD_IN + len(levels) * 17 / 72
        ax = fig.add_axes((left, FOOT_IN / hin, 0.87 - left, 1 - (head_in + FOOT_IN) / hin))
        y = list(range(len(drawn)))
        if show_late:
            segments = [("submitted", [r.submitted - r.late for r in drawn]), ("late", [r.late for r in drawn])]
        else:
            segments = [("submitted", [r.submitted for r in drawn])]
        segments += [("draft", [r.draft for r in drawn]), ("not_started", [r.not_started for r in drawn])]
        start = [0.0] * len(drawn)
        for key, counts in segments:
            widths = [100 * c / (r.total or 1) for c, r in zip(counts, drawn, strict=True)]
            boxes = [[(x0, yi - 0.36), (x0 + wi, yi - 0.36), (x0 + wi, yi + 0.36), (x0, yi + 0.36)]
                     for x0, wi, yi in zip(start, widths, y, strict=True) if wi > 0]
            ax.add_collection(PolyCollection(boxes, facecolors=COLORS[key], edgecolors="none", label=LEGEND[key]))
            start = [a + b for a, b in zip(start, widths, strict=True)]
        ax.set_yticks(y, names)
        ax.set_ylim(len(drawn) - 0.5, -0.5)
        ax.set_xlim(0, 100)
        ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
        ax.tick_params(axis="y", length=0)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        for yi, r in zip(y, drawn, strict=True):
            ax.text(101.5, yi, _row_note(r), va="center", ha="left", fontsize=10)
        pct = f"{format_decimal(100 * done / total, 0)}%" if total else "0%"
        line2 = " · ".join(x for x in (period, scope) if x)
        if len(drawn) < len(rows):
            line2 += f" · {len(drawn) - 1} đơn vị chậm nhất trước"
        head = [(_short(title, 60), 14, "bold"), (_short(line2, 90), 11, "normal"),
                (f"Đã nộp {format_integer(done)}/{format_integer(total)} đơn vị ({pct})", 11, "bold"),
                (deadline_text(deadline, now, tz), 11, "normal")] + [(_short(x, 100), 11, "normal") for x in levels]
        ytop = 1 - 0.12 / hin
        for text, size, weight in head:
            if text:
                fig.text(0.03, ytop, text, fontsize=size, fontweight=weight, va="top", ha="left")
                ytop -= (size + 6) / 72 / hin
        fig.legend(loc="lower center", ncol=len(segments), frameon=False, bbox_to_anchor=(0.5, 0.0), fontsize=10)
        return _png(fig)


# --------------------------------------------------------------------------- /tonghop


def history_chart_size(n_series: int) -> tuple[int, int]:
    return round(WIDTH_IN * DPI), round((0.9 + max(n_series, 1) * 2.1) * DPI)


def history_chart(history: History, *, title: str = "", series: Sequence[Series] | None = None,
                  max_series: int = 5) -> bytes | None:
    """The key figures against the previous periods: one small line chart per question (its own scale),
    the questions with the largest changes (``history.top``) unless ``series`` is given; values labelled in
    Vietnamese number forms. None when there is nothing to compare (fewer than two periods with figures)."""
    chosen = list(series) if series is not None else history.top(max_series)
    if not chosen or len(history.labels) < 2:
        return None
    w, h = history_chart_size(len(chosen))
    labels = [tick_label(x, len(history.labels)) for x in history.labels]
    x = list(range(len(labels)))
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(w / DPI, h / DPI), dpi=DPI)
        hin = h / DPI
        fig.text(0.03, 1 - 0.12 / hin, _short(title or "Số liệu chính qua các kỳ", 64), fontsize=14,
                 fontweight="bold", va="top")
        fig.text(0.03, 1 - 0.45 / hin, _short(f"{history.scope_name} · {len(labels)} kỳ gần nhất", 80), fontsize=11,
                 va="top")
        top = 1 - 0.9 / hin
        panel = 2.1 / hin
        for i, s in enumerate(chosen):
            ax = fig.add_axes((0.15, top - (i + 1) * panel + 0.62 / hin, 0.81, panel - 1.02 / hin))
            _history_panel(ax, s, x, labels)
        return _png(fig)


def tick_label(label: str, n: int) -> str:
    """A period's name under the axis, whole, on up to three lines ("Tuần 47/2026\n(16/11–22/11)")."""
    width = 12 if n > 4 else 24
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)[:3])


def tonghop_chart(c, history: History | None = None, *, max_series: int = 5) -> bytes | None:
    """/tonghop's picture for a consolidation: ``history`` (from :func:`exports.trends.period_history`) with
    this report's own totals as the last period, or this period against the previous one without it."""
    from exports.trends import history_from_consolidation

    hist = history.with_current(c) if history is not None else history_from_consolidation(c)
    return history_chart(hist, title=f"Số liệu chính «{c.outline.short}»", series=with_headline(hist, max_series))


def with_headline(hist: History, n: int) -> list[Series]:
    """The figures that moved most, the report's headline total among them: the outline's first "Tổng số …"
    with known values takes the last place when it did not move enough to be chosen."""
    chosen = hist.top(n)
    head = next((s for s in hist.series if s.label.lower().startswith("tổng") and s.known), None)
    if head is None or head in chosen or not chosen:
        return chosen
    return [head] + chosen[: n - 1]


def _history_panel(ax, s: Series, x: list[int], labels: list[str]) -> None:
    pts = [(xi, v) for xi, v in zip(x, s.values, strict=False) if v is not None]
    head = f"{s.number} {s.label}".strip() + (f" ({s.unit})" if s.unit else "")
    if pts:  # the headline figure: this period's total, first on the panel
        head = f"{number_text(pts[-1][1], s.qtype)} — {head}"
    ax.set_title("\n".join(textwrap.wrap(head, 80)[:2]), loc="left", fontsize=10.5)
    count = s.qtype in ("integer", "money")
    if pts:
        xs, vs = zip(*pts, strict=True)
        ax.plot(xs, vs, marker="o", color="#1565c0", linewidth=2)
        for k, (xi, v) in enumerate(pts):
            above = _label_above(vs, k)
            ax.annotate(number_text(v, s.qtype), (xi, v), textcoords="offset points", xytext=(0, 7 if above else -8),
                        ha="center", va="bottom" if above else "top", fontsize=9,
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85})
        lo, hi = min(vs), max(vs)
        pad = (hi - lo) * 0.3 or max(abs(hi) * 0.1, 1)
        bottom = 0.0 if count and lo >= 0 else lo - pad  # a count starts at 0: a change of 2 on 2.000 is small
        ax.set_ylim(bottom, hi + max(pad, (hi - bottom) * 0.25))  # room for the labels above the highest point
    ax.set_xticks(x, labels, fontsize=8.5)
    ax.set_xlim(-0.4, len(x) - 0.6)
    ax.yaxis.set_major_locator(MaxNLocator(4, integer=s.qtype == "integer"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: number_text(v, s.qtype if s.qtype == "percent" else "")))
    ax.grid(axis="y", color="#dddddd")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _label_above(vs: Sequence[float], k: int) -> bool:
    """A value's label goes on the side away from the line: above a peak or a rise, below a dip."""
    prev = vs[k - 1] if k > 0 else None
    nxt = vs[k + 1] if k + 1 < len(vs) else None
    around = [x for x in (prev, nxt) if x is not None]
    return not around or vs[k] >= sum(around) / len(around)


__all__ = ["progress_chart", "history_chart", "tonghop_chart", "order_rows", "progress_chart_size", "history_chart_size",
           "number_text", "deadline_text", "FONT_FILE"]
