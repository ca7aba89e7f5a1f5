"""Moving through an outline: the visible questions in order, next/previous, the table of contents, the weekly
section walk (keep a whole section as last week), the review, confirm and submit; and the buttons for them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dialogs.answers import Change, failing_rules, format_value
from dialogs.engine.base import (
    Button,
    Kind,
    Mode,
    ReportContext,
    Screen,
    Step,
    fit,
    nav_row,
    short,
    split_messages,
    stale,
)
from dialogs.outline import Outline, QuestionRef

NavAction = Callable[["Navigation", "str | None", str, dict[str, Any], str], Step]


class Navigation:
    """Where the officer is and where to go next. Mixed into :class:`~dialogs.engine.core.Engine`."""

    ctx: ReportContext
    outline: Outline
    _visible: list[QuestionRef] | None
    # what it uses of the engine it is mixed into (dialogs.engine.core.Engine defines them)
    kind: Callable[[str], Kind]
    question_screen: Callable[..., Screen]
    finish: Callable[[Step], Step]
    prev_value: Callable[[str], Any]
    has_prev: Callable[[str], bool]
    change: Callable[[str, Any], Change]
    change_label: Callable[[str, Any], str]

    def answers_changed(self) -> None:
        """The answers changed: which questions are visible is worked out again when next asked."""
        self._visible = None

    # ------------------------------------------------------------------ order of the visible questions
    @property
    def visible(self) -> list[QuestionRef]:
        if self._visible is None:
            self._visible = self.outline.visible_refs(self.ctx.unit_code, self.ctx.unit_kind, self.ctx.answers)
        return self._visible

    def _index(self, key: str | None) -> int:
        vis = self.visible
        where = self.__dict__.get("_visible_at")
        if where is None or where[0] is not vis:  # the position of each visible key, for this visible list
            where = (vis, {r.key: i for i, r in enumerate(vis)})
            self.__dict__["_visible_at"] = where
        return where[1].get(key, -1) if key is not None else -1

    def is_visible(self, key: str) -> bool:
        return self._index(key) >= 0

    def answered(self, key: str) -> bool:
        return key in self.ctx.answers

    def progress(self) -> tuple[int, int]:
        vis = self.visible
        return sum(1 for r in vis if r.key in self.ctx.answers), len(vis)

    def first_unanswered(self, after: str | None = None) -> str | None:
        vis = self.visible
        start = self._index(after) + 1 if after else 0
        for r in vis[start:] + vis[:start]:
            if r.key not in self.ctx.answers:
                return r.key
        return None

    def next_key(self, key: str) -> str | None:
        i = self._index(key)
        return self.visible[i + 1].key if 0 <= i < len(self.visible) - 1 else None

    def prev_key(self, key: str) -> str | None:
        i = self._index(key)
        return self.visible[i - 1].key if i > 0 else None

    def groups(self) -> list[tuple[str, str, list[QuestionRef]]]:
        """Visible questions grouped by their section number: (number, title, refs)."""
        out: list[tuple[str, str, list[QuestionRef]]] = []
        for r in self.visible:
            num = r.section_number
            if out and out[-1][0] == num:
                out[-1][2].append(r)
            else:
                out.append((num, r.section.title, [r]))
        return out

    def group_of(self, key: str) -> int:
        for i, (_, _, refs) in enumerate(self.groups()):
            if any(r.key == key for r in refs):
                return i
        return 0

    def weekly_fast_path(self) -> bool:
        return self.outline.period.kind == "weekly" and bool(self.ctx.previous)

    # ------------------------------------------------------------------ screens
    def start_screens(self, key: str | None) -> list[Screen]:
        answered, total = self.progress()
        head = (f"Báo cáo: {self.outline.short}\nKỳ: {self.ctx.period_label}\nĐã trả lời {answered}/{total} câu."
                + ("\n(Báo cáo đã gửi; bạn vẫn sửa được đến khi đóng kỳ.)" if self.ctx.submitted else ""))
        if key is None:
            return [Screen(head + "\nĐã trả lời hết các câu. Xem lại rồi bấm «Gửi báo cáo».",
                           [[Button("👁 Xem lại", "review"), Button("📨 Gửi báo cáo", "submit")]])]
        return [Screen(head + (" Tiếp tục từ câu chưa trả lời." if answered else ""))]

    def toc_screen(self) -> Screen:
        lines = ["📑 Mục lục — chọn một mục để đến câu đầu tiên của mục:"]
        buttons = []
        for i, (num, title, refs) in enumerate(self.groups()):
            done = sum(1 for r in refs if r.key in self.ctx.answers)
            mark = "✅" if done == len(refs) else ("◐" if done else "○")
            label = f"{mark} {num} {title}"
            buttons.append([Button(label[:60], "sec", str(i))])
        buttons.append([Button("👁 Xem lại", "review"), Button("⏸ Tạm dừng", "pause")])
        return Screen("\n".join(lines), buttons)

    def section_screen(self, gi: int) -> Screen:
        num, title, refs = self.groups()[gi]
        lines = [f"📋 {num} — {title}", f"Mục {gi + 1}/{len(self.groups())}", "",
                 f"Câu trả lời {self.ctx.prev_label}:"]
        for r in refs:
            q = r.question
            cur = self.ctx.answers.get(r.key)
            prev = format_value(q, self.prev_value(r.key), limit=160) if self.has_prev(r.key) else "(chưa có)"
            mark = " ✅" if r.key in self.ctx.answers else ""
            lines.append(f"• {short(q.prompt, 70)}: {prev}{mark}")
            if cur is not None and self.has_prev(r.key):
                lines.append(f"   hiện tại: {format_value(q, cur, limit=120)} ({self.change_label(r.key, cur)})")
        text = fit("\n".join(lines))
        buttons = [[Button("✔ Giữ nguyên cả mục", "keepsec", str(gi)), Button("✏️ Sửa từng câu", "editsec", str(gi))],
                   [Button("Bỏ qua mục ➡", "skipsec", str(gi))],
                   nav_row()]
        return Screen(text, buttons)

    def review_screens(self) -> list[Screen]:
        answered, total = self.progress()
        blocks: list[str] = [f"👁 Xem lại — {self.outline.short}\nKỳ: {self.ctx.period_label}\n"
                             f"Đã trả lời {answered}/{total} câu. Gõ /c<số> để mở và sửa một câu (ví dụ /c3).\n"
                             f"Ký hiệu: ▲▼ tăng/giảm, ✎ thay đổi, = không đổi, «mới» so với {self.ctx.prev_label}."]
        current_top = None
        for i, r in enumerate(self.visible, 1):
            top = r.top_section
            if top is not current_top:
                current_top = top
                blocks.append(f"\n{top.no} {top.title}")
            q = r.question
            if r.key in self.ctx.answers:
                v = self.ctx.answers[r.key]
                mark = self.change(r.key, v)
                tag = "" if not self.ctx.previous else f" [{mark.label(q, self.ctx.prev_label)}]"
                val = format_value(q, v, limit=300)
                blocks.append(f"/c{i} {r.number} {short(q.prompt, 80)}: {val}{tag}")
            else:
                blocks.append(f"/c{i} {r.number} {short(q.prompt, 80)}: — chưa trả lời")
        fails = failing_rules(self.outline, self.ctx.answers)
        if fails:
            blocks.append("\n⚠️ Cần kiểm tra lại:")
            blocks += [f"• {f.message}" for f in fails]
        screens = [Screen(t) for t in split_messages(blocks)]
        screens[-1].buttons = [[Button("📨 Gửi báo cáo", "submit"), Button("▶ Tiếp tục trả lời", "cont")],
                               [Button("📑 Mục lục", "toc"), Button("⏸ Tạm dừng", "pause")]]
        return screens

    def confirm_screen(self) -> Screen:
        answered, total = self.progress()
        missing = total - answered
        text = (f"Gửi báo cáo «{self.outline.short}», kỳ {self.ctx.period_label}?\n"
                f"Đã trả lời {answered}/{total} câu."
                + (f"\n⚠️ Còn {missing} câu chưa trả lời (sẽ để trống trong báo cáo)." if missing else "")
                + "\nSau khi gửi vẫn sửa được đến khi đóng kỳ; mọi thay đổi đều được ghi lại.")
        return Screen(text, [[Button("📨 Xác nhận gửi", "submit_ok"), Button("✖ Chưa gửi", "review")]])

    # ------------------------------------------------------------------ transitions
    def goto(self, key: str | None, *, state: dict[str, Any] | None = None,
             prefix: list[Screen] | None = None, section_walk: bool = False) -> Step:
        """Show ``key`` (or the review when there is nothing left)."""
        screens = list(prefix or [])
        if key is None:
            screens += self.review_screens()
            return Step(screens=screens, key=None, mode=Mode.RECAP)
        st = dict(state or {})
        if section_walk:
            st["walk"] = "section"
        self.kind(key).enter(self, key, st)
        screens.append(self.question_screen(key, st))
        return Step(screens=screens, key=key, mode=Mode.QUESTION, state=st)

    def advance(self, key: str, state: dict[str, Any], prefix: list[Screen]) -> Step:
        """After ``key`` is done: the next question; in the weekly section walk, the next section screen; in a
        returned report, the next question the supervisor pointed at, then «📨 Gửi lại»."""
        if key in self.ctx.returned:
            return self.next_returned(key, prefix)
        nxt = self.next_key(key)
        if state.get("walk") == "section":
            gi = self.group_of(key)
            if nxt is None or self.group_of(nxt) != gi:
                return self.goto_section(gi + 1, prefix=prefix)
            return self.goto(nxt, prefix=prefix, section_walk=True)
        if nxt is None:
            remaining = self.first_unanswered()
            if remaining is not None:
                prefix = prefix + [Screen(f"Đã đến câu cuối. Còn {self.progress()[1] - self.progress()[0]} câu chưa "
                                          "trả lời; xem lại để kiểm tra.")]
            return self.goto(None, prefix=prefix)
        return self.goto(nxt, prefix=prefix)

    def next_returned(self, key: str, prefix: list[Screen]) -> Step:
        keys = [r.key for r in self.visible if r.key in self.ctx.returned]
        later = keys[keys.index(key) + 1:] if key in keys else []
        if later:
            return self.goto(later[0], prefix=prefix)
        return Step(screens=prefix + [self.resend_screen()], key=key, mode=Mode.CONFIRM)

    def resend_screen(self) -> Screen:
        """The end of a returned report's fixes: send it again (or look through it first)."""
        return Screen(f"Đã xem hết {len(self.ctx.returned)} câu nơi tổng hợp yêu cầu sửa. Gửi lại báo cáo "
                      f"«{self.outline.short}», kỳ {self.ctx.period_label}?",
                      [[Button("📨 Gửi lại", "submit_ok"), Button("👁 Xem lại", "review")]])

    def goto_section(self, gi: int, *, prefix: list[Screen] | None = None) -> Step:
        groups = self.groups()
        if gi >= len(groups):
            return self.goto(None, prefix=prefix)
        return Step(screens=list(prefix or []) + [self.section_screen(gi)], key=groups[gi][2][0].key,
                    mode=Mode.SECTION, state={"sec": gi})

    def begin(self, key: str | None = None) -> Step:
        """/baocao: continue at ``key`` (the stored position) or the first unanswered question."""
        if key is None or not self.is_visible(key):
            key = self.first_unanswered()
        screens = self.start_screens(key)
        if key is None:
            return Step(screens=screens, key=None, mode=Mode.RECAP)
        if self.weekly_fast_path() and self.progress()[0] == 0:
            screens[-1].text += (f"\n\n{self.ctx.prev_label.capitalize()} đơn vị đã báo cáo. Đi theo từng mục: xem lại "
                                 f"câu trả lời {self.ctx.prev_label} của cả mục, giữ nguyên hoặc sửa từng câu.")
            screens[-1].buttons = [[Button("⚡ Đi theo từng mục", "bysec"), Button("✍️ Trả lời từng câu", "byq")]]
            return Step(screens=screens, key=key, mode=Mode.CHOOSE, state={})
        return self.finish(self.goto(key, prefix=screens))  # the period's header rides on the first question

    # ------------------------------------------------------------------ buttons that work in any mode
    def _pause(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        return Step(screens=[Screen("⏸ Đã lưu mọi câu trả lời. Khi rảnh, gõ /baocao để tiếp tục đúng chỗ này.")],
                    key=key, mode=Mode.IDLE, state=st)

    def _toc(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        return Step(screens=[self.toc_screen()], key=key, mode=Mode.TOC, state=st)

    def _review(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        return Step(screens=self.review_screens(), key=key, mode=Mode.RECAP, state=st)

    def _continue(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        k = key if key and self.is_visible(key) and key not in self.ctx.answers else self.first_unanswered(key)
        if k is None:
            return Step(screens=[Screen("Đã trả lời hết các câu. Bấm «Gửi báo cáo» khi sẵn sàng.",
                                        [[Button("📨 Gửi báo cáo", "submit"), Button("👁 Xem lại", "review")]])],
                        key=key, mode=Mode.RECAP, state={})
        return self.goto(k)

    def _section(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        groups = self.groups()
        gi = int(arg) if arg.isdigit() else -1
        if not 0 <= gi < len(groups):
            return stale(key, mode, st)
        if self.weekly_fast_path():
            return self.goto_section(gi)
        return self.goto(groups[gi][2][0].key)

    def _open(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        if not self.outline.has(arg) or not self.is_visible(arg):
            return stale(key, mode, st)
        return self.goto(arg)

    def _by_section(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        return self.goto_section(0)

    def _by_question(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        return self.goto(self.first_unanswered() or (self.visible[0].key if self.visible else None))

    def _section_walk(self, key: str | None, mode: str, st: dict[str, Any], arg: str,
                      action: str) -> Step:
        gi = int(arg) if arg.isdigit() else -1
        groups = self.groups()
        if mode != Mode.SECTION or gi != st.get("sec") or not 0 <= gi < len(groups):
            return stale(key, mode, st)
        refs = groups[gi][2]
        if action == "skipsec":
            return self.goto_section(gi + 1)
        if action == "editsec":
            return self.goto(refs[0].key, section_walk=True)
        return self._keep_section(gi, groups[gi][0], refs)

    def _keep_section(self, gi: int, number: str, refs: list[QuestionRef]) -> Step:
        store = []
        for r in refs:
            if r.key not in self.ctx.answers and self.has_prev(r.key):
                v = self.prev_value(r.key)
                self.ctx.answers[r.key] = v
                store.append((r.key, v))
        self.answers_changed()
        note = Screen(f"✔ Giữ nguyên {len(store)} câu của mục {number} như {self.ctx.prev_label}.")
        missing = [r.key for r in refs if r.key not in self.ctx.answers]
        if missing:
            step = self.goto(missing[0], prefix=[note, Screen(f"Còn {len(missing)} câu chưa có câu trả lời "
                                                              f"{self.ctx.prev_label}:")], section_walk=True)
        else:
            step = self.goto_section(gi + 1, prefix=[note])
        step.store = store + step.store
        return step

    def _submit(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        return Step(screens=[self.confirm_screen()], key=key, mode=Mode.CONFIRM, state=st)

    def _submit_ok(self, key: str | None, mode: str, st: dict[str, Any], arg: str) -> Step:
        if mode != Mode.CONFIRM:
            return stale(key, mode, st)
        fails = failing_rules(self.outline, self.ctx.answers)
        if fails:
            return Step(screens=[Screen("❗ Chưa gửi được vì số liệu chưa khớp:\n"
                                        + "\n".join(f"• {f.message}" for f in fails)
                                        + "\nSửa các câu liên quan (xem lại, gõ /c<số>) rồi gửi lại.",
                                        [[Button("👁 Xem lại", "review")]])],
                        key=key, mode=Mode.RECAP, state=st, error=True)
        return Step(screens=[], key=key, mode=Mode.IDLE, state={}, submit=True)


def _walk(action: str) -> NavAction:
    return lambda e, key, mode, st, arg: e._section_walk(key, mode, st, arg, action)


# buttons that work whatever the current question: action -> handler (engine, key, mode, state, arg)
NAV_ACTIONS: dict[str, NavAction] = {
    "pause": Navigation._pause,
    "toc": Navigation._toc,
    "review": Navigation._review,
    "cont": Navigation._continue,
    "sec": Navigation._section,
    "open": Navigation._open,
    "bysec": Navigation._by_section,
    "byq": Navigation._by_question,
    "keepsec": _walk("keepsec"),
    "editsec": _walk("editsec"),
    "skipsec": _walk("skipsec"),
    "submit": Navigation._submit,
    "submit_ok": Navigation._submit_ok,
}
