"""Biểu tables: row by row (all cells in one message, or cell by cell), open groups of named rows, totals."""

from __future__ import annotations

import re
from typing import Any

from dialogs.answers import (
    NONE_TEXT,
    cell_example,
    expected_form,
    format_scalar,
    format_table,
    parse_row,
    parse_scalar,
    split_cells,
    table_grid,
)
from dialogs.engine.base import (
    DONE_WORDS,
    MAX_MESSAGE,
    Button,
    EngineView,
    Kind,
    Mode,
    Screen,
    Step,
    nav_row,
    option_buttons,
    option_value,
)
from dialogs.outline import Column, Question, Row
from dialogs.parsing import ParseError
from dialogs.text import fold

NUMERIC_CELLS = ("integer", "decimal", "money", "percent")


def table_rows(q: Question) -> list[Row]:
    """The rows asked one by one: rows with input cells and open groups."""
    assert q.table is not None
    return [r for r in q.table.rows if r.asked or r.open]


def copy_table(v: Any) -> dict[str, Any]:
    v = v if isinstance(v, dict) else {}
    return {"rows": {k: dict(x) for k, x in (v.get("rows") or {}).items()},
            "items": {k: [dict(i) for i in x] for k, x in (v.get("items") or {}).items()}}


def cells_text(cols: list[Column], cells: dict[str, Any]) -> str:
    return " | ".join(format_scalar(c, cells.get(c.key)) for c in cols)


