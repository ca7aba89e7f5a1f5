"""Long texts: collected over several messages until «Xong»."""

from __future__ import annotations

from typing import Any

from dialogs.answers import NONE_TEXT
from dialogs.engine.base import DONE_WORDS, Button, EngineView, Kind, Mode, Screen, Step, split_messages
from dialogs.engine.scalar import prompt_screen
from dialogs.parsing import format_integer, is_none_answer
from dialogs.text import fold


class LongTextKind(Kind):
    def enter(self, e: EngineView, key: str, state: dict[str, Any]) -> None:
        if key not in e.ctx.answers:
            state.setdefault("collect", False)

    def screen(self, e: EngineView, key: str, state: dict[str, Any]) -> Screen:
        if not state.get("collect"):
            return prompt_screen(e, key, state)
        note = (f"📝 Đang nhận nội dung ({format_integer(len(str(e.ctx.answers.get(key, ''))))} ký tự). "
                "Gửi tiếp hoặc bấm «Xong».")
        return prompt_screen(e, key, state, extra=[Button("✔ Xong", "done"), Button("👁 Xem lại đoạn đã gõ", "showtext")],
                             notes=[note])

    def on_text(self, e: EngineView, key: str, state: dict[str, Any], text: str) -> Step:
        q = e.outline.question(key)
        if fold(text) in DONE_WORDS and state.get("collect"):
            return e.on_action(key, Mode.QUESTION, state, "done", "")
        if is_none_answer(text) and not state.get("collect"):
            if not q.none_ok:
                return e.error(key, state, "Câu này cần nội dung cụ thể.")
            return e.stored(key, NONE_TEXT, state)
        if state.get("collect"):
            value = f"{e.ctx.answers.get(key, '')}\n{text}".strip()
        else:
            value = text
        e.ctx.answers[key] = value
        st = dict(state)
        st["collect"] = True
        return Step(store=[(key, value)], screens=[self._received(value)], key=key, mode=Mode.QUESTION, state=st)

    def _received(self, value: str) -> Screen:
        return Screen(f"📝 Đã nhận ({format_integer(len(value))} ký tự). Gửi tiếp nếu còn, hoặc bấm «Xong» để sang "
                      "câu sau.", COLLECT_BUTTONS)

    def show_text(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        """«Xem lại đoạn đã gõ»: the text so far, in messages under Telegram's limit, the buttons under the last."""
        value = str(e.ctx.answers.get(key) or "")
        if not value:
            return e.error(key, st, "Chưa có nội dung. Hãy gõ câu trả lời, hoặc bấm «Không có».")
        parts = split_messages(value.split("\n"), limit=4000)
        screens = [Screen(p) for p in parts] + [self._received(value)]
        return Step(screens=screens, key=key, mode=Mode.QUESTION, state=st)

    def done(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        if key not in e.ctx.answers:
            return e.error(key, st, "Chưa có nội dung. Hãy gõ câu trả lời, hoặc bấm «Không có».")
        v = e.ctx.answers[key]
        return e.stored(key, v, {k: x for k, x in st.items() if k == "walk"}, note=e.change_label(key, v))

    def clear(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        st["collect"] = False
        return Step(screens=[Screen("Đã xoá phần vừa gõ. Hãy gõ lại nội dung.")], key=key, mode=Mode.QUESTION, state=st)

    ACTIONS = {"done": done, "clear": clear, "showtext": show_text}


COLLECT_BUTTONS = [[Button("✔ Xong", "done"), Button("✖ Xoá, gõ lại", "clear")],
                   [Button("👁 Xem lại đoạn đã gõ", "showtext")]]
