"""Seeds 000–004 walked end to end through the real Dispatcher by a driver that answers from the bot's own hints
and taps buttons by their text (tests/support/walk.py): no dead end, submitted, and at most 1.2 bot messages per input."""

from __future__ import annotations

import pytest

from tests.support.harness import Harness
from tests.support.walk import SEEDS, Walker, check_walked, open_for


@pytest.mark.parametrize("seed", sorted(SEEDS))
async def test_walk_outline_end_to_end(db, db_url, seed):
    outline, csv, code, what = SEEDS[seed]
    h = await Harness(db, db_url).start()
    invite, period_id = await open_for(db, outline, csv, code)
    u = h.user(300 + int(seed), "Cán bộ")
    await h.say(u, f"/start {invite}")
    walk = await Walker(h, u).run()
    print(f"\nseed {seed} ({outline}, {what} {code}): {walk.inputs} inputs, {walk.bot_messages} bot messages, "
          f"{walk.per_input:.2f} per input")
    await check_walked(db, walk, code, period_id)


# --------------------------------------------------------------------------- pure: examples and table choices


def _items():
    from dialogs.loader import load_catalogue

    for o in load_catalogue():
        for r in o.refs:
            q = r.question
            yield o.id, q.key, q
            if q.type in ("list", "documents"):
                yield from ((o.id, f"{q.key}.{f.key}", f) for f in q.record_fields)
            if q.type == "table" and q.table is not None:
                yield from ((o.id, f"{q.key}.{c.key}", c) for c in q.table.input_columns)


def test_every_example_is_typeable_as_it_stands_and_never_split_by_a_comma():
    """"Ví dụ: 350 triệu; 1,2 tỷ hoặc 350": examples are separated by "hoặc" or ";" (a comma is the decimal mark),
    and each one, typed as shown, is accepted by the parser of its question."""
    import re

    from dialogs.answers import expected_form, parse_scalar
    from dialogs.parsing import ParseError

    checked = 0
    for outline_id, key, item in _items():
        if item.type in ("list", "documents", "table", "multichoice", "longtext"):
            continue
        m = re.search(r"Ví dụ: (.+)", expected_form(item))
        if not m:
            continue
        for example in re.split(r" hoặc |; ", m.group(1)):
            example = re.sub(r"\s*\(.*$", "", example).strip()
            try:
                parse_scalar(item, example)
            except ParseError as err:
                raise AssertionError(f"{outline_id} {key}: «{example}» is refused: {err.message}") from err
            checked += 1
    assert checked > 100


TABLE_WITH_CHOICES = """\
id: thu-bang
title: Biểu thử
period: {kind: one_off}
respondents: [xa]
sections:
  - no: I-
    title: Phần một
    items:
      - key: bieu
        prompt: Tình trạng trụ sở
        type: table
        table:
          title: Biểu thử
          columns:
            - {key: so, label: Số trụ sở}
            - {key: tinh_trang, label: Tình trạng, type: choice, options: [Tốt, Xuống cấp]}
            - {key: da_sua, label: Đã sửa chữa, type: yesno}
          rows:
            - {key: xa, label: Trụ sở xã}
"""


def test_table_cells_of_choice_and_yes_no_offer_buttons():
    from dialogs.engine import Engine, ReportContext
    from dialogs.loader import check_outline_text

    outline, problems = check_outline_text(TABLE_WITH_CHOICES)
    assert problems == [] and outline is not None
    e = Engine(ReportContext(outline, "1", "xa", {}))
    step = e.begin()
    assert len(step.screens) == 1  # the period's header and the first question: one message
    assert "\n\n📋 I — Phần một\n" in step.screens[0].text  # "I-" shown alone keeps its form, not in a path
    step = e.on_text(step.key, step.mode, step.state, "3")  # one value: cell by cell
    screen = step.screens[-1]
    assert "Ô 2/3 — Tình trạng" in screen.text
    assert [b.text for b in screen.buttons[0] + screen.buttons[1]] == ["1. Tốt", "2. Xuống cấp"]
    step = e.on_action(step.key, step.mode, step.state, "copt", screen.buttons[1][0].arg)
    assert "Ô 3/3 — Đã sửa chữa" in step.screens[-1].text
    assert [b.text for b in step.screens[-1].buttons[0]] == ["Có", "Không"]
    wrong = e.on_text(step.key, step.mode, step.state, "để sau")
    assert wrong.error and [b.text for b in wrong.screens[0].buttons[0]] == ["Có", "Không"]
    step = e.on_text(step.key, step.mode, step.state, "khong")  # words without diacritics
    assert step.store == [("bieu", {"rows": {"xa": {"so": 3, "tinh_trang": "o2", "da_sua": False}}, "items": {}})]
