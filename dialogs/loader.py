"""Reading outline files: YAML with line numbers, structural validation (pydantic) and semantic checks.

``check_outline_text`` returns every problem with its line and a Vietnamese explanation, so an
administrator can fix a new outline without reading code; ``load_outline`` raises on any problem.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from dialogs.figures import aggregate_problems, factor_problems, row_problems, total_problems
from dialogs.kinds import UNIT_KINDS
from dialogs.outline import (
    ALL_TYPES,
    NUMERIC_TYPES,
    Outline,
    Question,
    Section,
    Table,
)
from dialogs.rules import RuleSyntaxError, compile_rule

OUTLINES_DIR = Path(__file__).parent / "outlines"


@dataclass(frozen=True, order=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"dòng {self.line}: {self.message}"


class OutlineError(ValueError):
    def __init__(self, path: str, problems: list[Problem]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(str(p) for p in problems[:5]))


# --------------------------------------------------------------------------- YAML with lines


class LDict(dict):
    line: int = 0
    key_lines: dict[str, int]


class LList(list):
    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LDict:
    loader.flatten_mapping(node)
    d = LDict()
    d.line = node.start_mark.line + 1
    d.key_lines = {}
    seen: dict[Any, int] = {}
    for knode, vnode in node.value:
        k = loader.construct_object(knode, deep=True)
        if k in seen:
            loader.duplicate_keys.append(
                Problem(knode.start_mark.line + 1, f"khóa «{k}» lặp lại (đã có ở dòng {seen[k]})")
            )
        seen[k] = knode.start_mark.line + 1
        d[k] = loader.construct_object(vnode, deep=True)
        d.key_lines[str(k)] = knode.start_mark.line + 1
    return d


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> LList:
    lst = LList(loader.construct_object(v, deep=True) for v in node.value)
    lst.line = node.start_mark.line + 1
    lst.item_lines = [v.start_mark.line + 1 for v in node.value]
    return lst


def _construct_str(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    return loader.construct_scalar(node)


# YAML 1.1 reads yes/no/on/off as booleans, which would turn the key "no" (a section's number) into
# False: only true/false are booleans in outline files.
_LineLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)
# Keep dates as text ("2025-07-01" stays a string for pydantic); keep numbers as numbers.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)


def _yaml_load(text: str) -> tuple[Any, list[Problem]]:
    loader = _LineLoader(text)
    loader.duplicate_keys = []  # type: ignore[attr-defined]
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return data, loader.duplicate_keys  # type: ignore[attr-defined]


def _line_of(raw: Any, loc: tuple[Any, ...]) -> int:
    """Walk the raw tree along a pydantic error location; the deepest known line wins."""
    line = getattr(raw, "line", 1) or 1
    node = raw
    for part in loc:
        if isinstance(node, LDict):
            if part in node:
                line = node.key_lines.get(str(part), line)
                node = node[part]
            else:
                # a tag of a union ('section'/'question') or a missing key: stay on this node
                continue
        elif isinstance(node, LList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            continue
    return line


_PYDANTIC_VI = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không được phép (sai tên?)",
    "string_type": "phải là chuỗi văn bản",
    "string_too_short": "không được để trống",
    "string_pattern_mismatch": "chỉ dùng chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ: nv_tong)",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "float_type": "phải là số",
    "float_parsing": "phải là số",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "list_type": "phải là một danh sách",
    "dict_type": "phải là một khối khóa: giá trị",
    "model_type": "phải là một khối khóa: giá trị",
    "too_short": "danh sách không được rỗng",
    "date_from_datetime_parsing": "phải là ngày dạng 01/7/2025",
    "date_parsing": "phải là ngày dạng 01/7/2025",
    "date_type": "phải là ngày dạng 01/7/2025",
    "greater_than_equal": "giá trị quá nhỏ",
    "less_than_equal": "giá trị quá lớn",
}


def _translate(err: dict[str, Any]) -> str:
    typ = err["type"]
    field = next((str(p) for p in reversed(err["loc"]) if isinstance(p, str) and p not in ("section", "question")), "")
    if typ == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        if field == "type":
            return f"kiểu «{err.get('input')}» không có; các kiểu hợp lệ: {', '.join(sorted(ALL_TYPES))}"
        return f"«{field}»: giá trị «{err.get('input')}» không hợp lệ, phải là một trong {expected}"
    if typ in ("value_error", "assertion_error"):
        msg = str(err.get("ctx", {}).get("error", err["msg"]))
        return msg
    vi = _PYDANTIC_VI.get(typ, err["msg"])
    return f"«{field}»: {vi}" if field else vi


# --------------------------------------------------------------------------- line attachment


def _attach_lines(model: BaseModel, raw: Any) -> None:
    if isinstance(raw, LDict):
        model._line = raw.line  # type: ignore[attr-defined]
    for name in type(model).model_fields:
        val = getattr(model, name)
        sub = raw.get(name) if isinstance(raw, dict) else None
        if isinstance(val, BaseModel):
            _attach_lines(val, sub)
        elif isinstance(val, list):
            for i, item in enumerate(val):
                if isinstance(item, BaseModel):
                    r = sub[i] if isinstance(sub, list) and i < len(sub) else None
                    _attach_lines(item, r)


# --------------------------------------------------------------------------- semantic checks


def _semantic(outline: Outline) -> list[Problem]:
    probs, types, order = _check_items(outline)
    probs += _check_period(outline)
    probs += _check_rules(outline, types)
    probs += _check_conditions(outline, types, order)
    return probs


def _check_items(outline: Outline) -> tuple[list[Problem], dict[str, str], dict[str, int]]:
    """Sections and questions: empty sections, duplicate keys, options and fields, type-specific settings.
    Also returns each question's type and its position in the outline, for the checks that follow."""
    probs: list[Problem] = []
    seen: dict[str, int] = {}
    types: dict[str, str] = {}
    order: dict[str, int] = {}

    def check_section(sec: Section) -> None:
        if not sec.items:
            probs.append(Problem(sec.line, f"mục «{sec.no} {sec.title[:40]}» không có câu hỏi hay mục con nào"))
        for it in sec.items:
            if isinstance(it, Section):
                check_section(it)
            else:
                check_question(it)

    def check_question(q: Question) -> None:
        if q.key in seen:
            probs.append(Problem(q.line, f"khóa câu hỏi «{q.key}» trùng với câu ở dòng {seen[q.key]}"))
        else:
            seen[q.key] = q.line
            types[q.key] = q.type
            order[q.key] = len(order)
        if q.options:
            _dups(probs, q.line, [o.key for o in q.options], "khóa lựa chọn")
        if q.fields:
            _dups(probs, q.line, [f.key for f in q.fields], "khóa trường")
            for f in q.fields:
                if f.type == "choice" and not f.options:
                    probs.append(Problem(f.line, f"trường «{f.key}» kiểu choice phải có options"))
        if q.within_window and q.type != "date":
            probs.append(Problem(q.line, f"câu «{q.key}»: within_window chỉ dùng cho kiểu date"))
        if (q.min is not None or q.max is not None) and q.type not in NUMERIC_TYPES:
            probs.append(Problem(q.line, f"câu «{q.key}»: min/max chỉ dùng cho kiểu số, không cho «{q.type}»"))
        if q.table is not None:
            _check_table(probs, q, q.table)
        if q.label is not None and ("?" in q.label or "bao nhiêu" in q.label.lower()):
            probs.append(Problem(q.line, f"câu «{q.key}»: label là câu trần thuật dùng trong báo cáo, không phải câu "
                                         "hỏi; ví dụ «Số đợt tập huấn đã tổ chức» thay cho «đã tổ chức bao nhiêu đợt?»"))

    for s in outline.sections:
        check_section(s)
    numbers = {k: t for k, t in types.items() if t in NUMERIC_TYPES}
    for ref in outline.refs:
        q = ref.question
        probs += [Problem(q.line, m) for m in aggregate_problems(q, f"câu «{q.key}»", numbers)]
    return probs, types, order


