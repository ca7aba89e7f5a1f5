"""Outline importer: a .docx, .txt or .pdf đề cương → a draft outline YAML that passes the checker.

Public API (no aiogram here):

- ``import_document(source, filename=None) -> ImportResult``: ``source`` is a path or the file's bytes.
  Raises ``DocumentError`` (a Vietnamese message saying what was wrong) for input that is not a
  readable document; nothing is written.
- ``ImportResult``: ``yaml`` (the draft, with ``# ?`` comments), ``data`` (the parsed dict), ``notes``
  (unsure points with the question key or section), ``repairs`` ("cơng → công": count), ``stats``.
- ``draft_outline(result) -> Outline``: the draft loaded through the project's loader.
"""

from __future__ import annotations

import copy
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dialogs.importer.build import build
from dialogs.importer.document import DocumentError
from dialogs.importer.emit import to_yaml
from dialogs.importer.last_resort import last_resort
from dialogs.importer.reading import MAX_BYTES, read
from dialogs.importer.tidy import tidy
from dialogs.loader import OutlineError, check_outline_text
from dialogs.outline import Outline

log = logging.getLogger("dialogs.importer")

__all__ = ["DocumentError", "ImportResult", "import_document", "draft_outline", "MAX_BYTES"]


@dataclass
class ImportResult:
    yaml: str
    data: dict[str, Any]
    notes: list[dict[str, str]] = field(default_factory=list)
    repairs: dict[str, int] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    filename: str = ""

    def summary_lines(self) -> list[str]:
        s = self.stats
        types = ", ".join(f"{t}: {n}" for t, n in sorted(s["questions_by_type"].items()))
        lines = [
            f"{s['sections']} mục, {s['questions']} câu hỏi ({types}), {s['tables']} biểu.",
        ]
        if self.repairs:
            lines.append("Đã sửa chữ hỏng: " + "; ".join(f"{k} ({n} lần)" for k, n in self.repairs.items()))
        for n in self.notes:
            where = n.get("key") or n.get("section") or ""
            lines.append(f"? {where}: {n['message']}" if where else f"? {n['message']}")
        return lines


ACCENTLESS = ("văn bản gõ không dấu tiếng Việt: trình nhập không tự thêm dấu (đoán dấu không bao giờ chắc). Hãy sửa lời "
              "các câu hỏi cho có dấu, ví dụ «Ho va ten» thành «Họ và tên», hoặc gửi bản .docx có dấu")


