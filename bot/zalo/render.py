"""Text-only screens: buttons become numbered lines and typed words, long texts are cut at line breaks.

A screen's buttons (the engine's ``Button``s, already turned into callback data by ``bot/keyboards.py::markup``,
or any feature's inline keyboard) are shown on Zalo as text:

- *options* (a choice, yes/no, a section of the table of contents, a question to open from the review, any other
  feature's button) are numbered — ``1 · Có   2 · Không   0 · Bỏ qua`` — and picked by typing the number or the
  option's words;
- *commands* of the questionnaire (back, skip, table of contents, review, pause, keep, done, submit …) are
  typed words, listed in one short line at the end: ``Gõ: quay lại · bỏ qua · mục lục · xem lại · tạm dừng``.

A question that takes a typed number never gets numbered options (its buttons are all commands), so a typed
figure is never taken for a menu pick. The menu (what each number and word stands for) is returned as a plain
dict to be stored with the person's Zalo identity; :func:`pick` reads a typed text against it."""

from __future__ import annotations

import re
from typing import Any

from bot.texts import (
    utf16_len as size,  # Zalo's limit read the strict way: an emoji counts 2 (as in JavaScript)
)
from dialogs.text import fold, norm_words

# questionnaire actions shown as numbered options; every other questionnaire action is a typed command
OPTION_ACTIONS = frozenset({"opt", "fopt", "copt", "sec", "open", "pick"})
# short words accepted besides a command's own words (folded)
ALIASES = {"keep": ("giu", "giu nguyen"), "none": ("khong co",), "submit": ("gui", "gui bao cao"),
           "submit_ok": ("xac nhan", "xac nhan gui"), "back": ("quay lai",), "skip": ("bo qua",),
           "toc": ("muc luc",), "review": ("xem lai",), "pause": ("tam dung",), "done": ("xong",),
           "cont": ("tiep tuc",), "rowkeep": ("giu dong", "giu"), "rowback": ("dong truoc",)}
NAV_ORDER = ("back", "skip", "toc", "review", "pause")
_LEAD = re.compile(r"^[^\w(«\"]+", re.UNICODE)
_TAIL = re.compile(r"[^\w)»\"]+$", re.UNICODE)
_NUMBERED = re.compile(r"^\d{1,3}\.\s+")
ROW_WIDTH = 48  # options on one line while the line stays this short


def clean_label(text: str) -> str:
    """A button's words without its pictogram or arrow: "⬅ Quay lại" → "Quay lại", "1. Có" → "Có"."""
    s = _TAIL.sub("", _LEAD.sub("", text.strip()))
    return _NUMBERED.sub("", s).strip() or text.strip()


def qa_action(data: str) -> str | None:
    """The engine action of a questionnaire button's callback data ("q:<nonce>:<action>:<arg>"), else None."""
    if not data.startswith("q:"):
        return None
    parts = data.split(":")
    return parts[2] if len(parts) >= 3 else None


_TAP = re.compile(r"\b([Bb])ấm (?:nút )?«([^»]+)»")
_TAP_BELOW = re.compile(r"\b([Bb])ấm (?:nút|một lựa chọn) (?:bên )?dưới(?: đây)?")


def words_for_taps(text: str) -> str:
    """Telegram's "bấm «Xong»" (tap) said the Zalo way, "gõ «xong»" (type), and "bấm nút dưới đây" as
    "gõ một lựa chọn bên dưới"."""
    text = _TAP.sub(lambda m: ("G" if m.group(1) == "B" else "g") + f"õ «{clean_label(m.group(2)).lower()}»", text)
    return _TAP_BELOW.sub(lambda m: ("G" if m.group(1) == "B" else "g") + "õ một lựa chọn bên dưới", text)


