"""The outline (đề cương báo cáo) model: sections, questions, tables and rules, as read from YAML.

An outline file is written once and read by the question engine, storage, exports and reminders.
See ``dialogs/outlines/*.yaml`` for the five real outlines and ``docs/outline-format.md`` for the format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    field_validator,
    model_validator,
)

from dialogs.figures import (
    aggregate_of,
    may_be_negative,
    may_exceed_100,
    row_aggregates,
    total_row,
    total_verdict,
)
from dialogs.text import fold

KEY_RE = r"^[a-z][a-z0-9_]*$"

NUMERIC_TYPES = frozenset({"integer", "decimal", "percent", "money"})
SCALAR_TYPES = NUMERIC_TYPES | {"date", "text", "longtext", "yesno", "choice", "multichoice"}
ALL_TYPES = SCALAR_TYPES | {"list", "documents", "table"}
CELL_TYPES = NUMERIC_TYPES | {"text", "date", "yesno", "choice"}

QuestionType = Literal[
    "integer", "decimal", "percent", "money", "date", "text", "longtext",
    "yesno", "choice", "multichoice", "list", "documents", "table",
]
CellType = Literal["integer", "decimal", "percent", "money", "text", "date", "yesno", "choice"]
Aggregate = Literal["sum", "mean", "ratio", "min", "max", "none"]
ColumnAggregate = Literal["sum", "mean", "ratio", "min", "max", "none", "share"]
RowAggregate = Literal["sum", "mean", "ratio", "min", "max", "none"]
PeriodKind = Literal["weekly", "monthly", "quarterly", "half_yearly", "yearly", "one_off", "campaign"]

PERIOD_KIND_VI = {
    "weekly": "hằng tuần",
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "half_yearly": "6 tháng một lần",
    "yearly": "hằng năm",
    "one_off": "một lần",
    "campaign": "theo đợt",
}

TYPE_VI = {
    "integer": "số nguyên",
    "decimal": "số",
    "percent": "tỷ lệ phần trăm",
    "money": "số tiền",
    "date": "ngày tháng",
    "text": "văn bản ngắn",
    "longtext": "nội dung tường thuật",
    "yesno": "có/không",
    "choice": "chọn một",
    "multichoice": "chọn nhiều",
    "list": "danh sách",
    "documents": "danh sách văn bản",
    "table": "biểu bảng",
}

WEEKDAYS_VI = {
    "thu hai": 0, "thu 2": 0, "thu ba": 1, "thu 3": 1, "thu tu": 2, "thu 4": 2,
    "thu nam": 3, "thu 5": 3, "thu sau": 4, "thu 6": 4, "thu bay": 5, "thu 7": 5,
    "chu nhat": 6, "cn": 6,
}
WEEKDAY_NAMES = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)
    _line: int = PrivateAttr(default=0)

    @property
    def line(self) -> int:
        return self._line


# --------------------------------------------------------------------------- building blocks


class Option(_Model):
    key: str = Field(pattern=KEY_RE)
    label: str = Field(min_length=1)


def _coerce_options(v: Any) -> Any:
    """Options may be written as plain strings; the key is then derived from the label."""
    if isinstance(v, list):
        out = []
        for i, item in enumerate(v, 1):
            if isinstance(item, str):
                out.append({"key": f"o{i}", "label": item})
            else:
                out.append(item)
        return out
    return v


class Condition(_Model):
    """Visibility: all given parts must hold. unit_codes / unit_kinds refer to the answering unit."""

    unit_codes: list[str] | None = None
    unit_kinds: list[str] | None = None
    answer: str | None = Field(default=None, pattern=KEY_RE, description="key of an earlier question")
    equals: Any = None

    def holds(self, unit_code: str | None, unit_kind: str | None, answers: dict[str, Any] | None) -> bool:
        if self.unit_codes is not None and unit_code not in self.unit_codes:
            return False
        if self.unit_kinds is not None and unit_kind not in self.unit_kinds:
            return False
        if self.answer is not None:
            val = (answers or {}).get(self.answer)
            if self.equals is None:
                return bool(val)
            return val == self.equals
        return True


class ListField(_Model):
    key: str = Field(pattern=KEY_RE)
    label: str = Field(min_length=1)
    type: CellType = "text"
    required: bool = False
    unit: str | None = None
    options: list[Option] | None = None
    help: str | None = None

    _norm_options = field_validator("options", mode="before")(_coerce_options)

    @model_validator(mode="after")
    def _check(self) -> ListField:
        if self.type == "choice" and not self.options:
            raise ValueError(f"trường «{self.key}» kiểu choice phải có options")
        return self


DOCUMENT_FIELDS = [
    ListField(key="loai", label="Loại văn bản", type="text", required=True,
              help="Nghị quyết, Quyết định, Kế hoạch, Công văn…"),
    ListField(key="so_ky_hieu", label="Số, ký hiệu", type="text", required=True, help="Ví dụ: 12/KH-UBND"),
    ListField(key="ngay_ban_hanh", label="Ngày ban hành", type="date", required=True),
    ListField(key="trich_yeu", label="Trích yếu nội dung", type="text", required=True),
]


class Column(_Model):
    key: str = Field(pattern=KEY_RE)
    label: str = Field(min_length=1)
    type: CellType = "integer"
    group: str | None = Field(default=None, description="grouped header above this column")
    sum_of: list[str] | None = Field(default=None, description="computed: the sum of these columns")
    unit: str | None = None
    options: list[Option] | None = None
    aggregate: ColumnAggregate | None = Field(default=None, description="how units' cells are consolidated")
    numerator: str | None = Field(default=None, description="ratio: the column summed above the line")
    denominator: str | None = Field(default=None, description="ratio: the column summed below the line")
    factor: float | None = Field(default=None, gt=0, description="ratio: the quotient times this (default 100, a "
                                 "percentage; 10 for tấn/ha → tạ/ha, 1 for triệu đồng/người): dialogs/averages.py")
    of: str | None = Field(default=None, description="share: the count column this is the share of")

    _norm_options = field_validator("options", mode="before")(_coerce_options)

    @property
    def computed(self) -> bool:
        return self.sum_of is not None


class Row(_Model):
    key: str = Field(pattern=KEY_RE)
    no: str | None = None
    label: str = Field(min_length=1)
    kind: Literal["data", "group", "total"] = "data"
    level: int = Field(default=0, ge=0, le=5)
    sum_of: list[str] | Literal["children", "all"] | None = None
    open: bool = Field(default=False, description="the officer adds item rows under this row")
    unit: str | None = Field(default=None, description="the row's unit of measure (the Biểu's «ĐVT» column): hộ, "
                             "người, %, triệu đồng/người…")
    aggregate: RowAggregate | None = Field(
        default=None, description="how units' figures on this row are consolidated: sum (each column's own), mean, "
        "min, max, none; unset: mean for a rate or average (unit «%», «…/người», label «Tỷ lệ…», «bình quân»…), else "
        "sum (dialogs.figures.row_aggregates); ratio: recomputed from two summed rows (numerator, denominator)")
    numerator: str | None = Field(default=None, description="ratio: the row summed above the line")
    denominator: str | None = Field(default=None, description="ratio: the row summed below the line")
    factor: float | None = Field(default=None, gt=0, description="ratio: the quotient times this (default 100, a "
                                 "percentage; 10 for tấn/ha → tạ/ha, 1 for triệu đồng/người)")

    @property
    def computed(self) -> bool:
        return self.sum_of is not None

    @property
    def asked(self) -> bool:
        return self.kind == "data" and self.sum_of is None and not self.open


class Table(_Model):
    code: str | None = None
    title: str = Field(min_length=1)
    columns: list[Column]
    rows: list[Row]
    note: str | None = None
    total: bool | None = Field(default=None, description="a «Tổng cộng» row over the top-level rows in the .xlsx: "
                               "true/false; unset: added when those rows measure one thing (dialogs.figures.total_row)")

    @model_validator(mode="after")
    def _check(self) -> Table:
        if not self.columns:
            raise ValueError("biểu không có cột nào (columns rỗng)")
        if not self.rows:
            raise ValueError("biểu không có dòng nào (rows rỗng)")
        return self

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def row(self, key: str) -> Row:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    @property
    def input_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.computed]

    def children_of(self, row: Row) -> list[Row]:
        """Rows under ``row``: those after it with a greater level, until one at its level or above."""
        idx = self.rows.index(row)
        out: list[Row] = []
        for r in self.rows[idx + 1:]:
            if r.level <= row.level:
                break
            out.append(r)
        return out

    def row_sum_sources(self, row: Row) -> list[Row]:
        if row.sum_of == "all":
            return [r for r in self.rows if r.asked or r.open]
        if row.sum_of == "children":
            kids = self.children_of(row)
            direct_level = min((k.level for k in kids), default=row.level + 1)
            return [k for k in kids if k.level == direct_level]
        if isinstance(row.sum_of, list):
            keys = set(row.sum_of)
            return [r for r in self.rows if r.key in keys]
        return []


# --------------------------------------------------------------------------- questions and sections


class Question(_Model):
    key: str = Field(pattern=KEY_RE)
    no: str | None = Field(default=None, description="the bullet or number as the document writes it")
    prompt: str = Field(min_length=1)
    label: str | None = Field(default=None, max_length=160,
                              description="the report's short statement for this figure (dialogs/labels.py)")
    help: str | None = None
    type: QuestionType = "longtext"
    unit: str | None = Field(default=None, description="measure word: nhiệm vụ, văn bản, người, %…")
    none_ok: bool = Field(default=True, description="'không' / 'Không có' is a valid answer")
    example: str | None = None
    min: float | None = None
    max: float | None = None
    options: list[Option] | None = None
    fields: list[ListField] | None = None
    table: Table | None = None
    within_window: bool = Field(default=False, description="a date must fall inside the reporting window")
    visible_if: Condition | None = None
    money_unit: Literal["dong", "nghin", "trieu", "ty"] = "trieu"
    aggregate: Aggregate | None = Field(default=None, description="how units' answers are consolidated")
    numerator: str | None = Field(default=None, description="ratio: the question summed above the line")
    denominator: str | None = Field(default=None, description="ratio: the question summed below the line")

    _norm_options = field_validator("options", mode="before")(_coerce_options)

    @model_validator(mode="after")
    def _check(self) -> Question:
        t = self.type
        if t in ("choice", "multichoice") and not self.options:
            raise ValueError(f"câu «{self.key}» kiểu {t} phải có options")
        if t == "list" and not self.fields:
            raise ValueError(f"câu «{self.key}» kiểu list phải có fields")
        if t == "table" and self.table is None:
            raise ValueError(f"câu «{self.key}» kiểu table phải có table")
        if t != "table" and self.table is not None:
            raise ValueError(f"câu «{self.key}» có table nhưng type là {t}")
        if t == "percent":  # a share of a whole: 0–100 %; a growth rate or a rate against a plan may leave it
            if self.min is None and not may_be_negative(self):
                self.min = 0
            if self.max is None and not may_exceed_100(self):
                self.max = 100
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"câu «{self.key}»: min lớn hơn max")
        return self

    @property
    def record_fields(self) -> list[ListField]:
        if self.type == "documents":
            return self.fields or DOCUMENT_FIELDS
        return self.fields or []

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC_TYPES


def _item_kind(v: Any) -> str:
    if isinstance(v, dict):
        return "question" if "prompt" in v or "key" in v else "section"
    return "section" if isinstance(v, Section) else "question"


class Section(_Model):
    no: str = ""
    title: str = Field(min_length=1)
    help: str | None = None
    visible_if: Condition | None = None
    items: list[
        Annotated[
            Annotated[Section, Tag("section")] | Annotated[Question, Tag("question")],
            Discriminator(_item_kind),
        ]
    ] = Field(default_factory=list)


Item = Section | Question


# --------------------------------------------------------------------------- period and deadline


@dataclass(frozen=True)
class DeadlineRule:
    """Parsed deadline: weekly (weekday + time), monthly (day + time) or a fixed moment."""

    kind: Literal["weekly", "monthly", "fixed", "none"]
    weekday: int | None = None
    day: int | None = None
    at: time = time(17, 0)
    fixed: datetime | None = None

    def describe(self) -> str:
        hm = f"{self.at.hour}:{self.at.minute:02d}"
        if self.kind == "weekly":
            return f"{WEEKDAY_NAMES[self.weekday or 0]} hằng tuần, {hm}"
        if self.kind == "monthly":
            return f"ngày {self.day} hằng tháng, {hm}"
        if self.kind == "fixed" and self.fixed:
            return f"{hm} ngày {self.fixed.day}/{self.fixed.month}/{self.fixed.year}"
        return "do quản trị viên đặt khi mở kỳ"


_TIME_RE = re.compile(r"(\d{1,2})\s*(?:[:h]\s*(\d{2})?)")


def parse_deadline_rule(text: str | None) -> DeadlineRule:
    """'thứ Năm 16:00' → weekly; 'ngày 25 16:00' → monthly; '29/5/2026' or '29/5/2026 17:00' → fixed."""
    if text is None or not str(text).strip():
        return DeadlineRule("none")
    raw = str(text).strip()
    f = fold(raw)
    at = time(17, 0)
    dm = re.search(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})", f)
    rest = f[: dm.start()] + f[dm.end():] if dm else f
    tm = _TIME_RE.search(rest)
    if tm:
        h, m = int(tm.group(1)), int(tm.group(2) or 0)
        if not (0 <= h < 24 and 0 <= m < 60):
            raise ValueError(f"giờ không hợp lệ trong hạn «{raw}»")
        at = time(h, m)
    if dm:
        d, mo, y = int(dm.group(1)), int(dm.group(2)), int(dm.group(3))
        try:
            return DeadlineRule("fixed", at=at, fixed=datetime.combine(date(y, mo, d), at))
        except ValueError:
            raise ValueError(f"ngày không có thật trong hạn «{raw}»") from None
    for name, wd in sorted(WEEKDAYS_VI.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{name}\b", f):
            return DeadlineRule("weekly", weekday=wd, at=at)
    mm = re.match(r"ngay\s+(\d{1,2})\b", f)
    if mm and 1 <= int(mm.group(1)) <= 28:
        return DeadlineRule("monthly", day=int(mm.group(1)), at=at)
    raise ValueError(
        f"không hiểu hạn nộp «{raw}»; viết ví dụ: «thứ Năm 16:00», «ngày 25 16:00» hoặc «29/5/2026 17:00»"
    )


def _parse_dmy(v: Any) -> Any:
    if isinstance(v, str):
        m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", v)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return v


class Regime(_Model):
    """Nghị định 09/2019/NĐ-CP: the data cutoff and, per level, the deadline in working days after it."""

    cutoff_day: int = Field(default=14, ge=1, le=28, description="data from the day after it to this day")
    levels: dict[Literal["commune", "province", "centre"], int] = Field(
        default_factory=lambda: {"commune": 1, "province": 3, "centre": 5},
        description="working days after the cutoff, per level")

    @field_validator("levels")
    @classmethod
    def _levels_order(cls, v: dict[str, int]) -> dict[str, int]:
        days = [v[lv] for lv in ("commune", "province", "centre") if lv in v]
        if any(d < 0 or d > 60 for d in days):
            raise ValueError("số ngày làm việc sau ngày chốt số liệu phải từ 0 đến 60")
        if days != sorted(days):
            raise ValueError("hạn cấp trên phải sau hạn cấp dưới: cấp xã ≤ cấp tỉnh ≤ trung ương")
        return v


class Period(_Model):
    kind: PeriodKind
    regime: Regime | None = None
    deadline: str | None = Field(default=None, description="'thứ Năm 16:00', 'ngày 25 16:00' or '29/5/2026'")
    window_from: date | None = None
    window_to: date | None = None
    window_note: str | None = None
    compare_label: str | None = Field(default=None, description="'tuần trước', 'kỳ trước'…")

    _dates = field_validator("window_from", "window_to", mode="before")(_parse_dmy)

    @field_validator("deadline")
    @classmethod
    def _deadline_parses(cls, v: str | None) -> str | None:
        parse_deadline_rule(v)
        return v

    @property
    def deadline_rule(self) -> DeadlineRule:
        return parse_deadline_rule(self.deadline)

    @property
    def previous_label(self) -> str:
        if self.compare_label:
            return self.compare_label
        return {"weekly": "tuần trước", "monthly": "tháng trước", "quarterly": "quý trước",
                "half_yearly": "6 tháng trước", "yearly": "năm trước"}.get(self.kind, "kỳ trước")


class Source(_Model):
    file: str | None = None
    document: str | None = None
    issued_by: str | None = None


class Rule(_Model):
    check: str = Field(min_length=1, description="e.g. 'nv_hoan_thanh + nv_dang_thuc_hien <= nv_tong'")
    message: str = Field(min_length=1)


@dataclass(frozen=True)
class QuestionRef:
    """A question with its place in the outline."""

    question: Question
    path: tuple[Section, ...]
    index: int

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def section_number(self) -> str:
        num = ""
        for s in self.path:
            num = join_no(num, clean_no(s.no))
        return num

    @property
    def number(self) -> str:
        own = clean_no(self.question.no) if self.question.no else ""
        return join_no(self.section_number, own)

    @property
    def section(self) -> Section:
        return self.path[-1]

    @property
    def top_section(self) -> Section:
        return self.path[0]


BULLETS = frozenset({"-", "+", "·", "*", "–"})


def join_no(prefix: str, own: str) -> str:
    """Append a number to a path: ('I', '1') → 'I.1'; ('3', '3.1') → '3.1' (already absolute); a decimal number that
    repeats an ancestor's own number goes under that ancestor: ('II.2', '2.1') → 'II.2.1', ('I.3.1', '3.2') →
    'I.3.2'; bullets add nothing."""
    if not own or own in BULLETS:
        return prefix
    if not prefix:
        return own
    if own.startswith(prefix + "."):
        return own
    if re.fullmatch(r"\d+(?:\.\d+)+", own):
        parts = prefix.split(".")
        for k in range(len(parts) - 1, 0, -1):
            if parts[k].isdigit() and own.startswith(parts[k] + "."):
                return ".".join([*parts[:k], own])
    return f"{prefix}.{own}"


def clean_no(no: str | None) -> str:
    """'a)' → 'a', '(1)' → '1', 'I.' → 'I', 'I-' → 'I', 'II:' → 'II', '3.1.' → '3.1', '-' stays.

    A path is built from the numbers without their trailing marks ("II-" then "1." → "II.1"); a title shown
    alone keeps the document's own form (``Section.no``)."""
    if not no:
        return ""
    s = no.strip()
    if s in BULLETS:
        return s
    return s.rstrip("-–—:/ ").strip("().").rstrip(")") or s


