"""The question engine: what comes next, what an answer means, which rules fail — with no Telegram in it.

The bot (or a test, or another front end) keeps a position (question key, mode, state) and calls
``Engine.on_text`` / ``Engine.on_action``; each returns a :class:`Step`: the answers to store, the
messages to show (text and abstract buttons) and the new position. The caller stores the answers first,
then the position, then shows the messages — so what was acknowledged is always stored.

Modes: ``question`` (one question; lists, tables and long texts keep their sub-step in ``state``),
``section`` (weekly: a section's previous answers with keep-all), ``toc`` (sections), ``review``,
``confirm`` (submit), ``idle`` (paused).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dialogs.answers import (
    NONE_TEXT,
    Change,
    compare,
    expected_form,
    failing_rules,
    format_record,
    format_scalar,
    format_table,
    format_value,
    none_value,
    parse_answer,
    parse_record,
    parse_row,
    parse_scalar,
    table_grid,
)
from dialogs.outline import Outline, Question, QuestionRef, Row
from dialogs.parsing import ParseError, is_none_answer
from dialogs.text import fold

MAX_MESSAGE = 4000  # Telegram's limit is 4096 characters; keep a margin
DONE_WORDS = {"xong", "het", "ket thuc", "done", "xong roi"}


@dataclass(frozen=True)
class Button:
    text: str
    action: str
    arg: str = ""


@dataclass
class Screen:
    text: str
    buttons: list[list[Button]] = field(default_factory=list)


@dataclass
class Step:
    store: list[tuple[str, Any]] = field(default_factory=list)
    screens: list[Screen] = field(default_factory=list)
    key: str | None = None
    mode: str = "question"
    state: dict[str, Any] = field(default_factory=dict)
    submit: bool = False
    error: bool = False


@dataclass
class Ctx:
    outline: Outline
    unit_code: str | None
    unit_kind: str | None
    answers: dict[str, Any]
    previous: dict[str, Any] | None = None  # None: no previous period for this unit
    period_label: str = ""
    submitted: bool = False
    today: date | None = None

    @property
    def prev_label(self) -> str:
        return self.outline.period.previous_label


class Engine:
    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.o = ctx.outline
        self._visible: list[QuestionRef] | None = None

    # ------------------------------------------------------------------ navigation
    @property
    def visible(self) -> list[QuestionRef]:
        if self._visible is None:
            self._visible = self.o.visible_refs(self.ctx.unit_code, self.ctx.unit_kind, self.ctx.answers)
        return self._visible

    def _index(self, key: str | None) -> int:
        for i, r in enumerate(self.visible):
            if r.key == key:
                return i
        return -1

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
        return self.o.period.kind == "weekly" and bool(self.ctx.previous)

    # ------------------------------------------------------------------ rendering helpers
    def _prev_value(self, key: str) -> Any:
        prev = self.ctx.previous or {}
        return prev.get(key)

    def has_prev(self, key: str) -> bool:
        return bool(self.ctx.previous) and key in (self.ctx.previous or {})

    def change(self, key: str, value: Any) -> Change:
        q = self.o.question(key)
        return compare(q, value, self._prev_value(key), has_previous=self.has_prev(key))

    def change_label(self, key: str, value: Any) -> str:
        return self.change(key, value).label(self.o.question(key), self.ctx.prev_label)

    def heading(self, ref: QuestionRef) -> str:
        titles = []
        for s in ref.path:
            if s.no.strip() in ("-", "+", "", "·"):
                titles.append(s.title)
            else:
                titles = [s.title]
        num = ref.section_number
        return f"📋 {num} — {titles[-1]}" if num else f"📋 {titles[-1]}"

    def _nav_buttons(self, key: str, *, keep: bool, none: bool, extra: list[Button] | None = None) -> list[list[Button]]:
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
        rows.append([Button("📑 Mục lục", "toc"), Button("👁 Xem lại", "review"), Button("⏸ Tạm dừng", "pause")])
        return rows

    # ------------------------------------------------------------------ question screens
    def question_screen(self, key: str, state: dict[str, Any] | None = None) -> Screen:
        state = state or {}
        ref = self.o.ref(key)
        q = ref.question
        if q.type in ("list", "documents"):
            return self.list_screen(key, state)
        if q.type == "table":
            return self.table_screen(key, state)
        answered, total = self.progress()
        pos = self._index(key) + 1
        lines = [self.heading(ref), f"Câu {pos}/{total} · Đã trả lời {answered}/{total} câu", ""]
        lines.append(f"{(q.no + ' ') if q.no and q.no.strip() not in ('-', '+', '·') else ''}{q.prompt}")
        if q.help:
            lines += ["", f"ℹ️ {q.help}"]
        lines += ["", f"✍️ {expected_form(q)}"]
        if self.has_prev(key):
            lines.append(f"🕘 {self.ctx.prev_label.capitalize()}: {format_value(q, self._prev_value(key), limit=600)}")
        if key in self.ctx.answers:
            lines.append(f"✅ Đã trả lời: {format_value(q, self.ctx.answers[key], limit=600)}")
        if state.get("collect"):
            lines.append(f"📝 Đang nhận nội dung ({len(str(self.ctx.answers.get(key, '')))} ký tự). "
                         "Gửi tiếp hoặc bấm «Xong».")
        extra: list[Button] = []
        if q.type == "yesno":
            extra = [Button("Có", "opt", "1"), Button("Không", "opt", "0")]
        buttons: list[list[Button]] = []
        if q.type == "choice" and q.options:
            for i, o in enumerate(q.options, 1):
                buttons.append([Button(f"{i}. {o.label}"[:60], "opt", o.key)])
        if q.type == "longtext" and state.get("collect"):
            extra = [Button("✔ Xong", "done")]
        buttons += self._nav_buttons(key, keep=self.has_prev(key), none=q.none_ok and q.type != "yesno", extra=extra)
        return Screen("\n".join(lines), buttons)

    def list_screen(self, key: str, state: dict[str, Any]) -> Screen:
        ref = self.o.ref(key)
        q = ref.question
        fields = q.record_fields
        items: list[dict[str, Any]] = list(self.ctx.answers.get(key) or [])
        answered, total = self.progress()
        lines = [self.heading(ref), f"Câu {self._index(key) + 1}/{total} · Đã trả lời {answered}/{total} câu", "",
                 q.prompt]
        if q.help:
            lines += ["", f"ℹ️ {q.help}"]
        if items:
            lines += ["", f"Danh sách hiện có ({len(items)} {q.unit or 'mục'}):"]
            lines += [f"{i}. {format_record(fields, it)}" for i, it in enumerate(items, 1)]
        else:
            lines += ["", "Danh sách đang trống."]
        if self.has_prev(key) and not state.get("item"):
            prev = self._prev_value(key) or []
            lines.append(f"🕘 {self.ctx.prev_label.capitalize()}: {len(prev)} {q.unit or 'mục'}")
        item = state.get("item")
        if item is not None:
            fi = int(state.get("field", 0))
            f = fields[fi]
            lines += ["", f"➕ Mục mới — trường {fi + 1}/{len(fields)}: {f.label}{' (bắt buộc)' if f.required else ''}",
                      f"✍️ {expected_form(f)}" + ("" if f.required else "; bấm «Bỏ trống» nếu không có")]
            rows = [[Button("Bỏ trống", "fskip")] if not f.required else [], [Button("✖ Huỷ mục này", "fcancel")]]
            return Screen("\n".join(lines), [r for r in rows if r])
        edit = state.get("edit")
        example = "\n".join(f"{f.label}{'' if f.required else ' (nếu có)'}" for f in fields)
        if edit is not None:
            lines += ["", f"✏️ Sửa mục {int(edit) + 1}: gõ lại cả mục, mỗi trường một dòng:", example]
        else:
            lines += ["", "➕ Thêm một mục: gõ cả mục trong một tin, mỗi trường một dòng theo thứ tự:", example,
                      "hoặc chỉ gõ trường đầu tiên để được hỏi lần lượt từng trường.",
                      "Gõ «xoá 2» hoặc «sửa 2» để xoá/sửa mục 2. Bấm «Xong» khi đủ."]
        buttons: list[list[Button]] = []
        for i in range(max(0, len(items) - 4), len(items)):
            buttons.append([Button(f"✏️ Sửa {i + 1}", "edit", str(i)), Button(f"🗑 Xoá {i + 1}", "del", str(i))])
        extra = [Button("✔ Xong", "done")]
        keep = self.has_prev(key) and not items
        buttons += self._nav_buttons(key, keep=keep, none=q.none_ok and not items, extra=extra)
        return Screen("\n".join(lines), buttons)

    def _table_steps(self, q: Question) -> list[Row]:
        assert q.table is not None
        return [r for r in q.table.rows if r.asked or r.open]

    def table_screen(self, key: str, state: dict[str, Any]) -> Screen:
        ref = self.o.ref(key)
        q = ref.question
        t = q.table
        assert t is not None
        steps = self._table_steps(q)
        ri = min(int(state.get("row", 0)), len(steps) - 1)
        row = steps[ri]
        value = self.ctx.answers.get(key) or {"rows": {}, "items": {}}
        cols = t.input_columns
        answered, total = self.progress()
        lines = [self.heading(ref), f"Câu {self._index(key) + 1}/{total} · Đã trả lời {answered}/{total} câu", "",
                 q.prompt, f"{t.title}"]
        if q.help and ri == 0:
            lines.append(f"ℹ️ {q.help}")
        lines += ["", f"Dòng {ri + 1}/{len(steps)}: {(row.no + ' ') if row.no else ''}{row.label}",
                  "Các cột: " + " | ".join(f"{i}) {c.label}" for i, c in enumerate(cols, 1))]
        prev = self._prev_value(key) if self.has_prev(key) else None
        if row.open:
            items = (value.get("items") or {}).get(row.key) or []
            if items:
                lines.append(f"Đã nhập {len(items)} dòng:")
                for i, it in enumerate(items, 1):
                    lines.append(f"  {i}. {it.get('label', '')}: " + "; ".join(
                        format_scalar(c, it.get(c.key)) for c in cols if it.get(c.key) not in (None, "")))
            lines.append("✍️ Thêm một dòng: gõ tên rồi các cột, cách nhau bằng dấu chấm phẩy. Ví dụ: "
                         + "; ".join(["Tên"] + [_example(c.type) for c in cols]))
            lines.append("Gõ «xoá 2» để xoá dòng 2. Bấm «Xong nhóm» khi hết.")
            buttons = [[Button("✔ Xong nhóm", "rownext")]]
            if prev and (prev.get("items") or {}).get(row.key) and not items:
                buttons.append([Button(f"↩ Giữ như {self.ctx.prev_label}", "rowkeep")])
        else:
            cells = dict((value.get("rows") or {}).get(row.key) or {})
            pending = state.get("cells")
            if pending is not None:
                ci = int(state.get("col", 0))
                c = cols[ci]
                lines.append(f"✍️ Ô {ci + 1}/{len(cols)} — {c.label}: {expected_form(c, unit=q.unit if c.type == 'integer' else None)}")
            else:
                all_num = all(c.type in ("integer", "decimal", "money", "percent") for c in cols)
                sep = " " if all_num else "; "
                lines.append(f"✍️ Gõ {len(cols)} giá trị theo thứ tự cột, cách nhau bằng "
                             + ("dấu cách" if all_num else "dấu chấm phẩy") + ". Ví dụ: "
                             + sep.join(_example(c.type) for c in cols)
                             + (" — hoặc gõ từng ô một." if len(cols) > 1 else ""))
            if cells:
                lines.append("✅ Đã nhập: " + " | ".join(format_scalar(c, cells.get(c.key)) for c in cols))
            if prev:
                pc = (prev.get("rows") or {}).get(row.key)
                if pc:
                    lines.append(f"🕘 {self.ctx.prev_label.capitalize()}: "
                                 + " | ".join(format_scalar(c, pc.get(c.key)) for c in cols))
            buttons = []
            if prev and (prev.get("rows") or {}).get(row.key) and pending is None:
                buttons.append([Button(f"↩ Giữ dòng như {self.ctx.prev_label}", "rowkeep")])
            buttons.append([Button("∅ Dòng trống", "rowblank"), Button("Bỏ qua dòng ➡", "rownext")])
        grid_lines = self._totals_line(q, value)
        if grid_lines:
            lines += ["", grid_lines]
        buttons.append([Button("⬅ Dòng trước", "rowback"), Button("✔ Xong biểu", "done")])
        buttons.append([Button("📑 Mục lục", "toc"), Button("👁 Xem lại", "review"), Button("⏸ Tạm dừng", "pause")])
        return Screen("\n".join(lines), buttons)

    def _totals_line(self, q: Question, value: Any) -> str:
        t = q.table
        assert t is not None
        grid = table_grid(t, value)
        out = []
        for r in t.rows:
            if r.computed:
                cells = grid.get(r.key, {})
                shown = [f"{c.label}: {format_scalar(c, cells.get(c.key))}" for c in t.columns
                         if cells.get(c.key) not in (None, "")]
                if shown:
                    out.append(f"Σ {(r.no + ' ') if r.no else ''}{r.label}: " + "; ".join(shown))
        return "\n".join(out[:6])

    # ------------------------------------------------------------------ other screens
    def start_screens(self, key: str | None) -> list[Screen]:
        answered, total = self.progress()
        head = (f"Báo cáo: {self.o.short}\nKỳ: {self.ctx.period_label}\nĐã trả lời {answered}/{total} câu."
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
            prev = format_value(q, self._prev_value(r.key), limit=160) if self.has_prev(r.key) else "(chưa có)"
            mark = " ✅" if r.key in self.ctx.answers else ""
            lines.append(f"• {_short(q.prompt, 70)}: {prev}{mark}")
            if cur is not None and self.has_prev(r.key):
                lines.append(f"   hiện tại: {format_value(q, cur, limit=120)} ({self.change_label(r.key, cur)})")
        text = _fit("\n".join(lines))
        buttons = [[Button("✔ Giữ nguyên cả mục", "keepsec", str(gi)), Button("✏️ Sửa từng câu", "editsec", str(gi))],
                   [Button("Bỏ qua mục ➡", "skipsec", str(gi))],
                   [Button("📑 Mục lục", "toc"), Button("👁 Xem lại", "review"), Button("⏸ Tạm dừng", "pause")]]
        return Screen(text, buttons)

    def review_screens(self) -> list[Screen]:
        answered, total = self.progress()
        blocks: list[str] = [f"👁 Xem lại — {self.o.short}\nKỳ: {self.ctx.period_label}\n"
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
                blocks.append(f"/c{i} {r.number} {_short(q.prompt, 80)}: {val}{tag}")
            else:
                blocks.append(f"/c{i} {r.number} {_short(q.prompt, 80)}: — chưa trả lời")
        fails = failing_rules(self.o, self.ctx.answers)
        if fails:
            blocks.append("\n⚠️ Cần kiểm tra lại:")
            blocks += [f"• {f.message}" for f in fails]
        texts = split_messages(blocks)
        screens = [Screen(t) for t in texts]
        screens[-1].buttons = [[Button("📨 Gửi báo cáo", "submit"), Button("▶ Tiếp tục trả lời", "cont")],
                               [Button("📑 Mục lục", "toc"), Button("⏸ Tạm dừng", "pause")]]
        return screens

    def confirm_screen(self) -> Screen:
        answered, total = self.progress()
        missing = total - answered
        text = (f"Gửi báo cáo «{self.o.short}», kỳ {self.ctx.period_label}?\n"
                f"Đã trả lời {answered}/{total} câu."
                + (f"\n⚠️ Còn {missing} câu chưa trả lời (sẽ để trống trong báo cáo)." if missing else "")
                + "\nSau khi gửi vẫn sửa được đến khi đóng kỳ; mọi thay đổi đều được ghi lại.")
        return Screen(text, [[Button("📨 Xác nhận gửi", "submit_ok"), Button("✖ Chưa gửi", "review")]])

    # ------------------------------------------------------------------ transitions
    def goto(self, key: str | None, *, state: dict[str, Any] | None = None, prefix: list[Screen] | None = None,
             section_walk: bool = False) -> Step:
        """Show ``key`` (or the review when there is nothing left)."""
        screens = list(prefix or [])
        if key is None:
            screens += self.review_screens()
            return Step(screens=screens, key=None, mode="review")
        st = dict(state or {})
        if section_walk:
            st["walk"] = "section"
        q = self.o.question(key)
        if q.type == "longtext" and key not in self.ctx.answers:
            st.setdefault("collect", False)
        screens.append(self.question_screen(key, st))
        return Step(screens=screens, key=key, mode="question", state=st)

    def advance(self, key: str, state: dict[str, Any], prefix: list[Screen]) -> Step:
        """After ``key`` is done: the next question; in the weekly section walk, the next section screen."""
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

    def goto_section(self, gi: int, *, prefix: list[Screen] | None = None) -> Step:
        groups = self.groups()
        if gi >= len(groups):
            return self.goto(None, prefix=prefix)
        return Step(screens=list(prefix or []) + [self.section_screen(gi)], key=groups[gi][2][0].key,
                    mode="section", state={"sec": gi})

    def begin(self, key: str | None = None) -> Step:
        """/baocao: continue at ``key`` (the stored position) or the first unanswered question."""
        if key is None or not self.is_visible(key):
            key = self.first_unanswered()
        screens = self.start_screens(key)
        if key is None:
            return Step(screens=screens, key=None, mode="review")
        if self.weekly_fast_path() and self.progress()[0] == 0:
            screens[-1].text += (f"\n\n{self.ctx.prev_label.capitalize()} đơn vị đã báo cáo. Đi theo từng mục: xem lại câu trả lời "
                                 f"{self.ctx.prev_label} của cả mục, giữ nguyên hoặc sửa từng câu.")
            screens[-1].buttons = [[Button("⚡ Đi theo từng mục", "bysec"), Button("✍️ Trả lời từng câu", "byq")]]
            return Step(screens=screens, key=key, mode="choose", state={})
        return self.goto(key, prefix=screens)

    # ------------------------------------------------------------------ input
    def on_text(self, key: str | None, mode: str, state: dict[str, Any], text: str) -> Step:
        text = text.strip()
        if mode == "idle" or key is None and mode not in ("review",):
            return Step(screens=[Screen("Bạn đang không trả lời câu nào. Gõ /baocao để tiếp tục báo cáo.")],
                        key=key, mode=mode, state=state, error=True)
        if mode in ("review", "section", "toc", "confirm", "choose"):
            return Step(screens=[Screen("Hãy chọn một nút ở tin nhắn trên, hoặc gõ /c<số> để mở một câu "
                                        "(ví dụ /c3), /baocao để tiếp tục.")],
                        key=key, mode=mode, state=state, error=True)
        assert key is not None
        q = self.o.question(key)
        if q.type in ("list", "documents"):
            return self._list_text(key, q, state, text)
        if q.type == "table":
            return self._table_text(key, q, state, text)
        if q.type == "longtext":
            return self._longtext_text(key, q, state, text)
        try:
            value = parse_answer(self.o, q, text, today=self.ctx.today)
        except ParseError as e:
            return self._error(key, state, e.message)
        return self._stored(key, value, state)

    def _error(self, key: str, state: dict[str, Any], message: str) -> Step:
        return Step(screens=[Screen(f"❗ {message}\nCâu hỏi vẫn chờ câu trả lời của bạn.")], key=key,
                    mode="question", state=state, error=True)

    def _stored(self, key: str, value: Any, state: dict[str, Any], *, note: str | None = None) -> Step:
        q = self.o.question(key)
        self.ctx.answers[key] = value
        self._visible = None
        label = note or self.change_label(key, value)
        confirm = f"✔ Đã lưu: {format_value(q, value, limit=200)} — {label}"
        screens = [Screen(confirm)]
        warn = self._rule_warnings(key)
        if warn is not None:
            screens.append(warn)
        step = self.advance(key, {k: v for k, v in state.items() if k == "walk"}, screens)
        step.store.insert(0, (key, value))
        return step

    def _rule_warnings(self, key: str) -> Screen | None:
        fails = failing_rules(self.o, self.ctx.answers, involving=key)
        if not fails:
            return None
        lines = ["⚠️ Số liệu chưa khớp:"]
        buttons = []
        for f in fails:
            lines.append(f"• {f.message}")
            for k in f.keys:
                if not self.o.has(k) or not self.is_visible(k):
                    continue
                ref = self.o.ref(k)
                v = self.ctx.answers.get(k)
                lines.append(f"   – {ref.number} {_short(ref.question.prompt, 60)}: {format_value(ref.question, v, limit=80)}"
                             f" (/c{self._index(k) + 1})")
                if k != key:
                    buttons.append([Button(f"Sửa: {_short(ref.question.prompt, 40)}", "open", k)])
        lines.append("Câu trả lời vẫn được lưu; hãy sửa câu sai (gõ /c<số> hoặc bấm nút).")
        return Screen("\n".join(lines), buttons[:4])

    def _longtext_text(self, key: str, q: Question, state: dict[str, Any], text: str) -> Step:
        if fold(text) in DONE_WORDS and state.get("collect"):
            return self.on_action(key, "question", state, "done", "")
        if is_none_answer(text) and not state.get("collect"):
            if not q.none_ok:
                return self._error(key, state, "Câu này cần nội dung cụ thể.")
            return self._stored(key, NONE_TEXT, state)
        if state.get("collect"):
            value = f"{self.ctx.answers.get(key, '')}\n{text}".strip()
        else:
            value = text
        self.ctx.answers[key] = value
        st = dict(state)
        st["collect"] = True
        screen = Screen(f"📝 Đã nhận ({len(value)} ký tự). Gửi tiếp nếu còn, hoặc bấm «Xong» để sang câu sau.",
                        [[Button("✔ Xong", "done"), Button("✖ Xoá, gõ lại", "clear")]])
        return Step(store=[(key, value)], screens=[screen], key=key, mode="question", state=st)

    def _list_text(self, key: str, q: Question, state: dict[str, Any], text: str) -> Step:
        fields = q.record_fields
        items = list(self.ctx.answers.get(key) or [])
        st = dict(state)
        f = fold(text)
        if st.get("item") is None and f in DONE_WORDS:
            return self.on_action(key, "question", state, "done", "")
        if st.get("item") is None and is_none_answer(text) and not items:
            if not q.none_ok:
                return self._error(key, state, "Danh sách này cần ít nhất một mục.")
            return self._stored(key, [], state, note="không có mục nào")
        m = re.fullmatch(r"(xoa|xo|sua)\s+(\d+)", f)
        if m and st.get("item") is None:
            idx = int(m.group(2)) - 1
            return self.on_action(key, "question", state, "del" if m.group(1).startswith("xo") else "edit", str(idx))
        if st.get("item") is not None:
            fi = int(st.get("field", 0))
            fdef = fields[fi]
            try:
                val = parse_scalar(fdef, text, default_year=(self.ctx.today or date.today()).year)
            except ParseError as e:
                return Step(screens=[Screen(f"❗ «{fdef.label}»: {e.message}")], key=key, mode="question", state=st,
                            error=True)
            item = dict(st["item"])
            item[fdef.key] = val
            return self._next_field(key, q, st, item, fi + 1)
        multi = "\n" in text or (";" in text and len(fields) > 1)
        if not multi and len(fields) > 1:
            # field by field: this is the first field
            st_item: dict[str, Any] = {}
            try:
                st_item[fields[0].key] = parse_scalar(fields[0], text, default_year=(self.ctx.today or date.today()).year)
            except ParseError as e:
                return Step(screens=[Screen(f"❗ «{fields[0].label}»: {e.message}")], key=key, mode="question",
                            state=st, error=True)
            return self._next_field(key, q, st, st_item, 1)
        try:
            rec = parse_record(fields, text, default_year=(self.ctx.today or date.today()).year)
        except ParseError as e:
            return Step(screens=[Screen(f"❗ {e.message}")], key=key, mode="question", state=st, error=True)
        return self._save_item(key, q, st, rec)

    def _next_field(self, key: str, q: Question, st: dict[str, Any], item: dict[str, Any], fi: int) -> Step:
        fields = q.record_fields
        if fi >= len(fields):
            st = {k: v for k, v in st.items() if k not in ("item", "field")}
            return self._save_item(key, q, st, item)
        st = dict(st)
        st["item"] = item
        st["field"] = fi
        return Step(screens=[self.list_screen(key, st)], key=key, mode="question", state=st)

    def _save_item(self, key: str, q: Question, st: dict[str, Any], rec: dict[str, Any]) -> Step:
        missing = [f.label for f in q.record_fields if f.required and rec.get(f.key) in (None, "")]
        if missing:
            return Step(screens=[Screen("❗ Thiếu: " + ", ".join(missing) + ". Gõ lại cả mục, mỗi trường một dòng.")],
                        key=key, mode="question", state=st, error=True)
        items = list(self.ctx.answers.get(key) or [])
        st = {k: v for k, v in st.items() if k not in ("item", "field")}
        if st.get("edit") is not None:
            idx = int(st.pop("edit"))
            if 0 <= idx < len(items):
                items[idx] = rec
                msg = f"✔ Đã sửa mục {idx + 1}."
            else:
                items.append(rec)
                msg = f"✔ Đã thêm mục {len(items)}."
        else:
            items.append(rec)
            msg = f"✔ Đã thêm mục {len(items)}: {format_record(q.record_fields, rec)}"
        self.ctx.answers[key] = items
        self._visible = None
        return Step(store=[(key, items)], screens=[Screen(msg), self.list_screen(key, st)], key=key,
                    mode="question", state=st)

    def _table_text(self, key: str, q: Question, state: dict[str, Any], text: str) -> Step:
        t = q.table
        assert t is not None
        steps = self._table_steps(q)
        st = dict(state)
        ri = min(int(st.get("row", 0)), len(steps) - 1)
        row = steps[ri]
        value = _copy_table(self.ctx.answers.get(key))
        f = fold(text)
        if f in DONE_WORDS:
            return self.on_action(key, "question", state, "rownext" if row.open else "done", "")
        cols = t.input_columns
        if row.open:
            m = re.fullmatch(r"(xoa|xo)\s+(\d+)", f)
            items = list((value["items"]).get(row.key) or [])
            if m:
                idx = int(m.group(2)) - 1
                if not 0 <= idx < len(items):
                    return Step(screens=[Screen(f"❗ Không có dòng {idx + 1}. Gõ «xoá 1» đến «xoá {len(items)}».")],
                                key=key, mode="question", state=st, error=True)
                items.pop(idx)
                value["items"][row.key] = items
                self.ctx.answers[key] = value
                return Step(store=[(key, value)], screens=[Screen(f"🗑 Đã xoá dòng {idx + 1}."),
                                                           self.table_screen(key, st)], key=key, mode="question", state=st)
            try:
                item = parse_row(t, text, with_label=True)
            except ParseError as e:
                return Step(screens=[Screen(f"❗ {e.message}")], key=key, mode="question", state=st, error=True)
            items.append(item)
            value["items"][row.key] = items
            self.ctx.answers[key] = value
            return Step(store=[(key, value)], screens=[Screen(f"✔ Đã thêm dòng {len(items)}: {item['label']}"),
                                                       self.table_screen(key, st)], key=key, mode="question", state=st)
        cells = st.get("cells")
        if cells is None and len(cols) > 1 and len(text.split()) == 1 and ";" not in text:
            cells = {}
            st["col"] = 0
        if cells is not None:
            ci = int(st.get("col", 0))
            c = cols[ci]
            try:
                if text.strip() not in ("-",):
                    cells = dict(cells)
                    cells[c.key] = parse_scalar(c, text)
            except ParseError as e:
                return Step(screens=[Screen(f"❗ Ô «{c.label}»: {e.message}")], key=key, mode="question", state=st,
                            error=True)
            if ci + 1 < len(cols):
                st["cells"] = cells
                st["col"] = ci + 1
                return Step(screens=[self.table_screen(key, st)], key=key, mode="question", state=st)
            st.pop("cells", None)
            st.pop("col", None)
            return self._save_row(key, q, st, row, cells)
        try:
            cells = parse_row(t, text)
        except ParseError as e:
            return Step(screens=[Screen(f"❗ {e.message}")], key=key, mode="question", state=st, error=True)
        return self._save_row(key, q, st, row, cells)

    def _save_row(self, key: str, q: Question, st: dict[str, Any], row: Row, cells: dict[str, Any]) -> Step:
        value = _copy_table(self.ctx.answers.get(key))
        value["rows"][row.key] = cells
        self.ctx.answers[key] = value
        self._visible = None
        t = q.table
        assert t is not None
        msg = f"✔ Dòng «{row.label}»: " + " | ".join(format_scalar(c, cells.get(c.key)) for c in t.input_columns)
        screens = [Screen(msg)]
        warn = self._rule_warnings(key)
        if warn:
            screens.append(warn)
        step = self._table_move(key, q, st, +1, screens)
        step.store.insert(0, (key, value))
        return step

    def _table_move(self, key: str, q: Question, st: dict[str, Any], delta: int, screens: list[Screen]) -> Step:
        steps = self._table_steps(q)
        ri = int(st.get("row", 0)) + delta
        st = {k: v for k, v in st.items() if k not in ("cells", "col")}
        if ri < 0:
            ri = 0
        if ri >= len(steps):
            value = self.ctx.answers.get(key)
            done = [Screen(f"✔ Xong biểu.\n{format_table(q.table, value) if value else NONE_TEXT}"[:MAX_MESSAGE])]  # type: ignore[arg-type]
            return self.advance(key, st, screens + done)
        st["row"] = ri
        return Step(screens=screens + [self.table_screen(key, st)], key=key, mode="question", state=st)

    # ------------------------------------------------------------------ buttons
    def on_action(self, key: str | None, mode: str, state: dict[str, Any], action: str, arg: str) -> Step:
        st = dict(state)
        if action == "pause":
            return Step(screens=[Screen("⏸ Đã lưu mọi câu trả lời. Khi rảnh, gõ /baocao để tiếp tục đúng chỗ này.")],
                        key=key, mode="idle", state=st)
        if action == "toc":
            return Step(screens=[self.toc_screen()], key=key, mode="toc", state=st)
        if action == "review":
            return Step(screens=self.review_screens(), key=key, mode="review", state=st)
        if action == "cont":
            k = key if key and self.is_visible(key) and key not in self.ctx.answers else self.first_unanswered(key)
            if k is None:
                return Step(screens=[Screen("Đã trả lời hết các câu. Bấm «Gửi báo cáo» khi sẵn sàng.",
                                            [[Button("📨 Gửi báo cáo", "submit"), Button("👁 Xem lại", "review")]])],
                            key=key, mode="review", state={})
            return self.goto(k)
        if action == "sec":
            groups = self.groups()
            gi = int(arg) if arg.isdigit() else -1
            if not 0 <= gi < len(groups):
                return _stale(key, mode, st)
            if self.weekly_fast_path():
                return self.goto_section(gi)
            return self.goto(groups[gi][2][0].key)
        if action == "open":
            if not self.o.has(arg) or not self.is_visible(arg):
                return _stale(key, mode, st)
            return self.goto(arg)
        if action == "bysec":
            return self.goto_section(0)
        if action == "byq":
            return self.goto(self.first_unanswered() or (self.visible[0].key if self.visible else None))
        if action in ("keepsec", "editsec", "skipsec"):
            gi = int(arg) if arg.isdigit() else -1
            groups = self.groups()
            if mode != "section" or gi != st.get("sec") or not 0 <= gi < len(groups):
                return _stale(key, mode, st)
            refs = groups[gi][2]
            if action == "skipsec":
                return self.goto_section(gi + 1)
            if action == "editsec":
                return self.goto(refs[0].key, section_walk=True)
            store = []
            for r in refs:
                if r.key not in self.ctx.answers and self.has_prev(r.key):
                    v = self._prev_value(r.key)
                    self.ctx.answers[r.key] = v
                    store.append((r.key, v))
            self._visible = None
            note = Screen(f"✔ Giữ nguyên {len(store)} câu của mục {groups[gi][0]} như {self.ctx.prev_label}.")
            missing = [r.key for r in refs if r.key not in self.ctx.answers]
            if missing:
                step = self.goto(missing[0], prefix=[note, Screen(f"Còn {len(missing)} câu chưa có câu trả lời {self.ctx.prev_label}:")],
                                 section_walk=True)
            else:
                step = self.goto_section(gi + 1, prefix=[note])
            step.store = store + step.store
            return step
        if action == "submit":
            return Step(screens=[self.confirm_screen()], key=key, mode="confirm", state=st)
        if action == "submit_ok":
            if mode != "confirm":
                return _stale(key, mode, st)
            fails = failing_rules(self.o, self.ctx.answers)
            if fails:
                return Step(screens=[Screen("❗ Chưa gửi được vì số liệu chưa khớp:\n"
                                            + "\n".join(f"• {f.message}" for f in fails)
                                            + "\nSửa các câu liên quan (xem lại, gõ /c<số>) rồi gửi lại.",
                                            [[Button("👁 Xem lại", "review")]])],
                            key=key, mode="review", state=st, error=True)
            return Step(screens=[], key=key, mode="idle", state={}, submit=True)

        # actions on the current question
        if mode == "choose":
            return _stale(key, mode, st)
        if key is None or mode != "question":
            return _stale(key, mode, st)
        q = self.o.question(key)
        if action == "back":
            if q.type == "table" and int(st.get("row", 0)) > 0:
                return self._table_move(key, q, st, -1, [])
            pk = self.prev_key(key)
            if pk is None:
                return Step(screens=[Screen("Đây là câu đầu tiên."), self.question_screen(key, st)], key=key,
                            mode="question", state=st)
            return self.goto(pk, section_walk=st.get("walk") == "section")
        if action == "skip":
            return self.advance(key, st, [Screen("➡ Đã bỏ qua, có thể quay lại sau.")])
        if action == "keep":
            if not self.has_prev(key):
                return _stale(key, mode, st)
            v = self._prev_value(key)
            return self._stored(key, v, st, note=f"= giữ như {self.ctx.prev_label}")
        if action == "none":
            if not q.none_ok:
                return _stale(key, mode, st)
            return self._stored(key, none_value(q), st, note="không có")
        if action == "opt":
            if q.type == "yesno" and arg in ("0", "1"):
                return self._stored(key, arg == "1", st)
            if q.type == "choice" and q.options and any(o.key == arg for o in q.options):
                return self._stored(key, arg, st)
            return _stale(key, mode, st)
        if action == "done":
            if q.type == "longtext":
                if key not in self.ctx.answers:
                    return self._error(key, st, "Chưa có nội dung. Hãy gõ câu trả lời, hoặc bấm «Không có».")
                v = self.ctx.answers[key]
                return self._stored(key, v, {k: x for k, x in st.items() if k == "walk"},
                                    note=self.change_label(key, v))
            if q.type in ("list", "documents"):
                items = list(self.ctx.answers.get(key) or [])
                self.ctx.answers[key] = items
                step = self.advance(key, st, [Screen(f"✔ Danh sách có {len(items)} {q.unit or 'mục'} — "
                                                     f"{self.change_label(key, items)}")])
                step.store.insert(0, (key, items))
                return step
            if q.type == "table":
                value = _copy_table(self.ctx.answers.get(key))
                self.ctx.answers[key] = value
                step = self._table_move(key, q, st, 10**6, [])
                step.store.insert(0, (key, value))
                return step
            return _stale(key, mode, st)
        if action == "clear" and q.type == "longtext":
            st["collect"] = False
            return Step(screens=[Screen("Đã xoá phần vừa gõ. Hãy gõ lại nội dung.")], key=key, mode="question",
                        state=st)
        if q.type in ("list", "documents"):
            items = list(self.ctx.answers.get(key) or [])
            if action in ("del", "edit"):
                idx = int(arg) if arg.lstrip("-").isdigit() else -1
                if not 0 <= idx < len(items):
                    return Step(screens=[Screen(f"❗ Không có mục {idx + 1}." + (f" Danh sách có {len(items)} mục." if items else ""))],
                                key=key, mode="question", state=st, error=True)
                if action == "del":
                    items.pop(idx)
                    self.ctx.answers[key] = items
                    st.pop("edit", None)
                    return Step(store=[(key, items)], screens=[Screen(f"🗑 Đã xoá mục {idx + 1}."),
                                                               self.list_screen(key, st)], key=key, mode="question", state=st)
                st["edit"] = idx
                return Step(screens=[self.list_screen(key, st)], key=key, mode="question", state=st)
            if action == "fskip":
                if st.get("item") is None:
                    return _stale(key, mode, st)
                return self._next_field(key, q, st, dict(st["item"]), int(st.get("field", 0)) + 1)
            if action == "fcancel":
                st.pop("item", None)
                st.pop("field", None)
                return Step(screens=[Screen("Đã huỷ mục đang nhập."), self.list_screen(key, st)], key=key,
                            mode="question", state=st)
        if q.type == "table":
            steps = self._table_steps(q)
            ri = min(int(st.get("row", 0)), len(steps) - 1)
            row = steps[ri]
            if action == "rownext":
                return self._table_move(key, q, st, +1, [])
            if action == "rowback":
                return self._table_move(key, q, st, -1, [])
            if action == "rowblank":
                return self._save_row(key, q, st, row, {})
            if action == "rowkeep":
                prev = self._prev_value(key) or {}
                value = _copy_table(self.ctx.answers.get(key))
                if row.open:
                    value["items"][row.key] = list((prev.get("items") or {}).get(row.key) or [])
                    self.ctx.answers[key] = value
                    step = self._table_move(key, q, st, +1, [Screen(f"✔ Giữ {len(value['items'][row.key])} dòng như "
                                                                   f"{self.ctx.prev_label}.")])
                    step.store.insert(0, (key, value))
                    return step
                cells = dict((prev.get("rows") or {}).get(row.key) or {})
                return self._save_row(key, q, st, row, cells)
        return _stale(key, mode, st)


def _stale(key: str | None, mode: str, state: dict[str, Any]) -> Step:
    return Step(screens=[Screen("Nút này không còn dùng được ở bước hiện tại. Gõ /baocao để về câu đang trả lời.")],
                key=key, mode=mode, state=state, error=True)


def _copy_table(v: Any) -> dict[str, Any]:
    v = v if isinstance(v, dict) else {}
    return {"rows": {k: dict(x) for k, x in (v.get("rows") or {}).items()},
            "items": {k: [dict(i) for i in x] for k, x in (v.get("items") or {}).items()}}


def _example(t: str) -> str:
    return {"integer": "12", "decimal": "12,5", "percent": "49%", "money": "350", "date": "19/6/2025",
            "yesno": "có", "choice": "1"}.get(t, "nội dung")


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _fit(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def split_messages(blocks: list[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Join text blocks into messages under ``limit`` characters, never splitting a block unless it alone is too long."""
    out: list[str] = []
    cur = ""
    for b in blocks:
        while len(b) > limit:
            if cur:
                out.append(cur)
                cur = ""
            out.append(b[:limit])
            b = b[limit:]
        candidate = f"{cur}\n{b}" if cur else b
        if len(candidate) > limit:
            out.append(cur)
            cur = b
        else:
            cur = candidate
    if cur:
        out.append(cur)
    return out or [""]


__all__ = ["Button", "Ctx", "Engine", "Screen", "Step", "split_messages"]
