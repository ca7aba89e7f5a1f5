"""`baocao outlines list|show|check|import`: the outline catalogue, checking a file, importing a document."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from bot.cli.common import _catalogue_db, _print_json
from bot.config import Settings
from bot.outline_drafts import summary_lines
from dialogs.figures import (
    AGGREGATE_VI,
    ROW_AGGREGATE_VI,
    aggregate_of,
    row_aggregates,
    summed_columns,
    total_verdict,
)
from dialogs.loader import OutlineError, Problem, check_outline_text
from dialogs.outline import NUMERIC_TYPES, PERIOD_KIND_VI, TYPE_VI, Outline


async def cmd_outlines_list(a: argparse.Namespace, st: Settings) -> int:
    cat = await _catalogue_db(st)
    rows = [o.to_summary() for o in cat]
    if a.json:
        _print_json(rows)
        return 0
    print(f"{'Mã đề cương':<26} {'Kỳ':<15} {'Câu':>4} {'Biểu':>4}  Tên")
    for o in cat:
        print(f"{o.id:<26} {PERIOD_KIND_VI[o.period.kind]:<15} {len(o.refs):>4} {len(o.tables):>4}  {o.short}")
    return 0


def outline_json(o: Outline) -> dict[str, Any]:
    """The JSON of `outlines show --json`, also printed by `outlines import --json`."""
    return o.to_json()


def _is_path(arg: str) -> bool:
    return Path(arg).is_file() or arg.endswith((".yaml", ".yml")) or "/" in arg or "\\" in arg


def _print_problems(name: str, problems: list[Problem], as_json: bool) -> None:
    if as_json:
        _print_json({"ok": False, "problems": [{"line": p.line, "message": p.message} for p in problems]})
        return
    for p in problems:
        print(f"{name}:{p.line}: {p.message}")
    print(f"\n{len(problems)} lỗi. Sửa các dòng trên rồi chạy lại: baocao outlines check {name}")


async def _resolve(arg: str, st: Settings) -> tuple[str, str | None, int]:
    """(name, YAML text, exit code): a file path is read as it is; an id is found in the catalogue."""
    if _is_path(arg):
        path = Path(arg)
        if not path.is_file():
            print(f"Không tìm thấy tệp «{path}». Ví dụ: baocao outlines check de-cuong.yaml", file=sys.stderr)
            return arg, None, 2
        return str(path), path.read_text(encoding="utf-8"), 0
    cat = await _catalogue_db(st)
    if arg not in cat.outlines:
        print(f"Không có đề cương «{arg}» và không có tệp «{arg}». Xem danh sách: baocao outlines list",
              file=sys.stderr)
        return arg, None, 2
    if arg in cat.texts:
        return arg, cat.texts[arg], 0
    return str(cat.files[arg]), cat.files[arg].read_text(encoding="utf-8"), 0


async def cmd_outlines_show(a: argparse.Namespace, st: Settings) -> int:
    name, text, code = await _resolve(a.id, st)
    if text is None:
        return code
    o, problems = check_outline_text(text)
    if o is None:
        _print_problems(name, problems, False)
        return 1
    if a.json:
        _print_json(outline_json(o))
        return 0
    _print_outline(o)
    return 0


def _print_outline(o: Outline) -> None:
    print(o.title)
    if o.subtitle:
        print(f"({o.subtitle})")
    print(f"Kỳ báo cáo: {PERIOD_KIND_VI[o.period.kind]}; hạn nộp: {o.period.deadline_rule.describe()}")
    last_section = None
    for r in o.refs:
        if r.section_number != last_section:
            last_section = r.section_number
            print(f"\n{r.section_number}. {r.section.title}")
        q = r.question
        print(f"  [{q.key}] {q.no or ''} {q.prompt}  ({TYPE_VI[q.type]}{', ' + q.unit if q.unit else ''}"
              f"{'; tổng hợp: ' + aggregate_text(q) if q.numeric else ''})")
        if q.table is not None:
            print(f"      {q.table.title}")
            print("      Cột: " + " | ".join(c.label + (f" [{aggregate_text(c)}]" if c.type in NUMERIC_TYPES
                                                     and not c.computed else "") for c in q.table.columns))
            raggs = row_aggregates(q.table)
            print("      Dòng: " + " | ".join(f"{rw.no or ''} {rw.label}".strip() + _row_note(rw, raggs[rw.key])
                                          for rw in q.table.rows))
            print("      Dòng «Tổng cộng» thêm vào tệp .xlsx: " + total_text(q.table))


def _row_note(rw, agg: str) -> str:
    """A row's unit and, when it is not summed, how it is consolidated: " [%; trung bình cộng các đơn vị]",
    " [tạ/ha; tính lại từ số đã cộng (san_luong / dien_tich × 10)]"."""
    how = ROW_AGGREGATE_VI.get(agg)
    if agg == "ratio":
        how = f"{how} ({rw.numerator} / {rw.denominator} × {100 if rw.factor is None else f'{rw.factor:g}'})"
    parts = ([rw.unit] if rw.unit else []) + ([how] if how else [])
    return f" [{'; '.join(parts)}]" if parts else ""


def total_text(t) -> str:
    """Whether the .xlsx adds a «Tổng cộng» row under a Biểu, and why, in words (the ``total`` flag or the rule)."""
    yes, why = total_verdict(t)
    if t.total is not None and not any(r.kind == "total" for r in t.rows):
        return f"{'có' if yes else 'không'} ({why})"
    if yes:
        return f"có — {why} (ghi «total: false» nếu không cộng được)"
    return f"không — {why}" + ("" if any(r.kind == "total" for r in t.rows) or not summed_columns(t)
                               else " (ghi «total: true» nếu cộng được)")


def aggregate_text(item) -> str:
    """How a number is consolidated, in words: "cộng", "tỷ lệ tính lại … (a / b)", "tỷ trọng … (của x)"."""
    agg = aggregate_of(item)
    factor = getattr(item, "factor", None)
    parts = (f" ({item.numerator} / {item.denominator}{f' × {factor:g}' if factor is not None else ''})" if agg == "ratio"
             else f" (của {item.of})" if agg == "share" else "")
    return AGGREGATE_VI[agg] + parts


async def cmd_outlines_check(a: argparse.Namespace, st: Settings) -> int:
    name, text, code = await _resolve(a.file, st)
    if text is None:
        return code
    outline, problems = check_outline_text(text)
    if problems:
        _print_problems(name, problems, a.json)
        return 1
    assert outline is not None
    if a.json:
        _print_json({"ok": True, "problems": []})
        return 0
    print(f"Đề cương hợp lệ: {outline.id} — {len(outline.refs)} câu hỏi, {len(outline.tables)} biểu.")
    return 0


async def cmd_outlines_import(a: argparse.Namespace, st: Settings) -> int:
    """A .docx/.txt/.pdf đề cương → a draft YAML next to it (or --out), and what the importer made of it."""
    from dialogs.importer import DocumentError, draft_outline, import_document

    src = Path(a.file)
    if not src.is_file():
        print(f"Không tìm thấy tệp «{src}». Ví dụ: baocao outlines import de-cuong.docx", file=sys.stderr)
        return 2
    out = Path(a.out) if a.out else src.with_suffix(".yaml")
    if out.resolve() == src.resolve():
        print(f"Tệp kết quả trùng tệp vào «{src}». Chọn tên khác, ví dụ: --out de-cuong-moi.yaml", file=sys.stderr)
        return 2
    try:
        result = await asyncio.to_thread(import_document, src)
        outline = draft_outline(result)
    except DocumentError as e:
        print(f"Không nhập được «{src.name}»: {e}", file=sys.stderr)
        return 1
    except OutlineError as e:
        print(f"Trình nhập tạo ra bản nháp không hợp lệ (lỗi của chương trình, xin báo lại): {e}", file=sys.stderr)
        return 1
    try:
        out.write_text(result.yaml, encoding="utf-8")
    except OSError as e:  # a folder that does not exist, no right to write, a full disk
        why = ("thư mục không tồn tại" if isinstance(e, FileNotFoundError) else "không có quyền ghi"
               if isinstance(e, PermissionError) else "lỗi khi ghi tệp")
        print(f"Không ghi được bản nháp vào «{out}»: {why}. Hãy kiểm tra thư mục, ví dụ: "
              f"--out {src.with_suffix('.yaml').name}", file=sys.stderr)
        return 1
    if a.json:
        _print_json(outline_json(outline))
        print(f"Đã ghi bản nháp: {out}", file=sys.stderr)
        return 0
    print(f"Đã ghi bản nháp: {out}")
    for line in summary_lines(outline, result.yaml, result.repairs):
        print(line)
    print(f"\nKiểm tra: baocao outlines check {out}\nXem: baocao outlines show {out}")
    return 0


def register(sub: Any) -> None:
    o = sub.add_parser("outlines", help="đề cương báo cáo").add_subparsers(dest="sub", required=True)
    x = o.add_parser("list", help="danh sách đề cương")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_outlines_list)
    x = o.add_parser("show", help="xem một đề cương (mã hoặc tệp .yaml)")
    x.add_argument("id", help="mã đề cương hoặc đường dẫn tệp .yaml")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_outlines_show)
    x = o.add_parser("check", help="kiểm tra một tệp đề cương .yaml (hoặc một đề cương theo mã)")
    x.add_argument("file", help="đường dẫn tệp .yaml hoặc mã đề cương")
    x.add_argument("--json", action="store_true")
    x.set_defaults(fn=cmd_outlines_check)
    x = o.add_parser("import", help="nhập đề cương từ tệp .docx, .txt, .pdf thành bản nháp .yaml")
    x.add_argument("file", help="tệp đề cương: .docx, .txt hoặc .pdf (có lớp chữ)")
    x.add_argument("--out", help="tệp .yaml kết quả (mặc định: cạnh tệp vào)")
    x.add_argument("--json", action="store_true", help="in bản nháp dạng JSON như outlines show --json")
    x.set_defaults(fn=cmd_outlines_import)
