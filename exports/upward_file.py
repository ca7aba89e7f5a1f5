"""The province's report upward as a .docx to edit in Word and send back (the .xlsx is /mau's own template).

Each question is a heading "I.4 Đánh giá chung…" with its answer in the paragraphs under it. The province rewrites
the paragraphs under a narrative or choice heading; reading the file back takes, for each such heading found, the
paragraphs under it up to the next heading. Carried figures (numbers, Biểu, lists) are printed for reading only and
never read back. The file names its unit and period in its properties (``identifier``), checked on reading.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.shared import Pt

from dialogs.answers import format_value
from dialogs.outline import Outline
from dialogs.text import fold

MARK = "baocaolen"
MAX_BYTES = 20 * 1024 * 1024
NOT_OURS = ("Tệp này không phải tệp báo cáo gửi cấp trên của tỉnh do bot làm ra cho kỳ đang mở. Bấm «📥 Tải tệp để sửa» "
            "trong /baocaolen để lấy tệp .xlsx hoặc .docx, sửa phần của tỉnh rồi gửi lại đúng tệp đó.")


class UpwardFileRefused(ValueError):
    """A file that is not read at all; the message says why and what to send instead."""


def file_kind(data: bytes) -> str | None:
    """``docx``, ``xlsx`` or None, from what the zip holds (not from the name)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        return None
    return "docx" if "word/document.xml" in names else "xlsx" if "xl/workbook.xml" in names else None


def heading(ref: Any) -> str:
    return f"{ref.number} {ref.question.prompt}".strip()


def make_upward_docx(outline: Outline, unit: Any, period: Any, answers: dict[str, Any], sources: dict[str, str],
                     editable: Callable[[str], bool]) -> bytes:
    doc = Document()
    doc.core_properties.identifier = f"{MARK}:{unit.code}:{period.id}"
    doc.core_properties.title = f"Báo cáo của {unit.name} — {outline.short}, {period.label}"
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    doc.add_heading(f"Báo cáo của {unit.name} gửi cấp trên — {outline.short}, {period.label}", level=1)
    note = doc.add_paragraph("Sửa nội dung dưới các mục có ghi «(tỉnh sửa)»; giữ nguyên dòng tiêu đề của mục. Số liệu "
                             "cộng từ các xã chỉ để xem, bot không đọc lại. Lưu dạng .docx rồi gửi tệp vào bot.")
    note.runs[0].italic = True
    for ref in outline.refs:
        q = ref.question
        if q.key not in answers:
            continue
        doc.add_heading(heading(ref), level=2)
        shown = format_value(q, answers[q.key])
        if editable(q.key):
            doc.add_paragraph("(tỉnh sửa)").runs[0].italic = True
            for line in shown.split("\n"):
                doc.add_paragraph(line)
        else:
            src = sources.get(q.key)
            doc.add_paragraph(f"(số liệu cộng từ các xã{': ' + src if src else ''}; không sửa ở đây)").runs[0].italic = True
            for line in shown.split("\n"):
                doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@dataclass
class UpwardDocx:
    unit_code: str
    period_id: int
    texts: dict[str, str] = field(default_factory=dict)  # question key → the text under its heading


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip().rstrip(":.").strip()


def _open(data: bytes) -> Any:
    if len(data) > MAX_BYTES:
        raise UpwardFileRefused("Tệp nặng hơn 20 MB nên bot không nhận. Hãy gửi đúng tệp .docx đã tải từ /baocaolen.")
    try:
        return Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 — any unreadable file is refused with the same words
        raise UpwardFileRefused(NOT_OURS) from e


def docx_identity(data: bytes) -> tuple[str, int]:
    """The unit code and period id the file names. Raises :class:`UpwardFileRefused` for a file that is not the
    bot's upward report."""
    ident = (_open(data).core_properties.identifier or "").split(":")
    if len(ident) != 3 or ident[0] != MARK or not ident[2].isdigit():
        raise UpwardFileRefused(NOT_OURS)
    return ident[1], int(ident[2])


def read_upward_docx(data: bytes, outline: Outline) -> UpwardDocx:
    """The text under each question's heading (the italic hints dropped)."""
    code, period_id = docx_identity(data)
    out = UpwardDocx(code, period_id)
    keys = {_norm(heading(r)): r.key for r in outline.refs}
    current: str | None = None
    lines: dict[str, list[str]] = {}
    for p in _open(data).paragraphs:
        text = p.text.strip()
        key = keys.get(_norm(text)) if text else None
        if key is not None:
            current = key
            lines[key] = []
        elif current is not None and text and text != "(tỉnh sửa)" and not text.startswith("(số liệu cộng"):
            lines[current].append(text)
    out.texts = {k: "\n".join(v) for k, v in lines.items()}
    return out