class Outline(_Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    version: int = Field(default=1, ge=1)
    title: str = Field(min_length=1)
    subtitle: str | None = None
    short_title: str | None = None
    source: Source = Field(default_factory=Source)
    period: Period
    respondents: list[str] = Field(min_length=1, description="unit kinds that answer this outline")
    layout: Literal["state", "party"] = "state"
    note: str | None = None
    sections: list[Section] = Field(min_length=1)
    rules: list[Rule] = Field(default_factory=list)

    # ------------------------------------------------------------------ navigation
    def walk(self) -> Iterator[QuestionRef]:
        idx = 0

        def rec(sec: Section, path: tuple[Section, ...]) -> Iterator[QuestionRef]:
            nonlocal idx
            for it in sec.items:
                if isinstance(it, Section):
                    yield from rec(it, path + (it,))
                else:
                    yield QuestionRef(it, path, idx)
                    idx += 1

        for s in self.sections:
            yield from rec(s, (s,))

    @property
    def refs(self) -> list[QuestionRef]:
        cached = self.__dict__.get("_refs_cache")
        if cached is None:
            cached = list(self.walk())
            self.__dict__["_refs_cache"] = cached
        return cached

    @property
    def questions(self) -> list[Question]:
        return [r.question for r in self.refs]

    def ref(self, key: str) -> QuestionRef:
        m = self.__dict__.get("_ref_map")
        if m is None:
            m = {r.key: r for r in self.refs}
            self.__dict__["_ref_map"] = m
        return m[key]

    def question(self, key: str) -> Question:
        return self.ref(key).question

    def has(self, key: str) -> bool:
        try:
            self.ref(key)
            return True
        except KeyError:
            return False

    @property
    def tables(self) -> list[Question]:
        return [q for q in self.questions if q.type == "table"]

    def _conditions(self) -> list[tuple[QuestionRef, tuple[Any, ...]]]:
        conditional = self.__dict__.get("_ref_conds")
        if conditional is None:  # each question's conditions (its sections' and its own), gathered once
            conditional = [(r, tuple([s.visible_if for s in r.path if s.visible_if]
                                     + ([r.question.visible_if] if r.question.visible_if else [])))
                           for r in self.refs]
            self.__dict__["_ref_conds"] = conditional
        return conditional

    def visible_refs(
        self, unit_code: str | None, unit_kind: str | None, answers: dict[str, Any] | None = None
    ) -> list[QuestionRef]:
        return [r for r, conds in self._conditions()
                if not conds or all(c.holds(unit_code, unit_kind, answers) for c in conds)]

    def is_visible(self, key: str, unit_code: str | None, unit_kind: str | None,
                   answers: dict[str, Any] | None = None) -> bool:
        """Whether ``key`` is among :meth:`visible_refs` (the same conditions, only that question's)."""
        by_key = self.__dict__.get("_ref_conds_by_key")
        if by_key is None:
            by_key = {}
            for r, conds in self._conditions():
                by_key.setdefault(r.key, []).append(conds)
            self.__dict__["_ref_conds_by_key"] = by_key
        return any(not conds or all(c.holds(unit_code, unit_kind, answers) for c in conds)
                   for conds in by_key.get(key, ()))

    @property
    def short(self) -> str:
        return self.short_title or self.title

    def to_summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "period": self.period.kind,
            "questions": len(self.refs),
            "tables": len(self.tables),
        }

    def to_json(self) -> dict[str, Any]:
        """The outline as plain JSON: metadata, a flat question list and a table list."""

        def sec_json(s: Section, prefix: str) -> dict[str, Any]:
            num = join_no(prefix, clean_no(s.no))
            return {
                "number": num,
                "no": s.no,
                "title": s.title,
                "sections": [sec_json(c, num) for c in s.items if isinstance(c, Section)],
                "questions": [c.key for c in s.items if isinstance(c, Question)],
            }

        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "subtitle": self.subtitle,
            "period": self.period.kind,
            "deadline": self.period.deadline,
            "deadline_text": self.period.deadline_rule.describe(),
            "window_from": self.period.window_from.isoformat() if self.period.window_from else None,
            "window_to": self.period.window_to.isoformat() if self.period.window_to else None,
            "respondents": self.respondents,
            "layout": self.layout,
            "source": self.source.model_dump(exclude_none=True),
            "sections": [sec_json(s, "") for s in self.sections],
            "questions": [_question_json(r) for r in self.refs],
            "tables": [_table_json(q) for q in self.tables if q.table],
            "rules": [{"check": r.check, "message": r.message} for r in self.rules],
        }


