"""Lists and documents: items of several fields, added in one message or field by field, edited, deleted."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.answers import expected_form, format_record, parse_record, parse_scalar
from dialogs.engine.base import (
    DONE_WORDS,
    Button,
    EngineView,
    Kind,
    Mode,
    Screen,
    Step,
    option_buttons,
    option_value,
)
from dialogs.outline import Question
from dialogs.parsing import ParseError, is_none_answer
from dialogs.text import fold

ITEM_STATE = ("item", "field")


class ListKind(Kind):
    # ------------------------------------------------------------------ screen
    def screen(self, e: EngineView, key: str, state: dict[str, Any]) -> Screen:
        q = e.outline.question(key)
        fields = q.record_fields
        items: list[dict[str, Any]] = list(e.ctx.answers.get(key) or [])
        lines = e.header(key) + [q.prompt]
        if q.help:
            lines += ["", f"ℹ️ {q.help}"]
        if items:
            lines += ["", f"Danh sách hiện có ({len(items)} {q.unit or 'mục'}):"]
            lines += [f"{i}. {format_record(fields, it)}" for i, it in enumerate(items, 1)]
        else:
            lines += ["", "Danh sách đang trống."]
        if e.has_prev(key) and not state.get("item"):
            prev = e.prev_value(key) or []
            lines.append(f"🕘 {e.ctx.prev_label.capitalize()}: {len(prev)} {q.unit or 'mục'}")
        if state.get("item") is not None:
            return self._field_screen(q, state, lines)
        edit = state.get("edit")
        example = "\n".join(f"{f.label}{'' if f.required else ' (nếu có)'}" for f in fields)
        if edit is not None:
            lines += ["", f"✏️ Sửa mục {int(edit) + 1}: gõ lại cả mục, mỗi trường một dòng:", example]
        else:
            lines += ["", "➕ Thêm một mục: gõ cả mục trong một tin, mỗi trường một dòng theo thứ tự:", example,
                      "hoặc chỉ gõ trường đầu tiên để được hỏi lần lượt từng trường.",
                      "Gõ «xoá 2» hoặc «sửa 2» để xoá/sửa mục 2. Bấm «Xong» khi đủ."]
        buttons: list[list[Button]] = [] if edit is not None else option_buttons(fields[0], "fopt")
        if buttons:
            lines.append(f"«{fields[0].label}»: bấm một lựa chọn bên dưới để bắt đầu mục mới.")
        for i in range(max(0, len(items) - 4), len(items)):
            buttons.append([Button(f"✏️ Sửa {i + 1}", "edit", str(i)), Button(f"🗑 Xoá {i + 1}", "del", str(i))])
        keep = e.has_prev(key) and not items
        buttons += e.nav_buttons(keep=keep, none=q.none_ok and not items, extra=[Button("✔ Xong", "done")])
        return Screen("\n".join(lines), buttons)

    def _field_screen(self, q: Question, state: dict[str, Any], lines: list[str]) -> Screen:
        fields = q.record_fields
        fi = int(state.get("field", 0))
        f = fields[fi]
        lines += ["", f"➕ Mục mới — trường {fi + 1}/{len(fields)}: {f.label}{' (bắt buộc)' if f.required else ''}",
                  f"✍️ {expected_form(f)}" + ("" if f.required else "; bấm «Bỏ trống» nếu không có")]
        rows = option_buttons(f, "fopt")
        rows += [[Button("Bỏ trống", "fskip")] if not f.required else [], [Button("✖ Huỷ mục này", "fcancel")]]
        return Screen("\n".join(lines), [r for r in rows if r])

    def expected(self, e: EngineView, key: str, state: dict[str, Any]) -> str:
        q = e.outline.question(key)
        if state.get("item") is not None:
            f = q.record_fields[int(state.get("field", 0))]
            return f"«{f.label}»: {expected_form(f)}"
        first = q.record_fields[0]
        return (f"gõ cả mục, mỗi trường một dòng ({', '.join(f.label for f in q.record_fields)}), hoặc chỉ gõ "
                f"«{first.label}» để được hỏi lần lượt từng trường; bấm «Xong» khi đủ")

    # ------------------------------------------------------------------ typed text
    def on_text(self, e: EngineView, key: str, state: dict[str, Any], text: str) -> Step:
        q = e.outline.question(key)
        items = list(e.ctx.answers.get(key) or [])
        st = dict(state)
        f = fold(text)
        if st.get("item") is None and f in DONE_WORDS:
            return e.on_action(key, Mode.QUESTION, state, "done", "")
        if st.get("item") is None and is_none_answer(text) and not items:
            if not q.none_ok:
                return e.error(key, state, "Danh sách này cần ít nhất một mục.")
            return e.stored(key, [], state, note="không có mục nào")
        m = re.fullmatch(r"(xoa|xo|sua)\s+(\d+)", f)
        if m and st.get("item") is None:
            idx = int(m.group(2)) - 1
            return e.on_action(key, Mode.QUESTION, state, "del" if m.group(1).startswith("xo") else "edit", str(idx))
        if st.get("item") is not None:
            return self._field_text(e, key, q, st, text)
        return self._item_text(e, key, q, st, text)

    def _field_text(self, e: EngineView, key: str, q: Question, st: dict[str, Any], text: str) -> Step:
        """The next field of the item being entered field by field."""
        fi = int(st.get("field", 0))
        fdef = q.record_fields[fi]
        try:
            val = parse_scalar(fdef, text, default_year=_year(e))
        except ParseError as err:
            return e.error(key, st, f"❗ «{fdef.label}»: {err.message}")
        item = dict(st["item"])
        item[fdef.key] = val
        return self._next_field(e, key, q, st, item, fi + 1)

    def _item_text(self, e: EngineView, key: str, q: Question, st: dict[str, Any], text: str) -> Step:
        """A whole item (one field a line, or «;»-separated), or the first field of a field-by-field entry."""
        fields = q.record_fields
        multi = "\n" in text or (";" in text and len(fields) > 1)
        if not multi and len(fields) > 1:
            try:
                first = {fields[0].key: parse_scalar(fields[0], text, default_year=_year(e))}
            except ParseError as err:
                return e.error(key, st, f"❗ «{fields[0].label}»: {err.message}")
            return self._next_field(e, key, q, st, first, 1)
        try:
            rec = parse_record(fields, text, default_year=_year(e))
        except ParseError as err:
            return e.error(key, st, f"❗ {err.message}")
        return self._save_item(e, key, q, st, rec)

    def _next_field(self, e: EngineView, key: str, q: Question, st: dict[str, Any], item: dict[str, Any],
                    fi: int) -> Step:
        if fi >= len(q.record_fields):
            st = {k: v for k, v in st.items() if k not in ITEM_STATE}
            return self._save_item(e, key, q, st, item)
        st = dict(st)
        st["item"] = item
        st["field"] = fi
        return Step(screens=[self.screen(e, key, st)], key=key, mode=Mode.QUESTION, state=st)

    def _save_item(self, e: EngineView, key: str, q: Question, st: dict[str, Any], rec: dict[str, Any]) -> Step:
        missing = [f.label for f in q.record_fields if f.required and rec.get(f.key) in (None, "")]
        if missing:
            return e.error(key, st, "❗ Thiếu: " + ", ".join(missing) + ". Gõ lại cả mục, mỗi trường một dòng.")
        items = list(e.ctx.answers.get(key) or [])
        st = {k: v for k, v in st.items() if k not in ITEM_STATE}
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
        e.ctx.answers[key] = items
        e.answers_changed()
        return Step(store=[(key, items)], screens=[Screen(msg), self.screen(e, key, st)], key=key,
                    mode=Mode.QUESTION, state=st)

    # ------------------------------------------------------------------ buttons
    def done(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        q = e.outline.question(key)
        items = list(e.ctx.answers.get(key) or [])
        e.ctx.answers[key] = items
        step = e.advance(key, st, [Screen(f"✔ Danh sách có {len(items)} {q.unit or 'mục'} — "
                                          f"{e.change_label(key, items)}")])
        step.store.insert(0, (key, items))
        return step

    def _pick(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> tuple[list[dict[str, Any]], int] | Step:
        items = list(e.ctx.answers.get(key) or [])
        idx = int(arg) if arg.lstrip("-").isdigit() else -1
        if not 0 <= idx < len(items):
            return e.error(key, st, f"❗ Không có mục {idx + 1}." + (f" Danh sách có {len(items)} mục." if items else ""))
        return items, idx

    def delete(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        picked = self._pick(e, key, st, arg)
        if isinstance(picked, Step):
            return picked
        items, idx = picked
        items.pop(idx)
        e.ctx.answers[key] = items
        st.pop("edit", None)
        return Step(store=[(key, items)], screens=[Screen(f"🗑 Đã xoá mục {idx + 1}."), self.screen(e, key, st)],
                    key=key, mode=Mode.QUESTION, state=st)

    def edit(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        picked = self._pick(e, key, st, arg)
        if isinstance(picked, Step):
            return picked
        st["edit"] = picked[1]
        return Step(screens=[self.screen(e, key, st)], key=key, mode=Mode.QUESTION, state=st)

    def field_skip(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step | None:
        if st.get("item") is None:
            return None
        return self._next_field(e, key, e.outline.question(key), st, dict(st["item"]), int(st.get("field", 0)) + 1)

    def field_option(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step | None:
        """A choice or yes/no button of the field being entered."""
        if st.get("item") is None and st.get("edit") is not None:
            return None
        q = e.outline.question(key)
        fi = int(st.get("field", 0)) if st.get("item") is not None else 0  # no item yet: its first field
        ok, value = option_value(q.record_fields[fi], arg)
        if not ok:
            return None
        item = dict(st.get("item") or {})
        item[q.record_fields[fi].key] = value
        return self._next_field(e, key, q, st, item, fi + 1)

    def field_cancel(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        st.pop("item", None)
        st.pop("field", None)
        return Step(screens=[Screen("Đã huỷ mục đang nhập."), self.screen(e, key, st)], key=key,
                    mode=Mode.QUESTION, state=st)

    ACTIONS = {"done": done, "del": delete, "edit": edit, "fskip": field_skip, "fcancel": field_cancel,
               "fopt": field_option}


def _year(e: EngineView) -> int:
    return (e.ctx.today or date.today()).year