def _check_period(outline: Outline) -> list[Problem]:
    """The reporting period and the kinds of units that answer."""
    probs: list[Problem] = []
    p = outline.period
    if p.window_from and p.window_to and p.window_from > p.window_to:
        probs.append(Problem(p.line, "window_from sau window_to: khoảng thời gian số liệu bị ngược"))
    if p.kind == "weekly" and p.deadline_rule.kind not in ("weekly", "none"):
        probs.append(Problem(p.line, "đề cương hằng tuần cần hạn nộp theo thứ, ví dụ «thứ Năm 16:00»"))
    if p.regime is not None and p.kind not in ("monthly", "quarterly", "half_yearly", "yearly"):
        probs.append(Problem(p.regime.line or p.line, "regime (chốt số liệu theo Nghị định 09/2019/NĐ-CP) chỉ dùng "
                             "cho kỳ monthly, quarterly, half_yearly hoặc yearly; bỏ regime hoặc đổi kind"))
    for kind in outline.respondents:
        if kind not in UNIT_KINDS:
            probs.append(
                Problem(_first_line(outline), f"respondents: loại đơn vị «{kind}» không có; dùng: {', '.join(UNIT_KINDS)}")
            )
    return probs


def _check_rules(outline: Outline, types: dict[str, str]) -> list[Problem]:
    """Each rule compiles and names existing numeric questions or table cells."""
    probs: list[Problem] = []
    cell_names = _table_cell_names(outline)
    for r in outline.rules:
        try:
            cr = compile_rule(r.check)
        except RuleSyntaxError as e:
            probs.append(Problem(r.line, str(e)))
            continue
        for name in cr.names:
            if "." in name:
                if name not in cell_names:
                    probs.append(Problem(r.line, f"quy tắc nhắc tới ô biểu «{name}» không có (dạng biểu.dòng.cột)"))
            elif name not in types:
                probs.append(Problem(r.line, f"quy tắc nhắc tới câu hỏi «{name}» không có trong đề cương"))
            elif types[name] not in NUMERIC_TYPES:
                probs.append(Problem(r.line, f"quy tắc dùng câu «{name}» kiểu {types[name]}, không phải kiểu số"))
    return probs