class TableKind(Kind):
    # ------------------------------------------------------------------ screen
    def screen(self, e: EngineView, key: str, state: dict[str, Any]) -> Screen:
        q = e.outline.question(key)
        t = q.table
        assert t is not None
        steps = table_rows(q)
        ri = min(int(state.get("row", 0)), len(steps) - 1)
        row = steps[ri]
        value = e.ctx.answers.get(key) or {"rows": {}, "items": {}}
        cols = t.input_columns
        lines = e.header(key) + [q.prompt, f"{t.title}"]
        if q.help and ri == 0:
            lines.append(f"ℹ️ {q.help}")
        lines += ["", f"Dòng {ri + 1}/{len(steps)}: {(row.no + ' ') if row.no else ''}{row.label}",
                  "Các cột: " + " | ".join(f"{i}) {c.label}" for i, c in enumerate(cols, 1))]
        prev = e.prev_value(key) if e.has_prev(key) else None
        if row.open:
            buttons = self._group_lines(e, row, cols, value, prev, lines)
        else:
            buttons = self._row_lines(e, q, row, cols, value, prev, state, lines)
        totals = self._totals_line(q, value)
        if totals:
            lines += ["", totals]
        buttons.append([Button("⬅ Dòng trước", "rowback"), Button("✔ Xong biểu", "done")])
        buttons.append(nav_row())
        return Screen("\n".join(lines), buttons)

    def _group_lines(self, e: EngineView, row: Row, cols: list[Column], value: dict[str, Any], prev: Any,
                     lines: list[str]) -> list[list[Button]]:
        """An open group (named rows typed by the officer): the rows so far and how to add one."""
        items = (value.get("items") or {}).get(row.key) or []
        if items:
            lines.append(f"Đã nhập {len(items)} dòng:")
            for i, it in enumerate(items, 1):
                lines.append(f"  {i}. {it.get('label', '')}: " + "; ".join(
                    format_scalar(c, it.get(c.key)) for c in cols if it.get(c.key) not in (None, "")))
        lines.append("✍️ Thêm một dòng: gõ tên rồi các cột, cách nhau bằng dấu chấm phẩy. Ví dụ: "
                     + "; ".join(["Tên"] + [cell_example(c) for c in cols]))
        lines.append("Gõ «xoá 2» để xoá dòng 2. Bấm «Xong nhóm» khi hết.")
        buttons = [[Button("✔ Xong nhóm", "rownext")]]
        if prev and (prev.get("items") or {}).get(row.key) and not items:
            buttons.append([Button(f"↩ Giữ như {e.ctx.prev_label}", "rowkeep")])
        return buttons

    def _row_lines(self, e: EngineView, q: Question, row: Row, cols: list[Column], value: dict[str, Any], prev: Any,
                   state: dict[str, Any], lines: list[str]) -> list[list[Button]]:
        """A row with fixed cells: how to type them, what is stored, last period's row."""
        cells = dict((value.get("rows") or {}).get(row.key) or {})
        pending = state.get("cells")
        lines.append(f"✍️ {self._row_hint(q, state)}")
        if cells:
            lines.append("✅ Đã nhập: " + cells_text(cols, cells))
        prev_cells = (prev.get("rows") or {}).get(row.key) if prev else None
        if prev_cells:
            lines.append(f"🕘 {e.ctx.prev_label.capitalize()}: " + cells_text(cols, prev_cells))
        cell = cols[int(state.get("col", 0))] if pending is not None else (cols[0] if len(cols) == 1 else None)
        buttons = option_buttons(cell, "copt") if cell is not None else []
        if prev_cells and pending is None:
            buttons.append([Button(f"↩ Giữ dòng như {e.ctx.prev_label}", "rowkeep")])
        buttons.append([Button("∅ Dòng trống", "rowblank"), Button("Bỏ qua dòng ➡", "rownext")])
        return buttons

    def _row_hint(self, q: Question, state: dict[str, Any]) -> str:
        """How to type the current row (or cell), with an example typeable as it stands."""
        assert q.table is not None
        cols = q.table.input_columns
        if state.get("cells") is not None:
            ci = int(state.get("col", 0))
            c = cols[ci]
            return f"Ô {ci + 1}/{len(cols)} — {c.label}: {expected_form(c, unit=q.unit if c.type == 'integer' else None)}"
        all_num = all(c.type in NUMERIC_CELLS for c in cols)
        sep = " " if all_num else "; "
        return (f"Gõ {len(cols)} giá trị theo thứ tự cột, cách nhau bằng "
                + ("dấu cách" if all_num else "dấu chấm phẩy") + ". Ví dụ: "
                + sep.join(cell_example(c) for c in cols)
                + (" — hoặc gõ từng ô một." if len(cols) > 1 else ""))

    def expected(self, e: EngineView, key: str, state: dict[str, Any]) -> str:
        q, row = self._current_row(e, key, state)
        assert q.table is not None
        if row.open:
            return ("một dòng: tên rồi các cột, cách nhau bằng dấu chấm phẩy. Ví dụ: "
                    + "; ".join(["Tên"] + [cell_example(c) for c in q.table.input_columns]))
        return self._row_hint(q, state)

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

    # ------------------------------------------------------------------ typed text
    def on_text(self, e: EngineView, key: str, state: dict[str, Any], text: str) -> Step:
        q = e.outline.question(key)
        steps = table_rows(q)
        st = dict(state)
        row = steps[min(int(st.get("row", 0)), len(steps) - 1)]
        if fold(text) in DONE_WORDS:
            return e.on_action(key, Mode.QUESTION, state, "rownext" if row.open else "done", "")
        if row.open:
            return self._group_text(e, key, q, st, row, text)
        return self._row_text(e, key, q, st, row, text)

    def _group_text(self, e: EngineView, key: str, q: Question, st: dict[str, Any], row: Row, text: str) -> Step:
        """A named row added to an open group, or «xoá N»."""
        assert q.table is not None
        value = copy_table(e.ctx.answers.get(key))
        items = list((value["items"]).get(row.key) or [])
        m = re.fullmatch(r"(xoa|xo)\s+(\d+)", fold(text))
        if m:
            idx = int(m.group(2)) - 1
            if not 0 <= idx < len(items):
                return e.error(key, st, f"❗ Không có dòng {idx + 1}. Gõ «xoá 1» đến «xoá {len(items)}».")
            items.pop(idx)
            note = f"🗑 Đã xoá dòng {idx + 1}."
        else:
            try:
                item = parse_row(q.table, text, with_label=True)
            except ParseError as err:
                return e.error(key, st, f"❗ {err.message}")
            items.append(item)
            note = f"✔ Đã thêm dòng {len(items)}: {item['label']}"
        value["items"][row.key] = items
        e.ctx.answers[key] = value
        return Step(store=[(key, value)], screens=[Screen(note), self.screen(e, key, st)], key=key,
                    mode=Mode.QUESTION, state=st)

    def _row_text(self, e: EngineView, key: str, q: Question, st: dict[str, Any], row: Row, text: str) -> Step:
        """A fixed row: all cells in one message, or (after a single value) cell by cell."""
        t = q.table
        assert t is not None
        cols = t.input_columns
        cells = st.get("cells")
        if cells is None and len(cols) > 1 and len(split_cells(text, cols)) == 1:
            # one value ("4", "350 triệu"): the first cell; the others are asked one by one
            cells = {}
            st["col"] = 0
        if cells is None:
            try:
                cells = parse_row(t, text)
            except ParseError as err:
                return e.error(key, st, f"❗ {err.message}")
            return self._save_row(e, key, q, st, row, cells)
        ci = int(st.get("col", 0))
        c = cols[ci]
        try:
            if text.strip() not in ("-",):
                cells = dict(cells)
                cells[c.key] = parse_scalar(c, text)
        except ParseError as err:
            return e.error(key, st, f"❗ Ô «{c.label}»: {err.message}")
        return self._next_cell(e, key, q, st, row, cells, ci)

    def _next_cell(self, e: EngineView, key: str, q: Question, st: dict[str, Any], row: Row, cells: dict[str, Any],
                   ci: int) -> Step:
        assert q.table is not None
        if ci + 1 < len(q.table.input_columns):
            st["cells"] = cells
            st["col"] = ci + 1
            return Step(screens=[self.screen(e, key, st)], key=key, mode=Mode.QUESTION, state=st)
        st.pop("cells", None)
        st.pop("col", None)
        return self._save_row(e, key, q, st, row, cells)

    def _save_row(self, e: EngineView, key: str, q: Question, st: dict[str, Any], row: Row,
                  cells: dict[str, Any]) -> Step:
        value = copy_table(e.ctx.answers.get(key))
        value["rows"][row.key] = cells
        e.ctx.answers[key] = value
        e.answers_changed()
        t = q.table
        assert t is not None
        screens = [Screen(f"✔ Dòng «{row.label}»: " + cells_text(t.input_columns, cells))]
        warn = e.rule_warnings(key)
        if warn:
            screens.append(warn)
        step = self._move(e, key, q, st, +1, screens)
        step.store.insert(0, (key, value))
        return step

    def _move(self, e: EngineView, key: str, q: Question, st: dict[str, Any], delta: int, screens: list[Screen]) -> Step:
        steps = table_rows(q)
        ri = max(int(st.get("row", 0)) + delta, 0)
        st = {k: v for k, v in st.items() if k not in ("cells", "col")}
        if ri >= len(steps):
            value = e.ctx.answers.get(key)
            done = [Screen(f"✔ Xong biểu.\n{format_table(q.table, value) if value else NONE_TEXT}"[:MAX_MESSAGE])]  # type: ignore[arg-type]
            return e.settle(key, st, screens + done) if value else e.advance(key, st, screens + done)
        st["row"] = ri
        return Step(screens=screens + [self.screen(e, key, st)], key=key, mode=Mode.QUESTION, state=st)

    # ------------------------------------------------------------------ buttons
    def _current_row(self, e: EngineView, key: str, st: dict[str, Any]) -> tuple[Question, Row]:
        q = e.outline.question(key)
        steps = table_rows(q)
        return q, steps[min(int(st.get("row", 0)), len(steps) - 1)]

    def back(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step | None:
        """«Quay lại» goes to the previous row; on the first row, to the previous question (the engine's)."""
        if int(st.get("row", 0)) > 0:
            return self._move(e, key, e.outline.question(key), st, -1, [])
        return None

    def done(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        value = copy_table(e.ctx.answers.get(key))
        e.ctx.answers[key] = value
        step = self._move(e, key, e.outline.question(key), st, 10**6, [])
        step.store.insert(0, (key, value))
        return step

    def row_next(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        return self._move(e, key, e.outline.question(key), st, +1, [])

    def row_back(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        return self._move(e, key, e.outline.question(key), st, -1, [])

    def row_blank(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        q, row = self._current_row(e, key, st)
        return self._save_row(e, key, q, st, row, {})

    def cell_option(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step | None:
        """A choice or yes/no button of the cell being entered (or of a one-column row)."""
        q, row = self._current_row(e, key, st)
        assert q.table is not None
        cols = q.table.input_columns
        if row.open:
            return None
        ci = int(st.get("col", 0)) if st.get("cells") is not None else 0
        ok, value = option_value(cols[ci], arg)
        if not ok:
            return None
        cells = {**(st.get("cells") or {}), cols[ci].key: value}
        return self._next_cell(e, key, q, st, row, cells, ci)

    def row_keep(self, e: EngineView, key: str, st: dict[str, Any], arg: str) -> Step:
        q, row = self._current_row(e, key, st)
        prev = e.prev_value(key) or {}
        if not row.open:
            return self._save_row(e, key, q, st, row, dict((prev.get("rows") or {}).get(row.key) or {}))
        value = copy_table(e.ctx.answers.get(key))
        value["items"][row.key] = list((prev.get("items") or {}).get(row.key) or [])
        e.ctx.answers[key] = value
        step = self._move(e, key, q, st, +1, [Screen(f"✔ Giữ {len(value['items'][row.key])} dòng như "
                                                     f"{e.ctx.prev_label}.")])
        step.store.insert(0, (key, value))
        return step

    ACTIONS = {"back": back, "done": done, "rownext": row_next, "rowback": row_back, "rowblank": row_blank,
               "rowkeep": row_keep, "copt": cell_option}
