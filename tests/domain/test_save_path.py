"""The field save's fast paths give what the general code gives: rules evaluated as compiled closures, numbers
typed as plain digits, one question's visibility (``bot/web/service.py::save_field``; issue 24)."""

from __future__ import annotations

import random

import pytest

from dialogs.loader import load_catalogue
from dialogs.parsing import ParseError, parse_integer
from dialogs.rules import compile_rule, evaluate


@pytest.mark.parametrize("source, values, expected", [
    ("a + b <= c", {"a": 1, "b": 2, "c": 3}, True),
    ("a + b <= c", {"a": 1, "b": 2, "c": 2}, False),
    ("a + b <= c", {"a": 1, "c": 2}, None),  # a name without a value: not checked
    ("a + b <= c", {"a": 1, "b": True, "c": 2}, None),  # a yes/no is not a number
    ("a < b < c", {"a": 5, "b": 1}, False),  # the chain stops at its first false link: c is never read
    ("a < b < c", {"a": 1, "b": 5}, None),
    ("a / b > 1", {"a": 1, "b": 0}, None),  # a division by zero: not checked
    ("a > 0 and b > 0", {"a": 0}, None),  # and/or read every operand
    ("a > 0 or b > 0", {"a": 1, "b": 0}, True),
    ("-a <= b - c * 2", {"a": 1, "b": 4, "c": 2}, True),
    ("t.r1.c1 >= t.r2.c1", {"t.r1.c1": 3, "t.r2.c1": 3.5}, False),
])
def test_rules_as_closures(source, values, expected):
    assert evaluate(compile_rule(source), values) is expected
    assert evaluate(compile_rule(source), values) is expected  # compiled once, the same the second time


@pytest.mark.parametrize("text, unit, expected", [
    ("0", None, 0), ("007", None, 7), ("1234", "nhiệm vụ", 1234), ("9" * 15, None, 10**15 - 1),
    ("0" * 20 + "5", None, 5), ("12", "2", 1),  # a unit of digits is stripped as before: "12" less "2"
])
def test_plain_digits(text, unit, expected):
    assert parse_integer(text, unit=unit) == expected


def test_plain_digits_errors_as_before():
    with pytest.raises(ParseError, match="Số quá lớn"):
        parse_integer("9" * 16)
    with pytest.raises(ParseError):
        parse_integer("150", max_value=100)


def test_one_question_visible_as_in_the_list():
    rnd = random.Random(24)
    for outline in load_catalogue().outlines.values():
        keys = [r.key for r in outline.refs]
        for _ in range(5):
            answers = {k: rnd.choice([0, 1, 5, "co", "khong", None]) for k in rnd.sample(keys, min(len(keys), 20))}
            code, kind = rnd.choice([("01", "tinh"), ("10001", "phuong"), ("10002", "xa"), (None, None)])
            shown = {r.key for r in outline.visible_refs(code, kind, answers)}
            assert {k for k in keys if outline.is_visible(k, code, kind, answers)} == shown, outline.id
        assert not outline.is_visible("no-such-key", None, None, {})
