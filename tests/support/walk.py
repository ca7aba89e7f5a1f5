"""A test driver that answers a whole outline as an officer would, from the bot's own hints.

It reads the newest message the bot sent (the folded screen: confirmation first, the question under it) and
answers it: the first example after "Ví dụ:" typed as it stands, the first option button of a choice, one
item of a list then «Xong», table rows from the row hint, «Xong» for a long text; then «Gửi báo cáo» and
«Xác nhận gửi». A rule warning is fixed by answering the question again ("0", or a large figure). Stuck —
the same screen answered the same way twice — fails with the transcript.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.devtools.fakeapi import FakeUser
from storage.models import Submission
from storage.repo import Repo
from storage.unit_import import import_units
from tests.conftest import DATA
from tests.support.harness import Harness

OUT_METHODS = ("sendmessage", "editmessagetext", "senddocument")
DEFAULT_TEXT = "Nội dung báo cáo thử"
_EXAMPLE = re.compile(r"[Vv]í dụ:\s*(.+)")
_OPTION = re.compile(r"^(\d+\. |Có$)")


class Stuck(AssertionError):
    pass


@dataclass
class Walk:
    inputs: int = 0
    bot_messages: int = 0
    submitted: bool = False
    transcript: list[str] = field(default_factory=list)

    @property
    def per_input(self) -> float:
        return self.bot_messages / max(self.inputs, 1)

    def tail(self, n: int = int(os.environ.get("WALK_TAIL", "12"))) -> str:
        return "\n---\n".join(self.transcript[-n:])


def first_example(text: str, *, row: bool = False) -> str | None:
    """The first example of the last hint in ``text``, as typed: "Ví dụ: 350 triệu; 1,2 tỷ hoặc 350" → "350 triệu".
    A table ``row`` example is one example whose cells are separated by ";": "Tên; 12; 12" stays whole."""
    found = _EXAMPLE.findall(text)
    if not found:
        return None
    s = re.split(r" hoặc | — " if row else r" hoặc |; | — ", found[-1])[0]
    s = re.sub(r"\s*\(.*$", "", s).strip().rstrip(".")
    return s or None


def zeros(example: str) -> str:
    """The same row hint with every figure 0: "12 12 12" → "0 0 0"."""
    return re.sub(r"\d+(?:[.,]\d+)?%?", "0", example)


class Walker:
    def __init__(self, h: Harness, user: FakeUser, *, max_inputs: int = 3000):
        self.h, self.u, self.max_inputs = h, user, max_inputs
        self.w = Walk()
        self.seen: set[tuple[str, str, str]] = set()
        self.fix_tries: dict[str, int] = {}
        self.where = ""

    def _sent(self) -> int:
        return sum(1 for c in self.h.api.calls if c.method.lower() in OUT_METHODS
                   and str(c.params.get("chat_id")) == str(self.u.id))

    async def _do(self, kind: str, what: str) -> None:
        last = self.u.last()
        here = re.findall(r"Câu \d+/\d+ · Đã trả lời \d+", last.text)
        self.where = here[-1] if here else self.where
        mark = (self.where, last.text, f"{kind}:{what}")
        if mark in self.seen:
            raise Stuck(f"stuck: «{what}» again on the same screen\n{self.w.tail()}")
        self.seen.add(mark)
        before = self._sent()
        self.w.inputs += 1
        self.w.transcript.append(f"> {what}" if kind == "say" else f"> [{what}]")
        if kind == "say":
            await self.h.say(self.u, what)
        else:
            await self.h.press(self.u, what, contains=False)
        self.w.bot_messages += self._sent() - before
        self.w.transcript.append(self.u.last().text)
        if self.w.inputs > self.max_inputs:
            raise Stuck(f"more than {self.max_inputs} inputs\n{self.w.tail()}")

    async def run(self) -> Walk:
        await self._do("say", "/baocao")
        while not self.w.submitted:
            await self.step()
        return self.w

    async def step(self) -> None:
        last = self.u.last()
        text, buttons = last.text, last.button_texts()
        screen = text[text.rfind("📋"):] if "📋" in text else text
        if "📨 Đã gửi báo cáo" in text:
            self.w.submitted = True
            return
        for b in ("📨 Xác nhận gửi", "📨 Gửi báo cáo", "✍️ Trả lời từng câu", "Bỏ qua lý do"):
            if b in buttons:
                return await self._do("press", b)
        if "Chưa gửi được" in text:
            raise Stuck(f"submit refused\n{self.w.tail()}")
        if "⚠️ Số liệu chưa khớp" in text and await self.fix_rule(text):
            return
        await self.answer(text, screen, buttons)

    async def answer(self, text: str, screen: str, buttons: list[str]) -> None:
        options = [b for b in buttons if _OPTION.match(b)]
        if text.startswith("❗"):  # a wrong input: the error's own example
            row = "✔ Xong biểu" in buttons
            return await self._do("say", first_example(text.split("\n\n")[0], row=row) or DEFAULT_TEXT)
        if "📝 Đang nhận nội dung" in screen or "📝 Đã nhận" in screen:
            return await self._do("press", "✔ Xong")
        if "➕ Mục mới — trường" in screen:
            if options:
                return await self._do("press", options[0])
            return await self._do("say", first_example(screen) or DEFAULT_TEXT)
        if "➕ Thêm một mục" in screen or "✏️ Sửa mục" in screen:
            if "Danh sách hiện có" in screen:
                return await self._do("press", "✔ Xong")
            if options:
                return await self._do("press", options[0])
            return await self._do("say", DEFAULT_TEXT)
        if re.search(r"Dòng \d+/\d+:", screen):
            if "✔ Xong nhóm" in buttons:
                if "Đã nhập" in screen:
                    return await self._do("press", "✔ Xong nhóm")
                return await self._do("say", first_example(screen, row=True) or DEFAULT_TEXT)
            if options:
                return await self._do("press", options[0])
            return await self._do("say", first_example(screen, row=True) or "12")
        if options:
            return await self._do("press", options[0])
        return await self._do("say", first_example(screen) or DEFAULT_TEXT)

    async def fix_rule(self, text: str) -> bool:
        """A rule failed after the last answer: a table row is typed again with zeros; otherwise every figure
        the warning names is answered 0 (any "sum ≤ sum" then holds) and the walk continues where it was."""
        before = text[: text.find("⚠️ Số liệu chưa khớp")]
        block = text[text.find("⚠️ Số liệu chưa khớp"):text.find("Câu trả lời vẫn được lưu")]
        prev = self.w.transcript[-3] if len(self.w.transcript) >= 3 else ""
        in_table = before.startswith("✔ Dòng") or bool(re.search(r"Dòng \d+/\d+:", prev[prev.rfind("📋"):]))
        if in_table and "⬅ Dòng trước" in self.u.last().button_texts():
            await self._do("press", "⬅ Dòng trước")
            return await self._retype_row()
        numbers = list(dict.fromkeys(re.findall(r"\(/c(\d+)\)", block)))
        if not numbers or self.fix_tries.get(block, 0):
            return False
        self.fix_tries[block] = 1
        if in_table:  # the table's last row: every row of it again, with zeros
            await self._do("say", f"/c{numbers[0]}")
            while re.search(r"Dòng \d+/\d+:", self.u.last().text) and f"Câu {numbers[0]}/" in self.u.last().text:
                if "✔ Xong nhóm" in self.u.last().button_texts():
                    await self._do("press", "✔ Xong nhóm")
                else:
                    await self._retype_row()
            numbers = []
        for n in numbers:
            await self._do("say", f"/c{n}")
            await self._do("say", "0")
        await self._do("press", "👁 Xem lại")
        await self._do("press", "▶ Tiếp tục trả lời")
        return True

    async def _retype_row(self) -> bool:
        example = first_example(self.u.last().text[self.u.last().text.rfind("📋"):], row=True) or "0"
        await self._do("say", zeros(example))
        return True


# seed → (outline, unit list, unit code, what the unit is)
SEEDS = {
    "000": ("tuan-cqdp-2cap", "vn_ministries_2025.csv", "BNV", "bộ"),
    "001": ("giam-sat-phan-cap-tthc", "vn_units_2025.csv", "04", "tỉnh"),
    "002": ("kiem-tra-cchc-2025", "vn_units_2025.csv", "00376", "xã"),
    "003": ("so-ket-1-nam-2-cap", "vn_units_2025.csv", "00376", "xã"),
    "004": ("chuyen-de-02-kh-bcdtw", "vn_units_2025.csv", "00004", "phường"),
}


MAX_PER_INPUT = 1.2


async def open_for(db, outline: str, csv: str, code: str) -> tuple[str, int]:
    await import_units(db, DATA / csv)
    async with db.session() as s:
        repo = Repo(s)
        p, _ = await repo.periods.open_period(outline, "Kỳ thử", deadline=datetime(2026, 12, 20, 10, tzinfo=UTC))
        inv = await repo.onboarding.create_invite(await repo.units.unit_by_code(code), "officer")
        await s.commit()
        return inv.code, p.id


async def check_walked(db, walk: Walk, code: str, period_id: int) -> None:
    """A walk's end, on any channel: the unit's report submitted with its answers stored, and at most
    ``MAX_PER_INPUT`` bot messages per input."""
    async with db.read_session() as s:
        repo = Repo(s)
        sub = await repo.submissions.find_submission((await repo.units.unit_by_code(code)).id, period_id)
        assert isinstance(sub, Submission) and sub.status == "submitted"
        assert len(await repo.submissions.answers(sub.id)) > 10
    assert walk.per_input <= MAX_PER_INPUT, walk.tail()