def _question_json(r: QuestionRef) -> dict[str, Any]:
    q = r.question
    d: dict[str, Any] = {"key": q.key, "section": r.section_number, "number": r.number, "no": q.no,
                         "type": q.type, "prompt": q.prompt}
    for attr in ("help", "unit", "min", "max"):
        if getattr(q, attr) is not None:
            d[attr] = getattr(q, attr)
    d["none_ok"] = q.none_ok
    if q.type in NUMERIC_TYPES:
        d["aggregate"] = aggregate_of(q)
        if q.numerator:
            d["numerator"], d["denominator"] = q.numerator, q.denominator
    if q.options:
        d["options"] = [o.label for o in q.options]
    if q.type in ("list", "documents"):
        d["fields"] = [{"key": f.key, "label": f.label, "type": f.type} for f in q.record_fields]
    if q.visible_if:
        d["visible_if"] = q.visible_if.model_dump(exclude_none=True)
    return d


def _table_json(q: Question) -> dict[str, Any]:
    t = q.table
    return {
        "key": q.key,
        "code": t.code,
        "title": t.title,
        "rows": [r.label for r in t.rows],
        "row_keys": [r.key for r in t.rows],
        "row_units": [r.unit for r in t.rows],
        "row_aggregates": list(row_aggregates(t).values()),
        "columns": [c.label for c in t.columns],
        "column_groups": [c.group for c in t.columns],
        "column_keys": [c.key for c in t.columns],
        "column_aggregates": [aggregate_of(c) if c.type in NUMERIC_TYPES and not c.computed
                              else ("sum" if c.computed else "none") for c in t.columns],
        "total": total_row(t),  # whether the .xlsx adds a «Tổng cộng» row
        "total_why": total_verdict(t)[1],
        "total_declared": t.total,
        "ratios": {x.key: {"numerator": x.numerator, "denominator": x.denominator, "factor": x.factor}
                   for x in [*t.columns, *t.rows] if x.numerator},  # recomputed from two summed columns / rows
    }

Section.model_rebuild()