def _check_conditions(outline: Outline, types: dict[str, str], order: dict[str, int]) -> list[Problem]:
    """visible_if: an earlier question, known unit kinds."""
    probs: list[Problem] = []
    for ref in outline.refs:
        conds = [s.visible_if for s in ref.path if s.visible_if] + (
            [ref.question.visible_if] if ref.question.visible_if else []
        )
        for c in conds:
            if c.answer is not None:
                if c.answer not in types:
                    probs.append(Problem(c.line, f"visible_if nhắc tới câu «{c.answer}» không có"))
                elif order[c.answer] >= order.get(ref.key, 0):
                    probs.append(Problem(c.line, f"visible_if phải dựa vào câu hỏi đứng trước, «{c.answer}» đứng sau"))
            if c.unit_kinds:
                for k in c.unit_kinds:
                    if k not in UNIT_KINDS:
                        probs.append(Problem(c.line, f"visible_if: loại đơn vị «{k}» không có"))
    return probs


def _first_line(outline: Outline) -> int:
    return outline.line or 1


def _dups(probs: list[Problem], line: int, keys: list[str], what: str) -> None:
    seen: set[str] = set()
    for k in keys:
        if k in seen:
            probs.append(Problem(line, f"{what} «{k}» lặp lại"))
        seen.add(k)


def _check_table(probs: list[Problem], q: Question, t: Table) -> None:
    _dups(probs, t.line, [c.key for c in t.columns], f"biểu «{q.key}»: khóa cột")
    _dups(probs, t.line, [r.key for r in t.rows], f"biểu «{q.key}»: khóa dòng")
    ckeys = {c.key: c for c in t.columns}
    rkeys = {r.key for r in t.rows}
    if not t.input_columns:
        probs.append(Problem(t.line, f"biểu «{q.key}» không có cột nào để nhập (mọi cột đều là tổng)"))
    for c in t.columns:
        for k in c.sum_of or []:
            if k not in ckeys:
                probs.append(Problem(c.line, f"biểu «{q.key}»: cột tổng «{c.key}» cộng cột «{k}» không có"))
            elif ckeys[k].type not in NUMERIC_TYPES:
                probs.append(Problem(c.line, f"biểu «{q.key}»: cột «{k}» không phải kiểu số, không cộng được"))
    for r in t.rows:
        if isinstance(r.sum_of, list):
            for k in r.sum_of:
                if k not in rkeys:
                    probs.append(Problem(r.line, f"biểu «{q.key}»: dòng tổng «{r.key}» cộng dòng «{k}» không có"))
        if r.sum_of == "children" and not t.children_of(r):
            probs.append(Problem(r.line, f"biểu «{q.key}»: dòng «{r.key}» cộng các dòng con nhưng không có dòng con (level)"))
        if r.open and r.sum_of is not None:
            probs.append(Problem(r.line, f"biểu «{q.key}»: dòng «{r.key}» không thể vừa mở (open) vừa là tổng"))
    if not any(r.asked or r.open for r in t.rows):
        probs.append(Problem(t.line, f"biểu «{q.key}» không có dòng nào để nhập"))
    col_numbers = {c.key: c.type for c in t.columns if c.type in NUMERIC_TYPES}
    for c in t.columns:
        where = f"biểu «{q.key}», cột «{c.key}»"
        if c.computed and (c.aggregate not in (None, "sum") or c.numerator or c.of):
            probs.append(Problem(c.line, f"{where} là cột tổng (sum_of): bỏ aggregate/numerator/of"))
            continue
        probs.extend(Problem(c.line, m) for m in aggregate_problems(c, where, col_numbers))
    probs.extend(Problem(t.line, m) for m in total_problems(t, f"biểu «{q.key}»"))
    probs.extend(Problem(r.line, m) for r, m in row_problems(t, f"biểu «{q.key}»"))
    probs.extend(Problem(x.line, m) for x, m in factor_problems(t, f"biểu «{q.key}»"))


