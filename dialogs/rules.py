"""Cross-question validation rules: small arithmetic comparisons over answer keys.

A rule is written in the outline as ``check: "nv_hoan_thanh + nv_dang_thuc_hien <= nv_tong"`` with a
Vietnamese ``message``. Names are question keys (numeric answers) or ``table.row.col`` for a Biểu cell.
Only + - * / unary minus, comparisons, ``and``/``or`` and number literals are allowed.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_CMP = {
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
}


class RuleSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class CompiledRule:
    source: str
    tree: ast.Expression
    names: tuple[str, ...]


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


@lru_cache(maxsize=1024)
def compile_rule(source: str) -> CompiledRule:
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as e:
        raise RuleSyntaxError(f"biểu thức kiểm tra sai cú pháp: «{source}» ({e.msg})") from None
    names: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Expression):
            visit(node.body)
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And | ast.Or):
            for v in node.values:
                visit(v)
        elif isinstance(node, ast.Compare):
            if not all(type(o) in _CMP for o in node.ops):
                raise RuleSyntaxError(f"phép so sánh không được hỗ trợ trong «{source}»")
            visit(node.left)
            for c in node.comparators:
                visit(c)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _BIN:
                raise RuleSyntaxError(f"phép toán không được hỗ trợ trong «{source}» (chỉ + - * /)")
            visit(node.left)
            visit(node.right)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            visit(node.operand)
        elif isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(
            node.value, bool
        ):
            pass
        elif (name := _dotted(node)) is not None:
            if name not in names:
                names.append(name)
        else:
            raise RuleSyntaxError(f"thành phần không được phép trong «{source}»: {ast.dump(node)[:40]}")

    visit(tree)
    if not isinstance(tree.body, ast.Compare | ast.BoolOp):
        raise RuleSyntaxError(f"biểu thức kiểm tra phải là một phép so sánh: «{source}»")
    return CompiledRule(source, tree, tuple(names))


def evaluate(rule: CompiledRule, values: dict[str, Any]) -> bool | None:
    """True/False, or None when a name has no numeric value yet (the rule is not checked then)."""
    fn = rule.__dict__.get("_fn")
    if fn is None:  # the tree turned into nested closures once per rule (a save checks its rules every time)
        fn = rule.__dict__["_fn"] = _closure(rule.tree)
    try:
        return bool(fn(values))
    except _Missing:
        return None


def _closure(node: ast.AST) -> Callable[[dict[str, Any]], Any]:
    """``node`` as a function of the values, evaluated as the tree reads: every operand of ``and``/``or``, a chained
    comparison stopping at its first false link, a division by zero or a name without a number → ``_Missing``."""
    if isinstance(node, ast.Expression):
        return _closure(node.body)
    if isinstance(node, ast.BoolOp):
        parts = [_closure(v) for v in node.values]
        if isinstance(node.op, ast.And):
            return lambda vals: all([f(vals) for f in parts])
        return lambda vals: any([f(vals) for f in parts])
    if isinstance(node, ast.Compare):
        return _compare(_closure(node.left), [(_CMP[type(op)], _closure(c))
                                              for op, c in zip(node.ops, node.comparators, strict=True)])
    if isinstance(node, ast.BinOp):
        return _binop(_closure(node.left), _closure(node.right), _BIN[type(node.op)], isinstance(node.op, ast.Div))
    if isinstance(node, ast.UnaryOp):
        operand = _closure(node.operand)
        return lambda vals: -operand(vals)
    if isinstance(node, ast.Constant):
        const = node.value
        return lambda vals: const
    return _name(_dotted(node))


def _compare(first: Callable[[dict[str, Any]], Any], links: list[tuple[Any, Any]]) -> Callable[[dict[str, Any]], Any]:
    def compare(vals: dict[str, Any]) -> bool:
        left = first(vals)
        for op, f in links:
            right = f(vals)
            if not op(left, right):
                return False
            left = right
        return True

    return compare


def _binop(lf: Callable[[dict[str, Any]], Any], rf: Callable[[dict[str, Any]], Any], op: Any,
           div: bool) -> Callable[[dict[str, Any]], Any]:
    def binop(vals: dict[str, Any]) -> Any:
        lhs, rhs = lf(vals), rf(vals)
        if div and rhs == 0:
            raise _Missing
        return op(lhs, rhs)

    return binop


def _name(name: str | None) -> Callable[[dict[str, Any]], Any]:
    def value(vals: dict[str, Any]) -> Any:
        v = vals.get(name) if name else None
        if v is None or isinstance(v, bool) or not isinstance(v, int | float):
            raise _Missing
        return v

    return value


class _Missing(Exception):
    pass