def _read_source(source: str | Path | bytes, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        return bytes(source), filename or "de-cuong.txt"
    p = Path(source)
    if not p.is_file():
        raise DocumentError(f"Không tìm thấy tệp «{p}». Hãy kiểm tra đường dẫn, ví dụ: de-cuong.docx")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise DocumentError(
            f"Tệp quá lớn ({size / 1048576:.1f} MB); chỉ nhận tệp đến {MAX_BYTES // 1048576} MB. "
            "Hãy gửi riêng phần đề cương (ví dụ: đề cương.docx)."
        )
    return p.read_bytes(), filename or p.name


def _strip_private(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _strip_private(x) for k, x in v.items() if not k.startswith("_")}
    if isinstance(v, list):
        return [_strip_private(x) for x in v]
    return v


def _stats(data: dict) -> dict[str, Any]:
    types: Counter[str] = Counter()
    sections = 0

    def walk(items: list[dict]) -> None:
        nonlocal sections
        for it in items:
            if "items" in it:
                sections += 1
                walk(it["items"])
            else:
                types[it["type"]] += 1

    walk(data["sections"])
    return {"sections": sections, "questions": sum(types.values()), "questions_by_type": dict(types),
            "tables": types.get("table", 0)}


def import_document(source: str | Path | bytes, filename: str | None = None) -> ImportResult:
    raw, name = _read_source(source, filename)
    doc = read(raw, name)
    try:
        built = build(doc, name)
    except Exception as e:  # noqa: BLE001 - an importer gap never refuses a document that has content
        log.exception("the importer failed on %s: a last-resort draft", name)
        built = last_resort(doc, e)
    built.data.setdefault("source", {"file": Path(name).name})
    header = [
        f"Bản nháp đề cương do trình nhập tạo từ «{name}». Dòng có «# ?» là chỗ trình nhập chưa chắc: hãy xem lại.",
        "Kiểm tra: baocao outlines check TỆP.yaml",
    ]
    if built.repair.repairs:
        header.append("Đã sửa chữ hỏng (PDF lỗi phông): " + "; ".join(built.repair.lines()[:20]))
    if built.repair.accentless:
        built.ctx.notes.append({"message": ACCENTLESS})
    if built.dropped:
        header.append(f"Đã bỏ {len(built.dropped)} dòng rác của trang web (tải về, lượt xem, chia sẻ…).")
    # the unsure points about the whole document (a table seen but not rebuilt, lines dropped…) have no line of
    # their own: they head the draft as «# ?» lines, so the CLI and the bot list them with the others
    header += [f"? {' '.join(n['message'].split())}" for n in built.ctx.notes if not (n.get("key") or n.get("section"))]
    text = to_yaml(built.data, header)
    _, problems = check_outline_text(text)
    if problems:  # never refuse a document with content: drop the pieces the checker rejects, say so
        text = _salvage(built, header, problems)
    data = _strip_private(copy.deepcopy(built.data))
    notes = list(built.ctx.notes)
    for k, n in built.repair.unsure.items():
        notes.append({"message": f"chữ «{k}» có vẻ hỏng nhưng không sửa được ({n} lần)"})
    if built.repair.repairs:
        notes.append({"message": f"đã sửa {sum(built.repair.repairs.values())} chữ hỏng do PDF lỗi phông"})
    stats = _stats(data)
    stats.update({"joined_lines": built.joined, "flattened_lines": built.flattened,
                  "dropped_lines": len(built.dropped), "damaged_text": built.repair.damaged,
                  "none_ok_everywhere": built.none_ok})
    _, problems = check_outline_text(text)
    if problems:  # a bug of the importer: never hand out a draft that does not pass the checker
        raise OutlineError(name, problems)
    return ImportResult(text, data, notes, dict(built.repair.repairs), stats, name)


def _questions(items: list[dict]) -> list[dict]:
    out = []
    for it in items:
        out.extend(_questions(it["items"]) if "items" in it else [it])
    return out


def _salvage(built, header: list[str], problems: list) -> str:
    """The draft failed the checker (an importer gap, not the administrator's fault): first drop the questions that
    cannot stand (no prompt, a table without rows or columns, a choice without options → a text answer), then,
    if it still fails, keep every question as a written answer in one section. Each step is an unsure point."""
    notes = built.ctx.notes
    for q in _questions(built.data["sections"]):
        if q.get("type") == "table" and not (q.get("table", {}).get("rows") and q.get("table", {}).get("columns")):
            q["type"] = "longtext"
            q.pop("table", None)
            notes.append({"key": q["key"], "message": "biểu không dựng được (thiếu dòng hoặc cột): để câu trả lời "
                                                      "bằng lời, hãy dựng lại biểu"})
        if q.get("type") in ("choice", "multichoice") and not q.get("options"):
            q["type"] = "longtext"
    tidy(built.data["sections"], notes)
    if not built.data["sections"]:
        built.data["sections"] = [{"no": "", "title": built.data["title"], "items": [
            {"key": "noi_dung", "prompt": "Nội dung báo cáo", "type": "longtext", "_comments": {}}]}]
    text = to_yaml(built.data, header)
    _, left = check_outline_text(text)
    if not left:
        return text
    flat = [q for q in _questions(built.data["sections"]) if (q.get("prompt") or "").strip()]
    for q in flat:
        for k in [k for k in q if k not in ("key", "no", "prompt", "help", "_comments")]:
            q.pop(k)
        q["type"] = "longtext"
    built.data["sections"] = [{"no": "", "title": built.data["title"], "items": flat or [
        {"key": "noi_dung", "prompt": "Nội dung báo cáo", "type": "longtext", "_comments": {}}]}]
    notes.append({"message": "bản nháp đầu không qua được kiểm tra ("
                             + "; ".join(str(p) for p in problems[:3]) + "): mọi câu để trả lời bằng lời, hãy sửa kiểu"})
    return to_yaml(built.data, header)


def draft_outline(result: ImportResult) -> Outline:
    outline, problems = check_outline_text(result.yaml)
    if outline is None:
        raise OutlineError(result.filename, problems)
    return outline
