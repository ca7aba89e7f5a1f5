"""The consolidated report as .xlsx: a summary sheet, one sheet per Biểu in its layout with the total row,
every unit's figures with change columns, one sheet per list, and completeness.

Written with openpyxl in write-only mode (streamed, so 5.000 units fit in memory and in seconds). Frozen
headers, column widths measured from the content, print-ready sheets (A4, one page wide, landscape when wide,
header rows repeated on each page, header with the report and period, footer "Trang 1/3"), readable
sheet names ("I.1.a Nhiệm vụ đã hoàn thành", "Biểu 1B Kết quả công tác…"), native line charts of the key
figures over the last periods on the summary sheet, number formats ("#,##0" → 1.234 and "0.0%" → 12,5% in a Vietnamese locale), filters.
Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is neutralised.
"""

from __future__ import annotations

import functools
import re
from copy import copy
from dataclasses import dataclass
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.drawing.text import Font as TextFont
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from dialogs.answers import format_scalar, item_unit, numeric
from dialogs.figures import (
    aggregate_of,
    figure_type,
    row_marks,
    row_units,
    total_row,
    unsummed_note,
)
from dialogs.labels import report_label
from dialogs.localtime import local_naive
from dialogs.outline import NUMERIC_TYPES
from dialogs.parsing import money_shown, money_unit
from exports.added_total import added_total
from exports.consolidate import Consolidation, Item, ListSummary, TableSummary, number_of
from exports.gcpause import gc_paused
from exports.phrases import clean, compared_note, provisional_note
from exports.trends import History, history_from_consolidation
from exports.xlsx_rows import Look, RowWriter, Styled
from exports.xlsx_style import (
    BOX,
    DATE_FMT,
    DEC_FMT,
    FONT_NAME,
    HEAD_FILL,
    INT_FMT,
    WRAP,
    cut,
    sheet_title,
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# «- Diện tích», «+ Lúa»: a list mark and a space, no formula (an apostrophe before it would show in the cell)
LIST_MARK = re.compile(r"^[-+]\s+[^\W\d_]")
BODY_FONT = Font(name=FONT_NAME, size=11)
HEAD_FONT = Font(name=FONT_NAME, size=11, bold=True)
WRAP_BODY = Alignment(wrap_text=True, vertical="center")
MIDDLE = Alignment(vertical="center")  # a row with wrapped text: its other cells centred beside it
HEAD_BORDER = BOX
CELL_BORDER = HEAD_BORDER  # data cells are bordered like the header
CHANGE_HEAD = "Tăng/giảm so với kỳ trước"
PCT_FMT = "0.0%"


def safe_text(value: Any) -> str:
    """Text for a cell: XML-safe, and never run as a formula (a leading apostrophe makes it plain text)."""
    s = clean(value)
    if s.startswith(FORMULA_START) and not LIST_MARK.match(s):
        return "'" + s
    return s


SAMPLE_ROWS = 400  # rows measured for the column widths before the sheet starts streaming
MAX_WIDTH = 60  # characters; longer text wraps
TEXT_COL = 28  # the widest text column of a Biểu (longer text wraps)
WIDE = 100  # a sheet wider than this (characters) prints landscape
PAGE_CHARS = 150  # about what a landscape A4 page shows readably; a sheet wider than two pages is printed
# that many pages wide (its key columns repeated on each) instead of shrunk to one unreadable page


@dataclass(frozen=True)
class PrintInfo:
    """What every sheet's printed page carries: the report's title and period in the header."""
    title: str
    period: str

    def header(self) -> str:
        text = f"{cut(self.title, 150)} — {self.period}"
        return text.replace("&", "&&")


class _Sheet:
    """One write-only sheet: the first rows are held back until the column widths are measured from them
    (header cells count up to their longest word, titles not at all); then widths, frozen panes and the print
    set-up (A4, one page wide, landscape when wide, header rows repeated, header and "Trang &P/&N" footer)
    are written and the rows stream."""

    def __init__(self, wb: Workbook, title: str, info: PrintInfo, *, head_rows: tuple[int, int] | None = (1, 1),
                 freeze: str | None = "A2", min_widths: dict[int, float] | None = None,
                 max_widths: dict[int, float] | None = None, repeat_cols: str | None = None):
        self.ws = wb.create_sheet(title=_sheet_title(title, wb))
        self._out = RowWriter(self.ws)  # rows as XML strings: openpyxl's per-cell writer is the slow part
        self.info = info
        self.head_rows = head_rows
        self.freeze = freeze
        self.min_widths = min_widths or {}
        self.max_widths = max_widths or {}
        self.repeat_cols = repeat_cols
        self.rows = 0
        self.ncols = 0
        self._buffer: list[tuple[list[Any], bool]] | None = []
        self._widths: list[float] = []
        self._wraps = 0  # wrapping cells made since the last row was appended (that row needs a height)
        self._measure: dict[int, float] = {}
        self._looks: dict[tuple[str | None, bool, bool], Look] = {}  # the big sheets' cell styles
        self._cell_styles: dict[tuple[str | None, bool, bool, bool, bool], Any] = {}  # a look → its style array
        self._in_title = False
        self._titles: list[int] = []  # rows holding a title: merged across the table and wrapped at the flush
        self.spans: dict[int, dict[int, int]] = {}  # row → {column index: merged columns} (grouped headers)

    def cell(self, value: Any, fmt: str | None = None, *, bold: bool = False, head: bool = False,
             wrap: bool | None = None) -> WriteOnlyCell:
        """A styled cell; text longer than the widest column wraps unless ``wrap`` is False."""
        if isinstance(value, str):
            value = safe_text(value)
        c = WriteOnlyCell(self.ws, value=value)
        if isinstance(value, str):
            c.data_type = "s"
            wrap = wrap is not False and (wrap or len(value) > MAX_WIDTH)
        key = (fmt, bold, head, bool(wrap), self._in_title)
        style = self._cell_styles.get(key)
        if style is not None:  # the same look as an earlier cell: its style, without hashing each part again
            c._style = copy(style)
            self._wraps += bool(wrap) and not head
            return c
        if fmt:
            c.number_format = fmt
        if head:
            c.font = HEAD_FONT
            c.fill = HEAD_FILL
            c.alignment = WRAP
            c.border = HEAD_BORDER
        else:
            if bold:
                c.font = HEAD_FONT
            c.alignment = WRAP_BODY if wrap else MIDDLE
            if not self._in_title:
                c.border = CELL_BORDER
            self._wraps += bool(wrap)
        self._cell_styles[key] = copy(c._style)
        return c

    def text(self, value: Any, col: int | None = None, *, limit: int = MAX_WIDTH) -> Any:
        """A plain text value; a wrapping cell only when longer than ``limit`` (pass ``col`` on big sheets)."""
        s = safe_text(value)
        if len(s) <= limit:
            return s
        return self.cell(s) if col is None else self.fast(col, s, None, wrap=True)

    def fast(self, col: int, value: Any, fmt: str | None, bold: bool = False, wrap: bool = False) -> Any:
        """A styled cell for a big sheet: once the sheet streams, a :class:`Styled` value with a look shared by
        every cell of that format (``col`` is kept for the callers' sake; the look does not depend on it)."""
        if value is None:
            return None
        if self._buffer is not None:
            return self.cell(value, fmt, bold=bold, wrap=wrap)
        key = (fmt, bold, wrap)
        look = self._looks.get(key)
        if look is None:
            c = WriteOnlyCell(self.ws)
            if fmt:
                c.number_format = fmt
            if bold:
                c.font = HEAD_FONT
            c.alignment = WRAP_BODY if wrap else MIDDLE
            c.border = CELL_BORDER
            look = self._looks[key] = Look(c)
        if wrap and len(value) > 24:  # shorter text fits any text column: no row height needed
            self._wraps += 1
        return Styled(value, look)  # written at once by RowWriter, as it is (text made safe by the caller)

    def head(self, values: list[Any]) -> None:
        self.append([self.cell(v, head=True) if v is not None else None for v in values], kind="head")

    def title(self, text: str, *, bold: bool = False) -> None:
        """A line saying what the sheet (or the block below) lists; before the table starts it is merged across
        the table's width and wraps, so a long title never widens the printed page."""
        self._in_title = True
        try:
            cell = self.cell(text, bold=bold, wrap=False)
        finally:
            self._in_title = False
        if self._buffer is not None:
            self._titles.append(self.rows + 1)
        self.append([cell], kind="title")

    def append(self, values: list[Any], *, kind: str = "body") -> None:
        body = kind == "body" and bool(values)
        if body and self._buffer is not None:
            values = self._bordered(values)
        if len(values) > self.ncols:
            self.ncols = len(values)
        self.rows += 1
        wraps, self._wraps = self._wraps or kind == "head", 0
        if self._buffer is None:
            if wraps:
                self._row_height(self.rows, values, self._widths)
            self._out.append(values, self._body if body else None)
            return
        if kind != "title":
            self._measure_row(values, head=kind == "head")
        self._buffer.append((values, wraps))
        if len(self._buffer) >= SAMPLE_ROWS:
            self._flush()

    def _bordered(self, values: list[Any]) -> list[Any]:
        """Data cells with their border (a plain value is put into a bordered cell; an empty one too), before
        the sheet streams (then :class:`RowWriter` borders them itself, see :attr:`_body`)."""
        return [v if isinstance(v, Cell) else self.fast(0, "" if v is None else v,
                                                        DATE_FMT if isinstance(v, date) else None)
                for v in values]

    @functools.cached_property
    def _body(self) -> tuple[Look, Look]:
        """The looks of a table's plain cell and date cell once the sheet streams (bordered, as :meth:`fast`)."""
        return self.fast(0, "", None).look, self.fast(0, date.min, DATE_FMT).look

    def _measure_row(self, values: list[Any], *, head: bool) -> None:
        m = self._measure
        for i, v in enumerate(values, 1):
            w = _display_width(v, head)
            if w > m.get(i, 0):
                m[i] = w

    def _row_height(self, row: int, values: list[Any], widths: list[float]) -> None:
        """An explicit height for a row with wrapping text (spreadsheets do not all fit rows on opening)."""
        lines = 1
        spans = self.spans.get(row, {})
        n = len(widths)
        for i, v in enumerate(values):
            t = type(v)
            if i >= n:
                break
            x = v.v if t is Styled else v._value if t is Cell else v  # a plain value: bordered as it is written
            if type(x) is str and len(x) > widths[i] - 2:
                width = sum(widths[i:i + spans.get(i, 1)]) if spans else widths[i]
                if len(x) > width - 2:
                    room = max(width - 1.5, 4)
                    k = (sum(max(1, -(-len(line) * 1.08 // room)) for line in x.split("\n")) if "\n" in x
                         else max(1, -(-len(x) * 1.08 // room)))
                    lines = max(lines, int(k))
        if lines > 1:
            self._out.heights[row] = min(409, 15 * lines)

    def _flush(self) -> None:
        buf, self._buffer = self._buffer, None
        widths = self._widths = self.widths()
        for i, w in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = w
        if self.freeze:
            self.ws.freeze_panes = self.freeze
        self._print_setup(sum(widths))
        first = self.rows - len(buf or []) + 1
        for i, (row, wraps) in enumerate(buf or [], first):
            if i in self._titles:
                self._wide_title(i, row[0], widths)
            elif wraps:
                self._row_height(i, row, widths)
            self._out.append(row)

    def _wide_title(self, row: int, cell: Any, widths: list[float]) -> None:
        last = max(len(widths), 1)
        if last > 1:
            self.ws.merged_cells.add(f"A{row}:{get_column_letter(last)}{row}")
        if isinstance(cell, Cell) and isinstance(cell.value, str):
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            lines = max(1, -(-int(len(cell.value) * 1.1) // max(int(sum(widths)) - 2, 10)))
            if lines > 1:
                self._out.heights[row] = min(409, 16 * lines)

    def widths(self) -> list[float]:
        n = max([self.ncols, *self._measure.keys(), *self.min_widths.keys()] or [1])
        out = []
        for i in range(1, n + 1):
            w = max(self._measure.get(i, 0) + 2, self.min_widths.get(i, 6))
            out.append(round(min(w, self.max_widths.get(i, MAX_WIDTH)), 1))
        return out

    def _print_setup(self, total_width: float) -> None:
        ws = self.ws
        ps = ws.page_setup
        ps.paperSize = Worksheet.PAPERSIZE_A4
        ps.orientation = "landscape" if total_width > WIDE else "portrait"
        ps.fitToWidth = 1
        if self.repeat_cols and total_width > 2 * PAGE_CHARS:
            ps.fitToWidth = -(-int(total_width) // PAGE_CHARS)
            ws.print_title_cols = self.repeat_cols
        ps.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins = PageMargins(left=0.5, right=0.4, top=0.75, bottom=0.6, header=0.3, footer=0.3)
        if self.head_rows:
            ws.print_title_rows = f"{self.head_rows[0]}:{self.head_rows[1]}"
        ws.oddHeader.center.text = self.info.header()
        ws.oddHeader.center.size = 9
        ws.oddHeader.center.font = f"{FONT_NAME},Regular"
        ws.oddFooter.center.text = "Trang &P/&N"
        ws.oddFooter.center.size = 9
        ws.oddFooter.center.font = f"{FONT_NAME},Regular"

    def height(self, row: int) -> float | None:
        """The explicit height of a written row (points), None for the default."""
        return self._out.heights.get(row)

    def close(self) -> None:
        if self._buffer is not None:
            self._flush()

    def filter(self, header_row: int = 1) -> None:
        if self.rows > header_row:
            self.ws.auto_filter.ref = f"A{header_row}:{get_column_letter(max(self.ncols, 1))}{self.rows}"


def times_new_roman(wb: Workbook) -> None:
    """Times New Roman as the workbook's default font: every cell without its own font prints in it."""
    from openpyxl.utils.indexed_list import IndexedList

    wb._fonts = IndexedList([BODY_FONT])
    wb._named_styles["Normal"].font = BODY_FONT


def _display_width(v: Any, head: bool) -> float:
    """About how many characters wide a cell's content shows (a header wraps: its longest word counts)."""
    if v is None:
        return 0
    if isinstance(v, Cell):
        fmt = v.number_format
        v = v.value
        if isinstance(v, int | float) and not isinstance(v, bool):
            if "%" in fmt:
                return 7
            return len(f"{v:,.2f}" if fmt == DEC_FMT and not float(v).is_integer() else f"{v:,.0f}")
        if isinstance(v, datetime | date):
            return 16
    if isinstance(v, bool):
        return 5
    if isinstance(v, int | float):
        return len(f"{v:,}")
    s = str(v)
    if head:
        words = s.split()
        return min(max((len(w) for w in words), default=0) * 1.1 + 1, max(len(s) / 3, 12)) if words else 0
    return max((len(line) for line in s.splitlines()), default=0) * 1.05


def _sheet_title(title: str, wb: Workbook) -> str:
    """A new sheet's name (``xlsx_style.sheet_title``), unique in ``wb``."""
    return sheet_title(title, {n.casefold() for n in wb.sheetnames})


LEAD_WORDS = re.compile(r"^(liệt kê|nêu rõ|nêu|ghi rõ|thống kê|danh mục|các|những)\s+", re.IGNORECASE)


def short_title(text: str, room: int) -> str:
    """A short readable title: parentheses and leading "Liệt kê / Danh mục / các…" dropped, capitals of an
    upper-case title lowered, cut at a word to ``room`` characters."""
    t = text
    while True:  # innermost parentheses first, then whatever is left unclosed
        t, n = re.subn(r"\([^()]*\)", "", t)
        if not n:
            break
    t = re.sub(r"\(.*$", "", t).replace(")", "")
    t = re.sub(r"^Biểu\s+[\w.-]+\s*[.:]\s*", "", t).strip(" .:")
    for _ in range(3):
        t = LEAD_WORDS.sub("", t)
    if sum(ch.isupper() for ch in t) > sum(ch.islower() for ch in t):
        t = t.lower()
    t = phrase_cut(" ".join(t.split()), room)
    return t[:1].upper() + t[1:]


# a Vietnamese word is often two syllables ("quán triệt"): a name is cut only where a phrase ends — at a comma
# or before a linking word — never after any space
_JOINERS = re.compile(r"[,;:]\s|\s(?=(?:và|của|theo|trong|đối với|về|cho|tại|để|từ|đến|thuộc|liên quan|với)\s)")


def phrase_cut(t: str, room: int) -> str:
    """``t`` whole when it fits in ``room`` characters, else its longest leading phrase that does ("" if none)."""
    if len(t) <= room:
        return t
    ends = [m.start() for m in _JOINERS.finditer(t) if m.start() <= room]
    if ends:
        return t[:ends[-1]].rstrip(" ,;:")
    # no phrase fits: cut between two syllables that do not make a word together ("văn bản", "quán triệt" do)
    pairs = _bigrams()
    words = t.split(" ")
    for n in range(len(words) - 1, 1, -1):
        head = " ".join(words[:n])
        pair = f"{words[n - 1].lower().strip(',;:.()')} {words[n].lower().strip(',;:.()')}"
        if len(head) <= room and pairs.get(pair, 0) < 3:
            return head.rstrip(" ,;:")
    return ""


@functools.cache
def _bigrams() -> dict[str, int]:
    """Syllable pairs counted in administrative texts (dialogs/data/vi_bigrams.txt): a frequent pair is a word."""
    path = Path(__file__).resolve().parent.parent / "dialogs" / "data" / "vi_bigrams.txt"
    out: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        pair, _, n = line.rpartition(" ")
        if " " in pair and n.isdigit():
            out[pair] = int(n)
    return out


def sheet_name(number: str | None, title: str) -> str:
    """"I.1.a Nhiệm vụ đã hoàn thành", "Biểu 1B Kết quả công tác quán triệt" (≤ 31 characters)."""
    lead = (number or "").strip()
    room = 31 - len(lead) - (1 if lead else 0)
    return (f"{lead} {short_title(title, room)}".strip() or cut(title, 31)) if room >= 6 else cut(lead, 31)


def _num_cell(sh: _Sheet, qtype: str, v: float | None, *, bold: bool = False, col: int | None = None,
              unit: str | None = None) -> Any:
    """A number with its format; pass ``col`` (the column index) on big sheets to reuse styled cells. Money (kept
    in đồng) is written in ``unit``, the unit its header names (none: triệu đồng)."""
    if v is None:
        return None
    if qtype == "percent":
        v, fmt = v / 100, PCT_FMT
    elif qtype == "money":
        v, fmt = money_shown(v, unit), DEC_FMT
    elif qtype == "integer" and float(v).is_integer():
        fmt = INT_FMT
    else:
        fmt = DEC_FMT
    if col is not None:
        return sh.fast(col, v, fmt, bold)
    return sh.cell(v, fmt, bold=bold)


@gc_paused()
def build_xlsx(c: Consolidation, history: History | None = None) -> bytes:
    """The workbook; ``history`` (the last periods' figures, see :mod:`exports.trends`) feeds the charts on
    the summary sheet — without it, this period against the previous one."""
    wb = Workbook(write_only=True)
    times_new_roman(wb)
    info = PrintInfo(c.outline.title, c.period_label)
    hist = history.with_current(c) if history is not None else history_from_consolidation(c)
    _summary(wb, c, info, hist)
    for it in c.items:
        if it.kind == "table":
            _table_sheet(wb, c, it, info)
    _per_unit(wb, c, info)
    for it in c.items:
        if it.kind == "list":
            _list_sheet(wb, c, it, info)
    _narratives(wb, c, info)
    _completeness(wb, c, info)
    return _save(wb)


ZIP_LEVEL = 3  # deflate level of the workbook's parts: zlib's default (6) takes twice the time for a file 16 % smaller


def _save(wb: Workbook) -> bytes:
    """``wb.save`` with the archive's compression level set (:data:`ZIP_LEVEL`): on a 5,000-unit report the
    sheets are ~70 MB of XML, and compressing them was a quarter of the workbook's time."""
    buf = BytesIO()
    archive = ZipFile(buf, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=ZIP_LEVEL)
    wb.properties.modified = datetime.now(UTC).replace(tzinfo=None)
    ExcelWriter(wb, archive).save()
    return buf.getvalue()


def col_head(col: Any) -> str:
    """A Biểu column's (or list field's) header: its label and the unit its figures are printed in, unless the
    label already ends with it («Diện tích (ha)», never «Diện tích (ha) (ha)»); money names its unit always."""
    unit = money_unit(col.unit) if col.type == "money" else col.unit
    if not unit or says_unit(col.label, unit):
        return col.label
    return f"{col.label} ({unit})"


def says_unit(label: str, unit: str) -> bool:
    """Whether a label already ends with its unit ("Tỷ lệ đúng hạn (%)", "Diện tích (ha)", "Số tiền (đồng)")."""
    return label.rstrip().lower().endswith((f"({unit.lower()})", unit.lower()))


def _unit_label(q) -> str:
    if q.type == "money":
        return money_unit(q.unit)
    return q.unit or ""


def _summary(wb: Workbook, c: Consolidation, info: PrintInfo, hist: History) -> None:
    prev = c.outline.period.previous_label
    sh = _Sheet(wb, "Tổng hợp", info, head_rows=(3, 3), freeze="A4", min_widths={3: 30},
                max_widths={3: 70, 2: 12, 9: 60})
    sh.title(f"TỔNG HỢP: {c.outline.title}", bold=True)
    sh.title(f"Kỳ: {c.period_label} · Phạm vi: {c.scope_name} · Đã nộp {c.completeness.submitted}/"
             f"{c.completeness.expected} đơn vị" + (f" · {provisional_note(c, limit=10)}" if c.completeness.provisional
                                                  else ""))
    numeric = [x for x in c.items if x.kind == "numeric"]
    notes = [compared_note(it.ref.question, it.summary, prev) for it in numeric]
    sh.head(["STT", "Mục", "Chỉ tiêu", "Đơn vị tính", "Tổng", f"Kỳ trước ({prev})", CHANGE_HEAD, "Số đơn vị trả lời"]
            + (["Cách so sánh với kỳ trước"] if any(notes) else []))
    for i, (it, note) in enumerate(zip(numeric, notes, strict=True), 1):
        q = it.ref.question
        s = it.summary
        sh.append([sh.cell(i), sh.cell(it.ref.number), sh.cell(report_label(q), wrap=True), sh.cell(_unit_label(q)),
                   _num_cell(sh, figure_type(q), s.value, unit=q.unit),
                   _num_cell(sh, figure_type(q), s.prev_value, unit=q.unit),
                   _num_cell(sh, figure_type(q), s.delta, unit=q.unit),
                   sh.cell(s.count, INT_FMT)] + ([sh.cell(note[:1].upper() + note[1:], wrap=True)] if any(notes) else []))
    sh.filter(3)
    sh.close()
    _trend_sheet(wb, hist, info)


def _trend_sheet(wb: Workbook, hist: History, info: PrintInfo) -> None:
    """The key figures over the last periods and their charts, on a sheet of their own (so no chart prints
    under the summary's repeated header row); only when there are at least two periods to compare."""
    if len(hist.labels) < 2 or not hist.top(5):
        return
    sh = _Sheet(wb, "Diễn biến", info, head_rows=(1, 1), freeze=None, min_widths={3: 30}, max_widths={3: 60})
    charts = _history_block(sh, hist)
    sh.close()
    _place_charts(sh, charts)


CHART_ROWS = 17  # rows of the sheet one chart's height covers (8 cm at the default row height)
CHART_W, CHART_H = 15.5, 7.5  # cm
CM_PER_WIDTH = 0.19  # a column width unit (one "0" of Calibri 11) in centimetres
ROW_CM = 0.53  # the default row height (15 pt)


def _history_block(sh: _Sheet, hist: History, n: int = 5) -> list[LineChart]:
    """Below the summary: the key figures over the last periods (a small table), and one native line chart
    per figure over its own row of that table (returned; placed by :func:`_place_charts`)."""
    series = hist.top(n) if len(hist.labels) >= 2 else []
    if not series:
        return []
    sh.title(f"DIỄN BIẾN QUA {len(hist.labels)} KỲ GẦN NHẤT (các chỉ tiêu thay đổi nhiều nhất)", bold=True)
    sh.title("Mỗi cột là số tổng hợp của kỳ đó, trên các đơn vị đã báo cáo kỳ đó. Khi các đơn vị báo cáo khác nhau giữa "
             "hai kỳ, hiệu hai cột không phải là mức tăng, giảm: mức tăng, giảm so trên cùng các đơn vị ghi ở trang "
             "«Tổng hợp».")
    head_row = sh.rows + 1
    sh.head(["STT", "Mục", "Chỉ tiêu", "Đơn vị tính"] + hist.labels)
    first = head_row + 1
    for i, s in enumerate(series, 1):
        fmt = PCT_FMT if s.qtype == "percent" else (INT_FMT if s.qtype == "integer" else DEC_FMT)
        vals = [None if v is None else sh.cell(v / 100 if s.qtype == "percent" else v, fmt) for v in s.values]
        sh.append([sh.cell(i), sh.cell(s.number), sh.cell(s.label, wrap=True), sh.cell(s.unit)] + vals)
    ncol = 4 + len(hist.labels)
    charts = []
    for i, s in enumerate(series):
        ch = LineChart()
        ch.title = _chart_title(cut(f"{s.number} {s.label}", 70) + (f" ({s.unit})" if s.unit else ""))
        ch.height, ch.width = CHART_H, CHART_W
        ch.txPr = _chart_text()
        ch.x_axis.txPr = _chart_text()
        ch.y_axis.txPr = _chart_text()
        ch.legend = None
        ch.y_axis.numFmt = "0%" if s.qtype == "percent" else "#,##0"
        ch.x_axis.delete = False
        ch.y_axis.delete = False
        data = Reference(sh.ws, min_col=5, max_col=ncol, min_row=first + i, max_row=first + i)
        ch.add_data(data, from_rows=True, titles_from_data=False)
        ch.series[0].tx = SeriesLabel(strRef=StrRef(f"{quote_sheetname(sh.ws.title)}!$C${first + i}"))
        ch.series[0].marker.symbol = "circle"
        ch.series[0].smooth = False
        ch.set_categories(Reference(sh.ws, min_col=5, max_col=ncol, min_row=head_row, max_row=head_row))
        charts.append(ch)
    sh.append([])
    return charts


def _chart_text(size: int = 900) -> RichText:
    """The chart's own text (axes, labels) in Times New Roman, like the sheets."""
    cp = CharacterProperties(sz=size, latin=TextFont(typeface=FONT_NAME), cs=TextFont(typeface=FONT_NAME))
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=cp), endParaRPr=cp)])


def _chart_title(text: str) -> Title:
    cp = CharacterProperties(sz=1100, b=True, latin=TextFont(typeface=FONT_NAME), cs=TextFont(typeface=FONT_NAME))
    para = Paragraph(pPr=ParagraphProperties(defRPr=cp), r=[RegularTextRun(rPr=cp, t=text)])
    return Title(tx=Text(rich=RichText(p=[para])), overlay=False)


def _place_charts(sh: _Sheet, charts: list[LineChart]) -> None:
    """Two charts side by side (one when the sheet is narrow), below the rows written so far; the rows they
    cover are written empty, with a closing note, so the printed range takes them in."""
    if not charts:
        return
    edges = [0.0]
    for w in sh._widths:
        edges.append(edges[-1] + w * CM_PER_WIDTH)
    second = next((i for i, x in enumerate(edges) if x >= CHART_W + 0.5), None)
    per_row = 2 if second is not None and edges[-1] >= 2 * CHART_W + 0.5 else 1
    # rows of the sheet on one printed page (landscape A4, 19 cm high, at the fit-to-width scale): a chart
    # row that would cross a page starts the next one
    landscape = sh.ws.page_setup.orientation == "landscape"
    page_w, page_h = (27.5, 17.0) if landscape else (19.0, 25.0)  # printable cm (A4 less margins, header, footer)
    scale = min(1.0, page_w / max(edges[-1], 1.0))
    title_rows = 1 if sh.head_rows else 0  # the repeated title row takes room on every page
    page_rows = int(page_h / scale / ROW_CM) - title_rows - 1
    row = sh.rows + 1
    used = _rows_height(sh) % page_rows
    for k in range(-(-len(charts) // per_row)):
        if used + CHART_ROWS > page_rows:
            sh.ws.row_breaks.append(Break(id=row - 1))
            used = 0
        for j, ch in enumerate(charts[k * per_row:(k + 1) * per_row]):
            sh.ws.add_chart(ch, f"{get_column_letter(1 if j == 0 else second + 1)}{row}")
        for _ in range(CHART_ROWS):
            sh.append([])
        row += CHART_ROWS
        used += CHART_ROWS
    sh.title("Biểu đồ: số liệu tổng hợp từ báo cáo của các đơn vị trong từng kỳ.")


def _rows_height(sh: _Sheet) -> int:
    """The rows written so far, in default-height rows (a wrapped row counts as several)."""
    total = 0.0
    for r in range(1, sh.rows + 1):
        total += (sh.height(r) or 15) / 15
    return int(total + 0.999)


def _table_sheet(wb: Workbook, c: Consolidation, it: Item, info: PrintInfo) -> None:
    s: TableSummary = it.summary
    t = s.table
    name = f"Biểu {t.code} {short_title(t.title, 25 - len(t.code))}".strip() if t.code else sheet_name(it.ref.number, t.title)
    groups = [col.group for col in t.columns]
    has_groups = any(groups)
    header_rows = 5 if has_groups else 4
    units = row_units(t)  # an «ĐVT» column after «Nội dung» when the rows have units
    lead = 3 if units else 2
    sh = _Sheet(wb, name, info, head_rows=(3, header_rows - 1), freeze=f"{get_column_letter(lead + 1)}{header_rows}",
                min_widths={2: 30}, max_widths={2: 55} | {lead + 1 + i: TEXT_COL for i in range(len(t.columns))})
    sh.title(t.title, bold=True)
    sh.title(f"Tổng hợp {s.units} đơn vị · {c.period_label} · {c.scope_name}")
    if has_groups:
        _group_row(sh, groups, lead)
    sh.head(["TT", "Nội dung"] + (["ĐVT"] if units else [])
            + [col_head(col) for col in t.columns])
    marks = row_marks(t)
    for i, r in enumerate(t.rows):
        cells = s.grid.get(r.key, {})
        bold = r.kind != "data" or r.computed
        row: list[Any] = [sh.cell(r.no or "", bold=bold),
                          sh.cell(("   " * r.level) + r.label + marks.get(r.key, ""), bold=bold, wrap=True)]
        if units:
            row.append(sh.cell(units[i], bold=bold))
        for col in t.columns:
            if col.type in NUMERIC_TYPES:  # a mean of whole numbers has decimals
                typ = figure_type(col, r.key in marks)
                row.append(_num_cell(sh, typ, cells.get(col.key), bold=bold, unit=col.unit))
            else:
                texts = s.texts.get((r.key, col.key), [])
                row.append(sh.cell(_note_summary(texts), wrap=True) if texts else None)
        sh.append(row)
        _item_rows(sh, t, s.items.get(r.key, []), lead)
    if total_row(t):  # the outline's «total», else only when the top-level rows measure one thing
        _total_row(sh, s, lead)
    if (note := unsummed_note(t, s.mean_counted)) is not None:
        sh.title(note)
    if s.pairs is not None and (note := s.pairs.note(t)) is not None:
        sh.title(note)
    if s.per_unit and len(s.per_unit) <= 300:
        _units_tables(sh, s, units)
    sh.close()


def _item_rows(sh: _Sheet, t: Any, items: list[tuple[Any, dict[str, Any]]], lead: int = 2) -> None:
    """The items listed under an open row, one row each with its unit (tens of thousands of rows: each
    column's kind is looked up once)."""
    cols = [(i, col.key, col.type, col.type in NUMERIC_TYPES, col.unit) for i, col in enumerate(t.columns)]
    limit = TEXT_COL - 2
    for u, item in items:
        row: list[Any] = [None, sh.text(f"   • {item.get('label', '')} ({u.name})", -1)] + [None] * (lead - 2)
        for i, key, typ, num, unit in cols:
            v = item.get(key)
            if num:
                row.append(None if v is None else _num_cell(sh, typ, v, col=i, unit=unit))
            elif v is None or v == "":
                row.append(None)
            elif typ == "date":
                row.append(_text_or_date(sh, typ, v, i))
            else:
                text = safe_text(v)
                row.append(text if len(text) <= limit else sh.fast(i, text, None, wrap=True))
        sh.append(row)


def _note_summary(texts: list) -> str:
    """A text cell (Ghi chú) of the summed Biểu: one unit's short note itself, else how many units wrote one —
    each unit's own note is in its table below, so the summed row stays one or two lines tall."""
    if len(texts) == 1 and len(texts[0][1]) <= 60:
        return f"{texts[0][0].name}: {texts[0][1]}"
    return f"{len(texts)} đơn vị có ghi chú (xem Biểu của từng đơn vị bên dưới)"


def _group_row(sh: _Sheet, groups: list[str | None], lead: int = 2) -> None:
    """The grouped header above the columns, each group's cells merged."""
    row = sh.rows + 1
    sh.head([""] * lead + [g if g and (i == 0 or groups[i - 1] != g) else (None if g else "") for i, g in enumerate(groups)])
    i = 0
    while i < len(groups):
        j = i
        while j + 1 < len(groups) and groups[i] and groups[j + 1] == groups[i]:
            j += 1
        if j > i:
            sh.ws.merged_cells.add(f"{get_column_letter(lead + 1 + i)}{row}:{get_column_letter(lead + 1 + j)}{row}")
            sh.spans.setdefault(row, {})[lead + i] = j - i + 1
        i = j + 1


def _total_row(sh: _Sheet, s: TableSummary, lead: int = 2) -> None:
    """A total row over the Biểu's top-level rows (for a Biểu without its own): never over a rate or average row;
    the same row as the .docx prints (:func:`exports.added_total.added_total`), with its note."""
    total = added_total(s)
    row = [sh.cell("", bold=True), sh.cell("Tổng cộng", bold=True)] + [None] * (lead - 2)
    for col in s.table.columns:
        if col.key in total.cells:
            typ = figure_type(col) if aggregate_of(col) == "ratio" else col.type
            row.append(_num_cell(sh, typ, total.cells[col.key], bold=True, unit=col.unit))
        else:
            row.append(None)
    sh.append(row)
    if (note := total.note()) is not None:
        sh.title(note)


def _units_tables(sh: _Sheet, s: TableSummary, units: list[str] | None = None) -> None:
    """Each unit's own table, below the summed one."""
    t = s.table
    sh.append([])
    sh.title("Biểu của từng đơn vị", bold=True)
    for u, grid in s.per_unit:
        sh.title(u.name, bold=True)
        for k, r in enumerate(t.rows):
            cells = grid.get(r.key, {})
            if not any(v not in (None, "") for v in cells.values()):
                continue
            sh.append([sh.cell(r.no or ""), sh.text(r.label)] + ([sh.cell(units[k])] if units else [])
                      + [_num_cell(sh, col.type, cells.get(col.key), unit=col.unit) if col.type in NUMERIC_TYPES
                         else (_text_or_date(sh, col.type, cells.get(col.key), 200 + i) if col.type == "date"
                               else sh.cell(cells.get(col.key), wrap=True) if cells.get(col.key) else None)
                         for i, col in enumerate(t.columns)])


def _per_unit(wb: Workbook, c: Consolidation, info: PrintInfo) -> None:
    nums = [it for it in c.items if it.kind == "numeric"]
    has_prev = bool(c.previous)
    longest = max((len(u.name) for u in c.units), default=10)
    cols = range(4, 4 + (2 if has_prev else 1) * len(nums))
    sh = _Sheet(wb, "Từng đơn vị", info, head_rows=(2, 2), freeze="D3", repeat_cols="A:B",
                max_widths=dict.fromkeys(cols, 16), min_widths={2: min(40, longest + 2)} | dict.fromkeys(cols, 11))
    sh.title(f"SỐ LIỆU CỦA TỪNG ĐƠN VỊ — {c.period_label}" + (f" (cột «{CHANGE_HEAD}»: so với {c.previous_label})"
                                                          if has_prev and c.previous_label else ""), bold=True)
    head = ["Mã", "Đơn vị", "Trực thuộc"]
    for it in nums:
        q = it.ref.question
        label = report_label(q)
        label = label if len(label) <= 90 else (phrase_cut(label, 88) or cut(label, 88)) + " …"
        head.append(f"{it.ref.number} {label}" + (f" ({_unit_label(q)})" if _unit_label(q) else ""))
        if has_prev:
            head.append(f"{it.ref.number} {CHANGE_HEAD}")
    with_reasons = bool(c.reasons)
    if with_reasons:
        head.append("Lý do thay đổi lớn")
    sh.head(head)
    convs = [(it.ref.key, it.ref.question.type, number_of(it.ref.question), it.ref.question.unit) for it in nums]
    for u in c.units:
        cur = c.current.get(u.id, {})
        prv = c.previous.get(u.id, {}) if has_prev else {}
        if not cur and not prv:
            continue
        row: list[Any] = [sh.fast(-1, safe_text(u.code), None), sh.fast(-2, safe_text(u.name), None),
                          sh.fast(-3, safe_text(u.parent or ""), None)]
        for i, (key, qtype, conv, unit) in enumerate(convs):
            x = cur.get(key)
            v = None if x is None else conv(x)
            row.append(None if v is None else _num_cell(sh, qtype, v, col=2 * i, unit=unit))
            if has_prev:
                x = prv.get(key)
                p = None if x is None or v is None else conv(x)
                row.append(None if p is None else _num_cell(sh, qtype, v - p, col=2 * i + 1, unit=unit))  # type: ignore[operator]
        if with_reasons:
            mine = c.reasons.get(u.id, {})
            row.append(sh.fast(-4, safe_text("; ".join(f"{it.ref.number}: {mine[it.ref.key]}" for it in nums
                                                       if it.ref.key in mine)), None))
        sh.append(row)
    sh.filter(2)
    sh.close()


def _list_sheet(wb: Workbook, c: Consolidation, it: Item, info: PrintInfo) -> None:
    s: ListSummary = it.summary
    q = it.ref.question
    fields = q.record_fields
    sh = _Sheet(wb, sheet_name(it.ref.number, report_label(q)), info, head_rows=(2, 2), freeze="A3")
    sh.title(f"{it.ref.number} {report_label(q)} — {c.period_label} ({s.count} mục của {s.units_with_items} đơn vị)",
             bold=True)
    sh.head(["STT", "Đơn vị"] + [col_head(f) for f in fields])
    for i, (u, rec) in enumerate(s.rows, 1):
        row: list[Any] = [sh.fast(-1, i, None), sh.fast(-2, safe_text(item_unit(u.name, rec)), None)]
        for j, f in enumerate(fields):
            v = rec.get(f.key)
            if v in (None, ""):
                row.append(None)
            elif f.type in ("integer", "decimal", "money", "percent"):
                row.append(_num_cell(sh, f.type, numeric(f, v), col=j, unit=getattr(f, "unit", None)))
            elif f.type == "date" and isinstance(v, str) and _iso(v):
                row.append(sh.fast(j, _iso(v), DATE_FMT))
            else:
                text = safe_text(format_scalar(f, v))
                row.append(sh.fast(j, text, None, wrap=len(text) > MAX_WIDTH))
        sh.append(row)
    sh.filter(2)
    sh.close()


def _text_or_date(sh: _Sheet, typ: str, v: Any, col: int) -> Any:
    """A Biểu's text cell; a date column's value as a real date."""
    if v in (None, ""):
        return None
    if typ == "date" and isinstance(v, str) and _iso(v):
        return sh.fast(col, _iso(v), DATE_FMT)
    return sh.text(v, col, limit=TEXT_COL - 2)


def _iso(v: str) -> date | None:
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        return None


def _narratives(wb: Workbook, c: Consolidation, info: PrintInfo) -> None:
    items = [it for it in c.items if it.kind == "narrative" and it.summary.count]
    if not items:
        return
    sh = _Sheet(wb, "Ý kiến", info, head_rows=(2, 2), freeze="A3", max_widths={2: 40, 4: 40, 5: 70})
    sh.title(f"Ý KIẾN CỦA CÁC ĐƠN VỊ (nội dung trả lời bằng lời) — {c.period_label}", bold=True)
    sh.head(["Mục", "Nội dung báo cáo", "Số đơn vị", "Đơn vị", "Ý kiến"])
    for it in items:
        q = it.ref.question
        rows = [(len(g.units), ", ".join(u.name for u in g.units), g.text) for g in it.summary.groups]
        rows += [(1, u.name, text) for u, text in it.summary.singles]
        for n, names, text in rows:
            sh.append([sh.fast(0, safe_text(it.ref.number), None), sh.fast(1, safe_text(report_label(q)), None, wrap=True),
                       sh.fast(2, n, INT_FMT), sh.fast(3, safe_text(names), None, wrap=len(names) > 40),
                       sh.fast(4, safe_text(text), None, wrap=True)])
    sh.filter(2)
    sh.close()


def _completeness(wb: Workbook, c: Consolidation, info: PrintInfo) -> None:
    comp = c.completeness
    sh = _Sheet(wb, "Tiến độ", info, head_rows=(2, 2), freeze="A3")
    sh.title(f"TÌNH HÌNH NỘP BÁO CÁO — {c.period_label}: đã nộp {comp.submitted}/{comp.expected} đơn vị", bold=True)
    sh.head(["Mã", "Đơn vị", "Trực thuộc", "Tình trạng", "Thời điểm nộp / số câu", "Theo chế độ báo cáo"])
    # Nghị định 09/2019/NĐ-CP counts a report on time, late, or missing once the deadline has passed unsent
    unsent = "Thiếu" if c.deadline is not None and datetime.now(UTC) > c.deadline else "Chưa đến hạn"

    def at(x) -> Any:
        return local_naive(x)  # the configured zone's wall time, never the server's

    def row(u, state: str, last: Any, fmt: str | None = None) -> None:
        regime = state.split(" (")[0] if state.startswith(("Đúng hạn", "Muộn")) else unsent
        sh.append([sh.fast(0, safe_text(u.code), None), sh.fast(1, safe_text(u.name), None),
                   sh.fast(2, safe_text(u.parent or ""), None), sh.fast(3, state, None), sh.fast(4, last, fmt),
                   sh.fast(5, regime, None)])

    for u, t in comp.on_time:
        row(u, c.state(u, "Đúng hạn"), at(t), "dd/mm/yyyy hh:mm")
    for u, t in comp.late:
        row(u, c.state(u, "Muộn"), at(t), "dd/mm/yyyy hh:mm")
    for u, n in comp.draft:
        row(u, "Đang làm", f"{n} câu")
    for u in comp.returned:
        row(u, "Trả lại để sửa", None)
    for u in comp.not_started:
        row(u, "Chưa làm", None)
    sh.filter(2)
    sh.close()
