"""Questions answered in one message: numbers, money, percentages, dates, short texts, yes/no, choices."""

from __future__ import annotations

from typing import Any

from dialogs.answers import expected_form, format_value, parse_answer
from dialogs.engine.base import Button, EngineView, Kind, Screen, Step, option_buttons, option_value
from dialogs.parsing import ParseError


def prompt_screen(e: EngineView, key: str, state: dict[str, Any], *, extra: list[Button] | None = None,
                    options: list[list[Button]] | None = None, notes: list[str] | None = None) -> Screen:
    """The screen of a one-message question: prompt, expected form, previous and current answer, buttons."""
    q = e.outline.question(key)
    lines = e.header(key)
    lines.append(f"{(q.no + ' ') if q.no and q.no.strip() not in ('-', '+', '·') else ''}{q.prompt}")
    if q.help:
        lines += ["", f"ℹ️ {q.help}"]
    lines += ["", f"✍️ {expected_form(q)}"]
    if e.has_prev(key):
        lines.append(f"🕘 {e.ctx.prev_label.capitalize()}: {format_value(q, e.prev_value(key), limit=600)}")
    if key in e.ctx.answers:
        lines.append(f"✅ Đã trả lời: {format_value(q, e.ctx.answers[key], limit=600)}")
    lines += notes or []
    buttons = list(options or [])
    buttons += e.nav_buttons(keep=e.has_prev(key), none=q.none_ok and q.type != "yesno", extra=extra)
    return Screen("\n".join(lines), buttons)


class ScalarKind(Kind):
    def screen(self, e: EngineView, key: str, state: dict[str, Any]) -> Screen:
        return prompt_screen(e, key, state, options=option_buttons(e.outline.question(key), "opt"))

    def on_text(self, e: EngineView, key: str, state: dict[str, Any], text: str) -> Step:
        try:
            value = parse_answer(e.outline, e.outline.question(key), text, today=e.ctx.today)
        except ParseError as err:
            return e.error(key, state, err.message)
        return e.stored(key, value, state)

    def option(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step | None:
        """A yes/no or choice button."""
        ok, value = option_value(e.outline.question(key), arg)
        return e.stored(key, value, st) if ok else None

    ACTIONS = {"opt": option}