def _table_cell_names(outline: Outline) -> set[str]:
    out: set[str] = set()
    for q in outline.tables:
        assert q.table is not None
        for r in q.table.rows:
            for c in q.table.columns:
                out.add(f"{q.key}.{r.key}.{c.key}")
    return out


# --------------------------------------------------------------------------- public API


def check_outline_text(text: str) -> tuple[Outline | None, list[Problem]]:
    try:
        raw, dup = _yaml_load(text)
    except yaml.MarkedYAMLError as e:
        line = (e.problem_mark.line + 1) if e.problem_mark else 1
        return None, [Problem(line, f"lỗi cú pháp YAML: {e.problem or e}")]
    except yaml.YAMLError as e:
        return None, [Problem(1, f"lỗi cú pháp YAML: {e}")]
    if not isinstance(raw, dict):
        return None, [Problem(1, "tệp phải là một khối khóa: giá trị (id, title, period, sections…)")]
    probs = list(dup)
    try:
        outline = Outline.model_validate(raw)
    except ValidationError as e:
        for err in e.errors():
            probs.append(Problem(_line_of(raw, err["loc"]), _translate(err)))
        return None, sorted(set(probs))
    _attach_lines(outline, raw)
    probs.extend(_semantic(outline))
    return (outline if not probs else None), sorted(set(probs))


def check_outline_file(path: str | Path) -> tuple[Outline | None, list[Problem]]:
    return check_outline_text(Path(path).read_text(encoding="utf-8"))


def load_outline(path: str | Path) -> Outline:
    outline, probs = check_outline_file(path)
    if probs or outline is None:
        raise OutlineError(str(path), probs)
    return outline


def content_hash(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def text_hash(text: str) -> str:
    """The content hash of an outline given as text (the same as :func:`content_hash` of its UTF-8 file)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_outline_text(text: str, name: str = "đề cương") -> Outline:
    outline, probs = check_outline_text(text)
    if probs or outline is None:
        raise OutlineError(name, probs)
    return outline


@dataclass(frozen=True)
class Catalogue:
    """The outlines the bot knows: shipped or administrators' files, and outlines published as text
    (from the database: ``texts`` holds their YAML; a published outline replaces a file of the same id)."""

    outlines: dict[str, Outline]
    files: dict[str, Path]
    texts: dict[str, str] = field(default_factory=dict)

    def get(self, outline_id: str) -> Outline:
        return self.outlines[outline_id]

    def __iter__(self):
        return iter(self.outlines.values())

    def __len__(self) -> int:
        return len(self.outlines)

    def hash(self, outline_id: str) -> str:
        if outline_id in self.texts:
            return text_hash(self.texts[outline_id])
        return content_hash(self.files[outline_id])

    def with_published(self, published: dict[str, tuple[Outline, str]]) -> Catalogue:
        """A new catalogue where each published (outline, YAML text) replaces the outline of its id."""
        outlines = dict(self.outlines)
        files = {k: v for k, v in self.files.items() if k not in published}
        texts = dict(self.texts)
        for oid, (outline, text) in published.items():
            outlines[oid] = outline
            texts[oid] = text
        return Catalogue(outlines, files, texts)


def load_catalogue(extra_dirs: tuple[str | Path, ...] = ()) -> Catalogue:
    """The shipped outlines plus any found in extra directories (an administrator's own)."""
    return _load_catalogue(tuple(str(d) for d in extra_dirs))


@lru_cache(maxsize=8)
def _load_catalogue(extra_dirs: tuple[str, ...]) -> Catalogue:
    outlines: dict[str, Outline] = {}
    files: dict[str, Path] = {}
    for d in (OUTLINES_DIR, *map(Path, extra_dirs)):
        if not d.is_dir():
            continue
        for p in sorted(d.glob("*.yaml")):
            o = load_outline(p)
            outlines[o.id] = o
            files[o.id] = p
    return Catalogue(outlines, files)
