"""The engine: one outline, one unit's answers; typed texts and buttons in, :class:`Step` out.

What is the same for every question lives here (the question header, previous values, storing an answer,
rule warnings, the back/skip/keep/none buttons); what differs by kind of question is in the kind's module,
chosen through :data:`dialogs.engine.kinds.KINDS`; moving between questions is in ``navigation``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dialogs.answers import Change, compare, failing_rules, format_value, none_value
from dialogs.engine.base import (
    Button,
    Kind,
    Mode,
    ReportContext,
    Screen,
    Step,
    fold_screens,
    nav_row,
    short,
    stale,
)
from dialogs.engine.kinds import kind_for
from dialogs.engine.navigation import NAV_ACTIONS, Navigation
from dialogs.outline import QuestionRef
from dialogs.parsing import ParseError
from dialogs.review import large_change, parse_reason

MAX_TRIES = 3  # wrong inputs in a row on one question before the bot says plainly what it expects
SKIP_REASON = "Bỏ qua lý do"

QuestionAction = Callable[["Engine", str, dict[str, Any], str], "Step | None"]


class Engine(Navigation):
    def __init__(self, ctx: ReportContext):
        self.ctx = ctx
        self.outline = ctx.outline
        self._visible: list[QuestionRef] | None = None

    def kind(self, key: str) -> Kind:
        return kind_for(self.outline.question(key).type)

    # ------------------------------------------------------------------ previous answers
    def prev_value(self, key: str) -> Any:
        prev = self.ctx.previous or {}
        return prev.get(key)

    def has_prev(self, key: str) -> bool:
        return bool(self.ctx.previous) and key in (self.ctx.previous or {})

    def change(self, key: str, value: Any) -> Change:
        q = self.outline.question(key)
        return compare(q, value, self.prev_value(key), has_previous=self.has_prev(key))

    def change_label(self, key: str, value: Any) -> str:
        return self.change(key, value).label(self.outline.question(key), self.ctx.prev_label)

    def fixed_label(self, key: str) -> str | None:
        """A returned question answered again: "đã sửa theo yêu cầu (trước: 5)"."""
        if key not in self.ctx.returned:
            return None
        if key not in self.ctx.returned_values:
            return "đã sửa theo yêu cầu"
        before = format_value(self.outline.question(key), self.ctx.returned_values[key], limit=80)
        return f"đã sửa theo yêu cầu (trước: {before})"

    # ------------------------------------------------------------------ rendering helpers
    def heading(self, ref: QuestionRef) -> str:
        titles = []
        for s in ref.path:
            if s.no.strip() in ("-", "+", "", "·"):
                titles.append(s.title)
            else:
                titles = [s.title]
        num = ref.section_number
        return f"📋 {num} — {titles[-1]}" if num else f"📋 {titles[-1]}"

    def header(self, key: str) -> list[str]:
        """The first lines of a question's screen: section heading, position and progress."""
        answered, total = self.progress()
        lines = [self.heading(self.outline.ref(key)), f"Câu {self._index(key) + 1}/{total} · Đã trả lời {answered}/{total} câu",
                 ""]
        if key in self.ctx.returned:  # a returned report: the supervisor's comment above the question
            lines.insert(0, f"↩ Nơi tổng hợp yêu cầu sửa: {self.ctx.returned[key]}")
        return lines

    def nav_buttons(self, *, keep: bool, none: bool, extra: list[Button] | None = None) -> list[list[Button]]:
        rows: list[list[Button]] = []
        if extra:
            rows.append(extra)
        first: list[Button] = []
        if keep:
            first.append(Button(f"↩ Giữ như {self.ctx.prev_label}", "keep"))
        if none:
            first.append(Button("∅ Không có", "none"))
        if first:
            rows.append(first)
        rows.append([Button("⬅ Quay lại", "back"), Button("Bỏ qua ➡", "skip")])
        rows.append(nav_row())
        return rows

    def question_screen(self, key: str, state: dict[str, Any] | None = None) -> Screen:
        return self.kind(key).screen(self, key, state or {})

    # ------------------------------------------------------------------ input
    def on_text(self, key: str | None, mode: str, state: dict[str, Any], text: str) -> Step:
        return self.finish(self._on_text(key, mode, state, text))

    def on_action(self, key: str | None, mode: str, state: dict[str, Any], action: str, arg: str) -> Step:
        """A button: the navigation buttons work in any mode; the others act on the current question."""
        return self.finish(self._on_action(key, mode, state, action, arg))

    def finish(self, step: Step) -> Step:
        """What every step gets: the wrong-tries count dropped once an input succeeded or the officer moved,
        and the screens folded so a confirmation rides on the next question's message."""
        if not step.error:
            step.state = {k: v for k, v in step.state.items() if k != "tries"}
        step.screens = fold_screens(step.screens)
        return step

    def _on_text(self, key: str | None, mode: str, state: dict[str, Any], text: str) -> Step:
        text = text.strip()
        if mode == Mode.IDLE or key is None and mode != Mode.RECAP:
            return Step(screens=[Screen("Bạn đang không trả lời câu nào. Gõ /baocao để tiếp tục báo cáo.")],
                        key=key, mode=mode, state=state, error=True)
        if mode in (Mode.RECAP, Mode.SECTION, Mode.TOC, Mode.CONFIRM, Mode.CHOOSE):
            return Step(screens=[Screen("Hãy chọn một nút ở tin nhắn trên, hoặc gõ /c<số> để mở một câu "
                                        "(ví dụ /c3), /baocao để tiếp tục.")],
                        key=key, mode=mode, state=state, error=True)
        assert key is not None
        if state.get("reason"):
            return self._reason_text(key, state, text)
        return self.kind(key).on_text(self, key, state, text)

    def _on_action(self, key: str | None, mode: str, state: dict[str, Any], action: str, arg: str) -> Step:
        st = dict(state)
        nav = NAV_ACTIONS.get(action)
        if nav is not None:
            return nav(self, key, mode, st, arg)
        if key is None or mode != Mode.QUESTION:
            return stale(key, mode, st)
        if st.get("reason"):
            return self._skip_reason(key, st, arg) if action == "noreason" else stale(key, mode, st)
        step = self.kind(key).on_action(self, key, st, action, arg)
        if step is None:
            common = QUESTION_ACTIONS.get(action)
            step = common(self, key, st, arg) if common is not None else None
        return step if step is not None else stale(key, mode, st)

    def error(self, key: str, state: dict[str, Any], message: str) -> Step:
        """A wrong input: what was wrong, under it the buttons of the question it is about (the way forward);
        after the third wrong input in a row, plainly what is expected, the example, «Bỏ qua câu này»."""
        st = dict(state)
        tries = int(st.get("tries", 0)) + 1
        st["tries"] = tries
        msg = message if message.startswith("❗") else f"❗ {message}"
        buttons = self.question_screen(key, st).buttons
        if tries < MAX_TRIES:
            text = f"{msg}\nCâu hỏi vẫn chờ câu trả lời của bạn."
        else:
            text = (f"{msg}\n\nĐã {tries} lần chưa đọc được câu trả lời. Câu này cần: "
                    f"{self.kind(key).expected(self, key, st)}\nGõ đúng như ví dụ, hoặc bấm «Bỏ qua câu này» để "
                    "trả lời sau, hoặc gõ /huongdan để xem hướng dẫn.")
            buttons = [[Button("Bỏ qua câu này ➡", "skip"), Button("Gõ /huongdan", "help")]] + buttons
        return Step(screens=[Screen(text, buttons)], key=key, mode=Mode.QUESTION, state=st, error=True)

    def stored(self, key: str, value: Any, state: dict[str, Any], *, note: str | None = None) -> Step:
        """Store ``value`` as the answer to ``key``, confirm it (with rule warnings) and move on."""
        q = self.outline.question(key)
        self.ctx.answers[key] = value
        self.answers_changed()
        label = note or self.fixed_label(key) or self.change_label(key, value)
        confirm = f"✔ Đã lưu: {format_value(q, value, limit=200)} — {label}"
        step = self.settle(key, state, [Screen(confirm)], ask_reason=note is None)
        step.store.insert(0, (key, value))
        return step

    def settle(self, key: str, state: dict[str, Any], screens: list[Screen], *, ask_reason: bool = True) -> Step:
        """After an answer is complete: its rule warnings, then a reason when it moved far from last period's,
        else the next question."""
        screens = list(screens)
        warn = self.rule_warnings(key)
        if warn is not None:
            screens.append(warn)
        walk = {k: v for k, v in state.items() if k == "walk"}
        lc = None
        if ask_reason and self.has_prev(key):
            lc = large_change(self.outline.question(key), self.ctx.answers.get(key), self.prev_value(key),
                              self.ctx.change_ratio, self.ctx.change_min)
        if lc is None:
            return self.advance(key, walk, screens)
        screens.append(Screen(f"❓ {lc.prompt()}", [[Button(SKIP_REASON, "noreason")]]))
        return Step(screens=screens, key=key, mode=Mode.QUESTION, state={**walk, "reason": True})

    def _reason_text(self, key: str, state: dict[str, Any], text: str) -> Step:
        try:
            reason = parse_reason(text)
        except ParseError as err:
            return Step(screens=[Screen(f"❗ {err.message}", [[Button(SKIP_REASON, "noreason")]])], key=key,
                        mode=Mode.QUESTION, state=state, error=True)
        walk = {k: v for k, v in state.items() if k == "walk"}
        step = self.advance(key, walk, [Screen(f"✔ Đã ghi lý do: {reason}")])
        step.reasons.append((key, reason))
        return step

    def _skip_reason(self, key: str, st: dict[str, Any], arg: str) -> Step:
        return self.advance(key, {k: v for k, v in st.items() if k == "walk"}, [Screen("➡ Không ghi lý do.")])

    def rule_warnings(self, key: str) -> Screen | None:
        fails = failing_rules(self.outline, self.ctx.answers, involving=key)
        if not fails:
            return None
        lines = ["⚠️ Số liệu chưa khớp:"]
        buttons = []
        for f in fails:
            lines.append(f"• {f.message}")
            for k in f.keys:
                if not self.outline.has(k) or not self.is_visible(k):
                    continue
                ref = self.outline.ref(k)
                v = self.ctx.answers.get(k)
                lines.append(f"   – {ref.number} {short(ref.question.prompt, 60)}: "
                             f"{format_value(ref.question, v, limit=80)} (/c{self._index(k) + 1})")
                if k != key:
                    buttons.append([Button(f"Sửa: {short(ref.question.prompt, 40)}", "open", k)])
        lines.append("Câu trả lời vẫn được lưu; hãy sửa câu sai (gõ /c<số> hoặc bấm nút).")
        return Screen("\n".join(lines), buttons[:4])

    # ------------------------------------------------------------------ buttons of any question
    def _back(self, key: str, st: dict[str, Any], arg: str) -> Step:
        pk = self.prev_key(key)
        if pk is None:
            return Step(screens=[Screen("Đây là câu đầu tiên."), self.question_screen(key, st)], key=key,
                        mode=Mode.QUESTION, state=st)
        return self.goto(pk, section_walk=st.get("walk") == "section")

    def _skip(self, key: str, st: dict[str, Any], arg: str) -> Step:
        return self.advance(key, st, [Screen("➡ Đã bỏ qua, có thể quay lại sau.")])

    def _keep(self, key: str, st: dict[str, Any], arg: str) -> Step | None:
        if not self.has_prev(key):
            return None
        return self.stored(key, self.prev_value(key), st, note=f"= giữ như {self.ctx.prev_label}")

    def _help(self, key: str, st: dict[str, Any], arg: str) -> Step:
        q = self.outline.question(key)
        text = (f"ℹ️ Cách trả lời câu «{short(q.prompt, 80)}»: {self.kind(key).expected(self, key, st)}\n"
                "Gõ /huongdan để xem hướng dẫn đầy đủ; bấm «Bỏ qua» để trả lời câu này sau.")
        return Step(screens=[Screen(text, [[Button("Bỏ qua câu này ➡", "skip")]]), self.question_screen(key, st)],
                    key=key, mode=Mode.QUESTION, state=st)

    def _none(self, key: str, st: dict[str, Any], arg: str) -> Step | None:
        q = self.outline.question(key)
        if not q.none_ok:
            return None
        return self.stored(key, none_value(q), st, note="không có")


# buttons of the current question that no kind claims: action -> handler (engine, key, state, arg)
QUESTION_ACTIONS: dict[str, QuestionAction] = {
    "back": Engine._back,
    "skip": Engine._skip,
    "keep": Engine._keep,
    "none": Engine._none,
    "help": Engine._help,
}
