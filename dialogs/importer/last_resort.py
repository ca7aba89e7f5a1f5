"""The last resort of the importer: when reading a document's structure fails on a shape nobody foresaw (an importer
gap, not the administrator's fault), the document is still never refused. The draft keeps each line that asks
something — a numbered line, a line ending in ':' or '?', a line with a blank — as a question answered in words, each
table as a note to rebuild it, and says so first among the unsure points."""

from __future__ import annotations

from dialogs.importer.build import Built, guess_period, guess_respondents
from dialogs.importer.build import _sentence_case as sentence_case
from dialogs.importer.convert import ImportContext
from dialogs.importer.convert import _plain_prompt as _prompt
from dialogs.importer.document import Document, Grid, Line
from dialogs.importer.forms import BLANK
from dialogs.importer.headline import PLAIN_NAME, fallback_name
from dialogs.importer.keys import KeyMaker
from dialogs.importer.naming import own_name
from dialogs.importer.repair import RepairReport
from dialogs.importer.structure import parse_marker

MAX_QUESTIONS = 200


def _asks(text: str) -> bool:
    s = text.strip()
    return bool(s) and (parse_marker(s) is not None or s.endswith((":", "?")) or BLANK.search(s) is not None)


def last_resort(doc: Document, error: Exception) -> Built:
    lines = [b.text for b in doc.blocks if isinstance(b, Line) and b.text.strip()]
    tables = sum(isinstance(b, Grid) for b in doc.blocks)
    ctx, keys = ImportContext(), KeyMaker()
    title = sentence_case(own_name(lines[:40]) or fallback_name(lines) or PLAIN_NAME)
    asked = [s for s in lines if _asks(s) and any(c.isalpha() for c in s)][:MAX_QUESTIONS]
    items = [
        {"key": keys.make(_prompt(s), ""), "prompt": _prompt(s), "type": "longtext", "_comments": {}}
        for s in asked or lines[:1]
    ]
    if not items:
        items = [{"key": "noi_dung", "prompt": "Nội dung báo cáo", "type": "longtext", "_comments": {}}]
    head = "\n".join(lines[:80])
    period, period_why = guess_period(head, title)
    respondents, respondents_why = guess_respondents(head)
    data = {
        "id": "de-cuong",
        "version": 1,
        "title": title,
        "period": period,
        "respondents": respondents,
        "_comments": {"period": f"? {period_why}", "respondents": f"? {respondents_why}"},
        "layout": "state",
        "sections": [{"no": "", "title": title, "items": items}],
    }
    ctx.notes.append(
        {
            "message": f"trình nhập gặp lỗi khi đọc cấu trúc văn bản ({type(error).__name__}): bản nháp "
            "giữ mỗi dòng có vẻ là câu hỏi (dòng đánh số, dòng kết thúc bằng «:» hay «?», dòng có chỗ "
            "trống) thành một câu hỏi trả lời bằng lời; hãy chia mục và sửa kiểu câu hỏi"
        }
    )
    if tables:
        ctx.notes.append(
            {"message": f"{tables} bảng trong văn bản chưa được dựng thành biểu: hãy nhập biểu bằng tay"}
        )
    return Built(data, ctx, RepairReport())
