"""Ad hoc ("đột xuất") reports composed in chat: a title and a few questions typed one per line become an outline.

The type of each question is guessed as the importer guesses it (``dialogs.importer.ask_types.guess_type``):
"Số nhà bị hư hại" → a count, "Tỷ lệ …" → a percentage, "Kinh phí …" → money, "… có … không?" → yes/no, anything
else → free text. Types an officer cannot answer in a line or two in chat (lists, tables) become free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import yaml

from dialogs.importer.ask_types import guess_type
from dialogs.outline import TYPE_VI
from dialogs.text import fold

MAX_QUESTIONS = 15
MAX_HOURS = 24 * 14
CHAT_TYPES = ("integer", "decimal", "percent", "money", "yesno", "text", "longtext", "date")


@dataclass(frozen=True)
class AdhocQuestion:
    prompt: str
    type: str
    unit: str | None = None

    def describe(self) -> str:
        kind = TYPE_VI.get(self.type, self.type)
        return f"{self.prompt} — {kind}{f' ({self.unit})' if self.unit else ''}"

    def to_json(self) -> dict:
        return {"prompt": self.prompt, "type": self.type, "unit": self.unit}


class AdhocError(ValueError):
    """What was wrong, in Vietnamese, with what to type instead."""


def parse_questions(text: str) -> list[AdhocQuestion]:
    """One question per line ("1. ", "- ", "a) " in front are dropped); each type guessed."""
    out = []
    for line in text.splitlines():
        prompt = re.sub(r"^\s*(?:\d{1,2}[.)]|[a-zđ]\)|[-+•*])\s*", "", line).strip().rstrip(";")
        if not prompt:
            continue
        if len(prompt) > 300:
            raise AdhocError(f"Câu «{prompt[:40]}…» dài quá 300 ký tự: viết ngắn lại, mỗi câu một dòng.")
        typ, unit, _ = guess_type(prompt)
        if typ not in CHAT_TYPES:
            typ, unit = "longtext", None
        out.append(AdhocQuestion(prompt, typ, unit))
    if not out:
        raise AdhocError("Chưa có câu hỏi nào. Gõ mỗi câu một dòng, ví dụ:\nSố nhà bị hư hại\n"
                         "Số người phải sơ tán\nNhu cầu hỗ trợ")
    if len(out) > MAX_QUESTIONS:
        raise AdhocError(f"Báo cáo nhanh có tối đa {MAX_QUESTIONS} câu (bạn gõ {len(out)}). Bớt câu rồi gõ lại.")
    return out


def parse_hours(text: str) -> float:
    """"6", "6 giờ", "6h", "1,5" → hours from now."""
    m = re.fullmatch(r"\s*(\d{1,3}(?:[.,]\d)?)\s*(?:h|g|gio|tieng)?\s*", fold(text))
    if not m:
        raise AdhocError("Gõ số giờ đến hạn nộp, ví dụ: 6 (nghĩa là 6 giờ nữa) hoặc 1,5.")
    hours = float(m.group(1).replace(",", "."))
    if not 0 < hours <= MAX_HOURS:
        raise AdhocError(f"Hạn nộp phải từ 0,5 đến {MAX_HOURS} giờ nữa. Ví dụ: 6")
    return hours


def adhoc_id(title: str, now: datetime) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", fold(title).lower()).strip("-")[:30].strip("-")
    return f"dot-xuat-{now:%Y%m%d-%H%M%S}-{words or 'bao-cao'}"


def adhoc_yaml(title: str, questions: list[AdhocQuestion], respondents: list[str], now: datetime) -> str:
    """The outline of an ad hoc report: one section, the questions in order (keys c1, c2, …)."""
    items = []
    for i, q in enumerate(questions, 1):
        item = {"key": f"c{i}", "no": f"{i}.", "prompt": q.prompt, "type": q.type}
        if q.unit:
            item["unit"] = q.unit
        items.append(item)
    data = {"id": adhoc_id(title, now), "version": 1, "title": title, "short_title": title[:60],
            "source": {"document": "Báo cáo đột xuất soạn trong bot (/baocaonhanh)"},
            "period": {"kind": "one_off"}, "respondents": respondents,
            "sections": [{"no": "", "title": title, "items": items}]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