def render(text: str, rows: list[list[tuple[str, str]]], *, numbered: bool = True
           ) -> tuple[str, dict[str, Any] | None]:
    """``text`` with its buttons as text, and the menu to store (None when there are no buttons). A notice that
    does not answer the person (``numbered=False``: a reminder, a supervisor's return) shows its buttons as typed
    words only, so the numbers of the screen the person is on keep their meaning."""
    text = words_for_taps(text)
    if not any(rows):
        return text, None
    if not numbered:
        words = {norm_words(clean_label(label)): data for row in rows for label, data in row}
        shown = [clean_label(label).lower() for row in rows for label, _ in row]
        return f"{text}\n\nGõ: " + " · ".join(shown), {"n": {}, "w": words, "merge": True}
    numbers: dict[str, str] = {}
    words: dict[str, str] = {}
    option_lines: list[str] = []
    commands: list[tuple[str, str, str | None]] = []  # (shown word, data, action)
    for row in rows:
        line: list[str] = []
        for label, data in row:
            action = qa_action(data)
            if action is not None and action not in OPTION_ACTIONS:
                commands.append((clean_label(label).lower(), data, action))
                continue
            n = str(len(numbers) + 1)
            numbers[n] = data
            words.setdefault(norm_words(clean_label(label)), data)
            line.append(f"{n} · {clean_label(label)}")
        if line:
            option_lines.append(line)  # type: ignore[arg-type]
    skip = next((d for _, d, a in commands if a == "skip"), None)
    if numbers and skip is not None:
        numbers["0"] = skip
    out: list[str] = [_lay_out(option_lines, skip if numbers else None)]
    commands.sort(key=lambda c: (c[2] in NAV_ORDER, NAV_ORDER.index(c[2]) if c[2] in NAV_ORDER else 0))
    shown = []
    for word, data, action in commands:
        for w in (norm_words(word), *ALIASES.get(action or "", ())):
            words.setdefault(w, data)
        if word not in shown and not (numbers and action == "skip"):
            shown.append(word)
    if shown:
        out.append("Gõ: " + " · ".join(shown))
    body = "\n".join(x for x in out if x)
    return f"{text}\n\n{body}", {"n": numbers, "w": words}


def _lay_out(lines: list[list[str]], skip: str | None) -> str:
    """Short options side by side ("1 · Có   2 · Không   0 · Bỏ qua"), long ones one a line."""
    flat = [x for line in lines for x in line]
    if skip is not None:
        flat.append("0 · Bỏ qua")
    if flat and sum(len(x) + 3 for x in flat) <= ROW_WIDTH:
        return "   ".join(flat)
    return "\n".join(flat)


def pick(menu: dict[str, Any] | None, text: str) -> str | None:
    """The callback data a typed ``text`` picks from ``menu`` (a number or an option's or command's words)."""
    if not menu:
        return None
    t = text.strip()
    if t.isdigit():
        return (menu.get("n") or {}).get(str(int(t)))
    key = norm_words(t)
    if not key or len(key) > 80:
        return None
    return (menu.get("w") or {}).get(key)


MORE = "… (gõ «xem lại» để xem đầy đủ)"


def compact(text: str, limit: int) -> str:
    """A screen over ``limit`` characters made to fit where it can without losing what the person must do: the
    echo of what was just stored (the part before the question's "📋" heading: a finished table's rows, say) is
    cut to its first lines, then running subtotals (lines "Σ …" after the first) are left out — both are in the
    review ("xem lại"). The question itself is never shortened; what still does not fit is split by :func:`split`."""
    if size(text) <= limit:
        return text
    q = text.find("\n📋 ")
    if q > 0:
        head, rest = text[:q], text[q:]
        room = limit - size(rest) - size(MORE) - 2
        if room < len(head):
            lines, kept = head.split("\n"), []
            for line in lines:
                if sum(size(x) + 1 for x in kept) + size(line) + 1 > max(room, 160):
                    break
                kept.append(line)
            text = "\n".join(kept or [lines[0][:157] + "…"]) + "\n" + MORE + "\n" + rest
    if size(text) > limit:
        lines = text.split("\n")
        sums = [i for i, line in enumerate(lines) if line.startswith("Σ ")]
        if len(sums) > 1:
            drop = set(sums[1:])
            lines = [line for i, line in enumerate(lines) if i not in drop]
            lines.insert(sums[0] + 1, "Σ " + MORE)
            text = "\n".join(lines)
    return text


def _fit(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` (counted in UTF-16 units, see :func:`size`)."""
    head = text[:limit]
    while size(head) > limit:
        head = head[: len(head) - max(1, (size(head) - limit) // 2)]
    return head


def split(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut at line breaks (else at a space, else anywhere)."""
    parts: list[str] = []
    rest = text
    while size(rest) > limit:
        head = _fit(rest, limit)
        limit_here = len(head)
        cut = head.rfind("\n")
        if cut < limit_here // 3:
            cut = head.rfind(" ")
        if cut < limit_here // 3:
            cut = limit_here
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest.strip() or not parts:
        parts.append(rest or "…")
    return parts


__all__ = ["render", "pick", "split", "clean_label", "qa_action", "fold"]
